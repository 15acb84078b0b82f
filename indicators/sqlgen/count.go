//go:build !js

package sqlgen

import "fmt"

// countSQL is the figure a source's count mapping gives a unit: how many
// of its rows there are ("*"), or how many have the column true. The
// column is cast to a boolean so that a column of 0 and 1 counts as well
// as one of true and false (in PostgreSQL an integer, not a bigint: it
// casts no other number to a boolean; summing such a column under columns
// gives the same count). A row whose column is NULL is not counted
// either way, and a unit whose rows are all NULL there has no figure
// rather than zero, as a unit with no rows at all has none: missing is
// never read as zero.
func (g *gen) countSQL(col string) string {
	if col == "*" {
		return fmt.Sprintf("CAST(COUNT(*) AS %s)", g.d.Double)
	}
	b := fmt.Sprintf("CAST(%s AS BOOLEAN)", g.d.quote(col))
	return fmt.Sprintf("CAST(SUM(CASE WHEN %s THEN 1 WHEN NOT %s THEN 0 END) AS %s)", b, b, g.d.Double)
}
