"""Frames decide which pairs may state one fact (claims.checking.framefit and its use in
align.py). Our own sentences, invented outlets and companies."""

import datetime as dt

from claims.checking.align import cross_check
from claims.checking.framefit import FrameTerms, fit, terms, time_slot
from claims.checking.model import Article
from claims.extraction import Document, extract
from claims.extraction.types import Frame

DAY = dt.date(2026, 5, 14)


def article(id_: str, text: str, outlet: str) -> Article:
    return Article(id_, text, DAY, outlet, "", tuple(extract(Document(text, DAY))))


def surfaces(findings: list, kind: str, arts: list[Article]) -> set[tuple[str, str]]:
    text = {a.id: a.text for a in arts}
    return {
        (
            text[f.figures[0].article_id][f.figures[0].start : f.figures[0].end],
            text[f.figures[1].article_id][f.figures[1].start : f.figures[1].end],
        )
        for f in findings
        if f.type == kind
    }


def test_an_expectation_never_conflicts_with_the_outcome() -> None:
    arts = [
        article(
            "a",
            "Orvale Systems said quarterly revenue reached $5.21 billion, driven "
            "by its cloud unit.",
            "Daily Ledger",
        ),
        article(
            "b",
            "Orvale Systems reported quarterly revenue above the $5.12 billion "
            "that analysts had expected for its cloud unit.",
            "Market Wire",
        ),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()
    # the same outcome, misprinted, still conflicts
    arts[1] = article(
        "b",
        "Orvale Systems said quarterly revenue reached $2.51 billion, driven by its cloud unit.",
        "Market Wire",
    )
    assert surfaces(cross_check(arts), "conflict", arts) == {("$5.21 billion", "$2.51 billion")}


def test_one_change_in_opposite_directions_conflicts() -> None:
    arts = [
        article(
            "a",
            "Exports of Tarnel timber rose 4.6% in the first quarter, the statistics office said.",
            "Daily Ledger",
        ),
        article(
            "b",
            "Exports of Tarnel timber fell 4.6 per cent in the first quarter, "
            "the statistics office said.",
            "Market Wire",
        ),
    ]
    found = cross_check(arts)
    assert surfaces(found, "conflict", arts) == {("4.6%", "4.6 per cent")}
    assert "direction" in next(f.why for f in found if f.type == "conflict")


def test_a_gain_and_a_cut_of_two_sizes_are_two_changes() -> None:
    arts = [
        article(
            "a",
            "Payrolls at Brenholt mills grew by 6,400 in March, the union said.",
            "Daily Ledger",
        ),
        article(
            "b",
            "The count of Brenholt mill payrolls for March was cut by 1,500, the union said.",
            "Market Wire",
        ),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()


def test_time_slots() -> None:
    assert time_slot("2026-03", "2026-03-04") == "holds"  # a day in its month
    assert time_slot("2025", "2025-11") == "part"  # a month and its year: two periods
    assert time_slot("2025-11", "2025-12") == "different"
    assert time_slot("", "2025-12") == "unknown"


def test_people_under_other_names_are_one_measure() -> None:
    assert terms("soldiers") == terms("casualties") == {"person"}
    assert terms("the number of coaches") == {"coach"}


def test_a_month_and_its_year_do_not_conflict_but_may_agree() -> None:
    month = FrameTerms.of(Frame("jobs", "", "in May", "2025-05", "", "actual", "up"))
    year = FrameTerms.of(Frame("jobs", "", "in 2025", "2025", "", "actual", "up"))
    f = fit(month, year, "count")
    assert f.later


def test_one_toll_on_two_days_is_a_later_figure_not_a_conflict() -> None:
    arts = [
        Article(
            "a",
            t := "Floods in the Varden valley had killed 41 people by March 3, the "
            "regional authority said.",
            dt.date(2026, 3, 4),
            "Valley Post",
            "",
            tuple(extract(Document(t, dt.date(2026, 3, 4)))),
        ),
        Article(
            "b",
            u := "Floods in the Varden valley had killed 57 people by March 4, the "
            "regional authority said.",
            dt.date(2026, 3, 5),
            "River Times",
            "",
            tuple(extract(Document(u, dt.date(2026, 3, 5)))),
        ),
    ]
    found = cross_check(arts)
    assert surfaces(found, "update", arts) == {("41", "57")}
    assert surfaces(found, "conflict", arts) == set()  # nor the two as-of dates
    assert "41 (2026-03-03) → 57 (2026-03-04)" in found[0].why


def test_bogies_and_coaches_are_one_measure() -> None:
    arts = [
        article(
            "a",
            "Police said six bogies of the Varden express left the rails near "
            "Orlen junction on Sunday.",
            "Valley Post",
        ),
        article(
            "b",
            "Three coaches of the Varden express left the rails near Orlen "
            "junction on Sunday, police said.",
            "River Times",
        ),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == {("six", "Three")}


def test_a_total_and_a_rate_per_month_do_not_conflict() -> None:
    arts = [
        article(
            "a", "Shipyards in Orlen added 13,000 jobs, the labour office said.", "Valley Post"
        ),
        article(
            "b",
            "Shipyards in Orlen added 15,000 jobs per month, the labour office said.",
            "River Times",
        ),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()


def test_a_figure_for_an_earlier_period_does_not_conflict_with_the_current_one() -> None:
    arts = [
        article(
            "a",
            "In the previous quarter, Orvale reported revenue of $3.15 billion.",
            "Daily Ledger",
        ),
        article("b", "Orvale reported revenue of $3.51 billion for the quarter.", "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()


def test_two_changes_conflict_only_when_both_name_what_changed() -> None:
    arts = [
        article("a", "Harbour fees: $120M (down 34% Q/Q); dock rents, $80M.", "Daily Ledger"),
        article(
            "b",
            "Profit per share was $0.50, down 33 percent from $0.75 in the previous quarter.",
            "Market Wire",
        ),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()


def test_a_reporting_period_is_not_a_fact_of_its_own() -> None:
    arts = [
        article("a", "Orvale added 4,300 jobs in March, and its Q3 revenue reached $2.7 billion.",
                "Daily Ledger"),
        article("b", "Orvale said it added 4,300 jobs in March. Third-quarter revenue was "
                     "$2.7 billion.", "Market Wire"),
    ]
    agreed = surfaces(cross_check(arts), "agree", arts)
    assert ("4,300", "4,300") in agreed and ("$2.7 billion", "$2.7 billion") in agreed
    assert not {a for a, _ in agreed} & {"March", "Q3"}


def test_an_expectation_met_is_not_one_fact_reported_twice() -> None:
    arts = [
        article("a", "The Tarnel jobless rate held at 5.2%, the statistics office said.",
                "Daily Ledger"),
        article("b", "The Tarnel jobless rate had been forecast to hold at 5.2 percent, the "
                     "statistics office said.", "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "agree", arts) == set()


def test_two_lower_bounds_far_apart_do_not_confirm_each_other() -> None:
    arts = [
        article("a", "Over 300 people were injured in the Orlen derailment, police said.",
                "Daily Ledger"),
        article("b", "At least 179 people were injured in the Orlen derailment, police said.",
                "Market Wire"),
    ]
    found = cross_check(arts)
    assert surfaces(found, "agree", arts) == set() == surfaces(found, "conflict", arts)


def test_a_part_beside_its_own_total_does_not_conflict_with_another_total() -> None:
    lead = "At least 179 people were hurt in the Orlen derailment, officials said."
    part = "Some 132 people hurt in the Orlen derailment were taken to three clinics."
    arts = [
        article("a", "Over 300 people were hurt in the Orlen derailment, officials said. "
                     + part, "Daily Ledger"),
        article("b", lead, "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()
    # without the total beside it, 132 against 179 is a conflict to look at
    arts[0] = article("a", part, "Daily Ledger")
    assert surfaces(cross_check(arts), "conflict", arts) == {("132", "179")}


def test_two_named_sources_with_different_readings_are_shown_as_such() -> None:
    arts = [
        article("a", "The Orlen seismic institute said it had recorded 126 aftershocks "
                     "since the quake.", "Daily Ledger"),
        article("b", "Correspondent Lena Varga said 97 aftershocks had been recorded "
                     "since the quake.", "Market Wire"),
    ]
    found = cross_check(arts)
    assert surfaces(found, "sources", arts) == {("126", "97")}
    assert surfaces(found, "conflict", arts) == set()
    # a slip-shaped gap between two sources is still a conflict to look at
    arts[1] = article("b", "Correspondent Lena Varga said 162 aftershocks had been recorded "
                           "since the quake.", "Market Wire")
    assert surfaces(cross_check(arts), "conflict", arts) == {("126", "162")}


def test_a_toll_that_rose_between_two_reports_is_a_later_figure() -> None:
    arts = [
        article("a", "The death toll from the Orlen bridge collapse rose to 12 overnight, "
                     "the fire brigade said.", "Daily Ledger"),
        article("b", "The number of people killed in the Orlen bridge collapse has risen to "
                     "19, the fire brigade said.", "Market Wire"),
    ]
    found = cross_check(arts)
    assert surfaces(found, "update", arts) == {("12", "19")}
    assert surfaces(found, "conflict", arts) == set()
    assert "12 → 19" in next(f.why for f in found if f.type == "update")


def test_a_distinctive_value_written_twice_meets_the_other_outlets_figure_twice() -> None:
    arts = [
        article("a", "Tarnel employers added 91,000 jobs in May, above economists' forecasts "
                     "of 64,000 new jobs.\n\nAt a glance: hiring beat economists' forecasts "
                     "of 64,000 by a wide margin.", "Daily Ledger"),
        article("b", "Tarnel hiring topped economists' expectations for 68,000 new jobs in "
                     "May.", "Market Wire"),
    ]
    conflicts = [f for f in cross_check(arts) if f.type == "conflict"]
    assert len(conflicts) == 2
    assert {arts[1].text[f.figures[1].start : f.figures[1].end] for f in conflicts} == {"68,000"}


def test_a_figure_of_an_entity_the_other_report_never_names_is_not_its_conflict() -> None:
    arts = [
        article("a", "Halvern Foods said its volumes fell 3% in the half as shoppers traded "
                     "down.", "Daily Ledger"),
        article("b", "Halvern Foods said its Brightwave volumes fell 6% in the half as "
                     "shoppers traded down.", "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()
    # named in both: one entity, so the two values conflict
    arts[0] = article("a", "Halvern Foods said its Brightwave volumes fell 3% in the half as "
                           "shoppers traded down.", "Daily Ledger")
    assert surfaces(cross_check(arts), "conflict", arts) == {("3%", "6%")}


def test_two_ordinals_of_one_named_thing_conflict() -> None:
    arts = [
        article("a", "Mira Kovac scored Orlen's winner in the 58th minute of the cup final.",
                "Daily Ledger"),
        article("b", "Mira Kovac scored Orlen's winner in the 85th minute of the cup final.",
                "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == {("58th", "85th")}


def test_a_count_since_a_past_month_holds_now_and_may_conflict_with_todays() -> None:
    arts = [
        article("a", "Nineteen people in Orlen have died of cholera since the outbreak began "
                     "in mid-February, the health agency said.", "Daily Ledger"),
        article("b", "By May 12, ninety-one people in Orlen had died of cholera since the "
                     "outbreak began, the health agency said.", "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == {("Nineteen", "ninety-one")}


def test_an_earlier_event_in_a_sentence_opening_on_its_year_is_not_the_reported_one() -> None:
    arts = [
        article("a", "Five coaches of the Orlen express left the rails on the Tarnel curve, "
                     "injuring 23 people, police said.", "Daily Ledger"),
        article("b", "Five coaches of the Orlen express left the rails on the Tarnel curve. "
                     "In 2019, four coaches of the Orlen express left the rails on the Tarnel "
                     "curve, injuring 32 people, police said.", "Market Wire"),
    ]
    assert surfaces(cross_check(arts), "conflict", arts) == set()


def test_a_value_restated_of_another_measure_does_not_hide_a_conflict() -> None:
    arts = [
        article("a", "Orvale Stores will cut 1,200 jobs and close 40 shops, the retailer "
                     "said.", "Daily Ledger"),
        article("b", "Orvale Stores will cut 12,000 jobs and close 40 shops, the retailer "
                     "said. It runs 1,200 shops in all.", "Market Wire"),
    ]
    assert ("1,200", "12,000") in surfaces(cross_check(arts), "conflict", arts)
