"""JSON, TOML and JSON Schema for the model, from the same attrs classes.

* :func:`dumps` / :func:`loads`: JSON bytes ↔ model objects, through a cattrs
  converter built on cattrs' orjson preconf (:func:`make_converter` gives you
  your own; nothing here is a global that you could change by accident).
* :func:`load_register`: a register from a ``.toml`` (written by people) or
  ``.json`` file.
* :func:`json_schema`: a JSON Schema 2020-12 generated from the classes.

Documents are strict: an unknown key is an error, not a warning, because in
a legal document a misspelt key (``retension``) would silently drop a
statement. Every problem of a document is reported at once, with its path, in
one :class:`~rekisteri.errors.InvalidDocumentError`; no message quotes a value
from the document.

Every register document carries ``schema_version``. Reading a document of an
older version upgrades it first (see :data:`UPGRADES`); a newer version than
this library knows is refused.

Examples:
    >>> from rekisteri.model import Controller, Register
    >>> register = Register(controller=Controller(name="Esimerkki Oy"))
    >>> data = dumps(register)
    >>> data[:60]
    b'{"controller":{"name":"Esimerkki Oy"},"schema_version":2}'
    >>> loads(data, Register) == register
    True
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import cache, partial
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.orjson import OrjsonConverter
from cattrs.preconf.orjson import make_converter as _orjson_converter

from rekisteri._documents import (
    MAX_DOCUMENT_BYTES,
    MAX_PROBLEMS,
    MAX_VALUES,
    DocumentTooLargeError,
    diagnose,
    load_register,
    loads,
    problem_count,
    read_register,
)
from rekisteri.errors import InvalidDocumentError, ModelTypeError
from rekisteri.model import SCHEMA_VERSION, DataCategory, LocalizedText, Register, Source
from rekisteri.model._base import KEY_PATTERN, MAX_COUNT, countries

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "UPGRADES",
    "DocumentTooLargeError",
    "dumps",
    "json_schema",
    "load_register",
    "loads",
    "make_converter",
    "problem_count",
    "read_register",
    "structure",
    "unstructure",
]

T = TypeVar("T")


def _upgrade_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: nothing to rewrite.

    Version 2 only adds fields (joint controllers, the Art 28 details of
    processors, the laws of legal bases, DPV terms and catalog keys of data
    categories, association register numbers) and lets a source's operator
    be a text in several languages, of which a plain string (all that
    version 1 had) is the Finnish-only form. Every version 1 document is a
    version 2 document as it stands.
    """
    return data


#: Upgrades of older register documents, as plain dicts: version *n* → *n + 1*.
UPGRADES: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {1: _upgrade_1_to_2}


def make_converter(*, detailed_validation: bool = True) -> OrjsonConverter:
    """Return a new converter that knows every rekisteri type.

    Args:
        detailed_validation: Collect every problem with its path (slower);
            without it, the first problem is raised as it is.
    """
    converter = _orjson_converter(
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
        omit_if_default=True,
    )
    _register_hooks(converter)
    return converter


def _register_hooks(converter: OrjsonConverter) -> None:
    # Strict scalars: cattrs would turn 5 into "5" and "false" into True. These
    # are class hooks, so the most specific class wins: bool before int, and
    # StrEnum before str.
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _structure_whole)
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(StrEnum, _structure_enum)
    converter.register_unstructure_hook_func(_is_str_enum, str)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)

    text_fn = make_dict_structure_fn(LocalizedText, converter)
    converter.register_structure_hook(LocalizedText, partial(_structure_text, fn=text_fn))
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, partial(_checked_tuple, converter)
    )
    if not converter.detailed_validation:
        # The fast path: resolve the handlers of X | None and tuple[X, ...] once,
        # instead of on every value as cattrs' generic hooks do. The detailed
        # converter keeps cattrs' hooks, which record the path of a problem.
        converter.register_structure_hook_factory(_is_optional, partial(_optional, converter))
        converter.register_structure_hook_factory(_is_homogeneous_tuple, partial(_tuple, converter))
    # Sources and data categories may be given by a catalog key, or as a
    # table with `catalog = "<key>"` and the fields that differ.
    source_fn = make_dict_structure_fn(Source, converter)
    converter.register_structure_hook(
        Source,
        partial(_structure_catalog, fn=source_fn, converter=converter, lookup=_catalog_source),
    )
    category_fn = make_dict_structure_fn(DataCategory, converter)
    converter.register_structure_hook(
        DataCategory,
        partial(_structure_catalog, fn=category_fn, converter=converter, lookup=_catalog_category),
    )
    # schema_version is written even though it equals its default.
    converter.register_unstructure_hook(
        Register,
        make_dict_unstructure_fn(
            Register,
            converter,
            _cattrs_omit_if_default=True,
            schema_version=override(omit_if_default=False),
        ),
    )


def _strict(kind: type, expected: str) -> Callable[[object, type], object]:
    def structure(value: object, _cls: type) -> object:
        if type(value) is kind:
            return value
        msg = f"expected {expected}"
        raise _DocumentValueError(msg)

    return structure


def _structure_whole(value: object, _cls: type) -> int:
    """A whole number: an ``int``, or a float without a fractional part (``1.0``).

    JSON does not tell ``1`` from ``1.0``, and JSON Schema counts both as an
    integer; a document that the schema accepts is read the same way.
    """
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    msg = "expected a whole number"
    raise _DocumentValueError(msg)


_TEXT_KEYS: Final = frozenset({"fi", "sv", "en"})


def _structure_text(
    value: object, cls: type[LocalizedText], fn: Callable[[Any, Any], LocalizedText]
) -> LocalizedText:
    if type(value) is str:
        return LocalizedText(fi=value)
    if type(value) is dict and value.keys() <= _TEXT_KEYS and type(value.get("fi")) is str:
        sv, en = value.get("sv"), value.get("en")
        if (sv is None or type(sv) is str) and (en is None or type(en) is str):
            return LocalizedText(fi=value["fi"], sv=sv, en=en)
    return fn(value, cls)  # the generated function reports what is wrong


def _is_optional(tp: object) -> bool:
    if get_origin(tp) not in (typing.Union, UnionType):
        return False
    args = get_args(tp)
    return len(args) == 2 and NoneType in args


def _optional(converter: OrjsonConverter, tp: object) -> Callable[[object, object], object]:
    (inner,) = (arg for arg in get_args(tp) if arg is not NoneType)
    handler = converter.get_structure_hook(inner)

    def structure(value: object, _tp: object) -> object:
        return None if value is None else handler(value, inner)

    return structure


def _is_homogeneous_tuple(tp: object) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple(
    converter: OrjsonConverter, tp: object
) -> Callable[[object, object], tuple[object, ...]]:
    inner = get_args(tp)[0]
    handler = converter.get_structure_hook(inner)

    def structure(value: object, _tp: object) -> tuple[object, ...]:
        if type(value) is not list:
            msg = "expected a list"
            raise _DocumentValueError(msg)
        return tuple([handler(item, inner) for item in value])

    return structure


def _checked_tuple(
    converter: OrjsonConverter, _tp: object
) -> Callable[[object, object], tuple[object, ...]]:
    """Cattrs' tuple handling, which records each item's path, for lists only.

    Without the check, a string such as ``rights = "access"`` would be read
    as a sequence of one-letter items.
    """
    default = converter._structure_tuple  # noqa: SLF001 - cattrs' own, with item paths

    def structure(value: object, tp: object) -> tuple[object, ...]:
        if type(value) is not list:
            msg = "expected a list"
            raise _DocumentValueError(msg)
        return default(value, tp)  # type: ignore[arg-type] # a tuple type

    return structure


def _is_str_enum(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, StrEnum)


@cache
def _enum_table(cls: type[StrEnum]) -> dict[str, StrEnum]:
    return {member.value: member for member in cls}


def _structure_enum(value: object, cls: type[StrEnum]) -> StrEnum:
    try:
        return _enum_table(cls)[value]  # type: ignore[index] # a non-str fails the lookup
    except (KeyError, TypeError):
        choices = ", ".join(_enum_table(cls))
        msg = f"expected one of {choices}"
        raise _DocumentValueError(msg) from None


def _structure_date(value: object, _cls: type[date]) -> date:
    if type(value) is date:  # TOML has dates of its own (and date-times, which are not dates)
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    msg = "expected a date YYYY-MM-DD"
    raise _DocumentValueError(msg)


def _catalog_source(key: object) -> Source:
    from rekisteri.sources import CATALOG

    if type(key) is str and key in CATALOG:
        return CATALOG[key]
    msg = f"no catalog source with this key; the catalog has: {', '.join(CATALOG)}"
    raise _DocumentValueError(msg)


def _catalog_category(key: object) -> DataCategory:
    from rekisteri import categories

    try:
        return categories.get(key)  # type: ignore[arg-type] # get() refuses a non-str
    except KeyError:
        pass
    known = ", ".join(categories.CATALOG)
    msg = f"no catalog data category with this key; the catalog has: {known}"
    raise _DocumentValueError(msg)


def _structure_catalog(
    value: object,
    cls: type[T],
    *,
    fn: Callable[[Any, Any], T],
    converter: OrjsonConverter,
    lookup: Callable[[object], T],
) -> T:
    """Structure a catalog entry given by its key, a catalog table, or a full table."""
    if type(value) is str:
        return lookup(value)
    if type(value) is dict and "catalog" in value:
        overrides = dict(value)
        base = converter.unstructure(lookup(overrides.pop("catalog")))
        return fn({**base, **overrides}, cls)
    return fn(value, cls)


class _DocumentValueError(ValueError):
    """A value that the converter rejects; its message quotes no value."""


@cache
def _fast() -> OrjsonConverter:
    return make_converter(detailed_validation=False)


@cache
def _detailed() -> OrjsonConverter:
    return make_converter(detailed_validation=True)


def unstructure(obj: object) -> Any:  # noqa: ANN401 - JSON-like data of any shape
    """Return *obj* as plain JSON-compatible data (dicts, lists, strings, numbers)."""
    return _fast().unstructure(obj)


def dumps(obj: object, *, indent: bool = False) -> bytes:
    """Return *obj* as JSON (UTF-8 bytes).

    Args:
        obj: A model object, e.g. a :class:`~rekisteri.model.Register`.
        indent: Indent by two spaces for people to read.
    """
    option = orjson.OPT_INDENT_2 if indent else 0
    try:
        return orjson.dumps(_fast().unstructure(obj), option=option)
    except orjson.JSONEncodeError as exc:
        # Say what kind of thing could not be written, never its value.
        msg = (
            f"cannot write a {type(obj).__name__} as JSON: give a model object "
            "(such as a Register) or plain JSON data"
        )
        raise ModelTypeError(msg) from exc


def structure(data: Mapping[str, Any], cls: type[T]) -> T:
    """Build a *cls* from plain data (as :mod:`tomllib` or a JSON parser gives it).

    Raises:
        InvalidDocumentError: Every problem in *data*, each with its path.
        ModelTypeError: *data* for a :class:`~rekisteri.model.Register` is not a
            mapping (``None``, a model object, a list...).
    """
    if cls is Register:
        given: object = data  # callers without type checking pass anything
        if not isinstance(given, Mapping):
            msg = (
                f"a register document must be a mapping (a TOML table or a JSON "
                f"object), not {type(given).__name__}"
            )
            raise ModelTypeError(msg)
        data = _with_alias_references(_upgrade(data))
    try:
        return _fast().structure(data, cls)
    except _STRUCTURE_ERRORS:
        pass  # the fast path stops at the first problem; find them all
    # Raised outside the except block: `from None` only hides the cattrs error,
    # which quotes the document's keys and values, while __context__ keeps it.
    # diagnose() lists the problems with bounded work (rekisteri._documents).
    raise InvalidDocumentError(diagnose(data, cls))


#: What structuring a bad document can raise: cattrs' errors (ForbiddenExtraKeysError
#: is not a ValueError), our validators' ValueErrors, and the TypeErrors,
#: KeyErrors and AttributeErrors of data in the wrong shape.
_STRUCTURE_ERRORS: Final = (
    cattrs.errors.CattrsError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)


def _upgrade(data: Mapping[str, Any]) -> Mapping[str, Any]:
    version = data.get("schema_version", SCHEMA_VERSION)
    if type(version) is float and version.is_integer():
        version = int(version)  # JSON's 1.0 is 1, as for every whole number
    if type(version) is not int or version < 1:
        raise InvalidDocumentError(["schema_version: expected a whole number, 1 or more"])
    if version > SCHEMA_VERSION:
        msg = (
            f"schema_version: this document is version {version}, newer than this "
            f"rekisteri reads ({SCHEMA_VERSION}); upgrade rekisteri"
        )
        raise InvalidDocumentError([msg])
    upgraded = dict(data)
    if "schema_version" in data:
        upgraded["schema_version"] = version
    while version < SCHEMA_VERSION:
        upgraded = UPGRADES[version](upgraded)
        version += 1
        upgraded["schema_version"] = version
    return upgraded


def _with_alias_references(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """*data* with references to a data category given by a Finnish alias resolved.

    ``data_categories = ["yhteystiedot"]`` gives the category its catalog key
    (``contact-details``); a purpose or a retention rule that names the alias
    the document used means that category (A13's O18). A reference that is
    also a key of the document is left alone; anything of the wrong shape is
    left for the validation to report.
    """
    from rekisteri.categories import ALIASES

    given = data.get("data_categories")
    if not isinstance(given, list):
        return data
    keys = {item.get("key") for item in given if isinstance(item, dict)} | {
        item for item in given if isinstance(item, str) and item not in ALIASES
    }
    aliases: dict[str, str] = {}
    for item in given:
        alias = item if isinstance(item, str) else None
        if isinstance(item, dict) and "key" not in item and isinstance(item.get("catalog"), str):
            alias = item["catalog"]
        if alias is not None and alias in ALIASES and alias not in keys:
            aliases[alias] = ALIASES[alias]
    if not aliases:
        return data
    resolved = dict(data)
    for part in ("purposes", "retention"):
        items = data.get(part)
        if not isinstance(items, list):
            continue
        new_items: list[object] = []
        for item in items:
            refs = item.get("data_categories") if isinstance(item, dict) else None
            if not isinstance(refs, list):
                new_items.append(item)
                continue
            named = [aliases.get(ref, ref) if isinstance(ref, str) else ref for ref in refs]
            new_items.append({**item, "data_categories": named})
        resolved[part] = new_items
    return resolved


def _type_name(type_: object) -> str:
    """Name a type for people: no module paths, ``None`` as "nothing"."""
    if get_origin(type_) in (typing.Union, UnionType):
        return " or ".join(_type_name(arg) for arg in get_args(type_))
    if get_origin(type_) is tuple:
        return "a list"
    if type_ is NoneType:
        return "nothing"
    if type_ is LocalizedText:
        return "a text (a string, or a table of fi, sv and en)"
    if isinstance(type_, type):
        names = {str: "a string", int: "a whole number", bool: "true or false", date: "a date"}
        return names.get(type_, type_.__name__)
    return "a value of another shape"


# ---------------------------------------------------------------- JSON Schema

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


def json_schema(cls: type[object] = Register) -> dict[str, Any]:
    """Return a JSON Schema 2020-12 for documents of *cls*, generated from the classes.

    Field docs become ``description`` s where the classes have them. The
    schema is as strict as :func:`loads`: unknown keys are not allowed.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> sorted(schema["$defs"]["Purpose"]["required"])
        ['key', 'name']
    """
    defs: dict[str, Any] = {}
    root = _schema_for(cls, defs)
    return {
        "$schema": _DIALECT,
        "$id": f"https://rekisteri.readthedocs.io/schema/{cls.__name__.lower()}.json",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema_for(tp: Any, defs: dict[str, Any], kind: str | None = None) -> dict[str, Any]:  # noqa: ANN401 - any type form
    """The schema of a value of type *tp*; *kind* is the field's ``metadata`` kind, if any."""
    origin = get_origin(tp)
    if origin is typing.Union or origin is UnionType:
        options = [arg for arg in get_args(tp) if arg is not NoneType]
        inner = (
            _schema_for(options[0], defs, kind)
            if len(options) == 1
            else {"anyOf": [_schema_for(arg, defs, kind) for arg in options]}
        )
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        item = get_args(tp)[0]
        # a list of strings is a list of keys, as the model checks it
        item_kind = kind or ("key" if item is str else None)
        return {"type": "array", "items": _schema_for(item, defs, item_kind)}
    if tp is str and kind is not None:
        return _string_kind_schema(kind, defs)
    if origin is Literal:
        if tp == typing.Literal[SCHEMA_VERSION]:  # older versions are upgraded when read
            return {"enum": list(range(1, SCHEMA_VERSION + 1))}
        (value,) = get_args(tp)
        return {"const": value}
    if tp in _SCALAR_SCHEMAS:
        return dict(_SCALAR_SCHEMAS[tp])
    if _is_str_enum(tp):
        return {"enum": [member.value for member in tp]}
    if attrs.has(tp):
        return _class_schema(tp, defs)
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)


#: The model's checks of plain values, as far as JSON Schema can say them: a
#: plain string is not blank (its printability is checked by the model only),
#: a whole number counts from 0 to MAX_COUNT, a date is in the calendar the
#: model takes (the ``format`` is an annotation; validators may check it).
_SCALAR_SCHEMAS: Final[dict[type, dict[str, Any]]] = {
    str: {"type": "string", "pattern": "\\S"},
    bool: {"type": "boolean"},
    int: {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
    # every form date.fromisoformat reads starts with the year; the calendar
    # runs from 0002-01-01 to 9998-12-31 (rekisteri.calendar)
    date: {"type": "string", "format": "date", "pattern": "^(?!000[01]|9999)"},
}

#: The whitespace the identifier parsers strip (``rekisteri.identifiers``), for patterns.
_SPACE: Final = "[ \\t\\n\\r\\f\\v\\u00a0\\u2007\\u202f\\ufeff]*"

#: What the model checks of single fields, as far as a pattern, a bound or
#: ``uniqueItems`` can say it (A13's O6). Keyed by class and field; a pattern
#: is a shape that every value the model takes has (the Y-tunnus check digit,
#: the association number's ranges and the printability of text are the
#: model's alone).
_FIELD_SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "business_id": {"pattern": f"^{_SPACE}[0-9]{{6,7}}-?[0-9]{_SPACE}$"},
    # digits with the separators python-stdnum drops (and the dashes it reads)
    "association_id": {"pattern": "^[^A-Za-z]*[0-9][^A-Za-z]*$"},
    "dpv": {
        "pattern": ('^(?:https?://[^\\s"<>{}|\\\\^`]+|(?:pd|dpv-pd|dpv):[A-Za-z][A-Za-z0-9_-]*)$')
    },
}

#: Fields of one class only that the model checks as a list of distinct values.
_UNIQUE_ITEMS: Final = frozenset({("Register", "rights"), ("Register", "none_stated")})

#: Rules over several fields of a class that JSON Schema can say.
_CLASS_SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    # a duration is not zero: one of its parts is 1 or more
    "Duration": {
        "anyOf": [
            {"required": [part], "properties": {part: {"minimum": 1}}}
            for part in ("years", "months", "days")
        ]
    },
    # a contact point has at least one channel
    "ContactPoint": {
        "anyOf": [
            {"required": [part], "properties": {part: {"not": {"type": "null"}}}}
            for part in ("email", "phone", "address", "url")
        ]
    },
    # a Finnish postal code is five digits; an address is Finnish unless it says otherwise
    "Address": {
        "if": {
            "anyOf": [
                {"not": {"required": ["country"]}},
                {"properties": {"country": {"const": "FI"}}},
            ]
        },
        "then": {
            "properties": {"postal_code": {"anyOf": [{"type": "null"}, {"pattern": "^[0-9]{5}$"}]}}
        },
    },
}


def _string_kind_schema(kind: str, defs: dict[str, Any]) -> dict[str, Any]:
    """A key (``metadata=KEY``) or a country code (``metadata=COUNTRY``), defined once."""
    if kind == "key":
        defs["Key"] = {
            "type": "string",
            "pattern": f"^{KEY_PATTERN}$",
            "description": "A key: lower-case letters a-z, digits, '_' and '-', not first.",
        }
        return {"$ref": "#/$defs/Key"}
    if kind == "country":
        defs["CountryCode"] = {
            "enum": sorted(countries()),
            "description": "An ISO 3166-1 alpha-2 country code (the countries Babel knows).",
        }
        return {"$ref": "#/$defs/CountryCode"}
    msg = f"no JSON Schema for a string of kind {kind!r}"
    raise TypeError(msg)


def _class_schema(tp: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = tp.__name__
    if name not in defs:
        defs[name] = {}  # a placeholder against recursion
        defs[name] = _object_schema(tp, defs)
    ref = {"$ref": f"#/$defs/{name}"}
    if tp is LocalizedText:
        # "pattern": a blank text is refused as a plain string too (A13's O5)
        return {"anyOf": [{"type": "string", "pattern": "\\S"}, ref]}
    if tp is Source:
        from rekisteri.sources import CATALOG

        return _catalog_schema(name, sorted(CATALOG), ref, defs)
    if tp is DataCategory:
        from rekisteri.categories import ALIASES
        from rekisteri.categories import CATALOG as CATEGORIES

        return _catalog_schema(name, sorted({*CATEGORIES, *ALIASES}), ref, defs)
    return ref


def _catalog_schema(
    name: str, keys: list[str], ref: dict[str, Any], defs: dict[str, Any]
) -> dict[str, Any]:
    """A catalog key, a table naming a catalog entry with fields that differ, or a full table."""
    table = f"{name}FromCatalog"
    if table not in defs:
        defs[table] = {
            "type": "object",
            "description": f"A catalog {name} (its key in `catalog`) with the fields that differ.",
            "properties": {"catalog": {"enum": keys}, **defs[name].get("properties", {})},
            "required": ["catalog"],
            "additionalProperties": False,
        }
    return {"anyOf": [{"enum": keys}, {"$ref": f"#/$defs/{table}"}, ref]}


def _object_schema(cls: type[object], defs: dict[str, Any]) -> dict[str, Any]:
    properties = {}
    required = []
    for field in attrs.fields(attrs.resolve_types(cls)):  # type: ignore[type-var,arg-type] # an attrs class
        name = field.alias or field.name
        value = _schema_for(field.type, defs, field.metadata.get("kind"))
        extra = dict(_FIELD_SCHEMAS.get(field.name, {}))
        if (cls.__name__, field.name) in _UNIQUE_ITEMS:
            extra["uniqueItems"] = True
        properties[name] = (
            {"allOf": [value, extra]} if extra.keys() & value.keys() else {**value, **extra}
        )
        if field.default is attrs.NOTHING:
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    schema.update(_CLASS_SCHEMAS.get(cls.__name__, {}))
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    if doc:
        schema["description"] = " ".join(doc.split())
    return schema
