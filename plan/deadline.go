package plan

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/eduplan/eduplan/msg"
)

// Deadline is a completion time limit (完成时限) of the task book, read from
// the text the plan writes.
type Deadline struct {
	// Text is the deadline exactly as written.
	Text string `json:"text"`
	// Ongoing marks a standing task (长期, 持续, 常态化) that is never due.
	Ongoing bool `json:"ongoing,omitempty"`
	// Due is the last day of the period the text names: "2017" is due
	// 2017-12-31, "2017.5" 2017-05-31. Zero when Ongoing.
	Due Date `json:"due"`
}

// DueBy reports whether the deadline has passed as of a date: the due day
// itself still counts as on time.
func (d Deadline) DueBy(asOf Date) bool { return !d.Ongoing && asOf.After(d.Due) }

// deadlineForm is one written form of a deadline. Each form is a regular
// expression over the normalised text (ASCII digits, no spaces), in the
// subset pattern matches without package regexp.
type deadlineForm struct {
	example string
	meaning msg.Text
	re      *pattern
	// due computes the date from the submatches; nil for ongoing forms.
	due func(m []string) (Date, error)
}

// Helpers building the due date of each form from regexp submatches.
var (
	yearEnd  = func(m []string) (Date, error) { return makeDate(atoi(m[1]), 12, 31) }
	yearMid  = func(m []string) (Date, error) { return makeDate(atoi(m[1]), 6, 30) }
	monthEnd = func(m []string) (Date, error) {
		y, mo := atoi(m[1]), atoi(m[2])
		if _, err := makeDate(y, mo, 1); err != nil {
			return Date{}, err
		}
		return endOfMonth(y, time.Month(mo)), nil
	}
	day        = func(m []string) (Date, error) { return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3])) }
	quarterEnd = func(m []string) (Date, error) {
		q := atoi(m[2])
		if i := strings.Index("一二三四", m[2]); i >= 0 {
			q = i/len("一") + 1
		}
		y := atoi(m[1])
		if _, err := makeDate(y, 1, 1); err != nil {
			return Date{}, err
		}
		return endOfMonth(y, time.Month(3*q)), nil
	}
)

func atoi(s string) int {
	n, _ := digits(s)
	return n
}

// deadlineForms is the table of every form ParseDeadline understands, in the
// order they are tried. Nothing outside it is guessed: an unknown form is an
// error, so that a typo cannot silently become a date.
var deadlineForms = []deadlineForm{
	{"长期", msg.T("长期任务，不会逾期", "ongoing: a standing task, never overdue"), mustPattern(`^长期$`), nil},
	{"长期坚持", msg.T("长期坚持，不会逾期", "ongoing"), mustPattern(`^长期坚持$`), nil},
	{"持续", msg.T("持续推进，不会逾期", "ongoing"), mustPattern(`^持续$`), nil},
	{"常态化", msg.T("常态化，不会逾期", "ongoing"), mustPattern(`^常态化$`), nil},
	{"2017", msg.T("年底：2017-12-31", "end of the year: 2017-12-31"), mustPattern(`^(\d{4})$`), yearEnd},
	{"2017年", msg.T("年底：2017-12-31", "end of the year: 2017-12-31"), mustPattern(`^(\d{4})年$`), yearEnd},
	{"2017底前", msg.T("年底前：2017-12-31（亦可写作 2017底、2017年底、2017年底前、2017年末、2017年年底）", "by the end of the year: 2017-12-31 (also 2017底, 2017年底, 2017年底前, 2017年末, 2017年年底)"),
		mustPattern(`^(\d{4})年?年?[底末]前?$`), yearEnd},
	{"2017年内", msg.T("年内：2017-12-31", "within the year: 2017-12-31"), mustPattern(`^(\d{4})年内$`), yearEnd},
	{"2017.12", msg.T("月底：2017-12-31（亦可写作 2017.5、2017-06、2017/6）", "end of the month: 2017-12-31 (also 2017.5, 2017-06, 2017/6)"),
		mustPattern(`^(\d{4})[./-](\d{1,2})$`), monthEnd},
	{"2017.6.30", msg.T("当日：2017-06-30", "that day: 2017-06-30"), mustPattern(`^(\d{4})\.(\d{1,2})\.(\d{1,2})$`), day},
	{"2017-06-30", msg.T("当日：2017-06-30", "that day: 2017-06-30"), mustPattern(`^(\d{4})-(\d{1,2})-(\d{1,2})$`), day},
	{"2017/6/30", msg.T("当日：2017-06-30", "that day: 2017-06-30"), mustPattern(`^(\d{4})/(\d{1,2})/(\d{1,2})$`), day},
	{"2017年6月", msg.T("月底：2017-06-30（亦可写作 2017年6月底、2017年6月末、2017年6月底前）", "end of the month: 2017-06-30 (also 2017年6月底, 2017年6月末, 2017年6月底前)"),
		mustPattern(`^(\d{4})年(\d{1,2})月[底末]?前?$`), monthEnd},
	{"2017年6月前", msg.T("6月前按6月底计：2017-06-30", "by June, read like 6月底前: 2017-06-30"),
		mustPattern(`^(\d{4})年(\d{1,2})月前$`), monthEnd},
	{"2017年6月30日", msg.T("当日：2017-06-30（亦可写作 2017年6月30日前、2017年6月30号）", "that day: 2017-06-30 (also 2017年6月30日前, 2017年6月30号)"),
		mustPattern(`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]前?$`), day},
	{"2017年上半年", msg.T("上半年末：2017-06-30", "end of the first half: 2017-06-30"), mustPattern(`^(\d{4})年?上半年[底末]?前?$`), yearMid},
	{"2017年下半年", msg.T("下半年末：2017-12-31", "end of the second half: 2017-12-31"), mustPattern(`^(\d{4})年?下半年[底末]?前?$`), yearEnd},
	{"2017年年中", msg.T("年中：2017-06-30", "middle of the year: 2017-06-30"), mustPattern(`^(\d{4})年?年中前?$`), yearMid},
	{"2017年第三季度", msg.T("季度末：2017-09-30（亦可写作 2017年三季度、2017年第3季度、2017年三季度末）", "end of the quarter: 2017-09-30 (also 2017年三季度, 2017年第3季度, 2017年三季度末)"),
		mustPattern(`^(\d{4})年?第?([一二三四1-4])季度[底末]?前?$`), quarterEnd},
}

// DeadlineForm is one written form of a deadline: an example and what it
// means, in Chinese and English.
type DeadlineForm struct {
	Example string
	Meaning msg.Text
}

// DeadlineForms documents every written form of a deadline ParseDeadline
// accepts, with what it means. Full-width digits and punctuation, spaces and
// line breaks anywhere in the text are ignored (the scraped seed splits
// "2017\n\n底前"). Anything else is an error.
func DeadlineForms() []DeadlineForm {
	out := make([]DeadlineForm, len(deadlineForms))
	for i, f := range deadlineForms {
		out[i].Example, out[i].Meaning = f.example, f.meaning
	}
	return out
}

// ParseDeadline reads a deadline as a task book writes it; see DeadlineForms.
func ParseDeadline(s string) (Deadline, error) {
	norm := normaliseDeadline(s)
	if norm == "" {
		return Deadline{}, msg.Errorf("完成时限为空", "the deadline is empty")
	}
	for _, f := range deadlineForms {
		m := f.re.FindStringSubmatch(norm)
		if m == nil {
			continue
		}
		if f.due == nil {
			return Deadline{Text: s, Ongoing: true}, nil
		}
		due, err := f.due(m)
		if err != nil {
			return Deadline{}, msg.Wrap(err, fmt.Sprintf("完成时限 %q 不是有效日期", s), fmt.Sprintf("deadline %q is not a real date", s))
		}
		return Deadline{Text: s, Due: due}, nil
	}
	return Deadline{}, msg.Errorf("无法识别的完成时限 %q(可写作 2017、2017.12、2017年底前、2017年6月30日、长期 等)",
		"unrecognised deadline %q (write it like 2017, 2017.12 or 2017-06-30)", s)
}

// normaliseDeadline folds full-width digits and date punctuation to ASCII and
// drops every space, so that scraped and hand-typed texts match the table.
func normaliseDeadline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '—' || r == '–' || r == '‐':
			b.WriteByte('-')
		case r == '／':
			b.WriteByte('/')
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
