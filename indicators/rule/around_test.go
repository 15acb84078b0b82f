package rule

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// X左右 reads three ways when nothing says which way is better; a plan's
// target is refused with the words to write, and a percent near 100% is
// judged by the number written, not by the top of its band.
func TestAboutNeedsADirection(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ctx    TargetContext
		refuse []string // fragments of the error, both languages; nil: read
		lo, hi float64  // the band read
		meets  float64  // a value that meets it
	}{
		{"percent near 100 with no direction", "99%左右", unknownPercent,
			[]string{"只说了“左右”", "达到99%左右", "控制在99%左右", "says only about (左右)", "declare the indicator's direction"}, 0, 0, 0},
		{"bare number on a percent", "99左右", unknownPercent, []string{"达到99左右", "write 达到99左右 / 控制在99左右"}, 0, 0, 0},
		{"count with no direction", "40人左右", TargetContext{Unit: UnitCount}, []string{"控制在40左右"}, 0, 0, 0},
		{"unknown unit, no direction", "50%左右", TargetContext{}, []string{"只说了“左右”"}, 0, 0, 0},
		{"higher: 99% is no target above 100%", "99%左右", higherPercent, nil, 0.9405, 1.0395, 1},
		{"lower near 100%", "99%左右", lowerPercent, nil, 0.9405, 1.0395, 0.5},
		{"words say higher", "达到99%左右", unknownPercent, nil, 0.9405, 1.0395, 1},
		{"words say lower", "控制在3%左右", unknownPercent, nil, 0.0285, 0.0315, 0.01},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.refuse != nil {
				e := refuseFor(t, tc.text, tc.ctx, tc.refuse[0])
				for _, f := range tc.refuse[1:] {
					assert.Contains(t, e.Message.Both(), f)
				}
				assert.NotContains(t, e.Message.Both(), "100%", "the message is about the direction, not about 100%")
				assert.Equal(t, 1, e.Column)
				return
			}
			tg, _ := parseFor(t, tc.text, tc.ctx)
			require.True(t, tg.Around)
			assert.InDelta(t, tc.lo, tg.Value, 1e-12)
			assert.InDelta(t, tc.hi, tg.Max, 1e-12)
			assert.True(t, tg.Met(tc.meets))
		})
	}
	// Without an indicator the band stays, as ParseTarget documents.
	tg, err := ParseTarget("99%左右")
	require.NoError(t, err)
	assert.InDelta(t, 1.0395, tg.Max, 1e-12)
}

// Subtracts tells a gap (what 个百分点 measures) from a rate.
func TestProgramSubtracts(t *testing.T) {
	for src, want := range map[string]bool{
		"a / b":                  false,
		"a":                      false,
		"-a":                     false,
		"max(a / b)":             false,
		"cv(a, b)":               false,
		"a / b * 100%":           false,
		"a - b":                  true,
		"abs(a / b - c / d)":     true,
		"spread(a / b)":          true,
		"极差(a)":                  true,
		"max(a) - min(a)":        true,
		"max(a - b)":             true,
		"(a - b) / c":            true,
		"a / b >= 0.05 ? 1 : 0":  false,
		"r - min(r) + max(a)":    true,
		"share(a / b >= 90%)":    false,
		"count(a >= 1, b >= 1)":  false,
		"min(a / 4.2, b / 1, c)": false,
	} {
		p, err := CompileFormula(src, nil, DefaultLimits)
		require.NoError(t, err, src)
		assert.Equal(t, want, p.Subtracts(), src)
	}
}
