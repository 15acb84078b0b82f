package dataset

import (
	"io"
	"strings"
)

// Read reads a data file that is either JSON or CSV, as a page does with
// whatever file the user drops on it: after decoding (see DecodeText), text
// whose first character is '{' or '[' is JSON, anything else CSV.
func Read(r io.Reader, fields []Field, opt Options) (*Dataset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	if t := strings.TrimLeft(text, " \t\r\n"); t != "" && (t[0] == '{' || t[0] == '[') {
		return readJSONText(text, enc, fields, opt)
	}
	return readCSVText(text, enc, fields, opt)
}
