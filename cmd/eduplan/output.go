package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

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

// emitStream writes a command's output as write produces it, never whole
// in memory: to stdout, or to the file out through internal/safefile (a
// file whole or not at all: the temporary file is renamed into place only
// once write has succeeded). visible shows hidden characters escaped, as
// visibleText does, for text a person reads. A failure to write the output
// and an error of write itself are told apart, as emit tells them.
func (e *env) emitStream(cmd, out string, visible bool, write func(io.Writer) error) int {
	var f *safefile.File
	var dst io.Writer = e.stdout
	if out != "" && out != "-" {
		var err error
		if f, err = safefile.Create(out); err != nil {
			return e.inputError(cmd, e.say(err),
				e.t("确认文件夹存在且可写；原有文件未被改动。", "check that the folder exists and is writable; any existing file is unchanged."))
		}
		dst = f
	}
	ow := &outputWriter{w: dst}
	var w io.Writer = ow
	var vs *visibleStream
	if visible {
		vs = &visibleStream{w: ow}
		w = vs
	}
	err := write(w)
	if err == nil && vs != nil {
		err = vs.flush()
	}
	if err != nil {
		if f != nil {
			f.Abort()
		}
		if ow.err != nil {
			fmt.Fprintf(e.stderr, "eduplan %s: %s%v\n", cmd, e.t("写出失败：", "write failed: "), e.say(ow.err))
			return exitUsage
		}
		return e.inputError(cmd, e.say(err), "")
	}
	if f != nil {
		if err := f.Commit(); err != nil {
			return e.inputError(cmd, e.say(err),
				e.t("确认文件夹存在且可写；原有文件未被改动。", "check that the folder exists and is writable; any existing file is unchanged."))
		}
	}
	return 0
}

// outputWriter keeps the first error of the output itself, so that
// emitStream can tell it from an error of what writes to it.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// visibleStream is visibleText for a stream: a writer may split a
// character between two writes, so the bytes of a character not yet whole
// wait for the next write (or flush).
type visibleStream struct {
	w     io.Writer
	carry []byte
}

func (v *visibleStream) Write(p []byte) (int, error) {
	data := p
	if len(v.carry) > 0 {
		data = append(v.carry, p...)
	}
	cut := len(data)
	// Back up over the start of a character whose bytes are not all
	// here yet (at most utf8.UTFMax-1 of them).
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if _, err := io.WriteString(v.w, msg.Visible(string(data[:cut]))); err != nil {
		return 0, err
	}
	v.carry = append(v.carry[:0:0], data[cut:]...)
	return len(p), nil
}

func (v *visibleStream) flush() error {
	if len(v.carry) == 0 {
		return nil
	}
	_, err := v.w.Write(v.carry)
	v.carry = nil
	return err
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
