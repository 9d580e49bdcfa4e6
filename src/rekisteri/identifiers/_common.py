"""Helpers shared by the identifier modules (private)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, cast

from rekisteri.errors import IdentifierTypeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from rekisteri.errors import InvalidIdentifierError, Reason

#: What is wrong with an identifier: the error class to raise, the reason and
#: the position, as the quiet checkers return it.
Problem = tuple["type[InvalidIdentifierError]", "Reason", "int | None"]

#: Characters stripped from both ends of an identifier before it is checked:
#: ASCII whitespace, the no-break spaces that spreadsheets like to add, and a
#: byte-order mark left at the start of a file. Nothing else is forgiven.
WHITESPACE: Final = " \t\n\r\f\v\u00a0\u2007\u202f\ufeff"


_NON_ASCII: Final = re.compile("[^\x00-\x7f]").search


def first_non_ascii(value: str) -> int:
    """Return the index of the first non-ASCII character of *value* (which has one)."""
    found = _NON_ASCII(value)
    return found.start() if found is not None else len(value)


def first_not_in(value: str, allowed: str, start: int = 0, stop: int | None = None) -> int | None:
    """Return the index of the first character of ``value[start:stop]`` not in *allowed*."""
    for i in range(start, len(value) if stop is None else stop):
        if value[i] not in allowed:
            return i
    return None


def as_sequence(values: Iterable[object], kind: str) -> Sequence[object]:
    """Return *values* as a sequence that can be walked twice.

    Raises:
        IdentifierTypeError: *values* is not iterable (e.g. ``None`` or a
            number); the message names the *kind* and the type, not the value.
    """
    if isinstance(values, list | tuple):
        return values
    try:
        iterator = iter(values)
    except TypeError:
        raise IdentifierTypeError(
            kind=kind, type_name=type(values).__name__, expected="an iterable"
        ) from None
    return list(iterator)


def settle(
    results: list[bool | None], values: Sequence[object], slow: Callable[[object], bool]
) -> list[bool]:
    """Replace each ``None`` in *results* by *slow* of the matching value, in place.

    The bulk fast paths answer ``None`` where they cannot tell: a spelling
    other than the canonical one, or a rare case. Those get the answer of the
    same code that ``is_valid`` uses, so the bulk answer always equals it.
    ``list.index`` finds them at C speed.
    """
    index = results.index
    position = -1
    try:
        while True:
            position = index(None, position + 1)
            results[position] = slow(values[position])
    except ValueError:
        return cast("list[bool]", results)


def mask(value: object, *, keep: int = 7, limit: int = 24) -> str:
    """Return a display form of a possibly personal value that hides its end.

    At most *keep* leading characters stay visible, and never so many that
    fewer than four are hidden; every other character becomes ``*``.
    Unprintable characters are shown as ``?`` and long values are cut at
    *limit* characters, so the result is always safe to print and to log.

    Examples:
        >>> mask("131052-308T")
        '131052-****'
        >>> mask("2077474-1")
        '20774****'
        >>> mask("abc")
        '***'
        >>> mask(None)
        '<NoneType>'
    """
    if not isinstance(value, str):
        return f"<{type(value).__name__}>"
    size = len(value)
    shown = min(keep, size - 4)
    shown = max(shown, 0)
    visible = value[:shown]
    if not visible.isprintable():
        visible = "".join(c if c.isprintable() else "?" for c in visible)
    if size > limit:
        return visible + "*" * max(0, limit - shown - 1) + "…"
    return visible + "*" * (size - shown)
