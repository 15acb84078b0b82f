package rule

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/msg"
)

// Op is a comparison.
type Op string

// Comparisons a target may state.
const (
	GE      Op = ">="
	LE      Op = "<="
	GT      Op = ">"
	LT      Op = "<"
	EQ      Op = "=="
	NE      Op = "!="
	Between Op = "between"
)

// Target is a parsed target: a bound, how it was written and what it binds.
type Target struct {
	// Text is the target as written by the user.
	Text string `json:"text"`
	// Op is the comparison; empty when a rule states no target.
	Op Op `json:"op,omitempty"`
	// Value is the bound, percents as fractions (99% → 0.99); for Between
	// the lower bound.
	Value float64 `json:"value"`
	// Max is the upper bound of Between.
	Max float64 `json:"max,omitempty"`
	// Percent is set when the bound was written with %: values are shown
	// as percents and gaps in percentage points.
	Percent bool `json:"percent,omitempty"`
	// Points is set for a gap written in percentage points (个百分点, pp):
	// 10pp is held as 0.10.
	Points bool `json:"points,omitempty"`
	// Aspirational is set when 力争 (or another aspirational marker) was
	// written.
	Aspirational bool `json:"aspirational,omitempty"`
	// Binding is set when an explicit binding marker (确保, 必须) was
	// written.
	Binding bool `json:"binding,omitempty"`
	// Rows are the vocabulary rows that matched, markers first, then the
	// phrase, then how the numbers were read: ["力争…", "达X", "X%"].
	Rows []string `json:"rows,omitempty"`
	// Counter is the counter word written after the number (所, 人次),
	// which does not change the bound.
	Counter string `json:"counter,omitempty"`
	// Direction is which way is better: declared for the indicator
	// (ParseTargetFor) or said by the target's words (达X以上 → higher).
	// A range or X左右 with a direction is one-sided: see Met.
	Direction Direction `json:"direction,omitempty"`
	// Around is set for X左右: Value and Max are X ∓ AroundTolerance·X, and
	// Nominal is X.
	Around  bool    `json:"around,omitempty"`
	Nominal float64 `json:"nominal,omitempty"`
	// Notes say how the target was read where the text alone does not
	// (99 on a percent is 99%; a bare 17 is ≤ 17 because lower is better),
	// for explain.
	Notes []msg.Text `json:"notes,omitempty"`
}

// ParseTarget parses a target as a plan writes it: "≥ 99%", "达99%以上",
// "控制在5%以内", "3-4个", "不超过10个百分点", "力争达85%". Every accepted
// phrasing is a row of Vocabulary. Errors are *Error.
//
// ParseTarget knows nothing of the indicator: a bare figure reads "at
// least", a range is two-sided and 99 is 99, not 99%. A plan's targets
// should be read with ParseTargetFor, which takes the indicator's
// direction and unit.
func ParseTarget(text string) (Target, error) {
	src, err := checkText(text, DefaultLimits.MaxLength)
	if err != nil {
		return Target{}, err
	}
	t, perr := parseTarget(src, 0, len(src))
	if perr != nil {
		return Target{}, perr
	}
	return t, nil
}

// quantity is a number as written, with what follows it.
type quantity struct {
	from, to int    // the number with its units, in runes of the source
	digits   string // the number's digits as ASCII, sign included
	unit     unitKind
	mult     unitKind
	counter  string
	den      float64 // the second term of a ratio, 1 in 17:1
}

// value reads the digits in the given unit and multiplier. Scaling is done
// by the decimal exponent, not by a float division, so that "99.2%" is the
// double nearest to 0.992, the same value 992/1000 computes to.
func (q quantity) value(unit, mult unitKind) float64 {
	exp := ""
	switch {
	case unit != unitNone && unit != unitCounter && unit != unitRatio:
		exp = "e-2"
	case mult == unitWan:
		exp = "e4"
	case mult == unitYi:
		exp = "e8"
	}
	v, _ := strconv.ParseFloat(q.digits+exp, 64)
	return v
}

func isPointsUnit(u unitKind) bool { return u == unitPP || u == unitPPZH || u == unitPPZH2 }

var rangeSeparators = map[rune]string{'-': "-", '–': "–", '—': "—", '~': "~", '至': "至", '到': "到"}

// parseInfo is what ParseTargetFor needs to know of how a target was
// written, beyond the Target itself.
type parseInfo struct {
	row       *vrow
	q1        quantity
	q2        *quantity
	mult      unitKind
	ratioText string
	from, to  int // the target in the source, trimmed
}

// writtenUnit is the unit written after the number: %, pp, a counter word,
// a ratio, or none.
func (p parseInfo) writtenUnit() unitKind {
	// A measure on either end decides (3所至4% is a percent); a counter
	// word only when neither end has one.
	ends := []unitKind{p.q1.unit}
	if p.q2 != nil {
		ends = append(ends, p.q2.unit)
	}
	out := unitNone
	for _, u := range ends {
		switch {
		case isPointsUnit(u):
			return unitPP
		case u == unitPercent || u == unitRatio:
			return u
		case u == unitCounter:
			out = u
		}
	}
	return out
}

// parseTarget parses src[from:to]; error positions are in src.
func parseTarget(src []rune, from, to int) (Target, *Error) {
	t, _, err := parseTargetInfo(src, from, to)
	return t, err
}

func parseTargetInfo(src []rune, from, to int) (Target, parseInfo, *Error) {
	norm := foldAll(src)
	p, end := trimSpan(norm, from, to)
	var t Target
	info := parseInfo{from: p, to: end}
	if p == end {
		return t, info, newError(src, from, to, bi("目标为空", "the target is empty"))
	}
	t.Text = string(src[p:end])
	if err := refusedWords(src, norm, p, end); err != nil {
		return t, info, err
	}

	// Markers come first: 力争达85%, 确保100%.
	var markers []*vrow
	markerAt := -1
	for {
		found := false
		for _, m := range markerRows {
			w := markerWord(m)
			if hasWordAt(norm[:end], p, w) {
				if markerAt < 0 {
					markerAt = p
				}
				markers = append(markers, m)
				t.Aspirational = t.Aspirational || m.aspirational
				t.Binding = t.Binding || m.binding
				p += len([]rune(w))
				for p < end && isSpace(norm[p]) {
					p++
				}
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	// A table's nature column after the target: 99%以上 约束性.
	var suffixMarker *vrow
	for _, m := range suffixRows {
		w := []rune(markerWord(m))
		if end-len(w) > p && string(norm[end-len(w):end]) == string(w) {
			suffixMarker = m
			if markerAt < 0 {
				markerAt = end - len(w)
			}
			t.Aspirational = t.Aspirational || m.aspirational
			t.Binding = t.Binding || m.binding
			_, end = trimSpan(norm, p, end-len(w))
			break
		}
	}
	if t.Aspirational && t.Binding {
		to := p
		if suffixMarker != nil {
			to = info.to
		}
		return t, info, newError(src, markerAt, to, bi(
			"目标同时写了预期性用语（力争等）和约束性用语（确保等）",
			"the target is marked both aspirational (力争 …) and binding (确保 …)"))
	}
	if p == end {
		return t, info, newError(src, markerAt, end, bi("目标缺少数值", "the target has no figure"))
	}
	withSuffix := func(rows []string) []string {
		if suffixMarker != nil {
			rows = append(rows, suffixMarker.Pattern)
		}
		return rows
	}

	// Words with no number: 全部, 全覆盖, 全部消除.
	rest := removeSpaces(norm[p:end])
	for _, row := range wholeRows {
		if rest == row.Pattern {
			info.row = row
			t.Op = row.op
			if row.all {
				t.Value, t.Percent = 1, true
			}
			t.Rows = withSuffix(append(markerPatterns(markers, ""), row.Pattern))
			t.Direction = row.direction()
			return t, info, nil
		}
	}

	// Find the number; what precedes it is the phrase's prefix.
	numAt := -1
	for i := p; i < end; i++ {
		if isDigit(norm[i]) || (norm[i] == '.' && i+1 < end && isDigit(norm[i+1])) {
			numAt = i
			break
		}
	}
	if numAt < 0 {
		if containsString(prefixWords, rest) {
			return t, info, newError(src, p, end, bi("目标缺少数值", "the target has no figure"))
		}
		return t, info, unknownWords(src, p, end)
	}
	sign := ""
	pfrom, pto := trimSpan(norm, p, numAt)
	if pto > pfrom && (norm[pto-1] == '-' || norm[pto-1] == '+') {
		// A sign is part of the number only after a symbol: "> -1".
		sf, st := trimSpan(norm, pfrom, pto-1)
		if op := string(norm[sf:st]); op != "" && isSymbolicPrefix(op) {
			if norm[pto-1] == '-' {
				sign = "-"
			}
			pfrom, pto = sf, st
		}
	}
	prefix := removeSpaces(norm[pfrom:pto])
	if !containsString(prefixWords, prefix) {
		return t, info, unknownPrefix(src, norm, pfrom, pto)
	}

	q1, next, err := readQuantity(src, norm, numAt, end)
	if err != nil {
		return t, info, err
	}
	q1.digits = sign + q1.digits

	// A range: 3-4个, 3%~4%, 3至4所.
	var q2 *quantity
	sep := ""
	j := next
	for j < end && isSpace(norm[j]) {
		j++
	}
	if s, ok := rangeSeparators[at(norm, j, end)]; ok && q1.unit != unitRatio {
		k := j + 1
		for k < end && isSpace(norm[k]) {
			k++
		}
		if k < end && isDigit(norm[k]) {
			q, n2, err := readQuantity(src, norm, k, end)
			if err != nil {
				return t, info, err
			}
			if q.unit == unitRatio {
				return t, info, newError(src, k, n2, bi("比不能写成范围", "a ratio cannot be a range"))
			}
			q2, sep, next = &q, s, n2
		}
	}

	sfrom, sto := trimSpan(norm, next, end)
	suffix := removeSpaces(norm[sfrom:sto])
	restatedRow := ""
	// A restated bound, 80分以上（含80分）.
	if word, number, unit, ok := matchRestated(suffix); ok && q2 == nil {
		a, _ := strconv.ParseFloat(number, 64)
		b, _ := strconv.ParseFloat(q1.digits, 64)
		sameUnit := unit == "" || unit == q1.counter || (unit == "%" && q1.unit == unitPercent)
		if a != b || !sameUnit {
			return t, info, newError(src, sfrom, sto, msg.Textf("括号里的数 “%s” 与目标的数 %s 不同", "the number in brackets %q differs from the target's %s",
				number+unit, q1.digits))
		}
		suffix = word
		restatedRow = prefix + "X" + word + "(含X)"
	}

	var row *vrow
	if q2 == nil {
		if !containsString(suffixWords, suffix) {
			return t, info, unknownWords(src, sfrom, sto)
		}
		if restatedRow != "" {
			row = phraseRows[restatedRow]
		} else {
			if q1.unit == unitPPZH {
				row = phraseRows[prefix+"X个百分点"+suffix]
			}
			if row == nil {
				row = phraseRows[prefix+"X"+suffix]
			}
		}
	} else if prefix == "" && suffix == "" {
		counter := q2.counter
		if counter == "" {
			counter = q1.counter
		}
		row = phraseRows["X"+sep+"Y"+counter]
		if row == nil {
			row = phraseRows["X"+sep+"Y"]
		}
	} else if suffix != "" && !containsString(suffixWords, suffix) {
		return t, info, unknownWords(src, sfrom, sto)
	}
	if row == nil {
		return t, info, newError(src, pfrom, sto, bi(
			fmt.Sprintf("目标用语 “%s” 不在词表中", string(src[pfrom:sto])),
			fmt.Sprintf("the target phrasing %q is not in the vocabulary", string(src[pfrom:sto]))))
	}

	unit, mult, unit2, mult2, rerr := rangeUnits(src, q1, q2)
	if rerr != nil {
		return t, info, rerr
	}
	info.row, info.q1, info.q2, info.mult = row, q1, q2, mult
	t.Op = row.op
	t.Percent = unit == unitPercent
	t.Points = isPointsUnit(unit)
	t.Value = q1.value(unit, mult)
	if q1.unit == unitRatio {
		if q1.den == 0 {
			return t, info, newError(src, q1.from, q1.to, bi("比的后项不能为 0", "the second term of a ratio cannot be 0"))
		}
		t.Value /= q1.den
		info.ratioText = string(src[q1.from:q1.to])
	}
	if q2 != nil {
		t.Max = q2.value(unit2, mult2)
		if t.Max < t.Value {
			return t, info, newError(src, q1.from, q2.to, bi("范围的下限大于上限", "the lower end of the range is above the upper end"))
		}
	}
	if math.IsInf(t.Value, 0) || math.IsInf(t.Max, 0) {
		return t, info, newError(src, q1.from, next, bi("数值太大", "the number is too large"))
	}
	if row.around {
		t.Around, t.Nominal = true, t.Value
		t.Value, t.Max = aroundBounds(t.Value)
	}

	t.Rows = append(markerPatterns(markers, prefix), row.Pattern)
	if u := unitRows[unit]; u != nil && !strings.Contains(row.Pattern, "百分点") {
		t.Rows = append(t.Rows, u.Pattern)
	}
	if q1.unit == unitRatio {
		t.Rows = append(t.Rows, unitRows[unitRatio].Pattern)
	}
	if u := unitRows[mult]; u != nil {
		t.Rows = append(t.Rows, u.Pattern)
	}
	t.Counter = q1.counter
	if q2 != nil && q2.counter != "" {
		t.Counter = q2.counter
	}
	if t.Counter != "" {
		t.Rows = append(t.Rows, unitRows[unitCounter].Pattern)
	}
	t.Rows = withSuffix(t.Rows)
	// What the words say is better holds without an indicator too: 控制在
	// 3%左右 is met by 1%.
	t.Direction = row.direction()
	return t, info, nil
}

// aroundBounds is the range of X左右: X ∓ AroundTolerance·X, ordered.
func aroundBounds(x float64) (lo, hi float64) {
	lo, hi = x*(1-AroundTolerance), x*(1+AroundTolerance)
	if x < 0 {
		lo, hi = hi, lo
	}
	return lo, hi
}

// refusedWords refuses a target that uses a word of a KindRefused row,
// naming the word and saying why.
func refusedWords(src, norm []rune, from, to int) *Error {
	for i := from; i < to; i++ {
		for _, r := range refusedRows {
			if hasWordAt(norm[:to], i, r.Pattern) {
				n := len([]rune(r.Pattern))
				return newError(src, i, i+n, msg.T(
					fmt.Sprintf("无法作为目标读取 “%s”（%s）", r.Pattern, strings.TrimPrefix(r.Meaning, "不读取：")),
					fmt.Sprintf("cannot read %q as a target: %s", r.Pattern, r.EN)))
			}
		}
	}
	return nil
}

// markerPatterns names the rows of the markers written. 确保 has two rows,
// "确保X" and "确保…达X", told apart by the phrase that follows.
func markerPatterns(markers []*vrow, prefix string) []string {
	var out []string
	for _, m := range markers {
		pat := m.Pattern
		if markerWord(m) == "确保" {
			if strings.HasPrefix(prefix, "达") {
				pat = "确保…达X"
			} else {
				pat = "确保X"
			}
		}
		out = append(out, pat)
	}
	return out
}

// rangeUnits decides the unit and multiplier of each end. A unit written
// on the upper end only applies to both (3-4%, 3-4万); a percent on one end
// and not the other, or a percent against points, is an error.
func rangeUnits(src []rune, q1 quantity, q2 *quantity) (unit, mult, unit2, mult2 unitKind, err *Error) {
	measure := func(u unitKind) unitKind {
		if u == unitCounter {
			return unitNone
		}
		return u
	}
	unit, mult = measure(q1.unit), q1.mult
	if q2 == nil {
		return unit, mult, unitNone, unitNone, nil
	}
	unit2, mult2 = measure(q2.unit), q2.mult
	differ := newError(src, q1.from, q2.to, bi("范围两端的单位不一致", "the two ends of the range have different units"))
	switch {
	case unit == unitNone && unit2 == unitNone:
		if mult == unitNone {
			mult = mult2
		}
	case unit == unitNone:
		if mult != unitNone {
			return 0, 0, 0, 0, differ
		}
		unit = unit2
	case unit2 == unitNone:
		return 0, 0, 0, 0, differ
	case unit != unit2 && !(isPointsUnit(unit) && isPointsUnit(unit2)):
		return 0, 0, 0, 0, differ
	}
	return unit, mult, unit2, mult2, nil
}

// at is rs[i] when i < end, else 0.
func at(rs []rune, i, end int) rune {
	if i < end && i < len(rs) {
		return rs[i]
	}
	return 0
}

func removeSpaces(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		if !isSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSymbolicPrefix(s string) bool {
	switch s {
	case ">=", "≥", "<=", "≤", ">", "<", "=", "==", "≠", "!=", "≮", "≯":
		return true
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, w := range list {
		if w == s {
			return true
		}
	}
	return false
}

// readQuantity reads a number at i with its multiplier (万, 亿), its unit
// (%, pp, 个百分点) or counter word (所, 人次).
func readQuantity(src, norm []rune, i, end int) (quantity, int, *Error) {
	q := quantity{from: i}
	j := i
	for j < end && isDigit(norm[j]) {
		j++
	}
	if j < end && norm[j] == '.' && j+1 < end && isDigit(norm[j+1]) {
		j++
		for j < end && isDigit(norm[j]) {
			j++
		}
	}
	q.digits = string(norm[i:j])
	if v, err := strconv.ParseFloat(q.digits, 64); err != nil || math.IsInf(v, 0) {
		return q, j, newError(src, i, j, bi("数值太大", "the number is too large"))
	}
	// Scientific notation is no plan's way of writing a target; said as
	// such, rather than as words not understood ("e400").
	if k := j; k+1 < end && (norm[k] == 'e' || norm[k] == 'E') {
		d := k + 1
		if norm[d] == '+' || norm[d] == '-' {
			d++
		}
		if d < end && isDigit(norm[d]) {
			for d < end && isDigit(norm[d]) {
				d++
			}
			text := string(src[i:d])
			if v, err := strconv.ParseFloat(string(norm[i:d]), 64); err != nil || math.IsInf(v, 0) || (v == 0 && strings.Trim(q.digits, "0.") != "") {
				return q, d, newError(src, i, d, bi(fmt.Sprintf("数值 %s 超出可以表示的范围", text), fmt.Sprintf("the number %s is out of range", text)))
			}
			zh, en := "目标中的数字请直接写出，不用科学计数法 "+text, "write the number in full, not in scientific notation "+text
			if v := math.Abs(mustFloat(string(norm[i:d]))); v < 1e15 && (v == 0 || v >= 1e-6) {
				n := FormatNumber(mustFloat(string(norm[i:d])))
				zh, en = "目标中的数字请直接写出（如 "+n+"），不用科学计数法 "+text, "write the number in full (such as "+n+"), not in scientific notation "+text
			}
			return q, d, newError(src, i, d, bi(zh, en))
		}
	}
	// A ratio: 17:1, 17∶1 (U+2236, as plans typeset it).
	if k := j; k+1 < end && (norm[k] == ':' || norm[k] == '∶') && isDigit(norm[k+1]) {
		d := k + 1
		for d < end && isDigit(norm[d]) {
			d++
		}
		if d+1 < end && norm[d] == '.' && isDigit(norm[d+1]) {
			d++
			for d < end && isDigit(norm[d]) {
				d++
			}
		}
		den, err := strconv.ParseFloat(string(norm[k+1:d]), 64)
		if err != nil || math.IsInf(den, 0) {
			return q, d, newError(src, i, d, bi("数值太大", "the number is too large"))
		}
		q.unit, q.den, q.to = unitRatio, den, d
		return q, d, nil
	}
	k := j
	for k < end && isSpace(norm[k]) {
		k++
	}
	if k < end && (norm[k] == '万' || norm[k] == '亿') {
		q.mult = unitWan
		if norm[k] == '亿' {
			q.mult = unitYi
		}
		j = k + 1
	}
	k = j
	for k < end && isSpace(norm[k]) {
		k++
	}
	switch {
	case k < end && norm[k] == '%':
		q.unit, j = unitPercent, k+1
	case k+1 < end && (norm[k] == 'p' || norm[k] == 'P') && (norm[k+1] == 'p' || norm[k+1] == 'P') &&
		(k+2 >= end || !isIdentPart(norm[k+2])):
		q.unit, j = unitPP, k+2
	case hasWordAt(norm[:end], k, "个百分点"):
		q.unit, j = unitPPZH, k+4
	case hasWordAt(norm[:end], k, "百分点"):
		q.unit, j = unitPPZH2, k+3
	}
	if q.unit != unitNone && q.mult != unitNone {
		return q, j, newError(src, i, j, bi("万/亿不能与百分数或百分点同时使用", "万/亿 cannot be combined with a percent or percentage points"))
	}
	if q.unit == unitNone {
		// A counter word: a short run of Chinese characters that stops at a
		// suffix (以上, 左右 …) or at a range separator before a number.
		k = j
		for k < end && isSpace(norm[k]) {
			k++
		}
		c := k
		// 5千人 is not "5, counted in 千人": a numeral after the figure
		// changes it, and only 万 and 亿 are read.
		numeral := c < end && strings.ContainsRune(chineseNumerals, norm[c])
		for !numeral && c < end && unicode.Is(unicode.Han, norm[c]) && !startsSuffix(norm[:end], c) && !startsRange(norm[:end], c) {
			c++
		}
		if c > k && c-k <= 4 {
			q.counter = string(src[k:c])
			q.unit = unitCounter
			j = c
		}
	}
	q.to = j
	return q, j, nil
}

// chineseNumerals may not begin a counter word.
const chineseNumerals = "十百千万亿零〇一二三四五六七八九两"

func startsSuffix(rs []rune, i int) bool {
	for _, w := range suffixWords {
		if w != "" && hasWordAt(rs, i, w) {
			return true
		}
	}
	return false
}

func startsRange(rs []rune, i int) bool {
	if rs[i] != '至' && rs[i] != '到' {
		return false
	}
	for i++; i < len(rs) && isSpace(rs[i]); i++ {
	}
	return i < len(rs) && isDigit(rs[i])
}

func unknownWords(src []rune, from, to int) *Error {
	w := string(src[from:to])
	return newError(src, from, to, bi(
		fmt.Sprintf("无法理解的目标用语 “%s”", w),
		fmt.Sprintf("target words not understood: %q", w)))
}

// unknownPrefix names the words before the number that are not understood;
// when they end with a known word (大约达85%), only the rest is named.
func unknownPrefix(src, norm []rune, from, to int) *Error {
	text := string(norm[from:to])
	for _, w := range prefixWords {
		if w != "" && strings.HasSuffix(text, w) {
			n := len([]rune(w))
			f, t := trimSpan(norm, from, to-n)
			if t > f {
				return unknownWords(src, f, t)
			}
		}
	}
	return unknownWords(src, from, to)
}

// tolerance is how close two values must be to count as equal: one part in
// a billion of the larger, and at least 1e-9. Plans write decimals that binary
// floating point cannot hold exactly (99.2%), and a rate computed from counts
// (992/1000) must meet a bound written with the same figure.
func tolerance(a, b float64) float64 {
	m := math.Abs(a)
	if x := math.Abs(b); x > m {
		m = x
	}
	if m < 1 {
		m = 1
	}
	return 1e-9 * m
}

// Met reports whether v (finite; a fraction for percents) meets the target.
// Values within one part in a billion of the bound count as equal to it.
// A target without an Op states no bound and is always met; a value that is
// not finite never meets a target.
func (t Target) Met(v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	b := t.Value
	tol := tolerance(v, b)
	switch t.Op {
	case GE:
		return v >= b-tol
	case LE:
		return v <= b+tol
	case GT:
		return v > b+tol
	case LT:
		return v < b-tol
	case EQ:
		return math.Abs(v-b) <= tol
	case NE:
		return math.Abs(v-b) > tol
	case Between:
		// A range with a direction is one-sided: "8-10所" where more is
		// better is met by 11 (above the range); X左右 likewise.
		lo := v >= b-tolerance(v, b)
		hi := v <= t.Max+tolerance(v, t.Max)
		switch t.Direction {
		case HigherIsBetter:
			return lo
		case LowerIsBetter:
			return hi
		}
		return lo && hi
	}
	return true
}

// Beyond reports whether v is past the far end of a range that has a
// direction: above "8-10所" where more is better, below it where less is.
// Such a value meets the target; reports say "above the range".
func (t Target) Beyond(v float64) bool {
	if t.Op != Between || math.IsNaN(v) {
		return false
	}
	switch t.Direction {
	case HigherIsBetter:
		return v > t.Max+tolerance(v, t.Max)
	case LowerIsBetter:
		return v < t.Value-tolerance(v, t.Value)
	}
	return false
}

// Gap is the signed distance v − bound in the target's unit: percentage
// points (×100) when the target is a percent or in points. For Between it is
// 0 inside the range and the distance to the nearer bound outside (negative
// below, positive above). The result is rounded to 1e-9 so that binary
// rounding noise (−2.0000000000000018) does not reach reports.
func (t Target) Gap(v float64) float64 {
	var g float64
	switch t.Op {
	case "":
		return 0
	case Between:
		switch {
		case v < t.Value:
			g = v - t.Value
		case v > t.Max:
			g = v - t.Max
		}
	default:
		g = v - t.Value
	}
	if t.Percent || t.Points {
		g *= 100
	}
	if math.Abs(g) < 1e6 {
		g = math.Round(g*1e9) / 1e9
	}
	if g == 0 {
		g = 0 // no negative zero in reports
	}
	return g
}

// BeyondText names where a value that is Beyond the range stands, for
// reports: above the range where higher is better, below it where lower
// is. It is empty for a target without a direction or a range.
func (t Target) BeyondText() msg.Text {
	if t.Op != Between {
		return msg.Text{}
	}
	switch t.Direction {
	case HigherIsBetter:
		return msg.T("高于计划范围（超额完成）", "above the range (more than planned)")
	case LowerIsBetter:
		return msg.T("低于计划范围（优于预期）", "below the range (better than planned)")
	}
	return msg.Text{}
}

// Format shows the target in symbols: "≥ 99%", "≤ 10 pp" ("≤ 10个百分点" in
// Chinese), "3–4". lang is "zh" or "en"; anything else is read as "zh".
func (t Target) Format(lang string) string {
	if t.Op == "" {
		return ""
	}
	if t.Op == Between {
		return t.num(t.Value, lang, false) + "–" + t.num(t.Max, lang, true)
	}
	sym := map[Op]string{GE: "≥", LE: "≤", GT: ">", LT: "<", EQ: "=", NE: "≠"}[t.Op]
	return sym + " " + t.num(t.Value, lang, true)
}

// num formats one bound; the unit is written on the upper bound of a range
// only for points, whose unit is a word ("3–4个百分点").
func (t Target) num(v float64, lang string, last bool) string {
	switch {
	case t.Percent:
		return FormatNumber(v*100) + "%"
	case t.Points && !last:
		return FormatNumber(v * 100)
	case t.Points && lang == "en":
		return FormatNumber(v*100) + " pp"
	case t.Points:
		return FormatNumber(v*100) + "个百分点"
	}
	return FormatNumber(v)
}

// FormatNumber writes v with at most 12 significant digits and no exponent,
// so that 0.992×100 shows as 99.2, not 99.19999999999999.
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		r = v
	}
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// mustFloat reads a number already checked to parse.
func mustFloat(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
