from claims.extraction.units import DURATION_UNITS, singular


def test_it_singularises_counted_nouns() -> None:
    assert singular("casualties") == "casualty"
    assert singular("troops") == "troop"
    assert singular("people") == "person"
    assert singular("buses") == "bus"
    assert singular("churches") == "church"
    assert singular("series") == "series"


def test_durations_use_julian_months_and_years() -> None:
    assert DURATION_UNITS["year"] == 31_557_600
    assert DURATION_UNITS["month"] == 2_629_800
    assert DURATION_UNITS["week"] == 604_800


def _read(text: str) -> list[tuple[str, object, str, str]]:
    from claims.extraction import Document, extract

    return [(f.surface, f.value, f.unit, f.kind) for f in extract(Document(text))]


def test_rule_pence_and_cents_are_stored_in_the_main_currency() -> None:
    assert _read("A loaf now costs 147p.") == [("147p", 1.47, "GBP", "money")]
    # in a sentence about shares: a price or earnings per share
    assert _read("The stock ended at 247p.") == [("247p", 2.47, "GBP/share", "rate")]
    assert _read("A stamp costs 85 cents.") == [("85 cents", 0.85, "USD", "money")]


def test_rule_compound_money_with_its_minor_unit() -> None:
    assert _read("A pint was £4 and 20p.") == [("£4 and 20p", 4.2, "GBP", "money")]
    assert _read("The fare is $2 and 75 cents.") == [("$2 and 75 cents", 2.75, "USD", "money")]


def test_rule_currency_symbol_after_the_number() -> None:
    assert _read("Entry costs 12 € per head.")[0][1:] == (12, "EUR/head", "rate")
    assert _read("A bag cost 250₹.") == [("250₹", 250, "INR", "money")]


def test_rule_feet_and_inches_are_one_measure() -> None:
    assert _read("The lock is 5ft 9in wide.") == [("5ft 9in", 5.75, "ft", "measure")]
    assert _read("The keeper stands 6 feet 3 inches.") == [
        ("6 feet 3 inches", 6.25, "ft", "measure")
    ]
    assert _read("She is 5'6\" tall.") == [("5'6\"", 5.5, "ft", "measure")]


def test_rule_stones_and_pounds_are_one_measure() -> None:
    assert _read("He now weighs 15st 7lb.") == [("15st 7lb", 15.5, "st", "measure")]
    assert _read("She came 21st of 40.")[0][1:] == (21, "rank", "ordinal")


def test_rule_a_degree_sign_after_a_space_is_the_unit() -> None:
    assert _read("It reached 104 °F inland.") == [("104 °F", 104, "degF", "measure")]
