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
#: A box in round brackets: "( )", "(x)" (a box only where the text is a form).
_ROUND: Final = r"\([ \t]*[xX]?[ \t]*\)"
#: A box of any spelling but the squares "□"/"■" (bullets too).
_ANY_BOX: Final = rf"(?:{_BRACKETED}|{_ROUND}|[☐☑☒✓✔✗✘])"
#: A box ending a line after its words: "nimi [x]", "henkilötunnus [ ]", "nimi ☒".
_CLOSING: Final = re.compile(rf"(?<=\S)[ \t]+(?P<box>{_ANY_BOX})[ \t]*$", re.MULTILINE)
_YES: Final = r"(?i:kyllä|ja|yes)"
_NO: Final = r"(?i:ei|nej|no)"
#: A yes/no pair of boxes ending a line, each box after its word or before it:
#: "Henkilötunnus: Kyllä [ ] Ei [x]", "Henkilötunnus: [ ] kyllä [x] ei", "kyllä ☐ ei ☒".
_YES_NO: Final = re.compile(
    rf"(?P<lead>:?)[ \t]*(?:{_YES}[ \t]*(?P<yes>{_ANY_BOX})[ \t,/]*{_NO}[ \t]*(?P<no>{_ANY_BOX})"
    rf"|(?P<yes_first>{_ANY_BOX})[ \t]*{_YES}[ \t,/]*(?P<no_first>{_ANY_BOX})[ \t]*{_NO})[ \t]*$",
    re.MULTILINE,
)
#: A second box inside a line that a box opens: "☐ henkilötunnus ☒ osoite".
_MIDDLE: Final = re.compile(rf"(?<=\S)(?P<gap>[ \t]+)(?P<box>{_ANY_BOX})[ \t]+(?=\S)")
#: The marks that say "not chosen" (an empty box, a cross).
_NOT: Final = frozenset("☐✗✘□")
#: A quick test: no text without one of these has a box.
_QUICK: Final = re.compile(r"[\[(☐☑☒✓✔✗✘□■]")
#: An empty box in round brackets opening or ending a line: the text is a form.
_ROUND_EMPTY: Final = re.compile(
    r"^[ \t]*\([ \t]*\)[ \t]*\S|\S[ \t]+\([ \t]*\)[ \t]*$", re.MULTILINE
)


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
    form = _opening(text, chars)
    for match in _YES_NO.finditer(text):
        yes = match.group("yes") or match.group("yes_first")
        no = match.group("no") or match.group("no_first")
        if not form.round and "(" in yes + no:
            continue  # "(x)" is a box only in a form
        line = text.rfind("\n", 0, match.start()) + 1
        said_no = not _empty(no) or _empty(yes)
        start = line if said_no else match.start()
        chars[start : match.end()] = " " * (match.end() - start)
    for match in _CLOSING.finditer(text):
        if _YES_NO.search(text, text.rfind("\n", 0, match.start()) + 1, match.end()):
            continue  # read as a pair above
        if match.group("box")[0] == "(" and not form.round:
            continue
        line = text.rfind("\n", 0, match.start()) + 1
        start = line if _empty(match.group("box")) else match.start()
        chars[start : match.end()] = " " * (match.end() - start)
    return "".join(chars)


def _opening(text: str, chars: list[str]) -> _Form:
    """Read in *chars* the boxes that open lines; return the text's form facts."""
    found = list(_OPENING.finditer(text))
    form = _Form(text, found)
    for match in found:
        if not form.is_box(match):
            continue
        rest_start, rest_end = match.span("rest")
        middle = _middle_boxes(text, rest_start, rest_end, form)
        end = middle[0].start() if middle else rest_end
        start = match.start("bullet") if match.group("bullet") else match.start("box")
        box_start, box_end = match.span("box")
        if _empty(match.group("box")):
            chars[start:end] = " " * (end - start)
        else:
            first = "-" if not match.group("bullet") else " "
            chars[box_start:box_end] = first + " " * (box_end - box_start - 1)
        _middle_choices(chars, middle, rest_end)
    return form


def _middle_boxes(text: str, start: int, end: int, form: _Form) -> list[re.Match[str]]:
    """The second and later boxes inside a line's words ("☐ henkilötunnus ☒ osoite")."""
    return [
        m
        for m in _MIDDLE.finditer(text, start, end)
        if (m.group("box")[0] != "(" or form.round) and not _YES_NO.match(text, m.start(), end)
    ]


def _middle_choices(chars: list[str], middle: list[re.Match[str]], line_end: int) -> None:
    """Read the boxes inside a line after its first: each opens a line of its own.

    The blank before a ticked box becomes a line end (the text keeps its
    length), so "☐ henkilötunnus ☒ osoite" reads as the item "osoite" alone;
    an empty box's words are blanked.
    """
    for index, box in enumerate(middle):
        end = middle[index + 1].start() if index + 1 < len(middle) else line_end
        gap_start = box.start("gap")
        if _empty(box.group("box")):
            chars[gap_start:end] = " " * (end - gap_start)
        else:
            chars[gap_start] = "\n"
            box_start, box_end = box.span("box")
            chars[box_start:box_end] = "-" + " " * (box_end - box_start - 1)
