package plan

import (
	"bytes"
	stdjson "encoding/json"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokens reads every token and the offset after it.
func tokens(t testing.TB, dec interface {
	Token() (jsonToken, error)
	InputOffset() int64
}) (toks []jsonToken, err error) {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		toks = append(toks, tok)
	}
}

// The fast scanner must give exactly the tokens encoding/json's Decoder
// gives for any valid document: the strict loader reads one or the other.
func checkSameTokens(t testing.TB, data []byte) {
	if !stdjson.Valid(data) {
		return
	}
	want, werr := tokens(t, newTokenReader(bytes.NewReader(data)))
	got, gerr := tokens(t, &scanTokens{data: data})
	require.Equal(t, werr == nil, gerr == nil, "errors: %v / %v", werr, gerr)
	require.Equal(t, want, got)
}

func TestScanTokensMatchesEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{}`, `[]`, `null`, `true`, `-1.5e+3`, `"plain"`,
		`{"a":[1,2.50,{"b":null}],"c":true,"d":false}`,
		`{"esc":"a\"b\\c\u4e2d\ud83d\ude00\/","中文":"镇江"}`,
		" {\n\t\"ws\" : [ 1 , 2 ] } \n",
		"{\"bad\":\"\xff\xfe\"}", // invalid UTF-8 inside a string
		`{"dup":1,"dup":2}`,
	} {
		t.Run(doc, func(t *testing.T) { checkSameTokens(t, []byte(doc)) })
	}
	for _, file := range []string{"testdata/plan.json", "../seeds/zhenjiang2017.json"} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		checkSameTokens(t, data)
	}
}

// Loading a document takes the fast path only when it is valid; a broken
// one still reports what was read before the syntax error.
func TestBrokenDocumentUsesTheCheckingReader(t *testing.T) {
	_, ok := newStrictDecoder([]byte(`{"id": "x"}`)).dec.(*scanTokens)
	assert.True(t, ok)
	_, ok = newStrictDecoder([]byte(`{"id": "x",}`)).dec.(*scanTokens)
	assert.False(t, ok)
}

func FuzzScanTokens(f *testing.F) {
	f.Add([]byte(`{"a":[1,"x\u00e9",null,true]}`))
	f.Add([]byte(`"\ud800"`))
	f.Add([]byte("[\"\xff\"]"))
	f.Fuzz(func(t *testing.T, data []byte) { checkSameTokens(t, data) })
}
