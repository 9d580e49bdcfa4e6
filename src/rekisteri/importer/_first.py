"""Which characters can start a match of a pattern: a first-character dispatch.

The heading table (:mod:`._headings`) is one alternation of some 150 branches,
tried in full on every window of lines of a notice. Most lines are no heading,
and most branches fail on the line's first character, but the regex engine
still walks every branch. Splitting the branches by the characters that can
start them, and trying only those that can start with the key's first
character, gives the same answer (an alternation's first branch that matches
in full wins; a branch that cannot start with the character never matches) at
a fraction of the cost.

The first characters are read from the pattern's text by a small reader that
knows the syntax the tables use (literals, escapes, classes, groups,
lookarounds, quantifiers). It is conservative: anything it does not know, or a
branch that can match the empty string, counts as "any character", so a
branch is never left out where it could match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

#: ``None`` stands for "any character".
First = frozenset[str] | None

_ANY_ESCAPES: Final = frozenset("wWsSdD")
_EMPTY_ESCAPES: Final = frozenset("bBAZ")
_QUANTIFIER: Final = re.compile(r"\{(\d*)(?:,(\d*))?\}[?+]?|[?*][?+]?|\+[?+]?")


def _union(left: First, right: First) -> First:
    return None if left is None or right is None else left | right


@dataclass
class _Reader:
    """A recursive-descent reader of one pattern's text."""

    text: str
    at: int = 0
    branches: list[tuple[int, int, First]] = field(default_factory=list)

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def alternation(self, *, top: bool = False) -> tuple[First, bool]:
        chars: First = frozenset()
        nullable = False
        while True:
            start = self.at
            first, empty = self.sequence()
            if top:
                self.branches.append((start, self.at, None if empty else first))
            chars = _union(chars, first)
            nullable = nullable or empty
            if self.peek() != "|":
                return chars, nullable
            self.at += 1

    def sequence(self) -> tuple[First, bool]:
        chars: First = frozenset()
        nullable = True
        while self.peek() not in {"", "|", ")"}:
            first, empty = self.atom()
            empty = self.quantifier() or empty
            if nullable:
                chars = _union(chars, first)
            nullable = nullable and empty
        return chars, nullable

    def quantifier(self) -> bool:
        """Read a quantifier after an atom; whether it allows none of it."""
        match = _QUANTIFIER.match(self.text, self.at)
        if match is None:
            return False
        self.at = match.end()
        token = match.group()
        if token.startswith("{"):
            return not match.group(1) or int(match.group(1)) == 0
        return token[0] in "?*"

    def atom(self) -> tuple[First, bool]:
        char = self.peek()
        self.at += 1
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class(), False
        if char == "\\":
            escaped = self.peek()
            self.at += 1
            if escaped in _ANY_ESCAPES or escaped.isdigit() or not escaped:
                return None, escaped.isdigit()
            if escaped in _EMPTY_ESCAPES:
                return frozenset(), True
            return frozenset(escaped), False
        if char == ".":
            return None, False
        if char in "^$":
            return frozenset(), True
        return frozenset(char), False

    def group(self) -> tuple[First, bool]:
        zero_width = False
        known = True
        if self.text.startswith("?:", self.at):
            self.at += 2
        elif self.text.startswith("?P<", self.at):
            self.at = self.text.index(">", self.at) + 1
        elif self.text.startswith(("?=", "?!"), self.at):
            self.at += 2
            zero_width = True
        elif self.text.startswith(("?<=", "?<!"), self.at):
            self.at += 3
            zero_width = True
        elif self.peek() == "?":
            known = False  # flags, conditionals: not read
            self.at += 1
        first, nullable = self.alternation()
        if self.peek() == ")":
            self.at += 1
        if zero_width:
            return frozenset(), True
        return (first if known else None), nullable

    def char_class(self) -> First:
        negated = self.peek() == "^"
        chars: set[str] = set()
        if negated:
            self.at += 1
        any_char = negated
        first = True
        while self.at < len(self.text) and (first or self.peek() != "]"):
            first = False
            char = self.peek()
            self.at += 1
            if char == "\\":
                char = self.peek()
                self.at += 1
                if char in _ANY_ESCAPES or char.isalnum():
                    any_char = True
                    continue
            if (
                self.peek() == "-"
                and self.at + 1 < len(self.text)
                and self.text[self.at + 1] != "]"
            ):
                end = self.text[self.at + 1]
                self.at += 2
                if end == "\\":
                    any_char = True
                    self.at += 1
                    continue
                chars.update(chr(code) for code in range(ord(char), ord(end) + 1))
                continue
            chars.add(char)
        self.at += 1  # the closing bracket
        return None if any_char else frozenset(chars)


def branches(pattern: str) -> list[tuple[str, First]]:
    """The top-level branches of *pattern*, each with the characters that can start it.

    Examples:
        >>> found = branches(r"(rek|ter)isteri|.{0,9}x|a?b")
        >>> [(text, sorted(first or "*")) for text, first in found]
        [('(rek|ter)isteri', ['r', 't']), ('.{0,9}x', ['*']), ('a?b', ['a', 'b'])]
    """
    reader = _Reader(pattern)
    reader.alternation(top=True)
    if reader.at != len(pattern):  # a stray ")": the reader lost its way
        return [(pattern, None)]
    return [(pattern[start:end], first) for start, end, first in reader.branches]


class Dispatch:
    """Named alternatives of patterns, tried only where their first character fits.

    ``Dispatch(((name, pattern), ...), suffix)`` matches like
    ``re.compile("|".join(f"(?P<{name}>{pattern})" ...) + suffix)`` (the same
    first group wins), but compiles one regex per first character, on first use.
    """

    def __init__(self, named: tuple[tuple[str, str], ...], suffix: str = "") -> None:
        self._named = [(name, branches(pattern)) for name, pattern in named]
        self._suffix = suffix
        self._compiled: dict[str, re.Pattern[str]] = {}

    def _for(self, char: str) -> re.Pattern[str]:
        compiled = self._compiled.get(char)
        if compiled is None:
            parts = []
            for name, alternatives in self._named:
                fitting = [text for text, first in alternatives if first is None or char in first]
                if fitting:
                    parts.append(f"(?P<{name}>{'|'.join(fitting)})")
            # no branch fits: a pattern that matches nothing
            compiled = re.compile(
                ("(?:" + "|".join(parts) + ")" if parts else "(?!)") + self._suffix
            )
            if len(self._compiled) < 512:  # the characters of a hostile text stay few
                self._compiled[char] = compiled
        return compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.fullmatch`` on the whole alternation."""
        return self._for(text[:1]).fullmatch(text)

    def match(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.match`` on the whole alternation."""
        return self._for(text[:1]).match(text)
