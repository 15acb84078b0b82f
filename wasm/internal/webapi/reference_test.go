package webapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

// A school's figure against the city's target is a reference cell in the
// district file's table, and the row's counts leave it out.
func TestFileReferenceCells(t *testing.T) {
	s := seedSession(t)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数,fitness_tested_students,fitness_pass_students,fitness_excellent_students\n" +
		"D1,京口区,区县,,,,,,,\n" +
		"1001,京口区第一小学,学校,小学,D1,2,100,100,94,12\n"
	mustOK(t, s, "importData", map[string]string{"name": "d.csv", "text": csv})
	var f struct {
		Columns []struct {
			ID string `json:"id"`
		} `json:"columns"`
		Schools []struct {
			Counts struct {
				Met    int `json:"met"`
				NotMet int `json:"not_met"`
			} `json:"counts"`
			Reference int `json:"reference"`
			Cells     []*struct {
				Status     string    `json:"status"`
				Reference  bool      `json:"reference"`
				StatusText *msg.Text `json:"statusText"`
			} `json:"cells"`
		} `json:"schools"`
	}
	decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
	require.Len(t, f.Schools, 1)
	row := f.Schools[0]
	assert.Equal(t, 1, row.Counts.Met, "school choice, its own target")
	assert.Equal(t, 0, row.Counts.NotMet, "94% against the city's 95% is not counted as not met")
	assert.Equal(t, 2, row.Reference)
	seen := 0
	for k, c := range f.Columns {
		cell := row.Cells[k]
		if c.ID != "fitness_pass_rate" {
			continue
		}
		seen++
		require.NotNil(t, cell)
		assert.Equal(t, "not_met", cell.Status)
		assert.True(t, cell.Reference)
		require.NotNil(t, cell.StatusText)
		assert.Equal(t, msg.T("参考：未达目标", "for reference: target not reached"), *cell.StatusText)
	}
	assert.Equal(t, 1, seen)
}
