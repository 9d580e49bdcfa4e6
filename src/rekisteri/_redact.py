"""Reprs that mask anything shaped like a henkilötunnus (for free-text fields)."""

from __future__ import annotations

import re
from typing import Final

from rekisteri.identifiers.hetu import (  # the recogniser's own character classes
    _CHECK_SPELLED,
    _DASHES,
    _GAP,
    _SIGN_SPELLED,
    redact,
)


def redacted_repr(value: object) -> str:
    """Return ``repr(value)`` with every henkilötunnus-shaped run masked.

    For attrs fields that hold free text (``attrs.field(repr=redacted_repr)``):
    the value is kept as it is; only what a log or a traceback shows is masked.

    Examples:
        >>> redacted_repr("soitti 010594Y9032")
        "'soitti 010594Y****'"
        >>> redacted_repr(None)
        'None'
    """
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


# A henkilötunnus whose birth date is written as a date: "14.03.05B937Y",
# "14/03/05-937Y", "14 03 05 A123B" (dots, slashes, dashes or spaces between
# the day, the month and the year). ``hetu.redact`` looks for six digits in a
# row; this finds the separated spelling, which free text and typed subjects
# also hold.
_DATE_SEPARATOR: Final = f"(?:{_GAP}*[./{_DASHES}\\-]{_GAP}*|{_GAP}+)"
_DOTTED: Final = re.compile(
    f"(?<![^\\W_])(?P<birth>\\d{{2}}{_DATE_SEPARATOR}\\d{{2}}{_DATE_SEPARATOR}\\d{{2}})"
    f"(?P<sign>{_GAP}*[{_SIGN_SPELLED}]{_GAP}*)(?P<rest>\\d{{3}}[{_CHECK_SPELLED}])(?![^\\W_])"
)


def redact_dotted(text: str) -> str:
    """Mask the individual number and check character of a date-spelled henkilötunnus.

    For what :func:`rekisteri.identifiers.hetu.redact` does not see: a birth
    date written with separators (``14.03.05B937Y``). Use both on text that
    is shown.

    Examples:
        >>> redact_dotted("asiakas 13.10.52-308T, 13/10/52 a308t")
        'asiakas 13.10.52-****, 13/10/52 a****'
        >>> redact_dotted("versio 1.2.3-456 ja 2026.11.25")
        'versio 1.2.3-456 ja 2026.11.25'
    """
    return _DOTTED.sub(lambda m: f"{m['birth']}{m['sign']}****", text)


def undotted(text: str) -> str | None:
    """*text* without the date separators if all of it is a date-spelled henkilötunnus.

    The rest of the spelling (case, dashes, gaps around the sign) is left for
    the caller's recogniser; ``None`` when *text* is not such a spelling.

    Examples:
        >>> undotted(" 13.10.52-308T ")
        '131052-308T'
        >>> undotted("13.10.52-308T and more") is None
        True
    """
    found = _DOTTED.fullmatch(text.strip())
    if found is None:
        return None
    birth = "".join(c for c in found["birth"] if c.isdecimal())
    return f"{birth}{found['sign']}{found['rest']}"
