package dataset

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cityJSON = `{
  "format": "eduplan.data/v1",
  "year": 2017,
  "note": "synthetic figures",
  "units": [
    {"id": "c", "name": "镇江市", "level": "city"},
    {"id": "d1", "name": "京口区", "level": "district", "parent": "c", "figures": {"pe_pass_rate": 96.5, "preschool_population": 5000}},
    {"id": "d2", "name": "润州区", "level": "district", "parent": "c"},
    {"id": "s1", "name": "实验幼儿园", "level": "school", "kind": "kindergarten", "parent": "d1", "figures": {"funding": 2500.5, "preschool_enrolled": 1234}},
    {"id": "s2", "name": "第一小学", "level": "school", "kind": "primary", "parent": "d1", "figures": {"funding": 1800, "pe_pass_rate": 97.1}},
    {"id": "s3", "name": "市直属中学", "level": "school", "kind": "senior", "parent": "c"}
  ]
}
`

func TestReadJSON(t *testing.T) {
	d, err := ReadJSON(strings.NewReader(cityJSON), testFields, Options{File: "city.json"})
	require.NoError(t, err)
	checkCity(t, d)
	assert.Equal(t, 2017, d.Year)
	assert.Equal(t, "synthetic figures", d.Note)
	assert.Equal(t, Source{File: "city.json", Encoding: UTF8, Lines: []int{6, 7, 8, 9, 10, 11}}, d.Source)

	// The same figures from CSV are the same dataset.
	c := readString(t, cityCSV, Options{Year: 2017})
	c.Note = "synthetic figures"
	assert.True(t, c.Equal(d))
}

func TestReadJSONValues(t *testing.T) {
	in := `{"format":"eduplan.data/v1","units":[{"id":"s","name":"一小","level":"学校","kind":"小学",
	"figures":{"pe_pass_rate":"97.1%","preschool_enrolled":"1,234","funding":null,"preschool_population":"-"}}]}`
	d, err := ReadJSON(strings.NewReader(in), testFields, Options{Year: 2016})
	require.NoError(t, err)
	assert.Equal(t, 2016, d.Year, "Options.Year when the file has none")
	assert.Equal(t, []OrgUnit{{ID: "s", Name: "一小", Level: org.School, Kind: org.Primary}}, d.Units)
	assert.Equal(t, 0.971, value(t, d, "s", "pe_pass_rate"))
	assert.Equal(t, 1234.0, value(t, d, "s", "preschool_enrolled"))
	assert.Nil(t, value(t, d, "s", "funding"))
	assert.Nil(t, value(t, d, "s", "preschool_population"))
}

func TestJSONRoundTrip(t *testing.T) {
	d, err := ReadJSON(strings.NewReader(cityJSON), testFields, Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, d.WriteJSON(&b, testFields))
	assert.Equal(t, cityJSON, b.String(), "the writer's output is the canonical form")
	back, err := ReadJSON(bytes.NewReader(b.Bytes()), testFields, Options{})
	require.NoError(t, err)
	assert.True(t, d.Equal(back))

	// Awkward values survive exactly.
	e := New(0)
	require.NoError(t, e.Add(OrgUnit{ID: `a"b\c`, Name: "<x & y>\n\t", Level: org.School, Kind: org.Primary}))
	for _, v := range []float64{0.1 + 0.2, 1.0 / 3, 1e-9, 123456789.123} {
		require.NoError(t, e.Set(`a"b\c`, "pe_pass_rate", v))
		require.NoError(t, e.Set(`a"b\c`, "funding", v*1e6))
		b.Reset()
		require.NoError(t, e.WriteJSON(&b, testFields))
		back, err := ReadJSON(bytes.NewReader(b.Bytes()), testFields, Options{})
		require.NoError(t, err, b.String())
		assert.True(t, e.Equal(back), b.String())
		var again bytes.Buffer
		require.NoError(t, back.WriteJSON(&again, testFields))
		assert.Equal(t, b.String(), again.String(), "byte-identical")
	}

	empty := New(0)
	b.Reset()
	require.NoError(t, empty.WriteJSON(&b, nil))
	assert.Equal(t, "{\n  \"format\": \"eduplan.data/v1\",\n  \"units\": []\n}\n", b.String())
	// Written, an empty dataset is refused on reading, as a CSV file of a
	// header alone is: a data file with no units is a mistake.
	_, err = ReadJSON(&b, nil, Options{File: "d.json"})
	require.Error(t, err)
	assert.Equal(t, "d.json:3:12: units: units is empty: the file holds no units", msg.In(err, "en"))
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Errors
	}{
		{"syntax", "{\"format\": \"eduplan.data/v1\",\n  \"units\": [1,]}", Errors{
			{File: "f", Row: 2, Column: 15, Reason: msg.T("JSON 语法错误：此处不应有 ']'", "JSON syntax error: unexpected ']'")},
		}},
		{"leading zero", `{"year": 02017}`, Errors{
			{File: "f", Row: 1, Column: 10, Reason: msg.T("JSON 语法错误：数字格式不对", "JSON syntax error: malformed number")},
		}},
		{"control character", "{\"note\": \"a\tb\"}", Errors{
			{File: "f", Row: 1, Column: 12, Reason: msg.T("JSON 语法错误：字符串中有控制字符（换行须写成 \\n）", "JSON syntax error: control character in a string (write a line break as \\n)")},
		}},
		{"trailing text", `{"units": []} x`, Errors{
			{File: "f", Row: 1, Column: 15, Reason: msg.T("JSON 语法错误：JSON 值之后还有多余内容", "JSON syntax error: extra text after the JSON value")},
		}},
		{"unterminated", `{"note": "abc`, Errors{
			{File: "f", Row: 1, Column: 10, Reason: msg.T("JSON 语法错误：字符串没有结束引号", "JSON syntax error: unterminated string")},
		}},
		{"too deep", `{"note": ` + strings.Repeat("[", 100), Errors{
			{File: "f", Row: 1, Column: 73, Reason: msg.T("JSON 语法错误：嵌套太深", "JSON syntax error: nested too deeply")},
		}},
		{"not an object", `[]`, Errors{
			{File: "f", Row: 1, Column: 1, Reason: msg.T("顶层应为对象 {…}", "the top level must be an object {…}")},
		}},
		{"top level", `{"format": "eduplan.data/v2", "year": "2017", "extra": 1, "note": 5, "units": {}}`, Errors{
			{File: "f", Row: 1, Column: 12, Path: "format", Text: "eduplan.data/v2", Reason: msg.T("格式应为 eduplan.data/v1", "the format must be eduplan.data/v1")},
			{File: "f", Row: 1, Column: 39, Path: "year", Text: `"2017"`, Reason: msg.T("年份应为四位数字，如 2017", "the year must be four digits, such as 2017")},
			{File: "f", Row: 1, Column: 47, Path: "extra", Reason: msg.T("未知字段 \"extra\"", "unknown field \"extra\"")},
			{File: "f", Row: 1, Column: 67, Path: "note", Text: "5", Reason: msg.T("应为字符串", "must be a string")},
			{File: "f", Row: 1, Column: 79, Path: "units", Reason: msg.T("units 应为数组 […]", "units must be an array […]")},
		}},
		{"missing", `{}`, Errors{
			{File: "f", Row: 1, Column: 1, Path: "format", Reason: msg.T("缺少 \"format\": \"eduplan.data/v1\"", "missing \"format\": \"eduplan.data/v1\"")},
			{File: "f", Row: 1, Column: 1, Path: "units", Reason: msg.T("缺少 units", "missing \"units\"")},
		}},
		{"units", "{\"format\": \"eduplan.data/v1\", \"units\": [\n" +
			"{\"id\": \"c\", \"name\": \"镇江市\", \"level\": \"city\", \"id\": \"c2\"},\n" +
			"{\"id\": \"s\", \"level\": \"school\", \"kind\": \"小学\", \"parent\": \"c\", \"figures\": {\"foo\": 1, \"pe_pass_rate\": \"9x\", \"funding\": true, \"preschool_enrolled\": -1, \"a.b\": 2}},\n" +
			"{\"name\": \"x\", \"level\": \"town\", \"kind\": \"大学\", \"colour\": \"red\"},\n" +
			"3]}", Errors{
			{File: "f", Row: 2, Column: 45, Path: "units[0].id", Reason: msg.T("字段 \"id\" 重复（首次出现在第 2 行第 2 列）", "key \"id\" appears twice (first at line 2, column 2)")},
			{File: "f", Row: 3, Column: 73, Path: "units[1].figures.foo", Reason: msg.T("未知的指标", "unknown metric")},
			{File: "f", Row: 3, Column: 99, Path: "units[1].figures.pe_pass_rate", Text: "9x", Reason: ReasonNotNumber},
			{File: "f", Row: 3, Column: 116, Path: "units[1].figures.funding", Text: "true", Reason: msg.T("应为数字、字符串或 null", "must be a number, a string or null")},
			{File: "f", Row: 3, Column: 144, Path: "units[1].figures.preschool_enrolled", Text: "-1", Reason: ReasonNegative},
			{File: "f", Row: 3, Column: 148, Path: `units[1].figures["a.b"]`, Reason: msg.T("未知的指标", "unknown metric")},
			{File: "f", Row: 4, Column: 1, Path: "units[2].id", Reason: msg.T("缺少 id", "missing \"id\"")},
			{File: "f", Row: 4, Column: 24, Path: "units[2].level", Text: "town", Reason: msg.T("层级应为 city、district 或 school", "the level must be city, district or school")},
			{File: "f", Row: 4, Column: 40, Path: "units[2].kind", Text: "大学", Reason: kindReason()},
			{File: "f", Row: 4, Column: 46, Path: "units[2].colour", Reason: msg.T("未知字段 \"colour\"", "unknown field \"colour\"")},
			{File: "f", Row: 5, Column: 1, Path: "units[3]", Text: "3", Reason: msg.T("应为对象 {…}", "must be an object {…}")},
		}},
		{"hierarchy", "{\"format\": \"eduplan.data/v1\", \"units\": [\n" +
			"{\"id\": \"c\", \"name\": \"镇江市\", \"level\": \"city\", \"kind\": \"primary\"},\n" +
			"{\"id\": \"c\", \"name\": \"镇江市\", \"level\": \"city\"},\n" +
			"{\"id\": \"s\", \"name\": \"一小\", \"level\": \"school\", \"parent\": \"d\"}]}", Errors{
			{File: "f", Row: 2, Column: 53, Path: "units[0].kind", Text: "primary", Reason: msg.T("只有学校才有学校类型", "only a school has a kind")},
			{File: "f", Row: 3, Column: 8, Path: "units[1].id", Text: "c", Reason: msg.T("代码重复，与 units[0] 相同", "duplicate id, the same as units[0]")},
			{File: "f", Row: 4, Column: 1, Path: "units[2].kind", Reason: msg.T("学校缺少类型", "a school needs a kind")},
			{File: "f", Row: 4, Column: 56, Path: "units[2].parent", Text: "d", Reason: msg.T("上级单位不存在", "the parent is not among the units")},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadJSON(strings.NewReader(tc.in), testFields, Options{File: "f"})
			assert.Nil(t, d)
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestReadJSONGBK(t *testing.T) {
	// Notepad on a Chinese Windows saves "ANSI", which is GBK.
	in := []byte("{\"format\":\"eduplan.data/v1\",\"units\":[{\"id\":\"c\",\"name\":\"\xd5\xf2\xbd\xad\xca\xd0\",\"level\":\"city\"}]}")
	d, err := ReadJSON(bytes.NewReader(in), testFields, Options{})
	require.NoError(t, err)
	assert.Equal(t, "镇江市", d.Units[0].Name)
	assert.Equal(t, GBK, d.Source.Encoding)
}

// TestAppendQuoted checks that the writer's shortcut for plain strings
// writes exactly what the JSON library writes, so that output does not
// depend on which path a string took.
func TestAppendQuoted(t *testing.T) {
	strs := []string{"", "a", "镇江市京口区", "preschool_enrolled", `a"b`, `a\b`, "<b>", "A&B", "tab\there", "\x00", "\x1f",
		"line\u2028sep", "para\u2029", "😀", "\xff", "a\xe2\x80", "ok\u2027", "\u00e9", "\u007f"}
	for r := rune(0); r < 0x3000; r += 7 {
		strs = append(strs, "x"+string(r)+"y")
	}
	for _, s := range strs {
		got, err := appendQuoted(nil, s)
		require.NoError(t, err)
		want, err := jsonQuote(s)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), "%q", s)
	}
}
