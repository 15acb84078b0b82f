package dataset

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// unitProblem is one thing wrong with the hierarchy, found by validateUnits.
type unitProblem struct {
	unit   int
	role   role // roleID, roleLevel, roleKind or roleParent
	text   string
	reason msg.Text
}

// validateUnits checks the hierarchy: ids present and unique, levels known,
// a kind for every school and only for schools, parents that exist and sit
// at a higher level, and no loops. A school may hang directly under a city
// (市直属学校). levels are the plan's (empty: city, district, school); a
// unit may hang under a unit of any level above its own.
func validateUnits(units []OrgUnit, levels org.Hierarchy, index map[string]int) []unitProblem {
	var ps []unitProblem
	add := func(i int, r role, text string, reason msg.Text) {
		ps = append(ps, unitProblem{unit: i, role: r, text: text, reason: reason})
	}
	// A caller's index holds ids it knows are unique and not empty.
	if index == nil {
		index = make(map[string]int, len(units))
		for i, u := range units {
			if u.ID == "" {
				add(i, roleID, "", msg.T("代码为空", "the id is empty"))
				continue
			}
			if j, dup := index[u.ID]; dup {
				add(i, roleID, u.ID, msg.Textf("代码重复，与 units[%d] 相同", "duplicate id, the same as units[%d]", j))
				continue
			}
			index[u.ID] = i
		}
	}
	for i, u := range units {
		rank, levelOK := levels.Rank(u.Level)
		if !levelOK {
			add(i, roleLevel, string(u.Level), levelMustBe(levels))
		}
		switch {
		case u.Level == org.School && u.Kind == "":
			add(i, roleKind, "", msg.T("学校缺少类型", "a school needs a kind"))
		case levelOK && u.Level != org.School && u.Kind != "":
			add(i, roleKind, string(u.Kind), msg.T("只有学校才有学校类型", "only a school has a kind"))
		}
		if u.Parent == "" {
			continue
		}
		p, ok := index[u.Parent]
		switch {
		case !ok:
			add(i, roleParent, u.Parent, msg.T("上级单位不存在", "the parent is not among the units"))
		case p == i:
			add(i, roleParent, u.Parent, msg.T("上级不能是自己", "a unit cannot be its own parent"))
		default:
			prank, pok := levels.Rank(units[p].Level)
			if !levelOK || !pok || prank < rank {
				continue
			}
			add(i, roleParent, u.Parent, parentMustBe(levels, u.Level))
		}
	}
	// Loops: with valid levels there can be none, but a dataset with a bad
	// level can still hold one, and walking it must not run forever.
	state := make([]byte, len(units)) // 0 unseen, 1 on the current path, 2 done
	for i := range units {
		if state[i] != 0 {
			continue
		}
		var path []int
		j := i
		for {
			if state[j] == 2 {
				break
			}
			if state[j] == 1 {
				// The loop is the part of the path from j on.
				k := 0
				for path[k] != j {
					k++
				}
				loop := path[k:]
				first := loop[0]
				for _, x := range loop {
					if x < first {
						first = x
					}
				}
				ids := make([]string, 0, len(loop)+1)
				for _, x := range loop {
					ids = append(ids, units[x].ID)
				}
				ids = append(ids, units[loop[0]].ID)
				if len(loop) > 1 {
					chain := strings.Join(ids, " → ")
					add(first, roleParent, units[first].Parent, msg.T("上级关系成环："+chain, "the parent chain loops: "+chain))
				}
				break
			}
			state[j] = 1
			path = append(path, j)
			p, ok := index[units[j].Parent]
			if !ok || units[j].Parent == "" || units[j].ID == "" || index[units[j].ID] != j {
				break
			}
			j = p
		}
		for _, x := range path {
			state[x] = 2
		}
	}
	return ps
}

// Validate checks the hierarchy of units: every id present and unique, every
// parent among the units, no loops, levels known and in order (a district
// under a city, a school under a district or a city), every school of a
// kind and no other unit of one. It returns Errors with the JSON path of
// each bad value ("units[3].parent"), or nil.
func (d *Dataset) Validate() error {
	var es Errors
	for _, p := range validateUnits(d.Units, d.Levels, nil) {
		field := map[role]string{roleID: "id", roleLevel: "level", roleKind: "kind", roleParent: "parent"}[p.role]
		es = append(es, CellError{File: d.Source.File, Path: fmt.Sprintf("units[%d].%s", p.unit, field), Text: p.text, Reason: p.reason})
	}
	return es.err()
}

// Roots returns the positions of the units with no parent in the dataset,
// in order: the city of a city's file, the school of a school's own file.
func (d *Dataset) Roots() []int {
	ids := make(map[string]bool, len(d.Units))
	for _, u := range d.Units {
		ids[u.ID] = true
	}
	var roots []int
	for i, u := range d.Units {
		if u.Parent == "" || !ids[u.Parent] || u.Parent == u.ID {
			roots = append(roots, i)
		}
	}
	return roots
}

// Subtree returns a new dataset of the unit id and all its descendants, in
// their order in d, with their figures, year, note and source. The unit
// loses its parent, so that the subtree is a valid dataset of its own (a
// district's file cut from a city's). It returns nil when there is no such
// unit.
func (d *Dataset) Subtree(id string) *Dataset {
	root := -1
	children := map[string][]int{}
	for i, u := range d.Units {
		if u.ID == id && root < 0 {
			root = i
		}
		if u.Parent != "" {
			children[u.Parent] = append(children[u.Parent], i)
		}
	}
	if root < 0 {
		return nil
	}
	in := make([]bool, len(d.Units))
	in[root] = true
	stack := []int{root}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range children[d.Units[i].ID] {
			if !in[c] {
				in[c] = true
				stack = append(stack, c)
			}
		}
	}
	s := New(d.Year)
	s.Note, s.Plan = d.Note, d.Plan
	s.Source, s.Levels = d.Source, d.Levels
	var keep []int
	for i, u := range d.Units {
		if !in[i] {
			continue
		}
		if i == root {
			u.Parent = ""
		}
		s.index[u.ID] = len(s.Units)
		s.Units = append(s.Units, u)
		keep = append(keep, i)
	}
	for id, c := range d.columns {
		nc := &Column{}
		cur := cursor{c: c}
		for n, i := range keep {
			if v, ok := cur.at(i); ok {
				nc.units = append(nc.units, int32(n))
				nc.values = append(nc.values, v)
			}
		}
		s.columns[id] = nc
	}
	return s
}

// Equal reports whether two datasets hold the same year, plan, note, units (in the
// same order) and figures. A column with no figure present counts as no
// column, and Source is not compared: a dataset written and read back is
// Equal to itself.
func (d *Dataset) Equal(e *Dataset) bool {
	if d == nil || e == nil {
		return d == e
	}
	if d.Year != e.Year || d.Plan != e.Plan || d.Note != e.Note || len(d.Units) != len(e.Units) {
		return false
	}
	for i := range d.Units {
		if d.Units[i] != e.Units[i] {
			return false
		}
	}
	same := func(a, b *Dataset) bool {
		for id, ca := range a.columns {
			ua, va := ca.Figures()
			ub, vb := b.columns[id].Figures()
			if len(ua) != len(ub) {
				return false
			}
			for k := range ua {
				if ua[k] != ub[k] || va[k] != vb[k] {
					return false
				}
			}
		}
		return true
	}
	return same(d, e) && same(e, d)
}

// Find returns the position of the unit a person names: by id, or else by
// a name that only one unit has (京口区 as well as d-jingkou).
func (d *Dataset) Find(ref string) (int, bool) {
	if i, ok := d.index[ref]; ok {
		return i, true
	}
	found := -1
	for i, u := range d.Units {
		if u.Name == ref {
			if found >= 0 {
				return -1, false
			}
			found = i
		}
	}
	return found, found >= 0
}

// Within marks the units named by refs (ids, or names only one unit has;
// see Find) and all their descendants, by position in Units; missing lists
// the refs that name no unit. With no refs it returns nil: every unit.
func (d *Dataset) Within(ids []string) (keep []bool, missing []string) {
	if len(ids) == 0 {
		return nil, nil
	}
	keep = make([]bool, len(d.Units))
	var mark func(i int)
	mark = func(i int) {
		if keep[i] {
			return
		}
		keep[i] = true
		for _, ch := range d.Children(i) {
			mark(ch)
		}
	}
	for _, id := range ids {
		i, ok := d.Find(id)
		if !ok {
			missing = append(missing, id)
			continue
		}
		mark(i)
	}
	return keep, missing
}

// totalWords are the words that make a unit's name a totals row (合计,
// 全市合计, 东区小计, Total …): a statistical table's sum of the rows above,
// not a unit.
var totalWords = []string{"合计", "总计", "小计", "共计", "汇总", "总数", "total", "subtotal", "grandtotal", "sum"}

// isTotalName says whether a name is a totals row's: one of totalWords, or
// a name ending in one of the Chinese ones (全市合计, 东区小计), ignoring
// spaces, case and full-width forms.
func isTotalName(name string) bool {
	n := key(name)
	for _, w := range totalWords {
		if n == w || w[0] >= 0x80 && strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// totalRows refuses the units whose name says they are a total (see
// isTotalName): read as a school, a totals row is counted a second time in
// its district's and city's sums. Such a row is kept only as the parent it
// sums, a city or district that units in the file name as their parent —
// the one place where its figures are the unit's own.
func totalRows(units []OrgUnit) []unitProblem {
	var ps []unitProblem
	var children map[string]bool
	for i, u := range units {
		if !isTotalName(u.Name) {
			continue
		}
		if children == nil {
			children = make(map[string]bool, len(units))
			for _, c := range units {
				children[c.Parent] = true
			}
		}
		if u.Level != org.School && children[u.ID] {
			continue
		}
		ps = append(ps, unitProblem{unit: i, role: roleName, text: u.Name, reason: msg.T(
			"这一行是合计行，不是单位：它的数字会被当作一个单位再计入上级一次。请删去这一行（上级的数字由其下单位相加而得）；若它就是市或区县本身的数字，请把层级写成 市 或 区县，并让其下单位的“上级单位”指向它，或把名称改成单位的名称（如“镇江市”）",
			"this row is a totals row, not a unit: its figures would be counted a second time in its parent's sums. Delete the row (a parent's figures are summed from its units); if it holds a city's or district's own figures, give it the level city or district and point its units' parent at it, or give it the unit's own name (such as 镇江市)")})
	}
	return ps
}
