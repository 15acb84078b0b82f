package webapi

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// download is a file for the page to download.
type download struct {
	Filename string `json:"filename"`
	Text     string `json:"text"`
}

// template is the data-entry CSV for a kind of unit: the unit columns and
// one column per figure the form asks, for Excel (UTF-8 with a byte order
// mark, CRLF).
func (s *Session) template(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req unitRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	fields := s.fieldsOf(s.cat.FormMetrics(req.Level, req.Kind))
	d := dataset.New(s.plan.Year)
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = pick(req.Lang, "（单位名称）", "(name of the unit)")
	}
	if err := d.Add(dataset.OrgUnit{ID: "1", Name: name, Level: req.Level, Kind: req.Kind}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := d.WriteCSV(&b, fields, dataset.UTF8BOM); err != nil {
		return nil, err
	}
	return download{Filename: fileName(req.Lang, "填报模板", "template", s.unitLabel(req)) + ".csv", Text: b.String()}, nil
}

// exportFigures writes the figures on the form as a data file that imports
// back to the same form.
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
	rep, err := s.cat.Evaluate(d).Report(indicators.Options{})
	if err != nil {
		return nil, err
	}
	rep.Plan = s.plan.ID
	base := fileName(req.Lang, "自评报告", "report", label)
	var b bytes.Buffer
	switch req.Format {
	case "", "json":
		if err := rep.WriteJSON(&b); err != nil {
			return nil, err
		}
		return download{Filename: base + ".json", Text: b.String()}, nil
	case "csv":
		return download{Filename: base + ".csv", Text: reportCSV(rep, req.Lang)}, nil
	}
	return nil, fmt.Errorf("未知的格式 %q / unknown format %q", req.Format, req.Format)
}

// reportCSV writes a report as a table for Excel: UTF-8 with a byte order
// mark, CRLF, one row per unit and indicator, texts in lang.
func reportCSV(rep *indicators.Report, lang string) string {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if lang == "en" {
		w.Write([]string{"Unit code", "Unit", "Level", "Kind", "Parent", "Indicator code", "Indicator", "Nature", "Status",
			"Value", "Target", "Gap", "Where in the plan", "Plan text", "Reason"})
	} else {
		w.Write([]string{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "指标代码", "指标", "性质", "状态",
			"数值", "目标", "差距", "出处", "原文", "原因"})
	}
	for _, ur := range rep.Units {
		u := ur.Unit
		kind := ""
		if u.Kind != "" {
			kind = kindName(u.Kind).In(lang)
		}
		for _, r := range ur.Results {
			gap := ""
			if r.Gap != nil {
				gap = indicators.FormatGap(*r.Gap, r.Unit, r.Target.Points, lang)
			}
			var places []string
			for _, p := range r.Places {
				places = append(places, p.Label.In(lang))
			}
			value := valueText(r.Value, r.Unit)
			if r.Target.Points && r.Value != nil {
				value = pointsText(*r.Value).In(lang)
			}
			reason := ""
			if r.Reason != nil {
				reason = r.Reason.In(lang)
			}
			w.Write([]string{u.ID, u.Name, levelName(u.Level).In(lang), kind, u.Parent, r.Indicator, r.Name.In(lang),
				natureName(r.Nature).In(lang), indicators.StatusNames[r.Status].In(lang), value,
				r.Target.Display.In(lang), gap, strings.Join(places, "; "), r.Wording, reason})
		}
	}
	w.Flush()
	return b.String()
}

func levelName(l org.Level) Text {
	switch l {
	case org.City:
		return Text{ZH: "市", EN: "city"}
	case org.District:
		return Text{ZH: "辖市区", EN: "district"}
	case org.School:
		return Text{ZH: "学校", EN: "school"}
	}
	return Text{ZH: string(l), EN: string(l)}
}

func natureName(n plan.Nature) Text {
	if n == plan.Aspirational {
		return Text{ZH: "预期性", EN: "aspirational"}
	}
	return Text{ZH: "约束性", EN: "binding"}
}

// unitLabel names the kind of unit on the form: "幼儿园", "District".
func (s *Session) unitLabel(req unitRequest) string {
	if req.Level == org.School {
		return kindName(req.Kind).In(req.Lang)
	}
	return levelName(req.Level).In(req.Lang)
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// fileName builds a download's name without its extension from a prefix in
// the page's language and a label; characters no file system takes become _.
func fileName(lang, zh, en, label string) string {
	name := pick(lang, zh, en)
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
