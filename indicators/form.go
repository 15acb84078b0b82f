package indicators

import (
	"math"
	"sort"

	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Form is what a unit of one level and kind enters: its figures
// (FormMetrics), grouped by the place in the plan that states the
// indicators needing them.
type Form struct {
	Groups []FormGroup
	// Indicators is how many indicators are assessed for such a unit; each
	// is in exactly one group.
	Indicators int
}

// FormGroup is one place of the plan on a form.
type FormGroup struct {
	// Place is the task (or goal, or task-book line) the indicators are
	// stated in; nil for indicators the plan places nowhere.
	Place *plan.Place
	// Indicators are the unit's own indicators these figures compute.
	Indicators []plan.Indicator
	// Feeds are indicators of the units above (a district, the city) that
	// these figures go into, summed or compared: a kindergarten's enrolment
	// feeds the district's enrolment rate.
	Feeds []plan.Indicator
	// Metrics are the figures asked in this group, in catalogue order.
	Metrics []plan.Metric
	// Shared are figures these indicators use that an earlier group asks.
	Shared []plan.Metric
}

// Form groups the figures a unit of a level and kind enters by the place in
// p that states the indicators needing them: first the unit's own
// indicators, then, for figures only units above use, the indicators they
// feed. Each figure is asked once, in the first group that needs it; groups
// follow the plan (goals, tasks, the appendix). p is the plan the catalogue
// was compiled from: it gives the order of its places.
func (c *Catalog) Form(p *plan.Plan, level org.Level, kind org.Kind) Form {
	metrics := c.FormMetrics(level, kind)
	inds := c.ApplicableIndicators(level, kind)
	rank := placeRanks(p)
	tasks := map[string]bool{}
	for _, sec := range p.Sections {
		for _, t := range sec.Tasks {
			tasks[t.ID] = true
		}
	}
	type group struct {
		FormGroup
		rank int
		need map[string]bool
	}
	var groups []*group
	byKey := map[string]*group{}
	groupOf := func(id string) *group {
		pl := c.mainPlace(id, tasks)
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
			g = &group{FormGroup: FormGroup{Place: pl, Indicators: []plan.Indicator{}, Feeds: []plan.Indicator{},
				Metrics: []plan.Metric{}, Shared: []plan.Metric{}}, rank: r, need: map[string]bool{}}
			byKey[key] = g
			groups = append(groups, g)
		}
		return g
	}
	applies := map[string]bool{}
	ownNeed := map[string]bool{}
	for _, ind := range inds {
		applies[ind.ID] = true
		g := groupOf(ind.ID)
		g.Indicators = append(g.Indicators, ind)
		deps, _ := c.Deps(ind.ID)
		for _, d := range deps {
			// Aggregates read the child units' figures, not this unit's.
			if !d.Children {
				g.need[d.ID] = true
				ownNeed[d.ID] = true
			}
		}
	}
	// Figures no own indicator needs go with the first indicator above that
	// uses them.
	placed := map[string]bool{}
	for _, ind := range c.Indicators() {
		if applies[ind.ID] {
			continue
		}
		need := map[string]bool{}
		deps, _ := c.Deps(ind.ID)
		for _, d := range deps {
			need[d.ID] = true
		}
		var feeds bool
		for _, m := range metrics {
			if need[m.ID] && !ownNeed[m.ID] && !placed[m.ID] {
				feeds = true
				placed[m.ID] = true
			}
		}
		if feeds {
			g := groupOf(ind.ID)
			g.Feeds = append(g.Feeds, ind)
			for id := range need {
				if !ownNeed[id] {
					g.need[id] = true
				}
			}
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].rank < groups[j].rank })
	asked := map[string]bool{}
	form := Form{Groups: []FormGroup{}, Indicators: len(inds)}
	for _, g := range groups {
		// Catalogue order keeps related figures (numerator, denominator)
		// together, as the plan's author listed them.
		for _, m := range metrics {
			if !g.need[m.ID] {
				continue
			}
			if asked[m.ID] {
				g.Shared = append(g.Shared, m)
				continue
			}
			asked[m.ID] = true
			g.Metrics = append(g.Metrics, m)
		}
		if len(g.Metrics) > 0 || len(g.Indicators) > 0 {
			form.Groups = append(form.Groups, g.FormGroup)
		}
	}
	return form
}

// mainPlace is the place a form groups an indicator under: its first task,
// else its first place of any kind.
func (c *Catalog) mainPlace(id string, tasks map[string]bool) *plan.Place {
	places := c.Places(id)
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
func placeRanks(p *plan.Plan) map[string]int {
	rank := map[string]int{}
	next := func(id string) {
		if _, ok := rank[id]; !ok {
			rank[id] = len(rank)
		}
	}
	for _, g := range p.Goals {
		next(g.ID)
	}
	for _, sec := range p.Sections {
		for _, t := range sec.Tasks {
			next(t.ID)
		}
	}
	if a := p.Appendix; a != nil {
		for _, li := range a.Targets {
			next(li.ID)
		}
		for _, li := range a.Projects {
			next(li.ID)
		}
	}
	for _, ref := range p.Items() {
		next(ref.Item.ID)
	}
	return rank
}
