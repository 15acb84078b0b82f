package dataset

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// MaxFileSize is the most a data file may hold by default: a national
// year of half a million schools is a few hundred megabytes of CSV, and a
// wrong file handed over (a disk image, /dev/zero) must fail rather than
// exhaust memory.
const MaxFileSize = 1 << 30

// Read reads a data file that is either JSON or CSV, as a page does with
// whatever file the user drops on it: after decoding (see DecodeText), text
// whose first character is '{' or '[' is JSON, anything else CSV. It reads
// at most MaxFileSize bytes.
func Read(r io.Reader, fields []Field, opt Options) (*Dataset, error) {
	return ReadMax(r, fields, opt, MaxFileSize)
}

// ReadMax is Read with a bound of its own on the file's size, in bytes. A
// file that is not text is refused from its first bytes, before the rest
// is read.
func ReadMax(r io.Reader, fields []Field, opt Options, max int64) (*Dataset, error) {
	b, err := readBounded(r, max, false)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, Errors{{File: opt.File, Reason: reasonOf(err)}}
	}
	if t := strings.TrimLeft(text, " \t\r\n"); t != "" && (t[0] == '{' || t[0] == '[') {
		return readJSONText(text, enc, fields, opt)
	}
	return readCSVText(text, enc, fields, opt)
}

// sizeOf is how many more bytes r says it holds: what a reader of memory
// has left, or a regular file's size (a hint: where it stands is not
// asked); 0 when r does not say.
func sizeOf(r io.Reader) int64 {
	switch s := r.(type) {
	case interface{ Len() int }:
		return int64(s.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// sniff is how much of a file is looked at before the rest is read.
const sniff = 64 << 10

// ReadLimited reads a data file whole, up to max bytes, for a caller that
// decides itself what kind of file it is (an Excel workbook, or text for
// Read): a zip file passes, anything else that is not text fails from its
// first bytes. Its errors name the file.
func ReadLimited(r io.Reader, file string, max int64) ([]byte, error) {
	b, err := readBounded(r, max, true)
	if err != nil {
		return nil, Errors{{File: file, Reason: reasonOf(err)}}
	}
	return b, nil
}

// readBounded reads r whole, failing once it passes max bytes, or as soon
// as its first bytes show it is not text (a NUL without a UTF-16 mark, a
// workbook, a zip file unless zip is allowed).
func readBounded(r io.Reader, max int64, zip bool) ([]byte, error) {
	head := make([]byte, min(int64(sniff), max+1))
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	if !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) &&
		!(zip && (bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}))) {
		if err := notText(head); err != nil {
			return nil, err
		}
	}
	if int64(n) > max {
		return nil, tooLarge(max)
	}
	if err != nil { // the whole file was in head
		return head, nil
	}
	var buf bytes.Buffer
	// Room for the whole file at once when r says how big it is: grown by
	// doubling, a file of 90 MB is copied some ten times over and touches
	// twice the memory it needs. The extra bytes.MinRead are the room the
	// buffer asks for to see the end of the file.
	if rest := sizeOf(r); rest > 0 {
		buf.Grow(n + int(min(rest, max-int64(n)+1)) + bytes.MinRead)
	}
	buf.Write(head)
	m, err := io.Copy(&buf, io.LimitReader(r, max-int64(n)+1))
	if err != nil {
		return nil, err
	}
	if int64(n)+m > max {
		return nil, tooLarge(max)
	}
	return buf.Bytes(), nil
}

func tooLarge(max int64) error {
	s := sizeText(max)
	return msg.New(msg.T("文件超过 "+s.ZH+"，未读取：若确是数据文件，请用 --max-bytes 放宽上限",
		"the file is larger than "+s.EN+" and was not read: if it is a data file, raise the limit with --max-bytes"))
}

// sizeText writes a byte count the way a person reads it.
func sizeText(n int64) msg.Text {
	for _, u := range []struct {
		shift uint
		name  string
	}{{30, " GB"}, {20, " MB"}, {10, " KB"}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			s := strconv.FormatInt(n>>u.shift, 10) + u.name
			return msg.T(s, s)
		}
	}
	s := strconv.FormatInt(n, 10)
	return msg.T(s+" 字节", s+" bytes")
}
