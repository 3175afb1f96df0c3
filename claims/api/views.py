"""API endpoints. Reads are small generic views with filters and cursor
pagination; writes are small views with an input serializer that call a
service (claims.services) and an output serializer."""

from __future__ import annotations

import hashlib
import json
import uuid

from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors, services
from claims.api import auth, idempotency, query
from claims.api import serializers as s
from claims.api.claimreview import claimreviews_for_article
from claims.api.errors import PreconditionFailed, PreconditionRequired, UnprocessableEntity
from claims.api.query import Pagination
from claims.models import Article, Figure, IdempotencyRecord, Story, Verdict

ERR = s.ErrorSerializer
ERRORS_READ = {
    400: OpenApiResponse(ERR, description="Bad filter, `limit`, `cursor` or input."),
    401: OpenApiResponse(ERR, description="No or unknown API key / not logged in."),
    403: OpenApiResponse(ERR, description="Missing scope or permission."),
    406: OpenApiResponse(ERR, description="Only application/json is served."),
    429: OpenApiResponse(ERR, description="Rate limit; see Retry-After."),
}
ERRORS_DETAIL = {**ERRORS_READ, 404: OpenApiResponse(ERR, description="No such object.")}
ERRORS_WRITE = {
    **ERRORS_DETAIL,
    413: OpenApiResponse(ERR, description="Request body too large."),
    415: OpenApiResponse(ERR, description="Send Content-Type: application/json."),
}
PUBLIC_ID = OpenApiParameter(
    "public_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The object's id."
)
ERROR_EXAMPLE = OpenApiExample(
    "Invalid input",
    value={
        "error": {
            "code": "invalid",
            "message": "Some fields are invalid; see `fields`.",
            "fields": {"title": ["This field is required."]},
        }
    },
    response_only=True,
    status_codes=["400"],
)


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404("No such object.") from None


def _review_url(request, article: Article) -> str:
    try:
        return request.build_absolute_uri(reverse("claims:article", args=[article.public_id]))
    except NoReverseMatch:  # the browser UI is not mounted (bench settings)
        return request.build_absolute_uri(f"/articles/{article.public_id}")


def _attach_verdicts(figures: list[Figure]) -> list[Figure]:
    """Set `verdict_list` (oldest first, with reviewers) on each figure in one
    query; Django's prefetch costs a queryset clone per figure, which was
    most of a detail request for an article with a hundred figures."""
    by_figure: dict[int, list[Verdict]] = {f.pk: [] for f in figures}
    if figures:
        verdicts = (
            Verdict.objects.filter(figure_id__in=list(by_figure))
            .select_related("reviewer")
            .order_by("created_at", "id")
        )
        for verdict in verdicts:
            by_figure[verdict.figure_id].append(verdict)
    for figure in figures:
        figure.verdict_list = by_figure[figure.pk]
    return figures


# ------------------------------------------------------------------ articles
ARTICLE_FILTER_PARSERS: dict[str, query.Parser] = {
    "external_id": query.text,
    "status": query.choice_from(Article.Status.values),
    "outlet": query.text,
    "story": query.uuid_from_text("a story"),
    "updated_since": query.instant_from_text,
}
ARTICLE_FILTERS = [
    OpenApiParameter(
        "external_id", str, description="The CMS's id (with a key: of its own CMS); empty: any."
    ),
    OpenApiParameter("status", str, enum=Article.Status.values),
    OpenApiParameter(
        "outlet", str, description="Outlet name, exact (case-insensitive); empty: any."
    ),
    OpenApiParameter("story", OpenApiTypes.UUID, description="Story id."),
    OpenApiParameter(
        "updated_since",
        OpenApiTypes.DATETIME,
        description=(
            "Changed at or after this instant: an RFC 3339 date-time with its UTC offset, "
            f"e.g. `{query.DATE_TIME_EXAMPLE}` or `2026-01-01T09:30:00.5+05:30` (send `+` as "
            "`%2B`). A date alone or a time without an offset is a 400: it would be ambiguous."
        ),
    ),
]

SUBMIT_EXAMPLE = OpenApiExample(
    "A new article",
    value={
        "external_id": "cms-4411",
        "title": "Council approves budget",
        "text": "The city council approved a $12.5 million budget on Monday, up 4% ...",
        "url": "https://news.example.com/2026/11/budget",
        "published_at": "2026-11-13T12:00:00Z",
        "outlet": "The Example Gazette",
    },
    request_only=True,
)
ACCEPTED_EXAMPLE = OpenApiExample(
    "Accepted",
    value={
        "id": "0b6f7a2e-8f1d-4c3b-9a55-1e2d3c4b5a69",
        "external_id": "cms-4411",
        "url": "https://factcheck.example.org/api/v1/articles/0b6f7a2e-8f1d-4c3b-9a55-1e2d3c4b5a69",
        "status": "queued",
        "revision": 1,
        "outcome": "created",
    },
    response_only=True,
    status_codes=["202"],
)


class ArticleCollection(GenericAPIView):
    """GET lists articles (key with articles:read, or a logged-in reviewer);
    POST submits one (API key with articles:write only: no cookie path)."""

    pagination_class = Pagination
    serializer_class = s.ArticleListSerializer

    def initialize_request(self, request, *args, **kwargs):
        self._method = request.method
        return super().initialize_request(request, *args, **kwargs)

    def _is_write(self) -> bool:
        method = getattr(self, "_method", None) or getattr(
            getattr(self, "request", None), "method", "GET"
        )
        return method == "POST"

    def get_authenticators(self):
        return [a() for a in (auth.KEY_ONLY if self._is_write() else auth.KEY_OR_SESSION)]

    def get_permissions(self):
        return [auth.CanSubmitArticles() if self._is_write() else auth.CanRead()]

    def get_queryset(self):
        found = query.filters_from_query(self.request, ARTICLE_FILTER_PARSERS)
        qs = selectors.article_list()
        if external_id := found.get("external_id"):
            qs = qs.filter(external_id=external_id)
            if isinstance(self.request.auth, auth.ApiKey):
                qs = qs.filter(integration=self.request.auth.integration_id)
        if "status" in found:
            qs = qs.filter(status=found["status"])
        if outlet := found.get("outlet"):
            qs = qs.filter(outlet__name__iexact=outlet)
        if "story" in found:
            qs = qs.filter(story__public_id=found["story"])
        if "updated_since" in found:
            qs = qs.filter(updated_at__gte=found["updated_since"])
        return qs

    @extend_schema(
        operation_id="articles_list",
        summary="List articles",
        parameters=ARTICLE_FILTERS,
        responses={200: s.ArticleListSerializer(many=True), **ERRORS_READ},
        examples=[ERROR_EXAMPLE],
    )
    def get(self, request):
        page = selectors.article_progress_attach(self.paginate_queryset(self.get_queryset()))
        data = s.article_list_data(page, request=request)
        return self.get_paginated_response(data)

    @extend_schema(
        operation_id="articles_submit",
        summary="Submit an article (create, or update by external_id)",
        description=(
            "Creates the article, or with a known `external_id` of this integration updates it: "
            "unchanged title and text do nothing (`outcome: unchanged`), changed ones store a "
            "new revision and re-extract (verdicts of unchanged figures are kept). Answers 202; "
            "extraction runs in the background (poll the article's `status`).\n\n"
            "Idempotent: re-sending the same body gives the same article. With an "
            "`Idempotency-Key` header the exact first answer is replayed; the same key with a "
            "different body is a 422."
        ),
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                {"type": "string", "maxLength": 200},
                OpenApiParameter.HEADER,
                required=False,
                description="Up to 200 characters; replays the first answer for this key.",
            )
        ],
        request=s.ArticleSubmitSerializer,
        responses={
            202: s.ArticleAcceptedSerializer,
            **ERRORS_WRITE,
            422: OpenApiResponse(ERR, description="Idempotency-Key reused with another body."),
        },
        examples=[SUBMIT_EXAMPLE, ACCEPTED_EXAMPLE, ERROR_EXAMPLE],
    )
    def post(self, request):
        api_key = request.auth
        idem_key = request.headers.get("Idempotency-Key", "").strip()
        if len(idem_key) > 200:
            raise exceptions.ValidationError({"Idempotency-Key": ["At most 200 characters."]})
        data = request.data  # parse errors (415, 400, 413) surface here
        body_hash = ""
        if idem_key:
            body_hash = hashlib.sha256(
                json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
            ).hexdigest()
            record = idempotency.idempotency_record_get(api_key=api_key, key=idem_key)
            if record is not None:
                return self._replay(record, body_hash)
        serializer = s.ArticleSubmitSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        result = self._submit(api_key, serializer.validated_data)
        article = result.article
        # ArticleAcceptedSerializer's shape, built directly (the hot path of ingest).
        body = {
            "id": str(article.public_id),
            "external_id": article.external_id,
            "url": request.build_absolute_uri(reverse("api:article", args=[article.public_id])),
            "status": article.status,
            "revision": article.revision,
            "outcome": result.outcome,
        }
        if idem_key:
            winner = idempotency.idempotency_record_save(
                api_key=api_key,
                key=idem_key,
                request_hash=body_hash,
                status=status.HTTP_202_ACCEPTED,
                body=body,
            )
            if winner is not None:  # a concurrent request with this key came first
                return self._replay(winner, body_hash)
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})

    @staticmethod
    def _submit(api_key, data) -> services.SubmitResult:
        # Two first submissions of one external_id can race past the row lock
        # (there is no row yet to lock); the unique constraint stops the second,
        # which then finds the first's article on retry.
        for attempt in range(3):
            try:
                return services.article_submit(
                    title=data["title"],
                    text=data.get("text", ""),
                    html=data.get("html", ""),
                    outlet_name=data.get("outlet", ""),
                    url=data.get("url", ""),
                    byline=data.get("byline", ""),
                    published_at=data.get("published_at"),
                    integration=api_key.integration,
                    external_id=data["external_id"],
                    submitted_by=api_key.acting_user,
                )
            except IntegrityError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _replay(record: IdempotencyRecord, body_hash: str) -> Response:
        if record.request_hash != body_hash:
            raise UnprocessableEntity(
                "This Idempotency-Key was used with a different body.",
                code="idempotency_key_reused",
            )
        return Response(
            record.response_body,
            status=record.response_status,
            headers={"Idempotent-Replayed": "true", "Location": record.response_body["url"]},
        )


class ArticleDetail(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRead]

    @extend_schema(
        operation_id="articles_retrieve",
        summary="An article: status, progress, current figures with verdicts",
        parameters=[PUBLIC_ID],
        responses={200: s.ArticleDetailSerializer, **ERRORS_DETAIL},
    )
    def get(self, request, public_id):
        article = _article(public_id)
        return Response(s.ArticleDetailSerializer(article, context={"request": request}).data)


def _article(public_id) -> Article:
    """The article with its current figures (text order, as `current_figures`)
    and their verdicts with reviewers: a fixed number of queries."""
    try:
        article = Article.objects.select_related("outlet", "story").get(
            public_id=_uuid_or_404(public_id)
        )
    except Article.DoesNotExist:
        raise Http404("No such article.") from None
    figures = list(article.figures.filter(is_current=True).order_by("start"))
    for figure in figures:
        figure.article = article
    article.current_figures = _attach_verdicts(figures)
    return article


class ArticleClaimReview(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRead]

    @extend_schema(
        operation_id="articles_claimreview",
        summary="schema.org ClaimReview JSON-LD for the article's decided figures",
        description=(
            "A JSON array with one ClaimReview per approved or disputed figure, ready to embed "
            'in a `<script type="application/ld+json">`. `itemReviewed.appearance` lists the '
            "article and every article of its story carrying the same figure (kind and value)."
        ),
        parameters=[PUBLIC_ID],
        responses={
            200: OpenApiResponse(
                {"type": "array", "items": {"type": "object", "additionalProperties": True}},
                examples=[
                    OpenApiExample(
                        "One disputed figure",
                        value=[
                            {
                                "@context": "https://schema.org",
                                "@type": "ClaimReview",
                                "@id": "https://factcheck.example.org/articles/0b6f…#figure-2c1…",
                                "url": "https://news.example.com/2026/11/budget#figure-2c1…",
                                "claimReviewed": "About 1,200 residents attended the meeting",
                                "datePublished": "2026-11-14",
                                "author": {"@type": "Organization", "name": "Verification desk"},
                                "itemReviewed": {
                                    "@type": "Claim",
                                    "author": {"@type": "Person", "name": "officials"},
                                    "datePublished": "2026-11-13",
                                    "appearance": [
                                        {
                                            "@type": "CreativeWork",
                                            "url": "https://news.example.com/2026/11/budget",
                                            "headline": "Council approves budget",
                                        }
                                    ],
                                },
                                "reviewRating": {
                                    "@type": "Rating",
                                    "alternateName": "Misquoted",
                                    "ratingValue": 1,
                                    "bestRating": 5,
                                    "worstRating": 1,
                                    "ratingExplanation": "Correct value: 120.",
                                },
                            }
                        ],
                    )
                ],
            ),
            **ERRORS_DETAIL,
        },
    )
    def get(self, request, public_id):
        article = _article(public_id)
        story_figures: list[Figure] = []
        if article.story_id:
            story_figures = list(
                Figure.objects.filter(is_current=True, article__story_id=article.story_id)
                .exclude(article=article)
                .select_related("article")
                .only("kind", "value", "article__title", "article__url", "article__published_at")
            )
        data = claimreviews_for_article(
            article=article,
            figures=article.current_figures,
            story_figures=story_figures,
            review_url=_review_url(request, article),
        )
        return Response(data)


# ------------------------------------------------------------------- figures
class FigurePagination(Pagination):
    ordering = "created_at"


FIGURE_FILTER_PARSERS: dict[str, query.Parser] = {
    "article": query.uuid_from_text("an article"),
    "status": query.choice_from(Figure.Status.values),
    "kind": query.choice_from(Figure.Kind.values),
}


class FigureList(GenericAPIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRead]
    pagination_class = FigurePagination
    serializer_class = s.FigureSerializer

    def get_queryset(self):
        found = query.filters_from_query(self.request, FIGURE_FILTER_PARSERS)
        qs = Figure.objects.filter(is_current=True).select_related("article")
        if "article" in found:
            qs = qs.filter(article__public_id=found["article"])
        if "status" in found:
            qs = qs.filter(status=found["status"])
        if "kind" in found:
            qs = qs.filter(kind=found["kind"])
        return qs

    @extend_schema(
        operation_id="figures_list",
        summary="List current figures",
        parameters=[
            OpenApiParameter("article", OpenApiTypes.UUID, description="Article id."),
            OpenApiParameter("status", str, enum=Figure.Status.values),
            OpenApiParameter("kind", str, enum=Figure.Kind.values),
        ],
        responses={200: s.FigureSerializer(many=True), **ERRORS_READ},
    )
    def get(self, request):
        page = _attach_verdicts(list(self.paginate_queryset(self.get_queryset())))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


def _figure(public_id) -> Figure:
    try:
        figure = Figure.objects.select_related("article").get(public_id=_uuid_or_404(public_id))
    except Figure.DoesNotExist:
        raise Http404("No such figure.") from None
    return _attach_verdicts([figure])[0]


class FigureDetail(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRead]

    @extend_schema(
        operation_id="figures_retrieve",
        summary="A figure with its verdict history",
        description="The ETag header is the figure's version; send it back in If-Match.",
        parameters=[PUBLIC_ID],
        responses={200: s.FigureDetailSerializer, **ERRORS_DETAIL},
    )
    def get(self, request, public_id):
        figure = _figure(public_id)
        return Response(
            s.FigureDetailSerializer(figure).data, headers={"ETag": s.figure_etag(figure)}
        )


def parse_if_match(header: str) -> int | None:
    """The figure version in an If-Match header: `W/"3"` (the ETag we send),
    `"3"` or `3`. None when the header names no single version."""
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    # isascii: "²".isdigit() is true, and int() refuses it.
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


class FigureVerdicts(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRecordVerdicts]

    @extend_schema(
        operation_id="figures_verdicts_create",
        summary="Record a verdict on a figure",
        description=(
            "Requires `If-Match` with the figure's ETag as sent by GET /figures/{id} "
            '(`W/"<version>"`; a bare `<version>` is accepted too). If the figure has moved on, '
            "nothing is written and the answer is 412 with the current figure; without If-Match "
            "the answer is 428. With an API key the verdict is recorded as the key's acting "
            "reviewer; a logged-in reviewer must send the CSRF token."
        ),
        parameters=[
            PUBLIC_ID,
            OpenApiParameter(
                "If-Match",
                {"type": "string", "pattern": r'^(?:W/)?"?[0-9]{1,9}"?$'},
                OpenApiParameter.HEADER,
                required=True,
                description='The figure\'s ETag, e.g. W/"1".',
                examples=[OpenApiExample("Version 1", value='W/"1"')],
            ),
        ],
        request=s.VerdictInputSerializer,
        responses={
            201: s.VerdictRecordedSerializer,
            **ERRORS_WRITE,
            412: OpenApiResponse(s.StaleFigureSerializer, description="The figure changed."),
            428: OpenApiResponse(ERR, description="If-Match missing."),
        },
        examples=[
            OpenApiExample(
                "Dispute",
                value={
                    "decision": "dispute",
                    "reason": "misquote",
                    "corrected_value": "120",
                    "note": "The minutes say 120 residents.",
                    "evidence_url": "https://council.example.gov/minutes/2026-11-10",
                },
                request_only=True,
            ),
            ERROR_EXAMPLE,
        ],
    )
    def post(self, request, public_id):
        figure = _figure(public_id)
        header = request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired()
        expected = parse_if_match(header)
        if expected is None:
            raise PreconditionRequired('If-Match must be the figure\'s ETag, e.g. W/"3".')
        serializer = s.VerdictInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            verdict = services.verdict_record(
                figure=figure,
                reviewer=request.user,
                decision=data["decision"],
                reason=data.get("reason", ""),
                corrected_value=data.get("corrected_value", ""),
                note=data.get("note", ""),
                evidence_url=data.get("evidence_url", ""),
                expected_version=expected,
            )
        except services.StaleFigure as stale:
            current = _figure(stale.figure.public_id)
            raise PreconditionFailed(
                f"The figure is at version {current.version}, not {expected}; nothing was saved.",
                extra={"figure": s.FigureSerializer(current).data},
            ) from None
        figure = _figure(figure.public_id)
        body = {
            "verdict": s.VerdictSerializer(verdict).data,
            "figure": s.FigureSerializer(figure).data,
        }
        return Response(
            body, status=status.HTTP_201_CREATED, headers={"ETag": s.figure_etag(figure)}
        )


# ------------------------------------------------------------------ findings
class FindingReviews(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanReviewFindings]

    @extend_schema(
        operation_id="findings_reviews_create",
        summary="Confirm or dismiss a cross-check finding",
        description=(
            "A dismissal says why: `reason` is one of not_same_fact, update (a later figure), "
            "rounding, other; `note` is required with other. A confirmation takes no reason. "
            "Bad input is a 400 and nothing is written. With an API key (verdicts:write) the "
            "review is recorded as the key's acting reviewer; a logged-in reviewer must send "
            "the CSRF token."
        ),
        parameters=[PUBLIC_ID],
        request=s.FindingReviewInputSerializer,
        responses={201: s.FindingReviewedSerializer, **ERRORS_WRITE},
        examples=[
            OpenApiExample(
                "Dismiss",
                value={
                    "decision": "dismiss",
                    "reason": "update",
                    "note": "The later figure is the ministry's revised count.",
                },
                request_only=True,
            ),
            ERROR_EXAMPLE,
        ],
    )
    def post(self, request, public_id):
        from claims import crosschecking, webhooks
        from claims.models import Finding

        finding = Finding.objects.filter(public_id=_uuid_or_404(public_id)).first()
        if finding is None:
            raise Http404("No such finding.")
        serializer = s.FindingReviewInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        finding = crosschecking.finding_review(
            finding=finding,
            reviewer=request.user,
            decision=data["decision"],
            reason=data.get("reason", ""),
            note=data.get("note", ""),
        )
        review = finding.reviews.select_related("reviewer").order_by("-created_at", "-id").first()
        body = {
            "review": s.FindingReviewSerializer(review).data,
            "finding": webhooks.finding_data(finding),
        }
        return Response(body, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------- stories
class StoryDetail(APIView):
    authentication_classes = auth.KEY_OR_SESSION
    permission_classes = [auth.CanRead]

    @extend_schema(
        operation_id="stories_retrieve",
        summary="A story with its articles",
        parameters=[PUBLIC_ID],
        responses={200: s.StorySerializer, **ERRORS_DETAIL},
    )
    def get(self, request, public_id):
        articles = selectors.article_list().order_by("published_at", "created_at")
        try:
            story = Story.objects.prefetch_related(
                Prefetch("articles", queryset=articles, to_attr="article_list")
            ).get(public_id=_uuid_or_404(public_id))
        except Story.DoesNotExist:
            raise Http404("No such story.") from None
        selectors.article_progress_attach(story.article_list)
        return Response(s.StorySerializer(story, context={"request": request}).data)
