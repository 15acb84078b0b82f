//go:build !js

// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// in a temporary folder, the server listening on a socket there and on no
// TCP port, every test in a database of its own. It uses the server
// programs of Debian's postgresql package (or any on PATH); a test asking
// for it is skipped where they are not installed, and fails under CI=true.
package pgtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Server is a running cluster.
type Server struct {
	bin, dir, sock string
	// asUser is who runs the server when the tests run as root, which
	// initdb refuses.
	asUser string
	err    error
	mu     sync.Mutex
	dbs    int
}

var (
	once   sync.Once
	server *Server
)

// Need returns the cluster, started at the first call; it skips the test
// (fails it under CI=true) when PostgreSQL is not installed.
func Need(t testing.TB) *Server {
	t.Helper()
	once.Do(func() { server = start() })
	if server.bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PostgreSQL's server programs (initdb, pg_ctl) are not installed; .ci/run installs Debian's postgresql")
		}
		t.Skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
	}
	if server.err != nil {
		t.Fatalf("starting PostgreSQL: %v", server.err)
	}
	return server
}

// Stop stops the cluster, if one was started, and removes its folder: for
// TestMain, after the tests.
func Stop() {
	s := server
	if s == nil || s.dir == "" {
		return
	}
	if s.err == nil {
		_, _ = s.run(filepath.Join(s.bin, "pg_ctl"), "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "stop")
	}
	_ = os.RemoveAll(s.dir)
}

// binDir finds the server programs: on PATH, or the newest of Debian's.
func binDir() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(a, b int) bool { return version(dirs[a]) < version(dirs[b]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i]
		}
	}
	return ""
}

// version is the major version in a Debian path (/usr/lib/postgresql/17/bin).
func version(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

func start() *Server {
	s := &Server{bin: binDir()}
	if s.bin == "" {
		return s
	}
	dir, err := os.MkdirTemp("", "eduplan-pgtest-")
	if err != nil {
		s.err = err
		return s
	}
	s.dir, s.sock = dir, filepath.Join(dir, "sock")
	if s.err = os.Mkdir(s.sock, 0o755); s.err != nil {
		return s
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			s.err = fmt.Errorf("running as root and no postgres user to run the server as: %w", err)
			return s
		}
		s.asUser = "postgres"
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, p := range []string{dir, s.sock} {
			if s.err = os.Chown(p, uid, gid); s.err != nil {
				return s
			}
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run(filepath.Join(s.bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"); err != nil {
		s.err = fmt.Errorf("initdb: %v\n%s", err, out)
		return s
	}
	// JIT compiling a query as wide as the generated one takes longer
	// than running it (21 s of 36 s at 10,000 schools): the README tells
	// users to turn it off for it too.
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c jit=off -F", s.sock)
	if out, err := s.run(filepath.Join(s.bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		s.err = fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return s
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	if s.asUser != "" {
		args = append([]string{"-u", s.asUser, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

// NewDB creates an empty database, runs script in it (SQL, as psql reads
// it) and returns the database's URL, reached through the socket.
func (s *Server) NewDB(t testing.TB, script string) string {
	t.Helper()
	db := s.CreateDB(t)
	if script != "" {
		s.Psql(t, db, "", script)
	}
	return fmt.Sprintf("postgres://postgres@/%s?host=%s", db, s.sock)
}

// CreateDB creates an empty database and returns its name.
func (s *Server) CreateDB(t testing.TB) string {
	t.Helper()
	s.mu.Lock()
	s.dbs++
	db := fmt.Sprintf("t%d", s.dbs)
	s.mu.Unlock()
	s.Psql(t, "postgres", "", "CREATE DATABASE "+db+";")
	return db
}

// Psql runs a script in database db with psql, in the folder dir (where
// \copy finds its files; "" for this process's), stopping at its first
// error, and returns what psql writes: the rows of its queries as CSV,
// header first.
func (s *Server) Psql(t testing.TB, db, dir, script string) []byte {
	t.Helper()
	cmd := exec.Command(s.PsqlPath(), "-h", s.sock, "-U", "postgres", "-d", db, "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1")
	cmd.Stdin = strings.NewReader(script)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("psql: %v\n%s", err, stderr.String())
	}
	return out
}

// PsqlPath is the psql of the server's own version when it has one,
// else the psql on PATH: for a test that runs psql the way a user would.
func (s *Server) PsqlPath() string {
	psql := filepath.Join(s.bin, "psql")
	if _, err := os.Stat(psql); err != nil {
		return "psql"
	}
	return psql
}

// Socket is the folder of the server's socket, for an address of one's
// own (a database that does not exist).
func (s *Server) Socket() string { return s.sock }

// Main runs a package's tests and stops the cluster after them: a test
// package's TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}
