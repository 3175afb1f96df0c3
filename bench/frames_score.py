"""Per-slot accuracy of figure frames on the hand-written gold set.

    python bench/frames_score.py [bench/eval/frames/cases.jsonl] [-v]

Each line of the gold set is a document (``text``, ``published``) and its ``figures``, each
located by its ``surface`` (first occurrence) and carrying the expected measure, scope, time
(as written), time_iso, modality and direction (conventions: claims/extraction/frames.py).
A slot is right when it equals the expected one after lowercasing and trimming; time is
also right when both are equal without a leading preposition. A gold figure the engine does
not find counts as wrong on every slot.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extraction import Document, extract

SLOTS = ("measure", "scope", "time", "time_iso", "modality", "direction")
PREPS = ("by ", "in ", "on ", "since ", "until ", "from ", "at ", "during ", "for ", "over ")


def norm(slot: str, v: str) -> str:
    v = " ".join((v or "").lower().replace("’", "'").split())
    if slot == "time":
        for p in PREPS:
            if v.startswith(p):
                return v[len(p) :]
    return v


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    path = Path(args[0] if args else Path(__file__).parent / "eval/frames/cases.jsonl")
    right = dict.fromkeys(SLOTS, 0)
    total = missing = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["text"]
        pub = dt.date.fromisoformat(case["published"]) if case.get("published") else None
        figs = extract(Document(text, pub))
        for g in case["figures"]:
            total += 1
            pos = text.find(g["surface"])
            fig = next((f for f in figs if f.start <= pos < f.end), None)
            frame = fig.frame if fig is not None else None
            if frame is None:
                missing += 1
                if verbose:
                    print(f"MISSING {g['surface']!r} in {text[:60]!r}")
                continue
            for slot in SLOTS:
                ok = norm(slot, getattr(frame, slot)) == norm(slot, g[slot])
                right[slot] += ok
                if verbose and not ok:
                    print(
                        f"{slot:9} {g['surface']!r:16} want {g[slot]!r:28} got "
                        f"{getattr(frame, slot)!r}"
                    )
    print(f"figures: {total}  not found by the engine: {missing}")
    for slot in SLOTS:
        print(f"  {slot:9} {right[slot] / total:.3f}  ({right[slot]}/{total})")
    print(f"  mean      {sum(right.values()) / (total * len(SLOTS)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
