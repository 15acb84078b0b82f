package plan

import (
	"bytes"
	"encoding"
	stdjson "encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The package's JSON calls live here, in one file.
//
// Reading uses encoding/json's token stream: strict loading needs every key
// in order, duplicate keys and positions, and goccy/go-json's Token skips
// commas and colons without checking them, so it cannot report syntax
// errors. Writing is done by hand (see encodeIndented). The package thus
// needs no goccy/go-json, which keeps it out of the wasm binary.

// jsonToken is one token of the input stream.
type jsonToken = stdjson.Token

// jsonDelim is a structural token: { } [ ].
type jsonDelim = stdjson.Delim

// jsonNumber is a number kept as written.
type jsonNumber = stdjson.Number

// jsonSyntaxError is the error encoding/json gives for malformed input.
type jsonSyntaxError = stdjson.SyntaxError

// newTokenReader returns a decoder over data that yields tokens with numbers
// as written.
func newTokenReader(r io.Reader) *stdjson.Decoder {
	dec := stdjson.NewDecoder(r)
	dec.UseNumber()
	return dec
}

// scanTokens yields the tokens of input that checkSyntax has accepted, as
// encoding/json's Decoder.Token does (numbers as jsonNumber), several times
// faster: the Decoder decodes every scalar through reflection and makes an
// error value at the end of each, which made loading the seed plan in the
// browser take a quarter of a second. Because the input is known to be
// valid, separators need no checking here; a string with escapes or
// invalid UTF-8 is decoded by encoding/json itself so that both paths give
// the same text.
type scanTokens struct {
	data []byte
	pos  int
}

// InputOffset is the offset just past the last token read.
func (s *scanTokens) InputOffset() int64 { return int64(s.pos) }

func (s *scanTokens) skip() { s.pos = skipSeparators(s.data, s.pos) }

// More reports whether the current array or object has another element.
func (s *scanTokens) More() bool {
	s.skip()
	return s.pos < len(s.data) && s.data[s.pos] != ']' && s.data[s.pos] != '}'
}

// Token returns the next token, or io.EOF after the last.
func (s *scanTokens) Token() (jsonToken, error) {
	s.skip()
	if s.pos >= len(s.data) {
		return nil, io.EOF
	}
	switch c := s.data[s.pos]; c {
	case '{', '}', '[', ']':
		s.pos++
		return jsonDelim(c), nil
	case '"':
		return s.str()
	case 't':
		s.pos += len("true")
		return true, nil
	case 'f':
		s.pos += len("false")
		return false, nil
	case 'n':
		s.pos += len("null")
		return nil, nil
	}
	start := s.pos
	for s.pos < len(s.data) && strings.IndexByte("+-.0123456789eE", s.data[s.pos]) >= 0 {
		s.pos++
	}
	return jsonNumber(s.data[start:s.pos]), nil
}

func (s *scanTokens) str() (jsonToken, error) {
	start, plain := s.pos, true
	for s.pos++; s.pos < len(s.data); s.pos++ {
		switch s.data[s.pos] {
		case '\\':
			plain = false
			s.pos++
		case '"':
			s.pos++
			lit := s.data[start:s.pos]
			if plain && utf8.Valid(lit) {
				return string(lit[1 : len(lit)-1]), nil
			}
			var out string
			err := stdjson.Unmarshal(lit, &out)
			return out, err
		}
	}
	return nil, io.ErrUnexpectedEOF
}

// validJSON reports whether data is one syntactically valid JSON value.
func validJSON(data []byte) bool { return stdjson.Valid(data) }

// checkSyntax scans the whole input and returns its first syntax error with
// an exact byte offset (the token stream's offsets can point elsewhere).
func checkSyntax(data []byte) error {
	var raw stdjson.RawMessage
	return stdjson.Unmarshal(data, &raw)
}

// encodeIndented writes v as two-space indented JSON followed by a newline.
//
// It is written here rather than taken from a JSON library for three
// reasons: < > & stay as they are (targets such as "<= 5%" must stay
// readable), a nil list is written [] (a strict reader rightly rejects null
// where a list belongs), and omitempty also omits a struct that is entirely
// zero, such as a Text hint nobody wrote, which json.Marshal would write as
// {"zh": ""}. Field order is the struct's, so output is stable.
func encodeIndented(w io.Writer, v any) error {
	e := &encoder{}
	if err := e.value(reflect.ValueOf(v), 0); err != nil {
		return err
	}
	e.buf.WriteByte('\n')
	_, err := w.Write(e.buf.Bytes())
	return err
}

type encoder struct{ buf bytes.Buffer }

func (e *encoder) newline(depth int) {
	e.buf.WriteByte('\n')
	for range depth {
		e.buf.WriteString("  ")
	}
}

func (e *encoder) value(v reflect.Value, depth int) error {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			e.buf.WriteString("null")
			return nil
		}
		return e.value(v.Elem(), depth)
	}
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		b, err := m.MarshalText()
		if err != nil {
			return err
		}
		e.string(string(b))
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		fs := jsonFields(v.Type())
		n := 0
		for _, name := range fs.names {
			f := v.Field(fs.byName[name])
			if fs.omit[name] && f.IsZero() || fs.omit[name] && f.Kind() == reflect.Slice && f.Len() == 0 {
				continue
			}
			if n == 0 {
				e.buf.WriteByte('{')
			} else {
				e.buf.WriteByte(',')
			}
			n++
			e.newline(depth + 1)
			e.string(name)
			e.buf.WriteString(": ")
			if err := e.value(f, depth+1); err != nil {
				return err
			}
		}
		if n == 0 {
			e.buf.WriteString("{}")
			return nil
		}
		e.newline(depth)
		e.buf.WriteByte('}')
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			e.buf.WriteString("[]")
			return nil
		}
		e.buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				e.buf.WriteByte(',')
			}
			e.newline(depth + 1)
			if err := e.value(v.Index(i), depth+1); err != nil {
				return err
			}
		}
		e.newline(depth)
		e.buf.WriteByte(']')
	case reflect.String:
		e.string(v.String())
	case reflect.Bool:
		e.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.buf.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("cannot write %v as JSON", f)
		}
		e.buf.WriteString(strconv.FormatFloat(f, 'g', -1, v.Type().Bits()))
	default:
		return fmt.Errorf("cannot write a %s as JSON", v.Type())
	}
	return nil
}

// string writes a JSON string, escaping only what JSON requires (and the
// line separators U+2028/U+2029, which break JavaScript).
func (e *encoder) string(s string) {
	const hex = "0123456789abcdef"
	e.buf.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			e.buf.WriteByte('\\')
			e.buf.WriteRune(r)
		case r == '\n':
			e.buf.WriteString(`\n`)
		case r == '\r':
			e.buf.WriteString(`\r`)
		case r == '\t':
			e.buf.WriteString(`\t`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			e.buf.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				e.buf.WriteByte(hex[r>>shift&0xf])
			}
		default:
			e.buf.WriteRune(r)
		}
	}
	e.buf.WriteByte('"')
}
