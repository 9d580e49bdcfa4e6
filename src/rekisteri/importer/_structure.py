"""Text → pieces (headings, paragraphs, list items) with offsets → sections."""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.importer._agree import _FAMILY, _cues, settle
from rekisteri.importer._contact import MATTERS, ROLE, looks_like_person
from rekisteri.importer._cookies import is_column_label
from rekisteri.importer._cues import (
    ORGANISATION,
    RIGHTS_SECTIONS,
    SECURITY_SECTIONS,
    SENTENCE_BREAK,
    bare_no,
)
from rekisteri.importer._headings import (
    MAX_HEADING,
    SectionKind,
    guess,
    is_field_label,
    may_start_with_heading,
    normalise,
    other_matters,
    recognise,
    sub_label,
    unspaced,
)
from rekisteri.importer._people import DATA_ITEM, is_data_item

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

_BULLET: Final = re.compile(
    r"[ \t]*(?:[-•*–·▪◦●○■□➢►✓]|o(?=[ \t])|\(?\d{1,2}[.)]|\(?[a-hA-H]\))[ \t]+"
)
#: A heading repeated in other languages on the lines under it: at most this many.
_TRANSLATIONS: Final = 2
#: A cookie table's column that the importer does not know: at most this long, and at
#: most this many after the known ones.
_EXTRA_COLUMN_CHARS: Final = 30
_EXTRA_COLUMN_WORDS: Final = 3
_EXTRA_COLUMNS: Final = 2


def _extra_cell(text: str) -> bool:
    """Whether *text* may head a cookie table's column that the importer does not know."""
    return (
        len(text) <= _EXTRA_COLUMN_CHARS
        and len(text.split()) <= _EXTRA_COLUMN_WORDS
        and not any(char.isdigit() for char in text)
    )


#: A heading that says how: "Näin tiedot suojataan", "Så här skyddas uppgifterna".
_HOW_OPENER: Final = re.compile(r"(?i)[ \t]*(?:näin|så här|this is how|here is how)\b")
#: A question word at a line's start (after a heading's number, if any).
_ASKS: Final = re.compile(
    r"(?i)[ \t]*(?:(?:\d{1,2}|[ivx]{1,5})[.)]?[ \t]+)?(?:mistä|mihin|miksi|kenelle|kuinka|miten"
    r"|mitä|kenen|keiden|kuka|ketkä|varifrån|vad|vem|vems|hur|varför|vilka|vilken|where|what"
    r"|who|whom|whose|why|how|which)\b"
)
#: The bullet signs at a line's start, nested ones too ("• • Tmi …").
_MARKS: Final = re.compile(r"[ \t]*(?:[-•*·▪◦●○■□➢►✓][ \t]+)+")
#: A bullet sign alone on its line (its entry's text on the next line).
_LONE_MARK: Final = re.compile(r"[ \t]*[-•*–·▪◦●○■□➢►✓][ \t]*")
#: A bullet sign (not a number or a letter, which a heading's own numbering may be).
_SIGN_BULLET: Final = re.compile(r"[ \t]*[-•*·▪◦●○■□➢►✓][ \t]+")
_ENDS_SENTENCE: Final = (".", "!", "?", ":", ";")
#: A sentence of prose ends so; a line of this many words starts one (wrapped).
_ENDS_PROSE: Final = (".", "!", "?")
_PROSE_WORDS: Final = 4
#: A lead-in to a list of data ("Rekisteriin tallennetaan seuraavat tiedot:").
_DATA_LEAD_IN: Final = re.compile(
    r"(?:seuraavia|seuraavat|seuraavanlaisia) (?:henkilö)?tie(?:toja|dot)"
    r"|följande (?:person)?uppgifter|the following (?:personal )?data"
)
#: A lead-in with at least this many lines under it (in its block) leads in to a list.
_CLEAR_LIST: Final = 2
#: Sections no plain heading inside a block is looked for in: none yet (a title's
#: lines), the title's, a party's block (a short line there is a name or a unit).
_NOT_RUN_INTO: Final = frozenset(
    {None, SectionKind.TITLE, SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO}
)
#: Sections that list parties (recipients, processors, sources, transfers' receivers): a
#: one-word line there over a sentence is a party's name ("Verohallinto"), not a heading.
_PARTIES_LISTED: Final = frozenset(
    {SectionKind.DISCLOSURES, SectionKind.PROCESSORS, SectionKind.SOURCES, SectionKind.TRANSFERS}
)
#: How far a page's paragraph alone looks for the line after it (a sentence's start).
_LOOK_AHEAD: Final = 400
_NUMBERED: Final = re.compile(r"[ \t]*([0-9]{1,2})(?:\.|[a-h]\)?)?[ \t]+[A-ZÄÖÅ]")
#: A subsection's number: "4.1 Jäsenyyden hoitaminen", "4.2. Uutiskirje".
_SUBNUMBERED: Final = re.compile(r"[ \t]*([0-9]{1,2})\.[0-9]{1,2}\.?[ \t]+\S")
#: How far a numbered heading's number may jump past the last heading's.
_NUMBER_GAP: Final = 3
#: A date alone on its line, perhaps with a short label: "15.10.2020", "Päivitetty 1.2.2024".
_DATE_ALONE: Final = re.compile(
    r"[ \t]*(?:[^\W\d_]{3,20}(?:[ \t]+[^\W\d_]{2,20})?[ \t]*:?[ \t]*)?"
    r"(?:[0-9]{1,2}\.[ \t]?[0-9]{1,2}\.[ \t]?[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})\.?[ \t]*"
)
_PASSIVE: Final = re.compile(r"\w(?:taan|tään|daan|dään)\b")
#: A finite verb: "Säätiössä on henkilörekisterit liittyen" is a sentence, unless
#: its words name a kind of section ("Kuka on rekisterinpitäjä").
_FINITE: Final = re.compile(r"(?i)\s(?:on|ovat|oli|olivat|är|var|finns|is|are|was|were)\s")
#: A colon before a case ending inside a word ("EU:n", "ETA:n ulkopuolelle", "Oy:lle",
#: "EU:s"): no label's colon (A15's V17); "Sähköposti:info@…" is one.
_CASE_COLON: Final = r"(?<=[^\W_]):(?=[a-zäöå]{1,4}(?:[ \t,;:)!?]|\.(?!\S)|$))"
_INLINE_HEADING: Final = re.compile(
    rf"[ \t]*((?:[^:\n]|{_CASE_COLON}){{3,80}}?)[ \t]*(?!{_CASE_COLON}):[ \t]*(?=\S)"
)
#: A list item that ends with a lead-in glued on by a Word export:
#: "- puhelut tai sähköpostit Muualta hankittavat tiedot ja peruste:".
_GLUED_LEAD_IN: Final = re.compile(r"(?<=[a-zäöå,])\s+([A-ZÄÖÅ][^.:!?\n]{2,80}:)\s*$")


@attrs.define
class Piece:
    """A heading, a paragraph or a list item: offsets into the text."""

    kind: str  # "heading", "para" or "item"
    start: int
    end: int
    lines: list[tuple[int, int]]
    content_start: int = 0
    """Where the content starts (after a bullet marker); equals start otherwise."""
    section: SectionKind | None = None
    """For headings: the kind recognised (``None``: a heading that was not recognised)."""
    sub: str | None = None
    guessed: bool = False
    """For headings: the kind was read from the heading's words, not from the table."""
    moved: bool = False
    """For guessed headings: the kind was changed to the one the section's text speaks of."""
    inherited: bool = False
    """For headings: the kind is the one of the section it is numbered under ("4.1")."""
    part: bool = False
    """For headings: a part of the known heading above, which has no text of its own."""
    unnamed: bool = False
    """For headings whose words name no field: the kind was read from the section's text."""
    promoted: bool = False
    """For headings: made from a paragraph's or an entry's own words (glued or lone)."""
    cells: tuple[tuple[int, int], ...] = ()
    """For a table's row copied as text: its cells (tabs or Markdown pipes between them)."""
    columns: bool = False
    """For a table's row copied as text: its header (the columns' names) or a rule under it."""


@attrs.define
class Section:
    """A heading (or none, for text before the first heading) and what follows it."""

    kind: SectionKind | None
    heading: Piece | None
    pieces: list[Piece] = attrs.field(factory=list)


def lines_of(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each line, without its line terminator."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((position, position + len(content)))
        position += len(line)
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Splitter:
    def __init__(
        self,
        text: str,
        *,
        heading_spans: Sequence[tuple[int, int]] = (),
        item_starts: Collection[int] = (),
        html: bool = False,
    ) -> None:
        self.text = text
        self.html = html
        self.item_starts = set(item_starts)
        self.heading_ends: dict[int, int] = {}
        for start, end in heading_spans:
            self.heading_ends[_trimmed(text, start, end)[0]] = end
        self.pieces: list[Piece] = []
        self.after_name = False
        self.current: SectionKind | None = None
        """The kind of the last heading."""
        self.last_number = 0
        """The number of the last numbered heading ("3. Rekisterin nimi" → 3)."""
        self.label_number = 0
        """The number of the last numbered "Label: value" heading ("4. Lähteet: …" → 4)."""
        self._unwrapped_block: list[tuple[int, int]] | None = None
        self._unwrapped_value = False
        self._open_heading: Piece | None = None
        self.sentence_glued: set[int] = set()
        """Where a heading glued to a sentence of its field starts ("Säilytysaika Tietoja …")."""
        self.lead_headings: set[int] = set()
        """Where a lead-in read as a heading starts (its list follows it)."""
        self.colonless_leads: set[int] = set()
        """Where a lead-in that lost its colon starts ("Tallennamme seuraavat tiedot" / "Nimi")."""
        self._heading_scan = 0
        self._checked: dict[tuple[int, str], tuple[int, bool]] = {}
        """Per block and check: lines checked so far, whether all held (:meth:`_all_lines`)."""
        self._outlines: dict[tuple[int, int, int], dict[int, SectionKind | None]] = {}
        """Each block's outline headings (:meth:`_outline_heads`), by the block's span."""

    def split(self) -> list[Piece]:
        blocks: list[list[tuple[int, int]]] = [[]]
        for start, end in lines_of(self.text):
            span = _trimmed(self.text, start, end)
            if span[0] == span[1] or _RULE.fullmatch(self.text[span[0] : span[1]]):
                # a blank line, or a rule under a heading ("-----", "=====")
                if blocks[-1]:
                    blocks.append([])
            else:
                blocks[-1].append(span)
        pending: list[tuple[int, int]] = []
        blocks = [part for block in blocks if block for part in self._lead_in_apart(block)]
        for lines in self._lists_joined(blocks):
            if not lines:
                continue
            if not pending and (self._text_table(lines) or self._entry_lines(lines)):
                # "Tarkoitus<TAB>Oikeusperuste" / "Laskutus<TAB>Sopimus": one entry a row;
                # "… näihin tarkoituksiin:" / "Jäsenyyden hoito" / "Laskutus": one a line
                continue
            if self._bare_number(lines):
                # a table's number cell alone on its line ("1", blank line,
                # "Rekisterinpitäjä"): it goes with the heading after it
                pending = lines
                continue
            if pending and self._heading_shaped(lines[0]):
                lines = [*pending, *lines]  # noqa: PLW2901 - the number joins the block
            elif pending:
                self._block(pending)
            pending = []
            self._block(lines)
        if pending:
            self._block(pending)
        self._unhead_empty()
        return self.pieces

    def _lists_joined(self, blocks: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
        """Blocks of one list's entries, one a paragraph, joined into one block.

        Text copied from Word or a web page often has a blank line between a
        list's entries: "Seura käsittelee tietoja näihin tarkoituksiin:" /
        "Jäsenyyden hoito" / "Laskutus", or "1. Säilytysaika" / "2. Nimi" under
        a heading. Such entries are read as they are without the blank lines.
        """
        out: list[list[tuple[int, int]]] = []
        joined = False  # whether out[-1] holds entries joined across blank lines
        self._checked = {}  # the blocks' lines checked so far, for this call only
        for index, lines in enumerate(blocks):
            if (
                lines
                and out
                and not self._asks_over_prose(lines, blocks[index + 1 : index + 2])
                and self._continues_list(out, lines, joined=joined)
            ):
                out[-1].extend(lines)
                joined = True
            else:
                out.append(list(lines))
                joined = False
        return out

    def _asks_over_prose(
        self, lines: list[tuple[int, int]], after: list[list[tuple[int, int]]]
    ) -> bool:
        """Whether a one-line block asks a question that the block after it answers.

        "Kuka tietoja näkee" / "Tietoja näkevät vain työntekijät.", "Who sees it" /
        "Only our staff.": a question heading over its answer, never one more
        entry of the list above it.
        """
        if len(lines) != 1 or not after or not after[0]:
            return False
        answer = self.text[after[0][-1][0] : after[0][-1][1]].rstrip()
        asks = _ASKS.match(self.text, lines[0][0], lines[0][1]) is not None
        return asks and answer.endswith((".", "!"))

    def _continues_list(
        self, out: list[list[tuple[int, int]]], lines: list[tuple[int, int]], *, joined: bool
    ) -> bool:
        """Whether a one-line block is the next entry of the list the blocks before it open.

        After two or more entries the list goes on only when those were one a
        paragraph too (*joined*), and not with a known heading.
        """
        if len(lines) != 1:
            return False
        text = self.text[lines[0][0] : lines[0][1]]
        number = _LIST_NUMBER.match(text)
        # a numbered entry may be longer: its number says where it stands
        if not (self._entry_shaped(lines[0]) if number is None else _numbered_entry(text)):
            return False
        last = out[-1]
        if number is not None:  # "2. Nimi" after a block ending in "1. Säilytysaika"
            before = _LIST_NUMBER.match(self.text, last[-1][0], last[-1][1])
            opens = _LIST_NUMBER.match(self.text, last[0][0], last[0][1])  # the run's "1."
            if (
                before is None
                or opens is None
                or opens.group(1) != "1"
                or int(before.group(1)) + 1 != int(number.group(1))
                or len(out) < 2  # the opener and the run
                or len(out[-2]) != 1
                or recognise(text) is not None  # "3. Rekisterin tietosisältö" ends the list
            ):
                return False
            # the block before "1. …": a list's heading, or a lead-in ("Tietoja käytetään:")
            opener = self.text[out[-2][0][0] : out[-2][0][1]]
            return recognise(opener) in _LIST_KINDS or _lead_in_line(opener)
        if len(last) > 1 and (not joined or recognise(text) is not None):
            return False
        if not self._all_lines(last, "entry", self._plain_entry):
            return False
        # the entries since the lead-in ("… näihin tarkoituksiin:" / "Jäsenyyden hoito"),
        # one or more already joined ("Nimi" / "Osoite" / "Puhelinnumero")
        lead = len(out) - 2
        return lead >= 0 and (
            _lead_in_line(self.text[out[lead][-1][0] : out[lead][-1][1]])
            or self._bare_entries(out[lead], last, lines)
        )

    def _bare_entries(
        self,
        heading: list[tuple[int, int]],
        entries: list[tuple[int, int]],
        more: Sequence[tuple[int, int]] = (),
    ) -> bool:
        """Whether *entries*, one a paragraph under a list's *heading*, are a bare list.

        "Rekisterin tietosisältö" / "Nimi" / "Osoite": capitalised short lines,
        none a known heading nor a sentence's part (a bulleted list saved as text).
        """
        return (
            len(heading) == 1
            # not under the purposes or sources: there such lines are as often the
            # labels of parts ("Asiakkaat" / "Asiakkaalta itseltään")
            and recognise(self.text[heading[0][0] : heading[0][1]]) in _BARE_KINDS
            and self._all_lines(entries, "bare", self._bare_line)
            and all(self._bare_line(line) for line in more)
        )

    def _bare_line(self, line: tuple[int, int]) -> bool:
        """A capitalised line that is no known heading nor a wrapped sentence's part.

        An item of data in lower case ("nimi" / "osoite") counts as one too (A15's V30).
        """
        return (
            (self.text[line[0]].isupper() or self._lower_data_line(line))
            and _WRAPPED.search(self.text, *line) is None
            and recognise(self.text[line[0] : line[1]]) is None
        )

    def _lower_data_line(self, line: tuple[int, int]) -> bool:
        """A line in lower case of a few words naming an item of data: "nimi", "osoite".

        A list in lower case whose bullets were lost (one a line or one a paragraph,
        a page's "<p>nimi</p>" or "nimi<br>osoite"): each line is an entry, not a
        sentence wrapped over lines (A15's V30).
        """
        text = self.text[line[0] : line[1]].strip()
        return (
            text[:1].islower()
            and len(text.split()) <= _LOWER_ITEM_WORDS
            and _LIST_NUMBER.match(text) is None
            and is_data_item(text)
        )

    def _plain_entry(self, line: tuple[int, int]) -> bool:
        """An entry-shaped line with no list number."""
        return self._entry_shaped(line) and _LIST_NUMBER.match(self.text, *line) is None

    def _all_lines(
        self,
        block: list[tuple[int, int]],
        what: str,
        check: Callable[[tuple[int, int]], bool],
    ) -> bool:
        """Whether *check* holds for every line of *block*, a block that only grows.

        A list joined across blank lines grows by one entry at a time and is
        asked about again for each: only the lines added since are checked
        (the answers so far are kept by the block's identity, for one call of
        :meth:`_lists_joined`).
        """
        key = (id(block), what)
        done, holds = self._checked.get(key, (0, True))
        if holds and done < len(block):
            holds = all(check(line) for line in block[done:])
        self._checked[key] = (len(block), holds)
        return holds

    def _entry_shaped(self, line: tuple[int, int]) -> bool:
        """A short line with no sentence's end: a list's entry, if a list is open."""
        text = self.text[line[0] : line[1]].rstrip()
        return (
            len(text.split()) <= _UNKNOWN_WORDS
            and not text.endswith(_ENDS_SENTENCE)
            and ":" not in text
            and _SIGN_BULLET.match(text) is None
        )

    def _bare_list(self, block: list[tuple[int, int]]) -> bool:
        """Whether *block* is a list whose bullets were lost, right under a list's heading.

        "Rekisterin tietosisältö" / "Nimi" / "Osoite" / "Puhelinnumero": three or
        more short capitalised lines, none a sentence's part (no comma, no joining
        word at its end), none a known heading: one entry a line.
        """
        last = self.pieces[-1] if self.pieces else None
        return (
            len(block) > _CLEAR_LIST
            and last is not None
            and last.kind == "heading"
            and last.section in _LIST_KINDS
            and all(
                self._entry_shaped(line)
                and _LIST_NUMBER.match(self.text, *line) is None
                and line[0] not in self.item_starts
                and (
                    self.text[line[0]].isupper()
                    or (last.section is SectionKind.CONTENT and self._lower_data_line(line))
                )
                and _WRAPPED.search(self.text, *line) is None
                and recognise(self.text[line[0] : line[1]]) is None
                for line in block
            )
        )

    def _entry_lines(self, lines: list[tuple[int, int]]) -> bool:
        """Read *lines* as entries one a line, after a lead-in or under a list's heading."""
        if not (self._lead_in_entries(lines) or self._bare_list(lines)):
            return False
        for line in lines:
            # an entry's text after its bullet (Word's second level: "o<TAB>Nimi")
            bullet = _BULLET.match(self.text[line[0] : line[1]])
            self._item([line], self._content(*line, bullet))
        return True

    def _text_table(self, block: list[tuple[int, int]]) -> bool:
        """Read *block* as a table copied as text under a list's heading (then True).

        A browser's or a word processor's copy of a table puts a tab between the
        cells of a row ("Laskutus<TAB>Sopimus"); a Markdown table puts pipes
        around them, a rule under its header. Each row is an entry, its first cell
        names it, the others say more (as a page's table is read); a header row
        (over a rule, or of columns' names: "Tarkoitus<TAB>Oikeusperuste") and
        the rule are the table's structure, no entry.
        """
        if self.current not in _TABLE_KINDS or len(block) < _CLEAR_LIST:
            return False
        rows = [_row_cells(self.text, *line) for line in block]
        rule = next(
            (i for i, line in enumerate(block) if _TABLE_RULE.fullmatch(self.text, *line)), None
        )
        if rule not in {None, 1} or any(cells is None for i, cells in enumerate(rows) if i != rule):
            return False
        head = 0 if rule == 1 or _column_names(self.text, rows[0] or ()) else None
        body = [cells for i, cells in enumerate(rows) if i not in {rule, head}]
        if len(body) < _CLEAR_LIST or not any(cells and len(cells) > 1 for cells in body):
            return False
        for i, (line, cells) in enumerate(zip(block, rows, strict=True)):
            self.pieces.append(
                Piece(
                    "item",
                    line[0],
                    line[1],
                    [line],
                    line[0],
                    cells=tuple(cells or ()),
                    columns=i in {rule, head},
                )
            )
        return True

    def _lead_in_entries(self, block: list[tuple[int, int]]) -> bool:
        """Whether a block of short unnumbered lines follows a lead-in: one entry a line."""
        return (
            len(block) > 1
            and self._after_lead_in(0)
            and all(
                self._entry_shaped(line) and _LIST_NUMBER.match(self.text, *line) is None
                for line in block
            )
        )

    def _takes_glued(
        self, block: list[tuple[int, int]], start: int, line: str, glued: tuple[SectionKind, int]
    ) -> bool:
        """Whether a heading glued to its value on *line* (the block's) is one.

        Of a kind other than the contact and name ones, it is not when the line
        is a list's entry or a table's row the page marks ("<dt>Evästeet</dt>
        <dd>2 vuotta</dd>" under a retention heading), or a one-line sentence
        between its section's paragraphs ("Säilytysaika 5 vuotta."), unless it
        is numbered next in the headings' sequence, or its value is a sentence
        that speaks of the heading's field, another than the section's
        ("Säilytysaika Tietoja säilytetään kaksi vuotta …": T3, session 12).
        """
        kind, head_end = glued
        if kind in _GLUED_KINDS or self.current is None:
            return True
        numbered = _NUMBERED.match(line)
        if numbered is not None and int(numbered.group(1)) == self.last_number + 1:
            return (
                True  # numbered next in the headings' sequence: "6. Tietolähteet Tiedot saadaan …"
            )
        if self.html and start in self.item_starts:
            return False
        if not _one_line_statement(block, line):
            return True
        if kind is not self.current and _agreeing_sentence(kind, line[head_end:]):
            self.sentence_glued.add(start)  # its section may end with its paragraph (R4-15)
            return True
        return False

    def _column_names(self, line: tuple[int, int]) -> bool:
        """Whether *line* is a page's item that ends in a colon: no heading.

        A table's column names over its rows ("Vastaanottaja (Käyttötarkoitus):"),
        or an item's lead-in.
        """
        return self.html and line[0] in self.item_starts and self.text[line[1] - 1] == ":"

    def _unhead_empty(self) -> None:
        """An unknown one-line heading right before another heading is its section's text.

        It heads nothing: "Laskutus" (no full stop) between "Rekisterin
        käyttötarkoitus" and "Tietoturva" is a purpose, not a heading of an empty
        section. A heading the page marks, a numbered one, one before any known
        section's heading, or one after a list's entries (not an entry: the page
        lists them with bullets) stays a heading.
        """
        known = False
        pieces = self.pieces
        for index, piece in enumerate(pieces):
            if piece.kind != "heading":
                continue
            last = index + 1 == len(pieces)
            unknown = piece.section is None and known and not last
            if (
                (unknown and not other_matters(self.text[piece.start : piece.end]))
                or self._value_alone(index)
            ) and self._may_be_text(piece, index):
                pieces[index] = Piece("para", piece.start, piece.end, piece.lines, piece.start)
                continue
            known = piece.section not in {None, SectionKind.TITLE}

    def _may_be_text(self, piece: Piece, index: int) -> bool:
        """Whether a heading before another heading (or the end) may be read as text.

        One line, not marked a heading by the page, not numbered, not a lead-in,
        not after a list's entry.
        """
        pieces = self.pieces
        return (
            len(piece.lines) == 1
            and (index + 1 == len(pieces) or pieces[index + 1].kind == "heading")
            and pieces[index - 1].kind != "item"
            and piece.start not in self.heading_ends
            and _NUMBERED.match(self.text, piece.start) is None
            and not self.text[piece.start : piece.end].rstrip().endswith(":")
        )

    def _value_alone(self, index: int) -> bool:
        """Whether heading *index* is the only text under the heading right above it.

        The old form's terse answers: "Säännönmukaiset tietolähteet" /
        "Rekisteröity itse" / the next heading, or "Rekisterin suojauksen
        periaatteet" / "Tietoturva" at the end. A line right under a heading of
        a field, with no text of its own under it, is that heading's value when
        its kind is only guessed from its words, or is the kind of the heading
        above (a heading of the table of another kind right under an empty one,
        as in a list of contents, stays a heading, and so does a question).
        """
        if index == 0:
            return False
        piece, above = self.pieces[index], self.pieces[index - 1]
        if above.kind != "heading" or above.section is SectionKind.TITLE:
            return False
        if above.section is None:  # "Muut tiedot" / "Lomakkeella kerätyt tiedot": its text
            return other_matters(self.text[above.start : above.end]) and (
                recognise(self.text[piece.start : piece.end]) is None
            )
        if self.text[piece.start : piece.end].rstrip().endswith("?"):
            return False  # a question asks, it answers nothing (a list of contents' questions)
        if piece.section is None or piece.section == above.section:
            return True
        return recognise(self.text[piece.start : piece.end]) is None  # a guess from its words

    def _bare_number(self, block: list[tuple[int, int]]) -> bool:
        start, end = block[0]
        return len(block) == 1 and _BARE_NUMBER.fullmatch(self.text[start:end]) is not None

    def _heading_shaped(self, line: tuple[int, int]) -> bool:
        text = self.text[line[0] : line[1]]
        return recognise(text) not in {None, SectionKind.TITLE} or _guessed(text) is not None

    def _joined(self, lines: Sequence[tuple[int, int]]) -> str:
        return " ".join(self.text[s:e] for s, e in lines)

    def _heading(self, block: list[tuple[int, int]], i: int) -> tuple[int, Piece] | None:
        n = len(block)
        start = block[i][0]
        hinted = self._hinted(block, i) or self._other_matters(block)
        if (
            hinted is not None
            or self._first_entry(block, i)
            or _camel_glued(self.text[start : block[i][1]]) is not None
            or start in self.colonless_leads
        ):
            # a marked heading; a list's first entry ("1. Säilytysaika" / "2. …"); a heading
            # glued to its value without a space (read by the block as heading and value);
            # a list's lead-in that lost its colon (its section's text)
            return hinted
        # a line inside a block (not its first, nor one of its last five) that neither
        # ends in a colon nor opens a page's item is never taken (:meth:`_may_be_taken`)
        inside = (
            0 < i < n - 5
            and start not in self.item_starts
            and not self.text[start : block[i][1]].rstrip().endswith(":")
        )
        end = block[i][1]
        bare_number = not inside and _ONE_NUMBER.fullmatch(self.text, start, end) is not None
        runs_on = not inside and self._may_run_on(block, i)
        for k in () if inside else (5, 4, 3, 2, 1) if bare_number else (3, 2, 1):
            if i + k > n or (k > 1 and not runs_on):
                continue
            lines = block[i : i + k]
            last = self.text[lines[-1][0] : lines[-1][1]]
            if not self._may_be_taken(block, i, k, last) or not self._may_be_heading(lines, last):
                continue
            joined = self._joined(lines)
            if len(joined) > MAX_HEADING:
                continue
            kind = _retitled(joined, recognise(joined))
            if (
                kind is None
                or (kind in _CONTACT_KINDS and self._listed(block[i]))
                or self._list_entry(block, i)
                or self._value_under_heading(block, i)
                or _labelled_value(joined)
                or _statement(joined)
            ):
                continue
            # a title over the notice's date alone on the line below is a whole block too
            whole = i == 0 and (i + k == n or self._dated_below(block, i + k, kind))
            at_start = i == 0 and kind is not SectionKind.TITLE
            at_end = (
                i > 0
                and i + k == n
                and kind is not SectionKind.TITLE
                and (
                    self.text[block[i - 1][0] : block[i - 1][1]].endswith(_ENDS_SENTENCE)
                    # unbulleted under a bulleted list, naming another field: the list
                    # has ended and a heading of the table follows it
                    or (
                        self._bulleted(block[i - 1])
                        and not self._bulleted(block[i])
                        and kind is not self.current
                    )
                )
            )
            # alone on its line: "Rekisterin nimi:" or a list item that is a heading
            alone = (
                k == 1
                and kind is not SectionKind.TITLE
                and (
                    last.rstrip().endswith(":")
                    # an item whose text follows in the same item, not the next item
                    or (
                        start in self.item_starts
                        and i + 1 < n
                        and block[i + 1][0] not in self.item_starts
                    )
                )
            )
            if whole or at_start or at_end or alone:
                taken = k + self._translations(block, i + k, kind)
                lines = block[i : i + taken]
                piece = Piece(
                    "heading", start, lines[-1][1], lines, start, kind, _sub(kind, joined)
                )
                return taken, piece
        found = self._numbered_any(block, i)
        if found is not None:
            return found
        if n == 1 and not self.html and not self.after_name and self._unknown_heading(block[0]):
            kind = _guessed(self.text[start : block[0][1]])
            line = self.text[start : block[0][1]]
            if kind is not None or self.current not in _CONTACT_KINDS or not _contact_line(line):
                # in a contact section a short line is a name, a unit or a country
                return 1, Piece("heading", start, block[0][1], block[:1], start, kind)
        asked = self._question(block, i)
        if asked is not None:
            return 1, asked
        return self._label_heading(block[i]) or self._long_heading(block)

    def _long_heading(self, block: list[tuple[int, int]]) -> tuple[int, Piece] | None:
        """A long heading alone between blank lines, over prose, its first words naming a kind.

        "Ändamålen med den behandling för vilken personuppgifterna är avsedda samt den
        rättsliga grunden …": the form's whole wording, too long for a short heading's
        shape, but no sentence: no stop at its end, no verb before its relative clause,
        and the same kind read from all its words and from its first ones (its head).
        """
        if len(block) != 1 or self.html or self.after_name:
            return None
        start, end = block[0]
        line = self.text[start:end].strip()
        if not _UNKNOWN_CHARS < len(line) <= MAX_HEADING or not self._prose_follows(end):
            return None
        head = _RELATIVE_CLAUSE.split(line, maxsplit=1)[0]
        if (
            not line[:1].isupper()
            or line.endswith((*_ENDS_SENTENCE, ",", ")"))
            or any(char.isdigit() or char in "@:" for char in line)
            or _verb_in_head(line)
        ):
            return None
        kind = guess(line)
        if (
            kind in {None, SectionKind.TITLE}
            or guess(" ".join(head.split()[:_HEAD_WORDS])) is not kind
        ):
            return None
        return 1, Piece("heading", start, end, block[:1], start, kind)

    def _prose_follows(self, end: int) -> bool:
        """Whether a paragraph of prose follows the line ending at *end* (after blank lines)."""
        after = self.text[end : end + _LOOK_AHEAD].lstrip()
        following = after.partition("\n")[0].strip()
        return _unquoted(following)[:1].isupper() and (
            following.endswith(_ENDS_PROSE) or len(following.split()) >= _PROSE_WORDS
        )

    def _inner_unknown(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A plain heading inside a block, over a sentence: "Historiaa" / "Yritys perustettiin …".

        Shaped like a heading of no known kind (short, capitalised, no stop, no
        verb), first in its block or after a sentence's end, with a sentence
        starting on the next line, in a section of a field (not a party's);
        never a name ("Pekka Peltonen") nor an item of a list. Without it the
        heading and its text ran on into the section above.
        """
        n = len(block)
        if self.after_name or self.current in _NOT_RUN_INTO:
            return None  # before any field's section (a title's lines), or in a party's block
        if self.html:
            # a page's paragraph alone ("<p>Historiaa</p>") between two of prose
            if n > 1 or not self.pieces or self.pieces[-1].kind != "para":
                return None
            previous = self.pieces[-1]
            before = self.text[previous.start : previous.end].rstrip()
            after = self.text[block[0][1] : block[0][1] + _LOOK_AHEAD].lstrip()
            following = after.partition("\n")[0]
        elif i + 1 >= n:
            return None
        else:
            before = self.text[block[i - 1][0] : block[i - 1][1]].rstrip() if i > 0 else "."
            following = self.text[block[i + 1][0] : block[i + 1][1]].strip()
        start, end = block[i]
        if (
            start in self.item_starts
            or not self.pieces
            # the first line under a heading is its text (a line before it in the block is)
            or (i == 0 and self.pieces[-1].kind == "heading")
            or "," in self.text[start:end]  # "Pekka Virtanen, talouspäällikkö"
            # a line of a wrapped paragraph, of an address, of a list
            or not before.endswith(_ENDS_PROSE)
            or not _unquoted(following)[:1].isupper()
            or not (following.endswith(_ENDS_PROSE) or len(following.split()) >= _PROSE_WORDS)
            # the dearest test last (all of them are pure): a bullet's "- tieto 17" is
            # refused by the line before it
            or not self._unknown_heading(block[i])
        ):
            return None
        line = self.text[start:end]
        words = line.split()
        if len(words) > 1 and all(word[:1].isupper() for word in words) and not line.isupper():
            return None  # "Pekka Peltonen", "Kuusimäen Puutarha": a name over its text
        if len(words) == 1 and self.current in _PARTIES_LISTED and _guessed(line) is None:
            return None  # "Verohallinto" / "Verottaja saa …": a recipient's name over its text
        if _speaks_of(self.current, following):
            return None  # "Salasanat" / "Rekisteri on suojattu …": a part of the section
        return Piece("heading", start, end, [block[i]], start, _guessed(line))

    def _party_lead_in(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A lead-in to a list of data opening a block in a party's section (F37).

        "Rekisteriin tallennetaan seuraavat tiedot:" below the controller's
        address: no line of the party, but the start of the data content (a
        heading read from its words, marked as a guess; the list follows).
        """
        if i != 0 or self.current not in _CONTACT_KINDS:
            return None
        start, end = block[0]
        line = self.text[start:end].rstrip()
        if not line.endswith(":") or _DATA_LEAD_IN.search(line.casefold()) is None:
            return None
        self.lead_headings.add(start)
        return Piece("heading", start, end, [block[0]], start, SectionKind.CONTENT)

    def _numbered_any(self, block: list[tuple[int, int]], i: int) -> tuple[int, Piece] | None:
        """A heading by its layout: numbered, bulleted, shaped like one (lines taken, piece)."""
        start = block[i][0]
        first = self.text[start : start + 1]
        if not first or not (first.isdigit() or first in _NUMBER_FIRST):
            # no number opens the line (most lines): the readers of a numbered line find
            # nothing in it, and are not asked (a numbered heading right under a title,
            # which :meth:`_numbered` reads at a block's start, is asked for there)
            numbered = (
                (self._numbered(block, i) if i == 0 else None)
                or self._bullet_heading(block, i)
                or self._shaped_heading(block, i)
                or self._inner_unknown(block, i)
                or self._party_lead_in(block, i)
            )
            return None if numbered is None else (1, numbered)
        pair = self._number_over_heading(block, i)
        if pair is not None:
            return _PAIR, pair
        numbered = (
            self._outline_heading(block, i)
            or self._numbered(block, i)
            or self._numbered_unknown(block, i)
            or self._alone_numbered(block)
            or self._bullet_heading(block, i)
            or self._paren_numbered(block, i)
            or self._shaped_heading(block, i)
            or self._inner_unknown(block, i)
            or self._party_lead_in(block, i)
        )
        return None if numbered is None else (1, numbered)

    def _other_matters(self, block: list[tuple[int, int]]) -> tuple[int, Piece] | None:
        """A line alone that heads other matters ("10. Muut tiedot"), whatever its number."""
        start, end = block[0]
        if len(block) != 1 or not other_matters(self.text[start:end]):
            return None
        return 1, Piece("heading", start, end, block[:1], start, None)

    def _first_entry(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* opens a list: never a heading, whatever its words.

        A line numbered "1." or lettered "a)" right under a heading of a known
        kind, with "2." or "b)" on the next line ("Rekisterin tietosisältö" /
        "1. Säilytysaika" / "2. Nimi"); or the first of two or more short lines
        of a block right after a paragraph that leads in with a colon
        ("Rekisteröidyllä on seuraavat oikeudet:" / "Oikeus tarkastaa tiedot" /
        "Oikeus vaatia tiedon korjaamista").
        """
        if i + 1 >= len(block):
            return False
        line = self.text[block[i][0] : block[i][1]]
        following = self.text[block[i + 1][0] : block[i + 1][1]]
        first = _FIRST_ITEM.match(line)
        if first is not None:
            second = _SECOND_ITEM.match(following)
            return (
                second is not None
                and (first.group(1) is None) == (second.group(1) is None)
                and self._under_heading(block, i)
                and self.pieces[-1].section is not None
            )
        return (
            i == 0
            and self._after_lead_in(0)
            and all(
                len(self.text[s:e].split()) <= _UNKNOWN_WORDS
                and not self.text[s:e].rstrip().endswith((".", ":"))
                for s, e in block
            )
        )

    def _question(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A question heading: "Mitä tietoja keräämme?", "Hur länge sparas uppgifterna?".

        Without its question mark when alone in its block and led by a question
        word ("Mistä tietosi saadaan" over its text).
        """
        start, end = block[i]
        line = self.text[start:end].rstrip().rstrip("*_").rstrip()  # "**Mitä …?**"
        asks = line.endswith("?") or (
            len(block) == 1 and _ASKS.match(line) is not None and not line.endswith(_ENDS_SENTENCE)
        )
        if not asks:
            return None
        kind = _guessed(line, question=True)
        if kind is None:
            return None
        return Piece("heading", start, end, block[i : i + 1], start, kind)

    def _shaped_heading(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A short line the table does not know, its section's text on the lines under it.

        "Säkerhet" / "Vi använder …", "Joint data controllers" / "X ry and …" in
        a block without blank lines: shaped like a heading (short, capitalised,
        no verb, no value), its words naming a kind, the next line starting a
        sentence or a list, and the line before it (if any) ending one, unless the
        block's lines are whole paragraphs (one over :data:`_UNWRAPPED`
        characters: no line of it was wrapped). Not the first line under a
        heading (that is the heading's text), unless the heading is the notice's title.
        """
        if i + 1 >= len(block) or self.after_name:
            return None
        start, end = block[i]
        text = self.text[start:end]
        following = self.text[block[i + 1][0] : block[i + 1][1]]
        if (
            len(text) > _UNKNOWN_CHARS
            or not _without_markup(text)[:1].isupper()  # "**Säkerhet**" too
            or not (
                _unquoted(following)[:1].isupper()
                or following[:1].isdigit()
                or self._bulleted(block[i + 1])
            )
            or self._under_heading(block, i)
            or self._list_entry(block, i)
            or not self._line_before_ends(block, i)
            or (i > 0 and self.text[block[i - 1][0] : block[i - 1][1]].rstrip().endswith(":"))
        ):
            return None  # … or the first entry after a lead-in ("Käytämme seuraavia evästeitä:")
        body = text.rstrip()
        if (
            body.endswith(".")
            and i == 0
            and len(body.split()) <= _UNKNOWN_WORDS
            and _SV_PASSIVE.search(body) is None
        ):
            body = body[:-1]  # "Lagring av personliga data." over its text
        if (
            _NEGATION.search(body) is not None
            or _FINITE.search(f" {body} ") is not None
            or not self._unknown_heading((start, start + len(body)))
        ):
            return None  # a denial, a sentence with a verb, or no heading's shape
        kind = recognise(body) or _guessed(body)
        if kind is None or kind is SectionKind.TITLE:
            return None
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, body))

    def _value_under_heading(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* is the value of the page's heading right above it.

        A short line right under a heading marked by the page (an HTML heading,
        a table's label cell, a definition term) is that heading's value, not a
        heading of its own: "Rekisterin tietosisältö | Evästeet" in a table row.
        """
        if not self.html or not self._under_heading(block, i):
            return False
        return _NUMBERED.match(self.text, block[i][0], block[i][1]) is None

    def _list_entry(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* is an entry of a list: not a heading, whatever its words.

        A bulleted line right under a heading or a list's lead-in ("Rekisteröidyn
        oikeudet" / "- Oikeus tarkastaa tiedot"), or one followed by another
        bulleted line ("- Evästeet" / "- Yhteystiedot" under the data heading).
        """
        if not self._bulleted(block[i]):
            return False
        if (
            i + 1 < len(block)
            and self._bulleted(block[i + 1])
            and self._marker(block[i]) == self._marker(block[i + 1])
        ):
            return True  # the next entry at the same level ("• X" over "• • Y" is a heading)
        return self._under_heading(block, i) or self._after_lead_in(i)

    def _marker(self, line: tuple[int, int]) -> str:
        """A line's bullet signs, without spaces ("•", "••", "-"; "" for an HTML item)."""
        marks = _MARKS.match(self.text, line[0], line[1])
        return "" if marks is None else "".join(marks.group().split())

    def _after_lead_in(self, i: int) -> bool:
        """Whether a block's first line (*i* 0) follows a paragraph that leads in to a list."""
        if i > 0 or not self.pieces or self.pieces[-1].kind != "para":
            # or a lead-in read as a heading in a party's block (F37)
            return bool(self.pieces) and self.pieces[-1].start in self.lead_headings
        last = self.pieces[-1]
        return (
            self.text[last.start : last.end].rstrip().endswith(":")
            or last.start in self.colonless_leads
        )

    def _under_heading(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* is the first line after a heading (the heading's own text)."""
        if (
            not self.pieces
            or self.pieces[-1].kind != "heading"
            or self.pieces[-1].section is SectionKind.TITLE  # a notice's title, then a heading
        ):
            return False
        return i == 0 or self.pieces[-1].end >= block[i - 1][1]

    def _line_before_ends(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether the line before line *i* ends its text (a sentence, a value, a block's start)."""
        if i == 0:
            return True
        previous = self.text[block[i - 1][0] : block[i - 1][1]].rstrip()
        return (
            previous.endswith((*_ENDS_SENTENCE, ")"))
            or previous[-1:].isdigit()
            or "@" in previous
            or self._unwrapped(block)
        )

    def _unwrapped(self, block: list[tuple[int, int]]) -> bool:
        """Whether a line of *block* is over :data:`_UNWRAPPED` characters (once a block)."""
        if self._unwrapped_block is not block:  # the block is kept: its id cannot be reused
            self._unwrapped_block = block
            self._unwrapped_value = any(end - start > _UNWRAPPED for start, end in block)
        return self._unwrapped_value

    def _label_heading(self, line: tuple[int, int]) -> tuple[int, Piece] | None:
        """A short label line that the table does not know, its words naming a kind.

        "Informationskällor:" / "Registrets användningsändamål:" alone on a line,
        the section's text under it: a heading of the kind its words name (no
        verb in it: "Rekisteri sisältää:" leads in to a list).
        """
        start, end = line
        text = self.text[start:end].rstrip()
        if not text.endswith(":"):
            return None
        body_end = start + len(text[:-1].rstrip())
        first = start
        numbered = _NUMBERED.match(self.text, start, end)
        if numbered is not None and self._in_sequence(int(numbered.group(1))):
            first = numbered.end() - 1  # "5. Mitä rekisteriin kirjataan:", numbered next
        body = self.text[first:body_end]
        words = len(_LEGAL_REFERENCE.sub("", body).split())  # "Rättslig grund (art. 6 GDPR):"
        asks = _ASKS.match(body) is not None
        if (
            # more words only for a question: "Mitä tietoja keräämme sinusta:"; a longer
            # line with a verb ("Seura käsittelee tietoja näihin tarkoituksiin:") leads in
            not 0 < words <= (_UNKNOWN_WORDS if asks else _LABEL_WORDS)
            or (
                _LEADS_IN.search(body) is not None
                and not asks
                and not _NAMED_BY_CLAUSE.search(body)
            )
            or not self._unknown_heading((first, body_end))
        ):
            return None  # a longer line with a colon, or one with a verb, leads in to a list
        kind = _guessed(body, question=asks)
        if kind is None or (
            self.current in _CONTACT_KINDS and not self._leaves_contact(body, kind)
        ):
            return None
        return 1, Piece("heading", start, end, [line], start, kind)

    @staticmethod
    def _leaves_contact(body: str, kind: SectionKind) -> bool:
        """Whether a label heading *body* ends a contact section: its kind is no contact one.

        In a controller's block "Yhteyshenkilö:", "Osoite:" or "Tietosuoja-asioista
        vastaava henkilö:" label the block's lines (the contact block's reader
        parts them); "Tietojen käyttötarkoitus:" opens the next section.
        """
        return kind not in _CONTACT_KINDS and not is_field_label(body)

    def _hinted(self, block: list[tuple[int, int]], i: int) -> tuple[int, Piece] | None:
        """A heading the markup marks (an HTML heading, a bold line, a table's label cell)."""
        start = block[i][0]
        hint_end = self.heading_ends.get(start)
        if hint_end is None:
            return None
        k = 1
        while i + k < len(block) and block[i + k][1] <= hint_end:
            k += 1
        lines = block[i : i + k]
        joined = self._joined(lines)
        if _marked_sentence(joined):
            return None  # "<p><strong>Emme käytä evästeitä.</strong></p>": a sentence in bold
        kind = recognise(joined) or _guessed(joined)
        if kind is None and is_field_label(joined):
            return None  # a table cell "Nimi" | "Esimerkki Oy": a field label, not a heading
        return k, Piece("heading", start, lines[-1][1], lines, start, kind, _sub(kind, joined))

    def _numbered(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A numbered heading inside a block ("3. Rekisterin nimi"), as in text from a PDF.

        Text copied from a PDF often has no blank lines: a line that is a
        numbered heading of a known kind starts a section wherever it stands,
        if its number follows the last heading's (by at most three: a heading
        the importer does not know may come between) and it is not an item of
        a numbered list ("Rekisteri sisältää:" / "1. Nimi" / "2. Yhteystiedot").
        A title line just before such a heading is a heading too.
        """
        start, end = block[i]
        line = self.text[start:end]
        numbered = _NUMBERED.match(line)
        asks = line.rstrip().endswith("?")  # "4. What is the legal basis for … data?"
        kind = None
        if numbered is not None and i > 0:
            previous = self.text[block[i - 1][0] : block[i - 1][1]]
            number = int(numbered.group(1))
            # every heading "1.": the numbering of a word processor lost in a copy
            collapsed = number == self.last_number == 1
            if (
                self.last_number < number <= self.last_number + _NUMBER_GAP
                and not previous.endswith(":")
                and not _continues(previous, number)
            ):
                kind = recognise(line) or _guessed(line, numbered=True, question=asks)
            elif collapsed and not previous.endswith(":") and _NUMBERED.match(previous) is None:
                kind = recognise(line)  # only a heading of the table
        elif numbered is not None:
            kind = recognise(line) or _guessed(line, numbered=True, question=asks)
        if (
            kind is None
            and numbered is not None
            and i + 1 < len(block)  # its text right under it, as the page's other headings
            and not (  # "2. Laskutus." over "3. Tietojen luovutus …." goes on with its list
                i > 0
                and _continues(self.text[block[i - 1][0] : block[i - 1][1]], int(numbered.group(1)))
            )
            and self._closes_as_last(line, numbered)
        ):
            kind = _guessed(line.rstrip()[:-1], numbered=True)
        if kind is None and i + 1 < len(block):
            following = self.text[block[i + 1][0] : block[i + 1][1]]
            if (
                i == 0
                and recognise(line) is SectionKind.TITLE
                and _NUMBERED.match(following)
                and recognise(following) not in {None, SectionKind.TITLE}
            ):
                return Piece("heading", start, end, [(start, end)], start, SectionKind.TITLE)
            return None
        if kind is None or kind is SectionKind.TITLE:
            return None
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, line))

    def _closes_as_last(self, line: str, numbered: re.Match[str]) -> bool:
        """Whether *line* ends with a period as the page's numbered headings do.

        "3. Registrets namn." then "4. Ändamål med behandlingen av personuppgifter.":
        numbered next, after a heading of a field that is numbered and closed with
        a period too, with its text on the lines under it, the period is the page's
        style, not a sentence's end (the words must still name a field and make no
        sentence: no verb in them; a numbered sentence alone is read as one).
        """
        body = line.rstrip()
        if (
            not body.endswith(".")
            or body.endswith("..")
            or int(numbered.group(1)) != (self.last_number + 1)
        ):
            return False
        if _PASSIVE.search(body) is not None or _FINITE.search(body) is not None:
            return False
        last = next((piece for piece in reversed(self.pieces) if piece.kind == "heading"), None)
        if last is None or last.section is None:
            return False
        heading = self.text[last.start : last.end].rstrip()
        return heading.endswith(".") and _NUMBERED.match(heading) is not None

    def _number_over_heading(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A heading's number alone on the line above it: "3." / "Dataskyddsansvarig".

        A table's number cell copied as text (blank lines between, joined by
        :meth:`split`): the number follows the headings' sequence and the line
        under it is shaped like a heading whose words name a field, though not one
        of the table (those are read by :meth:`_heading` already).
        """
        if i != 0 or len(block) != _PAIR or not self._bare_number(block[:1]):
            return None
        number = int(self.text[block[0][0] : block[0][1]].rstrip(".)"))
        start, end = block[1]
        if not self._in_sequence(number) or not self._unknown_heading((start, end)):
            return None
        line = self.text[start:end]
        kind = _guessed(line)
        if kind in {None, SectionKind.TITLE}:
            return None
        first = block[0][0]
        return Piece("heading", first, end, list(block), first, kind, _sub(kind, line))

    def _indent(self, start: int) -> int:
        """The columns of blank before the line starting (trimmed) at *start*; a tab is four."""
        begin = self.text.rfind("\n", 0, start) + 1
        return len(self.text[begin:start].expandtabs(4))

    def _outline(self, block: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """The numbered lines of *block*: ``(index, depth, number)``."""
        out = []
        for index, (start, end) in enumerate(block):
            numbered = _LIST_NUMBER.match(self.text, start, end)
            if numbered is not None:
                out.append((index, self._indent(start), int(numbered.group(1))))
        return out

    def _outline_heading(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A heading of an outline numbered at two depths, headings over indented entries.

        " 2. Vilka uppgifter vi behandlar" / "  1. Namn, adress …" / "  2. …" /
        " 3. Hur länge uppgifterna sparas": the numbers of the outer depth run on
        (1, 2, 3 …) while those indented under them start again at 1. A line of
        the outer depth is a heading when it is shaped like one, and at least
        two of that depth's lines name a field (a list of purposes with numbered
        sub-entries names none); its words name its kind, if they do.
        """
        start, end = block[i]
        if _LIST_NUMBER.match(self.text, start, end) is None:
            return None
        key = (block[0][0], block[-1][1], len(block))
        if key not in self._outlines:  # read once a block: every line of it asks
            self._outlines[key] = self._outline_heads(block)
        heads = self._outlines[key]
        if i not in heads:
            return None
        kind = heads[i]
        line = self.text[start:end]
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, line))

    def _outline_heads(self, block: list[tuple[int, int]]) -> dict[int, SectionKind | None]:
        """The outline headings of *block*: the index of each line and the kind it names.

        Empty unless the numbered lines of the outermost depth run on, some indented
        under them start again at 1, all of them are shaped like headings and two of
        them name a field (see :meth:`_outline_heading`).
        """
        outline = self._outline(block)
        if not outline:
            return {}
        depth = min(at for _, at, _ in outline)
        outer = [(index, number) for index, at, number in outline if at == depth]
        if (
            not any(at > depth and number == 1 for _, at, number in outline)
            or len(outer) < _PAIR
            or any(b != a + 1 for (_, a), (_, b) in itertools.pairwise(outer))
        ):
            return {}
        heads = [self._outline_kind(block[index]) for index, _ in outer]
        if sum(kind is not None for kind in heads) < _PAIR or not all(
            self._outline_shaped(block[index]) for index, _ in outer
        ):
            return {}
        return {index: kind for (index, _), kind in zip(outer, heads, strict=True)}

    def _outline_shaped(self, line: tuple[int, int]) -> bool:
        """Whether an outline's numbered line is shaped like a heading after its number."""
        numbered = _LIST_NUMBER.match(self.text, *line)
        assert numbered is not None
        head = numbered.end() - 1
        body = self.text[head : line[1]].rstrip().removesuffix(":").rstrip()
        return bool(body) and self._unknown_heading((head, head + len(body)))

    def _outline_kind(self, line: tuple[int, int]) -> SectionKind | None:
        """The kind an outline's numbered line names (``None``: none, or it is no heading)."""
        text = self.text[line[0] : line[1]]
        kind = recognise(text) or _guessed(text, numbered=True)
        return None if kind is SectionKind.TITLE else kind

    def _paren_numbered(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A heading numbered with a bracket ("3) Data security"), alone in its block.

        Its number follows the last heading's (by at most three), like a
        numbered heading's; its words name its kind (a list's "1) Laskutus"
        names none and stays an entry).
        """
        start, end = block[i]
        numbered = _PAREN_NUMBERED.match(self.text, start, end)
        if (
            numbered is None
            or len(block) != 1
            or not self.last_number < int(numbered.group(1)) <= self.last_number + _NUMBER_GAP
        ):
            return None
        line = self.text[start:end]
        kind = recognise(line) or _guessed(line, numbered=True)
        if kind is None or kind is SectionKind.TITLE:
            return None
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, line))

    def _label_heads(self, label: str, value: str) -> bool:
        """Whether a "Label: value" line may head a section: not as its section's text.

        Under a heading of the table, a label the table does not know is that
        section's text ("Käyttöoikeudet: …" under the security heading,
        "Ostohistoria: …" under the data heading), never a guessed or unknown
        heading of its own; in a list section a party's label ("Yhteystiedot: osoite,
        puhelin") is an item of data.
        """
        table = recognise(label)
        if table is not None and self.current in _LIST_KINDS and table in _CONTACT_KINDS:
            # "Rekisterinpitäjä: X Oy, Katu 3, 00100 Kaupunki" names the party itself: its
            # value holds a channel, a postal code or a Y-tunnus (a list's words hold none)
            return _PARTY_LABEL_VALUE.search(value) is not None
        if table is not None:
            return True
        # a party's block ends where a label names another field ("Data retention: …")
        return self.current in _CONTACT_KINDS or not self._in_known_section()

    def _permission_label(self, kind: SectionKind | None, value: str) -> bool:
        """A label naming a right inside a security section, over a user's permission.

        "Tarkastusoikeus: vain pääkäyttäjällä", "Poisto-oikeus: vain ylläpitäjällä",
        "Access rights: only named staff …" under a security heading say who may
        do what in the system: that section's text, no heading of the data
        subject's rights (whose value speaks of the person, a request or a right).
        """
        return (
            self.current in SECURITY_SECTIONS
            and kind in RIGHTS_SECTIONS
            and _SUBJECT_RIGHT.search(value.casefold()) is None
        )

    def _list_label(self, inline: re.Match[str]) -> bool:
        """Whether a "Label: value" line is an entry of the open list section of the table."""
        label = inline.group(1)
        return (
            inline.string[inline.end() - 1 : inline.end()].isspace()  # not "Oy:n", "ETA:n"
            and inline.string[inline.end() : inline.end() + 1] not in _LIST_MARKS  # ": - nimi"
            and 0 < len(label.split()) <= _INLINE_WORDS
            and label[:1].isupper()
            and _LEADS_IN.search(label) is None  # "Käsittelemme tietoja näihin tarkoituksiin:"
            and not any(char.isdigit() for char in inline.string)  # "Last updated: 1.3.2023"
            # a paragraph of sentences after its label ("Tallennettavia tietoja: nimi …
            # Tietoja säilytetään …") is prose, each sentence read for its field
            and SENTENCE_BREAK.search(inline.string, inline.end()) is None
            and self.current in _ITEM_KINDS
            and self._in_known_section()
        )

    def _in_known_section(self) -> bool:
        """Whether the open section's heading is the table's, on its own line (not guessed)."""
        for found in reversed(self.pieces[self._heading_scan :]):
            if found.kind == "heading":
                self._open_heading = found
                break
        self._heading_scan = len(self.pieces)
        heading = self._open_heading
        if heading is None or heading.section in {None, SectionKind.TITLE}:
            return False
        line_end = self.text.find("\n", heading.end)
        rest = self.text[heading.end : len(self.text) if line_end < 0 else line_end]
        # a heading on its own line; after a "Label: value" one each label heads its own text
        return not rest.strip() and not _was_guessed(self.text, heading)

    def _inline_heading(
        self, start: int, end: int, inline: re.Match[str], kind: SectionKind | None
    ) -> None:
        """A "Label: value" line as a heading and its text; a numbered label numbers on."""
        head_end = start + inline.end(1)
        colon = start + inline.end()
        self.pieces.append(Piece("heading", start, head_end + 1, [(start, head_end)], start, kind))
        numbered = _NUMBERED.match(inline.string)
        if numbered is not None and kind is not None:
            self.label_number = int(numbered.group(1))  # "4. Lähteet: …", then "5. …"
        self.pieces.append(Piece("para", colon, end, [(colon, end)], colon))

    def _inline_kind(self, label: str, value: str) -> SectionKind | None:
        """The kind a label before a colon names: the table's, or a short label's words.

        "Data retention: 6 years …": a label of up to three words, capitalised,
        no verb of a lead-in, outside a party's block (where "Tietosuoja-asiat:"
        labels a channel).
        """
        kind = recognise(label)
        if kind is not None or (self.current in _CONTACT_KINDS and _CHANNEL.search(value)):
            return kind  # in a party's block "Tietosuoja-asiat: x@example.fi" labels a channel
        numbered = _NUMBERED.match(label)
        if numbered is not None:
            # "5. Suojaus: Tiedot ovat …": numbered next in the headings' sequence, the
            # label's words after the number are read (a list's "1. Nimi: …" is not)
            number = int(numbered.group(1))
            if not (self._in_sequence(number) or number == self.label_number + 1):
                return None
            label = label[numbered.end() - 1 :]
        words = label.split()
        # a question's verb leads in nothing: "Mihin tietoja käytetään: …", "Näin … suojataan: …"
        asks = _ASKS.match(label) is not None or _HOW_OPENER.match(label) is not None
        if (
            not 0 < len(words) <= (_UNKNOWN_WORDS if asks else _INLINE_WORDS)
            or not label[:1].isupper()
            or (_LEADS_IN.search(label) is not None and not asks)
        ):
            return None
        kind = _guessed(label, question=asks)
        return None if kind is SectionKind.TITLE or kind in _CONTACT_KINDS else kind

    def _next_label(self, i: int, inline: re.Match[str]) -> bool:
        """Whether an unknown label opens a section: the last one was a "Label: value" line.

        "Jäsenrekisteriin kerättävät tiedot: …" / "Käyttö: …" / "… edellytykset: …": in
        a run of such paragraphs each label heads its own text, also one whose words
        name no field (an unknown heading, its text listed), never the section above.
        """
        label = inline.group(1)
        after = inline.string[inline.end(1) + 1 : inline.end(1) + 2]
        if i > 0 or len(self.pieces) < 2 or self.current in _CONTACT_KINDS or after.islower():
            return False  # … or a case ending after the colon ("ETA:n"), no label
        heading, value = self.pieces[-2], self.pieces[-1]
        words = label.split()
        return (
            heading.kind == "heading"
            and value.kind == "para"
            and value.start > heading.start
            and self.text[heading.start : heading.end].rstrip().endswith(":")
            and heading.end > value.start - 3  # the value on the heading's line
            and 0 < len(words) <= _UNKNOWN_WORDS
            and label[:1].isupper()
            and _LEADS_IN.search(label) is None
            and not any(char.isdigit() for char in label)
        )

    def _numbered_unknown(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A heading the importer does not know, numbered as the next section ("5. Palaute").

        Its number is the last heading's plus one, it is no item of a numbered
        list (the line before it neither ends with a colon nor is numbered), and
        after the number it is shaped like a heading: the section it starts is
        not read as part of the one before (a purpose, a category). Its words
        name its kind, if they do: numbered in the headings' own sequence, one
        word is enough ("6. Informationskällor", "7. Datasäkerhet").
        """
        start, end = block[i]
        numbered = _NUMBERED.match(self.text, start, end)
        if numbered is None or self.last_number == 0:
            return None
        if int(numbered.group(1)) != self.last_number + 1:
            return None
        if i > 0:
            previous = self.text[block[i - 1][0] : block[i - 1][1]]
            if previous.endswith(":") or _NUMBERED.match(previous) is not None:
                return None
        if not self._unknown_heading((numbered.end() - 1, end)):
            return None
        kind = _guessed(self.text[start:end])
        kind = None if kind is SectionKind.TITLE else kind
        return Piece(
            "heading", start, end, [(start, end)], start, kind, _sub(kind, self.text[start:end])
        )

    def _next_entry(self, numbered: re.Match[str]) -> bool:
        """Whether a numbered line follows a list's entry numbered one less.

        "1. Nimi" / "2. Osoite" / "3. Puhelinnumero", blank lines between them,
        under the heading "2. Rekisterin tietosisältö": "3." continues the list,
        it is no heading numbered next.
        """
        if not self.pieces:
            return False
        last = self.pieces[-1]
        if last.kind == "heading" and last.section is not None:
            return False  # "5. Tietolähteet" / "6. …": headings numbered on
        before = _NUMBERED_ENTRY.match(self.text, last.start, last.end)
        return before is not None and int(before.group(1)) + 1 == int(numbered.group(1))

    def _in_sequence(self, number: int) -> bool:
        """Whether a heading numbered *number* follows the last numbered heading."""
        return self.last_number < number <= self.last_number + _NUMBER_GAP or (
            number == self.last_number == 1
        )

    def _alone_numbered(self, block: list[tuple[int, int]]) -> Piece | None:
        """A numbered line alone between blank lines, numbered in the headings' sequence.

        Its layout makes it a heading whatever its words: "5. Käsittelijä:",
        "1. Registrator", "3. Styrelsens namn och adress" (every heading "1.",
        a word processor's lost numbering). After the number it is shaped like a
        heading (a colon may end it); its words name its field if they do, else
        it heads a section of no field (its text is listed, not read as part of
        the section above). Not a list's entry after a lead-in, and with no
        numbered heading before it, only one whose words name a field.
        """
        if len(block) != 1 or self.after_name or self._after_lead_in(0):
            return None
        start, end = block[0]
        numbered = _NUMBERED.match(self.text, start, end)
        if numbered is None:
            return None
        if not self._in_sequence(int(numbered.group(1))) or self._next_entry(numbered):
            return None
        head = numbered.end() - 1
        body = self.text[head:end].rstrip().removesuffix(":").rstrip()
        if not body:
            return None
        if self._unknown_heading((head, head + len(body))):
            kind = recognise(body) or _guessed(body)
        else:
            kind = self._long_numbered(body)
            if kind is None:
                return None
        kind = None if kind is SectionKind.TITLE else kind
        if kind is None and self.last_number == 0:
            return None
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, body))

    def _long_numbered(self, body: str) -> SectionKind | None:
        """The kind of a long heading numbered next, alone between blank lines.

        "7. Regular Disclosure of Data and Transfer of Data Outside the EU or EEA":
        longer than a heading guessed elsewhere, but its place (numbered next in
        a page that numbers its headings, a line of its own) makes it one when
        its words name a field and it is shaped like a heading (a capital, no
        sentence end, no verb).
        """
        if (
            self.last_number == 0
            or not body[:1].isupper()
            or _PASSIVE.search(body) is not None
            or _FINITE.search(body) is not None
        ):
            return None
        return _guessed(body, numbered=True, long=True)

    def _bullet_heading(self, block: list[tuple[int, int]], i: int) -> Piece | None:
        """A bulleted line that heads its block's text: the page's headings are bullets.

        "• Rekisterin ylläpitäjät" over "• • Tmi …" (its entries one level
        deeper), or "• Kuinka kauan tietoja pidetään" over "• Tietoja säilytetään
        …" (a whole sentence, not another short entry): the first line of its
        block, shaped like a heading after its bullet, its words naming a field
        other than the open section's. A short entry over another short one stays
        a list's entry; a party's bulleted block is left to the contact rules.
        """
        if (
            i != 0
            or len(block) < _PAIR
            or self.after_name
            or self.last_number > 0  # the page numbers its headings: a bullet is an entry
            or self._after_lead_in(0)
            or (self.pieces and self.text[: self.pieces[-1].end].rstrip().endswith(":"))
        ):
            return None
        start, end = block[0]
        sign = _SIGN_BULLET.match(self.text, start, end)
        below = block[1]
        if sign is None or len(self._marker(block[0])) != 1:
            return None
        deeper = len(self._marker(below)) > 1
        under = self.text[below[0] : below[1]]
        sentence = (
            self._marker(below) == self._marker(block[0])
            # a whole sentence, or a lead-in ("• Asiakkaasta tallennetaan seuraavia tietoja:")
            and (
                (len(under.split()) >= _BULLET_SENTENCE_WORDS and under.rstrip().endswith("."))
                or (_LEADS_IN.search(under) is not None and under.rstrip().endswith(":"))
            )
        )
        if not (deeper or sentence):
            return None
        head = sign.end()
        body = self.text[head:end].rstrip().removesuffix(":").rstrip()
        if not body or not self._unknown_heading((head, head + len(body))):
            return None
        kind = recognise(body) or _guessed(body, question=_ASKS.match(body) is not None)
        if kind in {None, SectionKind.TITLE, self.current} or (
            kind in _CONTACT_KINDS and not deeper
        ):
            # a party's bulleted lines are read by the contact block's rules, unless its
            # lines are one level deeper ("• Rekisterin ylläpitäjä" / "• • Tmi …")
            return None
        return Piece("heading", start, end, [(start, end)], start, kind, _sub(kind, body))

    def _unknown_heading(self, line: tuple[int, int]) -> bool:
        text = _without_markup(unspaced(self.text[line[0] : line[1]]))
        # a trailing legal reference is no part of its shape: "Tietolähteet (EU 2016/679, 14 art.)"
        text = _LEGAL_REFERENCE.sub("", text) or text
        if text.count(" / ") == 1:
            text = text.split(" / ")[0]  # a heading in two languages: its first is its shape
        words = text.split()
        return (
            len(text) <= _UNKNOWN_CHARS
            and (0 < len(words) <= _UNKNOWN_WORDS or self._long_known(text))
            and text[0].isupper()
            and not text.endswith((".", ",", ";", ":", "!", "?", ")"))
            # a passive verb makes a sentence, unless the line asks: "Mihin tietoja käytetään"
            and (_PASSIVE.search(text) is None or _ASKS.match(text) is not None)
            and (_FINITE.search(text) is None or _guessed(text) is not None)
            and not any(char.isdigit() or char in "@:" for char in text)
            and not re.search(r"\b(Oy|Oyj|Ab|Ky|Ay|ry|Tmi)\b", text)
            and not (self.current in _CONTACT_KINDS and ORGANISATION.search(text))
            and _BULLET.match(text) is None
            and sum(char.isalpha() for char in text) >= 3
            and _glued_heading(text) is None
            and not bare_no(text.casefold())  # "Ei ole": an answer under the heading
        )

    def _translations(self, block: list[tuple[int, int]], at: int, kind: SectionKind) -> int:
        """How many lines from *at* repeat the heading of *kind* in another language.

        "Rekisterin nimi" / "Registrets namn" on the line under it: both are the
        heading, the second is not the section's first line (a name, a value).
        """
        count = 0
        while at + count < len(block) and count < _TRANSLATIONS:
            start, end = block[at + count]
            if end - start > MAX_HEADING or recognise(self.text[start:end]) is not kind:
                break
            count += 1
        return count

    def _may_run_on(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether a heading at line *i* may run on to the next line (a quick test).

        Not when the next line opens a list item: :meth:`_may_be_heading` would
        refuse every run of lines from *i* on, so they are not even joined.
        """
        return not (i + 1 < len(block) and self._bulleted(block[i + 1]))

    def _dated_below(self, block: list[tuple[int, int]], at: int, kind: SectionKind) -> bool:
        """Whether a title's block ends with one date line from *at* ("15.10.2020")."""
        return (
            kind is SectionKind.TITLE
            and at == len(block) - 1
            and _DATE_ALONE.fullmatch(self.text, *block[at]) is not None
        )

    def _may_be_taken(self, block: list[tuple[int, int]], i: int, k: int, last: str) -> bool:
        """Whether lines *i* to *i + k* stand where :meth:`_heading` may take a heading.

        A quick test before the heading table is asked: at the block's start or
        end, or one line ending in a colon or opening a list item (*last* is
        that line's text). Elsewhere in a block the lines are no heading
        whatever they say, so they are not looked up at all.
        """
        return (
            i == 0
            or i + k == len(block)
            or (k == 1 and (last.rstrip().endswith(":") or block[i][0] in self.item_starts))
        )

    def _may_be_heading(self, lines: list[tuple[int, int]], last: str) -> bool:
        """Whether the lines *lines* (the last one's text *last*) may be one heading."""
        if last.endswith((".", ",", ";")) and not last.endswith(("jne.", "mm.")):
            return False
        # a heading run over lines goes on with words, not with a list's bullet nor with
        # the notice's date on a line of its own under its title ("Tietosuojaseloste" /
        # "15.10.2020"): that is the date of the notice, not words of its heading
        return len(lines) == 1 or not any(
            self._bulleted(line) or _DATE_ALONE.fullmatch(self.text, *line) is not None
            for line in lines[1:]
        )

    def _bulleted(self, line: tuple[int, int]) -> bool:
        """Whether *line* opens a list item: a bullet sign, or an HTML list item."""
        return (
            line[0] in self.item_starts
            or _SIGN_BULLET.match(self.text, line[0], line[1]) is not None
        )

    def _listed(self, line: tuple[int, int]) -> bool:
        """A bullet of a list of data ("- yhteystiedot (osoite)"): an entry, not a heading."""
        return self.current in _LIST_KINDS and (
            _BULLET.match(self.text, line[0], line[1]) is not None or line[0] in self.item_starts
        )

    @staticmethod
    def _long_known(text: str) -> bool:
        """A longer heading whose words name a kind: "De kategorier av registrerade som berörs"."""
        return (
            len(text.split()) <= _GUESS_WORDS
            and not _statement(text)
            and _guessed(text) is not None
        )

    def _column_cell(self, line: tuple[int, int]) -> bool:
        """A cookie table's header cell ("Eväste", "Tarkoitus"): not a heading.

        A short cell right after the header's known cells is one more column
        the importer does not know ("Eväste", "Tarkoitus", "Kesto", "Huom"),
        not a heading that ends the cookie section.
        """
        if self.current is not SectionKind.COOKIES:
            return False
        text = self.text[line[0] : line[1]]
        if is_column_label(text):
            return True
        if not _extra_cell(text) or recognise(text) is not None:
            return False
        for piece in reversed(self.pieces[-_EXTRA_COLUMNS:]):
            cell = self.text[piece.start : piece.end]
            if piece.kind != "para":
                return False
            if is_column_label(cell):
                return True
            if not _extra_cell(cell):
                return False
        return False

    def _block(self, block: list[tuple[int, int]]) -> None:
        i = 0
        n = len(block)
        while i < n:
            found = (
                None
                if self._column_cell(block[i]) or self._column_names(block[i])
                else self._heading(block, i)
            )
            if found is not None:
                k, piece = found
                self._taken(piece)
                numbered = _NUMBERED.match(self.text, piece.start)
                # an entry of a list numbered on ("2. Osoite" / "3. Puhelinnumero") is no step
                entry = numbered is not None and self._next_entry(numbered)
                self.pieces.append(piece)
                self.current = piece.section
                if numbered is not None and (
                    piece.section is not None
                    or (int(numbered.group(1)) == self.last_number + 1 and not entry)
                ):
                    # an unknown heading numbered next continues the sequence too
                    self.last_number = int(numbered.group(1))
                self.after_name = piece.section is SectionKind.NAME
                i += k
                continue
            self.after_name = False
            start, end = block[i]
            line = self.text[start:end]
            if self._glued_line(block, start, end) or self._numbered_statement(block, start, end):
                i += 1
                continue
            inline = _INLINE_HEADING.match(line)
            if (
                inline is not None
                # a list's entry ("• Yhteystiedot: nimi, puhelin" under the data heading)
                and not (self._bulleted((start, end)) and self.current in _LIST_KINDS)
                and (
                    (kind := self._inline_kind(inline.group(1), line[inline.end() :])) is not None
                    or self._next_label(i, inline)
                )
                and self._label_heads(inline.group(1), line[inline.end() :])
                and not self._permission_label(kind, line[inline.end() :])
            ):
                self._inline_heading(start, end, inline, kind)
                i += 1
                continue
            if inline is not None and self._list_label(inline):
                self._item([(start, end)], start)  # "Ostohistoria: tilaukset ja maksut"
                i += 1
                continue
            if self._lone_item(block, i):
                i += 2
                continue
            bullet = _BULLET.match(line)
            if (bullet is not None and len(line) > bullet.end()) or (
                start in self.item_starts and not (self.html and line.endswith(":"))
            ):
                content = self._content(start, end, bullet)
                lines = [(start, end)]
                i += 1
                # Word wraps a long item onto lines that start in lower case.
                while (
                    i < n
                    and block[i][0] not in self.item_starts
                    and self.text[block[i][0]].islower()
                    and _BULLET.match(self.text, block[i][0], block[i][1]) is None  # "b) Nimi"
                    and self._heading(block, i) is None
                ):
                    lines.append(block[i])
                    i += 1
                self._item(lines, content)
                continue
            lines = [(start, end)]
            i += 1
            while (
                i < n
                and block[i][0] not in self.item_starts
                and _BULLET.match(self.text[block[i][0] : block[i][1]]) is None
                and not self._lone_mark(block, i)
                and self._heading(block, i) is None
                and _glued_heading(self.text[block[i][0] : block[i][1]]) is None
            ):
                lines.append(block[i])
                i += 1
            self.pieces.append(Piece("para", start, lines[-1][1], lines, start))

    def _lone_item(self, block: list[tuple[int, int]], i: int) -> bool:
        """Read "-" / "Nimi" (a bullet alone on its line, its text on the next) as an item."""
        if not self._lone_mark(block, i):
            return False
        self._item([block[i], block[i + 1]], block[i + 1][0])
        return True

    def _lone_mark(self, block: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* of *block* is a bullet alone, its entry's text on the next line.

        A page saved as text puts each bullet on a line of its own: "-" /
        "Nimi" / "-" / "Osoite". The next line holds words and is no bullet
        nor a known heading. Not in a party's block, where a dash stands for a
        value not given ("Puhelin" / "-").
        """
        start, end = block[i]
        if (
            _LONE_MARK.fullmatch(self.text, start, end) is None
            or i + 1 >= len(block)
            or self.current in _CONTACT_KINDS
        ):
            return False
        following = self.text[block[i + 1][0] : block[i + 1][1]]
        return (
            any(char.isalpha() for char in following)
            and _BULLET.match(following) is None
            and _LONE_MARK.fullmatch(following) is None
            and recognise(following) in {None, SectionKind.TITLE}
        )

    def _lead_in_apart(self, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """*block*, its first line apart when it leads in to short lines, one entry each.

        "Rekisteriin tallennetaan seuraavat tiedot:" / "Nimi" / "Osoite" with no
        blank line between: read as the lead-in and a block of entries after it.
        """
        if _heading_over_table(self.text, block):
            # "Käsittelyn tarkoitus" / "Tarkoitus<TAB>Oikeusperuste" / "Laskutus<TAB>Sopimus"
            return [block[:1], block[1:]]
        if len(block) > _CLEAR_LIST + 1 and self._heading_over_lead_in(block):
            # "5. Rekisterin tietosisältö" / "Rekisteriin tallennetaan:" / "Nimi" / …
            return [block[:1], *self._lead_in_apart(block[1:])]
        later = self._later_lead_in(block)
        if later and len(tail := self._lead_in_apart(block[later:])) > 1:
            # a sentence, then a lead-in over entries: the lead-in and its entries apart
            return [block[:later], *tail]
        rest = block[1:]
        lower = all(self.text[line[0]].islower() for line in rest)
        first = self.text[block[0][0] : block[0][1]]
        if not (
            len(rest) >= _CLEAR_LIST
            and (_lead_in_line(first) or _colonless_lead_in(first))
            and all(
                line[0] not in self.item_starts
                and self._entry_shaped(line)
                and _LIST_NUMBER.match(self.text, *line) is None
                and (
                    self.text[line[0]].isupper()
                    # "nimi" / "osoite": entries in lower case, not a sentence wrapped
                    # after its colon ("asiakkaan nimi, osoite ja" / "puhelinnumero")
                    or (lower and _WRAPPED.search(self.text, *line) is None)
                )
                for line in rest
            )
        ):
            return [block]
        if not first.rstrip().endswith(":"):
            self.colonless_leads.add(block[0][0])
        return [block[:1], rest]

    def _later_lead_in(self, block: list[tuple[int, int]]) -> int:
        """The index of a lead-in line after the first that ends *block*'s sentences, or 0.

        The last line of the block that ends in a colon, after a line that ends a
        sentence, with at least :data:`_CLEAR_LIST` lines under it (which
        :meth:`_lead_in_apart` then checks are entries).
        """
        for index in range(len(block) - 1, 0, -1):
            line = self.text[block[index][0] : block[index][1]].rstrip()
            if line.endswith(":"):
                before = self.text[block[index - 1][0] : block[index - 1][1]].rstrip()
                enough = len(block) - index - 1 >= _CLEAR_LIST
                return index if enough and before.endswith((".", "!", "?")) else 0
        return 0

    def _heading_over_lead_in(self, block: list[tuple[int, int]]) -> bool:
        """Whether *block* opens with a known heading, then a list's lead-in.

        Numbered or not ("Rekisterin tietosisältö" / "Rekisteriin tallennetaan
        seuraavat tiedot:" / "Nimi" / …, a Word text save with no blank lines):
        the heading is a line of the table or a question naming a field ("Mitä
        tietoja keräämme?"), not a sentence.
        """
        first = self.text[block[0][0] : block[0][1]].strip()
        numbered = _NUMBERED.match(first)
        heading = first[numbered.end() - 1 :].strip() if numbered is not None else first
        known = recognise(heading) is not None or (
            heading.endswith("?") and _guessed(heading, question=True) is not None
        )
        second = self.text[block[1][0] : block[1][1]]
        return (
            not first.endswith(".")
            and known
            and (_lead_in_line(second) or _colonless_lead_in(second))
        )

    def _content(self, start: int, end: int, bullet: re.Match[str] | None) -> int:
        """Where an item's text starts: after its bullet, and the deeper ones ("• • Tmi …")."""
        content = start + (bullet.end() if bullet is not None else 0)
        while (deeper := _SIGN_BULLET.match(self.text, content, end)) is not None:
            content = deeper.end()
        return content

    def _glued_line(self, block: list[tuple[int, int]], start: int, end: int) -> bool:
        """Read a line of *block* as a heading glued to its value, if it is one."""
        line = self.text[start:end]
        glued = _glued_heading(line)
        if glued is not None and not self._takes_glued(block, start, line, glued):
            glued = None
        camel = None if glued else _camel_glued(line)  # "1. Registrets namnNätbutikens …"
        found = glued or camel
        if found is None:
            return False
        kind, head_length = found
        head_end = start + head_length
        value = _trimmed(self.text, head_end, end)[0]
        self.pieces.append(Piece("heading", start, head_end, [(start, head_end)], start, kind))
        if camel is not None:
            self._numbered_as(self.pieces[-1])  # the next numbered heading follows it
        self.pieces.append(Piece("para", value, end, [(value, end)], value))
        return True

    def _numbered_statement(self, block: list[tuple[int, int]], start: int, end: int) -> bool:
        """Read a numbered sentence alone in its block, numbered next, as a section of its own.

        Some notices number statements instead of headings: "7. Asiakkaalla on
        oikeus tarkistaa tietonsa …" after "6. Tietojen luovutus". The number is
        the heading (it names no field: the sentence's words may, see
        :func:`rekisteri.importer._agree.settle`), the sentence its text; not read
        into the section above.
        """
        if len(block) != 1 or self.last_number == 0:
            return False
        numbered = _NUMBERED.match(self.text, start, end)
        if (
            numbered is None
            or int(numbered.group(1)) != self.last_number + 1
            or self._next_entry(numbered)
        ):
            return False
        head = numbered.end() - 1
        sentence = self.text[head:end].rstrip()
        if not sentence.endswith(".") or len(sentence.split()) < _BULLET_SENTENCE_WORDS // 2:
            return False
        number_end = head if self.text[head - 1] != " " else len(self.text[:head].rstrip())
        self.pieces.append(Piece("heading", start, number_end, [(start, number_end)], start))
        self.last_number += 1
        self.current = None
        self.pieces.append(Piece("para", head, end, [(head, end)], head))
        return True

    def _numbered_as(self, piece: Piece) -> None:
        """Take a heading glued to its value as the current section, its number the last."""
        self.current = piece.section
        numbered = _NUMBERED.match(self.text, piece.start)
        if numbered is not None and piece.section is not None:
            self.last_number = int(numbered.group(1))

    def _taken(self, piece: Piece) -> None:
        """A heading just taken: a part of the one above it, or of no field after all."""
        self._subsection(piece)
        if _general_block(self.text, piece):
            piece.section = None  # "1. Register information" / "Controller: …" (R8-1)

    def _subsection(self, piece: Piece) -> None:
        """An unknown heading numbered under the last one ("4.1 Jäsenyys" under "4.") is its part.

        It keeps the kind of the section it is numbered under: "4.1
        Jäsenyyden hoitaminen" under "4. Käsittelyn tarkoitukset" starts more
        purposes, not a section the importer does not know.
        """
        numbered = _SUBNUMBERED.match(self.text, piece.start)
        if (
            piece.section is None
            and numbered is not None
            and int(numbered.group(1)) == self.last_number
            and self.current not in {None, SectionKind.TITLE}
        ):
            piece.section = self.current
            piece.inherited = True
            if self.current is SectionKind.PURPOSES:
                # the subsection's title names a purpose: "4.2 Uutiskirje"
                piece.sub = self.text[numbered.end() - 1 : piece.end].strip(" \t.:")

    def _item(self, lines: list[tuple[int, int]], content: int) -> None:
        start, end = lines[0][0], lines[-1][1]
        glued = _GLUED_LEAD_IN.search(self.text, content, end)
        if glued is not None and glued.start(1) > content:
            item_end = _trimmed(self.text, content, glued.start(1))[1]
            cut = [(s, min(e, item_end)) for s, e in lines if s < item_end]
            self.pieces.append(Piece("item", start, item_end, cut, content))
            lead = glued.start(1)
            self.pieces.append(Piece("para", lead, end, [(lead, end)], lead))
            return
        self.pieces.append(Piece("item", start, end, lines, content))


#: What a numbered line may open with besides a digit (a bracket, a blank before the
#: number): a line opening with none of them is read by no reader of numbered headings.
_NUMBER_FIRST: Final = "( \t"
#: A heading's number with a bracket: "3) Data security".
_PAREN_NUMBERED: Final = re.compile(r"[ \t]*([0-9]{1,2})\)[ \t]+[A-ZÄÖÅ]")
#: A contact channel in a value: an e-mail, a phone or a web address.
_CHANNEL: Final = re.compile(r"@|\(at\)|\[at\]|\d{3}[ -]?\d{3}|https?://|www\.")
#: A party's own value after its label: a channel, a postal code, a Y-tunnus.
_PARTY_LABEL_VALUE: Final = re.compile(rf"{_CHANNEL.pattern}|(?<!\d)\d{{5}}(?!\d)|\d{{7}}-\d")
#: A value that speaks of the data subject's right: the person, a request, the right itself.
_SUBJECT_RIGHT: Final = re.compile(
    r"rekisteröi|oikeu|pyyn|pyytä|registrerad|rätt|begär|data subject|\bright|request|\byou\b"
    r"|\bsinul|\bdu\b|\bni\b|henkilöllä|asiakkaalla|jäsenellä"
)
#: Sections whose "Label: value" paragraphs are items: data, people, sources.
_ITEM_KINDS: Final = frozenset({SectionKind.CONTENT, SectionKind.SUBJECTS, SectionKind.SOURCES})
#: Marks that open a list run on after a label's colon: "Osakeluettelo: - nimi- osoite".
_LIST_MARKS: Final = frozenset("-–—•·*")
#: A list's numbered entry: "2. Osoite", "2) Osoite".
_NUMBERED_ENTRY: Final = re.compile(r"[ \t]*\(?([0-9]{1,2})[.)][ \t]+\S")
#: A heading and the line under it.
_PAIR: Final = 2
#: A bulleted line of at least this many words, ending in a full stop, is a sentence.
_BULLET_SENTENCE_WORDS: Final = 8
#: A label before a colon read by its words has at most this many.
_INLINE_WORDS: Final = 3
#: A list's first entry, numbered or lettered ("1. Nimi", "1) Nimi", "a) Nimi"), and its second.
#: A list's number: "1. Säilytysaika", "2) Nimi".
_LIST_NUMBER: Final = re.compile(r"[ \t]*\(?([0-9]{1,2})[.)][ \t]+\S")
_FIRST_ITEM: Final = re.compile(r"[ \t]*\(?(?:(1)|a)[.)][ \t]+\S")
_SECOND_ITEM: Final = re.compile(r"[ \t]*\(?(?:(2)|b)[.)][ \t]+\S")
#: Headings whose value may follow on the same line without a colon (a table row
#: saved as text, "Rekisterinpitäjä<TAB>Esimerkki Oy", "REGISTERANSVARIG Exempel Ab").
#: An unknown heading is short: at most this many words (more if its words name a kind).
_UNKNOWN_WORDS: Final = 6
#: An item of data in lower case on a line of its own has at most this many words.
_LOWER_ITEM_WORDS: Final = 3
#: A numbered entry of a list one a paragraph, its number included: up to this many words.
_NUMBERED_WORDS: Final = 12
#: A label heading ("Informationskällor:") has at most this many words, and no verb
#: or word of a list's lead-in ("Rekisterissä käsitellään seuraavia tietoja:").
_LABEL_WORDS: Final = 4
_LEADS_IN: Final = re.compile(
    r"(?i)\w(?:aan|ään|taan|tään)\b|seuraav|följande|following|\was\b(?<!\bas)(?<!igas)|\b(?:ges|ses)\b"
    r"|sisält(?!ö\b)|innehåller"
    # a line that opens with a verb in the first person: "Käsittelemme henkilötietoja:",
    # "Keräämme ja käsittelemme …:", "Vi behandlar personuppgifter:", "We process personal
    # data:" (not a participle with a possessive ending, "Keräämämme tiedot:", the data we
    # collect; not "Data we process:", a heading)
    r"|^\W*(?:\w+(?<!m[aä])mme|vi[ \t]+\w+r|we[ \t]+\w+)\b"
)
_UNKNOWN_CHARS: Final = 80
#: A long heading's head: its first words, before its complements (:meth:`_long_heading`).
_HEAD_WORDS: Final = 6


def _verb_in_head(text: str) -> bool:
    """Whether *text* has a verb before its relative clause, if any: then it is a sentence."""
    head = f" {_RELATIVE_CLAUSE.split(text, maxsplit=1)[0]} "
    return any(verb.search(head) is not None for verb in (_PASSIVE, _FINITE, _SV_PASSIVE, _WE_VERB))


#: A relative clause in a heading: its verb makes no sentence ("… för vilken … är avsedda").
_RELATIVE_CLAUSE: Final = re.compile(
    r"(?i)\s(?:som|vilken|vilka|vilket|joka|jotka|jonka|joiden|joita|joihin|which|that|who)\s"
)
#: A block with a line this long holds whole paragraphs, one a line (none was wrapped).
_UNWRAPPED: Final = 120
#: A short line that denies ("Ei luovutuksia", "Inga uppgifter lämnas ut") is an answer.
#: … and a web page's menu link ("Gå direkt till innehållet", "Skip to content") is none.
_NEGATION: Final = re.compile(
    r"(?i)\b(?:ei|eikä|inte|ingen|inga|no|not|none|never)\b"
    r"|\b(?:gå|hoppa) (?:direkt )?till\b|\bskip to\b|\bsiirry\b|\bhyppää\b"
)
_GLUED_KINDS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.NAME})
_GLUED_MAX_WORDS: Final = 6


def _glued_heading(line: str) -> tuple[SectionKind, int] | None:
    """A contact or name heading glued to its value on one line: (kind, heading length).

    The value must start with a capital letter or a digit and not be a
    sentence ("Rekisterinpitäjä on Esimerkki Oy." is not a heading). A line of
    another kind whose value is in capitals too and ends a sentence is a
    sentence ("SÄILYTYSAIKA ON VIISI VUOTTA."): it opens no section.
    """
    if len(line[:MAX_HEADING].split(maxsplit=1)) < 2:
        return None  # one word ("sana-"): no head with a value after it (str.split and \S agree)
    words = list(_WORD_RUN.finditer(line[:MAX_HEADING]))
    heads = [
        words[count - 1].end()
        for count in range(min(len(words) - 1, _GLUED_MAX_WORDS), 0, -1)
        if (line[words[count].start()].isupper() or line[words[count].start()].isdigit())
        and ":" not in line[: words[count - 1].end()]
    ]
    # both tests below are pure: the quick one first when several heads are to be
    # recognised, last when one is ("- tieto 17": "- tieto" is remembered)
    if not heads or (len(heads) > 1 and not may_start_with_heading(line)):
        return None
    for head_end in heads:
        kind = recognise(line[:head_end])
        if kind is None or kind in {SectionKind.TITLE, SectionKind.DPO}:
            continue
        if kind in _GLUED_KINDS and len(line) > MAX_HEADING:
            return None
        if kind not in _GLUED_KINDS and _shouted_sentence(line[head_end:]):
            return None
        return (kind, head_end) if len(heads) > 1 or may_start_with_heading(line) else None
    return None


#: A lower-case letter right before a capital inside a word: "namnNätbutikens".
#: Also an acronym's capitals right before a capitalised word ("EU eller EESNej."), and a
#: lower-case letter right before a lettered part ("skyddatA. Manuellt material").
_CASE_JOIN: Final = re.compile(
    r"(?<=[a-zäöåé])(?=[A-ZÄÖÅ](?:[a-zäöå]|[ \t]|[.)][ \t]))|(?<=\b[A-ZÄÖÅ]{2})(?=[A-ZÄÖÅ][a-zäöå])"
    r"|(?<=\b[A-ZÄÖÅ]{3})(?=[A-ZÄÖÅ][a-zäöå])"
)
#: At most this many such joins of a line are tried.
_CASE_JOINS: Final = 2


def _camel_glued(line: str) -> tuple[SectionKind, int] | None:
    """A heading glued to its value without a space: (kind, heading length), or ``None``.

    Only the line's first :data:`MAX_HEADING` characters are read (and remembered:
    a long line costs the cache no more than a heading's length). A line without a
    capital (most entries of a list: "- tieto 17") has no join, and is not remembered:
    each way :data:`_CASE_JOIN` joins takes a capital after it.
    """
    if line.islower():
        return None
    return _camel_glued_start(line[:MAX_HEADING])


@functools.lru_cache(maxsize=4096)  # pure; a line is looked at by several readers
def _camel_glued_start(line: str) -> tuple[SectionKind, int] | None:
    """:func:`_camel_glued` of a line's start.

    A web page's table copied as text loses the space between a cell and the
    next: "1. Registrets namnNätbutikens kundregister", "3. Kontaktperson i
    registerärendenNamn: Medborgarinfo". The words before a lower-case
    letter that meets a capital are a heading of the table (or, numbered, one
    whose words name a kind); a name such as "LinkedIn" heads nothing.
    """
    for join in itertools.islice(_CASE_JOIN.finditer(line, 0, MAX_HEADING), _CASE_JOINS):
        # the value may itself open with a lower-case letter: "Rekisterin nimiiPhone-…"
        for at in (join.start(), join.start() - 1):
            head = line[:at]
            numbered = _NUMBERED.match(head) is not None
            kind = recognise(head) or (_guessed(head, numbered=True) if numbered else None)
            if kind is not None and kind is not SectionKind.TITLE:
                return kind, at
    return None


#: A line that goes on in the next: a comma in it, or a joining word at its end.
_WRAPPED: Final = re.compile(r",|\b(?:ja|sekä|tai|eli|och|samt|eller|and|or)\s*$")


def _lead_in_line(text: str) -> bool:
    """A sentence that leads in to a list: "Seura käsittelee tietoja näihin tarkoituksiin:"."""
    text = text.rstrip()
    return text.endswith(":") and (
        len(text.split()) > _LABEL_WORDS or _LEADS_IN.search(text) is not None
    )


#: "The following" in a lead-in: "Tallennamme seuraavat tiedot", "Följande uppgifter
#: samlas in", "We collect the following data".
_FOLLOWING: Final = re.compile(r"(?i)\b(?:seuraav\w*|följande|following)\b")


def _colonless_lead_in(text: str) -> bool:
    """A list's lead-in that lost its colon (a Word text save): "Tallennamme seuraavat tiedot".

    A line that names "the following" and ends no sentence, no heading of the
    table; the caller checks that the lines under it are entries.
    """
    text = text.strip()
    return (
        len(text.split()) >= _CLEAR_LIST
        and not text.endswith((".", "!", "?", ";", ",", ":"))
        and _FOLLOWING.search(text) is not None
        and recognise(text) is None
    )


#: A value glued to its heading is a sentence when it has at least this many words.
_VALUE_SENTENCE_WORDS: Final = 4


def _agreeing_sentence(kind: SectionKind, value: str) -> bool:
    """Whether a glued heading's value is a sentence that speaks of the heading's field."""
    value = value.strip()
    return (
        len(value.split()) >= _VALUE_SENTENCE_WORDS
        and value[:1].isupper()
        and _speaks_of(kind, value)
    )


def _shouted_sentence(value: str) -> bool:
    """A value in capitals that ends a sentence: the line is a sentence, not a table row."""
    value = value.strip()
    return value.isupper() and value.endswith((".", "!"))


def _one_line_statement(block: list[tuple[int, int]], line: str) -> bool:
    """A line alone in its block that ends a sentence ("Säilytysaika 5 vuotta.").

    A heading glued to its value is a table row saved as text, whose rows come
    one under another; a lone sentence between paragraphs is its section's text.
    """
    return len(block) == 1 and line.rstrip().endswith((".", "!"))


_GUESS_WORDS: Final = 12
#: A numbered question heading has at most this many words.
_QUESTION_WORDS: Final = 16
#: A colon that is not a case ending ("EU:n", "Oy:s"): a label and its value.
_COLON: Final = re.compile(r":(?![a-zåäö])")
_BARE_NUMBER: Final = re.compile(r"\d{1,2}[.)]?")
#: A line that is only a section's number ("3", "3."): the heading's words may follow on lines.
_ONE_NUMBER: Final = re.compile(r"\d{1,2}\.?")
_WORD_RUN: Final = re.compile(r"\S+")
#: A sentence ends and another starts: "1. Tiedot säilytetään lukitussa tilassa. Paperit …"
#: is a numbered sentence, not a heading.
_RULE: Final = re.compile(r"[-=_*~#]{3,}")
#: A legal reference in brackets at a heading's end: "(EU 2016/679, 13 art.)", "(24 §)".
_LEGAL_REFERENCE: Final = re.compile(
    r"(?i)(?<!\s)\s*\([^()]*(?:\bart\b|artikla|artikel|article|§|\beu\b|gdpr|asetus|förordning)"
    r"[^()]*\)\s*(?=[?:.]?\s*$)"
)
#: A heading's things named by a relative clause with a passive verb: "Uppgifter som behandlas".
_NAMED_BY_CLAUSE: Final = re.compile(r"(?i)^\S+ som \w+as$")
#: A Swedish passive verb ("sparas", "lämnas ut", "raderas"): a sentence, not a heading.
_SV_PASSIVE: Final = re.compile(
    r"(?i)\b(?:spar|lagr|rader|lämn|behandl|använd|saml|överför|gallr|förvar|skydd|del|sälj"
    r"|hämt|registrer|uppdater|krypter)(?:a|e)?s\b"
)
#: A web page's menu or footer link ("Evästeasetukset", "Cookie settings", "© 2024"): no heading.
_MENU: Final = re.compile(
    r"(?i)asetukset\b|\bsettings\b|inställningar\b|©|copyright|saavutettavuus|tillgänglighet"
    r"|accessibility"
)
#: A heading's number at a line's start, a Roman one too ("VI. Vilka …"): no sentence's end.
_HEAD_NUMBER: Final = re.compile(r"^[ \t]*(?:\d{1,2}|[IVXivx]{1,5})[.)][ \t]+")
_CONTACT_KINDS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO})
#: Sections whose text is a list of data, purposes, sources or recipients.
_LIST_KINDS: Final = frozenset(
    {
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.PURPOSES,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
    }
)


#: The headings under which a table copied as text holds one entry a row.
_TABLE_KINDS: Final = frozenset(
    {
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.PURPOSES,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.PROCESSORS,
        SectionKind.RETENTION,
    }
)
#: A Markdown table's rule under its header: "|---|:---:|".
_TABLE_RULE: Final = re.compile(
    r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*"
)
#: A cell between tabs, or between a Markdown row's pipes.
_TAB_CELL: Final = re.compile(r"[^\t]+")
_PIPE_CELL: Final = re.compile(r"[^|]+")
#: The name of a table's first column, besides a heading's words ("Tarkoitus",
#: "Käyttötarkoitus"): what a column of entries is called.
_COLUMN_WORD: Final = re.compile(
    r"(?i)^(?:tieto|tiedot|tietoryhmä|henkilötieto|vastaanottaja|lähde|käsittelijä|palvelu"
    r"|uppgift|uppgifter|mottagare|källa|data|recipient|source|processor|category)\b"
)


def _row_cells(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The cells of a table's row copied as text (their non-blank spans), or ``None``.

    Tabs between the cells, or a Markdown row between pipes ("| Nimi | kyllä |").
    """
    line = text[start:end]
    if _BULLET.match(line) is not None:
        return None  # "o<TAB>Nimi", "1.<TAB>Nimi": a list's entry, no row
    if "\t" in line.strip():
        found = _TAB_CELL.finditer(text, start, end)
    elif line.startswith("|") and line.endswith("|") and line.count("|") > 2:
        found = _PIPE_CELL.finditer(text, start, end)
    else:
        return None
    cells = [_trimmed(text, *cell.span()) for cell in found]
    return [cell for cell in cells if cell[0] < cell[1]] or None


def _numbered_entry(line: str) -> bool:
    """A numbered line shaped like a list's entry: up to :data:`_NUMBERED_WORDS`, no sentence."""
    line = line.rstrip()
    return (
        len(line.split()) <= _NUMBERED_WORDS
        and not line.endswith(_ENDS_SENTENCE)
        and ":" not in line
    )


def _heading_over_table(text: str, block: Sequence[tuple[int, int]]) -> bool:
    """Whether *block*'s first line heads a table copied as text right under it.

    A heading of a list's kind or a lead-in (its colon), no cell of its own,
    over rows of cells (a rule under the first row allowed), at least one row
    of two or more cells: "Rekisterin tietosisältö" / "Nimi<TAB>pakollinen" /
    "Osoite<TAB>pakollinen" with no blank line between is the heading and a
    table, as with one.
    """
    if len(block) <= _CLEAR_LIST or _row_cells(text, *block[0]) is not None:
        return False
    rows = [
        _row_cells(text, *line)
        for index, line in enumerate(block[1:])
        if index != 1 or _TABLE_RULE.fullmatch(text, *line) is None
    ]
    if any(cells is None for cells in rows) or not any(cells and len(cells) > 1 for cells in rows):
        return False
    first = text[block[0][0] : block[0][1]].rstrip()
    return first.endswith(":") or recognise(first) in _TABLE_KINDS


def _column_names(text: str, cells: Sequence[tuple[int, int]]) -> bool:
    """Whether a table's first row names its columns.

    No number in it, and its first cell names the column of entries: a
    heading's words ("Tarkoitus", "Käyttötarkoitus") or a column's
    ("Tieto", "Vastaanottaja"). "nimi<TAB>pakollinen" is an entry.
    """
    words = [text[start:end] for start, end in cells]
    return (
        len(words) > 1
        and not any(char.isdigit() for word in words for char in word)
        and (recognise(words[0]) is not None or _COLUMN_WORD.match(words[0]) is not None)
    )


#: The headings under which entries one a paragraph with no bullets are a list.
_BARE_KINDS: Final = frozenset({SectionKind.CONTENT, SectionKind.SUBJECTS})


def _marked_sentence(text: str) -> bool:
    """A sentence the page marks as bold or a heading: a full stop after a verb or a denial."""
    flat = " ".join(text.split())
    return (
        flat.endswith(".")
        and len(flat.split()) >= _SENTENCE_WORDS
        and (
            _PASSIVE.search(flat) is not None
            or _FINITE.search(f" {flat} ") is not None
            or _NEGATION.search(flat) is not None
            or _SV_PASSIVE.search(flat) is not None
            or _WE_VERB.search(flat) is not None
        )
    )


#: A Finnish verb in the first person plural ("käytämme", "emme"): a sentence.
_WE_VERB: Final = re.compile(r"(?i)\b\w+mme\b")


#: A marked text of at least this many words ending with a full stop may be a sentence.
_SENTENCE_WORDS: Final = 3


def _labelled_value(line: str) -> bool:
    """A heading's label and its value on one line ("Retention: 5 years", "Mottagare: X").

    The label alone is a heading of the table: the line is read as label and
    value, not taken whole for a heading whose words swallow the value.
    """
    colon = _COLON.search(line)  # not "EU:n", a case ending
    if colon is None or not line[colon.end() :].strip():
        return False
    return recognise(line[: colon.start()]) is not None


def _continues(previous: str, number: int) -> bool:
    """Whether a line numbered *number* goes on with a list whose item *previous* is.

    "2. Laskutus" over "3. …" goes on with the list; "2. …" over "4. Collection of
    personal data" does not: that is the next heading after a list inside section 3.
    """
    numbered = _NUMBERED.match(previous)
    return numbered is not None and int(numbered.group(1)) >= number - 1


def _retitled(line: str, kind: SectionKind | None) -> SectionKind | None:
    """A title's words numbered as a later section name that section: "8. Data protection".

    A notice's own title is its first heading; numbered 2 or more, "Tietosuoja",
    "Dataskydd", "Data protection" head the section on how the data are protected.
    """
    if kind is not SectionKind.TITLE:
        return kind
    numbered = _NUMBERED.match(line)
    if numbered is None or int(numbered.group(1)) < _LATER_SECTION:
        return kind
    return SectionKind.SECURITY if _PROTECTION.fullmatch(normalise(line)) else kind


#: A later section's title words that name the protection of the data, not a notice.
_PROTECTION: Final = re.compile(
    r"(?:tieto|henkilötieto|yksityisyyden)?suoja|(?:data|integritets)?skydd|(?:data )?protection"
    r"|(?:tietosuoja|dataskydd|data protection) (?:ja|och|and) (?:tieto|informations|data )?"
    r"(?:turva|säkerhet|security)"
)


#: A section numbered this or more is no notice's title.
_LATER_SECTION: Final = 2


#: A heading that asks how (the data are processed): it names no data of its own.
_HOW: Final = re.compile(r"(?i)[ \t]*(?:(?:\d{1,2}|[ivx]{1,5})[.)]?[ \t]+)?(?:miten|hur|how)\b")
#: A heading marked up in Markdown: "### Data security", "**Data security**", "__X__".
_MARKDOWN_HEADING: Final = re.compile(r"#{1,6}[ \t]+(?P<a>.+?)[ \t#]*|(\*\*|__)(?P<b>.+?)\2")


#: Opening quotation marks before a line's first word: "“Verkkokaupan asiakasrekisteri”".
_OPENING_QUOTES: Final = "\"'“”„«»‘’"


def _unquoted(text: str) -> str:
    """*text* without the quotation marks that open it (its first word first)."""
    return text.lstrip(_OPENING_QUOTES)


def _without_markup(text: str) -> str:
    """*text* without the Markdown that marks it as a heading (its words, as plain)."""
    match = _MARKDOWN_HEADING.fullmatch(text.strip())
    if match is None:
        return text
    return (match.group("a") or match.group("b")).strip()


def _guessed(
    line: str, *, question: bool = False, numbered: bool = False, long: bool = False
) -> SectionKind | None:
    """The kind of a heading-shaped *line* that the table does not know, from its words.

    A numbered question, or a numbered line whose place makes it a heading (*long*),
    may have more words than others.
    """
    line = _LEGAL_REFERENCE.sub("", unspaced(line))  # "… (EU 2016/679 13 art. 2 a)"
    words = line.split()
    if (
        _MENU.search(line) is not None
        or not words
        # a numbered question may be longer: "4. What is the legal basis for and purpose of …?"
        or len(words) > (_QUESTION_WORDS if numbered and (question or long) else _GUESS_WORDS)
        or (line.rstrip().endswith((".", ",", ";", "!")) and not question)
        or (numbered and len(words) < 3)
        or "@" in line
        or _COLON.search(line.rstrip().rstrip(":")) is not None
        or sum(char.isdigit() for char in line) > 4
        or SENTENCE_BREAK.search(_HEAD_NUMBER.sub("", line, count=1)) is not None
    ):
        return None
    kind = guess(line)
    if kind is SectionKind.CONTENT and _HOW.match(line) is not None:
        return None  # "Miten tietoja käsitellään", "Hur behandlas uppgifterna": names no data
    if (
        kind in {SectionKind.DPO, SectionKind.CONTACT, SectionKind.CONTROLLER}
        and len(words) >= 3
        and not line.isupper()
        and all(word[:1].isupper() for word in words[1:])
        # a heading in Title Case joins its words: "Contact Person For The Register"
        and not any(word.casefold() in _JOINING_WORDS for word in words[1:])
    ):
        return None  # "Tietosuojavastaava Kaisa Vuorinen": a role and a name, not a heading
    return kind


#: Words that join a heading's words and are no part of a person's name.
_JOINING_WORDS: Final = frozenset(
    {"for", "the", "of", "and", "in", "to", "is", "who", "whom", "för", "av", "och", "i", "om"}
    | {"ja", "tai", "sekä", "kuka", "keneen", "vem", "är"}
)


_COUNTRIES: Final = frozenset({"suomi", "finland", "sverige", "sweden", "norge", "eesti"})


def _speaks_of(kind: SectionKind | None, sentence: str) -> bool:
    """Whether *sentence* speaks of the field of a section of *kind*, by its cue words.

    The cues of sentences, not a heading's key words ("peruste" in "perustettiin").
    """
    return kind is not None and _FAMILY.get(kind, kind) in _cues(sentence.casefold())


def _contact_line(line: str) -> bool:
    """A short line of a contact block that looks like a heading.

    A country, "Role Name", a role alone ("Yhdistyssihteeri"), a role in words
    before a person's name ("Päiväkodin johtaja Aino Laine"), or the matters
    the person below answers for ("Varainhankintaa koskevissa rekisteriasioissa").
    """
    words = line.split()
    return (
        line.strip().casefold() in _COUNTRIES
        or (len(words) >= 2 and all(word[:1].isupper() for word in words) and not line.isupper())
        or (len(words) <= 3 and ROLE.search(line) is not None)
        or (
            len(words) <= _ROLE_NAME_WORDS
            and ROLE.search(" ".join(words[:-2])) is not None
            and looks_like_person(" ".join(words[-2:]))
        )
        or MATTERS.search(line) is not None
    )


#: A role in words and a person's name on one contact line have at most this many words.
_ROLE_NAME_WORDS: Final = 6
#: A heading of more words than this that holds a finite verb is a sentence.
_STATEMENT_WORDS: Final = 6


def _statement(line: str) -> bool:
    """A sentence that starts like a heading: "Syftet med behandlingen … är att hålla kontakt"."""
    stripped = line.rstrip()
    return (
        len(line.split()) > _STATEMENT_WORDS
        and _FINITE.search(f" {stripped} ") is not None
        and not stripped.endswith((":", "?"))
    )


def _sub(kind: SectionKind | None, heading: str) -> str | None:
    if kind in {SectionKind.SECURITY_MANUAL, SectionKind.SECURITY_ELECTRONIC}:
        return sub_label(heading)
    return None


def split(
    text: str,
    *,
    heading_spans: Sequence[tuple[int, int]] = (),
    item_starts: Collection[int] = (),
    html: bool = False,
) -> list[Section]:
    """Split *text* into sections, each a heading and the pieces under it."""
    splitter = _Splitter(text, heading_spans=heading_spans, item_starts=item_starts, html=html)
    pieces = splitter.split()
    for piece in pieces:
        if piece.kind == "heading" and piece.start in splitter.sentence_glued:
            piece.promoted = True
    _lone_entries_headed(text, pieces)
    _glued_heads_apart(text, pieces, splitter.heading_ends)
    sections = [Section(None, None)]
    for piece in pieces:
        if piece.kind == "heading":
            piece.guessed = _was_guessed(text, piece)
            sections.append(Section(piece.section, piece))
        else:
            sections[-1].pieces.append(piece)
    if not sections[0].pieces:
        sections.pop(0)
    _resume_after_promoted(sections)
    _groups(text, sections)
    _subheadings(text, sections)
    settle(text, sections)  # a guessed heading must agree with its section's text
    # a guessed heading that its text did not bear out names no field now: under a
    # heading with no text of its own, it is one of its parts after all (K29)
    _subheadings(text, sections)
    return sections


#: English words that head the data content or the register's general block alike:
#: "Register information", "Information of the register" (R8-1).
_GENERAL_OR_DATA: Final = re.compile(
    r"(?:the )?regist(?:er|ry)(?:'s)? information|information (?:of|on) the regist(?:er|ry)"
)
#: The first line after a heading, as far as :func:`_general_block` reads it.
_NEXT_LINE: Final = re.compile(r"\s*([^\n]{1,200})")


def _general_block(text: str, piece: Piece) -> bool:
    """Whether a data heading in words of the general block heads another field's labelled line.

    "1. Register information" over "Name of the register: …" or "Controller: X Ltd, …":
    the block of the register's general facts, not its data content (R8-1).
    """
    if piece.section is not SectionKind.CONTENT:
        return False
    if _GENERAL_OR_DATA.fullmatch(normalise(text[piece.start : piece.end])) is None:
        return False
    following = _NEXT_LINE.match(text, piece.end)
    if following is None:
        return False
    line = following.group(1)
    colon = _COLON.search(line)
    if colon is None:
        return False
    label = recognise(line[: colon.start()])
    return label is not None and label is not SectionKind.CONTENT


def _resume_after_promoted(sections: list[Section]) -> None:
    """A heading made from one paragraph inside another field's section heads that paragraph only.

    "Rekisterin käyttötarkoitus" / … / "Kuinka kauan tietoja säilytetään? Tietoja
    säilytetään …" / more purposes: the question heads its answer, and the
    purposes' section resumes after it (a section of that kind, no heading of its
    own), not the retention's (R4-15). Under no heading or a title, a promoted
    heading is the notice's own and heads what follows. In place.
    """
    real: SectionKind | None = None
    index = 0
    while index < len(sections):
        section = sections[index]
        index += 1
        heading = section.heading
        if heading is None:
            continue
        if not heading.promoted:
            real = section.kind
            continue
        if (
            real not in (None, SectionKind.TITLE)
            and real is not section.kind
            and len(section.pieces) > 1
        ):
            rest = section.pieces[1:]
            del section.pieces[1:]
            sections.insert(index, Section(real, None, rest))


#: A lone entry read as a heading has at most this many words ("• Tietojen säilyttäminen").
_LONE_WORDS: Final = 8
#: What ends a sentence or a list's entry (not a heading): a lone entry ending so stays one.
_LONE_ENDS: Final = (".", ",", ";", "!")


def _lone_entries_headed(text: str, pieces: list[Piece]) -> None:
    """A list's entry alone over a paragraph that speaks of the field its words name: a heading.

    "• Tietojen säilyttäminen" / "Tietoja säilytetään kaksi vuotta …", "- Why we
    use your data" / "We use your data to …", "1. Tietojen luovutus" / "1. …" with
    every heading numbered "1.": a bullet or a number makes such a line look like a
    list's entry, but an entry alone (no entry before it, no lead-in) with a
    paragraph under it heads that paragraph. Two signals must agree (T3, session
    12): the line's own words name a field other than the section's
    (:func:`_lone_kind`) and the paragraph's first sentences speak of that field
    by the cue words the extractor reads sentences by (:func:`_content_agrees`).
    Once one entry of a mark ("•", "-", a number) is so read, the notice uses that
    mark for headings: its other lone entries head their paragraphs too, of the
    field their words name or of none (the section's text then decides, or the
    text stays unmapped: :func:`rekisteri.importer._agree.settle`). Alone, words
    or text are too weak: the line stays an entry and its paragraph follows the
    section above, as before. The heading is marked as guessed. In place.
    """
    lone = [index for index in range(len(pieces)) if _lone_entry(text, pieces, index)]
    lone_set = set(lone)
    headed: set[str] = set()
    current: SectionKind | None = None
    kinds: dict[int, SectionKind | None] = {}
    for index, piece in enumerate(pieces):
        if piece.kind == "heading":
            current = piece.section
        elif index in lone_set:
            kind = _lone_kind(text[piece.content_start : piece.end])
            kinds[index] = kind
            if (
                kind is not None
                and kind is not current
                and _content_agrees(kind, text, pieces[index + 1])
            ):
                headed.add(_mark(text, piece))
                current = kind
    if headed:
        _head_lone(text, pieces, lone_set, headed, kinds)


def _head_lone(
    text: str,
    pieces: list[Piece],
    lone: set[int],
    headed: set[str],
    kinds: dict[int, SectionKind | None],
) -> None:
    """Make the lone entries of the *headed* marks headings, where the mark heads the notice.

    Under a heading of a field that is no lone entry (a real "Käyttötarkoitus"
    heading with bulleted sub-topics over paragraphs), an entry is a heading only
    when its own words and text name another field; it is otherwise a part of
    that field, as before. Under no heading, a title or an entry already made a
    heading, every lone entry of the mark heads its paragraph.
    """
    current: SectionKind | None = None
    by_mark = True
    for index, piece in enumerate(pieces):
        if piece.kind == "heading":
            current = piece.section
            by_mark = current in (None, SectionKind.TITLE)
            continue
        if index not in lone or _mark(text, piece) not in headed:
            continue
        kind = kinds[index]
        if not by_mark and (
            kind is None or kind is current or not _content_agrees(kind, text, pieces[index + 1])
        ):
            continue
        pieces[index] = Piece(
            "heading", piece.start, piece.end, piece.lines, piece.start, kind, promoted=True
        )
        current, by_mark = kind, True


def _lone_entry(text: str, pieces: list[Piece], index: int) -> bool:
    """Whether piece *index* is an entry alone (no entry, no lead-in before it) over a paragraph."""
    if pieces[index].kind != "item" or index + 1 >= len(pieces) or pieces[index + 1].kind != "para":
        return False
    if index == 0:
        return True
    before = pieces[index - 1]
    return before.kind == "heading" or (
        before.kind == "para" and not text[before.start : before.end].rstrip().endswith(":")
    )


def _mark(text: str, piece: Piece) -> str:
    """An entry's mark: its bullet signs ("•", "-"), "1." for a number, "" for a page's item."""
    marks = _MARKS.match(text, piece.start, piece.end)
    if marks is not None:
        return "".join(marks.group().split())
    return "1." if _HEAD_NUMBER.match(text[piece.start : piece.end]) else ""


def _lone_kind(line: str) -> SectionKind | None:
    """The field a lone entry's words name, when it is shaped like a heading (else ``None``)."""
    line = _HEAD_NUMBER.sub("", " ".join(line.split()), count=1).rstrip(" :")
    if not line or len(line.split()) > _LONE_WORDS or line.endswith(_LONE_ENDS):
        return None
    kind = recognise(line) or _guessed(line, question=line.endswith("?"))
    return None if kind is SectionKind.TITLE else kind


#: A paragraph's first sentences looked at for its field (its start says what it is about).
_AGREE_SENTENCES: Final = 3
_AGREE_SPLIT: Final = re.compile(r"(?<=[.!?])\s+")
#: What a party's block holds: an e-mail, a Y-tunnus, a postal code.
_PARTY_VALUE: Final = re.compile(r"@|\b[0-9]{7}-[0-9]\b|\b[0-9]{5}\b")


def _content_agrees(kind: SectionKind, text: str, para: Piece) -> bool:
    """Whether a paragraph's first sentences speak of *kind*'s field (a party: give its details)."""
    body = text[para.content_start : para.end]
    if kind in _CONTACT_KINDS:
        return _PARTY_VALUE.search(body) is not None
    sentences = _AGREE_SPLIT.split(" ".join(body.split()), maxsplit=_AGREE_SENTENCES)
    return any(_speaks_of(kind, sentence) for sentence in sentences[:_AGREE_SENTENCES])


#: A question that opens a paragraph, its answer after it on the same line:
#: "How long do we keep it? We keep …", "Mihin tietoja käytetään? Laskutukseen."
_GLUED_QUESTION: Final = re.compile(r"[ \t]*([^.?!:;\n]{3,120}\?)[ \t]+(?=[\"“”'(]?[A-ZÄÖÅ0-9])")
#: A label before a dash that opens a paragraph: "Luovutukset – Tietoja ei luovuteta …";
#: the value in lower case only after a heading of the table (see _dash_label()).
_DASH_LABEL: Final = re.compile(
    r"[ \t]*((?:\d{1,2}[.)][ \t]+)?[A-ZÄÖÅ][^\n–—:.?!,;]{2,60}?)[ \t]+[–—-][ \t]+(?=\S)"
)
#: A dash label has at most this many words.
_DASH_WORDS: Final = 5


def _glued_heads_apart(text: str, pieces: list[Piece], marked: Collection[int] = ()) -> None:
    """A paragraph that opens with a heading glued to its text: the heading apart.

    Two shapes of a page written without line breaks after its headings
    (T3, session 12): a question naming a field, its answer after it ("What do
    we use the data for? We use your data to …"), read as a question heading
    of the field its words name (marked as guessed: :func:`rekisteri.importer._agree.settle`
    hears it against the answer); and a label before a dash ("Luovutukset –
    Tietoja ei luovuteta …"), a heading of the table, or one whose words name
    a field its text speaks of (:func:`_content_agrees`). Otherwise the
    paragraph stays whole, as before. In place.
    """
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece.kind == "heading" and piece.start not in marked:
            found = _dash_heading_apart(text, piece)
        elif piece.kind != "para" or piece.content_start != piece.start:
            continue
        else:
            found = _glued_question(text, piece) or _dash_label(text, piece)
        if found is None:
            continue
        kind, head_end, answer = found
        first_end = piece.lines[0][1]
        pieces[index - 1] = Piece(
            "heading",
            piece.start,
            head_end,
            [(piece.start, head_end)],
            piece.start,
            kind,
            # a heading parted from its value heads what follows it, as it did whole
            # (R9-3); a paragraph's opening heads only that paragraph
            promoted=piece.kind != "heading" or piece.promoted,
        )
        lines = [(answer, first_end), *piece.lines[1:]]
        pieces.insert(index, Piece("para", answer, piece.end, lines, answer))
        index += 1


def _glued_question(text: str, piece: Piece) -> tuple[SectionKind, int, int] | None:
    """A question naming a field that opens *piece*'s first line: (kind, its end, text's start)."""
    first_end = piece.lines[0][1]
    asked = _GLUED_QUESTION.match(text, piece.start, first_end)
    if asked is None or asked.end() >= first_end:
        return None
    question = asked.group(1)
    if len(question.split()) > _GUESS_WORDS:
        return None
    kind = _guessed(question, question=True)
    if kind is None or kind is SectionKind.TITLE:
        return None
    return kind, piece.start + len(asked.group(0).rstrip()), asked.end()


def _dash_label(text: str, piece: Piece) -> tuple[SectionKind, int, int] | None:
    """A label naming a field before a dash opening *piece*: (kind, its end, text's start)."""
    first_end = piece.lines[0][1]
    labelled = _DASH_LABEL.match(text, piece.start, first_end)
    if labelled is None or labelled.end() >= first_end:
        return None
    label = labelled.group(1)
    if len(_HEAD_NUMBER.sub("", label).split()) > _DASH_WORDS:
        return None
    table = recognise(label)
    if not _capital_or_digit(text[labelled.end()]) and (
        table in {None, SectionKind.TITLE} or table in _CONTACT_KINDS
    ):
        # "Rekisterin tietosisältö – nimi, osoite …": a value in lower case (a list, a
        # phrase) after a heading of the table; a guessed label or a party's needs a capital
        return None
    kind = table or _guessed(label)
    if kind is None or kind is SectionKind.TITLE or (table is None and kind in _CONTACT_KINDS):
        return None
    value = Piece("para", labelled.end(), piece.end, piece.lines, labelled.end())
    if table is None and not _content_agrees(kind, text, value):
        return None
    return kind, piece.start + len(labelled.group(0).rstrip()), labelled.end()


def _capital_or_digit(char: str) -> bool:
    return char.isupper() or char.isdigit()


def _dash_heading_apart(text: str, piece: Piece) -> tuple[SectionKind, int, int] | None:
    """A line taken whole for a guessed heading that is a heading of the table, a dash, a value.

    "Rekisterin tietosisältö – nimi, osoite ja henkilötunnus" alone in its
    block: the table knows the label, not the line, and the value is the
    section's first text (A15's V40): (kind, the label's end, the value's start).
    A line the table knows whole (its words after the dash guessed of the same
    kind: "Rekisteröidyn oikeudet – tarkastus, oikaisu ja poisto") is parted
    only when they are a list in lower case; a subtitle stays ("… – Grund för
    att upprätthålla registret"). Any other line is parted only when its words
    after the dash are a list too (a comma, "ja", "och", "and"): a translation
    or a subtitle ("Tietoturva – Dataskydd", "Evästeet – yleistä") stays whole
    (R9-3). A heading marked as one (HTML, Markdown) stays whole.
    """
    if len(piece.lines) != 1:
        return None
    found = _dash_label(text, piece)
    if found is None or recognise(text[piece.start : found[1]]) is None:
        return None
    if not _LIST_JOINER.search(text, found[2], piece.end):
        # "Tietoturva – Dataskydd", "Evästeet – yleistä": a translation or a subtitle,
        # not the section's value (R9-3)
        return None
    if recognise(text[piece.start : piece.end]) is not None and _capital_or_digit(text[found[2]]):
        return None
    return found


#: What joins the items of a list written on one line.
_LIST_JOINER: Final = re.compile(r",|\s(?:ja|sekä|och|samt|and)\s")


def _groups(text: str, sections: list[Section]) -> None:
    """Headings of no field over list entries after a lead-in: groups of that list.

    "Rekisterissä on:" / "Jäsenyys" / "• Jäsenmaksut" / "Leirit" / "• Ilmoittautumiset":
    the short headings name groups of the data the lead-in opens, and their
    entries are that section's (in place: such a heading takes its kind).
    """
    open_kind: SectionKind | None = None
    for section in sections:
        piece = section.heading
        if piece is None:
            continue
        if section.kind is not None:
            last = section.pieces[-1] if section.pieces else None
            leads_in = last is not None and text[last.start : last.end].rstrip().endswith(":")
            open_kind = section.kind if section.kind in _LIST_KINDS and leads_in else None
        elif open_kind is not None and any(p.kind == "item" for p in section.pieces):
            section.kind = piece.section = open_kind
            piece.inherited = True
        else:
            open_kind = None


#: Kinds whose heading may stand over sub-headings of no field (not a party, a name, a title).
_PARENT_KINDS: Final = frozenset(SectionKind) - {
    SectionKind.TITLE,
    SectionKind.CONTROLLER,
    SectionKind.CONTACT,
    SectionKind.DPO,
    SectionKind.NAME,
    SectionKind.CHANGES,
}


#: A heading of a notice's introduction or summary ("Yleistä", "General"): under an empty
#: heading of a field ("3. Your rights" / "General" / …) it is one of that field's parts.
_INTRO: Final = re.compile(
    "yleistä|johdanto|tiivistelmä|yhteenveto|allmänt|inledning|sammanfattning|general"
    "|introduction|summary|overview"
)


def _subheadings(text: str, sections: list[Section]) -> None:
    """Unnumbered headings of no field right under a known heading with no text: its parts.

    "3. Purpose of Processing" / "Employer obligations" / text / "Grants" / text:
    the heading opens no text of its own, the short headings under it divide
    its section, and they take its kind (in place) until a heading that names
    a field or is numbered. Under the purposes each names a purpose. A heading of
    the notice's own text ("General", "Yleistä") there is a part too: "3. Your
    rights" / "General" / text / "Right of access" / text (:data:`_INTRO`).
    """
    parent: SectionKind | None = None
    named = False  # whether a party's section came before (the controller is named)
    for section in sections:
        piece = section.heading
        if piece is None or (piece.part and section.kind is parent):
            continue  # (a part found before: its parent's parts go on)
        # (the pattern's "^" holds only at the string's start: match the heading's own text)
        numbered = _HEAD_NUMBER.match(text[piece.start : piece.end]) is not None
        part_of_text = (
            section.kind is SectionKind.TITLE
            and parent is not None
            and _INTRO.fullmatch(normalise(text[piece.start : piece.end])) is not None
        ) or (
            parent is SectionKind.CONTENT
            and named
            and not numbered
            and section.kind in _CONTACT_KINDS
            and _labels_only(text, section.pieces)
        )
        named = named or (section.kind in _CONTACT_KINDS and bool(section.pieces))
        if (section.kind is not None and not part_of_text) or numbered:
            empty = not section.pieces and section.kind in _PARENT_KINDS
            parent = section.kind if empty else None
        elif (
            parent is not None
            and section.pieces  # a line alone at the end is a value, not a part's heading
            and not other_matters(text[piece.start : piece.end])
        ):
            if parent is SectionKind.CONTENT and not _names_data(text, piece, section.pieces):
                parent = None  # "Children" / prose of no data: another topic, the parts end
                continue
            section.kind = piece.section = parent
            piece.inherited = piece.part = True
            if parent is SectionKind.PURPOSES:
                piece.sub = text[piece.start : piece.end].strip(" \t.:")


def _labels_only(text: str, pieces: list[Piece]) -> bool:
    """Whether *pieces* are a list of data items and no party's contact details.

    "Rekisterin tietosisältö" / "Yhteystiedot" / "- nimi" / "- osoite": under the data
    heading, after the controller's own section, a group of data named after contact
    details is data ("nimi", "osoite"), not a party's name, address or e-mail.
    """
    items = [text[piece.start : piece.end] for piece in pieces]
    return (
        bool(items)
        and all(piece.kind == "item" for piece in pieces)
        and all(DATA_ITEM.search(item.casefold()) for item in items)
        and not any("@" in item or any(char.isdigit() for char in item) for item in items)
    )


def _names_data(text: str, heading: Piece, pieces: list[Piece]) -> bool:
    """Whether a part under the data heading is about data: its heading or a list names data.

    "Account details" / …, "Palvelussa on" / "– käyttäjien henkilötietoja", or text
    that names an item of data ("the server logs your IP address"); not "Children" /
    "Our shop is not meant for children …" nor "Social media" / "We have pages on …".
    """
    return (
        is_data_item(text[heading.start : heading.end])
        or any(piece.kind == "item" for piece in pieces)
        or any(DATA_ITEM.search(text[piece.start : piece.end].casefold()) for piece in pieces)
        or _data_phrase(text, pieces)
    )


#: A part's text that opens with its keeper: "We bake …", "Our shop is …", "Meillä on …".
_WE: Final = re.compile(r"(?i)(?:we|our|me|meillä|meidän|vi|vår|vårt|våra)(?!\w)")
#: A part's text that is one short noun phrase has at most this many words.
_PHRASE_WORDS: Final = 14


def _data_phrase(text: str, pieces: list[Piece]) -> bool:
    """Whether a part's text is one short sentence of what is kept, not of the keeper (R4-6).

    "Survey answers" / "Your answers to our customer surveys.", "Purchases" /
    "What you have bought and when.": a data category that names no item of
    :data:`DATA_ITEM`; not "We bake in a kitchen that also handles nuts …".
    """
    body = " ".join(text[piece.start : piece.end] for piece in pieces if piece.kind == "para")
    words = body.split()
    return (
        0 < len(words) <= _PHRASE_WORDS
        and body.count(". ") == 0
        and _WE.match(body.lstrip(" \t\n•*-–")) is None
    )


def _was_guessed(text: str, piece: Piece) -> bool:
    """Whether a heading's kind was read from its words: the table knows neither it nor its line."""
    if piece.section in {None, SectionKind.TITLE} or piece.inherited:
        return False
    first = piece.lines[0] if piece.lines else (piece.start, piece.end)
    return recognise(text[piece.start : piece.end]) is None and (
        recognise(text[first[0] : first[1]]) is None
    )


def heading_text(text: str, piece: Piece) -> str:
    """The heading as shown, on one line, without numbering or a trailing colon or dash."""
    joined = " ".join(text[piece.start : piece.end].split()).rstrip(" :.–—-")
    plain = normalise(joined)
    return joined[len(joined) - len(plain) :] if joined.casefold().endswith(plain) else joined
