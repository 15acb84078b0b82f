package indicators

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// FormatValue shows a value in its unit the way the plan writes it: a
// percent as "99.2%", a count as "14", other quantities with up to two
// decimals.
func FormatValue(v float64, u plan.Unit) string { return FormatValueDigits(v, u, 2) }

// FormatValueDigits is FormatValue with up to the given number of decimals
// (of the percent, for percents).
func FormatValueDigits(v float64, u plan.Unit, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	switch u {
	case plan.Percent:
		return trim(strconv.FormatFloat(v*100, 'f', decimals, 64)) + "%"
	case plan.Count:
		if v == math.Trunc(v) {
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
	}
	return trim(strconv.FormatFloat(v, 'f', decimals, 64))
}

// FormatGap shows a signed gap in the unit of its target: percentage points
// for percents ("+0.2 pp" / "+0.2个百分点").
func FormatGap(gap float64, u plan.Unit, points bool, lang string) string {
	return FormatGapDigits(gap, u, points, lang, 2)
}

// FormatGapDigits is FormatGap with up to the given number of decimals.
func FormatGapDigits(gap float64, u plan.Unit, points bool, lang string, decimals int) string {
	s := trim(strconv.FormatFloat(gap, 'f', decimals, 64))
	if gap > 0 {
		s = "+" + s
	}
	if u == plan.Percent || points {
		if lang == "en" {
			return s + " pp"
		}
		return s + "个百分点"
	}
	return s
}

// Decimals is how many decimals a result's value and gap need so that what
// is shown agrees with its status: two, or more when two would round the
// value onto its bound (94.996% against ≥ 95% would show as "95%, not
// met"), up to six.
func (r Result) Decimals() int {
	const most = 6
	if r.Gap == nil || *r.Gap == 0 {
		return 2
	}
	for d := 2; d < most; d++ {
		if math.Abs(*r.Gap)*math.Pow(10, float64(d)) >= 0.5 {
			return d
		}
	}
	return most
}

// ValueText shows a result's value in its unit with the decimals it needs,
// or "—" when it has none. A percent held to a target in percentage points
// (a gap between units, "不超过10个百分点") is shown in points too, so value
// and target read alike.
func (r Result) ValueText(lang string) string {
	if r.Value == nil {
		return "—"
	}
	if r.Unit == plan.Percent && r.Target.Points {
		// FormatGapDigits signs a positive gap; a value needs no "+".
		return strings.TrimPrefix(FormatGapDigits(*r.Value*100, r.Unit, true, lang, r.Decimals()), "+")
	}
	return FormatValueDigits(*r.Value, r.Unit, r.Decimals())
}

// GapText shows a result's signed gap ("-1.5个百分点", "+0.2 pp") with the
// decimals it needs, or "" when it has none.
func (r Result) GapText(lang string) string {
	if r.Gap == nil {
		return ""
	}
	return FormatGapDigits(*r.Gap, r.Unit, r.Target.Points, lang, r.Decimals())
}

func trim(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// WriteJSON writes the report as indented JSON. The same report always
// gives the same bytes. Targets keep their "<=" and ">=" readable rather
// than escaped for HTML.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := jsonx.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// ReadReport reads a report written by WriteJSON, strictly, with the reader
// plans and data files are read with (internal/strictjson): an unknown
// field, a value of the wrong type, a duplicate key or a syntax error is an
// error. The error is an msg.Problems listing every problem with its path
// ("units[0].results[3].status"), or for a syntax error its line:column,
// the column counted in characters. null stands for a list or a value left
// out, as a JSON library writes a nil one; a UTF-8 byte order mark is
// accepted, and a report larger than 64 MB is refused.
func ReadReport(r io.Reader) (*Report, error) {
	text, err := strictjson.ReadText(r, strictjson.MaxSize)
	if err != nil {
		return nil, err
	}
	d := strictjson.NewDecoder(strictjson.TrimBOM(text), strictjson.Options{Null: true})
	var rep Report
	d.Decode(&rep, msg.T("一个评估报告对象", "a report object"))
	if probs := d.Problems(nil, ""); len(probs) > 0 {
		return nil, probs
	}
	return &rep, nil
}
