package indicators_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// benchRules are 35 validation rules over the benchmark plan's figures:
// each pair's part ≤ whole (25), the parts of two pairs at least 90% of
// their wholes within a tolerance, counting missing figures as zero (5;
// broken on a fair share of the schools, so that the report carries many
// violations), and a range, never skipped (5).
func benchRules() []plan.ValidationRule {
	var rs []plan.ValidationRule
	for k := 0; k < benchPairs; k++ {
		rs = append(rs, plan.ValidationRule{ID: fmt.Sprintf("part%d", k), Name: msg.T(fmt.Sprintf("部分%d", k), ""),
			Left: fmt.Sprintf("num%d", k), Operator: plan.OpLE, Right: fmt.Sprintf("den%d", k), Importance: plan.High})
	}
	for k := 0; k < 5; k++ {
		rs = append(rs, plan.ValidationRule{ID: fmt.Sprintf("sum%d", k), Name: msg.T(fmt.Sprintf("和%d", k), ""),
			Left: fmt.Sprintf("num%d + num%d", 2*k, 2*k+1), Operator: plan.OpGE, Right: fmt.Sprintf("0.9 * (den%d + den%d)", 2*k, 2*k+1),
			Tolerance: 5, MissingValueStrategy: plan.SkipIfAllValuesMissing},
			plan.ValidationRule{ID: fmt.Sprintf("range%d", k), Name: msg.T(fmt.Sprintf("范围%d", k), ""),
				Left: fmt.Sprintf("den%d", k), Operator: plan.OpGE, Right: "0", MissingValueStrategy: plan.NeverSkip})
	}
	return rs
}

// BenchmarkAssessRules is a full assessment of the 10,000 schools (the
// column pass and every unit's report, as BenchmarkReport) without and with
// the 35 rules of benchRules, in one run: what validation adds. The issue
// allows 30%.
func BenchmarkAssessRules(b *testing.B) {
	plain, d := benchCatalog(b), benchData(b)
	withRules, err := plain.WithRules(benchRules())
	require.NoError(b, err)
	for _, c := range []struct {
		name string
		cat  *indicators.Catalog
	}{{"without", plain}, {"with35rules", withRules}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.cat.Assess(d, indicators.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAssessRulesOverhead runs the two assessments of
// BenchmarkAssessRules in turns, each iteration one of each, and reports
// the fastest of each and what the rules add to it (overhead-%): on a
// shared, noisy machine the minimum of interleaved runs is the estimate
// least disturbed by the load of the moment.
func BenchmarkAssessRulesOverhead(b *testing.B) {
	plain, d := benchCatalog(b), benchData(b)
	withRules, err := plain.WithRules(benchRules())
	require.NoError(b, err)
	best := [2]time.Duration{math.MaxInt64, math.MaxInt64}
	for b.Loop() {
		for k, cat := range []*indicators.Catalog{plain, withRules} {
			start := time.Now()
			if _, err := cat.Assess(d, indicators.Options{}); err != nil {
				b.Fatal(err)
			}
			best[k] = min(best[k], time.Since(start))
		}
	}
	b.ReportMetric(float64(best[0].Milliseconds()), "ms-without")
	b.ReportMetric(float64(best[1].Milliseconds()), "ms-with")
	b.ReportMetric(100*(float64(best[1])/float64(best[0])-1), "overhead-%")
}

// TestBenchRulesFindWhatTheDataHas keeps the benchmark honest: its rules
// run, and the data's sums differ by more than the tolerance somewhere.
func TestBenchRulesFindWhatTheDataHas(t *testing.T) {
	cat, err := benchCatalog(t).WithRules(benchRules())
	require.NoError(t, err)
	rep, err := cat.Assess(benchData(t), indicators.Options{})
	require.NoError(t, err)
	v := rep.Validation
	require.NotNil(t, v)
	require.Len(t, v.Rules, 35)
	for _, r := range v.Rules {
		if strings.HasPrefix(r.ID, "part") || strings.HasPrefix(r.ID, "range") {
			require.Zero(t, r.Counts.Violated, r.ID)
		}
	}
	require.Positive(t, v.Counts.Violated)
	t.Logf("%d checks: %d violated, %d skipped", v.Counts.Checked, v.Counts.Violated, v.Counts.Skipped)
	require.Positive(t, v.Counts.Skipped, "about 1% of the figures are missing")
	require.Equal(t, v.Counts.Checked, v.Counts.Passed+v.Counts.Violated+v.Counts.Skipped+v.Counts.NotComputable)
}

// BenchmarkQualityRules is the data-quality summary of the 10,000 schools
// without and with the 35 rules: what counting the broken rules adds to it
// (a pass of the figures, not an assessment).
func BenchmarkQualityRules(b *testing.B) {
	plain, d := benchCatalog(b), benchData(b)
	withRules, err := plain.WithRules(benchRules())
	require.NoError(b, err)
	for _, c := range []struct {
		name string
		cat  *indicators.Catalog
	}{{"without", plain}, {"with35rules", withRules}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.cat.Quality(d)
			}
		})
	}
}
