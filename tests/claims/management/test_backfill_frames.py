"""`manage.py backfill_frames`: figures stored before engine 0.6.0 get their frame, and nothing
else about the article changes."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims import services
from claims.models import Article, Figure
from tests import factories

pytestmark = pytest.mark.django_db

FRAME_FIELDS = ("frame_measure", "frame_scope", "frame_time", "frame_modality", "frame_direction")


def run() -> str:
    out = StringIO()
    call_command("backfill_frames", stdout=out)
    return out.getvalue()


def test_old_figures_get_their_frame_and_the_review_is_left_as_it_was(reviewer):
    text = "Rescuers in Velm said 140 villagers were killed by Tuesday, up from 90."
    article = factories.article(text=text)
    killed, *_ = factories.current_figures(article)
    services.verdict_record(figure=killed, reviewer=reviewer, decision="approve")
    fresh = {
        f.pk: [getattr(f, n) for n in FRAME_FIELDS] for f in factories.current_figures(article)
    }
    # what a figure extracted by engine 0.5 looks like: no frame at all
    Figure.objects.filter(article=article).update(**dict.fromkeys(FRAME_FIELDS, ""))
    before = Article.objects.get(pk=article.pk)
    killed.refresh_from_db()
    version, status = killed.version, killed.status

    assert run().startswith(f"{len(fresh)} figures in 1 articles got a frame")

    for f in factories.current_figures(article):
        assert [getattr(f, n) for n in FRAME_FIELDS] == fresh[f.pk]
    killed.refresh_from_db()
    assert (killed.version, killed.status) == (version, status)  # no new verdict state
    after = Article.objects.get(pk=article.pk)
    assert (after.status, after.revision) == (before.status, before.revision)
    assert run().startswith("0 figures in 0 articles")  # nothing left to fill


def test_figures_that_have_a_frame_are_not_read_again():
    article = factories.article(text="The council spent $3 million on 12 new buses.")
    Figure.objects.filter(article=article).update(frame_measure="kept as stored")
    assert run().startswith("0 figures in 0 articles")
    assert set(Figure.objects.filter(article=article).values_list("frame_measure", flat=True)) == {
        "kept as stored"
    }
