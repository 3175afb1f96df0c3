"""The cache degrades instead of failing while Redis is unreachable (issue
13, row 3), against a real redis-server of the test's own that is stopped,
hung and started again: reads miss, writes are dropped, counters count per
process, the fault is logged once, and /readyz names it."""

import logging

import pytest
import redis
from django.core.cache import cache

from factcheck import cache as degrading


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "factcheck.cache.DegradingRedisCache",
            "LOCATION": redis_server.url(),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    degrading.counters_clear()
    yield redis_server
    degrading._breakers.clear()
    degrading.counters_clear()


def test_with_redis_stopped_reads_miss_and_writes_are_dropped(redis_cache):
    cache.set("kept", "value")
    assert cache.get("kept") == "value"
    redis_cache.stop()
    assert cache.get("kept") is None
    assert cache.get("kept", "default") == "default"
    cache.set("new", 1)
    assert cache.add("new", 1) is True  # as Django's DummyCache answers
    assert cache.get_many(["kept", "new"]) == {}
    assert cache.has_key("kept") is False
    cache.delete("kept")
    cache.delete_many(["kept", "new"])
    with pytest.raises(ValueError):
        cache.incr("new")  # missing, as with any cache


def test_other_redis_errors_still_raise(redis_cache):
    cache.set("text", "not a number")
    with pytest.raises(redis.exceptions.ResponseError):  # not a connection fault
        cache.incr("text")
    assert cache.get("text") == "not a number"


def test_counters_count_per_process_while_redis_is_down_and_in_redis_once_it_is_back(
    redis_cache,
):
    assert [degrading.counter_incr("c", ttl=60) for _ in range(2)] == [1, 2]
    redis_cache.stop()
    assert [degrading.counter_incr("c", ttl=60) for _ in range(3)] == [1, 2, 3]
    assert degrading.counter_get("c") == 3
    redis_cache.start()  # the same port, empty: no persistence
    degrading.cache_ping()  # what /readyz does; it ends the skip interval
    assert degrading.counter_incr("c", ttl=60) == 1
    assert degrading.counter_get("c") == 1


def test_a_dead_redis_is_logged_once_not_on_every_call(redis_cache, caplog):
    redis_cache.stop()
    with caplog.at_level(logging.WARNING, logger="factcheck.cache"):
        for _ in range(50):
            cache.get("x")
            degrading.counter_incr("y", ttl=60)
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1


def test_a_hung_redis_costs_one_timeout_per_interval_not_one_per_call(redis_cache):
    import time

    cache.get("warm")  # a pooled connection exists
    redis_cache.pause()
    started = time.perf_counter()
    assert cache.get("x") is None  # waits for the socket timeout once
    first = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        assert cache.get("x") is None
        degrading.counter_incr("y", ttl=60)
    rest = time.perf_counter() - started
    assert rest < first / 4  # twenty calls together cost a fraction of the first


def test_healthz_answers_without_checking_anything(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readyz_is_200_with_every_component_reachable(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }


@pytest.mark.django_db
def test_readyz_is_503_naming_the_cache_when_redis_is_down_or_hung(client, redis_cache):
    assert client.get("/readyz").json()["checks"]["cache"] == "ok"
    redis_cache.pause()
    hung = client.get("/readyz")
    assert hung.status_code == 503
    assert hung.json()["checks"]["cache"] in {"unreachable", "timeout"}
    redis_cache.resume()
    redis_cache.stop()
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down["Retry-After"]
    assert down.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "unreachable", "broker": "ok"},
    }
