//go:build !js

// Package sqlrun runs the SQL of package sqlgen on a database and reads
// its rows back into an indicators.Evaluation, so that every report,
// writer and exit policy works on figures computed where the data lives
// as on figures read from a file.
//
// It speaks database/sql, so any driver does: the command line registers
// PostgreSQL's (pgx, pure Go); a program of its own may register DuckDB's
// (cgo). Three queries run: every unit's figures (sqlgen.GenerateFigures),
// the units' names when the mapping names a column for them, and every
// indicator at every unit (sqlgen.Generate). Statuses and values are the
// database's; what a report adds to explain them (inputs, the members of
// aggregates, the figures a parent reported that differ from its units'
// sum, validation rules) is worked out from the database's figures
// (indicators.EvaluationFrom).
package sqlrun

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/sqlgen"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// Querier runs a query: *sql.DB, *sql.Conn and *sql.Tx are Queriers.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Evaluate runs the SQL of plan catalogue cat and mapping m on db, in
// dialect d, and returns the evaluation of its rows for year. A query the
// database refuses is diagnosed: the error names the mapping's table or
// column at fault by its JSON path, with the database's own message.
func Evaluate(ctx context.Context, db Querier, cat *indicators.Catalog, m *sqlgen.Mapping, d sqlgen.Dialect, year int) (*indicators.Evaluation, error) {
	figQ, cols, err := sqlgen.GenerateFigures(cat, m, d)
	if err != nil {
		return nil, err
	}
	resQ, err := sqlgen.Generate(cat, m, d)
	if err != nil {
		return nil, err
	}
	ds, x, err := readFigures(ctx, db, cat, m, d, figQ, cols, year)
	if err != nil {
		return nil, err
	}
	if err := readNames(ctx, db, m, d, ds); err != nil {
		return nil, err
	}
	if err := readResults(ctx, db, m, d, resQ, ds, &x); err != nil {
		return nil, err
	}
	if x.Warnings, err = orphans(ctx, db, m, d); err != nil {
		return nil, err
	}
	return indicators.EvaluationFrom(cat, ds, x)
}

// sqlState is a state as the generated SQL numbers it.
var sqlState = [...]rule.State{0: rule.OK, 1: rule.Undefined, 2: rule.Missing, 3: rule.Skip}

// readFigures reads every unit and its figures, and makes the dataset of
// the units, in the order of the hierarchy: each unit before its
// children, siblings by id.
func readFigures(ctx context.Context, db Querier, cat *indicators.Catalog, m *sqlgen.Mapping, d sqlgen.Dialect, q string, cols []sqlgen.FigureColumn, year int) (*dataset.Dataset, indicators.External, error) {
	var x indicators.External
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, x, diagnose(ctx, db, m, d, err)
	}
	defer rows.Close()
	type unitRow struct {
		u    dataset.OrgUnit
		nums []sql.NullFloat64
	}
	var got []unitRow
	var text [4]sql.NullString
	for rows.Next() {
		r := unitRow{nums: make([]sql.NullFloat64, len(cols))}
		dest := []any{&text[0], &text[1], &text[2], &text[3]}
		for k := range r.nums {
			dest = append(dest, &r.nums[k])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, x, msg.Errorf("读取单位的数据时出错：%v", "reading the units' figures: %v", err)
		}
		r.u = dataset.OrgUnit{ID: text[0].String, Name: text[0].String, Parent: text[1].String,
			Level: org.Level(text[2].String), Kind: org.Kind(text[3].String)}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		return nil, x, diagnose(ctx, db, m, d, err)
	}
	if len(got) == 0 {
		return nil, x, msg.Errorf("单位表 %s 中没有单位（映射 units.table）", "the units table %s holds no unit (mapping units.table)", m.Units.Table)
	}
	// Parents first: the order a report reads in.
	byParent := map[string][]int{}
	index := map[string]bool{}
	for _, r := range got {
		index[r.u.ID] = true
	}
	var roots []int
	for i, r := range got {
		if r.u.Parent == "" || !index[r.u.Parent] {
			roots = append(roots, i)
		} else {
			byParent[r.u.Parent] = append(byParent[r.u.Parent], i)
		}
	}
	order := make([]int, 0, len(got))
	seen := make([]bool, len(got))
	var visit func(is []int)
	visit = func(is []int) {
		sort.Slice(is, func(a, b int) bool { return got[is[a]].u.ID < got[is[b]].u.ID })
		for _, i := range is {
			if seen[i] {
				continue
			}
			seen[i] = true
			order = append(order, i)
			visit(byParent[got[i].u.ID])
		}
	}
	visit(roots)
	for i := range got {
		// Units in a parent cycle: Validate below names the cycle.
		if !seen[i] {
			visit([]int{i})
		}
	}
	ds := dataset.New(year)
	ds.Levels = cat.Levels()
	ds.Source.File = m.Units.Table
	for _, i := range order {
		// Duplicate ids are kept for Validate to name.
		ds.Units = append(ds.Units, got[i].u)
	}
	if err := ds.Validate(); err != nil {
		// A unit's place in the dataset means nothing in a table: each
		// problem names the unit by its id.
		var es dataset.Errors
		if errors.As(err, &es) {
			for k := range es {
				var i int
				var rest string
				if n, _ := fmt.Sscanf(es[k].Path, "units[%d]%s", &i, &rest); n == 2 && i >= 0 && i < len(ds.Units) {
					es[k].Path = fmt.Sprintf("units[id=%q]%s", ds.Units[i].ID, rest)
				}
			}
			err = es
		}
		return nil, x, msg.Errorf("单位表（映射 units）有误：%v", "the units table (mapping units) is wrong: %v", err)
	}
	fresh := dataset.New(year)
	fresh.Levels, fresh.Source = ds.Levels, ds.Source
	for _, u := range ds.Units {
		if err := fresh.Add(u); err != nil {
			return nil, x, err
		}
	}
	ds = fresh
	n := len(order)
	x.Metrics = map[string]indicators.ExternalFigures{}
	x.Indicators = map[string]indicators.ExternalValues{}
	for _, mt := range cat.Metrics() {
		x.Metrics[mt.ID] = indicators.ExternalFigures{Values: make([]float64, n), States: make([]rule.State, n), Reported: make([]bool, n)}
	}
	reported := map[string][]bool{}
	for k, c := range cols {
		for pos, i := range order {
			v := got[i].nums[k]
			switch c.What {
			case sqlgen.Value:
				x.Metrics[c.ID].Values[pos] = v.Float64
			case sqlgen.State:
				s := int(v.Float64)
				if !v.Valid || s < 0 || s >= len(sqlState) || float64(s) != v.Float64 {
					return nil, x, msg.Errorf("内部错误：%s 在 %s 的状态 %v 不是 0 至 3", "internal error: the state of %s at %s is %v, not 0 to 3", c.ID, got[i].u.ID, v.Float64)
				}
				x.Metrics[c.ID].States[pos] = sqlState[s]
			case sqlgen.Reported:
				if reported[c.ID] == nil {
					reported[c.ID] = make([]bool, n)
				}
				reported[c.ID][pos] = v.Valid
			}
		}
	}
	for id, rep := range reported {
		if f, ok := x.Metrics[id]; ok {
			copy(f.Reported, rep)
		}
	}
	for _, ind := range cat.Indicators() {
		rep := reported[ind.ID]
		if rep == nil {
			rep = make([]bool, n)
		}
		x.Indicators[ind.ID] = indicators.ExternalValues{Status: make([]indicators.Status, n), Values: make([]float64, n), Has: make([]bool, n), Reported: rep}
	}
	return ds, x, nil
}

// readNames names the units from the column the mapping gives.
func readNames(ctx context.Context, db Querier, m *sqlgen.Mapping, d sqlgen.Dialect, ds *dataset.Dataset) error {
	q := sqlgen.GenerateNames(m, d)
	if q == "" {
		return nil
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return diagnose(ctx, db, m, d, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, name sql.NullString
		if err := rows.Scan(&id, &name); err != nil {
			return msg.Errorf("读取单位名称（映射 units.name）时出错：%v", "reading the units' names (mapping units.name): %v", err)
		}
		if i, ok := ds.Index(id.String); ok && name.String != "" {
			ds.Units[i].Name = name.String
		}
	}
	if err := rows.Err(); err != nil {
		return diagnose(ctx, db, m, d, err)
	}
	return nil
}

// readResults reads every indicator's status and value at every unit. A
// row for a unit or indicator the figures did not list, a row given twice
// and a row missing are all errors: nothing is dropped or made up.
func readResults(ctx context.Context, db Querier, m *sqlgen.Mapping, d sqlgen.Dialect, q string, ds *dataset.Dataset, x *indicators.External) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return diagnose(ctx, db, m, d, err)
	}
	defer rows.Close()
	// The columns read are found by name: the SQL may give more.
	names, err := rows.Columns()
	if err != nil {
		return msg.Errorf("读取指标结果时出错：%v", "reading the indicators' results: %v", err)
	}
	var unit, ind, status sql.NullString
	var value sql.NullFloat64
	dest := make([]any, len(names))
	for k := range dest {
		dest[k] = new(any)
	}
	for k, want := range map[string]any{"unit_id": &unit, "indicator": &ind, "status": &status, "value": &value} {
		at := -1
		for j, n := range names {
			if n == k {
				at = j
			}
		}
		if at < 0 {
			return msg.Errorf("内部错误：SQL 的结果没有 %s 列", "internal error: the SQL's results have no column %s", k)
		}
		dest[at] = want
	}
	seen := map[string][]bool{}
	count := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return msg.Errorf("读取指标结果时出错：%v", "reading the indicators' results: %v", err)
		}
		i, ok := ds.Index(unit.String)
		v, known := x.Indicators[ind.String]
		if !ok || !known {
			return msg.Errorf("内部错误：结果中有未知的单位或指标（%s，%s）", "internal error: a result for an unknown unit or indicator (%s, %s)", unit.String, ind.String)
		}
		if seen[ind.String] == nil {
			seen[ind.String] = make([]bool, len(ds.Units))
		}
		st := indicators.Status(status.String)
		if seen[ind.String][i] || !st.Known() {
			return msg.Errorf("内部错误：%s 在 %s 的结果重复或状态 %q 未知", "internal error: the result of %s at %s is given twice or its status %q is unknown", ind.String, unit.String, status.String)
		}
		seen[ind.String][i] = true
		count++
		v.Status[i], v.Values[i], v.Has[i] = st, value.Float64, value.Valid
	}
	if err := rows.Err(); err != nil {
		return diagnose(ctx, db, m, d, err)
	}
	if want := len(ds.Units) * len(x.Indicators); count != want {
		return msg.Errorf("内部错误：SQL 给出 %d 个结果，应为 %d 个（每个单位的每个指标一个）", "internal error: the SQL gave %d results, not %d (one per unit and indicator)", count, want)
	}
	return nil
}

// diagnose finds which table or column of the mapping the database
// refused, by asking for each alone; err is the database's refusal of the
// whole query, returned as it is when every part alone is fine.
func diagnose(ctx context.Context, db Querier, m *sqlgen.Mapping, d sqlgen.Dialect, err error) error {
	if ctx.Err() != nil {
		return msg.Errorf("查询被中断：%v", "the query was interrupted: %v", ctx.Err())
	}
	for _, p := range sqlgen.Probes(m, d) {
		rows, perr := db.QueryContext(ctx, p.SQL)
		if perr == nil {
			for rows.Next() {
			}
			perr = rows.Err()
			rows.Close()
		}
		if perr != nil {
			return msg.Errorf("映射 %s（%v）：数据库拒绝：%v", "mapping %s (%v): the database refuses it: %v", p.Path, msg.New(p.What), perr)
		}
	}
	return msg.Errorf("数据库拒绝了生成的查询：%v", "the database refused the generated query: %v", err)
}

// orphans warns of the rows of each source that name no unit of the
// units table: the SQL leaves them out.
func orphans(ctx context.Context, db Querier, m *sqlgen.Mapping, d sqlgen.Dialect) ([]msg.Text, error) {
	var out []msg.Text
	for _, p := range sqlgen.Orphans(m, d) {
		var n int64
		var first sql.NullString
		rows, err := db.QueryContext(ctx, p.SQL)
		if err != nil {
			return nil, diagnose(ctx, db, m, d, err)
		}
		for rows.Next() {
			err = rows.Scan(&n, &first)
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return nil, diagnose(ctx, db, m, d, err)
		}
		if n == 0 {
			continue
		}
		which := first.String
		if !first.Valid {
			which = "NULL"
		}
		out = append(out, msg.T(
			fmt.Sprintf("映射 %s（%s）有 %d 行不属于单位表中的任何单位（如 %s），未计入", p.Path, p.What.ZH, n, which),
			fmt.Sprintf("mapping %s (%s): %d rows belong to no unit of the units table (such as %s) and are left out", p.Path, p.What.EN, n, which)))
	}
	return out, nil
}
