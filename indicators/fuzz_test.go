package indicators_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// FuzzAssess compiles a formula and a target typed by anyone and assesses a
// small hierarchy whose figures may be anything, NaN and infinities
// included. Nothing may panic, every result has a known status, and a
// value never comes out NaN or infinite.
func FuzzAssess(f *testing.F) {
	f.Add("a / b", "≥ 99%", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add("spread(a / b)", "不超过10个百分点", []byte{0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255})
	f.Add("share(a >= 95%)", "达90%以上", []byte{7})
	f.Add("cv(c) + min(a, b)", "3-4个", []byte{0x7f, 0xf8, 0, 0, 0, 0, 0, 1})
	f.Add("a > b ? a : b", "控制在5%以内", []byte{})
	f.Fuzz(func(t *testing.T, formula, target string, figs []byte) {
		ms := []plan.Metric{
			{ID: "a", Name: msg.Text{ZH: "甲"}, Unit: plan.Count, Aggregate: plan.Sum},
			{ID: "b", Name: msg.Text{ZH: "乙"}, Unit: plan.Count, Aggregate: plan.Sum},
			{ID: "c", Name: msg.Text{ZH: "丙"}, Unit: plan.Count, Aggregate: plan.None},
		}
		cat, err := indicators.NewCatalog(ms, []plan.Indicator{
			{ID: "x", Name: msg.Text{ZH: "指标"}, Formula: formula, Unit: plan.Percent, Target: target},
		}, nil)
		if err != nil {
			if cat != nil {
				t.Fatal("a catalogue that does not compile is returned")
			}
			return
		}
		d := dataset.New(2017)
		units := []dataset.OrgUnit{
			{ID: "c", Level: org.City},
			{ID: "d1", Level: org.District, Parent: "c"},
			{ID: "d2", Level: org.District, Parent: "c"},
			{ID: "s1", Level: org.School, Kind: org.Primary, Parent: "d1"},
			{ID: "s2", Level: org.School, Kind: org.Primary, Parent: "d1"},
			{ID: "s3", Level: org.School, Kind: org.Primary, Parent: "d2"},
		}
		for _, u := range units {
			if err := d.Add(u); err != nil {
				t.Fatal(err)
			}
		}
		for k := 0; k+9 <= len(figs); k += 9 {
			u := units[int(figs[k])%len(units)]
			m := ms[int(figs[k])/len(units)%len(ms)].ID
			_ = d.Set(u.ID, m, math.Float64frombits(binary.LittleEndian.Uint64(figs[k+1:k+9])))
		}
		r, err := cat.Assess(d, indicators.Options{NotApplicable: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, ur := range r.Units {
			for _, res := range ur.Results {
				if !res.Status.Known() {
					t.Fatalf("unknown status %q", res.Status)
				}
				if res.Value != nil && (math.IsNaN(*res.Value) || math.IsInf(*res.Value, 0)) {
					t.Fatalf("%s: value %v reached a report", ur.Unit.ID, *res.Value)
				}
				if (res.Status == indicators.Met || res.Status == indicators.NotMet) && res.Value == nil {
					t.Fatalf("%s: %s without a value", ur.Unit.ID, res.Status)
				}
			}
		}
	})
}
