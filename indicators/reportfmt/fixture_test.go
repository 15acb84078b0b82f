package reportfmt

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func f(v float64) *float64 { return &v }

// fixture is a report with every status, both natures, a result shown for
// reference, percents, counts, a range and a gap target, a value a unit
// reported itself, a warning, a parent's own figure that differs from its
// units' sum, and names that would break a table or a page if they were
// not escaped.
func fixture() *indicators.Report {
	ger := indicators.Result{
		Indicator: "preschool-ger", Name: msg.Text{ZH: "学前三年教育毛入学率", EN: "Preschool gross enrolment rate"},
		Status: indicators.Met, Nature: plan.Binding, Unit: plan.Percent,
		Value: f(0.992), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "达99%以上", Op: rule.GE, Value: 0.99,
			Display: msg.Text{ZH: "≥ 99%", EN: "≥ 99%"}},
		Gap: f(0.2), Formula: "kg_pupils_3_5 / pop_3_5",
		Inputs: []indicators.Input{
			{ID: "kg_pupils_3_5", Name: msg.Text{ZH: "3-5岁在园幼儿数", EN: "Children aged 3-5 in kindergarten"}, Unit: plan.Count, Value: f(12400), Origin: indicators.Summed, Children: 3},
			{ID: "pop_3_5", Name: msg.Text{ZH: "3-5岁适龄人口", EN: "Population aged 3-5"}, Unit: plan.Count, Value: f(12500), Origin: indicators.Reported},
		},
		Wording: "学前三年教育毛入学率达99%以上",
		Places:  []plan.Place{{ID: "goal-1", Label: msg.Text{ZH: "总体目标1", EN: "Goal 1"}}},
	}
	choice := indicators.Result{
		Indicator: "school-choice", Name: msg.Text{ZH: "择校生比例", EN: "Share of school-choice pupils"},
		Status: indicators.NotMet, Nature: plan.Binding, Unit: plan.Percent,
		Value: f(0.063), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "控制在5%以内", Op: rule.LE, Value: 0.05,
			Display: msg.Text{ZH: "≤ 5%", EN: "≤ 5%"}},
		Gap: f(1.3), Formula: "choice_pupils / pupils",
		Inputs: []indicators.Input{
			{ID: "choice_pupils", Name: msg.Text{ZH: "择校生数"}, Unit: plan.Count, Value: f(63)},
			{ID: "pupils", Name: msg.Text{ZH: "在校生数", EN: "Pupils"}, Unit: plan.Count, Value: f(1000), Origin: indicators.Reported,
				Own: f(1000), ChildrenSum: f(990)},
		},
		Wording: "择校生比例控制在5%以内",
		Places:  []plan.Place{{ID: "goal-1", Label: msg.Text{ZH: "总体目标1", EN: "Goal 1"}}, {ID: "task-3", Label: msg.Text{ZH: "任务3", EN: "Task 3"}}},
	}
	standard := indicators.Result{
		Indicator: "standard-rate", Name: msg.Text{ZH: "省义务教育学校标准化率", EN: "Share of standardised compulsory schools"},
		Status: indicators.NotMet, Nature: plan.Aspirational, Unit: plan.Percent,
		Value: f(0.84), Origin: indicators.Reported,
		Target: indicators.TargetInfo{Text: "力争达85%", Op: rule.GE, Value: 0.85,
			Display: msg.Text{ZH: "≥ 85%（力争）", EN: "≥ 85% (aspired)"}},
		Gap: f(-1), Formula: "standard_schools / schools", Inputs: []indicators.Input{},
		Wording: "力争省义务教育学校标准化率达85%",
	}
	disabled := indicators.Result{
		Indicator: "disabled-enrol", Name: msg.Text{ZH: "残疾儿童少年义务教育入学率", EN: "Enrolment rate of disabled children"},
		Status: indicators.NoData, Nature: plan.Binding, Unit: plan.Percent,
		Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "98%以上", Op: rule.GE, Value: 0.98,
			Display: msg.Text{ZH: "≥ 98%", EN: "≥ 98%"}},
		Formula: "disabled_enrolled / disabled_children",
		Inputs: []indicators.Input{
			{ID: "disabled_enrolled", Name: msg.Text{ZH: "残疾儿童少年入学数"}, Unit: plan.Count},
		},
		Wording: "残疾儿童少年义务教育入学率在98%以上",
		Reason:  &msg.Text{ZH: "缺少数据：残疾儿童少年入学数", EN: "figures missing: disabled children enrolled"},
	}
	gap := indicators.Result{
		Indicator: "district-gap", Name: msg.Text{ZH: "辖市区间巩固率差距", EN: "Gap in retention between districts"},
		Status: indicators.NotMet, Nature: plan.Binding, Unit: plan.Percent,
		Value: f(0.112), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "不超过10个百分点", Op: rule.LE, Value: 0.10, Points: true,
			Display: msg.Text{ZH: "≤ 10个百分点", EN: "≤ 10 pp"}},
		Gap: f(1.2), Formula: "spread(retention)", Inputs: []indicators.Input{},
		Wording: "辖市区之间差距不超过10个百分点",
	}
	bases := indicators.Result{
		Indicator: "course-bases", Name: msg.Text{ZH: "省级课程基地", EN: "Provincial curriculum bases"},
		Status: indicators.Met, Nature: plan.Binding, Unit: plan.Count,
		Value: f(3), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "3-4个", Op: rule.Between, Value: 3, Max: f(4),
			Display: msg.Text{ZH: "3–4", EN: "3–4"}},
		Gap: f(0), Formula: "course_bases", Inputs: []indicators.Input{},
		Wording: "建设3-4个省级课程基地",
	}
	ratio := indicators.Result{
		Indicator: "kg-ger", Name: msg.Text{ZH: "幼儿园毛入学率", EN: "Kindergarten GER"},
		Status: indicators.Met, Nature: plan.Binding, Unit: plan.Percent,
		Value: f(1.03), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "≥99%", Op: rule.GE, Value: 0.99,
			Display: msg.Text{ZH: "≥ 99%", EN: "≥ 99%"}},
		Gap: f(4), Formula: "a / b", Inputs: []indicators.Input{},
		Warnings: []msg.Text{{ZH: "数值超过100%：毛入学率等可以超过100%，其他比率请核对数据", EN: "value above 100%: legal for gross enrolment rates, check the figures otherwise"}},
	}
	zero := indicators.Result{
		Indicator: "transfer-rate", Name: msg.Text{ZH: "初中毕业生升学率", EN: "Junior graduates' progression rate"},
		Status: indicators.NotComputable, Nature: plan.Binding, Unit: plan.Percent,
		Target: indicators.TargetInfo{Text: "达99%以上", Op: rule.GE, Value: 0.99,
			Display: msg.Text{ZH: "≥ 99%", EN: "≥ 99%"}},
		Formula: "entrants / graduates", Inputs: []indicators.Input{},
		Reason: &msg.Text{ZH: "无法计算：分母为零或结果不是有限数", EN: "not computable: a zero denominator or a result that is not a finite number"},
	}
	hostile := indicators.Result{
		Indicator: "odd|name", Name: msg.Text{ZH: "=HYPERLINK(\"x\")|<img src=x onerror=alert(1)>\n第二行", EN: "=cmd|' /C calc'!A0"},
		Status: indicators.Met, Nature: plan.Aspirational, Unit: plan.Count,
		Value: f(-2), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "≥ -3", Op: rule.GE, Value: -3, Display: msg.Text{ZH: "≥ -3", EN: "≥ -3"}},
		Gap:    f(1), Formula: "x", Inputs: []indicators.Input{},
		Wording: "*粗体* _斜体_ [链接](http://x)",
	}
	// The city's target beside a school's own figure: for reference, no
	// verdict on the school.
	fitness := indicators.Result{
		Indicator: "fitness-pass", Name: msg.Text{ZH: "体质健康合格率", EN: "Fitness pass rate"},
		Status: indicators.NotMet, Reference: true, Nature: plan.Binding, Unit: plan.Percent,
		Value: f(0.9477), Origin: indicators.Computed,
		Target: indicators.TargetInfo{Text: "达到95%以上", Op: rule.GE, Value: 0.95,
			Display: msg.Text{ZH: "≥ 95%", EN: "≥ 95%"}, For: &plan.Scope{Levels: []org.Level{org.City, org.District}}},
		Gap: f(-0.23), Formula: "passed / tested", Inputs: []indicators.Input{},
		Wording: "合格率达到95%以上",
	}
	sum := func(rs ...indicators.Result) indicators.Summary {
		var s indicators.Summary
		for _, r := range rs {
			s.Add(r)
		}
		return s
	}
	city := []indicators.Result{ger, choice, standard, disabled, gap, bases}
	school := []indicators.Result{ratio, zero, hostile, fitness}
	return &indicators.Report{
		Plan: "zhenjiang-2017",
		Year: 2017,
		Hierarchy: []indicators.FigureMismatch{{
			Unit: dataset.OrgUnit{ID: "zj", Name: "镇江市", Level: org.City}, Metric: "pupils",
			Name: msg.Text{ZH: "在校生数", EN: "Pupils"}, Measure: plan.Count,
			Own: 1000, ChildrenSum: 990, Children: 7, Difference: 10, Used: indicators.ParentOwn,
		}},
		Units: []indicators.UnitReport{
			{Unit: dataset.OrgUnit{ID: "zj", Name: "镇江市", Level: org.City}, Summary: sum(city...), Results: city},
			{Unit: dataset.OrgUnit{ID: "jk", Name: "京口区", Level: org.District, Parent: "zj"}, Results: []indicators.Result{}},
			{Unit: dataset.OrgUnit{ID: "jk-kg1", Name: "京口区实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "jk"}, Summary: sum(school...), Results: school},
		},
	}
}
