package indicators

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/internal/jsonx"
)

// FormatValue shows a value in its unit the way the plan writes it: a
// percent as "99.2%", a count as "14", other quantities with up to two
// decimals.
func FormatValue(v float64, u Unit) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	switch u {
	case Percent:
		return trim(strconv.FormatFloat(v*100, 'f', 2, 64)) + "%"
	case Count:
		if v == math.Trunc(v) {
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
	}
	return trim(strconv.FormatFloat(v, 'f', 2, 64))
}

// FormatGap shows a signed gap in the unit of its target: percentage points
// for percents ("+0.2 pp" / "+0.2个百分点").
func FormatGap(gap float64, u Unit, points bool, lang string) string {
	s := trim(strconv.FormatFloat(gap, 'f', 2, 64))
	if gap > 0 {
		s = "+" + s
	}
	if u == Percent || points {
		if lang == "en" {
			return s + " pp"
		}
		return s + "个百分点"
	}
	return s
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

// ReadReport reads a report written by WriteJSON.
func ReadReport(r io.Reader) (*Report, error) {
	var rep Report
	if err := jsonx.NewDecoder(r).Decode(&rep); err != nil {
		return nil, err
	}
	return &rep, nil
}
