// Command genpupils writes a synthetic year of fitness-test records, one
// row per pupil, into a folder: units.csv (the hierarchy as a table),
// pupils.csv (pupil, school, passed, excellent) and schools.csv (the same
// figures counted per school, for eduplan check). The same flags give the
// same files. See package github.com/eduplan/eduplan/bench/pupils,
// examples/pupils and bench/pupils.sh.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eduplan/eduplan/bench/pupils"
)

func main() {
	var o pupils.Options
	flag.IntVar(&o.Pupils, "pupils", 1000, "pupils (rows of pupils.csv)")
	flag.IntVar(&o.Schools, "schools", 10, "schools")
	flag.IntVar(&o.Districts, "districts", 2, "districts of the one city")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed")
	dir := flag.String("o", "", "folder to write units.csv, pupils.csv and schools.csv into")
	flag.Parse()
	if err := run(o, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "genpupils:", err)
		os.Exit(1)
	}
}

func run(o pupils.Options, dir string) (err error) {
	if dir == "" {
		return errors.New("name the folder to write with -o")
	}
	var files [3]*os.File
	for i, name := range []string{"units.csv", "pupils.csv", "schools.csv"} {
		if files[i], err = os.Create(filepath.Join(dir, name)); err != nil {
			return err
		}
		defer func(f *os.File) {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}(files[i])
	}
	return pupils.Generate(o, pupils.Files{Units: files[0], Pupils: files[1], Schools: files[2]})
}
