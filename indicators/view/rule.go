package view

import (
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// RuleResult is what a user reads about a rule typed by hand and applied
// to one unit (the page's rules view, eduplan explain).
type RuleResult struct {
	// Status is 达标 / 未达标 for a rule with a target or a condition,
	// 无目标 / no target for a formula alone: a value is not a verdict.
	Status msg.Text `json:"status"`
	// Value is in its unit: in percent when the rule's target is, or when
	// the formula is a percent indicator's or names a percent figure
	// (indicators.Catalog.RuleUnit): "99.2%". A value of unknown unit keeps
	// six significant digits ("0.99213"). A condition reads 成立 / holds
	// or 不成立 / does not hold.
	Value  msg.Text `json:"value"`
	Target msg.Text `json:"target"`
	Gap    msg.Text `json:"gap"`
	// Reading says how the target was read and from which words:
	// "≥ 99%，由“达…以上”读出". Empty without a target.
	Reading msg.Text `json:"reading"`
}

// OfRule computes the texts of a typed rule's result.
func OfRule(r *rule.Rule, res indicators.RuleResult) RuleResult {
	out := RuleResult{Status: res.Status.Name()}
	if r.Target.Op != "" {
		out.Reading = TargetReading(r.Target)
	}
	if r.TargetAlone() {
		// Nothing was computed: the status says what the text is.
		out.Status = msg.T("仅目标", "target only")
		out.Target = msg.T(r.Target.Format("zh"), r.Target.Format("en"))
		return out
	}
	percent := r.Target.Percent || r.Target.Points || res.Unit == plan.Percent
	if v := res.Value; v != nil {
		var t string
		switch u := res.Unit; {
		case r.Formula.Boolean() && r.Target.Op == "":
			out.Value = msg.T("成立", "holds")
			if *v == 0 {
				out.Value = msg.T("不成立", "does not hold")
			}
		case percent:
			n, fixed := plan.DisplayDecimals(plan.Percent, nil)
			t = number(*v, plan.Percent, need(res.Gap, digits{n: n, base: n, fixed: fixed}))
		case u != "":
			t = Number(*v, u)
		default:
			t = significant(*v)
		}
		if t != "" {
			out.Value = msg.T(t, t)
		}
	}
	if r.Target.Op != "" {
		out.Target = msg.T(r.Target.Format("zh"), r.Target.Format("en"))
	}
	if res.Gap != nil {
		u := plan.Number
		if r.Target.Percent || r.Target.Points {
			u = plan.Percent
		}
		out.Gap = withSide(Gap(*res.Gap, u, r.Target.Points), SideText(indicators.SideOf(res.Status, *res.Gap)))
	}
	return out
}

// significant shows a number of unknown unit with six significant digits.
func significant(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return None
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	return rule.FormatNumber(r)
}

// TargetReading is a target as understood, with the words it was read
// from: "≥ 99%，由“达…以上”读出" / "≥ 99%, read from “达…以上”". A target
// written in symbols or as a bare number is its reading alone; how a
// number's unit was read (X%) is already in the reading.
func TargetReading(t rule.Target) msg.Text {
	zh, en := t.Format("zh"), t.Format("en")
	var words []string
	for _, row := range t.Rows {
		if readsWords(row) {
			// strings.ReplaceAll, not a Replacer: the page's wasm links
			// no Replacer otherwise.
			words = append(words, "“"+strings.ReplaceAll(strings.ReplaceAll(row, "X", "…"), "Y", "…")+"”")
		}
	}
	if len(words) == 0 {
		return msg.T(zh, en)
	}
	return msg.T(zh+"，由"+strings.Join(words, "")+"读出", en+", read from "+strings.Join(words, " "))
}

// readsWords says whether a vocabulary row is words a plan writes (达X以上,
// 力争…) rather than symbols (≥ X), a bare number or a unit (X%).
func readsWords(pattern string) bool {
	for _, v := range rule.Vocabulary {
		if v.Pattern == pattern {
			return v.Kind != rule.KindUnit && strings.IndexFunc(pattern, func(r rune) bool { return r > 0x2E80 }) >= 0
		}
	}
	return false
}
