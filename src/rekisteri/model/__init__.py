"""The typed model of a personal-data register.

Frozen, slotted, keyword-only attrs classes; closed vocabularies are
``StrEnum`` s whose values are the wire values in TOML and JSON. Every class
checks the types of its fields when it is built (a wire value becomes its
enum member, a list a tuple, a plain string a Finnish-only
:class:`LocalizedText`; anything else is a
:class:`~rekisteri.errors.ModelTypeError` naming the field). The
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
    JointController,
    Processor,
    Recipient,
    Representative,
    SubProcessor,
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
    "JointController",
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
    "SubProcessor",
    "Transfer",
    "TransferMechanism",
]
