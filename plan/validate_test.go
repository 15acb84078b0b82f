package plan

import (
	"fmt"
	"slices"
	"testing"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/org"
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

// What reads but is probably not meant is a warning, not a refusal.
func TestWarnings(t *testing.T) {
	p := loadFixture(t)
	require.Empty(t, p.Warnings(), "the fixture has nothing to warn of")

	i := slices.IndexFunc(p.Indicators, func(ind Indicator) bool { return ind.Unit == Percent })
	require.GreaterOrEqual(t, i, 0)
	p.Indicators[i].Direction = rule.LowerIsBetter // its target says 达…以上: at least
	m := slices.IndexFunc(p.Metrics, func(m Metric) bool { return m.Unit == Count })
	require.GreaterOrEqual(t, m, 0)
	p.Metrics[m].Counter = ""
	require.NoError(t, p.Validate(), "warnings never stop a plan")
	ws := p.Warnings()
	require.Len(t, ws, 2, ws.In("en"))
	assert.Equal(t, fmt.Sprintf("metrics[%d].counter", m), ws[0].Path)
	assert.Equal(t, fmt.Sprintf("indicators[%d].target", i), ws[1].Path)
	assert.Contains(t, ws[1].Message.EN, "lower")
}

// A target whose number is unlikely for its unit is a warning.
func TestImplausibleTargetsWarn(t *testing.T) {
	for _, tc := range []struct {
		unit   Unit
		target string
		dir    rule.Direction
		warn   string
	}{
		{Count, "3.5所", rule.HigherIsBetter, "not a whole number"},
		{Ratio, "1700", rule.LowerIsBetter, "implausibly large"},
		{Years, "120年", rule.HigherIsBetter, "over a century"},
		{Count, "3-4个", rule.HigherIsBetter, ""},
		{Ratio, "17:1", rule.LowerIsBetter, ""},
		{Years, "12年", rule.HigherIsBetter, ""},
	} {
		p := loadFixture(t)
		ind := &p.Indicators[0]
		ind.Unit, ind.Target, ind.Direction, ind.MayExceed100 = tc.unit, tc.target, tc.dir, false
		ws := p.Warnings()
		if tc.warn == "" {
			assert.Empty(t, ws, tc.target)
			continue
		}
		require.Len(t, ws, 1, tc.target)
		assert.Equal(t, "indicators[0].target", ws[0].Path)
		assert.Contains(t, ws[0].Message.EN, tc.warn)
	}
}

// An indicator that no unit it applies to can have the figures of is a
// warning naming the figures: it would read "no data" everywhere without a
// word of why.
func TestUnreachableIndicatorsWarn(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(p *Plan)
		warn    string // "" when the plan is fine
		missing string // a name the warning must give
	}{
		{"the fixture: schools report, districts sum", func(p *Plan) {}, "", ""},
		{"a rate for schools whose population only districts report",
			func(p *Plan) {
				p.Indicators[0].AppliesTo = Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
			},
			"always lack data", "适龄人口(population)"},
		{"a count for primary schools that only kindergartens report",
			func(p *Plan) {
				p.Indicators[1].AppliesTo = Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}}
			},
			"always lack data", "在园幼儿数(enrolled)"},
		{"a figure that does not sum reaches no parent",
			func(p *Plan) {
				p.Metrics[0].Aggregate = None
				p.Indicators[1].AppliesTo = Scope{Levels: []org.Level{org.City, org.District}}
			},
			"sums up from none below", "在园幼儿数(enrolled)"},
		{"one class that can compute it is enough",
			func(p *Plan) {
				p.Indicators[1].AppliesTo = Scope{Levels: []org.Level{org.City, org.School}, Kinds: []org.Kind{org.Primary}}
			}, "", ""},
		{"a spread over the units below",
			func(p *Plan) {
				p.Indicators[1].Formula = "spread(preschool_ger)"
				p.Indicators[1].Unit = Percent
				p.Indicators[1].Target = "不超过10个百分点"
			}, "", ""},
		{"a spread on schools, which have no units below",
			func(p *Plan) {
				p.Indicators[1].Formula = "spread(preschool_ger)"
				p.Indicators[1].Unit = Percent
				p.Indicators[1].Target = "不超过10个百分点"
				p.Indicators[1].AppliesTo = Scope{Levels: []org.Level{org.School}}
			}, "always lack data", "preschool_ger"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			tc.edit(p)
			require.NoError(t, p.Validate())
			ws := p.Warnings()
			if tc.warn == "" {
				assert.Empty(t, ws, ws.In("en"))
				return
			}
			// A figure that reaches no parent starves every indicator
			// that reads it there, so each is named.
			require.NotEmpty(t, ws)
			for _, w := range ws {
				assert.Contains(t, w.Path, ".applies_to")
				assert.Contains(t, w.Message.EN, tc.warn)
				assert.Contains(t, w.Message.ZH, tc.missing)
				assert.Contains(t, w.Message.ZH, "始终缺数据")
			}
		})
	}
}
