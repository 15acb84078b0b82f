//go:build !js

// Package duckproc reaches DuckDB through a helper process, so that
// eduplan stays pure Go: DuckDB's Go driver needs cgo, which is kept out of
// the main module, in the module of its own at cmd/eduplan-duckdb. That
// module builds the helper, eduplan-duckdb, which opens one DuckDB
// database and answers queries on its standard input and output; this
// package is a database/sql connector that starts it and speaks to it.
//
// The exchange is JSON, a value per line. eduplan writes a request,
// {"query": SQL} or {"exec": SQL}; the helper answers {"columns": [...]},
// then each row as an array of values (numbers, strings, booleans, null),
// then {"end": true} — or {"error": text} in place of any of these.
package duckproc

import (
	"bufio"
	"bytes"
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/eduplan/eduplan/msg"
)

// Env is the environment variable that names the helper's path, ahead of
// PATH and the folder of the running program.
const Env = "EDUPLAN_DUCKDB_HELPER"

// Helper is the helper's program name.
const Helper = "eduplan-duckdb"

// Find finds the helper: where Env says, on PATH, or beside the running
// program.
func Find() (string, error) {
	if p := os.Getenv(Env); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", msg.Errorf("%s 指向的 DuckDB 辅助程序不存在：%v", "the DuckDB helper %s names does not exist: %v", Env, err)
		}
		return p, nil
	}
	if p, err := exec.LookPath(Helper); err == nil {
		return p, nil
	}
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), Helper)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", msg.Errorf("找不到 DuckDB 辅助程序 %s：本程序不含 DuckDB 的驱动（它需要 cgo）",
		"the DuckDB helper %s is not found: this program does not hold DuckDB's driver (it needs cgo)", Helper)
}

// Connector is a database/sql connector to the DuckDB database file,
// through the helper at path: each connection is a helper process. The
// file is opened read-only unless write is set.
func Connector(helper, file string, write bool) driver.Connector {
	return connector{helper: helper, file: file, write: write}
}

type connector struct {
	helper, file string
	write        bool
}

func (c connector) Driver() driver.Driver { return drv{} }

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	args := []string{c.file}
	if c.write {
		args = []string{"-w", c.file}
	}
	cmd := exec.Command(c.helper, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, msg.Errorf("无法启动 DuckDB 辅助程序 %s：%v", "cannot start the DuckDB helper %s: %v", c.helper, err)
	}
	cn := &conn{cmd: cmd, in: in, dec: json.NewDecoder(bufio.NewReader(out))}
	cn.dec.UseNumber()
	// The helper opens the file first and says whether it could.
	if _, err := cn.header(); err != nil {
		cn.Close()
		return nil, err
	}
	return cn, nil
}

// drv is the Driver a connector names; it opens nothing by name, since
// the helper's path is not part of a data source name.
type drv struct{}

func (drv) Open(string) (driver.Conn, error) {
	return nil, errors.New("duckproc: open through Connector")
}

type conn struct {
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	dec  *json.Decoder
	busy *rows // rows still being read: the helper answers in order
	dead error
}

// message is one line of the helper's answer that is not a row.
type message struct {
	Columns []string `json:"columns"`
	Error   *string  `json:"error"`
	End     bool     `json:"end"`
}

// header reads the line that opens an answer: the columns, or an error.
func (c *conn) header() ([]string, error) {
	var m message
	if err := c.dec.Decode(&m); err != nil {
		c.dead = msg.Errorf("DuckDB 辅助程序意外退出：%v", "the DuckDB helper stopped: %v", err)
		return nil, c.dead
	}
	if m.Error != nil {
		return nil, errors.New(*m.Error)
	}
	return m.Columns, nil
}

func (c *conn) send(kind, query string) error {
	if c.dead != nil {
		return driver.ErrBadConn
	}
	if c.busy != nil {
		if err := c.busy.Close(); err != nil {
			return err
		}
	}
	b, _ := json.Marshal(map[string]string{kind: query})
	if _, err := c.in.Write(append(b, '\n')); err != nil {
		c.dead = err
		return driver.ErrBadConn
	}
	return nil
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) > 0 {
		return nil, errors.New("duckproc: queries take no arguments")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.send("query", query); err != nil {
		return nil, err
	}
	cols, err := c.header()
	if err != nil {
		return nil, err
	}
	r := &rows{c: c, cols: cols}
	c.busy = r
	return r, nil
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 {
		return nil, errors.New("duckproc: statements take no arguments")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.send("exec", query); err != nil {
		return nil, err
	}
	if _, err := c.header(); err != nil {
		return nil, err
	}
	r := &rows{c: c}
	if err := r.Close(); err != nil {
		return nil, err
	}
	return driver.RowsAffected(0), nil
}

// Ping asks the helper something: it is alive when it answers.
func (c *conn) Ping(ctx context.Context) error {
	r, err := c.QueryContext(ctx, "SELECT 1", nil)
	if err != nil {
		return err
	}
	return r.Close()
}

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return nil, errors.New("duckproc: prepared statements are not supported")
}

func (c *conn) Begin() (driver.Tx, error) {
	return nil, errors.New("duckproc: transactions are not supported")
}

func (c *conn) Close() error {
	c.in.Close()
	err := c.cmd.Wait()
	if c.dead != nil {
		return nil
	}
	return err
}

type rows struct {
	c    *conn
	cols []string
	done bool
	err  error
}

func (r *rows) Columns() []string { return r.cols }

// Close reads what is left of the answer, so that the next one starts at
// its own first line.
func (r *rows) Close() error {
	for !r.done {
		if err := r.next(nil); err != nil && err != io.EOF {
			return err
		}
	}
	if r.c.busy == r {
		r.c.busy = nil
	}
	if r.err == io.EOF {
		return nil
	}
	return r.err
}

func (r *rows) Next(dest []driver.Value) error { return r.next(dest) }

func (r *rows) next(dest []driver.Value) error {
	if r.done {
		return r.err
	}
	var raw json.RawMessage
	if err := r.c.dec.Decode(&raw); err != nil {
		r.c.dead = err
		r.done, r.err = true, msg.Errorf("DuckDB 辅助程序意外退出：%v", "the DuckDB helper stopped: %v", err)
		return r.err
	}
	if len(raw) > 0 && raw[0] == '{' {
		var m message
		if err := json.Unmarshal(raw, &m); err != nil {
			r.done, r.err = true, err
			return err
		}
		r.done, r.err = true, io.EOF
		if m.Error != nil {
			r.err = errors.New(*m.Error)
		}
		return r.err
	}
	var vals []any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&vals); err != nil {
		r.done, r.err = true, err
		return err
	}
	if dest == nil {
		return nil
	}
	if len(vals) != len(dest) {
		return fmt.Errorf("duckproc: a row of %d values for %d columns", len(vals), len(dest))
	}
	for i, v := range vals {
		switch x := v.(type) {
		case json.Number:
			if n, err := x.Int64(); err == nil {
				dest[i] = n
			} else if f, err := x.Float64(); err == nil {
				dest[i] = f
			} else {
				dest[i] = x.String()
			}
		default:
			dest[i] = x // string, bool or nil
		}
	}
	return nil
}
