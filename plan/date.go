package plan

import (
	"fmt"
	"strconv"
	"time"

	"github.com/eduplan/eduplan/msg"
)

// Date is a civil date with no time of day and no time zone: deadlines and
// status dates in a plan are days on a calendar, and comparing them through
// time.Time would let a time zone move a deadline by a day.
//
// In JSON a Date is a string "2017-12-31"; the zero Date is "".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written YYYY-MM-DD, such as "2017-12-31".
func ParseDate(s string) (Date, error) {
	bad := func(why msg.Text) (Date, error) {
		return Date{}, msg.New(msg.T(fmt.Sprintf("日期 %q 无效,应写作 YYYY-MM-DD(%s)", s, why.ZH),
			fmt.Sprintf("invalid date %q: write it YYYY-MM-DD (%s)", s, why.EN)))
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad(msg.T("格式", "format"))
	}
	y, ey := digits(s[0:4])
	m, em := digits(s[5:7])
	d, ed := digits(s[8:10])
	if !ey || !em || !ed {
		return bad(msg.T("格式", "format"))
	}
	date, err := makeDate(y, m, d)
	if err != nil {
		return Date{}, msg.Wrap(err, fmt.Sprintf("日期 %q 无效", s), fmt.Sprintf("invalid date %q", s))
	}
	return date, nil
}

// digits parses a string made only of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// makeDate checks that y-m-d is a day on the calendar. Years are four digits
// because every form a plan writes uses four.
func makeDate(y, m, d int) (Date, error) {
	if y < 1000 || y > 9999 {
		return Date{}, msg.Errorf("年份 %d 超出范围 1000–9999", "year %d is outside 1000–9999", y)
	}
	if m < 1 || m > 12 {
		return Date{}, msg.Errorf("没有 %d 月", "month %d does not exist", m)
	}
	if d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, msg.Errorf("%d 年 %d 月没有 %d 日", "%d-%02d has no day %d", y, m, d)
	}
	return Date{y, time.Month(m), d}, nil
}

// daysIn is the number of days of a month.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// endOfMonth is the last day of a month.
func endOfMonth(y int, m time.Month) Date { return Date{y, m, daysIn(y, m)} }

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real day of the calendar.
func (d Date) Valid() bool {
	_, err := makeDate(d.Year, int(d.Month), d.Day)
	return err == nil
}

// String formats d as YYYY-MM-DD, and the zero Date as "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysSince returns the number of days from e to d (negative when d is
// earlier). UTC midnights are exactly 24 hours apart, so the division is exact.
func (d Date) DaysSince(e Date) int {
	return int(d.Time().Sub(e.Time()) / (24 * time.Hour))
}

// MarshalText writes d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; "" reads as the zero Date so that a
// missing date is reported by validation as missing, not as malformed.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
