"""The final accounting of an import: mapped text whose words did not reach the draft.

The importer's promise is that no text is lost silently: every passage is in
the draft (a value or an ``# importer unsure`` comment) or listed as not
mapped. Many extractors fill the draft, each keeping its own books of what it
mapped; this pass checks their books against the result, once, at the end of
an import, from the public result alone (the draft's values, as
:func:`to_toml` writes them, its ``# importer unsure`` notes, and the values
the importer's own findings quote), so it holds whichever extractor produced
a value.

For each mapped span (headings included) its **content words** are looked
for in the draft: a word of three letters or more, or a number of two digits
or more. A word is found when a word of the draft begins with its first five
letters (an inflected form reaches the draft in its base form:
"laskutukseen" / "Laskutus"), a number when its digits are among the draft's
("2077474-0" / "FI20774740"). Not content, and never checked:

* function words (``ja``, ``tai``, ``och``, ``the`` …) and the words every
  notice uses around its content (``tietoja``, ``käytetään``, ``uppgifter``,
  ``data`` …): :data:`IGNORED`;
* the labels of contact fields (``Puh.``, ``Y-tunnus:``, ``Osoite:``,
  ``Sähköposti``, ``Nimi`` …: :data:`LABELS`; "- nimi" in a list is an item
  of data, checked, and so is a label's word of five letters or more written
  with a capital after another word, a name: "toimitetaan Postin kautta"), a
  label alone on its line of at most two words, or one of at most three words
  before its value ("Mailing address: …"), each with a capital only on its
  first word or a label's word, and the one before its value a single phrase
  (in "Kylän Kauppa Oy (Y-tunnus: …)" the name is checked);
* a title's usual words (:data:`TITLE_WORDS`), and what follows the title
  proper on its line (a legal reference, a date);
* a heading's own words: the words of a heading span up to the end of the
  longest start of it that is a heading of the importer's table (so a value
  on the heading's line is checked: "Rekisterin nimi Palautejärjestelmä"),
  and a line that is a heading of the table wherever it is mapped;
* the words of a list's lead-in ("Rekisteriin tallennetaan seuraavat
  tiedot:"), which say that a list follows: verbs of holding and including,
  pronouns (:data:`LEAD_IN`); the other words of a lead-in are checked
  ("Tiedot saadaan Zorbanetista seuraavasti:").

A value on a name or contact heading's line must be in the draft as it is
written, word after word. The words of a span that are not found, in runs (a
run ends at a found word, and takes the function words next to it), are
taken out of the span and become passages of :attr:`ImportResult.unmatched`;
the rest of the span stays mapped. The pass is linear in the text and the
spans' lengths.
"""

from __future__ import annotations

import bisect
import enum
import functools
import itertools
import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.importer._builder import Mapping
from rekisteri.importer._lost import Reach, heading_sentence, passage_lost
from rekisteri.model import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Container, Iterable, Sequence
    from collections.abc import Mapping as Mapping_
    from datetime import date

    from rekisteri.model import Register

#: A word (letters) or a number of the text (its groups of digits joined over a
#: space or hyphen: "017 555 0141", "2077474-0").
#: A word broken over two lines with a hyphen ("kirjanpito-" / "palveluiden") is
#: one word, as the importer reads it.
_TOKEN: Final = re.compile(r"[^\W\d_]+(?:-[ \t]*\n[ \t]*[^\W\d_]+)*|\d+(?:[ -]\d+)*")
_BREAK: Final = re.compile(r"-[ \t]*\n[ \t]*")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
#: Words are compared by their first letters.
STEM: Final = 5
#: Shorter words are not content (a letter word), nor shorter numbers.
_MIN_LETTERS: Final = 3
_MIN_DIGITS: Final = 2
#: Function words and the words every notice uses around its content, by
#: their first five letters (casefolded): not content.
IGNORED: Final = frozenset(
    {
        # Finnish function words
        "tai", "sekä", "eli", "että", "kuin", "jos", "kun", "myös", "mutta", "vain", "eikä",
        "tämä", "tämän", "tässä", "nämä", "näihi", "niitä", "niide", "niist", "joka", "jotka",
        "jonka", "joita", "jossa", "siitä", "sitä", "ovat", "olla", "ollaa", "oleva", "ole",
        "esim", "yms", "jne", "sen", "niin", "muut", "muita", "mukaa", "kautt", "osalt",
        "lisäk", "aina", "koske", "jälje", "merki", "mahdo", "muass", "pääas", "toisi",
        "sanoe", "taval", "säänn", "kuten",
        # Swedish function words
        "och", "eller", "samt", "som", "att", "för", "med", "till", "från", "den", "det",
        "dess", "dessa", "denna", "detta", "vara", "finns", "inte", "kan", "skall", "ska",
        "även", "bland", "annat", "via", "vid", "hos", "sig", "deras", "nedan", "såsom",
        "vissa", "någon", "några", "gälle", "hante",
        # English function words
        "the", "and", "for", "with", "from", "this", "that", "these", "those", "are", "been",
        "can", "may", "will", "not", "our", "your", "their", "its", "such", "other", "which",
        "who", "also", "any", "all", "into", "when", "hereafter",
        # the words every notice uses around its content (as the scorer's check) ...
        "tieto", "tiedo", "henki", "käyte", "käytt", "käytä", "voida", "saada", "rekis",
        "uppgi", "perso", "använ", "också", "behan", "käsit", "data", "used", "regis", "infor",
        # ... and around a list of it: "following", "for the purposes", verbs of keeping
        "seura", "följa", "follo", "tarko", "talle", "kerät", "kerää", "proce", "colle",
        "store", "lagra", "samla", "ändam", "andam", "purpo", "ryhmi", "ryhmä", "tahoj",
        "holds", "hold",
    }
)  # fmt: skip
#: Whole words (casefolded) that join a person or a basis to the text around it:
#: "X toimii yhteyshenkilönä", "vastaa rekisteristä", "perustuu …", "at … dot".
WORDS: Final = frozenset(
    {
        "toimii", "toimivat", "vastaa", "vastaava", "vastaavat", "ansvarar", "ansvarig",
        "responsible", "perustuu", "perustuvat", "grundar", "based", "dot", "piste", "punkt",
        "asioissa", "asioista", "voit", "voitte", "voi", "ärenden", "frågor",
    }
)  # fmt: skip
#: Labels of contact fields, a form's lines and a table's columns, by their first
#: five letters: not content.
LABELS: Final = frozenset(
    {
        "puh", "puhel", "tel", "tfn", "telef", "telek", "faksi", "phone", "gsm", "fax", "sähkö",
        "email",
        "mail", "epost", "post", "www", "kotis", "verkk", "websi", "webbp", "hemsi", "osoit",
        "adres", "addre", "maili", "käynt", "posti", "besök", "visit", "ytunn", "tunnu",
        "vat", "numme", "nimi", "namn", "name", "yhtey", "konta", "conta", "detal", "ort",
        "town", "city", "code", "övrig", "päivi", "uppda", "updat", "last", "voima", "tyypp",
        "kesto", "vältt", "nödvä", "neces", "busin", "benäm", "nro", "vaihd", "pitäj",
        "föret", "posta", "växel", "switc",
    }
)  # fmt: skip
#: The other words a lead-in may have, by their first five letters: verbs of
#: holding and including, and the pronouns of a notice.
LEAD_IN: Final = frozenset(
    {
        "sisäl", "kuulu", "inneh", "omfat", "inclu", "conta", "meist", "sinus", "sinun",
        "heist", "dig", "about", "esime", "examp", "exemp",
    }
)  # fmt: skip
#: A word's verdict: found in the draft, lost, no content (a label, a short
#: word), or a filler word (not content, but a word of the passage).
_FOUND, _LOST, _NOT_CONTENT, _FILLER, _LABEL = 1, 2, 0, 3, 4
_DOUBT: Final = frozenset({_LOST, _LABEL})
#: Words of headings that name no field but say what the section is (by their
#: first five letters): "Kuvaus …", "Principerna för …", "… koskevissa asioissa".
HEADING_WORDS: Final = frozenset(
    {
        "kuvau", "beskr", "descr", "peria", "princ", "asias", "asioi", "ärend", "matte",
        "muoto", "selvi", "gälle", "benäm", "eta", "eu", "ees", "eea", "eu:n", "eta:n",
        "cooki", "eväst", "kakor",
    }
)  # fmt: skip
#: Headings whose words after the table's heading are a value copied into the draft.
_VALUE_HEADINGS: Final = frozenset(
    {"heading:name", "heading:controller", "heading:contact_person", "heading:dpo"}
)
#: The words of a notice's title (by their first five letters) other than the
#: ignored ones: "Uudo tietosuojaseloste" holds one word of content.
TITLE_WORDS: Final = frozenset(
    {
        "selos", "datas", "beskr", "integ", "polic", "priva", "notic", "state", "prote",
        "ilmoi", "käytä", "yksit", "eu", "gdpr", "yleis", "johda", "seloste", "skydd",
        "asetu", "artik", "mukai", "lain", "laki", "datum", "enlig", "allmä", "gälla",
        "berör", "uppgö", "laadi", "laati",
        # a legal reference after the title proper: "yleinen tietosuoja-asetus",
        # "under the General Data Protection Regulation", "dataskyddsförordning", "lain mukaan"
        "ylein", "gener", "regul", "föror", "mukaa", "accor", "artic", "under",
    }
)  # fmt: skip
#: A value the draft holds as a code (the TOML's string) and its words in
#: Finnish, Swedish and English: "perustuu suostumukseen" reaches ``"consent"``.
CODE_WORDS: Final = {
    "consent": "suostumus samtycke consent",
    "contract": "sopimus avtal contract",
    "legal_obligation": "lakisääteinen velvoite rättslig förpliktelse legal obligation",
    "legitimate_interests": "oikeutettu etu berättigat intresse legitimate interest",
    "vital_interests": "elintärkeä vitalt intresse vital interest",
    "public_task": "yleinen etu julkinen allmänt intresse public interest task",
    "technical": "tekninen tekniset sähköinen atk teknisk technical electronic",
    "organisational": "organisatorinen organisatoriska organisational",
    "physical": "fyysinen manuaalinen paperi fysisk manuell physical manual",
    "access": "tarkastaa tarkastus pääsy insyn tillgång access",
    "rectification": "oikaista oikaisu korjata korjaaminen rätta rättelse rectification correct",
    "erasure": "poistaa poisto poistaminen radera radering erasure delete",
    "restriction": "rajoittaa rajoittaminen begränsa begränsning restrict restriction",
    "object": "vastustaa invända object",
    "portability": "siirtää siirto flytta överföra portability",
    "complaint": "valitus valvontaviranomainen klagomål tillsynsmyndighet complaint",
    "withdraw_consent": "peruuttaa peruutus återkalla withdraw",
    "data-subject": "asiakas asiakkaalta jäsen jäseneltä itse kund kunden medlem själv customer",
}


def _stem(word: str) -> str:
    return word.casefold()[:STEM]


def _digits(text: str) -> set[str]:
    """The numbers of *text*: each run of digits, also joined over a hyphen, space or dot.

    "1234567-8" gives "1234567", "8" and "12345678"; a run longer than six
    digits gives its last six too (the old six-digit Y-tunnus "357502-9" is
    the draft's "0357502-9").
    """
    runs: set[str] = set()
    # one search for the chains of runs (a run alone is a chain of one), each distinct
    # chain read once (a note repeated on each purpose has the same numbers each time)
    for chain in set(_DIGIT_CHAIN.findall(text)):
        if chain.isdecimal():  # a run alone: ``\d`` is a decimal digit (Unicode Nd)
            runs.add(chain)
        else:
            parts = _DIGIT_RUN.findall(chain)
            runs.update(parts)
            runs.add("".join(parts))  # the runs joined over their gaps
    runs.update(run[-_TAIL:] for run in list(runs) if len(run) > _TAIL)
    return runs


_DIGIT_RUN: Final = re.compile(r"\d+")
#: Runs of digits, each two joined by one hyphen, white space character or dot: "1234567-8".
#: Possessive: a run is never tried again from one of its own digits.
_DIGIT_CHAIN: Final = re.compile(r"\d++(?:[-\s.]\d++)*")
#: A number this long or longer is also found by its last digits.
_TAIL: Final = 6
_NOT_DIGIT: Final = re.compile(r"\D")
#: A draft's word this long is also found as the start of a longer word
#: ("itse" / "itseltään": the five letters compared would not match).
_SHORT: Final = 4


class _Words:
    """The words of the draft, and a verdict for each word of the text."""

    def __init__(self, reached: Iterable[str]) -> None:
        # The draft repeats texts (a note on each purpose): each distinct one is read
        # once. The sets below are those of all the texts joined, which no word crosses.
        self.reached = list(reached)
        distinct = dict.fromkeys(self.reached)
        #: each text of the draft with its whitespace as single spaces: a span that is
        #: one of them (a name, a sentence kept whole) is found without reading its words
        self.values = {" ".join(text.split()) for text in distinct}
        #: the draft's words as written (casefolded), for a value glued to its heading
        self.words = set(_LETTERS.findall("\n".join(distinct).casefold()))
        self.stems = {word[:STEM] for word in self.words}
        self.numbers = _digits("\n".join(self.reached).casefold())  # a gap may join two texts
        #: the draft's words of three letters (not function words): "Muu viestintä"
        #: holds what "muuhun viestintään" said
        self.short = {word for word in self.words if len(word) == _MIN_LETTERS} - IGNORED

    @functools.cached_property
    def pairs(self) -> set[tuple[str, str]]:
        """Each two neighbouring words of the draft (casefolded)."""
        return set(itertools.pairwise(_LETTERS.findall("\n".join(self.reached).casefold())))

    def verdict(self, word: str) -> int:
        if word[0].isdigit():
            digits = _NOT_DIGIT.sub("", word)
            if len(digits) < _MIN_DIGITS:
                return _NOT_CONTENT
            found = (
                digits in self.numbers
                or digits[-_TAIL:] in self.numbers
                or all(group in self.numbers for group in _DIGIT_RUN.findall(word))
            )
            return _FOUND if found else _LOST
        if len(word) < _MIN_LETTERS:
            return _NOT_CONTENT
        folded = (_BREAK.sub("", word) if "-" in word else word).casefold()
        stem = folded[:STEM]
        found = stem in self.stems or folded[:_SHORT] in self.stems or folded[:3] in self.short
        if stem in LABELS:
            return _FOUND if found else _LABEL
        if stem in IGNORED or stem in LEAD_IN or folded in WORDS:
            return _FILLER
        return _FOUND if found else _LOST


def reached_texts(
    draft: Register,
    notes: Mapping_[str, Sequence[str]],
    said: Iterable[str] = (),
    values: Sequence[str] | None = None,
) -> list[str]:
    """The texts a mapped word may reach: the draft's values, its notes, and *said*.

    The values are those :func:`~rekisteri.importer.to_toml` writes (every
    text, name, number and date of the draft, a catalogued source's whole
    entry, which the TOML names by its key), the notes its ``# importer
    unsure`` comments; read from the draft itself, which is linear and cheap
    (writing the TOML is not). *said* are the texts of the importer's own
    findings that quote a value (a wrong Y-tunnus). A value the draft holds
    as a code (a legal basis, a right, a security measure's kind) adds its
    words in Finnish, Swedish and English (:data:`CODE_WORDS`). *values*
    are the draft's values when the caller read them already
    (:func:`draft_values`).
    """
    texts: list[str] = []
    if values is None:
        _collect(draft, texts)
    else:
        texts.extend(values)
    codes = set(texts)
    texts.extend(words for code, words in CODE_WORDS.items() if code in codes)
    for path, remarks in notes.items():
        texts.append(path)
        texts.extend(remarks)
    texts.extend(said)
    return texts


#: The fields of each model class met, with their defaults (a few dozen classes).
_FIELDS: Final[dict[type, tuple[tuple[str, object], ...]]] = {}


def _fields(kind: type) -> tuple[tuple[str, object], ...]:
    """The fields of an attrs class, each with its default (``NOTHING`` when it has none)."""
    if kind not in _FIELDS:
        out = []
        for field in attrs.fields(kind):
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type] # a class
                default = default.factory()
            out.append((field.name, default))
        _FIELDS[kind] = tuple(out)
    return _FIELDS[kind]


#: The words a flag of the draft stands for when it is set: a cookie table's kind
#: column ("Välttämätön") is held by ``strictly_necessary = true``, not by a text.
_TRUE_WORDS: Final = {
    "strictly_necessary": "välttämätön nödvändig necessary essential strictly",
}


def _collect(value: object, out: list[str]) -> None:
    """Every text of *value* (a register, its parts), depth first."""
    if type(value) is LocalizedText:  # most values of a long draft: its languages' texts
        if value.fi is not None:
            out.append(value.fi)
        if value.sv is not None:
            out.append(value.sv)
        if value.en is not None:
            out.append(value.en)
    elif isinstance(value, str):
        out.append(value)
    elif isinstance(value, tuple | list):
        for item in value:
            _collect(item, out)
    elif isinstance(value, enum.Enum):
        out.append(str(value.value))
    elif attrs.has(type(value)):
        _collect_fields(value, out)
    elif value is not None and not isinstance(value, bool):
        out.append(str(value))  # a number, a date, a duration


def _collect_fields(value: object, out: list[str]) -> None:
    """Every text of the fields of *value* (an attrs class of the model), depth first."""
    for name, default in _fields(type(value)):
        item = getattr(value, name)
        if item is True and name in _TRUE_WORDS:  # a flag read from the notice's words
            out.append(_TRUE_WORDS[name])
            continue
        if item is None or item is default or isinstance(item, bool):
            continue
        if isinstance(item, str):  # a leaf, read here (a notice has thousands)
            if item != default:
                out.append(item)
        elif default is attrs.NOTHING or item != default:
            _collect(item, out)  # a default the TOML leaves out (the authority) is none


def account(
    text: str,
    spans: Sequence[Mapping],
    reached: Iterable[str],
    *,
    dated: bool = False,
    stated: Iterable[str] = (),
) -> tuple[list[Mapping], list[Mapping]]:
    """Check *spans* against *reached* (:func:`reached_texts`).

    Returns the spans as they stay mapped (a span whose words were all found
    as it was; one that lost some, cut around them) and the runs of words
    that reached nothing, each with the field of its span, in text order.
    When *dated*, the draft has its ``updated`` date: the span it came from
    ("Päivitetty 3.4.2024", "Last updated on 2 March 2024") is not checked;
    nor is a denial (``none_stated.<field>``) when the draft states that there
    is none of *field* (*stated*: the fields): "Nej." reached the draft as that.
    """
    book = _Book(text, _Words(reached), {f"none_stated.{field}" for field in stated}, dated=dated)
    kept: list[Mapping] = []
    lost: list[Mapping] = []
    # an extractor maps a whole line once per entry it read there: the same span many
    # times; its verdict depends on the span alone, so it is reached once (else k
    # entries of a line of length n cost k x n: quadratic); a span cut up is cut once
    # (its parts and its lost runs are given once, not k times: k x n pieces)
    done: dict[tuple[int, int, str], tuple[list[Mapping] | None, list[tuple[int, int]]]] = {}
    for span in spans:
        key = (span.start, span.end, span.field)
        if key in done:
            if done[key][0] is None:
                kept.append(span)
            continue
        done[key] = parts, runs = book.check(span)
        if parts is None:
            kept.append(span)
        else:
            kept.extend(Mapping(p.start, p.end, p.field) for p in parts)
        if runs:
            lost.extend(Mapping(start, end, span.field) for start, end in runs)
    lost.sort(key=lambda m: (m.start, m.end))
    return kept, lost


def draft_values(draft: Register) -> tuple[list[str], list[str]]:
    """The draft's values in one reading: as :func:`reached_texts` and as the TOML has them.

    The first list is that of :func:`reached_texts` (a catalogued source's
    whole entry), the second that of :func:`draft_reach` (such a source by
    its key alone, as :func:`~rekisteri.importer.to_toml` writes it).
    """
    from rekisteri.sources import CATALOG

    full: list[str] = []
    written: list[str] = []
    for name, default in _fields(type(draft)):
        value = getattr(draft, name)
        if not _written(value, default):
            continue
        if isinstance(value, str):
            full.append(value)
            written.append(value)
        elif name == "sources":
            for source in value:
                start = len(full)
                _collect(source, full)
                if CATALOG.get(source.key) == source:
                    written.append(source.key)
                else:
                    written.extend(full[start:])
        else:
            start = len(full)
            _collect(value, full)
            written.extend(full[start:])
    return full, written


def draft_reach(
    draft: Register,
    notes: Mapping_[str, Sequence[str]],
    said: Iterable[str] = (),
    written: Sequence[str] | None = None,
) -> Reach:
    """What the draft holds as the user reads it, for :func:`settle`.

    The draft's values as :func:`~rekisteri.importer.to_toml` writes them (a
    source of the catalogue by its key alone; *written*, the second list of
    :func:`draft_values`, when the caller has it), its notes as the TOML's
    comments hold them (a line break escaped, an identity code masked), and
    *said* (the texts of the importer's findings that quote a value). Less
    than :func:`reached_texts` gives: no code's words in other languages, no
    pair of words across two values.
    """
    from rekisteri.importer._toml import _NOT_IN_COMMENT
    from rekisteri.importer._toml import _safe as safe_comment

    texts = list(draft_values(draft)[1] if written is None else written)
    texts.extend(said)
    # the remarks as the TOML's comments have them: a character escaped, an identity
    # code masked (a remark with neither such a character nor six digits is as it
    # is); each distinct remark once, read only when a word is not among the values
    remarks = dict.fromkeys(itertools.chain(notes, *notes.values()))
    later = (
        safe_comment(remark) if _NOT_IN_COMMENT.search(remark) or _maskable(remark) else remark
        for remark in remarks
    )
    return Reach(texts, later)


#: The fewest digits a spelling of an identity code has (its birth date's six).
_CODE_DIGITS: Final = 6


def _maskable(remark: str) -> bool:
    """Whether *remark* has digits enough to hold an identity code that a comment masks.

    Every spelling :func:`~rekisteri._spellings.mask_spellings` masks holds the six
    digits of a birth date: a remark with fewer ("… another street too: Katu 12")
    is written as it is.
    """
    return _SIX_DIGITS.search(remark) is not None


#: Six digits, anything between them (possessive: each try runs once to the end).
_SIX_DIGITS: Final = re.compile(rf"\d(?:\D*+\d){{{_CODE_DIGITS - 1}}}")


def catalogued(draft: Register) -> set[str]:
    """The paths of the draft's sources that the TOML names by their catalogue key alone."""
    from rekisteri.sources import CATALOG

    return {
        f"sources[{index}]"
        for index, source in enumerate(draft.sources)
        if CATALOG.get(source.key) == source
    }


def _written(value: object, default: object) -> bool:
    """Whether the TOML writes a field of *value* (not its default, not a flag)."""
    return (
        value is not None
        and value is not default
        and not isinstance(value, bool)
        and (default is attrs.NOTHING or value != default)
    )


def settle(
    text: str,
    spans: Sequence[Mapping],
    reach: Reach,
    updated: date | None,
    catalogued: Container[str] = (),
) -> tuple[list[Mapping], list[Mapping]]:
    """The spans that stay mapped, and the text lost by the scorer's criteria (:mod:`._lost`).

    :func:`account` cuts out the words that reached nothing; what it keeps
    must also pass :func:`~rekisteri.importer._lost.passage_lost` as a whole,
    with the draft *reach* (:func:`draft_reach`): half of its words in the
    draft, a prose sentence not cut up into scattered words, no code gone.
    A span that fails is returned as lost (:func:`remarked` keeps it in its
    field, quoted in a remark). A heading that is a sentence is no heading:
    when a start of it is a heading of the table, that start stays the
    heading and the rest is the section's text, else all of it is; that text
    stays mapped, to the heading's field, when it reached the draft, and is
    lost (with that field) when not; a title's is lost as the title's. A span
    of a source the draft names by its catalogue key (*catalogued*: its
    paths) is not checked. Each distinct span is judged once: linear in the
    text and the spans.
    """
    kept: list[Mapping] = []
    lost: list[Mapping] = []
    done: dict[tuple[int, int, str], tuple[list[Mapping], list[Mapping]] | None] = {}
    # passage_lost is a function of the passage and its field alone (the reach and the
    # date are the draft's): a text mapped many times ("00100", "Helsinki" on each line
    # of a list of addresses) is judged once
    judged: dict[tuple[str, str], bool] = {}
    for span in spans:
        key = (span.start, span.end, span.field)
        if key not in done:
            done[key] = (
                None if span.field in catalogued else _settled(text, span, reach, updated, judged)
            )
        verdict = done[key]
        if verdict is None:
            kept.append(span)
        else:
            kept.extend(verdict[0])
            lost.extend(verdict[1])
    lost.sort(key=lambda m: (m.start, m.end))
    return kept, lost


def _settled(
    text: str,
    span: Mapping,
    reach: Reach,
    updated: date | None,
    judged: dict[tuple[str, str], bool] | None = None,
) -> tuple[list[Mapping], list[Mapping]] | None:
    """*span* judged: ``None`` when it stays as it is, else its parts kept and lost.

    *judged* keeps the verdicts of :func:`passage_lost` on the span's whole text,
    by that text and the span's field, for the spans of one draft.
    """
    passage = text[span.start : span.end]
    if judged is None:
        lost = passage_lost(passage, span.field, reach, updated)
    elif (lost_before := judged.get((passage, span.field))) is not None:
        lost = lost_before
    else:
        lost = judged[passage, span.field] = passage_lost(passage, span.field, reach, updated)
    if not lost:
        return None
    if not span.field.startswith("heading:"):
        return [], [span]
    from rekisteri.importer._evaluate import field_of

    field = field_of(span.field)
    own = _heading_end(text, span)
    parts = []
    if span.start < own < span.end and not heading_sentence(text[span.start : own]):
        parts.append(Mapping(span.start, own, span.field))  # the heading proper
        rest = Mapping(own, span.end, field)
    else:
        rest = Mapping(span.start, span.end, field)
    if field == "none":
        return parts, [Mapping(rest.start, rest.end, span.field)]  # a title's: no field's text
    if passage_lost(text[rest.start : rest.end], field, reach, updated):
        return parts, [rest]
    return [*parts, rest], []


#: The remark that quotes a passage kept in its field whose text the draft does not hold.
KEPT: Final = "read into this field, but the draft does not hold this text (check it): “{passage}”"


def remarked(text: str, lost: Sequence[Mapping]) -> tuple[list[Mapping], list[tuple[str, str]]]:
    """The passages of *lost* (:func:`settle`) that stay mapped, each quoted in a remark.

    A passage read into a field whose text the draft does not hold stays in
    that field, quoted in an ``# importer unsure`` remark on it (``(path,
    remark)``, one per distinct passage): it is in the draft's comments where
    it belongs, not lost. A heading's or a title's text (no field's) is not
    kept: it is left out of the first list, to be unmatched.
    """
    kept: list[Mapping] = []
    remarks: dict[tuple[int, int, str], tuple[str, str]] = {}
    for span in lost:
        path = _note_path(span.field)
        if path is None:
            continue
        kept.append(span)
        place = (span.start, span.end, path)
        if place not in remarks:  # the passage is read once: a long one kept for many entries
            passage = " ".join(text[span.start : span.end].split())
            remarks[place] = (path, KEPT.format(passage=passage))
    return kept, list(remarks.values())


def _note_path(field: str) -> str | None:
    """The draft's top-level field a span's *field* path names (``None``: a heading's)."""
    if field.startswith("heading:") or field == "none":
        return None
    field = field.removeprefix("none_stated.")
    return re.split(r"[.\[]", field, maxsplit=1)[0] or None


class _Book:
    """The verdicts of :func:`account` on its spans, one span at a time."""

    def __init__(self, text: str, words: _Words, stated: set[str], *, dated: bool) -> None:
        self.text = text
        self.words = words
        self.stated = stated
        self.dated = dated
        self.verdicts: dict[str, int] = {}
        self.sure: set[str] = set()  # words whose verdict is not in doubt

    def check(self, span: Mapping) -> tuple[list[Mapping] | None, list[tuple[int, int]]]:
        """What stays mapped of *span* (``None``: all of it) and its runs of lost words."""
        text, words, verdicts = self.text, self.words, self.verdicts
        if (self.dated and span.field == "updated") or span.field in self.stated:
            return None, []
        if " ".join(text[span.start : span.end].split()) in words.values:
            return None, []  # a value of the draft as it is
        doubt = False
        for word in set(_TOKEN.findall(text, span.start, span.end)) - self.sure:
            verdict = verdicts[word] = words.verdict(word)
            if verdict in _DOUBT:
                doubt = True
            else:
                self.sure.add(word)  # found, or no content: never read again
        if not doubt and span.field not in _VALUE_HEADINGS:
            return None, []
        marks = [
            (match.start(), match.end(), verdicts[match.group()])
            for match in _TOKEN.finditer(text, span.start, span.end)
        ]
        runs = _glued_value(text, span, marks, words) if span.field in _VALUE_HEADINGS else []
        if not runs and doubt:
            runs = _runs(text, span, marks)
        if not runs:
            return None, []
        if span.field == "heading:title":  # the title proper stays the title's …
            proper = _title_end(text, span)  # … when only its subtitle is lost
            return _rest(span, runs, marks, proper if runs[0][0] >= proper else span.start)
        own = span.field.startswith("heading:")
        return _rest(span, runs, marks, _heading_end(text, span) if own else span.start)


def _runs(text: str, span: Mapping, marks: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The runs of lost words of *span*, its structure (heading, labels, lead-in) set aside."""
    heading = span.field.startswith("heading:")
    title = span.field == "heading:title"
    exempt_to, checked_to = span.start, span.end
    proper_end = span.end
    if title:
        proper_end = _title_end(text, span)
    elif heading:
        exempt_to = _heading_end(text, span)
        if exempt_to == span.start and not heading_sentence(text[span.start : span.end]):
            return []  # a heading read from its words, no sentence: all of it is heading
        if span.field not in _VALUE_HEADINGS and _translated(text[exempt_to:checked_to]):
            return []  # "Säilytysaika (Lagringstid)": the rest is the heading in another language
    runs: list[tuple[int, int]] = []
    open_run = False
    lines: dict[int, int] = {}
    for start, end, verdict in marks:
        if verdict == _FOUND:
            open_run = False
        if start >= proper_end:  # after the title proper: a subtitle is checked
            if not _lost_after_title(text, start, end, verdict):
                continue
        elif not exempt_to <= start < checked_to or not _lost(text, start, end, verdict, span):
            continue
        if heading or start >= _structure_end(text, start, lines):
            if open_run:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
                open_run = True
    return runs


def _lost(text: str, start: int, end: int, verdict: int, span: Mapping) -> bool:
    """Whether the word ``text[start:end]`` of *span*, of *verdict*, is lost."""
    if verdict == _LABEL:
        # "- nimi" in a list: an item of data, not a label; "… Postin ja …" in a
        # sentence: a name (a capital after a word), not a label
        return not span.field.startswith("heading:") and (
            _listed(text, start) or _named(text, start, end)
        )
    if verdict != _LOST:
        return False
    if span.field == "heading:title":
        return _stem(text[start:end]) not in TITLE_WORDS
    return not span.field.startswith("heading:") or _stem(text[start:end]) not in HEADING_WORDS


def _lost_after_title(text: str, start: int, end: int, verdict: int) -> bool:
    """Whether the word ``text[start:end]``, after a title proper on its line or under it, is lost.

    A subtitle ("Koskee myös verkkokaupan asiakkaita") is checked; a legal
    reference's or a date's number is not, nor a title's usual word, nor a
    label before its value ("päivitetty 1.2.2024").
    """
    if text[start].isdigit():
        return False
    if verdict == _LABEL:
        return end - start >= STEM and _BEFORE_VALUE.match(text, end) is None
    return verdict == _LOST and _stem(text[start:end]) not in TITLE_WORDS


#: Before a label's word: a line's start, a bullet, a bracket or a stop; after it, its value.
_AFTER_WORD: Final = re.compile(r"[^\W\d_][ \t]+$")
_BEFORE_VALUE: Final = re.compile(r"[ \t]*(?:[.:(]|\d|$)", re.MULTILINE)


def _named(text: str, start: int, end: int) -> bool:
    """Whether the label's word ``text[start:end]`` is a name inside a sentence.

    A capital right after another word ("toimitetaan Postin kautta",
    "Kylän Posti Oy") makes it a name; a label starts its line or follows a
    comma or stop ("Kuusitie 2, Puh. 040 …"), its value follows it, and a
    label's abbreviation ("Nykarleby Tfn", its number missing) is no name.
    """
    return (
        text[start].isupper()
        and end - start >= STEM  # "Tfn", "Puh": an abbreviation is a label
        and _AFTER_WORD.search(text, max(0, start - 40), start) is not None
        and _BEFORE_VALUE.match(text, end) is None
    )


def _translated(rest: str) -> bool:
    """Whether *rest*, after a heading's own words, is a heading of the table itself.

    "Säilytysaika" over "Lagringstid", or "Säilytysaika (Lagringstid)": the
    rest repeats the heading in another language and holds no value.
    """
    from rekisteri.importer._headings import recognise

    bare = " ".join(rest.strip(" \t\n()[]/–-:").split())
    return bool(bare) and recognise(bare) is not None


#: Where a title proper ends on its line: a legal reference, a date or a label follows.
_TITLE_END: Final = re.compile(r"[:(\d,;\n]|\s[\u2013-]\s")


def _title_end(text: str, span: Mapping) -> int:
    """The end of the title proper in a title's span: its first line up to a reference or date."""
    first = span.start
    while first < span.end and text[first].isspace():
        first += 1
    stop = _TITLE_END.search(text, first, span.end)
    return span.end if stop is None else stop.start()


def _glued_value(
    text: str, span: Mapping, marks: list[tuple[int, int, int]], words: _Words
) -> list[tuple[int, int]]:
    """A value on its heading's line that is not in the draft as a phrase: ``[(start, end)]``.

    "3. Rekisterin nimi Kuopion kaupungin palautejärjestelmä": each word may
    be somewhere in the draft (the controller's name, a sentence) while the
    register's name is not; the words after the heading's own must follow
    each other in the draft too, as they are written (a value is copied).
    """
    after = _heading_end(text, span)
    if after in {span.start, span.end}:
        return []  # no value after the heading's own words (or no start of it is in the table)
    line_end = text.find("\n", after, span.end)
    if line_end >= 0:
        span = Mapping(span.start, line_end, span.field)  # the value on the heading's line
    content = [
        (start, end)
        for start, end, verdict in marks
        if verdict in {_FOUND, _LOST}
        and after <= start < span.end
        and _stem(text[start:end]) not in HEADING_WORDS | LABELS
    ]
    if not content:
        return []
    value = [text[start:end].casefold() for start, end in content if not text[start].isdigit()]
    if all(word in words.words for word in value) and all(
        pair in words.pairs for pair in itertools.pairwise(value)
    ):
        return []
    return [(content[0][0], content[-1][1])]


def _rest(
    span: Mapping, runs: list[tuple[int, int]], marks: list[tuple[int, int, int]], own: int
) -> tuple[list[Mapping], list[tuple[int, int]]]:
    """*span* cut around *runs*: the parts that stay mapped, and the runs.

    A part with fewer words found in the draft than other words (function
    words, "Tietoja käytetään " before a lost word) goes with the runs next
    to it, so the report shows a lost word with the words around it; a
    heading's own words (up to *own*) stay mapped.
    """
    found = [start for start, _, verdict in marks if verdict == _FOUND]
    filler = [start for start, _, verdict in marks if verdict == _FILLER]
    edges = [span.start, *(edge for run in runs for edge in run), span.end]
    parts = list(zip(edges[::2], edges[1::2], strict=True))  # between the runs
    kept: list[Mapping] = []
    out = [list(run) for run in runs]
    for index, (start, end) in enumerate(parts):
        if end <= start:
            continue  # two runs meet, or a run at the span's edge
        hits = bisect.bisect_left(found, end) - bisect.bisect_left(found, start)
        other = bisect.bisect_left(filler, end) - bisect.bisect_left(filler, start)
        if (hits and hits >= other) or not (hits or other) or start < own:
            kept.append(Mapping(start, end, span.field))  # found words, or no words at all
        elif index > 0:
            out[index - 1][1] = end  # the run before it takes it
        elif out:
            out[0][0] = start
    merged: list[tuple[int, int]] = []
    for start, end in out:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return kept, merged


#: A line longer than this is no heading, label or lead-in.
_STRUCTURE_LENGTH: Final = 160


def _structure_end(text: str, at: int, lines: dict[int, int]) -> int:
    """Where the structure of the line at *at* ends (its start when it has none).

    The whole line when it is a heading of the table, a field's label or a
    lead-in ending in a colon; up to its first colon when the words before it
    are a label ("Y-tunnus: …", "Mailing address: …").
    """
    start = text.rfind("\n", 0, at) + 1
    if start not in lines:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        lines[start] = start + _structure_length(text[start:end])
    return lines[start]


#: A list item's marker at the start of a line.
_ITEM: Final = re.compile(r"[ \t]*[-\u2013\u2022*\u00b7\u25aa\u25cf][ \t]")


def _listed(text: str, at: int) -> bool:
    """Whether the word at *at* is on a list's line of words only ("- nimi", not "- puh. 040 …")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (
        _ITEM.match(text, start) is not None
        and _VALUE_MARK.search(text, start, len(text) if end < 0 else end) is None
    )


#: A label's value follows on the line: a colon, a digit, an e-mail's at sign.
_VALUE_MARK: Final = re.compile(r"[:\d@]")


def _structure_length(line: str) -> int:
    from rekisteri.importer._cookies import is_column_label, is_header_line
    from rekisteri.importer._furniture import is_furniture
    from rekisteri.importer._headings import is_field_label, recognise

    if len(line) > _STRUCTURE_LENGTH:
        return 0
    flat = " ".join(line.split())
    bare = flat.strip(" :.-\u2013\u2022*")
    if not bare:
        return len(line)
    if not _ITEM.match(line) and (
        recognise(bare) is not None
        or is_field_label(bare)  # a label alone ("Puhelin", its value below)
        or all(is_column_label(cell) for cell in re.split(r"\s*[|\t]\s*", bare))
        or is_header_line(line)  # its cells apart by tabs, which *flat* has not kept
        or is_furniture(line)  # a PDF's "Sivu 2 / 2", "Tietosuojaseloste 2 (2)"
    ):
        return len(line)  # a heading, a label, a table's header ("Eväste | Tarkoitus")
    if flat.endswith(":") and _label_shaped(bare, _LABEL_LINE_WORDS, alone=True):
        return len(line)  # a label alone on its line ("Registrets benämning:")
    colon = _COLON.search(line)
    if colon is not None and (
        _label(line[: colon.start()])
        or (_label_shaped(line[: colon.start()], _LABEL_WORDS) and line[colon.end() :].strip())
    ):
        return colon.end()  # "Y-tunnus: …", "Mailing address: …": a label, then its value
    return 0


#: What ends a label's phrase inside a line: a bracket, a comma, a semicolon.
_PHRASE_BREAK: Final = re.compile(r"[(),;]")


def _label_shaped(text: str, most: int, *, alone: bool = False) -> bool:
    """Whether *text*, the words before a colon, can be a label of at most *most* words.

    A label before its value is one phrase (no bracket or comma: "Kylän Kauppa
    Oy (Y-tunnus" is a name, then a label; a label *alone* on its line may be a
    table's header, "Recipient (Purpose)"), with a capital at most on its first
    word or on a label's word ("Postal Address"): "Kylän Kauppa Y-tunnus" names
    a firm.
    """
    words = _words(text)
    return (
        len(words) <= most
        and (alone or _PHRASE_BREAK.search(text) is None)
        and all(not word[0].isupper() or _stem(word) in LABELS | IGNORED for word in words[1:])
    )


#: A label alone on its line has at most this many words; one before its value, this many.
_LABEL_LINE_WORDS: Final = 2
_LABEL_WORDS: Final = 3


#: A label's colon: followed by a blank or the line's end ("Oy:lle" has none).
_COLON: Final = re.compile(r":(?=\s|$)")


def _words(text: str) -> list[str]:
    return [word for word in _TOKEN.findall(text) if len(word) >= _MIN_LETTERS]


def _label(text: str) -> bool:
    """Whether *text* (before a colon) is a heading of the table or a field's label.

    Other words before a colon are checked like any others ("Tiedot saadaan
    Zorbanetista seuraavasti:", "Manuaalinen aineisto:"): those that are only
    function words or labels are never lost anyway.
    """
    from rekisteri.importer._headings import is_field_label, recognise

    bare = " ".join(text.split()).strip(" .-\u2013\u2022*")
    return bool(bare) and (recognise(bare) is not None or is_field_label(bare))


#: A heading runs over at most this many lines (a PDF's or Word's hard breaks).
_HEADING_LINES: Final = 4


#: A legal reference in a bracket after a heading: a statute's number, an article, a section.
_LEGAL_REFERENCE: Final = re.compile(
    r"(?i)\d+/\d{2,4}|§|\bart\b|\bart\.|artikl|article|\bartikel|\bgdpr\b|\beu\b"
    r"|asetu|förordning|regulation|\blaki|\blain\b|\blag\b|\bact\b"
)


def _heading_end(text: str, span: Mapping) -> int:
    """Where the heading's own words end in a heading span (a value may follow them).

    The heading is the span's first lines up to the first that, with those
    before it, is a heading of the importer's table (one line, or a heading
    broken over two); of those, the longest start cut at a word's end that is
    still one. What follows is checked: a value on the heading's line, the
    lines of a contact's unit and title that a heading's span runs on over.
    The span's start when no start of it is in the table: each word is then
    checked (a heading read from its words is quoted in the draft's comments).
    """
    from rekisteri.importer._headings import recognise

    piece = text[span.start : span.end]
    first = len(piece) - len(piece.lstrip())
    line_end = first
    for _ in range(_HEADING_LINES):
        line_end = piece.find("\n", line_end + 1)
        if line_end < 0:
            line_end = len(piece)
        if recognise(" ".join(piece[:line_end].split())) is not None:
            break
        if line_end == len(piece):
            break
    else:
        return span.start
    piece = piece[:line_end]
    bracket = piece.find("(")
    if (
        bracket > 0
        # a legal reference is the heading's ("(EU 2016/679, 14 art.)"), not what a
        # bracket with other numbers adds ("Säilytysaika (laskut 10 vuotta)")
        and _LEGAL_REFERENCE.search(piece, bracket) is None
        and recognise(" ".join(piece[:bracket].split())) is not None
    ):
        return span.start + bracket  # "Käyttötarkoitus (Gloob-kampanja)": the bracket says more
    if recognise(" ".join(piece.split())) is not None:
        return span.start + len(piece)
    ends = [match.end() for match in re.finditer(r"\w+", piece)]
    for end in reversed(ends[:-1]):
        if recognise(" ".join(piece[:end].split())) is not None:
            return span.start + end
    return span.start
