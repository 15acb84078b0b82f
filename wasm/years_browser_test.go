//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A district file of three years (a year column), worked by hand: 京口区's
// 择校生比例 is 14/200 = 7.00% in 2015, 12/200 = 6.00% in 2016, 11/200 =
// 5.50% in 2017, against the seed plan's ≤ 5%; the plan gives no baseline,
// so the first year's 7.00% is one, and 2017, the plan's year, the target
// year. Completion (0.055 − 0.07) / (0.05 − 0.07) = 75.0%; growth observed
// (0.055/0.07)^(1/2) − 1 = −0.1136 against −0.1548 required, ratio 0.73:
// 进度偏慢. 第二小学 went 9% → 8% → 10%: moved away.
const threeYearsCSV = "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数,年份\r\n" +
	"D1,京口区,区县,,,,,2015\r\n1001,京口区第一小学,学校,小学,D1,5,100,2015\r\n1002,京口区第二小学,学校,小学,D1,9,100,2015\r\n" +
	"D1,京口区,区县,,,,,2016\r\n1001,京口区第一小学,学校,小学,D1,4,100,2016\r\n1002,京口区第二小学,学校,小学,D1,8,100,2016\r\n" +
	"D1,京口区,区县,,,,,2017\r\n1001,京口区第一小学,学校,小学,D1,1,100,2017\r\n1002,京口区第二小学,学校,小学,D1,10,100,2017\r\n"

// drawn is what the test reads of a trend chart.
type drawn struct {
	Points []struct {
		X, Y, Value float64
		Year        int
	}
	Target   *struct{ Y1, Y2, Value float64 }
	Baseline *struct {
		X, Y, Value float64
		Year        int
	}
	Height float64
}

func (tp *tab) trendChart(sel string) drawn {
	tp.t.Helper()
	return eval[drawn](tp, `(() => {
		const svg = document.querySelector(`+jsString(sel)+`);
		if (!svg) return { Points: [] };
		const n = (e, a) => parseFloat(e.getAttribute(a));
		const t = svg.querySelector('.trend-target'), b = svg.querySelector('.trend-baseline');
		return {
			Points: [...svg.querySelectorAll('.trend-point')].map((c) => ({ X: n(c, 'cx'), Y: n(c, 'cy'), Value: n(c, 'data-value'), Year: n(c, 'data-year') })),
			Target: t ? { Y1: n(t, 'y1'), Y2: n(t, 'y2'), Value: n(t, 'data-value') } : null,
			Baseline: b ? { X: n(b, 'cx'), Y: n(b, 'cy'), Value: n(b, 'data-value'), Year: n(b, 'data-year') } : null,
			Height: svg.viewBox.baseVal.height,
		};
	})()`)
}

func TestTrendOfAFileOfSeveralYears(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", []byte(threeYearsCSV)))
	tp.waitFor(`!!document.getElementById('trend-matrix')`)
	assert.Contains(t, tp.text("#import-notice"), "2015、2016、2017年的数据")

	// The district's row: change, completion and progress from Go.
	row := `#parent-D1 tr[data-indicator="school_choice_share"]`
	assert.Equal(t, "5.50%", tp.text(row+" .c-value"))
	assert.Equal(t, "-0.50个百分点", tp.text(row+" .c-change"))
	assert.Equal(t, "75.0%", tp.text(row+" .c-completion"))
	assert.Equal(t, "进度偏慢，需加快", tp.text(row+" .c-progress"))

	// The points are the data, placed on one straight scale: x by year,
	// y by value (downwards); the target line and the baseline on the
	// same scale.
	c := tp.trendChart(row + " svg.trend")
	require.Len(t, c.Points, 3, "one point a year")
	for i, want := range []float64{0.07, 0.06, 0.055} {
		assert.Equal(t, 2015+i, c.Points[i].Year)
		assert.InDelta(t, want, c.Points[i].Value, 1e-9)
	}
	first, last := c.Points[0], c.Points[2]
	yOf := func(v float64) float64 { return first.Y + (v-first.Value)*(last.Y-first.Y)/(last.Value-first.Value) }
	xOf := func(y int) float64 {
		return first.X + float64(y-first.Year)*(last.X-first.X)/float64(last.Year-first.Year)
	}
	assert.Less(t, first.Y, last.Y, "a higher value is drawn higher up")
	assert.InDelta(t, yOf(0.06), c.Points[1].Y, 0.05)
	assert.InDelta(t, xOf(2016), c.Points[1].X, 0.05)
	require.NotNil(t, c.Target, "the target line")
	assert.InDelta(t, 0.05, c.Target.Value, 1e-9)
	assert.Equal(t, c.Target.Y1, c.Target.Y2, "the target line is level")
	assert.InDelta(t, yOf(0.05), c.Target.Y1, 0.05)
	assert.Greater(t, c.Target.Y1, last.Y, "5% is below 5.50%")
	assert.Less(t, c.Target.Y1, c.Height, "the target line is inside the chart")
	require.NotNil(t, c.Baseline, "the baseline")
	assert.Equal(t, 2015, c.Baseline.Year)
	assert.InDelta(t, first.X, c.Baseline.X, 0.05)
	assert.InDelta(t, yOf(0.07), c.Baseline.Y, 0.05)

	// Each school's trend: 第二小学's last point is above its first
	// (10% over 9%: drawn lower, since the chart has no common scale
	// but its own).
	s := tp.trendChart(`#trend-matrix tr[data-unit="1002"] svg.trend[data-indicator="school_choice_share"]`)
	require.Len(t, s.Points, 3)
	assert.InDelta(t, 0.10, s.Points[2].Value, 1e-9)
	assert.Less(t, s.Points[2].Y, s.Points[0].Y, "10% is drawn above 9%")
	assert.Equal(t, 2, eval[int](tp, `document.querySelectorAll('#trend-matrix tbody tr').length`))
	assert.Equal(t, "progress pg-moderate", eval[string](tp, `document.querySelector('`+row+` .progress').className`))

	// An indicator without a value in any year has nothing to draw.
	assert.Equal(t, "—", tp.text(`#parent-D1 tr[data-indicator="preschool_gross_enrolment_rate"] .c-trend`))
	assert.Contains(t, eval[string](tp, `document.querySelector('`+row+` .c-change').title`), "6.00%（2016年）", "the previous year's value")
	tp.screenshot("import-several-years")

	// The chart says what it shows.
	label := eval[string](tp, `document.querySelector('`+row+` svg.trend').getAttribute('aria-label')`)
	assert.Contains(t, label, "2015 7.00%")
	assert.Contains(t, label, "目标 ≤ 5%")
	tp.axe("import, a file of several years")

	// In English, the same texts from Go.
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "-0.50 pp", tp.text(row+" .c-change"))
	assert.Equal(t, "moderate progress, needs acceleration", tp.text(row+" .c-progress"))
}
