"""Invisible format characters: read around them, keep offsets into the text.

A notice copied from a web page or a word processor can hold characters that
show nothing: soft hyphens (``&shy;``), zero-width spaces and joiners, the word
joiner, a byte order mark inside the text, bidirectional marks. Inside a word
they break every pattern (``tieto\u200bsuoja@example.fi``). The extractor reads
a copy without them; :class:`Stripped` maps the copy's offsets back to the text,
so every offset of the result still counts characters of the text as decoded.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

#: The invisible format characters (Unicode category Cf) that a notice's text
#: may hold inside words: soft hyphen, Arabic letter mark, Mongolian vowel
#: separator, zero-width space/non-joiner/joiner, left-to-right and
#: right-to-left marks, embeddings and overrides, word joiner and invisible
#: operators, isolates and deprecated format characters, byte order mark.
CHARACTERS: Final = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
INVISIBLE: Final = re.compile(f"[{CHARACTERS}]+")
#: What the extractor's copy leaves out: the invisible characters, and the line break
#: after a soft hyphen that ends a line inside a word ("sähköpos\u00ad" / "tiosoite"
#: is one word, as a visible hyphen there is).
_LEFT_OUT: Final = re.compile(f"(?<=\\w)\u00ad[ \t]*\r?\n[ \t]*(?=\\w)|[{CHARACTERS}]+")


@attrs.frozen
class Stripped:
    """A text without its invisible characters, and the way back to the text's offsets."""

    text: str
    """The text without invisible characters (what the extractor reads)."""
    kept: tuple[int, ...]
    """For each character of :attr:`text`, its offset in the original, then the
    original's length (empty when nothing was removed: offsets are the same)."""
    removed: tuple[int, ...]
    """The offsets, in the original, of the characters removed (in order)."""

    @property
    def changed(self) -> bool:
        """Whether any character was removed."""
        return bool(self.removed)

    def start(self, offset: int) -> int:
        """The original start of a span starting at *offset*, invisibles before it included."""
        if not self.removed:
            return offset
        return self.kept[offset - 1] + 1 if offset > 0 else 0

    def end(self, offset: int) -> int:
        """The original end of a span ending at *offset*, invisibles after it included."""
        return self.kept[offset] if self.removed else offset

    def forward(self, offset: int) -> int:
        """The offset in :attr:`text` of original *offset* (or of the next kept character)."""
        return offset - bisect.bisect_left(self.removed, offset)


def strip(text: str) -> Stripped:
    r"""Return *text* without its invisible characters (see :data:`INVISIBLE`).

    A soft hyphen that ends a line inside a word takes the line break with it.

    Examples:
        >>> strip("sähköpos\u00ad\ntiosoite").text
        'sähköpostiosoite'
        >>> strip("nimi\u00ad\n\nosoite").text
        'nimi\n\nosoite'
    """
    if INVISIBLE.search(text) is None:
        return Stripped(text, (), ())
    kept: list[int] = []
    removed: list[int] = []
    parts: list[str] = []
    position = 0
    for match in _LEFT_OUT.finditer(text):
        parts.append(text[position : match.start()])
        kept.extend(range(position, match.start()))
        removed.extend(range(match.start(), match.end()))
        position = match.end()
    parts.append(text[position:])
    kept.extend(range(position, len(text)))
    kept.append(len(text))
    return Stripped("".join(parts), tuple(kept), tuple(removed))
