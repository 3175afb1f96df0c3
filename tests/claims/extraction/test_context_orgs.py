"""Organisations as sources: descriptors resolved to the organisation named before,
"according to" phrases, and words that look like a speaker but are none (our own
sentences; invented names and places)."""

import datetime as dt

from claims.extraction import Document, extract


def who(text: str, surface: str) -> str | None:
    for f in extract(Document(text, dt.date(2024, 3, 12))):
        if f.surface == surface:
            return f.attributed_to
    raise AssertionError(f"{surface!r} not found")


def test_the_company_is_the_organisation_written_last_not_the_last_to_speak() -> None:
    text = (
        "Orlen Systems said sales rose 9%. Demand grew fast, according to a report in the "
        "Valdoria Post. Ivo Marr, chief executive of Orlen Systems, was pleased. "
        "The company said margins were 41%."
    )
    assert who(text, "41%") == "Orlen Systems"


def test_a_descriptor_with_a_modifier_is_the_organisation_it_describes() -> None:
    text = (
        "Trains resumed on Monday, Valdoria Railways said. "
        "The railway company said it planned 3 more trains."
    )
    assert who(text, "3") == "Valdoria Railways"
    text = "Brenlow Foods raised its dividend. The Orlen-based group said profit rose 10 per cent."
    assert who(text, "10 per cent") == "Brenlow Foods"


def test_the_club_is_the_one_a_player_or_manager_belongs_to_not_a_person() -> None:
    text = (
        "Ivo Marr scored twice on Sunday. "
        '"We were brilliant," Harbour manager Jo Dunn said.\n\n'
        "The crowd of 41,000 was a record, the club said."
    )
    assert who(text, "41,000") == "Harbour"


def test_first_person_words_in_a_quote_name_no_source() -> None:
    text = (
        "Ivo Marr, the Harbour striker, scored again. "
        '"I told my coach I would score two goals," he told reporters afterwards.'
    )
    assert who(text, "two") == "Ivo Marr"


def test_a_plural_noun_is_no_reporting_verb() -> None:
    text = "Orlen Rail grew. But changes to older reports paint a gloomier view of 2023."
    assert who(text, "2023") is None


def test_according_to_a_report_in_an_outlet_on_a_weekday() -> None:
    text = "Sales climbed in the third quarter, according to a report in Valdoria Daily on Friday."
    assert who(text, "third") == "Valdoria Daily"


def test_according_to_unnamed_data_is_the_data_as_written() -> None:
    text = "The striker ran 11.8 km, according to league tracking data."
    assert who(text, "11.8 km") == "league tracking data"


def test_according_to_the_companys_outlook_then_a_clause_with_the_figure() -> None:
    text = (
        "Orlen Systems said sales rose 9%. According to the company's outlook, "
        "Orlen's revenue will reach $4.4 billion."
    )
    assert who(text, "$4.4 billion") == "Orlen Systems"


def test_a_verb_in_a_compound_is_no_reporting_verb() -> None:
    text = (
        "Orlen owner Brenlow Foods served up forecast-beating profits on Monday. "
        "The Valdoria-based group said profit rose 7 per cent."
    )
    assert who(text, "7 per cent") == "Brenlow Foods"


def test_a_named_decision_maker_is_the_source_of_the_rate_or_target_it_set() -> None:
    text = (
        "The Valdoria Central Bank raised its main interest rate by 0.25 percentage points "
        "to 4.5% on Feb. 5, its fifth increase in 12 months."
    )
    assert who(text, "0.25 percentage points") == "Valdoria Central Bank"
    assert who(text, "4.5%") == "Valdoria Central Bank"
    assert who(text, "Feb. 5") is None  # the day is the reporter's
    assert who(text, "12 months") is None  # another clause
    text = (
        "Orlen Securities has set a price target of $500. "
        "Valdoria analyst Ivo Marr has provided a price target of $540."
    )
    assert who(text, "$500") == "Orlen Securities"
    assert who(text, "$540") == "Ivo Marr"


def test_decisions_without_a_decided_thing_or_a_name_are_not_attributed() -> None:
    assert who("Deputies issued 23 parking tickets.", "23") is None
    assert who("The regional council has set aside €2.5m for housing.", "€2.5m") is None
    assert who("The central bank cut its main rate to 3.75%.", "3.75%") is None


def test_a_court_is_the_source_of_its_ruling() -> None:
    text = (
        "Profits fell, and the Valdoria Federal Court fined the operator CHF 45m. "
        "The court also sentenced a former director, 58, to three years in prison."
    )
    assert who(text, "CHF 45m") == "Valdoria Federal Court"
    assert who(text, "three years") == "Valdoria Federal Court"
    assert who(text, "58") is None


def test_a_verb_joined_by_and_shares_the_subject_the_sentence_opens_with() -> None:
    text = (
        "Orlen Governor Mara Lenz on Friday met the mayor of Dunmore, and announced that "
        "she was sending a four-member team to the port."
    )
    assert who(text, "four") == "Mara Lenz"


def test_a_plural_noun_before_a_verb_is_no_source() -> None:
    text = "Early reports from the coast indicate that two ferries sank near Orlen."
    assert who(text, "two") is None


def test_put_states_a_figure_only_with_at_or_on() -> None:
    text = "Ivo Marr put Harbour ahead again before Dunn levelled, as Orlen had done in 1998."
    assert who(text, "1998") is None
    text = "The Orlen Weather Centre has put Dunmore and two other districts on red alert."
    assert who(text, "two") == "Orlen Weather Centre"
