package spreadsheet

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGuardAndUnguard(t *testing.T) {
	cases := []struct{ in, guarded string }{
		{"", ""},
		{"abc", "abc"},
		{"=1+1", "'=1+1"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"+1.5", "+1.5"},
		{"-1.5", "-1.5"},
		{"-5%", "-5%"},
		{"-cmd", "'-cmd"},
		{"+", "'+"},
		{"\tx", "'\tx"},
		{"'quoted", "'quoted"},
	}
	for _, c := range cases {
		assert.Equal(t, c.guarded, Guard(c.in), "Guard(%q)", c.in)
		assert.Equal(t, c.in, Unguard(Guard(c.in)), "a guarded cell reads back as itself: %q", c.in)
	}
	// An apostrophe the user typed before ordinary text stays.
	assert.Equal(t, "'abc", Unguard("'abc"))
	assert.Equal(t, "'-1.5", Unguard("'-1.5"), "a number needs no guard, so the apostrophe is the user's")
}

func TestAppendRowReadsBackWithEncodingCSV(t *testing.T) {
	rows := [][]string{
		{"a", "b,c", `say "hi"`, " lead", "trail ", "line\nbreak", ""},
		GuardRow([]string{"=1+1", "@x", "-cmd", "-2"}),
	}
	var b strings.Builder
	for _, r := range rows {
		AppendRow(&b, r, true)
	}
	assert.True(t, strings.HasSuffix(b.String(), "\r\n"))
	r := csv.NewReader(strings.NewReader(b.String()))
	r.FieldsPerRecord = -1
	got, err := r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, rows, got)
}

// A cell is quoted exactly when it holds a comma, a quote or a line break,
// or starts or ends with a space, wherever the character is.
func TestAppendRowQuotes(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"", ""},
		{"abc", "abc"},
		{"学校,小学", `"学校,小学"`},
		{",", `","`},
		{`"`, `""""`},
		{"a\r", "\"a\r\""},
		{"\nb", "\"\nb\""},
		{" a", `" a"`},
		{"a ", `"a "`},
		{"a b", "a b"},
		{"\ta", "\ta"},
		{"85.00%", "85.00%"},
		{"≤ 17", "≤ 17"},
	} {
		var b strings.Builder
		AppendRow(&b, []string{c.in}, false)
		assert.Equal(t, c.out+"\n", b.String(), "%q", c.in)
	}
}

// BenchmarkAppendRow writes a row of a report's cells: ids, names, values
// with their units, a cell to quote.
func BenchmarkAppendRow(b *testing.B) {
	row := []string{"s012345", "第一百二十三小学", "学校", "小学", "d0123", "2017", "pt_ratio", "小学生师比", "约束性", "达标", "14.17", "≤ 17", "-2.83", "", "在校生数 = 3000；专任教师数 = 200", "a, b"}
	var sb strings.Builder
	for b.Loop() {
		sb.Reset()
		AppendRow(&sb, row, false)
	}
}
