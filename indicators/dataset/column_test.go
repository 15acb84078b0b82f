package dataset_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
)

// A column holds only the units with a figure, whatever order figures are
// set and cleared in.
func TestColumnHoldsOnlyFigures(t *testing.T) {
	d := dataset.New(2017)
	for i := range 6 {
		require.NoError(t, d.Add(dataset.OrgUnit{ID: fmt.Sprint("s", i), Name: "s", Level: org.School}))
	}
	for _, set := range []struct {
		unit string
		v    float64
	}{{"s4", 4}, {"s1", 1}, {"s5", 5}, {"s2", 2}, {"s1", 10}} {
		require.NoError(t, d.Set(set.unit, "m", set.v))
	}
	d.Clear("s2", "m")
	d.Clear("s3", "m") // no figure: nothing happens
	col := d.Column("m")
	units, values := col.Figures()
	assert.Equal(t, []int32{1, 4, 5}, units)
	assert.Equal(t, []float64{10, 4, 5}, values)
	assert.Equal(t, 3, col.Len())
	for i, want := range []struct {
		v  float64
		ok bool
	}{{0, false}, {10, true}, {0, false}, {0, false}, {4, true}, {5, true}} {
		v, ok := col.At(i)
		assert.Equal(t, want.ok, ok, "unit %d", i)
		assert.Equal(t, want.v, v, "unit %d", i)
	}
	var none *dataset.Column
	v, ok := none.At(0)
	assert.False(t, ok)
	assert.Zero(t, v)
	assert.Zero(t, none.Len())
}

// A unit added after its figures' column exists has no figure, and
// counts for nothing in the column.
func TestColumnUnitAddedLater(t *testing.T) {
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "a", Name: "a", Level: org.School}))
	require.NoError(t, d.Set("a", "m", 1))
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "b", Name: "b", Level: org.School}))
	_, ok := d.Value("b", "m")
	assert.False(t, ok)
	assert.Equal(t, 1, d.Column("m").Len())
}

// Reading a school's ten figures out of many metrics stores ten figures,
// not one per metric and unit.
func TestReadStoresOnlyFigures(t *testing.T) {
	var fields []dataset.Field
	var header strings.Builder
	header.WriteString("单位代码,单位名称,层级,学校类型")
	for k := range 50 {
		id := fmt.Sprint("m", k)
		fields = append(fields, dataset.Field{ID: id, Names: []string{id}})
		header.WriteString("," + id)
	}
	row := "s1,一中,学校,小学,7" + strings.Repeat(",", 49)
	d, err := dataset.ReadCSV(strings.NewReader(header.String()+"\n"+row+"\n"), fields, dataset.Options{Year: 2017})
	require.NoError(t, err)
	total := 0
	for _, id := range d.Metrics() {
		total += d.Column(id).Len()
	}
	assert.Equal(t, 1, total)
	v, ok := d.Value("s1", "m0")
	assert.True(t, ok)
	assert.Equal(t, 7.0, v)
}
