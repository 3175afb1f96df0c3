"""The Redis transport publishes through one client per connection pool, and
every message still reaches the queue, also after the pool is replaced."""

import uuid

import pytest
import redis
from django.conf import settings
from kombu import Connection, Producer, Queue

from factcheck.broker import Transport

pytestmark = pytest.mark.skipif(
    not settings.CELERY_BROKER_URL.startswith("redis://"), reason="needs Redis (CI runs it)"
)


@pytest.fixture
def queue():
    name = f"factcheck-test-broker-{uuid.uuid4().hex[:8]}"
    yield Queue(name, routing_key=name)
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(name)


def test_celery_uses_it_for_redis_urls():
    from factcheck.celery import app

    with app.connection_for_write() as conn:
        assert isinstance(conn.transport, Transport)


def test_messages_reach_the_queue_through_one_reused_client(queue):
    with Connection(settings.CELERY_BROKER_URL, transport=Transport) as conn:
        channel = conn.default_channel
        producer = Producer(channel)
        producer.publish({"n": 1}, routing_key=queue.name, declare=[queue])
        client = channel._shared_client
        producer.publish({"n": 2}, routing_key=queue.name, declare=[queue])
        assert channel._shared_client is client

        channel._pool = None  # as after a disconnect: a new pool, so a new client
        producer.publish({"n": 3}, routing_key=queue.name, declare=[queue])
        assert channel._shared_client is not client
        assert channel._shared_client.connection_pool is channel.pool

        bound = queue(channel)
        received = [bound.get(no_ack=True) for _ in range(4)]
    assert [m.payload["n"] for m in received[:3]] == [1, 2, 3]
    assert received[3] is None
