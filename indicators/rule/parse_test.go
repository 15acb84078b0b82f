//go:build !js

package rule

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io/fs"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page parses with parseOwn, native builds with expr: the two must
// give the same tree or the same error for every text the front end
// writes. compareParsers swaps the package's parser for one that runs both
// on each text a compile hands it, so that formulas, the formula part of
// rules and targets reach the parsers exactly as in use.

// compareParsers runs f with both parsers checked against each other, and
// returns the texts they disagreed on, with the difference.
func compareParsers(f func()) (disagree []string, parsed int) {
	saved := parse
	defer func() { parse = saved }()
	parse = func(text string) (*syntax, *syntaxError) {
		parsed++
		a, aerr := parseExpr(text)
		b, berr := parseOwn(text)
		if d := syntaxDiff(a, aerr, b, berr); d != "" {
			disagree = append(disagree, fmt.Sprintf("%q: %s", text, d))
		}
		return a, aerr
	}
	f()
	return disagree, parsed
}

// syntaxDiff says how expr's result (a, aerr) and the own parser's differ,
// or "" when they agree.
func syntaxDiff(a *syntax, aerr *syntaxError, b *syntax, berr *syntaxError) string {
	switch {
	case aerr != nil || berr != nil:
		if aerr == nil || berr == nil || *aerr != *berr {
			return fmt.Sprintf("errors differ: expr %+v, own %+v", aerr, berr)
		}
		return ""
	}
	return treeDiff(a, b, "", map[[2]*syntax]bool{})
}

// treeDiff compares two trees node by node; seen stops a shared node
// being compared twice (shares compound in "((a ?: b) ?: c) ?: d").
func treeDiff(a, b *syntax, path string, seen map[[2]*syntax]bool) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("at %s: expr %v, own %v", path, a, b)
		}
		return ""
	}
	if seen[[2]*syntax{a, b}] {
		return ""
	}
	seen[[2]*syntax{a, b}] = true
	same := a.kind == b.kind && a.name == b.name && a.from == b.from && a.to == b.to &&
		len(a.args) == len(b.args) && (a.val == b.val || math.IsNaN(a.val) && math.IsNaN(b.val))
	if !same {
		return fmt.Sprintf("at %s: expr {%d %q %v %d:%d %d args}, own {%d %q %v %d:%d %d args}", path,
			a.kind, a.name, a.val, a.from, a.to, len(a.args), b.kind, b.name, b.val, b.from, b.to, len(b.args))
	}
	for i := range a.args {
		if d := treeDiff(a.args[i], b.args[i], fmt.Sprintf("%s/%s[%d]", path, a.name, i), seen); d != "" {
			return d
		}
	}
	return ""
}

// compileEveryWay hands s to each entry point that parses a formula.
func compileEveryWay(s string) {
	for _, resolve := range []Resolver{nil, testNames} {
		_, _ = CompileFormula(s, resolve, DefaultLimits)
		_, _ = CompileRule(s, resolve, DefaultLimits)
	}
	_, _ = CompileFormula(s, nil, Limits{MaxNodes: 5, MaxDepth: 3})
}

// corpusTexts gathers every text the repository holds that may be a
// formula, a rule or a target: the string literals of this package's tests,
// its testdata (phrase tables, fuzz corpora), every string of the seeds'
// and examples' JSON files, and every line and quoted string of the
// bad-input catalogue.
func corpusTexts(t *testing.T) []string {
	var out []string
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	addQuoted := func(line string) {
		for _, q := range quoted.FindAllString(line, -1) {
			if s, err := strconv.Unquote(q); err == nil {
				out = append(out, s)
			}
		}
	}
	// The package's tests.
	fset := gotoken.NewFileSet()
	tests, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	for _, name := range tests {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
	}
	// testdata: lines, and the strings of the fuzz corpora.
	walk := func(root string, each func(path string, body []byte)) {
		require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			body, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			each(path, body)
			return nil
		}))
	}
	lines := func(path string, body []byte) {
		for _, line := range strings.Split(string(body), "\n") {
			out = append(out, line)
			out = append(out, strings.Split(line, "\t")...)
			addQuoted(line)
		}
	}
	walk("testdata", lines)
	walk("../../testdata/bad", lines)
	jsonStrings := func(path string, body []byte) {
		if !strings.HasSuffix(path, ".json") {
			return
		}
		var v any
		require.NoError(t, json.Unmarshal(body, &v), path)
		var visit func(v any)
		visit = func(v any) {
			switch v := v.(type) {
			case string:
				out = append(out, v)
			case []any:
				for _, e := range v {
					visit(e)
				}
			case map[string]any:
				for _, e := range v {
					visit(e)
				}
			}
		}
		visit(v)
	}
	walk("../../seeds", jsonStrings)
	walk("../../examples", jsonStrings)
	seen := map[string]bool{}
	texts := out[:0]
	for _, s := range out {
		if s = strings.TrimSpace(s); !seen[s] && s != "" {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	return texts
}

// firstFew keeps a failure's report readable.
func firstFew(s []string) []string { return s[:min(len(s), 20)] }

func TestParsersAgreeOnTheCorpus(t *testing.T) {
	texts := corpusTexts(t)
	require.Greater(t, len(texts), 5000, "the corpus went missing")
	disagree, parsed := compareParsers(func() {
		for _, s := range texts {
			_, _ = CompileFormula(s, nil, DefaultLimits)
			_, _ = CompileRule(s, nil, DefaultLimits)
		}
	})
	assert.Empty(t, firstFew(disagree))
	t.Logf("%d texts, %d parses compared", len(texts), parsed)
	require.Greater(t, parsed, 5000)
}

// randomTokens writes n tokens of the language, and some it refuses, with
// random spacing: mostly broken formulas, so that errors are compared as
// well as trees.
func randomTokens(r *rand.Rand, n int) string {
	words := []string{
		"a", "b", "c", "在园幼儿数", "x1", "_y", "if", "else", "let", "nil", "true", "false", "not", "in",
		"and", "or", "matches", "contains", "startsWith", "endsWith", "sum", "合计", "min", "max", "count",
		"share", "cv", "abs", "mean", "spread", "len", "all", "map", "filter",
		"0", "1", "42", "0.5", "99%", "1e3", "2.5e-7", "1e309", "10个百分点", "5pp", "3万", "123456789",
		"1e400",
		">=", "<=", "!=", ">", "<", "!", "==", "=", "&&", "||", "*", "**", "?", "??", "-", "+", "/", "^",
		":", ",", "(", ")", "(", ")", "≥", "≤", "×", "÷", "（", "）", "，", "：", "？", "–",
		"%", "&", "|", ".", "[", "]", "#", "$", "'", "~", ";", "{", "}",
	}
	spaces := []string{"", "", "", " ", "  ", "\n", "\t", "\u3000"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteString(spaces[r.Intn(len(spaces))])
	}
	return b.String()
}

func TestParsersAgreeOnRandomTokens(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	n := 30000
	if testing.Short() {
		n = 3000
	}
	var trees int
	disagree, parsed := compareParsers(func() {
		for i := 0; i < n; i++ {
			s := randomTokens(r, 1+r.Intn(12))
			if _, err := CompileFormula(s, nil, DefaultLimits); err == nil {
				trees++
			}
			_, _ = CompileRule(s, nil, DefaultLimits)
		}
	})
	assert.Empty(t, firstFew(disagree))
	t.Logf("%d texts, %d parses compared, %d compiled", n, parsed, trees)
	assert.Greater(t, parsed, n/2)
	assert.Greater(t, trees, n/50, "too few texts compile to test trees")
}

// TestParsersAgreeOnTheShapes pins what the own parser must copy of expr,
// case by case, so that a difference names its rule.
func TestParsersAgreeOnTheShapes(t *testing.T) {
	for _, s := range []string{
		"a ** b ** c", "a ^ b ^ c", "-a ** b", "-a * b", "!a == b", "not a and b", "a - b - c", "a / b / c",
		"a < b < c", "a < b <= c > d", "a == b == c", "a < b == c", "a ? b : c ? d : e", "a ? b ? c : d : e",
		"a ?: b", "(a ?: b) ?: c", "((a ?: b) ?: c) ?: d", "a ?? b ?? c", "a ?? b + c", "a + b ?? c", "a ?? (b + c)",
		"a not in b", "a not contains b", "a not b", "not in", "a in b", "a matches b", "- not a", "a + not b",
		"f()", "f(a,)", "f(a,,b)", "f(,)", "f(a b)", "sum(a)(b)", "true(a)", "nil", "nil + 1", "let x", "let", "x let",
		"if(a, b, c)", "a else b", "(", ")", "a)", "(a", "a (", "?", "a ?", "a ? b", "a ? b :", ": a", ", a", "a ,",
		"a\n? b\n: c", "1 2", "a b", "a == = b", "0.5 + 123456 + 1.5e-07 + 1e+21",
		"max(a, b) > min(c, d) || count(a > 1, b > 1) >= 1", "a ? b : c + d", "(a) ? (b) : (c)",
		"a||b&&c", "a and b or c", "!!a", "--a", "+-a", "a ** -b", "2 ^ -1 ^ 2",
		strings.Repeat("(", 300) + "a" + strings.Repeat(")", 300), strings.Repeat("a + ", 300) + "a",
		strings.Repeat("a ?: ", 60) + "b", strings.Repeat("(", 60) + "a" + strings.Repeat(" ?: a)", 60),
	} {
		disagree, parsed := compareParsers(func() { compileEveryWay(s) })
		assert.Empty(t, disagree, s)
		assert.NotZero(t, parsed, s)
	}
}

// The own parser is what the page runs: a compile through it gives the
// same program or the same *Error as through expr.
func TestCompileWithTheOwnParser(t *testing.T) {
	texts := append(corpusTexts(t), fuzzSeeds...)
	r := rand.New(rand.NewSource(14))
	for i := 0; i < 3000; i++ {
		texts = append(texts, randomTokens(r, 1+r.Intn(10)))
	}
	saved := parse
	defer func() { parse = saved }()
	for _, s := range texts {
		parse = parseExpr
		want, werr := CompileRule(s, testNames, DefaultLimits)
		parse = parseOwn
		got, gerr := CompileRule(s, testNames, DefaultLimits)
		if !assert.Equal(t, werr, gerr, s) || !assert.Equal(t, want, got, s) {
			return
		}
	}
}

func FuzzParsersAgree(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 200; i++ {
		f.Add(randomTokens(r, 1+r.Intn(12)))
	}
	f.Fuzz(func(t *testing.T, s string) {
		disagree, _ := compareParsers(func() {
			_, _ = CompileFormula(s, nil, DefaultLimits)
			_, _ = CompileRule(s, nil, DefaultLimits)
		})
		if len(disagree) > 0 {
			t.Fatal(disagree[0])
		}
	})
}
