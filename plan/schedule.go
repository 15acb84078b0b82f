package plan

import (
	"sort"
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/msg"
)

// Overdue is a task-book item past its deadline and not done.
type Overdue struct {
	Item     ItemRef  `json:"item"`
	Deadline Deadline `json:"deadline"`
	State    State    `json:"state"`
	// DaysLate counts days from the due date to the as-of date.
	DaysLate int `json:"days_late"`
}

// Overdue lists the items that are past their deadline and not done as of a
// date, the latest first and then in document order. The due day itself is
// on time. Ongoing items (长期) and items without a deadline are never
// overdue; an item whose deadline does not parse is left out (Validate
// reports it). b may be nil: no item is then done. See StatusBook for how
// statuses dated after asOf count. When the user names no date, pass
// DefaultAsOf(p, today).Date, as the command line and the page do.
func (p *Plan) Overdue(asOf Date, b *StatusBook) []Overdue {
	var out []Overdue
	for _, e := range p.Schedule(asOf, b, Filter{OverdueOnly: true}) {
		out = append(out, Overdue{Item: e.Item, Deadline: *e.Deadline, State: e.State, DaysLate: e.DaysLate})
	}
	return out
}

// Filter selects entries of a schedule. Empty fields select everything.
type Filter struct {
	// Office selects items whose responsible office (责任处室) is this one;
	// a cell naming several offices matches each of them.
	Office string `json:"office,omitempty"`
	// Lead selects items whose leads (牵头领导) include this name; a cell
	// may hold several names separated by 、，, ; / or spaces.
	Lead string `json:"lead,omitempty"`
	// OverdueOnly keeps only overdue items.
	OverdueOnly bool `json:"overdue_only,omitempty"`
}

// Entry is one task-book item in a schedule.
type Entry struct {
	Item ItemRef `json:"item"`
	// Deadline is nil when the item has none or it does not parse.
	Deadline *Deadline `json:"deadline,omitempty"`
	// DeadlineError says why a written deadline could not be read.
	DeadlineError *msg.Text `json:"deadline_error,omitempty"`
	// Status is the status known as of the schedule's date, nil if none.
	Status *Status `json:"status,omitempty"`
	// State is the state in effect: NotStarted when no status is known.
	State    State `json:"state"`
	Overdue  bool  `json:"overdue"`
	DaysLate int   `json:"days_late,omitempty"`

	order int
}

// Schedule lists every task-book item with its deadline, its status as of a
// date and whether it is overdue: overdue items first, then by due date
// (ongoing items after dated ones, items without a deadline last), then in
// document order. b may be nil.
//
// asOf has no default here: the caller decides. When the user names no
// date, the faces use DefaultAsOf(p, today).Date, the earlier of today and
// the end of the plan's year, and show AsOf.Why beside it.
func (p *Plan) Schedule(asOf Date, b *StatusBook, f Filter) []Entry {
	var out []Entry
	for i, ref := range p.Items() {
		it := ref.Item
		if f.Office != "" && !cellNames(it.Office, strings.TrimSpace(f.Office)) {
			continue
		}
		if f.Lead != "" && !cellNames(it.Leads, strings.TrimSpace(f.Lead)) {
			continue
		}
		e := Entry{Item: ref, order: i}
		if b != nil {
			e.Status = b.asOf(it.ID, asOf)
		}
		e.State = stateOf(e.Status)
		if it.Deadline != nil {
			if d, err := ParseDeadline(it.Deadline.Text); err != nil {
				e.DeadlineError = &msg.Text{ZH: msg.In(err, "zh"), EN: msg.In(err, "en")}
			} else {
				e.Deadline = &d
				if d.DueBy(asOf) && e.State != Done {
					e.Overdue = true
					e.DaysLate = asOf.DaysSince(d.Due)
				}
			}
		}
		if f.OverdueOnly && !e.Overdue {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].less(out[j]) })
	return out
}

// rank orders deadlines: dated, then ongoing, then none.
func (e Entry) rank() int {
	switch {
	case e.Deadline == nil:
		return 2
	case e.Deadline.Ongoing:
		return 1
	}
	return 0
}

func (e Entry) less(o Entry) bool {
	if e.Overdue != o.Overdue {
		return e.Overdue
	}
	if e.rank() != o.rank() {
		return e.rank() < o.rank()
	}
	if e.rank() == 0 {
		if c := e.Deadline.Due.Compare(o.Deadline.Due); c != 0 {
			return c < 0
		}
	}
	return e.order < o.order
}

// SplitNames splits a cell that may name several people or offices: the
// task book separates them with 、，,;；/ or spaces and line breaks.
func SplitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("、，,;；/／", r)
	})
}

// cellNames says whether a cell names name, in the plan's words or in its
// English ones.
func cellNames(c *Cell, name string) bool {
	if c == nil {
		return false
	}
	for _, n := range SplitNames(c.Text) {
		if n == name {
			return true
		}
	}
	for _, n := range splitEnglishNames(c.EN) {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// splitEnglishNames splits the English of a cell at commas and semicolons
// only: "Basic Education Office" is one name.
func splitEnglishNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;，；、", r) }) {
		if n = strings.Join(strings.Fields(n), " "); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// In is the cell in a language: its English where the plan gives one and
// lang is "en", its text as written otherwise. A nil cell is "".
func (c *Cell) In(lang string) string {
	if c == nil {
		return ""
	}
	if lang == "en" && c.EN != "" {
		return c.EN
	}
	return c.Text
}

// Group is the entries of a schedule that share a key (an office, a lead).
type Group struct {
	// Key is the office or lead; "" collects entries that name none.
	Key     string  `json:"key"`
	Entries []Entry `json:"entries"`
}

// GroupBy groups entries under each key keys gives them (an entry with
// several keys is in several groups; one with none is under ""). Groups come
// in the order their key first appears, so a schedule sorted overdue-first
// lists the offices with the most urgent items first; entries keep their
// order within a group.
func GroupBy(entries []Entry, keys func(Entry) []string) []Group {
	var out []Group
	index := map[string]int{}
	for _, e := range entries {
		ks := keys(e)
		if len(ks) == 0 {
			ks = []string{""}
		}
		seen := map[string]bool{}
		for _, k := range ks {
			if seen[k] {
				continue
			}
			seen[k] = true
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, Group{Key: k})
			}
			out[i].Entries = append(out[i].Entries, e)
		}
	}
	return out
}

// GroupByOffice groups entries by responsible office (责任处室).
func GroupByOffice(entries []Entry) []Group {
	return GroupBy(entries, func(e Entry) []string { return cellList(e.Item.Item.Office) })
}

// GroupByLead groups entries by leading official (牵头领导); an item with two
// leads is listed under each.
func GroupByLead(entries []Entry) []Group {
	return GroupBy(entries, func(e Entry) []string { return cellList(e.Item.Item.Leads) })
}

func cellList(c *Cell) []string {
	if c == nil {
		return nil
	}
	return SplitNames(c.Text)
}
