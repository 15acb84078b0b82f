package dataset_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

var fiveLevels = org.Hierarchy{{ID: org.Nation}, {ID: org.Province}, {ID: org.City},
	{ID: "county", Name: msg.T("区县", "County"), Aliases: []string{"县市区"}}, {ID: org.School}}

// A plan's levels decide what a level cell may say and where a parent may
// sit; the words of the levels the library knows come with them.
func TestReadWithDeclaredLevels(t *testing.T) {
	fields := []dataset.Field{{ID: "pupils", Names: []string{"在校生数"}}}
	const csv = "单位代码,单位名称,层级,学校类型,上级单位,在校生数\n" +
		"cn,国,全国,,,\n" +
		"p,省,省级,,cn,\n" +
		"c,市,地级市,,p,\n" +
		"d,县,县市区,,c,\n" +
		"s,校,学校,小学,d,10\n" +
		"s2,省直小学,学校,小学,p,20\n"
	d, err := dataset.ReadCSV(strings.NewReader(csv), fields, dataset.Options{Year: 2024, Levels: fiveLevels})
	require.NoError(t, err)
	var got []org.Level
	for _, u := range d.Units {
		got = append(got, u.Level)
	}
	assert.Equal(t, []org.Level{"nation", "province", "city", "county", "school", "school"}, got)
	require.NoError(t, d.Validate(), "the dataset keeps the levels it was read with")

	// Written back with the plan's names, and read back the same.
	var b bytes.Buffer
	require.NoError(t, d.WriteCSV(&b, fields, dataset.UTF8))
	assert.Contains(t, b.String(), "d,县,区县,,c,")
	assert.Contains(t, b.String(), "cn,国,国家,,,")
	back, err := dataset.ReadCSV(&b, fields, dataset.Options{Year: 2024, Levels: fiveLevels})
	require.NoError(t, err)
	assert.True(t, d.Equal(back))

	// The same file under the default levels: 全国 and 省级 are unknown.
	_, err = dataset.ReadCSV(strings.NewReader(csv), fields, dataset.Options{Year: 2024})
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), `2:3 (层级): "全国": unknown level: write city, district or school`)
}

func TestValidateWithDeclaredLevels(t *testing.T) {
	for _, tc := range []struct {
		name  string
		units []dataset.OrgUnit
		want  string // "" for valid
	}{
		{"a school under a province", []dataset.OrgUnit{{ID: "p", Level: org.Province}, {ID: "s", Level: org.School, Kind: org.Primary, Parent: "p"}}, ""},
		{"a county under a county", []dataset.OrgUnit{{ID: "a", Level: "county"}, {ID: "b", Level: "county", Parent: "a"}},
			"units[1].parent: \"a\": a county's parent must be a city, a province or a nation"},
		{"a level the plan lacks", []dataset.OrgUnit{{ID: "t", Level: org.Town}},
			"units[0].level: \"town\": the level must be nation, province, city, county or school"},
		{"a kind above the schools", []dataset.OrgUnit{{ID: "p", Level: org.Province, Kind: org.Primary}},
			"units[0].kind: \"primary\": only a school has a kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := dataset.New(2024)
			d.Levels = fiveLevels
			for _, u := range tc.units {
				require.NoError(t, d.Add(u))
			}
			err := d.Validate()
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, msg.In(err, "en"), tc.want)
		})
	}
}
