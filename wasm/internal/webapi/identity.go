package webapi

import (
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// identity is who the unit on the form is, for a return it exports: its
// code, its parent's code and name, and the rows above it as a prefilled
// file gave them (template --split), so that the return reads back and
// collects with the others.
type identity struct {
	ID         string            `json:"id"`
	Parent     string            `json:"parent"`
	ParentName string            `json:"parentName"`
	Ancestors  []dataset.OrgUnit `json:"ancestors"`
}

// asReturn turns the form's dataset (one unit, id formUnitID) into the
// unit's return: its own code and parent, the rows above it, the plan's id.
func (s *Session) asReturn(d *dataset.Dataset, who identity) (*dataset.Dataset, error) {
	u := d.Units[0]
	u.ID = strings.TrimSpace(who.ID)
	u.Parent = strings.TrimSpace(who.Parent)
	if u.ID == "" {
		return nil, msg.New(bi("请先填写本单位代码（打开预填的填报文件会自动填写）：没有代码的报表无法与其他单位的汇总",
			"enter the unit's code first (opening a prefilled file fills it in): a return without a code cannot be collected with the others"))
	}
	var above []dataset.OrgUnit
	if u.Parent != "" {
		// The rows the prefilled file had, up to this parent; otherwise
		// the parent as typed, one level up.
		for i, a := range who.Ancestors {
			if a.ID == u.Parent {
				above = who.Ancestors[:i+1]
			}
		}
		if above == nil {
			name := strings.TrimSpace(who.ParentName)
			if name == "" {
				return nil, msg.New(bi("请填写上级单位名称", "enter the name of the parent unit"))
			}
			level := org.District
			if up := plan.Hierarchy(s.plan).Above(u.Level); len(up) > 0 {
				level = up[0]
			} else if u.Level != org.School {
				level = org.City
			}
			above = []dataset.OrgUnit{{ID: u.Parent, Name: name, Level: level}}
		}
	}
	r := dataset.New(d.Year)
	r.Plan, r.Levels = s.plan.ID, s.plan.Levels
	for _, a := range append(above, u) {
		if err := r.Add(a); err != nil {
			return nil, msg.New(bi("本单位代码与上级单位代码相同", "the unit's code is its parent's"))
		}
	}
	for _, m := range d.Metrics() {
		if v, ok := d.Value(formUnitID, m); ok {
			if err := r.Set(u.ID, m, v); err != nil {
				return nil, err
			}
		}
	}
	return r, r.Validate()
}

// returnOf says whether a file is one unit's return — a prefilled file
// with the unit's row under the rows above it (each the parent of the
// next) and figures in its own row only — and gives the unit and the rows
// above it.
func returnOf(d *dataset.Dataset) (dataset.OrgUnit, []dataset.OrgUnit, bool) {
	n := len(d.Units)
	for i := 1; i < n; i++ {
		if d.Units[i].Parent != d.Units[i-1].ID {
			return dataset.OrgUnit{}, nil, false
		}
	}
	for _, m := range d.Metrics() {
		for _, u := range d.Units[:n-1] {
			if _, ok := d.Value(u.ID, m); ok {
				return dataset.OrgUnit{}, nil, false
			}
		}
	}
	return d.Units[n-1], d.Units[:n-1], true
}
