//go:build !(js && wasm)

package wasm_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/org"
)

// Two kindergartens open the prefilled files the bureau sent (template
// --split), type their figures and export: each return carries the
// school's code, name, kind, parent, the plan's id and year, and the two
// collect without "代码重复".
func TestExportedReturnsCollect(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	fields := eng.Catalog().Fields()
	var kg []dataset.Field
	for _, f := range fields {
		if f.ID == "kindergarten_enrolment" {
			kg = append(kg, f)
		}
	}
	require.Len(t, kg, 1)
	chain := []dataset.OrgUnit{
		{ID: "zhenjiang", Name: "镇江市", Level: org.City},
		{ID: "d-jingkou", Name: "京口区", Level: org.District, Parent: "zhenjiang"},
	}
	prefilled := func(id, name string) string {
		var b bytes.Buffer
		units := append(append([]dataset.OrgUnit(nil), chain...), dataset.OrgUnit{ID: id, Name: name, Level: org.School, Kind: org.Kindergarten, Parent: "d-jingkou"})
		require.NoError(t, dataset.StampedTemplate(&b, units, kg, nil, dataset.UTF8BOM, "zh", dataset.Stamp{Year: 2017, Plan: "zhenjiang-2017"}))
		return writeFile(t, id+"-"+name+".csv", b.Bytes())
	}

	tp := newTab(t)
	tp.open(siteURL)
	download := tp.downloads()
	var rets []collect.Return
	for _, school := range []struct{ id, name, enrolled string }{{"k1", "京口区实验幼儿园", "320"}, {"k2", "京口区象山幼儿园", "210"}} {
		tp.view("import")
		tp.upload("#data-file", prefilled(school.id, school.name))
		tp.waitFor(`document.body.dataset.view === 'assess' && document.getElementById('unit-code').value === ` + jsString(school.id))
		assert.Equal(t, school.name, eval[string](tp, `document.getElementById('unit-name').value`))
		assert.Equal(t, "d-jingkou", eval[string](tp, `document.getElementById('parent-code').value`))
		assert.Equal(t, "京口区", eval[string](tp, `document.getElementById('parent-name').value`))
		tp.typeFigure("kindergarten_enrolment", school.enrolled)

		name, data := download("#exp-figures")
		text := strings.TrimPrefix(string(data), "\ufeff")
		for _, want := range []string{school.id + "," + school.name + ",学校,幼儿园,d-jingkou,2017,zhenjiang-2017,", "d-jingkou,京口区,区县,,zhenjiang", "计划编号"} {
			assert.Contains(t, text, want, name)
		}
		d, err := eng.Read(bytes.NewReader(data), name)
		require.NoError(t, err, text)
		u, ok := d.Unit(school.id)
		require.True(t, ok, text)
		assert.Equal(t, dataset.OrgUnit{ID: school.id, Name: school.name, Level: org.School, Kind: org.Kindergarten, Parent: "d-jingkou"}, u)
		assert.Equal(t, "zhenjiang-2017", d.Plan)
		assert.Equal(t, 2017, d.Year)
		rets = append(rets, collect.Return{Name: name, Data: d})
	}
	res, err := collect.Merge(rets, collect.Options{Fields: fields})
	require.NoError(t, err)
	assert.Len(t, res.Data.Units, 4, "the city, the district and two schools")
	v, ok := res.Data.Value("k2", "kindergarten_enrolment")
	assert.True(t, ok)
	assert.Equal(t, 210.0, v)

	// Typed by hand, without a prefilled file: the parent's row one level up.
	startOver(tp)
	tp.pickUnit("school/kindergarten")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "京口区谏壁中心幼儿园"),
		chromedp.SendKeys(chromedp.CSS("#unit-code"), "k3"),
		chromedp.SendKeys(chromedp.CSS("#parent-code"), "d-jingkou"),
		chromedp.SendKeys(chromedp.CSS("#parent-name"), "京口区"))
	tp.typeFigure("kindergarten_enrolment", "150")
	name, data := download("#exp-figures")
	d, err := eng.Read(bytes.NewReader(data), name)
	require.NoError(t, err, string(data))
	rets = append(rets, collect.Return{Name: name, Data: d})
	res, err = collect.Merge(rets, collect.Options{Fields: fields})
	require.NoError(t, err, "a district row without its parent agrees with one that names it")
	assert.Len(t, res.Data.Units, 5)
}
