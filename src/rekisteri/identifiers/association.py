"""Yhdistysrekisterinumero: the number of an association in the Finnish register of associations.

Registers of associations (members, volunteers) are kept by associations
that carry a register number (``rekisterinumero``) from the register of
associations (yhdistysrekisteri, kept by the Finnish Patent and Registration
Office) rather than a Y-tunnus. The checks are python-stdnum's
(``stdnum.fi.associationid``), imported on the first call.

The canonical form is the one the register of associations writes: digits,
with a dot before the last three when there are more than three
(``123.123``).

Examples:
    >>> from rekisteri.identifiers import association
    >>> association.validate("123123")
    '123.123'
    >>> association.is_valid("1.123"), association.is_valid("12df")
    (True, False)
    >>> association.validate("1234567")
    Traceback (most recent call last):
    ...
    rekisteri.errors.InvalidAssociationIdError: associationid: wrong number of characters
"""

from __future__ import annotations

from typing import Final

from rekisteri.errors import InvalidAssociationIdError
from rekisteri.identifiers import _stdnum

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors about association register numbers.
KIND: Final = "associationid"
_MODULE: Final = "stdnum.fi.associationid"


def compact(value: str) -> str:
    """Return the digits of *value*, without dots, spaces or hyphens. Nothing is checked.

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    result: str = _stdnum.call(
        _MODULE, "compact", value, kind=KIND, error=InvalidAssociationIdError
    )
    return result


def validate(value: str) -> str:
    """Check an association register number and return it in the canonical form.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidAssociationIdError: Not a valid number; ``reason`` says why
            (length, format, or a number that is not possible).
    """
    digits: str = _stdnum.call(
        _MODULE, "validate", value, kind=KIND, error=InvalidAssociationIdError
    )
    return format(digits)


def is_valid(value: object) -> bool:
    """Return whether :func:`validate` would accept *value*; never raises."""
    return _stdnum.is_valid(_MODULE, value)


def format(value: str) -> str:
    """Return the number in the canonical form (``123.123``); nothing is checked.

    Raises:
        IdentifierTypeError: *value* is not a string.
    """
    result: str = _stdnum.call(_MODULE, "format", value, kind=KIND, error=InvalidAssociationIdError)
    return result
