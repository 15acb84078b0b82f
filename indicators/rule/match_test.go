package rule

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The regular expressions the hand matchers of match.go stand for.
var (
	namePhraseRE = regexp.MustCompile(`(到|至|在)?[0-9]{4}年(底|末)?(前)?|([0-9]+-)?[0-9]+岁`)
	restatedRE   = regexp.MustCompile(`^(以上|以下)\(含([0-9]+(?:\.[0-9]+)?)([^()0-9]{0,4})\)$`)
)

func maskNamesRE(s string) string {
	return namePhraseRE.ReplaceAllStringFunc(s, func(m string) string {
		return strings.Repeat(" ", len([]rune(m)))
	})
}

// randomText draws n runes from the characters the patterns care about.
func randomText(r *rand.Rand, alphabet []rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(rs)
}

func TestMaskNamesMatchesRegexp(t *testing.T) {
	for _, s := range []string{"", "到2020年底", "至2024年末前", "在2020年前后", "2024年", "12345年", "到202年", "6岁儿童", "0-6岁",
		"3-岁", "-6岁", "1-2-3岁", "到到2020年", "2020年底末前", "学前三年毛入学率", "10岁12岁", "20201年底"} {
		assert.Equal(t, maskNamesRE(s), string(maskNames([]rune(s))), "%q", s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("到至在0123456789年底末前-岁a ")
	for range 100000 {
		s := randomText(r, alphabet, r.IntN(14))
		if got, want := string(maskNames([]rune(s))), maskNamesRE(s); got != want {
			t.Fatalf("maskNames(%q) = %q, the regular expression gives %q", s, got, want)
		}
	}
}

func TestMatchRestatedMatchesRegexp(t *testing.T) {
	check := func(s string) {
		t.Helper()
		word, number, unit, ok := matchRestated(s)
		m := restatedRE.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (word != m[1] || number != m[2] || unit != m[3]) {
			t.Fatalf("matchRestated(%q) = %q %q %q %v, the regular expression gives %q", s, word, number, unit, ok, m)
		}
	}
	for _, s := range []string{"", "以上(含80分)", "以下(含45人)", "以上(含80)", "以上(含80.5%)", "以上(含80.分)", "以上(含.5)",
		"以上(含80分分分分)", "以上(含80分分分分分)", "以上(含80分)x", "以内(含80)", "以上(含80(分))", "以上(含8a0)", "以上(含80.5.5)"} {
		check(s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("以上下()含0123456789.%分a")
	for range 100000 {
		check(randomText(r, alphabet, r.IntN(12)))
		check("以上(含" + randomText(r, alphabet, r.IntN(9)))
	}
}
