package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/plan"
)

func TestCatalogCarriesPlaces(t *testing.T) {
	p, err := plan.LoadFile("../plan/testdata/plan.json")
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	require.NotEmpty(t, p.Indicators)
	for _, ind := range p.Indicators {
		assert.Equal(t, p.Places()[ind.ID], cat.Places(ind.ID), ind.ID)
		assert.NotEmpty(t, cat.Places(ind.ID), "every indicator is stated somewhere: %s", ind.ID)
	}
}
