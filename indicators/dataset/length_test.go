package dataset

import (
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An id or a name of thousands of characters is a broken file, refused at
// its cell, quoted only in part; CSV and JSON alike.
func TestNameAndIDLength(t *testing.T) {
	long := strings.Repeat("校", MaxNameLength+1)
	tests := []struct {
		name, id, unitName string
		col                int // 0: accepted
		path               string
	}{
		{"name at the limit", "s1", strings.Repeat("校", MaxNameLength), 0, ""},
		{"name over", "s1", long, 2, "units[0].name"},
		{"id over", strings.Repeat("1", MaxNameLength+1), "第一小学", 1, "units[0].id"},
		{"huge name", "s1", strings.Repeat("x", 1<<20), 2, "units[0].name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			csv := "单位代码,单位名称,学校类型,体质健康合格率\n" + tc.id + "," + tc.unitName + ",小学,95\n"
			_, cerr := ReadCSV(strings.NewReader(csv), testFields, Options{File: "a.csv"})
			js := `{"format":"eduplan.data/v1","year":2017,"units":[{"id":"` + tc.id + `","name":"` + tc.unitName + `","level":"school","kind":"primary"}]}`
			_, jerr := ReadJSON(strings.NewReader(js), testFields, Options{File: "a.json"})
			if tc.col == 0 {
				require.NoError(t, cerr)
				require.NoError(t, jerr)
				return
			}
			for _, err := range []error{cerr, jerr} {
				var es Errors
				require.ErrorAs(t, err, &es)
				require.Len(t, es, 1)
				assert.Contains(t, es[0].Reason.ZH, "太长")
				assert.Contains(t, es[0].Reason.EN, "too long")
				assert.LessOrEqual(t, len([]rune(es[0].Text)), 41, "the cell is quoted in part")
			}
			var ce, je Errors
			require.ErrorAs(t, cerr, &ce)
			require.ErrorAs(t, jerr, &je)
			assert.Equal(t, []int{2, tc.col}, []int{ce[0].Row, ce[0].Column})
			assert.Equal(t, tc.path, je[0].Path)
		})
	}
}

// Text the caller decoded from GBK (the page decodes with TextDecoder)
// whose headers are not recognised gets the hint about other encodings, as
// a GBK file read here does.
func TestDecodedGBKHeadersHint(t *testing.T) {
	garbled := "妛峑僐乕僪,妛峑柤\n1001,京口\n"
	hint := msg.T("表头按 GBK 解码后无法识别", "the headers, decoded as GBK, are not recognised")
	for _, tc := range []struct {
		decoded Encoding
		want    bool
	}{{GBK, true}, {UTF8, false}, {"", false}} {
		_, err := ReadCSV(strings.NewReader(garbled), testFields, Options{File: "a.csv", Decoded: tc.decoded})
		require.Error(t, err)
		assert.Equal(t, tc.want, strings.Contains(msg.In(err, "zh"), hint.ZH), "decoded %q", tc.decoded)
		assert.Equal(t, tc.want, strings.Contains(msg.In(err, "en"), hint.EN), "decoded %q", tc.decoded)
	}
}
