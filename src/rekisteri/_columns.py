"""The vectorised identifier checks behind :mod:`rekisteri.arrow` (private).

Each function takes one Arrow ``string`` or ``large_string`` array, hands its
offset and data buffers to the numpy kernel (:mod:`rekisteri._kernel`) and
builds Arrow arrays of the answers. The answers are, value for value, the
ones of the scalar functions in :mod:`rekisteri.identifiers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rekisteri import _kernel
from rekisteri._kernel import (
    _ASCII_SPACE,
    _SHOWN,
    BLOCK,
    CODE,
    NULL,
    REASONS,
    HetuResult,
    YtunnusResult,
)
from rekisteri.identifiers import hetu as _hetu
from rekisteri.identifiers import ytunnus as _ytunnus
from rekisteri.identifiers._common import mask as _mask

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from numpy.typing import NDArray

#: Names of the kernel that users of this module take from here.
__all__ = ["BLOCK", "CODE", "NULL", "REASONS", "HetuResult", "YtunnusResult"]

# Arrays are built from numpy buffers here, never from Python values: pyarrow
# imports pandas (when it is installed) the first time it converts a Python
# value, which would cost check-ids a good part of its run time and memory.


def int_array(values: NDArray[Any]) -> pa.Array:
    """An int64 Arrow array of *values*, without nulls."""
    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def bool_array(values: NDArray[np.bool_], null: NDArray[np.bool_] | None = None) -> pa.Array:
    """A boolean Arrow array of *values*; null where *null* is true."""
    bits = pa.py_buffer(np.packbits(values, bitorder="little"))
    return pa.Array.from_buffers(pa.bool_(), len(values), [_validity(null), bits])


def _validity(null: NDArray[np.bool_] | None) -> pa.Buffer | None:
    if null is None or not null.any():
        return None
    return pa.py_buffer(np.packbits(~null, bitorder="little"))


def typed_array(
    kind: pa.DataType, values: NDArray[Any], null: NDArray[np.bool_] | None = None
) -> pa.Array:
    """A fixed-width Arrow array (int8, int32, date32...) of *values*; null where *null*."""
    data = np.ascontiguousarray(values)
    return pa.Array.from_buffers(kind, len(data), [_validity(null), pa.py_buffer(data)])


def string_array(values: list[str | None]) -> pa.Array:
    """A string Arrow array of *values* (``None`` is null)."""
    encoded = [b"" if value is None else value.encode() for value in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(item) for item in encoded], out=offsets[1:])
    null = np.array([value is None for value in values], dtype=np.bool_)
    return pa.Array.from_buffers(
        pa.large_string(),
        len(encoded),
        [_validity(null), pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))],
    ).cast(pa.string())


def bools(array: pa.Array) -> NDArray[np.bool_]:
    """The values of a boolean Arrow array as numpy (a null reads as whatever lies under it)."""
    bits = np.unpackbits(np.frombuffer(array.buffers()[1], dtype=np.uint8), bitorder="little")
    return np.asarray(bits[array.offset : array.offset + len(array)], dtype=np.bool_)


def numbers(array: pa.Array) -> NDArray[np.int64]:
    """The values of an int32 or int64 Arrow array as int64 (a null reads as what lies under it)."""
    kind = np.int64 if pa.types.is_int64(array.type) else np.int32
    width = np.dtype(kind).itemsize
    raw = np.frombuffer(
        array.buffers()[1], dtype=kind, count=len(array), offset=array.offset * width
    )
    return raw.astype(np.int64)


def buffers(array: pa.Array) -> _kernel.Buffers:
    """The numpy view of a ``string`` or ``large_string`` array (see ``_kernel.Buffers``)."""
    size = len(array)
    offset_type = np.int64 if pa.types.is_large_string(array.type) else np.int32
    _, offsets, data = array.buffers()
    width = np.dtype(offset_type).itemsize
    offset_values = np.frombuffer(
        offsets, dtype=offset_type, count=size + 1, offset=array.offset * width
    )
    raw = np.zeros(0, np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    null = bools(array.is_null()) if array.null_count else None
    view = _kernel.Buffers.contiguous(raw, offset_values, null)
    view.known_ascii = _ascii(array)  # one pass in C, faster than numpy's
    return view


def _values_of(array: pa.Array) -> Callable[[NDArray[np.int64]], list[str]]:
    """The Python strings of some rows of *array*."""

    def values(rows: NDArray[np.int64]) -> list[str]:
        found: list[str] = array.take(int_array(rows)).to_pylist()
        return found

    return values


def hetu(
    array: pa.Array,
    *,
    allow_temporary: bool,
    today: date | None,
    parts: bool = False,
    canonical: bool = False,
) -> HetuResult:
    """Check every henkilötunnus of *array* as ``hetu.explain`` would (see ``_kernel.hetu``)."""
    return _kernel.hetu(
        buffers(array),
        _values_of(array),
        allow_temporary=allow_temporary,
        today=today,
        parts=parts,
        canonical=canonical,
    )


def ytunnus(array: pa.Array, *, digits: bool = False) -> YtunnusResult:
    """Check every Y-tunnus of *array* as ``ytunnus.explain`` would (see ``_kernel.ytunnus``)."""
    return _kernel.ytunnus(buffers(array), _values_of(array), digits=digits)


def _ascii(array: pa.Array) -> NDArray[np.bool_]:
    """Whether each value is ASCII (nulls count as ASCII)."""
    flags = bools(pc.string_is_ascii(array))
    if array.null_count:
        flags |= bools(array.is_null())
    return flags


def strings_from_matrix(matrix: NDArray[np.uint8], valid: NDArray[np.bool_]) -> pa.Array:
    """A string array of the fixed-width rows of *matrix*; null where not *valid*."""
    size, width = matrix.shape
    offsets = np.arange(0, (size + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(
        pa.string(),
        size,
        [
            pa.py_buffer(np.packbits(valid, bitorder="little")),
            pa.py_buffer(offsets),
            pa.py_buffer(np.ascontiguousarray(matrix)),
        ],
        null_count=int(size - np.count_nonzero(valid)),
    )


def replace_slow(
    array: pa.Array,
    fast: pa.Array,
    slow_rows: NDArray[np.bool_],
    scalar: Callable[[str], object],
) -> pa.Array:
    """*fast*, with the rows in *slow_rows* replaced by *scalar* of their value."""
    if not slow_rows.any():
        return fast
    values = array.filter(bool_array(slow_rows)).to_pylist()
    answers = string_array([scalar(value) for value in values]).cast(fast.type)  # type: ignore[misc] # the scalar functions give strings
    return pc.replace_with_mask(fast, bool_array(slow_rows), answers)


def masked(array: pa.Array) -> pa.Array:
    """``identifiers.mask`` of every value: nulls stay null.

    Lengths count characters (code points), as ``len()`` does. A value whose
    shown part (at most its first seven characters) is ASCII is masked here;
    any other goes to ``mask()`` itself, which knows what is printable.
    """
    view = buffers(array)
    starts = view.starts
    chars = numbers(pc.utf8_length(array))
    chars[view.null] = 0
    shown = np.clip(chars - 4, 0, 7)
    shown[view.null] = 0
    slow = np.zeros(view.size, dtype=np.bool_)
    data = view.padded
    for j in range(7):
        slow |= (shown > j) & (data[starts + j] >= 128)
    long = (chars > 24) & ~view.null
    # the shown characters, stars for the rest, "…" (3 bytes) after 23 characters
    out_lengths = np.where(long, 26, chars)
    out_lengths[view.null | slow] = 0
    offsets = np.zeros(view.size + 1, dtype=np.int64)
    np.cumsum(out_lengths, out=offsets[1:])
    out = np.full(int(offsets[-1]), ord("*"), dtype=np.uint8)
    for j in range(7):
        rows = np.flatnonzero((shown > j) & ~slow)
        out[offsets[rows] + j] = _SHOWN[data[starts[rows] + j]]
    ellipsis = offsets[1:][long & ~slow]
    for j, byte in enumerate("…".encode()):
        out[ellipsis - 3 + j] = byte
    fast = pa.Array.from_buffers(
        pa.large_string(),
        view.size,
        [
            None
            if not view.null.any()
            else pa.py_buffer(np.packbits(~view.null, bitorder="little")),
            pa.py_buffer(offsets),
            pa.py_buffer(out),
        ],
    )
    return replace_slow(array, fast.cast(pa.string()), slow, _mask)


def trimmed_ascii(array: pa.Array) -> tuple[pa.Array, NDArray[np.bool_]]:
    """ASCII whitespace trimmed from both ends, and the (non-null) rows that are not ASCII."""
    return pc.utf8_trim(array.cast(pa.string()), characters=_ASCII_SPACE), ~_ascii(array)


def hetu_compact(array: pa.Array) -> pa.Array:
    """``hetu.compact`` of every value."""
    trimmed, slow = trimmed_ascii(array)
    return replace_slow(array, pc.ascii_upper(trimmed), slow, _hetu.compact)


def ytunnus_compact(array: pa.Array) -> pa.Array:
    """``ytunnus.compact`` of every value."""
    trimmed, slow = trimmed_ascii(array)
    size = pc.binary_length(trimmed)
    nine = pc.and_(pc.equal(size, 9), pc.equal(pc.utf8_slice_codeunits(trimmed, 7, 8), "-"))
    eight = pc.and_(pc.equal(size, 8), pc.equal(pc.utf8_slice_codeunits(trimmed, 6, 7), "-"))
    join = pc.binary_join_element_wise
    fast = pc.if_else(
        nine,
        join(pc.utf8_slice_codeunits(trimmed, 0, 7), pc.utf8_slice_codeunits(trimmed, 8, 9), ""),
        pc.if_else(
            eight,
            join(
                "0",
                pc.utf8_slice_codeunits(trimmed, 0, 6),
                pc.utf8_slice_codeunits(trimmed, 7, 8),
                "",
            ),
            trimmed,
        ),
    )
    return replace_slow(array, fast, slow, _ytunnus.compact)
