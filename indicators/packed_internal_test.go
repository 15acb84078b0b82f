package indicators

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
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
