"""Scoring the engine on an annotated set in news-dev's layout (docs.json,
figures.jsonl, negatives.jsonl): value-correct matching, as the shared
scorer does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from claims.extraction import Document, extract


def _equal(g: object, p: object) -> bool:
    if isinstance(g, list):
        return isinstance(p, tuple) and len(p) == 2 and all(_equal(a, b) for a, b in zip(g, p))
    if isinstance(g, str) or isinstance(p, str):
        gs, ps = str(g).split("-"), str(p).split("-")
        k = min(len(gs), len(ps))
        return gs[:k] == ps[:k]
    if isinstance(g, (int, float)) and isinstance(p, (int, float)):
        return g == p or abs(g - p) <= 1e-6 * max(abs(g), abs(p))
    return False


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x]


def score(gold_dir: Path) -> tuple[float, float, float, list[dict]]:
    """(F1, precision, recall, the negatives extracted) of the engine on the set."""
    docs = json.loads((gold_dir / "docs.json").read_text(encoding="utf-8"))
    gold, negatives = _rows(gold_dir / "figures.jsonl"), _rows(gold_dir / "negatives.jsonl")
    preds = []
    for d in docs:
        doc = Document(d["text"], dt.date.fromisoformat(d["published"]))
        preds += [(d["id"], f) for f in extract(doc)]
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, (doc_id, f) in enumerate(preds):
            if j in used or doc_id != g["doc"]:
                continue
            if min(f.end, g["end"]) > max(f.start, g["start"]) and _equal(g["value"], f.value):
                used.add(j)
                tp += 1
                break
    precision, recall = tp / len(preds), tp / len(gold)
    f1 = 2 * precision * recall / (precision + recall)
    hits = [
        n
        for n in negatives
        for doc_id, f in preds
        if doc_id == n["doc"] and min(f.end, n["end"]) > max(f.start, n["start"])
    ]
    return f1, precision, recall, hits
