"""The :class:`Register` aggregate."""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

import attrs

from rekisteri.errors import InvalidRegisterError, InvalidValueError, UnknownCategoryError
from rekisteri.model._base import EEA, Strict, member_of, strict, unique
from rekisteri.model._enums import LegalBasis, NoneStated, Right
from rekisteri.model._parties import (
    Address,
    ContactPoint,
    Controller,
    JointController,
    Processor,
    Recipient,
    SubProcessor,
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

#: The version of the register document format that this code writes.
#: Version 2 added joint controllers, the Art 28 details of processors, the
#: laws of legal bases and special-category conditions, catalog data
#: categories and association register numbers; version 1 documents are
#: upgraded when read.
SCHEMA_VERSION: Final = 2


@strict
@attrs.frozen(kw_only=True)
class Authority(Strict):
    """A supervisory authority, to which data subjects may complain (Art 77)."""

    name: LocalizedText
    contact: ContactPoint


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


def parties_outside_eea(
    processors: tuple[Processor, ...],
    recipients: tuple[Recipient, ...],
    cookies: tuple[Cookie, ...],
) -> list[Processor | SubProcessor | Recipient | Cookie]:
    """The processors, sub-processors, recipients and cookie providers outside the EEA.

    Each receives personal data outside the EEA: Chapter V applies as to a
    transfer, so a register that lists one cannot state that no data are
    transferred outside the EU or the EEA.
    """
    return [
        *(p for p in processors if p.country not in EEA),
        *(s for p in processors for s in p.sub_processors if s.country not in EEA),
        *(r for r in recipients if r.country is not None and r.country not in EEA),
        *(c for c in cookies if c.country is not None and c.country not in EEA),
    ]


@strict
@attrs.frozen(kw_only=True)
class Register(Strict):
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

    controller: Controller
    name: LocalizedText | None = None
    description: LocalizedText | None = None
    contact_person: ContactPoint | None = None
    """Contact for matters about this register (the old form's "yhteyshenkilö")."""
    data_subjects: tuple[DataSubjectCategory, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    """The categories of personal data; ready-made ones are in :mod:`rekisteri.categories`."""
    purposes: tuple[Purpose, ...] = ()
    sources: tuple[Source, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    processors: tuple[Processor, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    retention: tuple[RetentionRule, ...] = ()
    security: tuple[SecurityMeasure, ...] = ()
    rights: tuple[Right, ...] = attrs.field(factory=_rights_default)
    """The rights that apply. The default suits most registers based on a
    contract or legitimate interests; add portability and consent withdrawal
    where they apply."""
    rights_exercise: LocalizedText | None = None
    """How data subjects exercise their rights: whom to contact, how, and how
    their identity is checked (Art 12(2) asks the controller to make this easy)."""
    provision_requirement: LocalizedText | None = None
    """Whether the data subject must provide the data (a statutory or
    contractual requirement, or one needed to enter into a contract) and what
    follows if they do not (Art 13(2)(e); data collected from the person)."""
    automated_decisions: tuple[AutomatedDecision, ...] = ()
    cookies: tuple[Cookie, ...] = ()
    cookie_policy: LocalizedText | None = None
    """The notice's general text on cookies and similar technologies: what
    they are used for and how to refuse or remove them. Each cookie by name
    is in ``cookies``."""
    none_stated: tuple[NoneStated, ...] = ()
    """Parts of which the register says, explicitly, that there are none
    (e.g. "no transfers outside the EU/EEA"). Each listed part must be empty."""
    complaint_authority: Authority = DATA_PROTECTION_OMBUDSMAN
    updated: date | None = None
    """When the description was last updated."""
    joint_controllers: tuple[JointController, ...] = ()
    """Other controllers that decide jointly with this one (Art 26)."""
    joint_arrangement: LocalizedText | None = None
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
            + (self._why_not_none() if part is NoneStated.TRANSFERS else "")
            for part in self.none_stated
            if self._lists(part)
        ]
        if self.uses(LegalBasis.CONSENT) and Right.WITHDRAW_CONSENT not in self.rights:
            problems.append("rights: a purpose is based on consent, so withdraw_consent applies")
        return problems

    def _lists(self, part: NoneStated) -> bool:
        """Whether the register lists something that *part* in ``none_stated`` denies.

        A transfer within the EEA is no transfer to a third country, so it may
        stand beside "not transferred outside the EU or the EEA"; a processor,
        a sub-processor, a recipient or a cookie's provider in a country outside
        the EEA receives the data there (Chapter V), so it may not.
        """
        if part is NoneStated.TRANSFERS:
            return any(t.third_country for t in self.transfers) or bool(
                parties_outside_eea(self.processors, self.recipients, self.cookies)
            )
        return bool(getattr(self, part.value))

    def _why_not_none(self) -> str:
        """Why "no transfers" cannot stand: a destination, or a party outside the EEA."""
        if any(t.third_country for t in self.transfers):
            return " (a destination outside the EEA or unknown)"
        return (
            " (a processor, sub-processor, recipient or cookie provider outside the EEA"
            " receives the data there)"
        )

    def uses(self, basis: LegalBasis | str) -> bool:
        """Whether any purpose relies on *basis* (a member or its wire value).

        Raises:
            InvalidValueError: *basis* is not a legal basis (``ModelTypeError``
                if it is not even a string).
        """
        member = member_of("basis", basis, LegalBasis)
        return any(purpose.legal_basis is member for purpose in self.purposes)

    def category(self, key: str) -> DataCategory:
        """Return the data category with *key*.

        Raises:
            UnknownCategoryError: There is none (a ``KeyError``; its message
                quotes the key only if it is made of letters and hyphens).
        """
        for category in self.data_categories:
            if category.key == key:
                return category
        raise UnknownCategoryError(key, "the register")

    @property
    def third_party_sources(self) -> tuple[Source, ...]:
        """Sources other than the data subject: they make Art 14 apply."""
        return tuple(source for source in self.sources if not source.is_data_subject)
