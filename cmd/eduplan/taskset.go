package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/internal/safefile"
	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/plan"
)

// statusChange is one --set ID=STATE[@DATE].
type statusChange struct {
	arg   string // as typed, for messages
	item  string
	state plan.State
	date  plan.Date // zero: the as-of date
}

// parseSets reads the --set arguments and checks where they will be
// written, before anything is loaded: a mistyped state or a status file that
// is the plan must not cost a run, let alone the plan.
func (e *env) parseSets(sets []string, statusFile, planFile string) ([]statusChange, int) {
	if len(sets) == 0 {
		return nil, 0
	}
	hint := e.t("按 --set 条目编号=状态[@YYYY-MM-DD] 书写，如 --set reform-year.preschool.1=done@2017-03-20。",
		"write --set ITEM_ID=STATE[@YYYY-MM-DD], such as --set reform-year.preschool.1=done@2017-03-20.")
	colon := e.t("：", ": ")
	switch {
	case statusFile == "":
		return nil, e.usageError("tasks", e.t("--set 须与 --status FILE 一起用：状态写入状态文件，从不写入计划",
			"--set needs --status FILE: states are written to a status file, never to the plan"))
	case statusFile == "-":
		return nil, e.usageError("tasks", e.t("--set 不能写入标准输入（--status -）", "--set cannot write to standard input (--status -)"))
	case planFile != "" && samePath(statusFile, planFile):
		return nil, e.inputError("tasks", e.t(
			fmt.Sprintf("状态文件 %s 就是计划文件 %s，--set 不会改写计划", statusFile, planFile),
			fmt.Sprintf("the status file %s is the plan file %s: --set never writes to the plan", statusFile, planFile)),
			e.t("--status 请给出另一个文件，如 --status status.json；没有时会新建。",
				"give --status another file, such as --status status.json; it is created if missing."))
	}
	if st, err := os.Stat(statusFile); err == nil && st.IsDir() {
		return nil, e.inputError("tasks", e.t("状态文件 "+statusFile+" 是一个文件夹", "the status file "+statusFile+" is a folder"),
			e.t("--status 请给出文件名，如 --status status.json。", "give --status a file name, such as --status status.json."))
	}
	var out []statusChange
	seen := map[string]string{}
	for _, arg := range sets {
		id, rest, ok := strings.Cut(strings.ReplaceAll(arg, "＝", "="), "=")
		id = strings.TrimSpace(id)
		if !ok || id == "" || strings.TrimSpace(rest) == "" {
			return nil, e.inputError("tasks", e.t(fmt.Sprintf("--set %q 缺少条目编号或状态", arg),
				fmt.Sprintf("--set %q lacks the item id or the state", arg)), hint)
		}
		word, day, hasDate := strings.Cut(strings.ReplaceAll(rest, "＠", "@"), "@")
		st, err := plan.ParseState(word)
		if err != nil {
			return nil, e.inputError("tasks", fmt.Sprintf("--set %q%s%s", arg, colon, e.say(err)), hint)
		}
		c := statusChange{arg: arg, item: id, state: st}
		if hasDate {
			d, err := plan.ParseDate(strings.TrimSpace(day))
			if err != nil {
				return nil, e.inputError("tasks", fmt.Sprintf("--set %q%s%s", arg, colon, e.say(err)), hint)
			}
			c.date = d
		}
		if first, dup := seen[id]; dup {
			return nil, e.inputError("tasks", e.t(fmt.Sprintf("条目 %s 给了两次：--set %q 与 --set %q", id, first, arg),
				fmt.Sprintf("item %s is given twice: --set %q and --set %q", id, first, arg)),
				e.t("每个条目只记一条状态；保留其中一个。", "an item keeps one status: keep one of them."))
		}
		seen[id] = arg
		out = append(out, c)
	}
	return out, 0
}

// applySets records the changes in the status file, creating it when
// missing, and returns the new book. The file is written whole or not at
// all, and only when every change is valid: one bad --set leaves it as it
// was. A change without a date is dated asOf, so that it counts in the task
// book printed with the same date (a status dated later is not yet known
// then).
func (e *env) applySets(p *plan.Plan, statusFile string, changes []statusChange, asOf plan.Date) (*plan.StatusBook, int) {
	book := plan.NewStatusBook(p)
	created := false
	data, err := os.ReadFile(statusFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		created = true
	case err != nil:
		return nil, e.inputError("tasks", e.t("无法读取状态文件：", "cannot read the status file: ")+e.say(err),
			e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
	default:
		if book, err = plan.LoadStatus(bytes.NewReader(data), p); err != nil {
			return nil, e.statusProblems("tasks", statusFile, prefixProblems(statusFile, err))
		}
	}
	ids := map[string]bool{}
	for _, ref := range p.Items() {
		ids[ref.Item.ID] = true
	}
	for _, c := range changes {
		if !ids[c.item] {
			text := e.t(fmt.Sprintf("--set %q：计划中没有任务书条目 %q", c.arg, c.item),
				fmt.Sprintf("--set %q: the plan has no task-book item %q", c.arg, c.item))
			if s := suggestItems(c.item, p.Items()); s != "" {
				text += e.t("；是否指 ", "; did you mean ") + s + e.t("？", "?")
			}
			return nil, e.inputError("tasks", text, e.t("eduplan tasks 的“编号”列（或 --format csv 的“条目编号”列）列出全部条目编号；状态文件未改动。",
				"the ID column of eduplan tasks (or item_id with --format csv) lists every item id; the status file is unchanged."))
		}
	}
	for _, c := range changes {
		d := c.date
		if d.IsZero() {
			d = asOf
		}
		s, _ := book.Get(c.item)
		// A note belongs to the state it was written for; a new state
		// keeps it only when the state does not change.
		note := ""
		if s.State == c.state {
			note = s.Note
		}
		book.Set(plan.Status{Item: c.item, State: c.state, Date: d, Note: note})
	}
	if err := book.Validate(p); err != nil {
		return nil, e.statusProblems("tasks", statusFile, prefixProblems(statusFile, err))
	}
	var b bytes.Buffer
	if err := book.Save(&b); err != nil {
		return nil, e.inputError("tasks", e.say(err), "")
	}
	if err := safefile.WriteFile(statusFile, b.Bytes()); err != nil {
		return nil, e.inputError("tasks", e.say(err),
			e.t("确认文件夹存在且可写；原有文件未被改动。", "check that the folder exists and is writable; any existing file is unchanged."))
	}
	verb := e.t("已更新", "updated")
	if created {
		verb = e.t("已新建", "created")
	}
	fmt.Fprintf(e.stderr, "eduplan tasks: %s %s%s\n", verb, statusFile, e.t("：", ":"))
	for _, c := range changes {
		s, _ := book.Get(c.item)
		line := fmt.Sprintf("  %s → %s（%s）", c.item, e.stateName(s.State), s.Date)
		if e.lang == "en" {
			line = fmt.Sprintf("  %s → %s (%s)", c.item, e.stateName(s.State), s.Date)
		}
		if s.Date.After(asOf) {
			line += e.t(fmt.Sprintf("；晚于截至日期 %s，下表尚不计入", asOf),
				fmt.Sprintf("; after the as-of date %s, so not yet counted below", asOf))
		}
		fmt.Fprintln(e.stderr, line)
	}
	return book, 0
}

// stateName is a state in the user's language.
func (e *env) stateName(s plan.State) string {
	switch s {
	case plan.Done:
		return e.t("已完成", "done")
	case plan.InProgress:
		return e.t("进行中", "in progress")
	}
	return e.t("未开始", "not started")
}

// suggestItems names the item ids closest to a mistyped one: the nearest
// by spelling, else up to five whose id or label (学前教育机制改革1) contains
// what was typed, since a reader of the table may type the label.
func suggestItems(id string, refs []plan.ItemRef) string {
	all := make([]string, len(refs))
	for i, r := range refs {
		all[i] = r.Item.ID
	}
	if s := strictjson.Nearest(id, all); s != "" {
		return s
	}
	var out []string
	low := strings.ToLower(strings.TrimSpace(id))
	for _, r := range refs {
		if strings.Contains(strings.ToLower(r.Item.ID), low) || strings.Contains(r.Label.ZH, id) ||
			strings.Contains(strings.ToLower(r.Label.EN), low) {
			out = append(out, r.Item.ID)
		}
	}
	sort.Strings(out)
	if len(out) > 5 {
		out = out[:5]
	}
	return strings.Join(out, ", ")
}

// samePath reports whether two paths name the same file, by path or, when
// both exist, by identity (a link, another spelling of the path).
func samePath(a, b string) bool {
	if sa, err := os.Stat(a); err == nil {
		if sb, err := os.Stat(b); err == nil && os.SameFile(sa, sb) {
			return true
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}
