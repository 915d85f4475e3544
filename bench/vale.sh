#!/usr/bin/env bash
# attrlint side by side with Vale, the prose linter newsrooms already know,
# on the same generated files in the same run.
#
#   1. builds attrlint and generates the corpus with bench/corpus.sh (DRAFTS
#      drafts of 5-10 KB from the project's own fixtures, and one BIG_MB file);
#   2. installs Vale v3.21.0 from the Go module proxy into a temporary GOBIN
#      (set VALE=/path/to/vale to use a binary you already have);
#   3. writes a Vale style that does what Vale can of attrlint's job: an
#      `existence` rule over anonymous-source and vague-attribution phrases
#      (its nouns and cues taken from rules/sourcing.yaml) and a raw regexp
#      over quotations of four or more words;
#   4. times both on the corpus (wall time, MB/s, files/s, peak RSS from
#      /usr/bin/time -v) and prints the ratio; then one 5 KB draft end to end
#      (hyperfine when installed, else the min and median of RUNS runs); then
#      the BIG_MB file alone (Vale with a time limit of VALE_BIG_TIMEOUT
#      seconds, default 600);
#   5. in the same run, the floors the design card sets (bench/floor): the
#      time to start a Go program that does nothing, and one that links only
#      the card's libraries (goldmark, x/net/html, yaml, color, doublestar)
#      and exits, beside one draft; goldmark alone parsing the corpus's
#      Markdown, beside the corpus. No attrlint built to the card can be
#      faster than these.
#
# attrlint runs with every default rule on and the default -j (all CPUs);
# Vale with its own default concurrency. Both write their full reports to
# files, so that output is paid for, not skipped.
# Usage: bash bench/vale.sh [DRAFTS] [BIG_MB] [RUNS]   (default 2000 50 30)
set -euo pipefail
cd "$(dirname "$0")/.."
drafts=${1:-2000}
big_mb=${2:-50}
runs=${3:-30}
timeout_big=${VALE_BIG_TIMEOUT:-600}

if [ ! -x /usr/bin/time ]; then
  echo "bench/vale.sh: /usr/bin/time is missing (peak RSS comes from time -v): apt-get install -y time" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building attrlint and generating the corpus"
go build -o "$work/attrlint" ./cmd/attrlint
# The floors the design card sets (see bench/floor): starting any Go
# program, starting one that links only the card's libraries, and parsing
# the corpus's Markdown with goldmark alone.
for f in empty linkonly goldmarkonly; do
  go build -o "$work/$f" "./bench/floor/$f"
done
bash bench/corpus.sh "$work/corpus" "$drafts" "$big_mb"
corpus="$work/corpus/drafts"
big="$work/corpus/big/archive.md"

vale=${VALE:-}
if [ -z "$vale" ]; then
  echo "== installing Vale v3.21.0 into a temporary GOBIN (the first build takes minutes)"
  # Vale's module moved from errata-ai to vale-cli; v3.21.0 declares the new path.
  GOBIN="$work/bin" GOFLAGS=-mod=mod go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0
  vale="$work/bin/vale"
fi
"$vale" --version

# The Vale style. Vale matches flat patterns: it cannot tell a named speaker
# from an anonymous one, look for a reason in the next sentence, or find who
# said a quotation, so this is a lower bound on the work attrlint does.
list() { # the items of one list of the anonymous-source rule, as a|b|c
  sed -n "/^    $1:/,/^    [a-z-]*:/p" rules/sourcing.yaml | sed -n 's/^      - //p' |
    sed "s/'//g; s/\"//g" | paste -sd '|' -
}
style="$work/vale"
mkdir -p "$style/styles/Attr"
cat > "$style/.vale.ini" <<INI
StylesPath = styles
MinAlertLevel = suggestion

[*.{md,txt}]
BasedOnStyles = Attr
INI
cat > "$style/styles/Attr/Anonymous.yml" <<YAML
extends: existence
message: "anonymous or vague source '%s': say who, why unnamed and how they know"
level: warning
ignorecase: true
nonword: false
tokens:
  - '(?:$(list nouns))(?:,[^,]{1,80},)? (?:$(list cues-after))'
  - '(?:according to|said|told) (?:an?|the|two|three|several|some|one)? ?(?:senior )?(?:$(list nouns))'
  - '(?:people|person|persons) (?:$(list knowledge))'
  - 'it is (?:widely )?(?:believed|thought|understood|said)'
  - '(?:critics|experts|observers|analysts|some|many) (?:say|believe|argue|claim|said)'
YAML
cat > "$style/styles/Attr/Quotes.yml" <<'YAML'
extends: existence
message: "quotation of four or more words: say who said it"
level: warning
scope: raw
raw:
  - '[“"](?:[^“”"\s]+\s+){3,}[^“”"]*[”"]'
YAML
"$vale" --config "$style/.vale.ini" --output line "$corpus/00/story-0001.md" > /dev/null || [ $? -eq 1 ] ||
  { echo "bench/vale.sh: Vale rejected the style" >&2; exit 2; }

bytes=$(find "$corpus" -type f | xargs cat | wc -c)
files=$(find "$corpus" -type f | wc -l)
printf '\ncorpus: %d files, %d bytes (%.1f MB); big file: %d bytes; %d CPUs\n' \
  "$files" "$bytes" "$(echo "$bytes / 1048576" | bc -l)" "$(wc -c < "$big")" "$(nproc)"

# measure LABEL OUT CMD...: runs CMD once under time -v, its report to OUT;
# sets wall (seconds, by bash's clock: time -v rounds to 10 ms) and rss (KB).
measure() {
  local label=$1 out=$2 t0 t1; shift 2
  t0=${EPOCHREALTIME/./}
  /usr/bin/time -v -o "$work/time" "$@" > "$out" 2> "$out.err" || true
  t1=${EPOCHREALTIME/./}
  wall=$(echo "($((10#$t1 - 10#$t0))) / 1000000" | bc -l)
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
  printf '%-9s wall %8.3f s  %8.2f MB/s  %9.1f files/s  peak RSS %7.1f MB  %7d lines of report\n' \
    "$label" "$wall" "$(echo "$bytes / 1048576 / $wall" | bc -l)" "$(echo "$nfiles / $wall" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)" "$(wc -l < "$out")"
}

echo
echo "== corpus (each tool once, page cache warmed)"
cat "$corpus"/*/* > /dev/null
nfiles=$files
measure attrlint "$work/attrlint.out" "$work/attrlint" check --color never --fail-level none "$corpus"
a_wall=$wall a_rss=$rss
measure vale "$work/vale.out" "$vale" --config "$style/.vale.ini" --output line --no-exit "$corpus"
v_wall=$wall
printf 'throughput ratio (Vale wall / attrlint wall): %.1fx\n' "$(echo "$v_wall / $a_wall" | bc -l)"
all_bytes=$bytes
bytes=$(find "$corpus" -type f -name '*.md' -exec cat {} + | wc -c)
nfiles=$(find "$corpus" -type f -name '*.md' | wc -l)
measure goldmark "$work/goldmark.out" "$work/goldmarkonly" "$corpus"
bytes=$all_bytes nfiles=$files
printf 'floor: goldmark alone, parsing only the Markdown files (%s), takes %.3f s;\n' \
  "$(cut -d, -f1,2 "$work/goldmark.out")" "$wall"
printf '       50 times Vale would mean the whole run in %.3f s\n' "$(echo "$v_wall / 50" | bc -l)"

echo
echo "== one 5 KB draft, end to end (process start-up, config, rules, report)"
draft="$work/draft.md"
head -c 5200 "$corpus/00/story-0001.md" | sed '$d' > "$draft"
printf 'draft: %d bytes\n' "$(wc -c < "$draft")"
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$work/hf.md" \
    "$work/attrlint check --color never --fail-level none $draft" \
    "$vale --config $style/.vale.ini --output line --no-exit $draft" \
    "$work/empty" "$work/linkonly" "$work/attrlint version" > /dev/null
  cat "$work/hf.md"
else
  one() { # label cmd...: min and median wall time of RUNS runs, in ms
    local label=$1; shift
    "$@" > /dev/null 2>&1 || true
    local times=()
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=${EPOCHREALTIME/./}
      "$@" > /dev/null 2>&1 || true
      t1=${EPOCHREALTIME/./}
      times+=($((10#$t1 - 10#$t0)))
    done
    local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    local n=${#sorted[@]}
    med=${sorted[n / 2]}
    printf '%-9s min %8.2f ms  median %8.2f ms  (%d runs)\n' "$label" \
      "$(echo "${sorted[0]} / 1000" | bc -l)" "$(echo "$med / 1000" | bc -l)" "$n"
  }
  one attrlint "$work/attrlint" check --color never --fail-level none "$draft"
  a_med=$med
  one vale "$vale" --config "$style/.vale.ini" --output line --no-exit "$draft"
  v_med=$med
  printf 'one-draft ratio (median): %.1fx\n' "$(echo "$v_med / $a_med" | bc -l)"
  echo "floors: starting a program that does nothing, in the same way"
  one "empty Go" "$work/empty"
  one "Go + libs" "$work/linkonly"
  one "version" "$work/attrlint" version
  printf '10 times Vale would mean %.2f ms for the whole run; a Go program that links\n' "$(echo "$v_med / 10000" | bc -l)"
  echo 'goldmark, x/net/html, yaml, color and doublestar and exits takes the "Go + libs" figure'
fi

echo
echo "== compare: two versions of one story, then twice as long (attrlint only; Vale has no such command)"
# v1: drafts of the corpus run together to SIZE bytes; v2: the same with
# every fifth paragraph revised (its figures changed, a clause added).
versions() { # SIZE DIR
  mkdir -p "$2"
  (set +o pipefail; cat "$corpus"/*/*.md | head -c "$1" | sed '$d') > "$2/v1.md"
  awk 'BEGIN { RS = ""; ORS = "\n\n" }
    NR % 5 == 0 { gsub(/0/, "5"); $0 = $0 " Officials revised the figures on Friday." }
    { print }' "$2/v1.md" > "$2/v2.md"
}
best() { # min wall time in ms of RUNS runs of CMD...
  local b=""
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=${EPOCHREALTIME/./}
    "$@" > /dev/null 2>&1 || true
    t1=${EPOCHREALTIME/./}
    local t=$((10#$t1 - 10#$t0))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  echo "$b"
}
versions 2048 "$work/v2"
versions 102400 "$work/v100"
versions 204800 "$work/v200"
c0=$(best "$work/attrlint" compare --color never --fail-level none "$work/v2/v1.md" "$work/v2/v2.md")
c100=$(best "$work/attrlint" compare --color never --fail-level none "$work/v100/v1.md" "$work/v100/v2.md")
c200=$(best "$work/attrlint" compare --color never --fail-level none "$work/v200/v1.md" "$work/v200/v2.md")
printf 'compare 2 x 100 KB: %.2f ms   2 x 200 KB: %.2f ms   (min of %d runs, start-up included)\n' \
  "$(echo "$c100 / 1000" | bc -l)" "$(echo "$c200 / 1000" | bc -l)" "$runs"
printf 'factor when the input doubles: %.2f (%.2f without the start-up, taken as compare on 2 x 2 KB: %.2f ms)\n' \
  "$(echo "$c200 / $c100" | bc -l)" "$(echo "($c200 - $c0) / ($c100 - $c0)" | bc -l)" "$(echo "$c0 / 1000" | bc -l)"

echo
echo "== the ${big_mb} MB file alone"
bytes=$(wc -c < "$big") nfiles=1
measure attrlint "$work/attrlint-big.out" "$work/attrlint" check --color never --fail-level none --max-file-size 1G "$big"
a_wall=$wall
measure vale "$work/vale-big.out" timeout "$timeout_big" "$vale" --config "$style/.vale.ini" --output line --no-exit "$big"
if [ "$(echo "$wall >= $timeout_big" | bc)" = 1 ]; then
  echo "vale stopped after ${timeout_big}s (VALE_BIG_TIMEOUT): its figures above are for an unfinished run"
fi
printf 'ratio: %.1fx\n' "$(echo "$wall / $a_wall" | bc -l)"
