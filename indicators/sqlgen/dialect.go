//go:build !js

package sqlgen

import (
	"fmt"
	"sort"
	"strings"
)

// Dialect is what differs between the SQL engines the generator writes
// for: how a name is quoted, the names of the text and float types, and
// how a float is rounded. Everything else is the SQL they share.
type Dialect struct {
	// Name is how the command line names the dialect.
	Name string
	// Open and Close quote an identifier.
	Open, Close string
	// Double and Text are the type names of a 64-bit float and a string.
	Double, Text string
	// numericRound is set where ROUND takes no float (PostgreSQL): the
	// value is rounded as NUMERIC and cast back.
	numericRound bool
	// fence ends a subquery so that the planner keeps it as written:
	// each layer of a formula reads its operands as columns, and an
	// optimiser that substituted their expressions back would repeat
	// them, doubling the work at every level (PostgreSQL's OFFSET 0).
	fence string
	// materialized is written before each table of the WITH list where
	// the engine would otherwise fold them all into one query, whose
	// planning grows faster than the plan's size.
	materialized string
}

// The dialects. Spark SQL is generated and checked against golden files
// only; DuckDB and PostgreSQL run.
var (
	DuckDB   = Dialect{Name: "duckdb", Open: `"`, Close: `"`, Double: "DOUBLE", Text: "VARCHAR", fence: " OFFSET 0"}
	Postgres = Dialect{Name: "postgres", Open: `"`, Close: `"`, Double: "DOUBLE PRECISION", Text: "TEXT", numericRound: true, fence: " OFFSET 0", materialized: "MATERIALIZED "}
	Spark    = Dialect{Name: "spark", Open: "`", Close: "`", Double: "DOUBLE", Text: "STRING"}
)

var dialects = map[string]Dialect{DuckDB.Name: DuckDB, Postgres.Name: Postgres, Spark.Name: Spark}

// DialectNames lists the dialects' names, sorted.
func DialectNames() []string {
	var out []string
	for n := range dialects {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// LookupDialect finds a dialect by name.
func LookupDialect(name string) (Dialect, bool) {
	d, ok := dialects[strings.ToLower(name)]
	return d, ok
}

// quote quotes an identifier, doubling the closing quote inside it; a
// dotted name (schema.table) is quoted part by part.
func (d Dialect) quote(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = d.Open + strings.ReplaceAll(p, d.Close, d.Close+d.Close) + d.Close
	}
	return strings.Join(parts, ".")
}

func (d Dialect) round(x string, places int) string {
	if d.numericRound {
		return fmt.Sprintf("CAST(ROUND(CAST(%s AS NUMERIC), %d) AS %s)", x, places, d.Double)
	}
	return fmt.Sprintf("ROUND(%s, %d)", x, places)
}

// literal is a string literal.
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
