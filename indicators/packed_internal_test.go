package indicators

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// A packed column reads back, unit by unit and expanded whole, exactly what
// was packed: the entries left out are the default ones, bit for bit (a
// -0 or a NaN is kept), at word edges and in columns of every length.
func TestPackedReadsBackWhatWasPacked(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		set  map[int]entry // the entries that are not the default
		def  entry
	}{
		{"empty", 0, nil, indicatorDefault},
		{"all default", 130, nil, metricDefault},
		{"word edges", 193, map[int]entry{0: {v: 1, s: rule.OK, o: Reported}, 63: {v: 2, s: rule.OK, o: Summed}, 64: {s: rule.Missing, o: Absent},
			127: {v: 3, s: rule.OK, o: Reported}, 128: {v: 4, s: rule.OK, o: Reported}, 192: {v: 5, s: rule.OK, o: Summed}}, metricDefault},
		{"values that look default", 70, map[int]entry{1: {v: math.Copysign(0, -1), s: rule.Skip, o: Irrelevant},
			2: {v: math.NaN(), s: rule.Skip, o: Irrelevant}, 3: {v: 7, s: rule.Skip, o: Irrelevant}}, metricDefault},
		{"statuses", 100, map[int]entry{5: {v: 0.9, s: rule.OK, o: Computed, c: cMet}, 6: {v: 0, s: rule.Skip, o: Reported, c: cNotApplicable},
			99: {v: 1.2, s: rule.Undefined, o: Computed, c: cNotComputable}}, indicatorDefault},
		{"dense", 65, func() map[int]entry {
			m := map[int]entry{}
			for i := range 65 {
				m[i] = entry{v: float64(i), s: rule.OK, o: Reported, c: cNotMet}
			}
			return m
		}(), indicatorDefault},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, o, st := rule.NewVector(c.n), make([]Origin, c.n), make([]code, c.n)
			want := make([]entry, c.n)
			for i := range c.n {
				want[i] = c.def
				if e, ok := c.set[i]; ok {
					want[i] = e
				}
				v.V[i], v.S[i], o[i], st[i] = want[i].v, want[i].s, want[i].o, want[i].c
			}
			codes := st
			if c.def == metricDefault {
				codes = nil
				for i := range want {
					want[i].c = c.def.c
				}
			}
			p := pack(v, o, codes, c.def)
			assert.Len(t, p.v, len(c.set), "only the entries that differ are stored")
			back := rule.NewVector(c.n)
			p.expand(back)
			for i := range c.n {
				got := p.get(i)
				require.Equal(t, math.Float64bits(want[i].v), math.Float64bits(got.v), "value at %d", i)
				require.Equal(t, want[i].s, got.s, "state at %d", i)
				require.Equal(t, want[i].o, got.o, "origin at %d", i)
				require.Equal(t, want[i].c, got.c, "status at %d", i)
				require.Equal(t, want[i].s, p.state(i))
				require.Equal(t, want[i].o, p.origin(i))
				if codes != nil {
					require.Equal(t, want[i].c, p.status(i))
				}
				require.Equal(t, math.Float64bits(want[i].v), math.Float64bits(back.V[i]), "expanded value at %d", i)
				require.Equal(t, want[i].s, back.S[i], "expanded state at %d", i)
			}
		})
	}
}

// An evaluation keeps, for each metric and indicator, only the units it
// concerns: a kindergarten indicator holds the kindergartens and the units
// above them, not the primary schools, and a primary school's metric the
// primary schools and the units above.
func TestEvaluationKeepsOnlyTheUnitsAColumnConcerns(t *testing.T) {
	count := func(id, zh string, k org.Kind) plan.Metric {
		return plan.Metric{ID: id, Name: msg.T(zh, id), Unit: plan.Count, Integral: true, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Kinds: []org.Kind{k}}}
	}
	cat, err := NewCatalog([]plan.Metric{
		count("enrolled", "在园幼儿数", org.Kindergarten), count("places", "学位数", org.Kindergarten),
		count("pupils", "在校生数", org.Primary),
	}, []plan.Indicator{{ID: "fill", Name: msg.T("学位使用率", "fill"), Formula: "enrolled / places",
		Unit: plan.Percent, Target: "达90%以上", Wording: "90%以上",
		AppliesTo: plan.Scope{Levels: []org.Level{org.City, org.District, org.School}, Kinds: []org.Kind{org.Kindergarten}}}}, nil)
	require.NoError(t, err)
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "c", Name: "市", Level: org.City}))
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "a", Name: "区", Level: org.District, Parent: "c"}))
	for i := range 300 {
		k, id := org.Primary, fmt.Sprintf("p%d", i)
		if i%3 == 0 {
			k, id = org.Kindergarten, fmt.Sprintf("k%d", i)
		}
		require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Name: id, Level: org.School, Kind: k, Parent: "a"}))
		if k == org.Kindergarten {
			require.NoError(t, d.Set(id, "enrolled", 90))
			require.NoError(t, d.Set(id, "places", 100))
		} else {
			require.NoError(t, d.Set(id, "pupils", 500))
		}
	}
	e := cat.Evaluate(d)
	assert.Len(t, e.inds[cat.indIndex["fill"]].v, 2+100, "the city, the district and the kindergartens")
	assert.Len(t, e.metricCol(cat.metricIndex["enrolled"]).v, 2+100)
	assert.Len(t, e.metricCol(cat.metricIndex["pupils"]).v, 2+200)
	st, ok := e.Status("fill", 2)
	require.True(t, ok)
	assert.Equal(t, Met, st)
	st, _ = e.Status("fill", 3)
	assert.Equal(t, NotApplicable, st)
	v, o, _ := e.Figure("pupils", 1)
	assert.Equal(t, 200*500.0, v)
	assert.Equal(t, Summed, o)
}
