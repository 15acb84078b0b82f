package seeds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/plan"
)

// readSeed reads per-unit targets as encoding/json does, should a seed
// ever carry them.
func TestReadSeedUnitTargets(t *testing.T) {
	doc := `{"format":"eduplan.plan/v1","id":"p","year":2017,"indicators":[{"id":"i","target":"达90分",` +
		`"unit_targets":[{"units":["d-a","县B"],"target":"达95分","wording":"县A、县B 达95分"},{"units":[],"target":"x"}]}]}`
	var want plan.Plan
	require.NoError(t, json.Unmarshal([]byte(doc), &want))
	got, err := readSeed([]byte(doc))
	require.NoError(t, err)
	assert.Equal(t, &want, got)
	_, err = readSeed([]byte(`{"indicators":[{"unit_targets":[{"unit":["x"]}]}]}`))
	assert.Error(t, err, "an unknown key of a unit target is refused")
}
