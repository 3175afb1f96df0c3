"""Command line: ``python -m claims.extraction.cli FILE.json`` (or ``-`` for stdin).

FILE.json is a JSON list of ``{"id", "text", "published"}``; prints one JSON line per figure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from . import extract
from .types import Document, Figure


class InputError(ValueError):
    """The input is not a list of documents; the message says what is wrong."""


def _published(raw: object, where: str) -> dt.date | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise InputError(f"{where}: 'published' must be an ISO date string or null")
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise InputError(f"{where}: 'published' is not an ISO date: {raw!r}") from None


def _jsonable(value: object) -> object:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def figure_row(doc_id: object, fig: Figure) -> dict[str, Any]:
    return {
        "doc": doc_id,
        "start": fig.start,
        "end": fig.end,
        "text": fig.surface,
        "value": _jsonable(fig.value),
        "unit": fig.unit,
        "kind": fig.kind,
        "approx": fig.approx,
        "qualifier": fig.qualifier,
        "subject": fig.subject,
        "attributed_to": fig.attributed_to,
        "frame": frame_row(fig),
    }


def frame_row(fig: Figure) -> dict[str, str] | None:
    """The figure's frame as a JSON object (null for a figure read without frames)."""
    return None if fig.frame is None else dataclasses.asdict(fig.frame)


def figure_rows(docs: Sequence[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yield one JSON-able dict per figure of each doc, in document then text order."""
    if not isinstance(docs, list):
        raise InputError("input must be a JSON list of documents")
    for n, raw in enumerate(docs):
        where = f"document {n}"
        if not isinstance(raw, dict):
            raise InputError(f"{where}: expected an object with 'id' and 'text'")
        text = raw.get("text")
        if not isinstance(text, str):
            raise InputError(f"{where}: missing or non-string 'text'")
        doc_id = raw.get("id", n)
        for fig in extract(Document(text, _published(raw.get("published"), where))):
            yield figure_row(doc_id, fig)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m claims.extraction.cli FILE.json  (or - for stdin)", file=sys.stderr)
        return 2
    try:
        if args[0] == "-":
            docs = json.load(sys.stdin)
        else:
            with open(args[0], encoding="utf-8") as fh:
                docs = json.load(fh)
    except OSError as e:
        print(f"error: cannot read {args[0]}: {e.strerror}", file=sys.stderr)
        return 1
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        print(f"error: {args[0]} is not valid JSON: {e}", file=sys.stderr)
        return 1
    try:
        for row in figure_rows(docs):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
