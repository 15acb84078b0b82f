package trend_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// The shape of the indicators package's benchmark (BenchmarkReport): 25
// pairs of school figures, a floor and a ceiling on each pair's rate, for
// 10,000 schools in ten districts; here the floors have a baseline and a
// target year, so that every row measures progress.
const (
	benchPairs     = 25
	benchDistricts = 10
	benchSchools   = 10000
)

func benchPlan(tb testing.TB) (*plan.Plan, *indicators.Catalog) {
	p := &plan.Plan{ID: "bench", Year: 2021}
	for k := 0; k < benchPairs; k++ {
		for _, id := range []string{fmt.Sprintf("num%d", k), fmt.Sprintf("den%d", k)} {
			p.Metrics = append(p.Metrics, plan.Metric{ID: id, Name: msg.Text{ZH: id}, Unit: plan.Count,
				Aggregate: plan.Sum, ReportedBy: plan.Scope{Levels: []org.Level{org.School}}})
		}
		p.Indicators = append(p.Indicators,
			plan.Indicator{ID: fmt.Sprintf("floor%d", k), Name: msg.Text{ZH: fmt.Sprintf("下限%d", k)},
				Formula: fmt.Sprintf("num%d / den%d", k, k), Unit: plan.Percent, Target: ">= 95%",
				Baseline: &plan.Baseline{Year: 2020, Value: "90%"}, TargetYear: 2025},
			plan.Indicator{ID: fmt.Sprintf("ceil%d", k), Name: msg.Text{ZH: fmt.Sprintf("上限%d", k)},
				Formula: fmt.Sprintf("(den%d - num%d) / den%d", k, k, k), Unit: plan.Percent, Target: "控制在5%以内"})
	}
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, nil)
	require.NoError(tb, err)
	return p, cat
}

func benchYear(tb testing.TB, year int) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(uint64(year), 2))
	d := dataset.New(year)
	require.NoError(tb, d.Add(dataset.OrgUnit{ID: "c", Level: org.City}))
	for j := 0; j < benchDistricts; j++ {
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: fmt.Sprintf("d%d", j), Level: org.District, Parent: "c"}))
	}
	for i := 0; i < benchSchools; i++ {
		id := fmt.Sprintf("s%d", i)
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: id, Level: org.School, Kind: org.Primary, Parent: fmt.Sprintf("d%d", i%benchDistricts)}))
		for k := 0; k < benchPairs; k++ {
			if rng.IntN(100) == 0 {
				continue
			}
			den := float64(rng.IntN(1000))
			require.NoError(tb, d.Set(id, fmt.Sprintf("den%d", k), den))
			require.NoError(tb, d.Set(id, fmt.Sprintf("num%d", k), math.Floor(den*(0.85+0.15*rng.Float64()))))
		}
	}
	return d
}

// BenchmarkOneYear is the one-year assessment of the benchmark data;
// BenchmarkFiveYears the multi-year one over five such years. Issue 11
// asks that five years cost at most six times one.
func BenchmarkOneYear(b *testing.B) {
	_, cat := benchPlan(b)
	d := benchYear(b, 2020)
	b.ReportAllocs()
	defer cpuTime(b)()
	for b.Loop() {
		if _, err := cat.Assess(d, indicators.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFiveYears(b *testing.B) {
	p, cat := benchPlan(b)
	s := benchYears(b)
	b.ReportAllocs()
	defer cpuTime(b)()
	for b.Loop() {
		if _, err := trend.Assess(cat, p, s, indicators.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFiveYearsCheck is what eduplan check does given five years:
// the last year's report, the five years across, and the texts beside
// each result of the report (view.AcrossOf).
func BenchmarkFiveYearsCheck(b *testing.B) {
	p, cat := benchPlan(b)
	s := benchYears(b)
	b.ReportAllocs()
	defer cpuTime(b)()
	for b.Loop() {
		if _, err := cat.Assess(s[len(s)-1], indicators.Options{}); err != nil {
			b.Fatal(err)
		}
		rep, err := trend.Assess(cat, p, s, indicators.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if view.AcrossOf(rep, 2024) == nil {
			b.Fatal("no rows")
		}
	}
}

// benchYears are the five years of the benchmark, 2020–2024.
func benchYears(tb testing.TB) dataset.Series {
	var s dataset.Series
	for y := 2020; y < 2025; y++ {
		s = append(s, benchYear(tb, y))
	}
	return s
}

// cpuTime reports the process's CPU time per operation beside the wall
// time: on a shared machine the wall time says more about the neighbours
// than about the code, and the ratio of the two benchmarks is what matters.
func cpuTime(b *testing.B) func() {
	start := cpuNow()
	return func() {
		b.ReportMetric(float64((cpuNow()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
