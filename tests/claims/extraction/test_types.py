import copy
import dataclasses
import inspect
import pickle

import pytest

from claims.extraction.types import Figure, new_figure

VALUES = (
    3,
    9,
    "$4.2bn",
    4_200_000_000,
    "USD",
    "money",
    True,
    "about",
    "loans",
    "Ana Reyes",
    0,
    40,
    False,
)


def test_new_figure_takes_every_field_of_figure_in_order() -> None:
    names = [f.name for f in dataclasses.fields(Figure)]
    assert list(inspect.signature(new_figure).parameters) == names


def test_new_figure_builds_the_same_object_as_the_dataclass() -> None:
    fast, slow = new_figure(*VALUES), Figure(*VALUES)
    assert type(fast) is Figure
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert copy.copy(fast) == slow
    assert dataclasses.replace(fast, unit="EUR") == dataclasses.replace(slow, unit="EUR")


def test_a_figure_built_fast_is_still_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_figure(*VALUES).start = 1  # type: ignore[misc]
