// Command genpage writes the browser page that a release build of eduplan
// embeds (build tag embedpage): it compiles the wasm from the module's source
// with the Go toolchain and writes the page's files into the folder -o.
//
// It runs from go generate in wasm/webbuild:
//
//	go generate ./wasm/webbuild
//	go build -tags embedpage ./cmd/eduplan
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/eduplan/eduplan/wasm/webbuild"
)

func main() {
	out := flag.String("o", webbuild.EmbeddedDir, "output folder")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "genpage: unexpected arguments; usage: genpage [-o DIR]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := webbuild.GeneratePage(ctx, webbuild.Options{Stderr: os.Stderr}, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genpage:", err)
		os.Exit(1)
	}
}
