import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import Article, AuditEvent, Figure, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def figure(article):
    return factories.current_figures(article)[0]


def test_approving_a_figure_records_a_verdict_and_bumps_its_version(figure, reviewer):
    verdict = services.verdict_record(
        figure=figure,
        reviewer=reviewer,
        decision="approve",
        note="Matches the budget PDF.",
        expected_version=1,
    )
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED
    assert figure.version == 2
    assert verdict.figure_version == 1
    assert verdict.status_after == Figure.Status.APPROVED
    assert figure.article.status == Article.Status.IN_REVIEW
    event = AuditEvent.objects.get(action="verdict.approve")
    assert event.before == {"status": "pending", "version": 1}
    assert event.after["status"] == "approved"
    assert event.actor == reviewer


def test_a_dispute_needs_a_reason(figure, reviewer):
    with pytest.raises(ValidationError) as exc:
        services.verdict_record(figure=figure, reviewer=reviewer, decision="dispute")
    assert "reason" in exc.value.message_dict
    assert not Verdict.objects.exists()
    figure.refresh_from_db()
    assert figure.version == 1


def test_a_dispute_keeps_reason_correction_and_evidence(figure, reviewer):
    services.verdict_record(
        figure=figure,
        reviewer=reviewer,
        decision="dispute",
        reason="wrong_unit",
        corrected_value="$12.5 thousand",
        evidence_url="https://example.org/budget.pdf",
    )
    verdict = Verdict.objects.get()
    assert (verdict.reason, verdict.corrected_value) == ("wrong_unit", "$12.5 thousand")
    figure.refresh_from_db()
    assert figure.status == Figure.Status.DISPUTED


def test_it_rejects_a_stale_verdict_and_keeps_the_first(figure, reviewer, editor):
    services.verdict_record(figure=figure, reviewer=editor, decision="approve", expected_version=1)
    with pytest.raises(services.StaleFigure) as exc:
        services.verdict_record(
            figure=figure, reviewer=reviewer, decision="dispute", reason="other", expected_version=1
        )
    assert exc.value.figure.status == Figure.Status.APPROVED
    assert Verdict.objects.count() == 1


def test_undo_returns_the_figure_to_its_earlier_status_and_keeps_history(figure, reviewer):
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=figure, reviewer=reviewer, decision="dispute", reason="outdated")
    services.verdict_record(figure=figure, reviewer=reviewer, decision="undo")
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED
    services.verdict_record(figure=figure, reviewer=reviewer, decision="undo")
    figure.refresh_from_db()
    assert figure.status == Figure.Status.DISPUTED
    assert list(figure.verdicts.values_list("decision", flat=True)) == [
        "approve",
        "dispute",
        "undo",
        "undo",
    ]


def test_undo_with_nothing_to_undo_is_an_error(figure, reviewer):
    with pytest.raises(ValidationError):
        services.verdict_record(figure=figure, reviewer=reviewer, decision="undo")


def test_an_outsider_cannot_record_a_verdict(figure, outsider):
    with pytest.raises(PermissionDenied):
        services.verdict_record(figure=figure, reviewer=outsider, decision="approve")
    assert not Verdict.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"decision": "maybe"}, "decision"),
        ({"evidence_url": "ftp://x"}, "evidence_url"),
        ({"note": "x" * 10_001}, "note"),
        ({"corrected_value": "9" * 201}, "corrected_value"),
    ],
)
def test_it_rejects_bad_verdict_input(figure, reviewer, fields, error_field):
    fields.setdefault("decision", "approve")
    with pytest.raises(ValidationError) as exc:
        services.verdict_record(figure=figure, reviewer=reviewer, **fields)
    assert error_field in exc.value.message_dict
    assert not Verdict.objects.exists()


def test_a_reviewer_cannot_overrule_another_reviewers_verdict(figure, reviewer):
    from tests import factories

    colleague = factories.reviewer(username="carla")
    services.verdict_record(figure=figure, reviewer=colleague, decision="approve")
    with pytest.raises(PermissionDenied, match="was decided by carla; only an editor"):
        services.verdict_record(
            figure=figure, reviewer=reviewer, decision="dispute", reason="other"
        )
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED


def test_an_editor_overrules_and_a_reviewer_changes_their_own_mind(figure, reviewer, editor):
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=figure, reviewer=reviewer, decision="dispute", reason="other")
    services.verdict_record(figure=figure, reviewer=editor, decision="approve", note="overruled")
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED
    assert figure.verdicts.count() == 3
