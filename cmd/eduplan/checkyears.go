package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/seeds"
)

// Check given several years (a file of several years, files of different
// years, or the sample with its previous year) assesses one of them as
// always, --year or else the last, and shows beside each result what
// eduplan progress works out across the years up to it: the previous
// year's value, the change, completion and progress. The exit status and
// every verdict are the assessed year's alone, so that a CI step reads the
// same whether or not earlier years come with it.

// readYears reads a file of several years (its bytes, already read) as a
// series and returns the year assessed.
func (e *env) readYears(cmd string, raw []byte, l *loaded, opt dataset.Options, year int, yearSet bool, years *dataset.Series) (*dataset.Dataset, int) {
	// A row without a year of its own takes none from the plan: in a
	// file of several years that would be a guess.
	opt.Year = 0
	s, err := readSeries(bytes.NewReader(raw), l.cat.Fields(), opt)
	if err != nil {
		return nil, e.seriesErrors(cmd, opt.File, err)
	}
	e.seriesWarnings(cmd, opt.File, s)
	return e.pickYear(cmd, s, year, yearSet, years)
}

// sampleYears is the sample year with its previous one.
func (e *env) sampleYears(src dataSource, l *loaded, year int, yearSet bool, years *dataset.Series) (*dataset.Dataset, int) {
	cur, code := e.loadData("check", src, l, 0, false)
	if cur == nil {
		return nil, code
	}
	prev, _, _, err := readData(bytes.NewReader(seeds.SamplePrevious()), l.cat.Fields(),
		dataset.Options{File: "sample2016.json", Plan: l.plan.ID, Levels: l.plan.Levels}, dataset.MaxFileSize)
	if err != nil {
		return nil, e.inputError("check", "sample2016.json: "+e.say(err), e.t("样例数据是按内置计划编造的，别的计划请用自己的数据文件。", "the sample figures are made for the embedded plan: give a data file of your own for another plan."))
	}
	s, err := dataset.Merge(dataset.Series{prev}, dataset.Series{cur})
	if err != nil {
		return nil, e.seriesErrors("check", "", err)
	}
	return e.pickYear("check", s, year, yearSet, years)
}

// pickYear chooses the year assessed, --year or else the last, and keeps
// in *years the years up to it.
func (e *env) pickYear(cmd string, s dataset.Series, year int, yearSet bool, years *dataset.Series) (*dataset.Dataset, int) {
	if !yearSet {
		*years = s
		return s[len(s)-1], 0
	}
	for i, d := range s {
		if d.Year == year {
			*years = s[:i+1]
			return d, 0
		}
	}
	return nil, e.inputError(cmd, e.t(
		fmt.Sprintf("数据中没有 %d 年（数据的年份：%s）", year, joinYears(s.Years(), "、")),
		fmt.Sprintf("the figures hold no year %d (their years: %s)", year, joinYears(s.Years(), ", "))),
		e.t("改正 --year，或不给 --year 以评估最后一年。", "correct --year, or leave it out to assess the last year."))
}

func joinYears(ys []int, sep string) string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return strings.Join(out, sep)
}

// collectedYears is check's data from several files or a folder: the
// returns of each year merged as collect merges them, and, where they are
// of several years, a series of those years.
func (e *env) collectedYears(args, paths []string, l *loaded, max int64, year int, yearSet bool, years *dataset.Series) (*dataset.Dataset, int) {
	rets, code := e.readReturns("check", paths, l, max)
	if rets == nil {
		return nil, code
	}
	var order []int
	byYear := map[int][]collect.Return{}
	for _, r := range rets {
		if _, ok := byYear[r.Data.Year]; !ok {
			order = append(order, r.Data.Year)
		}
		byYear[r.Data.Year] = append(byYear[r.Data.Year], r)
	}
	if len(order) == 1 {
		res, code := e.mergeReturns("check", rets, l, nil)
		if res == nil {
			return nil, code
		}
		return e.collectedResult(args, res, year, yearSet)
	}
	var parts []dataset.Series
	for _, y := range order {
		res, code := e.mergeReturns("check", byYear[y], l, nil)
		if res == nil {
			return nil, code
		}
		res.Data.Source.File = fmt.Sprintf("%s (%d)", strings.Join(args, ", "), y)
		parts = append(parts, dataset.Series{res.Data})
	}
	s, err := dataset.Merge(parts...)
	if err != nil {
		return nil, e.seriesErrors("check", "", err)
	}
	return e.pickYear("check", s, year, yearSet, years)
}

// acrossYears assesses the years up to the one checked as eduplan
// progress does, for the columns beside each result. Its warnings that
// the year's own assessment did not give, and the units not in every
// year, are said on stderr.
func (e *env) acrossYears(l *loaded, s dataset.Series, r *indicators.Report, opt indicators.Options) (*trend.Report, *view.Across, int) {
	opt.Progress = nil
	rep, err := trend.Assess(l.cat, l.plan, s, opt)
	if err != nil {
		return nil, nil, e.inputError("check", e.say(err), "")
	}
	said := map[string]bool{}
	for _, w := range r.Warnings {
		said[w.ZH] = true
	}
	for _, w := range rep.Warnings {
		if !said[w.ZH] {
			fmt.Fprintf(e.stderr, "eduplan check: %s%s\n", e.t("注意：", "note: "), w.In(e.lang))
		}
	}
	if n := len(rep.Spans); n > 0 {
		fmt.Fprintf(e.stderr, "eduplan check: %s\n", e.t(
			fmt.Sprintf("注意：%d 个单位只在部分年份有数据（新设、撤并或漏报），比上年和进度只按它们有数据的年份计算：", n),
			fmt.Sprintf("note: %d unit(s) have figures in some years only (opened, merged or not reported); change and progress use the years they have:", n)))
		e.listSome(n, func(i int) string { return view.SpanText(rep.Spans[i]).In(e.lang) })
	}
	return rep, view.AcrossOf(rep, s[len(s)-1].Year), 0
}

// writeAcross writes check's report of a year given several: each result
// with the previous year, the change, completion and progress beside it;
// the JSON report as always with, under "progress", the multi-year report
// eduplan progress writes (ReadReport skips that key).
func writeAcross(w io.Writer, f string, r *indicators.Report, a *view.Across, rep *trend.Report, indent bool, planID, lang string) error {
	switch f {
	case "table":
		return reportfmt.WriteTableAcross(w, r, a, lang)
	case "csv":
		return view.WriteCSVAcross(w, r, a, lang)
	case "markdown":
		return reportfmt.WriteMarkdownAcross(w, r, a, lang)
	case "xlsx":
		return xlsx.WriteReportAcross(w, r, a, lang)
	case "junit":
		return reportfmt.WriteJUnit(w, r, reportfmt.JUnitOptions{Lang: lang, Name: "eduplan " + planID})
	case "jsonl":
		return reportfmt.WriteJSONLines(w, r)
	}
	var b bytes.Buffer
	write, progress := r.WriteJSON, jsonx.Marshal
	if indent {
		write = r.WriteJSONIndent
		progress = func(v any) ([]byte, error) { return jsonx.MarshalIndent(v, "  ", "  ") }
	}
	if err := write(&b); err != nil {
		return err
	}
	doc := bytes.TrimRight(b.Bytes(), " \n")
	if len(doc) == 0 || doc[len(doc)-1] != '}' {
		return fmt.Errorf("check: the report's JSON does not end in }")
	}
	more, err := progress(rep)
	if err != nil {
		return err
	}
	head, sep, end := bytes.TrimRight(doc[:len(doc)-1], " \n"), `,"progress":`, "}\n"
	if indent {
		sep, end = ",\n  \"progress\": ", "\n}\n"
	}
	_, err = fmt.Fprintf(w, "%s%s%s%s", head, sep, more, end)
	return err
}
