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
	// Kind groups the rows: KindComparison, KindRange, KindMarker or
	// KindUnit.
	Kind string `json:"kind"`
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
)

// Sources of vocabulary rows.
const (
	SourceDesign     = "DESIGN.md"
	SourceConvention = "eduplan convention"
)

// AroundTolerance is the relative half-width of "X左右" (about X): the
// target is met within ±5% of X, so "50%左右" is 47.5%–52.5%. Plans do not
// define 左右; this convention is documented here and in the vocabulary.
const AroundTolerance = 0.05

// vrow is a vocabulary row with what the parser needs to act on it.
type vrow struct {
	VocabularyRow
	op           Op
	aspirational bool // marker 力争, 争取, 力求
	binding      bool // marker 确保, 必须
	around       bool // X左右
	all          bool // 全部
	unit         unitKind
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
)

var rows = []vrow{
	// Symbols.
	{VocabularyRow: VocabularyRow{">= X", "≥ X", "at least X", SourceDesign, ">= 99%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"≥ X", "≥ X", "at least X", SourceDesign, "≥99%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"<= X", "≤ X", "at most X", SourceDesign, "<= 5%", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"≤ X", "≤ X", "at most X", SourceDesign, "≤ 5%", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"> X", "> X", "more than X", SourceDesign, "> 98%", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"< X", "< X", "less than X", SourceDesign, "< 3", KindComparison}, op: LT},
	{VocabularyRow: VocabularyRow{"= X", "= X", "exactly X", SourceDesign, "= 100%", KindComparison}, op: EQ},
	{VocabularyRow: VocabularyRow{"== X", "= X", "exactly X", SourceConvention, "== 100%", KindComparison}, op: EQ},
	{VocabularyRow: VocabularyRow{"≠ X", "≠ X", "anything but X", SourceDesign, "≠ 0", KindComparison}, op: NE},
	{VocabularyRow: VocabularyRow{"!= X", "≠ X", "anything but X", SourceConvention, "!= 0", KindComparison}, op: NE},

	// The seed plan's words (DESIGN.md).
	{VocabularyRow: VocabularyRow{"达X以上", "≥ X", "reach X or more", SourceDesign, "达99%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"X以上", "≥ X", "X or more (以上 includes X)", SourceDesign, "95%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"达X", "≥ X", "reach X", SourceDesign, "达85%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X", "≥ X", "reach X", SourceDesign, "达到90%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"控制在X以内", "≤ X", "keep within X", SourceDesign, "控制在5%以内", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"X以内", "≤ X", "within X", SourceDesign, "5%以内", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"不超过X", "≤ X", "not more than X", SourceDesign, "不超过45人", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"超X", "> X", "exceed X", SourceDesign, "超5万人次", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"超过X", "> X", "exceed X", SourceDesign, "超过98%", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"不超过X个百分点", "≤ X pp", "a gap of at most X percentage points", SourceDesign, "不超过10个百分点", KindComparison}, op: LE, unit: unitPPZH},
	{VocabularyRow: VocabularyRow{"力争…", "aspirational (预期性)", "strive for: the target is aspirational, not binding", SourceDesign, "力争达85%", KindMarker}, aspirational: true},
	{VocabularyRow: VocabularyRow{"X-Y个", "X ≤ value ≤ Y", "between X and Y (of something counted)", SourceDesign, "3-4个", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"X-Y", "X ≤ value ≤ Y", "between X and Y", SourceDesign, "3-4", KindRange}, op: Between},

	// Words of other plans.
	{VocabularyRow: VocabularyRow{"在X以上", "≥ X", "at X or more", SourceConvention, "在90%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X以上", "≥ X", "reach X or more", SourceConvention, "达到95%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"X及以上", "≥ X", "X and above", SourceConvention, "90%及以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"达X及以上", "≥ X", "reach X and above", SourceConvention, "达90%及以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"达到X及以上", "≥ X", "reach X and above", SourceConvention, "达到90%及以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"不低于X", "≥ X", "not lower than X", SourceConvention, "不低于95%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"不少于X", "≥ X", "not fewer than X", SourceConvention, "不少于3所", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"至少X", "≥ X", "at least X", SourceConvention, "至少1所", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"保持X以上", "≥ X", "stay at X or more", SourceConvention, "保持98%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"保持在X以上", "≥ X", "stay at X or more", SourceConvention, "保持在98%以上", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"保持X", "≥ X", "stay at X (not below it)", SourceConvention, "保持100%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"保持在X", "≥ X", "stay at X (not below it)", SourceConvention, "保持在100%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"不高于X", "≤ X", "not higher than X", SourceConvention, "不高于3%", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"不多于X", "≤ X", "not more than X", SourceConvention, "不多于45人", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"至多X", "≤ X", "at most X", SourceConvention, "至多2项", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"X以下", "≤ X", "X or less (以下 includes X in Chinese statistics)", SourceConvention, "45人以下", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"X及以下", "≤ X", "X and below", SourceConvention, "3%及以下", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"控制在X以下", "≤ X", "keep at X or below", SourceConvention, "控制在3%以下", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"控制在X", "≤ X", "keep to X (not above it)", SourceConvention, "控制在45人", KindComparison}, op: LE},
	{VocabularyRow: VocabularyRow{"低于X", "< X", "lower than X", SourceConvention, "低于3%", KindComparison}, op: LT},
	{VocabularyRow: VocabularyRow{"少于X", "< X", "fewer than X", SourceConvention, "少于3所", KindComparison}, op: LT},
	{VocabularyRow: VocabularyRow{"小于X", "< X", "less than X", SourceConvention, "小于1", KindComparison}, op: LT},
	{VocabularyRow: VocabularyRow{"高于X", "> X", "higher than X", SourceConvention, "高于95%", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"多于X", "> X", "more than X", SourceConvention, "多于10项", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"大于X", "> X", "greater than X", SourceConvention, "大于0", KindComparison}, op: GT},
	{VocabularyRow: VocabularyRow{"X左右", "0.95·X ≤ value ≤ 1.05·X", "about X: within ±5% of X", SourceConvention, "50%左右", KindRange}, op: Between, around: true},
	{VocabularyRow: VocabularyRow{"X–Y", "X ≤ value ≤ Y", "between X and Y", SourceConvention, "3–4", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"X—Y", "X ≤ value ≤ Y", "between X and Y", SourceConvention, "3—4", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"X~Y", "X ≤ value ≤ Y", "between X and Y (also written ～)", SourceConvention, "3～4", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"X至Y", "X ≤ value ≤ Y", "from X to Y", SourceConvention, "3至4", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"X到Y", "X ≤ value ≤ Y", "from X to Y", SourceConvention, "3到4", KindRange}, op: Between},
	{VocabularyRow: VocabularyRow{"全部", "= 100% (≥ 100%)", "all of them", SourceConvention, "全部", KindComparison}, op: GE, all: true},
	{VocabularyRow: VocabularyRow{"X", "≥ X", "a bare figure is a level to reach: 入学率100% means at least 100%", SourceConvention, "100%", KindComparison}, op: GE},
	{VocabularyRow: VocabularyRow{"确保X", "binding (约束性)", "ensure: the target binds", SourceConvention, "确保100%", KindMarker}, binding: true},
	{VocabularyRow: VocabularyRow{"确保…达X", "binding (约束性)", "ensure that X is reached: the target binds", SourceConvention, "确保达95%以上", KindMarker}, binding: true},
	{VocabularyRow: VocabularyRow{"必须…", "binding (约束性)", "must: the target binds", SourceConvention, "必须达100%", KindMarker}, binding: true},
	{VocabularyRow: VocabularyRow{"争取…", "aspirational (预期性)", "strive for: the target is aspirational", SourceConvention, "争取达90%", KindMarker}, aspirational: true},
	{VocabularyRow: VocabularyRow{"力求…", "aspirational (预期性)", "seek to: the target is aspirational", SourceConvention, "力求达90%", KindMarker}, aspirational: true},

	// How numbers are read.
	{VocabularyRow: VocabularyRow{"X%", "X ÷ 100", "a percent, held as a fraction; gaps in percentage points", SourceDesign, "99%", KindUnit}, unit: unitPercent},
	{VocabularyRow: VocabularyRow{"X pp", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceDesign, "<= 10 pp", KindUnit}, unit: unitPP},
	{VocabularyRow: VocabularyRow{"X个百分点", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceDesign, "≤ 10个百分点", KindUnit}, unit: unitPPZH},
	{VocabularyRow: VocabularyRow{"X百分点", "X ÷ 100 (percentage points)", "a gap in percentage points", SourceConvention, "≤ 2百分点", KindUnit}, unit: unitPPZH2},
	{VocabularyRow: VocabularyRow{"X万", "X × 10000", "X ten-thousands", SourceConvention, "达5万", KindUnit}, unit: unitWan},
	{VocabularyRow: VocabularyRow{"X亿", "X × 100000000", "X hundred-millions", SourceConvention, "达1.2亿", KindUnit}, unit: unitYi},
	{VocabularyRow: VocabularyRow{"X+量词", "X", "a counter word after the number (个 所 人 家 人次 项 名 座 处 …) is kept for display and otherwise ignored", SourceDesign, "不少于3所", KindUnit}, unit: unitCounter},
}

// Vocabulary lists every accepted way of writing a target, for
// documentation. It is a copy: changing it does not change the parser.
var Vocabulary = func() []VocabularyRow {
	out := make([]VocabularyRow, len(rows))
	for i, r := range rows {
		out[i] = r.VocabularyRow
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
	markerRows  []*vrow
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
			markerRows = append(markerRows, r)
			continue
		case KindUnit:
			unitRows[r.unit] = r
			continue
		}
		key := strings.ReplaceAll(r.Pattern, " ", "")
		phraseRows[key] = r
		if (r.Kind != KindComparison && !r.around) || r.all {
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
	starts := map[string]bool{"全部": true}
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
	w := r.Pattern
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
