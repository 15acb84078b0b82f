package view_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

func TestQualityTexts(t *testing.T) {
	assert.Nil(t, view.QualityOf(nil))
	q := &indicators.DataQuality{File: "r.csv", Encoding: "gbk",
		Units:    []indicators.UnitCount{{Level: org.District, Count: 2}, {Level: org.School, Kind: org.Kindergarten, Count: 3}},
		Expected: 8, Present: 5, Missing: 3,
		MissingByMarker: []dataset.MarkerCount{{Marker: "--", Count: 2}, {Marker: "…", Count: 1}},
		MissingCells: []dataset.MissingCell{
			{File: "r.csv", Row: 3, Column: 7, Header: "适龄人口", Unit: "d1", Metric: "population", Text: "－－", Marker: "--"},
			{File: "r.json", Row: 4, Column: 9, Path: "units[1].figures.pass", Unit: "k2", Metric: "pass", Text: "null", Marker: "null"},
		},
		Warnings:    2,
		WarningList: []indicators.CellNote{{File: "r.csv", Row: 6, Column: 6, Header: "在园幼儿数", Unit: "p1", Text: "5", Reason: dataset.WarnNotReportedBy}},
		Districts:   []indicators.DistrictQuality{{ID: "d1", Name: "甲区", Expected: 5, Present: 3, Share: 0.6}},
	}
	v := view.QualityOf(q)
	require.NotNil(t, v)
	in := func(ts []msg.Text, lang string) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = t.In(lang)
		}
		return out
	}
	assert.Equal(t, "数据质量", v.Title.ZH)
	assert.Equal(t, []string{"文件：r.csv（gbk）", "单位：辖市区 2、幼儿园 3", "应填数据 8 项，已填 5 项（62.5%），缺 3 项",
		"标为缺失的格：“--” 2 格、“…” 1 格", "提醒：2 条", "校验规则不通过：0 条"}, in(v.Lines, "zh"))
	assert.Equal(t, []string{"file: r.csv (gbk)", "units: District 2, Kindergarten 3", "figures expected: 8, present: 5 (62.5%), missing: 3",
		`cells marked missing: "--" 2, "…" 1`, "warnings: 2", "rule violations: 0"}, in(v.Lines, "en"))
	assert.Equal(t, []string{"甲区（d1）：应填 5 项，已填 3 项，完整率 60%"}, in(v.Districts, "zh"))
	assert.Equal(t, []string{"甲区 (d1): 3 of 5 figures present, 60% complete"}, in(v.Districts, "en"))
	assert.Equal(t, []string{"r.csv 第3行第7列（适龄人口），单位 d1：“－－”", "r.json 第4行（units[1].figures.pass），单位 k2：“null”", "……另有 1 格未列出"}, in(v.Missing, "zh"))
	assert.Equal(t, []string{`r.csv line 3, column 7 (适龄人口), unit d1: "－－"`, `r.json line 4 (units[1].figures.pass), unit k2: "null"`, "… and 1 more not listed"}, in(v.Missing, "en"))
	require.Len(t, v.Warnings, 2)
	assert.Equal(t, `r.csv:6:6 (在园幼儿数) [p1]: "5": 计划不要求这类单位填报此项，请核对是否填错了行或列；该数按原样读入，只在用到它的地方（如上级的合计）计入`, v.Warnings[0].ZH)
	assert.Equal(t, "… and 1 more not listed", v.Warnings[1].EN)
}
