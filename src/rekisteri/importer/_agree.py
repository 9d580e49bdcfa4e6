"""A heading read from its words must agree with the text under it.

A heading the table does not know is read by its key words
(:func:`rekisteri.importer._headings.guess`): "Tietojen kerääminen ja
suojaaminen" names protection, so its section would be read as security
measures, though the text under it states what the data are used for. Before
a guessed kind is accepted, the sentences of its section are scored with the
cue words the extractor reads loose sentences by; a guess is changed when the
text clearly speaks of one other field (or is a list of items of data and no
more: the data content), and refused (the heading is then an unknown one:
its text goes to the description or is listed as unmatched, a sentence read
by its own words) when the text only speaks of the notice itself, when it is
one sentence alone that speaks only of another field, when the section is
page chrome above the notice's title, or when the notice has a heading of
the table for that same party or name elsewhere.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from rekisteri.importer._content import data_fields_said
from rekisteri.importer._cues import (
    ABOUT_NOTICE,
    CONTENT_CUE,
    DISCLOSURE,
    EMAIL_LOOSE,
    HEADING_AND,
    LEGAL_BASIS_CUE,
    NOT_DISCLOSURE,
    PHONE,
    POSTAL_CODE,
    RETENTION,
    RIGHTS_CUE,
    SECURITY_CUE,
    STRONG_DISCLOSURE,
    STRONG_RETENTION,
    STRONG_SOURCE,
    URL,
    USED_FOR_SV_EN,
    YTUNNUS,
    is_transfer,
    register_name_of,
)
from rekisteri.importer._finnish import purposes_in
from rekisteri.importer._headings import SectionKind, kinds_named, names_kind, second_kind
from rekisteri.importer._people import is_data_item, people_kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from rekisteri.importer._structure import Piece, Section

#: A kind and the kinds that count as the same field for the check.
_FAMILY: Final = {
    SectionKind.SECURITY_MANUAL: SectionKind.SECURITY,
    SectionKind.SECURITY_ELECTRONIC: SectionKind.SECURITY,
    SectionKind.ACCESS: SectionKind.OTHER_RIGHTS,
    SectionKind.RECTIFICATION: SectionKind.OTHER_RIGHTS,
}
#: Kinds a section's text may move a guess to: those the extractor fills from sentences.
_MOVABLE: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.TRANSFERS,
        SectionKind.RETENTION,
        SectionKind.SECURITY,
        SectionKind.OTHER_RIGHTS,
    }
)
#: Kinds whose guess is heard against the text (a party's block is checked otherwise).
_HEARD: Final = _MOVABLE | {
    SectionKind.SUBJECTS,
    SectionKind.PROCESSORS,
    SectionKind.COOKIES,
    SectionKind.AUTOMATED,
    SectionKind.SECURITY_MANUAL,
    SectionKind.SECURITY_ELECTRONIC,
    SectionKind.ACCESS,
    SectionKind.RECTIFICATION,
}
#: A party or a name: a notice has one section for each.
_ONE_EACH: Final = frozenset(
    {SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO, SectionKind.NAME}
)
#: Sentences a section's text must speak of another field in (and of its own in
#: none) for the guess to move there, and by how many more than any third field.
_CLEAR: Final = 2
#: Sentences looked at in a section (its start says what it is about).
_SENTENCES: Final = 40
_SENTENCE_END: Final = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÄÖÅ0-9•*-])|\n")
_LINK: Final = re.compile(r"(?i)^(?:https?://|www\.)\S+$")


def _cues(low: str) -> set[SectionKind]:
    """The fields a sentence (lower case) speaks of, by the extractor's cue words."""
    found: set[SectionKind] = set()
    if is_transfer(low):
        found.add(SectionKind.TRANSFERS)
    if RETENTION.search(low) and STRONG_RETENTION.search(low):
        found.add(SectionKind.RETENTION)
    if DISCLOSURE.search(low) and STRONG_DISCLOSURE.match(low) and not NOT_DISCLOSURE.search(low):
        found.add(SectionKind.DISCLOSURES)
    if STRONG_SOURCE.match(low):
        found.add(SectionKind.SOURCES)
    if purposes_in(low) is not None or LEGAL_BASIS_CUE.search(low) or USED_FOR_SV_EN.search(low):
        found.add(SectionKind.PURPOSES)
    if CONTENT_CUE.search(low):
        found.add(SectionKind.CONTENT)
    if SECURITY_CUE.search(low):
        found.add(SectionKind.SECURITY)
    if RIGHTS_CUE.search(low):
        found.add(SectionKind.OTHER_RIGHTS)
    return found | data_fields_said(low)  # the same in the active voice (first person, sv, en)


def _sentences(text: str, section: Section) -> list[tuple[str, bool]]:
    """The section's sentences in lower case, each with whether it is a list's entry."""
    out: list[tuple[str, bool]] = []
    for piece in section.pieces:
        for sentence in _SENTENCE_END.split(text[piece.content_start : piece.end]):
            flat = " ".join(sentence.split()).strip("•*- ")
            if flat:
                out.append((flat.casefold(), piece.kind == "item"))
            if len(out) >= _SENTENCES:
                return out
    return out


def verdict(text: str, section: Section, heading: str) -> SectionKind | None:
    """The kind a guessed heading's section is read as after its text is heard.

    The guess itself when nothing speaks against it; another field when the
    text clearly speaks of that one (in two sentences or more, at least half
    of its running sentences; one is enough under a heading that names two
    things) and never of the guessed one (the second field of a two-part
    heading first); ``None`` when the text only speaks of the notice itself
    or is only links.
    """
    kind = section.kind
    if kind is None:
        return None
    sentences = _sentences(text, section)
    if not sentences:
        return kind
    if all(_LINK.match(low) for low, _ in sentences):
        return None  # only links: a page's menu, no section of the notice
    votes = _votes(kind, sentences)
    if votes is None or kind not in _HEARD:
        return kind  # the text speaks of the guessed field
    if kind is not SectionKind.CONTENT and _data_items(sentences):
        return SectionKind.CONTENT  # "Mitä säilytämme" over "- nimi" / "- osoite": items of data
    about_notice = votes.pop(None, 0)
    running = sum(not item for _, item in sentences)
    # one sentence decides alone only under a heading that names two things ("Kenelle ja
    # miksi?"); a heading of one topic ("Miten suojaamme tietosi?") needs more
    alone = HEADING_AND.search(heading) is not None
    second = second_kind(heading)
    if second is not None and _clear(votes.get(_FAMILY.get(second, second), 0), running, alone):
        return second  # "X ja Y" whose text is about Y only
    ranked = sorted(((count, other) for other, count in votes.items() if other), reverse=True)
    if (
        ranked
        and _clear(ranked[0][0], running, alone)
        and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0])
    ):
        return ranked[0][1]
    if about_notice * 2 >= len(sentences) and not ranked:
        return None  # the text speaks of the notice itself ("tässä selosteessa …")
    if ranked and running == len(sentences) < _CLEAR and ranked[0][0] == running:
        # one sentence alone (no list it leads in to) that speaks of another field only:
        # too little to move the guess by, too much to keep it ("Tietojen jakaminen" /
        # "Palvelin on lukitussa …"): the heading is refused, its sentence read by its words
        return None
    return kind


def _votes(
    kind: SectionKind, sentences: list[tuple[str, bool]]
) -> dict[SectionKind | None, int] | None:
    """How many running sentences speak of each other field (``None``: of the notice).

    ``None`` instead when a sentence (a list's entry too) speaks of the guessed field.
    """
    own = _FAMILY.get(kind, kind)
    votes: dict[SectionKind | None, int] = {}
    for low, item in sentences:
        cues = _cues(low)
        if own in cues or names_kind(kind, low) or _own_period(own, low):
            return None
        if item and own is SectionKind.CONTENT and is_data_item(low):
            return None  # a list's entry naming data speaks of the data heading ("- Nimi")
        if item:
            continue  # a list's entries speak for their section, never against it
        lead = low.partition(":")[0]  # a lead-in's words, or the whole sentence
        named = kinds_named(_MOVABLE, lead)
        if SectionKind.RETENTION in named and _RECORDED.search(low) and not _KEPT.search(low):
            # "Om kunden sparas namn, adress …": Swedish "sparas" with no period, law or
            # deletion says what is recorded, not for how long
            named.discard(SectionKind.RETENTION)
        if len(named) == 1:
            cues = named  # a sentence that names one field ("… seuraaviin tarkoituksiin:")
        if ABOUT_NOTICE.search(low):
            votes[None] = votes.get(None, 0) + 1
        for cue in cues - {own}:
            votes[cue] = votes.get(cue, 0) + 1
    return votes


#: A list's entry of data is short: "Puhelinnumero", "Asiakkaan sähköpostiosoite".
_ITEM_WORDS: Final = 4


def _data_items(sentences: list[tuple[str, bool]]) -> bool:
    """Whether a section's text is a list of items of data and no more (a lead-in aside).

    Two entries at least, each a few words naming an item of data
    ("nimi", "osoite", "puhelinnumero"); its running sentences, if any, lead
    in to the list (end in a colon).
    """
    entries = [low for low, item in sentences if item]
    return (
        len(entries) >= _CLEAR
        and all(low.rstrip().endswith(":") for low, item in sentences if not item)
        and all(
            len(low.split()) <= _ITEM_WORDS and is_data_item(low) and not people_kind(low)
            for low in entries
        )
    )


def _own_period(own: SectionKind, low: str) -> bool:
    """Whether a sentence gives a period under a retention heading ("… kuuden vuoden ajan").

    A period speaks of retention even with no verb of keeping: it is heard for
    the guess, never moved by (a loose sentence needs that verb).
    """
    return own is SectionKind.RETENTION and STRONG_RETENTION.search(low) is not None


#: Swedish verbs of keeping that also mean recording ("Om kunden sparas namn …").
_RECORDED: Final = re.compile(r"\b(?:sparas|lagras|sparar|lagrar)\b")
#: What makes such a sentence one on retention: a period, a law, a deletion, "as long as".
_KEPT: Final = re.compile(
    r"så länge|\btills?\b|raderas|gallras|förstörs|\bår\b|månad|\bdagar|permanent|bokföringslag"
    r"|\d"
)


def _clear(count: int, running: int, alone: bool) -> bool:  # noqa: FBT001 - internal
    """Whether *count* sentences of *running* ones speak clearly of a field.

    Two or more and at least half of them; or, when *alone* may decide, every
    one (a one-sentence text).
    """
    return (count >= _CLEAR and 2 * count >= running) or (alone and count == running > 0)


def settle(text: str, sections: list[Section]) -> None:
    """Check every guessed heading of *sections* against its text (in place).

    Then a party's section ends before a paragraph of prose on another field
    (:func:`_party_prose_apart`).
    """
    _settle_guesses(text, sections)
    _party_prose_apart(text, sections)


def _settle_guesses(text: str, sections: list[Section]) -> None:
    """Check every guessed heading of *sections* against its text (in place)."""
    table_kinds = {
        section.kind
        for section in sections
        if section.heading is not None and not section.heading.guessed
    }
    title = _title_over_known(sections)
    previous: SectionKind | None = None
    for index, section in enumerate(sections):
        piece = section.heading
        if piece is not None and section.kind is None and index >= title:
            _read_by_text(text, section)  # a heading that names no field: its text may
        if piece is None or not piece.guessed or section.kind is None:
            previous = section.kind if piece is not None else previous
            continue
        if index > 0 and _lead_in_line(text, sections[index - 1], section):
            parent = sections[index - 1].kind
            section.kind = piece.section = parent
            piece.inherited = piece.part = True
            previous = parent
            continue
        channels = (
            bool(section.pieces)
            and _CONTACT_WORDS.search(text, piece.start, piece.end) is not None
            and all(_channel_line(text, line) for p in section.pieces for line in p.lines)
        )
        if channels and section.kind not in _PARTIES:
            # "Muut yhteystiedot" over e-mails and phones: more of the party above, or no field
            kind = previous if previous in _PARTIES else None
        elif (
            index < title
            or _sentence_for_name(text, section)
            or (
                section.kind in _ONE_EACH
                and section.kind in table_kinds
                and section.pieces
                and not any(_party_line(text, line) for p in section.pieces for line in p.lines)
                and not any(names_kind(section.kind, low) for low, _ in _sentences(text, section))
            )
        ):
            kind = None  # page chrome over the title; an intro beside the party's own heading
        else:
            heading = " ".join(text[piece.start : piece.end].split())
            kind = verdict(text, section, heading)
        if kind is not section.kind:
            piece.moved = kind is not None
            section.kind = kind
            piece.section = kind
        previous = section.kind


_PARTIES: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO})
#: A heading's number at a line's start ("7.", "7)", "VI."): a heading of the notice's own.
_NUMBERED: Final = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]?(?!\d)|[IVXivx]{1,5}[.)])")


def _lead_in_line(text: str, above: Section, section: Section) -> bool:
    """Whether a guessed heading is the first line of the known heading right above it.

    "7. Regelmässigt utlämnande av uppgifter" / "Kundens uppgifter lämnas
    endast" / "- med kundens samtycke": the table's heading has no text of
    its own, and the unnumbered line under it that names another field only by
    its words ("uppgifter", data) is that heading's lead-in, not a heading of
    the data: it and its text take the known heading's field. Not under a
    title (the notice's first heading over a party's block) and not when the
    line is numbered (a heading of its own, "5. För vilket ändamål …"), nor
    when it asks a question ("Siirrämmekö tietoja ulkomaille?": a sub-heading)
    or names the field the heading above names second ("4. Luovutukset ja
    siirrot" over a line on transfers: the heading's second part).
    """
    heading, piece = above.heading, section.heading
    return (
        heading is not None
        and piece is not None
        and not heading.guessed
        and not above.pieces
        and above.kind in _HEARD
        and section.kind is not above.kind
        and _NUMBERED.match(text, piece.start, piece.end) is None
        and not text[piece.start : piece.end].rstrip().endswith("?")
        and second_kind(text[heading.start : heading.end]) is not section.kind
    )


#: A paragraph of prose has at least this many words (a party's line has fewer).
_PROSE_WORDS: Final = 8
#: What a party's block gives: an e-mail, a phone, a Y-tunnus, a postal code, a web address.
_PARTY_VALUES: Final = (EMAIL_LOOSE, PHONE, YTUNNUS, POSTAL_CODE, URL)


def _party_prose_apart(text: str, sections: list[Section]) -> None:
    """A party's section ends before a paragraph of prose that speaks of another field.

    A controller's or contact person's section holds the party's lines: names,
    roles, addresses, channels. A later paragraph of sentences that gives none
    of those and whose sentences speak of one field (by the extractor's cue
    words, as :func:`_read_by_text` counts them: one at least, twice as many as
    any other field, a sentence on the notice itself not counted) is the text of a
    heading the importer did not see (T3, session 12): it and what follows it
    no longer count as the party's. They become a section of no heading
    (read sentence by sentence by their own words, each so read noted in the
    draft, the rest the description), never the party's block. In place.
    """
    from rekisteri.importer._structure import Section  # at run time: it imports this module

    index = 0
    while index < len(sections):
        section = sections[index]
        index += 1
        if section.heading is None or section.kind not in _PARTIES | _MOVABLE:
            continue
        apart = _other_field_prose if section.kind in _PARTIES else _disagreeing_prose
        cut = next(
            (
                at
                for at, piece in enumerate(section.pieces)
                if at > 0 and piece.kind == "para" and apart(text, piece, section.kind)
            ),
            None,
        )
        if cut is None:
            continue
        if section.kind in _PARTIES:
            if any(_gives_party_detail(text, piece) for piece in section.pieces[cut + 1 :]):
                continue  # the party's block goes on below the prose (R4-2)
            end = len(section.pieces)
        else:
            end = _other_run_end(text, section.pieces, cut, section.kind)
        moved, resumed = section.pieces[cut:end], section.pieces[end:]
        del section.pieces[cut:]
        sections.insert(index, Section(None, None, moved))
        if resumed:  # the field's own text goes on after the other field's (R4-16)
            sections.insert(index + 1, Section(section.kind, None, resumed))


def _gives_party_detail(text: str, piece: Piece) -> bool:
    """Whether a piece gives an e-mail, phone, Y-tunnus, postal code or web address.

    Such a piece after a paragraph of prose shows that the party's block goes on
    (the address under "Requests must be sent in writing to the address below."):
    the section is then not cut (R4-2).
    """
    low = text[piece.content_start : piece.end].casefold()
    return "@" in low or any(value.search(low) is not None for value in _PARTY_VALUES)


def _other_run_end(text: str, pieces: list[Piece], cut: int, kind: SectionKind | None) -> int:
    """Where the run of paragraphs on the other field that starts at *cut* ends.

    The paragraphs after the one cut go with it while they speak of its field and
    not of the section's own; the first that does not is the section's again
    ("Lisäksi lähetämme kanta-asiakkaille uutiskirjeen." after a retention
    paragraph under the purposes: a purpose, not retention text, R4-16).
    """
    own = _FAMILY.get(kind, kind) if kind is not None else None
    other = _prose_field(text, pieces[cut], kind)
    end = cut + 1
    while end < len(pieces):
        cues = _piece_cues(text, pieces[end])
        if other not in cues or own in cues:
            break
        end += 1
    return end


def _piece_cues(text: str, piece: Piece) -> set[SectionKind]:
    """The fields the sentences of a piece speak of, by the cue words."""
    flat = " ".join(text[piece.content_start : piece.end].split())
    found: set[SectionKind] = set()
    for sentence in _SENTENCE_END.split(flat):
        found |= _cues(sentence.casefold())
    return found


def _disagreeing_prose(text: str, piece: Piece, kind: SectionKind | None) -> bool:
    """Whether a later paragraph of a field's section clearly speaks of another field only.

    "Säilytysaika" / its sentences / "Tiedot ovat palvelimella, joka on suojattu
    palomuurilla. Käyttö edellyttää salasanaa.": two sentences or more on one
    other field (at least half of the paragraph's, twice any third field's) and
    none on the section's own: the text of a heading the importer did not see.
    """
    return _prose_field(text, piece, kind) is not None


def _prose_field(text: str, piece: Piece, kind: SectionKind | None) -> SectionKind | None:
    """The one other field a paragraph clearly speaks of (:func:`_disagreeing_prose`), or None."""
    own = _FAMILY.get(kind, kind) if kind is not None else None
    sentences = [
        low
        for low in _SENTENCE_END.split(" ".join(text[piece.content_start : piece.end].split()))
        if low.strip()
    ]
    votes: dict[SectionKind, int] = {}
    for sentence in sentences:
        low = sentence.casefold()
        if ABOUT_NOTICE.search(low):
            continue
        cues = _cues(low)
        if own in cues:
            return None
        for cue in cues:
            votes[cue] = votes.get(cue, 0) + 1
    ranked = sorted(votes.items(), key=lambda item: item[1], reverse=True)
    if (
        ranked
        and ranked[0][1] >= _CLEAR
        and 2 * ranked[0][1] >= len(sentences)
        and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
    ):
        return ranked[0][0]
    return None


def _other_field_prose(text: str, piece: Piece, _kind: SectionKind | None = None) -> bool:
    """Whether a paragraph is prose with no party's details that speaks of a field clearly."""
    body = text[piece.content_start : piece.end]
    low = " ".join(body.split()).casefold()
    if len(low.split()) < _PROSE_WORDS or not low.endswith((".", "!")):
        return False
    if any(value.search(low) is not None for value in _PARTY_VALUES) or "@" in low:
        return False
    votes: dict[SectionKind, int] = {}
    for sentence in _SENTENCE_END.split(low):
        if ABOUT_NOTICE.search(sentence):
            continue
        for cue in _cues(sentence):
            votes[cue] = votes.get(cue, 0) + 1
    ranked = sorted(votes.values(), reverse=True)
    return bool(ranked) and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1])


def _read_by_text(text: str, section: Section) -> None:
    """Give a heading that names no field the field its section's text clearly speaks of.

    "Jäsenyyden hoitaminen" over sentences on what the data are used for: the
    purposes, marked as a guess. Two sentences at least, at least half of them
    on that field and twice as many as on any other; else the section stays
    one of no field (its text listed).
    """
    sentences = _sentences(text, section)
    votes: dict[SectionKind, int] = {}
    for low, _item in sentences:
        if ABOUT_NOTICE.search(low):
            continue  # a sentence on the notice itself speaks of no field
        for cue in _cues(low):
            votes[cue] = votes.get(cue, 0) + 1
    ranked = sorted(((count, kind) for kind, count in votes.items()), reverse=True)
    if not ranked:
        return
    count, kind = ranked[0]
    piece = section.heading
    assert piece is not None
    # two sentences at least: one sentence under a heading of no field (a bare number
    # "7." too) is too little to file it by (its sentence is still read by its words)
    if (
        count >= _CLEAR
        and 2 * count >= len(sentences)
        and (len(ranked) == 1 or count >= 2 * ranked[1][0])
    ):
        section.kind = piece.section = kind
        piece.guessed = piece.moved = piece.unnamed = True


#: A register's name holds a register's word; a sentence without one names no register.
_REGISTER: Final = re.compile(r"(?i)rekister|regist|tietokan|databas|\bfile\b|\bdatabase")
#: A name is at most this many words.
_NAME_WORDS: Final = 12


def _sentence_for_name(text: str, section: Section) -> bool:
    """Whether a guessed name heading stands over a sentence that names no register.

    "Registrets benämning" / "Uppgifterna samlas in av medlemmarna själva.": the
    heading is read by its words, its text is no name.
    """
    if section.kind is not SectionKind.NAME or not section.pieces:
        return False
    first = section.pieces[0]
    value = " ".join(text[first.content_start : first.end].split())
    return value.endswith(".") and (
        _REGISTER.search(value) is None or len(value.split()) > _NAME_WORDS
    )


def _channel_line(text: str, line: tuple[int, int]) -> bool:
    """Whether *line* is a short line giving an e-mail, a phone or a web address."""
    value = text[line[0] : line[1]]
    return len(value.split()) <= _PARTY_WORDS and bool(
        "@" in value
        or EMAIL_LOOSE.search(value)
        or URL.search(value)
        or (_PHONE_WORD.search(value) and PHONE.search(value))
    )


#: A heading's words for contact details ("Muut yhteystiedot", "Övriga kontaktuppgifter").
_CONTACT_WORDS: Final = re.compile(
    r"(?i)yhteystie|yhteydenot|kontakt|contact|puhelin|sähköpost|e-post|e-mail|telefon"
)
#: A phone's label: a number without one may be a statute's ("628/1998").
_PHONE_WORD: Final = re.compile(r"(?i)\b(?:puh|puhelin\w*|tel|tfn|telefon|gsm|vaihde|fax|phone)")


#: A line of a party's block: a name, a role, a unit (a few words), or a channel.
_PARTY_WORDS: Final = 6


def _party_line(text: str, line: tuple[int, int]) -> bool:
    """Whether *line* may belong to a party's block (not a sentence, not a register's name)."""
    value = text[line[0] : line[1]]
    if (
        "@" in value
        or EMAIL_LOOSE.search(value)
        or YTUNNUS.search(value.casefold())
        or PHONE.search(value)
        or POSTAL_CODE.search(value)
    ):
        return True
    return len(value.split()) <= _PARTY_WORDS and register_name_of(value) is None


def _title_over_known(sections: list[Section]) -> int:
    """The index of the notice's title when a heading of the table follows it (else 0).

    What stands above such a title is the web page's chrome: news, menus,
    "Keitä olemme" links; no heading of it names a field of the notice.
    """
    for index, section in enumerate(sections):
        if section.kind is SectionKind.TITLE:
            later = sections[index + 1 :]
            if any(
                s.heading is not None and not s.heading.guessed and s.kind is not None
                for s in later
            ):
                return index
            return 0
        if section.heading is not None and not section.heading.guessed and section.kind:
            return 0  # a heading of the table before any title: no chrome
    return 0


#: The draft's field a kind of section fills, as a remark names it.
_FIELD_NAMES: Final = {
    SectionKind.CONTROLLER: "controller",
    SectionKind.CONTACT: "contact_person",
    SectionKind.DPO: "controller.dpo",
    SectionKind.NAME: "name",
    SectionKind.CONTENT: "data_categories",
    SectionKind.SUBJECTS: "data_subjects",
    SectionKind.DISCLOSURES: "recipients",
    SectionKind.SECURITY_MANUAL: "security",
    SectionKind.SECURITY_ELECTRONIC: "security",
    SectionKind.ACCESS: "rights",
    SectionKind.RECTIFICATION: "rights",
    SectionKind.OTHER_RIGHTS: "rights",
    SectionKind.COOKIES: "cookies",
    SectionKind.AUTOMATED: "automated_decisions",
}
#: Mapped fields that are no field of the draft a remark could sit on.
_NO_REMARK: Final = ("heading:", "description", "updated")
_TOP: Final = re.compile(r"[.\[]")


def field_name(kind: SectionKind) -> str:
    """The draft's field that a section of *kind* fills ("data_categories", "rights")."""
    return _FIELD_NAMES.get(kind, kind.value)


def guessed_headings(
    text: str, sections: list[Section]
) -> list[tuple[int, int, int, str, SectionKind, str | None]]:
    """Each guessed heading: (start, end, its section's end, heading, kind, text that moved it).

    The last is the start of the section's text when that text, not the
    heading's words, decided the field (``None`` otherwise).
    """
    heads = [s for s in sections if s.heading is not None]
    out = []
    for index, section in enumerate(heads):
        piece = section.heading
        assert piece is not None
        if not piece.guessed or section.kind is None:
            continue
        following = heads[index + 1].heading if index + 1 < len(heads) else None
        until = following.start if following is not None else len(text)
        heading = " ".join(text[piece.start : piece.end].split()).rstrip(" :")
        said = _opening(text, section) if piece.moved else None
        if said is not None and piece.unnamed:
            said = _UNNAMED + said  # the remark says that the heading names no field
        out.append((piece.start, piece.end, until, heading, section.kind, said))
    return out


#: Marks the quoted text of a heading that names no field (its text decided).
_UNNAMED: Final = "\x00"
#: A remark quotes at most this much of a section's text.
_QUOTED: Final = 100


def _opening(text: str, section: Section) -> str:
    """The start of a section's text as a remark quotes it: whole words, 100 characters at most."""
    first = next((p for p in section.pieces if p.kind == "para"), section.pieces[0])
    said = " ".join(text[first.content_start : first.end].split())
    if len(said) <= _QUOTED:
        return said
    return said[: said.rfind(" ", 0, _QUOTED)] + " …"


def remark(heading: str, kind: SectionKind, said: str | None) -> str:
    """The draft's remark on a field filled from a guessed heading's section."""
    field = field_name(kind)
    if said is not None and said.startswith(_UNNAMED):
        return (
            f"heading '{heading}' names no field; read as {field} by the words of its text "
            f"('{said.removeprefix(_UNNAMED)}')"
        )
    if said is not None:
        return (
            f"heading '{heading}' names another field; read as {field} by the words of its "
            f"text ('{said}')"
        )
    return f"heading '{heading}' read as {field} by its words"


def note_guesses(
    guesses: list[tuple[int, int, int, str, SectionKind, str | None]],
    mapped: list[tuple[int, int, str]],
    note: Callable[[str, str], None],
) -> None:
    """Put a remark on every field of the draft that a guessed heading's section filled.

    The spans that start in a section are found by bisecting the spans' starts
    (each guess looked at every span: guesses times spans), then taken in their
    own order, as before.
    """
    order = sorted(range(len(mapped)), key=lambda index: mapped[index][0])
    starts = [mapped[index][0] for index in order]
    for _start, end, until, heading, kind, said in guesses:
        paths = []
        inside = order[bisect.bisect_left(starts, end) : bisect.bisect_left(starts, until)]
        for index in sorted(inside):
            field = mapped[index][2]
            if not field.startswith(_NO_REMARK):
                path = _TOP.split(field, maxsplit=1)[0]
                for each in (path, "rights") if path == "rights_exercise" else (path,):
                    if each not in paths:
                        paths.append(each)  # rights read from the text, and how to use them
        for path in paths:
            note(path, remark(heading, kind, said))
