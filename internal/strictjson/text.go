package strictjson

import (
	"bytes"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

// ReadAll reads r to the end, but no more than limit bytes: a wrong file
// handed to a reader (a video, a database dump) fails at once instead of
// filling memory.
func ReadAll(r io.Reader, limit int) ([]byte, error) {
	var b bytes.Buffer
	if err := readInto(&b, r, limit); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ReadText is ReadAll for a reader that wants a string, without copying
// the text once more.
func ReadText(r io.Reader, limit int) (string, error) {
	var b strings.Builder
	if err := readInto(&b, r, limit); err != nil {
		return "", err
	}
	return b.String(), nil
}

// readInto reads into a buffer sized once when the reader knows its length
// (a file, bytes in memory), rather than doubled and cleared again and
// again.
func readInto(w interface {
	io.Writer
	Grow(int)
}, r io.Reader, limit int) error {
	switch s := r.(type) {
	case interface{ Len() int }:
		w.Grow(min(s.Len(), limit) + 1)
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			w.Grow(int(min(fi.Size(), int64(limit))) + 1)
		}
	}
	n, err := io.Copy(w, io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return msg.Wrap(err, "读取失败", "read failed")
	}
	if n > int64(limit) {
		mb := float64(limit) / (1 << 20)
		return msg.Errorf("文件超过 %g MB", "the input is larger than %g MB", mb)
	}
	return nil
}

// TrimBOM removes a UTF-8 byte order mark, which Windows editors write.
func TrimBOM(text string) string { return strings.TrimPrefix(text, "\ufeff") }

// Lines finds the line and column of byte offsets in a text (see the
// package comment for how they are counted). The index of line starts is
// made on the first question, so that a good document costs nothing.
type Lines struct {
	text   string
	starts []int
}

// NewLines returns the line index of a text.
func NewLines(text string) *Lines { return &Lines{text: text} }

// At returns the 1-based line and column of a byte offset.
func (l *Lines) At(off int) (line, col int) {
	if l.starts == nil {
		l.starts = []int{0}
		for i := 0; i < len(l.text); i++ {
			if l.text[i] == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	off = min(max(off, 0), len(l.text))
	k := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return k + 1, utf8.RuneCountInString(l.text[l.starts[k]:off]) + 1
}

// LineCol is the line and column of one offset.
func LineCol(text string, off int) (line, col int) { return NewLines(text).At(off) }

// Pos is a position written line:column.
func Pos(line, col int) string { return strconv.Itoa(line) + ":" + strconv.Itoa(col) }

// PathKey appends an object key to a path.
func PathKey(path, key string) string {
	if !plainKey(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// plainKey reports whether a key can follow a dot without making the path
// ambiguous or hard to read.
func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		switch {
		case c == '.' || c == '[' || c == ']' || c == '"':
			return false
		case c < 0x20 || c == 0x7f || c == ' ' || c == 0x85 || c == 0xa0 || c == 0x2028 || c == 0x2029 || c == 0x3000:
			return false
		}
	}
	return true
}

// PathIndex appends an array index to a path.
func PathIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Parent returns the path one step up: "a.b[2]" → "a.b" → "a" → "".
func Parent(path string) string {
	// A bracketed key may contain dots or brackets: find its opening bracket.
	if strings.HasSuffix(path, `"]`) {
		for j := strings.LastIndex(path, `["`); j >= 0; j = strings.LastIndex(path[:j], `["`) {
			if _, err := strconv.Unquote(path[j+1 : len(path)-1]); err == nil {
				return path[:j]
			}
		}
	}
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Nearest returns the name closest to word if it is a plausible typo: at
// most two edits away, and fewer edits than word has characters.
func Nearest(word string, names []string) string {
	best, bestD := "", 3
	n := utf8.RuneCountInString(word)
	for _, name := range names {
		if dist := editDistance(word, name); dist < bestD && dist < n {
			best, bestD = name, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance in characters. Names are short,
// and a long word is cut off so a hostile file cannot make it costly.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		ra = ra[:64]
	}
	if len(rb) > 64 {
		rb = rb[:64]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// UnknownField words an unknown key, with the known name it was probably
// meant to be; suggestion is "" when there is none.
func UnknownField(key string, known []string) (text msg.Text, suggestion string) {
	if s := Nearest(key, known); s != "" {
		return msg.Textf("未知字段 %q，是否应为 %q？", "unknown field %q: did you mean %q?", key, s), s
	}
	return msg.Textf("未知字段 %q", "unknown field %q", key), ""
}

// DuplicateKey words a key that appears twice in one object.
func DuplicateKey(key string, firstLine, firstCol int) msg.Text {
	return msg.Textf("字段 %[1]q 重复（首次出现在第 %[2]d 行第 %[3]d 列）", "key %[1]q appears twice (first at line %[2]d, column %[3]d)",
		key, firstLine, firstCol)
}

// SyntaxText words a syntax error.
func SyntaxText(e *SyntaxError) msg.Text {
	return msg.Text{ZH: "JSON 语法错误：" + e.Text.ZH, EN: "JSON syntax error: " + e.Text.EN}
}

// MaxSize bounds the data files and reports a reader takes: a data file of
// ten thousand schools is about 4 MB.
const MaxSize = 64 << 20
