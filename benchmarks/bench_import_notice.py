"""Import of a huge legacy notice: time per MB at 1, 5 and 10 MB, against a baseline.

Run: python benchmarks/bench_import_notice.py [--rounds N] [--sizes 1,5,10]

The input is the legacy notices of ``tests/fixtures/legacy`` (three real
ones, three fictional text ones) repeated to the size, each copy with its
own number in the firm's name so that copies are not all identical. The
baseline, timed interleaved in the same run, reads the same text the
cheapest way a line-based tool could: ``bytes.decode`` and
``str.splitlines()``. The importer is timed without the linter
(:func:`rekisteri.importer.import_notice` minus ``lint(draft)``) and with it.

Linear time shows as a flat ms/MB column: the ratio of ms/MB at the largest
size to ms/MB at the smallest should stay near 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri.importer import import_notice

LEGACY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "legacy"
MB = 1_000_000


def corpus_text(size: int) -> str:
    """Legacy notices repeated (each copy numbered) to at least *size* characters."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(LEGACY.glob("notice-*.txt"))]
    texts += [
        path.read_text(encoding="utf-8") for path in sorted(LEGACY.glob("fixture-10[02]-*.txt"))
    ]
    parts: list[str] = []
    length = 0
    copy = 0
    while length < size:
        for text in texts:
            numbered = text.replace(" Oy", f" {copy} Oy", 1)
            parts.append(numbered)
            length += len(numbered) + 2
        copy += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="1,5,10", help="sizes in MB, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'MB':>4} {'baseline ms/MB':>15} {'import ms/MB':>13} {'+lint ms/MB':>12} "
          f"{'import/baseline':>16} {'coverage':>9}")  # fmt: skip
    per_mb: dict[int, float] = {}
    for size in sizes:
        text = corpus_text(size * MB)
        data = text.encode("utf-8")
        result = import_notice(text, html=False)
        assert result.unmatched == () or result.coverage > 0.9

        def baseline(data: bytes = data) -> object:
            return data.decode("utf-8").splitlines()

        def without_lint(text: str = text) -> object:
            with mock.patch("rekisteri.lint._rules.lint_draft", return_value=[]):
                return import_notice(text, html=False)

        def with_lint(text: str = text) -> object:
            return import_notice(text, html=False)

        best = race(
            {"baseline": baseline, "import": without_lint, "import+lint": with_lint},
            rounds=args.rounds,
        )
        megabytes = len(data) / MB
        base, ours, linted = (
            best[k] * 1000 / megabytes for k in ("baseline", "import", "import+lint")
        )
        per_mb[size] = ours
        print(f"{size:>4} {base:>15.1f} {ours:>13.1f} {linted:>12.1f} {ours / base:>15.0f}x "
              f"{result.coverage:>8.1%}")  # fmt: skip
    smallest, largest = min(per_mb), max(per_mb)
    print(
        f"ms/MB at {largest} MB / ms/MB at {smallest} MB: {per_mb[largest] / per_mb[smallest]:.2f}"
    )


if __name__ == "__main__":
    main()
