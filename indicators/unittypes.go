package indicators

import (
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
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
	//
	// Feeds names the indicators of the units above (districts, the
	// city) that its figures count towards: what a kindergarten, with no
	// indicator of its own, is told its figures are for.
	Indicators int
	Feeds      []msg.Text
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
		out = append(out, UnitType{Level: level, Kind: kind, Name: name, Fields: len(fields), Indicators: len(inds),
			Feeds: c.feeds(level, fields)})
	}
	for _, k := range kinds {
		add(org.School, k, k.Name())
	}
	ids := c.levels.IDs()
	for i := len(ids) - 2; i >= 0; i-- {
		add(ids[i], "", levelTypeName(c.levels, ids[i]))
	}
	return out
}

// feeds names the indicators assessed above level (for a district or the
// city) whose formulas read any of the figures a unit reports, directly or
// through the indicators they build on.
func (c *Catalog) feeds(level org.Level, fields []plan.Metric) []msg.Text {
	reports := map[string]bool{}
	for _, m := range fields {
		reports[m.ID] = true
	}
	var out []msg.Text
	for _, ci := range c.inds {
		if !c.above(ci.AppliesTo, level) {
			continue
		}
		deps, _ := c.Deps(ci.ID)
		for _, d := range deps {
			if reports[d.ID] {
				out = append(out, ci.Name)
				break
			}
		}
	}
	return out
}

// levelTypeName names the units of a level on a form's choice of "what are
// you": the default hierarchy's district and city as they have always been
// named, any other level by the plan's name for it.
func levelTypeName(h org.Hierarchy, l org.Level) msg.Text {
	switch {
	case l == org.District && h.IsDefault():
		return msg.T("辖市区（县）", "District or county")
	case l == org.City && h.IsDefault():
		return msg.T("全市", "The whole city")
	}
	return h.Name(l)
}

// above says whether a scope takes in a level above level.
func (c *Catalog) above(s plan.Scope, level org.Level) bool {
	for _, d := range c.levels {
		l := d.ID
		if l == level {
			return false
		}
		if s.Applies(l, "") {
			return true
		}
	}
	return false
}
