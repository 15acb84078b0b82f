package webapi

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// download is a file for the page to download.
type download struct {
	Filename string `json:"filename"`
	Text     string `json:"text"`
}

// template is the data-entry CSV of the unit on the form, as eduplan
// template --split writes a school's prefilled file: the rows above the
// unit and the unit's row with its code, name, kind and parent, the year
// and the plan's id on every row, the figures' columns headed with their
// units, for Excel (UTF-8 with a byte order mark, CRLF). Like a return,
// it needs the unit's code: a file without one cannot be collected.
func (s *Session) template(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	req.Figures = nil
	d, _, err := s.unitDataset(req)
	if err != nil {
		return nil, err
	}
	if d, err = s.asReturn(d, req.Identity); err != nil {
		return nil, err
	}
	metrics := s.cat.FormMetrics(req.Level, req.Kind)
	byID := map[string]plan.Metric{}
	for _, m := range metrics {
		byID[m.ID] = m
	}
	var b bytes.Buffer
	if err := dataset.StampedTemplate(&b, d.Units, s.fieldsOf(metrics), func(f dataset.Field) string { return byID[f.ID].Header(req.Lang) },
		dataset.UTF8BOM, req.Lang, dataset.Stamp{Year: s.plan.Year, Plan: s.plan.ID}); err != nil {
		return nil, err
	}
	return download{Filename: fileName(req.Lang, "填报模板", "template", s.unitLabel(req)) + ".csv", Text: b.String()}, nil
}

// exportFigures writes the figures on the form as the unit's return: a
// data file with its code, name, kind and parent (and the rows above it),
// the year and the plan's id, that imports back to the same form and
// collects with other units' returns.
func (s *Session) exportFigures(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	d, _, err := s.unitDataset(req)
	if err != nil {
		return nil, err
	}
	if d, err = s.asReturn(d, req.Identity); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := d.WriteCSV(&b, s.fieldsOf(s.cat.FormMetrics(req.Level, req.Kind)), dataset.UTF8BOM); err != nil {
		return nil, err
	}
	return download{Filename: fileName(req.Lang, "填报数据", "figures", req.Name) + ".csv", Text: b.String()}, nil
}

// exportReport writes the report of the form (source "form") or of the
// imported file (source "file") as JSON (indicators.Report, the same as the
// command line writes) or as CSV for Excel, one row per unit and indicator.
func (s *Session) exportReport(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	var d *dataset.Dataset
	label := req.Name
	switch req.Source {
	case "", "form":
		var err error
		if d, _, err = s.unitDataset(req); err != nil {
			return nil, err
		}
		if label == "" {
			label = s.unitLabel(req)
		}
	case "file":
		if s.file == nil {
			return nil, msg.New(bi("还没有导入数据文件", "no data file has been imported"))
		}
		d = s.file.data
		label = strings.TrimSuffix(s.file.name, extOf(s.file.name))
	default:
		return nil, fmt.Errorf("未知的来源 %q / unknown source %q", req.Source, req.Source)
	}
	rep, err := s.cat.Assess(d, indicators.Options{ParentFigures: req.ParentFigures})
	if err != nil {
		return nil, err
	}
	rep.Plan = s.plan.ID
	if d.Source.Encoding != "" {
		// Figures from a data file: the report says how complete it is,
		// as eduplan.Assess does.
		rep.DataQuality = s.cat.Quality(d)
	}
	base := fileName(req.Lang, "自评报告", "report", label)
	var b bytes.Buffer
	switch req.Format {
	case "", "json":
		if err := rep.WriteJSON(&b); err != nil {
			return nil, err
		}
		return download{Filename: base + ".json", Text: b.String()}, nil
	case "csv":
		if err := view.WriteCSV(&b, rep, req.Lang); err != nil {
			return nil, err
		}
		return download{Filename: base + ".csv", Text: b.String()}, nil
	}
	return nil, fmt.Errorf("未知的格式 %q / unknown format %q", req.Format, req.Format)
}

// unitLabel names the kind of unit on the form: "幼儿园", "District".
func (s *Session) unitLabel(req unitRequest) string {
	if req.Level == org.School {
		return kindName(req.Kind).In(req.Lang)
	}
	return req.Level.Name().In(req.Lang)
}

// fileName builds a download's name without its extension from a prefix in
// the page's language and a label; characters no file system takes become _.
func fileName(lang, zh, en, label string) string {
	name := msg.T(zh, en).In(lang)
	if label = strings.TrimSpace(label); label != "" {
		name += "-" + label
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, name)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[i:]
	}
	return ""
}
