package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
)

// check --format json writes the compact report; --indent the same
// document indented; both read back as the same report.
func TestCheckJSONCompactAndIndented(t *testing.T) {
	compact := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "--format", "json", failData)
	require.Equal(t, exitOK, compact.code, compact.stderr)
	indented := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "--format", "json", "--indent", failData)
	require.Equal(t, exitOK, indented.code, indented.stderr)
	assert.True(t, strings.HasPrefix(compact.stdout, `{"format":"`+indicators.ReportFormat+`","plan":"fixture-2017"`), compact.stdout)
	assert.True(t, strings.HasPrefix(indented.stdout, "{\n  \"format\": \""+indicators.ReportFormat+"\",\n"), indented.stdout)
	assert.Equal(t, 1, strings.Count(compact.stdout, `"formula":"择校生数 / 在校生数"`), "the plan's text once")
	var a, b bytes.Buffer
	require.NoError(t, json.Compact(&a, []byte(compact.stdout)))
	require.NoError(t, json.Compact(&b, []byte(indented.stdout)))
	assert.Equal(t, a.String(), b.String())
	rep, err := indicators.ReadReport(strings.NewReader(compact.stdout))
	require.NoError(t, err)
	assert.Equal(t, "择校生比例", findResult(t, rep, "p2", "choice_rate").Name.ZH, "a reader resolves the indicator's text")
}

// --format jsonl (or -o *.jsonl) writes a line per result, each whole.
func TestCheckJSONLines(t *testing.T) {
	r := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "--format", "jsonl", failData)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "约束性目标未达标 2 项", "a machine format gets a summary on stderr")
	rep, err := indicators.ReadReport(strings.NewReader(eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "--format", "json", failData).stdout))
	require.NoError(t, err)
	total := 0
	for _, u := range rep.Units {
		total += len(u.Results)
	}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	n := 0
	for sc.Scan() {
		var line struct {
			Plan              string
			Unit              struct{ ID, Name string }
			Indicator, Status string
			Name              msg.Text
			Target            struct{ Display msg.Text }
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), sc.Text())
		assert.Equal(t, "fixture-2017", line.Plan)
		assert.NotEmpty(t, line.Unit.Name)
		assert.NotEmpty(t, line.Name.ZH)
		assert.NotEmpty(t, line.Target.Display.ZH)
		if line.Unit.ID == "p2" && line.Indicator == "choice_rate" {
			assert.Equal(t, "not_met", line.Status)
		}
		n++
	}
	assert.Equal(t, total, n)

	out := filepath.Join(t.TempDir(), "results.jsonl")
	r = eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "-o", out, failData)
	require.Equal(t, exitOK, r.code, r.stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, total, strings.Count(string(b), "\n"), "the extension chooses JSON Lines")
}

// A stream split inside a character still shows hidden characters as
// visibleText shows them whole.
func TestVisibleStream(t *testing.T) {
	text := "西区\u202e小学 a\u200bb 甲\u2066乙\n"
	for size := 1; size <= len(text); size++ {
		var out bytes.Buffer
		v := &visibleStream{w: &out}
		for i := 0; i < len(text); i += size {
			_, err := v.Write([]byte(text[i:min(i+size, len(text))]))
			require.NoError(t, err)
		}
		require.NoError(t, v.flush())
		assert.Equal(t, string(visibleText([]byte(text))), out.String(), "pieces of %d bytes", size)
	}
	var out bytes.Buffer
	v := &visibleStream{w: &out}
	_, err := v.Write([]byte("甲\xe4\xb9"))
	require.NoError(t, err)
	require.NoError(t, v.flush())
	assert.Equal(t, "甲\xe4\xb9", out.String(), "a broken character at the end is written as it is")
}

// A table goes out through the stream with its hidden characters shown,
// as it did when written whole.
func TestCheckTableShowsHiddenCharacters(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(failData)
	require.NoError(t, err)
	data := filepath.Join(dir, "data.csv")
	require.NoError(t, os.WriteFile(data, bytes.Replace(b, []byte("西区小学"), []byte("西区\u202e小学"), 1), 0o644))
	r := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", data)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "西区<U+202E>小学")
	assert.NotContains(t, r.stdout, "\u202e")
}
