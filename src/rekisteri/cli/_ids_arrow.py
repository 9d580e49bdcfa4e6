"""The Arrow reader of ``rekisteri check-ids``: CSV and Parquet in record batches (private).

Used for Parquet files when pyarrow is installed (the ``arrow`` extra), and
for CSV files with ``--reader arrow``. Each batch of one column is checked
by the numpy kernel (:mod:`rekisteri._kernel`) and only the invalid values
come back to Python, so memory stays flat and the work per valid value is a
few numpy operations.

A CSV file is read this way only where Arrow's parser and Python's ``csv``
module are sure to agree on every row: the files of the numpy reader
(:func:`rekisteri.cli._ids_numpy.can_read`, UTF-8 without any quote
character). The report is built by the numpy reader's ``Findings``.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from rekisteri import _columns
from rekisteri.cli._common import fail
from rekisteri.cli._ids_numpy import Checker, can_read

__all__ = ["Checker", "can_read", "check_csv", "check_parquet", "parquet_columns"]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import pyarrow.parquet as pq

    from rekisteri.cli._ids_numpy import Findings

#: Bytes per block of the CSV reader (about 25,000 rows of a four-column file).
BLOCK_BYTES: Final = 1 << 20
#: Rows per batch of the Parquet reader.
PARQUET_ROWS: Final = 65_536
#: Bytes read at a time from a Parquet file (a buffered stream: no whole column chunk at once).
PARQUET_BUFFER_BYTES: Final = 1 << 20
_RAGGED: Final = re.compile(r"Row #(\d+): Expected (\d+) columns, got (\d+)")


def _findings(checker: Checker, array: pa.Array, first_row: int) -> Findings:
    return checker.findings(_columns.buffers(array), first_row)


def check_csv(
    binary: IO[bytes],
    *,
    column_index: int,
    width: int,
    delimiter: str,
    checker: Checker,
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
            sink(len(array), _findings(checker, array, row))
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
    checker: Checker,
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
        sink(len(array), _findings(checker, array, row))
        row += len(array)
