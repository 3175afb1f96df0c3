"""The news-fresh set (bench/eval/news-fresh: our own articles on aviation, housing and a
space probe, written and scored before any rule was tuned on it): value-correct F1
above a floor, no negatives extracted."""

from pathlib import Path

from tests.claims.extraction.goldsets import score

GOLD = Path(__file__).resolve().parents[3] / "bench" / "eval" / "news-fresh"
F1_FLOOR = 0.96


def test_fresh_set_f1_stays_above_the_floor_with_no_negatives() -> None:
    f1, precision, recall, negatives_hit = score(GOLD)
    assert f1 >= F1_FLOOR, (f1, precision, recall)
    assert negatives_hit == []
