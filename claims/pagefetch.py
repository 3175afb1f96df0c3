"""Download a news page and find its main text (trafilatura). Plain Python;
settings come in as arguments."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = (5, 15)  # connect, read (seconds)
MAX_REDIRECTS = 5
# Fewer words than this is a menu, a paywall notice or an error page.
MIN_WORDS = 15
USER_AGENT = "factcheck/0.1 (newsroom fact-check review; +https://github.com/)"


class FetchError(Exception):
    """The page could not be downloaded or read; the message says why."""


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str
    published: dt.date | None


def download(url: str, *, check_url=None) -> str:
    """The page's HTML. Follows up to MAX_REDIRECTS redirects, running
    `check_url` on every hop (so a redirect cannot lead to a private address),
    and refuses bodies over MAX_BYTES."""
    session = requests.Session()
    for _ in range(MAX_REDIRECTS + 1):
        if check_url is not None:
            check_url(url)
        try:
            response = session.get(
                url,
                timeout=TIMEOUT,
                stream=True,
                allow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"},
            )
        except requests.RequestException as exc:
            raise FetchError(f"the site did not answer ({type(exc).__name__}).") from None
        except ValueError:
            # requests parses a redirect's Location even when not following it.
            raise FetchError("the site redirected to an invalid address.") from None
        with response:
            if response.is_redirect:
                url = _redirect_target(url, response.headers.get("Location", ""))
                continue
            if response.status_code != 200:
                raise FetchError(f"the site answered HTTP {response.status_code}.")
            body = b""
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise FetchError("the page is larger than 5 MB.")
            return _decoded(body, response.encoding)
    raise FetchError("too many redirects.")


def _redirect_target(url: str, location: str) -> str:
    """The absolute address a redirect leads to; FetchError if it is not a
    well-formed http(s) address (a port out of range, a broken IPv6 host)."""
    try:
        target = urljoin(url, location)
        parts = urlsplit(target)
        port = parts.port  # ValueError when out of range
    except ValueError:
        raise FetchError("the site redirected to an invalid address.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        raise FetchError("the site redirected to an invalid address.")
    return target


def _decoded(body: bytes, charset: str | None) -> str:
    # A page may name a charset Python does not know (or a codec that is not
    # a text encoding, such as base64): read it as UTF-8 with replacements
    # rather than fail the article.
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except (LookupError, UnicodeError, TypeError):
        return body.decode("utf-8", errors="replace")


_LINE_BREAKS = re.compile(r"\s*\n\s*")


def main_text(html: str, *, url: str | None = None) -> Extracted | None:
    """The article's title, text (paragraphs separated by a blank line, the
    title line dropped) and date, or None when no article text is found."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None or len((doc.text or "").split()) < MIN_WORDS:
        return None
    title = (doc.title or "").strip()
    paragraphs = [p for p in _LINE_BREAKS.split(doc.text.strip()) if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    return Extracted(title=title, text="\n\n".join(paragraphs), published=published)
