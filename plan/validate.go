package plan

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// Units lists the units of measure a metric or an indicator may have.
func Units() []Unit { return []Unit{Count, Percent, Ratio, Score, Money, Area, Years, Number} }

// Validate checks a plan built or changed in Go, and returns an
// msg.Problems listing everything wrong, or nil. Load runs the same
// checks.
//
// Ids live in two namespaces. The parts of the document (goals, sections,
// tasks, the appendix's targets, projects, actions, categories and items)
// share one, because status files and places name them by id alone. Metrics
// and indicators share the other, because a formula names either by id; their
// Chinese names, which formulas may use too, must be unique across both and
// must not equal another one's id.
//
// Besides missing required fields and duplicate ids it checks: each
// indicator a goal, task or appendix line names exists; each indicator is
// stated somewhere (every indicator must say where in the plan it comes
// from); each formula compiles against the plan's metrics and indicators
// without referring to itself; each target and deadline parses; units,
// aggregations, natures and levels are known values; target_for lies within
// applies_to; and a nature does not contradict the target's own words (力争
// is aspirational, 确保 binding).
func (p *Plan) Validate() error { return p.validate().Err() }

// ValidateMeasures checks metrics and indicators as a set with the code
// Validate runs on a plan's, and returns a msg.Problems listing everything
// wrong, or nil. indicators.NewCatalog runs it, so that a catalogue and a
// plan accept exactly the same metrics and indicators: ids (present,
// identifiers, unique across both), units, aggregations, scopes, formulas
// (compile, no cycles), targets (parse, compare something) and natures
// (known, and not contradicting the target's own words). A name, when
// given, must be unique and must not equal another one's id, because a
// formula may name a metric or an indicator by it.
//
// What a plan must document but a computation does not need — every name
// and wording present, every indicator stated somewhere in the plan — is
// checked by Validate only, so that a catalogue can be built in Go from
// bare metrics and indicators.
func ValidateMeasures(metrics []Metric, inds []Indicator) error {
	c := newChecker(&Plan{Metrics: metrics, Indicators: inds})
	c.metricsAndIndicators(false)
	return c.probs.Err()
}

// missingZH and missingEN word a required field left out.
const missingZH, missingEN = "缺少必填项", "required, missing"

type checker struct {
	p     *Plan
	probs msg.Problems
	// reportedKinds are the kinds of school some metric is reported by.
	reportedKinds map[org.Kind]bool
	// parts maps a document id to the path where it was first defined.
	parts map[string]string
	// measures maps a metric or indicator id to its path; names maps their
	// Chinese names likewise.
	measures, names map[string]string
	// stated marks indicators some part of the document references.
	stated map[string]bool
	// taskNumbers maps a task number to its path.
	taskNumbers map[int]string
	// indicatorIDs and metricIDs are the ids defined, for references.
	indicatorIDs, metricIDs map[string]bool
	// subtracts marks the indicators whose formula compiled and takes a
	// difference itself; uses lists the indicators each formula uses.
	subtracts map[string]bool
	uses      map[string][]string
	// cutNames marks the names already reported as no formula can name.
	cutNames map[string]bool
	// suggestions is what is left of the work allowed for "did you mean"
	// hints, so that a hostile plan with thousands of bad references
	// cannot make them quadratic.
	suggestions int
}

// add records a problem at path, worded in both languages.
func (c *checker) add(path, zh, en string, args ...any) { c.probs.Add(path, zh, en, args...) }

// missing records a required field left out.
func (c *checker) missing(path string) { c.probs.Add(path, missingZH, missingEN) }

// addErr records an error from a parser of this package (a date, a
// deadline) in the languages it has.
func (c *checker) addErr(path string, err error) { c.probs.AddText(path, errText(err)) }

// errText is an error's wording in both languages: an error that can say
// itself in a language does, a legacy "中文 / English" one is split.
func errText(err error) msg.Text {
	if l, ok := err.(msg.Localized); ok {
		return msg.Text{ZH: l.In("zh"), EN: l.In("en")}
	}
	return msg.Split(err.Error())
}

func newChecker(p *Plan) *checker {
	c := &checker{p: p, parts: map[string]string{}, measures: map[string]string{},
		names: map[string]string{}, stated: map[string]bool{}, taskNumbers: map[int]string{},
		indicatorIDs: map[string]bool{}, metricIDs: map[string]bool{}, suggestions: 1 << 20,
		subtracts: map[string]bool{}, cutNames: map[string]bool{}}
	for _, ind := range p.Indicators {
		c.indicatorIDs[ind.ID] = true
	}
	for _, m := range p.Metrics {
		c.metricIDs[m.ID] = true
	}
	return c
}

func (p *Plan) validate() msg.Problems {
	c := newChecker(p)
	switch {
	case p.Format == "":
		c.add("format", "缺少必填项，应为 %s", "required, missing: it must be %s", Format)
	case p.Format != Format:
		c.probs = append(c.probs, formatProblem(p.Format, Format))
	}
	c.docID("id", p.ID, false)
	c.text("title", p.Title)
	switch {
	case p.Year == 0:
		c.missing("year")
	case p.Year < 1000 || p.Year > 9999:
		c.add("year", "年份 %d 应为四位数", "year %d must have four digits", p.Year)
	}
	if p.Published != "" {
		if _, err := ParseDate(p.Published); err != nil {
			c.addErr("published", err)
		}
	}
	goalNumbers := map[int]string{}
	for i, g := range p.Goals {
		path := fmt.Sprintf("goals[%d]", i)
		c.docID(path+".id", g.ID, true)
		c.number(path+".number", g.Number, goalNumbers, "总体目标编号", "goal number")
		c.text(path+".title", g.Title)
		c.refs(path+".indicators", g.Indicators)
	}
	sectionNumbers := map[int]string{}
	for i, s := range p.Sections {
		path := fmt.Sprintf("sections[%d]", i)
		c.docID(path+".id", s.ID, true)
		if s.Number < 0 {
			c.add(path+".number", "编号不能为负", "the number cannot be negative")
		} else if s.Number > 0 {
			c.number(path+".number", s.Number, sectionNumbers, "部分编号", "section number")
		}
		c.text(path+".title", s.Title)
		for j, t := range s.Tasks {
			tp := fmt.Sprintf("%s.tasks[%d]", path, j)
			c.docID(tp+".id", t.ID, true)
			c.number(tp+".number", t.Number, c.taskNumbers, "任务编号", "task number")
			c.text(tp+".title", t.Title)
			c.refs(tp+".indicators", t.Indicators)
		}
	}
	if a := p.Appendix; a != nil {
		c.text("appendix.title", a.Title)
		c.list("appendix.targets", a.Targets)
		c.list("appendix.projects", a.Projects)
		for i, act := range a.Actions {
			path := fmt.Sprintf("appendix.actions[%d]", i)
			c.docID(path+".id", act.ID, true)
			c.text(path+".name", act.Name)
			for j, cat := range act.Categories {
				cp := fmt.Sprintf("%s.categories[%d]", path, j)
				c.docID(cp+".id", cat.ID, true)
				c.text(cp+".name", cat.Name)
				itemNumbers := map[int]string{}
				for k, it := range cat.Items {
					c.item(fmt.Sprintf("%s.items[%d]", cp, k), it, itemNumbers)
				}
			}
		}
	}
	c.partOf()
	c.metricsAndIndicators(true)
	c.validationRules(true)
	return c.probs
}

// docID checks an id of the document namespace.
func (c *checker) docID(path, id string, unique bool) {
	if !c.idShape(path, id) || !unique {
		return
	}
	if first, dup := c.parts[id]; dup {
		c.add(path, "id %[1]q 已在 %[2]s 使用（目标、部分、任务和任务书条目共用一套 id）",
			"id %[1]q is already used at %[2]s (goals, sections, tasks and task-book entries share one set of ids)",
			id, parent(first))
		return
	}
	c.parts[id] = path
}

// idShape checks that an id is present and has no spaces, since ids are
// typed on command lines and into status files.
func (c *checker) idShape(path, id string) bool {
	if id == "" {
		c.missing(path)
		return false
	}
	if strings.IndexFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		c.add(path, "id %q 不能含空白字符", "id %q must not contain spaces", id)
		return false
	}
	return true
}

// text checks that a Text has its Chinese.
func (c *checker) text(path string, t msg.Text) {
	if strings.TrimSpace(t.ZH) == "" {
		c.missing(path + ".zh")
	}
}

// number checks a positive number unique within seen; zh and en name it.
func (c *checker) number(path string, n int, seen map[int]string, zh, en string) {
	if n <= 0 {
		c.probs.AddText(path, msg.Text{ZH: fmt.Sprintf("%s应为正整数，实际为 %d", zh, n),
			EN: fmt.Sprintf("%s must be a positive integer, got %d", en, n)})
		return
	}
	if first, dup := seen[n]; dup {
		c.probs.AddText(path, msg.Text{ZH: fmt.Sprintf("%s %d 已在 %s 使用", zh, n, parent(first)),
			EN: fmt.Sprintf("%s %d is already used at %s", en, n, parent(first))})
		return
	}
	seen[n] = path
}

func (c *checker) list(path string, items []ListItem) {
	for i, li := range items {
		lp := fmt.Sprintf("%s[%d]", path, i)
		c.docID(lp+".id", li.ID, true)
		c.text(lp+".text", li.Text)
		c.refs(lp+".indicators", li.Indicators)
	}
}

func (c *checker) item(path string, it Item, numbers map[int]string) {
	c.docID(path+".id", it.ID, true)
	c.number(path+".number", it.Number, numbers, "条目编号", "item number")
	c.text(path+".content", it.Content)
	for _, cell := range []struct {
		name string
		cell *Cell
	}{{"units", it.Units}, {"office", it.Office}, {"leads", it.Leads}, {"deadline", it.Deadline}} {
		if cell.cell == nil {
			continue
		}
		cp := path + "." + cell.name + ".text"
		if strings.TrimSpace(cell.cell.Text) == "" {
			c.add(cp, "单元格为空：没有内容时请省略该字段", "the cell is empty: leave the field out instead")
			continue
		}
		if cell.name == "deadline" {
			if _, err := ParseDeadline(cell.cell.Text); err != nil {
				c.addErr(cp, err)
			}
		}
	}
	c.refs(path+".indicators", it.Indicators)
}

// refs checks a list of indicator ids that a part of the document states.
func (c *checker) refs(path string, ids []string) {
	seen := map[string]bool{}
	for i, id := range ids {
		rp := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case id == "":
			c.missing(rp)
		case seen[id]:
			c.add(rp, "指标 %q 重复列出", "indicator %q is listed twice", id)
		case c.indicatorIDs[id]:
			c.stated[id] = true
		case c.metricIDs[id]:
			c.add(rp, "%q 是原始数据项(metric)，不是指标；请列出用它计算的指标",
				"%q is a metric, not an indicator: list the indicator computed from it", id)
		default:
			if s := c.suggest(id, c.indicatorList()); s != "" {
				c.add(rp, "未知指标 %q，是否应为 %q？", "unknown indicator %q: did you mean %q?", id, s)
			} else {
				c.add(rp, "未知指标 %q", "unknown indicator %q", id)
			}
		}
		seen[id] = true
	}
}

// indicatorList is the indicator ids in document order.
func (c *checker) indicatorList() []string {
	ids := make([]string, len(c.p.Indicators))
	for i, ind := range c.p.Indicators {
		ids[i] = ind.ID
	}
	return ids
}

// suggest returns the candidate a misspelt word was probably meant to be,
// within the checker's budget for suggestions.
func (c *checker) suggest(word string, candidates []string) string {
	if c.suggestions < len(candidates) {
		return ""
	}
	c.suggestions -= len(candidates)
	return nearest(word, candidates)
}

// measureID checks a metric or indicator id: present, unique in the
// measures' namespace, and shaped like an identifier so that formulas can
// name it.
func (c *checker) measureID(path, id string) {
	if id == "" {
		c.missing(path)
		return
	}
	if !isIdentifier(id) {
		c.add(path, "id %q 应由英文字母、数字和下划线组成且不以数字开头，公式才能引用它",
			"id %q must be letters, digits and underscores, not starting with a digit, so that formulas can name it", id)
		return
	}
	if first, dup := c.measures[id]; dup {
		c.add(path, "id %[1]q 已在 %[2]s 使用（原始数据项和指标共用一套 id）",
			"id %[1]q is already used at %[2]s (metrics and indicators share one set of ids)", id, parent(first))
		return
	}
	c.measures[id] = path
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// measureName checks a metric or indicator name, which formulas may use as
// an identifier; required when the checker checks a whole plan.
func (c *checker) measureName(path string, name msg.Text, required bool) {
	zh := name.ZH
	if strings.TrimSpace(zh) == "" {
		if required {
			c.missing(path + ".zh")
		}
		return
	}
	if first, dup := c.names[zh]; dup {
		c.add(path+".zh", "名称 %[1]q 已在 %[2]s 使用；公式按名称引用时会有歧义",
			"name %[1]q is already used at %[2]s: a formula naming it would be ambiguous", zh, parent(parent(first)))
		return
	}
	c.names[zh] = path + ".zh"
}

func (c *checker) unit(path string, u Unit) {
	if u == "" {
		c.missing(path)
	} else if !slices.Contains(Units(), u) {
		c.add(path, "未知单位 %[1]q，可用：%[2]s", "unknown unit %[1]q: use one of %[2]s", u, joinValues(Units()))
	}
}

// level checks that l is one of the plan's levels, and says so when not.
func (c *checker) level(path string, l org.Level) bool {
	h := org.Hierarchy(c.p.Levels)
	if !h.Has(l) {
		c.add(path, "未知层级 %[1]q，可用：%[2]s", "unknown level %[1]q: use one of %[2]s", l, joinValues(h.IDs()))
		return false
	}
	return true
}

func (c *checker) scope(path string, s Scope) {
	seenL := map[org.Level]bool{}
	for i, l := range s.Levels {
		lp := fmt.Sprintf("%s.levels[%d]", path, i)
		switch {
		case !c.level(lp, l):
		case seenL[l]:
			c.add(lp, "层级 %q 重复", "level %q is listed twice", l)
		}
		seenL[l] = true
	}
	seenK := map[org.Kind]bool{}
	for i, k := range s.Kinds {
		kp := fmt.Sprintf("%s.kinds[%d]", path, i)
		switch {
		case strings.TrimSpace(string(k)) == "":
			c.missing(kp)
		case seenK[k]:
			c.add(kp, "学校类型 %q 重复", "kind %q is listed twice", k)
		case (strings.HasSuffix(path, ".applies_to") || strings.HasSuffix(path, ".target_for")) && !k.Known() && !c.reportedKinds[k]:
			// A kind of the plan's own is one that some metric is
			// reported by; an indicator for any other kind would apply
			// to no unit that has figures: a typo, not a kind.
			known := []string{}
			for _, kn := range org.KindNames() {
				known = append(known, string(kn.Kind))
			}
			hint := msg.Text{}
			if s := c.suggest(string(k), known); s != "" {
				hint = msg.Textf("（是否应为 %q？）", " (did you mean %q?)", s)
			}
			c.probs.AddText(kp, msg.T(
				fmt.Sprintf("未知学校类型 %q%s：可用 %s；计划自定的类型须出现在某个数据项的 reported_by 中",
					k, hint.ZH, strings.Join(known, ", ")),
				fmt.Sprintf("unknown kind %q%s: use one of %s; a kind of the plan's own must be one a metric is reported_by",
					k, hint.EN, strings.Join(known, ", "))))
		}
		seenK[k] = true
	}
}

func joinValues[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// metricsAndIndicators checks the metrics and indicators; doc adds what a
// plan must document (names, wording, where each indicator is stated).
func (c *checker) metricsAndIndicators(doc bool) {
	p := c.p
	c.levelDefs()
	c.reportedKinds = map[org.Kind]bool{}
	for _, m := range p.Metrics {
		for _, k := range m.ReportedBy.Kinds {
			c.reportedKinds[k] = true
		}
	}
	for i, m := range p.Metrics {
		path := fmt.Sprintf("metrics[%d]", i)
		c.measureID(path+".id", m.ID)
		c.measureName(path+".name", m.Name, doc)
		c.unit(path+".unit", m.Unit)
		switch m.Aggregate {
		case "":
			c.add(path+".aggregate", "缺少必填项，应为 sum 或 none", "required, missing: sum or none")
		case Sum, None:
		default:
			c.add(path+".aggregate", "未知汇总方式 %q，应为 sum 或 none", "unknown aggregation %q: use sum or none", m.Aggregate)
		}
		c.metricAggregate(path, m)
		c.scope(path+".reported_by", m.ReportedBy)
	}
	for i, ind := range p.Indicators {
		path := fmt.Sprintf("indicators[%d]", i)
		c.measureID(path+".id", ind.ID)
		c.measureName(path+".name", ind.Name, doc)
	}
	// A name that equals another measure's id would resolve two ways.
	clash := func(path, name string) {
		if idAt, ok := c.measures[name]; ok && parent(idAt) != path {
			c.add(path+".name.zh", "名称 %[1]q 与 %[2]s 的 id 相同；公式引用时会有歧义",
				"name %[1]q equals the id of %[2]s: a formula naming it would be ambiguous", name, parent(idAt))
		}
	}
	for i, m := range p.Metrics {
		clash(fmt.Sprintf("metrics[%d]", i), m.Name.ZH)
	}
	for i, ind := range p.Indicators {
		clash(fmt.Sprintf("indicators[%d]", i), ind.Name.ZH)
	}
	cycles := formulaCycles(c.indicatorList(), c.formulas())
	for i, ind := range p.Indicators {
		path := fmt.Sprintf("indicators[%d]", i)
		if cycle, ok := cycles[ind.ID]; ok {
			c.add(path+".formula", "公式循环引用：%s", "the formula refers to itself: %s", strings.Join(cycle, " → "))
		}
		c.unit(path+".unit", ind.Unit)
		c.target(path, ind)
		c.unitTargets(path, ind)
		c.years(path, ind)
		c.scope(path+".applies_to", ind.AppliesTo)
		c.targetFor(path, ind)
		if ind.Over != "" {
			c.level(path+".over", ind.Over)
		}
		if !doc {
			continue
		}
		if strings.TrimSpace(ind.Wording) == "" {
			c.add(path+".wording", "缺少必填项：请抄录计划原文", "required, missing: quote the plan's own words")
		}
		if ind.ID != "" && !c.stated[ind.ID] {
			c.add(path, "该指标没有出现在任何总体目标、任务或任务书条目中；请在其出处的 indicators 中列出它",
				"the indicator is stated nowhere: list it in the indicators of the goal, task or task-book line it comes from")
		}
	}
}

// target checks an indicator's target and that its nature does not
// contradict the target's own words.
func (c *checker) target(path string, ind Indicator) {
	if d := ind.Decimals; d != nil && (*d < 0 || *d > MaxDecimals) {
		c.add(path+".decimals", "小数位数应在 0 到 %d 之间，不是 %d", "decimals must be between 0 and %d, not %d", MaxDecimals, *d)
	}
	var t rule.Target
	switch {
	case strings.TrimSpace(ind.Target) == "":
		c.missing(path + ".target")
	default:
		var err error
		switch ind.Direction {
		case rule.DirectionUnknown, rule.HigherIsBetter, rule.LowerIsBetter:
		default:
			c.add(path+".direction", "方向应为 higher（越高越好）或 lower（越低越好），不是 %q",
				"direction must be \"higher\" or \"lower\", not %q", ind.Direction)
			// Said once: the target is read as if no direction were given.
			ind.Direction = rule.DirectionUnknown
		}
		if t, _, err = ind.ParseTarget(); err != nil {
			re := ruleText(err)
			c.probs.AddText(path+".target", msg.Text{ZH: "目标无法解析：" + re.ZH, EN: "the target does not parse: " + re.EN})
			t = rule.Target{}
		} else if t.Op == "" {
			c.add(path+".target", "目标 %q 没有比较", "the target %q compares nothing", ind.Target)
		} else {
			c.pointsOnRate(path, ind, t)
		}
	}
	switch ind.Nature {
	case "":
	case Binding:
		if t.Aspirational {
			c.add(path+".nature", "目标 %q 写有“力争”，是预期性的，不能标为约束性(binding)",
				"the target %q says 力争 (aspirational) but nature is binding", ind.Target)
		}
	case Aspirational:
		if t.Binding {
			c.add(path+".nature", "目标 %q 写有“确保”等约束性用语，不能标为预期性(aspirational)",
				"the target %q says it binds (确保) but nature is aspirational", ind.Target)
		}
	default:
		c.add(path+".nature", "未知性质 %q，应为 binding、aspirational 或留空",
			"unknown nature %q: use binding, aspirational or leave it empty", ind.Nature)
	}
}

// formulas compiles every indicator's formula and returns, for each
// indicator id, the indicator ids its formula uses.
func (c *checker) formulas() map[string][]string {
	p := c.p
	byName := map[string]string{}
	for _, m := range p.Metrics {
		if _, ok := byName[m.Name.ZH]; !ok && m.Name.ZH != "" {
			byName[m.Name.ZH] = m.ID
		}
	}
	isIndicator := map[string]bool{}
	for _, ind := range p.Indicators {
		isIndicator[ind.ID] = true
		if _, ok := byName[ind.Name.ZH]; !ok && ind.Name.ZH != "" {
			byName[ind.Name.ZH] = ind.ID
		}
	}
	// names lists every name a formula may use, for suggestions.
	var names []string
	for id := range c.measures {
		names = append(names, id)
	}
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)
	// lookup resolves an identifier: an id first, then a Chinese name.
	lookup := func(name string) (string, bool) {
		if _, ok := c.measures[name]; ok {
			return name, true
		}
		id, ok := byName[name]
		return id, ok
	}
	deps := map[string][]string{}
	for i, ind := range p.Indicators {
		path := fmt.Sprintf("indicators[%d].formula", i)
		if strings.TrimSpace(ind.Formula) == "" {
			c.missing(path)
			continue
		}
		prog, err := rule.CompileFormula(ind.Formula, lookup, rule.DefaultLimits)
		if err == nil {
			c.subtracts[ind.ID] = prog.Subtracts()
			if prog.Boolean() {
				c.conditionFormula(path, ind.Formula, lookup)
			}
			var uses []string
			for _, d := range prog.Deps() {
				if isIndicator[d.ID] && !slices.Contains(uses, d.ID) {
					uses = append(uses, d.ID)
				}
			}
			deps[ind.ID] = uses
			continue
		}
		re := ruleText(err)
		m := msg.Text{ZH: "公式有误：" + re.ZH, EN: "the formula is wrong: " + re.EN}
		if words := errorWords(err); words != "" {
			if _, known := lookup(words); !known {
				if hint, ok := c.unnameableName(path, words); ok {
					m.ZH += hint.ZH
					m.EN += hint.EN
				} else if s := c.suggest(words, names); s != "" {
					m.ZH += fmt.Sprintf("（是否应为 %q？）", s)
					m.EN += fmt.Sprintf(" (did you mean %q?)", s)
				}
			}
		}
		c.probs.AddText(path, m)
	}
	c.uses = deps
	return deps
}

// formulaCycles finds the indicators whose formulas come back to themselves
// through other indicators' formulas, and for each the shortest such chain
// ("a → b → a"). It finds the strongly connected components of the
// reference graph in linear time, then walks each cyclic component from
// each member; past maxCycleChains members of one component the chain is
// that of its first member, to keep a hostile plan linear.
func formulaCycles(order []string, deps map[string][]string) map[string][]string {
	const maxCycleChains = 64
	out := map[string][]string{}
	for _, comp := range components(order, deps) {
		in := map[string]bool{}
		for _, id := range comp {
			in[id] = true
		}
		if len(comp) == 1 && !slices.Contains(deps[comp[0]], comp[0]) {
			continue
		}
		var first []string
		for k, id := range comp {
			if k < maxCycleChains {
				out[id] = shortestCycle(id, deps, in)
				if k == 0 {
					first = out[id]
				}
				continue
			}
			out[id] = first
		}
	}
	return out
}

// components returns the strongly connected components of the graph
// (Tarjan), each in document order, components ordered by their first
// member.
func components(order []string, deps map[string][]string) [][]string {
	pos := map[string]int{}
	for i, id := range order {
		if _, dup := pos[id]; !dup {
			pos[id] = i
		}
	}
	index, low := map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var comps [][]string
	next := 0
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range deps[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var comp []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			// sort.Slice rather than slices.SortFunc: the page's wasm
			// links sort.Slice already, and each new instantiation of
			// the generic sort weighs some 7 KB there.
			sort.Slice(comp, func(i, j int) bool { return pos[comp[i]] < pos[comp[j]] })
			comps = append(comps, comp)
		}
	}
	for _, id := range order {
		if _, seen := index[id]; !seen {
			visit(id)
		}
	}
	sort.Slice(comps, func(i, j int) bool { return pos[comps[i][0]] < pos[comps[j][0]] })
	return comps
}

// shortestCycle returns the shortest chain of references from start back to
// start, staying within the nodes of its component.
func shortestCycle(start string, deps map[string][]string, in map[string]bool) []string {
	prev := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range deps[v] {
			if !in[w] {
				continue
			}
			if w == start {
				chain := []string{start}
				for u := v; u != start; u = prev[u] {
					chain = append(chain, u)
				}
				chain = append(chain, start)
				slices.Reverse(chain[1 : len(chain)-1])
				return chain
			}
			if _, seen := prev[w]; !seen {
				prev[w] = v
				queue = append(queue, w)
			}
		}
	}
	return nil
}
