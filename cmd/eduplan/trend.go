package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
)

var progressHelp = cmdHelp{
	usage: "eduplan progress [flags] DATA...",
	about: [2]string{
		`按多年规划评估几年的数据：逐年评估，并对每个单位的每个指标给出基期值、当年数值、
比上年的变化、当年目标（阶段目标，或目标年份的目标）、完成度和进度状态。
DATA 可以是带“年份”列、含多个年份的 CSV 文件或 Excel 工作簿（第一个可见的工作表），由多份数据组成的 JSON 数组，
或每年一个文件（文件未写年份时，以文件名开头的四位数字为年份，如 2021.csv）。
完成度 =（当年数值 − 基期值）÷（目标值 − 基期值），可超过 100% 或为负；
进度状态按 Open SDG 的方法计算：已达目标，否则比较实际年均增长率与所需年均增长率，
比值 ≥ 0.95 为进度正常，≥ 0.6 为进度偏慢，≥ 0 为进展有限，< 0 为出现倒退。
计划未给基期值时，以单位在数据中最早一年的数值为基期。`,
		`Assess several years' figures against a multi-year plan: each year as check does, and
for each unit and indicator the baseline, the year's value, the change since the year
before, the year's target (a milestone, or the target in its target year), completion and
progress status. DATA is a CSV file or an Excel workbook (its first visible sheet) with a
year column (年份, year) and rows of several years, a JSON array of data documents, or one file per year (a file that states no year
takes it from the four digits its name starts with, as in 2021.csv).
Completion = (value − baseline) / (target − baseline), which may pass 100% or be negative;
the status follows Open SDG: target achieved, else the observed compound annual growth
rate over the required one, on track at 0.95 or more, moderate from 0.6, limited from 0,
moved away below. Where the plan gives no baseline, a unit's first value in the data is
taken as one.`,
	},
	examples: []example{
		{"eduplan progress --plan examples/fourteenth/plan.json examples/fourteenth/data.csv", "示例县“十四五”指标 2020–2023 年的进度", "the example county's 14th Five-Year indicators, 2020–2023"},
		{"eduplan progress --plan plan.json --format csv -o progress.csv 2021.csv 2022.csv 2023.csv", "每年一个文件，结果写成 CSV", "one file per year, the result as CSV"},
		{"eduplan progress --plan plan.json --unit s1 data.csv", "只看一所学校的各年进度", "one school's progress year by year"},
		{"eduplan progress --plan plan.json --fell-back data.csv", "最后一年比上年退步的单位", "the units that fell back in the last year"},
	},
}

var progressFormats = []string{"table", "json", "csv", "markdown"}

func runProgress(e *env, args []string) int {
	fs := e.newFlags("progress")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	var units listFlag
	fs.Var(&units, "unit", e.t("只报告这些单位及其下属单位（编号或名称，可重复或用逗号分隔）", "report only these units and their descendants (ids or names; repeat or separate with commas)"))
	format := fs.String("format", "", e.t("输出格式：table、json、csv、markdown；默认按 -o 的扩展名，否则 table", "output format: table, json, csv, markdown; by default from the -o extension, else table"))
	out := fs.String("o", "", e.t("写入文件（整体写入：先写临时文件再改名）；默认标准输出", "write to this file (whole or not at all: a temporary file renamed into place); standard output by default"))
	fellBack := fs.Bool("fell-back", false, e.t("只列出最后一年比上年退步（离目标更远）且尚未达标的单位和指标", "list only the units and indicators that moved away from their target since the year before, in the last year, and have not reached it"))
	pos, code, done := e.parse(fs, progressHelp, args)
	if done {
		return code
	}
	if len(pos) == 0 {
		return e.usageError("progress", e.t("缺少数据文件：请给出一个多年的数据文件，或每年一个文件", "no data file given: give a file of several years, or one file per year"))
	}
	f := *format
	if f == "" {
		f = formatFromExt(*out)
	}
	if !contains(progressFormats, f) {
		return e.usageError("progress", e.t(
			fmt.Sprintf("--format 应为 %s 之一，而不是 %q", strings.Join(progressFormats, "、"), f),
			fmt.Sprintf("--format must be one of %s, not %q", strings.Join(progressFormats, ", "), f)))
	}
	if c := e.checkOutput("progress", *out, append([]string{*planFile}, pos...)...); c != 0 {
		return c
	}
	l, code := e.loadPlan("progress", *planFile)
	if l == nil {
		return code
	}
	var parts []dataset.Series
	for _, path := range pos {
		s, code := e.loadSeries(l, path)
		if s == nil {
			return code
		}
		parts = append(parts, s)
	}
	s, err := dataset.Merge(parts...)
	if err != nil {
		return e.seriesErrors("progress", "", err)
	}
	rep, err := trend.Assess(l.cat, l.plan, s, indicators.Options{Units: units})
	if err != nil {
		return e.inputError("progress", e.say(err), "")
	}
	if *fellBack {
		rep = rep.FellBack()
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(e.stderr, "eduplan progress: %s%s\n", e.t("注意：", "note: "), w.In(e.lang))
	}
	var b bytes.Buffer
	switch f {
	case "table":
		err = reportfmt.WriteTrendTable(&b, rep, e.lang)
	case "markdown":
		err = reportfmt.WriteTrendMarkdown(&b, rep, e.lang)
	case "csv":
		err = view.WriteTrendCSV(&b, rep, e.lang)
	case "json":
		err = writeJSON(&b, rep)
	}
	if err != nil {
		return e.inputError("progress", e.say(err), "")
	}
	return e.emit("progress", *out, b.Bytes())
}

// leadingYear is the year a data file's name may start with: 2021.csv,
// 2021年.csv, 2021-schools.json.
var leadingYear = regexp.MustCompile(`^(\d{4})(?:\D|$)`)

// loadSeries reads one data file of one or several years. On failure it
// has reported the problems and returns the exit status.
func (e *env) loadSeries(l *loaded, path string) (dataset.Series, int) {
	opt := dataset.Options{File: path, Levels: l.plan.Levels}
	if m := leadingYear.FindStringSubmatch(filepath.Base(path)); m != nil {
		opt.Year, _ = strconv.Atoi(m[1])
	}
	var r io.Reader = e.stdin
	if path == "-" {
		opt.File = "<stdin>"
	} else {
		fh, oerr := os.Open(path)
		if oerr != nil {
			return nil, e.inputError("progress", e.t("无法打开数据文件：", "cannot open the data file: ")+e.say(oerr),
				e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
		}
		defer fh.Close()
		r = fh
	}
	s, err := readSeries(r, l.cat.Fields(), opt)
	if err != nil {
		return nil, e.seriesErrors("progress", opt.File, err)
	}
	e.seriesWarnings("progress", opt.File, s)
	return s, 0
}

// seriesWarnings lists the figures of each year that look mistyped.
func (e *env) seriesWarnings(cmd, file string, s dataset.Series) {
	for _, d := range s {
		if n := d.Source.WarningCount(); n > 0 {
			fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
				fmt.Sprintf("注意：数据文件 %s 的 %d 年数据有 %d 处可能填错的数据（已按原样读取）：", file, d.Year, n),
				fmt.Sprintf("note: the %d figures of %s have %d figure(s) that look mistyped (read as written):", d.Year, file, n)))
			for _, ce := range d.Source.Warnings {
				fmt.Fprintf(e.stderr, "  %s\n", ce.In(e.lang))
			}
		}
	}
}

// seriesErrors reports what is wrong with the data files: every cell
// listed, or the one thing wrong with a file as a whole.
func (e *env) seriesErrors(cmd, file string, err error) int {
	var errs dataset.Errors
	if !errors.As(err, &errs) {
		return e.inputError(cmd, file+": "+e.say(err), e.t("确认文件是 CSV 或 JSON 数据文件。", "check that the file is a CSV or JSON data file."))
	}
	if len(errs) == 1 && errs[0].Row == 0 {
		return e.inputError(cmd, errs[0].In(e.lang),
			e.t("每年的数据只给一次；文件须写明年份（“年份”列或 JSON 的 \"year\"），或以年份开头命名，如 2021.csv。",
				"give each year's figures once; a file must state its year (a year column, \"year\" in JSON) or have a name starting with it, such as 2021.csv."))
	}
	fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
		fmt.Sprintf("数据文件 %s 有 %d 处错误，未做评估：", file, len(errs)),
		fmt.Sprintf("the data file %s has %d error(s); nothing was assessed:", file, len(errs))))
	for _, ce := range errs {
		fmt.Fprintf(e.stderr, "  %s\n", ce.In(e.lang))
	}
	fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), e.t(
		"按上面的行号和列改正这些单元格后重新运行；缺失的数据请留空或填“--”，不要填 0。",
		"correct the cells at the lines and columns above and run again; leave a missing figure empty or write \"--\", never 0."))
	return exitUsage
}

// readSeries reads a data file of one or several years: an Excel workbook
// (its first visible sheet) or text (dataset.ReadSeries); the bytes decide.
func readSeries(r io.Reader, fields []dataset.Field, opt dataset.Options) (dataset.Series, error) {
	b, err := dataset.ReadLimited(r, opt.File, dataset.MaxFileSize)
	if err != nil {
		return nil, err
	}
	if xlsx.IsWorkbook(b) || xlsx.IsProtectedWorkbook(b, opt.File) {
		name, rows, err := xlsx.ReadSheet(bytes.NewReader(b), opt.Sheet)
		if err != nil {
			return nil, dataset.Errors{{File: opt.File, Reason: msg.T(msg.In(err, "zh"), msg.In(err, "en"))}}
		}
		opt.Sheet = name
		return dataset.ReadCellsSeries(rows, fields, opt)
	}
	return dataset.ReadSeries(bytes.NewReader(b), fields, opt)
}
