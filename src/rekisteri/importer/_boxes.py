"""A fill-in form's check boxes: a ticked box is a bullet, an empty box's line is no entry.

An old form filled in by ticking boxes arrives as "[ ] nimi" / "[x] osoite" /
"[ ] henkilötunnus", or with the box characters "☐" (empty), "☑" and "☒"
(ticked). What the form says is only the ticked lines: an empty box is a choice
NOT made ("☐ Rekisteröity itse" does not say the data come from the data
subject). :func:`unboxed` is the text the extractor reads: a ticked box becomes
a bullet, and an empty box's whole line is read as spaces, so it is no entry of
its section and the importer lists it as not mapped (every offset stays).
"""

from __future__ import annotations

import re
from typing import Final

#: A check box opening a line, then its words: "[ ]", "[]", "[x]", "[X]", "[✓]", "☐", "☒".
_BOX: Final = re.compile(
    r"^[ \t]*(?P<box>\[[ \t]?\]|\[[xX×✓✔]\]|[☐☑☒])[ \t]+(?=\S)(?P<rest>[^\n]*)",
    re.MULTILINE,
)
#: The boxes that are empty.
_EMPTY: Final = frozenset({"[]", "[ ]", "[\t]", "☐"})
#: A quick test: no text without one of these has a box.
_QUICK: Final = re.compile(r"[\[☐☑☒]")


def unboxed(text: str) -> str:
    r"""*text* with each ticked box a bullet and each empty box's line blank (same length).

    Examples:
        >>> unboxed("[ ] nimi\n[x] osoite\n☒ puhelin\n")
        '        \n-   osoite\n- puhelin\n'
        >>> unboxed("Katso [1] ja [x].\n")
        'Katso [1] ja [x].\n'
    """
    if _QUICK.search(text) is None:
        return text
    boxes = list(_BOX.finditer(text))
    if not boxes:
        return text
    chars = list(text)
    for box in boxes:
        start, end = box.span("box")
        if box.group("box") in _EMPTY:
            chars[start : box.end("rest")] = " " * (box.end("rest") - start)
        else:
            chars[start:end] = "-" + " " * (end - start - 1)
    return "".join(chars)
