"""Extraction time grows linearly with the text, whatever the text repeats
(issue 13: runs of "!" without a space took the square of their length).

Each case repeats one generated unit to about 10k and 40k characters and
compares the CPU time of the two in one run: a ratio, never a timed assert.
Four times the text may cost up to eight times the time (noise, caches); a
quadratic path costs sixteen. The minimum of a few repeats beats noise.
"""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claims.extraction import Document, extract
from tests.timing import best_cpu

SMALL, LARGE = 10_000, 40_000
MAX_RATIO = 8.0  # for 4x the text: linear gives ~4, quadratic ~16

PIECES = st.sampled_from(
    [
        *"0123456789",
        *",.' \u2009\u00a0",  # separators
        *"!?;:…",
        *"\"'“”‘’«»",
        *"()[]{}",
        *"$€£¥",
        "%",
        *"-\u2010\u2013\u2014\u2212",
        "e",
        "x",
        "E",
        "A",
        " million",
        " bn",
        " thousand",
        " per cent",
        " km",
        "\n",
    ]
)
UNITS = st.lists(PIECES, min_size=1, max_size=8).map("".join)


def _cpu(fn, text: str, repeats: int = 3) -> float:
    return best_cpu(fn, text, repeats=repeats)


def _extract(text: str) -> None:
    extract(Document(text))


def _article(unit: str, size: int) -> str:
    # Figures on both sides: without one, the sentence and speaker passes never run.
    return "Sales rose 5% " + unit * max(1, size // len(unit)) + "5% in 2025."


def assert_linear(fn, unit: str) -> None:
    small, large = _article(unit, SMALL), _article(unit, LARGE)
    fn(small)  # warm caches (lexicon tries, compiled patterns)
    t_small, t_large = _cpu(fn, small), _cpu(fn, large)
    # Below a few milliseconds the clock's tick decides; such text is fast anyway.
    floor = 0.002
    ratio = max(t_large, floor) / max(t_small, floor)
    assert ratio < MAX_RATIO, (
        f"{unit!r}: {t_small:.3f}s at {len(small)}, {t_large:.3f}s at {len(large)}"
    )


@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(UNITS)
@example("!")
@example(".")
@example("?")
@example("!" * 3 + "a")
@example("1,")
@example("1.")
@example("(")
@example('"')
@example("1")  # one long digit run
@example("1 ")
@example("1-")
@example("$1 ")
@example("1.\t")  # full stops with no space before them to find
@example("1e")
@example("1x ")
@example("1 million ")
@example("…")
@example("Harbour officials said 5. ")  # is Harbour a name? asked once per text
def test_extraction_time_grows_linearly_with_repeated_text(unit: str) -> None:
    assert_linear(_extract, unit)


def test_the_150k_exclamation_article_reads_its_figures():
    text = "Sales rose" + "!" * 150_000 + "5% in 2025."
    assert [f.surface for f in extract(Document(text))] == ["5%", "2025"]
