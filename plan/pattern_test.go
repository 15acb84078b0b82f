package plan

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deadlineAlphabet is every character the deadline table mentions, and a few
// it does not, for strings that come close to each form.
var deadlineAlphabet = []rune("0123456789./-年月日号底末前内上下半中第季度一二三四五长期坚持续常态化x 〇")

// samePattern checks that the pattern and regexp agree on s, submatches
// included.
func samePattern(t *testing.T, p *pattern, re *regexp.Regexp, s string) {
	t.Helper()
	want := re.FindStringSubmatch(s)
	got := p.FindStringSubmatch(s)
	if want == nil {
		assert.Nil(t, got, "%s on %q", p.src, s)
		return
	}
	assert.Equal(t, want, got, "%s on %q", p.src, s)
}

// TestDeadlinePatternsAgreeWithRegexp runs every form of the deadline table
// through both matchers: the forms' examples, every other form's example,
// and random strings over the characters the forms use.
func TestDeadlinePatternsAgreeWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var inputs []string
	for _, f := range deadlineForms {
		inputs = append(inputs, normaliseDeadline(f.example))
	}
	for range 20000 {
		n := rng.IntN(12)
		var b strings.Builder
		// Most real deadlines start with a year: start half of them so.
		if rng.IntN(2) == 0 {
			b.WriteString("2017")
		}
		for range n {
			b.WriteRune(deadlineAlphabet[rng.IntN(len(deadlineAlphabet))])
		}
		inputs = append(inputs, b.String())
	}
	inputs = append(inputs, "", "\xff", "2017\xff", "2017年\xe5", "201７")
	matched := 0
	for _, f := range deadlineForms {
		re := regexp.MustCompile(f.re.src)
		for _, s := range inputs {
			samePattern(t, f.re, re, s)
			if re.MatchString(s) {
				matched++
			}
		}
	}
	assert.Greater(t, matched, 500, "the random strings reach the forms, not only their misses")
}

func TestPatternSyntax(t *testing.T) {
	p := mustPattern(`^(\d{4})年?第?([一二三四1-4])季度[底末]?前?$`)
	assert.Equal(t, []string{"2017年第三季度末", "2017", "三"}, p.FindStringSubmatch("2017年第三季度末"))
	assert.Equal(t, []string{"20173季度", "2017", "3"}, p.FindStringSubmatch("20173季度"))
	assert.Nil(t, p.FindStringSubmatch("2017年第五季度"))
	assert.Nil(t, p.FindStringSubmatch("2017年第三季度末 "), "anchored at the end")

	d := mustPattern(`^(\d{4})[./-](\d{1,2})$`)
	assert.Equal(t, []string{"2017-6", "2017", "6"}, d.FindStringSubmatch("2017-6"))
	assert.Equal(t, []string{"2017/12", "2017", "12"}, d.FindStringSubmatch("2017/12"))
	assert.Nil(t, d.FindStringSubmatch("2017-123"))
	assert.Nil(t, d.FindStringSubmatch("2017_12"))

	for _, bad := range []string{`2017$`, `^2017`, `^a*$`, `^(ab)$`, `^\d{2$`, `^\d{3,1}$`, `^\w$`, `^a|b$`, `^[]$`} {
		_, err := compilePattern(bad)
		require.Error(t, err, bad)
	}
	assert.Panics(t, func() { mustPattern(`^a+$`) })
}

func FuzzDeadlinePatterns(f *testing.F) {
	for _, form := range deadlineForms {
		f.Add(normaliseDeadline(form.example))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, form := range deadlineForms {
			samePattern(t, form.re, regexp.MustCompile(form.re.src), s)
		}
	})
}
