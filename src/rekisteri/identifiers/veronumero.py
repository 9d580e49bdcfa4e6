"""Veronumero: the Finnish individual tax number (12 digits).

Employers keep it for people who work on construction sites (the tax number
register of the Finnish Tax Administration), so it appears in employee and
contractor registers. The checks are python-stdnum's
(``stdnum.fi.veronumero``), imported on the first call. A veronumero is
personal data: the errors never contain it.

Examples:
    >>> from rekisteri.identifiers import veronumero
    >>> veronumero.validate("1234 5678 9123")
    '123456789123'
    >>> veronumero.is_valid("123456789123"), veronumero.is_valid("12345678912")
    (True, False)
    >>> veronumero.validate("12345678912A")
    Traceback (most recent call last):
    ...
    rekisteri.errors.InvalidVeronumeroError: veronumero: unexpected character
"""

from __future__ import annotations

from typing import Final

from rekisteri.errors import InvalidVeronumeroError
from rekisteri.identifiers import _stdnum

__all__ = ["KIND", "compact", "is_valid", "validate"]

#: The ``kind`` of the errors about tax numbers.
KIND: Final = "veronumero"
_MODULE: Final = "stdnum.fi.veronumero"


def compact(value: str) -> str:
    """Return the 12 digits of *value*, without spaces. Nothing is checked.

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    result: str = _stdnum.call(_MODULE, "compact", value, kind=KIND, error=InvalidVeronumeroError)
    return result


def validate(value: str) -> str:
    """Check a veronumero and return its 12 digits.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidVeronumeroError: Not a valid veronumero; ``reason`` says why.
    """
    result: str = _stdnum.call(_MODULE, "validate", value, kind=KIND, error=InvalidVeronumeroError)
    return result


def is_valid(value: object) -> bool:
    """Return whether :func:`validate` would accept *value*; never raises."""
    return _stdnum.is_valid(_MODULE, value)
