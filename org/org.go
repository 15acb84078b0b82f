// Package org names the places of a unit in an education system: the levels
// of its hierarchy (city, district, school) and the kinds of school, with
// their Chinese and English names. Plans, data files and reports all use
// these names, so they are defined once, here.
package org

import "github.com/eduplan/eduplan/msg"

// Level is the place of a unit in the hierarchy.
type Level string

// The levels a plan can address, from the top.
const (
	City     Level = "city"
	District Level = "district"
	School   Level = "school"
)

// Levels lists the known levels from the top.
func Levels() []Level { return []Level{City, District, School} }

// Name is the level's label: 市 / City, 辖市区 / District, 学校 / School, or
// the name of another standard level (Level.Standard); any other level is
// shown as written (a plan's own names are Hierarchy.Name's).
func (l Level) Name() msg.Text {
	switch l {
	case City:
		return msg.T("市", "City")
	case District:
		return msg.T("辖市区", "District")
	case School:
		return msg.T("学校", "School")
	}
	if n, ok := standardName(l); ok {
		return n
	}
	return msg.T(string(l), string(l))
}

// Known reports whether l is one of the default hierarchy's levels.
func (l Level) Known() bool { return l == City || l == District || l == School }

// Kind is the kind of a school (幼儿园, 小学, …). Cities and districts have no
// kind. Kinds are open-ended strings so that another plan can add its own;
// the constants are the ones the seed plan uses.
type Kind string

// The kinds of school the seed plan distinguishes.
const (
	Kindergarten   Kind = "kindergarten"    // 幼儿园
	Primary        Kind = "primary"         // 小学
	JuniorSecond   Kind = "junior"          // 初中
	NineYear       Kind = "nine_year"       // 九年一贯制学校
	SeniorSecond   Kind = "senior"          // 普通高中
	CompleteSecond Kind = "complete_second" // 完全中学
	Vocational     Kind = "vocational"      // 中等职业学校
	Special        Kind = "special"         // 特殊教育学校
)

// KindName is a kind of school with its name.
type KindName struct {
	Kind Kind
	Name msg.Text
}

var kindNames = [...]KindName{
	{Kindergarten, msg.T("幼儿园", "Kindergarten")},
	{Primary, msg.T("小学", "Primary school")},
	{JuniorSecond, msg.T("初中", "Junior secondary school")},
	{NineYear, msg.T("九年一贯制学校", "Nine-year school")},
	{CompleteSecond, msg.T("完全中学", "Complete secondary school")},
	{SeniorSecond, msg.T("普通高中", "Senior secondary school")},
	{Vocational, msg.T("中等职业学校", "Secondary vocational school")},
	{Special, msg.T("特殊教育学校", "Special education school")},
}

// KindNames lists the known kinds with their names, in the order a form
// lists them. The slice is the caller's own.
func KindNames() []KindName { return append([]KindName(nil), kindNames[:]...) }

// Name is the kind's label (幼儿园 / Kindergarten); an unknown kind is shown
// as written.
func (k Kind) Name() msg.Text {
	for _, kn := range kindNames {
		if kn.Kind == k {
			return kn.Name
		}
	}
	return msg.T(string(k), string(k))
}

// Known reports whether k is one of the kinds the seed plan defines.
func (k Kind) Known() bool {
	for _, kn := range kindNames {
		if kn.Kind == k {
			return true
		}
	}
	return false
}
