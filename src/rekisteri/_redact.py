"""Reprs that mask anything shaped like a henkilötunnus (for free-text fields)."""

from __future__ import annotations

from rekisteri.identifiers.hetu import redact


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
