package dataset

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
// a number, a string read like a CSV cell ("97.1%", "1,234"), or null for
// missing; a percent figure is in percent (96.5 means 96.5%).
//
// Reading is strict: an unknown field, an unknown metric id, a duplicate key
// or a value of the wrong type is an error. All errors are returned at once
// as Errors, each with its JSON path ("units[3].figures.foo") and line and
// column; a syntax error stops the read at the place it occurs.
func ReadJSON(r io.Reader, fields []Field, opt Options) (*Dataset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	return readJSONText(text, enc, fields, opt)
}

// jnode is a parsed JSON value with the offset where it starts.
type jnode struct {
	kind    byte // '{', '[', '"', '0' (number), 't', 'f', 'n'
	off     int
	lit     string // the literal of a string or number, as written
	members []jmember
	elems   []*jnode
}

type jmember struct {
	key    string
	keyOff int
	val    *jnode
}

// maxJSONDepth bounds nesting; the format needs 4 levels, and a hostile file
// must not exhaust the stack.
const maxJSONDepth = 64

// jparser is a strict JSON parser (RFC 8259) that keeps every value's
// offset, so that an error can name its line and column, and keeps numbers
// as written, so that a percent is read exactly.
type jparser struct {
	s     string
	pos   int
	depth int

	// Nodes, members and elements are carved from slabs, and an object's
	// members are gathered on a stack first, so that a file of ten thousand
	// units costs a few hundred allocations rather than a million.
	nodes  []jnode
	mstack []jmember
	mslab  []jmember
	estack []*jnode
	eslab  []*jnode
}

func (p *jparser) node(kind byte, off int, lit string) *jnode {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]jnode, 0, 1024)
	}
	p.nodes = append(p.nodes, jnode{kind: kind, off: off, lit: lit})
	return &p.nodes[len(p.nodes)-1]
}

func (p *jparser) takeMembers(base int) []jmember {
	ms := p.mstack[base:]
	if len(ms) > cap(p.mslab)-len(p.mslab) {
		p.mslab = make([]jmember, 0, max(4096, len(ms)))
	}
	start := len(p.mslab)
	p.mslab = append(p.mslab, ms...)
	p.mstack = p.mstack[:base]
	return p.mslab[start:len(p.mslab):len(p.mslab)]
}

func (p *jparser) takeElems(base int) []*jnode {
	es := p.estack[base:]
	if len(es) > cap(p.eslab)-len(p.eslab) {
		p.eslab = make([]*jnode, 0, max(4096, len(es)))
	}
	start := len(p.eslab)
	p.eslab = append(p.eslab, es...)
	p.estack = p.estack[:base]
	return p.eslab[start:len(p.eslab):len(p.eslab)]
}

// jsyntax is a syntax error at a byte offset, said in Chinese and English.
type jsyntax struct {
	off    int
	zh, en string
}

func (p *jparser) fail(zh, en string) *jsyntax { return &jsyntax{off: p.pos, zh: zh, en: en} }

func (p *jparser) space() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jparser) value() (*jnode, *jsyntax) {
	p.space()
	if p.pos >= len(p.s) {
		return nil, p.fail("JSON 提前结束", "unexpected end of JSON")
	}
	start := p.pos
	switch c := p.s[p.pos]; {
	case c == '{' || c == '[':
		p.depth++
		if p.depth > maxJSONDepth {
			return nil, p.fail("嵌套太深", "nested too deeply")
		}
		defer func() { p.depth-- }()
		if c == '{' {
			return p.object()
		}
		return p.array()
	case c == '"':
		lit, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.node('"', start, lit), nil
	case c == '-' || (c >= '0' && c <= '9'):
		lit, err := p.number()
		if err != nil {
			return nil, err
		}
		return p.node('0', start, lit), nil
	default:
		for _, w := range []string{"true", "false", "null"} {
			if strings.HasPrefix(p.s[p.pos:], w) {
				p.pos += len(w)
				return p.node(w[0], start, w), nil
			}
		}
		r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
		return nil, p.fail(fmt.Sprintf("此处不应有 %q", r), fmt.Sprintf("unexpected %q", r))
	}
}

func (p *jparser) object() (*jnode, *jsyntax) {
	n := p.node('{', p.pos, "")
	p.pos++
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return n, nil
	}
	base := len(p.mstack)
	for {
		p.space()
		if p.pos >= len(p.s) || p.s[p.pos] != '"' {
			return nil, p.fail("此处应为带引号的字段名", "expected a quoted key")
		}
		keyOff := p.pos
		lit, err := p.str()
		if err != nil {
			return nil, err
		}
		key, uerr := unquote(lit)
		if uerr != nil {
			return nil, &jsyntax{off: keyOff, zh: "字段名无法解码", en: "cannot decode the key: " + uerr.Error()}
		}
		p.space()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			return nil, p.fail("字段名后应为冒号", "expected ':' after the key")
		}
		p.pos++
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.mstack = append(p.mstack, jmember{key: key, keyOff: keyOff, val: v})
		p.space()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.s) && p.s[p.pos] == '}' {
			p.pos++
			n.members = p.takeMembers(base)
			return n, nil
		}
		return nil, p.fail("此处应为逗号或 }", "expected ',' or '}'")
	}
}

func (p *jparser) array() (*jnode, *jsyntax) {
	n := p.node('[', p.pos, "")
	p.pos++
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		return n, nil
	}
	base := len(p.estack)
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.estack = append(p.estack, v)
		p.space()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.s) && p.s[p.pos] == ']' {
			p.pos++
			n.elems = p.takeElems(base)
			return n, nil
		}
		return nil, p.fail("此处应为逗号或 ]", "expected ',' or ']'")
	}
}

// str scans a string literal and returns it, quotes included.
func (p *jparser) str() (string, *jsyntax) {
	start := p.pos
	p.pos++
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			return p.s[start:p.pos], nil
		case c < 0x20:
			return "", p.fail("字符串中有控制字符（换行须写成 \\n）", "control character in a string (write a line break as \\n)")
		case c == '\\':
			p.pos++
			if p.pos >= len(p.s) {
				break
			}
			switch p.s[p.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos++
			case 'u':
				p.pos++
				for k := 0; k < 4; k++ {
					if p.pos >= len(p.s) || !isHex(p.s[p.pos]) {
						return "", p.fail("\\u 后应为四位十六进制数", "\\u must be followed by four hex digits")
					}
					p.pos++
				}
			default:
				return "", p.fail("无效的转义", "invalid escape")
			}
		default:
			p.pos++
		}
	}
	return "", &jsyntax{off: start, zh: "字符串没有结束引号", en: "unterminated string"}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (p *jparser) number() (string, *jsyntax) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.s[p.pos] == '-' {
		p.pos++
	}
	bad := func() (string, *jsyntax) {
		return "", &jsyntax{off: start, zh: "数字格式不对", en: "malformed number"}
	}
	if p.pos < len(p.s) && p.s[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return bad()
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return bad()
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return bad()
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] >= '0' && p.s[p.pos] <= '9' || p.s[p.pos] == '.') {
		return bad() // "01", "1.2.3"
	}
	return p.s[start:p.pos], nil
}

// unquote decodes a checked string literal; most have no escapes and cost
// nothing.
func unquote(lit string) (string, error) {
	body := lit[1 : len(lit)-1]
	if strings.IndexByte(body, '\\') < 0 {
		return body, nil
	}
	return jsonUnquote(lit)
}

// jsonRead holds the state of one JSON read.
type jsonRead struct {
	opt   Options
	text  string
	lines []int // offsets where lines start, made on the first error
	errs  Errors
	// warnings are figures read but probably mistyped.
	warnings Errors
	fields   []Field
	m        *matcher
	byID     map[string]int
}

func (r *jsonRead) add(off int, path, text, reason string) {
	r.addAt(off, path, "", text, reason)
}

// addAt records an error at path.key; the path is joined only here, on the
// way out, so that reading a good file builds no paths.
func (r *jsonRead) addAt(off int, path, key, text, reason string) {
	if key != "" {
		path = joinPath(path, key)
	}
	line, col := r.position(off)
	r.errs = append(r.errs, CellError{File: r.opt.File, Row: line, Column: col, Path: path, Text: text, Reason: msg.Split(reason)})
}

// position turns a byte offset into a line and a column counted in
// characters, both 1-based.
func (r *jsonRead) position(off int) (int, int) {
	if r.lines == nil {
		r.lines = []int{0}
		for i := 0; i < len(r.text); i++ {
			if r.text[i] == '\n' {
				r.lines = append(r.lines, i+1)
			}
		}
	}
	off = min(max(off, 0), len(r.text))
	l := sort.Search(len(r.lines), func(i int) bool { return r.lines[i] > off }) - 1
	return l + 1, utf8.RuneCountInString(r.text[r.lines[l]:off]) + 1
}

func readJSONText(text string, enc Encoding, fields []Field, opt Options) (*Dataset, error) {
	m, err := newMatcher(fields)
	if err != nil {
		return nil, err
	}
	r := &jsonRead{opt: opt, text: text, fields: fields, m: m, byID: map[string]int{}}
	for i, f := range fields {
		r.byID[f.ID] = i
	}
	p := &jparser{s: text}
	root, serr := p.value()
	if serr == nil {
		p.space()
		if p.pos < len(text) {
			serr = p.fail("JSON 值之后还有多余内容", "extra text after the JSON value")
		}
	}
	if serr != nil {
		r.add(serr.off, "", "", "JSON 语法错误："+serr.zh+" / JSON syntax error: "+serr.en)
		return nil, r.errs
	}
	if root.kind != '{' {
		r.add(root.off, "", "", "顶层应为对象 {…} / the top level must be an object {…}")
		return nil, r.errs
	}
	year, hasYear := 0, false
	note := ""
	var units *jnode
	hasFormat := false
	for _, mb := range r.members(root, "") {
		v := mb.val
		switch mb.key {
		case "format":
			hasFormat = true
			if s, ok := r.str(v, "", "format"); ok && s != FormatV1 {
				r.add(v.off, "format", s, "格式应为 "+FormatV1+" / the format must be "+FormatV1)
			}
		case "year":
			hasYear = true
			y, err := strconv.Atoi(v.lit)
			if v.kind != '0' || err != nil || y != 0 && (y < 1900 || y > 2200) {
				r.add(v.off, "year", v.lit, "年份应为四位数字，如 2017 / the year must be four digits, such as 2017")
			}
			year = y
		case "note":
			note, _ = r.str(v, "", "note")
		case "units":
			if v.kind != '[' {
				r.add(v.off, "units", v.lit, "units 应为数组 […] / units must be an array […]")
				continue
			}
			units = v
		default:
			r.add(mb.keyOff, mb.key, "", "未知的字段 / unknown field")
		}
	}
	if !hasFormat {
		r.add(root.off, "format", "", "缺少 \"format\": \""+FormatV1+"\" / missing \"format\": \""+FormatV1+"\"")
	}
	if units == nil && !r.has(root, "units") {
		r.add(root.off, "units", "", "缺少 units / missing \"units\"")
	}
	if !hasYear {
		year = opt.Year
	}
	d := New(year)
	d.Note = note
	d.Source = Source{File: opt.File, Encoding: enc}
	if units != nil {
		r.readUnits(d, units)
	}
	if len(r.errs) > 0 {
		sortErrors(r.errs)
		return nil, r.errs
	}
	d.Source.Warnings = r.warnings
	return d, nil
}

// members returns an object's members, reporting duplicate keys.
func (r *jsonRead) members(obj *jnode, path string) []jmember {
	ms := obj.members
	dup := false
	sorted := true // as WriteJSON writes figures: then there is no duplicate
	for i := 1; i < len(ms) && sorted; i++ {
		sorted = ms[i-1].key < ms[i].key
	}
	switch {
	case sorted:
	case len(ms) <= 32:
		for i := 1; i < len(ms) && !dup; i++ {
			for j := 0; j < i; j++ {
				if ms[i].key == ms[j].key {
					dup = true
					break
				}
			}
		}
	default:
		seen := make(map[string]bool, len(ms))
		for _, mb := range ms {
			dup = dup || seen[mb.key]
			seen[mb.key] = true
		}
	}
	if !dup {
		return ms
	}
	seen := make(map[string]bool, len(ms))
	out := ms[:0:0]
	for _, mb := range obj.members {
		if seen[mb.key] {
			r.addAt(mb.keyOff, path, mb.key, "", "重复的字段 / duplicate key")
			continue
		}
		seen[mb.key] = true
		out = append(out, mb)
	}
	return out
}

func (r *jsonRead) has(obj *jnode, key string) bool {
	for _, mb := range obj.members {
		if mb.key == key {
			return true
		}
	}
	return false
}

func (r *jsonRead) str(v *jnode, path, key string) (string, bool) {
	if v.kind != '"' {
		r.addAt(v.off, path, key, v.lit, "应为字符串 / must be a string")
		return "", false
	}
	s, err := unquote(v.lit)
	if err != nil {
		r.addAt(v.off, path, key, v.lit, "字符串无法解码 / cannot decode the string: "+err.Error())
		return "", false
	}
	return s, true
}

// joinPath appends a key to a JSON path, in brackets when it is not a plain
// name.
func joinPath(path, key string) string {
	plain := key != ""
	for _, c := range key {
		if c == '.' || c == '[' || c == ']' || c == '"' || isSpace(c) {
			plain = false
			break
		}
	}
	if !plain {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func (r *jsonRead) readUnits(d *Dataset, units *jnode) {
	type where struct{ obj, id, level, kind, parent int }
	pos := make([]where, 0, len(units.elems))
	d.Units = make([]OrgUnit, 0, len(units.elems))
	cols := make([]*Column, len(r.fields))
	for i, un := range units.elems {
		path := "units[" + strconv.Itoa(i) + "]"
		w := where{un.off, un.off, un.off, un.off, un.off}
		var u OrgUnit
		if un.kind != '{' {
			r.add(un.off, path, un.lit, "应为对象 {…} / must be an object {…}")
			d.Units = append(d.Units, u)
			pos = append(pos, w)
			continue
		}
		var figures *jnode
		hasID, hasLevel := false, false
		for _, mb := range r.members(un, path) {
			v, key := mb.val, mb.key
			switch mb.key {
			case "id":
				hasID, w.id = true, v.off
				u.ID, _ = r.str(v, path, key)
			case "name":
				u.Name, _ = r.str(v, path, key)
			case "level":
				hasLevel, w.level = true, v.off
				if s, ok := r.str(v, path, key); ok {
					l, known := r.m.level(s)
					if !known {
						r.addAt(v.off, path, key, s, "层级应为 city、district 或 school / the level must be city, district or school")
					}
					u.Level = l
				}
			case "kind":
				w.kind = v.off
				if s, ok := r.str(v, path, key); ok && s != "" {
					k, known := r.m.kind(s)
					if !known {
						r.addAt(v.off, path, key, s, kindReason().Both())
					}
					u.Kind = k
				}
			case "parent":
				w.parent = v.off
				u.Parent, _ = r.str(v, path, key)
			case "figures":
				if v.kind != '{' {
					r.addAt(v.off, path, key, v.lit, "figures 应为对象 {…} / figures must be an object {…}")
					continue
				}
				figures = v
			default:
				r.addAt(mb.keyOff, path, key, "", "未知的字段 / unknown field")
			}
		}
		if !hasID {
			r.add(un.off, path+".id", "", "缺少 id / missing \"id\"")
		}
		if !hasLevel {
			r.add(un.off, path+".level", "", "缺少 level / missing \"level\"")
		}
		if figures != nil {
			fp := path + ".figures"
			for _, mb := range r.members(figures, fp) {
				k, ok := r.byID[mb.key]
				if !ok {
					r.addAt(mb.keyOff, fp, mb.key, "", "未知的指标 / unknown metric")
					continue
				}
				if cols[k] == nil {
					cols[k] = &Column{Values: make([]float64, len(units.elems)), Present: make([]bool, len(units.elems))}
				}
				v := mb.val
				var text string
				switch v.kind {
				case 'n':
					continue
				case '0':
					text = v.lit
				case '"':
					s, ok := r.str(v, fp, mb.key)
					if !ok {
						continue
					}
					text = s
				default:
					r.addAt(v.off, fp, mb.key, v.lit, "应为数字、字符串或 null / must be a number, a string or null")
					continue
				}
				val, present, reason := parseFigure(text, &r.fields[k])
				if !reason.IsZero() {
					r.addAt(v.off, fp, mb.key, text, reason.Both())
					continue
				}
				if present && looksLikeFraction(text, val, &r.fields[k]) {
					line, col := r.position(v.off)
					r.warnings = append(r.warnings, CellError{File: r.opt.File, Row: line, Column: col,
						Path: joinPath(fp, mb.key), Text: text, Reason: WarnPercentFraction})
				}
				cols[k].Values[i], cols[k].Present[i] = val, present
			}
		}
		d.Units = append(d.Units, u)
		pos = append(pos, w)
	}
	if len(r.errs) == 0 {
		for _, p := range validateUnits(d.Units) {
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
			}
			r.add(off, fmt.Sprintf("units[%d].%s", p.unit, field), p.text, p.reason.Both())
		}
	}
	for i, u := range d.Units {
		d.index[u.ID] = i
	}
	for k, c := range cols {
		if c != nil {
			d.columns[r.fields[k].ID] = c
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
	cols := make([]*Column, len(metrics))
	pct := make([]bool, len(metrics))
	for k, id := range metrics {
		cols[k], pct[k] = d.columns[id], percent[id]
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
