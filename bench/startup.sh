#!/usr/bin/env bash
# Measures the pre-commit case: process start-up, config discovery, loading
# the embedded rule packs and linting one 5 KB draft, end to end, wall time.
# Usage: bash bench/startup.sh [RUNS] [BINARY...]   (default 50 runs; prints
# min and median). With no BINARY it times a build of the working tree;
# given binaries (say, builds of two commits), it times each of them, in
# turns within every round, so that a machine busy for a while slows all
# of them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bins=()
if [ $# -eq 0 ]; then
  go build -o "$work/attrlint" ./cmd/attrlint
  bins=("$work/attrlint")
else
  for b in "$@"; do
    bins+=("$(cd "$(dirname "$b")" && pwd)/$(basename "$b")")
  done
fi
# A 5 KB draft made from the project's own example story.
: > "$work/draft.md"
while [ "$(wc -c < "$work/draft.md")" -lt 5000 ]; do
  sed -n '/^# /,$p' testdata/example/council.md | grep -v '^```' >> "$work/draft.md"
done
head -c 5120 "$work/draft.md" > "$work/d.md" && mv "$work/d.md" "$work/draft.md"
cd "$work"
for b in "${bins[@]}"; do
  "$b" check --color never draft.md > /dev/null || true   # warm the page cache
done
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
declare -A times
for _ in $(seq "$runs"); do
  for i in "${!bins[@]}"; do
    usec; t0=$t
    "${bins[$i]}" check --color never draft.md > /dev/null || true
    usec; t1=$t
    times[$i]+="$(( 10#$t1 - 10#$t0 )) "
  done
done
printf 'draft: %d bytes, %d runs\n' "$(wc -c < draft.md)" "$runs"
for i in "${!bins[@]}"; do
  sorted=($(printf '%s\n' ${times[$i]} | sort -n))
  n=${#sorted[@]}
  label=""
  if [ $# -gt 0 ]; then
    label="${bins[$i]}: "
  fi
  printf '%sstart-up + one draft: min %d.%03d ms, median %d.%03d ms\n' "$label" \
    $((sorted[0] / 1000)) $((sorted[0] % 1000)) $((sorted[n/2] / 1000)) $((sorted[n/2] % 1000))
done
