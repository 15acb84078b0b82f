package indicators_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/seeds"
)

// ValidationListed keeps Validation's counts and order, lists only what
// its filter accepts, up to the limit, and counts all it accepts.
func TestValidationListed(t *testing.T) {
	_, cat := seedCatalog(t)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	ev := cat.Evaluate(d)
	all := ev.Validation()
	require.NotNil(t, all)
	notSkipped := func(st indicators.RuleStatus) bool {
		return st != indicators.RulePassed && st != indicators.RuleSkipped
	}
	var want []indicators.ValidationResult
	for _, r := range all.Results {
		if notSkipped(r.Status) {
			want = append(want, r)
		}
	}
	require.Greater(t, len(want), 2, "the sample year breaks some rules")
	require.Greater(t, all.Counts.Skipped, 0, "and skips some")
	for _, tc := range []struct {
		name  string
		list  func(indicators.RuleStatus) bool
		limit int
		want  []indicators.ValidationResult
	}{
		{"every one not passed is Validation", func(st indicators.RuleStatus) bool { return st != indicators.RulePassed }, -1, all.Results},
		{"not skipped, all", notSkipped, -1, want},
		{"not skipped, the first two", notSkipped, 2, want[:2]},
		{"none listed", notSkipped, 0, nil},
		{"a limit past the end", notSkipped, len(want) + 5, want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, n := ev.ValidationListed(tc.list, tc.limit)
			require.NotNil(t, v)
			assert.Equal(t, all.Counts, v.Counts)
			assert.Equal(t, all.Rules, v.Rules)
			assert.Equal(t, len(tc.want), len(v.Results))
			if len(tc.want) > 0 {
				assert.Equal(t, tc.want, v.Results)
			}
			if tc.list(indicators.RuleSkipped) {
				assert.Equal(t, len(all.Results), n)
			} else {
				assert.Equal(t, len(want), n)
			}
		})
	}
}
