package rule

import (
	"strings"
	"sync"
	"unicode"

	"github.com/eduplan/eduplan/msg"
)

// Clause is a target read out of a sentence of a plan, as the plan writes
// it: "学前三年毛入学率达到145%" is the subject 学前三年毛入学率 and the target
// 达到145%.
type Clause struct {
	// Subject is the words before the target, as written: what is measured,
	// possibly with a year (到2020年). It is not interpreted; it is kept so
	// that a reader can check it names the indicator.
	Subject string `json:"subject,omitempty"`
	// Object is what a target with no number is about, written after it:
	// 超大班额 in 不得新增超大班额.
	Object string `json:"object,omitempty"`
	// Target is the target read with ParseTargetFor; its Text is the
	// target's own words.
	Target Target `json:"target"`
}

// ReadClause reads a plan's sentence: a subject, then a target in the
// vocabulary, read against the indicator as ParseTargetFor does. Leading
// markers (力争, 确保) apply to the target. The subject may name what is
// measured and a year, and nothing that could change the reading: no other
// number and no target word (a clause such as "不达标的单项指标值不低于省定标准的
// 60%" is refused rather than read as ≥ 60%). Words after the target other
// than a nature column (约束性) are refused and named.
//
// ReadClause is for turning a plan's text into targets and for testing the
// vocabulary against real plans; a plan file holds the target alone, read
// with ParseTargetFor.
func ReadClause(text string, ctx TargetContext) (Clause, []msg.Text, error) {
	src, err := checkText(text, DefaultLimits.MaxLength)
	if err != nil {
		return Clause{}, nil, err
	}
	norm := foldAll(src)
	from, end := trimSpan(norm, 0, len(src))
	if from == end {
		return Clause{}, nil, newError(src, 0, len(src), bi("目标为空", "the target is empty"))
	}
	if e := refusedWords(src, norm, from, end); e != nil {
		return Clause{}, nil, e
	}

	// Leading markers: 力争在2020年底实现…100%.
	var lead []*vrow
	for {
		found := false
		for _, m := range markerRows {
			if w := markerWord(m); hasWordAt(norm[:end], from, w) {
				lead = append(lead, m)
				from += len([]rune(w))
				for from < end && isSpace(norm[from]) {
					from++
				}
				found = true
				break
			}
		}
		if !found {
			break
		}
	}

	// Of the failures, the most telling is kept: a target that reads after
	// a subject that cannot be passed over, else the error of the last
	// candidate whose subject was fine (it got furthest into the clause).
	var subjErr, parseErr *Error
	badEnd := firstSubjectProblem(norm, from, end)
	for k, c := range clauseCandidates(norm, from, end) {
		if k == maxClauseAttempts || (subjErr != nil && c >= badEnd) {
			break // bounded work; beyond badEnd no subject can be passed over
		}
		tend, object := end, ""
		if w := wholeWordAt(norm, c, end); w > c && w < end {
			// 不得新增超大班额: a whole-target word, then what it is about.
			of, ot := trimSpan(norm, w, end)
			if hasDigitOrWord(norm, w, end) {
				if c < badEnd {
					parseErr = newError(src, of, ot, msg.Textf("“%s” 后面的文字含有数值或目标用语，无法确定目标：“%s”",
						"the words after %q hold a number or a target word, so the target is not certain: %q",
						string(src[c:w]), string(src[of:ot])))
				}
				continue
			}
			tend, object = w, string(src[of:ot])
		}
		t, info, perr := parseTargetInfo(src, c, tend)
		if perr == nil {
			perr = addLeadMarkers(&t, lead, src, from)
		}
		var warns []msg.Text
		if perr == nil {
			warns, perr = applyContext(&t, info, ctx, src)
		}
		// The subject is checked in full where a target reads; a failed
		// target only needs to know whether its subject was fine.
		var bad *Error
		if perr == nil {
			bad = subjectProblem(src, norm, from, c)
		}
		switch {
		case perr == nil && bad == nil:
			sf, st := trimSpan(norm, from, c)
			for st > sf && strings.ContainsRune(",、;:", norm[st-1]) {
				st--
			}
			return Clause{Subject: string(src[sf:st]), Object: object, Target: t}, warns, nil
		case perr == nil:
			if subjErr == nil {
				subjErr = bad
			}
		case c < badEnd:
			parseErr = perr
		}
	}
	switch {
	case subjErr != nil:
		return Clause{}, nil, subjErr
	case parseErr != nil:
		return Clause{}, nil, parseErr
	}
	return Clause{}, nil, unknownWords(src, from, end)
}

// wholeWordAt is the end of a whole-target word (全部消除, 不得新增) at i, or i.
func wholeWordAt(norm []rune, i, end int) int {
	best := i
	for _, r := range wholeRows {
		if n := len([]rune(r.Pattern)); hasWordAt(norm[:end], i, r.Pattern) && i+n > best {
			best = i + n
		}
	}
	return best
}

// hasDigitOrWord reports whether norm[from:to] holds a number or a target
// word, which would make it more than the object of a whole-target word.
func hasDigitOrWord(norm []rune, from, to int) bool {
	for i := from; i < to; i++ {
		if isDigit(norm[i]) || vocabularyWordAt(norm[:to], i) != "" {
			return true
		}
	}
	return false
}

// maxClauseAttempts bounds the targets ReadClause tries in one clause.
const maxClauseAttempts = 64

// firstSubjectProblem is where the first number or target word that a
// subject may not hold ends: a target starting there or later cannot pass
// its subject over. It is end when there is none.
func firstSubjectProblem(norm []rune, from, end int) int {
	rs := maskNames(norm[from:end])
	best := end
	for i := range rs {
		if isDigit(rs[i]) {
			return min(best, from+i+1)
		}
		if w := vocabularyWordAt(rs, i); w != "" && !subjectWords[w] {
			best = min(best, from+i+len([]rune(w)))
		}
		if from+i >= best {
			break
		}
	}
	return best
}

// maskNames blanks the dates and ages a subject may hold and still only
// name the indicator: a date (到2020年底, 2024年) or an age (6岁儿童, 0-6岁),
// as namePhraseAt matches them.
func maskNames(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		if n := namePhraseAt(rs, i); n > 0 {
			for range n {
				out = append(out, ' ')
			}
			i += n
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return out
}

// clauseCandidates lists where a target may begin: the start, a number, a
// comparison symbol or a word that begins a target.
func clauseCandidates(norm []rune, from, end int) []int {
	out := []int{from}
	for i := from + 1; i < end; i++ {
		prev := norm[i-1]
		switch {
		case isDigit(norm[i]) && !isDigit(prev) && prev != '.' && prev != ':' && prev != '∶':
		case strings.ContainsRune("≥≤<>=≮≯", norm[i]) && !strings.ContainsRune("≥≤<>=≮≯!", prev):
		case startsTargetWord(norm[:end], i):
		default:
			continue
		}
		out = append(out, i)
	}
	return out
}

// subjectWords are target words that may stand in a subject because they
// only say what is counted: 新增学位14万座 counts new places, at least 14万.
var subjectWords = map[string]bool{"新增": true}

// subjectProblem says why the words before a target at c cannot be passed
// over as the subject: a number other than a year, or a word of the
// vocabulary, might change what the target means.
func subjectProblem(src, norm []rune, from, c int) *Error {
	rs := maskNames(norm[from:c])
	for i, r := range rs {
		if isDigit(r) {
			return newError(src, from+i, c, msg.Textf("目标前的文字含有其他数值，无法确定目标：“%s”",
				"the words before the target hold another number, so the target is not certain: %q", string(src[from+i:c])))
		}
	}
	for i := range rs {
		if w := vocabularyWordAt(rs, i); w != "" && !subjectWords[w] {
			return newError(src, from+i, c, msg.Textf("目标前的文字含有目标用语 “%s”，无法确定目标：“%s”",
				"the words before the target hold the target word %q, so the target is not certain: %q", w, string(src[from+i:c])))
		}
	}
	return nil
}

// vocabularyWordAt is the target word of two characters or more at rs[i]
// (不低于, 以上, 全部 …), or "". Single characters (达, 超, 为) occur in names
// (达标率) and are not taken as target words in a subject.
func vocabularyWordAt(rs []rune, i int) string {
	for _, w := range clauseWords() {
		if hasWordAt(rs, i, w) {
			return w
		}
	}
	return ""
}

// clauseWords are the words of two characters or more that make a target:
// prefixes, suffixes, markers and whole-target words, longest first.
// It is built on first use: the vocabulary's tables are filled by init.
var clauseWords = sync.OnceValue(func() []string {
	set := map[string]bool{}
	add := func(w string) {
		if len([]rune(w)) >= 2 && unicode.Is(unicode.Han, []rune(w)[0]) {
			set[w] = true
		}
	}
	for _, w := range prefixWords {
		add(w)
	}
	for _, w := range suffixWords {
		add(w)
	}
	for _, m := range markerRows {
		add(markerWord(m))
	}
	for _, r := range wholeRows {
		add(r.Pattern)
	}
	return sortedLongestFirst(set)
})

// addLeadMarkers applies markers written before the subject.
func addLeadMarkers(t *Target, lead []*vrow, src []rune, at int) *Error {
	if len(lead) == 0 {
		return nil
	}
	var rows []string
	for _, m := range lead {
		t.Aspirational = t.Aspirational || m.aspirational
		t.Binding = t.Binding || m.binding
		rows = append(rows, m.Pattern)
	}
	if t.Aspirational && t.Binding {
		return newError(src, 0, at, bi(
			"目标同时写了预期性用语（力争等）和约束性用语（确保等）",
			"the target is marked both aspirational (力争 …) and binding (确保 …)"))
	}
	t.Rows = append(rows, t.Rows...)
	return nil
}
