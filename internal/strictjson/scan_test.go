package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdTokens is what encoding/json's Decoder reads, numbers as written.
func stdTokens(data []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out []any
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, tok)
	}
}

// ourTokens is what the Scanner reads, in encoding/json's terms.
func ourTokens(data []byte) ([]any, *SyntaxError) {
	s := NewScanner(string(data))
	var out []any
	for {
		t, err := s.Next()
		if err != nil {
			return out, err
		}
		switch t.Kind {
		case EOF:
			return out, nil
		case ObjectStart, ObjectEnd, ArrayStart, ArrayEnd:
			out = append(out, json.Delim(t.Kind))
		case Key, String:
			out = append(out, t.Str())
		case Number:
			out = append(out, json.Number(t.Raw))
		case True, False:
			out = append(out, t.Kind == True)
		case Null:
			out = append(out, nil)
		}
	}
}

func depth(data []byte) int {
	d, most := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == '{' || c == '['):
			d++
			most = max(most, d)
		case !inString && (c == '}' || c == ']'):
			d--
		}
	}
	return most
}

// The scanner accepts exactly the documents encoding/json accepts (up to
// MaxDepth) and reads the same tokens from them.
func checkAgainstEncodingJSON(t testing.TB, data []byte) {
	if depth(data) > MaxDepth {
		return
	}
	got, gerr := ourTokens(data)
	valid := json.Valid(data)
	if valid != (gerr == nil) {
		t.Fatalf("encoding/json valid=%v, scanner error %v, for %q", valid, gerr, data)
	}
	if !valid {
		if gerr.Off < 0 || gerr.Off > len(data) {
			t.Fatalf("error offset %d outside the document", gerr.Off)
		}
		return
	}
	want, err := stdTokens(data)
	if err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	require.Equal(t, want, got)
}

func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{}`, `[]`, `null`, `true`, `-1.5e+3`, `"plain"`, ` 0 `, `[0, -0, 0.5, 1E2]`,
		`{"a":[1,2.50,{"b":null}],"c":true,"d":false}`,
		`{"esc":"a\"b\\c\u4e2d\ud83d\ude00\/","中文":"镇江"}`,
		`"\ud800"`, `"\ud800\u0041"`, `"\udc00\ud800"`, `"\u00e9\b\f\n\r\t"`,
		" {\n\t\"ws\" : [ 1 , 2 ] } \n",
		"{\"bad\":\"\xff\xfe\"}", // invalid UTF-8 inside a string
		`{"dup":1,"dup":2}`,
		// Broken ones.
		``, ` `, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `[01]`, `[1.]`, `[.5]`, `[1e]`, `[-]`,
		`tru`, `nul`, `[true false]`, `{} {}`, `"a` + "\n" + `b"`, `"\x"`, `"\u12g4"`, `[1]]`, `{"a":1]`,
		`[NaN]`, `'a'`, "\ufeff{}",
	} {
		t.Run(doc, func(t *testing.T) { checkAgainstEncodingJSON(t, []byte(doc)) })
	}
	for _, file := range []string{"../../plan/testdata/plan.json", "../../seeds/zhenjiang2017.json"} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		checkAgainstEncodingJSON(t, data)
	}
}

func FuzzScanner(f *testing.F) {
	f.Add([]byte(`{"a":[1,"x\u00e9",null,true]}`))
	f.Add([]byte(`"\ud800"`))
	f.Add([]byte("[\"\xff\"]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstEncodingJSON(t, data)
		// The tree and the token stream are one reader.
		root, err := Parse(string(data))
		_, serr := ourTokens(data)
		if (err == nil) != (serr == nil) || err != nil && err.Off != serr.Off {
			t.Fatalf("Parse: %v, Scanner: %v", err, serr)
		}
		if err == nil && root == nil {
			t.Fatal("no tree for a valid document")
		}
	})
}

// Syntax errors are placed at the character that is wrong, worded in both
// languages.
func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		doc, at, en string
	}{
		{"{\n  \"id\": \"x\"\n  \"year\": 2017\n}", "3:3", "expected ',' or '}'"},
		{`{"id": "镇江", x}`, "1:14", "expected a quoted key"},
		{"[1,\n]", "2:1", "unexpected ']'"},
		{"{\"a\": [", "1:8", "unexpected end of JSON input"},
		{`{"id": "镇`, "1:8", "unterminated string"},
		{`{"a": tru}`, "1:10", "unexpected '}'"},
		{`{"a": nul`, "1:10", "unexpected end of JSON input"},
		{"{} {}", "1:4", "extra text after the JSON value"},
		{`{"a" 1}`, "1:6", "expected ':' after the key"},
		{`[01]`, "1:2", "malformed number"},
		{"[\"a\tb\"]", "1:4", `control character in a string (write a line break as \n)`},
		{`["\q"]`, "1:4", "invalid escape"},
		{`["\u12"]`, "1:7", `\u must be followed by four hex digits`},
		{"[1 2]", "1:4", "expected ',' or ']'"},
		{strings.Repeat("[", MaxDepth+1), "1:65", "nested too deeply"},
		{"\t{\r\n\t\"键\": ?}", "2:7", "unexpected '?'"},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			_, err := Parse(tt.doc)
			require.NotNil(t, err)
			assert.Equal(t, tt.at, Pos(LineCol(tt.doc, err.Off)))
			assert.Equal(t, tt.en, err.Text.EN)
			assert.NotEmpty(t, err.Text.ZH)
			assert.Equal(t, "JSON syntax error: "+tt.en, SyntaxText(err).EN)
		})
	}
}

func TestUnquoteAgreesWithEncodingJSON(t *testing.T) {
	for _, lit := range []string{
		`""`, `"plain"`, `"镇江"`, `"a\"b\\c\/d"`, `"\u4e2d\ud83d\ude00"`, `"\ud800"`, `"\ud800x"`,
		`"\ud800\u0041"`, `"\udc00"`, `"\ud83d\ude00\ud83d"`, "\"\xff\xfe\"", "\"a\xe4\xb8\"", `"\b\f\n\r\t"`,
	} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want), lit)
		assert.Equal(t, want, Unquote(lit), lit)
	}
}

func TestLineCol(t *testing.T) {
	text := "ab\r\n镇江\tx\n\ny"
	for _, tt := range []struct {
		off       int
		line, col int
	}{
		{0, 1, 1},
		{2, 1, 3},  // the \r is a character of line 1
		{4, 2, 1},  // after \r\n
		{10, 2, 3}, // after two Chinese characters: columns count characters
		{11, 2, 4}, // a tab is one column
		{13, 3, 1},
		{14, 4, 1},
		{99, 4, 2}, // past the end: the end
	} {
		line, col := LineCol(text, tt.off)
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col}, "offset %d", tt.off)
	}
}

func TestPaths(t *testing.T) {
	for _, tt := range []struct {
		key, path string
	}{
		{"figures", "units[3].figures"},
		{"在园幼儿数", "units[3].在园幼儿数"},
		{"a.b", `units[3]["a.b"]`},
		{"", `units[3][""]`},
		{"x y", `units[3]["x y"]`},
		{`say "hi"`, `units[3]["say \"hi\""]`},
		{"a]b", `units[3]["a]b"]`},
		{"line\nbreak", `units[3]["line\nbreak"]`},
	} {
		p := PathKey(PathIndex("units", 3), tt.key)
		assert.Equal(t, tt.path, p)
		assert.Equal(t, "units[3]", Parent(p), p)
	}
	assert.Equal(t, "a", PathKey("", "a"))
	assert.Equal(t, "units", Parent("units[3]"))
	assert.Equal(t, "", Parent("units"))
	assert.Equal(t, `a["x[\"y"]`, Parent(`a["x[\"y"].z`))
	assert.Equal(t, "a", Parent(`a["x[\"y"]`))
}

func TestReadAllLimit(t *testing.T) {
	data, err := ReadAll(strings.NewReader("12345"), 5)
	require.NoError(t, err)
	assert.Equal(t, "12345", string(data))
	_, err = ReadAll(strings.NewReader("123456"), 5)
	require.Error(t, err)
	_, err = ReadAll(errReader{}, 5)
	assert.ErrorIs(t, err, errBroken)
}

var errBroken = errors.New("broken")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

func TestUnique(t *testing.T) {
	root, err := Parse(`{"b": 1, "a": 2, "b": 3, "c": 4, "a": 5}`)
	require.Nil(t, err)
	var dups []string
	ms := root.Unique(func(repeat, first Member) {
		dups = append(dups, repeat.Key+"@"+Pos(1, repeat.KeyOff)+"<"+Pos(1, first.KeyOff))
	})
	var keys []string
	for _, m := range ms {
		keys = append(keys, m.Key)
	}
	assert.Equal(t, []string{"b", "a", "c"}, keys)
	assert.Equal(t, []string{"b@1:17<1:1", "a@1:33<1:9"}, dups)
	sorted, _ := Parse(`{"a": 1, "b": 2}`)
	assert.Len(t, sorted.Unique(func(Member, Member) { t.Fatal("no repeat") }), 2)
}
