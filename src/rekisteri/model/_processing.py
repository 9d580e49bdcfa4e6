"""What is processed, why, from where, for how long and how safely."""

from __future__ import annotations

from datetime import date

import attrs

from rekisteri.errors import InvalidValueError
from rekisteri.model._base import (
    EEA,
    at_least_zero,
    business_id,
    country,
    key,
    non_blank,
)
from rekisteri.model._enums import (
    LegalBasis,
    RetentionTrigger,
    SecurityKind,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.model._text import LocalizedText

_optional_text = attrs.validators.optional(non_blank)
_keys = attrs.validators.deep_iterable(key)


@attrs.frozen(kw_only=True)
class DataCategory:
    """A category of personal data, e.g. contact details or payment history.

    Flags mark what the law treats apart: the special categories of Art 9,
    criminal data of Art 10, and the henkilötunnus (whose use tietosuojalaki
    restricts).
    """

    key: str = attrs.field(validator=key)
    """A short, stable identifier that purposes and retention rules refer to."""
    name: LocalizedText
    description: LocalizedText | None = None
    special: SpecialCategory | None = None
    criminal: bool = False
    """Personal data relating to criminal convictions and offences (Art 10)."""
    personal_identity_code: bool = False
    """The category holds henkilötunnus values."""


@attrs.frozen(kw_only=True)
class DataSubjectCategory:
    """A group of people whose data are processed, e.g. customers' contact persons."""

    key: str = attrs.field(validator=key)
    name: LocalizedText
    description: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Purpose:
    """A purpose of processing with its legal basis (Art 13(1)(c)).

    ``legal_basis`` may be left out when modelling an old notice that never
    named one; the linter reports the gap. With
    :attr:`~LegalBasis.LEGITIMATE_INTERESTS` a ``legitimate_interest`` must
    say which interest (Art 13(1)(d)).
    """

    key: str = attrs.field(validator=key)
    name: LocalizedText
    legal_basis: LegalBasis | None = None
    legitimate_interest: LocalizedText | None = None
    description: LocalizedText | None = None
    data_categories: tuple[str, ...] = attrs.field(default=(), validator=_keys)
    """Keys of the :class:`DataCategory` items processed for this purpose."""
    special_category_condition: str | None = attrs.field(default=None, validator=_optional_text)
    """For special categories, the Art 9(2) point relied on, e.g. ``"9(2)(a)"``."""
    direct_marketing: bool = False
    """The purpose is direct marketing: an objection (Art 21(2)) always stops it."""

    def __attrs_post_init__(self) -> None:
        if self.legal_basis is LegalBasis.LEGITIMATE_INTERESTS and self.legitimate_interest is None:
            msg = f"purpose {self.key!r}: legitimate interests need a legitimate_interest text"
            raise InvalidValueError(msg)
        if (
            self.legitimate_interest is not None
            and self.legal_basis is not LegalBasis.LEGITIMATE_INTERESTS
        ):
            msg = f"purpose {self.key!r}: legitimate_interest is only for legitimate_interests"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class Source:
    """Where personal data come from (Art 14(2)(f)).

    Ready-made Finnish sources are in :mod:`rekisteri.sources`.
    """

    key: str = attrs.field(validator=key)
    name: LocalizedText
    operator: str | None = attrs.field(default=None, validator=_optional_text)
    """Who runs the source, e.g. ``"Patentti- ja rekisterihallitus"``."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    """The operator's Y-tunnus."""
    data: LocalizedText | None = None
    """The data the source typically supplies."""
    publicly_accessible: bool | None = None
    """Whether the source is publicly accessible; ``None`` when not stated."""
    is_data_subject: bool = False
    """The data subject themself: Art 13 rather than Art 14 applies."""


@attrs.frozen(kw_only=True)
class Transfer:
    """A transfer of personal data outside the EU/EEA (Chapter V).

    A transfer to a country outside the EEA needs a ``mechanism``; this is
    checked when the transfer is made. ``destination`` may be ``None`` when
    a notice speaks of transfers without saying where to.
    """

    destination: str | None = attrs.field(default=None, validator=country)
    """ISO 3166-1 alpha-2 code of the receiving country."""
    mechanism: TransferMechanism | None = None
    recipient: str | None = attrs.field(default=None, validator=_optional_text)
    description: LocalizedText | None = None
    safeguard_copy: LocalizedText | None = None
    """How to obtain a copy of the safeguards, or where they are available."""

    def __attrs_post_init__(self) -> None:
        if self.outside_eea and self.mechanism is None:
            msg = f"a transfer to {self.destination} (outside the EEA) needs a mechanism"
            raise InvalidValueError(msg)

    @property
    def outside_eea(self) -> bool:
        """Whether the destination is known to lie outside the EEA."""
        return self.destination is not None and self.destination not in EEA


@attrs.frozen(kw_only=True)
class SecurityMeasure:
    """A security measure (Art 32), described for the notice and the Art 30 record."""

    description: LocalizedText
    kind: SecurityKind | None = None


@attrs.frozen(kw_only=True)
class AutomatedDecision:
    """Automated decision-making or profiling (Art 22), as Art 13(2)(f) asks to describe it."""

    description: LocalizedText
    logic: LocalizedText
    """Meaningful information about the logic involved."""
    significance: LocalizedText
    """The significance and envisaged consequences for the data subject."""


@attrs.frozen(kw_only=True)
class Duration:
    """A length of time in calendar years, months and days.

    Examples:
        >>> Duration(years=6)
        Duration(years=6, months=0, days=0)
    """

    years: int = attrs.field(default=0, validator=at_least_zero)
    months: int = attrs.field(default=0, validator=at_least_zero)
    days: int = attrs.field(default=0, validator=at_least_zero)

    def __attrs_post_init__(self) -> None:
        if not (self.years or self.months or self.days):
            msg = "a duration must not be zero"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class RetentionRule:
    """How long data are kept (Art 13(2)(a)).

    Prefer a computable rule: a ``period`` counted from a ``trigger``, and/or
    the ``statute`` that requires it (e.g. ``"kirjanpitolaki 1336/1997 2:10"``).
    ``description`` alone is the last resort, for criteria that cannot be
    computed ("until the customer relationship ends").
    """

    data_categories: tuple[str, ...] = attrs.field(default=(), validator=_keys)
    """Keys of the categories the rule covers; empty means all."""
    period: Duration | None = None
    trigger: RetentionTrigger | None = None
    statute: str | None = attrs.field(default=None, validator=_optional_text)
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


@attrs.frozen(kw_only=True)
class Cookie:
    """A cookie or similar terminal storage (laki sähköisen viestinnän palveluista 205 §)."""

    name: str = attrs.field(validator=non_blank)
    purpose: LocalizedText
    provider: str | None = attrs.field(default=None, validator=_optional_text)
    duration: str | None = attrs.field(default=None, validator=_optional_text)
    """As shown to users, e.g. ``"13 months"`` or ``"session"``."""
    strictly_necessary: bool = False
    """Needed for a service the user asked for: no consent required."""
    country: str | None = attrs.field(default=None, validator=country)
    """Where the provider processes the data, if outside Finland."""
