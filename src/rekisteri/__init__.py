"""rekisteri: a typed toolkit for Finnish personal-data registers.

``import rekisteri`` is light: it loads the error classes only. The
identifier modules, the CLI and their dependencies (attrs, click) load on
first use.

Examples:
    >>> import rekisteri
    >>> rekisteri.identifiers.hetu.is_valid("131052-308T")
    True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from rekisteri.errors import (
    IdentifierTypeError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifierError,
    InvalidLength,
    Reason,
    RekisteriError,
)

if TYPE_CHECKING:
    from rekisteri import errors, identifiers

__all__ = [
    "IdentifierTypeError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidIdentifierError",
    "InvalidLength",
    "Reason",
    "RekisteriError",
    "errors",
    "identifiers",
]

_SUBMODULES = frozenset({"errors", "identifiers"})


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version("rekisteri")
    if name in _SUBMODULES:
        return importlib.import_module(f"rekisteri.{name}")
    msg = f"module 'rekisteri' has no attribute {name!r}"
    raise AttributeError(msg)
