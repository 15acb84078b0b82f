package dataset

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		units []OrgUnit
		want  Errors
	}{
		{"valid", []OrgUnit{
			{ID: "c", Level: org.City},
			{ID: "d", Level: org.District, Parent: "c"},
			{ID: "s", Level: org.School, Kind: org.Primary, Parent: "d"},
			{ID: "t", Level: org.School, Kind: org.Special, Parent: "c"},
		}, nil},
		{"ids", []OrgUnit{{ID: "", Level: org.City}, {ID: "c", Level: org.City}, {ID: "c", Level: org.City}}, Errors{
			{Path: "units[0].id", Reason: msg.T("代码为空", "the id is empty")},
			{Path: "units[2].id", Text: "c", Reason: msg.T("代码重复，与 units[1] 相同", "duplicate id, the same as units[1]")},
		}},
		{"levels and kinds", []OrgUnit{
			{ID: "a", Level: "province"},
			{ID: "b", Level: org.School},
			{ID: "c", Level: org.District, Kind: org.Primary},
		}, Errors{
			{Path: "units[0].level", Text: "province", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{Path: "units[1].kind", Reason: msg.T("学校缺少类型", "a school needs a kind")},
			{Path: "units[2].kind", Text: "primary", Reason: msg.T("只有学校才有学校类型", "only a school has a kind")},
		}},
		{"parents", []OrgUnit{
			{ID: "c", Level: org.City, Parent: "x"},
			{ID: "d", Level: org.District, Parent: "d"},
			{ID: "e", Level: org.District, Parent: "d"},
			{ID: "s", Level: org.School, Kind: org.Primary, Parent: "t"},
			{ID: "t", Level: org.School, Kind: org.Primary, Parent: "e"},
			{ID: "c2", Level: org.City, Parent: "c"},
		}, Errors{
			{Path: "units[0].parent", Text: "x", Reason: msg.T("上级单位不存在", "the parent is not among the units")},
			{Path: "units[1].parent", Text: "d", Reason: msg.T("上级不能是自己", "a unit cannot be its own parent")},
			{Path: "units[2].parent", Text: "d", Reason: msg.T("区县的上级应为市", "a district's parent must be a city")},
			{Path: "units[3].parent", Text: "t", Reason: msg.T("学校的上级应为区县或市", "a school's parent must be a district or a city")},
			{Path: "units[5].parent", Text: "c", Reason: msg.T("市不能有上级", "a city has no parent")},
		}},
		{"loop through bad levels", []OrgUnit{
			{ID: "a", Level: "x", Parent: "b"},
			{ID: "b", Level: "x", Parent: "c"},
			{ID: "c", Level: "x", Parent: "a"},
			{ID: "z", Level: "x", Parent: "a"},
		}, Errors{
			{Path: "units[0].level", Text: "x", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{Path: "units[1].level", Text: "x", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{Path: "units[2].level", Text: "x", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{Path: "units[3].level", Text: "x", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{Path: "units[0].parent", Text: "b", Reason: msg.T("上级关系成环：a → b → c → a", "the parent chain loops: a → b → c → a")},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &Dataset{Units: tc.units}
			err := d.Validate()
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestRootsAndSubtree(t *testing.T) {
	d := readString(t, cityCSV, Options{Year: 2017, File: "city.csv"})
	d.Note = "n"
	assert.Equal(t, []int{0}, d.Roots())

	sub := d.Subtree("d1")
	require.NotNil(t, sub)
	assert.Equal(t, []OrgUnit{
		{ID: "d1", Name: "京口区", Level: org.District},
		{ID: "s1", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
		{ID: "s2", Name: "第一小学", Level: org.School, Kind: org.Primary, Parent: "d1"},
	}, sub.Units)
	assert.Equal(t, 2017, sub.Year)
	assert.Equal(t, "n", sub.Note)
	assert.Equal(t, d.Source, sub.Source)
	assert.NoError(t, sub.Validate())
	assert.Equal(t, []int{0}, sub.Roots())
	assert.Equal(t, 5000.0, value(t, sub, "d1", "preschool_population"))
	assert.Equal(t, 1234.0, value(t, sub, "s1", "preschool_enrolled"))
	assert.Equal(t, 0.971, value(t, sub, "s2", "pe_pass_rate"))
	assert.Nil(t, value(t, sub, "s3", "pe_pass_rate"))
	i, ok := sub.Index("s2")
	require.True(t, ok)
	assert.Equal(t, 2, i)
	assert.Equal(t, []int{1, 2}, sub.Children(0))

	// Changing the subtree leaves the original alone.
	require.NoError(t, sub.Set("s1", "preschool_enrolled", 1))
	assert.Equal(t, 1234.0, value(t, d, "s1", "preschool_enrolled"))

	school := d.Subtree("s3")
	assert.Equal(t, []OrgUnit{{ID: "s3", Name: "市直属中学", Level: org.School, Kind: org.SeniorSecond}}, school.Units)
	assert.True(t, d.Subtree("c").Equal(d))
	assert.Nil(t, d.Subtree("nope"))

	// A district's file: its schools hang under a unit outside the file.
	part := &Dataset{Units: []OrgUnit{
		{ID: "s1", Level: org.School, Parent: "d1"},
		{ID: "s2", Level: org.School, Parent: "d1"},
		{ID: "s3", Level: org.School, Parent: "s1"},
	}}
	assert.Equal(t, []int{0, 1}, part.Roots())
}

func TestEqual(t *testing.T) {
	a := New(2017)
	require.NoError(t, a.Add(OrgUnit{ID: "s", Level: org.School, Kind: org.Primary}))
	b := New(2017)
	require.NoError(t, b.Add(OrgUnit{ID: "s", Level: org.School, Kind: org.Primary}))
	assert.True(t, a.Equal(b))
	b.column("funding") // a column with nothing present is no column
	assert.True(t, a.Equal(b))
	require.NoError(t, b.Set("s", "funding", 0))
	assert.False(t, a.Equal(b), "zero is not missing")
	assert.False(t, b.Equal(a))
	require.NoError(t, a.Set("s", "funding", 0))
	assert.True(t, a.Equal(b))
	b.Source = Source{File: "x", Encoding: GBK}
	assert.True(t, a.Equal(b), "source is not compared")
	b.Note = "x"
	assert.False(t, a.Equal(b))
	assert.False(t, a.Equal(nil))
	assert.True(t, (*Dataset)(nil).Equal(nil))
}

func TestDecodeText(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("镇江市,京口区\n")
	require.NoError(t, err)
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().String("𠀀镇江\n") // a character beyond GBK
	require.NoError(t, err)
	tests := []struct {
		name string
		in   string
		text string
		enc  Encoding
		err  msg.Text
	}{
		{"empty", "", "", UTF8, msg.Text{}},
		{"ascii", "id,name\n", "id,name\n", UTF8, msg.Text{}},
		{"utf-8", "镇江市\n", "镇江市\n", UTF8, msg.Text{}},
		{"utf-8 bom", "\xEF\xBB\xBF镇江市", "镇江市", UTF8BOM, msg.Text{}},
		{"bom only", "\xEF\xBB\xBF", "", UTF8BOM, msg.Text{}},
		{"gbk", gbk, "镇江市,京口区\n", GBK, msg.Text{}},
		{"gb18030", gb18030, "𠀀镇江\n", GBK, msg.Text{}},
		{"utf-16le", "\xFF\xFEa\x00\x2d\x4e\n\x00", "a中\n", UTF16LE, msg.Text{}},
		{"utf-16le surrogate pair", "\xFF\xFE\x40\xd8\x00\xdc", "𠀀", UTF16LE, msg.Text{}},
		{"utf-16be", "\xFE\xFF\x00a\x4e\x2d", "a中", UTF16BE, msg.Text{}},
		{"utf-16 odd", "\xFF\xFEa", "", UTF16LE, msg.T("utf-16le 文件的字节数应为偶数，文件可能被截断", "a utf-16le file has an even number of bytes: this one may be truncated")},
		{"utf-16 lone surrogate", "\xFF\xFEa\x00\n\x00\x00\xd8", "", UTF16LE, msg.T("第2行有不成对的 UTF-16 代理项", "line 2 has an unpaired UTF-16 surrogate")},
		{"bom then bad utf-8", "\xEF\xBB\xBFa\nb\xff", "", UTF8BOM, msg.T("第2行不是有效的 UTF-8（文件开头标明是 UTF-8）", "line 2 is not valid UTF-8 although the file starts with a UTF-8 byte order mark")},
		{"neither", "ok\n\xff\x20", "", GBK, msg.T("第2行有无法识别的字节：文件既不是 UTF-8 也不是 GBK，请在 Excel 中另存为“CSV UTF-8”", "line 2 has bytes that are neither UTF-8 nor GBK: save the file from Excel as \"CSV UTF-8\"")},
		{"nul", "a\nb\x00", "", "", msg.T("第2行含有空字节（NUL），不是文本文件（或是没有字节顺序标记的 UTF-16）", "line 2 contains a NUL byte: not a text file (or UTF-16 without a byte order mark)")},
		{"xls", "\xD0\xCF\x11\xE0rest", "", "", msg.T("这是旧版 Excel 工作簿（.xls），不是 CSV：请在 Excel 中“另存为”CSV", "this is an old Excel workbook (.xls), not CSV: use \"Save as\" CSV in Excel")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := DecodeText([]byte(tc.in))
			assert.Equal(t, tc.enc, enc)
			if !tc.err.IsZero() {
				assert.Equal(t, tc.err.ZH, msg.In(err, "zh"))
				assert.Equal(t, tc.err.EN, msg.In(err, "en"))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.text, text)
		})
	}
}

func TestErrorsReachTheUser(t *testing.T) {
	// What a page shows: one line per problem, file first.
	_, err := ReadCSV(strings.NewReader("代码,名称,学校类型,在园幼儿数（人）\ns1,一小,小学,1,2x3\n"), testFields, Options{File: "一小.csv"})
	require.Error(t, err)
	assert.Equal(t, `一小.csv:2:5: "2x3": 这一格在最后一列之后，没有列名 / this cell is beyond the last column and has no header`, err.Error())
	_, err = ReadCSV(bytes.NewReader([]byte("a\x00")), testFields, Options{File: "x.csv"})
	assert.EqualError(t, err, "x.csv: 第1行含有空字节（NUL），不是文本文件（或是没有字节顺序标记的 UTF-16） / line 1 contains a NUL byte: not a text file (or UTF-16 without a byte order mark)")
	assert.Equal(t, "x.csv: line 1 contains a NUL byte: not a text file (or UTF-16 without a byte order mark)", msg.In(err, "en"))
}

func TestWithin(t *testing.T) {
	d := New(2017)
	for _, u := range []OrgUnit{
		{ID: "c", Name: "市", Level: org.City},
		{ID: "a", Name: "甲区", Level: org.District, Parent: "c"},
		{ID: "b", Name: "乙区", Level: org.District, Parent: "c"},
		{ID: "a1", Name: "甲小", Level: org.School, Kind: org.Primary, Parent: "a"},
		{ID: "b1", Name: "乙小", Level: org.School, Kind: org.Primary, Parent: "b"},
	} {
		require.NoError(t, d.Add(u))
	}
	keep, missing := d.Within(nil)
	assert.Nil(t, keep, "no ids: every unit")
	assert.Nil(t, missing)
	keep, missing = d.Within([]string{"a", "b1", "zz"})
	assert.Equal(t, []bool{false, true, false, true, true}, keep)
	assert.Equal(t, []string{"zz"}, missing)
	keep, missing = d.Within([]string{"乙区"})
	assert.Equal(t, []bool{false, false, true, false, true}, keep, "a name only one unit has")
	assert.Empty(t, missing)
}

func TestFind(t *testing.T) {
	d := New(2017)
	for _, u := range []OrgUnit{
		{ID: "c", Name: "市", Level: org.City},
		{ID: "a", Name: "东区", Level: org.District, Parent: "c"},
		{ID: "a1", Name: "实验小学", Level: org.School, Kind: org.Primary, Parent: "a"},
		{ID: "b", Name: "西区", Level: org.District, Parent: "c"},
		{ID: "b1", Name: "实验小学", Level: org.School, Kind: org.Primary, Parent: "b"},
		{ID: "西区", Name: "西区分校", Level: org.School, Kind: org.Primary, Parent: "b"},
	} {
		require.NoError(t, d.Add(u))
	}
	tests := []struct {
		ref string
		at  int
		ok  bool
	}{
		{"a1", 2, true},
		{"东区", 1, true},
		{"实验小学", -1, false}, // two units have that name
		{"西区", 5, true},     // an id wins over a name
		{"南区", -1, false},
	}
	for _, tt := range tests {
		i, ok := d.Find(tt.ref)
		assert.Equal(t, tt.ok, ok, tt.ref)
		if tt.ok {
			assert.Equal(t, tt.at, i, tt.ref)
		}
	}
}
