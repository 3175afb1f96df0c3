"""Extraction runs: a worker claims an article's run, stores its figures
(keeping the verdicts of unchanged ones), and releases or fails the run."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import extraction, webhooks
from claims.models import Article, ArticleRevision, ExtractionRun, Figure
from claims.services.articles import article_task_publish

logger = logging.getLogger(__name__)

# A run still marked running after this long belongs to a worker that died
# (the task's hard time limit is far shorter), so another worker may take it.
RUN_LEASE = dt.timedelta(seconds=settings.EXTRACTION_LEASE_SECONDS)


def _figure_key(surface: str, value: Any, sentence: str) -> tuple[str, str, str]:
    # A figure whose surface, value and sentence are unchanged is the same claim.
    return surface, json.dumps(value, sort_keys=True), " ".join(sentence.split())


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# Fields the engine (and the revision) decide; status, version and verdicts
# are the reviewers' and survive a carry-over.
_FIGURE_ENGINE_FIELDS = (
    "revision",
    "start",
    "end",
    "surface",
    "value",
    "unit",
    "kind",
    "approx",
    "qualifier",
    "subject",
    "attributed_to",
    "sentence_start",
    "sentence_end",
    "overflow",
    *(
        f"frame_{slot}"
        for slot in ("measure", "scope", "time", "time_iso", "modality", "direction")
    ),
    "extractor_version",
)


def _frame_fields(frame: extraction.Frame | None) -> dict[str, str]:
    """The figure's frame as model fields; all blank when the engine read none."""
    if frame is None:
        return {
            "frame_measure": "", "frame_scope": "", "frame_time": "", "frame_time_iso": "",
            "frame_modality": "", "frame_direction": "",
        }  # fmt: skip
    return {
        "frame_measure": frame.measure[:200],
        "frame_scope": frame.scope[:200],
        "frame_time": frame.time[:200],
        "frame_time_iso": frame.time_iso[:40],
        "frame_modality": frame.modality,
        "frame_direction": frame.direction,
    }


def _store_figures(
    *, article: Article, found: list[extraction.Figure], extractor_version: str
) -> int:
    """Replace the article's current figures with `found`, carrying over the
    figures (and so their verdicts) whose surface, value and sentence did not
    change. The others are retired (is_current=False), never deleted."""
    text = article.text
    old = list(article.figures.filter(is_current=True))
    texts = {article.revision: text}
    needed = {f.revision for f in old} - texts.keys()
    for rev in ArticleRevision.objects.filter(article=article, number__in=needed):
        texts[rev.number] = rev.text
    by_key: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for fig in old:
        old_text = texts.get(fig.revision, "")
        by_key[
            _figure_key(fig.surface, fig.value, old_text[fig.sentence_start : fig.sentence_end])
        ].append(fig)

    carried: list[Figure] = []
    created: list[Figure] = []
    for f in found:
        value = _json_value(f.value)
        fields = {
            "revision": article.revision,
            "start": f.start,
            "end": f.end,
            "surface": f.surface[:500],
            "value": value,
            "unit": (f.unit or "")[:100],
            "kind": f.kind,
            "approx": f.approx,
            "qualifier": (f.qualifier or "")[:100],
            "subject": (f.subject or "")[:300],
            "attributed_to": (f.attributed_to or "")[:300],
            "sentence_start": f.sentence_start,
            "sentence_end": f.sentence_end,
            "overflow": f.overflow,
            **_frame_fields(f.frame),
            "extractor_version": extractor_version,
            "is_current": True,
        }
        matches = by_key.get(_figure_key(f.surface, value, text[f.sentence_start : f.sentence_end]))
        if matches:
            fig = matches.pop(0)
            for name, val in fields.items():
                setattr(fig, name, val)
            carried.append(fig)
        else:
            created.append(Figure(article=article, **fields))

    # Take every old figure out of the current set first, so moved spans never
    # collide with the partial unique index on current spans. Figures that did
    # not survive stay retired: a reviewer who has one open is told it left
    # the current text, and its history (if any) is kept.
    Figure.objects.filter(pk__in=[f.pk for f in old]).update(is_current=False)
    if carried:
        Figure.objects.bulk_update(carried, [*_FIGURE_ENGINE_FIELDS, "is_current"])
    Figure.objects.bulk_create(created)
    return len(found)


def article_extract(*, article_id: int) -> ExtractionRun | None:
    """Extract the figures of an article's current revision. Safe to run any
    number of times: a finished run is not repeated, and a run another worker
    holds is left alone. Returns the run, or None if the article is gone."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    version = extraction.EXTRACTOR_VERSION
    run, _ = ExtractionRun.objects.get_or_create(
        article=article, revision=article.revision, extractor_version=version
    )
    if run.status == ExtractionRun.Status.SUCCEEDED:
        return run
    now = timezone.now()
    claimable = Q(status__in=[ExtractionRun.Status.QUEUED, ExtractionRun.Status.FAILED]) | Q(
        status=ExtractionRun.Status.RUNNING, started_at__lt=now - RUN_LEASE
    )
    claimed = ExtractionRun.objects.filter(claimable, pk=run.pk).update(
        status=ExtractionRun.Status.RUNNING,
        started_at=now,
        finished_at=None,
        attempts=F("attempts") + 1,
        error="",
    )
    if claimed != 1:
        return run  # another worker holds it
    try:
        return _extract_claimed(article=article, run=run, version=version)
    except Exception:
        # Most likely a transient database error (the task retries): give the
        # run back now, or the retry would wait out the lease.
        _run_release(run=run)
        raise


def _run_release(*, run: ExtractionRun) -> None:
    try:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # reconnect if it died
        ExtractionRun.objects.filter(pk=run.pk, status=ExtractionRun.Status.RUNNING).update(
            status=ExtractionRun.Status.QUEUED
        )
    except DatabaseError:
        logger.warning("could not release extraction run %s; its lease will expire", run.pk)


def _extract_claimed(*, article: Article, run: ExtractionRun, version: str) -> ExtractionRun:
    Article.objects.filter(pk=article.pk, revision=run.revision).exclude(
        status=Article.Status.EXTRACTING
    ).update(status=Article.Status.EXTRACTING, error="")

    try:
        published = article.published_at.date() if article.published_at else None
        found = extraction.extract(extraction.Document(text=article.text, published=published))
    except Exception as exc:  # an engine failure is permanent for this text
        logger.exception("extraction of article %s failed", article.pk)
        _run_fail(
            run=run, message=f"The extraction engine failed on this text ({type(exc).__name__})."
        )
        return run

    if len(found) > settings.FACTCHECK_MAX_FIGURES:
        _run_fail(
            run=run,
            message=f"{len(found):,} figures found; more than {settings.FACTCHECK_MAX_FIGURES:,} "
            "is a table or a data dump, not an article to review.",
        )
        return run

    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.revision != run.revision:
            _run_fail(run=run, message=f"Superseded by revision {locked.revision}.", article=False)
            return run
        count = _store_figures(article=locked, found=found, extractor_version=version)
        decided = locked.figures.filter(is_current=True).exclude(status=Figure.Status.PENDING)
        locked.status = Article.Status.IN_REVIEW if decided.exists() else Article.Status.READY
        locked.error = ""
        locked.save(update_fields=["status", "error", "updated_at"])
        webhooks.article_ready(article=locked)  # sent after commit
        ExtractionRun.objects.filter(pk=run.pk).update(
            status=ExtractionRun.Status.SUCCEEDED,
            finished_at=timezone.now(),
            figure_count=count,
        )
        # The figures changed: place the article in a story and check it.
        transaction.on_commit(
            lambda: article_task_publish(article_id=article.pk, task="crosscheck_article")
        )
    run.refresh_from_db()
    return run


def figure_frames_backfill(*, article: Article) -> int:
    """Give the article's current figures that have no frame (extracted before
    engine 0.6.0) the frame the engine reads for them now. Only frame fields
    change: no status, verdict, version or webhook, so a closed review stays
    closed. A figure the engine no longer finds at the same span keeps no frame.
    Returns how many figures got one. Safe to run any number of times."""
    missing = {
        (f.start, f.end, f.surface): f
        for f in article.figures.filter(is_current=True, frame_modality="")
    }
    if not missing:
        return 0
    published = article.published_at.date() if article.published_at else None
    found = extraction.extract(extraction.Document(text=article.text, published=published))
    filled = []
    for f in found:
        fig = missing.get((f.start, f.end, f.surface[:500]))
        if fig is not None and f.frame is not None:
            for name, value in _frame_fields(f.frame).items():
                setattr(fig, name, value)
            filled.append(fig)
    frame_fields = [name for name in _FIGURE_ENGINE_FIELDS if name.startswith("frame_")]
    Figure.objects.bulk_update(filled, frame_fields)
    return len(filled)


def _run_fail(*, run: ExtractionRun, message: str, article: bool = True) -> None:
    ExtractionRun.objects.filter(pk=run.pk).update(
        status=ExtractionRun.Status.FAILED, finished_at=timezone.now(), error=message
    )
    if article:
        Article.objects.filter(pk=run.article_id, revision=run.revision).update(
            status=Article.Status.FAILED, error=message
        )
    run.refresh_from_db()
