package plan

import "github.com/eduplan/eduplan/indicators"

// Catalog compiles the plan's metrics and indicators, with the places in the
// plan that state each indicator, ready to assess data. A plan that Load
// accepted always compiles.
func (p *Plan) Catalog() (*indicators.Catalog, error) {
	return indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
}
