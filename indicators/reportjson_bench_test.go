package indicators_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/internal/jsonx"
)

// writeJSONWhole is how reports were written before ReportFormat: the whole
// document, every result with its indicator's text, indented, encoded into
// one growing buffer. It is BenchmarkWriteJSON's baseline.
func writeJSONWhole(r *indicators.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := jsonx.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(r)
	return b.Bytes(), err
}

// countWriter counts what goes through it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// BenchmarkWriteJSON writes the report of the benchmark's 10,011 units in
// the old way (whole, indented, every result with its indicator's text),
// and in ReportFormat from the built report and from a Stream (each unit's
// results built as written, so that part includes building them): compare
// ns/op and B/op in one run; bytes/op is the size of the output.
func BenchmarkWriteJSON(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	ev := cat.Evaluate(d)
	r, err := ev.Report(indicators.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("old", func(b *testing.B) {
		b.ReportAllocs()
		var n int
		for b.Loop() {
			out, err := writeJSONWhole(r)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		b.ReportMetric(float64(n), "bytes/op")
	})
	for _, tc := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"report", r.WriteJSON},
		{"report-indent", r.WriteJSONIndent},
		{"report-lines", func(w io.Writer) error { return reportfmt.WriteJSONLines(w, r) }},
		{"stream", func(w io.Writer) error {
			s, err := ev.Stream(indicators.Options{})
			if err != nil {
				return err
			}
			return s.WriteJSON(w)
		}},
		{"stream-csv", func(w io.Writer) error {
			s, err := ev.Stream(indicators.Options{})
			if err != nil {
				return err
			}
			return view.WriteCSV(w, s, "zh")
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			var c countWriter
			for b.Loop() {
				c.n = 0
				if err := tc.write(&c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.n), "bytes/op")
		})
	}
}
