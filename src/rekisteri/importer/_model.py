"""A second reader for text the rules leave unplaced: a small naive Bayes model.

The model is trained by ``benchmarks/train_section_model.py`` on the
development fixtures' section tables (each section's paragraphs, with its
heading, labelled with the field the section names) and stored as word-stem
counts in ``data/section_model.json``. It is loaded on first use only (``import
rekisteri`` never reads it) and runs in pure Python, in time linear in the
text.

It reads only what the rules left unplaced (:attr:`ImportResult.unmatched`):

* a passage of at least :data:`MIN_WORDS` words in a section whose heading
  names no field (an unknown heading, text before the first heading), which
  it places when its posterior for one field is at least :data:`THRESHOLD`
  and the model knows its words well (:meth:`Model.familiar`);
* a passage of at least :data:`MIN_WORDS_AGREE` words under a recognised
  heading, which it places in that heading's field only, when it reads the
  passage as that field with the same confidence (a recognised heading is
  never overridden).

Each placed passage is quoted in an ``# importer unsure`` remark on its field.
Features are the first :data:`STEM` letters of each word of two letters or
more (no digit is ever a feature: an identity code never is one), and the same
of the section's heading, marked as such.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from importlib import resources
from typing import TYPE_CHECKING, Final

from rekisteri.importer._invisible import INVISIBLE

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: Letters of a word that make its feature (an inflected word shares its stem).
STEM: Final = 5
#: A word: two letters or more, no digit.
WORD: Final = re.compile(r"[^\W\d_]{2,}")
#: The model's smoothing (chosen by cross-validation on the development fixtures).
ALPHA: Final = 0.1
#: The posterior a placement needs (cross-validated on the development fixtures).
THRESHOLD: Final = 0.999
#: Words a passage needs under a heading that names no field (a sentence, not a fragment).
MIN_WORDS: Final = 8
#: Words a passage needs to be placed in its recognised heading's field.
MIN_WORDS_AGREE: Final = 4
#: A stem the training texts had at least this many times is one the model knows well.
FAMILIAR: Final = 5
#: Stems the model knows well that a passage under a heading of no field needs (R5-12).
MIN_FAMILIAR: Final = 3
#: A section's first line longer than this is no heading: no heading features.
HEADING_CHARS: Final = 100
#: The fields the model may place text in (``none`` and the rest stay unplaced).
PLACEABLE: Final = frozenset(
    {
        "purposes",
        "data_categories",
        "data_subjects",
        "sources",
        "recipients",
        "processors",
        "transfers",
        "retention",
        "security",
        "rights",
        "cookies",
        "controller",
        "contact_person",
    }
)
#: The remark each placed passage gets on its field.
REMARK: Final = "read by the statistical model, not by a rule (check it): “{passage}”"
_DATA: Final = "section_model.json"
_BLANK: Final = re.compile(r"\s*")


def features(text: str, heading: str = "") -> Counter[str]:
    """The features of *text* under *heading*: word stems, the heading's marked ``h:``.

    Examples:
        >>> sorted(features("Tietoja käytetään laskutukseen 2077474-0", "Käyttötarkoitus").items())
        [('h:käytt', 1), ('käyte', 1), ('lasku', 1), ('tieto', 1)]
    """
    found: Counter[str] = Counter(word[:STEM] for word in WORD.findall(text.casefold()))
    for word in WORD.findall(heading.casefold()):
        found["h:" + word[:STEM]] += 1
    return found


class Model:
    """Multinomial naive Bayes over :func:`features`, from the stored counts."""

    def __init__(self, data: dict[str, object]) -> None:
        classes: list[str] = data["classes"]  # type: ignore[assignment] # the stored format
        documents: list[int] = data["documents"]  # type: ignore[assignment]
        tokens: list[int] = data["tokens"]  # type: ignore[assignment]
        counts: dict[str, list[list[int]]] = data["counts"]  # type: ignore[assignment]
        alpha = float(data["alpha"])  # type: ignore[arg-type]
        size = len(counts)
        total = sum(documents)
        self.classes = tuple(classes)
        self._prior = [math.log(n / total) for n in documents]
        self._unseen = [math.log(alpha) - math.log(t + alpha * size) for t in tokens]
        #: per stem: {class index: log probability}, only the classes that saw it
        self._seen = {
            stem: {
                index: math.log(count + alpha) - math.log(tokens[index] + alpha * size)
                for index, count in pairs
            }
            for stem, pairs in counts.items()
        }
        self._known = frozenset(
            stem for stem, pairs in counts.items() if sum(n for _, n in pairs) >= FAMILIAR
        )

    def familiar(self, text: str) -> bool:
        """Whether the model knows *text*'s words well enough for its posterior to mean much.

        At least half of its words and :data:`MIN_FAMILIAR` distinct stems are ones
        the training texts had :data:`FAMILIAR` times or more. A posterior near 1
        is no confidence on words the model hardly saw: "polku metsä järvi metsä
        lintu sade kivi kala ranta" read as the controller at 0.9999 (stems of
        street names seen a few times there).

        Examples:
            >>> model().familiar("Tietoja käytetään asiakassuhteen hoitamiseen ja laskutukseen.")
            True
            >>> model().familiar("Polku metsä järvi metsä metsä lintu sade kivi kala ranta.")
            False
        """
        found = features(text)
        known = [stem for stem in found if stem in self._known]
        well_known = sum(found[stem] for stem in known)
        return len(known) >= MIN_FAMILIAR and 2 * well_known >= sum(found.values())

    def posterior(self, found: Counter[str]) -> list[tuple[float, str]]:
        """Each class's posterior for *found*, highest first (linear in the features)."""
        scores = list(self._prior)
        for stem, times in found.items():
            seen = self._seen.get(stem)
            if seen is None:
                continue  # a word no training text had: no evidence either way
            for index in range(len(scores)):
                scores[index] += times * seen.get(index, self._unseen[index])
        top = max(scores)
        weights = [math.exp(score - top) for score in scores]
        whole = sum(weights)
        return sorted(
            ((w / whole, c) for w, c in zip(weights, self.classes, strict=True)), reverse=True
        )

    def field(self, text: str, heading: str = "") -> str | None:
        """The field *text* belongs to when the model is sure enough, else ``None``."""
        share, best = self.posterior(features(text, heading))[0]
        return best if share >= THRESHOLD and best in PLACEABLE else None


def load_data(raw: str) -> Model:
    """A model from the stored JSON text."""
    return Model(json.loads(raw))


@functools.cache
def model() -> Model:
    """The packaged model, read on first use."""
    raw = resources.files("rekisteri.importer").joinpath("data", _DATA).read_text("utf-8")
    return load_data(raw)


def heading_of(text: str, start: int) -> str:
    """The first line of the section starting at *start*, if short enough to be its heading."""
    first = _BLANK.match(text, start)
    begin = first.end() if first is not None else start
    end = text.find("\n", begin)
    # no copy of the rest of the text: one call per passage must not cost the text's length
    line = text[begin : len(text) if end < 0 else end].strip()
    return line if len(line) <= HEADING_CHARS else ""


def placements(
    text: str,
    sections: Sequence[tuple[int, int, str]],
    passages: Iterable[tuple[int, int]],
    reader: Model | None = None,
) -> list[tuple[int, int, str]]:
    """The unplaced *passages* the model places: ``(start, end, field)``.

    *sections* are ``(start, end, field)`` with the scorer's field names
    (``"none"`` for a heading that names no field); *passages* are in text order.
    *reader* is the packaged model unless given (the training script's folds).
    """
    reader = reader or model()
    out: list[tuple[int, int, str]] = []
    headings: dict[int, str] = {}  # each section's heading, read once
    index = 0
    for start, end in passages:
        while index < len(sections) and sections[index][1] <= start:
            index += 1
        if index >= len(sections):
            break
        first, _, named = sections[index]
        # read without invisible characters: a soft hyphen inside a word would cut it in two
        passage = INVISIBLE.sub("", text[start:end])
        words = len(WORD.findall(passage))
        if words < (MIN_WORDS if named == "none" else MIN_WORDS_AGREE):
            continue
        if named == "none" and not reader.familiar(passage):
            continue  # under a heading of no field, only words the model knows well
        if first not in headings:
            headings[first] = INVISIBLE.sub("", heading_of(text, first))
        field = reader.field(passage, headings[first])
        if field is not None and named in {"none", field}:
            out.append((start, end, field))
    return out
