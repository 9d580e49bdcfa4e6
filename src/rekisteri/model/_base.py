"""Shared building blocks of the model: validators.

``non_blank`` and ``key`` are defined in :mod:`rekisteri._validate`, which the
domain modules share; they are re-exported here for the model's modules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from rekisteri._validate import key, non_blank
from rekisteri.errors import InvalidIdentifierError, InvalidValueError
from rekisteri.identifiers import ytunnus

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    import attrs

__all__ = [
    "EEA",
    "at_least_zero",
    "business_id",
    "country",
    "key",
    "non_blank",
    "unique",
]

_COUNTRY: Final = re.compile(r"[A-Z]{2}")

#: ISO 3166-1 alpha-2 codes of the European Economic Area: EU27 + IS, LI, NO.
EEA: Final = frozenset(
    {
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
        *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
        *("IS", "LI", "NO"),
    }
)


def country(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject anything but an ISO 3166-1 alpha-2 code in upper case (or ``None``)."""
    if value is not None and (not isinstance(value, str) or _COUNTRY.fullmatch(value) is None):
        msg = f"{attribute.name}: expected an ISO 3166-1 alpha-2 country code such as 'FI'"
        raise InvalidValueError(msg)


def business_id(value: object) -> str | None:
    """Convert a Y-tunnus to its canonical form; ``None`` stays ``None``.

    Raises the identifier module's errors (which are ``ValueError`` s) for an
    invalid one.
    """
    if value is None:
        return None
    try:
        return ytunnus.validate(value)  # type: ignore[arg-type] # validate rejects non-strings
    except InvalidIdentifierError as exc:
        raise exc.with_field("business_id") from None


def at_least_zero(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject a negative number."""
    if not isinstance(value, int) or value < 0:
        msg = f"{attribute.name}: expected a whole number, 0 or more"
        raise InvalidValueError(msg)


def unique(items: Iterable[Hashable], what: str) -> list[str]:
    """Return a problem for each item that appears more than once."""
    seen: set[Hashable] = set()
    problems = []
    for item in items:
        if item in seen:
            problems.append(f"{what} {item!r} appears more than once")
        seen.add(item)
    return problems
