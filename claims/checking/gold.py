"""Read figures in the evaluation set's JSON-lines shape into extractor Figures,
so the checker can run on gold figures while the extractor matures."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims.extraction.types import Figure, Value


def _value(v: Any) -> Value:
    if isinstance(v, list):
        return (v[0], v[1])
    return v  # type: ignore[no-any-return]


def figure_from_row(row: dict[str, Any]) -> Figure:
    return Figure(
        start=int(row["start"]), end=int(row["end"]), surface=str(row.get("text", "")),
        value=_value(row["value"]), unit=str(row.get("unit") or ""), kind=str(row["kind"]),
        approx=bool(row.get("approx")), qualifier=row.get("hedge"),
        attributed_to=row.get("attributed_to"),
    )


def figures_by_doc(rows: Iterable[dict[str, Any]]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = defaultdict(list)
    for row in rows:
        out[str(row["doc"])].append(figure_from_row(row))
    return {k: sorted(v, key=lambda f: f.start) for k, v in out.items()}


def load_figures(path: str | Path) -> dict[str, list[Figure]]:
    with open(path, encoding="utf-8") as fh:
        return figures_by_doc(json.loads(line) for line in fh if line.strip())
