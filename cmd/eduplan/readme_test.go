package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/plan"
)

// The README must not rot: every eduplan command in its sh blocks runs here,
// in-process, from the module root, and the plan and CSV examples load.

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	return string(b)
}

func blocks(t *testing.T, lang string) []string {
	var out []string
	for _, m := range regexp.MustCompile("(?s)```"+lang+"\n(.*?)```").FindAllStringSubmatch(readme(t), -1) {
		out = append(out, m[1])
	}
	require.NotEmpty(t, out, "README has %s blocks", lang)
	return out
}

// readmeCommands returns the argument lists of every "go run ./cmd/eduplan"
// line, with comments removed.
func readmeCommands(t *testing.T) [][]string {
	var cmds [][]string
	for _, b := range blocks(t, "sh") {
		for _, line := range strings.Split(b, "\n") {
			line, _, _ = strings.Cut(line, "#")
			fields := strings.Fields(line)
			if len(fields) > 3 && fields[0] == "go" && fields[1] == "run" && fields[2] == "./cmd/eduplan" {
				cmds = append(cmds, fields[3:])
			}
		}
	}
	return cmds
}

func TestREADMECommandsRun(t *testing.T) {
	cmds := readmeCommands(t)
	require.GreaterOrEqual(t, len(cmds), 8)
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	out := t.TempDir()
	// What one command writes, another reads (template --split, then
	// collect that folder): an argument naming an output is its new place.
	moved := map[string]string{}
	for _, args := range cmds {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if (args[0] == "serve" || args[0] == "build-web") && testing.Short() {
				t.Skip("builds the WebAssembly page; skipped with -short")
			}
			t.Chdir(root)
			// Outputs go to a temporary folder, never into the work tree.
			args = append([]string(nil), args...)
			var written []string
			for i := range args {
				// A status file is written by --set and read by the
				// commands after it, so it goes to the same place each time.
				if i > 0 && (args[i-1] == "-o" || args[i-1] == "--out" || args[i-1] == "--single" || args[i-1] == "--status" || args[i-1] == "--split") {
					moved[args[i]] = filepath.Join(out, filepath.Base(args[i]))
					args[i] = moved[args[i]]
					written = append(written, args[i])
				} else if to, ok := moved[args[i]]; ok {
					args[i] = to
				}
			}
			var stdout, stderr syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			if args[0] == "serve" {
				// A free port, and stop once the page is served.
				args = append(args, "--addr", "127.0.0.1:0")
				go func() {
					for ctx.Err() == nil && !strings.Contains(stdout.String(), "http://") {
						time.Sleep(50 * time.Millisecond)
					}
					cancel()
				}()
			}
			e := &env{ctx: ctx, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
				lang: langOf(args), now: func() time.Time { return time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC) }}
			code := e.main(args)
			assert.Contains(t, []int{exitOK, exitFail}, code, "stderr: %s", stderr.String())
			for _, path := range written {
				info, err := os.Stat(path)
				if assert.NoError(t, err, "the command writes %s", path) {
					assert.NotZero(t, info.Size(), path)
				}
			}
			if len(written) == 0 {
				assert.NotEmpty(t, stdout.String(), "stderr: %s", stderr.String())
			}
			if args[0] == "serve" {
				assert.Contains(t, stdout.String(), "http://127.0.0.1:")
			}
		})
	}
}

func TestREADMEPlanAndCSVExamplesLoad(t *testing.T) {
	var planJSON string
	for _, b := range blocks(t, "json") {
		if strings.Contains(b, `"format": "eduplan.plan/v1"`) {
			planJSON = b
		}
	}
	require.NotEmpty(t, planJSON, "README shows a complete plan")
	p, err := plan.Parse([]byte(planJSON))
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	assert.Equal(t, plan.Binding, cat.NatureOf("preschool_ger"))
	require.Len(t, cat.Rules(), 1, "the example plan shows a validation rule")

	csv := blocks(t, "csv")[0]
	d, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "README.md", Year: p.Year})
	require.NoError(t, err)
	r, err := cat.Assess(d, indicators.Options{Units: []string{"d1"}})
	require.NoError(t, err)
	res := r.Units[0].Results[0]
	assert.Equal(t, "preschool_ger", res.Indicator)
	assert.Equal(t, indicators.NotMet, res.Status, "1,240 of 5,200 children")
	require.NotNil(t, res.Value)
	assert.InDelta(t, 1240.0/5200, *res.Value, 1e-9)
	require.NotNil(t, r.Validation)
	assert.Equal(t, 1, r.Validation.Counts.Passed, "1,240 ≤ 1.5 × 5,200 at d1")
}
