package eduplan_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
)

// A plan that is not the seed, opened from a file, assessed from a CSV
// written as Chinese Excel writes it.
func TestOpenReadAssessWrite(t *testing.T) {
	eng, err := eduplan.Open("examples/testdata/plan.json")
	require.NoError(t, err)
	assert.NotEqual(t, "zhenjiang-2017", eng.Plan().ID)
	data, err := eng.ReadFile("examples/testdata/2017.csv")
	require.NoError(t, err)
	rep, err := eng.Assess(data, eduplan.All())
	require.NoError(t, err)
	assert.Equal(t, eng.Plan().ID, rep.Plan, "the report names the plan it was assessed against")
	require.Len(t, rep.Units, len(data.Units))

	sub, err := eng.Assess(data, eduplan.Units("d1"))
	require.NoError(t, err)
	require.NotEmpty(t, sub.Units)
	assert.Equal(t, "d1", sub.Units[0].Unit.ID)
	assert.Less(t, len(sub.Units), len(rep.Units))

	_, err = eng.Assess(data, eduplan.Units("no-such-unit"))
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "no-such-unit")

	for _, f := range eduplan.Formats() {
		var b bytes.Buffer
		require.NoError(t, eduplan.Write(&b, rep, f, "en"), f)
		assert.NotEmpty(t, b.String(), f)
	}
	var js bytes.Buffer
	require.NoError(t, eduplan.Write(&js, rep, eduplan.JSON, "zh"))
	back, err := indicators.ReadReport(&js)
	require.NoError(t, err)
	assert.Equal(t, rep.Units[0].Summary, back.Units[0].Summary)
}

func TestDefaultAndSample(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	assert.Equal(t, "zhenjiang-2017", eng.Plan().ID)
	data, err := eng.Sample()
	require.NoError(t, err)
	rep, err := eng.Assess(data, eduplan.Units("zhenjiang"))
	require.NoError(t, err)
	missed := eduplan.Missed(rep, "en")
	require.NotEmpty(t, missed, "the sample year misses some binding targets on purpose")
	for _, line := range missed {
		assert.Contains(t, line, "not met")
		assert.Contains(t, line, "(binding)")
	}

	other, err := eduplan.Open("examples/testdata/plan.json")
	require.NoError(t, err)
	_, err = other.Sample()
	require.Error(t, err, "the sample year belongs to the embedded plan only")
	assert.Equal(t, "only the embedded plan comes with sample figures", msg.In(err, "en"))
}

// Bad input says what and where, in the language asked for.
func TestBadInputIsAClearError(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "plan.json")
	src, err := os.ReadFile("examples/testdata/plan.json")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bad, bytes.Replace(src, []byte(`"unit": "percent"`), []byte(`"unit": "percnt"`), 1), 0o644))
	_, err = eduplan.Open(bad)
	var ps msg.Problems
	require.ErrorAs(t, err, &ps)
	assert.Contains(t, ps.Error(), bad, "each problem names the file")
	assert.Contains(t, ps.Error(), "percnt")

	_, err = eduplan.Parse([]byte(`{"format": "eduplan.plan/v1",`))
	require.Error(t, err)
	_, err = eduplan.New(nil)
	require.Error(t, err)

	eng, err := eduplan.Open("examples/testdata/plan.json")
	require.NoError(t, err)
	_, err = eng.Read(strings.NewReader("单位代码,单位名称,层级,在园幼儿数\nc,样板市,市,很多\n"), "bad.csv")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.csv")
	_, err = eng.ReadFile(filepath.Join(dir, "missing.csv"))
	assert.True(t, errors.Is(err, os.ErrNotExist))
	_, err = eng.Assess(nil, eduplan.All())
	require.Error(t, err)

	_, err = eduplan.ParseFormat("xls")
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), `unknown format "xls"`)
	assert.Error(t, eduplan.Write(&bytes.Buffer{}, &indicators.Report{}, "xls", "en"))
	assert.Error(t, eduplan.Write(&bytes.Buffer{}, nil, eduplan.CSV, "en"))
}

// An indicator's declared decimals reach every face through the one view:
// one decimal on the preschool rate, the default two on the share of
// school-choice pupils; a count of decimals no float can hold is refused
// with the path to fix.
func TestDeclaredDecimals(t *testing.T) {
	doc, err := os.ReadFile("examples/testdata/plan.json")
	require.NoError(t, err)
	one := strings.Replace(string(doc), `"id": "preschool_ger",`, `"id": "preschool_ger", "decimals": 1,`, 1)
	require.NotEqual(t, string(doc), one)
	eng, err := eduplan.Parse([]byte(one))
	require.NoError(t, err)
	data, err := eng.ReadFile("examples/testdata/2017.csv")
	require.NoError(t, err)
	rep, err := eng.Assess(data, eduplan.Units("c"))
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, eduplan.Write(&md, rep, eduplan.Markdown, "zh"))
	assert.Regexp(t, `\| 学前三年教育毛入学率 \| \d+\.\d% \| ≥ 99% \| [+-]\d+\.\d个百分点（[优差]于目标） \|`, md.String())
	assert.Regexp(t, `\| 择校生比例 \| \d+\.\d\d% \|`, md.String())

	_, err = eduplan.Parse([]byte(strings.Replace(string(doc), `"id": "preschool_ger",`, `"id": "preschool_ger", "decimals": 7,`, 1)))
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "indicators[0].decimals")
	assert.Contains(t, msg.In(err, "zh"), "小数位数应在 0 到 6 之间，不是 7")
}

// The front door's choice of parent figures: a city's own 在园幼儿数 that
// differs from its districts' sum is listed, and used unless the sum is
// asked for.
func TestParentFigures(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	data, err := eng.Read(strings.NewReader("单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,3-5岁适龄人口\n"+
		"zj,镇江市,市,,,50000,40000\nd1,京口区,区,,zj,,40000\nk1,园一,学校,幼儿园,d1,40000,\nk2,园二,学校,幼儿园,d1,412,\n"), "city.csv")
	require.NoError(t, err)
	rate := func(rep *indicators.Report) float64 {
		for _, res := range rep.Units[0].Results {
			if res.Indicator == "preschool_gross_enrolment_rate" {
				require.NotNil(t, res.Value)
				return *res.Value
			}
		}
		t.Fatal("no preschool_gross_enrolment_rate for the city")
		return 0
	}
	rep, err := eng.Assess(data, eduplan.All())
	require.NoError(t, err)
	require.Len(t, rep.Hierarchy, 1)
	assert.Equal(t, 50000.0, rep.Hierarchy[0].Own)
	assert.Equal(t, 40412.0, rep.Hierarchy[0].ChildrenSum)
	assert.Equal(t, eduplan.ParentOwn, rep.Hierarchy[0].Used)
	assert.InDelta(t, 1.25, rate(rep), 1e-9)

	sel := eduplan.All()
	sel.ParentFigures = eduplan.ParentSum
	rep, err = eng.Assess(data, sel)
	require.NoError(t, err)
	assert.Equal(t, eduplan.ParentSum, rep.Hierarchy[0].Used)
	assert.InDelta(t, 40412.0/40000, rate(rep), 1e-9)
	var b bytes.Buffer
	require.NoError(t, eduplan.Write(&b, rep, eduplan.Table, "zh"))
	assert.Contains(t, b.String(), "在园幼儿数按下属单位合计 40412 计算（本单位填报 50000，相差 9588）")
}
