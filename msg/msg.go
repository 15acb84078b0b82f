// Package msg is what every layer of eduplan says to a person: texts in
// Chinese and English, problems found in an input with where they are, and
// errors that can be rendered in the reader's language.
//
// It is the bottom of the import graph: plan, rule, dataset, indicators and
// every face use it, and it uses nothing of theirs. A face never glues the
// two languages together; it asks for one (In) and shows that.
package msg

import (
	"errors"
	"fmt"
	"strings"
)

// Text is a string in Chinese, with its English translation.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en,omitempty"`
}

// T makes a Text from its Chinese and English wording.
func T(zh, en string) Text { return Text{ZH: zh, EN: en} }

// Textf formats the Chinese and the English wording with the same
// arguments.
func Textf(zh, en string, args ...any) Text {
	return Text{ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}
}

// In returns the text in a language: English for "en" when there is an
// English text, Chinese (the plan's own language) otherwise.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Both is "中文 / English", or the Chinese alone when there is no English,
// for the places that cannot know the reader's language (a plain
// err.Error()).
func (t Text) Both() string {
	if t.EN == "" || t.EN == t.ZH {
		return t.ZH
	}
	return t.ZH + " / " + t.EN
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.ZH == "" && t.EN == "" }

// Localized is an error that can say itself in a language.
type Localized interface {
	error
	In(lang string) string
}

// Error is an error with a text in both languages, possibly wrapping the
// error that caused it.
type Error struct {
	Text Text
	Err  error
}

// Errorf returns an error whose Chinese and English wording are formatted
// with the same arguments. An argument that is itself an error is rendered
// in each language (see In).
func Errorf(zh, en string, args ...any) error {
	zargs, eargs := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		zargs[i], eargs[i] = a, a
		if err, ok := a.(error); ok {
			zargs[i], eargs[i] = In(err, "zh"), In(err, "en")
		}
	}
	return &Error{Text: Text{ZH: fmt.Sprintf(zh, zargs...), EN: fmt.Sprintf(en, eargs...)}}
}

// New returns an error with the given wording.
func New(t Text) error { return &Error{Text: t} }

// Wrap prefixes err with a text ("读取 data.csv" / "reading data.csv"),
// keeping err in the chain for errors.Is and errors.As. It returns nil when
// err is nil.
func Wrap(err error, zh, en string) error {
	if err == nil {
		return nil
	}
	return &Error{Text: Text{ZH: zh, EN: en}, Err: err}
}

// Error is the text in both languages, for callers that cannot choose one.
func (e *Error) Error() string {
	if e.Err == nil {
		return e.Text.Both()
	}
	if e.Text.IsZero() {
		return e.Err.Error()
	}
	return e.Text.Both() + ": " + e.Err.Error()
}

// In is the text in one language, followed by the wrapped error in the same
// language.
func (e *Error) In(lang string) string {
	if e.Err == nil {
		return e.Text.In(lang)
	}
	if e.Text.IsZero() {
		return In(e.Err, lang)
	}
	return e.Text.In(lang) + sep(lang) + In(e.Err, lang)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// In renders any error in a language: an error that knows its languages
// says itself in lang; errors joined with errors.Join are rendered one per
// line; anything else (an error from the standard library) as it is.
func In(err error, lang string) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localized); ok {
		return l.In(lang)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var parts []string
		for _, e := range j.Unwrap() {
			if e != nil {
				parts = append(parts, In(e, lang))
			}
		}
		return strings.Join(parts, "\n")
	}
	var l Localized
	if errors.As(err, &l) && l.Error() == err.Error() {
		return l.In(lang)
	}
	return err.Error()
}

func sep(lang string) string {
	if lang == "en" {
		return ": "
	}
	return "："
}

// Split reads a text written "中文 / English" into its two languages; a
// string without " / " is Chinese only.
func Split(s string) Text {
	if i := strings.Index(s, " / "); i >= 0 {
		return Text{ZH: s[:i], EN: s[i+3:]}
	}
	return Text{ZH: s}
}
