"""What is processed, why, from where, for how long and how safely."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

import attrs

from rekisteri.errors import InvalidValueError, ModelTypeError
from rekisteri.model._base import COUNTRY, EEA, KEY, Strict, business_id, strict
from rekisteri.model._enums import (
    LegalBasis,
    RetentionTrigger,
    SecurityKind,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.model._text import LocalizedText

#: A DPV term: an IRI, or a CURIE with a DPV prefix, such as ``pd:EmailAddress``
#: (the prefixes of :data:`rekisteri.categories.DPV_PREFIXES`).
_DPV_TERM: Final = re.compile(
    r"https?://[^\s\"<>{}|\\^`]+|(?:pd|dpv-pd|dpv):[A-Za-z][A-Za-z0-9_-]*"
)


def _dpv(_instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"{attribute.name}: expected a DPV term (str), got {type(value).__name__}"
        raise ModelTypeError(msg)
    if _DPV_TERM.fullmatch(value) is None:
        msg = (
            f"{attribute.name}: expected a DPV term, an IRI or a CURIE with the prefix "
            "pd:, dpv-pd: or dpv:, such as 'pd:EmailAddress'"
        )
        raise InvalidValueError(msg)


@strict
@attrs.frozen(kw_only=True)
class DataCategory(Strict):
    """A category of personal data, e.g. contact details or payment history.

    Flags mark what the law treats apart: the special categories of Art 9,
    criminal data of Art 10, and the henkilötunnus (whose use tietosuojalaki
    restricts).
    """

    key: str = attrs.field(metadata=KEY)
    """A short, stable identifier that purposes and retention rules refer to."""
    name: LocalizedText
    description: LocalizedText | None = None
    special: SpecialCategory | None = None
    criminal: bool = False
    """Personal data relating to criminal convictions and offences (Art 10)."""
    personal_identity_code: bool = False
    """The category holds henkilötunnus values."""
    dpv: str | None = attrs.field(default=None, validator=_dpv)
    """The W3C DPV personal-data concept the category is, as an IRI or a CURIE
    such as ``"pd:EmailAddress"`` (``pd:`` is ``https://w3id.org/dpv/pd#``;
    see :func:`rekisteri.categories.dpv_iri`). The catalog's categories carry one."""


@strict
@attrs.frozen(kw_only=True)
class DataSubjectCategory(Strict):
    """A group of people whose data are processed, e.g. customers' contact persons."""

    key: str = attrs.field(metadata=KEY)
    name: LocalizedText
    description: LocalizedText | None = None


#: The legal bases that rest on a law of the EU or of Finland (Art 6(3)).
_LAW_BASES: Final = frozenset({LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK})


@strict
@attrs.frozen(kw_only=True)
class Purpose(Strict):
    """A purpose of processing with its legal basis (Art 13(1)(c)).

    ``legal_basis`` may be left out when modelling an old notice that never
    named one; the linter reports the gap. With
    :attr:`~LegalBasis.LEGITIMATE_INTERESTS` a ``legitimate_interest`` must
    say which interest (Art 13(1)(d)). With
    :attr:`~LegalBasis.LEGAL_OBLIGATION` or :attr:`~LegalBasis.PUBLIC_TASK`,
    ``legal_basis_law`` names the law the basis rests on (Art 6(3)); the
    linter reports it missing, and it is refused with any other basis.

    ``legal_basis`` may also be given as its wire value
    (``legal_basis="consent"``), which is converted to the member.
    """

    key: str = attrs.field(metadata=KEY)
    name: LocalizedText
    legal_basis: LegalBasis | None = None
    legitimate_interest: LocalizedText | None = None
    description: LocalizedText | None = None
    data_categories: tuple[str, ...] = ()
    """Keys of the :class:`DataCategory` items processed for this purpose."""
    special_category_condition: str | None = None
    """For special categories, the Art 9(2) point relied on, e.g. ``"9(2)(a)"``."""
    direct_marketing: bool = False
    """The purpose is direct marketing: an objection (Art 21(2)) always stops it."""
    legal_basis_law: LocalizedText | None = None
    """The law (of the EU or of Finland) that a legal obligation (6(1)(c)) or a
    public task (6(1)(e)) rests on, e.g. ``"kirjanpitolaki (1336/1997)"``."""
    special_category_law: LocalizedText | None = None
    """The national provision that the Art 9(2) condition rests on, where one
    is needed, e.g. ``"tietosuojalaki (1050/2018) 6 § 1 mom. 2 k."``."""

    def __attrs_post_init__(self) -> None:
        basis = self.legal_basis
        if basis is LegalBasis.LEGITIMATE_INTERESTS and self.legitimate_interest is None:
            msg = "legitimate_interest: legitimate interests need a legitimate_interest text"
            raise InvalidValueError(msg)
        if self.legitimate_interest is not None and basis is not LegalBasis.LEGITIMATE_INTERESTS:
            msg = "legitimate_interest: legitimate_interest is only for legitimate_interests"
            raise InvalidValueError(msg)
        if self.legal_basis_law is not None and basis not in _LAW_BASES:
            msg = (
                "legal_basis_law: a law is only for the legal bases legal_obligation "
                "and public_task"
            )
            raise InvalidValueError(msg)


@strict
@attrs.frozen(kw_only=True)
class Source(Strict):
    """Where personal data come from (Art 14(2)(f)).

    Ready-made Finnish sources are in :mod:`rekisteri.sources`.
    """

    key: str = attrs.field(metadata=KEY)
    name: LocalizedText
    operator: LocalizedText | None = None
    """Who runs the source, e.g. ``"Patentti- ja rekisterihallitus"`` (a plain
    string is a Finnish-only name; the catalog's sources name it in fi, sv and en)."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    """The operator's Y-tunnus."""
    data: LocalizedText | None = None
    """The data the source typically supplies."""
    publicly_accessible: bool | None = None
    """Whether the source is publicly accessible; ``None`` when not stated."""
    is_data_subject: bool = False
    """The data subject themself: Art 13 rather than Art 14 applies."""


@strict
@attrs.frozen(kw_only=True)
class Transfer(Strict):
    """A transfer of personal data outside the EU/EEA (Chapter V).

    A transfer to a country outside the EEA needs a ``mechanism``; this is
    checked when the transfer is made. ``destination`` may be ``None`` when
    a notice speaks of transfers without saying where to.
    """

    destination: str | None = attrs.field(default=None, metadata=COUNTRY)
    """ISO 3166-1 alpha-2 code of the receiving country."""
    mechanism: TransferMechanism | None = None
    recipient: str | None = None
    description: LocalizedText | None = None
    safeguard_copy: LocalizedText | None = None
    """How to obtain a copy of the safeguards, or where they are available."""

    def __attrs_post_init__(self) -> None:
        if self.outside_eea and self.mechanism is None:
            msg = (
                f"destination: {self.destination} is outside the EEA, "
                "so the transfer needs a mechanism"
            )
            raise InvalidValueError(msg)

    @property
    def outside_eea(self) -> bool:
        """Whether the destination is known to lie outside the EEA."""
        return self.destination is not None and self.destination not in EEA

    @property
    def third_country(self) -> bool:
        """Whether Chapter V may apply: the destination is outside the EEA or not stated."""
        return self.destination is None or self.destination not in EEA


@strict
@attrs.frozen(kw_only=True)
class SecurityMeasure(Strict):
    """A security measure (Art 32), described for the notice and the Art 30 record."""

    description: LocalizedText
    kind: SecurityKind | None = None


@strict
@attrs.frozen(kw_only=True)
class AutomatedDecision(Strict):
    """Automated decision-making or profiling (Art 22), as Art 13(2)(f) asks to describe it."""

    description: LocalizedText
    logic: LocalizedText
    """Meaningful information about the logic involved."""
    significance: LocalizedText
    """The significance and envisaged consequences for the data subject."""


@strict
@attrs.frozen(kw_only=True)
class Duration(Strict):
    """A length of time in calendar years, months and days.

    Examples:
        >>> Duration(years=6)
        Duration(years=6, months=0, days=0)
    """

    years: int = 0
    months: int = 0
    days: int = 0

    def __attrs_post_init__(self) -> None:
        if not (self.years or self.months or self.days):
            msg = "a duration must not be zero: years, months and days are all 0"
            raise InvalidValueError(msg)


@strict
@attrs.frozen(kw_only=True)
class RetentionRule(Strict):
    """How long data are kept (Art 13(2)(a)).

    Prefer a computable rule: a ``period`` counted from a ``trigger``, and/or
    the ``statute`` that requires it (e.g. ``"kirjanpitolaki 1336/1997 2:10"``).
    ``description`` alone is the last resort, for criteria that cannot be
    computed ("until the customer relationship ends").
    """

    data_categories: tuple[str, ...] = ()
    """Keys of the categories the rule covers; empty means all."""
    period: Duration | None = None
    trigger: RetentionTrigger | None = None
    statute: str | None = None
    description: LocalizedText | None = None
    passivate: bool = False
    """Take the data out of active use when the trigger happens, and delete
    them when the period ends (the old notices' "passivoidaan, kun
    asiakkuus päättyy")."""
    fixed_date: date | None = None
    """For the ``fixed_date`` trigger: the date to count from, if it is the
    same for every record (otherwise each record gives its own)."""

    def __attrs_post_init__(self) -> None:
        if self.period is not None and self.trigger is None:
            msg = "a retention period needs a trigger to count from"
            raise InvalidValueError(msg)
        if self.fixed_date is not None and self.trigger is not RetentionTrigger.FIXED_DATE:
            msg = "fixed_date is only for the fixed_date trigger"
            raise InvalidValueError(msg)
        if self.passivate and self.trigger is None:
            msg = "passivation needs a trigger to passivate at"
            raise InvalidValueError(msg)
        if (self.period, self.trigger, self.statute, self.description) == (None,) * 4:
            msg = "a retention rule needs a period and trigger, a statute or a description"
            raise InvalidValueError(msg)

    @property
    def computable(self) -> bool:
        """Whether a deletion date can be computed from this rule."""
        return self.period is not None and self.trigger is not None


@strict
@attrs.frozen(kw_only=True)
class Cookie(Strict):
    """A cookie or similar terminal storage (laki sähköisen viestinnän palveluista 205 §)."""

    name: str
    purpose: LocalizedText
    provider: str | None = None
    duration: str | None = None
    """As shown to users, e.g. ``"13 months"`` or ``"session"``."""
    strictly_necessary: bool = False
    """Needed for a service the user asked for: no consent required."""
    country: str | None = attrs.field(default=None, metadata=COUNTRY)
    """Where the provider processes the data, if outside Finland."""
