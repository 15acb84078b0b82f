// Command gennational writes the national benchmark's files: the seed plan
// over five levels (-plan) and a synthetic country of -n schools as CSV or
// JSON (-o, the format from its extension). See package
// github.com/eduplan/eduplan/bench/national and bench/README.md.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eduplan/eduplan/bench/national"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
)

func main() {
	n := flag.Int("n", 10000, "number of schools")
	seed := flag.Uint64("seed", 1, "random seed: the same seed and size give the same file")
	out := flag.String("o", "", "data file to write: .csv or .json")
	planOut := flag.String("plan", "", "also write the five-level plan to this file")
	flag.Parse()
	if err := run(*n, *seed, *out, *planOut); err != nil {
		fmt.Fprintln(os.Stderr, "gennational:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, out, planOut string) error {
	p, err := national.Plan()
	if err != nil {
		return err
	}
	if planOut != "" {
		if err := writeFile(planOut, func(w *bufio.Writer) error { return p.Save(w) }); err != nil {
			return err
		}
	}
	if out == "" {
		return nil
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		return err
	}
	d, err := national.Generate(n, seed)
	if err != nil {
		return err
	}
	switch filepath.Ext(out) {
	case ".csv":
		return writeFile(out, func(w *bufio.Writer) error { return d.WriteCSV(w, national.MetricFields(cat), dataset.UTF8) })
	case ".json":
		return writeFile(out, func(w *bufio.Writer) error { return d.WriteJSON(w, national.MetricFields(cat)) })
	}
	return errors.New("-o must end in .csv or .json")
}

func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = write(w)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
