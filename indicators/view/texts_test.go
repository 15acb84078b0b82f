package view

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Texts.Row gives Of's texts but Line for every result, also where results
// of one indicator differ in what the kept texts were made of; and it
// makes an indicator's texts once.
func TestTextsRow(t *testing.T) {
	city := &plan.Scope{Levels: []org.Level{org.City}}
	cityDistrict := &plan.Scope{Levels: []org.Level{org.City, org.District}}
	places := []plan.Place{{ID: "t4", Label: msg.T("任务4", "Task 4")}, {ID: "g1", Label: msg.T("总体目标1", "")}}
	other := []plan.Place{{ID: "t5", Label: msg.T("任务5", "Task 5")}}
	res := func(st indicators.Status, v float64, ref bool, f *plan.Scope, ps []plan.Place, display string) *indicators.Result {
		r := &indicators.Result{Indicator: "pass", Name: msg.T("合格率", "pass rate"), Status: st, Reference: ref,
			Unit: plan.Percent, Places: ps,
			Target: indicators.TargetInfo{Text: "达到95%以上", Op: rule.GE, Value: 0.95, Display: msg.T(display, display), For: f}}
		if st == indicators.Met || st == indicators.NotMet {
			r.Value = &v
			g := (v - 0.95) * 100
			r.Gap = &g
		}
		return r
	}
	rs := []*indicators.Result{
		res(indicators.NotMet, 0.9477, true, city, places, "≥ 95%"),
		res(indicators.Met, 0.97, true, city, places, "≥ 95%"),
		res(indicators.NotMet, 0.9, true, cityDistrict, places, "≥ 95%"),
		res(indicators.NotMet, 0.9, true, cityDistrict, places, "≥ 96%"),
		res(indicators.NoData, 0, true, nil, other, "≥ 95%"),
		res(indicators.NotMet, 0.9, false, city, nil, "≥ 95%"),
		res(indicators.Met, 0.99, false, city, places, ""),
		res(indicators.NotMet, 0.9477, true, city, places, "≥ 95%"),
	}
	rs[4].Reason = &msg.Text{ZH: "缺少数据", EN: "figures missing"}
	rs[6].Warnings = []msg.Text{msg.T("数值超过100%", "value above 100%")}
	var tx Texts
	for k, r := range rs {
		want := Of(*r)
		want.Line, want.gap = msg.Text{}, msg.Text{} // gap only makes Line
		got := tx.Row(r)
		assert.ElementsMatch(t, want.Notes, got.Notes, "result %d", k)
		want.Notes, got.Notes = nil, nil
		assert.Equal(t, want, got, "result %d", k)
	}
	a, b := tx.Row(rs[0]), tx.Row(rs[1])
	assert.Equal(t, unsafe.StringData(a.Places.ZH), unsafe.StringData(b.Places.ZH), "the places of an indicator made once")
	assert.Equal(t, unsafe.StringData(a.Target.ZH), unsafe.StringData(b.Target.ZH), "and its target for reference")
	assert.Equal(t, unsafe.StringData(a.TargetNote.EN), unsafe.StringData(b.TargetNote.EN), "and the note that says so")
}

// formatByStrings is format as it was first written, a string per step:
// the one that appends must write the same text.
func formatByStrings(x float64, d digits) string {
	s := strconv.FormatFloat(x, 'f', d.n, 64)
	if !d.fixed {
		return trim(s)
	}
	if d.n > d.base {
		s = strings.TrimRight(s, "0")
		dot := strings.IndexByte(s, '.')
		if short := d.base - (len(s) - dot - 1); dot >= 0 && short > 0 {
			s += strings.Repeat("0", short)
		}
		s = strings.TrimSuffix(s, ".")
	}
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

func TestFormatAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, -0.0, 1, -1, 0.5, -0.0004, 0.0004, 95, 94.996, 100, 1e-9, -1e-9, 27.4, 17.5, 12345.678, -3.10, math.Inf(1)}
	for range 3000 {
		values = append(values, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(12)-6)))
	}
	for _, v := range values {
		for n := 0; n <= plan.MaxDecimals; n++ {
			for base := 0; base <= n; base++ {
				for _, fixed := range []bool{false, true} {
					d := digits{n: n, base: base, fixed: fixed}
					require.Equal(t, formatByStrings(v, d), format(v, d), "%v %+v", v, d)
					old := formatByStrings(v, d)
					if v > 0 && strings.Trim(old, "0.") != "" {
						old = "+" + old
					}
					require.Equal(t, old, gapNumber(v, d), "gap %v %+v", v, d)
				}
			}
		}
	}
}
