package plan

import (
	"errors"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// compileFormula compiles an indicator's formula with the rule language,
// naming metrics and indicators through resolve.
func compileFormula(src string, resolve func(name string) (id string, ok bool)) error {
	_, err := rule.CompileFormula(src, rule.Resolver(resolve), rule.DefaultLimits)
	return err
}

// targetMarks says how a target's own words classify it.
type targetMarks struct {
	aspirational bool // 力争 …
	binding      bool // 确保, 必须 …
}

// parseTarget parses a target as the plan writes it.
func parseTarget(text string) (targetMarks, error) {
	t, err := rule.ParseTarget(text)
	if err != nil {
		return targetMarks{}, ruleError(err)
	}
	return targetMarks{aspirational: t.Aspirational, binding: t.Binding}, nil
}

// ruleError puts a rule error on one line, as a problem list wants it:
// the position in the formula or target, the message, and the words it
// concerns unless the message quotes them. (rule.Error's own text adds a
// caret line under a snippet, which a list of problems cannot show.)
func ruleError(err error) error {
	var re *rule.Error
	if err == nil || !errors.As(err, &re) {
		return err
	}
	src := []rune(re.Source)
	from := max(0, min(re.Offset, len(src)))
	to := max(from, min(re.Offset+re.Length, len(src)))
	if words := string(src[from:to]); strings.TrimSpace(words) != "" && !strings.Contains(re.Message.ZH, words) {
		return msg.New(msg.T(fmt.Sprintf("%d:%d: %s «%s»", re.Line, re.Column, re.Message.ZH, words),
			fmt.Sprintf("%d:%d: %s «%s»", re.Line, re.Column, re.Message.EN, words)))
	}
	return msg.New(msg.T(fmt.Sprintf("%d:%d: %s", re.Line, re.Column, re.Message.ZH),
		fmt.Sprintf("%d:%d: %s", re.Line, re.Column, re.Message.EN)))
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
