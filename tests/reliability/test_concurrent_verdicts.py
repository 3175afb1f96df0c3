"""C1 of the reliability matrix: reviewers racing on one figure. Real
threads, real transactions (row locks on PostgreSQL, a write lock on SQLite)."""

import threading

import pytest
from django.db import close_old_connections

from claims import services
from claims.models import Figure, Verdict
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def test_twenty_concurrent_verdicts_on_one_version_give_exactly_one_success():
    article = factories.article()
    figure = factories.current_figures(article)[0]
    reviewers = [factories.reviewer(username=f"r{n}") for n in range(20)]
    barrier = threading.Barrier(len(reviewers))
    outcomes: list[str] = []
    lock = threading.Lock()

    def decide(reviewer, n):
        try:
            barrier.wait()
            services.verdict_record(
                figure=Figure.objects.get(pk=figure.pk),
                reviewer=reviewer,
                decision="approve" if n % 2 else "dispute",
                reason="other",
                expected_version=1,
            )
            result = "ok"
        except services.StaleFigure:
            result = "stale"
        except Exception as exc:  # anything else is a failure of the test
            result = f"error: {type(exc).__name__}: {exc}"
        finally:
            close_old_connections()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=decide, args=(r, n)) for n, r in enumerate(reviewers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["ok"] + ["stale"] * 19, outcomes
    figure.refresh_from_db()
    assert figure.version == 2
    assert Verdict.objects.filter(figure=figure).count() == 1
