package eduplantest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// When the plan sets the 5% target for the city and the districts, 西区小学's
// 8% is its figure beside their target: logged, never a failure, under any
// option; 西区's own 8% still fails.
func TestReferenceDoesNotFail(t *testing.T) {
	p := loadPlan(t)
	for i := range p.Indicators {
		if p.Indicators[i].ID == "choice_rate" {
			p.Indicators[i].TargetFor = &plan.Scope{Levels: []org.Level{org.City, org.District}}
		}
	}
	require.NoError(t, p.Validate())
	for _, opts := range [][]Option{nil, {Aspirational()}, {NoDataFails()}, {Units("p2")}} {
		f := runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/fail.csv"), opts...) })
		assert.Empty(t, f.fatals)
		for _, e := range f.errors {
			assert.NotContains(t, e, "西区小学", "a school is not failed on the districts' target")
		}
		logs := strings.Join(f.logs, "\n")
		assert.Contains(t, logs, "西区小学(p2)：择校生比例(choice_rate) 参考：未达目标：数值 8.00%，全市、辖市区目标 ≤ 5%")
	}
	f := runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/fail.csv")) })
	require.Len(t, f.errors, 1, "%v", f.errors)
	assert.Contains(t, f.errors[0], "西区(d2)：择校生比例(choice_rate) 未达标")
}
