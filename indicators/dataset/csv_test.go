package dataset

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// testFields are four metrics of the kinds a plan uses: two counts, a
// percent and an amount of money. The figures in these tests are made up.
var testFields = []Field{
	{ID: "preschool_enrolled", Names: []string{"在园幼儿数", "Children enrolled"}, Integral: true},
	{ID: "preschool_population", Names: []string{"3-5岁适龄人口", "Population aged 3-5"}, Integral: true},
	{ID: "pe_pass_rate", Names: []string{"体质健康合格率", "PE pass rate"}, Percent: true},
	{ID: "funding", Names: []string{"生均公用经费", "Funding per pupil"}},
}

var titleReason = msg.T("第一行应为列名，这一行像是表格标题：请删去标题行，让“单位代码、单位名称……”这一行成为第一行", "the first row must hold the column headers and this one looks like a title: delete the title row so that the header row (id, name, …) comes first")

const cityCSV = "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数（人）,3-5岁适龄人口(人),体质健康合格率（%）,生均公用经费【元】\n" +
	"c,镇江市,市,,,,,,\n" +
	"d1,京口区,区,,c,,5000,96.5,\n" +
	"d2,润州区,辖市区,,镇江市,,,,\n" +
	"s1,实验幼儿园,学校,幼儿园,d1,\"1,234\",,,2500.5\n" +
	"s2,第一小学,school,primary,d1,,,97.1%,1800\n" +
	"s3,市直属中学,学校,普通高中,c,,,-,\n"

func readString(t *testing.T, s string, opt Options) *Dataset {
	t.Helper()
	d, err := ReadCSV(strings.NewReader(s), testFields, opt)
	require.NoError(t, err)
	return d
}

func value(t *testing.T, d *Dataset, unit, metric string) any {
	t.Helper()
	v, ok := d.Value(unit, metric)
	if !ok {
		return nil
	}
	return v
}

func checkCity(t *testing.T, d *Dataset) {
	t.Helper()
	assert.Equal(t, []OrgUnit{
		{ID: "c", Name: "镇江市", Level: org.City},
		{ID: "d1", Name: "京口区", Level: org.District, Parent: "c"},
		{ID: "d2", Name: "润州区", Level: org.District, Parent: "c"},
		{ID: "s1", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
		{ID: "s2", Name: "第一小学", Level: org.School, Kind: org.Primary, Parent: "d1"},
		{ID: "s3", Name: "市直属中学", Level: org.School, Kind: org.SeniorSecond, Parent: "c"},
	}, d.Units)
	assert.Equal(t, 1234.0, value(t, d, "s1", "preschool_enrolled"))
	assert.Equal(t, 2500.5, value(t, d, "s1", "funding"))
	assert.Equal(t, 5000.0, value(t, d, "d1", "preschool_population"))
	assert.Equal(t, 0.965, value(t, d, "d1", "pe_pass_rate"))
	assert.Equal(t, 0.971, value(t, d, "s2", "pe_pass_rate"))
	assert.Nil(t, value(t, d, "s3", "pe_pass_rate"), "a dash is missing")
	assert.Nil(t, value(t, d, "c", "preschool_enrolled"), "an empty cell is missing, not zero")
	assert.Equal(t, []string{"funding", "pe_pass_rate", "preschool_enrolled", "preschool_population"}, d.Metrics())
	assert.NoError(t, d.Validate())
}

func TestReadCSVEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(cityCSV)
	require.NoError(t, err)
	require.False(t, utf8.ValidString(gbk), "the GBK test input must not happen to be UTF-8")
	// In a tab-separated file "1,234" needs no quotes.
	tabbed := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(cityCSV, `"1,234"`, "#"), ",", "\t"), "#", "1,234")
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(tabbed)) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	utf16be := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(cityCSV)) {
		utf16be = append(utf16be, byte(u>>8), byte(u))
	}
	tests := []struct {
		name string
		data []byte
		enc  Encoding
	}{
		{"utf-8", []byte(cityCSV), UTF8},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), cityCSV...), UTF8BOM},
		{"gbk", []byte(gbk), GBK},
		{"utf-16le tab-separated (Excel Unicode text)", utf16le, UTF16LE},
		{"utf-16be", utf16be, UTF16BE},
		{"crlf", []byte(strings.ReplaceAll(cityCSV, "\n", "\r\n")), UTF8},
		{"cr only", []byte(strings.ReplaceAll(cityCSV, "\n", "\r")), UTF8},
		{"semicolon", []byte(strings.ReplaceAll(strings.ReplaceAll(cityCSV, ",", ";"), "\"1;234\"", "1234")), UTF8},
		{"tab", []byte(tabbed), UTF8},
		{"sep line", []byte("sep=;\n" + strings.ReplaceAll(strings.ReplaceAll(cityCSV, ",", ";"), "\"1;234\"", "1234")), UTF8},
		{"trailing empty rows and columns", []byte(strings.ReplaceAll(cityCSV, "\n", ",,\n") + ",,,,,,,,,,\n\n,,,\n"), UTF8},
		{"leading blank lines", []byte("\n\n" + cityCSV), UTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadCSV(bytes.NewReader(tc.data), testFields, Options{File: "city.csv", Year: 2017})
			require.NoError(t, err)
			checkCity(t, d)
			assert.Equal(t, "city.csv", d.Source.File)
			assert.Equal(t, tc.enc, d.Source.Encoding)
			assert.Equal(t, []MarkerCount{{"-", 1}}, d.Source.MissingByMarker, "s3's pass rate is \"-\"")
			assert.Equal(t, 2017, d.Year)
		})
	}
}

// TestReadCSVGBKFile reads a file saved in GBK, as Excel on a Chinese
// Windows writes it, committed as bytes rather than made by the test.
func TestReadCSVGBKFile(t *testing.T) {
	b, err := os.ReadFile("testdata/schools_gbk.csv")
	require.NoError(t, err)
	require.False(t, utf8.Valid(b))
	d, err := ReadCSV(bytes.NewReader(b), testFields, Options{File: "schools_gbk.csv", Year: 2017})
	require.NoError(t, err)
	assert.Equal(t, GBK, d.Source.Encoding)
	assert.Equal(t, []OrgUnit{
		{ID: "3211", Name: "京口区", Level: org.District},
		{ID: "3211000101", Name: "镇江市京口区实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "3211"},
		{ID: "3211000102", Name: "镇江市京口区第一小学", Level: org.School, Kind: org.Primary, Parent: "3211"},
		{ID: "3211000103", Name: "镇江市京口区八叉巷小学", Level: org.School, Kind: org.Primary, Parent: "3211"},
	}, d.Units)
	assert.Equal(t, 1234.0, value(t, d, "3211000101", "preschool_enrolled"))
	assert.Equal(t, 2500.5, value(t, d, "3211000101", "funding"))
	assert.Equal(t, 0.965, value(t, d, "3211000102", "pe_pass_rate"))
	assert.Equal(t, 0.971, value(t, d, "3211000103", "pe_pass_rate"))
	assert.Nil(t, value(t, d, "3211000103", "preschool_enrolled"))
}

func TestHeaderMatching(t *testing.T) {
	tests := []struct {
		header string
		field  string
	}{
		{"preschool_enrolled", "preschool_enrolled"},
		{"PRESCHOOL_ENROLLED", "preschool_enrolled"},
		{"在园幼儿数", "preschool_enrolled"},
		{" 在园幼儿数 ", "preschool_enrolled"},
		{"在园 幼儿数", "preschool_enrolled"},
		{"在园幼儿数（人）", "preschool_enrolled"},
		{"在园幼儿数(人)", "preschool_enrolled"},
		{"在园幼儿数 (人)", "preschool_enrolled"},
		{"在园幼儿数【人】", "preschool_enrolled"},
		{"在园幼儿数[人]", "preschool_enrolled"},
		{"在园幼儿数\n（人）", "preschool_enrolled"},
		{"Children enrolled", "preschool_enrolled"},
		{"children  enrolled", "preschool_enrolled"},
		{"３－５岁适龄人口", "preschool_population"},
		{"体质健康合格率（%）", "pe_pass_rate"},
		{"体质健康合格率（％）", "pe_pass_rate"},
		{"PE pass rate (%)", "pe_pass_rate"},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			in := "id,name,kind," + quoteCSV(tc.header) + "\ns1,一小,小学,1\n"
			d, err := ReadCSV(strings.NewReader(in), testFields, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// Only one figure column, with the value 1 (0.01 for a percent).
			assert.Equal(t, []string{tc.field}, d.Metrics())
		})
	}
	_, err := ReadCSV(strings.NewReader("id,name,kind,在园儿童数（人）\ns1,一小,小学,1\n"), testFields, Options{File: "f.csv"})
	assert.Equal(t, Errors{{File: "f.csv", Row: 1, Column: 4, Header: "在园儿童数（人）", Text: "在园儿童数（人）",
		Reason: msg.T("未知的列名：既不是单位信息列，也不是已知的指标", "unknown column: neither a unit column nor a known figure")}}, err)
}

func quoteCSV(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func TestUnitColumns(t *testing.T) {
	in := "序号,学校代码,学校名称,类型,上级,年份\n" +
		`1,="0123",一小,小学,,2017` + "\n" +
		"2,ＡＢ１,二小,九年一贯制,,2017年\n" +
		"3,x3,三小,Nine-year school,,\n" +
		"4,x4,四小,special,,\n" +
		"5,x5,五小,中职,,\n"
	d, err := ReadCSV(strings.NewReader(in), testFields, Options{Year: 2020})
	require.NoError(t, err)
	assert.Equal(t, []OrgUnit{
		{ID: "0123", Name: "一小", Level: org.School, Kind: org.Primary},
		{ID: "AB1", Name: "二小", Level: org.School, Kind: org.NineYear},
		{ID: "x3", Name: "三小", Level: org.School, Kind: org.NineYear},
		{ID: "x4", Name: "四小", Level: org.School, Kind: org.Special},
		{ID: "x5", Name: "五小", Level: org.School, Kind: org.Vocational},
	}, d.Units)
	assert.Equal(t, 2017, d.Year, "the year column wins over Options.Year")
	assert.Equal(t, []int{0, 1, 2, 3, 4}, d.Roots())
}

// TestOneSchool is a school's own self-check: no level and no parent column.
func TestOneSchool(t *testing.T) {
	d, err := ReadCSV(strings.NewReader("学校代码,学校名称,学校类型,在园幼儿数（人）,3-5岁适龄人口（人）\n3211000101,实验幼儿园,幼儿园,240,\n"), testFields, Options{Year: 2017})
	require.NoError(t, err)
	assert.Equal(t, []OrgUnit{{ID: "3211000101", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten}}, d.Units)
	assert.Equal(t, 240.0, value(t, d, "3211000101", "preschool_enrolled"))
	assert.Nil(t, value(t, d, "3211000101", "preschool_population"))
	assert.Equal(t, 2017, d.Year)
	assert.NoError(t, d.Validate())
}

// TestReadCSVErrors checks that every bad cell of a file is reported with
// its exact place and reason, and that the read then fails as a whole.
func TestReadCSVErrors(t *testing.T) {
	in := "代码,名称,层级,类型,上级,在园幼儿数（人）,体质健康合格率（%）,生均公用经费,,备注\n" + // 1
		"c,镇江市,市,,,,,,,\n" + // 2
		"d1,京口区,区,,c,\"1,2x3\",96.5,,,\n" + // 3
		"s1,一小,学校,小学,d1,12.5,101%,-5,,\n" + // 4
		"s1,二小,学校,,d1,无,\"9,9\",1.5%,,\n" + // 5
		"s3,,镇,大学,d9,#DIV/0!,,12人,x,\n" + // 6
		"\n" + // 7: blank, skipped
		"s4,四小,学校,小学,d1,3,4,5,,,extra\n" // 8
	_, err := ReadCSV(strings.NewReader(in), testFields, Options{File: "data.csv"})
	var es Errors
	require.ErrorAs(t, err, &es)
	want := Errors{
		{File: "data.csv", Row: 1, Column: 10, Header: "备注", Text: "备注", Reason: msg.T("未知的列名：既不是单位信息列，也不是已知的指标", "unknown column: neither a unit column nor a known figure")},
		{File: "data.csv", Row: 3, Column: 6, Header: "在园幼儿数（人）", Text: "1,2x3", Reason: ReasonNotNumber},
		{File: "data.csv", Row: 4, Column: 6, Header: "在园幼儿数（人）", Text: "12.5", Reason: ReasonFraction},
		{File: "data.csv", Row: 4, Column: 8, Header: "生均公用经费", Text: "-5", Reason: ReasonNegative},
		{File: "data.csv", Row: 5, Column: 1, Header: "代码", Text: "s1", Reason: msg.T("代码重复：第4行已用过", "duplicate id: already used on line 4")},
		{File: "data.csv", Row: 5, Column: 4, Header: "类型", Text: "", Reason: msg.T("学校类型为空", "the school's kind is empty")},
		{File: "data.csv", Row: 5, Column: 6, Header: "在园幼儿数（人）", Text: "无", Reason: ReasonMayBeZero},
		{File: "data.csv", Row: 5, Column: 7, Header: "体质健康合格率（%）", Text: "9,9", Reason: ReasonThousands},
		{File: "data.csv", Row: 5, Column: 8, Header: "生均公用经费", Text: "1.5%", Reason: ReasonNoPercent},
		{File: "data.csv", Row: 6, Column: 2, Header: "名称", Text: "", Reason: msg.T("单位名称为空", "the name is empty")},
		{File: "data.csv", Row: 6, Column: 3, Header: "层级", Text: "镇", Reason: msg.T("无法识别的层级：请填 市、区县 或 学校", "unknown level: write city, district or school")},
		{File: "data.csv", Row: 6, Column: 4, Header: "类型", Text: "大学", Reason: kindReason()},
		{File: "data.csv", Row: 6, Column: 5, Header: "上级", Text: "d9", Reason: msg.T("上级单位不在本文件中：请加一行该单位，或删去上级列", "the parent is not in this file: add a row for it, or remove the parent column")},
		{File: "data.csv", Row: 6, Column: 6, Header: "在园幼儿数（人）", Text: "#DIV/0!", Reason: ReasonExcelError},
		{File: "data.csv", Row: 6, Column: 8, Header: "生均公用经费", Text: "12人", Reason: ReasonTrailing},
		{File: "data.csv", Row: 6, Column: 9, Text: "x", Reason: msg.T("这一列没有列名", "this column has no header")},
		{File: "data.csv", Row: 8, Column: 11, Text: "extra", Reason: msg.T("这一格在最后一列之后，没有列名", "this cell is beyond the last column and has no header")},
	}
	assert.Equal(t, want, es)
	assert.Contains(t, err.Error(), `data.csv:3:6 (在园幼儿数（人）): "1,2x3": 不是数字 / not a number`)
	assert.Equal(t, len(want), strings.Count(err.Error(), "\n")+1)
}

func TestReadCSVFileErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Errors
	}{
		{"empty", "", Errors{{File: "f", Reason: msg.T("文件是空的", "the file is empty")}}},
		{"blank", " \r\n\n", Errors{{File: "f", Reason: msg.T("文件是空的", "the file is empty")}}},
		{"header only", "id,name\n", Errors{{File: "f", Row: 1, Reason: msg.T("只有表头，没有数据行", "the file has a header but no data rows")}}},
		{"missing columns", "在园幼儿数\n5\n", Errors{
			{File: "f", Row: 1, Reason: msg.T("缺少必需的列：单位代码", "missing a required column: id")},
			{File: "f", Row: 1, Reason: msg.T("缺少必需的列：单位名称", "missing a required column: name")},
		}},
		{"units row", "id,name,kind,在园幼儿数,体质健康合格率\n,,,人,%\ns1,一小,小学,5,90\n", Errors{
			{File: "f", Row: 2, Reason: msg.T("这一行像是计量单位行（人、%……）：不支持单位行，请把单位写进列名，如“在园幼儿数（人）”", "this row looks like a row of units of measure, which is not supported: put the unit in the column header, as in \"pupils (persons)\"")},
		}},
		{"units row in brackets", "id,name,kind,在园幼儿数\n单位,,,（人）\n", Errors{
			{File: "f", Row: 2, Reason: msg.T("这一行像是计量单位行（人、%……）：不支持单位行，请把单位写进列名，如“在园幼儿数（人）”", "this row looks like a row of units of measure, which is not supported: put the unit in the column header, as in \"pupils (persons)\"")},
		}},
		{"title row", "2017年教育统计表\nid,name\n", Errors{
			{File: "f", Row: 1, Column: 1, Header: "2017年教育统计表", Text: "2017年教育统计表", Reason: titleReason},
		}},
		// Excel pads the title row with empty cells to the table's width; the
		// rows below must not each be rejected against the title's one column.
		{"title row padded by Excel", "2017年教育统计表,,,\r\n单位代码,单位名称,学校类型,在园幼儿数\r\ns1,一小,小学,5\r\n", Errors{
			{File: "f", Row: 1, Column: 1, Header: "2017年教育统计表", Text: "2017年教育统计表", Reason: titleReason},
		}},
		{"full-width commas", "代码，名称\n", Errors{
			{File: "f", Row: 1, Reason: msg.T("缺少必需的列：单位代码", "missing a required column: id")},
			{File: "f", Row: 1, Reason: msg.T("缺少必需的列：单位名称", "missing a required column: name")},
			{File: "f", Row: 1, Column: 1, Header: "代码，名称", Text: "代码，名称", Reason: msg.T("未知的列名；列名里有全角逗号“，”：列之间要用半角逗号“,”分隔", "unknown column, with full-width commas in it: separate columns with ASCII commas")},
		}},
		{"duplicate columns", "id,name,在园幼儿数,preschool_enrolled,代码\ns,一小,1,2,s\n", Errors{
			{File: "f", Row: 1, Reason: msg.T("缺少“学校类型”列：每所学校都要写明类型（幼儿园、小学……）", "missing the kind column: every school needs a kind (kindergarten, primary, …)")},
			{File: "f", Row: 1, Column: 4, Header: "preschool_enrolled", Text: "preschool_enrolled", Reason: msg.T("重复的列：与第3列是同一指标", "duplicate column: the same figure as column 3")},
			{File: "f", Row: 1, Column: 5, Header: "代码", Text: "代码", Reason: msg.T("重复的列：第1列已是单位代码", "duplicate column: column 1 is already the id column")},
		}},
		{"unterminated quote", "id,name,kind\ns1,\"一小,小学\ns2,二小,小学\n", Errors{
			{File: "f", Row: 2, Column: 2, Header: "name", Reason: msg.T("引号没有闭合：这一格以 \" 开头，但直到文件末尾都没有对应的 \"，其后的行没有读取", "unterminated quote: this cell opens a \" that is never closed, so the rest of the file was not read")},
		}},
		{"year", "id,name,kind,year\ns1,一小,小学,2017\ns2,二小,小学,2018\ns3,三小,小学,17\n", Errors{
			{File: "f", Row: 3, Column: 4, Header: "year", Text: "2018", Reason: msg.T("一个文件只能有一个年份：第2行是2017年", "a file holds one year, and line 2 says 2017")},
			{File: "f", Row: 4, Column: 4, Header: "year", Text: "17", Reason: msg.T("年份应为四位数字，如 2017", "the year must be four digits, such as 2017")},
		}},
		{"empty id", "id,name,kind\n,一小,小学\n", Errors{
			{File: "f", Row: 2, Column: 1, Header: "id", Reason: msg.T("代码为空", "the id is empty")},
		}},
		{"no level column, parent in file", "id,name,kind,parent\ns1,一小,小学,\ns2,二小,小学,一小\n", Errors{
			{File: "f", Row: 3, Column: 4, Header: "parent", Text: "一小", Reason: msg.T("没有“层级”列时每行都按学校读入，而上级（第2行）也在文件中：请加“层级”列", "without a level column every row is read as a school, yet the parent (line 2) is in the file: add a level column")},
		}},
		{"ambiguous parent name", "id,name,level,parent\nd1,京口区,区,\nd2,京口区,区,\nd3,润州区,区,京口区\n", Errors{
			{File: "f", Row: 4, Column: 4, Header: "parent", Text: "京口区", Reason: msg.T("有2个单位叫这个名字（第2、3行……），请填上级的代码", "2 units have this name (lines 2, 3, …): write the parent's id")},
		}},
		{"own parent", "id,name,level,parent\nd1,京口区,区,d1\n", Errors{
			{File: "f", Row: 2, Column: 4, Header: "parent", Text: "d1", Reason: msg.T("上级不能是自己", "a unit cannot be its own parent")},
		}},
		{"level order", "id,name,level,kind,parent\nc,镇江市,市,,\nd1,京口区,区,,d2\nd2,润州区,区,,c\ns1,一小,学校,小学,s2\ns2,二小,学校,小学,d2\nc2,某市,市,,c\n", Errors{
			{File: "f", Row: 3, Column: 5, Header: "parent", Text: "d2", Reason: msg.T("区县的上级应为市", "a district's parent must be a city")},
			{File: "f", Row: 5, Column: 5, Header: "parent", Text: "s2", Reason: msg.T("学校的上级应为区县或市", "a school's parent must be a district or a city")},
			{File: "f", Row: 7, Column: 5, Header: "parent", Text: "c", Reason: msg.T("市不能有上级", "a city has no parent")},
		}},
		{"kind on a district", "id,name,level,kind\nd1,京口区,区,小学\n", Errors{
			{File: "f", Row: 2, Column: 4, Header: "kind", Text: "小学", Reason: msg.T("只有学校才有学校类型", "only a school has a kind")},
		}},
		{"empty level", "id,name,level,kind\nd1,京口区,,\n", Errors{
			{File: "f", Row: 2, Column: 3, Header: "level", Reason: msg.T("层级为空：请填 市、区县 或 学校", "the level is empty: write city, district or school")},
		}},
		{"multi-line cell keeps line numbers", "id,name,kind,在园幼儿数\ns1,\"一\n小\",小学,abc\n", Errors{
			{File: "f", Row: 3, Column: 4, Header: "在园幼儿数", Text: "abc", Reason: ReasonNotNumber},
		}},
		{"xlsx", "PK\x03\x04rest", Errors{
			{File: "f", Reason: msg.T("这是 Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV：请在 Excel 中“另存为”CSV", "this is an Excel workbook (.xlsx) or another zip file, not CSV: use \"Save as\" CSV in Excel")},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(tc.in), testFields, Options{File: "f"})
			assert.Nil(t, d)
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestFieldsMistakes(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("id,name\n"), []Field{{ID: "a", Names: []string{"x"}}, {ID: "b", Names: []string{"X"}}}, Options{})
	assert.EqualError(t, err, `dataset: fields a and b both answer to the header "X"`)
	_, err = ReadCSV(strings.NewReader("id,name\n"), []Field{{ID: "a", Names: []string{"名称"}}}, Options{})
	assert.EqualError(t, err, `dataset: field a: name "名称" is also the header of the name column`)
	_, err = ReadCSV(strings.NewReader("id,name\n"), []Field{{Names: []string{"x"}}}, Options{})
	assert.EqualError(t, err, `dataset: field 0 has no id`)
}

func TestWriteCSVRoundTrip(t *testing.T) {
	d := readString(t, cityCSV, Options{Year: 2017, File: "city.csv"})
	d.Units[4].ID = "0101"         // an id Excel would strip
	d.Units[4].Name = `第一小学, "实验"` // a name that needs quoting
	d.index = map[string]int{}
	for i, u := range d.Units {
		d.index[u.ID] = i
	}
	for _, enc := range []Encoding{UTF8BOM, UTF8, GBK} {
		t.Run(string(enc), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, d.WriteCSV(&b, testFields, enc))
			if enc == UTF8BOM {
				assert.True(t, bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")))
			}
			back, err := ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{})
			require.NoError(t, err, b.String())
			assert.True(t, d.Equal(back), "%s", b.String())
			assert.Equal(t, enc, back.Source.Encoding)
		})
	}
	var b bytes.Buffer
	require.NoError(t, d.WriteCSV(&b, testFields, UTF8BOM))
	assert.Equal(t, "\xEF\xBB\xBF"+
		"单位代码,单位名称,层级,学校类型,上级单位,年份,在园幼儿数,3-5岁适龄人口,体质健康合格率（%）,生均公用经费\r\n"+
		"c,镇江市,市,,,2017,,,,\r\n"+
		"d1,京口区,区县,,c,2017,,5000,96.5,\r\n"+
		"d2,润州区,区县,,c,2017,,,,\r\n"+
		"s1,实验幼儿园,学校,幼儿园,d1,2017,1234,,,2500.5\r\n"+
		"\"=\"\"0101\"\"\",\"第一小学, \"\"实验\"\"\",学校,小学,d1,2017,,,97.1,1800\r\n"+
		"s3,市直属中学,学校,普通高中,c,2017,,,,\r\n", b.String())
}

func TestWriteCSVErrors(t *testing.T) {
	d := New(2017)
	require.NoError(t, d.Add(OrgUnit{ID: "s1", Name: "一小😀", Level: org.School, Kind: org.Primary}))
	require.NoError(t, d.Set("s1", "preschool_enrolled", 5))
	var b bytes.Buffer
	err := d.WriteCSV(&b, testFields, GBK)
	assert.Equal(t, "第2行的字符“😀”（U+1F600）无法用 GBK 表示，请改用 utf-8-bom", msg.In(err, "zh"))
	assert.Equal(t, "line 2: character '😀' (U+1F600) cannot be written in GBK: use utf-8-bom", msg.In(err, "en"))
	assert.EqualError(t, d.WriteCSV(&b, testFields, "latin1"), `不支持的编码 "latin1"，可用 utf-8-bom、utf-8、gbk / unsupported encoding "latin1": use utf-8-bom, utf-8 or gbk`)
	assert.EqualError(t, d.WriteCSV(&b, testFields[1:], UTF8), "dataset: figures of preschool_enrolled have no field: they would be left out")
	require.NoError(t, d.Set("s1", "funding", 0.0/zero()))
	assert.EqualError(t, d.WriteCSV(&b, testFields, UTF8), "dataset: unit s1, metric funding: the value NaN cannot be written")
	assert.Zero(t, b.Len(), "nothing written on error")
}

func zero() float64 { return 0 }

func TestTemplate(t *testing.T) {
	units := []OrgUnit{
		{ID: "c", Name: "镇江市", Level: org.City},
		{ID: "d1", Name: "京口区", Level: org.District, Parent: "c"},
		{ID: "0101", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
		{ID: "s2", Name: "第一小学", Level: org.School, Kind: org.Primary, Parent: "d1"},
	}
	names := func(f Field) string {
		unit := map[string]string{"preschool_enrolled": "（人）", "preschool_population": "（人）", "pe_pass_rate": "（%）", "funding": "（元）"}[f.ID]
		return f.Names[0] + unit
	}
	for _, enc := range []Encoding{UTF8BOM, UTF8, GBK} {
		t.Run(string(enc), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Template(&b, units, testFields, names, enc, "zh"))
			d, err := ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Year: 2017})
			require.NoError(t, err, b.String())
			assert.Equal(t, units, d.Units)
			for _, m := range d.Metrics() {
				for _, u := range units {
					assert.Nil(t, value(t, d, u.ID, m))
				}
			}
			assert.Len(t, d.Metrics(), len(testFields), "every field has its column, all missing")
			empty := New(2017)
			for _, u := range units {
				require.NoError(t, empty.Add(u))
			}
			assert.True(t, empty.Equal(d))
		})
	}
	var b bytes.Buffer
	school := []OrgUnit{{ID: "0101", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten}}
	require.NoError(t, Template(&b, school, testFields, nil, UTF8, "zh"))
	assert.Equal(t, "单位代码,单位名称,层级,学校类型,在园幼儿数,3-5岁适龄人口,体质健康合格率（%）,生均公用经费\n0101,实验幼儿园,学校,幼儿园,,,,\n", b.String())

	// In English the unit columns, levels and kinds are English, and the
	// template still reads back as the same units.
	b.Reset()
	require.NoError(t, Template(&b, units, testFields, func(f Field) string { return f.ID }, UTF8, "en"))
	assert.True(t, strings.HasPrefix(b.String(), "id,name,level,kind,parent,preschool_enrolled,"), b.String())
	assert.Contains(t, b.String(), "\n0101,实验幼儿园,school,kindergarten,d1,")
	d, err := ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Year: 2017})
	require.NoError(t, err, b.String())
	assert.Equal(t, units, d.Units)
	assert.ErrorContains(t, Template(&b, units[2:3], testFields, nil, UTF8, "zh"), "units[0].parent")
	assert.EqualError(t, Template(&b, units, testFields, func(f Field) string { return f.ID + "!" }, UTF8, "zh"),
		`dataset: template: header "preschool_enrolled!" of field preschool_enrolled would not be read back as that field`)
}

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(cityCSV), testFields, Options{})
	require.NoError(t, err)
	checkCity(t, d)
	var b bytes.Buffer
	require.NoError(t, d.WriteJSON(&b, testFields))
	j, err := Read(bytes.NewReader(append([]byte("\xEF\xBB\xBF \n"), b.Bytes()...)), testFields, Options{})
	require.NoError(t, err)
	assert.True(t, d.Equal(j))
	assert.Equal(t, UTF8BOM, j.Source.Encoding)
	_, err = Read(strings.NewReader("[1]"), testFields, Options{})
	assert.ErrorContains(t, err, "the top level must be an object")
}

// An id first met on a row refused as short is still taken: a later row
// with it is a duplicate of that line, and a unit under it finds its parent.
func TestCSVIDOfAShortRowIsTaken(t *testing.T) {
	in := "单位代码,单位名称,层级,学校类型,上级单位\n" + // 1
		"c,镇江市,市,,\n" + // 2
		"d1,京口区\n" + // 3: short
		"d1,京口区,区县,,c\n" + // 4
		"s1,一小,学校,小学,d1\n" // 5
	_, err := ReadCSV(strings.NewReader(in), testFields, Options{File: "data.csv"})
	var es Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 2)
	assert.Equal(t, 3, es[0].Row)
	assert.Equal(t, CellError{File: "data.csv", Row: 4, Column: 1, Header: "单位代码", Text: "d1",
		Reason: msg.T("代码重复：第3行已用过", "duplicate id: already used on line 3")}, es[1])
}
