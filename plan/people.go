package plan

import "strings"

// Offices lists every office the task book names, split where a cell names
// several, in the order they first appear: the choices of a filter by
// office (Filter.Office).
func (p *Plan) Offices() []string {
	return p.names(func(it *Item) *Cell { return it.Office })
}

// Leads lists every leading official the task book names, in the order
// they first appear: the choices of a filter by lead (Filter.Lead).
func (p *Plan) Leads() []string {
	return p.names(func(it *Item) *Cell { return it.Leads })
}

func (p *Plan) names(cell func(*Item) *Cell) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, ref := range p.Items() {
		c := cell(ref.Item)
		if c == nil {
			continue
		}
		for _, n := range SplitNames(c.Text) {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// Line is the cell in a language (see In) on one line: the source's line
// breaks and runs of spaces (left by scraping the table) folded into single
// spaces. A nil cell is "".
func (c *Cell) Line(lang string) string {
	return strings.Join(strings.Fields(c.In(lang)), " ")
}

// OverdueCount is how many entries of a schedule are overdue.
func OverdueCount(entries []Entry) int {
	n := 0
	for _, e := range entries {
		if e.Overdue {
			n++
		}
	}
	return n
}
