#!/usr/bin/env bash
# Measures the pre-commit case: process start-up, config discovery, loading
# the embedded rule packs and linting one 5 KB draft, end to end, wall time.
# Usage: bash bench/startup.sh [RUNS]   (default 50 runs; prints min and median)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/attrlint" ./cmd/attrlint
# A 5 KB draft made from the project's own example story.
: > "$work/draft.md"
while [ "$(wc -c < "$work/draft.md")" -lt 5000 ]; do
  sed -n '/^# /,$p' testdata/example/council.md | grep -v '^```' >> "$work/draft.md"
done
head -c 5120 "$work/draft.md" > "$work/d.md" && mv "$work/d.md" "$work/draft.md"
cd "$work"
./attrlint check --color never draft.md > /dev/null || true   # warm the page cache
# usec sets t to the time in microseconds by bash's own clock (bash 5):
# $(date) forks and execs a process inside every timed interval, which
# added a millisecond or so to each figure.
usec() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    t=${EPOCHREALTIME/[.,]/}
  else
    t=$(( $(date +%s%N) / 1000 ))
  fi
}
times=()
for _ in $(seq "$runs"); do
  usec; t0=$t
  ./attrlint check --color never draft.md > /dev/null || true
  usec; t1=$t
  times+=($(( 10#$t1 - 10#$t0 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
printf 'draft: %d bytes, %d runs\n' "$(wc -c < draft.md)" "$n"
printf 'start-up + one draft: min %d.%03d ms, median %d.%03d ms\n' \
  $((sorted[0] / 1000)) $((sorted[0] % 1000)) $((sorted[n/2] / 1000)) $((sorted[n/2] % 1000))
