package dataset

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A dataset read from JSON holds no piece of the file's text: a string
// that is one keeps the whole text alive with the dataset (255 MB of a
// national file held through the assessment, by its note alone).
func TestReadJSONKeepsNoText(t *testing.T) {
	text := `{"format": "eduplan.data/v1", "year": 2017, "plan": "zj2017", "note": "synthetic figures",
  "units": [
    {"id": "c", "name": "镇江市", "level": "city"},
    {"id": "d1", "name": "京口区", "level": "district", "parent": "c", "figures": {"pe_pass_rate": "96.5%", "preschool_population": null}},
    {"id": "s1", "name": "实验幼儿园", "level": "school", "kind": "kindergarten", "parent": "d1", "figures": {"funding": "2500.5", "preschool_enrolled": "--"}}
  ]
}`
	// A copy of its own, so that no string of the test's shares it.
	text = string([]byte(text))
	d, err := readJSONText(text, UTF8, testFields, Options{File: "f.json", Plan: "zj2017"})
	require.NoError(t, err)
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= start && p < start+uintptr(len(text))
	}
	var strs []string
	strs = append(strs, d.Note, d.Plan)
	for _, u := range d.Units {
		strs = append(strs, u.ID, u.Name, u.Parent, string(u.Level), string(u.Kind))
	}
	for _, w := range d.Source.Warnings {
		strs = append(strs, w.Path, w.Unit, w.Text)
	}
	for _, m := range d.Source.Missing {
		strs = append(strs, m.Path, m.Unit, m.Metric, m.Text, m.Marker)
	}
	require.NotEmpty(t, d.Source.Missing, "the test reads missing cells")
	assert.Equal(t, "synthetic figures", d.Note)
	assert.Equal(t, "zj2017", d.Plan)
	for _, s := range strs {
		assert.False(t, inText(s), "%q is a piece of the file's text", s)
	}
}
