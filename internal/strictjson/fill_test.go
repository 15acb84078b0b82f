package strictjson

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type upper string

func (u *upper) UnmarshalText(b []byte) error { *u = upper("<" + string(b) + ">"); return nil }

type sample struct {
	Z  string            `json:"z"`
	A  string            `json:"a"`
	N  int               `json:"n,omitempty"`
	F  float64           `json:"f"`
	B  bool              `json:"b"`
	P  *int              `json:"p"`
	S  []string          `json:"s"`
	M  map[string]string `json:"m"`
	U  upper             `json:"u"`
	X  any               `json:"x"`
	No string            `json:"-"`
}

// Fill reads what encoding/json reads, for the documents it is for.
func TestFillAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{"a":"中\u6587","n":-3,"f":99.25,"b":true,"p":7,"s":["x","y"],"m":{"k":"v"},"u":"t","x":{"q":[1,"2",null]},"z":"in"}`,
		`{"s":[],"m":{},"p":null,"x":null}`,
		`{}`,
	} {
		root, serr := Parse(doc)
		require.Nil(t, serr, doc)
		var got, want sample
		require.NoError(t, Fill(root, &got), doc)
		require.NoError(t, json.Unmarshal([]byte(doc), &want), doc)
		assert.Equal(t, want, got, doc)
	}
}

func TestFillRefusesWhatDoesNotFit(t *testing.T) {
	for _, doc := range []string{
		`{"colour":"red"}`, // a key the struct does not have
		`{"a":null}`,       // null where the value cannot be nil
		`{"a":1}`,          // a number for a string
		`{"n":2017.5}`,     // not an integer
		`{"n":"2017"}`,     // a string for a number
		`{"n":1e40}`,       // out of range
		`{"s":{"k":"v"}}`,  // an object for a list
		`{"m":{"k":1}}`,    // a number in a map of strings
		`{"b":"true"}`,     // a string for a boolean
	} {
		root, serr := Parse(doc)
		require.Nil(t, serr, doc)
		var got sample
		assert.Error(t, Fill(root, &got), doc)
	}
	root, _ := Parse(`{}`)
	assert.Error(t, Fill(root, sample{}), "not a pointer")
}
