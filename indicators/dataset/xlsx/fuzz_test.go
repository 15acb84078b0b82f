package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eduplan/eduplan/indicators/dataset"
)

// FuzzRead feeds the reader damaged workbooks: it must return figures or an
// error, never panic or hang. The fixtures are the seeds; testdata/fuzz
// keeps the inputs that once failed.
func FuzzRead(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte("PK\x03\x04"), "Sheet1")
	f.Fuzz(func(t *testing.T, b []byte, sheet string) {
		d, err := Read(bytes.NewReader(b), fields, dataset.Options{File: "f.xlsx", Sheet: sheet, Year: 2017})
		if err == nil && d == nil {
			t.Fatal("no dataset and no error")
		}
		if err != nil && d != nil {
			t.Fatal("a dataset and an error")
		}
	})
}
