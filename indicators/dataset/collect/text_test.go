package collect

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators/dataset"
)

// What a merge took from a file, as the command line's summary and the
// page both say it.
func TestFileSummaryText(t *testing.T) {
	u := func(id, name string) dataset.OrgUnit { return dataset.OrgUnit{ID: id, Name: name} }
	for _, tc := range []struct {
		name   string
		f      FileSummary
		zh, en string
	}{
		{"no figures", FileSummary{File: "a.csv", Units: 2, New: 2},
			"a.csv：2 个单位（新 2 个），取 0 个数据项，0 个相同的重复；没有数据",
			"a.csv: 2 units (2 new), 0 figures taken, 0 identical duplicates; no figures"},
		{"one school", FileSummary{File: "k1.csv", Units: 2, New: 1, Returned: []dataset.OrgUnit{u("k1", "一园")}, Figures: 2, Same: 1},
			"k1.csv：2 个单位（新 1 个），取 2 个数据项，1 个相同的重复；填报单位 k1 一园",
			"k1.csv: 2 units (1 new), 2 figures taken, 1 identical duplicates; figures of k1 一园"},
		{"a district's sheet: three named, then how many more", FileSummary{File: "d.xlsx", Units: 5, New: 5,
			Returned: []dataset.OrgUnit{u("k1", "一园"), u("k2", "二园"), u("k3", "三园"), u("k4", "四园"), u("k5", "五园")}, Figures: 5},
			"d.xlsx：5 个单位（新 5 个），取 5 个数据项，0 个相同的重复；填报单位 k1 一园、k2 二园、k3 三园 等 5 个",
			"d.xlsx: 5 units (5 new), 5 figures taken, 0 identical duplicates; figures of k1 一园, k2 二园, k3 三园 and 2 more"},
	} {
		got := tc.f.Text()
		assert.Equal(t, tc.zh, got.ZH, tc.name)
		assert.Equal(t, tc.en, got.EN, tc.name)
	}
}

func TestHeads(t *testing.T) {
	r := &Result{Data: dataset.New(2017), Files: make([]FileSummary, 3)}
	assert.Equal(t, "汇总了 3 个文件，0 个单位", r.Headline().ZH)
	assert.True(t, r.MissingHead(false).IsZero(), "nothing expected, nothing said")
	assert.Equal(t, "名单中的单位都已交回。", r.MissingHead(true).ZH)
	assert.True(t, r.UnexpectedHead().IsZero())
	r.Missing = []dataset.OrgUnit{{ID: "k3"}}
	r.Unexpected = []dataset.OrgUnit{{ID: "k9"}, {ID: "k8"}}
	assert.Equal(t, "名单中有 1 个单位没有交回：", r.MissingHead(true).ZH)
	assert.Equal(t, "note: 2 unit(s) that returned figures are not in the list (a mistyped code?):", r.UnexpectedHead().EN)
}
