package webbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModulePath(t *testing.T) {
	tests := []struct {
		gomod, want string
	}{
		{"module github.com/eduplan/eduplan\n\ngo 1.26\n", "github.com/eduplan/eduplan"},
		{"// comment\nmodule \"example.com/x\"\n", "example.com/x"},
		{"  module\texample.com/tab  \n", "example.com/tab"},
		{"modules example.com/no\n", ""},
		{"go 1.26\n", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, modulePath([]byte(tt.gomod)), "%q", tt.gomod)
	}
}

func TestModuleRootFromSubfolder(t *testing.T) {
	root, err := ModuleRoot()
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	assert.Equal(t, ModulePath, modulePath(data))
	assert.FileExists(t, filepath.Join(root, "wasm", "static", "index.html"))
}

func TestModuleRootOutsideModule(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/other\n"), 0o644))
	t.Chdir(dir)
	_, err := ModuleRoot()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"example.com/other"`)
}

// fakeFiles are the files of a static build with a small index.html that has
// every tag SingleFile replaces.
func fakeFiles() map[string][]byte {
	return map[string][]byte{
		"index.html": []byte(`<!doctype html><html><head>` +
			`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">` +
			`<link rel="stylesheet" href="style.css"></head><body>` +
			`<script src="wasm_exec.js"></script>` + "\n" + `<script src="app.js"></script></body></html>`),
		"app.js":       []byte("console.log('app $& $1');\n"),
		"style.css":    []byte("body { color: #123; }\n"),
		"wasm_exec.js": []byte("globalThis.Go = class {};\n"),
		"main.wasm":    append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm"), 1000)...),
	}
}

func TestSingleFile(t *testing.T) {
	files := fakeFiles()
	out, err := SingleFile(files)
	require.NoError(t, err)
	page := string(out)

	for _, tag := range []string{styleTag, glueTag, appTag} {
		assert.NotContains(t, page, tag, "the external reference must be inlined")
	}
	// The inlined texts are verbatim ("$&" must not be expanded).
	assert.Contains(t, page, "<style>body { color: #123; }\n</style>")
	assert.Contains(t, page, "<script>globalThis.Go = class {};\n</script>")
	assert.Contains(t, page, "<script>console.log('app $& $1');\n</script>")

	// The policy allows exactly the inline texts, by hash, and no network.
	csp := regexp.MustCompile(`content="([^"]*)"`).FindStringSubmatch(page)[1]
	assert.Contains(t, csp, hash("globalThis.Go = class {};\n"))
	assert.Contains(t, csp, hash("console.log('app $& $1');\n"))
	assert.Contains(t, csp, "style-src "+hash("body { color: #123; }\n"))
	assert.Contains(t, csp, "default-src 'none'")
	assert.Contains(t, csp, "connect-src 'none'")
	assert.Contains(t, csp, "'wasm-unsafe-eval'")
	assert.NotContains(t, csp, "'unsafe-inline'")

	// The wasm unpacks to the same bytes, and comes before the app script.
	m := regexp.MustCompile(`<script type="application/octet-stream" id="eduplan-wasm" data-encoding="gzip\+base64">([A-Za-z0-9+/=]+)</script>`).FindStringSubmatchIndex(page)
	require.NotNil(t, m)
	assert.Less(t, m[0], strings.Index(page, "<script>console.log"))
	gz, err := base64.StdEncoding.DecodeString(page[m[2]:m[3]])
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	wasm, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, files["main.wasm"], wasm)
	assert.Less(t, len(gz), len(wasm), "the wasm is compressed")
}

func TestSingleFileRefuses(t *testing.T) {
	tests := []struct {
		name   string
		change func(map[string][]byte)
		want   string
	}{
		{"missing wasm", func(f map[string][]byte) { delete(f, "main.wasm") }, "main.wasm is missing"},
		{"script end in app", func(f map[string][]byte) { f["app.js"] = []byte("x = '</SCRIPT>'") }, `app.js cannot be inlined: it contains "</script"`},
		{"comment in glue", func(f map[string][]byte) { f["wasm_exec.js"] = []byte("a <!-- b") }, `wasm_exec.js cannot be inlined: it contains "<!--"`},
		{"style end in css", func(f map[string][]byte) { f["style.css"] = []byte("a{} </style>") }, `style.css cannot be inlined`},
		{"no policy", func(f map[string][]byte) {
			f["index.html"] = bytes.Replace(f["index.html"], []byte("Content-Security-Policy"), []byte("X"), 1)
		}, "one Content-Security-Policy meta"},
		{"tag twice", func(f map[string][]byte) {
			f["index.html"] = bytes.Replace(f["index.html"], []byte(appTag), []byte(appTag+appTag), 1)
		}, "exactly once, found 2"},
		{"tag missing", func(f map[string][]byte) {
			f["index.html"] = bytes.Replace(f["index.html"], []byte(styleTag), nil, 1)
		}, "exactly once, found 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fakeFiles()
			tt.change(files)
			_, err := SingleFile(files)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// The page's own index.html must keep every tag SingleFile replaces.
func TestRealIndexHasTags(t *testing.T) {
	root, err := ModuleRoot()
	require.NoError(t, err)
	files, err := sources(root)
	require.NoError(t, err)
	files["wasm_exec.js"] = []byte("/* glue */")
	files["main.wasm"] = []byte("\x00asm")
	_, err = SingleFile(files)
	require.NoError(t, err)
	assert.Contains(t, string(files["index.html"]), `content="`+strings.ReplaceAll(ContentSecurityPolicy, "; frame-ancestors 'none'", "")+`"`,
		"the page's meta policy is the served one (less frame-ancestors, which a meta cannot set)")
}

func TestWriteFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	files := fakeFiles()
	require.NoError(t, writeFolder(dir, files))
	files["app.js"] = []byte("second")
	require.NoError(t, writeFolder(dir, files))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, StaticFiles(), names, "no temporary file is left behind")
	got, err := os.ReadFile(filepath.Join(dir, "app.js"))
	require.NoError(t, err)
	assert.Equal(t, "second", string(got))
}

func TestFailedBuildLeavesPreviousBuild(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFolder(dir, fakeFiles()))
	err := BuildStatic(context.Background(), Options{OutDir: dir, GoCmd: filepath.Join(dir, "no-such-go")})
	require.Error(t, err)
	for name, want := range fakeFiles() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, want, got, name)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, len(StaticFiles()), "no temporary file is left behind")
}

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFolder(dir, fakeFiles()))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("no"), 0o644))
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()

	tests := []struct {
		method, path string
		status       int
		mime         string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8"},
		{"GET", "/main.wasm", 200, "application/wasm"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8"},
		{"HEAD", "/style.css", 200, "text/css; charset=utf-8"},
		{"GET", "/secret.txt", 404, ""},
		{"GET", "/../go.mod", 404, ""},
		{"GET", "/static/", 404, ""},
		{"POST", "/", 405, ""},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, tt.status, resp.StatusCode, "%s %s", tt.method, tt.path)
		if tt.mime != "" {
			assert.Equal(t, tt.mime, resp.Header.Get("Content-Type"), tt.path)
			assert.Equal(t, ContentSecurityPolicy, resp.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
		}
	}
}

func TestServeExistingFolder(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFolder(dir, fakeFiles()))
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, "127.0.0.1:0", Options{OutDir: dir, GoCmd: "/nonexistent/go"}, func(u string) { urls <- u })
	}()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("Serve returned before ready: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not become ready")
	}
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/$`, url)
	resp, err := http.Get(url + "main.wasm")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
	assert.Equal(t, fakeFiles()["main.wasm"], body)

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop when its context ended")
	}
	_, err = http.Get(url)
	assert.Error(t, err, "the server is closed")
}

func TestServeBuildFailureIsReported(t *testing.T) {
	// An incomplete folder needs a build; a go command that does not exist
	// makes it fail, and Serve says so instead of serving half a page.
	dir := t.TempDir()
	err := Serve(context.Background(), "127.0.0.1:0", Options{OutDir: dir, GoCmd: filepath.Join(dir, "no-go")}, func(string) {
		t.Error("ready must not be called")
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no-go")
	assert.NoFileExists(t, filepath.Join(dir, "index.html"))
}

func TestBuildStaticRefusesSourceFolder(t *testing.T) {
	root, err := ModuleRoot()
	require.NoError(t, err)
	err = BuildStatic(context.Background(), Options{OutDir: filepath.Join(root, "wasm", "static")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "source folder")
	err = BuildSingleFile(context.Background(), Options{}, filepath.Join(root, "wasm", "static", "index.html"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "source files")
	err = BuildStatic(context.Background(), Options{})
	require.Error(t, err)

	glue, err := wasmExecPath(context.Background(), Options{})
	require.NoError(t, err)
	err = BuildStatic(context.Background(), Options{OutDir: filepath.Dir(glue)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "toolchain")
	for _, p := range []string{glue, filepath.Join(root, "wasm", "main.go"), filepath.Join(root, "go.mod")} {
		err = BuildSingleFile(context.Background(), Options{}, p)
		require.Error(t, err, p)
	}
}

// The page's app.js carries the .xlsx reader, kept apart in the source.
func TestAppCarriesTheXlsxReader(t *testing.T) {
	root, err := ModuleRoot()
	require.NoError(t, err)
	files, err := sources(root)
	require.NoError(t, err)
	reader, err := os.ReadFile(filepath.Join(root, "wasm", "static", "xlsx.js"))
	require.NoError(t, err)
	app, err := os.ReadFile(filepath.Join(root, "wasm", "static", "app.js"))
	require.NoError(t, err)
	assert.Equal(t, string(reader)+"\n"+string(app), string(files["app.js"]))
	assert.Error(t, notAnInputFile(context.Background(), Options{}, filepath.Join(root, "wasm", "static", "xlsx.js")))
}
