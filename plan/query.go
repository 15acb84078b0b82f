package plan

import (
	"fmt"

	"github.com/eduplan/eduplan/msg"
)

// ItemRef is one row of the task book with the action and category it sits
// under. Item points into the plan; treat it as read-only.
type ItemRef struct {
	// Path is the item's JSON path: "appendix.actions[0].categories[1].items[2]".
	Path       string   `json:"path"`
	ActionID   string   `json:"action_id"`
	Action     msg.Text `json:"action"`
	CategoryID string   `json:"category_id"`
	Category   msg.Text `json:"category"`
	// Label is "任务书·精准服务优化年·建设类服务2" / "Task book · … 2".
	Label msg.Text `json:"label"`
	Item  *Item    `json:"item"`
}

// Items returns every row of the task book in document order.
func (p *Plan) Items() []ItemRef {
	if p.Appendix == nil {
		return nil
	}
	var out []ItemRef
	for ai := range p.Appendix.Actions {
		a := &p.Appendix.Actions[ai]
		for ci := range a.Categories {
			c := &a.Categories[ci]
			for ii := range c.Items {
				it := &c.Items[ii]
				out = append(out, ItemRef{
					Path:     fmt.Sprintf("appendix.actions[%d].categories[%d].items[%d]", ai, ci, ii),
					ActionID: a.ID, Action: a.Name,
					CategoryID: c.ID, Category: c.Name,
					Label: msg.Text{
						ZH: fmt.Sprintf("任务书·%s·%s%d", a.Name.ZH, c.Name.ZH, it.Number),
						EN: fmt.Sprintf("Task book · %s · %s %d", a.Name.In("en"), c.Name.In("en"), it.Number),
					},
					Item: it,
				})
			}
		}
	}
	return out
}

// Task returns the task with a number (任务4 is Task(4)). Task numbers run
// through the whole plan, across sections.
func (p *Plan) Task(number int) (*Task, bool) {
	for si := range p.Sections {
		for ti := range p.Sections[si].Tasks {
			if t := &p.Sections[si].Tasks[ti]; t.Number == number {
				return t, true
			}
		}
	}
	return nil, false
}

// Indicator returns the indicator with an id.
func (p *Plan) Indicator(id string) (Indicator, bool) {
	for _, ind := range p.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}

// Metric returns the metric with an id.
func (p *Plan) Metric(id string) (Metric, bool) {
	for _, m := range p.Metrics {
		if m.ID == id {
			return m, true
		}
	}
	return Metric{}, false
}

// Places returns, for each indicator id, the goals, tasks and appendix lines
// that state it, in document order: goals, then tasks, then the appendix's
// targets (事业目标), projects (民生实事) and task-book rows.
func (p *Plan) Places() map[string][]Place {
	out := map[string][]Place{}
	add := func(ids []string, pl Place) {
		for _, id := range ids {
			out[id] = append(out[id], pl)
		}
	}
	for _, g := range p.Goals {
		add(g.Indicators, Place{ID: g.ID, Title: g.Title,
			Label: msg.Text{ZH: fmt.Sprintf("总体目标%d", g.Number), EN: fmt.Sprintf("Goal %d", g.Number)}})
	}
	for _, s := range p.Sections {
		for _, t := range s.Tasks {
			add(t.Indicators, Place{ID: t.ID, Title: t.Title,
				Label: msg.Text{ZH: fmt.Sprintf("任务%d", t.Number), EN: fmt.Sprintf("Task %d", t.Number)}})
		}
	}
	if p.Appendix == nil {
		return out
	}
	for i, li := range p.Appendix.Targets {
		add(li.Indicators, Place{ID: li.ID, Title: li.Text,
			Label: msg.Text{ZH: fmt.Sprintf("任务书·事业目标%d", i+1), EN: fmt.Sprintf("Task book · Target %d", i+1)}})
	}
	for i, li := range p.Appendix.Projects {
		add(li.Indicators, Place{ID: li.ID, Title: li.Text,
			Label: msg.Text{ZH: fmt.Sprintf("任务书·民生实事%d", i+1), EN: fmt.Sprintf("Task book · Livelihood project %d", i+1)}})
	}
	for _, ref := range p.Items() {
		add(ref.Item.Indicators, Place{ID: ref.Item.ID, Title: ref.Item.Content, Label: ref.Label})
	}
	return out
}
