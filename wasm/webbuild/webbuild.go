// Package webbuild builds and serves the eduplan browser page: the
// WebAssembly build of the library (package main in the module's wasm
// folder), the Go toolchain's wasm_exec.js glue and the static page.
//
// The page can be delivered three ways: a static folder for any web server
// (BuildStatic), one self-contained HTML file that works when opened from disk
// (BuildSingleFile), or a local server for one person (Serve).
//
// Building needs the module's source (the wasm is compiled from it) and a Go
// toolchain, found from the working directory by walking up to the module's
// go.mod, unless the running binary carries the page (Embedded, a release
// build; see GeneratePage). A page may carry a plan of its own (Options.Plan)
// instead of the seed. Every output is written whole or not at all: each
// file goes to a temporary file in its destination folder and is renamed
// into place.
package webbuild

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/eduplan/eduplan/internal/safefile"
)

// ModulePath is the module whose wasm folder is built.
const ModulePath = "github.com/eduplan/eduplan"

// Options tell the builders where to write and which toolchain to use.
type Options struct {
	// OutDir is the folder BuildStatic writes and Serve serves. Serve builds
	// into a temporary folder when it is empty.
	OutDir string
	// GoCmd is the go command; "go" when empty.
	GoCmd string
	// Stderr receives the compiler's messages as they come; they are also
	// part of the returned error when the build fails.
	Stderr io.Writer
	// Plan, if not nil, is carried by the page and opened at start-up in
	// place of the seed embedded in the wasm.
	Plan *Plan
}

// StaticFiles() are the files of a static build, in the order they are written.
func StaticFiles() []string {
	return []string{"index.html", "app.js", "style.css", "wasm_exec.js", "main.wasm"}
}

// sourceFiles are the hand-written files of the page in the module's
// wasm/static folder.
var sourceFiles = []string{"index.html", "app.js", "style.css"}

// appParts are scripts of wasm/static that the build puts ahead of app.js,
// in the page's one app.js: the page keeps its list of files, the single
// file its one inline script and policy hash, and a release binary what it
// embeds, while the scripts stay apart in the source, each tested alone.
var appParts = []string{"xlsx.js"}

func (o Options) goCmd() string {
	if o.GoCmd == "" {
		return "go"
	}
	return o.GoCmd
}

// ModuleRoot returns the root folder of the eduplan module, found by walking
// up from the working directory to a go.mod that declares ModulePath.
func ModuleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("webbuild: working directory: %w", err)
	}
	for dir := wd; ; {
		gomod := filepath.Join(dir, "go.mod")
		if data, err := os.ReadFile(gomod); err == nil {
			if mod := modulePath(data); mod != ModulePath {
				return "", fmt.Errorf("webbuild: %s declares module %q, not %s: run from inside a clone of eduplan", gomod, mod, ModulePath)
			}
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("webbuild: no go.mod above %s: run from inside a clone of eduplan (module %s)", wd, ModulePath)
		}
		dir = parent
	}
}

// modulePath reads the module directive of a go.mod file.
func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// BuildWasm compiles the module's wasm folder (GOOS=js GOARCH=wasm, with
// wasmBuildFlags) into the file path, replacing it whole.
func BuildWasm(ctx context.Context, opt Options, path string) error {
	root, err := ModuleRoot()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	tmp, err := tempName(abs)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := compile(ctx, opt, root, tmp); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	return nil
}

// wasmBuildFlags are the go build flags of the page's wasm.
//
// -trimpath and -ldflags=-s -w keep file paths and symbol tables out of it.
// The -gcflags turn off inlining everywhere but in the runtime and its
// maps, which every map access goes through: under WebAssembly the function
// tables for inlined calls gzip badly, and without them the page's wasm is
// about 170 KB smaller gzipped (2.03 MB → 1.86 MB; BenchmarkWasmSize,
// TestWasmSizeBudget). Smaller code is also less for the browser to compile
// at every start: the start-up calls (BenchmarkStartCalls in webapi, run
// cold under WebAssembly) took about a fifth less CPU time in all.
var wasmBuildFlags = []string{
	"-trimpath",
	"-ldflags=-s -w",
	"-gcflags=all=-l",
	"-gcflags=runtime=",
	"-gcflags=internal/runtime/maps=",
}

// compile runs go build for js/wasm writing to out.
func compile(ctx context.Context, opt Options, root, out string) error {
	args := append(append([]string{"build"}, wasmBuildFlags...), "-o", out, "./wasm")
	cmd := exec.CommandContext(ctx, opt.goCmd(), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var msgs bytes.Buffer
	var w io.Writer = &msgs
	if opt.Stderr != nil {
		w = io.MultiWriter(&msgs, opt.Stderr)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("webbuild: compiling the wasm: %w", ctx.Err())
		}
		return fmt.Errorf("webbuild: compiling the wasm (GOOS=js GOARCH=wasm %s build ./wasm in %s): %w\n%s",
			opt.goCmd(), root, err, strings.TrimSpace(msgs.String()))
	}
	return nil
}

// wasmExecJS reads the JavaScript glue of the toolchain that compiles the
// wasm: it must match the compiler's version, so it is taken from that
// toolchain's GOROOT rather than kept in the repository.
func wasmExecJS(ctx context.Context, opt Options) ([]byte, error) {
	path, err := wasmExecPath(ctx, opt)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// wasmExecPath finds wasm_exec.js in the toolchain's GOROOT. Go 1.24 moved
// it from misc/wasm to lib/wasm.
func wasmExecPath(ctx context.Context, opt Options) (string, error) {
	out, err := exec.CommandContext(ctx, opt.goCmd(), "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("webbuild: %s env GOROOT: %w", opt.goCmd(), err)
	}
	goroot := strings.TrimSpace(string(out))
	var firstErr error
	for _, rel := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		p := filepath.Join(goroot, rel)
		_, err := os.Stat(p)
		if err == nil {
			return p, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return "", fmt.Errorf("webbuild: wasm_exec.js not found in GOROOT %s: %w", goroot, firstErr)
}

// sources reads the page's hand-written files from the module.
func sources(root string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, name := range sourceFiles {
		data, err := os.ReadFile(filepath.Join(root, "wasm", "static", name))
		if err != nil {
			return nil, fmt.Errorf("webbuild: reading the page: %w", err)
		}
		files[name] = data
	}
	var app []byte
	for _, name := range appParts {
		data, err := os.ReadFile(filepath.Join(root, "wasm", "static", name))
		if err != nil {
			return nil, fmt.Errorf("webbuild: reading the page: %w", err)
		}
		app = append(append(app, data...), '\n')
	}
	files["app.js"] = append(app, files["app.js"]...)
	return files, nil
}

// build gathers every file of the static page in memory: the page built
// into this binary when there is one, else compiled from the module's
// source; then the plan of opt.Plan goes into index.html.
func build(ctx context.Context, opt Options) (map[string][]byte, error) {
	var files map[string][]byte
	var err error
	if Embedded() {
		files, err = embeddedFiles()
	} else {
		files, err = buildFromSource(ctx, opt)
	}
	if err != nil {
		return nil, err
	}
	if opt.Plan != nil {
		if files["index.html"], err = withPlan(files["index.html"], opt.Plan); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// buildFromSource compiles the wasm into a temporary folder and gathers the
// page's files from the module and the toolchain.
func buildFromSource(ctx context.Context, opt Options) (map[string][]byte, error) {
	root, err := ModuleRoot()
	if err != nil {
		return nil, err
	}
	files, err := sources(root)
	if err != nil {
		return nil, err
	}
	glue, err := wasmExecJS(ctx, opt)
	if err != nil {
		return nil, err
	}
	files["wasm_exec.js"] = glue
	tmp, err := os.MkdirTemp("", "eduplan-wasm-")
	if err != nil {
		return nil, fmt.Errorf("webbuild: %w", err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "main.wasm")
	if err := compile(ctx, opt, root, out); err != nil {
		return nil, err
	}
	if files["main.wasm"], err = os.ReadFile(out); err != nil {
		return nil, fmt.Errorf("webbuild: %w", err)
	}
	return files, nil
}

// BuildStatic writes a static folder for any web server into opt.OutDir:
// index.html, app.js, style.css, wasm_exec.js and main.wasm. Nothing is
// written unless the build succeeds; each file is then replaced whole.
func BuildStatic(ctx context.Context, opt Options) error {
	if opt.OutDir == "" {
		return errors.New("webbuild: BuildStatic needs an output folder (Options.OutDir)")
	}
	if err := notAnInputDir(ctx, opt); err != nil {
		return err
	}
	files, err := build(ctx, opt)
	if err != nil {
		return err
	}
	return writeFolder(opt.OutDir, files)
}

// notAnInputDir refuses an output folder that holds the build's inputs:
// the page's source folder, or the toolchain's folder of wasm_exec.js. A
// binary that carries the page may run outside any clone and without Go.
func notAnInputDir(ctx context.Context, opt Options) error {
	root, err := ModuleRoot()
	if err != nil && !Embedded() {
		return err
	}
	if err == nil && sameFile(opt.OutDir, filepath.Join(root, "wasm", "static")) {
		return fmt.Errorf("webbuild: the output folder %s is the page's source folder: choose another", opt.OutDir)
	}
	if Embedded() {
		return nil
	}
	if glue, err := wasmExecPath(ctx, opt); err == nil && sameFile(opt.OutDir, filepath.Dir(glue)) {
		return fmt.Errorf("webbuild: the output folder %s is the Go toolchain's %s: choose another", opt.OutDir, filepath.Dir(glue))
	}
	return nil
}

// notAnInputFile refuses an output file that is one of the build's inputs:
// a file of the page's source folder, a Go source file, or wasm_exec.js.
func notAnInputFile(ctx context.Context, opt Options, path string) error {
	root, err := ModuleRoot()
	if err != nil && !Embedded() {
		return err
	}
	inputs := []string{}
	if err == nil {
		for _, name := range append(append([]string{}, sourceFiles...), appParts...) {
			inputs = append(inputs, filepath.Join(root, "wasm", "static", name))
		}
	}
	if !Embedded() {
		if glue, err := wasmExecPath(ctx, opt); err == nil {
			inputs = append(inputs, glue)
		}
	}
	for _, in := range inputs {
		if sameFile(path, in) {
			return fmt.Errorf("webbuild: the output %s is one of the page's source files: choose another path", path)
		}
	}
	if strings.HasSuffix(path, ".go") || filepath.Base(path) == "go.mod" || filepath.Base(path) == "go.sum" {
		return fmt.Errorf("webbuild: the output %s looks like a Go source file: choose another path", path)
	}
	return nil
}

// sameFile reports whether two paths name the same existing file or folder.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// writeFolder writes files into dir: all to temporary names first, then
// renamed, so that a failure leaves the previous build untouched.
func writeFolder(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("webbuild: %w", err)
	}
	tmps := map[string]string{}
	defer func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}()
	for _, name := range StaticFiles() {
		t, err := writeTemp(filepath.Join(dir, name), files[name])
		if err != nil {
			return err
		}
		tmps[name] = t
	}
	for _, name := range StaticFiles() {
		if err := os.Rename(tmps[name], filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("webbuild: %w", err)
		}
		delete(tmps, name)
	}
	return nil
}

// tempName reserves a temporary file next to path.
func tempName(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("webbuild: %w", err)
	}
	name := f.Name()
	f.Close()
	return name, nil
}

// writeTemp writes data to a new temporary file next to path and returns
// its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("webbuild: %w", err)
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Chmod(0o644)
	}
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("webbuild: writing %s: %w", path, werr)
	}
	return f.Name(), nil
}

// writeFileAtomic replaces path with data whole, through the one writer
// every output of the command uses (internal/safefile).
func writeFileAtomic(path string, data []byte) error {
	return safefile.WriteFile(path, data)
}
