import datetime as dt

from claims.checking.consistency import check_article
from claims.checking.model import Article
from claims.extraction import Document, extract
from tests.claims.checking.fixtures import DAM_1, DAM_2, FERRY_1, FERRY_2, article


def flagged(art):  # type: ignore[no-untyped-def]
    return [{art.text[r.start : r.end] for r in f.figures} for f in check_article(art)]


def test_parts_that_do_not_add_up_to_the_total_are_flagged() -> None:
    assert {"940", "610", "300"} in flagged(FERRY_1)


def test_a_percentage_that_does_not_match_its_counts_is_flagged() -> None:
    assert {"52", "940", "8%"} in flagged(FERRY_2)


def test_a_stated_fall_that_does_not_match_the_values_is_flagged() -> None:
    assert {"40%", "5,000", "3,500"} in flagged(FERRY_2)


def test_a_rise_stated_after_the_new_value_is_checked_too() -> None:
    assert {"50%", "2.4 metres", "4.1 metres"} in flagged(DAM_2)


def test_a_wrong_unit_conversion_is_flagged() -> None:
    assert {"120-metre", "450 ft"} in flagged(FERRY_2)


def test_times_that_match_the_stated_duration_are_not_flagged() -> None:
    assert flagged(DAM_1) == []


def test_times_that_do_not_match_the_stated_duration_are_flagged() -> None:
    art = article(
        "t",
        "The plane took off at 7:11 am and landed at 8:37 am, a flight of one hour and 36 minutes.",
        dt.date(2024, 1, 1),
        "",
        [
            ("7:11 am", 25860, "local", "time", None, None),
            ("8:37 am", 31020, "local", "time", None, None),
            ("one hour and 36 minutes", 5760, "s", "duration", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_a_tripling_that_is_a_doubling_is_flagged() -> None:
    art = article(
        "m",
        "Insolvencies tripled over the year, from 120 in January to 240 last month.",
        dt.date(2025, 2, 1),
        "",
        [
            ("120", 120, "insolvency", "count", None, None),
            ("240", 240, "insolvency", "count", None, None),
        ],
    )
    (finding,) = check_article(art)
    assert "tripled" in finding.why


def test_dates_out_of_order_are_flagged() -> None:
    art = article(
        "d",
        "The festival runs from March 14 to March 4 in the old town.",
        dt.date(2025, 1, 1),
        "",
        [
            ("March 14", "2025-03-14", "date", "date", None, None),
            ("March 4", "2025-03-04", "date", "date", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_an_age_that_does_not_fit_the_year_of_birth_is_flagged() -> None:
    art = article(
        "b",
        "Mr Hale, who was born in 1970, is 44 and lives in Derby.",
        dt.date(2025, 5, 1),
        "",
        [("1970", "1970", "date", "year", None, None), ("44", 44, "year", "age", None, None)],
    )
    assert len(check_article(art)) == 1


def test_a_span_of_days_that_does_not_match_its_dates_is_flagged() -> None:
    art = article(
        "s",
        "The summit ran from March 1 to March 4, a seven-day meeting of envoys.",
        dt.date(2025, 3, 5),
        "",
        [
            ("March 1", "2025-03-01", "date", "date", None, None),
            ("March 4", "2025-03-04", "date", "date", None, None),
            ("seven-day", 604800, "s", "duration", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_a_span_counted_with_both_ends_is_not_flagged() -> None:
    art = article(
        "s",
        "The summit ran from March 1 to March 4, a four-day meeting of envoys.",
        dt.date(2025, 3, 5),
        "",
        [
            ("March 1", "2025-03-01", "date", "date", None, None),
            ("March 4", "2025-03-04", "date", "date", None, None),
            ("four-day", 345600, "s", "duration", None, None),
        ],
    )
    assert check_article(art) == []


def test_parts_after_of_the_total_are_summed() -> None:
    from tests.claims.checking.fixtures import QUAKE_2

    assert {"85", "51", "24"} in flagged(QUAKE_2)


def test_consistent_articles_raise_nothing() -> None:
    from tests.claims.checking.fixtures import QUAKE_1

    assert flagged(QUAKE_1) == []


def test_a_share_stated_before_its_counts_is_checked() -> None:
    art = article(
        "p",
        "Some 25% of the 312 passengers, or 47 people, were taken to hospital.",
        dt.date(2025, 6, 15),
        "",
        [
            ("25%", 25, "percent", "percent", None, None),
            ("312", 312, "passenger", "count", None, None),
            ("47", 47, "person", "count", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_shares_of_one_whole_over_a_hundred_percent_are_flagged() -> None:
    art = article(
        "v",
        "In the poll, 52% backed the plan, 45% opposed it and 8% were undecided.",
        dt.date(2025, 6, 15),
        "",
        [
            ("52%", 52, "percent", "percent", None, None),
            ("45%", 45, "percent", "percent", None, None),
            ("8%", 8, "percent", "percent", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_a_total_named_after_its_parts_is_checked() -> None:
    art = article(
        "t",
        "The fund gives £950m for repairs, £600m for classrooms and £150m for "
        "heating, a total of £1.8bn.",
        dt.date(2024, 11, 20),
        "",
        [
            ("£950m", 950e6, "GBP", "money", None, None),
            ("£600m", 600e6, "GBP", "money", None, None),
            ("£150m", 150e6, "GBP", "money", None, None),
            ("£1.8bn", 1.8e9, "GBP", "money", None, None),
        ],
    )
    (finding,) = check_article(art)
    assert "£1.7bn" in finding.why


def test_a_change_written_to_then_from_is_checked() -> None:
    art = article(
        "c",
        "Sales rose 50% to 600 from 500 last year.",
        dt.date(2025, 1, 1),
        "",
        [
            ("50%", 50, "percent", "percent", None, None),
            ("600", 600, "sale", "count", None, None),
            ("500", 500, "sale", "count", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_years_since_a_date_must_match_the_stated_duration() -> None:
    art = article(
        "y",
        "She has led the charity since 2019, for eight years now.",
        dt.date(2025, 1, 1),
        "",
        [
            ("2019", "2019", "date", "year", None, None),
            ("eight years", 252460800, "s", "duration", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_ordinary_figures_side_by_side_are_not_flagged() -> None:
    art = article(
        "o",
        "Unemployment held at 6.1% while inflation was 3.8% and growth 0.4% in "
        "the quarter; 312 passengers and 47 crew were aboard.",
        dt.date(2025, 1, 1),
        "",
        [
            ("6.1%", 6.1, "percent", "percent", None, None),
            ("3.8%", 3.8, "percent", "percent", None, None),
            ("0.4%", 0.4, "percent", "percent", None, None),
            ("312", 312, "passenger", "count", None, None),
            ("47", 47, "crew", "count", None, None),
        ],
    )
    assert check_article(art) == []


def test_a_duration_between_two_times_is_not_their_span() -> None:
    art = article(
        "m",
        "The hearing began at 9:00, lasted three hours, and a second session opened at 13:00.",
        dt.date(2025, 1, 1),
        "",
        [
            ("9:00", 32400, "local", "time", None, None),
            ("three hours", 10800, "s", "duration", None, None),
            ("13:00", 46800, "local", "time", None, None),
        ],
    )
    assert check_article(art) == []


def test_parts_that_add_up_beside_an_unrelated_figure_are_not_flagged() -> None:
    art = article(
        "p",
        "Of the 312 passengers, 200 were from Spain and 112 from France, and 47 were hurt.",
        dt.date(2025, 1, 1),
        "",
        [
            ("312", 312, "passenger", "count", None, None),
            ("200", 200, "passenger", "count", None, None),
            ("112", 112, "passenger", "count", None, None),
            ("47", 47, "passenger", "count", None, None),
        ],
    )
    assert check_article(art) == []


def test_unhedged_round_counts_are_summed_exactly() -> None:
    art = article(
        "a",
        "Of the 1,250 applicants, 430 were accepted, 690 were rejected and 110 withdrew.",
        dt.date(2025, 6, 1),
        "",
        [
            ("1,250", 1250, "applicant", "count", None, None),
            ("430", 430, "applicant", "count", None, None),
            ("690", 690, "applicant", "count", None, None),
            ("110", 110, "applicant", "count", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_parts_exceeding_their_total_are_flagged_without_a_partition_word() -> None:
    art = article(
        "c",
        "The council's £4.5m budget covers £2m for roads, £1.5m for parks and £1.2m for libraries.",
        dt.date(2025, 6, 1),
        "",
        [
            ("£4.5m", 4.5e6, "GBP", "money", None, None),
            ("£2m", 2e6, "GBP", "money", None, None),
            ("£1.5m", 1.5e6, "GBP", "money", None, None),
            ("£1.2m", 1.2e6, "GBP", "money", None, None),
        ],
    )
    assert len(check_article(art)) == 1


def test_parts_short_of_their_total_need_a_partition_word() -> None:
    art = article(
        "e",
        "The company employs 1,400 people, with 900 in Spain and 450 in France.",
        dt.date(2025, 6, 1),
        "",
        [
            ("1,400", 1400, "person", "count", None, None),
            ("900", 900, "person", "count", None, None),
            ("450", 450, "person", "count", None, None),
        ],
    )
    assert check_article(art) == []



def read(text: str) -> Article:
    """An article with the figures the extractor finds in it."""
    day = dt.date(2024, 1, 1)
    return Article("x", text, day, "", "", tuple(extract(Document(text, day))))


def test_expectations_beside_actual_figures_are_not_parts_of_a_total() -> None:
    text = ("Sales breakdown: Engines, $2.40B (consensus: $2.10B; up 9% Q/Q); Turbines, $410M "
            "(consensus: $455M); Service, $150M (consensus: $142.5M).")
    assert flagged(read(text)) == []


def test_two_changes_from_two_bases_are_checked_each_against_its_own() -> None:
    text = ("Net income per share was $1.32, up 20 per cent from $1.10 a year ago, and "
            "down 12 percent from $1.50 in the previous quarter.")
    assert flagged(read(text)) == []
    # a change that its own values contradict is still flagged
    wrong = text.replace("from $1.10", "to $1.32 from $1.00").replace("was $1.32, ", "")
    assert {"20 per cent", "$1.00", "$1.32"} in flagged(read(wrong))


def test_a_date_range_written_as_one_figure_is_checked_against_its_stated_days() -> None:
    text = "The Orlen bridge will be shut for ten days, from March 21 to 27, the council said."
    assert {"ten days", "March 21 to 27"} in flagged(read(text))
    fine = text.replace("ten days", "seven days")
    assert flagged(read(fine)) == []


def test_parts_in_the_next_sentence_that_opens_on_the_whole_are_summed() -> None:
    text = ("The number of people killed in the Orlen ferry fire rose to 23, officials said.\n\n"
            "Of the dead, 14 were passengers, six were crew members and two were dock workers.")
    assert {"23", "14", "six", "two"} in flagged(read(text))
    fine = text.replace("two were dock", "three were dock")
    assert flagged(read(fine)) == []


def test_counts_of_other_things_in_the_sentence_are_not_parts() -> None:
    text = ("Varga has seven goals in 10 league games for Orlen, who have won six and lead "
            "Tarnel by three points.")
    assert flagged(read(text)) == []


def test_values_in_an_impossible_order_are_flagged() -> None:
    assert {"14C", "9C"} in flagged(read("Orlen saw a high of 9C and a low of 14C on Sunday."))
    assert {"2 metres", "3 metres"} in flagged(
        read("The river peaked at 2 metres, against an average of 3 metres in March."))
    assert {"1,200", "900"} in flagged(
        read("The ferry sank with 1,200 of the 900 passengers still on board."))
    # in order: nothing
    assert flagged(read("Orlen saw a high of 14C and a low of 9C on Sunday.")) == []
    assert flagged(read("The ferry sank with 120 of the 900 passengers on board.")) == []


def test_a_top_n_list_is_no_maximum() -> None:
    text = "Orlen is in the top 10 for schools and among the lowest 20 for bus fares."
    assert flagged(read(text)) == []
