package dataset

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reader that says how much it holds (a file, a reader of memory) is read
// into one buffer of that size, not one grown by doubling: the bytes
// allocated stay within a few percent of the file's.
func TestReadBoundedSizesItsBufferOnce(t *testing.T) {
	text := bytes.Repeat([]byte("s000001,学校,学校,小学,d01,123,456\n"), 1<<16) // 2.4 MB
	path := filepath.Join(t.TempDir(), "data.csv")
	require.NoError(t, os.WriteFile(path, text, 0o600))
	for _, tc := range []struct {
		name string
		open func() io.Reader
	}{
		{"memory", func() io.Reader { return bytes.NewReader(text) }},
		{"file", func() io.Reader {
			f, err := os.Open(path)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.open()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b, err := readBounded(r, MaxFileSize, false)
			runtime.ReadMemStats(&after)
			require.NoError(t, err)
			assert.Equal(t, text, b)
			assert.Less(t, float64(after.TotalAlloc-before.TotalAlloc), 1.1*float64(len(text)))
		})
	}
}
