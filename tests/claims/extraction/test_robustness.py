"""Any input: never raises, never hangs, offsets always slice to the surface."""

import datetime as dt
import json
import math
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import Document, extract

NEWSY = st.sampled_from(
    [
        " ",
        "1",
        "2",
        "0",
        ",",
        ".",
        "-",
        ":",
        "%",
        "$",
        "€",
        "£",
        "\u00a0",
        "\u2009",
        "\u2212",
        "²",
        "[1]",
        "\n\n",
        " million",
        " bn",
        " a day",
        " said",
        " about ",
        " between ",
        " and ",
        " to ",
        " March ",
        " one ",
        " half",
        " a third",
        " twice",
        " years",
        " ago",
        " per cent",
        " km/h",
        "-year-old",
        " Kovač said ",
        " thousands",
        " dozen",
        "٣",
        "9:",
        " am",
        '"',
        "“",
    ]
)


def check(text: str) -> None:
    for f in extract(Document(text, dt.date(2024, 1, 1))):
        assert text[f.start : f.end] == f.surface
        assert 0 <= f.start < f.end <= len(text)
        assert f.sentence_start <= f.start
        json.dumps(f.value)
        values = f.value if isinstance(f.value, tuple) else (f.value,)
        for v in values:
            assert not isinstance(v, float) or math.isfinite(v)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=50_000))
def test_arbitrary_text_never_raises_and_offsets_slice(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(NEWSY, max_size=300).map("".join))
def test_newsy_fragments_never_raise(text: str) -> None:
    check(text)


def test_pathological_inputs_finish_quickly() -> None:
    for text in [
        "1" * 50_000,
        "1," * 25_000,
        "9-" * 25_000,
        "March " * 8_000,
        "a " * 25_000,
        "one " * 12_000,
        "A B " * 12_000,
        "Kovač said, " * 4_000,
        "$" * 50_000,
        "1 " * 25_000,
        "(1) " * 12_000,
        "http://" + "a" * 50_000,
    ]:
        t0 = time.perf_counter()
        check(text)
        assert time.perf_counter() - t0 < 15, text[:20]  # linear: ~0.2 ms per number
