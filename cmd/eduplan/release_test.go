package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyModule copies the module's files into dir, leaving out git's folder
// and what builds and the README's commands write (among them a page
// generated before: the copy generates its own).
func copyModule(t *testing.T, root, dir string) {
	t.Helper()
	skipDirs := map[string]bool{".git": true, "web": true, "dist": true, filepath.Join("wasm", "webbuild", "page"): true}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skipDirs[rel] {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if !d.Type().IsRegular() || strings.HasSuffix(rel, ".test") || rel == "eduplan" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	require.NoError(t, err)
}

// goCmd runs the go command in dir and fails the test with its output.
func goCmd(t *testing.T, ctx context.Context, dir string, args ...string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
}

// TestReleaseBinaryBuildsPageWithoutGo builds eduplan the release way (the
// README's install line) from a copy of the module, then runs build-web from
// that binary in an empty folder, with no go command on the PATH and no
// source around: the page comes out of the binary, carrying the plan given.
//
// It compiles the wasm once more and the binary, so -short skips it.
func TestReleaseBinaryBuildsPageWithoutGo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the release binary and its page; run without -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command to build the release binary")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	src := t.TempDir()
	copyModule(t, root, src)
	goCmd(t, ctx, src, "generate", "./wasm/webbuild")
	for _, f := range []string{"index.html", "app.js", "style.css", "wasm_exec.js", "main.wasm.gz"} {
		assert.FileExists(t, filepath.Join(src, "wasm", "webbuild", "page", f))
	}
	bin := filepath.Join(t.TempDir(), "eduplan")
	goCmd(t, ctx, src, "build", "-trimpath", "-tags", "embedpage", "-o", bin, "./cmd/eduplan")

	// An empty folder holding only the bureau's plan; no go, no GOROOT, no
	// module above it.
	work := t.TempDir()
	plan, err := os.ReadFile(filepath.Join(root, "examples", "secondplan", "plan.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(work, "bureau.json"), plan, 0o644))
	empty := t.TempDir()
	env := []string{"PATH=" + empty, "HOME=" + work, "GOROOT=" + filepath.Join(empty, "no-goroot")}
	run := func(args ...string) (string, string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir, cmd.Env = work, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		require.NoError(t, cmd.Run(), "eduplan %s:\n%s%s", strings.Join(args, " "), stdout.String(), stderr.String())
		return stdout.String(), stderr.String()
	}
	_, stderr := run("build-web", "--plan", "bureau.json", "--out", "web", "--single", "bureau.html")
	assert.NotContains(t, stderr, "compiling")

	for _, f := range []string{"index.html", "app.js", "style.css", "wasm_exec.js", "main.wasm"} {
		st, err := os.Stat(filepath.Join(work, "web", f))
		require.NoError(t, err)
		assert.Positive(t, st.Size(), f)
	}
	wasm, err := os.ReadFile(filepath.Join(work, "web", "main.wasm"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(wasm, []byte("\x00asm")), "a WebAssembly module")
	single, err := os.ReadFile(filepath.Join(work, "bureau.html"))
	require.NoError(t, err)
	const title = "县域义务教育均衡发展督导评估目标（示例：合肥市三区与青阳县，据公开文本组合）"
	assert.Contains(t, string(single), `<h1 id="plan-title">`+title+`</h1>`)
	assert.Contains(t, string(single), `id="eduplan-wasm"`)
	// The same page for the seed, with no --plan.
	run("build-web", "--single", "seed.html")
	seed, err := os.ReadFile(filepath.Join(work, "seed.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(seed), `id="eduplan-plan"`)

	// The generated page is never committed.
	if _, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command("git", "check-ignore", "-q", "wasm/webbuild/page/main.wasm.gz")
		cmd.Dir = root
		if err := cmd.Run(); err != nil {
			var exit *exec.ExitError
			if assert.ErrorAs(t, err, &exit) && exit.ExitCode() == 1 {
				t.Error(".gitignore must ignore the generated page wasm/webbuild/page/")
			}
		}
	}
}
