"""Per-client request limits counted in the Django cache (Redis when
CACHE_URL is set, so every web worker shares one counter)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from rest_framework.throttling import BaseThrottle

from claims.models import ApiKey

WINDOW = 60


class ClientRateThrottle(BaseThrottle):
    """A fixed one-minute window per API key, else per user, else per client
    address: API_RATE_PER_MINUTE requests, then 429 with Retry-After.

    The counter is one atomic INCR; a fixed window lets up to twice the rate
    through across a window boundary, which is fine for load shedding (this
    is not a brute-force control: unknown keys are refused before it)."""

    def _ident(self, request) -> str:
        if isinstance(request.auth, ApiKey):
            return f"key:{request.auth.prefix}"
        if request.user is not None and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return f"addr:{self.get_ident(request)}"

    def allow_request(self, request, view) -> bool:
        rate = settings.API_RATE_PER_MINUTE
        if rate <= 0:
            return True
        now = time.time()
        window = int(now // WINDOW)
        count = _count(f"api-rate:{self._ident(request)}:{window}")
        self._wait = (window + 1) * WINDOW - now
        return count <= rate

    def wait(self) -> float:
        return max(1.0, self._wait)


# INCR, and EXPIRE unless the counter has a TTL already, as one script: one
# round trip (a pipeline object costs more than the command), and atomic.
_INCR_WITH_TTL = """
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
return count
"""


def _count(key: str) -> int:
    """Increment and return the counter `key` (created with a TTL): one
    round trip on Redis, the portable add/incr elsewhere."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        full_key = backend.make_and_validate_key(key)
        return int(_redis_script(backend)(keys=[full_key], args=[WINDOW + 10]))
    if cache.add(key, 1, timeout=WINDOW + 10):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW + 10)
        return 1


_scripts: dict[int, object] = {}


def _redis_script(backend: RedisCache):
    """The counting script, on one redis-py client per cache backend and
    process (Django builds a new client object per cache call, a tenth of a
    millisecond each; the connection pool is shared either way). Sent by its
    SHA (EVALSHA), loaded again by redis-py if the server lost it."""
    script = _scripts.get(id(backend))
    if script is None:
        client = backend._cache.get_client(write=True)
        script = _scripts[id(backend)] = client.register_script(_INCR_WITH_TTL)
    return script
