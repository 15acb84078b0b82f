package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The second example plan (examples/secondplan) through the command: lint
// accepts it, check gives the hand calculation's verdicts
// (examples/secondplan_test.go works them out) and fails on the three binding
// targets missed, and explain shows the weighted CV worked out.
func TestSecondPlanCommand(t *testing.T) {
	const (
		p = "../../examples/secondplan/plan.json"
		d = "../../examples/secondplan/data.csv"
	)
	r := eduplan(t, "lint", p)
	require.Equal(t, exitOK, r.code, r.stderr)

	r = eduplan(t, "check", "--plan", p, d)
	assert.Equal(t, exitFail, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	for _, line := range []string{
		// 庐阳区: weighted CV met, unweighted not met.
		"达标    生均教学仪器设备值校际差异系数                   0.24  ≤ 0.5          -0.26",
		"未达标  生均教学仪器设备值校际差异系数（不加权，对照）   0.53  ≤ 0.5          +0.03",
		// 青阳县: the other way round, and held to its own 92%.
		"未达标  生均教学仪器设备值校际差异系数                  0.52  ≤ 0.5        +0.02",
		"达标    生均教学仪器设备值校际差异系数（不加权，对照）  0.35  ≤ 0.5        -0.15",
		"达标    学前三年幼儿入园率                               93.00%  ≥ 92%   +1.00个百分点",
		"本单位目标（按计划对青阳县的要求；其余单位 ≥ 96%）",
		// 蜀山区 misses the 市区 98% it would meet under the default 96%.
		"未达标  学前三年幼儿入园率                               97.00%  ≥ 98%   -1.00个百分点",
		// The city is held to the default.
		"达标  学前三年幼儿入园率  97.88%  ≥ 96%  +1.88个百分点",
		// 包河区's score.
		"达标    督导评估得分                                      93  ≥ 85            +8",
		"合计（14 个单位）：约束性 达标 11，未达标 3，缺数据 11，无法计算 0",
	} {
		// Rows are compared word by word: column widths follow the
		// widest cell, which is not what this test is about.
		assert.Contains(t, squash(r.stdout), squash(line))
	}

	r = eduplan(t, "explain", "--plan", p, "--data", d, "--unit", "青阳县", "equipment_cv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "P = 2000，X̄ = 2000，S = 1043.55，CV = 1043.55 / 2000 = 0.521776")
}

// explain names a metric's unit by the counter word the plan declares: a
// money figure counted in 元 is not shown in 万元.
func TestExplainShowsTheDeclaredCounter(t *testing.T) {
	r := eduplan(t, "explain", "--plan", "../../examples/secondplan/plan.json",
		"--data", "../../examples/secondplan/data.csv", "--unit", "青阳县", "equipment_cv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "(equipment_per_pupil) · 元 ·")
	assert.NotContains(t, r.stdout, "万元")
	r = eduplan(t, "explain", "--plan", "../../examples/secondplan/plan.json", "--lang", "en", "equipment_cv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "(equipment_per_pupil) · yuan ·")
}

// squash writes every run of spaces as one space, line by line.
func squash(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
