"""The review page's highlighted text: marks built in Python escape exactly
as Django's templates do."""

from types import SimpleNamespace

from django.template import Context, Template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from claims.highlighting import segments
from claims.templatetags.figures import _MARK, article_marked, figure_mark

TEXT = 'Costs <b>rose</b> "4%" & fell R&D 10% to 5 < 6, O\'Neil said.'


def figures():
    found = []
    for n, surface in enumerate(('"4%"', "10%", "5 < 6")):
        start = TEXT.index(surface)
        found.append(
            SimpleNamespace(
                pk=n + 1,
                public_id=f"00000000-0000-4000-8000-00000000000{n}",
                status=("pending", "approved", "disputed")[n],
                start=start,
                end=start + len(surface),
                surface=surface,
            )
        )
    return found


def reference_mark(figure, selected=None, oob=False) -> str:
    """figure_mark as it was, through format_html."""
    return format_html(
        _MARK,
        id=figure.public_id,
        status=figure.status,
        selected=" is-selected" if selected is not None and figure.pk == selected.pk else "",
        label=f"{figure.surface}, {figure.status}",
        oob=mark_safe(' hx-swap-oob="true"') if oob else "",
        surface=figure.surface,
    )


def template_reading(segs, selected) -> str:
    """What review.html rendered before the text became one tag: Django's
    autoescape for the plain runs, format_html for the marks."""
    return Template(
        "{% for seg in segs %}{% if seg.figure %}{{ seg.mark }}{% else %}{{ seg.text }}"
        "{% endif %}{% endfor %}"
    ).render(
        Context(
            {
                "segs": [
                    {"figure": g.figure, "text": g.text, "mark": reference_mark(g.figure, selected)}
                    if g.figure
                    else {"figure": None, "text": g.text}
                    for g in segs
                ]
            }
        )
    )


def test_the_marked_text_equals_the_template_rendering_and_escapes_everything():
    figs = figures()
    segs = segments(TEXT, figs)
    for selected in (None, figs[1]):
        html = article_marked(segs, selected)
        assert html == template_reading(segs, selected)
    assert "<b>" not in html and "&lt;b&gt;rose&lt;/b&gt;" in html
    assert 'aria-label="&quot;4%&quot;, pending"' in html
    assert (
        html.count("is-selected") == 1 and 'id="mark-00000000-0000-4000-8000-000000000001"' in html
    )


def test_a_mark_swapped_out_of_band_says_so():
    mark = figure_mark(figures()[2], oob=True)
    assert mark == reference_mark(figures()[2], oob=True)
    assert 'hx-swap-oob="true">5 &lt; 6</a>' in mark
