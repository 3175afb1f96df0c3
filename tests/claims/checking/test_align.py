from claims.checking.align import cross_check
from tests.claims.checking.fixtures import DAM_1, DAM_2, FERRY_1, FERRY_2


def pairs(findings, kind):  # type: ignore[no-untyped-def]
    arts = {a.id: a for a in (FERRY_1, FERRY_2, DAM_1, DAM_2)}
    return {
        tuple(arts[r.article_id].text[r.start : r.end] for r in f.figures)
        for f in findings
        if f.type == kind
    }


def test_transposed_digits_and_a_slipped_zero_are_conflicts() -> None:
    conflicts = pairs(cross_check([FERRY_1, FERRY_2]), "conflict")
    assert ("126", "162") in conflicts
    assert ("€250,000", "€25,000") in conflicts


def test_per_day_against_per_week_is_a_conflict() -> None:
    assert ("14", "14") in pairs(cross_check([FERRY_1, FERRY_2]), "conflict")


def test_time_zones_and_dates_across_midnight_agree() -> None:
    agrees = pairs(cross_check([FERRY_1, FERRY_2]), "agree")
    assert ("23:40 GMT", "2:40 am") in agrees
    assert ("September 13", "September 14") in agrees


def test_bounds_rounding_and_conversions_agree() -> None:
    agrees = pairs(cross_check([FERRY_1, FERRY_2]), "agree")
    assert ("900", "940") in agrees
    assert ("10,000 litres", "9,870 litres") in agrees
    assert ("22 knots", "41 km/h") in agrees


def test_equal_numbers_about_different_things_are_not_aligned() -> None:
    findings = cross_check([FERRY_1, FERRY_2])
    assert ("Two", "Two") not in pairs(findings, "agree")
    dam = cross_check([DAM_1, DAM_2])
    assert ("Four", "four") not in pairs(dam, "agree")


def test_a_second_story_aligns_rounding_conversion_and_a_slip() -> None:
    dam = cross_check([DAM_1, DAM_2])
    assert ("1,200", "1,150") in pairs(dam, "agree")
    assert ("2.4 metres", "7.9 feet") in pairs(dam, "agree")
    assert ("£3.2m", "£2.3m") in pairs(dam, "conflict")


def test_every_finding_explains_itself() -> None:
    for f in cross_check([FERRY_1, FERRY_2]):
        assert f.why and len(f.figures) == 2


def test_transposed_digits_are_a_conflict_even_in_other_words() -> None:
    from tests.claims.checking.fixtures import QUAKE_1, QUAKE_2

    arts = {a.id: a for a in (QUAKE_1, QUAKE_2)}
    found = {
        (f.type, *(arts[r.article_id].text[r.start : r.end] for r in f.figures))
        for f in cross_check([QUAKE_1, QUAKE_2])
    }
    assert ("conflict", "212", "221") in found  # "pulled 212 survivors" / "rescued 221 people"
    assert ("conflict", "58", "85") in found  # two "at least" bounds, digits swapped
    assert ("conflict", "$1.2 million", "$12 million") in found
    assert ("agree", "03:12", "23:12 GMT") in found  # local time four hours ahead of GMT
    assert ("agree", "14 km", "9 miles") in found
    assert ("agree", "10 km", "6 miles") in found
    assert ("agree", "4,500", "4,500") in found
    assert not any(t == "agree" and a.lower() == b.lower() == "three" for t, a, b in found)


def test_a_fact_repeated_in_one_article_pairs_with_each_mention() -> None:
    import datetime as dt

    from tests.claims.checking.fixtures import article

    a = article(
        "r1",
        "The storm cut power to 18,400 homes on Monday. By evening the utility "
        "said 18,400 homes were still without power.",
        dt.date(2025, 1, 7),
        "A",
        [
            ("18,400", 18400, "home", "count", None, None),
            ("18,400", 18400, "home", "count", None, None),
        ],
    )
    b = article(
        "r2",
        "Power was cut to 18,400 homes when the storm hit the coast.",
        dt.date(2025, 1, 7),
        "B",
        [("18,400", 18400, "home", "count", None, None)],
    )
    agrees = [f for f in cross_check([a, b]) if f.type == "agree"]
    assert len(agrees) == 2


def test_figures_side_by_side_settle_agreements_before_conflicts() -> None:
    from tests.claims.checking.fixtures import RESULTS_1, RESULTS_2

    arts = {a.id: a for a in (RESULTS_1, RESULTS_2)}
    found = {
        (f.type, *(arts[r.article_id].text[r.start : r.end] for r in f.figures))
        for f in cross_check([RESULTS_1, RESULTS_2])
    }
    assert ("agree", "12%", "12 per cent") in found  # revenue / sales
    assert ("agree", "8%", "8%") in found
    assert ("conflict", "$610 million", "$601m") in found
    assert ("conflict", "4.5%", "5.4%") in found
    assert not any(t == "conflict" and a == "12%" for t, a, _ in found)
    assert not any("15%" in (a, b) for _, a, b in found)


def test_a_source_named_by_title_in_one_article_and_by_name_in_another_is_one_source() -> None:
    """ "The Harbour Chief Inspector" and "Chief Inspector Mila Stone" are the same
    source: their figures align as one source's, not as two sources' (which would
    count against the pair)."""
    import datetime as dt

    from claims.checking.align import mentions
    from claims.checking.model import Article
    from claims.extraction import Document, extract

    day = dt.date(2026, 5, 4)
    texts = {
        "a": "A ferry hit the pier at Kellsport on Sunday. The Harbour Chief Inspector has "
        "said that 46 passengers were taken to the two clinics in the port.",
        "b": "A ferry struck the pier at Kellsport on Sunday. Of the injured, 31 passengers "
        "were taken to the two clinics in the port, according to Harbour's Chief Inspector "
        "Mila Stone.",
    }
    speakers = []
    for key, text in texts.items():
        art = Article(key, text, day, key, "", tuple(extract(Document(text, day))))
        (m,) = [m for m in mentions(art) if m.figure.surface in ("46", "31")]
        speakers.append(m.speaker)
    assert speakers[0] and speakers[1]
    assert speakers[0] & speakers[1]  # chief, inspector
