"""Cross-checking in the app: place an article in a story through the stored
inverted index, run the checking engine over the story, and keep what it
finds as Finding rows that reviewers confirm or dismiss.

The scoring (fingerprints, similarity, thresholds) is the engine's
(claims.checking.stories); only candidate retrieval lives here, as indexed
queries over ArticleTerm postings, so placing an article never scans all
articles. Every function is safe to run again.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q

from claims import extraction, webhooks
from claims.checking import engine
from claims.checking import stories as story_engine
from claims.checking.model import Article as CheckedArticle
from claims.models import (
    PROBLEM_TYPES,
    Article,
    ArticleTerm,
    Figure,
    Finding,
    FindingFigure,
    FindingReview,
    Story,
    TermStat,
)
from claims.services import User, audit_record

logger = logging.getLogger(__name__)

CHECKABLE = (Article.Status.READY, Article.Status.IN_REVIEW, Article.Status.REVIEWED)
CANDIDATES = 30
# Candidate retrieval reads the postings of only this many of the article's
# rarest terms: they carry the story (names, places, topic words), and the
# work stays bounded however large the corpus grows.
PROBE_TERMS = 12


def _engine_figure(f: Figure) -> extraction.Figure:
    value = tuple(f.value) if isinstance(f.value, list) else f.value
    return extraction.Figure(
        start=f.start, end=f.end, surface=f.surface, value=value, unit=f.unit, kind=f.kind,
        approx=f.approx, qualifier=f.qualifier or None, subject=f.subject or None,
        attributed_to=f.attributed_to or None, sentence_start=f.sentence_start,
        sentence_end=f.sentence_end, overflow=f.overflow, frame=_frame(f),
    )  # fmt: skip


def _frame(f: Figure) -> extraction.Frame | None:
    """The stored frame; None for a figure stored before frames (the checker reads one)."""
    if not f.has_frame:
        return None
    return extraction.Frame(
        measure=f.frame_measure, scope=f.frame_scope, time=f.frame_time,
        time_iso=f.frame_time_iso, source=f.attributed_to, modality=f.frame_modality,
        direction=f.frame_direction or "none",
    )  # fmt: skip


def _checked_article(article: Article, figures: list[Figure] = ()) -> CheckedArticle:
    return CheckedArticle(
        id=str(article.pk),
        text=article.text,
        published=article.published_at.date() if article.published_at else None,
        outlet=article.outlet.name if article.outlet_id else "",
        title=article.title,
        figures=tuple(_engine_figure(f) for f in figures),
    )


def _day(article: Article) -> int | None:
    return article.published_at.date().toordinal() if article.published_at else None


# ---------------------------------------------------------------- the index
def _bump(terms: list[str], step: int) -> None:
    TermStat.objects.bulk_create([TermStat(term=t, df=0) for t in terms], ignore_conflicts=True)
    TermStat.objects.filter(term__in=terms).update(df=F("df") + step)


@transaction.atomic
def article_index_remove(*, article: Article) -> None:
    """Take the article's postings out of the index (before re-indexing or
    deleting it), keeping document frequencies exact."""
    old = list(article.terms.values_list("term", flat=True))
    if old:
        article.terms.all().delete()
        _bump([*old, TermStat.DOCS], -1)


@transaction.atomic
def article_index(*, article: Article) -> story_engine.Fingerprint:
    """(Re)write the article's postings from its current title and text."""
    fp = story_engine.fingerprint(_checked_article(article))
    article_index_remove(article=article)
    day = _day(article)
    ArticleTerm.objects.bulk_create(
        ArticleTerm(article=article, term=t, weight=w, day=day) for t, w in fp.items()
    )
    _bump([*fp.terms, TermStat.DOCS], +1)
    return fp


def _idf_table(terms) -> tuple[dict[str, int], float]:
    counts = dict(
        TermStat.objects.filter(term__in=[*terms, TermStat.DOCS]).values_list("term", "df")
    )
    return counts, counts.pop(TermStat.DOCS, 0) + story_engine.PRIOR_DOCS


def story_candidates(*, article: Article, fp: story_engine.Fingerprint) -> list[tuple[int, float]]:
    """Articles sharing rare terms with `fp` inside the time window, with their
    similarity, best first: a few indexed queries, whatever the corpus size."""
    df, docs = _idf_table(fp.terms)

    def idf(term: str) -> float:
        return math.log(docs / (1 + df.get(term, 0)))

    # Terms in too many articles say nothing about which story this is.
    cutoff = max(50.0, story_engine.MAX_DF_FRACTION * (docs - story_engine.PRIOR_DOCS))
    weights = dict(fp.items())
    rare = [t for t in fp.terms if 1 < df.get(t, 0) <= cutoff + 1]  # df counts this article
    rare = sorted(rare, key=lambda t: (df[t], t))[:PROBE_TERMS]
    if not rare:
        return []
    postings = ArticleTerm.objects.filter(term__in=rare).exclude(article_id=article.pk)
    day = _day(article)
    if day is not None:
        window = story_engine.WINDOW_DAYS
        postings = postings.filter(Q(day__range=(day - window, day + window)) | Q(day=None))
    partial: defaultdict[int, float] = defaultdict(float)
    for other, term in postings.values_list("article_id", "term"):
        partial[other] += weights[term] * idf(term) ** 2
    top = [pk for pk, _ in heapq.nlargest(CANDIDATES, partial.items(), key=lambda kv: kv[1])]
    if not top:
        return []

    their_terms: defaultdict[int, list[tuple[str, float]]] = defaultdict(list)
    for other, term, weight in ArticleTerm.objects.filter(article_id__in=top).values_list(
        "article_id", "term", "weight"
    ):
        their_terms[other].append((term, weight))
    df, docs = _idf_table({t for items in their_terms.values() for t, _ in items} | set(fp.terms))
    published = dict(Article.objects.filter(pk__in=top).values_list("pk", "published_at"))
    mine = article.published_at.date() if article.published_at else None
    scored = []
    for other, items in their_terms.items():
        theirs = story_engine.Fingerprint.from_lists(*zip(*items, strict=True))
        when = published[other].date() if published.get(other) else None
        scored.append((other, story_engine.similarity(fp, theirs, mine, when, idf)))
    return sorted(scored, key=lambda kv: -kv[1])


# Placements run one at a time: an article placed while another of the same
# new event is being placed would not see it (its postings not yet committed)
# and would found a second story. A placement is a few indexed queries.
PLACEMENT_LOCK = 0x5_70_12  # a PostgreSQL advisory lock key of our own


def _placement_lock() -> None:
    # On SQLite every transaction begins IMMEDIATE (settings): one writer at a
    # time already.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLACEMENT_LOCK])


def article_place_in_story(*, article: Article) -> Story:
    """Index the article and put it in the story of its best match above the
    engine's threshold, or in a new story. An article already in a story
    (placed before, or moved there by an editor) stays; its postings are
    refreshed."""
    with transaction.atomic():
        _placement_lock()
        fp = article_index(article=article)
        placed = Article.objects.filter(pk=article.pk).values_list("story_id", flat=True).first()
        if placed:
            article.story = Story.objects.get(pk=placed)
            return article.story
        best = next(iter(story_candidates(article=article, fp=fp)), None)
        match = best[0] if best and best[1] >= story_engine.SIMILARITY_THRESHOLD else None
        theirs = Article.objects.filter(pk=match).values_list("story_id", flat=True).first()
        story = (
            Story.objects.get(pk=theirs) if theirs else Story.objects.create(title=article.title)
        )
        # A match indexed but never placed (its check failed) joins the new story.
        joining = [article.pk] if theirs or match is None else [article.pk, match]
        for joined in Article.objects.filter(pk__in=joining, story=None).only("public_id"):
            Article.objects.filter(pk=joined.pk).update(story=story)
            audit_record(
                actor=None, action="story.placed", obj=joined, after={"story": str(story.public_id)}
            )
    article.story = story
    return story


# ----------------------------------------------------------------- findings
def _key(kind: str, figures: list[Figure]) -> str:
    # Order-free: the same figures found again (either way round) are one finding.
    return f"{kind}:" + "-".join(str(pk) for pk in sorted(f.pk for f in figures))


def _checked_state(articles: list[Article]) -> dict[str, str]:
    # An article's updated_at moves with every change to it, figures included
    # (they are written in the same transaction as its status).
    return {str(a.pk): a.updated_at.isoformat() for a in articles}


# Checks of one story run one at a time, and a check never waits for another:
# it takes a session advisory lock with pg_try_advisory_lock, and a check that
# finds the story being checked returns at once, freeing its worker. The
# running check then looks for changes it did not read and publishes one more
# check if there are any. The engine runs outside any transaction, so a long
# check holds no row lock (and on SQLite no write lock extraction would wait on).
CHECK_LOCK = 0x5_70_13  # the classid of our (classid, story id) advisory locks


@contextmanager
def _story_check_lock(story_id: int) -> Iterator[bool]:
    """Yields whether this process now holds the story's check lock. On
    SQLite always True: checks that overlap there are settled by the
    follow-up check (story_crosscheck)."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = [CHECK_LOCK, story_id & 0x7FFFFFFF]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)
            except DatabaseError:  # e.g. interrupted by the time limit mid-query
                connection.close()  # ending the session releases its locks


def _story_state(story_id: int) -> dict[str, str]:
    return _checked_state(
        list(Article.objects.filter(story_id=story_id, status__in=CHECKABLE).only("updated_at"))
    )


def story_crosscheck(
    *, story: Story, unless_covered: Article | None = None, added: bool = False
) -> list[Finding] | None:
    """Run the engine over the story's checkable articles and store what it
    finds. A finding found again keeps its row, status and reviews; one no
    longer found is marked not current. Returns the current findings, or
    None when the story is being checked by another worker right now (that
    check publishes one more if anything changed that it did not read).

    With `unless_covered`, the check is skipped if a check that started after
    that article last changed already ran (returning that article's current
    findings): a burst of articles joining a story costs a few checks, not
    one each. Safe to run any number of times.

    With `added` (articles joined the story), only what joined since the last
    check is checked, if that is all that changed, and only its findings are
    returned: the engine's check_added, its findings merged into the stored
    ones (see _story_check). Otherwise, and always without `added` (edits,
    moves, merges), the whole story.
    """
    if unless_covered is not None:
        changed = (
            Article.objects.filter(pk=unless_covered.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        seen = (
            Story.objects.filter(pk=story.pk).values_list("checked_state", flat=True).first() or {}
        ).get(str(unless_covered.pk))
        if changed is not None and seen == changed.isoformat():
            # (the article's own: the story may hold tens of thousands)
            return list(
                Finding.objects.filter(
                    story=story, is_current=True, figures__article=unless_covered
                ).distinct()
            )
    with _story_check_lock(story.pk) as held:
        if not held:
            logger.info("story %s is being checked; that check covers this one", story.pk)
            return None
        read, current = _story_check(story, added=added)
    # Anything committed after this check read the story (an article placed,
    # changed or moved while the check ran, its own check returned above)
    # gets one more check; it finds the lock free. Articles that only joined
    # are checked incrementally; a change to the articles this check read
    # makes that check a full one (_added_since_checked).
    if read is not None and _story_state(story.pk) != read:
        from claims.tasks import crosscheck_story

        transaction.on_commit(lambda: _publish(crosscheck_story, story.pk, added=True))
    return current


def _added_since_checked(story: Story, read: dict[str, str]) -> set[str] | None:
    """The articles (ids as in checked_state) that joined the story since its
    last check, if joining is all that happened: every article that check
    read is still here, unchanged. None when the story needs a full check
    (never checked, or an article changed or left); an empty set when the
    stored findings already cover what was read."""
    before = Story.objects.filter(pk=story.pk).values_list("checked_state", flat=True).first()
    if not before or any(read.get(pk) != seen for pk, seen in before.items()):
        return None
    return set(read) - set(before)


def _story_check(
    story: Story, *, added: bool = False
) -> tuple[dict[str, str] | None, list[Finding]]:
    """(what the check read, the current findings); (None, []) if the story
    was deleted (merged away) meanwhile.

    With `added`, only articles joined since the last check, and a story
    larger than CROSSCHECK_FULL_UP_TO articles, the engine
    checks just their pairs and their own figures (check_added: the full
    check's findings of those pairs, see claims/checking/engine.py), and only
    findings about their figures are replaced; the findings between the
    other articles stay as stored."""
    articles = list(
        Article.objects.filter(story=story, status__in=CHECKABLE).select_related("outlet")
    )
    read = _checked_state(articles)
    incremental = added and len(articles) > settings.CROSSCHECK_FULL_UP_TO
    joined = _added_since_checked(story, read) if incremental else None
    if joined is not None and not joined:
        return read, []  # the stored findings cover what was read
    figures = list(
        Figure.objects.filter(article__in=articles, is_current=True).order_by("article", "start")
    )
    by_article: defaultdict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        by_article[f.article_id].append(f)
    by_span = {(str(f.article_id), f.start, f.end): f for f in figures}
    checked = [_checked_article(a, by_article[a.pk]) for a in articles]
    if joined:
        found = engine.check_added(checked, [c for c in checked if c.id in joined])
    else:
        found = engine.check_story(checked)

    produced: dict[str, tuple[str, list[Figure], str, float]] = {}
    for finding in found:
        rows = [by_span.get((r.article_id, r.start, r.end)) for r in finding.figures]
        if None in rows:
            continue
        produced[_key(finding.type, rows)] = (finding.type, rows, finding.why, finding.score)
    with transaction.atomic():
        # A short lock that orders the writes of checks that overlap (SQLite).
        if not Story.objects.select_for_update().filter(pk=story.pk).exists():
            return None, []
        scope = [int(pk) for pk in joined] if joined else None
        return read, _findings_store(story, produced, read, scope=scope)


def _findings_store(
    story: Story,
    produced: dict[str, tuple[str, list[Figure], str, float]],
    read: dict[str, str],
    *,
    scope: list[int] | None = None,
) -> list[Finding]:
    """Write what a check found and return its findings. A full check
    (`scope` None) replaces the story's findings: those not found again are
    no longer current. An incremental one merges: only findings about
    figures of the articles in `scope` (the ones it checked) are replaced;
    the others stay current (and are not read: the story may hold tens of
    thousands)."""
    # Figures are never deleted, but their article may be (and them with it)
    # while the engine ran.
    alive = set(
        Figure.objects.filter(
            pk__in={f.pk for _, rows, _, _ in produced.values() for f in rows}
        ).values_list("pk", flat=True)
    )
    produced = {k: v for k, v in produced.items() if all(f.pk in alive for f in v[1])}
    existing = {f.key: f for f in Finding.objects.select_for_update().filter(key__in=produced)}
    current = []
    for key, (kind, rows, why, score) in produced.items():
        row = existing.get(key)
        if row is None:
            row = Finding.objects.create(story=story, type=kind, key=key, why=why, score=score)
            FindingFigure.objects.bulk_create(
                FindingFigure(finding=row, figure=f, position=n) for n, f in enumerate(rows)
            )
            if kind in PROBLEM_TYPES:
                webhooks.conflict_found(finding=row)  # sent after commit
        elif (row.why, row.score, row.story_id, row.is_current) != (why, score, story.pk, True):
            row.why, row.score, row.story, row.is_current = why, score, story, True
            row.save(update_fields=["why", "score", "story", "is_current", "updated_at"])
        current.append(row)
    retired = Finding.objects.filter(story=story, is_current=True).exclude(key__in=produced)
    if scope is not None:
        # Only the findings about the checked articles' figures: a few rows,
        # however many the story holds.
        about = FindingFigure.objects.filter(figure__article_id__in=scope).values("finding_id")
        retired = Finding.objects.filter(pk__in=list(retired.filter(pk__in=about).values_list(
            "pk", flat=True)))  # fmt: skip
    retired.update(is_current=False)
    Story.objects.filter(pk=story.pk).update(checked_state=read, check_error="")
    return current


def story_check_fail(*, story_id: int, reason: str) -> None:
    """Record that the story is not checked, and why (its check ran out of
    time on every attempt). Reviewers see it on the review page; the next
    check that finishes clears it."""
    logger.error("story %s is not checked: %s", story_id, reason)
    Story.objects.filter(pk=story_id).update(check_error=reason)


def article_crosscheck(*, article_id: int) -> list[Finding] | None:
    """Place the article in a story and check it against the story: only its
    own pairs when it just joined a story checked before (the others' pairs
    stand), the whole story again when it changed (an edit: the other
    articles' findings with it may change). None if the article is gone or
    not extracted yet."""
    article = (
        Article.objects.select_related("outlet", "story")
        .filter(pk=article_id, status__in=CHECKABLE)
        .first()
    )
    if article is None:
        return None
    story = article_place_in_story(article=article)
    return story_crosscheck(story=story, unless_covered=article, added=True)


def finding_review_check(*, decision: str, reason: str = "", note: str = "") -> dict:
    """The errors of a review before anything is written: a dismissal says
    why (one of FindingReview.Reason), with a note when the reason is
    "other"; a confirmation takes no reason. Field -> messages, empty if
    fine (the review form and the API show them as they are)."""
    errors: dict[str, list[str]] = {}
    if decision not in FindingReview.Decision.values:
        errors["decision"] = ["Choose confirm or dismiss."]
    elif decision == FindingReview.Decision.DISMISS:
        if not reason:
            errors["reason"] = ["Say why you dismiss it: choose a reason."]
        elif reason not in FindingReview.Reason.values:
            known = ", ".join(FindingReview.Reason.values)
            errors["reason"] = [f"Unknown reason {reason[:40]!r}; choose one of {known}."]
        elif reason == FindingReview.Reason.OTHER and not note.strip():
            errors["note"] = ["Write a note: it is the reason when you choose “Other”."]
    elif reason:
        errors["reason"] = ["A reason is given only when dismissing."]
    return errors


@transaction.atomic
def finding_review(
    *, finding: Finding, reviewer: User, decision: str, reason: str = "", note: str = ""
) -> Finding:
    """A reviewer confirms or dismisses a finding (a dismissal with its
    reason, shown on the finding after); history keeps every review."""
    if not reviewer.is_authenticated or not reviewer.has_perm("claims.add_findingreview"):
        raise PermissionDenied("Only reviewers can confirm or dismiss findings.")
    errors = finding_review_check(decision=decision, reason=reason, note=note)
    if errors:
        raise ValidationError(errors)
    note = note.strip()[:10_000]
    locked = Finding.objects.select_for_update().get(pk=finding.pk)
    before = {"status": locked.status, "reason": locked.dismiss_reason}
    FindingReview.objects.create(
        finding=locked, reviewer=reviewer, decision=decision, reason=reason, note=note
    )
    dismissed = decision == FindingReview.Decision.DISMISS
    locked.status = Finding.Status.DISMISSED if dismissed else Finding.Status.CONFIRMED
    locked.dismiss_reason = reason if dismissed else ""
    locked.dismiss_note = note if dismissed else ""
    locked.save(update_fields=["status", "dismiss_reason", "dismiss_note", "updated_at"])
    audit_record(
        actor=reviewer, action=f"finding.{decision}", obj=locked, before=before,
        after={"status": locked.status, "reason": locked.dismiss_reason},
    )  # fmt: skip
    return locked


# ------------------------------------------------------- editing the stories
def _require_story_editor(user: User) -> None:
    if not user.is_authenticated or not user.has_perm("claims.change_story"):
        raise PermissionDenied("Only editors can change stories.")


def _recheck_after_commit(*stories: Story | None) -> None:
    from claims.tasks import crosscheck_story

    for story in {s.pk for s in stories if s is not None}:
        transaction.on_commit(lambda pk=story: _publish(crosscheck_story, pk))


def _publish(task, story_id: int, **kwargs) -> None:
    try:
        task.delay(story_id, **kwargs)
    except Exception:  # broker down: the next extraction or edit checks again
        logger.warning("could not enqueue the check of story %s", story_id, exc_info=True)


@transaction.atomic
def article_move_to_story(*, article: Article, story: Story | None, editor: User) -> Story:
    """Move an article into `story`, or split it into a new story of its
    own when `story` is None. Both stories are checked again after commit."""
    _require_story_editor(editor)
    locked = (
        Article.objects.select_for_update(of=("self",)).select_related("story").get(pk=article.pk)
    )
    old = locked.story
    if story is not None and old is not None and story.pk == old.pk:
        return story
    target = story or Story.objects.create(title=locked.title)
    Article.objects.filter(pk=locked.pk).update(story=target)
    audit_record(
        actor=editor,
        action="story.article_moved" if story else "story.article_split",
        obj=locked,
        before={"story": str(old.public_id) if old else None},
        after={"story": str(target.public_id)},
    )
    _recheck_after_commit(old, target)
    return target


@transaction.atomic
def story_merge(*, source: Story, target: Story, editor: User) -> Story:
    """Merge `source` into `target`: its articles and findings move over,
    the empty story is removed, and the merged story is checked again."""
    _require_story_editor(editor)
    if source.pk == target.pk:
        raise ValidationError("A story cannot be merged into itself.")
    moved = list(source.articles.values_list("public_id", flat=True))
    source.articles.update(story=target)
    Finding.objects.filter(story=source).update(story=target)
    audit_record(
        actor=editor,
        action="story.merged",
        obj=target,
        before={"source": str(source.public_id), "articles": [str(a) for a in moved]},
        after={"story": str(target.public_id)},
    )
    source.delete()
    _recheck_after_commit(target)
    return target
