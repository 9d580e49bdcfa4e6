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
