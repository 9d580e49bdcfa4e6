"""The vectorised identifier checks, in numpy alone (private).

The kernel behind :mod:`rekisteri.arrow` (through :mod:`rekisteri._columns`)
and behind the numpy CSV reader of ``rekisteri check-ids``, which does not
load pyarrow. Values are given as :class:`Buffers`: one byte array and the
start and end of each value in it; the work is done in blocks of
:data:`BLOCK` rows so the temporaries stay in the CPU cache. The answers are,
value for value, the ones of the scalar functions in
:mod:`rekisteri.identifiers`:

* a value that is ASCII and has no whitespace at either end (nearly every
  value in real data) is checked here, with the same checks in the same order
  as ``hetu._diagnose`` and ``ytunnus._diagnose``;
* a non-ASCII value that starts and ends with an ASCII character other than
  whitespace cannot lose its non-ASCII characters to ``strip()``, so it is
  rejected here too (reason ``non_ascii``);
* every other value (whitespace or a non-ASCII character at an end) goes to
  the scalar function itself, one by one. They are rare.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from rekisteri.errors import Reason
from rekisteri.identifiers import hetu as _hetu
from rekisteri.identifiers import ytunnus as _ytunnus
from rekisteri.identifiers._common import WHITESPACE

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import NDArray

    #: The Python strings of the given rows (for the few values checked one by one).
    Values = Callable[[NDArray[np.int64]], list[str]]

#: Rows per block of numpy work.
BLOCK: Final = 65_536

#: Reason codes as small integers: 0 is valid, 255 is a null value.
REASONS: Final[tuple[Reason | None, ...]] = (None, *Reason)
CODE: Final[dict[Reason | None, int]] = {reason: i for i, reason in enumerate(REASONS)}
NULL: Final = 255
_LENGTH, _FORMAT, _NON_ASCII = CODE[Reason.LENGTH], CODE[Reason.FORMAT], CODE[Reason.NON_ASCII]
_SIGN, _DATE, _FUTURE = CODE[Reason.CENTURY_SIGN], CODE[Reason.DATE], CODE[Reason.FUTURE_DATE]
_INDIVIDUAL, _TEMPORARY = CODE[Reason.INDIVIDUAL_NUMBER], CODE[Reason.TEMPORARY]
_CHECKSUM, _NEVER, _VAT = CODE[Reason.CHECKSUM], CODE[Reason.NEVER_ISSUED], CODE[Reason.VAT_NUMBER]

_ASCII_SPACE: Final = "".join(c for c in WHITESPACE if c.isascii())
#: The UTF-8 bytes of the other characters that strip() removes (two or three bytes each).
_WIDE_SPACES: Final = tuple(c.encode() for c in WHITESPACE if not c.isascii())


def _table(pairs: dict[int, int], default: int, dtype: type[np.generic]) -> NDArray[Any]:
    table = np.full(256, default, dtype=dtype)
    for key, value in pairs.items():
        table[key] = value
    return table


#: Byte -> 1 for the ASCII whitespace that strip() removes.
_SPACE: Final = _table(dict.fromkeys(_ASCII_SPACE.encode(), 1), 0, np.bool_)
#: Byte -> whether it may begin or end such whitespace (ASCII space or not ASCII).
_MAYBE_SPACE: Final = _SPACE | (np.arange(256) >= 128)
#: Byte -> its upper case (ASCII letters only).
_UPPER: Final = np.array([b - 32 if 97 <= b <= 122 else b for b in range(256)], dtype=np.uint8)
#: Byte -> the century of a henkilötunnus sign (upper case), 0 for others.
_CENTURY: Final = _table({ord(s): c for s, c in _hetu.CENTURY_SIGNS.items()}, 0, np.int32)
#: Byte -> the index of a check character, 255 for others.
_CHECK_INDEX: Final = _table(
    {ord(c): i for i, c in enumerate("0123456789ABCDEFHJKLMNPRSTUVWXY")}, 255, np.int32
)
#: DDMM -> whether day DD exists in month MM of some year (29 February included).
_DAY_MONTH: Final = np.zeros(10_000, dtype=np.bool_)
for _month, _length in enumerate((31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1):
    _DAY_MONTH[[day * 100 + _month for day in range(1, _length + 1)]] = True
#: Year -> whether it is a leap year (years 0-2199; the signs reach 1800-2099).
_LEAP: Final = np.array(
    [y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) for y in range(2200)], dtype=np.bool_
)
#: Byte -> 1 where a Y-tunnus may not have it at all (not a digit or "-").
_NOT_YTUNNUS: Final = _table(dict.fromkeys(b"0123456789-", 0), 1, np.uint8)
_FOREIGN_TO_YTUNNUS: Final = _NOT_YTUNNUS.astype(np.bool_)
#: Byte -> itself where printable ASCII, else "?" (what mask() shows).
_SHOWN: Final = np.array([b if 32 <= b < 127 else ord("?") for b in range(256)], dtype=np.uint8)
_YTUNNUS_WEIGHTS: Final = np.array([7, 9, 10, 5, 8, 4, 2], dtype=np.int32)
#: Bytes read before the first and after the last value, so every window stays in range.
PAD: Final = 16


class Buffers:
    """The bytes of a column of strings and where each value lies in them.

    ``padded`` holds the bytes with at least :data:`PAD` zero bytes before the
    first and after the last value, so a window of up to 16 bytes around any
    value can be read without a bounds check; value ``i`` is
    ``padded[starts[i]:ends[i]]``. Values need not be contiguous (the CSV
    reader points into the lines of the file). ``null`` marks null values.
    """

    def __init__(
        self,
        padded: NDArray[np.uint8],
        starts: NDArray[np.int64],
        ends: NDArray[np.int64],
        null: NDArray[np.bool_] | None = None,
    ) -> None:
        self.padded = padded
        self.starts = starts
        self.ends = ends
        self.size = len(starts)
        self.null: NDArray[np.bool_] = np.zeros(self.size, dtype=np.bool_) if null is None else null
        #: Whether each value is ASCII, when the caller knows it already (Arrow does).
        self.known_ascii: NDArray[np.bool_] | None = None

    @classmethod
    def contiguous(
        cls, data: NDArray[np.uint8], offsets: NDArray[Any], null: NDArray[np.bool_] | None = None
    ) -> Buffers:
        """Values one after the other in *data*, as Arrow lays them out.

        Value ``i`` is ``data[offsets[i]:offsets[i + 1]]``.
        """
        size = len(offsets) - 1
        low, high = (int(offsets[0]), int(offsets[-1])) if size > 0 else (0, 0)
        padded = np.zeros(high - low + 2 * PAD, dtype=np.uint8)
        padded[PAD : PAD + high - low] = data[low:high]
        shifted = offsets.astype(np.int64) + (PAD - low)  # now positions in ``padded``
        return cls(padded, shifted[:-1], shifted[1:], null)

    def window(self, width: int) -> NDArray[np.uint8]:
        """Every run of *width* bytes of ``padded``: row ``i`` starts at byte ``i``."""
        return np.lib.stride_tricks.sliding_window_view(self.padded, width)

    def lengths(self) -> NDArray[np.int64]:
        """The length of each value in bytes."""
        return self.ends - self.starts

    def ascii(self, *, unless_length: int = -1) -> NDArray[np.bool_]:
        """Whether each value is ASCII (nulls count as ASCII).

        Only the bytes of the values are read: values of up to 16 bytes
        column by column, one length at a time (a column has few lengths),
        longer ones by a reduction over their spans. Values of
        *unless_length* bytes are not looked at (true): the caller reads them.
        """
        if self.known_ascii is not None:
            return self.known_ascii
        flags = np.ones(self.size, dtype=np.bool_)
        lengths = self.lengths()
        short = np.minimum(lengths, PAD + 1)
        for length in np.flatnonzero(np.bincount(short)).tolist():
            if length in {0, unless_length}:
                continue
            rows = np.flatnonzero(short == length)
            if length <= PAD:
                at = self.starts[rows]
                seen = self.padded[at].copy()
                for j in range(1, length):  # column by column: faster than a 2-D reduction
                    seen |= self.padded[at + j]
                flags[rows] = seen < 128
            else:
                spans = np.empty(2 * rows.size, dtype=np.int64)
                spans[0::2], spans[1::2] = self.starts[rows], self.ends[rows]
                flags[rows] = np.maximum.reduceat(self.padded, spans)[0::2] < 128
        flags |= self.null
        return flags

    def any_byte(self, table: NDArray[np.bool_], rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Whether a byte of each value of *rows* is marked in *table* (256 flags).

        Only the bytes of those values are read: values of up to 16 bytes
        column by column, one length at a time, longer ones gathered.
        """
        starts, ends = self.starts[rows], self.ends[rows]
        lengths = ends - starts
        found = np.zeros(rows.size, dtype=np.bool_)
        short = np.minimum(lengths, PAD + 1)
        for length in np.flatnonzero(np.bincount(short, minlength=1)).tolist():
            if length == 0:
                continue
            these = np.flatnonzero(short == length)
            if length <= PAD:
                at = starts[these]
                seen = table[self.padded[at]]
                for j in range(1, length):
                    seen |= table[self.padded[at + j]]
                found[these] = seen
            else:
                size = lengths[these]
                first = np.cumsum(size) - size  # where each value begins among the gathered bytes
                where = np.arange(int(size.sum())) + np.repeat(starts[these] - first, size)
                found[these] = np.logical_or.reduceat(table[self.padded[where]], first)
        return found

    def strings(self, rows: NDArray[np.int64]) -> list[str]:
        """The values of *rows* as Python strings (UTF-8 bytes; not for null rows)."""
        if len(rows) == 0:
            return []
        starts, ends = self.starts[rows], self.ends[rows]
        low, high = int(starts.min()), int(ends.max())
        data = self.padded[low:high].tobytes()  # slices of bytes cost less than of arrays
        return [
            data[start:end].decode()
            for start, end in zip((starts - low).tolist(), (ends - low).tolist(), strict=True)
        ]


def _irregular_ends(
    buffers: Buffers, starts: NDArray[np.int64], ends: NDArray[np.int64]
) -> NDArray[np.bool_]:
    """Whether each value starts or ends with a character that strip() removes.

    Bytes of a neighbouring value may be read too; they can only make a value
    look irregular, which sends it to the exact scalar path.
    """
    data = buffers.padded
    irregular = (_MAYBE_SPACE[data[starts]] | _MAYBE_SPACE[data[ends - 1]]) & (ends > starts)
    rows = np.flatnonzero(irregular)
    if rows.size == 0:
        return irregular
    window = buffers.window(3)
    first, last = window[starts[rows]], window[ends[rows] - 3]
    found = _SPACE[first[:, 0]] | _SPACE[last[:, 2]]
    for spelling in _WIDE_SPACES:
        size = len(spelling)
        head = np.ones(rows.size, dtype=np.bool_)
        tail = np.ones(rows.size, dtype=np.bool_)
        for i, byte in enumerate(spelling):
            head &= first[:, i] == byte
            tail &= last[:, 3 - size + i] == byte
        found |= head | tail
    irregular[rows] = found
    return irregular


def today_number(today: date | None) -> int:
    """``YYYYMMDD`` of *today* (the local date when ``None``)."""
    _hetu._years_of(today)  # noqa: SLF001 - ArgumentTypeError for a today that is not a date, as in hetu
    day = date.today() if today is None else today  # noqa: DTZ011 - a local date, as in hetu
    if isinstance(day, datetime):
        day = day.date()
    return day.year * 10_000 + day.month * 100 + day.day


def _first_codes(
    buffers: Buffers, ascii_flags: NDArray[np.bool_], span: tuple[int, int], size: int
) -> tuple[NDArray[np.uint8], NDArray[np.int64], NDArray[np.int64]]:
    """The code of each value that is decided by its ends, ASCII-ness and length alone.

    0 where the value has *size* bytes and needs the full check, NULL where it
    has an irregular end (the scalar path decides), else the reason. Also the
    starts and lengths of the values of the span.
    """
    low, high = span
    starts = buffers.starts[low:high]
    ends = buffers.ends[low:high]
    lengths = ends - starts
    code = np.where(lengths == size, 0, _LENGTH).astype(np.uint8)
    code[~ascii_flags[low:high]] = _NON_ASCII
    code[_irregular_ends(buffers, starts, ends)] = NULL
    return code, starts, lengths


class HetuResult:
    """Per value: the reason code; for valid values the canonical bytes and parts if asked."""

    def __init__(self, size: int, *, parts: bool, canonical: bool) -> None:
        self.code = np.zeros(size, dtype=np.uint8)
        self.canonical = np.zeros((size if canonical else 0, 11), dtype=np.uint8)
        rows = size if parts else 0
        self.year = np.full(rows, 1970, dtype=np.int32)
        self.month = np.ones(rows, dtype=np.int32)
        self.day = np.ones(rows, dtype=np.int32)
        self.individual = np.zeros(rows, dtype=np.int32)
        self.parts = parts
        self.want_canonical = canonical


def hetu(
    buffers: Buffers,
    values: Values,
    *,
    allow_temporary: bool,
    today: date | None,
    parts: bool = False,
    canonical: bool = False,
) -> HetuResult:
    """Check every henkilötunnus of *buffers* as ``hetu.explain`` would.

    *values* gives the Python strings of the few values checked one by one.

    With *parts*, also the birth date and individual number of valid values;
    with *canonical*, their canonical bytes.
    """
    result = HetuResult(buffers.size, parts=parts, canonical=canonical)
    ascii_flags = buffers.ascii(unless_length=11)  # the block reads those itself
    today_int = today_number(today)
    for low in range(0, buffers.size, BLOCK):
        high = min(low + BLOCK, buffers.size)
        _hetu_block(
            buffers,
            ascii_flags,
            result,
            (low, high),
            allow_temporary=allow_temporary,
            today_int=today_int,
        )
    result.code[buffers.null] = NULL
    slow = np.flatnonzero(result.code == NULL)
    slow = slow[~buffers.null[slow]]
    if slow.size:
        for position, value in zip(slow.tolist(), values(slow), strict=True):
            _hetu_one(result, position, value, allow_temporary=allow_temporary, today=today)
    return result


def _hetu_one(
    result: HetuResult, position: int, value: str, *, allow_temporary: bool, today: date | None
) -> None:
    reason = _hetu.explain(value, allow_temporary=allow_temporary, today=today)
    result.code[position] = CODE[reason]
    if reason is None:
        parsed = _hetu.parse(value, allow_temporary=allow_temporary, today=today)
        if result.want_canonical:
            result.canonical[position] = np.frombuffer(parsed.reveal().encode(), dtype=np.uint8)
        if result.parts:
            birth = parsed.birth_date
            result.year[position], result.month[position] = birth.year, birth.month
            result.day[position] = birth.day
            result.individual[position] = parsed.individual_number


def _hetu_block(
    buffers: Buffers,
    ascii_flags: NDArray[np.bool_],
    result: HetuResult,
    span: tuple[int, int],
    *,
    allow_temporary: bool,
    today_int: int,
) -> None:
    """Check the values ``span[0]:span[1]``; leave those with an irregular end to the caller."""
    code, starts, _ = _first_codes(buffers, ascii_flags, span, 11)
    rows = np.flatnonzero(code == 0)
    at = starts[rows]
    data = buffers.padded
    # Column by column: numpy is fastest on long one-dimensional arrays.
    raw = [data[at + j] for j in range(11)]
    high = raw[0].copy()
    for column in raw[1:]:
        high |= column
    wide = high >= 128  # a non-ASCII byte (the caller left these rows to the block)
    digit = {j: raw[j] - np.uint8(48) for j in (0, 1, 2, 3, 4, 5, 7, 8, 9)}
    birth_digits = np.ones(rows.size, dtype=np.bool_)
    for j in range(6):
        birth_digits &= digit[j] <= 9
    all_digits = birth_digits & (digit[7] <= 9) & (digit[8] <= 9) & (digit[9] <= 9)
    century = _CENTURY[_UPPER[raw[6]]]
    check = _CHECK_INDEX[_UPPER[raw[10]]]
    shape = all_digits & (century > 0) & (check != 255)
    d = {j: column.astype(np.int32) for j, column in digit.items()}
    day_month = np.minimum(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], 9999)
    yy = d[4] * 10 + d[5]
    individual = d[7] * 100 + d[8] * 10 + d[9]
    year = np.minimum(century + yy, 2199)
    exists = _DAY_MONTH[day_month] & ((day_month != 2902) | _LEAP[year])
    future = year * 10_000 + day_month % 100 * 100 + day_month // 100 > today_int
    number = (day_month * 100_000 + yy * 1000 + individual) % 31
    ok = shape & exists & ~future & (individual >= 2) & (number == check) & ~wide
    if not allow_temporary:
        ok &= individual < 900
    bad = np.flatnonzero(~ok)
    if bad.size:
        code[rows[bad]] = np.select(
            [
                wide[bad],
                ~shape[bad] & birth_digits[bad] & (century[bad] == 0),
                ~shape[bad],
                ~exists[bad],
                future[bad],
                individual[bad] < 2,
                (individual[bad] >= 900) & (not allow_temporary),
            ],
            [_NON_ASCII, _SIGN, _FORMAT, _DATE, _FUTURE, _INDIVIDUAL, _TEMPORARY],
            default=_CHECKSUM,
        ).astype(np.uint8)
    low = span[0]
    result.code[low : span[1]] = code
    good = rows[ok] + low
    if result.want_canonical:
        m = buffers.window(11)[at[ok]]
        m[:, 6], m[:, 10] = _UPPER[m[:, 6]], _UPPER[m[:, 10]]
        result.canonical[good] = m
    if result.parts:
        result.year[good], result.day[good] = year[ok], day_month[ok] // 100
        result.month[good], result.individual[good] = day_month[ok] % 100, individual[ok]


class YtunnusResult:
    """Per value: the reason code, and for valid values the eight digits if asked."""

    def __init__(self, size: int, *, digits: bool) -> None:
        self.code = np.zeros(size, dtype=np.uint8)
        self.digits = np.zeros((size if digits else 0, 8), dtype=np.uint8)
        self.want_digits = digits


def ytunnus(buffers: Buffers, values: Values, *, digits: bool = False) -> YtunnusResult:
    """Check every Y-tunnus of *buffers* as ``ytunnus.explain`` would (with *digits*: and those).

    *values* gives the Python strings of the few values checked one by one.
    """
    result = YtunnusResult(buffers.size, digits=digits)
    ascii_flags = buffers.ascii()
    for low in range(0, buffers.size, BLOCK):
        high = min(low + BLOCK, buffers.size)
        _ytunnus_block(buffers, ascii_flags, result, (low, high))
    result.code[buffers.null] = NULL
    _ytunnus_other_lengths(buffers, result.code)
    slow = np.flatnonzero(result.code == NULL)
    slow = slow[~buffers.null[slow]]
    if slow.size:
        for position, value in zip(slow.tolist(), values(slow), strict=True):
            reason = _ytunnus.explain(value)
            result.code[position] = CODE[reason]
            if reason is None and result.want_digits:
                compact = _ytunnus.compact(value)
                result.digits[position] = np.frombuffer(compact.encode(), dtype=np.uint8)
    return result


def _ytunnus_other_lengths(buffers: Buffers, code: NDArray[np.uint8]) -> None:
    """Decide the ASCII values that are not 8 or 9 bytes long: VAT number, format or length.

    They are marked ``_LENGTH`` by the blocks; ytunnus._diagnose checks the
    ``FI`` prefix and the characters before the length.
    """
    rows = np.flatnonzero(code == _LENGTH)
    if rows.size == 0:
        return
    data = buffers.padded
    starts, ends = buffers.starts[rows], buffers.ends[rows]
    long_enough = ends - starts >= 2
    vat = (
        long_enough
        & ((data[starts] | 32) == ord("f"))
        & ((data[np.minimum(starts + 1, len(data) - 1)] | 32) == ord("i"))
    )
    foreign = buffers.any_byte(_FOREIGN_TO_YTUNNUS, rows)  # a byte other than a digit or "-"
    code[rows] = np.where(vat, _VAT, np.where(foreign, _FORMAT, _LENGTH))


def _ytunnus_matrix(
    m: NDArray[np.uint8], size: NDArray[np.int64]
) -> tuple[NDArray[np.bool_], NDArray[np.uint8], NDArray[np.int16], NDArray[np.bool_]]:
    """Check rows of 9 bytes (*size* of them used) in any accepted spelling.

    Returns whether each is valid, its eight digits, the remainder of the
    weighted sum and whether the shape is right (all digits, hyphen in place).
    """
    nine = (size == 9) & (m[:, 7] == ord("-"))
    digits = np.empty((m.shape[0], 8), dtype=np.uint8)
    digits[:, :7] = m[:, :7]
    digits[:, 7] = m[:, 8]
    other = np.flatnonzero(~nine)  # eight characters, or nine without the hyphen in place
    digits[other] = m[other, :8]
    padded = other[(size[other] == 8) & (m[other, 6] == ord("-"))]
    digits[padded, 1:] = m[padded][:, [0, 1, 2, 3, 4, 5, 7]]
    digits[padded, 0] = ord("0")
    values = digits - np.uint8(48)
    shape = ~(values > 9).any(axis=1) & ((size == 8) | nine)
    v = np.where(shape[:, None], values, 0).astype(np.int16)
    remainder = (v[:, :7] @ _YTUNNUS_WEIGHTS.astype(np.int16)) % 11
    expected = np.where(remainder == 0, 0, 11 - remainder)
    ok = shape & (remainder != 1) & (expected == v[:, 7])
    return ok, digits, remainder.astype(np.int16), shape


def _ytunnus_block(
    buffers: Buffers, ascii_flags: NDArray[np.bool_], result: YtunnusResult, span: tuple[int, int]
) -> None:
    """Check the values ``span[0]:span[1]``; leave those with an irregular end to the caller.

    The common spelling ``NNNNNNN-C`` is checked column by column (numpy is
    fastest on long one-dimensional arrays); the others, and the invalid
    values, as rows of bytes.
    """
    code, starts, lengths = _first_codes(buffers, ascii_flags, span, 9)
    code[(code == _LENGTH) & (lengths == 8)] = 0
    rows = np.flatnonzero(code == 0)
    at, size = starts[rows], lengths[rows]
    data = buffers.padded
    ok = (size == 9) & (data[at + 7] == ord("-"))
    weighted = np.zeros(rows.size, dtype=np.uint16)
    for position, weight in zip((0, 1, 2, 3, 4, 5, 6), _YTUNNUS_WEIGHTS.tolist(), strict=True):
        digit = data[at + position] - np.uint8(48)
        ok &= digit <= 9
        weighted += digit.astype(np.uint16) * np.uint16(weight)
    check = data[at + 8] - np.uint8(48)
    remainder = weighted % np.uint16(11)
    ok &= (check <= 9) & (remainder != 1)
    ok &= np.where(remainder == 0, 0, 11 - remainder.astype(np.int16)) == check
    bad = np.flatnonzero(~ok)
    low = span[0]
    if bad.size:
        m = buffers.window(9)[at[bad]]
        size_bad = size[bad]
        fine, digits, rest, shape = _ytunnus_matrix(m, size_bad)
        ok[bad] = fine
        if result.want_digits:
            result.digits[rows[bad[fine]] + low] = digits[fine]
        # The order of ytunnus._diagnose: VAT prefix, a foreign byte, then the shape.
        first_two = m[:, :2] | 32
        vat = (first_two[:, 0] == ord("f")) & (first_two[:, 1] == ord("i"))
        foreign = (_NOT_YTUNNUS[m] * (np.arange(9) < size_bad[:, None])).any(axis=1)
        code[rows[bad]] = np.select(
            [fine, vat, foreign | ~shape, rest == 1], [0, _VAT, _FORMAT, _NEVER], default=_CHECKSUM
        ).astype(np.uint8)
    result.code[low : span[1]] = code
    if result.want_digits:
        nine_ok = np.flatnonzero(ok)
        nine_ok = nine_ok[(size[nine_ok] == 9) & (data[at[nine_ok] + 7] == ord("-"))]
        where = rows[nine_ok] + low
        for column, position in enumerate((0, 1, 2, 3, 4, 5, 6, 8)):
            result.digits[where, column] = data[at[nine_ok] + position]
