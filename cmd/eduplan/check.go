package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
)

var checkHelp = cmdHelp{
	usage: "eduplan check [flags] DATA | eduplan check [flags] --sample",
	about: [2]string{
		`按计划评估一年的数据：每个单位的每个适用指标是达标、未达标、缺数据还是无法计算，
附数值、目标和差距。DATA 是 CSV 或 JSON 数据文件（UTF-8、带 BOM 或 GBK 均可），
或 Excel/WPS 工作簿（.xlsx，读第一个可见的工作表，--sheet 指定其他工作表；百分比格式的
单元格按百分数读取），"-" 表示标准输入；--sample 评估内置的样例年度（虚构数据）。
计划默认为内置的镇江市教育局2017年工作要点，--plan 指定其他计划文件。
上级单位的比率由下属单位的分子、分母分别加总后重新计算，不取平均。`,
		`Assess a year's figures against the plan: for each unit, each applicable indicator is
met, not met, missing data or not computable, with value, target and gap. DATA is a CSV or
JSON data file (UTF-8, with or without BOM, or GBK) or an Excel/WPS workbook (.xlsx: the
first visible sheet, or the one --sheet names; percent-formatted cells read as percents);
"-" reads standard input; --sample assesses the embedded sample year (synthetic figures).
The plan is the embedded Zhenjiang 2017 plan unless --plan names a plan file. A parent unit's rates are recomputed from its
children's summed numerators and denominators, never averaged.`,
	},
	sections: [][2]string{
		{`退出状态：
  0  全部约束性目标达标（按 --fail-on）
  1  有目标未达标（--fail-on binding：约束性；any：任何；none：从不）
  2  输入或参数有误（文件、单元格、计划问题会逐一列出）
缺数据、无法计算不算未达标，但会在报告中列出。`,
			`Exit status:
  0  every binding target met (as --fail-on says)
  1  a target not met (--fail-on binding: a binding one; any: any; none: never)
  2  bad input or usage (every bad file, cell or plan problem is listed)
Missing data and not computable are not failures, but the report lists them.`},
	},
	examples: []example{
		{"eduplan check --sample", "评估内置样例年度，中文表格", "assess the embedded sample year, as a table in Chinese"},
		{"eduplan check --sample --problems", "只看需要关注的结果", "only the results that need attention"},
		{"eduplan check --sample --lang en --unit d-jingkou", "只看京口区及其下属学校，英文", "only the district d-jingkou and its schools, in English"},
		{"eduplan check --format junit -o report.xml data.csv", "CI 用：JUnit XML，每个指标一个测试用例", "for CI: JUnit XML, one test case per indicator"},
		{"eduplan check --plan myplan.json --fail-on any --format csv -o result.csv data.csv", "自定义计划；任何目标未达标都返回 1", "a custom plan; any target not met exits 1"},
		{"eduplan check --sheet data -o results.xlsx 2017.xlsx", "读 Excel 工作簿中名为 data 的工作表，结果写成 Excel 工作簿", "read the sheet named data of a workbook and write the results as a workbook"},
	},
}

// formats maps --format values, and -o extensions when --format is not
// given, to writers.
var formats = []string{"table", "json", "csv", "markdown", "junit", "xlsx"}

func formatFromExt(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "markdown"
	case ".xml":
		return "junit"
	case ".xlsx":
		return "xlsx"
	}
	return "table"
}

func runCheck(e *env, args []string) int {
	fs := e.newFlags("check")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	year := fs.Int("year", 0, e.t("数据年度：文件未写年份时使用，写了则须一致；默认为计划年度", "year of the figures: used when the file states none, checked when it does; the plan's year by default"))
	var units listFlag
	fs.Var(&units, "unit", e.t("只报告这些单位及其下属单位（编号或名称，可重复或用逗号分隔）", "report only these units and their descendants (ids or names; repeat or separate with commas)"))
	format := fs.String("format", "", e.t("输出格式：table、json、csv、markdown、junit、xlsx（Excel 工作簿，与 csv 同列同文字）；默认按 -o 的扩展名，否则 table", "output format: table, json, csv, markdown, junit, xlsx (an Excel workbook with the columns and texts of csv); by default from the -o extension, else table"))
	sheet := fs.String("sheet", "", e.t("数据文件是 Excel 工作簿时读取的工作表名；默认第一个可见的工作表", "the sheet to read when the data file is an Excel workbook; the first visible sheet by default"))
	failOn := fs.String("fail-on", "binding", e.t("何时返回 1：binding（约束性目标未达标）、any（任何目标未达标）、none（从不）", "when to exit 1: binding (a binding target not met), any (any target not met), none (never)"))
	out := fs.String("o", "", e.t("写入文件（整体写入：先写临时文件再改名）；默认标准输出", "write to this file (whole or not at all: a temporary file renamed into place); standard output by default"))
	sample := fs.Bool("sample", false, e.t("评估内置的样例年度（虚构数据）", "assess the embedded sample year (synthetic figures)"))
	problems := fs.Bool("problems", false, e.t("只列出未达标、缺数据、无法计算的结果（汇总仍计全部）", "list only results not met, lacking data or not computable (summaries still count all)"))
	notApplicable := fs.Bool("all", false, e.t("也列出不适用于该单位的指标", "also list indicators that do not apply to a unit"))
	pos, code, done := e.parse(fs, checkHelp, args)
	if done {
		return code
	}
	yearSet := isSet(fs, "year")
	src := dataSource{sample: *sample, sheet: *sheet}
	switch {
	case *sample && len(pos) > 0:
		return e.usageError("check", e.t("--sample 与数据文件只能选一个", "give either --sample or a data file, not both"))
	case *sample && *sheet != "":
		return e.usageError("check", e.t("--sheet 用于 Excel 数据文件，不能与 --sample 同用", "--sheet is for an Excel data file and cannot go with --sample"))
	case !*sample && len(pos) == 0:
		return e.usageError("check", e.t("缺少数据文件；要评估内置样例年度请加 --sample", "no data file given; add --sample to assess the embedded sample year"))
	case len(pos) > 1:
		return e.usageError("check", e.t("只能给一个数据文件，而不是 ", "give one data file, not ")+strings.Join(pos, " "))
	case len(pos) == 1:
		src.path = pos[0]
	}
	if yearSet && (*year < 1000 || *year > 9999) {
		return e.usageError("check", e.t(fmt.Sprintf("--year 应为四位年份，而不是 %d", *year), fmt.Sprintf("--year must be a four-digit year, not %d", *year)))
	}
	policy, err := reportfmt.ParsePolicy(*failOn)
	if err != nil {
		return e.usageError("check", e.say(err))
	}
	f := *format
	if f == "" {
		f = formatFromExt(*out)
	}
	if !contains(formats, f) {
		return e.usageError("check", e.t(
			fmt.Sprintf("--format 应为 %s 之一，而不是 %q", strings.Join(formats, "、"), f),
			fmt.Sprintf("--format must be one of %s, not %q", strings.Join(formats, ", "), f)))
	}
	if c := e.binaryOutput("check", f, *out); c != 0 {
		return c
	}
	if c := e.checkOutput("check", *out, *planFile, src.path); c != 0 {
		return c
	}
	l, code := e.loadPlan("check", *planFile)
	if l == nil {
		return code
	}
	ds, code := e.loadData("check", src, l, *year, yearSet)
	if ds == nil {
		return code
	}
	r, code := e.assess(l, ds, units, *notApplicable)
	if r == nil {
		return code
	}
	fails := reportfmt.Failures(r, policy)
	if *problems {
		r = reportfmt.OnlyProblems(r)
	}
	var b bytes.Buffer
	switch f {
	case "table":
		err = reportfmt.WriteTable(&b, r, e.lang)
	case "json":
		err = r.WriteJSON(&b)
	case "csv":
		err = view.WriteCSV(&b, r, e.lang)
	case "markdown":
		err = reportfmt.WriteMarkdown(&b, r, e.lang)
	case "junit":
		err = reportfmt.WriteJUnit(&b, r, reportfmt.JUnitOptions{Policy: policy, Lang: e.lang, Name: "eduplan " + l.plan.ID})
	case "xlsx":
		err = xlsx.WriteReport(&b, r, e.lang)
	}
	if err != nil {
		return e.inputError("check", e.say(err), "")
	}
	if c := e.emit("check", *out, b.Bytes()); c != 0 {
		return c
	}
	// The table on the terminal already shows every result; a file or a
	// machine format does not, so say in the log what failed and why.
	if *out != "" || f != "table" {
		e.summarise(r, fails, policy)
	}
	if len(fails) > 0 {
		return exitFail
	}
	return exitOK
}

// assess evaluates the dataset and builds the report for the units asked
// for, drawing progress on a terminal for a long batch.
func (e *env) assess(l *loaded, ds *dataset.Dataset, units []string, notApplicable bool) (*indicators.Report, int) {
	keep, missing := ds.Within(units)
	if len(missing) > 0 {
		return nil, e.inputError("check", e.t(
			fmt.Sprintf("数据中没有单位 %s（数据中的单位：%s）", strings.Join(missing, "、"), knownUnits(ds, 12)),
			fmt.Sprintf("no unit %s in the data (units in the data: %s)", strings.Join(missing, ", "), knownUnits(ds, 12))),
			e.t("--unit 请用数据文件中的单位编号，或只有一个单位使用的名称。", "use unit ids from the data file, or names only one unit has, with --unit."))
	}
	total := 0
	for i := range ds.Units {
		if keep == nil || keep[i] {
			total++
		}
	}
	p := e.progress(max(total, len(ds.Units)), e.t("评估", "assessing"))
	p.stage(e.t(fmt.Sprintf("计算 %d 个单位的指标……", len(ds.Units)), fmt.Sprintf("computing the indicators of %d units…", len(ds.Units))))
	r, err := l.cat.Evaluate(ds).Report(indicators.Options{Units: units, NotApplicable: notApplicable, Progress: p.step})
	p.done()
	if err != nil {
		return nil, e.inputError("check", e.say(err), "")
	}
	e.evaluationWarnings("check", r.Warnings)
	r.Plan = l.plan.ID
	return r, 0
}

// summarise tells stderr what failed, for outputs that are not read on the
// terminal.
func (e *env) summarise(r *indicators.Report, fails []reportfmt.Failure, policy reportfmt.Policy) {
	t := reportfmt.Totals(r)
	fmt.Fprintf(e.stderr, "eduplan check: %s\n", e.t(
		fmt.Sprintf("%d 个单位；", len(r.Units)), fmt.Sprintf("%d units; ", len(r.Units)))+view.SummaryText(t).In(e.lang))
	if len(fails) == 0 {
		return
	}
	fmt.Fprintf(e.stderr, "%s\n", e.t(
		fmt.Sprintf("未达标（--fail-on %s）%d 项：", policy, len(fails)),
		fmt.Sprintf("%d target(s) not met (--fail-on %s):", len(fails), policy)))
	const show = 20
	for i, f := range fails {
		if i == show {
			fmt.Fprintf(e.stderr, "  %s\n", e.t(fmt.Sprintf("……另有 %d 项，见报告", len(fails)-show), fmt.Sprintf("… and %d more: see the report", len(fails)-show)))
			break
		}
		fmt.Fprintf(e.stderr, "  %s\n", f.Message(e.lang))
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
