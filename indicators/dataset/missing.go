package dataset

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// MaxListed is how many errors, and how many missing cells, a reader lists
// one by one. Beyond it a file has a systematic fault (a wrong column, a
// file of another kind) that the first hundred cells already show; the rest
// are counted ("and 4,321 more"), so that neither memory nor a page's list
// grows with the file.
const MaxListed = 100

// MissingCell is a cell whose marker says the figure is missing, as a
// statistical table prints it: "-", "--" or "－－", "—" or "——", "…" or
// "……", and in JSON a null or such a string.
type MissingCell struct {
	File string `json:"file,omitempty"`
	// Row and Column are 1-based: the line and spreadsheet column for CSV,
	// the line and character for JSON.
	Row    int `json:"row"`
	Column int `json:"column"`
	// Path is the JSON path of the figure; empty for CSV.
	Path string `json:"path,omitempty"`
	// Header is the column header (CSV only).
	Header string `json:"header,omitempty"`
	// Unit is the id of the unit whose figure it is; Metric the metric's id.
	Unit   string `json:"unit"`
	Metric string `json:"metric"`
	// Text is the cell as written; Marker the marker it was read as
	// (full-width forms folded: "－－" is "--"; "null" for a JSON null).
	Text   string `json:"text"`
	Marker string `json:"marker"`
}

// MarkerCount is how many cells of a file said "missing" with one marker.
type MarkerCount struct {
	Marker string `json:"marker"`
	Count  int    `json:"count"`
}

// missingLog collects the missing cells of one read.
type missingLog struct {
	cells  []MissingCell
	counts []MarkerCount
}

// add records a missing cell whose cleaned text is marker.
func (l *missingLog) add(c MissingCell) {
	k := 0
	for k < len(l.counts) && l.counts[k].Marker != c.Marker {
		k++
	}
	if k == len(l.counts) {
		l.counts = append(l.counts, MarkerCount{Marker: strings.Clone(c.Marker)})
	}
	l.counts[k].Count++
	if len(l.cells) < MaxListed {
		// Copies, not pieces of the file's text, which they would
		// otherwise keep alive for as long as the dataset.
		c.Path, c.Header, c.Unit, c.Text, c.Marker = strings.Clone(c.Path), strings.Clone(c.Header),
			strings.Clone(c.Unit), strings.Clone(c.Text), strings.Clone(c.Marker)
		l.cells = append(l.cells, c)
	}
}

// MissingCount is the number of cells that said "missing" with a marker.
func (s Source) MissingCount() int {
	n := 0
	for _, c := range s.MissingByMarker {
		n += c.Count
	}
	return n
}

// capErrors sorts errors into reading order and keeps the first MaxListed,
// saying how many more there are in a last entry. That entry names the
// sheet as the others do: in a workbook "f.xlsx: … 37 more" would leave the
// user to guess which sheet holds them.
func capErrors(es Errors, file string) Errors {
	sortErrors(es)
	if len(es) <= MaxListed {
		return es
	}
	more := len(es) - MaxListed
	es = append(es[:MaxListed:MaxListed], CellError{File: file, Sheet: es[0].Sheet,
		Reason: msg.Textf("……另有 %d 处错误未列出", "… and %d more errors not listed", more)})
	return es
}

// warningLog collects the warnings of one read: the first MaxListed, and
// how many more.
type warningLog struct {
	list Errors
	more int
}

func (l *warningLog) add(e CellError) {
	if len(l.list) < MaxListed {
		// Copies, as in missingLog.add.
		e.Path, e.Header, e.Unit, e.Text = strings.Clone(e.Path), strings.Clone(e.Header), strings.Clone(e.Unit), strings.Clone(e.Text)
		l.list = append(l.list, e)
	} else {
		l.more++
	}
}

// WarningCount is how many cells a reader warned of, listed or not.
func (s Source) WarningCount() int { return len(s.Warnings) + s.MoreWarnings }
