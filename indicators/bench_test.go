package indicators_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// The benchmark plan: 25 pairs of school figures, a floor and a ceiling on
// each pair's rate (50 indicators), plus spreads across districts.
const (
	benchPairs     = 25
	benchDistricts = 10
	benchSchools   = 10000
)

func benchCatalog(tb testing.TB) *indicators.Catalog { return benchCatalogWith(tb, false) }

// benchCatalogWith builds the benchmark plan; with unitTargets, every floor
// indicator holds 100 named schools to a target of their own.
func benchCatalogWith(tb testing.TB, unitTargets bool) *indicators.Catalog {
	var ms []plan.Metric
	var inds []plan.Indicator
	for k := 0; k < benchPairs; k++ {
		for _, id := range []string{fmt.Sprintf("num%d", k), fmt.Sprintf("den%d", k)} {
			ms = append(ms, plan.Metric{ID: id, Name: msg.Text{ZH: id}, Unit: plan.Count,
				Aggregate: plan.Sum, ReportedBy: plan.Scope{Levels: []org.Level{org.School}}})
		}
		inds = append(inds,
			plan.Indicator{ID: fmt.Sprintf("floor%d", k), Name: msg.Text{ZH: fmt.Sprintf("下限%d", k)},
				Formula: fmt.Sprintf("num%d / den%d", k, k), Unit: plan.Percent, Target: ">= 90%"},
			plan.Indicator{ID: fmt.Sprintf("ceil%d", k), Name: msg.Text{ZH: fmt.Sprintf("上限%d", k)},
				Formula: fmt.Sprintf("(den%d - num%d) / den%d", k, k, k), Unit: plan.Percent, Target: "控制在5%以内"})
	}
	if unitTargets {
		for k := 0; k < benchPairs; k++ {
			var units []string
			for i := k; i < benchSchools; i += benchSchools / 100 {
				units = append(units, fmt.Sprintf("s%d", i))
			}
			inds[2*k].UnitTargets = []plan.UnitTarget{{Units: units, Target: ">= 95%"}}
		}
	}
	for k := 0; k < 5; k++ {
		inds = append(inds, plan.Indicator{ID: fmt.Sprintf("spread%d", k), Name: msg.Text{ZH: fmt.Sprintf("差距%d", k)},
			Formula: fmt.Sprintf("spread(floor%d)", k), Unit: plan.Percent, Target: "不超过10个百分点",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}})
	}
	cat, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(tb, err)
	return cat
}

// benchData: one city, ten districts, 10,000 schools; about 1% of figures
// missing and a few zero denominators.
func benchData(tb testing.TB) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(1, 2))
	d := dataset.New(2017)
	require.NoError(tb, d.Add(dataset.OrgUnit{ID: "c", Level: org.City}))
	for j := 0; j < benchDistricts; j++ {
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: fmt.Sprintf("d%d", j), Level: org.District, Parent: "c"}))
	}
	for i := 0; i < benchSchools; i++ {
		id := fmt.Sprintf("s%d", i)
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: id, Level: org.School, Kind: org.Primary,
			Parent: fmt.Sprintf("d%d", i%benchDistricts)}))
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

// BenchmarkEvaluate assesses 10,000 schools, their districts and the city
// against 55 indicators: the engine's column pass.
func BenchmarkEvaluate(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Evaluate(d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Units)*55), "ns/result")
}

// BenchmarkEvaluateUnitTargets is BenchmarkEvaluate with per-unit targets
// on half the indicators (100 schools each): what overrides cost. An
// indicator without them costs what it did: compare BenchmarkEvaluate with
// BenchmarkEvaluateBaseline in one run, before and after.
func BenchmarkEvaluateUnitTargets(b *testing.B) {
	cat, d := benchCatalogWith(b, true), benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Evaluate(d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Units)*55), "ns/result")
}

// BenchmarkReport adds building every unit's results (values, inputs,
// places) to the column pass: what a full JSON report costs before encoding.
func BenchmarkReport(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, err := cat.Assess(d, indicators.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateBaseline is the same work written by hand for this one
// plan: sums up the hierarchy with missing propagated, both rates per pair
// with zero denominators caught, the spreads, and a status per unit and
// indicator. It is the floor the engine is measured against;
// TestBaselineAgreesWithEngine keeps it honest.
func BenchmarkEvaluateBaseline(b *testing.B) {
	d := benchData(b)
	order := benchOrder(d)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		handEvaluate(d, order)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Units)*55), "ns/result")
}

// benchOrder lists the benchmark's units children first: schools, then
// districts, then the city (they were added the other way round).
func benchOrder(d *dataset.Dataset) []int {
	order := make([]int, 0, len(d.Units))
	for i := len(d.Units) - 1; i >= 0; i-- {
		order = append(order, i)
	}
	return order
}

// handEvaluate computes the benchmark plan's statuses by hand, in the
// catalogue's indicator order: floor0, ceil0, floor1, …, spread0…spread4.
// Spreads concern only the city; elsewhere their status is NotApplicable.
func handEvaluate(d *dataset.Dataset, order []int) [][]indicators.Status {
	n := len(d.Units)
	status := make([][]indicators.Status, 2*benchPairs+5)
	floors := make([][]float64, benchPairs)
	for k := 0; k < benchPairs; k++ {
		num, numOK := handSum(d, fmt.Sprintf("num%d", k), order)
		den, denOK := handSum(d, fmt.Sprintf("den%d", k), order)
		fl, ce := make([]indicators.Status, n), make([]indicators.Status, n)
		floors[k] = make([]float64, n)
		for i := 0; i < n; i++ {
			switch {
			case !numOK[i] || !denOK[i]:
				fl[i], ce[i] = indicators.NoData, indicators.NoData
				floors[k][i] = math.NaN()
			case den[i] == 0:
				fl[i], ce[i] = indicators.NotComputable, indicators.NotComputable
				floors[k][i] = math.NaN()
			default:
				r := num[i] / den[i]
				floors[k][i] = r
				fl[i] = statusIf(r >= 0.9)
				ce[i] = statusIf((den[i]-num[i])/den[i] <= 0.05)
			}
		}
		status[2*k], status[2*k+1] = fl, ce
	}
	for k := 0; k < 5; k++ {
		st := make([]indicators.Status, n)
		for i := range st {
			st[i] = indicators.NotApplicable
		}
		lo, hi, state := math.Inf(1), math.Inf(-1), indicators.Met
		for _, ch := range d.Children(0) {
			switch s := status[2*k][ch]; s {
			case indicators.NoData, indicators.NotComputable:
				if state != indicators.NoData {
					state = s
				}
				continue
			}
			lo, hi = min(lo, floors[k][ch]), max(hi, floors[k][ch])
		}
		if state == indicators.Met {
			state = statusIf(hi-lo <= 0.10)
		}
		st[0] = state
		status[2*benchPairs+k] = st
	}
	return status
}

// The hand-written baseline must do the same work as the engine, or the
// benchmark compares unlike things.
func TestBaselineAgreesWithEngine(t *testing.T) {
	cat, d := benchCatalog(t), benchData(t)
	ev := cat.Evaluate(d)
	want := handEvaluate(d, benchOrder(d))
	inds := cat.Indicators()
	require.Len(t, inds, len(want))
	counts := map[indicators.Status]int{}
	for k, ind := range inds {
		for i := range d.Units {
			st, ok := ev.Status(ind.ID, i)
			require.True(t, ok)
			require.Equal(t, want[k][i], st, "%s at %s", ind.ID, d.Units[i].ID)
			counts[want[k][i]]++
		}
	}
	for _, s := range []indicators.Status{indicators.Met, indicators.NotMet, indicators.NoData, indicators.NotComputable} {
		assert.Positive(t, counts[s], "the benchmark data exercises %s", s)
	}
}

func statusIf(ok bool) indicators.Status {
	if ok {
		return indicators.Met
	}
	return indicators.NotMet
}

// handSum is the baseline's sum up the hierarchy: a parent's figure is the
// sum of its children's, missing if any child's is missing.
func handSum(d *dataset.Dataset, metric string, order []int) ([]float64, []bool) {
	n := len(d.Units)
	col := d.Column(metric)
	v, ok := make([]float64, n), make([]bool, n)
	units, values := col.Figures()
	for k, i := range units {
		v[i], ok[i] = values[k], true
	}
	for _, i := range order {
		if ok[i] {
			continue
		}
		chs := d.Children(i)
		if len(chs) == 0 {
			continue
		}
		sum, all := 0.0, true
		for _, ch := range chs {
			if !ok[ch] {
				all = false
				break
			}
			sum += v[ch]
		}
		v[i], ok[i] = sum, all
	}
	return v, ok
}

// BenchmarkReadReport reads back the JSON report of 1,000 schools, as the
// page does to restore a year's figures from a report: the strict reader
// must stay usable at this size.
func BenchmarkReadReport(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	keep := []string{"c"}
	for j := 0; j < benchDistricts; j++ {
		keep = append(keep, fmt.Sprintf("d%d", j))
	}
	for i := 0; i < 1000; i++ {
		keep = append(keep, fmt.Sprintf("s%d", i))
	}
	r, err := cat.Assess(d, indicators.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r.Units = r.Units[:len(keep)]
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := indicators.ReadReport(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportStream builds every unit's results as BenchmarkReport
// does, but a unit at a time (Evaluation.Stream), each let go once seen, as
// the command line's JSON and CSV outputs build them: compare the two in
// one run.
func BenchmarkReportStream(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, err := cat.Evaluate(d).Stream(indicators.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := s.Each(func(u *indicators.UnitReport) error {
			n += len(u.Results)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
}
