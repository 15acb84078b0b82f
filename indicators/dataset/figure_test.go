package dataset_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
)

func TestParseFigure(t *testing.T) {
	count := dataset.Field{ID: "pupils", Integral: true}
	pct := dataset.Field{ID: "rate", Percent: true}
	signed := dataset.Field{ID: "change", Signed: true}
	tests := []struct {
		name    string
		text    string
		f       dataset.Field
		value   float64
		missing bool
		warn    bool
		reason  msg.Text
	}{
		{"count", "1,234", count, 1234, false, false, msg.Text{}},
		{"full-width digits", "１２３４", count, 1234, false, false, msg.Text{}},
		{"spaces", "  12 ", count, 12, false, false, msg.Text{}},
		{"percent plain", "99.2", pct, 0.992, false, false, msg.Text{}},
		{"percent sign", "99.2%", pct, 0.992, false, false, msg.Text{}},
		{"percent full-width sign", "99.2％", pct, 0.992, false, false, msg.Text{}},
		{"fraction in a percent field", "0.965", pct, 0.00965, false, true, msg.Text{}},
		{"zero percent is no slip", "0", pct, 0, false, false, msg.Text{}},
		{"empty", "", count, 0, true, false, msg.Text{}},
		{"dash", "-", count, 0, true, false, msg.Text{}},
		{"em dash", "—", pct, 0, true, false, msg.Text{}},
		{"Chinese double dash", "——", pct, 0, true, false, msg.Text{}},
		{"signed", "-3", signed, -3, false, false, msg.Text{}},
		{"negative", "-3", count, 0, false, false, dataset.ReasonNegative},
		{"not whole", "12.5", count, 0, false, false, dataset.ReasonFraction},
		{"percent on a count", "12%", count, 0, false, false, dataset.ReasonNoPercent},
		{"word for nothing", "无", count, 0, false, false, dataset.ReasonMayBeZero},
		{"word for nothing", "N/A", count, 0, false, false, dataset.ReasonMissingWord},
		{"yearbook dashes", "－－", count, 0, true, false, msg.Text{}},
		{"thousands", "1,23", count, 0, false, false, dataset.ReasonThousands},
		{"unit after the number", "12人", count, 0, false, false, dataset.ReasonTrailing},
		{"NaN", "NaN", signed, 0, false, false, dataset.ReasonNotNumber},
	}
	for _, tt := range tests {
		fig, err := dataset.ParseFigure(tt.text, tt.f)
		if !tt.reason.IsZero() {
			var ce dataset.CellError
			require.True(t, errors.As(err, &ce), "%s: %v", tt.name, err)
			assert.Equal(t, tt.reason, ce.Reason, tt.name)
			assert.Equal(t, tt.f.ID, ce.Header, tt.name)
			assert.Equal(t, tt.text, ce.Text, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.value, fig.Value, tt.name)
		assert.Equal(t, tt.missing, fig.Missing, tt.name)
		if tt.warn {
			require.NotNil(t, fig.Warning, tt.name)
			assert.Equal(t, dataset.WarnPercentFraction, fig.Warning.Reason)
			assert.Equal(t, tt.f.ID, fig.Warning.Header)
		} else {
			assert.Nil(t, fig.Warning, tt.name)
		}
	}
}

func ExampleParseFigure() {
	rate := dataset.Field{ID: "pass_rate", Percent: true}
	for _, typed := range []string{"99.2", "99.2%", "—", "0.965", "无"} {
		fig, err := dataset.ParseFigure(typed, rate)
		switch {
		case err != nil:
			// err is a CellError whose Reason says why, in words for
			// the person who typed it.
			fmt.Printf("%q: refused\n", typed)
		case fig.Missing:
			fmt.Printf("%q: missing\n", typed)
		case fig.Warning != nil:
			fmt.Printf("%q: %g, with a warning\n", typed, fig.Value)
		default:
			fmt.Printf("%q: %g\n", typed, fig.Value)
		}
	}
	// Output:
	// "99.2": 0.992
	// "99.2%": 0.992
	// "—": missing
	// "0.965": 0.00965, with a warning
	// "无": refused
}
