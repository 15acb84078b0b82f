//go:build !js

package sqlgen

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// Mapping says where a plan's figures live in a database: the table of
// units (the hierarchy) and the tables whose columns hold metrics.
type Mapping struct {
	Units   UnitsTable `json:"units"`
	Sources []Source   `json:"sources"`
}

// UnitsTable is the table of units: one row per unit, with its parent
// (NULL or empty at the top), its level and, for schools, its kind, as the
// plan names them. Name, optional, is the column of the unit's name, which
// reports show (eduplan check --db); a unit without one is named by its
// id.
type UnitsTable struct {
	Table  string `json:"table"`
	ID     string `json:"id"`
	Parent string `json:"parent"`
	Level  string `json:"level"`
	Kind   string `json:"kind"`
	// Name is optional: the column of the units' names, by which a plan's
	// per-unit targets (unit_targets) may name a unit instead of its id.
	Name string `json:"name,omitempty"`
}

// Source is a table whose rows belong to units. Columns maps a metric (or
// an indicator a unit reports the value of) to the column holding it.
// Rows are summed per unit: one row per school gives the school's figure,
// one row per pupil (1 for a pupil who passed, 0 for one who did not)
// gives the school's count. A NULL is no figure; a unit whose rows are all
// NULL did not report the figure.
//
// Count maps a metric to what counts the unit's rows instead: "*" for
// every row (a table of pupils tested), or a column read as a boolean
// (passed) for the rows where it is true; see countSQL.
type Source struct {
	Table   string            `json:"table"`
	Unit    string            `json:"unit"`
	Columns map[string]string `json:"columns"`
	Count   map[string]string `json:"count,omitempty"`
	// Level, when set, is the level of the units the table's rows belong
	// to; its rows of units at any other level are not read. At the
	// plan's lowest level (a table of pupils or of schools), its metrics
	// that sum up are summed over the hierarchy with GROUP BY ROLLUP
	// rather than level by level: no unit above reports them, so each
	// unit's figure is the sum over the schools below it.
	Level string `json:"level,omitempty"`
}

// maxMapping bounds what ReadMapping reads: a mapping is a page of text.
const maxMapping = 1 << 20

// ReadMapping reads a mapping written as JSON; unknown fields are errors,
// so that a misspelt key is not silently ignored.
func ReadMapping(r io.Reader) (*Mapping, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxMapping+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxMapping {
		return nil, msg.Errorf("映射文件超过 %d 字节", "the mapping is longer than %d bytes", maxMapping)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var m Mapping
	if err := dec.Decode(&m); err != nil {
		return nil, msg.Errorf("无法读取映射：%v", "cannot read the mapping: %v", err)
	}
	return &m, nil
}

// check validates the mapping against the ids and levels the plan knows, listing
// every problem.
func (m *Mapping) check(known func(id string) bool, levels []string) error {
	var probs msg.Problems
	need := func(path, v string) {
		if strings.TrimSpace(v) == "" {
			probs.Add(path, "不能为空", "must not be empty")
		}
	}
	need("units.table", m.Units.Table)
	need("units.id", m.Units.ID)
	need("units.parent", m.Units.Parent)
	need("units.level", m.Units.Level)
	need("units.kind", m.Units.Kind)
	seen := map[string]string{}
	for i, s := range m.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		need(p+".table", s.Table)
		need(p+".unit", s.Unit)
		if len(s.Columns)+len(s.Count) == 0 {
			probs.Add(p+".columns", "没有列", "lists no columns")
		}
		if s.Level != "" && !slices.Contains(levels, s.Level) {
			probs.Add(p+".level", "计划没有层级 “%s”", "the plan has no level %q", s.Level)
		}
		for _, part := range []struct {
			key  string
			cols map[string]string
		}{{"columns", s.Columns}, {"count", s.Count}} {
			for _, id := range sortedKeys(part.cols) {
				cp := fmt.Sprintf("%s.%s.%s", p, part.key, id)
				switch {
				case !known(id):
					probs.Add(cp, "计划中没有数据项或指标 “%s”", "the plan has no metric or indicator %q", id)
				case seen[id] != "":
					probs.Add(cp, "“%s” 已在 %s 中映射", "%q is already mapped in %s", id, seen[id])
				}
				need(cp, part.cols[id])
				if part.key == "columns" && strings.TrimSpace(part.cols[id]) == "*" {
					probs.Add(cp, "“*” 不是列名：按行计数请写在 count 中", "\"*\" is not a column: to count rows, map the figure under count")
				}
				seen[id] = p
			}
		}
	}
	return probs.Err()
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
