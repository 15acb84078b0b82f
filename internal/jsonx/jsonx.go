// Package jsonx is the one place eduplan chooses its JSON library:
// github.com/goccy/go-json in native builds, encoding/json in the
// WebAssembly build, where go-json would add about 1.3 MB gzipped to the page
// for no gain a browser user would notice. Both are used through the same
// small API, so every package encodes and decodes alike in both builds.
package jsonx

import "errors"

// Offset returns the byte offset a decoding error points at, if it has one.
func Offset(err error) (int64, bool) {
	var se *SyntaxError
	if errors.As(err, &se) {
		return se.Offset, true
	}
	var te *UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Offset, true
	}
	return 0, false
}

// LineCol converts a byte offset in data to a 1-based line and a 1-based
// column counted in characters, as an editor shows them.
func LineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	line, col = 1, 1
	for _, r := range string(data[:offset]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
