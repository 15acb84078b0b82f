-- eduplan: every indicator at every unit (generated; dialect spark)
-- states: 0 computed, 1 not computable, 2 missing, 3 not applicable
-- columns: r_ reported, v_ value, s_ state, d_ value shown; of
--   m0 kindergarten_enrolment
--   m1 population_age3_5
--   m2 kindergarten_enrolment_urban
--   m3 kindergarten_enrolment_rural
--   m4 kindergarten_enrolment_public
--   m5 kindergarten_enrolment_private
--   m6 quality_inclusive_enrolment
--   m7 quality_inclusive_enrolment_urban
--   m8 quality_inclusive_enrolment_rural
--   m9 quality_inclusive_enrolment_public
--   m10 quality_inclusive_enrolment_private
--   m11 public_or_inclusive_enrolment
--   m12 non_establishment_teachers
--   m13 non_establishment_teachers_agency
--   m14 unlicensed_kindergarten_sites
--   m15 kindergartens_built
--   m16 schools_built
--   m17 provincial_quality_kindergartens_new
--   m18 provincial_play_curriculum_projects
--   m19 provincial_forward_looking_projects_kg
--   m20 municipal_curriculum_feature_kindergartens
--   m21 compulsory_age_population
--   m22 compulsory_age_enrolled
--   m23 compulsory_cohort_entrants
--   m24 junior_graduating_class
--   m25 school_choice_pupils
--   m26 compulsory_new_entrants
--   m27 junior_graduates
--   m28 junior_graduates_progressing
--   m29 senior_stage_enrolment
--   m30 population_age15_17
--   m31 disabled_children_enrolled
--   m32 disabled_children_compulsory_age
--   m33 compulsory_schools
--   m34 compulsory_schools_standardized
--   m35 modernization_pioneer_units_created
--   m36 safe_campus_demonstration_counties_new
--   m37 provincial_resource_classrooms
--   m38 provincial_course_bases_compulsory
--   m39 provincial_course_bases_senior
--   m40 vocational_new_entrants
--   m41 provincial_modern_vocational_schools
--   m42 provincial_modern_training_bases
--   m43 provincial_modern_specialty_clusters
--   m44 vocational_graduating_class
--   m45 vocational_intermediate_certificate_holders
--   m46 vocational_graduates_employed
--   m47 provincial_standard_community_centres
--   m48 provincial_rural_service_bases
--   m49 community_training_person_times
--   m50 smart_campuses_built
--   m51 social_evaluation_agencies
--   m52 primary_secondary_schools
--   m53 schools_with_charter
--   m54 provincial_demo_teacher_centres
--   m55 teacher_dev_demonstration_schools
--   m56 teacher_dev_excellent_schools
--   m57 teacher_dev_qualified_schools
--   m58 kindergarten_teachers
--   m59 kindergarten_teachers_associate_plus
--   m60 primary_teachers
--   m61 primary_teachers_associate_plus
--   m62 primary_teachers_bachelor_plus
--   m63 junior_teachers
--   m64 junior_teachers_bachelor_plus
--   m65 junior_teachers_master
--   m66 senior_teachers
--   m67 senior_teachers_master
--   m68 vocational_specialty_teachers
--   m69 vocational_dual_qualified_teachers
--   m70 fitness_tested_students
--   m71 fitness_excellent_students
--   m72 fitness_pass_students
--   m73 party_branches_in_service
--   m74 party_branches_three_star_plus
--   m75 party_branches_four_star
--   m76 party_branches_five_star
--   i0 preschool_gross_enrolment_rate
--   i1 compulsory_enrolment_rate
--   i2 compulsory_retention_rate
--   i3 school_choice_share
--   i4 junior_progression_rate
--   i5 senior_secondary_gross_enrolment_rate
--   i6 disabled_compulsory_enrolment_rate
--   i7 modernization_pioneer_units
--   i8 compulsory_school_standardization_rate
--   i9 safe_campus_demonstration_counties
--   i10 new_kindergartens
--   i11 new_schools
--   i12 new_provincial_quality_kindergartens
--   i13 quality_preschool_district_gap
--   i14 quality_preschool_urban_rural_gap
--   i15 quality_preschool_public_private_gap
--   i16 inclusive_preschool_share
--   i17 unlicensed_kindergarten_sites_left
--   i18 non_establishment_teacher_agency_rate
--   i19 provincial_play_curriculum_projects_won
--   i20 provincial_forward_looking_projects_kg_won
--   i21 municipal_curriculum_feature_kindergartens_new
--   i22 provincial_resource_classrooms_applied
--   i23 provincial_course_bases_compulsory_won
--   i24 provincial_course_bases_built
--   i25 provincial_course_bases_senior_won
--   i26 vocational_enrolment
--   i27 provincial_modern_vocational_schools_built
--   i28 provincial_modern_training_bases_built
--   i29 provincial_modern_specialty_clusters_built
--   i30 vocational_intermediate_certificate_share
--   i31 vocational_employment_rate
--   i32 provincial_standard_community_centres_built
--   i33 provincial_rural_service_bases_built
--   i34 community_training
--   i35 smart_campuses
--   i36 social_evaluation_agencies_cultivated
--   i37 school_charter_share
--   i38 provincial_demo_teacher_centres_passed
--   i39 teacher_dev_demonstration_schools_created
--   i40 teacher_dev_excellent_schools_created
--   i41 teacher_dev_qualified_schools_created
--   i42 kindergarten_teacher_associate_share
--   i43 primary_teacher_associate_share
--   i44 primary_teacher_bachelor_share
--   i45 junior_teacher_bachelor_share
--   i46 junior_teacher_master_share
--   i47 senior_teacher_master_share
--   i48 vocational_dual_qualified_share
--   i49 fitness_excellent_rate
--   i50 fitness_pass_rate
--   i51 party_branches_three_star_share
--   i52 party_branches_four_star_count
--   i53 party_branches_five_star_count
WITH
u AS (
  SELECT CAST(`id` AS STRING) AS id, CAST(NULLIF(CAST(`parent` AS STRING), '') AS STRING) AS parent,
    CAST(`level` AS STRING) AS level, CAST(`kind` AS STRING) AS kind
  FROM `units`
),
f0 AS (
  SELECT CAST(`unit` AS STRING) AS id,
    SUM(CAST(`community_training_person_times` AS DOUBLE)) AS r_m49,
    SUM(CAST(`compulsory_age_enrolled` AS DOUBLE)) AS r_m22,
    SUM(CAST(`compulsory_age_population` AS DOUBLE)) AS r_m21,
    SUM(CAST(`compulsory_cohort_entrants` AS DOUBLE)) AS r_m23,
    SUM(CAST(`compulsory_schools` AS DOUBLE)) AS r_m33,
    SUM(CAST(`compulsory_schools_standardized` AS DOUBLE)) AS r_m34,
    SUM(CAST(`disabled_children_compulsory_age` AS DOUBLE)) AS r_m32,
    SUM(CAST(`disabled_children_enrolled` AS DOUBLE)) AS r_m31,
    SUM(CAST(`kindergartens_built` AS DOUBLE)) AS r_m15,
    SUM(CAST(`modernization_pioneer_units_created` AS DOUBLE)) AS r_m35,
    SUM(CAST(`municipal_curriculum_feature_kindergartens` AS DOUBLE)) AS r_m20,
    SUM(CAST(`party_branches_five_star` AS DOUBLE)) AS r_m76,
    SUM(CAST(`party_branches_four_star` AS DOUBLE)) AS r_m75,
    SUM(CAST(`party_branches_in_service` AS DOUBLE)) AS r_m73,
    SUM(CAST(`party_branches_three_star_plus` AS DOUBLE)) AS r_m74,
    SUM(CAST(`population_age15_17` AS DOUBLE)) AS r_m30,
    SUM(CAST(`population_age3_5` AS DOUBLE)) AS r_m1,
    SUM(CAST(`primary_secondary_schools` AS DOUBLE)) AS r_m52,
    SUM(CAST(`provincial_course_bases_compulsory` AS DOUBLE)) AS r_m38,
    SUM(CAST(`provincial_course_bases_senior` AS DOUBLE)) AS r_m39,
    SUM(CAST(`provincial_demo_teacher_centres` AS DOUBLE)) AS r_m54,
    SUM(CAST(`provincial_forward_looking_projects_kg` AS DOUBLE)) AS r_m19,
    SUM(CAST(`provincial_modern_specialty_clusters` AS DOUBLE)) AS r_m43,
    SUM(CAST(`provincial_modern_training_bases` AS DOUBLE)) AS r_m42,
    SUM(CAST(`provincial_modern_vocational_schools` AS DOUBLE)) AS r_m41,
    SUM(CAST(`provincial_play_curriculum_projects` AS DOUBLE)) AS r_m18,
    SUM(CAST(`provincial_quality_kindergartens_new` AS DOUBLE)) AS r_m17,
    SUM(CAST(`provincial_resource_classrooms` AS DOUBLE)) AS r_m37,
    SUM(CAST(`provincial_rural_service_bases` AS DOUBLE)) AS r_m48,
    SUM(CAST(`provincial_standard_community_centres` AS DOUBLE)) AS r_m47,
    SUM(CAST(`safe_campus_demonstration_counties_new` AS DOUBLE)) AS r_m36,
    SUM(CAST(`schools_built` AS DOUBLE)) AS r_m16,
    SUM(CAST(`schools_with_charter` AS DOUBLE)) AS r_m53,
    SUM(CAST(`smart_campuses_built` AS DOUBLE)) AS r_m50,
    SUM(CAST(`teacher_dev_demonstration_schools` AS DOUBLE)) AS r_m55,
    SUM(CAST(`teacher_dev_excellent_schools` AS DOUBLE)) AS r_m56,
    SUM(CAST(`teacher_dev_qualified_schools` AS DOUBLE)) AS r_m57,
    SUM(CAST(`unlicensed_kindergarten_sites` AS DOUBLE)) AS r_m14
  FROM `figures`
  GROUP BY `unit`
),
f1 AS (
  SELECT CAST(`unit` AS STRING) AS id,
    SUM(CAST(`compulsory_new_entrants` AS DOUBLE)) AS r_m26,
    SUM(CAST(`fitness_excellent_students` AS DOUBLE)) AS r_m71,
    SUM(CAST(`fitness_pass_students` AS DOUBLE)) AS r_m72,
    SUM(CAST(`fitness_tested_students` AS DOUBLE)) AS r_m70,
    SUM(CAST(`junior_graduates` AS DOUBLE)) AS r_m27,
    SUM(CAST(`junior_graduates_progressing` AS DOUBLE)) AS r_m28,
    SUM(CAST(`junior_graduating_class` AS DOUBLE)) AS r_m24,
    SUM(CAST(`junior_teachers` AS DOUBLE)) AS r_m63,
    SUM(CAST(`junior_teachers_bachelor_plus` AS DOUBLE)) AS r_m64,
    SUM(CAST(`junior_teachers_master` AS DOUBLE)) AS r_m65,
    SUM(CAST(`kindergarten_enrolment` AS DOUBLE)) AS r_m0,
    SUM(CAST(`kindergarten_enrolment_private` AS DOUBLE)) AS r_m5,
    SUM(CAST(`kindergarten_enrolment_public` AS DOUBLE)) AS r_m4,
    SUM(CAST(`kindergarten_enrolment_rural` AS DOUBLE)) AS r_m3,
    SUM(CAST(`kindergarten_enrolment_urban` AS DOUBLE)) AS r_m2,
    SUM(CAST(`kindergarten_teachers` AS DOUBLE)) AS r_m58,
    SUM(CAST(`kindergarten_teachers_associate_plus` AS DOUBLE)) AS r_m59,
    SUM(CAST(`non_establishment_teachers` AS DOUBLE)) AS r_m12,
    SUM(CAST(`non_establishment_teachers_agency` AS DOUBLE)) AS r_m13,
    SUM(CAST(`primary_teachers` AS DOUBLE)) AS r_m60,
    SUM(CAST(`primary_teachers_associate_plus` AS DOUBLE)) AS r_m61,
    SUM(CAST(`primary_teachers_bachelor_plus` AS DOUBLE)) AS r_m62,
    SUM(CAST(`public_or_inclusive_enrolment` AS DOUBLE)) AS r_m11,
    SUM(CAST(`quality_inclusive_enrolment` AS DOUBLE)) AS r_m6,
    SUM(CAST(`quality_inclusive_enrolment_private` AS DOUBLE)) AS r_m10,
    SUM(CAST(`quality_inclusive_enrolment_public` AS DOUBLE)) AS r_m9,
    SUM(CAST(`quality_inclusive_enrolment_rural` AS DOUBLE)) AS r_m8,
    SUM(CAST(`quality_inclusive_enrolment_urban` AS DOUBLE)) AS r_m7,
    SUM(CAST(`school_choice_pupils` AS DOUBLE)) AS r_m25,
    SUM(CAST(`senior_stage_enrolment` AS DOUBLE)) AS r_m29,
    SUM(CAST(`senior_teachers` AS DOUBLE)) AS r_m66,
    SUM(CAST(`senior_teachers_master` AS DOUBLE)) AS r_m67,
    SUM(CAST(`social_evaluation_agencies` AS DOUBLE)) AS r_m51,
    SUM(CAST(`vocational_dual_qualified_teachers` AS DOUBLE)) AS r_m69,
    SUM(CAST(`vocational_graduates_employed` AS DOUBLE)) AS r_m46,
    SUM(CAST(`vocational_graduating_class` AS DOUBLE)) AS r_m44,
    SUM(CAST(`vocational_intermediate_certificate_holders` AS DOUBLE)) AS r_m45,
    SUM(CAST(`vocational_new_entrants` AS DOUBLE)) AS r_m40,
    SUM(CAST(`vocational_specialty_teachers` AS DOUBLE)) AS r_m68
  FROM `figures`
  GROUP BY `unit`
),
r AS (
  SELECT u.id, u.parent, u.level, u.kind,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('kindergarten'), FALSE)), FALSE) AS rb0,
    COALESCE(u.level IN ('city', 'district'), FALSE) AS rb1,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('junior', 'nine_year', 'complete_second'), FALSE)), FALSE) AS rb2,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('primary', 'junior', 'nine_year', 'complete_second'), FALSE)), FALSE) AS rb3,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('senior', 'complete_second', 'vocational'), FALSE)), FALSE) AS rb4,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('vocational'), FALSE)), FALSE) AS rb5,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('primary', 'nine_year'), FALSE)), FALSE) AS rb6,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('senior', 'complete_second'), FALSE)), FALSE) AS rb7,
    COALESCE(u.level IN ('school') AND (u.level <> 'school' OR COALESCE(u.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) AS rb8,
    COALESCE(u.level IN ('city'), FALSE) AS rb9,
    f0.r_m49,
    f0.r_m22,
    f0.r_m21,
    f0.r_m23,
    f0.r_m33,
    f0.r_m34,
    f0.r_m32,
    f0.r_m31,
    f0.r_m15,
    f0.r_m35,
    f0.r_m20,
    f0.r_m76,
    f0.r_m75,
    f0.r_m73,
    f0.r_m74,
    f0.r_m30,
    f0.r_m1,
    f0.r_m52,
    f0.r_m38,
    f0.r_m39,
    f0.r_m54,
    f0.r_m19,
    f0.r_m43,
    f0.r_m42,
    f0.r_m41,
    f0.r_m18,
    f0.r_m17,
    f0.r_m37,
    f0.r_m48,
    f0.r_m47,
    f0.r_m36,
    f0.r_m16,
    f0.r_m53,
    f0.r_m50,
    f0.r_m55,
    f0.r_m56,
    f0.r_m57,
    f0.r_m14,
    f1.r_m26,
    f1.r_m71,
    f1.r_m72,
    f1.r_m70,
    f1.r_m27,
    f1.r_m28,
    f1.r_m24,
    f1.r_m63,
    f1.r_m64,
    f1.r_m65,
    f1.r_m0,
    f1.r_m5,
    f1.r_m4,
    f1.r_m3,
    f1.r_m2,
    f1.r_m58,
    f1.r_m59,
    f1.r_m12,
    f1.r_m13,
    f1.r_m60,
    f1.r_m61,
    f1.r_m62,
    f1.r_m11,
    f1.r_m6,
    f1.r_m10,
    f1.r_m9,
    f1.r_m8,
    f1.r_m7,
    f1.r_m25,
    f1.r_m29,
    f1.r_m66,
    f1.r_m67,
    f1.r_m51,
    f1.r_m69,
    f1.r_m46,
    f1.r_m44,
    f1.r_m45,
    f1.r_m40,
    f1.r_m68
  FROM u
  LEFT JOIN f0 ON f0.id = u.id
  LEFT JOIN f1 ON f1.id = CASE WHEN u.level = 'school' THEN u.id END
),
e AS (
  SELECT id, parent, level, kind,
    CAST(NULL AS DOUBLE) AS v_m1, 3 AS s_m1,
    CAST(NULL AS DOUBLE) AS v_m14, 3 AS s_m14,
    CAST(NULL AS DOUBLE) AS v_m15, 3 AS s_m15,
    CAST(NULL AS DOUBLE) AS v_m16, 3 AS s_m16,
    CAST(NULL AS DOUBLE) AS v_m17, 3 AS s_m17,
    CAST(NULL AS DOUBLE) AS v_m18, 3 AS s_m18,
    CAST(NULL AS DOUBLE) AS v_m19, 3 AS s_m19,
    CAST(NULL AS DOUBLE) AS v_m20, 3 AS s_m20,
    CAST(NULL AS DOUBLE) AS v_m21, 3 AS s_m21,
    CAST(NULL AS DOUBLE) AS v_m22, 3 AS s_m22,
    CAST(NULL AS DOUBLE) AS v_m23, 3 AS s_m23,
    CAST(NULL AS DOUBLE) AS v_m30, 3 AS s_m30,
    CAST(NULL AS DOUBLE) AS v_m31, 3 AS s_m31,
    CAST(NULL AS DOUBLE) AS v_m32, 3 AS s_m32,
    CAST(NULL AS DOUBLE) AS v_m33, 3 AS s_m33,
    CAST(NULL AS DOUBLE) AS v_m34, 3 AS s_m34,
    CAST(NULL AS DOUBLE) AS v_m35, 3 AS s_m35,
    CAST(NULL AS DOUBLE) AS v_m36, 3 AS s_m36,
    CAST(NULL AS DOUBLE) AS v_m37, 3 AS s_m37,
    CAST(NULL AS DOUBLE) AS v_m38, 3 AS s_m38,
    CAST(NULL AS DOUBLE) AS v_m39, 3 AS s_m39,
    CAST(NULL AS DOUBLE) AS v_m41, 3 AS s_m41,
    CAST(NULL AS DOUBLE) AS v_m42, 3 AS s_m42,
    CAST(NULL AS DOUBLE) AS v_m43, 3 AS s_m43,
    CAST(NULL AS DOUBLE) AS v_m47, 3 AS s_m47,
    CAST(NULL AS DOUBLE) AS v_m48, 3 AS s_m48,
    CAST(NULL AS DOUBLE) AS v_m49, 3 AS s_m49,
    CAST(NULL AS DOUBLE) AS v_m50, 3 AS s_m50,
    CAST(NULL AS DOUBLE) AS v_m52, 3 AS s_m52,
    CAST(NULL AS DOUBLE) AS v_m53, 3 AS s_m53,
    CAST(NULL AS DOUBLE) AS v_m54, 3 AS s_m54,
    CAST(NULL AS DOUBLE) AS v_m55, 3 AS s_m55,
    CAST(NULL AS DOUBLE) AS v_m56, 3 AS s_m56,
    CAST(NULL AS DOUBLE) AS v_m57, 3 AS s_m57,
    CAST(NULL AS DOUBLE) AS v_m73, 3 AS s_m73,
    CAST(NULL AS DOUBLE) AS v_m74, 3 AS s_m74,
    CAST(NULL AS DOUBLE) AS v_m75, 3 AS s_m75,
    CAST(NULL AS DOUBLE) AS v_m76, 3 AS s_m76
  FROM r
),
e0 AS (
  SELECT r.*,
    r.r_m1 AS v_m1,
    CASE WHEN r.r_m1 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m1,
    CASE WHEN r.r_m14 IS NOT NULL THEN r.r_m14 ELSE CASE WHEN c.miss_m14 = 1 THEN NULL WHEN c.ok_m14 = 1 THEN c.sum_m14 END END AS v_m14,
    CASE WHEN r.r_m14 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m14 = 1 THEN 2 WHEN c.ok_m14 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m14,
    CASE WHEN r.r_m15 IS NOT NULL THEN r.r_m15 ELSE CASE WHEN c.miss_m15 = 1 THEN NULL WHEN c.ok_m15 = 1 THEN c.sum_m15 END END AS v_m15,
    CASE WHEN r.r_m15 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m15 = 1 THEN 2 WHEN c.ok_m15 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m15,
    CASE WHEN r.r_m16 IS NOT NULL THEN r.r_m16 ELSE CASE WHEN c.miss_m16 = 1 THEN NULL WHEN c.ok_m16 = 1 THEN c.sum_m16 END END AS v_m16,
    CASE WHEN r.r_m16 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m16 = 1 THEN 2 WHEN c.ok_m16 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m16,
    CASE WHEN r.r_m17 IS NOT NULL THEN r.r_m17 ELSE CASE WHEN c.miss_m17 = 1 THEN NULL WHEN c.ok_m17 = 1 THEN c.sum_m17 END END AS v_m17,
    CASE WHEN r.r_m17 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m17 = 1 THEN 2 WHEN c.ok_m17 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m17,
    CASE WHEN r.r_m18 IS NOT NULL THEN r.r_m18 ELSE CASE WHEN c.miss_m18 = 1 THEN NULL WHEN c.ok_m18 = 1 THEN c.sum_m18 END END AS v_m18,
    CASE WHEN r.r_m18 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m18 = 1 THEN 2 WHEN c.ok_m18 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m18,
    CASE WHEN r.r_m19 IS NOT NULL THEN r.r_m19 ELSE CASE WHEN c.miss_m19 = 1 THEN NULL WHEN c.ok_m19 = 1 THEN c.sum_m19 END END AS v_m19,
    CASE WHEN r.r_m19 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m19 = 1 THEN 2 WHEN c.ok_m19 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m19,
    CASE WHEN r.r_m20 IS NOT NULL THEN r.r_m20 ELSE CASE WHEN c.miss_m20 = 1 THEN NULL WHEN c.ok_m20 = 1 THEN c.sum_m20 END END AS v_m20,
    CASE WHEN r.r_m20 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m20 = 1 THEN 2 WHEN c.ok_m20 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m20,
    r.r_m21 AS v_m21,
    CASE WHEN r.r_m21 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m21,
    CASE WHEN r.r_m22 IS NOT NULL THEN r.r_m22 ELSE CASE WHEN c.miss_m22 = 1 THEN NULL WHEN c.ok_m22 = 1 THEN c.sum_m22 END END AS v_m22,
    CASE WHEN r.r_m22 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m22 = 1 THEN 2 WHEN c.ok_m22 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m22,
    CASE WHEN r.r_m23 IS NOT NULL THEN r.r_m23 ELSE CASE WHEN c.miss_m23 = 1 THEN NULL WHEN c.ok_m23 = 1 THEN c.sum_m23 END END AS v_m23,
    CASE WHEN r.r_m23 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m23 = 1 THEN 2 WHEN c.ok_m23 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m23,
    r.r_m30 AS v_m30,
    CASE WHEN r.r_m30 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m30,
    CASE WHEN r.r_m31 IS NOT NULL THEN r.r_m31 ELSE CASE WHEN c.miss_m31 = 1 THEN NULL WHEN c.ok_m31 = 1 THEN c.sum_m31 END END AS v_m31,
    CASE WHEN r.r_m31 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m31 = 1 THEN 2 WHEN c.ok_m31 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m31,
    r.r_m32 AS v_m32,
    CASE WHEN r.r_m32 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m32,
    CASE WHEN r.r_m33 IS NOT NULL THEN r.r_m33 ELSE CASE WHEN c.miss_m33 = 1 THEN NULL WHEN c.ok_m33 = 1 THEN c.sum_m33 END END AS v_m33,
    CASE WHEN r.r_m33 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m33 = 1 THEN 2 WHEN c.ok_m33 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m33,
    CASE WHEN r.r_m34 IS NOT NULL THEN r.r_m34 ELSE CASE WHEN c.miss_m34 = 1 THEN NULL WHEN c.ok_m34 = 1 THEN c.sum_m34 END END AS v_m34,
    CASE WHEN r.r_m34 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m34 = 1 THEN 2 WHEN c.ok_m34 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m34,
    CASE WHEN r.r_m35 IS NOT NULL THEN r.r_m35 ELSE CASE WHEN c.miss_m35 = 1 THEN NULL WHEN c.ok_m35 = 1 THEN c.sum_m35 END END AS v_m35,
    CASE WHEN r.r_m35 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m35 = 1 THEN 2 WHEN c.ok_m35 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m35,
    CASE WHEN r.r_m36 IS NOT NULL THEN r.r_m36 ELSE CASE WHEN c.miss_m36 = 1 THEN NULL WHEN c.ok_m36 = 1 THEN c.sum_m36 END END AS v_m36,
    CASE WHEN r.r_m36 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m36 = 1 THEN 2 WHEN c.ok_m36 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m36,
    CASE WHEN r.r_m37 IS NOT NULL THEN r.r_m37 ELSE CASE WHEN c.miss_m37 = 1 THEN NULL WHEN c.ok_m37 = 1 THEN c.sum_m37 END END AS v_m37,
    CASE WHEN r.r_m37 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m37 = 1 THEN 2 WHEN c.ok_m37 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m37,
    CASE WHEN r.r_m38 IS NOT NULL THEN r.r_m38 ELSE CASE WHEN c.miss_m38 = 1 THEN NULL WHEN c.ok_m38 = 1 THEN c.sum_m38 END END AS v_m38,
    CASE WHEN r.r_m38 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m38 = 1 THEN 2 WHEN c.ok_m38 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m38,
    CASE WHEN r.r_m39 IS NOT NULL THEN r.r_m39 ELSE CASE WHEN c.miss_m39 = 1 THEN NULL WHEN c.ok_m39 = 1 THEN c.sum_m39 END END AS v_m39,
    CASE WHEN r.r_m39 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m39 = 1 THEN 2 WHEN c.ok_m39 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m39,
    CASE WHEN r.r_m41 IS NOT NULL THEN r.r_m41 ELSE CASE WHEN c.miss_m41 = 1 THEN NULL WHEN c.ok_m41 = 1 THEN c.sum_m41 END END AS v_m41,
    CASE WHEN r.r_m41 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m41 = 1 THEN 2 WHEN c.ok_m41 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m41,
    CASE WHEN r.r_m42 IS NOT NULL THEN r.r_m42 ELSE CASE WHEN c.miss_m42 = 1 THEN NULL WHEN c.ok_m42 = 1 THEN c.sum_m42 END END AS v_m42,
    CASE WHEN r.r_m42 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m42 = 1 THEN 2 WHEN c.ok_m42 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m42,
    CASE WHEN r.r_m43 IS NOT NULL THEN r.r_m43 ELSE CASE WHEN c.miss_m43 = 1 THEN NULL WHEN c.ok_m43 = 1 THEN c.sum_m43 END END AS v_m43,
    CASE WHEN r.r_m43 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m43 = 1 THEN 2 WHEN c.ok_m43 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m43,
    CASE WHEN r.r_m47 IS NOT NULL THEN r.r_m47 ELSE CASE WHEN c.miss_m47 = 1 THEN NULL WHEN c.ok_m47 = 1 THEN c.sum_m47 END END AS v_m47,
    CASE WHEN r.r_m47 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m47 = 1 THEN 2 WHEN c.ok_m47 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m47,
    CASE WHEN r.r_m48 IS NOT NULL THEN r.r_m48 ELSE CASE WHEN c.miss_m48 = 1 THEN NULL WHEN c.ok_m48 = 1 THEN c.sum_m48 END END AS v_m48,
    CASE WHEN r.r_m48 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m48 = 1 THEN 2 WHEN c.ok_m48 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m48,
    CASE WHEN r.r_m49 IS NOT NULL THEN r.r_m49 ELSE CASE WHEN c.miss_m49 = 1 THEN NULL WHEN c.ok_m49 = 1 THEN c.sum_m49 END END AS v_m49,
    CASE WHEN r.r_m49 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m49 = 1 THEN 2 WHEN c.ok_m49 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m49,
    CASE WHEN r.r_m50 IS NOT NULL THEN r.r_m50 ELSE CASE WHEN c.miss_m50 = 1 THEN NULL WHEN c.ok_m50 = 1 THEN c.sum_m50 END END AS v_m50,
    CASE WHEN r.r_m50 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m50 = 1 THEN 2 WHEN c.ok_m50 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m50,
    CASE WHEN r.r_m52 IS NOT NULL THEN r.r_m52 ELSE CASE WHEN c.miss_m52 = 1 THEN NULL WHEN c.ok_m52 = 1 THEN c.sum_m52 END END AS v_m52,
    CASE WHEN r.r_m52 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m52 = 1 THEN 2 WHEN c.ok_m52 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m52,
    CASE WHEN r.r_m53 IS NOT NULL THEN r.r_m53 ELSE CASE WHEN c.miss_m53 = 1 THEN NULL WHEN c.ok_m53 = 1 THEN c.sum_m53 END END AS v_m53,
    CASE WHEN r.r_m53 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m53 = 1 THEN 2 WHEN c.ok_m53 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m53,
    CASE WHEN r.r_m54 IS NOT NULL THEN r.r_m54 ELSE CASE WHEN c.miss_m54 = 1 THEN NULL WHEN c.ok_m54 = 1 THEN c.sum_m54 END END AS v_m54,
    CASE WHEN r.r_m54 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m54 = 1 THEN 2 WHEN c.ok_m54 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m54,
    CASE WHEN r.r_m55 IS NOT NULL THEN r.r_m55 ELSE CASE WHEN c.miss_m55 = 1 THEN NULL WHEN c.ok_m55 = 1 THEN c.sum_m55 END END AS v_m55,
    CASE WHEN r.r_m55 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m55 = 1 THEN 2 WHEN c.ok_m55 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m55,
    CASE WHEN r.r_m56 IS NOT NULL THEN r.r_m56 ELSE CASE WHEN c.miss_m56 = 1 THEN NULL WHEN c.ok_m56 = 1 THEN c.sum_m56 END END AS v_m56,
    CASE WHEN r.r_m56 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m56 = 1 THEN 2 WHEN c.ok_m56 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m56,
    CASE WHEN r.r_m57 IS NOT NULL THEN r.r_m57 ELSE CASE WHEN c.miss_m57 = 1 THEN NULL WHEN c.ok_m57 = 1 THEN c.sum_m57 END END AS v_m57,
    CASE WHEN r.r_m57 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m57 = 1 THEN 2 WHEN c.ok_m57 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m57,
    r.r_m73 AS v_m73,
    CASE WHEN r.r_m73 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m73,
    r.r_m74 AS v_m74,
    CASE WHEN r.r_m74 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m74,
    r.r_m75 AS v_m75,
    CASE WHEN r.r_m75 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m75,
    r.r_m76 AS v_m76,
    CASE WHEN r.r_m76 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m76
  FROM r
  LEFT JOIN (
    SELECT parent, COUNT(*) AS n,
      SUM(CASE WHEN s_m14 = 0 THEN v_m14 END) AS sum_m14,
      MAX(CASE WHEN s_m14 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m14,
      MAX(CASE WHEN s_m14 = 0 THEN 1 ELSE 0 END) AS ok_m14,
      SUM(CASE WHEN s_m15 = 0 THEN v_m15 END) AS sum_m15,
      MAX(CASE WHEN s_m15 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m15,
      MAX(CASE WHEN s_m15 = 0 THEN 1 ELSE 0 END) AS ok_m15,
      SUM(CASE WHEN s_m16 = 0 THEN v_m16 END) AS sum_m16,
      MAX(CASE WHEN s_m16 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m16,
      MAX(CASE WHEN s_m16 = 0 THEN 1 ELSE 0 END) AS ok_m16,
      SUM(CASE WHEN s_m17 = 0 THEN v_m17 END) AS sum_m17,
      MAX(CASE WHEN s_m17 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m17,
      MAX(CASE WHEN s_m17 = 0 THEN 1 ELSE 0 END) AS ok_m17,
      SUM(CASE WHEN s_m18 = 0 THEN v_m18 END) AS sum_m18,
      MAX(CASE WHEN s_m18 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m18,
      MAX(CASE WHEN s_m18 = 0 THEN 1 ELSE 0 END) AS ok_m18,
      SUM(CASE WHEN s_m19 = 0 THEN v_m19 END) AS sum_m19,
      MAX(CASE WHEN s_m19 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m19,
      MAX(CASE WHEN s_m19 = 0 THEN 1 ELSE 0 END) AS ok_m19,
      SUM(CASE WHEN s_m20 = 0 THEN v_m20 END) AS sum_m20,
      MAX(CASE WHEN s_m20 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m20,
      MAX(CASE WHEN s_m20 = 0 THEN 1 ELSE 0 END) AS ok_m20,
      SUM(CASE WHEN s_m22 = 0 THEN v_m22 END) AS sum_m22,
      MAX(CASE WHEN s_m22 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m22,
      MAX(CASE WHEN s_m22 = 0 THEN 1 ELSE 0 END) AS ok_m22,
      SUM(CASE WHEN s_m23 = 0 THEN v_m23 END) AS sum_m23,
      MAX(CASE WHEN s_m23 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m23,
      MAX(CASE WHEN s_m23 = 0 THEN 1 ELSE 0 END) AS ok_m23,
      SUM(CASE WHEN s_m31 = 0 THEN v_m31 END) AS sum_m31,
      MAX(CASE WHEN s_m31 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m31,
      MAX(CASE WHEN s_m31 = 0 THEN 1 ELSE 0 END) AS ok_m31,
      SUM(CASE WHEN s_m33 = 0 THEN v_m33 END) AS sum_m33,
      MAX(CASE WHEN s_m33 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m33,
      MAX(CASE WHEN s_m33 = 0 THEN 1 ELSE 0 END) AS ok_m33,
      SUM(CASE WHEN s_m34 = 0 THEN v_m34 END) AS sum_m34,
      MAX(CASE WHEN s_m34 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m34,
      MAX(CASE WHEN s_m34 = 0 THEN 1 ELSE 0 END) AS ok_m34,
      SUM(CASE WHEN s_m35 = 0 THEN v_m35 END) AS sum_m35,
      MAX(CASE WHEN s_m35 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m35,
      MAX(CASE WHEN s_m35 = 0 THEN 1 ELSE 0 END) AS ok_m35,
      SUM(CASE WHEN s_m36 = 0 THEN v_m36 END) AS sum_m36,
      MAX(CASE WHEN s_m36 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m36,
      MAX(CASE WHEN s_m36 = 0 THEN 1 ELSE 0 END) AS ok_m36,
      SUM(CASE WHEN s_m37 = 0 THEN v_m37 END) AS sum_m37,
      MAX(CASE WHEN s_m37 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m37,
      MAX(CASE WHEN s_m37 = 0 THEN 1 ELSE 0 END) AS ok_m37,
      SUM(CASE WHEN s_m38 = 0 THEN v_m38 END) AS sum_m38,
      MAX(CASE WHEN s_m38 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m38,
      MAX(CASE WHEN s_m38 = 0 THEN 1 ELSE 0 END) AS ok_m38,
      SUM(CASE WHEN s_m39 = 0 THEN v_m39 END) AS sum_m39,
      MAX(CASE WHEN s_m39 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m39,
      MAX(CASE WHEN s_m39 = 0 THEN 1 ELSE 0 END) AS ok_m39,
      SUM(CASE WHEN s_m41 = 0 THEN v_m41 END) AS sum_m41,
      MAX(CASE WHEN s_m41 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m41,
      MAX(CASE WHEN s_m41 = 0 THEN 1 ELSE 0 END) AS ok_m41,
      SUM(CASE WHEN s_m42 = 0 THEN v_m42 END) AS sum_m42,
      MAX(CASE WHEN s_m42 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m42,
      MAX(CASE WHEN s_m42 = 0 THEN 1 ELSE 0 END) AS ok_m42,
      SUM(CASE WHEN s_m43 = 0 THEN v_m43 END) AS sum_m43,
      MAX(CASE WHEN s_m43 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m43,
      MAX(CASE WHEN s_m43 = 0 THEN 1 ELSE 0 END) AS ok_m43,
      SUM(CASE WHEN s_m47 = 0 THEN v_m47 END) AS sum_m47,
      MAX(CASE WHEN s_m47 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m47,
      MAX(CASE WHEN s_m47 = 0 THEN 1 ELSE 0 END) AS ok_m47,
      SUM(CASE WHEN s_m48 = 0 THEN v_m48 END) AS sum_m48,
      MAX(CASE WHEN s_m48 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m48,
      MAX(CASE WHEN s_m48 = 0 THEN 1 ELSE 0 END) AS ok_m48,
      SUM(CASE WHEN s_m49 = 0 THEN v_m49 END) AS sum_m49,
      MAX(CASE WHEN s_m49 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m49,
      MAX(CASE WHEN s_m49 = 0 THEN 1 ELSE 0 END) AS ok_m49,
      SUM(CASE WHEN s_m50 = 0 THEN v_m50 END) AS sum_m50,
      MAX(CASE WHEN s_m50 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m50,
      MAX(CASE WHEN s_m50 = 0 THEN 1 ELSE 0 END) AS ok_m50,
      SUM(CASE WHEN s_m52 = 0 THEN v_m52 END) AS sum_m52,
      MAX(CASE WHEN s_m52 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m52,
      MAX(CASE WHEN s_m52 = 0 THEN 1 ELSE 0 END) AS ok_m52,
      SUM(CASE WHEN s_m53 = 0 THEN v_m53 END) AS sum_m53,
      MAX(CASE WHEN s_m53 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m53,
      MAX(CASE WHEN s_m53 = 0 THEN 1 ELSE 0 END) AS ok_m53,
      SUM(CASE WHEN s_m54 = 0 THEN v_m54 END) AS sum_m54,
      MAX(CASE WHEN s_m54 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m54,
      MAX(CASE WHEN s_m54 = 0 THEN 1 ELSE 0 END) AS ok_m54,
      SUM(CASE WHEN s_m55 = 0 THEN v_m55 END) AS sum_m55,
      MAX(CASE WHEN s_m55 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m55,
      MAX(CASE WHEN s_m55 = 0 THEN 1 ELSE 0 END) AS ok_m55,
      SUM(CASE WHEN s_m56 = 0 THEN v_m56 END) AS sum_m56,
      MAX(CASE WHEN s_m56 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m56,
      MAX(CASE WHEN s_m56 = 0 THEN 1 ELSE 0 END) AS ok_m56,
      SUM(CASE WHEN s_m57 = 0 THEN v_m57 END) AS sum_m57,
      MAX(CASE WHEN s_m57 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m57,
      MAX(CASE WHEN s_m57 = 0 THEN 1 ELSE 0 END) AS ok_m57
    FROM e WHERE parent IS NOT NULL GROUP BY parent
  ) c ON c.parent = r.id
),
e1 AS (
  SELECT r.*,
    r.r_m1 AS v_m1,
    CASE WHEN r.r_m1 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m1,
    CASE WHEN r.r_m14 IS NOT NULL THEN r.r_m14 ELSE CASE WHEN c.miss_m14 = 1 THEN NULL WHEN c.ok_m14 = 1 THEN c.sum_m14 END END AS v_m14,
    CASE WHEN r.r_m14 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m14 = 1 THEN 2 WHEN c.ok_m14 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m14,
    CASE WHEN r.r_m15 IS NOT NULL THEN r.r_m15 ELSE CASE WHEN c.miss_m15 = 1 THEN NULL WHEN c.ok_m15 = 1 THEN c.sum_m15 END END AS v_m15,
    CASE WHEN r.r_m15 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m15 = 1 THEN 2 WHEN c.ok_m15 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m15,
    CASE WHEN r.r_m16 IS NOT NULL THEN r.r_m16 ELSE CASE WHEN c.miss_m16 = 1 THEN NULL WHEN c.ok_m16 = 1 THEN c.sum_m16 END END AS v_m16,
    CASE WHEN r.r_m16 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m16 = 1 THEN 2 WHEN c.ok_m16 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m16,
    CASE WHEN r.r_m17 IS NOT NULL THEN r.r_m17 ELSE CASE WHEN c.miss_m17 = 1 THEN NULL WHEN c.ok_m17 = 1 THEN c.sum_m17 END END AS v_m17,
    CASE WHEN r.r_m17 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m17 = 1 THEN 2 WHEN c.ok_m17 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m17,
    CASE WHEN r.r_m18 IS NOT NULL THEN r.r_m18 ELSE CASE WHEN c.miss_m18 = 1 THEN NULL WHEN c.ok_m18 = 1 THEN c.sum_m18 END END AS v_m18,
    CASE WHEN r.r_m18 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m18 = 1 THEN 2 WHEN c.ok_m18 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m18,
    CASE WHEN r.r_m19 IS NOT NULL THEN r.r_m19 ELSE CASE WHEN c.miss_m19 = 1 THEN NULL WHEN c.ok_m19 = 1 THEN c.sum_m19 END END AS v_m19,
    CASE WHEN r.r_m19 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m19 = 1 THEN 2 WHEN c.ok_m19 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m19,
    CASE WHEN r.r_m20 IS NOT NULL THEN r.r_m20 ELSE CASE WHEN c.miss_m20 = 1 THEN NULL WHEN c.ok_m20 = 1 THEN c.sum_m20 END END AS v_m20,
    CASE WHEN r.r_m20 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m20 = 1 THEN 2 WHEN c.ok_m20 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m20,
    r.r_m21 AS v_m21,
    CASE WHEN r.r_m21 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m21,
    CASE WHEN r.r_m22 IS NOT NULL THEN r.r_m22 ELSE CASE WHEN c.miss_m22 = 1 THEN NULL WHEN c.ok_m22 = 1 THEN c.sum_m22 END END AS v_m22,
    CASE WHEN r.r_m22 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m22 = 1 THEN 2 WHEN c.ok_m22 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m22,
    CASE WHEN r.r_m23 IS NOT NULL THEN r.r_m23 ELSE CASE WHEN c.miss_m23 = 1 THEN NULL WHEN c.ok_m23 = 1 THEN c.sum_m23 END END AS v_m23,
    CASE WHEN r.r_m23 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m23 = 1 THEN 2 WHEN c.ok_m23 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m23,
    r.r_m30 AS v_m30,
    CASE WHEN r.r_m30 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m30,
    CASE WHEN r.r_m31 IS NOT NULL THEN r.r_m31 ELSE CASE WHEN c.miss_m31 = 1 THEN NULL WHEN c.ok_m31 = 1 THEN c.sum_m31 END END AS v_m31,
    CASE WHEN r.r_m31 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m31 = 1 THEN 2 WHEN c.ok_m31 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m31,
    r.r_m32 AS v_m32,
    CASE WHEN r.r_m32 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m32,
    CASE WHEN r.r_m33 IS NOT NULL THEN r.r_m33 ELSE CASE WHEN c.miss_m33 = 1 THEN NULL WHEN c.ok_m33 = 1 THEN c.sum_m33 END END AS v_m33,
    CASE WHEN r.r_m33 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m33 = 1 THEN 2 WHEN c.ok_m33 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m33,
    CASE WHEN r.r_m34 IS NOT NULL THEN r.r_m34 ELSE CASE WHEN c.miss_m34 = 1 THEN NULL WHEN c.ok_m34 = 1 THEN c.sum_m34 END END AS v_m34,
    CASE WHEN r.r_m34 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m34 = 1 THEN 2 WHEN c.ok_m34 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m34,
    CASE WHEN r.r_m35 IS NOT NULL THEN r.r_m35 ELSE CASE WHEN c.miss_m35 = 1 THEN NULL WHEN c.ok_m35 = 1 THEN c.sum_m35 END END AS v_m35,
    CASE WHEN r.r_m35 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m35 = 1 THEN 2 WHEN c.ok_m35 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m35,
    CASE WHEN r.r_m36 IS NOT NULL THEN r.r_m36 ELSE CASE WHEN c.miss_m36 = 1 THEN NULL WHEN c.ok_m36 = 1 THEN c.sum_m36 END END AS v_m36,
    CASE WHEN r.r_m36 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m36 = 1 THEN 2 WHEN c.ok_m36 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m36,
    CASE WHEN r.r_m37 IS NOT NULL THEN r.r_m37 ELSE CASE WHEN c.miss_m37 = 1 THEN NULL WHEN c.ok_m37 = 1 THEN c.sum_m37 END END AS v_m37,
    CASE WHEN r.r_m37 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m37 = 1 THEN 2 WHEN c.ok_m37 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m37,
    CASE WHEN r.r_m38 IS NOT NULL THEN r.r_m38 ELSE CASE WHEN c.miss_m38 = 1 THEN NULL WHEN c.ok_m38 = 1 THEN c.sum_m38 END END AS v_m38,
    CASE WHEN r.r_m38 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m38 = 1 THEN 2 WHEN c.ok_m38 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m38,
    CASE WHEN r.r_m39 IS NOT NULL THEN r.r_m39 ELSE CASE WHEN c.miss_m39 = 1 THEN NULL WHEN c.ok_m39 = 1 THEN c.sum_m39 END END AS v_m39,
    CASE WHEN r.r_m39 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m39 = 1 THEN 2 WHEN c.ok_m39 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m39,
    CASE WHEN r.r_m41 IS NOT NULL THEN r.r_m41 ELSE CASE WHEN c.miss_m41 = 1 THEN NULL WHEN c.ok_m41 = 1 THEN c.sum_m41 END END AS v_m41,
    CASE WHEN r.r_m41 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m41 = 1 THEN 2 WHEN c.ok_m41 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m41,
    CASE WHEN r.r_m42 IS NOT NULL THEN r.r_m42 ELSE CASE WHEN c.miss_m42 = 1 THEN NULL WHEN c.ok_m42 = 1 THEN c.sum_m42 END END AS v_m42,
    CASE WHEN r.r_m42 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m42 = 1 THEN 2 WHEN c.ok_m42 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m42,
    CASE WHEN r.r_m43 IS NOT NULL THEN r.r_m43 ELSE CASE WHEN c.miss_m43 = 1 THEN NULL WHEN c.ok_m43 = 1 THEN c.sum_m43 END END AS v_m43,
    CASE WHEN r.r_m43 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m43 = 1 THEN 2 WHEN c.ok_m43 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m43,
    CASE WHEN r.r_m47 IS NOT NULL THEN r.r_m47 ELSE CASE WHEN c.miss_m47 = 1 THEN NULL WHEN c.ok_m47 = 1 THEN c.sum_m47 END END AS v_m47,
    CASE WHEN r.r_m47 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m47 = 1 THEN 2 WHEN c.ok_m47 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m47,
    CASE WHEN r.r_m48 IS NOT NULL THEN r.r_m48 ELSE CASE WHEN c.miss_m48 = 1 THEN NULL WHEN c.ok_m48 = 1 THEN c.sum_m48 END END AS v_m48,
    CASE WHEN r.r_m48 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m48 = 1 THEN 2 WHEN c.ok_m48 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m48,
    CASE WHEN r.r_m49 IS NOT NULL THEN r.r_m49 ELSE CASE WHEN c.miss_m49 = 1 THEN NULL WHEN c.ok_m49 = 1 THEN c.sum_m49 END END AS v_m49,
    CASE WHEN r.r_m49 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m49 = 1 THEN 2 WHEN c.ok_m49 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m49,
    CASE WHEN r.r_m50 IS NOT NULL THEN r.r_m50 ELSE CASE WHEN c.miss_m50 = 1 THEN NULL WHEN c.ok_m50 = 1 THEN c.sum_m50 END END AS v_m50,
    CASE WHEN r.r_m50 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m50 = 1 THEN 2 WHEN c.ok_m50 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m50,
    CASE WHEN r.r_m52 IS NOT NULL THEN r.r_m52 ELSE CASE WHEN c.miss_m52 = 1 THEN NULL WHEN c.ok_m52 = 1 THEN c.sum_m52 END END AS v_m52,
    CASE WHEN r.r_m52 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m52 = 1 THEN 2 WHEN c.ok_m52 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m52,
    CASE WHEN r.r_m53 IS NOT NULL THEN r.r_m53 ELSE CASE WHEN c.miss_m53 = 1 THEN NULL WHEN c.ok_m53 = 1 THEN c.sum_m53 END END AS v_m53,
    CASE WHEN r.r_m53 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m53 = 1 THEN 2 WHEN c.ok_m53 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m53,
    CASE WHEN r.r_m54 IS NOT NULL THEN r.r_m54 ELSE CASE WHEN c.miss_m54 = 1 THEN NULL WHEN c.ok_m54 = 1 THEN c.sum_m54 END END AS v_m54,
    CASE WHEN r.r_m54 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m54 = 1 THEN 2 WHEN c.ok_m54 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m54,
    CASE WHEN r.r_m55 IS NOT NULL THEN r.r_m55 ELSE CASE WHEN c.miss_m55 = 1 THEN NULL WHEN c.ok_m55 = 1 THEN c.sum_m55 END END AS v_m55,
    CASE WHEN r.r_m55 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m55 = 1 THEN 2 WHEN c.ok_m55 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m55,
    CASE WHEN r.r_m56 IS NOT NULL THEN r.r_m56 ELSE CASE WHEN c.miss_m56 = 1 THEN NULL WHEN c.ok_m56 = 1 THEN c.sum_m56 END END AS v_m56,
    CASE WHEN r.r_m56 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m56 = 1 THEN 2 WHEN c.ok_m56 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m56,
    CASE WHEN r.r_m57 IS NOT NULL THEN r.r_m57 ELSE CASE WHEN c.miss_m57 = 1 THEN NULL WHEN c.ok_m57 = 1 THEN c.sum_m57 END END AS v_m57,
    CASE WHEN r.r_m57 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m57 = 1 THEN 2 WHEN c.ok_m57 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m57,
    r.r_m73 AS v_m73,
    CASE WHEN r.r_m73 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m73,
    r.r_m74 AS v_m74,
    CASE WHEN r.r_m74 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m74,
    r.r_m75 AS v_m75,
    CASE WHEN r.r_m75 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m75,
    r.r_m76 AS v_m76,
    CASE WHEN r.r_m76 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m76
  FROM r
  LEFT JOIN (
    SELECT parent, COUNT(*) AS n,
      SUM(CASE WHEN s_m14 = 0 THEN v_m14 END) AS sum_m14,
      MAX(CASE WHEN s_m14 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m14,
      MAX(CASE WHEN s_m14 = 0 THEN 1 ELSE 0 END) AS ok_m14,
      SUM(CASE WHEN s_m15 = 0 THEN v_m15 END) AS sum_m15,
      MAX(CASE WHEN s_m15 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m15,
      MAX(CASE WHEN s_m15 = 0 THEN 1 ELSE 0 END) AS ok_m15,
      SUM(CASE WHEN s_m16 = 0 THEN v_m16 END) AS sum_m16,
      MAX(CASE WHEN s_m16 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m16,
      MAX(CASE WHEN s_m16 = 0 THEN 1 ELSE 0 END) AS ok_m16,
      SUM(CASE WHEN s_m17 = 0 THEN v_m17 END) AS sum_m17,
      MAX(CASE WHEN s_m17 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m17,
      MAX(CASE WHEN s_m17 = 0 THEN 1 ELSE 0 END) AS ok_m17,
      SUM(CASE WHEN s_m18 = 0 THEN v_m18 END) AS sum_m18,
      MAX(CASE WHEN s_m18 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m18,
      MAX(CASE WHEN s_m18 = 0 THEN 1 ELSE 0 END) AS ok_m18,
      SUM(CASE WHEN s_m19 = 0 THEN v_m19 END) AS sum_m19,
      MAX(CASE WHEN s_m19 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m19,
      MAX(CASE WHEN s_m19 = 0 THEN 1 ELSE 0 END) AS ok_m19,
      SUM(CASE WHEN s_m20 = 0 THEN v_m20 END) AS sum_m20,
      MAX(CASE WHEN s_m20 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m20,
      MAX(CASE WHEN s_m20 = 0 THEN 1 ELSE 0 END) AS ok_m20,
      SUM(CASE WHEN s_m22 = 0 THEN v_m22 END) AS sum_m22,
      MAX(CASE WHEN s_m22 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m22,
      MAX(CASE WHEN s_m22 = 0 THEN 1 ELSE 0 END) AS ok_m22,
      SUM(CASE WHEN s_m23 = 0 THEN v_m23 END) AS sum_m23,
      MAX(CASE WHEN s_m23 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m23,
      MAX(CASE WHEN s_m23 = 0 THEN 1 ELSE 0 END) AS ok_m23,
      SUM(CASE WHEN s_m31 = 0 THEN v_m31 END) AS sum_m31,
      MAX(CASE WHEN s_m31 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m31,
      MAX(CASE WHEN s_m31 = 0 THEN 1 ELSE 0 END) AS ok_m31,
      SUM(CASE WHEN s_m33 = 0 THEN v_m33 END) AS sum_m33,
      MAX(CASE WHEN s_m33 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m33,
      MAX(CASE WHEN s_m33 = 0 THEN 1 ELSE 0 END) AS ok_m33,
      SUM(CASE WHEN s_m34 = 0 THEN v_m34 END) AS sum_m34,
      MAX(CASE WHEN s_m34 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m34,
      MAX(CASE WHEN s_m34 = 0 THEN 1 ELSE 0 END) AS ok_m34,
      SUM(CASE WHEN s_m35 = 0 THEN v_m35 END) AS sum_m35,
      MAX(CASE WHEN s_m35 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m35,
      MAX(CASE WHEN s_m35 = 0 THEN 1 ELSE 0 END) AS ok_m35,
      SUM(CASE WHEN s_m36 = 0 THEN v_m36 END) AS sum_m36,
      MAX(CASE WHEN s_m36 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m36,
      MAX(CASE WHEN s_m36 = 0 THEN 1 ELSE 0 END) AS ok_m36,
      SUM(CASE WHEN s_m37 = 0 THEN v_m37 END) AS sum_m37,
      MAX(CASE WHEN s_m37 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m37,
      MAX(CASE WHEN s_m37 = 0 THEN 1 ELSE 0 END) AS ok_m37,
      SUM(CASE WHEN s_m38 = 0 THEN v_m38 END) AS sum_m38,
      MAX(CASE WHEN s_m38 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m38,
      MAX(CASE WHEN s_m38 = 0 THEN 1 ELSE 0 END) AS ok_m38,
      SUM(CASE WHEN s_m39 = 0 THEN v_m39 END) AS sum_m39,
      MAX(CASE WHEN s_m39 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m39,
      MAX(CASE WHEN s_m39 = 0 THEN 1 ELSE 0 END) AS ok_m39,
      SUM(CASE WHEN s_m41 = 0 THEN v_m41 END) AS sum_m41,
      MAX(CASE WHEN s_m41 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m41,
      MAX(CASE WHEN s_m41 = 0 THEN 1 ELSE 0 END) AS ok_m41,
      SUM(CASE WHEN s_m42 = 0 THEN v_m42 END) AS sum_m42,
      MAX(CASE WHEN s_m42 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m42,
      MAX(CASE WHEN s_m42 = 0 THEN 1 ELSE 0 END) AS ok_m42,
      SUM(CASE WHEN s_m43 = 0 THEN v_m43 END) AS sum_m43,
      MAX(CASE WHEN s_m43 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m43,
      MAX(CASE WHEN s_m43 = 0 THEN 1 ELSE 0 END) AS ok_m43,
      SUM(CASE WHEN s_m47 = 0 THEN v_m47 END) AS sum_m47,
      MAX(CASE WHEN s_m47 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m47,
      MAX(CASE WHEN s_m47 = 0 THEN 1 ELSE 0 END) AS ok_m47,
      SUM(CASE WHEN s_m48 = 0 THEN v_m48 END) AS sum_m48,
      MAX(CASE WHEN s_m48 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m48,
      MAX(CASE WHEN s_m48 = 0 THEN 1 ELSE 0 END) AS ok_m48,
      SUM(CASE WHEN s_m49 = 0 THEN v_m49 END) AS sum_m49,
      MAX(CASE WHEN s_m49 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m49,
      MAX(CASE WHEN s_m49 = 0 THEN 1 ELSE 0 END) AS ok_m49,
      SUM(CASE WHEN s_m50 = 0 THEN v_m50 END) AS sum_m50,
      MAX(CASE WHEN s_m50 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m50,
      MAX(CASE WHEN s_m50 = 0 THEN 1 ELSE 0 END) AS ok_m50,
      SUM(CASE WHEN s_m52 = 0 THEN v_m52 END) AS sum_m52,
      MAX(CASE WHEN s_m52 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m52,
      MAX(CASE WHEN s_m52 = 0 THEN 1 ELSE 0 END) AS ok_m52,
      SUM(CASE WHEN s_m53 = 0 THEN v_m53 END) AS sum_m53,
      MAX(CASE WHEN s_m53 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m53,
      MAX(CASE WHEN s_m53 = 0 THEN 1 ELSE 0 END) AS ok_m53,
      SUM(CASE WHEN s_m54 = 0 THEN v_m54 END) AS sum_m54,
      MAX(CASE WHEN s_m54 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m54,
      MAX(CASE WHEN s_m54 = 0 THEN 1 ELSE 0 END) AS ok_m54,
      SUM(CASE WHEN s_m55 = 0 THEN v_m55 END) AS sum_m55,
      MAX(CASE WHEN s_m55 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m55,
      MAX(CASE WHEN s_m55 = 0 THEN 1 ELSE 0 END) AS ok_m55,
      SUM(CASE WHEN s_m56 = 0 THEN v_m56 END) AS sum_m56,
      MAX(CASE WHEN s_m56 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m56,
      MAX(CASE WHEN s_m56 = 0 THEN 1 ELSE 0 END) AS ok_m56,
      SUM(CASE WHEN s_m57 = 0 THEN v_m57 END) AS sum_m57,
      MAX(CASE WHEN s_m57 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m57,
      MAX(CASE WHEN s_m57 = 0 THEN 1 ELSE 0 END) AS ok_m57
    FROM e0 WHERE parent IS NOT NULL GROUP BY parent
  ) c ON c.parent = r.id
),
e2 AS (
  SELECT r.*,
    r.r_m1 AS v_m1,
    CASE WHEN r.r_m1 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m1,
    CASE WHEN r.r_m14 IS NOT NULL THEN r.r_m14 ELSE CASE WHEN c.miss_m14 = 1 THEN NULL WHEN c.ok_m14 = 1 THEN c.sum_m14 END END AS v_m14,
    CASE WHEN r.r_m14 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m14 = 1 THEN 2 WHEN c.ok_m14 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m14,
    CASE WHEN r.r_m15 IS NOT NULL THEN r.r_m15 ELSE CASE WHEN c.miss_m15 = 1 THEN NULL WHEN c.ok_m15 = 1 THEN c.sum_m15 END END AS v_m15,
    CASE WHEN r.r_m15 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m15 = 1 THEN 2 WHEN c.ok_m15 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m15,
    CASE WHEN r.r_m16 IS NOT NULL THEN r.r_m16 ELSE CASE WHEN c.miss_m16 = 1 THEN NULL WHEN c.ok_m16 = 1 THEN c.sum_m16 END END AS v_m16,
    CASE WHEN r.r_m16 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m16 = 1 THEN 2 WHEN c.ok_m16 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m16,
    CASE WHEN r.r_m17 IS NOT NULL THEN r.r_m17 ELSE CASE WHEN c.miss_m17 = 1 THEN NULL WHEN c.ok_m17 = 1 THEN c.sum_m17 END END AS v_m17,
    CASE WHEN r.r_m17 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m17 = 1 THEN 2 WHEN c.ok_m17 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m17,
    CASE WHEN r.r_m18 IS NOT NULL THEN r.r_m18 ELSE CASE WHEN c.miss_m18 = 1 THEN NULL WHEN c.ok_m18 = 1 THEN c.sum_m18 END END AS v_m18,
    CASE WHEN r.r_m18 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m18 = 1 THEN 2 WHEN c.ok_m18 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m18,
    CASE WHEN r.r_m19 IS NOT NULL THEN r.r_m19 ELSE CASE WHEN c.miss_m19 = 1 THEN NULL WHEN c.ok_m19 = 1 THEN c.sum_m19 END END AS v_m19,
    CASE WHEN r.r_m19 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m19 = 1 THEN 2 WHEN c.ok_m19 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m19,
    CASE WHEN r.r_m20 IS NOT NULL THEN r.r_m20 ELSE CASE WHEN c.miss_m20 = 1 THEN NULL WHEN c.ok_m20 = 1 THEN c.sum_m20 END END AS v_m20,
    CASE WHEN r.r_m20 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m20 = 1 THEN 2 WHEN c.ok_m20 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m20,
    r.r_m21 AS v_m21,
    CASE WHEN r.r_m21 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m21,
    CASE WHEN r.r_m22 IS NOT NULL THEN r.r_m22 ELSE CASE WHEN c.miss_m22 = 1 THEN NULL WHEN c.ok_m22 = 1 THEN c.sum_m22 END END AS v_m22,
    CASE WHEN r.r_m22 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m22 = 1 THEN 2 WHEN c.ok_m22 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m22,
    CASE WHEN r.r_m23 IS NOT NULL THEN r.r_m23 ELSE CASE WHEN c.miss_m23 = 1 THEN NULL WHEN c.ok_m23 = 1 THEN c.sum_m23 END END AS v_m23,
    CASE WHEN r.r_m23 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m23 = 1 THEN 2 WHEN c.ok_m23 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m23,
    r.r_m30 AS v_m30,
    CASE WHEN r.r_m30 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m30,
    CASE WHEN r.r_m31 IS NOT NULL THEN r.r_m31 ELSE CASE WHEN c.miss_m31 = 1 THEN NULL WHEN c.ok_m31 = 1 THEN c.sum_m31 END END AS v_m31,
    CASE WHEN r.r_m31 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m31 = 1 THEN 2 WHEN c.ok_m31 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m31,
    r.r_m32 AS v_m32,
    CASE WHEN r.r_m32 IS NOT NULL THEN 0 WHEN r.rb1 THEN 2 ELSE 3 END AS s_m32,
    CASE WHEN r.r_m33 IS NOT NULL THEN r.r_m33 ELSE CASE WHEN c.miss_m33 = 1 THEN NULL WHEN c.ok_m33 = 1 THEN c.sum_m33 END END AS v_m33,
    CASE WHEN r.r_m33 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m33 = 1 THEN 2 WHEN c.ok_m33 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m33,
    CASE WHEN r.r_m34 IS NOT NULL THEN r.r_m34 ELSE CASE WHEN c.miss_m34 = 1 THEN NULL WHEN c.ok_m34 = 1 THEN c.sum_m34 END END AS v_m34,
    CASE WHEN r.r_m34 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m34 = 1 THEN 2 WHEN c.ok_m34 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m34,
    CASE WHEN r.r_m35 IS NOT NULL THEN r.r_m35 ELSE CASE WHEN c.miss_m35 = 1 THEN NULL WHEN c.ok_m35 = 1 THEN c.sum_m35 END END AS v_m35,
    CASE WHEN r.r_m35 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m35 = 1 THEN 2 WHEN c.ok_m35 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m35,
    CASE WHEN r.r_m36 IS NOT NULL THEN r.r_m36 ELSE CASE WHEN c.miss_m36 = 1 THEN NULL WHEN c.ok_m36 = 1 THEN c.sum_m36 END END AS v_m36,
    CASE WHEN r.r_m36 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m36 = 1 THEN 2 WHEN c.ok_m36 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m36,
    CASE WHEN r.r_m37 IS NOT NULL THEN r.r_m37 ELSE CASE WHEN c.miss_m37 = 1 THEN NULL WHEN c.ok_m37 = 1 THEN c.sum_m37 END END AS v_m37,
    CASE WHEN r.r_m37 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m37 = 1 THEN 2 WHEN c.ok_m37 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m37,
    CASE WHEN r.r_m38 IS NOT NULL THEN r.r_m38 ELSE CASE WHEN c.miss_m38 = 1 THEN NULL WHEN c.ok_m38 = 1 THEN c.sum_m38 END END AS v_m38,
    CASE WHEN r.r_m38 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m38 = 1 THEN 2 WHEN c.ok_m38 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m38,
    CASE WHEN r.r_m39 IS NOT NULL THEN r.r_m39 ELSE CASE WHEN c.miss_m39 = 1 THEN NULL WHEN c.ok_m39 = 1 THEN c.sum_m39 END END AS v_m39,
    CASE WHEN r.r_m39 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m39 = 1 THEN 2 WHEN c.ok_m39 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m39,
    CASE WHEN r.r_m41 IS NOT NULL THEN r.r_m41 ELSE CASE WHEN c.miss_m41 = 1 THEN NULL WHEN c.ok_m41 = 1 THEN c.sum_m41 END END AS v_m41,
    CASE WHEN r.r_m41 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m41 = 1 THEN 2 WHEN c.ok_m41 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m41,
    CASE WHEN r.r_m42 IS NOT NULL THEN r.r_m42 ELSE CASE WHEN c.miss_m42 = 1 THEN NULL WHEN c.ok_m42 = 1 THEN c.sum_m42 END END AS v_m42,
    CASE WHEN r.r_m42 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m42 = 1 THEN 2 WHEN c.ok_m42 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m42,
    CASE WHEN r.r_m43 IS NOT NULL THEN r.r_m43 ELSE CASE WHEN c.miss_m43 = 1 THEN NULL WHEN c.ok_m43 = 1 THEN c.sum_m43 END END AS v_m43,
    CASE WHEN r.r_m43 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m43 = 1 THEN 2 WHEN c.ok_m43 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m43,
    CASE WHEN r.r_m47 IS NOT NULL THEN r.r_m47 ELSE CASE WHEN c.miss_m47 = 1 THEN NULL WHEN c.ok_m47 = 1 THEN c.sum_m47 END END AS v_m47,
    CASE WHEN r.r_m47 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m47 = 1 THEN 2 WHEN c.ok_m47 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m47,
    CASE WHEN r.r_m48 IS NOT NULL THEN r.r_m48 ELSE CASE WHEN c.miss_m48 = 1 THEN NULL WHEN c.ok_m48 = 1 THEN c.sum_m48 END END AS v_m48,
    CASE WHEN r.r_m48 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m48 = 1 THEN 2 WHEN c.ok_m48 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m48,
    CASE WHEN r.r_m49 IS NOT NULL THEN r.r_m49 ELSE CASE WHEN c.miss_m49 = 1 THEN NULL WHEN c.ok_m49 = 1 THEN c.sum_m49 END END AS v_m49,
    CASE WHEN r.r_m49 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m49 = 1 THEN 2 WHEN c.ok_m49 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m49,
    CASE WHEN r.r_m50 IS NOT NULL THEN r.r_m50 ELSE CASE WHEN c.miss_m50 = 1 THEN NULL WHEN c.ok_m50 = 1 THEN c.sum_m50 END END AS v_m50,
    CASE WHEN r.r_m50 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m50 = 1 THEN 2 WHEN c.ok_m50 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m50,
    CASE WHEN r.r_m52 IS NOT NULL THEN r.r_m52 ELSE CASE WHEN c.miss_m52 = 1 THEN NULL WHEN c.ok_m52 = 1 THEN c.sum_m52 END END AS v_m52,
    CASE WHEN r.r_m52 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m52 = 1 THEN 2 WHEN c.ok_m52 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m52,
    CASE WHEN r.r_m53 IS NOT NULL THEN r.r_m53 ELSE CASE WHEN c.miss_m53 = 1 THEN NULL WHEN c.ok_m53 = 1 THEN c.sum_m53 END END AS v_m53,
    CASE WHEN r.r_m53 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m53 = 1 THEN 2 WHEN c.ok_m53 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m53,
    CASE WHEN r.r_m54 IS NOT NULL THEN r.r_m54 ELSE CASE WHEN c.miss_m54 = 1 THEN NULL WHEN c.ok_m54 = 1 THEN c.sum_m54 END END AS v_m54,
    CASE WHEN r.r_m54 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m54 = 1 THEN 2 WHEN c.ok_m54 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m54,
    CASE WHEN r.r_m55 IS NOT NULL THEN r.r_m55 ELSE CASE WHEN c.miss_m55 = 1 THEN NULL WHEN c.ok_m55 = 1 THEN c.sum_m55 END END AS v_m55,
    CASE WHEN r.r_m55 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m55 = 1 THEN 2 WHEN c.ok_m55 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m55,
    CASE WHEN r.r_m56 IS NOT NULL THEN r.r_m56 ELSE CASE WHEN c.miss_m56 = 1 THEN NULL WHEN c.ok_m56 = 1 THEN c.sum_m56 END END AS v_m56,
    CASE WHEN r.r_m56 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m56 = 1 THEN 2 WHEN c.ok_m56 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m56,
    CASE WHEN r.r_m57 IS NOT NULL THEN r.r_m57 ELSE CASE WHEN c.miss_m57 = 1 THEN NULL WHEN c.ok_m57 = 1 THEN c.sum_m57 END END AS v_m57,
    CASE WHEN r.r_m57 IS NOT NULL THEN 0 ELSE CASE WHEN c.miss_m57 = 1 THEN 2 WHEN c.ok_m57 = 1 THEN 0 WHEN (r.rb1 OR (c.n IS NULL AND r.level <> 'school')) THEN 2 ELSE 3 END END AS s_m57,
    r.r_m73 AS v_m73,
    CASE WHEN r.r_m73 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m73,
    r.r_m74 AS v_m74,
    CASE WHEN r.r_m74 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m74,
    r.r_m75 AS v_m75,
    CASE WHEN r.r_m75 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m75,
    r.r_m76 AS v_m76,
    CASE WHEN r.r_m76 IS NOT NULL THEN 0 WHEN r.rb9 THEN 2 ELSE 3 END AS s_m76
  FROM r
  LEFT JOIN (
    SELECT parent, COUNT(*) AS n,
      SUM(CASE WHEN s_m14 = 0 THEN v_m14 END) AS sum_m14,
      MAX(CASE WHEN s_m14 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m14,
      MAX(CASE WHEN s_m14 = 0 THEN 1 ELSE 0 END) AS ok_m14,
      SUM(CASE WHEN s_m15 = 0 THEN v_m15 END) AS sum_m15,
      MAX(CASE WHEN s_m15 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m15,
      MAX(CASE WHEN s_m15 = 0 THEN 1 ELSE 0 END) AS ok_m15,
      SUM(CASE WHEN s_m16 = 0 THEN v_m16 END) AS sum_m16,
      MAX(CASE WHEN s_m16 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m16,
      MAX(CASE WHEN s_m16 = 0 THEN 1 ELSE 0 END) AS ok_m16,
      SUM(CASE WHEN s_m17 = 0 THEN v_m17 END) AS sum_m17,
      MAX(CASE WHEN s_m17 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m17,
      MAX(CASE WHEN s_m17 = 0 THEN 1 ELSE 0 END) AS ok_m17,
      SUM(CASE WHEN s_m18 = 0 THEN v_m18 END) AS sum_m18,
      MAX(CASE WHEN s_m18 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m18,
      MAX(CASE WHEN s_m18 = 0 THEN 1 ELSE 0 END) AS ok_m18,
      SUM(CASE WHEN s_m19 = 0 THEN v_m19 END) AS sum_m19,
      MAX(CASE WHEN s_m19 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m19,
      MAX(CASE WHEN s_m19 = 0 THEN 1 ELSE 0 END) AS ok_m19,
      SUM(CASE WHEN s_m20 = 0 THEN v_m20 END) AS sum_m20,
      MAX(CASE WHEN s_m20 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m20,
      MAX(CASE WHEN s_m20 = 0 THEN 1 ELSE 0 END) AS ok_m20,
      SUM(CASE WHEN s_m22 = 0 THEN v_m22 END) AS sum_m22,
      MAX(CASE WHEN s_m22 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m22,
      MAX(CASE WHEN s_m22 = 0 THEN 1 ELSE 0 END) AS ok_m22,
      SUM(CASE WHEN s_m23 = 0 THEN v_m23 END) AS sum_m23,
      MAX(CASE WHEN s_m23 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m23,
      MAX(CASE WHEN s_m23 = 0 THEN 1 ELSE 0 END) AS ok_m23,
      SUM(CASE WHEN s_m31 = 0 THEN v_m31 END) AS sum_m31,
      MAX(CASE WHEN s_m31 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m31,
      MAX(CASE WHEN s_m31 = 0 THEN 1 ELSE 0 END) AS ok_m31,
      SUM(CASE WHEN s_m33 = 0 THEN v_m33 END) AS sum_m33,
      MAX(CASE WHEN s_m33 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m33,
      MAX(CASE WHEN s_m33 = 0 THEN 1 ELSE 0 END) AS ok_m33,
      SUM(CASE WHEN s_m34 = 0 THEN v_m34 END) AS sum_m34,
      MAX(CASE WHEN s_m34 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m34,
      MAX(CASE WHEN s_m34 = 0 THEN 1 ELSE 0 END) AS ok_m34,
      SUM(CASE WHEN s_m35 = 0 THEN v_m35 END) AS sum_m35,
      MAX(CASE WHEN s_m35 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m35,
      MAX(CASE WHEN s_m35 = 0 THEN 1 ELSE 0 END) AS ok_m35,
      SUM(CASE WHEN s_m36 = 0 THEN v_m36 END) AS sum_m36,
      MAX(CASE WHEN s_m36 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m36,
      MAX(CASE WHEN s_m36 = 0 THEN 1 ELSE 0 END) AS ok_m36,
      SUM(CASE WHEN s_m37 = 0 THEN v_m37 END) AS sum_m37,
      MAX(CASE WHEN s_m37 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m37,
      MAX(CASE WHEN s_m37 = 0 THEN 1 ELSE 0 END) AS ok_m37,
      SUM(CASE WHEN s_m38 = 0 THEN v_m38 END) AS sum_m38,
      MAX(CASE WHEN s_m38 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m38,
      MAX(CASE WHEN s_m38 = 0 THEN 1 ELSE 0 END) AS ok_m38,
      SUM(CASE WHEN s_m39 = 0 THEN v_m39 END) AS sum_m39,
      MAX(CASE WHEN s_m39 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m39,
      MAX(CASE WHEN s_m39 = 0 THEN 1 ELSE 0 END) AS ok_m39,
      SUM(CASE WHEN s_m41 = 0 THEN v_m41 END) AS sum_m41,
      MAX(CASE WHEN s_m41 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m41,
      MAX(CASE WHEN s_m41 = 0 THEN 1 ELSE 0 END) AS ok_m41,
      SUM(CASE WHEN s_m42 = 0 THEN v_m42 END) AS sum_m42,
      MAX(CASE WHEN s_m42 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m42,
      MAX(CASE WHEN s_m42 = 0 THEN 1 ELSE 0 END) AS ok_m42,
      SUM(CASE WHEN s_m43 = 0 THEN v_m43 END) AS sum_m43,
      MAX(CASE WHEN s_m43 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m43,
      MAX(CASE WHEN s_m43 = 0 THEN 1 ELSE 0 END) AS ok_m43,
      SUM(CASE WHEN s_m47 = 0 THEN v_m47 END) AS sum_m47,
      MAX(CASE WHEN s_m47 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m47,
      MAX(CASE WHEN s_m47 = 0 THEN 1 ELSE 0 END) AS ok_m47,
      SUM(CASE WHEN s_m48 = 0 THEN v_m48 END) AS sum_m48,
      MAX(CASE WHEN s_m48 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m48,
      MAX(CASE WHEN s_m48 = 0 THEN 1 ELSE 0 END) AS ok_m48,
      SUM(CASE WHEN s_m49 = 0 THEN v_m49 END) AS sum_m49,
      MAX(CASE WHEN s_m49 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m49,
      MAX(CASE WHEN s_m49 = 0 THEN 1 ELSE 0 END) AS ok_m49,
      SUM(CASE WHEN s_m50 = 0 THEN v_m50 END) AS sum_m50,
      MAX(CASE WHEN s_m50 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m50,
      MAX(CASE WHEN s_m50 = 0 THEN 1 ELSE 0 END) AS ok_m50,
      SUM(CASE WHEN s_m52 = 0 THEN v_m52 END) AS sum_m52,
      MAX(CASE WHEN s_m52 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m52,
      MAX(CASE WHEN s_m52 = 0 THEN 1 ELSE 0 END) AS ok_m52,
      SUM(CASE WHEN s_m53 = 0 THEN v_m53 END) AS sum_m53,
      MAX(CASE WHEN s_m53 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m53,
      MAX(CASE WHEN s_m53 = 0 THEN 1 ELSE 0 END) AS ok_m53,
      SUM(CASE WHEN s_m54 = 0 THEN v_m54 END) AS sum_m54,
      MAX(CASE WHEN s_m54 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m54,
      MAX(CASE WHEN s_m54 = 0 THEN 1 ELSE 0 END) AS ok_m54,
      SUM(CASE WHEN s_m55 = 0 THEN v_m55 END) AS sum_m55,
      MAX(CASE WHEN s_m55 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m55,
      MAX(CASE WHEN s_m55 = 0 THEN 1 ELSE 0 END) AS ok_m55,
      SUM(CASE WHEN s_m56 = 0 THEN v_m56 END) AS sum_m56,
      MAX(CASE WHEN s_m56 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m56,
      MAX(CASE WHEN s_m56 = 0 THEN 1 ELSE 0 END) AS ok_m56,
      SUM(CASE WHEN s_m57 = 0 THEN v_m57 END) AS sum_m57,
      MAX(CASE WHEN s_m57 IN (1, 2) THEN 1 ELSE 0 END) AS miss_m57,
      MAX(CASE WHEN s_m57 = 0 THEN 1 ELSE 0 END) AS ok_m57
    FROM e1 WHERE parent IS NOT NULL GROUP BY parent
  ) c ON c.parent = r.id
),
hp AS (
  SELECT p.*,
    CASE p.dep_ WHEN 0 THEN p.id WHEN 1 THEN p.a1_ WHEN 2 THEN p.a2_ END AS l0,
    CASE p.dep_ WHEN 1 THEN p.id WHEN 2 THEN p.a1_ END AS l1,
    CASE p.dep_ WHEN 2 THEN p.id END AS l2,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m0 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m0,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m2 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m2,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m3 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m3,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m4 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m4,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m5 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m5,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m6 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m6,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m7 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m7,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m8 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m8,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m9 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m9,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m10 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m10,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m11 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m11,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m12 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m12,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m13 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m13,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m24 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m24,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m25 IS NOT NULL THEN 0 WHEN p.rb3 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m25,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m26 IS NOT NULL THEN 0 WHEN p.rb3 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m26,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m27 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m27,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m28 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m28,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m29 IS NOT NULL THEN 0 WHEN p.rb4 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m29,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m40 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m40,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m44 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m44,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m45 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m45,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m46 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m46,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m51 IS NOT NULL THEN 0 WHEN p.rb1 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m51,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m58 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m58,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m59 IS NOT NULL THEN 0 WHEN p.rb0 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m59,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m60 IS NOT NULL THEN 0 WHEN p.rb6 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m60,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m61 IS NOT NULL THEN 0 WHEN p.rb6 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m61,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m62 IS NOT NULL THEN 0 WHEN p.rb6 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m62,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m63 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m63,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m64 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m64,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m65 IS NOT NULL THEN 0 WHEN p.rb2 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m65,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m66 IS NOT NULL THEN 0 WHEN p.rb7 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m66,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m67 IS NOT NULL THEN 0 WHEN p.rb7 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m67,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m68 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m68,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m69 IS NOT NULL THEN 0 WHEN p.rb5 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m69,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m70 IS NOT NULL THEN 0 WHEN p.rb8 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m70,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m71 IS NOT NULL THEN 0 WHEN p.rb8 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m71,
    CASE WHEN p.inner_ = 1 THEN 3 WHEN p.r_m72 IS NOT NULL THEN 0 WHEN p.rb8 OR p.level <> 'school' THEN 2 ELSE 3 END AS ls_m72
  FROM (
  SELECT r.*, CASE WHEN a2.id IS NOT NULL THEN 2 WHEN a1.id IS NOT NULL THEN 1 ELSE 0 END AS dep_, a1.id AS a1_, a2.id AS a2_, CASE WHEN ch.parent IS NULL THEN 0 ELSE 1 END AS inner_
  FROM r
  LEFT JOIN u a1 ON a1.id = r.parent
  LEFT JOIN u a2 ON a2.id = a1.parent
  LEFT JOIN (SELECT DISTINCT parent FROM u WHERE parent IS NOT NULL) ch ON ch.parent = r.id
  ) p
),
k1 AS (
  SELECT * FROM (
  SELECT CASE GROUPING(l1) + GROUPING(l2) WHEN 0 THEN l2 WHEN 1 THEN l1 WHEN 2 THEN l0 END AS id, 2 - (GROUPING(l1) + GROUPING(l2)) AS depth, GROUPING(l0) AS total_,
    SUM(CASE WHEN ls_m0 = 0 THEN r_m0 END) AS sum_m0,
    MAX(CASE WHEN ls_m0 = 2 THEN 1 ELSE 0 END) AS miss_m0,
    MAX(CASE WHEN ls_m0 = 0 THEN 1 ELSE 0 END) AS ok_m0,
    SUM(CASE WHEN ls_m2 = 0 THEN r_m2 END) AS sum_m2,
    MAX(CASE WHEN ls_m2 = 2 THEN 1 ELSE 0 END) AS miss_m2,
    MAX(CASE WHEN ls_m2 = 0 THEN 1 ELSE 0 END) AS ok_m2,
    SUM(CASE WHEN ls_m3 = 0 THEN r_m3 END) AS sum_m3,
    MAX(CASE WHEN ls_m3 = 2 THEN 1 ELSE 0 END) AS miss_m3,
    MAX(CASE WHEN ls_m3 = 0 THEN 1 ELSE 0 END) AS ok_m3,
    SUM(CASE WHEN ls_m4 = 0 THEN r_m4 END) AS sum_m4,
    MAX(CASE WHEN ls_m4 = 2 THEN 1 ELSE 0 END) AS miss_m4,
    MAX(CASE WHEN ls_m4 = 0 THEN 1 ELSE 0 END) AS ok_m4,
    SUM(CASE WHEN ls_m5 = 0 THEN r_m5 END) AS sum_m5,
    MAX(CASE WHEN ls_m5 = 2 THEN 1 ELSE 0 END) AS miss_m5,
    MAX(CASE WHEN ls_m5 = 0 THEN 1 ELSE 0 END) AS ok_m5,
    SUM(CASE WHEN ls_m6 = 0 THEN r_m6 END) AS sum_m6,
    MAX(CASE WHEN ls_m6 = 2 THEN 1 ELSE 0 END) AS miss_m6,
    MAX(CASE WHEN ls_m6 = 0 THEN 1 ELSE 0 END) AS ok_m6,
    SUM(CASE WHEN ls_m7 = 0 THEN r_m7 END) AS sum_m7,
    MAX(CASE WHEN ls_m7 = 2 THEN 1 ELSE 0 END) AS miss_m7,
    MAX(CASE WHEN ls_m7 = 0 THEN 1 ELSE 0 END) AS ok_m7,
    SUM(CASE WHEN ls_m8 = 0 THEN r_m8 END) AS sum_m8,
    MAX(CASE WHEN ls_m8 = 2 THEN 1 ELSE 0 END) AS miss_m8,
    MAX(CASE WHEN ls_m8 = 0 THEN 1 ELSE 0 END) AS ok_m8,
    SUM(CASE WHEN ls_m9 = 0 THEN r_m9 END) AS sum_m9,
    MAX(CASE WHEN ls_m9 = 2 THEN 1 ELSE 0 END) AS miss_m9,
    MAX(CASE WHEN ls_m9 = 0 THEN 1 ELSE 0 END) AS ok_m9,
    SUM(CASE WHEN ls_m10 = 0 THEN r_m10 END) AS sum_m10,
    MAX(CASE WHEN ls_m10 = 2 THEN 1 ELSE 0 END) AS miss_m10,
    MAX(CASE WHEN ls_m10 = 0 THEN 1 ELSE 0 END) AS ok_m10,
    SUM(CASE WHEN ls_m11 = 0 THEN r_m11 END) AS sum_m11,
    MAX(CASE WHEN ls_m11 = 2 THEN 1 ELSE 0 END) AS miss_m11,
    MAX(CASE WHEN ls_m11 = 0 THEN 1 ELSE 0 END) AS ok_m11,
    SUM(CASE WHEN ls_m12 = 0 THEN r_m12 END) AS sum_m12,
    MAX(CASE WHEN ls_m12 = 2 THEN 1 ELSE 0 END) AS miss_m12,
    MAX(CASE WHEN ls_m12 = 0 THEN 1 ELSE 0 END) AS ok_m12,
    SUM(CASE WHEN ls_m13 = 0 THEN r_m13 END) AS sum_m13,
    MAX(CASE WHEN ls_m13 = 2 THEN 1 ELSE 0 END) AS miss_m13,
    MAX(CASE WHEN ls_m13 = 0 THEN 1 ELSE 0 END) AS ok_m13,
    SUM(CASE WHEN ls_m24 = 0 THEN r_m24 END) AS sum_m24,
    MAX(CASE WHEN ls_m24 = 2 THEN 1 ELSE 0 END) AS miss_m24,
    MAX(CASE WHEN ls_m24 = 0 THEN 1 ELSE 0 END) AS ok_m24,
    SUM(CASE WHEN ls_m25 = 0 THEN r_m25 END) AS sum_m25,
    MAX(CASE WHEN ls_m25 = 2 THEN 1 ELSE 0 END) AS miss_m25,
    MAX(CASE WHEN ls_m25 = 0 THEN 1 ELSE 0 END) AS ok_m25,
    SUM(CASE WHEN ls_m26 = 0 THEN r_m26 END) AS sum_m26,
    MAX(CASE WHEN ls_m26 = 2 THEN 1 ELSE 0 END) AS miss_m26,
    MAX(CASE WHEN ls_m26 = 0 THEN 1 ELSE 0 END) AS ok_m26,
    SUM(CASE WHEN ls_m27 = 0 THEN r_m27 END) AS sum_m27,
    MAX(CASE WHEN ls_m27 = 2 THEN 1 ELSE 0 END) AS miss_m27,
    MAX(CASE WHEN ls_m27 = 0 THEN 1 ELSE 0 END) AS ok_m27,
    SUM(CASE WHEN ls_m28 = 0 THEN r_m28 END) AS sum_m28,
    MAX(CASE WHEN ls_m28 = 2 THEN 1 ELSE 0 END) AS miss_m28,
    MAX(CASE WHEN ls_m28 = 0 THEN 1 ELSE 0 END) AS ok_m28,
    SUM(CASE WHEN ls_m29 = 0 THEN r_m29 END) AS sum_m29,
    MAX(CASE WHEN ls_m29 = 2 THEN 1 ELSE 0 END) AS miss_m29,
    MAX(CASE WHEN ls_m29 = 0 THEN 1 ELSE 0 END) AS ok_m29,
    SUM(CASE WHEN ls_m40 = 0 THEN r_m40 END) AS sum_m40,
    MAX(CASE WHEN ls_m40 = 2 THEN 1 ELSE 0 END) AS miss_m40,
    MAX(CASE WHEN ls_m40 = 0 THEN 1 ELSE 0 END) AS ok_m40,
    SUM(CASE WHEN ls_m44 = 0 THEN r_m44 END) AS sum_m44,
    MAX(CASE WHEN ls_m44 = 2 THEN 1 ELSE 0 END) AS miss_m44,
    MAX(CASE WHEN ls_m44 = 0 THEN 1 ELSE 0 END) AS ok_m44,
    SUM(CASE WHEN ls_m45 = 0 THEN r_m45 END) AS sum_m45,
    MAX(CASE WHEN ls_m45 = 2 THEN 1 ELSE 0 END) AS miss_m45,
    MAX(CASE WHEN ls_m45 = 0 THEN 1 ELSE 0 END) AS ok_m45,
    SUM(CASE WHEN ls_m46 = 0 THEN r_m46 END) AS sum_m46,
    MAX(CASE WHEN ls_m46 = 2 THEN 1 ELSE 0 END) AS miss_m46,
    MAX(CASE WHEN ls_m46 = 0 THEN 1 ELSE 0 END) AS ok_m46,
    SUM(CASE WHEN ls_m51 = 0 THEN r_m51 END) AS sum_m51,
    MAX(CASE WHEN ls_m51 = 2 THEN 1 ELSE 0 END) AS miss_m51,
    MAX(CASE WHEN ls_m51 = 0 THEN 1 ELSE 0 END) AS ok_m51,
    SUM(CASE WHEN ls_m58 = 0 THEN r_m58 END) AS sum_m58,
    MAX(CASE WHEN ls_m58 = 2 THEN 1 ELSE 0 END) AS miss_m58,
    MAX(CASE WHEN ls_m58 = 0 THEN 1 ELSE 0 END) AS ok_m58,
    SUM(CASE WHEN ls_m59 = 0 THEN r_m59 END) AS sum_m59,
    MAX(CASE WHEN ls_m59 = 2 THEN 1 ELSE 0 END) AS miss_m59,
    MAX(CASE WHEN ls_m59 = 0 THEN 1 ELSE 0 END) AS ok_m59,
    SUM(CASE WHEN ls_m60 = 0 THEN r_m60 END) AS sum_m60,
    MAX(CASE WHEN ls_m60 = 2 THEN 1 ELSE 0 END) AS miss_m60,
    MAX(CASE WHEN ls_m60 = 0 THEN 1 ELSE 0 END) AS ok_m60,
    SUM(CASE WHEN ls_m61 = 0 THEN r_m61 END) AS sum_m61,
    MAX(CASE WHEN ls_m61 = 2 THEN 1 ELSE 0 END) AS miss_m61,
    MAX(CASE WHEN ls_m61 = 0 THEN 1 ELSE 0 END) AS ok_m61,
    SUM(CASE WHEN ls_m62 = 0 THEN r_m62 END) AS sum_m62,
    MAX(CASE WHEN ls_m62 = 2 THEN 1 ELSE 0 END) AS miss_m62,
    MAX(CASE WHEN ls_m62 = 0 THEN 1 ELSE 0 END) AS ok_m62,
    SUM(CASE WHEN ls_m63 = 0 THEN r_m63 END) AS sum_m63,
    MAX(CASE WHEN ls_m63 = 2 THEN 1 ELSE 0 END) AS miss_m63,
    MAX(CASE WHEN ls_m63 = 0 THEN 1 ELSE 0 END) AS ok_m63,
    SUM(CASE WHEN ls_m64 = 0 THEN r_m64 END) AS sum_m64,
    MAX(CASE WHEN ls_m64 = 2 THEN 1 ELSE 0 END) AS miss_m64,
    MAX(CASE WHEN ls_m64 = 0 THEN 1 ELSE 0 END) AS ok_m64,
    SUM(CASE WHEN ls_m65 = 0 THEN r_m65 END) AS sum_m65,
    MAX(CASE WHEN ls_m65 = 2 THEN 1 ELSE 0 END) AS miss_m65,
    MAX(CASE WHEN ls_m65 = 0 THEN 1 ELSE 0 END) AS ok_m65,
    SUM(CASE WHEN ls_m66 = 0 THEN r_m66 END) AS sum_m66,
    MAX(CASE WHEN ls_m66 = 2 THEN 1 ELSE 0 END) AS miss_m66,
    MAX(CASE WHEN ls_m66 = 0 THEN 1 ELSE 0 END) AS ok_m66,
    SUM(CASE WHEN ls_m67 = 0 THEN r_m67 END) AS sum_m67,
    MAX(CASE WHEN ls_m67 = 2 THEN 1 ELSE 0 END) AS miss_m67,
    MAX(CASE WHEN ls_m67 = 0 THEN 1 ELSE 0 END) AS ok_m67,
    SUM(CASE WHEN ls_m68 = 0 THEN r_m68 END) AS sum_m68,
    MAX(CASE WHEN ls_m68 = 2 THEN 1 ELSE 0 END) AS miss_m68,
    MAX(CASE WHEN ls_m68 = 0 THEN 1 ELSE 0 END) AS ok_m68,
    SUM(CASE WHEN ls_m69 = 0 THEN r_m69 END) AS sum_m69,
    MAX(CASE WHEN ls_m69 = 2 THEN 1 ELSE 0 END) AS miss_m69,
    MAX(CASE WHEN ls_m69 = 0 THEN 1 ELSE 0 END) AS ok_m69,
    SUM(CASE WHEN ls_m70 = 0 THEN r_m70 END) AS sum_m70,
    MAX(CASE WHEN ls_m70 = 2 THEN 1 ELSE 0 END) AS miss_m70,
    MAX(CASE WHEN ls_m70 = 0 THEN 1 ELSE 0 END) AS ok_m70,
    SUM(CASE WHEN ls_m71 = 0 THEN r_m71 END) AS sum_m71,
    MAX(CASE WHEN ls_m71 = 2 THEN 1 ELSE 0 END) AS miss_m71,
    MAX(CASE WHEN ls_m71 = 0 THEN 1 ELSE 0 END) AS ok_m71,
    SUM(CASE WHEN ls_m72 = 0 THEN r_m72 END) AS sum_m72,
    MAX(CASE WHEN ls_m72 = 2 THEN 1 ELSE 0 END) AS miss_m72,
    MAX(CASE WHEN ls_m72 = 0 THEN 1 ELSE 0 END) AS ok_m72
  FROM hp
  GROUP BY ROLLUP(l0, l1, l2)
  ) k WHERE total_ = 0 AND id IS NOT NULL
),
hq AS (
  SELECT h.l0, h.l1, h.l2,
    CASE WHEN h.inner_ = 1 AND h.rb1 AND k.ok_m51 = 0 AND k.miss_m51 = 0 THEN 1 ELSE 0 END AS ph_m51
  FROM hp h JOIN k1 k ON k.id = h.id
),
k2 AS (
  SELECT * FROM (
  SELECT CASE GROUPING(l1) + GROUPING(l2) WHEN 0 THEN l2 WHEN 1 THEN l1 WHEN 2 THEN l0 END AS id, 2 - (GROUPING(l1) + GROUPING(l2)) AS depth, GROUPING(l0) AS total_,
    MAX(ph_m51) AS anyph_m51
  FROM hq
  GROUP BY ROLLUP(l0, l1, l2)
  ) k WHERE total_ = 0 AND id IS NOT NULL
),
ru AS (
  SELECT k.id,
    CASE WHEN k.miss_m0 = 1 THEN NULL WHEN k.ok_m0 = 1 THEN k.sum_m0 END AS v_m0,
    CASE WHEN k.miss_m0 = 1 THEN 2 WHEN k.ok_m0 = 1 THEN 0 ELSE 3 END AS s_m0,
    CASE WHEN k.miss_m2 = 1 THEN NULL WHEN k.ok_m2 = 1 THEN k.sum_m2 END AS v_m2,
    CASE WHEN k.miss_m2 = 1 THEN 2 WHEN k.ok_m2 = 1 THEN 0 ELSE 3 END AS s_m2,
    CASE WHEN k.miss_m3 = 1 THEN NULL WHEN k.ok_m3 = 1 THEN k.sum_m3 END AS v_m3,
    CASE WHEN k.miss_m3 = 1 THEN 2 WHEN k.ok_m3 = 1 THEN 0 ELSE 3 END AS s_m3,
    CASE WHEN k.miss_m4 = 1 THEN NULL WHEN k.ok_m4 = 1 THEN k.sum_m4 END AS v_m4,
    CASE WHEN k.miss_m4 = 1 THEN 2 WHEN k.ok_m4 = 1 THEN 0 ELSE 3 END AS s_m4,
    CASE WHEN k.miss_m5 = 1 THEN NULL WHEN k.ok_m5 = 1 THEN k.sum_m5 END AS v_m5,
    CASE WHEN k.miss_m5 = 1 THEN 2 WHEN k.ok_m5 = 1 THEN 0 ELSE 3 END AS s_m5,
    CASE WHEN k.miss_m6 = 1 THEN NULL WHEN k.ok_m6 = 1 THEN k.sum_m6 END AS v_m6,
    CASE WHEN k.miss_m6 = 1 THEN 2 WHEN k.ok_m6 = 1 THEN 0 ELSE 3 END AS s_m6,
    CASE WHEN k.miss_m7 = 1 THEN NULL WHEN k.ok_m7 = 1 THEN k.sum_m7 END AS v_m7,
    CASE WHEN k.miss_m7 = 1 THEN 2 WHEN k.ok_m7 = 1 THEN 0 ELSE 3 END AS s_m7,
    CASE WHEN k.miss_m8 = 1 THEN NULL WHEN k.ok_m8 = 1 THEN k.sum_m8 END AS v_m8,
    CASE WHEN k.miss_m8 = 1 THEN 2 WHEN k.ok_m8 = 1 THEN 0 ELSE 3 END AS s_m8,
    CASE WHEN k.miss_m9 = 1 THEN NULL WHEN k.ok_m9 = 1 THEN k.sum_m9 END AS v_m9,
    CASE WHEN k.miss_m9 = 1 THEN 2 WHEN k.ok_m9 = 1 THEN 0 ELSE 3 END AS s_m9,
    CASE WHEN k.miss_m10 = 1 THEN NULL WHEN k.ok_m10 = 1 THEN k.sum_m10 END AS v_m10,
    CASE WHEN k.miss_m10 = 1 THEN 2 WHEN k.ok_m10 = 1 THEN 0 ELSE 3 END AS s_m10,
    CASE WHEN k.miss_m11 = 1 THEN NULL WHEN k.ok_m11 = 1 THEN k.sum_m11 END AS v_m11,
    CASE WHEN k.miss_m11 = 1 THEN 2 WHEN k.ok_m11 = 1 THEN 0 ELSE 3 END AS s_m11,
    CASE WHEN k.miss_m12 = 1 THEN NULL WHEN k.ok_m12 = 1 THEN k.sum_m12 END AS v_m12,
    CASE WHEN k.miss_m12 = 1 THEN 2 WHEN k.ok_m12 = 1 THEN 0 ELSE 3 END AS s_m12,
    CASE WHEN k.miss_m13 = 1 THEN NULL WHEN k.ok_m13 = 1 THEN k.sum_m13 END AS v_m13,
    CASE WHEN k.miss_m13 = 1 THEN 2 WHEN k.ok_m13 = 1 THEN 0 ELSE 3 END AS s_m13,
    CASE WHEN k.miss_m24 = 1 THEN NULL WHEN k.ok_m24 = 1 THEN k.sum_m24 END AS v_m24,
    CASE WHEN k.miss_m24 = 1 THEN 2 WHEN k.ok_m24 = 1 THEN 0 ELSE 3 END AS s_m24,
    CASE WHEN k.miss_m25 = 1 THEN NULL WHEN k.ok_m25 = 1 THEN k.sum_m25 END AS v_m25,
    CASE WHEN k.miss_m25 = 1 THEN 2 WHEN k.ok_m25 = 1 THEN 0 ELSE 3 END AS s_m25,
    CASE WHEN k.miss_m26 = 1 THEN NULL WHEN k.ok_m26 = 1 THEN k.sum_m26 END AS v_m26,
    CASE WHEN k.miss_m26 = 1 THEN 2 WHEN k.ok_m26 = 1 THEN 0 ELSE 3 END AS s_m26,
    CASE WHEN k.miss_m27 = 1 THEN NULL WHEN k.ok_m27 = 1 THEN k.sum_m27 END AS v_m27,
    CASE WHEN k.miss_m27 = 1 THEN 2 WHEN k.ok_m27 = 1 THEN 0 ELSE 3 END AS s_m27,
    CASE WHEN k.miss_m28 = 1 THEN NULL WHEN k.ok_m28 = 1 THEN k.sum_m28 END AS v_m28,
    CASE WHEN k.miss_m28 = 1 THEN 2 WHEN k.ok_m28 = 1 THEN 0 ELSE 3 END AS s_m28,
    CASE WHEN k.miss_m29 = 1 THEN NULL WHEN k.ok_m29 = 1 THEN k.sum_m29 END AS v_m29,
    CASE WHEN k.miss_m29 = 1 THEN 2 WHEN k.ok_m29 = 1 THEN 0 ELSE 3 END AS s_m29,
    CASE WHEN k.miss_m40 = 1 THEN NULL WHEN k.ok_m40 = 1 THEN k.sum_m40 END AS v_m40,
    CASE WHEN k.miss_m40 = 1 THEN 2 WHEN k.ok_m40 = 1 THEN 0 ELSE 3 END AS s_m40,
    CASE WHEN k.miss_m44 = 1 THEN NULL WHEN k.ok_m44 = 1 THEN k.sum_m44 END AS v_m44,
    CASE WHEN k.miss_m44 = 1 THEN 2 WHEN k.ok_m44 = 1 THEN 0 ELSE 3 END AS s_m44,
    CASE WHEN k.miss_m45 = 1 THEN NULL WHEN k.ok_m45 = 1 THEN k.sum_m45 END AS v_m45,
    CASE WHEN k.miss_m45 = 1 THEN 2 WHEN k.ok_m45 = 1 THEN 0 ELSE 3 END AS s_m45,
    CASE WHEN k.miss_m46 = 1 THEN NULL WHEN k.ok_m46 = 1 THEN k.sum_m46 END AS v_m46,
    CASE WHEN k.miss_m46 = 1 THEN 2 WHEN k.ok_m46 = 1 THEN 0 ELSE 3 END AS s_m46,
    CASE WHEN k.miss_m51 = 1 OR q.anyph_m51 = 1 THEN NULL WHEN k.ok_m51 = 1 THEN k.sum_m51 END AS v_m51,
    CASE WHEN k.miss_m51 = 1 OR q.anyph_m51 = 1 THEN 2 WHEN k.ok_m51 = 1 THEN 0 ELSE 3 END AS s_m51,
    CASE WHEN k.miss_m58 = 1 THEN NULL WHEN k.ok_m58 = 1 THEN k.sum_m58 END AS v_m58,
    CASE WHEN k.miss_m58 = 1 THEN 2 WHEN k.ok_m58 = 1 THEN 0 ELSE 3 END AS s_m58,
    CASE WHEN k.miss_m59 = 1 THEN NULL WHEN k.ok_m59 = 1 THEN k.sum_m59 END AS v_m59,
    CASE WHEN k.miss_m59 = 1 THEN 2 WHEN k.ok_m59 = 1 THEN 0 ELSE 3 END AS s_m59,
    CASE WHEN k.miss_m60 = 1 THEN NULL WHEN k.ok_m60 = 1 THEN k.sum_m60 END AS v_m60,
    CASE WHEN k.miss_m60 = 1 THEN 2 WHEN k.ok_m60 = 1 THEN 0 ELSE 3 END AS s_m60,
    CASE WHEN k.miss_m61 = 1 THEN NULL WHEN k.ok_m61 = 1 THEN k.sum_m61 END AS v_m61,
    CASE WHEN k.miss_m61 = 1 THEN 2 WHEN k.ok_m61 = 1 THEN 0 ELSE 3 END AS s_m61,
    CASE WHEN k.miss_m62 = 1 THEN NULL WHEN k.ok_m62 = 1 THEN k.sum_m62 END AS v_m62,
    CASE WHEN k.miss_m62 = 1 THEN 2 WHEN k.ok_m62 = 1 THEN 0 ELSE 3 END AS s_m62,
    CASE WHEN k.miss_m63 = 1 THEN NULL WHEN k.ok_m63 = 1 THEN k.sum_m63 END AS v_m63,
    CASE WHEN k.miss_m63 = 1 THEN 2 WHEN k.ok_m63 = 1 THEN 0 ELSE 3 END AS s_m63,
    CASE WHEN k.miss_m64 = 1 THEN NULL WHEN k.ok_m64 = 1 THEN k.sum_m64 END AS v_m64,
    CASE WHEN k.miss_m64 = 1 THEN 2 WHEN k.ok_m64 = 1 THEN 0 ELSE 3 END AS s_m64,
    CASE WHEN k.miss_m65 = 1 THEN NULL WHEN k.ok_m65 = 1 THEN k.sum_m65 END AS v_m65,
    CASE WHEN k.miss_m65 = 1 THEN 2 WHEN k.ok_m65 = 1 THEN 0 ELSE 3 END AS s_m65,
    CASE WHEN k.miss_m66 = 1 THEN NULL WHEN k.ok_m66 = 1 THEN k.sum_m66 END AS v_m66,
    CASE WHEN k.miss_m66 = 1 THEN 2 WHEN k.ok_m66 = 1 THEN 0 ELSE 3 END AS s_m66,
    CASE WHEN k.miss_m67 = 1 THEN NULL WHEN k.ok_m67 = 1 THEN k.sum_m67 END AS v_m67,
    CASE WHEN k.miss_m67 = 1 THEN 2 WHEN k.ok_m67 = 1 THEN 0 ELSE 3 END AS s_m67,
    CASE WHEN k.miss_m68 = 1 THEN NULL WHEN k.ok_m68 = 1 THEN k.sum_m68 END AS v_m68,
    CASE WHEN k.miss_m68 = 1 THEN 2 WHEN k.ok_m68 = 1 THEN 0 ELSE 3 END AS s_m68,
    CASE WHEN k.miss_m69 = 1 THEN NULL WHEN k.ok_m69 = 1 THEN k.sum_m69 END AS v_m69,
    CASE WHEN k.miss_m69 = 1 THEN 2 WHEN k.ok_m69 = 1 THEN 0 ELSE 3 END AS s_m69,
    CASE WHEN k.miss_m70 = 1 THEN NULL WHEN k.ok_m70 = 1 THEN k.sum_m70 END AS v_m70,
    CASE WHEN k.miss_m70 = 1 THEN 2 WHEN k.ok_m70 = 1 THEN 0 ELSE 3 END AS s_m70,
    CASE WHEN k.miss_m71 = 1 THEN NULL WHEN k.ok_m71 = 1 THEN k.sum_m71 END AS v_m71,
    CASE WHEN k.miss_m71 = 1 THEN 2 WHEN k.ok_m71 = 1 THEN 0 ELSE 3 END AS s_m71,
    CASE WHEN k.miss_m72 = 1 THEN NULL WHEN k.ok_m72 = 1 THEN k.sum_m72 END AS v_m72,
    CASE WHEN k.miss_m72 = 1 THEN 2 WHEN k.ok_m72 = 1 THEN 0 ELSE 3 END AS s_m72
  FROM k1 k
  LEFT JOIN k2 q ON q.id = k.id
),
ef AS (
  SELECT e.*, ru.v_m0, ru.s_m0, ru.v_m2, ru.s_m2, ru.v_m3, ru.s_m3, ru.v_m4, ru.s_m4, ru.v_m5, ru.s_m5, ru.v_m6, ru.s_m6, ru.v_m7, ru.s_m7, ru.v_m8, ru.s_m8, ru.v_m9, ru.s_m9, ru.v_m10, ru.s_m10, ru.v_m11, ru.s_m11, ru.v_m12, ru.s_m12, ru.v_m13, ru.s_m13, ru.v_m24, ru.s_m24, ru.v_m25, ru.s_m25, ru.v_m26, ru.s_m26, ru.v_m27, ru.s_m27, ru.v_m28, ru.s_m28, ru.v_m29, ru.s_m29, ru.v_m40, ru.s_m40, ru.v_m44, ru.s_m44, ru.v_m45, ru.s_m45, ru.v_m46, ru.s_m46, ru.v_m51, ru.s_m51, ru.v_m58, ru.s_m58, ru.v_m59, ru.s_m59, ru.v_m60, ru.s_m60, ru.v_m61, ru.s_m61, ru.v_m62, ru.s_m62, ru.v_m63, ru.s_m63, ru.v_m64, ru.s_m64, ru.v_m65, ru.s_m65, ru.v_m66, ru.s_m66, ru.v_m67, ru.s_m67, ru.v_m68, ru.s_m68, ru.v_m69, ru.s_m69, ru.v_m70, ru.s_m70, ru.v_m71, ru.s_m71, ru.v_m72, ru.s_m72
  FROM e2 e LEFT JOIN ru ON ru.id = e.id
),
x_i0 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 ELSE q.t_ END AS s_i0,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS v_i0,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i0
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m0) / NULLIF(z.v_m1, 0) AS xf0v,
  CASE WHEN ((z.v_m0) / NULLIF(z.v_m1, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m0, 2), LEAST(z.s_m1, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i1 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i1,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i1,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i1
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m22) / NULLIF(z.v_m21, 0) AS xf0v,
  CASE WHEN ((z.v_m22) / NULLIF(z.v_m21, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m22, 2), LEAST(z.s_m21, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i2 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 ELSE q.t_ END AS s_i2,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS v_i2,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i2
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m24) / NULLIF(z.v_m23, 0) AS xf0v,
  CASE WHEN ((z.v_m24) / NULLIF(z.v_m23, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m24, 2), LEAST(z.s_m23, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i3 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'complete_second'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i3,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'complete_second'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i3,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'complete_second'), FALSE)), FALSE) THEN q.w_ END AS d_i3
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m25) / NULLIF(z.v_m26, 0) AS xf0v,
  CASE WHEN ((z.v_m25) / NULLIF(z.v_m26, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m25, 2), LEAST(z.s_m26, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i4 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('junior', 'nine_year', 'complete_second'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i4,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('junior', 'nine_year', 'complete_second'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i4,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('junior', 'nine_year', 'complete_second'), FALSE)), FALSE) THEN q.w_ END AS d_i4
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m28) / NULLIF(z.v_m27, 0) AS xf0v,
  CASE WHEN ((z.v_m28) / NULLIF(z.v_m27, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m28, 2), LEAST(z.s_m27, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i5 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 ELSE q.t_ END AS s_i5,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS v_i5,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i5
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m29) / NULLIF(z.v_m30, 0) AS xf0v,
  CASE WHEN ((z.v_m29) / NULLIF(z.v_m30, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m29, 2), LEAST(z.s_m30, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i6 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i6,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i6,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i6
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m31) / NULLIF(z.v_m32, 0) AS xf0v,
  CASE WHEN ((z.v_m31) / NULLIF(z.v_m32, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m31, 2), LEAST(z.s_m32, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i7 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i7,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i7,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i7
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m35 AS w_,
  LEAST(z.s_m35, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i8 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i8,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i8,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i8
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m34) / NULLIF(z.v_m33, 0) AS xf0v,
  CASE WHEN ((z.v_m34) / NULLIF(z.v_m33, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m34, 2), LEAST(z.s_m33, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i9 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i9,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i9,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i9
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m36 AS w_,
  LEAST(z.s_m36, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i10 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i10,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i10,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i10
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m15 AS w_,
  LEAST(z.s_m15, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i11 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i11,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i11,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i11
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m16 AS w_,
  LEAST(z.s_m16, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i12 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i12,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i12,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i12
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m17 AS w_,
  LEAST(z.s_m17, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
a_i13_0_m AS (
  SELECT z.anc, z.xa0v AS x, CASE WHEN z.s_m0 = 3 AND z.s_m6 = 3 THEN 3 ELSE z.xa0s END AS s, CAST(1 AS DOUBLE) AS w, 0 AS ws
  FROM (
SELECT z.*,
  (z.v_m6) / NULLIF(z.v_m0, 0) AS xa0v,
  CASE WHEN ((z.v_m6) / NULLIF(z.v_m0, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m6, 2), LEAST(z.s_m0, 2), 1) END AS xa0s
FROM (
SELECT c.parent AS anc, c.* FROM ef c WHERE c.parent IS NOT NULL
) z
  ) z
),
a_i13_0_h AS (
  SELECT anc AS id, COUNT(CASE WHEN s < 3 THEN 1 END) AS n, MAX(CASE WHEN s < 3 THEN GREATEST(s, CASE WHEN ws >= 2 THEN 2 WHEN ws = 1 OR w < 0 THEN 1 ELSE 0 END) ELSE 0 END) AS worst,
    SUM(x) AS total, AVG(x) AS mean, MIN(x) AS lo, MAX(x) AS hi,
    CAST(SUM(CASE WHEN s = 0 THEN (CASE WHEN x <> 0 THEN 1 ELSE 0 END) END) AS DOUBLE) AS yes, SUM(CASE WHEN s = 0 THEN w END) AS p, SUM(CASE WHEN s = 0 THEN w * x END) AS pw
  FROM a_i13_0_m GROUP BY anc
),
a_i13_0 AS (
  SELECT h.id, CASE WHEN CASE WHEN h.worst > 0 THEN h.worst WHEN h.n = 0 THEN 2 ELSE 0 END = 0 THEN h.hi - h.lo END AS v, CASE WHEN h.worst > 0 THEN h.worst WHEN h.n = 0 THEN 2 ELSE 0 END AS s
  FROM a_i13_0_h h
),
x_i13 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i13,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i13,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i13
  FROM (
SELECT z.id, z.level, z.kind,
  z.ag0v AS w_,
  z.ag0s AS t_
FROM (
SELECT p.*, a_i13_0.v AS ag0v, COALESCE(a_i13_0.s, 2) AS ag0s FROM ef p
LEFT JOIN a_i13_0 ON a_i13_0.id = p.id
) z
  ) q
),
x_i14 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i14,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i14,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i14
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf3v AS w_,
  z.xf3s AS t_
FROM (
SELECT z.*,
  ABS(z.xf2v) AS xf3v,
  z.xf2s AS xf3s
FROM (
SELECT z.*,
  (z.xf0v) - (z.xf1v) AS xf2v,
  CASE WHEN ((z.xf0v) - (z.xf1v)) IS NOT NULL THEN 0 ELSE GREATEST(z.xf0s, z.xf1s, 1) END AS xf2s
FROM (
SELECT z.*,
  (z.v_m7) / NULLIF(z.v_m2, 0) AS xf0v,
  CASE WHEN ((z.v_m7) / NULLIF(z.v_m2, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m7, 2), LEAST(z.s_m2, 2), 1) END AS xf0s,
  (z.v_m8) / NULLIF(z.v_m3, 0) AS xf1v,
  CASE WHEN ((z.v_m8) / NULLIF(z.v_m3, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m8, 2), LEAST(z.s_m3, 2), 1) END AS xf1s
FROM (
SELECT p.* FROM ef p
) z
) z
) z
) z
  ) q
),
x_i15 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i15,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i15,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i15
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf3v AS w_,
  z.xf3s AS t_
FROM (
SELECT z.*,
  ABS(z.xf2v) AS xf3v,
  z.xf2s AS xf3s
FROM (
SELECT z.*,
  (z.xf0v) - (z.xf1v) AS xf2v,
  CASE WHEN ((z.xf0v) - (z.xf1v)) IS NOT NULL THEN 0 ELSE GREATEST(z.xf0s, z.xf1s, 1) END AS xf2s
FROM (
SELECT z.*,
  (z.v_m9) / NULLIF(z.v_m4, 0) AS xf0v,
  CASE WHEN ((z.v_m9) / NULLIF(z.v_m4, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m9, 2), LEAST(z.s_m4, 2), 1) END AS xf0s,
  (z.v_m10) / NULLIF(z.v_m5, 0) AS xf1v,
  CASE WHEN ((z.v_m10) / NULLIF(z.v_m5, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m10, 2), LEAST(z.s_m5, 2), 1) END AS xf1s
FROM (
SELECT p.* FROM ef p
) z
) z
) z
) z
  ) q
),
x_i16 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i16,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i16,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i16
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m11) / NULLIF(z.v_m0, 0) AS xf0v,
  CASE WHEN ((z.v_m11) / NULLIF(z.v_m0, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m11, 2), LEAST(z.s_m0, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i17 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 ELSE q.t_ END AS s_i17,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS v_i17,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i17
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m14 AS w_,
  LEAST(z.s_m14, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i18 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i18,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i18,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i18
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m13) / NULLIF(z.v_m12, 0) AS xf0v,
  CASE WHEN ((z.v_m13) / NULLIF(z.v_m12, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m13, 2), LEAST(z.s_m12, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i19 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i19,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i19,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i19
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m18 AS w_,
  LEAST(z.s_m18, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i20 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i20,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i20,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i20
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m19 AS w_,
  LEAST(z.s_m19, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i21 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i21,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i21,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i21
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m20 AS w_,
  LEAST(z.s_m20, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i22 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i22,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i22,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i22
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m37 AS w_,
  LEAST(z.s_m37, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i23 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i23,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i23,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i23
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m38 AS w_,
  LEAST(z.s_m38, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i24 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i24,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i24,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i24
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m38 AS w_,
  LEAST(z.s_m38, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i25 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i25,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i25,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i25
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m39 AS w_,
  LEAST(z.s_m39, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i26 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i26,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i26,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i26
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m40 AS w_,
  LEAST(z.s_m40, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i27 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i27,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i27,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i27
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m41 AS w_,
  LEAST(z.s_m41, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i28 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i28,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i28,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i28
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m42 AS w_,
  LEAST(z.s_m42, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i29 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i29,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i29,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i29
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m43 AS w_,
  LEAST(z.s_m43, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i30 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i30,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i30,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) THEN q.w_ END AS d_i30
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m45) / NULLIF(z.v_m44, 0) AS xf0v,
  CASE WHEN ((z.v_m45) / NULLIF(z.v_m44, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m45, 2), LEAST(z.s_m44, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i31 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i31,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i31,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('vocational'), FALSE)), FALSE) THEN q.w_ END AS d_i31
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m46) / NULLIF(z.v_m44, 0) AS xf0v,
  CASE WHEN ((z.v_m46) / NULLIF(z.v_m44, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m46, 2), LEAST(z.s_m44, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i32 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i32,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i32,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i32
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m47 AS w_,
  LEAST(z.s_m47, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i33 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i33,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i33,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i33
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m48 AS w_,
  LEAST(z.s_m48, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i34 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i34,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i34,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i34
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m49 AS w_,
  LEAST(z.s_m49, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i35 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i35,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i35,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i35
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m50 AS w_,
  LEAST(z.s_m50, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i36 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i36,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i36,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i36
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m51 AS w_,
  LEAST(z.s_m51, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i37 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i37,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i37,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i37
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m53) / NULLIF(z.v_m52, 0) AS xf0v,
  CASE WHEN ((z.v_m53) / NULLIF(z.v_m52, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m53, 2), LEAST(z.s_m52, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i38 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i38,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i38,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i38
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m54 AS w_,
  LEAST(z.s_m54, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i39 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i39,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i39,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i39
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m55 AS w_,
  LEAST(z.s_m55, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i40 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i40,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i40,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i40
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m56 AS w_,
  LEAST(z.s_m56, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i41 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i41,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i41,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i41
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m57 AS w_,
  LEAST(z.s_m57, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i42 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i42,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i42,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i42
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m59) / NULLIF(z.v_m58, 0) AS xf0v,
  CASE WHEN ((z.v_m59) / NULLIF(z.v_m58, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m59, 2), LEAST(z.s_m58, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i43 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i43,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i43,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i43
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m61) / NULLIF(z.v_m60, 0) AS xf0v,
  CASE WHEN ((z.v_m61) / NULLIF(z.v_m60, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m61, 2), LEAST(z.s_m60, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i44 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i44,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i44,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i44
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m62) / NULLIF(z.v_m60, 0) AS xf0v,
  CASE WHEN ((z.v_m62) / NULLIF(z.v_m60, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m62, 2), LEAST(z.s_m60, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i45 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i45,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i45,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i45
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m64) / NULLIF(z.v_m63, 0) AS xf0v,
  CASE WHEN ((z.v_m64) / NULLIF(z.v_m63, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m64, 2), LEAST(z.s_m63, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i46 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i46,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i46,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i46
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m65) / NULLIF(z.v_m63, 0) AS xf0v,
  CASE WHEN ((z.v_m65) / NULLIF(z.v_m63, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m65, 2), LEAST(z.s_m63, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i47 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i47,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i47,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i47
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m67) / NULLIF(z.v_m66, 0) AS xf0v,
  CASE WHEN ((z.v_m67) / NULLIF(z.v_m66, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m67, 2), LEAST(z.s_m66, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i48 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i48,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i48,
    CASE WHEN COALESCE(q.level IN ('city', 'district'), FALSE) THEN q.w_ END AS d_i48
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m69) / NULLIF(z.v_m68, 0) AS xf0v,
  CASE WHEN ((z.v_m69) / NULLIF(z.v_m68, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m69, 2), LEAST(z.s_m68, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i49 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i49,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i49,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) THEN q.w_ END AS d_i49
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m71) / NULLIF(z.v_m70, 0) AS xf0v,
  CASE WHEN ((z.v_m71) / NULLIF(z.v_m70, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m71, 2), LEAST(z.s_m70, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i50 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i50,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i50,
    CASE WHEN COALESCE(q.level IN ('city', 'district', 'school') AND (q.level <> 'school' OR COALESCE(q.kind IN ('primary', 'junior', 'nine_year', 'senior', 'complete_second', 'vocational'), FALSE)), FALSE) THEN q.w_ END AS d_i50
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m72) / NULLIF(z.v_m70, 0) AS xf0v,
  CASE WHEN ((z.v_m72) / NULLIF(z.v_m70, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m72, 2), LEAST(z.s_m70, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i51 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 WHEN q.t_ = 0 AND q.w_ > 1 + 1e-9 THEN 1 ELSE q.t_ END AS s_i51,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) AND NOT (q.t_ = 0 AND q.w_ > 1 + 1e-9) THEN q.w_ END AS v_i51,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i51
  FROM (
SELECT z.id, z.level, z.kind,
  z.xf0v AS w_,
  z.xf0s AS t_
FROM (
SELECT z.*,
  (z.v_m74) / NULLIF(z.v_m73, 0) AS xf0v,
  CASE WHEN ((z.v_m74) / NULLIF(z.v_m73, 0)) IS NOT NULL THEN 0 ELSE GREATEST(LEAST(z.s_m74, 2), LEAST(z.s_m73, 2), 1) END AS xf0s
FROM (
SELECT p.* FROM ef p
) z
) z
  ) q
),
x_i52 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i52,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i52,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i52
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m75 AS w_,
  LEAST(z.s_m75, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
),
x_i53 AS (
  SELECT q.id, q.level, q.kind,
    CASE WHEN NOT COALESCE(q.level IN ('city'), FALSE) THEN 3 ELSE q.t_ END AS s_i53,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS v_i53,
    CASE WHEN COALESCE(q.level IN ('city'), FALSE) THEN q.w_ END AS d_i53
  FROM (
SELECT z.id, z.level, z.kind,
  z.v_m76 AS w_,
  LEAST(z.s_m76, 2) AS t_
FROM (
SELECT p.* FROM ef p
) z
  ) q
)
SELECT * FROM (
SELECT x.id AS unit_id, x.level AS level, 'preschool_gross_enrolment_rate' AS indicator, CASE x.s_i0 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i0 >= CAST(0.99 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i0), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i0 AS value, '达99%以上' AS target, CASE WHEN x.s_i0 = 0 THEN ROUND((x.v_i0 - CAST(0.99 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i0 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'compulsory_enrolment_rate' AS indicator, CASE x.s_i1 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i1 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i1), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i1 AS value, '100%' AS target, CASE WHEN x.s_i1 = 0 THEN ROUND((x.v_i1 - CAST(1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i1 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'compulsory_retention_rate' AS indicator, CASE x.s_i2 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i2 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i2), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i2 AS value, '100%' AS target, CASE WHEN x.s_i2 = 0 THEN ROUND((x.v_i2 - CAST(1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i2 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'school_choice_share' AS indicator, CASE x.s_i3 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i3 <= CAST(0.05 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i3), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i3 AS value, '控制在5%以内' AS target, CASE WHEN x.s_i3 = 0 THEN ROUND((x.v_i3 - CAST(0.05 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i3 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'junior_progression_rate' AS indicator, CASE x.s_i4 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i4 >= CAST(0.99 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i4), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i4 AS value, '达99%以上' AS target, CASE WHEN x.s_i4 = 0 THEN ROUND((x.v_i4 - CAST(0.99 AS DOUBLE)) * 100, 6) END AS gap, (x.s_i4 <> 3 AND NOT COALESCE(x.level IN ('city', 'district'), FALSE)) AS reference FROM x_i4 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'senior_secondary_gross_enrolment_rate' AS indicator, CASE x.s_i5 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i5 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i5), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i5 AS value, '100%' AS target, CASE WHEN x.s_i5 = 0 THEN ROUND((x.v_i5 - CAST(1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i5 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'disabled_compulsory_enrolment_rate' AS indicator, CASE x.s_i6 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i6 >= CAST(0.98 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i6), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i6 AS value, '在98%以上' AS target, CASE WHEN x.s_i6 = 0 THEN ROUND((x.v_i6 - CAST(0.98 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i6 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'modernization_pioneer_units' AS indicator, CASE x.s_i7 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i7 >= CAST(20 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i7), CAST(20 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i7 AS value, '20个' AS target, CASE WHEN x.s_i7 = 0 THEN ROUND(x.v_i7 - CAST(20 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i7 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'compulsory_school_standardization_rate' AS indicator, CASE x.s_i8 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i8 >= CAST(0.85 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i8), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i8 AS value, '达85%' AS target, CASE WHEN x.s_i8 = 0 THEN ROUND((x.v_i8 - CAST(0.85 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i8 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'safe_campus_demonstration_counties' AS indicator, CASE x.s_i9 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i9 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i9), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i9 AS value, '1个' AS target, CASE WHEN x.s_i9 = 0 THEN ROUND(x.v_i9 - CAST(1 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i9 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'new_kindergartens' AS indicator, CASE x.s_i10 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i10 >= CAST(14 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i10), CAST(14 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i10 AS value, '14所' AS target, CASE WHEN x.s_i10 = 0 THEN ROUND(x.v_i10 - CAST(14 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i10 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'new_schools' AS indicator, CASE x.s_i11 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i11 >= CAST(19 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i11), CAST(19 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i11 AS value, '19所' AS target, CASE WHEN x.s_i11 = 0 THEN ROUND(x.v_i11 - CAST(19 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i11 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'new_provincial_quality_kindergartens' AS indicator, CASE x.s_i12 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i12 >= CAST(10 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i12), CAST(10 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i12 AS value, '10所' AS target, CASE WHEN x.s_i12 = 0 THEN ROUND(x.v_i12 - CAST(10 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i12 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'quality_preschool_district_gap' AS indicator, CASE x.s_i13 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i13 <= CAST(0.1 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i13), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i13 AS value, '不超过10个百分点' AS target, CASE WHEN x.s_i13 = 0 THEN ROUND((x.v_i13 - CAST(0.1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i13 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'quality_preschool_urban_rural_gap' AS indicator, CASE x.s_i14 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i14 <= CAST(0.1 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i14), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i14 AS value, '不超过10个百分点' AS target, CASE WHEN x.s_i14 = 0 THEN ROUND((x.v_i14 - CAST(0.1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i14 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'quality_preschool_public_private_gap' AS indicator, CASE x.s_i15 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i15 <= CAST(0.1 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i15), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i15 AS value, '不超过10个百分点' AS target, CASE WHEN x.s_i15 = 0 THEN ROUND((x.v_i15 - CAST(0.1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i15 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'inclusive_preschool_share' AS indicator, CASE x.s_i16 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i16 >= CAST(0.9 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i16), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i16 AS value, '90%以上' AS target, CASE WHEN x.s_i16 = 0 THEN ROUND((x.v_i16 - CAST(0.9 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i16 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'unlicensed_kindergarten_sites_left' AS indicator, CASE x.s_i17 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i17 <= CAST(0 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i17), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i17 AS value, '≤ 0' AS target, CASE WHEN x.s_i17 = 0 THEN ROUND(x.v_i17 - CAST(0 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i17 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'non_establishment_teacher_agency_rate' AS indicator, CASE x.s_i18 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i18 >= CAST(0.6 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i18), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i18 AS value, '达60%' AS target, CASE WHEN x.s_i18 = 0 THEN ROUND((x.v_i18 - CAST(0.6 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i18 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_play_curriculum_projects_won' AS indicator, CASE x.s_i19 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i19 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i19), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i19 AS value, '2个' AS target, CASE WHEN x.s_i19 = 0 THEN ROUND(x.v_i19 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i19 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_forward_looking_projects_kg_won' AS indicator, CASE x.s_i20 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i20 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i20), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i20 AS value, '1个' AS target, CASE WHEN x.s_i20 = 0 THEN ROUND(x.v_i20 - CAST(1 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i20 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'municipal_curriculum_feature_kindergartens_new' AS indicator, CASE x.s_i21 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i21 >= CAST(30 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i21), CAST(30 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i21 AS value, '30所' AS target, CASE WHEN x.s_i21 = 0 THEN ROUND(x.v_i21 - CAST(30 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i21 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_resource_classrooms_applied' AS indicator, CASE x.s_i22 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i22 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i22), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i22 AS value, '2个以上' AS target, CASE WHEN x.s_i22 = 0 THEN ROUND(x.v_i22 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i22 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_course_bases_compulsory_won' AS indicator, CASE x.s_i23 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i23 >= CAST(3 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i23), CAST(3 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i23 AS value, '3-4个' AS target, CASE WHEN x.s_i23 = 0 THEN ROUND(CASE WHEN x.v_i23 < CAST(3 AS DOUBLE) THEN x.v_i23 - CAST(3 AS DOUBLE) WHEN x.v_i23 > CAST(4 AS DOUBLE) THEN x.v_i23 - CAST(4 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i23 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_course_bases_built' AS indicator, CASE x.s_i24 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i24 >= CAST(3 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i24), CAST(3 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i24 AS value, '3-4个' AS target, CASE WHEN x.s_i24 = 0 THEN ROUND(CASE WHEN x.v_i24 < CAST(3 AS DOUBLE) THEN x.v_i24 - CAST(3 AS DOUBLE) WHEN x.v_i24 > CAST(4 AS DOUBLE) THEN x.v_i24 - CAST(4 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i24 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_course_bases_senior_won' AS indicator, CASE x.s_i25 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i25 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i25), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i25 AS value, '1-2个' AS target, CASE WHEN x.s_i25 = 0 THEN ROUND(CASE WHEN x.v_i25 < CAST(1 AS DOUBLE) THEN x.v_i25 - CAST(1 AS DOUBLE) WHEN x.v_i25 > CAST(2 AS DOUBLE) THEN x.v_i25 - CAST(2 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i25 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'vocational_enrolment' AS indicator, CASE x.s_i26 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i26 >= CAST(9500 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i26), CAST(9500 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i26 AS value, '9500人' AS target, CASE WHEN x.s_i26 = 0 THEN ROUND(x.v_i26 - CAST(9500 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i26 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_modern_vocational_schools_built' AS indicator, CASE x.s_i27 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i27 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i27), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i27 AS value, '1个' AS target, CASE WHEN x.s_i27 = 0 THEN ROUND(x.v_i27 - CAST(1 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i27 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_modern_training_bases_built' AS indicator, CASE x.s_i28 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i28 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i28), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i28 AS value, '2个' AS target, CASE WHEN x.s_i28 = 0 THEN ROUND(x.v_i28 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i28 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_modern_specialty_clusters_built' AS indicator, CASE x.s_i29 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i29 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i29), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i29 AS value, '2个' AS target, CASE WHEN x.s_i29 = 0 THEN ROUND(x.v_i29 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i29 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'vocational_intermediate_certificate_share' AS indicator, CASE x.s_i30 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i30 >= CAST(0.98 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i30), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i30 AS value, '达98%以上' AS target, CASE WHEN x.s_i30 = 0 THEN ROUND((x.v_i30 - CAST(0.98 AS DOUBLE)) * 100, 6) END AS gap, (x.s_i30 <> 3 AND NOT COALESCE(x.level IN ('city', 'district'), FALSE)) AS reference FROM x_i30 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'vocational_employment_rate' AS indicator, CASE x.s_i31 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i31 > CAST(0.98 AS DOUBLE) + 1e-9 * GREATEST(ABS(x.v_i31), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i31 AS value, '超98%' AS target, CASE WHEN x.s_i31 = 0 THEN ROUND((x.v_i31 - CAST(0.98 AS DOUBLE)) * 100, 6) END AS gap, (x.s_i31 <> 3 AND NOT COALESCE(x.level IN ('city', 'district'), FALSE)) AS reference FROM x_i31 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_standard_community_centres_built' AS indicator, CASE x.s_i32 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i32 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i32), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i32 AS value, '2个' AS target, CASE WHEN x.s_i32 = 0 THEN ROUND(x.v_i32 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i32 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_rural_service_bases_built' AS indicator, CASE x.s_i33 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i33 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i33), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i33 AS value, '1个' AS target, CASE WHEN x.s_i33 = 0 THEN ROUND(x.v_i33 - CAST(1 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i33 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'community_training' AS indicator, CASE x.s_i34 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i34 >= CAST(50000 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i34), CAST(50000 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i34 AS value, '5万人次' AS target, CASE WHEN x.s_i34 = 0 THEN ROUND(x.v_i34 - CAST(50000 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i34 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'smart_campuses' AS indicator, CASE x.s_i35 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i35 >= CAST(30 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i35), CAST(30 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i35 AS value, '30所' AS target, CASE WHEN x.s_i35 = 0 THEN ROUND(x.v_i35 - CAST(30 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i35 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'social_evaluation_agencies_cultivated' AS indicator, CASE x.s_i36 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i36 >= CAST(4 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i36), CAST(4 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i36 AS value, '4-5个' AS target, CASE WHEN x.s_i36 = 0 THEN ROUND(CASE WHEN x.v_i36 < CAST(4 AS DOUBLE) THEN x.v_i36 - CAST(4 AS DOUBLE) WHEN x.v_i36 > CAST(5 AS DOUBLE) THEN x.v_i36 - CAST(5 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i36 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'school_charter_share' AS indicator, CASE x.s_i37 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i37 >= CAST(0.3 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i37), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i37 AS value, '30%' AS target, CASE WHEN x.s_i37 = 0 THEN ROUND((x.v_i37 - CAST(0.3 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i37 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'provincial_demo_teacher_centres_passed' AS indicator, CASE x.s_i38 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i38 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i38), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i38 AS value, '1-2家' AS target, CASE WHEN x.s_i38 = 0 THEN ROUND(CASE WHEN x.v_i38 < CAST(1 AS DOUBLE) THEN x.v_i38 - CAST(1 AS DOUBLE) WHEN x.v_i38 > CAST(2 AS DOUBLE) THEN x.v_i38 - CAST(2 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i38 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'teacher_dev_demonstration_schools_created' AS indicator, CASE x.s_i39 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i39 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i39), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i39 AS value, '1-2所' AS target, CASE WHEN x.s_i39 = 0 THEN ROUND(CASE WHEN x.v_i39 < CAST(1 AS DOUBLE) THEN x.v_i39 - CAST(1 AS DOUBLE) WHEN x.v_i39 > CAST(2 AS DOUBLE) THEN x.v_i39 - CAST(2 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i39 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'teacher_dev_excellent_schools_created' AS indicator, CASE x.s_i40 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i40 >= CAST(3 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i40), CAST(3 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i40 AS value, '3-5所' AS target, CASE WHEN x.s_i40 = 0 THEN ROUND(CASE WHEN x.v_i40 < CAST(3 AS DOUBLE) THEN x.v_i40 - CAST(3 AS DOUBLE) WHEN x.v_i40 > CAST(5 AS DOUBLE) THEN x.v_i40 - CAST(5 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i40 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'teacher_dev_qualified_schools_created' AS indicator, CASE x.s_i41 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i41 >= CAST(8 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i41), CAST(8 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i41 AS value, '8-10所' AS target, CASE WHEN x.s_i41 = 0 THEN ROUND(CASE WHEN x.v_i41 < CAST(8 AS DOUBLE) THEN x.v_i41 - CAST(8 AS DOUBLE) WHEN x.v_i41 > CAST(10 AS DOUBLE) THEN x.v_i41 - CAST(10 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END, 6) END AS gap, FALSE AS reference FROM x_i41 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'kindergarten_teacher_associate_share' AS indicator, CASE x.s_i42 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i42 >= CAST(0.94 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i42), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i42 AS value, '达94%' AS target, CASE WHEN x.s_i42 = 0 THEN ROUND((x.v_i42 - CAST(0.94 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i42 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'primary_teacher_associate_share' AS indicator, CASE x.s_i43 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i43 >= CAST(0.96 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i43), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i43 AS value, '达96%' AS target, CASE WHEN x.s_i43 = 0 THEN ROUND((x.v_i43 - CAST(0.96 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i43 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'primary_teacher_bachelor_share' AS indicator, CASE x.s_i44 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i44 >= CAST(0.82 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i44), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i44 AS value, '达82%' AS target, CASE WHEN x.s_i44 = 0 THEN ROUND((x.v_i44 - CAST(0.82 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i44 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'junior_teacher_bachelor_share' AS indicator, CASE x.s_i45 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i45 >= CAST(0.96 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i45), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i45 AS value, '达96%' AS target, CASE WHEN x.s_i45 = 0 THEN ROUND((x.v_i45 - CAST(0.96 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i45 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'junior_teacher_master_share' AS indicator, CASE x.s_i46 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i46 >= CAST(0.22 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i46), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i46 AS value, '达22%' AS target, CASE WHEN x.s_i46 = 0 THEN ROUND((x.v_i46 - CAST(0.22 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i46 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'senior_teacher_master_share' AS indicator, CASE x.s_i47 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i47 >= CAST(0.19 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i47), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i47 AS value, '达19%' AS target, CASE WHEN x.s_i47 = 0 THEN ROUND((x.v_i47 - CAST(0.19 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i47 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'vocational_dual_qualified_share' AS indicator, CASE x.s_i48 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i48 >= CAST(0.7 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i48), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i48 AS value, '达70%' AS target, CASE WHEN x.s_i48 = 0 THEN ROUND((x.v_i48 - CAST(0.7 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i48 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'fitness_excellent_rate' AS indicator, CASE x.s_i49 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i49 >= CAST(0.1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i49), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i49 AS value, '达到10%以上' AS target, CASE WHEN x.s_i49 = 0 THEN ROUND((x.v_i49 - CAST(0.1 AS DOUBLE)) * 100, 6) END AS gap, (x.s_i49 <> 3 AND NOT COALESCE(x.level IN ('city', 'district'), FALSE)) AS reference FROM x_i49 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'fitness_pass_rate' AS indicator, CASE x.s_i50 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i50 >= CAST(0.95 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i50), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i50 AS value, '达到95%以上' AS target, CASE WHEN x.s_i50 = 0 THEN ROUND((x.v_i50 - CAST(0.95 AS DOUBLE)) * 100, 6) END AS gap, (x.s_i50 <> 3 AND NOT COALESCE(x.level IN ('city', 'district'), FALSE)) AS reference FROM x_i50 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'party_branches_three_star_share' AS indicator, CASE x.s_i51 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i51 >= CAST(1 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i51), CAST(1 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i51 AS value, '全部' AS target, CASE WHEN x.s_i51 = 0 THEN ROUND((x.v_i51 - CAST(1 AS DOUBLE)) * 100, 6) END AS gap, FALSE AS reference FROM x_i51 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'party_branches_four_star_count' AS indicator, CASE x.s_i52 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i52 >= CAST(15 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i52), CAST(15 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i52 AS value, '15个' AS target, CASE WHEN x.s_i52 = 0 THEN ROUND(x.v_i52 - CAST(15 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i52 x
UNION ALL
SELECT x.id AS unit_id, x.level AS level, 'party_branches_five_star_count' AS indicator, CASE x.s_i53 WHEN 3 THEN 'not_applicable' WHEN 1 THEN 'not_computable' WHEN 2 THEN 'no_data' ELSE CASE WHEN x.v_i53 >= CAST(2 AS DOUBLE) - 1e-9 * GREATEST(ABS(x.v_i53), CAST(2 AS DOUBLE)) THEN 'met' ELSE 'not_met' END END AS status, x.d_i53 AS value, '2个' AS target, CASE WHEN x.s_i53 = 0 THEN ROUND(x.v_i53 - CAST(2 AS DOUBLE), 6) END AS gap, FALSE AS reference FROM x_i53 x
) results
ORDER BY unit_id, indicator
