"""Train the importer's second reader (``rekisteri.importer._model``) on the dev fixtures.

Run: python benchmarks/train_section_model.py          (writes the model file)
     python benchmarks/train_section_model.py --check  (exit 1 if the file differs)
     python benchmarks/train_section_model.py --cv     (5-fold cross-validation on dev)

The training material is the development fixtures only
(``tests/fixtures/legacy/dev/*`` with their ``*.expected.toml``): each section
of a fixture's ``[[fixture.sections]]`` table is located in the notice's text
as the scorer locates it, cut into paragraphs at blank lines, and each
paragraph (with the section's heading) is one example of the field the
section names (``none`` too: a title, an introduction, a page's menu). The
held-out fixtures are never read. The output is deterministic: the same
fixtures give the same file, byte for byte.

``--cv`` trains on four fifths of the fixtures and lets the model place the
unplaced text of the fifth (as the importer would), for each fifth: it prints
the dev share of text in the right field without and with the model, and the
characters placed (in sections that name a field) and how many of them are
placed right. Its figures chose :data:`~rekisteri.importer._model.ALPHA`,
``THRESHOLD`` and the word minimums.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from rekisteri.importer import MappedSpan, import_bytes
from rekisteri.importer._evaluate import right_field, section_spans
from rekisteri.importer._model import ALPHA, Model, features, placements

if TYPE_CHECKING:
    from rekisteri.importer import ImportResult

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "legacy" / "dev"
OUT = ROOT / "src" / "rekisteri" / "importer" / "data" / "section_model.json"
#: Fields that are one thing for the scorer (as ``_evaluate``).
SAME = {"rights_exercise": "rights", "cookie_policy": "cookies"}
PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
FOLDS = 5

Example = tuple[Counter[str], str]


def fixtures() -> list[tuple[str, ImportResult, list[dict[str, str]]]]:
    """Each dev fixture with a section table: its name, its import (no model) and the table."""
    out = []
    for notice in sorted(DEV.iterdir()):
        expected = notice.with_name(notice.stem + ".expected.toml")
        if notice.suffix not in {".txt", ".html"} or not expected.is_file():
            continue
        sections = tomllib.loads(expected.read_text("utf-8")).get("fixture", {}).get("sections")
        if sections:
            result = import_bytes(notice.read_bytes(), source_name=notice.name, model=False)
            out.append((notice.name, result, sections))
    return out


def examples(text: str, sections: list[dict[str, str]]) -> list[Example]:
    """The paragraphs of each located section, with the section's heading, and its field."""
    out: list[Example] = []
    for start, end, heading, field in section_spans(text, sections):
        out.extend(
            (features(paragraph, heading), SAME.get(field, field))
            for paragraph in PARAGRAPH.split(text[start:end])
            if paragraph.strip()
        )
    return out


def counts(training: list[Example]) -> dict[str, Any]:
    """The model's stored form: classes, examples and tokens per class, counts per stem."""
    classes = sorted({field for _, field in training})
    index = {field: number for number, field in enumerate(classes)}
    documents = [0] * len(classes)
    tokens = [0] * len(classes)
    per_stem: defaultdict[str, Counter[int]] = defaultdict(Counter)
    for found, field in training:
        documents[index[field]] += 1
        for stem, times in found.items():
            tokens[index[field]] += times
            per_stem[stem][index[field]] += times
    return {
        "about": "rekisteri importer section model; regenerate: benchmarks/train_section_model.py",
        "alpha": ALPHA,
        "classes": classes,
        "counts": {stem: sorted(per_stem[stem].items()) for stem in sorted(per_stem)},
        "documents": documents,
        "tokens": tokens,
    }


def dumped(data: dict[str, Any]) -> str:
    """The model file's text (sorted keys, no spaces: byte-for-byte reproducible)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def cross_validate(data: list[tuple[str, ImportResult, list[dict[str, str]]]]) -> None:
    """Print the dev figures of :data:`FOLDS`-fold cross-validation (by fixture)."""
    per_fixture = [examples(result.text, sections) for _, result, sections in data]
    before = [0, 0]
    after = [0, 0]
    placed = [0, 0, 0]  # characters placed in sections naming a field, placed right, in "none"
    for fold in range(FOLDS):
        training = [e for i, found in enumerate(per_fixture) if i % FOLDS != fold for e in found]
        reader = Model(counts(training))
        for _, result, sections in data[fold::FOLDS]:
            spans = _placed(result, reader)
            for total, got in ((before, result), (after, _with(result, spans))):
                right, chars = right_field(got, sections)
                total[0] += right
                total[1] += chars
            _tally(result, sections, spans, placed)
    for label, (right, chars) in (("without", before), ("with", after)):
        print(f"dev, right field {label} the model: {right / chars:.2%} ({right}/{chars})")
    print(
        f"placed by a model not trained on the fixture: {placed[1]} characters in sections "
        f"that name a field, {placed[0]} of them right; {placed[2]} in sections that name none"
    )


def _placed(result: ImportResult, reader: Model) -> list[tuple[int, int, str]]:
    passages = [(passage.start, passage.end) for passage in result.unmatched]
    return placements(result.text, result.sections, passages, reader)


def _with(result: ImportResult, spans: list[tuple[int, int, str]]) -> ImportResult:
    added = tuple(MappedSpan(start, end, field) for start, end, field in spans)
    return attrs.evolve(result, mapped=result.mapped + added)


def _tally(
    result: ImportResult,
    sections: list[dict[str, str]],
    spans: list[tuple[int, int, str]],
    placed: list[int],
) -> None:
    located = section_spans(result.text, sections)
    for start, end, field in spans:
        want = next((f for s, e, _, f in located if s <= start < e), "none")
        chars = len("".join(result.text[start:end].split()))
        if want == "none":
            placed[2] += chars
            continue
        placed[1] += chars
        placed[0] += chars if SAME.get(want, want) == field else 0


def main(argv: list[str]) -> int:
    data = fixtures()
    if "--cv" in argv:
        cross_validate(data)
        return 0
    training = [e for _, result, sections in data for e in examples(result.text, sections)]
    text = dumped(counts(training))
    if "--check" in argv:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'DIFFERS from what the fixtures give'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()):,} bytes, {len(training)} examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
