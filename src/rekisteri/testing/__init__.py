"""Safe test data for code that handles Finnish identifiers (public).

Everything here is for *your* tests, fixtures and benchmarks:

* :func:`make_hetu` and :func:`make_ytunnus` build valid identifiers with the
  right check character from their parts;
* :func:`synthetic_hetus` and :func:`synthetic_ytunnukset` generate many,
  reproducibly from a seed;
* :func:`corrupt_hetu` and :func:`corrupt_ytunnus` break a valid one in a
  known way;
* :func:`a_register` builds a small but complete register to start a test
  from, with keyword overrides;
* :mod:`rekisteri.testing.strategies` has the same as Hypothesis strategies
  (``pip install 'rekisteri[testing]'``).

Generated henkilötunnus values use only the **temporary** individual numbers
900–999 by default. Those are never given to a person in the population
register, so your test data never names a real person. Validate them with
``allow_temporary=True``.

Examples:
    >>> from datetime import date
    >>> from rekisteri.testing import make_hetu, synthetic_hetus
    >>> make_hetu(date(1952, 10, 13), 308)
    '131052-308T'
    >>> make_hetu(date(1994, 5, 1), 903, sign="Y")
    '010594Y9032'
    >>> list(synthetic_hetus(2, seed=1))
    ['100224V997D', '290411X9159']
"""

from __future__ import annotations

import random
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, cast

from rekisteri.errors import InvalidComponent, Reason
from rekisteri.identifiers.hetu import CENTURY_SIGNS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rekisteri.model import Register

__all__ = [
    "HetuCorruption",
    "YtunnusCorruption",
    "a_register",
    "corrupt_hetu",
    "corrupt_ytunnus",
    "make_hetu",
    "make_ytunnus",
    "synthetic_hetus",
    "synthetic_ytunnukset",
]

_CHECK_CHARS: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2)
_SIGNS_BY_CENTURY: Final[dict[int, str]] = {1800: "+", 1900: "-YXWVU", 2000: "ABCDEF"}


def make_hetu(birth_date: date, individual_number: int, *, sign: str | None = None) -> str:
    """Build a henkilötunnus with the correct check character.

    Args:
        birth_date: In 1800–2099.
        individual_number: 2–999; use 900–999 for data that must never name a
            real person.
        sign: The century sign; by default the original one of the century
            (``+``, ``-`` or ``A``).

    Raises:
        InvalidComponent: The date, the number or the sign is out of range.
    """
    century = birth_date.year // 100 * 100
    if century not in _SIGNS_BY_CENTURY:
        raise InvalidComponent(kind="hetu", reason=Reason.DATE)
    if not 2 <= individual_number <= 999:
        raise InvalidComponent(kind="hetu", reason=Reason.INDIVIDUAL_NUMBER)
    if sign is None:
        sign = _SIGNS_BY_CENTURY[century][0]
    if CENTURY_SIGNS.get(sign) != century:
        raise InvalidComponent(kind="hetu", reason=Reason.CENTURY_SIGN)
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}"
    number = f"{individual_number:03d}"
    return f"{digits}{sign}{number}{_CHECK_CHARS[int(digits + number) % 31]}"


def make_ytunnus(prefix: int) -> str | None:
    """Return the Y-tunnus with the seven-digit *prefix*, or ``None`` if none exists.

    One prefix in eleven has remainder 1 and so no valid check digit.

    Examples:
        >>> make_ytunnus(2077474), make_ytunnus(6)
        ('2077474-0', None)
    """
    digits = f"{prefix:07d}"
    remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=True)) % 11
    if remainder == 1:
        return None
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def synthetic_hetus(
    count: int,
    *,
    seed: int | None = 0,
    start: date = date(1900, 1, 1),
    end: date = date(2023, 12, 31),
    temporary_only: bool = True,
    new_signs: bool = True,
) -> Iterator[str]:
    """Generate *count* valid henkilötunnus values, reproducibly.

    Args:
        count: How many to generate.
        seed: Seed of the random generator; ``None`` for a fresh one.
        start: Earliest birth date.
        end: Latest birth date.
        temporary_only: Use only individual numbers 900–999 (the default), so
            that no value names a real person. With ``False``, 002–899.
        new_signs: Also use the century signs of the 2023 reform.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    first, last = start.toordinal(), end.toordinal()
    low, high = (900, 999) if temporary_only else (2, 899)
    for _ in range(count):
        birth = date.fromordinal(rng.randint(first, last))
        signs = _SIGNS_BY_CENTURY[birth.year // 100 * 100]
        sign = rng.choice(signs) if new_signs else signs[0]
        yield make_hetu(birth, rng.randint(low, high), sign=sign)


def synthetic_ytunnukset(count: int, *, seed: int | None = 0) -> Iterator[str]:
    """Generate *count* checksum-valid Y-tunnus values, reproducibly.

    They are random: some may belong to real companies, whose identifiers
    are public anyway.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    made = 0
    while made < count:
        value = make_ytunnus(rng.randrange(10_000_000))
        if value is not None:
            made += 1
            yield value


class HetuCorruption(StrEnum):
    """Ways :func:`corrupt_hetu` can break a henkilötunnus."""

    CHECKSUM = "checksum"
    """Replace the check character with another valid-looking one."""
    DATE = "date"
    """Make the day 32 (the check character is recomputed)."""
    SIGN = "sign"
    """Replace the century sign with ``Z``."""
    LENGTH = "length"
    """Drop the last character."""
    INDIVIDUAL = "individual"
    """Make the individual number 001 (the check character is recomputed)."""
    NON_ASCII = "non_ascii"
    """Replace a digit with the same Arabic-Indic digit."""
    DASH = "dash"
    """Replace the sign with an en dash (only when the sign is ``-``; else CHECKSUM)."""
    INNER_SPACE = "inner_space"
    """Insert a space before the individual number."""


def corrupt_hetu(value: str, how: HetuCorruption) -> str:
    """Return *value* broken in the way *how* says; the result is never valid.

    Examples:
        >>> corrupt_hetu("131052-308T", HetuCorruption.CHECKSUM)
        '131052-308U'
        >>> corrupt_hetu("131052-308T", HetuCorruption.DATE)
        '321052-3082'
    """
    match how:
        case HetuCorruption.CHECKSUM:
            index = _CHECK_CHARS.index(value[10])
            return value[:10] + _CHECK_CHARS[(index + 1) % 31]
        case HetuCorruption.DATE:
            return _with_check("32" + value[2:10])
        case HetuCorruption.SIGN:
            return value[:6] + "Z" + value[7:]
        case HetuCorruption.LENGTH:
            return value[:10]
        case HetuCorruption.INDIVIDUAL:
            return _with_check(value[:7] + "001")
        case HetuCorruption.NON_ASCII:
            return chr(0x660 + int(value[0])) + value[1:]
        case HetuCorruption.DASH:
            if value[6] != "-":
                return corrupt_hetu(value, HetuCorruption.CHECKSUM)
            return value[:6] + "\u2013" + value[7:]
        case HetuCorruption.INNER_SPACE:
            return value[:7] + " " + value[7:]


def _with_check(first_ten: str) -> str:
    return first_ten + _CHECK_CHARS[int(first_ten[:6] + first_ten[7:10]) % 31]


class YtunnusCorruption(StrEnum):
    """Ways :func:`corrupt_ytunnus` can break a Y-tunnus."""

    CHECKSUM = "checksum"
    """Change the check digit."""
    LENGTH = "length"
    """Add a digit."""
    LETTER = "letter"
    """Replace the check digit with ``A``."""
    SEPARATOR = "separator"
    """Replace the hyphen with a dot."""
    NON_ASCII = "non_ascii"
    """Replace the first digit with the same fullwidth digit."""
    VAT = "vat"
    """Turn it into its VAT number, which is a different identifier."""


def corrupt_ytunnus(value: str, how: YtunnusCorruption) -> str:
    """Return the canonical Y-tunnus *value* broken as *how* says; never valid.

    Examples:
        >>> corrupt_ytunnus("2077474-0", YtunnusCorruption.CHECKSUM)
        '2077474-1'
        >>> corrupt_ytunnus("2077474-0", YtunnusCorruption.VAT)
        'FI20774740'
    """
    match how:
        case YtunnusCorruption.CHECKSUM:
            return value[:8] + str((int(value[8]) + 1) % 10)
        case YtunnusCorruption.LENGTH:
            return value + "0"
        case YtunnusCorruption.LETTER:
            return value[:8] + "A"
        case YtunnusCorruption.SEPARATOR:
            return value[:7] + "." + value[8]
        case YtunnusCorruption.NON_ASCII:
            return chr(0xFF10 + int(value[0])) + value[1:]
        case YtunnusCorruption.VAT:
            return "FI" + value[:7] + value[8]


def a_register(**overrides: object) -> Register:
    """Return a small, complete, fictional register; *overrides* replace its fields.

    Every item of GDPR Art 13, 14 and 30 that the model holds is present, in
    Finnish, Swedish and English, so :func:`rekisteri.lint.lint` finds
    nothing and the notice and the record render in every language without a
    missing item or a fallback. The controller is *Esimerkki Oy* with the
    documentation's Y-tunnus ``2077474-0``; no person is named.

    What is in it, so a test can take a part away: the data subjects
    ``customers``; the data categories ``contact`` and ``orders``; the
    purposes ``billing`` (contract), ``marketing`` (legitimate interests,
    direct marketing) and ``newsletter`` (consent), in that order; the
    sources :data:`~rekisteri.sources.DATA_SUBJECT` and
    :data:`~rekisteri.sources.YTJ`; one recipient, one processor with its contract, one
    transfer to the US with standard contractual clauses, one retention rule,
    one security measure; every right; none stated for automated
    decisions and cookies; and the date ``updated``.

    Args:
        **overrides: Fields of :class:`~rekisteri.model.Register` to replace,
            as ``attrs.evolve`` does (and with its checks).

    Raises:
        TypeError: An override names no field of ``Register``.
        InvalidRegisterError: The overrides break a rule of the model.

    Examples:
        >>> from datetime import date
        >>> from rekisteri.lint import lint
        >>> register = a_register()
        >>> register.controller.name, [purpose.key for purpose in register.purposes]
        ('Esimerkki Oy', ['billing', 'marketing', 'newsletter'])
        >>> lint(register)
        []
        >>> a_register(updated=date(2026, 1, 1), transfers=()).transfers
        ()
    """
    import attrs

    from rekisteri.model import (
        Address,
        ContactPoint,
        Controller,
        DataCategory,
        DataSubjectCategory,
        Duration,
        LegalBasis,
        LocalizedText,
        NoneStated,
        Processor,
        Purpose,
        Recipient,
        Register,
        RetentionRule,
        RetentionTrigger,
        Right,
        SecurityKind,
        SecurityMeasure,
        Transfer,
        TransferMechanism,
    )
    from rekisteri.sources import DATA_SUBJECT, YTJ

    def text(fi: str, sv: str, en: str) -> LocalizedText:
        return LocalizedText(fi=fi, sv=sv, en=en)

    register = Register(
        controller=Controller(
            name="Esimerkki Oy",
            business_id="2077474-0",
            address=Address(street="Esimerkkikatu 1", postal_code="00100", town="Helsinki"),
            contact=ContactPoint(email="tietosuoja@example.fi", phone="+358 9 123 4567"),
            dpo=ContactPoint(email="tietosuojavastaava@example.fi"),
        ),
        name=text("Asiakasrekisteri", "Kundregister", "Customer register"),
        data_subjects=(
            DataSubjectCategory(key="customers", name=text("Asiakkaat", "Kunder", "Customers")),
        ),
        data_categories=(
            DataCategory(
                key="contact", name=text("Yhteystiedot", "Kontaktuppgifter", "Contact details")
            ),
            DataCategory(
                key="orders", name=text("Tilaushistoria", "Orderhistorik", "Order history")
            ),
        ),
        purposes=(
            Purpose(
                key="billing",
                name=text("Laskutus", "Fakturering", "Billing"),
                legal_basis=LegalBasis.CONTRACT,
            ),
            Purpose(
                key="marketing",
                name=text("Suoramarkkinointi", "Direktmarknadsföring", "Direct marketing"),
                legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
                legitimate_interest=text(
                    "Asiakassuhteen ylläpito",
                    "Vård av kundrelationen",
                    "Keeping the customer relationship",
                ),
                direct_marketing=True,
            ),
            Purpose(
                key="newsletter",
                name=text("Uutiskirje", "Nyhetsbrev", "Newsletter"),
                legal_basis=LegalBasis.CONSENT,
            ),
        ),
        sources=(DATA_SUBJECT, YTJ),
        recipients=(
            Recipient(
                name="Perintä Oy",
                description=text("Perintä", "Indrivning", "Debt collection"),
            ),
        ),
        processors=(
            Processor(
                name="Pilvi Oy",
                service=text("Palvelin", "Server", "Hosting"),
                contract=text(
                    "Käsittelysopimus 1.3.2024",
                    "Biträdesavtal 1.3.2024",
                    "Data processing agreement of 1 March 2024",
                ),
            ),
        ),
        transfers=(
            Transfer(
                destination="US",
                mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
                recipient="Cloud Inc.",
                safeguard_copy=text(
                    "Pyydä jäljennös tietosuojavastaavalta.",
                    "Begär en kopia av dataskyddsombudet.",
                    "Ask the DPO for a copy.",
                ),
            ),
        ),
        retention=(
            RetentionRule(
                period=Duration(years=6),
                trigger=RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
            ),
        ),
        security=(
            SecurityMeasure(
                kind=SecurityKind.TECHNICAL,
                description=text("Salaus", "Kryptering", "Encryption"),
            ),
        ),
        rights=(
            Right.ACCESS,
            Right.RECTIFICATION,
            Right.ERASURE,
            Right.RESTRICTION,
            Right.NOTIFICATION,
            Right.PORTABILITY,
            Right.OBJECT,
            Right.WITHDRAW_CONSENT,
            Right.COMPLAINT,
        ),
        rights_exercise=text(
            "Lähetä pyyntö osoitteeseen tietosuoja@example.fi.",
            "Skicka en begäran till tietosuoja@example.fi.",
            "Send a request to tietosuoja@example.fi.",
        ),
        provision_requirement=text(
            "Tiedot ovat sopimuksen tekemisen edellytys; ilman niitä emme voi toimittaa tilausta.",
            "Uppgifterna krävs för att ingå avtalet; utan dem kan vi inte leverera beställningen.",
            "The data are needed to enter into the contract; without them we cannot deliver.",
        ),
        none_stated=(NoneStated.AUTOMATED_DECISIONS, NoneStated.COOKIES),
        updated=date(2026, 1, 15),
    )
    # The attrs plugin of mypy types each field; an override is checked at run time.
    return attrs.evolve(register, **cast("dict[str, Any]", overrides)) if overrides else register
