package rule

import "strings"

// Two small patterns of the target reader, matched by hand rather than with
// package regexp: the browser page's wasm would otherwise link regexp's
// matching machines for them (about 20 KB gzipped; BenchmarkWasmSize).
// match_test.go checks both against the regular expressions they stand for.

// namePhraseAt is the length in runes of the date or age a subject may hold
// at rs[i] (到2020年底, 2024年, 6岁, 0-6岁), or 0: the regular expression
//
//	(到|至|在)?[0-9]{4}年(底|末)?(前)?|([0-9]+-)?[0-9]+岁
//
// matched at i, its first alternative preferred.
func namePhraseAt(rs []rune, i int) int {
	if n := yearAt(rs, i); n > 0 {
		return n
	}
	return ageAt(rs, i)
}

// yearAt matches (到|至|在)?[0-9]{4}年(底|末)?(前)? at rs[i].
func yearAt(rs []rune, i int) int {
	if i < len(rs) && strings.ContainsRune("到至在", rs[i]) {
		if n := bareYearAt(rs, i+1); n > 0 {
			return n + 1
		}
	}
	return bareYearAt(rs, i)
}

func bareYearAt(rs []rune, i int) int {
	j := i
	for ; j < len(rs) && j < i+4 && isDigit(rs[j]); j++ {
	}
	if j != i+4 || j >= len(rs) || rs[j] != '年' {
		return 0
	}
	j++
	if j < len(rs) && (rs[j] == '底' || rs[j] == '末') {
		j++
	}
	if j < len(rs) && rs[j] == '前' {
		j++
	}
	return j - i
}

// ageAt matches ([0-9]+-)?[0-9]+岁 at rs[i].
func ageAt(rs []rune, i int) int {
	j := digitsEnd(rs, i)
	if j == i {
		return 0
	}
	if j < len(rs) && rs[j] == '-' {
		if k := digitsEnd(rs, j+1); k > j+1 && k < len(rs) && rs[k] == '岁' {
			return k + 1 - i
		}
		return 0
	}
	if j < len(rs) && rs[j] == '岁' {
		return j + 1 - i
	}
	return 0
}

func digitsEnd(rs []rune, i int) int {
	for i < len(rs) && isDigit(rs[i]) {
		i++
	}
	return i
}

// matchRestated reads what follows 以上/以下 when the plan restates the
// bound, 80分以上（含80分） with the brackets folded: the regular expression
//
//	^(以上|以下)\(含([0-9]+(?:\.[0-9]+)?)([^()0-9]{0,4})\)$
//
// giving its three groups, the word (以上), the number (80) and what is
// written after it (分).
func matchRestated(s string) (word, number, unit string, ok bool) {
	rest, found := "", false
	for _, w := range []string{"以上", "以下"} {
		if r, ok := strings.CutPrefix(s, w+"(含"); ok {
			word, rest, found = w, r, true
			break
		}
	}
	if !found {
		return "", "", "", false
	}
	rs := []rune(rest)
	j := digitsEnd(rs, 0)
	if j == 0 {
		return "", "", "", false
	}
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		j = digitsEnd(rs, j+1)
	}
	tail := rs[j:]
	if len(tail) == 0 || tail[len(tail)-1] != ')' || len(tail)-1 > 4 {
		return "", "", "", false
	}
	for _, r := range tail[:len(tail)-1] {
		if r == '(' || r == ')' || isDigit(r) {
			return "", "", "", false
		}
	}
	return word, string(rs[:j]), string(tail[:len(tail)-1]), true
}
