"""Celery's Redis transport, publishing through one Redis client per channel.

kombu's Redis channel builds a new redis.Redis client for every message it
publishes, and redis-py's constructor registers some 170 response callbacks:
on the API's ingest path that was about a tenth of the request's CPU. A
client is only a front to the channel's connection pool, which it shares and
which is thread-safe, so one is kept per pool and reused. Settings select
this transport for redis:// broker URLs (CELERY_BROKER_TRANSPORT).
"""

from __future__ import annotations

from contextlib import contextmanager

from kombu.transport import redis


class Channel(redis.Channel):
    _shared_client = None

    @contextmanager
    def conn_or_acquire(self, client=None):
        if client:
            yield client
            return
        shared = self._shared_client
        if shared is None or shared.connection_pool is not self.pool:
            shared = self._shared_client = self._create_client()
        yield shared


class Transport(redis.Transport):
    Channel = Channel
