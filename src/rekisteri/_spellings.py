r"""The one recogniser of a henkilötunnus written in free text, in every spelling.

Everything in rekisteri that looks for an identity code in text uses this
module: :func:`rekisteri.identifiers.hetu.redact` (every message, repr and
report), the stores' subject typing and request-id check, lint rule R320,
the importer's masking, the command line's messages, and the masking of a
register's own texts in a rendered notice, an Art 30 record and JSON-LD.
:mod:`rekisteri._redact` re-exports it.

What is recognised, as written in a text (``131052-308T`` stands for any code):

* the canonical form and lower case: ``131052-308T``, ``131052-308t``;
* every century sign of the 2023 reform: ``+``, ``-``, ``Y`` ``X`` ``W`` ``V``
  ``U``, ``A`` ``B`` ``C`` ``D`` ``E`` ``F``, in either case, and the
  fullwidth forms of ``+`` and of the letters;
* a Unicode dash or minus sign for ``-``: every dash of Unicode's category
  Pd (en dash, em dash, fullwidth hyphen-minus, Armenian hyphen...), the
  minus signs (``−``, superscript, subscript, heavy, modifier letter) and the
  hyphen bullet;
* spaces, tabs, no-break spaces, line breaks or invisible characters (a soft
  hyphen, a zero-width space, a direction mark, a variation selector, the
  combining grapheme joiner, a tag character) around the sign: ``131052 - 308T``, a code
  wrapped over two lines; also white space escaped as JSON or a repr
  writes it (``131052-\n308T``, ``\x0b``, ``\u2028``), where a message
  quotes a value;
* any Unicode decimal digit (fullwidth ``１３１０５２``, Arabic-Indic,
  Devanagari...), the check character included, and fullwidth letters;
* the birth date written as a date, with ``.``, ``/``, a dash or spaces
  between day, month and year: ``13.10.52-308T``, ``13/10/52 a308t``,
  ``13 10 52-308T``;
* no century sign: a space or nothing in its place (``131052 308T``,
  ``131052308T``), a separator that is not a sign: ``/``, ``\``, ``.``,
  ``_``, ``:``, ``|`` (``131052/308T``), or a letter that is no sign
  (``131052G308T``). Such a spelling stands alone as a word and counts only
  when it is *plausible*: its day and month exist, its individual number is
  002–999 and its check character fits (the check does not depend on the
  century);
* a doubled dash for the sign: ``131052--308T``, ``131052 – –308T``, or a
  dash and a sign letter, in either order (``131052-A308T``,
  ``131052A-308T``: the letter is the sign);
* invisible characters inside the digits as well (a soft hyphen, a
  zero-width space, a direction mark: ``1310\u200b52-308T``);
* a stray gap (any space, a line break, an escaped one) inside the birth
  date, inside the individual number or before the check character
  (``131 052-308T``, ``131052-30 8T``, ``131052 308 T``, ``131052-308 T``,
  ``13.10.52-308 T``, ``131052--308 T``), only when the code fits whole, its
  check character included, and a letter shows that it is no telephone
  number: the check character or the century sign (with a gap inside the
  birth date, a sign must be there; without a sign, the check character must
  be a letter). One gap needs no letter: between the day and month and the
  year (``131052`` written ``1310 52``) before a sign, as a date is parted
  (``1310 52-308T`` with a digit for its check character too; ``13 10
  52-308T`` is a date with separators).
  Otherwise, without a letter, a visible space splits a run of digits into
  two words as in a telephone number ``040 123-4567``;
* a four-digit year, before a sign: ``13101952-308T``, ``13.10.1952-308T``;
* digits that are no decimal digits: superscript, subscript, circled or
  parenthesised ones (``¹³¹⁰⁵²-³⁰⁸T``), read as the digit they stand for;
* a hyphen and a line break between two digits, as a word processor
  hyphenates a long word (``131052-30-`` / ``8T``), and a code spelt out one
  character at a time with single spaces (``1 3 1 0 5 2 - 3 0 8 T``), when
  the result is an identity code;
* a code without a sign glued to a letter before or after it
  (``asiakasnro131052308T``... ``1310523085b``), when it is plausible as a
  spelling without a sign must be;
* no check character: ``131052-308``, six digits, a sign and three digits
  standing alone as a word, when its day and month exist and its individual
  number is 002–999.

With a century sign, a spelling is found also inside a longer word or run of
digits (``a131052-308T``, ``0131052-308T``, ``hetu13.10.52-308T``): masking
a number that is not a code is the lesser harm. One match never hides
another that starts inside it (``12.30 281097-9637``: the time is tried as
the start of a spelling, does not fit, and the code is found all the same).

What is deliberately *not* recognised: a plain date (``2026-11-25``,
``13.10.2052``), a version number (``1.2.3-456``, ``0.10.10.10-1000``), a
telephone number written with spaces or a dash (``040 123 4567``,
``040 123-4567``) or one of ten digits whose check does not fit, a Y-tunnus
(``1234567-8``), an IBAN, a sign-less run longer than ten characters, a
visible space inside the digits when no letter is the check character or
the sign (``131 052-3085``, ``131052-30 85``; but ``1310 52`` above) or
no sign at all (``131 052 308T``), and six
and three digits whose date does not exist or whose individual number is 000
or 001. A ten-digit run whose check
happens to fit (about 1 in 31 of those whose first four digits are a day and
a month, such as many mobile numbers written without spaces) is a spelling
and an identity code for messages and the stores (which refuse it as a
subject), but a register's text keeps it: lint R320 does not report it and a
notice prints it as written.

Two levels:

* a *spelling* (:func:`spellings`): anything shaped like a henkilötunnus;
  with a sign, valid or not; without one, only when plausible. Messages mask
  every spelling (:func:`mask_spellings`, which ``hetu.redact`` is);
* an *identity code* (:attr:`Spelling.is_code`): a spelling with a sign that
  is a valid henkilötunnus (temporary numbers 900–999 and future birth dates
  included; a four-digit year in the sign's century), a plausible one
  without a sign (not a letter that is no sign: that is a typing error or
  something else, never a valid code), or one without its check character
  whose sign is not a dash (``050305A937``). With a dash, six and three
  digits are as often a dated running number (an invoice ``241125-003``), so
  they are a spelling only. Lint R320 reports exactly the identity codes
  (:func:`holds_code`), and a register's texts in a notice, a record or
  JSON-LD have exactly these masked (:func:`mask_codes`), but for ten digits
  in a row (a telephone number as often as not); a reference number such as
  ``123456-7890`` stays as written there too.

Examples:
    >>> mask_spellings("asiakas 13.10.52–308t, 131052/308T, viite 123456-7890, lasku 241125-003")
    'asiakas 13.10.52–****, 131052/****, viite 123456-****, lasku 241125-***'
    >>> mask_codes("asiakas 13.10.52–308t, 131052/308T, viite 123456-7890, lasku 241125-003")
    'asiakas 13.10.52–****, 131052/****, viite 123456-7890, lasku 241125-003'
    >>> mask_spellings("asiakas 131052--308T, 13101952-308T, 131052-308, 131052G308T")
    'asiakas 131052--****, 13101952-****, 131052-***, 131052G****'
    >>> mask_spellings("asiakas 13.10.52–308t, 131052/308T, viite 123456-7890")
    'asiakas 13.10.52–****, 131052/****, viite 123456-****'
    >>> mask_codes("asiakas 13.10.52–308t, 131052/308T, viite 123456-7890")
    'asiakas 13.10.52–****, 131052/****, viite 123456-7890'
    >>> mask_spellings("versio 1.2.3-456, 2026-11-25, puh. 040 123 4567, 1234567-8")
    'versio 1.2.3-456, 2026-11-25, puh. 040 123 4567, 1234567-8'
"""

from __future__ import annotations

import heapq
import re
from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "Spelling",
    "holds_code",
    "mask_codes",
    "mask_spellings",
    "shaped",
    "spelling_alone",
    "spelling_spans",
    "spellings",
]

# White space that may stand around the sign, or instead of it. Line breaks
# count: a code is often wrapped over two lines ("131052-" / "308T"); so do
# invisible characters that a copy from a web page or an editor may carry (a
# soft hyphen, zero-width spaces and joiners, direction marks, embeddings and
# isolates, invisible operators, a byte order mark).
GAP: Final = (
    "[ \t\n\r\v\f\x85\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f"
    "\u205f-\u2064\u2066-\u206f\u3000\ufeff"
    # variation selectors, the combining grapheme joiner and tags: invisible too
    "\u034f\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Around the sign (or where it belongs), also white space escaped as JSON or
# a repr writes it, where a message quotes a value: "131052-\\n308T", "\\r\\n"
# for a Windows line end, "\\x0b", "\\x85", "\\u2028", "\\U000e0030" for a
# tag character (repr escapes only characters that do not print; A13's O22).
# At most four escapes on each side (a blank line) keep the pattern as fast as
# plain gaps.
_ESCAPE: Final = r"\\(?:[nrtvf]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
# Possessive (``*+``): white space and escapes never match what follows them, so
# giving some back can never help, and trying every split of a long run
# between adjacent stretches cost the run's length to the fourth power (A8's J1).
_AROUND: Final = f"{GAP}*+(?:{_ESCAPE}){{0,4}}+{GAP}*+"
_ESCAPED_GAP: Final = re.compile(_ESCAPE)
# Dashes and minus signs that read as the "-" century sign.
DASHES: Final = (
    # every dash of Unicode's category Pd but the ASCII one ...
    "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
    # ... and the minus signs (mathematical, superscript, subscript, heavy, modifier letter)
    # and the hyphen bullet
    "\u2212\u207b\u208b\u2796\u02d7\u2043"
)
# Century signs as written: ASCII in either case, Unicode dashes, and the
# fullwidth forms of "+" and the sign letters.
SIGN_SPELLED: Final = (
    "\\-+A-FU-Ya-fu-y" + DASHES + "\ufe62\uff0b\uff21-\uff26\uff35-\uff39\uff41-\uff46\uff55-\uff59"
)
# Check characters as written: ASCII or fullwidth letters and digits.
CHECK_SPELLED: Final = "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# Separators that may stand where the sign belongs but say nothing of the century.
_INSTEAD_OF_SIGN: Final = "/\\\\._:|\u2044\u2215\uff0f"
# Letters that are no century sign; in the sign's place they count as no sign at all.
_NOT_A_SIGN: Final = "G-TZg-tz"
# The dashes, ASCII or Unicode, that read as "-" (a doubled one too).
_DASH: Final = f"[\\-{DASHES}]"
# Invisible characters that a copy from a web page, an editor or an attempt to
# slip past a filter may leave *inside* a run of digits: a soft hyphen,
# zero-width spaces and joiners, direction marks, embeddings, isolates, the
# word joiner, invisible operators and a byte order mark.
INVISIBLE: Final = (
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\u034f\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Three digits, invisible characters between them allowed (written out: a
# repeated group is several times slower in the regular expression engine).
_THREE_DIGITS: Final = f"\\d{INVISIBLE}*\\d{INVISIBLE}*\\d"
# Between the day, the month and the year of a birth date written as a date.
DATE_SEPARATOR: Final = f"(?:{GAP}*+[./{DASHES}\\-]{GAP}*+|{GAP}++)"
# What may follow the day (or the month) of a birth date written as a date.
_DATE_SEPARATOR_START: Final = f"[./{DASHES}\\-{GAP[1:-1]}]"
# The century signs that are letters, and the others (a dash, a minus, a plus).
_SIGN_LETTERS: Final = "A-FU-Ya-fu-y\uff21-\uff26\uff35-\uff39\uff41-\uff46\uff55-\uff59"
_SIGN_OTHERS: Final = "\\-+" + DASHES + "\ufe62\uff0b"
# A sign doubled by a typing error: two dashes ("131052--308T"), or a dash and
# a sign letter in either order ("131052-A308T", "131052A-308T"); the letter
# is the sign (see _sign()).
_DOUBLED_SIGN: Final = (
    f"{_DASH}{_AROUND}(?:{_DASH}|[{_SIGN_LETTERS}])|[{_SIGN_LETTERS}]{_AROUND}{_DASH}"
)
# The pattern starts with one digit at its top level, so that the regular
# expression engine skips text without digits quickly. The empty group ``ws``
# is set when that digit starts a word (no letter or digit just before it):
# every spelling without a sign must start there. A birth date written as a
# date may also start right after a letter or a digit ("hetu13.10.52-308T"),
# but not after a digit and a ".", "/" or "-" (the later parts of a version
# number 0.10.10.10-1000); a look-ahead for the separator first keeps digits
# inside plain numbers cheap. A check character is any decimal digit
# (Arabic-Indic, Devanagari...) or an ASCII or fullwidth letter.
_CHECK: Final = f"{INVISIBLE}*[\\d{CHECK_SPELLED}]"
# The first digit starts a word: no letter or digit before it, or an escaped
# white space character that a repr or JSON writes ("...\\n131052 308T"; A8's J6).
_WORD_START: Final = (
    "(?:(?<![^\\W_]\\d)|(?<=\\\\[nrtvf]\\d)|(?<=\\\\x[0-9a-fA-F]{2}\\d)"
    "|(?<=\\\\u[0-9a-fA-F]{4}\\d)|(?<=\\\\U[0-9a-fA-F]{8}\\d))"
)
_PATTERN: Final = re.compile(
    f"\\d(?:{_WORD_START}(?<!\\d[./\\-]\\d)(?P<ws>))?"
    # Six digits, or eight (a four-digit year), invisible characters between
    # them allowed: one character class, as fast as digits alone; _birth_fits()
    # counts the digits. Or a date with separators, its year in two digits, or in
    # four before a sign.
    f"(?:[\\d{INVISIBLE[1:-1]}]{{5,16}}"
    f"|\\d(?={_DATE_SEPARATOR_START})(?(ws)|(?<!\\d[./\\-]\\d\\d))"
    f"{DATE_SEPARATOR}\\d\\d{DATE_SEPARATOR}\\d\\d(?:\\d\\d(?={_AROUND}[{SIGN_SPELLED}]))?)"
    # With a century sign (or a doubled dash): valid or not, also right after
    # a letter or digit. Without its check character, only as a word of its
    # own, checked further by _checkless_fits().
    f"(?:(?P<sign>{_AROUND}(?:{_DOUBLED_SIGN}|[{SIGN_SPELLED}]){_AROUND})"
    f"(?P<rest>{_THREE_DIGITS}(?:{_CHECK}|(?(ws)(?![^\\W_])|(?!))))"
    # Without one (or with a letter that is no sign): a word of its own,
    # checked further by _plausible().
    f"|(?(ws)|(?!))(?P<gap>{_AROUND}[{_INSTEAD_OF_SIGN}{_NOT_A_SIGN}]?{_AROUND})"
    f"(?P<tail>{_THREE_DIGITS}{_CHECK})(?![^\\W_]))"
)

# The same, a spelling without a sign only. _PATTERN finds one match at each
# start, its sign first: in "220185974B" / "33800 Tampere" (a code without its
# sign, its check character a letter, above a postal code) it reads nine digits,
# the check letter for a sign and the postal code's digits for the rest, which
# _spelling() refuses (nine digits are no birth date), and the code without its
# sign that starts there is never tried (A16's W1). _kept_usual() tries this one
# at such a start. Its groups are those of _PATTERN ("sign" and "rest" unset).
_SIGNLESS_PATTERN: Final = re.compile(
    f"\\d{_WORD_START}(?<!\\d[./\\-]\\d)(?P<ws>)"
    f"(?:[\\d{INVISIBLE[1:-1]}]{{5,16}}"
    f"|\\d(?={_DATE_SEPARATOR_START}){DATE_SEPARATOR}\\d\\d{DATE_SEPARATOR}\\d\\d)"
    f"(?:(?P<sign>(?!))(?P<rest>)"
    f"|(?P<gap>{_AROUND}[{_INSTEAD_OF_SIGN}{_NOT_A_SIGN}]?{_AROUND})"
    f"(?P<tail>{_THREE_DIGITS}{_CHECK})(?![^\\W_]))"
)

# Spellings with a stray gap (a visible space, a line break, an escaped one)
# where none belongs: the check character apart from the individual number
# ("131052 308 T", "131052-308 T", "13.10.52-308 T"), a gap inside the
# individual number ("131052-30 8T") or inside the six digits of the birth
# date ("131 052-308T"). A visible space splits a telephone number too ("040
# 123-4567"), so these are tried by a pattern of their own, which asks for a
# letter that shows it is no telephone number (the check character or the
# century sign) and for the stray gap: the empty groups ``sp`` (in the birth
# date), ``g1``/``g2`` (in the individual number with a sign) and ``g3``/``g4``
# (without one) say where one was seen; if none was, one must stand before the
# check character. _odd_fits() then asks that the code fit whole. The other
# group names are those of _PATTERN, so that everything after the match reads
# both alike.
#: One white space character or escaped one.
_ONE_GAP: Final = f"(?:{GAP}|{_ESCAPE})"
_STRAY_GAP: Final = f"{_ONE_GAP}{{1,6}}"
_CHECK_LETTERS: Final = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
# After the first digit (the pattern starts with one, so that the engine skips
# text without digits quickly): the other five with a gap among them, or a
# date with separators.
# The empty group ``dm`` is set when the gap parts the day and month from the
# year ("0105 94-9021"), as a date is parted: then a sign makes it a spelling
# even with a digit for its check character (no telephone number is written
# four digits, two and a dash).
_BIRTH_SPACED: Final = "|".join(
    f"\\d{{{n - 1}}}{_STRAY_GAP}{'(?P<dm>)' if n == 4 else ''}\\d{{{6 - n}}}" for n in range(1, 6)
)
_BIRTH_DATED: Final = f"\\d{DATE_SEPARATOR}\\d\\d{DATE_SEPARATOR}\\d\\d"


def _odd_number(first: str, second: str) -> str:
    """The individual number, a gap allowed inside, and the gap before the check character."""
    some = f"{_ONE_GAP}{{0,6}}"
    return (
        f"\\d(?P<{first}>{_STRAY_GAP})?\\d(?P<{second}>{_STRAY_GAP})?\\d"
        f"(?(sp){some}|(?({first}){some}|(?({second}){some}|{_STRAY_GAP})))"
    )


# The check character after a sign: any after a sign letter or a birth date
# parted as a date ("dm"); otherwise a letter ("131 052-308T", "131052-30 8T":
# "040 123-4567" is a telephone number, and so may "131052-30 85" be).
_ODD_CHECK: Final = f"(?(ls)[{CHECK_SPELLED}]|(?(dm)[{CHECK_SPELLED}]|[{_CHECK_LETTERS}]))"
_ODD_PATTERN: Final = re.compile(
    f"\\d(?:{_WORD_START}(?P<ws>))?"
    # six or eight digits, invisible characters between them allowed (counted later)
    f"(?:[\\d{INVISIBLE[1:-1]}]{{5,16}}|(?P<sp>)(?:{_BIRTH_SPACED})|{_BIRTH_DATED}(?:\\d\\d)?)"
    f"(?:(?P<sign>{_AROUND}(?:(?P<ls>[{_SIGN_LETTERS}])|[{_SIGN_OTHERS}]|{_DASH}{_AROUND}{_DASH})"
    f"{_AROUND})(?P<rest>{_odd_number('g1', 'g2')}{_ODD_CHECK})"
    f"|(?(sp)(?!)|(?(ws)|(?!))(?P<gap>{_AROUND}[{_INSTEAD_OF_SIGN}]?{_AROUND})"
    f"(?P<tail>{_odd_number('g3', 'g4')}[{_CHECK_LETTERS}])))"
    "(?![^\\W_])"
)

# Where an odd spelling may be, cheaply: a digit, then a letter check
# character standing alone after gaps or none, or a sign letter between a
# digit and a digit. Every odd spelling holds such a place (its letter), and
# text dense with digits has few of them (telephone numbers with spaces have
# the shape of a spaced birth date but no letter), so _ODD_PATTERN is tried
# only in a window around each. Escaped gaps ("\\n") are left to
# _ODD_HINT_ESCAPED, used only when the text has a backslash.
# The one without a letter (a birth date parted as a date, "0105 94", before
# a sign) has a hint of its own.
_ODD_HINT: Final = re.compile(
    f"\\d(?:{GAP}{{0,6}}+[{_CHECK_LETTERS}](?![^\\W_])|{GAP}*+[{_SIGN_LETTERS}]{GAP}*+\\d"
    f"|\\d{{3}}{GAP}{{1,6}}\\d\\d{GAP}*+[{_SIGN_OTHERS}])"
)
_ODD_HINT_ESCAPED: Final = re.compile(
    f"\\d(?:{_ONE_GAP}{{0,6}}[{_CHECK_LETTERS}](?![^\\W_])|{_AROUND}[{_SIGN_LETTERS}]{_AROUND}\\d"
    f"|\\d{{3}}{_STRAY_GAP}\\d\\d{_AROUND}[{_SIGN_OTHERS}])"
)
#: How far before a hint an odd spelling may start, and after it end: its
#: digits, two stray gaps in them and one before the check, the sign's gaps.
_ODD_BEFORE: Final = 48
_ODD_AFTER: Final = 32
_WORD_CHARACTER: Final = re.compile(r"[^\W_]")
_GAP_RUN: Final = re.compile(f"{GAP}+")
#: How far back the window of an odd spelling may reach over white space.
_ODD_REACH: Final = 4096

_CHECK_CHARS: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_MONTHS: Final = frozenset(
    f"{day:02d}{month:02d}"
    for month, length in enumerate(_MONTH_DAYS, start=1)
    for day in range(1, length + 1)
)
# Dashes and fullwidth "+" as their ASCII sign; the rest is done by _ascii().
_TO_ASCII_SIGN: Final = {ord(dash): "-" for dash in DASHES} | {0xFE62: "+", 0xFF0B: "+"}


def _digits(text: str) -> str:
    """The decimal digits of *text* in ASCII, everything else dropped."""
    return "".join(str(int(char)) for char in text if char.isdecimal())


def _ascii(text: str) -> str:
    """A sign or the rest of a match in ASCII upper case, gaps dropped."""
    if "\\" in text:
        text = _ESCAPED_GAP.sub("", text)
    out = []
    for char in text.translate(_TO_ASCII_SIGN):
        if char.isdecimal():
            out.append(str(int(char)))
        elif "\uff21" <= char <= "\uff5a":  # a fullwidth letter
            out.append(chr(ord(char) - 0xFEE0).upper())
        elif char.isascii() and not char.isspace():
            out.append(char.upper())
    return "".join(out)


def _plausible(digits: str) -> bool:
    """Whether ``DDMMYYNNNQ`` (ASCII, no sign) may be a henkilötunnus with its sign left out.

    The day and month must exist, the individual number be 002–999 and the
    check character fit; it does not depend on the century.
    """
    if len(digits) != 10 or not digits[:9].isdigit() or digits[:4] not in _DAY_MONTHS:
        return False
    return int(digits[6:9]) >= 2 and _CHECK_CHARS[int(digits[:9]) % 31] == digits[9]


class Spelling(NamedTuple):
    """One spelling of a henkilötunnus found in a text."""

    match: re.Match[str]
    #: The canonical form (ASCII, upper case), not yet validated; ``None``
    #: when the century sign was left out: the same digits with "-", "Y" or
    #: "A" are different people, so no canonical form can be chosen. Ten
    #: characters (``131052-308``) when the check character was left out; a
    #: four-digit year is written with its last two digits.
    canonical: str | None

    @property
    def is_code(self) -> bool:
        """Whether this is an identity code (see the module's docstring).

        Valid with its sign (a four-digit year in the sign's century), or
        plausible without one (not a letter that is no sign in its place),
        or without its check character and with a sign other than a dash.
        """
        canonical = self.canonical
        if canonical is None:  # only plausible sign-less spellings are found
            return not _ascii(self.match["gap"]).isalpha()
        if len(canonical) == _CHECKLESS_LENGTH:  # only plausible ones are found
            return canonical[6] != "-"  # DDMMYY-NNN: as often a dated running number
        match = self.match
        if match.start("sign") - match.start() > 6:  # separators, or a four-digit year
            birth = _digits(_birth(match))
            if len(birth) == _LONG_BIRTH and birth[4:6] != _CENTURIES[canonical[6]]:
                return False
        from rekisteri.identifiers.hetu import is_valid

        return is_valid(canonical, allow_temporary=True, today=date.max)

    @property
    def undotted(self) -> str:
        """The spelling with the date separators of its birth date removed, as written otherwise."""
        match = self.match
        six = _digits(_birth(match))
        if match["sign"] is not None:
            return f"{six}{match['sign']}{match['rest']}"
        return f"{six}{match['gap']}{match['tail']}"


def _birth(match: re.Match[str]) -> str:
    """The birth date of a match as written (six digits, or a date with separators)."""
    end = match.start("sign") if match["sign"] is not None else match.start("gap")
    return match.string[match.start() : end]


#: The first two digits of the year that each century sign stands for.
_CENTURIES: Final = (
    {"+": "18", "-": "19"} | dict.fromkeys("UVWXY", "19") | dict.fromkeys("ABCDEF", "20")
)
#: Digits of a birth date with a four-digit year (DDMMYYYY).
_LONG_BIRTH: Final = 8
#: Digits of a birth date: DDMMYY or DDMMYYYY.
_BIRTH_DIGITS: Final = (6, _LONG_BIRTH)
#: Characters of the canonical form of a spelling without its check character.
_CHECKLESS_LENGTH: Final = 10


def _spelling(match: re.Match[str]) -> Spelling | None:
    if match["sign"] is not None:
        birth = _digits(_birth(match))
        if len(birth) not in _BIRTH_DIGITS:
            return None
        if len(birth) == _LONG_BIRTH:
            birth = birth[:4] + birth[6:]
        sign = _sign(_ascii(match["sign"]))
        canonical = f"{birth}{sign}{_ascii(match['rest'])}"
        if len(canonical) == _CHECKLESS_LENGTH and not _checkless_fits(match, canonical):
            return None
        return Spelling(match, canonical)
    if _plausible(_digits(_birth(match)) + _ascii(match["tail"])):
        return Spelling(match, None)
    return None


def _sign(written: str) -> str:
    """The century sign of a sign as written in ASCII: a doubled one is one, its letter if any."""
    return next((char for char in written if char.isalpha()), written[:1])


def _checkless_fits(match: re.Match[str], canonical: str) -> bool:
    """Whether a spelling without its check character (``131052-308``) is plausible.

    Six digits in a row (no date separators, no four-digit year) whose day
    and month exist, and an individual number 002–999.
    """
    birth = _INVISIBLE_RUN.sub("", match.string[match.start() : match.start("sign")])
    return (
        len(birth) == 6  # DDMMYY
        and birth.isdecimal()
        and canonical[:4] in _DAY_MONTHS
        and int(canonical[7:]) >= 2  # 000 and 001 are never issued
    )


_INVISIBLE_RUN: Final = re.compile(f"{INVISIBLE}+")


#: A run of decimal digits long enough to skip its middle. A match that starts
#: at a digit with a digit before it (no word starts there) has a character
#: that is no digit within its next 17 characters (the sign, a gap or a date
#: separator after at most 17 digits), so no match starts at a digit with 17
#: digits after it; a match that starts before the run reads at most about 27
#: characters into it (its digits are bounded: 1 + 16, 3 and a check
#: character, plus a look-ahead of one character).
_LONG_RUN: Final = re.compile(r"\d{96,}")
#: How far into a long run the search for matches that start before it reads.
_RUN_WINDOW: Final = 48
#: How far before a long run's end the search resumes.
_RUN_TAIL: Final = 32


def _odd_fits(match: re.Match[str]) -> bool:
    """Whether a match of _ODD_PATTERN is an identity code: it fits whole, its check too."""
    spelling = _spelling(match)
    return spelling is not None and spelling.is_code


def _other_digits() -> dict[int, str]:
    """Characters that are a digit but no decimal one (superscript, circled...) as ASCII digits."""
    import unicodedata

    blocks = (
        (0x00B2, 0x00BA),
        (0x1369, 0x1372),
        (0x19DA, 0x19DB),
        (0x2070, 0x208A),
        (0x2460, 0x2500),
        (0x2776, 0x2794),
        (0x10A40, 0x10A44),
        (0x10E60, 0x10E69),
        (0x11052, 0x1105B),
        (0x1F100, 0x1F10B),
    )
    return {
        code: str(value)
        for first, end in blocks
        for code in range(first, end)
        if not chr(code).isdecimal() and (value := unicodedata.digit(chr(code), -1)) >= 0
    }


#: Superscript, subscript, circled, parenthesised... digits: read as the digit
#: they stand for (one character for one: offsets stay).
_OTHER_DIGITS: Final = _other_digits()
#: A character of _OTHER_DIGITS: the BMP's one by one; beyond it one range,
#: checked when read (one class of both makes every search several times slower).
_OTHER_DIGIT: Final = re.compile(
    "[" + "".join(chr(code) for code in _OTHER_DIGITS if code <= 0xFFFF) + "]"
)
_OTHER_DIGIT_BEYOND: Final = re.compile(
    f"[{chr(min(_OTHER_DIGITS.keys() - range(0x10000)))}-{chr(max(_OTHER_DIGITS))}]"
)
#: A hyphen and a line break between two digits (a word processor's hyphenation:
#: "010594Y90-" / "32").
#: In HTML the source's line break is a space once the page is read (A16's W3:
#: "131-" / "052-308T" in a page's source reads "131- 052-308T"), so a hyphen
#: and a space or two between two digits count too, where the code goes on: a
#: sign after the digits that follow ("131- 052-308T"), a sign just before
#: ("131052-30- 8T", "010594Y9- 032") or a check letter ending the word
#: ("...-30- 8T"). "2019- 2020" and "040- 123 4567" are not tried.
_HYPHEN_BREAK: Final = re.compile(
    r"-(?<=\d-)(?:[ \t]*(?:\r\n|[\n\r\v\f\x85\u2028\u2029])[ \t]*(?=[\dA-FU-Ya-fu-y])"
    rf"|(?:(?<=[{SIGN_SPELLED}]\d-)|(?<=[{SIGN_SPELLED}]\d\d-))[ \t]{{1,2}}(?=\d)"
    rf"|[ \t]{{1,2}}(?=\d{{1,5}}[{SIGN_SPELLED}]\d|\d{{1,3}}[A-Za-z](?![^\W_])))"
)
#: A separator that says nothing of the century before a sign letter ("010594/Y9032").
_SEPARATED_SIGN: Final = re.compile(r"[/_.:|\\](?<=\d[/_.:|\\])(?=[A-FU-Ya-fu-y]\d)")
#: A code's birth date and the rest in two cells of a table row (A16's W2): the
#: importer reads an HTML row as "henkilötunnus (131052, -308T)" and a Markdown
#: one as "| 131052 | -308T |". A comma or a bar, up to two spaces on each side,
#: between the six digits and the sign, or between the sign and the individual
#: number.
#: The separator only is made invisible (the spaces around it are gaps a
#: spelling may hold around its sign); it is looked for first, which is quick.
_CELL_SPLIT: Final = re.compile(
    rf"[,|](?:(?:(?<=\d{{6}}[,|])|(?<=\d{{6}}[ \t][,|])|(?<=\d{{6}}[ \t]{{2}}[,|]))"
    rf"(?=[ \t]{{0,2}}[{SIGN_SPELLED}]\d{{3}}[{CHECK_SPELLED}])"
    rf"|(?:(?<=\d{{6}}[{SIGN_SPELLED}][,|])|(?<=\d{{6}}[{SIGN_SPELLED}][ \t][,|])"
    rf"|(?<=\d{{6}}[{SIGN_SPELLED}][ \t]{{2}}[,|]))(?=[ \t]{{0,2}}\d{{3}}[{CHECK_SPELLED}]))"
)
#: A code spelt out one character at a time, a space, "-", "_", "/" or "."
#: between every two ("0 1 0 5 9 4 Y 9 0 3 2", "0-1-0-5-9-4-Y-9-0-3-2"), or a
#: letter glued before or after a code without its sign ("asiakasnro0105949032",
#: "0105949032b": a spelling without a sign must otherwise stand alone as a
#: word). One pattern that starts with a digit: alternatives at the top level
#: would make the search several times slower.
_UNUSUAL_CODE: Final = re.compile(
    r"\d(?:"
    rf"(?P<spaced>(?<![^\W_]\d)(?P<sep>[ _/.\-])[\d{SIGN_SPELLED}]"
    rf"(?:(?P=sep)[\d{SIGN_SPELLED}]){{8}}(?P=sep)[{CHECK_SPELLED}](?![^\W_]))"
    r"|(?P<before>(?<=[^\W\d_]\d)\d{5} ?\d{3}[0-9A-Za-z](?!\d))"
    r"|(?P<after>(?<!\d\d)\d{5} ?\d{3}[0-9A-Za-z](?=[^\W\d_])))"
)


def _variant(text: str) -> str | None:
    """*text* with its unusual spellings made usual, one character for one; ``None`` if none.

    Other digits become ASCII ones; a hyphen with a line break between two
    digits, and the single spaces of a code spelt out character by
    character, become invisible characters (which a spelling may hold
    between its digits and around its sign); a letter glued to a code
    without a sign becomes a space.
    """
    digits = [m.start() for m in _OTHER_DIGIT.finditer(text)]
    digits += [m.start() for m in _OTHER_DIGIT_BEYOND.finditer(text) if ord(m[0]) in _OTHER_DIGITS]
    breaks = [m.span() for m in _HYPHEN_BREAK.finditer(text)]
    breaks += [m.span() for m in _SEPARATED_SIGN.finditer(text)]
    if "," in text or "|" in text:
        breaks += [m.span() for m in _CELL_SPLIT.finditer(text)]
    codes = list(_UNUSUAL_CODE.finditer(text))
    if not (digits or breaks or codes):
        return None
    chars = list(text)
    for at in digits:
        chars[at] = _OTHER_DIGITS[ord(text[at])]
    for start, end in breaks:
        chars[start:end] = "\u00ad" * (end - start)
    for match in codes:
        start, end = match.span()
        if match["spaced"]:  # every second character a separator
            chars[start + 1 : end : 2] = "\u200b" * ((end - start) // 2)
        elif match["before"]:
            chars[start - 1] = " "
        else:
            chars[end] = " "
    return "".join(chars)


def _kept(text: str, keep: Callable[[re.Match[str]], bool]) -> Iterator[re.Match[str]]:
    """The matches in *text* that *keep* accepts, in order of their start; they may overlap.

    The matches of _PATTERN, and those of _ODD_PATTERN that _odd_fits()
    accepts (a code written with a stray space), merged in order. Where the
    text has unusual spellings (:func:`_variant`), the matches in its usual
    variant are added that are identity codes and overlap no match in the
    text as written; their offsets are the text's, their ``string`` the
    variant.
    """
    variant = _variant(text)
    if variant is None:
        return _kept_plain(text, keep)
    plain = list(_kept_plain(text, keep))
    spans = [match.span() for match in plain]
    more = [
        match
        for match in _kept_plain(variant, keep)
        if _is_code(match) and not any(s < match.end() and match.start() < e for s, e in spans)
    ]
    return heapq.merge(plain, more, key=lambda match: match.start())


def _kept_plain(text: str, keep: Callable[[re.Match[str]], bool]) -> Iterator[re.Match[str]]:
    """:func:`_kept` without the unusual spellings."""
    usual = _kept_usual(text, keep)
    hints = _ODD_HINT_ESCAPED if "\\" in text else _ODD_HINT
    if hints.search(text) is None:  # the common case, in one call
        return usual
    odd = [match for match in _odd_matches(text, hints) if _odd_fits(match) and keep(match)]
    if not odd:
        return usual
    # "131052-308 T" is one code, not also the check-less "131052-308" inside it.
    ends = {match.start(): match.end() for match in odd}
    inside = (m for m in usual if not m.end() <= ends.get(m.start(), -1))
    return heapq.merge(inside, odd, key=lambda match: match.start())


def _window_start(text: str, at: int) -> int:
    """Where to look for an odd spelling whose hint is at *at*: _ODD_BEFORE characters back.

    White space does not count (a code wrapped onto an indented line, A8's J2):
    the window reaches back further by as many characters as it holds, up to
    _ODD_REACH characters in all.
    """
    floor = max(0, at - _ODD_REACH)
    position = max(floor, at - _ODD_BEFORE)
    gaps = _gap_count(text, position, at)
    while gaps and position > floor:
        start = max(floor, position - gaps)
        gaps, position = _gap_count(text, start, position), start
    return position


def _gap_count(text: str, start: int, end: int) -> int:
    """How many white space or invisible characters ``text[start:end]`` holds."""
    return sum(len(run) for run in _GAP_RUN.findall(text, start, end))


def _odd_matches(text: str, hints: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of _ODD_PATTERN in *text* in order, looked for around each of *hints* only."""
    windows: list[list[int]] = []
    for hint in hints.finditer(text):
        # a spelling ends at a check character's hint, and goes on after a sign's
        after = 0 if hint[0][-1].isalpha() else _ODD_AFTER
        start, end = _window_start(text, hint.start()), hint.end() + after
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    found: list[re.Match[str]] = []
    for start, end in windows:
        # Every start is tried, as in _kept_usual(): a match that does not fit
        # (seven digits before the sign) must not hide one inside it.
        position = start
        while (match := _ODD_PATTERN.search(text, position, end)) is not None:
            # a window's end is no end of the text: a word must not go on after a match
            if _WORD_CHARACTER.match(text, match.end()) is None:
                found.append(match)
            position = match.start() + 1
    return found


def _kept_usual(text: str, keep: Callable[[re.Match[str]], bool]) -> Iterator[re.Match[str]]:
    """The matches of _PATTERN in *text* that *keep* accepts, in order of their start.

    After every match the search goes on from its second character, so that
    no match hides a spelling that starts inside it: in ``12.30 281097-9637``
    the first words look like a date without a sign, which does not fit, and
    the code after them is found all the same; were it to fit by chance, both
    would be found.
    """
    search = _PATTERN.search
    position = 0
    #: Where the check letter of the last code without its sign found is (-1: none).
    letter = [-1]
    for run in _LONG_RUN.finditer(text):
        # A long run of digits: its inner positions cannot start a match (see
        # _LONG_RUN); the starts up to its first digit are searched in a window
        # that ends _RUN_WINDOW characters into the run (no match or failed try
        # from there reads further), then the search resumes near its end.
        first, after = run.span()
        while (match := search(text, position, first + _RUN_WINDOW)) is not None:
            if match.start() > first:
                break
            yield from _accepted(match, keep, letter)
            position = match.start() + 1
        position = max(position, after - _RUN_TAIL)
    while (match := search(text, position)) is not None:
        yield from _accepted(match, keep, letter)
        position = match.start() + 1


def _accepted(
    match: re.Match[str], keep: Callable[[re.Match[str]], bool], letter: list[int]
) -> Iterator[re.Match[str]]:
    """*match* if *keep* accepts it, or the code without its sign that it hid (A16's W1).

    A match with a sign whose birth date is no birth date (nine digits and
    more) hides a code without its sign at the same start (see
    _SIGNLESS_PATTERN): that one is tried. When such a code's check character
    is a letter, a later match with that letter for its sign (its birth date
    the code's last digits, its rest the digits after it: a postal code on the
    next line) is no spelling unless it is an identity code itself: the letter
    is the code's, and masking the postal code would lose the address.
    *letter* holds the position of the last such check letter.
    """
    sign = match["sign"]
    if (
        sign is not None
        and letter[0] >= 0
        and match.start() < letter[0]
        and match.start("sign") <= letter[0] < match.end("sign")
        and not _is_code(match)
    ):
        return
    if keep(match):
        yield match
        return
    if sign is None or match["ws"] is None:
        return
    hidden = _SIGNLESS_PATTERN.match(match.string, match.start())
    if hidden is not None and keep(hidden):
        check = hidden.end() - 1
        if match.string[check].isalpha():
            letter[0] = check
        yield hidden


def _is_spelling(match: re.Match[str]) -> bool:
    """Whether a match is a spelling: with a sign, or plausible without one or its check."""
    rest = match["rest"]
    if (  # the common case, quickly: six digits, a sign, four ASCII characters
        rest is not None
        and len(rest) == 4
        and rest.isascii()
        and match.start("sign") - match.start() == 6
        and match.string[match.start() : match.start() + 6].isascii()
    ):
        return True
    return _spelling(match) is not None


def _is_code(match: re.Match[str]) -> bool:
    spelling = _spelling(match)
    return spelling is not None and spelling.is_code


def spellings(text: str) -> list[Spelling]:
    """Every spelling of a henkilötunnus in *text*, in order (see the module's docstring).

    Examples:
        >>> [s.canonical for s in spellings("131052 a308t ja 13.10.52-308T, 131052/308T")]
        ['131052A308T', '131052-308T', None]
    """
    found = (_spelling(match) for match in _kept(text, _is_spelling))
    return [spelling for spelling in found if spelling is not None]


def spelling_spans(text: str) -> list[tuple[int, int]]:
    """Where the spellings of *text* are: ``(start, end)`` in order, overlapping ones merged.

    Examples:
        >>> spelling_spans("a 131052-308T b 13.10.52 308T")
        [(2, 13), (16, 29)]
    """
    merged: list[tuple[int, int]] = []
    for match in _kept(text, _is_spelling):
        start, end = match.span()
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def spelling_alone(text: str) -> Spelling | None:
    """The spelling that *text* consists of (surrounding whitespace allowed), or ``None``.

    Examples:
        >>> spelling_alone(" 13.10.52-308t ").canonical
        '131052-308T'
        >>> spelling_alone("13.10.52-308T and more") is None
        True
        >>> spelling_alone("13101952-308T").canonical  # a four-digit year
        '131052-308T'
    """
    stripped = text.strip()
    # A spelling inside it may overlap (13101952-308T holds 101952-308T):
    # the one that spans the whole text is the one.
    whole = [s for s in spellings(stripped) if s.match.span() == (0, len(stripped))]
    return whole[0] if len(whole) == 1 else None


def shaped(text: str) -> bool:
    """Whether *text* has a run shaped like a spelling (a quick test before any masking).

    A superset of what the masking functions change: without such a run,
    :func:`mask_spellings` and :func:`mask_codes` return *text* as it is.

    Examples:
        >>> shaped("asiakas 131052-308U"), shaped("tilaus 2026-11-25")
        (True, False)
    """
    return (
        _PATTERN.search(text) is not None
        or _ODD_HINT_ESCAPED.search(text) is not None
        or _variant(text) is not None
    )


def _bare_digits(match: re.Match[str]) -> bool:
    """Whether a match is ten digits in a row: no sign, nothing in its place, a digit last.

    Such a run is as likely a telephone number written without spaces
    (``0405551234``) as an identity code without its sign.
    """
    return match["sign"] is None and not match["gap"] and _ascii(match["tail"])[-1:].isdigit()


def _in_output(match: re.Match[str]) -> bool:
    """Whether a match is an identity code that a register's text must not show."""
    return not _bare_digits(match) and _is_code(match)


def holds_code(text: str) -> bool:
    """Whether *text* holds an identity code (:attr:`Spelling.is_code`); lint R320 asks this.

    Examples:
        >>> holds_code("yhteyshenkilö 131052 – 308t"), holds_code("13/10/52 308T")
        (True, True)
        >>> holds_code("puh. 0401234567, tilaus 2026-11-25, viite 123456-7890")
        False
    """
    return any(_in_output(spelling.match) for spelling in spellings(text))


def _masking(text: str, keep: Callable[[re.Match[str]], bool]) -> str:
    """*text* with the individual number and check character of each accepted match as ``*``."""
    spans = sorted(
        match.span("rest") if match["sign"] is not None else match.span("tail")
        for match in _kept(text, keep)
    )
    if not spans:
        return text
    out = []
    position = 0
    for start, end in spans:
        first = max(start, position)  # overlapping matches share their stars
        if end > first:
            out.append(text[position:first])
            out.append("*" * (end - first))
            position = end
    out.append(text[position:])
    return "".join(out)


def mask_spellings(text: str) -> str:
    """*text* with every spelling masked: the birth date and sign kept, the rest as ``****``.

    For messages, reprs, reports and logs (``hetu.redact`` is this). The
    birth date keeps its separators and the sign its spelling.

    Examples:
        >>> mask_spellings("asiakas 131052-308T, ３１０１５２Ａ３０８Ｔ, 13 10 52 308T")
        'asiakas 131052-****, ３１０１５２Ａ****, 13 10 52 ****'
    """
    return _masking(text, _is_spelling)


def mask_codes(text: str) -> str:
    """*text* with every identity code masked as :func:`mask_spellings` does; other spellings kept.

    For a register's own texts in a notice, a record and JSON-LD: what lint
    R320 reports is what is masked there.

    Examples:
        >>> mask_codes("yhteyshenkilö 131052-308T, viite 131052-308U")
        'yhteyshenkilö 131052-****, viite 131052-308U'
    """
    return _masking(text, _in_output)


def masking_repr(cls: type) -> type:
    """Make ``repr()`` of the instances of *cls* mask every spelling (:func:`mask_spellings`).

    For the model's classes: a register's texts are kept as typed, but no
    repr, log line or traceback shows an identity code in them.
    """
    plain: Callable[[object], str] = cls.__repr__  # type: ignore[assignment] # unbound: takes self

    def masked(self: object) -> str:
        return mask_spellings(plain(self))

    masked.__name__ = "__repr__"
    masked.__qualname__ = f"{cls.__qualname__}.__repr__"
    cls.__repr__ = masked  # type: ignore[method-assign,assignment]
    return cls
