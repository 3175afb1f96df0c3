from html import escape

from django import template
from django.utils.safestring import mark_safe

from claims import display

register = template.Library()


@register.filter
def members_except(members, figure=None) -> list:
    """A finding's members (FindingFigures) to list, without `figure` (the
    one the panel is about) and any whose figure is gone: joined with "vs",
    so a line never ends with a "vs" that has nothing after it."""
    skip = getattr(figure, "pk", None)
    return [m for m in members if m.figure_id is not None and m.figure_id != skip]


@register.filter
def figure_value(figure) -> str:
    """A figure's normalized value with its unit, as a reviewer reads it."""
    return display.figure_value(figure.value, figure.kind, figure.unit)


# Filled by _mark with escaped values only (html.escape is what Django's
# escape applies; called directly it costs a fraction of format_html).
_MARK = (
    '<a href="?figure={id}" id="mark-{id}" class="fig fig-{status}{selected}" data-figure="{id}" '
    'hx-get="?figure={id}" hx-target="#panel" hx-swap="outerHTML" hx-push-url="true" '
    'aria-label="{label}"{oob}>{surface}</a>'
)


def _mark(figure, selected_pk, oob: bool) -> str:
    surface = escape(figure.surface)
    status = escape(figure.status)
    return _MARK.format(
        id=figure.public_id,  # a UUID: hex digits and dashes
        status=status,
        selected=" is-selected" if figure.pk == selected_pk else "",
        label=f"{surface}, {status}",
        oob=' hx-swap-oob="true"' if oob else "",
        surface=surface,
    )


@register.simple_tag
def figure_mark(figure, selected=None, oob=False) -> str:
    """The highlight of one figure in the article text."""
    html = _mark(figure, selected.pk if selected is not None else None, oob)
    return mark_safe(html)  # noqa: S308 (every value in it escaped by _mark)


@register.simple_tag
def article_marked(segments, selected=None) -> str:
    """The article text with its figures highlighted, in one Python loop: the
    review page renders hundreds of marks, and template nodes per segment were
    most of its time."""
    selected_pk = selected.pk if selected is not None else None
    html = "".join(
        _mark(seg.figure, selected_pk, False) if seg.figure else escape(seg.text)
        for seg in segments
    )
    return mark_safe(html)  # noqa: S308 (marks escaped by _mark, plain runs here)
