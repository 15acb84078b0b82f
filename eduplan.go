// Package eduplan is the front door to the library: open a plan, read a
// year's figures, assess them, and write the report.
//
//	eng, err := eduplan.Default()              // the embedded Zhenjiang 2017 plan
//	data, err := eng.ReadFile("2017.csv")      // CSV (UTF-8 or GBK), JSON or .xlsx
//	rep, err := eng.Assess(data, eduplan.All())
//	err = eduplan.Write(os.Stdout, rep, eduplan.Table, "zh")
//
// An Engine compiles every formula and target of a plan once and assesses
// any number of datasets with them; it is safe for concurrent use. What it
// returns are the library's own types, so a program that needs more goes on
// with the packages below:
//
//	plan        the plan document: goals, tasks, task book, metrics, indicators
//	indicators  the assessment: catalogue, evaluation, report
//	indicators/dataset   figures of a hierarchy of units, read from CSV or JSON
//	indicators/dataset/xlsx  the same from Excel workbooks; templates and reports for Excel
//	indicators/reportfmt report writers and failure policies for CI
//	msg, org    bilingual texts and errors; levels and kinds of unit
package eduplan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// Engine is a plan compiled for assessment.
type Engine struct {
	plan    *plan.Plan
	cat     *indicators.Catalog
	builtin bool
}

// Default opens the plan embedded in the library, the Zhenjiang Education
// Bureau's 2017 work priorities.
func Default() (*Engine, error) {
	p, err := seeds.Default()
	if err != nil {
		return nil, msg.Wrap(err, "内置计划无法载入", "the embedded plan does not load")
	}
	e, err := New(p)
	if e != nil {
		e.builtin = true
	}
	return e, err
}

// Open opens a plan file. A plan that is not valid gives a msg.Problems
// listing every problem, each with the file name and its JSON path or
// line:column.
func Open(path string) (*Engine, error) {
	p, err := plan.LoadFile(path)
	if err != nil {
		return nil, err
	}
	return New(p)
}

// Parse opens a plan from the bytes of a plan file.
func Parse(doc []byte) (*Engine, error) {
	p, err := plan.Parse(doc)
	if err != nil {
		return nil, err
	}
	return New(p)
}

// New compiles a plan built or changed in Go. It validates the plan first,
// as Open does for a file.
func New(p *plan.Plan) (*Engine, error) {
	if p == nil {
		return nil, msg.Errorf("没有计划", "no plan")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		return nil, err
	}
	return &Engine{plan: p, cat: cat}, nil
}

// Plan is the plan the engine assesses against. It must not be changed;
// to assess against a changed plan, make a new engine with New.
func (e *Engine) Plan() *plan.Plan { return e.plan }

// Catalog is the plan's compiled metrics and indicators.
func (e *Engine) Catalog() *indicators.Catalog { return e.cat }

// Read reads a data file: CSV in any encoding Chinese Excel writes (UTF-8
// with or without a byte order mark, GBK/GB18030, UTF-16), JSON, or an
// Excel workbook (.xlsx, from Excel or WPS), whose first visible sheet it reads.
// What the bytes are decides, not the name. name is what errors call the
// input ("2017.csv"). Figures of a file without a year are taken to be of
// the plan's year. Every rejected cell is reported at once, as a
// dataset.Errors; a workbook's errors name the sheet and the cell.
func (e *Engine) Read(r io.Reader, name string) (*dataset.Dataset, error) {
	return e.ReadSheet(r, name, "")
}

// ReadSheet reads a data file as Read does, and of a workbook the sheet
// named (the first when sheet is empty). A sheet named for a file that is
// not a workbook is an error rather than ignored.
func (e *Engine) ReadSheet(r io.Reader, name, sheet string) (*dataset.Dataset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	opt := dataset.Options{File: name, Year: e.plan.Year, Plan: e.plan.ID, Levels: e.plan.Levels}
	if xlsx.IsWorkbook(b) || xlsx.IsProtectedWorkbook(b, name) {
		opt.Sheet = sheet
		return xlsx.Read(bytes.NewReader(b), e.cat.Fields(), opt)
	}
	if sheet != "" {
		return nil, dataset.Errors{{File: name, Reason: msg.T(
			"只有 Excel 工作簿（.xlsx）才有工作表，这个文件不是，不能指定工作表“"+sheet+"”",
			"only an Excel workbook (.xlsx) has sheets, and this file is not one: no sheet "+strconv.Quote(sheet)+" to read")}}
	}
	return dataset.Read(bytes.NewReader(b), e.cat.Fields(), opt)
}

// ReadFile reads a data file from disk, as Read.
func (e *Engine) ReadFile(path string) (*dataset.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return e.Read(f, path)
}

// Sample is the synthetic year of figures that comes with the embedded
// plan (see seeds/README.md). Only the engine of the embedded plan has one.
func (e *Engine) Sample() (*dataset.Dataset, error) {
	if !e.builtin {
		return nil, msg.Errorf("只有内置计划附带样例数据", "only the embedded plan comes with sample figures")
	}
	return e.Read(bytes.NewReader(seeds.SampleData()), "sample2017.json")
}

// Selection narrows an assessment to some units; see All and Units.
type Selection = indicators.Options

// All selects every unit of the data.
func All() Selection { return Selection{} }

// Units selects the units named (by id, or by a name only one unit has) and
// every unit below them.
func Units(idsOrNames ...string) Selection { return Selection{Units: idsOrNames} }

// ParentFigures chooses, where a parent unit (a district, the city)
// reports a figure its units' figures sum to something else, which one an
// assessment uses: set Selection.ParentFigures.
//
//	sel := eduplan.All()
//	sel.ParentFigures = eduplan.ParentSum
type ParentFigures = indicators.ParentFigures

// Choices of parent figures.
const (
	// ParentOwn uses the parent's own figure: the default.
	ParentOwn = indicators.ParentOwn
	// ParentSum uses the sum of its units' figures.
	ParentSum = indicators.ParentSum
)

// Assess assesses every selected unit of d against the plan: each indicator
// that concerns the unit is met, not met, lacks data or cannot be computed,
// with value, target, gap and inputs. When d was read from a file (Read),
// the report carries the file's data-quality summary (Catalog.Quality) in
// Report.DataQuality.
// with value, target, gap and inputs.
// Where a parent's own figure differs from its units' sum, the report lists
// both, the difference and the one used (Report.Hierarchy;
// Selection.ParentFigures chooses), and each result that used it says so.
func (e *Engine) Assess(d *dataset.Dataset, sel Selection) (*indicators.Report, error) {
	if d == nil {
		return nil, msg.Errorf("没有数据", "no data")
	}
	ev, err := e.cat.EvaluateWith(d, sel)
	if err != nil {
		return nil, err
	}
	rep, err := ev.Report(sel)
	if err != nil {
		return nil, err
	}
	rep.Plan = e.plan.ID
	if d.Source.Encoding != "" {
		// Figures read from a file: say how complete the file is, the
		// rules broken counted from this evaluation, not a second one.
		rep.DataQuality = e.cat.QualityWith(d, ev)
	}
	return rep, nil
}

// Format is a way of writing a report.
type Format string

// Formats.
const (
	Table    Format = "table"    // aligned text for a terminal
	JSON     Format = "json"     // the whole report, compact, readable again with indicators.ReadReport
	JSONL    Format = "jsonl"    // JSON Lines: one self-contained result a line, for pipelines
	CSV      Format = "csv"      // one row per unit and indicator, for Excel
	Markdown Format = "markdown" // for a CI summary or a wiki
	JUnit    Format = "junit"    // JUnit XML: binding targets not met are failures
	XLSX     Format = "xlsx"     // an Excel workbook with the columns and texts of CSV
)

// Formats lists every format, in the order help texts show them.
func Formats() []Format { return []Format{Table, JSON, JSONL, CSV, Markdown, JUnit, XLSX} }

// ParseFormat reads a format's name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", msg.Errorf("未知的输出格式 %q，应为 table、json、jsonl、csv、markdown、junit 或 xlsx",
		"unknown format %q: use table, json, jsonl, csv, markdown, junit or xlsx", s)
}

// Write writes a report in a format, its texts in lang ("zh" or "en").
// Every face of eduplan (the command line, the page, eduplantest) shows a
// result with the same texts. Each format is written as it is produced,
// not built whole first; indicators.Report.WriteJSONIndent writes the JSON
// indented for reading.
func Write(w io.Writer, r *indicators.Report, f Format, lang string) error {
	if r == nil {
		return errors.New("eduplan: Write: nil report")
	}
	switch f {
	case Table:
		return reportfmt.WriteTable(w, r, lang)
	case JSON:
		return r.WriteJSON(w)
	case JSONL:
		return reportfmt.WriteJSONLines(w, r)
	case CSV:
		return view.WriteCSV(w, r, lang)
	case Markdown:
		return reportfmt.WriteMarkdown(w, r, lang)
	case JUnit:
		return reportfmt.WriteJUnit(w, r, reportfmt.JUnitOptions{Lang: lang})
	case XLSX:
		return xlsx.WriteReport(w, r, lang)
	}
	_, err := ParseFormat(string(f))
	return fmt.Errorf("eduplan: Write: %w", err)
}

// Missed lists the binding targets not met in a report, one line each in
// lang: what a CI step fails on.
func Missed(r *indicators.Report, lang string) []string {
	var out []string
	for _, f := range reportfmt.Failures(r, reportfmt.FailBinding) {
		out = append(out, f.Message(lang))
	}
	return out
}
