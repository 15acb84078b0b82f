package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/internal/safefile"
	"github.com/eduplan/eduplan/msg"
)

// checkOutput refuses an output path that is one of the command's inputs
// (the same file, by whatever path or link), a folder, or anything else -o
// would not write (see internal/safefile). It runs before any work, so
// that a mistyped -o cannot cost a long run, let alone an input.
func (e *env) checkOutput(cmd, out string, inputs ...string) int {
	if out == "" || out == "-" {
		return 0
	}
	if err := safefile.Check(out); err != nil {
		return e.inputError(cmd, e.say(err),
			e.t("-o 请给出一个可写的文件名，如 -o report.csv；不给 -o 时写到标准输出。", "give -o a file name that can be written, such as -o report.csv; without -o the output goes to standard output."))
	}
	ost, oerr := os.Stat(out)
	oabs, _ := filepath.Abs(out)
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		same := false
		if ist, err := os.Stat(in); err == nil && oerr == nil {
			same = os.SameFile(ist, ost)
		}
		if iabs, err := filepath.Abs(in); err == nil && iabs == oabs {
			same = true
		}
		if same {
			return e.inputError(cmd, e.t(
				fmt.Sprintf("输出文件 %s 就是输入文件 %s，不会覆盖输入", out, in),
				fmt.Sprintf("the output %s is the input file %s: eduplan never writes over an input", out, in)),
				e.t("-o 请换一个文件名。", "choose another file name for -o."))
		}
	}
	return 0
}

// binaryOutput refuses to write a workbook to a terminal, where it would
// be a screenful of zip bytes; to a file or a pipe it goes as any output.
func (e *env) binaryOutput(cmd, format, out string) int {
	if format != "xlsx" || (out != "" && out != "-") || !isTerminal(e.stdout) {
		return 0
	}
	return e.usageError(cmd, e.t("Excel 工作簿不能写到终端：请用 -o 给出文件名，如 -o 结果.xlsx", "an Excel workbook cannot be written to a terminal: name a file with -o, such as -o results.xlsx"))
}

// emit writes a command's output to stdout, or to the file out through
// internal/safefile: a file whole or not at all, a device or a pipe
// written through.
func (e *env) emit(cmd, out string, data []byte) int {
	if out == "" || out == "-" {
		if _, err := e.stdout.Write(data); err != nil {
			fmt.Fprintf(e.stderr, "eduplan %s: %s%v\n", cmd, e.t("写出失败：", "write failed: "), e.say(err))
			return exitUsage
		}
		return 0
	}
	if err := safefile.WriteFile(out, data); err != nil {
		return e.inputError(cmd, e.say(err),
			e.t("确认文件夹存在且可写；原有文件未被改动。", "check that the folder exists and is writable; any existing file is unchanged."))
	}
	return 0
}

// writeJSON writes v as indented JSON, leaving < > & as they are: targets
// such as "<= 5%" must stay readable.
func writeJSON(w io.Writer, v any) error {
	enc := jsonx.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// visibleText shows the hidden characters of a text output (a table, an
// explanation, lint's list) escaped, <U+202E>: on a terminal or a printed
// page a bidirectional control would reorder what follows it and a
// zero-width space hide in a name. CSV and JSON keep them: they are data.
func visibleText(b []byte) []byte {
	s := string(b)
	if v := msg.Visible(s); v != s {
		return []byte(v)
	}
	return b
}

// visibleWriter writes messages (stderr) with their hidden characters
// escaped (msg.Visible): a message quotes what the user typed or a file
// holds, a unit name or an id, and must show it as it is. Every message is
// written whole by one fmt call, so a character is never split between
// two writes.
type visibleWriter struct{ w io.Writer }

func (v visibleWriter) Write(p []byte) (int, error) {
	s := string(p)
	out := msg.Visible(s)
	if out == s {
		return v.w.Write(p)
	}
	if _, err := io.WriteString(v.w, out); err != nil {
		return 0, err
	}
	return len(p), nil
}
