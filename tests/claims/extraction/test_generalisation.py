"""Rules added against a second, self-written news set (bench/eval/news-extra): each with
new sentences of its own, none taken from an evaluation set."""

import datetime as dt

from claims.extraction import Document, Figure, engine, extract

THU = dt.date(2025, 7, 24)  # a Thursday


def figs(text: str, published: dt.date | None = THU) -> list[Figure]:
    found = extract(Document(text, published))
    for f in found:
        assert text[f.start : f.end] == f.surface
    return found


def one(text: str, surface: str, published: dt.date | None = THU) -> Figure:
    matches = [f for f in figs(text, published) if f.surface == surface]
    assert matches, f"{surface!r} not found in {[f.surface for f in figs(text, published)]}"
    return matches[0]


def day(text: str, surface: str, published: dt.date | None = THU) -> Figure:
    """A weekday or "yesterday" as the engine reads it: ``extract`` then leaves it out
    and gives its clause's figures the time (test_times)."""
    matches = [f for f in engine.extract(Document(text, published)) if f.surface == surface]
    assert matches, f"{surface!r} not read"
    return matches[0]


def surfaces(text: str) -> list[str]:
    return [f.surface for f in figs(text)]


def test_a_month_name_ending_its_sentence_is_a_date() -> None:
    f = one("The ferry service resumes at the end of June.", "the end of June")
    assert f.value == "2025-06"
    assert one("Snow fell on the pass in early May.", "early May").value == "2025-05"
    assert one("The bridge has been shut since May.", "May").value == "2025-05"


def test_as_recently_as_a_month_is_a_date_but_the_verb_may_is_not() -> None:
    assert one("Ice was seen on the lake as recently as May.", "May").value == "2025-05"
    assert surfaces("Walkers may see deer. May I say so? Such as May.") == []


def test_a_four_digit_clock_time_with_a_leading_zero_and_a_zone() -> None:
    f = one("The convoy crossed the border at 0545 GMT on Monday.", "0545 GMT")
    assert (f.value, f.unit, f.kind) == (5 * 3600 + 45 * 60, "GMT", "time")
    assert one("Trading halts at about 0930 UTC.", "0930 UTC").value == 9.5 * 3600
    assert all(f.kind != "time" for f in figs("Room 0545 is on the left."))


def test_a_weekday_in_a_clause_about_the_future_is_the_coming_one() -> None:
    # published on a Thursday: the coming Monday is four days later
    assert day("The new ward will open on Monday.", "Monday").value == "2025-07-28"
    assert day("The curfew stays in force until dawn on Saturday.", "Saturday").value == (
        "2025-07-26"
    )
    assert day("The ban ends at 6am on Sunday.", "Sunday").value == "2025-07-27"
    # past or reported speech keeps the last such day
    assert day("The ward opened on Monday.", "Monday").value == "2025-07-21"
    assert day("The mayor said on Tuesday that the ward will open.", "Tuesday").value == (
        "2025-07-22"
    )


def test_plus_or_minus_is_a_margin_not_a_negative_number() -> None:
    f = one(
        "The survey has a margin of error of plus or minus 3.1 percentage points.",
        "3.1 percentage points",
    )
    assert f.value == 3.1 and f.qualifier == "plus or minus"
    assert one("Overnight it fell to minus 7C.", "minus 7C").value == -7


def test_a_hyphenated_range_after_a_verb_of_change_is_still_a_range() -> None:
    assert one("Fares will be cut by 10-15% in the spring.", "10-15%").value == (10, 15)
    assert one("Exports grew 4-6 per cent last year.", "4-6 per cent").value == (4, 6)
    # "from X to Y" after a verb of change stays two figures
    assert "120 to 240" not in surfaces("Sales rose from 120 to 240.")


def test_noon_and_midnight_after_a_preposition_are_times() -> None:
    f = one("Shops must close between noon and 4pm.", "noon")
    assert (f.value, f.kind, f.unit) == (43200, "time", "local")
    assert one("The count should finish around midnight.", "midnight").value == 0
    assert surfaces("The midnight deadline passed. Midnight Sun is a film.") == []


def test_a_rank_after_a_verb_with_an_object_pronoun() -> None:
    f = one("The draw leaves them ninth in the standings.", "ninth")
    assert (f.value, f.kind) == (9, "ordinal")


def test_a_period_ordinal_after_fiscal() -> None:
    f = one("Sales in its fiscal second quarter beat forecasts.", "second")
    assert (f.value, f.kind) == (2, "ordinal")


def test_storage_units_attached_to_the_number() -> None:
    f = one("The phone ships with 256GB of storage and a 2TB cloud plan.", "256GB")
    assert (f.value, f.unit, f.kind) == (256, "GB", "measure")
    assert one("The archive holds 40 petabytes.", "40 petabytes").unit == "PB"


def test_points_near_a_poll_are_percentage_points() -> None:
    f = one("The Greens are on 31%, six points ahead, a new poll shows.", "six points")
    assert (f.value, f.unit, f.kind) == (6, "percentage_point", "percent")
    f = one("The survey's margin of error is 2 points.", "2 points")
    assert f.kind == "percent"
    # a league table's points are counted points
    g = one("City are eight points clear at the top of the poll-free league.", "eight")
    assert g.kind == "count"


def test_second_as_a_rank_after_the_and_before_a_noun_or_to() -> None:
    assert one("It was the second recall of the model this year.", "second").value == 2
    assert one("Ilsa is the second to reach the coast since June.", "second").kind == "ordinal"
    assert one("She lost the second set.", "second").value == 2
    assert surfaces("Wait a second. The second hand stopped.") == []


def test_a_world_ranking_number_is_an_ordinal() -> None:
    f = one("The world number 31 reached the semi-final.", "31")
    assert (f.value, f.kind) == (31, "ordinal")
    assert "9" not in surfaces("He wore the No 9 shirt.")


def test_hours_written_hr_and_minutes_min_chain_into_one_duration() -> None:
    assert one("The final lasted 3hr 12min.", "3hr 12min").value == 3 * 3600 + 12 * 60


def test_a_date_after_according_to_is_not_the_source() -> None:
    text = (
        "Sales fell 3%, according to figures released by the national statistics office on March 3."
    )
    assert one(text, "3%").attributed_to == "the national statistics office"
    assert one("Rents rose 4%, according to the Housing Office.", "4%").attributed_to == (
        "the Housing Office"
    )


def test_a_year_earlier_is_the_year_before() -> None:
    f = one("Bookings reached 4.1 million, up from 3.6 million a year earlier.", "a year earlier")
    assert (f.value, f.kind) == ("2024", "date")
    assert "a year before" not in surfaces("The talks began a year before the vote.")


def test_halved_is_a_multiplier() -> None:
    f = one("Waiting lists have halved since the new clinic opened.", "halved")
    assert (f.value, f.unit, f.kind) == (0.5, "times", "measure")


def test_tens_of_billions_is_vague() -> None:
    f = one("The firm will invest tens of billions in new plants.", "tens of billions")
    assert (f.value, f.kind) == (10_000_000_000, "vague")


def test_a_dozen_after_a_price_is_what_the_price_buys() -> None:
    assert surfaces("Free-range eggs now sell for £3.40 a dozen.") == ["£3.40"]
    assert one("A dozen ambulances were sent.", "A dozen").value == 12


def test_more_identifiers_that_are_not_figures() -> None:
    assert surfaces("For help call +1 (555) 010-4477 today.") == []
    assert surfaces("It breaches Section 4(2) of the Act.") == []
    assert surfaces("Savers moved money out of 401(k) plans.") == []
    assert surfaces("The new iPhone 17 and iPad 11 went on sale.") == []
    assert surfaces("In an emergency, dial 999.") == []
    assert surfaces("She bought milk at 7-Eleven.") == []
    # a count after "called" stays a count
    assert one("The chief called 300 officers back to work.", "300").value == 300


def test_the_first_number_of_from_to_takes_the_unit_and_scale_written_after_the_second() -> None:
    f = one("Use per tonne rose from 1,500 to 2,100 kilowatt hours.", "1,500")
    assert (f.value, f.unit, f.kind) == (1500, "kWh", "measure")
    assert one("Mortgage rates went from 4 to 6 per cent.", "4").kind == "percent"
    assert one("Revenue grew from $2.1 to $2.6 billion.", "$2.1").value == 2_100_000_000
    assert one("Members rose from 1.1 to 1.4 million.", "1.1").value == 1_100_000


def test_an_age_after_turned_or_now_with_a_birth_year() -> None:
    f = one("Olsen turned 50 in March.", "50")
    assert (f.value, f.kind) == (50, "age")
    assert one("Born in 1971, Olsen is now 53 and still racing.", "53").kind == "age"
    assert one("The index is now 61.", "61").kind == "count"
    assert one("The shelter turned 12 families away.", "12").kind == "count"


def test_weekdays_after_by_until_from_look_ahead_and_since_looks_back() -> None:
    # published on Thursday 24 July 2025
    assert day("Showers are expected by Saturday.", "Saturday").value == "2025-07-26"
    assert day("The road is shut until Monday.", "Monday").value == "2025-07-28"
    assert day("He has been missing since Monday.", "Monday").value == "2025-07-21"
    assert day("The fair ran until Sunday.", "Sunday").value == "2025-07-20"


def test_both_ends_of_from_to_dates_take_the_same_year() -> None:
    found = figs("The festival runs from June 14 to July 14.", dt.date(2025, 11, 20))
    years = {str(f.value)[:4] for f in found if f.kind == "date"}
    assert len(years) == 1


def test_points_after_a_share_are_percentage_points_but_index_points_are_not() -> None:
    f = one("Turnout was 64.2pc, up 2.7 points on the last vote.", "2.7 points")
    assert (f.unit, f.kind) == ("percentage_point", "percent")
    assert one("The Dow fell 1.1%, or 420 points.", "420").kind == "count"


def test_an_m_after_a_counted_subject_is_millions() -> None:
    assert one("Ticket sales passed 2m on Friday.", "2m").value == 2_000_000
    assert one("The fence is 2m high.", "2m").unit == "m"
    assert one("Fans stood 2m apart.", "2m").unit == "m"


def test_a_possessive_weekday_is_the_last_such_day() -> None:
    assert day("Results of Sunday's vote came in.", "Sunday").value == "2025-07-20"


# ---- rules added against a third self-written set (bench/eval/news-fresh)


def test_power_notation_is_one_figure() -> None:
    f = one("The beam travels at nearly 3 × 10⁸ metres per second.", "3 × 10⁸ metres per second")
    assert (f.value, f.kind) == (300_000_000, "rate")
    assert one("The lake holds about 2.5 x 10^9 litres.", "2.5 x 10^9 litres").value == 2.5e9
    assert one("The archive lists 4.2e5 photographs.", "4.2e5").value == 420_000
    assert one("Dust grains measure 10⁻⁶ metres across.", "10⁻⁶ metres").value == 1e-6
    huge = one("The tally reached 10^500 in the model.", "10^500")
    assert huge.overflow
    # no power after the number: as before
    assert surfaces("Relay teams ran the 4x100m final.") == []


def test_a_clock_time_past_any_year_with_a_zone() -> None:
    f = one("Power came back at 2240 GMT on the island.", "2240 GMT")
    assert (f.value, f.kind, f.unit) == (22 * 3600 + 40 * 60, "time", "GMT")
    assert all(f.kind != "time" for f in figs("The 2240 houses were sold."))


def test_seasons_after_a_preposition_are_the_year_of_that_season() -> None:
    nov = dt.date(2025, 11, 12)
    f = one("Ferry use is up since last summer.", "last summer", nov)
    assert (f.value, f.kind, f.approx) == ("2025", "date", True)
    # in July, last summer is the year before; a possessive dates a figure too
    assert one("Sales beat last summer's record.", "last summer").value == "2024"
    assert one("Last winter the river froze twice.", "Last winter", nov).value == "2025"
    assert one("Prices fell over last spring.", "last spring", dt.date(2025, 3, 2)).value == (
        "2024"
    )
    # an event dated by a bare season: not a figure
    assert surfaces("The regiment fought there last autumn.") == []


def test_yesterday_and_a_bare_fortnight() -> None:
    assert day("The court ruled yesterday.", "yesterday").value == "2025-07-23"
    f = one("Rain fell on most days of the past fortnight.", "fortnight")
    assert (f.value, f.kind) == (1_209_600, "duration")
    assert surfaces("The fortnightly market opened.") == []


def test_fiscal_periods_q_h_and_fy() -> None:
    f = one("Orders jumped in Q2 2024 at the mill.", "Q2")
    assert (f.value, f.kind) == (2, "ordinal")
    assert one("Orders jumped in Q2 2024 at the mill.", "2024").kind == "year"
    assert one("Margins narrowed in H2, the board said.", "H2").value == 2
    assert one("The grant runs out in FY2027.", "FY2027").value == "2027"
    assert one("Guidance for FY26 was cut.", "FY26").value == "2026"
    assert surfaces("Hospitals saw H5N1 cases. The Q9 chip and H2O.") == []


def test_a_quarter_or_half_of_a_point_is_percentage_points() -> None:
    f = one("Lenders raised rates by a quarter of a point on Friday.", "a quarter of a point")
    assert (f.value, f.unit) == (0.25, "percentage_point")
    assert one("Yields fell half a percentage point.", "half a percentage point").value == 0.5


def test_half_of_a_year_is_a_period_not_a_share() -> None:
    assert surfaces("Output dipped in the same half of 2023.") == ["2023"]
    assert surfaces("Exports slowed in the latter half of the year.") == []
    assert one("Exports fell by half in March.", "half").value == 50


def test_a_span_of_time_after_for_or_another_is_a_range() -> None:
    f = one("Repairs could slow traffic for another 6 to 9 months.", "6 to 9 months")
    assert f.value == (6 * 2_629_800, 9 * 2_629_800)


def test_the_size_of_a_top_list_is_not_a_figure() -> None:
    assert surfaces("Four of the top 20 clubs were fined.") == ["Four"]
    assert one("The top 5% of earners pay more.", "5%").value == 5
    assert one("They walked to a bus stop 300 metres away.", "300 metres").value == 300


def test_second_before_an_adjective_and_noun_is_an_ordinal() -> None:
    f = one("It is the second serious flood in the valley since 2019.", "second")
    assert (f.value, f.kind) == (2, "ordinal")


def test_a_year_earlier_after_a_month_in_the_publication_year() -> None:
    nov = dt.date(2025, 11, 12)
    text = "Fares rose in 2024, but bookings in the year to August were down on a year earlier."
    assert one(text, "a year earlier", nov).value == "2024"
    text = "Profit was $8m in 2022, up from $6m a year earlier."
    assert one(text, "a year earlier", nov).value == "2021"


def test_fifty_fifty_is_even_odds() -> None:
    f = one("Engineers give the repair a 50-50 chance of working.", "50-50")
    assert (f.value, f.kind) == (50, "percent")
    assert one("The sides drew 50-50 in the final.", "50-50").kind == "score"


def test_an_age_said_as_a_state_of_a_person() -> None:
    f = one('"Mira will get better," the coach said. "She\'s 19."', "19")
    assert (f.kind, f.unit) == ("age", "year")
    assert one("The mayor, who is 58, opened the bridge.", "58").kind == "age"
    # not a count of something after the number, nor a state of a thing
    assert one("He is 3 points clear of Orlen.", "3").kind == "count"
    assert one("Their share of the vote is 40.", "40").kind != "age"
