//go:build !js

package sqlgen

import (
	"bytes"
	"encoding/csv"
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

	"github.com/stretchr/testify/require"
)

// The differential tests run the generated SQL on a real PostgreSQL: a
// throwaway cluster in a temporary folder, reached by a socket there, no
// TCP port. psql runs it with CSV output, so the module needs no driver.

type pgServer struct {
	bin, dir, sock string
	asUser         string // the user the server runs as when the tests run as root
	err            error
}

var (
	pgOnce sync.Once
	pg     *pgServer
)

// pgBin finds PostgreSQL's server programs: on PATH, or where Debian puts
// them.
func pgBin() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Strings(dirs)
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i]
		}
	}
	return ""
}

// needPostgres starts the cluster once, or skips (fails with CI=true)
// when PostgreSQL is not installed.
func needPostgres(t *testing.T) *pgServer {
	t.Helper()
	pgOnce.Do(func() { pg = startPostgres() })
	if pg.bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PostgreSQL's server programs (initdb, pg_ctl) are not installed; .ci/run installs Debian's postgresql")
		}
		t.Skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed: skipping the differential tests against PostgreSQL")
	}
	require.NoError(t, pg.err, "starting PostgreSQL")
	return pg
}

func startPostgres() *pgServer {
	s := &pgServer{bin: pgBin()}
	if s.bin == "" {
		return s
	}
	dir, err := os.MkdirTemp("", "eduplan-pg-")
	if err != nil {
		s.err = err
		return s
	}
	s.dir, s.sock = dir, filepath.Join(dir, "sock")
	if err := os.Mkdir(s.sock, 0o755); err != nil {
		s.err = err
		return s
	}
	// initdb refuses to run as root: the server then runs as postgres.
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
			if err := os.Chown(p, uid, gid); err != nil {
				s.err = err
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

func (s *pgServer) run(name string, args ...string) ([]byte, error) {
	if s.asUser != "" {
		args = append([]string{"-u", s.asUser, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

func (s *pgServer) stop() {
	if s == nil || s.dir == "" {
		return
	}
	if s.err == nil {
		_, _ = s.run(filepath.Join(s.bin, "pg_ctl"), "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "stop")
	}
	_ = os.RemoveAll(s.dir)
}

// psql runs a script in a fresh database of its own, in the folder dir
// (where \\copy finds its files), and returns the CSV rows of its last
// query, header first.
func (s *pgServer) psql(t *testing.T, dir, script string) [][]string {
	t.Helper()
	db := fmt.Sprintf("t%d", dbSeq.next())
	s.exec(t, "", "postgres", "CREATE DATABASE "+db+";")
	out := s.exec(t, dir, db, script)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return rows
}

func (s *pgServer) exec(t *testing.T, dir, db, script string) []byte {
	t.Helper()
	psql := filepath.Join(s.bin, "psql")
	if _, err := os.Stat(psql); err != nil {
		psql = "psql"
	}
	cmd := exec.Command(psql, "-h", s.sock, "-U", "postgres", "-d", db, "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1")
	cmd.Stdin = strings.NewReader(script)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "psql: %s", stderr.String())
	return out
}

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) next() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n
}

var dbSeq counter

func TestMain(m *testing.M) {
	code := m.Run()
	pg.stop()
	os.Exit(code)
}
