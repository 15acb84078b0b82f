package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
)

const (
	fourteenthPlan = "../../examples/fourteenth/plan.json"
	fourteenthData = "../../examples/fourteenth/data.csv"
)

// eduplan progress over the 十四五 example (its numbers are worked by hand
// in examples/fourteenth_test.go): every format carries the baseline, the
// change, the year's target, completion and status.
func TestProgressFormats(t *testing.T) {
	for _, tc := range []struct {
		format string
		lang   string
		want   []string
	}{
		{"table", "zh", []string{"进度报告 · county-14th-five-year-education · 2020–2023年", "示例县(county)",
			"55.6%  进度偏慢，需加快", "-12.4%  出现倒退", "阶段目标 ≥ 88%（2023年，已达到）", "109.9%  已达目标", "236.6%  已达目标",
			"+2.50个百分点", "河西小学(s3)：仅有2020、2021年的数据", "新城小学(s4)：仅有2023年的数据"}},
		{"table", "en", []string{"Progress report", "55.6%  moderate progress, needs acceleration", "milestone ≥ 88% (2023, met)",
			"+2.50 pp", "河西小学(s3): figures for 2020, 2021 only"}},
		{"markdown", "zh", []string{"# 进度报告", "## 示例县(county)", "| 指标 | 年度 | 数值 |", "| 55.6% | 进度偏慢，需加快 |",
			"## 只在部分年份有数据的单位"}},
		{"csv", "en", []string{"unit_id,unit_name,year,indicator_id", "county,示例县,2023,schooling_years,Average years of schooling of the working-age population,binding,not met,11.9,11.75 (2022),+0.15,11.4 (2020),—,≥ 12.3 (2025),55.6%,\"moderate progress, needs acceleration\",moderate,"}},
	} {
		t.Run(tc.format+"/"+tc.lang, func(t *testing.T) {
			r := eduplan(t, "progress", "--lang", tc.lang, "--format", tc.format, "--plan", fourteenthPlan, fourteenthData)
			require.Equal(t, exitOK, r.code, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stdout, w)
			}
		})
	}
}

func TestProgressJSON(t *testing.T) {
	r := eduplan(t, "progress", "--format", "json", "--unit", "s2", "--plan", fourteenthPlan, fourteenthData)
	require.Equal(t, exitOK, r.code, r.stderr)
	var rep struct {
		Years []int `json:"years"`
		Rows  []struct {
			Unit     struct{ ID string } `json:"unit"`
			Year     int                 `json:"year"`
			Progress *struct {
				Status     string   `json:"status"`
				Completion *float64 `json:"completion"`
			} `json:"progress"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Equal(t, []int{2020, 2021, 2022, 2023}, rep.Years)
	require.Len(t, rep.Rows, 4, "s2's one indicator in four years")
	last := rep.Rows[3]
	assert.Equal(t, "s2", last.Unit.ID)
	assert.Equal(t, 2023, last.Year)
	assert.Equal(t, "target_achieved", last.Progress.Status)
	assert.InDelta(t, 1.0992063, *last.Progress.Completion, 1e-6)
}

// One file per year: a file that states no year takes it from its name.
func TestProgressFilePerYear(t *testing.T) {
	b, err := os.ReadFile(fourteenthData)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	dir := t.TempDir()
	byYear := map[string][]string{}
	for _, l := range lines[1:] {
		y, rest, _ := strings.Cut(l, ",")
		byYear[y] = append(byYear[y], rest)
	}
	header := strings.SplitN(lines[0], ",", 2)[1]
	var files []string
	for _, y := range []string{"2023", "2020", "2022", "2021"} {
		f := filepath.Join(dir, y+".csv")
		require.NoError(t, os.WriteFile(f, []byte(header+"\n"+strings.Join(byYear[y], "\n")+"\n"), 0o644))
		files = append(files, f)
	}
	whole := eduplan(t, "progress", "--plan", fourteenthPlan, fourteenthData)
	split := eduplan(t, append([]string{"progress", "--plan", fourteenthPlan}, files...)...)
	require.Equal(t, exitOK, split.code, split.stderr)
	assert.Equal(t, whole.stdout, split.stdout)
}

// A workbook of several years (its first sheet, a 年份 column) reads as the
// CSV file does.
func TestProgressWorkbook(t *testing.T) {
	b, err := os.ReadFile(fourteenthData)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sheet := xlsx.Sheet{Name: "data", Header: strings.Split(lines[0], ",")}
	for _, l := range lines[1:] {
		sheet.Rows = append(sheet.Rows, strings.Split(l, ","))
	}
	var buf bytes.Buffer
	require.NoError(t, xlsx.Write(&buf, sheet))
	f := filepath.Join(t.TempDir(), "data.xlsx")
	require.NoError(t, os.WriteFile(f, buf.Bytes(), 0o644))
	whole := eduplan(t, "progress", "--plan", fourteenthPlan, fourteenthData)
	book := eduplan(t, "progress", "--plan", fourteenthPlan, f)
	require.Equal(t, exitOK, book.code, book.stderr)
	assert.Equal(t, whole.stdout, book.stdout)
}

func TestProgressFellBack(t *testing.T) {
	r := eduplan(t, "progress", "--fell-back", "--format", "csv", "--lang", "en", "--plan", fourteenthPlan, fourteenthData)
	require.Equal(t, exitOK, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\r\n")
	require.Len(t, lines, 2, r.stdout)
	assert.True(t, strings.HasPrefix(lines[1], "county,示例县,2023,retention,"), lines[1])
}
