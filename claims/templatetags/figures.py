from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from claims import display

register = template.Library()


@register.filter
def figure_value(figure) -> str:
    """A figure's normalized value with its unit, as a reviewer reads it."""
    return display.figure_value(figure.value, figure.kind, figure.unit)


_MARK = (
    '<a href="?figure={id}" id="mark-{id}" class="fig fig-{status}{selected}" data-figure="{id}" '
    'hx-get="?figure={id}" hx-target="#panel" hx-swap="outerHTML" hx-push-url="true" '
    'aria-label="{label}"{oob}>{surface}</a>'
)


@register.simple_tag
def figure_mark(figure, selected=None, oob=False) -> str:
    """The highlight of one figure in the article text. A Python tag rather
    than an include: the review page renders hundreds of these."""
    return format_html(
        _MARK,
        id=figure.public_id,
        status=figure.status,
        selected=" is-selected" if selected is not None and figure.pk == selected.pk else "",
        label=f"{figure.surface}, {figure.status}",
        oob=mark_safe(' hx-swap-oob="true"') if oob else "",  # a constant, no user input
        surface=figure.surface,
    )
