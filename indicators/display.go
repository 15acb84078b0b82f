package indicators

import (
	"fmt"
	"io"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

// ReadReport reads a report written by WriteJSON, in ReportFormat or in
// the full form written before it (every result with its indicator's
// text), strictly, with the reader
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
	text = strictjson.TrimBOM(text)
	var probe struct {
		Format string `json:"format"`
	}
	// A document that does not parse is read as the old form, whose
	// reader says where it is broken.
	if jsonx.Unmarshal([]byte(text), &probe) == nil && probe.Format != "" {
		if probe.Format != ReportFormat {
			return nil, msg.Problems{{Path: "format", Message: msg.T(
				fmt.Sprintf("不认识的报告格式 %q（应为 %q）", probe.Format, ReportFormat),
				fmt.Sprintf("unknown report format %q (expected %q)", probe.Format, ReportFormat))}}
		}
		d := strictjson.NewDecoder(text, strictjson.Options{Null: true, Ignore: []string{"progress"}})
		var doc reportDoc
		d.Decode(&doc, msg.T("一个评估报告对象", "a report object"))
		if probs := d.Problems(nil, ""); len(probs) > 0 {
			return nil, probs
		}
		rep, probs := fromDoc(&doc)
		if len(probs) > 0 {
			return nil, probs
		}
		return rep, nil
	}
	d := strictjson.NewDecoder(text, strictjson.Options{Null: true, Ignore: []string{"progress"}})
	var rep Report
	d.Decode(&rep, msg.T("一个评估报告对象", "a report object"))
	if probs := d.Problems(nil, ""); len(probs) > 0 {
		return nil, probs
	}
	return &rep, nil
}
