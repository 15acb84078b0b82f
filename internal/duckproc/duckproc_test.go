//go:build !js

package duckproc_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/internal/duckproc"
	"github.com/eduplan/eduplan/msg"
)

// fake writes a helper that answers as script says (a shell script: it
// reads a request per line and writes canned answers), so that the
// exchange is tested without DuckDB.
func fake(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "helper")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o755))
	return path
}

// A helper that answers: rows of numbers, strings, booleans and nulls
// come back as database/sql reads them; a second query after rows left
// half read starts at its own answer; an error is the helper's words.
func TestExchange(t *testing.T) {
	helper := fake(t, `echo '{"columns":[]}'
read q; echo '{"columns":["a","b","c","d"]}'; echo '[1,"x",true,null]'; echo '[2.5,"y",false,"NaN"]'; echo '{"end":true}'
read q; echo '{"columns":["n"]}'; echo '[7]'; echo '{"end":true}'
read q; echo '{"error":"Catalog Error: Table with name figurez does not exist!"}'
`)
	db := sql.OpenDB(duckproc.Connector(helper, "f.duckdb", false))
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.Query("SELECT …")
	require.NoError(t, err)
	cols, err := rows.Columns()
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c", "d"}, cols)
	require.True(t, rows.Next())
	var a float64
	var b string
	var c bool
	var d sql.NullFloat64
	require.NoError(t, rows.Scan(&a, &b, &c, &d))
	assert.Equal(t, 1.0, a)
	assert.Equal(t, "x", b)
	assert.True(t, c)
	assert.False(t, d.Valid)
	// The second row is not read: the next query skips it.
	require.NoError(t, rows.Close())
	var n int
	require.NoError(t, db.QueryRow("SELECT 7").Scan(&n))
	assert.Equal(t, 7, n)
	_, err = db.Query("SELECT * FROM figurez")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "figurez does not exist")
}

// A helper that cannot open the file says so at once; one that stops in
// the middle of an answer is an error, not a short result.
func TestHelperFails(t *testing.T) {
	db := sql.OpenDB(duckproc.Connector(fake(t, `echo '{"error":"IO Error: Cannot open database"}'`), "f.duckdb", false))
	defer db.Close()
	err := db.Ping()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Cannot open database")

	db2 := sql.OpenDB(duckproc.Connector(fake(t, `echo '{"columns":[]}'
read q; echo '{"columns":["a"]}'; echo '[1]'`), "f.duckdb", false))
	defer db2.Close()
	rows, err := db2.Query("SELECT a")
	require.NoError(t, err)
	count := 0
	for rows.Next() {
		count++
	}
	assert.Equal(t, 1, count)
	require.Error(t, rows.Err())
	assert.Contains(t, msg.In(rows.Err(), "en"), "the DuckDB helper stopped")
	assert.Contains(t, msg.In(rows.Err(), "zh"), "DuckDB 辅助程序意外退出")
}

// Find says where it looked and what it needs, in both languages.
func TestFindWithoutHelper(t *testing.T) {
	t.Setenv(duckproc.Env, "")
	t.Setenv("PATH", t.TempDir())
	_, err := duckproc.Find()
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "the DuckDB helper eduplan-duckdb is not found")
	assert.Contains(t, msg.In(err, "zh"), "找不到 DuckDB 辅助程序 eduplan-duckdb")

	t.Setenv(duckproc.Env, filepath.Join(t.TempDir(), "none"))
	_, err = duckproc.Find()
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "the DuckDB helper "+duckproc.Env+" names does not exist")
}
