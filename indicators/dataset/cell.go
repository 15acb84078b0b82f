package dataset

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eduplan/eduplan/internal/spreadsheet"
	"github.com/eduplan/eduplan/msg"
)

// Why a figure is rejected. Every reason says it in Chinese, then English,
// for the person who typed the cell.
var (
	ReasonNotNumber   = msg.T("不是数字", "not a number")
	ReasonMissingWord = msg.T("不是数字；缺失请留空或填“-”", "not a number: leave the cell empty or write \"-\" when the figure is missing")
	ReasonExcelError  = msg.T("Excel 公式错误值，不是数字", "an Excel formula error, not a number")
	ReasonThousands   = msg.T("千位分隔符位置不对", "misplaced thousands separator")
	ReasonTrailing    = msg.T("数字后有多余的字：单位请写在列名里", "text after the number: put the unit in the column header")
	ReasonNoPercent   = msg.T("此项不是百分比，不能带 %", "not a percent figure: remove the %")
	ReasonFraction    = msg.T("应为整数", "must be a whole number")
	ReasonNegative    = msg.T("不能为负数", "must not be negative")
	ReasonRange       = msg.T("数值超出范围", "number out of range")
	// ReasonMayBeZero is for a word such as "无" that one school writes
	// for zero and another for "we do not know": the reader will not guess.
	ReasonMayBeZero = msg.T("可能表示 0 也可能表示缺数据：请填 0 或 --", "may mean 0 as well as a missing figure: write 0 or --")
)

// zeroWords are words that may mean zero as easily as "no figure".
var zeroWords = map[string]bool{
	"无": true, "零": true, "〇": true, "空": true, "暂无": true, "没有": true, "none": true, "nil": true,
}

// missingWords are what people write for "no figure" that a reader refuses
// to guess at: "无" may mean zero as easily as unknown.
var missingWords = map[string]bool{
	"/": true, "\\": true, "不详": true,
	"n/a": true, "na": true, "null": true, "x": true, "×": true,
	"?": true, "？": true, "---": true,
}

// notNumberWords are float spellings strconv would accept but a figure never
// is.
var notNumberWords = map[string]bool{
	"nan": true, "inf": true, "+inf": true, "-inf": true, "infinity": true,
	"+infinity": true, "-infinity": true,
}

// cleanCell folds full-width forms, trims spaces, unwraps Excel's
// text-protection formula ="0123" and takes off the apostrophe that keeps
// a formula-like cell as text. Plain ASCII cells cost nothing.
func cleanCell(s string) string {
	if s == "" {
		return s
	}
	s = trimSpace(fold(s))
	if len(s) >= 3 && s[0] == '=' && s[1] == '"' && s[len(s)-1] == '"' {
		s = trimSpace(s[2 : len(s)-1])
	}
	// A cell eduplan (or a careful user) kept from running as a formula:
	// '=HYPERLINK(…) is the text =HYPERLINK(…).
	return spreadsheet.Unguard(s)
}

// isMissing says whether a cleaned cell means "no figure": empty, or one
// of the marks statistical publications print for a missing figure — a
// dash, two dashes ("－－" is folded to "--" before), an ellipsis (Chinese
// input methods type "——" and "……" for a dash and an ellipsis).
func isMissing(t string) bool {
	switch t {
	case "", "-", "--", "—", "——", "–", "―", "…", "……":
		return true
	}
	return false
}

// WarnPercentFraction is the warning for a percent cell written as a
// fraction.
var WarnPercentFraction = msg.T("百分比栏填的是小数：按百分数读作不到 1%；若指 96.5% 请填 96.5 或 96.5%", "a fraction in a percent column reads as less than 1%: for 96.5% write 96.5 or 96.5%")

// WarnNotReportedBy is the warning for a figure given by a unit the plan does
// not expect it from (Field.Reports).
var WarnNotReportedBy = msg.T("计划不要求这类单位填报此项，请核对是否填错了行或列；该数按原样读入，只在用到它的地方（如上级的合计）计入", "the plan does not ask this kind of unit for this figure: check that it is not in the wrong row or column; it is read as written and counts only where something uses it (a parent's sum)")

// WarnPercentOver100 is the warning for a percent figure above 100% in a
// field that may not pass it (Field.MayExceed100).
var WarnPercentOver100 = msg.T("百分比超过100%：部分多于整体，请核对；毛入学率等可超过100%的比率，请为用到它的指标声明 may_exceed_100", "a percent above 100%: the part exceeds the whole, check the figure; for a gross rate that may pass 100%, declare may_exceed_100 on the indicator that uses it")

// percentWarning says why a percent cell read as v (a fraction) looks
// mistyped, or nothing: a fraction of one written without "%" (0.965, read
// as 0.965%; zero is a real figure), or a figure above 100% where the field
// may not pass it. Both are read as written: a warning, not an error, since
// DESIGN has a rate above 100% "a warning at most".
func percentWarning(raw string, v float64, f *Field) msg.Text {
	switch {
	case !f.Percent:
	case v > 0 && v < 0.01 && !strings.HasSuffix(cleanCell(raw), "%"):
		return WarnPercentFraction
	case v > 1+1e-9 && !f.MayExceed100:
		return WarnPercentOver100
	}
	return msg.Text{}
}

// parseFigure reads one cell of field f. It returns the value (a fraction for
// a percent field), whether a figure is present, and a reason when the cell
// is rejected.
func parseFigure(raw string, f *Field) (v float64, present bool, reason msg.Text) {
	t := cleanCell(raw)
	if isMissing(t) {
		return 0, false, msg.Text{}
	}
	num := t
	pct := false
	if strings.HasSuffix(num, "%") {
		num = trimSpace(num[:len(num)-1])
		pct = true
	}
	mant, exp, why := scanNumber(num)
	if why != "" {
		return 0, false, notNumberReason(t, why)
	}
	if pct && !f.Percent {
		return 0, false, ReasonNoPercent
	}
	if f.Percent {
		exp -= 2
	}
	// The value is the float nearest the decimal number with its exponent
	// shifted — not 96.5/100, which is off by one unit in the last place for
	// many percents — so that writing and reading again gives the same value.
	v, ok := exactValue(mant, exp)
	if !ok {
		var err error
		v, err = strconv.ParseFloat(strings.ReplaceAll(mant, ",", "")+"e"+strconv.Itoa(exp), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return 0, false, ReasonRange
		}
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	if v < 0 && !f.Signed {
		return 0, false, ReasonNegative
	}
	if f.Integral && !f.Percent && v != math.Trunc(v) {
		return 0, false, ReasonFraction
	}
	return v, true, msg.Text{}
}

// scanNumber checks a number as a spreadsheet writes it — an optional sign,
// digits with optional thousands separators, an optional fraction and
// exponent — and returns its digits and exponent ready for ParseFloat
// ("-1,234.5e2" gives "-1234.5", 2). why is "" when the text is a number,
// "thousands" for a comma in the wrong place, and "syntax" otherwise.
func scanNumber(s string) (mant string, exp int, why string) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	commas, badGroup := false, false
	group := -1 // digits since the last comma, -1 before the first
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits++
			if group >= 0 {
				group++
			}
			i++
			continue
		}
		if c != ',' {
			break
		}
		if digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3) {
			badGroup = true
		}
		commas = true
		group = 0
		i++
	}
	if commas && group != 3 {
		badGroup = true
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			digits++
			i++
		}
	}
	numEnd := i
	if digits > 0 && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		expStart := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			// Beyond a million the value is 0 or infinite either way, and
			// ParseFloat says which.
			if exp < 1_000_000 {
				exp = exp*10 + int(s[i]-'0')
			}
			i++
		}
		if i == expStart {
			return "", 0, "syntax"
		}
		if neg {
			exp = -exp
		}
	}
	switch {
	case i != len(s):
		// "1.234,5": a decimal comma, or a separator after the point.
		if strings.Trim(s[i:], "0123456789,.") == "" && strings.IndexByte(s[i:], ',') >= 0 {
			return "", 0, "thousands"
		}
		return "", 0, "syntax"
	case digits == 0:
		return "", 0, "syntax"
	case badGroup:
		return "", 0, "thousands"
	}
	return s[:numEnd], exp, ""
}

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// exactValue is the fast path for the figures people write: at most 15
// significant digits and a small exponent. The digits and the power of ten
// are then both exact floats, and one multiplication or division rounds
// correctly, giving what ParseFloat gives without building a string for it.
// mant is scanNumber's output (sign, digits, commas, point).
func exactValue(mant string, exp int) (float64, bool) {
	var m uint64
	neg, point := false, false
	digits, scale := 0, 0
	for i := 0; i < len(mant); i++ {
		c := mant[i]
		switch {
		case c == '-':
			neg = true
		case c == '.':
			point = true
		case c >= '0' && c <= '9':
			if point {
				scale++
			}
			if m == 0 && c == '0' {
				continue
			}
			digits++
			if digits > 15 {
				return 0, false
			}
			m = m*10 + uint64(c-'0')
		}
	}
	if m == 0 {
		return 0, true
	}
	e := exp - scale
	var v float64
	switch {
	case e >= 0 && e < len(pow10):
		v = float64(m) * pow10[e]
	case e < 0 && -e < len(pow10):
		v = float64(m) / pow10[-e]
	default:
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// notNumberReason picks the most helpful reason for a cell that is not a
// number.
func notNumberReason(t, why string) msg.Text {
	low := strings.ToLower(t)
	switch {
	case zeroWords[low]:
		return ReasonMayBeZero
	case missingWords[low]:
		return ReasonMissingWord
	case notNumberWords[low]:
		return ReasonNotNumber
	case strings.HasPrefix(t, "#") && len(t) > 1:
		return ReasonExcelError
	case why == "thousands":
		return ReasonThousands
	}
	// "12人", "3 所": a number, then a unit in Chinese.
	j := 0
	for j < len(t) && strings.IndexByte("+-0123456789.,", t[j]) >= 0 {
		j++
	}
	rest := trimSpace(t[j:])
	if j > 0 && rest != "" {
		if _, _, w := scanNumber(t[:j]); w == "" {
			foreign := true
			for _, r := range rest {
				if r < utf8.RuneSelf {
					foreign = false
					break
				}
			}
			if foreign {
				return ReasonTrailing
			}
		}
	}
	return ReasonNotNumber
}

// formatNumber writes v as a plain decimal with the fewest digits that read
// back as v; a percent figure is written in percent (0.965 as "96.5"). The
// decimal point is moved in the text, not by multiplying, so that nothing is
// lost on the way.
func formatNumber(v float64, percent bool) string {
	var buf [40]byte
	return string(appendNumber(buf[:0], v, percent))
}

// appendNumber is formatNumber appending to dst, for writers that format
// hundreds of thousands of figures.
func appendNumber(dst []byte, v float64, percent bool) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	if !percent && v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(dst, int64(v), 10)
	}
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // "-9.65e-01"
	if s[0] == '-' {
		dst = append(dst, '-')
		s = s[1:]
	}
	e := bytes.IndexByte(s, 'e')
	exp := 0
	for _, c := range s[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if s[e+1] == '-' {
		exp = -exp
	}
	// The significant digits, without the point: "965".
	var dbuf [24]byte
	digits := append(append(dbuf[:0], s[0]), s[min(2, e):e]...)
	point := 1 + exp // digits before the decimal point
	if percent {
		point += 2
	}
	switch {
	case point <= 0:
		dst = append(dst, '0', '.')
		for range -point {
			dst = append(dst, '0')
		}
		dst = append(dst, digits...)
	case point >= len(digits):
		dst = append(dst, digits...)
		for range point - len(digits) {
			dst = append(dst, '0')
		}
	default:
		dst = append(dst, digits[:point]...)
		dst = append(dst, '.')
		dst = append(dst, digits[point:]...)
	}
	return dst
}

// cleanID reads an id cell: full-width digits folded, spaces trimmed,
// Excel's ="0123" unwrapped.
func cleanID(s string) string { return cleanCell(s) }

// MaxNameLength is the most characters a unit's id or name may have. The
// longest school names run to some 40; a cell of thousands is a broken file
// (or a hostile one), which the page would otherwise show whole.
const MaxNameLength = 200

// tooLong is the reason an id or a name is refused for its length, or
// nothing.
func tooLong(s string) msg.Text {
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return msg.Textf("太长：%d 个字符，最多 %d 个", "too long: %d characters, at most %d", n, MaxNameLength)
	}
	return msg.Text{}
}

// clip shortens a cell an error quotes to its first characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
