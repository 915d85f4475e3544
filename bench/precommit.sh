#!/usr/bin/env bash
# Measures the pre-commit path in a big content repository: a commit that
# touches 3 drafts in a git repository of 10,000 must not pay for the 9,997
# others. Prints wall times (min and median) of
#   attrlint check A B C          (what pre-commit runs: the staged files)
#   attrlint check .              (the whole tree, for comparison)
#   pre-commit run attrlint       (the real framework, hook already built)
# Usage: bash bench/precommit.sh [RUNS] [FILES]   (default 20 runs, 10000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
files=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/attrlint" ./cmd/attrlint
repo="$work/desk"
mkdir -p "$repo"
# Drafts of about 1.5 KB, 100 per directory, each a little different.
for ((i = 0; i < files; i++)); do
  d="$repo/stories/$((i / 100))"
  [ -d "$d" ] || mkdir -p "$d"
  {
    printf '# Council story %d\n\n' "$i"
    printf 'The council met on Tuesday to debate item %d of the harbour budget.\n\n' "$i"
    printf 'The mayor, Ana Ruiz, said the ferry would run every %d minutes.\n\n' $((i % 50 + 10))
    printf 'Residents packed the public gallery, and several carried signs about the breakwater and the fish market.\n\n'
    printf 'The finance committee will publish its report on Friday, the clerk said in a statement.\n\n'
    printf 'Repairs to the slipway are expected to cost %d thousand euros, according to the harbour master.\n\n' $((i % 900 + 100))
    printf 'The next meeting is on the first Monday of the month.\n'
  } > "$d/story-$i.md"
done
cd "$repo"
git init -q .
git -c user.name=bench -c user.email=bench@example.com add -A
git -c user.name=bench -c user.email=bench@example.com commit -q -m drafts
three=(stories/3/story-301.md stories/47/story-4702.md stories/99/story-9999.md)

measure() { # label, command...
  local label=$1; shift
  "$@" > /dev/null 2>&1 || true # warm the page cache
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local n=${#sorted[@]}
  printf '%-34s min %4d.%03d ms   median %4d.%03d ms\n' "$label" \
    $((sorted[0] / 1000)) $((sorted[0] % 1000)) $((sorted[n/2] / 1000)) $((sorted[n/2] % 1000))
}

printf 'repository: %d drafts, %s\n' "$files" "$(du -sh stories | cut -f1)"
measure "check 3 named drafts" "$work/attrlint" check --color never "${three[@]}"
measure "check 1 named draft" "$work/attrlint" check --color never "${three[0]}"
measure "check . (whole tree)" "$work/attrlint" check --color never .

if command -v pre-commit > /dev/null; then
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: attrlint
        name: attrlint
        entry: $work/attrlint check
        language: system
        types_or: [markdown, mdx, plain-text, html]
        require_serial: true
YAML
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  measure "pre-commit run --files (3 drafts)" pre-commit run attrlint --files "${three[@]}"
fi
