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

// A percent above 100% is read (a gross rate may pass it) but warned of,
// naming the cell, unless the field may exceed 100%: CSV, JSON and a single
// figure alike.
func TestPercentAbove100Warns(t *testing.T) {
	tests := []struct {
		cell      string
		mayExceed bool
		warn      bool
		value     float64
	}{
		{"150%", false, true, 1.5},
		{"150", false, true, 1.5},
		{"100.5", false, true, 1.005},
		{"100", false, false, 1},
		{"100%", false, false, 1},
		{"99.5", false, false, 0.995},
		{"150%", true, false, 1.5},
		{"0.965", true, true, 0.00965}, // a fraction still warns as one
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			fields := []Field{{ID: "pe_pass_rate", Names: []string{"体质健康合格率"}, Percent: true, MayExceed100: tt.mayExceed}}
			csv := "单位代码,单位名称,学校类型,体质健康合格率\ns1,第一小学,小学," + tt.cell + "\n"
			d, err := ReadCSV(strings.NewReader(csv), fields, Options{File: "a.csv"})
			require.NoError(t, err)
			v, ok := d.Value("s1", "pe_pass_rate")
			require.True(t, ok, "the figure is read")
			assert.InDelta(t, tt.value, v, 1e-12)
			js := `{"format":"eduplan.data/v1","year":2017,"units":[{"id":"s1","name":"第一小学","level":"school","kind":"primary","figures":{"pe_pass_rate":"` + tt.cell + `"}}]}`
			dj, err := ReadJSON(strings.NewReader(js), fields, Options{File: "a.json"})
			require.NoError(t, err)
			fig, err := ParseFigure(tt.cell, fields[0])
			require.NoError(t, err)
			if !tt.warn {
				assert.Empty(t, d.Source.Warnings)
				assert.Empty(t, dj.Source.Warnings)
				assert.Nil(t, fig.Warning)
				return
			}
			want := WarnPercentOver100
			if tt.value < 0.01 {
				want = WarnPercentFraction
			}
			require.Len(t, d.Source.Warnings, 1)
			assert.Equal(t, CellError{File: "a.csv", Row: 2, Column: 4, Header: "体质健康合格率", Text: tt.cell, Reason: want}, d.Source.Warnings[0])
			require.Len(t, dj.Source.Warnings, 1)
			assert.Equal(t, "units[0].figures.pe_pass_rate", dj.Source.Warnings[0].Path)
			assert.Equal(t, want, dj.Source.Warnings[0].Reason)
			require.NotNil(t, fig.Warning)
			assert.Equal(t, want, fig.Warning.Reason)
		})
	}
}
