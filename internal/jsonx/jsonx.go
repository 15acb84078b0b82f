// Package jsonx is the one place eduplan chooses its JSON library:
// github.com/goccy/go-json in native builds, encoding/json in the
// WebAssembly build, where go-json would add about 1.3 MB gzipped to the page
// for no gain a browser user would notice. Both are used through the same
// small API, so every package encodes and decodes alike in both builds.
//
// It is for writing and for the page's own messages. A document a user
// gives — a plan, a status book, a data file, a report — is read with
// internal/strictjson, the one strict reader, which says where each problem
// is with one kind of path and one way of counting line and column.
package jsonx
