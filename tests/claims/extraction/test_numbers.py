import math

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction.numbers import apply_scale, parse_digits, read_number_words, to_number


def test_it_reads_digits_with_thousands_separators_and_decimals() -> None:
    assert parse_digits("1,200") == (1200, False)
    assert parse_digits("4.5") == (4.5, False)
    assert parse_digits("12,000,000") == (12_000_000, False)


def test_it_reads_unicode_separators_minus_and_digits() -> None:
    assert parse_digits("12\u00a0000") == (12000, False)
    assert parse_digits("12\u2009000") == (12000, False)
    assert parse_digits("\u22123") == (-3, False)
    assert parse_digits("٣٤") == (34, False)


def test_it_rejects_malformed_digit_strings() -> None:
    assert parse_digits("1,20") is None
    assert parse_digits("1.2.3") is None
    assert parse_digits("") is None
    assert parse_digits(",") is None


def test_it_flags_numbers_too_large_for_a_float() -> None:
    assert parse_digits("1" + "0" * 400) == (0, True)
    value, overflow = apply_scale(1e300, 10**12)
    assert overflow and value == 0
    assert to_number(float("inf")) == (0, True)
    assert to_number(float("nan")) == (0, True)


def test_it_reads_number_words() -> None:
    assert read_number_words("eight thousand troops", 0) == (14, 8000)
    assert read_number_words("twenty-five", 0) == (11, 25)
    assert read_number_words("two hundred and fifty thousand", 0) == (30, 250_000)
    assert read_number_words("a hundred", 0) == (9, 100)
    assert read_number_words("one million", 0) == (11, 1_000_000)


def test_it_stops_number_words_at_a_list() -> None:
    assert read_number_words("two and three", 0) == (3, 2)
    assert read_number_words("dozen", 0) is None


def test_it_scales_without_float_noise() -> None:
    assert apply_scale(59.5, 10**9) == (59_500_000_000, False)
    assert apply_scale(4.2, 10**9) == (4_200_000_000, False)


@given(st.integers(min_value=0, max_value=10**15))
def test_any_integer_with_separators_parses_back_to_itself(n: int) -> None:
    assert parse_digits(f"{n:,}") == (n, False)
    assert parse_digits(f"{n:,}".replace(",", "\u00a0")) == (n, False)
    assert parse_digits(str(n)) == (n, False)


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_any_decimal_parses_back_to_itself(d: object) -> None:
    text = f"{d:,.3f}"
    parsed = parse_digits(text)
    assert parsed is not None
    assert math.isclose(float(parsed[0]), float(str(d)), rel_tol=1e-12, abs_tol=1e-9)


@given(st.integers(min_value=0, max_value=10**20))
def test_plain_digits_parse_as_to_number_reads_them(n: int) -> None:
    # parse_digits skips to_number for up to 15 digits: the value must be the same
    assert parse_digits(str(n)) == to_number(n)


def test_rule_indian_digit_grouping() -> None:
    assert parse_digits("1,92,000") == (192_000, False)
    assert parse_digits("12,34,567") == (1_234_567, False)
    assert parse_digits("3,45,00,000") == (34_500_000, False)


def test_rule_lakh_crore_and_thousand_crore() -> None:
    from claims.extraction import Document, extract

    [f] = extract(Document("The outlay is ₹2.4 lakh crore."))
    assert (f.surface, f.value, f.unit) == ("₹2.4 lakh crore", 2_400_000_000_000, "INR")
    [f] = extract(Document("a package of Rs 5 thousand crore"))
    assert f.value == 50_000_000_000
    [f] = extract(Document("About 2.6 lakh hectares were flooded."))
    assert (f.value, f.unit) == (260_000, "ha")
