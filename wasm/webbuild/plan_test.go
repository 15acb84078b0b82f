package webbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

// hostile is a plan whose texts would end the data block, open a comment or
// inject markup if they were copied into the page as they are.
func hostile() *Plan {
	return &Plan{
		Name:   `a"b<i>.json`,
		JSON:   []byte(`{"title": {"zh": "甲</script><!-- & <b>x</b>", "en": "\u2028"}, "year": 2019}`),
		Title:  msg.T("甲</script><!-- & <b>x</b>", "A"),
		Issuer: msg.T("", "Bureau & co"),
		Year:   2019,
	}
}

// pageIndex is a small index.html with every tag withPlan and SingleFile use.
func pageIndex() []byte {
	return []byte(`<!doctype html><html><head>` +
		`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">` +
		`<title>教育工作要点 · 自评工具</title><link rel="stylesheet" href="style.css"></head><body>` +
		`<h1 id="plan-title">正在加载…</h1><p class="plan-meta" id="plan-meta"></p>` +
		`<script src="wasm_exec.js"></script>` + "\n" + `<script src="app.js"></script></body></html>`)
}

var planBlock = regexp.MustCompile(`<script type="application/json" id="eduplan-plan" data-name="([^"]*)">([^<]*)</script>`)

func TestWithPlan(t *testing.T) {
	p := hostile()
	out, err := withPlan(pageIndex(), p)
	require.NoError(t, err)
	page := string(out)

	m := planBlock.FindStringSubmatch(page)
	require.NotNil(t, m, "one data block, holding no '<' at all: %s", page)
	assert.Equal(t, `a&#34;b&lt;i&gt;.json`, m[1])
	var got, want any
	require.NoError(t, json.Unmarshal([]byte(m[2]), &got))
	require.NoError(t, json.Unmarshal(p.JSON, &want))
	assert.Equal(t, want, got, "the block reads back as the plan file")
	assert.Less(t, strings.Index(page, m[0]), strings.Index(page, glueTag), "the plan is in place before the scripts run")

	assert.Contains(t, page, `<title>甲&lt;/script&gt;&lt;!-- &amp; &lt;b&gt;x&lt;/b&gt;</title>`)
	assert.Contains(t, page, `<h1 id="plan-title">甲&lt;/script&gt;&lt;!-- &amp; &lt;b&gt;x&lt;/b&gt;</h1>`)
	assert.Contains(t, page, `<p class="plan-meta" id="plan-meta">Bureau &amp; co · 2019</p>`, "English when the plan has no Chinese")
	assert.Equal(t, 3, strings.Count(page, "</script>"), "the block's end and the two scripts' only: %s", page)
	assert.NotContains(t, page, "<!--")
	assert.NotContains(t, page, "<b>")

	// SingleFile takes the page with its plan as it is.
	files := fakeFiles()
	files["index.html"] = out
	single, err := SingleFile(files)
	require.NoError(t, err)
	assert.Equal(t, m[0], planBlock.FindString(string(single)))
}

func TestWithPlanRefuses(t *testing.T) {
	tests := []struct {
		name  string
		index string
		json  string
		want  string
	}{
		{"not JSON", string(pageIndex()), `{"title": `, "not valid JSON"},
		{"no title", strings.Replace(string(pageIndex()), "<title>", "<titl>", 1), `{}`, "<title>"},
		{"no heading", strings.Replace(string(pageIndex()), `id="plan-title"`, `id="x"`, 1), `{}`, `plan-title`},
		{"two glue tags", string(pageIndex()) + glueTag, `{}`, "wasm_exec.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := withPlan([]byte(tt.index), &Plan{Name: "p.json", JSON: []byte(tt.json)})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestRealIndexTakesPlan(t *testing.T) {
	root, err := ModuleRoot()
	require.NoError(t, err)
	files, err := sources(root)
	require.NoError(t, err)
	out, err := withPlan(files["index.html"], hostile())
	require.NoError(t, err)
	assert.Contains(t, string(out), `<h1 id="plan-title">甲&lt;/script&gt;`)
	assert.Contains(t, string(files["app.js"]), `getElementById('`+planBlockID+`')`, "app.js reads the block")
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	b, err := gzipBest(data)
	require.NoError(t, err)
	return b
}

// withEmbedded makes the binary carry a page for the test's duration, as a
// build with -tags embedpage does.
func withEmbedded(t *testing.T, wasm []byte) {
	t.Helper()
	prev := embeddedPage
	t.Cleanup(func() { embeddedPage = prev })
	fsys := fstest.MapFS{}
	for name, data := range map[string][]byte{
		"index.html": pageIndex(), "app.js": []byte("app();"), "style.css": []byte("b{}"),
		"wasm_exec.js": []byte("glue();"), wasmGz: gz(t, wasm),
	} {
		fsys[EmbeddedDir+"/"+name] = &fstest.MapFile{Data: data}
	}
	embeddedPage = fsys
}

// A binary that carries the page builds it with no toolchain and outside
// any clone: here the go command does not exist and the working folder has
// no go.mod above it.
func TestEmbeddedPageNeedsNoToolchain(t *testing.T) {
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("page"), 500)...)
	withEmbedded(t, wasm)
	require.True(t, Embedded())
	dir := t.TempDir()
	t.Chdir(dir)
	_, err := ModuleRoot()
	require.Error(t, err, "the test runs outside the module")

	opt := Options{OutDir: "web", GoCmd: filepath.Join(dir, "no-such-go"), Plan: hostile()}
	ctx := context.Background()
	require.NoError(t, BuildStatic(ctx, opt))
	got, err := os.ReadFile(filepath.Join("web", "main.wasm"))
	require.NoError(t, err)
	assert.Equal(t, wasm, got, "the wasm is unpacked for the folder")
	index, err := os.ReadFile(filepath.Join("web", "index.html"))
	require.NoError(t, err)
	assert.Regexp(t, planBlock, string(index))

	require.NoError(t, BuildSingleFile(ctx, opt, "one.html"))
	single, err := os.ReadFile("one.html")
	require.NoError(t, err)
	assert.Contains(t, string(single), `<h1 id="plan-title">甲&lt;/script&gt;`)
	m := regexp.MustCompile(`id="eduplan-wasm" data-encoding="gzip\+base64">([^<]*)<`).FindSubmatch(single)
	require.NotNil(t, m)
	packed, err := base64.StdEncoding.DecodeString(string(m[1]))
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	require.NoError(t, err)
	unpacked, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, unpacked)

	// Still no writing over a Go source file.
	err = BuildSingleFile(ctx, opt, "main.go")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Go source")
}

func TestEmbeddedPageDamaged(t *testing.T) {
	withEmbedded(t, []byte("x"))
	embeddedPage.(fstest.MapFS)[EmbeddedDir+"/"+wasmGz] = &fstest.MapFile{Data: []byte("not gzip")}
	_, err := build(context.Background(), Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "main.wasm.gz")
}

// Without the tag (as go test builds this package) the binary carries no
// page and builds from the source.
func TestNoEmbeddedPageByDefault(t *testing.T) {
	assert.False(t, Embedded())
}

// A folder that holds a complete build is served as it is, unless a plan
// is given: then the page is built into it again, carrying the plan.
func TestServeWithPlanRebuildsFolder(t *testing.T) {
	withEmbedded(t, []byte("\x00asm"))
	dir := t.TempDir()
	require.NoError(t, writeFolder(dir, fakeFiles()))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, "127.0.0.1:0", Options{OutDir: dir, Plan: hostile()}, func(u string) { urls <- u })
	}()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("Serve returned before ready: %v", err)
	}
	resp, err := http.Get(url)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Regexp(t, planBlock, string(body))
	cancel()
	require.NoError(t, <-done)
}
