//go:build js

package jsonx

import "encoding/json"

// The JSON library's API, re-exported.
var (
	Marshal       = json.Marshal
	MarshalIndent = json.MarshalIndent
	Unmarshal     = json.Unmarshal
	NewDecoder    = json.NewDecoder
	NewEncoder    = json.NewEncoder
)

// Types of the JSON library, re-exported.
type (
	Number             = json.Number
	RawMessage         = json.RawMessage
	Decoder            = json.Decoder
	Encoder            = json.Encoder
	SyntaxError        = json.SyntaxError
	UnmarshalTypeError = json.UnmarshalTypeError
)
