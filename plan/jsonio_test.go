package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A broken document still reports what was read before the syntax error:
// the reader scans and checks in one pass.
func TestBrokenDocumentReportsWhatCameBefore(t *testing.T) {
	_, err := Parse([]byte("{\"format\": \"eduplan.plan/v1\", \"titel\": {\"zh\": \"x\"},\n \"year\": 2017,}"))
	ps := problems(t, err)
	require.Len(t, ps, 2, "%v", err)
	assert.Equal(t, "titel", ps[0].Path)
	assert.Equal(t, `unknown field "titel": did you mean "title"?`, ps[0].Message.EN)
	assert.Equal(t, "2:15", ps[1].Path)
	assert.Equal(t, "JSON syntax error: expected a quoted key", ps[1].Message.EN)
}
