package reportfmt

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
)

// bom makes Excel on Windows read the file as UTF-8; without it Excel
// guesses the local code page (GBK in China) and garbles every name.
const bom = "\uFEFF"

// WriteCSV writes one row per unit and indicator, UTF-8 with a byte order
// mark and CRLF line ends, as Excel expects. Headers are in "zh" or "en".
// The value column holds the value as the plan writes it ("99.2%", which
// Excel reads as a number); the gap is a plain signed number whose unit
// (percentage points for percents) is in the next column, so that the sheet
// can sort and sum it.
func WriteCSV(w io.Writer, r *indicators.Report, lang string) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := []string{
		pick(lang, "单位编号", "unit_id"), pick(lang, "单位名称", "unit_name"), pick(lang, "层级", "level"),
		pick(lang, "类别", "kind"), pick(lang, "上级单位", "parent"), pick(lang, "年度", "year"),
		pick(lang, "指标编号", "indicator_id"), pick(lang, "指标", "indicator"), pick(lang, "性质", "nature"),
		pick(lang, "状态", "status"), pick(lang, "数值", "value"), pick(lang, "目标", "target"),
		pick(lang, "差距", "gap"), pick(lang, "差距单位", "gap_unit"), pick(lang, "来源", "origin"),
		pick(lang, "原文", "wording"), pick(lang, "说明", "note"),
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	year := ""
	if r != nil && r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	if r != nil {
		for _, u := range r.Units {
			for _, res := range u.Results {
				// The value as the plan writes it, "99.2%", which Excel
				// reads as a number; a gap between units stays a
				// percent here so that the cell remains a number.
				value := ""
				if res.Value != nil {
					value = indicators.FormatValueDigits(*res.Value, res.Unit, res.Decimals())
				}
				row := []string{
					u.Unit.ID, u.Unit.Name, LevelName(u.Unit.Level, lang), kindCell(u, lang), u.Unit.Parent, year,
					res.Indicator, res.Name.In(lang), NatureName(res.Nature, lang),
					StatusName(res.Status, lang), value, TargetText(res, lang),
					gapNumber(res), gapUnit(res, lang), originName(res, lang),
					res.Wording, join(resultNotes(res, lang), pick(lang, "；", "; ")),
				}
				for i := range row {
					row[i] = safeCell(row[i])
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func kindCell(u indicators.UnitReport, lang string) string {
	if u.Unit.Kind == "" {
		return ""
	}
	return KindName(u.Unit.Kind, lang)
}

// originName says whether a value was computed or reported by the unit.
func originName(res indicators.Result, lang string) string {
	if res.Value == nil {
		return ""
	}
	if res.Origin == indicators.Reported {
		return pick(lang, "填报", "reported")
	}
	return pick(lang, "计算", "computed")
}

// safeCell keeps a spreadsheet from running text as a formula: a cell from
// a plan or a data file that starts with = + - @ (and is not a number such
// as "-1.5") gets a leading apostrophe, which Excel shows as text.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if _, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}
