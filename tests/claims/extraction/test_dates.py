import datetime as dt

from claims.extraction.dates import infer_year, last_weekday, relative

PUB = dt.date(2024, 3, 12)  # a Tuesday


def test_a_date_without_year_takes_the_publication_year() -> None:
    assert infer_year(3, 11, PUB) == 2024
    assert infer_year(2, 3, PUB) == 2024


def test_a_date_far_ahead_of_publication_is_last_year() -> None:
    assert infer_year(12, 20, dt.date(2025, 1, 5)) == 2024
    assert infer_year(1, 10, dt.date(2024, 12, 20)) == 2025


def test_relative_dates_resolve_against_publication() -> None:
    assert relative("year", -1, PUB) == "2023"
    assert relative("month", -1, dt.date(2025, 2, 6)) == "2025-01"
    assert relative("month", -25, PUB) == "2022-02"
    assert relative("day", -2, PUB) == "2024-03-10"


def test_a_weekday_is_the_most_recent_one() -> None:
    assert last_weekday(3, PUB) == "2024-03-07"  # Thursday
    assert last_weekday(1, PUB) == "2024-03-12"  # Tuesday: the same day


def test_tense_cues_pick_the_year_of_a_bare_month() -> None:
    october = dt.date(2024, 10, 25)
    assert infer_year(3, None, october) == 2024  # "in March": looking back
    assert infer_year(1, None, october) == 2025  # "in January": the coming one
    assert infer_year(1, None, october, "past") == 2024  # "since January"
    assert infer_year(9, None, october, "future") == 2025  # "until September"
