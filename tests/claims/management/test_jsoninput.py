"""`manage.py extract` and `crosscheck` write JSON lines that are often piped into `head`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("command", ["extract", "crosscheck"])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, command: str) -> None:
    # Enough figures that the output outgrows the pipe's buffer before the reader closes it.
    text = " ".join(
        f"The council spent ${n} million on {n} roads, officials said." for n in range(2, 3000)
    )
    docs = [
        {"id": "a", "story": "s", "published": "2026-03-02", "text": text},
        {"id": "b", "story": "s", "published": "2026-03-02", "text": text},
    ]
    path = tmp_path / "docs.json"
    path.write_text(json.dumps(docs), encoding="utf-8")
    env = {**os.environ, "DEBUG": "1"}
    proc = subprocess.Popen(
        [sys.executable, "manage.py", command, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    row = json.loads(first)  # a whole first line: a figure, or a finding
    assert row.get("doc") == "a" or "type" in row
    assert "Traceback" not in err and "BrokenPipe" not in err
