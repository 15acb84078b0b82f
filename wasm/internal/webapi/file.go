package webapi

import (
	"slices"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
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
	// series is the file's years when it holds several; data is then the
	// last of them.
	series dataset.Series
	// ev is data evaluated with the parents' own figures, for the
	// quality summary of the import, kept for assessFile: a district of
	// 10,000 schools was evaluated twice, once for the rules the summary
	// counts and again for the assessment. Nil for a report re-imported.
	ev *indicators.Evaluation
}

type importRequest struct {
	Name string `json:"name"`
	Text string `json:"text"`
	// Cells, when not null, are the cells of one sheet of a workbook, which
	// the page reads itself (static/xlsx.js) rather than link excelize;
	// Sheet is the sheet's name, which errors give with the cell.
	Cells [][]string `json:"cells"`
	Sheet string     `json:"sheet"`
	// Encoding is what the page decoded Text from ("GB18030/GBK" …), so
	// that a header garbled by a wrong guess gets the encoding hint.
	Encoding string `json:"encoding"`
}

type importAnswer struct {
	Kind  string `json:"kind"`
	Year  int    `json:"year"`
	Units int    `json:"units"`
	// Single: the file has one unit, whose figures go on the form.
	Single bool             `json:"single"`
	Unit   *dataset.OrgUnit `json:"unit,omitempty"`
	// Above are the rows above the unit of a single unit's return (a
	// prefilled file): the page keeps them for the return it exports.
	Above   []dataset.OrgUnit `json:"above,omitempty"`
	Figures map[string]string `json:"figures,omitempty"`
	// Warnings are figures read as written that look mistyped.
	Warnings []dataError `json:"warnings,omitempty"`
	// Quality is the data file's quality summary, as every face words it.
	Quality *view.Quality `json:"quality,omitempty"`
	// Years are the years of a file of several; Year is the last.
	Years []int `json:"years,omitempty"`
}

// importData reads a data file the page has decoded to text (CSV or JSON)
// or read as the cells of a workbook's sheet, or a report this page
// exported, and keeps it for assessFile. A file of one unit also comes back
// as the figures of the form, written as a person types them (percent
// figures in percent).
func (s *Session) importData(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req importRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	return s.importFile(req)
}

// isReport is indicators.IsReport, a variable so that a test can tell
// whether a file was parsed a second time to ask it.
var isReport = indicators.IsReport

func (s *Session) importFile(req importRequest) (any, error) {
	var series dataset.Series
	kind := "data"
	// The data file is read first, and only a file it refuses is asked
	// whether it is a report: asking first parsed every JSON data file
	// twice (a district's of 10,000 schools included). The order changes
	// no answer: the data reader refuses any key a unit of a data file
	// does not have, and a report's unit has "results", so a file it
	// reads is never a report, and a file it refuses goes on as before.
	d, err := s.readData(req)
	switch {
	case err == nil:
	case req.Cells == nil && isReport([]byte(req.Text)):
		if d, err = s.datasetFromReport(req.Text); err != nil {
			return nil, err
		}
		kind = "report"
	default:
		if series, err = s.readYears(req, err); err != nil {
			return nil, err
		}
	}
	if series != nil {
		d = series[len(series)-1]
		if len(series) == 1 {
			series = nil
		}
	}
	if len(d.Units) == 0 {
		return nil, dataset.Errors{{File: req.Name, Reason: bi("文件中没有任何单位", "the file has no units")}}
	}
	s.file = &loadedFile{name: req.Name, data: d, kind: kind, series: series}
	if kind == "data" {
		s.file.ev = s.cat.Evaluate(d)
	}
	u, above, single := returnOf(d)
	if series != nil {
		// A file of several years is a district's or a city's: its
		// last year does not go on the form as one unit's return.
		single = false
	}
	ans := importAnswer{Kind: kind, Year: d.Year, Units: len(d.Units), Single: single, Above: above, Years: series.Years()}
	if len(d.Source.Warnings) > 0 {
		ans.Warnings = dataErrors(d.Source.Warnings)
		if n := d.Source.MoreWarnings; n > 0 {
			ans.Warnings = append(ans.Warnings, dataError{File: req.Name, Reason: msg.Textf("……另有 %d 处未列出", "… and %d more not listed", n)})
		}
	}
	if kind == "data" {
		ans.Quality = view.QualityOf(s.cat.QualityWith(d, s.file.ev))
	}
	if ans.Single {
		ans.Unit = &u
		ans.Figures = map[string]string{}
		for _, m := range s.cat.Metrics() {
			if v, ok := d.Value(u.ID, m.ID); ok {
				ans.Figures[m.ID] = view.Typed(v, m.Unit)
			}
		}
	}
	return ans, nil
}

func (s *Session) clearData(string) (any, error) {
	s.file = nil
	return struct{}{}, nil
}

// datasetFromReport reads a report this page (or the command line)
// exported and restores the figures behind it (indicators.DatasetFromReport).
func (s *Session) datasetFromReport(text string) (*dataset.Dataset, error) {
	rep, err := indicators.ReadReport(strings.NewReader(strings.TrimLeft(text, "\ufeff")))
	if err != nil {
		return nil, msg.Wrap(err, "报告文件无法读取", "the report cannot be read")
	}
	return indicators.DatasetFromReport(rep, s.plan, s.cat)
}

type column struct {
	ID     string      `json:"id"`
	Name   Text        `json:"name"`
	Unit   plan.Unit   `json:"unit"`
	Nature plan.Nature `json:"nature"`
}

type cell struct {
	Status indicators.Status `json:"status"`
	// ValueText is the value as every face shows it (view.Result.Value).
	ValueText Text `json:"valueText"`
	// Reference marks the school's figure against a target the plan
	// sets for the city (indicators.Result.Reference); StatusText is then
	// the status as every face shows it (参考：未达目标), for the cell's
	// title.
	Reference  bool  `json:"reference,omitempty"`
	StatusText *Text `json:"statusText,omitempty"`
}

type schoolRow struct {
	Unit dataset.OrgUnit `json:"unit"`
	// ParentName is the name of the unit the school belongs to.
	ParentName string            `json:"parentName"`
	KindName   Text              `json:"kindName"`
	Counts     indicators.Counts `json:"counts"`
	// Reference is how many of the school's results are shown for
	// reference, which Counts leaves out.
	Reference int `json:"reference,omitempty"`
	// Cells follow the answer's columns; null where the indicator does not
	// concern the school.
	Cells []*cell `json:"cells"`
}

type check struct {
	Unit   dataset.OrgUnit `json:"unit"`
	Result resultView      `json:"result"`
}

type fileAnswer struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Year    int      `json:"year"`
	Units   int      `json:"units"`
	Columns []column `json:"columns"`
	// Schools are the first rows of the schools × indicators table (all of
	// them unless the request set Rows); SchoolCount is how many there are,
	// and fileSchools gives the rest: a district of 10,000 schools is not
	// written out, parsed and drawn at once.
	Schools     []schoolRow `json:"schools"`
	SchoolCount int         `json:"schoolCount"`
	Parents     []unitView  `json:"parents"`
	Checks      []check     `json:"checks"`
	// Warnings concern the whole file: a unit the plan gives a target of
	// its own that is not in it.
	Warnings []msg.Text `json:"warnings,omitempty"`
	// Validation is the plan's validation rules on every unit of the file.
	Validation *validationView `json:"validation,omitempty"`
	// ParentFigures is the choice the file was assessed with, and
	// Hierarchy every parent's own figure that differs from its units'
	// sum, with its texts.
	ParentFigures indicators.ParentFigures `json:"parentFigures"`
	Hierarchy     []mismatchView           `json:"hierarchy"`
	// Years and Trends are given for a file of several years: each
	// unit's indicators across them (trendLine). The rest of the answer
	// is the last year's.
	Years  []int       `json:"years,omitempty"`
	Trends []trendLine `json:"trends,omitempty"`
}

type mismatchView struct {
	indicators.FigureMismatch
	Text view.Mismatch `json:"text"`
}

// assessFile assesses the imported file: a table of schools × indicators,
// the full results of every unit above the schools (their rates recomputed
// from the summed figures), and the checks that compare child units.
func (s *Session) assessFile(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	if s.file == nil {
		return nil, msg.New(bi("还没有导入数据文件", "no data file has been imported"))
	}
	d := s.file.data
	ev, err := s.evaluation(req.ParentFigures)
	if err != nil {
		return nil, err
	}
	if err := ev.Err(); err != nil {
		return nil, err
	}
	ans := fileAnswer{Name: s.file.name, Kind: s.file.kind, Year: d.Year, Units: len(d.Units),
		Columns: []column{}, Schools: []schoolRow{}, Parents: []unitView{}, Checks: []check{}, Warnings: ev.Warnings(),
		ParentFigures: ev.Parent(), Hierarchy: []mismatchView{}, Validation: viewValidation(ev, checksFirst(req.Rows))}
	for _, m := range ev.Mismatches() {
		ans.Hierarchy = append(ans.Hierarchy, mismatchView{FigureMismatch: m, Text: view.OfMismatch(m)})
	}
	if ys := s.file.series; len(ys) > 1 {
		ans.Years = ys.Years()
		if ans.Trends, err = s.trendLines(ys, indicators.Options{ParentFigures: req.ParentFigures}); err != nil {
			return nil, err
		}
	}

	inds := s.cat.Indicators()
	used := schoolColumns(ev, d, inds)
	var cols []plan.Indicator
	for k, ind := range inds {
		if used[k] {
			cols = append(cols, ind)
			ans.Columns = append(ans.Columns, column{ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Nature: s.cat.NatureOf(ind.ID)})
		}
	}
	table := &schoolTable{ev: ev, data: d, cols: cols}
	for i, u := range d.Units {
		if u.Level == org.School {
			table.units = append(table.units, i)
			continue
		}
		ur := ev.UnitReport(i, indicators.Options{})
		uv := viewUnit(ur)
		ans.Parents = append(ans.Parents, uv)
		for _, r := range uv.Results {
			if len(r.Aggregates) > 0 {
				ans.Checks = append(ans.Checks, check{Unit: u, Result: r})
			}
		}
	}
	s.table = table
	ans.SchoolCount = len(table.units)
	ans.Schools = table.rows(0, req.Rows)
	return ans, nil
}

// checksFirst is how many validation checks assessFile sends: as many as
// the schools' rows asked for (the page draws the first of both at once),
// all it lists when those are all.
func checksFirst(rows int) int {
	if rows > 0 {
		return rows
	}
	return maxChecks
}

// evaluation is the imported file evaluated with the parents' figures
// chosen: the import's own when it took the same.
func (s *Session) evaluation(pf indicators.ParentFigures) (*indicators.Evaluation, error) {
	if ev := s.file.ev; ev != nil {
		if p, err := indicators.ParseParentFigures(string(pf)); err == nil && p == ev.Parent() {
			return ev, nil
		}
	}
	return s.cat.EvaluateWith(s.file.data, indicators.Options{ParentFigures: pf})
}

// schoolColumns marks the indicators that concern some school of d (a
// status other than not applicable): the columns of the schools table.
// An indicator is not applicable to every unit outside its scope, so
// only the schools of a kind in its scope are looked at, and the first
// such school with a status usually settles it: 10,000 schools times 53
// indicators of lookups took a tenth of the assessment.
func schoolColumns(ev *indicators.Evaluation, d *dataset.Dataset, inds []plan.Indicator) []bool {
	// kinds are the schools' kinds, kindOf each unit's place in it (-1
	// for a unit above the schools).
	var kinds []org.Kind
	kindOf := make([]int, len(d.Units))
	for i, u := range d.Units {
		kindOf[i] = -1
		if u.Level != org.School {
			continue
		}
		k := slices.Index(kinds, u.Kind)
		if k < 0 {
			k = len(kinds)
			kinds = append(kinds, u.Kind)
		}
		kindOf[i] = k
	}
	used := make([]bool, len(inds))
	applies := make([]bool, len(kinds))
	for k, ind := range inds {
		any := false
		for c, kind := range kinds {
			applies[c] = ind.AppliesTo.Applies(org.School, kind)
			any = any || applies[c]
		}
		if !any {
			continue
		}
		for i, c := range kindOf {
			if c < 0 || !applies[c] {
				continue
			}
			if st, _ := ev.Status(ind.ID, i); st != indicators.NotApplicable {
				used[k] = true
				break
			}
		}
	}
	return used
}

// schoolTable is the schools × indicators table of the last file assessed,
// kept so that the page asks for its rows as it draws them (fileSchools).
type schoolTable struct {
	ev   *indicators.Evaluation
	data *dataset.Dataset
	cols []plan.Indicator
	// units are the indices in data of the schools, in the file's order.
	units []int
}

// rows are the table's rows from offset, at most limit of them (all when
// limit is 0 or less).
func (t *schoolTable) rows(offset, limit int) []schoolRow {
	offset = min(max(offset, 0), len(t.units))
	end := len(t.units)
	if limit > 0 {
		end = min(end, offset+limit)
	}
	out := make([]schoolRow, 0, end-offset)
	for _, i := range t.units[offset:end] {
		out = append(out, t.row(i))
	}
	return out
}

func (t *schoolTable) row(i int) schoolRow {
	ev, u := t.ev, t.data.Units[i]
	row := schoolRow{Unit: u, KindName: kindName(u.Kind), Counts: ev.Counts(i), Reference: ev.ReferenceCounts(i).Total(), Cells: make([]*cell, len(t.cols))}
	if p, ok := t.data.Unit(u.Parent); ok {
		row.ParentName = p.Name
	}
	for k, ind := range t.cols {
		st, _ := ev.Status(ind.ID, i)
		if st == indicators.NotApplicable {
			continue
		}
		c := &cell{Status: st}
		if res, ok := ev.Outcome(ind.ID, i); ok {
			c.ValueText = view.ValueOf(res)
			if res.Reference {
				st := view.StatusOf(res)
				c.Reference, c.StatusText = true, &st
			}
		}
		row.Cells[k] = c
	}
	return row
}

type schoolsAnswer struct {
	Offset  int         `json:"offset"`
	Total   int         `json:"total"`
	Schools []schoolRow `json:"schools"`
}

// assessedRequest reads the request for more rows of the file last
// assessed (fileSchools, fileChecks), which there must be.
func (s *Session) assessedRequest(arg string) (unitRequest, error) {
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return req, err
	}
	if s.table == nil || s.file == nil || s.table.data != s.file.data {
		return req, msg.New(bi("还没有评估数据文件", "no data file has been assessed"))
	}
	return req, nil
}

// fileSchools gives rows of the schools × indicators table of the file
// last assessed (assessFile), from Offset, at most Rows of them.
func (s *Session) fileSchools(arg string) (any, error) {
	req, err := s.assessedRequest(arg)
	if err != nil {
		return nil, err
	}
	return schoolsAnswer{Offset: req.Offset, Total: len(s.table.units), Schools: s.table.rows(req.Offset, req.Rows)}, nil
}
