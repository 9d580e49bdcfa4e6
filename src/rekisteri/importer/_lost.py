"""When a mapped passage is lost: the one test of the importer's accounting and of the scorer.

The importer promises that no text of a notice is lost silently: every
passage is in the draft (a value or an ``# importer unsure`` comment) or in
:attr:`ImportResult.unmatched` with its offset. Two readers keep that promise
by the same criteria, from here: the importer's final accounting (which
quotes a passage that fails them in a remark on its field, or lists it in
``unmatched``, before the result is made) and the
scorer's check :func:`rekisteri.importer._evaluate.lost_passages` (which
counts what failed them anyway). Each reads the draft its own way (the scorer
the TOML the user gets, the importer the texts the draft holds) and gives
:class:`Reach`; the verdict on a passage is :func:`passage_lost`.

A passage counts as reached when at least half of its words (compared by
their first five letters, so an inflected word matches its base form) are in
the draft; a sentence of a prose field must also keep a third of its word
pairs (it is not reached as scattered words), and a code or long number must
be in the draft by its last six digits. Labels, lead-in lines and headings
are structure and are not checked, but a "heading" that is a sentence (more
than twelve words, or a sentence break inside) is always lost: a heading's
text is never a value.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import TYPE_CHECKING, Final

from rekisteri.importer._invisible import INVISIBLE, strip

if TYPE_CHECKING:
    from collections.abc import Iterable

#: A word of a passage, as the loss check compares them: letters (three or more) or digits.
WORD: Final = re.compile(r"[^\W\d_]{3,}|\d{2,}")
#: Words are compared by their first letters: an inflected word ("laskutukseen")
#: reaches the draft in its base form ("Laskutus").
_STEM: Final = 5
#: A contact field's label, a form's hint in parentheses, or a value the draft
#: keeps as a flag: structure, not content.
_LABEL: Final = re.compile(
    r"(?i)(?:muut |övriga )?(?:telefax|fax|tfn|tel|puh|gsm|www|rek\. ?nro|reg\. ?nr"
    r"|kontaktuppgifter|yhteystiedot|y-tunnus|fo-nummer|e-post|sähköposti|osoite|adress|käyntiosoite|postiosoite"
    r"|visiting address|besöksadress|postadress|verkkosivut|kotisivu|nimi|namn"
    # words that join a unit to its person ("Versolla rekisteristä vastaa …")
    r"|(?:rekisteristä|rekisteriasioista) vastaa(?:vat)?|ansvarar för registret"
    # a cookie's class, kept as the flag strictly_necessary
    r"|välttämätön|nödvändig|(?:strictly )?necessary)\.?:?"
    r"(?:\s*[/–-]\s*\S+(?: \S+)?)?:?(?: https?:)?"
)
_HINT: Final = re.compile(r"\([^()]*\)")
#: A heading that holds more words than this, or a sentence break, is a sentence.
HEADING_WORDS: Final = 12
SENTENCE_BREAK: Final = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-ZÄÖÅ][a-zäöå]")
#: A lead-in line without its colon ends with one of these ("… används för").
_LEAD_IN_END: Final = re.compile(
    r"(?i)\b(?:för|for|to|till|följande|seuraavia|seuraavat|seuraaviin)$"
)
_LEAD_IN_WORDS: Final = 6
#: A heading's number ("3.", "2.1", "b)", a Roman "VI." or a letter "A.") before its words.
NUMBER: Final = re.compile(
    r"\W*(?:\d{1,2}(?:\.\d{1,2})*[a-h]?|[IVX]{1,5}(?=[.)])|[A-H](?=[.)]))[.)]?\s+"
)
#: Words every notice uses around its content ("Tietoja käytetään myös …"):
#: not counted either way (their first five letters).
_FILLER: Final = frozenset(
    {
        "tieto", "tiedo", "henki", "käyte", "käytt", "voida", "myös", "sekä", "saada", "rekis",
        "uppgi", "perso", "använ", "också", "behan", "kasit", "käsit", "data", "used", "also",
        "regis", "infor",
    }
)  # fmt: skip
#: A passage of at least this many words is a sentence the draft should keep whole.
_LONG: Final = 12
#: A run of digits that is a code or a number of its own (a registry code, a
#: Y-tunnus, a phone number written together), not a date's or an address's part.
_CODE: Final = re.compile(r"\b\d{7}-\d\b|\b[1-9]\d{5,}\b")
#: A code is looked for by its last digits (a six-digit Y-tunnus of old, "357502-9").
_TAIL: Final = 6
_DIGITS: Final = re.compile(r"\d+")
_NOT_DIGIT: Final = re.compile(r"\D")
_DIGIT_GAP: Final = re.compile(r"(?<=\d)[-\s](?=\d)")
#: Fields whose passages are prose the draft keeps as sentences (not lists the
#: importer splits into entries, where a long line legitimately becomes items).
_PROSE: Final = frozenset({"purposes", "description", "retention", "recipients", "transfers"})


class Reach:
    """What a draft holds, as the check reads it: word stems, word pairs, digit runs.

    Built from texts (the TOML, or the draft's values and remarks one by one);
    a text's words pair only with the words of the same text, and its digits
    join only its own. The pairs and the runs of digits are read when first
    asked for (most passages need neither), and so are the texts *later*
    (the draft's remarks: most passages' words are among its values): linear
    in the texts either way.
    """

    def __init__(self, texts: Iterable[str] = (), later: Iterable[str] = ()) -> None:
        self.stems: set[str] = set()
        self._texts: list[str] = []
        self._pairs: set[tuple[str, str]] | None = None
        self._tails: set[str] | None = None
        self._later: Iterable[str] | None = later
        self.add(*texts)

    def has(self, stem: str) -> bool:
        """Whether a word of the draft begins with *stem* (a word's first five letters)."""
        if stem in self.stems:
            return True
        if self._later is None:
            return False
        self._read_later()
        return stem in self.stems

    def _read_later(self) -> None:
        later, self._later = self._later, None
        if later is not None:
            self.add(*later)

    def add(self, *texts: str) -> None:
        """Add the words, pairs and digit runs of *texts*."""
        distinct = [text for text in dict.fromkeys(texts) if text]
        joined = "|".join(distinct)  # no word, pair or run of digits crosses the bar
        folded = joined.casefold()
        # each distinct word cut once (a long draft repeats its words: "Tieto 1", "Tieto 2")
        if len(folded) == len(joined):  # each character folded alone: fold the words at once
            self.stems.update({word[:_STEM] for word in set(WORD.findall(folded))})
        else:  # "ß" -> "ss": each word folded as the check folds a passage's
            self.stems.update({word.casefold()[:_STEM] for word in set(WORD.findall(joined))})
        self._texts.extend(distinct)
        self._pairs = self._tails = None

    @property
    def pairs(self) -> set[tuple[str, str]]:
        """Each two neighbouring words of one text, by their first five letters."""
        self._read_later()
        if self._pairs is None:
            self._pairs = set()
            for text in self._texts:
                stems = [word.casefold()[:_STEM] for word in WORD.findall(text)]
                self._pairs.update(itertools.pairwise(stems))
        return self._pairs

    def has_code(self, tail: str) -> bool:
        """Whether the six digits *tail* are inside one of the draft's runs of digits."""
        self._read_later()
        if self._tails is None:
            self._tails = set()
            joined = _DIGIT_GAP.sub("", "|".join(text for text in self._texts if _any_digit(text)))
            for run in _DIGITS.findall(joined):
                self._tails.update(run[at : at + _TAIL] for at in range(len(run) - _TAIL + 1))
        return tail in self._tails


_ANY_DIGIT: Final = re.compile(r"\d")


def _any_digit(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None


#: No shorter text holds more than :data:`HEADING_WORDS` words (a word has two characters
#: or more).
_SHORTEST_SENTENCE: Final = 2 * (HEADING_WORDS + 1)
_STOP: Final = re.compile(r"[.!?]")


def heading_sentence(heading: str) -> bool:
    """Whether a heading's text is a sentence taken for a heading.

    More than :data:`HEADING_WORDS` words (its number counted), or a sentence
    break after its number ("2. Tarkoitus. Tietoja …").
    """
    if len(heading) < _SHORTEST_SENTENCE and not _STOP.search(heading):
        return False  # too short for its words, and no stop: most headings, at once
    flat = " ".join(heading.split())
    return (
        len(WORD.findall(flat)) > HEADING_WORDS
        or SENTENCE_BREAK.search(NUMBER.sub("", flat, count=1)) is not None
    )


def structural(passage: str, field: str) -> bool:
    """Whether a mapped *passage* is structure (a label, a lead-in, a heading), not content."""
    from rekisteri.importer._cookies import is_column_label, is_header_line
    from rekisteri.importer._furniture import is_furniture
    from rekisteri.importer._headings import is_field_label, recognise

    if field.startswith("heading:"):
        # a heading is structure, unless it is a sentence taken for one
        return not heading_sentence(passage)
    flat = " ".join(passage.split())
    bare = _HINT.sub("", flat).strip(" :.")
    words = WORD.findall(flat)
    return (
        not words
        or is_field_label(bare)
        or _LABEL.fullmatch(bare) is not None
        or is_column_label(bare)
        or (field == "cookies" and is_header_line(passage))  # "Eväste\tTarkoitus\tKesto"
        or is_furniture(passage)  # a PDF's page footer or running header
        or recognise(bare) is not None  # a heading's words mapped with its section
        or (flat.endswith(":") and len(words) <= HEADING_WORDS)  # a lead-in line
        or (_LEAD_IN_END.search(flat) is not None and len(words) <= _LEAD_IN_WORDS)
    )


def passage_lost(passage: str, field: str, reach: Reach, updated: date | None) -> bool:
    """Whether the mapped *passage* (of *field*) is lost: not structure, and not in *reach*.

    *updated* is the draft's date: a passage of field ``updated`` that states
    that very date reached the draft as it ("uppdaterad 5 mars 2021"). The
    passage is read without its invisible characters, as the importer reads
    it: "Esi\u00admerkki Oy" reached the draft as "Esimerkki Oy".
    """
    if INVISIBLE.search(passage) is not None:
        passage = strip(passage).text
    if field.startswith("heading:"):
        # a sentence taken for a heading: a heading's text is never a value
        return heading_sentence(passage)
    if field == "updated" and _dated(passage, updated):
        return False
    if not _unreached(passage, field, reach):
        return False
    return not structural(passage, field)  # read last: it is the dearer test


def _unreached(passage: str, field: str, reach: Reach) -> bool:
    """Whether the words of *passage* fail to reach the draft (structure not considered)."""
    found = WORD.findall(passage)
    words = [word.casefold()[:_STEM] for word in found]
    words = [word for word in words if word not in _FILLER] or words
    missing = [word for word in words if not reach.has(word)]
    return (
        2 * len(missing) > len(words)
        or (
            len(found) >= _LONG
            and field.split("[", maxsplit=1)[0] in _PROSE
            and _cut_up(found, reach)
        )
        or (_CODE.search(passage) is not None and _code_gone(passage, reach))
    )


def _dated(passage: str, updated: object) -> bool:
    """Whether *passage* states the very date the draft keeps as its ``updated``."""
    from rekisteri.importer._cues import updated_in

    found = updated_in(passage, 0, len(passage))
    return found is not None and isinstance(updated, date) and found[0] == updated


def _cut_up(found: list[str], reach: Reach) -> bool:
    """Whether a long sentence (its words *found*) reached the draft only as scattered words.

    Its words may all be somewhere in the draft (in purpose names made of
    its fragments, in other sentences) while the sentence is gone: fewer than
    a third of its neighbouring word pairs are in the draft.
    """
    if len(found) < _LONG:
        return False
    own = set(itertools.pairwise(word.casefold()[:_STEM] for word in found))
    return bool(own) and 3 * len(own & reach.pairs) < len(own)


def _code_gone(passage: str, reach: Reach) -> bool:
    """Whether a code or long number of *passage* is nowhere in the draft (its last six digits)."""
    return any(
        not reach.has_code(_NOT_DIGIT.sub("", code)[-_TAIL:]) for code in _CODE.findall(passage)
    )
