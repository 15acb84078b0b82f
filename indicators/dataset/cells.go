package dataset

// Workbook is the Source.Encoding of figures read from a spreadsheet
// workbook (.xlsx) by ReadCells: they were cells, not text in an encoding.
// Read only.
const Workbook Encoding = "xlsx"

// ReadCells reads a sheet already split into cells, as a spreadsheet holds
// it: rows[i] is the sheet's row i+1 and rows[i][j] the text of its column
// j+1 (A, B, …), as the user sees or would type it (a percent cell as
// "99.2%"). Every rule of ReadCSV applies unchanged, so a sheet reads as
// the CSV file Excel would save from it. Errors give the row and column of
// the cell, and name opt.Sheet when it is set.
//
// The package indicators/dataset/xlsx turns an .xlsx workbook into cells.
func ReadCells(rows [][]string, fields []Field, opt Options) (*Dataset, error) {
	return readRecords(&cellRows{rows: rows}, Workbook, fields, opt)
}

// cellRows walks the rows of ReadCells. Every cell of a row is on the row's
// own line, which a single entry of lines says (a reader takes a cell past
// the end of lines to be on the row's first line).
type cellRows struct {
	rows  [][]string
	i     int
	lines [1]int
}

func (r *cellRows) next() (bool, *csvSyntaxError) {
	if r.i >= len(r.rows) {
		return false, nil
	}
	r.i++
	r.lines[0] = r.i
	return true, nil
}

func (r *cellRows) record() ([]string, []int) {
	return r.rows[r.i-1], r.lines[:]
}

func (r *cellRows) left() int { return len(r.rows) - r.i + 1 }
