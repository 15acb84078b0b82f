package org_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

func TestHierarchy(t *testing.T) {
	five := org.Hierarchy{{ID: org.Nation}, {ID: org.Province}, {ID: "prefecture", Name: msg.T("地区", "Prefecture")}, {ID: org.District, Name: msg.T("区县", "County")}, {ID: org.School}}
	for _, tc := range []struct {
		name string
		h    org.Hierarchy
		ids  []org.Level
		def  bool
	}{
		{"empty is the default", nil, org.Levels(), true},
		{"the default written out", org.DefaultHierarchy(), org.Levels(), true},
		{"five levels", five, []org.Level{"nation", "province", "prefecture", "district", "school"},
			false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.ids, tc.h.IDs())
			assert.Equal(t, tc.def, tc.h.IsDefault())
			assert.Len(t, tc.h.Resolved(), len(tc.ids))
		})
	}
	r := five.Resolved()
	assert.Equal(t, msg.T("国家", "Nation"), r[0].Name, "a standard level declared without a name has its own")
	assert.Equal(t, msg.T("区县", "County"), r.Name(org.District), "the plan's name wins")
	assert.Equal(t, msg.T("地区", "Prefecture"), r.Name("prefecture"))
	rank, ok := five.Rank("prefecture")
	assert.True(t, ok)
	assert.Equal(t, 2, rank)
	_, ok = five.Rank(org.City)
	assert.False(t, ok, "a plan's levels are all it has")
	_, ok = org.Hierarchy(nil).Rank(org.Province)
	assert.False(t, ok)
	assert.Equal(t, []org.Level{"district", "prefecture", "province", "nation"}, five.Above(org.School))
	assert.Empty(t, five.Above(org.Nation))
	assert.True(t, org.Town.Standard())
	assert.False(t, org.Level("prefecture").Standard())
}

func TestLevelWord(t *testing.T) {
	for in, want := range map[string]string{" City ": "city", "Prefecture-Level": "prefecture-level", "地市": "地市", "\t省\t": "省", "": ""} {
		assert.Equal(t, want, org.LevelWord(in), "%q", in)
	}
}
