"""Per-client request limits counted in the Django cache (Redis when
CACHE_URL is set, so every web worker shares one counter)."""

from __future__ import annotations

import time

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from claims.models import ApiKey
from factcheck.cache import counter_incr

WINDOW = 60


class ClientRateThrottle(BaseThrottle):
    """A fixed one-minute window per API key, else per user, else per client
    address: API_RATE_PER_MINUTE requests, then 429 with Retry-After.

    The counter is one atomic INCR; a fixed window lets up to twice the rate
    through across a window boundary, which is fine for load shedding (this
    is not a brute-force control: unknown keys are refused before it). While
    Redis is unreachable each web process counts on its own (so the limit is
    per process then), rather than failing every request or none."""

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
        count = counter_incr(f"api-rate:{self._ident(request)}:{window}", ttl=WINDOW + 10)
        self._wait = (window + 1) * WINDOW - now
        return count <= rate

    def wait(self) -> float:
        return max(1.0, self._wait)
