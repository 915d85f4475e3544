#!/usr/bin/env bash
# Checks that every rule family runs in linear time: BenchmarkLinear times
# each family on news copy, the same copy on one line, a paragraph of
# nothing but short quotations, and the shapes of issue 20 (quotations with
# their attribution in one paragraph, anonymous sources in one sentence,
# many values of one quantity); BenchmarkLinearHTML a page of unclosed
# paragraphs; BenchmarkLinearSARIF the SARIF report of a one-line export;
# BenchmarkLinearCompare two versions. Each at 100 KB and 200 KB; this
# prints the ratio of the two times (about 2 is linear) and exits 1 when
# one exceeds 3.
# Usage: bash bench/linear.sh   (several minutes on two cores while a
# family is still quadratic on a shape)
set -euo pipefail
cd "$(dirname "$0")/.."
# Best of three runs of each: the fastest run is the least disturbed.
out=$(go test ./internal/lint -run '^$' -bench '^BenchmarkLinear' -benchtime 5x -count 3)
printf '%-28s %12s %12s %6s\n' "family/shape" "100KB ns/op" "200KB ns/op" "ratio"
echo "$out" | awk '
  /^BenchmarkLinear/ {
    name = $1; sub(/-[0-9]+$/, "", name)
    n = split(name, p, "/")
    size = p[n]; key = p[2]; for (i = 3; i < n; i++) key = key "/" p[i]
    if (name ~ /^BenchmarkLinearCompare/) key = "compare"
    if (!((key, size) in t) || $3 < t[key, size]) t[key, size] = $3
    keys[key] = 1
  }
  END {
    bad = 0
    for (k in keys) {
      r = t[k, "200KB"] / t[k, "100KB"]
      printf "%-28s %12d %12d %6.2f\n", k, t[k, "100KB"], t[k, "200KB"], r
      if (r > 3) bad = 1
    }
    exit bad
  }' | sort

# The timing tests of the readers, the report formats and the language
# server (checkLinear and friends): skipped by go test ./... unless
# ATTRLINT_TIMING is set, since a loaded machine decides a timed test.
ATTRLINT_TIMING=1 go test -count=1 -run 'Linear|OneLine' ./prose ./internal/report ./internal/lsp
