"""Bulk and single-call identifier validation against python-stdnum, in one run.

Run: python benchmarks/bench_identifiers.py [--rounds N]

Data: 200k valid + 40k corrupted identifiers, shuffled (see _util.py). The
henkilötunnus values are synthetic temporary numbers (900-999), so both sides
validate with allow_temporary=True. Every candidate must give the same labels
as python-stdnum before it is timed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import hetu_data, race, ytunnus_data
from stdnum.fi import hetu as stdnum_hetu
from stdnum.fi import ytunnus as stdnum_ytunnus

from rekisteri.identifiers import hetu, ytunnus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds

    hetus, expected = hetu_data()
    # stdnum differs only where rekisteri is stricter on purpose: non-ASCII input.
    assert all(
        stdnum_hetu.is_valid(s, allow_temporary=True) == label or not s.isascii()
        for s, label in zip(hetus, expected, strict=True)
    )
    assert hetu.validate_many(hetus, allow_temporary=True) == expected
    assert [hetu.is_valid(s, allow_temporary=True) for s in hetus] == expected
    best = race(
        {
            "stdnum": lambda: [stdnum_hetu.is_valid(s, allow_temporary=True) for s in hetus],
            "is_valid": lambda: [hetu.is_valid(s, allow_temporary=True) for s in hetus],
            "validate_many": lambda: hetu.validate_many(hetus, allow_temporary=True),
        },
        rounds,
    )
    report("hetu", best, len(hetus), goals={"is_valid": 5, "validate_many": 8})

    ids, expected = ytunnus_data()
    # stdnum differs only where rekisteri is stricter on purpose: the VAT form
    # (use from_vat) and non-ASCII digits.
    assert all(
        stdnum_ytunnus.is_valid(s) == label or s.startswith("FI") or not s.isascii()
        for s, label in zip(ids, expected, strict=True)
    )
    assert ytunnus.validate_many(ids) == expected
    assert [ytunnus.is_valid(s) for s in ids] == expected
    best = race(
        {
            "stdnum": lambda: [stdnum_ytunnus.is_valid(s) for s in ids],
            "is_valid": lambda: [ytunnus.is_valid(s) for s in ids],
            "validate_many": lambda: ytunnus.validate_many(ids),
        },
        rounds,
    )
    report("ytunnus", best, len(ids), goals={"is_valid": 5, "validate_many": 10})


def report(kind: str, best: dict[str, float], count: int, goals: dict[str, float]) -> None:
    base = best["stdnum"]
    for name, seconds in best.items():
        ratio = base / seconds
        goal = goals.get(name)
        verdict = (
            "" if goal is None else f"  (goal >= {goal}x: {'met' if ratio >= goal else 'MISSED'})"
        )
        print(
            f"{kind}.{name:14} {count / seconds / 1e6:6.2f} M ids/s "
            f"{seconds / count * 1e9:7.0f} ns/id  {ratio:5.1f}x stdnum{verdict}"
        )


if __name__ == "__main__":
    main()
