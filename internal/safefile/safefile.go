// Package safefile writes a command's output file so that nothing is ever
// destroyed by it: a regular file is replaced whole or not at all, a
// terminal, /dev/null or a named pipe is written through as the user meant,
// and anything else (a folder, a disk, a socket) is refused before a byte
// is written. Every -o of the eduplan command goes through it.
//
// A file is first written to a temporary file beside its target and
// renamed over it on Commit, so a reader or a crash sees the old file or
// the new one. The temporary file is created with mode 0666 less the
// process's umask (as the shell's > would), or with the mode of the file it
// replaces; it is removed on error, on Abort and, once RemoveOnSignal is
// set up, when the process is interrupted.
package safefile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/eduplan/eduplan/msg"
)

// File is an output being written.
type File struct {
	f *os.File
	// tmp is the temporary file renamed over target on Commit; empty when
	// writing through to a device or a pipe.
	tmp, target string
	mode        fs.FileMode
	keepMode    bool
	done        bool
}

// Create prepares to write path. It refuses, with a message in both
// languages that names the path, a folder, a missing folder, a block
// device, a socket and anything else that is not a regular file, a
// character device (a terminal, /dev/null, /dev/stdout) or a named pipe. A
// symbolic link is followed: the file it names is replaced and the link
// kept.
func Create(path string) (*File, error) {
	target, st, err := resolve(path)
	if err != nil {
		return nil, err
	}
	if st != nil {
		return open(path, target, st)
	}
	return temp(target, 0o666, false)
}

// Check says whether Create would refuse path, without creating anything:
// a command checks its -o before a long run rather than after.
func Check(path string) error {
	_, st, err := resolve(path)
	if err != nil || st == nil {
		return err
	}
	return kind(path, st.Mode())
}

// resolve follows path's links to the file to write and stats it (nil
// when it does not exist yet), refusing a path that names a folder or
// lies in a folder that does not exist.
func resolve(path string) (target string, st fs.FileInfo, err error) {
	if path == "" {
		return "", nil, msg.Errorf("没有给出输出文件名", "no output file name given")
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return "", nil, msg.Errorf("输出 %s 是文件夹路径：请给出文件名，如 %sreport.csv", "the output %s names a folder: give a file name, such as %sreport.csv", path, path)
	}
	target = path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	} else if l, lerr := os.Lstat(path); lerr == nil && l.Mode()&fs.ModeSymlink != 0 {
		// A dangling link: writing would create the file it names in a
		// place the user may not expect.
		dest, _ := os.Readlink(path)
		return "", nil, msg.Errorf("输出 %s 是指向不存在的 %s 的链接：请直接给出要写的文件名", "the output %s is a link to %s, which does not exist: give the file to write directly", path, dest)
	}
	st, err = os.Stat(target)
	switch {
	case err == nil:
		return target, st, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", nil, msg.Wrap(err, "无法检查输出 "+path, "cannot check the output "+path)
	}
	dir := filepath.Dir(target)
	if dst, err := os.Stat(dir); err != nil || !dst.IsDir() {
		return "", nil, msg.Errorf("输出 %s 所在的文件夹 %s 不存在：请先创建它（mkdir -p %s）", "the folder of the output %s, %s, does not exist: create it first (mkdir -p %s)",
			path, dir, dir)
	}
	return target, nil, nil
}

// kind refuses what Create neither replaces nor writes through.
func kind(path string, m fs.FileMode) error {
	switch {
	case m.IsRegular(), m&fs.ModeCharDevice != 0, m&fs.ModeNamedPipe != 0:
		return nil
	case m.IsDir():
		return msg.Errorf("输出 %s 是一个文件夹：请给出文件名，如 %s/report.csv", "the output %s is a folder: give a file name, such as %s/report.csv", path, path)
	}
	return msg.Errorf("输出 %s 不是普通文件（是设备或套接字），eduplan 不会写入或替换它：请换一个文件名", "the output %s is not a regular file (a device or a socket): eduplan will neither write to it nor replace it; choose another file name", path)
}

// open prepares to write over an existing target.
func open(path, target string, st fs.FileInfo) (*File, error) {
	m := st.Mode()
	if err := kind(path, m); err != nil {
		return nil, err
	}
	if m.IsRegular() {
		return temp(target, m.Perm(), true)
	}
	// A terminal, /dev/null, /dev/stdout or a pipe a reader waits on:
	// replacing it would take it away from whoever reads it.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return nil, msg.Wrap(err, "无法写入 "+path, "cannot write to "+path)
	}
	return &File{f: f, target: target}, nil
}

// temp creates the temporary file beside target. OpenFile applies the
// umask to perm, as the shell does for >; a file replaced keeps its own
// mode, set on Commit.
func temp(target string, perm fs.FileMode, keep bool) (*File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64()%1e9, 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, msg.Wrap(err, "无法在 "+dir+" 中写文件", "cannot write a file in "+dir)
		}
		out := &File{f: f, tmp: name, target: target, mode: perm, keepMode: keep}
		track(out)
		return out, nil
	}
	return nil, msg.Errorf("无法在 %s 中创建临时文件", "cannot create a temporary file in %s", dir)
}

// Write writes to the output.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Commit finishes the output: a regular file replaces its target whole.
func (f *File) Commit() error {
	if f.done {
		return errors.New("safefile: Commit after Commit or Abort")
	}
	f.done = true
	if f.tmp == "" {
		return f.f.Close()
	}
	defer untrack(f)
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && f.keepMode {
		err = os.Chmod(f.tmp, f.mode)
	}
	if err == nil {
		err = os.Rename(f.tmp, f.target)
	}
	if err != nil {
		os.Remove(f.tmp)
		return msg.Wrap(err, "无法写出 "+f.target+"（原有文件未被改动）", "cannot write "+f.target+" (any existing file is unchanged)")
	}
	return nil
}

// Abort gives the output up: the temporary file is removed and the target
// left as it was. It does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	if f.tmp != "" {
		os.Remove(f.tmp)
		untrack(f)
	}
}

// WriteFile writes data to path through Create and Commit.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return msg.Wrap(err, "无法写出 "+path+"（原有文件未被改动）", "cannot write "+path+" (any existing file is unchanged)")
	}
	return f.Commit()
}

// pending are the temporary files not yet committed or given up, which an
// interrupt removes.
var (
	mu      sync.Mutex
	pending = map[*File]bool{}
)

func track(f *File) {
	mu.Lock()
	pending[f] = true
	mu.Unlock()
}

func untrack(f *File) {
	mu.Lock()
	delete(pending, f)
	mu.Unlock()
}

// RemoveOnSignal makes an interrupt (SIGINT, SIGTERM) remove every
// temporary file still open before the process exits with 128 + the
// signal's number, as a shell reports it. A command calls it once at start.
func RemoveOnSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-c
		mu.Lock()
		for f := range pending {
			f.f.Close()
			os.Remove(f.tmp)
		}
		mu.Unlock()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}
