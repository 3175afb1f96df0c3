"""The news-dev gold set: value-correct F1 above a floor, no negatives extracted."""

from pathlib import Path

import pytest

from tests.claims.extraction.goldsets import score

GOLD = Path("/work/shared/eval/news-dev")
F1_FLOOR = 0.95


@pytest.mark.skipif(not GOLD.exists(), reason="news-dev gold set not available")
def test_dev_set_f1_stays_above_the_floor_with_no_negatives() -> None:
    f1, precision, recall, negatives_hit = score(GOLD)
    assert f1 >= F1_FLOOR, (f1, precision, recall)
    assert negatives_hit == []
