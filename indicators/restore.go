package indicators

import (
	"bytes"
	"fmt"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// IsReport tells a report (as WriteJSON writes it) from a data file, both
// JSON objects with units: a report's units carry results.
func IsReport(b []byte) bool {
	b = bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(b, " \t\r\n"), []byte("\ufeff")), " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	var probe struct {
		Units []struct {
			Results jsonx.RawMessage `json:"results"`
		} `json:"units"`
	}
	if jsonx.Unmarshal(b, &probe) != nil {
		return false
	}
	for _, u := range probe.Units {
		if u.Results != nil {
			return true
		}
	}
	return false
}

// DatasetFromReport rebuilds the figures behind the report of one unit:
// every input and every indicator value the unit reported itself, so that
// the same plan gives the same results. p is the plan in use and c its
// catalogue; a report of another plan, or naming an indicator or metric
// the plan does not have, is refused. A report lists only the figures its
// results used; for one unit those are all its figures, but across several
// units a child's figure that only an aggregate used (a spread of rates) is
// not in it, so such a report is refused rather than half restored. A
// figure the report gives twice with two values is refused too. Every
// problem is a msg.Problems entry with the JSON path of the report value.
func DatasetFromReport(rep *Report, p *plan.Plan, c *Catalog) (*dataset.Dataset, error) {
	var probs msg.Problems
	if rep.Plan != "" && rep.Plan != p.ID {
		probs.Add("plan", "报告属于计划 %q，而当前计划是 %q", "the report is for plan %q, the plan in use is %q", rep.Plan, p.ID)
		return nil, probs
	}
	if len(rep.Units) != 1 {
		probs.Add("units", "这份报告有 %d 个单位：多单位的报告不含全部原始数据，请导入原来的数据文件", "the report has %d units: a report of several units does not hold all their figures, import the data file instead", len(rep.Units))
		return nil, probs
	}
	year := rep.Year
	if year == 0 {
		year = p.Year
	}
	d := dataset.New(year)
	for i, u := range rep.Units {
		if err := d.Add(u.Unit); err != nil {
			probs.AddText(fmt.Sprintf("units[%d].unit", i), msg.T(msg.In(err, "zh"), msg.In(err, "en")))
		}
	}
	set := func(path, unit, id string, v float64) {
		if old, ok := d.Value(unit, id); ok && old != v {
			probs.Add(path, "%[1]s 的 %[2]s 前后不一致（%[3]v 与 %[4]v）", "%[2]s of %[1]s differs (%[3]v and %[4]v)", unit, id, old, v)
			return
		}
		if err := d.Set(unit, id, v); err != nil {
			probs.AddText(path, msg.T(msg.In(err, "zh"), msg.In(err, "en")))
		}
	}
	for i, u := range rep.Units {
		for j, r := range u.Results {
			path := fmt.Sprintf("units[%d].results[%d]", i, j)
			if _, ok := c.Indicator(r.Indicator); !ok {
				probs.Add(path+".indicator", "当前计划没有指标 %q", "the plan in use has no indicator %q", r.Indicator)
				continue
			}
			if r.Origin == Reported && r.Value != nil {
				set(path+".value", u.Unit.ID, r.Indicator, *r.Value)
			}
			for k, in := range r.Inputs {
				if in.Origin != Reported || in.Value == nil {
					continue
				}
				ipath := fmt.Sprintf("%s.inputs[%d]", path, k)
				_, metric := c.Metric(in.ID)
				_, ind := c.Indicator(in.ID)
				if !metric && !ind {
					probs.Add(ipath+".id", "当前计划没有数据项 %q", "the plan in use has no metric %q", in.ID)
					continue
				}
				set(ipath+".value", u.Unit.ID, in.ID, *in.Value)
			}
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return d, nil
}
