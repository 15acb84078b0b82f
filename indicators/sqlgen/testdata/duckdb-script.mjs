// Runs a setup script, then a query, in an in-memory DuckDB and prints the
// query's rows as CSV (indicators/sqlgen's pupil-level test; node,
// @duckdb/node-api). Arguments: the setup SQL file, the query SQL file.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const [setup, query] = process.argv.slice(-2).map((f) => readFileSync(f, 'utf8'));
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(setup);
const r = await c.runAndReadAll(query);
const esc = v => v === null ? '' : (typeof v === 'string' && /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : String(v));
console.log(r.columnNames().join(','));
for (const row of r.getRows()) console.log(row.map(esc).join(','));
