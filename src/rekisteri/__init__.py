"""rekisteri: a typed toolkit for Finnish personal-data registers.

``import rekisteri`` is light: it loads the error classes only. The model
names below (``rekisteri.Register`` and friends), the identifier modules, the
CLI and their dependencies (attrs, cattrs, click) load on first use.

Examples:
    >>> import rekisteri
    >>> rekisteri.identifiers.hetu.is_valid("131052-308T")
    True
    >>> rekisteri.Register(controller=rekisteri.Controller(name="Esimerkki Oy")).schema_version
    2
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

from rekisteri.errors import (
    ErasureNotFlushedError,
    FutureEventError,
    IdentifierTypeError,
    InvalidAssociationIdError,
    InvalidCheckpointError,
    InvalidChecksum,
    InvalidComponent,
    InvalidDocumentError,
    InvalidFormat,
    InvalidIbanError,
    InvalidIdentifierError,
    InvalidLength,
    InvalidRegisterError,
    InvalidTransitionError,
    InvalidValueError,
    InvalidVeronumeroError,
    MissingDependencyError,
    ModelTypeError,
    Reason,
    RekisteriError,
    SecretRequiredError,
    SecretTypeError,
    StoreFileError,
    UnknownCategoryError,
    WeakSecretError,
    WrongSecretError,
)

#: The name under which rekisteri is published on the package index
#: (``pip install rekisteri-fi``); the import package is ``rekisteri``.
DISTRIBUTION: Final = "rekisteri-fi"

if TYPE_CHECKING:
    from rekisteri import (
        categories,
        errors,
        identifiers,
        importer,
        jsonld,
        lint,
        model,
        serialize,
        sources,
    )
    from rekisteri.model import (
        Address,
        ContactPoint,
        Controller,
        DataCategory,
        DataSubjectCategory,
        Lang,
        LegalBasis,
        LocalizedText,
        Processor,
        Purpose,
        Recipient,
        Register,
        RetentionRule,
        Right,
        Source,
        Transfer,
    )

__all__ = [
    "Address",
    "ContactPoint",
    "Controller",
    "DataCategory",
    "DataSubjectCategory",
    "ErasureNotFlushedError",
    "FutureEventError",
    "IdentifierTypeError",
    "InvalidAssociationIdError",
    "InvalidCheckpointError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidDocumentError",
    "InvalidFormat",
    "InvalidIbanError",
    "InvalidIdentifierError",
    "InvalidLength",
    "InvalidRegisterError",
    "InvalidTransitionError",
    "InvalidValueError",
    "InvalidVeronumeroError",
    "Lang",
    "LegalBasis",
    "LocalizedText",
    "MissingDependencyError",
    "ModelTypeError",
    "Processor",
    "Purpose",
    "Reason",
    "Recipient",
    "Register",
    "RekisteriError",
    "RetentionRule",
    "Right",
    "SecretRequiredError",
    "SecretTypeError",
    "Source",
    "StoreFileError",
    "Transfer",
    "UnknownCategoryError",
    "WeakSecretError",
    "WrongSecretError",
    "categories",
    "errors",
    "identifiers",
    "importer",
    "jsonld",
    "lint",
    "model",
    "serialize",
    "sources",
]

_SUBMODULES = frozenset(
    {
        "categories",
        "errors",
        "identifiers",
        "importer",
        "jsonld",
        "lint",
        "model",
        "serialize",
        "sources",
    }
)
_MODEL_NAMES = frozenset(__all__) - _SUBMODULES - frozenset(dir())


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version(DISTRIBUTION)
    if name in _SUBMODULES:
        return importlib.import_module(f"rekisteri.{name}")
    if name in _MODEL_NAMES:
        return getattr(importlib.import_module("rekisteri.model"), name)
    msg = f"module 'rekisteri' has no attribute {name!r}"
    raise AttributeError(msg)
