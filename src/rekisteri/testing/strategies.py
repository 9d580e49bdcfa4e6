"""Hypothesis strategies for Finnish identifiers and registers (public; needs ``hypothesis``).

Install with ``pip install 'rekisteri[testing]'``. :func:`registers` draws
valid :class:`~rekisteri.model.Register` values, built from the strategies of
their parts (:func:`controllers`, :func:`purposes`, :func:`sources`, ...).

Examples:
    >>> from hypothesis import given
    >>> from rekisteri.identifiers import hetu
    >>> from rekisteri.testing.strategies import hetus
    >>> @given(hetus())
    ... def test_accepts_synthetic(value: str) -> None:
    ...     assert hetu.is_valid(value, allow_temporary=True)
    >>> test_accepts_synthetic()
"""

from __future__ import annotations

import operator
import string
from datetime import date
from typing import TYPE_CHECKING, Any, Final, TypeVar

from hypothesis import strategies as st

from rekisteri.model import (
    EEA,
    Address,
    Authority,
    AutomatedDecision,
    ContactPoint,
    Controller,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Duration,
    LegalBasis,
    LocalizedText,
    Processor,
    Purpose,
    Recipient,
    Register,
    Representative,
    RetentionRule,
    RetentionTrigger,
    Right,
    SecurityKind,
    SecurityMeasure,
    Source,
    SpecialCategory,
    Transfer,
    TransferMechanism,
)
from rekisteri.sources import CATALOG
from rekisteri.testing import (
    _SIGNS_BY_CENTURY,
    HetuCorruption,
    YtunnusCorruption,
    corrupt_hetu,
    corrupt_ytunnus,
    make_hetu,
    make_ytunnus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Sequence

__all__ = [
    "addresses",
    "automated_decisions",
    "contact_points",
    "controllers",
    "cookies",
    "corrupted_hetus",
    "corrupted_ytunnukset",
    "countries",
    "data_categories",
    "data_subject_categories",
    "durations",
    "hetus",
    "keys",
    "localized_texts",
    "processors",
    "purposes",
    "recipients",
    "registers",
    "retention_rules",
    "security_measures",
    "sources",
    "transfers",
    "ytunnukset",
]

T = TypeVar("T")


@st.composite
def _hetu(
    draw: st.DrawFn,
    *,
    min_date: date,
    max_date: date,
    temporary_only: bool,
    new_signs: bool,
) -> str:
    birth = draw(st.dates(min_value=min_date, max_value=max_date))
    signs = _SIGNS_BY_CENTURY[birth.year // 100 * 100]
    sign = draw(st.sampled_from(signs)) if new_signs else signs[0]
    low, high = (900, 999) if temporary_only else (2, 899)
    return make_hetu(birth, draw(st.integers(low, high)), sign=sign)


def hetus(
    *,
    min_date: date = date(1800, 1, 1),
    max_date: date = date(2023, 12, 31),
    temporary_only: bool = True,
    new_signs: bool = True,
) -> st.SearchStrategy[str]:
    """Valid henkilötunnus values in canonical form.

    By default only temporary numbers (900–999) are drawn, so that no value
    names a real person: validate them with ``allow_temporary=True``.

    Args:
        min_date: Earliest birth date (not before 1800).
        max_date: Latest birth date (not after 2099).
        temporary_only: Draw individual numbers 900–999 only; ``False`` draws 002–899.
        new_signs: Also draw the century signs of the 2023 reform.
    """
    return _hetu(
        min_date=min_date,
        max_date=max_date,
        temporary_only=temporary_only,
        new_signs=new_signs,
    )


def corrupted_hetus(**kwargs: date | bool) -> st.SearchStrategy[str]:
    """Henkilötunnus values broken in one of the :class:`~rekisteri.testing.HetuCorruption` ways.

    Takes the same arguments as :func:`hetus`; every value drawn is invalid.
    """
    return st.builds(
        corrupt_hetu,
        hetus(**kwargs),  # type: ignore[arg-type] # the same keywords as hetus()
        st.sampled_from(HetuCorruption),
    )


def ytunnukset() -> st.SearchStrategy[str]:
    """Valid Y-tunnus values in canonical form ``NNNNNNN-C``."""
    prefixes = st.integers(0, 9_999_999).filter(lambda n: make_ytunnus(n) is not None)
    return prefixes.map(lambda n: str(make_ytunnus(n)))


def corrupted_ytunnukset() -> st.SearchStrategy[str]:
    """Y-tunnus values broken in one of the :class:`~rekisteri.testing.YtunnusCorruption` ways."""
    return st.builds(corrupt_ytunnus, ytunnukset(), st.sampled_from(YtunnusCorruption))


# ------------------------------------------------------------------ the model
#
# Texts are short and drawn from a small printable alphabet (with the Finnish
# and Swedish letters) so that properties stay fast; every text is non-blank.

_LETTERS: Final = string.ascii_letters + "äöåÄÖÅ"
_TEXT_ALPHABET: Final = _LETTERS + string.digits + " -.,()"
_KEY_PATTERN: Final = r"[a-z0-9][a-z0-9_-]{0,11}"
_NON_EEA: Final = ("US", "GB", "CH", "JP", "IN", "CA", "AU", "BR")


def _texts(max_size: int = 12) -> st.SearchStrategy[str]:
    """Short printable strings that start with a letter, so they are never blank."""
    return st.builds(
        operator.add, st.sampled_from(_LETTERS), st.text(_TEXT_ALPHABET, max_size=max_size - 1)
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def keys() -> st.SearchStrategy[str]:
    """Keys of model items: ``[a-z0-9][a-z0-9_-]*``, at most 12 characters."""
    return st.from_regex(_KEY_PATTERN, fullmatch=True)


def countries(*, eea: bool | None = None) -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes: EEA members, a few others, or both (``eea=None``)."""
    inside = st.sampled_from(sorted(EEA))
    outside = st.sampled_from(_NON_EEA)
    if eea is None:
        return inside | outside
    return inside if eea else outside


def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """Texts with Finnish and, sometimes, Swedish and English."""
    return st.builds(LocalizedText, fi=_texts(), sv=_optional(_texts()), en=_optional(_texts()))


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    """Postal addresses; a Finnish one (the usual case) has a five-digit postal code."""
    country = draw(st.just("FI") | countries())
    code = st.from_regex(r"[0-9]{5}", fullmatch=True) if country == "FI" else _texts(8)
    return Address(
        street=draw(_optional(_texts())),
        postal_code=draw(_optional(code)),
        town=draw(_optional(_texts())),
        country=country,
    )


@st.composite
def contact_points(draw: st.DrawFn) -> ContactPoint:
    """Contact points with at least one channel and, if any, a real-looking e-mail."""
    emails = st.builds("{}@{}.fi".format, st.from_regex(r"[a-z]{1,8}", fullmatch=True), keys())
    phones = st.from_regex(r"\+358 [0-9]{2} [0-9]{3} [0-9]{4}", fullmatch=True)
    email = draw(_optional(emails))
    phone = draw(_optional(phones))
    address = draw(_optional(addresses()))
    url = draw(_optional(st.builds("https://{}.fi".format, keys())))
    if email is None and phone is None and address is None and url is None:
        email = draw(emails)
    return ContactPoint(
        name=draw(_optional(_texts())), email=email, phone=phone, address=address, url=url
    )


def controllers() -> st.SearchStrategy[Controller]:
    """Controllers, sometimes with a Y-tunnus (canonical, from :func:`ytunnukset`)."""
    representatives = st.builds(Representative, name=_texts(), contact=contact_points())
    return st.builds(
        Controller,
        name=_texts(),
        business_id=_optional(ytunnukset()),
        address=_optional(addresses()),
        contact=_optional(contact_points()),
        representative=_optional(representatives),
        dpo=_optional(contact_points()),
    )


def data_categories() -> st.SearchStrategy[DataCategory]:
    """Data categories, now and then a special, criminal or henkilötunnus one."""
    return st.builds(
        DataCategory,
        key=keys(),
        name=localized_texts(),
        description=_optional(localized_texts()),
        special=_optional(st.sampled_from(SpecialCategory)),
        criminal=st.booleans(),
        personal_identity_code=st.booleans(),
    )


def data_subject_categories() -> st.SearchStrategy[DataSubjectCategory]:
    """Groups of data subjects."""
    return st.builds(
        DataSubjectCategory,
        key=keys(),
        name=localized_texts(),
        description=_optional(localized_texts()),
    )


def _key_subsets(category_keys: Sequence[str]) -> st.SearchStrategy[tuple[str, ...]]:
    if not category_keys:
        return st.just(())
    return st.lists(st.sampled_from(tuple(category_keys)), unique=True, max_size=3).map(tuple)


@st.composite
def purposes(draw: st.DrawFn, *, category_keys: Sequence[str] = ()) -> Purpose:
    """Purposes that refer only to *category_keys*.

    A purpose based on legitimate interests says which interest; no other
    purpose has a ``legitimate_interest``. The legal basis is sometimes left
    out, as in an old notice.
    """
    basis = draw(_optional(st.sampled_from(LegalBasis)))
    interest = draw(localized_texts()) if basis is LegalBasis.LEGITIMATE_INTERESTS else None
    return Purpose(
        key=draw(keys()),
        name=draw(localized_texts()),
        legal_basis=basis,
        legitimate_interest=interest,
        description=draw(_optional(localized_texts())),
        data_categories=draw(_key_subsets(category_keys)),
        special_category_condition=draw(_optional(st.sampled_from(("9(2)(a)", "9(2)(b)")))),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources: the values of :data:`rekisteri.sources.CATALOG` and custom ones."""
    custom = st.builds(
        Source,
        key=keys().filter(lambda key: key not in CATALOG),
        name=localized_texts(),
        operator=_optional(_texts()),
        business_id=_optional(ytunnukset()),
        data=_optional(localized_texts()),
        publicly_accessible=_optional(st.booleans()),
        is_data_subject=st.booleans(),
    )
    return st.sampled_from(tuple(CATALOG.values())) | custom


@st.composite
def transfers(draw: st.DrawFn) -> Transfer:
    """Transfers; one to a country outside the EEA always has a mechanism."""
    destination = draw(_optional(countries()))
    mechanisms = st.sampled_from(TransferMechanism)
    outside = destination is not None and destination not in EEA
    return Transfer(
        destination=destination,
        mechanism=draw(mechanisms if outside else _optional(mechanisms)),
        recipient=draw(_optional(_texts())),
        description=draw(_optional(localized_texts())),
        safeguard_copy=draw(_optional(localized_texts())),
    )


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    """Durations of at most a few years, never zero."""
    years, months, days = draw(
        st.tuples(st.integers(0, 10), st.integers(0, 11), st.integers(0, 30)).filter(any)
    )
    return Duration(years=years, months=months, days=days)


@st.composite
def retention_rules(draw: st.DrawFn, *, category_keys: Sequence[str] = ()) -> RetentionRule:
    """Retention rules that refer only to *category_keys*.

    A period always has a trigger, and each rule has a period, a statute or a
    description.
    """
    period = draw(_optional(durations()))
    triggers = st.sampled_from(RetentionTrigger)
    statute = draw(_optional(st.sampled_from(("kirjanpitolaki 1336/1997 2:10", "laki 1234/2000"))))
    description = draw(_optional(localized_texts()))
    if period is None and statute is None and description is None:
        description = draw(localized_texts())
    return RetentionRule(
        data_categories=draw(_key_subsets(category_keys)),
        period=period,
        trigger=draw(triggers if period is not None else _optional(triggers)),
        statute=statute,
        description=description,
    )


def recipients() -> st.SearchStrategy[Recipient]:
    """Named recipients and categories of recipients."""
    return st.builds(
        Recipient,
        description=localized_texts(),
        name=_optional(_texts()),
        business_id=_optional(ytunnukset()),
        country=_optional(countries()),
    )


def processors() -> st.SearchStrategy[Processor]:
    """Processors in Finland and abroad."""
    return st.builds(
        Processor,
        name=_texts(),
        service=_optional(localized_texts()),
        business_id=_optional(ytunnukset()),
        country=countries(),
    )


def security_measures() -> st.SearchStrategy[SecurityMeasure]:
    """Security measures of each kind, or of none."""
    return st.builds(
        SecurityMeasure,
        description=localized_texts(),
        kind=_optional(st.sampled_from(SecurityKind)),
    )


def automated_decisions() -> st.SearchStrategy[AutomatedDecision]:
    """Descriptions of automated decision-making."""
    return st.builds(
        AutomatedDecision,
        description=localized_texts(),
        logic=localized_texts(),
        significance=localized_texts(),
    )


def cookies() -> st.SearchStrategy[Cookie]:
    """Cookies, strictly necessary or not."""
    return st.builds(
        Cookie,
        name=_texts(),
        purpose=localized_texts(),
        provider=_optional(_texts()),
        duration=_optional(st.sampled_from(("session", "13 months", "1 year"))),
        strictly_necessary=st.booleans(),
        country=_optional(countries()),
    )


def _small(
    strategy: st.SearchStrategy[T], *, unique_by: Callable[[T], Hashable] | None = None
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=3, unique_by=unique_by).map(tuple)


def _by_key(item: DataCategory | DataSubjectCategory | Purpose | Source) -> str:
    return item.key


@st.composite
def registers(draw: st.DrawFn) -> Register:
    """Valid registers: every construction rule of :class:`~rekisteri.model.Register` holds.

    Keys are unique, purposes and retention rules refer only to data
    categories that exist, and a register with a purpose based on consent
    lists the right to withdraw it. The rights and the complaint authority
    are sometimes left at their defaults.
    """
    categories = draw(_small(data_categories(), unique_by=_by_key))
    category_keys = [category.key for category in categories]
    purpose_items = draw(_small(purposes(category_keys=category_keys), unique_by=_by_key))
    fields: dict[str, Any] = {}
    rights = draw(_optional(st.lists(st.sampled_from(Right), unique=True).map(tuple)))
    uses_consent = any(purpose.legal_basis is LegalBasis.CONSENT for purpose in purpose_items)
    if uses_consent and Right.WITHDRAW_CONSENT not in (rights or ()):
        rights = (*(rights or ()), Right.WITHDRAW_CONSENT)
    if rights is not None:
        fields["rights"] = rights
    authority = draw(
        _optional(st.builds(Authority, name=localized_texts(), contact=contact_points()))
    )
    if authority is not None:
        fields["complaint_authority"] = authority
    return Register(
        controller=draw(controllers()),
        name=draw(_optional(localized_texts())),
        description=draw(_optional(localized_texts())),
        contact_person=draw(_optional(contact_points())),
        data_subjects=draw(_small(data_subject_categories(), unique_by=_by_key)),
        data_categories=categories,
        purposes=purpose_items,
        sources=draw(_small(sources(), unique_by=_by_key)),
        recipients=draw(_small(recipients())),
        processors=draw(_small(processors())),
        transfers=draw(_small(transfers())),
        retention=draw(_small(retention_rules(category_keys=category_keys))),
        security=draw(_small(security_measures())),
        automated_decisions=draw(_small(automated_decisions())),
        cookies=draw(_small(cookies())),
        updated=draw(_optional(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)))),
        **fields,
    )
