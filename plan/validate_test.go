package plan

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormulaCycles(t *testing.T) {
	order := []string{"a", "b", "c", "d", "e", "f"}
	deps := map[string][]string{
		"a": {"b"},      // a → b → c → a
		"b": {"c", "d"}, // d only leads out of the cycle
		"c": {"a", "b"}, // and b → c → b is shorter for b and c
		"d": {"e"},
		"e": nil,
		"f": {"f"}, // f uses itself
	}
	assert.Equal(t, map[string][]string{
		"a": {"a", "b", "c", "a"},
		"b": {"b", "c", "b"},
		"c": {"c", "b", "c"},
		"f": {"f", "f"},
	}, formulaCycles(order, deps))
	assert.Empty(t, formulaCycles(order, map[string][]string{"a": {"b"}, "b": {"c"}}))
}

// BenchmarkFormulaCycles measures one big cycle of formulas: the work must
// grow linearly with the number of indicators, not quadratically.
func BenchmarkFormulaCycles(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		order := make([]string, n)
		deps := map[string][]string{}
		for i := range n {
			order[i] = fmt.Sprintf("i%d", i)
		}
		for i := range n {
			deps[order[i]] = []string{order[(i+1)%n]}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if got := formulaCycles(order, deps); len(got) != n {
					b.Fatal(len(got))
				}
			}
		})
	}
}

// A kind in applies_to that no metric is reported by and eduplan does not
// know is a typo: the indicator would apply to no unit, silently.
func TestUnknownKindInScopeIsRefused(t *testing.T) {
	doc := readFixture(t)
	typo := edit(t, doc, `"levels": [
          "city"
        ]
      },
      "wording": "力争在园幼儿达12000人"`, `"levels": [
          "city"
        ],
        "kinds": ["kindergarden"]
      },
      "wording": "力争在园幼儿达12000人"`)
	_, err := Parse([]byte(typo))
	ps := problems(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "indicators[1].applies_to.kinds[0]", ps[0].Path)
	assert.Contains(t, ps[0].Message.EN, `unknown kind "kindergarden" (did you mean "kindergarten"?)`)
	assert.NotContains(t, ps[0].Message.ZH, "unknown")

	// A kind of the plan's own is fine once a metric is reported by it.
	own := edit(t, typo, `"kinds": [
          "kindergarten"
        ]`, `"kinds": [
          "kindergarten", "kindergarden"
        ]`)
	_, err = Parse([]byte(own))
	require.NoError(t, err)
}
