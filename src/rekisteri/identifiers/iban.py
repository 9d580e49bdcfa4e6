"""IBAN: the international bank account number, e.g. of an employee's salary account.

The checks are python-stdnum's (``stdnum.iban``: the ISO 13616 check digits
and the length and format of each country's numbers), imported on the first
call. An IBAN is personal data: the errors never contain it.

Examples:
    >>> from rekisteri.identifiers import iban
    >>> iban.validate("fi21 1234 5600 0007 85")
    'FI2112345600000785'
    >>> iban.format("FI2112345600000785")
    'FI21 1234 5600 0007 85'
    >>> iban.validate("FI21 1234 5600 0007 86")
    Traceback (most recent call last):
    ...
    rekisteri.errors.InvalidIbanError: iban: check character does not match
"""

from __future__ import annotations

from typing import Final

from rekisteri.errors import InvalidIbanError
from rekisteri.identifiers import _stdnum

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors about IBANs.
KIND: Final = "iban"
_MODULE: Final = "stdnum.iban"


def compact(value: str) -> str:
    """Return *value* in upper case without spaces. Nothing is checked.

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    result: str = _stdnum.call(_MODULE, "compact", value, kind=KIND, error=InvalidIbanError)
    return result


def validate(value: str) -> str:
    """Check an IBAN and return its compact form (upper case, no spaces).

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidIbanError: Not a valid IBAN; ``reason`` says why (length,
            format, check digits, or an unknown country).
    """
    result: str = _stdnum.call(_MODULE, "validate", value, kind=KIND, error=InvalidIbanError)
    return result


def is_valid(value: object) -> bool:
    """Return whether :func:`validate` would accept *value*; never raises."""
    return _stdnum.is_valid(_MODULE, value)


def format(value: str) -> str:
    """Return an IBAN in groups of four characters, as printed; nothing is checked.

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    result: str = _stdnum.call(_MODULE, "format", value, kind=KIND, error=InvalidIbanError)
    return result
