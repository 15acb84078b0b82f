package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokenPlan writes the second example plan with two faults: a target in
// words nobody defined (the plan's validation finds it) and a formula naming
// no metric (only compiling the catalogue does).
func brokenPlan(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../examples/secondplan/plan.json")
	require.NoError(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal(data, &p))
	inds := p["indicators"].([]any)
	inds[0].(map[string]any)["target"] = "差不多就行"
	inds[1].(map[string]any)["formula"] = "no_such_metric / 2"
	out, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "broken.json")
	require.NoError(t, os.WriteFile(path, out, 0o644))
	return path
}

// A plan with problems is refused before anything is built or written, with
// the report eduplan lint gives.
func TestWebCommandsRefuseBrokenPlan(t *testing.T) {
	plan := brokenPlan(t)
	lint := eduplan(t, "lint", "--lang", "en", plan)
	require.Equal(t, exitUsage, lint.code)
	problems := strings.Split(strings.TrimSpace(lint.stdout), "\n")
	require.Len(t, problems, 2, lint.stdout)

	dir := t.TempDir()
	for _, args := range [][]string{
		{"build-web", "--plan", plan, "--out", filepath.Join(dir, "web"), "--single", filepath.Join(dir, "one.html")},
		{"serve", "--plan", plan, "--addr", "127.0.0.1:0", "--out", filepath.Join(dir, "served")},
	} {
		t.Run(args[0], func(t *testing.T) {
			r := eduplan(t, append(args, "--lang", "en")...)
			assert.Equal(t, exitUsage, r.code)
			for _, p := range problems {
				assert.Contains(t, r.stderr, p, "the lint report")
			}
			assert.Contains(t, r.stderr, "eduplan lint "+plan)
			assert.Empty(t, r.stdout)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "nothing written")
		})
	}

	r := eduplan(t, "build-web", "--plan", filepath.Join(dir, "missing.json"), "--out", filepath.Join(dir, "web"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "missing.json")
	assert.NoDirExists(t, filepath.Join(dir, "web"))
}

// TestBuildWebWithPlan compiles the page for real; -short skips it.
func TestBuildWebWithPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the wasm page; run without -short")
	}
	dir := t.TempDir()
	single := filepath.Join(dir, "secondplan.html")
	r := eduplan(t, "build-web", "--plan", "../../examples/secondplan/plan.json", "--out", filepath.Join(dir, "web"), "--single", single)
	require.Equal(t, exitOK, r.code, r.stderr)
	const title = "县域义务教育均衡发展督导评估目标（示例：合肥市三区与青阳县，据公开文本组合）"
	for _, f := range []string{single, filepath.Join(dir, "web", "index.html")} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		page := string(b)
		assert.Contains(t, page, `<h1 id="plan-title">`+title+`</h1>`, f)
		assert.Contains(t, page, `<p class="plan-meta" id="plan-meta">示例督导部门（组合示例，非单一机构文件） · 2015</p>`, f)
		assert.Contains(t, page, `id="eduplan-plan" data-name="plan.json">`, f)
		assert.Contains(t, page, `"id": "anhui-junheng-example"`, f)
		assert.NotContains(t, page, "zhenjiang-2017", "the seed is in the wasm, not named in the page")
	}
}

// The README names every command that takes --plan, as its help shows it.
func TestREADMENamesEveryPlanFlag(t *testing.T) {
	text := readme(t)
	end := strings.Index(text, "take `--plan FILE`")
	require.Positive(t, end, "the README says which commands take --plan")
	start := strings.LastIndex(text[:end], "\n\n")
	names := text[start:end]
	n := 0
	for _, c := range commands {
		if c.name == "help" {
			continue
		}
		r := eduplan(t, c.name, "--help")
		if strings.Contains(r.stdout+r.stderr, "--plan") {
			assert.Contains(t, names, "`"+c.name+"`", "eduplan %s takes --plan", c.name)
			n++
		}
	}
	assert.GreaterOrEqual(t, n, 6)
}
