package plan

import (
	"errors"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// ruleText puts a rule error on one line, as a problem list wants it, in
// both languages: the position in the formula or target, the message, and
// the words it concerns unless the message quotes them. (rule.Error's own
// text adds a caret line under a snippet, which a list of problems cannot
// show.)
func ruleText(err error) msg.Text {
	var re *rule.Error
	if !errors.As(err, &re) {
		return errText(err)
	}
	m := re.Message
	if m.EN == "" {
		m.EN = m.ZH
	}
	suffix := ""
	if words := errorWords(err); strings.TrimSpace(words) != "" && !strings.Contains(m.ZH, words) {
		suffix = " «" + words + "»"
	}
	at := fmt.Sprintf("%d:%d: ", re.Line, re.Column)
	return msg.Text{ZH: at + m.ZH + suffix, EN: at + m.EN + suffix}
}

// errorWords returns the words of the user's text a rule error points at.
func errorWords(err error) string {
	var re *rule.Error
	if !errors.As(err, &re) {
		return ""
	}
	src := []rune(re.Source)
	from := max(0, min(re.Offset, len(src)))
	to := max(from, min(re.Offset+re.Length, len(src)))
	return string(src[from:to])
}
