package rule

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadClauseLongIsFast(t *testing.T) {
	for _, s := range []string{strings.Repeat("达", 1999), strings.Repeat("1达", 999), strings.Repeat("不低于", 666), strings.Repeat("a 1", 666), strings.Repeat("全部消除", 499)} {
		start := time.Now()
		ReadClause(s, TargetContext{Direction: HigherIsBetter, Unit: UnitPercent})
		ParseTargetFor(s, TargetContext{Direction: HigherIsBetter, Unit: UnitPercent})
		if d := time.Since(start); d > time.Second { // generous: the machine may be busy
			t.Errorf("%q...: %v", s[:10], d)
		}
	}
}

func TestReadClause(t *testing.T) {
	tests := []struct {
		in, subject, object, format string
		ctx                         TargetContext
		aspirational, binding       bool
	}{
		{"学前三年毛入学率达到145%", "学前三年毛入学率", "", "≥ 145%", TargetContext{Direction: HigherIsBetter, Unit: UnitPercent, MayExceed100: true}, false, false},
		{"到2017年,普惠性幼儿园覆盖面达到80%以上", "到2017年,普惠性幼儿园覆盖面", "", "≥ 80%", higherPercent, false, false},
		{"力争在2020年底实现教室光环境达标率100%", "在2020年底实现教室光环境达标率", "", "≥ 100%", higherPercent, true, false},
		{"新增学位14万座", "新增学位", "", "≥ 140000", higherCount, false, false},
		{"之后不得新增超大班额", "之后", "超大班额", "= 0", lowerCount, false, false},
		{"6岁儿童近视率控制在3%左右", "6岁儿童近视率", "", "2.85%–3.15%", lowerPercent, false, false},
		{"生师比17:1", "生师比", "", "≤ 17", lowerRatio, false, false},
		{"99%以上 约束性", "", "", "≥ 99%", higherPercent, false, true},
	}
	for _, tt := range tests {
		c, warns, err := ReadClause(tt.in, tt.ctx)
		require.NoError(t, err, tt.in)
		assert.Empty(t, warns, tt.in)
		assert.Equal(t, tt.subject, c.Subject, tt.in)
		assert.Equal(t, tt.object, c.Object, tt.in)
		assert.Equal(t, tt.format, c.Target.Format("zh"), tt.in)
		assert.Equal(t, tt.aspirational, c.Target.Aspirational, tt.in)
		assert.Equal(t, tt.binding, c.Target.Binding, tt.in)
	}
}

func TestReadClauseRefuses(t *testing.T) {
	tests := []struct {
		in, words, msg string
		ctx            TargetContext
	}{
		// Another number in the subject could change what is measured.
		{"3万人口以上乡镇至少办好2所", "3万人口以上乡镇至少办好", "hold another number", higherCount},
		// A target word in the subject: relative to a standard.
		{"不达标的单项指标值不低于省定标准的60%", "不低于省定标准的", `hold the target word "不低于"`, higherPercent},
		// Words after the target are named.
		{"满意度不低于85%才能通过", "才能通过", `target words not understood: "才能通过"`, higherPercent},
		{"招生规模大体相当", "大体相当", `cannot read "大体相当"`, TargetContext{Unit: UnitRatio}},
		{"全面消除56人及以上大班额", "56人及以上大班额", `the words after "全面消除"`, lowerCount},
	}
	for _, tt := range tests {
		_, _, err := ReadClause(tt.in, tt.ctx)
		require.Error(t, err, tt.in)
		var e *Error
		require.True(t, errors.As(err, &e), tt.in)
		assert.Equal(t, tt.words, string([]rune(tt.in)[e.Offset:e.Offset+e.Length]), tt.in)
		assert.Contains(t, e.Message.EN, tt.msg, tt.in)
	}
}
