package plan

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schedulePlan is the fixture with more task-book rows: several offices and
// leads, an ongoing row, a row without a deadline and a row with two offices.
func schedulePlan(t *testing.T) *Plan {
	t.Helper()
	p := loadFixture(t)
	cat := &p.Appendix.Actions[0].Categories[0]
	add := func(id, office, lead, deadline string) {
		it := Item{ID: id, Number: len(cat.Items) + 1, Content: msg.Text{ZH: "条目 " + id}}
		if office != "" {
			it.Office = &Cell{Text: office}
		}
		if lead != "" {
			it.Leads = &Cell{Text: lead}
		}
		if deadline != "" {
			it.Deadline = &Cell{Text: deadline}
		}
		cat.Items = append(cat.Items, it)
	}
	add("item-3", "基教处", "黄科文", "长期")
	add("item-4", "职社处", "朱定明", "2017.3")
	add("item-5", "督导处", "潘国建\n赵建军", "2017.5")
	add("item-6", "组宣处", "", "")
	add("item-7", "职社处、基教处", "朱定明", "2018年底")
	add("item-8", "基教处", "黄科文", "2017.4")
	require.NoError(t, p.Validate())
	return p
}

func scheduleStatuses(p *Plan) *StatusBook {
	b := NewStatusBook(p)
	b.Set(Status{Item: "item-4", State: Done, Date: Date{2017, 3, 20}})
	b.Set(Status{Item: "item-5", State: InProgress, Date: Date{2017, 4, 1}, Note: "方案已起草"})
	// Done, but only recorded after the first as-of date below.
	b.Set(Status{Item: "item-1", State: Done, Date: Date{2017, 7, 10}})
	return b
}

func itemIDs[T, K any](xs []T, id func(T) K) []K {
	if len(xs) == 0 {
		return nil
	}
	out := make([]K, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func entryIDs(es []Entry) []string {
	return itemIDs(es, func(e Entry) string { return e.Item.Item.ID })
}

func TestOverdue(t *testing.T) {
	p := schedulePlan(t)
	b := scheduleStatuses(p)
	tests := []struct {
		asOf Date
		ids  []string
		days []int
	}{
		{Date{2017, 3, 31}, nil, nil}, // item-4's due day: on time, and done anyway
		{Date{2017, 5, 1}, []string{"item-8"}, []int{1}},
		// item-1's "done" is dated 2017-07-10, not yet known on 06-15.
		{Date{2017, 6, 15}, []string{"item-8", "item-1", "item-5"}, []int{46, 15, 15}},
		{Date{2017, 7, 10}, []string{"item-8", "item-5"}, []int{71, 40}},
		{Date{2018, 1, 1}, []string{"item-8", "item-5", "item-2"}, []int{246, 215, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf.String(), func(t *testing.T) {
			od := p.Overdue(tt.asOf, b)
			assert.Equal(t, tt.ids, itemIDs(od, func(o Overdue) string { return o.Item.Item.ID }))
			assert.Equal(t, tt.days, itemIDs(od, func(o Overdue) int { return o.DaysLate }))
			for _, o := range od {
				assert.NotEqual(t, Done, o.State)
				assert.False(t, o.Deadline.Ongoing)
			}
		})
	}
	// Without a status book nothing is done.
	od := p.Overdue(Date{2017, 6, 15}, nil)
	assert.Equal(t, []string{"item-4", "item-8", "item-1", "item-5"}, itemIDs(od, func(o Overdue) string { return o.Item.Item.ID }))
	assert.Equal(t, NotStarted, od[0].State)
}

func TestSchedule(t *testing.T) {
	p := schedulePlan(t)
	b := scheduleStatuses(p)
	asOf := Date{2017, 6, 15}
	all := p.Schedule(asOf, b, Filter{})
	assert.Equal(t, []string{"item-8", "item-1", "item-5", "item-4", "item-2", "item-7", "item-3", "item-6"}, entryIDs(all))

	byID := map[string]Entry{}
	for _, e := range all {
		byID[e.Item.Item.ID] = e
	}
	assert.Nil(t, byID["item-1"].Status, "a status dated after the as-of date is not known yet")
	assert.Equal(t, NotStarted, byID["item-1"].State)
	assert.Equal(t, InProgress, byID["item-5"].State)
	assert.Equal(t, "方案已起草", byID["item-5"].Status.Note)
	assert.Equal(t, Done, byID["item-4"].State)
	assert.False(t, byID["item-4"].Overdue)
	assert.Nil(t, byID["item-6"].Deadline)
	assert.True(t, byID["item-3"].Deadline.Ongoing)
	assert.Equal(t, Date{2017, 12, 31}, byID["item-2"].Deadline.Due)

	tests := []struct {
		name string
		f    Filter
		ids  []string
	}{
		{"lead alone and among several", Filter{Lead: "黄科文"}, []string{"item-8", "item-1", "item-2", "item-3"}},
		{"lead on its own line", Filter{Lead: "赵建军"}, []string{"item-5"}},
		{"lead with stray spaces", Filter{Lead: " 薛安明 "}, []string{"item-2"}},
		{"office alone and among several", Filter{Office: "基教处"}, []string{"item-8", "item-1", "item-7", "item-3"}},
		{"office and lead", Filter{Office: "职社处", Lead: "朱定明"}, []string{"item-4", "item-7"}},
		{"overdue only", Filter{OverdueOnly: true}, []string{"item-8", "item-1", "item-5"}},
		{"nobody", Filter{Lead: "黄"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ids, entryIDs(p.Schedule(asOf, b, tt.f)))
		})
	}
}

func TestScheduleBadDeadlineIsNotDropped(t *testing.T) {
	p := schedulePlan(t)
	p.Appendix.Actions[0].Categories[0].Items[0].Deadline.Text = "尽快"
	es := p.Schedule(Date{2017, 6, 15}, nil, Filter{})
	var found *Entry
	for i := range es {
		if es[i].Item.Item.ID == "item-1" {
			found = &es[i]
		}
	}
	require.NotNil(t, found)
	assert.Nil(t, found.Deadline)
	require.NotNil(t, found.DeadlineError)
	assert.Contains(t, found.DeadlineError.ZH, "尽快")
	assert.NotContains(t, found.DeadlineError.EN, "无法", "each language apart")
}

func TestGroupOverdue(t *testing.T) {
	p := schedulePlan(t)
	b := scheduleStatuses(p)
	groupIDs := func(gs []Group) map[string][]string {
		out := map[string][]string{}
		for _, g := range gs {
			out[g.Key] = entryIDs(g.Entries)
		}
		return out
	}
	keys := func(gs []Group) []string { return itemIDs(gs, func(g Group) string { return g.Key }) }

	overdue := p.Schedule(Date{2017, 6, 15}, b, Filter{OverdueOnly: true})
	byOffice := GroupByOffice(overdue)
	assert.Equal(t, []string{"基教处", "督导处"}, keys(byOffice))
	assert.Equal(t, map[string][]string{"基教处": {"item-8", "item-1"}, "督导处": {"item-5"}}, groupIDs(byOffice))
	byLead := GroupByLead(overdue)
	assert.Equal(t, []string{"黄科文", "潘国建", "赵建军"}, keys(byLead))
	assert.Equal(t, map[string][]string{"黄科文": {"item-8", "item-1"}, "潘国建": {"item-5"}, "赵建军": {"item-5"}}, groupIDs(byLead))

	later := p.Schedule(Date{2018, 1, 1}, b, Filter{OverdueOnly: true})
	assert.Equal(t, map[string][]string{"基教处": {"item-8"}, "督导处": {"item-5"}, "发财处": {"item-2"}}, groupIDs(GroupByOffice(later)))
	assert.Equal(t, map[string][]string{"黄科文": {"item-8", "item-2"}, "潘国建": {"item-5"}, "赵建军": {"item-5"}, "薛安明": {"item-2"}},
		groupIDs(GroupByLead(later)))

	// Rows with no office or lead are grouped under "", not dropped.
	all := p.Schedule(Date{2017, 6, 15}, b, Filter{})
	assert.Equal(t, []string{"item-6"}, groupIDs(GroupByLead(all))[""])
	assert.Equal(t, []string{"item-7", "item-3"}, groupIDs(GroupByOffice(all))["基教处"][2:])
	assert.Equal(t, []string{"item-4", "item-7"}, groupIDs(GroupByOffice(all))["职社处"])
}

func TestSplitNames(t *testing.T) {
	assert.Equal(t, []string{"潘国建", "赵建军"}, SplitNames("潘国建\n赵建军"))
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, SplitNames(" a、b，c, d\u3000e "))
	assert.Empty(t, SplitNames("  "))
}

func TestStatusBookSetAndSave(t *testing.T) {
	p := schedulePlan(t)
	b := scheduleStatuses(p)
	b.Set(Status{Item: "item-5", State: Done, Date: Date{2017, 8, 1}})
	require.Len(t, b.Statuses, 3, "Set replaces the status of an item")
	assert.Equal(t, "item-5", b.Statuses[1].Item, "and keeps its place")
	s, ok := b.Get("item-5")
	require.True(t, ok)
	assert.Equal(t, Done, s.State)
	assert.Empty(t, s.Note)

	var buf bytes.Buffer
	require.NoError(t, b.Save(&buf))
	assert.Contains(t, buf.String(), `"date": "2017-08-01"`)
	c, err := LoadStatus(bytes.NewReader(buf.Bytes()), p)
	require.NoError(t, err)
	assert.Equal(t, b, c)
	var again bytes.Buffer
	require.NoError(t, c.Save(&again))
	assert.Equal(t, buf.String(), again.String())

	var empty bytes.Buffer
	require.NoError(t, (&StatusBook{Format: StatusFormat, Plan: "x"}).Save(&empty))
	assert.Contains(t, empty.String(), `"statuses": []`)
}

func TestLoadStatusProblems(t *testing.T) {
	p := schedulePlan(t)
	good := `{
  "format": "eduplan.status/v1",
  "plan": "test-2017",
  "statuses": [
    {"item": "item-1", "state": "done", "date": "2017-05-20"},
    {"item": "item-2", "state": "in_progress", "date": "2017-06-01", "note": "开工"}
  ]
}`
	b, err := LoadStatus(strings.NewReader(good), p)
	require.NoError(t, err)
	require.Len(t, b.Statuses, 2)
	assert.Equal(t, Date{2017, 5, 20}, b.Statuses[0].Date)

	tests := []struct {
		name, old, new string
		paths          []string
		contains       string
	}{
		{"wrong format", `"eduplan.status/v1"`, `"eduplan.plan/v1"`, []string{"format"}, "unsupported format"},
		{"other plan", `"test-2017"`, `"zhenjiang-2017"`, []string{"plan"}, `for plan "zhenjiang-2017", not "test-2017"`},
		{"unknown item", `"item-2"`, `"item-99"`, []string{"statuses[1].item"}, `no task-book item "item-99"`},
		{"a task is not an item", `"item-2"`, `"task-1"`, []string{"statuses[1].item"}, `no task-book item "task-1"`},
		{"a typo in an item", `"item-2"`, `"itme-2"`, []string{"statuses[1].item"}, `no task-book item "itme-2": did you mean "item-2"?`},
		{"duplicate item", `"item-2"`, `"item-1"`, []string{"statuses[1].item"}, "already has a status at statuses[0]"},
		{"unknown state", `"in_progress"`, `"started"`, []string{"statuses[1].state"}, `unknown state "started"`},
		{"bad date", `"2017-06-01"`, `"2017-06-31"`, []string{"statuses[1].date"}, "has no day 31"},
		{"missing date", `, "date": "2017-06-01"`, ``, []string{"statuses[1].date"}, "required, missing"},
		{"unknown field", `"note": "开工"`, `"notes": "开工"`, []string{"statuses[1].notes"}, `did you mean "note"?`},
		{"wrong type", `"state": "done"`, `"state": 3`, []string{"statuses[0].state"}, "expected a string, got a number"},
		{"syntax", `"note": "开工"}`, `"note": "开工"`, []string{"7:3"}, "JSON syntax error"},
		{"several at once", `"item": "item-2", "state": "in_progress"`, `"item": "item-9", "state": "paused"`,
			[]string{"statuses[1].item", "statuses[1].state"}, "item-9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := edit(t, good, tt.old, tt.new)
			b, err := LoadStatus(strings.NewReader(doc), p)
			assert.Nil(t, b)
			ps := problems(t, err)
			assert.Equal(t, tt.paths, paths(ps), "%v", err)
			assert.Contains(t, ps[0].Message.Both(), tt.contains)
		})
	}

	// Without a plan, only the file itself is checked.
	_, err = LoadStatus(strings.NewReader(edit(t, good, `"item-2"`, `"item-99"`)), nil)
	assert.NoError(t, err)
}

// A plan may give a task book's offices and leads in English: English mode
// shows them, and a filter finds an item by either name.
func TestCellsInEnglish(t *testing.T) {
	doc := edit(t, readFixture(t), `"office": {
                  "text": "基教处"
                }`, `"office": {
                  "text": "基教处",
                  "en": "Basic Education Office"
                }`)
	doc = edit(t, doc, `"text": "薛安明 黄科文"`, `"text": "薛安明 黄科文",
                  "en": "Xue Anming, Huang Kewen"`)
	p, err := Parse([]byte(doc))
	require.NoError(t, err)
	items := p.Items()
	office, leads := items[0].Item.Office, items[1].Item.Leads
	assert.Equal(t, "Xue Anming, Huang Kewen", leads.In("en"))
	assert.Equal(t, "Basic Education Office", office.In("en"))
	assert.Equal(t, "基教处", office.In("zh"))
	assert.Equal(t, "发财处", items[1].Item.Office.In("en"), "no English: the plan's own words")
	assert.Equal(t, "", (*Cell)(nil).In("en"))

	asOf, err := ParseDate("2017-12-31")
	require.NoError(t, err)
	for _, name := range []string{"基教处", "basic education office"} {
		es := p.Schedule(asOf, nil, Filter{Office: name})
		require.Len(t, es, 1, name)
		assert.Equal(t, "item-1", es[0].Item.Item.ID)
	}
	for _, name := range []string{"薛安明", "Xue Anming", "Huang Kewen"} {
		es := p.Schedule(asOf, nil, Filter{Lead: name})
		assert.NotEmpty(t, es, name)
	}
	assert.Empty(t, p.Schedule(asOf, nil, Filter{Lead: "Xue"}), "an English name is not split at its spaces")

	var b bytes.Buffer
	require.NoError(t, p.Save(&b))
	assert.Contains(t, b.String(), `"en": "Basic Education Office"`)
}
