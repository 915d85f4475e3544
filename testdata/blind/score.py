#!/usr/bin/env python3
"""Scores attrlint against hand labels made under GUIDELINES.md.

usage: score.py --bin ATTRLINT --articles DIR --labels labels.tsv [--show]

Runs `ATTRLINT check --format json` on every labelled article of DIR and
compares its findings with the labels by (file, line, rule), for the three
rules the guidelines define. Line 1 (the headline) is not scored. With
--show it prints every false positive and false negative with its line, to
be read by hand (the article text stays outside the repository: print it,
never commit it).
"""
import argparse, collections, csv, json, os, subprocess, sys

RULES = ("unattributed-quote", "anonymous-source", "vague-attribution")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()

    gold, files = set(), set()
    with open(a.labels, newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or row[0] == "file":
                continue
            files.add(row[0])
            if row[2] in RULES and int(row[1]) > 1:
                gold.add((row[0], int(row[1]), row[2]))
    paths = [os.path.join(a.articles, f) for f in sorted(files)]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        sys.exit("score.py: articles missing: %s" % ", ".join(missing[:5]))
    out = subprocess.run([a.bin, "check", "--format", "json", "--fail-level", "none"] + paths,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("score.py: attrlint exited %d: %s" % (out.returncode, out.stderr[:500]))
    found = set()
    for d in json.loads(out.stdout)["diagnostics"]:
        if d["rule"] in RULES and d["line"] > 1:
            found.add((os.path.basename(d["file"]), d["line"], d["rule"]))

    print("articles: %d, labels: %d, findings: %d" % (len(files), len(gold), len(found)))
    print("%-20s %5s %5s %5s %6s %6s" % ("rule", "TP", "FP", "FN", "P", "R"))
    for r in RULES:
        g = {x for x in gold if x[2] == r}
        p = {x for x in found if x[2] == r}
        tp, fp, fn = len(g & p), len(p - g), len(g - p)
        prec = tp / (tp + fp) if tp + fp else float("nan")
        rec = tp / (tp + fn) if tp + fn else float("nan")
        print("%-20s %5d %5d %5d %6.2f %6.2f" % (r, tp, fp, fn, prec, rec))
    if a.show:
        lines = {}
        def text(f, n):
            if f not in lines:
                lines[f] = open(os.path.join(a.articles, f), encoding="utf-8", errors="replace").read().splitlines()
            l = lines[f][n - 1] if n - 1 < len(lines[f]) else ""
            return l[:300]
        for kind, s in (("FP", found - gold), ("FN", gold - found)):
            for f, n, r in sorted(s):
                print("%s %s:%d %s\n    %s" % (kind, f, n, r, text(f, n)))

if __name__ == "__main__":
    main()
