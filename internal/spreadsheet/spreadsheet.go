// Package spreadsheet writes the rows of every CSV file eduplan writes for
// a spreadsheet (the report, the figures, the data-entry template, the
// task book, the page's exports), so that all follow one rule for cells a
// spreadsheet would run as a formula: such a cell is written with a
// leading apostrophe, which Excel and WPS show as text, and the data
// readers take off again (Unguard), so that a name such as
// "=HYPERLINK(…)" survives a round trip as itself and never runs.
//
// The package is part of the browser binary: it uses nothing beyond
// strings and strconv.
package spreadsheet

import (
	"strconv"
	"strings"
)

// BOM makes Excel on Windows read a CSV file as UTF-8; without it Excel
// guesses the local code page (GBK in China) and garbles every name.
const BOM = "\uFEFF"

// Guard returns a cell a spreadsheet will show as text: one that begins
// with = or @, or with + or - and is not a number, or with a tab or a
// carriage return (which Excel strips before looking for a formula), gets
// a leading apostrophe. Signed numbers ("-0.004", "+1.3%") stay numbers.
func Guard(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if _, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// Unguard undoes Guard for a cell read back: an apostrophe before what
// Guard protects is taken off. Any other apostrophe is part of the text.
func Unguard(s string) string {
	if len(s) < 2 || s[0] != '\'' {
		return s
	}
	if g := s[1:]; Guard(g) == s {
		return g
	}
	return s
}

// AppendRow writes one CSV record of cells as they are, quoted where the
// format needs it (a comma, a quote, a line break, or a space at either
// end, which Excel would otherwise drop), and ends it with CRLF when crlf
// is set, as Excel writes, or LF. The caller guards the cells that may be
// untrusted text.
func AppendRow(b *strings.Builder, cells []string, crlf bool) {
	for i, f := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		if !needsQuotes(f) {
			b.WriteString(f)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	if crlf {
		b.WriteString("\r\n")
	} else {
		b.WriteByte('\n')
	}
}

// needsQuotes reports whether a cell must be quoted: it holds a comma, a
// quote or a line break, or starts or ends with a space. A loop over the
// bytes: strings.ContainsAny built its set of four on every cell, a
// twelfth of writing a national CSV report.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

// GuardRow guards every cell of a row in place and returns it.
func GuardRow(cells []string) []string {
	for i := range cells {
		cells[i] = Guard(cells[i])
	}
	return cells
}
