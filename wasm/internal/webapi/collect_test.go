package webapi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collectFiles merges as eduplan collect does (the same collect.Merge):
// identical duplicates taken, conflicts refused naming both files, bad
// files named, the units of the list that did not return named; the
// merged file is then the one assessFile assesses.
func TestCollectFiles(t *testing.T) {
	const head = "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,在园幼儿数\n"
	ret := func(id, name, enrolled string) map[string]any {
		return map[string]any{"name": id + ".csv", "text": head + "d1,东区,区县,,,2017,fixture-2017,\n" +
			id + "," + name + ",学校,幼儿园,d1,2017,fixture-2017," + enrolled + "\n"}
	}
	list := map[string]any{"name": "units.csv", "text": "单位代码,单位名称,层级,学校类型,上级单位\nd1,东区,区县,,\n" +
		"k1,一园,学校,幼儿园,d1\nk2,二园,学校,幼儿园,d1\nk3,三园,学校,幼儿园,d1\n"}
	sheet := map[string]any{"name": "k2.xlsx", "sheet": "Sheet1", "cells": [][]string{
		{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "年度", "计划编号", "在园幼儿数"},
		{"d1", "东区", "区县", "", "", "2017", "fixture-2017", ""},
		{"k2", "二园", "学校", "幼儿园", "d1", "2017", "fixture-2017", "80"}}}
	type result struct {
		Headline       struct{ ZH, EN string }
		Files          []struct{ ZH, EN string }
		MissingHead    struct{ ZH string }
		Missing        []struct{ ID string }
		UnexpectedHead struct{ ZH string }
		Units          int
		Merged         struct{ Filename, Text string }
	}
	for _, tc := range []struct {
		name       string
		req        map[string]any
		missing    []string
		units      int
		headline   string
		fileTexts  []string // a part of each file's line
		errs       []string // a part of each error (conflicts) ...
		dataErrs   []string // ... or of each rejected cell's file
		missingFor string
	}{
		{name: "two returns and a workbook; one of the list did not return",
			req:      map[string]any{"files": []any{ret("k1", "一园", "120"), sheet, ret("k2", "二园", "80")}, "list": list, "level": "school"},
			missing:  []string{"k3"},
			units:    3,
			headline: "汇总了 3 个文件，3 个单位",
			fileTexts: []string{"k1.csv：2 个单位（新 2 个），取 1 个数据项，0 个相同的重复；填报单位 k1 一园",
				"k2.xlsx：2 个单位（新 1 个），取 1 个数据项，0 个相同的重复；填报单位 k2 二园",
				"k2.csv：2 个单位（新 0 个），取 0 个数据项，1 个相同的重复；填报单位 k2 二园"},
			missingFor: "名单中有 1 个单位没有交回："},
		{name: "no list: nothing expected",
			req:       map[string]any{"files": []any{ret("k1", "一园", "120")}},
			units:     2,
			headline:  "汇总了 1 个文件，2 个单位",
			fileTexts: []string{"k1.csv"}},
		{name: "the district's own figures expected too (no level)",
			req:        map[string]any{"files": []any{ret("k1", "一园", "120"), ret("k2", "二园", "80"), ret("k3", "三园", "1")}, "list": list},
			missing:    []string{"d1"},
			units:      4,
			headline:   "汇总了 3 个文件，4 个单位",
			fileTexts:  []string{"k1.csv", "k2.csv", "k3.csv"},
			missingFor: "名单中有 1 个单位没有交回："},
		{name: "conflicting duplicate: both files named",
			req:  map[string]any{"files": []any{ret("k1", "一园", "120"), map[string]any{"name": "k1-again.csv", "text": ret("k1", "一园", "125")["text"]}}},
			errs: []string{`单位 k1 的在园幼儿数不一致：k1.csv 第3行 是 "120"，k1-again.csv 第3行 是 "125"`}},
		{name: "a bad file and a file of another plan are named; nothing merged",
			req: map[string]any{"files": []any{ret("k1", "一园", "120"),
				map[string]any{"name": "bad.csv", "text": head + "k9,九园,学校,幼儿园,,2017,fixture-2017,很多\n"},
				map[string]any{"name": "other.csv", "text": strings.ReplaceAll(ret("k2", "二园", "80")["text"].(string), "fixture-2017", "other-2017")}}},
			dataErrs: []string{"bad.csv", "other.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := fixtureSession(t)
			a := call(t, s, "collectFiles", tc.req)
			if tc.errs != nil || tc.dataErrs != nil {
				require.Equal(t, false, a["ok"], a)
				errs := errorTexts(t, a)
				require.Len(t, errs, len(tc.errs))
				for i, want := range tc.errs {
					assert.Contains(t, errs[i], want)
				}
				var de struct{ DataErrors []struct{ File string } }
				decodeInto(t, a, &de)
				var files []string
				for _, e := range de.DataErrors {
					files = append(files, e.File)
				}
				for _, f := range tc.dataErrs {
					assert.Contains(t, files, f)
				}
				assert.Len(t, de.DataErrors, len(tc.dataErrs), "one error for each bad file")
				assert.Equal(t, false, call(t, s, "assessFile", nil)["ok"], "nothing was merged")
				return
			}
			require.Equal(t, true, a["ok"], a)
			var r result
			decodeInto(t, a, &r)
			assert.Equal(t, tc.headline, r.Headline.ZH)
			assert.NotEmpty(t, r.Headline.EN)
			require.Len(t, r.Files, len(tc.fileTexts))
			for i, want := range tc.fileTexts {
				assert.Contains(t, r.Files[i].ZH, want)
				assert.NotEmpty(t, r.Files[i].EN)
			}
			var missing []string
			for _, u := range r.Missing {
				missing = append(missing, u.ID)
			}
			assert.Equal(t, tc.missing, missing)
			assert.Equal(t, tc.missingFor, r.MissingHead.ZH)
			assert.Equal(t, tc.units, r.Units)
			// The merged file reads back, and is what assessFile assesses.
			var imp importAnswer
			decodeInto(t, mustOK(t, s, "importData", map[string]any{"name": r.Merged.Filename, "text": r.Merged.Text}), &imp)
			assert.Equal(t, tc.units, imp.Units)
			var f fileAnswer
			decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
			assert.Equal(t, tc.units, f.Units)
		})
	}
}

// A workbook's sheet names its plan as a CSV does: one made for another
// plan is refused on import, as the command line refuses it (it was read
// without the plan in use before collectFiles shared readData).
func TestImportWorkbookOfAnotherPlan(t *testing.T) {
	s := fixtureSession(t)
	sheet := func(plan string) map[string]any {
		return map[string]any{"name": "k1.xlsx", "sheet": "Sheet1", "cells": [][]string{
			{"单位代码", "单位名称", "层级", "学校类型", "计划编号", "在园幼儿数"},
			{"k1", "一园", "学校", "幼儿园", plan, "80"}}}
	}
	a := call(t, s, "importData", sheet("other-2017"))
	require.Equal(t, false, a["ok"])
	var de struct {
		DataErrors []struct{ Reason struct{ ZH string } }
	}
	decodeInto(t, a, &de)
	require.Len(t, de.DataErrors, 1)
	assert.Contains(t, de.DataErrors[0].Reason.ZH, `这个文件是按计划 "other-2017" 填报的，而现在使用的是计划 "fixture-2017"`)
	mustOK(t, s, "importData", sheet("fixture-2017"))
}
