package eduplantest

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// rulesPlan is the fixture plan with two rules that pass.csv breaks: 东区's
// kindergarten has 600 children, so "在园幼儿数 ≤ 500" fails on it, 东区 and
// the city (high importance), and "在园幼儿数 ≤ 590" (low) too.
func rulesPlan(t *testing.T) *plan.Plan {
	p := loadPlan(t)
	p.ValidationRules = []plan.ValidationRule{
		{ID: "kg_le_500", Name: msg.T("在园幼儿数不超过500", "children enrolled ≤ 500"), Left: "在园幼儿数", Operator: plan.OpLE,
			Right: "500", Importance: plan.High, AppliesTo: plan.Scope{Levels: []org.Level{org.School}}},
		{ID: "kg_le_590", Name: msg.T("在园幼儿数不超过590", "children enrolled ≤ 590"), Left: "在园幼儿数", Operator: plan.OpLE,
			Right: "590", Importance: plan.Low, AppliesTo: plan.Scope{Levels: []org.Level{org.School}}},
	}
	require.NoError(t, p.Validate())
	return p
}

func TestCheckReportsViolatedRules(t *testing.T) {
	p := rulesPlan(t)
	f := runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/pass.csv")) })
	assert.Empty(t, f.fatals)
	assert.Equal(t, []string{"东区幼儿园(k1) 在园幼儿数不超过500：600 > 500，超出 100"}, f.errors)
	assert.Contains(t, f.logs, "东区幼儿园(k1) 在园幼儿数不超过590：600 > 590，超出 10")

	f = runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/pass.csv"), Aspirational(), Lang("en")) })
	assert.Contains(t, f.errors, "东区幼儿园(k1) children enrolled ≤ 590: 600 > 590, exceeds by 10")
}

// TestRuleSuite is run by TestRuleSubtests in a child process (it is
// skipped otherwise).
func TestRuleSuite(t *testing.T) {
	if os.Getenv("EDUPLANTEST_RULES") == "" {
		t.Skip("run by TestRuleSubtests in a child process")
	}
	p := rulesPlan(t)
	Check(t, p, ReadData(t, p, "testdata/pass.csv"))
}

// With a *testing.T the rules are subtests under "validation": the rule
// of high importance fails as its own subtest, the low one passes with its
// violation logged.
func TestRuleSubtests(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child test process")
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestRuleSuite$", "-test.v")
	cmd.Env = append(os.Environ(), "EDUPLANTEST_RULES=1")
	b, err := cmd.CombinedOutput()
	out := string(b)
	require.Error(t, err, "a violated rule of high importance fails the suite:\n%s", out)
	assert.Contains(t, out, "--- FAIL: TestRuleSuite/validation/kg_le_500")
	assert.Contains(t, out, "--- PASS: TestRuleSuite/validation/kg_le_590")
	assert.Contains(t, out, "--- PASS: TestRuleSuite/choice_rate")
	assert.Contains(t, out, "东区幼儿园(k1) 在园幼儿数不超过590：600 > 590，超出 10")
}
