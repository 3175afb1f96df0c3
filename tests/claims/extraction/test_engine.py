"""Extraction end to end: one sentence in, figures out, per phenomenon."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import EXTRACTOR_VERSION, Document, Figure, extract

PUB = dt.date(2024, 3, 12)


def figs(text: str, published: dt.date | None = PUB) -> list[Figure]:
    found = extract(Document(text, published))
    for f in found:
        assert text[f.start : f.end] == f.surface
    return found


def one(text: str, surface: str) -> Figure:
    matches = [f for f in figs(text) if f.surface == surface]
    assert matches, f"{surface!r} not found in {[f.surface for f in figs(text)]}"
    return matches[0]


def surfaces(text: str) -> list[str]:
    return [f.surface for f in figs(text)]


def test_the_version_is_a_dotted_string() -> None:
    assert EXTRACTOR_VERSION.count(".") == 2


def test_it_reads_counts_with_their_counted_noun() -> None:
    f = one("Rhovan forces lost 1,200 troops.", "1,200")
    assert (f.value, f.unit, f.kind) == (1200, "troop", "count")
    assert one("Officials said 60 people were wounded.", "60").unit == "person"


def test_it_reads_money_with_currencies_and_scales() -> None:
    cases = {
        "a $4.2 billion package": (4_200_000_000, "USD"),
        "the euro slipped to US$1.07": (1.07, "USD"),
        "it set aside €2.5m for housing": (2_500_000, "EUR"),
        "bonds worth €59.5bn": (59_500_000_000, "EUR"),
        "the budget of £82bn": (82_000_000_000, "GBP"),
        "some 3 trillion yen of debt": (3_000_000_000_000, "JPY"),
        "a C$84.3-billion plan": (84_300_000_000, "CAD"),
        "fined ₱5.2 million": (5_200_000, "PHP"),
    }
    for text, (value, unit) in cases.items():
        (f,) = [f for f in figs(text) if f.kind == "money"]
        assert (f.value, f.unit) == (value, unit), text


def test_it_reads_percentages_points_and_basis_points() -> None:
    assert one("Inflation was 3.8% in January.", "3.8%").value == 3.8
    assert one("a jobless rate of 6.1 per cent", "6.1 per cent").unit == "percent"
    f = one("raised rates by 0.25 percentage points", "0.25 percentage points")
    assert (f.value, f.unit, f.kind) == (0.25, "percentage_point", "percent")
    assert one("by 25 basis points", "25 basis points").unit == "basis_point"
    assert one("another quarter-point move", "quarter-point").value == 0.25


def test_it_reads_fractions_as_percent() -> None:
    assert one("half of the city", "half").value == 50
    assert one("about two-thirds of buildings", "two-thirds").value == pytest.approx(66.6666667)
    assert one("only about a third of it", "a third").value == pytest.approx(33.3333333)
    assert one("one in five voters", "one in five").value == 20


def test_it_reads_number_words() -> None:
    assert one("Seven of the nine members backed it.", "Seven").value == 7
    assert one("a dozen classrooms", "a dozen").value == 12
    assert one("fly two dozen missions", "two dozen").value == 24
    assert one("treated half a dozen people", "half a dozen").value == 6
    assert one("eight thousand residents fled", "eight thousand").value == 8000


def test_it_reads_ranges_as_pairs() -> None:
    f = one("between 8,000 and 10,000 troops", "8,000 and 10,000")
    assert (f.value, f.kind, f.unit) == ((8000, 10000), "range", "troop")
    assert one("from 8,000 to 10,000 soldiers", "8,000 to 10,000").value == (8000, 10000)
    assert one("rates of 10-12% were seen", "10-12%").value == (10, 12)
    assert one("a $61-63 billion deal", "$61-63 billion").value == (61e9, 63e9)
    assert one("10 to 12 launches a year", "10 to 12").unit == "launch/year"


def test_a_change_from_one_value_to_another_is_two_figures() -> None:
    assert surfaces("Repayments have risen from €870 to €1,140.") == ["€870", "€1,140"]
    assert surfaces("raised its rate by 0.25 percentage points to 4.5%") == [
        "0.25 percentage points",
        "4.5%",
    ]


def test_it_reads_hedges_and_bounds_outside_the_span() -> None:
    f = one("roughly 1,000 kilometres", "1,000 kilometres")
    assert (f.approx, f.qualifier, f.unit) == (True, "roughly", "km")
    f = one("more than 60 people", "60")
    assert (f.approx, f.qualifier) == (True, "more than")
    f = one("only about a third", "a third")
    assert f.approx
    f = one("just 500 residents", "500")
    assert (f.approx, f.qualifier) == (False, "just")


def test_it_reads_rates() -> None:
    f = one("suffering 1,200 casualties a day", "1,200")
    assert (f.kind, f.unit) == ("rate", "casualty/day")
    assert one("12,000 casualties daily", "12,000").unit == "casualty/day"
    assert one("a top speed of 3,900 km/h", "3,900 km/h").unit == "km/h"
    assert one("hit roughly 2,400 mph", "2,400 mph").kind == "rate"
    assert one("sonic booms up to twice a week", "twice").unit == "time/week"
    assert one("270 per 100,000 people", "270 per 100,000").unit == "count/100k_person"


def test_it_reads_measures() -> None:
    assert one("a 450 kg package", "450 kg").unit == "kg"
    assert one("temperatures of up to 1,650C", "1,650C").unit == "degC"
    assert one("a payload of nearly 1,000 pounds", "1,000 pounds").unit == "lb"
    assert one("about 63 miles", "63 miles").unit == "mi"
    assert one("an earthquake of magnitude 6.8", "6.8").unit == "Mw"
    assert one("minus 3C overnight", "minus 3C").value == -3


def test_it_reads_multipliers() -> None:
    f = one("almost twice the bank's target", "twice")
    assert (f.value, f.unit, f.kind) == (2, "times", "measure")
    assert one("insolvencies tripled over the year", "tripled").value == 3
    assert one("hit four times since", "four").unit == "time"


def test_it_reads_durations_in_seconds() -> None:
    assert one("a flight of one hour and 36 minutes", "one hour and 36 minutes").value == 5760
    assert one("the 86-minute flight", "86-minute").value == 5160
    assert one("over the next two years", "two years").value == 63_115_200
    assert one("within a month", "a month").value == 2_629_800
    assert one("a nine-hour journey", "nine-hour").value == 32400
    assert one("finished in 2:02:41", "2:02:41").value == 7361


def test_it_reads_times_of_day() -> None:
    assert one("lifted off at 7:11 am", "7:11 am").value == 25860
    assert one("landed at 8:37 a.m.", "8:37 a.m.").value == 31020
    f = one("at 14:30 GMT", "14:30 GMT")
    assert (f.value, f.unit) == (52200, "GMT")
    assert one("before 9 o'clock", "9 o'clock").value == 32400


def test_it_reads_dates_against_the_publication_date() -> None:
    assert one("on March 11, the minister", "March 11").value == "2024-03-11"
    assert one("pledged on Feb. 3, 2023", "Feb. 3, 2023").value == "2023-02-03"
    assert one("in December 2023", "December 2023").value == "2023-12"
    assert one("on 28 October 2024", "28 October 2024").value == "2024-10-28"
    assert one("since late February", "late February").approx
    assert one("sales fell last year", "last year").value == "2023"
    assert one("it was founded nine years ago", "nine years ago").value == "2015"


def test_it_reads_years_ordinals_ages_scores_and_vague_quantities() -> None:
    assert one("since it was founded in 2015", "2015").value == "2015"
    assert one("its 12th flight", "12th").value == 12
    assert one("the third-largest department", "third-largest").unit == "rank"
    assert one("a 58-year-old nurse", "58-year-old").value == 58
    assert one("Harriet Shaw, 68, said", "68").kind == "age"
    assert one("Arsenal won 3-1 on Saturday", "3-1").value == (3, 1)
    f = one("Thousands of spectators lined the beach", "Thousands")
    assert (f.value, f.kind, f.approx) == (1000, "vague", True)
    assert one("tens of thousands of people", "tens of thousands").value == 10000


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 Max was grounded.",
        "COVID-19 spread quickly.",
        "Windows 11 is out.",
        "Apollo 11 landed.",
        "He lives at 10 Downing Street.",
        "The FTSE 100 fell.",
        "Article 5 was invoked.",
        "The road, Highway 9, was hit.",
        "Units of the 93rd Mechanised Brigade fought.",
        "The F-16 jets arrived.",
        "Call the hotline on 0800 161 2214 now.",
        "Trains leave from Platform 2.",
        "Emissions of CO2 fell.",
        "See www.example.com/page/12 for more.",
        "One moment I was reading.",
        "It is one of the largest.",
    ],
)
def test_names_identifiers_and_idioms_are_not_figures(text: str) -> None:
    assert figs(text) == []


def test_superscripts_and_footnote_markers_are_not_figures() -> None:
    assert surfaces("The area is 40 km² in size.[3]") == ["40 km²"]
    assert surfaces("as reported.² The end") == []


def test_arabic_separators_and_percent_sign_are_read_with_the_original_surface() -> None:
    percent = one("Prices rose ١٢٫٥٪ last year.", "١٢٫٥٪")
    assert (percent.value, percent.kind) == (12.5, "percent")
    assert one("Officials counted ١٬٢٣٤ people.", "١٬٢٣٤").value == 1234


def test_overflowing_values_are_flagged_not_infinite() -> None:
    (f,) = figs("a debt of " + "1" + "0" * 400 + " dollars")
    assert f.overflow and f.value == 0


def test_figures_are_sorted_and_carry_their_sentence() -> None:
    text = "Some 5 apples fell. Then 7 pears."
    found = figs(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert text[found[1].sentence_start : found[1].sentence_end] == "Then 7 pears."


def test_it_reads_british_millions_and_pence() -> None:
    assert one("About 1.5m people live there.", "1.5m").value == 1_500_000
    assert one("a 2.5m-high wall", "2.5m").unit == "m"
    petrol = one("Petrol costs 145.2p a litre.", "145.2p")
    assert (petrol.value, petrol.unit) == (1.452, "GBP/litre")  # pence in pounds (ISO codes)


def test_it_reads_proportions_written_with_digits() -> None:
    assert one("traces in 3 out of 4 samples", "3 out of 4").value == 75
    assert one("Nearly 9 in 10 voters agreed.", "9 in 10").value == 90


def test_a_third_before_a_noun_is_an_ordinal() -> None:
    f = one("rates held for a third consecutive meeting", "third")
    assert (f.value, f.kind) == (3, "ordinal")
    assert one("payments had gone up by a third.", "a third").kind == "percent"


def test_one_counts_only_when_it_counts_something() -> None:
    assert surfaces("One person was killed.") == ["One"]
    assert surfaces("One day, she said, it would end.") == []
    assert surfaces("It was one of the worst.") == []
    assert one("at least one more rise", "one").approx


def test_it_reads_iso_dates_year_spans_and_vague_durations() -> None:
    assert one("published on 2024-03-02.", "2024-03-02").value == "2024-03-02"
    assert one("interest costs in 2024-25 rose", "2024-25").value == ("2024", "2025")
    assert one("Talks dragged on for months.", "months").value == 2_629_800
    assert one("prices will peak by mid-2030", "mid-2030").approx
    assert one("the trial could last six to eight weeks", "six to eight weeks").value == (
        3_628_800,
        4_838_400,
    )


def test_scores_after_team_names_and_level_scores() -> None:
    assert one("Chelsea beat Liverpool 2-1 on Sunday.", "2-1").value == (2, 1)
    assert one("The match ended 2-2.", "2-2").kind == "score"


def test_groups_of_three_separated_by_spaces_are_one_number_not_a_phone() -> None:
    assert one("a population of 1 250 000 people", "1 250 000").value == 1_250_000
    assert one("It cost 10 000 dollars.", "10 000 dollars").value == 10_000
    assert figs("Call 0 800 500 225 now") == []
    assert surfaces("On June 14 300 passengers boarded.") == ["June 14", "300"]


def test_telephone_helpline_and_train_numbers_are_not_figures() -> None:
    assert figs("Relatives may ring 040-23456789 or 040- 23456790/ 23456791.") == []
    assert figs("The desk answers on (031) 4455 6677 and 07712 345678 all night.") == []
    assert figs("Mobiles: 9876543210 / 8765432109; landline 08912345678.") == []
    assert figs("Dial the free helpline 1098 or the hotline 112.") == []
    text = "The Lakeside Express (14520) hit the 16235 UP Valley Mail; 38 people were hurt."
    assert surfaces(text) == ["38"]
    # numbers that only look alike stay figures
    assert surfaces("About 13579 voters and 0.5% of 100000 homes, at 0430 GMT.") == [
        "13579",
        "0.5%",
        "100000",
        "0430 GMT",
    ]


def test_lakh_crore_and_bln_scale_the_number() -> None:
    found = figs("The state set aside ₹25 lakh for each village and Rs 3 lakh for each school.")
    assert [(f.value, f.unit) for f in found] == [(2_500_000, "INR"), (300_000, "INR")]
    assert one("a budget of 4.5 crore rupees", "4.5 crore rupees").value == 45_000_000
    assert one("nearly two lakh pilgrims", "two lakh").value == 200_000
    assert one("The deal is worth $1.2 bln.", "$1.2 bln").value == 1_200_000_000


def test_a_change_word_further_back_leaves_a_span_a_range() -> None:
    assert surfaces("They expect a surge of 3 to 5 metres along the coast.") == ["3 to 5 metres"]
    text = "Costs went up, to a band of £20 million to £25 million."
    assert [f.value for f in figs(text)] == [(20_000_000, 25_000_000)]
    # the ends of a change stay two figures
    assert surfaces("The rate rose from 3% to 5%.") == ["3%", "5%"]
    assert surfaces("Profit fell 12% to £3.4m.") == ["12%", "£3.4m"]


def test_k_after_a_number_is_thousands_except_for_a_race() -> None:
    found = figs("The plant built 42.5k trucks and has orders for 300k more.")
    assert [f.value for f in found] == [42_500, 300_000]
    assert one("Some 30k fans came.", "30k").value == 30_000
    assert figs("She ran the 10k race and then a 5k.") == []


def test_the_tail_of_a_number_is_never_a_number_of_its_own() -> None:
    # the tail of a number after a code glued to its digits must not read as 0; a
    # currency code glued to the digits is read as money ("CNY8,500")
    assert [f.surface for f in figs("Fares start at CNY8,500 this year.")] == [
        "CNY8,500",
        "this year",
    ]
    assert [f.surface for f in figs("Part XJ8,500 fits.")] == []
    assert one("Tickets cost RMB 4,200.", "RMB 4,200").unit == "CNY"


def test_two_times_of_day_joined_by_to_are_one_range() -> None:
    found = figs("The library is open from 8am to 10pm on weekdays.")
    assert [(f.surface, f.value, f.kind) for f in found] == [
        ("8am to 10pm", (8 * 3600, 22 * 3600), "range")
    ]
    assert one("Food parcels go out from 9 to 11am.", "9 to 11am").value == (9 * 3600, 11 * 3600)
    assert one("Pickets stood there 06:30-15:00 GMT.", "06:30-15:00 GMT").unit == "GMT"
    # a count and a time stay apart
    assert surfaces("From 10 to 12 people came at 3pm.") == ["10 to 12", "3pm"]


def test_two_months_joined_by_to_or_a_dash_are_one_range() -> None:
    sept = dt.date(2026, 9, 1)

    def value(text: str, surface: str):
        found = [f.value for f in figs(text, sept) if f.surface == surface]
        assert found, [f.surface for f in figs(text, sept)]
        return found[0]

    assert value("Roadworks closed it from April to June.", "April to June") == (
        "2026-04",
        "2026-06",
    )
    assert value("Feb-Jul exports fell.", "Feb-Jul") == ("2026-02", "2026-07")
    text = "Hiring from October 2024 through May 2025 was revised."
    assert value(text, "October 2024 through May 2025") == ("2024-10", "2025-05")
    assert value("Storms ran November to February.", "November to February") == (
        "2026-11",
        "2027-02",
    )
    assert value("It runs June to August 2027.", "June to August 2027") == ("2027-06", "2027-08")


def test_a_period_ordinal_joined_by_a_hyphen_or_fiscal_is_an_ordinal() -> None:
    assert [(f.surface, f.value) for f in figs("Third-quarter profit beat forecasts.")] == [
        ("Third", 3)
    ]
    assert one("Its second-half sales rose.", "second").kind == "ordinal"
    assert one("in its first fiscal quarter", "first").value == 1
    assert figs("She bought a second-hand van for first-year pupils.") == []


def test_a_bare_month_takes_the_year_its_tense_suggests() -> None:
    october = dt.date(2024, 10, 25)
    assert [f.value for f in figs("shares lost a third since March", october)][-1] == "2024-03"
    assert [f.value for f in figs("a four-day week from Jan. 6", october)][-1] == "2025-01-06"


def test_a_rank_can_stand_after_a_verb() -> None:
    assert one("moving up to second in Group F", "second").value == 2
    assert one("United are now fourth, 11 points behind", "fourth").kind == "ordinal"
    assert surfaces("It was the second time.") == []


def test_an_m_after_millions_in_the_same_clause_is_millions() -> None:
    assert one("Sales fell to 2.1m units from 2.4m.", "2.4m").value == 2_400_000


def test_the_counted_noun_skips_more_and_possessives() -> None:
    assert one("two more rate cuts", "two").unit == "cut"
    assert one("five of the train's eight carriages", "five").unit == "carriage"
    assert one("Dozens of houses burned", "Dozens").unit == "house"


def test_season_years_and_pc_percentages() -> None:
    assert one("in the 2024/25 season", "2024/25").value == ("2024", "2025")
    assert one("growth of 5pc last year", "5pc").unit == "percent"
    assert figs("a 24/7 service") == []


SEPARATORS = {"comma": ",", "nbsp": "\u00a0", "thin": "\u2009", "narrow": "\u202f"}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(sorted(SEPARATORS)))
def test_any_integer_written_with_separators_reads_back(n: int, sep: str) -> None:
    written = f"{n:,}".replace(",", SEPARATORS[sep])
    found = [f for f in figs(f"Officials counted {written} ballots.") if f.kind == "count"]
    assert [f.value for f in found] == [n]


@given(
    st.decimals(min_value="0.1", max_value="999.9", places=1),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(["$", "€", "£", ""]),
)
def test_any_scaled_amount_reads_back(amount: object, scale: str, currency: str) -> None:
    sep = "" if scale == "bn" else " "
    text = f"The plan costs {currency}{amount}{sep}{scale} in total."
    expected = float(str(amount)) * SCALES[scale]
    (f,) = figs(text)
    assert isinstance(f.value, (int, float))
    assert f.value == pytest.approx(expected, rel=1e-12)


def test_page_chrome_is_not_a_figure() -> None:
    text = (
        "Updated 14:32 GMT, 12 March 2024\nBy Jo Berry | 5 min read\n\n"
        "By 2030, emissions will fall 40%.\n© 2024 Harbour Times"
    )
    assert surfaces(text) == ["2030", "40%"]
