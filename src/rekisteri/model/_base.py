"""Shared building blocks of the model: strict construction and the field checks.

Every model class checks the type of each field when it is built (see the
model guide, "Strict construction"). :func:`strict` reads a class's field
types once, when the class is defined, and compiles one checking function
for it, which runs as the class's ``__attrs_post_init__`` (before the class's
own cross-field rules). For each field it costs a ``type(value) is ...``
comparison or two when the value has the right type, which is always the
case when a document is loaded; only a value of another type takes the slow
path, which converts what the model allows (a wire value to its enum member,
a list or another sequence to a tuple, a plain string to a Finnish-only
:class:`~rekisteri.model.LocalizedText`) or raises a typed error that names
the field, never quoting the value.

Fields with their own attrs validator or converter (keys, countries,
Y-tunnukset) keep it, and :func:`strict` leaves them alone.

``non_blank`` and ``key`` are defined in :mod:`rekisteri._validate`, which the
domain modules share; they are re-exported here for the model's modules.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin

import attrs

from rekisteri._spellings import masking_repr
from rekisteri._validate import BLANK, check_text, key, non_blank
from rekisteri.calendar import FIRST_DAY, LAST_DAY, check_day
from rekisteri.errors import InvalidIdentifierError, InvalidValueError, ModelTypeError
from rekisteri.identifiers import ytunnus
from rekisteri.model._text import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable

__all__ = [
    "COUNTRY",
    "EEA",
    "KEY",
    "MAX_COUNT",
    "Strict",
    "business_id",
    "is_country",
    "key",
    "non_blank",
    "strict",
    "unique",
]

C = TypeVar("C", bound=type)
E = TypeVar("E", bound=StrEnum)

#: ``metadata`` of a field that holds a key (``attrs.field(metadata=KEY)``).
KEY: Final = {"kind": "key"}
#: ``metadata`` of a field that holds an ISO 3166-1 alpha-2 country code.
COUNTRY: Final = {"kind": "country"}

_COUNTRY: Final = re.compile(r"[A-Z]{2}")
#: The shape of a key (a regular expression, for the JSON Schema too).
KEY_PATTERN: Final = "[a-z0-9][a-z0-9_-]*"
_KEY: Final = re.compile(KEY_PATTERN)
#: A value that may be shown in a message: it looks like a wire value (lower
#: case letters and underscores), so it cannot be a henkilötunnus.
_SHOWABLE: Final = re.compile(r"[a-z_]{1,40}")

#: ISO 3166-1 alpha-2 codes of the European Economic Area: EU27 + IS, LI, NO, and
#: the parts of EU member states that have codes of their own: the Åland Islands
#: (AX, Art 355(4) TFEU) and the outermost regions of Art 355(1) TFEU (GF, GP,
#: MQ, RE, YT, MF). The GDPR applies there as in the rest of the Union.
EEA: Final = frozenset(
    {
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
        *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
        *("IS", "LI", "NO"),
        *("AX", "GF", "GP", "MQ", "RE", "YT", "MF"),
    }
)


def _article(name: str) -> str:
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def _got(value: object) -> str:
    return type(value).__name__


# --- strict construction ----------------------------------------------------------------


class Strict:
    """Base of the model classes: gives attrs an ``__attrs_post_init__`` to call.

    :func:`strict` replaces it with the compiled checks of each class.
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        """Replaced by the checks that :func:`strict` compiles."""


def strict(cls: C) -> C:
    """Compile the field checks of the attrs class *cls* (a :class:`Strict`) into its post-init.

    Used as a class decorator above ``@attrs.frozen``. The class's own
    ``__attrs_post_init__`` (its cross-field rules) runs after the checks. A
    field's kind comes from its type, or from ``metadata={"kind": ...}``
    (``"key"``, ``"keys"``, ``"country"``); a field with its own attrs
    validator or converter is left to it.
    """
    own = cls.__dict__.get("__attrs_post_init__")
    hints = typing.get_type_hints(cls)
    lines = ["def __attrs_post_init__(self):"]
    scope: dict[str, object] = {"_own": own, "_fix": _fix, **_SCOPE}
    for field in attrs.fields(cls):
        if field.validator is not None or field.converter is not None:
            continue  # the field's own check
        kind, target, optional = _kind(hints[field.name])
        kind = field.metadata.get("kind", kind)
        if kind is None:
            continue
        name = field.name
        value, target_name = f"_v_{name}", f"_t_{name}"
        scope[target_name] = target
        fix = f"_fix(self, {name!r}, {kind!r}, {target_name}, {optional!r})"
        test, item_test = _TESTS[kind]
        test = test.format(v=value, t=target_name)
        if optional:
            test = f"{value} is not None and ({test})"
        lines += [f"    {value} = self.{name}", f"    if {test}:", f"        {fix}"]
        if item_test:  # then each item, in a loop (cheaper than any() of a generator)
            lines += [
                "    else:",
                f"        for _i in {value}:",
                f"            if {item_test.format(v='_i', t=target_name)}:",
                f"                {fix}",
                "                break",
            ]
    if own is not None:
        lines.append("    _own(self)")
    lines.append("    return None")
    exec("\n".join(lines), scope)  # noqa: S102 - code built from the class's own field names
    check = scope["__attrs_post_init__"]
    check.__qualname__ = f"{cls.__qualname__}.__attrs_post_init__"  # type: ignore[attr-defined]
    check.__doc__ = own.__doc__ if own is not None else None
    cls.__attrs_post_init__ = check  # type: ignore[attr-defined]
    masking_repr(cls)
    return cls


#: The country codes known to be valid: the EEA at first, every country that
#: Babel knows once a code outside it has been checked (Babel's locale data
#: load only then). The compiled checks test membership in this very set.
_COUNTRIES: Final[set[str]] = set(EEA)
#: Two-letter territory codes of Babel that are not countries: groupings
#: (EU, EZ, UN, QO), the unknown and pseudo regions (ZZ, XA, XB), and the codes
#: that ISO 3166-1 only reserves for parts of other countries (AC, CP, CQ, DG,
#: EA, IC, TA; the Canary Islands, IC, and Ceuta and Melilla, EA, are Spain).
_NOT_COUNTRIES: Final = frozenset(
    {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)


def _load_countries() -> set[str]:
    if len(_COUNTRIES) == len(EEA):
        from babel import Locale

        _COUNTRIES.update(
            code
            for code in Locale("en").territories
            if isinstance(code, str) and _COUNTRY.fullmatch(code) and code not in _NOT_COUNTRIES
        )
    return _COUNTRIES


def countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 country code the model takes (Babel's countries)."""
    return frozenset(_load_countries())


def is_country(value: object) -> bool:
    """Whether *value* is an ISO 3166-1 alpha-2 code of a country that Babel knows.

    Examples:
        >>> is_country("FI"), is_country("GB"), is_country("UK"), is_country("fi")
        (True, True, False, False)
    """
    return isinstance(value, str) and value in _load_countries()


_SCOPE: Final = {
    "_key": _KEY.fullmatch,
    "_countries": _COUNTRIES,
    "_blank": BLANK,
    "_first_day": FIRST_DAY,
    "_last_day": LAST_DAY,
}

#: The tests, for each kind of field, that a value is *not* of the right type
#: (the fast path): ``{v}`` is the value, ``{t}`` the class or enum; and, for
#: a tuple, the test of each item.
_TESTS: Final[dict[str, tuple[str, str | None]]] = {
    "text": ("type({v}) is not {t}", None),
    "instance": ("type({v}) is not {t}", None),
    "enum": ("type({v}) is not {t}", None),
    "plain": ("type({v}) is not str or not {v}.isprintable() or not {v}.strip(_blank)", None),
    "flag": ("type({v}) is not bool", None),
    "count": ("type({v}) is not int or not 0 <= {v} <= 100000", None),
    "date": ("type({v}) is not {t} or not _first_day <= {v} <= _last_day", None),
    "key": ("type({v}) is not str or _key({v}) is None", None),
    "country": ("type({v}) is not str or {v} not in _countries", None),
    "items": ("type({v}) is not tuple", "type({v}) is not {t}"),
    "enum_items": ("type({v}) is not tuple", "type({v}) is not {t}"),
    "keys": ("type({v}) is not tuple", "type({v}) is not str or _key({v}) is None"),
}


#: The kind of check of the field types that are not classes of the model.
#: Every whole number of the model counts something (0 or more).
_SCALAR_KINDS: Final[dict[object, str]] = {
    LocalizedText: "text",
    str: "plain",
    bool: "flag",
    int: "count",
    date: "date",
}


def _kind(tp: object) -> tuple[str | None, object, bool]:
    """The kind of check for a field of type *tp*, its class, and whether None is allowed."""
    optional = False
    if get_origin(tp) in (typing.Union, UnionType):
        args = [arg for arg in get_args(tp) if arg is not NoneType]
        optional = len(args) < len(get_args(tp))
        if len(args) != 1:
            return None, None, optional
        tp = args[0]
    if get_origin(tp) is tuple:
        inner = get_args(tp)[0]
        if isinstance(inner, type) and issubclass(inner, StrEnum):
            return "enum_items", inner, optional
        if inner is str:
            return "keys", str, optional  # a tuple of strings is a tuple of keys
        return "items", inner, optional
    if tp in _SCALAR_KINDS:
        return _SCALAR_KINDS[tp], tp, optional
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return "enum", tp, optional
    if isinstance(tp, type) and attrs.has(tp):
        return "instance", tp, optional
    return None, None, optional


def _fix(instance: object, name: str, kind: str, target: Any, optional: bool) -> None:  # noqa: ANN401, FBT001
    """The slow path: convert the value of field *name* if the model allows it, or raise."""
    value = getattr(instance, name)
    fixed = _FIXES[kind](name, value, target, optional)
    if fixed is not value:
        object.__setattr__(instance, name, fixed)


def _fix_text(name: str, value: object, _target: object, optional: bool) -> object:  # noqa: FBT001
    if isinstance(value, LocalizedText):
        return value  # a subclass
    if isinstance(value, str):
        return LocalizedText(fi=check_text(value, name))
    none = " or None" if optional else ""
    msg = f"{name}: expected a text (a LocalizedText or a str){none}, got {_got(value)}"
    raise ModelTypeError(msg)


def _fix_instance(name: str, value: object, target: type, optional: bool) -> object:  # noqa: FBT001
    if isinstance(value, target):
        return value  # a subclass
    none = " or None" if optional else ""
    msg = f"{name}: expected {_article(target.__name__)}{none}, got {_got(value)}"
    raise ModelTypeError(msg)


def _fix_plain(name: str, value: object, _target: object, _optional: bool) -> object:  # noqa: FBT001
    return check_text(value, name)


def _fix_flag(name: str, value: object, _target: object, optional: bool) -> object:  # noqa: FBT001
    none = " or None" if optional else ""
    msg = f"{name}: expected True or False{none}, got {_got(value)}"
    raise ModelTypeError(msg)


def _fix_date(name: str, value: object, _target: object, optional: bool) -> object:  # noqa: FBT001
    if type(value) is date:
        # The calendar's range, so that every date of a register can be
        # computed with (deadlines, retention) and written back as ISO 8601.
        return check_day(value, name)
    none = " or None" if optional else ""
    msg = f"{name}: expected a date (datetime.date){none}, got {_got(value)}"
    raise ModelTypeError(msg)


def member_of(name: str, value: object, target: type[E]) -> E:
    """Return the member of *target* that *value* is, or whose wire value it is.

    Raises:
        InvalidValueError: *value* is a string but no wire value of *target*.
        ModelTypeError: *value* is not a string at all; both messages name *name*.
    """
    if type(value) is target:
        return value
    if isinstance(value, str) and not isinstance(value, StrEnum):
        try:
            return target(value)
        except ValueError:
            pass
    choices = ", ".join(member.value for member in target)
    if isinstance(value, str):
        shown = f" (got {value!r})" if _SHOWABLE.fullmatch(value) else ""
        msg = f"{name}: expected one of {choices}{shown}"
        raise InvalidValueError(msg)
    msg = f"{name}: expected one of {choices} (a {target.__name__} or its value), got {_got(value)}"
    raise ModelTypeError(msg)


def _fix_enum(name: str, value: object, target: type[StrEnum], _optional: bool) -> object:  # noqa: FBT001
    return member_of(name, value, target)


def _as_tuple(name: str, value: object, what: str) -> tuple[object, ...]:
    if type(value) is tuple:
        return value
    if isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray):
        return tuple(value)
    msg = f"{name}: expected a list or tuple of {what}, got {_got(value)}"
    raise ModelTypeError(msg)


def _fix_items(name: str, value: object, target: type, _optional: bool) -> object:  # noqa: FBT001
    items = _as_tuple(name, value, f"{target.__name__} objects")
    for index, item in enumerate(items):
        if not isinstance(item, target):
            msg = f"{name}[{index}]: expected {_article(target.__name__)}, got {_got(item)}"
            raise ModelTypeError(msg)
    return items


def _fix_enum_items(name: str, value: object, target: type[StrEnum], _optional: bool) -> object:  # noqa: FBT001
    items = _as_tuple(name, value, f"{target.__name__} values")
    return tuple([member_of(f"{name}[{index}]", item, target) for index, item in enumerate(items)])


def _fix_key(name: str, value: object, _target: object, _optional: bool) -> object:  # noqa: FBT001
    if not isinstance(value, str):
        msg = f"{name}: expected a key (str), got {_got(value)}"
        raise ModelTypeError(msg)
    if _KEY.fullmatch(value) is None:
        msg = f"{name}: a key is lower-case a-z, 0-9, '-' and '_', e.g. 'contact-details'"
        raise InvalidValueError(msg)
    return value


def _fix_keys(name: str, value: object, _target: object, _optional: bool) -> object:  # noqa: FBT001
    items = _as_tuple(name, value, "keys")
    for index, item in enumerate(items):
        _fix_key(f"{name}[{index}]", item, None, False)
    return items


def _fix_country(name: str, value: object, _target: object, optional: bool) -> object:  # noqa: FBT001
    if not isinstance(value, str):
        none = " or None" if optional else ""
        msg = f"{name}: expected a country code (str){none}, got {_got(value)}"
        raise ModelTypeError(msg)
    if is_country(value):
        return value  # a country outside the EEA, checked against Babel's list
    hint = ""
    if value.strip().upper() == "UK":
        hint = "; the United Kingdom is 'GB'"
    elif is_country(value.strip().upper()):
        hint = "; write it in capital letters"
    msg = f"{name}: expected the ISO 3166-1 alpha-2 code of a country, such as 'FI'{hint}"
    raise InvalidValueError(msg)


#: The largest whole number of the model (a number of years, months or days):
#: far beyond any retention period, and well inside what JSON readers take.
MAX_COUNT: Final = 100_000


def _fix_count(name: str, value: object, _target: object, _optional: bool) -> object:  # noqa: FBT001
    if type(value) is not int:
        msg = f"{name}: expected a whole number, 0 or more (int), got {_got(value)}"
        raise ModelTypeError(msg)
    msg = f"{name}: expected a whole number from 0 to {MAX_COUNT:,}".replace(",", " ")
    raise InvalidValueError(msg)


_FIXES: Final[dict[str, Callable[[str, object, Any, bool], object]]] = {
    "text": _fix_text,
    "instance": _fix_instance,
    "plain": _fix_plain,
    "flag": _fix_flag,
    "count": _fix_count,
    "date": _fix_date,
    "enum": _fix_enum,
    "items": _fix_items,
    "enum_items": _fix_enum_items,
    "key": _fix_key,
    "keys": _fix_keys,
    "country": _fix_country,
}


# --- field validators and converters ----------------------------------------------------


def business_id(value: object) -> str | None:
    """Convert a Y-tunnus to its canonical form; ``None`` stays ``None``.

    Raises the identifier module's errors (which are ``ValueError`` s) for an
    invalid one.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"business_id: expected a Y-tunnus (str), got {_got(value)}"
        raise ModelTypeError(msg)
    try:
        return ytunnus.validate(value)
    except InvalidIdentifierError as exc:
        raise exc.with_field("business_id") from None


#: How many repeated items of one list :func:`unique` describes; the rest it counts.
UNIQUE_SHOWN: Final = 5


def unique(items: Iterable[Hashable], field: str, attr: str = "") -> list[str]:
    """Return a problem for each of the first repeated items of *field*, then a count.

    The message says where (the index of the item and of its first
    appearance), never the value: a key may be anything a user typed, even a
    henkilötunnus. *attr* names the compared attribute, e.g. ``"key"``. The
    first :data:`UNIQUE_SHOWN` repeats are described; the others are only
    counted, in one last line (``… and N more invalid item(s)``, which
    :func:`rekisteri.serialize.problem_count` counts), so that a list of a
    million repeats costs no message per item.

    Examples:
        >>> unique(["a", "b", "a"], "rights")
        ['rights[2]: the same as rights[0]']
        >>> for problem in unique(["x"] * 8, "purposes", "key")[-2:]:
        ...     print(problem)
        purposes[5].key: the same as purposes[0].key
        purposes: … and 2 more invalid item(s), each the same as an earlier item
    """
    first: dict[Hashable, int] = {}
    problems: list[str] = []
    hidden = 0
    suffix = f".{attr}" if attr else ""
    for index, item in enumerate(items):
        earliest = first.setdefault(item, index)
        if earliest == index:
            continue
        if len(problems) < UNIQUE_SHOWN:
            problems.append(f"{field}[{index}]{suffix}: the same as {field}[{earliest}]{suffix}")
        else:
            hidden += 1
    if hidden:
        problems.append(
            f"{field}: … and {hidden} more invalid item(s), each the same as an earlier item"
        )
    return problems
