"""Figure frames: what each figure is a figure of, and comparing two frames."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from claims.extraction import Document, Figure, Frame, compare_frames, extract
from claims.extraction.frames import DIFFERENT, SAME, SLOTS, UNKNOWN, add_frames
from claims.extraction.types import new_figure

PUB = dt.date(2026, 3, 4)  # a Wednesday


def frame(text: str, surface: str, published: dt.date | None = PUB) -> Frame:
    figs = extract(Document(text, published))
    pos = text.index(surface)
    fig = next(f for f in figs if f.start <= pos < f.end)
    assert fig.frame is not None
    return fig.frame


def test_every_figure_gets_a_frame_and_its_source_is_the_attribution() -> None:
    text = "Nine ferries sank off the coast, the harbour master Ola Brandt said on Monday."
    figs = extract(Document(text, PUB))
    assert figs and all(f.frame is not None for f in figs)
    nine = figs[0].frame
    assert nine.source == (figs[0].attributed_to or "")


def test_a_count_measures_the_noun_after_it_and_a_casualty_word_joins_it() -> None:
    f = frame("At least 140 villagers were killed in Oldmoor by Tuesday.", "140")
    assert (f.measure, f.scope, f.time, f.time_iso) == (
        "villagers killed",
        "Oldmoor",
        "by Tuesday",
        "2026-03-03",
    )
    assert f.modality == "actual" and f.direction == "none"


def test_place_words_move_from_the_measure_to_the_scope() -> None:
    f = frame("Some 900 Valdorian troops are stationed along the river.", "900")
    assert f.measure == "troops"
    assert f.scope == "Valdorian"
    assert f.modality == "estimate"  # "some" is a hedge of estimate


def test_a_change_and_a_level_share_the_measure_but_not_the_direction() -> None:
    text = "Pellam's operating profit rose 9% to $2.5 billion in the second quarter."
    change, level = frame(text, "9%"), frame(text, "$2.5 billion")
    assert change.measure == level.measure == "operating profit"
    assert change.scope == level.scope == "Pellam"
    assert (change.direction, level.direction) == ("up", "none")
    assert change.time == "in the second quarter" and change.time_iso == ""


def test_a_comparison_base_keeps_its_own_time() -> None:
    text = "Ticket sales reached 41,000 in February, up from 37,500 a year earlier."
    now, then = frame(text, "41,000"), frame(text, "37,500")
    assert now.time_iso == "2026-02"
    assert then.time == "a year earlier" and then.time_iso == "2025"
    assert then.direction == "none"


@pytest.mark.parametrize(
    ("text", "surface", "direction"),
    [
        ("Output fell 4.5 per cent last month.", "4.5 per cent", "down"),
        ("Fares are up 6% this year.", "6%", "up"),
        ("The mill will cut 300 jobs.", "300", "down"),
        ("The club reported a loss of £8m.", "£8m", "down"),
        ("A 3% rise in rents was recorded.", "3%", "up"),
        ("Rents rose to 1,200 euros.", "1,200", "none"),
        ("Gunners shot down 12 drones.", "12", "none"),
        ("The bank lowered its rate by 50 basis points.", "50 basis points", "down"),
    ],
)
def test_direction(text: str, surface: str, direction: str) -> None:
    assert frame(text, surface).direction == direction


@pytest.mark.parametrize(
    ("text", "surface", "modality"),
    [
        ("The ministry expects revenue of $4 billion.", "$4 billion", "forecast"),
        ("The city aims to plant 20,000 trees by 2030.", "20,000", "target"),
        ("Officials put the toll at 75.", "75", "estimate"),
        ("Roughly 600 homes lost power.", "600", "estimate"),
        ("Nearly 600 homes lost power.", "600", "actual"),
        ("The record of 61 goals was set in 1998.", "61", "historical"),
        ("In 2011 the lake held 30 million litres.", "30 million litres", "historical"),
        ("Exports reached $9 billion in January.", "$9 billion", "actual"),
        ("Spending will reach $2 billion next year.", "$2 billion", "forecast"),
    ],
)
def test_modality(text: str, surface: str, modality: str) -> None:
    assert frame(text, surface).modality == modality


def test_the_nearest_cue_in_the_clause_decides() -> None:
    text = "Delmar expects sales of $6 billion and plans to hire 800 engineers."
    assert frame(text, "$6 billion").modality == "forecast"
    assert frame(text, "800").modality == "target"
    text = "Officials estimated 300 were hurt, but 12 deaths were confirmed."
    assert frame(text, "12").modality == "actual"


def test_without_a_publication_date_the_time_is_written_but_not_resolved() -> None:
    f = frame("Prices rose 2% on Tuesday.", "2%", published=None)
    assert f.time == "on Tuesday" and f.time_iso == ""


def test_dates_have_no_measure() -> None:
    f = frame("The bridge reopened on March 2.", "March 2")
    assert f.measure == "" and f.direction == "none" and f.modality == "actual"


def test_absent_slots_are_empty_not_guessed() -> None:
    f = frame("It was 14.", "14")
    assert (f.measure, f.scope, f.time, f.time_iso, f.source) == ("", "", "", "", "")


def test_frames_are_not_part_of_a_figures_identity() -> None:
    text = "Ticket sales reached 41,000 in February."
    with_frames = extract(Document(text, PUB))
    from claims.extraction import engine

    bare = engine.extract(Document(text, PUB))
    assert with_frames == bare and [hash(f) for f in with_frames] == [hash(f) for f in bare]
    assert all(f.frame is None for f in bare)
    again = pickle.loads(pickle.dumps(with_frames[0]))
    assert again.frame == with_frames[0].frame


def test_new_figure_keeps_its_positional_signature() -> None:
    fig = new_figure(0, 2, "14", 14, "", "count", False, None, None, None, 0, 2, False)
    assert fig.frame is None
    [framed] = add_frames(Document("14"), [fig])
    assert framed is fig and fig.frame is not None


def test_figures_without_sentences_still_get_frames() -> None:
    fig = Figure(0, 2, "14", 14, "", "count")
    [framed] = add_frames(Document("14 ships"), [fig])
    assert framed.frame.measure == "ships"


# ------------------------------------------------------------------ compare_frames
def test_compare_frames_slot_by_slot() -> None:
    a = Frame("troops", "Kursk", "by Tuesday", "2026-03-03", "Ana Reyes", "estimate", "none")
    b = Frame("troop", "Kursk region", "on Tuesday", "2026-03-03", "Reyes", "estimate", "none")
    assert compare_frames(a, b) == dict.fromkeys(SLOTS, SAME)
    c = Frame("casualties", "Russia", "in February", "2026-02", "Ivo Marr", "actual", "up")
    assert compare_frames(a, c) == dict.fromkeys(SLOTS, DIFFERENT)


def test_compare_frames_says_unknown_when_a_slot_is_missing_or_one_period_holds_the_other() -> None:
    a = Frame("troops", "", "in March", "2026-03", "", "actual", "none")
    b = Frame("troops", "Kursk", "on March 3", "2026-03-03", "Ana Reyes", "actual", "none")
    got = compare_frames(a, b)
    assert got["scope"] == got["source"] == got["time"] == UNKNOWN
    assert got["measure"] == SAME
    assert compare_frames(a, None) == dict.fromkeys(SLOTS, UNKNOWN)
    c = Frame("troops", time="at the close of trading")
    d = Frame("troops", time="at the close of trading")
    assert compare_frames(c, d)["time"] == SAME
    assert compare_frames(c, Frame("troops"))["time"] == UNKNOWN


def test_compare_frames_takes_figures_from_two_outlets() -> None:
    one = extract(Document("About 3,000 Valdorian troops were deployed in Kursk on Monday.", PUB))
    two = extract(
        Document("Roughly 3,000 troops were sent to Kursk on Monday, Ana Reyes said.", PUB)
    )
    got = compare_frames(one[0], two[0])
    assert got["measure"] == SAME
    assert got["time"] == SAME
    assert got["modality"] == SAME


# ------------------------------------------------------------------ linear time
@pytest.mark.parametrize(
    "unit",
    [
        "rose 5% to $3 million in the third quarter overnight and ",
        "about 40 Valdorian troops in Kursk on March 3 ",
        "Acme's Big Name rose 4% and ",
        "expected about about about 7 ",
        "overnight overnight within five years ",
    ],
)
def test_frames_of_one_giant_sentence_take_linear_time(unit: str) -> None:
    """Every walk around a figure is bounded by a token window, so four times the
    sentence (and the figures in it) costs about four times as much, not sixteen. The
    engine cuts sentences at a few thousand characters; figures without a sentence are
    read as one sentence of the whole text, the worst case timed here."""
    import dataclasses

    from claims.extraction import engine
    from claims.extraction.frames import frame_for_figures
    from tests.timing import best_cpu

    def whole(text: str) -> list[Figure]:
        return [
            dataclasses.replace(f, sentence_start=0, sentence_end=0)
            for f in engine.extract(Document(text, PUB))
        ]

    small, large = unit * (20_000 // len(unit)), unit * (80_000 // len(unit))
    s_figs, l_figs = whole(small), whole(large)
    assert len(l_figs) > 3 * len(s_figs) > 300
    frame_for_figures(small, PUB, s_figs)
    t_small = best_cpu(frame_for_figures, small, PUB, s_figs)
    t_large = best_cpu(frame_for_figures, large, PUB, l_figs)
    floor = 0.002
    assert max(t_large, floor) / max(t_small, floor) < 8.0, (t_small, t_large)


def test_a_rate_or_count_measures_the_noun_the_engine_counted_not_a_noun_before_it() -> None:
    text = "Troops pushing towards the northern port of Velm are losing 900 soldiers a day."
    assert frame(text, "900").measure == "soldiers"
    text = "Near the old harbour wall, 40 trucks waited and 12 coaches derailed overnight."
    assert frame(text, "40").measure == "trucks"
    assert frame(text, "12").measure == "coaches derailed"
