from claims.extraction.units import DURATION_UNITS, singular


def test_it_singularises_counted_nouns() -> None:
    assert singular("casualties") == "casualty"
    assert singular("troops") == "troop"
    assert singular("people") == "person"
    assert singular("buses") == "bus"
    assert singular("churches") == "church"
    assert singular("series") == "series"


def test_durations_use_julian_months_and_years() -> None:
    assert DURATION_UNITS["year"] == 31_557_600
    assert DURATION_UNITS["month"] == 2_629_800
    assert DURATION_UNITS["week"] == 604_800
