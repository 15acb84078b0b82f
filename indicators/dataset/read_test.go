package dataset

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

// zeros is /dev/zero: it never ends.
type zeros struct{ read int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}

// A file that is not text is refused from its first bytes: /dev/zero once
// ran for 37 s and died out of memory.
func TestEndlessBinaryIsRefusedAtOnce(t *testing.T) {
	z := &zeros{}
	_, err := Read(z, nil, Options{File: "/dev/zero"})
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "NUL byte: not a text file")
	assert.LessOrEqual(t, z.read, int64(sniff), "no more than the first bytes were read")
}

// A text file over the bound is refused with the bound and the flag that
// raises it; one at the bound is read.
func TestFileSizeBound(t *testing.T) {
	const csv = "单位代码,单位名称,层级\nc,示例市,市\n"
	_, err := ReadMax(strings.NewReader(csv), nil, Options{File: "a.csv"}, int64(len(csv)))
	require.NoError(t, err, "a file exactly at the bound is read")

	_, err = ReadMax(strings.NewReader(csv), nil, Options{File: "a.csv"}, int64(len(csv))-1)
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "zh"), "文件超过 48 字节，未读取")
	assert.Contains(t, msg.In(err, "en"), "raise the limit with --max-bytes")
	assert.Contains(t, err.Error(), "a.csv", "the error names the file")

	// Past the first bytes sniffed: a long text stream stops at the bound.
	long := io.MultiReader(strings.NewReader("单位代码,单位名称\n"), strings.NewReader(strings.Repeat("x,y\n", 1<<16)))
	_, err = ReadMax(long, nil, Options{File: "big.csv"}, 128<<10)
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "larger than 128 KB")
}

// A UTF-8 file with one line pasted from a GBK file names that line; a
// Shift-JIS file, which GB18030 decodes into garbage, gets a hint about
// the encoding beside the missing columns.
func TestEncodingMessagesNameTheRealProblem(t *testing.T) {
	gbkLine, err := encodeGBK("k2,西区幼儿园,学校,幼儿园,d1,500")
	require.NoError(t, err)
	mixed := "单位代码,单位名称,层级,学校类型,上级单位\nc,示例市,市,,\nd1,东区,区,,c\nk1,东区幼儿园,学校,幼儿园,d1\n" + gbkLine + "\n"
	_, err = Read(strings.NewReader(mixed), nil, Options{File: "mixed.csv"})
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "zh"), "第5行不是 UTF-8，而前面各行是 UTF-8 的中文")
	assert.Contains(t, msg.In(err, "en"), "line 5 is not UTF-8")

	// A GBK file whose first lines are plain ASCII is still read as GBK.
	gbk, err := encodeGBK("id,name,level\nc,示例市,city\n")
	require.NoError(t, err)
	d, err := Read(strings.NewReader(gbk), nil, Options{File: "gbk.csv"})
	require.NoError(t, err)
	assert.Equal(t, GBK, d.Source.Encoding)
	assert.Equal(t, "示例市", d.Units[0].Name)

	// 単位コード,名称,層級 in Shift-JIS.
	sjis := []byte{0x92, 0x50, 0x88, 0xca, 0x83, 0x52, 0x81, 0x5b, 0x83, 0x68, ',', 0x96, 0xbc, 0x8f, 0xcc, ',', 0x91, 0x77, 0x8b, 0x89, '\n', 'c', ',', 'x', ',', 'y', '\n'}
	_, err = Read(strings.NewReader(string(sjis)), nil, Options{File: "sjis.csv"})
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "zh"), "文件可能是其他编码（如 Shift-JIS、Big5）")
	assert.Contains(t, msg.In(err, "en"), "save it from Excel as \"CSV UTF-8\"")
}

// Names that a spreadsheet would run as formulas are written as text in
// the figures' CSV and the template, and read back as they were.
func TestFormulaLikeNamesRoundTrip(t *testing.T) {
	d := New(2017)
	require.NoError(t, d.Add(OrgUnit{ID: "c", Name: "=HYPERLINK(\"http://x\",\"市\")", Level: "city"}))
	require.NoError(t, d.Add(OrgUnit{ID: "@d1", Name: "@SUM(1+1)", Level: "district", Parent: "c"}))
	require.NoError(t, d.Add(OrgUnit{ID: "k1", Name: "-cmd", Level: "school", Kind: "kindergarten", Parent: "@d1"}))
	for _, enc := range []Encoding{UTF8BOM, UTF8} {
		var b strings.Builder
		require.NoError(t, d.WriteCSV(&b, nil, enc))
		for _, line := range strings.Split(b.String(), "\n") {
			for _, cell := range strings.Split(line, ",") {
				cell = strings.Trim(cell, "\"\r\uFEFF")
				if cell != "" && strings.ContainsRune("=@+-", rune(cell[0])) && !strings.HasPrefix(cell, "=\"") {
					t.Errorf("%s: a cell starts like a formula: %q", enc, cell)
				}
			}
		}
		back, err := Read(strings.NewReader(b.String()), nil, Options{File: "back.csv"})
		require.NoError(t, err, b.String())
		assert.Equal(t, d.Units, back.Units, "read back as written")
	}
}
