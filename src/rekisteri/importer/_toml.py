"""The draft register as a TOML file for people to edit, with the importer's remarks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, NoReturn

from rekisteri._spellings import mask_spellings
from rekisteri.importer._decode import ImportInputTypeError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tomlkit import TOMLDocument

    from rekisteri.model import Register

#: The order of the top-level keys: plain values first, then tables.
_ORDER = (
    "schema_version",
    "name",
    "description",
    "updated",
    "rights",
    "rights_exercise",
    "provision_requirement",
    "cookie_policy",
    "none_stated",
    "sources",
    "controller",
    "contact_person",
    "complaint_authority",
    "data_subjects",
    "data_categories",
    "purposes",
    "recipients",
    "processors",
    "transfers",
    "retention",
    "security",
    "automated_decisions",
    "cookies",
)
_LONG = 60
#: Characters a TOML comment cannot hold (tomlkit refuses them): escaped as \\xNN.
_NOT_IN_COMMENT: Final = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _safe(comment: str) -> str:
    """*comment* with each character a TOML comment cannot hold escaped as a hex code.

    An identity code in it, in any spelling, is masked (a remark may quote the notice).
    """
    return _NOT_IN_COMMENT.sub(_escaped, mask_spellings(comment))


def _check_arguments(draft: object, notes: object, header: object) -> None:
    """Raise :class:`ImportInputTypeError` for an argument of :func:`to_toml` of the wrong type.

    The message names the argument and the type given, never a value.
    """
    from collections.abc import Mapping as AnyMapping

    from rekisteri.model import Register

    if not isinstance(draft, Register):
        _wrong("draft", "a Register", draft)
    if notes is not None:
        if not isinstance(notes, AnyMapping):
            _wrong("notes", "a mapping of paths to remarks", notes)
        for path, remarks in notes.items():
            if not isinstance(path, str):
                _wrong("a key of notes", "a str (a path)", path)
            _strings("a value of notes", remarks)
    _strings("header", header)


def _strings(what: str, value: object) -> None:
    """Raise unless *value* is a sequence of ``str`` (a bare ``str`` is not one)."""
    from collections.abc import Sequence as AnySequence

    if not isinstance(value, AnySequence) or isinstance(value, (str, bytes, bytearray)):
        _wrong(what, "a sequence of str", value)
    for item in value:
        if not isinstance(item, str):
            _wrong(f"an entry of {what}", "a str", item)


def _wrong(what: str, expected: str, value: object) -> NoReturn:
    msg = f"to_toml: {what} must be {expected}, not {type(value).__name__}"
    raise ImportInputTypeError(msg)


def _escaped(match: re.Match[str]) -> str:
    """A character a comment cannot hold, escaped: an ESC as x1b, a lone surrogate as ud800."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def to_toml(
    draft: Register,
    *,
    notes: Mapping[str, Sequence[str]] | None = None,
    header: Sequence[str] = (),
) -> str:
    """Return *draft* as TOML, with *header* lines and *notes* as comments.

    *notes* maps paths (``"purposes[0]"``, ``"controller"``, ``"sources[2]"``)
    to remarks; each is written as a ``# importer unsure: ...`` comment at
    that place. The TOML reads back with
    :func:`rekisteri.serialize.load_register` to a register equal to *draft*.

    Raises:
        ImportInputTypeError: *draft* is not a :class:`~rekisteri.model.Register`,
            *notes* not a mapping of ``str`` paths to sequences of ``str``, or
            *header* not a sequence of ``str`` (the message names the type, never a value).

    Examples:
        >>> from rekisteri.model import Controller, Register
        >>> print(to_toml(Register(controller=Controller(name="Esimerkki Oy")), header=["Draft"]))
        ... # doctest: +ELLIPSIS
        # Draft
        schema_version = ...
        <BLANKLINE>
        [controller]
        name = "Esimerkki Oy"
        <BLANKLINE>
    """
    import tomlkit

    from rekisteri.serialize import unstructure
    from rekisteri.sources import CATALOG

    _check_arguments(draft, notes, header)
    notes = notes or {}
    data: dict[str, Any] = unstructure(draft)
    if draft.sources:
        data["sources"] = [
            source.key if CATALOG.get(source.key) == source else unstructure(source)
            for source in draft.sources
        ]
    document = tomlkit.document()
    for line in header:  # the caller's lines: identity codes masked as everywhere
        document.add(tomlkit.comment(_safe(mask_spellings(line))) if line else tomlkit.nl())
    for remark in notes.get("", ()):
        document.add(tomlkit.comment(_safe(f"importer unsure: {remark}")))
    keys = [key for key in _ORDER if key in data] + [key for key in data if key not in _ORDER]
    _orphans(document, notes, data)
    for key in keys:
        value = data[key]
        if key == "sources":
            paths = ["sources", *(f"sources[{i}]" for i in range(len(value)))]
            _comments(document, notes, paths, "sources")
            array = tomlkit.array()
            array.multiline(True)
            for item in value:
                array.append(item if isinstance(item, str) else _inline(item))
            document.add(key, array)
        elif _is_table(value):
            _comments(document, notes, [key, *(p for p in notes if p.startswith(f"{key}."))], None)
            document.add(tomlkit.nl())
            document.add(key, _table(value, tomlkit))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            document.add(tomlkit.nl())
            array_of_tables = tomlkit.aot()
            for index, item in enumerate(value):
                remarks = notes.get(f"{key}[{index}]", ())
                array_of_tables.append(_table(item, tomlkit, remarks))
            for remark in notes.get(key, ()):
                document.add(tomlkit.comment(_safe(f"importer unsure: {remark}")))
            document.add(key, array_of_tables)
        else:
            for remark in notes.get(key, ()):
                document.add(tomlkit.comment(_safe(f"importer unsure: {remark}")))
            document.add(key, _value(value, tomlkit))
    return tomlkit.dumps(document)


def _orphans(
    document: TOMLDocument, notes: Mapping[str, Sequence[str]], data: Mapping[str, Any]
) -> None:
    """Remarks on fields the draft leaves out, at the top with their paths.

    A contact person named without any channel, or a note on transfers when
    the notice denies them, has no place below: no remark is dropped.
    """
    import tomlkit

    for path, remarks in notes.items():
        if path and not _placed(path, data):
            for remark in remarks:
                document.add(tomlkit.comment(_safe(f"importer unsure: {path}: {remark}")))


_PATH: Final = re.compile(r"([^.\[]+)(?:\[(\d+)\])?(\..*)?")


def _placed(path: str, data: Mapping[str, Any]) -> bool:
    """Whether the writer below puts a remark on *path* at its field's place."""
    match = _PATH.fullmatch(path)
    if match is None or match.group(1) not in data:
        return False
    key, index, rest = match.groups()
    value = data[key]
    if _is_table(value):
        return index is None  # "controller", "controller.dpo"
    if key == "sources" or (isinstance(value, list) and value and isinstance(value[0], dict)):
        # a list of tables (or the sources): a remark on the list or on one of its entries
        return rest is None and (index is None or int(index) < len(value))
    return index is None and rest is None


def _comments(
    document: TOMLDocument, notes: Mapping[str, Sequence[str]], paths: list[str], label: str | None
) -> None:
    import tomlkit

    for path in paths:
        for remark in notes.get(path, ()):
            where = f"{path}: " if label else ""
            document.add(tomlkit.comment(_safe(f"importer unsure: {where}{remark}")))


def _value(value: object, tomlkit: Any) -> Any:  # noqa: ANN401 - tomlkit items
    if isinstance(value, dict) and set(value) == {"fi"}:
        value = value["fi"]  # a Finnish-only text is a plain string
    if isinstance(value, str):
        return tomlkit.string(value, multiline=len(value) > _LONG or "\n" in value)
    if isinstance(value, list):
        array = tomlkit.array()
        for item in value:
            # a table inside an array can only be an inline one
            array.append(_inline(item) if _is_table(item) else _value(item, tomlkit))
        return array
    if isinstance(value, dict):
        return _table(value, tomlkit)
    return value


def _table(data: dict[str, Any], tomlkit: Any, remarks: Sequence[str] = ()) -> Any:  # noqa: ANN401 - tomlkit items
    table = tomlkit.table()
    for remark in remarks:
        table.add(tomlkit.comment(_safe(f"importer unsure: {remark}")))
    plain = {k: v for k, v in data.items() if not _is_table(v) and not _are_tables(v)}
    nested = {k: v for k, v in data.items() if _is_table(v)}
    arrays = {k: v for k, v in data.items() if _are_tables(v)}
    for key, value in plain.items():
        table.add(key, _value(value, tomlkit))
    for key, value in nested.items():
        table.add(key, _table(value, tomlkit))
    for key, items in arrays.items():  # a processor's sub-processors: [[processors.sub_processors]]
        array_of_tables = tomlkit.aot()
        for item in items:
            array_of_tables.append(_table(item, tomlkit))
        table.add(key, array_of_tables)
    return table


def _are_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_table(item) for item in value)


def _is_table(value: object) -> bool:
    return isinstance(value, dict) and set(value) != {"fi"}


def _inline(data: dict[str, Any]) -> Any:  # noqa: ANN401 - tomlkit items
    import tomlkit

    table = tomlkit.inline_table()
    for key, value in data.items():
        if isinstance(value, dict) and set(value) == {"fi"}:
            table[key] = value["fi"]
        else:
            table[key] = value if not isinstance(value, dict) else _inline(value)
    return table
