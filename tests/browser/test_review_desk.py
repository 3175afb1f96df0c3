"""A reviewer's day in a real browser: paste an article, watch a worker
extract it, review it with the keyboard only, and meet a colleague's verdict."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Article, Figure, Verdict
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ARTICLE = (
    "The port authority said on Tuesday it would spend $59.5 million on the harbour, "
    "about 12% of its budget.\n\n"
    "Work on 3,400 metres of new quay will take 18 months, the authority's director, "
    "Lena Marsh, told reporters. Some 240 workers will be hired."
)


def test_a_reviewer_adds_an_article_and_reviews_it_with_the_keyboard(
    new_page, live_server, start_worker, rita
):
    page = new_page("rita")
    page.click("text=Add article")
    page.fill("#id_title", "Harbour works approved")
    page.fill("#id_outlet", "Coastline Gazette")
    page.fill("#id_text", ARTICLE)
    page.click("button:has-text('Check this article')")

    # No worker yet: the page shows the extraction waiting, then live progress.
    progress = page.locator("#extraction progress")
    expect(progress).to_be_visible()
    expect(page.locator("#extraction")).to_contain_text("waiting for a worker")
    start_worker()
    panel = page.locator("#panel")
    expect(panel).to_be_visible(timeout=60_000)
    article = Article.objects.get(title="Harbour works approved")
    assert article.status == Article.Status.READY
    figures = list(article.figures.filter(is_current=True).order_by("start"))
    assert len(figures) >= 4
    screenshot(page, "review-page")

    # a: approve and advance.
    first, second, third = figures[:3]
    expect(panel).to_have_attribute("data-figure", str(first.public_id))
    page.keyboard.press("a")
    expect(panel).to_have_attribute("data-figure", str(second.public_id))
    expect(page.locator(f"#mark-{first.public_id}")).to_have_class(re.compile("fig-approved"))
    expect(page.locator("#progress")).to_contain_text("1 approved")

    # n: a note; Esc leaves the field; d then 3: dispute as "wrong period".
    page.keyboard.press("n")
    expect(page.locator("#note")).to_be_focused()
    page.keyboard.type("The budget paper says 11%; j and k typed here must not navigate.")
    page.keyboard.press("Escape")
    page.keyboard.press("d")
    expect(page.locator("#panel .reasons")).to_have_class(re.compile("is-active"))
    page.keyboard.press("3")
    expect(panel).to_have_attribute("data-figure", str(third.public_id))
    expect(page.locator(f"#mark-{second.public_id}")).to_have_class(re.compile("fig-disputed"))
    expect(page.locator("#progress")).to_contain_text("1 approved · 1 disputed")
    verdict = Verdict.objects.get(figure=second)
    assert (verdict.reason, verdict.note[:22]) == ("wrong_period", "The budget paper says ")

    # u: undo the dispute; the panel goes back to that figure, history kept.
    page.keyboard.press("u")
    expect(panel).to_have_attribute("data-figure", str(second.public_id))
    expect(panel).to_contain_text("Undo")
    expect(panel).to_contain_text("disputed → pending")
    expect(page.locator(f"#mark-{second.public_id}")).to_have_class(re.compile("fig-pending"))
    second.refresh_from_db()
    assert second.status == Figure.Status.PENDING
    assert second.verdicts.count() == 2

    # j/k move the selection; ? shows the shortcuts.
    page.keyboard.press("j")
    expect(panel).to_have_attribute("data-figure", str(third.public_id))
    page.keyboard.press("k")
    expect(panel).to_have_attribute("data-figure", str(second.public_id))
    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#shortcuts")).to_be_hidden()

    page.goto(live_server.url + "/")
    expect(page.locator("table.queue")).to_contain_text("Harbour works approved")
    screenshot(page, "queue")


def test_a_second_reviewer_sees_a_stale_warning_instead_of_overwriting(
    new_page, live_server, rita, eddie
):
    from tests import factories

    article = factories.article(text=ARTICLE, title="Harbour works")
    figure = article.figures.filter(is_current=True).order_by("start").first()
    url = f"{live_server.url}/articles/{article.public_id}?figure={figure.public_id}"

    rita_page = new_page("rita")
    eddie_page = new_page("eddie")
    rita_page.goto(url)
    eddie_page.goto(url)

    eddie_page.keyboard.press("a")
    expect(eddie_page.locator(f"#mark-{figure.public_id}")).to_have_class(
        re.compile("fig-approved")
    )

    rita_page.keyboard.press("d")
    rita_page.keyboard.press("1")
    warning = rita_page.locator("#panel [role=alert]")
    expect(warning).to_contain_text("was changed by eddie since you loaded it")
    expect(rita_page.locator("#panel")).to_contain_text("Approve")
    expect(rita_page.locator(f"#mark-{figure.public_id}")).to_have_class(re.compile("fig-approved"))
    assert Verdict.objects.filter(figure=figure).count() == 1
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED


def test_the_pages_have_no_serious_accessibility_violations(new_page, live_server, rita):
    from tests import factories

    article = factories.article(text=ARTICLE, title="Harbour works")
    page = new_page(bypass_csp=True)
    page.goto(live_server.url + "/login/")
    assert axe_violations(page) == []
    from tests.browser.conftest import log_in

    log_in(page, live_server.url, "rita")
    for path in ("/", "/articles/new", f"/articles/{article.public_id}"):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path


def test_every_control_works_without_javascript(browser, live_server, rita):
    from tests import factories
    from tests.browser.conftest import log_in

    article = factories.article(text=ARTICLE, title="Harbour works")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, "rita")
    page.goto(f"{live_server.url}/articles/{article.public_id}")
    first = article.figures.filter(is_current=True).order_by("start").first()
    page.click("button.approve")
    page.wait_for_load_state()
    assert "Approved" in page.content()
    first.refresh_from_db()
    assert first.status == Figure.Status.APPROVED
    page.click("button.undo")
    page.wait_for_load_state()
    first.refresh_from_db()
    assert first.status == Figure.Status.PENDING
    context.close()


def test_the_demo_conflict_leads_the_queue_and_the_review_page(new_page, live_server, rita):
    from tests import factories
    from tests.claims.test_crosschecking import submit_demo

    _lakeside, northgate, _eastern = submit_demo()
    factories.article(text=ARTICLE, title="A newer article without conflicts")
    page = new_page("rita", bypass_csp=True)
    first_row = page.locator("table.queue tbody tr").first
    expect(first_row.locator(".badge-conflict")).to_be_visible()
    expect(first_row).to_contain_text("conflict")
    page.click(f"text={northgate.title}")
    findings = page.locator("section.findings")
    expect(findings).to_contain_text("Cross-check: 2 problems to look at first")
    expect(findings).to_contain_text("12,000")
    expect(findings).to_contain_text("The Lakeside Chronicle")
    expect(findings).to_contain_text("a factor of 10")
    screenshot(page, "conflict")
    # The other outlet's figure is one click away.
    findings.locator("a", has_text="1,200").first.click()
    expect(page.locator("h1")).not_to_have_text(northgate.title)
    expect(page.locator("#panel h2")).to_have_text("1,200")
    assert axe_violations(page) == []


XSS_PAYLOADS = [
    "<script>alert('text-script')</script>",
    "<img src=x onerror=alert('text-img')>",
    "\"><svg onload=alert('text-svg')>",
    "javascript:alert('text-js')",
    "{{ 7*7 }} {% now 'Y' %}",
]


def test_script_in_articles_notes_and_html_never_runs(new_page, live_server, rita):
    """S8: payloads in pasted text, pasted HTML and reviewer notes are shown as
    text (or dropped by the sanitizer); no dialog ever opens."""
    from claims import services
    from tests import factories

    dialogs: list[str] = []
    text = "Officials said 1,200 people left. " + " ".join(XSS_PAYLOADS)
    article = factories.article(text=text, title="<script>alert('title')</script>")
    html = "<p>It cost $4 million.</p>" + "".join(
        f"<p>{p}</p><a href=\"javascript:alert('href')\">x</a>" for p in XSS_PAYLOADS
    )
    from_html = services.article_submit(title="HTML", html=html).article
    services.article_extract(article_id=from_html.pk)
    figure = article.figures.filter(is_current=True).first()
    services.verdict_record(figure=figure, reviewer=rita, decision="approve", note=XSS_PAYLOADS[1])

    page = new_page("rita")
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in (
        f"/articles/{article.public_id}?figure={figure.public_id}",
        f"/articles/{from_html.public_id}",
        "/",
    ):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
    expect(page.locator("table.queue")).to_contain_text("<script>alert('title')</script>")
    page.goto(f"{live_server.url}/articles/{article.public_id}?figure={figure.public_id}")
    expect(page.locator(".article-text")).to_contain_text("<img src=x onerror=alert('text-img')>")
    expect(page.locator("#panel .note")).to_have_text(XSS_PAYLOADS[1])
    assert dialogs == []


def test_the_panel_shows_each_figures_frame_accessibly(new_page, live_server, rita):
    from tests import factories
    from tests.browser.conftest import log_in

    article = factories.article(text=ARTICLE, title="Harbour works")
    figures = list(article.figures.filter(is_current=True).order_by("start"))
    workers = next(f for f in figures if f.surface == "240")
    page = new_page(bypass_csp=True)
    log_in(page, live_server.url, "rita")
    page.goto(f"{live_server.url}/articles/{article.public_id}?figure={workers.public_id}")
    facts = page.locator("#panel .fig-facts")
    for label in ("Measure", "Where", "When", "Source", "Modality", "Direction"):
        expect(facts.locator("dt", has_text=label)).to_be_visible()
    expect(facts.locator("dd.frame-measure")).to_have_text("workers")
    expect(facts.locator("dd.frame-modality")).to_have_text("Forecast")  # "will be hired"
    expect(facts.locator("dd.frame-scope")).to_have_text("not stated")
    assert axe_violations(page) == []
    # k moves to the figure before: its frame replaces this one.
    page.keyboard.press("k")
    expect(page.locator("#panel")).not_to_have_attribute("data-figure", str(workers.public_id))
    expect(page.locator("#panel .fig-facts dt", has_text="Modality")).to_be_visible()
    screenshot(page, "panel-frame")


def test_a_reviewer_dismisses_a_finding_saying_why(new_page, live_server, rita):
    """The dismissal asks for a reason; "Other" without a note comes back with
    the error and the note field open; the reason then shows on the finding
    and the header counts one open problem less."""
    from claims.models import Finding
    from tests.claims.test_crosschecking import submit_demo

    _lakeside, northgate, _eastern = submit_demo()
    page = new_page("rita", bypass_csp=True)
    page.goto(f"{live_server.url}/articles/{northgate.public_id}")
    findings = page.locator("section.findings")
    expect(findings.locator("h2")).to_have_text("Cross-check: 2 problems to look at first")
    first = findings.locator("li.finding").first
    first.locator("summary", has_text="Dismiss").click()
    first.get_by_role("radio", name="Other", exact=True).check()
    first.locator("button", has_text="Dismiss").click()
    page.wait_for_load_state()
    first = page.locator("section.findings li.finding").first
    expect(first.locator(".errors")).to_contain_text("Write a note")
    expect(first.locator("details.dismiss")).to_have_attribute("open", "")
    assert axe_violations(page) == []
    first.get_by_role("radio", name="Rounding").check()
    first.get_by_label("Note (required for “Other”)").fill("1,150 and 1,200 are one count")
    first.locator("button", has_text="Dismiss").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("Finding dismissed.")
    findings = page.locator("section.findings")
    expect(findings.locator("h2")).to_have_text("Cross-check: 1 problem to look at first")
    expect(findings.locator(".dismissal")).to_have_text("Rounding: 1,150 and 1,200 are one count")
    screenshot(page, "finding-dismissed")
    assert Finding.objects.filter(status="dismissed", dismiss_reason="rounding").count() == 1
    assert axe_violations(page) == []


# Two reports of one press conference with the shape of the seeds (our own words):
# 8,000 troops in a district and 10,000 in the country in both, and a casualty rate
# that one outlet prints ten times larger.
SHAPE_A = (
    "Foreign Minister Ilse Brandt of Velmar said on Thursday that 8,000 Ardenian troops had "
    "moved into Ostria's Korvask district and would soon join the fighting there.\n\n"
    "Defence officials in Velmar reported earlier in the week that 10,000 Ardenian soldiers "
    "were training in eastern Ostria. \"Ostria has been losing some 1,200 soldiers a day, "
    "killed or wounded, in the east,\" Brandt said, calling it the heaviest rate of the war."
)
SHAPE_B = (
    "Velmar's foreign minister Ilse Brandt said on Thursday that around 10,000 Ardenian "
    "troops are now stationed in Ostria, with approximately 8,000 of them in the Korvask "
    "district.\n\nBrandt said Ostrian forces were losing approximately 12,000 soldiers "
    "daily, killed or wounded, which she said explained why Ostria had turned to Ardenia."
)


def test_two_reports_pasted_by_a_new_user_show_the_one_real_conflict(
    new_page, live_server, start_worker, rita
):
    page = new_page("rita")
    start_worker()
    for title, outlet, text in (
        ("Ardenian troops reach Korvask", "Harbour Ledger", SHAPE_A),
        ("Brandt: 10,000 Ardenian troops in Ostria", "Capital Courier", SHAPE_B),
    ):
        page.click("text=Add article")
        page.fill("#id_title", title)
        page.fill("#id_outlet", outlet)
        page.fill("#id_text", text)
        page.click("button:has-text('Check this article')")
        expect(page.locator("#panel")).to_be_visible(timeout=60_000)

    # The cross-check runs after extraction: reload until it has reported.
    findings = page.locator("section.findings")
    for _ in range(60):
        if findings.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(findings).to_contain_text("Cross-check: 1 problem to look at first")
    expect(findings.locator("li.finding")).to_have_count(1)
    expect(findings).to_contain_text("12,000")
    expect(findings).to_contain_text("1,200")
    expect(findings).to_contain_text("2 figures agree with other articles of the story.")
    # Each 8,000 and 10,000 agrees with the other outlet's, in the figure's panel.
    for surface in ("8,000", "10,000"):
        page.locator("article.article-text a.fig", has_text=surface).first.click()
        panel = page.locator("#panel")
        expect(panel.locator("h2")).to_have_text(surface)
        expect(panel.locator(".badge-agree")).to_be_visible()
        expect(panel).to_contain_text("Harbour Ledger")
    screenshot(page, "seeds-shape")
