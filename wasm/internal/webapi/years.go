package webapi

import (
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
)

// readYears reads a data file that a reader of one year refused for
// holding several years (a year column with rows of several years, a JSON
// array of documents), as a series; err is that reader's error, returned
// as it was for any other file.
func (s *Session) readYears(req importRequest, err error) (dataset.Series, error) {
	opt := dataset.Options{File: req.Name, Sheet: req.Sheet, Plan: s.plan.ID, Levels: s.plan.Levels}
	switch {
	case req.Cells != nil && dataset.SeveralYears(err):
		return dataset.ReadCellsSeries(req.Cells, s.cat.Fields(), opt)
	case req.Cells == nil && (dataset.SeveralYears(err) || strings.HasPrefix(strings.TrimLeft(req.Text, " \t\r\n\ufeff"), "[")):
		return dataset.ReadSeries(strings.NewReader(req.Text), s.cat.Fields(), opt)
	}
	return nil, err
}

// trendLine is one indicator of one unit across the years of a file, for
// the page to draw (static/app.js draws the chart; no number is formatted
// there): each year's value as a number, to place it, and as the text
// every face shows; the baseline and the target likewise; and the texts of
// the last year's row (previous year, change, completion, progress).
type trendLine struct {
	Unit      string       `json:"unit"`
	Indicator string       `json:"indicator"`
	Points    []trendPoint `json:"points"`
	Baseline  *trendPoint  `json:"baseline,omitempty"`
	Target    *trendPoint  `json:"target,omitempty"`
	// Text is the last year's row as view.OfTrend writes it; Progress the
	// status's code (progress.Status), for the cell's class.
	Text     view.TrendRow `json:"text"`
	Progress string        `json:"progress,omitempty"`
}

type trendPoint struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
	Text  Text    `json:"text"`
}

// trendLines assesses the file's years (package trend, as eduplan progress
// does) and gives each unit's indicators across them.
func (s *Session) trendLines(series dataset.Series, opt indicators.Options) ([]trendLine, error) {
	rep, err := trend.Assess(s.cat, s.plan, series, opt)
	if err != nil {
		return nil, err
	}
	var out []trendLine
	for i := 0; i < len(rep.Rows); {
		j := i
		for j < len(rep.Rows) && rep.Rows[j].Unit.ID == rep.Rows[i].Unit.ID && rep.Rows[j].Indicator == rep.Rows[i].Indicator {
			j++
		}
		last := rep.Rows[j-1]
		l := trendLine{Unit: last.Unit.ID, Indicator: last.Indicator, Points: []trendPoint{}, Text: view.OfTrend(last)}
		for _, r := range rep.Rows[i:j] {
			if r.Value != nil {
				l.Points = append(l.Points, trendPoint{Year: r.Year, Value: *r.Value, Text: view.OfTrend(r).Value})
			}
		}
		if b := last.Baseline; b != nil {
			l.Baseline = &trendPoint{Year: b.Year, Value: b.Value, Text: l.Text.Baseline}
		}
		if g := last.Target; g != nil && g.Value != nil {
			l.Target = &trendPoint{Year: g.Year, Value: *g.Value, Text: l.Text.Target}
		}
		if last.Progress != nil {
			l.Progress = string(last.Progress.Status)
		}
		out = append(out, l)
		i = j
	}
	return out, nil
}
