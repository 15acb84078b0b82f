package reportfmt

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/plan"
)

// A figure below a target the plan sets for other units fails under no
// policy, binding or aspirational.
func TestReferenceNeverFails(t *testing.T) {
	for _, tc := range []struct {
		status    indicators.Status
		nature    plan.Nature
		reference bool
		fails     map[Policy]bool
	}{
		{indicators.NotMet, plan.Binding, false, map[Policy]bool{FailBinding: true, FailAny: true, FailNone: false}},
		{indicators.NotMet, plan.Aspirational, false, map[Policy]bool{FailBinding: false, FailAny: true, FailNone: false}},
		{indicators.NotMet, plan.Binding, true, map[Policy]bool{FailBinding: false, FailAny: false, FailNone: false}},
		{indicators.NotMet, plan.Aspirational, true, map[Policy]bool{FailBinding: false, FailAny: false, FailNone: false}},
		{indicators.Met, plan.Binding, true, map[Policy]bool{FailBinding: false, FailAny: false, FailNone: false}},
	} {
		r := indicators.Result{Status: tc.status, Nature: tc.nature, Reference: tc.reference}
		for _, p := range Policies() {
			assert.Equal(t, tc.fails[p], p.Fails(r), "%s %s reference=%v under %s", tc.status, tc.nature, tc.reference, p)
		}
	}
	fails := Failures(fixture(), FailAny)
	for _, f := range fails {
		assert.False(t, f.Result.Reference, f.Result.Indicator)
	}
	assert.Len(t, fails, 3, "the fixture's reference result is not among them")
}
