"""Identifiers checked by python-stdnum (private): the shared wrapper.

python-stdnum is imported on the first check, not with :mod:`rekisteri`
(``import rekisteri`` stays light). Its exceptions are turned into the
matching :class:`~rekisteri.errors.InvalidIdentifierError` subclass of the
identifier, with a :class:`~rekisteri.errors.Reason`; like every rekisteri
error, the message never contains the value (an IBAN or a veronumero is
personal data).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING, Any

from rekisteri.errors import IdentifierTypeError, Reason

if TYPE_CHECKING:
    from types import ModuleType

    from rekisteri.errors import InvalidIdentifierError


@cache
def module(name: str) -> ModuleType:
    """Return the python-stdnum module *name*, e.g. ``"stdnum.fi.veronumero"``."""
    return importlib.import_module(name)


def _reason(exc: Exception) -> Reason:
    from stdnum import exceptions

    if isinstance(exc, exceptions.InvalidLength):
        return Reason.LENGTH
    if isinstance(exc, exceptions.InvalidChecksum):
        return Reason.CHECKSUM
    if isinstance(exc, exceptions.InvalidComponent):
        return Reason.COMPONENT
    return Reason.FORMAT


def call(
    name: str,
    function: str,
    value: object,
    *,
    kind: str,
    error: type[InvalidIdentifierError],
) -> Any:  # noqa: ANN401 - what the stdnum function returns (a str or a bool)
    """Call ``stdnum.<name>.<function>(value)``; raise rekisteri's errors for bad input.

    Raises:
        IdentifierTypeError: *value* is not a string.
        InvalidIdentifierError: The *error* class, with the reason, when
            python-stdnum refuses the value.
    """
    if not isinstance(value, str):
        raise IdentifierTypeError(kind=kind, type_name=type(value).__name__)
    from stdnum.exceptions import ValidationError

    stdnum = module(name)
    problem: Reason | None = None
    try:
        return getattr(stdnum, function)(value)
    except ValidationError as exc:
        problem = _reason(exc)
    except (ValueError, TypeError, IndexError, KeyError):  # python-stdnum on odd input
        problem = Reason.FORMAT
    # Raised here, outside the except block, so that no __context__ keeps
    # python-stdnum's exception (whose traceback would hold the value).
    raise error(kind=kind, reason=problem)


def is_valid(name: str, value: object) -> bool:
    """Return what ``stdnum.<name>.is_valid(value)`` says, for strings only; never raises."""
    if not isinstance(value, str):
        return False
    try:
        return bool(module(name).is_valid(value))
    except Exception:  # noqa: BLE001 - is_valid never raises, whatever python-stdnum does
        return False
