//go:build unix

package safefile

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

// leftovers lists the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	require.NoError(t, err)
	return m
}

func TestNewFileFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	p := filepath.Join(dir, "out.csv")
	require.NoError(t, WriteFile(p, []byte("a\n")))
	st, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "0666 less umask 077, as > would create it")
	syscall.Umask(0o022)
	p2 := filepath.Join(dir, "out2.csv")
	require.NoError(t, WriteFile(p2, []byte("a\n")))
	st, err = os.Stat(p2)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	assert.Empty(t, leftovers(t, dir))
}

func TestReplacedFileKeepsItsModeAndIsWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o640))
	require.NoError(t, os.Chmod(p, 0o640))
	f, err := Create(p)
	require.NoError(t, err)
	_, err = f.Write([]byte("new"))
	require.NoError(t, err)
	b, _ := os.ReadFile(p)
	assert.Equal(t, "old", string(b), "nothing changes before Commit")
	require.NoError(t, f.Commit())
	b, _ = os.ReadFile(p)
	assert.Equal(t, "new", string(b))
	st, _ := os.Stat(p)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	assert.Empty(t, leftovers(t, dir))
}

func TestAbortLeavesTheTargetAndNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o644))
	f, err := Create(p)
	require.NoError(t, err)
	_, _ = f.Write([]byte("half"))
	f.Abort()
	f.Abort() // twice is harmless
	b, _ := os.ReadFile(p)
	assert.Equal(t, "old", string(b))
	assert.Empty(t, leftovers(t, dir))
	assert.Error(t, f.Commit(), "nothing to commit after Abort")
}

// A link is followed: the file it names is replaced and the link stays a
// link.
func TestSymlinkToAFileKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o644))
	require.NoError(t, os.Symlink(real, link))
	require.NoError(t, WriteFile(link, []byte("new")))
	l, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, l.Mode()&os.ModeSymlink, "the link is still a link")
	b, _ := os.ReadFile(real)
	assert.Equal(t, "new", string(b))
}

// A device or a pipe is written through, never replaced by a regular file.
func TestDevicesAndPipesAreWrittenThrough(t *testing.T) {
	require.NoError(t, WriteFile("/dev/null", []byte("x")))
	st, err := os.Stat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null is still a device")

	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan string, 1)
	go func() {
		r, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(r)
		r.Close()
		got <- string(b)
	}()
	require.NoError(t, WriteFile(fifo, []byte("report")))
	select {
	case s := <-got:
		assert.Equal(t, "report", s)
	case <-time.After(5 * time.Second):
		t.Fatal("the reader of the pipe got nothing")
	}
	st, err = os.Stat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "the pipe is still a pipe")
	assert.Empty(t, leftovers(t, dir))
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.sock")
	ln, err := net.Listen("unix", sock)
	require.NoError(t, err)
	defer ln.Close()
	dangling := filepath.Join(dir, "dangling.csv")
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere.csv"), dangling))
	linkToDir := filepath.Join(dir, "dirlink")
	require.NoError(t, os.Symlink(dir, linkToDir))

	for _, tc := range []struct {
		name, path, zh, en string
	}{
		{"a folder", dir, "是一个文件夹", "is a folder"},
		{"a link to a folder", linkToDir, "是一个文件夹", "is a folder"},
		{"a folder path with a slash", filepath.Join(dir, "newdir") + "/", "是文件夹路径", "names a folder"},
		{"a missing folder", filepath.Join(dir, "newdir", "out.csv"), "不存在：请先创建它", "does not exist: create it first"},
		{"a socket", sock, "不是普通文件", "not a regular file"},
		{"a dangling link", dangling, "指向不存在的", "which does not exist"},
		{"no name", "", "没有给出输出文件名", "no output file name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, Check(tc.path), "Check refuses what Create would")
			_, err := Create(tc.path)
			require.Error(t, err)
			assert.Contains(t, msg.In(err, "zh"), tc.zh)
			assert.Contains(t, msg.In(err, "en"), tc.en)
			if tc.path != "" {
				assert.Contains(t, msg.In(err, "en"), tc.path)
			}
		})
	}
	assert.Empty(t, leftovers(t, dir))
	_, err = os.Lstat(filepath.Join(dir, "nowhere.csv"))
	assert.True(t, os.IsNotExist(err), "a dangling link's target is not created")
}

// An interrupted command leaves no temporary file behind: the helper
// process below starts a write, is sent SIGTERM, and must remove it.
func TestInterruptRemovesTheTemporaryFile(t *testing.T) {
	if os.Getenv("SAFEFILE_HELPER") != "" {
		RemoveOnSignal()
		f, err := Create(os.Getenv("SAFEFILE_HELPER"))
		if err != nil {
			os.Exit(3)
		}
		_, _ = f.Write([]byte("partial"))
		os.Stdout.WriteString("ready\n")
		time.Sleep(time.Minute)
		os.Exit(4)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	cmd := newHelper(t, out)
	require.NoError(t, cmd.Start())
	waitReady(t, cmd)
	require.Len(t, leftovers(t, dir), 1, "the write has begun")
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err := cmd.Wait()
	require.Error(t, err)
	assert.Equal(t, 143, cmd.ProcessState.ExitCode(), "128 + SIGTERM, as a shell reports it")
	assert.Empty(t, leftovers(t, dir), "the temporary file is removed")
	_, err = os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no half-written output")
}
