package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/plan/lint"
)

var lintHelp = cmdHelp{
	usage: "eduplan lint [flags] PLAN.json",
	about: [2]string{
		`检查计划文件：格式、未知字段、重复编号、每条公式和目标能否解析、
每个数据项和指标引用是否存在、完成时限能否识别、指标是否循环引用。
一次列出全部问题，每个问题带 JSON 路径（如 sections[2].tasks[4].indicators[1]）。`,
		`Check a plan file: format, unknown fields, duplicate ids, whether every formula and
target parses, whether every metric and indicator reference resolves, whether deadlines
read, and whether indicators use each other in a circle. Every problem is listed at once,
each with its JSON path (such as sections[2].tasks[4].indicators[1]).`,
	},
	sections: [][2]string{
		{"退出状态：0 没有问题；2 有问题（全部列在标准输出）或无法读取文件。",
			"Exit status: 0 no problems; 2 problems (all listed on standard output) or the file cannot be read."},
	},
	examples: []example{
		{"eduplan lint myplan.json", "", ""},
		{"eduplan lint --format json myplan.json", "问题以 JSON 列出，供编辑器或 CI 读取", "problems as JSON, for an editor or CI"},
	},
}

// lintResult is lint's JSON output.
type lintResult struct {
	File     string        `json:"file"`
	OK       bool          `json:"ok"`
	Problems []msg.Problem `json:"problems"`
	// Warnings do not fail lint: what can be read but is probably not what
	// was meant (lint.Warnings).
	Warnings []msg.Problem `json:"warnings"`
}

func runLint(e *env, args []string) int {
	fs := e.newFlags("lint")
	format := fs.String("format", "text", e.t("输出格式：text 或 json", "output format: text or json"))
	pos, code, done := e.parse(fs, lintHelp, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		return e.usageError("lint", e.t("请给出一个计划文件", "give one plan file"))
	}
	if *format != "text" && *format != "json" {
		return e.usageError("lint", e.t("--format 应为 text 或 json", "--format must be text or json"))
	}
	path := pos[0]
	var probs msg.Problems
	p, err := plan.LoadFile(path)
	if err == nil {
		_, cerr := indicators.Compile(p)
		err = cerrOrNil(prefixProblems(path, cerr), cerr)
	}
	if err != nil && !errors.As(err, &probs) {
		// Not a list of problems: the file could not be read at all.
		return e.inputError("lint", e.say(err), e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
	}
	warns := msg.Problems{}
	if err == nil {
		warns = append(warns, lint.Warnings(p)...)
	}
	var b bytes.Buffer
	if *format == "json" {
		res := lintResult{File: path, OK: len(probs) == 0, Problems: probs, Warnings: warns}
		if res.Problems == nil {
			res.Problems = []msg.Problem{}
		}
		if err := writeJSON(&b, res); err != nil {
			return e.inputError("lint", e.say(err), "")
		}
	} else if len(probs) == 0 {
		fmt.Fprintf(&b, "%s\n", e.t(
			fmt.Sprintf("%s：没有问题（%d 个数据项，%d 个指标，%s%d 项任务，%d 条任务书条目）", path, len(p.Metrics), len(p.Indicators), rulesCount(p, "%d 条校验规则，"), countTasks(p), len(p.Items())),
			fmt.Sprintf("%s: no problems (%d metrics, %d indicators, %s%d tasks, %d task-book items)", path, len(p.Metrics), len(p.Indicators), rulesCount(p, "%d validation rules, "), countTasks(p), len(p.Items()))))
	} else {
		for _, pr := range probs {
			fmt.Fprintln(&b, pr.In(e.lang))
		}
	}
	if *format != "json" {
		for _, w := range warns {
			fmt.Fprintf(&b, "%s%s: %s\n", e.t("注意：", "warning: "), path, w.In(e.lang))
		}
	}
	text := b.Bytes()
	if *format != "json" {
		text = visibleText(text)
	}
	if c := e.emit("lint", "", text); c != 0 {
		return c
	}
	if len(probs) > 0 {
		fmt.Fprintf(e.stderr, "eduplan lint: %s\n", e.t(
			fmt.Sprintf("%s 有 %d 个问题；按路径改正后重新运行。", path, len(probs)),
			fmt.Sprintf("%s has %d problem(s); correct them at their paths and run again.", path, len(probs))))
		return exitUsage
	}
	return exitOK
}

// cerrOrNil keeps a nil error nil after prefixProblems.
func cerrOrNil(prefixed, orig error) error {
	if orig == nil {
		return nil
	}
	return prefixed
}

func countTasks(p *plan.Plan) int {
	n := 0
	for _, s := range p.Sections {
		n += len(s.Tasks)
	}
	return n
}

// rulesCount says how many validation rules a plan has, in format, or
// nothing for a plan without any.
func rulesCount(p *plan.Plan, format string) string {
	if len(p.ValidationRules) == 0 {
		return ""
	}
	return fmt.Sprintf(format, len(p.ValidationRules))
}
