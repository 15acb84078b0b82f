//go:build !(js && wasm)

package wasm_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
)

// The page parses formulas with the rule package's own parser, the command
// line with expr's. Typed into the try-box, broken formulas give the error
// the command line gives (the same line, column, marked characters and
// message), and precedence reads as it does natively.
func TestOwnParserInThePage(t *testing.T) {
	tp := newTab(t)
	primaryWithChoice(tp, "3")
	tp.waitStatus("school_choice_share", "met")
	tp.view("rules")
	typeRule := func(src string) {
		tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ''; e.dispatchEvent(new Event('input')); })()`))
		tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), src))
		tp.waitFor(`document.getElementById('rule-src').value === ` + jsString(src) +
			` && (!!document.getElementById('rule-result') || !!document.getElementById('rule-error'))`)
	}
	for _, src := range []string{
		"择校生数 / (义务教育招生数",   // ends early
		"择校生数 / / 义务教育招生数",  // an operator where an operand goes
		"择校生数 义务教育招生数",      // two operands
		"择校生数 > 1 ? 1",      // a conditional without its else
		"择校生数 not 义务教育招生数",  // not that is no "not in"
		"合计(择校生数,,1)",       // an empty argument
		"择校生数 ?? 1 + 2",     // ?? mixed with another operator
		"let x",             // expr's keyword
		"(择校生数 / 义务教育招生数))", // one parenthesis too many
		"择校生数 in 义务教育招生数",   // an operator the language refuses
	} {
		_, err := rule.CompileRule(src, nil, rule.DefaultLimits)
		var want *rule.Error
		require.True(t, errors.As(err, &want), "%s: %v", src, err)
		typeRule(src)
		got := tp.text("#rule-error")
		assert.Contains(t, got, fmt.Sprintf("第 %d 行第 %d 列", want.Line, want.Column), src)
		assert.Contains(t, got, want.Message.ZH, src)
		if want.Length > 0 {
			assert.Equal(t, string([]rune(src)[want.Offset:want.Offset+want.Length]), tp.text("#rule-mark"), src)
		}
	}
	// ** and ^ group to the right, unary minus binds looser than them,
	// - and / to the left: a parser that got one wrong shows another value.
	for _, tc := range []struct{ src, value string }{
		{"2 ^ 3 ^ 2", "512"},
		{"-2 ** 2", "-4"},
		{"1 - 2 - 3", "-4"},
		{"64 / 4 / 2", "8"},
	} {
		typeRule(tc.src)
		assert.Contains(t, []string{"no_target", "no_data"}, eval[string](tp, `document.getElementById('rule-result').dataset.status`), tc.src)
		assert.Contains(t, tp.text("#rule-value"), tc.value, tc.src)
	}
}
