package webbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// A release build of eduplan carries the page, so that build-web and serve
// need neither the Go toolchain nor the source. The page is generated into
// the folder page/ next to this file (not kept in git) and embedded only
// with the build tag embedpage:
//
//	go generate ./wasm/webbuild
//	go build -tags embedpage ./cmd/eduplan
//
// A tag rather than "embed when present": a page generated once and
// forgotten would otherwise be built silently into every later binary of a
// clone, and its edits to the page would not show. With the tag and no
// generated page the build fails, naming the missing files.

//go:generate go run ./internal/genpage -o page

// embeddedPage is the page built into this binary, nil without the tag.
var embeddedPage fs.FS

// EmbeddedDir is the folder, relative to this package, that GeneratePage
// fills and the embedpage build embeds.
const EmbeddedDir = "page"

// wasmGz is the gzipped wasm's name in the generated folder: gzipped, the
// wasm is a quarter of its size in the binary, and a single file needs it
// gzipped anyway.
const wasmGz = "main.wasm.gz"

// Embedded reports whether this binary carries the page; if not, building it
// needs the Go toolchain and a clone of the source.
func Embedded() bool { return embeddedPage != nil }

// embeddedFiles are the files of the page built into the binary.
func embeddedFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, name := range append(append([]string{}, sourceFiles...), "wasm_exec.js", wasmGz) {
		data, err := fs.ReadFile(embeddedPage, path.Join(EmbeddedDir, name))
		if err != nil {
			return nil, fmt.Errorf("webbuild: the page built into eduplan: %w", err)
		}
		files[name] = data
	}
	zr, err := gzip.NewReader(bytes.NewReader(files[wasmGz]))
	if err != nil {
		return nil, fmt.Errorf("webbuild: the page built into eduplan: %s: %w", wasmGz, err)
	}
	if files["main.wasm"], err = io.ReadAll(zr); err != nil {
		return nil, fmt.Errorf("webbuild: the page built into eduplan: %s: %w", wasmGz, err)
	}
	return files, nil
}

// GeneratePage compiles the page from the module's source (never from a page
// built into the running binary) and writes into dir what the embedpage
// build embeds: index.html, app.js, style.css, wasm_exec.js and the wasm
// gzipped as main.wasm.gz. The files are replaced whole.
func GeneratePage(ctx context.Context, opt Options, dir string) error {
	files, err := buildFromSource(ctx, opt)
	if err != nil {
		return err
	}
	if files[wasmGz], err = gzipBest(files["main.wasm"]); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	for _, name := range append(append([]string{}, sourceFiles...), "wasm_exec.js", wasmGz) {
		if err := writeFileAtomic(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	return nil
}

// gzipBest compresses data at the best level.
func gzipBest(data []byte) ([]byte, error) {
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}
