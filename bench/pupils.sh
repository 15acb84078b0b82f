#!/usr/bin/env bash
# The pupil-level benchmark (issue 15): the fitness pass and excellent
# rates of examples/pupils/plan.json, and the pupil-weighted coefficient of
# variation of the pass rate between schools, per school, district and city
# over N generated pupil rows (1,000 pupils a school, 100 schools a
# district), computed two ways:
#
#   SQL  the SQL `eduplan sql --dialect duckdb` writes for the example's
#        mapping, run in DuckDB (npm's @duckdb/node-api, in the folder
#        EDUPLAN_DUCKDB names) over the pupils loaded into a DuckDB file;
#   Go   the pupils counted per school in DuckDB (a GROUP BY,
#        bench/pupils/schools.duckdb.sql, written as CSV), then `eduplan
#        check` over that file.
#
# Both must give the same results (bench/pupils/compare.mjs). Wall and CPU
# seconds and peak memory from /usr/bin/time -v; best wall time of RUNS
# runs (default 1) for the SQL and the check; generating and loading run
# once. Not run by CI. A 100 M row file takes 3.5 GB (deleted once loaded)
# and its DuckDB file about 0.5 GB: WORK names a folder with room (default
# a new temporary folder, deleted at the end).
#
#   EDUPLAN_DUCKDB=... bench/pupils.sh                 # 10 M and 100 M
#   EDUPLAN_DUCKDB=... RUNS=3 bench/pupils.sh 10000000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
: "${EDUPLAN_DUCKDB:?name the folder where npm install @duckdb/node-api was run}"
export EDUPLAN_DUCKDB
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000000 100000000)
runs=${RUNS:-1}
if [ -n "${WORK:-}" ]; then
	work=$WORK
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
go build -o "$work/genpupils" ./bench/cmd/genpupils
go build -o "$work/eduplan" ./cmd/eduplan
ex=$PWD/examples/pupils
"$work/eduplan" sql --plan "$ex/plan.json" --dialect duckdb --mapping "$ex/mapping.json" -o "$work/pupils.sql"

# measure NAME CMD...: runs CMD (stdin and stdout as the caller set them);
# leaves "wall cpu peak_MB" of the run in $work/NAME.m.
measure() {
	local name=$1
	shift
	/usr/bin/time -v -o "$work/$name.time" "$@"
	awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i]}
		/User time/ {u = $2} /System time/ {s = $2} /Maximum resident set size/ {m = $2}
		END {printf "%.2f %.2f %d\n", w, u + s, m / 1024}' "$work/$name.time" >"$work/$name.m"
}

# best NAME CMD...: measure, $runs times, keeping the run with the least
# wall time in $work/NAME.m.
best() {
	local name=$1
	shift
	for ((r = 0; r < runs; r++)); do
		measure "$name.try" "$@"
		if [ "$r" = 0 ] || awk -v a="$(cut -d' ' -f1 "$work/$name.try.m")" -v b="$(cut -d' ' -f1 "$work/$name.m")" 'BEGIN {exit !(a < b)}'; then
			mv "$work/$name.try.m" "$work/$name.m"
		fi
	done
}

row() { read -r w c m <"$work/$1.m"; echo "$w s | $c s | $m MB"; }

echo "| pupil rows | schools | step | wall | CPU | peak memory |"
echo "| ---: | ---: | --- | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
	schools=$((n / 1000 > 0 ? n / 1000 : 1))
	districts=$((schools / 100 > 0 ? schools / 100 : 1))
	d="$work/$n"
	mkdir -p "$d"
	measure gen "$work/genpupils" -pupils "$n" -schools "$schools" -districts "$districts" -o "$d"
	(cd "$d" && measure load node "$here/pupils/duckdb.mjs" pupils.duckdb <"$ex/load.duckdb.sql" >/dev/null 2>"$work/load.log")
	rm -f "$d/pupils.csv"
	# Through sh, so that each run reads the SQL afresh.
	(cd "$d" && best sql sh -c 'exec node "$1" pupils.duckdb <"$2" >"$3" 2>>"$4"' sh "$here/pupils/duckdb.mjs" "$work/pupils.sql" "$d/sql.csv" "$work/sql.log")
	query=$(sed -n 's/.*last statement \(.*\) s/\1/p' "$work/sql.log" | sort -n | head -1)
	rm -f "$work/sql.log"
	(cd "$d" && best count sh -c 'exec node "$1" pupils.duckdb <"$2" >"$3" 2>/dev/null' sh "$here/pupils/duckdb.mjs" "$here/pupils/schools.duckdb.sql" "$d/counted.csv")
	best check "$work/eduplan" check --plan "$ex/plan.json" --fail-on none --format csv -o "$d/go.csv" "$d/counted.csv" 2>/dev/null
	"$work/eduplan" check --plan "$ex/plan.json" --fail-on none --format jsonl -o "$d/go.jsonl" "$d/counted.csv" 2>/dev/null
	same=$(node "$here/pupils/compare.mjs" "$d/sql.csv" "$d/go.jsonl")
	echo "| $n | $schools | generate the pupils and the schools (CSV) | $(row gen) |"
	echo "| $n | $schools | DuckDB: load the pupils CSV into a DuckDB file | $(row load) |"
	echo "| $n | $schools | DuckDB: the generated SQL over the pupils (the query alone: $query s) | $(row sql) |"
	echo "| $n | $schools | DuckDB: count the pupils per school (CSV out) | $(row count) |"
	echo "| $n | $schools | eduplan check over those schools (CSV out) | $(row check) |"
	echo "| $n | $schools | same results: $same | | | |"
	rm -rf "$d"
done
