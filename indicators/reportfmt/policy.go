package reportfmt

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Policy says which results count as failures.
type Policy string

// Policies.
const (
	// FailBinding fails on a binding target not met. It is the default:
	// aspirational targets (力争) are what a plan hopes for, not what it
	// requires.
	FailBinding Policy = "binding"
	// FailAny fails on any target not met, binding or aspirational.
	FailAny Policy = "any"
	// FailNone never fails; the report is for reading only.
	FailNone Policy = "none"
)

// Policies lists the valid policies in the order help texts show them.
func Policies() []Policy { return []Policy{FailBinding, FailAny, FailNone} }

// ParsePolicy reads a policy name; the empty string is FailBinding.
func ParsePolicy(s string) (Policy, error) {
	switch Policy(s) {
	case "", FailBinding:
		return FailBinding, nil
	case FailAny, FailNone:
		return Policy(s), nil
	}
	return "", msg.Errorf("未知的失败策略 %q，应为 binding、any 或 none", "unknown failure policy %q: use binding, any or none", s)
}

// Fails reports whether a result counts as a failure under the policy. Only
// a target not met can fail: missing figures and zero denominators are
// reported apart (see Failure), since they say the data is incomplete, not
// that the target was missed. A result shown for reference (the city's
// target beside a school's figure, indicators.Result.Reference) never
// fails: the target is not the unit's.
func (p Policy) Fails(r indicators.Result) bool {
	if r.Status != indicators.NotMet || r.Reference {
		return false
	}
	switch p {
	case FailAny:
		return true
	case FailNone:
		return false
	default:
		return r.Nature != plan.Aspirational
	}
}

// Failure is one result that fails under a policy, with the unit it belongs
// to.
type Failure struct {
	Unit   dataset.OrgUnit
	Result indicators.Result
}

// Failures lists the results of r that fail under the policy, in report
// order: units as the report lists them, indicators in catalogue order.
func Failures(r *indicators.Report, p Policy) []Failure {
	if r == nil {
		return nil
	}
	var out []Failure
	for _, u := range r.Units {
		for _, res := range u.Results {
			if p.Fails(res) {
				out = append(out, Failure{Unit: u.Unit, Result: res})
			}
		}
	}
	return out
}

// Message describes the failure on one line, in "zh" or "en": the unit and
// the result's line (view.Result.Line): indicator, value, target, gap, and
// whether the target binds.
//
//	镇江市(city)：学前三年教育毛入学率(preschool-ger) 未达标：数值 97.5%，目标 ≥ 99%，差距 -1.5个百分点，差于目标（约束性）
func (f Failure) Message(lang string) string {
	return view.UnitLabel(f.Unit) + sep(lang) + view.Of(f.Result).Line.In(lang)
}

// Totals adds up the summaries of every unit of a report.
func Totals(r *indicators.Report) indicators.Summary {
	var t indicators.Summary
	if r == nil {
		return t
	}
	for _, u := range r.Units {
		t = AddSummary(t, u.Summary)
	}
	return t
}

// AddSummary adds two summaries, as Totals adds a report's: for a face
// that counts units as they go by.
func AddSummary(a, b indicators.Summary) indicators.Summary {
	return indicators.Summary{Binding: addCounts(a.Binding, b.Binding), Aspirational: addCounts(a.Aspirational, b.Aspirational),
		Reference: addCounts(a.Reference, b.Reference)}
}

func addCounts(a, b indicators.Counts) indicators.Counts {
	return indicators.Counts{
		Met:           a.Met + b.Met,
		NotMet:        a.NotMet + b.NotMet,
		NoData:        a.NoData + b.NoData,
		NotComputable: a.NotComputable + b.NotComputable,
		NotApplicable: a.NotApplicable + b.NotApplicable,
		NoTarget:      a.NoTarget + b.NoTarget,
	}
}

// OnlyProblems returns a copy of r that keeps, for each unit, only the
// results that are not met (a target not met, no data, not computable;
// a figure below a target shown for reference too, marked as such), so
// that a city's file of hundreds of schools reads as the list of what needs
// attention. Summaries still count every result; a unit whose results were
// all met keeps its summary and no rows.
func OnlyProblems(r *indicators.Report) *indicators.Report {
	if r == nil {
		return nil
	}
	// Parents' figures that differ from their units' sum need attention
	// too: they stay, as does the data-quality summary.
	out := &indicators.Report{Plan: r.Plan, Year: r.Year, Units: make([]indicators.UnitReport, len(r.Units)),
		Validation: r.Validation, DataQuality: r.DataQuality, Hierarchy: r.Hierarchy}
	for i, u := range r.Units {
		out.Units[i] = indicators.UnitReport{Unit: u.Unit, Summary: u.Summary, Results: u.Results}
		KeepProblems(&out.Units[i])
	}
	return out
}

// KeepProblems is OnlyProblems for one unit, in place, for a report
// written a unit at a time (indicators.Stream.Visit): the results kept are
// in a slice of their own, the summary is left as it is.
func KeepProblems(u *indicators.UnitReport) {
	kept := []indicators.Result{}
	for _, res := range u.Results {
		if res.Status != indicators.Met && res.Status != indicators.NotApplicable {
			kept = append(kept, res)
		}
	}
	u.Results = kept
}
