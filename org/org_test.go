package org_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/org"
)

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		got  string
		want string
	}{
		{org.City.Name().In("zh"), "市"},
		{org.District.Name().In("en"), "District"},
		{org.School.Name().In("zh"), "学校"},
		{org.Level("area").Name().In("zh"), "area"},
		{org.Town.Name().In("zh"), "乡镇（街道）"},
		{org.Province.Name().In("en"), "Province"},
		{org.Kindergarten.Name().In("zh"), "幼儿园"},
		{org.Vocational.Name().In("en"), "Secondary vocational school"},
		{org.Kind("lab").Name().In("en"), "lab"},
	} {
		assert.Equal(t, tc.want, tc.got)
	}
	assert.True(t, org.Primary.Known())
	assert.False(t, org.Kind("lab").Known())
	assert.True(t, org.District.Known())
	assert.False(t, org.Level("province").Known())
}

func TestKindNamesIsACopy(t *testing.T) {
	ks := org.KindNames()
	assert.Len(t, ks, 8)
	ks[0].Name.ZH = "changed"
	assert.Equal(t, "幼儿园", org.KindNames()[0].Name.ZH)
}
