"""Reliability matrix F3 by hand: restart PostgreSQL under load, measure the
error window, and check that nothing is lost or half written.

    python bench/db_restart.py [--seconds 40] [--restart-at 10] [--clients 8]

Restarts the machine's PostgreSQL server (`pg_ctlcluster VERSION main restart
-m fast`): every other user of that server loses its connections too, so run
it when nothing else uses it. It

1. creates a fresh database `factcheck_f3`, an integration with an API key
   (write, read and verdict scopes, acting as a reviewer) and one extracted
   article whose figures take the verdicts;
2. starts gunicorn (3 sync workers, production settings over plain HTTP) and
   one Celery worker (-c 2) on Redis, a queue of its own;
3. runs --clients threads for --seconds, each looping: POST an article, GET
   it, read a figure and POST a verdict with its ETag (201, or 412 if another
   client got there first);
4. restarts PostgreSQL at --restart-at seconds;
5. waits for every accepted article to be extracted, then prints the error
   window (first to last failed request, against the restart's start and
   end), errors after recovery, articles extracted, worker retries, and a
   half-written check: each figure's version must equal 1 + its verdicts
   (both are written in one transaction).

The pg_terminate_backend variant runs in CI: tests/reliability/test_database_restart.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_load import PARAGRAPH, PG, free_port, loadavg, server_env, sh, wait_for_health

ROOT = Path(__file__).resolve().parent.parent
DB = "factcheck_f3"


def pg_cluster() -> tuple[str, str]:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return version, "main"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--restart-at", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    py = str(ROOT / ".venv" / "bin" / "python")
    queue = f"factcheck-f3-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        **server_env(db=DB, cache_db=4, broker_db=5, queue=queue, var_prefix="factcheck-f3-"),
    }
    var_dir = env["FACTCHECK_VAR_DIR"]
    sh("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}")
    sh("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}")
    sh(py, "manage.py", "migrate", "-v0", env=env)
    seed = textwrap.dedent(
        f"""
        import django, json
        django.setup()
        from django.contrib.auth.models import Group, User
        from claims import services
        from claims.api import keys
        from claims.models import Integration
        user = User.objects.create_user("f3-reviewer", password="x" * 16)
        user.groups.add(Group.objects.get(name="Reviewers"))
        integration = Integration.objects.create(name="F3 CMS")
        key = keys.api_key_create(
            integration=integration,
            scopes=["articles:write", "articles:read", "verdicts:write"],
            acting_user=user,
        )
        article = services.article_submit(title="Seed", text={PARAGRAPH * 3!r}).article
        services.article_extract(article_id=article.pk)
        figures = [str(f.public_id) for f in article.figures.filter(is_current=True)]
        print(json.dumps({{"key": key.key, "figures": figures}}))
        """
    )
    seeded = json.loads(
        sh(py, "-c", seed, env=env, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    )

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "factcheck.wsgi", "-w", "3", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    worker_log = Path(var_dir) / "worker.log"
    worker = subprocess.Popen(
        [py, "-m", "celery", "-A", "factcheck", "worker", "-c", "2", "--loglevel", "info"],
        cwd=ROOT,
        env=env,
        stdout=worker_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    wait_for_health(base)

    results: list[tuple[float, str, str]] = []  # (time, request kind, outcome)
    accepted: list[str] = []
    lock = threading.Lock()
    t0 = time.monotonic()
    stop_at = t0 + args.seconds

    def record(kind: str, call, *args, **kwargs):
        """Make one request; log its time and outcome; the response or None."""
        try:
            r = call(*args, timeout=10, **kwargs)
            outcome = str(r.status_code)
        except requests.RequestException as exc:
            r, outcome = None, type(exc).__name__
        with lock:
            results.append((time.monotonic() - t0, kind, outcome))
        return r

    def client(n: int) -> None:
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {seeded['key']}"
        i = 0
        while time.monotonic() < stop_at:
            i += 1
            body = {"external_id": f"f3-{n}-{i}", "title": f"F3 {i}", "text": PARAGRAPH}
            r = record("ingest", http.post, f"{base}/api/v1/articles", json=body)
            if r is not None and r.status_code == 202:
                with lock:
                    accepted.append(r.json()["id"])
            figure = f"{base}/api/v1/figures/{seeded['figures'][(n + i) % len(seeded['figures'])]}"
            r = record("figure", http.get, figure)
            if r is not None and r.status_code == 200:
                record(
                    "verdict",
                    http.post,
                    f"{figure}/verdicts",
                    json={"decision": "approve" if i % 2 else "undo"},
                    headers={"If-Match": r.headers["ETag"]},
                )

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    load_before = loadavg()
    for t in threads:
        t.start()
    time.sleep(max(0.0, t0 + args.restart_at - time.monotonic()))
    version, cluster = pg_cluster()
    restart_start = time.monotonic() - t0
    sh("pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart", "-m", "fast")
    restart_end = time.monotonic() - t0
    for t in threads:
        t.join()
    load_after = loadavg()

    # Every accepted article must be extracted (tasks retry through the restart).
    check = textwrap.dedent(
        f"""
        import django, json
        django.setup()
        from django.db.models import Count, F
        from claims.models import Article, Figure
        ids = {accepted!r}
        statuses = dict(Article.objects.filter(public_id__in=ids)
                        .values_list("status").annotate(n=Count("id")))
        half = (Figure.objects.annotate(n=Count("verdicts"))
                .exclude(version=F("n") + 1).count())
        print(json.dumps({{"statuses": statuses, "half_written": half}}))
        """
    )
    deadline = time.monotonic() + 180
    while True:
        state = json.loads(
            sh(py, "-c", check, env=env, capture_output=True, text=True).stdout.splitlines()[-1]
        )
        waiting = sum(n for s, n in state["statuses"].items() if s in ("queued", "extracting"))
        if not waiting or time.monotonic() > deadline:
            break
        time.sleep(2)
    drained_after = time.monotonic() - t0 - args.seconds
    gunicorn.terminate()
    worker.terminate()
    gunicorn.wait(timeout=30)
    worker.wait(timeout=30)
    subprocess.run(["redis-cli", "-n", "5", "DEL", queue, f"{queue}-webhooks"], capture_output=True)
    if not args.keep_db:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}"])

    failed = [(t, kind, o) for t, kind, o in results if not re.fullmatch(r"[24]\d\d", o)]
    late = [f for f in failed if f[0] > restart_end + 5]
    log = worker_log.read_text(errors="replace")
    print(
        f"\n{args.clients} clients for {args.seconds:.0f} s; gunicorn 3 workers; worker -c 2; "
        f"{os.cpu_count()} CPUs; load average before {load_before}, after {load_after}"
    )
    print(f"PostgreSQL restart: {restart_start:.1f} s to {restart_end:.1f} s")
    print(f"requests: {len(results)}, failed: {len(failed)}")
    if failed:
        kinds = sorted({o for _, _, o in failed})
        print(
            f"error window: {failed[0][0]:.1f} s to {failed[-1][0]:.1f} s "
            f"({failed[-1][0] - failed[0][0]:.1f} s; target <= 5 s); outcomes: {', '.join(kinds)}"
        )
    print(f"failures later than 5 s after the restart ended: {len(late)} (target 0)")
    print(
        f"articles accepted: {len(accepted)}; statuses now: {state['statuses']} "
        f"(drained {max(0.0, drained_after):.0f} s after the load stopped)"
    )
    print(f"worker task retries logged: {log.count('Retry in')}")
    print(
        f"figures whose version != 1 + verdicts (half-written): {state['half_written']} (target 0)"
    )
    ok = not late and not state["half_written"] and not waiting
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
