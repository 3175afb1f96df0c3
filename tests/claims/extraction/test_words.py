"""Figures written in words (claims.extraction.words)."""

from claims.extraction import Document, extract


def read(text: str) -> list[tuple[str, object, str]]:
    return [(f.surface, f.value, f.kind) for f in extract(Document(text))]


def test_vague_quantities_name_their_magnitude() -> None:
    assert read("Thousands of people and dozens of cars") == [
        ("Thousands", 1000, "vague"),
        ("dozens", 12, "vague"),
    ]
    assert read("several thousand troops") == [("several thousand", 1000, "vague")]
    assert read("hundreds of thousands of people") == [("hundreds of thousands", 100_000, "vague")]


def test_fractions_of_a_scale_are_counts() -> None:
    assert read("a quarter of a million people") == [("a quarter of a million", 250_000, "count")]


def test_multipliers_are_factors_unless_counting_events() -> None:
    assert read("sales doubled") == [("doubled", 2, "measure")]
    assert read("costs rose fourfold") == [("fourfold", 4, "measure")]
    assert read("it rose two- or threefold") == [("two- or threefold", (2, 3), "range")]
    assert read("he scored twice") == [("twice", 2, "count")]


def test_ordinal_words_need_a_determiner_and_a_noun() -> None:
    assert read("its fifth increase") == [("fifth", 5, "ordinal")]
    assert read("the third-largest bank") == [("third-largest", 3, "ordinal")]
    assert read("First, we waited.") == []
    assert read("the Third Reich") == []


def test_vague_durations_follow_a_preposition_of_time() -> None:
    assert read("the talks went on for months") == [("months", 2_629_800, "duration")]
    assert read("in recent years") == []


def test_rule_compound_ordinal_words() -> None:
    assert read("the club's thirty-fourth cup run") == [("thirty-fourth", 34, "ordinal")]
    assert read("She placed twenty-second overall.") == [("twenty-second", 22, "ordinal")]
    # "a forty-second advert" lasts forty seconds: no rank
    assert read("a forty-second advert") == [("forty-second", 40, "duration")]


def test_rule_half_of_a_scale_word() -> None:
    assert read("passing the half-million mark") == [("half-million", 500_000, "count")]
    assert read("they shipped a half-billion doses") == [("a half-billion", 500_000_000, "count")]
    assert read("a half-hearted bid") == []


def test_rule_hyphenated_word_range() -> None:
    assert read("repairs take four-five days") == [("four-five days", (345_600, 432_000), "range")]
    assert read("we waited two-three hours") == [("two-three hours", (7200, 10800), "range")]


def test_rule_fraction_word_in_a_compound_adjective_is_no_share() -> None:
    assert read("They hired a third-party auditor.") == []
    assert read("He bought a second-hand van.") == []
    assert read("A third of the votes were void.") == [("A third", 100 / 3, "percent")]


def test_rule_unicode_fraction_alone_is_a_share() -> None:
    [(surface, value, kind)] = read("Roughly ⅔ of the fleet is grounded.")
    assert (surface, kind) == ("⅔", "percent") and abs(value - 200 / 3) < 1e-9  # type: ignore[operator]
    assert read("We sold ¼ of the herd.") == [("¼", 25, "percent")]
    assert read("a ½ mile walk") == []


def test_rule_a_tally_over_games_is_no_proportion() -> None:
    assert read("She has scored seven in 10 this season.") == [
        ("seven", 7, "count"),
        ("10", 10, "count"),
    ]
    assert read("one in five voters") == [("one in five", 20, "percent")]


def test_rule_currency_code_glued_to_its_digits() -> None:
    assert read("The fee rose to RMB9,800.") == [("RMB9,800", 9800, "money")]
    assert read("a grant of Rs3 lakh") == [("Rs3 lakh", 300_000, "money")]
    assert read("They raised INR2.5bn.") == [("INR2.5bn", 2_500_000_000, "money")]
    assert read("Model XRMB12 ships.") == []


def test_rule_hyphenated_and_a_half_before_a_unit() -> None:
    assert read("after a three-and-a-half-hour delay") == [
        ("three-and-a-half-hour", 12_600, "duration")
    ]
    assert read("a 2-and-a-half-year term") == [("2-and-a-half-year", 78_894_000, "duration")]


def test_rule_round_ordinal_words() -> None:
    assert read("the museum's millionth visitor") == [("millionth", 1_000_000, "ordinal")]
    assert read("their seventieth anniversary") == [("seventieth", 70, "ordinal")]
    assert read("a ninety-fourth-minute goal")[0][1:] == (94, "ordinal")


def test_rule_midday_is_noon() -> None:
    assert read("The deadline passed at midday.") == [("midday", 43200, "time")]
    assert read("a midday bulletin") == []


def test_rule_hour_words_with_o_clock() -> None:
    assert read("The bells rang at nine o'clock.") == [("nine o'clock", 32400, "time")]


def test_rule_scores_in_words() -> None:
    assert read("The hosts were beaten four-two.") == [("four-two", (4, 2), "score")]
    assert read("It was two-all at half-time.") == [("two-all", (2, 2), "score")]
    assert read("It stood one-one at half-time.") == [("one-one", (1, 1), "score")]
    assert read("Rovers won three-nil.") == [("three-nil", (3, 0), "score")]


def test_rule_minus_before_a_number_word() -> None:
    assert read("Overnight it fell to minus twelve Celsius.") == [
        ("minus twelve Celsius", -12, "measure")
    ]


def test_rule_half_of_a_measure() -> None:
    assert read("The queue stretched half a mile.") == [("half a mile", 0.5, "measure")]


def test_rule_rank_after_stay_or_remain() -> None:
    assert read("The champions remain sixth.") == [("sixth", 6, "ordinal")]


def test_rule_a_short_span_before_later_or_earlier() -> None:
    assert read("A minute later the lights failed.") == [("A minute", 60, "duration")]
    assert read("An hour earlier the roads were clear.") == [("An hour", 3600, "duration")]


def test_rule_days_ahead_are_a_vague_span() -> None:
    assert read("Talks resume in the coming days.") == [("days", 86_400, "duration")]
    assert read("More rain is due in days to come.") == [("days", 86_400, "duration")]
    assert read("It was ready within days.") == []


def test_rule_a_double_of_goals() -> None:
    assert read("The striker grabbed a late double.") == [("double", 2, "count")]
    assert read("Fares could double next year.") == [("double", 2, "measure")]


def test_rule_cumulative_ordinal_before_a_capitalised_title() -> None:
    assert read("Kenya won their fifth Grand Prix.") == [("fifth", 5, "ordinal")]
    assert read("after the Second World War") == []


def test_rule_slash_fraction_before_of_is_a_share() -> None:
    assert read("Some 3/4 of the crop was lost.") == [("3/4", 75, "percent")]
    assert read("The line runs 24/7 now.") == []


def test_rule_range_of_the_change_after_by_up_or_down() -> None:
    assert read("Yields climbed by 3 to 4 points.") == [("3 to 4", (3, 4), "range")]
    assert read("Sales were down 2 to 3 per cent.") == [("2 to 3 per cent", (2, 3), "range")]
    assert read("Down 4 to 6 per cent, she said.") == [("4 to 6 per cent", (4, 6), "range")]
    # the change and the new level stay two figures
    assert read("Prices rose by 2% to 5%.") == [("2%", 2, "percent"), ("5%", 5, "percent")]
