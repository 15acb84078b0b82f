package main

import (
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/sqlgen"
)

var sqlHelp = cmdHelp{
	usage: "eduplan sql --dialect duckdb|postgres|spark --mapping MAPPING.json [--plan PLAN.json] [--parent-figures own|sum] [--rules] [-o FILE]",
	about: [2]string{
		`把计划的全部指标编译成 SQL，在数据所在的数据库中计算：每个单位的每个指标的值、状态、
目标和差距，与 eduplan check 的结果一致。上级的数据由下级逐级加总（先加总再相除，不平均比率），
分母为零记为无法计算，缺数据与零分开。映射文件说明单位表（id、parent、level、kind）和各数据项所在的表与列。`,
		`Compile every indicator of the plan into SQL that runs where the figures are: each
indicator's value, status, target and gap at every unit, as eduplan check reports them.
Figures are summed up the hierarchy (a ratio of sums, never an average of ratios), a zero
denominator is not computable, and missing is kept apart from zero. The mapping names the
units table (id, parent, level, kind) and the table and column of each metric.`,
	},
	sections: [][2]string{
		{"DuckDB 和 PostgreSQL 的 SQL 经过实测；Spark SQL 只与参考文件比对，尚未实际运行。",
			"The DuckDB and PostgreSQL SQL is tested against a running engine; Spark SQL is checked against reference files only, not run."},
		{"逐生数据（每个学生一行，如体质健康测试成绩）在映射中用 count：\"*\" 计一所学校的行数，列名计该列为真的行数；先按学校计数，再逐级加总（见 examples/pupils）。",
			"Pupil-level data (one row per pupil, such as fitness-test results) is mapped with count: \"*\" counts a school's rows, a column name the rows where that column is true; counted per school, then summed up the hierarchy (see examples/pupils)."},
		{"个别单位另设的目标（unit_targets）按单位编号或名称（映射的 units.name）适用；名称对应多个单位等 eduplan check 会拒绝的情形，相关行的状态为 target_conflict。--rules 输出校验规则的 SQL（每个单位、每条规则一行）。sources 中注明 level 为计划最低层级的表，其数据项用 GROUP BY ROLLUP 一次汇总到各层级。",
			"Per-unit targets (unit_targets) apply by unit id, or by name with the mapping's units.name; where eduplan check would refuse them (a name several units have), the rows concerned have the status target_conflict. --rules prints the SQL of the validation rules (a row per unit and rule). A source whose level is the plan's lowest has its metrics summed to every level at once with GROUP BY ROLLUP."},
		{"退出状态：0 成功；2 用法错误，或计划、映射、指标无法翻译（逐条列出）。",
			"Exit status: 0 success; 2 a usage error, or the plan, the mapping or an indicator cannot be translated (each named)."},
	},
	examples: []example{
		{"eduplan sql --dialect duckdb --mapping examples/sql/sample-mapping.json", "", ""},
		{"eduplan sql --dialect postgres --plan examples/pupils/plan.json --mapping examples/pupils/mapping.json", "", ""},
		{"eduplan sql --dialect postgres --rules --mapping examples/sql/sample-mapping.json", "计划的校验规则", "the plan's validation rules"},
	},
}

func runSQL(e *env, args []string) int {
	fs := e.newFlags("sql")
	dialect := fs.String("dialect", "", e.t("SQL 方言："+strings.Join(sqlgen.DialectNames(), "、"), "SQL dialect: "+strings.Join(sqlgen.DialectNames(), ", ")))
	mapping := fs.String("mapping", "", e.t("映射文件（JSON）：单位表和各数据项所在的表与列", "mapping file (JSON): the units table and where each metric is"))
	planFile := fs.String("plan", "", e.t("计划文件（JSON）；默认为内置计划", "plan file (JSON); the embedded plan by default"))
	out := fs.String("o", "", e.t("写入文件（整体写入）；默认标准输出", "write to this file (whole or not at all); standard output by default"))
	rules := fs.Bool("rules", false, e.t("改为输出检查计划校验规则（validation_rules）的 SQL：每个单位、每条规则一行", "print instead the SQL checking the plan's validation rules: a row per unit and rule"))
	parentFigures := fs.String("parent-figures", "own", e.t(
		"上级单位自己填报的数据与下属单位合计不一致时采用哪一个：own（本单位填报）或 sum（下属单位合计），与 eduplan check 相同",
		"where a parent unit's own figure differs from the sum of its units below, which to use: own or sum, as in eduplan check"))
	pos, code, done := e.parse(fs, sqlHelp, args)
	if done {
		return code
	}
	if len(pos) != 0 {
		return e.usageError("sql", e.t("sql 不接受文件参数：用 --mapping 和 --plan", "sql takes no file arguments: use --mapping and --plan"))
	}
	d, ok := sqlgen.LookupDialect(*dialect)
	if !ok {
		return e.usageError("sql", e.t("--dialect 应为 "+strings.Join(sqlgen.DialectNames(), "、"), "--dialect must be one of "+strings.Join(sqlgen.DialectNames(), ", ")))
	}
	parent, err := indicators.ParseParentFigures(*parentFigures)
	if err != nil {
		return e.usageError("sql", e.say(err))
	}
	m, code := e.readMapping("sql", *mapping)
	if m == nil {
		return code
	}
	l, code := e.loadPlan("sql", *planFile)
	if l == nil {
		return code
	}
	if code := e.refused("sql", l); code != 0 {
		return code
	}
	opt := sqlgen.Options{ParentFigures: parent}
	gen := sqlgen.GenerateWith
	if *rules {
		if len(l.cat.Rules()) == 0 {
			return e.inputError("sql", e.t("计划没有校验规则（validation_rules）", "the plan has no validation rules (validation_rules)"), "")
		}
		gen = sqlgen.GenerateRules
	}
	q, err := gen(l.cat, m, d, opt)
	if err != nil {
		return e.inputError("sql", *mapping+": "+e.say(err), "")
	}
	return e.emit("sql", *out, []byte(q))
}
