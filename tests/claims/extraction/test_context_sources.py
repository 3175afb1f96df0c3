"""Who said it: unnamed official sources, datelines, expectations, transcripts and
measuring organisations (our own sentences; invented names, places and numbers)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import Document, extract
from claims.extraction.context import _GROUP_HINTS, _SPEAKER_BEFORE, _SPEAKER_BEFORE_PLAIN


def who(text: str, surface: str) -> str | None:
    for f in extract(Document(text, dt.date(2024, 3, 12))):
        if f.surface == surface:
            return f.attributed_to
    raise AssertionError(f"{surface!r} not found")


def test_an_official_group_is_a_source_as_written() -> None:
    text = "A ferry capsized off Tarrow, drowning at least 14 people, officials said."
    assert who(text, "14") == "officials"
    text = "The river peaked at 6 metres overnight, district authorities said."
    assert who(text, "6 metres") == "district authorities"
    text = "By then, unnamed sources had suggested that 3 barges sank."
    assert who(text, "3") == "unnamed sources"
    assert who("Two men were held in Orlen, police said.", "Two") == "police"


def test_a_crowd_or_a_counted_group_is_no_source() -> None:
    assert who("A petition has 4,180 signatures, organisers said.", "4,180") is None
    assert who("Tourism officials said 300 staff had left.", "300") is None
    assert who("Up to 40 residents said they had been flooded.", "40") is None


def test_a_group_is_no_company_named_later() -> None:
    text = (
        "Orlen Foods beat the 9.1p analysts had expected. "
        "Profit fell 6% to £88 million, the company said."
    )
    assert who(text, "9.1p") == "analysts"
    assert who(text, "6%") == "Orlen Foods"


def test_the_date_of_a_dateline_is_the_reporters() -> None:
    text = "TARROW, Velland, May 4 (NWA) - A ferry sank, drowning 14 people, officials said."
    assert who(text, "May 4") is None
    assert who(text, "14") == "officials"
    # a date in the sentence itself is no dateline
    text = "On May 4 a ferry sank off Tarrow, drowning 14 people, officials said."
    assert who(text, "May 4") == "officials"


def test_an_expectation_after_its_figure_is_its_holders() -> None:
    text = "Sales reached £4.6bn, short of the £4.8bn that City analysts had pencilled in."
    assert who(text, "£4.8bn") == "City analysts"
    assert who(text, "£4.6bn") is None
    text = "Orlen cut 90 jobs after sales of £4.6bn came in below the £4.8bn the City had forecast."
    assert who(text, "£4.8bn") == "the City"
    assert who(text, "£4.6bn") is None  # the holder of one figure speaks for no other
    text = "Output passed the half-million mark that chairman Ivo Marr set."
    assert who(text, "half-million") == "Ivo Marr"


def test_a_crowds_forecast_before_the_figure_is_no_ones_statement() -> None:
    text = "The bureau said payrolls rose by 120,000, above economists' forecasts of 60,000."
    assert who(text, "120,000") == "the bureau"
    assert who(text, "60,000") is None


def test_a_trailing_forecast_still_attributes_its_clause() -> None:
    assert who("Sales will rise 5 per cent, Orlen Bank forecast.", "5 per cent") == "Orlen Bank"
    assert who("For Q3, Orlen expects revenue of 4 million.", "4 million") == "Orlen"


def test_in_a_transcript_the_turns_speaker_outranks_a_source_it_cites() -> None:
    text = (
        "LENA FROST (presenter): Good evening. The flood has closed 12 roads.\n\n"
        "IVO MARR (correspondent): Officials say 2,300 homes are empty tonight.\n\n"
        "LENA FROST: Ivo Marr in Tarrow."
    )
    assert who(text, "12") == "Lena Frost"
    assert who(text, "2,300") == "Ivo Marr"
    # outside a transcript the cited source keeps its figure
    assert who("Officials say 2,300 homes are empty tonight.", "2,300") == "Officials"


def test_a_day_between_the_source_and_its_verb_is_no_source() -> None:
    text = "The Velland Hydrology Centre (VHC) on Friday revised the peak to 5.9 metres."
    assert who(text, "5.9 metres") == "Velland Hydrology Centre"
    assert who("On Friday said 5 men were hurt.", "5") is None
    assert who("May Lenz said 7 men were hurt.", "7") == "May Lenz"


def test_an_estimated_figure_has_no_speaker_before_it() -> None:
    text = (
        "The final was watched by 41,000 people at the Orlen Arena and by an estimated 3.4 million."
    )
    assert who(text, "3.4 million") is None
    assert who("Orlen Bank estimated the loss at 3.4 million.", "3.4 million") == "Orlen Bank"


def test_an_organisation_that_measures_is_the_source_of_its_reading() -> None:
    text = (
        "The Orlen Seismic Network, a consortium of observatories, measured the quake "
        "at magnitude 6.3 and put its depth at 19 km."
    )
    assert who(text, "6.3") == "Orlen Seismic Network"
    assert who(text, "19 km") == "Orlen Seismic Network"
    text = "The Velland Statistics Bureau erased about 90,000 jobs from its estimates."
    assert who(text, "90,000") == "Velland Statistics Bureau"


def test_an_organisations_instrument_measures_for_it() -> None:
    text = "The coastguard's weather station on Cape Tarrow recorded a gust of 141 km/h."
    assert who(text, "141 km/h") == "the coastguard"
    text = "Pace scored with a shot that the league's tracking data clocked at 118 km/h."
    assert who(text, "118 km/h") == "the league"


def test_a_place_or_a_person_that_records_is_no_source() -> None:
    text = (
        "Storm Kaja hit land, the Velland Weather Centre said. Tarrow recorded 27 cm of "
        "rain in 24 hours, it said."
    )
    assert who(text, "27 cm") == "Velland Weather Centre"  # "it" is not Tarrow
    assert who("Temperatures recorded 30C in Orlen.", "30C") is None
    assert who("Mara Lenz clocked 10.2 seconds in the final.", "10.2 seconds") is None


def test_figures_published_by_an_organisation_show_its_numbers() -> None:
    text = "Figures published on Monday by the Velland statistics office show sales grew 0.6%."
    assert who(text, "0.6%") == "the Velland statistics office"
    text = "Data released by Velland Rail showed 12 lines ran late."
    assert who(text, "12") == "Velland Rail"
    # figures with no publisher are no one's
    assert who("Figures show 5 towns flooded.", "5") is None


def test_a_target_is_the_organisation_that_set_it() -> None:
    text = (
        "The National Bank of Velland raised its rate, the bank said. "
        "Inflation was 3.8%, almost twice the bank's 2% target."
    )
    assert who(text, "2%") == "National Bank of Velland"
    assert who(text, "3.8%") is None
    # a bank never named, or "its" before any organisation is written: no source
    assert who("Inflation stayed above the central bank's 2% target.", "2%") is None
    text = "Sales rose 3%, short of its 5% goal, Orlen Foods said later."
    assert who(text, "5%") == "Orlen Foods"  # the trailing source, not "its"


def test_an_as_clause_after_reported_results_is_the_reporters() -> None:
    text = "Orlen Foods reported record results as its revenue reached €3 billion, up 8 per cent."
    assert who(text, "€3 billion") is None
    assert who(text, "8 per cent") is None
    # what follows "reported that" is the company's, as-clause and all
    text = "Orlen Foods reported that revenue reached €3 billion as its sales rose 8 per cent."
    assert who(text, "8 per cent") == "Orlen Foods"
    assert who("Orlen Foods reported revenue of €2 billion.", "€2 billion") == "Orlen Foods"


def test_a_while_clause_after_a_trailing_source_is_still_its() -> None:
    text = "Sales fell 3%, she said, while prices rose 7%."
    assert who('"We are busy," Mara Lenz said. ' + text, "7%") == "Mara Lenz"
    text = "Nine people died, the agency said, while 312 people were treated in hospital."
    assert who(text, "312") == "the agency"
    # an "as" clause is still the reporter's
    text = "Seven people died, officials said, as power returned to 80% of homes."
    assert who(text, "80%") is None


def test_a_reporting_clause_inside_the_speaker_phrase_is_the_speakers() -> None:
    text = (
        "Finance Minister Ivo Marr, who announced a grant of €5m for the families, "
        "said 200 homes had been damaged."
    )
    assert who(text, "€5m") == "Ivo Marr"
    # the speaker's age or job stays a description
    assert who("Mara Lenz, 54, who runs a bakery, said sales fell 8%.", "54") is None


def test_puts_without_at_or_on_is_no_reporting_verb() -> None:
    text = (
        'Ivo Marr, an analyst at Orlen Capital, was pleased. "The upgrade, to £30m to £45m, '
        'puts them back where they were," he said.'
    )
    assert who(text, "£30m to £45m") == "Ivo Marr"


SPEAKER_WORDS = st.lists(
    st.sampled_from(
        [
            "Anna Kovač",
            " ",
            ", ",
            "said",
            "the",
            "ministry",
            "coastguard",
            "'s",
            " station",
            "officials",
            "district",
            "police",
            "he",
            "recorded",
            "put",
            "a",
            "x",
            ".",
        ]
    ),
    max_size=14,
).map("".join)


@given(SPEAKER_WORDS)
def test_the_plain_speaker_pattern_agrees_where_no_group_or_owner_is_written(text: str) -> None:
    if any(h in text for h in _GROUP_HINTS):
        return
    assert [(m.span(), m.groups()) for m in _SPEAKER_BEFORE.finditer(text)] == [
        (m.span(), m.groups()) for m in _SPEAKER_BEFORE_PLAIN.finditer(text)
    ]


def test_a_places_own_body_is_a_source_as_written() -> None:
    text = "Velland's health ministry said 43 people died. Later the ministry said 44 had died."
    assert who(text, "43") == "Velland's health ministry"
    assert who(text, "44") == "Velland's health ministry"  # "Later" is no part of it


def test_officials_of_a_place_are_the_source_not_the_place() -> None:
    text = "Health officials in Orlen County reported 13 new cases."
    assert who(text, "13") == "Health officials in Orlen County"
    assert who("Health Minister Ivo Marr said 15 clinics shut.", "15") == "Ivo Marr"


def test_a_fire_brigade_or_a_newspaper_is_an_unnamed_source() -> None:
    text = "Rescuers pulled 24 people from the rubble, the fire brigade said."
    assert who(text, "24") == "the fire brigade"
    assert who("The newspaper reported that 5 ministers had quit.", "5") == "the newspaper"


def test_the_company_is_a_business_named_before_not_a_public_body() -> None:
    text = (
        "Orlen Foods opened a plant, the Velland Health Agency said. "
        "Sales fell 7% in the quarter, the company said."
    )
    assert who(text, "7%") == "Orlen Foods"
    text = "Rescuers pulled 24 people out, the fire brigade said. Sales fell 7%, the retailer said."
    assert who(text, "7%") is None  # no business is named: no guess


def test_an_organisations_figures_show_its_numbers() -> None:
    text = "The Velland Health Ministry met on Monday. The ministry's figures showed 42 deaths."
    assert who(text, "42") == "Velland Health Ministry"
    # a bank never named: which bank is unsure (the central bank, or a lender?)
    text = (
        "Nadia Ferreira, chief economist at Calloway Bank, spoke. The central bank cut its "
        "rate. Approvals fell by a fifth, the bank's figures show."
    )
    assert who(text, "a fifth") is None
    # and another body's figures are not those of the source before
    text = "Loans rose 5%, Orlen Bank said. The ministry's figures showed 42 deaths."
    assert who(text, "42") is None
    text = "The figures, released by the ministry on Monday, show 4.4% growth."
    assert who(text, "4.4%") == "the ministry"  # the release's day describes the source


def test_a_report_that_found_has_its_author_as_source() -> None:
    text = "The survey, conducted by Velland Research, found that 45% of adults were worried."
    assert who(text, "45%") == "Velland Research"
    text = "A report by the Velland Institute found that 31% of homes were cold."
    assert who(text, "31%") == "Velland Institute"
    # finding people is no finding of fact
    assert who("Rescuers found 13 survivors in the rubble.", "13") is None


def test_according_to_a_statement_of_an_unnamed_source() -> None:
    text = "Orlen Foods opened a plant. Revenue rose 6% to $4bn, according to a company statement."
    assert who(text, "6%") == "Orlen Foods"
    assert who("Seven people were hurt, according to a police report.", "Seven") == "the police"


def test_it_said_after_an_organisation_leading_the_sentence_is_that_organisation() -> None:
    text = (
        "Unemployment fell to 4.1%, the Velland Statistics Office said. "
        "Orlen Bank cut its rate. "
        "The bank expects inflation to average 2.4% next year, it said in a report."
    )
    assert who(text, "2.4%") == "Orlen Bank"
    assert who(text, "4.1%") == "Velland Statistics Office"


def test_a_titled_person_is_no_company() -> None:
    text = (
        "The state will build 300,000 homes, Housing Minister Tomas Berg said. "
        "In 2019, the company posted a loss of $40 million."
    )
    assert who(text, "$40 million") is None


def test_according_to_unnamed_media_or_officials_as_written() -> None:
    assert who("At least 17 people died, according to local media.", "17") == "local media"
    assert who("At least 18 people died, according to officials.", "18") == "officials"


def test_a_poll_by_a_named_author_that_showed() -> None:
    text = "Nearly 70% of voters backed the plan, a poll by Velland Research showed."
    assert who(text, "70%") == "Velland Research"
    text = "A survey from the Orlen Institute shows 40% of homes are cold."
    assert who(text, "40%") == "the Orlen Institute"
    assert who("A 2023 study found that 12% of drivers used phones.", "12%") is None


def test_a_who_clause_after_according_to_describes_the_source() -> None:
    text = (
        "Mara Lenz runs Tarrow. According to Lenz, who has been mayor since 2019, "
        "repairs will take 18 months."
    )
    assert who(text, "2019") is None
    assert who(text, "18 months") == "Mara Lenz"


def test_it_said_after_a_sentence_about_an_unnamed_organisation() -> None:
    text = "The airline will cut 1,200 jobs, it announced on Tuesday."
    assert who(text, "1,200") == "the airline"
    # a person's sentence gives "it" no organisation
    assert who("Lenz will hire 40 people, it said.", "40") is None


def test_what_a_report_covers_inside_according_to_is_its_sources() -> None:
    text = (
        "Orlen Foods posted results. According to the firm's guidance for the third "
        "quarter, revenue will reach $4 billion."
    )
    assert who(text, "third") == "Orlen Foods"
    text = "According to a survey of 1,500 adults by Velland Research, 40% are worried."
    assert who(text, "1,500") == "Velland Research"
    # the day a source released its figures describes the source
    text = "According to figures released on March 3 by the ministry, 12 schools closed."
    assert who(text, "March 3") is None


def test_what_happened_after_an_expectation_is_not_the_forecasters() -> None:
    text = "Analysts had expected a rise of 0.3%, but prices fell 0.1%."
    assert who(text, "0.3%") == "Analysts"
    assert who(text, "0.1%") is None
    text = "Orlen Bank expects growth of 2% next year and 3% in 2026."
    assert who(text, "3%") == "Orlen Bank"


def test_named_data_that_show() -> None:
    assert who("Orlen Rail data show 14% of trains ran late.", "14%") == "Orlen Rail"
    text = "Data from the Velland Statistics Office showed prices rose 3.2% in May."
    assert who(text, "3.2%") == "the Velland Statistics Office"
    text = "The median wage was $52,000 in 2023, Velland Census Bureau data show."
    assert who(text, "$52,000") == "Velland Census Bureau"


def test_a_number_inside_the_speakers_apposition() -> None:
    text = "Orlen Foods, which employs 5,000 people, said profit fell 9%."
    assert who(text, "9%") == "Orlen Foods"
    assert who(text, "5,000") is None


def test_the_bank_is_the_one_written_last_before() -> None:
    text = (
        "Nadia Ferreira of Calloway Bank spoke. The central bank cut its rate to 3.75%. "
        "Loans fell 2%, the bank said."
    )
    assert who(text, "2%") == "the central bank"
    text = (
        "Calloway Bank said loans rose. Later Orlen Bank cut its rate. "
        "Loans fell 2%, the bank said."
    )
    assert who(text, "2%") == "Orlen Bank"


def test_city_labels_of_a_round_up_are_no_transcript_turns() -> None:
    text = "LONDON: Shares fell 2%, the exchange said.\n\nPARIS: Shares rose 3% on Monday."
    assert who(text, "2%") == "the exchange"
    assert who(text, "3%") is None
    # a surname label is its speaker's turn
    text = "A briefing by Marta Solberg.\n\nSOLBERG: We moved 40 cranes.\n\nDENT: And 9 ships."
    assert who(text, "40") == "Marta Solberg"


def test_an_acronym_is_the_organisation_with_its_initials_that_spoke() -> None:
    said = "It struck at 4:17 a.m., the {} said."
    text = "The Velland Geological Survey said the quake measured 7.1. " + said.format("VGS")
    assert who(text, "4:17 a.m.") == "Velland Geological Survey"
    text = "The U.S. Geological Survey said the quake measured 7.8. " + said.format("USGS")
    assert who(text, "4:17 a.m.") == "U.S. Geological Survey"
    # an acronym no one with its initials spoke stays as written
    assert who("The quake struck at 4:17 a.m., the VGS said.", "4:17 a.m.") == "VGS"


def test_job_titles_before_a_name_are_no_part_of_it() -> None:
    assert who("Coach Ivo Marr said his team had won 8 games.", "8") == "Ivo Marr"
    assert who("CEO Mara Lenz said sales rose 4%.", "4%") == "Mara Lenz"
