package collect

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
)

// Headline says what a merge made: "汇总了 18 个文件，23 个单位".
func (r *Result) Headline() msg.Text {
	return msg.Textf("汇总了 %d 个文件，%d 个单位", "merged %d files, %d units", len(r.Files), len(r.Data.Units))
}

// MissingHead heads the list of Missing, or says that every expected unit
// returned; listed says whether the merge had Options.Expected (zero
// without).
func (r *Result) MissingHead(listed bool) msg.Text {
	switch {
	case !listed:
		return msg.Text{}
	case len(r.Missing) == 0:
		return msg.T("名单中的单位都已交回。", "every unit of the list has returned.")
	}
	return msg.Textf("名单中有 %d 个单位没有交回：", "%d unit(s) of the list did not return:", len(r.Missing))
}

// UnexpectedHead heads the list of Unexpected; zero when there are none.
func (r *Result) UnexpectedHead() msg.Text {
	if len(r.Unexpected) == 0 {
		return msg.Text{}
	}
	return msg.Textf("注意：%d 个交回数据的单位不在名单中（代码是否写错？）：", "note: %d unit(s) that returned figures are not in the list (a mistyped code?):", len(r.Unexpected))
}

// UnitText names a unit in a list: its code and name.
func UnitText(u dataset.OrgUnit) string { return u.ID + " " + u.Name }

// Text says what a merge took from one file, in a line: "k01.csv：2 个单位
// （新 1 个），取 2 个数据项，1 个相同的重复；填报单位 k01 一园".
func (f FileSummary) Text() msg.Text {
	who := msg.T("没有数据", "no figures")
	if n := len(f.Returned); n > 0 {
		var names []string
		for _, u := range f.Returned[:min(n, 3)] {
			names = append(names, UnitText(u))
		}
		who = msg.T("填报单位 "+strings.Join(names, "、"), "figures of "+strings.Join(names, ", "))
		if n > 3 {
			who = msg.T(fmt.Sprintf("%s 等 %d 个", who.ZH, n), fmt.Sprintf("%s and %d more", who.EN, n-3))
		}
	}
	return msg.T(fmt.Sprintf("%s：%d 个单位（新 %d 个），取 %d 个数据项，%d 个相同的重复；%s", f.File, f.Units, f.New, f.Figures, f.Same, who.ZH),
		fmt.Sprintf("%s: %d units (%d new), %d figures taken, %d identical duplicates; %s", f.File, f.Units, f.New, f.Figures, f.Same, who.EN))
}

// Fields are the fields of all that some return gives, in the order of
// all: a column no unit filled in says nothing an absent one does not, and
// a plan has many.
func (r *Result) Fields(all []dataset.Field) []dataset.Field {
	has := map[string]bool{}
	for _, id := range r.Data.Metrics() {
		has[id] = true
	}
	var out []dataset.Field
	for _, f := range all {
		if has[f.ID] {
			out = append(out, f)
		}
	}
	return out
}
