package indicators

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// ReportFormat is the "format" WriteJSON writes first in a report: the
// plan's text once, in a header, and results that refer to it by id. A
// report without it is the full form written before (every result with
// its indicator's name, formula, wording, places and target), which
// ReadReport still reads.
const ReportFormat = "eduplan.report/v2"

// reportDoc is a report in ReportFormat, as read. The writer writes the
// same fields in the same order, a piece at a time.
type reportDoc struct {
	Format string        `json:"format"`
	Plan   string        `json:"plan,omitempty"`
	Year   int           `json:"year"`
	Levels org.Hierarchy `json:"levels,omitempty"`
	// Indicators holds each indicator's text and default target once.
	Indicators []indicatorHead `json:"indicators"`
	// Inputs holds each input figure's name and unit once.
	Inputs      []inputHead      `json:"inputs,omitempty"`
	Warnings    []msg.Text       `json:"warnings,omitempty"`
	Validation  *Validation      `json:"validation,omitempty"`
	DataQuality *DataQuality     `json:"data_quality,omitempty"`
	Hierarchy   []FigureMismatch `json:"hierarchy,omitempty"`
	Units       []unitDoc        `json:"units"`
}

// indicatorHead is what every result of an indicator shares.
type indicatorHead struct {
	ID       string       `json:"id"`
	Name     msg.Text     `json:"name"`
	Nature   plan.Nature  `json:"nature"`
	Unit     plan.Unit    `json:"unit"`
	Decimals *int         `json:"decimals,omitempty"`
	Formula  string       `json:"formula"`
	Wording  string       `json:"wording"`
	Places   []plan.Place `json:"places,omitempty"`
	// Target is the target of every result that gives none of its own.
	Target TargetInfo `json:"target"`
}

type inputHead struct {
	ID   string    `json:"id"`
	Name msg.Text  `json:"name"`
	Unit plan.Unit `json:"unit"`
}

type unitDoc struct {
	Unit dataset.OrgUnit `json:"unit"`
	// Summary is left out when it counts the results listed, as it does
	// unless a face kept only some (reportfmt.OnlyProblems): the reader
	// counts them again.
	Summary *Summary    `json:"summary,omitempty"`
	Results []resultDoc `json:"results"`
}

// resultDoc is a Result less what its indicator's header holds.
type resultDoc struct {
	Indicator string   `json:"indicator"`
	Status    Status   `json:"status"`
	Reference bool     `json:"reference,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Origin    Origin   `json:"origin"`
	// Target is set when the unit is held to a target of its own
	// (TargetInfo.Override), or anything else than the header's.
	Target     *TargetInfo      `json:"target,omitempty"`
	Gap        *float64         `json:"gap,omitempty"`
	GapSide    Side             `json:"gapSide,omitempty"`
	Inputs     []inputDoc       `json:"inputs,omitempty"`
	Aggregates []AggregateInput `json:"aggregates,omitempty"`
	Reason     *msg.Text        `json:"reason,omitempty"`
	Warnings   []msg.Text       `json:"warnings,omitempty"`
	// Own is the result's indicator text when it differs from the
	// header's: never in an assessment, only in a report put together
	// by hand, which must still read back as it was.
	Own *indicatorHead `json:"own,omitempty"`
}

// inputDoc is an Input less its name and unit, unless they differ from
// the header's.
type inputDoc struct {
	ID          string     `json:"id"`
	Value       *float64   `json:"value,omitempty"`
	Origin      Origin     `json:"origin"`
	Children    int        `json:"children,omitempty"`
	MissingIn   []string   `json:"missing_in,omitempty"`
	Own         *float64   `json:"own,omitempty"`
	ChildrenSum *float64   `json:"children_sum,omitempty"`
	Name        *msg.Text  `json:"name,omitempty"`
	Unit        *plan.Unit `json:"unit,omitempty"`
}

// WriteJSON writes the report in ReportFormat, compact: the header on the
// first line, then each unit on a line of its own as it is encoded, so
// that the whole document is never held in memory. The same report always
// gives the same bytes; targets keep their "<=" and ">=" readable rather
// than escaped for HTML.
func (r *Report) WriteJSON(w io.Writer) error { return writeJSON(w, r, "") }

// WriteJSONIndent is WriteJSON indented by two spaces a level, for a
// person to read: the same document, about twice the bytes.
func (r *Report) WriteJSONIndent(w io.Writer) error { return writeJSON(w, r, "  ") }

func writeJSON(out io.Writer, src Source, indent string) error {
	heads, inputs := src.heads()
	r := src.Header()
	w := newJSONWriter(out, indent)
	w.raw("{")
	w.field("format", ReportFormat)
	if r.Plan != "" {
		w.field("plan", r.Plan)
	}
	w.field("year", r.Year)
	if len(r.Levels) > 0 {
		w.field("levels", r.Levels)
	}
	w.array("indicators", len(heads), func(i int) any { return &heads[i] })
	if len(inputs) > 0 {
		w.array("inputs", len(inputs), func(i int) any { return &inputs[i] })
	}
	if len(r.Warnings) > 0 {
		w.field("warnings", r.Warnings)
	}
	if r.Validation != nil {
		w.field("validation", r.Validation)
	}
	if r.DataQuality != nil {
		w.field("data_quality", r.DataQuality)
	}
	if len(r.Hierarchy) > 0 {
		w.field("hierarchy", r.Hierarchy)
	}
	byID := make(map[string]*indicatorHead, len(heads))
	for i := range heads {
		byID[heads[i].ID] = &heads[i]
	}
	inByID := make(map[string]*inputHead, len(inputs))
	for i := range inputs {
		inByID[inputs[i].ID] = &inputs[i]
	}
	var u unitDoc
	var ins []inputDoc
	w.arrayEach("units", func(item func(v any)) error {
		return src.Each(func(ur *UnitReport) error {
			u.Unit, u.Summary, u.Results, ins = ur.Unit, nil, u.Results[:0], ins[:0]
			var counted Summary
			for j := range ur.Results {
				counted.count(&ur.Results[j])
			}
			if counted != ur.Summary {
				u.Summary = &ur.Summary
			}
			for j := range ur.Results {
				res := &ur.Results[j]
				d := resultDoc{Indicator: res.Indicator, Status: res.Status, Reference: res.Reference, Value: res.Value,
					Origin: res.Origin, Gap: res.Gap, GapSide: res.GapSide, Aggregates: res.Aggregates, Reason: res.Reason, Warnings: res.Warnings}
				// A result the header does not know (one a Visit
				// made up) carries its own text.
				if h := byID[res.Indicator]; h == nil || !sameText(h, res) {
					own := headOf(res)
					d.Own = &own
				} else if !sameTarget(&h.Target, &res.Target) {
					d.Target = &res.Target
				}
				start := len(ins)
				for k := range res.Inputs {
					in := &res.Inputs[k]
					id := inputDoc{ID: in.ID, Value: in.Value, Origin: in.Origin, Children: in.Children, MissingIn: in.MissingIn,
						Own: in.Own, ChildrenSum: in.ChildrenSum}
					if ih := inByID[in.ID]; ih == nil || ih.Name != in.Name || ih.Unit != in.Unit {
						id.Name, id.Unit = &in.Name, &in.Unit
					}
					ins = append(ins, id)
				}
				// The inputs of every result share one backing array,
				// reused from unit to unit: no allocation per result.
				d.Inputs = ins[start:len(ins):len(ins)]
				u.Results = append(u.Results, d)
			}
			item(&u)
			return w.err
		})
	})
	w.newline(0)
	w.raw("}\n")
	return w.flush()
}

// heads collects each indicator's and each input's header from the first
// result that has it; an indicator's target is the first one that is not a
// unit's own, as a plan's default is.
func (r *Report) heads() ([]indicatorHead, []inputHead) {
	var heads []indicatorHead
	var inputs []inputHead
	at := map[string]int{}
	seen := map[string]bool{}
	for k := range r.Units {
		for j := range r.Units[k].Results {
			res := &r.Units[k].Results[j]
			if i, ok := at[res.Indicator]; !ok {
				at[res.Indicator] = len(heads)
				heads = append(heads, headOf(res))
			} else if heads[i].Target.Override != nil && res.Target.Override == nil && sameText(&heads[i], res) {
				heads[i].Target = res.Target
			}
			for _, in := range res.Inputs {
				if !seen[in.ID] {
					seen[in.ID] = true
					inputs = append(inputs, inputHead{ID: in.ID, Name: in.Name, Unit: in.Unit})
				}
			}
		}
	}
	return heads, inputs
}

func headOf(res *Result) indicatorHead {
	return indicatorHead{ID: res.Indicator, Name: res.Name, Nature: res.Nature, Unit: res.Unit, Decimals: res.Decimals,
		Formula: res.Formula, Wording: res.Wording, Places: res.Places, Target: res.Target}
}

// sameText reports whether a result has its header's text.
func sameText(h *indicatorHead, res *Result) bool {
	if h.Name != res.Name || h.Nature != res.Nature || h.Unit != res.Unit || h.Formula != res.Formula ||
		h.Wording != res.Wording || !sameInt(h.Decimals, res.Decimals) || len(h.Places) != len(res.Places) {
		return false
	}
	for i := range h.Places {
		if h.Places[i] != res.Places[i] {
			return false
		}
	}
	return true
}

func sameTarget(a, b *TargetInfo) bool {
	return a.Text == b.Text && a.Op == b.Op && a.Value == b.Value && a.Points == b.Points && a.Display == b.Display &&
		sameFloat(a.Max, b.Max) && samePtr(a.For, b.For) && samePtr(a.Override, b.Override)
}

// samePtr compares what two pointers point to; the same pointer, as
// results of one evaluation share, is the quick answer.
func samePtr[T any](a, b *T) bool {
	return a == b || a != nil && b != nil && reflect.DeepEqual(*a, *b)
}

func sameInt(a, b *int) bool       { return a == b || a != nil && b != nil && *a == *b }
func sameFloat(a, b *float64) bool { return a == b || a != nil && b != nil && *a == *b }

// jsonWriter writes a JSON document a piece at a time through one buffer:
// each piece is encoded into a scratch buffer reused for the next, so
// memory holds one unit's JSON at most. The first error stops it.
type jsonWriter struct {
	out     io.Writer
	buf     []byte // what is yet to go out, written in pieces of 64 KB
	scratch bytes.Buffer
	enc     [3]*jsonx.Encoder // by depth: 0 unused, 1 header fields, 2 array items
	indent  string
	fields  int
	err     error
}

func newJSONWriter(out io.Writer, indent string) *jsonWriter {
	w := &jsonWriter{out: out, buf: make([]byte, 0, 64<<10+4<<10), indent: indent}
	for depth := 1; depth < len(w.enc); depth++ {
		enc := jsonx.NewEncoder(&w.scratch)
		enc.SetEscapeHTML(false)
		if indent != "" {
			enc.SetIndent(strings.Repeat(indent, depth), indent)
		}
		w.enc[depth] = enc
	}
	return w
}

func (w *jsonWriter) raw(s string) { w.buf = append(w.buf, s...) }

// spill hands on what is buffered once there is a piece's worth.
func (w *jsonWriter) spill() {
	if len(w.buf) >= 64<<10 && w.err == nil {
		_, w.err = w.out.Write(w.buf)
		w.buf = w.buf[:0]
	}
}

// newline starts a line at depth when indenting.
func (w *jsonWriter) newline(depth int) {
	if w.indent != "" {
		w.raw("\n" + strings.Repeat(w.indent, depth))
	}
}

func (w *jsonWriter) key(name string) {
	if w.fields > 0 {
		w.raw(",")
	}
	w.fields++
	w.newline(1)
	w.raw(`"` + name + `":`)
	if w.indent != "" {
		w.raw(" ")
	}
}

func (w *jsonWriter) field(name string, v any) {
	w.key(name)
	w.encode(1, v)
}

// array writes a field whose value is an array of n elements, each
// encoded as item gives it.
func (w *jsonWriter) array(name string, n int, item func(i int) any) {
	w.arrayOf(name, false, func(each func(v any)) error {
		for i := 0; i < n && w.err == nil; i++ {
			each(item(i))
		}
		return nil
	})
}

// arrayEach writes a field whose value is an array of the elements elems
// hands to item, a line each in the compact form too: the units.
func (w *jsonWriter) arrayEach(name string, elems func(item func(v any)) error) {
	w.arrayOf(name, true, elems)
}

// arrayOf writes an array element by element, each encoded as it comes
// (and then free to be reused), so that the array is never whole in
// memory; lines puts each element on a line of its own in the compact
// form too. An error of elems stops the writer.
func (w *jsonWriter) arrayOf(name string, lines bool, elems func(item func(v any)) error) {
	w.key(name)
	w.raw("[")
	n := 0
	err := elems(func(v any) {
		if n > 0 {
			w.raw(",")
		}
		n++
		if w.indent != "" {
			w.newline(2)
		} else if lines {
			w.raw("\n")
		}
		w.encode(2, v)
	})
	if err != nil && w.err == nil {
		w.err = err
	}
	if n > 0 {
		w.newline(1)
	}
	w.raw("]")
}

func (w *jsonWriter) encode(depth int, v any) {
	if w.err != nil {
		return
	}
	w.scratch.Reset()
	if w.err = w.enc[depth].Encode(v); w.err != nil {
		return
	}
	w.buf = append(w.buf, bytes.TrimSuffix(w.scratch.Bytes(), []byte("\n"))...)
	w.spill()
}

func (w *jsonWriter) flush() error {
	if w.err != nil {
		return w.err
	}
	_, err := w.out.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}

// fromDoc rebuilds a report from its ReportFormat form, each result with
// its indicator's text from the header; a result naming an indicator the
// header does not have is a problem at its path.
func fromDoc(doc *reportDoc) (*Report, msg.Problems) {
	var probs msg.Problems
	r := &Report{Plan: doc.Plan, Year: doc.Year, Levels: doc.Levels, Warnings: doc.Warnings, Validation: doc.Validation,
		DataQuality: doc.DataQuality, Hierarchy: doc.Hierarchy, Units: make([]UnitReport, len(doc.Units))}
	heads := make(map[string]*indicatorHead, len(doc.Indicators))
	for i := range doc.Indicators {
		h := &doc.Indicators[i]
		if _, dup := heads[h.ID]; dup {
			probs.Add(fmt.Sprintf("indicators[%d].id", i), "指标 %q 出现了两次", "indicator %q appears twice", h.ID)
		}
		heads[h.ID] = h
	}
	inputs := make(map[string]*inputHead, len(doc.Inputs))
	for i := range doc.Inputs {
		h := &doc.Inputs[i]
		if _, dup := inputs[h.ID]; dup {
			probs.Add(fmt.Sprintf("inputs[%d].id", i), "数据项 %q 出现了两次", "input %q appears twice", h.ID)
		}
		inputs[h.ID] = h
	}
	for k, u := range doc.Units {
		ur := UnitReport{Unit: u.Unit, Results: make([]Result, len(u.Results))}
		for j, d := range u.Results {
			path := fmt.Sprintf("units[%d].results[%d]", k, j)
			h := d.Own
			if h == nil {
				if h = heads[d.Indicator]; h == nil {
					probs.Add(path+".indicator", "报告开头的指标表（indicators）中没有指标 %q", "indicator %q is not in the report's indicators", d.Indicator)
					continue
				}
			}
			res := Result{Indicator: d.Indicator, Name: h.Name, Status: d.Status, Nature: h.Nature, Unit: h.Unit,
				Decimals: h.Decimals, Reference: d.Reference, Value: d.Value, Origin: d.Origin, Target: h.Target,
				Gap: d.Gap, GapSide: d.GapSide, Formula: h.Formula, Inputs: make([]Input, len(d.Inputs)), Aggregates: d.Aggregates,
				Wording: h.Wording, Places: h.Places, Reason: d.Reason, Warnings: d.Warnings}
			if d.Target != nil {
				res.Target = *d.Target
			}
			for n, in := range d.Inputs {
				out := Input{ID: in.ID, Value: in.Value, Origin: in.Origin, Children: in.Children, MissingIn: in.MissingIn,
					Own: in.Own, ChildrenSum: in.ChildrenSum}
				if ih := inputs[in.ID]; ih != nil {
					out.Name, out.Unit = ih.Name, ih.Unit
				} else if in.Name == nil {
					probs.Add(fmt.Sprintf("%s.inputs[%d].id", path, n), "报告开头的数据项表（inputs）中没有 %q", "input %q is not in the report's inputs", in.ID)
				}
				if in.Name != nil {
					out.Name = *in.Name
				}
				if in.Unit != nil {
					out.Unit = *in.Unit
				}
				res.Inputs[n] = out
			}
			ur.Results[j] = res
			ur.Summary.count(&res)
		}
		if u.Summary != nil {
			ur.Summary = *u.Summary
		}
		r.Units[k] = ur
	}
	return r, probs
}
