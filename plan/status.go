package plan

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// StatusFormat is the value of the "format" field of a status file.
const StatusFormat = "eduplan.status/v1"

// State is how far a task-book item has got.
type State string

// States of an item. An item with no status recorded counts as NotStarted.
const (
	NotStarted State = "not_started"
	InProgress State = "in_progress"
	Done       State = "done"
)

// States lists the states in their natural order.
func States() []State { return []State{NotStarted, InProgress, Done} }

// Status records the state of one task-book item on a date.
type Status struct {
	// Item is the id of the task-book item.
	Item  string `json:"item"`
	State State  `json:"state"`
	// Date is the day the state was recorded (or reached).
	Date Date   `json:"date"`
	Note string `json:"note,omitempty"`
}

// StatusBook holds one status per task-book item of a plan.
//
// It keeps one status per item, not a history. A status dated after the
// as-of date of a question (Overdue, Schedule) is not yet known on that date:
// the item is then treated as having no status, that is as not started and
// not done. To answer for past dates, keep one status file per date.
type StatusBook struct {
	Format string `json:"format"`
	// Plan is the id of the plan the items belong to.
	Plan     string   `json:"plan"`
	Statuses []Status `json:"statuses"`
}

// NewStatusBook returns an empty status book for a plan.
func NewStatusBook(p *Plan) *StatusBook {
	return &StatusBook{Format: StatusFormat, Plan: p.ID, Statuses: []Status{}}
}

// LoadStatus reads a status book strictly, like Load reads a plan, and
// checks it against p: the plan id must match and every item must be a
// task-book item of p. The error, if any, is a msg.Problems listing
// every problem. p may be nil to check the file on its own.
func LoadStatus(r io.Reader, p *Plan) (*StatusBook, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	d := newStrictDecoder(data)
	var b StatusBook
	d.decode(&b, msg.T("状态对象", "status object"))
	var later msg.Problems
	switch {
	case d.fatal:
	case b.Format != "" && b.Format != StatusFormat:
		later = msg.Problems{formatProblem(b.Format, StatusFormat)}
		d.discard()
	default:
		later = b.validate(p)
	}
	if probs := d.merge(later, ""); len(probs) > 0 {
		return nil, probs
	}
	return &b, nil
}

// Validate checks a status book, against p when p is not nil.
func (b *StatusBook) Validate(p *Plan) error { return b.validate(p).Err() }

func (b *StatusBook) validate(p *Plan) msg.Problems {
	missing := msg.T("缺少必填项", "required, missing")
	var probs msg.Problems
	add := func(path string, m msg.Text) { probs = append(probs, msg.Problem{Path: path, Message: m}) }
	switch {
	case b.Format == "":
		add("format", msg.T("缺少必填项,应为 "+StatusFormat, "required, missing: it must be "+StatusFormat))
	case b.Format != StatusFormat:
		probs = append(probs, formatProblem(b.Format, StatusFormat))
	}
	switch {
	case b.Plan == "":
		add("plan", missing)
	case p != nil && b.Plan != p.ID:
		add("plan", msg.Textf("状态文件属于计划 %q,而不是 %q", "the statuses are for plan %q, not %q", b.Plan, p.ID))
	}
	var items map[string]bool
	var ids []string
	if p != nil {
		items = map[string]bool{}
		for _, ref := range p.Items() {
			items[ref.Item.ID] = true
			ids = append(ids, ref.Item.ID)
		}
	}
	// Suggestions compare a word with every id: bounded, as the plan
	// checker's are, so that a huge file of typos stays quick.
	budget := 1 << 20
	seen := map[string]int{}
	for i, s := range b.Statuses {
		path := fmt.Sprintf("statuses[%d]", i)
		switch {
		case s.Item == "":
			add(path+".item", missing)
		case items != nil && !items[s.Item]:
			hint := ""
			if budget -= len(ids); budget >= 0 {
				hint = nearest(s.Item, ids)
			}
			if hint != "" {
				add(path+".item", msg.Textf("计划中没有任务书条目 %q，是否应为 %q？", "the plan has no task-book item %q: did you mean %q?", s.Item, hint))
			} else {
				add(path+".item", msg.Textf("计划中没有任务书条目 %q", "the plan has no task-book item %q", s.Item))
			}
		default:
			if first, dup := seen[s.Item]; dup {
				add(path+".item", msg.Textf("条目 %q 已在 statuses[%d] 记录;每个条目只记一条状态", "item %q already has a status at statuses[%d]: keep one per item", s.Item, first))
			} else {
				seen[s.Item] = i
			}
		}
		switch s.State {
		case "":
			add(path+".state", msg.T("缺少必填项,应为 not_started、in_progress 或 done", "required, missing: not_started, in_progress or done"))
		case NotStarted, InProgress, Done:
		default:
			add(path+".state", msg.Textf("未知状态 %q,应为 not_started、in_progress 或 done", "unknown state %q: use not_started, in_progress or done", s.State))
		}
		if s.Date.IsZero() {
			add(path+".date", msg.T("缺少必填项(YYYY-MM-DD)", "required, missing (YYYY-MM-DD)"))
		} else if !s.Date.Valid() {
			add(path+".date", msg.Textf("日期 %s 无效", "invalid date %s", s.Date))
		}
	}
	return probs
}

// Save writes the status book as indented JSON with a trailing newline.
func (b *StatusBook) Save(w io.Writer) error { return encodeIndented(w, b) }

// Set records the status of an item, replacing any status it had, keeping
// the book's order (a new item goes last).
func (b *StatusBook) Set(s Status) {
	for i := range b.Statuses {
		if b.Statuses[i].Item == s.Item {
			b.Statuses[i] = s
			return
		}
	}
	b.Statuses = append(b.Statuses, s)
}

// Get returns the status recorded for an item.
func (b *StatusBook) Get(item string) (Status, bool) {
	if b == nil {
		return Status{}, false
	}
	for _, s := range b.Statuses {
		if s.Item == item {
			return s, true
		}
	}
	return Status{}, false
}

// asOf returns the status of an item known on a date: nil when none is
// recorded or the recorded one is dated later.
func (b *StatusBook) asOf(item string, date Date) *Status {
	s, ok := b.Get(item)
	if !ok || s.Date.After(date) {
		return nil
	}
	return &s
}

// stateOf is the state in effect: NotStarted when no status is known.
func stateOf(s *Status) State {
	if s == nil || strings.TrimSpace(string(s.State)) == "" {
		return NotStarted
	}
	return s.State
}
