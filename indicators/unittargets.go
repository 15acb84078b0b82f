package indicators

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// resolveOverrides finds, once per evaluation, the units each per-unit
// target names: own[ix][i] is 1 + the override that holds the unit at
// position i, 0 for the default; own[ix] is nil for an indicator with no
// overrides, whose cells then cost nothing more. A name that no unit of
// the data has is a warning; a name that several units have, or a unit
// two overrides name, is a problem: the assessment refuses to guess.
func (e *Evaluation) resolveOverrides() {
	d := e.data
	var byName map[string][]int
	for ix := range e.cat.inds {
		ci := &e.cat.inds[ix]
		if len(ci.overrides) == 0 {
			continue
		}
		own := make([]int32, len(d.Units))
		infos := make([]TargetInfo, len(ci.overrides))
		// The catalogue keeps the indicators in the plan's order.
		path := func(k, j int) string {
			return fmt.Sprintf("indicators[%d].unit_targets[%d].units[%d]", ix, k, j)
		}
		for k, o := range ci.overrides {
			infos[k] = o.info
			ov := *o.info.Override
			ov.Units = make([]string, len(o.units))
			infos[k].Override = &ov
			for j, ref := range o.units {
				ref = strings.TrimSpace(ref)
				// Reports name the unit as the data does: 县A for d-a.
				ov.Units[j] = ref
				if i, ok := d.Index(ref); ok && d.Units[i].Name != "" {
					ov.Units[j] = d.Units[i].Name
				}
				var at []int
				if i, ok := d.Index(ref); ok {
					at = []int{i}
				} else {
					if byName == nil {
						byName = make(map[string][]int, len(d.Units))
						for i, u := range d.Units {
							if u.Name != "" {
								byName[u.Name] = append(byName[u.Name], i)
							}
						}
					}
					at = byName[ref]
				}
				switch {
				case len(at) == 0:
					e.warnings = append(e.warnings, msg.Textf(
						"计划为单位 %[1]q 另定的目标（%[2]s：%[3]s）没有用上：数据中没有编号或名称为 %[1]q 的单位",
						"the plan's own target for unit %[1]q (%[4]s: %[3]s) was not used: no unit in the data has the id or name %[1]q",
						ref, ci.Name.ZH+"("+ci.ID+")", o.target.Text, nameEN(ci.Name, ci.ID)+"("+ci.ID+")"))
				case len(at) > 1:
					ids := make([]string, len(at))
					for n, i := range at {
						ids[n] = d.Units[i].ID
					}
					e.problems.Add(path(k, j), "名称 %[1]q 对应数据中的 %[2]d 个单位（%[3]s）：单位目标无法确定适用于哪一个，请改用单位编号",
						"the name %[1]q matches %[2]d units of the data (%[3]s): the unit target cannot tell which; name the unit by its id",
						ref, len(at), strings.Join(ids, ", "))
				default:
					i := at[0]
					if prev := own[i]; prev != 0 && int(prev) != k+1 {
						e.problems.Add(path(k, j), "单位 %[1]q 已有 unit_targets[%[2]d] 的目标：一个单位只能有一个自己的目标",
							"the unit %[1]q already has the target of unit_targets[%[2]d]: a unit has one target of its own",
							d.Units[i].ID, prev-1)
						continue
					}
					own[i] = int32(k + 1)
				}
			}
		}
		e.own[ix], e.infos[ix] = own, infos
	}
}

func nameEN(t msg.Text, id string) string {
	if t.EN != "" {
		return t.EN
	}
	if t.ZH != "" {
		return t.ZH
	}
	return id
}

// target is the target the unit at position i is held to for the
// indicator at catalogue position ix: its own, or the default.
func (e *Evaluation) target(ix, i int) *rule.Target {
	ci := &e.cat.inds[ix]
	if own := e.own[ix]; own != nil && own[i] > 0 {
		return &ci.overrides[own[i]-1].target
	}
	return &ci.target
}

// info is the target as reports show it for the unit at position i.
func (e *Evaluation) info(ix, i int) *TargetInfo {
	ci := &e.cat.inds[ix]
	if own := e.own[ix]; own != nil && own[i] > 0 {
		return &e.infos[ix][own[i]-1]
	}
	return &ci.info
}

// Err is what stops the evaluation from being reported: a per-unit target
// whose name matches several units of the data, or a unit that two
// per-unit targets of one indicator name. It is a msg.Problems, or nil.
// Report returns it; a face that reads results one by one checks it.
func (e *Evaluation) Err() error { return e.problems.Err() }

// Warnings concern the evaluation as a whole: a unit the plan gives a
// target of its own that is not in the data (the target was not used).
// Reports carry them; a face shows them.
func (e *Evaluation) Warnings() []msg.Text {
	return append([]msg.Text(nil), e.warnings...)
}
