package webbuild

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawGet fetches path with the given Accept-Encoding and returns the response
// and its body as sent: the client's own transparent gzip handling is off,
// so the test sees the bytes on the wire.
func rawGet(t *testing.T, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}

func TestHandlerGzip(t *testing.T) {
	dir := t.TempDir()
	files := fakeFiles()
	require.NoError(t, writeFolder(dir, files))
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()

	for _, name := range []string{"main.wasm", "index.html"} {
		want := files[name]
		resp, body := rawGet(t, srv.URL+"/"+name, "gzip, deflate, br")
		require.Equal(t, 200, resp.StatusCode, name)
		assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"), name)
		assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"), name)
		assert.Equal(t, mimeTypes[name], resp.Header.Get("Content-Type"), "the type is the file's, not gzip's")
		assert.Less(t, len(body), len(want), "%s is sent smaller", name)
		assert.Equal(t, want, gunzip(t, body), "%s unpacks to the file", name)

		resp, body = rawGet(t, srv.URL+"/"+name, "")
		require.Equal(t, 200, resp.StatusCode, name)
		assert.Empty(t, resp.Header.Get("Content-Encoding"), "no gzip unasked for %s", name)
		assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"), name)
		assert.Equal(t, want, body, "%s is sent byte for byte", name)
	}

	// A file gzip would only make larger is sent as it is.
	resp, body := rawGet(t, srv.URL+"/style.css", "gzip")
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Equal(t, files["style.css"], body)

	// Refused by quality: the exact bytes again.
	resp, body = rawGet(t, srv.URL+"/main.wasm", "gzip;q=0, br")
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Equal(t, files["main.wasm"], body)
}

func TestHandlerGzipFollowsRebuild(t *testing.T) {
	dir := t.TempDir()
	files := fakeFiles()
	files["app.js"] = bytes.Repeat([]byte("console.log('first');\n"), 50)
	require.NoError(t, writeFolder(dir, files))
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	_, body := rawGet(t, srv.URL+"/app.js", "gzip")
	require.Equal(t, files["app.js"], gunzip(t, body))

	// A rebuild replaces the file: the next request gets the new one.
	next := bytes.Repeat([]byte("console.log('rebuilt');\n"), 50)
	path := filepath.Join(dir, "app.js")
	require.NoError(t, os.WriteFile(path, next, 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path, later, later))
	resp, body := rawGet(t, srv.URL+"/app.js", "gzip")
	require.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, next, gunzip(t, body))
}

// The compressed bytes are made once per version of a file, not per request.
func TestGzipCacheCompressesOnce(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFolder(dir, fakeFiles()))
	c := newGzipCache(dir)
	st, err := os.Stat(filepath.Join(dir, "main.wasm"))
	require.NoError(t, err)
	first := c.get("main.wasm", st)
	require.NotEmpty(t, first, "compressed when the handler was made")
	second := c.get("main.wasm", st)
	assert.Same(t, &first[0], &second[0], "the same bytes, not compressed again")
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"gzip", true},
		{"gzip, deflate, br, zstd", true},
		{"br;q=1.0, GZIP;q=0.5", true},
		{"x-gzip", true},
		{"*", true},
		{"", false},
		{"identity", false},
		{"br", false},
		{"gzip;q=0", false},
		{"gzip;q=0.000", false},
		{"*;q=0", false},
		{"*, gzip;q=0", false},
		{"gzip;q=nonsense", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, acceptsGzip(tt.header), "%q", tt.header)
	}
}
