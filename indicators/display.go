package indicators

import (
	"io"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

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
// error. The error is a msg.Problems listing every problem with its path
// ("units[0].results[3].status"), or for a syntax error its line:column,
// the column counted in characters. null stands for a list or a value left
// out, as a JSON library writes a nil one; a UTF-8 byte order mark is
// accepted, and a report larger than 64 MB is refused. The key "progress"
// is skipped: eduplan check given several years writes there, beside the
// year's report, what it worked out across the years.
func ReadReport(r io.Reader) (*Report, error) {
	text, err := strictjson.ReadText(r, strictjson.MaxSize)
	if err != nil {
		return nil, err
	}
	d := strictjson.NewDecoder(strictjson.TrimBOM(text), strictjson.Options{Null: true, Ignore: []string{"progress"}})
	var rep Report
	d.Decode(&rep, msg.T("一个评估报告对象", "a report object"))
	if probs := d.Problems(nil, ""); len(probs) > 0 {
		return nil, probs
	}
	return &rep, nil
}
