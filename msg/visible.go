package msg

import (
	"strconv"
	"strings"
)

// Hidden says whether r is a character a reader cannot see that changes how
// the text around it reads: a bidirectional control (the marks, embeddings,
// overrides and isolates of Unicode's bidi algorithm, U+202E among them)
// or a character of no width (the zero-width space, the joiners, the word
// joiner, a byte order mark inside text). One of them can make a name read
// as another, or two equal-looking names differ.
func Hidden(r rune) bool {
	switch {
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069',
		r == '\u200E', r == '\u200F', r == '\u061C',
		r >= '\u200B' && r <= '\u200D', r == '\u2060', r == '\uFEFF':
		return true
	}
	return false
}

// AppendEscaped appends r as a reader sees it escaped: "<U+202E>".
func AppendEscaped(b []byte, r rune) []byte {
	b = append(b, "<U+"...)
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for n := len(h); n < 4; n++ {
		b = append(b, '0')
	}
	b = append(b, h...)
	return append(b, '>')
}

// Visible returns s with every Hidden character shown escaped, "<U+202E>",
// for text a person reads (a table, a message): the character is then
// seen rather than obeyed. Text without one comes back as it is, without
// copying. Data outputs (CSV, JSON) keep the characters: they are the data.
func Visible(s string) string {
	i := hiddenAt(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:i]...)
	for _, r := range s[i:] {
		if Hidden(r) {
			b = AppendEscaped(b, r)
		} else {
			b = append(b, string(r)...)
		}
	}
	return string(b)
}

// hiddenAt returns the index of the first Hidden character in s, or -1.
// Every Hidden character is above U+0600, so ASCII is skipped byte by byte.
func hiddenAt(s string) int {
	for i, r := range s {
		if r >= '\u0600' && Hidden(r) {
			return i
		}
	}
	return -1
}
