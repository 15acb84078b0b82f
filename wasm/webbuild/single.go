package webbuild

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The tags of index.html that BuildSingleFile replaces. Each must appear
// exactly once; the page's source keeps them verbatim for that reason.
const (
	cspPrefix   = `<meta http-equiv="Content-Security-Policy" content="`
	styleTag    = `<link rel="stylesheet" href="style.css">`
	glueTag     = `<script src="wasm_exec.js"></script>`
	appTag      = `<script src="app.js"></script>`
	wasmBlockID = "eduplan-wasm"
)

// BuildSingleFile writes one self-contained HTML file to path: the style
// sheet and scripts inlined, the wasm gzipped and base64-encoded in a data
// block that the page unpacks with DecompressionStream. Its
// Content-Security-Policy allows exactly the inlined scripts and style (by
// their sha256 hashes) and no network at all, and it works when opened from
// disk (file://). opt.OutDir is not used.
func BuildSingleFile(ctx context.Context, opt Options, path string) error {
	if path == "" {
		return errors.New("webbuild: BuildSingleFile needs an output path")
	}
	if err := notAnInputFile(ctx, opt, path); err != nil {
		return err
	}
	files, err := build(ctx, opt)
	if err != nil {
		return err
	}
	page, err := SingleFile(files)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("webbuild: %w", err)
		}
	}
	return writeFileAtomic(path, page)
}

// SingleFile assembles the self-contained page from the files of a static
// build (keyed by the names in StaticFiles()). When files also holds
// "main.wasm.gz", the wasm gzipped, that is inlined as it is.
func SingleFile(files map[string][]byte) ([]byte, error) {
	for _, name := range StaticFiles() {
		if files[name] == nil {
			return nil, fmt.Errorf("webbuild: single file: %s is missing", name)
		}
	}
	// The page built into a release binary comes gzipped already.
	gz := files[wasmGz]
	if gz == nil {
		var err error
		if gz, err = gzipBest(files["main.wasm"]); err != nil {
			return nil, err
		}
	}
	style, err := rawText(files["style.css"], "style", "style.css")
	if err != nil {
		return nil, err
	}
	glue, err := rawText(files["wasm_exec.js"], "script", "wasm_exec.js")
	if err != nil {
		return nil, err
	}
	app, err := rawText(files["app.js"], "script", "app.js")
	if err != nil {
		return nil, err
	}
	// A data block of an unknown script type is never run, so the policy
	// need not allow it.
	block := `<script type="application/octet-stream" id="` + wasmBlockID + `" data-encoding="gzip+base64">` +
		base64.StdEncoding.EncodeToString(gz) + "</script>\n"
	csp := "default-src 'none'; script-src " + hash(glue) + " " + hash(app) +
		" 'wasm-unsafe-eval'; style-src " + hash(style) +
		"; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

	html := string(files["index.html"])
	html, err = replaceCSP(html, csp)
	if err != nil {
		return nil, err
	}
	for _, r := range []struct{ tag, with string }{
		{styleTag, "<style>" + style + "</style>"},
		{glueTag, "<script>" + glue + "</script>"},
		{appTag, block + "<script>" + app + "</script>"},
	} {
		if n := strings.Count(html, r.tag); n != 1 {
			return nil, fmt.Errorf("webbuild: single file: index.html must contain %s exactly once, found %d", r.tag, n)
		}
		// A function replacement: the inlined text may contain "$".
		i := strings.Index(html, r.tag)
		html = html[:i] + r.with + html[i+len(r.tag):]
	}
	return []byte(html), nil
}

// rawText checks that a file can be inlined in an HTML raw-text element:
// its closing tag or a comment opener inside would end or confuse it.
func rawText(data []byte, elem, name string) (string, error) {
	lower := strings.ToLower(string(data))
	for _, bad := range []string{"</" + elem, "<!--"} {
		if i := strings.Index(lower, bad); i >= 0 {
			return "", fmt.Errorf("webbuild: single file: %s cannot be inlined: it contains %q at byte %d", name, bad, i)
		}
	}
	return string(data), nil
}

// hash is a CSP source expression allowing one inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// replaceCSP swaps the content of the page's Content-Security-Policy meta.
func replaceCSP(html, csp string) (string, error) {
	if n := strings.Count(html, cspPrefix); n != 1 {
		return "", fmt.Errorf("webbuild: single file: index.html must contain one Content-Security-Policy meta (%s…), found %d", cspPrefix, n)
	}
	i := strings.Index(html, cspPrefix) + len(cspPrefix)
	j := strings.IndexByte(html[i:], '"')
	if j < 0 {
		return "", errors.New("webbuild: single file: the Content-Security-Policy meta is not closed")
	}
	return html[:i] + csp + html[i+j:], nil
}
