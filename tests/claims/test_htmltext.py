import re
from html.parser import HTMLParser

import pytest

from bench.load_corpus import html_bodies
from claims import htmltext
from claims.htmltext import html_to_text, sanitize_html


def test_it_drops_scripts_handlers_and_javascript_links():
    html = sanitize_html(
        '<p onmouseover="x()">Hi <a href="javascript:alert(1)">link</a></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=//evil></iframe>"
    )
    assert "script" not in html
    assert "onmouseover" not in html
    assert "javascript:" not in html
    assert "<img" not in html and "<iframe" not in html
    assert "<p>Hi <a" in html


def test_it_keeps_safe_links_with_a_safe_rel():
    html = sanitize_html('<a href="https://example.org/r">report</a>')
    assert 'href="https://example.org/r"' in html
    assert "noopener" in html


def test_it_turns_blocks_into_paragraphs_and_folds_spaces():
    text = html_to_text("<h2>Title</h2><p>One   two\nthree.</p><ul><li>a</li><li>b</li></ul>")
    assert text == "Title\n\nOne two\nthree.\n\na\n\nb"


def test_it_leaves_footnote_markers_out_of_the_text():
    assert html_to_text("<p>Costs rose 4%<sup>2</sup> last year.</p>") == "Costs rose 4% last year."


def test_it_decodes_entities():
    assert html_to_text("<p>&pound;5&nbsp;million &amp; more</p>") == "£5\xa0million & more"


class _ReferenceText(HTMLParser):
    """html.parser's reading of the same rules: what html_to_text did before
    it read sanitized HTML with a regular expression."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in htmltext._SKIP:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in htmltext._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in htmltext._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in htmltext._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def reference_parts(html: str) -> str:
    parser = _ReferenceText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def reference_text(html: str) -> str:
    lines = [
        re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in reference_parts(html).split("\n")
    ]
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", "\n".join(lines)).strip()


TRICKY = [
    '<p title="a > b">x &gt; y &lt; z</p>',
    '<a href="https://e.org/?a=1&amp;b=2" title="q\'s">link</a> after',
    "<P>Upper<BR>case</P><br/>self-closing<br />too",
    "<p>Costs rose 4%<sup>2<sup>3</sup></sup> last <sub>1</sub>year.</p>",
    '<ul><li>a<li>b</ul><table><tr><td>1</td><td colspan="2">2</td></tr></table>',
    "<!-- a comment --><p>&pound;5&nbsp;million &amp; more &#8364;3 &#x24;4 &notanentity; AT&T</p>",
    "a < b and c<d, 3 <= 4",
    "<blockquote><p>“Quoted,” she said.</p></blockquote><h3>Head</h3>tail",
    "<p>  spaced \t out\r\n  text\f\v </p>\n\n\n<p>\xa0 nbsp\xa0\xa0kept </p> \n \n end",
    "<div>\n  <p>One</p>\n\n\n  <p>Two</p>\n</div>",
]


@pytest.mark.parametrize("raw", TRICKY)
def test_sanitized_html_reads_as_html_parser_reads_it(raw):
    for html in (raw, sanitize_html(raw)):
        assert "".join(htmltext._text_parts(html)) == reference_parts(html)
        assert html_to_text(html) == reference_text(html)


def test_the_load_corpus_reads_as_html_parser_reads_it():
    bodies = html_bodies(40)
    for html in map(sanitize_html, bodies):
        assert html_to_text(html) == reference_text(html)
