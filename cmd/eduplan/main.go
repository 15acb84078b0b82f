package main

import (
	"os"

	"github.com/eduplan/eduplan/internal/safefile"
)

func main() {
	// An interrupted run leaves no half-written temporary file beside -o.
	safefile.RemoveOnSignal()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
