package plan

import (
	"bytes"
	"io"
	"os"

	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

// MaxFileSize bounds what Load reads, so that a wrong file handed to a
// browser tab (a video, a database dump) fails at once instead of filling
// memory. The seed plan is about 100 KB.
const MaxFileSize = 32 << 20

// Load reads a plan from JSON strictly and validates it. On any problem it
// returns a nil plan and a msg.Problems listing every problem found,
// each with its JSON path (sections[2].tasks[4].indicators[1]) or, for a
// syntax error, its line:column counted in characters, in document order —
// the paths and positions every eduplan reader gives (internal/strictjson).
//
// Strict means: unknown fields, values of the wrong JSON type, duplicate
// keys, invalid UTF-8 and trailing content are problems, as is everything
// Validate reports. A UTF-8 byte order mark is accepted (Windows editors
// write one).
func Load(r io.Reader) (*Plan, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	return parse(data, "")
}

// LoadFile reads a plan file like Load; problem paths are prefixed with the
// file name as given: "zj.json: sections[2].tasks[4].indicators[1]",
// "zj.json:12:5" for a syntax error.
func LoadFile(path string) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, msg.Wrap(err, "无法打开计划文件", "cannot open the plan file")
	}
	defer f.Close()
	data, err := readAll(f)
	if err != nil {
		return nil, msg.Wrap(err, path, path)
	}
	return parse(data, path)
}

// Parse reads a plan from JSON bytes like Load.
func Parse(data []byte) (*Plan, error) { return parse(data, "") }

func readAll(r io.Reader) ([]byte, error) { return strictjson.ReadAll(r, MaxFileSize) }

var utf8BOM = []byte("\ufeff")

func parse(data []byte, name string) (*Plan, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	d := newStrictDecoder(data)
	var p Plan
	d.decode(&p, msg.T("计划对象", "plan object"))
	var later msg.Problems
	switch {
	case d.fatal:
	case p.Format != "" && p.Format != Format:
		// Another kind of file (a data file, a status file, a newer format):
		// its fields would all read as unknown, so say only what it is.
		later = msg.Problems{formatProblem(p.Format, Format)}
		d.discard()
	default:
		later = p.validate()
	}
	if probs := d.merge(later, name); len(probs) > 0 {
		return nil, probs
	}
	return &p, nil
}

// Save writes the plan as two-space indented JSON with a trailing newline:
// fields in the model's order, nil lists written [], optional fields left
// out when empty (an optional Text too) and < > & as they are. Load(Save(p))
// saves again byte for byte.
func (p *Plan) Save(w io.Writer) error { return encodeIndented(w, p) }

// formatProblem says that a file is not of the format expected.
func formatProblem(got, want string) msg.Problem {
	return msg.Problem{Path: "format", Message: msg.Textf(
		"格式 %q 不受支持,应为 %q(这不是此类文件?)", "unsupported format %q: expected %q (is this the right file?)", got, want)}
}
