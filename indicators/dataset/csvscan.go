package dataset

import "strings"

// csvScanner splits CSV text into records the way Excel writes and reads
// them: fields quoted with '"' when they hold the delimiter, a quote or a
// line break, quotes doubled inside; lines ending in CRLF, LF or CR. A quote
// inside an unquoted field is an ordinary character, which is what lets the
// text-protected id ="0123" through. Fields are substrings of the text
// unless they hold a doubled quote. It records the line each field starts
// on, for error messages.
type csvScanner struct {
	s      string
	pos    int
	line   int // line of s[pos], 1-based
	delim  byte
	fields []string
	lines  []int
}

// csvSyntaxError is an unterminated quoted field.
type csvSyntaxError struct {
	line, column int
}

func newCSVScanner(s string, delim byte, firstLine int) *csvScanner {
	return &csvScanner{s: s, delim: delim, line: firstLine}
}

// next reads one record into sc.fields and sc.lines. It returns false at the
// end of the text, or with a syntax error.
func (sc *csvScanner) next() (bool, *csvSyntaxError) {
	sc.fields = sc.fields[:0]
	sc.lines = sc.lines[:0]
	if sc.pos >= len(sc.s) {
		return false, nil
	}
	s := sc.s
	for {
		sc.lines = append(sc.lines, sc.line)
		if sc.pos < len(s) && s[sc.pos] == '"' {
			startLine, col := sc.line, len(sc.fields)+1
			var b strings.Builder
			i := sc.pos + 1
			from := i
			closed := false
			for i < len(s) {
				c := s[i]
				if c == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteString(s[from : i+1])
						i += 2
						from = i
						continue
					}
					closed = true
					break
				}
				if c == '\n' || (c == '\r' && (i+1 >= len(s) || s[i+1] != '\n')) {
					sc.line++
				}
				i++
			}
			if !closed {
				return false, &csvSyntaxError{line: startLine, column: col}
			}
			var field string
			if b.Len() == 0 {
				field = s[from:i]
			} else {
				b.WriteString(s[from:i])
				field = b.String()
			}
			// Excel never writes text after a closing quote; a stray one is
			// kept with the field so that the cell is reported as written.
			i++
			j := i
			for j < len(s) && s[j] != sc.delim && s[j] != '\n' && s[j] != '\r' {
				j++
			}
			if j > i {
				field += s[i:j]
			}
			sc.fields = append(sc.fields, strings.ReplaceAll(field, "\r\n", "\n"))
			sc.pos = j
		} else {
			j := sc.pos
			for j < len(s) && s[j] != sc.delim && s[j] != '\n' && s[j] != '\r' {
				j++
			}
			sc.fields = append(sc.fields, s[sc.pos:j])
			sc.pos = j
		}
		if sc.pos >= len(s) {
			return true, nil
		}
		switch s[sc.pos] {
		case sc.delim:
			sc.pos++
			if sc.pos >= len(s) {
				// A delimiter at the very end of the text ends a last,
				// empty field.
				sc.fields = append(sc.fields, "")
				sc.lines = append(sc.lines, sc.line)
				return true, nil
			}
			continue
		case '\r':
			sc.pos++
			if sc.pos < len(s) && s[sc.pos] == '\n' {
				sc.pos++
			}
		case '\n':
			sc.pos++
		}
		sc.line++
		return true, nil
	}
}

// sniffDelimiter picks the delimiter of the first line: the most frequent of
// comma, tab and semicolon outside quotes, comma when there is none. Excel
// writes semicolons where the decimal mark is a comma, and tabs for
// "Unicode text".
func sniffDelimiter(s string) byte {
	var comma, tab, semi int
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		switch c {
		case '\n', '\r':
			i = len(s)
		case ',':
			comma++
		case '\t':
			tab++
		case ';':
			semi++
		}
	}
	switch {
	case tab > comma && tab >= semi:
		return '\t'
	case semi > comma && semi > tab:
		return ';'
	}
	return ','
}

// sepLine recognises Excel's "sep=;" first line, which names the delimiter.
// It returns the delimiter and the text after the line.
func sepLine(s string) (byte, string, bool) {
	if len(s) < 5 || !strings.HasPrefix(strings.ToLower(s[:4]), "sep=") {
		return 0, s, false
	}
	rest := s[5:]
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "\r\n"):
		rest = rest[2:]
	case rest[0] == '\n' || rest[0] == '\r':
		rest = rest[1:]
	default:
		return 0, s, false
	}
	switch s[4] {
	case '"', '\r', '\n':
		return 0, s, false
	}
	return s[4], rest, true
}

func (sc *csvScanner) record() ([]string, []int) { return sc.fields, sc.lines }

func (sc *csvScanner) left() int { return strings.Count(sc.s[sc.pos:], "\n") + 1 }
