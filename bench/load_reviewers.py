"""Simulated reviewers for bench/load.py (L2): one thread and one
`requests.Session` per reviewer, against the real login, review page, htmx
panel and verdict form. No Django import.

Each reviewer logs in (GET /login/ for the CSRF cookie, POST the form), then
loops: wait 1-3 s, open an article's review page, open one figure's panel
(the htmx fragment a click on a highlighted figure loads), and post a verdict
with the version the panel showed, as the panel's form does (hx-post).

- 90% of loops: a random article, and a random figure still pending on the
  page as the reviewer saw it; approve (80%) or dispute (20%).
- 10% ("hot"): one of 5 figures of the first article. The app lets a reviewer
  decide a pending figure or change their own verdict, never overrule
  another reviewer's (editors only). So on a hot figure the reviewer
  approves it when pending, undoes their own verdict when it is theirs
  (putting it back in play), and when another reviewer decided it the panel
  has no form: nothing is posted (counted as `no_form`).

A verdict answer is one of: `saved`; `stale` (the figure changed since the
panel was loaded: "Your verdict was not saved", the app's 412); `denied`
(another reviewer decided it meanwhile); `invalid` (the form came back with
errors); or an HTTP error.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass, field

import requests

MARK = re.compile(r'id="mark-([0-9a-f-]{36})" class="fig fig-(\w+)')
VERSION = re.compile(r'name="version" value="(\d+)"')
STATUS = re.compile(r'class="status status-(\w+)"')
HTMX = {"HX-Request": "true"}
TIMEOUT = 30


@dataclass
class Sample:
    kind: str  # page, panel, verdict, login
    group: str  # cold, hot
    started: float
    ms: float
    status: int
    warm: bool  # started during the warm-up: not in the figures
    outcome: str = ""


@dataclass
class Reviewer:
    username: str
    password: str
    base: str
    seed: int
    session: requests.Session = field(default_factory=requests.Session)
    login_ms: float = 0.0
    login_status: int = 0

    def login(self) -> None:
        s = self.session
        start = time.perf_counter()
        s.get(f"{self.base}/login/", timeout=TIMEOUT)
        r = s.post(
            f"{self.base}/login/",
            data={
                "username": self.username,
                "password": self.password,
                "csrfmiddlewaretoken": s.cookies.get("csrftoken", ""),
            },
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        self.login_ms = (time.perf_counter() - start) * 1000
        self.login_status = r.status_code
        if r.status_code != 302 or "sessionid" not in s.cookies:
            raise RuntimeError(f"login of {self.username} failed: HTTP {r.status_code}")


def _timed(
    samples, kind, group, call, url, *, record_after: float, **kwargs
) -> tuple[requests.Response | None, Sample]:
    started = time.monotonic()
    t0 = time.perf_counter()
    try:
        response = call(url, timeout=TIMEOUT, **kwargs)
        status = response.status_code
    except requests.RequestException:
        response, status = None, 0
    ms = (time.perf_counter() - t0) * 1000
    sample = Sample(kind, group, started, ms, status, warm=started < record_after)
    samples.append(sample)  # list.append is atomic: threads share the list
    return response, sample


def _loop(
    reviewer: Reviewer,
    *,
    articles: list[str],
    hot_article: str,
    hot_figures: list[str],
    until: float,
    record_after: float,
    samples: list[Sample],
) -> None:
    rng = random.Random(reviewer.seed)
    s, base = reviewer.session, reviewer.base
    while True:
        time.sleep(rng.uniform(1.0, 3.0))
        if time.monotonic() >= until:
            return
        hot = rng.random() < 0.10
        group = "hot" if hot else "cold"
        article = hot_article if hot else rng.choice(articles)
        url = f"{base}/articles/{article}"
        page, sample = _timed(samples, "page", group, s.get, url, record_after=record_after)
        if page is None or page.status_code != 200:
            continue
        if hot:
            figure = rng.choice(hot_figures)
        else:
            pending = [fid for fid, status in MARK.findall(page.text) if status == "pending"]
            if not pending:
                continue
            figure = rng.choice(pending)
        panel, sample = _timed(
            samples,
            "panel",
            group,
            s.get,
            url,
            record_after=record_after,
            params={"figure": figure},
            headers=HTMX,
        )
        if panel is None or panel.status_code != 200:
            continue
        version = VERSION.search(panel.text)
        if version is None:  # decided by another reviewer: no form to post
            sample.outcome = "no_form"
            continue
        status = STATUS.search(panel.text)
        status = status.group(1) if status else "pending"
        if hot and status != "pending":
            data = {"decision": "undo"}  # the reviewer's own verdict: take it back
        elif rng.random() < 0.8:
            data = {"decision": "approve"}
        else:
            data = {"decision": "dispute", "reason": "other", "note": "Load test."}
        data["version"] = version.group(1)
        token = s.cookies.get("csrftoken", "")
        data["csrfmiddlewaretoken"] = token
        response, sample = _timed(
            samples,
            "verdict",
            group,
            s.post,
            f"{base}/figures/{figure}/verdict",
            record_after=record_after,
            data=data,
            headers={**HTMX, "X-CSRFToken": token},
        )
        if response is not None and response.status_code == 200:
            text = response.text
            if "Your verdict was not saved" in text:
                sample.outcome = "stale"
            elif "; only an editor can overrule it" in text:
                sample.outcome = "denied"
            elif 'class="errors"' in text:
                sample.outcome = "invalid"
            else:
                sample.outcome = "saved"


def login_all(reviewers: list[Reviewer]) -> None:
    """Log every reviewer in, 10 at a time (logins hash a password: slow on
    purpose, and not what L2 measures)."""
    errors: list[BaseException] = []

    def run(batch: list[Reviewer]) -> None:
        for r in batch:
            try:
                r.login()
            except BaseException as exc:  # reported below
                errors.append(exc)

    threads = [threading.Thread(target=run, args=(reviewers[i::10],)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def run_window(
    reviewers: list[Reviewer],
    *,
    articles: list[str],
    hot_article: str,
    hot_figures: list[str],
    seconds: float,
    warmup: float,
) -> tuple[list[Sample], float]:
    """Run every reviewer's loop for warmup + seconds; return every request's
    sample (`warm` marks the warm-up's) and the measured window's length."""
    samples: list[Sample] = []
    now = time.monotonic()
    record_after, until = now + warmup, now + warmup + seconds
    threads = [
        threading.Thread(
            target=_loop,
            args=(r,),
            kwargs={
                "articles": articles,
                "hot_article": hot_article,
                "hot_figures": hot_figures,
                "until": until,
                "record_after": record_after,
                "samples": samples,
            },
            daemon=True,
        )
        for r in reviewers
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, time.monotonic() - record_after


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]
