package seeds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/plan"
)

// TestEmbeddedPlanNeedsNoChecks is what lets Zhenjiang2017 skip plan.Parse:
// the embedded bytes pass every check of the strict reader and validation,
// and readSeed gives the identical plan, empty lists and unexported fields
// included.
func TestEmbeddedPlanNeedsNoChecks(t *testing.T) {
	strict, err := plan.Parse(zhenjiang2017)
	require.NoError(t, err, "the embedded plan must load strictly and validate")
	fast, err := readSeed(zhenjiang2017)
	require.NoError(t, err, "readSeed must read the embedded plan itself, not fall back to plan.Parse")
	require.Equal(t, strict, fast, "readSeed must give exactly what plan.Parse gives")

	got, err := Zhenjiang2017()
	require.NoError(t, err)
	assert.Equal(t, strict, got)
	got.Goals[0].Title.ZH = "changed"
	got.Metrics[0].ReportedBy.Levels[0] = "changed"
	again, err := Zhenjiang2017()
	require.NoError(t, err)
	assert.Equal(t, strict.Goals[0].Title, again.Goals[0].Title, "each call decodes anew")
	assert.Equal(t, strict.Metrics[0].ReportedBy, again.Metrics[0].ReportedBy, "nothing is shared between calls")
}

// readSeed decodes strings as encoding/json does: escapes, surrogate pairs
// and lone halves.
func TestReadSeedStrings(t *testing.T) {
	doc := `{"format":"eduplan.plan/v1","id":"a\"b\\c\/d","title":{"zh":"\u4e2d\u6587 \ud83d\ude00 \ud83d x","en":"tab\there\nnew\r\b\f"},` +
		`"year":2017,"goals":[],"sections":[{"id":"s","number":-1,"title":{"zh":"段"},"tasks":[]}]}`
	var want plan.Plan
	require.NoError(t, json.Unmarshal([]byte(doc), &want))
	got, err := readSeed([]byte(doc))
	require.NoError(t, err)
	assert.Equal(t, &want, got)
}

// Anything outside the shape readSeed knows is an error, so that a seed or
// model change it was not taught shows in the test rather than as a plan
// with a field silently left empty; decodeEmbedded then reads with
// plan.Parse.
func TestReadSeedRefuses(t *testing.T) {
	for _, doc := range []string{
		``,
		`{"id":"x"} {}`,
		`{"id":"x","colour":"red"}`,
		`{"id":null}`,
		`{"year":2017.5}`,
		`{"year":"2017"}`,
		`{"goals":[{"id":"g"},]}`,
		`{"id":"x"`,
		`{"id":"\x"}`,
		`{"id":"` + "\xff" + `"}`,
		`{"id":"` + "\n" + `"}`,
		`{"appendix":{"actions":[{"categories":[{"items":[{"units":{"merged":1}}]}]}]}}`,
	} {
		_, err := readSeed([]byte(doc))
		assert.Error(t, err, "%q", doc)
	}
	p, err := decodeEmbedded([]byte(`{"format":"eduplan.plan/v1","colour":"red"}`))
	assert.Nil(t, p)
	assert.Error(t, err, "the fallback, plan.Parse, reports the document's problems")
}

// BenchmarkEmbeddedPlan compares reading the embedded plan with readSeed
// and with plan.Parse's strict reading and validation. Run it under
// WebAssembly too (GOOS=js GOARCH=wasm, with $(go env GOROOT)/lib/wasm on
// PATH): there the difference is the page's start-up.
func BenchmarkEmbeddedPlan(b *testing.B) {
	b.Run("readSeed", func(b *testing.B) {
		for b.Loop() {
			if _, err := readSeed(zhenjiang2017); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := plan.Parse(zhenjiang2017); err != nil {
				b.Fatal(err)
			}
		}
	})
}
