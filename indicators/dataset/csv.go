package dataset

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/internal/spreadsheet"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// Options tell a reader what the file itself may not say.
type Options struct {
	// Year is the year of the figures when the file has no year column (CSV)
	// or no "year" (JSON).
	Year int
	// File is the name errors give for the input ("data.csv").
	File string
	// Sheet is the sheet of a workbook the rows come from (ReadCells); errors
	// then name the sheet and the cell ("表 Sheet1 单元格 F7").
	Sheet string
	// Plan is the id of the plan the figures are read for. A file that
	// names another plan (see Dataset.Plan) is refused: its columns were
	// made for that plan's figures.
	Plan string
	// Decoded is the encoding the caller decoded the text from before
	// handing it over (the page decodes with the browser's TextDecoder):
	// hints about the encoding are then worded as for a file read in it.
	Decoded Encoding
	// Levels are the plan's levels (plan.Plan.Hierarchy); empty: city,
	// district and school. A level cell must name one of them, and a
	// parent must sit at a level above its unit's.
	Levels org.Hierarchy
}

// ReadCSV reads a "wide" CSV file: one row per unit, unit columns first or
// anywhere, one column per metric.
//
// The text may be UTF-8 with or without a byte order mark, GBK/GB18030 or
// UTF-16 with a mark (see DecodeText); the delimiter is a comma, or a tab or
// semicolon when the header line has more of those, or what an Excel
// "sep=;" first line says.
//
// Unit columns are recognised by these headers, Chinese or English:
//
//	id      id, 代码, 单位代码, 学校代码, 编码, 单位编码, 学校编码, code (required)
//	name    name, 名称, 单位名称, 学校名称 (required)
//	level   level, 层级, 级别: 市/city, 区/县/区县/辖市区/district, 学校/school
//	kind    kind, 类型, 学校类型, 办学类型: a name from org.KindNames() (Chinese,
//	        English or the Kind itself) or 九年一贯制, 高中, 完中, 中职, 特校 …
//	parent  parent, 上级, 上级单位, 所属辖市区, 所属区县: an id, or the name
//	        of a unit in the same file
//	year    year, 年份, 年度 (otherwise Options.Year)
//	plan    plan, plan id, 计划, 计划编号: the id of the plan the file was
//	        filled in for (Dataset.Plan); one per file, and refused when
//	        Options.Plan names another
//
// Without a level column every row is a school; a file of one school with no
// parent column is thus a school's own self-check. Every school needs a kind,
// so a file with schools needs a kind column. A parent must be in the file. Every other column is a
// metric, matched by Field.ID or one of Field.Names, ignoring spaces, case,
// full-width forms and a trailing unit in brackets ("在园幼儿数（人）").
//
// A 序号 (row number) column is ignored; any other unknown header is an
// error, unless the header and the whole column are empty.
//
// Rows: a row with fewer cells than the header names (up to its last
// non-empty header) is an error naming the row and the columns, since a
// lost cell shifts every figure after it. A filled cell beyond the header
// is an error. A row longer than the header with its extra cells empty is
// an error when other rows have none (an unquoted "1,000" split in two),
// and read when every row has them (a delimiter ending each line). A
// sheet's rows (ReadCells) may end early or run on with empty cells: a
// sheet's cells are where they are, never lost or split.
//
// A unit named as a total (合计, 总计, 小计, 共计, 汇总, 总数, a name ending
// in one such as 全市合计, or Total, Subtotal, Grand total, Sum) is refused,
// since read as a unit it would be counted twice in its parent's sums;
// it is read only as a city or district that units in the file name as
// their parent. The JSON reader applies the same rule.
//
// Cells: empty is a missing figure (never zero), and so is a cell holding
// one of the markers statistical publications print for it: "-", "--",
// "—", "——", "…", "……" (full-width forms such as "－－" folded first). A
// marked cell is counted and listed in Dataset.Source (Missing,
// MissingByMarker). A word that may mean zero ("无", "零", "空", "没有") is
// rejected with ReasonMayBeZero, and "/", "N/A" and the like with
// ReasonMissingWord, rather than guessed at. Accepted: thousands separators in groups of three
// ("1,234", "1，234"), full-width digits, a sign, an exponent ("1.5E+03"),
// Excel's ="0123", and "%" after a percent figure. A percent figure is in
// percent with or without the sign (99.2 and 99.2% are both 0.992). Rejected,
// each with its reason (the Reason constants): "%" on a figure that is not a
// percent, a fraction of an Integral figure, a negative figure unless the
// field is Signed, NaN and Inf, Excel error values (#DIV/0!), a unit after
// the number ("12人"), and a row of units of measure under the header.
//
// The read succeeds only if every cell does: otherwise it returns nil and
// Errors listing every rejected cell and row with its line, column, header,
// text and reason — the first MaxListed of them in reading order, then one
// entry counting the rest. A row with a bad cell is not loaded in part.
func ReadCSV(r io.Reader, fields []Field, opt Options) (*Dataset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	return readCSVText(text, enc, fields, opt)
}

// csvRead holds the state of one CSV read.
type csvRead struct {
	opt    Options
	fields []Field
	m      *matcher
	errs   Errors
	// warnings are cells read but probably mistyped.
	warnings warningLog
	missing  missingLog

	header   []string
	col      [roleField]int // column of each unit role, -1 when absent
	fieldCol []int          // column of each field in use, in column order
	fieldIdx []int          // the field of each entry of fieldCol
	noHeader []bool         // columns with an empty header

	units   []OrgUnit
	lines   []int    // line of each unit's row
	parents []string // parent cell of each unit, cleaned
	cols    []Column // per entry of fieldCol
	// idAt gives each id read its unit's position, or minus its line for
	// a row refused as short; with no errors it is the dataset's index
	// as it stands, made once rather than again for the checks and for
	// the dataset.
	idAt map[string]int
	// classes are the pairs of level and kind met, with whether each
	// field of fieldCol expects a figure from them (Field.Reports).
	classes  []rowClass
	year     int
	yearLine int
	plan     string
	planLine int
	// otherPlan is the cell naming another plan than the one in use:
	// then every header and cell the other plan's columns make unknown
	// would bury the one error that matters, so it comes alone.
	otherPlan *CellError
	sawSchool bool

	// sheet is set for the rows of a spreadsheet (ReadCells), where a row
	// short of the header is only its empty cells left out, never a lost one.
	sheet bool
	// width is the number of columns the header names: up to its last
	// non-empty header.
	width int
	// rows counts the data rows; long the rows longer than the header whose
	// extra cells are empty, longLines the first of their lines and longSize
	// their cells (see widthErrors).
	rows      int
	long      int
	longLines []int
	longSize  []int
}

func (c *csvRead) add(row, column int, header, text string, reason msg.Text) {
	c.errs = append(c.errs, CellError{File: c.opt.File, Sheet: c.opt.Sheet, Row: row, Column: column, Header: header, Text: text, Reason: reason})
}

func readCSVText(text string, enc Encoding, fields []Field, opt Options) (*Dataset, error) {
	firstLine := 1
	delim, rest, ok := sepLine(text)
	if ok {
		text, firstLine = rest, 2
	} else {
		delim = sniffDelimiter(firstContentLine(text))
	}
	return readRecords(newCSVScanner(text, delim, firstLine), enc, fields, opt)
}

// records is a table split into rows of cells: CSV text, or a spreadsheet's
// sheet (see ReadCells). next moves to the next row, whose cells and the
// line each starts on are then in cells and lines; left is about how many
// rows remain, to size the columns once.
type records interface {
	next() (bool, *csvSyntaxError)
	record() (cells []string, lines []int)
	left() int
}

// readRecords reads a wide table, whatever file it came from: every rule
// about headers, units and cells lives here once.
func readRecords(sc records, enc Encoding, fields []Field, opt Options) (*Dataset, error) {
	m, err := newMatcher(fields, opt.Levels)
	if err != nil {
		return nil, err
	}
	c := &csvRead{opt: opt, fields: fields, m: m, idAt: map[string]int{}}
	// A sheet's rows (whole, or split by year) may end early: its cells
	// cannot be lost or shifted as a CSV line's can.
	_, cells := sc.(*cellRows)
	c.sheet = cells || enc == Workbook
	headerLine := 0
	var header []string
	for {
		more, serr := sc.next()
		if serr != nil {
			c.quoteError(serr)
			return nil, c.errs
		}
		if !more {
			break
		}
		if cells, lines := sc.record(); !blank(cells) {
			header, headerLine = cells, lines[0]
			break
		}
	}
	if headerLine == 0 {
		c.add(0, 0, "", "", msg.T("文件是空的", "the file is empty"))
		return nil, c.errs
	}
	if h, ok := c.titleRow(header); ok {
		// Every row under a title would be measured against the title's one
		// column and rejected cell by cell; one error with the fix says it all.
		c.add(headerLine, 1, h, h, msg.T("第一行应为列名，这一行像是表格标题：请删去标题行，让“单位代码、单位名称……”这一行成为第一行", "the first row must hold the column headers and this one looks like a title: delete the title row so that the header row (id, name, …) comes first"))
		return nil, c.errs
	}
	c.readHeader(header, headerLine)
	if (enc == GBK || opt.Decoded == GBK) && (c.col[roleID] < 0 || c.col[roleName] < 0) {
		// GB18030 decodes almost any bytes, so a Shift-JIS or Big5 file
		// reads as GBK with garbled headers: say so, or the user hunts
		// for a missing column that is there.
		c.add(headerLine, 0, "", "", msg.T("表头按 GBK 解码后无法识别；若列名显示为乱码，文件可能是其他编码（如 Shift-JIS、Big5）：请在 Excel 中另存为“CSV UTF-8”",
			"the headers, decoded as GBK, are not recognised; if the column names look garbled, the file is in another encoding (such as Shift-JIS or Big5): save it from Excel as \"CSV UTF-8\""))
	}
	// Room for every line, so that the columns grow once rather than double
	// their way up.
	rows := sc.left()
	if len(c.idAt) == 0 {
		c.idAt = make(map[string]int, rows)
	}
	c.units = make([]OrgUnit, 0, rows)
	c.lines = make([]int, 0, rows)
	c.parents = make([]string, 0, rows)

	first := true
	for {
		more, serr := sc.next()
		if serr != nil {
			c.quoteError(serr)
			break
		}
		if !more {
			break
		}
		cells, lines := sc.record()
		if blank(cells) {
			continue
		}
		if first {
			first = false
			if c.unitsRow(cells) {
				c.add(lines[0], 0, "", "", msg.T("这一行像是计量单位行（人、%……）：不支持单位行，请把单位写进列名，如“在园幼儿数（人）”", "this row looks like a row of units of measure, which is not supported: put the unit in the column header, as in \"pupils (persons)\""))
				continue
			}
		}
		c.readRow(cells, lines)
	}
	if len(c.units) == 0 && len(c.errs) == 0 {
		c.add(headerLine, 0, "", "", msg.T("只有表头，没有数据行", "the file has a header but no data rows"))
	}
	if c.sawSchool && c.col[roleKind] < 0 && c.col[roleID] >= 0 {
		c.add(headerLine, 0, "", "", msg.T("缺少“学校类型”列：每所学校都要写明类型（幼儿园、小学……）", "missing the kind column: every school needs a kind (kindergarten, primary, …)"))
	}
	c.widthErrors()
	c.resolveParents()
	if len(c.errs) == 0 {
		// No errors: every unit has an id of its own, in idAt.
		for _, p := range append(validateUnits(c.units, c.opt.Levels, c.idAt), totalRows(c.units)...) {
			col := c.col[p.role] // -1 gives column 0: the row as a whole
			c.add(c.lines[p.unit], col+1, c.headerOf(col), p.text, p.reason)
		}
	}
	if c.otherPlan != nil {
		return nil, Errors{*c.otherPlan}
	}
	if len(c.errs) > 0 {
		return nil, capErrors(c.errs, opt.File)
	}
	return c.dataset(enc), nil
}

// firstContentLine returns the text from the first line that is not blank,
// where the header is.
func firstContentLine(s string) string {
	for s != "" {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 || trimSpace(s[:i]) != "" {
			return s
		}
		s = s[i+1:]
	}
	return s
}

func (c *csvRead) headerOf(col int) string {
	if col >= 0 && col < len(c.header) {
		return trimSpace(c.header[col])
	}
	return ""
}

func (c *csvRead) quoteError(e *csvSyntaxError) {
	c.add(e.line, e.column, c.headerOf(e.column-1), "", msg.T("引号没有闭合：这一格以 \" 开头，但直到文件末尾都没有对应的 \"，其后的行没有读取", "unterminated quote: this cell opens a \" that is never closed, so the rest of the file was not read"))
}

func blank(fields []string) bool {
	for _, f := range fields {
		if trimSpace(f) != "" {
			return false
		}
	}
	return true
}

func (c *csvRead) readHeader(cells []string, line int) {
	c.header = append([]string(nil), cells...)
	for i := range c.col {
		c.col[i] = -1
	}
	c.noHeader = make([]bool, len(cells))
	fieldSeen := map[int]int{}
	for j, h := range cells {
		h = trimSpace(h)
		if h == "" {
			c.noHeader[j] = true
			continue
		}
		t, ok := c.m.header(h)
		switch {
		case ok && t.role == roleIgnore:
			// A row counter (序号) holds nothing to keep.
		case !ok:
			reason := msg.T("未知的列名：既不是单位信息列，也不是已知的指标", "unknown column: neither a unit column nor a known figure")
			if strings.ContainsRune(h, '，') || strings.ContainsRune(h, '；') {
				reason = msg.T("未知的列名；列名里有全角逗号“，”：列之间要用半角逗号“,”分隔", "unknown column, with full-width commas in it: separate columns with ASCII commas")
			}
			c.add(line, j+1, h, h, reason)
		case t.role == roleField:
			if prev, dup := fieldSeen[t.field]; dup {
				c.add(line, j+1, h, h, msg.Textf("重复的列：与第%d列是同一指标", "duplicate column: the same figure as column %d", prev+1))
				continue
			}
			fieldSeen[t.field] = j
			c.fieldCol = append(c.fieldCol, j)
			c.fieldIdx = append(c.fieldIdx, t.field)
		default:
			if prev := c.col[t.role]; prev >= 0 {
				c.add(line, j+1, h, h, msg.T(fmt.Sprintf("重复的列：第%d列已是%s", prev+1, roleLabel(t.role).ZH), fmt.Sprintf("duplicate column: column %d is already the %s column", prev+1, roleLabel(t.role).EN)))
				continue
			}
			c.col[t.role] = j
		}
	}
	for _, r := range []role{roleID, roleName} {
		if c.col[r] < 0 {
			c.add(line, 0, "", "", msg.T("缺少必需的列："+roleLabel(r).ZH, "missing a required column: "+roleLabel(r).EN))
		}
	}
	c.cols = make([]Column, len(c.fieldCol))
	for j := range cells {
		if !c.noHeader[j] {
			c.width = j + 1
		}
	}
}

// titleRow says whether the header row is a table title ("2017年教育统计表")
// that Excel users put above the headers: a single filled cell that is not a
// known column. It returns the title.
func (c *csvRead) titleRow(cells []string) (string, bool) {
	title := ""
	for _, h := range cells {
		if h = trimSpace(h); h == "" {
			continue
		}
		if title != "" {
			return "", false
		}
		title = h
	}
	if _, known := c.m.header(title); known || strings.ContainsRune(title, '，') || strings.ContainsRune(title, '；') {
		return "", false
	}
	return title, true
}

// unitsRow says whether the first data row holds units of measure ("人",
// "%") under the figures' headers instead of figures.
func (c *csvRead) unitsRow(cells []string) bool {
	unitLike := false
	for _, j := range c.fieldCol {
		if j >= len(cells) {
			continue
		}
		t := cleanCell(cells[j])
		if isMissing(t) {
			continue
		}
		if _, _, why := scanNumber(strings.TrimSuffix(t, "%")); why == "" {
			return false
		}
		if looksLikeUnit(t) {
			unitLike = true
		}
	}
	return unitLike
}

func (c *csvRead) readRow(cells []string, lines []int) {
	line := lines[0]
	cell := func(j int) string {
		if j < 0 || j >= len(cells) {
			return ""
		}
		return cells[j]
	}
	at := func(j int) int {
		if j < len(lines) {
			return lines[j]
		}
		return line
	}
	bad := func(j int, reason msg.Text) {
		c.add(at(j), j+1, c.headerOf(j), cell(j), reason)
	}
	c.rows++
	if !c.sheet && len(cells) < c.width {
		c.shortRow(cells, line)
		return
	}
	extra := false
	for j := len(c.header); j < len(cells); j++ {
		if trimSpace(cells[j]) != "" {
			bad(j, msg.T("这一格在最后一列之后，没有列名", "this cell is beyond the last column and has no header"))
			extra = true
		}
	}
	if !extra && !c.sheet && len(cells) > len(c.header) {
		// A sheet's cells cannot split: its empty cells past the header
		// (formatted, or cleared) are nothing.
		c.long++
		if len(c.longLines) <= MaxListed {
			c.longLines = append(c.longLines, line)
			c.longSize = append(c.longSize, len(cells))
		}
	}
	for j, none := range c.noHeader {
		if none && trimSpace(cell(j)) != "" {
			bad(j, msg.T("这一列没有列名", "this column has no header"))
		}
	}

	var u OrgUnit
	if j := c.col[roleID]; j >= 0 {
		// A copy: a piece of the file's text would keep all of it alive.
		u.ID = strings.Clone(cleanID(cell(j)))
		if u.ID == "" {
			bad(j, msg.T("代码为空", "the id is empty"))
		} else if long := tooLong(u.ID); !long.IsZero() {
			c.add(at(j), j+1, c.headerOf(j), clip(cell(j)), long)
		} else if prev, dup := c.idAt[u.ID]; dup {
			bad(j, msg.Textf("代码重复：第%d行已用过", "duplicate id: already used on line %d", c.lineOf(prev)))
		} else {
			c.idAt[u.ID] = len(c.units)
		}
	}
	if j := c.col[roleName]; j >= 0 {
		// A name keeps its full-width forms (cleanCell would fold them),
		// but not the apostrophe that kept it from running as a formula.
		u.Name = strings.Clone(spreadsheet.Unguard(trimSpace(cell(j))))
		if u.Name == "" {
			bad(j, msg.T("单位名称为空", "the name is empty"))
		} else if long := tooLong(u.Name); !long.IsZero() {
			c.add(at(j), j+1, c.headerOf(j), clip(cell(j)), long)
		}
	}
	u.Level = org.School
	levelOK := true
	if j := c.col[roleLevel]; j >= 0 {
		t := cleanCell(cell(j))
		l, ok := c.m.level(t)
		switch {
		case t == "":
			w := levelList(c.opt.Levels, true)
			bad(j, msg.T("层级为空：请填 "+w.ZH, "the level is empty: write "+w.EN))
			levelOK = false
		case !ok:
			w := levelList(c.opt.Levels, true)
			bad(j, msg.T("无法识别的层级：请填 "+w.ZH, "unknown level: write "+w.EN))
			levelOK = false
		default:
			u.Level = l
		}
	}
	if levelOK && u.Level == org.School {
		c.sawSchool = true
	}
	if j := c.col[roleKind]; j >= 0 {
		t := cleanCell(cell(j))
		k, ok := c.m.kind(t)
		switch {
		case t == "" && levelOK && u.Level == org.School:
			bad(j, msg.T("学校类型为空", "the school's kind is empty"))
		case t == "":
		case !ok:
			bad(j, kindReason())
		case levelOK && u.Level != org.School:
			bad(j, msg.T("只有学校才有学校类型", "only a school has a kind"))
		default:
			u.Kind = k
		}
	}
	parent := ""
	if j := c.col[roleParent]; j >= 0 {
		parent = strings.Clone(cleanID(cell(j)))
	}
	if j := c.col[roleYear]; j >= 0 {
		c.readYear(j, cell(j), at(j))
	}
	if j := c.col[rolePlan]; j >= 0 {
		c.readPlan(j, cell(j), at(j))
	}

	for n, j := range c.fieldCol {
		f := &c.fields[c.fieldIdx[n]]
		v, ok, reason := parseFigure(cell(j), f)
		if !reason.IsZero() {
			bad(j, reason)
		} else if !ok {
			if t := cleanCell(cell(j)); t != "" {
				c.missing.add(MissingCell{File: c.opt.File, Row: at(j), Column: j + 1, Header: c.headerOf(j),
					Unit: u.ID, Metric: f.ID, Text: cell(j), Marker: t})
			}
		} else {
			if w := percentWarning(cell(j), v, f); !w.IsZero() {
				c.warnings.add(CellError{File: c.opt.File, Sheet: c.opt.Sheet, Row: line, Column: j + 1,
					Header: c.headerOf(j), Text: cell(j), Reason: w})
			}
			if f.Reports != nil && levelOK && !c.reports(n, u) {
				c.warnings.add(CellError{File: c.opt.File, Sheet: c.opt.Sheet, Row: at(j), Column: j + 1,
					Header: c.headerOf(j), Unit: u.ID, Text: cell(j), Reason: WarnNotReportedBy})
			}
		}
		if ok {
			col := &c.cols[n]
			col.units = append(col.units, int32(len(c.units)))
			col.values = append(col.values, v)
		}
	}
	c.units = append(c.units, u)
	c.lines = append(c.lines, line)
	c.parents = append(c.parents, parent)
}

// shortRow refuses a row with fewer cells than the header names. Its cells
// after the gap are in the wrong columns, so nothing else is said about
// them; its id is kept, so that the units below it still find their parent.
func (c *csvRead) shortRow(cells []string, line int) {
	if j := c.col[roleID]; j >= 0 && j < len(cells) {
		if id := cleanID(cells[j]); id != "" {
			if _, dup := c.idAt[id]; !dup {
				c.idAt[id] = -line
			}
		}
	}
	c.add(line, 0, "", "", msg.Textf("这一行只有%d格，而表头有%d列（%s）：少了%d格，其后的数字会错位。缺的数字请留空格（两个逗号之间不写内容），不要删去；若是 Excel 导出的（末列为空时 Excel 会省略逗号），请直接读取 .xlsx 工作簿",
		"this row has %d cells but the header names %d columns (%s): %d missing, so the figures after the gap would land in the wrong columns. Leave a missing figure's cell empty (nothing between two commas) rather than deleting it; if Excel saved the file (it leaves out the commas of an empty last column), read the .xlsx workbook instead",
		len(cells), c.width, c.headerSpan(), c.width-len(cells)))
}

// headerSpan names the header's columns, first to last, for a message about
// a row's width.
func (c *csvRead) headerSpan() string {
	if c.width == 0 {
		return ""
	}
	return trimSpace(c.header[0]) + " … " + trimSpace(c.header[c.width-1])
}

// widthErrors refuses rows longer than the header whose extra cells are
// empty, unless every data row is that long. A tool that ends every line
// with a delimiter writes such rows throughout, and they are harmless; one
// such row among rows of the header's width is a cell split in two — an
// unquoted thousands separator ("1,000") — whose figures have shifted.
func (c *csvRead) widthErrors() {
	if c.long == 0 || c.long == c.rows {
		return
	}
	for i, line := range c.longLines {
		if i == MaxListed {
			break
		}
		c.add(line, 0, "", "", msg.Textf("这一行有%d格，而表头只有%d列（%s）：多出的一格多半是没加引号的千位分隔符（1,000）或名称里的逗号把一格拆成了两格，其后的数字会错位。请给这一格加上引号（\"1,000\"）或去掉逗号",
			"this row has %d cells but the header names %d columns (%s): the extra cell is most likely an unquoted thousands separator (1,000) or a comma in a name splitting a cell in two, which shifts the figures after it. Quote the cell (\"1,000\") or remove the comma",
			c.longSize[i], len(c.header), c.headerSpan()))
	}
	if c.long > MaxListed {
		c.add(c.longLines[MaxListed], 0, "", "", msg.Textf("另有%d行同样多出一格", "%d more rows have the same extra cell", c.long-MaxListed))
	}
}

// kindReason rejects a kind, listing the ones a reader knows.
func kindReason() msg.Text {
	zh := make([]string, len(org.KindNames()))
	en := make([]string, len(org.KindNames()))
	for i, k := range org.KindNames() {
		zh[i], en[i] = k.Name.ZH, k.Name.EN
	}
	return msg.T("无法识别的学校类型，可填："+strings.Join(zh, "、"), "unknown kind of school; use one of: "+strings.Join(en, ", "))
}

func (c *csvRead) readYear(j int, raw string, line int) {
	t := strings.TrimSuffix(cleanCell(raw), "年")
	if t == "" {
		return
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < 1900 || y > 2200 {
		c.add(line, j+1, c.headerOf(j), raw, msg.T("年份应为四位数字，如 2017", "the year must be four digits, such as 2017"))
		return
	}
	switch {
	case c.yearLine == 0:
		c.year, c.yearLine = y, line
	case y != c.year:
		c.add(line, j+1, c.headerOf(j), raw, msg.Textf(severalYearsZH+"：第%d行是%d年", "a file holds one year, and line %d says %d", c.yearLine, c.year))
	}
}

// severalYearsZH starts the reason a file of several years is refused
// with by a reader of one (SeveralYears).
const severalYearsZH = "一个文件只能有一个年份"

// readPlan reads a plan cell: one plan per file, and the plan in use.
func (c *csvRead) readPlan(j int, raw string, line int) {
	p := cleanID(raw)
	switch {
	case p == "":
	case c.planLine == 0:
		c.plan, c.planLine = p, line
		if reason := PlanMismatch(p, c.opt.Plan); !reason.IsZero() {
			c.add(line, j+1, c.headerOf(j), raw, reason)
			c.otherPlan = &c.errs[len(c.errs)-1]
		}
	case p != c.plan:
		c.add(line, j+1, c.headerOf(j), raw, msg.Textf("一个文件只能属于一个计划：第%d行是 %q", "a file belongs to one plan, and line %d says %q", c.planLine, c.plan))
	}
}

// PlanMismatch is why a file made for the plan named file cannot be read
// for the plan named using; zero when it can (either is empty, or they are
// the same).
func PlanMismatch(file, using string) msg.Text {
	if file == "" || using == "" || file == using {
		return msg.Text{}
	}
	// Worded for every face: the page has no --plan, it loads a plan.
	return msg.Textf("这个文件是按计划 %q 填报的，而现在使用的是计划 %q：请改用该计划检查，或用本计划生成的模板重新填报",
		"this file was filled in for the plan %q, and the plan in use is %q: check it with that plan, or fill in a template of this plan", file, using)
}

// rowClass is a level and kind, and whether each field of fieldCol
// expects a figure from a unit of them.
type rowClass struct {
	level   org.Level
	kind    org.Kind
	reports []bool
}

// reports is Reports of fieldCol's n-th field for u, asked once for each
// level and kind: a national file has a dozen of them and five million
// figures.
func (c *csvRead) reports(n int, u OrgUnit) bool {
	k := 0
	for k < len(c.classes) && (c.classes[k].level != u.Level || c.classes[k].kind != u.Kind) {
		k++
	}
	if k == len(c.classes) {
		cl := rowClass{level: u.Level, kind: u.Kind, reports: make([]bool, len(c.fieldCol))}
		for m := range c.fieldCol {
			f := &c.fields[c.fieldIdx[m]]
			cl.reports[m] = f.Reports == nil || f.Reports(OrgUnit{Level: u.Level, Kind: u.Kind})
		}
		c.classes = append(c.classes, cl)
	}
	return c.classes[k].reports[n]
}

// lineOf is the line of an id's row from its entry in idAt.
func (c *csvRead) lineOf(at int) int {
	if at < 0 {
		return -at
	}
	return c.lines[at]
}

// resolveParents turns each parent cell into a unit id: an id of a unit in
// the file, or the name of exactly one.
func (c *csvRead) resolveParents() {
	j := c.col[roleParent]
	if j < 0 {
		return
	}
	// Parents are nearly always written by id: the index of names, a map
	// entry and a list for every unit of the file, is made only when a
	// parent cell is not one.
	var byName map[string][]int
	names := func() map[string][]int {
		if byName == nil {
			byName = map[string][]int{}
			for i, u := range c.units {
				if u.Name != "" {
					byName[u.Name] = append(byName[u.Name], i)
				}
			}
		}
		return byName
	}
	bad := func(i int, reason msg.Text) {
		c.add(c.lines[i], j+1, c.headerOf(j), c.parents[i], reason)
	}
	for i, p := range c.parents {
		if p == "" {
			continue
		}
		id := ""
		if _, ok := c.idAt[p]; ok {
			id = p
		} else {
			switch named := names()[p]; len(named) {
			case 0:
				bad(i, msg.T("上级单位不在本文件中：请加一行该单位，或删去上级列", "the parent is not in this file: add a row for it, or remove the parent column"))
				continue
			case 1:
				id = c.units[named[0]].ID
			default:
				bad(i, msg.Textf("有%d个单位叫这个名字（第%d、%d行……），请填上级的代码", "%d units have this name (lines %d, %d, …): write the parent's id", len(named), c.lines[named[0]], c.lines[named[1]]))
				continue
			}
		}
		if id == c.units[i].ID {
			bad(i, msg.T("上级不能是自己", "a unit cannot be its own parent"))
			continue
		}
		if c.col[roleLevel] < 0 {
			bad(i, msg.Textf("没有“层级”列时每行都按学校读入，而上级（第%d行）也在文件中：请加“层级”列", "without a level column every row is read as a school, yet the parent (line %d) is in the file: add a level column", c.lineOf(c.idAt[id])))
			continue
		}
		c.units[i].Parent = id
	}
}

func (c *csvRead) dataset(enc Encoding) *Dataset {
	year := c.opt.Year
	if c.yearLine > 0 {
		year = c.year
	}
	d := New(year)
	d.Plan = c.plan
	d.Units = c.units
	d.Levels = c.opt.Levels
	d.Source = Source{File: c.opt.File, Encoding: enc, Warnings: c.warnings.list, MoreWarnings: c.warnings.more,
		Missing: c.missing.cells, MissingByMarker: c.missing.counts, Lines: c.lines}
	d.index = c.idAt // no errors: the ids of the units, each once
	d.columns = make(map[string]*Column, len(c.fieldIdx))
	for n, k := range c.fieldIdx {
		d.columns[c.fields[k].ID] = c.cols[n].trimmed()
	}
	return d
}

// WriteCSV writes the dataset as a wide CSV file that ReadCSV reads back and
// Excel opens: a header row of unit columns in Chinese (单位代码, 单位名称,
// 层级, and 学校类型, 上级单位, 年份 when used), then one column per field,
// headed by its first name (or its id), with "（%）" after a percent field.
// Percent figures are written in percent; missing figures are empty cells.
//
// For Excel (UTF8BOM, GBK) lines end in CRLF, and an id Excel would mangle —
// a leading zero, or more digits than it shows — is written ="0123". A
// figure of a metric that is not among fields is an error, not left out.
func (d *Dataset) WriteCSV(w io.Writer, fields []Field, enc Encoding) error {
	if err := d.checkFields(fields); err != nil {
		return err
	}
	hasKind, hasParent := false, false
	for _, u := range d.Units {
		hasKind = hasKind || u.Kind != ""
		hasParent = hasParent || u.Parent != ""
	}
	header := []string{"单位代码", "单位名称", "层级"}
	if hasKind {
		header = append(header, "学校类型")
	}
	if hasParent {
		header = append(header, "上级单位")
	}
	if d.Year != 0 {
		header = append(header, "年份")
	}
	if d.Plan != "" {
		header = append(header, "计划编号")
	}
	for _, f := range fields {
		header = append(header, defaultHeader(f))
	}
	excel := enc != UTF8
	var b strings.Builder
	writeRecord(&b, header, excel)
	cols := make([]cursor, len(fields))
	for k, f := range fields {
		cols[k].c = d.columns[f.ID]
	}
	row := make([]string, 0, len(header))
	for i, u := range d.Units {
		row = append(row[:0], idCell(u.ID, excel), spreadsheet.Guard(u.Name), levelWriteZH(d.Levels, u.Level))
		if hasKind {
			row = append(row, kindText(u.Kind))
		}
		if hasParent {
			row = append(row, idCell(u.Parent, excel))
		}
		if d.Year != 0 {
			row = append(row, strconv.Itoa(d.Year))
		}
		if d.Plan != "" {
			row = append(row, idCell(d.Plan, excel))
		}
		for k, f := range fields {
			v, ok := cols[k].at(i)
			if !ok {
				row = append(row, "")
				continue
			}
			row = append(row, formatNumber(v, f.Percent))
		}
		writeRecord(&b, row, excel)
	}
	out, err := encodeText(b.String(), enc)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// checkFields makes sure every figure present has a field, so that a writer
// never leaves data out, and that no figure is NaN or infinite.
func (d *Dataset) checkFields(fields []Field) error {
	known := map[string]bool{}
	for _, f := range fields {
		known[f.ID] = true
	}
	var missing []string
	for _, id := range d.Metrics() {
		units, values := d.columns[id].Figures()
		for k, v := range values {
			if !known[id] {
				missing = append(missing, id)
				break
			}
			if v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308 {
				return fmt.Errorf("dataset: unit %s, metric %s: the value %v cannot be written", d.Units[units[k]].ID, id, v)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("dataset: figures of %s have no field: they would be left out", strings.Join(missing, ", "))
	}
	return nil
}

// defaultHeader is the header a writer gives a field.
func defaultHeader(f Field) string {
	h := f.ID
	if len(f.Names) > 0 && f.Names[0] != "" {
		h = f.Names[0]
	}
	if f.Percent {
		h += "（%）"
	}
	return h
}

func kindText(k org.Kind) string {
	if k == "" {
		return ""
	}
	return kindZH(k)
}

// excelID protects an id Excel would turn into a number: it drops leading
// zeros and shows more than 11 digits in scientific notation, losing digits
// beyond 15.
//
// An id that a reader would change (one that itself looks like ="x") is
// wrapped whatever the encoding, so that reading unwraps it back.
func excelID(id string, excel bool) string {
	if cleanID(id) != id && cleanID(`="`+id+`"`) == id {
		return `="` + id + `"`
	}
	if !excel || id == "" {
		return id
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return id
		}
	}
	if id[0] == '0' || len(id) > 11 {
		return `="` + id + `"`
	}
	return id
}

// writeRecord writes one CSV record, quoting a field only when it must be.
func writeRecord(b *strings.Builder, fields []string, crlf bool) {
	spreadsheet.AppendRow(b, fields, crlf)
}

// idCell writes a unit id for a spreadsheet: protected as text where Excel
// would change it (excelID), guarded where it would run as a formula.
func idCell(id string, excel bool) string {
	if p := excelID(id, excel); p != id {
		return p
	}
	return spreadsheet.Guard(id)
}

// Template writes a CSV file for units to fill in: the header row and one
// row per unit with its id, name, level, kind and parent, figures empty.
// names gives each field's header (for example "在园幼儿数（人）"); nil uses
// the header WriteCSV uses. lang "en" writes the unit columns and their
// levels and kinds in English (id, name, level, kind, parent; city,
// primary …), which read back as well; anything else in Chinese. Every
// header must read back as its field, and every parent must be among units,
// so that the filled-in template always reads.
func Template(w io.Writer, units []OrgUnit, fields []Field, names func(Field) string, enc Encoding, lang string) error {
	return StampedTemplate(w, units, fields, names, enc, lang, Stamp{})
}

// Stamp is what a template writes on every row besides the unit: the year
// of the figures (a 年度 column) and the id of the plan they are for (a
// 计划编号 column), so that a filled-in return says what it is wherever it
// travels. A zero field is not written.
type Stamp struct {
	Year int
	Plan string
	// Levels are the plan's levels, which the units must sit at (empty:
	// city, district and school); they are not written.
	Levels org.Hierarchy
}

// StampedTemplate is Template with the columns of a Stamp after the unit
// columns.
func StampedTemplate(w io.Writer, units []OrgUnit, fields []Field, names func(Field) string, enc Encoding, lang string, st Stamp) error {
	m, err := newMatcher(fields, st.Levels)
	if err != nil {
		return err
	}
	d := New(0)
	d.Levels = st.Levels
	for _, u := range units {
		if err := d.Add(u); err != nil {
			return fmt.Errorf("dataset: template: %w", err)
		}
	}
	if errs := d.Validate(); errs != nil {
		return fmt.Errorf("dataset: template units: %w", errs)
	}
	// A stamped template is a return: it has the parent column even
	// where no unit has a parent yet, for the school to fill in.
	hasParent := st.Year != 0 || st.Plan != ""
	for _, u := range units {
		hasParent = hasParent || u.Parent != ""
	}
	header := []string{"单位代码", "单位名称", "层级", "学校类型"}
	parent := "上级单位"
	level := func(l org.Level) string { return levelWriteZH(st.Levels, l) }
	kind := kindText
	if lang == "en" {
		header, parent = []string{"id", "name", "level", "kind"}, "parent"
		level = func(l org.Level) string { return string(l) }
		kind = func(k org.Kind) string { return string(k) }
	}
	if hasParent {
		header = append(header, parent)
	}
	yearH, planH := "年度", "计划编号"
	if lang == "en" {
		yearH, planH = "year", "plan"
	}
	var stamp []string
	if st.Year != 0 {
		header = append(header, yearH)
		stamp = append(stamp, strconv.Itoa(st.Year))
	}
	if st.Plan != "" {
		header = append(header, planH)
		stamp = append(stamp, idCell(st.Plan, enc != UTF8))
	}
	for k, f := range fields {
		h := defaultHeader(f)
		if names != nil {
			h = names(f)
		}
		if t, ok := m.header(h); !ok || t.role != roleField || t.field != k {
			return fmt.Errorf("dataset: template: header %q of field %s would not be read back as that field", h, f.ID)
		}
		header = append(header, h)
	}
	excel := enc != UTF8
	var b strings.Builder
	writeRecord(&b, header, excel)
	row := make([]string, len(header))
	for _, u := range units {
		for j := range row {
			row[j] = ""
		}
		row[0], row[1], row[2], row[3] = idCell(u.ID, excel), spreadsheet.Guard(u.Name), level(u.Level), kind(u.Kind)
		j := 4
		if hasParent {
			row[j] = idCell(u.Parent, excel)
			j++
		}
		copy(row[j:], stamp)
		writeRecord(&b, row, excel)
	}
	out, err := encodeText(b.String(), enc)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
