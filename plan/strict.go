package plan

import (
	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

// strictDecoder reads plans and status books with eduplan's one strict JSON
// reader (internal/strictjson): unknown fields, values of the wrong type,
// duplicate keys, invalid UTF-8 and syntax errors are problems, every one
// reported, with the same paths and line:column as data files and reports.
type strictDecoder struct {
	d *strictjson.Decoder
	// fatal is set by decode when the document could not be read to its
	// end.
	fatal bool
}

func newStrictDecoder(data []byte) *strictDecoder {
	return &strictDecoder{d: strictjson.NewDecoder(string(data), strictjson.Options{Track: true})}
}

// discard drops the structural problems found: the document is of another
// kind altogether (its format says so) and saying that is enough.
func (d *strictDecoder) discard() { d.d.Discard() }

// decode reads the whole input into v (a pointer to a struct); what names
// the value expected.
func (d *strictDecoder) decode(v any, what msg.Text) {
	d.d.Decode(v, msg.Text{ZH: "一个" + what.ZH, EN: "a " + what.EN})
	d.fatal = d.d.Fatal()
}

// merge combines the decoder's problems with later ones (validation), in
// document order, prefixing name when it is not empty.
func (d *strictDecoder) merge(later msg.Problems, name string) msg.Problems {
	return d.d.Problems(later, name)
}

// nearest returns the candidate closest to word if it is a plausible typo.
func nearest(word string, candidates []string) string { return strictjson.Nearest(word, candidates) }

// parent returns the JSON path one step up: "a.b[2]" → "a.b" → "a" → "".
func parent(path string) string { return strictjson.Parent(path) }
