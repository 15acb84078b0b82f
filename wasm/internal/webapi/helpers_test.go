package webapi

import (
	"encoding/json"
	"testing"

	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/require"
)

func scopeOf(t *testing.T, b []byte) plan.Scope {
	var sc plan.Scope
	require.NoError(t, json.Unmarshal(b, &sc))
	return sc
}

func levelOf(s string) org.Level { return org.Level(s) }
func kindOf(s string) org.Kind   { return org.Kind(s) }
