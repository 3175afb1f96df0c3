"""Load matrix L1-L3 (reliability.md section 2.5) against gunicorn + PostgreSQL + Redis + a worker.

    .venv/bin/python bench/load.py [--only L1,L2,L3] [--seconds 30] [--articles 10000]
                                   [--users 50[,100,150,200]] [--figures 15]
                                   [--crosscheck-timeout 240] [--worker-env KEY=VALUE]
                                   [--keep-db] [--json results.json]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379 and wrk.
Everything runs on this machine, the load generators included. For each
scenario it prints the load average before and after, the share of the
machine's CPU that was busy (/proc/stat), and the CPU seconds of this driver,
wrk, gunicorn or the worker, the PostgreSQL server (all databases), and
"everything else on the machine" (other people's processes on a shared box).

Setup: a fresh database `factcheck_load` (dropped at the end unless --keep-db),
migrated; Redis DB 9 as the cache and DB 8 as the broker (--redis-dbs), with a
queue of this run's own (factcheck-load-<random>, and -webhooks beside it); this
run's queues and bindings are deleted from Redis at the end. gunicorn serves the
real app (factcheck.settings) with production settings: DEBUG off, static files
from whitenoise, sessions in the database, the API throttle counted in Redis;
over plain HTTP on loopback, so SECURE_SSL_REDIRECT, SESSION_COOKIE_SECURE and
CSRF_COOKIE_SECURE are off; API_RATE_PER_MINUTE is raised to 10^8 so the
per-key throttle still runs (one Redis round trip per request) but never caps
the measurement. --workers sync workers (default 3, as the matrix).

L1, ingest and read path (wrk, closed loop):
  POST /api/v1/articles: ~5 KB HTML articles (`html` field: sanitized with nh3,
  text derived from it, article + revision + audit row, extraction task
  published to Redis on commit; no worker runs, so the queue only fills),
  50 different bodies, 200 API keys of one integration used in turn, a new
  external_id each request; --connections (16) for --seconds.
  Read path: the matrix's `GET /verdicts?since=` with If-None-Match (304) does
  not exist here. The CMS polls GET /api/v1/articles?updated_since=... instead
  (no ETag): measured twice with 4 connections, once when nothing changed (an
  empty page, the 304 case) and once with a full page of 50 articles.
  Adapted: wrk is closed-loop (16 connections as fast as answered), not a
  constant arrival rate, and runs --seconds, not 5 minutes.

L2, review desk (bench/load_reviewers.py: Python threads + requests):
  200 articles of ~5.6 KB with ~100 figures each, submitted and extracted
  in-process through the real services; --users reviewers (group Reviewers)
  log in through /login/ (not timed in the figures; the password hasher is
  slow on purpose), then each loops with a 1-3 s wait: review page ->
  the htmx panel of one figure (the matrix's "figures JSON") -> verdict form
  POST with the version it showed (the matrix's PATCH with If-Match; the app
  answers a stale version with the panel and "not saved", its 412). 10% of
  loops go to 5 hot figures. Reviewers cannot overrule each other here (an
  editor's right), so on a hot figure taken by someone else nothing is
  posted; see load_reviewers.py. A list in --users runs one window per
  count (a step test); the knee is the first count with page p95 > 500 ms.
  Not done: the 3 headless-Chromium render timings.

L3, backlog drain:
  --articles (10,000) queued articles of ~5 KB (corpus sentences; --figures
  sets about how many figures each has: the matrix assumes ~15, the corpus
  as written gives ~100, --figures 0), written in bulk as article_submit
  leaves them, one extract_article message each published to Redis, then
  ONE worker `celery worker -c 2 --prefetch-multiplier 1` (acks_late from
  settings). Each extraction publishes a cross-check of its article on
  commit, behind the backlog (FIFO), so the report gives the time until every
  article is extracted and the time until the queue is empty and every
  article placed in a story. The cross-checks are much slower than the
  extractions: by default they are followed for --crosscheck-timeout (240 s)
  after the last extraction, then the worker is stopped and the time to an
  empty queue is projected from their rate; --crosscheck-timeout 0 follows
  them to the end. Worker RSS per process is read from /proc each second;
  queue length with LLEN; connections opened from pg_stat_database.sessions.
  --worker-env KEY=VALUE changes the worker's environment only, to try a
  setting (e.g. DJANGO_SETTINGS_MODULE of a scratch settings module, with
  PYTHONPATH; that is how keeping database connections across tasks, now in
  settings, was measured). gunicorn is stopped first.
  Not done: the RabbitMQ run, and the 10 API users during the drain.

The defaults take 10-15 minutes on 2 shared cores, most of it L3. The matrix at full size (5-minute
ingest, step test to 200 reviewers, every cross-check drained; about an hour):
  .venv/bin/python bench/load.py --seconds 300 --users 50,100,150,200 --crosscheck-timeout 0

Before each scenario the script waits (polling every 30 s, up to 10 minutes)
while `pgrep -fa "wrk|api_load|bench/extraction"` finds another benchmark,
then measures anyway and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_load import LUA_COMMON, free_port, loadavg, server_env, wrk  # noqa: E402

PG = "postgres://postgres@127.0.0.1:5432"
DB = "factcheck_load"
PY = str(ROOT / ".venv" / "bin" / "python")
CLK = os.sysconf("SC_CLK_TCK")
OTHERS = "wrk|api_load|bench/extraction"

LUA_INGEST = (
    LUA_COMMON
    + r"""
function request()
  counter = counter + 1
  local key = KEYS[((counter * 2 + tid) % #KEYS) + 1]
  local body = string.format(
    '{"external_id": "load-%s-%d-%d", "title": "Load report %d-%d", "html": "%s", '
    .. '"url": "https://news.example.com/load/%s/%d/%d", "outlet": "%s", '
    .. '"published_at": "2026-11-13T12:00:00Z"}',
    RUN, tid, counter, tid, counter, BODIES[(counter % #BODIES) + 1],
    RUN, tid, counter, OUTLETS[(counter % #OUTLETS) + 1])
  return wrk.format("POST", "/api/v1/articles",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
"""
)

LUA_READ = (
    LUA_COMMON
    + r"""
function request()
  counter = counter + 1
  local key = KEYS[((counter * 2 + tid) % #KEYS) + 1]
  return wrk.format("GET", PATH, {["Authorization"] = "Bearer " .. key})
end
"""
)


# ---------------------------------------------------------------- machine
def cpu_of(pid: int) -> float:
    """utime + stime of a live process, in seconds (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK


def children_of(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def tree(pid: int) -> list[int]:
    return [pid, *children_of(pid)]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _stat(pid: int) -> list[str]:
    """/proc/<pid>/stat fields after the command name (field 3 onwards)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _is_mine(pid: int) -> bool:
    """Whether `pid` is this process or one it started (our wrk, gunicorn, worker)."""
    me = os.getpid()
    for _ in range(50):
        if pid == me:
            return True
        if pid <= 1:
            return False
        try:
            pid = int(_stat(pid)[1])
        except OSError:
            return False
    return False


def others_benchmarking() -> list[str]:
    out = subprocess.run(["pgrep", "-fa", OTHERS], capture_output=True, text=True).stdout
    return [ln for ln in out.splitlines() if ln and not _is_mine(int(ln.split()[0]))]


def postgres_server_cpu() -> float:
    """CPU seconds of the whole PostgreSQL server (every database: the machine
    is shared): its live processes plus what the postmaster reaped. Celery
    opens a connection per task, so backends live milliseconds; sampling
    them would miss most of their CPU."""
    total = 0.0
    procs: dict[int, tuple[str, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            if comm != "postgres":
                continue
            fields = _stat(int(entry.name))
        except OSError:
            continue
        procs[int(entry.name)] = (comm, int(fields[1]))
        total += (int(fields[11]) + int(fields[12])) / CLK
    for pid, (_, ppid) in procs.items():
        if ppid not in procs:  # the postmaster
            try:
                fields = _stat(pid)
            except OSError:
                continue
            total += (int(fields[13]) + int(fields[14])) / CLK
    return total


def wait_quiet(label: str) -> str:
    """Wait (30 s polls, 10 minutes at most) while another benchmark runs."""
    waited = 0
    while True:
        found = others_benchmarking()
        if not found:
            return f"nothing else benchmarking (waited {waited} s)" if waited else "quiet"
        if waited >= 600:
            note = "measured anyway after 10 minutes while running: " + "; ".join(found)[:300]
            print(f"[{label}] {note}", flush=True)
            return note
        print(f"[{label}] another benchmark is running, waiting 30 s: {found[0][:120]}", flush=True)
        time.sleep(30)
        waited += 30


class Meter:
    """Over a block: load average, machine CPU busy, this process's CPU, CPU
    seconds of named process groups (sampled every second, so processes that
    start or exit meanwhile, such as PostgreSQL backends, are counted), and
    other benchmarks seen running (checked every 2 s)."""

    def __init__(
        self,
        processes: dict[str, Callable[[], list[int]]] | None = None,
        counters: dict[str, Callable[[], float]] | None = None,
    ) -> None:
        self.processes = processes or {}  # name -> function returning pids
        # name -> function returning cumulative CPU seconds
        self.counters = {"postgres": postgres_server_cpu, **(counters or {})}
        self._done = threading.Event()
        self._first: dict[str, dict[int, float]] = {name: {} for name in self.processes}
        self._last: dict[str, dict[int, float]] = {name: {} for name in self.processes}
        self.checks = self.hits = 0
        self.seen: list[str] = []

    def _sample(self, initial: bool = False) -> None:
        for name, pids in self.processes.items():
            try:
                current = pids()
            except Exception:  # a lost sample only undercounts
                continue
            for pid in current:
                cpu = cpu_of(pid)
                self._first[name].setdefault(pid, cpu if initial else 0.0)
                self._last[name][pid] = max(cpu, self._last[name].get(pid, 0.0))

    def _run(self) -> None:
        tick = 0
        while not self._done.wait(1):
            self._sample()
            tick += 1
            if tick % 2 == 0:
                found = others_benchmarking()
                self.checks += 1
                if found:
                    self.hits += 1
                    self.seen += [f for f in found if f not in self.seen][:3]

    def __enter__(self) -> Meter:
        self.load_before = loadavg()
        self.ticks0 = machine_ticks()
        self.wall0 = time.perf_counter()
        self.self0 = time.process_time()
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.children0 = ch.ru_utime + ch.ru_stime
        self._sample(initial=True)
        self.counters0 = {name: f() for name, f in self.counters.items()}
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """End the sampling (call while the measured processes still live)."""
        if self._done.is_set():
            return
        self._done.set()
        self._thread.join()
        self._sample()
        self.proc_cpu = {
            name: round(sum(last - self._first[name][pid] for pid, last in lasts.items()), 1)
            for name, lasts in self._last.items()
        }
        for name, f in self.counters.items():
            self.proc_cpu[name] = round(f() - self.counters0[name], 1)
        if not self.hits:
            self.others = f"none seen in {self.checks} checks"
        else:
            self.others = f"in {self.hits} of {self.checks} checks: " + "; ".join(self.seen)[:300]

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.wall = time.perf_counter() - self.wall0
        busy0, total0 = self.ticks0
        busy1, total1 = machine_ticks()
        self.busy_pct = 100 * (busy1 - busy0) / max(1, total1 - total0)
        self.busy_cpu = (busy1 - busy0) / CLK
        self.driver_cpu = time.process_time() - self.self0
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.children_cpu = ch.ru_utime + ch.ru_stime - self.children0
        self.load_after = loadavg()

    def summary(self) -> dict:
        return {
            "load_before": self.load_before,
            "load_after": self.load_after,
            "machine_cpu_busy_pct": round(self.busy_pct, 1),
            "machine_cpu_busy_s": round(self.busy_cpu, 1),
            "wall_s": round(self.wall, 1),
            "driver_cpu_s": round(self.driver_cpu, 1),
            "waited_children_cpu_s": round(self.children_cpu, 1),
            **{f"{name}_cpu_s": cpu for name, cpu in self.proc_cpu.items()},
            "other_benchmarks_during": self.others,
        }


def pg_backends() -> list[int]:
    """PostgreSQL backends serving this bench's database (not this process's)."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [DB],
        ).fetchall()
    return [r[0] for r in rows]


def pg_sessions() -> int:
    """Connections ever opened to the bench database (PostgreSQL 14+)."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        row = conn.execute(
            "SELECT sessions FROM pg_stat_database WHERE datname = %s", [DB]
        ).fetchone()
    return int(row[0]) if row else 0


class PgConnectionSampler(threading.Thread):
    """The largest number of connections to the bench database, once a second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            with contextlib.suppress(Exception):  # a sample lost is fine
                self.peak = max(self.peak, len(pg_backends()))
            self._done.wait(1)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


# ---------------------------------------------------------------- setup
def sh(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, cwd=ROOT, **kw)


def bench_env(args, queue: str) -> dict[str, str]:
    broker_db, cache_db = args.redis_dbs
    return server_env(
        db=DB, cache_db=cache_db, broker_db=broker_db, queue=queue, var_prefix="factcheck-load-"
    )


def gunicorn_start(workers: int) -> tuple[subprocess.Popen, str]:
    import urllib.request

    port = free_port()
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "factcheck.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--backlog",
            "256",
        ],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz")


def stop(proc: subprocess.Popen | None, timeout: float = 60) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def redis_client(db: int):
    import redis

    return redis.Redis(host="127.0.0.1", port=6379, db=db)


def redis_cleanup(db: int, token: str) -> int:
    """Delete this run's keys (queues, pidbox) and binding entries; nothing else."""
    r = redis_client(db)
    removed = 0
    for key in r.scan_iter(match=f"*{token}*"):
        removed += r.delete(key)
    for key in r.scan_iter(match="_kombu.binding.*"):
        for member in r.smembers(key):
            if token.encode() in member:
                removed += r.srem(key, member)
    # Kombu's shared bookkeeping (the pidbox deadline, empty unacked maps):
    # removed too when no other queue is left in this DB, i.e. nobody uses it.
    rest = list(r.scan_iter())
    if all(k.startswith(b"_kombu.binding_deadlines") or k.startswith(b"unacked") for k in rest):
        removed += r.delete(*rest) if rest else 0
    return removed


# ---------------------------------------------------------------- L1
def lua_list(name: str, values: list[str]) -> str:
    return f"{name} = {{" + ", ".join(json.dumps(v) for v in values) + "}\n"


def scenario_l1(args, base: str, gunicorn: subprocess.Popen) -> dict:
    from bench.load_corpus import html_bodies
    from bench.load_db import OUTLETS, api_keys_create
    from claims.models import Article

    keys = api_keys_create(integration_name="Load CMS", n=args.keys)
    bodies = [json.dumps(b)[1:-1] for b in html_bodies(50)]
    common = lua_list("KEYS", keys)
    ingest_script = common + lua_list("BODIES", bodies) + lua_list("OUTLETS", OUTLETS) + LUA_INGEST
    processes = {
        "gunicorn": lambda: tree(gunicorn.pid),
    }
    from django.db import connections

    results: dict = {"keys": len(keys), "body_bytes": round(sum(map(len, bodies)) / len(bodies))}
    wrk(base, ingest_script, seconds=2, connections=args.connections)  # warm-up
    results["quiet"] = wait_quiet("L1")
    stored0 = Article.objects.filter(integration__name="Load CMS").count()
    connections.close_all()
    sampler = PgConnectionSampler()
    sampler.start()
    with Meter(processes) as meter:
        ingest = wrk(base, ingest_script, seconds=args.seconds, connections=args.connections)
        meter.stop()
    ingest["pg_connections_peak"] = sampler.stop()
    ingest["stored"] = Article.objects.filter(integration__name="Load CMS").count() - stored0
    ingest.pop("histogram")
    results["ingest"] = {**ingest, **meter.summary()}

    # The poll: everything since just before the ingest (a full page of 50),
    # and since now (nothing new: an empty page).
    since_all = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    time.sleep(1.1)
    since_none = dt.datetime.now(dt.UTC).isoformat()
    connections.close_all()
    read_seconds = max(5, args.seconds // 2)
    for name, since in (("read_page", since_all), ("read_empty", since_none)):
        path = f"/api/v1/articles?updated_since={since.replace('+', '%2B')}&limit=50"
        script = common + f"PATH = {json.dumps(path)}\n" + LUA_READ
        wrk(base, script, seconds=2, connections=4)
        results[f"{name}_quiet"] = wait_quiet("L1 read")
        with Meter(processes) as meter:
            run = wrk(base, script, seconds=read_seconds, connections=4)
            meter.stop()
        run.pop("histogram")
        results[name] = {**run, "path": path, **meter.summary()}
    import urllib.request

    request = urllib.request.Request(
        base + results["read_page"]["path"], headers={"Authorization": f"Bearer {keys[0]}"}
    )
    with urllib.request.urlopen(request) as response:
        results["read_page"]["items"] = len(json.load(response)["results"])
    request = urllib.request.Request(
        base + results["read_empty"]["path"], headers={"Authorization": f"Bearer {keys[0]}"}
    )
    with urllib.request.urlopen(request) as response:
        results["read_empty"]["items"] = len(json.load(response)["results"])
    return results


# ---------------------------------------------------------------- L2
def scenario_l2(args, base: str, gunicorn: subprocess.Popen) -> dict:
    from django.db import connections

    from bench import load_reviewers as lr
    from bench.load_corpus import dense_articles
    from bench.load_db import (
        REVIEWER_PASSWORD,
        review_articles_create,
        reviewers_create,
        verdict_counts,
    )

    t0 = time.perf_counter()
    desk = review_articles_create(docs=dense_articles(args.review_articles))
    usernames = reviewers_create(n=max(args.users))
    seed_s = time.perf_counter() - t0
    connections.close_all()
    figures = desk["figures"]
    results: dict = {
        "seed_s": round(seed_s, 1),
        "articles": len(desk["articles"]),
        "figures_per_article": round(sum(figures) / len(figures), 1),
        "figures_min_max": [min(figures), max(figures)],
        "article_statuses": desk["statuses"],
        "steps": [],
    }
    reviewers = [
        lr.Reviewer(username=u, password=REVIEWER_PASSWORD, base=base, seed=i)
        for i, u in enumerate(usernames)
    ]
    processes = {
        "gunicorn": lambda: tree(gunicorn.pid),
    }
    all_samples: list = []
    logged_in = 0
    for users in args.users:
        t0 = time.perf_counter()
        lr.login_all(reviewers[logged_in:users])
        login_ms = [r.login_ms for r in reviewers[logged_in:users]]
        login_s = time.perf_counter() - t0
        logged_in = max(logged_in, users)
        quiet = wait_quiet(f"L2 {users} users")
        with Meter(processes) as meter:
            samples, window = lr.run_window(
                reviewers[:users],
                articles=desk["articles"],
                hot_article=desk["hot_article"],
                hot_figures=desk["hot_figures"],
                seconds=args.seconds,
                warmup=args.warmup,
            )
            meter.stop()
        all_samples += samples
        step = l2_stats(samples, window, lr.percentile)
        step.update(
            users=users,
            quiet=quiet,
            login_s=round(login_s, 1),
            login_p50_ms=round(lr.percentile(login_ms, 50), 1) if login_ms else None,
            **meter.summary(),
        )
        results["steps"].append(step)
    saved = sum(1 for s in all_samples if s.kind == "verdict" and s.outcome == "saved")
    results["db"] = {**verdict_counts(hot_figures=desk["hot_figures"]), "answers_saved": saved}
    knee = next((s["users"] for s in results["steps"] if s["page"]["p95_ms"] > 500), None)
    results["knee_users"] = knee
    return results


def l2_stats(samples, window: float, percentile) -> dict:
    measured = [s for s in samples if not s.warm]
    out: dict = {"window_s": round(window, 1), "requests": len(measured)}
    out["req_per_s"] = round(len(measured) / window, 1) if window else 0.0
    for kind in ("page", "panel", "verdict"):
        ms = [s.ms for s in measured if s.kind == kind]
        out[kind] = {
            "n": len(ms),
            "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1),
            "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1) if ms else 0.0,
        }
    out["http_5xx"] = sum(1 for s in measured if s.status >= 500)
    out["http_other_errors"] = sum(1 for s in measured if s.status == 0 or 400 <= s.status < 500)
    for group in ("cold", "hot"):
        outcomes: dict[str, int] = {}
        for s in measured:
            if s.group == group and (s.kind == "verdict" or s.outcome == "no_form"):
                key = s.outcome or f"http_{s.status}"
                outcomes[key] = outcomes.get(key, 0) + 1
        out[f"{group}_outcomes"] = outcomes
    cold = out["cold_outcomes"]
    posted = sum(v for k, v in cold.items() if k != "no_form")
    out["stale_rate_cold_pct"] = round(100 * cold.get("stale", 0) / posted, 2) if posted else 0.0
    return out


# ---------------------------------------------------------------- L3
def scenario_l3(args, queue: str) -> dict:
    from django.db import connections

    from bench.load_corpus import dense_articles, sparse_articles
    from bench.load_db import backlog_check, backlog_create, backlog_progress, backlog_publish
    from claims.extraction import extract

    broker_db = args.redis_dbs[0]
    r = redis_client(broker_db)
    leftover = r.llen(queue)
    r.delete(queue)  # this run's L1/L2 messages (no worker ran): not the backlog
    results: dict = {"leftover_messages_deleted": leftover}

    t0 = time.perf_counter()
    if args.figures:
        docs = sparse_articles(args.articles, figures=args.figures)
    else:
        docs = dense_articles(args.articles)
    results["build_texts_s"] = round(time.perf_counter() - t0, 1)
    results["article_bytes_mean"] = round(sum(len(d.text.encode()) for d in docs) / len(docs))
    # The engine alone on a sample of the same texts, in this process.
    sample = docs[:: max(1, len(docs) // 200)]
    c0 = time.process_time()
    found = sum(len(extract(d)) for d in sample)
    results["engine_cpu_ms_per_article"] = round((time.process_time() - c0) * 1000 / len(sample), 2)
    results["engine_figures_per_article_sample"] = round(found / len(sample), 1)

    memory_before = r.info("memory")["used_memory"]
    t0 = time.perf_counter()
    integration_id, ids = backlog_create(docs=docs, integration_name="Load backlog")
    results["insert_s"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    backlog_publish(ids=ids)
    results["publish_s"] = round(time.perf_counter() - t0, 1)
    results["queued"] = r.llen(queue)
    memory_queued = r.info("memory")["used_memory"]
    connections.close_all()
    del docs

    results["quiet"] = wait_quiet("L3")
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 -- read back after the worker stops
        "w+", prefix="factcheck-load-worker-", suffix=".log"
    )
    worker_cmd = [
        str(ROOT / ".venv" / "bin" / "celery"),
        "-A",
        "factcheck",
        "worker",
        "-c",
        "2",
        "--prefetch-multiplier",
        "1",
        "-l",
        "WARNING",
        "-n",
        f"{queue}@%h",
        "-Q",
        f"{queue},{queue}-webhooks,{queue}-checks",  # cross-checks have their own queue
        "--without-gossip",
        "--without-mingle",
    ]
    rss_peak: dict[int, float] = {}
    placed_at_extracted = 0
    series: list[tuple[float, int, int, int, int]] = []
    extracted_at = drained_at = None
    worker_pids: set[int] = set()
    sessions0 = pg_sessions()
    with Meter({"worker": lambda: sorted(worker_pids)}) as meter:
        start, start_epoch = time.perf_counter(), time.time()
        worker = subprocess.Popen(
            worker_cmd,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **dict(kv.split("=", 1) for kv in args.worker_env)},
        )
        try:
            deadline = start + args.drain_timeout
            idle_polls = 0
            while time.perf_counter() < deadline:
                time.sleep(1)
                if worker.poll() is not None:
                    raise RuntimeError(f"the worker exited ({worker.returncode})")
                for pid in tree(worker.pid):
                    worker_pids.add(pid)
                    rss_peak[pid] = max(rss_peak.get(pid, 0.0), rss_mb(pid))
                progress = backlog_progress(integration_id=integration_id)
                depth, unacked = r.llen(queue) + r.llen(f"{queue}-checks"), r.hlen("unacked")
                now = time.perf_counter() - start
                series.append((round(now, 1), depth, unacked, progress["extracted"],
                               progress["placed"]))  # fmt: skip
                done = progress["extracted"] + progress["failed"]
                if extracted_at is None and done >= len(ids):
                    extracted_at, placed_at_extracted = now, progress["placed"]
                # Drained: nothing queued or in flight, and every extracted
                # article placed in a story (or, should a cross-check have
                # failed, nothing left for 5 s: the check reports the rest).
                idle_polls = idle_polls + 1 if depth == 0 and unacked == 0 else 0
                if extracted_at is not None and (
                    (idle_polls and progress["placed"] >= progress["extracted"]) or idle_polls >= 5
                ):
                    drained_at = now
                    break
                if (
                    extracted_at is not None
                    and args.crosscheck_timeout
                    and now - extracted_at > args.crosscheck_timeout
                ):
                    break  # cross-checks not drained: rate so far and a projection below
            meter.stop()  # the worker's CPU, read while its processes live
            worker_cpu = {pid: round(cpu_of(pid), 1) for pid in tree(worker.pid)}
        finally:
            stop(worker)
            connections.close_all()
    log.seek(0)
    worker_log = log.read()
    log.close()
    memory_after = r.info("memory")["used_memory"]
    results["pg_sessions_opened"] = pg_sessions() - sessions0
    check = backlog_check(integration_id=integration_id)
    connections.close_all()
    first, last = check.pop("first_run_started"), check.pop("last_run_finished")
    n = len(ids)
    results.update(
        articles=n,
        worker_boot_to_first_run_s=round(first - start_epoch, 1) if first else None,
        extracted_s=round(extracted_at, 1) if extracted_at else None,
        drained_s=round(drained_at, 1) if drained_at else None,
        extract_rate=round(n / extracted_at, 1) if extracted_at else None,
        extract_rate_runs=round(n / (last - first), 1) if first and last and last > first else None,
        crosscheck_rate=(
            round((series[-1][4] - placed_at_extracted) / (series[-1][0] - extracted_at), 1)
            if extracted_at and series[-1][0] > extracted_at
            else None
        ),
        all_tasks_rate=round(2 * n / drained_at, 1) if drained_at else None,
        worker_rss_peak_mb={str(pid): round(mb, 1) for pid, mb in rss_peak.items()},
        worker_cpu_per_process_s=worker_cpu,
        redis_used_memory_mb={
            "before_enqueue": round(memory_before / 2**20, 1),
            "queued": round(memory_queued / 2**20, 1),
            "after_drain": round(memory_after / 2**20, 1),
        },
        series=series,
        check=check,
        worker_log_errors=[
            ln for ln in worker_log.splitlines() if re.search(r"ERROR|CRITICAL|Traceback", ln)
        ][:20],
        **meter.summary(),
    )
    results["not_placed"] = check["articles"] - (series[-1][4] if series else 0)
    if drained_at is None and results["crosscheck_rate"]:
        # Stopped by --crosscheck-timeout: when the queue would have emptied.
        results["drained_projected_s"] = round(
            series[-1][0] + series[-1][1] / results["crosscheck_rate"], 1
        )
    return results


# ---------------------------------------------------------------- report
def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT MET")


def row(name: str, measured: str, target: str, ok: bool | None) -> None:
    print(f"  {name:34} {measured:>26}   {target:<22} {verdict(ok)}")


CPU_LABELS = {
    "driver_cpu_s": "this driver",
    "waited_children_cpu_s": "wrk",
    "gunicorn_cpu_s": "gunicorn",
    "worker_cpu_s": "worker",
    "postgres_cpu_s": "PostgreSQL server (all databases)",
}


def machine_line(m: dict, *, wrk: bool = False) -> str:
    cpu = ", ".join(
        f"{label} {m[key]} s"
        for key, label in CPU_LABELS.items()
        if key in m and (wrk or key != "waited_children_cpu_s")
    )
    ours = sum(m[key] for key in CPU_LABELS if key in m and (wrk or key != "waited_children_cpu_s"))
    return (
        f"  load avg {m['load_before']} -> {m['load_after']}; machine CPU busy "
        f"{m['machine_cpu_busy_pct']}% of {os.cpu_count()} cores over {m['wall_s']} s\n"
        f"  CPU seconds: {cpu}; everything else on the machine "
        f"{max(0.0, m['machine_cpu_busy_s'] - ours):.1f} s\n"
        f"  other benchmarks during the measurement: {m['other_benchmarks_during']}"
    )


def report_l1(res: dict, args) -> None:
    ing = res["ingest"]
    print(
        f"\nL1 ingest: POST /api/v1/articles, ~{res['body_bytes'] // 1000} KB HTML, "
        f"{res['keys']} keys, wrk 2 threads x {args.connections} connections, "
        f"{round(ing['seconds'])} s ({res['quiet']})"
    )
    row("throughput", f"{ing['rps']:.1f} req/s", ">= 200 req/s", ing["rps"] >= 200)
    row("p50 / p95", f"{ing['p50_ms']:.1f} / {ing['p95_ms']:.1f} ms", "p95 <= 150 ms",
        ing["p95_ms"] <= 150)  # fmt: skip
    row("p99 / max", f"{ing['p99_ms']:.1f} / {ing['max_ms']:.0f} ms", "p99 <= 400 ms",
        ing["p99_ms"] <= 400)  # fmt: skip
    row("errors (non-2xx + socket)", f"{ing['errors']} ({ing['non_2xx']} non-2xx)", "0",
        ing["errors"] == 0)  # fmt: skip
    row("PostgreSQL connections (peak)", str(ing["pg_connections_peak"]), "<= 20",
        ing["pg_connections_peak"] <= 20)  # fmt: skip
    row("articles stored / answers", f"{ing['stored']} / {ing['requests']}", "(equal +- in flight)",
        None)  # fmt: skip
    print(machine_line(ing, wrk=True))
    for name, label in (("read_page", "a page of 50"), ("read_empty", "nothing new")):
        rd = res[name]
        print(
            f"\nL1 read: GET /api/v1/articles?updated_since=... ({label}: {rd['items']} items), "
            f"wrk 2 x 4 connections, {round(rd['seconds'])} s ({res[name + '_quiet']})"
        )
        row("throughput", f"{rd['rps']:.1f} req/s", ">= 600 req/s", rd["rps"] >= 600)
        row("p50 / p95 / p99", f"{rd['p50_ms']:.1f} / {rd['p95_ms']:.1f} / {rd['p99_ms']:.1f} ms",
            "p95 <= 50 ms", rd["p95_ms"] <= 50)  # fmt: skip
        row("errors", str(rd["errors"]), "0", rd["errors"] == 0)
        print(machine_line(rd, wrk=True))


def report_l2(res: dict) -> None:
    print(
        f"\nL2 review desk: {res['articles']} articles x {res['figures_per_article']} figures "
        f"(min {res['figures_min_max'][0]}, max {res['figures_min_max'][1]}), seeded in "
        f"{res['seed_s']} s; reviewers wait 1-3 s per loop"
    )
    for step in res["steps"]:
        print(
            f" {step['users']} reviewers, {step['window_s']} s measured after the warm-up, "
            f"{step['requests']} requests ({step['req_per_s']} req/s); logins "
            f"{step['login_s']} s, p50 {step['login_p50_ms']} ms ({step['quiet']})"
        )
        for kind, target in (("page", 250), ("panel", 100), ("verdict", 150)):
            k = step[kind]
            row(f"{kind} p50 / p95 / p99 (n={k['n']})",
                f"{k['p50_ms']:.0f} / {k['p95_ms']:.0f} / {k['p99_ms']:.0f} ms",
                f"p95 <= {target} ms", k["p95_ms"] <= target)  # fmt: skip
        row("5xx", str(step["http_5xx"]), "0", step["http_5xx"] == 0)
        row("other HTTP errors / timeouts", str(step["http_other_errors"]), "", None)
        row("stale answers, cold figures", f"{step['stale_rate_cold_pct']}%", "<= 2%",
            step["stale_rate_cold_pct"] <= 2)  # fmt: skip
        print(f"  verdicts, cold: {step['cold_outcomes']}; hot: {step['hot_outcomes']}")
        print(machine_line(step))
    print(
        f"  knee (first step with page p95 > 500 ms): {res['knee_users'] or 'not reached'}"
        f" (target >= 150 users); DB: {res['db']}"
    )


def args_crosscheck_note(res: dict) -> str:
    last = res["series"][-1]
    return (
        f"following cross-checks after --crosscheck-timeout: {last[1]} still queued at "
        f"{last[0]} s, {res['not_placed']} articles not yet placed in a story"
    )


def report_l3(res: dict) -> None:
    c = res["check"]
    print(
        f"\nL3 backlog drain: {res['articles']} articles of ~{res['article_bytes_mean']} bytes, "
        f"{c['figures_per_article']} figures each ({c['figures_total']} in all); built in "
        f"{res['build_texts_s']} s, inserted in {res['insert_s']} s, {res['queued']} messages "
        f"published in {res['publish_s']} s; 1 worker -c 2 --prefetch-multiplier 1 "
        f"({res['quiet']})"
    )
    rate = res["extract_rate"]
    row("all extracted after", f"{res['extracted_s']} s", "<= 200 s",
        res["extracted_s"] is not None and res["extracted_s"] <= 200)  # fmt: skip
    row("extraction drain rate", f"{rate} tasks/s", ">= 50 tasks/s",
        rate is not None and rate >= 50)  # fmt: skip
    row("  (first run start -> last finish)", f"{res['extract_rate_runs']} tasks/s", "", None)
    if res["drained_s"] is not None or "drained_projected_s" not in res:
        row("queue empty, all cross-checked", f"{res['drained_s']} s", "queue reaches 0",
            res["drained_s"] is not None)  # fmt: skip
    else:
        row("queue empty (projected)", f"~{res['drained_projected_s']} s", "queue reaches 0",
            None)  # fmt: skip
        print(f"  (stopped {args_crosscheck_note(res)})")
    row("cross-check drain rate", f"{res['crosscheck_rate']} tasks/s", "", None)
    row("all tasks (2 per article)", f"{res['all_tasks_rate']} tasks/s", "", None)
    dupes = c["revisions_with_two_succeeded_runs"] + c["duplicate_current_figure_spans"]
    row("exactly-once: duplicates", f"{c['revisions_with_two_succeeded_runs']} runs, "
        f"{c['duplicate_current_figure_spans']} figures", "0", dupes == 0)  # fmt: skip
    row("  run figure_count != stored", str(c["runs_whose_figure_count_differs"]), "0",
        c["runs_whose_figure_count_differs"] == 0)  # fmt: skip
    row("  index docs counter / indexed", f"{c['termstat_docs_counter']} / {c['articles_indexed']}",
        "equal", c["termstat_docs_counter"] == c["articles_indexed"])  # fmt: skip
    row("  runs failed / retried", f"{c['runs_failed']} / {c['runs_attempted_more_than_once']}",
        "", None)  # fmt: skip
    peak = max(res["worker_rss_peak_mb"].values()) if res["worker_rss_peak_mb"] else 0
    row("worker RSS peak per process", " / ".join(f"{v:.0f}" for v in
        res["worker_rss_peak_mb"].values()) + " MB", "<= 250 MB", peak <= 250)  # fmt: skip
    mem = res["redis_used_memory_mb"]
    row("Redis used memory (whole server)",
        f"{mem['before_enqueue']} > {mem['queued']} > {mem['after_drain']} MB",
        "flat after the drain", mem["after_drain"] <= mem["before_enqueue"] * 1.1 + 1)  # fmt: skip
    row("PostgreSQL connections opened", str(res["pg_sessions_opened"]), "", None)
    row("run duration p50 / p95 (DB)", f"{c['run_seconds_p50']} / {c['run_seconds_p95']} s", "",
        None)  # fmt: skip
    row("engine alone (this process)", f"{res['engine_cpu_ms_per_article']} ms CPU/article", "",
        None)  # fmt: skip
    series = res["series"]
    if series:
        step = max(1, len(series) // 10)
        points = series[::step] + ([series[-1]] if (len(series) - 1) % step else [])
        print("  queue over time (s: queued, unacked, extracted, placed): "
              + "; ".join(f"{t}: {d}, {u}, {e}, {p}" for t, d, u, e, p in points))  # fmt: skip
    sizes = c["story_sizes"]
    print(f"  stories (articles per story: count): {sizes[:6]}{' ...' if len(sizes) > 6 else ''}"
          f"{' largest ' + str(sizes[-1]) if sizes else ''}")  # fmt: skip
    print(f"  worker CPU s per process: {res['worker_cpu_per_process_s']}")
    if res["worker_log_errors"]:
        print("  worker log errors:", *res["worker_log_errors"][:5], sep="\n    ")
    print(machine_line(res))
    print("  not measured: API p95 during the drain (no API users ran), RabbitMQ, a queue-depth"
          " metric of the app's own (LLEN read directly)")  # fmt: skip


# ---------------------------------------------------------------- main
def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="L1,L2,L3", help="scenarios to run, e.g. L1,L3")
    parser.add_argument("--seconds", type=int, default=30, help="L1 ingest and each L2 window")
    parser.add_argument("--connections", type=int, default=16, help="L1 ingest connections")
    parser.add_argument("--keys", type=int, default=200, help="L1 distinct API keys")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--users", default="50", help="L2 reviewers; a list is a step test")
    parser.add_argument("--warmup", type=float, default=5, help="L2 seconds before measuring")
    parser.add_argument("--review-articles", type=int, default=200)
    parser.add_argument("--articles", type=int, default=10_000, help="L3 backlog size")
    parser.add_argument(
        "--figures", type=int, default=15, help="L3 figures per article (0: the corpus's ~100)"
    )
    parser.add_argument(
        "--drain-timeout", type=int, default=1800, help="L3: give up after this many seconds"
    )
    parser.add_argument(
        "--crosscheck-timeout",
        type=int,
        default=240,
        help="L3: seconds to follow the cross-checks once all articles are extracted, then "
        "stop and project (0: until the queue is empty)",
    )
    parser.add_argument("--redis-dbs", default="8,9", help="broker,cache Redis DB numbers")
    parser.add_argument(
        "--worker-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="L3: extra environment for the worker only (to try a setting), repeatable",
    )
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    args.users = [int(u) for u in args.users.split(",")]
    args.redis_dbs = [int(d) for d in args.redis_dbs.split(",")]
    only = {s.strip().upper() for s in args.only.split(",")}
    if not shutil.which("wrk") and only & {"L1"}:
        sys.exit("wrk is missing: apt-get install -y wrk")

    token = secrets.token_hex(6)
    queue = f"factcheck-load-{token}"
    env = bench_env(args, queue)
    os.environ.update(env)
    results: dict = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_at_start": loadavg(),
        "queue": queue,
        "args": {k: v for k, v in vars(args).items()},
    }
    print(f"load average at start {results['load_at_start']}; {os.cpu_count()} CPUs", flush=True)
    gunicorn = None
    try:
        sh("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}")
        sh("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}")
        sh(PY, "manage.py", "migrate", "-v0")
        import django

        django.setup()
        if only & {"L1", "L2"}:
            gunicorn, base = gunicorn_start(args.workers)
        if "L1" in only:
            print("L1: ingest and read path ...", flush=True)
            results["L1"] = scenario_l1(args, base, gunicorn)
            report_l1(results["L1"], args)
        if "L2" in only:
            print("\nL2: review desk (seeding) ...", flush=True)
            results["L2"] = scenario_l2(args, base, gunicorn)
            report_l2(results["L2"])
        stop(gunicorn)
        gunicorn = None
        if "L3" in only:
            print(f"\nL3: backlog drain of {args.articles} articles ...", flush=True)
            results["L3"] = scenario_l3(args, queue)
            report_l3(results["L3"])
    finally:
        stop(gunicorn)
        if "django" in sys.modules and hasattr(sys.modules["django"], "apps"):
            from django.db import connections

            connections.close_all()
        results["redis_keys_removed"] = redis_cleanup(args.redis_dbs[0], token)
        if not args.keep_db:
            subprocess.run(
                ["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"],
                check=False,
            )
        shutil.rmtree(env["FACTCHECK_VAR_DIR"], ignore_errors=True)
    results["load_at_end"] = loadavg()
    print(f"\nload average at end {results['load_at_end']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    print("RESULTS " + json.dumps(results, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
