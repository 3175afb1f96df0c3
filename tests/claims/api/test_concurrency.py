"""20 identical submissions at once: exactly one article, and every request
gets the same answer. Needs real transactions (and threads with their own
database connections); CI runs it on PostgreSQL too."""

import json
import threading

import pytest
from django.db import connection

from claims.models import Article, ArticleRevision, IdempotencyRecord
from tests import factories
from tests.claims.api.conftest import key_client

N = 20


def _post_concurrently(key: str, headers: dict) -> list:
    barrier = threading.Barrier(N)
    results: list = [None] * N

    def worker(i: int) -> None:
        try:
            client = key_client(key)
            barrier.wait()
            results[i] = client.post(
                "/api/v1/articles",
                {"external_id": "same", "title": "Same", "text": factories.SAMPLE_TEXT},
                format="json",
                headers=headers,
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.mark.parametrize("headers", [{}, {"Idempotency-Key": "one"}], ids=["body", "key"])
def test_twenty_identical_concurrent_posts_make_exactly_one_article(
    transactional_db, api_key, headers, settings, broker
):
    settings.API_RATE_PER_MINUTE = 10_000
    responses = _post_concurrently(api_key.key, headers)
    assert [r.status_code for r in responses] == [202] * N, [
        r.content[:300] for r in responses if r.status_code != 202
    ]
    assert Article.objects.count() == 1
    assert ArticleRevision.objects.count() == 1
    article = Article.objects.get()
    assert {r.json()["id"] for r in responses} == {str(article.public_id)}
    # One extraction message reached the broker: only the request that created
    # the article published one.
    assert broker.published("claims.tasks.extract_article") == [[article.pk]]
    if headers:
        assert IdempotencyRecord.objects.count() == 1
        # The same answer for all (jsonb may reorder the replayed keys).
        assert len({json.dumps(r.json(), sort_keys=True) for r in responses}) == 1
