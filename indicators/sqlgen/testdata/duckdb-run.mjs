// Runs the generated SQL in DuckDB over the example's CSV files and prints
// its rows as CSV (indicators/sqlgen's DuckDB test; node, @duckdb/node-api).
// Arguments: the folder of units.csv and figures.csv, the SQL file.
// To measure the query alone, EDUPLAN_DUCKDB_PROFILE names a file for
// DuckDB's JSON profile of it (the loading left out), and
// EDUPLAN_DUCKDB_THREADS sets DuckDB's threads: its profiler times each
// thread by the wall clock, so on a machine others share, one thread is
// what keeps the figures comparable.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const [dir, sqlFile] = process.argv.slice(-2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const threads = process.env.EDUPLAN_DUCKDB_THREADS;
if (threads) {
  if (!/^[1-9][0-9]*$/.test(threads)) throw new Error(`EDUPLAN_DUCKDB_THREADS: not a number of threads: ${threads}`);
  await c.run(`SET threads = ${threads}`);
}
await c.run(`CREATE TABLE units AS SELECT * FROM read_csv('${dir}/units.csv', header=true, all_varchar=true)`);
await c.run(`CREATE TABLE figures AS SELECT * FROM read_csv('${dir}/figures.csv', header=true, types={'unit':'VARCHAR'})`);
const profile = process.env.EDUPLAN_DUCKDB_PROFILE;
if (profile) {
  await c.run(`PRAGMA enable_profiling = 'json'`);
  await c.run(`PRAGMA profiling_output = '${profile.replaceAll("'", "''")}'`);
}
const r = await c.runAndReadAll(readFileSync(sqlFile, 'utf8'));
const rows = r.getRows();
const esc = v => v === null ? '' : (typeof v === 'string' && /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : String(v));
console.log(r.columnNames().join(','));
for (const row of rows) console.log(row.map(esc).join(','));
