#!/usr/bin/env bash
# National benchmark: `eduplan check` on a synthetic country of N schools
# (nation → 31 provinces → cities → counties → schools, the seed plan's
# metrics; see bench/README.md), read → assess → write, for CSV in and CSV
# out and for JSON in and JSON out. For each size and format it reports the
# CPU seconds (user + system) and the peak resident memory from
# /usr/bin/time -v, the best of RUNS runs (default 3), and the bytes read
# and written. With BENCH=1 it then runs the in-process Go benchmarks
# (BenchmarkNational, BenchmarkNationalTen: the engine against a
# hand-written loop in the same run).
#
#   bench/national.sh                  # 10000 100000 500000 schools
#   bench/national.sh 10000 100000     # chosen sizes
#   RUNS=1 BENCH=1 bench/national.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 500000)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "national.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

go build -o "$work/eduplan" ./cmd/eduplan
go build -o "$work/gennational" ./bench/cmd/gennational
"$work/gennational" -plan "$work/plan.json"

# measure IN FORMAT: the best CPU time of $runs runs and the peak memory of
# that run, as "cpu_seconds peak_kB".
measure() {
	local in=$1 format=$2 best="" rss=""
	for ((r = 0; r < runs; r++)); do
		local st=0
		/usr/bin/time -v -o "$work/time.txt" "$work/eduplan" check --plan "$work/plan.json" \
			--format "$format" -o "$work/out.$format" "$in" >/dev/null 2>"$work/err.txt" || st=$?
		if [ "$st" -gt 1 ]; then
			echo "national.sh: eduplan check failed ($st):" >&2
			cat "$work/err.txt" "$work/time.txt" >&2
			exit 1
		fi
		local cpu kb
		cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$work/time.txt")
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
		if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN {exit !(a < b)}'; then
			best=$cpu rss=$kb
		fi
	done
	echo "$best $rss"
}

mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }

echo "| schools | format | input | CPU s (best of $runs) | peak RSS | report | µs CPU/school |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
	for format in csv json; do
		"$work/gennational" -n "$n" -o "$work/data.$format"
		read -r cpu kb < <(measure "$work/data.$format" "$format")
		in=$(stat -c %s "$work/data.$format")
		out=$(stat -c %s "$work/out.$format")
		per=$(awk -v c="$cpu" -v n="$n" 'BEGIN {printf "%.1f", c * 1e6 / n}')
		echo "| $n | $format | $(mb "$in") | $cpu | $(awk -v k="$kb" 'BEGIN {printf "%.0f MB", k / 1024}') | $(mb "$out") | $per |"
		rm -f "$work/data.$format" "$work/out.$format"
	done
done

if [ "${BENCH:-0}" = 1 ]; then
	echo
	EDUPLAN_NATIONAL_SIZES=$(IFS=,; echo "${sizes[*]}") go test -run '^$' -bench 'National' -benchtime "${BENCHTIME:-3x}" -count "${COUNT:-1}" ./bench/national/
fi
