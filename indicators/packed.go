package indicators

import (
	"math"
	"math/bits"

	"github.com/eduplan/eduplan/indicators/rule"
)

// entry is one unit's place in an evaluation's column: a value and its
// state, where it came from, and (for an indicator) its status.
type entry struct {
	v float64
	s rule.State
	o Origin
	c code
}

// packed is a column of an evaluation as it is kept for the reports: only
// the units whose entry differs from the column's usual one (a figure that
// does not concern the unit, an indicator that does not apply to it) are
// stored, found by a bitmap and a count of the entries stored before each
// of its words. A school concerns about 10 of the seed's 77 metrics and a
// few of its 55 indicators: dense columns, a value, state, origin and
// status for every unit, were two thirds of a national evaluation's live
// memory (about 650 MB of 970 at 500,000 schools).
type packed struct {
	n    int
	bits []uint64
	rank []uint32 // entries stored before each word of bits
	v    []float64
	s    []rule.State
	o    []Origin
	c    []code // nil in a metric's column
	def  entry
}

// metricDefault and indicatorDefault are the entries a column leaves out.
var (
	metricDefault    = entry{s: rule.Skip, o: Irrelevant}
	indicatorDefault = entry{s: rule.Skip, o: Computed, c: cNotApplicable}
)

// pack keeps the entries of v, o and c (nil for a metric) that differ from
// def, bit for bit, so that reading the column back gives what was packed.
func pack(v rule.Vector, o []Origin, c []code, def entry) packed {
	n := len(v.S)
	p := packed{n: n, bits: make([]uint64, (n+63)/64), rank: make([]uint32, (n+63)/64), def: def}
	// The bitmap first, and the count it gives sizes the entries.
	dv := math.Float64bits(def.v)
	count := 0
	for i := 0; i < n; i++ {
		if v.S[i] != def.s || o[i] != def.o || math.Float64bits(v.V[i]) != dv || (c != nil && c[i] != def.c) {
			p.bits[i>>6] |= 1 << (uint(i) & 63)
			count++
		}
	}
	p.v, p.s, p.o = make([]float64, count), make([]rule.State, count), make([]Origin, count)
	if c != nil {
		p.c = make([]code, count)
	}
	k := 0
	for w, word := range p.bits {
		p.rank[w] = uint32(k)
		for ; word != 0; word &= word - 1 {
			i := w<<6 + bits.TrailingZeros64(word)
			p.v[k], p.s[k], p.o[k] = v.V[i], v.S[i], o[i]
			if c != nil {
				p.c[k] = c[i]
			}
			k++
		}
	}
	return p
}

// at is the unit's position among the stored entries, or -1.
func (p *packed) at(i int) int {
	w := p.bits[uint(i)>>6]
	m := uint64(1) << (uint(i) & 63)
	if w&m == 0 {
		return -1
	}
	return int(p.rank[uint(i)>>6]) + bits.OnesCount64(w&(m-1))
}

// get is the unit's entry.
func (p *packed) get(i int) entry {
	k := p.at(i)
	if k < 0 {
		return p.def
	}
	e := entry{v: p.v[k], s: p.s[k], o: p.o[k], c: p.def.c}
	if p.c != nil {
		e.c = p.c[k]
	}
	return e
}

// state is the state of the unit's value.
func (p *packed) state(i int) rule.State {
	if k := p.at(i); k >= 0 {
		return p.s[k]
	}
	return p.def.s
}

// status is the unit's status in an indicator's column.
func (p *packed) status(i int) code {
	if k := p.at(i); k >= 0 {
		return p.c[k]
	}
	return p.def.c
}

// origin is where the unit's value came from.
func (p *packed) origin(i int) Origin {
	if k := p.at(i); k >= 0 {
		return p.o[k]
	}
	return p.def.o
}

// expand writes every unit's value and state into dst, n long: the dense
// column an evaluation's formulas run on, made when one is needed and
// dropped after.
func (p *packed) expand(dst rule.Vector) {
	for i := range dst.S {
		dst.V[i], dst.S[i] = p.def.v, p.def.s
	}
	k := 0
	for w, word := range p.bits {
		for word != 0 {
			i := w<<6 + bits.TrailingZeros64(word)
			dst.V[i], dst.S[i] = p.v[k], p.s[k]
			k++
			word &= word - 1
		}
	}
}

// vectors lends the dense columns an evaluation's formulas run on, each
// given back as soon as the formula has run or the column is packed: a
// new one each time was most of what an evaluation allocated. A nil
// *vectors makes new ones and keeps none.
type vectors struct {
	free []rule.Vector
}

// get gives a vector of n values, all 0 and OK, as rule.NewVector.
func (p *vectors) get(n int) rule.Vector {
	// One evaluation's columns are all n long.
	if p != nil && len(p.free) > 0 {
		v := p.free[len(p.free)-1]
		p.free = p.free[:len(p.free)-1]
		clear(v.V)
		clear(v.S) // rule.OK is the zero State
		return v
	}
	return rule.NewVector(n)
}

// put takes back vectors no one reads any more.
func (p *vectors) put(vs ...rule.Vector) {
	if p != nil {
		p.free = append(p.free, vs...)
	}
}
