//go:build !js

package sqltest

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/seeds"
)

// Sample is the seed plan's catalogue and the sample year.
func Sample(t testing.TB) (*indicators.Catalog, *dataset.Dataset) {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	return cat, d
}
