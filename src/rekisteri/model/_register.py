"""The :class:`Register` aggregate."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, Literal

import attrs

from rekisteri.errors import InvalidRegisterError, InvalidValueError
from rekisteri.model._base import (
    as_tuple,
    date_value,
    enum_converter,
    enum_items,
    enum_tuple,
    instance,
    items,
    optional_instance,
    optional_text,
    text,
    to_optional_text,
    to_text,
    unique,
)
from rekisteri.model._enums import LegalBasis, NoneStated, Right
from rekisteri.model._parties import (
    Address,
    ContactPoint,
    Controller,
    JointController,
    Processor,
    Recipient,
)
from rekisteri.model._processing import (
    AutomatedDecision,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Purpose,
    RetentionRule,
    SecurityMeasure,
    Source,
    Transfer,
)
from rekisteri.model._text import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The version of the register document format that this code writes.
#: Version 2 added joint controllers, the Art 28 details of processors, the
#: laws of legal bases and special-category conditions, catalog data
#: categories and association register numbers; version 1 documents are
#: upgraded when read.
SCHEMA_VERSION: Final = 2


@attrs.frozen(kw_only=True)
class Authority:
    """A supervisory authority, to which data subjects may complain (Art 77)."""

    name: LocalizedText = attrs.field(converter=to_text, validator=text)
    contact: ContactPoint = attrs.field(validator=instance(ContactPoint))


#: Tietosuojavaltuutetun toimisto, the Finnish supervisory authority.
DATA_PROTECTION_OMBUDSMAN: Final = Authority(
    name=LocalizedText(
        fi="Tietosuojavaltuutetun toimisto",
        sv="Dataombudsmannens byrå",
        en="Office of the Data Protection Ombudsman",
    ),
    contact=ContactPoint(
        address=Address(street="PL 800", postal_code="00531", town="Helsinki"),
        phone="+358 29 566 6700",
        url="https://tietosuoja.fi",
    ),
)


_to_right = enum_converter(Right)
_to_none_stated = enum_converter(NoneStated)

# Named converters, one for each type: the attrs mypy plugin reads the type a
# field accepts in __init__ from its converter's parameter. A list (or another
# sequence) becomes a tuple; the validators then check every item.


def _subjects(value: Iterable[DataSubjectCategory]) -> tuple[DataSubjectCategory, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _categories(value: Iterable[DataCategory]) -> tuple[DataCategory, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _purposes(value: Iterable[Purpose]) -> tuple[Purpose, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _recipients(value: Iterable[Recipient]) -> tuple[Recipient, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _processors(value: Iterable[Processor]) -> tuple[Processor, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _joint_controllers(value: Iterable[JointController]) -> tuple[JointController, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _transfers(value: Iterable[Transfer]) -> tuple[Transfer, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _retention(value: Iterable[RetentionRule]) -> tuple[RetentionRule, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _security(value: Iterable[SecurityMeasure]) -> tuple[SecurityMeasure, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _decisions(value: Iterable[AutomatedDecision]) -> tuple[AutomatedDecision, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _cookies(value: Iterable[Cookie]) -> tuple[Cookie, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


def _rights(value: Iterable[Right | str]) -> tuple[Right, ...]:
    if type(value) is tuple and all(type(item) is Right for item in value):
        return value
    return enum_tuple(value, _to_right)  # type: ignore[return-value] # the validator checks it


def _none_stated(value: Iterable[NoneStated | str]) -> tuple[NoneStated, ...]:
    if type(value) is tuple and all(type(item) is NoneStated for item in value):
        return value
    return enum_tuple(value, _to_none_stated)  # type: ignore[return-value] # the validator checks it


def _schema_version(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value != SCHEMA_VERSION or type(value) is not int:
        msg = f"{attribute.name}: a register built by this rekisteri is version {SCHEMA_VERSION}"
        raise InvalidValueError(msg)


def _rights_default() -> tuple[Right, ...]:
    return (
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
        Right.OBJECT,
        Right.COMPLAINT,
    )


@attrs.frozen(kw_only=True)
class Register:
    """A register: everything a privacy notice and an Art 30 record are built from.

    The register checks, when it is built, the rules that hold for every
    register (and raises :class:`~rekisteri.errors.InvalidRegisterError`
    listing all that are broken): keys are unique; purposes and retention
    rules refer only to data categories that exist; a purpose based on
    consent means the right to withdraw consent is listed. Softer questions,
    such as a missing retention period, are for the linter.

    Examples:
        >>> from rekisteri.model import Controller, LocalizedText, Purpose, LegalBasis
        >>> register = Register(
        ...     controller=Controller(name="Esimerkki Oy", business_id="2077474-0"),
        ...     name=LocalizedText(fi="Asiakasrekisteri"),
        ...     purposes=(
        ...         Purpose(key="billing", name=LocalizedText(fi="Laskutus"),
        ...                 legal_basis=LegalBasis.CONTRACT),
        ...     ),
        ... )
        >>> register.complaint_authority.name.fi
        'Tietosuojavaltuutetun toimisto'
    """

    controller: Controller = attrs.field(validator=instance(Controller))
    name: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    description: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    contact_person: ContactPoint | None = attrs.field(
        default=None, validator=optional_instance(ContactPoint)
    )
    """Contact for matters about this register (the old form's "yhteyshenkilö")."""
    data_subjects: tuple[DataSubjectCategory, ...] = attrs.field(
        default=(), converter=_subjects, validator=items(DataSubjectCategory)
    )
    data_categories: tuple[DataCategory, ...] = attrs.field(
        default=(), converter=_categories, validator=items(DataCategory)
    )
    """The categories of personal data; ready-made ones are in :mod:`rekisteri.categories`."""
    purposes: tuple[Purpose, ...] = attrs.field(
        default=(), converter=_purposes, validator=items(Purpose)
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_sources, validator=items(Source)
    )
    recipients: tuple[Recipient, ...] = attrs.field(
        default=(), converter=_recipients, validator=items(Recipient)
    )
    processors: tuple[Processor, ...] = attrs.field(
        default=(), converter=_processors, validator=items(Processor)
    )
    transfers: tuple[Transfer, ...] = attrs.field(
        default=(), converter=_transfers, validator=items(Transfer)
    )
    retention: tuple[RetentionRule, ...] = attrs.field(
        default=(), converter=_retention, validator=items(RetentionRule)
    )
    security: tuple[SecurityMeasure, ...] = attrs.field(
        default=(), converter=_security, validator=items(SecurityMeasure)
    )
    rights: tuple[Right, ...] = attrs.field(
        factory=_rights_default, converter=_rights, validator=enum_items(Right)
    )
    """The rights that apply. The default suits most registers based on a
    contract or legitimate interests; add portability and consent withdrawal
    where they apply."""
    rights_exercise: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """How data subjects exercise their rights: whom to contact, how, and how
    their identity is checked (Art 12(2) asks the controller to make this easy)."""
    provision_requirement: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """Whether the data subject must provide the data (a statutory or
    contractual requirement, or one needed to enter into a contract) and what
    follows if they do not (Art 13(2)(e); data collected from the person)."""
    automated_decisions: tuple[AutomatedDecision, ...] = attrs.field(
        default=(), converter=_decisions, validator=items(AutomatedDecision)
    )
    cookies: tuple[Cookie, ...] = attrs.field(
        default=(), converter=_cookies, validator=items(Cookie)
    )
    none_stated: tuple[NoneStated, ...] = attrs.field(
        default=(), converter=_none_stated, validator=enum_items(NoneStated)
    )
    """Parts of which the register says, explicitly, that there are none
    (e.g. "no transfers outside the EU/EEA"). Each listed part must be empty."""
    complaint_authority: Authority = attrs.field(
        default=DATA_PROTECTION_OMBUDSMAN, validator=instance(Authority)
    )
    updated: date | None = attrs.field(default=None, validator=date_value)
    """When the description was last updated."""
    joint_controllers: tuple[JointController, ...] = attrs.field(
        default=(), converter=_joint_controllers, validator=items(JointController)
    )
    """Other controllers that decide jointly with this one (Art 26)."""
    joint_arrangement: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """The essence of the arrangement between joint controllers, as made
    available to data subjects (Art 26(2)); the linter asks for it when
    there are joint controllers."""
    schema_version: Literal[2] = attrs.field(default=SCHEMA_VERSION, validator=_schema_version)

    def __attrs_post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InvalidRegisterError(problems)

    def problems(self) -> list[str]:
        """Return the broken construction rules (empty for a built register)."""
        # No message quotes a key: a key may be anything a user typed (even a
        # henkilötunnus in lower case); the messages say where instead.
        problems = unique((c.key for c in self.data_categories), "data_categories", "key")
        problems += unique((s.key for s in self.data_subjects), "data_subjects", "key")
        problems += unique((p.key for p in self.purposes), "purposes", "key")
        problems += unique((s.key for s in self.sources), "sources", "key")
        problems += unique(self.rights, "rights")
        known = {c.key for c in self.data_categories}
        for index, purpose in enumerate(self.purposes):
            problems += [
                f"purposes[{index}].data_categories[{position}]: no data category with this key"
                for position, ref in enumerate(purpose.data_categories)
                if ref not in known
            ]
        for index, rule in enumerate(self.retention):
            problems += [
                f"retention[{index}].data_categories[{position}]: no data category with this key"
                for position, ref in enumerate(rule.data_categories)
                if ref not in known
            ]
        problems += unique(self.none_stated, "none_stated")
        problems += [
            f"none_stated: {part.value!r} is listed, but {part.value} is not empty"
            for part in self.none_stated
            if getattr(self, part.value)
        ]
        if self.uses(LegalBasis.CONSENT) and Right.WITHDRAW_CONSENT not in self.rights:
            problems.append("rights: a purpose is based on consent, so withdraw_consent applies")
        return problems

    def uses(self, basis: LegalBasis) -> bool:
        """Whether any purpose relies on *basis*."""
        return any(purpose.legal_basis is basis for purpose in self.purposes)

    def category(self, key: str) -> DataCategory:
        """Return the data category with *key*.

        Raises:
            KeyError: There is none.
        """
        for category in self.data_categories:
            if category.key == key:
                return category
        raise KeyError(key)

    @property
    def third_party_sources(self) -> tuple[Source, ...]:
        """Sources other than the data subject: they make Art 14 apply."""
        return tuple(source for source in self.sources if not source.is_data_subject)
