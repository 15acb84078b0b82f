//go:build !js

package jsonx

import (
	"fmt"
	"io"

	json "github.com/goccy/go-json"
)

// The JSON library's API, re-exported.
var (
	Marshal       = json.Marshal
	MarshalIndent = json.MarshalIndent
	NewEncoder    = json.NewEncoder
)

// Types of the JSON library, re-exported.
type (
	Number             = json.Number
	RawMessage         = json.RawMessage
	Encoder            = json.Encoder
	SyntaxError        = json.SyntaxError
	UnmarshalTypeError = json.UnmarshalTypeError
)

// Unmarshal decodes data into v. goccy/go-json v0.10.5 can panic on some
// malformed input (an index out of range in its whitespace scanner, seen
// with `{"\00\` after other decodes); the panic becomes an error, as
// encoding/json would return one, so bad input never stops a program.
func Unmarshal(data []byte, v any) (err error) {
	defer recoverAsError(&err)
	return json.Unmarshal(data, v)
}

// Decoder reads JSON values from a stream; see Unmarshal for why it wraps
// the library's decoder.
type Decoder struct{ d *json.Decoder }

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader) *Decoder { return &Decoder{json.NewDecoder(r)} }

// Decode reads the next value into v.
func (d *Decoder) Decode(v any) (err error) {
	defer recoverAsError(&err)
	return d.d.Decode(v)
}

// UseNumber makes numbers decode into Number rather than float64.
func (d *Decoder) UseNumber() { d.d.UseNumber() }

// DisallowUnknownFields makes an object field with no struct field an error.
func (d *Decoder) DisallowUnknownFields() { d.d.DisallowUnknownFields() }

func recoverAsError(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("invalid JSON: %v", r)
	}
}
