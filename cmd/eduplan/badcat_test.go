package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// The bad-input catalogue (testdata/bad at the repository root, described
// in its README.md) is a set of text files, one per area, each holding many
// cases: an eduplan command line, the files it reads, the exit status and
// the message fragments it must print. TestBadInputCatalogue runs every
// case in-process, in Chinese and, where the case has English fragments,
// again with --lang en.

// catalogueDir is the catalogue, relative to this package.
const catalogueDir = "../../testdata/bad"

// showCatalogue names a folder to write every case's output into, one file
// per case and language, to help write a new case's fragments.
var showCatalogue = flag.String("badcat.show", "", "write the output of every bad-input catalogue case into this folder")

// badCase is one case of the catalogue.
type badCase struct {
	file, name string
	line       int // of the case's header, for messages
	run        string
	exit       int
	zh, en     []string // fragments of the Chinese and the English run
	not        []string // text that neither run may print
	known      string   // why the case is known wrong today (issue reference)
	skip       string   // why the case is not run
	unchanged  []string // files that must be as written after the run
	absent     []string // files that must not exist after the run
	files      []caseFile
	stdin      *caseFile
}

// caseFile is a file a case writes into its folder before running.
type caseFile struct {
	name  string
	modes []string
	body  string
}

// parseCatalogue reads one catalogue file. Errors name the file and line:
// a case that does not parse must not be silently dropped.
func parseCatalogue(name, text string) ([]badCase, error) {
	var cases []badCase
	var c *badCase
	var f *caseFile
	exitSet := false
	finish := func() error {
		if c == nil {
			return nil
		}
		// Blank lines before the next case belong to no file.
		for i := range c.files {
			c.files[i].body = trimBlankTail(c.files[i].body)
		}
		if c.stdin != nil {
			c.stdin.body = trimBlankTail(c.stdin.body)
		}
		if c.run == "" {
			return fmt.Errorf("%s:%d: case %s has no run: line", name, c.line, c.name)
		}
		if !exitSet {
			return fmt.Errorf("%s:%d: case %s has no exit: line", name, c.line, c.name)
		}
		if len(c.zh)+len(c.en) == 0 {
			return fmt.Errorf("%s:%d: case %s checks no message (add zh:, en: or any: lines)", name, c.line, c.name)
		}
		cases = append(cases, *c)
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		at := fmt.Sprintf("%s:%d", name, i+1)
		if h, ok := strings.CutPrefix(line, "=== "); ok {
			if err := finish(); err != nil {
				return nil, err
			}
			h = strings.TrimSpace(h)
			if h == "" || strings.ContainsAny(h, " \t/") {
				return nil, fmt.Errorf("%s: a case name is one word without slashes, not %q", at, h)
			}
			c, f, exitSet = &badCase{file: name, name: h, line: i + 1}, nil, false
			continue
		}
		if c == nil {
			continue // the file's preamble
		}
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			spec := strings.TrimSpace(line[3 : len(line)-3])
			cf := caseFile{name: spec}
			if j := strings.Index(spec, " ("); j >= 0 && strings.HasSuffix(spec, ")") {
				cf.name, cf.modes = spec[:j], strings.Fields(spec[j+2:len(spec)-1])
			}
			if cf.name == "<stdin>" {
				c.stdin = &cf
				f = c.stdin
			} else {
				c.files = append(c.files, cf)
				f = &c.files[len(c.files)-1]
			}
			continue
		}
		if f != nil {
			f.body += line + "\n"
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s: want KEY: VALUE, not %q", at, line)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "run":
			c.run = val
		case "exit":
			n, err := strconv.Atoi(val)
			if err != nil {
				return nil, fmt.Errorf("%s: exit: %v", at, err)
			}
			c.exit, exitSet = n, true
		case "zh":
			c.zh = append(c.zh, val)
		case "en":
			c.en = append(c.en, val)
		case "any":
			c.zh, c.en = append(c.zh, val), append(c.en, val)
		case "not":
			c.not = append(c.not, val)
		case "known":
			c.known = val
		case "skip":
			c.skip = val
		case "unchanged":
			c.unchanged = append(c.unchanged, val)
		case "absent":
			c.absent = append(c.absent, val)
		default:
			return nil, fmt.Errorf("%s: unknown key %q (run, exit, zh, en, any, not, known, skip, unchanged, absent)", at, key)
		}
		if val == "" && key != "not" {
			return nil, fmt.Errorf("%s: %s: needs a value", at, key)
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return cases, nil
}

// trimBlankTail ends a body with its last non-blank line and one newline.
func trimBlankTail(s string) string {
	t := strings.TrimRight(s, "\n")
	if t == "" {
		return ""
	}
	return t + "\n"
}

// splitArgs splits a command line at spaces; '...' and "..." quote (no
// escapes inside), so ” is an empty argument.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if in {
		args = append(args, cur.String())
	}
	return args, nil
}

// fileBytes turns a case file's text into the bytes written, by its modes.
func fileBytes(f caseFile, vars *strings.Replacer) ([]byte, error) {
	body := f.body
	for i := 0; i < len(f.modes); i++ {
		if f.modes[i] == "edit" {
			if i+1 == len(f.modes) {
				return nil, fmt.Errorf("edit needs a file")
			}
			base, err := os.ReadFile(filepath.Join(catalogueDir, f.modes[i+1]))
			if err != nil {
				return nil, err
			}
			if body, err = applyEdits(string(base), body); err != nil {
				return nil, err
			}
			f.modes = append(f.modes[:i:i], f.modes[i+2:]...)
			i--
		}
	}
	for _, m := range f.modes {
		switch {
		case m == "noeol":
			body = strings.TrimSuffix(body, "\n")
		case m == "crlf":
			body = strings.ReplaceAll(body, "\n", "\r\n")
		case m == "vars":
			body = vars.Replace(body)
		case strings.HasPrefix(m, "repeat="):
			n, err := strconv.Atoi(strings.TrimPrefix(m, "repeat="))
			if err != nil {
				return nil, err
			}
			body = strings.Repeat(body, n)
		}
	}
	var out []byte
	var err error
	switch enc := f.encoding(); enc {
	case "", "utf-8":
		out = []byte(body)
	case "bom":
		out = append([]byte("\uFEFF"), body...)
	case "esc":
		out, err = unescape(body)
	case "gbk":
		out, err = simplifiedchinese.GBK.NewEncoder().Bytes([]byte(body))
	case "shift-jis":
		out, err = japanese.ShiftJIS.NewEncoder().Bytes([]byte(body))
	case "utf-16le":
		out, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(body))
	case "utf-16be":
		out, err = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(body))
	default:
		return nil, fmt.Errorf("unknown mode %q", enc)
	}
	return out, err
}

// symlink is the target of a file written as a symbolic link
// ("symlink=$DIR/sub"), which has no text of its own.
func (f caseFile) symlink() (string, bool) {
	for _, m := range f.modes {
		if t, ok := strings.CutPrefix(m, "symlink="); ok {
			return t, true
		}
	}
	return "", false
}

// encoding is the one encoding mode of a file, if any.
func (f caseFile) encoding() string {
	for _, m := range f.modes {
		switch m {
		case "noeol", "crlf", "vars":
		default:
			if !strings.HasPrefix(m, "repeat=") && !strings.HasPrefix(m, "symlink=") {
				return m
			}
		}
	}
	return ""
}

// applyEdits applies "- old" / "+ new" pairs to base: each old text must
// occur exactly once, so that a case cannot drift into testing nothing
// when the base file changes. "- old" without "+" deletes.
func applyEdits(base, script string) (string, error) {
	lines := strings.Split(strings.TrimSuffix(script, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" {
			continue
		}
		old, ok := strings.CutPrefix(l, "- ")
		old = unescapeText(old)
		if !ok {
			return "", fmt.Errorf("edit line %q: want \"- old text\" then \"+ new text\"", l)
		}
		repl := ""
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+") {
			repl = strings.TrimPrefix(strings.TrimPrefix(lines[i+1], "+"), " ")
			i++
		}
		if n := strings.Count(base, old); n != 1 {
			return "", fmt.Errorf("edit: %q occurs %d times in the base file; it must occur once", old, n)
		}
		base = strings.Replace(base, old, unescapeText(repl), 1)
	}
	return base, nil
}

// unescapeText reads \n in a replacement, for edits that add lines.
func unescapeText(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// unescape reads \xNN, \uNNNN and \\ in a file written in esc mode, so
// that a case can hold bytes that are not UTF-8.
func unescape(s string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		switch s[i+1] {
		case '\\':
			out = append(out, '\\')
			i++
		case 'x':
			if i+4 > len(s) {
				return nil, fmt.Errorf("short \\x escape")
			}
			n, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
			if err != nil {
				return nil, err
			}
			out = append(out, byte(n))
			i += 3
		case 'u':
			if i+6 > len(s) {
				return nil, fmt.Errorf("short \\u escape")
			}
			n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if err != nil {
				return nil, err
			}
			out = append(out, string(rune(n))...)
			i += 5
		default:
			out = append(out, s[i])
		}
	}
	return out, nil
}

// softT collects assertion failures of a known-wrong case instead of
// failing the test.
type softT struct{ failures []string }

func (s *softT) Errorf(format string, args ...any) {
	s.failures = append(s.failures, fmt.Sprintf(format, args...))
}

// runCase runs eduplan in-process and recovers a panic into the output,
// so that one bad case reports instead of killing the whole test binary.
func runCase(main func([]string, io.Reader, io.Writer, io.Writer) int, args []string, stdin string) (r result) {
	var out, errb bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			r = result{out.String(), errb.String() + fmt.Sprintf("panic: %v\n%s", p, debug.Stack()), -1}
		}
	}()
	code := main(args, strings.NewReader(stdin), &out, &errb)
	return result{out.String(), errb.String(), code}
}

func loadCatalogue(t *testing.T) []badCase {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(catalogueDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, names, "no catalogue files in %s", catalogueDir)
	sort.Strings(names)
	var all []badCase
	seen := map[string]string{}
	for _, n := range names {
		text, err := os.ReadFile(n)
		require.NoError(t, err)
		cases, err := parseCatalogue(filepath.Base(n), string(text))
		require.NoError(t, err)
		for _, c := range cases {
			id := strings.TrimSuffix(c.file, ".txt") + "/" + c.name
			if prev, dup := seen[id]; dup {
				t.Fatalf("%s:%d: case %s already at %s", c.file, c.line, c.name, prev)
			}
			seen[id] = fmt.Sprintf("%s:%d", c.file, c.line)
			// A known-wrong case says where it is tracked, so that the
			// list in the log leads somewhere.
			if c.known != "" && !strings.HasPrefix(c.known, "issue ") && !strings.HasPrefix(c.known, "found by the catalogue") {
				t.Errorf("%s:%d: known: should start with \"issue N:\" or \"found by the catalogue\", not %q", c.file, c.line, c.known)
			}
		}
		all = append(all, cases...)
	}
	return all
}

func TestBadInputCatalogue(t *testing.T) {
	cases := loadCatalogue(t)
	assert.GreaterOrEqual(t, len(cases), 200, "the catalogue holds at least 200 cases")
	common, err := filepath.Abs(filepath.Join(catalogueDir, "common"))
	require.NoError(t, err)

	var mu sync.Mutex
	var knownStill, knownChanged, skipped []string
	t.Run("cases", func(t *testing.T) {
		for _, c := range cases {
			id := strings.TrimSuffix(c.file, ".txt") + "/" + c.name
			t.Run(id, func(t *testing.T) {
				if c.skip != "" {
					mu.Lock()
					skipped = append(skipped, fmt.Sprintf("%s (%s:%d): %s", id, c.file, c.line, c.skip))
					mu.Unlock()
					t.Skip(c.skip)
				}
				t.Parallel()
				dir := t.TempDir()
				vars := strings.NewReplacer("$DIR", dir, "$COMMON", common)
				for _, f := range c.files {
					p := filepath.Join(dir, f.name)
					require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
					if target, ok := f.symlink(); ok {
						require.NoError(t, os.Symlink(vars.Replace(target), p))
						continue
					}
					b, err := fileBytes(f, vars)
					require.NoError(t, err, "%s:%d: file %s", c.file, c.line, f.name)
					require.NoError(t, os.WriteFile(p, b, 0o644))
				}
				stdin := ""
				if c.stdin != nil {
					b, err := fileBytes(*c.stdin, vars)
					require.NoError(t, err)
					stdin = string(b)
				}
				args, err := splitArgs(vars.Replace(c.run))
				require.NoError(t, err, "%s:%d", c.file, c.line)
				require.NotEmpty(t, args)

				var check assert.TestingT = t
				soft := &softT{}
				if c.known != "" {
					check = soft
				}
				runs := []struct {
					lang  string
					args  []string
					frags []string
				}{{"zh", args, c.zh}}
				if len(c.en) > 0 {
					// --lang en goes right after the command (after help's
					// topic), where no flag can take it as its value.
					at := 1
					if args[0] == "help" && len(args) > 1 {
						at = 2
					}
					en := append(append(append([]string{}, args[:at]...), "--lang", "en"), args[at:]...)
					runs = append(runs, struct {
						lang  string
						args  []string
						frags []string
					}{"en", en, c.en})
				}
				for _, r := range runs {
					got := runCase(run, r.args, stdin)
					all := got.stdout + got.stderr
					if *showCatalogue != "" {
						text := fmt.Sprintf("%s:%d [%s] exit %d\n--- stdout\n%s--- stderr\n%s", c.file, c.line, r.lang, got.code, got.stdout, got.stderr)
						name := strings.ReplaceAll(id, "/", "__") + "." + r.lang + ".txt"
						require.NoError(t, os.WriteFile(filepath.Join(*showCatalogue, name), []byte(strings.ReplaceAll(text, dir, "$DIR")), 0o644))
					}
					// Never acceptable, known wrong or not.
					for _, bad := range []string{"panic", "goroutine "} {
						assert.NotContains(t, all, bad, "%s:%d [%s]", c.file, c.line, r.lang)
					}
					// Own checks rather than assert.Contains: the output is
					// shown once, not once per fragment.
					bad := 0
					if got.code != c.exit {
						check.Errorf("%s:%d [%s]: exit status %d, want %d", c.file, c.line, r.lang, got.code, c.exit)
						bad++
					}
					for _, fr := range r.frags {
						if !strings.Contains(all, vars.Replace(fr)) {
							check.Errorf("%s:%d [%s]: no %q in the output", c.file, c.line, r.lang, fr)
							bad++
						}
					}
					for _, fr := range c.not {
						if strings.Contains(all, vars.Replace(fr)) {
							check.Errorf("%s:%d [%s]: %q in the output", c.file, c.line, r.lang, fr)
							bad++
						}
					}
					if bad > 0 && c.known == "" {
						t.Logf("%s:%d [%s] output:\n--- stdout\n%s--- stderr\n%s", c.file, c.line, r.lang, got.stdout, got.stderr)
					}
					for _, p := range c.unchanged {
						p = vars.Replace(p)
						name, _ := filepath.Rel(dir, p)
						var want []byte
						found := false
						for _, f := range c.files {
							if f.name == name {
								want, err = fileBytes(f, vars)
								require.NoError(t, err)
								found = true
							}
						}
						require.True(t, found, "%s:%d: unchanged: %s is not one of the case's files", c.file, c.line, p)
						gotb, err := os.ReadFile(p)
						if assert.NoError(check, err, "%s:%d: %s", c.file, c.line, p) {
							assert.Equal(check, string(want), string(gotb), "%s:%d: %s was changed", c.file, c.line, p)
						}
					}
					for _, p := range c.absent {
						_, err := os.Lstat(vars.Replace(p))
						assert.True(check, os.IsNotExist(err), "%s:%d: %s exists", c.file, c.line, p)
					}
				}
				if c.known != "" {
					mu.Lock()
					defer mu.Unlock()
					where := fmt.Sprintf("%s (%s:%d): %s", id, c.file, c.line, c.known)
					if len(soft.failures) == 0 {
						knownStill = append(knownStill, where)
					} else {
						knownChanged = append(knownChanged, where+"\n    "+strings.Join(soft.failures, "\n    "))
					}
				}
			})
		}
	})
	sort.Strings(knownStill)
	sort.Strings(knownChanged)
	sort.Strings(skipped)
	t.Logf("bad-input catalogue: %d cases, %d known wrong as recorded, %d known wrong whose behaviour changed, %d skipped",
		len(cases), len(knownStill), len(knownChanged), len(skipped))
	for _, k := range knownStill {
		t.Logf("known wrong, still as recorded: %s", k)
	}
	for _, k := range knownChanged {
		t.Logf("known wrong, behaviour CHANGED (fixed? rewrite the case with the right expectation and drop known:): %s", k)
	}
	for _, s := range skipped {
		t.Logf("skipped: %s", s)
	}
}

// TestCatalogueFormat keeps the case format's parser honest: a malformed
// case is an error, not a case that checks nothing.
func TestCatalogueFormat(t *testing.T) {
	good := "preamble\n=== a\n# comment\nrun: lint $DIR/p.json\nexit: 2\nzh: 甲\nen: b\nany: c\n-- p.json (bom crlf) --\n{\n-- <stdin> --\nx\n"
	cs, err := parseCatalogue("t.txt", good)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	c := cs[0]
	assert.Equal(t, []string{"甲", "c"}, c.zh)
	assert.Equal(t, []string{"b", "c"}, c.en)
	require.Len(t, c.files, 1)
	assert.Equal(t, caseFile{name: "p.json", modes: []string{"bom", "crlf"}, body: "{\n"}, c.files[0])
	require.NotNil(t, c.stdin)
	assert.Equal(t, "x\n", c.stdin.body)
	b, err := fileBytes(c.files[0], strings.NewReplacer())
	require.NoError(t, err)
	assert.Equal(t, "\uFEFF{\r\n", string(b))

	for _, bad := range []string{
		"=== a\nexit: 2\nzh: x\n",            // no run
		"=== a\nrun: lint\nzh: x\n",          // no exit
		"=== a\nrun: lint\nexit: 2\n",        // no fragment
		"=== a\nrun: lint\nexit: two\n",      // bad exit
		"=== a\nrun: lint\nexit: 2\nzz: x\n", // unknown key
		"=== a b\nrun: lint\nexit: 2\nzh: x\n",
		"=== a\nrun: lint\nexit: 2\nzh:\n",
	} {
		_, err := parseCatalogue("t.txt", bad)
		assert.Error(t, err, bad)
	}

	_, err = applyEdits("abc abc", "- abc\n+ x\n")
	assert.ErrorContains(t, err, "occurs 2 times")
	_, err = applyEdits("abc", "- zzz\n+ x\n")
	assert.ErrorContains(t, err, "occurs 0 times")
	got, err := applyEdits("a b c", "- b\n+ B\\nB\n- c\n")
	require.NoError(t, err)
	assert.Equal(t, "a B\nB ", got)

	u, err := unescape(`a\xb6\xab\u00e9\\`)
	require.NoError(t, err)
	assert.Equal(t, []byte("a\xb6\xab\u00e9\\"), u)

	args, err := splitArgs(`check --unit '' "a b"  x`)
	require.NoError(t, err)
	assert.Equal(t, []string{"check", "--unit", "", "a b", "x"}, args)
	_, err = splitArgs(`check 'x`)
	assert.Error(t, err)

	// A panic in the command is caught and shown, so that the runner's
	// check for "panic" (made on t itself, even for a known-wrong case)
	// fails the case instead of the whole test binary dying.
	r := runCase(func(_ []string, _ io.Reader, stdout, _ io.Writer) int {
		fmt.Fprintln(stdout, "half")
		panic("boom")
	}, nil, "")
	assert.Equal(t, -1, r.code)
	assert.Equal(t, "half\n", r.stdout)
	assert.Contains(t, r.stderr, "panic: boom")
	assert.Contains(t, r.stderr, "goroutine ")
	r = runCase(run, []string{"check", "--plan"}, "")
	assert.Equal(t, exitUsage, r.code)
}
