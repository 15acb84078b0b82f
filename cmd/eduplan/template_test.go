package main

import (
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/org"
)

// A template asks a unit for exactly the figures the page's form asks it
// (Catalog.FormMetrics), in the same order.
func TestTemplateAsksWhatTheFormAsks(t *testing.T) {
	e := &env{lang: "en", stderr: io.Discard, now: time.Now}
	l, code := e.loadPlan("template", "")
	require.NotNil(t, l, code)
	units := []struct {
		args  []string
		level org.Level
		kind  org.Kind
	}{
		{[]string{"--kind", "kindergarten"}, org.School, org.Kindergarten},
		{[]string{"--kind", "primary"}, org.School, org.Primary},
		{[]string{"--kind", "junior"}, org.School, org.JuniorSecond},
		{[]string{"--level", "district"}, org.District, ""},
		{[]string{"--level", "city"}, org.City, ""},
	}
	for _, u := range units {
		r := eduplan(t, append([]string{"template", "--encoding", "utf-8", "--lang", "en"}, u.args...)...)
		require.Equal(t, exitOK, r.code, "%v: %s", u.args, r.stderr)
		header, err := csv.NewReader(strings.NewReader(r.stdout)).Read()
		require.NoError(t, err)
		var want []string
		for _, m := range l.cat.FormMetrics(u.level, u.kind) {
			want = append(want, headerName(m, "en"))
		}
		require.NotEmpty(t, want, u.args)
		assert.Equal(t, want, header[len(header)-len(want):], "%v", u.args)
	}
}
