"""Load test of the CMS API next to a bare DRF create endpoint, on PostgreSQL + Redis.

    python bench/api_load.py [--seconds 20] [--connections 16] [--workers 3] [--rounds 1]
                             [--keep-db]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379 and wrk
(Debian: apt-get install -y wrk). It

1. creates a fresh database `factcheck_bench`, migrates it, creates an integration, an
   API key and two extracted articles to read back (one paragraph with 11 figures, and the
   5 KB ingest text with 132);
2. starts gunicorn (sync workers; gthread with --threads) on 127.0.0.1 with
   bench/api_settings.py: the real app
   (API keys, per-key throttle counted in Redis, extraction enqueued to Redis on commit;
   no Celery worker runs, so the queue only fills) plus /bench/outlets, a plain DRF
   ModelSerializer CreateAPIView on the same database as the reference;
3. drives, one after the other, with wrk (2 threads, --connections connections):
   - POST /bench/outlets      (reference: unique name each request)
   - POST /api/v1/articles    (a new ~5 KB article each request: validate, store article +
                               revision + audit row, publish the extraction task)
   - GET  /api/v1/articles/ID (each seeded article with its figures and verdicts);
   With --rounds N each scenario's --seconds are split into N runs and the scenarios
   take turns (bare, ingest, reads, bare, ingest, ...), so that a load change on a shared
   machine hits every scenario alike; the figures are over all runs of a scenario
   (percentiles from the merged latency histograms), and the ratio of every round is
   printed too;
4. prints requests/s, p50/p95/p99 latency and errors for each, the ingest/reference
   ratio, and the machine's load average before and after; stops gunicorn, drops the
   database (unless --keep-db) and deletes the bench queue from Redis.

Traffic goes only to 127.0.0.1 and is bounded by --seconds per scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "factcheck_bench"
QUEUE = "factcheck-bench"

PARAGRAPH = (
    "The city council approved a $12.5 million budget on Monday, up 4% from last year. "
    "About 1,200 residents attended the meeting, officials said. The new library will cost "
    "$3 billion less than the stadium, and construction should take 18 months. "
    "Unemployment fell to 3.9% in October, the lowest in 12 years, while 45,000 jobs were "
    "added. The mayor said 2 in 5 households now recycle, against 25% in 2019. "
)
ARTICLE = PARAGRAPH * 12  # ~5 KB, the ingest body and the large read

LUA_COMMON = r"""
local counter = 0
local threads = {}
function setup(thread)
  -- a global in the thread's own Lua state, read by request()
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, '
    .. '"p99_ms": %.2f, "max_ms": %.2f, "errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
  -- The latency histogram (microseconds:count), to merge the runs of --rounds.
  local parts = {}
  for i = 1, #latency do
    local value, count = latency(i)
    parts[#parts + 1] = value .. ":" .. count
  end
  io.write("HISTOGRAM " .. table.concat(parts, ",") .. "\n")
end
"""

LUA_OUTLET = (
    LUA_COMMON
    + r"""
function request()
  counter = counter + 1
  local body = string.format('{"name": "Outlet %s-%d-%d", "domain": "example.com"}',
    RUN, tid, counter)
  return wrk.format("POST", "/bench/outlets", {["Content-Type"] = "application/json"}, body)
end
"""
)

LUA_INGEST = (
    LUA_COMMON
    + r"""
function request()
  counter = counter + 1
  local body = string.format(
    '{"external_id": "bench-%s-%d-%d", "title": "Budget %d", "text": "%s", '
    .. '"url": "https://news.example.com/%d", "outlet": "The Bench Gazette", '
    .. '"published_at": "2026-11-13T12:00:00Z"}',
    RUN, tid, counter, counter, TEXT, counter)
  return wrk.format("POST", "/api/v1/articles",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. KEY}, body)
end
"""
)

LUA_GET = (
    LUA_COMMON
    + r"""
function request()
  return wrk.format("GET", PATH, {["Authorization"] = "Bearer " .. KEY})
end
"""
)


def sh(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, env=env, cwd=ROOT, **kw)


def server_env(
    *, db: str, cache_db: int, broker_db: int, queue: str, var_prefix: str
) -> dict[str, str]:
    """The environment the benchmarks run the app in: production settings on
    PostgreSQL + Redis over plain HTTP on 127.0.0.1, the throttle counting
    but never biting, and a throw-away var folder."""
    return {
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DATABASE_URL": f"{PG}/{db}",
        "CACHE_URL": f"redis://127.0.0.1:6379/{cache_db}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{broker_db}",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "SECRET_KEY": "bench-only-" + secrets.token_hex(25),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "STATIC_MANIFEST": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "API_RATE_PER_MINUTE": "100000000",
        "LOG_LEVEL": "WARNING",
        "FACTCHECK_VAR_DIR": tempfile.mkdtemp(prefix=var_prefix),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(base: str) -> None:
    """Until the server at ``base`` answers /healthz (at most about 20 s)."""
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.2)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def wrk(url: str, script: str, *, seconds: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(f'RUN = "{time.time_ns()}"\n' + script)  # unique names per wrk run
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "5s",
                "-s",
                f.name,
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        ).stdout
    finally:
        os.unlink(f.name)
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    hist = next(ln for ln in out.splitlines() if ln.startswith("HISTOGRAM "))[len("HISTOGRAM ") :]
    result["histogram"] = [tuple(map(int, pair.split(":"))) for pair in hist.split(",") if pair]
    return result


def merged(runs: list[dict]) -> dict:
    """One scenario's figures over all its runs: totals, and percentiles of the
    merged latency histograms."""
    counts: dict[int, int] = {}
    for run in runs:
        for value, count in run["histogram"]:
            counts[value] = counts.get(value, 0) + count
    total = sum(counts.values())

    def percentile(p: float) -> float:
        seen = 0
        for value in sorted(counts):
            seen += counts[value]
            if seen >= total * p / 100:
                return value / 1000
        return 0.0

    requests = sum(r["requests"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    return {
        "requests": requests,
        "seconds": round(seconds, 3),
        "rps": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": percentile(50),
        "p95_ms": percentile(95),
        "p99_ms": percentile(99),
        "max_ms": max(r["max_ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "non_2xx": sum(r["non_2xx"] for r in runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gthread threads per worker")
    parser.add_argument(
        "--rounds", type=int, default=1, help="split each scenario into this many alternating runs"
    )
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    py = str(ROOT / ".venv" / "bin" / "python")
    env = {
        **os.environ,
        **server_env(db=DB, cache_db=2, broker_db=3, queue=QUEUE, var_prefix="factcheck-bench-"),
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
    }
    sh("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}")
    sh("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}")
    sh(py, "manage.py", "migrate", "-v0", env=env)
    seed = textwrap.dedent(
        f"""
        import django, json
        django.setup()
        from claims import services
        from claims.api import keys
        from claims.models import Integration
        integration = Integration.objects.create(name="Bench CMS")
        key = keys.api_key_create(
            integration=integration, scopes=["articles:write", "articles:read"]
        )
        result = services.article_submit(title="Read me", text={ARTICLE!r}, outlet_name="Bench")
        services.article_extract(article_id=result.article.pk)
        small = services.article_submit(title="Small", text={PARAGRAPH!r}, outlet_name="Bench")
        services.article_extract(article_id=small.article.pk)
        print(json.dumps({{"key": key.key, "article": str(result.article.public_id),
                          "figures": result.article.figures.count(),
                          "small": str(small.article.public_id),
                          "small_figures": small.article.figures.count()}}))
        """
    )
    seeded = json.loads(
        sh(py, "-c", seed, env=env, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "factcheck.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--backlog",
            "256",
            *(["-k", "gthread", "--threads", str(args.threads)] if args.threads > 1 else []),
        ],
        cwd=ROOT,
        env=env,
    )
    runs: dict[str, list[dict]] = {}
    load_before = loadavg()
    try:
        wait_for_health(base)
        text = json.dumps(ARTICLE)[1:-1]
        common = f"KEY = {json.dumps(seeded['key'])}\n"
        scenarios = {
            "bare DRF create (POST /bench/outlets)": common + LUA_OUTLET,
            "ingest (POST /api/v1/articles)": common + f"TEXT = {json.dumps(text)}\n" + LUA_INGEST,
            f"read, {seeded['small_figures']} figures (GET /api/v1/articles/{{id}})": common
            + f'PATH = "/api/v1/articles/{seeded["small"]}"\n'
            + LUA_GET,
            f"read, {seeded['figures']} figures (GET /api/v1/articles/{{id}})": common
            + f'PATH = "/api/v1/articles/{seeded["article"]}"\n'
            + LUA_GET,
        }
        seconds = max(1, round(args.seconds / args.rounds))
        for round_ in range(args.rounds):
            for name, script in scenarios.items():
                if round_ == 0:  # a short warm-up, then the measured run(s)
                    wrk(base, script, seconds=2, connections=args.connections)
                runs.setdefault(name, []).append(
                    wrk(base, script, seconds=seconds, connections=args.connections)
                )
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        subprocess.run(["redis-cli", "-n", "3", "DEL", QUEUE], capture_output=True, check=False)
        if not args.keep_db:
            subprocess.run(
                ["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}"], check=False
            )
    load_after = loadavg()
    results = {name: merged(scenario_runs) for name, scenario_runs in runs.items()}

    print(
        f"\ngunicorn {args.workers} workers x {args.threads} threads, "
        f"wrk 2 threads x {args.connections} "
        f"connections, {args.seconds} s per scenario"
        + (f" in {args.rounds} alternating rounds" if args.rounds > 1 else "")
        + f", {os.cpu_count()} CPUs; ingest body ~{len(ARTICLE) // 1000} KB"
    )
    print(f"load average before {load_before}, after {load_after}\n")
    print(f"{'scenario':42} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in results.items():
        print(
            f"{name:42} {r['rps']:8.1f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
            f"{r['p99_ms']:8.1f} {r['errors']:7d}"
        )
    bare = results["bare DRF create (POST /bench/outlets)"]
    ingest = results["ingest (POST /api/v1/articles)"]
    ratio = ingest["rps"] / bare["rps"] if bare["rps"] else 0
    bare_runs = runs["bare DRF create (POST /bench/outlets)"]
    ingest_runs = runs["ingest (POST /api/v1/articles)"]
    round_ratios = [
        i["rps"] / b["rps"] if b["rps"] else 0 for b, i in zip(bare_runs, ingest_runs, strict=True)
    ]
    if args.rounds > 1:
        per_round = ", ".join(f"{r:.0%}" for r in round_ratios)
        print(f"\ningest / bare throughput per round: {per_round}")
    ok = ratio >= 0.5 and ingest["p99_ms"] < 150 and all(r["errors"] == 0 for r in results.values())
    print(
        f"\ningest / bare throughput: {ratio:.0%} (target >= 50%); "
        f"ingest p99 {ingest['p99_ms']:.0f} ms (target < 150 ms); "
        f"{'all targets met' if ok else 'TARGETS NOT MET'}"
    )
    print(
        json.dumps(
            {
                "results": results,
                "ratio": ratio,
                "round_ratios": round_ratios,
                "load_before": load_before,
                "load_after": load_after,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
