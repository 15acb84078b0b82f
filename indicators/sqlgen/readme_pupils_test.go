//go:build !js

package sqlgen

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// The README's worked example from pupil records to a district report
// runs here as written: its sh blocks, line by line, in a folder of their
// own holding a copy of examples/pupils. `go run` of the repository's
// commands runs binaries built from them; psql reaches the test's
// throwaway PostgreSQL; duckdb is bench/pupils/duckdb.mjs, DuckDB's library
// through node, where its command-line client is not installed.

const pupilsDir = "../../examples/pupils"

// pupilsSection is the README's section of the worked example.
func pupilsSection(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, "\n## From pupil records to a district report\n")
	require.GreaterOrEqual(t, i, 0, "the README has the section")
	s = s[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+3]
	}
	return s
}

func sectionBlocks(section, lang string) []string {
	var out []string
	for _, m := range regexp.MustCompile("(?s)```"+lang+"\n(.*?)```").FindAllStringSubmatch(section, -1) {
		out = append(out, m[1])
	}
	return out
}

// runBlock runs a README sh block with bash -e, each `go run ./X` the
// binary built from X, in a copy of the example folder; it returns what
// the block prints.
func runBlock(t *testing.T, block string, env []string, bin string) string {
	t.Helper()
	work := t.TempDir()
	ex := filepath.Join(work, "examples", "pupils")
	require.NoError(t, os.MkdirAll(ex, 0o755))
	files, err := os.ReadDir(pupilsDir)
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(pupilsDir, f.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(ex, f.Name()), b, 0o644))
	}
	script := regexp.MustCompile(`(?m)^go run \./(?:cmd|bench/cmd)/(\w+)`).ReplaceAllString(block, bin+"/$1")
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = work
	cmd.Env = append(append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH")), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "the README's block:\n%s\nstderr: %s", block, stderr.String())
	if !strings.Contains(block, "genpupils") {
		return stdout.String()
	}
	// The files the generator writes are the ones in the repository.
	for _, name := range []string{"units.csv", "pupils.csv", "schools.csv"} {
		got, err := os.ReadFile(filepath.Join(ex, name))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join(pupilsDir, name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "examples/pupils/%s is not what the README's genpupils line writes: run it", name)
	}
	return stdout.String()
}

// buildTools builds eduplan and genpupils into a folder, where the
// README's blocks find them, with psql and duckdb.
func buildTools(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/eduplan", "./bench/cmd/genpupils")
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// pupilsEngine is the example's plan and the pupils counted per school,
// as eduplan check reads them.
func pupilsEngine(t *testing.T) (*indicators.Catalog, *dataset.Dataset) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pupilsDir, "plan.json"))
	require.NoError(t, err)
	p, err := plan.Parse(b)
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	f, err := os.Open(filepath.Join(pupilsDir, "schools.csv"))
	require.NoError(t, err)
	defer f.Close()
	d, err := dataset.ReadCSV(f, cat.Fields(), dataset.Options{File: "schools.csv", Year: p.Year})
	require.NoError(t, err)
	return cat, d
}

func readmeRows(t *testing.T, out string) map[[2]string]sqlRow {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err, "%s", out)
	return parseRows(t, rows)
}

func TestREADMEPupilsPostgres(t *testing.T) {
	s := needPostgres(t)
	section := pupilsSection(t)
	var block string
	for _, b := range sectionBlocks(section, "sh") {
		if strings.Contains(b, "psql") {
			block = b
		}
	}
	require.NotEmpty(t, block, "the section has a block that runs psql")
	bin := buildTools(t)
	db := s.CreateDB(t)
	psql := s.PsqlPath()
	if !filepath.IsAbs(psql) {
		psql, _ = exec.LookPath(psql)
	}
	require.NoError(t, os.WriteFile(filepath.Join(bin, "psql"), []byte("#!/bin/sh\nexec "+psql+" \"$@\"\n"), 0o755))
	out := runBlock(t, block, []string{"PGHOST=" + s.Socket(), "PGUSER=postgres", "PGDATABASE=" + db}, bin)
	cat, d := pupilsEngine(t)
	got := readmeRows(t, out)
	compareWithEngine(t, cat, d, got)
	// The rows the README shows are the rows printed.
	shown := sectionBlocks(section, "text")
	require.NotEmpty(t, shown, "the section shows the rows psql prints")
	lines := strings.Split(strings.TrimSpace(shown[0]), "\n")
	require.Greater(t, len(lines), 10)
	printed := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		printed[l] = true
	}
	var missing []string
	for _, l := range lines {
		if l != "…" && !printed[l] {
			missing = append(missing, l)
		}
	}
	assert.Empty(t, missing, "the README shows rows psql does not print; it printed:\n%s", out)
	// A district's weighted cv is there, computed.
	r := got[[2]string{"d001", "fitness_pass_rate_cv"}]
	require.NotNil(t, r.value)
	assert.Greater(t, *r.value, 0.0)
}

func TestREADMEPupilsDuckDB(t *testing.T) {
	lib := duckDBLib(t)
	var block string
	for _, b := range sectionBlocks(pupilsSection(t), "sh") {
		if strings.Contains(b, "| duckdb") {
			block = b
		}
	}
	require.NotEmpty(t, block, "the section has a block that runs duckdb")
	bin := buildTools(t)
	shim, err := filepath.Abs("../../bench/pupils/duckdb.mjs")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(bin, "duckdb"), []byte("#!/bin/sh\nexec node "+shim+" \"$@\"\n"), 0o755))
	out := runBlock(t, block, []string{"EDUPLAN_DUCKDB=" + lib}, bin)
	cat, d := pupilsEngine(t)
	compareWithEngine(t, cat, d, readmeRows(t, out))
}

// The example's plan takes the seed plan's fitness metrics and rates as
// they are, so that its report is the seed plan's for these figures.
func TestPupilsPlanIsTheSeeds(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(pupilsDir, "plan.json"))
	require.NoError(t, err)
	ex, err := plan.Parse(b)
	require.NoError(t, err)
	seed, err := seeds.Default()
	require.NoError(t, err)
	for _, m := range ex.Metrics {
		want, ok := seed.Metric(m.ID)
		require.True(t, ok, m.ID)
		assert.Equal(t, want, m)
	}
	var rates int
	for _, ind := range ex.Indicators {
		if ind.ID == "fitness_pass_rate" || ind.ID == "fitness_excellent_rate" {
			rates++
			want, ok := seed.Indicator(ind.ID)
			require.True(t, ok, ind.ID)
			assert.Equal(t, want, ind)
		}
	}
	assert.Equal(t, 2, rates)
}
