package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
)

var checkHelp = cmdHelp{
	usage: "eduplan check [flags] DATA | eduplan check [flags] DIR|FILE... | eduplan check [flags] --sample",
	about: [2]string{
		`按计划评估一年的数据：每个单位的每个适用指标是达标、未达标、缺数据还是无法计算，
附数值、目标和差距。DATA 是 CSV 或 JSON 数据文件（UTF-8、带 BOM 或 GBK 均可），
或 Excel/WPS 工作簿（.xlsx，读第一个可见的工作表，--sheet 指定其他工作表；百分比格式的
单元格按百分数读取），"-" 表示标准输入；--sample 评估内置的样例年度（虚构数据）。给几个文件或一个文件夹时，
先像 eduplan collect 那样汇总（冲突的报表会被拒绝），再评估汇总的结果。
计划默认为内置的镇江市教育局2017年工作要点，--plan 指定其他计划文件。
上级单位的比率由下属单位的分子、分母分别加总后重新计算，不取平均。
上级单位自己填报的数据若与下属单位合计不一致（计数须完全相等），报告列出两者、差额和
采用的一个：默认采用本单位填报，--parent-figures sum 改用下属单位合计。
给出几年的数据时（带“年份”列的文件、不同年份的几个文件，或 --sample 连同其 2016 年），
评估最后一年（或 --year 指定的一年），并在每个结果旁列出上年数值、比上年、完成度和进度
状态（与 eduplan progress 的算法相同）；退出状态只看评估的那一年。每年的明细用 eduplan progress。`,
		`Assess a year's figures against the plan: for each unit, each applicable indicator is
met, not met, missing data or not computable, with value, target and gap. DATA is a CSV or
JSON data file (UTF-8, with or without BOM, or GBK) or an Excel/WPS workbook (.xlsx: the
first visible sheet, or the one --sheet names; percent-formatted cells read as percents);
"-" reads standard input; --sample assesses the embedded sample year (synthetic figures).
Several files or a folder are merged first, as eduplan collect merges them (returns that
conflict are refused), and the merge is assessed.
The plan is the embedded Zhenjiang 2017 plan unless --plan names a plan file. A parent
unit's rates are recomputed from its children's summed numerators and denominators, never
averaged. Where a parent reports a figure of its own that differs from the sum of its
units' (counts must agree exactly), the report lists both, the difference and the one used:
the parent's own by default, the sum with --parent-figures sum.
Given several years (a file with a year column, files of different years, or --sample with
its 2016), check assesses the last (or the one --year names) and shows beside each result
the previous year's value, the change, completion and progress status, worked out as
eduplan progress does; the exit status is the assessed year's alone. eduplan progress
lists every year.`,
	},
	sections: [][2]string{
		{`退出状态：
  0  全部约束性目标达标（按 --fail-on）
  1  有目标未达标（--fail-on binding：约束性；any：任何；none：从不），
     或校验规则被违反（binding：重要性为高的规则；any：任何规则；none：从不）
  2  输入或参数有误（文件、单元格、计划问题会逐一列出）
缺数据、无法计算不算未达标，但会在报告中列出；因缺数据跳过的校验规则也不算。
--fail-on 只决定退出状态：无论它取何值，报告（包括 JUnit 的 <failure>）都如实
列出未达标的约束性目标；--fail-on none 时退出状态为 0，但报告不会显示全部通过。`,
			`Exit status:
  0  every binding target met (as --fail-on says)
  1  a target not met (--fail-on binding: a binding one; any: any; none: never),
     or a validation rule violated (binding: one of high importance; any: any; none: never)
  2  bad input or usage (every bad file, cell or plan problem is listed)
Missing data and not computable are not failures, but the report lists them; nor is
a validation rule skipped for missing figures.
--fail-on chooses the exit status only: whatever it says, every report (JUnit's
<failure> included) lists the binding targets not met; with --fail-on none the
exit status is 0 but the report does not pretend that everything passed.`},
		{`在数据库中计算（--db 与 --mapping）：不读数据文件，把计划编译成 SQL（同 eduplan sql）在数据库中运行，
按上面的任一格式写出同样的报告。--db postgres://用户:密码@主机/库 直接连接 PostgreSQL；--db duckdb:文件
通过辅助程序 eduplan-duckdb（DuckDB 的驱动需要 cgo，另行编译：cd cmd/eduplan-duckdb && go build）。
映射文件的表或列不存在、数据不是数字时，报告映射中的位置和数据库的原话。`,
			`Computing in a database (--db with --mapping): no data file is read; the plan is compiled into SQL
(as eduplan sql prints it), run in the database, and the same report written in any format above.
--db postgres://user:password@host/db reaches PostgreSQL directly; --db duckdb:FILE goes through the
helper eduplan-duckdb (DuckDB's driver needs cgo and is built apart: cd cmd/eduplan-duckdb && go build).
A table or column of the mapping the database lacks, or figures that are not numbers, are named by
their place in the mapping, with the database's own words.`},
	},
	examples: []example{
		{"eduplan check --sample", "评估内置样例年度（2017），附比上年（2016）的变化和进度，中文表格", "assess the embedded sample year (2017), with the change since 2016 and progress, as a table in Chinese"},
		{"eduplan check --plan examples/fourteenth/plan.json examples/fourteenth/data.csv", "多年数据：评估最后一年，附上年、比上年、完成度和进度", "figures of several years: the last assessed, with the previous year, the change, completion and progress"},
		{"eduplan check --sample --problems", "只看需要关注的结果", "only the results that need attention"},
		{"eduplan check --quality data.csv", "评估前先看数据质量：应填与已填、缺失标记、各辖市区完整率", "check a return before assessing it: figures expected and present, missing markers, completeness by district"},
		{"eduplan check --sample --lang en --unit d-jingkou", "只看京口区及其下属学校，英文", "only the district d-jingkou and its schools, in English"},
		{"eduplan check --format junit -o report.xml data.csv", "CI 用：JUnit XML，每个指标一个测试用例", "for CI: JUnit XML, one test case per indicator"},
		{"eduplan check --parent-figures sum city.csv", "上级单位的数据与下属单位合计不一致时按合计计算（不一致之处都会列出）", "where a parent's own figure differs from its units' sum, use the sum (every difference is listed)"},
		{"eduplan check --plan myplan.json --fail-on any --format csv -o result.csv data.csv", "自定义计划；任何目标未达标都返回 1", "a custom plan; any target not met exits 1"},
		{"eduplan check --format csv -o result.csv --validation-csv rules.csv data.csv", "结果和校验规则各写一个 CSV", "results and validation rules, a CSV file each"},
		{"eduplan check --sheet data -o results.xlsx 2017.xlsx", "读 Excel 工作簿中名为 data 的工作表，结果写成 Excel 工作簿", "read the sheet named data of a workbook and write the results as a workbook"},
	},
}

// formats maps --format values, and -o extensions when --format is not
// given, to writers.
var formats = []string{"table", "json", "jsonl", "csv", "markdown", "junit", "xlsx"}

func formatFromExt(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
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
	year := fs.Int("year", 0, e.t("数据年度：文件未写年份时使用，写了则须一致；默认为计划年度。数据有几年时，评估这一年（默认最后一年）", "year of the figures: used when the file states none, checked when it does; the plan's year by default. Of figures of several years, the year assessed (the last by default)"))
	var units listFlag
	fs.Var(&units, "unit", e.t("只报告这些单位及其下属单位（编号或名称，可重复或用逗号分隔）", "report only these units and their descendants (ids or names; repeat or separate with commas)"))
	format := fs.String("format", "", e.t("输出格式：table、json（紧凑，计划文字只写一次）、jsonl（每个结果一行，供管道处理）、csv、markdown、junit、xlsx（Excel 工作簿，与 csv 同列同文字）；默认按 -o 的扩展名，否则 table", "output format: table, json (compact, the plan's text once), jsonl (a line per result, for pipelines), csv, markdown, junit, xlsx (an Excel workbook with the columns and texts of csv); by default from the -o extension, else table"))
	indent := fs.Bool("indent", false, e.t("JSON 报告缩进排版，便于阅读（字节约为两倍）", "indent the JSON report for reading (about twice the bytes)"))
	sheet := fs.String("sheet", "", e.t("数据文件是 Excel 工作簿时读取的工作表名；默认第一个可见的工作表", "the sheet to read when the data file is an Excel workbook; the first visible sheet by default"))
	failOn := fs.String("fail-on", "binding", e.t("何时返回 1：binding（约束性目标未达标）、any（任何目标未达标）、none（从不）", "when to exit 1: binding (a binding target not met), any (any target not met), none (never)"))
	out := fs.String("o", "", e.t("写入文件（整体写入：先写临时文件再改名）；默认标准输出", "write to this file (whole or not at all: a temporary file renamed into place); standard output by default"))
	sample := fs.Bool("sample", false, e.t("评估内置的样例年度（虚构数据，2017年，附2016年作比较）", "assess the embedded sample year (synthetic figures: 2017, with 2016 to compare)"))
	problems := fs.Bool("problems", false, e.t("只列出未达标、缺数据、无法计算的结果（汇总仍计全部）", "list only results not met, lacking data or not computable (summaries still count all)"))
	parentFigures := fs.String("parent-figures", "own", e.t(
		"上级单位自己填报的数据与下属单位合计不一致时采用哪一个：own（本单位填报）或 sum（下属单位合计）；两者都会在报告中列出",
		"where a parent unit's own figure differs from the sum of its units below, which to use: own (the unit's own) or sum (the sum); the report lists both either way"))
	notApplicable := fs.Bool("all", false, e.t("也列出不适用于该单位的指标", "also list indicators that do not apply to a unit"))
	validationCSV := fs.String("validation-csv", "", e.t("另将未通过的校验规则写入此 CSV 文件（每个单位和规则一行）", "also write the validation rules that did not pass to this CSV file (a row per unit and rule)"))
	maxBytes := sizeFlag(dataset.MaxFileSize)
	fs.Var(&maxBytes, "max-bytes", e.t("数据文件大小上限，如 500MB、2GB（默认 1GB）", "largest data file read, such as 500MB or 2GB (1GB by default)"))
	quality := fs.Bool("quality", false, e.t("只输出数据质量摘要（单位、应填与已填、缺失标记、提醒、各辖市区完整率），不做评估；格式为 table、markdown 或 json", "print only the data-quality summary (units, figures expected and present, missing markers, warnings, completeness by district), assessing nothing; format table, markdown or json"))
	dbAddr := fs.String("db", "", e.t("不读数据文件，在数据库中计算（需 --mapping）：postgres://用户@主机/库 或 duckdb:文件（DuckDB 需辅助程序 eduplan-duckdb）", "compute in a database instead of reading a data file (needs --mapping): postgres://user@host/db or duckdb:FILE (DuckDB needs the helper eduplan-duckdb)"))
	mapping := fs.String("mapping", "", e.t("与 --db 同用的映射文件（JSON）：单位表和各数据项所在的表与列，同 eduplan sql", "with --db, the mapping file (JSON): the units table and where each metric is, as for eduplan sql"))
	pos, code, done := e.parse(fs, checkHelp, args)
	if done {
		return code
	}
	if *dbAddr != "" || *mapping != "" {
		if c := e.dbUsage(fs, *dbAddr, *mapping, pos); c != 0 {
			return c
		}
	}
	yearSet := isSet(fs, "year")
	src := dataSource{sample: *sample, sheet: *sheet, maxBytes: int64(maxBytes)}
	switch {
	case *sample && len(pos) > 0:
		return e.usageError("check", e.t("--sample 与数据文件只能选一个", "give either --sample or a data file, not both"))
	case *sample && *sheet != "":
		return e.usageError("check", e.t("--sheet 用于 Excel 数据文件，不能与 --sample 同用", "--sheet is for an Excel data file and cannot go with --sample"))
	case !*sample && len(pos) == 0 && *dbAddr == "":
		return e.usageError("check", e.t("缺少数据文件；要评估内置样例年度请加 --sample", "no data file given; add --sample to assess the embedded sample year"))
	case len(pos) == 1 && !isDir(pos[0]):
		src.path = pos[0]
	case *sheet != "":
		return e.usageError("check", e.t("--sheet 只用于一个 Excel 数据文件，不能用于几个文件或文件夹", "--sheet is for one workbook, not for several files or a folder"))
	}
	var returns []string // several files or a folder: collected first
	if len(pos) > 1 || len(pos) == 1 && isDir(pos[0]) {
		var code int
		if returns, code = e.returnFiles("check", pos); returns == nil {
			return code
		}
	}
	if yearSet && (*year < 1000 || *year > 9999) {
		return e.usageError("check", e.t(fmt.Sprintf("--year 应为四位年份，而不是 %d", *year), fmt.Sprintf("--year must be a four-digit year, not %d", *year)))
	}
	policy, err := reportfmt.ParsePolicy(*failOn)
	if err != nil {
		return e.usageError("check", e.say(err))
	}
	parent, err := indicators.ParseParentFigures(*parentFigures)
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
	if *indent && f != "json" {
		return e.usageError("check", e.t(fmt.Sprintf("--indent 只用于 --format json，而不是 %s", f), fmt.Sprintf("--indent is for --format json, not %s", f)))
	}
	if c := e.binaryOutput("check", f, *out); c != 0 {
		return c
	}
	if c := e.checkOutput("check", *out, append([]string{*planFile, src.path}, returns...)...); c != 0 {
		return c
	}
	if c := e.checkOutput("check", *validationCSV, *planFile, src.path, *out); c != 0 {
		return c
	}
	l, code := e.loadPlan("check", *planFile)
	if l == nil {
		return code
	}
	opt := indicators.Options{Units: units, NotApplicable: *notApplicable, ParentFigures: parent}
	var s *indicators.Stream
	var p *progress
	var years dataset.Series // given several years, those up to the one assessed
	if *dbAddr != "" {
		s, p, code = e.assessDB(l, *dbAddr, *mapping, *year, opt)
	} else {
		var ds *dataset.Dataset
		switch {
		case returns != nil:
			ds, code = e.collectedYears(pos, returns, l, int64(maxBytes), *year, yearSet, &years)
		case src.sample:
			ds, code = e.sampleYears(src, l, *year, yearSet, &years)
		default:
			ds, code = e.loadDataYears("check", src, l, *year, yearSet, &years)
		}
		if ds == nil {
			return code
		}
		if *quality {
			return e.writeQuality(l, ds, f, *out)
		}
		s, p, code = e.assess(l, ds, opt)
	}
	if s == nil {
		return code
	}
	head := s.Header()
	// What the report and the log say is missed does not depend on the
	// policy: --fail-on none changes the exit status, not the facts.
	seen := tally{policy: policy, missedBy: reportfmt.FailBinding}
	if policy == reportfmt.FailAny {
		seen.missedBy = reportfmt.FailAny
	}
	s.Visit = func(u *indicators.UnitReport) {
		seen.add(u)
		if *problems {
			reportfmt.KeepProblems(u)
		}
	}
	ruleFails := reportfmt.RuleFailures(head, policy)
	ruleMissed := reportfmt.RuleFailures(head, reportfmt.FailBinding)
	if policy == reportfmt.FailAny {
		ruleMissed = ruleFails
	}
	// The report goes out as it is written, never whole in memory: a
	// national JSON report is gigabytes. JSON, JSON Lines, CSV and the
	// table build each unit's results only as they write them; the other
	// formats count or lay out the whole report before they write.
	var whole *indicators.Report
	switch f {
	case "json", "jsonl", "csv", "table":
		if len(years) < 2 {
			break
		}
		// Given several years, each result is laid beside the years
		// before it: the year's report is built whole first.
		fallthrough
	default:
		if whole, err = s.Report(); err != nil {
			p.done()
			return e.inputError("check", e.say(err), "")
		}
	}
	var across *view.Across
	var acrossRep *trend.Report
	if len(years) > 1 {
		if acrossRep, across, code = e.acrossYears(l, years, whole, opt); across == nil {
			p.done()
			return code
		}
	}
	write := func(w io.Writer) error {
		if across != nil {
			return writeAcross(w, f, whole, across, acrossRep, *indent, l.plan.ID, e.lang)
		}
		switch f {
		case "json":
			if *indent {
				return s.WriteJSONIndent(w)
			}
			return s.WriteJSON(w)
		case "jsonl":
			return reportfmt.WriteJSONLines(w, s)
		case "csv":
			return view.WriteCSV(w, s, e.lang)
		case "table":
			return reportfmt.WriteTable(w, s, e.lang)
		}
		r := whole
		switch f {
		case "markdown":
			return reportfmt.WriteMarkdown(w, r, e.lang)
		case "junit":
			return reportfmt.WriteJUnit(w, r, reportfmt.JUnitOptions{Lang: e.lang, Name: "eduplan " + l.plan.ID})
		}
		return xlsx.WriteReport(w, r, e.lang)
	}
	// The writers of text for a person escape what they quote; the rest
	// of the page (headings, notes) goes through the same rule here.
	code = e.emitStream("check", *out, f == "table" || f == "markdown", write)
	p.done()
	if code != 0 {
		return code
	}
	// The table on the terminal already shows every result; a file or a
	// machine format does not, so say in the log what failed and why.
	if *out != "" || f != "table" {
		e.summarise(&seen, head.Hierarchy)
		e.summariseRules(ruleMissed, policy)
	}
	if c := e.writeValidationCSV(head, *validationCSV); c != 0 {
		return c
	}
	if seen.fails > 0 || len(ruleFails) > 0 {
		return exitFail
	}
	return exitOK
}

// tally counts a report's results as its units go by (Stream.Visit):
// the totals, the failures under the policy, and the first of the results
// the log lists as missed.
type tally struct {
	policy, missedBy reportfmt.Policy
	units            int
	totals           indicators.Summary
	fails            int
	missed           []reportfmt.Failure // the first listShown
	nMissed          int
}

func (t *tally) add(u *indicators.UnitReport) {
	t.units++
	t.totals = reportfmt.AddSummary(t.totals, u.Summary)
	for _, res := range u.Results {
		if t.policy.Fails(res) {
			t.fails++
		}
		if t.missedBy.Fails(res) {
			if t.nMissed < listShown {
				t.missed = append(t.missed, reportfmt.Failure{Unit: u.Unit, Result: kept(res)})
			}
			t.nMissed++
		}
	}
}

// kept is a copy of a streamed result that outlives its unit: a stream
// builds the next unit's values, inputs and warnings in the same memory
// (indicators.Source.Each), so the ones a log line reads are copied.
func kept(r indicators.Result) indicators.Result {
	own := func(p *float64) *float64 {
		if p == nil {
			return nil
		}
		v := *p
		return &v
	}
	r.Value, r.Gap = own(r.Value), own(r.Gap)
	r.Inputs = append([]indicators.Input(nil), r.Inputs...)
	for i := range r.Inputs {
		r.Inputs[i].Value, r.Inputs[i].Own, r.Inputs[i].ChildrenSum = own(r.Inputs[i].Value), own(r.Inputs[i].Own), own(r.Inputs[i].ChildrenSum)
	}
	r.Warnings = append([]msg.Text(nil), r.Warnings...)
	return r
}

// assess evaluates the dataset and returns the report for the units asked
// for, to be built as it is written, and the progress it draws on a
// terminal for a long batch as the units go by (done once written).
func (e *env) assess(l *loaded, ds *dataset.Dataset, opt indicators.Options) (*indicators.Stream, *progress, int) {
	units := opt.Units
	keep, missing := ds.Within(units)
	if len(missing) > 0 {
		return nil, nil, e.inputError("check", e.t(
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
	opt.Progress = p.step
	ev, err := l.cat.EvaluateWith(ds, opt)
	var s *indicators.Stream
	if err == nil {
		s, err = ev.Stream(opt)
	}
	if err != nil {
		p.done()
		return nil, nil, e.inputError("check", e.say(err), "")
	}
	h := s.Header()
	e.evaluationWarnings("check", h.Warnings)
	h.Plan = l.plan.ID
	if ds.Source.Encoding != "" {
		// Figures read from a file: the report says how complete it is.
		// From this evaluation: a second one, for the rules broken,
		// would double a national batch's memory.
		h.DataQuality = l.cat.QualityWith(ds, ev)
	}
	return s, p, 0
}

// writeQuality writes only the data file's quality summary: what a bureau
// checks a return with before assessing it.
func (e *env) writeQuality(l *loaded, ds *dataset.Dataset, format, out string) int {
	q := l.cat.Quality(ds)
	var b bytes.Buffer
	var err error
	switch format {
	case "table":
		err = reportfmt.WriteQuality(&b, q, e.lang, false)
	case "markdown":
		err = reportfmt.WriteQuality(&b, q, e.lang, true)
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(q)
	default:
		return e.usageError("check", e.t(
			fmt.Sprintf("--quality 的格式应为 table、markdown 或 json，而不是 %q", format),
			fmt.Sprintf("--quality writes table, markdown or json, not %q", format)))
	}
	if err != nil {
		return e.inputError("check", e.say(err), "")
	}
	if format != "json" {
		return e.emit("check", out, visibleText(b.Bytes()))
	}
	return e.emit("check", out, b.Bytes())
}

// summarise tells stderr what was missed (the binding targets, and the
// aspirational ones too under --fail-on any), for outputs that are not read
// on the terminal; under --fail-on none it says the exit status stays 0.
func (e *env) summarise(t *tally, hierarchy []indicators.FigureMismatch) {
	fmt.Fprintf(e.stderr, "eduplan check: %s\n", e.t(
		fmt.Sprintf("%d 个单位；", t.units), fmt.Sprintf("%d units; ", t.units))+view.SummaryText(t.totals).In(e.lang))
	if n := len(hierarchy); n > 0 {
		fmt.Fprintf(e.stderr, "%s\n", e.t(
			fmt.Sprintf("上级单位填报的数据与下属单位合计不一致 %d 处（采用%s），见报告", n, view.ParentFigures(hierarchy[0].Used).ZH),
			fmt.Sprintf("%d parent figure(s) differ from the sum of their units (used: %s): see the report", n, view.ParentFigures(hierarchy[0].Used).EN)))
	}
	n, policy := t.nMissed, t.policy
	if n == 0 {
		return
	}
	if policy == reportfmt.FailNone {
		fmt.Fprintf(e.stderr, "%s\n", e.t(
			fmt.Sprintf("约束性目标未达标 %d 项（--fail-on none：退出状态仍为 0）：", n),
			fmt.Sprintf("%d binding target(s) not met (--fail-on none: the exit status is still 0):", n)))
	} else {
		fmt.Fprintf(e.stderr, "%s\n", e.t(
			fmt.Sprintf("未达标（--fail-on %s）%d 项：", policy, n),
			fmt.Sprintf("%d target(s) not met (--fail-on %s):", n, policy)))
	}
	e.listSome(n, func(i int) string { return t.missed[i].Message(e.lang) })
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
