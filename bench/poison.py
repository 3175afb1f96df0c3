"""Poison input against the production stack: what an attacker's article costs.

    python bench/poison.py [--kb 600] [--posts 2] [--workers 2]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on 127.0.0.1:6379. It

1. creates a fresh database `factcheck_bench_poison`, migrates it and makes an API key;
2. starts gunicorn (--workers sync workers) with the production settings;
3. sends --posts POSTs of --kb KB of nested `<div>` (issue 13, row 1) at once, and
   polls /healthz every 0.1 s meanwhile from another thread;
4. extracts, in this process, the article of 150,000 '!' (row 2) and two articles of
   3,000 figures each cross-checked against each other (the largest an article may
   carry, FACTCHECK_MAX_FIGURES);
5. prints each POST's status and time, the slowest /healthz answer, the extraction and
   cross-check CPU seconds, and the load average; stops gunicorn and drops the database.

Before the fixes of issue 13 each POST took about 42 s (and two of them starved
/healthz for about 20 s), the '!' article about 90 s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_load import PG, ROOT, free_port, loadavg, server_env, sh, wait_for_health

DB = "factcheck_bench_poison"


def _post(base: str, key: str, body: bytes) -> tuple[int, float]:
    request = urllib.request.Request(
        f"{base}/api/v1/articles",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.monotonic() - started


def _poll_health(base: str, stop: threading.Event, slowest: list[float]) -> None:
    while not stop.is_set():
        started = time.monotonic()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{base}/healthz", timeout=60).read()
        slowest[0] = max(slowest[0], time.monotonic() - started)
        slowest[1] += 1
        time.sleep(0.1)


def _engine_figures() -> dict[str, float]:
    from claims import extraction
    from claims.checking.align import cross_check
    from claims.checking.model import Article

    out = {}
    text = "Sales rose" + "!" * 150_000 + "5% in 2025."
    started = time.process_time()
    found = extraction.extract(extraction.Document(text))
    out["150k '!' article: extraction CPU s"] = time.process_time() - started
    out["150k '!' article: figures"] = len(found)
    text = "The agency counted 12 cases, 4% more, at a cost of $3 million. " * 1000
    figures = tuple(extraction.extract(extraction.Document(text)))
    pair = [Article("a", text, figures=figures), Article("b", text, figures=figures)]
    started = time.process_time()
    cross_check(pair)
    out[f"two articles of {len(figures):,} figures: cross-check CPU s"] = (
        time.process_time() - started
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=int, default=600)
    parser.add_argument("--posts", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    py = str(ROOT / ".venv" / "bin" / "python")
    env = {
        **os.environ,
        **server_env(
            db=DB, cache_db=6, broker_db=7, queue="factcheck-bench-poison",
            var_prefix="factcheck-poison-",
        ),
    }  # fmt: skip
    sh("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}")
    sh("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}")
    sh(py, "manage.py", "migrate", "-v0", env=env)
    seed = textwrap.dedent(
        """
        import django
        django.setup()
        from claims.api import keys
        from claims.models import Integration
        integration = Integration.objects.create(name="Poison CMS")
        print(keys.api_key_create(integration=integration, scopes=["articles:write"]).key)
        """
    )
    key = sh(py, "-c", seed, env=env, capture_output=True, text=True).stdout.split()[-1]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "factcheck.wsgi", "-w", str(args.workers),
         "-b", f"127.0.0.1:{port}", "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    load_before = loadavg()
    try:
        wait_for_health(base)
        repeats = args.kb * 1000 // len("<div>")
        bodies = [
            json.dumps(
                {"external_id": f"poison-{i}", "title": "t", "html": "<div>" * repeats + "5 cats"}
            ).encode()
            for i in range(args.posts)
        ]
        stop, slowest = threading.Event(), [0.0, 0]
        poller = threading.Thread(target=_poll_health, args=(base, stop, slowest))
        poller.start()
        with ThreadPoolExecutor(args.posts) as pool:
            posts = list(pool.map(lambda body: _post(base, key, body), bodies))
        stop.set()
        poller.join()
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}"],
                       check=False)  # fmt: skip
    os.environ.update(env)
    engine = _engine_figures()
    print(f"\ngunicorn {args.workers} sync workers, {os.cpu_count()} CPUs; "
          f"load average before {load_before}, after {loadavg()}")  # fmt: skip
    for i, (status, seconds) in enumerate(posts, 1):
        print(f"POST {i}: {args.kb} KB of nested <div>: HTTP {status} in {seconds:.2f} s")
    print(f"/healthz while they ran: {slowest[1]} polls, slowest {slowest[0] * 1000:.0f} ms")
    for name, value in engine.items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
    return 0 if all(status < 500 for status, _ in posts) else 1


if __name__ == "__main__":
    sys.exit(main())
