"""Dates and times of day (claims.extraction.times)."""

import datetime as dt

from claims.extraction import Document, engine, extract


def values(text: str, published: dt.date | None = dt.date(2024, 11, 15)) -> list[object]:
    return [f.value for f in extract(Document(text, published))]


def test_it_reads_twelve_and_twenty_four_hour_times() -> None:
    assert values("at 7:11 am and 8:37 a.m.") == [25860, 31020]
    assert values("at 9.15pm, and at 3am") == [76500, 10800]
    assert values("derailed at 14:32") == [52320]


def test_a_time_zone_written_after_the_time_is_its_unit() -> None:
    (f,) = extract(Document("It struck at 14:30 GMT."))
    assert (f.value, f.unit, f.surface) == (52200, "GMT", "14:30 GMT")


def test_invalid_clock_readings_are_not_times() -> None:
    assert values("a score of 25:61 was shown") == []


def test_month_day_year_forms() -> None:
    assert values("on Feb. 3, 2024") == ["2024-02-03"]
    assert values("on 28 October 2024") == ["2024-10-28"]
    assert values("in December 2023") == ["2023-12"]
    assert values("between March 1 and 4") == [("2025-03-01", "2025-03-04")]


def test_a_date_without_a_year_needs_the_publication_date() -> None:
    assert values("since January") == ["2024-01"]
    assert values("from January") == ["2025-01"]
    assert values("since March") == ["2024-03"]
    assert values("on June 14", dt.date(2025, 6, 15)) == ["2025-06-14"]


def test_may_is_a_month_only_where_a_month_fits() -> None:
    assert values("It may rain.") == []
    assert values("elections in May") == ["2024-05"]


def _engine_values(text: str, published: dt.date | None = dt.date(2024, 11, 15)) -> list[object]:
    return [f.value for f in engine.extract(Document(text, published))]


def test_weekdays_need_on_and_a_publication_date() -> None:
    assert _engine_values("talks on Thursday") == ["2024-11-14"]
    assert _engine_values("talks on Thursday", None) == []
    assert _engine_values("in the two days to Monday morning") == [172_800]  # no date


def test_rule_a_bare_weekday_dates_its_clause_and_is_not_itself_a_figure() -> None:
    # published Friday 15 November 2024: "on Tuesday" in a past clause is the 12th
    fri = dt.date(2024, 11, 15)
    (f,) = extract(Document("The council said on Tuesday it had cut 40 posts.", fri))
    assert f.value == 40
    assert f.frame is not None and f.frame.time_iso == "2024-11-12"
    # a future clause points to the coming one; "yesterday" and "tomorrow" likewise
    (f,) = extract(Document("The new line will carry 900 riders on Monday.", fri))
    assert f.frame is not None and f.frame.time_iso == "2024-11-18"
    assert values("Crews cleared 12 roads yesterday and may reopen them tomorrow.") == [12]
    # a weekday with its date is a date
    assert values("The vote is on Monday, November 18, 2024.") == ["2024-11-18"]


def test_rule_time_with_seconds_after_at_is_a_time_of_day() -> None:
    figs = extract(Document("The blast came at 22:05:30 local time.", dt.date(2024, 11, 15)))
    assert [(f.value, f.kind) for f in figs] == [(79530, "time")]
    figs = extract(Document("She won in 2:21:09.", dt.date(2024, 11, 15)))
    assert [(f.value, f.kind) for f in figs] == [(8469, "duration")]


def test_rule_undated_month_takes_its_year_from_the_tense() -> None:
    # published in November: a future clause points to next year's February
    assert values("The bridge will reopen in February.") == ["2025-02"]
    assert values("The bridge reopened in February.") == ["2024-02"]


def _numeric_date(text: str) -> object:
    from claims.extraction.engine import _Reader

    r = _Reader(Document(text, dt.date(2026, 10, 21)))
    cand, _ = r.read_numeric_date(text.index(text.split()[-1].rstrip(".")))
    return cand.value if cand else None


def test_rule_numeric_dates_day_or_month_first() -> None:
    # unambiguous: a part over 12 is the day
    assert _numeric_date("Landfall is due on 23.10.2026") == "2026-10-23"
    assert _numeric_date("Filed on 10/23/2026") == "2026-10-23"
    # ambiguous: the text's other dates decide
    assert _numeric_date("Polls close on 25/12/2026; results on 04/05/2026") == "2026-05-04"
    assert _numeric_date("Polls close on 12/25/2026; results on 04/05/2026") == "2026-04-05"
    assert _numeric_date("On October 3 the board met; it meets again on 04/05/2026") == "2026-04-05"
    assert _numeric_date("On 3 October the board met; it meets again on 04/05/2026") == "2026-05-04"
    assert _numeric_date("Nothing else dated; it meets on 04.05.2026") == "2026-05-04"


def test_rule_numeric_dates_are_not_phone_numbers() -> None:
    from claims.extraction.patterns import MASKS

    assert MASKS.match("20.10.2026 was") is None
    assert MASKS.match("20/10/2026 was") is None
    assert MASKS.match("20/10/26 was") is not None  # two-digit year: still ambiguous


def test_rule_between_two_months_is_one_range() -> None:
    assert values("Output grew between July and September.") == [("2024-07", "2024-09")]
    assert values("Output grew in July and September.") == ["2024-07", "2024-09"]


def test_rule_a_modal_outweighs_a_past_participle() -> None:
    assert values("The tunnel will be completed in February.") == ["2025-02"]


def test_rule_numeric_dates_are_read_in_text() -> None:
    assert values("The board meets on 23.10.2026 in the capital.") == ["2026-10-23"]
    assert values("Filing closes 11/30/2026.") == ["2026-11-30"]


def test_a_superscript_after_a_time_range_dash_is_no_second_time() -> None:
    # "²" is a digit to str.isdigit but no number reads it: this raised AttributeError
    figures = extract(Document("The pool opens 2 am to ²2 on weekdays."))
    assert [f.surface for f in figures][:1] == ["2 am"]


def test_oclock_after_a_decimal_or_grouped_number_is_no_time(caplog) -> None:
    for text in ("It was 3.5 o'clock.", "It was 1,200 o'clock."):
        with caplog.at_level("WARNING", logger="claims.extraction.engine"):
            figures = extract(Document(text))
        assert all(f.kind != "time" for f in figures)
    assert "skipped a figure" not in caplog.text  # no rule tripped over it


def test_rule_by_a_date_in_a_past_clause_is_a_deadline_already_passed() -> None:
    # published 4 March 2026: "by March 3" after "had killed" is the day before, not 2027
    assert values("Floods had killed 41 people by March 3.", dt.date(2026, 3, 4)) == [
        41, "2026-03-03"]
    assert values("The dam will be finished by March 3.", dt.date(2026, 3, 4)) == ["2027-03-03"]


def test_rule_its_midday_is_the_time_of_day() -> None:
    assert values("It's midday in Orlen, and the ferries are still tied up.") == [43200]
    assert values("The midday news carried the story.") == []
