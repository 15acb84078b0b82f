package webapi

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
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

// form lists the figures a unit of a kind enters (cat.FormMetrics), grouped
// by the task that states the indicators needing them: first the unit's own
// indicators, then, for figures only units above use, the indicators they
// feed. Each figure is asked once, in the first group that needs it.
func (s *Session) form(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	metrics := s.cat.FormMetrics(req.Level, req.Kind)
	inds := s.cat.ApplicableIndicators(req.Level, req.Kind)
	rank := s.placeRanks()
	type group struct {
		formGroup
		rank int
		need map[string]bool
	}
	var groups []*group
	byKey := map[string]*group{}
	groupOf := func(id string) *group {
		pl := s.mainPlace(id)
		key := ""
		if pl != nil {
			key = pl.ID
		}
		g, ok := byKey[key]
		if !ok {
			r, known := rank[key]
			if !known {
				r = math.MaxInt
			}
			g = &group{formGroup: formGroup{Place: pl, Indicators: []ref{}, Feeds: []ref{}, Metrics: []metricView{}, Shared: []ref{}},
				rank: r, need: map[string]bool{}}
			byKey[key] = g
			groups = append(groups, g)
		}
		return g
	}
	applies := map[string]bool{}
	for _, ind := range inds {
		applies[ind.ID] = true
		g := groupOf(ind.ID)
		g.Indicators = append(g.Indicators, ref{ind.ID, ind.Name})
		s.metricsOf(ind.ID, g.need, map[string]bool{}, false)
	}
	// Figures no own indicator needs go with the first indicator above that
	// uses them.
	ownNeed := map[string]bool{}
	for _, g := range groups {
		for id := range g.need {
			ownNeed[id] = true
		}
	}
	placed := map[string]bool{}
	for _, ind := range s.cat.Indicators() {
		if applies[ind.ID] {
			continue
		}
		need := map[string]bool{}
		s.metricsOf(ind.ID, need, map[string]bool{}, true)
		var feeds bool
		for _, m := range metrics {
			if need[m.ID] && !ownNeed[m.ID] && !placed[m.ID] {
				feeds = true
				placed[m.ID] = true
			}
		}
		if feeds {
			g := groupOf(ind.ID)
			g.Feeds = append(g.Feeds, ref{ind.ID, ind.Name})
			for id := range need {
				if !ownNeed[id] {
					g.need[id] = true
				}
			}
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].rank < groups[j].rank })
	asked := map[string]bool{}
	ans := formAnswer{Groups: []formGroup{}, Indicators: len(inds)}
	for _, g := range groups {
		// Catalogue order keeps related figures (numerator, denominator)
		// together, as the plan's author listed them.
		for _, m := range metrics {
			if !g.need[m.ID] {
				continue
			}
			if asked[m.ID] {
				g.Shared = append(g.Shared, ref{m.ID, m.Name})
				continue
			}
			asked[m.ID] = true
			g.Metrics = append(g.Metrics, viewMetric(m))
		}
		if len(g.Metrics) > 0 || len(g.Indicators) > 0 {
			ans.Groups = append(ans.Groups, g.formGroup)
		}
	}
	return ans, nil
}

// metricsOf adds to need the metrics an indicator's formula uses directly or
// through the indicators it uses, and with aggregates also those its
// aggregates read on the child units.
func (s *Session) metricsOf(id string, need, seen map[string]bool, aggregates bool) {
	if seen[id] {
		return
	}
	seen[id] = true
	if _, ok := s.cat.Metric(id); ok {
		need[id] = true
		return
	}
	f, ok := s.cat.Formula(id)
	if !ok || f == nil {
		return
	}
	for _, v := range f.Vars() {
		s.metricsOf(v, need, seen, aggregates)
	}
	if aggregates {
		for _, a := range f.Aggregates() {
			for _, v := range a.Arg.Vars() {
				s.metricsOf(v, need, seen, aggregates)
			}
		}
	}
}

// mainPlace is the place a form groups an indicator under: its first task,
// else its first place of any kind.
func (s *Session) mainPlace(id string) *plan.Place {
	places := s.cat.Places(id)
	tasks := map[string]bool{}
	for _, sec := range s.plan.Sections {
		for _, t := range sec.Tasks {
			tasks[t.ID] = true
		}
	}
	for i := range places {
		if tasks[places[i].ID] {
			p := places[i]
			return &p
		}
	}
	if len(places) > 0 {
		p := places[0]
		return &p
	}
	return nil
}

// placeRanks orders places as the plan does: goals, then tasks, then the
// appendix.
func (s *Session) placeRanks() map[string]int {
	rank := map[string]int{}
	n := 0
	next := func(id string) {
		if _, ok := rank[id]; !ok {
			rank[id] = n
			n++
		}
	}
	for _, g := range s.plan.Goals {
		next(g.ID)
	}
	for _, sec := range s.plan.Sections {
		for _, t := range sec.Tasks {
			next(t.ID)
		}
	}
	if a := s.plan.Appendix; a != nil {
		for _, li := range a.Targets {
			next(li.ID)
		}
		for _, li := range a.Projects {
			next(li.ID)
		}
	}
	for _, ref := range s.plan.Items() {
		next(ref.Item.ID)
	}
	return rank
}

// unitDataset turns the figures typed on the form into a dataset of one
// unit. Each figure is read exactly as a cell of a data file would be (the
// same reader, so "1,234", "99.2%" and "—" mean the same in both places);
// figures that do not read are reported per field and left out, so that the
// rest can still be assessed while the user types.
func (s *Session) unitDataset(req unitRequest) (*dataset.Dataset, map[string]msg.Text, error) {
	metrics := s.cat.FormMetrics(req.Level, req.Kind)
	fields := s.fieldsOf(metrics)
	values, fieldErrs, warnings, err := readFigures(fields, req.Figures)
	if err != nil {
		return nil, nil, err
	}
	d := dataset.New(s.plan.Year)
	d.Source.Warnings = warnings
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = "本单位"
	}
	if err := d.Add(dataset.OrgUnit{ID: formUnitID, Name: name, Level: req.Level, Kind: req.Kind}); err != nil {
		return nil, nil, err
	}
	for _, f := range fields {
		if v, ok := values[f.ID]; ok {
			if err := d.Set(formUnitID, f.ID, v); err != nil {
				return nil, nil, err
			}
		}
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

// readFigures reads typed figures through the CSV reader: one row, headed by
// the metric ids after three unit columns. Cells that fail are blanked and the row read again, so
// that one bad field does not hide the others' values.
// Figures that read but look mistyped come back as warnings whose Header is
// the metric id.
func readFigures(fields []dataset.Field, typed map[string]string) (map[string]float64, map[string]msg.Text, dataset.Errors, error) {
	fieldErrs := map[string]msg.Text{}
	cells := make([]string, len(fields))
	for i, f := range fields {
		cells[i] = typed[f.ID]
	}
	for pass := 0; pass < 2; pass++ {
		d, err := dataset.ReadCSV(bytes.NewReader(figureCSV(fields, cells)), fields, dataset.Options{})
		if err == nil {
			values := map[string]float64{}
			for _, f := range fields {
				if v, ok := d.Value(formUnitID, f.ID); ok {
					values[f.ID] = v
				}
			}
			var warnings dataset.Errors
			for _, w := range d.Source.Warnings {
				if i := w.Column - figureColumn; i >= 0 && i < len(fields) {
					w.Header = fields[i].ID
					warnings = append(warnings, w)
				}
			}
			return values, fieldErrs, warnings, nil
		}
		var es dataset.Errors
		if !errors.As(err, &es) {
			return nil, nil, nil, err
		}
		blanked := false
		for _, e := range es {
			if e.Column < figureColumn || e.Column-figureColumn >= len(fields) {
				// Not a figure's cell: a fault of this reader, not of the user.
				return nil, nil, nil, err
			}
			i := e.Column - figureColumn
			fieldErrs[fields[i].ID] = e.Reason
			cells[i] = ""
			blanked = true
		}
		if !blanked {
			return nil, nil, nil, err
		}
	}
	return nil, nil, nil, msg.New(bi("数据无法读取", "the figures cannot be read"))
}

// figureColumn is the 1-based CSV column of the first figure.
const figureColumn = 4

// figureCSV writes the one-row CSV readFigures reads: two unit columns, then
// a column per field headed by its id.
func figureCSV(fields []dataset.Field, cells []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// The unit is written as a district: a district needs no kind, and a
	// figure reads the same whatever the unit.
	header := []string{"id", "name", "level"}
	row := []string{formUnitID, "unit", "district"}
	for i, f := range fields {
		header = append(header, f.ID)
		row = append(row, strings.ReplaceAll(cells[i], "\n", " "))
	}
	w.Write(header)
	w.Write(row)
	w.Flush()
	return b.Bytes()
}

// resultView is a result with its numbers written out for the page.
type resultView struct {
	indicators.Result
	ValueText string `json:"valueText"`
	// ValueLang is the value in each language when its wording differs by
	// language: a gap between units in percentage points.
	ValueLang  *Text       `json:"valueLang,omitempty"`
	GapText    *Text       `json:"gapText,omitempty"`
	Inputs     []inputView `json:"inputs"`
	Aggregates []aggView   `json:"aggregates,omitempty"`
}

type inputView struct {
	indicators.Input
	ValueText string `json:"valueText"`
}

type aggView struct {
	indicators.AggregateInput
	ValueText string      `json:"valueText"`
	ValueLang *Text       `json:"valueLang,omitempty"`
	Children  []childView `json:"children"`
}

type childView struct {
	indicators.ChildValue
	ValueText string `json:"valueText"`
}

type unitView struct {
	Unit    dataset.OrgUnit    `json:"unit"`
	Summary indicators.Summary `json:"summary"`
	Results []resultView       `json:"results"`
}

func valueText(v *float64, u plan.Unit) string {
	if v == nil {
		return ""
	}
	return indicators.FormatValue(*v, u)
}

func viewResult(r indicators.Result) resultView {
	// Values and gaps carry the decimals they need to agree with the
	// status (94.996% is not shown as 95%).
	rv := resultView{Result: r, Inputs: []inputView{}}
	if r.Value != nil {
		rv.ValueText = r.ValueText("zh")
		if r.Target.Points {
			rv.ValueLang = &Text{ZH: r.ValueText("zh"), EN: r.ValueText("en")}
		}
	}
	if r.Gap != nil {
		rv.GapText = &Text{ZH: r.GapText("zh"), EN: r.GapText("en")}
	}
	for _, in := range r.Inputs {
		rv.Inputs = append(rv.Inputs, inputView{Input: in, ValueText: valueText(in.Value, in.Unit)})
	}
	for _, a := range r.Aggregates {
		av := aggView{AggregateInput: a, ValueText: valueText(a.Value, r.Unit), Children: []childView{}}
		if r.Target.Points && a.Value != nil {
			av.ValueLang = pointsText(*a.Value)
		}
		for _, ch := range a.Children {
			av.Children = append(av.Children, childView{ChildValue: ch, ValueText: valueText(ch.Value, r.Unit)})
		}
		rv.Aggregates = append(rv.Aggregates, av)
	}
	return rv
}

// pointsText writes a difference of two rates (0.1273) in percentage
// points: "12.73个百分点", "12.73 pp".
func pointsText(v float64) *Text {
	n := strings.TrimPrefix(indicators.FormatGap(v*100, plan.Number, false, "en"), "+")
	return &Text{ZH: n + "个百分点", EN: n + " pp"}
}

func viewUnit(ur indicators.UnitReport) unitView {
	uv := unitView{Unit: ur.Unit, Summary: ur.Summary, Results: make([]resultView, 0, len(ur.Results))}
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
	return assessAnswer{FieldErrors: fieldErrs, FieldWarnings: warnings, Report: viewUnit(ev.UnitReport(0, false))}, nil
}

type ruleAnswer struct {
	Result ruleResult `json:"result"`
}

type ruleResult struct {
	Status     indicators.Status `json:"status"`
	Value      *float64          `json:"value,omitempty"`
	ValueText  string            `json:"valueText"`
	Gap        *float64          `json:"gap,omitempty"`
	GapText    *Text             `json:"gapText,omitempty"`
	TargetText *Text             `json:"targetText,omitempty"`
	Inputs     []inputView       `json:"inputs"`
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
	d, _, err := s.unitDataset(req)
	if err != nil {
		return nil, err
	}
	res := s.cat.Evaluate(d).EvalRule(r, 0)
	out := ruleResult{Status: res.Status, Value: res.Value, Gap: res.Gap, Inputs: []inputView{}}
	percent := r.Target.Percent || r.Target.Points
	if res.Value != nil {
		if percent {
			out.ValueText = indicators.FormatValue(*res.Value, plan.Percent)
		} else {
			out.ValueText = plainNumber(*res.Value)
		}
	}
	if r.Target.Op != "" {
		out.TargetText = &Text{ZH: r.Target.Format("zh"), EN: r.Target.Format("en")}
	}
	if res.Gap != nil {
		u := plan.Number
		if percent {
			u = plan.Percent
		}
		out.GapText = &Text{ZH: indicators.FormatGap(*res.Gap, u, r.Target.Points, "zh"), EN: indicators.FormatGap(*res.Gap, u, r.Target.Points, "en")}
	}
	for _, in := range res.Inputs {
		out.Inputs = append(out.Inputs, inputView{Input: in, ValueText: valueText(in.Value, in.Unit)})
	}
	return ruleAnswer{out}, nil
}

// plainNumber shows a value of unknown unit with six significant digits: a
// typed rule's ratio 0.99213 reads as 0.99213, not 0.99.
func plainNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return rule.FormatNumber(mustParse(strconv.FormatFloat(v, 'g', 6, 64)))
}

func mustParse(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
