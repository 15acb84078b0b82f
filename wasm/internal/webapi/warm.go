package webapi

import (
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/plan"
)

// warmSchools is how many schools the made-up district of warm has: enough
// for the browser to compile the hot code of an import with its optimising
// compiler in a few rounds, few enough that a round takes a fraction of a
// second on a slow machine.
const warmSchools = 300

type warmAnswer struct {
	// Units is how many units the made-up district had; Failed names the
	// call that did not answer ok (the plan's levels or kinds made the
	// file unreadable), "" when all did.
	Units  int    `json:"units"`
	Failed string `json:"failed,omitempty"`
}

// warm makes the calls of a data file's import (importData, assessFile,
// fileSchools) on a district made up from the plan's forms, in a session
// of its own, and keeps nothing. The browser runs WebAssembly with a quick
// compiler first and optimises a function only once it has run a while:
// the first file a user imports ran twice as slowly as the second. The
// page calls warm a few times when idle after its first assessment, so
// that the first import runs optimised code.
func (s *Session) warm(string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	text, units := s.warmDistrict(warmSchools)
	w := &Session{plan: s.plan, cat: s.cat, summary: s.summary}
	ans := warmAnswer{Units: units}
	// The handlers are called as Call does (which cannot be named here:
	// the table of handlers would refer to itself), answers encoded too.
	failed := func(v any, err error) bool {
		return err != nil || !strings.HasPrefix(success(v), `{"ok":true`)
	}
	if failed(w.importFile(importRequest{Name: "warm.csv", Text: text, Encoding: "UTF-8"})) {
		ans.Failed = "importData"
	} else if failed(w.assessFile(`{"rows":200}`)) {
		ans.Failed = "assessFile"
	} else if failed(w.fileSchools(`{"offset":200,"rows":400}`)) {
		ans.Failed = "fileSchools"
	}
	return ans, nil
}

// warmDistrict is a CSV file of one unit at each level above the schools,
// each the parent of the next, and n schools under the last, of every kind
// the plan assesses in turn, with every figure their forms ask for; and
// how many units it has.
func (s *Session) warmDistrict(n int) (string, int) {
	levels := s.cat.Levels().IDs()
	school := levels[len(levels)-1]
	var ids []string
	var kinds []string
	seen := map[string]bool{}
	percent := map[string]bool{}
	for _, ut := range s.cat.UnitTypes() {
		if ut.Level != school || ut.Kind == "" {
			continue
		}
		kinds = append(kinds, string(ut.Kind))
		for _, m := range s.cat.FormMetrics(ut.Level, ut.Kind) {
			if !seen[m.ID] {
				seen[m.ID] = true
				ids = append(ids, m.ID)
				percent[m.ID] = m.Unit == plan.Percent
			}
		}
	}
	if len(kinds) == 0 {
		kinds = []string{""}
	}
	var b strings.Builder
	b.WriteString("id,name,level,kind,parent," + strings.Join(ids, ",") + "\n")
	parent := ""
	for k, l := range levels[:len(levels)-1] {
		id := "w" + strconv.Itoa(k)
		b.WriteString(id + "," + id + "," + string(l) + ",," + parent + strings.Repeat(",", len(ids)) + "\n")
		parent = id
	}
	for i := range n {
		id := "s" + strconv.Itoa(i)
		b.WriteString(id + "," + id + "," + string(school) + "," + kinds[i%len(kinds)] + "," + parent)
		for k, m := range ids {
			v := 900 + (i*37+k*11)%200
			if percent[m] {
				v = 80 + (i+k)%20
			}
			b.WriteString("," + strconv.Itoa(v))
		}
		b.WriteByte('\n')
	}
	return b.String(), len(levels) - 1 + n
}
