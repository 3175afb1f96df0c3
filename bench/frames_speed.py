"""Cost of the frame pass (``frames.frame_for_figures``) next to the engine, and a golden dump.

    python bench/frames_speed.py [--mb 2.0] [--repeat 5] [--golden FILE] [--profile]

The engine's figures are computed once per document (``engine.extract``); then the engine
and the frame pass are timed alternately, each keeping its best (least) CPU time of
``--repeat`` runs, on ``bench/extraction.py``'s corpus. The frame pass's share is its time
over the engine's.

``--golden FILE`` writes every figure's frame (repr) for the bench corpus, the eval docs
(with and without a publication date), the frame gold set and the strings of
``tests/claims/extraction/test_frames.py`` (also read as one sentence of the whole text),
so that an optimisation of the frame pass can be checked to leave its output unchanged.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import build_corpus  # noqa: E402

from claims.extraction import Document, engine  # noqa: E402
from claims.extraction.frames import frame_for_figures  # noqa: E402

EVAL_DOCS = [
    Path("/work/shared/eval/real-dev/docs.json"),
    Path("/work/shared/eval/news-dev/docs.json"),
    *sorted((ROOT / "bench/eval").glob("news-*/docs.json")),
]
CASES = ROOT / "bench/eval/frames/cases.jsonl"
TEST_FILE = ROOT / "tests/claims/extraction/test_frames.py"
PUB = dt.date(2026, 3, 4)


def golden_docs() -> list[tuple[str, Document, bool]]:
    """(label, document, whole): ``whole`` reads the figures as one sentence of the text."""
    out: list[tuple[str, Document, bool]] = []
    for p in EVAL_DOCS:
        if not p.exists():
            continue
        for d in json.loads(p.read_text(encoding="utf-8")):
            pub = dt.date.fromisoformat(d["published"]) if d.get("published") else None
            out.append((f"{p.parent.name}:{d.get('id')}", Document(d["text"], pub), False))
            out.append((f"{p.parent.name}:{d.get('id')}:nopub", Document(d["text"], None), False))
    if CASES.exists():
        for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                c = json.loads(line)
                pub = dt.date.fromisoformat(c["published"]) if c.get("published") else None
                out.append((f"cases:{n}", Document(c["text"], pub), False))
    strings = sorted(
        {
            node.value
            for node in ast.walk(ast.parse(TEST_FILE.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
        }
    )
    for s in strings:
        for pub in (PUB, None):
            out.append((f"test:{s[:40]}:{pub}", Document(s, pub), False))
        out.append((f"test-whole:{s[:40]}", Document(s, PUB), True))
        rep = s * (3000 // len(s) + 1)
        out.append((f"test-rep:{s[:40]}", Document(rep, PUB), True))
    return out


def dump_golden(path: Path, mb: float) -> None:
    docs = [(f"bench:{i}", d, False) for i, d in enumerate(build_corpus(int(mb * 1_000_000)))]
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for label, doc, whole in docs + golden_docs():
            figs = engine.extract(doc)
            if whole:
                figs = [dataclasses.replace(f, sentence_start=0, sentence_end=0) for f in figs]
            frames = frame_for_figures(doc.text, doc.published, figs)
            out.write(f"# {label}\n")
            for f, fr in zip(figs, frames, strict=True):
                out.write(f"{f.start}:{f.end} {f.kind} {fr!r}\n")
                n += 1
    print(f"{n:,} frames written to {path}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--golden", type=Path)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument(
        "--eval", action="store_true", help="time on the eval docs (real articles) instead"
    )
    args = ap.parse_args(argv)
    if args.golden:
        dump_golden(args.golden, args.mb)
        return 0
    if args.eval:
        docs = [d for label, d, whole in golden_docs() if label.count(":") == 1]
    else:
        docs = build_corpus(int(args.mb * 1_000_000))
    figs = [engine.extract(d) for d in docs]
    work = [(d.text, d.published, f) for d, f in zip(docs, figs, strict=True)]

    def frames_pass() -> None:
        for text, pub, f in work:
            frame_for_figures(text, pub, f)

    def engine_pass() -> None:
        for d in docs:
            engine.extract(d)

    if args.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        frames_pass()
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(25)
        return 0
    best_f = best_e = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        engine_pass()
        t1 = time.process_time()
        frames_pass()
        t2 = time.process_time()
        best_e, best_f = min(best_e, t1 - t0), min(best_f, t2 - t1)
    n = sum(len(f) for f in figs)
    print(
        f"{len(docs)} docs, {n:,} figures: engine.extract {best_e:.3f}s, frame pass "
        f"{best_f:.3f}s = {100 * best_f / best_e:.1f}% of the engine (best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
