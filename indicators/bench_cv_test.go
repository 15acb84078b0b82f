package indicators_test

import (
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

// The weighted-cv benchmark plan: equipment per pupil on every unit, and
// its pupil-weighted 差异系数 across each district's schools and across
// the city's districts (2 indicators).
func cvBenchCatalog(tb testing.TB) *indicators.Catalog {
	ms := []plan.Metric{
		{ID: "pupils", Name: msg.T("在校生数", "pupils"), Unit: plan.Count, Aggregate: plan.Sum, ReportedBy: schools},
		{ID: "equipment", Name: msg.T("教学仪器设备值", "equipment"), Unit: plan.Number, Aggregate: plan.Sum, ReportedBy: schools},
	}
	inds := []plan.Indicator{
		{ID: "per_pupil", Name: msg.T("生均教学仪器设备值", "per pupil"), Formula: "equipment / pupils", Unit: plan.Number, Target: ">= 2000"},
		{ID: "cv_w", Name: msg.T("差异系数", "cv"), Formula: "cv(per_pupil, pupils)", Unit: plan.Number, Target: "<= 0.5",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City, org.District}}},
	}
	cat, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(tb, err)
	return cat
}

// cvBenchData: one city, ten districts, 10,000 schools with 50 to 1049
// pupils and 1000 to 4000 元 per pupil (200 to 8000 in district 9, so
// that its CV, about 0.55, fails); one school of district 0 lacks its equipment figure and one
// of district 1 has no pupils, so that no data and not computable occur.
func cvBenchData(tb testing.TB) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(3, 4))
	d := dataset.New(2017)
	require.NoError(tb, d.Add(dataset.OrgUnit{ID: "c", Level: org.City}))
	for j := 0; j < benchDistricts; j++ {
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: fmt.Sprintf("d%d", j), Level: org.District, Parent: "c"}))
	}
	for i := 0; i < benchSchools; i++ {
		id, district := fmt.Sprintf("s%d", i), i%benchDistricts
		require.NoError(tb, d.Add(dataset.OrgUnit{ID: id, Level: org.School, Kind: org.Primary,
			Parent: fmt.Sprintf("d%d", district)}))
		pupils := float64(50 + rng.IntN(1000))
		lo, hi := 1000.0, 4000.0
		if district == 9 {
			lo, hi = 200, 8000
		}
		perPupil := lo + (hi-lo)*rng.Float64()
		switch i {
		case 1: // district 1
			pupils = 0
		}
		require.NoError(tb, d.Set(id, "pupils", pupils))
		if i != 0 { // district 0
			require.NoError(tb, d.Set(id, "equipment", math.Round(pupils*perPupil)))
		}
	}
	return d
}

// BenchmarkEvaluateWeightedCV assesses the 10,011 units against the two
// indicators: the weighted reduction is the extra per-cell work.
func BenchmarkEvaluateWeightedCV(b *testing.B) {
	cat, d := cvBenchCatalog(b), cvBenchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Evaluate(d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Units)*2), "ns/result")
}

// BenchmarkEvaluateWeightedCVBaseline is the same work written by hand:
// sums up the hierarchy, per-pupil values with missing and zero pupils
// caught, the weighted CV of each district and of the city, and a status per
// unit and indicator. TestWeightedCVBaselineAgrees keeps it honest.
func BenchmarkEvaluateWeightedCVBaseline(b *testing.B) {
	d := cvBenchData(b)
	order := benchOrder(d)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		handWeightedCV(d, order)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Units)*2), "ns/result")
}

func handWeightedCV(d *dataset.Dataset, order []int) [2][]indicators.Status {
	n := len(d.Units)
	pupils, pOK := handSum(d, "pupils", order)
	equip, eOK := handSum(d, "equipment", order)
	per, cv := make([]indicators.Status, n), make([]indicators.Status, n)
	val := make([]float64, n)
	for i := 0; i < n; i++ {
		switch {
		case !pOK[i] || !eOK[i]:
			per[i] = indicators.NoData
		case pupils[i] == 0:
			per[i] = indicators.NotComputable
		default:
			val[i] = equip[i] / pupils[i]
			per[i] = statusIf(val[i] >= 2000)
		}
	}
	for i := 0; i < n; i++ {
		if d.Units[i].Level == org.School {
			cv[i] = indicators.NotApplicable
			continue
		}
		chs := d.Children(i)
		state := indicators.Met
		var p, sum float64
		for _, ch := range chs {
			switch {
			case !pOK[ch] || per[ch] == indicators.NoData:
				state = indicators.NoData
			case per[ch] == indicators.NotComputable && state != indicators.NoData:
				state = indicators.NotComputable
			}
			p += pupils[ch]
			sum += pupils[ch] * val[ch]
		}
		if state != indicators.Met {
			cv[i] = state
			continue
		}
		mean := sum / p
		if p == 0 || mean == 0 {
			cv[i] = indicators.NotComputable
			continue
		}
		var ss float64
		for _, ch := range chs {
			dv := val[ch] - mean
			ss += pupils[ch] / p * dv * dv
		}
		cv[i] = statusIf(math.Sqrt(ss)/mean <= 0.5)
	}
	return [2][]indicators.Status{per, cv}
}

func TestWeightedCVBaselineAgrees(t *testing.T) {
	cat, d := cvBenchCatalog(t), cvBenchData(t)
	ev := cat.Evaluate(d)
	want := handWeightedCV(d, benchOrder(d))
	counts := map[indicators.Status]int{}
	for k, id := range []string{"per_pupil", "cv_w"} {
		for i := range d.Units {
			st, ok := ev.Status(id, i)
			require.True(t, ok)
			require.Equal(t, want[k][i], st, "%s at %s", id, d.Units[i].ID)
			if k == 1 {
				counts[st]++
			}
		}
	}
	// The districts exercise every outcome of the weighted CV.
	for _, s := range []indicators.Status{indicators.Met, indicators.NotMet, indicators.NoData, indicators.NotComputable} {
		assert.Positive(t, counts[s], "the benchmark data exercises %s", s)
	}
}
