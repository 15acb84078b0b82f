package dataset

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

// Encoding names a text encoding of a data file.
type Encoding string

// Encodings a reader detects. The first three are also the ones a writer
// produces.
const (
	// UTF8BOM is UTF-8 preceded by a byte order mark. Excel on Windows needs
	// the mark to open a UTF-8 CSV without garbling its Chinese.
	UTF8BOM Encoding = "utf-8-bom"
	// UTF8 is UTF-8 without a mark.
	UTF8 Encoding = "utf-8"
	// GBK is what Excel on a Chinese Windows writes as "CSV". It is decoded as
	// GB18030, its superset, and written as GBK proper.
	GBK Encoding = "gbk"
	// UTF16LE is Excel's "Unicode text" (tab-separated), with its mark. Read
	// only.
	UTF16LE Encoding = "utf-16le"
	// UTF16BE is UTF-16 big-endian with its mark. Read only.
	UTF16BE Encoding = "utf-16be"
)

// DecodeText turns the bytes of a data file into text and says which
// encoding it found: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
// otherwise valid UTF-8 is UTF-8 and anything else is decoded as GB18030.
// Bytes that are neither are an error naming the line, rather than a text
// quietly sprinkled with replacement characters. Excel workbooks (.xlsx,
// .xls) are recognised and refused with a hint to save as CSV.
func DecodeText(b []byte) (string, Encoding, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		rest := b[3:]
		if !utf8.Valid(rest) {
			return "", UTF8BOM, msg.Errorf("第%d行不是有效的 UTF-8（文件开头标明是 UTF-8）", "line %d is not valid UTF-8 although the file starts with a UTF-8 byte order mark", badUTF8Line(rest))
		}
		return string(rest), UTF8BOM, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		// UTF-32's mark starts as UTF-16's does: read as UTF-16, every
		// character would carry a NUL.
		return "", "", msg.New(msg.T("文件是 UTF-32 编码，不支持：请另存为 UTF-8（Excel 中“另存为”CSV UTF-8）",
			"the file is in UTF-32, which is not supported: save it as UTF-8 (in Excel, \"Save as\" CSV UTF-8)"))
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err := decodeUTF16(b[2:], false)
		return s, UTF16LE, err
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err := decodeUTF16(b[2:], true)
		return s, UTF16BE, err
	}
	if err := notText(b); err != nil {
		return "", "", err
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	// Chinese text in UTF-8 before the first line that is not UTF-8: the
	// file is UTF-8 with a line pasted from a GBK file. Decoding it all
	// as GBK would garble the good lines and blame line 1.
	if line := badUTF8Line(b); line > 1 {
		if before := upToLine(b, line); hasCJK(before) {
			return "", UTF8, msg.Errorf("第%d行不是 UTF-8，而前面各行是 UTF-8 的中文：这一行可能是从 GBK 文件粘贴的；请在 Excel 中把整个文件另存为“CSV UTF-8”",
				"line %d is not UTF-8 although the lines before it are Chinese in UTF-8: it was probably pasted from a GBK file; save the whole file from Excel as \"CSV UTF-8\"", line)
		}
	}
	out, err := decodeGB18030(b)
	if err != nil {
		return "", GBK, msg.Wrap(err, "无法按 GBK/GB18030 解码", "cannot decode as GBK/GB18030")
	}
	// The decoder replaces bytes it cannot read with U+FFFD; a file that is
	// neither UTF-8 nor GB18030 (Big5, Shift-JIS, binary) must not pass as
	// text with holes in it.
	if i := bytes.Index(out, []byte("\uFFFD")); i >= 0 {
		line := 1 + bytes.Count(out[:i], []byte{'\n'})
		return "", GBK, msg.Errorf("第%d行有无法识别的字节：文件既不是 UTF-8 也不是 GBK，请在 Excel 中另存为“CSV UTF-8”", "line %d has bytes that are neither UTF-8 nor GBK: save the file from Excel as \"CSV UTF-8\"", line)
	}
	return string(out), GBK, nil
}

// notText recognises inputs that are not text files at all.
func notText(b []byte) error {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return msg.Errorf("这是 Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV：请在 Excel 中“另存为”CSV", "this is an Excel workbook (.xlsx) or another zip file, not CSV: use \"Save as\" CSV in Excel")
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return msg.Errorf("这是旧版 Excel 工作簿（.xls），不是 CSV：请在 Excel 中“另存为”CSV", "this is an old Excel workbook (.xls), not CSV: use \"Save as\" CSV in Excel")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line := 1 + bytes.Count(b[:i], []byte{'\n'})
		return msg.Errorf("第%d行含有空字节（NUL），不是文本文件（或是没有字节顺序标记的 UTF-16）", "line %d contains a NUL byte: not a text file (or UTF-16 without a byte order mark)", line)
	}
	return nil
}

func badUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[n:]
	}
	return line
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	enc := UTF16LE
	if bigEndian {
		enc = UTF16BE
	}
	if len(b)%2 != 0 {
		return "", msg.Errorf("%s 文件的字节数应为偶数，文件可能被截断", "a %s file has an even number of bytes: this one may be truncated", enc)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
	}
	line := 1
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u == '\n':
			line++
		case utf16.IsSurrogate(rune(u)):
			if u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
				i++
				continue
			}
			return "", msg.Errorf("第%d行有不成对的 UTF-16 代理项", "line %d has an unpaired UTF-16 surrogate", line)
		}
	}
	return string(utf16.Decode(units)), nil
}

// encodeText turns UTF-8 output into the bytes of an encoding a writer
// supports. The empty encoding is UTF8BOM, what Excel needs.
func encodeText(s string, enc Encoding) ([]byte, error) {
	switch enc {
	case UTF8BOM, "":
		return append([]byte{0xEF, 0xBB, 0xBF}, s...), nil
	case UTF8:
		return []byte(s), nil
	case GBK:
		out, err := encodeGBK(s)
		if err == nil {
			return []byte(out), nil
		}
		line := 1
		for _, r := range s {
			if r == '\n' {
				line++
				continue
			}
			if _, err := encodeGBK(string(r)); err != nil {
				return nil, msg.Errorf("第%d行的字符“%c”（U+%04X）无法用 GBK 表示，请改用 utf-8-bom", "line %d: character %q (U+%04X) cannot be written in GBK: use utf-8-bom", line, r, r)
			}
		}
		return nil, msg.Wrap(err, "无法用 GBK 编码", "cannot encode as GBK")
	default:
		return nil, msg.Errorf("不支持的编码 %q，可用 utf-8-bom、utf-8、gbk", "unsupported encoding %q: use utf-8-bom, utf-8 or gbk", string(enc))
	}
}

// fold maps the full-width forms a Chinese input method produces onto
// their ASCII forms (１２３ → 123, ， → ",", ％ → %, （） → ()), turns the
// ideographic and no-break spaces into ordinary ones, and drops zero-width
// characters. Text that is plain ASCII comes back unchanged without copying.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0x00A0 || r == 0x202F:
			r = ' '
		case r == '【':
			r = '['
		case r == '】':
			r = ']'
		case r == 0x2212: // minus sign
			r = '-'
		case r == 0xFEFF || r == 0x200B:
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isSpace is the whitespace a reader trims from cells and headers.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x3000, 0x00A0, 0x202F, 0xFEFF, 0x200B:
		return true
	}
	return false
}

func trimSpace(s string) string {
	// Most cells have nothing to trim: ASCII at both ends that is no space.
	if n := len(s); n == 0 || s[0] > ' ' && s[0] < utf8.RuneSelf && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// upToLine is b before its line n (1-based).
func upToLine(b []byte, n int) []byte {
	for i, c := range b {
		if c == '\n' {
			if n--; n == 1 {
				return b[:i]
			}
		}
	}
	return b
}

// hasCJK says whether b holds a Chinese (or other East Asian) character in
// UTF-8: three bytes that a GBK line would hardly ever form by chance.
func hasCJK(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x2E80 && r != utf8.RuneError {
			return true
		}
		b = b[n:]
	}
	return false
}
