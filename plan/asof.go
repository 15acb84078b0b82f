package plan

import (
	"strconv"

	"github.com/eduplan/eduplan/msg"
)

// AsOfReason says where the as-of date of a task book came from.
type AsOfReason string

// Reasons for an as-of date.
const (
	// AsOfGiven: the user chose the date.
	AsOfGiven AsOfReason = "given"
	// AsOfToday: today falls inside the plan's year.
	AsOfToday AsOfReason = "today"
	// AsOfYearEnd: the plan's year is over, so the book is read on its
	// last day rather than years later.
	AsOfYearEnd AsOfReason = "plan_year_end"
	// AsOfBeforeYear: the plan's year has not begun; today is used, and
	// nothing of the plan can be overdue yet.
	AsOfBeforeYear AsOfReason = "before_plan_year"
)

// AsOf is the date a task book is read on, and why that date.
type AsOf struct {
	Date   Date       `json:"date"`
	Reason AsOfReason `json:"reason"`
	// Year is the plan's year the reason refers to (0 when given).
	Year int `json:"year,omitempty"`
}

// DefaultAsOf is the date a task book is read on when the user names none:
// the earlier of today and the last day of the plan's year (31 December of
// p.Year). A plan is a year's work, so once its year is over the question
// a reader asks is how the year ended; reading a 2017 book as of today
// would make nearly every item thousands of days overdue. Inside the plan's
// year, and before it begins, it is today. A plan without a year (p nil or
// Year 0) is read as of today.
//
// Schedule, Overdue and every face (the command line's tasks, the page's
// task book) use this date when none is given, and say which one it is
// with AsOf.Why.
func DefaultAsOf(p *Plan, today Date) AsOf {
	if p == nil || p.Year < 1000 || p.Year > 9999 {
		return AsOf{Date: today, Reason: AsOfToday}
	}
	end := Date{p.Year, 12, 31}
	switch {
	case today.After(end):
		return AsOf{Date: end, Reason: AsOfYearEnd, Year: p.Year}
	case today.Year < p.Year:
		return AsOf{Date: today, Reason: AsOfBeforeYear, Year: p.Year}
	}
	return AsOf{Date: today, Reason: AsOfToday, Year: p.Year}
}

// GivenAsOf is an as-of date the user chose.
func GivenAsOf(d Date) AsOf { return AsOf{Date: d, Reason: AsOfGiven} }

// Why says in a few words why the date was chosen ("计划年度末" / "end of
// the plan's year"), for a face to show beside it with how to choose
// another; it is empty for a date the user gave.
func (a AsOf) Why() msg.Text {
	y := strconv.Itoa(a.Year)
	switch a.Reason {
	case AsOfYearEnd:
		return msg.T("计划年度末", "end of the plan's year")
	case AsOfToday:
		return msg.T("今天", "today")
	case AsOfBeforeYear:
		return msg.T("今天；计划年度 "+y+" 尚未开始", "today; the plan's year "+y+" has not begun")
	}
	return msg.Text{}
}
