package webapi

import (
	"strings"
	"testing"
)

// BenchmarkStartCalls is the Go side of the page's start-up: the calls the
// page makes before it shows the first assessment (loadDefault, then form
// and assess for the first kind of unit, no figures typed yet), in a new
// session each time. The page's own numbers come from BenchmarkFirstAssessment
// in a real browser; this one runs where the browser is missing, and under
// WebAssembly (GOOS=js GOARCH=wasm, with $(go env GOROOT)/lib/wasm on PATH),
// where -benchtime 1x in a fresh process gives the cold cost the page pays,
// code compiled on first use included.
func BenchmarkStartCalls(b *testing.B) {
	for b.Loop() {
		s := New()
		for _, c := range []struct{ name, arg string }{
			{"loadDefault", ""},
			{"form", `{"level":"school","kind":"primary"}`},
			{"assess", `{"level":"school","kind":"primary","name":"","figures":{}}`},
		} {
			if out := s.Call(c.name, c.arg); !strings.HasPrefix(out, `{"ok":true`) {
				b.Fatalf("%s: %.300s", c.name, out)
			}
		}
	}
}
