package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

var templateHelp = cmdHelp{
	usage: "eduplan template (--kind KIND | --level LEVEL) [flags]",
	about: [2]string{
		`生成一类单位的数据填报模板（CSV，可直接用 Excel 打开；或 Excel 工作簿 .xlsx）：前几列是单位代码、名称、
层级、学校类型（和上级单位），其后每个需要填报的数据项一列，列名为中文名称加单位，
如“在园幼儿数（人）”。只包含该类单位适用指标所需、且由该类单位自己填报的数据项。
默认 UTF-8 带 BOM（Excel 可正确显示中文），--encoding gbk 生成 GBK 编码。
--format xlsx（或 -o 的文件名以 .xlsx 结尾）生成 Excel 工作簿：表头冻结，单位代码列为文本
（保留开头的 0），百分比数据项的列设为百分比格式（填 99.2 即 99.2%）。
--units 从已有数据文件取该类单位，每个单位一行（连同其上级单位，使文件读回时层级完整；
上级单位的行可留空，其数据由下属单位汇总）；不给 --units 时模板只有表头，每个单位填一行。
--split 文件夹：为名单中该类的每个单位各写一个预填文件（文件名为“代码-名称.csv”或 .xlsx），
内有该单位及其上级单位的行、年度和计划编号，发给各校填写后用 eduplan collect 汇总；
文件夹中已有的同名文件不会被覆盖。
学校类型：kindergarten 幼儿园、primary 小学、junior 初中、nine_year 九年一贯制学校、
complete_second 完全中学、senior 普通高中、vocational 中等职业学校、special 特殊教育学校。
层级：city 市、district 辖市区、school 学校。`,
		`Write a data-entry template (CSV, ready to open in Excel) for a kind of unit: unit
columns first (id, name, level, kind, and parent), then one column per figure to enter,
headed by its name and unit in the language asked for, such as "Pupils (persons)".
Only the figures that the unit's applicable indicators need and that such a unit reports
itself are included. UTF-8 with a byte order mark by default (so Excel shows the Chinese);
--encoding gbk for GBK. --format xlsx (or an -o name ending in .xlsx) writes an Excel
workbook instead: the header row frozen, the unit columns as text (ids keep their leading
zeros), percent figures' columns in percent format (99.2 typed is 99.2%). --units takes the units of that kind from an existing data file,
one row each (with their parent units, so the file reads back as a hierarchy; a parent's
row may stay empty: its figures sum from its children). Without --units the template is
a header row to add one row per unit to.
--split DIR writes one prefilled file per unit of that kind in the list instead
("code-name.csv" or .xlsx): the unit's row and its parents' rows, the year and the
plan's id, to mail to each school and gather back with eduplan collect; a file
already in DIR is never replaced.
Kinds: kindergarten, primary, junior, nine_year, complete_second, senior, vocational,
special (or their Chinese names). Levels: city, district, school.`,
	},
	examples: []example{
		{"eduplan template --kind kindergarten -o kindergarten.csv", "幼儿园填报模板（只有表头）", "a kindergarten template (header only)"},
		{"eduplan template --kind primary --units 2016.csv --encoding gbk -o primary.csv", "按去年的数据文件预填各小学，GBK 编码", "rows for last year's primary schools, GBK-encoded"},
		{"eduplan template --level district --sample", "内置样例中各辖市区的模板", "a district template with the sample year's districts"},
		{"eduplan template --kind kindergarten --units units.csv --split returns --format xlsx", "为名单中每所幼儿园各写一个预填的 Excel 文件到 returns 文件夹", "one prefilled workbook per kindergarten of the list, in the folder returns"},
		{"eduplan template --kind kindergarten --units 2016.xlsx -o kindergarten.xlsx", "按去年的 Excel 工作簿预填各幼儿园，生成 Excel 工作簿", "rows for last year's kindergartens, from and as an Excel workbook"},
	},
}

func runTemplate(e *env, args []string) int {
	fs := e.newFlags("template")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	kindFlag := fs.String("kind", "", e.t("学校类型，如 kindergarten 或 幼儿园", "kind of school, such as kindergarten"))
	levelFlag := fs.String("level", "", e.t("层级：city、district 或 school（school 须同时给 --kind）", "level: city, district or school (school needs --kind)"))
	unitsFile := fs.String("units", "", e.t("从该数据文件取单位，每个单位一行", "take the units from this data file, one row each"))
	sample := fs.Bool("sample", false, e.t("从内置样例年度取单位", "take the units from the embedded sample year"))
	unit := fs.String("unit", "", e.t("只取该单位及其下属单位", "only this unit and its descendants"))
	encFlag := fs.String("encoding", "utf-8-bom", e.t("CSV 的编码：utf-8-bom、utf-8 或 gbk", "encoding of a CSV template: utf-8-bom, utf-8 or gbk"))
	format := fs.String("format", "", e.t("csv 或 xlsx（Excel 工作簿）；默认按 -o 的扩展名，否则 csv", "csv or xlsx (an Excel workbook); by default from the -o extension, else csv"))
	out := fs.String("o", "", e.t("写入文件（整体写入）；默认标准输出", "write to this file (whole or not at all); standard output by default"))
	split := fs.String("split", "", e.t("每个单位一个预填文件，写到该文件夹（须与 --units 或 --sample 同用）", "one prefilled file per unit, written to this folder (with --units or --sample)"))
	pos, code, done := e.parse(fs, templateHelp, args)
	if done {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("template", e.t("多余的参数：", "unexpected arguments: ")+strings.Join(pos, " "))
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = "csv"
		if formatFromExt(*out) == "xlsx" {
			f = "xlsx"
		}
	}
	switch {
	case f != "csv" && f != "xlsx":
		return e.usageError("template", e.t(fmt.Sprintf("--format 应为 csv 或 xlsx，而不是 %q", *format), fmt.Sprintf("--format must be csv or xlsx, not %q", *format)))
	case f == "xlsx" && isSet(fs, "encoding"):
		return e.usageError("template", e.t("--encoding 只用于 CSV 模板；Excel 工作簿没有编码之分", "--encoding is for a CSV template; a workbook has no encoding to choose"))
	}
	if *split != "" {
		switch {
		case *out != "":
			return e.usageError("template", e.t("--split 写一个文件夹，不能与 -o 同用", "--split writes a folder and cannot go with -o"))
		case *unitsFile == "" && !*sample:
			return e.usageError("template", e.t("--split 须与 --units（单位名单）或 --sample 同用", "--split needs --units (the list of units) or --sample"))
		}
	}
	if c := e.binaryOutput("template", f, *out); c != 0 && *split == "" {
		return c
	}
	var enc dataset.Encoding
	switch strings.ToLower(*encFlag) {
	case "utf-8-bom", "utf8-bom", "utf8bom":
		enc = dataset.UTF8BOM
	case "utf-8", "utf8":
		enc = dataset.UTF8
	case "gbk", "gb18030", "gb2312":
		enc = dataset.GBK
	default:
		return e.usageError("template", e.t("--encoding 应为 utf-8-bom、utf-8 或 gbk", "--encoding must be utf-8-bom, utf-8 or gbk"))
	}
	if *sample && *unitsFile != "" {
		return e.usageError("template", e.t("--sample 与 --units 只能选一个", "give either --sample or --units, not both"))
	}
	if c := e.checkOutput("template", *out, *planFile, *unitsFile); c != 0 {
		return c
	}
	l, code := e.loadPlan("template", *planFile)
	if l == nil {
		return code
	}
	level, kind, msg := parseLevelKind(*levelFlag, *kindFlag, l, e)
	if msg != "" {
		return e.usageError("template", msg)
	}
	// The same figures as the page's form: a template and the form ask a
	// unit the same things.
	metrics := l.cat.FormMetrics(level, kind)
	if len(metrics) == 0 {
		return e.inputError("template", e.t(
			fmt.Sprintf("计划中没有需要%s填报的数据项", unitDesc(level, kind, "zh")),
			fmt.Sprintf("the plan has no figures for a %s to enter", unitDesc(level, kind, "en"))),
			e.t("换一个 --kind 或 --level。", "choose another --kind or --level."))
	}
	byID := map[string]dataset.Field{}
	for _, f := range l.cat.Fields() {
		byID[f.ID] = f
	}
	metricOf := map[string]plan.Metric{}
	fields := make([]dataset.Field, 0, len(metrics))
	for _, m := range metrics {
		fields = append(fields, byID[m.ID])
		metricOf[m.ID] = m
	}
	var units []dataset.OrgUnit
	if *unitsFile != "" || *sample {
		ds, code := e.loadData("template", dataSource{path: *unitsFile, sample: *sample}, l, 0, false)
		if ds == nil {
			return code
		}
		if *unit != "" {
			sub := ds.Subtree(*unit)
			if sub == nil {
				return e.inputError("template", e.t(
					fmt.Sprintf("数据中没有单位 %q（数据中的单位：%s）", *unit, knownUnits(ds, 12)),
					fmt.Sprintf("no unit %q in the data (units in the data: %s)", *unit, knownUnits(ds, 12))),
					e.t("--unit 请用数据文件中的单位编号。", "use a unit id from the data file with --unit."))
			}
			ds = sub
		}
		units = templateUnits(ds, level, kind)
		if len(units) == 0 {
			fmt.Fprintf(e.stderr, "eduplan template: %s\n", e.t(
				fmt.Sprintf("注意：数据中没有%s，模板只有表头", unitDesc(level, kind, "zh")),
				fmt.Sprintf("note: the data has no %s; the template is a header row only", unitDesc(level, kind, "en"))))
		}
	} else if *unit != "" {
		return e.usageError("template", e.t("--unit 须与 --units 或 --sample 一起用", "--unit needs --units or --sample"))
	}
	names := func(f dataset.Field) string { return metricOf[f.ID].Header(e.lang) }
	if *split != "" {
		return e.splitTemplates(*split, l, units, level, kind, fields, names, enc, f)
	}
	var b bytes.Buffer
	// The levels are not written, but the units are checked against them.
	st := dataset.Stamp{Levels: l.plan.Levels}
	write := func() error { return dataset.StampedTemplate(&b, units, fields, names, enc, e.lang, st) }
	if f == "xlsx" {
		write = func() error { return xlsx.WriteStampedTemplate(&b, units, fields, names, e.lang, st) }
	}
	if err := write(); err != nil {
		if enc == dataset.GBK && f != "xlsx" {
			// The character may be in a unit's name from --units as
			// well as in the plan: the line the error gives says which.
			return e.inputError("template", e.say(err), e.t(
				"改用 --encoding utf-8-bom（Excel 同样能打开），或在该行的单位名称（来自 --units）或数据项名称（来自计划）中去掉这个字符。",
				"use --encoding utf-8-bom (Excel opens it too), or remove the character from that line's unit name (from --units) or metric name (from the plan)."))
		}
		return e.inputError("template", e.say(err), e.t("这多半是计划中数据项名称的问题；运行 eduplan lint 检查计划。", "this is most likely a problem with the plan's metric names; run eduplan lint on the plan."))
	}
	return e.emit("template", *out, b.Bytes())
}

// parseLevelKind reads --level and --kind. A kind implies the school level.
func parseLevelKind(levelS, kindS string, l *loaded, e *env) (org.Level, org.Kind, string) {
	var level org.Level
	switch strings.ToLower(strings.TrimSpace(levelS)) {
	case "":
	case "city", "市":
		level = org.City
	case "district", "辖市区", "区", "县", "区县":
		level = org.District
	case "school", "学校":
		level = org.School
	default:
		level = planLevel(plan.Hierarchy(l.plan), levelS)
	}
	if h := plan.Hierarchy(l.plan); level != "" && !h.Has(level) || level == "" && strings.TrimSpace(levelS) != "" {
		var ids []string
		for _, l := range h.IDs() {
			ids = append(ids, string(l))
		}
		last := len(ids) - 1
		return "", "", e.t(fmt.Sprintf("--level 应为 %s 或 %s，而不是 %q", strings.Join(ids[:last], "、"), ids[last], levelS),
			fmt.Sprintf("--level must be %s or %s, not %q", strings.Join(ids[:last], ", "), ids[last], levelS))
	}
	if kindS == "" {
		switch level {
		case "":
			return "", "", e.t("请给出 --kind（学校类型）或 --level（层级）", "give --kind (a kind of school) or --level")
		case org.School:
			return "", "", e.t("--level school 须同时给 --kind", "--level school needs --kind")
		}
		return level, "", ""
	}
	if level != "" && level != org.School {
		return "", "", e.t("--kind 只用于学校，不能与 --level "+levelS+" 同用", "--kind is for schools and cannot go with --level "+levelS)
	}
	kind, ok := parseKind(kindS, l)
	if !ok {
		var zh, en []string
		for _, kn := range org.KindNames() {
			zh = append(zh, string(kn.Kind)+" "+kn.Name.ZH)
			en = append(en, string(kn.Kind))
		}
		return "", "", e.t(fmt.Sprintf("未知的学校类型 %q；可用：%s", kindS, strings.Join(zh, "、")),
			fmt.Sprintf("unknown kind of school %q; known kinds: %s", kindS, strings.Join(en, ", ")))
	}
	return org.School, kind, ""
}

// parseKind accepts a kind's id or its Chinese or English name, and a kind
// the plan itself names in a scope (kinds are open-ended).
func parseKind(s string, l *loaded) (org.Kind, bool) {
	s = strings.TrimSpace(s)
	for _, kn := range org.KindNames() {
		if strings.EqualFold(s, string(kn.Kind)) || s == kn.Name.ZH || strings.EqualFold(s, kn.Name.EN) {
			return kn.Kind, true
		}
	}
	for _, m := range l.plan.Metrics {
		for _, k := range m.ReportedBy.Kinds {
			if string(k) == s {
				return k, true
			}
		}
	}
	for _, ind := range l.plan.Indicators {
		for _, k := range ind.AppliesTo.Kinds {
			if string(k) == s {
				return k, true
			}
		}
	}
	return "", false
}

func unitDesc(level org.Level, kind org.Kind, lang string) string {
	if kind != "" {
		for _, kn := range org.KindNames() {
			if kn.Kind == kind {
				if lang == "en" {
					return strings.ToLower(kn.Name.EN)
				}
				return kn.Name.ZH
			}
		}
		return string(kind)
	}
	switch level {
	case org.City:
		return map[bool]string{true: "city", false: "市"}[lang == "en"]
	case org.District:
		return map[bool]string{true: "district", false: "辖市区"}[lang == "en"]
	}
	if lang == "en" {
		return strings.ToLower(level.Name().EN)
	}
	return level.Name().ZH
}

// planLevel finds the level of a plan's hierarchy that s names by id or
// name (省, Province, province); "" when none does.
func planLevel(h org.Hierarchy, s string) org.Level {
	s = strings.TrimSpace(s)
	for _, d := range h {
		if strings.EqualFold(s, string(d.ID)) || s == d.Name.ZH || strings.EqualFold(s, d.Name.EN) {
			return d.ID
		}
	}
	return ""
}

// templateUnits picks the units of a level and kind, with every ancestor
// before them so that the template reads back as a valid hierarchy.
func templateUnits(ds *dataset.Dataset, level org.Level, kind org.Kind) []dataset.OrgUnit {
	need := make([]bool, len(ds.Units))
	for i, u := range ds.Units {
		if u.Level != level || (kind != "" && u.Kind != kind) {
			continue
		}
		need[i] = true
		for p := u.Parent; p != ""; {
			j, ok := ds.Index(p)
			if !ok || need[j] {
				break
			}
			need[j] = true
			p = ds.Units[j].Parent
		}
	}
	var out []dataset.OrgUnit
	for i, u := range ds.Units {
		if need[i] {
			out = append(out, u)
		}
	}
	return out
}
