"""Shared helpers for the benchmarks: data sets and interleaved timing."""

from __future__ import annotations

import random
import time
from itertools import cycle
from typing import TYPE_CHECKING

from rekisteri.testing import (
    HetuCorruption,
    YtunnusCorruption,
    corrupt_hetu,
    corrupt_ytunnus,
    synthetic_hetus,
    synthetic_ytunnukset,
)

if TYPE_CHECKING:
    from collections.abc import Callable

VALID = 200_000
CORRUPTED = 40_000


def hetu_data(seed: int = 42) -> tuple[list[str], list[bool]]:
    """200k valid temporary hetus (all 2023 signs) + 40k corrupted, shuffled, and labels."""
    valid = list(synthetic_hetus(VALID + CORRUPTED, seed=seed))
    kinds = cycle(HetuCorruption)
    data = [(v, True) for v in valid[:VALID]]
    data += [(corrupt_hetu(v, next(kinds)), False) for v in valid[VALID:]]
    random.Random(seed).shuffle(data)
    return [v for v, _ in data], [label for _, label in data]


def ytunnus_data(seed: int = 42) -> tuple[list[str], list[bool]]:
    """200k valid Y-tunnus + 40k corrupted, shuffled, and their labels."""
    valid = list(synthetic_ytunnukset(VALID + CORRUPTED, seed=seed))
    kinds = cycle(YtunnusCorruption)
    data = [(v, True) for v in valid[:VALID]]
    data += [(corrupt_ytunnus(v, next(kinds)), False) for v in valid[VALID:]]
    random.Random(seed).shuffle(data)
    return [v for v, _ in data], [label for _, label in data]


def race(candidates: dict[str, Callable[[], object]], rounds: int = 7) -> dict[str, float]:
    """Time each candidate *rounds* times, interleaved; return the best seconds of each."""
    best = dict.fromkeys(candidates, float("inf"))
    for _ in range(rounds):
        for name, func in candidates.items():
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best
