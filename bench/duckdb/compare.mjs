// The national benchmark's ten indicators computed by DuckDB (one thread)
// from the same CSV file eduplan reads: each a ratio of two counts the
// schools report, summed up the tree to every unit above them, compared
// with its bound, with eduplan's rules for missing figures, zero
// denominators and shares above 100%. It prints the count of each status
// per indicator as JSON, the same shape as `tencheck`, so that run.sh can
// check that both computed the same statuses.
//
//   node compare.mjs DATA.csv SPEC.json        (SPEC from `tencheck -spec`)
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, specFile] = process.argv.slice(2);
const specs = JSON.parse(readFileSync(specFile, 'utf8'));

// The words eduplan's CSV writer uses for levels and kinds (dataset.WriteCSV).
const levels = { 国家: 'nation', 省: 'province', 市: 'city', 区县: 'district', 学校: 'school' };
const kinds = {
  幼儿园: 'kindergarten', 小学: 'primary', 初中: 'junior', 九年一贯制学校: 'nine_year', 完全中学: 'complete_second',
  普通高中: 'senior', 中等职业学校: 'vocational', 特殊教育学校: 'special',
};
const q = (s) => "'" + String(s).replaceAll("'", "''") + "'";
const col = (s) => '"' + String(s).replaceAll('"', '""') + '"';
const list = (xs) => '(' + xs.map(q).join(', ') + ')';
const caseOf = (c, m) => 'CASE ' + c + ' ' + Object.entries(m).map(([k, v]) => `WHEN ${q(k)} THEN ${q(v)}`).join(' ') + ' END';

const start = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const con = await db.connect();
const metrics = [...new Set(specs.flatMap((s) => [s.num_header, s.den_header]))];
await con.run(`CREATE TABLE d AS SELECT "单位代码" AS id, ${caseOf('"层级"', levels)} AS level,
  ${caseOf('"学校类型"', kinds)} AS kind, "上级单位" AS parent,
  ${metrics.map((m, i) => `CAST(${col(m)} AS DOUBLE) AS m${i}`).join(', ')}
  FROM read_csv(${q(csv)}, header = true, types = {"单位代码": "VARCHAR", "上级单位": "VARCHAR"})`);
const read = performance.now();

// Every unit with itself and each unit above it; a school's figures count
// for each.
const m = (h) => 'm' + metrics.indexOf(h);
const sums = specs.map((s, k) => {
  const rep = `d.level = 'school' AND d.kind IN ${list(s.report_kinds)}`;
  return `SUM(d.${m(s.num_header)}) FILTER (WHERE ${rep}) AS n${k}, SUM(d.${m(s.den_header)}) FILTER (WHERE ${rep}) AS d${k},
    COUNT(*) FILTER (WHERE ${rep} AND (d.${m(s.num_header)} IS NULL OR d.${m(s.den_header)} IS NULL)) AS x${k}`;
});
const status = specs.map((s, k) => {
  const applies = [];
  if (s.levels && s.levels.length) applies.push(`u.level IN ${list(s.levels)}`);
  if (s.kinds && s.kinds.length) applies.push(`(u.level <> 'school' OR u.kind IN ${list(s.kinds)})`);
  const r = `(t.n${k} / t.d${k})`;
  const tol = `1e-9 * greatest(1, abs(${r}), ${Math.abs(s.bound)})`;
  const met = { '>=': `${r} >= ${s.bound} - ${tol}`, '<=': `${r} <= ${s.bound} + ${tol}`, '>': `${r} > ${s.bound} + ${tol}` }[s.op];
  if (!met) throw new Error('unsupported comparison ' + s.op);
  return `CASE WHEN NOT (${applies.join(' AND ') || 'true'}) THEN 'not_applicable'
    WHEN t.n${k} IS NULL OR t.d${k} IS NULL OR t.x${k} > 0 THEN 'no_data'
    WHEN t.d${k} = 0 OR ${r} > 1 + 1e-9 THEN 'not_computable'
    WHEN ${met} THEN 'met' ELSE 'not_met' END AS s${k}`;
});
await con.run(`CREATE TABLE st AS
  WITH RECURSIVE up(id, anc) AS (
    SELECT id, id FROM d
    UNION ALL SELECT up.id, p.parent FROM up JOIN d p ON p.id = up.anc WHERE p.parent IS NOT NULL),
  t AS (SELECT up.anc AS id, ${sums.join(', ')} FROM up JOIN d ON d.id = up.id GROUP BY up.anc)
  SELECT u.id, ${status.join(', ')} FROM d u LEFT JOIN t ON t.id = u.id`);
const counts = {};
for (const [k, s] of specs.entries()) {
  const rows = (await con.runAndReadAll(`SELECT s${k}, COUNT(*) FROM st GROUP BY 1`)).getRows();
  counts[s.id] = Object.fromEntries(rows.map(([st, n]) => [st, Number(n)]));
}
const done = performance.now();
process.stderr.write(`duckdb: read ${((read - start) / 1000).toFixed(3)} s, evaluate ${((done - read) / 1000).toFixed(3)} s, total ${((done - start) / 1000).toFixed(3)} s (wall, 1 thread)\n`);
process.stdout.write(JSON.stringify(counts) + '\n');
