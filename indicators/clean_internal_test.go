package indicators

import (
	"math"
	"math/rand/v2"
	"testing"
)

// cleanByLog is clean as it was written first, with a logarithm and a power
// per value: the new one must give the same value, bit for bit, or reports
// would change.
func cleanByLog(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	mag := math.Floor(math.Log10(math.Abs(v)))
	places := int(12 - mag)
	if places > 15 || places < -15 {
		return v
	}
	p := math.Pow(10, float64(places))
	r := math.Round(v*p) / p
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}

func TestCleanAsByLog(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		if got, want := clean(v), cleanByLog(v); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("clean(%v) = %v, by logarithm %v", v, got, want)
		}
	}
	for _, v := range []float64{0, 1, -1, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 99.2, 0.992, 1e-3, 9.999999999999e-4, 1e28, 9.99999e27,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789012345678} {
		check(v)
		check(-v)
	}
	// Each power of ten and its neighbours, where a magnitude could be
	// off by one.
	for k := -20; k <= 32; k++ {
		p := math.Pow(10, float64(k))
		for _, v := range []float64{p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), p * (1 - 1e-15), p * (1 + 1e-15), p * (1 - 1e-13)} {
			check(v)
			check(-v)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1_000_000 {
		// Values as reports hold them: rates, counts, money, ratios.
		check(math.Pow(10, rng.Float64()*36-6) * (rng.Float64()*2 - 1))
		check(float64(rng.IntN(100000)) / float64(1+rng.IntN(100000)))
		check(float64(rng.Int64N(1 << 50))) // counts, up to 15 digits
		check(float64(rng.IntN(100000)))
	}
}

func BenchmarkClean(b *testing.B) {
	vs := make([]float64, 1024)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range vs {
		vs[i] = float64(rng.IntN(100000)) / float64(1+rng.IntN(100000))
	}
	b.Run("table", func(b *testing.B) {
		s := 0.0
		for b.Loop() {
			for _, v := range vs {
				s += clean(v)
			}
		}
		_ = s
	})
	b.Run("log", func(b *testing.B) {
		s := 0.0
		for b.Loop() {
			for _, v := range vs {
				s += cleanByLog(v)
			}
		}
		_ = s
	})
}
