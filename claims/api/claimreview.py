"""schema.org ClaimReview JSON-LD for the decided figures of an article
(Google's required properties: claimReviewed, reviewRating.alternateName,
url; plus author, datePublished and itemReviewed, see
shared/reference/peers.md section 3)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings

from claims.models import Article, Figure, Verdict

# Ratings on a 1-5 scale: approved figures are accurate, disputed ones are
# rated by what was wrong with them.
_DISPUTED_NAMES = {
    Verdict.Reason.MISQUOTE: "Misquoted",
    Verdict.Reason.WRONG_UNIT: "Wrong unit",
    Verdict.Reason.WRONG_PERIOD: "Wrong period",
    Verdict.Reason.OUTDATED: "Outdated",
    Verdict.Reason.NO_SOURCE: "Unsupported",
    Verdict.Reason.ARITHMETIC: "Miscalculated",
    Verdict.Reason.OTHER: "Inaccurate",
}
CLAIM_CHARS = 75  # Google: claimReviewed ideally under 75 characters


def claim_text(figure: Figure, text: str) -> str:
    """The sentence carrying the figure, cut to a window around the figure."""
    sentence = " ".join(text[figure.sentence_start : figure.sentence_end].split())
    if not sentence:
        sentence = figure.surface
    if len(sentence) <= CLAIM_CHARS:
        return sentence
    at = max(0, sentence.find(figure.surface))
    start = max(0, at - (CLAIM_CHARS - len(figure.surface)) // 2)
    cut = sentence[start : start + CLAIM_CHARS - 2].strip()
    return ("…" if start > 0 else "") + cut + "…"


def _rating(figure: Figure, verdict: Verdict | None) -> dict[str, Any]:
    if figure.status == Figure.Status.APPROVED:
        name, value = "Accurate", 5
    else:
        reason = verdict.reason if verdict else ""
        name, value = _DISPUTED_NAMES.get(reason, "Inaccurate"), 1
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": name,
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
    }
    explanation = []
    if verdict and verdict.corrected_value:
        explanation.append(f"Correct value: {verdict.corrected_value}.")
    if verdict and verdict.note:
        explanation.append(verdict.note)
    if explanation:
        rating["ratingExplanation"] = " ".join(explanation)
    return rating


def _same_figure(a: Figure, kind: str, value: Any) -> bool:
    return a.kind == kind and json.dumps(a.value, sort_keys=True) == json.dumps(
        value, sort_keys=True
    )


def claimreviews_for_article(
    *, article: Article, figures: list[Figure], story_figures: list[Figure], review_url: str
) -> list[dict[str, Any]]:
    """One ClaimReview per decided figure. `figures` are the article's current
    figures with verdicts prefetched; `story_figures` the current figures of the
    other articles of its story (with their articles), for `appearance`."""
    publisher = {
        "@type": "Organization",
        "name": settings.CLAIMREVIEW_PUBLISHER_NAME,
        "url": settings.CLAIMREVIEW_PUBLISHER_URL,
    }
    reviews = []
    for figure in figures:
        if figure.status == Figure.Status.PENDING:
            continue
        verdicts = list(figure.verdicts.all())
        verdict = verdicts[-1] if verdicts else None
        anchor = f"#figure-{figure.public_id}"
        appearances = [article]
        for other in story_figures:
            if other.article not in appearances and _same_figure(other, figure.kind, figure.value):
                appearances.append(other.article)
        claim: dict[str, Any] = {
            "@type": "Claim",
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "url": a.url or review_url,
                    "headline": a.title,
                    **({"datePublished": a.published_at.isoformat()} if a.published_at else {}),
                }
                for a in appearances
            ],
        }
        if figure.attributed_to:
            claim["author"] = {"@type": "Person", "name": figure.attributed_to}
        if article.published_at:
            claim["datePublished"] = article.published_at.date().isoformat()
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "@id": f"{review_url}{anchor}",
            "url": f"{article.url or review_url}{anchor}",
            "claimReviewed": claim_text(figure, article.text),
            "author": publisher,
            "itemReviewed": claim,
            "reviewRating": _rating(figure, verdict),
        }
        if verdict:
            review["datePublished"] = verdict.created_at.date().isoformat()
        reviews.append(review)
    return reviews
