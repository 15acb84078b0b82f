package webapi

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// loadedFile is the last data file imported, read with the plan in use.
type loadedFile struct {
	name string
	data *dataset.Dataset
	// kind is "data" for a data file, "report" for a report re-imported.
	kind string
}

type importRequest struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type importAnswer struct {
	Kind  string `json:"kind"`
	Year  int    `json:"year"`
	Units int    `json:"units"`
	// Single: the file has one unit, whose figures go on the form.
	Single  bool              `json:"single"`
	Unit    *dataset.OrgUnit  `json:"unit,omitempty"`
	Figures map[string]string `json:"figures,omitempty"`
	// Warnings are figures read as written that look mistyped.
	Warnings []dataError `json:"warnings,omitempty"`
}

// importData reads a data file the page has decoded to text (CSV or JSON),
// or a report this page exported, and keeps it for assessFile. A file of one
// unit also comes back as the figures of the form, written as a person
// types them (percent figures in percent).
func (s *Session) importData(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req importRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	var d *dataset.Dataset
	kind := "data"
	if isReport(req.Text) {
		var err error
		if d, err = s.datasetFromReport(req.Text); err != nil {
			return nil, err
		}
		kind = "report"
	} else {
		var err error
		d, err = dataset.Read(strings.NewReader(req.Text), s.cat.Fields(), dataset.Options{File: req.Name, Year: s.plan.Year})
		if err != nil {
			return nil, err
		}
	}
	if len(d.Units) == 0 {
		return nil, dataset.Errors{{File: req.Name, Reason: bi("文件中没有任何单位", "the file has no units")}}
	}
	s.file = &loadedFile{name: req.Name, data: d, kind: kind}
	ans := importAnswer{Kind: kind, Year: d.Year, Units: len(d.Units), Single: len(d.Units) == 1}
	if len(d.Source.Warnings) > 0 {
		ans.Warnings = dataErrors(d.Source.Warnings)
	}
	if ans.Single {
		u := d.Units[0]
		ans.Unit = &u
		ans.Figures = map[string]string{}
		for _, m := range s.cat.Metrics() {
			if v, ok := d.Value(u.ID, m.ID); ok {
				ans.Figures[m.ID] = formText(v, m.Unit)
			}
		}
	}
	return ans, nil
}

// formText writes a figure as a person types it on the form: a percent in
// percent, 12 significant digits at most so that 0.992 is "99.2".
func formText(v float64, u plan.Unit) string {
	if u == plan.Percent {
		return rule.FormatNumber(v * 100)
	}
	return rule.FormatNumber(v)
}

func (s *Session) clearData(string) (any, error) {
	s.file = nil
	return struct{}{}, nil
}

// reportFile is the part of a report (indicators.Report as JSON) that holds
// the figures a unit reported.
type reportFile struct {
	Plan  string `json:"plan"`
	Year  int    `json:"year"`
	Units []struct {
		Unit    dataset.OrgUnit `json:"unit"`
		Results []struct {
			Indicator string   `json:"indicator"`
			Origin    string   `json:"origin"`
			Value     *float64 `json:"value"`
			Inputs    []struct {
				ID     string   `json:"id"`
				Origin string   `json:"origin"`
				Value  *float64 `json:"value"`
			} `json:"inputs"`
		} `json:"results"`
	} `json:"units"`
}

// isReport tells a report from a data file: its units carry results.
func isReport(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	if !strings.HasPrefix(t, "{") {
		return false
	}
	var probe struct {
		Units []struct {
			Results jsonx.RawMessage `json:"results"`
		} `json:"units"`
	}
	if jsonx.Unmarshal([]byte(t), &probe) != nil {
		return false
	}
	for _, u := range probe.Units {
		if u.Results != nil {
			return true
		}
	}
	return false
}

// datasetFromReport rebuilds the figures behind the report of one unit:
// every input and every indicator value the unit reported itself, so that the
// same plan gives the same results. A report lists only the figures its
// results used; for one unit those are all its figures, but across several
// units a child's figure that only an aggregate used (a spread of rates) is
// not in it. Such a report is refused rather than half restored.
func (s *Session) datasetFromReport(text string) (*dataset.Dataset, error) {
	var rf reportFile
	if err := jsonx.Unmarshal([]byte(strings.TrimLeft(text, "\ufeff")), &rf); err != nil {
		return nil, fmt.Errorf("报告文件无法读取 / the report cannot be read: %v", err)
	}
	var probs msg.Problems
	if rf.Plan != "" && rf.Plan != s.plan.ID {
		probs.Addf("plan", "报告属于计划 %q，而当前计划是 %q / the report is for plan %q, the plan in use is %q", rf.Plan, s.plan.ID, rf.Plan, s.plan.ID)
		return nil, probs
	}
	if len(rf.Units) != 1 {
		probs.Addf("units", "这份报告有 %d 个单位：多单位的报告不含全部原始数据，请导入原来的数据文件 / the report has %d units: a report of several units does not hold all their figures, import the data file instead", len(rf.Units), len(rf.Units))
		return nil, probs
	}
	year := rf.Year
	if year == 0 {
		year = s.plan.Year
	}
	d := dataset.New(year)
	for i, u := range rf.Units {
		if err := d.Add(u.Unit); err != nil {
			probs.Addf(fmt.Sprintf("units[%d].unit", i), "%v", err)
		}
	}
	set := func(path, unit, id string, v float64) {
		if old, ok := d.Value(unit, id); ok && old != v {
			probs.Addf(path, "%s 的 %s 前后不一致（%v 与 %v） / %s of %s differs (%v and %v)", unit, id, old, v, id, unit, old, v)
			return
		}
		if err := d.Set(unit, id, v); err != nil {
			probs.Addf(path, "%v", err)
		}
	}
	for i, u := range rf.Units {
		for j, r := range u.Results {
			path := fmt.Sprintf("units[%d].results[%d]", i, j)
			if _, ok := s.cat.Indicator(r.Indicator); !ok {
				probs.Addf(path+".indicator", "当前计划没有指标 %q / the plan in use has no indicator %q", r.Indicator, r.Indicator)
				continue
			}
			if r.Origin == "reported" && r.Value != nil {
				set(path+".value", u.Unit.ID, r.Indicator, *r.Value)
			}
			for k, in := range r.Inputs {
				if in.Origin != "reported" || in.Value == nil {
					continue
				}
				ipath := fmt.Sprintf("%s.inputs[%d]", path, k)
				_, metric := s.cat.Metric(in.ID)
				_, ind := s.cat.Indicator(in.ID)
				if !metric && !ind {
					probs.Addf(ipath+".id", "当前计划没有数据项 %q / the plan in use has no metric %q", in.ID, in.ID)
					continue
				}
				set(ipath+".value", u.Unit.ID, in.ID, *in.Value)
			}
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return d, nil
}

type column struct {
	ID     string      `json:"id"`
	Name   Text        `json:"name"`
	Unit   plan.Unit   `json:"unit"`
	Nature plan.Nature `json:"nature"`
}

type cell struct {
	Status    indicators.Status `json:"status"`
	ValueText string            `json:"valueText"`
}

type schoolRow struct {
	Unit dataset.OrgUnit `json:"unit"`
	// ParentName is the name of the unit the school belongs to.
	ParentName string            `json:"parentName"`
	KindName   Text              `json:"kindName"`
	Counts     indicators.Counts `json:"counts"`
	// Cells follow the answer's columns; null where the indicator does not
	// concern the school.
	Cells []*cell `json:"cells"`
}

type check struct {
	Unit   dataset.OrgUnit `json:"unit"`
	Result resultView      `json:"result"`
}

type fileAnswer struct {
	Name    string      `json:"name"`
	Kind    string      `json:"kind"`
	Year    int         `json:"year"`
	Units   int         `json:"units"`
	Columns []column    `json:"columns"`
	Schools []schoolRow `json:"schools"`
	Parents []unitView  `json:"parents"`
	Checks  []check     `json:"checks"`
}

// assessFile assesses the imported file: a table of schools × indicators,
// the full results of every unit above the schools (their rates recomputed
// from the summed figures), and the checks that compare child units.
func (s *Session) assessFile(string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	if s.file == nil {
		return nil, msg.New(bi("还没有导入数据文件", "no data file has been imported"))
	}
	d := s.file.data
	ev := s.cat.Evaluate(d)
	ans := fileAnswer{Name: s.file.name, Kind: s.file.kind, Year: d.Year, Units: len(d.Units),
		Columns: []column{}, Schools: []schoolRow{}, Parents: []unitView{}, Checks: []check{}}

	inds := s.cat.Indicators()
	used := make([]bool, len(inds))
	for i, u := range d.Units {
		if u.Level != org.School {
			continue
		}
		for k, ind := range inds {
			if !used[k] && ev.Status(ind.ID, i) != indicators.NotApplicable {
				used[k] = true
			}
		}
	}
	var cols []plan.Indicator
	for k, ind := range inds {
		if used[k] {
			cols = append(cols, ind)
			ans.Columns = append(ans.Columns, column{ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Nature: s.cat.NatureOf(ind.ID)})
		}
	}
	for i, u := range d.Units {
		if u.Level != org.School {
			ur := ev.UnitReport(i, false)
			uv := viewUnit(ur)
			ans.Parents = append(ans.Parents, uv)
			for _, r := range uv.Results {
				if len(r.Aggregates) > 0 {
					ans.Checks = append(ans.Checks, check{Unit: u, Result: r})
				}
			}
			continue
		}
		row := schoolRow{Unit: u, KindName: kindName(u.Kind), Cells: make([]*cell, len(cols))}
		if p, ok := d.Unit(u.Parent); ok {
			row.ParentName = p.Name
		}
		for k, ind := range cols {
			st := ev.Status(ind.ID, i)
			if st == indicators.NotApplicable {
				continue
			}
			c := &cell{Status: st}
			if v, ok := ev.Value(ind.ID, i); ok {
				c.ValueText = indicators.FormatValue(v, ind.Unit)
			}
			row.Cells[k] = c
			switch st {
			case indicators.Met:
				row.Counts.Met++
			case indicators.NotMet:
				row.Counts.NotMet++
			case indicators.NoData:
				row.Counts.NoData++
			case indicators.NotComputable:
				row.Counts.NotComputable++
			}
		}
		ans.Schools = append(ans.Schools, row)
	}
	return ans, nil
}
