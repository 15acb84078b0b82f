// Command eduplan-duckdb is the helper through which eduplan reaches a
// DuckDB database: eduplan check --db duckdb:FILE starts it. DuckDB's Go
// driver needs cgo, so it lives here, in a module of its own, and the
// eduplan module stays pure Go (and builds for the browser).
//
// Usage:
//
//	eduplan-duckdb [-w] FILE
//
// It opens FILE (read-only unless -w), says so on its standard output, and
// answers the requests on its standard input, a JSON value per line, as
// internal/duckproc of the eduplan module describes: {"query": SQL} is
// answered by {"columns": [...]}, a line per row and {"end": true};
// {"exec": SQL} by {"columns": []} and {"end": true}; a failure by
// {"error": text}.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

func main() {
	args := os.Args[1:]
	write := len(args) > 0 && args[0] == "-w"
	if write {
		args = args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: eduplan-duckdb [-w] FILE")
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	os.Exit(serve(args[0], write, bufio.NewReader(os.Stdin), enc, out))
}

func fail(enc *json.Encoder, err error) {
	_ = enc.Encode(map[string]string{"error": err.Error()})
}

func serve(file string, write bool, in *bufio.Reader, enc *json.Encoder, out *bufio.Writer) int {
	dsn := file
	if !write {
		dsn += "?access_mode=read_only"
	}
	db, err := sql.Open("duckdb", dsn)
	if err == nil {
		err = db.PingContext(context.Background())
	}
	if err != nil {
		fail(enc, err)
		out.Flush()
		return 1
	}
	defer db.Close()
	_ = enc.Encode(map[string][]string{"columns": {}})
	out.Flush()
	dec := json.NewDecoder(in)
	for {
		var req struct {
			Query *string `json:"query"`
			Exec  *string `json:"exec"`
		}
		if err := dec.Decode(&req); err == io.EOF {
			return 0
		} else if err != nil {
			fail(enc, err)
			out.Flush()
			return 1
		}
		switch {
		case req.Exec != nil:
			if _, err := db.Exec(*req.Exec); err != nil {
				fail(enc, err)
			} else {
				_ = enc.Encode(map[string][]string{"columns": {}})
				_ = enc.Encode(map[string]bool{"end": true})
			}
		case req.Query != nil:
			query(db, *req.Query, enc)
		default:
			fail(enc, fmt.Errorf("a request is {\"query\": SQL} or {\"exec\": SQL}"))
		}
		out.Flush()
	}
}

func query(db *sql.DB, q string, enc *json.Encoder) {
	rows, err := db.Query(q)
	if err != nil {
		fail(enc, err)
		return
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		fail(enc, err)
		return
	}
	_ = enc.Encode(map[string][]string{"columns": cols})
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	row := make([]any, len(cols))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			fail(enc, err)
			return
		}
		for i, v := range vals {
			row[i] = plain(v)
		}
		_ = enc.Encode(row)
	}
	if err := rows.Err(); err != nil {
		fail(enc, err)
		return
	}
	_ = enc.Encode(map[string]bool{"end": true})
}

// plain is a value as JSON can carry it: a number, a string, a boolean or
// null. A float that is not finite goes as its name, which database/sql
// reads back into a float.
func plain(v any) any {
	switch x := v.(type) {
	case nil, bool, string, int8, int16, int32, int64, uint8, uint16, uint32, uint64, int, uint:
		return x
	case float32:
		return plain(float64(x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Sprint(x)
		}
		return x
	case []byte:
		return string(x)
	case *big.Int:
		return json.Number(x.String())
	case duckdb.Decimal:
		return plain(x.Float64())
	case time.Time:
		return x.Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(x)
	}
}
