"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against
pytest-django's live server, with a real Celery worker when a test asks for
one. Locally the tests skip when Chromium or axe-core is missing; in CI
(CI=true) that is a failure, and .ci/run installs both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import factories
from tests.integration.conftest import Worker

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "test-output"
PASSWORD = "a-long-test-password"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    message = f"{what} not found at {path}"
    if os.environ.get("CI"):
        pytest.fail(message + " (.ci/run installs it)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    _require(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def make(username: str | None = None, *, bypass_csp: bool = False):
        # bypass_csp only for injecting axe-core; everything else runs under
        # the app's Content-Security-Policy.
        context = browser.new_context(
            viewport={"width": 1360, "height": 900}, bypass_csp=bypass_csp
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if username:
            log_in(page, live_server.url, username)
        return page

    yield make
    for context in contexts:
        context.close()


def log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(base_url + "/")


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """Start a real worker when the test is ready for one."""
    workers: list[Worker] = []

    def start() -> Worker:
        worker = Worker(tmp_path / f"worker{len(workers)}.log")
        workers.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def rita(transactional_db):
    return factories.reviewer(username="rita")


@pytest.fixture
def eddie(transactional_db):
    return factories.editor(username="eddie")


def screenshot(page, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the current page."""
    _require(AXE, "axe-core (npm install)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
