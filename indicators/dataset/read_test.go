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
