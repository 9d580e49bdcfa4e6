"""Lint a register: missing GDPR items, inconsistencies and outdated references.

:func:`lint` checks a :class:`~rekisteri.model.Register` and returns a list of
:class:`Finding` s, each with a stable code, a :class:`Severity`, the path of
the field it is about and a message in Finnish, Swedish or English:

* ``R1xx``: an item that Art 13 or 14 (or the Art 30 record) asks for is missing;
* ``R2xx``: parts of the register contradict each other or the GDPR;
* ``R3xx``: a text names repealed law or a renamed authority
  (:data:`OUTDATED_REFERENCES`, found by :func:`find_outdated`).

:data:`CODES` describes every code.

Examples:
    >>> from rekisteri.model import Controller, LocalizedText, Register
    >>> register = Register(
    ...     controller=Controller(name="Esimerkki Oy"),
    ...     description=LocalizedText(
    ...         fi="Tämä rekisteriseloste on laadittu henkilötietolain mukaan."
    ...     ),
    ... )
    >>> [f.code for f in lint(register) if f.code.startswith("R3")]
    ['R308', 'R301']
"""

from __future__ import annotations

from rekisteri._validate import UnknownLocaleError
from rekisteri.lint._catalog import CODES, CodeInfo, cite
from rekisteri.lint._finding import Finding, Severity
from rekisteri.lint._outdated import (
    OUTDATED_REFERENCES,
    OutdatedMatch,
    OutdatedReference,
    find_outdated,
)
from rekisteri.lint._report import report_json, report_text, summary
from rekisteri.lint._rules import CORE_RIGHTS, lint, outdated_finding, texts

__all__ = [
    "CODES",
    "CORE_RIGHTS",
    "OUTDATED_REFERENCES",
    "CodeInfo",
    "Finding",
    "OutdatedMatch",
    "OutdatedReference",
    "Severity",
    "UnknownLocaleError",
    "cite",
    "find_outdated",
    "lint",
    "outdated_finding",
    "report_json",
    "report_text",
    "summary",
    "texts",
]

# Public names are documented (and shown in reprs and tracebacks) as
# rekisteri.lint.X, not as the private module that defines them.
for _cls in (CodeInfo, Finding, OutdatedMatch, OutdatedReference, Severity, UnknownLocaleError):
    _cls.__module__ = __name__
del _cls
