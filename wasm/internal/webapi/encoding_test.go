package webapi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page decodes files itself; a Shift-JIS file it read as GBK reaches Go
// with garbled headers, and the hint about the encoding must reach the
// page as it reaches the command line.
func TestImportNamesTheEncodingTheGuessCameFrom(t *testing.T) {
	garbled := "妛峑僐乕僪,妛峑柤\n1001,京口\n"
	for _, tc := range []struct {
		encoding string
		hint     bool
	}{{"GB18030/GBK", true}, {"UTF-8", false}, {"", false}} {
		a := call(t, fixtureSession(t), "importData", map[string]string{"name": "s.csv", "text": garbled, "encoding": tc.encoding})
		require.Equal(t, false, a["ok"])
		var es struct {
			DataErrors []dataError `json:"dataErrors"`
		}
		decodeInto(t, a, &es)
		found := false
		for _, e := range es.DataErrors {
			if e.Reason.ZH != "" && assert.NotEmpty(t, e.Reason.EN) && strings.Contains(e.Reason.EN, "decoded as GBK, are not recognised") {
				found = true
				assert.Contains(t, e.Reason.ZH, "Shift-JIS")
			}
		}
		assert.Equal(t, tc.hint, found, "encoding %q", tc.encoding)
	}
}
