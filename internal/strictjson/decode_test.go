package strictjson

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

type level string

func (l *level) UnmarshalText(b []byte) error {
	if string(b) != "city" && string(b) != "school" {
		return errors.New("层级未知 / unknown level")
	}
	*l = level(b)
	return nil
}

type doc struct {
	Title  string   `json:"title"`
	Year   int      `json:"year"`
	Small  int8     `json:"small,omitempty"`
	Rate   float64  `json:"rate,omitempty"`
	OK     bool     `json:"ok,omitempty"`
	Level  level    `json:"level,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Inner  *inner   `json:"inner,omitempty"`
	Inners []inner  `json:"inners,omitempty"`
}

type inner struct {
	Name string `json:"name"`
}

func decode(t *testing.T, text string, opt Options, later msg.Problems) (doc, []string, msg.Problems) {
	t.Helper()
	var v doc
	d := NewDecoder(text, opt)
	d.Decode(&v, msg.T("一个文档", "a document"))
	ps := d.Problems(later, "")
	var where []string
	for _, p := range ps {
		where = append(where, p.Path+" "+p.Message.EN)
	}
	return v, where, ps
}

func TestDecoderReportsEverythingStructural(t *testing.T) {
	text := `{"titel": "x", "year": "2017", "small": 300, "rate": 1e999, "ok": 1,
 "level": "town", "tags": ["a", 2, "c"], "inner": {"name": "n", "name": "m"},
 "inners": [{"name": "a"}, {"nmae": "b", "x y": {"deep": [1, {"}": 2}]}}], "year": 2018}`
	v, where, _ := decode(t, text, Options{}, nil)
	assert.Equal(t, []string{
		`titel unknown field "titel": did you mean "title"?`,
		"year expected an integer, got a string",
		"small integer 300 is out of range",
		"rate number 1e999 is out of range",
		"ok expected a boolean (true or false), got a number",
		"level unknown level",
		"tags[1] expected a string, got a number",
		`inner.name key "name" appears twice (first at line 2, column 52)`,
		`inners[1].nmae unknown field "nmae": did you mean "name"?`,
		`inners[1]["x y"] unknown field "x y"`,
		`year key "year" appears twice (first at line 1, column 16)`,
	}, where)
	// What could be read was set; what could not is left at zero.
	assert.Equal(t, doc{Tags: []string{"a", "", "c"}, Inner: &inner{Name: "n"},
		Inners: []inner{{Name: "a"}, {}}}, v)
}

func TestDecoderNull(t *testing.T) {
	text := `{"title": "x", "year": 1, "tags": null, "inner": null}`
	_, where, _ := decode(t, text, Options{}, nil)
	assert.Equal(t, []string{"tags expected an array, got null", "inner expected an object, got null"}, where)
	v, where, _ := decode(t, text, Options{Null: true}, nil)
	assert.Empty(t, where)
	assert.Equal(t, doc{Title: "x", Year: 1}, v)
	_, where, _ = decode(t, `{"title": null}`, Options{Null: true}, nil)
	assert.Equal(t, []string{"title expected a string, got null"}, where, "null is no string")
}

// Problems found later (validation) are merged in document order; those a
// structural problem already explains are dropped.
func TestDecoderMergesLaterProblems(t *testing.T) {
	text := "{\"inners\": [{\"name\": \"a\"}, {\"nmae\": \"b\"}],\n \"title\": \"\", \"year\": \"x\"}"
	later := msg.Problems{
		{Path: "title", Message: msg.T("缺少", "missing title")},
		{Path: "inners[1].name", Message: msg.T("缺少", "missing name")}, // explained by "nmae"
		{Path: "year", Message: msg.T("年份", "bad year")},               // explained by its type
		{Path: "inners[0].name", Message: msg.T("重名", "name taken")},
		{Path: "inner.name", Message: msg.T("缺少", "missing inner")}, // absent: sorts with the document
	}
	_, where, _ := decode(t, text, Options{Track: true}, later)
	assert.Equal(t, []string{
		"inner.name missing inner",
		"inners[0].name name taken",
		`inners[1].nmae unknown field "nmae": did you mean "name"?`,
		"title missing title",
		"year expected an integer, got a string",
	}, where)
}

func TestDecoderPositionsAndNames(t *testing.T) {
	var v doc
	d := NewDecoder("{\"title\": \"镇\xffx\",\n \"year\": }", Options{Track: true})
	d.Decode(&v, msg.T("一个文档", "a document"))
	assert.True(t, d.Fatal())
	ps := d.Problems(msg.Problems{{Path: "title", Message: msg.T("甲", "a")}}, "f.json")
	require.Len(t, ps, 3)
	assert.Equal(t, "f.json: title", ps[0].Path, "in document order: the title's value starts first")
	assert.Equal(t, "f.json:1:13", ps[1].Path, "the bad byte, counted in characters")
	assert.Equal(t, "the file is not valid UTF-8: save it as UTF-8", ps[1].Message.EN)
	assert.Equal(t, "f.json:2:10", ps[2].Path)
	assert.Equal(t, "JSON syntax error: unexpected '}'", ps[2].Message.EN)

	_, where, _ := decode(t, " \n", Options{}, nil)
	assert.Equal(t, []string{"1:1 the input is empty: expected a document"}, where)
	_, where, _ = decode(t, "[]", Options{}, nil)
	assert.Equal(t, []string{" expected an object, got an array"}, where)

	d = NewDecoder(`{"titel": 1}`, Options{})
	d.Decode(&v, msg.T("一个文档", "a document"))
	d.Discard()
	assert.Empty(t, d.Problems(nil, ""), "discarded")
}

// English mode shows no Chinese: every problem has its English.
func TestDecoderSpeaksBothLanguages(t *testing.T) {
	_, _, ps := decode(t, `{"titel": 1, "year": "x", "tags": [1], "title": 1, "title": 2, "ok": true x}`, Options{}, nil)
	require.NotEmpty(t, ps)
	for _, p := range ps {
		assert.NotEmpty(t, p.Message.ZH)
		assert.False(t, strings.ContainsFunc(p.Message.EN, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }), p.Message.EN)
	}
}
