package plan

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// UnitLabel is the unit a form or a template header prints beside a
// metric's figure: the counter word the plan declares (人, 所, 万元) with its
// English gloss, else the unit's own sign ("%", "分", "平方米"). A count
// that declares no counter word has no label: one guessed from the name
// could be wrong.
func (m Metric) UnitLabel() msg.Text {
	if c := strings.TrimSpace(m.Counter); c != "" {
		return msg.Text{ZH: c, EN: counterGloss(c)}
	}
	switch m.Unit {
	case Percent:
		return msg.Text{ZH: "%", EN: "%"}
	case Ratio:
		return msg.Text{ZH: "比值", EN: "ratio"}
	case Score:
		return msg.Text{ZH: "分", EN: "points"}
	case Money:
		return msg.Text{ZH: "万元", EN: "10,000 yuan"}
	case Area:
		return msg.Text{ZH: "平方米", EN: "m²"}
	case Years:
		return msg.Text{ZH: "年", EN: "years"}
	}
	return msg.Text{}
}

// Header is a metric's column header in a template: its name with its
// unit in brackets, "在园幼儿数（人）". The reader ignores the bracket, so it
// is for the person typing only. The command line's templates and the
// page's use it alike.
func (m Metric) Header(lang string) string {
	if lang == "en" && m.Name.EN != "" {
		if u := m.UnitLabel().EN; u != "" {
			return m.Name.EN + " (" + u + ")"
		}
		return m.Name.EN
	}
	if u := m.UnitLabel().ZH; u != "" {
		return m.Name.ZH + "（" + u + "）"
	}
	return m.Name.ZH
}

// counterGloss is the English of the counter words plans use; any other
// word is shown as written.
func counterGloss(c string) string {
	switch c {
	case "人", "名":
		return "persons"
	case "人次":
		return "attendances"
	case "所":
		return "schools"
	case "个", "项", "件":
		return "number"
	case "家":
		return "institutions"
	case "班", "个班":
		return "classes"
	case "万元":
		return "10,000 yuan"
	case "元":
		return "yuan"
	case "亿元":
		return "100 million yuan"
	case "平方米":
		return "m²"
	case "分":
		return "points"
	case "年":
		return "years"
	case "座":
		return "buildings"
	case "处":
		return "sites"
	}
	return c
}
