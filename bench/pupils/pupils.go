// Package pupils generates a synthetic year of fitness-test records, one
// row per pupil, for the pupil-level example (examples/pupils) and
// benchmark (bench/pupils.sh): a city, its districts, their schools and
// each pupil tested under 《国家学生体质健康标准》, passed or not,
// excellent or not. The same options give the same files, byte for byte.
//
// Alongside the pupils it writes the same figures counted per school, as
// the data file eduplan check reads, so that the SQL over the pupils and
// the Go engine over the schools can be held to the same results.
package pupils

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// Options size the year.
type Options struct {
	Pupils    int    // rows of the pupils file, about (each school's size is drawn)
	Schools   int    // schools, spread over the districts
	Districts int    // districts of the one city
	Seed      uint64 // the random seed
}

// kinds are the kinds of school the fitness indicators apply to, in turn.
var kinds = []string{"primary", "primary", "junior", "nine_year", "senior", "vocational"}

// school is one school's draw: its size and its pupils' chances.
type school struct {
	id, parent, kind string
	n                int
	pass, excellent  float64
	passed, best     int // the counts drawn, for the schools file
}

// Files are where Generate writes: the units table (id, parent, level,
// kind), the pupils (pupil, school, passed, excellent) and the schools
// data file for eduplan check. Any may be nil.
type Files struct {
	Units, Pupils, Schools io.Writer
}

// Generate writes the year.
func Generate(o Options, f Files) error {
	if o.Schools < 1 || o.Districts < 1 || o.Pupils < 0 || o.Districts > o.Schools {
		return fmt.Errorf("pupils: need 1 ≤ districts ≤ schools and pupils ≥ 0, not %d districts, %d schools, %d pupils", o.Districts, o.Schools, o.Pupils)
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x70757069))
	schools := make([]school, o.Schools)
	weights := make([]float64, o.Schools)
	sum := 0.0
	for i := range schools {
		d := i % o.Districts
		s := &schools[i]
		s.parent = districtID(d)
		s.id = fmt.Sprintf("%s-s%05d", s.parent, i/o.Districts+1)
		s.kind = kinds[i%len(kinds)]
		// Sizes from half to one and a half times the mean; districts
		// differ in their pupils' fitness, schools within them too.
		weights[i] = 0.5 + r.Float64()
		sum += weights[i]
		s.pass = 0.90 + 0.06*float64(d%5)/4 + 0.03*r.Float64()
		s.excellent = 0.04 + 0.06*float64((d+2)%5)/4 + 0.04*r.Float64()
	}
	total := 0
	for i := range schools {
		schools[i].n = int(float64(o.Pupils) * weights[i] / sum)
		total += schools[i].n
	}
	// What rounding left goes one pupil a school, so the rows are as asked.
	for i := 0; total < o.Pupils; i++ {
		schools[i%len(schools)].n++
		total++
	}
	if f.Pupils != nil {
		w := bufio.NewWriterSize(f.Pupils, 1<<20)
		w.WriteString("pupil,school,passed,excellent\n")
		id := int64(0)
		var line []byte
		for i := range schools {
			s := &schools[i]
			for range s.n {
				id++
				// Excellent (90 or more) is a pass (60 or more).
				ex := r.Float64() < s.excellent
				ok := ex || r.Float64() < (s.pass-s.excellent)/(1-s.excellent)
				if ok {
					s.passed++
				}
				if ex {
					s.best++
				}
				line = strconv.AppendInt(line[:0], id, 10)
				line = append(line, ',')
				line = append(line, s.id...)
				line = append(line, ',')
				line = strconv.AppendBool(line, ok)
				line = append(line, ',')
				line = strconv.AppendBool(line, ex)
				line = append(line, '\n')
				if _, err := w.Write(line); err != nil {
					return err
				}
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
	} else if f.Schools != nil {
		return fmt.Errorf("pupils: the schools file counts the pupils: write the pupils too")
	}
	if f.Units != nil {
		w := bufio.NewWriter(f.Units)
		w.WriteString("id,parent,level,kind\ncity,,city,\n")
		for d := range o.Districts {
			fmt.Fprintf(w, "%s,city,district,\n", districtID(d))
		}
		for _, s := range schools {
			fmt.Fprintf(w, "%s,%s,school,%s\n", s.id, s.parent, s.kind)
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if f.Schools != nil {
		w := bufio.NewWriter(f.Schools)
		w.WriteString("id,name,level,kind,parent,fitness_tested_students,fitness_pass_students,fitness_excellent_students\n")
		w.WriteString("city,City,city,,,,,\n")
		for d := range o.Districts {
			fmt.Fprintf(w, "%s,District %d,district,,city,,,\n", districtID(d), d+1)
		}
		for _, s := range schools {
			// A school with no pupil rows has no figures, as in the SQL.
			if s.n == 0 {
				fmt.Fprintf(w, "%s,School %s,school,%s,%s,,,\n", s.id, s.id, s.kind, s.parent)
				continue
			}
			fmt.Fprintf(w, "%s,School %s,school,%s,%s,%d,%d,%d\n", s.id, s.id, s.kind, s.parent, s.n, s.passed, s.best)
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func districtID(d int) string { return fmt.Sprintf("d%03d", d+1) }
