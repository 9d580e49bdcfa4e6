"""Y-tunnus, the Finnish Business ID (sv *FO-nummer*).

A Y-tunnus has the form ``NNNNNNN-C``: seven digits, a hyphen and a check
digit. With the weights 7, 9, 10, 5, 8, 4, 2 and ``r = sum % 11``, the check
digit is 0 when ``r == 0`` and ``11 - r`` otherwise; numbers with ``r == 1``
are never issued. The weights are 13⁷ … 13¹ mod 11, so the whole check is
``int(digits, 13) % 11 == 0``.

Accepted spellings (surrounding whitespace is always forgiven):

* ``2077474-0``: the canonical form;
* ``20774740``: the compact form, as in e-invoice addresses;
* ``357502-9``: the legacy six-digit form, zero-padded to ``0357502-9``.

Not accepted: a VAT number such as ``FI20774740``. It is a different identifier,
so :func:`validate` raises :class:`~rekisteri.errors.InvalidFormat` with reason
:attr:`~rekisteri.errors.Reason.VAT_NUMBER`; convert it explicitly with
:func:`from_vat`. Also rejected, unlike python-stdnum: inner spaces, misplaced
or doubled hyphens, Unicode dashes and non-ASCII digits.

Examples:
    >>> from rekisteri.identifiers import ytunnus
    >>> ytunnus.validate("357502-9")
    '0357502-9'
    >>> ytunnus.is_valid("2077474-1")
    False
    >>> ytunnus.to_vat("2077474-0")
    'FI20774740'
    >>> ytunnus.from_vat("FI20774740")
    '2077474-0'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from rekisteri.errors import (
    IdentifierTypeError,
    InvalidChecksum,
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

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "compact",
    "explain",
    "explain_many",
    "format",
    "from_vat",
    "is_valid",
    "to_vat",
    "validate",
    "validate_many",
]

KIND: Final = "ytunnus"
_DIGITS: Final = "0123456789"
_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2)


def _type_error(value: object) -> IdentifierTypeError:
    return IdentifierTypeError(kind=KIND, type_name=type(value).__name__)


def compact(value: str) -> str:
    """Return the eight digits of a Y-tunnus, without hyphen or whitespace.

    The legacy six-digit form is zero-padded. Nothing is checked; use
    :func:`validate` for that.

    Examples:
        >>> compact(" 2077474-0 ")
        '20774740'
        >>> compact("357502-9")
        '03575029'

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    if not isinstance(value, str):
        raise _type_error(value)
    stripped = value.strip(WHITESPACE)
    if len(stripped) == 9 and stripped[7] == "-":
        return stripped[:7] + stripped[8]
    if len(stripped) == 8 and stripped[6] == "-":
        return "0" + stripped[:6] + stripped[7]
    return stripped


def _diagnose(value: str) -> str | Problem:
    """Return the eight valid digits of an accepted spelling, or what is wrong."""
    stripped = value.strip(WHITESPACE)
    if not stripped.isascii():
        return InvalidFormat, Reason.NON_ASCII, first_non_ascii(stripped)
    if stripped[:2].upper() == "FI":
        return InvalidFormat, Reason.VAT_NUMBER, 0
    bad = first_not_in(stripped, _DIGITS + "-")
    if bad is not None:
        return InvalidFormat, Reason.FORMAT, bad
    size = len(stripped)
    if size not in (8, 9):
        return InvalidLength, Reason.LENGTH, None
    if size == 9 and stripped[7] == "-":
        digits, where = stripped[:7] + stripped[8], (*range(7), 8)
    elif size == 8 and stripped[6] == "-":
        digits, where = "0" + stripped[:6] + stripped[7], (-1, *range(6), 7)
    elif size == 8:
        digits, where = stripped, tuple(range(8))
    else:  # nine characters without the hyphen in its place
        hyphen = stripped.find("-")
        return InvalidFormat, Reason.FORMAT, 7 if hyphen < 0 else hyphen
    bad = first_not_in(digits, _DIGITS)
    if bad is not None:
        return InvalidFormat, Reason.FORMAT, where[bad]
    return _check(digits) or digits


def _check(digits: str) -> Problem | None:
    """Return what is wrong with the check digit of eight ASCII digits, if anything."""
    remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=False)) % 11
    if remainder == 1:
        return InvalidChecksum, Reason.NEVER_ISSUED, None
    if (0 if remainder == 0 else 11 - remainder) != int(digits[7]):
        return InvalidChecksum, Reason.CHECKSUM, None
    return None


def _valid_digits(value: object) -> str:
    """Return the eight digits of a valid Y-tunnus, or raise why it is not one."""
    if not isinstance(value, str):
        raise _type_error(value)
    result = _diagnose(value)
    if isinstance(result, str):
        return result
    error, reason, position = result
    raise error(kind=KIND, reason=reason, position=position)


def explain(value: str) -> Reason | None:
    """Return why :func:`validate` would reject *value*, or ``None`` if it is valid.

    The same checks as :func:`validate`, without the cost of an exception.

    Raises:
        IdentifierTypeError: *value* is not a string.

    Examples:
        >>> explain("2077474-1"), explain("FI20774740"), explain("2077474-0")
        (<Reason.CHECKSUM: 'checksum'>, <Reason.VAT_NUMBER: 'vat_number'>, None)
    """
    if not isinstance(value, str):
        raise _type_error(value)
    result = _diagnose(value)
    return None if isinstance(result, str) else result[1]


def validate(value: str) -> str:
    """Check a Y-tunnus and return it in the canonical form ``NNNNNNN-C``.

    Args:
        value: ``NNNNNNN-C``, ``NNNNNNNC`` or legacy ``NNNNNN-C``, with or
            without surrounding whitespace.

    Returns:
        The canonical form, e.g. ``"0357502-9"`` for ``"357502-9"``.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidFormat: A character is not allowed where it stands, or *value*
            is a VAT number (reason :attr:`~rekisteri.errors.Reason.VAT_NUMBER`).
        InvalidLength: Too short or too long for any accepted spelling.
        InvalidChecksum: The check digit does not match, or the number is
            one that is never issued (reason
            :attr:`~rekisteri.errors.Reason.NEVER_ISSUED`).

    Examples:
        >>> validate(" 20774740")
        '2077474-0'
        >>> validate("FI20774740")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        rekisteri.errors.InvalidFormat: ytunnus: this is a VAT number; ...
    """
    digits = _valid_digits(value)
    return f"{digits[:7]}-{digits[7]}"


def is_valid(value: object) -> bool:
    """Return whether :func:`validate` would accept *value*; never raises.

    Examples:
        >>> is_valid("0245974-7"), is_valid("0245974-8"), is_valid(20774740)
        (True, False, False)
    """
    if (
        isinstance(value, str)
        and len(value) == 9
        and value[7] == "-"
        and (canonical := value[:7] + value[8]).isdigit()
        and canonical.isascii()
    ):
        return int(canonical, 13) % 11 == 0
    # Any other spelling: the same checks as validate(), without the exception.
    return isinstance(value, str) and isinstance(_diagnose(value), str)


# Every spelling that validate() accepts matches this (a superset, at C speed).
_MAY_BE_VALID: Final = re.compile(f"[{WHITESPACE}]*[0-9]{{6,7}}-?[0-9][{WHITESPACE}]*")


def validate_many(values: Iterable[object]) -> list[bool]:
    """Check many values at once; the bulk fast path.

    Each answer is exactly what :func:`is_valid` returns for that value.

    Raises:
        IdentifierTypeError: *values* is not iterable (each value may be anything).

    Examples:
        >>> validate_many(["2077474-0", "2077474-1", "357502-9", b"2077474-0"])
        [True, False, True, False]
    """
    items = as_sequence(values, KIND)
    try:
        results = _bulk(items)
    except Exception:  # noqa: BLE001 - a non-string may break it in any way; go item by item
        return [is_valid(s) for s in items]
    return settle(results, items, is_valid)


def _bulk(items: Sequence[Any]) -> list[bool | None]:
    """:func:`is_valid` inlined, for strings only; ``None`` where a second look is needed."""
    may_be_valid = _MAY_BE_VALID.fullmatch
    # replace() makes one string where s[:7] + s[8] made two; should it drop an earlier
    # "-", the one at [7] stays and isdigit() sends the value to the second look.
    return [
        int(t, 13) % 11 == 0
        if len(s) == 9 and s[7] == "-" and (t := s.replace("-", "", 1)).isdigit() and t.isascii()
        else (may_be_valid(s) is not None and None)
        for s in items
    ]


def format(value: str) -> str:
    """Return the display form ``NNNNNNN-C`` of a valid Y-tunnus.

    Unlike python-stdnum's ``format``, this validates first.

    Examples:
        >>> format("20774740")
        '2077474-0'
    """
    return validate(value)


def explain_many(values: Iterable[str]) -> list[Reason | None]:
    """Return :func:`explain` of each value; the bulk path for reports.

    Raises:
        IdentifierTypeError: A value is not a string, or *values* is not iterable.

    Examples:
        >>> explain_many(["2077474-0", "2077474-1"])
        [None, <Reason.CHECKSUM: 'checksum'>]
    """
    items = as_sequence(values, KIND)
    return [None if ok else explain(v) for ok, v in zip(validate_many(items), items, strict=True)]  # type: ignore[arg-type] # explain() rejects non-strings


def to_vat(value: str) -> str:
    """Return the Finnish VAT number (ALV-tunniste) of a Y-tunnus.

    Examples:
        >>> to_vat("2077474-0")
        'FI20774740'
    """
    return "FI" + _valid_digits(value)


def from_vat(value: str) -> str:
    """Return the Y-tunnus of a Finnish VAT number ``FI`` + 8 digits.

    The ``FI`` prefix may be in lower case; surrounding whitespace is
    forgiven, inner spaces and hyphens are not.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidFormat: No ``FI`` prefix, or not eight digits after it.
        InvalidLength: Not ten characters.
        InvalidChecksum: The digits are not a valid Y-tunnus.

    Examples:
        >>> from_vat("fi20774740")
        '2077474-0'
    """
    if not isinstance(value, str):
        raise _type_error(value)
    stripped = value.strip(WHITESPACE)
    if not stripped.isascii():
        raise InvalidFormat(kind=KIND, reason=Reason.NON_ASCII, position=first_non_ascii(stripped))
    if stripped[:2].upper() != "FI":
        raise InvalidFormat(kind=KIND, reason=Reason.FORMAT, position=0)
    if len(stripped) != 10:
        raise InvalidLength(kind=KIND, reason=Reason.LENGTH)
    bad = first_not_in(stripped, _DIGITS, 2)
    if bad is not None:
        raise InvalidFormat(kind=KIND, reason=Reason.FORMAT, position=bad)
    digits = stripped[2:]
    problem = _check(digits)
    if problem is not None:
        error, reason, position = problem
        raise error(kind=KIND, reason=reason, position=position)
    return f"{digits[:7]}-{digits[7]}"
