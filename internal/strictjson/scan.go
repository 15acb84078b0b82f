package strictjson

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

// MaxDepth bounds how deeply objects and arrays may nest: eduplan's formats
// need fewer than ten levels, and a hostile file must not exhaust the stack
// of a reader that recurses.
const MaxDepth = 64

// Kind is what a token is. Values are the characters that start them.
type Kind byte

// Kinds of token.
const (
	EOF         Kind = 0
	ObjectStart Kind = '{'
	ObjectEnd   Kind = '}'
	ArrayStart  Kind = '['
	ArrayEnd    Kind = ']'
	Key         Kind = 'k' // an object key; Raw is the quoted literal
	String      Kind = '"'
	Number      Kind = '0'
	True        Kind = 't'
	False       Kind = 'f'
	Null        Kind = 'n'
)

// Token is one token of a document.
type Token struct {
	Kind Kind
	// Off is the byte offset where the token starts.
	Off int
	// Raw is a key, string or number as written, quotes included.
	Raw string
	// plain marks a string of ASCII without escapes: its text is Raw
	// between the quotes.
	plain bool
}

// Str decodes a key or string token.
func (t Token) Str() string {
	if t.plain {
		return t.Raw[1 : len(t.Raw)-1]
	}
	return Unquote(t.Raw)
}

// SyntaxError is where a document stops being JSON, and why.
type SyntaxError struct {
	Off  int
	Text msg.Text
}

// Error is the error in both languages.
func (e *SyntaxError) Error() string { return e.Text.Both() }

type state uint8

const (
	stValue      state = iota // a value must come: at the start, after ':', after ',' in an array
	stValueOrEnd              // after '['
	stKeyOrEnd                // after '{'
	stKey                     // after ',' in an object
	stColon                   // after a key
	stCommaOrEnd              // after a value inside an object or array
	stDone                    // after the top-level value
)

// Scanner hands out the tokens of a document, checking its syntax as it
// goes: a token it returns is where a valid document may have it.
type Scanner struct {
	s     string
	pos   int
	stack []byte
	state state
	err   *SyntaxError
}

// NewScanner returns a scanner over a document.
func NewScanner(text string) *Scanner {
	return &Scanner{s: text, stack: make([]byte, 0, 16)}
}

// Depth is how many objects and arrays are open.
func (s *Scanner) Depth() int { return len(s.stack) }

func (s *Scanner) space() {
	for s.pos < len(s.s) {
		switch s.s[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *Scanner) fail(off int, zh, en string, args ...any) (Token, *SyntaxError) {
	s.err = &SyntaxError{Off: off, Text: msg.Textf(zh, en, args...)}
	return Token{}, s.err
}

func (s *Scanner) eof() (Token, *SyntaxError) {
	return s.fail(len(s.s), "JSON 提前结束", "unexpected end of JSON input")
}

// unexpected reports the character at off.
func (s *Scanner) unexpected(off int) (Token, *SyntaxError) {
	if off >= len(s.s) {
		return s.eof()
	}
	r, _ := utf8.DecodeRuneInString(s.s[off:])
	return s.fail(off, "此处不应有 %q", "unexpected %q", r)
}

// Next returns the next token; after the last, a token of kind EOF. After a
// syntax error it returns the same error again.
func (s *Scanner) Next() (Token, *SyntaxError) {
	if s.err != nil {
		return Token{}, s.err
	}
	s.space()
	switch s.state {
	case stColon:
		if s.pos >= len(s.s) {
			return s.eof()
		}
		if s.s[s.pos] != ':' {
			return s.fail(s.pos, "字段名后应为冒号", "expected ':' after the key")
		}
		s.pos++
		s.space()
		s.state = stValue
	case stCommaOrEnd:
		if s.pos >= len(s.s) {
			return s.eof()
		}
		top := s.stack[len(s.stack)-1]
		switch c := s.s[s.pos]; {
		case c == ',':
			s.pos++
			s.space()
			if top == '{' {
				s.state = stKey
			} else {
				s.state = stValue
			}
		case c == '}' && top == '{', c == ']' && top == '[':
			return s.end(c)
		case top == '{':
			return s.fail(s.pos, "此处应为逗号或 }", "expected ',' or '}'")
		default:
			return s.fail(s.pos, "此处应为逗号或 ]", "expected ',' or ']'")
		}
	case stDone:
		if s.pos < len(s.s) {
			return s.fail(s.pos, "JSON 值之后还有多余内容", "extra text after the JSON value")
		}
		return Token{Kind: EOF, Off: s.pos}, nil
	}
	if s.pos >= len(s.s) {
		return s.eof()
	}
	c := s.s[s.pos]
	switch s.state {
	case stKeyOrEnd, stKey:
		if c == '}' && s.state == stKeyOrEnd {
			return s.end(c)
		}
		if c != '"' {
			return s.fail(s.pos, "此处应为带引号的字段名", "expected a quoted key")
		}
		start := s.pos
		plain, err := s.str()
		if err != nil {
			return Token{}, err
		}
		s.state = stColon
		return Token{Kind: Key, Off: start, Raw: s.s[start:s.pos], plain: plain}, nil
	case stValueOrEnd:
		if c == ']' {
			return s.end(c)
		}
	}
	return s.value(c)
}

func (s *Scanner) end(c byte) (Token, *SyntaxError) {
	off := s.pos
	s.pos++
	s.stack = s.stack[:len(s.stack)-1]
	s.after()
	return Token{Kind: Kind(c), Off: off}, nil
}

// after sets the state that follows a complete value.
func (s *Scanner) after() {
	if len(s.stack) == 0 {
		s.state = stDone
	} else {
		s.state = stCommaOrEnd
	}
}

func (s *Scanner) value(c byte) (Token, *SyntaxError) {
	if c == '{' || c == '[' {
		if len(s.stack) >= MaxDepth {
			return s.nested()
		}
		s.stack = append(s.stack, c)
		start := s.pos
		s.pos++
		if c == '{' {
			s.state = stKeyOrEnd
		} else {
			s.state = stValueOrEnd
		}
		return Token{Kind: Kind(c), Off: start}, nil
	}
	t, err := s.scalar(c)
	if err == nil {
		s.after()
	}
	return t, err
}

func (s *Scanner) nested() (Token, *SyntaxError) {
	return s.fail(s.pos, "嵌套太深", "nested too deeply")
}

// scalar scans the string, number or literal that starts at s.pos with c.
func (s *Scanner) scalar(c byte) (Token, *SyntaxError) {
	start := s.pos
	switch {
	case c == '"':
		plain, err := s.str()
		if err != nil {
			return Token{}, err
		}
		return Token{Kind: String, Off: start, Raw: s.s[start:s.pos], plain: plain}, nil
	case c == '-' || c >= '0' && c <= '9':
		if err := s.number(); err != nil {
			return Token{}, err
		}
		return Token{Kind: Number, Off: start, Raw: s.s[start:s.pos]}, nil
	case c == 't' || c == 'f' || c == 'n':
		word := "null"
		if c == 't' {
			word = "true"
		} else if c == 'f' {
			word = "false"
		}
		for i := 0; i < len(word); i++ {
			if s.pos+i >= len(s.s) || s.s[s.pos+i] != word[i] {
				return s.unexpected(s.pos + i)
			}
		}
		s.pos += len(word)
		return Token{Kind: Kind(c), Off: start, Raw: word}, nil
	}
	return s.unexpected(s.pos)
}

// str scans a string literal; on return s.pos is just past its closing
// quote.
func (s *Scanner) str() (plain bool, err *SyntaxError) {
	start := s.pos
	s.pos++
	var high byte
	for s.pos < len(s.s) {
		if c := s.s[s.pos]; c >= 0x20 && c != '"' && c != '\\' {
			high |= c
			s.pos++
			continue
		}
		c := s.s[s.pos]
		switch {
		case c == '"':
			s.pos++
			return high < 0x80, nil
		case c < 0x20:
			_, err := s.fail(s.pos, "字符串中有控制字符（换行须写成 \\n）", "control character in a string (write a line break as \\n)")
			return false, err
		case c == '\\':
			high = 0x80 // escaped: Unquote decodes it
			s.pos++
			if s.pos >= len(s.s) {
				break
			}
			switch s.s[s.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				s.pos++
				for k := 0; k < 4; k++ {
					if s.pos >= len(s.s) || !isHex(s.s[s.pos]) {
						_, err := s.fail(s.pos, "\\u 后应为四位十六进制数", "\\u must be followed by four hex digits")
						return false, err
					}
					s.pos++
				}
			default:
				_, err := s.fail(s.pos, "无效的转义", "invalid escape")
				return false, err
			}
		default:
			s.pos++
		}
	}
	_, err = s.fail(start, "字符串没有结束引号", "unterminated string")
	return false, err
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (s *Scanner) number() *SyntaxError {
	start := s.pos
	digits := func() int {
		n := 0
		for s.pos < len(s.s) && s.s[s.pos] >= '0' && s.s[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	bad := func() *SyntaxError {
		_, err := s.fail(start, "数字格式不对", "malformed number")
		return err
	}
	if s.s[s.pos] == '-' {
		s.pos++
	}
	if s.pos < len(s.s) && s.s[s.pos] == '0' {
		s.pos++
	} else if digits() == 0 {
		return bad()
	}
	if s.pos < len(s.s) && s.s[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return bad()
		}
	}
	if s.pos < len(s.s) && (s.s[s.pos] == 'e' || s.s[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.s) && (s.s[s.pos] == '+' || s.s[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return bad()
		}
	}
	if s.pos < len(s.s) && (s.s[s.pos] >= '0' && s.s[s.pos] <= '9' || s.s[s.pos] == '.') {
		return bad() // "01", "1.2.3"
	}
	return nil
}

// Unquote decodes a string literal the scanner has accepted, as
// encoding/json does: escapes are decoded, and a byte that is not UTF-8 or
// a lone surrogate becomes U+FFFD. Most literals have neither and cost
// nothing.
func Unquote(lit string) string {
	if len(lit) < 2 {
		return ""
	}
	body := lit[1 : len(lit)-1]
	if strings.IndexByte(body, '\\') < 0 && utf8.ValidString(body) {
		return body
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			r, n := utf8.DecodeRuneInString(body[i:])
			b.WriteRune(r) // RuneError for a bad byte, as encoding/json writes it
			i += n
			continue
		}
		i++
		e := body[i]
		i++
		switch e {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(body[i:])
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 <= len(body) && body[i] == '\\' && body[i+1] == 'u' {
					if dec := utf16.DecodeRune(r, hex4(body[i+2:])); dec != utf8.RuneError {
						b.WriteRune(dec)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default: // '"', '\\', '/'
			b.WriteByte(e)
		}
	}
	return b.String()
}

func hex4(s string) rune {
	if len(s) < 4 {
		return utf8.RuneError
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return utf8.RuneError
		}
		r = r<<4 | rune(c)
	}
	return r
}
