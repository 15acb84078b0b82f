package rule

import (
	"fmt"
	"strconv"

	"github.com/eduplan/eduplan/msg"
)

// Direction says which way an indicator is better. Plans rarely say it
// (择校生比例, 生师比, 近视率 are lower-is-better without saying so), so a
// bare target number cannot be read without it.
type Direction string

// Directions.
const (
	DirectionUnknown Direction = ""
	HigherIsBetter   Direction = "higher"
	LowerIsBetter    Direction = "lower"
)

// ParseDirection reads a declared direction: "higher" or "lower" (also
// 越高越好 / 越低越好 as a plan might say it), or "" for unknown.
func ParseDirection(s string) (Direction, error) {
	switch s {
	case "":
		return DirectionUnknown, nil
	case "higher", "越高越好", "高":
		return HigherIsBetter, nil
	case "lower", "越低越好", "低":
		return LowerIsBetter, nil
	}
	return DirectionUnknown, msg.Errorf("方向应为 higher（越高越好）或 lower（越低越好），不是 %q",
		"direction must be \"higher\" or \"lower\", not %q", s)
}

// Text names the direction in a language: 越高越好 / higher is better.
func (d Direction) Text() msg.Text {
	switch d {
	case HigherIsBetter:
		return msg.T("越高越好", "higher is better")
	case LowerIsBetter:
		return msg.T("越低越好", "lower is better")
	}
	return msg.T("方向未声明", "direction not declared")
}

// Unit is the unit an indicator is measured in; a target's number is read
// in it. The names are those of plan.Unit (plan imports this package, not
// the reverse): convert with rule.Unit(u).
type Unit string

// Units a target may be read in. UnitAny is "not known": the target is read
// as written, with no unit check, as ParseTarget does.
const (
	UnitAny     Unit = ""
	UnitNumber  Unit = "number"
	UnitPercent Unit = "percent"
	UnitCount   Unit = "count"
	UnitRatio   Unit = "ratio"
	UnitScore   Unit = "score"
	UnitMoney   Unit = "money"
	UnitArea    Unit = "area"
	UnitYears   Unit = "years"
)

// TargetContext is what a target is read against: the indicator's declared
// direction and unit.
type TargetContext struct {
	// Direction is the declared direction; unknown leaves it to the words.
	Direction Direction
	// Unit is the indicator's unit; UnitAny skips unit checks.
	Unit Unit
	// MayExceed100 allows a percent target above 100% (毛入学率 145%).
	MayExceed100 bool
	// Counter is the counter word the indicator's figures are counted in,
	// as the plan declares it (万元, 元, 平方米, 所); empty when none is
	// declared. A target written with a multiplier of it is converted:
	// "50万元" on an indicator in 万元 is 50, "2000元" is 0.2. On a money,
	// area, score or years indicator a different counter word is an error.
	Counter string
}

// ParseTargetFor parses a target as ParseTarget does, then reads it against
// the indicator it belongs to:
//
//   - A bare number (and 保持在X, 稳定在X, 为X) takes its comparator from the
//     direction: ≥ X where higher is better, ≤ X where lower is better. With no
//     declared direction it is an error that says what to declare.
//   - Words that say a direction (达X以上 → higher, 控制在X以内 → lower) set
//     Target.Direction; a declared direction that disagrees is a warning,
//     and the comparison stays as written.
//   - Ranges and X左右 follow the direction: at least the lower bound where
//     higher is better, at most the upper where lower is better. A range
//     with no direction is two-sided; X左右 with none (neither declared nor
//     said by 达到X左右 / 控制在X左右) is an error that says what to write.
//   - The number is read in the indicator's unit: on a percent a bare 99 is
//     99%, a percent target above 100% is an error unless MayExceed100; a %
//     on a count, score, money, area or years indicator is an error with a
//     "did you mean"; 17:1 reads 17 on a ratio.
//
// The warnings do not stop the target from being used; the error does.
// Errors are *Error, located in text.
func ParseTargetFor(text string, ctx TargetContext) (Target, []msg.Text, error) {
	src, err := checkText(text, DefaultLimits.MaxLength)
	if err != nil {
		return Target{}, nil, err
	}
	t, info, perr := parseTargetInfo(src, 0, len(src))
	if perr != nil {
		return Target{}, nil, perr
	}
	warns, cerr := applyContext(&t, info, ctx, src)
	if cerr != nil {
		return Target{}, warns, cerr
	}
	return t, warns, nil
}

// applyContext reads t against the indicator's direction and unit.
func applyContext(t *Target, info parseInfo, ctx TargetContext, src []rune) ([]msg.Text, *Error) {
	var warns []msg.Text
	errAt := func(m msg.Text) *Error { return newError(src, info.from, info.to, m) }
	if ctx.Direction != DirectionUnknown && ctx.Direction != HigherIsBetter && ctx.Direction != LowerIsBetter {
		return nil, errAt(msg.Textf("未知的方向 %q", "unknown direction %q", string(ctx.Direction)))
	}

	// X左右 with no direction reads three ways (at least about X, at most
	// about X, or a band a value may pass on the wrong side only): which one
	// the plan means is the plan's to say. Checked before the unit, whose
	// errors would otherwise speak of the band's edges, not of the words.
	if info.row.around && info.row.direction() == DirectionUnknown && ctx.Direction == DirectionUnknown {
		x := writtenNumber(*t, info)
		if t.Around {
			x = t.num(t.Nominal, "zh", true)
		}
		return warns, errAt(msg.Textf(
			"目标 “%s” 只说了“左右”，没有说明比较方向：请声明指标的方向（direction: higher 表示不低于约 %s 即达标，direction: lower 表示不超过约 %s 即达标），或写明“达到%s左右”“控制在%s左右”",
			"the target %q says only about (左右), not which way: declare the indicator's direction (direction: higher is met from about %s, direction: lower up to about %s), or write 达到%s左右 / 控制在%s左右",
			t.Text, x, x, x, x))
	}

	// Units first: the comparator's note below shows the number as read.
	if e := applyUnit(t, info, ctx, errAt, &warns); e != nil {
		return warns, e
	}

	wordDir := info.row.direction()
	switch {
	case info.row.fromDir:
		switch ctx.Direction {
		case HigherIsBetter:
			t.Op = GE
		case LowerIsBetter:
			t.Op = LE
		default:
			return warns, errAt(msg.Textf(
				"目标 “%s” 只写了数值，没有说明比较方向：请声明指标的方向（direction: lower 用于生师比、近视率、班额等越低越好的指标；direction: higher 用于入学率等越高越好的指标），或写明“不超过%s”“达%s以上”",
				"the target %q gives a number but no comparison: declare the indicator's direction (direction: lower for 生师比, 近视率, 班额 and other lower-is-better indicators; direction: higher for rates to reach), or write 不超过%s / 达%s以上",
				t.Text, writtenNumber(*t, info), writtenNumber(*t, info)))
		}
		t.Direction = ctx.Direction
		t.Notes = append(t.Notes, msg.T(
			fmt.Sprintf("比较方向取自指标声明（%s）：读作 %s", ctx.Direction.Text().ZH, t.Format("zh")),
			fmt.Sprintf("the comparison comes from the declared direction (%s): read as %s", ctx.Direction.Text().EN, t.Format("en"))))
	case wordDir != DirectionUnknown:
		t.Direction = wordDir
		if ctx.Direction != DirectionUnknown && ctx.Direction != wordDir {
			t.Direction = ctx.Direction
			warns = append(warns, msg.T(
				fmt.Sprintf("目标 “%s” 的用语表示%s，但指标声明为%s：请核对方向或目标", t.Text, wordDir.Text().ZH, ctx.Direction.Text().ZH),
				fmt.Sprintf("the target %q says %s, but the indicator is declared %s: check the direction or the target",
					t.Text, wordDir.Text().EN, ctx.Direction.Text().EN)))
		}
	default:
		t.Direction = ctx.Direction
	}

	if t.Op == Between && t.Direction != DirectionUnknown {
		if t.Around {
			t.Notes = append(t.Notes, aroundNote(*t))
		} else {
			t.Notes = append(t.Notes, rangeNote(*t))
		}
	}

	// A floor that cannot fail is a target that checks nothing.
	nonNegative := ctx.Unit != UnitAny && ctx.Unit != UnitNumber
	if nonNegative && !t.Points && ((t.Op == GE && t.Value <= 0) || (t.Op == GT && t.Value < 0)) {
		warns = append(warns, msg.Textf("目标 “%s” 读作 %s，任何数值都能达到：越低越好的指标请声明 direction: lower",
			"the target %q reads %s and is met by any value: declare direction: lower if lower is better", t.Text, t.Format("zh")))
	}
	return warns, nil
}

// applyUnit reads the target's number in the indicator's unit.
func applyUnit(t *Target, info parseInfo, ctx TargetContext, errAt func(msg.Text) *Error, warns *[]msg.Text) *Error {
	written := info.writtenUnit()
	if ctx.Counter != "" && ctx.Unit != UnitPercent {
		if e := applyCounter(t, info, ctx, errAt); e != nil {
			return e
		}
	}
	switch ctx.Unit {
	case UnitAny, UnitNumber:
		return nil
	case UnitPercent:
		switch {
		case info.row.all || info.row.none:
			t.Percent = true
		case written == unitCounter:
			return errAt(msg.Textf("指标以百分比计，目标 “%s” 却是计数（%s）：是否应为 %s%%？或将指标单位声明为 count",
				"the indicator is a percent but the target %q counts (%s): did you mean %s%%, or should the indicator's unit be count?",
				t.Text, t.Counter, FormatNumber(t.Value)))
		case written == unitRatio:
			return errAt(msg.Textf("指标以百分比计，目标 “%s” 却是比（X:Y）：请写成百分比，或将指标单位声明为 ratio",
				"the indicator is a percent but the target %q is a ratio (X:Y): write a percent, or declare the indicator's unit ratio", t.Text))
		case info.mult != unitNone:
			return errAt(msg.Textf("指标以百分比计，目标 “%s” 不能带万/亿", "the indicator is a percent: the target %q cannot use 万/亿", t.Text))
		case written == unitNone:
			// As in data cells: a plain number in a percent field is a
			// percent. Re-read the digits so that 99.2 is the double 0.992.
			t.Value = info.q1.value(unitPercent, unitNone)
			if info.q2 != nil {
				t.Max = info.q2.value(unitPercent, unitNone)
			}
			if t.Around {
				t.Value, t.Max = aroundBounds(info.q1.value(unitPercent, unitNone))
				t.Nominal = info.q1.value(unitPercent, unitNone)
			}
			t.Percent = true
			written, read := info.q1.digits, info.q1.digits+"%"
			if info.q2 != nil {
				written, read = written+"-"+info.q2.digits, read+"–"+info.q2.digits+"%"
			}
			t.Notes = append(t.Notes, msg.Textf("指标以百分比计：%s 读作 %s", "the indicator is a percent: %s is read as %s",
				written, read))
			if v := t.Value * 100; v > 0 && v < 1 && t.Op != LE && t.Op != LT {
				*warns = append(*warns, msg.Textf("“%s” 读作 %s%%：是否应为 %s%%？",
					"%q is read as %s%%: did you mean %s%%?", t.Text, info.q1.digits, FormatNumber(v*100)))
			}
		}
		hi := t.Value
		switch {
		case t.Around:
			// The number written, not the band's top: 99%左右 is no
			// target above 100%.
			hi = t.Nominal
		case t.Op == Between:
			hi = t.Max
		}
		if t.Percent && !ctx.MayExceed100 && hi > 1+tolerance(hi, 1) && t.Op != LE && t.Op != LT {
			return errAt(msg.Textf("目标 “%s” 超过100%%，而该指标不能超过100%%：是否应为 %s%%？若为毛入学率等可超过100%%的指标，请声明 may_exceed_100",
				"the target %q is above 100%% and the indicator may not exceed 100%%: did you mean %s%%? For a gross rate that may pass 100%%, declare may_exceed_100",
				t.Text, didYouMeanPercent(hi)))
		}
		return nil
	}

	// Every other unit counts or measures: a percent or points target is a
	// different indicator.
	switch {
	case written == unitPercent:
		return errAt(msg.Textf("指标的单位是 %s，目标 “%s” 却是百分比：是否应为 %s？或将指标单位声明为 percent",
			"the indicator's unit is %s but the target %q is a percent: did you mean %s, or should the indicator's unit be percent?",
			string(ctx.Unit), t.Text, FormatNumber(t.Value*100)))
	case t.Points:
		return errAt(msg.Textf("指标的单位是 %s，目标 “%s” 却是百分点", "the indicator's unit is %s but the target %q is in percentage points",
			string(ctx.Unit), t.Text))
	case info.row.all:
		return errAt(msg.Textf("“%s” 表示全部（100%%），只适用于百分比指标；计数指标请写出个数，如“30所”，或将指标单位声明为 percent",
			"%q means all of them (100%%), which fits a percent indicator only; a count needs the number, such as 30所, or declare the indicator's unit percent",
			t.Text))
	case written == unitRatio && ctx.Unit != UnitRatio:
		return errAt(msg.Textf("指标的单位是 %s，目标 “%s” 却是比（X:Y）", "the indicator's unit is %s but the target %q is a ratio (X:Y)",
			string(ctx.Unit), t.Text))
	case written == unitRatio:
		t.Notes = append(t.Notes, msg.Textf("比 %s 读作 %s", "the ratio %s is read as %s", info.ratioText, FormatNumber(t.Value)))
	}
	return nil
}

// didYouMeanPercent suggests the percent a target above 100% was likely
// meant to be: 9900% → 99%, 145% → 14.5%.
func didYouMeanPercent(v float64) string {
	p := v * 100
	for p > 100 {
		p /= 10
	}
	return FormatNumber(p)
}

// rangeNote explains a range read with a direction.
func rangeNote(t Target) msg.Text {
	lo, hi := t.num(t.Value, "zh", true), t.num(t.Max, "zh", true)
	if t.Direction == HigherIsBetter {
		return msg.Textf("越高越好：至少 %s 即达标，%s 是计划的预期，超过为超额完成",
			"higher is better: met from %s; %s is the plan's expectation, more is above the range", lo, hi)
	}
	return msg.Textf("越低越好：不超过 %s 即达标，低于 %s 为优于预期",
		"lower is better: met up to %s; below %s is better than the plan expects", hi, lo)
}

// aroundNote explains X左右 read with a direction.
func aroundNote(t Target) msg.Text {
	x := t.num(t.Nominal, "zh", true)
	tol := strconv.FormatFloat(AroundTolerance*100, 'f', -1, 64)
	if t.Direction == HigherIsBetter {
		return msg.Textf("“%s左右”：越高越好，不低于 %s（%s 减 %s%%）即达标",
			"about %s: higher is better, met from %s (%s less %s%%)", x, t.num(t.Value, "zh", true), x, tol)
	}
	return msg.Textf("“%s左右”：越低越好，不超过 %s（%s 加 %s%%）即达标",
		"about %s: lower is better, met up to %s (%s plus %s%%)", x, t.num(t.Max, "zh", true), x, tol)
}

// writtenNumber is the target's number as the fix should show it: a ratio
// as written (1∶19), else as read.
func writtenNumber(t Target, info parseInfo) string {
	if info.ratioText != "" {
		return info.ratioText
	}
	return t.num(t.Value, "zh", true)
}

// scales are the multipliers a counter word may start with.
var scales = map[rune]float64{'万': 1e4, '亿': 1e8}

// applyCounter converts a target written in a multiple of the indicator's
// declared counter word (万元 against 元) into the indicator's own figures.
func applyCounter(t *Target, info parseInfo, ctx TargetContext, errAt func(msg.Text) *Error) *Error {
	declared := []rune(ctx.Counter)
	dscale, dword := 1.0, ctx.Counter
	if s, ok := scales[declared[0]]; ok && len(declared) > 1 {
		dscale, dword = s, string(declared[1:])
	}
	if t.Counter == "" && info.mult == unitNone {
		return nil // a plain number is in the indicator's own counter
	}
	if t.Counter != "" && t.Counter != dword {
		if ctx.Unit == UnitCount || ctx.Unit == UnitAny || ctx.Unit == UnitNumber {
			return nil // 所, 个, 家: counted things, not scales
		}
		return errAt(msg.Textf("指标以“%s”计，目标 “%s” 却以“%s”计", "the indicator counts in %s but the target %q is in %s",
			ctx.Counter, t.Text, t.Counter))
	}
	if dscale == 1 {
		return nil // 5万元 on an indicator in 元 is 50000, as read
	}
	t.Value /= dscale
	t.Max /= dscale
	t.Notes = append(t.Notes, msg.Textf("指标以“%s”计：%s 读作 %s", "the indicator counts in %s: %s is read as %s",
		ctx.Counter, t.Text, FormatNumber(t.Value)))
	return nil
}
