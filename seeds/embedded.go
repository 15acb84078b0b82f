package seeds

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// decodeEmbedded returns the plan plan.Parse reads from the embedded bytes,
// without doing plan.Parse's work at run time.
//
// plan.Parse reads strictly (every key, type and duplicate checked, with
// JSON paths for the messages) and validates the plan; under WebAssembly
// that, and any decoding by reflection, was the largest part of the browser
// page's start-up. Those checks exist for a file a person wrote. These bytes
// are compiled into the binary and cannot change after
// TestEmbeddedPlanNeedsNoChecks has shown that plan.Parse accepts them and
// that readSeed gives the very same plan; so readSeed fills the model
// directly, by hand, with no reflection and no checks beyond what reading
// needs. A plan the user opens still goes through plan.Parse.
//
// Should readSeed ever fail (the model or the seed changed and it was not
// taught the new field: the test says so first), plan.Parse reads the
// bytes instead, so the answer is never wrong, only slower.
func decodeEmbedded(data []byte) (*plan.Plan, error) {
	if p, err := readSeed(data); err == nil {
		return p, nil
	}
	return plan.Parse(data)
}

// readSeed reads a plan document in the exact shape plan.Save writes and
// the embedded seed has. Any key it does not know, null, a number that is
// not an integer or any malformed JSON is an error.
func readSeed(data []byte) (*plan.Plan, error) {
	r := &seedReader{data: data}
	var p plan.Plan
	r.object(func(key string) {
		switch key {
		case "format":
			p.Format = r.str()
		case "id":
			p.ID = r.str()
		case "title":
			p.Title = r.text()
		case "issuer":
			p.Issuer = r.text()
		case "published":
			p.Published = r.str()
		case "year":
			p.Year = r.integer()
		case "reference":
			p.Reference = r.str()
		case "source":
			p.Source = r.str()
		case "guiding":
			p.Guiding = r.text()
		case "goals":
			p.Goals = list(r, r.goal)
		case "sections":
			p.Sections = list(r, r.section)
		case "appendix":
			p.Appendix = &plan.Appendix{}
			r.appendix(p.Appendix)
		case "metrics":
			p.Metrics = list(r, r.metric)
		case "indicators":
			p.Indicators = list(r, r.indicator)
		default:
			r.unknown(key)
		}
	})
	r.ws()
	if r.err == nil && r.pos != len(r.data) {
		r.fail("content after the document")
	}
	if r.err != nil {
		return nil, r.err
	}
	return &p, nil
}

func (r *seedReader) goal(g *plan.Goal) {
	r.object(func(key string) {
		switch key {
		case "id":
			g.ID = r.str()
		case "number":
			g.Number = r.integer()
		case "title":
			g.Title = r.text()
		case "text":
			g.Text = r.text()
		case "indicators":
			g.Indicators = r.strs()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) section(s *plan.Section) {
	r.object(func(key string) {
		switch key {
		case "id":
			s.ID = r.str()
		case "number":
			s.Number = r.integer()
		case "title":
			s.Title = r.text()
		case "note":
			s.Note = r.str()
		case "tasks":
			s.Tasks = list(r, r.task)
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) task(t *plan.Task) {
	r.object(func(key string) {
		switch key {
		case "id":
			t.ID = r.str()
		case "number":
			t.Number = r.integer()
		case "title":
			t.Title = r.text()
		case "text":
			t.Text = r.text()
		case "indicators":
			t.Indicators = r.strs()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) appendix(a *plan.Appendix) {
	r.object(func(key string) {
		switch key {
		case "title":
			a.Title = r.text()
		case "targets":
			a.Targets = list(r, r.listItem)
		case "projects":
			a.Projects = list(r, r.listItem)
		case "actions":
			a.Actions = list(r, r.action)
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) listItem(it *plan.ListItem) {
	r.object(func(key string) {
		switch key {
		case "id":
			it.ID = r.str()
		case "text":
			it.Text = r.text()
		case "indicators":
			it.Indicators = r.strs()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) action(a *plan.Action) {
	r.object(func(key string) {
		switch key {
		case "id":
			a.ID = r.str()
		case "name":
			a.Name = r.text()
		case "categories":
			a.Categories = list(r, r.category)
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) category(c *plan.Category) {
	r.object(func(key string) {
		switch key {
		case "id":
			c.ID = r.str()
		case "name":
			c.Name = r.text()
		case "items":
			c.Items = list(r, r.item)
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) item(it *plan.Item) {
	r.object(func(key string) {
		switch key {
		case "id":
			it.ID = r.str()
		case "number":
			it.Number = r.integer()
		case "content":
			it.Content = r.text()
		case "units":
			it.Units = r.cell()
		case "office":
			it.Office = r.cell()
		case "leads":
			it.Leads = r.cell()
		case "deadline":
			it.Deadline = r.cell()
		case "indicators":
			it.Indicators = r.strs()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) cell() *plan.Cell {
	c := &plan.Cell{}
	r.object(func(key string) {
		switch key {
		case "text":
			c.Text = r.str()
		case "merged":
			c.Merged = r.boolean()
		case "note":
			c.Note = r.str()
		default:
			r.unknown(key)
		}
	})
	return c
}

func (r *seedReader) metric(m *plan.Metric) {
	r.object(func(key string) {
		switch key {
		case "id":
			m.ID = r.str()
		case "name":
			m.Name = r.text()
		case "unit":
			m.Unit = plan.Unit(r.str())
		case "integral":
			m.Integral = r.boolean()
		case "aggregate":
			m.Aggregate = plan.Aggregation(r.str())
		case "reported_by":
			m.ReportedBy = r.scope()
		case "hint":
			m.Hint = r.text()
		case "definition":
			m.Definition = r.text()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) indicator(ind *plan.Indicator) {
	r.object(func(key string) {
		switch key {
		case "id":
			ind.ID = r.str()
		case "name":
			ind.Name = r.text()
		case "formula":
			ind.Formula = r.str()
		case "unit":
			ind.Unit = plan.Unit(r.str())
		case "target":
			ind.Target = r.str()
		case "nature":
			ind.Nature = plan.Nature(r.str())
		case "applies_to":
			ind.AppliesTo = r.scope()
		case "wording":
			ind.Wording = r.str()
		case "may_exceed_100":
			ind.MayExceed100 = r.boolean()
		case "direction":
			ind.Direction = rule.Direction(r.str())
		case "unit_targets":
			ind.UnitTargets = list(r, func(ut *plan.UnitTarget) { r.unitTarget(ut) })
		case "note":
			ind.Note = r.str()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) unitTarget(ut *plan.UnitTarget) {
	r.object(func(key string) {
		switch key {
		case "units":
			ut.Units = r.strs()
		case "target":
			ut.Target = r.str()
		case "wording":
			ut.Wording = r.str()
		default:
			r.unknown(key)
		}
	})
}

func (r *seedReader) scope() plan.Scope {
	var s plan.Scope
	r.object(func(key string) {
		switch key {
		case "levels":
			s.Levels = list(r, func(l *org.Level) { *l = org.Level(r.str()) })
		case "kinds":
			s.Kinds = list(r, func(k *org.Kind) { *k = org.Kind(r.str()) })
		default:
			r.unknown(key)
		}
	})
	return s
}

func (r *seedReader) text() msg.Text {
	var t msg.Text
	r.object(func(key string) {
		switch key {
		case "zh":
			t.ZH = r.str()
		case "en":
			t.EN = r.str()
		default:
			r.unknown(key)
		}
	})
	return t
}

func (r *seedReader) strs() []string {
	return list(r, func(s *string) { *s = r.str() })
}

// seedReader reads JSON values from data; the first error stops it (every
// method then returns a zero value at once).
type seedReader struct {
	data []byte
	pos  int
	err  error
}

func (r *seedReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("seeds: embedded plan at byte %d: %s", r.pos, what)
	}
}

func (r *seedReader) unknown(key string) { r.fail("unknown key " + strconv.Quote(key)) }

// ws skips white space.
func (r *seedReader) ws() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// next skips white space and reports whether the next byte is c, taking it
// if so.
func (r *seedReader) next(c byte) bool {
	r.ws()
	if r.err == nil && r.pos < len(r.data) && r.data[r.pos] == c {
		r.pos++
		return true
	}
	return false
}

func (r *seedReader) want(c byte) {
	if !r.next(c) {
		r.fail("expected " + strconv.QuoteRune(rune(c)))
	}
}

// object reads an object, calling field for each key with the reader at
// the key's value; field must read the value.
func (r *seedReader) object(field func(key string)) {
	r.want('{')
	if r.next('}') {
		return
	}
	for r.err == nil {
		key := r.str()
		r.want(':')
		if r.err != nil {
			return
		}
		field(key)
		if r.next('}') {
			return
		}
		r.want(',')
	}
}

// list reads an array, each element with elem. An empty array is an empty,
// non-nil slice, as plan.Parse gives it.
func list[T any](r *seedReader, elem func(*T)) []T {
	out := []T{}
	r.want('[')
	if r.next(']') {
		return out
	}
	for r.err == nil {
		var v T
		elem(&v)
		out = append(out, v)
		if r.next(']') {
			return out
		}
		r.want(',')
	}
	return nil
}

func (r *seedReader) boolean() bool {
	r.ws()
	switch {
	case r.lit("true"):
		return true
	case r.lit("false"):
		return false
	}
	r.fail("expected true or false")
	return false
}

func (r *seedReader) lit(word string) bool {
	if r.err == nil && len(r.data)-r.pos >= len(word) && string(r.data[r.pos:r.pos+len(word)]) == word {
		r.pos += len(word)
		return true
	}
	return false
}

// integer reads a whole number; a fraction or an exponent is an error.
func (r *seedReader) integer() int {
	r.ws()
	start := r.pos
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		r.pos++
	}
	for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
		r.pos++
	}
	n, err := strconv.Atoi(string(r.data[start:r.pos]))
	if err != nil {
		r.pos = start
		r.fail("expected a whole number")
	}
	return n
}

// str reads a string, decoding escapes as encoding/json does.
func (r *seedReader) str() string {
	r.want('"')
	if r.err != nil {
		return ""
	}
	start := r.pos
	for r.pos < len(r.data) {
		switch c := r.data[r.pos]; {
		case c == '"':
			s := r.data[start:r.pos]
			r.pos++
			if !utf8.Valid(s) {
				r.fail("invalid UTF-8")
				return ""
			}
			return string(s)
		case c == '\\':
			return r.escaped(start)
		case c < 0x20:
			r.fail("control character in a string")
			return ""
		}
		r.pos++
	}
	r.fail("unterminated string")
	return ""
}

var errBadEscape = errors.New("bad escape")

// escaped finishes a string that has an escape, from start (just past the
// opening quote).
func (r *seedReader) escaped(start int) string {
	buf := append([]byte(nil), r.data[start:r.pos]...)
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch {
		case c == '"':
			r.pos++
			if !utf8.Valid(buf) {
				r.fail("invalid UTF-8")
				return ""
			}
			return string(buf)
		case c < 0x20:
			r.fail("control character in a string")
			return ""
		case c != '\\':
			buf = append(buf, c)
			r.pos++
			continue
		}
		if r.pos+1 >= len(r.data) {
			break
		}
		e := r.data[r.pos+1]
		r.pos += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r1, err := r.hex4()
			if err != nil {
				r.fail(err.Error())
				return ""
			}
			if utf16.IsSurrogate(r1) {
				// A pair is one character; a lone half is U+FFFD, as
				// encoding/json reads it.
				if r.pos+6 <= len(r.data) && r.data[r.pos] == '\\' && r.data[r.pos+1] == 'u' {
					save := r.pos
					r.pos += 2
					r2, err := r.hex4()
					if dec := utf16.DecodeRune(r1, r2); err == nil && dec != utf8.RuneError {
						buf = utf8.AppendRune(buf, dec)
						continue
					}
					r.pos = save
				}
				r1 = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r1)
		default:
			r.fail(errBadEscape.Error())
			return ""
		}
	}
	r.fail("unterminated string")
	return ""
}

func (r *seedReader) hex4() (rune, error) {
	if r.pos+4 > len(r.data) {
		return 0, errBadEscape
	}
	n, err := strconv.ParseUint(string(r.data[r.pos:r.pos+4]), 16, 32)
	if err != nil {
		return 0, errBadEscape
	}
	r.pos += 4
	return rune(n), nil
}
