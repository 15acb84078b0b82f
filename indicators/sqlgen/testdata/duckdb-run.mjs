// Runs the generated SQL in DuckDB over the example's CSV files and prints
// its rows as CSV (indicators/sqlgen's DuckDB test; node, @duckdb/node-api).
// Arguments: the folder of units.csv and figures.csv, the SQL file.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const [dir, sqlFile] = process.argv.slice(-2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(`CREATE TABLE units AS SELECT * FROM read_csv('${dir}/units.csv', header=true, all_varchar=true)`);
await c.run(`CREATE TABLE figures AS SELECT * FROM read_csv('${dir}/figures.csv', header=true, types={'unit':'VARCHAR'})`);
const r = await c.runAndReadAll(readFileSync(sqlFile, 'utf8'));
const rows = r.getRows();
const esc = v => v === null ? '' : (typeof v === 'string' && /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : String(v));
console.log(r.columnNames().join(','));
for (const row of rows) console.log(row.map(esc).join(','));
