package indicators

import (
	"errors"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
)

// ReadForm reads the figures typed on a form for one unit u into a dataset
// of that unit for year. Only the figures such a unit enters are read
// (FormMetrics); others in typed, keyed by metric id, are ignored. Each is
// read as a cell of a data file is (dataset.ParseFigure), so "1,234",
// "99.2%" and "—" mean the same in both places. A figure that does not
// read is left out and listed in rejected, a CellError whose Header is the
// metric id, so that the rest can still be assessed while the user types;
// figures that read but look mistyped are in the dataset's
// Source.Warnings, likewise. err is for a unit the dataset refuses.
func (c *Catalog) ReadForm(year int, u dataset.OrgUnit, typed map[string]string) (d *dataset.Dataset, rejected dataset.Errors, err error) {
	d = dataset.New(year)
	if err := d.Add(u); err != nil {
		return nil, nil, err
	}
	fields := map[string]dataset.Field{}
	for _, f := range c.Fields() {
		fields[f.ID] = f
	}
	for _, m := range c.FormMetrics(u.Level, u.Kind) {
		f, ok := fields[m.ID]
		if !ok {
			continue
		}
		fig, err := dataset.ParseFigure(typed[m.ID], f)
		if err != nil {
			ce := dataset.CellError{Header: m.ID, Text: typed[m.ID], Reason: msg.T(msg.In(err, "zh"), msg.In(err, "en"))}
			errors.As(err, &ce)
			rejected = append(rejected, ce)
			continue
		}
		if fig.Missing {
			continue
		}
		if err := d.Set(u.ID, m.ID, fig.Value); err != nil {
			return nil, nil, err
		}
		if fig.Warning != nil {
			d.Source.Warnings = append(d.Source.Warnings, *fig.Warning)
		}
	}
	return d, rejected, nil
}
