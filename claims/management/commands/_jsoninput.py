"""Reading the JSON list of documents that `extract` and `crosscheck` take."""

import json
import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError


def read_documents(path: str) -> list[dict[str, Any]]:
    """The documents in FILE.json (or stdin for "-"); CommandError with a
    readable message for a missing file, bad encoding or bad JSON."""
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
    try:
        docs = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not UTF-8.") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CommandError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(docs, list):
        raise CommandError(f"{path} must hold a JSON list of documents.")
    return docs


def write_rows(stdout, rows) -> None:
    try:
        for row in rows:
            stdout.write(json.dumps(row, ensure_ascii=False))
    except BrokenPipeError:
        # the reader stopped early (`| head`): nothing left to say, and no traceback.
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
