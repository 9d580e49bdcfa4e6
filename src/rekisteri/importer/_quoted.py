"""A notice quoted in an e-mail: the "> " before each line is no part of the text.

A notice forwarded or replied to arrives with a quote mark before each of its
lines ("> 1. Rekisterinpitäjä", ">", "> Koivikon Kukka Oy", also ">>" and "> >"
when quoted twice). Read with the marks, no line is a heading and the notice
is one paragraph. :func:`quote_marks` finds the marks, only where most of the
text's lines open with one (a quoted line or two in a notice is its text); the
importer reads them as spaces and maps each to the field of the text before it,
as it does a PDF's page footer: structure, neither an entry nor unmapped text.
"""

from __future__ import annotations

import re
from typing import Final

#: One or more quote marks opening a line, each maybe followed by a space.
_MARKS: Final = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?", re.MULTILINE)
#: At least this many lines must open with a mark.
_LINES: Final = 3


def quote_marks(text: str) -> list[tuple[int, int]]:
    r"""The ``(start, end)`` of each line's opening quote marks, if most lines have them.

    Examples:
        >>> quote_marks("> Otsikko\n>\n> Teksti.\n")
        [(0, 2), (10, 11), (12, 14)]
        >>> quote_marks("Teksti.\n> lainaus\nLisää.\n")
        []
    """
    if ">" not in text:
        return []
    found = [match.span() for match in _MARKS.finditer(text)]
    lines = sum(1 for line in text.splitlines() if line.strip())
    if len(found) < _LINES or 2 * len(found) <= lines:
        return []
    return found


def unquoted(text: str, marks: list[tuple[int, int]]) -> str:
    """*text* with each of *marks* as spaces (same length)."""
    if not marks:
        return text
    chars = list(text)
    for start, end in marks:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


#: The line that opens a forwarded e-mail in a mail program's words.
_FORWARDED: Final = re.compile(
    r"(?im)^[ \t]*-{2,}[ \t]*(?:välitetty viesti|alkuperäinen viesti|original message"
    r"|forwarded message|vidarebefordrat meddelande|ursprungligt meddelande)[ \t]*-*[ \t]*$"
    r"|^[ \t]*begin forwarded message:[ \t]*$"
)
#: A line of an e-mail's header: a field's name in a mail program's words, a colon.
_HEADER_FIELD: Final = re.compile(
    r"(?i)[ \t]*(?:from|sent|date|to|cc|bcc|subject|reply-to|lähettäjä|lähetetty|päivämäärä"
    r"|päiväys|vastaanottaja|vastaanottajat|kopio|aihe|från|skickat|datum|till|kopia|ämne)"
    r"[ \t]*:"
)
#: A header without its opening line counts at the text's start with this many fields.
_HEADER_FIELDS: Final = 3


def forwarded_header(text: str) -> list[tuple[int, int]]:
    r"""The lines of a forwarded e-mail's header before the notice: ``(start, end)`` each.

    The mail program's opening line ("---------- Välitetty viesti ----------",
    "-----Original Message-----") and the field lines after it ("Lähettäjä: …",
    "From:", "Sent:", "To:", "Subject:") up to the first line of another kind;
    or, at the text's start, three or more such field lines with a sender and a
    recipient or subject. They are the e-mail's, not the notice's: read as
    spaces and mapped as structure, never published (A15's V3).

    Examples:
        >>> text = "-----Original Message-----\nFrom: A <a@x.example>\nTo: B\n\nOtsikko\n"
        >>> [text[s:e] for s, e in forwarded_header(text)]
        ['-----Original Message-----', 'From: A <a@x.example>', 'To: B']
        >>> forwarded_header("Aihe: tietosuoja\n\nTeksti.\n")
        []
    """
    opened = _FORWARDED.search(text)
    if opened is not None:
        spans = [opened.span()]
        position = opened.end() + 1
    else:
        spans, position = [], len(text) - len(text.lstrip())
    fields = _field_lines(text, position)
    if opened is None and not _a_header(text, fields):
        return []
    return spans + fields


def _field_lines(text: str, position: int) -> list[tuple[int, int]]:
    """The header's field lines from *position* on, up to a line of another kind."""
    found: list[tuple[int, int]] = []
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if _HEADER_FIELD.match(text, position, end) is None:
            break
        found.append((position, end))
        position = end + 1
    return found


def _a_header(text: str, fields: list[tuple[int, int]]) -> bool:
    """Whether field lines with no opening line are an e-mail's header: a sender and more."""
    names = {text[s:e].split(":", 1)[0].strip().casefold() for s, e in fields}
    return len(fields) >= _HEADER_FIELDS and bool(names & {"from", "lähettäjä", "från"})
