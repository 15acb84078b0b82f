package dataset

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	countField   = Field{ID: "n", Integral: true}
	amountField  = Field{ID: "a"}
	percentField = Field{ID: "p", Percent: true}
	signedField  = Field{ID: "s", Signed: true}
)

func TestParseFigure(t *testing.T) {
	tests := []struct {
		name   string
		field  Field
		cell   string
		want   float64
		miss   bool
		reason msg.Text
	}{
		// accepted
		{"integer", countField, "1234", 1234, false, msg.Text{}},
		{"spaces", countField, "  1234 ", 1234, false, msg.Text{}},
		{"thousands", countField, "1,234", 1234, false, msg.Text{}},
		{"thousands millions", countField, "12,345,678", 12345678, false, msg.Text{}},
		{"full-width comma", countField, "1，234", 1234, false, msg.Text{}},
		{"full-width digits", countField, "１２３４", 1234, false, msg.Text{}},
		{"full-width decimal", amountField, "１２．５", 12.5, false, msg.Text{}},
		{"ideographic space", countField, "\u3000１２\u3000", 12, false, msg.Text{}},
		{"no-break space", countField, "\u00a012", 12, false, msg.Text{}},
		{"decimal", amountField, "12.5", 12.5, false, msg.Text{}},
		{"thousands and decimal", amountField, "1,234.5", 1234.5, false, msg.Text{}},
		{"leading point", amountField, ".5", 0.5, false, msg.Text{}},
		{"trailing point", amountField, "5.", 5, false, msg.Text{}},
		{"plus sign", countField, "+7", 7, false, msg.Text{}},
		{"exponent", countField, "1.5E+03", 1500, false, msg.Text{}},
		{"zero", countField, "0", 0, false, msg.Text{}},
		{"negative zero is zero", countField, "-0", 0, false, msg.Text{}},
		{"excel text protection", countField, `="0123"`, 123, false, msg.Text{}},
		{"integral with .0", countField, "12.0", 12, false, msg.Text{}},
		{"percent plain", percentField, "99.2", 0.992, false, msg.Text{}},
		{"percent with sign", percentField, "99.2%", 0.992, false, msg.Text{}},
		{"percent full-width sign", percentField, "99.2％", 0.992, false, msg.Text{}},
		{"percent space before sign", percentField, "99.2 %", 0.992, false, msg.Text{}},
		{"percent above 100", percentField, "104.5", 1.045, false, msg.Text{}},
		{"percent exact", percentField, "96.5", 0.965, false, msg.Text{}},
		{"percent exponent", percentField, "9.65e1", 0.965, false, msg.Text{}},
		{"percent fraction of a percent", percentField, "0.5%", 0.005, false, msg.Text{}},
		{"signed negative", signedField, "-3.5", -3.5, false, msg.Text{}},
		{"signed minus sign", signedField, "\u22123", -3, false, msg.Text{}},
		// missing
		{"empty", countField, "", 0, true, msg.Text{}},
		{"blank", countField, "   ", 0, true, msg.Text{}},
		{"hyphen", countField, "-", 0, true, msg.Text{}},
		{"full-width hyphen", countField, "－", 0, true, msg.Text{}},
		{"em dash", countField, "—", 0, true, msg.Text{}},
		{"double em dash (IME)", countField, "——", 0, true, msg.Text{}},
		{"en dash", countField, "–", 0, true, msg.Text{}},
		{"dash in spaces", percentField, " - ", 0, true, msg.Text{}},
		{"double hyphen", countField, "--", 0, true, msg.Text{}},
		{"full-width double hyphen", countField, "－－", 0, true, msg.Text{}},
		{"ellipsis", countField, "…", 0, true, msg.Text{}},
		{"double ellipsis (IME)", percentField, "……", 0, true, msg.Text{}},
		// rejected
		{"wu", countField, "无", 0, true, ReasonMayBeZero},
		{"ling", countField, "零", 0, true, ReasonMayBeZero},
		{"kong", countField, "空", 0, true, ReasonMayBeZero},
		{"none", countField, "None", 0, true, ReasonMayBeZero},
		{"slash", countField, "/", 0, true, ReasonMissingWord},
		{"N/A", countField, "N/A", 0, true, ReasonMissingWord},
		{"na", countField, "na", 0, true, ReasonMissingWord},
		{"null", countField, "NULL", 0, true, ReasonMissingWord},
		{"triple hyphen", countField, "---", 0, true, ReasonMissingWord},
		{"NaN", amountField, "NaN", 0, true, ReasonNotNumber},
		{"Inf", amountField, "Inf", 0, true, ReasonNotNumber},
		{"-Infinity", signedField, "-Infinity", 0, true, ReasonNotNumber},
		{"hex", countField, "0x10", 0, true, ReasonNotNumber},
		{"underscore", countField, "1_000", 0, true, ReasonNotNumber},
		{"letters", countField, "abc", 0, true, ReasonNotNumber},
		{"garbled", countField, "1,2x3", 0, true, ReasonNotNumber},
		{"two points", amountField, "1.2.3", 0, true, ReasonNotNumber},
		{"space inside", countField, "1 234", 0, true, ReasonNotNumber},
		{"exponent without digits", countField, "1e", 0, true, ReasonNotNumber},
		{"sign only", countField, "+", 0, true, ReasonNotNumber},
		{"percent only", percentField, "%", 0, true, ReasonNotNumber},
		{"double percent", percentField, "5%%", 0, true, ReasonNotNumber},
		{"chinese period", amountField, "12。5", 0, true, ReasonNotNumber},
		{"unit after number", countField, "12人", 0, true, ReasonTrailing},
		{"unit after space", countField, "3 所", 0, true, ReasonTrailing},
		{"excel DIV/0", percentField, "#DIV/0!", 0, true, ReasonExcelError},
		{"excel N/A", countField, "#N/A", 0, true, ReasonExcelError},
		{"excel VALUE", countField, "#VALUE!", 0, true, ReasonExcelError},
		{"bad grouping", countField, "12,34", 0, true, ReasonThousands},
		{"decimal comma", amountField, "12,5", 0, true, ReasonThousands},
		{"european", amountField, "1.234,5", 0, true, ReasonThousands},
		{"grouping too long", countField, "1234,567", 0, true, ReasonThousands},
		{"trailing comma", countField, "1,", 0, true, ReasonThousands},
		{"percent on a count", countField, "50%", 0, true, ReasonNoPercent},
		{"percent on an amount", amountField, "1.5%", 0, true, ReasonNoPercent},
		{"fraction of a count", countField, "12.5", 0, true, ReasonFraction},
		{"fraction by exponent", countField, "1.25e1", 0, true, ReasonFraction},
		{"negative count", countField, "-3", 0, true, ReasonNegative},
		{"negative amount", amountField, "-0.5", 0, true, ReasonNegative},
		{"negative percent", percentField, "-5%", 0, true, ReasonNegative},
		{"negative full-width", countField, "－3", 0, true, ReasonNegative},
		{"overflow", amountField, "1e400", 0, true, ReasonRange},
		{"overflow by digits", amountField, "9e999999999999", 0, true, ReasonRange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, present, reason := parseFigure(tc.cell, &tc.field)
			require.Equal(t, tc.reason, reason)
			if !tc.reason.IsZero() {
				assert.False(t, present)
				return
			}
			assert.Equal(t, !tc.miss, present)
			assert.Equal(t, tc.want, v)
			if v == 0 {
				assert.False(t, math.Signbit(v), "no negative zero")
			}
		})
	}
}

// TestPercentExact checks that a percent read from text is the float nearest
// the fraction, not 99.2/100 with its rounding error, and that writing it
// gives the text back.
func TestPercentExact(t *testing.T) {
	for _, s := range []string{"99.2", "96.5", "0.1", "33.33", "100", "104.5", "0.001", "57.3", "12345.678", "0.7", "0.9", "1.4", "1.8"} {
		v, ok, reason := parseFigure(s, &percentField)
		require.Empty(t, reason)
		require.True(t, ok)
		frac, err := strconv.ParseFloat(s+"e-2", 64)
		require.NoError(t, err)
		assert.Equal(t, frac, v, s)
		assert.Equal(t, s, formatNumber(v, true), s)
	}
	// The naive division is off for some of these, which is why it is not
	// used: if this ever stops being true the test above proves nothing.
	off := 0
	for _, s := range []string{"0.7", "0.9", "1.4", "1.8"} {
		x, _ := strconv.ParseFloat(s, 64)
		frac, _ := strconv.ParseFloat(s+"e-2", 64)
		if x/100 != frac {
			off++
		}
	}
	assert.Positive(t, off)
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v       float64
		percent bool
		want    string
	}{
		{0, false, "0"},
		{1234, false, "1234"},
		{12.5, false, "12.5"},
		{-3.25, false, "-3.25"},
		{1e21, false, "1000000000000000000000"},
		{1e-7, false, "0.0000001"},
		{0.992, true, "99.2"},
		{1, true, "100"},
		{0.00005, true, "0.005"},
		{-0.05, true, "-5"},
		{123456789, false, "123456789"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, formatNumber(tc.v, tc.percent), "%v", tc.v)
	}
	// Round trip over awkward values.
	for _, v := range []float64{0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, math.Pi, 1e-300, 1e300, 5e-324, math.MaxFloat64, 123456.789e-5} {
		for _, pct := range []bool{false, true} {
			f := Field{ID: "x", Percent: pct}
			got, ok, reason := parseFigure(formatNumber(v, pct), &f)
			require.Empty(t, reason, "%v", v)
			require.True(t, ok)
			assert.Equal(t, v, got, "%v percent=%v", v, pct)
		}
	}
}

func TestCellErrorFormat(t *testing.T) {
	e := CellError{File: "data.csv", Row: 12, Column: 4, Header: "在园幼儿数", Text: "1,2x3", Reason: ReasonNotNumber}
	assert.Equal(t, `data.csv:12:4 (在园幼儿数): "1,2x3": 不是数字 / not a number`, e.Error())
	assert.Equal(t, `data.csv:3:2 (单位名称): "": 单位名称为空 / the name is empty`,
		CellError{File: "data.csv", Row: 3, Column: 2, Header: "单位名称", Reason: msg.T("单位名称为空", "the name is empty")}.Error())
	assert.Equal(t, `data.csv:1: 缺少 / missing`, CellError{File: "data.csv", Row: 1, Reason: msg.T("缺少", "missing")}.Error())
	assert.Equal(t, `x.json:5:20: units[3].figures.foo: 未知的指标 / unknown metric`,
		CellError{File: "x.json", Row: 5, Column: 20, Path: "units[3].figures.foo", Reason: msg.T("未知的指标", "unknown metric")}.Error())
	assert.Equal(t, `units[0].level: "town": bad`, CellError{Path: "units[0].level", Text: "town", Reason: msg.T("bad", "")}.Error())
	assert.Equal(t, `oops`, CellError{Reason: msg.T("oops", "")}.Error())
	es := Errors{{Row: 1, Column: 1, Text: "a", Reason: msg.T("r1", "")}, {Row: 2, Column: 1, Text: "b", Reason: msg.T("r2", "")}}
	assert.Equal(t, "1:1: \"a\": r1\n2:1: \"b\": r2", es.Error())
	assert.Nil(t, Errors(nil).err())
}

// A cell error says itself in one language; only what the user wrote (the
// header and the cell) stays as written.
func TestCellErrorsInOneLanguage(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("代码,名称,学校类型,在园幼儿数（人）\ns1,一小,小学,12人\ns1,,大学,无\n"), testFields, Options{File: "a.csv"})
	require.Error(t, err)
	assert.Equal(t, `a.csv:2:4 (在园幼儿数（人）): "12人": text after the number: put the unit in the column header
a.csv:3:1 (代码): "s1": duplicate id: already used on line 2
a.csv:3:2 (名称): "": the name is empty
a.csv:3:3 (学校类型): "大学": unknown kind of school; use one of: Kindergarten, Primary school, Junior secondary school, Nine-year school, Complete secondary school, Senior secondary school, Secondary vocational school, Special education school
a.csv:3:4 (在园幼儿数（人）): "无": may mean 0 as well as a missing figure: write 0 or --`, msg.In(err, "en"))
	assert.Equal(t, `a.csv:3:2 (名称): "": 单位名称为空`, strings.Split(msg.In(err, "zh"), "\n")[2])
}

func TestCellErrorCodes(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("代码,名称,学校类型,在园幼儿数\ns1,一小,小学,12人\ns2,二小,小学,无\ns3,三小,小学,1,2,3\n"), testFields, Options{})
	var es Errors
	require.ErrorAs(t, err, &es)
	var codes []string
	for _, e := range es {
		codes = append(codes, e.Code())
	}
	assert.Equal(t, []string{"text_after_number", "may_be_zero", "", ""}, codes, "two cells beyond the last column have no code")
}
