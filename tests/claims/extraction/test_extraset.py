"""The news-extra set (bench/eval/news-extra: our own articles, other domains and wordings
than news-dev): value-correct F1 above a floor, no negatives extracted."""

from pathlib import Path

from tests.claims.extraction.goldsets import score

GOLD = Path(__file__).resolve().parents[3] / "bench" / "eval" / "news-extra"
F1_FLOOR = 0.97


def test_extra_set_f1_stays_above_the_floor_with_no_negatives() -> None:
    f1, precision, recall, negatives_hit = score(GOLD)
    assert f1 >= F1_FLOOR, (f1, precision, recall)
    assert negatives_hit == []
