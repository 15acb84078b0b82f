package xlsx

import (
	"bytes"
	"encoding/csv"
	"io"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
)

// WriteReport writes a report as a workbook of one sheet with the columns
// and texts of the report CSV (view.WriteCSV), in lang: the same 18 columns,
// every value the text the CSV holds ("99.20%", a gap "-0.8"), so that the
// two files read the same. The cells are text, not numbers, for that
// reason; a text that starts with = is shown, not run. A report with
// validation rules has a second sheet of them, with the columns of the
// validation CSV.
func WriteReport(w io.Writer, r *indicators.Report, lang string) error {
	return WriteReportAcross(w, r, nil, lang)
}

// WriteReportAcross writes the report as WriteReport does, its results
// sheet with the columns of view.WriteCSVAcross when a is not nil: the
// previous year, the change, the baseline, completion and progress.
func WriteReportAcross(w io.Writer, r *indicators.Report, a *view.Across, lang string) error {
	s := Sheet{Name: pick(lang, "评估结果", "results"), Header: view.ColumnsAcross(a, lang)}
	err := view.RowsAcross(r, a, lang, func(row []string) error {
		s.Rows = append(s.Rows, row)
		return nil
	})
	if err != nil {
		return err
	}
	if r == nil || r.Validation == nil {
		return Write(w, s)
	}
	// The validation rules on a sheet of their own, as the command line
	// writes them to a CSV of their own (view.WriteValidationCSV).
	v := Sheet{Name: pick(lang, "校验规则", "validation"), Header: view.ValidationColumns(lang), Rows: [][]string{}}
	if err := view.ValidationRows(r, lang, func(row []string) error {
		v.Rows = append(v.Rows, row)
		return nil
	}); err != nil {
		return err
	}
	return Write(w, s, v)
}

// WriteTemplate writes a data-entry template as a workbook: the header and
// rows of dataset.Template (unit columns, then one column per field headed
// by its name and unit), with the header row frozen, the unit columns as
// text (an id keeps its leading zeros) and each percent field's column in
// percent format, so that 99.2 typed there is 99.2% and reads back so.
func WriteTemplate(w io.Writer, units []dataset.OrgUnit, fields []dataset.Field, names func(dataset.Field) string, lang string) error {
	return WriteStampedTemplate(w, units, fields, names, lang, dataset.Stamp{})
}

// WriteStampedTemplate is WriteTemplate with the year and plan columns of
// dataset.StampedTemplate, as text like the unit columns.
func WriteStampedTemplate(w io.Writer, units []dataset.OrgUnit, fields []dataset.Field, names func(dataset.Field) string, lang string, st dataset.Stamp) error {
	var b bytes.Buffer
	if err := dataset.StampedTemplate(&b, units, fields, names, dataset.UTF8, lang, st); err != nil {
		return err
	}
	cr := csv.NewReader(&b)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return err
	}
	s := Sheet{Name: pick(lang, "填报", "data"), Header: rows[0], Rows: rows[1:]}
	unitCols := len(s.Header) - len(fields)
	s.Formats = make([]Format, len(s.Header))
	for j := range unitCols {
		s.Formats[j] = Text
	}
	for k, f := range fields {
		if f.Percent {
			s.Formats[unitCols+k] = Percent
		}
	}
	return Write(w, s)
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}
