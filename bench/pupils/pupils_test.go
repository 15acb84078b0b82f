package pupils

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func generate(t *testing.T, o Options) (units, pupils, schools [][]string, raw []byte) {
	t.Helper()
	var u, p, s bytes.Buffer
	require.NoError(t, Generate(o, Files{Units: &u, Pupils: &p, Schools: &s}))
	read := func(b *bytes.Buffer) [][]string {
		rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		require.NoError(t, err)
		return rows
	}
	raw = append(append(append([]byte(nil), u.Bytes()...), p.Bytes()...), s.Bytes()...)
	return read(&u), read(&p), read(&s), raw
}

// The pupils are as many as asked, an excellent pupil has passed, and the
// schools file holds each school's pupils counted: the two ways into the
// benchmark and the example are the same figures.
func TestSchoolsCountThePupils(t *testing.T) {
	for _, o := range []Options{
		{Pupils: 1200, Schools: 12, Districts: 4, Seed: 1},
		{Pupils: 5, Schools: 9, Districts: 3, Seed: 2}, // schools with no pupils
		{Pupils: 0, Schools: 1, Districts: 1, Seed: 3},
	} {
		units, pupils, schools, _ := generate(t, o)
		require.Len(t, pupils, o.Pupils+1, "%+v", o)
		assert.Len(t, units, 1+1+o.Districts+o.Schools)
		require.Len(t, schools, len(units))
		type count struct{ n, pass, ex int }
		counted := map[string]*count{}
		for _, r := range pupils[1:] {
			c := counted[r[1]]
			if c == nil {
				c = &count{}
				counted[r[1]] = c
			}
			c.n++
			if r[2] == "true" {
				c.pass++
			}
			if r[3] == "true" {
				c.ex++
				assert.Equal(t, "true", r[2], "an excellent pupil has passed: %v", r)
			}
		}
		for _, r := range schools[1:] {
			if r[2] != "school" {
				assert.Equal(t, []string{"", "", ""}, r[5:], "only schools report: %v", r)
				continue
			}
			c := counted[r[0]]
			if c == nil {
				assert.Equal(t, []string{"", "", ""}, r[5:], "a school without pupils has no figures: %v", r)
				continue
			}
			assert.Equal(t, []string{strconv.Itoa(c.n), strconv.Itoa(c.pass), strconv.Itoa(c.ex)}, r[5:], r[0])
		}
	}
}

func TestSameOptionsSameFiles(t *testing.T) {
	o := Options{Pupils: 3000, Schools: 20, Districts: 2, Seed: 7}
	_, _, _, a := generate(t, o)
	_, _, _, b := generate(t, o)
	assert.Equal(t, a, b)
	o.Seed++
	_, _, _, c := generate(t, o)
	assert.NotEqual(t, a, c)
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{
		{Pupils: 10, Schools: 0, Districts: 1},
		{Pupils: 10, Schools: 2, Districts: 0},
		{Pupils: 10, Schools: 2, Districts: 3},
		{Pupils: -1, Schools: 2, Districts: 1},
	} {
		assert.Error(t, Generate(o, Files{}), "%+v", o)
	}
	assert.Error(t, Generate(Options{Pupils: 1, Schools: 1, Districts: 1}, Files{Schools: &bytes.Buffer{}}), "schools without pupils")
}
