package org

import "github.com/eduplan/eduplan/msg"

// Levels a plan may declare besides the three of Levels, with names the
// library knows, so that a plan naming them need not name them again.
const (
	Nation   Level = "nation"
	Province Level = "province"
	Town     Level = "town"
)

// standardNames names every level the library knows, from the top. City,
// District and School keep the names Level.Name has always given them.
var standardNames = [...]LevelDef{
	{ID: Nation, Name: msg.T("国家", "Nation")},
	{ID: Province, Name: msg.T("省", "Province")},
	{ID: City, Name: msg.T("市", "City")},
	{ID: District, Name: msg.T("辖市区", "District")},
	{ID: Town, Name: msg.T("乡镇（街道）", "Township")},
	{ID: School, Name: msg.T("学校", "School")},
}

// Standard reports whether the library knows the level's name (nation,
// province, city, district, town, school), so that a plan may declare it
// without naming it.
func (l Level) Standard() bool {
	_, ok := standardName(l)
	return ok
}

func standardName(l Level) (msg.Text, bool) {
	for _, d := range standardNames {
		if d.ID == l {
			return d.Name, true
		}
	}
	return msg.Text{}, false
}

// LevelDef declares one level of a plan's hierarchy.
type LevelDef struct {
	// ID is what plans and data files write: "province".
	ID Level `json:"id"`
	// Name is the level's label (省 / Province); it may be left empty for
	// a standard level (Level.Standard), which then has its usual name.
	Name msg.Text `json:"name,omitempty,omitzero"`
	// Aliases are further words a data file's level cell may hold for the
	// level (省级, 自治区 …), on top of its id and names.
	Aliases []string `json:"aliases,omitempty"`
}

// Hierarchy is the levels of a plan from the top; the last is always
// School, the level whose units have kinds and no units below. The empty
// Hierarchy stands for the default one (Levels: city, district, school).
type Hierarchy []LevelDef

// DefaultHierarchy is city, district, school, with their usual names:
// what a plan that declares no levels has.
func DefaultHierarchy() Hierarchy {
	h := make(Hierarchy, 0, 3)
	for _, l := range Levels() {
		h = append(h, LevelDef{ID: l, Name: l.Name()})
	}
	return h
}

// Resolved is h with every empty name filled from the standard names, or
// the default hierarchy when h is empty. The slice is a new one.
func (h Hierarchy) Resolved() Hierarchy {
	if len(h) == 0 {
		return DefaultHierarchy()
	}
	out := make(Hierarchy, len(h))
	for i, d := range h {
		if d.Name.ZH == "" && d.Name.EN == "" {
			if n, ok := standardName(d.ID); ok {
				d.Name = n
			}
		}
		out[i] = d
	}
	return out
}

// IsDefault reports whether h is the default hierarchy: empty, or city,
// district and school in that order (whatever their names).
func (h Hierarchy) IsDefault() bool {
	if len(h) == 0 {
		return true
	}
	ls := Levels()
	if len(h) != len(ls) {
		return false
	}
	for i, d := range h {
		if d.ID != ls[i] {
			return false
		}
	}
	return true
}

// IDs lists the levels from the top.
func (h Hierarchy) IDs() []Level {
	if len(h) == 0 {
		return Levels()
	}
	out := make([]Level, len(h))
	for i, d := range h {
		out[i] = d.ID
	}
	return out
}

// Rank is the position of l from the top (0) and whether h has it.
func (h Hierarchy) Rank(l Level) (int, bool) {
	if len(h) == 0 {
		switch l {
		case City:
			return 0, true
		case District:
			return 1, true
		case School:
			return 2, true
		}
		return 0, false
	}
	for i, d := range h {
		if d.ID == l {
			return i, true
		}
	}
	return 0, false
}

// Has reports whether l is one of h's levels.
func (h Hierarchy) Has(l Level) bool {
	_, ok := h.Rank(l)
	return ok
}

// Name is the level's name in h, else its standard name, else the id as
// written.
func (h Hierarchy) Name(l Level) msg.Text {
	for _, d := range h {
		if d.ID == l && (d.Name.ZH != "" || d.Name.EN != "") {
			return d.Name
		}
	}
	return l.Name()
}

// Above lists the levels above l, nearest first.
func (h Hierarchy) Above(l Level) []Level {
	ids := h.IDs()
	r, ok := h.Rank(l)
	if !ok {
		return nil
	}
	out := make([]Level, 0, r)
	for i := r - 1; i >= 0; i-- {
		out = append(out, ids[i])
	}
	return out
}

// LevelWord is a level's word as plans and data files compare them:
// spaces trimmed, ASCII letters in lower case (City, city). Only ASCII is
// folded: strings.ToLower would link Unicode's case tables into the page's
// WebAssembly binary, and the words that differ in case are English.
func LevelWord(s string) string {
	b := []byte(s)
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return string(out)
}
