package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

var explainHelp = cmdHelp{
	usage: "eduplan explain [flags] INDICATOR",
	about: [2]string{
		`解释一个指标：名称、公式、所用数据项及其定义、目标（原文与含义）、约束性或预期性、
适用的单位、计划原文和所在的目标/任务。INDICATOR 是指标编号或中文名称。
加 --data（或 --sample）和 --unit，再显示该单位的结果和背后的计算：每个输入数据
（单位填报，或由几个下级单位加总）、代入数值的算式、与目标的比较和差距；
跨单位的指标（如辖市区之间的差距）列出每个下级单位的数值。`,
		`Explain an indicator: its name, formula, the metrics it uses with their definitions, its
target (as written and as understood), binding or aspirational, the units it applies to,
the plan's wording and the goal or task that states it. INDICATOR is an indicator id or
its Chinese name. With --data (or --sample) and --unit, also the unit's result and the
arithmetic behind it: each input figure (reported, or summed from how many child units),
the formula with the figures put in, the comparison with the target and the gap; for a
target across units (a gap between districts) each child unit's value.`,
	},
	examples: []example{
		{"eduplan explain preschool_gross_enrolment_rate", "", ""},
		{"eduplan explain --sample --unit zhenjiang 学前三年教育毛入学率", "样例年度中全市的结果与计算", "the city's result in the sample year, with the arithmetic"},
		{"eduplan explain --sample quality_preschool_district_gap", "跨辖市区的差距：列出各辖市区的数值", "a gap across districts: each district's value"},
		{"eduplan explain --lang en --data 2017.csv --unit d-jingkou preschool_gross_enrolment_rate", "", ""},
	},
}

func runExplain(e *env, args []string) int {
	fs := e.newFlags("explain")
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	dataFile := fs.String("data", "", e.t("数据文件（CSV 或 JSON）", "data file (CSV or JSON)"))
	sample := fs.Bool("sample", false, e.t("用内置样例年度的数据", "use the embedded sample year's figures"))
	unit := fs.String("unit", "", e.t("单位编号；数据只有一个顶层单位时可省略", "unit id; may be left out when the data has one top unit"))
	year := fs.Int("year", 0, e.t("数据年度（文件未写年份时使用）", "year of the figures (when the file states none)"))
	format := fs.String("format", "text", e.t("输出格式：text 或 json", "output format: text or json"))
	parentFigures := fs.String("parent-figures", "own", e.t(
		"上级单位自己填报的数据与下属单位合计不一致时采用哪一个：own（本单位填报）或 sum（下属单位合计）",
		"where a parent unit's own figure differs from the sum of its units below, which to use: own or sum"))
	pos, code, done := e.parse(fs, explainHelp, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		return e.usageError("explain", e.t("请给出一个指标编号或名称", "give one indicator id or name"))
	}
	if *format != "text" && *format != "json" {
		return e.usageError("explain", e.t("--format 应为 text 或 json", "--format must be text or json"))
	}
	if *sample && *dataFile != "" {
		return e.usageError("explain", e.t("--sample 与 --data 只能选一个", "give either --sample or --data, not both"))
	}
	parent, err := indicators.ParseParentFigures(*parentFigures)
	if err != nil {
		return e.usageError("explain", e.say(err))
	}
	if *unit != "" && !*sample && *dataFile == "" {
		return e.usageError("explain", e.t("--unit 须与 --data 或 --sample 一起用", "--unit needs --data or --sample"))
	}
	l, code := e.loadPlan("explain", *planFile)
	if l == nil {
		return code
	}
	ind, ok := findIndicator(l, pos[0])
	if !ok {
		msg := e.t(fmt.Sprintf("计划中没有指标 %q", pos[0]), fmt.Sprintf("the plan has no indicator %q", pos[0]))
		if s := suggest(l, pos[0]); s != "" {
			msg += e.t("；是否指：", "; did you mean: ") + s
		}
		return e.inputError("explain", msg, e.t("用指标编号或中文名称；eduplan check --sample --format csv 列出全部指标。",
			"use an indicator id or its Chinese name; eduplan check --sample --format csv lists every indicator."))
	}
	var res *indicators.Result
	var ou dataset.OrgUnit
	if *sample || *dataFile != "" {
		ds, code := e.loadData("explain", dataSource{path: *dataFile, sample: *sample}, l, *year, isSet(fs, "year"))
		if ds == nil {
			return code
		}
		i, code := e.pickUnit(ds, *unit)
		if i < 0 {
			return code
		}
		ou = ds.Units[i]
		ev, err := l.cat.EvaluateWith(ds, indicators.Options{ParentFigures: parent})
		if err == nil {
			err = ev.Err()
		}
		if err != nil {
			return e.inputError("explain", e.say(err), e.t("在计划的 unit_targets 中改用单位编号。", "name the unit by its id in the plan's unit_targets."))
		}
		e.evaluationWarnings("explain", ev.Warnings())
		ur := ev.UnitReport(i, indicators.Options{NotApplicable: true})
		for k := range ur.Results {
			if ur.Results[k].Indicator == ind.ID {
				res = &ur.Results[k]
			}
		}
	}
	var b bytes.Buffer
	if *format == "json" {
		t, _ := l.cat.Target(ind.ID)
		out := struct {
			Indicator plan.Indicator `json:"indicator"`
			Nature    plan.Nature    `json:"nature"`
			Target    rule.Target    `json:"target"`
			Places    []plan.Place   `json:"places"`
			Metrics   []plan.Metric  `json:"metrics"`
			// Aggregates define the aggregates the formula uses.
			Aggregates []rule.AggregateDoc `json:"aggregates,omitempty"`
			Unit       *dataset.OrgUnit    `json:"unit,omitempty"`
			Result     *indicators.Result  `json:"result,omitempty"`
		}{ind, l.cat.NatureOf(ind.ID), t, nonNilPlaces(l.cat.Places(ind.ID)), usedMetrics(l, ind.ID), aggregateDocs(l, ind.ID), nil, res}
		if res != nil {
			out.Unit = &ou
		}
		if err := writeJSON(&b, out); err != nil {
			return e.inputError("explain", e.say(err), "")
		}
	} else {
		e.explainText(&b, l, ind)
		if res != nil {
			e.explainResult(&b, l, ou, *res)
		}
	}
	if *format == "json" {
		return e.emit("explain", "", b.Bytes())
	}
	return e.emit("explain", "", visibleText(b.Bytes()))
}

func nonNilPlaces(ps []plan.Place) []plan.Place {
	if ps == nil {
		return []plan.Place{}
	}
	return ps
}

// findIndicator looks an indicator up by id, then by Chinese or English name.
func findIndicator(l *loaded, s string) (plan.Indicator, bool) {
	s = strings.TrimSpace(s)
	if ind, ok := l.cat.Indicator(s); ok {
		return ind, true
	}
	for _, ind := range l.cat.Indicators() {
		if ind.Name.ZH == s || strings.EqualFold(ind.Name.EN, s) {
			return ind, true
		}
	}
	return plan.Indicator{}, false
}

// suggest lists indicators whose id or name contains what was typed.
func suggest(l *loaded, s string) string {
	var out []string
	low := strings.ToLower(s)
	for _, ind := range l.cat.Indicators() {
		if strings.Contains(strings.ToLower(ind.ID), low) || strings.Contains(ind.Name.ZH, s) ||
			(ind.Name.EN != "" && strings.Contains(strings.ToLower(ind.Name.EN), low)) {
			out = append(out, ind.ID+"（"+ind.Name.ZH+"）")
		}
		if len(out) == 8 {
			break
		}
	}
	return strings.Join(out, ", ")
}

// pickUnit finds --unit, or the only top unit of the data.
func (e *env) pickUnit(ds *dataset.Dataset, id string) (int, int) {
	if id != "" {
		i, ok := ds.Find(id)
		if !ok {
			return -1, e.inputError("explain", e.t(
				fmt.Sprintf("数据中没有单位 %q（数据中的单位：%s）", id, knownUnits(ds, 12)),
				fmt.Sprintf("no unit %q in the data (units in the data: %s)", id, knownUnits(ds, 12))),
				e.t("--unit 请用数据文件中的单位编号，或只有一个单位使用的名称。", "use a unit id from the data file, or a name only one unit has, with --unit."))
		}
		return i, 0
	}
	roots := ds.Roots()
	if len(roots) == 1 {
		return roots[0], 0
	}
	return -1, e.usageError("explain", e.t(
		fmt.Sprintf("数据中有 %d 个顶层单位，请用 --unit 选一个（%s）", len(roots), knownUnits(ds, 12)),
		fmt.Sprintf("the data has %d top units: choose one with --unit (%s)", len(roots), knownUnits(ds, 12))))
}

// usedMetrics lists the metrics an indicator's formula uses, directly or in
// an aggregate's argument, in catalogue order.
func usedMetrics(l *loaded, id string) []plan.Metric {
	p, ok := l.cat.Formula(id)
	if !ok || p == nil {
		return []plan.Metric{}
	}
	used := map[string]bool{}
	for _, v := range p.Vars() {
		used[v] = true
	}
	for _, a := range p.Aggregates() {
		for _, v := range a.Vars() {
			used[v] = true
		}
	}
	out := []plan.Metric{}
	for _, m := range l.cat.Metrics() {
		if used[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// usedIndicators lists the other indicators a formula uses.
func usedIndicators(l *loaded, id string) []string {
	p, ok := l.cat.Formula(id)
	if !ok || p == nil {
		return nil
	}
	set := map[string]bool{}
	add := func(vs []string) {
		for _, v := range vs {
			if _, ok := l.cat.Indicator(v); ok {
				set[v] = true
			}
		}
	}
	add(p.Vars())
	for _, a := range p.Aggregates() {
		add(a.Vars())
	}
	var out []string
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func (e *env) unitName(u plan.Unit) string {
	names := map[plan.Unit][2]string{
		plan.Count: {"计数", "count"}, plan.Percent: {"百分比", "percent"}, plan.Ratio: {"比值", "ratio"},
		plan.Score: {"分", "score"}, plan.Money: {"万元", "10,000 yuan"}, plan.Area: {"平方米", "square metres"},
		plan.Years: {"年", "years"}, plan.Number: {"数值", "number"},
	}
	if n, ok := names[u]; ok {
		return e.t(n[0], n[1])
	}
	return string(u)
}

// metricUnit names a metric's unit by the counter word the plan declares
// (元, not the money unit's default 万元), as forms and templates print it.
func (e *env) metricUnit(m plan.Metric) string {
	if l := m.UnitLabel(); l.ZH != "" && m.Unit != plan.Percent {
		return l.In(e.lang)
	}
	return e.unitName(m.Unit)
}

// scopeText says which units a scope covers: "市、辖市区、学校（初中、九年一贯制学校）".
// Kinds narrow schools only, as Scope.Applies reads them.
func (e *env) scopeText(h org.Hierarchy, s plan.Scope) string {
	var kinds []string
	for _, k := range s.Kinds {
		kinds = append(kinds, k.Name().In(e.lang))
	}
	kindList := strings.Join(kinds, e.t("、", ", "))
	levels := s.Levels
	if len(levels) == 0 {
		if len(kinds) == 0 {
			return e.t("所有单位", "every unit")
		}
		levels = h.IDs()
	}
	var parts []string
	for _, lv := range levels {
		p := h.Name(lv).In(e.lang)
		if lv == org.School && len(kinds) > 0 {
			p += e.t("（"+kindList+"）", " ("+kindList+")")
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, e.t("、", ", "))
}

func (e *env) explainText(b *bytes.Buffer, l *loaded, ind plan.Indicator) {
	h := plan.Hierarchy(l.plan)
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(b, "%s%s%s\n", label, e.t("：", ": "), v)
		}
	}
	line(e.t("指标", "Indicator"), ind.Name.In(e.lang)+" ("+ind.ID+")")
	if e.lang == "en" && ind.Name.ZH != "" {
		line("Chinese name", ind.Name.ZH)
	}
	line(e.t("计量", "Unit"), e.unitName(ind.Unit))
	line(e.t("公式", "Formula"), ind.Formula)
	e.explainAggregates(b, l, ind.ID)
	t, _ := l.cat.Target(ind.ID)
	line(e.t("目标", "Target"), ind.Target+e.t("（即 ", " (that is ")+t.Format(e.lang)+e.t("）", ")"))
	dir := ind.Direction
	if dir == "" {
		dir = t.Direction
	}
	line(e.t("方向", "Direction"), dir.Text().In(e.lang))
	for _, n := range t.Notes {
		line(e.t("读法", "Reading"), n.In(e.lang))
	}
	e.explainUnitTargets(b, ind)
	nature := view.Nature(l.cat.NatureOf(ind.ID)).In(e.lang)
	if ind.Nature == "" {
		if l.cat.NatureOf(ind.ID) == plan.Aspirational {
			nature += e.t("（目标写有“力争”）", " (the target says 力争, strive for)")
		} else {
			nature += e.t("（未注明，默认约束性）", " (not stated: binding by default)")
		}
	}
	line(e.t("性质", "Nature"), nature)
	line(e.t("适用于", "Applies to"), e.scopeText(h, ind.AppliesTo))
	if ind.TargetFor != nil {
		line(e.t("目标对象", "Target set for"), e.scopeText(h, *ind.TargetFor)+
			e.t("（其余适用单位的数值对照此目标仅供参考，不计达标与否）", " (other units it applies to see their figure against it for reference only, counted neither as met nor as not met)"))
	}
	line(e.t("原文", "Wording"), ind.Wording)
	for _, p := range l.cat.Places(ind.ID) {
		line(e.t("出处", "Stated in"), p.Label.In(e.lang)+" "+oneLine(p.Title.In(e.lang))+" ("+p.ID+")")
	}
	line(e.t("说明", "Note"), ind.Note)
	if ms := usedMetrics(l, ind.ID); len(ms) > 0 {
		fmt.Fprintln(b, e.t("数据项：", "Metrics:"))
		for _, m := range ms {
			agg := e.t("由下级单位加总", "sums up from child units")
			if m.Aggregate == plan.None {
				agg = e.t("不加总，须由单位自己填报", "does not sum up: each unit reports its own")
			}
			fmt.Fprintf(b, "  %s (%s) · %s · %s · %s%s\n", m.Name.In(e.lang), m.ID, e.metricUnit(m), agg,
				e.t("填报单位：", "reported by: "), e.scopeText(h, m.ReportedBy))
			if h := m.Hint.In(e.lang); h != "" {
				fmt.Fprintf(b, "      %s%s\n", e.t("填报说明：", "what counts: "), oneLine(h))
			}
			if d := m.Definition.In(e.lang); d != "" {
				fmt.Fprintf(b, "      %s%s\n", e.t("定义：", "definition: "), oneLine(d))
			}
		}
	}
	for _, id := range usedIndicators(l, ind.ID) {
		other, _ := l.cat.Indicator(id)
		fmt.Fprintf(b, "%s%s (%s)%s\n", e.t("用到指标：", "Uses indicator: "), other.Name.In(e.lang), id,
			e.t("，见 eduplan explain "+id, "; see eduplan explain "+id))
	}
}

// aggregateDocs defines the aggregates an indicator's formula uses, in
// source order.
func aggregateDocs(l *loaded, id string) []rule.AggregateDoc {
	p, ok := l.cat.Formula(id)
	if !ok || p == nil {
		return nil
	}
	var out []rule.AggregateDoc
	for _, a := range p.Aggregates() {
		out = append(out, a.Doc())
	}
	return out
}

// explainAggregates says which aggregate each one in the formula is,
// weighted or not, its exact formula and what missing children do: the
// definitions the README's table gives, from the same source.
func (e *env) explainAggregates(b *bytes.Buffer, l *loaded, id string) {
	p, ok := l.cat.Formula(id)
	if !ok || p == nil {
		return
	}
	names := e.catalogNames(l)
	for _, a := range p.Aggregates() {
		d := a.Doc()
		call := a.Func + "(" + replaceNames(a.Arg.Source(), names)
		if a.Weighted() {
			call += ", " + replaceNames(a.Weight.Source(), names)
		}
		call += ")"
		fmt.Fprintf(b, "%s%s %s\n", e.t("汇总函数：", "Aggregate: "), call, d.Name.In(e.lang))
		fmt.Fprintf(b, "  %s%s\n", e.t("算法：", "formula: "), d.Formula.In(e.lang))
		fmt.Fprintf(b, "  %s%s\n", e.t("下级单位缺数据时：", "children without figures: "), d.Missing.In(e.lang))
	}
}

func (e *env) originText(in indicators.Input) string {
	switch in.Origin {
	case indicators.Reported:
		return e.t("单位填报", "reported by the unit")
	case indicators.Summed:
		return e.t(fmt.Sprintf("由 %d 个下级单位加总", in.Children), fmt.Sprintf("summed from %d child units", in.Children))
	case indicators.Computed:
		return e.t("由公式计算", "computed by its formula")
	case indicators.Irrelevant:
		return e.t("不适用于该单位", "does not concern this unit")
	}
	return e.t("缺数据", "missing")
}

// catalogNames maps every metric and indicator id to its name, to write a
// formula over ids in words.
func (e *env) catalogNames(l *loaded) map[string]string {
	names := map[string]string{}
	for _, m := range l.cat.Metrics() {
		if n := m.Name.In(e.lang); n != "" {
			names[m.ID] = n
		}
	}
	for _, ind := range l.cat.Indicators() {
		if n := ind.Name.In(e.lang); n != "" {
			names[ind.ID] = n
		}
	}
	return names
}

// aggValue shows a value of an aggregate in the indicator's terms: a spread
// of percents held to a target in points is in points.
func (e *env) aggValue(v float64, res indicators.Result) string {
	r := res
	r.Value = &v
	return view.Of(r).Value.In(e.lang)
}

func (e *env) explainResult(b *bytes.Buffer, l *loaded, u dataset.OrgUnit, res indicators.Result) {
	fmt.Fprintln(b)
	fmt.Fprintf(b, "%s%s%s (%s) · %s\n", e.t("单位", "Unit"), e.t("：", ": "), u.Name, u.ID, view.UnitKindIn(plan.Hierarchy(l.plan), u).In(e.lang))
	if res.Status == indicators.NotApplicable {
		fmt.Fprintln(b, e.t("该指标不适用于这个单位。", "The indicator does not apply to this unit."))
		return
	}
	if res.Origin == indicators.Reported {
		fmt.Fprintf(b, "%s%s\n", e.t("数值由单位直接填报：", "The unit reported the value itself: "), view.Of(res).Value.In(e.lang))
	}
	if len(res.Inputs) > 0 {
		fmt.Fprintln(b, e.t("输入：", "Inputs:"))
		for _, in := range res.Inputs {
			v := "—"
			if in.Value != nil {
				v = view.Number(*in.Value, in.Unit)
			}
			fmt.Fprintf(b, "  %s = %s%s%s%s\n", in.Name.In(e.lang), v, e.t("（", " ("), e.originText(in), e.t("）", ")"))
		}
	}
	names := e.catalogNames(l)
	for _, a := range res.Aggregates {
		av := view.OfAggregate(res, a)
		fmt.Fprintf(b, "%s%s\n", replaceNames(av.Call, names), e.t(fmt.Sprintf(" 取自 %d 个下级单位：", len(a.Children)), fmt.Sprintf(" over %d child units:", len(a.Children))))
		rows := [][]string{}
		if av.Weighted {
			rows = append(rows, []string{"", "", e.t("数值", "value"), e.t("权重（", "weight (") + replaceNames(a.Weight, names) + e.t("）", ")")})
		}
		var hi, lo *indicators.ChildValue
		for k, c := range a.Children {
			if c.Value != nil {
				if hi == nil || *c.Value > *hi.Value {
					hi = &a.Children[k]
				}
				if lo == nil || *c.Value < *lo.Value {
					lo = &a.Children[k]
				}
			}
			row := []string{"  " + c.Name, c.Unit, av.Children[k].Value.In(e.lang)}
			if av.Weighted {
				row = append(row, av.Children[k].Weight.In(e.lang))
			}
			rows = append(rows, row)
		}
		if len(a.Children) > 0 {
			reportfmt.WriteColumns(b, rows, nil)
		}
		if a.Value != nil {
			line := "  = " + e.aggValue(*a.Value, res)
			// A spread is the one aggregate a reader wants taken apart:
			// which units are the ends of the gap.
			if a.Func == "spread" && hi != nil && lo != nil {
				line += e.t(fmt.Sprintf("（最高 %s %s − 最低 %s %s）", hi.Name, view.Number(*hi.Value, res.Unit), lo.Name, view.Number(*lo.Value, res.Unit)),
					fmt.Sprintf(" (highest %s %s − lowest %s %s)", hi.Name, view.Number(*hi.Value, res.Unit), lo.Name, view.Number(*lo.Value, res.Unit)))
			}
			// A cv is worked out in the notation of its definition.
			if steps := av.Steps.In(e.lang); steps != "" {
				line += e.t("（"+steps+"）", " ("+steps+")")
			}
			fmt.Fprintln(b, line)
		}
	}
	if res.Value != nil && res.Origin != indicators.Reported {
		// A formula that is one aggregate has just been shown worked out.
		if sub := substitute(res); len(res.Inputs) > 0 || len(res.Aggregates) != 1 || res.Aggregates[0].Value == nil || strings.TrimSpace(sub) != view.Number(*res.Aggregates[0].Value, res.Unit) {
			fmt.Fprintf(b, "%s%s = %s = %s\n", e.t("计算：", "Arithmetic: "), replaceNames(res.Formula, names), sub, view.Of(res).Value.In(e.lang))
		}
	}
	if a := e.appliedTarget(l, res); a != "" {
		fmt.Fprintf(b, "%s%s\n", e.t("适用目标：", "Target applied: "), a)
	}
	switch res.Status {
	case indicators.Met, indicators.NotMet:
		fmt.Fprintf(b, "%s%s %s%s%s → %s%s%s\n", e.t("比较：", "Comparison: "), view.Of(res).Value.In(e.lang), e.t("对照目标 ", "against the target "),
			view.Of(res).Target.In(e.lang), e.t("", ""), view.Of(res).Status.In(e.lang),
			e.t("，差距 ", ", gap "), view.Of(res).Gap.In(e.lang))
	default:
		fmt.Fprintf(b, "%s%s\n", e.t("结果：", "Result: "), res.Status.Name().In(e.lang))
	}
	if res.Reference {
		fmt.Fprintf(b, "%s%s\n", e.t("参考：", "For reference: "), view.Of(res).TargetNote.In(e.lang))
	}
	if res.Reason != nil {
		fmt.Fprintf(b, "%s%s\n", e.t("原因：", "Why: "), res.Reason.In(e.lang))
	}
	for _, n := range view.Of(res).FigureNotes {
		fmt.Fprintf(b, "%s%s\n", e.t("上下级数据：", "Parent figures: "), n.In(e.lang))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(b, "%s%s\n", e.t("注意：", "Warning: "), w.In(e.lang))
	}
}

func (e *env) childState(s string) string {
	switch s {
	case "missing":
		return e.t("缺数据", "missing")
	case "not_computable":
		return e.t("无法计算", "not computable")
	case "not_applicable":
		return e.t("不适用", "not applicable")
	}
	return s
}

// substitute writes the formula with each input's value in place of its
// name or id, and each aggregate call replaced by its value: the division a
// person would do by hand ("12400 / 12500").
func substitute(res indicators.Result) string {
	src := res.Formula
	for _, a := range res.Aggregates {
		if a.Value == nil {
			continue
		}
		if from, to, ok := callSpan(src, a.Of, a.Weight); ok {
			src = src[:from] + view.Number(*a.Value, res.Unit) + src[to:]
		}
	}
	values := map[string]string{}
	for _, in := range res.Inputs {
		v := "—"
		if in.Value != nil {
			v = view.Number(*in.Value, in.Unit)
		}
		values[in.ID] = v
		for _, n := range []string{in.Name.ZH, in.Name.EN} {
			if n != "" {
				values[n] = v
			}
		}
	}
	return replaceNames(src, values)
}

// replaceNames replaces every whole name in src that is a key of values,
// longest names first.
func replaceNames(src string, values map[string]string) string {
	keys := make([]string, 0, len(values))
	for k := range values {
		// An empty name would match everywhere without moving on.
		if k != "" {
			keys = append(keys, k)
		}
	}
	// Longest first, so that 初中在校生数 is not read as 初中 + 在校生数.
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	// Byte offsets, not runes, so that the text comes back byte for byte
	// where nothing is replaced.
	var b strings.Builder
	for i := 0; i < len(src); {
		matched := false
		if prev, _ := utf8.DecodeLastRuneInString(src[:i]); i == 0 || !identRune(prev) {
			for _, k := range keys {
				if !strings.HasPrefix(src[i:], k) {
					continue
				}
				j := i + len(k)
				if next, _ := utf8.DecodeRuneInString(src[j:]); j == len(src) || !identRune(next) {
					b.WriteString(values[k])
					i = j
					matched = true
					break
				}
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(src[i:])
			b.WriteString(src[i : i+size])
			i += size
		}
	}
	return b.String()
}

// identRune reports whether r can be part of a name in a formula.
func identRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// callSpan finds "func(arg)", or "func(arg, weight)" when weight is not
// empty, around arg in src: the byte span from the function name to the
// closing parenthesis.
func callSpan(src, arg, weight string) (int, int, bool) {
	at := strings.Index(src, arg)
	if at < 0 {
		return 0, 0, false
	}
	from := strings.LastIndex(src[:at], "(")
	if from < 0 || strings.TrimSpace(src[from+1:at]) != "" {
		return 0, 0, false
	}
	start := from
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(src[:start])
		if !identRune(r) {
			break
		}
		start -= size
	}
	end := at + len(arg)
	if weight != "" {
		rest := strings.TrimLeft(src[end:], " ")
		rest, ok := strings.CutPrefix(rest, ",")
		if !ok {
			rest, ok = strings.CutPrefix(rest, "，")
		}
		w := strings.Index(rest, weight)
		if !ok || w < 0 || strings.TrimSpace(rest[:w]) != "" {
			return 0, 0, false
		}
		end = len(src) - len(rest) + w + len(weight)
	}
	close := strings.Index(src[end:], ")")
	if close < 0 || strings.TrimSpace(src[end:end+close]) != "" {
		return 0, 0, false
	}
	return start, end + close + 1, true
}
