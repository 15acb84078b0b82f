package national_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/bench/national"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// benchSizes are the countries benchmarked: EDUPLAN_NATIONAL_SIZES
// ("10000,100000,500000") or 10,000 schools.
func benchSizes(tb testing.TB) []int {
	s := os.Getenv("EDUPLAN_NATIONAL_SIZES")
	if s == "" {
		return []int{10000}
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		require.NoError(tb, err, "EDUPLAN_NATIONAL_SIZES")
		out = append(out, n)
	}
	return out
}

// country is one size's data, built once per process.
type country struct {
	d         *dataset.Dataset
	csv, json []byte
}

var (
	countryMu sync.Mutex
	countries = map[int]*country{}
)

func countryOf(tb testing.TB, eng *eduplan.Engine, n int) *country {
	countryMu.Lock()
	defer countryMu.Unlock()
	if c, ok := countries[n]; ok {
		return c
	}
	d, err := national.Generate(n, 1)
	require.NoError(tb, err)
	c := &country{d: d}
	var b bytes.Buffer
	require.NoError(tb, d.WriteCSV(&b, national.MetricFields(eng.Catalog()), dataset.UTF8))
	c.csv = bytes.Clone(b.Bytes())
	b.Reset()
	require.NoError(tb, d.WriteJSON(&b, national.MetricFields(eng.Catalog())))
	c.json = bytes.Clone(b.Bytes())
	countries[n] = c
	return c
}

func engine(tb testing.TB) *eduplan.Engine {
	p, err := national.Plan()
	require.NoError(tb, err)
	eng, err := eduplan.New(p)
	require.NoError(tb, err)
	return eng
}

// counter counts what a report writer writes.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkNational is the whole pipeline of `eduplan check` on a national
// file, in process: read the file (CSV or JSON), assess every unit against
// the 55 indicators of the five-level seed plan, write the report (JSON or
// CSV, as the input). It reports the report's size and the time per school.
func BenchmarkNational(b *testing.B) {
	eng := engine(b)
	for _, n := range benchSizes(b) {
		c := countryOf(b, eng, n)
		for _, f := range []struct {
			name   string
			data   []byte
			format eduplan.Format
		}{{"csv", c.csv, eduplan.CSV}, {"json", c.json, eduplan.JSON}} {
			b.Run(fmt.Sprintf("schools=%d/%s", n, f.name), func(b *testing.B) {
				b.SetBytes(int64(len(f.data)))
				var out counter
				cpu0 := cpuTime()
				for b.Loop() {
					d, err := eng.Read(bytes.NewReader(f.data), "national."+f.name)
					if err != nil {
						b.Fatal(err)
					}
					r, err := eng.Assess(d, eduplan.All())
					if err != nil {
						b.Fatal(err)
					}
					out = counter{}
					if err := eduplan.Write(&out, r, f.format, "zh"); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(out.n), "report-bytes")
				perItem(b, cpu0, n, "school")
			})
		}
	}
}

// tenPlan is the national plan cut down to the ten indicators.
func tenPlan(tb testing.TB) *plan.Plan {
	p, err := national.TenPlan()
	require.NoError(tb, err)
	return p
}

// BenchmarkNationalTen compares, on the same country in one run, the
// engine's column pass (Evaluate), its results (Assess) and the same ten
// statuses computed by a loop written by hand for them (hand).
func BenchmarkNationalTen(b *testing.B) {
	p := tenPlan(b)
	cat, err := indicators.Compile(p)
	require.NoError(b, err)
	eng := engine(b)
	for _, n := range benchSizes(b) {
		d := countryOf(b, eng, n).d
		h := newHand(b, p, d)
		perResult := func(b *testing.B, cpu0 time.Duration) { perItem(b, cpu0, len(d.Units)*len(national.Ten), "result") }
		b.Run(fmt.Sprintf("schools=%d/evaluate", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				cat.Evaluate(d)
			}
			perResult(b, cpu0)
		})
		b.Run(fmt.Sprintf("schools=%d/assess", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := cat.Assess(d, indicators.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			perResult(b, cpu0)
		})
		b.Run(fmt.Sprintf("schools=%d/hand", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				h.statuses()
			}
			perResult(b, cpu0)
		})
	}
}

// hand computes the ten indicators' statuses by hand: figures summed up
// the tree (a child that should report a figure and did not makes the sum
// missing; a child the figure does not concern is left out), a ratio per
// applicable unit, a zero denominator or a share above 100% not
// computable, and the bound compared.
type hand struct {
	d     *dataset.Dataset
	order []int
	inds  []handIndicator
	// reports[m][i]: unit i is one the metric's figure is asked of.
	metrics []string
	reports [][]bool
}

type handIndicator struct {
	num, den int // positions in metrics
	applies  []bool
	op       string
	bound    float64
}

func newHand(tb testing.TB, p *plan.Plan, d *dataset.Dataset) *hand {
	h := &hand{d: d}
	// Children first: a post-order walk from the roots.
	var visit func(i int)
	visit = func(i int) {
		for _, ch := range d.Children(i) {
			visit(ch)
		}
		h.order = append(h.order, i)
	}
	for _, r := range d.Roots() {
		visit(r)
	}
	metricAt := map[string]int{}
	for _, id := range national.Ten {
		ind, _ := p.Indicator(id)
		parts := strings.Split(ind.Formula, " / ")
		require.Len(tb, parts, 2, ind.Formula)
		hi := handIndicator{}
		for k, mid := range parts {
			at, ok := metricAt[mid]
			if !ok {
				m, found := p.Metric(mid)
				require.True(tb, found, mid)
				require.Equal(tb, plan.Sum, m.Aggregate, mid)
				at = len(h.metrics)
				metricAt[mid] = at
				h.metrics = append(h.metrics, mid)
				rep := make([]bool, len(d.Units))
				for i, u := range d.Units {
					rep[i] = m.ReportedBy.Applies(u.Level, u.Kind) && (u.Level == org.School || len(m.ReportedBy.Levels) > 0)
				}
				h.reports = append(h.reports, rep)
			}
			if k == 0 {
				hi.num = at
			} else {
				hi.den = at
			}
		}
		t, _, err := ind.ParseTarget()
		require.NoError(tb, err)
		hi.op, hi.bound = string(t.Op), t.Value
		hi.applies = make([]bool, len(d.Units))
		for i, u := range d.Units {
			hi.applies[i] = ind.AppliesTo.Applies(u.Level, u.Kind)
		}
		h.inds = append(h.inds, hi)
	}
	return h
}

const (
	skip = iota
	ok
	missing
)

// statuses returns each indicator's status per unit.
func (h *hand) statuses() [][]indicators.Status {
	d := h.d
	n := len(d.Units)
	vals := make([][]float64, len(h.metrics))
	states := make([][]uint8, len(h.metrics))
	for k, mid := range h.metrics {
		col := d.Column(mid)
		v, s := make([]float64, n), make([]uint8, n)
		rep := h.reports[k]
		units, values := col.Figures()
		for j, i := range units {
			v[i], s[i] = values[j], ok
		}
		for _, i := range h.order {
			if s[i] == ok {
				continue
			}
			chs := d.Children(i)
			sum, any, miss := 0.0, false, false
			for _, ch := range chs {
				switch s[ch] {
				case ok:
					sum += v[ch]
					any = true
				case missing:
					miss = true
				}
			}
			switch {
			case miss:
				s[i] = missing
			case any:
				v[i], s[i] = sum, ok
			case rep[i] || len(chs) == 0 && d.Units[i].Level != org.School:
				s[i] = missing
			}
		}
		vals[k], states[k] = v, s
	}
	out := make([][]indicators.Status, len(h.inds))
	for k, ind := range h.inds {
		st := make([]indicators.Status, n)
		num, den := vals[ind.num], vals[ind.den]
		ns, ds := states[ind.num], states[ind.den]
		for i := 0; i < n; i++ {
			switch {
			case !ind.applies[i]:
				st[i] = indicators.NotApplicable
			case ns[i] != ok || ds[i] != ok:
				st[i] = indicators.NoData
			case den[i] == 0:
				st[i] = indicators.NotComputable
			default:
				r := num[i] / den[i]
				tol := 1e-9 * math.Max(1, math.Max(math.Abs(r), math.Abs(ind.bound)))
				met := false
				switch ind.op {
				case ">=":
					met = r >= ind.bound-tol
				case "<=":
					met = r <= ind.bound+tol
				case ">":
					met = r > ind.bound+tol
				}
				switch {
				case r > 1+1e-9:
					st[i] = indicators.NotComputable
				case met:
					st[i] = indicators.Met
				default:
					st[i] = indicators.NotMet
				}
			}
		}
		out[k] = st
	}
	return out
}

// The hand-written loop must do the engine's work, or the benchmark
// compares unlike things.
func TestHandAgreesWithEngine(t *testing.T) {
	p := tenPlan(t)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := national.Generate(3000, 1)
	require.NoError(t, err)
	ev := cat.Evaluate(d)
	want := newHand(t, p, d).statuses()
	counts := map[indicators.Status]int{}
	for k, id := range national.Ten {
		for i := range d.Units {
			st, found := ev.Status(id, i)
			require.True(t, found)
			require.Equal(t, st, want[k][i], "%s at %s (%s)", id, d.Units[i].ID, d.Units[i].Level)
			counts[st]++
		}
	}
	for _, s := range []indicators.Status{indicators.Met, indicators.NotMet, indicators.NotApplicable} {
		assert.Positive(t, counts[s], "the data exercises %s", s)
	}
	t.Logf("statuses: %v", counts)
}

// The country has the shape the benchmark promises, is the same for the
// same seed, and reads back under the five-level plan.
func TestGenerate(t *testing.T) {
	assert.Equal(t, national.Shape{Provinces: 31, Cities: 350, Counties: 3000, Schools: 500000}, national.ShapeOf(500000))
	assert.Equal(t, national.Shape{Provinces: 31, Cities: 31, Counties: 60, Schools: 10000}, national.ShapeOf(10000))
	a, err := national.Generate(2000, 7)
	require.NoError(t, err)
	b, err := national.Generate(2000, 7)
	require.NoError(t, err)
	assert.True(t, a.Equal(b), "deterministic")
	levels := map[org.Level]int{}
	for _, u := range a.Units {
		levels[u.Level]++
	}
	sh := national.ShapeOf(2000)
	assert.Equal(t, map[org.Level]int{org.Nation: 1, org.Province: sh.Provinces, org.City: sh.Cities, org.District: sh.Counties, org.School: 2000}, levels)
	require.NoError(t, a.Validate())

	eng := engine(t)
	var buf bytes.Buffer
	require.NoError(t, a.WriteCSV(&buf, eng.Catalog().Fields(), dataset.UTF8))
	back, err := eng.Read(&buf, "national.csv")
	require.NoError(t, err)
	back.Note = a.Note // a CSV file has no note
	assert.True(t, a.Equal(back))
	r, err := eng.Assess(back, eduplan.Units("p01"))
	require.NoError(t, err)
	require.NotEmpty(t, r.Units)
	assert.Equal(t, org.Province, r.Units[0].Unit.Level)
	require.NoError(t, eduplan.Write(io.Discard, r, eduplan.JSON, "en"))
}

// perItem reports, per item (a school, a result), the wall time and the
// CPU time a benchmark took since cpu0, and runs the loop body.
func perItem(b *testing.B, cpu0 time.Duration, items int, unit string) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(items), "ns/"+unit)
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/float64(items), "cpu-ns/"+unit)
}

// BenchmarkNationalWrite is the writing alone, on one evaluation: the
// units built and dropped (stream, the floor every writer stands on),
// then the report written as CSV and as the table. It reports the time
// per result.
func BenchmarkNationalWrite(b *testing.B) {
	eng := engine(b)
	for _, n := range benchSizes(b) {
		ev := eng.Catalog().Evaluate(countryOf(b, eng, n).d)
		s, err := ev.Stream(indicators.Options{})
		require.NoError(b, err)
		results := 0
		require.NoError(b, s.Each(func(u *indicators.UnitReport) error { results += len(u.Results); return nil }))
		for _, f := range []struct {
			name  string
			write func(w io.Writer, s *indicators.Stream) error
		}{
			{"stream", func(_ io.Writer, s *indicators.Stream) error {
				return s.Each(func(*indicators.UnitReport) error { return nil })
			}},
			{"csv", func(w io.Writer, s *indicators.Stream) error { return view.WriteCSV(w, s, "zh") }},
			{"table", func(w io.Writer, s *indicators.Stream) error { return reportfmt.WriteTable(w, s, "zh") }},
		} {
			b.Run(fmt.Sprintf("schools=%d/%s", n, f.name), func(b *testing.B) {
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					s, err := ev.Stream(indicators.Options{})
					if err != nil {
						b.Fatal(err)
					}
					if err := f.write(io.Discard, s); err != nil {
						b.Fatal(err)
					}
				}
				perItem(b, cpu0, results, "result")
			})
		}
	}
}
