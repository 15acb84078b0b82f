//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// expr's parser would add about 400 KB gzipped to the page (its parser
// pulls in expr's built-ins, runtime and type checker through reflection);
// the page parses formulas with the rule package's own parser, which
// parse_js.go selects. A file of that package without the !js tag that
// imports expr, or a new importer of expr the page links, brings it back.
func TestWasmLeavesOutExpr(t *testing.T) {
	for _, d := range wasmDeps(t) {
		assert.False(t, strings.HasPrefix(d, "github.com/expr-lang/"), "the wasm links %s", d)
	}
}
