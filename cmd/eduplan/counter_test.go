package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The unit in a template header tells the person typing what to count; it
// must follow the thing counted, not any word the name happens to contain.
func TestCounterZH(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"3-5岁在园幼儿数", "人"},
		{"3-5岁适龄人口", "人"},
		{"择校生数", "人"},
		{"“双师型”教师数", "人"},
		{"适龄残疾儿童少年数", "人"},
		{"新创省优质幼儿园数", "所"},
		{"义务教育学校数", "所"},
		{"创成教师发展示范校数", "所"},
		{"新建、改扩建中小学数", "所"},
		{"无证办园点数", "个"},
		{"获批省幼儿园课程游戏化项目数", "个"},
		{"通过省级示范性教师发展中心评估的辖市区教师发展中心数", "个"},
		{"新获批省级课程基地数（义务教育）", "个"},
		{"退役士兵、农村实用技术等培训人次", "人次"},
	} {
		assert.Equal(t, tc.want, counterZH(tc.name), tc.name)
	}
}
