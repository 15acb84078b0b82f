#!/usr/bin/env bash
# Bounded memory: `eduplan check --format json` on a national CSV file of N
# schools (bench/national's country), for each N given, reporting the CPU
# seconds, the peak resident memory (/usr/bin/time -v), and the peak per row
# of the file, so that the bound can be read as a function of the rows:
# peak ≈ fixed + per-row × rows.
#
#   bench/bounded.sh                       # 250000 500000 1000000 schools
#   bench/bounded.sh 1000000
#   EDUPLAN=path/to/eduplan bench/bounded.sh   # another build, for a before/after
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250000 500000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "bounded.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

bin=${EDUPLAN:-}
if [ -z "$bin" ]; then
	go build -o "$work/eduplan" ./cmd/eduplan
	bin=$work/eduplan
fi
go build -o "$work/gennational" ./bench/cmd/gennational
"$work/gennational" -plan "$work/plan.json"

echo "| schools | rows | input | CPU s | peak RSS | bytes of peak per row | report |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
	"$work/gennational" -n "$n" -o "$work/data.csv"
	rows=$(($(wc -l <"$work/data.csv") - 1))
	st=0
	/usr/bin/time -v -o "$work/time.txt" "$bin" check --plan "$work/plan.json" \
		--format json -o "$work/out.json" "$work/data.csv" >/dev/null 2>"$work/err.txt" || st=$?
	if [ "$st" -gt 1 ]; then
		echo "bounded.sh: eduplan check failed ($st):" >&2
		cat "$work/err.txt" "$work/time.txt" >&2
		exit 1
	fi
	cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$work/time.txt")
	kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
	in=$(stat -c %s "$work/data.csv")
	out=$(stat -c %s "$work/out.json")
	awk -v n="$n" -v r="$rows" -v i="$in" -v c="$cpu" -v k="$kb" -v o="$out" 'BEGIN {
		printf "| %d | %d | %.1f MB | %s | %.0f MB | %.0f | %.1f MB |\n", n, r, i / 1e6, c, k / 1024, k * 1024 / r, o / 1e6 }'
	rm -f "$work/data.csv" "$work/out.json"
done
