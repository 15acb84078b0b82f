package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/plan"
)

// enData is the fixture city with English names, headed by metric ids, so
// that nothing Chinese in an English run can come from the data.
const enData = `id,name,level,kind,parent,kg_children,pop_3_5,choice_pupils,pupils
c,Sample City,city,,,,1000,,
d1,East,district,,c,,600,,
k1,East Kindergarten,school,kindergarten,d1,600,,,
p1,East Primary,school,primary,d1,,,2,100
`

var han = regexp.MustCompile(`\p{Han}`)

// planWords are the plan's own texts that have no English: the target and
// its wording as the plan writes them, formulas written with Chinese names,
// the task book's offices, leads and deadlines. An English run may quote
// them; everything else must be English.
func planWords(t *testing.T, p *plan.Plan) []string {
	t.Helper()
	var words []string
	add := func(s string) {
		if han.MatchString(s) {
			words = append(words, s)
		}
	}
	for _, m := range p.Metrics {
		add(m.Name.ZH)
	}
	for _, ind := range p.Indicators {
		add(ind.Name.ZH)
		add(ind.Target)
		add(ind.Wording)
		add(ind.Formula)
	}
	for _, ref := range p.Items() {
		for _, c := range []*plan.Cell{ref.Item.Office, ref.Item.Leads, ref.Item.Deadline, ref.Item.Units} {
			if c != nil {
				add(c.Text)
				for _, f := range strings.FieldsFunc(c.Text, func(r rune) bool { return strings.ContainsRune("、，, ", r) }) {
					add(f)
				}
			}
		}
	}
	// Longest first, so that a name inside a formula does not leave the
	// rest of the formula behind.
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	return words
}

type langCase struct {
	name string
	args []string
	// quoted are the user's own words the message repeats.
	quoted []string
}

// langCases runs every command over good and bad inputs: a bad plan, bad
// cells, an unknown indicator and unit, bad flags and dates.
func langCases(t *testing.T) []langCase {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	data := write("en.csv", enData)
	badCells := write("bad.csv", strings.Replace(strings.Replace(enData, ",2,100", ",two,100", 1), "Sample City,city", ",town", 1))
	fixture, err := os.ReadFile(fixturePlan)
	require.NoError(t, err)
	badTarget := write("badtarget.json", strings.Replace(string(fixture), `"target": "控制在5%以内"`, `"target": "大约很多"`, 1))
	badFormula := write("badformula.json", strings.Replace(string(fixture), `"formula": "择校生数 / 在校生数"`, `"formula": "择校生数 / 在校人数"`, 1))
	broken := write("broken.json", `{"format": "eduplan.plan/v1", "id": 1,}`)
	statuses := write("status.json", `{"format": "eduplan.status/v1", "plan": "fixture-2017", "statuses": [{"item": "item-9", "state": "finished"}]}`)
	pl := []string{"--plan", fixturePlan}
	with := func(args ...string) []string { return append(append([]string{}, args...), pl...) }
	return []langCase{
		{"global help", []string{"--help"}, nil},
		{"check", with("check", data), nil},
		{"check problems", with("check", "--problems", data), nil},
		{"check markdown", with("check", "--format", "markdown", data), nil},
		{"check csv", with("check", "--format", "csv", data), nil},
		{"check junit", with("check", "--format", "junit", data), nil},
		{"check help", []string{"check", "--help"}, nil},
		{"check bad cells", with("check", badCells), []string{"two", "town"}},
		{"check bad target", []string{"check", "--plan", badTarget, data}, []string{"大约很多"}},
		{"check bad formula", []string{"check", "--plan", badFormula, data}, []string{"在校人数"}},
		{"check broken plan", []string{"check", "--plan", broken, data}, nil},
		{"check no such data", with("check", filepath.Join(dir, "none.csv")), nil},
		{"check no data", with("check"), nil},
		{"check unknown unit", with("check", "--unit", "nowhere", data), nil},
		{"check year", with("check", "--year", "2016", data), nil},
		{"check bad flag", with("check", "--nope", data), nil},
		{"check flag without value", with("check", data, "--format"), nil},
		{"check bad format", with("check", "--format", "xml", data), nil},
		{"check bad policy", with("check", "--fail-on", "maybe", data), nil},
		{"lint", with("lint"), nil},
		{"lint fixture", []string{"lint", fixturePlan}, nil},
		{"lint bad target", []string{"lint", badTarget}, []string{"大约很多"}},
		{"lint broken", []string{"lint", broken}, nil},
		{"lint help", []string{"lint", "--help"}, nil},
		{"tasks", with("tasks", "--as-of", "2017-12-01"), nil},
		{"tasks bad date", with("tasks", "--as-of", "2017-02-30"), nil},
		{"tasks bad statuses", with("tasks", "--as-of", "2017-12-01", "--status", statuses), nil},
		{"template", with("template", "--kind", "primary"), nil},
		{"template units", with("template", "--level", "district", "--units", data), nil},
		{"template bad kind", with("template", "--kind", "大学"), []string{"大学"}},
		{"template help", []string{"template", "--help"}, nil},
		{"explain", with("explain", "preschool_ger"), nil},
		{"explain result", with("explain", "--data", data, "--unit", "p1", "choice_rate"), nil},
		{"explain gap", with("explain", "--data", data, "--unit", "c", "ger_gap"), nil},
		{"explain unknown", with("explain", "不存在的指标"), []string{"不存在的指标"}},
		{"explain unknown unit", with("explain", "--data", data, "--unit", "nowhere", "choice_rate"), nil},
		{"explain help", []string{"explain", "--help"}, nil},
		{"serve extra", []string{"serve", "extra"}, nil},
		{"build-web extra", []string{"build-web", "extra"}, nil},
		{"unknown command", []string{"frobnicate"}, nil},
	}
}

// TestEnglishHasNoChinese: with --lang en every command, on good input and
// bad, speaks English only; what Chinese is left are the plan's words that
// have no English and the user's own.
func TestEnglishHasNoChinese(t *testing.T) {
	p, err := plan.LoadFile(fixturePlan)
	require.NoError(t, err)
	words := planWords(t, p)
	for _, c := range langCases(t) {
		t.Run(c.name, func(t *testing.T) {
			r := eduplan(t, append(c.args, "--lang", "en")...)
			out := r.stdout + r.stderr
			require.NotEmpty(t, strings.TrimSpace(out))
			for _, w := range append(append([]string{}, c.quoted...), words...) {
				out = strings.ReplaceAll(out, w, "")
			}
			for _, line := range strings.Split(out, "\n") {
				assert.False(t, han.MatchString(line), "Chinese in English output: %q\nin:\n%s%s", line, r.stdout, r.stderr)
			}
		})
	}
}

// TestChineseHasNoEnglishMessages is the mirror: in Chinese, no message is
// glued to its English translation.
func TestChineseHasNoEnglishMessages(t *testing.T) {
	english := regexp.MustCompile(`(?i)\b(the|is|not|must|cannot|unknown|missing|invalid|error|problem)\b`)
	for _, c := range langCases(t) {
		if strings.Contains(c.name, "help") || strings.HasPrefix(c.name, "check ") && strings.Contains(strings.Join(c.args, " "), "--format") && !strings.Contains(c.name, "bad") {
			continue // help names flags; CSV, Markdown and JUnit carry English ids
		}
		t.Run(c.name, func(t *testing.T) {
			r := eduplan(t, c.args...)
			for _, line := range strings.Split(r.stderr, "\n") {
				assert.False(t, english.MatchString(line), "English in a Chinese message: %q", line)
				assert.NotContains(t, line, " / ", "two languages glued: %q", line)
			}
		})
	}
}
