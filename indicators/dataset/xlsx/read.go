// Package xlsx reads figures from Excel workbooks (.xlsx, as Excel and WPS
// write them) and writes sheets for Excel: data-entry templates and reports.
//
// A sheet is turned into the text of its cells, as a user sees them or would
// type them, and read by dataset.ReadCells: every rule about headers, units,
// missing figures and bad cells is the CSV reader's, so a workbook reads
// exactly as the CSV file Excel would save from it, except that percent
// cells keep their full value (see ReadSheet). Errors name the sheet and the
// cell: "data.xlsx 表 Sheet1 单元格 F7".
//
// The package stands apart from indicators/dataset because the library it
// uses, github.com/xuri/excelize/v2, is large: the browser page must not link
// it, and only the command line and the front door (package eduplan) do.
package xlsx

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/xuri/excelize/v2"
)

// IsWorkbook says whether the bytes start like an .xlsx workbook: a zip
// archive. A program that is given a file by whatever name checks this
// rather than the extension.
func IsWorkbook(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// IsProtectedWorkbook says whether a file named name looks like a workbook
// with an opening password: Excel wraps such an .xlsx in the same container
// as an old .xls, so only the name tells them apart. Read explains that it
// cannot open it, rather than call it an .xls.
func IsProtectedWorkbook(b []byte, name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) && (ext == ".xlsx" || ext == ".xlsm")
}

// Read reads the figures of one sheet of a workbook: opt.Sheet names it, or
// the first visible sheet when it is empty. opt.File is the name errors give the
// workbook. Every error, about the workbook as a whole or about a cell, is a
// dataset.Errors, as the CSV reader's are.
func Read(r io.Reader, fields []dataset.Field, opt dataset.Options) (*dataset.Dataset, error) {
	name, rows, err := ReadSheet(r, opt.Sheet)
	if err != nil {
		return nil, dataset.Errors{{File: opt.File, Reason: msg.T(msg.In(err, "zh"), msg.In(err, "en"))}}
	}
	opt.Sheet = name
	return dataset.ReadCells(rows, fields, opt)
}

// limit is the most a workbook may unpack to. A sheet of 10,000 schools is
// a few megabytes; the limit stops a zip bomb, not a real return.
const limit = 1 << 30

// ReadSheet returns the cells of one sheet, by name or the first visible one
// when sheet is empty, with the sheet's name: rows[i][j] is the text of the cell in row
// i+1 and column j+1, as the user sees it or would type it:
//
//   - a string cell (shared or inline, as WPS writes it) is its text, so a
//     number stored as text is read as written;
//   - a number is written out in full to Excel's 15 significant digits
//     (0.30000000000000004 is 0.3), whatever the cell's display format rounds
//     it to: "12.345" under a format that shows 12.3;
//   - a number under a percent format is that number in percent with a "%"
//     (0.992 is "99.2%", never a rounded "99%"), which the data reader takes
//     as a percent;
//   - a date or time, and a number under a format made only of zeros
//     ("000000", used to keep an id's leading zeros), is the text shown;
//   - TRUE and FALSE, and Excel errors (#DIV/0!), are as shown; the reader
//     rejects them as figures;
//   - a formula is its value as Excel last computed it, or, when no
//     spreadsheet has computed it yet, the formula itself ("=D2*2"), which
//     the data reader rejects rather than take for a missing figure.
//
// Merged cells: a range merged in the header row (or above it: a title) has
// its text in its first cell only, as Excel's "save as CSV" writes it, so a
// header merged across two columns leaves the second without a header. A
// range merged below the header row, such as a district's name merged down
// the 上级单位 column of its schools, gives its text to every cell it
// covers. The header row is the first row that is not blank.
func ReadSheet(r io.Reader, sheet string) (string, [][]string, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: limit})
	if err != nil {
		return "", nil, notWorkbook(err)
	}
	defer f.Close()
	name, err := pickSheet(f, sheet)
	if err != nil {
		return "", nil, err
	}
	rows, err := rawRows(f, name)
	if err != nil {
		return "", nil, notWorkbook(err)
	}
	s := &sheetReader{f: f, name: name, styles: map[int]numClass{}}
	merged, err := s.merged(rows)
	if err != nil {
		return "", nil, notWorkbook(err)
	}
	for i, row := range rows {
		for j, raw := range row {
			var err error
			if raw != "" {
				row[j], err = s.text(j+1, i+1, raw)
			} else if !merged[[2]int{j + 1, i + 1}] {
				row[j], err = s.uncomputed(j+1, i+1)
			}
			if err != nil {
				return "", nil, notWorkbook(err)
			}
		}
	}
	return name, s.fillMerged(rows), nil
}

// uncomputed is the text of an empty cell that holds a formula: a workbook
// written by a program may hold formulas that no spreadsheet has computed
// yet. Read as empty, its figure would pass for missing; read as its
// formula ("=SUM(D2:D9)"), it is rejected, and saving the file from Excel or
// WPS, which computes it, is the fix.
func (s *sheetReader) uncomputed(col, row int) (string, error) {
	formula, err := s.f.GetCellFormula(s.name, dataset.CellName(col, row))
	if err != nil || formula == "" {
		return "", err
	}
	return "=" + strings.TrimPrefix(formula, "="), nil
}

// rawRows reads the raw value of every cell, row by row, as GetRows does.
// The cells' types and styles come later from excelize's model of the
// sheet, which it builds by decoding the sheet's XML a second time; that
// decoding runs meanwhile on another core, which nearly halves the time a
// large sheet takes. The row stream is opened first: opened after the model
// is built, it would encode the model back into XML to read it.
func rawRows(f *excelize.File, name string) ([][]string, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	model := make(chan error, 1)
	go func() {
		_, err := f.GetCellType(name, "A1")
		model <- err
	}()
	var rows [][]string
	for it.Next() {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			it.Close()
			<-model
			return nil, err
		}
		rows = append(rows, row)
	}
	err = it.Error()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	if merr := <-model; err == nil {
		err = merr
	}
	// Trailing rows with no cells are left out, as GetRows leaves them.
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows, err
}

// notWorkbook explains a file that excelize cannot read. Its own words (in
// English only) are kept at the end: they are what a bug report needs.
func notWorkbook(err error) error {
	if errors.Is(err, excelize.ErrWorkbookFileFormat) {
		return msg.Errorf("无法读取这个 Excel 工作簿（可能设置了打开密码）：请去掉密码，或另存为 CSV（%v）", "cannot read this Excel workbook (it may have a password): remove the password, or save it as CSV (%v)", err)
	}
	return msg.Errorf("不是可读取的 Excel 工作簿（.xlsx）：文件可能已损坏，或只是改了扩展名；请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV（%v）", "not a readable Excel workbook (.xlsx): the file may be damaged, or only renamed; open it in Excel or WPS and save it as .xlsx or CSV (%v)", err)
}

// pickSheet finds the sheet asked for, by its exact name or, failing that,
// ignoring case and surrounding spaces (a sheet tab shows neither plainly).
func pickSheet(f *excelize.File, sheet string) (string, error) {
	list := f.GetSheetList()
	if len(list) == 0 {
		return "", msg.Errorf("工作簿里没有工作表", "the workbook has no sheet")
	}
	if sheet == "" {
		// The first sheet a user sees: a workbook may keep lists for its
		// drop-downs on a hidden sheet before the data.
		for _, s := range list {
			if visible, err := f.GetSheetVisible(s); err == nil && visible {
				return s, nil
			}
		}
		return list[0], nil
	}
	for _, s := range list {
		if s == sheet {
			return s, nil
		}
	}
	for _, s := range list {
		if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet)) {
			return s, nil
		}
	}
	return "", msg.Errorf("工作簿里没有名为“%s”的工作表；工作表有：%s", "the workbook has no sheet named %q; its sheets are: %s", sheet, strings.Join(list, "、"))
}

// sheetReader turns raw cell values into the text a user sees.
type sheetReader struct {
	f    *excelize.File
	name string
	// styles caches how each style shows a number: a workbook has a few
	// dozen styles and thousands of cells.
	styles map[int]numClass
	// fill are the ranges merged below the header row.
	fill []mergedRange
}

func (s *sheetReader) text(col, row int, raw string) (string, error) {
	ref := dataset.CellName(col, row)
	typ, err := s.f.GetCellType(s.name, ref)
	if err != nil {
		return "", err
	}
	switch typ {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
	case excelize.CellTypeBool, excelize.CellTypeDate:
		return s.f.GetCellValue(s.name, ref)
	default:
		// Strings, formulas' string results and error values are as written.
		return raw, nil
	}
	style, err := s.f.GetCellStyle(s.name, ref)
	if err != nil {
		return "", err
	}
	class, ok := s.styles[style]
	if !ok {
		class = plain
		if st, err := s.f.GetStyle(style); err == nil {
			custom := ""
			if st.CustomNumFmt != nil {
				custom = *st.CustomNumFmt
			}
			class = classify(st.NumFmt, custom)
		}
		s.styles[style] = class
	}
	if class == shown {
		return s.f.GetCellValue(s.name, ref)
	}
	return numberText(raw, class == percent), nil
}

// mergedRange is a range of merged cells, cut to the sheet's data.
type mergedRange struct{ c1, r1, c2, r2 int }

// merged reads the sheet's merged ranges, cut to its data: a range merged
// down a whole column (E5:E1048576) must not add a million rows. It keeps
// those below the header row (the first row that is not blank) to fill, and
// returns the cells every range covers but its first, which hold no value
// (nor a formula of their own) whatever excelize says of them.
func (s *sheetReader) merged(rows [][]string) (map[[2]int]bool, error) {
	ranges, err := s.f.GetMergeCells(s.name, true)
	if err != nil || len(ranges) == 0 {
		return nil, err
	}
	header, width := 0, 0
	for i, row := range rows {
		if header == 0 && !blankRow(row) {
			header = i + 1
		}
		width = max(width, len(row))
	}
	covered := map[[2]int]bool{}
	for _, m := range ranges {
		c1, r1, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			return nil, err
		}
		c2, r2, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			return nil, err
		}
		r2, c2 = min(r2, len(rows)), min(c2, width)
		if r1 > r2 || c1 > c2 {
			continue
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[[2]int{c, r}] = true
				}
			}
		}
		if header > 0 && r1 > header {
			s.fill = append(s.fill, mergedRange{c1, r1, c2, r2})
		}
	}
	return covered, nil
}

// fillMerged gives every cell of a range merged below the header row the
// text of the range's first cell.
func (s *sheetReader) fillMerged(rows [][]string) [][]string {
	for _, m := range s.fill {
		v := ""
		if m.c1 <= len(rows[m.r1-1]) {
			v = rows[m.r1-1][m.c1-1]
		}
		for r := m.r1; r <= m.r2; r++ {
			for len(rows[r-1]) < m.c2 {
				rows[r-1] = append(rows[r-1], "")
			}
			for c := m.c1; c <= m.c2; c++ {
				rows[r-1][c-1] = v
			}
		}
	}
	return rows
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// numClass is how a number format shows a number, as far as reading
// figures goes.
type numClass uint8

const (
	// plain: the number is read in full, however many decimals are shown.
	plain numClass = iota
	// percent: the number is shown ×100 with "%".
	percent
	// shown: the text shown is what counts (dates, zero-padded ids).
	shown
)

// classify tells a number format's class from its built-in id or, for a
// custom format, its code.
func classify(id int, code string) numClass {
	if code == "" {
		switch {
		case id == 9 || id == 10:
			return percent
		case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
			// Dates and times; 27–36 and 50–58 are the East Asian ones.
			return shown
		}
		return plain
	}
	section := firstSection(code)
	if strings.EqualFold(strings.TrimSpace(section), "general") {
		return plain
	}
	if len(section) > 1 && strings.Trim(section, "0") == "" {
		return shown
	}
	class := plain
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			// A quoted "%" is a literal sign, not a scaling by 100.
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(section)
			}
		case '\\', '_', '*':
			i++ // the next character is shown, padded or repeated as is
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				return class
			}
			switch strings.ToLower(section[i+1 : i+j]) {
			case "h", "hh", "m", "mm", "s", "ss":
				return shown // elapsed time
			}
			i += j
		case '%':
			class = percent
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return shown
		}
	}
	return class
}

// firstSection is the part of a format code for positive numbers: the
// text before the first ";" that is not quoted or escaped.
func firstSection(code string) string {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case ';':
			if !quoted {
				return code[:i]
			}
		}
	}
	return code
}

// numberText writes a number's raw value as a user would type it: in full
// to 15 significant digits (Excel keeps no more), in plain decimals, and in
// percent with a "%" when pct. The digits are moved, never multiplied, so
// 0.992 becomes exactly "99.2%". A value that is not a finite number is
// returned as it is, for the data reader to reject.
func numberText(raw string, pct bool) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || v != v || v > 1e308 || v < -1e308 {
		return raw
	}
	shift := 0
	if pct {
		shift = 2
	}
	out := decimalText(v, shift)
	if pct {
		out += "%"
	}
	return out
}

// decimalText writes v × 10^shift to 15 significant digits without an
// exponent, unless it would need more than 20 zeros.
func decimalText(v float64, shift int) string {
	if v == 0 {
		return "0"
	}
	e := strconv.FormatFloat(v, 'e', 14, 64) // -d.dddddddddddddde±x
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	x := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[x+1:])
	digits := strings.TrimRight(e[:1]+e[2:x], "0")
	point := exp + shift + 1 // digits before the decimal point
	var out string
	switch {
	case point > 21 || point < -20:
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		if point-1 >= 0 {
			out += "E+" + strconv.Itoa(point-1)
		} else {
			out += "E" + strconv.Itoa(point-1)
		}
	case point <= 0:
		out = "0." + strings.Repeat("0", -point) + digits
	case point >= len(digits):
		out = digits + strings.Repeat("0", point-len(digits))
	default:
		out = digits[:point] + "." + digits[point:]
	}
	if neg {
		out = "-" + out
	}
	return out
}
