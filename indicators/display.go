package indicators

import (
	"io"

	"github.com/eduplan/eduplan/internal/jsonx"
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

// ReadReport reads a report written by WriteJSON.
func ReadReport(r io.Reader) (*Report, error) {
	var rep Report
	if err := jsonx.NewDecoder(r).Decode(&rep); err != nil {
		return nil, err
	}
	return &rep, nil
}
