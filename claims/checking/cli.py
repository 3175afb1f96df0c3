"""JSON in, JSON lines out: the checker's findings in the evaluation set's shape.

    python -m claims.checking.cli DOCS.json [--gold-figures FIGURES.jsonl]

DOCS.json is a list of {"id", "text", "published", "outlet", "title"}; stories are
not given (grouping is part of the job). Without --gold-figures the extractor
(``claims.extraction.extract``) reads the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from claims.checking.engine import check_batch
from claims.checking.gold import figure_from_row, load_figures
from claims.checking.model import Article, Finding
from claims.extraction.types import Document, Figure


def _published(raw: object) -> dt.date | None:
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and raw.strip():
        try:
            return dt.date.fromisoformat(raw.strip()[:10])
        except ValueError:
            return None
    return None


def _figures(doc: Mapping[str, Any], published: dt.date | None,
             figures_by_doc: Mapping[str, Sequence[Figure | Mapping[str, Any]]] | None
             ) -> tuple[Figure, ...]:
    if figures_by_doc is None:
        from claims.extraction import extract  # the extractor is optional until asked for

        return tuple(extract(Document(str(doc["text"]), published)))
    figs = figures_by_doc.get(str(doc["id"]), ())
    return tuple(f if isinstance(f, Figure) else figure_from_row(dict(f)) for f in figs)


def articles_from_docs(docs: Sequence[Mapping[str, Any]],
                       figures_by_doc: Mapping[str, Sequence[Any]] | None = None
                       ) -> list[Article]:
    out = []
    for doc in docs:
        published = _published(doc.get("published"))
        out.append(Article(str(doc["id"]), str(doc["text"]), published,
                           str(doc.get("outlet") or ""), str(doc.get("title") or ""),
                           _figures(doc, published, figures_by_doc)))
    return out


def finding_row(finding: Finding) -> dict[str, Any]:
    refs = [{"doc": r.article_id, "start": r.start, "end": r.end} for r in finding.figures]
    if finding.type == "inconsistent":
        return {"type": "inconsistent", "doc": refs[0]["doc"], "figures": refs,
                "why": finding.why, "score": finding.score}
    return {"type": finding.type, "a": refs[0], "b": refs[1], "why": finding.why,
            "score": finding.score}


def finding_rows(docs: list[dict[str, Any]],
                 figures_by_doc: dict[str, Sequence[Any]] | None = None
                 ) -> Iterator[dict[str, Any]]:
    """Rows in the gold relations' shape, with a "story" key naming the group
    the checker put the documents in."""
    for n, report in enumerate(check_batch(articles_from_docs(docs, figures_by_doc)), 1):
        for finding in report.findings:
            yield finding_row(finding) | {"story": f"story-{n}"}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Cross-check the figures of a batch of articles.")
    ap.add_argument("docs", help="JSON list of {id, text, published, outlet, title}")
    ap.add_argument("--gold-figures", help="figures JSONL to use instead of the extractor")
    args = ap.parse_args(argv)
    with open(args.docs, encoding="utf-8") as fh:
        docs = json.load(fh)
    figures = load_figures(args.gold_figures) if args.gold_figures else None
    for row in finding_rows(docs, figures):  # type: ignore[arg-type]
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
