package strictjson

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
)

// Fill sets v (a non-nil pointer) from a parsed tree, as encoding/json
// decodes into it: structs by their json names (as Fields reads them),
// strings, numbers, booleans, pointers, slices, maps with
// string keys, any, and types that read themselves from text. It is for
// documents already known to be right — the plan compiled into the binary,
// which a test holds to the strict Decoder's reading — so it says only what
// went wrong, not where or why in words for a user: a key the struct does
// not have, a value of the wrong kind, a null where the Go value cannot be
// nil, or a number out of range are errors.
func Fill(n *Node, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strictjson: Fill needs a non-nil pointer, not %T", v)
	}
	return fill(rv.Elem(), n)
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func fill(v reflect.Value, n *Node) error {
	if n.Kind == Null {
		switch v.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			v.SetZero()
			return nil
		}
		return mismatch(n, v)
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return fill(v.Elem(), n)
	}
	if n.Kind == String && v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		return v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(Unquote(n.Raw)))
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.NumMethod() != 0 {
			return mismatch(n, v)
		}
		v.Set(reflect.ValueOf(anyOf(n)))
	case reflect.String:
		if n.Kind != String {
			return mismatch(n, v)
		}
		v.SetString(Unquote(n.Raw))
	case reflect.Bool:
		if n.Kind != True && n.Kind != False {
			return mismatch(n, v)
		}
		v.SetBool(n.Kind == True)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(n.Raw, 10, 64)
		if n.Kind != Number || err != nil || v.OverflowInt(i) {
			return mismatch(n, v)
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(n.Raw, 10, 64)
		if n.Kind != Number || err != nil || v.OverflowUint(u) {
			return mismatch(n, v)
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(n.Raw, 64)
		if n.Kind != Number || err != nil {
			return mismatch(n, v)
		}
		v.SetFloat(f)
	case reflect.Slice:
		if n.Kind != ArrayStart {
			return mismatch(n, v)
		}
		s := reflect.MakeSlice(v.Type(), len(n.Elems), len(n.Elems))
		for i, e := range n.Elems {
			if err := fill(s.Index(i), e); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != ObjectStart || v.Type().Key().Kind() != reflect.String {
			return mismatch(n, v)
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Members))
		for _, mb := range n.Members {
			e := reflect.New(v.Type().Elem()).Elem()
			if err := fill(e, mb.Val); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(mb.Key).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		if n.Kind != ObjectStart {
			return mismatch(n, v)
		}
		fields := Fields(v.Type())
		for _, mb := range n.Members {
			i, ok := fields.Field(mb.Key)
			if !ok {
				return fmt.Errorf("strictjson: %s has no field %q (offset %d)", v.Type(), mb.Key, mb.KeyOff)
			}
			if err := fill(v.Field(i), mb.Val); err != nil {
				return err
			}
		}
	default:
		return mismatch(n, v)
	}
	return nil
}

// anyOf is a node as encoding/json decodes it into an interface.
func anyOf(n *Node) any {
	switch n.Kind {
	case String:
		return Unquote(n.Raw)
	case Number:
		f, _ := strconv.ParseFloat(n.Raw, 64)
		return f
	case True:
		return true
	case False:
		return false
	case ArrayStart:
		out := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			out[i] = anyOf(e)
		}
		return out
	case ObjectStart:
		out := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			out[m.Key] = anyOf(m.Val)
		}
		return out
	}
	return nil
}

func mismatch(n *Node, v reflect.Value) error {
	return fmt.Errorf("strictjson: a JSON %q value at offset %d does not fit %s", rune(n.Kind), n.Off, v.Type())
}
