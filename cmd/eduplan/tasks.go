package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/internal/spreadsheet"
	"github.com/eduplan/eduplan/plan"
)

var tasksHelp = cmdHelp{
	usage: "eduplan tasks [flags]",
	about: [2]string{
		`列出计划任务书的条目：完成时限、截至 --as-of 日期的状态，逾期条目在前，
然后按到期日、长期任务、无时限排列。不给 --as-of 时，截至日期为今天，但不晚于
计划年度末（12月31日）：2017 年的计划在 2017 年内按今天、之后按 2017-12-31 计，
输出会写明所用日期和原因。完成时限当天仍算按时。

--status 读入记录的完成状态（JSON，格式 eduplan.status/v1）；没有记录的条目按
“未开始”计；日期晚于截至日期的状态那天尚不知道，也不计入。--set 编号=状态[@日期]
把状态写进 --status 文件（没有则新建，整体写入，从不改动计划文件），可重复；
状态为 done/已完成、in_progress/进行中、not_started/未开始；不写日期时记为截至
日期（随后列出的任务书因此计入它）。表中“编号”列是 --set 所用的条目编号。`,
		`List the plan's task-book items: deadline and state as of --as-of, overdue items
first, then by due date, standing (长期) items, and items without a deadline. Without
--as-of the date is today, but no later than the end of the plan's year (31 December):
a 2017 plan is read as of today during 2017 and as of 2017-12-31 afterwards, and the
output says which date it used and why. The due day itself is still on time.

--status reads recorded states (JSON, format eduplan.status/v1); an item with no
status counts as not started, and a status dated after the as-of date is not yet
known then. --set ID=STATE[@DATE] writes a state into the --status file (created if
missing, written whole, never the plan file) and may be repeated; STATE is
done/已完成, in_progress/进行中 or not_started/未开始; without @DATE the state is dated
the as-of date, so that the task book printed after it counts it. The ID column of
the table holds the item ids --set takes.`,
	},
	sections: [][2]string{
		{"退出状态：0 正常；1 有逾期条目且给了 --fail-overdue；2 输入或参数有误（--set 有误时状态文件不变）。",
			"Exit status: 0 done; 1 an item is overdue and --fail-overdue was given; 2 bad input or usage (a bad --set leaves the status file as it was)."},
	},
	examples: []example{
		{"eduplan tasks", "截至今天或计划年度末的任务书", "the task book as of today, or the end of the plan's year once it is over"},
		{"eduplan tasks --as-of 2017-07-01", "截至2017年7月1日的任务书", "the task book as of 1 July 2017"},
		{"eduplan tasks --status status.json --set reform-year.preschool.1=done@2017-03-20 --set reform-year.teaching.3=进行中",
			"在 status.json 中记录两个条目的状态（没有则新建），再列出任务书", "record two items' states in status.json (created if missing), then list the task book"},
		{"eduplan tasks --as-of 2017-12-31 --status status.json --office 基教处 --overdue", "基教处逾期未完成的条目", "the overdue items of the basic education office"},
		{"eduplan tasks --lead 黄科文 --format csv -o tasks.csv", "某位牵头领导的条目，CSV", "one lead's items, as CSV"},
	},
}

func runTasks(e *env, args []string) int {
	fs := e.newFlags("tasks")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	asOf := fs.String("as-of", "", e.t("截至日期 YYYY-MM-DD；默认为今天，但不晚于计划年度末（12月31日）",
		"as-of date YYYY-MM-DD; by default today, but no later than the end of the plan's year (31 December)"))
	statusFile := fs.String("status", "", e.t("完成状态文件（JSON）；与 --set 同用时写入此文件", "status file (JSON); written to with --set"))
	var sets listFlag
	fs.Var(&sets, "set", e.t("记录条目状态 编号=状态[@日期]，写入 --status 文件（不改计划）；可重复。状态：done/已完成、in_progress/进行中、not_started/未开始；日期默认为截至日期",
		"record an item's state ID=STATE[@DATE] in the --status file (never the plan); may be repeated. States: done/已完成, in_progress/进行中, not_started/未开始; the date defaults to the as-of date"))
	office := fs.String("office", "", e.t("只列该责任处室的条目", "only the items of this responsible office"))
	lead := fs.String("lead", "", e.t("只列该牵头领导的条目", "only the items of this lead"))
	overdue := fs.Bool("overdue", false, e.t("只列逾期条目", "only overdue items"))
	failOverdue := fs.Bool("fail-overdue", false, e.t("有逾期条目时返回 1（供 CI 使用）", "exit 1 when an item is overdue (for CI)"))
	format := fs.String("format", "table", e.t("输出格式：table、json、csv", "output format: table, json, csv"))
	out := fs.String("o", "", e.t("写入文件（整体写入）；默认标准输出", "write to this file (whole or not at all); standard output by default"))
	pos, code, done := e.parse(fs, tasksHelp, args)
	if done {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("tasks", e.t("多余的参数：", "unexpected arguments: ")+strings.Join(pos, " "))
	}
	if !contains([]string{"table", "json", "csv"}, *format) {
		return e.usageError("tasks", e.t("--format 应为 table、json 或 csv", "--format must be table, json or csv"))
	}
	var given plan.Date
	if *asOf != "" {
		d, err := plan.ParseDate(*asOf)
		if err != nil {
			return e.usageError("tasks", "--as-of: "+e.say(err))
		}
		given = d
	}
	changes, c := e.parseSets(sets, *statusFile, *planFile)
	if c != 0 {
		return c
	}
	if c := e.checkOutput("tasks", *out, *planFile, *statusFile); c != 0 {
		return c
	}
	l, code := e.loadPlan("tasks", *planFile)
	if l == nil {
		return code
	}
	when := plan.DefaultAsOf(l.plan, plan.DateOf(e.now()))
	if *asOf != "" {
		when = plan.GivenAsOf(given)
	}
	date := when.Date
	var book *plan.StatusBook
	if len(changes) > 0 {
		if book, code = e.applySets(l.plan, *statusFile, changes, date); book == nil {
			return code
		}
	} else if *statusFile != "" {
		f, err := os.Open(*statusFile)
		if err != nil {
			return e.inputError("tasks", e.t("无法打开状态文件：", "cannot open the status file: ")+e.say(err),
				e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
		}
		book, err = plan.LoadStatus(f, l.plan)
		f.Close()
		if err != nil {
			return e.statusProblems("tasks", *statusFile, prefixProblems(*statusFile, err))
		}
	}
	if c := e.checkPeople(l.plan, date, book, *office, *lead); c != 0 {
		return c
	}
	entries := l.plan.Schedule(date, book, plan.Filter{Office: *office, Lead: *lead, OverdueOnly: *overdue})
	nOverdue := plan.OverdueCount(entries)
	var b bytes.Buffer
	var err error
	switch *format {
	case "table":
		e.tasksTable(&b, l.plan, when, entries, nOverdue, *office, *lead)
	case "json":
		err = writeJSON(&b, struct {
			Plan       string          `json:"plan"`
			AsOf       plan.Date       `json:"as_of"`
			AsOfReason plan.AsOfReason `json:"as_of_reason"`
			Filter     plan.Filter     `json:"filter"`
			Overdue    int             `json:"overdue"`
			Entries    []plan.Entry    `json:"entries"`
		}{l.plan.ID, date, when.Reason, plan.Filter{Office: *office, Lead: *lead, OverdueOnly: *overdue}, nOverdue, nonNil(entries)})
	case "csv":
		err = e.tasksCSV(&b, entries)
	}
	if err != nil {
		return e.inputError("tasks", e.say(err), "")
	}
	if *format != "table" && when.Reason != plan.AsOfGiven {
		// The machine formats have no heading to say it in, and a reader
		// of the file should still learn which day the states are for.
		fmt.Fprintf(e.stderr, "eduplan tasks: %s\n", e.asOfText(when))
	}
	text := b.Bytes()
	if *format == "table" {
		text = visibleText(text)
	}
	if c := e.emit("tasks", *out, text); c != 0 {
		return c
	}
	if *failOverdue && nOverdue > 0 {
		fmt.Fprintf(e.stderr, "eduplan tasks: %s\n", e.t(
			fmt.Sprintf("截至 %s 有 %d 条逾期", date, nOverdue), fmt.Sprintf("%d item(s) overdue as of %s", nOverdue, date)))
		return exitFail
	}
	return exitOK
}

// asOfText is "截至 2017-12-31（计划年度末；用 --as-of 指定其他日期）": the
// date, and when the user did not choose it, why this one and how to
// choose another.
func (e *env) asOfText(a plan.AsOf) string {
	if a.Reason == plan.AsOfGiven {
		return e.t("截至 ", "as of ") + a.Date.String()
	}
	return e.t("截至 "+a.Date.String()+"（"+a.Why().ZH+"；用 --as-of 指定其他日期）",
		"as of "+a.Date.String()+" ("+a.Why().EN+"; choose another date with --as-of)")
}

func nonNil(es []plan.Entry) []plan.Entry {
	if es == nil {
		return []plan.Entry{}
	}
	return es
}

// stateText is an entry's state as a reader wants it: overdue with days
// late first.
func (e *env) stateText(en plan.Entry) string {
	if en.Overdue {
		return e.t(fmt.Sprintf("逾期%d天", en.DaysLate), fmt.Sprintf("overdue %dd", en.DaysLate))
	}
	return e.stateName(en.State)
}

func (e *env) dueText(en plan.Entry) string {
	switch {
	case en.DeadlineError != nil:
		return e.t("无法识别", "unreadable")
	case en.Deadline == nil:
		return e.t("无", "none")
	case en.Deadline.Ongoing:
		return e.t("长期", "ongoing")
	}
	return en.Deadline.Due.String()
}

func (e *env) tasksTable(b *bytes.Buffer, p *plan.Plan, when plan.AsOf, entries []plan.Entry, nOverdue int, office, lead string) {
	head := e.t(fmt.Sprintf("任务书 · %s · %s · %d 条，逾期 %d 条", p.Title.In("zh"), e.asOfText(when), len(entries), nOverdue),
		fmt.Sprintf("Task book · %s · %s · %d items, %d overdue", p.Title.In("en"), e.asOfText(when), len(entries), nOverdue))
	if office != "" {
		head += e.t(" · 处室 ", " · office ") + office
	}
	if lead != "" {
		head += e.t(" · 牵头领导 ", " · lead ") + lead
	}
	fmt.Fprintln(b, head)
	fmt.Fprintln(b)
	if len(entries) == 0 {
		fmt.Fprintln(b, "  "+e.t("（没有条目）", "(no items)"))
		return
	}
	rows := [][]string{{e.t("状态", "State"), e.t("到期日", "Due"), e.t("完成时限", "Deadline"),
		e.t("责任处室", "Office"), e.t("牵头领导", "Lead"), e.t("条目", "Item"), e.t("内容", "Content"), e.t("编号", "ID")}}
	var notes []string
	for _, en := range entries {
		it := en.Item.Item
		rows = append(rows, []string{e.stateText(en), e.dueText(en), it.Deadline.Line(e.lang),
			it.Office.Line(e.lang), it.Leads.Line(e.lang), en.Item.Label.In(e.lang), truncate(oneLine(it.Content.In(e.lang)), 40), oneLine(it.ID)})
		if en.DeadlineError != nil {
			notes = append(notes, en.Item.Label.In(e.lang)+e.t("：", ": ")+en.DeadlineError.In(e.lang))
		}
		if en.Status != nil && en.Status.Note != "" {
			notes = append(notes, en.Item.Label.In(e.lang)+e.t("：", ": ")+oneLine(en.Status.Note))
		}
	}
	reportfmt.WriteColumns(b, rows, nil)
	if len(notes) > 0 {
		fmt.Fprintln(b)
		for _, n := range notes {
			fmt.Fprintln(b, "  · "+n)
		}
	}
}

func (e *env) tasksCSV(b *bytes.Buffer, entries []plan.Entry) error {
	var w strings.Builder
	w.WriteString(spreadsheet.BOM)
	spreadsheet.AppendRow(&w, []string{e.t("条目编号", "item_id"), e.t("条目", "item"), e.t("内容", "content"), e.t("责任单位", "units"),
		e.t("责任处室", "office"), e.t("牵头领导", "leads"), e.t("完成时限", "deadline"), e.t("到期日", "due"),
		e.t("状态", "state"), e.t("状态日期", "state_date"), e.t("备注", "note"), e.t("逾期", "overdue"), e.t("逾期天数", "days_late")}, true)
	for _, en := range entries {
		it := en.Item.Item
		date, note := "", ""
		if en.Status != nil {
			date, note = en.Status.Date.String(), en.Status.Note
		}
		overdue, late := e.t("否", "no"), ""
		if en.Overdue {
			overdue, late = e.t("是", "yes"), strconv.Itoa(en.DaysLate)
		}
		// Plan and status texts may begin like a formula: kept as text.
		spreadsheet.AppendRow(&w, spreadsheet.GuardRow([]string{it.ID, en.Item.Label.In(e.lang), it.Content.In(e.lang), it.Units.Line(e.lang), it.Office.Line(e.lang),
			it.Leads.Line(e.lang), it.Deadline.Line(e.lang), e.dueText(en), e.stateText(en), date, note, overdue, late}), true)
	}
	b.WriteString(w.String())
	return nil
}

// truncate shortens s to at most w display columns, ending in "…".
func truncate(s string, w int) string {
	if reportfmt.Width(s) <= w {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := reportfmt.Width(string(r))
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return b.String() + "…"
}

// oneLine joins the lines of a text with spaces and drops control
// characters, for a table cell: text from a plan file must not be able to
// move the cursor or recolour a terminal.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.Join(strings.Fields(s), " "))
}

// checkPeople refuses an --office or --lead that no item of the task book
// names, listing those it does: a typo would otherwise print an empty
// book, which reads as "nothing to do".
func (e *env) checkPeople(p *plan.Plan, date plan.Date, book *plan.StatusBook, office, lead string) int {
	for _, f := range []struct {
		flag, value, zh, en string
		filter              plan.Filter
		groups              func([]plan.Entry) []plan.Group
	}{
		{"--office", office, "处室", "office", plan.Filter{Office: office}, plan.GroupByOffice},
		{"--lead", lead, "牵头领导", "lead", plan.Filter{Lead: lead}, plan.GroupByLead},
	} {
		if f.value == "" || len(p.Schedule(date, book, f.filter)) > 0 {
			continue
		}
		var names []string
		for _, g := range f.groups(p.Schedule(date, book, plan.Filter{})) {
			if g.Key != "" {
				names = append(names, g.Key)
			}
		}
		return e.usageError("tasks", e.t(
			fmt.Sprintf("任务书中没有%s %q（任务书中的%s：%s）", f.zh, f.value, f.zh, strings.Join(names, "、")),
			fmt.Sprintf("no task-book item has the %s %q (the %ss in the task book: %s)", f.en, f.value, f.en, strings.Join(names, ", "))))
	}
	return 0
}
