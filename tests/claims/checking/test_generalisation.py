"""Checker rules added against a second, self-written news set (bench/eval/news-extra),
each shown on new sentences of its own."""

import datetime as dt

from claims.checking.align import cross_check
from claims.checking.compare import compare
from claims.checking.consistency import check_article
from claims.checking.quantities import local_offset, quantity
from claims.extraction.types import Figure
from tests.claims.checking.fixtures import article

PUB = dt.date(2025, 3, 6)


def verdict(a: tuple, b: tuple):  # type: ignore[no-untyped-def]
    fa, fb = Figure(0, len(a[0]), *a), Figure(0, len(b[0]), *b)
    qa, qb = quantity(fa, a[0]), quantity(fb, b[0])
    assert qa is not None and qb is not None
    return compare(qa, qb, a[0], b[0])


def flagged(art):  # type: ignore[no-untyped-def]
    return [{art.text[r.start : r.end] for r in f.figures} for f in check_article(art)]


def pairs(findings, arts, kind):  # type: ignore[no-untyped-def]
    by_id = {a.id: a for a in arts}
    return {
        tuple(by_id[r.article_id].text[r.start : r.end] for r in f.figures)
        for f in findings
        if f.type == kind
    }


def test_celsius_and_fahrenheit_agree_within_the_conversion_rounding() -> None:
    c = verdict(("38.4C", 38.4, "degC", "measure"), ("101°F", 101, "degF", "measure"))
    assert c.verdict == "agree"
    c = verdict(("38.4C", 38.4, "degC", "measure"), ("110°F", 110, "degF", "measure"))
    assert c.verdict == "conflict"


def test_a_number_in_words_and_its_transposed_digits_are_a_slip() -> None:
    c = verdict(("nineteen", 19, "death", "count"), ("91", 91, "death", "count"))
    assert c.verdict == "conflict" and c.slip


def test_two_one_digit_numbers_are_no_slip() -> None:
    c = verdict(("7%", 7, "percent", "percent"), ("4%", 4, "percent", "percent"))
    assert c.verdict == "conflict" and not c.slip


def test_durations_in_different_units_are_no_slip_of_a_zero() -> None:
    c = verdict(("four days", 345600, "s", "duration"), ("six weeks", 3628800, "s", "duration"))
    assert c.verdict == "conflict" and not c.slip


def test_parts_after_a_larger_total_do_not_hide_their_own_total() -> None:
    art = article(
        "p",
        "The outbreak has reached 2,310 cases. Nineteen people have died, 12 of them "
        "children and five of them adults, the ministry said.",
        PUB,
        "",
        [
            ("2,310", 2310, "case", "count", None, None),
            ("Nineteen", 19, "person", "count", None, None),
            ("12", 12, "child", "count", None, None),
            ("five", 5, "adult", "count", None, None),
        ],
    )
    assert {"Nineteen", "12", "five"} in flagged(art)


def test_figures_in_a_later_sentence_about_other_things_are_not_parts() -> None:
    art = article(
        "q",
        "Of the 850 patients seen this week, most were children. Doctors moved 30 nurses "
        "and postponed 520 operations.",
        PUB,
        "",
        [
            ("850", 850, "patient", "count", None, None),
            ("30", 30, "nurse", "count", None, None),
            ("520", 520, "operation", "count", None, None),
        ],
    )
    assert flagged(art) == []


def test_a_share_after_the_whole_named_first_is_checked() -> None:
    art = article(
        "s",
        "Of the 480 flights due to leave, 72 — or 25% — were cancelled.",
        PUB,
        "",
        [
            ("480", 480, "flight", "count", None, None),
            ("72", 72, "flight", "count", None, None),
            ("25%", 25, "percent", "percent", None, None),
        ],
    )
    assert {"480", "72", "25%"} in flagged(art)
    ok = article(
        "t",
        "Of the 480 flights due to leave, 120 — or 25% — were cancelled.",
        PUB,
        "",
        [
            ("480", 480, "flight", "count", None, None),
            ("120", 120, "flight", "count", None, None),
            ("25%", 25, "percent", "percent", None, None),
        ],
    )
    assert flagged(ok) == []


def test_a_time_zone_offset_is_not_a_span_between_two_times() -> None:
    art = article(
        "z",
        "The island is three hours ahead of GMT. Shops open at 9am and the market at noon.",
        PUB,
        "",
        [
            ("three hours", 10800, "s", "duration", None, None),
            ("9am", 32400, "local", "time", None, None),
            ("noon", 43200, "local", "time", None, None),
        ],
    )
    assert flagged(art) == []


def test_scores_one_goal_apart_conflict_and_a_unique_equal_value_agrees() -> None:
    a = article(
        "m1",
        "Northfield beat Castle Vale 2-1 in the cup final on Sunday. Tickets had gone up to "
        "85% of capacity. Organisers say the stadium is 4 miles from the station.",
        PUB,
        "Paper A",
        [
            ("2-1", (2, 1), "goal", "score", None, None),
            ("85%", 85, "percent", "percent", None, None),
        ],
    )
    b = article(
        "m2",
        "Castle Vale lost the final 2-0 to Northfield. About 85% of the seats were sold.",
        PUB,
        "Paper B",
        [
            ("2-0", (2, 0), "goal", "score", None, None),
            ("85%", 85, "percent", "percent", None, None),
        ],
    )
    found = cross_check([a, b])
    assert ("2-1", "2-0") in pairs(found, [a, b], "conflict")
    assert ("85%", "85%") in pairs(found, [a, b], "agree")


def test_the_only_score_in_each_report_of_a_match_is_compared() -> None:
    a = article(
        "s1",
        "Northfield won the county trophy 2-1 at Riverside on Sunday, with a late header.",
        PUB,
        "Paper A",
        [("2-1", (2, 1), "goal", "score", None, None)],
    )
    b = article(
        "s2",
        "A crowd of locals saw Northfield lift the trophy after a 3-1 victory.",
        PUB,
        "Paper B",
        [("3-1", (3, 1), "goal", "score", None, None)],
    )
    assert ("2-1", "3-1") in pairs(cross_check([a, b]), [a, b], "conflict")


def test_scores_one_goal_apart_look_like_one_result_misreported() -> None:
    from claims.checking.align import _plausible_error

    def q(v):  # type: ignore[no-untyped-def]
        return quantity(Figure(0, 3, "x-y", v, "goal", "score"), "x-y")

    near = _plausible_error(q((3, 1)), q((3, 2)), compare(q((3, 1)), q((3, 2)), "3-1", "3-2"))
    far = _plausible_error(q((3, 1)), q((0, 4)), compare(q((3, 1)), q((0, 4)), "3-1", "0-4"))
    assert near > far


def test_dates_a_day_apart_need_a_time_or_zone_nearby_to_agree() -> None:
    a = article(
        "d1",
        "Power failed across the city on Wednesday, officials said, as demand peaked at 14:00 GMT.",
        PUB,
        "Paper A",
        [("Wednesday", "2025-03-05", "date", "date", None, None)],
    )
    b = article(
        "d2",
        "Schools closed on Tuesday because of the storm.",
        PUB,
        "Paper B",
        [("Tuesday", "2025-03-04", "date", "date", None, None)],
    )
    assert ("Wednesday", "Tuesday") not in pairs(cross_check([a, b]), [a, b], "agree")


def test_court_poll_and_vaccine_wording_share_concepts() -> None:
    from claims.checking.text import stem

    assert stem("jailed") == stem("sentenced") == stem("prison")
    assert stem("fined") == stem("penalty")
    assert stem("survey") == stem("poll")
    assert stem("jabs") == stem("vaccination")


def test_a_day_near_publication_says_less_than_a_day_long_before() -> None:
    from claims.checking.align import _distinctiveness, mentions

    def art(aid, text, surface, value):  # type: ignore[no-untyped-def]
        return article(aid, text, PUB, aid, [(surface, value, "date", "date", None, None)])

    near_a = mentions(art("n1", "Crews worked on Tuesday.", "Tuesday", "2025-03-04"))[0]
    near_b = mentions(art("n2", "Schools shut on Tuesday.", "Tuesday", "2025-03-04"))[0]
    far_a = mentions(art("f1", "The dam opened on June 2, 2019.", "June 2, 2019", "2019-06-02"))[0]
    far_b = mentions(art("f2", "It opened on 2 June 2019.", "2 June 2019", "2019-06-02"))[0]
    assert _distinctiveness(near_a, near_b) < _distinctiveness(far_a, far_b)


def test_a_temperature_bound_holds_only_a_few_degrees_away() -> None:
    above = ("31C", 31, "degC", "measure", True, "above")
    assert verdict(above, ("32C", 32, "degC", "measure")).verdict == "agree"
    assert verdict(above, ("95F", 95, "degF", "measure")).verdict == "conflict"


def test_parts_listed_after_a_colon_must_add_up_to_the_total() -> None:
    text = "Firms sent nine tugs: two from Oban and five from Mallaig."
    specs = [
        ("nine", 9, "tug", "count", None, None),
        ("two", 2, "tug", "count", None, None),
        ("five", 5, "tug", "count", None, None),
    ]
    assert {"nine", "two", "five"} in flagged(article("c", text, PUB, "", specs))
    ok = text.replace("nine", "seven")
    specs[0] = ("seven", 7, "tug", "count", None, None)
    assert flagged(article("d", ok, PUB, "", specs)) == []


def test_a_share_of_another_whole_is_not_checked_against_the_counts() -> None:
    art = article(
        "v",
        "The Liberals won 40 of the 150 seats, taking 22.5% of the vote.",
        PUB,
        "",
        [
            ("40", 40, "seat", "count", None, None),
            ("150", 150, "seat", "count", None, None),
            ("22.5%", 22.5, "percent", "percent", None, None),
        ],
    )
    assert flagged(art) == []
    wrong = article(
        "w",
        "The Liberals won 40 of the 150 seats, or 22.5% of the seats.",
        PUB,
        "",
        [
            ("40", 40, "seat", "count", None, None),
            ("150", 150, "seat", "count", None, None),
            ("22.5%", 22.5, "percent", "percent", None, None),
        ],
    )
    assert {"40", "150", "22.5%"} in flagged(wrong)


# ---- rules added against a third self-written set (bench/eval/news-fresh)


def test_a_fall_in_words_agrees_with_a_negative_percentage() -> None:
    def change(text: str, value: float):  # type: ignore[no-untyped-def]
        start = text.index("3.4")
        q = quantity(Figure(start, len(text), text[start:], value, "percent", "percent"), text)
        assert q is not None
        return q

    negative = change("Output was -3.4%", -3.4)
    c = compare(change("Output slipped 3.4%", 3.4), negative, "3.4%", "-3.4%")
    assert c.verdict == "agree"
    # a rise in words against the same negative figure is a slip of the sign
    c = compare(change("Output rose 3.4%", 3.4), negative, "3.4%", "-3.4%")
    assert c.verdict == "conflict"


def test_digits_that_line_up_only_without_the_decimal_point_are_no_slip() -> None:
    c = verdict(("a fifth", 20, "percent", "percent"), ("2.1%", 2.1, "percent", "percent"))
    assert not c.slip
    c = verdict(("1.5e6", 1.5e6, "reading", "count"), ("16", 16, "reading", "count"))
    assert not c.slip
    assert verdict(
        ("4.85%", 4.85, "percent", "percent"), ("4.58%", 4.58, "percent", "percent")
    ).slip


def test_kilometres_per_second_convert_to_kilometres_per_hour() -> None:
    c = verdict(("7.9 km/s", 7.9, "km/s", "rate"), ("about 28,400 km/h", 28400, "km/h", "rate"))
    assert c.verdict == "agree"


def test_a_repeated_count_pairs_with_the_other_report_each_time() -> None:
    a = article(
        "r1",
        "Storms closed 318 schools across Varn on Monday, the council said. Parents were told "
        "late. Of the 318 closed schools, most reopened by Thursday.",
        PUB,
        "Paper A",
        [("318", 318, "school", "count", None, None), ("318", 318, "school", "count", None, None)],
    )
    b = article(
        "r2",
        "The council in Varn shut 381 schools on Monday as storms swept the region.",
        PUB,
        "Paper B",
        [("381", 381, "school", "count", None, None)],
    )
    found = pairs(cross_check([a, b]), [a, b], "conflict")
    assert len([p for p in found if "381" in p]) == 1  # one pair of surfaces: check refs
    conflicts = [f for f in cross_check([a, b]) if f.type == "conflict"]
    assert len(conflicts) == 2


def test_a_local_time_with_its_gmt_time_in_brackets_gives_the_offset() -> None:
    assert local_offset("The polls closed at 21:30 local time (1830 GMT) on Sunday.") == 3.0
    assert local_offset("Trading stopped at 9.15am (1415 UTC).") == -5.0
    assert local_offset("Doors open at 7pm and close at 11pm.") is None
