"""A fill-in form's check boxes: a ticked box is a bullet, an empty box's line is no entry.

An old form filled in by ticking boxes arrives as "[ ] nimi" / "[x] osoite" /
"[ ] henkilötunnus", with the box characters "☐" (empty), "☑" and "☒" (ticked),
as a Markdown task list ("- [ ] nimi"), with marks ("✓ osoite" / "✗ nimi"), or
with a box after its words ("nimi [x]", "Henkilötunnus: Kyllä [ ] Ei [x]"). What
the form says is only what is ticked: an empty box is a choice NOT made ("☐
Rekisteröity itse" does not say the data come from the data subject).
:func:`unboxed` is the text the extractor reads: a ticked box opening a line
becomes a bullet (after one, spaces), a ticked box after the words spaces, and
the whole line of an empty box (or of a "no" ticked) spaces, so it is no entry
of its section and the importer lists it as not mapped (every offset stays).

Some marks are boxes only where the text shows it is a form: "( )" / "(x)" when
an empty "( )" opens a line somewhere, "□" / "■" (also a list's bullets) when
lines with both open one after another at the same indentation.
"""

from __future__ import annotations

import re
from typing import Final

#: A box in brackets: "[ ]", "[]", "[   ]", "[x]", "[ x ]", "[X]", "[✓]", "[✔]".
_BRACKETED: Final = r"\[[ \t]*(?:[xX×✓✔][ \t]*)?\]"
#: A box opening a line (after a list's bullet maybe), then its words.
_OPENING: Final = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-*+•]|\d{1,2}[.)])[ \t]+)?"
    rf"(?P<box>{_BRACKETED}|\([ \t]*[xX]?[ \t]*\)|[☐☑☒✓✔✗✘□■])[ \t]*(?=\S)(?P<rest>[^\n]*)",
    re.MULTILINE,
)
#: A box ending a line after its words: "nimi [x]", "henkilötunnus [ ]".
_CLOSING: Final = re.compile(rf"(?<=\S)[ \t]+(?P<box>{_BRACKETED})[ \t]*$", re.MULTILINE)
#: A yes/no pair of boxes ending a line: "Henkilötunnus: Kyllä [ ] Ei [x]".
_YES_NO: Final = re.compile(
    rf"(?P<lead>:?)[ \t]*(?i:kyllä|ja|yes)[ \t]*(?P<yes>{_BRACKETED})[ \t,/]*"
    rf"(?i:ei|nej|no)[ \t]*(?P<no>{_BRACKETED})[ \t]*$",
    re.MULTILINE,
)
#: The marks that say "not chosen" (an empty box, a cross).
_NOT: Final = frozenset("☐✗✘□")
#: A quick test: no text without one of these has a box.
_QUICK: Final = re.compile(r"[\[(☐☑☒✓✔✗✘□■]")
#: An empty box in round brackets opening a line: the text is a form.
_ROUND_EMPTY: Final = re.compile(r"^[ \t]*\([ \t]*\)[ \t]*\S", re.MULTILINE)


def _empty(box: str) -> bool:
    """Whether *box* is not ticked."""
    if box[0] in "[(":
        return box[1:-1].strip() == ""
    return box in _NOT


class _Form:
    """The facts of one text that decide whether a mark is a box."""

    def __init__(self, text: str, found: list[re.Match[str]]) -> None:
        self.round = _ROUND_EMPTY.search(text) is not None
        self.squares = _squares(found)

    def is_box(self, match: re.Match[str]) -> bool:
        box = match.group("box")
        if box[0] == "(":
            return self.round
        if box in "□■":
            return match.start() in self.squares
        return True


def _squares(found: list[re.Match[str]]) -> set[int]:
    """The starts of "□"/"■" lines that are boxes: runs of next lines, both marks, one indent."""
    squares = [match for match in found if match.group("box") in "□■"]
    boxes: set[int] = set()
    run: list[re.Match[str]] = []
    for match in [*squares, None]:
        joined = (
            match is not None
            and run
            and match.group("indent") == run[-1].group("indent")
            and "\n" not in match.string[run[-1].end() + 1 : match.start()]
        )
        if not joined:
            if len({m.group("box") for m in run}) == 2:
                boxes.update(m.start() for m in run)
            run = []
        if match is not None:
            run.append(match)
    return boxes


def unboxed(text: str) -> str:
    r"""*text* with each ticked box a bullet or spaces and each empty box's line blank.

    The text keeps its length.

    Examples:
        >>> unboxed("[ ] nimi\n[x] osoite\n☒ puhelin\n")
        '        \n-   osoite\n- puhelin\n'
        >>> unboxed("- [ ] kuva\n- [x] nimi\n")
        '          \n-     nimi\n'
        >>> unboxed("Kuva: Kyllä [ ] Ei [x]\nNimi: Kyllä [x] Ei [ ]\n")
        '                      \nNimi                  \n'
        >>> unboxed("Katso [1] ja [x] tästä.\n")
        'Katso [1] ja [x] tästä.\n'
    """
    if _QUICK.search(text) is None:
        return text
    breaks = [(m.start(), m.group()) for m in _OTHER_BREAKS.finditer(text)]
    if not breaks:
        return _unboxed(text)
    # read as lines the extractor reads: its lines end at "\r" and "\u2028" too (R7-2)
    chars = list(_unboxed(_OTHER_BREAKS.sub("\n", text)))
    for at, mark in breaks:
        chars[at] = mark
    return "".join(chars)


#: Line ends other than "\n" (and the "\r" of "\r\n") that end a line as
#: ``str.splitlines`` reads it: an old Mac "\r", Word's "\v" and "\u2028", and others.
_OTHER_BREAKS: Final = re.compile("\r(?!\n)|[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _unboxed(text: str) -> str:
    r""":func:`unboxed` of a text whose lines end with "\n"."""
    chars = list(text)
    _opening(text, chars)
    for match in _YES_NO.finditer(text):
        line = text.rfind("\n", 0, match.start()) + 1
        said_no = not _empty(match.group("no")) or _empty(match.group("yes"))
        start = line if said_no else match.start()
        chars[start : match.end()] = " " * (match.end() - start)
    for match in _CLOSING.finditer(text):
        if _YES_NO.search(text, text.rfind("\n", 0, match.start()) + 1, match.end()):
            continue  # read as a pair above
        line = text.rfind("\n", 0, match.start()) + 1
        start = line if _empty(match.group("box")) else match.start()
        chars[start : match.end()] = " " * (match.end() - start)
    return "".join(chars)


def _opening(text: str, chars: list[str]) -> None:
    """Read in *chars* the boxes that open lines."""
    found = list(_OPENING.finditer(text))
    if not found:
        return
    form = _Form(text, found)
    for match in found:
        if not form.is_box(match):
            continue
        if _empty(match.group("box")):
            start = match.start("bullet") if match.group("bullet") else match.start("box")
            chars[start : match.end("rest")] = " " * (match.end("rest") - start)
        else:
            start, end = match.span("box")
            first = "-" if not match.group("bullet") else " "
            chars[start:end] = first + " " * (end - start - 1)
