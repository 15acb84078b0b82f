package rule

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parseFor(t *testing.T, text string, ctx TargetContext) (Target, []string) {
	t.Helper()
	tg, warns, err := ParseTargetFor(text, ctx)
	require.NoError(t, err, "%q %+v", text, ctx)
	var ws []string
	for _, w := range warns {
		require.NotEmpty(t, w.ZH)
		require.NotEmpty(t, w.EN)
		ws = append(ws, w.EN)
	}
	return tg, ws
}

func refuseFor(t *testing.T, text string, ctx TargetContext, want string) *Error {
	t.Helper()
	_, _, err := ParseTargetFor(text, ctx)
	require.Error(t, err, "%q %+v", text, ctx)
	var e *Error
	require.True(t, errors.As(err, &e), "%T", err)
	assert.Contains(t, e.Message.Both(), want)
	assert.True(t, e.Message.ZH != "" && e.Message.EN != "", "bilingual")
	assert.Equal(t, text, e.Source)
	return e
}

var (
	lowerRatio     = TargetContext{Direction: LowerIsBetter, Unit: UnitRatio}
	lowerCount     = TargetContext{Direction: LowerIsBetter, Unit: UnitCount}
	higherCount    = TargetContext{Direction: HigherIsBetter, Unit: UnitCount}
	higherPercent  = TargetContext{Direction: HigherIsBetter, Unit: UnitPercent}
	lowerPercent   = TargetContext{Direction: LowerIsBetter, Unit: UnitPercent}
	unknownPercent = TargetContext{Unit: UnitPercent}
)

// The misreadings listed in issue 9's "Why", each read right now.
func TestIssue9Misreadings(t *testing.T) {
	t.Run("17 on a lower-is-better ratio is a ceiling", func(t *testing.T) {
		tg, ws := parseFor(t, "17", lowerRatio)
		assert.Equal(t, LE, tg.Op)
		assert.Equal(t, 17.0, tg.Value)
		assert.Equal(t, LowerIsBetter, tg.Direction)
		assert.Empty(t, ws)
		assert.True(t, tg.Met(16.5))
		assert.False(t, tg.Met(18))
		require.NotEmpty(t, tg.Notes)
		assert.Contains(t, tg.Notes[0].EN, "read as ≤ 17")
	})
	t.Run("17:1 and 17∶1 read 17", func(t *testing.T) {
		for _, s := range []string{"17:1", "17∶1", "17：1", "≤ 17:1"} {
			tg, _ := parseFor(t, s, lowerRatio)
			assert.Equal(t, LE, tg.Op, s)
			assert.Equal(t, 17.0, tg.Value, s)
			assert.Contains(t, tg.Rows, "X:Y", s)
		}
	})
	t.Run("a bare number with no direction is refused with the fix", func(t *testing.T) {
		e := refuseFor(t, "17", TargetContext{Unit: UnitRatio}, "declare the indicator's direction (direction: lower for 生师比")
		assert.Equal(t, 1, e.Column)
		assert.Equal(t, 2, e.Length)
	})
	t.Run("0 is no longer at least 0", func(t *testing.T) {
		tg, ws := parseFor(t, "0", lowerCount)
		assert.Equal(t, LE, tg.Op)
		assert.False(t, tg.Met(1))
		assert.Empty(t, ws)
		refuseFor(t, "0", TargetContext{Unit: UnitCount}, "declare the indicator's direction")
		// Where 0 is written as a floor on a count, it checks nothing.
		_, ws = parseFor(t, "≥ 0", higherCount)
		require.Len(t, ws, 1)
		assert.Contains(t, ws[0], "is met by any value")
	})
	t.Run("99 on a percent is 99%", func(t *testing.T) {
		tg, _ := parseFor(t, "99", higherPercent)
		assert.Equal(t, GE, tg.Op)
		assert.Equal(t, 0.99, tg.Value)
		assert.True(t, tg.Percent)
		assert.True(t, tg.Met(0.995))
		assert.Equal(t, 0.5, tg.Gap(0.995))
		assert.Equal(t, "≥ 99%", tg.Format("zh"))
		require.NotEmpty(t, tg.Notes)
		assert.Equal(t, "the indicator is a percent: 99 is read as 99%", tg.Notes[0].EN)
		tg, _ = parseFor(t, "99.2", higherPercent)
		assert.Equal(t, 992.0/1000, tg.Value, "exact, as data cells")
		tg, _ = parseFor(t, "达99以上", unknownPercent)
		assert.Equal(t, 0.99, tg.Value)
		assert.Equal(t, HigherIsBetter, tg.Direction)
	})
	t.Run("达99% on a count is refused", func(t *testing.T) {
		refuseFor(t, "达99%", higherCount, "did you mean 99")
		refuseFor(t, "不超过10个百分点", lowerCount, "percentage points")
	})
	t.Run("a percent above 100% where it may not exceed 100%", func(t *testing.T) {
		refuseFor(t, "9900%", higherPercent, "did you mean 99%")
		refuseFor(t, "达145%", higherPercent, "may_exceed_100")
		tg, _ := parseFor(t, "达到145%", TargetContext{Direction: HigherIsBetter, Unit: UnitPercent, MayExceed100: true})
		assert.Equal(t, 1.45, tg.Value)
	})
	t.Run("0.99 on a percent is 0.99%, with a warning", func(t *testing.T) {
		tg, ws := parseFor(t, "0.99", higherPercent)
		assert.InDelta(t, 0.0099, tg.Value, 1e-15)
		require.Len(t, ws, 1)
		assert.Contains(t, ws[0], "did you mean 99%")
	})
	t.Run("8-10所 with 11 is met, above the range", func(t *testing.T) {
		tg, _ := parseFor(t, "8-10所", higherCount)
		assert.Equal(t, Between, tg.Op)
		assert.True(t, tg.Met(11))
		assert.True(t, tg.Beyond(11))
		assert.True(t, tg.Met(8))
		assert.False(t, tg.Beyond(9))
		assert.False(t, tg.Met(7))
		assert.Equal(t, 1.0, tg.Gap(11), "shown as above the range")
		assert.Equal(t, "above the range (more than planned)", tg.BeyondText().EN)
		assert.Equal(t, -1.0, tg.Gap(7))
		require.NotEmpty(t, tg.Notes)
		assert.Contains(t, tg.Notes[0].EN, "more is above the range")
		// Lower is better: the mirror.
		tg, _ = parseFor(t, "3-4", lowerCount)
		assert.True(t, tg.Met(2))
		assert.True(t, tg.Beyond(2))
		assert.False(t, tg.Met(5))
		// Unknown direction: two-sided, as before.
		tg, _ = parseFor(t, "3-4", TargetContext{Unit: UnitCount})
		assert.False(t, tg.Met(5))
		assert.False(t, tg.Beyond(5))
		assert.True(t, tg.BeyondText().IsZero())
		tg, err := ParseTarget("8-10所")
		require.NoError(t, err)
		assert.False(t, tg.Met(11), "ParseTarget knows no direction")
	})
	t.Run("X左右 over-achieving is met", func(t *testing.T) {
		tg, _ := parseFor(t, "90%左右", higherPercent)
		assert.True(t, tg.Met(0.99))
		assert.True(t, tg.Met(0.855))
		assert.False(t, tg.Met(0.85))
		assert.True(t, tg.Around)
		assert.Equal(t, 0.9, tg.Nominal)
		assert.Contains(t, tg.Notes[0].EN, "met from 85.5% (90% less 5%)")
		tg, ws := parseFor(t, "控制在3%左右", lowerPercent)
		assert.True(t, tg.Met(0.01))
		assert.True(t, tg.Met(0.0315))
		assert.False(t, tg.Met(0.032))
		assert.Empty(t, ws)
		tg, _ = parseFor(t, "3-4", higherPercent)
		assert.Equal(t, "the indicator is a percent: 3-4 is read as 3%–4%", tg.Notes[0].EN)
		tg, _ = parseFor(t, "90左右", higherPercent)
		assert.Equal(t, 0.9, tg.Nominal)
		assert.InDelta(t, 0.855, tg.Value, 1e-12)
	})
}

func TestDirectionFromWords(t *testing.T) {
	tests := []struct {
		in    string
		op    Op
		value float64
		dir   Direction
	}{
		{"提高到95%", GE, 0.95, HigherIsBetter},
		{"提升至95%", GE, 0.95, HigherIsBetter},
		{"不低于85%", GE, 0.85, HigherIsBetter},
		{"不得低于85%", GE, 0.85, HigherIsBetter},
		{"达到或超过90%", GE, 0.9, HigherIsBetter},
		{"90%（含）以上", GE, 0.9, HigherIsBetter},
		{"80%以上（含80%）", GE, 0.8, HigherIsBetter},
		{"≮99%", GE, 0.99, HigherIsBetter},
		{"降至3%", LE, 0.03, LowerIsBetter},
		{"降低到3%", LE, 0.03, LowerIsBetter},
		{"下降到38%以下", LE, 0.38, LowerIsBetter},
		{"不得超过5%", LE, 0.05, LowerIsBetter},
		{"5%（含）以下", LE, 0.05, LowerIsBetter},
		{"≯10%", LE, 0.1, LowerIsBetter},
		{"控制在5%以内", LE, 0.05, LowerIsBetter},
		{"全覆盖", GE, 1, HigherIsBetter},
		{"实现全覆盖", GE, 1, HigherIsBetter},
		{"全部", GE, 1, HigherIsBetter},
		{"全部消除", EQ, 0, LowerIsBetter},
	}
	for _, tt := range tests {
		tg, ws := parseFor(t, tt.in, unknownPercent)
		assert.Equal(t, tt.op, tg.Op, tt.in)
		assert.InDelta(t, tt.value, tg.Value, 1e-12, tt.in)
		assert.Equal(t, tt.dir, tg.Direction, tt.in)
		assert.Empty(t, ws, tt.in)
	}
}

func TestDirectionConflictIsAWarning(t *testing.T) {
	tg, ws := parseFor(t, "≥ 17", lowerRatio)
	assert.Equal(t, GE, tg.Op, "the comparison stays as written")
	assert.Equal(t, LowerIsBetter, tg.Direction)
	require.Len(t, ws, 1)
	assert.Contains(t, ws[0], "says higher is better, but the indicator is declared lower is better")
	_, ws = parseFor(t, "控制在5%以内", higherPercent)
	require.Len(t, ws, 1)
	_, ws = parseFor(t, "保持在5%", lowerPercent)
	assert.Empty(t, ws, "保持在 takes the direction")
}

func TestWholeWordsAndUnits(t *testing.T) {
	refuseFor(t, "全覆盖", higherCount, "a count needs the number")
	tg, _ := parseFor(t, "全部消除", lowerCount)
	assert.Equal(t, EQ, tg.Op)
	assert.True(t, tg.Met(0))
	assert.False(t, tg.Met(1))
	tg, _ = parseFor(t, "新增6所", higherCount)
	assert.Equal(t, GE, tg.Op)
	assert.Equal(t, 6.0, tg.Value)
	assert.Equal(t, "所", tg.Counter)
	tg, _ = parseFor(t, "新增3.3万个", higherCount)
	assert.Equal(t, 33000.0, tg.Value)
	refuseFor(t, "3所", higherPercent, "did you mean 3%")
	refuseFor(t, "17:1", higherPercent, "is a ratio")
	refuseFor(t, "17:1", higherCount, "is a ratio")
	refuseFor(t, "达85%", TargetContext{Direction: HigherIsBetter, Unit: UnitScore}, "did you mean 85")
	tg, _ = parseFor(t, "达80分以上（含80分）", TargetContext{Direction: HigherIsBetter, Unit: UnitScore})
	assert.Equal(t, 80.0, tg.Value)
	refuseFor(t, "达80分以上（含85分）", TargetContext{Direction: HigherIsBetter, Unit: UnitScore}, "differs from the target's 80")
	// Markers.
	tg, _ = parseFor(t, "争创3所", higherCount)
	assert.True(t, tg.Aspirational)
	assert.Equal(t, GE, tg.Op)
	tg, _ = parseFor(t, "确保不低于95%", higherPercent)
	assert.True(t, tg.Binding)
	tg, _ = parseFor(t, "99%以上 约束性", higherPercent)
	assert.True(t, tg.Binding)
	assert.Equal(t, []string{"X以上", "X%", "…约束性"}, tg.Rows)
	tg, _ = parseFor(t, "8% 预期性", higherPercent)
	assert.True(t, tg.Aspirational)
	assert.Equal(t, GE, tg.Op)
}

func TestRefusedWords(t *testing.T) {
	for _, tt := range []struct{ in, word string }{
		{"招生规模大体相当", "大体相当"},
		{"大体相当", "大体相当"},
		{"分别达到90%、95%", "分别"},
		{"每年降低0.5个百分点以上", "每年"},
		{"基本消除", "基本"},
	} {
		e := refuseFor(t, tt.in, higherPercent, "cannot read \""+tt.word+"\" as a target")
		assert.Equal(t, strings.Index(tt.in, tt.word), len(string([]rune(tt.in)[:e.Offset])), tt.in)
		assert.Equal(t, len([]rune(tt.word)), e.Length, tt.in)
	}
	// Unknown words are named with their position.
	e := refuseFor(t, "大约达85%", higherPercent, `target words not understood: "大约"`)
	assert.Equal(t, 1, e.Column)
}

func TestParseDirection(t *testing.T) {
	for s, want := range map[string]Direction{"": DirectionUnknown, "higher": HigherIsBetter, "lower": LowerIsBetter, "越低越好": LowerIsBetter} {
		d, err := ParseDirection(s)
		require.NoError(t, err)
		assert.Equal(t, want, d)
	}
	_, err := ParseDirection("up")
	require.Error(t, err)
	refuseFor(t, "17", TargetContext{Direction: "up"}, "unknown direction")
}

func TestDeclaredCounter(t *testing.T) {
	wan := TargetContext{Direction: HigherIsBetter, Unit: UnitMoney, Counter: "万元"}
	tg, _ := parseFor(t, "达50万元", wan)
	assert.Equal(t, 50.0, tg.Value)
	tg, _ = parseFor(t, "2000元以上", wan)
	assert.Equal(t, 0.2, tg.Value)
	require.NotEmpty(t, tg.Notes)
	assert.Equal(t, "the indicator counts in 万元: 2000元以上 is read as 0.2", tg.Notes[0].EN)
	tg, _ = parseFor(t, "50", wan)
	assert.Equal(t, 50.0, tg.Value, "a plain number is in the declared counter")
	tg, _ = parseFor(t, "≥ 950元", TargetContext{Direction: HigherIsBetter, Unit: UnitMoney, Counter: "元"})
	assert.Equal(t, 950.0, tg.Value)
	refuseFor(t, "达5亩", TargetContext{Direction: HigherIsBetter, Unit: UnitArea, Counter: "平方米"}, "counts in 平方米 but the target")
	tg, _ = parseFor(t, "3个", TargetContext{Direction: HigherIsBetter, Unit: UnitCount, Counter: "所"})
	assert.Equal(t, 3.0, tg.Value, "所 and 个 both count things")
}

// ParseTarget knows no indicator, but what the words say holds.
func TestParseTargetTakesTheWordsDirection(t *testing.T) {
	for in, want := range map[string]Direction{"达99%以上": HigherIsBetter, "控制在5%以内": LowerIsBetter,
		"99%": DirectionUnknown, "3-4个": DirectionUnknown, "全部消除": LowerIsBetter, "控制在3%左右": LowerIsBetter} {
		tg, err := ParseTarget(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, tg.Direction, in)
	}
	tg, err := ParseTarget("控制在3%左右")
	require.NoError(t, err)
	assert.True(t, tg.Met(0.01))
	assert.False(t, tg.Met(0.04))
}
