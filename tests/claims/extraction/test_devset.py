"""The news-dev gold set: value-correct F1 above a floor, no negatives extracted."""

import datetime as dt
import json
from pathlib import Path

import pytest

from claims.extraction import Document, extract

GOLD = Path("/work/shared/eval/news-dev")
F1_FLOOR = 0.95


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


@pytest.mark.skipif(not GOLD.exists(), reason="news-dev gold set not available")
def test_dev_set_f1_stays_above_the_floor_with_no_negatives() -> None:
    docs = json.loads((GOLD / "docs.json").read_text(encoding="utf-8"))
    gold = [
        json.loads(x) for x in (GOLD / "figures.jsonl").read_text(encoding="utf-8").split("\n") if x
    ]
    negs = [
        json.loads(x)
        for x in (GOLD / "negatives.jsonl").read_text(encoding="utf-8").split("\n")
        if x
    ]
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
        for n in negs
        for doc_id, f in preds
        if doc_id == n["doc"] and min(f.end, n["end"]) > max(f.start, n["start"])
    ]
    assert f1 >= F1_FLOOR, (f1, precision, recall)
    assert hits == []
