r"""The numpy reader of ``rekisteri check-ids``: plain CSV files without pyarrow (private).

A CSV file that has no quote character needs no CSV parser: every line is a
row and every delimiter ends a field, for Python's ``csv`` module as much as
for anyone. This module splits such a file in numpy, 1 MiB at a time, picks
the one column, checks it with the numpy kernel (:mod:`rekisteri._kernel`)
and writes the lines of the text report with numpy too: no Python object per
row, and no pyarrow (whose shared libraries alone take 80 MiB of memory).

It reads a file only where it is sure to give the rows of the ``csv`` module
(:func:`can_read`): UTF-8, no quote character anywhere, a delimiter that is
printable ASCII other than the quote, and no field near the ``csv`` module's
field size limit. The rules of the ``csv`` module it follows: a line ends at
``\n``, ``\r\n`` or a lone ``\r``; an empty line is a row without fields
(an empty value for the check); a last line without a line end is a row.

The Arrow reader (:mod:`rekisteri.cli._ids_arrow`) shares the scan and the
report of this module.
"""

from __future__ import annotations

import codecs
from typing import IO, TYPE_CHECKING, Final

import numpy as np

from rekisteri import _kernel
from rekisteri._kernel import PAD, REASONS, Buffers
from rekisteri.cli._common import fail
from rekisteri.identifiers._common import mask

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from numpy.typing import NDArray

    from rekisteri.errors import Reason

#: Bytes read at a time (the reader's memory is a few times this).
CHUNK_BYTES: Final = 1 << 20
#: Bytes read at a time by the scan (a multiple of ``_FIELD_BLOCK``).
_SCAN_BYTES: Final = 1 << 20
#: The scan makes sure that every run of this many bytes holds a delimiter or a
#: line end, so no field reaches twice this length: below the csv module's limit.
_FIELD_BLOCK: Final = 1 << 16

#: A finding: row number, reason, the value as read (masked by the caller).
Finding = tuple[int, "Reason", str]

_NL, _CR = 10, 13
#: Byte -> whether a value starting with it may be all whitespace for ``str.strip()``
#: (which strips more than the identifiers do: also \x1c-\x1f and Unicode spaces).
_MAY_STRIP: Final = np.array([chr(b).isspace() or b >= 128 for b in range(256)], dtype=np.bool_)


def can_read(binary: IO[bytes], encoding: str, delimiter: str) -> bool:
    """Whether this reader gives exactly the rows of the csv module (see :func:`refusal`)."""
    return refusal(binary, encoding, delimiter) is None


def refusal(binary: IO[bytes], encoding: str, delimiter: str) -> str | None:
    """Why this reader may not give the rows of the csv module for the file, or None.

    It reads UTF-8 (with or without a byte-order mark) with a printable ASCII
    delimiter other than ``"``, in a file without any quote character, whose
    every 64 KiB holds a delimiter or a line end (so no field comes near the
    csv module's field size limit; such a file is left to the csv module,
    which refuses a field over it). Invalid UTF-8 also sends a file to the
    csv module, whose error message names the row. The file is scanned once,
    1 MiB at a time; the position is restored afterwards.
    """
    if codecs.lookup(encoding).name not in {"utf-8", "utf-8-sig"}:
        return f"the encoding is {encoding}, not UTF-8"
    if not (delimiter.isascii() and delimiter.isprintable() and delimiter != '"'):
        return "the delimiter is not a printable ASCII character other than the quote"
    separators = (delimiter.encode(), b"\n", b"\r")
    decoder = codecs.getincrementaldecoder("utf-8")()
    start = binary.tell()
    try:
        while chunk := binary.read(_SCAN_BYTES):
            if b'"' in chunk:
                return "it has a quote character"
            if not _short_fields(chunk, separators):
                return "it has 64 KiB without a delimiter or a line end (a long field)"
            decoder.decode(chunk)  # measured: as fast as a check in numpy
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "it has bytes that are not valid UTF-8"
    finally:
        binary.seek(start)
    return None


def _short_fields(chunk: bytes, separators: tuple[bytes, ...]) -> bool:
    """Whether every full 64 KiB block of *chunk* holds a separator.

    Chunks are read at multiples of the block size, so the blocks line up
    over the whole file; a field can then span at most two blocks.
    """
    for low in range(0, len(chunk) - _FIELD_BLOCK + 1, _FIELD_BLOCK):
        block = chunk[low : low + _FIELD_BLOCK]
        if not any(separator in block for separator in separators):
            return False
    return True


class Findings:
    """The invalid values of one batch: row numbers, reason codes and where the values lie."""

    def __init__(self, rows: NDArray[np.int64], codes: NDArray[np.uint8], values: Buffers) -> None:
        self.rows = rows
        self.codes = codes
        self.values = values

    def __len__(self) -> int:
        return len(self.rows)

    def as_list(self) -> list[Finding]:
        """One (row number, reason, value) per finding, for the JSON and CSV reports."""
        reasons = REASONS
        everything = np.arange(len(self.rows))
        return [
            (row, reasons[code], value)
            for row, code, value in zip(
                self.rows.tolist(),
                self.codes.tolist(),
                self.values.strings(everything),
                strict=True,
            )
        ]

    def text(
        self, *, skip_empty: bool, words: dict[Reason, str], empty_words: str
    ) -> tuple[str, int, int]:
        """:meth:`encoded_text` as a string."""
        data, count, empty = self.encoded_text(
            skip_empty=skip_empty, words=words, empty_words=empty_words
        )
        return data.decode(), count, empty

    def encoded_text(
        self, *, skip_empty: bool, words: dict[Reason, str], empty_words: str
    ) -> tuple[bytes, int, int]:
        """The lines of the text report (UTF-8), the number of findings in them and of empty ones.

        The same lines as the Python reader writes (``row N: words: masked``,
        or ``row N: empty value``), built with numpy: no Python object per
        finding, except for the rare value with a non-ASCII character in its
        shown part, which ``mask()`` itself masks.
        """
        keep = np.ones(len(self.rows), dtype=np.bool_)
        empty = 0
        lengths = self.values.lengths()
        if skip_empty and len(self.rows):
            keep = lengths > 0
            # str.strip() decides what is empty, exactly as in the Python reader.
            maybe = np.flatnonzero(keep & _MAY_STRIP[self.values.padded[self.values.starts]])
            if maybe.size:
                blank = [not value.strip() for value in self.values.strings(maybe)]
                keep[maybe[np.array(blank, dtype=np.bool_)]] = False
            empty = int(len(keep) - np.count_nonzero(keep))
        kept = np.flatnonzero(keep)
        if kept.size == 0:
            return b"", 0, empty
        return _lines(self, kept, words, empty_words), int(kept.size), empty


#: Byte -> what mask() shows for it: "?" for an ASCII control character, else itself
#: (bytes of a UTF-8 character stay: the character was found printable).
_SHOWN_TEXT: Final = np.array(
    [ord("?") if b < 32 or b == 127 else b for b in range(256)], dtype=np.uint8
)


#: 10**1 ... 10**18: a row number below 10**k has at most k digits.
_POWERS: Final = 10 ** np.arange(1, 19, dtype=np.int64)


def _decimal(numbers: NDArray[np.int64]) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """The decimal digits of non-negative *numbers*, right-aligned in a matrix, and their count."""
    count = np.searchsorted(_POWERS, numbers, side="right") + 1
    width = int(count.max()) if len(numbers) else 1
    matrix = np.empty((len(numbers), width), dtype=np.uint8)
    rest = numbers.copy()
    for column in range(width - 1, -1, -1):
        matrix[:, column] = rest % 10 + 48
        rest //= 10
    return matrix, count.astype(np.int64)


def _lines(
    findings: Findings, kept: NDArray[np.int64], words: dict[Reason, str], empty_words: str
) -> bytes:
    """``row N: words: masked`` (or ``row N: <empty_words>``) for the findings in *kept*.

    Each line is a row of a byte matrix whose columns hold, in order, every
    piece a line may have ("row ", the digits, the words, the shown bytes,
    the stars, "…", the text of mask() itself, the line end), together with
    a matrix of which bytes a line uses; selecting the used bytes in row
    order gives the lines one after the other.
    """
    values = findings.values
    size = kept.size
    starts, ends = values.starts[kept], values.ends[kept]
    chars = ends - starts  # in characters too where the value is ASCII
    which = np.where(chars == 0, len(REASONS), findings.codes[kept].astype(np.int64))
    # mask(): the first min(7, chars - 4) characters shown, stars for the rest;
    # after 24 characters the value is cut: 23 of them, then "…".
    ascii_values = Buffers(values.padded, starts, ends).ascii()
    shown_bytes = np.where(ascii_values, np.clip(chars - 4, 0, 7), 0)
    python = np.zeros(size, dtype=np.bool_)
    if not ascii_values.all():
        wide = np.flatnonzero(~ascii_values)
        wide_chars, wide_shown, python[wide] = _wide_mask(values.padded, starts[wide], ends[wide])
        chars[wide], shown_bytes[wide] = wide_chars, wide_shown
    shown = np.clip(chars - 4, 0, 7)
    long = (chars > 24) & ~python
    stars = np.where(python, 0, np.where(long, 23 - shown, chars - shown))
    shown_bytes[python] = 0
    digits, digit_count = _decimal(findings.rows[kept])
    table, table_lengths = _words_table(words, empty_words)
    word_lengths = table_lengths[which]
    other = _python_masks(values, kept, python)
    # each piece only as wide as its longest use in this batch
    shown_width, star_width = int(shown_bytes.max()), int(stars.max())
    data, last = values.padded, len(values.padded) - 1  # a short value may end the data
    pieces = [
        (np.broadcast_to(_ROW, (size, 4)), None),
        (digits, digit_count),
        (table[which, : int(word_lengths.max())], word_lengths),
        (
            _SHOWN_TEXT[data[np.minimum(starts[:, None] + np.arange(shown_width), last)]],
            shown_bytes,
        ),
        (np.broadcast_to(_STARS[:star_width], (size, star_width)), stars),
        (
            np.broadcast_to(_ELLIPSIS[: 3 if long.any() else 0], (size, 3 if long.any() else 0)),
            np.where(long, 3, 0),
        ),
        other,
        (np.broadcast_to(_NEWLINE, (size, 1)), None),
    ]
    width = sum(matrix.shape[1] for matrix, _ in pieces)
    lines = np.empty((size, width), dtype=np.uint8)
    used = np.ones((size, width), dtype=np.bool_)
    column = 0
    for matrix, lengths in pieces:
        span = matrix.shape[1]
        if span:
            lines[:, column : column + span] = matrix
            if lengths is not None:
                # digits are right-aligned (the leading columns unused), the rest left-aligned
                step = np.arange(span)
                if matrix is digits:
                    np.greater_equal(
                        step, span - lengths[:, None], out=used[:, column : column + span]
                    )
                else:
                    np.less(step, lengths[:, None], out=used[:, column : column + span])
        column += span
    text: bytes = lines[used].tobytes()
    return text


_ROW: Final = np.frombuffer(b"row ", dtype=np.uint8)
_STARS: Final = np.full(23, ord("*"), dtype=np.uint8)
_ELLIPSIS: Final = np.frombuffer("…".encode(), dtype=np.uint8)
_NEWLINE: Final = np.frombuffer(b"\n", dtype=np.uint8)


def _words_table(
    words: dict[Reason, str], empty_words: str
) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """``: words: `` of each reason code, then ``: <empty_words>``: a byte matrix and lengths."""
    texts = [f": {words[r]}: " if r is not None else ": " for r in REASONS]
    encoded = [text.encode() for text in [*texts, f": {empty_words}"]]
    lengths = np.array([len(text) for text in encoded], dtype=np.int64)
    table = np.zeros((len(encoded), int(lengths.max())), dtype=np.uint8)
    for row, text in enumerate(encoded):
        table[row, : len(text)] = np.frombuffer(text, dtype=np.uint8)
    return table, lengths


def _python_masks(
    values: Buffers, kept: NDArray[np.int64], python: NDArray[np.bool_]
) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """mask() of the values numpy leaves to it, as a byte matrix and lengths (0 for others)."""
    lengths = np.zeros(len(kept), dtype=np.int64)
    rows = np.flatnonzero(python)
    if rows.size == 0:
        return np.zeros((len(kept), 0), dtype=np.uint8), lengths
    masked = [mask(value).encode() for value in values.strings(kept[rows])]
    lengths[rows] = [len(text) for text in masked]
    matrix = np.zeros((len(kept), int(lengths.max())), dtype=np.uint8)
    for row, text in zip(rows.tolist(), masked, strict=True):
        matrix[row, : len(text)] = np.frombuffer(text, dtype=np.uint8)
    return matrix, lengths


#: Values of up to this many bytes with a non-ASCII character are masked in numpy.
_WIDE: Final = 32
#: Code point -> whether str.isprintable() (the Basic Multilingual Plane; built when first needed).
_printable_bmp: list[NDArray[np.bool_]] = []


def _printable(points: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether each code point of the BMP is printable, as ``str.isprintable`` says."""
    if not _printable_bmp:
        _printable_bmp.append(
            np.array([chr(point).isprintable() for point in range(0x10000)], dtype=np.bool_)
        )
    found: NDArray[np.bool_] = _printable_bmp[0][points]
    return found


def _wide_mask(
    data: NDArray[np.uint8], starts: NDArray[np.int64], ends: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
    """For values with a non-ASCII character: length in characters, bytes of the shown part.

    Also which values numpy leaves to ``mask()``: longer than 32 bytes, or
    with a shown character outside the BMP or not printable (``mask()``
    shows ``?`` for it).
    """
    lengths = ends - starts
    step = np.arange(min(_WIDE, int(lengths.max())), dtype=np.int64)
    matrix = data[np.minimum(starts[:, None] + step, len(data) - 1)].astype(np.int32)
    inside = step < lengths[:, None]
    first = ((matrix & 0xC0) != 0x80) & inside  # the first byte of a character
    chars = first.sum(axis=1)
    number = np.cumsum(first, axis=1, dtype=np.int32) - 1  # the character each byte belongs to
    shown = np.clip(chars - 4, 0, 7)
    visible = inside & (number < shown[:, None])
    lead = first & visible & (matrix >= 0x80)
    after = np.zeros_like(matrix)
    after[:, :-1] = matrix[:, 1:] & 0x3F
    third = np.zeros_like(matrix)
    third[:, :-2] = matrix[:, 2:] & 0x3F
    two = lead & (matrix < 0xE0)
    three = lead & (matrix >= 0xE0) & (matrix < 0xF0)
    point = np.where(two, (matrix & 0x1F) << 6 | after, (matrix & 0x0F) << 12 | after << 6 | third)
    hidden = (two | three) & ~_printable(np.where(two | three, point, 0x41))
    python = (lengths > _WIDE) | (lead & (matrix >= 0xF0)).any(axis=1) | hidden.any(axis=1)
    return chars, visible.sum(axis=1), python


class Checker:
    """The reason code of each value, as small integers (0 valid, see ``REASONS``)."""

    def __init__(self, kind: str, *, allow_temporary: bool, today: date | None) -> None:
        self._kind = kind
        self._allow_temporary = allow_temporary
        self._today = today

    def codes(self, values: Buffers) -> NDArray[np.uint8]:
        """The reason code of every value (there are no nulls in a file's column)."""
        if self._kind == "hetu":
            return _kernel.hetu(
                values, values.strings, allow_temporary=self._allow_temporary, today=self._today
            ).code
        return _kernel.ytunnus(values, values.strings).code

    def findings(self, values: Buffers, first_row: int) -> Findings:
        """The invalid values of a batch whose first row has the number *first_row*."""
        codes = self.codes(values)
        bad = np.flatnonzero(codes)
        found = Buffers(values.padded, values.starts[bad], values.ends[bad])
        return Findings(bad + first_row, codes[bad], found)


def check_csv(
    binary: IO[bytes],
    *,
    column_index: int,
    width: int,
    delimiter: str,
    checker: Checker,
    sink: Callable[[int, Findings], None],
) -> None:
    """Check one column of a CSV file that :func:`can_read` accepted, header included.

    Row numbers count the header as row 1, as the Python reader does. A row
    with another number of fields than the header stops the check (exit 2)
    after the findings of the rows before it are reported, as in the Python
    reader.
    """
    splitter = _Splitter(column_index, width, ord(delimiter))
    carry = b""
    row = 1  # the header is row 1; it is skipped below
    header = True
    while True:
        chunk = binary.read(CHUNK_BYTES)
        at_end = not chunk
        data = carry + chunk
        cut = _last_line_end(data, at_end=at_end)
        carry = data[cut:]
        if cut:
            start = 0
            if header:
                start = _after_first_line(data, cut)
                header = False
            if start < cut:
                values, ragged = splitter.split(data, start, cut)
                sink(values.size, checker.findings(values, row + 1))
                if ragged is not None:
                    number, fields = ragged
                    fail(f"row {row + 1 + number} has {fields} fields but the header has {width}")
                row += values.size
        if not header and len(carry) > width * 2 * _FIELD_BLOCK + 2:
            # Every field is shorter than 128 KiB (can_read made sure): a line this
            # long has more fields than the header. Count them without keeping it.
            fields = _count_fields(binary, carry, delimiter.encode())
            fail(f"row {row + 1} has {fields} fields but the header has {width}")
        if at_end:
            return


def _count_fields(binary: IO[bytes], line: bytes, delimiter: bytes) -> int:
    """The number of fields of the line that starts with *line* and goes on in *binary*."""
    count = 0
    data = line
    while data:
        ends = [end for end in (data.find(b"\n"), data.find(b"\r")) if end != -1]
        if ends:
            return count + data.count(delimiter, 0, min(ends)) + 1
        count += data.count(delimiter)
        data = binary.read(CHUNK_BYTES)
    return count + 1


def _last_line_end(data: bytes, *, at_end: bool) -> int:
    r"""Where the complete lines of *data* end: after its last line end (all of it at the end).

    A ``\r`` at the very end is held back: a ``\n`` may follow it in the next chunk.
    """
    if at_end:
        return len(data)
    end = len(data) - 1 if data.endswith(b"\r") else len(data)
    return max(data.rfind(b"\n", 0, end), data.rfind(b"\r", 0, end)) + 1


def _after_first_line(data: bytes, stop: int) -> int:
    """Where the second line of ``data[:stop]`` starts (the header is read by the csv module)."""
    newline, cr = data.find(b"\n", 0, stop), data.find(b"\r", 0, stop)
    if cr != -1 and (newline == -1 or cr < newline):
        return cr + 2 if data[cr + 1 : cr + 2] == b"\n" else cr + 1
    return stop if newline == -1 else newline + 1


class _Splitter:
    """Splits complete lines into the values of one column."""

    def __init__(self, column: int, width: int, delimiter: int) -> None:
        self._column = column
        self._width = width
        self._delimiter = delimiter

    def split(self, source: bytes, start: int, stop: int) -> tuple[Buffers, tuple[int, int] | None]:
        """The values of the column in the lines ``source[start:stop]``, and the first ragged line.

        The ragged line as (index, fields); when there is one, only the lines
        before it are in the values.
        """
        size = stop - start
        data = np.empty(size + 2 * PAD, dtype=np.uint8)
        data[:PAD] = data[PAD + size :] = 0
        data[PAD : PAD + size] = np.frombuffer(source, dtype=np.uint8, count=size, offset=start)
        body = data[PAD : PAD + size]
        returns = source.find(b"\r", start, stop) != -1
        last = source[stop - 1]
        regular = self._regular(body, returns=returns, last=last)
        if regular is not None:
            return Buffers(data, regular[0] + PAD, regular[1] + PAD), None
        starts, ends = _line_spans(data, body, returns=returns, last=last)
        delimiters = np.flatnonzero(body == self._delimiter)
        first = np.searchsorted(delimiters, starts)
        fields = np.searchsorted(delimiters, ends) - first + 1
        blank = ends == starts
        ragged_at = np.flatnonzero((fields != self._width) & ~blank)
        ragged = None
        if ragged_at.size:
            index = int(ragged_at[0])
            ragged = (index, int(fields[index]))
            starts, ends, first, blank = starts[:index], ends[:index], first[:index], blank[:index]
        column, width = self._column, self._width
        value_starts, value_ends = starts, ends
        if width > 1 and delimiters.size:
            # a line that is not blank has exactly width - 1 delimiters, from first on
            last = delimiters.size - 1
            if column > 0:
                value_starts = delimiters[np.minimum(first + column - 1, last)] + 1
            if column < width - 1:
                value_ends = delimiters[np.minimum(first + column, last)]
            value_starts = np.where(blank, starts, value_starts)
            value_ends = np.where(blank, starts, value_ends)
        return Buffers(data, value_starts + PAD, value_ends + PAD), ragged

    def _regular(
        self, body: NDArray[np.uint8], *, returns: bool, last: int
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]] | None:
        r"""The spans of the values when every line ends in ``\n`` or ``\r\n`` and has all fields.

        The common case, done with one list of separators; ``None`` otherwise.
        """
        width = self._width
        if last != _NL:
            return None
        crlf = returns
        separators = np.flatnonzero((body == self._delimiter) | (body == _NL))
        if separators.size % width:
            return None
        table = separators.reshape(-1, width)  # a line per row: its delimiters, its line end
        line_ends = table[:, -1]
        if not (body[line_ends] == _NL).all() or (width > 1 and (body[table[:, :-1]] == _NL).any()):
            return None
        if crlf and not (
            (body[line_ends - 1] == _CR).all() and np.count_nonzero(body == _CR) == len(line_ends)
        ):
            return None  # a lone \r somewhere: not every \r is the first half of a \r\n
        column = self._column
        if column == 0:
            starts = np.empty(len(table), dtype=np.int64)
            starts[0] = 0
            starts[1:] = line_ends[:-1] + 1
        else:
            starts = table[:, column - 1] + 1
        ends = table[:, column].astype(np.int64)
        if crlf and column == width - 1:
            ends -= 1
        return starts, ends


def _line_spans(
    data: NDArray[np.uint8], body: NDArray[np.uint8], *, returns: bool, last: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    r"""Where each line of *body* starts and ends (its line end left out).

    *data* is *body* with PAD zero bytes on both sides; *returns* tells
    whether *body* has a ``\r`` and *last* is its last byte. A line ends at
    ``\n``, ``\r\n`` or a lone ``\r``, as for the csv module.
    """
    terminators = np.flatnonzero(body == _NL)
    ends = terminators
    if returns:
        carriage = np.flatnonzero(body == _CR)
        lone = carriage[data[carriage + PAD + 1] != _NL]
        newline_ends = terminators - (data[terminators + PAD - 1] == _CR)
        terminators = np.concatenate([terminators, lone])
        ends = np.concatenate([newline_ends, lone])
        order = np.argsort(terminators, kind="stable")
        terminators, ends = terminators[order], ends[order]
    if last not in {_NL, _CR}:  # the last line of the file has no line end
        terminators = np.append(terminators, len(body))
        ends = np.append(ends, len(body))
    starts = np.zeros(len(terminators), dtype=np.int64)
    starts[1:] = terminators[:-1] + 1
    return starts, ends.astype(np.int64)
