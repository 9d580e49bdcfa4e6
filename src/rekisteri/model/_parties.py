"""The parties of a register: controller, contact points, processors, recipients."""

from __future__ import annotations

import re
from typing import Final

import attrs

from rekisteri.errors import InvalidValueError
from rekisteri.model._base import business_id, country, non_blank
from rekisteri.model._text import LocalizedText

_POSTAL_CODE_FI: Final = re.compile(r"[0-9]{5}")
_optional_text = attrs.validators.optional(non_blank)


@attrs.frozen(kw_only=True)
class Address:
    """A postal address.

    Examples:
        >>> Address(street="Lintulahdenkuja 4", postal_code="00530", town="Helsinki")
        Address(street='Lintulahdenkuja 4', postal_code='00530', town='Helsinki', country='FI')
    """

    street: str | None = attrs.field(default=None, validator=_optional_text)
    """Street address or PO box (``PL 800``)."""
    postal_code: str | None = attrs.field(default=None, validator=_optional_text)
    """Five digits in Finland."""
    town: str | None = attrs.field(default=None, validator=_optional_text)
    country: str = attrs.field(default="FI", validator=country)
    """ISO 3166-1 alpha-2 code."""

    @postal_code.validator
    def _check_postal_code(
        self, _attribute: attrs.Attribute[str | None], value: str | None
    ) -> None:
        if value is not None and self.country == "FI" and _POSTAL_CODE_FI.fullmatch(value) is None:
            msg = "postal_code: a Finnish postal code is five digits, e.g. '00530'"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class ContactPoint:
    """How to reach someone: at least one channel is required.

    The old notices often write e-mail addresses as ``info(a)example.fi``;
    write them out in full here.
    """

    name: str | None = attrs.field(default=None, validator=_optional_text)
    """A person, a role or a unit, e.g. ``"Asiakaspalvelu"``."""
    email: str | None = attrs.field(default=None, validator=_optional_text)
    phone: str | None = attrs.field(default=None, validator=_optional_text)
    address: Address | None = None
    url: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.email is None and self.phone is None and self.address is None and self.url is None:
            msg = "a contact point needs at least one of email, phone, address or url"
            raise InvalidValueError(msg)
        if self.email is not None and "@" not in self.email:
            msg = "email: expected an address with '@' (write 'info(a)example.fi' out in full)"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class Representative:
    """The controller's representative in the EU (Art 27), where one is required."""

    name: str = attrs.field(validator=non_blank)
    contact: ContactPoint


@attrs.frozen(kw_only=True)
class Controller:
    """The controller (rekisterinpitäjä): who decides why and how data are processed.

    The Y-tunnus is checked and stored in its canonical form.

    Examples:
        >>> Controller(name="Esimerkki Oy", business_id="357502-9").business_id
        '0357502-9'
    """

    name: str | None = attrs.field(default=None, validator=_optional_text)
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


@attrs.frozen(kw_only=True)
class Processor:
    """A processor (henkilötietojen käsittelijä) acting on the controller's behalf."""

    name: str = attrs.field(validator=non_blank)
    service: LocalizedText | None = None
    """What the processor does, e.g. hosting or payroll."""
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str = attrs.field(default="FI", validator=country)


@attrs.frozen(kw_only=True)
class Recipient:
    """A recipient or a category of recipients of disclosed data.

    With a ``name`` it is a named recipient; without, ``description`` names a
    category (e.g. "authorities when the law requires").
    """

    description: LocalizedText
    name: str | None = attrs.field(default=None, validator=_optional_text)
    business_id: str | None = attrs.field(default=None, converter=business_id)
    country: str | None = attrs.field(default=None, validator=country)

    @property
    def is_category(self) -> bool:
        """Whether this is a category of recipients rather than a named one."""
        return self.name is None
