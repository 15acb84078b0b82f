package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eduplan/eduplan/msg"
)

// Exit statuses. check uses all three; the other commands 0 and 2 (tasks
// also 1 with --fail-overdue).
const (
	exitOK    = 0 // done; for check, every binding target met
	exitFail  = 1 // check: a target not met under --fail-on
	exitUsage = 2 // bad input or usage
)

// env is what a command runs with. run fills it from the process; tests
// fill it themselves to control the clock, the terminal and cancellation.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	// lang is "zh" or "en": help, reports and messages.
	lang string
	now  func() time.Time
	// terminal: stderr is a terminal, so progress may be drawn on it.
	terminal bool
}

// command is one subcommand.
type command struct {
	name    string
	summary [2]string // zh, en
	run     func(e *env, args []string) int
}

var commands []command

func init() {
	// Filled here rather than in the declaration: the help command lists
	// commands, which would make the declaration refer to itself.
	commands = []command{
		{"check", [2]string{"按计划评估一年的数据（--sample 评估内置样例年度）", "assess a year's figures against the plan (--sample: the embedded sample year)"}, runCheck},
		{"progress", [2]string{"按多年规划评估几年的数据：基期、比上年、完成度和进度状态", "assess several years against a multi-year plan: baseline, change, completion and progress status"}, runProgress},
		{"lint", [2]string{"检查计划文件：结构、规则、引用，列出全部问题", "check a plan file: schema, rules, references; every problem listed"}, runLint},
		{"tasks", [2]string{"任务书：截至某日的完成时限，逾期条目在前", "the task book: deadlines as of a date, overdue items first"}, runTasks},
		{"template", [2]string{"生成数据填报模板（CSV 或 Excel 工作簿）", "write a data-entry template (CSV or an Excel workbook)"}, runTemplate},
		{"collect", [2]string{"汇总各单位交回的报表，列出没有交回的单位", "merge the returns of many units, naming those that did not return"}, runCollect},
		{"explain", [2]string{"解释一个指标：公式、目标、原文、任务，以及结果背后的计算", "explain an indicator: formula, target, wording, task and the arithmetic behind a result"}, runExplain},
		{"sql", [2]string{"把计划的指标编译成 SQL（DuckDB、PostgreSQL、Spark）", "compile the plan's indicators into SQL (DuckDB, PostgreSQL, Spark)"}, runSQL},
		{"serve", [2]string{"在本机启动浏览器自评页面", "serve the browser self-assessment page on this machine"}, runServe},
		{"build-web", [2]string{"生成浏览器页面：静态文件夹和/或单个 HTML 文件", "build the browser page: a static folder and/or one HTML file"}, runBuildWeb},
		{"help", [2]string{"显示帮助", "show help"}, runHelp},
	}
}

// run is the whole program: main only adds os.Exit. Tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{
		ctx:      context.Background(),
		stdin:    stdin,
		stdout:   stdout,
		stderr:   visibleWriter{stderr},
		lang:     langOf(args),
		now:      time.Now,
		terminal: isTerminal(stderr),
	}
	return e.main(args)
}

func (e *env) main(args []string) int {
	if len(args) == 0 {
		e.globalHelp(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		e.globalHelp(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "eduplan: %s\n", e.t(
		fmt.Sprintf("未知的命令 %q。可用的命令：%s。运行 eduplan --help 查看说明。", name, commandNames()),
		fmt.Sprintf("unknown command %q. Commands: %s. Run eduplan --help for help.", name, commandNames())))
	return exitUsage
}

func commandNames() string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		e.globalHelp(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run(e, []string{"--help"})
		}
	}
	return e.main(args)
}

func (e *env) globalHelp(w io.Writer) {
	fmt.Fprintln(w, e.t("eduplan：按教育工作计划检查年度数据。", "eduplan: check a year's education figures against a work plan."))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("用法：eduplan 命令 [参数]", "Usage: eduplan COMMAND [flags]"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("命令：", "Commands:"))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, e.t(c.summary[0], c.summary[1]))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("先试一试（内置计划与样例年度，数据为虚构）：", "Try first (the embedded plan and its sample year, synthetic figures):"))
	fmt.Fprintln(w, "  eduplan check --sample")
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("每个命令都有 --help，例如 eduplan check --help。加 --lang en 显示英文。",
		"Every command has --help, for example eduplan check --help. Add --lang zh for Chinese."))
}

// t picks the Chinese or the English text.
func (e *env) t(zh, en string) string {
	if e.lang == "en" {
		return en
	}
	return zh
}

// say renders an error in the user's language: errors of the library know
// both; the standard library's (a missing file) are as they are.
func (e *env) say(err error) string { return msg.In(err, e.lang) }

// langOf finds --lang among the arguments before any parsing, so that even
// an error in the arguments is reported in the language asked for. The last
// one counts, as it does for the flag itself; nothing after "--" is a flag.
func langOf(args []string) string {
	lang := "zh"
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, p := range []string{"--lang=", "-lang="} {
			if v, ok := strings.CutPrefix(a, p); ok {
				lang = normLang(v)
			}
		}
		if (a == "--lang" || a == "-lang") && i+1 < len(args) {
			lang = normLang(args[i+1])
		}
	}
	return lang
}

func normLang(s string) string {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return "en"
	}
	return "zh"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// cmdHelp is the help of one command.
type cmdHelp struct {
	usage    string    // "eduplan check [flags] DATA"
	about    [2]string // zh, en: what it does, a few lines
	examples []example
	// sections are extra paragraphs (exit statuses, formats).
	sections [][2]string
}

// newFlags returns a flag set whose errors and help go through env, in the
// user's language, instead of the flag package's English on stderr.
func (e *env) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags and positional arguments in any order ("lint FILE
// --lang en" as well as "lint --lang en FILE"); "--" ends the flags. With
// done set the command must return code: help was shown or the arguments
// were wrong.
func (e *env) parse(fs *flag.FlagSet, h cmdHelp, args []string) (pos []string, code int, done bool) {
	// The language flag is read before parsing (langOf); it is declared on
	// every command so that it is accepted and documented.
	fs.String("lang", e.lang, e.t("语言：zh 或 en", "language: zh or en"))
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			e.printHelp(e.stdout, fs, h)
			return nil, exitOK, true
		}
		if err != nil {
			return nil, e.usageError(fs.Name(), flagError(e, err)), true
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if l := fs.Lookup("lang").Value.String(); l != "zh" && l != "en" {
		return nil, e.usageError(fs.Name(), e.t(
			fmt.Sprintf("--lang 应为 zh 或 en，而不是 %q", l),
			fmt.Sprintf("--lang must be zh or en, not %q", l))), true
	}
	return pos, 0, false
}

// flagError rewords the flag package's errors for the user.
func flagError(e *env, err error) string {
	text := err.Error()
	if name, ok := strings.CutPrefix(text, "flag provided but not defined: "); ok {
		return e.t("没有参数 "+name, "there is no flag "+name)
	}
	if name, ok := strings.CutPrefix(text, "flag needs an argument: "); ok {
		return e.t("参数 "+name+" 需要一个值", "flag "+name+" needs a value")
	}
	// A value a flag's Set refused: the flag package glues the value's
	// error to its own words, so the error (which has both languages)
	// is taken apart again to be shown in one.
	if rest, ok := strings.CutPrefix(text, "invalid value "); ok {
		if i := strings.Index(rest, " for flag -"); i >= 0 {
			if j := strings.Index(rest[i:], ": "); j >= 0 {
				name := rest[i+len(" for flag ") : i+j]
				why := msg.Split(rest[i+j+2:]).In(e.lang)
				if why == "parse error" || why == "value out of range" {
					// The flag package's own words for a number it
					// could not read: say which number, in the user's
					// language.
					return numberFlagError(e, name, rest[:i])
				}
				return e.t("参数 "+name+" 的值有误："+why, "bad value for "+name+": "+why)
			}
		}
	}
	if rest, ok := strings.CutPrefix(text, "invalid boolean value "); ok {
		if i := strings.Index(rest, " for -"); i >= 0 {
			val, name := rest[:i], rest[i+len(" for "):]
			if j := strings.Index(name, ": "); j >= 0 {
				name = name[:j]
			}
			name = "-" + name // as the help shows it: --problems
			return e.t(fmt.Sprintf("%s 是开关，只能写 %s、%s=true 或 %s=false，而不是 %s", name, name, name, name, val),
				fmt.Sprintf("%s is a switch: write %s, %s=true or %s=false, not %s", name, name, name, name, val))
		}
	}
	return e.t("参数错误："+text, "bad flag: "+text)
}

// usageError reports wrong arguments and how to get help.
func (e *env) usageError(cmd, msg string) int {
	fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, msg)
	fmt.Fprintf(e.stderr, "%s\n", e.t("运行 eduplan "+cmd+" --help 查看用法和示例。", "Run eduplan "+cmd+" --help for usage and examples."))
	return exitUsage
}

// inputError reports a problem with an input and what to do about it.
// msg already names the file and the place; fix says how to repair it.
func (e *env) inputError(cmd, msg, fix string) int {
	fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, strings.TrimRight(msg, "\n"))
	if fix != "" {
		fmt.Fprintf(e.stderr, "%s%s\n", e.t("处理办法：", "To fix: "), fix)
	}
	return exitUsage
}

func (e *env) printHelp(w io.Writer, fs *flag.FlagSet, h cmdHelp) {
	fmt.Fprintf(w, "%s%s\n\n", e.t("用法：", "Usage: "), h.usage)
	fmt.Fprintln(w, e.t(h.about[0], h.about[1]))
	var flags []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	sort.SliceStable(flags, func(i, j int) bool { return flags[i].Name < flags[j].Name })
	if len(flags) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.t("参数：", "Flags:"))
		for _, f := range flags {
			name, usage := flag.UnquoteUsage(f)
			if v, ok := valueNames[f.Name]; ok {
				name = v
			} else if name != "" {
				name = "VALUE"
			}
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			line := "  " + dash + f.Name
			if name != "" {
				line += " " + name
			}
			fmt.Fprintln(w, line)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				usage += e.t("（默认 ", " (default ") + f.DefValue + e.t("）", ")")
			}
			fmt.Fprintf(w, "        %s\n", usage)
		}
	}
	for _, s := range h.sections {
		fmt.Fprintf(w, "\n%s\n", e.t(s[0], s[1]))
	}
	if len(h.examples) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.t("示例：", "Examples:"))
		for _, ex := range h.examples {
			fmt.Fprintf(w, "  %s\n", ex.cmd)
			if c := e.t(ex.zh, ex.en); c != "" {
				fmt.Fprintf(w, "      %s\n", c)
			}
		}
	}
}

// isSet reports whether a flag was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// valueNames names the value each flag takes, in help texts.
var valueNames = map[string]string{
	"plan": "FILE", "o": "FILE", "status": "FILE", "units": "FILE", "data": "FILE", "single": "FILE",
	"year": "YEAR", "unit": "ID", "format": "FORMAT", "fail-on": "POLICY", "lang": "LANG", "parent-figures": "own|sum",
	"as-of": "DATE", "office": "OFFICE", "lead": "NAME", "kind": "KIND", "level": "LEVEL",
	"encoding": "ENCODING", "addr": "HOST:PORT", "out": "DIR", "set": "ID=STATE[@DATE]",
	"db": "URL", "mapping": "FILE",
}

// example is one example of a command, with what it does.
type example struct{ cmd, zh, en string }

// listFlag collects a flag that may be repeated or comma-separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds the names in s. A value that names nothing (empty, or only
// commas and spaces) is an error: read as no filter it would report every
// unit where the user asked for some.
func (l *listFlag) Set(s string) error {
	n := len(*l)
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' }) {
		if p := strings.TrimSpace(part); p != "" {
			*l = append(*l, p)
		}
	}
	if len(*l) == n {
		return msg.Errorf("%q 中没有名称：请给出单位的编号或名称", "%q names nothing: give a unit's id or name", s)
	}
	return nil
}

// sizeFlag is a size in bytes, written as a number of bytes or with a
// unit: 500MB, 2GB, 64K (K, M, G are powers of 1024).
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Set(v string) error {
	t := strings.ToUpper(strings.TrimSpace(v))
	t = strings.TrimSuffix(t, "B")
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = rest, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return msg.Errorf("%q 不是大小：请写字节数，或带单位，如 500MB、2GB", "%q is not a size: write a number of bytes, or one with a unit such as 500MB or 2GB", v)
	}
	*s = sizeFlag(n * mult)
	return nil
}

// numberFlagError rewords the flag package's "parse error" for a flag that
// takes a number; value is the text typed, quoted.
func numberFlagError(e *env, name, value string) string {
	if name == "-year" {
		return e.t("--year 应为四位年份，而不是 "+value, "--year must be a four-digit year, not "+value)
	}
	return e.t("参数 -"+name+" 应为整数，而不是 "+value, "-"+name+" must be a whole number, not "+value)
}
