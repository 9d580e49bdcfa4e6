"""Rendering a realistic register: notices and records vs serializing it to JSON.

Run: python benchmarks/bench_render.py [--rounds N] [--number N]

The register is the ≈60-object one of bench_serialize.py (a controller, 10
purposes, 30 data categories, 5 sources, 5 recipients, 10 retention rules, 8
rights), with texts in all three languages. For each of the 3 locales × 3
formats, one ``render_notice`` call is timed (best of the rounds, each round
``--number`` calls) interleaved with the baseline, ``serialize.dumps`` of the
same register, and printed as milliseconds per notice and as the ratio to the
baseline. The first call, which loads babel, the catalogs and the locale
data, is timed apart: that cost is paid once per process, lazily.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import race
from bench_serialize import build

from rekisteri.render import FORMATS, LOCALES, render_notice, render_record
from rekisteri.serialize import dumps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--number", type=int, default=20)
    args = parser.parse_args()
    register = build()

    start = time.perf_counter()
    render_notice(register, locale="fi", format="html")
    cold_ms = (time.perf_counter() - start) * 1000
    dumps(register)  # the converter is built once, outside the timing

    def repeat(func: object) -> object:
        def run() -> None:
            for _ in range(args.number):
                func()  # type: ignore[operator] # a zero-argument callable

        return run

    candidates = {"json": repeat(lambda: dumps(register))}
    for locale in LOCALES:
        for fmt in FORMATS:
            candidates[f"{locale}/{fmt}"] = repeat(
                lambda locale=locale, fmt=fmt: render_notice(register, locale=locale, format=fmt)
            )
    candidates["record fi/md"] = repeat(lambda: render_record(register, locale="fi", format="md"))
    best = race(candidates, args.rounds)  # type: ignore[arg-type] # callables built above
    base = best["json"] / args.number
    print(f"register: {len(dumps(register)):,} bytes of JSON")
    print(f"first notice incl. loading babel and the catalogs: {cold_ms:.1f} ms")
    print(f"{'json (serialize.dumps)':24} {base * 1000:8.3f} ms   1.0x")
    notices = [name for name in candidates if name not in {"json", "record fi/md"}]
    for name in [*notices, "record fi/md"]:
        seconds = best[name] / args.number
        print(f"{name:24} {seconds * 1000:8.3f} ms  {seconds / base:5.1f}x json")
    mean = sum(best[name] for name in notices) / len(notices) / args.number
    print(f"mean of the 9 notices: {mean * 1000:.3f} ms per notice, {mean / base:.1f}x json")


if __name__ == "__main__":
    main()
