"""Attribution carried beyond the sentence of its reporting verb, and pronouns resolved
to the person a sentence is about (our own sentences; invented names and places)."""

import datetime as dt

from claims.extraction import Document, extract


def who(text: str, surface: str) -> str | None:
    for f in extract(Document(text, dt.date(2024, 3, 12))):
        if f.surface == surface:
            return f.attributed_to
    raise AssertionError(f"{surface!r} not found")


def test_reported_figures_run_on_into_the_next_sentence_of_the_paragraph() -> None:
    text = (
        "Rainfall in Orlen reached 84 mm on Sunday, the Valdoria weather office said. "
        "The previous record, 79 mm, was set in 1997."
    )
    assert who(text, "79 mm") == "the Valdoria weather office"
    assert who(text, "1997") == "the Valdoria weather office"


def test_the_run_on_stops_at_a_paragraph_a_quote_or_a_second_sentence() -> None:
    said = "Rainfall in Orlen reached 84 mm on Sunday, the Valdoria weather office said."
    assert who(said + "\n\nThe previous record, 79 mm, was set in 1997.", "79 mm") is None
    quoted = '"We had 84 mm on Sunday," the Valdoria weather office said. '
    assert who(quoted + "The previous record, 79 mm, was set in 1997.", "79 mm") is None
    second = said + " The river rose all night. Ferries stopped for 6 hours."
    assert who(second, "6 hours") is None


def test_share_moves_and_unowned_data_do_not_run_on() -> None:
    said = "Profit rose 8% to €40m, the Valdoria rail authority said. "
    assert who(said + "Its shares fell 3% in Orlen.", "3%") is None
    assert who(said + "Ticket data showed 12 lines ran late.", "12") is None


def test_leading_said_does_not_run_on() -> None:
    text = "Mara Lenz said fares would rise 4%. The decision came despite 2% inflation."
    assert who(text, "2%") is None


def test_she_is_the_person_a_sentence_before_is_about() -> None:
    text = (
        "Harbour's harbourmaster Ivo Marr spoke on Monday and said 14 berths were shut. "
        "Nadia Ferreira, chief economist at Orlen Bank, blamed the fog. "
        "Freight fell 9% in May, she said."
    )
    assert who(text, "9%") == "Nadia Ferreira"


def test_he_after_a_title_and_an_affiliation() -> None:
    text = (
        "Orlen Chief Inspector Mara Lenz said 40 cars were towed. "
        "Valdoria analyst Ivo Marr has studied the port. Volumes could drop 20%, he said."
    )
    assert who(text, "20%") == "Ivo Marr"


def test_a_capitalised_phrase_opening_a_sentence_is_no_person() -> None:
    text = (
        "Ivo Marr said 40 cars were towed. Average March rainfall has doubled since 1990, he said."
    )
    assert who(text, "1990") == "Ivo Marr"


def test_an_organisation_that_has_spoken_is_the_source_of_what_it_plans() -> None:
    text = (
        "Flu cases rose to 900 in March, the Orlen regional health agency said.\n\n"
        'Its director, Mara Lenz, was worried. "We are stretched," she said.\n\n'
        "The agency plans to vaccinate 40,000 children over the next six weeks. "
        "Twelve clinics will open on Monday.\n\n"
        "Schools reopened on 3 April."
    )
    assert who(text, "40,000") == "Orlen regional health agency"
    assert who(text, "Twelve") == "Orlen regional health agency"
    assert who(text, "3 April") is None


def test_an_organisations_possession_is_no_statement_of_it() -> None:
    text = (
        "The probe passed the comet, the Orlen space agency said.\n\n"
        "The agency's next mission, due in 2031, will visit Ceres."
    )
    assert who(text, "2031") is None


def test_a_sentence_repeating_the_measure_of_the_attributed_one_before_has_its_source() -> None:
    said = "Orlen Rail said that adjusted earnings per ordinary share were €1.20, up 8 per cent."
    text = said + "\n\nReported earnings per ordinary share were €0.95, up 3 per cent."
    assert who(text, "€0.95") == "Orlen Rail"
    assert who(text, "3 per cent") == "Orlen Rail"
    # another measure is the reporter's framing, and so is a sentence after a quote
    assert who(said + "\n\nRevenue grew 4 per cent to €3bn.", "4 per cent") is None
    quoted = '"Earnings per ordinary share were €1.20," Orlen Rail said. '
    assert who(quoted + "Reported earnings per ordinary share were €0.95.", "€0.95") is None
    # words repeated without a measure's verb are no measure: a new scene
    said = "Rescuers pulled 23 people from the rubble, the fire service said."
    assert who(said + "\n\nRescuers pulled 24 people from a mine.", "24") is None


def test_his_or_her_carries_the_person_who_just_spoke() -> None:
    text = (
        '"We will win the vote," said party leader Ivo Marr. '
        "His party has promised €40m a year for schools."
    )
    assert who(text, "€40m") == "Ivo Marr"
    # not from a sentence without a speaker, nor across a paragraph
    assert who("Ivo Marr visited Orlen. His party has promised €40m.", "€40m") is None
    said = '"We will win," said Ivo Marr.\n\n'
    assert who(said + "His party has promised €40m.", "€40m") is None
