"""The Arrow reader of ``rekisteri check-ids``: CSV and Parquet in record batches (private).

Used when pyarrow is installed (the ``arrow`` extra). Each batch of one
column is checked by :mod:`rekisteri._columns` and only the invalid values
come back to Python, so memory stays flat and the work per valid value is a
few numpy operations.

A CSV file is read this way only where Arrow's parser and Python's ``csv``
module are sure to agree on every row: a UTF-8 file without a quote
character, and an ASCII delimiter (:func:`arrow_can_read`). Everything else
goes through the Python reader.
"""

from __future__ import annotations

import codecs
import re
from typing import IO, TYPE_CHECKING, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from rekisteri import _columns
from rekisteri.cli._common import fail

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import date

    import pyarrow.parquet as pq

    from rekisteri.errors import Reason

#: Bytes per block of the CSV reader (about 25,000 rows of a four-column file).
BLOCK_BYTES: Final = 1 << 20
#: Rows per batch of the Parquet reader.
PARQUET_ROWS: Final = 65_536
#: Bytes read at a time from a Parquet file (a buffered stream: no whole column chunk at once).
PARQUET_BUFFER_BYTES: Final = 1 << 20
#: Bytes read at a time by the scan before the CSV reader.
_SCAN_BYTES: Final = 1 << 20

#: A finding: row number, reason, the value as read (masked by the caller).
Finding = tuple[int, "Reason", str]

_RAGGED: Final = re.compile(r"Row #(\d+): Expected (\d+) columns, got (\d+)")


def arrow_can_read(binary: IO[bytes], encoding: str, delimiter: str) -> bool:
    """Whether the Arrow CSV reader gives exactly the rows of Python's csv module.

    True for UTF-8 (with or without a byte-order mark), an ASCII delimiter,
    and a file without any quote character: then neither reader has a quoting
    rule to apply and both split at the same bytes. The file is scanned once
    (1 MiB at a time, so memory stays flat); invalid UTF-8 also sends it to
    the Python reader, whose error message names the row. The position is
    restored afterwards.
    """
    if codecs.lookup(encoding).name not in {"utf-8", "utf-8-sig"} or not delimiter.isascii():
        return False
    start = binary.tell()
    carry = b""
    try:
        while chunk := binary.read(_SCAN_BYTES):
            if b'"' in chunk:
                return False
            data = carry + chunk
            cut = data.rfind(b"\n") + 1  # a line end is never inside a character
            _check_utf8(data[:cut])
            carry = data[cut:]
        _check_utf8(carry)
    except pa.ArrowInvalid:
        return False
    finally:
        binary.seek(start)
    return True


def _check_utf8(data: bytes) -> None:
    """Raise ``ArrowInvalid`` unless *data* is valid UTF-8 (Arrow's vectorised check)."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(
        full=True
    )


class ColumnChecker:
    """The reason code of each value of an Arrow string array, as small integers."""

    def __init__(self, kind: str, *, allow_temporary: bool, today: date | None) -> None:
        self._kind = kind
        self._allow_temporary = allow_temporary
        self._today = today

    def codes(self, array: pa.Array) -> np.ndarray:
        """Reason codes (0 valid, see ``_columns.REASONS``) of a string array without nulls."""
        if self._kind == "hetu":
            result = _columns.hetu(array, allow_temporary=self._allow_temporary, today=self._today)
            return result.code
        return _columns.ytunnus(array).code


class Findings:
    """The invalid values of one batch, as arrays: row numbers, reason codes, values."""

    def __init__(self, rows: np.ndarray, codes: np.ndarray, values: pa.Array) -> None:
        self.rows = rows
        self.codes = codes
        self.values = values

    def __len__(self) -> int:
        return len(self.rows)

    def as_list(self) -> list[Finding]:
        """One (row number, reason, value) per finding, for the JSON and CSV reports."""
        reasons = _columns.REASONS
        return [
            (row, reasons[code], value)
            for row, code, value in zip(
                self.rows.tolist(), self.codes.tolist(), self.values.to_pylist(), strict=True
            )
        ]

    def text(
        self, *, skip_empty: bool, words: dict[Reason, str], empty_words: str
    ) -> tuple[str, int, int]:
        """The lines of the text report, the number of findings in them and of empty ones skipped.

        The same lines as the Python reader writes, built by Arrow compute
        functions: no Python object per finding.
        """
        rows, codes, values = self.rows, self.codes, self.values
        empty = 0
        if skip_empty and len(rows):
            # str.strip() decides what is empty, exactly as in the Python reader.
            blank = np.array([not v.strip() for v in values.to_pylist()], dtype=np.bool_)
            empty = int(np.count_nonzero(blank))
            keep = ~blank
            rows, codes = rows[keep], codes[keep]
            values = values.filter(_columns.bool_array(keep))
        if len(rows) == 0:
            return "", 0, empty
        text = _columns.string_array
        table = text([words[r] if r is not None else "" for r in _columns.REASONS])
        row, colon, end = (text([part])[0] for part in ("row ", ": ", "\n"))
        nothing, empty_line = text([""])[0], text([f": {empty_words}\n"])[0]
        row_text = pc.cast(_columns.int_array(rows), pa.string())
        full = pc.binary_join_element_wise(
            row, row_text, colon, table.take(_columns.int_array(codes)), colon,
            _columns.masked(values), end, nothing,
        )  # fmt: skip
        short = pc.binary_join_element_wise(row, row_text, empty_line, nothing)
        offsets = np.frombuffer(values.buffers()[1], dtype=np.int32, count=len(values) + 1,
                                offset=values.offset * 4)  # fmt: skip
        lines = pc.if_else(_columns.bool_array(np.diff(offsets) == 0), short, full)
        ends = np.frombuffer(lines.buffers()[1], dtype=np.int32, count=len(lines) + 1,
                             offset=lines.offset * 4)  # fmt: skip
        data = lines.buffers()[2]
        return data.to_pybytes()[ends[0] : ends[-1]].decode(), len(rows), empty


def _findings(array: pa.Array, codes: np.ndarray, first_row: int) -> Findings:
    bad = np.flatnonzero(codes)
    values = array.take(_columns.int_array(bad)).cast(pa.string())
    return Findings(bad + first_row, codes[bad], values)


def check_csv(
    binary: IO[bytes],
    *,
    column_index: int,
    width: int,
    delimiter: str,
    checker: ColumnChecker,
    sink: Callable[[int, Findings], None],
) -> None:
    """Check one column of a CSV file (header included) in record batches.

    Row numbers count the header as row 1, as the Python reader does.
    """
    read_options = pa_csv.ReadOptions(
        block_size=BLOCK_BYTES,
        use_threads=False,
        column_names=[str(i) for i in range(width)],
        skip_rows=1,
    )
    parse_options = pa_csv.ParseOptions(
        delimiter=delimiter, quote_char=False, ignore_empty_lines=False
    )
    convert_options = pa_csv.ConvertOptions(
        include_columns=[str(column_index)],
        column_types={str(column_index): pa.string()},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    row = 2
    try:
        reader = pa_csv.open_csv(
            binary,
            read_options=read_options,
            parse_options=parse_options,
            convert_options=convert_options,
        )
        for batch in reader:
            array = batch.column(0)
            sink(len(array), _findings(array, checker.codes(array), row))
            row += len(array)
    except pa.ArrowInvalid as exc:
        if row == 2 and "Could not skip initial" in str(exc):
            return  # the header row is the whole file (no line end after it): no rows
        ragged = _RAGGED.search(str(exc))
        if ragged is not None:
            # Arrow counts the skipped header as row 1, as the Python reader does.
            number, _, got = ragged.groups()
            fail(f"row {number} has {got} fields but the header has {width}")
        fail(f"malformed CSV after row {row - 1}")


def parquet_columns(path: str) -> tuple[list[str], pq.ParquetFile]:
    """The column names of a Parquet file, and the file opened for reading."""
    import pyarrow.parquet as pq  # only here: it takes a while to import

    # Arrow's default pool (mimalloc) keeps what it freed for reuse: its peak
    # grew with the number of row groups read. The C library's allocator
    # gives it back (measured: 186 MiB against 137 MiB for 10M rows).
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        parquet = pq.ParquetFile(path, pre_buffer=False, buffer_size=PARQUET_BUFFER_BYTES)
    except (pa.ArrowInvalid, OSError) as exc:
        fail(f"{path}: not a readable Parquet file ({type(exc).__name__})")
    return list(parquet.schema_arrow.names), parquet


def check_parquet(
    parquet: pq.ParquetFile,
    *,
    column: str,
    checker: ColumnChecker,
    sink: Callable[[int, Findings], None],
) -> None:
    """Check one column of a Parquet file, batch by batch; rows count from 1.

    A null is an empty value, as an empty cell of a CSV file.
    """
    field = parquet.schema_arrow.field(column)
    if not (
        pa.types.is_string(field.type)
        or pa.types.is_large_string(field.type)
        or pa.types.is_string_view(field.type)
        or pa.types.is_dictionary(field.type)
    ):
        fail(f"column {column!r} holds {field.type} values, not text")
    row = 1
    batches: Iterator[pa.RecordBatch] = parquet.iter_batches(
        batch_size=PARQUET_ROWS, columns=[column], use_threads=False
    )
    for batch in batches:
        array = batch.column(0)
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            array = array.cast(pa.large_string())
        if array.null_count:
            array = pc.fill_null(array, _columns.string_array([""])[0])
        sink(len(array), _findings(array, checker.codes(array), row))
        row += len(array)
