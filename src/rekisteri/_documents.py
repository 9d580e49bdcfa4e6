"""Reading register documents with bounded work: the loading half of :mod:`rekisteri.serialize`.

Everything here is re-exported by :mod:`rekisteri.serialize`, which is where
to import it from. A document from anywhere may be hostile, so reading one
costs time and memory in proportion to its size, whatever it holds:

* a document larger than ``MAX_DOCUMENT_BYTES`` is refused before it is
  parsed (:class:`DocumentTooLargeError`; the limit is a parameter);
* a list of 200,000 bad items is checked item by item without an exception
  kept or a message built per item: the first problems are described with
  their paths, the rest only counted;
* at most ``MAX_PROBLEMS`` problems are listed, then one line
  ``… and N more problem(s)`` (:func:`problem_count` gives the total);
* duplicate keys in a JSON object are an error, as they are in TOML, and the
  message names no key that could be data (a henkilötunnus).
"""

from __future__ import annotations

import contextvars
import json
import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote

from rekisteri.errors import (
    InvalidDocumentError,
    InvalidRegisterError,
    ModelTypeError,
    RekisteriError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from cattrs.preconf.orjson import OrjsonConverter

    from rekisteri.model import Register

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "DocumentTooLargeError",
    "load_register",
    "loads",
    "problem_count",
    "read_register",
]

T = TypeVar("T")

#: The largest register document read by default: 16 MiB. A real register is
#: a few kilobytes to a few hundred; the limit keeps a hostile file from
#: taking the memory of the machine. Every reading function takes
#: ``max_bytes`` to raise it (or ``None`` for no limit).
MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024

#: How many problems an :class:`~rekisteri.errors.InvalidDocumentError` lists;
#: the rest are counted in its last line, ``… and N more problem(s)``.
MAX_PROBLEMS: Final = 100

_MORE: Final = re.compile(r"… and (at least )?([0-9]+) more (?:problem|invalid item)")
#: Said of the bad items of a list of objects that were counted, not described:
#: each has one problem or more, so a count that includes them is a lower bound.
_AT_LEAST: Final = "each with one problem or more"


#: The most values (array items, object members, lines: counted as the commas,
#: brackets, braces and line feeds of the text) that a register document read
#: with a ``max_bytes`` limit may hold. Each costs memory once parsed (an
#: array nested in an array about 100 bytes); repeated items are counted, not
#: described one by one (490,000 repeated rights: 77 MB peak for ``rekisteri
#: validate``). A real register holds a few thousand.
MAX_VALUES: Final = 500_000


class DocumentTooLargeError(InvalidDocumentError):
    """A document is larger than the limits it was read with (``max_bytes``).

    Either more bytes than *max_bytes*, or more values than
    ``MAX_VALUES`` (array items, object members and lines). Nothing of it
    has been parsed. ``max_bytes=None`` lifts both limits, to read a larger
    document on purpose.

    Attributes:
        limit: The limit that was passed: bytes, or values if *values*.
        values: Whether the limit of values was passed (else of bytes).
    """

    summary = "document too large"

    def __init__(self, limit: int, *, values: bool = False) -> None:
        self.limit = limit
        self.values = values
        if values:
            problem = (
                f"more than {limit} values (array items, object members, lines);"
                " a register document holds far fewer"
            )
        else:
            mib = limit / (1024 * 1024)
            shown = f"{mib:g} MiB" if mib >= 1 else f"{limit} bytes"
            problem = f"larger than the limit of {shown}; a register document is smaller"
        super().__init__([problem])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_too_large, (self.limit, self.values))


def _rebuild_too_large(limit: int, values: bool) -> DocumentTooLargeError:  # noqa: FBT001 - pickle
    return DocumentTooLargeError(limit, values=values)


#: A JSON string, its escapes included (unrolled: linear on long strings).
_STRING_IN_JSON: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_STRING_IN_JSON_BYTES: Final = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def _values(data: bytes | str) -> int:
    """An upper bound of the values of *data*: commas, brackets, braces and lines."""
    if isinstance(data, str):
        return data.count(",") + data.count("[") + data.count("{") + data.count("\n")
    return data.count(b",") + data.count(b"[") + data.count(b"{") + data.count(b"\n")


def _check_size(data: bytes | str, max_bytes: int | None, *, json: bool = False) -> None:
    """Refuse *data* if it passes *max_bytes* or (with a limit) ``MAX_VALUES``.

    The values are counted fast, as commas, brackets, braces and lines; a JSON
    document over the limit is counted again without the contents of its
    strings, which hold no values (A13's O21: a description of 600,000 commas
    was refused). TOML (comments, several kinds of strings) keeps the fast count.
    """
    limit = _limit(max_bytes)
    if limit is None:
        return
    if len(data) > limit:
        raise DocumentTooLargeError(limit)
    values = _values(data)
    if values > MAX_VALUES and json:
        if isinstance(data, str):
            values = _values(_STRING_IN_JSON.sub('""', data))
        else:
            values = _values(_STRING_IN_JSON_BYTES.sub(b'""', data))
    if values > MAX_VALUES:
        raise DocumentTooLargeError(MAX_VALUES, values=True)


def problem_count(problems: Sequence[str]) -> tuple[int, bool]:
    """How many problems *problems* stands for, and whether that count is exact.

    The summing-up lines (``… and N more problem(s)``) count. Bad items of a
    list of objects that were counted but not described may each hold
    several problems: then the count is a lower bound (``False``).

    Examples:
        >>> problem_count(["rights[0]: expected one of …", "… and 7 more problem(s)"])
        (8, True)
        >>> problem_count(["rights: … and 3 more invalid item(s)", "name: required field missing"])
        (4, True)
        >>> problem_count(["purposes[0].key: required", "… and at least 9 more problem(s)"])
        (10, False)
    """
    total = 0
    exact = True
    for problem in problems:
        more = _MORE.search(problem)
        total += int(more.group(2)) if more else 1
        exact = exact and not (more and more.group(1)) and _AT_LEAST not in problem
    return total, exact


def _capped(problems: Iterable[str]) -> list[str]:
    """The first ``MAX_PROBLEMS`` of *problems*, then one line counting the rest."""
    shown: list[str] = []
    hidden = 0
    exact = True
    for problem in problems:
        if len(shown) < MAX_PROBLEMS:
            shown.append(problem)
            continue
        count, exact_here = problem_count([problem])
        hidden += count
        exact = exact and exact_here
    if hidden:
        shown.append(f"… and {'' if exact else 'at least '}{hidden} more problem(s)")
    return shown


# ---------------------------------------------------------------- reading bytes


def _limit(max_bytes: int | None) -> int | None:
    if max_bytes is None:
        return None
    if type(max_bytes) is not int or max_bytes < 0:
        from rekisteri.errors import InvalidValueError

        msg = "max_bytes: expected a whole number of bytes, 0 or more, or None"
        raise InvalidValueError(msg)
    return max_bytes


def read_limited(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """Read *stream* to its end, refusing more than *max_bytes* without reading them all.

    Raises:
        DocumentTooLargeError: The stream holds more than *max_bytes*.
        OSError: The stream cannot be read.
    """
    limit = _limit(max_bytes)
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocumentTooLargeError(limit)
    return data


def _read_file(path: Path, max_bytes: int | None) -> bytes:
    limit = _limit(max_bytes)
    with path.open("rb") as handle:
        if limit is not None:
            import os
            import stat

            status = os.fstat(handle.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > limit:
                raise DocumentTooLargeError(limit)  # refused without reading it
        return read_limited(handle, limit)


# ---------------------------------------------------------------- JSON


#: orjson refuses arrays and objects nested deeper than this (1024 in every
#: version from the floor on); a document past it gets its own message.
_JSON_DEPTH_LIMIT: Final = 1000
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")
_BOM: Final = b"\xef\xbb\xbf"
_FIELD_NAME: Final = re.compile(r"[a-z_][a-z0-9_]{0,39}")


def _nesting(data: bytes | str) -> int:
    """The deepest nesting of arrays and objects in *data* (strings skipped; malformed is fine)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub(b"", raw)):
        depth += 1 if bracket in {b"[", b"{"} else -1
        deepest = max(deepest, depth)
    return deepest


#: ``\u003a``, a colon written as an escape: then the fast check cannot count colons.
_ESCAPED_COLON: Final = re.compile(rb"\\u003[aA]")


def _duplicate_keys(raw: bytes | str, parsed: object) -> str | None:
    """A problem if an object in the valid JSON *raw* has a key twice (orjson keeps the last).

    Fast check first, in C: in valid JSON every colon is either inside a string
    or follows exactly one key. Writing the parsed document out again gives
    the same colons, less those of every pair that a later duplicate
    replaced (at least its own). So the same number of colons means no
    duplicate, unless colons were written as escapes (backslash u003a). Only
    otherwise is the document parsed once more to find the repeated keys.
    """
    import orjson

    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    try:
        again = orjson.dumps(parsed)
    except orjson.JSONEncodeError:  # nested deeper than orjson writes (254): the exact path
        again = b""
    if data.count(b":") == again.count(b":") and again and not _ESCAPED_COLON.search(data):
        return None
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        return {}  # the values are not needed

    try:
        json.loads(data, object_pairs_hook=pairs)
    except RecursionError:
        return "not valid JSON: nested too deeply"
    if not repeated:
        return None
    named = sorted({key for key in repeated if _FIELD_NAME.fullmatch(key)})[:10]
    which = f" ({', '.join(named)})" if named else ""
    return (
        f"not valid JSON here: {len(repeated)} key(s) given twice in the same object{which};"
        " each key may be given once"
    )


def loads(data: bytes | str, cls: type[T], *, max_bytes: int | None = MAX_DOCUMENT_BYTES) -> T:
    """Build a *cls* from a JSON document.

    Args:
        data: The JSON document (a ``str`` counts its characters against
            *max_bytes*).
        cls: The class to build, e.g. :class:`~rekisteri.model.Register`.
        max_bytes: Refuse a larger document, or one of more than
            ``MAX_VALUES`` values; ``None`` for no limit.

    Raises:
        DocumentTooLargeError: *data* is larger than *max_bytes*.
        InvalidDocumentError: The JSON is malformed, has a key twice in an
            object, or lists every problem with its path (at most
            ``MAX_PROBLEMS``, then a count).
    """
    from rekisteri.serialize import structure

    if not isinstance(data, bytes | str):
        raise InvalidDocumentError([f"expected JSON as bytes or str, not {type(data).__name__}"])
    _check_size(data, max_bytes, json=True)
    return structure(_parse_json(data), cls)


def _parse_json(data: bytes | str) -> dict[str, Any]:
    import orjson

    # A byte order mark (editors on Windows write one) is not part of the JSON.
    data = data.removeprefix(_BOM) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        message = f"not valid JSON (line {exc.lineno}, column {exc.colno})"
        if _nesting(data) > _JSON_DEPTH_LIMIT:  # told apart by shape, not by orjson's wording
            message = "not valid JSON: nested too deeply"
    else:
        message = _duplicate_keys(data, parsed) or ""
    if message:  # raised here: exc.doc, in __context__, would hold the whole document
        raise InvalidDocumentError([message])
    if not isinstance(parsed, dict):
        raise InvalidDocumentError(["expected a JSON object at the top level"])
    return parsed


# ---------------------------------------------------------------- TOML and files


def read_register(
    data: bytes,
    *,
    format: Literal["toml", "json"],  # noqa: A002 - the word a caller knows
    max_bytes: int | None = MAX_DOCUMENT_BYTES,
) -> Register:
    """Read a register from the bytes of a TOML or JSON document (UTF-8, BOM or not).

    For a document that is not in a file (standard input, a database column).

    Raises:
        DocumentTooLargeError: *data* is larger than *max_bytes*.
        InvalidDocumentError: Not valid TOML/JSON, or it does not fit the model.
    """
    from rekisteri.model import Register

    if not isinstance(data, bytes):
        raise InvalidDocumentError([f"expected bytes, not {type(data).__name__}"])
    _check_size(data, max_bytes, json=format == "json")
    if format == "json":
        return loads(data, Register, max_bytes=None)
    if format == "toml":
        return _toml_register(data)
    raise InvalidDocumentError(["format: expected toml or json"])


def _toml_register(raw: bytes) -> Register:
    from rekisteri.model import Register
    from rekisteri.serialize import structure

    # utf-8-sig: editors on Windows may start a UTF-8 file with a byte order mark.
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        problem = f"not valid TOML: {_toml_reason(exc)}"
    except RecursionError:  # tomllib recurses once per nested array or table
        problem = "not valid TOML: nested too deeply"
    except UnicodeDecodeError:
        problem = "a TOML file must be UTF-8"
    else:
        return structure(data, Register)
    # Raised here, not in the except blocks, so that no __context__ keeps
    # tomllib's message (it may quote a key) or the bytes of the file.
    raise InvalidDocumentError([problem])


def load_register(path: str | Path, *, max_bytes: int | None = MAX_DOCUMENT_BYTES) -> Register:
    """Read a register from a TOML (``.toml``) or JSON (``.json``) file.

    The file is UTF-8, with or without a byte order mark.

    Args:
        path: The file.
        max_bytes: Refuse a larger file without reading it
            (``MAX_DOCUMENT_BYTES``, 16 MiB, by default); ``None`` for no
            limit.

    Raises:
        DocumentTooLargeError: The file is larger than *max_bytes*.
        InvalidDocumentError: The file is not valid TOML/JSON or does not fit
            the model (every problem is listed, up to ``MAX_PROBLEMS``).
        OSError: The file cannot be read.
        ModelTypeError: *path* is not a path (a ``str`` or an ``os.PathLike``).
    """
    given: object = path  # callers without type checking pass anything (A13's O7)
    if not isinstance(given, str | os.PathLike):
        msg = f"load_register() takes a path (str or os.PathLike), not {type(given).__name__}"
        raise ModelTypeError(msg)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".toml", ".json"}:
        raise InvalidDocumentError([f"expected a .toml or .json file, not {suffix or 'no suffix'}"])
    return read_register(_read_file(path, max_bytes), format=suffix[1:], max_bytes=max_bytes)  # type: ignore[arg-type] # toml or json


#: A key as tomllib quotes it in a message, e.g. ``('a', 'b')`` or ``'ab'``.
_TOML_KEY: Final = re.compile(r"\(['\"].*?['\"],?\)|'[^']{2,}'|\"[^\"]{2,}\"")


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    # tomllib names the key in "Cannot declare ('a',) twice" and the like; a
    # key may be personal data (a hetu), so it is left out.
    return _TOML_KEY.sub("…", str(exc))


# ---------------------------------------------------------------- problems, bounded

#: How many bad items (all lists of one document together) are structured
#: again in detail to describe them; the rest are only counted.
_DETAILED_ITEMS: Final = MAX_PROBLEMS + 1
_budget: contextvars.ContextVar[list[int]] = contextvars.ContextVar("_budget")


class _MoreItems(ValueError):
    """Stands for the bad items of a list that are counted, not described."""

    def __init__(self, count: int, *, exact: bool) -> None:
        each = "" if exact else f", {_AT_LEAST}"
        super().__init__(f"… and {count} more invalid item(s){each}")


def _is_homogeneous_tuple(tp: object) -> bool:
    from typing import get_args, get_origin

    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _plainly_valid(inner: object) -> Callable[[object], bool] | None:
    """A check without exceptions that an item of a list of *inner* may be valid, if one is cheap.

    Only for the scalar kinds whose converter hooks refuse exactly what this
    refuses (a string enum's unknown value, a value of the wrong type), so that
    a list of a million bad scalars costs no exception per item.
    """
    from rekisteri.serialize import _enum_table, _is_str_enum

    if _is_str_enum(inner):
        table = _enum_table(inner)
        return lambda item: type(item) is str and item in table
    if inner in {str, int, bool}:
        return lambda item: type(item) is inner
    return None


def _bounded_tuple(
    converter: OrjsonConverter, tp: object
) -> Callable[[object, object], tuple[object, ...]]:
    """A list checked with the fast converter; only the first bad items are described."""
    from typing import get_args

    from rekisteri.serialize import _DocumentValueError, _fast

    inner = get_args(tp)[0]
    quick = _fast().get_structure_hook(inner)
    detailed = converter.get_structure_hook(inner)
    plainly_valid = _plainly_valid(inner) or (lambda _item: True)
    errors_checked = _structure_errors()

    def describe(item: object, index: int) -> Exception | None:
        try:
            detailed(item, inner)
        except Exception as exc:  # noqa: BLE001 - cattrs' own wrapping, as it does
            note = IterableValidationNote(f"Structuring item @ index {index}", index, inner)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]
            return exc
        return None  # the fast path refuses what the detailed one accepts: not expected

    def structure(value: object, _tp: object) -> tuple[object, ...]:
        if type(value) is not list:
            msg = "expected a list"
            raise _DocumentValueError(msg)
        budget = _budget.get([_DETAILED_ITEMS])
        items: list[object] = []
        errors: list[Exception] = []
        uncounted = 0
        for index, item in enumerate(value):
            if plainly_valid(item):
                try:
                    items.append(quick(item, inner))
                    continue
                except errors_checked:
                    pass  # the exception is dropped at once: nothing kept per item
            if budget[0] <= 0:
                uncounted += 1
                continue
            budget[0] -= 1
            error = describe(item, index)
            if error is None:
                uncounted += 1
            else:
                errors.append(error)
        if uncounted:
            errors.append(_MoreItems(uncounted, exact=not attrs.has(inner)))
        if errors:
            raise IterableValidationError("While structuring a list", errors, tp)  # type: ignore[arg-type] # a tuple type
        return tuple(items)

    return structure


def _structure_errors() -> tuple[type[BaseException], ...]:
    from rekisteri.serialize import _STRUCTURE_ERRORS

    return (*_STRUCTURE_ERRORS, RekisteriError)


_converter: list[OrjsonConverter] = []


def _bounded_converter() -> OrjsonConverter:
    """The detailed converter, with lists checked by :func:`_bounded_tuple`."""
    if not _converter:
        from functools import partial

        from rekisteri.serialize import make_converter

        converter = make_converter(detailed_validation=True)
        # Registered last, so it comes before the converter's own list hooks.
        converter.register_structure_hook_factory(
            _is_homogeneous_tuple, partial(_bounded_tuple, converter)
        )
        _converter.append(converter)
    return _converter[0]


def diagnose(data: Mapping[str, Any], cls: type[object]) -> list[str]:
    """Every problem of *data* as a *cls*, with paths (at most ``MAX_PROBLEMS``).

    For a document that the fast converter has refused. Time and memory grow
    with the size of *data*, not with the number of its problems.
    """
    token = _budget.set([_DETAILED_ITEMS])
    try:
        _bounded_converter().structure(data, cls)
    except RekisteriError as exc:
        return _capped(getattr(exc, "problems", None) or (str(exc),))
    except _structure_errors() as exc:
        return _capped(_problems(exc))
    finally:
        _budget.reset(token)
    return ["the document was refused, but no problem was found in it"]  # pragma: no cover


def _problems(exc: BaseException) -> list[str]:
    lines = cattrs.transform_error(exc, "$", format_exception=_describe)
    problems: list[str] = []
    for line in lines:
        message, _, path = line.rpartition(" @ ")
        where = path.removeprefix("$").removeprefix(".")
        # an InvalidRegisterError lists several problems, one a line
        problems.extend(f"{where}: {part}" if where else part for part in message.split("\n"))
    return problems


def _describe(exc: BaseException, type_: type | None) -> str:
    """Describe *exc* without quoting the value that caused it."""
    from rekisteri.serialize import _DocumentValueError, _enum_table, _is_str_enum, _type_name

    if isinstance(exc, InvalidRegisterError):
        return "\n".join(_capped(exc.problems))
    if isinstance(exc, RekisteriError | _DocumentValueError | _MoreItems):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        # Name a misspelt field, but not a key that may be data (a hetu).
        extra: Iterable[object] = exc.extra_fields  # keys need not be strings (A13's O7)
        fields = sorted(key for key in extra if isinstance(key, str) and _FIELD_NAME.fullmatch(key))
        named = fields[:10]
        if more := len(fields) - len(named):
            named.append(f"{more} more")
        if hidden := len(exc.extra_fields) - len(fields):
            named.append(f"{hidden} not shown (not field names)")
        return f"unknown field(s): {', '.join(named)}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if _is_str_enum(type_):
        return f"expected one of {', '.join(_enum_table(type_))}"
    name = _type_name(type_) if type_ is not None else "value"
    return f"invalid value, expected {name}"
