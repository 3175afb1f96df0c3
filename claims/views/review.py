"""The review desk: an article's text with its figures, one selected figure
in a side panel, verdicts, undo and closing the review.

Every view works as a plain request (POST, redirect, GET); for htmx requests
the same templates return just the panel, plus out-of-band updates of the
figure's highlight and the progress bar."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from claims import crosschecking, selectors, services
from claims.forms import VerdictForm
from claims.highlighting import segments
from claims.models import (
    PROBLEM_TYPES,
    Article,
    Figure,
    Finding,
    FindingReview,
    Story,
    Verdict,
)
from claims.views.access import (
    get_article_for_review,
    get_figure_for_verdict,
    is_uuid,
    require_perm,
)


def _is_htmx(request) -> bool:
    # A history restore (back button) needs the whole page, not a fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _review_url(article: Article, figure: Figure | None = None) -> str:
    url = reverse("claims:article", args=[article.public_id])
    return f"{url}?figure={figure.public_id}" if figure else url


def _pick(figures: list[Figure], public_id: str | None) -> Figure | None:
    """The figure asked for, else the first pending one, else the first."""
    by_id = {str(f.public_id): f for f in figures}
    if public_id and public_id in by_id:
        return by_id[public_id]
    return next((f for f in figures if f.status == Figure.Status.PENDING), None) or (
        figures[0] if figures else None
    )


def _neighbours(figures: list[Figure], figure: Figure) -> tuple[Figure | None, Figure | None]:
    i = next(n for n, f in enumerate(figures) if f.pk == figure.pk)
    return (figures[i - 1] if i > 0 else None), (figures[i + 1] if i + 1 < len(figures) else None)


def _panel_context(
    request, article, figures, figure, *, form=None, notice=None, changed=(), stale=False
):
    prev, nxt = _neighbours(figures, figure) if figure else (None, None)
    position = figures.index(figure) + 1 if figure else 0
    if figure is not None:
        figure = selectors.figure_for_panel(figure=figure)
    if figure is not None and form is None:
        form = VerdictForm(initial={"version": figure.version})
    history, before = [], Figure.Status.PENDING.value
    for verdict in selectors.figure_history(figure=figure) if figure else ():
        history.append({"verdict": verdict, "before": before})
        before = verdict.status_after
    user = request.user
    decided_by = history[-1]["verdict"].reviewer if history and figure.status != "pending" else None
    can_review = user.has_perm("claims.add_verdict")
    return {
        # Someone else's decision stands unless an editor overrules it.
        "decided_by_other": decided_by if decided_by and decided_by.pk != user.pk else None,
        "can_decide": can_review
        and (
            decided_by is None
            or decided_by.pk == user.pk
            or user.has_perm("claims.overrule_verdict")
        ),
        "history": history[::-1],
        "figure_findings": selectors.figure_findings(figure=figure) if figure else [],
        "article": article,
        "figure": figure,
        "position": position,
        "prev_figure": prev,
        "next_figure": nxt,
        "form": form,
        "notice": notice,
        "reasons": Verdict.Reason.choices,
        "can_review": can_review,
        "progress": selectors.figure_progress(figures),
        "changed_figures": changed,
        "figures_total": len(figures),
        "stale": stale,
    }


def _render_panel(request, article, figures, figure, *, status=200, **extra):
    context = _panel_context(request, article, figures, figure, **extra)
    return TemplateResponse(request, "claims/_panel_response.html", context, status=status)


@login_required
@require_GET
def article_review(request, public_id):
    article = get_article_for_review(request.user, public_id)
    figures = article.current_figures
    figure = _pick(figures, request.GET.get("figure"))
    if _is_htmx(request) and figure is not None:
        return _render_panel(request, article, figures, figure)
    form = None
    # A verdict form that failed validation on a plain POST comes back here.
    bad = request.session.pop("verdict_form", None)
    if bad and figure is not None and bad.get("figure") == str(figure.public_id):
        form = VerdictForm(bad["data"])
        form.is_valid()
        for field, errors in bad["errors"].items():
            form.add_error(field if field in form.fields else None, errors)
    context = _panel_context(request, article, figures, figure, form=form)
    findings = selectors.article_findings(article=article)
    if request.user.has_perm("claims.change_story"):
        context["other_stories"] = [
            s for s in selectors.recent_stories() if s.pk != article.story_id
        ]
    problems = [f for f in findings if f.type in PROBLEM_TYPES]
    # A dismissal that was refused comes back with what was typed and why.
    refused = request.session.pop("finding_form", None)
    for f in problems:
        f.review_form = refused if refused and refused["finding"] == str(f.public_id) else None
    context.update(
        problems=problems,
        open_problems=sum(1 for f in problems if f.status == Finding.Status.OPEN),
        dismiss_reasons=FindingReview.Reason.choices,
        agreements=sum(1 for f in findings if f.type == "agree"),
        updates=[f for f in findings if f.type in (Finding.Type.UPDATE, Finding.Type.SOURCES)],
        segments=segments(article.text, figures),
        selected=figure,
        run=selectors.extraction_run_latest(article=article),
        can_close=(
            request.user.has_perm("claims.change_article")
            and article.status in (Article.Status.READY, Article.Status.IN_REVIEW)
            and figures
            and context["progress"]["pending"] == 0
        ),
    )
    return TemplateResponse(request, "claims/review.html", context)


@login_required
@require_POST
def figure_verdict(request, public_id):
    figure = get_figure_for_verdict(request.user, public_id)
    article = figure.article
    if not figure.is_current:
        # A new revision changed this figure while the reviewer had it open.
        notice = (
            f"“{figure.surface}” changed in a new revision of the article; "
            "nothing was saved. Here is the current text."
        )
        if not _is_htmx(request):
            messages.warning(request, notice)
            return redirect(_review_url(article))
        figures = selectors.article_for_review(public_id=article.public_id).current_figures
        current = _pick(figures, None)
        if current is None:
            return HttpResponse(status=204, headers={"HX-Refresh": "true"})
        return _render_panel(request, article, figures, current, notice=notice, stale=True)
    form = VerdictForm(request.POST)
    errors: dict[str, list[str]] | None = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            verdict = services.verdict_record(
                figure=figure,
                reviewer=request.user,
                decision=data["decision"],
                reason=data["reason"],
                corrected_value=data["corrected_value"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                expected_version=data["version"],
            )
        except services.StaleFigure as stale:
            return _stale_response(request, article, stale.figure)
        except PermissionDenied as denied:
            if not _is_htmx(request):
                messages.error(request, str(denied))
                return redirect(_review_url(article, figure))
            return _render_after_write(request, article, figure, message=str(denied), advance=False)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    else:
        errors = {field: list(errs) for field, errs in form.errors.items()}

    if errors is not None:
        if _is_htmx(request):
            for field, msgs in errors.items():
                form.add_error(field if field in form.fields else None, msgs)
            return _render_after_write(request, article, figure, form=form, advance=False)
        request.session["verdict_form"] = {
            "figure": str(figure.public_id),
            "data": {k: v for k, v in request.POST.items() if k in VerdictForm.base_fields},
            "errors": errors,
        }
        messages.error(request, "The verdict was not saved; see the form.")
        return redirect(_review_url(article, figure))

    if verdict.decision == "undo":
        message = f"Undone: “{figure.surface}” is {figure.status} again."
    else:
        message = f"{verdict.get_decision_display()}d “{figure.surface}”: now {figure.status}."
    return _render_after_write(
        request, article, figure, message=message, advance=verdict.decision != "undo"
    )


def _render_after_write(request, article, figure, *, message=None, advance=True, form=None):
    """After a verdict: the next figure's panel (or the same one when staying),
    with the decided figure's highlight and the progress bar updated."""
    figures = selectors.article_for_review(public_id=article.public_id).current_figures
    current = next((f for f in figures if f.pk == figure.pk), None)
    target = current
    if advance and current is not None:
        target = _neighbours(figures, current)[1] or current
    if not _is_htmx(request):
        if message:
            messages.success(request, message)
        return redirect(_review_url(article, target))
    return _render_panel(
        request,
        article,
        figures,
        target,
        form=form if target is current else None,
        notice=message,
        changed=[current] if current else (),
    )


def _stale_response(request, article, fresh: Figure):
    latest = fresh.verdicts.select_related("reviewer").order_by("-created_at", "-id").first()
    who = f" by {latest.reviewer}" if latest else ""
    warning = (
        f"“{fresh.surface}” was changed{who} since you loaded it; it is now "
        f"{fresh.get_status_display().lower()}. Your verdict was not saved."
    )
    if not _is_htmx(request):
        messages.warning(request, warning)
        return redirect(_review_url(article, fresh))
    figures = selectors.article_for_review(public_id=article.public_id).current_figures
    current = next((f for f in figures if f.pk == fresh.pk), fresh)
    return _render_panel(
        request, article, figures, current, notice=warning, changed=[current], stale=True
    )


@login_required
@require_POST
def article_undo(request, public_id):
    article = get_article_for_review(request.user, public_id)
    require_perm(request.user, "claims.add_verdict")
    try:
        verdict = services.verdict_undo_last(article=article, reviewer=request.user)
    except ValidationError as exc:
        if _is_htmx(request):
            figures = article.current_figures
            figure = _pick(figures, request.POST.get("figure"))
            return _render_panel(request, article, figures, figure, notice=exc.messages[0])
        messages.error(request, exc.messages[0])
        return redirect(_review_url(article))
    verdict.figure.refresh_from_db()
    message = f"Undone: “{verdict.figure.surface}” is {verdict.figure.status} again."
    return _render_after_write(request, article, verdict.figure, message=message, advance=False)


@login_required
@require_POST
def article_assign(request, public_id):
    """Take, release or take over an article (POST action=take|release|takeover)."""
    article = get_article_for_review(request.user, public_id)
    action = request.POST.get("action", "")
    if action not in ("take", "release", "takeover"):
        messages.error(request, "Unknown action.")
        return redirect(_review_url(article))
    try:
        services.article_assign(
            article=article,
            user=request.user,
            take=action != "release",
            force=action == "takeover",
        )
    except (ValidationError, PermissionDenied) as exc:
        text = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
    else:
        messages.success(
            request, "You have taken this article." if action != "release" else "Released."
        )
    return redirect(_review_url(article))


@login_required
@require_POST
def finding_review(request, public_id):
    """Confirm or dismiss a cross-check finding, then back to the article."""
    require_perm(request.user, "claims.add_findingreview")
    finding = Finding.objects.filter(public_id=public_id).first()
    if finding is None:
        raise Http404("No such finding")
    back = request.POST.get("article", "")
    article = Article.objects.filter(public_id=back).first() if is_uuid(back) else None
    data = {k: request.POST.get(k, "")[:10_000] for k in ("decision", "reason", "note")}
    try:
        crosschecking.finding_review(finding=finding, reviewer=request.user, **data)
    except ValidationError as exc:
        # Back to the page with the form open, what was typed and the error.
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"decision": exc.messages}
        request.session["finding_form"] = {
            "finding": str(finding.public_id), "data": data, "errors": errors,
        }  # fmt: skip
        messages.error(request, "The review was not saved; see the finding.")
    else:
        finding.refresh_from_db()
        messages.success(request, f"Finding {finding.get_status_display().lower()}.")
    return redirect(_review_url(article) if article else "claims:queue")


@login_required
@require_POST
def article_story(request, public_id):
    """Editors move the article to another story, split it into a story of
    its own, or merge its story into another (POST action, story)."""
    article = get_article_for_review(request.user, public_id)
    require_perm(request.user, "claims.change_story")
    action = request.POST.get("action", "")
    raw = request.POST.get("story", "")
    other = Story.objects.filter(public_id=raw).first() if is_uuid(raw) else None
    try:
        if action == "split":
            crosschecking.article_move_to_story(article=article, story=None, editor=request.user)
            messages.success(request, "The article now has a story of its own.")
        elif action == "move" and other is not None:
            crosschecking.article_move_to_story(article=article, story=other, editor=request.user)
            messages.success(request, f"Moved to “{other}”.")
        elif action == "merge" and other is not None and article.story is not None:
            crosschecking.story_merge(source=article.story, target=other, editor=request.user)
            messages.success(request, f"Merged into “{other}”.")
        else:
            messages.error(request, "Choose a story.")
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect(_review_url(article))


@login_required
@require_POST
def article_mark_reviewed(request, public_id):
    article = get_article_for_review(request.user, public_id)
    require_perm(request.user, "claims.change_article")
    try:
        services.article_mark_reviewed(article=article, editor=request.user)
    except ValidationError as exc:
        messages.error(request, f"Not marked reviewed: {exc.messages[0]}")
    else:
        messages.success(request, "Marked reviewed.")
    return redirect(_review_url(article))


@login_required
@require_GET
def extraction_status(request, public_id):
    """Polled while a worker extracts; tells htmx to reload once it is done."""
    require_perm(request.user, "claims.view_article")
    article = Article.objects.filter(public_id=public_id).first()
    if article is None:
        return HttpResponse(status=404)
    if not article.is_processing and _is_htmx(request):
        return HttpResponse(status=204, headers={"HX-Refresh": "true"})
    run = selectors.extraction_run_latest(article=article)
    return TemplateResponse(
        request, "claims/_extraction_status.html", {"article": article, "run": run}
    )
