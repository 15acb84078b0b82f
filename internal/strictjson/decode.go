package strictjson

import (
	"encoding"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

// Options shape a Decoder.
type Options struct {
	// Null lets null stand for a pointer or a list left out, as
	// encoding/json writes a nil one. Without it null is a value of the
	// wrong type everywhere.
	Null bool
	// Track records where every value starts, so that problems found after
	// decoding (by validation) sort into document order in Problems. It
	// costs a path for every value.
	Track bool
	// Ignore lists keys of the top-level object that are skipped unread:
	// what a writer puts beside the document for other readers.
	Ignore []string
}

// Decoder fills a Go value from JSON the way a careful reader checks a
// form: it walks the tokens against the Go type, records every key that is
// not a field, every value of the wrong JSON type and every duplicate key,
// skips the bad value and carries on, so that one pass reports everything
// that is structurally wrong. Values it could read are set; bad ones are
// left at their zero value and their paths remembered, so that later
// checks do not report the same spot twice.
type Decoder struct {
	text  string
	sc    *Scanner
	opt   Options
	probs []located
	// path is the path of the value being read, one step a segment.
	path []segment
	// at is where each path's value starts (Options.Track).
	at map[string]int
	// bad holds paths with a structural problem; later problems at or below
	// them are consequences and are dropped.
	bad map[string]bool
	// implied holds paths of fields an unknown key was probably meant to be
	// ("titel" for "title"): that field's absence is already explained.
	implied map[string]bool
	fatal   bool
	lines   *Lines
}

type segment struct {
	key   string
	index int // -1 for a key
}

// located is a problem with the byte offset it sorts by. A positional problem
// (syntax, encoding) is given as line:column rather than as a JSON path.
type located struct {
	off        int
	positional bool
	path       string
	text       msg.Text
}

// NewDecoder returns a decoder over a document whose byte order mark, if
// any, has been removed.
func NewDecoder(text string, opt Options) *Decoder {
	d := &Decoder{text: text, sc: NewScanner(text), opt: opt, bad: map[string]bool{}, implied: map[string]bool{},
		lines: NewLines(text)}
	if opt.Track {
		d.at = map[string]int{}
	}
	return d
}

// Fatal reports whether the document could not be read to its end.
func (d *Decoder) Fatal() bool { return d.fatal }

// Discard forgets the structural problems found, for a reader that finds
// the document is of another kind altogether and says only that.
func (d *Decoder) Discard() { d.probs = nil }

// Decode reads the whole document into v, a pointer to a struct; what names
// the value expected ("一个计划对象" / "a plan object") for an empty input.
func (d *Decoder) Decode(v any, what msg.Text) {
	if i := firstInvalidUTF8(d.text); i >= 0 {
		d.probs = append(d.probs, located{off: i, positional: true,
			text: msg.T("文件不是有效的 UTF-8 编码，请以 UTF-8 保存", "the file is not valid UTF-8: save it as UTF-8")})
	}
	if strings.Trim(d.text, " \t\r\n") == "" {
		d.probs = append(d.probs, located{off: 0, positional: true,
			text: msg.Text{ZH: "文件为空，应为" + what.ZH, EN: "the input is empty: expected " + what.EN}})
		d.fatal = true
		return
	}
	tok, ok := d.next()
	if !ok {
		return
	}
	d.value(tok, reflect.ValueOf(v).Elem())
	d.next() // the end, or extra text after it
}

// next reads the next token, recording a syntax error as fatal.
func (d *Decoder) next() (Token, bool) {
	if d.fatal {
		return Token{}, false
	}
	t, err := d.sc.Next()
	if err != nil {
		d.fatal = true
		d.probs = append(d.probs, located{off: err.Off, positional: true, text: SyntaxText(err)})
		return Token{}, false
	}
	return t, true
}

// pathString is the path of the value being read.
func (d *Decoder) pathString() string {
	p := ""
	for _, s := range d.path {
		if s.index >= 0 {
			p = PathIndex(p, s.index)
		} else {
			p = PathKey(p, s.key)
		}
	}
	return p
}

// problem records a structural problem at the current path.
func (d *Decoder) problem(off int, t msg.Text) {
	path := d.pathString()
	d.probs = append(d.probs, located{off: off, path: path, text: t})
	d.bad[path] = true
}

func (d *Decoder) value(tok Token, v reflect.Value) {
	if d.at != nil {
		d.at[d.pathString()] = tok.Off
	}
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
			if tok.Kind != String {
				d.wrongType(tok, "string")
				return
			}
			if err := u.UnmarshalText([]byte(tok.Str())); err != nil {
				d.problem(tok.Off, errText(err))
			}
			return
		}
	}
	if tok.Kind == Null && d.opt.Null && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Slice) {
		v.SetZero()
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok.Kind == Null {
			d.wrongType(tok, kindName(v.Type().Elem()))
			return
		}
		e := reflect.New(v.Type().Elem())
		d.value(tok, e.Elem())
		v.Set(e)
	case reflect.Struct:
		d.object(tok, v)
	case reflect.Slice:
		if tok.Kind != ArrayStart {
			d.wrongType(tok, "array")
			return
		}
		s := reflect.MakeSlice(v.Type(), 0, 0)
		for i := 0; ; i++ {
			et, ok := d.next()
			if !ok {
				return
			}
			if et.Kind == ArrayEnd {
				break
			}
			s = reflect.Append(s, reflect.Zero(v.Type().Elem()))
			d.path = append(d.path, segment{index: i})
			d.value(et, s.Index(i))
			d.path = d.path[:len(d.path)-1]
		}
		v.Set(s)
	case reflect.String:
		if tok.Kind != String {
			d.wrongType(tok, "string")
			return
		}
		v.SetString(tok.Str())
	case reflect.Bool:
		if tok.Kind != True && tok.Kind != False {
			d.wrongType(tok, "boolean")
			return
		}
		v.SetBool(tok.Kind == True)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if tok.Kind != Number {
			d.wrongType(tok, "integer")
			return
		}
		var err error
		if v.CanInt() {
			var i int64
			if i, err = strconv.ParseInt(tok.Raw, 10, v.Type().Bits()); err == nil {
				v.SetInt(i)
			}
		} else {
			var u uint64
			if u, err = strconv.ParseUint(tok.Raw, 10, v.Type().Bits()); err == nil {
				v.SetUint(u)
			}
		}
		switch {
		case errors.Is(err, strconv.ErrRange):
			d.problem(tok.Off, msg.Textf("整数 %s 超出范围", "integer %s is out of range", tok.Raw))
		case err != nil:
			d.problem(tok.Off, msg.Textf("应为整数，实际为 %s", "expected an integer, got %s", tok.Raw))
		}
	case reflect.Float32, reflect.Float64:
		if tok.Kind != Number {
			d.wrongType(tok, "number")
			return
		}
		f, err := strconv.ParseFloat(tok.Raw, v.Type().Bits())
		if err != nil {
			d.problem(tok.Off, msg.Textf("数字 %s 超出范围", "number %s is out of range", tok.Raw))
			return
		}
		v.SetFloat(f)
	default:
		// No eduplan type holds other kinds; a new one must be taught here.
		d.problem(tok.Off, msg.Textf("内部错误：无法读取 %s", "internal error: cannot read a %s", v.Type().String()))
		d.skip(tok)
	}
}

// object reads a JSON object into struct v.
func (d *Decoder) object(tok Token, v reflect.Value) {
	if tok.Kind != ObjectStart {
		d.wrongType(tok, "object")
		return
	}
	fields := Fields(v.Type())
	// Keys seen so far, with where they were: a short list for the usual
	// object, a map past it so that a hostile object of many keys stays
	// linear.
	type seenKey struct {
		key string
		off int
	}
	var buf [16]seenKey
	seen := buf[:0]
	var seenMap map[string]int
	for {
		kt, ok := d.next()
		if !ok || kt.Kind == ObjectEnd {
			return
		}
		key := kt.Str()
		vt, ok := d.next()
		if !ok {
			return
		}
		d.path = append(d.path, segment{key: key, index: -1})
		first := -1
		if seenMap != nil {
			if off, dup := seenMap[key]; dup {
				first = off
			} else {
				seenMap[key] = kt.Off
			}
		} else {
			for _, s := range seen {
				if s.key == key {
					first = s.off
					break
				}
			}
			if first < 0 {
				seen = append(seen, seenKey{key, kt.Off})
				if len(seen) == cap(buf) {
					seenMap = make(map[string]int, 2*len(seen))
					for _, s := range seen {
						seenMap[s.key] = s.off
					}
				}
			}
		}
		f, found := fields.byName[key]
		switch {
		case first >= 0:
			line, col := d.lines.At(first)
			d.problem(kt.Off, DuplicateKey(key, line, col))
			d.skip(vt)
		case !found && len(d.path) == 1 && slices.Contains(d.opt.Ignore, key):
			d.skip(vt)
		case !found:
			t, s := UnknownField(key, fields.Names)
			if s != "" {
				d.implied[PathKey(d.parentPath(), s)] = true
			}
			if d.at != nil {
				d.at[d.pathString()] = kt.Off
			}
			d.problem(kt.Off, t)
			d.skip(vt)
		default:
			d.value(vt, v.Field(f))
		}
		d.path = d.path[:len(d.path)-1]
	}
}

// parentPath is the path of the object whose key is being read.
func (d *Decoder) parentPath() string {
	saved := d.path
	d.path = d.path[:len(d.path)-1]
	p := d.pathString()
	d.path = saved
	return p
}

// skip consumes the rest of a value whose first token was tok.
func (d *Decoder) skip(tok Token) {
	if tok.Kind != ObjectStart && tok.Kind != ArrayStart {
		return
	}
	for depth := 1; depth > 0; {
		t, ok := d.next()
		if !ok {
			return
		}
		switch t.Kind {
		case ObjectStart, ArrayStart:
			depth++
		case ObjectEnd, ArrayEnd:
			depth--
		}
	}
}

// typeNames names the JSON types in both languages.
var typeNames = map[string]msg.Text{
	"object":  msg.T("对象", "an object"),
	"array":   msg.T("数组", "an array"),
	"string":  msg.T("字符串", "a string"),
	"integer": msg.T("整数", "an integer"),
	"number":  msg.T("数字", "a number"),
	"boolean": msg.T("布尔值 true/false", "a boolean (true or false)"),
	"null":    msg.T("null", "null"),
}

// wrongType records a value of the wrong JSON type and skips it.
func (d *Decoder) wrongType(tok Token, want string) {
	w, g := typeNames[want], typeNames[tokenType(tok)]
	d.problem(tok.Off, msg.Text{ZH: "应为" + w.ZH + "，实际为" + g.ZH, EN: "expected " + w.EN + ", got " + g.EN})
	d.skip(tok)
}

func tokenType(tok Token) string {
	switch tok.Kind {
	case Null:
		return "null"
	case String:
		return "string"
	case True, False:
		return "boolean"
	case Number:
		return "number"
	case ArrayStart:
		return "array"
	}
	return "object"
}

func kindName(t reflect.Type) string {
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "string"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "object"
	case reflect.Slice:
		return "array"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Float32, reflect.Float64:
		return "number"
	}
	return "integer"
}

// errText is an error's wording in both languages: an error that can say
// itself in a language does, a legacy "中文 / English" one is split.
func errText(err error) msg.Text {
	if l, ok := err.(msg.Localized); ok {
		return msg.Text{ZH: l.In("zh"), EN: l.In("en")}
	}
	return msg.Split(err.Error())
}

// StructFields is the JSON view of a struct type.
type StructFields struct {
	byName map[string]int // json name → field index
	// Names are the JSON names in declaration order.
	Names []string
	omit  map[string]bool
}

// Field returns the index of the struct field of a JSON name.
func (f *StructFields) Field(name string) (int, bool) {
	i, ok := f.byName[name]
	return i, ok
}

// OmitEmpty reports whether a field is tagged omitempty.
func (f *StructFields) OmitEmpty(name string) bool { return f.omit[name] }

var fieldCache sync.Map // reflect.Type → *StructFields

// Fields lists a struct's JSON fields by their tags.
func Fields(t reflect.Type) *StructFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*StructFields)
	}
	fs := &StructFields{byName: map[string]int{}, omit: map[string]bool{}}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fs.byName[name] = i
		fs.Names = append(fs.Names, name)
		fs.omit[name] = strings.Contains(","+opts+",", ",omitempty,")
	}
	fieldCache.Store(t, fs)
	return fs
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func firstInvalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Problems combines the decoder's problems with later ones (validation),
// drops those a structural problem explains, sorts them into document
// order and gives each its place: a path, or line:column for a syntax or
// encoding error, prefixed with name when it is not empty ("zj.json:
// goals[0].id", "zj.json:12:5").
func (d *Decoder) Problems(later msg.Problems, name string) msg.Problems {
	all := append([]located(nil), d.probs...)
	for _, p := range later {
		if d.covered(p.Path) {
			continue
		}
		all = append(all, located{off: d.offset(p.Path), path: p.Path, text: p.Message})
	}
	if len(all) == 0 {
		return nil
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].off < all[j].off })
	out := make(msg.Problems, 0, len(all))
	for _, l := range all {
		var path string
		switch {
		case l.positional:
			path = Pos(d.lines.At(l.off))
			if name != "" {
				path = name + ":" + path
			}
		case name == "":
			path = l.path
		case l.path == "":
			path = name
		default:
			path = name + ": " + l.path
		}
		out = append(out, msg.Problem{Path: path, Message: l.text})
	}
	return out
}

// covered reports whether a problem at path is already explained: the path
// or one of its ancestors had a structural problem, or an unknown key was
// probably meant to be this field.
func (d *Decoder) covered(path string) bool {
	for p := path; ; p = Parent(p) {
		if d.bad[p] || d.implied[p] {
			return true
		}
		if p == "" {
			return false
		}
	}
}

// offset is where a path's value starts, or where its nearest ancestor
// starts when the path is absent (a missing field sorts with its object).
func (d *Decoder) offset(path string) int {
	for p := path; ; p = Parent(p) {
		if off, ok := d.at[p]; ok {
			return off
		}
		if p == "" {
			return 0
		}
	}
}
