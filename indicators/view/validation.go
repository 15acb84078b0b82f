package view

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Check is what a user reads about one validation rule's outcome for one
// unit. Texts are empty where the outcome has nothing to say (no values
// for a skipped rule).
type Check struct {
	// Unit is "名称(编号)".
	Unit       string   `json:"unit"`
	Rule       msg.Text `json:"rule"`
	Importance msg.Text `json:"importance"`
	Status     msg.Text `json:"status"`
	// Left and Right are the sides' values in the rule's unit.
	Left  msg.Text `json:"left"`
	Right msg.Text `json:"right"`
	// Relation is how the values compare where the rule is broken ("450 >
	// 420" has ">"), or the rule's own operator in symbols.
	Relation string `json:"relation"`
	// Expected is the rule as written, in symbols: "a + b = c (±5)".
	Expected msg.Text `json:"expected"`
	// By says by how much: "超出 30", "不足 2个百分点", "相差 -54".
	By msg.Text `json:"by"`
	// Missing names the figures the unit lacks: why the rule was skipped,
	// or what counted as zero.
	Missing msg.Text `json:"missing"`
	// Line is the outcome on one line:
	//
	//	句容市茅山中心幼儿园(s-jurong-k4) 城镇与农村幼儿园在园幼儿数之和等于在园幼儿数：206 ≠ 260，相差 -54
	Line msg.Text `json:"line"`
}

// two is how a rule's values and differences are written: up to two
// decimals, trailing zeros dropped, as the inputs of a result are.
var two = digits{n: 2, base: 2}

// symbol is a rule operator as reports print it.
func symbol(op plan.Operator) string {
	switch op {
	case plan.OpEQ:
		return "="
	case plan.OpNE:
		return "≠"
	case plan.OpLE:
		return "≤"
	case plan.OpGE:
		return "≥"
	}
	return string(op)
}

// broken is the relation that holds between the sides of a violated rule.
func broken(op plan.Operator) string {
	switch op {
	case plan.OpEQ:
		return "≠"
	case plan.OpNE:
		return "="
	case plan.OpLE:
		return ">"
	case plan.OpLT:
		return "≥"
	case plan.OpGE:
		return "<"
	}
	return "≤"
}

// Importance names a rule's importance: 高 / high, 中 / medium, 低 / low.
func Importance(i plan.Importance) msg.Text {
	switch i.Effective() {
	case plan.High:
		return msg.T("高", "high")
	case plan.Low:
		return msg.T("低", "low")
	}
	return msg.T("中", "medium")
}

// OfValidation computes the texts of a validation result.
func OfValidation(r indicators.ValidationResult) Check {
	c := Check{Unit: UnitLabel(r.Unit), Rule: r.Name, Importance: Importance(r.Importance), Status: r.Status.Name(),
		Relation: symbol(r.Operator)}
	tol, tolText := "", ""
	if r.Tolerance > 0 {
		tolText = "±" + number(r.Tolerance, amountUnit(r.ValueUnit), digits{n: 6, base: 6})
		tol = " (" + tolText + ")"
	}
	c.Expected = msg.T(r.Left+" "+symbol(r.Operator)+" "+r.Right+tol, r.Left+" "+symbol(r.Operator)+" "+r.Right+tol)
	if r.LeftValue != nil {
		c.Left = value(*r.LeftValue, r.ValueUnit, false, two)
	}
	if r.RightValue != nil {
		c.Right = value(*r.RightValue, r.ValueUnit, false, two)
	}
	if r.Status == indicators.RuleViolated {
		c.Relation = broken(r.Operator)
		if d := r.Difference; d != nil {
			amount := number(math.Abs(*d), amountUnit(r.ValueUnit), two)
			switch r.Operator {
			case plan.OpLE, plan.OpLT:
				c.By = msg.T("超出 "+amount, "exceeds by "+amount)
			case plan.OpGE, plan.OpGT:
				c.By = msg.T("不足 "+amount, "short by "+amount)
			case plan.OpEQ:
				c.By = msg.T("相差 "+signedAmount(*d, r.ValueUnit), "differs by "+signedAmount(*d, r.ValueUnit))
			default:
				c.By = msg.T("两边相等", "the sides are equal")
			}
		}
	}
	if len(r.Missing) > 0 {
		zh, en := make([]string, len(r.Missing)), make([]string, len(r.Missing))
		for i, m := range r.Missing {
			zh[i], en[i] = m.Name.ZH, nameOr(m.Name.EN, m.ID)
		}
		if r.Status == indicators.RuleSkipped {
			c.Missing = msg.T("缺少 "+strings.Join(zh, "、"), "missing "+strings.Join(en, ", "))
		} else {
			c.Missing = msg.T("按零计："+strings.Join(zh, "、"), "counted as zero: "+strings.Join(en, ", "))
		}
	}
	one := func(lang string) string {
		s := c.Unit + " " + nameOr(r.Name.In(lang), r.Rule) + pick(lang, "：", ": ")
		switch r.Status {
		case indicators.RuleSkipped:
			return s + c.Status.In(lang) + pick(lang, "，", ", ") + c.Missing.In(lang)
		case indicators.RuleNotComputable:
			return s + pick(lang, "无法计算（分母为零或结果不是有限数）", "not computable (a zero denominator or a result that is not finite)")
		}
		s += c.Left.In(lang) + " " + c.Relation + " " + c.Right.In(lang)
		if !c.By.IsZero() {
			s += pick(lang, "，", ", ") + c.By.In(lang)
		}
		if tol != "" {
			s += pick(lang, "（允许误差 ", " (tolerance ") + tolText + pick(lang, "）", ")")
		}
		if !c.Missing.IsZero() {
			s += pick(lang, "；", "; ") + c.Missing.In(lang)
		}
		return s
	}
	c.Line = msg.T(one("zh"), one("en"))
	return c
}

// amountUnit is the unit a difference between values of u is shown in:
// a count's difference may be a fraction, so it is a plain number.
func amountUnit(u plan.Unit) plan.Unit {
	if u == plan.Percent {
		return u
	}
	return plan.Number
}

func signedAmount(d float64, u plan.Unit) string {
	s := number(d, amountUnit(u), two)
	if d > 0 && s != "0" && s != "0%" {
		s = "+" + s
	}
	return s
}

func nameOr(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

// ValidationSummary counts a report's rule checks:
//
//	共 32 条规则，检查 1050 次：通过 1030，违反 4，跳过（缺数据） 16
func ValidationSummary(v *indicators.Validation) msg.Text {
	if v == nil {
		return msg.Text{}
	}
	one := func(lang string) string {
		s := pick(lang, "共 "+strconv.Itoa(len(v.Rules))+" 条规则，检查 "+strconv.Itoa(v.Counts.Checked)+" 次：",
			strconv.Itoa(len(v.Rules))+" rules, "+strconv.Itoa(v.Counts.Checked)+" checks: ")
		parts := []string{}
		for _, p := range []struct {
			s indicators.RuleStatus
			n int
		}{{indicators.RulePassed, v.Counts.Passed}, {indicators.RuleViolated, v.Counts.Violated}, {indicators.RuleSkipped, v.Counts.Skipped},
			{indicators.RuleNotComputable, v.Counts.NotComputable}} {
			if p.n > 0 || p.s == indicators.RuleViolated {
				parts = append(parts, p.s.Name().In(lang)+" "+strconv.Itoa(p.n))
			}
		}
		return s + strings.Join(parts, pick(lang, "，", ", "))
	}
	return msg.T(one("zh"), one("en"))
}

// validationColumns are the columns of the validation CSV, in order.
var validationColumns = []msg.Text{
	{ZH: "单位编号", EN: "unit_id"},
	{ZH: "单位名称", EN: "unit_name"},
	{ZH: "层级", EN: "level"},
	{ZH: "类别", EN: "kind"},
	{ZH: "上级单位", EN: "parent"},
	{ZH: "年度", EN: "year"},
	{ZH: "规则编号", EN: "rule_id"},
	{ZH: "规则", EN: "rule"},
	{ZH: "重要性", EN: "importance"},
	{ZH: "状态", EN: "status"},
	{ZH: "左边", EN: "left"},
	{ZH: "比较", EN: "operator"},
	{ZH: "右边", EN: "right"},
	{ZH: "差值", EN: "difference"},
	{ZH: "允许误差", EN: "tolerance"},
	{ZH: "规则写法", EN: "expression"},
	{ZH: "说明", EN: "note"},
}

// ValidationColumns returns the headers of the validation CSV in a
// language.
func ValidationColumns(lang string) []string { return headers(validationColumns, lang) }

// WriteValidationCSV writes the report's validation results that did not
// pass as CSV, one row per unit and rule, like WriteCSV (UTF-8 with a byte
// order mark, CRLF, formula-like cells kept as text). It is a file of its
// own, so that the report CSV keeps its columns: `eduplan check
// --validation-csv FILE`. The difference (left − right) is a plain signed
// number, in fractions for percents as the sides are; operator is the
// rule's own (≤), not the relation that broke it.
func WriteValidationCSV(w io.Writer, r *indicators.Report, lang string) error {
	return writeSheet(w, ValidationColumns(lang), func(each func([]string) error) error { return ValidationRows(r, lang, each) })
}

// ValidationRows gives the rows of the validation CSV, under
// ValidationColumns, to row one at a time: what WriteValidationCSV writes
// and a workbook's validation sheet holds. The texts are as they are,
// before the CSV guards a formula-like cell, as Rows gives them.
func ValidationRows(r *indicators.Report, lang string, row func([]string) error) error {
	if r == nil || r.Validation == nil {
		return nil
	}
	year := ""
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	for _, res := range r.Validation.Results {
		c := OfValidation(res)
		u := res.Unit
		kind, diff, tol := "", "", ""
		if u.Kind != "" {
			kind = u.Kind.Name().In(lang)
		}
		if res.Difference != nil {
			diff = rule.FormatNumber(*res.Difference)
		}
		if res.Tolerance > 0 {
			tol = rule.FormatNumber(res.Tolerance)
		}
		note := c.By.In(lang)
		if !c.Missing.IsZero() {
			if note != "" {
				note += pick(lang, "；", "; ")
			}
			note += c.Missing.In(lang)
		}
		cells := []string{u.ID, u.Name, r.Levels.Name(u.Level).In(lang), kind, u.Parent, year,
			res.Rule, nameOr(res.Name.In(lang), res.Rule), c.Importance.In(lang), c.Status.In(lang),
			c.Left.In(lang), symbol(res.Operator), c.Right.In(lang), diff, tol, c.Expected.In(lang), note}
		if err := row(cells); err != nil {
			return err
		}
	}
	return nil
}
