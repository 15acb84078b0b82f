package webbuild

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The page's wasm is about 8 MB and gzips to about a quarter of that; on a
// school's slow line the download is most of the page's start-up. So Serve
// sends every file gzipped to a browser that accepts it. Compressing the
// wasm at the best level takes most of a second, far too long to repeat per
// request: each file is compressed once, when the handler is made, and again
// only when the file on disk changes (a rebuild into the served folder).

// gzipped is one file's compressed bytes and the version of the file they
// were made from.
type gzipped struct {
	modTime time.Time
	size    int64
	data    []byte // nil when gzip does not make the file smaller
}

// gzipCache holds the compressed files of one served folder.
type gzipCache struct {
	dir   string
	mu    sync.Mutex
	files map[string]*gzipped
}

func newGzipCache(dir string) *gzipCache {
	c := &gzipCache{dir: dir, files: map[string]*gzipped{}}
	for _, name := range StaticFiles() {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
			c.get(name, st)
		}
	}
	return c
}

// get returns the compressed form of the file name as stat describes it, or
// nil when it has none (unreadable, or no smaller gzipped). A file that
// changed since it was compressed is compressed again.
func (c *gzipCache) get(name string, st os.FileInfo) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if g := c.files[name]; g != nil && g.modTime.Equal(st.ModTime()) && g.size == st.Size() {
		return g.data
	}
	raw, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil || int64(len(raw)) != st.Size() {
		// Changed while being read: serve it plain this time.
		return nil
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	zw.Write(raw)                                            // writes to a bytes.Buffer do not fail
	zw.Close()
	g := &gzipped{modTime: st.ModTime(), size: st.Size()}
	if buf.Len() < len(raw) {
		g.data = buf.Bytes()
	}
	c.files[name] = g
	return g.data
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: named
// with a non-zero quality, or allowed by "*" without being refused by name.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		ok := true
		for _, p := range strings.Split(params, ";") {
			k, v, found := strings.Cut(strings.TrimSpace(p), "=")
			if found && strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				ok = err == nil && q > 0
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return ok
		case "*":
			star = ok
		}
	}
	return star
}
