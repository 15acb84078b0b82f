package indicators

import (
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// UnitType is a kind of unit the plan asks something of: a kind of school,
// the districts, or the city; the choice of "what are you" on a form.
type UnitType struct {
	Level org.Level
	// Kind is the kind of school; "" above the schools.
	Kind org.Kind
	Name msg.Text
	// Fields is how many figures such a unit enters (FormMetrics).
	Fields int
	// Indicators is how many indicators are assessed for it
	// (ApplicableIndicators).
	Indicators int
}

// UnitTypes lists the kinds of unit the catalogue asks anything of: each
// kind of school with an indicator or a figure to report (the known kinds
// first, then those the plan adds in its scopes), then districts, then the
// city. A unit with figures to report but no indicator of its own (a
// kindergarten, whose enrolment feeds the district's rate) is listed too:
// it fills a form and hands the figures on.
func (c *Catalog) UnitTypes() []UnitType {
	var kinds []org.Kind
	seen := map[org.Kind]bool{}
	addKind := func(k org.Kind) {
		if k != "" && !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	for _, kn := range org.KindNames() {
		addKind(kn.Kind)
	}
	for _, ci := range c.inds {
		for _, k := range ci.AppliesTo.Kinds {
			addKind(k)
		}
	}
	for _, m := range c.metrics {
		for _, k := range m.ReportedBy.Kinds {
			addKind(k)
		}
	}
	out := []UnitType{}
	add := func(level org.Level, kind org.Kind, name msg.Text) {
		inds := c.ApplicableIndicators(level, kind)
		fields := c.FormMetrics(level, kind)
		if len(inds) == 0 && len(fields) == 0 {
			return
		}
		out = append(out, UnitType{Level: level, Kind: kind, Name: name, Fields: len(fields), Indicators: len(inds)})
	}
	for _, k := range kinds {
		add(org.School, k, k.Name())
	}
	add(org.District, "", msg.T("辖市区（县）", "District or county"))
	add(org.City, "", msg.T("全市", "The whole city"))
	return out
}
