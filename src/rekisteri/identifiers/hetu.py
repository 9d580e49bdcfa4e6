"""Henkilötunnus (hetu), the Finnish personal identity code.

A henkilötunnus has the form ``DDMMYYCNNNQ``: the birth date, a century sign,
an individual number and a check character. This module follows the rules in
force since the 2023 reform (VNA 128/2010 2 § as amended by 690/2022):

* century signs ``+`` (1800s); ``-`` ``Y`` ``X`` ``W`` ``V`` ``U`` (1900s);
  ``A`` ``B`` ``C`` ``D`` ``E`` ``F`` (2000s). The sign is part of the identity:
  ``100190-999P`` and ``100190Y999P`` are two different people;
* individual numbers 002–899 are issued to people; 900–999 are *temporary*
  numbers (hospitals, test data) and are accepted only with
  ``allow_temporary=True``; 000 and 001 are never issued;
* the check character is ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN % 31]``.

Every function takes ``allow_temporary`` for true or false as Python reads it
(``None`` is false) and ``today`` as ``None`` or a :class:`datetime.date`;
anything else for ``today`` is an
:class:`~rekisteri.calendar.ArgumentTypeError` (a ``TypeError``).

rekisteri is stricter than python-stdnum: non-ASCII digits, Unicode dashes and
other look-alikes are rejected, and so are birth dates after today. Lower case
and surrounding whitespace are forgiven: :func:`validate` returns the canonical
upper-case form.

Examples:
    >>> from rekisteri.identifiers import hetu
    >>> hetu.validate("131052-308t ")
    '131052-308T'
    >>> hetu.is_valid("131052-308U")
    False
    >>> hetu.is_valid("010594Y9032")
    False
    >>> hetu.is_valid("010594Y9032", allow_temporary=True)
    True
    >>> h = hetu.parse("010594Y9032", allow_temporary=True)
    >>> h
    Hetu('010594Y****')
    >>> h.birth_date, h.century_sign, h.is_temporary
    (datetime.date(1994, 5, 1), 'Y', True)
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from itertools import compress, count
from operator import not_
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from rekisteri import _spellings
from rekisteri._spellings import mask_spellings as _mask_spellings
from rekisteri.errors import (
    IdentifierTypeError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    Reason,
)
from rekisteri.identifiers._common import (
    WHITESPACE,
    Problem,
    as_sequence,
    first_non_ascii,
    first_not_in,
    settle,
)
from rekisteri.identifiers._common import mask as _mask

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "CENTURY_SIGNS",
    "Hetu",
    "compact",
    "encoded_sex",
    "explain",
    "explain_many",
    "format",
    "is_valid",
    "mask",
    "parse",
    "redact",
    "validate",
    "validate_many",
]

KIND: Final = "hetu"

#: Century sign → the first year of its century, as fixed by the 2023 reform.
CENTURY_SIGNS: Final[dict[str, int]] = {
    "+": 1800,
    **dict.fromkeys("-YXWVU", 1900),
    **dict.fromkeys("ABCDEF", 2000),
}

_CHECK_CHARS: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_DIGITS: Final = "0123456789"

# The fast path. A henkilötunnus is valid when
#   DDMM is a day of the year, YY+sign exists, NNN is allowed, and
#   Q == _CHECK_CHARS[DDMMYYNNN % 31], where DDMMYYNNN % 31 is the sum of
#   DDMM * 10**5 % 31, YY * 10**3 % 31 and NNN % 31, each looked up in a
#   small table (small tables stay in the CPU cache; one table of all 36,600
#   dates is several times slower to look up).
# Two rarer facts ride along as multiples of 31, which leave the check
# character alone: 29 February and years that are not leap years each add
# _FLAG, and a year that may lie in the future adds 2 * _FLAG. A sum of
# _LIMIT or more therefore needs the exact date check.
_FLAG: Final = 31 * 1024
_LIMIT: Final = 2 * _FLAG
_DAYS: Final[dict[str, int]] = {
    f"{day:02d}{month:02d}": (day * 100 + month) * 100_000 % 31
    + (_FLAG if (day, month) == (29, 2) else 0)
    for month, length in enumerate((31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1)
    for day in range(1, length + 1)
}
_INDIVIDUALS: Final[dict[bool, dict[str, int]]] = {
    flag: {f"{n:03d}": n % 31 for n in range(2, 1000 if flag else 900)} for flag in (False, True)
}


@lru_cache(maxsize=2)
def _tails(allow_temporary: bool) -> dict[str, int]:  # noqa: FBT001 - a cache key
    """Map ``NNNQ`` (individual number and check character) for the bulk paths.

    The value is ``NNN % 31`` less the position of ``Q`` in the check
    characters, modulo 31, so a value is valid when the sum of its day,
    year and tail is a multiple of 31 below ``_MISSING``: one slice and one
    look-up instead of two slices, a look-up and a string comparison. Built
    on first use (31,000 keys, about 2.5 MB), since most programs never
    check in bulk.
    """
    return {
        number + char: (share - position) % 31
        for number, share in _INDIVIDUALS[allow_temporary].items()
        for position, char in enumerate(_CHECK_CHARS)
    }


# Every individual number, 000-999, for telling which check fails.
_NUMBERS: Final[dict[str, int]] = {f"{n:03d}": n for n in range(1000)}
# The real clock is past this year; later years get the exact check.
_CLOCK_YEAR: Final = 2026


@lru_cache(maxsize=8)
def _years(current_year: int) -> dict[str, int]:
    """Map ``YY`` + century sign to its share of the check, with the flags above."""
    table = {}
    for sign, century in CENTURY_SIGNS.items():
        for yy in range(100):
            year = century + yy
            if year >= current_year:
                flag = 2 * _FLAG
            elif year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
                flag = 0
            else:
                flag = _FLAG
            table[f"{yy:02d}{sign}"] = yy * 1000 % 31 + flag
    return table


_DEFAULT_YEARS: Final = _years(_CLOCK_YEAR)


def _years_of(today: object) -> dict[str, int]:
    """The year table for *today* (``None`` or a date).

    Raises:
        ArgumentTypeError: *today* is neither (a string such as
            ``"2026-01-01"``, a number): a :class:`TypeError` too.
    """
    if today is None:
        return _DEFAULT_YEARS
    if not isinstance(today, date):
        from rekisteri.calendar import ArgumentTypeError

        msg = f"today: expected a date or None, not {type(today).__name__}"
        raise ArgumentTypeError(msg)
    return _years(today.year)


def _exact(value: str, today: date | None) -> bool:
    """Check the birth date of a well-formed value with ``datetime.date``."""
    try:
        birth = date(CENTURY_SIGNS[value[6]] + int(value[4:6]), int(value[2:4]), int(value[:2]))
    except ValueError:
        return False
    return birth <= _as_date(today)


def _as_date(today: date | None) -> date:
    """Return *today* as a plain date (a ``datetime`` is a ``date`` too), or the local date."""
    if today is None:
        return date.today()  # noqa: DTZ011 - a local calendar date
    return today.date() if isinstance(today, datetime) else today


def _check(
    value: str, individuals: dict[str, int], years: dict[str, int], today: date | None
) -> bool:
    """Check a value that must already be in canonical form."""
    day = _DAYS.get(value[:4])
    year = years.get(value[4:7])
    individual = individuals.get(value[7:10])
    if day is None or year is None or individual is None:
        return False
    total = day + year
    if _CHECK_CHARS[(total + individual) % 31] != value[10:]:
        return False
    return total < _LIMIT or _exact(value, today)


def _canonical_or_none(value: object) -> str | None:
    """Return the compact form of *value*, or ``None`` if it cannot be valid."""
    if not isinstance(value, str):
        return None
    stripped = value.strip(WHITESPACE)
    if not stripped.isascii():
        return None
    return stripped.upper()


def compact(value: str) -> str:
    """Return *value* without surrounding whitespace and in upper case.

    This does not check anything; use :func:`validate` for that.

    Args:
        value: A henkilötunnus as typed, e.g. ``" 131052a308t"``.

    Returns:
        The canonical spelling, e.g. ``"131052A308T"``.

    Raises:
        IdentifierTypeError: *value* is not a string.

    Examples:
        >>> compact(" 131052a308t ")
        '131052A308T'
    """
    if not isinstance(value, str):
        raise IdentifierTypeError(kind=KIND, type_name=type(value).__name__)
    return value.strip(WHITESPACE).upper()


def validate(value: str, *, allow_temporary: bool = False, today: date | None = None) -> str:
    """Check a henkilötunnus and return its canonical form.

    Checks run in this order, and the first failure is raised: characters
    (ASCII only), length, shape, century sign, birth date, not in the future,
    individual number, check character.

    Args:
        value: The henkilötunnus; surrounding whitespace and lower case are allowed.
        allow_temporary: Accept the temporary individual numbers 900–999.
        today: The date that "the future" starts after; defaults to the local
            date. Pass it to make results reproducible.

    Returns:
        The canonical form, 11 characters in upper case.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidFormat: A character is not allowed where it stands.
        InvalidLength: Not 11 characters.
        InvalidComponent: Impossible or future birth date, or a disallowed
            individual number.
        InvalidChecksum: The check character does not match.
        ArgumentTypeError: *today* is neither ``None`` nor a date.

    Examples:
        >>> validate("131052-308T")
        '131052-308T'
        >>> validate("310252-308Y")
        Traceback (most recent call last):
        ...
        rekisteri.errors.InvalidComponent: hetu: birth date does not exist
    """
    if not isinstance(value, str):
        raise IdentifierTypeError(kind=KIND, type_name=type(value).__name__)
    result = _diagnose(value, allow_temporary, today)
    if isinstance(result, str):
        return result
    error, reason, position = result
    raise error(kind=KIND, reason=reason, position=position)


def explain(
    value: str, *, allow_temporary: bool = False, today: date | None = None
) -> Reason | None:
    """Return why :func:`validate` would reject *value*, or ``None`` if it is valid.

    The same checks as :func:`validate`, without the cost of an exception:
    for reports over many values.

    Raises:
        IdentifierTypeError: *value* is not a string.

    Examples:
        >>> explain("131052-308U"), explain("131052-308T")
        (<Reason.CHECKSUM: 'checksum'>, None)
    """
    if not isinstance(value, str):
        raise IdentifierTypeError(kind=KIND, type_name=type(value).__name__)
    result = _diagnose(value, allow_temporary, today)
    return None if isinstance(result, str) else result[1]


_SHAPE: Final = re.compile(
    f"[0-9]{{6}}[{re.escape(''.join(CENTURY_SIGNS))}][0-9]{{3}}[{_CHECK_CHARS}]"
).fullmatch


def explain_many(
    values: Iterable[str], *, allow_temporary: bool = False, today: date | None = None
) -> list[Reason | None]:
    """Return :func:`explain` of each value; the bulk path for reports.

    Valid values cost what they cost in :func:`validate_many`; only the others
    are looked at in detail.

    Raises:
        IdentifierTypeError: A value is not a string, or *values* is not iterable.

    Examples:
        >>> explain_many(["131052-308T", "131052-308U", ""])
        [None, <Reason.CHECKSUM: 'checksum'>, <Reason.LENGTH: 'length'>]
    """
    items: Sequence[Any] = as_sequence(values, KIND)
    years = _years_of(today)
    tails, limit = _tails(bool(allow_temporary)), _LIMIT
    try:
        # True only where the fast path is sure; everything else is diagnosed.
        fast = [
            not (
                total := _DAYS.get(s[:4], _MISSING)
                + years.get(s[4:7], _MISSING)
                + tails.get(s[7:], _MISSING)
            )
            % 31
            and total < limit
            for s in items
        ]
    except Exception:  # noqa: BLE001 - a non-string broke it; the loop below says which
        fast = [False] * len(items)
    reasons: list[Reason | None] = [None] * len(items)
    for position in compress(count(), map(not_, fast)):
        value = items[position]
        if not isinstance(value, str):
            raise IdentifierTypeError(kind=KIND, type_name=type(value).__name__)
        result = _diagnose(value, allow_temporary, today)
        if not isinstance(result, str):
            reasons[position] = result[1]
    return reasons


def _diagnose(value: str, allow_temporary: bool, today: date | None) -> str | Problem:  # noqa: FBT001 - private and hot: positional for speed
    """Return the canonical form of *value*, or what is wrong with it."""
    years = _years_of(today)  # ArgumentTypeError for a today that is not a date
    stripped = value.strip(WHITESPACE)
    if not stripped.isascii():
        return InvalidFormat, Reason.NON_ASCII, first_non_ascii(stripped)
    canonical = stripped.upper()
    if len(canonical) != 11:
        return InvalidLength, Reason.LENGTH, None
    # The tables of the fast path answer most questions at once; when one of
    # them has no entry, find out which check failed first, in order.
    day = _DAYS.get(canonical[:4])
    year = years.get(canonical[4:7])
    individual = _NUMBERS.get(canonical[7:10])
    if day is None or year is None or individual is None or canonical[10] not in _CHECK_CHARS:
        if _SHAPE(canonical) is not None:
            return InvalidComponent, Reason.DATE, None  # only the day and month are left
        bad = first_not_in(canonical, _DIGITS, 0, 6)
        if bad is None and canonical[6] not in CENTURY_SIGNS:
            return InvalidFormat, Reason.CENTURY_SIGN, 6
        if bad is None:
            bad = first_not_in(canonical, _DIGITS, 7, 10)
        return InvalidFormat, Reason.FORMAT, 10 if bad is None else bad
    total = day + year
    if total >= _LIMIT:  # 29 February, or a year that may lie in the future
        birth_year = CENTURY_SIGNS[canonical[6]] + int(canonical[4:6])
        try:
            birth = date(birth_year, int(canonical[2:4]), int(canonical[:2]))
        except ValueError:
            return InvalidComponent, Reason.DATE, None
        if birth > _as_date(today):
            return InvalidComponent, Reason.FUTURE_DATE, None
    if individual < 2:
        return InvalidComponent, Reason.INDIVIDUAL_NUMBER, 7
    if individual >= 900 and not allow_temporary:
        return InvalidComponent, Reason.TEMPORARY, 7
    if _CHECK_CHARS[(total + individual) % 31] != canonical[10]:
        return InvalidChecksum, Reason.CHECKSUM, 10
    return canonical


def is_valid(value: object, *, allow_temporary: bool = False, today: date | None = None) -> bool:
    """Return whether :func:`validate` would accept *value*; never raises for any value.

    Anything that is not a string, including ``None`` and bytes, is simply
    not valid. *allow_temporary* is taken for true or false as Python reads
    it (``None`` is false), as in :func:`validate` and the column functions
    of :mod:`rekisteri.arrow`.

    Raises:
        ArgumentTypeError: *today* is neither ``None`` nor a date (a string
            such as ``"2026-01-01"`` is not read as one); a
            :class:`~rekisteri.errors.RekisteriError` and a :class:`TypeError`.

    Examples:
        >>> is_valid("131052-308T"), is_valid(" 131052-308t"), is_valid(None)
        (True, True, False)
        >>> is_valid("010594Y9032", allow_temporary=None)
        False
        >>> is_valid("131052-308T", today="2026-01-01")
        Traceback (most recent call last):
        ...
        rekisteri.calendar.ArgumentTypeError: today: expected a date or None, not str
    """
    individuals = _INDIVIDUALS[bool(allow_temporary)]
    years = _years_of(today)
    if isinstance(value, str) and _check(value, individuals, years, today):
        return True
    canonical = _canonical_or_none(value)
    return (
        canonical is not None
        and canonical != value
        and _check(canonical, individuals, years, today)
    )


def validate_many(
    values: Iterable[object], *, allow_temporary: bool = False, today: date | None = None
) -> list[bool]:
    """Check many values at once; the bulk fast path.

    The answer for each value is exactly what :func:`is_valid` returns for it,
    junk included, but several times faster on large inputs: the canonical
    form is checked with small table look-ups and no function call, and only
    values that fail get a second, slower look.

    Args:
        values: Any iterable; a list or tuple is not copied.
        allow_temporary: Accept the temporary individual numbers 900–999.
        today: The date that "the future" starts after; defaults to the local date.

    Returns:
        One ``bool`` per value, in order.

    Raises:
        IdentifierTypeError: *values* is not iterable (each value may be anything).

    Examples:
        >>> validate_many(["131052-308T", "131052-308U", None, "131052-308t"])
        [True, False, False, True]
    """
    items = as_sequence(values, KIND)
    years = _years_of(today)
    try:
        results = _bulk(items, _tails(bool(allow_temporary)), years)
    except Exception:  # noqa: BLE001 - a non-string may break it in any way; go item by item
        return [is_valid(s, allow_temporary=allow_temporary, today=today) for s in items]

    def second_look(value: object) -> bool:
        return is_valid(value, allow_temporary=allow_temporary, today=today)

    return settle(results, items, second_look)


_MISSING: Final = 4 * _FLAG


def _bulk(items: Sequence[Any], tails: dict[str, int], years: dict[str, int]) -> list[bool | None]:
    """:func:`_check` inlined, for strings only, with the table of :func:`_tails`.

    Each answer is ``True``, ``False``, or ``None`` where a second look is
    needed: the exact date check, or a value that :func:`compact` changes.
    A part that is not in its table adds _MISSING, a multiple of 31 that no
    valid sum reaches; the three slices also fix the length at eleven.
    """
    day, year, tail = _DAYS.get, years.get, tails.get  # bound once, not looked up per value
    limit, missing, spaces = _LIMIT, _MISSING, WHITESPACE
    # A ``None`` for the exact date check must not fall through to ``or``
    # (it is falsy), so the two cases are told apart by a conditional. A value
    # that fails can only become valid if compact() changes it (the inlined
    # compact() below is five times faster than a regular expression).
    return [
        (total < limit or None)
        if not (total := day(s[:4], missing) + year(s[4:7], missing) + tail(s[7:], missing)) % 31
        and total < missing
        else (s.strip(spaces).upper() != s and None)
        for s in items
    ]


def format(value: str, *, allow_temporary: bool = False, today: date | None = None) -> str:
    """Return the display form of a valid henkilötunnus (the canonical form).

    Unlike python-stdnum's ``format``, this validates first and raises the
    same errors as :func:`validate`.

    Examples:
        >>> format(" 131052-308t")
        '131052-308T'
    """
    return validate(value, allow_temporary=allow_temporary, today=today)


def mask(value: object) -> str:
    """Return a form of *value* that is safe to show: the personal part hidden.

    Works on any input, valid or not, so reports can point at a bad value
    without revealing it. A valid henkilötunnus keeps its birth date and
    century sign.

    Examples:
        >>> mask("131052-308T")
        '131052-****'
        >>> mask("13105-308")
        '13105****'
    """
    return _mask(value)


# --- identity codes in free text: every spelling ------------------------------------
#
# People and programs write a henkilötunnus in more ways than validate()
# accepts (a Unicode dash for the sign, spaces around it, fullwidth digits,
# lower case, a birth date written as a date, no sign at all). validate()
# stays strict (it is the check of a value as entered); the one recogniser of
# every spelling is rekisteri._spellings, used by redact() below and by every
# other part of the package that looks for a code in text. The two names
# below are kept for the package's own callers.

_spelled: Final = _spellings.spellings
_spelled_alone: Final = _spellings.spelling_alone


def redact(text: str) -> str:
    """Return *text* with every spelling of a henkilötunnus masked.

    For free text that may quote one (a message, a note, a log line): each
    run of six digits, a century sign and four characters keeps its birth
    date and sign, and loses the rest, valid or not. Every spelling counts:
    lower case, a Unicode dash (en dash, em dash, minus sign) as the sign,
    spaces around the sign, fullwidth or other Unicode digits, a birth date
    written as a date (``13.10.52-308T``). Without a century sign (a space,
    nothing, or a separator such as ``/`` in its place), a word is masked
    when its day, individual number and check character fit. The spellings
    are listed in full in ``rekisteri._spellings``, the one recogniser.

    Raises:
        IdentifierTypeError: *text* is not a string.

    Examples:
        >>> redact("asiakas 131052-308T soitti, viite 010594Y9032")
        'asiakas 131052-**** soitti, viite 010594Y****'
        >>> redact("tilaus 2026-11-25")
        'tilaus 2026-11-25'
        >>> redact("viite 0131052-308T")
        'viite 0131052-****'
        >>> redact("131052 \u2014 308t, 131052308T, 131052 308T, puh. 0401234567")
        '131052 \u2014 ****, 131052****, 131052 ****, puh. 0401234567'
        >>> redact("13.10.52-308T, 131052/308T")
        '13.10.52-****, 131052/****'
    """
    if not isinstance(text, str):
        raise IdentifierTypeError(kind=KIND, type_name=type(text).__name__)
    return _mask_spellings(text)


@attrs.frozen(repr=False, order=False)
class Hetu:
    """A validated henkilötunnus that hides itself.

    ``str()``, ``repr()`` and f-strings show only the birth date and century
    sign; :meth:`reveal` returns the full value when it is truly needed.
    Build one with :func:`parse`. Calling ``Hetu(value)`` directly validates
    too, with temporary numbers allowed and without the future-date check,
    and accepts only the canonical form.

    Two ``Hetu`` are equal when their canonical values are equal.

    Examples:
        >>> h = parse("131052-308T")
        >>> print(h, [h], f"{h}")
        131052-**** [Hetu('131052-****')] 131052-****
        >>> h.individual_number, h.century
        (308, 1900)
        >>> h.reveal()
        '131052-308T'
    """

    _value: str = attrs.field(alias="value")

    @_value.validator
    def _check(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if validate(value, allow_temporary=True, today=date.max) != value:
            raise InvalidFormat(kind=KIND, reason=Reason.FORMAT)

    def __str__(self) -> str:
        return f"{self._value[:7]}****"

    def __repr__(self) -> str:
        return f"Hetu('{self}')"

    def reveal(self) -> str:
        """Return the full henkilötunnus; call only where it is truly needed."""
        return self._value

    @property
    def century_sign(self) -> str:
        """The century sign, e.g. ``"-"``, ``"A"`` or ``"Y"``."""
        return self._value[6]

    @property
    def century(self) -> int:
        """The first year of the birth century (1800, 1900 or 2000)."""
        return CENTURY_SIGNS[self._value[6]]

    @property
    def birth_date(self) -> date:
        """The birth date encoded in the identifier."""
        value = self._value
        return date(self.century + int(value[4:6]), int(value[2:4]), int(value[:2]))

    @property
    def individual_number(self) -> int:
        """The individual number *NNN*, 2–999."""
        return int(self._value[7:10])

    @property
    def is_temporary(self) -> bool:
        """Whether this is a temporary number (individual number 900–999)."""
        return self.individual_number >= 900

    @property
    def check_character(self) -> str:
        """The check character, the last one."""
        return self._value[10]


def parse(value: str, *, allow_temporary: bool = False, today: date | None = None) -> Hetu:
    """Validate *value* and return it as a :class:`Hetu`.

    Takes the same arguments and raises the same errors as :func:`validate`.

    Examples:
        >>> parse("010110B0023", today=date(2026, 1, 1)).birth_date
        datetime.date(2010, 1, 1)
    """
    return Hetu(validate(value, allow_temporary=allow_temporary, today=today))


def encoded_sex(value: Hetu | str) -> Literal["female", "male"]:
    """Return the sex *as encoded when the identifier was issued*.

    An even individual number was issued to a woman, an odd one to a man.
    This says nothing reliable about the person today: legal sex can change
    (laki 295/2023) while the henkilötunnus stays, and a reform proposed in
    2022 (HE 132/2022 vp) would have made new numbers sex-neutral. Use it
    only where the law or a statistic truly asks for the encoded value.

    Args:
        value: A :class:`Hetu`, or a string that :func:`validate` accepts with
            temporary numbers allowed.

    Examples:
        >>> encoded_sex("131052-308T")
        'female'
    """
    hetu = value if isinstance(value, Hetu) else parse(value, allow_temporary=True)
    return "female" if hetu.individual_number % 2 == 0 else "male"
