"""CPU time for the tests that prove work grows linearly or stays bounded.

Tests never assert seconds (machines are shared); they compare two sizes in one
run, each the best of a few repeats, so a burst of other load does not decide."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_cpu(fn: Callable[..., object], *args: object, repeats: int = 3) -> float:
    """The least CPU time (process_time) of ``repeats`` calls of ``fn(*args)``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - started)
    return best
