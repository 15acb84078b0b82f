package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// FuzzSubstitute feeds arbitrary formula text and names to the code that
// writes a formula with its figures put in: it must not panic, and a
// formula that names no input comes back unchanged.
func FuzzSubstitute(f *testing.F) {
	f.Add("3-5岁在园幼儿数 / 3-5岁适龄人口", "3-5岁在园幼儿数", "kg", 12.5, "spread")
	f.Add("max(rate) - min( rate )", "rate", "rate", 0.5, "max")
	f.Add("((", ")", "", -1.0, "")
	f.Add("a/b", "", "a", 0.0, "a")
	f.Fuzz(func(t *testing.T, formula, name, id string, v float64, fn string) {
		res := indicators.Result{
			Formula: formula,
			Unit:    plan.Percent,
			Inputs: []indicators.Input{
				{ID: id, Name: msg.Text{ZH: name}, Unit: plan.Count, Value: &v},
			},
			Aggregates: []indicators.AggregateInput{{Func: fn, Of: name, Value: &v}},
		}
		out := substitute(res)
		if (name == "" || !strings.Contains(formula, name)) && (id == "" || !strings.Contains(formula, id)) && out != formula {
			t.Fatalf("substitute(%q) = %q, want it unchanged", formula, out)
		}
		_ = replaceNames(formula, map[string]string{name: id, id: name})
		callSpan(formula, name, "")
	})
}

// writeFlag matches a flag that would make the command write a file.
var writeFlag = regexp.MustCompile(`^--?(o|out|single)(=|$)`)

// FuzzRun runs the read-only commands with arbitrary arguments: whatever
// they are, the command must not panic and must end with 0, 1 or 2.
func FuzzRun(f *testing.F) {
	f.Add(uint8(0), "--plan\x00testdata/plan.json\x00testdata/fail.csv\x00--unit\x00d2,p1")
	f.Add(uint8(1), "testdata/plan.json\x00--format=json")
	f.Add(uint8(2), "--plan\x00testdata/plan.json\x00--as-of\x002017-02-30\x00--office\x00基教处")
	f.Add(uint8(3), "--plan\x00testdata/plan.json\x00--kind\x00幼儿园\x00--encoding\x00gbk")
	f.Add(uint8(4), "--plan\x00testdata/plan.json\x00--data\x00testdata/pass.csv\x00ger_gap\x00--lang=en")
	f.Add(uint8(0), "--year\x00-1\x00--sample\x00--fail-on\x00")
	f.Fuzz(func(t *testing.T, cmd uint8, joined string) {
		cmds := []string{"check", "lint", "tasks", "template", "explain", "help"}
		args := []string{cmds[int(cmd)%len(cmds)]}
		if joined != "" {
			args = append(args, strings.Split(joined, "\x00")...)
		}
		for _, a := range args {
			if writeFlag.MatchString(a) {
				return
			}
		}
		var out, errb bytes.Buffer
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			lang: langOf(args), now: func() time.Time { return time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC) }}
		code := e.main(args)
		if code < 0 || code > 2 {
			t.Fatalf("exit status %d for %q", code, args)
		}
		if code == exitUsage && errb.Len() == 0 {
			t.Fatalf("exit 2 without a message for %q", args)
		}
	})
}
