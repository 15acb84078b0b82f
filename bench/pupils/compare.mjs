// Holds the generated SQL's rows (CSV from duckdb.mjs) to eduplan check's
// report of the same year counted per school (--format jsonl): every result
// the SQL computes for a unit the plan applies to must be in the report
// with the same status, whether it is for reference, and the value within
// one part in a billion. Prints "yes N" (N results compared) or "NO" and
// the first differences. Arguments: the SQL's CSV file, the JSON Lines.
import { readFileSync } from 'node:fs';

const [sqlFile, goFile] = process.argv.slice(2);
const go = new Map();
for (const line of readFileSync(goFile, 'utf8').split('\n')) {
	if (!line) continue;
	const r = JSON.parse(line);
	go.set(r.unit.id + '\t' + r.indicator, r);
}
const lines = readFileSync(sqlFile, 'utf8').split('\n').filter((l) => l);
const head = lines[0].split(',');
const col = (name) => head.indexOf(name);
const [u, ind, st, val, ref] = ['unit_id', 'indicator', 'status', 'value', 'reference'].map(col);
const bad = [];
let n = 0;
for (const line of lines.slice(1)) {
	// The ids and statuses hold no commas; the target text is not read.
	const f = line.split(',');
	if (f[st] === 'not_applicable') continue;
	n++;
	const key = f[u] + '\t' + f[ind];
	const g = go.get(key);
	const why = !g ? 'not in the report'
		: g.status !== f[st] ? `status ${f[st]} vs ${g.status}`
		: String(Boolean(g.reference)) !== f[ref] ? `reference ${f[ref]} vs ${Boolean(g.reference)}`
		: (g.value == null) !== (f[val] === '') ? `value ${f[val]} vs ${g.value}`
		: g.value != null && Math.abs(g.value - Number(f[val])) > 1e-9 * Math.max(1, Math.abs(g.value)) ? `value ${f[val]} vs ${g.value}`
		: '';
	if (why) bad.push(key + ': ' + why);
}
if (n !== go.size) bad.push(`${n} results from SQL, ${go.size} in the report`);
console.log(bad.length ? 'NO ' + bad.slice(0, 5).join('; ') : 'yes ' + n);
