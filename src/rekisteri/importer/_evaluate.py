"""Scoring an import against a hand-written expected draft (fixture format of issue 15).

Used by ``benchmarks/eval_import.py`` and the importer's regression tests;
not part of the public API. An expected draft is register-shaped TOML with an
optional ``[fixture]`` table (the notice's languages and its sections, each
with the field its text belongs to).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from rekisteri.importer._invisible import CHARACTERS

if TYPE_CHECKING:
    from rekisteri.importer import ImportResult
    from rekisteri.model import LocalizedText, Register

KEY_FACTS: Final = ("name", "controller", "business_id", "street", "postal_code", "town", "email")

#: The field a recognised heading's section kind stands for.
_KIND_FIELD: Final = {
    "title": "none",
    "changes": "none",
    "dpo": "controller",
    "security_manual": "security",
    "security_electronic": "security",
    "access": "rights",
    "rectification": "rights",
    "other_rights": "rights",
}
#: Fields that are one thing for the scorer.
_SAME: Final = {"rights_exercise": "rights", "cookie_policy": "cookies"}


def _norm(value: object) -> str:
    return " ".join(str(value).split())


def expected_facts(expected: dict[str, Any]) -> dict[str, object]:
    """The key facts an expected draft gives (a fact it lacks is left out)."""
    controller = expected.get("controller", {})
    address = controller.get("address", {})
    facts: dict[str, object] = {
        "controller": controller.get("name"),
        "business_id": controller.get("business_id"),
        "street": address.get("street"),
        "postal_code": address.get("postal_code"),
        "town": address.get("town"),
        "email": controller.get("contact", {}).get("email")
        or expected.get("contact_person", {}).get("email"),
        "name": expected.get("name"),
    }
    return {key: value for key, value in facts.items() if value}


def draft_facts(draft: Register) -> dict[str, object]:
    """The same key facts of an imported draft."""
    controller = draft.controller
    address = controller.address
    email = controller.contact.email if controller.contact else None
    if email is None and draft.contact_person is not None:
        email = draft.contact_person.email
    return {
        "controller": controller.name,
        "business_id": controller.business_id,
        "street": address.street if address else None,
        "postal_code": address.postal_code if address else None,
        "town": address.town if address else None,
        "email": email,
        "name": draft.name,
    }


def fact_right(expected: object, got: object) -> bool:
    """Whether a fact is right: equal after whitespace normalisation.

    A text in several languages (``{fi = ..., sv = ...}``) must match in each
    language given; a plain string matches the draft's text in any language.
    """
    if got is None:
        return False
    if isinstance(expected, dict):
        texts = _texts(got)
        return all(_norm(texts.get(lang, "")) == _norm(text) for lang, text in expected.items())
    if isinstance(got, str):
        return _norm(got) == _norm(expected)
    return _norm(expected) in {_norm(text) for text in _texts(got).values()}


def _texts(value: object) -> dict[str, str]:
    if isinstance(value, str):
        return {"fi": value}
    text: LocalizedText = value  # type: ignore[assignment] # a LocalizedText
    return {
        lang: found for lang in ("fi", "sv", "en") if (found := getattr(text, lang)) is not None
    }


def score_facts(expected: dict[str, Any], draft: Register) -> dict[str, bool]:
    """Each key fact the expected draft gives: right or not."""
    got = draft_facts(draft)
    return {key: fact_right(value, got[key]) for key, value in expected_facts(expected).items()}


def field_of(mapped_field: str) -> str:
    """The top-level field of a mapped span's path, as the scorer compares them."""
    if mapped_field.startswith("heading:"):
        kind = mapped_field.removeprefix("heading:")
        return _KIND_FIELD.get(kind, kind)
    if mapped_field.startswith("none_stated."):
        mapped_field = mapped_field.removeprefix("none_stated.")
    top = re.split(r"[.\[]", mapped_field, maxsplit=1)[0]
    return _SAME.get(top, top)


def scored_spans(result: ImportResult) -> list[tuple[int, int, str]]:
    """The result's mapped spans as the scorer compares them: ``(start, end, field)``.

    A denial ("ei luovuteta") maps to ``none_stated.<field>``: it counts for
    that field and also for a section whose expected field is ``none_stated``.
    So does the heading of a section holding a denial of the heading's own
    field (the section states that there is none of it).
    """
    end = len(result.text)
    spans = [(m.start, min(m.end, end), field_of(m.field)) for m in result.mapped]
    denials = [
        (m.start, min(m.end, end), field_of(m.field))
        for m in result.mapped
        if m.field.startswith("none_stated.")
    ]
    spans += [(start, stop, "none_stated") for start, stop, _ in denials]
    spans += [
        (start, stop, "none_stated")
        for start, stop, field, until in _headings_with_ends(result)
        if any(field == denied and stop <= at < until for at, _, denied in denials)
    ]
    return spans


def _headings_with_ends(result: ImportResult) -> list[tuple[int, int, str, int]]:
    """Each heading span with its field and where its section ends (the next heading)."""
    end = len(result.text)
    heads = sorted(
        (m.start, min(m.end, end), field_of(m.field))
        for m in result.mapped
        if m.field.startswith("heading:")
    )
    ends = [start for start, _, _ in heads[1:]] + [end] * bool(heads)
    return [
        (start, stop, field, until) for (start, stop, field), until in zip(heads, ends, strict=True)
    ]


def section_spans(text: str, sections: list[dict[str, str]]) -> list[tuple[int, int, str, str]]:
    """Each section located by its heading, in order: (start, end, heading, field).

    A heading not found in the text is left out (its text counts with the section before).
    """
    found: list[tuple[int, str, str]] = []
    position = 0
    flat_text, offsets = _flattened(text)
    for section in sections:
        heading = _norm(section.get("heading", ""))
        if not heading:
            found.append((0 if not found else position, "", section.get("field", "none")))
            continue
        at = flat_text.find(heading, _flat_index(offsets, position))
        if at < 0:
            continue
        start = offsets[at]
        found.append((start, heading, section.get("field", "none")))
        position = start + 1
    spans = []
    for index, (start, heading, field) in enumerate(found):
        end = found[index + 1][0] if index + 1 < len(found) else len(text)
        spans.append((start, end, heading, field))
    return spans


def _flattened(text: str) -> tuple[str, list[int]]:
    """*text* with whitespace runs as one space, and each character's offset in *text*."""
    out: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            offsets.append(match.start())
        out.append(match.group(0))
        offsets.extend(range(match.start(), match.end()))
    offsets.append(len(text))
    return "".join(out), offsets


def _flat_index(offsets: list[int], position: int) -> int:
    import bisect

    return bisect.bisect_left(offsets, position)


def right_field(result: ImportResult, sections: list[dict[str, str]]) -> tuple[int, int]:
    """(characters mapped to the field their section names, characters) over the sections.

    Sections whose field is ``"none"`` are not counted: no field is right for them.
    """
    text = result.text
    spans = scored_spans(result)
    located = section_spans(text, sections)
    bounds = [edge for start, end, _, _ in located for edge in (start, end)]
    pieces = segments(text, spans, bounds)
    right = total = 0
    for start, end, _heading, field in located:
        if field == "none":
            continue
        want = _SAME.get(field, field)
        for left, right_edge, covering, chars in pieces:
            if left >= start and right_edge <= end:
                total += chars
                right += chars if want in covering else 0
    return right, total


_NON_BLANK: Final = re.compile(rf"[^\s{CHARACTERS}]+")  # invisible characters are blank


def segments(
    text: str, spans: list[tuple[int, int, str]], bounds: list[int]
) -> list[tuple[int, int, frozenset[str], int]]:
    """*text* cut at every span edge and bound: (start, end, fields covering it, non-blank chars).

    *spans* are ``(start, end, field)`` with the scorer's top-level field
    names. One sweep over the sorted edges: linear in the text and
    ``O(m log m)`` in the spans, so a report on a large notice stays cheap.
    """
    edges = sorted({0, len(text), *bounds, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for start, end, field in spans:
        if end > start:
            starts.setdefault(start, []).append(field)
            ends.setdefault(end, []).append(field)
    active: dict[str, int] = {}
    out = []
    for left, right in itertools.pairwise(edges):
        for field in ends.get(left, ()):
            active[field] -= 1
        for field in starts.get(left, ()):
            active[field] = active.get(field, 0) + 1
        chars = sum(map(len, _NON_BLANK.findall(text, left, right)))
        if chars:
            covering = frozenset(field for field, count in active.items() if count > 0)
            out.append((left, right, covering, chars))
    return out


#: A word of a passage, as the loss check compares them: letters (three or more) or digits.
_WORD: Final = re.compile(r"[^\W\d_]{3,}|\d{2,}")
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
_HEADING_WORDS: Final = 12
_SENTENCE_BREAK: Final = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-ZÄÖÅ][a-zäöå]")
#: A lead-in line without its colon ends with one of these ("… används för").
_LEAD_IN_END: Final = re.compile(
    r"(?i)\b(?:för|for|to|till|följande|seuraavia|seuraavat|seuraaviin)$"
)
_LEAD_IN_WORDS: Final = 6
_NUMBER: Final = re.compile(r"\W*\d{1,2}(?:\.\d{1,2})*[a-h]?[.)]?\s+")
#: Words every notice uses around its content ("Tietoja käytetään myös …"):
#: not counted either way (their first five letters).
_FILLER: Final = frozenset(
    {
        "tieto", "tiedo", "henki", "käyte", "käytt", "voida", "myös", "sekä", "saada", "rekis",
        "uppgi", "perso", "använ", "också", "behan", "kasit", "käsit", "data", "used", "also",
        "regis", "infor",
    }
)  # fmt: skip


def _stems(text: str) -> set[str]:
    return {word.casefold()[:_STEM] for word in _WORD.findall(text)}


def _structural(passage: str, field: str) -> bool:
    """Whether a mapped *passage* is structure (a label, a lead-in, a heading), not content."""
    from rekisteri.importer._cookies import is_column_label
    from rekisteri.importer._headings import is_field_label, recognise

    flat = " ".join(passage.split())
    bare = _HINT.sub("", flat).strip(" :.")
    words = _WORD.findall(flat)
    if field.startswith("heading:"):
        # a heading is structure, unless it is a sentence taken for one
        unnumbered = _NUMBER.sub("", flat, count=1)
        return len(words) <= _HEADING_WORDS and _SENTENCE_BREAK.search(unnumbered) is None
    return (
        not words
        or is_field_label(bare)
        or _LABEL.fullmatch(bare) is not None
        or is_column_label(bare)
        or recognise(bare) is not None  # a heading's words mapped with its section
        or (flat.endswith(":") and len(words) <= _HEADING_WORDS)  # a lead-in line
        or (_LEAD_IN_END.search(flat) is not None and len(words) <= _LEAD_IN_WORDS)
    )


def lost_passages(result: ImportResult, draft_text: str) -> list[tuple[int, int, str]]:
    """Mapped passages whose words do not reach *draft_text*: ``(start, end, field)``.

    *draft_text* is the draft as the user gets it (:func:`to_toml` with the
    result's notes, comments included). A passage counts as reached when at
    least half of its words (compared by their first five letters, so an
    inflected word matches its base form) are somewhere in the draft, or in
    the catalogue entry of a source the draft names by key. Labels, lead-in
    lines and headings are structure and are not checked, but a "heading"
    that is a sentence (more than twelve words, or a sentence break inside)
    is always lost: a heading's text is never a value. The check is lenient
    in one way: a passage whose words all appear somewhere else in the draft
    passes. The importer's promise is that this list is empty:
    every passage is in the draft or in :attr:`ImportResult.unmatched`.
    """
    from rekisteri.sources import CATALOG

    have = _stems(draft_text)
    pairs = _pairs(draft_text)
    digits = _digit_runs(draft_text)
    for finding in result.findings:  # a wrong Y-tunnus is quoted in finding I002
        if finding.code.startswith("I"):  # the importer's own, not the linter's on the draft
            have |= _stems(finding.message)
            pairs |= _pairs(finding.message)
            digits += _digit_runs(finding.message)
    catalogued = {
        f"sources[{index}]"
        for index, source in enumerate(result.draft.sources)
        if CATALOG.get(source.key) == source
    }
    lost = []
    for mapped in result.mapped:
        passage = result.text[mapped.start : mapped.end]
        if mapped.field in catalogued or _structural(passage, mapped.field):
            continue  # a source the catalogue names: the draft keeps its key
        if mapped.field == "updated" and _dated(passage, result.draft.updated):
            continue  # "uppdaterad 5 mars 2021": the draft keeps the date, written as a date
        if mapped.field.startswith("heading:"):
            # a sentence taken for a heading: a heading's text is never a value
            lost.append((mapped.start, mapped.end, mapped.field))
            continue
        words = [word.casefold()[:_STEM] for word in _WORD.findall(passage)]
        words = [word for word in words if word not in _FILLER] or words
        missing = sum(word not in have for word in words)
        if (
            2 * missing > len(words)
            or (mapped.field.split("[")[0] in _PROSE and _cut_up(passage, pairs))
            or _code_gone(passage, digits)
        ):
            lost.append((mapped.start, mapped.end, mapped.field))
    return lost


def _dated(passage: str, updated: object) -> bool:
    """Whether *passage* states the very date the draft keeps as its ``updated``."""
    from rekisteri.importer._cues import updated_in

    found = updated_in(passage, 0, len(passage))
    return found is not None and isinstance(updated, date) and found[0] == updated


#: A passage of at least this many words is a sentence the draft should keep whole.
_LONG: Final = 12
#: A run of digits that is a code or a number of its own (a registry code, a
#: Y-tunnus, a phone number written together), not a date's or an address's part.
_CODE: Final = re.compile(r"\b\d{7}-\d\b|\b[1-9]\d{5,}\b")
_DIGITS: Final = re.compile(r"\d+")
_DIGIT_GAP: Final = re.compile(r"(?<=\d)[-\s](?=\d)")
#: Fields whose passages are prose the draft keeps as sentences (not lists the
#: importer splits into entries, where a long line legitimately becomes items).
_PROSE: Final = frozenset({"purposes", "description", "retention", "recipients", "transfers"})


def _digit_runs(text: str) -> str:
    """The runs of digits of *text*, joined over a hyphen or a space ("1234567-8")."""
    return "|" + "|".join(_DIGITS.findall(_DIGIT_GAP.sub("", text)))


def _pairs(text: str) -> set[tuple[str, str]]:
    """Each two neighbouring words of *text*, by their first five letters."""
    stems = [word.casefold()[:_STEM] for word in _WORD.findall(text)]
    return set(itertools.pairwise(stems))


def _cut_up(passage: str, pairs: set[tuple[str, str]]) -> bool:
    """Whether a long sentence reached the draft only as scattered words.

    Its words may all be somewhere in the draft (in purpose names made of
    its fragments, in other sentences) while the sentence is gone: fewer than
    a third of its neighbouring word pairs are in the draft.
    """
    own = _pairs(passage)
    if len(_WORD.findall(passage)) < _LONG or not own:
        return False
    return 3 * len(own & pairs) < len(own)


def _code_gone(passage: str, digits: str) -> bool:
    """Whether a code or long number of *passage* is nowhere in the draft (its last six digits)."""
    for code in _CODE.findall(passage):
        tail = re.sub(r"\D", "", code)[-6:]
        if tail not in digits:
            return True
    return False
