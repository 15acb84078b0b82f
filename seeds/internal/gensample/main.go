// Command gensample writes seeds/sample2017.json: a synthetic but internally
// consistent year of figures for Zhenjiang, its seven districts and a few
// schools of each kind in each district, against the Zhenjiang 2017 plan.
//
// The figures are invented. They are built so that the city's assessment
// shows every status a reader needs to see: most targets met, some missed by
// a little, some without data (metrics nobody reports), a cross-district gap
// above 10 percentage points, and, in the two all-urban districts, an
// urban–rural gap that cannot be computed because they have no rural
// kindergartens.
//
// Consistency rules the program keeps:
//   - every count a district or the city does not report sums from its
//     schools (the engine recomputes rates from those sums);
//   - populations (aggregate "none") are reported by each district and by
//     the city, the city's equal to the sum of its districts';
//   - each district's population figures are set to match the schools
//     listed for it, so that its rates are realistic: the sample's districts
//     are small, each level of schooling consistent on its own;
//   - a part never exceeds its whole (teachers with a degree ≤ teachers,
//     quality places ≤ places, …);
//   - except one deliberate slip: 句容市茅山中心幼儿园 typed its rural
//     enrolment 206 for 260, so that urban + rural ≠ total there, in 句容市
//     and in the city (the seed's rule kg_urban_rural_sum shows it).
//
// Run it with `go generate ./seeds` (the //go:generate line in seeds.go);
// it reads zhenjiang2017.json from the current directory for the metric
// definitions and writes sample2017.json there. The output is deterministic.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Note labels the file as synthetic in both languages.
const Note = "合成数据（非真实统计）：按镇江市教育局2017年工作要点编造的示例年度数据，用于演示和测试。 / " +
	"synthetic data, not real statistics: an invented sample year for the Zhenjiang 2017 plan, for examples and tests."

// NotePrevious labels the previous year's file.
const NotePrevious = "合成数据（非真实统计）：与2017年示例数据同一批单位的2016年示例数据，用于演示比上年的变化和进度。 / " +
	"synthetic data, not real statistics: an invented 2016 for the units of the 2017 sample, to show change and progress."

func main() {
	planPath := flag.String("plan", "zhenjiang2017.json", "the plan file whose metrics the data uses")
	out := flag.String("o", "sample2017.json", "output file")
	prev := flag.String("previous", "", "output file of the previous year (2016), if any")
	flag.Parse()
	err := run(*planPath, *out)
	if err == nil && *prev != "" {
		err = runPrevious(*planPath, *prev)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

func run(planPath, out string) error { return write(planPath, out, build) }

// runPrevious writes the sample's previous year (buildPrevious).
func runPrevious(planPath, out string) error { return write(planPath, out, buildPrevious) }

func write(planPath, out string, build func() (*dataset.Dataset, error)) error {
	p, err := plan.LoadFile(planPath)
	if err != nil {
		return err
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		return err
	}
	d, err := build()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := d.WriteJSON(&b, cat.Fields()); err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// kg describes a kindergarten.
type kg struct {
	name      string
	urban     bool
	public    bool
	inclusive bool // a private kindergarten certified as inclusive (普惠性)
	enrol     int
	// quality is the share of the kindergarten's children in campuses rated
	// high-quality (省、市优质园); new branch campuses are not rated yet.
	quality float64
	// slip, when not 0, is the urban or rural figure as the kindergarten
	// typed it, not enrol: an inconsistency left in on purpose, so that the
	// seed's validation rule 城镇 + 农村 = 在园幼儿数 has something to find.
	slip int
}

// school describes a school other than a kindergarten; size is its number
// of pupils (for a nine-year school, primary and junior sections together).
type school struct {
	name string
	size int
}

// district holds the schools of a district and the rates its figures are
// drawn with.
type district struct {
	slug, name string
	kgs        []kg
	primary    []school
	junior     []school
	nineYear   []school
	senior     []school
	vocational []school
	special    []school

	preschoolGER float64 // 在园幼儿数（不分年龄）÷ 3-5岁人口: the gross rate
	retention    float64
	seniorGER    float64
	disabledAge  int
	disabledRate float64
	choice       []float64 // school-choice share of each compulsory school, in list order
	progression  float64
	kgAssoc      float64
	agency       float64
	priAssoc     float64
	priBach      float64
	junBach      float64
	junMaster    float64
	senMaster    float64
	dual         float64
	employment   float64
	fitExcellent float64
	// fitPass is the pass rate of each school tested, in the order the
	// generator visits them: primary, junior, nine-year, senior, vocational.
	fitPass []float64

	standardised int // compulsory schools meeting the provincial standard
	charters     int // primary and secondary schools with a completed charter
	// counts are the district's project counts, in the order of
	// countMetrics.
	counts []int
}

func round(x float64) float64 { return math.Round(x) }

// part is the whole number nearest to share of n.
func part(n int, share float64) int { return int(math.Round(float64(n) * share)) }

func build() (*dataset.Dataset, error) { return buildYear(2017, Note, districts, branches2017) }

// branches are the figures of the bureau's Party branches: in service,
// rated three stars or more, four stars, five stars.
type branches [4]int

var branches2017 = branches{51, 51, 15, 2}

func buildYear(year int, note string, districts []district, party branches) (*dataset.Dataset, error) {
	d := dataset.New(year)
	d.Note = note
	var errs []error
	add := func(u dataset.OrgUnit) {
		if err := d.Add(u); err != nil {
			errs = append(errs, err)
		}
	}
	set := func(unit, metric string, v int) {
		if err := d.Set(unit, metric, float64(v)); err != nil {
			errs = append(errs, err)
		}
	}
	const city = "zhenjiang"
	add(dataset.OrgUnit{ID: city, Name: "镇江市", Level: org.City})
	for _, ds := range districts {
		add(dataset.OrgUnit{ID: "d-" + ds.slug, Name: ds.name, Level: org.District, Parent: city})
	}
	cityPop := map[string]int{}
	for _, ds := range districts {
		did := "d-" + ds.slug
		sid := func(tag string, i int) string { return fmt.Sprintf("s-%s-%s%d", ds.slug, tag, i+1) }
		fit := 0
		fitness := func(id string, pupils int) {
			if fit >= len(ds.fitPass) {
				errs = append(errs, fmt.Errorf("%s: fewer pass rates than schools tested", ds.name))
				return
			}
			tested := pupils - part(pupils, 0.01) // about 1% are exempted
			set(id, "fitness_tested_students", tested)
			set(id, "fitness_excellent_students", part(tested, ds.fitExcellent))
			set(id, "fitness_pass_students", part(tested, ds.fitPass[fit]))
			fit++
		}

		// Kindergartens.
		enrolled := 0
		for i, k := range ds.kgs {
			id := sid("k", i)
			add(dataset.OrgUnit{ID: id, Name: k.name, Level: org.School, Kind: org.Kindergarten, Parent: did})
			inclusive := k.public || k.inclusive
			q := 0
			if inclusive {
				q = part(k.enrol, k.quality)
			}
			enrolled += k.enrol
			urban, rural, pub, priv := k.enrol, 0, k.enrol, 0
			qu, qr, qp, qv := q, 0, q, 0
			if !k.urban {
				urban, rural, qu, qr = 0, k.enrol, 0, q
			}
			if k.slip != 0 && k.urban {
				urban = k.slip
			} else if k.slip != 0 {
				rural = k.slip
			}
			if !k.public {
				pub, priv, qp, qv = 0, k.enrol, 0, q
			}
			poi := 0
			if inclusive {
				poi = k.enrol
			}
			teachers := int(math.Round(float64(k.enrol) / 13))
			nonEst := teachers
			if k.public {
				nonEst = part(teachers, 0.45)
			}
			for _, f := range []struct {
				m string
				v int
			}{
				{"kindergarten_enrolment", k.enrol},
				{"kindergarten_enrolment_urban", urban}, {"kindergarten_enrolment_rural", rural},
				{"kindergarten_enrolment_public", pub}, {"kindergarten_enrolment_private", priv},
				{"quality_inclusive_enrolment", q}, {"quality_inclusive_enrolment_urban", qu},
				{"quality_inclusive_enrolment_rural", qr}, {"quality_inclusive_enrolment_public", qp},
				{"quality_inclusive_enrolment_private", qv}, {"public_or_inclusive_enrolment", poi},
				{"kindergarten_teachers", teachers}, {"kindergarten_teachers_associate_plus", part(teachers, ds.kgAssoc)},
				{"non_establishment_teachers", nonEst}, {"non_establishment_teachers_agency", part(nonEst, ds.agency)},
			} {
				set(id, f.m, f.v)
			}
		}
		pop35 := int(round(float64(enrolled) / ds.preschoolGER))
		set(did, "population_age3_5", pop35)
		cityPop["population_age3_5"] += pop35

		// Compulsory schools: primary, junior, nine-year, in that order for
		// the school-choice shares.
		ci := 0
		compulsoryPupils, graduating := 0, 0
		entrants := func(id string, n int) {
			if ci >= len(ds.choice) {
				errs = append(errs, fmt.Errorf("%s: fewer school-choice shares than compulsory schools", ds.name))
				return
			}
			set(id, "compulsory_new_entrants", n)
			set(id, "school_choice_pupils", part(n, ds.choice[ci]))
			ci++
		}
		juniorPart := func(id string, pupils int) {
			grad := pupils / 3
			graduating += grad
			set(id, "junior_graduating_class", grad)
			set(id, "junior_graduates", grad)
			set(id, "junior_graduates_progressing", part(grad, ds.progression))
			t := int(math.Round(float64(pupils) / 12))
			set(id, "junior_teachers", t)
			set(id, "junior_teachers_bachelor_plus", part(t, ds.junBach))
			set(id, "junior_teachers_master", part(t, ds.junMaster))
		}
		primaryPart := func(id string, pupils int) {
			t := int(math.Round(float64(pupils) / 17))
			set(id, "primary_teachers", t)
			set(id, "primary_teachers_associate_plus", part(t, ds.priAssoc))
			set(id, "primary_teachers_bachelor_plus", part(t, ds.priBach))
		}
		for i, s := range ds.primary {
			id := sid("p", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.Primary, Parent: did})
			compulsoryPupils += s.size
			entrants(id, s.size/6)
			primaryPart(id, s.size)
			fitness(id, s.size)
		}
		for i, s := range ds.junior {
			id := sid("j", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.JuniorSecond, Parent: did})
			compulsoryPupils += s.size
			entrants(id, s.size/3)
			juniorPart(id, s.size)
			fitness(id, s.size)
		}
		for i, s := range ds.nineYear {
			id := sid("n", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.NineYear, Parent: did})
			compulsoryPupils += s.size
			pri, jun := s.size*2/3, s.size-s.size*2/3
			entrants(id, pri/6+jun/3)
			primaryPart(id, pri)
			juniorPart(id, jun)
			fitness(id, s.size)
		}
		set(did, "compulsory_age_enrolled", compulsoryPupils)
		set(did, "compulsory_age_population", compulsoryPupils)
		cityPop["compulsory_age_population"] += compulsoryPupils
		set(did, "compulsory_cohort_entrants", int(round(float64(graduating)/ds.retention)))

		// Senior secondary: general senior high and vocational schools.
		seniorStage := 0
		for i, s := range ds.senior {
			id := sid("h", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.SeniorSecond, Parent: did})
			seniorStage += s.size
			set(id, "senior_stage_enrolment", s.size)
			t := int(math.Round(float64(s.size) / 11))
			set(id, "senior_teachers", t)
			set(id, "senior_teachers_master", part(t, ds.senMaster))
			fitness(id, s.size)
		}
		for i, s := range ds.vocational {
			id := sid("v", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.Vocational, Parent: did})
			seniorStage += s.size
			set(id, "senior_stage_enrolment", s.size)
			set(id, "vocational_new_entrants", s.size/3)
			grad := s.size / 3
			set(id, "vocational_graduating_class", grad)
			// vocational_intermediate_certificate_holders is left out on
			// purpose: nobody reports it, so the certificate share has no
			// data (2017 was the year many vocational certificates were
			// abolished nationally, a plausible reason for a gap).
			set(id, "vocational_graduates_employed", part(grad, ds.employment))
			spec := int(math.Round(float64(s.size) / 22))
			set(id, "vocational_specialty_teachers", spec)
			set(id, "vocational_dual_qualified_teachers", part(spec, ds.dual))
			fitness(id, s.size)
		}
		for i, s := range ds.special {
			id := sid("s", i)
			add(dataset.OrgUnit{ID: id, Name: s.name, Level: org.School, Kind: org.Special, Parent: did})
		}
		pop1517 := int(round(float64(seniorStage) / ds.seniorGER))
		set(did, "population_age15_17", pop1517)
		cityPop["population_age15_17"] += pop1517

		set(did, "disabled_children_compulsory_age", ds.disabledAge)
		set(did, "disabled_children_enrolled", part(ds.disabledAge, ds.disabledRate))
		cityPop["disabled_children_compulsory_age"] += ds.disabledAge

		nCompulsory := len(ds.primary) + len(ds.junior) + len(ds.nineYear)
		set(did, "compulsory_schools", nCompulsory)
		set(did, "compulsory_schools_standardized", ds.standardised)
		set(did, "primary_secondary_schools", nCompulsory+len(ds.senior))
		set(did, "schools_with_charter", ds.charters)
		if len(ds.counts) != len(countMetrics) {
			errs = append(errs, fmt.Errorf("%s: %d project counts for %d metrics", ds.name, len(ds.counts), len(countMetrics)))
			continue
		}
		for i, m := range countMetrics {
			set(did, m, ds.counts[i])
		}
	}
	// The city reports what does not add up from its districts: its
	// populations, and the figures of the bureau's own Party branches.
	for _, m := range []string{"population_age3_5", "compulsory_age_population", "population_age15_17", "disabled_children_compulsory_age"} {
		set(city, m, cityPop[m])
	}
	set(city, "party_branches_in_service", party[0])
	set(city, "party_branches_three_star_plus", party[1])
	set(city, "party_branches_four_star", party[2])
	set(city, "party_branches_five_star", party[3])
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return d, nil
}

// countMetrics are the counts of projects and awards each district reports;
// the city's figure is their sum. social_evaluation_agencies is not among
// them: nobody reports it, so its indicator has no data.
var countMetrics = []string{
	"modernization_pioneer_units_created", "safe_campus_demonstration_counties_new",
	"kindergartens_built", "schools_built", "provincial_quality_kindergartens_new",
	"provincial_play_curriculum_projects", "provincial_forward_looking_projects_kg",
	"municipal_curriculum_feature_kindergartens", "unlicensed_kindergarten_sites",
	"provincial_resource_classrooms", "provincial_course_bases_compulsory", "provincial_course_bases_senior",
	"provincial_modern_vocational_schools", "provincial_modern_training_bases", "provincial_modern_specialty_clusters",
	"provincial_standard_community_centres", "provincial_rural_service_bases", "community_training_person_times",
	"smart_campuses_built", "provincial_demo_teacher_centres",
	"teacher_dev_demonstration_schools", "teacher_dev_excellent_schools", "teacher_dev_qualified_schools",
}
