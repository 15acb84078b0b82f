#!/usr/bin/env bash
# eduplan against DuckDB on the national benchmark's ten indicators: the
# same CSV file, read and evaluated by `tencheck` (eduplan's engine) and by
# compare.mjs (DuckDB, one thread); both must give the same statuses. CPU
# seconds and peak memory from /usr/bin/time -v, best of RUNS (default 3).
# Needs node and `npm install` in this folder first (see bench/README.md).
#
#   bench/duckdb/run.sh                 # 10000 100000 500000 schools
#   bench/duckdb/run.sh 10000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
[ -d "$here/node_modules/@duckdb/node-api" ] || { echo "run.sh: run npm install in bench/duckdb first" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 500000)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gennational" ./bench/cmd/gennational
go build -o "$work/tencheck" ./bench/cmd/tencheck
"$work/tencheck" -spec >"$work/spec.json"

# best NAME CMD...: runs CMD $runs times, its stdout to $work/NAME.json;
# prints "cpu_seconds peak_MB" of the fastest run.
best() {
	local name=$1 b="" m=""
	shift
	for ((r = 0; r < runs; r++)); do
		/usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$name.json" 2>>"$work/$name.log"
		local cpu kb
		cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$work/time.txt")
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
		if [ -z "$b" ] || awk -v a="$cpu" -v c="$b" 'BEGIN {exit !(a < c)}'; then b=$cpu m=$((kb / 1024)); fi
	done
	echo "$b $m"
}

echo "| schools | eduplan CPU s | eduplan peak | DuckDB CPU s | DuckDB peak | DuckDB / eduplan | same statuses |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for n in "${sizes[@]}"; do
	"$work/gennational" -n "$n" -o "$work/data.csv"
	read -r gc gm < <(best go "$work/tencheck" "$work/data.csv")
	read -r dc dm < <(best duck node "$here/compare.mjs" "$work/data.csv" "$work/spec.json")
	same=$(node -e 'const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
		const k = (o) => JSON.stringify(Object.keys(o).sort().map((i) => [i, Object.keys(o[i]).sort().map((s) => [s, o[i][s]])]));
		console.log(k(a) === k(b) ? "yes" : "NO")' "$work/go.json" "$work/duck.json")
	ratio=$(awk -v d="$dc" -v g="$gc" 'BEGIN {printf "%.2f", d / g}')
	echo "| $n | $gc | ${gm} MB | $dc | ${dm} MB | $ratio | $same |"
	rm -f "$work/data.csv"
done
