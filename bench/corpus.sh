#!/usr/bin/env bash
# Generates a reproducible corpus of news drafts from attrlint's own
# fixtures (rules/*/testdata/** but for rules/all's interaction fixture, and
# testdata/example): the paragraphs of every Markdown and plain-text
# fixture, with their test markers removed, drawn by a fixed pseudo-random
# sequence into DRAFTS drafts of 5-10 KB (two thirds Markdown with a
# headline, one third plain text, 100 to a directory), plus one archive file
# of BIG megabytes. The same arguments give the same bytes on every machine:
# the sequence is a linear congruential generator in awk, not awk's rand().
# Usage: bash bench/corpus.sh OUTDIR [DRAFTS] [BIG_MB]   (default 2000, 50)
# Writes OUTDIR/drafts/NN/story-NNNN.{md,txt} and OUTDIR/big/archive.md.
set -euo pipefail
out=${1:?usage: bash bench/corpus.sh OUTDIR [DRAFTS] [BIG_MB]}
drafts=${2:-2000}
big_mb=${3:-50}
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out/drafts" "$out/big"
out="$(cd "$out" && pwd)"

# The paragraph pool, one paragraph per record (separated by NUL), in a fixed
# order: files sorted by name, paragraphs in file order.
pool="$out/pool"
(cd "$root" && find rules/*/testdata testdata/example -type f \( -name '*.md' -o -name '*.txt' \) -not -path 'rules/all/*' | LC_ALL=C sort) |
  while read -r f; do
    awk 'BEGIN { RS = ""; ORS = "" }
      {
        gsub(/[ \t]*<!--[^>]*-->/, "")         # test markers and directives
        if ($0 ~ /^(#|---|```|<|\|)/ || length($0) < 40) next  # headings, front matter, code, tables, stubs
        printf "%s%c", $0, 0
      }' "$root/$f"
  done > "$pool"

LC_ALL=C awk -v drafts="$drafts" -v big="$big_mb" -v out="$out" '
  function next_rand(n) {               # LCG (Numerical Recipes), exact in doubles
    seed = (seed * 1664525 + 1013904223) % 4294967296
    return int(seed / 4294967296 * n)
  }
  BEGIN { RS = "\0"; seed = 20240601 }
  { para[n++] = $0 }
  END {
    if (n == 0) { print "corpus.sh: no paragraphs found in the fixtures" > "/dev/stderr"; exit 1 }
    for (i = 0; i < drafts; i++) {
      dir = sprintf("%s/drafts/%02d", out, int(i / 100))
      if (i % 100 == 0) system("mkdir -p " dir)
      md = (i % 3 != 0)
      file = sprintf("%s/story-%04d.%s", dir, i, md ? "md" : "txt")
      target = 5120 + next_rand(5121)
      text = md ? sprintf("# Story %d\n\n", i) : ""
      while (length(text) < target) text = text para[next_rand(n)] "\n\n"
      printf "%s", text > file
      close(file)
    }
    file = out "/big/archive.md"
    limit = big * 1048576
    size = 0
    while (size < limit) {
      p = para[next_rand(n)] "\n\n"
      printf "%s", p > file
      size += length(p)
    }
    close(file)
  }' "$pool"
rm -f "$pool"
