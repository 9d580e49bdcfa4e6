"""A notice written in Markdown: emphasis around a whole list item or line is no text.

A notice kept in Markdown marks some items: "- **tilaushistoria**", "* *nimi*",
"- _osoite_", "- `nimi`", or a whole line: "_Päivitetty 2.2.2025_". The marks
are no part of an entry's name nor of a date's line. :func:`emphasis_marks` finds
the marks of an emphasis that wraps a whole list item, or a whole line in single
marks (italics, code): the importer reads them as spaces (every offset stays). A
whole line in bold ("**Rekisterin nimi**") is left as it is: it may be a heading,
read as one with its marks.
"""

from __future__ import annotations

import re
from typing import Final

#: A list item wrapped whole in one emphasis: "- **nimi**", "* _osoite_", "1. `nimi`".
_ITEM: Final = re.compile(
    r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+(?P<mark>\*\*|__|\*|_|`)(?=\S)"
    r"(?P<body>[^\n*_`]*[^\s*_`])(?P=mark)[ \t]*$",
    re.MULTILINE,
)
#: A line wrapped whole in single marks: "_Päivitetty 2.2.2025_", "*Päivitetty …*".
_LINE: Final = re.compile(
    r"^[ \t]*(?P<mark>\*|_|`)(?=\S)(?P<body>[^\n*_`]*[^\s*_`])(?P=mark)[ \t]*$", re.MULTILINE
)
#: A quick test: no text without one of these has emphasis.
_QUICK: Final = re.compile(r"[*_`]")


def emphasis_marks(text: str) -> list[tuple[int, int]]:
    r"""The ``(start, end)`` of the marks of each whole item's or line's emphasis, in order.

    The importer reads them as spaces (the text keeps its length) and maps each
    to the field of its item's text.

    Examples:
        >>> emphasis_marks("- **nimi**\n_Päivitetty 2.2.2025_\n**Otsikko**\n")
        [(2, 4), (8, 10), (11, 12), (31, 32)]
        >>> emphasis_marks("- nimi*\n- osoite\n")
        []
    """
    if _QUICK.search(text) is None:
        return []
    marks = []
    for pattern in (_ITEM, _LINE):
        for match in pattern.finditer(text):
            width = len(match.group("mark"))
            marks += [(start, start + width) for start in (match.start("mark"), match.end("body"))]
    return sorted(marks)
