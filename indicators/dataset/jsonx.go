package dataset

// The one place this package calls a JSON library, through internal/jsonx,
// which is goccy/go-json natively and encoding/json in the WebAssembly
// build, where goccy would cost about 1.3 MB more gzipped. Reading needs
// none: it goes through internal/strictjson.
import json "github.com/eduplan/eduplan/internal/jsonx"

// jsonQuote writes s as a JSON string literal.
func jsonQuote(s string) (string, error) {
	b, err := json.Marshal(s)
	return string(b), err
}
