package reportfmt

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// JUnitOptions shape the JUnit XML. They hold no failure policy on
// purpose: what the report says about the data does not depend on how a CI
// step chooses its exit code (see WriteJUnit).
type JUnitOptions struct {
	// Lang is "zh" (default) or "en", for names and messages.
	Lang string
	// Name names the whole run (the testsuites element); default "eduplan".
	Name string
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure"`
	Skipped   *junitMessage `xml:"skipped"`
	SystemOut *junitText    `xml:"system-out"`
}

// junitMessage keeps its body in CDATA so that the lines of the detail stay
// lines in the file, as a person reading a CI artefact expects.
type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",cdata"`
}

type junitText struct {
	Text string `xml:",cdata"`
}

// WriteJUnit writes the report as JUnit XML: one testsuite per unit and one
// testcase per indicator. A binding target not met is always a failure,
// whatever failure policy the caller's exit code follows (`check --fail-on
// none` still writes failures="N"): a CI dashboard must not show green
// while binding targets are missed. A result with no data, not computable,
// not applicable or without a target is skipped, with the reason; every
// other result passes. An aspirational (力争) target missed passes with the
// figures in its system-out, so the CI log still shows it. A figure a unit
// reported that differs from its units' sum is a "figure_mismatch"
// property of the unit's suite (and a note in the detail of each result
// that used it), not a failure by itself.
//
// Test case names are "indicator-id 名称" and class names "eduplan.unit-id",
// so CI systems group the cases by unit. No timestamps or durations are
// written: the same report gives the same bytes.
func WriteJUnit(w io.Writer, r *indicators.Report, opt JUnitOptions) error {
	lang := opt.Lang
	name := opt.Name
	if name == "" {
		name = "eduplan"
	}
	all := junitSuites{Name: name}
	if r != nil {
		for _, u := range r.Units {
			s := junitSuite{
				Name: xmlSafe(view.UnitLabel(u.Unit) + " · " + view.UnitKindIn(r.Levels, u.Unit).In(lang)),
				Properties: []junitProperty{
					{Name: "unit", Value: xmlSafe(u.Unit.ID)},
					{Name: "level", Value: xmlSafe(string(u.Unit.Level))},
				},
			}
			if u.Unit.Kind != "" {
				s.Properties = append(s.Properties, junitProperty{Name: "kind", Value: xmlSafe(string(u.Unit.Kind))})
			}
			if u.Unit.Parent != "" {
				s.Properties = append(s.Properties, junitProperty{Name: "parent", Value: xmlSafe(u.Unit.Parent)})
			}
			if r.Plan != "" {
				s.Properties = append(s.Properties, junitProperty{Name: "plan", Value: xmlSafe(r.Plan)})
			}
			if r.Year != 0 {
				s.Properties = append(s.Properties, junitProperty{Name: "year", Value: fmt.Sprint(r.Year)})
			}
			s.Properties = append(s.Properties, hierarchyProperties(r, u.Unit.ID, lang)...)
			for _, res := range u.Results {
				c := junitCase{
					Name:      xmlSafe(strings.TrimSpace(res.Indicator + " " + res.Name.In(lang))),
					Classname: xmlSafe("eduplan." + u.Unit.ID),
				}
				v := view.Of(res)
				msg := xmlSafe(v.Line.In(lang))
				switch {
				case FailBinding.Fails(res):
					c.Failure = &junitMessage{Message: msg, Type: string(res.Status), Body: xmlSafe(caseDetail(r.Levels, u, res, v, lang))}
					s.Failures++
				case res.Reference || res.Status == indicators.NoData || res.Status == indicators.NotComputable ||
					res.Status == indicators.NotApplicable || res.Status == indicators.NoTarget:
					// A figure beside a target the plan sets for other
					// units is no verdict on this one: neither passed
					// nor failed, and the message says so.
					c.Skipped = &junitMessage{Message: msg}
					s.Skipped++
				case res.Status == indicators.NotMet:
					c.SystemOut = &junitText{Text: xmlSafe(caseDetail(r.Levels, u, res, v, lang))}
				}
				s.Tests++
				s.Cases = append(s.Cases, c)
			}
			all.Tests += s.Tests
			all.Failures += s.Failures
			all.Skipped += s.Skipped
			all.Suites = append(all.Suites, s)
		}
	}
	if s, ok := validationSuite(r, lang); ok {
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Skipped += s.Skipped
		all.Suites = append(all.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// caseDetail is the body of a failure: every figure a reader needs to see
// why, one per line.
func caseDetail(levels org.Hierarchy, u indicators.UnitReport, res indicators.Result, v view.Result, lang string) string {
	var b strings.Builder
	line := func(label, v string) {
		if v != "" {
			b.WriteString(label + sep(lang) + v + "\n")
		}
	}
	line(pick(lang, "单位", "Unit"), view.UnitLabel(u.Unit)+" · "+view.UnitKindIn(levels, u.Unit).In(lang))
	line(pick(lang, "指标", "Indicator"), res.Name.In(lang)+" ("+res.Indicator+")")
	line(pick(lang, "状态", "Status"), v.Status.In(lang)+" · "+v.Nature.In(lang))
	line(pick(lang, "数值", "Value"), v.Value.In(lang))
	line(pick(lang, "目标", "Target"), v.Target.In(lang))
	line(pick(lang, "差距", "Gap"), v.Gap.In(lang))
	line(pick(lang, "公式", "Formula"), res.Formula)
	for _, in := range res.Inputs {
		n := view.None
		if in.Value != nil {
			n = view.Number(*in.Value, in.Unit)
		}
		name := in.Name.In(lang)
		if name == "" {
			name = in.ID
		}
		line("  "+name, n)
	}
	for _, n := range v.Notes {
		line(pick(lang, "说明", "Note"), oneLine(n.In(lang)))
	}
	line(pick(lang, "原文", "Wording"), res.Wording)
	line(pick(lang, "出处", "Stated in"), v.Places.In(lang))
	return b.String()
}

// xmlSafe replaces what XML 1.0 cannot hold at all (control characters
// other than tab and line breaks, U+FFFE, U+FFFF, invalid UTF-8) with U+FFFD.
// encoding/xml escapes such characters in attributes but not in CDATA,
// and one stray byte from a data file must not make the whole file unreadable
// to a CI system.
func xmlSafe(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF && !hidden(r))
	}
	clean := true
	for _, r := range s {
		if !ok(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if ok(r) {
			b.WriteRune(r)
		} else if hidden(r) {
			// Shown, not dropped: a CI page should not render a name
			// reversed, nor hide that something is in it.
			b.Write(msg.AppendEscaped(nil, r))
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
