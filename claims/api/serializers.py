"""Input and output shapes of the API. Input serializers only validate;
the views hand the data to claims.services (no business rules in save())."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from claims.models import PROBLEM_TYPES, Article, Figure, Finding, FindingReview, Verdict
from claims.netsafety import web_address_validate


def _no_surrogates(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise serializers.ValidationError("Contains a lone surrogate character.") from None


class StrictCharField(serializers.CharField):
    """A CharField that takes only JSON strings. DRF's turns numbers into text
    (`"byline": 0` was stored as "0", against the schema's `type: string`), and
    a float through float() (a 40-digit decimal becomes "1.2345678901234568e+39")."""

    default_error_messages = {"not_a_string": "Send this as a JSON string (numbers as written)."}

    def __init__(self, *, visible: bool = False, **kwargs):
        # `visible`: the service refuses a value with nothing that shows (only
        # spaces, controls, zero-width characters); this says so in the schema
        # (claims/api/schema.py).
        self.visible = visible
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)


class StrictURLField(StrictCharField, serializers.URLField):
    pass


class LongTextField(StrictCharField):
    """A StrictCharField for article-sized text: the surrogate check runs in C
    (DRF's validator walks the string in Python, a few ms per article)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitSurrogateCharactersValidator)
        ] + [_no_surrogates]


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo is a 400, not silently dropped."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown field."] for name in unknown[:20]}
                )
        return super().to_internal_value(data)


# ------------------------------------------------------------------ errors
class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine-readable code, e.g. `invalid`.")
    message = serializers.CharField(help_text="What went wrong, for people.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per input field; empty when the error is not about a field.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


# ----------------------------------------------------------------- articles
class ArticleSubmitSerializer(StrictSerializer):
    external_id = StrictCharField(
        max_length=200, help_text="The CMS's own id of the article; re-posting it updates it."
    )
    title = StrictCharField(max_length=500, visible=True)
    text = LongTextField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="Plain text of the article. Give text or html (or both).",
    )
    html = LongTextField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="The article's HTML; sanitized, and its text used when `text` is empty.",
    )
    url = StrictURLField(
        required=False, allow_blank=True, max_length=2000, validators=[web_address_validate]
    )
    published_at = serializers.DateTimeField(required=False, allow_null=True)
    outlet = StrictCharField(required=False, allow_blank=True, max_length=200)
    byline = StrictCharField(required=False, allow_blank=True, max_length=300)

    def _limit(self, value: str, field: str, factor: int = 1) -> str:
        limit = settings.FACTCHECK_MAX_ARTICLE_CHARS * factor
        if len(value) > limit:
            raise serializers.ValidationError(
                f"The {field} is {len(value):,} characters; the limit is {limit:,}."
            )
        return value

    def validate_text(self, value: str) -> str:
        return self._limit(value, "text")

    def validate_html(self, value: str) -> str:
        return self._limit(value, "HTML", factor=4)

    def validate_published_at(self, value):
        # Far-off years overflow when converted to UTC or stored.
        if value is not None and not 1800 <= value.year <= 2200:
            raise serializers.ValidationError("Give a date between the years 1800 and 2200.")
        return value

    def validate(self, attrs):
        if not (attrs.get("text") or "").strip() and not (attrs.get("html") or "").strip():
            raise serializers.ValidationError({"text": ["Give the article's text or html."]})
        return attrs


class ProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    pending = serializers.IntegerField()
    approved = serializers.IntegerField()
    disputed = serializers.IntegerField()
    decided = serializers.IntegerField()


def _progress_from_counts(article) -> dict[str, int]:
    total = getattr(article, "figure_count", 0) or 0
    pending = getattr(article, "pending_count", 0) or 0
    return {
        "total": total,
        "pending": pending,
        "approved": getattr(article, "approved_count", 0) or 0,
        "disputed": getattr(article, "disputed_count", 0) or 0,
        "decided": total - pending,
    }


class ArticleAcceptedSerializer(serializers.Serializer):
    """The answer to POST /articles."""

    id = serializers.UUIDField(source="article.public_id")
    external_id = serializers.CharField(source="article.external_id")
    url = serializers.SerializerMethodField(help_text="This article in the API.")
    status = serializers.ChoiceField(source="article.status", choices=Article.Status.choices)
    revision = serializers.IntegerField(source="article.revision")
    outcome = serializers.ChoiceField(
        choices=["created", "revised", "unchanged"],
        help_text="What this request did: created the article, stored a new revision, or "
        "nothing (same title and text as the current revision).",
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, result) -> str:
        return reverse(
            "api:article", args=[result.article.public_id], request=self.context.get("request")
        )


class ArticleListSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    external_id = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="Where the article is published (may be empty).")
    api_url = serializers.SerializerMethodField()
    outlet = serializers.CharField(source="outlet.name", allow_null=True, default=None)
    story = serializers.UUIDField(source="story.public_id", allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Article.Status.choices)
    error = serializers.CharField()
    revision = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    progress = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, article) -> str:
        return reverse("api:article", args=[article.public_id], request=self.context.get("request"))

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, article):
        return _progress_from_counts(article)


def _dt(value):
    """DateTimeField's output (ISO 8601, "Z" for UTC) at a third of its cost:
    figures are listed by the hundred with two each. The API renders in
    TIME_ZONE: nothing activates another time zone per request, so the
    default one is the current one."""
    if value is None:
        return None
    text = value.astimezone(timezone.get_default_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


_ID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def article_list_data(articles: list[Article], *, request) -> list[dict]:
    """ArticleListSerializer's output for a page, built directly: field by
    field it was most of the CPU of a page of 50. `articles` carry the counts
    of selectors.article_progress_attach. tests/claims/api/test_serializers.py
    keeps the two equal."""
    api_url = reverse("api:article", args=[_ID_PLACEHOLDER], request=request)
    data = []
    for a in articles:
        public_id = str(a.public_id)
        data.append(
            {
                "id": public_id,
                "external_id": a.external_id,
                "title": a.title,
                "url": a.url,
                "api_url": api_url.replace(_ID_PLACEHOLDER, public_id),
                "outlet": a.outlet.name if a.outlet_id else None,
                "story": str(a.story.public_id) if a.story_id else None,
                "status": a.status,
                "error": a.error,
                "revision": a.revision,
                "published_at": _dt(a.published_at),
                "created_at": _dt(a.created_at),
                "updated_at": _dt(a.updated_at),
                "progress": _progress_from_counts(a),
            }
        )
    return data


# ------------------------------------------------------------------ figures
def verdict_data(verdict) -> dict:
    """VerdictSerializer's output, built directly (figures are listed by the
    hundred; field-by-field serialization was most of a detail request)."""
    return {
        "id": str(verdict.public_id),
        "decision": verdict.decision,
        "reason": verdict.reason,
        "corrected_value": verdict.corrected_value,
        "note": verdict.note,
        "evidence_url": verdict.evidence_url,
        "reviewer": verdict.reviewer.get_username(),
        "figure_version": verdict.figure_version,
        "status_after": verdict.status_after,
        "created_at": _dt(verdict.created_at),
    }


def frame_data(figure) -> dict | None:
    """FigureFrameSerializer's output, or None for a figure extracted before frames."""
    if not figure.frame_modality:
        return None
    return {
        "measure": figure.frame_measure,
        "scope": figure.frame_scope,
        "time": figure.frame_time,
        "time_iso": figure.frame_time_iso,
        "source": figure.attributed_to,
        "modality": figure.frame_modality,
        "direction": figure.frame_direction,
    }


def figure_data(figure, *, history: bool = False) -> dict:
    """FigureSerializer's (or with history, FigureDetailSerializer's) output.
    Reads figure.verdict_list when the view attached it (one query for all)."""
    verdicts = getattr(figure, "verdict_list", None)  # set by the views, oldest first
    if verdicts is None:
        verdicts = list(figure.verdicts.select_related("reviewer").order_by("created_at", "id"))
    data = {
        "id": str(figure.public_id),
        "article": str(figure.article.public_id),
        "revision": figure.revision,
        "is_current": figure.is_current,
        "start": figure.start,
        "end": figure.end,
        "surface": figure.surface,
        "value": figure.value,
        "unit": figure.unit,
        "kind": figure.kind,
        "approx": figure.approx,
        "qualifier": figure.qualifier,
        "subject": figure.subject,
        "attributed_to": figure.attributed_to,
        "frame": frame_data(figure),
        "sentence": figure.article.text[figure.sentence_start : figure.sentence_end],
        "status": figure.status,
        "version": figure.version,
        "etag": figure_etag(figure),
        "verdict": verdict_data(verdicts[-1]) if verdicts else None,
        "updated_at": _dt(figure.updated_at),
    }
    if history:
        data["history"] = [verdict_data(v) for v in verdicts]
    return data


class VerdictSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    decision = serializers.ChoiceField(choices=Verdict.Decision.choices)
    reason = serializers.CharField(help_text="Why a figure is disputed (empty otherwise).")
    corrected_value = serializers.CharField()
    note = serializers.CharField()
    evidence_url = serializers.CharField()
    reviewer = serializers.CharField(source="reviewer.get_username")
    figure_version = serializers.IntegerField(help_text="The figure version the reviewer saw.")
    status_after = serializers.ChoiceField(choices=Figure.Status.choices)
    created_at = serializers.DateTimeField()

    def to_representation(self, instance):
        return verdict_data(instance)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "number"},
            {"type": "string"},
            {
                "type": "array",
                "items": {"oneOf": [{"type": "number"}, {"type": "string"}], "nullable": True},
            },
        ],
        "nullable": True,
        "description": "Normalized value: a number, an ISO date string, or [low, high].",
    }
)
class FigureValueField(serializers.JSONField):
    pass


class FigureFrameSerializer(serializers.Serializer):
    """What the figure is a figure of, slot by slot, as the extractor read it from the
    figure's sentence. Two figures (of two outlets) with the same measure, scope, time,
    modality and direction state the same quantity; an empty string means the text does
    not say (never a guess)."""

    measure = serializers.CharField(
        help_text='What is counted or measured, lowercased, plurals as written: "troops", '
        '"people killed", "earnings per share". Empty when not stated.'
    )
    scope = serializers.CharField(
        help_text='Where, or which entity, without its preposition: "Kursk", "Acme". '
        "Empty when not stated."
    )
    time = serializers.CharField(
        help_text='The date or period the value holds for, as written: "by Tuesday", '
        '"a year earlier", "at the close of trading". Empty when not stated.'
    )
    time_iso = serializers.CharField(
        help_text='`time` resolved with the publication date: "YYYY", "YYYY-MM", '
        '"YYYY-MM-DD", or "start/end" for a period. Empty when not resolvable.'
    )
    source = serializers.CharField(help_text="Who said it (the figure's attributed_to).")
    modality = serializers.ChoiceField(
        choices=Figure.Modality.choices,
        help_text="actual (default), forecast (expected, will), estimate (about, "
        "estimated), target (aims, plans to) or historical (a record, a past period).",
    )
    direction = serializers.ChoiceField(
        choices=Figure.Direction.choices,
        help_text='up or down when the figure is a change ("rose 12%", "a loss of $5m"), '
        'none for a level ("rose to 5%").',
    )


class FigureSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    article = serializers.UUIDField(source="article.public_id")
    revision = serializers.IntegerField()
    is_current = serializers.BooleanField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    surface = serializers.CharField()
    value = FigureValueField()
    unit = serializers.CharField()
    kind = serializers.ChoiceField(choices=Figure.Kind.choices)
    approx = serializers.BooleanField()
    qualifier = serializers.CharField()
    subject = serializers.CharField()
    attributed_to = serializers.CharField()
    frame = FigureFrameSerializer(
        allow_null=True,
        help_text="The figure's frame (measure, scope, time, source, modality, direction), "
        "for comparing figures across articles; null for figures extracted before frames "
        "were read.",
    )
    sentence = serializers.CharField()
    status = serializers.ChoiceField(choices=Figure.Status.choices)
    version = serializers.IntegerField(help_text="Send it back in If-Match to record a verdict.")
    etag = serializers.SerializerMethodField()
    verdict = serializers.SerializerMethodField(help_text="The latest verdict, or null.")
    updated_at = serializers.DateTimeField()

    def get_etag(self, figure) -> str:
        return figure_etag(figure)  # for the schema; figure_data builds the output

    @extend_schema_field(VerdictSerializer(allow_null=True))
    def get_verdict(self, figure):
        raise NotImplementedError  # figure_data builds the output

    def to_representation(self, instance):
        return figure_data(instance)


class FigureDetailSerializer(FigureSerializer):
    history = serializers.SerializerMethodField(help_text="Every verdict, oldest first.")

    @extend_schema_field(VerdictSerializer(many=True))
    def get_history(self, figure):
        raise NotImplementedError  # figure_data builds the output

    def to_representation(self, instance):
        return figure_data(instance, history=True)


class FindingFigureSerializer(serializers.Serializer):
    figure = serializers.UUIDField()
    article = serializers.UUIDField()
    outlet = serializers.CharField()
    surface = serializers.CharField()


class DismissalSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=FindingReview.Reason.choices)
    note = serializers.CharField(help_text="The reviewer's note (may be empty).")


class ConflictSerializer(serializers.Serializer):
    """A cross-check finding: figures (of this and other articles of the
    story) that contradict each other, with the reason."""

    id = serializers.UUIDField()
    type = serializers.ChoiceField(choices=[t.value for t in PROBLEM_TYPES])
    status = serializers.ChoiceField(choices=Finding.Status.choices)
    why = serializers.CharField()
    dismissal = DismissalSerializer(
        allow_null=True, help_text="Why a reviewer dismissed it; null unless dismissed."
    )
    figures = FindingFigureSerializer(many=True)


class FindingSerializer(ConflictSerializer):
    type = serializers.ChoiceField(choices=Finding.Type.values)


class FindingReviewInputSerializer(StrictSerializer):
    decision = serializers.ChoiceField(choices=FindingReview.Decision.choices)
    reason = serializers.ChoiceField(
        choices=FindingReview.Reason.choices,
        required=False,
        allow_blank=True,
        help_text="Required when dismissing; only then.",
    )
    note = StrictCharField(
        required=False, allow_blank=True, max_length=10_000,
        help_text='Required when the reason is "other".',
    )  # fmt: skip


class FindingReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=FindingReview.Decision.choices)
    reason = serializers.CharField(help_text="Why it was dismissed (empty for a confirmation).")
    note = serializers.CharField()
    reviewer = serializers.CharField(source="reviewer.get_username")
    created_at = serializers.DateTimeField()


class FindingReviewedSerializer(serializers.Serializer):
    review = FindingReviewSerializer()
    finding = FindingSerializer()


class ArticleDetailSerializer(ArticleListSerializer):
    byline = serializers.CharField()
    text = serializers.CharField(help_text="The text figure offsets (start, end) point into.")
    figures = serializers.SerializerMethodField(help_text="Current figures, in text order.")
    conflicts = serializers.SerializerMethodField(
        help_text="Figures that contradict other articles of the story (conflict) or "
        "each other (inconsistent), found by cross-checking; conflicts first."
    )

    @extend_schema_field(FigureSerializer(many=True))
    def get_figures(self, article):
        return [figure_data(figure) for figure in article.current_figures]

    @extend_schema_field(ConflictSerializer(many=True))
    def get_conflicts(self, article):
        from claims import selectors, webhooks

        return [
            webhooks.finding_data(f)
            for f in selectors.article_findings(article=article)
            if f.type in PROBLEM_TYPES  # agreements and later figures are context
        ]

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, article):
        figures = article.current_figures
        counts = {s: 0 for s in Figure.Status.values}
        for f in figures:
            counts[f.status] += 1
        return {
            "total": len(figures),
            "pending": counts["pending"],
            "approved": counts["approved"],
            "disputed": counts["disputed"],
            "decided": len(figures) - counts["pending"],
        }


class VerdictInputSerializer(StrictSerializer):
    decision = serializers.ChoiceField(choices=Verdict.Decision.choices)
    reason = serializers.ChoiceField(
        choices=Verdict.Reason.choices,
        required=False,
        allow_blank=True,
        help_text="Required when disputing.",
    )
    corrected_value = StrictCharField(required=False, allow_blank=True, max_length=200)
    note = StrictCharField(required=False, allow_blank=True, max_length=10_000)
    evidence_url = StrictURLField(required=False, allow_blank=True, max_length=2000)


class VerdictRecordedSerializer(serializers.Serializer):
    verdict = VerdictSerializer()
    figure = FigureSerializer()


class StaleFigureSerializer(ErrorSerializer):
    figure = FigureSerializer(help_text="The figure as it is now.")


# ------------------------------------------------------------------ stories
class StorySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    title = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    articles = serializers.SerializerMethodField()

    @extend_schema_field(ArticleListSerializer(many=True))
    def get_articles(self, story):
        return ArticleListSerializer(story.article_list, many=True, context=self.context).data


def figure_etag(figure) -> str:
    return f'W/"{figure.version}"'
