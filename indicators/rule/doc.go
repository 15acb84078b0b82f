// Package rule is the language of indicator formulas and targets: a front
// end that reads what a plan's editor writes, Chinese and full-width forms
// included, and a columnar evaluator that computes a compiled formula for
// hundreds of thousands of units in one pass.
//
// # Targets
//
// A target is written the way the plan writes it. ParseTarget accepts
// symbols and the plan's own words:
//
//	>= 99%   ≥99%   <= 5%   > 98%   = 100%   ≠ 0   3-4   3～4   3至4
//	达99%以上   95%以上   达85%   达到90%   控制在5%以内   不超过45人
//	超5万人次   超过98%   不超过10个百分点   力争达85%   确保100%   全部
//
// Every accepted phrasing is a row of Vocabulary, with its meaning, an English
// gloss, where it comes from and an example; the parser is built from those
// rows, so the table shown to users is the behaviour. A percent is held as a
// fraction (99% is 0.99) and its gaps are in percentage points; 个百分点 and
// pp state a gap in points (10pp is 0.10); 万 and 亿 multiply; a counter word
// after a number (个 所 人 人次 项 …) is kept for display and otherwise
// ignored. X以上 and X以下 include X, as in Chinese statistics; X左右 (about X)
// is X ± 5% of X; a bare figure (入学率100%) is a level. 力争 and 争创 mark a
// target aspirational, 确保 binding. Words outside the table are an error
// that names them: 无法理解的目标用语 “左右吧”; words real plans use that cannot
// be read soundly (大体相当, 分别, 逐年) are refused with the reason.
//
// ParseTarget reads the words alone, and a bare figure as "at least".
// ParseTargetFor reads a target against its indicator's TargetContext:
// Direction (higher or lower is better) gives a bare figure its comparator
// (生师比 17 is ≤ 17; with no direction it is an error saying what to
// declare) and makes ranges and X左右 one-sided, so over-achieving is met;
// Unit reads the number in the indicator's unit (99 on a percent is 99%; a %
// on a count is an error); the warnings it returns flag a word against the
// declared direction. ReadClause reads a target out of a plan's sentence,
// passing over a subject that cannot change the reading.
//
// # Formulas
//
// A formula is an expr-lang expression (github.com/expr-lang/expr) over
// metric and indicator names, which a Resolver maps to ids:
//
//	在园幼儿数 / 适龄人口
//	在园幼儿数 / 适龄人口 >= 99%
//	(达标学校数 + 0.5 * 部分达标学校数) / 学校数
//	spread(入学率) <= 10个百分点
//	share(入学率 >= 95%) >= 80%
//	a > 0 ? b / a : 0
//	a ?? 0
//
// Before expr parses it, the front end rewrites the user's text: 99% becomes
// 0.99 and 10pp or 10个百分点 becomes 0.10 (% anywhere else is an error: there
// is no modulo); ≥ ≤ ≠, a single =, full-width digits, operators and
// parentheses (（ ） ＋ － × ÷ ＞ ＜ ＝ ，) and the ideographic space become
// their ASCII forms. Comments, strings, member access, arrays and expr's
// collection built-ins are not part of the language.
//
// Operators: + - * / and ** or ^ (power); < <= > >= == != ; && || ! (also
// and, or, not); c ? x : y; x ?? y (y when x is missing). Functions: abs(x),
// min(x, y, …) and max(x, y, …) with two or more arguments, count(c1, c2, …)
// of two conditions or more (how many hold on the unit itself), and the
// aggregates over the child units of the unit assessed, each with one
// argument evaluated on every child:
//
//	sum/合计   mean/平均   min/最小   max/最大   spread/极差 (max − min)
//	cv/差异系数 (population standard deviation / mean; cv(x, w) weighs
//	             each child by w, as 教督〔2017〕6号 weighs schools by pupils)
//	share/占比 (share of children meeting a condition)   count/个数
//
// AggregateDocs gives each one's exact formula and what missing or
// uncomputable children do; Aggregate.Definition the text for one.
//
// Aggregates cannot be nested. Errors (*Error) give the line and column in
// characters of what the user wrote, not of the rewritten expression, with
// the line quoted and carets under the characters concerned. Error says it
// in both languages, In(lang) in one (msg.In(err, "en") finds it):
//
//	1:9: unknown metric or indicator "适龄人囗"
//	 | 在园幼儿数 / 适龄人囗
//	 | .............^^^^^^^^
//
// Limits bound the length, node count and nesting of a formula, so that a
// hostile plan cannot exhaust a machine or a browser tab. The compiler
// counts the nodes itself, the same way whichever parser read the text.
//
// # Two parsers
//
// Native builds parse the rewritten text with expr's parser, the product's
// parser of record. The browser page (GOOS=js) parses it with this
// package's own recursive-descent parser (parse_own.go), because expr's
// parser brings its built-ins, runtime and type checker into the page's
// WebAssembly through reflection: some 409 KB gzipped, a fifth of the page.
// Both parsers hand the compiler the same small syntax tree (syntax.go), so
// everything after parsing is shared. They are kept equal by test, not by
// trust: a differential test runs both over every formula, target and rule
// in the repository (this package's tests and testdata, the seeds' and
// examples' plans, the bad-input catalogue) and tens of thousands of random
// token strings, broken ones included, and requires the same tree (kinds,
// operators, values, locations) or the same error; FuzzParsersAgree keeps
// searching. The own parser need only read what the front end writes
// (no strings, comments, member access, brackets or lone =, & or |), which
// is why it is small. Upgrading expr means running both again.
//
// # Evaluation
//
// A Program is compiled once and evaluated over columns: Eval takes one
// Vector (values and a State per unit) for each of Program.Vars and one for
// each of Program.Aggregates, already reduced per unit with Aggregate.Reduce
// (ReduceWeighted for a weighted cv) over that unit's children (whose
// figures Aggregate.Arg and Aggregate.Weight evaluate). States
// carry what a figure is worth: a Missing input makes the result Missing
// (missing is not zero), a zero denominator, NaN or ±Inf makes it Undefined
// (not computable) and never reaches a comparison, and Skip marks a unit an
// aggregate ignores. Units are evaluated 1024 at a time, so the temporaries
// do not grow with the number of units.
//
// # Rules
//
// CompileRule reads a formula and a target written together, as in the "try
// a rule" box of the browser page: 在园幼儿数 / 适龄人口 >= 99%, or
// 择校生数/在校生数 控制在5%以内. Without a target the text is a formula (a
// value to compute, or a condition).
package rule
