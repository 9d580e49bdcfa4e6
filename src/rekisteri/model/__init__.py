"""The typed model of a personal-data register.

Frozen, slotted, keyword-only attrs classes; closed vocabularies are
``StrEnum`` s whose values are the wire values in TOML and JSON. The
:class:`Register` aggregate is the one source of truth that serialisation,
rendering and the linter read.

Examples:
    >>> from rekisteri.model import Controller, LocalizedText, Register
    >>> Register(controller=Controller(name="Esimerkki Oy")).rights[0]
    <Right.ACCESS: 'access'>
"""

from rekisteri.model._base import EEA
from rekisteri.model._enums import (
    LegalBasis,
    NoneStated,
    RetentionTrigger,
    Right,
    SecurityKind,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.model._parties import (
    Address,
    ContactPoint,
    Controller,
    Processor,
    Recipient,
    Representative,
)
from rekisteri.model._processing import (
    AutomatedDecision,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Duration,
    Purpose,
    RetentionRule,
    SecurityMeasure,
    Source,
    Transfer,
)
from rekisteri.model._register import DATA_PROTECTION_OMBUDSMAN, SCHEMA_VERSION, Authority, Register
from rekisteri.model._text import Lang, LocalizedText

__all__ = [
    "DATA_PROTECTION_OMBUDSMAN",
    "EEA",
    "SCHEMA_VERSION",
    "Address",
    "Authority",
    "AutomatedDecision",
    "ContactPoint",
    "Controller",
    "Cookie",
    "DataCategory",
    "DataSubjectCategory",
    "Duration",
    "Lang",
    "LegalBasis",
    "LocalizedText",
    "NoneStated",
    "Processor",
    "Purpose",
    "Recipient",
    "Register",
    "Representative",
    "RetentionRule",
    "RetentionTrigger",
    "Right",
    "SecurityKind",
    "SecurityMeasure",
    "Source",
    "SpecialCategory",
    "Transfer",
    "TransferMechanism",
]
