#!/usr/bin/env bash
# Peak memory against corpus size: attrlint must hold a few files at a time
# (its report is streamed file by file), so peak RSS should stay flat as the
# corpus grows and follow the largest file instead.
# Generates (bench/corpus.sh) corpora of SMALL and LARGE drafts of 5-10 KB,
# each full of findings, and one file of BIG_MB megabytes, and prints
# attrlint's peak RSS (GNU time) on each, every default rule on, JSON output.
# Usage: bash bench/memory.sh [SMALL] [LARGE] [BIG_MB]   (default 2000 20000 50)
# ATTRLINT=path/to/binary measures that build instead of this checkout.
set -euo pipefail
small=${1:-2000}
large=${2:-20000}
big_mb=${3:-50}
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "bench/memory.sh needs GNU time (apt-get install time)" >&2; exit 2; }
if [ -n "${ATTRLINT:-}" ]; then cp "$ATTRLINT" "$work/attrlint"; else (cd "$root" && go build -o "$work/attrlint" ./cmd/attrlint); fi
bash "$root/bench/corpus.sh" "$work/small" "$small" "$big_mb" > /dev/null
bash "$root/bench/corpus.sh" "$work/large" "$large" 1 > /dev/null

peak() { # label, then the arguments of attrlint check
  local label=$1; shift
  local stats
  /usr/bin/time -o "$work/time" -f '%M %e' "$work/attrlint" check --format json --max-file-size 1G "$@" > "$work/out.json" 2> /dev/null || true
  stats=$(tail -1 "$work/time")
  local mb findings
  mb=$(du -sm "$@" | awk '{s += $1} END {print s}')
  findings=$(grep -c '"rule":' "$work/out.json" || true)
  printf '%-28s %6s MB input %8s findings   peak RSS %6.1f MB   %5s s\n' \
    "$label" "$mb" "$findings" "$(echo "${stats% *}" | awk '{print $1/1024}')" "${stats#* }"
}
cd "$work"
peak "$small drafts" small/drafts
peak "$large drafts" large/drafts
peak "one ${big_mb} MB file" small/big/archive.md
