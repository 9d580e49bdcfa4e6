"""Identifier columns as Apache Arrow arrays: the vectorised core.

Each function takes a column of identifiers (a ``pyarrow`` string array, a
chunked array, or a list of strings) and returns one Arrow array of answers,
with the same length and chunks. A null stays null. Every answer is exactly
what the scalar function of :mod:`rekisteri.identifiers` says for that value
(a property test compares them on arbitrary strings):

* :func:`hetu_is_valid` (bool): ``hetu.is_valid(v)`` for each value ``v``;
* :func:`hetu_reason` (string): ``hetu.explain(v)``, null when valid;
* :func:`hetu_canonical` (string): ``hetu.validate(v)``, null when invalid;
* :func:`hetu_compact` (string): ``hetu.compact(v)``;
* :func:`hetu_masked` (string): ``hetu.mask(v)``;
* :func:`hetu_birth_date` (date32): ``hetu.parse(v).birth_date``, null when invalid;
* :func:`hetu_is_temporary` (bool): ``hetu.parse(v, allow_temporary=True).is_temporary``,
  null when invalid;
* :func:`ytunnus_is_valid` (bool): ``ytunnus.is_valid(v)``;
* :func:`ytunnus_reason` (string): ``ytunnus.explain(v)``, null when valid;
* :func:`ytunnus_canonical` (string): ``ytunnus.validate(v)``, null when invalid;
* :func:`ytunnus_compact` (string): ``ytunnus.compact(v)``;
* :func:`ytunnus_masked` (string): ``identifiers.mask(v)``.

The henkilötunnus functions take the scalar functions' ``allow_temporary``
and ``today`` keywords. The work is done by numpy over the Arrow buffers, in
blocks; values with whitespace or a non-ASCII character at an end (rare) are
handed to the scalar functions one by one. Needs the ``arrow`` extra
(``pip install 'rekisteri-fi[arrow]'``: pyarrow and numpy).

Examples:
    >>> import pyarrow as pa
    >>> from rekisteri import arrow
    >>> ids = pa.array(["131052-308T", "131052-308U", None, " 010594y9032"])
    >>> arrow.hetu_is_valid(ids, allow_temporary=True).to_pylist()
    [True, False, None, True]
    >>> arrow.hetu_reason(ids).to_pylist()
    [None, 'checksum', None, 'temporary']
    >>> arrow.hetu_masked(ids).to_pylist()
    ['131052-****', '131052-****', None, ' 010594*****']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias

from rekisteri.errors import IdentifierTypeError, MissingDependencyError

try:
    import numpy as np
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - exercised without the extra only
    raise MissingDependencyError(
        "rekisteri.arrow needs pyarrow and numpy: pip install 'rekisteri-fi[arrow]'"
    ) from exc

from rekisteri import _columns
from rekisteri.identifiers import hetu

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date

__all__ = [
    "hetu_birth_date",
    "hetu_canonical",
    "hetu_compact",
    "hetu_is_temporary",
    "hetu_is_valid",
    "hetu_masked",
    "hetu_reason",
    "ytunnus_canonical",
    "ytunnus_compact",
    "ytunnus_is_valid",
    "ytunnus_masked",
    "ytunnus_reason",
]

#: What the functions take: an Arrow array or chunked array of strings, or
#: anything ``pyarrow.array`` turns into one (a list of ``str`` and ``None``).
Column: TypeAlias = "pa.Array | pa.ChunkedArray | Sequence[str | None]"

_REASON_DICTIONARY: Final = _columns.string_array(
    [reason.value if reason is not None else "" for reason in _columns.REASONS]
)


def _string_array(array: pa.Array, kind: str) -> pa.Array:
    """*array* as a ``string`` or ``large_string`` array, or a typed error."""
    kind_of = array.type
    if pa.types.is_dictionary(kind_of):
        array = array.dictionary_decode()
        kind_of = array.type
    if pa.types.is_string(kind_of) or pa.types.is_large_string(kind_of):
        return array
    if pa.types.is_string_view(kind_of):
        return array.cast(pa.large_string())
    if pa.types.is_null(kind_of):
        return array.cast(pa.string())
    # The type names the fields of a struct, which may be anything (an identity code too).
    shown = hetu.redact(str(kind_of))
    raise IdentifierTypeError(kind=kind, type_name=shown, expected="a column of strings")


def _map(
    values: Column, kind: str, out_type: pa.DataType, func: Callable[[pa.Array], pa.Array]
) -> pa.Array | pa.ChunkedArray:
    """Apply *func* to each chunk of *values* (a string column), keeping the chunks."""
    if isinstance(values, pa.ChunkedArray):
        chunks = [func(_string_array(chunk, kind)) for chunk in values.chunks]
        return pa.chunked_array(chunks, type=out_type)
    if isinstance(values, str | bytes):  # one value, not a column of its characters
        raise IdentifierTypeError(
            kind=kind, type_name=type(values).__name__, expected="a column of strings"
        )
    if not isinstance(values, pa.Array):
        try:
            values = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, UnicodeError):
            raise IdentifierTypeError(
                kind=kind, type_name=type(values).__name__, expected="a column of strings"
            ) from None
    return func(_string_array(values, kind))


def _reasons(code: np.ndarray) -> pa.Array:
    """Reason codes as text; null where valid (0) or null (255)."""
    indices = _columns.typed_array(
        pa.int8(), code.astype(np.int8), (code == 0) | (code == _columns.NULL)
    )
    return pa.DictionaryArray.from_arrays(indices, _REASON_DICTIONARY).dictionary_decode()


def _booleans(flags: np.ndarray, null: np.ndarray) -> pa.Array:
    return _columns.bool_array(flags, null)


# --- henkilötunnus ----------------------------------------------------------------


def hetu_is_valid(
    values: Column, *, allow_temporary: bool = False, today: date | None = None
) -> pa.Array | pa.ChunkedArray:
    """Whether each value is a valid henkilötunnus (``hetu.is_valid``); null stays null.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_is_valid(pa.array(["131052-308T", "131052-308t", "", None])).to_pylist()
        [True, True, False, None]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.hetu(array, allow_temporary=allow_temporary, today=today)
        return _booleans(result.code == 0, result.code == _columns.NULL)

    return _map(values, "hetu", pa.bool_(), one)


def hetu_reason(
    values: Column, *, allow_temporary: bool = False, today: date | None = None
) -> pa.Array | pa.ChunkedArray:
    """Why each value is not valid: the code of ``hetu.explain``, null when valid.

    The codes are the values of :class:`~rekisteri.errors.Reason`.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_reason(pa.array(["131052-308T", "131052Z308T", "1310"])).to_pylist()
        [None, 'century_sign', 'length']
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.hetu(array, allow_temporary=allow_temporary, today=today)
        return _reasons(result.code)

    return _map(values, "hetu", pa.string(), one)


def hetu_canonical(
    values: Column, *, allow_temporary: bool = False, today: date | None = None
) -> pa.Array | pa.ChunkedArray:
    """The canonical form of each valid value (``hetu.validate``); null when invalid.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_canonical(pa.array([" 131052-308t", "131052-308U"])).to_pylist()
        ['131052-308T', None]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.hetu(array, allow_temporary=allow_temporary, today=today, canonical=True)
        return _columns.strings_from_matrix(result.canonical, result.code == 0)

    return _map(values, "hetu", pa.string(), one)


def hetu_birth_date(
    values: Column, *, allow_temporary: bool = False, today: date | None = None
) -> pa.Array | pa.ChunkedArray:
    """The birth date of each valid value (``hetu.parse(v).birth_date``); null when invalid.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_birth_date(pa.array(["131052-308T", "010594Y9032"])).to_pylist()
        [datetime.date(1952, 10, 13), None]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.hetu(array, allow_temporary=allow_temporary, today=today, parts=True)
        invalid = result.code != 0
        years = (result.year - 1970).astype("datetime64[Y]")
        months = years.astype("datetime64[M]") + (result.month - 1).astype("timedelta64[M]")
        days = months.astype("datetime64[D]") + (result.day - 1).astype("timedelta64[D]")
        return _columns.typed_array(pa.date32(), days.astype(np.int64).astype(np.int32), invalid)

    return _map(values, "hetu", pa.date32(), one)


def hetu_is_temporary(values: Column, *, today: date | None = None) -> pa.Array | pa.ChunkedArray:
    """Whether each value is a temporary number (900–999); null when not valid.

    Temporary numbers are accepted here (``hetu.parse(v, allow_temporary=True)
    .is_temporary``), or every answer would be ``False``.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_is_temporary(pa.array(["131052-308T", "010594Y9032", "x"])).to_pylist()
        [False, True, None]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.hetu(array, allow_temporary=True, today=today, parts=True)
        return _booleans(result.individual >= 900, result.code != 0)

    return _map(values, "hetu", pa.bool_(), one)


def hetu_compact(values: Column) -> pa.Array | pa.ChunkedArray:
    """Each value without surrounding whitespace, in upper case (``hetu.compact``).

    Nothing is checked, as in the scalar function.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_compact(pa.array([" 131052a308t", None])).to_pylist()
        ['131052A308T', None]
    """
    return _map(values, "hetu", pa.string(), _columns.hetu_compact)


def hetu_masked(values: Column) -> pa.Array | pa.ChunkedArray:
    """A form of each value that is safe to show (``hetu.mask``); null stays null.

    Examples:
        >>> import pyarrow as pa
        >>> hetu_masked(pa.array(["131052-308T", "abc"])).to_pylist()
        ['131052-****', '***']
    """
    return _map(values, "hetu", pa.string(), _columns.masked)


# --- Y-tunnus ---------------------------------------------------------------------


def ytunnus_is_valid(values: Column) -> pa.Array | pa.ChunkedArray:
    """Whether each value is a valid Y-tunnus (``ytunnus.is_valid``); null stays null.

    Examples:
        >>> import pyarrow as pa
        >>> ytunnus_is_valid(pa.array(["2077474-0", "20774740", "2077474-1"])).to_pylist()
        [True, True, False]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.ytunnus(array)
        return _booleans(result.code == 0, result.code == _columns.NULL)

    return _map(values, "ytunnus", pa.bool_(), one)


def ytunnus_reason(values: Column) -> pa.Array | pa.ChunkedArray:
    """Why each value is not valid: the code of ``ytunnus.explain``, null when valid.

    Examples:
        >>> import pyarrow as pa
        >>> ytunnus_reason(pa.array(["2077474-0", "FI20774740"])).to_pylist()
        [None, 'vat_number']
    """
    return _map(values, "ytunnus", pa.string(), lambda a: _reasons(_columns.ytunnus(a).code))


def ytunnus_canonical(values: Column) -> pa.Array | pa.ChunkedArray:
    """The canonical form ``NNNNNNN-C`` of each valid value; null when invalid.

    Examples:
        >>> import pyarrow as pa
        >>> ytunnus_canonical(pa.array(["357502-9", "20774740", "x"])).to_pylist()
        ['0357502-9', '2077474-0', None]
    """

    def one(array: pa.Array) -> pa.Array:
        result = _columns.ytunnus(array, digits=True)
        digits = result.digits
        hyphen = np.full((digits.shape[0], 1), ord("-"), dtype=np.uint8)
        matrix = np.concatenate((digits[:, :7], hyphen, digits[:, 7:]), axis=1)
        return _columns.strings_from_matrix(matrix, result.code == 0)

    return _map(values, "ytunnus", pa.string(), one)


def ytunnus_compact(values: Column) -> pa.Array | pa.ChunkedArray:
    """The digits of each value without hyphen or whitespace (``ytunnus.compact``).

    Examples:
        >>> import pyarrow as pa
        >>> ytunnus_compact(pa.array([" 2077474-0", "357502-9"])).to_pylist()
        ['20774740', '03575029']
    """
    return _map(values, "ytunnus", pa.string(), _columns.ytunnus_compact)


def ytunnus_masked(values: Column) -> pa.Array | pa.ChunkedArray:
    """A form of each value that is safe to show (``identifiers.mask``).

    Examples:
        >>> import pyarrow as pa
        >>> ytunnus_masked(pa.array(["2077474-0"])).to_pylist()
        ['20774****']
    """
    return _map(values, "ytunnus", pa.string(), _columns.masked)
