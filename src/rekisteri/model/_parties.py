"""The parties of a register: controller, contact points, processors, recipients."""

from __future__ import annotations

import re
from typing import Final

import attrs

from rekisteri.errors import InvalidIdentifierError, InvalidValueError, ModelTypeError
from rekisteri.model._base import COUNTRY, EEA, Strict, business_id, strict
from rekisteri.model._enums import TransferMechanism
from rekisteri.model._text import LocalizedText

_POSTAL_CODE_FI: Final = re.compile(r"[0-9]{5}")


@strict
@attrs.frozen(kw_only=True)
class Address(Strict):
    """A postal address.

    Examples:
        >>> Address(street="Lintulahdenkuja 4", postal_code="00530", town="Helsinki")
        ... # doctest: +NORMALIZE_WHITESPACE
        Address(street='Lintulahdenkuja 4', po_box=None, postal_code='00530',
                town='Helsinki', country='FI')
        >>> Address(po_box="PL 800", postal_code="00521", town="Helsinki").po_box
        'PL 800'
    """

    street: str | None = None
    """Street address (documents written before ``po_box`` existed may hold a PO box here)."""
    po_box: str | None = None
    """Post-office box (postilokero), as written (``PL 800``) or its number alone
    (``800``); notices write it in their language (PL, PB, P.O. Box). With both
    a street and a box, ``postal_code`` and ``town`` are the street's; a box
    with a postal code of its own holds it too (``PL 800, 00521 Helsinki``)."""
    postal_code: str | None = None
    """Five digits in Finland."""
    town: str | None = None
    country: str = attrs.field(default="FI", metadata=COUNTRY)
    """ISO 3166-1 alpha-2 code."""

    def __attrs_post_init__(self) -> None:
        value = self.postal_code
        if value is not None and self.country == "FI" and _POSTAL_CODE_FI.fullmatch(value) is None:
            msg = "postal_code: a Finnish postal code is five digits, e.g. '00530'"
            raise InvalidValueError(msg)


#: What an e-mail address may not contain: whitespace, the characters that
#: start a mailto: query (``?`` headers such as ``bcc=``, ``&``) or encode one
#: (``%``), angle brackets, double quotes, backslashes, and the commas and
#: semicolons that separate several addresses.
_EMAIL_REFUSED: Final = re.compile(r"[\s?&<>\",;%\\]")


def _check_email(value: str, field: str = "email") -> None:
    address = value[7:] if value[:7].lower() == "mailto:" else value
    if address.count("@") != 1 or address.startswith("@") or address.endswith("@"):
        msg = f"{field}: expected one address with '@' (write 'info(a)example.fi' out in full)"
        raise InvalidValueError(msg)
    hidden = next((c for c in address if not c.isprintable()), None)
    if hidden is not None:
        # An invisible character (a zero-width space, a bidi mark...) makes an
        # address that looks right and reaches no one, or someone else.
        msg = (
            f"{field}: expected a plain address: it holds an invisible character "
            f"(U+{ord(hidden):04X})"
        )
        raise InvalidValueError(msg)
    if _EMAIL_REFUSED.search(address) is not None:
        msg = (
            f"{field}: expected a plain address: no spaces, no '?', '&' or other header "
            "parts of a mailto: link, and only one address"
        )
        raise InvalidValueError(msg)


@strict
@attrs.frozen(kw_only=True)
class ContactPoint(Strict):
    """How to reach someone: at least one channel is required.

    The old notices often write e-mail addresses as ``info(a)example.fi``;
    write them out in full here. An e-mail address is one plain address: a
    ``mailto:`` link that carries headers (``?bcc=…``), spaces or several
    addresses is refused, in ``email`` and as a ``mailto:`` ``url`` alike.
    """

    name: str | None = None
    """A person, a role or a unit, e.g. ``"Asiakaspalvelu"``."""
    email: str | None = None
    phone: str | None = None
    address: Address | None = None
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.email is None and self.phone is None and self.address is None and self.url is None:
            msg = "a contact point needs at least one of email, phone, address or url"
            raise InvalidValueError(msg)
        if self.email is not None:
            _check_email(self.email)
        if self.url is not None and self.url[:7].lower() == "mailto:":
            _check_email(self.url, "url")  # a mailto: link, with the same rules


@strict
@attrs.frozen(kw_only=True)
class Representative(Strict):
    """The controller's representative in the EU (Art 27), where one is required."""

    name: str
    contact: ContactPoint


def _association_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"association_id: expected a register number (str), got {type(value).__name__}"
        raise ModelTypeError(msg)
    from rekisteri.identifiers import association

    try:
        return association.validate(value)
    except InvalidIdentifierError as exc:
        raise exc.with_field("association_id") from None


@strict
@attrs.frozen(kw_only=True)
class Controller(Strict):
    """The controller (rekisterinpitäjä): who decides why and how data are processed.

    The Y-tunnus is checked and stored in its canonical form; so is the
    register number of an association (yhdistysrekisterinumero), which
    python-stdnum checks.

    Examples:
        >>> Controller(name="Esimerkki Oy", business_id="357502-9").business_id
        '0357502-9'
        >>> Controller(name="Esimerkkiyhdistys ry", association_id="123123").association_id
        '123.123'
    """

    name: str | None = None
    """The controller's name. Optional only so that a draft (e.g. an imported
    notice that names no controller) can be represented; the linter reports
    a register without one, as Art 13(1)(a) requires the identity."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    """Y-tunnus; legacy six-digit forms are padded."""
    address: Address | None = None
    contact: ContactPoint | None = None
    representative: Representative | None = None
    dpo: ContactPoint | None = None
    """The data protection officer (tietosuojavastaava), where one is appointed."""
    association_id: str | None = attrs.field(default=None, converter=_association_id)
    """The register number of an association (yhdistysrekisterinumero), e.g.
    ``"123.123"``, for an association that has one instead of (or besides) a
    Y-tunnus. Checked with python-stdnum and stored as the register writes it."""


def _check_mechanism(
    destination: str | None, mechanism: TransferMechanism | None, what: str
) -> None:
    if destination is not None and destination not in EEA and mechanism is None:
        msg = f"{what}: a country outside the EEA needs a mechanism (Chapter V)"
        raise InvalidValueError(msg)


@strict
@attrs.frozen(kw_only=True)
class SubProcessor(Strict):
    """A sub-processor (Art 28(2) and (4)): a processor that a processor engages.

    A sub-processor in a country outside the EEA needs a ``mechanism`` for
    the transfer, as a :class:`Processor` does.
    """

    name: str
    service: LocalizedText | None = None
    """What the sub-processor does, e.g. hosting."""
    country: str = attrs.field(default="FI", metadata=COUNTRY)
    """Where the sub-processor processes the data (ISO 3166-1 alpha-2)."""
    mechanism: TransferMechanism | None = None
    """How the transfer is made lawful, when ``country`` is outside the EEA."""

    def __attrs_post_init__(self) -> None:
        _check_mechanism(self.country, self.mechanism, "mechanism")


@strict
@attrs.frozen(kw_only=True)
class Processor(Strict):
    """A processor (henkilötietojen käsittelijä) acting on the controller's behalf (Art 28).

    A processor in a country outside the EEA needs a ``mechanism`` for the
    transfer (Chapter V), as a :class:`Transfer` does.
    """

    name: str
    service: LocalizedText | None = None
    """What the processor does, e.g. hosting or payroll."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str = attrs.field(default="FI", metadata=COUNTRY)
    """Where the processor processes the data (ISO 3166-1 alpha-2)."""
    mechanism: TransferMechanism | None = None
    """How the transfer is made lawful, when ``country`` is outside the EEA."""
    sub_processors: tuple[SubProcessor, ...] = ()
    """The processors this processor engages, with the controller's authorisation."""
    contract: LocalizedText | None = None
    """The contract or other legal act that binds the processor (Art 28(3)),
    e.g. ``"Käsittelysopimus 1.3.2024"``."""

    def __attrs_post_init__(self) -> None:
        _check_mechanism(self.country, self.mechanism, "mechanism")


@strict
@attrs.frozen(kw_only=True)
class JointController(Strict):
    """A joint controller (Art 26): another controller that decides with this one.

    The register's ``joint_arrangement`` gives the essence of the
    arrangement between them, which Art 26(2) asks to make available to data
    subjects.
    """

    name: str
    business_id: str | None = attrs.field(default=None, converter=business_id)
    address: Address | None = None
    contact: ContactPoint | None = None
    responsibilities: LocalizedText | None = None
    """What this controller is responsible for, e.g. answering access requests."""


@strict
@attrs.frozen(kw_only=True)
class Recipient(Strict):
    """A recipient or a category of recipients of disclosed data.

    With a ``name`` it is a named recipient; without, ``description`` names a
    category (e.g. "authorities when the law requires").
    """

    description: LocalizedText
    name: str | None = None
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str | None = attrs.field(default=None, metadata=COUNTRY)

    @property
    def is_category(self) -> bool:
        """Whether this is a category of recipients rather than a named one."""
        return self.name is None
