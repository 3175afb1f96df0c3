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
