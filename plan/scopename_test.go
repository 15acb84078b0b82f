package plan_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestScopeName(t *testing.T) {
	tests := []struct {
		levels []org.Level
		kinds  []org.Kind
		zh, en string
	}{
		{nil, nil, "全市、辖市区、学校", "the city, districts, schools"},
		{[]org.Level{"city", "district"}, nil, "全市、辖市区", "the city, districts"},
		{[]org.Level{"school"}, []org.Kind{"primary", "junior"}, "小学、初中", "Primary school, Junior secondary school"},
		{[]org.Level{"school"}, []org.Kind{"robotics"}, "robotics", "robotics"},
		// Kinds without levels: every level, the schools of those kinds.
		{nil, []org.Kind{"kindergarten"}, "全市、辖市区、幼儿园", "the city, districts, Kindergarten"},
		{[]org.Level{"province"}, nil, "province", "province"},
	}
	for _, tt := range tests {
		got := plan.Scope{Levels: tt.levels, Kinds: tt.kinds}.Name()
		assert.Equal(t, tt.zh, got.ZH, "%v %v", tt.levels, tt.kinds)
		assert.Equal(t, tt.en, got.EN, "%v %v", tt.levels, tt.kinds)
	}
}
