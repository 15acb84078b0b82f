package view

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// QualityTitle heads a data-quality summary in every face.
var QualityTitle = msg.T("数据质量", "Data quality")

// Quality is what a user reads of a data file's quality summary
// (indicators.DataQuality): a few lines of counts, then one line per
// district, per missing cell listed and per warning.
type Quality struct {
	Title msg.Text `json:"title"`
	// Lines are the counts: the file, its units, figures expected and
	// present, cells marked missing by marker, warnings, rule violations.
	Lines []msg.Text `json:"lines"`
	// Districts say how complete each district's return is.
	Districts []msg.Text `json:"districts,omitempty"`
	// Missing lists the cells marked missing, where and with what; Warnings
	// the cells warned of. Each list says at its end how many it leaves
	// out.
	Missing  []msg.Text `json:"missing,omitempty"`
	Warnings []msg.Text `json:"warnings,omitempty"`
	// Heads head the three lists.
	DistrictsHead msg.Text `json:"districtsHead"`
	MissingHead   msg.Text `json:"missingHead"`
	WarningsHead  msg.Text `json:"warningsHead"`
}

// QualityOf words a data-quality summary; nil gives nil.
func QualityOf(q *indicators.DataQuality) *Quality { return QualityIn(nil, q) }

// QualityIn is QualityOf with the levels named as the plan names them
// (Report.Levels); nil levels are the default names.
func QualityIn(levels org.Hierarchy, q *indicators.DataQuality) *Quality {
	if q == nil {
		return nil
	}
	v := &Quality{Title: QualityTitle, DistrictsHead: msg.T("各辖市区完整率", "Completeness by district"),
		MissingHead: msg.T("标为缺失的格", "Cells marked missing"), WarningsHead: msg.T("提醒", "Warnings")}
	if levels.Has(org.District) && levels.Name(org.District) != org.District.Name() {
		n := levels.Name(org.District)
		v.DistrictsHead = msg.T("各"+n.ZH+"完整率", "Completeness by "+n.EN)
	}
	if q.File != "" {
		v.Lines = append(v.Lines, msg.Textf("文件：%s（%s）", "file: %s (%s)", q.File, q.Encoding))
	}
	var units, marks []msg.Text
	for _, u := range q.Units {
		name := levels.Name(u.Level)
		if u.Kind != "" {
			name = u.Kind.Name()
		}
		units = append(units, msg.Textf("%[1]s %[2]d", "%[3]s %[2]d", name.ZH, u.Count, name.EN))
	}
	j := join(units)
	v.Lines = append(v.Lines, msg.T("单位："+j.ZH, "units: "+j.EN))
	share := 1.0
	if q.Expected > 0 {
		share = float64(q.Present) / float64(q.Expected)
	}
	v.Lines = append(v.Lines, msg.Textf("应填数据 %d 项，已填 %d 项（%s），缺 %d 项", "figures expected: %d, present: %d (%s), missing: %d",
		q.Expected, q.Present, Number(share, plan.Percent), q.Missing))
	for _, m := range q.MissingByMarker {
		marks = append(marks, msg.Textf("“%s” %d 格", "%[1]q %[2]d", m.Marker, m.Count))
	}
	if len(marks) > 0 {
		j = join(marks)
		v.Lines = append(v.Lines, msg.T("标为缺失的格："+j.ZH, "cells marked missing: "+j.EN))
	}
	v.Lines = append(v.Lines, msg.Textf("提醒：%d 条", "warnings: %d", q.Warnings),
		msg.Textf("校验规则不通过：%d 条", "rule violations: %d", q.RuleViolations))
	for _, d := range q.Districts {
		v.Districts = append(v.Districts, msg.Textf("%s（%s）：应填 %d 项，已填 %d 项，完整率 %s", "%[1]s (%[2]s): %[4]d of %[3]d figures present, %[5]s complete",
			d.Name, d.ID, d.Expected, d.Present, Number(d.Share, plan.Percent)))
	}
	for _, c := range q.MissingCells {
		where := c.Header
		if c.Path != "" {
			where, c.Column = c.Path, 0
		}
		if where == "" {
			where = c.Metric
		}
		t := msg.Textf("%s 第%d行第%d列（%s），单位 %s：“%s”", "%s line %d, column %d (%s), unit %s: %q", c.File, c.Row, c.Column, where, c.Unit, c.Text)
		if c.Column == 0 {
			t = msg.Textf("%s 第%d行（%s），单位 %s：“%s”", "%s line %d (%s), unit %s: %q", c.File, c.Row, where, c.Unit, c.Text)
		}
		v.Missing = append(v.Missing, t)
	}
	v.Missing = more(v.Missing, q.MissingCount()-len(q.MissingCells), "格")
	for _, w := range q.WarningList {
		e := dataset.CellError{File: w.File, Row: w.Row, Column: w.Column, Path: w.Path, Header: w.Header, Unit: w.Unit, Text: w.Text, Reason: w.Reason}
		v.Warnings = append(v.Warnings, msg.T(e.In("zh"), e.In("en")))
	}
	v.Warnings = more(v.Warnings, q.Warnings-len(q.WarningList), "条")
	return v
}

// join lists texts, with the list marks of each language.
func join(ts []msg.Text) msg.Text {
	var out msg.Text
	for i, t := range ts {
		if i > 0 {
			out.ZH += "、"
			out.EN += ", "
		}
		out.ZH += t.ZH
		out.EN += t.EN
	}
	return out
}

// more ends a list that leaves n entries out by saying so.
// measure is the Chinese measure word of the entries (格, 条).
func more(list []msg.Text, n int, measure string) []msg.Text {
	if n <= 0 {
		return list
	}
	return append(list, msg.Textf("……另有 %[1]d %[2]s未列出", "… and %[1]d more not listed", n, measure))
}
