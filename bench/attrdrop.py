#!/usr/bin/env python3
"""Measure attribution-dropped on drafts derived from real articles.

For each article of ../shared/corpus/articles (read at run time; nothing of
it is stored here), pick up to two sentences with an attribution clause
(", X said." / "According to X, ..." / "X said that ...") deterministically,
delete the clause to make a second version (one draft per deletion, in
/tmp), run `attrlint compare OLD NEW --format json` and count:

  recall    = drafts where attribution-dropped is reported on the edited line
  precision = attribution-dropped findings on an edited line / all of them

source-changed findings on the drafts are false alarms too and are listed.

Usage: python3 bench/attrdrop.py --bin PATH/TO/attrlint [--corpus DIR] [--out DIR] [-v]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

QUOTES = "\"“”«»„"
WORD = r"[\w’'.&-]+"
# ", the mayor said." at the end of a sentence.
END = re.compile(r", ((?:" + WORD + r" ){0,6}" + WORD + r") (?:said|says)(?= *\.(?:\s|$))")
# "According to X, " at the start of a sentence.
ACCORDING = re.compile(r"According to ((?:" + WORD + r" ){0,6}" + WORD + r"), ")
# "X said that " at the start of a sentence.
THAT = re.compile(r"((?:" + WORD + r" ){0,5}" + WORD + r") said that ")
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sentences(line):
    """Start and end offsets of the sentences of a paragraph line."""
    out, start = [], 0
    for m in SENT_END.finditer(line):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(line)))
    return out


def candidates(lines):
    """(line index, old sentence, new sentence, start, end) per clause."""
    out = []
    for i, line in enumerate(lines):
        if i == 0 or not line.strip():
            continue  # the headline
        for s, e in sentences(line):
            sent = line[s:e]
            if any(q in sent for q in QUOTES) or len(sent.split()) < 8:
                continue
            m = END.search(sent)
            if m and ". " not in m.group(1):
                out.append((i, s, e, sent[:m.start()] + sent[m.end():]))
                continue
            m = ACCORDING.match(sent)
            if m:
                rest = sent[m.end():]
                out.append((i, s, e, rest[:1].upper() + rest[1:]))
                continue
            m = THAT.match(sent)
            if m and ". " not in m.group(1):
                rest = sent[m.end():]
                out.append((i, s, e, rest[:1].upper() + rest[1:]))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "..", "shared", "corpus", "articles"))
    ap.add_argument("--out", default="/tmp/attrdrop")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        a.corpus = "/work/shared/corpus/articles"
    os.makedirs(a.out, exist_ok=True)
    drafts = hits = found = right = 0
    other = []
    for path in sorted(glob.glob(os.path.join(a.corpus, "*.txt"))):
        name = os.path.basename(path)[:-4]
        text = open(path, encoding="utf-8").read()
        lines = text.split("\n")
        cands = candidates(lines)
        if not cands:
            continue
        picks = sorted({0, len(cands) // 2}) if len(cands) > 1 else [0]
        for k in picks:
            i, s, e, new_sent = cands[k]
            mut = list(lines)
            mut[i] = mut[i][:s] + new_sent + mut[i][e:]
            old = os.path.join(a.out, f"{name}_{k}_old.txt")
            new = os.path.join(a.out, f"{name}_{k}_new.txt")
            open(old, "w", encoding="utf-8").write(text)
            open(new, "w", encoding="utf-8").write("\n".join(mut))
            p = subprocess.run([a.bin, "compare", old, new, "--format", "json", "--fail-level", "none"],
                               capture_output=True, text=True, timeout=300)
            diags = json.loads(p.stdout)["diagnostics"] if p.stdout else []
            drafts += 1
            hit = False
            for d in diags:
                if d["rule"] == "attribution-dropped":
                    found += 1
                    if d["line"] == i + 1:
                        right += 1
                        hit = True
                    else:
                        other.append((name, k, d["line"], d["rule"], d["message"]))
                elif d["rule"] == "source-changed":
                    other.append((name, k, d["line"], d["rule"], d["message"]))
            hits += hit
            if a.v and not hit:
                print(f"MISS {name}_{k} line {i + 1}: {lines[i][s:e][:160]!r}")
    print(f"drafts {drafts}: attribution-dropped recall {hits}/{drafts} = {hits / max(drafts, 1):.3f}, "
          f"precision {right}/{found} = {right / max(found, 1):.3f}")
    for o in other:
        print("OTHER", *o)


if __name__ == "__main__":
    sys.exit(main())
