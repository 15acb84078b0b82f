// Package eduplantest lets a Go test suite validate a year's figures against
// a plan: one call assesses a dataset and reports each binding target not
// met as a test failure naming the unit, the indicator, the value, the
// target and the gap.
//
//	func TestFigures2017(t *testing.T) {
//		p, err := seeds.Default()
//		require.NoError(t, err)
//		d := eduplantest.ReadData(t, p, "testdata/2017.csv")
//		eduplantest.Check(t, p, d)
//	}
//
// Each indicator runs as a subtest named by its id, so that
//
//	go test -run 'TestFigures2017/preschool_gross_enrolment_rate'
//
// checks one indicator. The plan's validation rules run as subtests
// "validation/<rule id>": a rule of high importance violated on a unit
// fails. Options make aspirational (力争) targets (and rules of any
// importance) fail too, narrow the check to some units, or make missing
// figures fail.
//
// The helpers are honest in the sense the command line's reports are: a
// binding target missed always fails the test. Options can only add
// failures (aspirational targets, missing figures); none lets a binding
// target missed pass, as `eduplan check --fail-on none` does for an exit
// status. A suite that only wants to read a report assesses with
// eduplan.Engine.Assess and fails on nothing. A parent unit's own figure
// that differs from the sum of its units' is logged (t.Logf) with the
// figure used, not failed: whether that is an error is the suite's call
// (the returned report's Hierarchy lists them).
package eduplantest

import (
	"fmt"
	"os"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/plan"
)

// Option changes what Check treats as a failure, or which units it checks.
type Option func(*config)

type config struct {
	policy reportfmt.Policy
	units  []string
	noData bool
	lang   string
}

// Aspirational makes an aspirational (预期性, 力争) target not met a failure
// too, and a violated validation rule of any importance; by default only
// binding targets and rules of high importance fail.
func Aspirational() Option { return func(c *config) { c.policy = reportfmt.FailAny } }

// Units checks only these units and their descendants. Figures of other
// units still count where they sum up. An id that is not in the data fails
// the test.
func Units(ids ...string) Option {
	return func(c *config) { c.units = append(c.units, ids...) }
}

// NoDataFails makes a result with missing figures (缺数据) or a zero
// denominator (无法计算) a failure. By default such results are logged: a
// figure missing is not a target missed, but a suite that wants complete
// data can say so.
func NoDataFails() Option { return func(c *config) { c.noData = true } }

// Lang sets the language of the messages: "zh" (the default) or "en".
func Lang(lang string) Option { return func(c *config) { c.lang = lang } }

// Check assesses d against p's indicators and reports every failure to t,
// then returns the report for further checks of the test's own. With a
// *testing.T each indicator runs as a subtest named by its id; an indicator
// that concerns no unit of the data is a skipped subtest. With any other
// testing.TB (a benchmark, a fake) the failures are reported on t itself.
//
// A plan whose indicators do not compile, or a Units option naming a unit
// that is not in the data, stops the test with Fatalf.
func Check(t testing.TB, p *plan.Plan, d *dataset.Dataset, opts ...Option) *indicators.Report {
	t.Helper()
	cat, err := indicators.Compile(p)
	if err != nil {
		t.Fatalf("eduplantest: plan %s: indicators do not compile:\n%v", p.ID, err)
		return nil
	}
	r := CheckCatalog(t, cat, d, opts...)
	if r != nil {
		r.Plan = p.ID
	}
	return r
}

// CheckCatalog is Check for a catalogue compiled by the caller (for example
// once for many datasets).
func CheckCatalog(t testing.TB, cat *indicators.Catalog, d *dataset.Dataset, opts ...Option) *indicators.Report {
	t.Helper()
	c := config{policy: reportfmt.FailBinding, lang: "zh"}
	for _, o := range opts {
		o(&c)
	}
	if d == nil {
		t.Fatalf("eduplantest: no dataset (nil)")
		return nil
	}
	r, err := cat.Assess(d, indicators.Options{Units: c.units})
	if err != nil {
		t.Fatalf("eduplantest: %v", err)
		return nil
	}
	// A unit the plan gives a target of its own that is not in the data
	// does not fail the test, but is said; so is a parent's own figure
	// that differs from its units' sum.
	for _, w := range r.Warnings {
		t.Logf("eduplantest: %s", w.In(c.lang))
	}
	for _, m := range r.Hierarchy {
		t.Logf("eduplantest: %s", view.MismatchLine(m).In(c.lang))
	}
	tt, subtests := t.(*testing.T)
	for _, ind := range cat.Indicators() {
		id := ind.ID
		if subtests {
			tt.Run(id, func(st *testing.T) {
				st.Helper()
				if !c.report(st, r, id) {
					st.Skipf("%s: %s", id, pick(c.lang, "数据中没有适用该指标的单位", "no unit of the data is concerned"))
				}
			})
		} else {
			c.report(t, r, id)
		}
	}
	c.reportRules(t, r)
	return r
}

// report reports the results of one indicator and says whether there were
// any.
func (c *config) report(t testing.TB, r *indicators.Report, id string) bool {
	t.Helper()
	any := false
	for _, u := range r.Units {
		for _, res := range u.Results {
			if res.Indicator != id {
				continue
			}
			any = true
			f := reportfmt.Failure{Unit: u.Unit, Result: res}
			switch {
			case c.policy.Fails(res):
				t.Errorf("%s\n%s", f.Message(c.lang), wording(res, c.lang))
			case res.Reference:
				// The unit's figure beside a target the plan sets for
				// others (the city's): no verdict on the unit, whatever
				// it shows. A missing figure fails where the target is
				// a verdict, since the sum there lacks it too.
				if res.Status != indicators.Met {
					t.Logf("%s", f.Message(c.lang))
				}
			case res.Status == indicators.NoData || res.Status == indicators.NotComputable:
				if c.noData {
					t.Errorf("%s", f.Message(c.lang))
				} else {
					t.Logf("%s", f.Message(c.lang))
				}
			case res.Status == indicators.NotMet:
				// An aspirational target missed under the default policy:
				// worth a line in -v output, not a failure.
				t.Logf("%s", f.Message(c.lang))
			}
		}
	}
	return any
}

func wording(res indicators.Result, lang string) string {
	s := pick(lang, "    原文：", "    plan wording: ") + res.Wording
	if len(res.Places) > 0 {
		s += pick(lang, "（", " (") + res.Places[0].Label.In(lang) + pick(lang, "）", ")")
	}
	return s
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// ReadData reads a data file (CSV or JSON, any encoding the dataset package
// reads) with the fields of p's metrics and indicators; the year defaults to
// the plan's. Every rejected cell fails the test, with its place in the
// file, and the test stops.
func ReadData(t testing.TB, p *plan.Plan, path string) *dataset.Dataset {
	t.Helper()
	cat, err := indicators.Compile(p)
	if err != nil {
		t.Fatalf("eduplantest: plan %s: indicators do not compile:\n%v", p.ID, err)
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("eduplantest: %v", err)
		return nil
	}
	defer f.Close()
	d, err := dataset.Read(f, cat.Fields(), dataset.Options{File: path, Year: p.Year, Plan: p.ID, Levels: p.Levels})
	if err != nil {
		t.Fatalf("eduplantest: %s", fmt.Sprint(err))
		return nil
	}
	return d
}
