package reportfmt

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators/view"
)

// FuzzWriters puts arbitrary text where a plan or a data file puts it (unit
// and indicator names, ids, wording) and checks what each writer promises:
// JUnit stays well-formed XML, Markdown rows keep their cells, CSV reads
// back row for row, and the table's last column stays aligned.
func FuzzWriters(f *testing.F) {
	f.Add("镇江市", "zj", "学前三年教育毛入学率", "preschool-ger", "达99%以上")
	f.Add("a|b", "x]]>y", "<img src=x onerror=alert(1)>", "`id`", "*x* _y_ [z](w)")
	f.Add("\x00\x1b[31m", "\n", "\t|\r\n", "\uFFFE", "=cmd|' /C calc'!A0")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, unitName, unitID, indName, indID, wording string) {
		r := fixture()
		r.Units[0].Unit.Name, r.Units[0].Unit.ID = unitName, unitID
		for i := range r.Units[0].Results {
			res := &r.Units[0].Results[i]
			res.Name.ZH, res.Name.EN, res.Wording = indName+res.Name.ZH, indName, wording
			if i == 1 {
				res.Indicator = indID
			}
		}

		var j bytes.Buffer
		if err := WriteJUnit(&j, r, JUnitOptions{}); err != nil {
			t.Fatal(err)
		}
		var doc junitDoc
		if err := xml.Unmarshal(j.Bytes(), &doc); err != nil {
			t.Fatalf("JUnit is not well-formed: %v\n%s", err, j.String())
		}
		if doc.Failures != 2 {
			t.Fatalf("failures = %d, want 2 (the binding targets missed)", doc.Failures)
		}

		var m bytes.Buffer
		if err := WriteMarkdown(&m, r, "zh"); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(m.String(), "\n") {
			if strings.HasPrefix(line, "|") {
				if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != 8 {
					t.Fatalf("markdown row has %d cell separators: %q", n, line)
				}
			}
		}

		var c bytes.Buffer
		if err := view.WriteCSV(&c, r, "zh"); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(c.Bytes()[3:])).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not read back: %v", err)
		}
		if len(rows) != 1+10 {
			t.Fatalf("CSV has %d rows, want 11", len(rows))
		}

		var tb bytes.Buffer
		if err := WriteTable(&tb, r, "zh"); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(indID) || !utf8.ValidString(indName) {
			return // invalid UTF-8 has no defined width to align on
		}
		// Every row of the first table ends with its id, at one column (the
		// title, the gap legend, a blank line, the unit and its summary first).
		lines := strings.Split(tb.String(), "\n")
		ids := []string{"编号"}
		for _, res := range r.Units[0].Results {
			ids = append(ids, oneLine(res.Indicator))
		}
		col := -1
		for k, id := range ids {
			line := lines[6+k]
			if strings.TrimSpace(id) == "" {
				continue // an empty id leaves nothing to align
			}
			if !strings.HasSuffix(line, strings.TrimRight(id, " ")) {
				t.Fatalf("row %q does not end with id %q", line, id)
			}
			c := Width(line) - Width(strings.TrimRight(id, " "))
			if col < 0 {
				col = c
			} else if c != col {
				t.Fatalf("id %q starts at column %d, not %d:\n%s", id, c, col, tb.String())
			}
		}
	})
}

// BenchmarkWriters writes a report of 1,000 units of 9 results each.
func BenchmarkWriters(b *testing.B) {
	r := fixture()
	base := r.Units
	r.Units = nil
	for i := 0; i < 1000/len(base)+1; i++ {
		r.Units = append(r.Units, base...)
	}
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"table", func(b *bytes.Buffer) error { return WriteTable(b, r, "zh") }},
		{"csv", func(b *bytes.Buffer) error { return view.WriteCSV(b, r, "zh") }},
		{"markdown", func(b *bytes.Buffer) error { return WriteMarkdown(b, r, "zh") }},
		{"junit", func(b *bytes.Buffer) error { return WriteJUnit(b, r, JUnitOptions{}) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := w.write(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
