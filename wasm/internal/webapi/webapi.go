// Package webapi is what the browser page asks of the library: every
// function the page calls through globalThis.eduplan, as plain Go taking and
// returning JSON strings. It has no syscall/js in it, so it is tested with
// go test like any package; wasm/main.go only wires it to JavaScript.
//
// Every answer is a JSON object. Success is {"ok":true, …}; failure is
// {"ok":false} with one or more of:
//
//	errors      [{path, message}]: problems of a plan, a request or a status
//	            file, each with its JSON path
//	dataErrors  [{file, row, column, path, header, text, reason, code}]: every
//	            rejected cell of a data file
//	ruleError   {line, column, offset, length, message}: where a typed rule
//	            is wrong, in characters of the text as typed
//
// Every message and reason is a text in both languages, {zh, en}: the page
// shows the one it is in, and a switch of language needs no new call.
//
// A Session holds the plan in use and the last data file read; the page keeps
// everything the user typed itself (in localStorage) and sends it with each
// call, so a reload loses nothing.
package webapi

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Session is the state of one page: the plan in use, compiled, and the last
// data file imported. It is not safe for concurrent use; a page calls it
// from its one JavaScript thread.
type Session struct {
	plan    *plan.Plan
	cat     *indicators.Catalog
	summary *planView
	file    *loadedFile
	// table is the last assessed file's schools, whose rows the page asks
	// for as it draws them.
	table *schoolTable
}

// New returns a session with no plan; the page loads one first (loadDefault
// or loadPlan).
func New() *Session { return &Session{} }

type handler func(s *Session, arg string) (any, error)

var handlers = map[string]handler{
	"loadDefault":    (*Session).loadDefault,
	"loadPlan":       (*Session).loadPlan,
	"plan":           (*Session).planSummary,
	"form":           (*Session).form,
	"assess":         (*Session).assess,
	"tryRule":        (*Session).tryRule,
	"importData":     (*Session).importData,
	"collectFiles":   (*Session).collectFiles,
	"assessFile":     (*Session).assessFile,
	"fileSchools":    (*Session).fileSchools,
	"fileChecks":     (*Session).fileChecks,
	"clearData":      (*Session).clearData,
	"template":       (*Session).template,
	"warm":           (*Session).warm,
	"exportFigures":  (*Session).exportFigures,
	"exportReport":   (*Session).exportReport,
	"schedule":       (*Session).schedule,
	"setStatus":      (*Session).setStatus,
	"importStatuses": (*Session).importStatuses,
	"exportStatuses": (*Session).exportStatuses,
}

// Names lists the functions a session answers, sorted.
func Names() []string {
	names := make([]string, 0, len(handlers))
	for n := range handlers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Version says which Go and which eduplan build the page runs.
func Version() string {
	v := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version + " (" + v + ")"
	}
	return v
}

// Call runs the function name with its argument (JSON, or the text of a file
// for loadPlan and importStatuses) and returns the answer as JSON. It never
// panics: a panic becomes an error answer, so that one bad input cannot stop
// the Go runtime under the page.
func (s *Session) Call(name, arg string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = PanicAnswer(name, r)
		}
	}()
	h, ok := handlers[name]
	if !ok {
		return failure(msg.Errorf("没有函数 %q", "no function %q", name))
	}
	v, err := h(s, arg)
	if err != nil {
		return failure(err)
	}
	return success(v)
}

// PanicAnswer is the error answer for a panic in function name.
func PanicAnswer(name string, r any) string {
	return failure(msg.Errorf("程序内部错误（%s）：%v", "internal error in %s: %v", name, r))
}

// success marshals v, a struct or map that encodes as a JSON object, and
// adds "ok": true.
func success(v any) string {
	b, err := jsonx.Marshal(v)
	if err != nil {
		return failure(msg.Wrap(err, "无法编码结果", "cannot encode the answer"))
	}
	if len(b) < 2 || b[0] != '{' {
		return failure(msg.New(bi("答复不是对象", "the answer is not an object")))
	}
	if string(b) == "{}" {
		return `{"ok":true}`
	}
	return `{"ok":true,` + string(b[1:])
}

// errorAnswer is the failure answer; see the package comment.
type errorAnswer struct {
	OK         bool          `json:"ok"`
	Errors     []problemView `json:"errors,omitempty"`
	DataErrors []dataError   `json:"dataErrors,omitempty"`
	RuleError  *ruleError    `json:"ruleError,omitempty"`
}

type dataError struct {
	File   string `json:"file,omitempty"`
	Row    int    `json:"row,omitempty"`
	Column int    `json:"column,omitempty"`
	Path   string `json:"path,omitempty"`
	// Sheet is the workbook sheet the cell is on.
	Sheet  string `json:"sheet,omitempty"`
	Header string `json:"header,omitempty"`
	// Unit is the unit whose figure it is, where the reader names it.
	Unit   string   `json:"unit,omitempty"`
	Text   string   `json:"text"`
	Reason msg.Text `json:"reason"`
	// Code names a figure's reason for programs (dataset.CellError.Code).
	Code string `json:"code,omitempty"`
}

type ruleError struct {
	Line    int      `json:"line"`
	Column  int      `json:"column"`
	Offset  int      `json:"offset"`
	Length  int      `json:"length"`
	Message msg.Text `json:"message"`
}

// problemView is a problem as the page shows it.
type problemView struct {
	Path    string   `json:"path"`
	Message msg.Text `json:"message"`
}

func problemViews(ps msg.Problems) []problemView {
	out := make([]problemView, len(ps))
	for i, p := range ps {
		out[i] = problemView{Path: p.Path, Message: p.Message}
	}
	return out
}

// texts is an error in both languages. An error still written as one
// "中文 / English" string (from code not yet converted) is split, so that
// the page never shows the two glued together.
func texts(err error) msg.Text {
	zh, en := msg.In(err, "zh"), msg.In(err, "en")
	if zh == en {
		return msg.Split(zh)
	}
	return msg.T(zh, en)
}

func failure(err error) string {
	a := errorAnswer{}
	var probs msg.Problems
	var cells dataset.Errors
	var cell dataset.CellError
	var re *rule.Error
	var conflicts collect.Conflicts
	switch {
	case errors.As(err, &conflicts):
		// Each conflict names both returns: one line each.
		for _, c := range conflicts {
			a.Errors = append(a.Errors, problemView{Message: c.Text()})
		}
	case errors.As(err, &probs):
		a.Errors = problemViews(probs)
	case errors.As(err, &cells):
		a.DataErrors = dataErrors(cells)
	case errors.As(err, &cell):
		a.DataErrors = dataErrors(dataset.Errors{cell})
	case errors.As(err, &re):
		a.RuleError = &ruleError{Line: re.Line, Column: re.Column, Offset: re.Offset, Length: re.Length, Message: re.Message}
		at := fmt.Sprintf("%d:%d: ", re.Line, re.Column)
		a.Errors = []problemView{{Message: msg.T(at+re.Message.ZH, at+re.Message.EN)}}
	default:
		a.Errors = []problemView{{Message: texts(err)}}
	}
	b, merr := jsonx.Marshal(a)
	if merr != nil {
		// Only a message that is not valid UTF-8 could fail; say so plainly.
		return `{"ok":false,"errors":[{"path":"","message":{"zh":"无法编码错误信息","en":"cannot encode the error"}}]}`
	}
	return string(b)
}

func dataErrors(es dataset.Errors) []dataError {
	out := make([]dataError, len(es))
	for i, e := range es {
		out[i] = dataError{File: e.File, Row: e.Row, Column: e.Column, Path: e.Path, Sheet: e.Sheet, Header: e.Header, Unit: e.Unit, Text: e.Text, Reason: e.Reason, Code: e.Code()}
	}
	return out
}

// decode reads a request. The page always sends valid JSON; anything else
// is a programming error worth a clear message.
func decode(arg string, v any) error {
	if arg == "" {
		arg = "{}"
	}
	if err := jsonx.Unmarshal([]byte(arg), v); err != nil {
		return msg.Wrap(err, "请求不是有效的 JSON", "the request is not valid JSON")
	}
	return nil
}

// errNoPlan answers calls made before a plan is loaded.
var errNoPlan = msg.New(bi("尚未载入计划", "no plan is loaded"))

func (s *Session) needPlan() error {
	if s.plan == nil || s.cat == nil {
		return errNoPlan
	}
	return nil
}

// bi is a message in Chinese and English.
func bi(zh, en string) msg.Text { return msg.T(zh, en) }
