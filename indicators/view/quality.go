package view

import (
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
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
}

// QualityOf words a data-quality summary; nil gives nil.
func QualityOf(q *indicators.DataQuality) *Quality {
	if q == nil {
		return nil
	}
	v := &Quality{Title: QualityTitle}
	if q.File != "" {
		enc := ""
		if q.Encoding != "" {
			enc = "（" + q.Encoding + "）"
		}
		v.Lines = append(v.Lines, msg.T("文件："+q.File+enc, "file: "+q.File+strings.NewReplacer("（", " (", "）", ")").Replace(enc)))
	}
	zh, en := make([]string, 0, len(q.Units)), make([]string, 0, len(q.Units))
	for _, u := range q.Units {
		name := u.Level.Name()
		if u.Kind != "" {
			name = u.Kind.Name()
		}
		n := strconv.Itoa(u.Count)
		zh, en = append(zh, name.ZH+" "+n), append(en, name.EN+" "+n)
	}
	v.Lines = append(v.Lines, msg.T("单位："+strings.Join(zh, "、"), "units: "+strings.Join(en, ", ")))
	share := ""
	if q.Expected > 0 {
		share = Number(float64(q.Present)/float64(q.Expected), plan.Percent)
	}
	exp, pres, miss := strconv.Itoa(q.Expected), strconv.Itoa(q.Present), strconv.Itoa(q.Missing)
	v.Lines = append(v.Lines, msg.T("应填数据 "+exp+" 项，已填 "+pres+" 项"+paren(share, "（", "）")+"，缺 "+miss+" 项",
		"figures expected: "+exp+", present: "+pres+paren(share, " (", ")")+", missing: "+miss))
	if len(q.MissingByMarker) > 0 {
		zh, en = zh[:0], en[:0]
		for _, m := range q.MissingByMarker {
			zh = append(zh, "“"+m.Marker+"” "+strconv.Itoa(m.Count)+" 格")
			en = append(en, strconv.Quote(m.Marker)+" "+strconv.Itoa(m.Count))
		}
		v.Lines = append(v.Lines, msg.T("标为缺失的格："+strings.Join(zh, "、"), "cells marked missing: "+strings.Join(en, ", ")))
	}
	v.Lines = append(v.Lines, msg.T("提醒："+strconv.Itoa(q.Warnings)+" 条", "warnings: "+strconv.Itoa(q.Warnings)),
		msg.T("校验规则不通过："+strconv.Itoa(q.RuleViolations)+" 条", "rule violations: "+strconv.Itoa(q.RuleViolations)))
	for _, d := range q.Districts {
		e, p, sh := strconv.Itoa(d.Expected), strconv.Itoa(d.Present), Number(d.Share, plan.Percent)
		v.Districts = append(v.Districts, msg.T(d.Name+"（"+d.ID+"）：应填 "+e+" 项，已填 "+p+" 项，完整率 "+sh,
			d.Name+" ("+d.ID+"): "+p+" of "+e+" figures present, "+sh+" complete"))
	}
	for _, c := range q.MissingCells {
		v.Missing = append(v.Missing, missingCell(c))
	}
	if listed, all := len(q.MissingCells), q.MissingCount(); all > listed {
		v.Missing = append(v.Missing, msg.T("……另有 "+strconv.Itoa(all-listed)+" 格未列出", "… and "+strconv.Itoa(all-listed)+" more not listed"))
	}
	for _, w := range q.WarningList {
		e := dataset.CellError{File: w.File, Row: w.Row, Column: w.Column, Path: w.Path, Header: w.Header, Unit: w.Unit, Text: w.Text, Reason: w.Reason}
		v.Warnings = append(v.Warnings, msg.T(e.In("zh"), e.In("en")))
	}
	if q.Warnings > len(q.WarningList) {
		v.Warnings = append(v.Warnings, msg.T("……另有 "+strconv.Itoa(q.Warnings-len(q.WarningList))+" 条未列出", "… and "+strconv.Itoa(q.Warnings-len(q.WarningList))+" more not listed"))
	}
	return v
}

// missingCell says where a cell marked missing is: file, line, column and
// header (CSV) or JSON path, unit, and what it held.
func missingCell(c dataset.MissingCell) msg.Text {
	zh, en := c.File, c.File
	if c.Row > 0 {
		zh += " 第" + strconv.Itoa(c.Row) + "行"
		en += " line " + strconv.Itoa(c.Row)
		if c.Path == "" && c.Column > 0 {
			zh += "第" + strconv.Itoa(c.Column) + "列"
			en += ", column " + strconv.Itoa(c.Column)
		}
	}
	what := c.Header
	if c.Path != "" {
		what = c.Path
	}
	if what == "" {
		what = c.Metric
	}
	zh += "（" + what + "），单位 " + c.Unit + "：“" + c.Text + "”"
	en += " (" + what + "), unit " + c.Unit + ": " + strconv.Quote(c.Text)
	return msg.T(strings.TrimSpace(zh), strings.TrimSpace(en))
}

// paren wraps s in brackets, or gives "" for "".
func paren(s, open, close string) string {
	if s == "" {
		return ""
	}
	return open + s + close
}
