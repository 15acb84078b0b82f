//go:build !js

package sqlgen

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/internal/pgtest"
)

// The differential tests run the generated SQL on a real PostgreSQL: a
// throwaway cluster (internal/pgtest) in a temporary folder, reached by a
// socket there, no TCP port. psql runs it with CSV output, so that what
// is compared is the rows as the database writes them.

type pgServer struct{ *pgtest.Server }

// needPostgres starts the cluster once, or skips (fails with CI=true)
// when PostgreSQL is not installed.
func needPostgres(t *testing.T) *pgServer {
	t.Helper()
	return &pgServer{pgtest.Need(t)}
}

// psql runs a script in a fresh database of its own, in the folder dir
// (where \copy finds its files), and returns the CSV rows of its last
// query, header first.
func (s *pgServer) psql(t *testing.T, dir, script string) [][]string {
	t.Helper()
	out := s.Psql(t, s.CreateDB(t), dir, script)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return rows
}

func TestMain(m *testing.M) { pgtest.Main(m) }
