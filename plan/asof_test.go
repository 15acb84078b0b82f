package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultAsOf(t *testing.T) {
	p2017 := &Plan{Year: 2017}
	for _, tc := range []struct {
		name   string
		p      *Plan
		today  string
		want   string
		reason AsOfReason
		why    string
	}{
		{"years after the plan's year: its last day", p2017, "2026-11-30", "2017-12-31", AsOfYearEnd, "计划年度末"},
		{"the day after the year ends", p2017, "2018-01-01", "2017-12-31", AsOfYearEnd, "计划年度末"},
		{"the last day of the year is still inside it", p2017, "2017-12-31", "2017-12-31", AsOfToday, "今天"},
		{"inside the plan's year: today", p2017, "2017-06-01", "2017-06-01", AsOfToday, "今天"},
		{"the first day of the year", p2017, "2017-01-01", "2017-01-01", AsOfToday, "今天"},
		{"before the plan's year: today", p2017, "2016-12-15", "2016-12-15", AsOfBeforeYear, "今天；计划年度 2017 尚未开始"},
		{"a plan without a year: today", &Plan{}, "2026-11-30", "2026-11-30", AsOfToday, "今天"},
		{"no plan: today", nil, "2026-11-30", "2026-11-30", AsOfToday, "今天"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			today, err := ParseDate(tc.today)
			require.NoError(t, err)
			a := DefaultAsOf(tc.p, today)
			assert.Equal(t, tc.want, a.Date.String())
			assert.Equal(t, tc.reason, a.Reason)
			assert.Equal(t, tc.why, a.Why().ZH)
			assert.NotEmpty(t, a.Why().EN)
		})
	}
	assert.Equal(t, "end of the plan's year", DefaultAsOf(p2017, Date{2030, 1, 1}).Why().EN)
	g := GivenAsOf(Date{2017, 7, 1})
	assert.Equal(t, AsOfGiven, g.Reason)
	assert.Empty(t, g.Why().ZH, "a date the user gave needs no reason")
}

func TestParseState(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want State
	}{
		{"done", Done}, {"DONE", Done}, {"已完成", Done}, {"完成", Done},
		{"in_progress", InProgress}, {"in progress", InProgress}, {"In-Progress", InProgress}, {"进行中", InProgress},
		{"not_started", NotStarted}, {" not  started ", NotStarted}, {"未开始", NotStarted},
	} {
		got, err := ParseState(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	for _, bad := range []string{"", "finished", "完成了", "do ne"} {
		_, err := ParseState(bad)
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "done")
	}
}
