// A stand-in for DuckDB's command-line client, `duckdb -csv [FILE] <
// script.sql`, where only the library is installed (npm's @duckdb/node-api
// in the folder EDUPLAN_DUCKDB names): it runs the statements read from
// stdin, in the working folder, on the database FILE (in memory without
// one), and prints the rows of the last statement as CSV, header first.
// On stderr it says how long the last statement took, so that a benchmark
// can tell the query from node's start and the writing of the rows.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const lib = process.env.EDUPLAN_DUCKDB;
if (!lib) {
	console.error('duckdb.mjs: EDUPLAN_DUCKDB must name a folder where npm install @duckdb/node-api was run');
	process.exit(2);
}
const { DuckDBInstance } = createRequire(join(lib, 'package.json'))('@duckdb/node-api');
// Flags (-csv) are the client's: the output here is always CSV.
const file = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? ':memory:';
const db = await DuckDBInstance.create(file);
const c = await db.connect();
const stmts = await c.extractStatements(readFileSync(0, 'utf8'));
let r;
let ms = 0;
for (let i = 0; i < stmts.count; i++) {
	const p = await stmts.prepare(i);
	const t = performance.now();
	r = await p.runAndReadAll();
	ms = performance.now() - t;
}
const esc = (v) => (v === null ? '' : typeof v === 'string' && /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : String(v));
if (r) {
	let out = r.columnNames().join(',') + '\n';
	for (const row of r.getRows()) {
		out += row.map(esc).join(',') + '\n';
		if (out.length > 1 << 20) {
			process.stdout.write(out);
			out = '';
		}
	}
	process.stdout.write(out);
}
console.error(`duckdb.mjs: last statement ${(ms / 1000).toFixed(2)} s`);
