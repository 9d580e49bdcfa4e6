"""Shared building blocks of the model: the strict field checks.

Every model class checks the type of each field when it is built (see the
model guide, "Strict construction"). The checks are attrs validators, which
know the field's name, so that every error names it; the few conversions the
model allows (a wire value to its enum member, a list to a tuple, a plain
string to a Finnish-only :class:`~rekisteri.model.LocalizedText`) are attrs
converters, which leave anything they cannot convert as it is for the
validator to report. Each check starts with a ``type(value) is ...`` test, so
that a value of the right type (the common case, and always the case when a
document is loaded) costs one comparison.

``non_blank`` and ``key`` are defined in :mod:`rekisteri._validate`, which the
domain modules share; they are re-exported here for the model's modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, TypeVar

from rekisteri._validate import check_text, key, non_blank
from rekisteri.errors import InvalidIdentifierError, InvalidValueError, ModelTypeError
from rekisteri.identifiers import ytunnus
from rekisteri.model._text import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable

    import attrs

    Validator = Callable[[object, attrs.Attribute[Any], Any], None]

__all__ = [
    "EEA",
    "as_tuple",
    "at_least_zero",
    "business_id",
    "country",
    "date_value",
    "enum_items",
    "flag",
    "instance",
    "items",
    "key",
    "key_items",
    "member",
    "model_key",
    "non_blank",
    "optional_instance",
    "optional_member",
    "optional_plain",
    "optional_text",
    "plain",
    "text",
    "to_optional_text",
    "to_text",
    "unique",
]

E = TypeVar("E", bound=StrEnum)

_COUNTRY: Final = re.compile(r"[A-Z]{2}")
_KEY: Final = re.compile(r"[a-z0-9][a-z0-9_-]*")
#: A value that may be shown in a message: it looks like a wire value (lower
#: case letters and underscores), so it cannot be a henkilötunnus.
_SHOWABLE: Final = re.compile(r"[a-z_]{1,40}")

#: ISO 3166-1 alpha-2 codes of the European Economic Area: EU27 + IS, LI, NO.
EEA: Final = frozenset(
    {
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
        *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
        *("IS", "LI", "NO"),
    }
)


def _article(name: str) -> str:
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def _got(value: object) -> str:
    return type(value).__name__


# --- conversions ------------------------------------------------------------------------


def as_tuple(value: object) -> object:
    """Return a list or another sequence (not a string) as a tuple; anything else as it is."""
    if type(value) is tuple:
        return value
    if isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray):
        return tuple(value)
    return value  # the validator reports it


def to_text(value: LocalizedText | str) -> LocalizedText:
    """Convert a plain string to a Finnish-only text; a LocalizedText stays as it is.

    A blank string, or one with a control character, is left for the field's
    validator, which reports it under the field's name.
    """
    if type(value) is str and value.strip() and (value.isprintable() or _clean(value)):
        return LocalizedText(fi=value)
    return value  # type: ignore[return-value] # the validator reports anything else


def to_optional_text(value: LocalizedText | str | None) -> LocalizedText | None:
    """Like :func:`to_text`, with ``None`` allowed."""
    if type(value) is str and value.strip() and (value.isprintable() or _clean(value)):
        return LocalizedText(fi=value)
    return value  # type: ignore[return-value] # the validator reports anything else


def _clean(value: str) -> bool:
    try:
        check_text(value, "")
    except InvalidValueError:
        return False
    return True


def enum_converter(cls: type[E]) -> Callable[[object], object]:
    """Return a function that turns a wire value of *cls* into its member.

    Anything else is returned as it is, for the validator to report. The
    model's converters are named functions that call this one's table (the
    attrs mypy plugin needs named functions), see e.g. ``_legal_basis``.
    """
    table = {member.value: member for member in cls}

    def convert(value: object) -> object:
        if type(value) is str:
            return table.get(value, value)
        return value

    return convert


def enum_tuple(value: object, convert: Callable[[object], object]) -> object:
    """Convert a sequence of wire values or members to a tuple of members."""
    value = as_tuple(value)
    if type(value) is tuple:
        return tuple([convert(item) for item in value])
    return value


# --- validators -------------------------------------------------------------------------


def text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a :class:`LocalizedText` (a string was converted before, if it could be)."""
    if type(value) is not LocalizedText:
        _not_text(attribute.name, value)


def optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Like :func:`text`, with ``None`` allowed."""
    if value is not None and type(value) is not LocalizedText:
        _not_text(attribute.name, value)


def _not_text(name: str, value: object) -> None:
    if isinstance(value, str):
        check_text(value, name)  # blank or a control character: raises
    if isinstance(value, LocalizedText):
        return  # a subclass
    msg = f"{name}: expected a text (a LocalizedText or a str), got {_got(value)}"
    raise ModelTypeError(msg)


def plain(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a plain string that is not blank and has no control characters."""
    if type(value) is not str or not value.isprintable() or not value.strip():
        check_text(value, attribute.name)


def optional_plain(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Like :func:`plain`, with ``None`` allowed."""
    if value is not None and (
        type(value) is not str or not value.isprintable() or not value.strip()
    ):
        check_text(value, attribute.name)


def model_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a key: lower-case ASCII letters, digits, ``-`` and ``_``."""
    if type(value) is not str:
        msg = f"{attribute.name}: expected a key (str), got {_got(value)}"
        raise ModelTypeError(msg)
    key(_instance, attribute, value)


def flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require ``True`` or ``False`` (not 0, 1 or a string)."""
    if type(value) is not bool:
        msg = f"{attribute.name}: expected True or False, got {_got(value)}"
        raise ModelTypeError(msg)


def date_value(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a :class:`datetime.date` (not a datetime) or ``None``."""
    if value is not None and type(value) is not date:
        msg = f"{attribute.name}: expected a date (datetime.date), got {_got(value)}"
        raise ModelTypeError(msg)


def at_least_zero(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a whole number, 0 or more (not a bool)."""
    if type(value) is not int:
        msg = f"{attribute.name}: expected a whole number, 0 or more (int), got {_got(value)}"
        raise ModelTypeError(msg)
    if value < 0:
        msg = f"{attribute.name}: expected a whole number, 0 or more"
        raise InvalidValueError(msg)


def instance(cls: type) -> Validator:
    """Return a validator that requires an instance of *cls*."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls and not isinstance(value, cls):
            msg = f"{attribute.name}: expected {_article(cls.__name__)}, got {_got(value)}"
            raise ModelTypeError(msg)

    return check


def optional_instance(cls: type) -> Validator:
    """Return a validator that requires an instance of *cls* or ``None``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not cls and not isinstance(value, cls):
            msg = f"{attribute.name}: expected {_article(cls.__name__)} or None, got {_got(value)}"
            raise ModelTypeError(msg)

    return check


def _bad_member(name: str, cls: type[StrEnum], value: object) -> None:
    choices = ", ".join(member.value for member in cls)
    if isinstance(value, str):
        shown = f" (got {value!r})" if _SHOWABLE.fullmatch(value) else ""
        msg = f"{name}: expected one of {choices}{shown}"
        raise InvalidValueError(msg)
    msg = f"{name}: expected one of {choices} (a {cls.__name__} or its value), got {_got(value)}"
    raise ModelTypeError(msg)


def member(cls: type[StrEnum]) -> Validator:
    """Return a validator that requires a member of *cls* (wire values were converted)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            _bad_member(attribute.name, cls, value)

    return check


def optional_member(cls: type[StrEnum]) -> Validator:
    """Like :func:`member`, with ``None`` allowed."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not cls:
            _bad_member(attribute.name, cls, value)

    return check


def _not_a_list(name: str, value: object, what: str) -> None:
    msg = f"{name}: expected a list or tuple of {what}, got {_got(value)}"
    raise ModelTypeError(msg)


def items(cls: type) -> Validator:
    """Return a validator that requires a tuple of instances of *cls*."""
    what = f"{cls.__name__} objects"

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
        if type(value) is not tuple:
            _not_a_list(attribute.name, value, what)
        for index, item in enumerate(value):
            if type(item) is not cls and not isinstance(item, cls):
                name = f"{attribute.name}[{index}]"
                msg = f"{name}: expected {_article(cls.__name__)}, got {_got(item)}"
                raise ModelTypeError(msg)

    return check


def enum_items(cls: type[StrEnum]) -> Validator:
    """Return a validator that requires a tuple of members of *cls*."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
        if type(value) is not tuple:
            _not_a_list(attribute.name, value, f"{cls.__name__} values")
        for index, item in enumerate(value):
            if type(item) is not cls:
                _bad_member(f"{attribute.name}[{index}]", cls, item)

    return check


def key_items(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    """Require a tuple of keys."""
    if type(value) is not tuple:
        _not_a_list(attribute.name, value, "keys")
    for index, item in enumerate(value):
        if type(item) is not str or _KEY.fullmatch(item) is None:
            name = f"{attribute.name}[{index}]"
            if not isinstance(item, str):
                msg = f"{name}: expected a key (str), got {_got(item)}"
                raise ModelTypeError(msg)
            msg = f"{name}: a key is lower-case a-z, 0-9, '-' and '_', e.g. 'contact-details'"
            raise InvalidValueError(msg)


def country(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject anything but an ISO 3166-1 alpha-2 code in upper case (or ``None``)."""
    if value is not None and (type(value) is not str or _COUNTRY.fullmatch(value) is None):
        if not isinstance(value, str):
            msg = f"{attribute.name}: expected a country code (str), got {_got(value)}"
            raise ModelTypeError(msg)
        msg = f"{attribute.name}: expected an ISO 3166-1 alpha-2 country code such as 'FI'"
        raise InvalidValueError(msg)


def business_id(value: object) -> str | None:
    """Convert a Y-tunnus to its canonical form; ``None`` stays ``None``.

    Raises the identifier module's errors (which are ``ValueError`` s) for an
    invalid one.
    """
    if value is None:
        return None
    try:
        return ytunnus.validate(value)  # type: ignore[arg-type] # validate rejects non-strings
    except InvalidIdentifierError as exc:
        raise exc.with_field("business_id") from None


def unique(items: Iterable[Hashable], field: str, attr: str = "") -> list[str]:
    """Return a problem for each item of *field* that appears more than once.

    The message says where (the index of the item and of its first
    appearance), never the value: a key may be anything a user typed, even a
    henkilötunnus. *attr* names the compared attribute, e.g. ``"key"``.
    """
    first: dict[Hashable, int] = {}
    problems = []
    suffix = f".{attr}" if attr else ""
    for index, item in enumerate(items):
        if item in first:
            earlier = f"{field}[{first[item]}]"
            problems.append(f"{field}[{index}]{suffix}: the same as {earlier}{suffix}")
        else:
            first[item] = index
    return problems
