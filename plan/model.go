// Package plan is the model of an education work plan: its goals, sections
// and numbered tasks, the appendix task book with responsible units, offices,
// leads and deadlines, and the metrics and indicators the plan is measured by.
// It loads and saves plans as JSON, strictly, reporting every problem at once.
package plan

import (
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// Format is the value of the "format" field of a plan file this package
// reads and writes.
const Format = "eduplan.plan/v1"

// Plan is a whole work plan.
type Plan struct {
	Format string `json:"format"`
	// ID names the plan: "zhenjiang-2017".
	ID     string   `json:"id"`
	Title  msg.Text `json:"title"`
	Issuer msg.Text `json:"issuer"`
	// Published is the publication date, YYYY-MM-DD.
	Published string `json:"published"`
	Year      int    `json:"year"`
	// PartOf names the multi-year plan an annual plan belongs to (十四五).
	PartOf *PlanRef `json:"part_of,omitempty"`
	// Reference is the document's index or file number (索引号, 文号).
	Reference string `json:"reference,omitempty"`
	// Source says where the text was taken from.
	Source string `json:"source,omitempty"`
	// Guiding is the guiding thought (指导思想).
	Guiding  msg.Text  `json:"guiding"`
	Goals    []Goal    `json:"goals"`
	Sections []Section `json:"sections"`
	Appendix *Appendix `json:"appendix,omitempty"`

	// Levels are the levels of the hierarchy the plan's units sit at, from
	// the top (国家 / 省 / 市 / 区县 / 乡镇 / 学校, or the plan's own); the
	// last is always school. Empty: city, district, school (see
	// Plan.Hierarchy).
	//
	// The field is a plain slice, not an org.Hierarchy: the JSON code
	// reflects on Plan, and a field of a type with methods would keep all
	// of them in the page's WebAssembly binary.
	Levels []org.LevelDef `json:"levels,omitempty"`

	Metrics    []Metric    `json:"metrics"`
	Indicators []Indicator `json:"indicators"`
	// ValidationRules are consistency checks between figures (part ≤
	// whole, parts sum to the total), checked on every assessment.
	ValidationRules []ValidationRule `json:"validation_rules,omitempty"`
}

// Goal is one of the overall goals (总体目标).
type Goal struct {
	ID     string   `json:"id"`
	Number int      `json:"number"`
	Title  msg.Text `json:"title"`
	Text   msg.Text `json:"text"`
	// Indicators are the ids of the indicators this goal states.
	Indicators []string `json:"indicators,omitempty"`
}

// Section is a numbered part of the main tasks (主要任务).
type Section struct {
	ID string `json:"id"`
	// Number is the section's number (一 = 1); 0 when the heading has none.
	Number int      `json:"number"`
	Title  msg.Text `json:"title"`
	Note   string   `json:"note,omitempty"`
	Tasks  []Task   `json:"tasks"`
}

// Task is a numbered task of a section.
type Task struct {
	ID         string   `json:"id"`
	Number     int      `json:"number"`
	Title      msg.Text `json:"title"`
	Text       msg.Text `json:"text"`
	Indicators []string `json:"indicators,omitempty"`
}

// Appendix is the task book (任务书) appended to the plan.
type Appendix struct {
	Title msg.Text `json:"title"`
	// Targets are the appendix's list of undertaking targets (事业目标).
	Targets []ListItem `json:"targets,omitempty"`
	// Projects are the practical projects for people's livelihood (民生实事).
	Projects []ListItem `json:"projects,omitempty"`
	Actions  []Action   `json:"actions"`
}

// ListItem is one line of an appendix list.
type ListItem struct {
	ID         string   `json:"id"`
	Text       msg.Text `json:"text"`
	Indicators []string `json:"indicators,omitempty"`
}

// Action is a campaign of the task book (精准服务优化年, 机制改革深化年).
type Action struct {
	ID         string     `json:"id"`
	Name       msg.Text   `json:"name"`
	Categories []Category `json:"categories"`
}

// Category groups the items of an action (建设类服务, 德育工作机制改革, …).
type Category struct {
	ID    string   `json:"id"`
	Name  msg.Text `json:"name"`
	Items []Item   `json:"items"`
}

// Item is one row of the task book.
type Item struct {
	ID      string   `json:"id"`
	Number  int      `json:"number"`
	Content msg.Text `json:"content"`
	// Units is the responsible unit (责任单位), such as 市及各辖市区.
	Units *Cell `json:"units,omitempty"`
	// Office is the responsible office (责任处室).
	Office *Cell `json:"office,omitempty"`
	// Leads are the leading officials (牵头领导); Cell.Text may hold several
	// names separated by 、 or spaces.
	Leads *Cell `json:"leads,omitempty"`
	// Deadline as written (完成时限): 2017, 2017.12, 2017底前, 长期 …
	Deadline   *Cell    `json:"deadline,omitempty"`
	Indicators []string `json:"indicators,omitempty"`
}

// Cell is one table cell of the task book as the source gives it.
type Cell struct {
	Text string `json:"text"`
	// EN is the cell in English, where the plan gives it: an office's or a
	// lead's English name. Several names are separated by commas or
	// semicolons (an English name has spaces in it).
	EN string `json:"en,omitempty"`
	// Merged marks a value that the source shows only once, on an earlier
	// row, because the table cell spanned several rows.
	Merged bool `json:"merged,omitempty"`
	// Note says where the value was read from or why it is as it is.
	Note string `json:"note,omitempty"`
}

// PlanRef names a multi-year plan: its id, title and the years it spans.
type PlanRef struct {
	ID    string   `json:"id"`
	Title msg.Text `json:"title,omitempty"`
	From  int      `json:"from"`
	To    int      `json:"to"`
}

// Hierarchy is the plan's levels with their names (Plan.Levels, the
// standard name of a level declared without one), or city, district and
// school when it declares none.
//
// It is a function, not a method, for the reason Plan.Levels is a plain
// slice: a method of Plan returning an org.Hierarchy would keep every
// method of that type in the page's WebAssembly binary (some 26 KB).
func Hierarchy(p *Plan) org.Hierarchy { return org.Hierarchy(p.Levels).Resolved() }
