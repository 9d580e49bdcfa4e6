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

``--shapes`` adds texts of one repeated shape that cost more per MB than a
notice (found by the outside attack A3): one short line a row broken with a
hyphen, one bullet a line under a data-content heading, one address a line
under a controller heading, one run of digits; and one contact person's block
(name, role, phone, e-mail on four lines, a blank line after it) repeated under
a contact heading, each copy with its own phone number (a form's list of many
contact people). Each is printed with its ratio to the notice of the same size
timed in the same run ("vs notice").

``--by-module`` profiles one import of each text (the notice and, with
``--shapes``, each shape) at the largest size with :mod:`cProfile` and prints
the share of the time spent in each module's own code (a built-in call, such as
a regular expression's search, counts for the module that made it). The
profiler slows every call alike, so shares are a guide to where the time
goes, not timings.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
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


def _person(i: int) -> str:
    """One contact person's block, the *i*-th: name, role, phone, e-mail, a blank line."""
    return f"Maija Virtanen\ntoiminnanjohtaja\npuh. 040 {i:07d}\nmaija.virtanen@esimerkki.fi\n\n"


#: Text shapes that cost more than a notice, made *n* characters long (about).
SHAPES: dict[str, Callable[[int], str]] = {
    "hyphen-wrap": lambda n: "Rekisterinpitäjä\n\n" + "sana-\n" * (n // 6),
    "bullets": lambda n: (
        "Rekisterin tietosisältö\n\n" + "".join(f"- tieto {i}\n" for i in range(n // 12))
    ),
    "address-lines": lambda n: (
        "Rekisterinpitäjä\n\n" + "".join(f"Katu {i}, 00100 Helsinki\n" for i in range(n // 25))
    ),
    "digits": lambda n: "1" * n,
    "contact-people": lambda n: (
        "Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        + "".join(_person(i) for i in range(n // len(_person(0))))
    ),
}


def _shapes(sizes: list[float], rounds: int) -> None:
    print(f"\n{'shape':>14} {'MB':>5} {'notice s/MB':>11} {'shape s/MB':>10} {'vs notice':>9}")
    for size in sizes:
        notice = corpus_text(int(size * MB))
        for name, make in SHAPES.items():
            text = make(int(size * MB))
            best_notice = best_shape = float("inf")
            for _ in range(rounds):
                best_notice = min(best_notice, _cpu(partial(import_notice, notice)))
                best_shape = min(best_shape, _cpu(partial(import_notice, text)))
            per_notice = best_notice / (len(notice.encode("utf-8")) / MB)
            per_shape = best_shape / (len(text.encode("utf-8")) / MB)
            megabytes = len(text.encode("utf-8")) / MB
            print(
                f"{name:>14} {megabytes:5.2f} {per_notice:11.2f} {per_shape:10.2f} "
                f"{per_shape / per_notice:8.1f}x"
            )


def _module_shares(text: str) -> list[tuple[str, float]]:
    """The share of one import's profiled time by the module whose code spent it, largest first."""
    import_notice(text[:20000])  # the patterns compiled on first use are not part of the share
    profile = cProfile.Profile()
    profile.runcall(import_notice, text)
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, dict[Any, Any]]]
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    spent: dict[str, float] = {}
    for (file, _line, _name), (_, _, own, _, callers) in stats.items():
        if file != "~":
            spent[Path(file).name] = spent.get(Path(file).name, 0.0) + own
            continue
        # a built-in: its time goes to its callers, in proportion to what each spent in it
        total = sum(caller[2] for caller in callers.values())
        for (caller_file, _, _), caller in callers.items():
            share = own * caller[2] / total if total else 0.0
            spent[Path(caller_file).name] = spent.get(Path(caller_file).name, 0.0) + share
    whole = sum(spent.values()) or 1.0
    return sorted(((name, value / whole) for name, value in spent.items()), key=lambda x: -x[1])


def _by_module(size: float, *, shapes: bool) -> None:
    texts = {"notice": corpus_text(int(size * MB))}
    if shapes:
        texts |= {name: make(int(size * MB)) for name, make in SHAPES.items()}
    for name, text in texts.items():
        shares = _module_shares(text)[:8]
        print(f"\n{name} ({len(text.encode('utf-8')) / MB:.2f} MB), share of profiled time:")
        for module, share in shares:
            print(f"  {module:<28} {100 * share:5.1f} %")


def main() -> None:
    """Print CPU seconds per MB for each size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="0.25,1")
    parser.add_argument("--shapes", action="store_true", help="also time the costly shapes")
    parser.add_argument(
        "--by-module", action="store_true", help="profile: the time's share by module"
    )
    args = parser.parse_args()
    print(f"{'MB':>5} {'baseline s/MB':>13} {'import s/MB':>11} {'+lint s/MB':>10} {'ratio':>7}")
    for size in (float(part) for part in args.sizes.split(",")):
        text = corpus_text(int(size * MB))
        megabytes = len(text.encode("utf-8")) / MB
        best = {"baseline": float("inf"), "import": float("inf"), "lint": float("inf")}
        for _ in range(args.rounds):
            best["baseline"] = min(best["baseline"], _cpu(partial(_baseline, text)))
            with mock.patch("rekisteri.lint._rules.lint_draft", return_value=[]):
                best["import"] = min(best["import"], _cpu(partial(import_notice, text)))
            best["lint"] = min(best["lint"], _cpu(partial(import_notice, text)))
        per = {key: value / megabytes for key, value in best.items()}
        print(
            f"{megabytes:5.2f} {per['baseline']:13.4f} {per['import']:11.2f} "
            f"{per['lint']:10.2f} {per['import'] / per['baseline']:6.0f}x"
        )
    if args.shapes:
        _shapes([float(part) for part in args.sizes.split(",")], args.rounds)
    if args.by_module:
        _by_module(max(float(part) for part in args.sizes.split(",")), shapes=args.shapes)


if __name__ == "__main__":
    main()
