//go:build js

package rule

// parse is the package's own parser in the browser page: expr's parser
// alone would add some 600 KB gzipped to its wasm. The differential test
// and FuzzParsersAgree keep it giving what expr gives natively.
// A variable, like its native twin in parse_expr.go.
var parse = parseOwn
