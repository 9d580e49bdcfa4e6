"""Footnote marks and their legends: no part of a name, no entry of their own.

A notice may mark some entries of a list with a footnote and explain the mark
under the list: "- nimi*" / "- osoite*" / "* pakollinen tieto", or "asiakassuhteen
hoitamiseen¹ ja laskutukseen." / "¹ perustuu sopimukseen". The mark glued to the
end of a word is no part of the entry's name ("Nimi", not "Nimi*"; not the
made-up "Asiakassuhti" from "hoitamiseen¹"), and the legend is no entry ("Pakollinen
tieto" is not a data category): it says something about each entry that carries
its mark, so it becomes their description. A legend explains the marks above
it up to the last legend of the same mark that explained some ("- nimi*" / "*
pakollinen" / "- osoite*" / "* vapaaehtoinen": each item its own). A legend
whose marked entries are not found is left unread: listed as not mapped, never
guessed into a field.

:func:`find` reads the marks and legends of a text; :meth:`Footnotes.unmarked`
is the text the extractor reads (marks and legends replaced by spaces, so every
offset stays); :func:`attach` gives each legend to its entries once the
extractor has read the text.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rekisteri.importer._builder import Builder

#: A footnote mark glued to the end of a word: one to three stars (with a closing
#: bracket: "*)"), one or two superscript digits, a dagger, ending the word (a space,
#: a punctuation mark and a space, or the line's end follow). A plain digit 1-9 only
#: right after six lower-case letters and inside a sentence, a word or a comma after
#: it ("hoitamiseen1 ja", as an HTML <sup>1</sup> reads): never "sana1" or "Otsikko1"
#: at a line's end, which may be names.
#: A mark in brackets may stand after a space: "nimi (*)", "nimi [1]" (a plain digit
#: only in square brackets: "kuusi (6) vuotta" is no mark).
_MARK: Final = re.compile(
    r"(?<=[^\W\d_]{2})(\*{1,3}\)?|[¹²³⁴⁵⁶⁷⁸⁹]{1,2}\)?|[†‡]{1,2}"
    r"|[ \t]?\(\*{1,3}\)|[ \t]?\[(?:\*{1,3}|[1-9])\])"
    r"(?=[,.;:!?]?(?:[ \t]|$)|\)(?:[ \t]|[,.;:]|$))"
    r"|(?<=[a-zåäöüé]{6})([1-9])(?=[ \t]+[a-zåäö]|,[ \t])",
    re.MULTILINE,
)
#: What every match of :data:`_MARK` holds: a star, a superscript digit, a dagger or a
#: square bracket (its first kind), or a lower-case letter right before a digit 1-9 (its
#: second). Two scans of one character class each: most notices have neither, and the
#: mark pattern's look-behind, tried at every character, costs several times more.
_MARK_SIGN: Final = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹†‡\[]")
_DIGIT_AFTER_LETTER: Final = re.compile(r"[a-zåäöüé][1-9]")
#: A star that opens emphasis ("*kursiivi*", "**lihavoitu**"): a star after it on
#: the line closes that emphasis, it marks nothing.
_OPENS: Final = re.compile(r"(?<![\w*])\*+(?=[^\s*])")
#: A legend's line: a mark (stars, superscripts, a dagger, maybe in brackets) then text.
#: A plain digit only in square brackets ("[1] pakollinen"; "1) Laskutus" is a list's item).
_LEGEND: Final = re.compile(
    r"^[ \t]*[(\[]?(\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹]{1,2}|[†‡]{1,2}|(?<=\[)[1-9](?=\]))[)\]]?"
    r"[ \t]*(?=[^\W\d_])([^\n]*[^ \t\n])[ \t]*$",
    re.MULTILINE,
)
#: What follows a mark inside a sentence's text: a word that goes on with the
#: sentence (not a conjunction of a list): "profilerar*) uppgifterna" marks a verb.
_GOES_ON: Final = re.compile(
    r"[ \t]+(?!(?:ja|sekä|tai|eli|och|samt|eller|and|or|&)\b)[^\W\d_]", re.IGNORECASE
)
_BULLET: Final = re.compile(r"[ \t]*(?:[-–—•·▪◦●○■□‣⁃*+]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
#: The kinds of entries a legend may describe, as the builder names them.
_KINDS: Final = ("purposes", "data_categories", "data_subjects")
_STEM: Final = 5
_STOPS: Final = re.compile(r"[,.;:!?)]*")
#: How many spans before a mark may hold it (entries' spans seldom nest).
_NEAR: Final = 4
#: How many marks before a legend it is read for (the nearest: a legend is under its list).
_MARKS_READ: Final = 200


@attrs.frozen
class Mark:
    """A footnote mark glued to a word: where it is, its token, the word it ends."""

    start: int
    end: int
    stop: int
    """The end of the punctuation right after the mark ("vuotta*." → after the stop)."""
    token: str
    word: str
    entry: bool
    """Whether it may mark an entry: on a list's line, or the sentence's word before it
    ends the sentence, a clause or a list's item (a punctuation mark or a conjunction
    follows, or nothing)."""


@attrs.frozen
class Legend:
    """A line that explains a footnote mark: its place, its token and its text."""

    start: int
    end: int
    token: str
    body: str


@attrs.frozen
class Footnotes:
    """The footnote marks and the legends of one text."""

    marks: tuple[Mark, ...] = ()
    legends: tuple[Legend, ...] = ()

    def without(self, legends: Sequence[Legend]) -> Footnotes:
        """These footnotes, *legends* left out (read as the text they are)."""
        gone = set(legends)
        return Footnotes(self.marks, tuple(x for x in self.legends if x not in gone))

    def unmarked(self, text: str) -> str:
        """*text* with each mark and each legend of an entry's mark as spaces (same length)."""
        if not self.marks:
            return text
        chars = list(text)
        for mark in self.marks:  # "vuotta*." → "vuotta. ": the stop stays by its word
            moved = text[mark.end : mark.stop]
            chars[mark.start : mark.stop] = [*moved, *" " * (mark.end - mark.start)]
        for legend in self.legends:
            chars[legend.start : legend.end] = " " * (legend.end - legend.start)
        return "".join(chars)


def _token(mark: str) -> str:
    """The token a mark and its legend share: "*)" and "(*)" are "*", "¹)" is "¹", "[1]" "1"."""
    return mark.strip(" \t()[]")


def find(text: str) -> Footnotes:
    """The footnote marks of *text*, and the legends of marks that mark entries."""
    if _MARK_SIGN.search(text) is None and _DIGIT_AFTER_LETTER.search(text) is None:
        return Footnotes()  # no mark can be there (the quick test first)
    if _MARK.search(text) is None:
        return Footnotes()
    lines = _Lines(text)
    marks = [mark for match in _MARK.finditer(text) if (mark := lines.mark(match)) is not None]
    first: dict[str, int] = {}  # each token's first mark of an entry
    for mark in marks:
        if mark.entry:
            first.setdefault(mark.token, mark.end)
    legends = [
        Legend(match.start(), match.end(), token, match.group(2))
        for match in _LEGEND.finditer(text)
        if first.get(token := _token(match.group(1)), len(text) + 1) <= match.start()
        and not _used_as_bullet(text, match)
        and not _under_heading(text, match.start())
    ]
    return Footnotes(tuple(marks), tuple(legends))


class _Lines:
    """The marks of one text, read line by line (each line's facts found once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = -1
        self.opener = -1  # where the line's first emphasis opens (-1: none)
        self.listed = False  # whether the line is a list's entry

    def mark(self, match: re.Match[str]) -> Mark | None:
        """The mark *match* found, or ``None`` when its star closes emphasis."""
        text = self.text
        if match.start() > self.end:
            self.start = text.rfind("\n", 0, match.start()) + 1
            found = text.find("\n", match.start())
            self.end = len(text) if found < 0 else found
            opener = _OPENS.search(text, self.start, self.end)
            self.opener = -1 if opener is None else opener.start()
            self.listed = _BULLET.match(text, self.start, self.end) is not None
        mark = match.group(1) or match.group(2)
        if mark.startswith("*") and 0 <= self.opener < match.start():
            return None  # "*kursiivi*": the star closes what one before it opened
        word = re.findall(r"[^\W\d_]+", text[max(self.start, match.start() - 40) : match.start()])
        ends_item = _GOES_ON.match(text, match.end(), self.end) is None
        stops = _STOPS.match(text, match.end())  # "[...]*" always matches, maybe nothing
        stop = match.end() if stops is None else stops.end()
        return Mark(
            match.start(), match.end(), stop, _token(mark), word[-1], self.listed or ends_item
        )


def _used_as_bullet(text: str, legend: re.Match[str]) -> bool:
    """Whether the line before or after the legend starts with its mark and a space (a list)."""
    bullet = (legend.group(1) + " ", legend.group(1) + "\t")
    before = text.rfind("\n", 0, max(legend.start() - 1, 0)) + 1
    after = text.find("\n", legend.end() + 1)
    lines = [
        text[before : legend.start()].strip() if legend.start() > 0 else "",
        text[legend.end() + 1 : len(text) if after < 0 else after].strip(),
    ]
    return any(line.startswith(bullet) for line in lines)


#: A line that may be a heading: a few words, no stop, no mark, no bullet.
_HEADING_LIKE: Final = re.compile(r"[^\W\d_¹²³⁴⁵⁶⁷⁸⁹][^\n.:;,!?*¹²³⁴⁵⁶⁷⁸⁹†‡]{0,80}")
_HEADING_WORDS: Final = 8


def _under_heading(text: str, start: int) -> bool:
    """Whether the filled line before *start* may be a heading (the line is its section's text).

    A legend stands under the list or the text it explains, never first under a
    heading: "Tietojen säilytysaika" / "* Tietoja säilytetään kaksi vuotta." is a
    section with a star bullet, no legend.
    """
    end = start
    while True:
        line_end = text.rfind("\n", 0, end)
        if line_end < 0:
            return False
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end].strip()
        if line:
            break
        end = line_start
    return (
        _HEADING_LIKE.fullmatch(line) is not None
        and _BULLET.match(line) is None
        and len(line.split()) <= _HEADING_WORDS
    )


def attach(built: Builder, footnotes: Footnotes) -> list[Legend]:
    """Give each legend to the entries that carry its mark, as their description (in place).

    The entries are those the builder made from a span holding the mark (or
    ending right before it); of several made from one span (a list in a
    sentence), those whose name holds the marked word's stem. The legend's line
    is then mapped to their field, and so is a mark right after a mapped span
    ("- nimi*"). Returns the legends no entry took.
    """
    if not footnotes.marks and not footnotes.legends:
        return []  # nothing to give (most notices): the spans' ends are not listed
    ends = {span.end: span.field for span in built.mapped}
    for mark in footnotes.marks:
        moved_to = mark.start + mark.stop - mark.end  # where the moved stops end
        field = next((ends[p] for p in range(mark.start, moved_to + 1) if p in ends), None)
        if field is not None:
            built.map(mark.start, mark.stop, field)
    left = []
    spans = _entry_spans(built) if footnotes.legends else []
    by_token: dict[str, list[Mark]] = {}
    for mark in footnotes.marks:
        by_token.setdefault(mark.token, []).append(mark)
    # where the last legend of each token that took entries stands: the marks above it are
    # its own ("- nimi*" / "* pakollinen" / "- osoite*" / "* vapaaehtoinen", V8)
    explained: dict[str, int] = {}
    for legend in sorted(footnotes.legends, key=lambda legend: legend.start):
        same = by_token.get(legend.token, [])
        at = bisect.bisect_right(same, legend.start, key=lambda mark: mark.end)
        first = bisect.bisect_right(same, explained.get(legend.token, -1), key=lambda m: m.end)
        marks = same[max(at - _MARKS_READ, first, 0) : at]  # the nearest above the legend
        taken = {(kind, index) for mark in marks for kind, index in _entries_of(built, mark, spans)}
        if not taken:
            left.append(legend)
            continue
        explained[legend.token] = legend.start
        body = legend.body[:1].upper() + legend.body[1:]
        for kind, index in sorted(taken):
            entry = _entry_list(built, kind)[index]
            old = entry.get("description")
            entry["description"] = f"{old} {body}" if isinstance(old, str) and old else body
        for kind in sorted({kind for kind, _ in taken}):
            built.map(legend.start, legend.end, kind)
    return left


def _entries_of(
    built: Builder, mark: Mark, spans: Sequence[tuple[int, int, list[tuple[str, int]]]]
) -> list[tuple[str, int]]:
    """The entries (kind, index) made from a span that holds *mark* (*spans*: by start)."""
    found = []
    stem = mark.word.casefold()[:_STEM]
    at = bisect.bisect_right(spans, mark.start, key=lambda span: span[0])
    for start, end, entries in spans[max(at - _NEAR, 0) : at]:
        if not start <= mark.start <= end:
            continue
        if len(entries) == 1:
            found += entries
        else:
            found += [
                (kind, index)
                for kind, index in entries
                if stem in str(_entry_list(built, kind)[index]["name"]).casefold()
            ]
    return found


def _entry_spans(built: Builder) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """The spans the builder made entries from, by start, each with its entries."""
    spans: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for kind, index, start, end in built.entry_spans:
        if kind in _KINDS:
            spans.setdefault((start, end), []).append((kind, index))
    return sorted((start, end, entries) for (start, end), entries in spans.items())


def _entry_list(built: Builder, kind: str) -> list[dict[str, object]]:
    lists: dict[str, list[dict[str, object]]] = {
        "purposes": built.purposes,  # type: ignore[dict-item]
        "data_categories": built.categories,  # type: ignore[dict-item]
        "data_subjects": built.subjects,  # type: ignore[dict-item]
    }
    return lists[kind]
