package plan

import (
	"bytes"
	"encoding"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"

	"github.com/eduplan/eduplan/internal/strictjson"
)

// Reading goes through internal/strictjson (see strict.go), eduplan's one
// strict reader, which checks syntax while it scans; writing is done by hand
// (see encodeIndented). The package thus needs no JSON library, which keeps
// goccy/go-json out of the wasm binary.

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
		fs := strictjson.Fields(v.Type())
		n := 0
		for _, name := range fs.Names {
			i, _ := fs.Field(name)
			f, omit := v.Field(i), fs.OmitEmpty(name)
			if omit && f.IsZero() || omit && f.Kind() == reflect.Slice && f.Len() == 0 {
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
