package main

import (
	"math"

	"github.com/eduplan/eduplan/indicators/dataset"
)

// The sample's previous year, 2016: the same units, each district's rates
// drawn a little worse than in 2017, so that most results show progress,
// except in fellBack, whose rates were better in 2016: the district whose
// results moved away from their targets since the year before. School
// sizes, populations and the slip are as in 2017, so that each change
// comes from a rate and reads as one.
//
// previousStep is how far a rate of a district other than fellBack stood
// below its 2017 value (above, for the school-choice share, where lower
// is better): a small step in points, so that a rate met in 2017 may have
// been missed in 2016 but none moves by an implausible amount.
const (
	previousStep = 0.006
	fellBack     = "dantu"
)

var branches2016 = branches{50, 48, 12, 1}

func buildPrevious() (*dataset.Dataset, error) {
	prev := make([]district, len(districts))
	for i, ds := range districts {
		step := previousStep
		if ds.slug == fellBack {
			step = -previousStep
		}
		prev[i] = ds.before(step)
	}
	return buildYear(2016, NotePrevious, prev, branches2016)
}

// before is the district as it stood a year earlier, its rates step lower
// (higher for shares where lower is better); a rate stays within 0 … 1
// where it was within them.
func (ds district) before(step float64) district {
	lower := func(r float64) float64 {
		v := r - step
		if r <= 1 {
			v = math.Min(v, 1)
		}
		return math.Max(v, 0)
	}
	ds.preschoolGER = lower(ds.preschoolGER)
	ds.retention = lower(ds.retention)
	ds.seniorGER = lower(ds.seniorGER)
	ds.disabledRate = lower(ds.disabledRate)
	ds.progression = lower(ds.progression)
	ds.kgAssoc = lower(ds.kgAssoc)
	ds.agency = lower(ds.agency)
	ds.priAssoc = lower(ds.priAssoc)
	ds.priBach = lower(ds.priBach)
	ds.junBach = lower(ds.junBach)
	ds.junMaster = lower(ds.junMaster)
	ds.senMaster = lower(ds.senMaster)
	ds.dual = lower(ds.dual)
	ds.employment = lower(ds.employment)
	ds.fitExcellent = lower(ds.fitExcellent)
	ds.fitPass = mapRates(ds.fitPass, lower)
	ds.choice = mapRates(ds.choice, func(r float64) float64 { return math.Max(r+step, 0) })
	kgs := make([]kg, len(ds.kgs))
	for i, k := range ds.kgs {
		k.quality = lower(k.quality)
		kgs[i] = k
	}
	ds.kgs = kgs
	if step > 0 {
		ds.standardised = max(ds.standardised-1, 0)
		ds.charters = max(ds.charters-1, 0)
	}
	return ds
}

func mapRates(rs []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}
