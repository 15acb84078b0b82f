package dataset

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A return carries the id of the plan it was filled in for: the readers
// keep it and refuse it for another plan, at the cell that names it.
func TestPlanColumn(t *testing.T) {
	const head = "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,在园幼儿数\n"
	for _, tc := range []struct {
		name, text, using string
		plan              string // read, when no error
		errCell           string // "line:column" of the error
		errText           string
	}{
		{name: "same plan", text: head + "d1,东区,区县,,,2017,p-2017,\nk1,一园,学校,幼儿园,d1,2017,p-2017,10\n", using: "p-2017", plan: "p-2017"},
		{name: "no plan in use", text: head + "k1,一园,学校,幼儿园,,2017,p-2017,10\n", plan: "p-2017"},
		{name: "empty cells", text: head + "k1,一园,学校,幼儿园,,2017,,10\n", using: "q", plan: ""},
		{name: "English header", text: "id,name,kind,plan,在园幼儿数\nk1,一园,幼儿园,p-2017,1\n", using: "p-2017", plan: "p-2017"},
		{name: "another plan", text: head + "k1,一园,学校,幼儿园,,2017,zhenjiang-2017,10\n", using: "p-2017",
			errCell: "2:7", errText: `这个文件是按计划 "zhenjiang-2017" 填报的，而现在使用的是计划 "p-2017"`},
		{name: "another plan's columns: that error alone", text: "单位代码,单位名称,学校类型,计划编号,它的指标\nk1,一园,幼儿园,zz,1\n", using: "p-2017",
			errCell: "2:4", errText: `这个文件是按计划 "zz" 填报的`},
		{name: "two plans in one file", text: head + "d1,东区,区县,,,2017,p-2017,\nk1,一园,学校,幼儿园,d1,2017,q-2018,10\n",
			errCell: "3:7", errText: "一个文件只能属于一个计划：第2行是 \"p-2017\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(tc.text), testFields, Options{File: "r.csv", Plan: tc.using})
			if tc.errCell == "" {
				require.NoError(t, err)
				assert.Equal(t, tc.plan, d.Plan)
				return
			}
			var es Errors
			require.True(t, errors.As(err, &es), "%v", err)
			require.Len(t, es, 1)
			assert.Equal(t, tc.errCell, strings.Join([]string{itoa(es[0].Row), itoa(es[0].Column)}, ":"))
			assert.Contains(t, es[0].In("zh"), tc.errText)
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPlanJSON(t *testing.T) {
	d := New(2017)
	d.Plan = "p-2017"
	require.NoError(t, d.Add(OrgUnit{ID: "k1", Name: "一园", Level: org.School, Kind: org.Kindergarten}))
	require.NoError(t, d.Set("k1", "preschool_enrolled", 12))
	var b bytes.Buffer
	require.NoError(t, d.WriteJSON(&b, testFields))
	assert.Contains(t, b.String(), `"plan": "p-2017"`)
	back, err := ReadJSON(bytes.NewReader(b.Bytes()), testFields, Options{Plan: "p-2017"})
	require.NoError(t, err)
	assert.True(t, d.Equal(back))

	other := strings.Replace(b.String(), `"preschool_enrolled"`, `"its_metric"`, 1)
	_, err = ReadJSON(strings.NewReader(other), testFields, Options{File: "r.json", Plan: "other"})
	var es Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Contains(t, err.Error(), `the plan in use is "other"`)

	b.Reset()
	require.NoError(t, d.WriteCSV(&b, testFields, UTF8BOM))
	assert.Contains(t, b.String(), "计划编号")
	back, err = ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Plan: "p-2017"})
	require.NoError(t, err)
	assert.True(t, d.Equal(back))
}

func TestStampedTemplate(t *testing.T) {
	units := []OrgUnit{
		{ID: "d1", Name: "东区", Level: org.District},
		{ID: "007", Name: "一园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
	}
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		require.NoError(t, StampedTemplate(&b, units, testFields[:1], nil, UTF8BOM, lang, Stamp{Year: 2017, Plan: "p-2017"}))
		d, err := ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Plan: "p-2017"})
		require.NoError(t, err, b.String())
		assert.Equal(t, units, d.Units)
		assert.Equal(t, 2017, d.Year)
		assert.Equal(t, "p-2017", d.Plan)
		_, err = ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Plan: "q"})
		require.Error(t, err)
	}
}

// A stamped template is a return, and a return needs its parent: the
// 上级单位 column is there even when no unit has a parent yet (the page's
// template of a unit whose parent is not typed); a plain template of such
// units keeps to the columns it needs.
func TestStampedTemplateHasParentColumn(t *testing.T) {
	units := []OrgUnit{{ID: "k1", Name: "一园", Level: org.School, Kind: org.Kindergarten}}
	for _, tc := range []struct {
		name   string
		stamp  Stamp
		header string
	}{
		{"stamped", Stamp{Year: 2017, Plan: "p-2017"}, "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,"},
		{"year only", Stamp{Year: 2017}, "单位代码,单位名称,层级,学校类型,上级单位,年度,"},
		{"plain", Stamp{}, "单位代码,单位名称,层级,学校类型,"},
	} {
		var b bytes.Buffer
		require.NoError(t, StampedTemplate(&b, units, testFields[:1], nil, UTF8, "zh", tc.stamp), tc.name)
		assert.True(t, strings.HasPrefix(b.String(), tc.header), "%s: %s", tc.name, b.String())
		d, err := ReadCSV(bytes.NewReader(b.Bytes()), testFields, Options{Plan: "p-2017"})
		require.NoError(t, err, tc.name)
		assert.Equal(t, units, d.Units, tc.name)
	}
}
