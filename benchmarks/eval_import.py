"""Coverage of the importer: the share of each notice's text that is mapped to fields.

Run: python benchmarks/eval_import.py [--corpus DIR]

For each legacy notice in ``tests/fixtures/legacy`` (the project's corpus
notices ``notice-*`` and the hand-written fixtures ``fixture-*``), and in
``--corpus DIR`` if given, prints the number of non-blank characters, the
share of them mapped to a field of the draft ("mapped": recognised headings
and sentences kept in the register description count), the stricter share
mapped to a specific field ("specific": not headings, not the description),
the passages left unmatched, and the findings by severity. The target is
≥ 90 % mapped on each corpus notice.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rekisteri.importer import ImportResult, import_bytes
from rekisteri.importer._builder import merged
from rekisteri.lint import summary

LEGACY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "legacy"
TARGET = 0.90


def specific(result: ImportResult) -> float:
    """The share mapped to a field other than a heading or the catch-all description."""
    text = result.text
    total = sum(1 for char in text if not char.isspace())
    spans = merged(
        (m.start, m.end)
        for m in result.mapped
        if not m.field.startswith("heading:") and m.field != "description"
    )
    mapped = sum(1 for s, e in spans for char in text[s:e] if not char.isspace())
    return mapped / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    args = parser.parse_args()
    files = sorted(p for p in LEGACY.iterdir() if p.suffix in {".txt", ".html"})
    for folder in args.corpus:
        files += sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html"})
    print(
        f"{'document':<42} {'chars':>6} {'mapped':>7} {'specific':>8} {'unmatched':>9}"
        "  findings (e/w/i)"
    )
    corpus: list[float] = []
    for path in files:
        result = import_bytes(path.read_bytes(), source_name=path.name)
        chars = sum(1 for char in result.text if not char.isspace())
        counts = summary(result.findings)
        print(
            f"{path.name:<42} {chars:>6} {result.coverage:>7.1%} {specific(result):>8.1%} "
            f"{len(result.unmatched):>9}  "
            f"{counts['error']}/{counts['warning']}/{counts['info']}"
        )
        if path.name.startswith("notice-") or path.parent != LEGACY:
            corpus.append(result.coverage)
    if corpus:
        low = min(corpus)
        verdict = "met" if low >= TARGET else "MISSED"
        print(f"corpus: lowest {low:.1%}, mean {sum(corpus) / len(corpus):.1%}; "
              f"target ≥ {TARGET:.0%} per document: {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
