"""Linting and the JSON-LD export of a realistic register vs serializing it to JSON.

Run: python benchmarks/bench_lint.py [--rounds N] [--number N]

The register is the ≈60-object one of bench_serialize.py, with texts in all
three languages. ``lint`` (in Finnish), ``jsonld.to_jsonld`` and
``jsonld.dumps`` are each timed (best of the rounds, each round ``--number``
calls), interleaved with the baseline ``serialize.dumps`` of the same
register, and printed as milliseconds per call and as the ratio to the
baseline. The linter's outdated-reference search is also timed alone, on the
texts of the three example registers (the legacy notices of the corpus).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import race
from bench_serialize import build

from rekisteri.jsonld import dumps as jsonld_dumps
from rekisteri.jsonld import to_jsonld
from rekisteri.lint import find_outdated, lint, texts
from rekisteri.serialize import dumps, load_register

EXAMPLES = Path(__file__).parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--number", type=int, default=50)
    args = parser.parse_args()
    register = build()
    dumps(register)  # the converter is built once, outside the timing
    old = [
        text for path in sorted(EXAMPLES.glob("*.toml")) for _, text in texts(load_register(path))
    ]

    def repeat(func: object) -> object:
        def run() -> None:
            for _ in range(args.number):
                func()  # type: ignore[operator] # a zero-argument callable

        return run

    candidates = {
        "json": repeat(lambda: dumps(register)),
        "lint": repeat(lambda: lint(register)),
        "to_jsonld": repeat(lambda: to_jsonld(register)),
        "jsonld.dumps": repeat(lambda: jsonld_dumps(register)),
        "find_outdated": repeat(lambda: [find_outdated(text) for text in old]),
    }
    best = race(candidates, args.rounds)  # type: ignore[arg-type] # callables built above
    base = best["json"] / args.number
    chars = sum(map(len, old))
    print(f"register: {len(dumps(register)):,} bytes of JSON, {len(lint(register))} findings")
    print(f"serialize.dumps (baseline): {base * 1000:.3f} ms")
    for name in ("lint", "to_jsonld", "jsonld.dumps"):
        per_call = best[name] / args.number
        print(f"{name}: {per_call * 1000:.3f} ms, {per_call / base:.1f}x serialize.dumps")
    search = best["find_outdated"] / args.number
    print(
        f"find_outdated over the examples' {len(old)} texts ({chars:,} characters): "
        f"{search * 1000:.3f} ms, {search / base:.1f}x serialize.dumps"
    )


if __name__ == "__main__":
    main()
