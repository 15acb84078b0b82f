//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// excelize would add about 1.8 MB gzipped to the page; the Go side of the
// .xlsx reader lives in indicators/dataset/xlsx so that only the command
// line and the front door link it. A package the page imports that imports
// it, or package eduplan, brings it back.
func TestWasmLeavesOutExcelize(t *testing.T) {
	for _, d := range wasmDeps(t) {
		assert.False(t, strings.HasPrefix(d, "github.com/xuri/"), "the wasm links %s", d)
		assert.NotEqual(t, "github.com/eduplan/eduplan/indicators/dataset/xlsx", d)
	}
}
