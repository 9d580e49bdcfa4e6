"""Identifier columns (rekisteri.arrow, rekisteri.polars) against python-stdnum, in one run.

Run: python benchmarks/bench_columns.py [--rows N] [--rounds N]

Data: N identifiers (default 1,000,000), 80 % valid and 20 % corrupted (8
kinds of hetu damage, 6 of Y-tunnus damage), shuffled; the hetu values are
synthetic temporary numbers, so every side runs with allow_temporary=True.
Everything runs on one core: Polars is limited to one thread and Arrow's
thread pool to one CPU before they are imported. Before timing, every
candidate must give the same answers as rekisteri's scalar is_valid.

Candidates:
* stdnum: ``stdnum.fi.<kind>.is_valid`` per value (the baseline, 1.0x);
* validate_many: rekisteri's pure-Python bulk path;
* arrow: ``rekisteri.arrow.<kind>_is_valid`` on a pyarrow string array
  (numpy over the Arrow buffers, the chosen kernel);
* arrow_reason: ``<kind>_reason`` (validity and the reason of each invalid value);
* polars: the ``rekisteri`` expression namespace in a lazy frame;
* pc_only (hetu): the canonical-form check written with pyarrow.compute
  alone (regex, slices, casts, arithmetic). It checks less than the others
  (the date must exist, but no exact leap-year or future check and no other
  spellings), so it is a lower bound for that approach; it is how the kernel
  was chosen.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from itertools import cycle
from pathlib import Path

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
from stdnum.fi import hetu as stdnum_hetu
from stdnum.fi import ytunnus as stdnum_ytunnus

from rekisteri import arrow
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.polars import RekisteriNamespace
from rekisteri.testing import (
    HetuCorruption,
    YtunnusCorruption,
    corrupt_hetu,
    corrupt_ytunnus,
    synthetic_hetus,
    synthetic_ytunnukset,
)

sys.path.insert(0, str(Path(__file__).parent))

from _util import race


def data(kind: str, rows: int, seed: int = 42) -> list[str]:
    """*rows* values, 20 % corrupted, shuffled."""
    bad = rows // 5
    if kind == "hetu":
        valid = list(synthetic_hetus(rows, seed=seed))
        hetu_ways = cycle(HetuCorruption)
        values = valid[bad:] + [corrupt_hetu(v, next(hetu_ways)) for v in valid[:bad]]
    else:
        valid = list(synthetic_ytunnukset(rows, seed=seed))
        id_ways = cycle(YtunnusCorruption)
        values = valid[bad:] + [corrupt_ytunnus(v, next(id_ways)) for v in valid[:bad]]
    random.Random(seed).shuffle(values)
    return values


_SHAPE = r"^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]$"


def pc_only_hetu(column: pa.Array) -> pa.Array:
    """A hetu check of the canonical form with pyarrow.compute only (less than the real one)."""
    shape = pc.match_substring_regex(column, _SHAPE)
    safe = pc.if_else(shape, column, "010100-0020")

    def number(start: int, stop: int) -> pa.Array:
        return pc.cast(pc.utf8_slice_codeunits(safe, start, stop), pa.int64())

    day, month, yy, individual = number(0, 2), number(2, 4), number(4, 6), number(7, 10)
    sign = pc.utf8_slice_codeunits(safe, 6, 7)
    century = pc.if_else(
        pc.equal(sign, "+"), 1800, pc.if_else(pc.is_in(sign, pa.array(list("ABCDEF"))), 2000, 1900)
    )
    lengths = pa.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    month_ok = pc.and_(pc.greater_equal(month, 1), pc.less_equal(month, 12))
    day_ok = pc.and_(
        pc.greater_equal(day, 1),
        pc.less_equal(day, pc.take(lengths, pc.if_else(month_ok, month, 0))),
    )
    del century  # the year only matters for leap years and the future: not checked here
    total = pc.add(pc.add(pc.multiply(pc.add(pc.multiply(day, 100), month), 100_000),
                          pc.multiply(yy, 1000)), individual)  # fmt: skip
    check = pc.utf8_slice_codeunits(safe, 10, 11)
    remainder = pc.subtract(total, pc.multiply(pc.divide(total, 31), 31))  # integer division
    expected = pc.take(pa.array(list("0123456789ABCDEFHJKLMNPRSTUVWXY")), remainder)
    return pc.and_(
        pc.and_(shape, pc.and_(month_ok, day_ok)),
        pc.and_(pc.greater_equal(individual, 2), pc.equal(check, expected)),
    )


def report(kind: str, best: dict[str, float], count: int, goals: dict[str, float]) -> None:
    base = best["stdnum"]
    for name, seconds in best.items():
        ratio = base / seconds
        goal = goals.get(name)
        verdict = (
            "" if goal is None else f"  (goal >= {goal}x: {'met' if ratio >= goal else 'MISSED'})"
        )
        print(
            f"{kind}.{name:14} {count / seconds / 1e6:7.2f} M ids/s "
            f"{seconds / count * 1e9:7.0f} ns/id  {ratio:6.1f}x stdnum{verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)

    values = data("hetu", args.rows)
    column = pa.array(values, type=pa.string())
    frame = pl.DataFrame({"hetu": values}).lazy()
    expected = [hetu.is_valid(v, allow_temporary=True) for v in values]
    assert arrow.hetu_is_valid(column, allow_temporary=True).to_pylist() == expected
    assert hetu.validate_many(values, allow_temporary=True) == expected
    expr = RekisteriNamespace(pl.col("hetu")).hetu_is_valid(allow_temporary=True)
    assert frame.select(expr).collect()["hetu"].to_list() == expected
    lower_bound = pc_only_hetu(column).to_pylist()
    print(
        f"hetu: {args.rows:,} values, {expected.count(False):,} invalid; the pyarrow.compute-only "
        f"check disagrees on {sum(a != b for a, b in zip(lower_bound, expected, strict=True)):,} "
        "(other spellings it does not accept)"
    )
    best = race(
        {
            "stdnum": lambda: [stdnum_hetu.is_valid(s, allow_temporary=True) for s in values],
            "validate_many": lambda: hetu.validate_many(values, allow_temporary=True),
            "arrow": lambda: arrow.hetu_is_valid(column, allow_temporary=True),
            "arrow_reason": lambda: arrow.hetu_reason(column, allow_temporary=True),
            "polars": lambda: frame.select(expr).collect(),
            "pc_only": lambda: pc_only_hetu(column),
        },
        args.rounds,
    )
    report("hetu", best, args.rows, goals={"validate_many": 8, "arrow": 40, "polars": 40})

    ids = data("ytunnus", args.rows)
    id_column = pa.array(ids, type=pa.string())
    id_frame = pl.DataFrame({"y": ids}).lazy()
    id_expr = RekisteriNamespace(pl.col("y")).ytunnus_is_valid()
    expected = [ytunnus.is_valid(v) for v in ids]
    assert arrow.ytunnus_is_valid(id_column).to_pylist() == expected
    assert ytunnus.validate_many(ids) == expected
    assert id_frame.select(id_expr).collect()["y"].to_list() == expected
    best = race(
        {
            "stdnum": lambda: [stdnum_ytunnus.is_valid(s) for s in ids],
            "validate_many": lambda: ytunnus.validate_many(ids),
            "arrow": lambda: arrow.ytunnus_is_valid(id_column),
            "arrow_reason": lambda: arrow.ytunnus_reason(id_column),
            "polars": lambda: id_frame.select(id_expr).collect(),
        },
        args.rounds,
    )
    report("ytunnus", best, args.rows, goals={"validate_many": 10, "arrow": 40, "polars": 40})


if __name__ == "__main__":
    main()
