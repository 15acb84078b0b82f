// Package strictjson is eduplan's one strict JSON reader, used for plans and
// status books (package plan), data files (package dataset) and reports
// (indicators.ReadReport). Every reader therefore checks syntax alike, names
// a value by the same path and counts line and column the same way:
//
//   - Syntax is RFC 8259, nothing more: no comments, no trailing commas, no
//     NaN, at most MaxDepth nested objects and arrays, nothing after the
//     value. The first syntax error ends the read; what was read before it
//     has been reported already.
//   - A path names a value from the top: units[3].figures.x. An object key
//     follows a dot; a key that is empty or holds a dot, a bracket, a quote,
//     white space or a control character is written in brackets as a Go
//     quoted string instead: figures["a.b"]. An array element is [i],
//     counted from 0.
//   - A position is line:column, both from 1. Lines end at "\n" (so "\r\n"
//     ends one line too); the column counts characters (Unicode code
//     points), not bytes, as an editor shows them: a tab or a Chinese
//     character is one column. Offsets are in the text as read, after a
//     UTF-8 byte order mark is removed and, for data files, after the text
//     is decoded to UTF-8.
//   - Unknown fields and duplicate keys are problems, each at its path.
//
// The package uses no JSON library: its scanner checks the syntax while it
// hands out tokens, so that a valid document is read in one pass, and the
// WebAssembly build links nothing more for it.
package strictjson
