package webbuild

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// ContentSecurityPolicy is the policy of the static page, also sent as a
// header by Serve: the page loads only its own files and talks to nobody.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var mimeTypes = map[string]string{
	"index.html":   "text/html; charset=utf-8",
	"app.js":       "text/javascript; charset=utf-8",
	"wasm_exec.js": "text/javascript; charset=utf-8",
	"style.css":    "text/css; charset=utf-8",
	"main.wasm":    "application/wasm",
}

// complete reports whether dir holds every file of a static build.
func complete(dir string) bool {
	for _, name := range StaticFiles() {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// Serve serves the page on addr ("127.0.0.1:0" picks a free port) until ctx
// ends, then shuts the server down and returns nil.
//
// With opt.OutDir empty it builds into a temporary folder, removed when Serve
// returns. With opt.OutDir set it serves that folder as it is when it holds a
// complete build, and builds into it first otherwise or when opt.Plan is set. ready, if not nil, is
// called with the page's URL once the server accepts connections.
//
// Only the five files of the page are served, each with its MIME type
// (application/wasm for main.wasm, which WebAssembly.instantiateStreaming
// requires), no caching (a rebuild is seen on reload) and the page's
// Content-Security-Policy as a header. A browser that accepts gzip gets the
// files gzipped, compressed once (see Handler).
func Serve(ctx context.Context, addr string, opt Options, ready func(url string)) error {
	dir := opt.OutDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "eduplan-web-")
		if err != nil {
			return fmt.Errorf("webbuild: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	// A plan given now goes into the page even when the folder holds one.
	if !complete(dir) || opt.Plan != nil {
		o := opt
		o.OutDir = dir
		if err := BuildStatic(ctx, o); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	srv := &http.Server{Handler: Handler(dir), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	select {
	case err := <-errc:
		return fmt.Errorf("webbuild: serving: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("webbuild: stopping: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("webbuild: serving: %w", err)
	}
	return nil
}

// Handler serves the files of a static build in dir: "/" is index.html, the
// other four by name; anything else is 404.
//
// A request whose Accept-Encoding allows gzip gets the file gzipped
// (Content-Encoding: gzip); any other gets its exact bytes. The files are
// compressed when the handler is made and again only when one changes on
// disk, never per request. Every answer says Vary: Accept-Encoding, so that
// no cache hands the gzipped bytes to a client that did not ask for them.
func Handler(dir string) http.Handler {
	gz := newGzipCache(dir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := r.URL.Path[1:]
		if name == "" {
			name = "index.html"
		}
		mime, ok := mimeTypes[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", mime)
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("Referrer-Policy", "no-referrer")
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			if data := gz.get(name, st); data != nil {
				h.Set("Content-Encoding", "gzip")
				http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(data))
				return
			}
		}
		http.ServeContent(w, r, name, st.ModTime(), f)
	})
}
