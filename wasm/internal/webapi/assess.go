package webapi

import (
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// unitRequest is what the page sends about the unit on its form, with the
// figures as typed (percent figures in percent: "99.2" or "99.2%").
type unitRequest struct {
	Level   org.Level         `json:"level"`
	Kind    org.Kind          `json:"kind"`
	Name    string            `json:"name"`
	Figures map[string]string `json:"figures"`
	Lang    string            `json:"lang"`
	// Format and Source choose an export: "json" or "csv"; "form" or "file".
	Format string `json:"format"`
	Source string `json:"source"`
	// Src is a rule typed in the rules view.
	Src string `json:"src"`
	// ParentFigures is "own" (or empty) or "sum": which figure an
	// imported file's parents use where their own and their units' sum
	// differ (indicators.Options.ParentFigures).
	ParentFigures indicators.ParentFigures `json:"parentFigures"`
	// Identity is who the unit is, for the return exportFigures writes.
	Identity identity `json:"identity"`
	// Offset and Rows choose the rows of a long list the page draws
	// (assessFile's schools and validation checks, fileSchools,
	// fileChecks); Rows 0 is all of them.
	Offset int `json:"offset"`
	Rows   int `json:"rows"`
}

// formUnitID is the id of the unit on the form in a dataset and a report.
const formUnitID = "unit"

type ref struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

type formGroup struct {
	// Place is the task (or goal, or task-book line) the indicators are
	// stated in; nil for indicators the plan places nowhere.
	Place *plan.Place `json:"place"`
	// Indicators are the unit's own indicators these figures compute.
	Indicators []ref `json:"indicators"`
	// Feeds are indicators of the units above (a district, the city) that
	// these figures go into, summed or compared: a kindergarten's enrolment
	// feeds the district's enrolment rate.
	Feeds   []ref        `json:"feeds"`
	Metrics []metricView `json:"metrics"`
	// Shared are figures these indicators use that an earlier group asks.
	Shared []ref `json:"shared"`
}

type formAnswer struct {
	Groups     []formGroup `json:"groups"`
	Indicators int         `json:"indicators"`
}

// form lists the figures a unit of a kind enters, grouped as
// Catalog.Form groups them.
func (s *Session) form(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	f := s.cat.Form(s.plan, req.Level, req.Kind)
	ans := formAnswer{Groups: make([]formGroup, 0, len(f.Groups)), Indicators: f.Indicators}
	for _, g := range f.Groups {
		fg := formGroup{Place: g.Place, Indicators: indicatorRefs(g.Indicators), Feeds: indicatorRefs(g.Feeds),
			Metrics: make([]metricView, 0, len(g.Metrics)), Shared: make([]ref, 0, len(g.Shared))}
		for _, m := range g.Metrics {
			fg.Metrics = append(fg.Metrics, viewMetric(m))
		}
		for _, m := range g.Shared {
			fg.Shared = append(fg.Shared, ref{m.ID, m.Name})
		}
		ans.Groups = append(ans.Groups, fg)
	}
	return ans, nil
}

func indicatorRefs(inds []plan.Indicator) []ref {
	out := make([]ref, 0, len(inds))
	for _, ind := range inds {
		out = append(out, ref{ind.ID, ind.Name})
	}
	return out
}

// unitDataset reads the figures typed on the form into a dataset of one
// unit (Catalog.ReadForm), with why each figure that did not read was left
// out, by metric id.
func (s *Session) unitDataset(req unitRequest) (*dataset.Dataset, map[string]msg.Text, error) {
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = "本单位"
	}
	u := dataset.OrgUnit{ID: formUnitID, Name: name, Level: req.Level, Kind: req.Kind}
	d, rejected, err := s.cat.ReadForm(s.plan.Year, u, req.Figures)
	if err != nil {
		return nil, nil, err
	}
	fieldErrs := map[string]msg.Text{}
	for _, e := range rejected {
		fieldErrs[e.Header] = e.Reason
	}
	return d, fieldErrs, nil
}

// fieldsOf returns the reading rules of metrics, in their order.
func (s *Session) fieldsOf(metrics []plan.Metric) []dataset.Field {
	all := map[string]dataset.Field{}
	for _, f := range s.cat.Fields() {
		all[f.ID] = f
	}
	out := make([]dataset.Field, 0, len(metrics))
	for _, m := range metrics {
		if f, ok := all[m.ID]; ok {
			out = append(out, f)
		}
	}
	return out
}

// resultView is a result with its numbers written out for the page.
// resultView is a result with every text the page shows about it, as
// package view computes them: the page formats no number itself.
type resultView struct {
	indicators.Result
	Text       view.Result `json:"text"`
	Inputs     []inputView `json:"inputs"`
	Aggregates []aggView   `json:"aggregates,omitempty"`
}

type inputView struct {
	indicators.Input
	ValueText string `json:"valueText"`
}

type aggView struct {
	indicators.AggregateInput
	// ValueText is the aggregate as the result's value reads: a spread
	// of rates held to a target in points is in points.
	ValueText Text        `json:"valueText"`
	Children  []childView `json:"children"`
}

type childView struct {
	indicators.ChildValue
	ValueText string `json:"valueText"`
}

type unitView struct {
	Unit    dataset.OrgUnit    `json:"unit"`
	Summary indicators.Summary `json:"summary"`
	// Tallies are the summary's counts with the names of the statuses.
	Tallies []view.Tally `json:"tallies"`
	Results []resultView `json:"results"`
}

func valueText(v *float64, u plan.Unit) string {
	if v == nil {
		return ""
	}
	return view.Number(*v, u)
}

func viewResult(r indicators.Result) resultView {
	rv := resultView{Result: r, Text: view.Of(r), Inputs: []inputView{}}
	for _, in := range r.Inputs {
		rv.Inputs = append(rv.Inputs, inputView{Input: in, ValueText: valueText(in.Value, in.Unit)})
	}
	for _, a := range r.Aggregates {
		av := aggView{AggregateInput: a, Children: []childView{}}
		if a.Value != nil {
			av.ValueText = view.Quantity(r, *a.Value)
		}
		for _, ch := range a.Children {
			av.Children = append(av.Children, childView{ChildValue: ch, ValueText: valueText(ch.Value, r.Unit)})
		}
		rv.Aggregates = append(rv.Aggregates, av)
	}
	return rv
}

func viewUnit(ur indicators.UnitReport) unitView {
	uv := unitView{Unit: ur.Unit, Summary: ur.Summary, Tallies: view.Tallies(ur.Summary), Results: make([]resultView, 0, len(ur.Results))}
	for _, r := range ur.Results {
		uv.Results = append(uv.Results, viewResult(r))
	}
	return uv
}

type assessAnswer struct {
	// FieldErrors says, per metric id, why a typed figure was not read.
	FieldErrors map[string]msg.Text `json:"fieldErrors"`
	// FieldWarnings says, per metric id, why a figure that was read looks
	// mistyped (0.965 in a percent field reads as 0.965%).
	FieldWarnings map[string]msg.Text `json:"fieldWarnings"`
	Report        unitView            `json:"report"`
	// Validation is the plan's validation rules on the unit's figures.
	Validation *validationView `json:"validation,omitempty"`
}

// assess assesses the unit on the form.
func (s *Session) assess(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	d, fieldErrs, err := s.unitDataset(req)
	if err != nil {
		return nil, err
	}
	warnings := map[string]msg.Text{}
	for _, w := range d.Source.Warnings {
		warnings[w.Header] = w.Reason
	}
	ev := s.cat.Evaluate(d)
	return assessAnswer{FieldErrors: fieldErrs, FieldWarnings: warnings, Report: viewUnit(ev.UnitReport(0, indicators.Options{})),
		Validation: viewValidation(ev, maxChecks)}, nil
}

type ruleAnswer struct {
	Result ruleResult `json:"result"`
}

type ruleResult struct {
	Status indicators.Status `json:"status"`
	// StatusText and ValueText are view.OfRule's: a formula without a
	// target reads 无目标 / no target, its value in its unit.
	StatusText Text      `json:"statusText"`
	Value      *float64  `json:"value,omitempty"`
	Unit       plan.Unit `json:"unit,omitempty"`
	ValueText  Text      `json:"valueText"`
	Gap        *float64  `json:"gap,omitempty"`
	GapText    *Text     `json:"gapText,omitempty"`
	TargetText *Text     `json:"targetText,omitempty"`
	// ReadingText is how the target was read and from which words;
	// TargetAlone says the text was a target with no formula before it.
	ReadingText *Text       `json:"readingText,omitempty"`
	TargetAlone bool        `json:"targetAlone,omitempty"`
	Inputs      []inputView `json:"inputs"`
}

// tryRule compiles a rule the user typed and applies it to the unit on the
// form. A rule that does not compile answers with ruleError, the span of
// the text at fault.
func (s *Session) tryRule(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	r, err := s.cat.CompileRule(req.Src)
	if err != nil {
		return nil, err
	}
	var res indicators.RuleResult
	if r.TargetAlone() {
		// A target alone needs no figures: the form's errors are not its.
		res = indicators.RuleResult{Status: indicators.NotApplicable}
	} else {
		d, _, err := s.unitDataset(req)
		if err != nil {
			return nil, err
		}
		res = s.cat.Evaluate(d).EvalRule(r, 0)
	}
	texts := view.OfRule(r, res)
	out := ruleResult{Status: res.Status, StatusText: texts.Status, Value: res.Value, Gap: res.Gap,
		Inputs: []inputView{}, ValueText: texts.Value, TargetAlone: r.TargetAlone()}
	if !texts.Target.IsZero() {
		out.TargetText = &texts.Target
	}
	if !texts.Reading.IsZero() {
		out.ReadingText = &texts.Reading
	}
	if !texts.Gap.IsZero() {
		out.GapText = &texts.Gap
	}
	for _, in := range res.Inputs {
		out.Inputs = append(out.Inputs, inputView{Input: in, ValueText: valueText(in.Value, in.Unit)})
	}
	return ruleAnswer{out}, nil
}
