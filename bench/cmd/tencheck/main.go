// Command tencheck reads a national CSV file (gennational) and computes the
// ten indicators of national.Ten with eduplan's engine, printing the count
// of each status per indicator as JSON: the Go side of the DuckDB
// comparison in bench/duckdb. With -spec it prints the ten indicators as
// the DuckDB script computes them (national.Specs).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/eduplan/eduplan/bench/national"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
)

func main() {
	spec := flag.Bool("spec", false, "print the ten indicators' specification and stop")
	flag.Parse()
	if err := run(*spec, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "tencheck:", err)
		os.Exit(1)
	}
}

func run(spec bool, args []string) error {
	out := json.NewEncoder(os.Stdout)
	if spec {
		s, err := national.Specs()
		if err != nil {
			return err
		}
		return out.Encode(s)
	}
	if len(args) != 1 {
		return fmt.Errorf("usage: tencheck FILE.csv | tencheck -spec")
	}
	p, err := national.TenPlan()
	if err != nil {
		return err
	}
	cat, err := indicators.Compile(p)
	if err != nil {
		return err
	}
	start := time.Now()
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	d, err := dataset.ReadCSV(bufio.NewReaderSize(f, 1<<20), cat.Fields(), dataset.Options{File: args[0], Levels: p.Levels})
	if err != nil {
		return err
	}
	read := time.Since(start)
	ev := cat.Evaluate(d)
	counts := map[string]map[string]int{}
	for _, id := range national.Ten {
		c := map[string]int{}
		for i := range d.Units {
			st, _ := ev.Status(id, i)
			c[string(st)]++
		}
		counts[id] = c
	}
	total := time.Since(start)
	fmt.Fprintf(os.Stderr, "tencheck: %d units; read %.3f s, evaluate %.3f s, total %.3f s (wall)\n",
		len(d.Units), read.Seconds(), (total - read).Seconds(), total.Seconds())
	return out.Encode(counts)
}
