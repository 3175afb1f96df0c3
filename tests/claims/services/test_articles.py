import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from claims import services
from claims.models import Article, ArticleRevision, AuditEvent, Integration

pytestmark = pytest.mark.django_db


def submit(**kwargs):
    kwargs.setdefault("title", "Council passes budget")
    kwargs.setdefault("text", "The council approved a $12.5 million budget.")
    return services.article_submit(**kwargs)


def test_it_stores_a_new_article_as_queued_revision_one(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        result = submit(outlet_name="Valley Post")
    article = result.article
    assert result.outcome == "created"
    assert article.status == Article.Status.QUEUED
    assert article.revision == 1
    assert article.outlet.name == "Valley Post"
    assert len(article.content_hash) == 64
    assert ArticleRevision.objects.filter(article=article, number=1).exists()
    assert AuditEvent.objects.filter(
        action="article.created", object_id=str(article.public_id)
    ).exists()
    # Extraction is published only once the transaction commits.
    assert len(callbacks) == 1


def test_it_treats_an_unchanged_resubmission_as_a_no_op(django_capture_on_commit_callbacks):
    cms = Integration.objects.create(name="CMS")
    first = submit(integration=cms, external_id="a-1").article
    with django_capture_on_commit_callbacks() as callbacks:
        again = submit(integration=cms, external_id="a-1")
    assert again.outcome == "unchanged"
    assert again.article.pk == first.pk
    assert Article.objects.count() == 1
    assert ArticleRevision.objects.count() == 1
    assert callbacks == []


def test_it_makes_a_new_revision_when_the_text_changes():
    cms = Integration.objects.create(name="CMS")
    first = submit(integration=cms, external_id="a-1").article
    result = submit(integration=cms, external_id="a-1", text="The council approved $13 million.")
    assert result.outcome == "revised"
    assert result.article.pk == first.pk
    assert result.article.revision == 2
    assert result.article.status == Article.Status.QUEUED
    assert list(first.revisions.values_list("number", flat=True)) == [1, 2]


def test_without_an_external_id_every_submission_is_a_new_article():
    submit()
    submit()
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"text": "   "}, "text"),
        ({"title": ""}, "title"),
        ({"text": "binary \x00 junk"}, "text"),
        ({"title": "x" * 501}, "title"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "not a url"}, "url"),
    ],
)
def test_it_rejects_bad_input_and_stores_nothing(fields, error_field):
    with pytest.raises(ValidationError) as exc:
        submit(**fields)
    assert error_field in exc.value.message_dict
    assert Article.objects.count() == 0
    assert AuditEvent.objects.count() == 0


@override_settings(FACTCHECK_MAX_ARTICLE_CHARS=100)
def test_it_rejects_an_oversized_article_with_its_size():
    with pytest.raises(ValidationError) as exc:
        submit(text="word " * 50)
    assert "249 characters; the limit is 100" in exc.value.message_dict["text"][0]
    assert Article.objects.count() == 0


def test_it_sanitizes_html_and_derives_the_text_from_it():
    html = (
        "<h1>Budget</h1><p onclick='steal()'>The council approved <b>$12.5 million</b>."
        "<sup>1</sup></p><script>alert(1)</script><p>Second paragraph.</p>"
    )
    article = submit(text="", html=html).article
    assert "<script" not in article.html
    assert "onclick" not in article.html
    assert "<b>$12.5 million</b>" in article.html
    assert article.text == "Budget\n\nThe council approved $12.5 million.\n\nSecond paragraph."
