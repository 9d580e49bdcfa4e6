"""``rekisteri hetu check``, ``rekisteri ytunnus check`` and ``rekisteri check-ids``.

Verdicts on identity codes and business ids given on the command line, on
stdin, or in one column of a CSV file of any size (streamed, in chunks).
Identifiers are always shown masked (``131052-****``).
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import os
import re
import shutil
import sys
import tempfile
from functools import partial
from itertools import compress, count, islice
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

import click

from rekisteri.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Command,
    Decorator,
    Group,
    fail,
    format_option,
    today_option,
)
from rekisteri.errors import Reason, RekisteriError
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.identifiers._common import mask

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from datetime import date
    from types import ModuleType

    from rekisteri.cli._ids_numpy import Checker, Findings

__all__ = [
    "COMMANDS",
    "UnreadableFileError",
    "ValueTooLargeError",
    "check_ids",
    "hetu_group",
    "ytunnus_group",
]


class UnreadableFileError(RekisteriError, ValueError):
    """``check-ids`` cannot read its file: what the file really is, and what to do about it.

    A Parquet file cut short or corrupt, UTF-16 or UTF-32 text read as UTF-8,
    a ZIP archive or gzip data where a CSV file belongs. The message does not
    name the file (the command puts its name first) and holds no value from it.
    """


class ValueTooLargeError(UnreadableFileError):
    """``check-ids`` refuses a value it would have to hold whole: longer than a CSV line may be.

    A Parquet value over :data:`LINE_LIMIT` characters (4 MiB), or data whose
    decoding needs more memory than the process may have (a small compressed
    file of long values). Not a corrupt file: a file that is too large to check.
    """


#: Rows validated together; large enough to amortise the per-chunk work,
#: small enough to keep memory flat on files of any size.
CHUNK_ROWS: Final = 16_384

_KINDS: Final = ("hetu", "ytunnus")


class _Checker:
    """One identifier kind with its options."""

    def __init__(self, kind: str, *, allow_temporary: bool, today: date | None) -> None:
        self.kind = kind
        self.allow_temporary = allow_temporary
        self.today = today
        if kind == "hetu":
            self.explain_many: Callable[[Sequence[str]], list[Reason | None]] = partial(
                hetu.explain_many, allow_temporary=allow_temporary, today=today
            )
        else:
            self.explain_many = ytunnus.explain_many

    def columns(self, fast_reader: ModuleType) -> Checker:
        """The same check for the numpy and Arrow readers (``_ids_numpy.Checker``)."""
        checker: Checker = fast_reader.Checker(
            self.kind, allow_temporary=self.allow_temporary, today=self.today
        )
        return checker

    def codes(self, values: Sequence[str]) -> list[str]:
        """Return the reason code of each value, ``"valid"`` for valid ones."""
        return list(map(_REASON_CODES.__getitem__, self.explain_many(values)))


# Plain strings: formatting a StrEnum member goes through slow Enum machinery.
_REASON_CODES: Final[dict[Reason | None, str]] = {
    None: "valid",
    **{reason: reason.value for reason in Reason},
}


def _today_option() -> Decorator:
    return today_option("Treat this date (YYYY-MM-DD) as today when rejecting future birth dates.")


#: The longest line of standard input kept whole by ``hetu check`` / ``ytunnus check``;
#: a longer one (no identifier is near it) is judged by its start, the rest read and
#: dropped, so that a file without line ends cannot fill the memory.
STDIN_LINE_LIMIT: Final = 4096


def _stdin_values() -> Iterator[str]:
    """The lines of standard input without their line ends, each cut at :data:`STDIN_LINE_LIMIT`.

    Any line end ends a value: LF, CR LF and a lone CR (old Mac files, some
    spreadsheet exports), as Python's universal newlines read them.
    """
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a stream without bytes underneath: read as it is
        yield from _values(sys.stdin)
        return
    # Read stdin's bytes again, in its encoding, with universal newlines.
    stream = io.TextIOWrapper(
        raw, encoding=sys.stdin.encoding, errors=sys.stdin.errors, newline=None
    )
    try:
        yield from _values(stream)
    finally:
        stream.detach()  # leave sys.stdin's buffer open


def _values(stream: IO[str]) -> Iterator[str]:
    read = stream.readline
    while line := read(STDIN_LINE_LIMIT):
        rest = line
        while len(rest) == STDIN_LINE_LIMIT and not rest.endswith("\n"):
            rest = read(STDIN_LINE_LIMIT)  # the rest of an over-long line, dropped
        yield line.rstrip("\r\n")


def _check_ids_command(checker: _Checker, ids: tuple[str, ...]) -> None:
    """Print a verdict per identifier; read them from stdin when none are given."""
    values: Iterable[str] = ids or _stdin_values()
    any_invalid = False
    for value in values:
        code = checker.codes([value])[0]
        verdict = code if code == "valid" else f"invalid: {code}"
        click.echo(f"{mask(value)}\t{verdict}")
        any_invalid |= code != "valid"
    sys.exit(EXIT_INVALID if any_invalid else EXIT_OK)


@click.group(name="hetu", cls=Group)
def hetu_group() -> None:
    """Henkilötunnus (personal identity code)."""


@hetu_group.command(name="check")
@click.argument("ids", nargs=-1)
@click.option(
    "--allow-temporary", is_flag=True, help="Accept temporary individual numbers 900-999."
)
@_today_option()
def hetu_check(ids: tuple[str, ...], *, allow_temporary: bool, today: object) -> None:
    """Check each henkilötunnus in IDS (or one per line on stdin).

    Values on a command line stay in the shell history: prefer stdin for
    real data, e.g. `rekisteri hetu check < ids.txt`.
    """
    checker = _Checker("hetu", allow_temporary=allow_temporary, today=_as_date(today))
    _check_ids_command(checker, ids)


@click.group(name="ytunnus", cls=Group)
def ytunnus_group() -> None:
    """Y-tunnus (Business ID)."""


@ytunnus_group.command(name="check")
@click.argument("ids", nargs=-1)
def ytunnus_check(ids: tuple[str, ...]) -> None:
    """Check each Y-tunnus in IDS (or one per line on stdin)."""
    _check_ids_command(_Checker("ytunnus", allow_temporary=False, today=None), ids)


def _as_date(value: object) -> date | None:
    """Return the date of a ``click.DateTime`` value (a ``datetime``) or ``None``."""
    return value.date() if value is not None else None  # type: ignore[attr-defined] # click.DateTime gives a datetime


#: The reasons in words, for the text report (JSON and CSV reports keep the codes).
REASON_WORDS: Final[dict[Reason, str]] = {
    # every reason has words, even one added later without its own here
    **{reason: reason.value.replace("_", " ") for reason in Reason},
    Reason.LENGTH: "wrong length",
    Reason.FORMAT: "unexpected character",
    Reason.NON_ASCII: "non-ASCII character",
    Reason.CENTURY_SIGN: "wrong century sign",
    Reason.DATE: "birth date does not exist",
    Reason.FUTURE_DATE: "birth date in the future",
    Reason.INDIVIDUAL_NUMBER: "individual number never issued (000 or 001)",
    Reason.TEMPORARY: "temporary number (900-999) not allowed",
    Reason.CHECKSUM: "wrong check character",
    Reason.NEVER_ISSUED: "number never issued (remainder 1)",
    Reason.VAT_NUMBER: "a VAT number, not a Y-tunnus",
}
#: Names of the encoding of a text stream whose bytes may be written as UTF-8.
_UTF8: Final = frozenset({"utf-8", "utf8", "utf_8"})
#: What the text report says of an empty cell.
EMPTY_WORDS: Final = "empty value"
#: A JSON or CSV report is held in memory up to this size until the check is
#: done, then in a temporary file (removed when the command ends): memory
#: stays flat however many rows are invalid.
REPORT_MEMORY_BYTES: Final = 1 << 20
#: Characters copied at a time from a held-back report to standard output.
_COPY_CHARS: Final = 1 << 18

#: A finding: row number, reason, the value as read (masked before it is shown).
Finding = tuple[int, Reason, str]


class _Report:
    """Writes the findings of ``check-ids`` in one of the output formats."""

    def __init__(self, out: IO[str], fmt: str, *, source: str, column: str, kind: str) -> None:
        self._stdout = out
        # The JSON and CSV reports are for programs: held back until the whole
        # file is checked, so that a check stopped by an input error (exit 2)
        # leaves nothing on standard output, never half a document. The text
        # report, for people, is written as the file is read; its summary line
        # is its last, and a report without it was cut short.
        self._out: IO[str] = (
            out
            if fmt == "text"
            else tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by close() or summary()
                max_size=REPORT_MEMORY_BYTES, mode="w+", encoding="utf-8", newline=""
            )
        )
        self.fmt = fmt
        self._first = True
        if fmt == "csv":
            self._out.write("row,reason,value\r\n")
        elif fmt == "json":
            # The file and column names are the user's: masked as every message masks them.
            # A file name that is not UTF-8 (its bytes kept as surrogates) gets
            # U+FFFD for them: a JSON report is UTF-8 text, always.
            name = source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            head = {"file": hetu.redact(name), "column": hetu.redact(column), "kind": kind}
            self._out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "invalid": [')

    def invalid(self, rows: list[tuple[int, Reason, str]]) -> None:
        """Write one finding per (row number, reason, masked value)."""
        codes = _REASON_CODES
        if self.fmt == "text":
            words = REASON_WORDS
            lines = [
                f"row {row}: {words[reason]}: {value}\n" if value else f"row {row}: {EMPTY_WORDS}\n"
                for row, reason, value in rows
            ]
        elif self.fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows((row, codes[reason], value) for row, reason, value in rows)
            lines = [buffer.getvalue()]
        else:
            lines = []
            for row, reason, value in rows:
                item = json.dumps(
                    {"row": row, "reason": codes[reason], "value": value}, ensure_ascii=False
                )
                lines.append(("\n  " if self._first else ",\n  ") + item)
                self._first = False
        self._out.write("".join(lines))
        if self._out is self._stdout:
            self._out.flush()  # each batch as it is checked, as the fast readers write theirs

    def write(self, text: str) -> None:
        """Write lines of the report that are ready."""
        self._out.write(text)

    def write_encoded(self, text: bytes) -> None:
        """Write lines of the report that are ready, in UTF-8 (to the byte stream if there is one).

        Saves decoding and encoding again the report of the fast readers (18 ms
        per 200,000 findings).
        """
        buffer = getattr(self._out, "buffer", None)
        if buffer is None or (getattr(self._out, "encoding", "") or "").lower() not in _UTF8:
            self._out.write(text.decode())
            return
        self._out.flush()
        buffer.write(text)

    def summary(self, *, rows: int, valid: int, invalid: int, empty: int) -> None:
        """Finish the report with the counts."""
        counts = {"rows": rows, "valid": valid, "invalid": invalid, "empty_skipped": empty}
        if self.fmt == "json":
            self._out.write(f'\n], "summary": {json.dumps(counts)}}}\n')
            self._release()
            return
        skipped = f", {empty} empty skipped" if empty else ""
        line = f"{rows} rows checked: {valid} valid, {invalid} invalid{skipped}\n"
        if self.fmt == "csv":
            self._release()
            click.echo(line, err=True, nl=False)
        else:
            self._out.write(line)

    def _release(self) -> None:
        """Copy the held-back report, now whole, to standard output."""
        self._out.seek(0)
        shutil.copyfileobj(self._out, self._stdout, _COPY_CHARS)
        self._stdout.flush()
        self.close()

    def close(self) -> None:
        """Drop what is held back of the report (all of it, when the check stopped on an error)."""
        if self._out is not self._stdout:
            self._out.close()


class _Tally:
    """Counts the rows, masks and reports the findings of each batch (both readers)."""

    def __init__(self, report: _Report, *, skip_empty: bool) -> None:
        self.report = report
        self.skip_empty = skip_empty
        self.total = self.invalid = self.empty = 0

    def __call__(self, rows: int, findings: list[Finding]) -> None:
        self.total += rows
        if self.skip_empty and findings:
            kept = [finding for finding in findings if finding[2].strip()]
            self.empty += len(findings) - len(kept)
            findings = kept
        self.invalid += len(findings)
        self.report.invalid(
            [
                # mask() inlined for the common 11-character case: a function
                # call per invalid row costs more than the masking itself
                (row, reason, f"{v[:7]}****")
                if len(v) == 11 and v.isprintable()
                else (row, reason, mask(v))
                for row, reason, v in findings
            ]
        )

    def arrow(self, rows: int, findings: Findings) -> None:
        """Count and report the findings of one batch of the numpy or Arrow reader."""
        if self.report.fmt != "text":
            self(rows, findings.as_list())
            return
        self.total += rows
        text, invalid, empty = findings.encoded_text(
            skip_empty=self.skip_empty, words=REASON_WORDS, empty_words=EMPTY_WORDS
        )
        self.invalid += invalid
        self.empty += empty
        self.report.write_encoded(text)

    def finish(self) -> int:
        """Write the summary; return the exit code."""
        valid = self.total - self.invalid - self.empty
        self.report.summary(rows=self.total, valid=valid, invalid=self.invalid, empty=self.empty)
        return EXIT_INVALID if self.invalid else EXIT_OK


#: The longest line (in characters, its line end not counted) that the csv
#: module is given: it holds a whole line, and a row of its fields, in memory.
LINE_LIMIT: Final = 1 << 22


class _LineTooLongError(csv.Error):
    """A line of a CSV file is longer than :data:`LINE_LIMIT` characters."""

    def __init__(self) -> None:
        super().__init__(
            f"a line over {LINE_LIMIT:,} characters (a file without line ends, or not CSV?)"
        )


def _bounded_lines(text: IO[str]) -> Iterator[str]:
    """The lines of *text* for the csv module, none over :data:`LINE_LIMIT` characters.

    Raises:
        _LineTooLongError: at the first longer line, before it is held whole
            (a line end split from its line would read as a blank row, so a
            line is never passed on in pieces).
    """
    readline = text.readline
    limit = LINE_LIMIT + 2  # room for "\r\n"
    while line := readline(limit):
        if len(line) > LINE_LIMIT and len(line.rstrip("\r\n")) > LINE_LIMIT:
            raise _LineTooLongError
        yield line


def _rows(
    reader: Iterator[list[str]], width: int, *, first_row: int, line_number: Callable[[], int]
) -> Iterator[tuple[int, list[list[str]]]]:
    """Yield (number of the first row, rows) chunks; fail clearly on ragged rows.

    The rows before a ragged or malformed one are yielded (so checked and
    reported) before the failure, as the numpy reader does; so are those
    decoded before bytes that the encoding cannot decode, whose
    ``UnicodeError`` is raised after them.
    """
    row_number = first_row
    while True:
        rows: list[list[str]] = []
        error = undecodable = None
        try:
            rows.extend(islice(reader, CHUNK_ROWS))  # keeps the rows read before an error
        except _LineTooLongError as exc:
            error = f"row {row_number + len(rows)}: {exc}"
        except csv.Error as exc:
            error = f"line {line_number()}: malformed CSV ({exc})"
        except UnicodeError as exc:  # UnicodeDecodeError, or a codec's own
            undecodable = exc
        if not rows and error is None and undecodable is None:
            return
        widths = set(map(len, rows))
        if widths != {width} and rows:
            rows, ragged = _drop_blank_rows(rows, width, row_number)
            error = ragged or error
        yield row_number, rows
        if error is not None:
            fail(error)
        if undecodable is not None:
            raise undecodable
        row_number += len(rows)


def _drop_blank_rows(
    rows: list[list[str]], width: int, first_row: int
) -> tuple[list[list[str]], str | None]:
    """Blank rows as empty values; the rows before the first ragged one and its message."""
    for number, row in enumerate(rows, start=first_row):
        if row and len(row) != width:
            rows = rows[: number - first_row]
            message = f"row {number} has {len(row)} fields but the header has {width}"
            break
    else:
        message = None
    # A blank line has no fields; give it an empty value so row numbers stay right.
    return [row or [""] * width for row in rows], message


#: Text codecs whose decoder may hold back any amount of input (a UTF-7 shift sequence,
#: an IDNA label, an escape) until it ends: a file in one could not be streamed.
_UNSTREAMABLE: Final = frozenset(
    {"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape"}
)


def _text_encoding(encoding: str) -> None:
    """Fail (exit 2) unless *encoding* names a codec between bytes and text that streams."""
    try:
        name = codecs.lookup(encoding).name
        if name in _UNSTREAMABLE:
            fail(
                f"encoding {encoding!r} cannot be read a piece at a time (its decoder may hold"
                " the whole file back); convert the file to UTF-8 first"
            )
        # hex, base64, zlib, rot13 and such are codecs too, but not of text:
        # str.encode and bytes.decode refuse them (LookupError); "undefined"
        # refuses everything (UnicodeError).
        "".encode(encoding)
        b"".decode(encoding)
    except (LookupError, UnicodeError):
        fail(f"unknown encoding {encoding!r}: give a text encoding such as utf-8 or cp1252")


def _single_threaded_numpy() -> None:
    """Keep OpenBLAS from starting a thread per core when numpy loads (unless asked to).

    The readers do no linear algebra; the threads cost check-ids about 60 ms
    of CPU time at start (measured). Only before numpy is imported, and a
    value the user set stays.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _arrow_reader() -> ModuleType | None:
    """The Arrow reader module, or ``None`` without pyarrow and numpy."""
    _single_threaded_numpy()
    try:
        from rekisteri.cli import _ids_arrow
    except ImportError:
        return None
    return _ids_arrow


def _numpy_reader() -> ModuleType | None:
    """The numpy reader module (CSV without pyarrow), or ``None`` without numpy."""
    _single_threaded_numpy()
    try:
        from rekisteri.cli import _ids_numpy
    except ImportError:
        return None
    return _ids_numpy


@click.command(name="check-ids", cls=Command)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--column", "-c", required=True, help="Header of the column to check.")
@click.option("--kind", "-k", type=click.Choice(_KINDS), required=True, help="Identifier kind.")
@format_option("text", "json", "csv", help_text="Output format of the report.")
@click.option("--encoding", default="utf-8-sig", show_default=True, help="Encoding of a CSV FILE.")
@click.option("--delimiter", default=",", show_default=True, help="Field delimiter of a CSV FILE.")
@click.option("--skip-empty", is_flag=True, help="Do not report empty cells as invalid.")
@click.option(
    "--allow-temporary", is_flag=True, help="hetu: accept temporary individual numbers 900-999."
)
@_today_option()
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show progress on stderr: a bar for a file, a count of rows for standard input "
    "[default: only when stderr is a terminal].",
)
@click.option(
    "--reader",
    type=click.Choice(("auto", "numpy", "arrow", "python")),
    default="auto",
    show_default=True,
    help="How to read FILE: 'numpy' (CSV files in UTF-8 without quote characters, with a "
    "delimiter or line end in every 64 KiB; needs numpy), 'arrow' (Parquet, with pyarrow; CSV "
    "as 'numpy'), 'python' (the csv module), or 'auto' (Arrow for Parquet; numpy for a CSV "
    "file where it applies, else python). The report is the same.",
)
def check_ids(
    *,
    file: str,
    column: str,
    kind: str,
    fmt: str,
    encoding: str,
    delimiter: str,
    skip_empty: bool,
    allow_temporary: bool,
    today: object,
    progress: bool | None,
    reader: str,
) -> None:
    """Check one column of identifiers in a CSV or Parquet FILE (use - for stdin, CSV only).

    The file is streamed, never loaded whole. Each invalid row is reported
    with its row number (in a CSV file the header is row 1; in a Parquet file
    the first record is row 1), the reason and the value masked, followed by
    a summary line. With the arrow extra installed, Parquet files are read
    through Arrow, and CSV files in UTF-8 without quote characters are split
    and checked with numpy, several times faster; the report is the same.

    A JSON or CSV report is written once the whole file is checked: when an
    error stops the check (exit 2), standard output gets nothing. A text
    report is written as the file is read; its last line is the summary.
    """
    if len(delimiter) != 1:
        fail("--delimiter must be a single character")
    _text_encoding(encoding)
    checker = _Checker(kind, allow_temporary=allow_temporary, today=_as_date(today))
    try:
        binary: IO[bytes] = (
            sys.stdin.buffer if file == "-" else Path(file).open("rb")  # noqa: SIM115 - closed below
        )
    except OSError as exc:
        fail(f"cannot open {file}: {exc.strerror}")
    options = _Options(
        source=file, column=column, fmt=fmt, skip_empty=skip_empty, progress=progress
    )
    try:
        seekable = file != "-" and binary.seekable()
        if seekable and _is_parquet(binary):
            code = _check_parquet(file, options, checker, reader=reader)
        else:
            _refuse_what_is_not_text(_head(binary, seekable=seekable), encoding, seekable=seekable)
            code = _check_csv(binary, options, checker, encoding, delimiter, reader=reader)
    except UnreadableFileError as exc:
        fail(f"{'standard input' if file == '-' else file}: {exc}")
    finally:
        options.close()
        if file != "-":
            binary.close()
    sys.exit(code)


class _Options:
    """The options of one ``check-ids`` run that both readers use."""

    def __init__(
        self, *, source: str, column: str, fmt: str, skip_empty: bool, progress: bool | None
    ) -> None:
        self.source = source
        self.column = column
        self.fmt = fmt
        self.skip_empty = skip_empty
        self.show_progress = sys.stderr.isatty() if progress is None else progress
        self._reports: list[_Report] = []

    def tally(self, kind: str) -> _Tally:
        report = _Report(sys.stdout, self.fmt, source=self.source, column=self.column, kind=kind)
        self._reports.append(report)
        return _Tally(report, skip_empty=self.skip_empty)

    def close(self) -> None:
        """Drop the held-back report of a check that stopped on an error (see ``_Report``)."""
        for report in self._reports:
            report.close()


def _check_parquet(file: str, options: _Options, checker: _Checker, *, reader: str) -> int:
    arrow_reader = _arrow_reader()
    if reader == "python" or arrow_reader is None:
        fail(
            f"{file} is a Parquet file: reading it needs the Arrow reader "
            "(pip install 'rekisteri-fi[arrow]'; not --reader python)"
        )
    names, parquet = arrow_reader.parquet_columns(file)
    _check_header(names, source=file, column=options.column, checker=checker, parquet=True)
    tally = options.tally(checker.kind)
    arrow_reader.check_parquet(
        parquet,
        column=options.column,
        checker=checker.columns(arrow_reader),
        sink=tally.arrow,
        path=file,
    )
    sys.stdout.flush()
    code = tally.finish()
    sys.stdout.flush()
    return code


def _check_csv(
    binary: IO[bytes],
    options: _Options,
    checker: _Checker,
    encoding: str,
    delimiter: str,
    *,
    reader: str,
) -> int:
    fast_reader = _fast_csv_reader(binary, encoding, delimiter, reader=reader)
    text = io.TextIOWrapper(binary, encoding=encoding, newline="")
    try:
        rows = csv.reader(_bounded_lines(text), delimiter=delimiter, strict=True)
        locate = partial(_undecodable_row, binary, encoding=encoding, delimiter=delimiter)
        index, width = _find_column(
            rows, source=options.source, column=options.column, encoding=text.encoding,
            checker=checker, locate=locate,
        )  # fmt: skip
        if fast_reader is not None:
            binary.seek(0)  # the fast readers skip the header row themselves
            return _check_csv_fast(
                binary, options, checker, fast_reader=fast_reader, index=index, width=width,
                delimiter=delimiter,
            )  # fmt: skip
        return _check_stream(
            text, binary, rows, index=index, width=width, options=options, checker=checker,
            locate=locate,
        )  # fmt: skip
    finally:
        text.detach()  # the caller closes the file; standard input stays open


def _fast_csv_reader(
    binary: IO[bytes], encoding: str, delimiter: str, *, reader: str
) -> ModuleType | None:
    """The numpy reader for a CSV file where asked and sure to agree with the csv module, else None.

    'auto' takes it where it can; 'numpy' and 'arrow' (which reads Parquet
    through pyarrow, and splits CSV files with numpy too: measured faster and
    smaller than pyarrow's CSV reader) fail with exit 2 where they cannot,
    saying why.
    """
    if reader == "python":
        return None
    module = _numpy_reader()
    if module is None:
        why = "numpy is not installed (pip install 'rekisteri-fi[arrow]')"
    elif not binary.seekable():
        why = "it is not a file"
    else:
        why = module.refusal(binary, encoding, delimiter)
        if why is None:
            return module
    if reader != "auto":
        fail(
            f"--reader {reader} reads files (not standard input) in UTF-8 without quote "
            "characters, with a delimiter or line end in every 64 KiB, with numpy installed; "
            f"not this one: {why}; use --reader auto"
        )
    return None


def _check_csv_fast(
    binary: IO[bytes],
    options: _Options,
    checker: _Checker,
    *,
    fast_reader: ModuleType,
    index: int,
    width: int,
    delimiter: str,
) -> int:
    tally = options.tally(checker.kind)
    bar = _Bar(binary, show=options.show_progress, stdin=options.source == "-")
    try:

        def sink(rows: int, findings: Findings) -> None:
            tally.arrow(rows, findings)
            bar.update(rows)

        fast_reader.check_csv(
            binary,
            column_index=index,
            width=width,
            delimiter=delimiter,
            checker=checker.columns(fast_reader),
            sink=sink,
        )
    finally:
        bar.finish()
    code = tally.finish()
    sys.stdout.flush()
    return int(code)


class _Bar:
    """Progress on stderr: a bar for a file of known size, else a count of rows."""

    def __init__(self, binary: IO[bytes], *, show: bool, stdin: bool) -> None:
        self._binary = binary
        self._size = _size(binary) if show and not stdin else None
        self._count = show and not self._size
        self._rows = 0
        self._position = 0
        self._bar = (
            click.progressbar(length=self._size, file=sys.stderr, label="checking")
            if show and self._size
            else None
        )

    def update(self, rows: int = 0) -> None:
        if self._bar is not None:
            now = self._binary.tell()
            self._bar.update(now - self._position)
            self._position = now
        elif self._count:
            self._rows += rows
            sys.stderr.write(f"\rchecking: {self._rows:,} rows")
            sys.stderr.flush()

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.render_finish()
        elif self._count:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _check_stream(
    text: io.TextIOWrapper,
    binary: IO[bytes],
    reader: Iterator[list[str]],
    *,
    index: int,
    width: int,
    options: _Options,
    checker: _Checker,
    locate: Callable[[], int | None],
) -> int:
    encoding = text.encoding
    pick = itemgetter(index)
    tally = options.tally(checker.kind)
    bar = _Bar(binary, show=options.show_progress, stdin=options.source == "-")
    # The loop makes no reference cycles, but its chunks of row lists live
    # long enough to be scanned again and again by the cyclic garbage
    # collector, which cost about a fifth of the run time. Pause it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    line_number = getattr(reader, "line_num", 0)
    try:
        chunks = _rows(
            reader, width, first_row=2, line_number=lambda: getattr(reader, "line_num", line_number)
        )
        for first_row, rows in chunks:
            values = list(map(pick, rows))
            reasons = checker.explain_many(values)
            bad = compress(count(), reasons)  # a Reason is a non-empty str
            tally(len(rows), [(first_row + i, reasons[i], values[i]) for i in bad])  # type: ignore[misc] # compress() keeps the Reasons only
            bar.update(len(rows))
    except UnicodeError:  # UnicodeDecodeError, or a codec's own (utf-16 without a BOM)
        row = locate()
        where = f"row {row} has bytes that" if row else f"bytes after row {tally.total + 1}"
        fail(f"{options.source}: {where} are not valid {encoding}; {_encoding_advice(encoding)}")
    finally:
        if gc_was_enabled:
            gc.enable()
        bar.finish()
    code = tally.finish()
    sys.stdout.flush()
    return code


def _undecodable_row(binary: IO[bytes], *, encoding: str, delimiter: str) -> int | None:
    """The number of the first row of a file with bytes that *encoding* cannot decode.

    The file is read again from the start, with each such byte decoded as a
    lone surrogate (which valid input never gives), so the csv module counts
    the rows as it did. ``None`` for standard input, or when it cannot tell.
    """
    if not binary.seekable():
        return None
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape", newline="")
    try:
        for number, row in enumerate(
            csv.reader(_bounded_lines(text), delimiter=delimiter), start=1
        ):
            if any(_SURROGATE.search(cell) for cell in row):
                return number
    except (csv.Error, UnicodeError):
        return None
    finally:
        text.detach()
    return None


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _find_column(
    reader: Iterator[list[str]],
    *,
    source: str,
    column: str,
    encoding: str,
    checker: _Checker,
    locate: Callable[[], int | None],
) -> tuple[int, int]:
    """Read the header; return the index of *column* and the number of columns."""
    try:
        header = next(reader)
    except StopIteration:
        fail(f"{source} is empty: expected a header row")
    except UnicodeError:  # UnicodeDecodeError, or a codec's own (utf-16 without a BOM)
        # The decoder reads ahead: the bad bytes may be in a later row than the header.
        row = locate()
        if row and row > 1:
            fail(
                f"{source}: row {row} has bytes that are not valid {encoding}; "
                + _encoding_advice(encoding)
            )
        fail(f"{source}: the header is not valid {encoding}; {_encoding_advice(encoding)}")
    except csv.Error as exc:
        fail(f"{source}: malformed CSV header ({exc})")
    return _check_header(header, source=source, column=column, checker=checker), len(header)


def _check_header(
    header: list[str], *, source: str, column: str, checker: _Checker, parquet: bool = False
) -> int:
    """Return the index of *column* in *header*, or fail without printing personal data."""
    if header.count(column) != 1:
        if column in header:
            fail(f"column {column!r} appears more than once in the header")
        if "valid" in checker.codes(header) or any(_personal(cell) for cell in header):
            if parquet:
                # A column named after a person's identity code: never print the names.
                fail(
                    f"column {column!r} not found: some column names of {source} are "
                    "identity codes or identifiers; rename those columns"
                )
            # No header row: listing the "names" would print a row of personal data.
            fail(
                f"column {column!r} not found: the first row of {source} holds "
                f"identifiers, not column names; add a header row"
            )
        # fail() masks henkilötunnus-shaped cells; long cells are cut short.
        names = ", ".join(repr(mask(name) if len(name) > 40 else name) for name in header[:20])
        more = f" and {len(header) - 20} more" if len(header) > 20 else ""
        fail(f"column {column!r} not found; the header has: {names}{more}")
    return header.index(column)


def _personal(cell: str) -> bool:
    """Whether a header cell holds a henkilötunnus in any spelling, or a valid identifier."""
    return hetu.redact(cell) != cell or hetu.is_valid(cell, allow_temporary=True)


def _is_parquet(binary: IO[bytes]) -> bool:
    """Whether a seekable file starts *and* ends with Parquet's magic bytes ``PAR1``.

    A CSV file may start with them (a column named ``PAR1...``); it does not
    also end with them.
    """
    if binary.read(4) != b"PAR1":
        return False
    binary.seek(-4, io.SEEK_END)
    return binary.read(4) == b"PAR1"


#: Bytes looked at to tell what a file that is not read as Parquet really is.
_HEAD_BYTES: Final = 4096
_UTF32_BOMS: Final = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
#: Control bytes that text does not hold (all but tab, line ends, form feed).
_TEXT_CONTROLS: Final = bytes([*range(9), *range(14, 32), 127])


def _head(binary: IO[bytes], *, seekable: bool) -> bytes:
    """The first bytes of a file (or of standard input, without taking them), at most 4 KiB.

    A file is read from the start and left there; standard input is peeked
    at where it can be (a pipe that cannot gives ``b""``: nothing is told).
    """
    if seekable:
        binary.seek(0)
        head = binary.read(_HEAD_BYTES)
        binary.seek(0)
        return head
    peek = getattr(binary, "peek", None)
    return bytes(peek(_HEAD_BYTES)[:_HEAD_BYTES]) if peek is not None else b""


def _refuse_what_is_not_text(head: bytes, encoding: str, *, seekable: bool) -> None:
    """Raise :class:`UnreadableFileError` if *head* shows a file that is not CSV in *encoding*.

    Before any row is read, so that the message names the real cause: a
    Parquet file cut short (it starts with Parquet's magic bytes but does
    not end with them: :func:`_is_parquet` said no), Parquet on standard input,
    UTF-16 or UTF-32 text (a byte-order mark, or NUL bytes in every other or
    every fourth place) read with an 8-bit or UTF-8 encoding, a ZIP archive
    (an .xlsx or .ods workbook) or gzip data.
    """
    import codecs

    codec = codecs.lookup(encoding).name
    if head.startswith(b"PAR1") and _binary(head[4:], codec):
        if seekable:
            raise UnreadableFileError(
                "a Parquet file cut short or damaged: it starts with Parquet's magic bytes "
                "but does not end with them (a copy or download that did not finish?)"
            )
        raise UnreadableFileError(
            "a Parquet file cannot be read from standard input: give its path instead"
        )
    if head.startswith(b"PK\x03\x04"):
        raise UnreadableFileError(
            "a ZIP archive (an Excel .xlsx or an .ods workbook?), not CSV text: save the "
            "sheet as CSV (UTF-8) first"
        )
    if head.startswith(b"\x1f\x8b"):
        raise UnreadableFileError(
            "gzip-compressed data, not CSV text: decompress it first "
            "(e.g. zcat FILE | rekisteri check-ids - ...)"
        )
    wide = _wide_encoding(head)
    if wide is not None and not codec.startswith(wide[:6]):
        how = "a byte-order mark" if wide in {"utf-16", "utf-32"} else "NUL bytes between letters"
        raise UnreadableFileError(
            f"looks like {wide.upper()} text ({how}), not {encoding}: convert it to "
            f"UTF-8, or pass --encoding {wide}"
        )


def _binary(data: bytes, codec: str) -> bool:
    """Whether *data* (a file's start) cannot be CSV text in *codec*.

    It has a control character other than white space (a NUL byte, and those
    that start every Parquet page header), or does not decode.
    """
    if data.translate(None, _TEXT_CONTROLS) != data:
        return True
    import codecs

    try:
        codecs.getincrementaldecoder(codec)().decode(data)
    except UnicodeError:
        return True
    return False


def _wide_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding that *head* looks like, or ``None``.

    ``utf-32`` or ``utf-16`` with a byte-order mark (which the codec of that
    name reads); without one, ``utf-16-le``/``-be`` or ``utf-32-le``/``-be``
    from where the NUL bytes stand in text that is mostly ASCII.
    """
    if head.startswith(_UTF32_BOMS):
        return "utf-32"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    size = len(head) // 4 * 4
    if size < 8 or b"\x00" not in head:
        return None
    quarters = [head[offset:size:4].count(0) / (size // 4) for offset in range(4)]
    patterns = {
        "utf-32-le": (False, True, True, True),
        "utf-32-be": (True, True, True, False),
        "utf-16-le": (False, True, False, True),
        "utf-16-be": (True, False, True, False),
    }
    for name, nul in patterns.items():
        if all(
            (share >= 0.5) if want else (share < 0.1)
            for share, want in zip(quarters, nul, strict=True)
        ):
            return name
    return None


def _size(binary: IO[bytes]) -> int | None:
    """Return the size of a seekable file, or ``None`` (a pipe)."""
    try:
        if not binary.seekable():
            return None
        here = binary.tell()
        end = binary.seek(0, io.SEEK_END)
        binary.seek(here)
    except OSError:
        return None
    return end


COMMANDS: Final[tuple[click.Command, ...]] = (hetu_group, ytunnus_group, check_ids)
"""The commands of this module, for the ``rekisteri`` group."""


def _encoding_advice(encoding: str) -> str:
    """What to try when bytes are not valid *encoding*: not the encoding already given."""
    if codecs.lookup(encoding).name == "cp1252":
        return "check the file's encoding (try --encoding latin-1, or utf-8)"
    return "try --encoding cp1252 or latin-1"
