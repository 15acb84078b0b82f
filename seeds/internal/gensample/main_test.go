package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The committed sample and its previous year are exactly what the
// generator writes: regenerate them with `go generate ./seeds` after
// changing the tables or the plan.
func TestCommittedSampleIsUpToDate(t *testing.T) {
	for _, tc := range []struct {
		file string
		run  func(plan, out string) error
	}{{"sample2017.json", run}, {"sample2016.json", runPrevious}} {
		out := filepath.Join(t.TempDir(), "sample.json")
		require.NoError(t, tc.run("../../zhenjiang2017.json", out))
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		want, err := os.ReadFile("../../" + tc.file)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), "seeds/%s is stale: run go generate ./seeds", tc.file)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := build()
	require.NoError(t, err)
	b, err := build()
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestBadTablesAreErrors(t *testing.T) {
	saved := districts
	t.Cleanup(func() { districts = saved })
	districts = append([]district(nil), saved...)
	districts[0].counts = districts[0].counts[:3]
	districts[1].choice = nil
	districts[2].fitPass = districts[2].fitPass[:1]
	_, err := build()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "京口区: 3 project counts")
	assert.Contains(t, err.Error(), "润州区: fewer school-choice shares")
	assert.Contains(t, err.Error(), "丹徒区: fewer pass rates")
}

func TestRunReportsAMissingPlan(t *testing.T) {
	err := run(filepath.Join(t.TempDir(), "none.json"), filepath.Join(t.TempDir(), "out.json"))
	require.Error(t, err)
}
