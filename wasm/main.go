//go:build js && wasm

// Command wasm is the eduplan library compiled to WebAssembly for the
// browser page in static/. It puts one object on the page, globalThis.eduplan,
// whose functions each take one string (JSON, or the text of a file) and
// return one string of JSON: {"ok":true,…} or {"ok":false,"errors":[…]}.
// The functions are those of package webapi; see webapi.Names.
//
// No function panics across the boundary: a Go panic inside a js.FuncOf
// callback would stop the Go runtime and leave the page dead, so every call is
// recovered into an error answer.
package main

import (
	"syscall/js"

	"github.com/eduplan/eduplan/wasm/internal/webapi"
)

func main() {
	s := webapi.New()
	obj := js.Global().Get("Object").New()
	for _, name := range webapi.Names() {
		obj.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any {
			return call(s, name, args)
		}))
	}
	obj.Set("version", webapi.Version())
	js.Global().Set("eduplan", obj)
	// The functions must outlive main's return; block forever.
	select {}
}

// call runs one API function. Reading the JS arguments can panic too (a
// value of the wrong type), so that is recovered here as well.
func call(s *webapi.Session, name string, args []js.Value) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = webapi.PanicAnswer(name, r)
		}
	}()
	arg := ""
	if len(args) > 0 && args[0].Type() == js.TypeString {
		arg = args[0].String()
	}
	return s.Call(name, arg)
}
