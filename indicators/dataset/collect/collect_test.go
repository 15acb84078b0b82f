//go:build !(js && wasm)

package collect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/org"
)

var fields = []dataset.Field{
	{ID: "enrolled", Names: []string{"在园幼儿数", "Children enrolled"}, Integral: true},
	{ID: "rate", Names: []string{"合格率", "Pass rate"}, Percent: true},
}

const head = "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,在园幼儿数,合格率\n"

// school is a school's return as template --split writes it: the district
// row, then the school's.
func school(id, name, figures string) string {
	return head + "d1,东区,区县,,,2017,p,,\n" + id + "," + name + ",学校,幼儿园,d1,2017,p," + figures + "\n"
}

func read(t *testing.T, name, text string) Return {
	t.Helper()
	d, err := dataset.Read(strings.NewReader(text), fields, dataset.Options{File: name, Year: 2017})
	require.NoError(t, err, name)
	return Return{Name: name, Data: d}
}

func TestMerge(t *testing.T) {
	expected := []dataset.OrgUnit{
		{ID: "k1", Name: "一园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
		{ID: "k2", Name: "二园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
		{ID: "k3", Name: "三园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
	}
	type file struct{ name, text string }
	for _, tc := range []struct {
		name      string
		files     []file
		conflicts []string // the English text of each conflict
		units     []string
		missing   []string
		figures   map[string]float64 // unit/metric → value
		taken     []int              // figures taken per file
		same      []int
	}{
		{
			name:    "two schools of a district: its row is an identical duplicate",
			files:   []file{{"k1.csv", school("k1", "一园", "120,98.5")}, {"k2.csv", school("k2", "二园", "80,")}},
			units:   []string{"d1", "k1", "k2"},
			missing: []string{"k3"},
			figures: map[string]float64{"k1/enrolled": 120, "k1/rate": 0.985, "k2/enrolled": 80},
			taken:   []int{2, 1}, same: []int{0, 0},
		},
		{
			name:    "the same return twice is accepted",
			files:   []file{{"k1.csv", school("k1", "一园", "120,98.5")}, {"k1 copy.csv", school("k1", "一园", "120,98.5%")}},
			units:   []string{"d1", "k1"},
			missing: []string{"k2", "k3"},
			taken:   []int{2, 0}, same: []int{0, 2},
		},
		{
			name:    "a figure one return leaves empty is taken from the other",
			files:   []file{{"a.csv", school("k1", "一园", "120,")}, {"b.csv", school("k1", "一园", ",98.5")}},
			units:   []string{"d1", "k1"},
			figures: map[string]float64{"k1/enrolled": 120, "k1/rate": 0.985},
			missing: []string{"k2", "k3"},
			taken:   []int{1, 1}, same: []int{0, 0},
		},
		{
			name:      "conflicting figures: both places named",
			files:     []file{{"a.csv", school("k1", "一园", "120,98.5")}, {"b.csv", school("k1", "一园", "125,98.5")}},
			conflicts: []string{`unit k1: the Children enrolled differs: a.csv line 3 says "120", b.csv line 3 says "125"`},
		},
		{
			name: "a unit named differently, a district under another parent",
			files: []file{{"a.csv", school("k1", "一园", "1,")}, {"b.csv", head + "c,市,市,,,2017,p,,\nd1,东区,区县,,c,2017,p,,\nk1,第一幼儿园,学校,幼儿园,d1,2017,p,1,\n"},
				{"c.csv", head + "x,西市,市,,,2017,p,,\nd1,东区,区县,,x,2017,p,,\n"}},
			conflicts: []string{
				`unit k1: the name differs: a.csv line 3 says "一园", b.csv line 4 says "第一幼儿园"`,
				`unit d1: the parent differs: b.csv line 3 says "c", c.csv line 3 says "x"`,
			},
		},
		{
			name:      "returns of two years",
			files:     []file{{"a.csv", school("k1", "一园", "1,")}, {"b.csv", strings.ReplaceAll(school("k2", "二园", "1,"), "2017", "2018")}},
			conflicts: []string{`the year differs: a.csv says "2017", b.csv says "2018"`},
		},
		{
			name:      "returns of two plans",
			files:     []file{{"a.csv", school("k1", "一园", "1,")}, {"b.csv", strings.ReplaceAll(school("k2", "二园", "1,"), ",p,", ",q,")}},
			conflicts: []string{`the plan differs: a.csv says "p", b.csv says "q"`},
		},
		{
			name: "a district's sheet and a school's JSON",
			files: []file{{"d1.csv", head + "d1,东区,区县,,,2017,p,,\nk1,一园,学校,幼儿园,d1,2017,p,10,\nk2,二园,学校,幼儿园,d1,2017,p,,\n"},
				{"k2.json", `{"format": "eduplan.data/v1", "year": 2017, "plan": "p", "units": [
  {"id": "d1", "name": "东区", "level": "district"},
  {"id": "k2", "name": "二园", "level": "school", "kind": "kindergarten", "parent": "d1", "figures": {"enrolled": 20}}]}`}},
			units:   []string{"d1", "k1", "k2"},
			missing: []string{"k3"},
			figures: map[string]float64{"k1/enrolled": 10, "k2/enrolled": 20},
			taken:   []int{1, 1}, same: []int{0, 0},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rets []Return
			for _, f := range tc.files {
				rets = append(rets, read(t, f.name, f.text))
			}
			res, err := Merge(rets, Options{Expected: expected, Fields: fields})
			if tc.conflicts != nil {
				var cs Conflicts
				require.ErrorAs(t, err, &cs)
				assert.Equal(t, strings.Join(tc.conflicts, "\n"), cs.In("en"))
				assert.Nil(t, res)
				return
			}
			require.NoError(t, err)
			var ids []string
			for _, u := range res.Data.Units {
				ids = append(ids, u.ID)
			}
			assert.Equal(t, tc.units, ids)
			var missing []string
			for _, u := range res.Missing {
				missing = append(missing, u.ID)
			}
			assert.Equal(t, tc.missing, missing)
			for k, want := range tc.figures {
				unit, metric, _ := strings.Cut(k, "/")
				v, ok := res.Data.Value(unit, metric)
				assert.True(t, ok, k)
				assert.InDelta(t, want, v, 1e-12, k)
			}
			for i, fs := range res.Files {
				assert.Equal(t, tc.taken[i], fs.Figures, fs.File)
				assert.Equal(t, tc.same[i], fs.Same, fs.File)
			}
			assert.Equal(t, "p", res.Data.Plan)
			assert.Equal(t, 2017, res.Data.Year)
		})
	}
}

func TestUnexpected(t *testing.T) {
	res, err := Merge([]Return{read(t, "k9.csv", school("k9", "九园", "1,"))}, Options{Expected: []dataset.OrgUnit{{ID: "k1"}}})
	require.NoError(t, err)
	require.Len(t, res.Unexpected, 1)
	assert.Equal(t, "k9", res.Unexpected[0].ID)
	assert.Equal(t, "k1", res.Missing[0].ID)
	res, err = Merge([]Return{read(t, "k9.csv", school("k9", "九园", "1,"))}, Options{})
	require.NoError(t, err)
	assert.Nil(t, res.Missing)
	assert.Nil(t, res.Unexpected)
}

// A folder of returns in every format: CSV (UTF-8 and GBK), JSON and a
// workbook, and files that are not returns.
func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	write("k1.csv", []byte(school("k1", "一园", "120,98.5")))
	d := dataset.New(2017)
	d.Plan = "p"
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "d1", Name: "东区", Level: org.District}))
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "k2", Name: "二园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"}))
	require.NoError(t, d.Set("k2", "enrolled", 80))
	var b bytes.Buffer
	require.NoError(t, d.WriteCSV(&b, fields, dataset.GBK))
	write("k2.csv", b.Bytes())
	b.Reset()
	require.NoError(t, d.WriteJSON(&b, fields))
	write("k2.json", b.Bytes())
	b.Reset()
	require.NoError(t, xlsx.WriteStampedTemplate(&b, []dataset.OrgUnit{{ID: "d1", Name: "东区", Level: org.District},
		{ID: "k3", Name: "三园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"}}, fields, nil, "zh", dataset.Stamp{Year: 2017, Plan: "p"}))
	write("k3.xlsx", b.Bytes())
	write("~$k3.xlsx", []byte("lock"))
	write("notes.md", []byte("not a return"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "old"), 0o755))

	paths, skipped, err := Files(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "notes.md")}, skipped)
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	assert.Equal(t, []string{"k1.csv", "k2.csv", "k2.json", "k3.xlsx"}, names)
	rets, err := ReadFiles(paths, fields, dataset.Options{Year: 2017, Plan: "p"}, 0)
	require.NoError(t, err)
	res, err := Merge(rets, Options{Fields: fields})
	require.NoError(t, err)
	assert.Len(t, res.Data.Units, 4)
	assert.Equal(t, dataset.Workbook, rets[3].Data.Source.Encoding)
	assert.Equal(t, dataset.GBK, rets[1].Data.Source.Encoding)
	assert.Equal(t, 1, res.Files[2].Same, "k2.json repeats k2.csv")

	// Bad files do not stop the others: every one is named.
	write("bad.csv", []byte("单位代码,单位名称\nx,\n"))
	write("other.json", []byte(`{"format": "eduplan.data/v1", "plan": "q", "units": []}`))
	write("old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0})
	paths, _, err = Files(dir)
	require.NoError(t, err)
	_, err = ReadFiles(paths, fields, dataset.Options{Year: 2017, Plan: "p"}, 0)
	var es dataset.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 4)
	assert.Equal(t, filepath.Join(dir, "bad.csv"), es[0].File)
	assert.Equal(t, filepath.Join(dir, "bad.csv"), es[1].File)
	assert.Equal(t, filepath.Join(dir, "old.xls"), es[2].File)
	assert.Contains(t, es[2].In("zh"), "旧版 Excel 工作簿", "an old workbook is named, with the fix")
	assert.Equal(t, filepath.Join(dir, "other.json"), es[3].File)
}

// Returns read for a plan of its own levels merge into a dataset of those
// levels: a province's schools, each return carrying the units above it.
func TestMergeKeepsThePlansLevels(t *testing.T) {
	levels := org.Hierarchy{{ID: org.Nation}, {ID: org.Province}, {ID: org.School}}
	read := func(name, text string) Return {
		d, err := dataset.ReadCSV(strings.NewReader(text), fields, dataset.Options{File: name, Year: 2017, Levels: levels})
		require.NoError(t, err)
		return Return{Name: name, Data: d}
	}
	const top = head + "cn,全国,国家,,,2017,p,,\np1,甲省,省,,cn,2017,p,,\n"
	res, err := Merge([]Return{
		read("a.csv", top+"k1,一园,学校,幼儿园,p1,2017,p,10,\n"),
		read("b.csv", top+"k2,二园,学校,幼儿园,p1,2017,p,20,\n"),
	}, Options{Fields: fields})
	require.NoError(t, err)
	assert.Len(t, res.Data.Units, 4)
	assert.Equal(t, levels, res.Data.Levels)
}
