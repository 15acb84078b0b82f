package rule

import (
	"strings"
	"testing"
	"time"
)

func TestReadClauseLongIsFast(t *testing.T) {
	for _, s := range []string{strings.Repeat("达", 1999), strings.Repeat("1达", 999), strings.Repeat("不低于", 666), strings.Repeat("a 1", 666), strings.Repeat("全部消除", 499)} {
		start := time.Now()
		ReadClause(s, TargetContext{Direction: HigherIsBetter, Unit: UnitPercent})
		ParseTargetFor(s, TargetContext{Direction: HigherIsBetter, Unit: UnitPercent})
		if d := time.Since(start); d > 200*time.Millisecond {
			t.Errorf("%q...: %v", s[:10], d)
		}
	}
}
