package plan

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

// strictDecoder fills a Go value from JSON the way a careful reader checks a
// form: it walks the token stream against the Go type, records every key that
// is not a field, every value of the wrong JSON type and every duplicate key,
// skips the bad value and carries on, so that one pass reports everything
// that is structurally wrong. Values it could read are set; bad ones are left
// at their zero value and their paths remembered so that later checks do not
// report the same spot twice.
type strictDecoder struct {
	data []byte
	dec  interface {
		Token() (jsonToken, error)
		More() bool
		InputOffset() int64
	}
	probs []located
	// at is the byte offset of each JSON path read, to sort later problems
	// into document order.
	at map[string]int
	// bad holds paths with a structural problem; later problems at or below
	// them are consequences and are dropped.
	bad map[string]bool
	// implied holds paths of fields an unknown key was probably meant to be
	// ("titel" for "title"): that field's absence is already explained.
	implied map[string]bool
	// depth counts open objects and arrays: the token stream reports a
	// document cut off inside one as a plain io.EOF.
	depth int
	fatal bool
}

// located is a problem with the byte offset it sorts by. A positional problem
// (syntax, encoding) is reported as line:column rather than as a JSON path.
type located struct {
	off        int
	positional bool
	path, msg  string
}

func newStrictDecoder(data []byte) *strictDecoder {
	// A syntactically valid document (nearly every one) is read with the
	// fast scanner; a broken one with encoding/json's token stream, which
	// reports what it read before the error as well as the error itself.
	var dec interface {
		Token() (jsonToken, error)
		More() bool
		InputOffset() int64
	}
	if validJSON(data) {
		dec = &scanTokens{data: data}
	} else {
		dec = newTokenReader(bytes.NewReader(data))
	}
	return &strictDecoder{
		data:    data,
		dec:     dec,
		at:      map[string]int{},
		bad:     map[string]bool{},
		implied: map[string]bool{},
	}
}

// decode reads the whole input into v (a pointer to a struct).
func (d *strictDecoder) decode(v any, what string) {
	if i := firstInvalidUTF8(d.data); i >= 0 {
		d.probs = append(d.probs, located{off: i, positional: true,
			msg: "文件不是有效的 UTF-8 编码,请以 UTF-8 保存 / the file is not valid UTF-8: save it as UTF-8"})
	}
	tok, off, ok := d.token()
	if !ok {
		return
	}
	if tok == nil && off == len(d.data) {
		d.probs = append(d.probs, located{off: 0, positional: true,
			msg: fmt.Sprintf("文件为空,应为一个%s / the input is empty: expected %s", what, what)})
		return
	}
	d.value(tok, off, "", reflect.ValueOf(v).Elem())
	if d.fatal {
		return
	}
	tok, off, ok = d.token()
	if ok && !(tok == nil && off == len(d.data)) {
		d.probs = append(d.probs, located{off: off, positional: true,
			msg: "文档结束后还有多余内容 / unexpected content after the end of the document"})
		d.fatal = true
	}
}

// token reads the next token and the offset where it starts. At the end of
// the input it returns (nil, len(data), true).
func (d *strictDecoder) token() (jsonToken, int, bool) {
	if d.fatal {
		return nil, 0, false
	}
	off := skipSeparators(d.data, int(d.dec.InputOffset()))
	tok, err := d.dec.Token()
	if err == io.EOF && d.depth > 0 {
		err = io.ErrUnexpectedEOF
	}
	if err == io.EOF {
		return nil, len(d.data), true
	}
	if err != nil {
		d.syntaxError(err, off)
		return nil, 0, false
	}
	switch tok {
	case jsonDelim('{'), jsonDelim('['):
		d.depth++
	case jsonDelim('}'), jsonDelim(']'):
		d.depth--
	}
	return tok, off, true
}

// skipSeparators moves past white space, colons and commas to where the next
// token starts.
func skipSeparators(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// syntaxError records a fatal syntax error at the exact position a full scan
// finds it.
func (d *strictDecoder) syntaxError(err error, near int) {
	d.fatal = true
	pos, msg := near, err.Error()
	var se *jsonSyntaxError
	if errors.As(checkSyntax(d.data), &se) {
		msg = se.Error()
		pos = int(se.Offset) - 1 // Offset counts the offending byte itself.
		if se.Offset >= int64(len(d.data)) && strings.Contains(msg, "end of JSON input") {
			pos = len(d.data)
		}
	} else if errors.Is(err, io.ErrUnexpectedEOF) {
		pos, msg = len(d.data), "unexpected end of JSON input"
	}
	pos = max(0, min(pos, len(d.data)))
	d.probs = append(d.probs, located{off: pos, positional: true,
		msg: fmt.Sprintf("JSON 语法错误 / JSON syntax error: %s", msg)})
}

// problem records a structural problem at a JSON path.
func (d *strictDecoder) problem(off int, path, msg string) {
	d.probs = append(d.probs, located{off: off, path: path, msg: msg})
	d.bad[path] = true
}

// value reads the value that starts with tok into v.
func (d *strictDecoder) value(tok jsonToken, off int, path string, v reflect.Value) {
	d.at[path] = off
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
			s, isString := tok.(string)
			if !isString {
				d.wrongType(off, path, "string", tok)
				return
			}
			if err := u.UnmarshalText([]byte(s)); err != nil {
				d.problem(off, path, err.Error())
			}
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok == nil {
			d.wrongType(off, path, kindName(v.Type().Elem()), tok)
			return
		}
		e := reflect.New(v.Type().Elem())
		d.value(tok, off, path, e.Elem())
		v.Set(e)
	case reflect.Struct:
		d.object(tok, off, path, v)
	case reflect.Slice:
		if tok != jsonDelim('[') {
			d.wrongType(off, path, "array", tok)
			return
		}
		s := reflect.MakeSlice(v.Type(), 0, 0)
		for i := 0; d.dec.More() && !d.fatal; i++ {
			etok, eoff, ok := d.token()
			if !ok {
				return
			}
			s = reflect.Append(s, reflect.Zero(v.Type().Elem()))
			d.value(etok, eoff, fmt.Sprintf("%s[%d]", path, i), s.Index(i))
		}
		v.Set(s)
		d.token() // ]
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			d.wrongType(off, path, "string", tok)
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			d.wrongType(off, path, "boolean", tok)
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(jsonNumber)
		if !ok {
			d.wrongType(off, path, "integer", tok)
			return
		}
		i, err := strconv.ParseInt(string(n), 10, v.Type().Bits())
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				d.problem(off, path, fmt.Sprintf("整数 %s 超出范围 / integer %s is out of range", n, n))
			} else {
				d.problem(off, path, fmt.Sprintf("应为整数,实际为 %s / expected an integer, got %s", n, n))
			}
			return
		}
		v.SetInt(i)
	case reflect.Float32, reflect.Float64:
		n, ok := tok.(jsonNumber)
		if !ok {
			d.wrongType(off, path, "number", tok)
			return
		}
		f, err := strconv.ParseFloat(string(n), v.Type().Bits())
		if err != nil {
			d.problem(off, path, fmt.Sprintf("数字 %s 超出范围 / number %s is out of range", n, n))
			return
		}
		v.SetFloat(f)
	default:
		// The model holds no other kinds; a new one must be taught here.
		d.problem(off, path, fmt.Sprintf("internal: cannot read a %s", v.Type()))
		d.skip(tok)
	}
}

// object reads a JSON object into struct v.
func (d *strictDecoder) object(tok jsonToken, off int, path string, v reflect.Value) {
	if tok != jsonDelim('{') {
		d.wrongType(off, path, "object", tok)
		return
	}
	fields := jsonFields(v.Type())
	seen := map[string]int{}
	for d.dec.More() && !d.fatal {
		ktok, koff, ok := d.token()
		if !ok {
			return
		}
		key, _ := ktok.(string) // the token stream only yields string keys here
		kpath := joinPath(path, key)
		vtok, voff, ok := d.token()
		if !ok {
			return
		}
		if first, dup := seen[key]; dup {
			line, col := lineCol(d.data, first)
			d.problem(koff, kpath, fmt.Sprintf("字段 %q 重复(首次出现在第 %d 行第 %d 列)/ key %q appears twice (first at line %d, column %d)",
				key, line, col, key, line, col))
			d.skip(vtok)
			continue
		}
		seen[key] = koff
		f, found := fields.byName[key]
		if !found {
			msg := fmt.Sprintf("未知字段 %q / unknown field %q", key, key)
			if s := nearest(key, fields.names); s != "" {
				msg = fmt.Sprintf("未知字段 %q,是否应为 %q?/ unknown field %q: did you mean %q?", key, s, key, s)
				d.implied[joinPath(path, s)] = true
			}
			d.at[kpath] = koff
			d.problem(koff, kpath, msg)
			d.skip(vtok)
			continue
		}
		d.value(vtok, voff, kpath, v.Field(f))
	}
	d.token() // }
}

// skip consumes the rest of a value whose first token was tok.
func (d *strictDecoder) skip(tok jsonToken) {
	if tok != jsonDelim('{') && tok != jsonDelim('[') {
		return
	}
	for depth := 1; depth > 0; {
		t, _, ok := d.token()
		if !ok {
			return
		}
		switch t {
		case jsonDelim('{'), jsonDelim('['):
			depth++
		case jsonDelim('}'), jsonDelim(']'):
			depth--
		}
	}
}

// jsonTypeNames names the JSON types in both languages.
var jsonTypeNames = map[string]string{
	"object":  "对象 / an object",
	"array":   "数组 / an array",
	"string":  "字符串 / a string",
	"integer": "整数 / an integer",
	"number":  "数字 / a number",
	"boolean": "布尔值 true/false / a boolean (true or false)",
	"null":    "null / null",
}

// wrongType records a value of the wrong JSON type and skips it.
func (d *strictDecoder) wrongType(off int, path, want string, tok jsonToken) {
	got := tokenType(tok)
	wz, we, _ := strings.Cut(jsonTypeNames[want], " / ")
	gz, ge, _ := strings.Cut(jsonTypeNames[got], " / ")
	d.problem(off, path, fmt.Sprintf("应为%s,实际为%s / expected %s, got %s", wz, gz, we, ge))
	d.skip(tok)
}

func tokenType(tok jsonToken) string {
	switch t := tok.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case jsonNumber:
		return "number"
	case jsonDelim:
		if t == '[' {
			return "array"
		}
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

// structFields is the JSON view of a struct type.
type structFields struct {
	byName map[string]int // json name → field index
	names  []string       // json names in declaration order
	omit   map[string]bool
}

var fieldCache sync.Map // reflect.Type → *structFields

// jsonFields lists a struct's JSON fields by their tags.
func jsonFields(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	fs := &structFields{byName: map[string]int{}, omit: map[string]bool{}}
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
		fs.names = append(fs.names, name)
		fs.omit[name] = strings.Contains(","+opts+",", ",omitempty,")
	}
	fieldCache.Store(t, fs)
	return fs
}

// nearest returns the known name closest to key if it is a plausible typo:
// at most two edits away, and fewer edits than key has characters.
func nearest(key string, names []string) string {
	best, bestD := "", 3
	n := utf8.RuneCountInString(key)
	for _, name := range names {
		if dist := editDistance(key, name); dist < bestD && dist < n {
			best, bestD = name, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance in characters. Keys are short,
// and a long unknown key is cut off so a hostile file cannot make it costly.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		ra = ra[:64]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// joinPath appends an object key to a JSON path, bracketing keys that are not
// plain identifiers so the path stays unambiguous.
func joinPath(path, key string) string {
	if !isPlainKey(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func isPlainKey(k string) bool {
	if k == "" {
		return false
	}
	for i, c := range k {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// lineCol converts a byte offset to a 1-based line and a 1-based column
// counted in characters, as an editor shows them.
func lineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// parent returns the JSON path one step up: "a.b[2]" → "a.b" → "a" → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	// A bracketed key may contain dots or brackets: find its opening bracket.
	if strings.HasSuffix(path, `"]`) {
		if j := strings.LastIndex(path, `["`); j >= 0 {
			return path[:j]
		}
	}
	return path[:i]
}

// merge combines the decoder's problems with later ones (validation), drops
// those explained by a structural problem, sorts them into document order
// and formats them, prefixing name when it is not empty.
func (d *strictDecoder) merge(later msg.Problems, name string) msg.Problems {
	all := append([]located(nil), d.probs...)
	for _, p := range later {
		if d.covered(p.Path) {
			continue
		}
		all = append(all, located{off: d.offset(p.Path), path: p.Path, msg: p.Message.Both()})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].off < all[j].off })
	out := make(msg.Problems, 0, len(all))
	for _, l := range all {
		var path string
		switch {
		case l.positional:
			line, col := lineCol(d.data, l.off)
			path = fmt.Sprintf("%d:%d", line, col)
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
		out = append(out, msg.Problem{Path: path, Message: msg.Split(l.msg)})
	}
	return out
}

// covered reports whether a problem at path is already explained: the path
// or one of its ancestors had a structural problem, or an unknown key was
// probably meant to be this field.
func (d *strictDecoder) covered(path string) bool {
	for p := path; ; p = parent(p) {
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
func (d *strictDecoder) offset(path string) int {
	for p := path; ; p = parent(p) {
		if off, ok := d.at[p]; ok {
			return off
		}
		if p == "" {
			return 0
		}
	}
}
