package dataset

import (
	"errors"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/msg"
)

// Series is figures of several years, one Dataset per year, in ascending
// order of year, no year twice. A unit may be in some years and not others
// (a school opened, two merged): Spans says which.
type Series []*Dataset

// Years lists the years of the series.
func (s Series) Years() []int {
	ys := make([]int, len(s))
	for i, d := range s {
		ys[i] = d.Year
	}
	return ys
}

// Year returns the dataset of a year, or nil.
func (s Series) Year(y int) *Dataset {
	for _, d := range s {
		if d.Year == y {
			return d
		}
	}
	return nil
}

// Span is the years a unit is in, for a unit not in every year of a
// series.
type Span struct {
	Unit  OrgUnit
	Years []int
}

// Spans lists the units that are not in every year of the series, each
// with the years it is in, in order of first appearance: a report says
// so rather than compare a unit with a year it has no figures for.
func (s Series) Spans() []Span {
	var order []string
	years := map[string][]int{}
	last := map[string]OrgUnit{}
	for _, d := range s {
		for _, u := range d.Units {
			if _, seen := years[u.ID]; !seen {
				order = append(order, u.ID)
			}
			years[u.ID] = append(years[u.ID], d.Year)
			last[u.ID] = u
		}
	}
	var out []Span
	for _, id := range order {
		if len(years[id]) < len(s) {
			out = append(out, Span{Unit: last[id], Years: years[id]})
		}
	}
	return out
}

// SeveralYears reports whether a reader of one year (Read, ReadCells)
// refused a file for holding rows of several years, so that a caller that
// takes several years reads it again with ReadSeries or ReadCellsSeries.
func SeveralYears(err error) bool {
	var errs Errors
	if !errors.As(err, &errs) {
		return false
	}
	for _, ce := range errs {
		if strings.HasPrefix(ce.Reason.ZH, severalYearsZH) {
			return true
		}
	}
	return false
}

// Merge joins series read from several files (one file per year, or
// several years in each) into one, in order of year. A year given twice is
// an error naming both files.
func Merge(parts ...Series) (Series, error) {
	var out Series
	var errs Errors
	for _, p := range parts {
		for _, d := range p {
			if prev := out.Year(d.Year); prev != nil {
				errs = append(errs, CellError{File: d.Source.File, Reason: msg.Textf(
					"%d年的数据已由 %s 给出：每年只能有一份数据", "the figures of %d are already given by %s: a year has one set of figures",
					d.Year, fileLabel(prev.Source.File))})
				continue
			}
			out = append(out, d)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	// An insertion sort of the few years, rather than sort.SliceStable:
	// a Series passed as an interface keeps every method of Dataset in
	// the page's wasm (some 25 KB).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Year < out[j-1].Year; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

func fileLabel(f string) string {
	if f == "" {
		return "(stdin)"
	}
	return f
}

// ReadSeries reads a data file that may hold several years: a CSV file with
// a year column (年份, 年度, year) and rows of several years, the rows of
// each year read as ReadCSV reads a file of its own (a unit once a year);
// a JSON file that is an array of data documents as ReadJSON reads them
// ([{"format": …, "year": 2020, "units": […]}, …]); or any file Read
// reads, as a series of one year. Every year must be known (from the file
// or Options.Year) and given once. Errors name the line as in the whole
// file, and a JSON path starts with the document's index ("[1].units[3]").
func ReadSeries(r io.Reader, fields []Field, opt Options) (Series, error) {
	b, err := readBounded(r, MaxFileSize, false)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	var s Series
	switch t := strings.TrimLeft(text, " \t\r\n"); {
	case t != "" && t[0] == '[':
		s, err = readJSONSeries(text, enc, fields, opt)
	case t != "" && t[0] == '{':
		var d *Dataset
		if d, err = readJSONText(text, enc, fields, opt); err == nil {
			s = Series{d}
		}
	default:
		s, err = readCSVSeries(text, enc, fields, opt)
	}
	if err != nil {
		return nil, err
	}
	for _, d := range s {
		if d.Year == 0 {
			return nil, Errors{{File: opt.File, Reason: msg.T("数据没有年份：请加“年份”列（JSON 中的 \"year\"），或指定年份",
				"the figures have no year: add a year column (\"year\" in JSON), or give the year")}}
		}
	}
	return Merge(s)
}

// bufferedRows replays records read ahead, keeping their lines.
type bufferedRows struct {
	cells [][]string
	lines [][]int
	i     int
}

func (r *bufferedRows) next() (bool, *csvSyntaxError) {
	if r.i >= len(r.cells) {
		return false, nil
	}
	r.i++
	return true, nil
}

func (r *bufferedRows) record() ([]string, []int) { return r.cells[r.i-1], r.lines[r.i-1] }
func (r *bufferedRows) left() int                 { return len(r.cells) - r.i + 1 }

// readCSVSeries splits the rows by their year cell and reads each year's
// rows under the header as a file of their own.
func readCSVSeries(text string, enc Encoding, fields []Field, opt Options) (Series, error) {
	whole := text
	one := func() (*Dataset, error) { return readCSVText(whole, enc, fields, opt) }
	firstLine := 1
	delim, rest, ok := sepLine(text)
	if ok {
		text, firstLine = rest, 2
	} else {
		delim = sniffDelimiter(firstContentLine(text))
	}
	sc := newCSVScanner(text, delim, firstLine)
	var all bufferedRows
	for {
		more, serr := sc.next()
		if serr != nil {
			// An unclosed quote: the one-year reader says where, and
			// nothing after it is read as a year's rows.
			_, err := one()
			return nil, err
		}
		if !more {
			break
		}
		cells, lines := sc.record()
		all.cells = append(all.cells, slices.Clone(cells))
		all.lines = append(all.lines, slices.Clone(lines))
	}
	return splitYears(&all, enc, fields, opt, one)
}

// ReadCellsSeries reads a sheet already split into cells (see ReadCells)
// that may hold rows of several years under a year column, as ReadSeries
// reads a CSV file.
func ReadCellsSeries(rows [][]string, fields []Field, opt Options) (Series, error) {
	all := bufferedRows{cells: rows, lines: make([][]int, len(rows))}
	for i := range rows {
		all.lines[i] = []int{i + 1}
	}
	return splitYears(&all, Workbook, fields, opt, func() (*Dataset, error) { return ReadCells(rows, fields, opt) })
}

// splitYears reads the rows of each year under the header as a table of
// their own; without a year column, one reads them all.
func splitYears(all *bufferedRows, enc Encoding, fields []Field, opt Options, one func() (*Dataset, error)) (Series, error) {
	m, err := newMatcher(fields, opt.Levels)
	if err != nil {
		return nil, err
	}
	yearCol, header := -1, -1
	for i, cells := range all.cells {
		if blank(cells) {
			continue
		}
		header = i
		for j, h := range cells {
			if t, ok := m.header(trimSpace(h)); ok && t.role == roleYear {
				yearCol = j
			}
		}
		break
	}
	if yearCol < 0 {
		d, err := one()
		if err != nil {
			return nil, err
		}
		return Series{d}, nil
	}
	groups := map[string]*bufferedRows{}
	var keys []string
	var blankYear []int
	for i := header + 1; i < len(all.cells); i++ {
		cells := all.cells[i]
		if blank(cells) {
			continue
		}
		key := ""
		if yearCol < len(cells) {
			key = strings.TrimSuffix(cleanCell(cells[yearCol]), "年")
		}
		if key == "" {
			blankYear = append(blankYear, all.lines[i][0])
		}
		g := groups[key]
		if g == nil {
			g = &bufferedRows{cells: [][]string{all.cells[header]}, lines: [][]int{all.lines[header]}}
			groups[key] = g
			keys = append(keys, key)
		}
		g.cells = append(g.cells, cells)
		g.lines = append(g.lines, all.lines[i])
	}
	if len(keys) == 0 {
		// A header alone: the one-year reader says so.
		d, err := readRecords(&bufferedRows{cells: all.cells, lines: all.lines}, enc, fields, opt)
		if err != nil {
			return nil, err
		}
		return Series{d}, nil
	}
	var errs Errors
	if len(keys) > 1 {
		hdr := ""
		if yearCol < len(all.cells[header]) {
			hdr = trimSpace(all.cells[header][yearCol])
		}
		for _, line := range blankYear {
			errs = append(errs, CellError{File: opt.File, Row: line, Column: yearCol + 1, Header: hdr,
				Reason: msg.T("年份为空：文件有多个年份，每行都要写明年份", "the year is empty: the file holds several years, so every row needs its year")})
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return yearKey(keys[i]) < yearKey(keys[j]) })
	var s Series
	for _, k := range keys {
		d, err := readRecords(groups[k], enc, fields, opt)
		if err != nil {
			var es Errors
			if !asErrors(err, &es) {
				return nil, err
			}
			errs = append(errs, es...)
			continue
		}
		s = append(s, d)
	}
	if len(errs) > 0 {
		return nil, capErrors(errs, opt.File)
	}
	return s, nil
}

func yearKey(k string) int {
	y, err := strconv.Atoi(k)
	if err != nil {
		return -1
	}
	return y
}

// readJSONSeries reads an array of data documents, each as ReadJSON reads
// a file: the text outside the document is blanked, so that lines and
// columns stay those of the whole file.
func readJSONSeries(text string, enc Encoding, fields []Field, opt Options) (Series, error) {
	root, serr := strictjson.Parse(text)
	if serr != nil {
		lines := strictjson.NewLines(text)
		line, col := lines.At(serr.Off)
		return nil, Errors{{File: opt.File, Row: line, Column: col, Reason: strictjson.SyntaxText(serr)}}
	}
	end := strings.LastIndexByte(text, ']')
	var s Series
	var errs Errors
	for k, el := range root.Elems {
		path := "[" + strconv.Itoa(k) + "]"
		if el.Kind != strictjson.ObjectStart {
			line, col := strictjson.NewLines(text).At(el.Off)
			errs = append(errs, CellError{File: opt.File, Row: line, Column: col, Path: path, Text: el.Raw,
				Reason: msg.T("数组的每一项应为一份数据 {…}", "each item of the array must be a data document {…}")})
			continue
		}
		stop := end
		if k+1 < len(root.Elems) {
			stop = root.Elems[k+1].Off
		}
		stop = strings.LastIndexByte(text[:stop], '}') + 1
		d, err := readJSONText(blankOutside(text, el.Off, stop), enc, fields, opt)
		if err != nil {
			var es Errors
			if !asErrors(err, &es) {
				return nil, err
			}
			for _, e := range es {
				if e.Path != "" {
					e.Path = path + "." + e.Path
				} else if e.Row != 0 {
					e.Path = path
				}
				errs = append(errs, e)
			}
			continue
		}
		s = append(s, d)
	}
	if len(root.Elems) == 0 {
		errs = append(errs, CellError{File: opt.File, Reason: msg.T("数组是空的：没有任何一年的数据", "the array is empty: no year's figures")})
	}
	if len(errs) > 0 {
		return nil, capErrors(errs, opt.File)
	}
	return s, nil
}

// blankOutside replaces every character outside text[from:to] but line
// breaks by one space, so that what is kept stands on its own lines and
// columns.
func blankOutside(text string, from, to int) string {
	var b strings.Builder
	b.Grow(len(text))
	for i, r := range text {
		switch {
		case i >= from && i < to:
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func asErrors(err error, es *Errors) bool {
	e, ok := err.(Errors)
	if ok {
		*es = e
	}
	return ok
}
