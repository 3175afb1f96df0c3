from claims.checking.compare import compare
from claims.checking.quantities import local_offset, quantity
from claims.extraction.types import Figure


def verdict(a: tuple, b: tuple, text_a: str = "", text_b: str = ""):  # type: ignore[no-untyped-def]
    fa, fb = Figure(0, len(a[0]), *a), Figure(0, len(b[0]), *b)
    qa = quantity(fa, text_a or a[0], local_offset(text_a))
    qb = quantity(fb, text_b or b[0], local_offset(text_b))
    assert qa is not None and qb is not None
    return compare(qa, qb, a[0], b[0])


def test_a_rounded_figure_agrees_with_the_exact_one() -> None:
    c = verdict(
        ("about 10,000", 10000, "person", "count", True, "about"),
        ("9,870", 9870, "person", "count"),
    )
    assert c.verdict == "agree"


def test_a_lower_bound_agrees_with_a_value_above_it() -> None:
    c = verdict(("900", 900, "person", "count", True, "more than"), ("940", 940, "person", "count"))
    assert c.verdict == "agree"


def test_a_lower_bound_conflicts_with_a_value_below_it() -> None:
    c = verdict(("900", 900, "person", "count", True, "more than"), ("850", 850, "person", "count"))
    assert c.verdict == "conflict"


def test_a_unit_conversion_within_rounding_agrees() -> None:
    c = verdict(("215 km/h", 215, "km/h", "rate"), ("134 mph", 134, "mph", "rate", True, "about"))
    assert c.verdict == "agree"


def test_a_factor_of_ten_is_explained_as_a_slipped_zero() -> None:
    c = verdict(("12,000", 12000, "casualty/day", "rate"), ("1,200", 1200, "casualty/day", "rate"))
    assert c.verdict == "conflict" and c.slip
    assert "factor of 10" in c.reason


def test_a_swapped_scale_word_is_named() -> None:
    c = verdict(("$4.2 billion", 4.2e9, "USD", "money"), ("$4.2 million", 4.2e6, "USD", "money"))
    assert c.verdict == "conflict" and "billion vs million" in c.reason


def test_the_same_number_per_day_and_per_week_conflicts() -> None:
    c = verdict(("14", 14, "crossing/day", "rate"), ("14", 14, "crossing/week", "rate"))
    assert c.verdict == "conflict" and "per day vs" in c.reason


def test_a_daily_rate_agrees_with_its_weekly_total() -> None:
    c = verdict(("6,000", 6000, "shell/day", "rate"), ("42,000", 42000, "shell/week", "rate"))
    assert c.verdict == "agree"


def test_gmt_and_local_time_agree_when_the_offset_is_stated() -> None:
    c = verdict(
        ("14:30 GMT", 52200, "GMT", "time"),
        ("5:30 pm", 63000, "local", "time"),
        text_b="at 5:30 pm local time, three hours ahead of GMT",
    )
    assert c.verdict == "agree"


def test_dates_one_day_apart_can_be_the_same_instant() -> None:
    c = verdict(
        ("September 14", "2025-09-14", "date", "date"),
        ("September 13", "2025-09-13", "date", "date"),
    )
    assert c.verdict == "agree"


def test_a_month_agrees_with_a_day_inside_it() -> None:
    c = verdict(("February", "2024-02", "date", "date"), ("Feb. 3", "2024-02-03", "date", "date"))
    assert c.verdict == "agree"


def test_ordinals_one_apart_conflict() -> None:
    c = verdict(("12th", 12, "rank", "ordinal"), ("13th", 13, "rank", "ordinal"))
    assert c.verdict == "conflict"


def test_different_dimensions_are_not_compared() -> None:
    c = verdict(("12%", 12, "percent", "percent"), ("12", 12, "person", "count"))
    assert c.verdict is None


def test_a_score_with_the_sides_swapped_agrees() -> None:
    c = verdict(("2-1", (2, 1), "goal", "score"), ("1-2", (1, 2), "goal", "score"))
    assert c.verdict == "agree"
    c = verdict(("2-1", (2, 1), "goal", "score"), ("3-1", (3, 1), "goal", "score"))
    assert c.verdict == "conflict"


def test_just_over_is_a_narrow_band_not_any_larger_value() -> None:
    just_over = ("4,000", 4000, "runner", "count", True, "just over")
    assert verdict(just_over, ("4,200", 4200, "runner", "count")).verdict == "agree"
    assert verdict(just_over, ("4,600", 4600, "runner", "count")).verdict == "conflict"
    # a plain "more than" still holds well above its bound
    more_than = ("4,000", 4000, "runner", "count", True, "more than")
    assert verdict(more_than, ("4,600", 4600, "runner", "count")).verdict == "agree"
    just_under = ("300", 300, "home", "count", True, "just under")
    assert verdict(just_under, ("285", 285, "home", "count")).verdict == "agree"
    assert verdict(just_under, ("240", 240, "home", "count")).verdict == "conflict"


def test_two_local_times_without_a_zone_are_not_explained_by_a_guessed_one() -> None:
    # outlets covering one event write its local time: an hour apart is a conflict
    c = verdict(("6.42am", 24120, "", "time"), ("7.42am", 27720, "local", "time"))
    assert c.verdict == "conflict"
    # a named zone against a local time whose zone no article gives: not judged
    c = verdict(("0642 GMT", 24120, "GMT", "time"), ("8.42am", 31320, "local", "time"))
    assert c.verdict is None
    assert "not stated" in c.reason


def test_a_time_to_the_minute_covers_that_minute_seconds_included() -> None:
    c = verdict(("03:41:27", 13287, "local", "time"), ("3.41am", 13260, "local", "time"))
    assert c.verdict == "agree"
    c = verdict(("03:41:27", 13287, "local", "time"), ("3.43am", 13380, "local", "time"))
    assert c.verdict == "conflict"


def test_two_caps_far_apart_conflict_but_two_floors_far_apart_say_nothing() -> None:
    cap = verdict(("€400", 400, "EUR", "money", True, "up to"),
                  ("€600", 600, "EUR", "money", True, "up to"))
    assert cap.verdict == "conflict"
    floor = verdict(("300", 300, "person", "count", True, "over"),
                    ("179", 179, "person", "count", True, "at least"))
    assert floor.verdict is None
