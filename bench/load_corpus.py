"""Article texts for bench/load.py, built from bench/extraction.py's corpus.

No Django: plain text and HTML in, plain text and HTML out, deterministic
for a seed.

- `html_bodies`: ~5 KB HTML articles for the ingest scenario (L1): paragraphs
  of the corpus wrapped in the markup a CMS sends (links, emphasis, a figure,
  a script and an inline handler that the sanitizer has to strip).
- `dense_articles`: ~5 KB plain-text articles made of whole corpus documents,
  as written (about 100 figures each): the review desk (L2) wants ~100.
- `sparse_articles`: ~5 KB articles with about `figures` figures each: the
  corpus's sentences carrying figures until the target is reached, the rest
  sentences without figures. The load matrix assumes ~15 figures per 5 KB
  article (L3); the corpus alone gives ~100.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from functools import cache

from bench.extraction import FILLER, build_corpus
from claims.extraction import Document, extract

ARTICLE_BYTES = 5_000

# Sentences without figures, for the sparse articles: a small grammar, so that
# articles do not repeat the same eight filler lines. No digits, number words
# or ordinals (they would be figures).
_WHO = [
    "The mayor", "Opposition leaders", "A spokesperson for the ministry", "Local residents",
    "The regulator", "Union representatives", "The company's chief executive", "Analysts",
    "Teachers at the school", "The health authority", "Emergency services", "Shop owners",
    "The transport operator", "Campaigners", "The finance minister", "Farmers in the valley",
]  # fmt: skip
_DID = [
    "criticised", "welcomed", "questioned", "defended", "called for a review of",
    "said they would study", "raised concerns about", "declined to comment on",
    "promised to publish details of", "asked for more time to assess",
]  # fmt: skip
_WHAT = [
    "the proposal", "the new rules", "the decision to close the station", "the budget plan",
    "the agreement with the contractor", "the planned changes to the bus routes",
    "the report on air quality", "the delay to the bridge repairs", "the merger",
    "the consultation", "the redevelopment of the harbour", "the tender process",
]  # fmt: skip
_WHEN = [
    "on the steps of the town hall", "in a statement", "at a crowded public meeting",
    "during a visit to the site", "in an interview with local radio", "after the vote",
    "before talks resumed", "in a letter to residents", "late in the evening",
]  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")


def _plain_sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)} {rng.choice(_WHEN)}."
        if rng.random() < 0.85
        else rng.choice(FILLER)
    )


@cache
def _corpus() -> tuple[Document, ...]:
    return tuple(build_corpus(2_000_000))


@cache
def _sentences() -> tuple[tuple[str, int], ...]:
    """Every distinct sentence of the corpus with the number of figures the
    engine finds in it on its own."""
    seen: dict[str, int] = {}
    for doc in _corpus():
        for paragraph in doc.text.split("\n\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if sentence and sentence not in seen:
                    seen[sentence] = len(extract(Document(sentence, doc.published)))
    return tuple(seen.items())


def _published(rng: random.Random) -> dt.date:
    return dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 600))


def dense_articles(n: int, *, seed: int = 7) -> list[Document]:
    """`n` articles of about 5 KB, each whole corpus documents (~100 figures)."""
    rng = random.Random(seed)
    docs = _corpus()
    out = []
    for _ in range(n):
        parts: list[str] = []
        size = 0
        while size < ARTICLE_BYTES:
            text = rng.choice(docs).text
            parts.append(text)
            size += len(text.encode()) + 2
        out.append(Document("\n\n".join(parts), _published(rng)))
    return out


def sparse_articles(n: int, *, figures: int, seed: int = 11) -> list[Document]:
    """`n` articles of about 5 KB with about `figures` figures each."""
    rng = random.Random(seed)
    with_figures = [(s, k) for s, k in _sentences() if k > 0]
    out = []
    for _ in range(n):
        chosen: list[str] = []
        found = 0
        while found < figures:
            sentence, k = rng.choice(with_figures)
            if found + k > figures + 2:  # do not overshoot much
                continue
            chosen.append(sentence)
            found += k
        size = sum(len(s) + 1 for s in chosen)
        while size < ARTICLE_BYTES:
            sentence = _plain_sentence(rng)
            chosen.insert(rng.randint(0, len(chosen)), sentence)
            size += len(sentence) + 1
        paragraphs = []
        while chosen:
            take = rng.randint(2, 5)
            paragraphs.append(" ".join(chosen[:take]))
            chosen = chosen[take:]
        out.append(Document("\n\n".join(paragraphs), _published(rng)))
    return out


def html_bodies(n: int, *, seed: int = 5) -> list[str]:
    """`n` distinct ~5 KB HTML articles as a CMS would send them."""
    rng = random.Random(seed)
    out = []
    for i, doc in enumerate(dense_articles(n, seed=seed)):
        paragraphs = doc.text.split("\n\n")
        body = [
            "<article>",
            f'<script>window.dataLayer = ["article-{i}"];</script>',
            f"<h1>{html.escape(paragraphs[0][:80])}</h1>",
        ]
        size = 0
        for k, paragraph in enumerate(paragraphs):
            text = html.escape(paragraph)
            if k % 3 == 1:
                words = text.split(" ")
                cut = rng.randint(1, max(1, len(words) - 1))
                text = (
                    " ".join(words[:cut])
                    + f' <a href="https://news.example.com/related/{i}-{k}" '
                    + 'onclick="track()">related</a> '
                    + " ".join(words[cut:])
                )
            elif k % 3 == 2:
                text = f"<strong>{text[:40]}</strong>{text[40:]}"
            body.append(f"<p>{text}</p>")
            size += len(text)
            if k == 1:
                body.append(
                    '<figure><img src="https://img.example.com/a.jpg" alt="A photo">'
                    "<figcaption>Residents outside the town hall.</figcaption></figure>"
                )
            if size > ARTICLE_BYTES - 600:
                break
        body.append("</article>")
        out.append("\n".join(body))
    return out
