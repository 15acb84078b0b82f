package strictjson_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/internal/strictjson"
)

// shallowDocs are documents ParseShallow must read exactly as Parse does:
// the same syntax error at the same place, or the same tree once Each has
// read the unbuilt arrays.
var shallowDocs = []string{
	`{"format": "x", "units": [{"id": "a", "figures": {"m": 1}}, {"id": "b"}, 3, [1, [2]], "s"]}`,
	`{"units": []}`,
	`{"units": [ ], "a": [1], "b": {"c": [1, 2]}}`,
	`[{"units": [1, 2]}, [3]]`,
	`{"units": [1, 2,]}`,
	`{"units": [1 2]}`,
	`{"units": [1, 2}`,
	`{"units": [`,
	`{"units": [{"id": }]}`,
	`{"units": [{"id": "a"}]} x`,
	`{"units": [{"id": "a"}], "units": [1]}`,
	`{"units": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]}`,
	`1`,
	``,
}

func TestParseShallowAgreesWithParse(t *testing.T) {
	for _, doc := range shallowDocs {
		full, ferr := strictjson.Parse(doc)
		shallow, serr := strictjson.ParseShallow(doc)
		require.Equal(t, ferr, serr, doc)
		if ferr != nil {
			continue
		}
		// Build the unbuilt arrays from Each, then compare whole trees.
		if shallow.Kind == strictjson.ObjectStart {
			for k, mb := range shallow.Members {
				if mb.Val.Kind != strictjson.ArrayStart {
					continue
				}
				want := full.Members[k].Val
				assert.Nil(t, mb.Val.Elems, doc)
				assert.Equal(t, len(want.Elems), mb.Val.Len, doc)
				n := 0
				strictjson.Each(doc, mb.Val, func(i int, el *strictjson.Node) {
					assert.Equal(t, n, i)
					assert.Equal(t, want.Elems[i], el, doc)
					n++
				})
				assert.Equal(t, len(want.Elems), n, doc)
				mb.Val.Elems, mb.Val.Len = want.Elems, 0
			}
		}
		assert.Equal(t, full, shallow, doc)
	}
}
