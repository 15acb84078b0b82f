package webapi

import (
	"strings"
	"unicode"

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
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
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
		HasTaskBook: len(p.Items()) > 0,
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
	names := formulaNames(cat)
	for _, ind := range cat.Indicators() {
		iv := indicatorView{
			ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Formula: ind.Formula,
			FormulaText: Text{ZH: names.render(ind.Formula, "zh"), EN: names.render(ind.Formula, "en")},
			Target:      ind.Target, Nature: cat.NatureOf(ind.ID), Wording: ind.Wording, Note: ind.Note,
			Places: nonNilPlaces(cat.Places(ind.ID)), AppliesTo: ind.AppliesTo, AppliesText: scopeText(ind.AppliesTo),
		}
		if t, ok := cat.Target(ind.ID); ok {
			iv.TargetText = Text{ZH: t.Format("zh"), EN: t.Format("en")}
		}
		if f, ok := cat.Formula(ind.ID); ok && f != nil {
			iv.Aggregate = len(f.Aggregates()) > 0
		}
		v.Indicators = append(v.Indicators, iv)
	}
	for _, m := range cat.Metrics() {
		v.Metrics = append(v.Metrics, viewMetric(m))
	}
	v.UnitTypes = unitTypes(p, cat)
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

var levelNames = map[org.Level]Text{
	org.City:     {ZH: "全市", EN: "the city"},
	org.District: {ZH: "辖市区", EN: "districts"},
	org.School:   {ZH: "学校", EN: "schools"},
}

// kindName is the name of a kind of school; a kind the library does not
// know (another plan may add its own) is shown as written.
func kindName(k org.Kind) Text {
	for _, kn := range org.KindNames() {
		if kn.Kind == k {
			return Text{ZH: kn.Name.ZH, EN: kn.Name.EN}
		}
	}
	return Text{ZH: string(k), EN: string(k)}
}

// scopeText says which units a scope covers: "全市、辖市区", "幼儿园、小学".
func scopeText(sc plan.Scope) Text {
	levels := sc.Levels
	if len(levels) == 0 {
		levels = []org.Level{org.City, org.District, org.School}
	}
	var zh, en []string
	for _, l := range levels {
		if l == org.School && len(sc.Kinds) > 0 {
			for _, k := range sc.Kinds {
				n := kindName(k)
				zh, en = append(zh, n.ZH), append(en, n.EN)
			}
			continue
		}
		n, ok := levelNames[l]
		if !ok {
			n = Text{ZH: string(l), EN: string(l)}
		}
		zh, en = append(zh, n.ZH), append(en, n.EN)
	}
	return Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
}

// unitTypes lists the kinds of unit the plan asks anything of: each kind of
// school with an indicator or a figure to report, then districts, then the
// city.
func unitTypes(p *plan.Plan, cat *indicators.Catalog) []unitType {
	var kinds []org.Kind
	seen := map[org.Kind]bool{}
	addKind := func(k org.Kind) {
		if k != "" && !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	for _, kn := range org.KindNames() {
		addKind(kn.Kind)
	}
	for _, ind := range p.Indicators {
		for _, k := range ind.AppliesTo.Kinds {
			addKind(k)
		}
	}
	for _, m := range p.Metrics {
		for _, k := range m.ReportedBy.Kinds {
			addKind(k)
		}
	}
	var out []unitType
	add := func(level org.Level, kind org.Kind, name Text) {
		// A unit with figures to report but no indicator of its own (a
		// kindergarten, whose enrolment feeds the district's rate) is offered
		// too: it fills the form and hands the figures on.
		inds := cat.ApplicableIndicators(level, kind)
		fields := cat.FormMetrics(level, kind)
		if len(inds) == 0 && len(fields) == 0 {
			return
		}
		out = append(out, unitType{Key: string(level) + "/" + string(kind), Level: level, Kind: kind, Name: name,
			Fields: len(fields), Indicators: len(inds)})
	}
	for _, k := range kinds {
		add(org.School, k, kindName(k))
	}
	add(org.District, "", Text{ZH: "辖市区（县）", EN: "District or county"})
	add(org.City, "", Text{ZH: "全市", EN: "The whole city"})
	if out == nil {
		out = []unitType{}
	}
	return out
}

// nameTable maps the names a formula may use (ids and Chinese names) to the
// name shown in each language.
type nameTable map[string]Text

func formulaNames(cat *indicators.Catalog) nameTable {
	t := nameTable{}
	for _, m := range cat.Metrics() {
		t[m.ID] = m.Name
		if m.Name.ZH != "" {
			t[m.Name.ZH] = m.Name
		}
	}
	for _, ind := range cat.Indicators() {
		t[ind.ID] = ind.Name
		if ind.Name.ZH != "" {
			t[ind.Name.ZH] = ind.Name
		}
	}
	return t
}

// render writes a formula with every metric and indicator named in lang,
// leaving operators, numbers and function names as they are.
func (t nameTable) render(src, lang string) string {
	var b strings.Builder
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && r != '_' {
			b.WriteRune(r)
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
			j++
		}
		word := string(rs[i:j])
		if n, ok := t[word]; ok && n.In(lang) != "" {
			b.WriteString(n.In(lang))
		} else {
			b.WriteString(word)
		}
		i = j
	}
	return b.String()
}
