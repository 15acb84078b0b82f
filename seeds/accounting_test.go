package seeds

// The accounting test: every number in the source text is either part of
// an encoded target (inside some indicator's wording), the number of a
// goal, task or task-book item, or listed in exclusions.json with its
// context and the reason it is not a target (or the indicator it restates).
//
// What counts as a number:
//   - Arabic digits, ASCII or full-width, with the joiners of dates,
//     decimals, ranges and programme names between digits taken as one
//     number: "2017-03-06", "2017.12", "3-4", "3+3";
//   - Roman numerals (Ⅰ, Ⅱ …), which the plan uses in a category name;
//   - Chinese numerals (一 … 十, 百, 千, 万, 两, 〇) only when a counter word
//     or a word that counts follows them (个 所 家 项 名 人 次 批 届 期 类
//     大 级 星 年 …): "三所" or "两大类" reads like a quantity, "一体化" or
//     "进一步" does not. Every target of this plan is written in Arabic
//     digits; the Chinese ones are all names, ordinals and fixed phrases,
//     listed in the exclusions so that a target written "建成三所" later
//     would fail the test.
//
// A target can also be written with no digit at all: 招生规模与普通高中大体相当,
// 实现全覆盖, 全面取消无证办园点, 全部创成. So the words of quantitative
// relations (wordRE: 相当, 持平, 全覆盖, 全面取消, 全部, 不超过, 以上 …) are
// tokens too, of kind "word": each must lie inside an indicator's wording,
// inside the context of a restatement (whose target is encoded), or be
// listed in exclusions.json with the word as its number and a reason.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/plan"
)

type exclusionFile struct {
	Note    string      `json:"note"`
	Entries []exclusion `json:"entries"`
}

// exclusion accounts for a number that is not (or not here) a target.
type exclusion struct {
	// Number is the number as the scanner finds it: "2017.12", "3+3", "十九".
	Number string `json:"number"`
	// Context is a verbatim piece of the source holding Number.
	Context string `json:"context"`
	// Occurrences is how many times Context occurs in the source; 0 means 1.
	Occurrences int `json:"occurrences,omitempty"`
	// Kind groups the reasons: year, date, document, name, ordinal,
	// description, deadline, reference, footer, restated.
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	// Indicator is set for a restatement: the number is a target already
	// encoded as this indicator, stated again here.
	Indicator string `json:"indicator,omitempty"`
}

func loadExclusions(t testing.TB) []exclusion {
	t.Helper()
	data, err := os.ReadFile("exclusions.json")
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f exclusionFile
	require.NoError(t, dec.Decode(&f))
	require.NotEmpty(t, f.Note)
	return f.Entries
}

// token is one number found in the source; start and end are byte offsets.
type token struct {
	start, end int
	text, kind string
}

var (
	arabicRE = regexp.MustCompile(`[0-9０-９]+(?:[.．\-－+＋][0-9０-９]+)*`)
	romanRE  = regexp.MustCompile(`[\x{2160}-\x{217F}]+`)
	// chineseRE's first group is the numeral; the counter after it is only
	// looked at.
	chineseRE = regexp.MustCompile(`([〇零一二三四五六七八九十百千万两]+)[个所家项名人次批届期类大级星年支位条座处门种道件份]`)
	// wordRE finds the words of quantitative relations. Longer words come
	// first, so 大体相当 is one token, not 相当 inside it.
	wordRE = regexp.MustCompile(`大体相当|基本相当|相当|基本持平|持平|全覆盖|全面取消|全部|全面消除|清零|杜绝|翻一番|翻番|同步增长|不低于|不少于|不多于|不得超过|不超过|不高于|以内|以上|以下`)
)

func scanNumbers(src string) []token {
	var toks []token
	for _, m := range arabicRE.FindAllStringIndex(src, -1) {
		toks = append(toks, token{m[0], m[1], src[m[0]:m[1]], "arabic"})
	}
	for _, m := range romanRE.FindAllStringIndex(src, -1) {
		toks = append(toks, token{m[0], m[1], src[m[0]:m[1]], "roman"})
	}
	for _, m := range chineseRE.FindAllStringSubmatchIndex(src, -1) {
		toks = append(toks, token{m[2], m[3], src[m[2]:m[3]], "chinese"})
	}
	for _, m := range wordRE.FindAllStringIndex(src, -1) {
		toks = append(toks, token{m[0], m[1], src[m[0]:m[1]], "word"})
	}
	sort.Slice(toks, func(i, j int) bool { return toks[i].start < toks[j].start })
	return toks
}

// indexAll returns the offsets of every occurrence of sub in s.
func indexAll(s, sub string) []int {
	var out []int
	for i := 0; sub != ""; {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			break
		}
		out = append(out, i+k)
		i += k + 1
	}
	return out
}

// numbered lists, for each goal, task and item number, the texts that
// follow "N." at the start of a line.
func numbered(p *plan.Plan) map[int][]string {
	out := map[int][]string{}
	for _, g := range p.Goals {
		out[g.Number] = append(out[g.Number], g.Text.ZH)
	}
	for _, s := range p.Sections {
		for _, t := range s.Tasks {
			out[t.Number] = append(out[t.Number], t.Text.ZH)
		}
	}
	for _, ref := range p.Items() {
		out[ref.Item.Number] = append(out[ref.Item.Number], ref.Item.Content.ZH)
	}
	return out
}

// account returns the numbers of src that nothing accounts for, and the
// problems of the exclusion list itself (a context that no longer occurs as
// often as it says, or holds no such number).
func account(src string, p *plan.Plan, ex []exclusion) (uncovered, problems []string) {
	toks := scanNumbers(src)
	covered := make([]bool, len(toks))
	cover := func(from, to int, text string) int {
		n := 0
		for i, tk := range toks {
			if tk.start >= from && tk.end <= to && (text == "" || tk.text == text || text == "\x00word" && tk.kind == "word") {
				covered[i] = true
				n++
			}
		}
		return n
	}
	for _, ind := range p.Indicators {
		for _, at := range indexAll(src, ind.Wording) {
			cover(at, at+len(ind.Wording), "")
		}
	}
	nums := numbered(p)
	for i, tk := range toks {
		if tk.kind != "arabic" || (tk.start > 0 && src[tk.start-1] != '\n') || !strings.HasPrefix(src[tk.end:], ".") {
			continue
		}
		n, err := strconv.Atoi(tk.text)
		if err != nil {
			continue
		}
		rest := src[tk.end+1:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		if slices.Contains(nums[n], rest) {
			covered[i] = true
		}
	}
	for k, e := range ex {
		want := max(e.Occurrences, 1)
		at := indexAll(src, e.Context)
		if len(at) != want {
			problems = append(problems, fmt.Sprintf("exclusions[%d] (%s): context %q occurs %d times, the entry says %d", k, e.Number, e.Context, len(at), want))
		}
		n := 0
		for _, a := range at {
			n += cover(a, a+len(e.Context), e.Number)
			if e.Kind == "restated" {
				// The relation words of a restated target belong to it.
				cover(a, a+len(e.Context), "\x00word")
			}
		}
		if n == 0 && len(at) > 0 {
			problems = append(problems, fmt.Sprintf("exclusions[%d]: %q is not a number of its context %q", k, e.Number, e.Context))
		}
	}
	for i, tk := range toks {
		if !covered[i] {
			from, to := max(tk.start-24, 0), min(tk.end+24, len(src))
			for from > 0 && !utf8Start(src[from]) {
				from--
			}
			for to < len(src) && !utf8Start(src[to]) {
				to++
			}
			uncovered = append(uncovered, fmt.Sprintf("%s (%s) in …%s…", tk.text, tk.kind, src[from:to]))
		}
	}
	return uncovered, problems
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func TestAccounting(t *testing.T) {
	p := loadPlan(t)
	ex := loadExclusions(t)
	uncovered, problems := account(SourceText(), p, ex)
	assert.Empty(t, problems)
	assert.Empty(t, uncovered, "numbers in the source that no indicator wording, numbering or exclusions.json entry accounts for")

	// The scanner sees what it should: the counts pin it.
	kinds := map[string]int{}
	for _, tk := range scanNumbers(SourceText()) {
		kinds[tk.kind]++
	}
	assert.Equal(t, map[string]int{"arabic": 181, "roman": 1, "chinese": 46, "word": 22}, kinds)

	seen := map[string]bool{}
	for i, e := range ex {
		assert.NotEmpty(t, e.Reason, "exclusions[%d]", i)
		assert.Contains(t, []string{"year", "date", "document", "name", "ordinal", "description", "deadline", "reference", "footer", "restated", "relation"}, e.Kind, "exclusions[%d]", i)
		assert.Equal(t, e.Kind == "relation", wordRE.MatchString(e.Number) && !arabicRE.MatchString(e.Number), "exclusions[%d]: a relation word, and only it, is listed as a relation", i)
		assert.Equal(t, e.Kind == "restated", e.Indicator != "", "exclusions[%d]: restatements, and only they, name an indicator", i)
		if e.Indicator != "" {
			_, ok := p.Indicator(e.Indicator)
			assert.True(t, ok, "exclusions[%d]: unknown indicator %q", i, e.Indicator)
		}
		key := e.Number + "\x00" + e.Context
		assert.False(t, seen[key], "exclusions[%d] is listed twice", i)
		seen[key] = true
	}
}

// TestAccountingCatchesNewNumbers proves the accounting can fail: each
// mutation of the text in memory must leave a number unaccounted for, or
// break an exclusion.
func TestAccountingCatchesNewNumbers(t *testing.T) {
	p := loadPlan(t)
	ex := loadExclusions(t)
	src := SourceText()
	task10 := "10.深化学前教育体制改革。进一步深化政策研究,"
	require.Contains(t, src, task10)
	cases := []struct {
		name, old, new string
		uncovered      string // a number that must be reported
		problem        string // or a broken exclusion
	}{
		{"a new target in Arabic digits", task10, task10 + "建成省级示范学校7所,", "7 (arabic)", ""},
		{"a new target in full-width digits", task10, task10 + "新建足球场３个,", "３ (arabic)", ""},
		{"a new target in Chinese numerals", task10, task10 + "再建三所示范园,", "三 (chinese)", ""},
		{"a new decimal", task10, task10 + "经费增长12.5%,", "12.5 (arabic)", ""},
		{"a changed target", "新建、改扩建幼儿园 14所", "新建、改扩建幼儿园 15所", "15 (arabic)", ""},
		{"a new target in words: 全覆盖", task10, task10 + "实现普惠性幼儿园全覆盖,", "全覆盖 (word)", ""},
		{"a new target in words: 持平", task10, task10 + "公办园在园幼儿占比与上年持平,", "持平 (word)", ""},
		{"a new target in words: 相当", task10, task10 + "公办园与民办园规模相当,", "相当 (word)", ""},
		{"a new target in words: 全部", task10, task10 + "幼儿园全部达到省定标准,", "全部 (word)", ""},
		{"a new target in words: 全面取消", task10, task10 + "全面取消学前班,", "全面取消 (word)", ""},
		{"a relation word in a changed wording", "全面取消无证办园点", "全面取消无证办园", "全面取消 (word)", ""},
		{"the excluded 大体相当 removed", "招生规模与普通高中大体相当", "招生规模与普通高中相当", "相当 (word)", "大体相当"},
		{"a task number the plan does not have", "\n\n33.积极营造", "\n\n34.新增任务。\n\n33.积极营造", "34 (arabic)", ""},
		{"an excluded number restated once more", task10, task10 + "义务教育学校择校生比例不得超过5%,", "", "occurs 2 times"},
		{"an excluded number removed", "《镇江青年教师“135工程”实施办法》", "《镇江青年教师工程实施办法》", "", "“135工程”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mutated := strings.Replace(src, c.old, c.new, 1)
			require.NotEqual(t, src, mutated)
			uncovered, problems := account(mutated, p, ex)
			if c.uncovered != "" {
				found := slices.ContainsFunc(uncovered, func(s string) bool { return strings.HasPrefix(s, c.uncovered) })
				assert.True(t, found, "want %q reported, got %q", c.uncovered, uncovered)
			}
			if c.problem != "" {
				found := slices.ContainsFunc(problems, func(s string) bool { return strings.Contains(s, c.problem) })
				assert.True(t, found, "want a problem mentioning %q, got %q", c.problem, problems)
			}
		})
	}
}

// place is a goal, task, list line or item with where its text lies in the
// source.
type place struct {
	id         string
	from, to   int
	indicators []string
}

// places finds each part of the document that states targets in the
// source: its text is a whole line (after its number).
func places(src string, p *plan.Plan) ([]place, []string) {
	var out []place
	var problems []string
	find := func(id, prefix, text string, inds []string) {
		line := "\n" + prefix + text + "\n"
		at := indexAll(src, line)
		if len(at) != 1 {
			problems = append(problems, fmt.Sprintf("%s: its line occurs %d times in the source", id, len(at)))
			return
		}
		from := at[0] + 1 + len(prefix)
		out = append(out, place{id, from, from + len(text), inds})
	}
	for _, g := range p.Goals {
		find(g.ID, strconv.Itoa(g.Number)+".", g.Text.ZH, g.Indicators)
	}
	for _, s := range p.Sections {
		for _, t := range s.Tasks {
			find(t.ID, strconv.Itoa(t.Number)+".", t.Text.ZH, t.Indicators)
		}
	}
	for _, li := range slices.Concat(p.Appendix.Targets, p.Appendix.Projects) {
		find(li.ID, "", li.Text.ZH, li.Indicators)
	}
	for _, ref := range p.Items() {
		find(ref.Item.ID, strconv.Itoa(ref.Item.Number)+".", ref.Item.Content.ZH, ref.Item.Indicators)
	}
	return out, problems
}

// placeProblems checks that wherever the source states an encoded target —
// an indicator's wording, or a restatement listed in the exclusions — the
// goal, task, line or item there references that indicator: a target stated
// twice is one indicator referenced from both places.
func placeProblems(src string, p *plan.Plan, ex []exclusion) []string {
	pls, problems := places(src, p)
	at := func(pos, end int) *place {
		for i := range pls {
			if pls[i].from <= pos && end <= pls[i].to {
				return &pls[i]
			}
		}
		return nil
	}
	check := func(what, id string, pos, end int) {
		pl := at(pos, end)
		switch {
		case pl == nil:
			problems = append(problems, fmt.Sprintf("%s of %s: at byte %d, outside every goal, task, list line and item", what, id, pos))
		case !slices.Contains(pl.indicators, id):
			problems = append(problems, fmt.Sprintf("%s of %s: stated in %s, which does not reference it", what, id, pl.id))
		}
	}
	for _, ind := range p.Indicators {
		occ := indexAll(src, ind.Wording)
		if len(occ) == 0 {
			problems = append(problems, fmt.Sprintf("the wording of %s is not in the source: %q", ind.ID, ind.Wording))
		}
		for _, pos := range occ {
			check("the wording", ind.ID, pos, pos+len(ind.Wording))
		}
	}
	for _, e := range ex {
		if e.Indicator == "" {
			continue
		}
		for _, pos := range indexAll(src, e.Context) {
			check("a restatement", e.Indicator, pos, pos+len(e.Context))
		}
	}
	return problems
}

func TestTargetsReferencedWhereStated(t *testing.T) {
	p := loadPlan(t)
	ex := loadExclusions(t)
	assert.Empty(t, placeProblems(SourceText(), p, ex))

	// A target added to a task, in the source and the plan alike, without
	// the task referencing its indicator is caught.
	src := SourceText()
	const task10, added = "深化学前教育体制改革。进一步深化政策研究,", "学前三年教育毛入学率达99%以上,"
	mutated := strings.Replace(src, task10, task10+added, 1)
	p2 := loadPlan(t)
	t10, ok := p2.Task(10)
	require.True(t, ok)
	t10.Text.ZH = strings.Replace(t10.Text.ZH, task10, task10+added, 1)
	got := placeProblems(mutated, p2, ex)
	assert.True(t, slices.ContainsFunc(got, func(s string) bool {
		return strings.Contains(s, "preschool_gross_enrolment_rate") && strings.Contains(s, "task-10")
	}), "%q", got)
	// So is a wording that is no longer in the source.
	mutated = strings.Replace(src, "创建省优质园10所", "创建省优质园11所", 1)
	got = placeProblems(mutated, p, ex)
	assert.True(t, slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "new_provincial_quality_kindergartens") }), "%q", got)
}

// Every indicator is referenced from at least one place, and every place's
// references name indicators whose wording it holds or restates: no
// reference is left dangling in a part of the text that never states it.
func TestIndicatorReferences(t *testing.T) {
	p := loadPlan(t)
	refs := p.Places()
	for _, ind := range p.Indicators {
		assert.NotEmpty(t, refs[ind.ID], "%s is referenced from nowhere", ind.ID)
	}
	// Where a place references an indicator whose wording and restatements
	// all lie elsewhere, the link must be one of these, each explained:
	// the place states the same target in other words.
	explained := map[string]string{
		"task-1/modernization_pioneer_units":                              "完成年度“双创”任务: this year's dual-creation task is goal 2's twenty units",
		"task-4/compulsory_school_standardization_rate":                   "“标准化建设监测” measures the standardisation rate of goal 3",
		"service-year.build.1/compulsory_school_standardization_rate":     "the same monitoring, in the task book",
		"service-year.build.3/provincial_modern_vocational_schools_built": "the task book names the school that is to become the one demonstration school of task 6",
		"task-32/safe_campus_demonstration_counties":                      "creating a provincial demonstration county of safe campus building, goal 3's target",
	}
	src := SourceText()
	ex := loadExclusions(t)
	pls, problems := places(src, p)
	require.Empty(t, problems)
	used := map[string]bool{}
	for _, pl := range pls {
		for _, id := range pl.indicators {
			ind, ok := p.Indicator(id)
			require.True(t, ok, "%s references %s, which the plan does not define", pl.id, id)
			stated := false
			for _, pos := range indexAll(src, ind.Wording) {
				stated = stated || (pl.from <= pos && pos < pl.to)
			}
			for _, e := range ex {
				if e.Indicator != id {
					continue
				}
				for _, pos := range indexAll(src, e.Context) {
					stated = stated || (pl.from <= pos && pos < pl.to)
				}
			}
			if !stated {
				_, ok := explained[pl.id+"/"+id]
				assert.True(t, ok, "%s references %s but states it nowhere in its text", pl.id, id)
				used[pl.id+"/"+id] = true
			}
		}
	}
	for k := range explained {
		assert.True(t, used[k], "explained[%q] is not needed: the place states the target itself", k)
	}
}
