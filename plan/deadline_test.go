package plan

import (
	"testing"
	"time"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deadlineCases gives the meaning of every form, with the variants the
// table's meanings mention and the messy spellings a scraped source has.
var deadlineCases = []struct {
	text    string
	ongoing bool
	due     Date
}{
	{"长期", true, Date{}},
	{"长期坚持", true, Date{}},
	{"持续", true, Date{}},
	{"常态化", true, Date{}},
	{" 长期\n", true, Date{}},
	{"2017", false, Date{2017, 12, 31}},
	{"2018", false, Date{2018, 12, 31}},
	{"2017年", false, Date{2017, 12, 31}},
	{"2017底前", false, Date{2017, 12, 31}},
	{"2017\n\n底前", false, Date{2017, 12, 31}},
	{"2017底", false, Date{2017, 12, 31}},
	{"2017年底", false, Date{2017, 12, 31}},
	{"2018年底", false, Date{2018, 12, 31}},
	{"2017年底前", false, Date{2017, 12, 31}},
	{"2017年末", false, Date{2017, 12, 31}},
	{"2017年年底", false, Date{2017, 12, 31}},
	{"2017年内", false, Date{2017, 12, 31}},
	{"2017.12", false, Date{2017, 12, 31}},
	{"2017.5", false, Date{2017, 5, 31}},
	{"2017.05", false, Date{2017, 5, 31}},
	{"2017.6", false, Date{2017, 6, 30}},
	{"2016.2", false, Date{2016, 2, 29}},
	{"2017.2", false, Date{2017, 2, 28}},
	{"2017-06", false, Date{2017, 6, 30}},
	{"2017/6", false, Date{2017, 6, 30}},
	{"２０１７．１１", false, Date{2017, 11, 30}},
	{"2017 . 10", false, Date{2017, 10, 31}},
	{"2017.6.30", false, Date{2017, 6, 30}},
	{"2017-06-30", false, Date{2017, 6, 30}},
	{"2017/6/30", false, Date{2017, 6, 30}},
	{"２０１７－０６－３０", false, Date{2017, 6, 30}},
	{"2017年6月", false, Date{2017, 6, 30}},
	{"2017年6月底", false, Date{2017, 6, 30}},
	{"2017年6月末", false, Date{2017, 6, 30}},
	{"2017年6月底前", false, Date{2017, 6, 30}},
	{"2017年6月前", false, Date{2017, 6, 30}},
	{"2017年12月", false, Date{2017, 12, 31}},
	{"2017年6月30日", false, Date{2017, 6, 30}},
	{"2017年6月30日前", false, Date{2017, 6, 30}},
	{"2017年6月30号", false, Date{2017, 6, 30}},
	{"2017 年 6 月 3 日", false, Date{2017, 6, 3}},
	{"2017年上半年", false, Date{2017, 6, 30}},
	{"2017上半年", false, Date{2017, 6, 30}},
	{"2017年下半年", false, Date{2017, 12, 31}},
	{"2017年年中", false, Date{2017, 6, 30}},
	{"2017年中", false, Date{2017, 6, 30}},
	{"2017年第三季度", false, Date{2017, 9, 30}},
	{"2017年三季度", false, Date{2017, 9, 30}},
	{"2017年第3季度", false, Date{2017, 9, 30}},
	{"2017年一季度末", false, Date{2017, 3, 31}},
	{"2017年第二季度", false, Date{2017, 6, 30}},
	{"2017年四季度", false, Date{2017, 12, 31}},
}

func TestParseDeadline(t *testing.T) {
	for _, tt := range deadlineCases {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDeadline(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.text, d.Text, "Text keeps the words as written")
			assert.Equal(t, tt.ongoing, d.Ongoing)
			assert.Equal(t, tt.due, d.Due)
		})
	}
}

// TestDeadlineFormsDocumented checks that every documented example parses
// and has its meaning pinned in deadlineCases.
func TestDeadlineFormsDocumented(t *testing.T) {
	require.NotEmpty(t, DeadlineForms())
	for _, f := range DeadlineForms() {
		_, err := ParseDeadline(f.Example)
		assert.NoError(t, err, f.Example)
		assert.True(t, f.Meaning.ZH != "" && f.Meaning.EN != "", "%s: a meaning in both languages", f.Example)
		found := false
		for _, c := range deadlineCases {
			found = found || c.text == f.Example
		}
		assert.True(t, found, "documented form %q has no case in deadlineCases", f.Example)
	}
}

func TestParseDeadlineRejects(t *testing.T) {
	tests := []struct{ text, contains string }{
		{"", "the deadline is empty"},
		{" \n ", "the deadline is empty"},
		{"明年", `unrecognised deadline "明年"`},
		{"17.5", "unrecognised deadline"},
		{"2017.13", "month 13 does not exist"},
		{"2017.0", "month 0 does not exist"},
		{"2017年13月", "month 13 does not exist"},
		{"2017-02-30", "has no day 30"},
		{"2017年2月29日", "has no day 29"},
		{"2017.6.31", "has no day 31"},
		{"2017-6.30", "unrecognised deadline"},
		{"2017年第五季度", "unrecognised deadline"},
		{"0999", "outside 1000–9999"},
		{"2017底后", "unrecognised deadline"},
		{"尽快", "unrecognised deadline"},
		{"2017年6月前后", "unrecognised deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := ParseDeadline(tt.text)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.contains)
			if tt.contains == "unrecognised deadline" {
				assert.Contains(t, err.Error(), "无法识别的完成时限", "the message is in Chinese too")
				assert.Contains(t, err.Error(), tt.text, "the message names the text")
			}
		})
	}
}

func TestDeadlineDueBy(t *testing.T) {
	d, err := ParseDeadline("2017.5")
	require.NoError(t, err)
	assert.False(t, d.DueBy(Date{2017, 5, 31}), "the due day itself is on time")
	assert.True(t, d.DueBy(Date{2017, 6, 1}))
	long, err := ParseDeadline("长期")
	require.NoError(t, err)
	assert.False(t, long.DueBy(Date{2099, 1, 1}))
}

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2017-12-31": {2017, time.December, 31},
		"2016-02-29": {2016, time.February, 29},
		"2000-02-29": {2000, time.February, 29},
	}
	for s, want := range good {
		got, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got)
		assert.Equal(t, s, got.String())
	}
	for _, s := range []string{"", "2017-1-31", "2017/01/31", "2017-13-01", "1900-02-29", "2017-12-31x", "２０１７-01-01", "0999-01-01", "2017-00-10"} {
		_, err := ParseDate(s)
		assert.Error(t, err, s)
	}
}

func TestDateArithmetic(t *testing.T) {
	a, b := Date{2017, 12, 31}, Date{2018, 3, 1}
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 60, b.DaysSince(a))
	assert.Equal(t, -60, a.DaysSince(b))
	assert.True(t, Date{}.IsZero())
	assert.Equal(t, "", Date{}.String())
	assert.False(t, Date{2017, 2, 29}.Valid())
	assert.Equal(t, Date{2017, 3, 6}, DateOf(time.Date(2017, 3, 6, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))))
}

func TestDateText(t *testing.T) {
	var d Date
	require.NoError(t, d.UnmarshalText([]byte("2017-06-30")))
	assert.Equal(t, Date{2017, 6, 30}, d)
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2017-06-30", string(b))
	require.NoError(t, d.UnmarshalText(nil))
	assert.True(t, d.IsZero())
	assert.Error(t, d.UnmarshalText([]byte("30/06/2017")))
}

func TestDateAndDeadlineErrorsInOneLanguage(t *testing.T) {
	for _, tc := range []struct {
		err    func() error
		zh, en string
	}{
		{func() error { _, err := ParseDate("2017-02-30"); return err },
			`日期 "2017-02-30" 无效：2017 年 2 月没有 30 日`, `invalid date "2017-02-30": 2017-02 has no day 30`},
		{func() error { _, err := ParseDate("17-2-3"); return err },
			`日期 "17-2-3" 无效,应写作 YYYY-MM-DD(格式)`, `invalid date "17-2-3": write it YYYY-MM-DD (format)`},
		{func() error { _, err := ParseDeadline("2017.13"); return err },
			`完成时限 "2017.13" 不是有效日期：没有 13 月`, `deadline "2017.13" is not a real date: month 13 does not exist`},
		{func() error { _, err := ParseDeadline("明年"); return err },
			`无法识别的完成时限 "明年"(可写作 2017、2017.12、2017年底前、2017年6月30日、长期 等)`,
			`unrecognised deadline "明年" (write it like 2017, 2017.12 or 2017-06-30)`},
	} {
		err := tc.err()
		require.Error(t, err)
		assert.Equal(t, tc.zh, msg.In(err, "zh"))
		assert.Equal(t, tc.en, msg.In(err, "en"))
	}
}
