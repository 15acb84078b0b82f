// Package progress measures how far an indicator has come from its
// baseline toward a target set for a later year, the question a bureau
// asks of each year of a five-year plan: on track, or falling behind?
//
// It computes two things, both direction-aware (rule.HigherIsBetter or
// rule.LowerIsBetter):
//
//   - Completion (完成度), the share of the way from baseline to target:
//     (current − baseline) / (target − baseline). It exceeds 1 past the
//     target and is negative when the value moved away from it. It is not
//     given where the baseline already met the target.
//   - A status as Open SDG's progress measure (sdg-build, ProgressMeasure)
//     computes it: target achieved first; otherwise the growth observed
//     since the baseline against the growth the target requires, both as
//     compound annual growth rates, CAGR = (x_t / x_0)^(1 / (t − t_0)) − 1.
//     With a target, the ratio observed / required is on track at 0.95 or
//     more, moderate from 0.6, limited from 0 and moved away below 0.
//     Without a target, the observed growth alone (negated where lower is
//     better) is on track at 1.5% a year or more, moderate from 0.5%,
//     limited from 0 and moved away below. A value that no longer meets
//     a target its baseline met has moved away, whatever the rates say.
//
// Where the method cannot give an honest answer (a baseline of zero, a
// value or target of zero or below where growth rates are taken, a current
// year not after the baseline year) the result says not computable with
// the reason, rather than a status.
package progress

import (
	"math"
	"strconv"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// Status is an indicator's progress toward its target.
type Status string

// Statuses, in the order a report lists them, best first.
const (
	TargetAchieved Status = "target_achieved"
	OnTrack        Status = "on_track"
	Moderate       Status = "moderate"
	Limited        Status = "limited"
	MovedAway      Status = "moved_away"
	NotComputable  Status = "not_computable"
)

// Name is the status's label in Chinese and English.
func (s Status) Name() msg.Text {
	switch s {
	case TargetAchieved:
		return msg.T("已达目标", "target achieved")
	case OnTrack:
		return msg.T("进度正常", "on track")
	case Moderate:
		return msg.T("进度偏慢，需加快", "moderate progress, needs acceleration")
	case Limited:
		return msg.T("进展有限", "limited progress")
	case MovedAway:
		return msg.T("出现倒退", "moved away from the target")
	case NotComputable:
		return msg.T("无法计算进度", "progress not computable")
	}
	return msg.T(string(s), string(s))
}

// Thresholds divide the statuses: a measure at High or above is on track,
// at Moderate or above moderate, at Limited or above limited, below it
// moved away.
type Thresholds struct {
	High, Moderate, Limited float64
}

// Open SDG's defaults: for the ratio of observed to required growth when
// there is a target, and for the observed growth rate alone when there is
// none.
var (
	RatioThresholds  = Thresholds{High: 0.95, Moderate: 0.6, Limited: 0}
	GrowthThresholds = Thresholds{High: 0.015, Moderate: 0.005, Limited: 0}
)

// Point is a value in a year.
type Point struct {
	Year  int
	Value float64
}

// Input is what progress is measured from.
type Input struct {
	Baseline Point
	Current  Point
	// Target is the value aimed at in TargetYear; nil for an indicator
	// that only says which way is better.
	Target     *float64
	TargetYear int
	Direction  rule.Direction
	// Thresholds replace the defaults (RatioThresholds with a target,
	// GrowthThresholds without) when set.
	Thresholds *Thresholds
}

// Result is the progress of one indicator for one unit.
type Result struct {
	Status Status `json:"status"`
	// Completion is the share of the way from baseline to target (1 is the
	// target reached); nil without a target or when the target equals the
	// baseline.
	Completion *float64 `json:"completion,omitempty"`
	// Observed is the compound annual growth rate from the baseline to now;
	// Required the rate that reaches the target in its year; Ratio their
	// quotient, which the status is read from when there is a target.
	Observed *float64 `json:"observed,omitempty"`
	Required *float64 `json:"required,omitempty"`
	Ratio    *float64 `json:"ratio,omitempty"`
	// Reason says why the status is not computable.
	Reason *msg.Text `json:"reason,omitempty"`
}

// Completion is (current − baseline) / (target − baseline), and false when
// the target equals the baseline (there is no way to go).
func Completion(baseline, current, target float64) (float64, bool) {
	if target == baseline {
		return 0, false
	}
	return (current - baseline) / (target - baseline), true
}

// Measure works out the progress of one indicator.
func Measure(in Input) Result {
	var r Result
	fail := func(zh, en string) Result {
		r.Status = NotComputable
		t := msg.T(zh, en)
		r.Reason = &t
		return r
	}
	if in.Direction != rule.HigherIsBetter && in.Direction != rule.LowerIsBetter {
		return fail("指标未声明方向（越高越好或越低越好），无法判断进度", "the indicator declares no direction (higher or lower is better), so progress cannot be judged")
	}
	if bad(in.Baseline.Value) || bad(in.Current.Value) || (in.Target != nil && bad(*in.Target)) {
		return fail("基期值、当前值或目标值不是有限数", "the baseline, current or target value is not a finite number")
	}
	if in.Target != nil {
		// A baseline that already met the target leaves no way to go:
		// completion would read a move further past it as negative and
		// a fall below it as more than done.
		baseMet := achieved(in.Baseline.Value, *in.Target, in.Direction)
		if c, ok := Completion(in.Baseline.Value, in.Current.Value, *in.Target); ok && !baseMet {
			r.Completion = &c
		}
		if achieved(in.Current.Value, *in.Target, in.Direction) {
			r.Status = TargetAchieved
			return r
		}
		if baseMet {
			// The growth rates would call a fall from above the
			// target toward it "on track".
			r.Status = MovedAway
			return r
		}
	}
	years := in.Current.Year - in.Baseline.Year
	if years < 1 {
		return fail("当前年份须晚于基期年份（"+strconv.Itoa(in.Baseline.Year)+"）", "the current year must come after the baseline year ("+strconv.Itoa(in.Baseline.Year)+")")
	}
	if in.Baseline.Value <= 0 || in.Current.Value <= 0 {
		return fail("基期值或当前值为零或负数：增长率无法计算", "the baseline or current value is zero or negative: a growth rate cannot be taken")
	}
	observed := cagr(in.Current.Value, in.Baseline.Value, years)
	r.Observed = &observed
	if in.Target == nil {
		g := observed
		if in.Direction == rule.LowerIsBetter {
			g = -g
		}
		r.Status = classify(g, pick(in.Thresholds, GrowthThresholds))
		return r
	}
	target := *in.Target
	// Open SDG replaces a target of zero by 0.001, so that a rate
	// "to zero" has a growth to require.
	if target == 0 {
		target = 0.001
	}
	if target < 0 {
		return fail("目标值为负数：增长率无法计算", "the target is negative: a growth rate cannot be taken")
	}
	left := in.TargetYear - in.Baseline.Year
	if left < 1 {
		return fail("目标年份须晚于基期年份（"+strconv.Itoa(in.Baseline.Year)+"）", "the target year must come after the baseline year ("+strconv.Itoa(in.Baseline.Year)+")")
	}
	required := cagr(target, in.Baseline.Value, left)
	r.Required = &required
	if required == 0 {
		// The baseline already stood at the target, and the value is no
		// longer there (it would be achieved otherwise).
		r.Status = MovedAway
		return r
	}
	ratio := observed / required
	r.Ratio = &ratio
	r.Status = classify(ratio, pick(in.Thresholds, RatioThresholds))
	return r
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

func achieved(current, target float64, d rule.Direction) bool {
	if d == rule.LowerIsBetter {
		return current <= target
	}
	return current >= target
}

// cagr is the compound annual growth rate from x0 to xt over years.
func cagr(xt, x0 float64, years int) float64 {
	return math.Pow(xt/x0, 1/float64(years)) - 1
}

func classify(v float64, t Thresholds) Status {
	switch {
	case v >= t.High:
		return OnTrack
	case v >= t.Moderate:
		return Moderate
	case v >= t.Limited:
		return Limited
	}
	return MovedAway
}

func pick(t *Thresholds, def Thresholds) Thresholds {
	if t != nil {
		return *t
	}
	return def
}
