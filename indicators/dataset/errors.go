package dataset

import (
	"sort"

	"strconv"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// CellError is one rejected cell, row, header or JSON value.
//
// A reader does not stop at the first bad cell: it reports every one it finds
// (up to MaxListed, then counts the rest), so that a school can fix its
// whole file in one go.
type CellError struct {
	// File is the name given in Options.File (empty when none was given).
	File string
	// Row is the 1-based line in the file where the cell starts; 0 when the
	// error concerns the file as a whole.
	Row int
	// Column is the 1-based column: the spreadsheet column for CSV, the
	// character on the line for JSON; 0 when the error concerns a whole row.
	Column int
	// Path is the JSON path of the value ("units[3].figures.foo"); empty for
	// CSV.
	Path string
	// Sheet is the workbook sheet the cell is on (ReadCells with
	// Options.Sheet); the location then reads as the sheet and the cell
	// reference a spreadsheet user looks for ("表 Sheet1 单元格 F7").
	Sheet string
	// Header is the column header the cell is under (CSV only).
	Header string
	// Unit is the id of the unit whose figure the cell holds, where it
	// matters to say so (a warning of a figure from a unit the plan does not
	// expect it from); usually empty, the line telling the unit.
	Unit string
	// Text is the cell as written.
	Text string
	// Reason says what is wrong, in Chinese and English.
	Reason msg.Text
}

// Code is a stable name for the reason a figure was rejected or warned
// about, for programs that act on it rather than show it: "not_a_number",
// "missing_word", "may_be_zero", "excel_error", "thousands_separator", "text_after_number",
// "percent_not_allowed", "not_whole", "negative", "out_of_range" and, for a
// warning, "percent_as_fraction" or "not_reported_by". Other errors (a bad header, a bad unit
// row, a file that is not text) have none: "".
func (e CellError) Code() string {
	for _, r := range reasonCodes {
		if r.reason == e.Reason {
			return r.code
		}
	}
	return ""
}

var reasonCodes = []struct {
	reason msg.Text
	code   string
}{
	{ReasonNotNumber, "not_a_number"}, {ReasonMissingWord, "missing_word"}, {ReasonExcelError, "excel_error"},
	{ReasonThousands, "thousands_separator"}, {ReasonTrailing, "text_after_number"},
	{ReasonNoPercent, "percent_not_allowed"}, {ReasonFraction, "not_whole"}, {ReasonNegative, "negative"},
	{ReasonRange, "out_of_range"}, {WarnPercentFraction, "percent_as_fraction"}, {ReasonMayBeZero, "may_be_zero"},
	{WarnNotReportedBy, "not_reported_by"}, {WarnPercentOver100, "percent_over_100"},
}

// reasonOf is the reason an error gives, in both languages when it knows
// them.
func reasonOf(err error) msg.Text {
	return msg.T(msg.In(err, "zh"), msg.In(err, "en"))
}

// Error formats the error as `file:row:col (header): "text": reason`,
// leaving out the parts that are unknown; a cell of a sheet is
// `file 表 Sheet1 单元格 F7 (header): …`.
func (e CellError) Error() string {
	var b strings.Builder
	e.writeTo(&b, e.Reason.Both(), "zh")
	return b.String()
}

// In is the error with its reason, and a sheet's location words, in one
// language.
func (e CellError) In(lang string) string {
	var b strings.Builder
	e.writeTo(&b, e.Reason.In(lang), lang)
	return b.String()
}

func (e CellError) writeTo(b *strings.Builder, reason, lang string) {
	loc := e.File
	if e.Sheet != "" {
		loc = e.sheetLocation(lang)
	} else if e.Row > 0 {
		if loc != "" {
			loc += ":"
		}
		loc += strconv.Itoa(e.Row)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	if e.Path != "" {
		if loc != "" {
			loc += ": "
		}
		loc += e.Path
	}
	b.WriteString(loc)
	if e.Header != "" {
		if loc != "" {
			b.WriteByte(' ')
		}
		b.WriteString("(")
		b.WriteString(e.Header)
		b.WriteString(")")
	}
	if e.Unit != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("[")
		b.WriteString(e.Unit)
		b.WriteString("]")
	}
	// An empty cell is worth quoting ("" makes it plain that the cell was
	// empty); an empty text of a file-level error, or of a place in JSON
	// text (which has no header), is not.
	if e.Text != "" || (e.Column > 0 && e.Header != "") {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(strconv.Quote(e.Text))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(reason)
}

// Errors lists the rejected cells and rows of one input, in the order they
// occur: every one of them, up to MaxListed, and then a last entry saying
// how many more there are. Nothing a reader rejects passes unsaid.
type Errors []CellError

// Error lists the errors one per line, in both languages.
func (es Errors) Error() string {
	return es.render(func(t msg.Text) string { return t.Both() }, "zh")
}

// In lists the errors one per line, in one language.
func (es Errors) In(lang string) string {
	return es.render(func(t msg.Text) string { return t.In(lang) }, lang)
}

func (es Errors) render(say func(msg.Text) string, lang string) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		e.writeTo(&b, say(e.Reason), lang)
	}
	return b.String()
}

// sheetLocation is where a cell of a sheet is, in the words of a
// spreadsheet: "data.xlsx 表 Sheet1 单元格 F7", "… 第7行" for a whole row.
func (e CellError) sheetLocation(lang string) string {
	sheet, cell, row, rowEnd := "表 ", " 单元格 ", " 第", "行"
	if lang == "en" {
		sheet, cell, row, rowEnd = "sheet ", " cell ", " row ", ""
	}
	loc := sheet + e.Sheet
	if e.File != "" {
		loc = e.File + " " + loc
	}
	if e.Row > 0 && e.Column > 0 {
		return loc + cell + CellName(e.Column, e.Row)
	}
	if e.Row > 0 {
		return loc + row + strconv.Itoa(e.Row) + rowEnd
	}
	return loc
}

// CellName is a spreadsheet's name for the cell at a 1-based column and
// row: CellName(6, 7) is "F7", CellName(27, 1) "AA1".
func CellName(column, row int) string {
	var b [24]byte
	i := len(b)
	for c := column; c > 0; c = (c - 1) / 26 {
		i--
		b[i] = byte('A' + (c-1)%26)
	}
	return string(b[i:]) + strconv.Itoa(row)
}

// err returns es as an error, or nil when it is empty; a nil Errors must not
// reach an error interface, where it would be non-nil.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// sortErrors puts errors in reading order, the order in which a user fixes
// a file from top to bottom.
func sortErrors(es Errors) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		return a.Row < b.Row || a.Row == b.Row && a.Column < b.Column
	})
}
