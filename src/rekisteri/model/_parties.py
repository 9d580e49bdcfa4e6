"""The parties of a register: controller, contact points, processors, recipients."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.errors import InvalidIdentifierError, InvalidValueError
from rekisteri.model._base import (
    EEA,
    as_tuple,
    business_id,
    country,
    enum_converter,
    instance,
    items,
    optional_instance,
    optional_member,
    optional_plain,
    optional_text,
    plain,
    text,
    to_optional_text,
    to_text,
)
from rekisteri.model._enums import TransferMechanism
from rekisteri.model._text import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Iterable

_POSTAL_CODE_FI: Final = re.compile(r"[0-9]{5}")
_to_mechanism = enum_converter(TransferMechanism)


def _mechanism(value: TransferMechanism | str | None) -> TransferMechanism | None:
    return _to_mechanism(value)  # type: ignore[return-value] # the validator checks it


@attrs.frozen(kw_only=True)
class Address:
    """A postal address.

    Examples:
        >>> Address(street="Lintulahdenkuja 4", postal_code="00530", town="Helsinki")
        Address(street='Lintulahdenkuja 4', postal_code='00530', town='Helsinki', country='FI')
    """

    street: str | None = attrs.field(default=None, validator=optional_plain)
    """Street address or PO box (``PL 800``)."""
    postal_code: str | None = attrs.field(default=None, validator=optional_plain)
    """Five digits in Finland."""
    town: str | None = attrs.field(default=None, validator=optional_plain)
    country: str = attrs.field(default="FI", validator=country)
    """ISO 3166-1 alpha-2 code."""

    @postal_code.validator
    def _check_postal_code(
        self, _attribute: attrs.Attribute[str | None], value: str | None
    ) -> None:
        if value is not None and self.country == "FI" and _POSTAL_CODE_FI.fullmatch(value) is None:
            msg = "postal_code: a Finnish postal code is five digits, e.g. '00530'"
            raise InvalidValueError(msg)


#: What an e-mail address may not contain: whitespace, the characters that
#: start a mailto: query (``?`` headers such as ``bcc=``, ``&``) or encode one
#: (``%``), angle brackets, double quotes, backslashes, and the commas and
#: semicolons that separate several addresses.
_EMAIL_REFUSED: Final = re.compile(r"[\s?&<>\",;%\\]")


def _check_email(value: str) -> None:
    if value.count("@") != 1 or value.startswith("@") or value.endswith("@"):
        msg = "email: expected one address with '@' (write 'info(a)example.fi' out in full)"
        raise InvalidValueError(msg)
    if _EMAIL_REFUSED.search(value.removeprefix("mailto:")) is not None:
        msg = (
            "email: expected a plain address: no spaces, no '?', '&' or other header "
            "parts of a mailto: link, and only one address"
        )
        raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class ContactPoint:
    """How to reach someone: at least one channel is required.

    The old notices often write e-mail addresses as ``info(a)example.fi``;
    write them out in full here. An e-mail address is one plain address: a
    ``mailto:`` link that carries headers (``?bcc=…``), spaces or several
    addresses is refused.
    """

    name: str | None = attrs.field(default=None, validator=optional_plain)
    """A person, a role or a unit, e.g. ``"Asiakaspalvelu"``."""
    email: str | None = attrs.field(default=None, validator=optional_plain)
    phone: str | None = attrs.field(default=None, validator=optional_plain)
    address: Address | None = attrs.field(default=None, validator=optional_instance(Address))
    url: str | None = attrs.field(default=None, validator=optional_plain)

    def __attrs_post_init__(self) -> None:
        if self.email is None and self.phone is None and self.address is None and self.url is None:
            msg = "a contact point needs at least one of email, phone, address or url"
            raise InvalidValueError(msg)
        if self.email is not None:
            _check_email(self.email)


@attrs.frozen(kw_only=True)
class Representative:
    """The controller's representative in the EU (Art 27), where one is required."""

    name: str = attrs.field(validator=plain)
    contact: ContactPoint = attrs.field(validator=instance(ContactPoint))


def _association_id(value: str | None) -> str | None:
    if value is None:
        return None
    from rekisteri.identifiers import association

    try:
        return association.validate(value)
    except InvalidIdentifierError as exc:
        raise exc.with_field("association_id") from None


@attrs.frozen(kw_only=True)
class Controller:
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

    name: str | None = attrs.field(default=None, validator=optional_plain)
    """The controller's name. Optional only so that a draft (e.g. an imported
    notice that names no controller) can be represented; the linter reports
    a register without one, as Art 13(1)(a) requires the identity."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    """Y-tunnus; legacy six-digit forms are padded."""
    address: Address | None = attrs.field(default=None, validator=optional_instance(Address))
    contact: ContactPoint | None = attrs.field(
        default=None, validator=optional_instance(ContactPoint)
    )
    representative: Representative | None = attrs.field(
        default=None, validator=optional_instance(Representative)
    )
    dpo: ContactPoint | None = attrs.field(default=None, validator=optional_instance(ContactPoint))
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


@attrs.frozen(kw_only=True)
class SubProcessor:
    """A sub-processor (Art 28(2) and (4)): a processor that a processor engages.

    A sub-processor in a country outside the EEA needs a ``mechanism`` for
    the transfer, as a :class:`Processor` does.
    """

    name: str = attrs.field(validator=plain)
    service: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """What the sub-processor does, e.g. hosting."""
    country: str = attrs.field(default="FI", validator=country)
    """Where the sub-processor processes the data (ISO 3166-1 alpha-2)."""
    mechanism: TransferMechanism | None = attrs.field(
        default=None, converter=_mechanism, validator=optional_member(TransferMechanism)
    )
    """How the transfer is made lawful, when ``country`` is outside the EEA."""

    def __attrs_post_init__(self) -> None:
        _check_mechanism(self.country, self.mechanism, "mechanism")


def _sub_processors(value: Iterable[SubProcessor]) -> tuple[SubProcessor, ...]:
    return as_tuple(value)  # type: ignore[return-value] # the validator checks it


@attrs.frozen(kw_only=True)
class Processor:
    """A processor (henkilötietojen käsittelijä) acting on the controller's behalf (Art 28).

    A processor in a country outside the EEA needs a ``mechanism`` for the
    transfer (Chapter V), as a :class:`Transfer` does.
    """

    name: str = attrs.field(validator=plain)
    service: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """What the processor does, e.g. hosting or payroll."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str = attrs.field(default="FI", validator=country)
    """Where the processor processes the data (ISO 3166-1 alpha-2)."""
    mechanism: TransferMechanism | None = attrs.field(
        default=None, converter=_mechanism, validator=optional_member(TransferMechanism)
    )
    """How the transfer is made lawful, when ``country`` is outside the EEA."""
    sub_processors: tuple[SubProcessor, ...] = attrs.field(
        default=(), converter=_sub_processors, validator=items(SubProcessor)
    )
    """The processors this processor engages, with the controller's authorisation."""
    contract: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """The contract or other legal act that binds the processor (Art 28(3)),
    e.g. ``"Käsittelysopimus 1.3.2024"``."""

    def __attrs_post_init__(self) -> None:
        _check_mechanism(self.country, self.mechanism, "mechanism")


@attrs.frozen(kw_only=True)
class JointController:
    """A joint controller (Art 26): another controller that decides with this one.

    The register's ``joint_arrangement`` gives the essence of the
    arrangement between them, which Art 26(2) asks to make available to data
    subjects.
    """

    name: str = attrs.field(validator=plain)
    business_id: str | None = attrs.field(default=None, converter=business_id)
    address: Address | None = attrs.field(default=None, validator=optional_instance(Address))
    contact: ContactPoint | None = attrs.field(
        default=None, validator=optional_instance(ContactPoint)
    )
    responsibilities: LocalizedText | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional_text
    )
    """What this controller is responsible for, e.g. answering access requests."""


@attrs.frozen(kw_only=True)
class Recipient:
    """A recipient or a category of recipients of disclosed data.

    With a ``name`` it is a named recipient; without, ``description`` names a
    category (e.g. "authorities when the law requires").
    """

    description: LocalizedText = attrs.field(converter=to_text, validator=text)
    name: str | None = attrs.field(default=None, validator=optional_plain)
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str | None = attrs.field(default=None, validator=country)

    @property
    def is_category(self) -> bool:
        """Whether this is a category of recipients rather than a named one."""
        return self.name is None
