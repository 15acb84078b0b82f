// Package national builds the national benchmark: the seed plan declared
// over five levels (国家 → 省 → 市 → 区县 → 学校) and a synthetic country
// of any number of schools, filled with the seed's metrics.
//
// The country is cut from the seed's sample year (seeds/sample2017.json):
// every county is one of its seven districts, with the district's schools
// repeated until the county has its share of the schools, each copy's
// counts scaled by its own factor between 0.85 and 1.15 (rounded down, so
// that a part never exceeds its whole), and the district's own figures
// scaled by the number of copies. Cities, provinces and the nation report
// the populations (the metrics that do not sum) as the sums of the units
// below them. The same size and seed always give the same data.
//
// At 500,000 schools the country has 31 provinces, 350 cities and 3,000
// counties; smaller countries keep 31 provinces and about 167 schools a
// county, so that the cost per school can be compared across sizes.
package national

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// Levels are the benchmark plan's levels.
var Levels = org.Hierarchy{{ID: org.Nation}, {ID: org.Province}, {ID: org.City}, {ID: org.District, Name: msg.T("区县", "County")}, {ID: org.School}}

// Plan is the seed plan over five levels: every indicator and figure of
// the city is one of each city, province and the nation too, and one more
// indicator compares the provinces (省际学前三年教育毛入学率差距, spread ≤ 10
// points).
func Plan() (*plan.Plan, error) {
	p, err := seeds.Zhenjiang2017()
	if err != nil {
		return nil, err
	}
	p.ID += "-national"
	p.Levels = Levels
	widen := func(s *plan.Scope) {
		if slices.Contains(s.Levels, org.City) {
			s.Levels = append([]org.Level{org.Nation, org.Province}, s.Levels...)
		}
	}
	for i := range p.Metrics {
		widen(&p.Metrics[i].ReportedBy)
	}
	for i := range p.Indicators {
		widen(&p.Indicators[i].AppliesTo)
		if tf := p.Indicators[i].TargetFor; tf != nil {
			widen(tf)
		}
	}
	p.Indicators = append(p.Indicators, plan.Indicator{
		ID:        "preschool_province_gap",
		Name:      msg.T("省际学前三年教育毛入学率差距", "Gap in preschool gross enrolment between provinces"),
		Formula:   "spread(preschool_gross_enrolment_rate)",
		Unit:      plan.Percent,
		Target:    "不超过10个百分点",
		AppliesTo: plan.Scope{Levels: []org.Level{org.Nation}},
		Wording:   "省际差距不超过10个百分点",
	})
	p.Goals[0].Indicators = append(p.Goals[0].Indicators, "preschool_province_gap")
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// Shape is how many units of each level a country of n schools has.
type Shape struct{ Provinces, Cities, Counties, Schools int }

// ShapeOf gives the shape of a country of n schools: 31 provinces, and
// cities and counties in proportion to 350 and 3,000 at 500,000 schools (at
// least one a province, one a city).
func ShapeOf(n int) Shape {
	s := Shape{Provinces: 31, Schools: n}
	s.Cities = max(s.Provinces, int(math.Round(350*float64(n)/500000)))
	s.Counties = max(s.Cities, int(math.Round(3000*float64(n)/500000)))
	return s
}

// template is one district of the sample year: its own figures and its
// schools'.
type template struct {
	own     map[string]float64
	schools []dataset.OrgUnit
	figures []map[string]float64
}

// Generate builds a country of n schools from seed. fields are the
// benchmark plan's (Catalog.Fields of Plan's catalogue).
func Generate(n int, seed uint64) (*dataset.Dataset, error) {
	p, err := Plan()
	if err != nil {
		return nil, err
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		return nil, err
	}
	sample, err := dataset.ReadJSON(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	if err != nil {
		return nil, err
	}
	metrics := sample.Metrics()
	var temps []template
	var cityOwn map[string]float64
	for i, u := range sample.Units {
		own := map[string]float64{}
		for _, m := range metrics {
			if v, ok := sample.Value(u.ID, m); ok {
				own[m] = v
			}
		}
		switch u.Level {
		case org.City:
			cityOwn = own
		case org.District:
			t := template{own: own}
			for _, ch := range sample.Children(i) {
				s := sample.Units[ch]
				f := map[string]float64{}
				for _, m := range metrics {
					if v, ok := sample.Value(s.ID, m); ok {
						f[m] = v
					}
				}
				t.schools = append(t.schools, s)
				t.figures = append(t.figures, f)
			}
			temps = append(temps, t)
		}
	}
	none := map[string]bool{}
	for _, m := range p.Metrics {
		if m.Aggregate == plan.None {
			none[m.ID] = true
		}
	}

	sh := ShapeOf(n)
	rng := rand.New(rand.NewPCG(seed, 0x6e6174696f6e))
	d := dataset.New(sample.Year)
	d.Levels = Levels
	d.Note = "合成数据（非真实统计）：全国基准测试用 / synthetic data for the national benchmark, not real statistics"
	var errs []error
	add := func(u dataset.OrgUnit) {
		if err := d.Add(u); err != nil {
			errs = append(errs, err)
		}
	}
	set := func(id, m string, v float64) {
		if err := d.Set(id, m, v); err != nil {
			errs = append(errs, err)
		}
	}
	add(dataset.OrgUnit{ID: "cn", Name: "全国", Level: org.Nation})
	// sums holds, for each unit above the counties, the populations of
	// the counties below it, written once the counties are made.
	type above struct {
		id   string
		sums map[string]float64
	}
	var provinces, cities []above
	school := 0
	county := 0
	for pi := 0; pi < sh.Provinces; pi++ {
		pid := fmt.Sprintf("p%02d", pi+1)
		add(dataset.OrgUnit{ID: pid, Name: fmt.Sprintf("第%d省", pi+1), Level: org.Province, Parent: "cn"})
		prov := above{id: pid, sums: map[string]float64{}}
		nc := share(sh.Cities, sh.Provinces, pi)
		for ci := 0; ci < nc; ci++ {
			cid := fmt.Sprintf("%sc%02d", pid, ci+1)
			add(dataset.OrgUnit{ID: cid, Name: fmt.Sprintf("第%d省第%d市", pi+1, ci+1), Level: org.City, Parent: pid})
			city := above{id: cid, sums: map[string]float64{}}
			cityIndex := len(cities)
			nd := share(sh.Counties, sh.Cities, cityIndex)
			for di := 0; di < nd; di++ {
				did := fmt.Sprintf("%sd%02d", cid, di+1)
				add(dataset.OrgUnit{ID: did, Name: fmt.Sprintf("第%d省第%d市第%d县", pi+1, ci+1, di+1), Level: org.District, Parent: cid})
				t := temps[county%len(temps)]
				ns := share(sh.Schools, sh.Counties, county)
				county++
				scale := float64(ns) / float64(len(t.schools))
				for _, m := range sortedKeys(t.own) {
					v := math.Floor(t.own[m] * scale)
					set(did, m, v)
					if none[m] {
						city.sums[m] += v
						prov.sums[m] += v
					}
				}
				for k := 0; k < ns; k++ {
					school++
					tk := k % len(t.schools)
					src := t.schools[tk]
					sid := fmt.Sprintf("s%06d", school)
					add(dataset.OrgUnit{ID: sid, Name: fmt.Sprintf("%s%d", src.Name, school), Level: org.School, Kind: src.Kind, Parent: did})
					f := 0.85 + 0.3*rng.Float64()
					for _, m := range sortedKeys(t.figures[tk]) {
						set(sid, m, math.Floor(t.figures[tk][m]*f))
					}
				}
			}
			for _, m := range sortedKeys(cityOwn) {
				if !none[m] || city.sums[m] == 0 {
					set(cid, m, cityOwn[m])
				}
			}
			cities = append(cities, city)
		}
		provinces = append(provinces, prov)
	}
	// Populations sum up: the city's are its counties', the province's
	// and the nation's likewise.
	nation := map[string]float64{}
	for _, c := range cities {
		for m, v := range c.sums {
			set(c.id, m, v)
		}
	}
	for _, pr := range provinces {
		for m, v := range pr.sums {
			set(pr.id, m, v)
			nation[m] += v
		}
	}
	for m, v := range nation {
		set("cn", m, v)
	}
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return d, nil
}

// share is the number of the total's units that go to part i of parts,
// spread as evenly as whole numbers allow.
func share(total, parts, i int) int {
	return (i+1)*total/parts - i*total/parts
}

func sortedKeys(m map[string]float64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// MetricFields are the catalogue's fields of metrics only: what a
// national file carries (the catalogue's fields also take an indicator's
// value reported outright, which no generated unit does).
func MetricFields(cat *indicators.Catalog) []dataset.Field {
	var out []dataset.Field
	for _, f := range cat.Fields() {
		if _, ok := cat.Metric(f.ID); ok {
			out = append(out, f)
		}
	}
	return out
}
