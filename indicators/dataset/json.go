package dataset

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

// FormatV1 is the value of "format" in a JSON data file.
const FormatV1 = "eduplan.data/v1"

// ReadJSON reads a JSON data file:
//
//	{"format": "eduplan.data/v1", "year": 2017, "note": "synthetic",
//	 "units": [{"id": "c", "name": "镇江市", "level": "city"},
//	           {"id": "d1", "name": "京口区", "level": "district", "parent": "c",
//	            "figures": {"preschool_enrolled": 12345, "pe_pass_rate": 96.5}}]}
//
// "format" and "units" are required; "year" falls back to Options.Year.
// Levels and kinds are written as in Level and Kind (the Chinese names are
// accepted too); parent is an id. Figures are keyed by Field.ID. A figure is
// a number, a string read like a CSV cell ("97.1%", "1,234", "--"), or null
// for missing; a percent figure is in percent (96.5 means 96.5%). A null and
// a string marker ("--", "…"; see ReadCSV) are missing figures counted and
// listed in Dataset.Source like a marked CSV cell, the null under the
// marker "null"; an empty string is missing and, like an empty CSV cell,
// not listed.
//
// Reading is strict, by eduplan's one strict JSON reader (the one plans and
// reports are read with): an unknown field, an unknown metric id, a
// duplicate key or a value of the wrong type is an error. All errors are
// returned at once as Errors, each with its JSON path
// ("units[3].figures.foo") and its line and column, the column counted in
// characters, the first MaxListed of them then one entry counting the rest;
// a syntax error stops the read at the place it occurs. A file
// larger than 64 MB is refused.
func ReadJSON(r io.Reader, fields []Field, opt Options) (*Dataset, error) {
	b, err := strictjson.ReadAll(r, strictjson.MaxSize)
	if err != nil {
		return nil, err
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	return readJSONText(text, enc, fields, opt)
}

// jsonRead holds the state of one JSON read.
type jsonRead struct {
	opt   Options
	lines *strictjson.Lines
	errs  Errors
	// warnings are figures read but probably mistyped.
	warnings warningLog
	missing  missingLog
	fields   []Field
	m        *matcher
	byID     map[string]int
}

func (r *jsonRead) add(off int, path, text string, reason msg.Text) {
	r.addAt(off, path, "", text, reason)
}

// addAt records an error at path.key; the path is joined only here, on the
// way out, so that reading a good file builds no paths. Line and column
// are counted as every strict reader counts them (internal/strictjson).
func (r *jsonRead) addAt(off int, path, key, text string, reason msg.Text) {
	if key != "" {
		path = strictjson.PathKey(path, key)
	}
	line, col := r.lines.At(off)
	r.errs = append(r.errs, CellError{File: r.opt.File, Row: line, Column: col, Path: path, Text: text, Reason: reason})
}

func readJSONText(text string, enc Encoding, fields []Field, opt Options) (*Dataset, error) {
	m, err := newMatcher(fields, opt.Levels)
	if err != nil {
		return nil, err
	}
	r := &jsonRead{opt: opt, lines: strictjson.NewLines(text), fields: fields, m: m, byID: map[string]int{}}
	for i, f := range fields {
		r.byID[f.ID] = i
	}
	// The units are read one at a time (readUnits): a tree of them all
	// would cost several times the file.
	root, serr := strictjson.ParseShallow(text)
	if serr != nil {
		r.add(serr.Off, "", "", strictjson.SyntaxText(serr))
		return nil, r.errs
	}
	if root.Kind != strictjson.ObjectStart {
		r.add(root.Off, "", "", msg.T("顶层应为对象 {…}", "the top level must be an object {…}"))
		return nil, r.errs
	}
	year, hasYear := 0, false
	note, planID := "", ""
	var units *strictjson.Node
	hasFormat := false
	for _, mb := range r.members(root, "") {
		v := mb.Val
		switch mb.Key {
		case "format":
			hasFormat = true
			if s, ok := r.str(v, "", "format"); ok && s != FormatV1 {
				r.add(v.Off, "format", s, msg.Textf("格式应为 %s", "the format must be %s", FormatV1))
			}
		case "year":
			hasYear = true
			y, err := strconv.Atoi(v.Raw)
			if v.Kind != strictjson.Number || err != nil || y != 0 && (y < 1900 || y > 2200) {
				r.add(v.Off, "year", v.Raw, msg.T("年份应为四位数字，如 2017", "the year must be four digits, such as 2017"))
			}
			year = y
		case "note":
			note, _ = r.str(v, "", "note")
		case "plan":
			if s, ok := r.str(v, "", "plan"); ok {
				planID = s
				if reason := PlanMismatch(s, opt.Plan); !reason.IsZero() {
					r.add(v.Off, "plan", s, reason)
					// Alone, as the CSV reader says it (csvRead.otherPlan).
					return nil, r.errs[len(r.errs)-1:]
				}
			}
		case "units":
			if v.Kind != strictjson.ArrayStart {
				r.add(v.Off, "units", v.Raw, msg.T("units 应为数组 […]", "units must be an array […]"))
				continue
			}
			units = v
			if v.Len == 0 {
				// A CSV file with a header and no rows is refused: an empty
				// list is the same mistake, not an empty report.
				r.add(v.Off, "units", v.Raw, msg.T("units 是空的：没有任何单位", "units is empty: the file holds no units"))
			}
		default:
			r.unknown(mb, "", topFields)
		}
	}
	if !hasFormat {
		r.add(root.Off, "format", "", msg.Textf("缺少 \"format\": %q", "missing \"format\": %q", FormatV1))
	}
	if units == nil && !r.has(root, "units") {
		r.add(root.Off, "units", "", msg.T("缺少 units", "missing \"units\""))
	}
	if !hasYear {
		year = opt.Year
	}
	d := New(year)
	// Copies: a string read from the file is a piece of its text, and
	// would keep all of it alive as long as the dataset.
	d.Note = strings.Clone(note)
	d.Plan = strings.Clone(planID)
	d.Source = Source{File: opt.File, Encoding: enc}
	d.Levels = opt.Levels
	if units != nil {
		r.readUnits(d, text, units)
	}
	if len(r.errs) > 0 {
		return nil, capErrors(r.errs, opt.File)
	}
	d.Source.Warnings, d.Source.MoreWarnings = r.warnings.list, r.warnings.more
	d.Source.Missing, d.Source.MissingByMarker = r.missing.cells, r.missing.counts
	return d, nil
}

// warn records a warning about a figure.
func (r *jsonRead) warn(off int, path, key, unit, text string, reason msg.Text) {
	line, col := r.lines.At(off)
	r.warnings.add(CellError{File: r.opt.File, Row: line, Column: col,
		Path: strictjson.PathKey(path, key), Unit: unit, Text: strings.Clone(text), Reason: reason})
}

// markMissing records a figure given as missing by a marker.
func (r *jsonRead) markMissing(off int, path, key, unit, text, marker string) {
	line, col := r.lines.At(off)
	r.missing.add(MissingCell{File: r.opt.File, Row: line, Column: col, Path: strictjson.PathKey(path, key),
		Unit: unit, Metric: strings.Clone(key), Text: strings.Clone(text), Marker: marker})
}

// The fields of a data file and of its units, for unknown-field hints.
var (
	topFields  = []string{"format", "year", "plan", "note", "units"}
	unitFields = []string{"id", "name", "level", "kind", "parent", "figures"}
)

// unknown records an unknown key, with the field it was probably meant to
// be, worded as every strict reader words it.
func (r *jsonRead) unknown(mb strictjson.Member, path string, known []string) {
	t, _ := strictjson.UnknownField(mb.Key, known)
	r.addAt(mb.KeyOff, path, mb.Key, "", t)
}

// members returns an object's members, reporting duplicate keys.
func (r *jsonRead) members(obj *strictjson.Node, path string) []strictjson.Member {
	return obj.Unique(func(repeat, first strictjson.Member) {
		line, col := r.lines.At(first.KeyOff)
		r.addAt(repeat.KeyOff, path, repeat.Key, "", strictjson.DuplicateKey(repeat.Key, line, col))
	})
}

func (r *jsonRead) has(obj *strictjson.Node, key string) bool {
	for _, mb := range obj.Members {
		if mb.Key == key {
			return true
		}
	}
	return false
}

func (r *jsonRead) str(v *strictjson.Node, path, key string) (string, bool) {
	if v.Kind != strictjson.String {
		r.addAt(v.Off, path, key, v.Raw, msg.T("应为字符串", "must be a string"))
		return "", false
	}
	return strictjson.Unquote(v.Raw), true
}

// length refuses an id or a name over MaxNameLength.
func (r *jsonRead) length(v *strictjson.Node, path, key, s string) {
	if long := tooLong(s); !long.IsZero() {
		r.addAt(v.Off, path, key, clip(s), long)
	}
}

func (r *jsonRead) readUnits(d *Dataset, text string, units *strictjson.Node) {
	type where struct{ obj, id, level, kind, parent, name int }
	pos := make([]where, 0, units.Len)
	d.Units = make([]OrgUnit, 0, units.Len)
	d.Source.Lines = make([]int, 0, units.Len)
	cols := make([]*Column, len(r.fields))
	strictjson.Each(text, units, func(i int, un *strictjson.Node) {
		path := "units[" + strconv.Itoa(i) + "]"
		w := where{un.Off, un.Off, un.Off, un.Off, un.Off, un.Off}
		var u OrgUnit
		if un.Kind != strictjson.ObjectStart {
			r.add(un.Off, path, un.Raw, msg.T("应为对象 {…}", "must be an object {…}"))
			d.Units = append(d.Units, u)
			pos = append(pos, w)
			d.Source.Lines = append(d.Source.Lines, 0)
			return
		}
		var figures *strictjson.Node
		hasID, hasLevel := false, false
		for _, mb := range r.members(un, path) {
			v, key := mb.Val, mb.Key
			switch key {
			case "id":
				hasID, w.id = true, v.Off
				u.ID, _ = r.str(v, path, key)
				// Copies: a piece of the file's text would keep it all.
				u.ID = strings.Clone(u.ID)
				r.length(v, path, key, u.ID)
			case "name":
				w.name = v.Off
				u.Name, _ = r.str(v, path, key)
				u.Name = strings.Clone(u.Name)
				r.length(v, path, key, u.Name)
			case "level":
				hasLevel, w.level = true, v.Off
				if s, ok := r.str(v, path, key); ok {
					l, known := r.m.level(s)
					if !known {
						r.addAt(v.Off, path, key, s, levelMustBe(r.opt.Levels))
					}
					u.Level = l
				}
			case "kind":
				w.kind = v.Off
				if s, ok := r.str(v, path, key); ok && s != "" {
					k, known := r.m.kind(s)
					if !known {
						r.addAt(v.Off, path, key, s, kindReason())
					}
					u.Kind = k
				}
			case "parent":
				w.parent = v.Off
				u.Parent, _ = r.str(v, path, key)
				u.Parent = strings.Clone(u.Parent)
			case "figures":
				if v.Kind != strictjson.ObjectStart {
					r.addAt(v.Off, path, key, v.Raw, msg.T("figures 应为对象 {…}", "figures must be an object {…}"))
					continue
				}
				figures = v
			default:
				r.unknown(mb, path, unitFields)
			}
		}
		if !hasID {
			r.add(un.Off, path+".id", "", msg.T("缺少 id", "missing \"id\""))
		}
		if !hasLevel {
			r.add(un.Off, path+".level", "", msg.T("缺少 level", "missing \"level\""))
		}
		if figures != nil {
			fp := path + ".figures"
			for _, mb := range r.members(figures, fp) {
				k, ok := r.byID[mb.Key]
				if !ok {
					r.addAt(mb.KeyOff, fp, mb.Key, "", msg.T("未知的指标", "unknown metric"))
					continue
				}
				if cols[k] == nil {
					cols[k] = &Column{}
				}
				v := mb.Val
				var text string
				switch v.Kind {
				case strictjson.Null:
					r.markMissing(v.Off, fp, mb.Key, u.ID, "null", "null")
					continue
				case strictjson.Number:
					text = v.Raw
				case strictjson.String:
					s, ok := r.str(v, fp, mb.Key)
					if !ok {
						continue
					}
					text = s
				default:
					r.addAt(v.Off, fp, mb.Key, v.Raw, msg.T("应为数字、字符串或 null", "must be a number, a string or null"))
					continue
				}
				val, present, reason := parseFigure(text, &r.fields[k])
				if !reason.IsZero() {
					r.addAt(v.Off, fp, mb.Key, text, reason)
					continue
				}
				if !present {
					if t := cleanCell(text); t != "" {
						r.markMissing(v.Off, fp, mb.Key, u.ID, text, t)
					}
				}
				if w := percentWarning(text, val, &r.fields[k]); present && !w.IsZero() {
					r.warn(v.Off, fp, mb.Key, "", text, w)
				}
				if f := &r.fields[k]; present && f.Reports != nil && !f.Reports(u) {
					r.warn(v.Off, fp, mb.Key, u.ID, text, WarnNotReportedBy)
				}
				if present {
					cols[k].set(i, val)
				}
			}
		}
		d.Units = append(d.Units, u)
		pos = append(pos, w)
		line, _ := r.lines.At(un.Off)
		d.Source.Lines = append(d.Source.Lines, line)
	})
	if len(r.errs) == 0 {
		for _, p := range append(validateUnits(d.Units, r.opt.Levels, nil), totalRows(d.Units)...) {
			w := pos[p.unit]
			off, field := w.obj, ""
			switch p.role {
			case roleID:
				off, field = w.id, "id"
			case roleLevel:
				off, field = w.level, "level"
			case roleKind:
				off, field = w.kind, "kind"
			case roleParent:
				off, field = w.parent, "parent"
			case roleName:
				off, field = w.name, "name"
			}
			path := strictjson.PathIndex("units", p.unit)
			if field != "" {
				path = strictjson.PathKey(path, field)
			}
			r.add(off, path, p.text, p.reason)
		}
	}
	d.index = make(map[string]int, len(d.Units))
	for i, u := range d.Units {
		d.index[u.ID] = i
	}
	for k, c := range cols {
		if c != nil {
			d.columns[r.fields[k].ID] = c.trimmed()
		}
	}
}

// WriteJSON writes the dataset in the format ReadJSON reads, byte for byte
// the same for the same dataset: units in their order, one a line, figures
// sorted by metric id, percent figures in percent, each number with the
// fewest digits that read back exactly. A figure of a metric that is not
// among fields is an error, not left out.
func (d *Dataset) WriteJSON(w io.Writer, fields []Field) error {
	if err := d.checkFields(fields); err != nil {
		return err
	}
	percent := map[string]bool{}
	for _, f := range fields {
		percent[f.ID] = f.Percent
	}
	metrics := d.Metrics()
	cols := make([]cursor, len(metrics))
	pct := make([]bool, len(metrics))
	for k, id := range metrics {
		cols[k].c, pct[k] = d.columns[id], percent[id]
	}
	b := make([]byte, 0, 64+len(d.Units)*(100+16*len(metrics)))
	var err error
	q := func(s string) {
		if err == nil {
			b, err = appendQuoted(b, s)
		}
	}
	b = append(b, "{\n  \"format\": \""+FormatV1+"\""...)
	if d.Year != 0 {
		b = append(b, ",\n  \"year\": "...)
		b = strconv.AppendInt(b, int64(d.Year), 10)
	}
	if d.Plan != "" {
		b = append(b, ",\n  \"plan\": "...)
		q(d.Plan)
	}
	if d.Note != "" {
		b = append(b, ",\n  \"note\": "...)
		q(d.Note)
	}
	b = append(b, ",\n  \"units\": ["...)
	for i, u := range d.Units {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\"id\": "...)
		q(u.ID)
		b = append(b, ", \"name\": "...)
		q(u.Name)
		b = append(b, ", \"level\": "...)
		q(string(u.Level))
		if u.Kind != "" {
			b = append(b, ", \"kind\": "...)
			q(string(u.Kind))
		}
		if u.Parent != "" {
			b = append(b, ", \"parent\": "...)
			q(u.Parent)
		}
		n := 0
		for k, id := range metrics {
			v, ok := cols[k].at(i)
			if !ok {
				continue
			}
			if n == 0 {
				b = append(b, ", \"figures\": {"...)
			} else {
				b = append(b, ", "...)
			}
			n++
			q(id)
			b = append(b, ": "...)
			b = appendNumber(b, v, pct[k])
		}
		if n > 0 {
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	if len(d.Units) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// appendQuoted appends s as a JSON string. A string the JSON library would
// write unchanged between quotes — the usual id, name or metric — is copied
// directly; any other goes through the library, so the output is the same
// byte for byte either way.
func appendQuoted(b []byte, s string) ([]byte, error) {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			plain = false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			plain = false // U+2028, U+2029
		}
	}
	if plain && utf8.ValidString(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"'), nil
	}
	q, err := jsonQuote(s)
	return append(b, q...), err
}
