package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators/rule"
)

// A rule's sides are kept only where its status shows them: passed,
// violated or not computable; not where it was skipped or does not
// concern the unit.
func TestKeepSidesOnlyWhereShown(t *testing.T) {
	st := []uint8{0, codePassed, codeSkipped, codeViolated, codeNotComputable, 0}
	left, right := rule.NewVector(6), rule.NewVector(6)
	for i := range 6 {
		left.V[i], left.S[i] = float64(i), rule.OK
		right.V[i], right.S[i] = float64(10*i), rule.OK
	}
	right.S[4] = rule.Missing
	s := keepSides(st, left, right)
	assert.Equal(t, []int32{1, 3, 4}, s.units)
	assert.Len(t, s.left.V, 3)
	for _, tc := range []struct {
		i        int
		l, r     float64
		lok, rok bool
	}{
		{0, 0, 0, false, false},
		{1, 1, 10, true, true},
		{2, 0, 0, false, false},
		{3, 3, 30, true, true},
		{4, 4, 40, true, false},
		{5, 0, 0, false, false},
	} {
		l, r, lok, rok := s.at(tc.i)
		assert.Equal(t, tc.lok, lok, "unit %d", tc.i)
		assert.Equal(t, tc.rok, rok, "unit %d", tc.i)
		if lok {
			assert.Equal(t, tc.l, l, "unit %d", tc.i)
		}
		if rok {
			assert.Equal(t, tc.r, r, "unit %d", tc.i)
		}
	}
}
