package xlsx

import (
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/xuri/excelize/v2"
)

// Format is how a written column shows what is typed into it.
type Format uint8

const (
	// General is Excel's default.
	General Format = iota
	// Text keeps what is typed as text: an id keeps its leading zeros.
	Text
	// Percent shows a number in percent: 99.2 typed reads back as 99.2%.
	Percent
)

// Sheet is a table to write: a header row, frozen so that it stays in view,
// and rows of text. Every cell is written as text, never as a formula, so a
// cell that starts with = + - @ shows as written and runs nothing.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]string
	// Formats are the columns' formats, for the cells written and those a
	// user will type; a column past the end is General.
	Formats []Format
}

// maxCell is the most UTF-16 units Excel holds in a cell.
const maxCell = 32767

// Write writes a workbook of the sheets, in order. Columns are as wide as
// their longest text (within reason). A cell longer than Excel holds is an
// error, never cut short.
func Write(w io.Writer, sheets ...Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	styleOf := func(ft Format) int {
		switch ft {
		case Text:
			return textStyle
		case Percent:
			return pctStyle
		}
		return 0
	}
	for n, s := range sheets {
		name := s.Name
		if name == "" {
			name = "Sheet" + strconv.Itoa(n+1)
		}
		if n == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, s, headStyle, styleOf); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func writeSheet(f *excelize.File, name string, s Sheet, headStyle int, styleOf func(Format) int) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	cols := len(s.Header)
	for _, r := range s.Rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	measure := func(cells []string) {
		for j, c := range cells {
			widths[j] = max(widths[j], displayWidth(c))
		}
	}
	measure(s.Header)
	for _, r := range s.Rows {
		measure(r)
	}
	for j := range cols {
		// Excel's width is in characters of its default font; a Chinese
		// character takes two. A long header wraps rather than widening
		// its column past reason.
		width := float64(min(max(widths[j], 6), 40) + 2)
		if err := sw.SetColWidth(j+1, j+1, width); err != nil {
			return err
		}
		if j < len(s.Formats) {
			if st := styleOf(s.Formats[j]); st != 0 {
				if err := sw.SetColStyle(j+1, j+1, st); err != nil {
					return err
				}
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := func(i int, cells []string, style func(j int) int) error {
		vals := make([]any, len(cells))
		for j, c := range cells {
			if n := len(utf16.Encode([]rune(c))); n > maxCell {
				return msg.Errorf("单元格 %s 有 %d 个字符，超过 Excel 单元格的上限 %d", "cell %s holds %d characters, more than an Excel cell holds (%d)", dataset.CellName(j+1, i), n, maxCell)
			}
			// An empty cell stays empty, not an empty text, so that a figure
			// typed into it is a number.
			var v any
			if c != "" {
				v = c
			}
			vals[j] = excelize.Cell{StyleID: style(j), Value: v}
		}
		return sw.SetRow(dataset.CellName(1, i), vals)
	}
	if err := row(1, s.Header, func(int) int { return headStyle }); err != nil {
		return err
	}
	cellStyle := func(j int) int {
		if j < len(s.Formats) {
			return styleOf(s.Formats[j])
		}
		return 0
	}
	for i, r := range s.Rows {
		if err := row(i+2, r, cellStyle); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// displayWidth is about how many Latin characters wide a text shows: a
// wide (CJK) character counts two. Only the longest line of a text counts.
func displayWidth(s string) int {
	w, best := 0, 0
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r == '\n':
			w = 0
		case r >= 0x1100:
			w += 2
		default:
			w++
		}
		best = max(best, w)
	}
	return best
}
