package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// sampleName is how messages name the embedded sample year.
const sampleName = "<sample>"

// loaded is a plan with its compiled catalogue.
type loaded struct {
	plan *plan.Plan
	cat  *indicators.Catalog
	// file is the plan file, or "" for the embedded seed.
	file string
}

// loadPlan loads --plan FILE, or the embedded seed plan when path is empty,
// and compiles its indicators. On failure it has reported the problems and
// returns the exit status.
func (e *env) loadPlan(cmd, path string) (*loaded, int) {
	var p *plan.Plan
	var err error
	if path == "" {
		p, err = seeds.Default()
		if err != nil {
			return nil, e.inputError(cmd, e.t("内置计划无法载入：", "the embedded plan does not load: ")+e.say(err),
				e.t("这是程序的缺陷，请报告；可先用 --plan 指定计划文件。", "this is a bug in eduplan: please report it; meanwhile use --plan FILE."))
		}
	} else {
		p, err = plan.LoadFile(path)
		if err != nil {
			return nil, e.planProblems(cmd, path, err)
		}
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		if path == "" {
			return nil, e.inputError(cmd, e.t("内置计划的指标无法编译：", "the embedded plan's indicators do not compile: ")+e.say(err),
				e.t("这是程序的缺陷，请报告。", "this is a bug in eduplan: please report it."))
		}
		return nil, e.planProblems(cmd, path, prefixProblems(path, err))
	}
	return &loaded{plan: p, cat: cat, file: path}, 0
}

// prefixProblems puts the file name in front of each problem's path, as
// plan.LoadFile does, for problems found after loading.
func prefixProblems(file string, err error) error {
	var ps msg.Problems
	if !errors.As(err, &ps) {
		return msg.Wrap(err, file, file)
	}
	out := make(msg.Problems, len(ps))
	for i, p := range ps {
		out[i] = p
		if p.Path == "" {
			out[i].Path = file
		} else {
			out[i].Path = file + ": " + p.Path
		}
	}
	return out
}

// planProblems reports every problem of a plan file.
func (e *env) planProblems(cmd, path string, err error) int {
	var ps msg.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
			fmt.Sprintf("计划文件 %s 有 %d 个问题：", path, len(ps)),
			fmt.Sprintf("the plan file %s has %d problem(s):", path, len(ps))))
		for _, p := range ps {
			fmt.Fprintf(e.stderr, "  %s\n", p.In(e.lang))
		}
		fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), e.t(
			"按上面的路径（如 indicators[2].target）改正计划文件；eduplan lint "+path+" 可单独检查计划。",
			"correct the plan file at the paths above (such as indicators[2].target); eduplan lint "+path+" checks the plan alone."))
		return exitUsage
	}
	return e.inputError(cmd, e.say(err), e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
}

// statusProblems reports what is wrong in a status file: it is not a
// plan, and lint does not read it.
func (e *env) statusProblems(cmd, path string, err error) int {
	var ps msg.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
			fmt.Sprintf("状态文件 %s 有 %d 个问题：", path, len(ps)),
			fmt.Sprintf("the status file %s has %d problem(s):", path, len(ps))))
		for _, p := range ps {
			fmt.Fprintf(e.stderr, "  %s\n", p.In(e.lang))
		}
		fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), e.t(
			"按上面的路径（如 statuses[0].date）改正状态文件（格式 eduplan.status/v1）；eduplan tasks --set 可代为写入状态。",
			"correct the status file (format eduplan.status/v1) at the paths above (such as statuses[0].date); eduplan tasks --set writes statuses for you."))
		return exitUsage
	}
	return e.inputError(cmd, e.say(err), e.t("确认状态文件路径正确、文件可读。", "check that the status file's path is right and the file readable."))
}

// dataSource names where the figures come from.
type dataSource struct {
	path   string // a file, "-" for standard input
	sample bool   // the embedded sample year
	// maxBytes bounds the file's size (--max-bytes); 0 is
	// dataset.MaxFileSize.
	maxBytes int64
	// sheet is the sheet to read of an Excel workbook; "" for the first.
	sheet string
}

func (s dataSource) name() string {
	switch {
	case s.sample:
		return sampleName
	case s.path == "-":
		return "<stdin>"
	}
	return s.path
}

// loadData reads the figures with the catalogue's fields. year is used when
// the file states none; a file that states another year than --year is an
// error rather than a silent relabelling.
func (e *env) loadData(cmd string, src dataSource, l *loaded, year int, yearSet bool) (*dataset.Dataset, int) {
	return e.loadDataYears(cmd, src, l, year, yearSet, nil)
}

// loadDataYears is loadData that, given years, reads a file of several
// years too: the series goes to *years and the year assessed (--year, else
// the last) is returned.
func (e *env) loadDataYears(cmd string, src dataSource, l *loaded, year int, yearSet bool, years *dataset.Series) (*dataset.Dataset, int) {
	var r io.Reader
	switch {
	case src.sample:
		r = bytes.NewReader(seeds.SampleData())
	case src.path == "-":
		r = e.stdin
	default:
		f, err := os.Open(src.path)
		if err != nil {
			return nil, e.inputError(cmd, e.t("无法打开数据文件：", "cannot open the data file: ")+e.say(err),
				e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			// Reading a folder fails with the system's English alone.
			return nil, e.inputError(cmd, e.t("数据文件 "+src.path+" 是一个文件夹", "the data file "+src.path+" is a folder"),
				e.t("请给出其中的数据文件，如 "+filepath.Join(src.path, "data.csv")+"（CSV、JSON 或 .xlsx）。",
					"give a data file in it, such as "+filepath.Join(src.path, "data.csv")+" (CSV, JSON or .xlsx)."))
		}
		r = f
		// Reading is one call with no count to show; on a terminal a
		// large file at least says what is happening.
		if st, err := f.Stat(); err == nil && e.terminal && st.Size() >= 4<<20 {
			fmt.Fprintf(e.stderr, "\r\033[K%s", e.t(fmt.Sprintf("读取 %s（%d MB）……", src.path, st.Size()>>20), fmt.Sprintf("reading %s (%d MB)…", src.path, st.Size()>>20)))
			defer fmt.Fprint(e.stderr, "\r\033[K")
		}
	}
	fallback := year
	if !yearSet {
		fallback = l.plan.Year
	}
	max := src.maxBytes
	if max <= 0 {
		max = dataset.MaxFileSize
	}
	opt := dataset.Options{File: src.name(), Year: fallback, Sheet: src.sheet, Plan: l.plan.ID, Levels: l.plan.Levels}
	ds, book, raw, err := readData(r, l.cat.Fields(), opt, max)
	if err != nil {
		var errs dataset.Errors
		if years != nil && dataset.SeveralYears(err) {
			return e.readYears(cmd, raw, l, opt, year, yearSet, years)
		}
		if errors.As(err, &errs) && len(errs) == 1 && errs[0].Row == 0 {
			// The file as a whole (its encoding, its size, not text at
			// all): there is no cell to correct.
			return nil, e.inputError(cmd, errs[0].In(e.lang),
				e.t("确认给出的是 CSV 或 JSON 数据文件（Excel 中“另存为”CSV UTF-8）。", "check that the file is a CSV or JSON data file (in Excel, \"Save as\" CSV UTF-8)."))
		}
		if errors.As(err, &errs) {
			fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
				fmt.Sprintf("数据文件 %s 有 %d 处错误，未做评估：", src.name(), len(errs)),
				fmt.Sprintf("the data file %s has %d error(s); nothing was assessed:", src.name(), len(errs))))
			for _, ce := range errs {
				fmt.Fprintf(e.stderr, "  %s\n", ce.In(e.lang))
			}
			where := e.t("按上面的行号和列", "correct the cells at the lines and columns above")
			if book {
				where = e.t("按上面的工作表和单元格", "correct the cells of the sheet named above")
			}
			if dataset.SeveralYears(errs) {
				fmt.Fprintf(e.stderr, "%s\n", e.t("文件含有多个年份的数据：eduplan check 和 eduplan progress 可评估多年的数据。",
					"the file holds figures of several years: eduplan check and eduplan progress assess several years."))
			}
			fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), where+e.t(
				"改正这些单元格后重新运行；缺失的数据请留空或填“--”，不要填 0。eduplan template 可生成填报模板。",
				" and run again; leave a missing figure empty or write \"--\", never 0. eduplan template writes a data-entry template."))
			return nil, exitUsage
		}
		return nil, e.inputError(cmd, src.name()+": "+e.say(err), e.t("确认文件是 CSV、JSON 或 Excel 工作簿（.xlsx）数据文件。", "check that the file is a CSV, JSON or Excel workbook (.xlsx) data file."))
	}
	if w, n := ds.Source.Warnings, ds.Source.WarningCount(); n > 0 {
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
			fmt.Sprintf("注意：数据文件 %s 有 %d 处可能填错的数据（已按原样读取）：", src.name(), n),
			fmt.Sprintf("note: the data file %s has %d figure(s) that look mistyped (read as written):", src.name(), n)))
		for _, ce := range w {
			fmt.Fprintf(e.stderr, "  %s\n", ce.In(e.lang))
		}
		if more := ds.Source.MoreWarnings; more > 0 {
			fmt.Fprintf(e.stderr, "  %s\n", e.t(fmt.Sprintf("……另有 %d 处未列出", more), fmt.Sprintf("… and %d more not listed", more)))
		}
	}
	if yearSet && ds.Year != year {
		return nil, e.inputError(cmd, e.t(
			fmt.Sprintf("数据文件 %s 是 %d 年的数据，而 --year 是 %d", src.name(), ds.Year, year),
			fmt.Sprintf("the data file %s holds figures for %d, but --year is %d", src.name(), ds.Year, year)),
			e.t("改正 --year，或改正文件中的年份。", "correct --year, or the year in the file."))
	}
	if ds.Year != 0 && l.plan.Year != 0 && ds.Year != l.plan.Year {
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
			fmt.Sprintf("注意：数据是 %d 年的，计划是 %d 年的；按该计划的目标评估。", ds.Year, l.plan.Year),
			fmt.Sprintf("note: the figures are for %d and the plan for %d; assessing against that plan's targets.", ds.Year, l.plan.Year)))
	}
	return ds, 0
}

// knownUnits lists some unit ids of a dataset for an error message.
func knownUnits(ds *dataset.Dataset, max int) string {
	var ids []string
	for i, u := range ds.Units {
		if i == max {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, u.ID)
	}
	return strings.Join(ids, ", ")
}

// readData reads figures from CSV, JSON or an Excel workbook: the bytes
// decide, not the name, so a workbook saved under a .csv name still reads.
// It says whether the input was a workbook. A sheet named for a file that
// is not a workbook is an error.
//
// It returns the bytes read too, so that a file refused for holding
// several years can be read again as a series without reading its source
// twice (standard input cannot be).
func readData(r io.Reader, fields []dataset.Field, opt dataset.Options, max int64) (*dataset.Dataset, bool, []byte, error) {
	b, err := dataset.ReadLimited(r, opt.File, max)
	if err != nil {
		return nil, false, nil, err
	}
	if xlsx.IsWorkbook(b) || xlsx.IsProtectedWorkbook(b, opt.File) {
		ds, err := xlsx.Read(bytes.NewReader(b), fields, opt)
		return ds, true, b, err
	}
	if opt.Sheet != "" {
		return nil, false, b, dataset.Errors{{File: opt.File, Reason: msg.T(
			"--sheet 只用于 Excel 工作簿（.xlsx），这个文件不是工作簿",
			"--sheet is for Excel workbooks (.xlsx), and this file is not one")}}
	}
	ds, err := dataset.ReadMax(bytes.NewReader(b), fields, opt, max)
	return ds, false, b, err
}
