"""Liveness and readiness.

/healthz answers 200 while the process serves requests, and touches nothing
else: a load balancer or container runtime that restarts on its failure
should not restart web processes because Redis or the database is away (the
app degrades then; restarting would not help).

/readyz checks the database, the cache and the broker, each in its own
thread with a deadline, and answers 503 naming the component at fault when
any is unreachable or too slow: for monitoring, and for a load balancer that
takes an instance out of rotation instead of restarting it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

DEADLINE = 2.0  # seconds for all checks together
BROKER_TIMEOUT = 1.0


def _database() -> None:
    from django.db import connections

    # A fresh connection of this thread (and closed after): "can the app
    # connect now", not "is a pooled connection still open".
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()


def _cache() -> None:
    from factcheck.cache import cache_ping

    cache_ping()


def _broker() -> None:
    from factcheck.celery import app

    transport_options = {"socket_timeout": BROKER_TIMEOUT}
    with app.connection_for_write(
        connect_timeout=BROKER_TIMEOUT, transport_options=transport_options
    ) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT)


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "broker": _broker,
}


def run_checks(deadline: float = DEADLINE) -> dict[str, str]:
    """Each component's state: "ok", "unreachable" or "timeout"."""
    states = dict.fromkeys(CHECKS, "timeout")

    def run(name: str, check: Callable[[], None]) -> None:
        try:
            check()
        except Exception:  # any failure means not ready; the log says which
            logger.warning("readiness: %s unreachable", name, exc_info=True)
            states[name] = "unreachable"
        else:
            states[name] = "ok"

    # Daemon threads: a check stuck past the deadline is reported and left
    # behind, never joined (a hung socket must not hang the probe).
    threads = [
        threading.Thread(target=run, args=(name, check), daemon=True, name=f"readyz-{name}")
        for name, check in CHECKS.items()
    ]
    for thread in threads:
        thread.start()
    end = time.monotonic() + deadline
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    return dict(states)


def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@never_cache
def readyz(request):
    checks = run_checks()
    ready = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
    if not ready:
        response["Retry-After"] = "5"
    return response
