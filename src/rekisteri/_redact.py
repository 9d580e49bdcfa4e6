"""Reprs that mask anything shaped like a henkilötunnus (for free-text fields)."""

from __future__ import annotations


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
    from rekisteri.identifiers.hetu import redact

    return redact(repr(value))
