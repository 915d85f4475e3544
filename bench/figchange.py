#!/usr/bin/env python3
"""Measure figure-changed on drafts derived from real articles.

Usage: python3 bench/figchange.py --bin PATH/TO/attrlint [--corpus DIR] [--out DIR] [-v]

For each article of the corpus (../shared/corpus/articles by default, read at
run time: no article text is kept in the repository), and for each kind of
number the article has (count, amount, percent, period, date, month, weekday,
age, time, ratio, year, words), the script picks one mention deterministically
and writes a second version of the article that differs only in that number,
changed well beyond rounding (by a fifth or more, a day of the week, a month),
into --out (a directory under /tmp by default). It then runs
`attrlint compare OLD NEW --format json` on each pair and prints, per kind:

- recall: the pairs where figure-changed reports the changed line;
- precision: the figure-changed findings that sit on the changed line and
  quote the old and the new value, over all figure-changed findings.

Other rules (quote-changed when the number is inside a quotation) are not
counted. Exit status 0 whatever the numbers: it measures, it does not judge.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "articles"))

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDNEXT = {w: WORDS[(i + 2) % len(WORDS)] for i, w in enumerate(WORDS)}
PERIODS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
M = "|".join(MONTHS)
MABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

# Each kind: a pattern whose group "n" is the number to change. Earlier kinds
# claim their spans first, so a year inside a date is the date's.
KINDS = [
    ("time", rf"\b(?P<n>\d{{1,2}})(?:[:.]\d\d)? ?(?:a\.m\.|p\.m\.|am|pm)\b|\b(?P<n2>\d\d)(?P<m>\d\d) ?(?:GMT|BST)\b"),
    ("date", rf"\b(?:{M}|{MABBR}) (?P<n>\d{{1,2}})\b(?!,\d)|\b(?P<n2>\d{{1,2}}) (?:{M})\b"),
    ("age", rf"\b(?P<n>\d{{1,3}})-year-old\b|\baged (?P<n2>\d{{1,3}})\b|[A-Z][a-z]+, (?P<n3>\d\d),|\b(?P<n4>\d{{1,3}}) years old\b"),
    ("ratio", rf"\b(?P<n>{NUM}|{'|'.join(WORDS)}) times\b"),
    ("period", rf"\b(?P<n>{NUM}|{'|'.join(WORDS)})[ -]{PERIODS}\b"),
    ("percent", rf"(?P<n>{NUM}) ?(?:%|percent\b|per cent\b)"),
    ("amount", rf"[$£€](?P<n>{NUM})"),
    ("year", r"(?<![$£€\d,.])\b(?P<n>1[5-9]\d\d|20\d\d)(?:\b|(?=s\b))(?![,.]?\d)"),
    ("count", rf"(?<![\w$£€,.:/-])(?P<n>{NUM})(?![\d]|[.,:/-]\d)"),
    ("words", rf"\b(?P<n>{'|'.join(w for w in WORDS)})\b"),
    ("weekday", rf"\b(?P<n>{'|'.join(DAYS)})\b"),
    ("month", rf"\b(?:in|since|until|by|from|last|next|early|late|of|mid-)\s(?P<n>{M})\b(?! \d)"),
]


def changed(kind, old, m):
    """The new text for the number old of kind, or None."""
    if kind == "weekday":
        return DAYS[(DAYS.index(old) + 1) % 7]
    if kind == "month":
        return MONTHS[(MONTHS.index(old) + 1) % 12]
    if old.lower() in WORDNEXT:
        new = WORDNEXT[old.lower()]
        return new.capitalize() if old[0].isupper() else new
    if kind == "date":
        d = int(old)
        return str(d + 3 if d <= 25 else d - 5)
    if kind == "time":
        h = int(old)
        return ("%02d" if len(old) == 2 and old[0] == "0" else "%d") % (h + 2 if h <= 9 else h - 3)
    if kind == "year":
        decade = m.string[m.end("n"):m.end("n") + 1] == "s"  # "the 1990s"
        return str(int(old) + (10 if decade else 3))
    digits = old.replace(",", "")
    try:
        v = float(digits)
    except ValueError:
        return None
    dec = len(digits.split(".")[1]) if "." in digits else 0
    nv = v + max(10 ** -dec, round(v * 0.25, dec)) if v >= 1 else v + 2
    s = f"{nv:.{dec}f}"
    if "," in old:
        ip, _, fp = s.partition(".")
        s = f"{int(ip):,}" + ("." + fp if fp else "")
    return s if s != old else None


def candidates(text):
    """(kind, start, end, old) for every number the kinds find, once each."""
    taken = []
    out = []
    for kind, pat in KINDS:
        for m in re.finditer(pat, text):
            g = next((k for k in ("n", "n2", "n3", "n4") if k in m.groupdict() and m.group(k)), None)
            if g is None:
                continue
            s, e = m.span(g)
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append(m.span())
            out.append((kind, s, e, m.group(g), m))
    return out


def pick(name, kind, n, k):
    """k distinct indices below n, chosen by the article's name and the kind."""
    order = sorted(range(n), key=lambda i: hashlib.sha256(f"{name}:{kind}:{i}".encode()).digest())
    return order[:k]


def run(binary, old, new):
    p = subprocess.run([binary, "compare", "--format", "json", "--fail-level", "none", old, new],
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return json.loads(p.stdout)["diagnostics"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=None)
    ap.add_argument("--per-kind", type=int, default=3, help="drafts per kind of number per article")
    ap.add_argument("-v", action="store_true", help="print every miss and every wrong finding")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="figchange.")
    os.makedirs(out, exist_ok=True)
    stats = {}  # kind -> [pairs, found, findings, right]
    for fn in sorted(os.listdir(a.corpus)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        text = open(os.path.join(a.corpus, fn), encoding="utf-8").read()
        old = os.path.join(out, f"{name}.txt")
        with open(old, "w", encoding="utf-8") as f:
            f.write(text)
        cands = candidates(text)
        for kind, _ in KINDS:
            ks = [c for c in cands if c[0] == kind]
            if not ks:
                continue
            for j in pick(name, kind, len(ks), a.per_kind):
                _, s, e, oldn, _m = ks[j]
                newn = changed(kind, oldn, _m)
                if newn is None:
                    continue
                mut = text[:s] + newn + text[e:]
                line = text.count("\n", 0, s) + 1
                new = os.path.join(out, f"{name}.{kind}{j}.txt")
                with open(new, "w", encoding="utf-8") as f:
                    f.write(mut)
                diags = [d for d in run(a.bin, old, new) if d["rule"] == "figure-changed"]
                st = stats.setdefault(kind, [0, 0, 0, 0])
                st[0] += 1
                hit = False
                for d in diags:
                    st[2] += 1
                    right = d["line"] == line and oldn in d["message"] and newn in d["message"] and \
                        any(r.get("line") == line for r in d.get("related", []))
                    if right:
                        st[3] += 1
                        hit = True
                    elif a.v:
                        print(f"wrong  {kind:8} {new}:{d['line']}: {d['message']} (changed {oldn!r} -> {newn!r} at line {line})")
                if hit:
                    st[1] += 1
                elif a.v:
                    ctx = text[max(0, s - 60):e + 40].replace("\n", " ")
                    print(f"missed {kind:8} {new}:{line}: {oldn!r} -> {newn!r} in ...{ctx}...")
    tot = [0, 0, 0, 0]
    print(f"{'kind':10} {'pairs':>5} {'recall':>7} {'findings':>8} {'precision':>9}")
    for kind, _ in KINDS:
        if kind not in stats:
            continue
        p, f, n, r = stats[kind]
        tot = [x + y for x, y in zip(tot, stats[kind])]
        print(f"{kind:10} {p:5} {f / p:7.3f} {n:8} {r / n if n else 1:9.3f}")
    p, f, n, r = tot
    print(f"{'all':10} {p:5} {f / p:7.3f} {n:8} {r / n if n else 1:9.3f}")
    print(f"drafts in {out}")


if __name__ == "__main__":
    sys.exit(main())
