package rule

import (
	"sort"
	"strings"
	"unicode"
)

// VocabularyRow documents one way of writing a target. The same rows drive
// ParseTarget, so the documentation shown by the CLI and the browser page
// cannot drift from what is accepted.
type VocabularyRow struct {
	// Pattern is the phrasing, X and Y standing for numbers: "达X以上".
	Pattern string `json:"pattern"`
	// Meaning is the condition in symbols: "≥ X".
	Meaning string `json:"meaning"`
	// EN is an English gloss.
	EN string `json:"en"`
	// Source is "DESIGN.md" for the seed plan's own vocabulary and
	// "eduplan convention" for words other plans use.
	Source string `json:"source"`
	// Example is a complete target using the row; tests parse every one.
	Example string `json:"example"`
	// Kind groups the rows: KindComparison, KindRange, KindMarker,
	// KindUnit, KindWhole or KindRefused.
	Kind string `json:"kind"`
	// Direction is what the words say is better: "higher" for 达X以上,
	// "lower" for 控制在X以内, empty when the words do not say (a bare X,
	// 保持在X, a range), so that the indicator's declared direction decides.
	Direction Direction `json:"direction,omitempty"`
}

// Kinds of vocabulary rows.
const (
	// KindComparison rows state a bound (达X以上, ≥ X, a bare X).
	KindComparison = "comparison"
	// KindRange rows state two bounds (3-4, X左右).
	KindRange = "range"
	// KindMarker rows say whether a target binds (确保) or is aspired to
	// (力争); they precede the rest of the target.
	KindMarker = "marker"
	// KindUnit rows say how a number is read (99%, 10个百分点, 5万, 3所).
	KindUnit = "unit"
	// KindWhole rows state a target with no number: 全覆盖 (all of them,
	// 100%), 全部消除 (none left, 0).
	KindWhole = "whole"
	// KindRefused rows are words real plans use that cannot be read as a
	// target; the parser refuses them with the row's reason (EN column).
	KindRefused = "refused"
)

// Sources of vocabulary rows.
const (
	SourceDesign     = "DESIGN.md"
	SourceConvention = "eduplan convention"
	// SourcePlans rows were added for the public plans collected in
	// testdata/target_phrases.tsv.
	SourcePlans = "real plans (testdata/target_phrases.tsv)"
)

// AroundTolerance is the relative half-width of "X左右" (about X): 5% of X,
// so "50%左右" spans 47.5%–52.5%. Plans do not define 左右; this convention
// is documented here, in the vocabulary and in the README. With a direction
// (declared, or said by 控制在X左右 / 达到X左右) only the side that matters
// binds: where higher is better the target is met from 0.95·X, where lower
// is better up to 1.05·X, so over-achieving is never a failure. A relative
// tolerance keeps 3%左右 (±0.15 pp) as tight as the plan's own figure.
const AroundTolerance = 0.05

// vrow is a vocabulary row with what the parser needs to act on it.
type vrow struct {
	VocabularyRow
	op           Op
	aspirational bool      // marker 力争, 争取, 力求
	binding      bool      // marker 确保, 必须
	around       bool      // X左右
	all          bool      // 全部, 全覆盖: 100% of the units
	none         bool      // 全部消除, 不再新增: zero
	fromDir      bool      // a bare X, 保持在X: the comparator comes from the indicator's direction
	suffix       bool      // a marker written after the target (99%以上 约束性)
	dir          Direction // what the words say, where op does not (控制在X左右)
	unit         unitKind
}

// direction is what the row's words say is better.
func (r *vrow) direction() Direction {
	switch {
	case r.dir != DirectionUnknown:
		return r.dir
	case r.fromDir || r.around || r.Kind == KindMarker || r.Kind == KindUnit || r.Kind == KindRefused:
		return DirectionUnknown
	case r.none:
		return LowerIsBetter
	case r.all:
		return HigherIsBetter
	}
	switch r.op {
	case GE, GT:
		return HigherIsBetter
	case LE, LT:
		return LowerIsBetter
	}
	return DirectionUnknown
}

type unitKind uint8

const (
	unitNone unitKind = iota
	unitPercent
	unitPP   // "pp"
	unitPPZH // 个百分点
	unitPPZH2
	unitWan
	unitYi
	unitCounter
	unitRatio
)

var rows = []vrow{
	// Symbols.
	{VocabularyRow: VocabularyRow{">= X", "≥ X", "at least X", SourceDesign, ">= 99%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"≥ X", "≥ X", "at least X", SourceDesign, "≥99%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"<= X", "≤ X", "at most X", SourceDesign, "<= 5%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"≤ X", "≤ X", "at most X", SourceDesign, "≤ 5%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"> X", "> X", "more than X", SourceDesign, "> 98%", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"< X", "< X", "less than X", SourceDesign, "< 3", KindComparison, ""}, op: LT},
	{VocabularyRow: VocabularyRow{"= X", "= X", "exactly X", SourceDesign, "= 100%", KindComparison, ""}, op: EQ},
	{VocabularyRow: VocabularyRow{"== X", "= X", "exactly X", SourceConvention, "== 100%", KindComparison, ""}, op: EQ},
	{VocabularyRow: VocabularyRow{"≠ X", "≠ X", "anything but X", SourceDesign, "≠ 0", KindComparison, ""}, op: NE},
	{VocabularyRow: VocabularyRow{"!= X", "≠ X", "anything but X", SourceConvention, "!= 0", KindComparison, ""}, op: NE},

	// The seed plan's words (DESIGN.md).
	{VocabularyRow: VocabularyRow{"达X以上", "≥ X", "reach X or more", SourceDesign, "达99%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"X以上", "≥ X", "X or more (以上 includes X)", SourceDesign, "95%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达X", "≥ X", "reach X", SourceDesign, "达85%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X", "≥ X", "reach X", SourceDesign, "达到90%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"控制在X以内", "≤ X", "keep within X", SourceDesign, "控制在5%以内", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"X以内", "≤ X", "within X", SourceDesign, "5%以内", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不超过X", "≤ X", "not more than X", SourceDesign, "不超过45人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"超X", "> X", "exceed X", SourceDesign, "超5万人次", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"超过X", "> X", "exceed X", SourceDesign, "超过98%", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"不超过X个百分点", "≤ X pp", "a gap of at most X percentage points", SourceDesign, "不超过10个百分点", KindComparison, ""}, op: LE, unit: unitPPZH},
	{VocabularyRow: VocabularyRow{"力争…", "aspirational (预期性)", "strive for: the target is aspirational, not binding", SourceDesign, "力争达85%", KindMarker, ""}, aspirational: true},
	{VocabularyRow: VocabularyRow{"X-Y个", "X ≤ value ≤ Y", "between X and Y (of something counted)", SourceDesign, "3-4个", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"X-Y", "X ≤ value ≤ Y", "between X and Y; where higher is better at least X (Y is the plan's expectation, more is above the range), where lower is better at most Y", SourceDesign, "3-4", KindRange, ""}, op: Between},

	// Words of other plans.
	{VocabularyRow: VocabularyRow{"在X以上", "≥ X", "at X or more", SourceConvention, "在90%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X以上", "≥ X", "reach X or more", SourceConvention, "达到95%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"X及以上", "≥ X", "X and above", SourceConvention, "90%及以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达X及以上", "≥ X", "reach X and above", SourceConvention, "达90%及以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X及以上", "≥ X", "reach X and above", SourceConvention, "达到90%及以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"不低于X", "≥ X", "not lower than X", SourceConvention, "不低于95%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"不少于X", "≥ X", "not fewer than X", SourceConvention, "不少于3所", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"至少X", "≥ X", "at least X", SourceConvention, "至少1所", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"保持X以上", "≥ X", "stay at X or more", SourceConvention, "保持98%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"保持在X以上", "≥ X", "stay at X or more", SourceConvention, "保持在98%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"保持X", "≥ X or ≤ X by direction", "stay at X: not below it where higher is better, not above it where lower is better", SourceConvention, "保持100%", KindComparison, ""}, op: GE, fromDir: true},
	{VocabularyRow: VocabularyRow{"保持在X", "≥ X or ≤ X by direction", "stay at X: not below it where higher is better, not above it where lower is better", SourceConvention, "保持在100%", KindComparison, ""}, op: GE, fromDir: true},
	{VocabularyRow: VocabularyRow{"不高于X", "≤ X", "not higher than X", SourceConvention, "不高于3%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不多于X", "≤ X", "not more than X", SourceConvention, "不多于45人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"至多X", "≤ X", "at most X", SourceConvention, "至多2项", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"X以下", "≤ X", "X or less (以下 includes X in Chinese statistics)", SourceConvention, "45人以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"X及以下", "≤ X", "X and below", SourceConvention, "3%及以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"控制在X以下", "≤ X", "keep at X or below", SourceConvention, "控制在3%以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"控制在X", "≤ X", "keep to X (not above it)", SourceConvention, "控制在45人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"低于X", "< X", "lower than X", SourceConvention, "低于3%", KindComparison, ""}, op: LT},
	{VocabularyRow: VocabularyRow{"少于X", "< X", "fewer than X", SourceConvention, "少于3所", KindComparison, ""}, op: LT},
	{VocabularyRow: VocabularyRow{"小于X", "< X", "less than X", SourceConvention, "小于1", KindComparison, ""}, op: LT},
	{VocabularyRow: VocabularyRow{"高于X", "> X", "higher than X", SourceConvention, "高于95%", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"多于X", "> X", "more than X", SourceConvention, "多于10项", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"大于X", "> X", "greater than X", SourceConvention, "大于0", KindComparison, ""}, op: GT},
	{VocabularyRow: VocabularyRow{"X左右", "0.95·X ≤ value ≤ 1.05·X", "about X: within ±5% of X; where higher is better at least 0.95·X, where lower is better at most 1.05·X (over-achieving is met); in a plan with no direction, an error (ParseTarget alone reads the band)", SourceConvention, "50%左右", KindRange, ""}, op: Between, around: true},
	{VocabularyRow: VocabularyRow{"达到X左右", "≥ 0.95·X", "reach about X: at least X less 5%", SourcePlans, "达到90%左右", KindRange, ""}, op: Between, around: true, dir: HigherIsBetter},
	{VocabularyRow: VocabularyRow{"控制在X左右", "≤ 1.05·X", "keep to about X: at most X plus 5%", SourcePlans, "控制在3%左右", KindRange, ""}, op: Between, around: true, dir: LowerIsBetter},
	{VocabularyRow: VocabularyRow{"X–Y", "X ≤ value ≤ Y", "between X and Y", SourceConvention, "3–4", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"X—Y", "X ≤ value ≤ Y", "between X and Y", SourceConvention, "3—4", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"X~Y", "X ≤ value ≤ Y", "between X and Y (also written ～)", SourceConvention, "3～4", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"X至Y", "X ≤ value ≤ Y", "from X to Y", SourceConvention, "3至4", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"X到Y", "X ≤ value ≤ Y", "from X to Y", SourceConvention, "3到4", KindRange, ""}, op: Between},
	{VocabularyRow: VocabularyRow{"全部", "= 100% (≥ 100%)", "all of them: 100% on a percent; an error on a count, which needs a number", SourceConvention, "全部", KindWhole, ""}, op: GE, all: true},
	{VocabularyRow: VocabularyRow{"X", "≥ X or ≤ X by direction", "a bare figure: ≥ X where higher is better, ≤ X where lower is better; ParseTarget, which knows no direction, reads ≥ X", SourceConvention, "100%", KindComparison, ""}, op: GE, fromDir: true},
	{VocabularyRow: VocabularyRow{"确保X", "binding (约束性)", "ensure: the target binds", SourceConvention, "确保100%", KindMarker, ""}, binding: true},
	{VocabularyRow: VocabularyRow{"确保…达X", "binding (约束性)", "ensure that X is reached: the target binds", SourceConvention, "确保达95%以上", KindMarker, ""}, binding: true},
	{VocabularyRow: VocabularyRow{"必须…", "binding (约束性)", "must: the target binds", SourceConvention, "必须达100%", KindMarker, ""}, binding: true},
	{VocabularyRow: VocabularyRow{"争取…", "aspirational (预期性)", "strive for: the target is aspirational", SourceConvention, "争取达90%", KindMarker, ""}, aspirational: true},
	{VocabularyRow: VocabularyRow{"力求…", "aspirational (预期性)", "seek to: the target is aspirational", SourceConvention, "力求达90%", KindMarker, ""}, aspirational: true},

	// Words of the public plans in testdata/target_phrases.tsv.
	{VocabularyRow: VocabularyRow{"提高到X", "≥ X", "raise to X", SourcePlans, "提高到95%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"提高至X", "≥ X", "raise to X", SourcePlans, "提高至95%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"提升到X", "≥ X", "raise to X", SourcePlans, "提升到95%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"提升至X", "≥ X", "raise to X", SourcePlans, "提升至95%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"增加到X", "≥ X", "increase to X", SourcePlans, "增加到30所", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"不得低于X", "≥ X", "must not be lower than X", SourcePlans, "不得低于85%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"不能低于X", "≥ X", "cannot be lower than X", SourcePlans, "不能低于85%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达到或超过X", "≥ X", "reach or exceed X", SourcePlans, "达到或超过90%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"大于或等于X", "≥ X", "greater than or equal to X", SourcePlans, "大于或等于0.9", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"大于等于X", "≥ X", "greater than or equal to X", SourcePlans, "大于等于0.9", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"≮ X", "≥ X", "not less than X (the plans' own legend: ≮号即≥号)", SourcePlans, "≮99%", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"X（含）以上", "≥ X", "X or more, X included", SourcePlans, "90%（含）以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"X以上（含X）", "≥ X", "X or more, X included (the number restated)", SourcePlans, "80分以上（含80分）", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"达X以上（含X）", "≥ X", "reach X or more, X included", SourcePlans, "达80分以上（含80分）", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"稳定在X以上", "≥ X", "stay at X or more", SourcePlans, "稳定在95%以上", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"稳定在X", "≥ X or ≤ X by direction", "hold at X: not below it where higher is better, not above it where lower is better", SourcePlans, "稳定在95%", KindComparison, ""}, op: GE, fromDir: true},
	{VocabularyRow: VocabularyRow{"为X", "≥ X or ≤ X by direction", "is X (标准为50人): a level, compared by the indicator's direction", SourcePlans, "为50人", KindComparison, ""}, op: GE, fromDir: true},
	{VocabularyRow: VocabularyRow{"新增X", "≥ X", "X new ones (新增学位3.3万个): a count of what is added, at least X", SourcePlans, "新增6所", KindComparison, ""}, op: GE},
	{VocabularyRow: VocabularyRow{"降至X", "≤ X", "bring down to X", SourcePlans, "降至3%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"降到X", "≤ X", "bring down to X", SourcePlans, "降到3%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"降低到X", "≤ X", "lower to X", SourcePlans, "降低到3%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"降低至X", "≤ X", "lower to X", SourcePlans, "降低至3%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"下降到X", "≤ X", "fall to X", SourcePlans, "下降到38%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"下降至X", "≤ X", "fall to X", SourcePlans, "下降至38%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"下降到X以下", "≤ X", "fall to X or below", SourcePlans, "下降到38%以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"降至X以下", "≤ X", "bring down to X or below", SourcePlans, "降至3%以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不得超过X", "≤ X", "must not exceed X", SourcePlans, "不得超过55人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不得突破X", "≤ X", "must not break through X", SourcePlans, "不得突破50人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不能超过X", "≤ X", "cannot exceed X", SourcePlans, "不能超过55人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"最多不超过X", "≤ X", "at the most not more than X", SourcePlans, "最多不超过50人", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"不得高于X", "≤ X", "must not be higher than X", SourcePlans, "不得高于5%", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"小于或等于X", "≤ X", "less than or equal to X", SourcePlans, "小于或等于0.50", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"小于等于X", "≤ X", "less than or equal to X", SourcePlans, "小于等于0.50", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"≯ X", "≤ X", "not more than X (the plans' own legend: ≯号即≤号)", SourcePlans, "≯10:1", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"X（含）以下", "≤ X", "X or less, X included", SourcePlans, "5%（含）以下", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"X以下（含X）", "≤ X", "X or less, X included (the number restated)", SourcePlans, "45人以下（含45人）", KindComparison, ""}, op: LE},
	{VocabularyRow: VocabularyRow{"全覆盖", "= 100% (≥ 100%)", "full coverage: 100% on a percent; an error on a count, which needs a number", SourcePlans, "全覆盖", KindWhole, ""}, op: GE, all: true},
	{VocabularyRow: VocabularyRow{"实现全覆盖", "= 100% (≥ 100%)", "achieve full coverage: 100% on a percent", SourcePlans, "实现全覆盖", KindWhole, ""}, op: GE, all: true},
	{VocabularyRow: VocabularyRow{"全部符合要求", "= 100% (≥ 100%)", "all meet the requirement: 100% on a percent", SourcePlans, "全部符合要求", KindWhole, ""}, op: GE, all: true},
	{VocabularyRow: VocabularyRow{"全部消除", "= 0", "eliminate all: none left (a count or share that is lower-is-better)", SourcePlans, "全部消除", KindWhole, ""}, op: EQ, none: true},
	{VocabularyRow: VocabularyRow{"全面消除", "= 0", "eliminate entirely: none left", SourcePlans, "全面消除", KindWhole, ""}, op: EQ, none: true},
	{VocabularyRow: VocabularyRow{"不再新增", "= 0", "no more new ones: the count of new ones is 0", SourcePlans, "不再新增", KindWhole, ""}, op: EQ, none: true},
	{VocabularyRow: VocabularyRow{"不得新增", "= 0", "no new ones allowed: the count of new ones is 0", SourcePlans, "不得新增", KindWhole, ""}, op: EQ, none: true},
	{VocabularyRow: VocabularyRow{"争创…", "aspirational (预期性)", "strive to create: the target is aspirational, as 力争", SourcePlans, "争创3所", KindMarker, ""}, aspirational: true},
	{VocabularyRow: VocabularyRow{"原则上…", "as written", "in principle: read as written; the plan allows exceptions, which the data must still show", SourcePlans, "原则上不超过45人", KindMarker, ""}},
	{VocabularyRow: VocabularyRow{"一般…", "as written", "as a rule: read as written", SourcePlans, "一般不超过360人", KindMarker, ""}},
	{VocabularyRow: VocabularyRow{"…约束性", "binding (约束性)", "a table's nature column after the target: binding", SourcePlans, "99%以上 约束性", KindMarker, ""}, binding: true, suffix: true},
	{VocabularyRow: VocabularyRow{"…预期性", "aspirational (预期性)", "a table's nature column after the target: aspirational", SourcePlans, "90%以上 预期性", KindMarker, ""}, aspirational: true, suffix: true},
	{VocabularyRow: VocabularyRow{"…指导性", "aspirational (预期性)", "a table's nature column: guiding, not binding", SourcePlans, "30个 指导性", KindMarker, ""}, aspirational: true, suffix: true},

	// Words of real plans that are refused, with the reason: reading them
	// would be a guess.
	{VocabularyRow: VocabularyRow{"大体相当", "不读取：两数大体相等，但所读规划都没有给出容差；请写出所指范围（比写0.9-1.1，占比写45%-55%）", "roughly equal: a two-sided relation with no tolerance in any plan read; write the range meant (0.9-1.1 for a ratio, 45%-55% for a share)", SourcePlans, "招生规模大体相当", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"基本相当", "不读取：没有给出容差；请写出所指范围", "about equal: no tolerance stated; write the range meant", SourcePlans, "基本相当", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"持平", "不读取：与另一个数（上年、他地）持平，参照数是数据，不在目标里", "level with another figure (last year, a neighbour): the reference is data, not a number in the target", SourcePlans, "与上年持平", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"分别", "不读取：一句给每项各一个目标（小学、初中分别达到A、B），请拆成每项一个指标", "one target per item (小学、初中分别达到A、B): split it into one indicator per item", SourcePlans, "分别达到90%、95%", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"逐年", "不读取：逐年变化需要上年数据作基线，不是一个水平目标", "a trend year on year: needs last year's figure as a baseline, not a level", SourcePlans, "逐年降低", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"每年", "不读取：每年的变化需要上年数据作基线，不是一个水平目标", "a change per year: needs last year's figure as a baseline, not a level", SourcePlans, "每年降低1个百分点", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"基本", "不读取：“基本”放宽了目标却没说放宽多少；请写出所指数值", "basically: softens the target without saying by how much; write the figure meant", SourcePlans, "基本消除", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"省标", "不读取：数值在另一份文件里；请写出数值", "a named standard: its number is in another document; write the number", SourcePlans, "≥省标", KindRefused, ""}},
	{VocabularyRow: VocabularyRow{"规定要求", "不读取：要求在另一份文件里；请写出数值", "a requirement in another document: write its number", SourcePlans, "达到国家规定要求", KindRefused, ""}},

	// How numbers are read.
	{VocabularyRow: VocabularyRow{"X%", "X ÷ 100", "a percent, held as a fraction; gaps in percentage points", SourceDesign, "99%", KindUnit, ""}, unit: unitPercent},
	{VocabularyRow: VocabularyRow{"X pp", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceDesign, "<= 10 pp", KindUnit, ""}, unit: unitPP},
	{VocabularyRow: VocabularyRow{"X个百分点", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceDesign, "≤ 10个百分点", KindUnit, ""}, unit: unitPPZH},
	{VocabularyRow: VocabularyRow{"X百分点", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceConvention, "≤ 2百分点", KindUnit, ""}, unit: unitPPZH2},
	{VocabularyRow: VocabularyRow{"X万", "X × 10000", "X ten-thousands", SourceConvention, "达5万", KindUnit, ""}, unit: unitWan},
	{VocabularyRow: VocabularyRow{"X亿", "X × 100000000", "X hundred-millions", SourceConvention, "达1.2亿", KindUnit, ""}, unit: unitYi},
	{VocabularyRow: VocabularyRow{"X:Y", "X ÷ Y", "a ratio (17:1, 17∶1 is 17), for ratio indicators", SourcePlans, "≯10:1", KindUnit, ""}, unit: unitRatio},
	{VocabularyRow: VocabularyRow{"X+量词", "X", "a counter word after the number (个 所 人 家 人次 项 名 座 处 …) is kept for display and otherwise ignored", SourceDesign, "不少于3所", KindUnit, ""}, unit: unitCounter},
}

// Vocabulary lists every accepted way of writing a target, for
// documentation. It is a copy: changing it does not change the parser.
var Vocabulary = func() []VocabularyRow {
	out := make([]VocabularyRow, len(rows))
	for i, r := range rows {
		out[i] = r.VocabularyRow
		out[i].Direction = r.direction()
	}
	return out
}()

// The parser's tables, derived from rows.
var (
	// phraseRows maps a phrase's key (its pattern without spaces) to its row.
	phraseRows = map[string]*vrow{}
	// prefixWords and suffixWords are what may stand before and after X in
	// a comparison, longest first.
	prefixWords []string
	suffixWords []string
	markerRows  []*vrow // written before the target: 力争, 确保
	suffixRows  []*vrow // written after it: 约束性
	wholeRows   []*vrow // no number: 全覆盖, 全部消除
	refusedRows []*vrow // words refused with a reason: 大体相当
	unitRows    = map[unitKind]*vrow{}
	// targetStartWords are the words with which a target may begin inside a
	// rule, for CompileRule: prefixes that are words, markers and 全部.
	targetStartWords []string
)

func init() {
	prefixes := map[string]bool{}
	suffixes := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		switch r.Kind {
		case KindMarker:
			if r.suffix {
				suffixRows = append(suffixRows, r)
			} else {
				markerRows = append(markerRows, r)
			}
			continue
		case KindUnit:
			unitRows[r.unit] = r
			continue
		case KindWhole:
			wholeRows = append(wholeRows, r)
			continue
		case KindRefused:
			refusedRows = append(refusedRows, r)
			continue
		}
		// Keys are folded as the text is (（含） → (含)), so that a
		// pattern can be documented in the plans' full-width forms.
		key := string(foldAll([]rune(strings.ReplaceAll(r.Pattern, " ", ""))))
		phraseRows[key] = r
		if r.Kind != KindComparison && !r.around {
			continue
		}
		if strings.Contains(key, "(含X)") {
			// The restated number is checked by the parser, not matched
			// as a suffix word.
			continue
		}
		x := strings.Index(key, "X")
		prefixes[key[:x]] = true
		suffix := key[x+1:]
		if r.unit == unitPPZH {
			suffix = strings.TrimPrefix(suffix, "个百分点")
		}
		suffixes[suffix] = true
	}
	prefixWords = sortedLongestFirst(prefixes)
	suffixWords = sortedLongestFirst(suffixes)
	starts := map[string]bool{}
	for _, r := range wholeRows {
		starts[r.Pattern] = true
	}
	for _, p := range prefixWords {
		if p != "" && unicode.IsLetter([]rune(p)[0]) {
			starts[p] = true
		}
	}
	for _, m := range markerRows {
		starts[markerWord(m)] = true
	}
	targetStartWords = sortedLongestFirst(starts)
}

// markerWord is the word a marker row stands for: "力争…" → "力争".
func markerWord(r *vrow) string {
	w := strings.TrimPrefix(r.Pattern, "…")
	if i := strings.IndexAny(w, "…X"); i >= 0 {
		w = w[:i]
	}
	return w
}

func sortedLongestFirst(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		li, lj := len([]rune(out[i])), len([]rune(out[j]))
		if li != lj {
			return li > lj
		}
		return out[i] < out[j]
	})
	return out
}
