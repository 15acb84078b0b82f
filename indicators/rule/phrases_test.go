package rule

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// phraseRow is one row of testdata/target_phrases.tsv.
type phraseRow struct {
	line                                 int
	phrase, indicator, op, value, max    string
	unit, direction, nature, reason      string
	source, issuer, url, engine, comment string
}

func (r phraseRow) String() string {
	return fmt.Sprintf("target_phrases.tsv:%d %q (%s; %s, %s)", r.line, r.phrase, r.indicator, r.source, r.url)
}

// context is how the row's indicator is declared: its unit and direction
// from the columns; a gross rate (毛入学率, 毛入园率) may pass 100%.
func (r phraseRow) context() TargetContext {
	units := map[string]Unit{"percent": UnitPercent, "pp": UnitPercent, "count": UnitCount, "ratio": UnitRatio,
		"score": UnitScore, "yuan": UnitMoney, "m2": UnitArea, "years": UnitYears, "": UnitAny}
	dirs := map[string]Direction{"higher": HigherIsBetter, "lower": LowerIsBetter, "unknown": DirectionUnknown}
	return TargetContext{Direction: dirs[r.direction], Unit: units[r.unit], MayExceed100: strings.Contains(r.indicator, "毛入")}
}

func readPhrases(t *testing.T) []phraseRow {
	f, err := os.Open("testdata/target_phrases.tsv")
	require.NoError(t, err)
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	head, err := cr.Read()
	require.NoError(t, err)
	require.Equal(t, []string{"phrase", "indicator", "reading_op", "reading_value", "reading_max", "unit", "direction",
		"nature", "refuse_reason", "source_title", "issuer_year", "url", "engine", "engine_note"}, head)
	var out []phraseRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "line %d", line)
		out = append(out, phraseRow{line, rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6], rec[7], rec[8],
			rec[9], rec[10], rec[11], rec[12], rec[13]})
	}
	return out
}

// TestTargetPhrases reads every phrase of the public plans collected in
// testdata/target_phrases.tsv with the indicator's unit and direction from
// its columns. A row the engine reads must read as its columns say; a row it
// refuses must be refused with an error that names words of the phrase; the
// engine column says which, so that a change in either direction is seen.
func TestTargetPhrases(t *testing.T) {
	rows := readPhrases(t)
	require.Len(t, rows, 154)
	read, refused := 0, 0
	for _, r := range rows {
		c, warns, err := ReadClause(r.phrase, r.context())
		switch r.engine {
		case "reads":
			read++
			if !assert.NoError(t, err, "%s", r) {
				continue
			}
			checkReading(t, r, c.Target)
			for _, w := range warns {
				assert.NotContains(t, w.EN, "says", "%s: a direction conflict in a real plan's row", r)
			}
		case "refused":
			refused++
			if !assert.Error(t, err, "%s: read as %s (%s)", r, c.Target.Format("en"), c.Subject) {
				continue
			}
			var e *Error
			require.True(t, errors.As(err, &e), "%s: %T", r, err)
			assert.Equal(t, r.phrase, e.Source, "%s", r)
			assert.True(t, e.Message.ZH != "" && e.Message.EN != "", "%s", r)
			words := strings.TrimSpace(string([]rune(e.Source)[e.Offset : e.Offset+e.Length]))
			assert.NotEmpty(t, words, "%s: the error names no words: %s", r, e.Message.EN)
			assert.NotEmpty(t, r.comment, "%s: say why the engine refuses", r)
		default:
			t.Errorf("%s: engine column must be reads or refused, not %q", r, r.engine)
		}
		if r.op == "refuse" || r.op == "decrease-by" {
			assert.Equal(t, "refused", r.engine, "%s: the reading is %s", r, r.op)
		}
	}
	t.Logf("%d phrases read as their columns say, %d refused", read, refused)
}

func checkReading(t *testing.T, r phraseRow, tg Target) {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, "%s", r)
		if r.unit == "percent" || r.unit == "pp" {
			v /= 100
		}
		return v
	}
	ops := map[string]Op{">=": GE, "<=": LE, ">": GT, "<": LT, "=": EQ}
	switch r.op {
	case "between":
		assert.Equal(t, Between, tg.Op, "%s", r)
		assert.InDelta(t, num(r.value), tg.Value, 1e-9, "%s", r)
		assert.InDelta(t, num(r.max), tg.Max, 1e-9, "%s", r)
	case "approx":
		assert.Equal(t, Between, tg.Op, "%s", r)
		assert.True(t, tg.Around, "%s", r)
		assert.InDelta(t, num(r.value), tg.Nominal, 1e-9, "%s", r)
	case "coverage":
		assert.Equal(t, GE, tg.Op, "%s", r)
		assert.Equal(t, 1.0, tg.Value, "%s", r)
		assert.True(t, tg.Percent, "%s", r)
	default:
		require.Contains(t, ops, r.op, "%s", r)
		assert.Equal(t, ops[r.op], tg.Op, "%s: read as %s", r, tg.Format("en"))
		assert.InDelta(t, num(r.value), tg.Value, 1e-9, "%s", r)
	}
	assert.Equal(t, r.unit == "percent", tg.Percent, "%s", r)
	if r.direction != "unknown" {
		assert.Equal(t, Direction(r.direction), tg.Direction, "%s", r)
	}
	if tg.Aspirational {
		assert.Equal(t, "aspirational", r.nature, "%s", r)
	}
	if tg.Binding {
		assert.Equal(t, "binding", r.nature, "%s", r)
	}
}
