package webapi

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/plan"
)

type scheduleRequest struct {
	// AsOf is the date the user chose; "" for the default, which needs
	// Today, the browser's date (the wasm's clock has no time zone).
	AsOf        string           `json:"asOf"`
	Today       string           `json:"today"`
	Office      string           `json:"office"`
	Lead        string           `json:"lead"`
	OverdueOnly bool             `json:"overdueOnly"`
	Book        jsonx.RawMessage `json:"book"`
}

type entryView struct {
	ID            string         `json:"id"`
	Label         Text           `json:"label"`
	Action        Text           `json:"action"`
	Category      Text           `json:"category"`
	Number        int            `json:"number"`
	Content       Text           `json:"content"`
	Units         Text           `json:"units"`
	Office        Text           `json:"office"`
	Leads         Text           `json:"leads"`
	DeadlineText  Text           `json:"deadlineText"`
	Deadline      *plan.Deadline `json:"deadline,omitempty"`
	DeadlineError *Text          `json:"deadlineError,omitempty"`
	State         plan.State     `json:"state"`
	StatusDate    string         `json:"statusDate,omitempty"`
	Note          string         `json:"note,omitempty"`
	Overdue       bool           `json:"overdue"`
	DaysLate      int            `json:"daysLate,omitempty"`
}

type scheduleAnswer struct {
	AsOf string `json:"asOf"`
	// AsOfWhy says why the date was chosen when the user chose none
	// ("计划年度末"); empty for a date the user gave.
	AsOfWhy Text         `json:"asOfWhy"`
	Entries []entryView  `json:"entries"`
	Offices []string     `json:"offices"`
	Leads   []string     `json:"leads"`
	States  []plan.State `json:"states"`
	Total   int          `json:"total"`
	Overdue int          `json:"overdue"`
}

// schedule lists the task book as of a date, filtered by office and lead,
// with the statuses the page keeps.
func (s *Session) schedule(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req scheduleRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	when, err := s.asOf(req)
	if err != nil {
		return nil, err
	}
	asOf := when.Date
	book, err := s.book(req.Book)
	if err != nil {
		return nil, err
	}
	entries := s.plan.Schedule(asOf, book, plan.Filter{Office: req.Office, Lead: req.Lead, OverdueOnly: req.OverdueOnly})
	ans := scheduleAnswer{AsOf: asOf.String(), AsOfWhy: when.Why(), Entries: []entryView{}, States: plan.States()}
	ans.Offices, ans.Leads = s.plan.Offices(), s.plan.Leads()
	for _, e := range entries {
		it := e.Item.Item
		v := entryView{ID: it.ID, Label: e.Item.Label, Action: e.Item.Action, Category: e.Item.Category, Number: it.Number,
			Content: it.Content, Units: cellLine(it.Units), Office: cellLine(it.Office), Leads: cellLine(it.Leads),
			DeadlineText: cellLine(it.Deadline), Deadline: e.Deadline, DeadlineError: e.DeadlineError,
			State: e.State, Overdue: e.Overdue, DaysLate: e.DaysLate}
		if e.Status != nil {
			v.StatusDate, v.Note = e.Status.Date.String(), e.Status.Note
		}
		ans.Entries = append(ans.Entries, v)
	}
	ans.Total, ans.Overdue = len(entries), plan.OverdueCount(entries)
	return ans, nil
}

// asOf is the date the user chose, or the library's default for the plan
// and the browser's today.
func (s *Session) asOf(req scheduleRequest) (plan.AsOf, error) {
	if req.AsOf != "" {
		d, err := plan.ParseDate(req.AsOf)
		return plan.GivenAsOf(d), err
	}
	today, err := plan.ParseDate(req.Today)
	if err != nil {
		return plan.AsOf{}, err
	}
	return plan.DefaultAsOf(s.plan, today), nil
}

// book reads the status book the page keeps, checked against the plan: a
// stored book that no longer fits (the plan changed) is an error, not
// silently ignored. An absent book is nil.
func (s *Session) book(raw jsonx.RawMessage) (*plan.StatusBook, error) {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return nil, nil
	}
	return plan.LoadStatus(bytes.NewReader(raw), s.plan)
}

// bookOrNew is book, with an empty book for the plan when there is none.
func (s *Session) bookOrNew(raw jsonx.RawMessage) (*plan.StatusBook, error) {
	b, err := s.book(raw)
	if err == nil && b == nil {
		b = plan.NewStatusBook(s.plan)
	}
	return b, err
}

type statusRequest struct {
	Book  jsonx.RawMessage `json:"book"`
	Item  string           `json:"item"`
	State plan.State       `json:"state"`
	Date  string           `json:"date"`
	Note  string           `json:"note"`
}

type bookAnswer struct {
	Book *plan.StatusBook `json:"book"`
}

// setStatus records an item's state on a date and returns the new book.
func (s *Session) setStatus(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req statusRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	b, err := s.bookOrNew(req.Book)
	if err != nil {
		return nil, err
	}
	date, err := plan.ParseDate(req.Date)
	if err != nil {
		return nil, err
	}
	b.Set(plan.Status{Item: req.Item, State: req.State, Date: date, Note: req.Note})
	if err := b.Validate(s.plan); err != nil {
		return nil, err
	}
	return bookAnswer{b}, nil
}

// importStatuses reads a status file the user opened (its text).
func (s *Session) importStatuses(text string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	b, err := plan.LoadStatus(strings.NewReader(text), s.plan)
	if err != nil {
		return nil, err
	}
	return bookAnswer{b}, nil
}

// exportStatuses writes the status book as the file importStatuses and the
// command line read.
func (s *Session) exportStatuses(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req scheduleRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	b, err := s.bookOrNew(req.Book)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := b.Save(&out); err != nil {
		return nil, err
	}
	return download{Filename: fmt.Sprintf("task-statuses-%s.json", s.plan.ID), Text: out.String()}, nil
}

// cellLine is a task-book cell on one line, in both languages: the page
// shows the plan's English names in English where it has them.
func cellLine(c *plan.Cell) Text {
	t := Text{ZH: c.Line("zh")}
	if c != nil && c.EN != "" {
		t.EN = c.Line("en")
	}
	return t
}
