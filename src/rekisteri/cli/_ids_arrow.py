"""The Arrow reader of ``rekisteri check-ids``: Parquet files in record batches (private).

Used for Parquet files when pyarrow is installed (the ``arrow`` extra): one
column is read, 65,536 rows at a time, and each batch is checked by the
numpy kernel (:mod:`rekisteri._kernel`); only the invalid values come back
to Python, so memory stays flat and the work per valid value is a few numpy
operations. The report is built by the numpy reader's ``Findings``.

CSV files are not read here: pyarrow's CSV reader was slower and took three
times the memory of the numpy reader (:mod:`rekisteri.cli._ids_numpy`), which
``--reader arrow`` uses for them too (benchmarks/README.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import pyarrow as pa
import pyarrow.compute as pc

from rekisteri import _columns
from rekisteri.cli._common import fail
from rekisteri.cli._ids import UnreadableFileError
from rekisteri.cli._ids_numpy import Checker

__all__ = ["Checker", "check_parquet", "parquet_columns"]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import pyarrow.parquet as pq

    from rekisteri.cli._ids_numpy import Findings

#: Rows per batch of the Parquet reader.
PARQUET_ROWS: Final = 65_536
#: Bytes read at a time from a Parquet file (a buffered stream: no whole column chunk at once).
PARQUET_BUFFER_BYTES: Final = 1 << 20


def _findings(checker: Checker, array: pa.Array, first_row: int) -> Findings:
    return checker.findings(_columns.buffers(array), first_row)


def parquet_columns(path: str) -> tuple[list[str], pq.ParquetFile]:
    """The column names of a Parquet file, and the file opened for reading."""
    import pyarrow.parquet as pq  # only here: it takes a while to import

    # Arrow's default pool (mimalloc) keeps what it freed for reuse: its peak
    # grew with the number of row groups read. The C library's allocator
    # gives it back (measured: 186 MiB against 137 MiB for 10M rows).
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        parquet = pq.ParquetFile(path, pre_buffer=False, buffer_size=PARQUET_BUFFER_BYTES)
    except (pa.ArrowException, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            fail(f"cannot read {path}: {exc.strerror}")  # the disk, not the file's content
        raise UnreadableFileError(
            "a corrupt Parquet file: its footer (the schema and where each row group "
            f"lies, at the end of the file) cannot be read ({_arrow_words(exc)})"
        ) from None
    return list(parquet.schema_arrow.names), parquet


def _arrow_words(exc: BaseException) -> str:
    """What Arrow said of a corrupt file: on one line, short, without its long numbers.

    Arrow quotes sizes and offsets read from the damaged bytes, which may be
    a file's data (a value read as a length): runs of five digits or more
    are left out.
    """
    words = _LONG_NUMBER.sub("…", " ".join(str(exc).split())) or type(exc).__name__
    return words if len(words) <= _ARROW_WORDS else f"{words[: _ARROW_WORDS - 1]}…"


#: Characters of Arrow's own message kept in an error.
_ARROW_WORDS: Final = 160
_LONG_NUMBER: Final = re.compile(r"\d{5,}")


def check_parquet(
    parquet: pq.ParquetFile,
    *,
    column: str,
    checker: Checker,
    sink: Callable[[int, Findings], None],
) -> None:
    """Check one column of a Parquet file, batch by batch; rows count from 1.

    A null is an empty value, as an empty cell of a CSV file. Data that
    cannot be read raises :class:`~rekisteri.cli._ids.UnreadableFileError`
    after the batches before it went to *sink*.
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
    # Row group by row group: over the whole file, Arrow decodes ahead, and data that
    # cannot be read in the last group stopped the check before the first batch.
    batches: Iterator[pa.RecordBatch] = (
        batch
        for group in range(parquet.num_row_groups)
        for batch in parquet.iter_batches(
            batch_size=PARQUET_ROWS, row_groups=[group], columns=[column], use_threads=False
        )
    )
    while True:
        try:
            batch = next(batches, None)
        except (pa.ArrowException, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno is not None:
                raise  # the disk, not the file's content: the command's own message
            raise UnreadableFileError(
                f"a corrupt Parquet file: the data after row {row - 1} cannot be read "
                f"({_arrow_words(exc)})"
            ) from None
        if batch is None:
            return
        array = batch.column(0)
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            array = array.cast(pa.large_string())
        if array.null_count:
            array = pc.fill_null(array, _columns.string_array([""])[0])
        sink(len(array), _findings(checker, array, row))
        row += len(array)
