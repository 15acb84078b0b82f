package reportfmt

import (
	"bufio"
	"io"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// resultLine is one line of WriteJSONLines.
type resultLine struct {
	Plan string          `json:"plan,omitempty"`
	Year int             `json:"year"`
	Unit dataset.OrgUnit `json:"unit"`
	// LevelName is the unit's level as the plan names it, for a plan
	// whose levels are not the default three (Report.Levels).
	LevelName *msg.Text         `json:"level_name,omitempty"`
	Indicator string            `json:"indicator"`
	Name      msg.Text          `json:"name"`
	Status    indicators.Status `json:"status"`
	Nature    plan.Nature       `json:"nature"`
	// Measure is the indicator's unit of measure (Result.Unit): "unit"
	// is the place assessed.
	Measure    plan.Unit                   `json:"measure"`
	Decimals   *int                        `json:"decimals,omitempty"`
	Reference  bool                        `json:"reference,omitempty"`
	Value      *float64                    `json:"value,omitempty"`
	Origin     indicators.Origin           `json:"origin"`
	Target     indicators.TargetInfo       `json:"target"`
	Gap        *float64                    `json:"gap,omitempty"`
	Inputs     []indicators.Input          `json:"inputs,omitempty"`
	Aggregates []indicators.AggregateInput `json:"aggregates,omitempty"`
	Reason     *msg.Text                   `json:"reason,omitempty"`
	Warnings   []msg.Text                  `json:"warnings,omitempty"`
}

// WriteJSONLines writes one JSON object a line for each result, for a
// pipeline (jq, DuckDB's read_json, a log shipper) that takes results one
// at a time, as the units come (r may be an indicators.Stream). Each line
// stands alone: the plan and year; the unit assessed (id, name, level,
// kind, parent) and, for a plan whose levels are not the default three,
// its level's name as the plan gives it (level_name); the indicator's id, name, nature, unit of measure
// ("measure") and decimals; the status, value, origin, target (as written,
// understood and displayed), gap, inputs with their names, aggregates,
// reason and warnings — the fields of indicators.Result, named alike. It
// leaves out the plan's longer text (formula, wording, places), which the
// JSON report holds once, and what concerns the report as a whole rather
// than a result (warnings, validation rules, data quality, the figures a
// parent reported against its children's sum): each result that used such
// a figure still says so in its inputs (own, children_sum). A unit without
// results writes no line. Lines end in "\n"; the same report always gives
// the same bytes. It is not in the page, which has no pipeline to feed.
func WriteJSONLines(w io.Writer, r indicators.Source) error {
	if r == nil || r.Header() == nil {
		return nil
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := jsonx.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	h := r.Header()
	// One line's struct, reused: a new one per result was one
	// allocation of some 400 bytes each.
	line := new(resultLine)
	var levelName msg.Text
	err := r.Each(func(u *indicators.UnitReport) error {
		var ln *msg.Text
		if len(h.Levels) > 0 {
			levelName = h.Levels.Name(u.Unit.Level)
			ln = &levelName
		}
		for j := range u.Results {
			res := &u.Results[j]
			*line = resultLine{Plan: h.Plan, Year: h.Year, Unit: u.Unit, LevelName: ln, Indicator: res.Indicator, Name: res.Name,
				Status: res.Status, Nature: res.Nature, Measure: res.Unit, Decimals: res.Decimals, Reference: res.Reference,
				Value: res.Value, Origin: res.Origin, Target: res.Target, Gap: res.Gap, Inputs: res.Inputs,
				Aggregates: res.Aggregates, Reason: res.Reason, Warnings: res.Warnings}
			if err := enc.Encode(line); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
