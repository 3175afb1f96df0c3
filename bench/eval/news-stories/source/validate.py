#!/usr/bin/env python3
"""Check the gold of news-stories: every span slices its doc's text exactly; relation ends are gold
figures; cross-article relations join different docs of one story; no figure overlaps a negative.
Usage: python source/validate.py [SET_DIR]   (default: the directory above this script)"""
import json, os, sys
d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
docs = {x["id"]: x for x in json.load(open(os.path.join(d, "docs.json"), encoding="utf-8"))}
load = lambda n: [json.loads(l) for l in open(os.path.join(d, n), encoding="utf-8") if l.strip()]
figs, negs, rels = load("figures.jsonl"), load("negatives.jsonl"), load("relations.jsonl")
err = []
def chk(s, what):
    t = docs[s["doc"]]["text"]
    if t[s["start"]:s["end"]] != s["text"]:
        err.append("%s: %r != text[%d:%d]=%r" % (what, s["text"], s["start"], s["end"], t[s["start"]:s["end"]]))
for f in figs: chk(f, "figure " + f["id"])
for n in negs: chk(n, "negative")
fkeys = {(f["doc"], f["start"], f["end"]) for f in figs}
for f in figs:
    for n in negs:
        if f["doc"] == n["doc"] and f["start"] < n["end"] and n["start"] < f["end"]:
            err.append("figure %s overlaps negative %r" % (f["id"], n["text"]))
for r in rels:
    ends = r["figures"] if r["type"] == "inconsistent" else [r["a"], r["b"]]
    for e in ends:
        chk(e, "relation %s" % r["type"])
        if (e["doc"], e["start"], e["end"]) not in fkeys:
            err.append("relation end not a gold figure: %r" % e)
    if not r.get("why"):
        err.append("relation without why: %r" % r)
    if r["type"] == "inconsistent":
        if len({e["doc"] for e in ends}) != 1 or ends[0]["doc"] != r["doc"]:
            err.append("inconsistency across docs: %r" % r)
    else:
        a, b = docs[r["a"]["doc"]], docs[r["b"]["doc"]]
        if a["id"] == b["id"] or a["story"] != b["story"]:
            err.append("cross relation not between two docs of one story: %r" % r)
ids = [f["id"] for f in figs]
if len(ids) != len(set(ids)): err.append("duplicate figure ids")
print("docs=%d figures=%d negatives=%d relations=%d errors=%d" % (len(docs), len(figs), len(negs), len(rels), len(err)))
for e in err: print("ERROR", e)
sys.exit(1 if err else 0)
