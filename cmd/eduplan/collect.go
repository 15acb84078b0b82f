package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/org"
)

var collectHelp = cmdHelp{
	usage: "eduplan collect [flags] DIR|FILE... -o district.csv",
	about: [2]string{
		`汇总各单位交回的报表（CSV、JSON 或 Excel 工作簿，可混用）为一个数据文件：给一个文件夹
（读其中的 .csv、.json、.xlsx 文件）或若干文件。同一单位出现在多个报表中时，名称、层级、类型、
上级单位和每个数据项都须一致：完全相同的重复照收，不一致则拒绝并指出两处（文件和行）；
一处填了、另一处留空的数据项取填了的。各报表须是同一年度、同一计划（计划编号）。
标准错误输出上列出每个文件取了什么（单位数、填报单位、数据项、相同的重复）。
--units 给出应交报表的单位名单（数据文件或模板，如生成预填文件时用的那个），
列出没有交回（没有任何数据）的单位；--kind 或 --level 只把名单中该类单位算作应交。
-o 的扩展名（.csv、.xlsx、.json）或 --format 决定输出格式；汇总结果可直接用 eduplan check 评估。`,
		`Merge the returns of many units (CSV, JSON or Excel workbooks, mixed) into one data
file: give a folder (its .csv, .json and .xlsx files) or files. A unit in several returns
must agree in name, level, kind, parent and every figure: identical duplicates are
accepted, conflicting ones refused with both places named (file and line); a figure one
return gives and another leaves empty is taken. All returns must be of one year and one
plan (its id). Standard error lists what was taken from each file (units, units that gave
figures, figures, identical duplicates). --units names the list of units expected to
return (a data file or template, such as the one the prefilled files were made from) and
lists the units that did not return (no figure at all); --kind or --level expects only
the units of that kind in the list. The -o extension (.csv, .xlsx, .json) or --format
chooses the output; eduplan check assesses it as any data file.`,
	},
	sections: [][2]string{
		{`退出状态：
  0  已汇总，名单中的单位都交回了（或未给 --units）
  1  已汇总并写出，但名单中有单位没有交回（已列出）
  2  输入或参数有误，或报表之间有冲突（全部列出）；不写出任何文件`,
			`Exit status:
  0  merged, and every unit of the list returned (or no --units)
  1  merged and written, but some units of the list did not return (listed)
  2  bad input or usage, or returns that conflict (every one listed); nothing written`},
	},
	examples: []example{
		{"eduplan collect returns/ -o district.csv", "汇总 returns 文件夹中的全部报表", "merge every return in the folder returns"},
		{"eduplan collect returns/ --units units.csv --kind kindergarten -o district.xlsx", "对照名单列出没有交回的幼儿园，结果写成 Excel 工作簿", "name the kindergartens of the list that did not return; write a workbook"},
		{"eduplan collect k1.csv k2.xlsx k3.json -o all.json", "汇总几个不同格式的文件", "merge files of different formats"},
	},
}

func runCollect(e *env, args []string) int {
	fs := e.newFlags("collect")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	unitsFile := fs.String("units", "", e.t("应交报表的单位名单（数据文件或模板）", "the units expected to return (a data file or a template)"))
	kindFlag := fs.String("kind", "", e.t("只把名单中该类学校算作应交，如 kindergarten", "expect only the schools of this kind in the list, such as kindergarten"))
	levelFlag := fs.String("level", "", e.t("只把名单中该层级的单位算作应交：city、district 或 school", "expect only the units of this level in the list: city, district or school"))
	format := fs.String("format", "", e.t("csv、xlsx 或 json；默认按 -o 的扩展名，否则 csv", "csv, xlsx or json; by default from the -o extension, else csv"))
	out := fs.String("o", "", e.t("写入文件（整体写入）；默认标准输出", "write to this file (whole or not at all); standard output by default"))
	maxBytes := sizeFlag(dataset.MaxFileSize)
	fs.Var(&maxBytes, "max-bytes", e.t("每个文件的大小上限，如 500MB（默认 1GB）", "largest file read, such as 500MB (1GB by default)"))
	pos, code, done := e.parse(fs, collectHelp, args)
	if done {
		return code
	}
	if len(pos) == 0 {
		return e.usageError("collect", e.t("缺少要汇总的文件夹或文件", "no folder or files to merge"))
	}
	if *unitsFile == "" && (*kindFlag != "" || *levelFlag != "") {
		return e.usageError("collect", e.t("--kind 和 --level 须与 --units 同用", "--kind and --level need --units"))
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = formatFromExt(*out)
		if f != "xlsx" && f != "json" {
			f = "csv"
		}
	}
	if f != "csv" && f != "xlsx" && f != "json" {
		return e.usageError("collect", e.t(fmt.Sprintf("--format 应为 csv、xlsx 或 json，而不是 %q", *format), fmt.Sprintf("--format must be csv, xlsx or json, not %q", *format)))
	}
	if c := e.binaryOutput("collect", f, *out); c != 0 {
		return c
	}
	paths, code := e.returnFiles("collect", pos)
	if paths == nil {
		return code
	}
	if c := e.checkOutput("collect", *out, append([]string{*planFile, *unitsFile}, paths...)...); c != 0 {
		return c
	}
	l, code := e.loadPlan("collect", *planFile)
	if l == nil {
		return code
	}
	var expected []dataset.OrgUnit
	if *unitsFile != "" {
		var level org.Level
		var kind org.Kind
		if *kindFlag != "" || *levelFlag != "" {
			var m string
			if level, kind, m = parseLevelKind(*levelFlag, *kindFlag, l, e); m != "" {
				return e.usageError("collect", m)
			}
		}
		list, code := e.loadData("collect", dataSource{path: *unitsFile}, l, 0, false)
		if list == nil {
			return code
		}
		for _, u := range list.Units {
			if (level == "" || u.Level == level) && (kind == "" || u.Kind == kind) && len(l.cat.FormMetrics(u.Level, u.Kind)) > 0 {
				expected = append(expected, u)
			}
		}
		if expected == nil {
			expected = []dataset.OrgUnit{}
		}
	}
	res, code := e.collectReturns("collect", paths, l, int64(maxBytes), expected)
	if res == nil {
		return code
	}
	var b bytes.Buffer
	var err error
	fields := res.Fields(l.cat.Fields())
	switch f {
	case "csv":
		err = res.Data.WriteCSV(&b, fields, dataset.UTF8BOM)
	case "json":
		err = res.Data.WriteJSON(&b, fields)
	case "xlsx":
		err = writeDataXLSX(&b, res.Data, fields)
	}
	if err != nil {
		return e.inputError("collect", e.say(err), "")
	}
	if c := e.emit("collect", *out, b.Bytes()); c != 0 {
		return c
	}
	if len(res.Missing) > 0 {
		return exitFail
	}
	return exitOK
}

// returnFiles turns the arguments into files: a folder gives its returns
// (collect.Files), a file itself.
func (e *env) returnFiles(cmd string, args []string) ([]string, int) {
	var paths []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, e.inputError(cmd, e.t("无法打开：", "cannot open: ")+e.say(err), e.t("确认路径正确。", "check the path."))
		}
		if !st.IsDir() {
			paths = append(paths, a)
			continue
		}
		in, skipped, err := collect.Files(a)
		if err != nil {
			return nil, e.inputError(cmd, e.say(err), e.t("确认文件夹可读。", "check that the folder can be read."))
		}
		if len(skipped) > 0 {
			fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
				fmt.Sprintf("注意：跳过了 %d 个不是 .csv、.json、.xlsx 的文件：%s", len(skipped), strings.Join(skipped, "、")),
				fmt.Sprintf("note: skipped %d file(s) that are not .csv, .json or .xlsx: %s", len(skipped), strings.Join(skipped, ", "))))
		}
		if len(in) == 0 {
			return nil, e.inputError(cmd, e.t(fmt.Sprintf("文件夹 %s 中没有 .csv、.json 或 .xlsx 文件", a), fmt.Sprintf("the folder %s holds no .csv, .json or .xlsx file", a)),
				e.t("确认报表放在这个文件夹中（不读子文件夹）。", "check that the returns are in this folder (subfolders are not read)."))
		}
		paths = append(paths, in...)
	}
	return paths, 0
}

// collectReturns reads and merges returns, saying on stderr what it took
// from each file and which expected units did not return.
func (e *env) collectReturns(cmd string, paths []string, l *loaded, max int64, expected []dataset.OrgUnit) (*collect.Result, int) {
	rets, code := e.readReturns(cmd, paths, l, max)
	if rets == nil {
		return nil, code
	}
	return e.mergeReturns(cmd, rets, l, expected)
}

// readReturns reads the returns, listing every error on stderr.
func (e *env) readReturns(cmd string, paths []string, l *loaded, max int64) ([]collect.Return, int) {
	rets, err := collect.ReadFiles(paths, l.cat.Fields(), dataset.Options{Year: l.plan.Year, Plan: l.plan.ID, Levels: l.plan.Levels}, max)
	if err != nil {
		var es dataset.Errors
		if !errors.As(err, &es) {
			return nil, e.inputError(cmd, e.say(err), "")
		}
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(fmt.Sprintf("报表有 %d 处错误，未汇总：", len(es)), fmt.Sprintf("the returns have %d error(s); nothing was merged:", len(es))))
		for _, ce := range es {
			fmt.Fprintf(e.stderr, "  %s\n", ce.In(e.lang))
		}
		fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), e.t("改正这些文件后重新运行；缺失的数据请留空或填“--”，不要填 0。", "correct those files and run again; leave a missing figure empty or write \"--\", never 0."))
		return nil, exitUsage
	}
	return rets, 0
}

// mergeReturns merges returns read, saying on stderr what it took from
// each and which expected units did not return.
func (e *env) mergeReturns(cmd string, rets []collect.Return, l *loaded, expected []dataset.OrgUnit) (*collect.Result, int) {
	res, err := collect.Merge(rets, collect.Options{Expected: expected, Fields: l.cat.Fields()})
	if err != nil {
		var cs collect.Conflicts
		if !errors.As(err, &cs) {
			return nil, e.inputError(cmd, e.say(err), e.t("检查各报表的上级单位。", "check the parents in the returns."))
		}
		fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(fmt.Sprintf("报表之间有 %d 处不一致，未汇总：", len(cs)), fmt.Sprintf("the returns disagree in %d place(s); nothing was merged:", len(cs))))
		for _, c := range cs {
			fmt.Fprintf(e.stderr, "  %s\n", c.Text().In(e.lang))
		}
		fix := e.t("与填报单位核对后改正其中一处，或移走过时的那份报表。", "check with the unit which one is right and correct the other, or move the outdated return away.")
		for _, c := range cs {
			if c.Unit == "unit" {
				// What the page exported before returns carried a code.
				fix = e.t("代码为 unit 的报表是旧版页面导出的，没有本单位代码：请在页面上填写本单位代码后重新导出。", "the returns with the code unit were exported by an older page, without the unit's code: enter the code on the page and export again.")
				break
			}
		}
		fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), fix)
		return nil, exitUsage
	}
	e.collectSummary(cmd, res, expected != nil)
	return res, 0
}

// collectSummary is the short table of what each file gave, then the
// units that did not return.
func (e *env) collectSummary(cmd string, res *collect.Result, listed bool) {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("文件\t单位\t新单位\t数据项\t相同的重复\t填报单位", "file\tunits\tnew\tfigures\tidentical\tunits with figures"))
	for _, f := range res.Files {
		var who []string
		for i, u := range f.Returned {
			if i == 3 {
				who = append(who, e.t(fmt.Sprintf("等 %d 个", len(f.Returned)), fmt.Sprintf("%d in all", len(f.Returned))))
				break
			}
			who = append(who, collect.UnitText(u))
		}
		if len(who) == 0 {
			who = []string{e.t("（没有数据）", "(no figures)")}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", f.File, f.Units, f.New, f.Figures, f.Same, strings.Join(who, e.t("、", ", ")))
	}
	tw.Flush()
	fmt.Fprintf(e.stderr, "eduplan %s: %s%s\n%s", cmd, res.Headline().In(e.lang), e.t("：", ":"), b.String())
	if !listed {
		return
	}
	fmt.Fprintln(e.stderr, res.MissingHead(true).In(e.lang))
	for _, u := range res.Missing {
		fmt.Fprintf(e.stderr, "  %s\n", collect.UnitText(u))
	}
	if len(res.Unexpected) > 0 {
		fmt.Fprintln(e.stderr, res.UnexpectedHead().In(e.lang))
		for _, u := range res.Unexpected {
			fmt.Fprintf(e.stderr, "  %s\n", collect.UnitText(u))
		}
	}
}

// writeDataXLSX writes a dataset as a workbook: the rows of WriteCSV, unit
// columns as text so that ids keep their leading zeros.
func writeDataXLSX(b *bytes.Buffer, d *dataset.Dataset, fields []dataset.Field) error {
	var c bytes.Buffer
	if err := d.WriteCSV(&c, fields, dataset.UTF8); err != nil {
		return err
	}
	cr := csv.NewReader(&c)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return err
	}
	s := xlsx.Sheet{Name: "数据", Header: rows[0], Rows: rows[1:]}
	s.Formats = make([]xlsx.Format, len(s.Header))
	for j := range len(s.Header) - len(fields) {
		s.Formats[j] = xlsx.Text
	}
	return xlsx.Write(b, s)
}

// collectedData is check's data from several files or a folder: merged as
// collect merges them, with the same summary on stderr.
func (e *env) collectedData(args, paths []string, l *loaded, max int64, year int, yearSet bool) (*dataset.Dataset, int) {
	res, code := e.collectReturns("check", paths, l, max, nil)
	if res == nil {
		return nil, code
	}
	return e.collectedResult(args, res, year, yearSet)
}

// collectedResult is the merged returns of one year as check assesses
// them.
func (e *env) collectedResult(args []string, res *collect.Result, year int, yearSet bool) (*dataset.Dataset, int) {
	if yearSet && res.Data.Year != year {
		return nil, e.inputError("check", e.t(
			fmt.Sprintf("报表是 %d 年的数据，而 --year 是 %d", res.Data.Year, year),
			fmt.Sprintf("the returns hold figures for %d, but --year is %d", res.Data.Year, year)),
			e.t("改正 --year，或改正文件中的年份。", "correct --year, or the year in the files."))
	}
	// The report names its input as it was given: the folder, not its
	// hundreds of files.
	res.Data.Source.File = strings.Join(args, ", ")
	return res.Data, 0
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
