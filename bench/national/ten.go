package national

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Ten are the ten indicators the hand-written loop and the DuckDB query
// compute: each a ratio of two counts the schools report, summed up the
// tree, against a fixed bound.
var Ten = []string{
	"school_choice_share", "junior_progression_rate", "vocational_intermediate_certificate_share",
	"vocational_employment_rate", "fitness_excellent_rate", "fitness_pass_rate",
	"kindergarten_teacher_associate_share", "primary_teacher_associate_share",
	"primary_teacher_bachelor_share", "junior_teacher_bachelor_share",
}

// TenPlan is the national plan cut down to the ten indicators and without
// its validation rules: a catalogue to compile, not a document to publish.
func TenPlan() (*plan.Plan, error) {
	p, err := Plan()
	if err != nil {
		return nil, err
	}
	var inds []plan.Indicator
	for _, id := range Ten {
		ind, ok := p.Indicator(id)
		if !ok {
			return nil, fmt.Errorf("national: no indicator %s", id)
		}
		inds = append(inds, ind)
	}
	p.Indicators, p.ValidationRules = inds, nil
	return p, nil
}

// Spec is one of the ten indicators as another engine computes it: the
// metrics of its ratio with the headers of the data file and the kinds
// that report them, the comparison and bound, and the units it applies to.
type Spec struct {
	ID          string      `json:"id"`
	Num         string      `json:"num"`
	Den         string      `json:"den"`
	NumHeader   string      `json:"num_header"`
	DenHeader   string      `json:"den_header"`
	ReportKinds []org.Kind  `json:"report_kinds"`
	Op          string      `json:"op"`
	Bound       float64     `json:"bound"`
	Levels      []org.Level `json:"levels"`
	Kinds       []org.Kind  `json:"kinds"`
}

// Specs describes the ten indicators for another engine.
func Specs() ([]Spec, error) {
	p, err := TenPlan()
	if err != nil {
		return nil, err
	}
	var out []Spec
	for _, ind := range p.Indicators {
		parts := strings.Split(ind.Formula, " / ")
		if len(parts) != 2 {
			return nil, fmt.Errorf("national: %s is not a ratio: %s", ind.ID, ind.Formula)
		}
		num, _ := p.Metric(parts[0])
		den, _ := p.Metric(parts[1])
		t, _, err := ind.ParseTarget()
		if err != nil {
			return nil, err
		}
		out = append(out, Spec{ID: ind.ID, Num: num.ID, Den: den.ID, NumHeader: num.Name.ZH, DenHeader: den.Name.ZH,
			ReportKinds: num.ReportedBy.Kinds, Op: string(t.Op), Bound: t.Value,
			Levels: ind.AppliesTo.Levels, Kinds: ind.AppliesTo.Kinds})
	}
	return out, nil
}
