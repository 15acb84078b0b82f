package rule

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeps(t *testing.T) {
	tests := []struct {
		src  string
		want []Dep
	}{
		{"在园幼儿数 / 适龄人口", []Dep{{ID: "enrolled"}, {ID: "population"}}},
		{"b + a + b", []Dep{{ID: "a"}, {ID: "b"}}},
		{"spread(rate) <= 10个百分点", []Dep{{ID: "rate", Children: true}}},
		// One name read on the unit and on its children is listed both ways,
		// the unit's own read first.
		{"rate - mean(rate) + max(a / b) + min(a)", []Dep{
			{ID: "a", Children: true}, {ID: "b", Children: true},
			{ID: "rate"}, {ID: "rate", Children: true}}},
		{"share(x >= 95%) >= 80%", []Dep{{ID: "x", Children: true}}},
		{"1 + 2", []Dep{}},
	}
	for _, tt := range tests {
		p, err := CompileFormula(tt.src, testNames, DefaultLimits)
		require.NoError(t, err, tt.src)
		assert.Equal(t, tt.want, p.Deps(), tt.src)
	}
}
