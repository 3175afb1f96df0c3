"""The shared cache (Redis when CACHE_URL is set), and counters kept in it.

Nothing in the cache is the only copy of anything: API keys are read from the
database again on a miss, and counters only shed load or slow down password
guessing. So an unreachable Redis must cost a request nothing but speed:
DegradingRedisCache answers like Django's DummyCache while Redis is down
(reads miss, writes are dropped), and counters fall back to a per-process
count, so limits still hold per web process instead of failing open. Only
connection faults are absorbed; any other Redis error still raises.

After a fault, Redis is left alone for RETRY_SECONDS (per process), so a dead
or hung Redis costs one socket timeout per interval, not one per call, and
the fault is logged at most once per LOG_SECONDS.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import redis
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# Faults of the connection, not of the command: a refused or reset
# connection, a timeout, a server still loading its data.
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
RETRY_SECONDS = 2.0
LOG_SECONDS = 60.0

T = TypeVar("T")


class _Breaker:
    """Per process and Redis location: whether to skip Redis for now, and
    when the fault was last logged. Shared by the backend instances Django
    makes per thread."""

    def __init__(self) -> None:
        self.skip_until = 0.0
        self.logged_at = -LOG_SECONDS
        self.lock = threading.Lock()

    def closed(self) -> bool:
        return time.monotonic() >= self.skip_until

    def trip(self, location: str, exc: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            was_down = self.skip_until > 0
            self.skip_until = now + RETRY_SECONDS
            if now - self.logged_at < LOG_SECONDS:
                return
            self.logged_at = now
        logger.warning(
            "cache %s unreachable (%s: %s); serving without it%s",
            location,
            type(exc).__name__,
            exc,
            "" if not was_down else " (still down)",
        )

    def reset(self, location: str) -> None:
        if self.skip_until > 0:
            with self.lock:
                self.skip_until = 0.0
            logger.warning("cache %s reachable again", location)


_breakers: dict[str, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker(location: str) -> _Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, _Breaker())


# Counters while Redis is away: one per process, bounded like any LocMemCache.
_local_counters = LocMemCache("factcheck-counters", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _degraded(name: str):
    """RedisCache's method `name`, answered by DummyCache's while Redis is
    unreachable."""
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        return self.degrade(
            lambda: redis_method(self, *args, **kwargs),
            lambda: getattr(self._dummy, name)(*args, **kwargs),
        )

    method.__name__ = name
    return method


class DegradingRedisCache(RedisCache):
    """Django's RedisCache, answering as DummyCache while Redis is unreachable.
    Configure short socket timeouts in OPTIONS (settings.py does)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = ",".join(self._servers)
        self._breaker = _breaker(self._location)
        self._dummy = DummyCache(self._location, {})

    def degrade(self, call: Callable[[], T], fallback: Callable[[], T]) -> T:
        """call(), or fallback() when Redis is unreachable (now, or it was
        within RETRY_SECONDS)."""
        if not self._breaker.closed():
            return fallback()
        try:
            result = call()
        except UNREACHABLE as exc:
            self._breaker.trip(self._location, exc)
            return fallback()
        self._breaker.reset(self._location)
        return result

    def ping(self) -> None:
        """Raise if Redis does not answer now (the readiness check; it
        bypasses the breaker, and closes it on success)."""
        self._cache.get_client(write=True).ping()
        self._breaker.reset(self._location)

    # The cache API, each call answered by the dummy while Redis is away.
    add = _degraded("add")
    get = _degraded("get")
    set = _degraded("set")
    touch = _degraded("touch")
    delete = _degraded("delete")
    get_many = _degraded("get_many")
    has_key = _degraded("has_key")
    incr = _degraded("incr")
    set_many = _degraded("set_many")
    delete_many = _degraded("delete_many")
    clear = _degraded("clear")

    # --- counters -------------------------------------------------------------
    def counter_incr(self, key: str, ttl: int) -> int:
        full_key = self.make_and_validate_key(key)
        return self.degrade(
            lambda: int(self._incr_script()(keys=[full_key], args=[ttl])),
            lambda: _portable_incr(_local_counters, key, ttl),
        )

    def counter_get(self, key: str) -> int:
        return self.degrade(
            lambda: int(RedisCache.get(self, key) or 0),
            lambda: int(_local_counters.get(key) or 0),
        )

    def _incr_script(self):
        """The counting script, on one redis-py client per backend instance
        (Django builds a new client object per cache call, a tenth of a
        millisecond each; the connection pool is shared either way). Sent by
        its SHA (EVALSHA), loaded again by redis-py if the server lost it."""
        script = self.__dict__.get("_script")
        if script is None:
            client = self._cache.get_client(write=True)
            script = self.__dict__["_script"] = client.register_script(_INCR_WITH_TTL)
        return script


# INCR, and EXPIRE unless the counter has a TTL already, as one script: one
# round trip (a pipeline object costs more than the command), and atomic.
_INCR_WITH_TTL = """
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
return count
"""


def _portable_incr(backend: BaseCache, key: str, ttl: int) -> int:
    if backend.add(key, 1, timeout=ttl):
        return 1
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.set(key, 1, timeout=ttl)
        return 1


def counter_incr(key: str, *, ttl: int) -> int:
    """Add one to the counter `key` in the default cache and return its new
    value. The counter expires `ttl` seconds after its first increment (a
    fixed window). Never raises for an unreachable Redis: the count is then
    kept per process until Redis answers again."""
    backend = caches["default"]
    if isinstance(backend, DegradingRedisCache):
        return backend.counter_incr(key, ttl)
    return _portable_incr(backend, key, ttl)


def counter_get(key: str) -> int:
    """The counter's value (0 when absent or expired); per process while
    Redis is unreachable, as counter_incr counts then."""
    backend = caches["default"]
    if isinstance(backend, DegradingRedisCache):
        return backend.counter_get(key)
    return int(backend.get(key) or 0)


def counters_clear() -> None:
    """Drop the per-process counters (tests)."""
    _local_counters.clear()


def cache_ping() -> None:
    """Raise if the default cache is a Redis that does not answer now."""
    backend = caches["default"]
    if isinstance(backend, DegradingRedisCache):
        backend.ping()
