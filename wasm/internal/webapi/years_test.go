package webapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeYears is a district of two schools over three years, one file with
// a year column. Worked by hand (the seed plan's 择校生比例, ≤ 5%, lower is
// better; no baseline in the plan, so the first year's value is one; the
// target year is the plan's, 2017):
//
//	D1: 14/200 = 7.00% (2015), 12/200 = 6.00% (2016), 11/200 = 5.50% (2017)
//	change −0.50 points; completion (0.055 − 0.07)/(0.05 − 0.07) = 75.0%;
//	growth observed (0.055/0.07)^(1/2) − 1 = −0.113595, required
//	(0.05/0.07)^(1/2) − 1 = −0.154846, ratio 0.7336: moderate.
//	1002: 9% → 8% → 10%, moved away from 5%: completion (0.10 − 0.09) /
//	(0.05 − 0.09) = −25.0%; growth observed > 0 where lower is better.
const threeYears = "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数,年份\r\n" +
	"D1,京口区,区县,,,,,2015\r\n1001,京口区第一小学,学校,小学,D1,5,100,2015\r\n1002,京口区第二小学,学校,小学,D1,9,100,2015\r\n" +
	"D1,京口区,区县,,,,,2016\r\n1001,京口区第一小学,学校,小学,D1,4,100,2016\r\n1002,京口区第二小学,学校,小学,D1,8,100,2016\r\n" +
	"D1,京口区,区县,,,,,2017\r\n1001,京口区第一小学,学校,小学,D1,1,100,2017\r\n1002,京口区第二小学,学校,小学,D1,10,100,2017\r\n"

func TestFileOfSeveralYears(t *testing.T) {
	s := seedSession(t)
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "京口区.csv", "text": threeYears}), &imp)
	assert.Equal(t, []int{2015, 2016, 2017}, imp.Years)
	assert.Equal(t, 2017, imp.Year)
	assert.Equal(t, 3, imp.Units)
	assert.False(t, imp.Single)

	var f struct {
		Year   int   `json:"year"`
		Years  []int `json:"years"`
		Trends []struct {
			Unit      string `json:"unit"`
			Indicator string `json:"indicator"`
			Points    []struct {
				Year  int     `json:"year"`
				Value float64 `json:"value"`
				Text  Text    `json:"text"`
			} `json:"points"`
			Baseline *struct {
				Year  int     `json:"year"`
				Value float64 `json:"value"`
			} `json:"baseline"`
			Target *struct {
				Year  int     `json:"year"`
				Value float64 `json:"value"`
				Text  Text    `json:"text"`
			} `json:"target"`
			Text     struct{ Change, Completion, Progress Text } `json:"text"`
			Progress string                                      `json:"progress"`
		} `json:"trends"`
	}
	decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
	assert.Equal(t, 2017, f.Year)
	assert.Equal(t, []int{2015, 2016, 2017}, f.Years)
	found := map[string]bool{}
	for _, l := range f.Trends {
		if l.Indicator != "school_choice_share" {
			continue
		}
		found[l.Unit] = true
		switch l.Unit {
		case "D1":
			require.Len(t, l.Points, 3)
			for i, want := range []float64{0.07, 0.06, 0.055} {
				assert.Equal(t, 2015+i, l.Points[i].Year)
				assert.InDelta(t, want, l.Points[i].Value, 1e-12)
			}
			assert.Equal(t, "5.50%", l.Points[2].Text.ZH)
			require.NotNil(t, l.Baseline)
			assert.Equal(t, 2015, l.Baseline.Year)
			assert.InDelta(t, 0.07, l.Baseline.Value, 1e-12)
			require.NotNil(t, l.Target)
			assert.Equal(t, 2017, l.Target.Year)
			assert.InDelta(t, 0.05, l.Target.Value, 1e-12)
			assert.Equal(t, "-0.50个百分点", l.Text.Change.ZH)
			assert.Equal(t, "75.0%", l.Text.Completion.ZH)
			assert.Equal(t, "moderate", l.Progress)
			assert.Equal(t, "进度偏慢，需加快", l.Text.Progress.ZH)
		case "1002":
			assert.Equal(t, "moved_away", l.Progress)
			assert.Equal(t, "-25.0%", l.Text.Completion.ZH)
		}
	}
	assert.True(t, found["D1"] && found["1001"] && found["1002"], "every unit's line: %v", found)
}

// A file of one year has no trend; a JSON array of documents is several
// years too.
func TestFileOfOneYearHasNoTrend(t *testing.T) {
	s := seedSession(t)
	one := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数,年份\r\n" +
		"D1,京口区,区县,,,,,2017\r\n1001,京口区第一小学,学校,小学,D1,2,100,2017\r\n1002,京口区第二小学,学校,小学,D1,9,100,2017\r\n"
	a := mustOK(t, s, "importData", map[string]string{"name": "one.csv", "text": one})
	assert.Nil(t, a["years"])
	f := mustOK(t, s, "assessFile", nil)
	assert.Nil(t, f["trends"])

	arr := `[{"format": "eduplan.data/v1", "year": 2016, "units": [{"id": "D1", "name": "京口区", "level": "district"}, {"id": "1001", "level": "school", "kind": "primary", "parent": "D1", "figures": {"school_choice_pupils": 4, "compulsory_new_entrants": 100}}]},
	{"format": "eduplan.data/v1", "year": 2017, "units": [{"id": "D1", "name": "京口区", "level": "district"}, {"id": "1001", "level": "school", "kind": "primary", "parent": "D1", "figures": {"school_choice_pupils": 2, "compulsory_new_entrants": 100}}]}]`
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "two.json", "text": arr}), &imp)
	assert.Equal(t, []int{2016, 2017}, imp.Years)
}
