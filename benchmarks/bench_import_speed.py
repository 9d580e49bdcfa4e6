"""Seconds per MB of the importer on a synthetic notice, in CPU time, against a baseline.

Run: python benchmarks/bench_import_speed.py [--rounds N] [--sizes 0.25,1]

The notice is the legacy notices of ``tests/fixtures/legacy`` repeated (each
copy numbered) to the size, as in ``bench_import_notice.py``. Time is the
process's CPU time (``time.process_time``), so that other jobs on a shared
machine do not count; the best of the rounds is kept. The baseline, timed
interleaved in the same run, is ``str.splitlines()`` plus one regular
expression search per line (the cheapest line-based reading of the text).
"import" is :func:`rekisteri.importer.import_notice` without the linter's
report on the draft; "+lint" is the whole call. Goal (issue 15): at most 3 s
per MB, the same per MB at every size (linear time).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

sys.path.insert(0, str(Path(__file__).parent))

from bench_import_notice import corpus_text

from rekisteri.importer import import_notice

if TYPE_CHECKING:
    from collections.abc import Callable

MB = 1_000_000
_WORD = re.compile(r"\b[A-ZÄÖÅ]\w+")


def _cpu(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _baseline(text: str) -> int:
    return sum(1 for line in text.splitlines() if _WORD.search(line))


def main() -> None:
    """Print CPU seconds per MB for each size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="0.25,1")
    args = parser.parse_args()
    print(f"{'MB':>5} {'baseline s/MB':>13} {'import s/MB':>11} {'+lint s/MB':>10} {'ratio':>7}")
    for size in (float(part) for part in args.sizes.split(",")):
        text = corpus_text(int(size * MB))
        megabytes = len(text.encode("utf-8")) / MB
        best = {"baseline": float("inf"), "import": float("inf"), "lint": float("inf")}
        for _ in range(args.rounds):
            best["baseline"] = min(best["baseline"], _cpu(partial(_baseline, text)))
            with mock.patch("rekisteri.lint.lint", return_value=[]):
                best["import"] = min(best["import"], _cpu(partial(import_notice, text)))
            best["lint"] = min(best["lint"], _cpu(partial(import_notice, text)))
        per = {key: value / megabytes for key, value in best.items()}
        print(
            f"{megabytes:5.2f} {per['baseline']:13.4f} {per['import']:11.2f} "
            f"{per['lint']:10.2f} {per['import'] / per['baseline']:6.0f}x"
        )


if __name__ == "__main__":
    main()
