package webapi

import (
	"encoding/json"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/stretchr/testify/require"
)

func scopeOf(t *testing.T, b []byte) indicators.Scope {
	var sc indicators.Scope
	require.NoError(t, json.Unmarshal(b, &sc))
	return sc
}

func levelOf(s string) dataset.Level { return dataset.Level(s) }
func kindOf(s string) dataset.Kind   { return dataset.Kind(s) }
