"""What the linter reports: :class:`Finding` and its :class:`Severity`."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Final

import attrs

from rekisteri._redact import redacted_repr
from rekisteri._validate import parse_lang
from rekisteri.errors import InvalidValueError

_CODE: Final = re.compile(r"[A-Z][0-9]{3}")


# One parser of locales for the whole package; re-exported here for the linter.
as_lang = parse_lang


class Severity(StrEnum):
    """How serious a finding is.

    The command-line tool exits with 1 when any finding is an error.
    """

    ERROR = "error"
    """A GDPR requirement is not met, or the register names repealed law."""
    WARNING = "warning"
    """Probably a gap or an outdated expression; a person should look at it."""
    INFO = "info"
    """Good practice, or something the linter cannot decide on its own."""

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: sort by this, most serious first."""
        return _RANKS[self]


_RANKS: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _check_code(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        msg = "code: expected an upper-case letter and three digits, e.g. 'R101'"
        raise InvalidValueError(msg)


def _check_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name}: expected a text that is not empty"
        raise InvalidValueError(msg)


@attrs.frozen
class Finding:
    """One thing the linter (or the importer) found.

    Examples:
        >>> finding = Finding("R105", Severity.ERROR, "purposes[0].legal_basis", "…")
        >>> finding.severity
        <Severity.ERROR: 'error'>
        >>> finding.as_dict()["severity"]
        'error'
    """

    code: str = attrs.field(validator=_check_code)
    """A stable code: ``R1xx`` missing Art 13/14 items, ``R2xx`` consistency,
    ``R3xx`` outdated references; the importer uses ``I`` + three digits."""
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    path: str = attrs.field(validator=_check_text)
    """Where in the register, e.g. ``"purposes[1].legal_basis"`` or ``"controller.name"``."""
    message: str = attrs.field(validator=_check_text, repr=redacted_repr)
    """What is wrong and what to do, in the language asked for."""

    def as_dict(self) -> dict[str, str]:
        """Return the finding as a JSON-ready dictionary of strings."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
        }
