"""Scoring an import against a hand-written expected draft (fixture format of issue 15).

Used by ``benchmarks/eval_import.py`` and the importer's regression tests;
not part of the public API. An expected draft is register-shaped TOML with an
optional ``[fixture]`` table (the notice's languages and its sections, each
with the field its text belongs to).
"""

from __future__ import annotations

import itertools
import re
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


def scored_spans(result: ImportResult, *, comments: bool = True) -> list[tuple[int, int, str]]:
    """The result's mapped spans as the scorer compares them: ``(start, end, field)``.

    With *comments* false, the passages the draft holds only as a comment are
    left out (:attr:`~ImportResult.by_model`, :attr:`~ImportResult.remarked`).
    A denial ("ei luovuteta") maps to ``none_stated.<field>``: it counts for
    that field and also for a section whose expected field is ``none_stated``.
    So does the heading of a section holding a denial of the heading's own
    field (the section states that there is none of it).
    """
    end = len(result.text)
    mapped = result.mapped
    if not comments:
        commented = {*result.by_model, *result.remarked}
        mapped = tuple(m for m in mapped if m not in commented)
    spans = [(m.start, min(m.end, end), field_of(m.field)) for m in mapped]
    denials = [
        (m.start, min(m.end, end), field_of(m.field))
        for m in mapped
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


def right_field(
    result: ImportResult, sections: list[dict[str, str]], *, comments: bool = True
) -> tuple[int, int]:
    """(characters mapped to the field their section names, characters) over the sections.

    Sections whose field is ``"none"`` are not counted: no field is right for them.
    With *comments* false, text the draft holds only as a comment counts as
    not mapped (:func:`scored_spans`).
    """
    text = result.text
    spans = scored_spans(result, comments=comments)
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


def lost_passages(result: ImportResult, draft_text: str) -> list[tuple[int, int, str]]:
    """Mapped passages whose words do not reach *draft_text*: ``(start, end, field)``.

    *draft_text* is the draft as the user gets it (:func:`to_toml` with the
    result's notes, comments included), with the texts of the importer's own
    findings (a wrong Y-tunnus is quoted in finding I002). The criteria are
    those of :func:`rekisteri.importer._lost.passage_lost`, which the
    importer's final accounting applies too: a passage reached by at least
    half of its words (by their first five letters), a prose sentence not cut
    up into scattered words, no code lost; labels, lead-ins and headings are
    structure, but a "heading" that is a sentence is always lost. A source the
    draft names by its catalogue key is not checked. The importer's promise is
    that this list is empty: every passage is in the draft or in
    :attr:`ImportResult.unmatched`.
    """
    from rekisteri.importer._account import catalogued
    from rekisteri.importer._lost import Reach, passage_lost

    reach = Reach([draft_text])
    for finding in result.findings:
        if finding.code.startswith("I"):  # the importer's own, not the linter's on the draft
            reach.add(finding.message)
    keys = catalogued(result.draft)
    updated = result.draft.updated
    return [
        (mapped.start, mapped.end, mapped.field)
        for mapped in result.mapped
        if mapped.field not in keys
        and passage_lost(result.text[mapped.start : mapped.end], mapped.field, reach, updated)
    ]
