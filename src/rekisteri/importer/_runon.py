"""Run-on text (a PDF pasted as a few page-long lines): its headings put on lines of their own.

A notice copied out of a PDF viewer often arrives as one line a page: "… Upprättad:
1. Registrets namn Kustbygdens patientregister 2. Registeransvarig …". The
splitter reads lines, so such a notice would be one paragraph under no heading.
:func:`unwrapped` finds where its headings start and turns the space before each
into a line break: the text keeps its length, so every offset stays valid.

Two kinds of start are read, only in a text whose run-on lines hold most of it:

* headings numbered in sequence: "1. …", "2. …", "3. …" (at least three, and two
  of them opening with a heading the table knows): a list inside a sentence is
  numbered too, but its entries are no headings. They are followed over every
  line, and a line holding two of them is run-on whatever its length: a PDF's
  lines break anywhere, and the breaks left inside a section (after a heading's
  number, inside a heading or a sentence) are made spaces (:func:`_rejoined`);
* else headings the table knows glued to their value: "Registrets datainnehåll
  Fiskarens namn …" (at least three): the words must be a known heading and the
  value must start with a capital, as :func:`~rekisteri.importer._structure`
  requires of such a line anyway.

:func:`dash_glued` reads another flattening: a web page's list of headings pasted
so that each heading ends the line before it, after a dash ("… 70600 Kuopio -
Rekisterin nimi"). The dash and its spaces become line breaks.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Final

from rekisteri.importer._headings import (
    MAX_HEADING,
    SectionKind,
    may_start_with_heading,
    recognise,
)
from rekisteri.importer._structure import _GLUED_KINDS, _glued_heading

#: A line at least this long is run-on text (a paragraph is rarely so long).
RUN_ON: Final = 400
#: At least this many heading starts are needed to read the text as run-on.
_STARTS: Final = 3
#: Of numbered starts, at least this many must open with a known heading.
_KNOWN: Final = 2
#: Texts longer than this are not looked at (no notice is so long; the reading is linear).
_LONGEST: Final = 500_000
#: A number opening a heading: after a space, or at a line's start ("1. Rekisterinpitäjä …").
#: A line break may follow the number: a PDF's line broke between it and its heading.
_NUMBERED: Final = re.compile(
    r"(?:(?<=[ \t])|(?<=^))([0-9]{1,2})\.(?:[ \t]+|(\r?\n))(?=[A-ZÄÖÅ])", re.MULTILINE
)
#: A numbered heading's start inside a line: "… itseltään. 7. Tietojen luovutukset".
_MID_LINE: Final = re.compile(r"[ \t][0-9]{1,2}\.[ \t]+[A-ZÄÖÅ]")
#: A heading's number and the line break after it.
_AFTER_NUMBER: Final = re.compile(r"[0-9]{1,2}\.(\r?\n)")
#: A line ending so ends its sentence or its lead-in: the break after it is the text's own.
_SENTENCE_ENDS: Final = frozenset(".:;!?")
_CAPITAL: Final = re.compile(r"(?<=[ \t])[A-ZÄÖÅ][a-zäöå]")


def _lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each non-blank line."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        length = len(line.rstrip("\r\n"))
        if line.strip():
            spans.append((position, position + length))
        position += len(line)
    return spans


def _run_on(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the lines *spans* hold most of the non-blank text."""
    non_blank = len(text) - sum(char.isspace() for char in text)
    return 2 * sum(end - start for start, end in spans) >= non_blank


def _holding(text: str, spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The lines of *spans* that are long or hold two heading starts of *starts* at least.

    A line of two numbered headings and their text is run-on whatever its
    length: a PDF page pasted in a few lines may break anywhere ("… 5.
    Rekisterin tietosisältö …" / "6. Säännönmukaiset tietolähteet … 7. …"). So
    is each line of a paragraph (lines with single breaks between them) where
    two headings start inside a line or at its end, not at its start: a PDF
    page wrapped at its width ("… Tampere 2." / "Rekisterin nimi … 3. Rekisterin
    käyttötarkoitus" / …); a notice's own headings open their lines.
    """
    held: list[tuple[int, int]] = []
    block: list[tuple[int, int, bool]] = []  # a paragraph's lines, each: a run-on line?
    inside = 0  # heading starts of the paragraph not at a line's start
    index = 0
    for start, end in spans:
        if block and text.count("\n", block[-1][1], start) != 1:
            held += [(first, last) for first, last, own in block if own or inside >= 2]
            block, inside = [], 0
        count = 0
        while index < len(starts) and starts[index] < end:
            if starts[index] >= start:
                count += 1
                inside += bool(text[start : starts[index]].strip())
            index += 1
        block.append((start, end, count >= 2 or end - start >= RUN_ON))
    held += [(first, last) for first, last, own in block if own or inside >= 2]
    return held


def _numbered_starts(text: str) -> list[int]:
    """Where "1. …", "2. …", … start, in order over the long lines; none if fewer than three.

    Every "1." may start the chain, and a list numbered inside a section ("…
    tarkoituksiin: 1. Laskutus 2. Markkinointi 3. …") is such a chain too: of the
    chains ending in each number the one with more entries that open with a known
    heading is kept (the later one if as many), and the best chain of all is taken.
    """
    best: dict[int, tuple[int, tuple[int, ...]]] = {}  # last number -> (known, starts)
    for match in _NUMBERED.finditer(text):
        number = int(match.group(1))
        before = (0, ()) if number == 1 else best.get(number - 1)
        if before is None:
            continue
        head = text[match.start() : match.start() + MAX_HEADING]
        opens = may_start_with_heading(head.replace("\r", " ").replace("\n", " "))
        chain = (before[0] + opens, (*before[1], match.start()))
        if number not in best or chain[0] >= best[number][0]:
            best[number] = chain
    known, starts = max(best.values(), key=lambda item: (item[0], len(item[1])), default=(0, ()))
    return list(starts) if len(starts) >= _STARTS and known >= _KNOWN else []


def _inside(text: str, at: int) -> bool:
    """Whether the heading start *at* stands inside its line, not at the line's start.

    A notice whose numbered headings all open their lines, over long paragraphs,
    is read line by line: its breaks are its own, not a PDF's.
    """
    return bool(text[text.rfind("\n", 0, at) + 1 : at].strip())


def _rejoined(text: str, starts: list[int]) -> str:
    """*text* with the line breaks a PDF left inside its numbered sections made spaces.

    A page pasted in a few lines breaks anywhere: after a heading's number ("…
    Helsinki 2." / "Yhteyshenkilö …": the number goes to the next line), inside a
    heading ("3. Rekisterin" / "nimi …") or a sentence ("… ei siirretä" / "EU:n
    …"). A single break after a line that holds a heading start and ends with no
    end of a sentence, before a letter, is such a break: each section becomes one
    line "N. Heading text", as a paste on one line reads. Same length.
    """
    chars = list(text)
    for at in starts:
        number = _AFTER_NUMBER.match(text, at)
        if number is not None:
            chars[number.start(1) : number.end(1)] = " " * len(number.group(1))
    text = "".join(chars)
    lines = _lines(text)
    holds = {bisect.bisect_right(lines, (at, len(text))) - 1 for at in starts}
    for index, (start, end) in enumerate(lines[:-1]):
        below = lines[index + 1][0]
        if (
            index in holds
            and text.count("\n", end, below) == 1
            and text[start:end].rstrip()[-1:] not in _SENTENCE_ENDS
            and text[below].isalpha()
        ):
            chars[end:below] = " " * (below - end)
            holds.add(index + 1)  # one line with the heading's: "… ei siirretä" / "EU:n tai" / …
    return "".join(chars)


def _glued_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where a known heading glued to its value starts; none if fewer than three.

    A party's or the name's heading is taken once, the first time: a notice names
    its controller under one heading, and a later "Rekisterinpitäjä Esimerkki Oy
    voi …" is a sentence about it.
    """
    starts = []
    once: set[SectionKind] = set()
    for start, end in spans:
        for match in _CAPITAL.finditer(text, start, end):
            at = match.start()
            head = text[at : min(end, at + MAX_HEADING)]
            glued = _glued_heading(head) if may_start_with_heading(head) else None
            if glued is None or glued[0] in once:
                continue
            if glued[0] in _GLUED_KINDS:
                once.add(glued[0])
            starts.append(at)
    return starts if len(starts) >= _STARTS else []


def _value_starts(text: str, starts: list[int]) -> list[int]:
    """Where the value after each heading that starts at *starts* begins, if it is known.

    A heading the table knows followed by a capitalised word ("Registerförare
    Fiskevårdscentralen …"): the value goes on a line of its own, as the heading
    of a party or a name must stand alone on a long line to be read as one.
    """
    values = []
    for at in starts:
        glued = _glued_heading(text[at : at + MAX_HEADING].split("\n", 1)[0])
        if glued is not None and text[at + glued[1]] in " \t":
            values.append(at + glued[1] + 1)
    return values


def _has_headings(text: str) -> bool:
    """Whether *text* has headings on lines of their own over their text (no run-on).

    Three lines at least that are known headings, each followed by a line that is
    none: a notice of long paragraphs under headings. A table of contents (heading
    lines one after another) does not count: a run-on body may follow it.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    heads = [len(line) <= MAX_HEADING and recognise(line) is not None for line in lines]
    over_text = sum(head and not below for head, below in itertools.pairwise(heads))
    return over_text >= _STARTS


def unwrapped(text: str) -> str:
    """*text* with a line break before each heading of its run-on lines (same length).

    Text that is not run-on is returned as it is.
    """
    if len(text) > _LONGEST:
        return text
    lines = _lines(text)
    spans = [(start, end) for start, end in lines if end - start >= RUN_ON]
    if not (spans or _MID_LINE.search(text)):
        return text
    # the numbered headings are followed over every line: a PDF's lines break anywhere
    starts = _numbered_starts(text)
    if (
        any(_inside(text, at) for at in starts)
        and _run_on(text, _holding(text, lines, starts))
        and not _has_headings(text)
    ):
        return _broken(_rejoined(text, starts), starts)
    starts = []
    if spans and _run_on(text, spans):
        # unnumbered: each heading's value on a line of its own too (a numbered
        # heading and its value on one line are read as such, see _structure)
        starts = _glued_starts(text, spans)
        starts += _value_starts(text, starts)
    if not starts or _has_headings(text):
        return text
    return _broken(text, starts)


def _broken(text: str, starts: list[int]) -> str:
    """*text* with a line break before each of *starts* (same length)."""
    chars = list(text)
    for at in starts:
        if at > 0 and chars[at - 1] in " \t":  # a heading at a line's start has its break
            chars[at - 1] = "\n"
    return "".join(chars)


#: A heading glued to the end of a line after a dash: "… Kuopio - Rekisterin nimi".
_DASH_GLUED: Final = re.compile(
    r"(?<=\S)([ \t])[-\u2013\u2014][ \t]+((?:(?![ \t][-\u2013\u2014][ \t])[^\n])+)$", re.MULTILINE
)
#: At least this many lines must end so: one such line is a title or a list entry.
_DASH_LINES: Final = 2


def _dash_heading(text: str, match: re.Match[str]) -> bool:
    """Whether the words after *match*'s dash are a known heading the text before is not.

    "Rekisterin nimi – Registrets namn" is one heading in two languages and
    "Kahvila Oy – tietosuojaseloste" a title: neither is a heading glued on.
    """
    tail = match.group(2).strip()
    if len(tail) > MAX_HEADING or recognise(tail) in (None, SectionKind.TITLE):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start : match.start()]
    if sum(char.isalpha() for char in before) < 3:  # "1. – 2. Rekisterinpitäjä"
        return False
    return len(before) > MAX_HEADING or recognise(before) is None


#: Headings of parts of one field: a list of them ("… - Right of access") is one section.
_FAMILY: Final = {
    SectionKind.ACCESS: SectionKind.OTHER_RIGHTS,
    SectionKind.RECTIFICATION: SectionKind.OTHER_RIGHTS,
    SectionKind.SECURITY_MANUAL: SectionKind.SECURITY,
    SectionKind.SECURITY_ELECTRONIC: SectionKind.SECURITY,
}


def _listed(text: str, found: list[re.Match[str]]) -> set[int]:
    """The indexes of *found* on lines right after one another ending in headings of one field.

    "You may ask to see your data - Right of access" / "You may ask us to correct
    it - Right to rectification" is a list of rights, each with its name: a
    flattened page glues the heading of the NEXT field to a section's text.
    """
    listed: set[int] = set()
    for index in range(1, len(found)):
        above, below = found[index - 1], found[index]
        kinds = [recognise(match.group(2).strip()) for match in (above, below)]
        families = [_FAMILY.get(kind, kind) for kind in kinds if kind is not None]
        next_line = text.rfind("\n", 0, below.start()) + 1 == above.end() + 1
        if next_line and len(families) == 2 and families[0] == families[1]:
            listed.update((index - 1, index))
    return listed


def dash_glued(text: str) -> str:
    """*text* with a line break before each heading glued on after a dash (same length).

    Read only where at least two lines end with a known heading after " - ": the
    mark of a flattened page, not of one title or list entry. The spaces and the
    dash become line breaks: the heading stands alone after a blank line, as it
    stood on the page (not as one more entry of a list that ends the section).
    """
    if len(text) > _LONGEST:
        return text
    found = [match for match in _DASH_GLUED.finditer(text) if _dash_heading(text, match)]
    listed = _listed(text, found)
    glued = [
        (match.start(1), match.start(2)) for index, match in enumerate(found) if index not in listed
    ]
    if len(glued) < _DASH_LINES:
        return text
    chars = list(text)
    for start, end in glued:
        chars[start:end] = "\n" * (end - start)
    return "".join(chars)
