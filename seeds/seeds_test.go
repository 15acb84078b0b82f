package seeds

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func loadPlan(t testing.TB) *plan.Plan {
	t.Helper()
	p, err := Zhenjiang2017()
	require.NoError(t, err)
	return p
}

func TestZhenjiang2017LoadsAndValidates(t *testing.T) {
	p := loadPlan(t)
	require.NoError(t, p.Validate())
	assert.Equal(t, plan.Format, p.Format)
	assert.Equal(t, "zhenjiang-2017", p.ID)
	assert.Equal(t, "镇江市教育局2017年工作要点", p.Title.ZH)
	assert.Equal(t, "镇江市教育局", p.Issuer.ZH)
	assert.Equal(t, "2017-03-06", p.Published)
	assert.Equal(t, 2017, p.Year)
	assert.Contains(t, p.Reference, "014466995/2017-00018")

	d, err := Default()
	require.NoError(t, err)
	assert.Equal(t, p, d, "Default is the Zhenjiang 2017 plan")
}

func TestZhenjiang2017ReturnsFreshCopies(t *testing.T) {
	a, b := loadPlan(t), loadPlan(t)
	a.Sections[0].Tasks[0].Title.ZH = "changed"
	a.Indicators[0].Target = "≥ 1%"
	assert.Equal(t, "深入推进“双创”工作", b.Sections[0].Tasks[0].Title.ZH)
	assert.Equal(t, "达99%以上", b.Indicators[0].Target)
	c := loadPlan(t)
	assert.Equal(t, b, c)
}

// The committed JSON is in the form plan.Save writes, so that a tool that
// loads and saves the plan leaves it byte for byte unchanged.
func TestZhenjiang2017JSONIsCanonical(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, loadPlan(t).Save(&b))
	if !bytes.Equal(b.Bytes(), Zhenjiang2017JSON()) {
		t.Fatal("zhenjiang2017.json is not in the form plan.Save writes: load and save it to normalise")
	}
}

func TestEmbeddedFilesMatchTheFolder(t *testing.T) {
	for name, embedded := range map[string][]byte{
		"zhenjiang2017.json": Zhenjiang2017JSON(),
		"zhenjiang2017.txt":  []byte(SourceText()),
		"sample2017.json":    SampleData(),
	} {
		onDisk, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(onDisk, embedded), name)
	}
	// The returned slices are copies.
	SampleData()[0] = 'x'
	Zhenjiang2017JSON()[0] = 'x'
	assert.Equal(t, byte('{'), SampleData()[0])
	assert.Equal(t, byte('{'), Zhenjiang2017JSON()[0])
}

// The source text is kept byte for byte as scraped; its size and a few
// of its damaged spots pin it.
func TestSourceTextIsTheScrape(t *testing.T) {
	src := SourceText()
	assert.Len(t, src, 32340)
	for _, s := range []string{
		"力争再成功申报34个省级课程基地",       // lost hyphen (3-4)
		"继续开展“3+3“3+4等中高职衔接",     // lost closing quote
		"探索构建镇江市中小学生学生综合素质评价体系",  // doubled 学生
		"深化全面从严治党切实保障教育和谐稳定发展\n", // heading without its number
		"朱定明\u00a0\n", // a no-break space after a name
	} {
		assert.Contains(t, src, s)
	}
}

// TestCounts checks the plan's structure against counts read off the
// source by hand.
func TestCounts(t *testing.T) {
	p := loadPlan(t)
	require.Len(t, p.Goals, 5)
	for i, g := range p.Goals {
		assert.Equal(t, i+1, g.Number)
		assert.Equal(t, "goal-"+itoa(i+1), g.ID)
	}

	wantSections := []struct {
		id     string
		number int
		first  int
		last   int
	}{
		{"section-1", 1, 1, 9},
		{"section-2", 2, 10, 16},
		{"section-3", 3, 17, 20},
		{"section-4", 4, 21, 23},
		{"section-5", 5, 24, 27},
		{"section-party", 0, 28, 33},
	}
	require.Len(t, p.Sections, len(wantSections))
	next := 1
	for i, w := range wantSections {
		s := p.Sections[i]
		assert.Equal(t, w.id, s.ID)
		assert.Equal(t, w.number, s.Number)
		require.Len(t, s.Tasks, w.last-w.first+1, s.ID)
		for _, task := range s.Tasks {
			assert.Equal(t, next, task.Number, "tasks are numbered 1–33 in order")
			assert.Equal(t, "task-"+itoa(next), task.ID)
			next++
		}
	}
	assert.Equal(t, 34, next, "33 tasks")
	assert.Contains(t, p.Sections[5].Note, "28")

	require.NotNil(t, p.Appendix)
	assert.Len(t, p.Appendix.Targets, 4, "事业目标 has four lines")
	assert.Len(t, p.Appendix.Projects, 5, "民生实事 has five lines")

	// Items per category, counted in the source's table.
	want := []struct {
		action, category string
		items            int
	}{
		{"service-year", "service-year.build", 5},
		{"service-year", "service-year.policy", 2},
		{"service-year", "service-year.conduct", 5},
		{"reform-year", "reform-year.moral", 1},
		{"reform-year", "reform-year.teaching", 3},
		{"reform-year", "reform-year.governance", 4},
		{"reform-year", "reform-year.inspection", 1},
		{"reform-year", "reform-year.staff", 2},
		{"reform-year", "reform-year.preschool", 3},
	}
	var got []struct {
		action, category string
		items            int
	}
	for _, a := range p.Appendix.Actions {
		for _, c := range a.Categories {
			got = append(got, struct {
				action, category string
				items            int
			}{a.ID, c.ID, len(c.Items)})
			for k, it := range c.Items {
				assert.Equal(t, k+1, it.Number, it.ID)
				assert.Equal(t, c.ID+"."+itoa(k+1), it.ID)
			}
		}
	}
	assert.Equal(t, want, got)
	assert.Len(t, p.Items(), 26, "the task book has 26 items")
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Every text of the document is the source's own, whole lines of it.
func TestTextsAreVerbatim(t *testing.T) {
	p := loadPlan(t)
	src := SourceText()
	assert.Contains(t, src, "\n指导思想:"+p.Guiding.ZH+"\n")
	for _, g := range p.Goals {
		line := "\n" + itoa(g.Number) + "." + g.Text.ZH + "\n"
		assert.Contains(t, src, line, g.ID)
		assert.True(t, strings.HasPrefix(g.Text.ZH, g.Title.ZH+"。"), "%s: the title is the first sentence, without its 。", g.ID)
		assert.NotContains(t, g.Title.ZH, "。")
	}
	for _, s := range p.Sections {
		heading := s.Title.ZH
		if s.Number > 0 {
			heading = string([]rune("一二三四五")[s.Number-1]) + "、" + heading
		}
		assert.Contains(t, src, "\n"+heading+"\n", s.ID)
		for _, task := range s.Tasks {
			assert.Contains(t, src, "\n"+itoa(task.Number)+"."+task.Text.ZH+"\n", task.ID)
			assert.True(t, strings.HasPrefix(task.Text.ZH, task.Title.ZH+"。"), "%s: the title is the first sentence, without its 。", task.ID)
			assert.NotContains(t, task.Title.ZH, "。")
		}
	}
	assert.Contains(t, src, "附件:《"+p.Appendix.Title.ZH+"》")
	for _, li := range slices.Concat(p.Appendix.Targets, p.Appendix.Projects) {
		assert.Contains(t, src, "\n"+li.Text.ZH+"\n", li.ID)
	}
	for _, ref := range p.Items() {
		assert.Contains(t, src, "\n"+itoa(ref.Item.Number)+"."+ref.Item.Content.ZH+"\n", ref.Item.ID)
	}
}

// TestTaskBookTable rebuilds the scraped table from the encoded items:
// action and category names, each item's content and the cells it has of
// its own, in column order. With the whitespace the scrape put between cells
// removed, it must give the source's table exactly. This proves that every
// cell in the source is encoded and that no cell was invented: cells the
// source shows only once are encoded as merged, and must equal the cell of
// the row they were merged from.
func TestTaskBookTable(t *testing.T) {
	p := loadPlan(t)
	src := SourceText()
	from := strings.Index(src, "\n完成时限\n")
	to := strings.Index(src, "\n中国・")
	require.True(t, from > 0 && to > from)
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	var b strings.Builder
	for _, a := range p.Appendix.Actions {
		b.WriteString(a.Name.ZH)
		for _, c := range a.Categories {
			b.WriteString(c.Name.ZH)
			byNumber := map[int]plan.Item{}
			for _, it := range c.Items {
				byNumber[it.Number] = it
				b.WriteString(itoa(it.Number) + "." + it.Content.ZH)
				for col, cell := range itemCells(it) {
					require.NotNil(t, cell, "%s has no %s", it.ID, columns[col])
					if cell.Merged {
						m := regexp.MustCompile(`item (\d+)`).FindStringSubmatch(cell.Note)
						require.NotNil(t, m, "%s.%s: a merged cell's note names the item it comes from", it.ID, columns[col])
						var n int
						for _, r := range m[1] {
							n = n*10 + int(r-'0')
						}
						from, ok := byNumber[n]
						require.True(t, ok, "%s.%s: merged from an earlier item", it.ID, columns[col])
						assert.Equal(t, itemCells(from)[col].Text, cell.Text, "%s.%s: a merged cell repeats the value it was merged from", it.ID, columns[col])
						assert.Contains(t, cell.Note, "合并", "%s.%s", it.ID, columns[col])
						continue
					}
					text := cell.Text
					if col == 2 {
						text = strings.Join(plan.SplitNames(text), "")
					}
					b.WriteString(text)
				}
			}
		}
	}
	assert.Equal(t, strip(src[from+len("\n完成时限\n"):to]), strip(b.String()))
}

var columns = []string{"units", "office", "leads", "deadline"}

func itemCells(it plan.Item) []*plan.Cell {
	return []*plan.Cell{it.Units, it.Office, it.Leads, it.Deadline}
}

// The cells the brief and the issue single out, spelled out.
func TestTaskBookCells(t *testing.T) {
	p := loadPlan(t)
	items := map[string]*plan.Item{}
	for _, ref := range p.Items() {
		items[ref.Item.ID] = ref.Item
	}
	cases := []struct {
		item, column, text string
		merged             bool
	}{
		{"service-year.build.1", "units", "市及各辖市区", false},
		{"service-year.build.2", "units", "市及各辖市区", true},
		{"service-year.build.2", "office", "基教处", true},
		{"service-year.build.2", "leads", "黄科文", true},
		{"service-year.build.2", "deadline", "2017", true},
		{"service-year.build.3", "units", "市及相关辖市区", false},
		{"service-year.build.4", "units", "市及相关辖市区", true},
		{"service-year.build.4", "office", "职社处", true},
		{"service-year.build.4", "leads", "朱定明", true},
		{"service-year.build.4", "deadline", "2017.10", false},
		{"service-year.build.5", "deadline", "2017底前", false},
		{"service-year.conduct.4", "deadline", "2018年底", false},
		{"service-year.conduct.3", "deadline", "长期", false},
		{"reform-year.governance.2", "leads", "朱定明", false},
		{"reform-year.governance.4", "leads", "潘国建、赵建军", false},
		{"reform-year.inspection.1", "leads", "潘国建、赵建军", false},
		{"reform-year.inspection.1", "units", "各辖市区", false},
		{"reform-year.staff.1", "units", "句容", false},
		{"reform-year.staff.2", "units", "扬中、新区", false},
		{"reform-year.staff.2", "office", "组宣处", false},
		{"reform-year.staff.2", "leads", "姜成林", true},
		{"reform-year.staff.2", "deadline", "2017", true},
		{"reform-year.teaching.3", "office", "体卫艺", false},
	}
	for _, c := range cases {
		it := items[c.item]
		require.NotNil(t, it, c.item)
		cell := itemCells(*it)[slices.Index(columns, c.column)]
		require.NotNil(t, cell, "%s.%s", c.item, c.column)
		assert.Equal(t, c.text, cell.Text, "%s.%s", c.item, c.column)
		assert.Equal(t, c.merged, cell.Merged, "%s.%s merged", c.item, c.column)
		if c.merged {
			assert.Contains(t, cell.Note, "merged with the row above", "%s.%s", c.item, c.column)
		}
	}
	assert.Equal(t, []string{"潘国建", "赵建军"}, plan.SplitNames(items["reform-year.governance.4"].Leads.Text))
	for _, ref := range p.Items() {
		d, err := plan.ParseDeadline(ref.Item.Deadline.Text)
		require.NoError(t, err, ref.Item.ID)
		if ref.Item.Deadline.Text == "长期" {
			assert.True(t, d.Ongoing)
		} else {
			assert.Contains(t, []int{2017, 2018}, d.Due.Year, ref.Item.ID)
		}
	}
}

// Every goal, section, task, list line, action, category, item, metric and
// indicator has its English.
func TestEnglishEverywhere(t *testing.T) {
	p := loadPlan(t)
	var missing []string
	need := func(what string, tx msg.Text) {
		if strings.TrimSpace(tx.EN) == "" {
			missing = append(missing, what)
		}
		for _, r := range tx.EN {
			if unicode.Is(unicode.Han, r) && !allowedHan(tx.EN) {
				missing = append(missing, what+" (Chinese in the English)")
				break
			}
		}
	}
	need("title", p.Title)
	need("issuer", p.Issuer)
	need("guiding", p.Guiding)
	for _, g := range p.Goals {
		need(g.ID+".title", g.Title)
		need(g.ID+".text", g.Text)
	}
	for _, s := range p.Sections {
		need(s.ID, s.Title)
		for _, task := range s.Tasks {
			need(task.ID+".title", task.Title)
			need(task.ID+".text", task.Text)
		}
	}
	need("appendix", p.Appendix.Title)
	for _, li := range slices.Concat(p.Appendix.Targets, p.Appendix.Projects) {
		need(li.ID, li.Text)
	}
	for _, a := range p.Appendix.Actions {
		need(a.ID, a.Name)
		for _, c := range a.Categories {
			need(c.ID, c.Name)
			for _, it := range c.Items {
				need(it.ID, it.Content)
			}
		}
	}
	for _, m := range p.Metrics {
		need(m.ID+".name", m.Name)
		need(m.ID+".hint", m.Hint)
	}
	for _, ind := range p.Indicators {
		need(ind.ID+".name", ind.Name)
	}
	assert.Empty(t, missing)
}

// allowedHan lets an English text quote a Chinese term in brackets or
// quotes after translating it, as "(县管校聘)".
func allowedHan(en string) bool {
	return regexp.MustCompile(`[(（'“]\p{Han}`).MatchString(en)
}

// The translations explain terms by meaning rather than transliterating.
func TestTermsTranslatedByMeaning(t *testing.T) {
	p := loadPlan(t)
	task := func(n int) plan.Task {
		tk, ok := p.Task(n)
		require.True(t, ok)
		return *tk
	}
	assert.Contains(t, task(1).Title.EN, "model towns and model schools", "双创")
	assert.Contains(t, task(13).Title.EN, "managed by the county and hired by schools", "县管校聘")
	assert.Contains(t, task(22).Text.EN, "eight courtesies and four rites", "八礼四仪")
	assert.Contains(t, task(4).Text.EN, "3–4 more provincial curriculum bases", "the repaired range")
}

// TestIndicatorsByKindOfSchool writes out, kind by kind, the indicators a
// single school is assessed on. A complete secondary school (完全中学) has a
// junior section, so its intake and its junior graduates count like those
// of any junior school; a kindergarten and a special school are assessed
// only through their district and the city.
func TestIndicatorsByKindOfSchool(t *testing.T) {
	p := loadPlan(t)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	fitness := []string{"fitness_excellent_rate", "fitness_pass_rate"}
	want := map[org.Kind][]string{
		org.Kindergarten:   nil,
		org.Primary:        append([]string{"school_choice_share"}, fitness...),
		org.JuniorSecond:   append([]string{"school_choice_share", "junior_progression_rate"}, fitness...),
		org.NineYear:       append([]string{"school_choice_share", "junior_progression_rate"}, fitness...),
		org.CompleteSecond: append([]string{"school_choice_share", "junior_progression_rate"}, fitness...),
		org.SeniorSecond:   fitness,
		org.Vocational:     append([]string{"vocational_intermediate_certificate_share", "vocational_employment_rate"}, fitness...),
		org.Special:        nil,
	}
	for _, k := range org.KindNames() {
		var got []string
		for _, ind := range cat.ApplicableIndicators(org.School, k.Kind) {
			got = append(got, ind.ID)
		}
		assert.ElementsMatch(t, want[k.Kind], got, "%s", k.Kind)
	}
	// The form of a complete secondary school asks for what its junior
	// indicators need.
	var form []string
	for _, m := range cat.FormMetrics(org.School, org.CompleteSecond) {
		form = append(form, m.ID)
	}
	for _, id := range []string{"school_choice_pupils", "compulsory_new_entrants", "junior_graduates", "junior_graduates_progressing", "junior_graduating_class", "junior_teachers", "senior_teachers"} {
		assert.Contains(t, form, id)
	}
}

// citedDocuments are the documents the plan's metric definitions and
// indicator notes cite beyond the source text itself, each checked to exist
// under this title. A title not in this list (and not in the source) fails
// the test: a definition must not cite a document nobody can find.
var citedDocuments = map[string]string{
	"中国教育监测与评价统计指标体系":         "Ministry of Education, issued 2015 (revised 2020); defines the enrolment, retention and progression rates",
	"统计上划分城乡的规定":              "National Bureau of Statistics, 2008, approved by the State Council: the urban–rural division",
	"关于实施第三期学前教育行动计划的意见":      "Ministry of Education and three other departments, 2017: coverage of inclusive kindergartens",
	"第二期特殊教育提升计划（2017-2020年）": "Ministry of Education and six other departments, 2017: enrolment rate of disabled children",
	"国家学生体质健康标准（2014年修订）":     "Ministry of Education, 2014: the physical health test's grades",
}

// uncitable returns the titles in text that are neither in the source nor
// among the documents known to exist.
func uncitable(src, text string) (titles, unknown []string) {
	for _, m := range regexp.MustCompile(`《([^》]+)》`).FindAllStringSubmatch(text, -1) {
		titles = append(titles, m[1])
		if _, ok := citedDocuments[m[1]]; !ok && !strings.Contains(src, "《"+m[1]+"》") {
			unknown = append(unknown, m[1])
		}
	}
	return titles, unknown
}

func TestCitedDocumentsAreKnown(t *testing.T) {
	p := loadPlan(t)
	src := SourceText()
	seen := map[string]bool{}
	check := func(where, text string) {
		titles, unknown := uncitable(src, text)
		for _, d := range titles {
			seen[d] = true
		}
		assert.Empty(t, unknown, "%s cites documents neither in the source nor known to exist", where)
	}
	for _, m := range p.Metrics {
		for _, tx := range []msg.Text{m.Name, m.Hint, m.Definition} {
			check(m.ID, tx.ZH)
			check(m.ID, tx.EN)
		}
	}
	for _, ind := range p.Indicators {
		check(ind.ID, ind.Name.ZH)
		check(ind.ID, ind.Note)
	}
	for doc := range citedDocuments {
		assert.True(t, seen[doc], "citedDocuments[%q] is cited nowhere", doc)
	}
	// The check can fail: a title no one can vouch for fails, and so does a
	// real one not yet vetted here (the 3-6 guide, which the source spells
	// 《36岁…》 after the scrape lost its hyphen); a title the source
	// itself cites passes.
	_, unknown := uncitable(src, "见教育部《教育统计指标解释》和《3-6岁儿童学习与发展指南》。")
	assert.Equal(t, []string{"教育统计指标解释", "3-6岁儿童学习与发展指南"}, unknown)
	_, unknown = uncitable(src, "《职业院校管理水平提升行动计划实施方案(2016-2018)》")
	assert.Empty(t, unknown)
}
