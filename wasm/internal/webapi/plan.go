package webapi

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// Text is a string in Chinese with its English translation.
type Text = msg.Text

// planView is what the page shows of a plan.
type planView struct {
	ID          string          `json:"id"`
	Title       Text            `json:"title"`
	Issuer      Text            `json:"issuer"`
	Year        int             `json:"year"`
	Published   string          `json:"published"`
	Reference   string          `json:"reference,omitempty"`
	Source      string          `json:"source,omitempty"`
	Goals       []goalView      `json:"goals"`
	Sections    []sectionView   `json:"sections"`
	UnitTypes   []unitType      `json:"unitTypes"`
	Indicators  []indicatorView `json:"indicators"`
	Metrics     []metricView    `json:"metrics"`
	HasTaskBook bool            `json:"hasTaskBook"`
	// Statuses names every status, so that the page shows the library's
	// words for them and has none of its own.
	Statuses map[indicators.Status]Text `json:"statuses"`
}

type goalView struct {
	ID         string   `json:"id"`
	Number     int      `json:"number"`
	Title      Text     `json:"title"`
	Indicators []string `json:"indicators"`
}

type sectionView struct {
	ID     string     `json:"id"`
	Number int        `json:"number"`
	Title  Text       `json:"title"`
	Tasks  []taskView `json:"tasks"`
}

type taskView struct {
	ID         string   `json:"id"`
	Number     int      `json:"number"`
	Title      Text     `json:"title"`
	Indicators []string `json:"indicators"`
}

// unitType is one choice of "what are you" on the page: a kind of school, a
// district or the city. Key is "level/kind".
type unitType struct {
	Key        string    `json:"key"`
	Level      org.Level `json:"level"`
	Kind       org.Kind  `json:"kind"`
	Name       Text      `json:"name"`
	Fields     int       `json:"fields"`
	Indicators int       `json:"indicators"`
	// Feeds names the indicators above that the unit's figures count
	// towards (indicators.UnitType.Feeds).
	Feeds []Text `json:"feeds"`
}

type indicatorView struct {
	ID          string       `json:"id"`
	Name        Text         `json:"name"`
	Unit        plan.Unit    `json:"unit"`
	Formula     string       `json:"formula"`
	FormulaText Text         `json:"formulaText"`
	Target      string       `json:"target"`
	TargetText  Text         `json:"targetText"`
	Nature      plan.Nature  `json:"nature"`
	Wording     string       `json:"wording"`
	Note        string       `json:"note,omitempty"`
	Places      []plan.Place `json:"places"`
	AppliesTo   plan.Scope   `json:"appliesTo"`
	AppliesText Text         `json:"appliesText"`
	// Aggregate: the formula compares child units (spread, min, share …).
	Aggregate bool `json:"aggregate"`
	// UnitTargets are the targets the plan sets for named units instead
	// of the default, each in symbols.
	UnitTargets []unitTargetView `json:"unitTargets,omitempty"`
}

type unitTargetView struct {
	Units      []string `json:"units"`
	Target     string   `json:"target"`
	TargetText Text     `json:"targetText"`
	Wording    string   `json:"wording,omitempty"`
}

type metricView struct {
	ID         string    `json:"id"`
	Name       Text      `json:"name"`
	Unit       plan.Unit `json:"unit"`
	UnitText   Text      `json:"unitText"`
	Hint       Text      `json:"hint"`
	Definition Text      `json:"definition"`
	Percent    bool      `json:"percent"`
	Integral   bool      `json:"integral"`
}

type planAnswer struct {
	Plan *planView `json:"plan"`
}

func (s *Session) loadDefault(string) (any, error) {
	p, err := seeds.Default()
	if err != nil {
		return nil, err
	}
	if err := s.setPlan(p); err != nil {
		return nil, err
	}
	return planAnswer{s.summary}, nil
}

// loadPlan reads a plan file the user opened. On any problem the plan in use
// stays as it was.
func (s *Session) loadPlan(text string) (any, error) {
	p, err := plan.Parse([]byte(text))
	if err != nil {
		return nil, err
	}
	if err := s.setPlan(p); err != nil {
		return nil, err
	}
	return planAnswer{s.summary}, nil
}

func (s *Session) planSummary(string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	return planAnswer{s.summary}, nil
}

// setPlan compiles p and makes it the plan in use. The last data file is
// dropped: it was read with the old plan's metrics.
func (s *Session) setPlan(p *plan.Plan) error {
	cat, err := indicators.Compile(p)
	if err != nil {
		return err
	}
	s.plan, s.cat, s.file = p, cat, nil
	s.summary = summarise(p, cat)
	return nil
}

func summarise(p *plan.Plan, cat *indicators.Catalog) *planView {
	v := &planView{
		ID: p.ID, Title: p.Title, Issuer: p.Issuer, Year: p.Year, Published: p.Published,
		Reference: p.Reference, Source: p.Source,
		Goals: []goalView{}, Sections: []sectionView{}, Indicators: []indicatorView{}, Metrics: []metricView{},
		HasTaskBook: len(p.Items()) > 0, Statuses: map[indicators.Status]Text{},
	}
	for _, st := range indicators.Statuses() {
		v.Statuses[st] = st.Name()
	}
	for _, g := range p.Goals {
		v.Goals = append(v.Goals, goalView{ID: g.ID, Number: g.Number, Title: g.Title, Indicators: nonNil(g.Indicators)})
	}
	for _, sec := range p.Sections {
		sv := sectionView{ID: sec.ID, Number: sec.Number, Title: sec.Title, Tasks: []taskView{}}
		for _, t := range sec.Tasks {
			sv.Tasks = append(sv.Tasks, taskView{ID: t.ID, Number: t.Number, Title: t.Title, Indicators: nonNil(t.Indicators)})
		}
		v.Sections = append(v.Sections, sv)
	}
	for _, ind := range cat.Indicators() {
		iv := indicatorView{
			ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Formula: ind.Formula,
			FormulaText: cat.FormulaText(ind.Formula),
			Target:      ind.Target, Nature: cat.NatureOf(ind.ID), Wording: ind.Wording, Note: ind.Note,
			Places: nonNilPlaces(cat.Places(ind.ID)), AppliesTo: ind.AppliesTo, AppliesText: ind.AppliesTo.Name(),
		}
		if t, ok := cat.Target(ind.ID); ok {
			iv.TargetText = Text{ZH: t.Format("zh"), EN: t.Format("en")}
		}
		if f, ok := cat.Formula(ind.ID); ok && f != nil {
			iv.Aggregate = len(f.Aggregates()) > 0
		}
		for k, ut := range ind.UnitTargets {
			uv := unitTargetView{Units: ut.Units, Target: ut.Target, Wording: ut.Wording}
			if t, _, err := ind.ParseUnitTarget(k); err == nil {
				uv.TargetText = Text{ZH: t.Format("zh"), EN: t.Format("en")}
			}
			iv.UnitTargets = append(iv.UnitTargets, uv)
		}
		v.Indicators = append(v.Indicators, iv)
	}
	for _, m := range cat.Metrics() {
		v.Metrics = append(v.Metrics, viewMetric(m))
	}
	v.UnitTypes = []unitType{}
	for _, u := range cat.UnitTypes() {
		v.UnitTypes = append(v.UnitTypes, unitType{Key: string(u.Level) + "/" + string(u.Kind), Level: u.Level, Kind: u.Kind,
			Name: u.Name, Fields: u.Fields, Indicators: u.Indicators, Feeds: append([]Text{}, u.Feeds...)})
	}
	return v
}

func viewMetric(m plan.Metric) metricView {
	return metricView{ID: m.ID, Name: m.Name, Unit: m.Unit, UnitText: m.UnitLabel(), Hint: m.Hint,
		Definition: m.Definition, Percent: m.Unit == plan.Percent, Integral: m.Integral}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func nonNilPlaces(xs []plan.Place) []plan.Place {
	if xs == nil {
		return []plan.Place{}
	}
	return xs
}

// kindName is the name of a kind of school.
func kindName(k org.Kind) Text { return k.Name() }
