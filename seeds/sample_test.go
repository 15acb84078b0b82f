package seeds

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
)

func sample(t testing.TB) (*indicators.Catalog, *dataset.Dataset) {
	t.Helper()
	p := loadPlan(t)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	ds, err := dataset.ReadJSON(bytes.NewReader(SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	return cat, ds
}

func TestSampleIsLabelledSynthetic(t *testing.T) {
	_, ds := sample(t)
	assert.Equal(t, 2017, ds.Year)
	assert.Contains(t, ds.Note, "合成数据")
	assert.Contains(t, ds.Note, "synthetic")
}

// TestSampleShape checks the hierarchy: the city, its seven districts and
// several schools of each kind in each district.
func TestSampleShape(t *testing.T) {
	_, ds := sample(t)
	var districts []string
	kinds := map[string]map[org.Kind]int{}
	for _, u := range ds.Units {
		switch u.Level {
		case org.City:
			assert.Equal(t, "zhenjiang", u.ID)
			assert.Equal(t, "镇江市", u.Name)
		case org.District:
			assert.Equal(t, "zhenjiang", u.Parent)
			districts = append(districts, u.Name)
			kinds[u.ID] = map[org.Kind]int{}
		case org.School:
			require.Contains(t, kinds, u.Parent, "%s sits under a district", u.ID)
			kinds[u.Parent][u.Kind]++
		}
	}
	assert.Equal(t, []string{"京口区", "润州区", "丹徒区", "镇江新区", "丹阳市", "句容市", "扬中市"}, districts)
	for d, ks := range kinds {
		assert.GreaterOrEqual(t, ks[org.Kindergarten], 4, d)
		assert.GreaterOrEqual(t, ks[org.Primary], 3, d)
		assert.GreaterOrEqual(t, ks[org.JuniorSecond], 2, d)
		assert.GreaterOrEqual(t, ks[org.NineYear], 1, d)
		assert.GreaterOrEqual(t, ks[org.SeniorSecond], 2, d)
		assert.GreaterOrEqual(t, ks[org.Vocational], 1, d)
		assert.GreaterOrEqual(t, ks[org.Special], 1, d)
	}
}

// TestSampleIsConsistent checks the invariants the generator promises:
// the city's populations are the sum of its districts', and no part
// exceeds its whole.
func TestSampleIsConsistent(t *testing.T) {
	_, ds := sample(t)
	city, ok := ds.Index("zhenjiang")
	require.True(t, ok)
	for _, m := range []string{"population_age3_5", "compulsory_age_population", "population_age15_17", "disabled_children_compulsory_age"} {
		cityV, ok := ds.Value("zhenjiang", m)
		require.True(t, ok, m)
		sum := 0.0
		for _, d := range ds.Children(city) {
			v, ok := ds.Value(ds.Units[d].ID, m)
			require.True(t, ok, "%s %s", ds.Units[d].ID, m)
			sum += v
		}
		assert.Equal(t, sum, cityV, m)
	}
	parts := [][2]string{
		{"quality_inclusive_enrolment", "public_or_inclusive_enrolment"},
		{"public_or_inclusive_enrolment", "kindergarten_enrolment"},
		{"kindergarten_teachers_associate_plus", "kindergarten_teachers"},
		{"non_establishment_teachers_agency", "non_establishment_teachers"},
		{"non_establishment_teachers", "kindergarten_teachers"},
		{"school_choice_pupils", "compulsory_new_entrants"},
		{"junior_graduates_progressing", "junior_graduates"},
		{"primary_teachers_bachelor_plus", "primary_teachers_associate_plus"},
		{"primary_teachers_associate_plus", "primary_teachers"},
		{"junior_teachers_master", "junior_teachers_bachelor_plus"},
		{"junior_teachers_bachelor_plus", "junior_teachers"},
		{"senior_teachers_master", "senior_teachers"},
		{"vocational_dual_qualified_teachers", "vocational_specialty_teachers"},
		{"vocational_graduates_employed", "vocational_graduating_class"},
		{"fitness_excellent_students", "fitness_pass_students"},
		{"fitness_pass_students", "fitness_tested_students"},
		{"compulsory_age_enrolled", "compulsory_age_population"},
		{"disabled_children_enrolled", "disabled_children_compulsory_age"},
		{"compulsory_schools_standardized", "compulsory_schools"},
		{"schools_with_charter", "primary_secondary_schools"},
	}
	// A pair no unit reports both halves of (a renamed metric, say) would
	// check nothing: count the comparisons made.
	compared := map[[2]string]int{}
	kindergartens := 0
	for _, u := range ds.Units {
		for _, pw := range parts {
			part, ok1 := ds.Value(u.ID, pw[0])
			whole, ok2 := ds.Value(u.ID, pw[1])
			if ok1 && ok2 {
				compared[pw]++
				assert.LessOrEqual(t, part, whole, "%s: %s ≤ %s", u.ID, pw[0], pw[1])
			}
		}
		// Each kindergarten's categories split its enrolment.
		if u.Kind == org.Kindergarten {
			kindergartens++
			get := func(m string) float64 {
				v, ok := ds.Value(u.ID, m)
				require.True(t, ok, "%s reports %s", u.ID, m)
				return v
			}
			e := get("kindergarten_enrolment")
			if u.ID == slipUnit {
				// The one deliberate slip (TestSampleViolatesOnPurpose).
				assert.Equal(t, e-54, get("kindergarten_enrolment_urban")+get("kindergarten_enrolment_rural"), u.ID)
			} else {
				assert.Equal(t, e, get("kindergarten_enrolment_urban")+get("kindergarten_enrolment_rural"), u.ID)
			}
			assert.Equal(t, e, get("kindergarten_enrolment_public")+get("kindergarten_enrolment_private"), u.ID)
			q := get("quality_inclusive_enrolment")
			assert.Equal(t, q, get("quality_inclusive_enrolment_urban")+get("quality_inclusive_enrolment_rural"), u.ID)
			assert.Equal(t, q, get("quality_inclusive_enrolment_public")+get("quality_inclusive_enrolment_private"), u.ID)
		}
	}
	for _, pw := range parts {
		assert.Positive(t, compared[pw], "no unit reports both %s and %s", pw[0], pw[1])
	}
	assert.Positive(t, kindergartens)
}

const (
	met           = indicators.Met
	notMet        = indicators.NotMet
	noData        = indicators.NoData
	notComputable = indicators.NotComputable
	notApplicable = indicators.NotApplicable
)

// cityStatuses is the expected assessment of the city, written out by hand
// from the sample's design (see internal/gensample), not computed.
var cityStatuses = map[string]indicators.Status{
	"preschool_gross_enrolment_rate":                 met,
	"compulsory_enrolment_rate":                      met,
	"compulsory_retention_rate":                      met,
	"school_choice_share":                            met,
	"junior_progression_rate":                        met,
	"senior_secondary_gross_enrolment_rate":          met,
	"disabled_compulsory_enrolment_rate":             met,
	"modernization_pioneer_units":                    met,
	"compulsory_school_standardization_rate":         notMet, // 35 of 42 schools, 83.3% < 85% (aspirational)
	"safe_campus_demonstration_counties":             met,
	"new_kindergartens":                              notMet, // 13 < 14
	"new_schools":                                    met,
	"new_provincial_quality_kindergartens":           met,
	"quality_preschool_district_gap":                 notMet, // 12.7 pp > 10
	"quality_preschool_urban_rural_gap":              met,
	"quality_preschool_public_private_gap":           met,
	"inclusive_preschool_share":                      met,
	"unlicensed_kindergarten_sites_left":             met,
	"non_establishment_teacher_agency_rate":          met,
	"provincial_play_curriculum_projects_won":        met,
	"provincial_forward_looking_projects_kg_won":     met,
	"municipal_curriculum_feature_kindergartens_new": met,
	"provincial_resource_classrooms_applied":         met,
	"provincial_course_bases_compulsory_won":         met,
	"provincial_course_bases_built":                  met,
	"provincial_course_bases_senior_won":             met,
	"vocational_enrolment":                           met,
	"provincial_modern_vocational_schools_built":     met,
	"provincial_modern_training_bases_built":         met,
	"provincial_modern_specialty_clusters_built":     met,
	"vocational_intermediate_certificate_share":      noData, // nobody reports certificate holders
	"vocational_employment_rate":                     notMet, // 97.9%, not above 98%
	"provincial_standard_community_centres_built":    met,
	"provincial_rural_service_bases_built":           met,
	"community_training":                             met,
	"smart_campuses":                                 met,
	"social_evaluation_agencies_cultivated":          noData, // nobody reports it
	"school_charter_share":                           met,
	"provincial_demo_teacher_centres_passed":         met,
	"teacher_dev_demonstration_schools_created":      met,
	"teacher_dev_excellent_schools_created":          met,
	"teacher_dev_qualified_schools_created":          met,
	"kindergarten_teacher_associate_share":           met,
	"primary_teacher_associate_share":                met,
	"primary_teacher_bachelor_share":                 met,
	"junior_teacher_bachelor_share":                  met,
	"junior_teacher_master_share":                    notMet, // 21.1% < 22%
	"senior_teacher_master_share":                    met,
	"vocational_dual_qualified_share":                met,
	"fitness_excellent_rate":                         met,
	"fitness_pass_rate":                              met,
	"party_branches_three_star_share":                met,
	"party_branches_four_star_count":                 met,
	"party_branches_five_star_count":                 met,
}

func assess(t testing.TB, opt indicators.Options) map[string]map[string]indicators.Result {
	t.Helper()
	cat, ds := sample(t)
	rep, err := cat.Assess(ds, opt)
	require.NoError(t, err)
	out := map[string]map[string]indicators.Result{}
	for _, ur := range rep.Units {
		out[ur.Unit.ID] = map[string]indicators.Result{}
		for _, r := range ur.Results {
			out[ur.Unit.ID][r.Indicator] = r
		}
	}
	return out
}

func TestSampleCityAssessment(t *testing.T) {
	p := loadPlan(t)
	require.Len(t, cityStatuses, len(p.Indicators), "every indicator applies to the city and is listed")
	results := assess(t, indicators.Options{})
	city := results["zhenjiang"]
	got := map[string]indicators.Status{}
	for id, r := range city {
		got[id] = r.Status
	}
	assert.Equal(t, cityStatuses, got)

	// Values worked out by hand from the generator's tables.
	value := func(id string) float64 {
		r := city[id]
		require.NotNil(t, r.Value, id)
		return *r.Value
	}
	assert.Equal(t, 9700.0, value("vocational_enrolment"), "1200+1100+1000+1200+1500+1100+1400+1200 new entrants")
	assert.Equal(t, 13.0, value("new_kindergartens"))
	assert.Equal(t, 52300.0, value("community_training"))
	assert.InDelta(t, 35.0/42, value("compulsory_school_standardization_rate"), 1e-12)
	// 京口区 1286/1360 (highest) − 镇江新区 1252/1530 (lowest).
	assert.InDelta(t, 1286.0/1360-1252.0/1530, value("quality_preschool_district_gap"), 1e-12)
	assert.InDelta(t, 18.0/56, value("school_charter_share"), 1e-12)
	assert.Equal(t, 1.0, value("party_branches_three_star_share"))
}

func TestSampleShowsEveryStatus(t *testing.T) {
	seen := map[indicators.Status]bool{}
	for _, unit := range assess(t, indicators.Options{NotApplicable: true}) {
		for _, r := range unit {
			seen[r.Status] = true
		}
	}
	assert.Equal(t, map[indicators.Status]bool{met: true, notMet: true, noData: true, notComputable: true, notApplicable: true}, seen)
}

// Spot checks below the city, written out by hand.
func TestSampleDistrictsAndSchools(t *testing.T) {
	results := assess(t, indicators.Options{})
	cases := []struct {
		unit, indicator string
		want            indicators.Status
	}{
		// 京口区 and 润州区 have no rural kindergartens: 0 ÷ 0.
		{"d-jingkou", "quality_preschool_urban_rural_gap", notComputable},
		{"d-runzhou", "quality_preschool_urban_rural_gap", notComputable},
		{"d-dantu", "quality_preschool_urban_rural_gap", notMet},
		{"d-yangzhong", "quality_preschool_urban_rural_gap", met},
		{"d-jurong", "preschool_gross_enrolment_rate", notMet},
		{"d-jurong", "compulsory_retention_rate", notMet},
		{"d-jurong", "school_choice_share", met},
		{"d-xinqu", "disabled_compulsory_enrolment_rate", notMet},
		{"d-xinqu", "inclusive_preschool_share", notMet},
		{"d-xinqu", "quality_preschool_public_private_gap", notMet},
		{"d-yangzhong", "junior_teacher_master_share", met},
		{"d-danyang", "vocational_intermediate_certificate_share", noData},
		{"s-jingkou-j1", "school_choice_share", notMet},
		{"s-jingkou-j2", "school_choice_share", met},
		{"s-jurong-p3", "fitness_pass_rate", notMet},
		{"s-jurong-p1", "fitness_pass_rate", met},
		{"s-dantu-v1", "vocational_employment_rate", notMet},
		{"s-yangzhong-v1", "vocational_employment_rate", met},
		{"s-jingkou-v1", "vocational_intermediate_certificate_share", noData},
		{"s-dantu-j2", "junior_progression_rate", notMet},
	}
	for _, c := range cases {
		r, ok := results[c.unit][c.indicator]
		if assert.True(t, ok, "%s has no result for %s", c.unit, c.indicator) {
			assert.Equal(t, c.want, r.Status, "%s %s", c.unit, c.indicator)
		}
	}
	// City-level targets are not assessed for a district, and school-level
	// ones only for the kinds they concern.
	assert.NotContains(t, results["d-jingkou"], "new_kindergartens")
	assert.Contains(t, results["s-jingkou-p1"], "school_choice_share")
	assert.NotContains(t, results["s-jingkou-p1"], "vocational_employment_rate")
	assert.Empty(t, results["s-jingkou-k1"], "no indicator is assessed for a single kindergarten")
	assert.Empty(t, results["s-jingkou-s1"], "no indicator is assessed for a special school")

	withNA := assess(t, indicators.Options{NotApplicable: true})
	for id, r := range withNA["s-jingkou-s1"] {
		assert.Equal(t, notApplicable, r.Status, id)
	}
}
