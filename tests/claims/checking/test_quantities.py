from claims.checking.quantities import granularity, local_offset, quantity, tz_hours
from claims.extraction.types import Figure


def fig(surface: str, value, unit: str, kind: str, **kw) -> Figure:  # type: ignore[no-untyped-def]
    return Figure(0, len(surface), surface, value, unit, kind, **kw)


def test_granularity_is_the_place_of_the_last_significant_digit() -> None:
    assert granularity("312") == 1
    assert granularity("300") == 100
    assert granularity("3.8%") == 0.1
    assert granularity("10,000") == 10000


def test_speeds_in_different_units_share_a_base_unit() -> None:
    kmh = quantity(fig("215 km/h", 215, "km/h", "rate"), "215 km/h")
    mph = quantity(fig("134 mph", 134, "mph", "rate"), "134 mph")
    assert kmh is not None and mph is not None
    assert kmh.dim == mph.dim == "speed"
    assert abs(kmh.value - mph.value) < 0.5  # type: ignore[operator]


def test_a_hedge_before_the_figure_is_read_from_the_text_when_not_given() -> None:
    text = "more than 900 people"
    q = quantity(Figure(10, 13, "900", 900, "person", "count"), text)
    assert q is not None and q.bound == "lower"


def test_local_offset_is_read_from_a_stated_difference_to_gmt() -> None:
    assert local_offset("at 5:30 pm local time, three hours ahead of GMT") == 3
    assert local_offset("in Lagos (UTC+1)") == 1
    assert local_offset("no zone here") is None


def test_named_time_zones_have_offsets() -> None:
    assert tz_hours("EST", None) == -5
    assert tz_hours("local", 2.0) == 2.0
    assert tz_hours("GMT+3", None) == 3
