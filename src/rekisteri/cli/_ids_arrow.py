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
from rekisteri.cli._ids import LINE_LIMIT, UnreadableFileError, ValueTooLargeError
from rekisteri.cli._ids_numpy import Checker

__all__ = ["Checker", "check_parquet", "parquet_columns"]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import pyarrow.parquet as pq

    from rekisteri.cli._ids_numpy import Findings

#: Rows per batch checked (and reported) at once.
PARQUET_ROWS: Final = 65_536
#: Rows per batch Arrow decodes, at most: small, because a Parquet file is compressed
#: and its values may be long (65,536 copies of a 16 KiB value make a 586-byte file
#: that decodes to 1 GiB; 8,192 of them are 128 MiB); decoded batches are joined up
#: to :data:`PARQUET_ROWS` rows or :data:`PARQUET_BATCH_BYTES` bytes before they are
#: checked. It costs about a tenth more CPU than batches of 65,536 rows. A row group
#: whose values may be longer is read in fewer rows at a time (:func:`_read_rows`),
#: so that a batch decodes to about :data:`PARQUET_BATCH_BYTES` at most (A11's M17:
#: 8,192 copies of a 256 KiB value, a 466-byte file, needed over 3 GiB).
PARQUET_READ_ROWS: Final = 8_192
#: Decoded bytes of values checked at once, at most (a single longer value alone).
PARQUET_BATCH_BYTES: Final = 8 << 20
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
    except MemoryError:
        raise _too_large("its footer") from None
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


#: Bytes per value (with its offset) up to which a batch is not looked at value by value
#: for one over LINE_LIMIT: at 8,192 rows at most, it cannot hold one.
_SHORT: Final = 64

#: Characters of Arrow's own message kept in an error.
_ARROW_WORDS: Final = 160
_LONG_NUMBER: Final = re.compile(r"\d{5,}")


def check_parquet(
    parquet: pq.ParquetFile,
    *,
    column: str,
    checker: Checker,
    sink: Callable[[int, Findings], None],
    path: str | None = None,
) -> None:
    """Check one column of a Parquet file, batch by batch; rows count from 1.

    A null is an empty value, as an empty cell of a CSV file. Data that
    cannot be read raises :class:`~rekisteri.cli._ids.UnreadableFileError`
    after the batches before it went to *sink*; a value over
    :data:`~rekisteri.cli._ids.LINE_LIMIT` (4 MiB), or data that needs more
    memory to decode than the process may have,
    :class:`~rekisteri.cli._ids.ValueTooLargeError`. *path* is the file's
    path, for reading dictionaries on their own (see :func:`_read_rows`).
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
    index = parquet.reader.column_name_idx(column)  # of the leaf, as the metadata counts
    dictionaries = _Dictionaries(path, column) if path is not None else None
    # Row group by row group: over the whole file, Arrow decodes ahead, and data that
    # cannot be read in the last group stopped the check before the first batch.
    batches: Iterator[pa.RecordBatch] = (
        batch
        for group in range(parquet.num_row_groups)
        for batch in parquet.iter_batches(
            batch_size=_read_rows(parquet, group, index, dictionaries),
            row_groups=[group],
            columns=[column],
            use_threads=False,
        )
    )
    try:
        for array in _joined(_text_arrays(batches)):
            sink(len(array), _findings(checker, array, row))
            row += len(array)
    except MemoryError:  # Arrow's ArrowMemoryError too: not a corrupt file
        raise _too_large(f"the data after row {row - 1}") from None
    finally:
        if dictionaries is not None:
            dictionaries.close()


def _too_large(what: str) -> ValueTooLargeError:
    return ValueTooLargeError(
        f"{what} needs more memory than this process may use to decode (values too long to check?)"
    )


def _read_rows(
    parquet: pq.ParquetFile, group: int, index: int, dictionaries: _Dictionaries | None
) -> int:
    """How many rows of row *group* to decode at once: about :data:`PARQUET_BATCH_BYTES`.

    A value may be as long as the column chunk's uncompressed bytes per row
    (values written as they are), or as the longest value of its dictionary:
    a dictionary of one 256 KiB value decodes to 256 KiB a row from a few
    bytes a row. The dictionary is read (on its own, as a dictionary) only
    for a chunk that has one.

    Raises:
        ValueTooLargeError: A value of the dictionary is longer than
            :data:`~rekisteri.cli._ids.LINE_LIMIT` (4 MiB).
    """
    meta = parquet.metadata.row_group(group)
    chunk = meta.column(index)
    longest = chunk.total_uncompressed_size / max(meta.num_rows, 1)
    if chunk.has_dictionary_page and dictionaries is not None:
        in_dictionary = dictionaries.longest(group)
        if in_dictionary > LINE_LIMIT:
            raise ValueTooLargeError(
                f"a value in row group {group + 1} is longer than {LINE_LIMIT:,} bytes,"
                " the longest a CSV line may be"
            )
        longest = max(longest, in_dictionary)
    return max(1, min(PARQUET_READ_ROWS, int(PARQUET_BATCH_BYTES // max(longest, 1))))


class _Dictionaries:
    """The longest value of each row group's dictionary of one column, read as a dictionary.

    The file is opened a second time, with ``read_dictionary``, only when a
    chunk has a dictionary: so read, the dictionary comes back once instead
    of a copy of its value per row.
    """

    def __init__(self, path: str, column: str) -> None:
        self.path, self.column = path, column
        self.file: pq.ParquetFile | None = None

    def longest(self, group: int) -> int:
        """The longest value (in UTF-8 bytes) of the dictionary of row *group*."""
        import pyarrow.parquet as pq

        if self.file is None:
            self.file = pq.ParquetFile(
                self.path,
                read_dictionary=[self.column],
                pre_buffer=False,
                buffer_size=PARQUET_BUFFER_BYTES,
            )
        first = next(
            self.file.iter_batches(
                batch_size=1, row_groups=[group], columns=[self.column], use_threads=False
            ),
            None,
        )
        if first is None:
            return 0
        array = first.column(0)
        if not pa.types.is_dictionary(array.type) or not len(array.dictionary):
            return 0
        return _longest(array.dictionary)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def _text_arrays(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.Array]:
    """The column of each batch as plain text, nulls as empty values.

    Raises:
        UnreadableFileError: Arrow cannot read the data after the rows given.
    """
    given = 0
    while True:
        try:
            batch = next(batches, None)
        except MemoryError:
            raise _too_large(f"the data after row {given}") from None
        except (pa.ArrowException, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno is not None:
                raise  # the disk, not the file's content: the command's own message
            raise UnreadableFileError(
                f"a corrupt Parquet file: the data after row {given} cannot be read "
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
        if array.nbytes > len(array) * _SHORT and _longest(array) > LINE_LIMIT:
            raise ValueTooLargeError(
                f"a value in rows {given + 1} to {given + len(array)} is longer than"
                f" {LINE_LIMIT:,} bytes,"
                " the longest a CSV line may be"
            )
        given += len(array)
        yield array


def _longest(array: pa.Array) -> int:
    """The length in bytes of the longest value of a text *array* (0 if empty)."""
    return int(pc.max(pc.binary_length(array)).as_py() or 0)


def _joined(arrays: Iterator[pa.Array]) -> Iterator[pa.Array]:
    """*arrays* joined, in order, into arrays of at most :data:`PARQUET_ROWS` rows.

    And at most :data:`PARQUET_BATCH_BYTES` bytes (a longer array alone). The
    arrays held when *arrays* raises are given before the error goes on.
    """
    held: list[pa.Array] = []
    rows = size = 0
    try:
        for array in arrays:
            if held and (
                rows + len(array) > PARQUET_ROWS or size + array.nbytes > PARQUET_BATCH_BYTES
            ):
                yield _concat(held)
                held, rows, size = [], 0, 0
            held.append(array)
            rows += len(array)
            size += array.nbytes
    except UnreadableFileError:
        if held:
            yield _concat(held)
        raise
    if held:
        yield _concat(held)


def _concat(arrays: list[pa.Array]) -> pa.Array:
    if len(arrays) == 1:
        return arrays[0]
    if len({array.type for array in arrays}) > 1:  # string and large_string: one type
        arrays = [array.cast(pa.large_string()) for array in arrays]
    return pa.concat_arrays(arrays)
