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
from typing import TYPE_CHECKING, Final, TypeVar

import attrs
from hypothesis import strategies as st

from rekisteri.categories import CATALOG as CATEGORY_CATALOG
from rekisteri.model import (
    DATA_PROTECTION_OMBUDSMAN,
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
    JointController,
    LegalBasis,
    LocalizedText,
    NoneStated,
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
    SubProcessor,
    Transfer,
    TransferMechanism,
)
from rekisteri.model._register import parties_outside_eea
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
    from collections.abc import Sequence

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
    "joint_controllers",
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

_T = TypeVar("_T")


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
# and Swedish letters), and every text is non-blank. Strategies are built once,
# at import, and shared: building them anew for every draw made registers()
# about seven times slower.

_LETTERS: Final = string.ascii_letters + "äöåÄÖÅ"
_TEXT_ALPHABET: Final = _LETTERS + string.digits + " -.,()"
_NON_EEA: Final = ("US", "GB", "CH", "JP", "IN", "CA", "AU", "BR")
_MAX_ITEMS: Final = 3


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


_TEXT: Final = st.builds(
    operator.add, st.sampled_from(_LETTERS), st.text(_TEXT_ALPHABET, max_size=11)
)
_OPTIONAL_TEXT: Final = _optional(_TEXT)
# Plain text strategies rather than from_regex, which is slower to draw from.
_KEY_START: Final = string.ascii_lowercase + string.digits
_KEY: Final = st.builds(
    operator.add, st.sampled_from(_KEY_START), st.text(_KEY_START + "_-", max_size=11)
)


def keys() -> st.SearchStrategy[str]:
    """Keys of model items: ``[a-z0-9][a-z0-9_-]*``, at most 12 characters."""
    return _KEY


def countries(*, eea: bool | None = None) -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes: EEA members, a few others, or both (``eea=None``)."""
    inside = st.sampled_from(sorted(EEA))
    outside = st.sampled_from(_NON_EEA)
    if eea is None:
        return inside | outside
    return inside if eea else outside


_COUNTRY: Final = countries()
_OPTIONAL_COUNTRY: Final = _optional(_COUNTRY)

_LOCALIZED_TEXT: Final = st.builds(LocalizedText, fi=_TEXT, sv=_OPTIONAL_TEXT, en=_OPTIONAL_TEXT)
_OPTIONAL_LOCALIZED_TEXT: Final = _optional(_LOCALIZED_TEXT)


def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """Texts with Finnish and, sometimes, Swedish and English."""
    return _LOCALIZED_TEXT


_ADDRESS_COUNTRY: Final = st.just("FI") | _COUNTRY
_POSTAL_CODE_FI: Final = _optional(st.text(string.digits, min_size=5, max_size=5))
_FOREIGN_POSTAL_CODE: Final = _optional(
    st.text(string.ascii_uppercase + string.digits, min_size=3, max_size=8)
)


@st.composite
def _address(draw: st.DrawFn) -> Address:
    country = draw(_ADDRESS_COUNTRY)
    return Address(
        street=draw(_OPTIONAL_TEXT),
        po_box=draw(_OPTIONAL_TEXT),
        postal_code=draw(_POSTAL_CODE_FI if country == "FI" else _FOREIGN_POSTAL_CODE),
        town=draw(_OPTIONAL_TEXT),
        country=country,
    )


_ADDRESS: Final = _address()


def addresses() -> st.SearchStrategy[Address]:
    """Postal addresses, mostly Finnish; a Finnish postal code is five digits."""
    return _ADDRESS


_EMAIL: Final = st.builds(
    "{}@{}.fi".format, st.text(string.ascii_lowercase, min_size=1, max_size=8), _KEY
)
_PHONE: Final = st.integers(0, 10**9 - 1).map(
    lambda n: f"+358 {n // 10**7:02d} {n // 10**4 % 1000:03d} {n % 10**4:04d}"
)
_URL: Final = st.builds("https://{}.fi".format, _KEY)
_OPTIONAL_EMAIL: Final = _optional(_EMAIL)
_OPTIONAL_PHONE: Final = _optional(_PHONE)
_OPTIONAL_ADDRESS: Final = _optional(_ADDRESS)
_OPTIONAL_URL: Final = _optional(_URL)


@st.composite
def _contact_point(draw: st.DrawFn) -> ContactPoint:
    email = draw(_OPTIONAL_EMAIL)
    phone = draw(_OPTIONAL_PHONE)
    address = draw(_OPTIONAL_ADDRESS)
    url = draw(_OPTIONAL_URL)
    if email is None and phone is None and address is None and url is None:
        email = draw(_EMAIL)
    return ContactPoint(
        name=draw(_OPTIONAL_TEXT), email=email, phone=phone, address=address, url=url
    )


_CONTACT_POINT: Final = _contact_point()
_OPTIONAL_CONTACT_POINT: Final = _optional(_CONTACT_POINT)


def contact_points() -> st.SearchStrategy[ContactPoint]:
    """Contact points with at least one channel; an e-mail address has an ``@``."""
    return _CONTACT_POINT


_OPTIONAL_YTUNNUS: Final = _optional(ytunnukset())

#: Association register numbers in their canonical form (``123.123``).
_ASSOCIATION_ID: Final = st.integers(100, 999_999).map(
    lambda n: f"{n // 1000}.{n % 1000:03d}" if n >= 1000 else str(n)
)

_CONTROLLER: Final = st.builds(
    Controller,
    name=_optional(_TEXT),
    business_id=_OPTIONAL_YTUNNUS,
    address=_OPTIONAL_ADDRESS,
    contact=_OPTIONAL_CONTACT_POINT,
    representative=_optional(st.builds(Representative, name=_TEXT, contact=_CONTACT_POINT)),
    dpo=_OPTIONAL_CONTACT_POINT,
    association_id=_optional(_ASSOCIATION_ID),
)


def controllers() -> st.SearchStrategy[Controller]:
    """Controllers, sometimes with a Y-tunnus (canonical, from :func:`ytunnukset`)."""
    return _CONTROLLER


_SPECIAL: Final = _optional(st.sampled_from(SpecialCategory))
_DPV: Final = _optional(st.sampled_from(("pd:EmailAddress", "pd:Name", "dpv-pd:Salary")))
_CATALOG_CATEGORY: Final = _optional(st.sampled_from(tuple(CATEGORY_CATALOG.values())))


def _draw_data_category(draw: st.DrawFn, key: str) -> DataCategory:
    catalog = draw(_CATALOG_CATEGORY)
    if catalog is not None:  # a catalog category under the key drawn
        return attrs.evolve(catalog, key=key)
    return DataCategory(
        key=key,
        name=draw(_LOCALIZED_TEXT),
        description=draw(_OPTIONAL_LOCALIZED_TEXT),
        special=draw(_SPECIAL),
        criminal=draw(st.booleans()),
        personal_identity_code=draw(st.booleans()),
        dpv=draw(_DPV),
    )


@st.composite
def _data_category(draw: st.DrawFn) -> DataCategory:
    return _draw_data_category(draw, draw(_KEY))


_DATA_CATEGORY: Final = _data_category()


def data_categories() -> st.SearchStrategy[DataCategory]:
    """Data categories, now and then a special, criminal or henkilötunnus one."""
    return _DATA_CATEGORY


_DATA_SUBJECT_CATEGORY: Final = st.builds(
    DataSubjectCategory, key=_KEY, name=_LOCALIZED_TEXT, description=_OPTIONAL_LOCALIZED_TEXT
)


def data_subject_categories() -> st.SearchStrategy[DataSubjectCategory]:
    """Groups of data subjects."""
    return _DATA_SUBJECT_CATEGORY


def _draw_subset(draw: st.DrawFn, category_keys: Sequence[str]) -> tuple[str, ...]:
    """Draw some of *category_keys*, in order, without repeats."""
    return tuple(key for key in category_keys if draw(st.booleans()))


_LEGAL_BASIS: Final = _optional(st.sampled_from(LegalBasis))
_CONDITION: Final = _optional(st.sampled_from(("9(2)(a)", "9(2)(b)", "9(2)(h)")))
_LAW_BASES: Final = (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK)


def _draw_purpose(draw: st.DrawFn, key: str, category_keys: Sequence[str]) -> Purpose:
    basis = draw(_LEGAL_BASIS)
    interest = draw(_LOCALIZED_TEXT) if basis is LegalBasis.LEGITIMATE_INTERESTS else None
    return Purpose(
        key=key,
        name=draw(_LOCALIZED_TEXT),
        legal_basis=basis,
        legitimate_interest=interest,
        description=draw(_OPTIONAL_LOCALIZED_TEXT),
        data_categories=_draw_subset(draw, category_keys),
        special_category_condition=draw(_CONDITION),
        direct_marketing=draw(st.booleans()),
        legal_basis_law=draw(_OPTIONAL_LOCALIZED_TEXT) if basis in _LAW_BASES else None,
        special_category_law=draw(_OPTIONAL_LOCALIZED_TEXT),
    )


@st.composite
def _purpose(draw: st.DrawFn, category_keys: tuple[str, ...]) -> Purpose:
    return _draw_purpose(draw, draw(_KEY), category_keys)


def purposes(*, category_keys: Sequence[str] = ()) -> st.SearchStrategy[Purpose]:
    """Purposes that refer only to data categories with *category_keys*.

    A purpose based on legitimate interests says which interest, and no other
    purpose has a ``legitimate_interest``. The legal basis is sometimes left
    out, as in an old notice.
    """
    return _purpose(tuple(category_keys))


_CUSTOM_SOURCE: Final = st.builds(
    Source,
    key=_KEY.filter(lambda key: key not in CATALOG),
    name=_LOCALIZED_TEXT,
    operator=_OPTIONAL_LOCALIZED_TEXT,
    business_id=_OPTIONAL_YTUNNUS,
    data=_OPTIONAL_LOCALIZED_TEXT,
    publicly_accessible=_optional(st.booleans()),
    is_data_subject=st.booleans(),
)
_SOURCE: Final = st.sampled_from(tuple(CATALOG.values())) | _CUSTOM_SOURCE


def sources() -> st.SearchStrategy[Source]:
    """Sources: the values of :data:`rekisteri.sources.CATALOG` and custom ones.

    A custom source never takes the key of a catalog one.
    """
    return _SOURCE


_MECHANISM: Final = st.sampled_from(TransferMechanism)
_OPTIONAL_MECHANISM: Final = _optional(_MECHANISM)


@st.composite
def _transfer(draw: st.DrawFn) -> Transfer:
    destination = draw(_OPTIONAL_COUNTRY)
    outside = destination is not None and destination not in EEA
    return Transfer(
        destination=destination,
        mechanism=draw(_MECHANISM if outside else _OPTIONAL_MECHANISM),
        recipient=draw(_OPTIONAL_TEXT),
        description=draw(_OPTIONAL_LOCALIZED_TEXT),
        safeguard_copy=draw(_OPTIONAL_LOCALIZED_TEXT),
    )


_TRANSFER: Final = _transfer()


def transfers() -> st.SearchStrategy[Transfer]:
    """Transfers; one to a country outside the EEA always has a mechanism."""
    return _TRANSFER


_DURATION: Final = (
    st.tuples(st.integers(0, 10), st.integers(0, 11), st.integers(0, 30))
    .filter(any)
    .map(lambda ymd: Duration(years=ymd[0], months=ymd[1], days=ymd[2]))
)


def durations() -> st.SearchStrategy[Duration]:
    """Durations of at most ten years, eleven months and thirty days; never zero."""
    return _DURATION


_TRIGGER: Final = st.sampled_from(RetentionTrigger)
_OPTIONAL_TRIGGER: Final = _optional(_TRIGGER)
_OPTIONAL_DURATION: Final = _optional(_DURATION)
_STATUTE: Final = _optional(st.sampled_from(("kirjanpitolaki 1336/1997 2:10", "laki 759/2004 8 §")))


def _draw_retention_rule(draw: st.DrawFn, category_keys: Sequence[str]) -> RetentionRule:
    period = draw(_OPTIONAL_DURATION)
    statute = draw(_STATUTE)
    description = draw(_OPTIONAL_LOCALIZED_TEXT)
    if period is None and statute is None and description is None:
        description = draw(_LOCALIZED_TEXT)
    return RetentionRule(
        data_categories=_draw_subset(draw, category_keys),
        period=period,
        trigger=draw(_TRIGGER if period is not None else _OPTIONAL_TRIGGER),
        statute=statute,
        description=description,
    )


@st.composite
def _retention_rule(draw: st.DrawFn, category_keys: tuple[str, ...]) -> RetentionRule:
    return _draw_retention_rule(draw, category_keys)


def retention_rules(*, category_keys: Sequence[str] = ()) -> st.SearchStrategy[RetentionRule]:
    """Retention rules that refer only to data categories with *category_keys*.

    A period always has a trigger to count from, and every rule has a period,
    a statute or a description.
    """
    return _retention_rule(tuple(category_keys))


_RECIPIENT: Final = st.builds(
    Recipient,
    description=_LOCALIZED_TEXT,
    name=_OPTIONAL_TEXT,
    business_id=_OPTIONAL_YTUNNUS,
    country=_OPTIONAL_COUNTRY,
)


def recipients() -> st.SearchStrategy[Recipient]:
    """Named recipients and categories of recipients."""
    return _RECIPIENT


def _draw_mechanism(draw: st.DrawFn, country: str) -> TransferMechanism | None:
    return draw(_MECHANISM if country not in EEA else _OPTIONAL_MECHANISM)


@st.composite
def _sub_processor(draw: st.DrawFn) -> SubProcessor:
    country = draw(_COUNTRY)
    return SubProcessor(
        name=draw(_TEXT),
        service=draw(_OPTIONAL_LOCALIZED_TEXT),
        country=country,
        mechanism=_draw_mechanism(draw, country),
    )


_SUB_PROCESSORS: Final = st.lists(_sub_processor(), max_size=2).map(tuple)


@st.composite
def _processor(draw: st.DrawFn) -> Processor:
    country = draw(_COUNTRY)
    return Processor(
        name=draw(_TEXT),
        service=draw(_OPTIONAL_LOCALIZED_TEXT),
        business_id=draw(_OPTIONAL_YTUNNUS),
        country=country,
        mechanism=_draw_mechanism(draw, country),
        sub_processors=draw(_SUB_PROCESSORS),
        contract=draw(_OPTIONAL_LOCALIZED_TEXT),
    )


_PROCESSOR: Final = _processor()


def processors() -> st.SearchStrategy[Processor]:
    """Processors in Finland and abroad, some with sub-processors.

    A processor or sub-processor outside the EEA always has a mechanism.
    """
    return _PROCESSOR


_JOINT_CONTROLLER: Final = st.builds(
    JointController,
    name=_TEXT,
    business_id=_OPTIONAL_YTUNNUS,
    address=_OPTIONAL_ADDRESS,
    contact=_OPTIONAL_CONTACT_POINT,
    responsibilities=_OPTIONAL_LOCALIZED_TEXT,
)


def joint_controllers() -> st.SearchStrategy[JointController]:
    """Joint controllers (Art 26)."""
    return _JOINT_CONTROLLER


_SECURITY_MEASURE: Final = st.builds(
    SecurityMeasure, description=_LOCALIZED_TEXT, kind=_optional(st.sampled_from(SecurityKind))
)


def security_measures() -> st.SearchStrategy[SecurityMeasure]:
    """Security measures of each kind, or of none."""
    return _SECURITY_MEASURE


_AUTOMATED_DECISION: Final = st.builds(
    AutomatedDecision,
    description=_LOCALIZED_TEXT,
    logic=_LOCALIZED_TEXT,
    significance=_LOCALIZED_TEXT,
)


def automated_decisions() -> st.SearchStrategy[AutomatedDecision]:
    """Descriptions of automated decision-making."""
    return _AUTOMATED_DECISION


_COOKIE: Final = st.builds(
    Cookie,
    name=_TEXT,
    purpose=_LOCALIZED_TEXT,
    provider=_OPTIONAL_TEXT,
    duration=_optional(st.sampled_from(("session", "13 months", "1 year"))),
    strictly_necessary=st.booleans(),
    country=_OPTIONAL_COUNTRY,
)


def cookies() -> st.SearchStrategy[Cookie]:
    """Cookies, strictly necessary or not."""
    return _COOKIE


def _small(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(strategy, max_size=_MAX_ITEMS).map(tuple)


def _by_key(item: DataSubjectCategory | Source) -> str:
    return item.key


_UNIQUE_KEYS: Final = st.lists(_KEY, unique=True, max_size=_MAX_ITEMS)
_DATA_SUBJECTS: Final = st.lists(
    _DATA_SUBJECT_CATEGORY, max_size=_MAX_ITEMS, unique_by=_by_key
).map(tuple)
_SOURCES: Final = st.lists(_SOURCE, max_size=_MAX_ITEMS, unique_by=_by_key).map(tuple)
_RECIPIENTS: Final = _small(_RECIPIENT)
_PROCESSORS: Final = _small(_PROCESSOR)
_TRANSFERS: Final = _small(_TRANSFER)
_SECURITY: Final = _small(_SECURITY_MEASURE)
_AUTOMATED_DECISIONS: Final = _small(_AUTOMATED_DECISION)
_COOKIES: Final = _small(_COOKIE)
_JOINT_CONTROLLERS: Final = _small(_JOINT_CONTROLLER)
_RULE_COUNT: Final = st.integers(0, _MAX_ITEMS)
_RIGHTS: Final = _optional(st.lists(st.sampled_from(Right), unique=True).map(tuple))
_DEFAULT_RIGHTS: Final = Register(controller=Controller(name="Oy")).rights
_AUTHORITY: Final = st.just(DATA_PROTECTION_OMBUDSMAN) | st.builds(
    Authority, name=_LOCALIZED_TEXT, contact=_CONTACT_POINT
)
_UPDATED: Final = _optional(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)))


@st.composite
def _register(draw: st.DrawFn) -> Register:
    category_keys = draw(_UNIQUE_KEYS)
    categories = tuple(_draw_data_category(draw, key) for key in category_keys)
    purpose_items = tuple(_draw_purpose(draw, key, category_keys) for key in draw(_UNIQUE_KEYS))
    # None stands for the default rights, which a document leaves out.
    rights = draw(_RIGHTS)
    if rights is None:
        rights = _DEFAULT_RIGHTS
    if (
        any(purpose.legal_basis is LegalBasis.CONSENT for purpose in purpose_items)
        and Right.WITHDRAW_CONSENT not in rights
    ):
        rights = (*rights, Right.WITHDRAW_CONSENT)
    recipients = draw(_RECIPIENTS)
    processors = draw(_PROCESSORS)
    transfers = draw(_TRANSFERS)
    automated_decisions = draw(_AUTOMATED_DECISIONS)
    cookies = draw(_COOKIES)
    filled = {
        NoneStated.RECIPIENTS: recipients,
        NoneStated.PROCESSORS: processors,
        # only a destination outside the EEA (or unknown) contradicts "none", or a
        # processor, sub-processor, recipient or cookie's provider outside the EEA
        NoneStated.TRANSFERS: [
            *(t for t in transfers if t.third_country),
            *parties_outside_eea(processors, recipients, cookies),
        ],
        NoneStated.AUTOMATED_DECISIONS: automated_decisions,
        NoneStated.COOKIES: cookies,
    }
    # A part may be stated to be empty only when it is.
    empty = [part for part, items in filled.items() if not items]
    none_stated = tuple(draw(st.lists(st.sampled_from(empty), unique=True))) if empty else ()
    return Register(
        controller=draw(_CONTROLLER),
        name=draw(_OPTIONAL_LOCALIZED_TEXT),
        description=draw(_OPTIONAL_LOCALIZED_TEXT),
        contact_person=draw(_OPTIONAL_CONTACT_POINT),
        data_subjects=draw(_DATA_SUBJECTS),
        data_categories=categories,
        purposes=purpose_items,
        sources=draw(_SOURCES),
        recipients=recipients,
        processors=processors,
        transfers=transfers,
        retention=tuple(
            _draw_retention_rule(draw, category_keys) for _ in range(draw(_RULE_COUNT))
        ),
        security=draw(_SECURITY),
        rights=rights,
        automated_decisions=automated_decisions,
        cookies=cookies,
        rights_exercise=draw(_OPTIONAL_LOCALIZED_TEXT),
        provision_requirement=draw(_OPTIONAL_LOCALIZED_TEXT),
        cookie_policy=draw(_OPTIONAL_LOCALIZED_TEXT),
        none_stated=none_stated,
        complaint_authority=draw(_AUTHORITY),
        updated=draw(_UPDATED),
        joint_controllers=draw(_JOINT_CONTROLLERS),
        joint_arrangement=draw(_OPTIONAL_LOCALIZED_TEXT),
    )


_REGISTER: Final = _register()


def registers() -> st.SearchStrategy[Register]:
    """Valid registers: every construction rule of :class:`~rekisteri.model.Register` holds.

    Keys are unique, purposes and retention rules refer only to data
    categories that exist, a register with a purpose based on consent lists
    the right to withdraw it, and every part comes from the strategies above
    (so a transfer outside the EEA has a mechanism, Y-tunnukset are valid,
    and so on). The rights and the complaint authority are sometimes left at
    their defaults.

    Examples:
        >>> from hypothesis import given
        >>> from rekisteri import serialize
        >>> from rekisteri.model import Register
        >>> @given(registers())
        ... def test_round_trip(register: Register) -> None:
        ...     assert serialize.loads(serialize.dumps(register), Register) == register
        >>> test_round_trip()
    """
    return _REGISTER
