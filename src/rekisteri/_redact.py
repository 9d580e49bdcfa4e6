"""Masking of identity codes in text, and reprs that use it (for free-text fields).

The one recogniser of every spelling of a henkilötunnus lives in
:mod:`rekisteri._spellings` and is re-exported here: :func:`spellings`,
:func:`spelling_alone`, :func:`holds_code`, :func:`mask_spellings` (what
:func:`rekisteri.identifiers.hetu.redact` does) and :func:`mask_codes`.
"""

from __future__ import annotations

from rekisteri._spellings import (
    Spelling,
    holds_code,
    mask_codes,
    mask_spellings,
    spelling_alone,
    spellings,
)
from rekisteri.identifiers.hetu import redact

__all__ = [
    "Spelling",
    "holds_code",
    "mask_codes",
    "mask_spellings",
    "redact_dotted",
    "redacted_repr",
    "redacted_text",
    "spelling_alone",
    "spellings",
    "undotted",
]


def redacted_repr(value: object) -> str:
    r"""Return ``repr(value)`` with every henkilötunnus-shaped run masked.

    For attrs fields that hold free text (``attrs.field(repr=redacted_repr)``):
    the value is kept as it is; only what a log or a traceback shows is masked.

    A string is masked before ``repr`` escapes it (a tab or a backslash in a
    spelling would no longer be one in the repr); anything else after.

    Examples:
        >>> redacted_repr("soitti 010594Y9032")
        "'soitti 010594Y****'"
        >>> print(redacted_repr("131052" + chr(9) + "-308T"))
        '131052\t-****'
        >>> redacted_repr(None)
        'None'
    """
    if isinstance(value, str):
        return repr(redact(value))
    return redact(repr(value))


def redacted_text(value: str | None) -> str | None:
    """Return *value* with every spelling of a henkilötunnus masked; for free-text fields.

    An attrs converter (``attrs.field(converter=redacted_text)``) for the
    free text of events that stores keep: an identity code typed into a note
    or an evidence field is masked before anything holds it (see
    :func:`rekisteri.identifiers.hetu.redact`), so it is never written to a
    database, an export or a terminal. Anything but a string is passed on
    unchanged for the field's validator to refuse.

    Examples:
        >>> redacted_text("puhelu, asiakas 131052\u2013308T")
        'puhelu, asiakas 131052\u2013****'
        >>> redacted_text(None) is None
        True
    """
    if not isinstance(value, str):
        return value
    return redact(value)


def redact_dotted(text: str) -> str:
    """Mask every spelling of a henkilötunnus, as :func:`rekisteri.identifiers.hetu.redact` does.

    Kept for its callers: a birth date written with separators
    (``14.03.05B937Y``) was once found only here; the one recogniser now
    finds it everywhere.

    Examples:
        >>> redact_dotted("asiakas 13.10.52-308T, 13/10/52 a308t")
        'asiakas 13.10.52-****, 13/10/52 a****'
        >>> redact_dotted("versio 1.2.3-456 ja 2026.11.25")
        'versio 1.2.3-456 ja 2026.11.25'
    """
    return mask_spellings(text)


def undotted(text: str) -> str | None:
    """*text* without the date separators if all of it is a date-spelled henkilötunnus.

    The rest of the spelling (case, dashes, gaps around the sign) is left for
    the caller; ``None`` when *text* is not such a spelling (a six-digit one
    included).

    Examples:
        >>> undotted(" 13.10.52-308T ")
        '131052-308T'
        >>> undotted("13 10 52 308T")
        '131052 308T'
        >>> undotted("13.10.52-308T and more") is None, undotted("131052-308T") is None
        (True, True)
    """
    found = spelling_alone(text)
    if found is None or found.match.group(0)[:6].isdecimal():
        return None
    return found.undotted
