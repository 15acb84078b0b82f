package dataset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A percent typed as a fraction (0.965 for 96.5%) is read as the plan's
// rule says — 0.965% — but never silently: the reader warns with the cell.
func TestPercentWrittenAsAFractionWarns(t *testing.T) {
	tests := []struct {
		cell string
		warn bool
	}{
		{"0.965", true},
		{"1", false}, // 1% is a plausible share
		{"0", false}, // zero is a figure, not a slip
		{"0.5%", false},
		{"96.5", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			csv := "单位代码,单位名称,学校类型,体质健康合格率\ns1,第一小学,小学," + tt.cell + "\n"
			d, err := ReadCSV(strings.NewReader(csv), testFields, Options{File: "a.csv"})
			require.NoError(t, err)
			if !tt.warn {
				assert.Empty(t, d.Source.Warnings)
				return
			}
			require.Len(t, d.Source.Warnings, 1)
			w := d.Source.Warnings[0]
			assert.Equal(t, CellError{File: "a.csv", Row: 2, Column: 4, Header: "体质健康合格率", Text: tt.cell, Reason: WarnPercentFraction}, w)
			v, ok := d.Value("s1", "pe_pass_rate")
			require.True(t, ok, "the figure is still read")
			assert.InDelta(t, 0.00965, v, 1e-12)
		})
	}

	js := `{"format":"eduplan.data/v1","year":2017,"units":[
{"id":"s1","name":"第一小学","level":"school","kind":"primary","figures":{"pe_pass_rate":0.965}}]}`
	d, err := ReadJSON(strings.NewReader(js), testFields, Options{File: "a.json"})
	require.NoError(t, err)
	require.Len(t, d.Source.Warnings, 1)
	assert.Equal(t, "units[0].figures.pe_pass_rate", d.Source.Warnings[0].Path)
	assert.Equal(t, 2, d.Source.Warnings[0].Row)
}
