package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

func TestValidationRulesAreChecked(t *testing.T) {
	good := ValidationRule{ID: "enrolled_le_population", Name: msg.T("在园幼儿数不超过适龄人口", "enrolled ≤ population"),
		Left: "在园幼儿数", Operator: OpLE, Right: "population * 1.5", Tolerance: 2, Importance: High,
		MissingValueStrategy: NeverSkip, AppliesTo: Scope{Levels: []org.Level{org.District}}}
	for _, tc := range []struct {
		name  string
		edit  func(r *ValidationRule)
		path  string
		words []string // in the English message
	}{
		{"no id", func(r *ValidationRule) { r.ID = "" }, "validation_rules[1].id", []string{"required"}},
		{"id with spaces", func(r *ValidationRule) { r.ID = "a b" }, "validation_rules[1].id", []string{"letters, digits"}},
		{"duplicate id", func(r *ValidationRule) { r.ID = good.ID }, "validation_rules[1].id", []string{"already used at validation_rules[0]"}},
		{"no name", func(r *ValidationRule) { r.Name = msg.Text{} }, "validation_rules[1].name.zh", []string{"required"}},
		{"no left", func(r *ValidationRule) { r.Left = " " }, "validation_rules[1].left", []string{"required"}},
		{"unknown metric", func(r *ValidationRule) { r.Left = "enroled" }, "validation_rules[1].left",
			[]string{"the left side is wrong: 1:1:", "enroled", `did you mean "enrolled"?`}},
		{"syntax error at a column", func(r *ValidationRule) { r.Right = "population * * 2" }, "validation_rules[1].right",
			[]string{"the right side is wrong: 1:14:"}},
		{"a condition as a side", func(r *ValidationRule) { r.Right = "population > 2" }, "validation_rules[1].right",
			[]string{"must be a number, not a condition"}},
		{"no operator", func(r *ValidationRule) { r.Operator = "" }, "validation_rules[1].operator", []string{"required", "==, !=, <, <=, >, >="}},
		{"operator typed as ≤", func(r *ValidationRule) { r.Operator = "≤" }, "validation_rules[1].operator",
			[]string{`unknown operator "≤" (did you mean "<="?)`}},
		{"single =", func(r *ValidationRule) { r.Operator = "=" }, "validation_rules[1].operator", []string{`did you mean "=="?`}},
		{"negative tolerance", func(r *ValidationRule) { r.Tolerance = -1 }, "validation_rules[1].tolerance", []string{"non-negative"}},
		{"unknown unit", func(r *ValidationRule) { r.Unit = "people" }, "validation_rules[1].unit", []string{`unknown unit "people"`}},
		{"unknown importance", func(r *ValidationRule) { r.Importance = "critical" }, "validation_rules[1].importance",
			[]string{`unknown value "critical"`, "high, medium, low"}},
		{"unknown strategy", func(r *ValidationRule) { r.MissingValueStrategy = "SKIP_IF_ANY_VALUE_MISSING" }, "validation_rules[1].missing_value_strategy",
			[]string{"skip_if_any_value_missing, skip_if_all_values_missing, never_skip"}},
		{"unknown level", func(r *ValidationRule) { r.AppliesTo.Levels = []org.Level{"county"} }, "validation_rules[1].applies_to.levels[0]",
			[]string{`unknown level "county"`}},
		{"unknown kind", func(r *ValidationRule) { r.AppliesTo.Kinds = []org.Kind{"kindergarden"} }, "validation_rules[1].applies_to.kinds[0]",
			[]string{`did you mean "kindergarten"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			bad := good
			bad.ID = "second"
			tc.edit(&bad)
			p.ValidationRules = []ValidationRule{good, bad}
			ps := problems(t, p.Validate())
			require.Len(t, ps, 1, ps.In("en"))
			assert.Equal(t, tc.path, ps[0].Path)
			for _, w := range tc.words {
				assert.Contains(t, ps[0].Message.EN, w)
			}
			assert.NotEmpty(t, ps[0].Message.ZH)
			assert.NotEqual(t, ps[0].Message.ZH, ps[0].Message.EN)
		})
	}
	p := loadFixture(t)
	p.ValidationRules = []ValidationRule{good}
	require.NoError(t, p.Validate())
	// A catalogue needs no names; everything else is the same check.
	good.Name = msg.Text{}
	require.NoError(t, ValidateRules(p.Metrics, p.Indicators, []ValidationRule{good}))
	good.Left = "nothing"
	ps := problems(t, ValidateRules(p.Metrics, p.Indicators, []ValidationRule{good}))
	assert.Equal(t, "validation_rules[0].left", ps[0].Path)
}

// A plan file with rules reads strictly: a misspelt key is refused with
// its path, and a good file keeps every field.
func TestValidationRulesInAPlanFile(t *testing.T) {
	doc := readFixture(t)
	withRules := func(rule string) string {
		return edit(t, doc, "\n  \"indicators\": [", "\n  \"validation_rules\": ["+rule+"],\n  \"indicators\": [")
	}
	p, err := Parse([]byte(withRules(`{"id": "r", "name": {"zh": "在园幼儿数非负"}, "left": "enrolled", "operator": ">=",
		"right": "0", "tolerance": 0.5, "importance": "low", "missing_value_strategy": "never_skip",
		"applies_to": {"levels": ["school"]}, "note": "n", "source": "s"}`)))
	require.NoError(t, err)
	require.Len(t, p.ValidationRules, 1)
	assert.Equal(t, ValidationRule{ID: "r", Name: msg.Text{ZH: "在园幼儿数非负"}, Left: "enrolled", Operator: OpGE, Right: "0",
		Tolerance: 0.5, Importance: Low, MissingValueStrategy: NeverSkip, AppliesTo: Scope{Levels: []org.Level{org.School}},
		Note: "n", Source: "s"}, p.ValidationRules[0])

	_, err = Parse([]byte(withRules(`{"id": "r", "name": {"zh": "x"}, "left": "enrolled", "operator": ">=", "right": "0", "tolerence": 1}`)))
	ps := problems(t, err)
	require.NotEmpty(t, ps)
	assert.Equal(t, "validation_rules[0].tolerence", ps[0].Path)
	assert.Contains(t, ps[0].Message.EN, "tolerance")
}

func TestImportanceAndStrategyDefaults(t *testing.T) {
	assert.Equal(t, Medium, Importance("").Effective())
	assert.Equal(t, High, High.Effective())
	assert.Equal(t, SkipIfAnyValueMissing, MissingValueStrategy("").Effective())
	assert.Equal(t, NeverSkip, NeverSkip.Effective())
}
