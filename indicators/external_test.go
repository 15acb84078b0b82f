//go:build !js

package indicators_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// externalOf is what an outside engine that computes as Evaluate does
// would hand over.
func externalOf(cat *indicators.Catalog, ev *indicators.Evaluation) indicators.External {
	d := ev.Data()
	n := len(d.Units)
	x := indicators.External{Metrics: map[string]indicators.ExternalFigures{}, Indicators: map[string]indicators.ExternalValues{}}
	for _, m := range cat.Metrics() {
		f := indicators.ExternalFigures{Values: make([]float64, n), States: make([]rule.State, n), Reported: make([]bool, n)}
		for i := range d.Units {
			v, origin, _ := ev.Figure(m.ID, i)
			f.Values[i] = v
			f.Reported[i] = origin == indicators.Reported
			switch origin {
			case indicators.Reported, indicators.Summed:
				f.States[i] = rule.OK
			case indicators.Irrelevant:
				f.States[i] = rule.Skip
			default:
				f.States[i] = rule.Missing
			}
		}
		x.Metrics[m.ID] = f
	}
	for _, ind := range cat.Indicators() {
		v := indicators.ExternalValues{Status: make([]indicators.Status, n), Values: make([]float64, n), Has: make([]bool, n), Reported: make([]bool, n)}
		for i := range d.Units {
			res, _ := ev.Outcome(ind.ID, i)
			v.Status[i] = res.Status
			if raw, ok := ev.Value(ind.ID, i); ok || res.Value != nil {
				v.Values[i], v.Has[i] = raw, true
			}
			v.Reported[i] = res.Origin == indicators.Reported
		}
		x.Indicators[ind.ID] = v
	}
	return x
}

// An evaluation made of what another engine computed reports what
// Evaluate's does, down to every input, aggregate member, parent figure
// and validation rule: the seed plan over the sample year (with a parent's
// own figure beside its children's sum), and the five-level example,
// whose aggregates range over a level further down (over).
func TestEvaluationFromIsEvaluate(t *testing.T) {
	_, seed := seedCatalog(t)
	sample, err := dataset.Read(bytes.NewReader(seeds.SampleData()), seed.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	require.NoError(t, sample.Set("zhenjiang", "compulsory_age_enrolled", 1))
	require.NotEmpty(t, seed.Evaluate(sample).Mismatches())

	five, err := plan.LoadFile("../examples/fivelevel/plan.json")
	require.NoError(t, err)
	fiveCat, err := indicators.Compile(five)
	require.NoError(t, err)
	f, err := os.Open("../examples/fivelevel/data.csv")
	require.NoError(t, err)
	defer f.Close()
	fiveData, err := dataset.ReadCSV(f, fiveCat.Fields(), dataset.Options{File: "data.csv", Levels: five.Levels})
	require.NoError(t, err)

	for name, c := range map[string]struct {
		cat *indicators.Catalog
		d   *dataset.Dataset
	}{"seed": {seed, sample}, "five levels": {fiveCat, fiveData}} {
		t.Run(name, func(t *testing.T) {
			ev := c.cat.Evaluate(c.d)
			want, err := ev.Report(indicators.Options{})
			require.NoError(t, err)
			from, err := indicators.EvaluationFrom(c.cat, c.d, externalOf(c.cat, ev))
			require.NoError(t, err)
			got, err := from.Report(indicators.Options{})
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// What the other engine left out or got wrong is named, not guessed.
func TestEvaluationFromRefuses(t *testing.T) {
	_, cat := seedCatalog(t)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	good := func() indicators.External { return externalOf(cat, cat.Evaluate(d)) }
	metric, ind := cat.Metrics()[0].ID, cat.Indicators()[0].ID
	for _, c := range []struct {
		name   string
		break_ func(x *indicators.External)
		want   string
	}{
		{"no metric", func(x *indicators.External) { delete(x.Metrics, metric) }, "metrics." + metric + ": is missing"},
		{"no indicator", func(x *indicators.External) { delete(x.Indicators, ind) }, "indicators." + ind + ": is missing"},
		{"short", func(x *indicators.External) {
			f := x.Metrics[metric]
			f.States = f.States[1:]
			x.Metrics[metric] = f
		}, "metrics." + metric + ": has"},
		{"bad status", func(x *indicators.External) { x.Indicators[ind].Status[0] = "passed" }, `indicators.` + ind + `.status[0]: unknown status "passed"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := good()
			c.break_(&x)
			_, err := indicators.EvaluationFrom(cat, d, x)
			require.Error(t, err)
			assert.Contains(t, msg.In(err, "en"), c.want)
		})
	}
}
