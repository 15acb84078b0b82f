package webapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A workbook's sheet comes from the page as cells; its figures read as the
// CSV file Excel would save from it, and its errors name the sheet.
func TestImportCellsOfASheet(t *testing.T) {
	s := fixtureSession(t)
	cells := [][]string{
		{"单位代码", "单位名称", "学校类型", "在园幼儿数", "持证教师比例"},
		{"1", "甲园", "幼儿园", "120", "96.5%"},
	}
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]any{"name": "k.xlsx", "cells": cells, "sheet": "数据"}), &imp)
	require.True(t, imp.Single)
	assert.Equal(t, "甲园", imp.Unit.Name)
	assert.Equal(t, "96.5", imp.Figures["certified_teacher_share"])

	cells = append(cells, []string{"2", "乙园", "幼儿园", "12人", "无"})
	a := call(t, s, "importData", map[string]any{"name": "k.xlsx", "cells": cells, "sheet": "数据"})
	assert.Equal(t, false, a["ok"])
	var es struct {
		DataErrors []dataError `json:"dataErrors"`
	}
	decodeInto(t, a, &es)
	require.Len(t, es.DataErrors, 2)
	assert.Equal(t, dataError{File: "k.xlsx", Sheet: "数据", Row: 3, Column: 4, Header: "在园幼儿数", Text: "12人", Reason: es.DataErrors[0].Reason, Code: es.DataErrors[0].Code}, es.DataErrors[0])
	assert.Equal(t, []any{"数据", 3, 5}, []any{es.DataErrors[1].Sheet, es.DataErrors[1].Row, es.DataErrors[1].Column})
}
