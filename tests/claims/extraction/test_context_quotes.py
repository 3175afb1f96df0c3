"""Quotations of several sentences or paragraphs take the speaker named at their start or
end (our own sentences; invented names and places)."""

import datetime as dt

from claims.extraction import Document, extract


def who(text: str, surface: str) -> str | None:
    for f in extract(Document(text, dt.date(2024, 3, 12))):
        if f.surface == surface:
            return f.attributed_to
    raise AssertionError(f"{surface!r} not found")


def test_a_sentence_inside_a_quotation_takes_the_speaker_after_it() -> None:
    text = (
        'Ivo Marr, the Orlen harbourmaster, spoke first. "The fog came in fast. '
        'Then 14 boats ran aground. Nobody was hurt," said Mara Lenz, the port director.'
    )
    assert who(text, "14") == "Mara Lenz"


def test_a_quotation_after_said_colon_runs_on_into_a_continuation_paragraph() -> None:
    text = (
        'Port director Mara Lenz said: "The fog came in fast. Then 14 boats ran aground.\n\n'
        '"We have 3 tugs left."\n\n'
        "Ferries stopped for 6 hours."
    )
    assert who(text, "14") == "Mara Lenz"
    assert who(text, "3") == "Mara Lenz"
    assert who(text, "6 hours") is None  # the quotation has ended


def test_two_appositions_between_the_speaker_and_said() -> None:
    text = "Chief executive Mara Lenz, 52, who joined in 2021, said the port lost €4m."
    assert who(text, "€4m") == "Mara Lenz"
    assert who(text, "2021") is None


def test_told_with_a_short_object_that_ends_the_clause_is_trailing() -> None:
    text = (
        "Ivo Marr, a surgeon at Orlen General, spoke first. "
        '"Each patient waits 14 weeks," he told the agency.'
    )
    assert who(text, "14 weeks") == "Ivo Marr"
    text = 'Mara Lenz, 49, spoke. "We waited two years," she told a rally in Orlen on Friday.'
    assert who(text, "two years") == "Mara Lenz"


def test_said_then_a_club_and_a_job_names_the_person() -> None:
    text = '"We lost 3-1 here in 2021," said Harbour captain Jo Dunn, 33.'
    assert who(text, "3-1") == "Jo Dunn"


def test_a_person_of_an_organisation_speaks_for_herself() -> None:
    text = "Mara Lenz of the dockers' union Dockwise said 300 jobs were at risk."
    assert who(text, "300") == "Mara Lenz"


def test_a_speech_running_into_a_new_paragraph_keeps_its_speaker() -> None:
    text = (
        "Lena Frost, head of the Orlen port authority, described the damage.\n\n"
        '"Three of our cranes are out," she said. "We expect to lose a fifth of capacity.\n\n'
        '"It will cost us at least €4m."'
    )
    assert who(text, "€4m") == "Lena Frost"
    # a new paragraph's own quotation with no speaker named has none
    text = '"We expect to lose a fifth," she said.\n\n"It will cost us at least €5m," a man said.'
    assert who(text, "€5m") is None
