"""``rekisteri hetu check``, ``rekisteri ytunnus check`` and ``rekisteri check-ids``.

Verdicts on identity codes and business ids given on the command line, on
stdin, or in one column of a CSV file of any size (streamed, in chunks).
Identifiers are always shown masked (``131052-****``).
"""

from __future__ import annotations

import csv
import gc
import io
import json
import sys
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
)
from rekisteri.errors import Reason
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.identifiers._common import mask

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from datetime import date

__all__ = ["COMMANDS", "check_ids", "hetu_group", "ytunnus_group"]

#: Rows validated together; large enough to amortise the per-chunk work,
#: small enough to keep memory flat on files of any size.
CHUNK_ROWS: Final = 16_384

_KINDS: Final = ("hetu", "ytunnus")


class _Checker:
    """One identifier kind with its options."""

    def __init__(self, kind: str, *, allow_temporary: bool, today: date | None) -> None:
        self.kind = kind
        if kind == "hetu":
            self.explain_many: Callable[[Sequence[str]], list[Reason | None]] = partial(
                hetu.explain_many, allow_temporary=allow_temporary, today=today
            )
        else:
            self.explain_many = ytunnus.explain_many

    def codes(self, values: Sequence[str]) -> list[str]:
        """Return the reason code of each value, ``"valid"`` for valid ones."""
        return list(map(_REASON_CODES.__getitem__, self.explain_many(values)))


# Plain strings: formatting a StrEnum member goes through slow Enum machinery.
_REASON_CODES: Final[dict[Reason | None, str]] = {
    None: "valid",
    **{reason: reason.value for reason in Reason},
}


def _today_option() -> Decorator:
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Treat this date (YYYY-MM-DD) as today when rejecting future birth dates.",
    )


def _check_ids_command(checker: _Checker, ids: tuple[str, ...]) -> None:
    """Print a verdict per identifier; read them from stdin when none are given."""
    values: Iterable[str] = ids or (line.rstrip("\r\n") for line in sys.stdin)
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


class _Report:
    """Writes the findings of ``check-ids`` in one of the output formats."""

    def __init__(self, out: IO[str], fmt: str, *, source: str, column: str, kind: str) -> None:
        self._out = out
        self._fmt = fmt
        self._first = True
        if fmt == "csv":
            out.write("row,reason,value\r\n")
        elif fmt == "json":
            head = {"file": source, "column": column, "kind": kind}
            out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "invalid": [')

    def invalid(self, rows: list[tuple[int, str, str]]) -> None:
        """Write one finding per (row number, reason code, masked value)."""
        if self._fmt == "text":
            lines = [f"row {row}: {code}: {value or '(empty)'}\n" for row, code, value in rows]
        elif self._fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            lines = [buffer.getvalue()]
        else:
            lines = []
            for row, code, value in rows:
                item = json.dumps({"row": row, "reason": code, "value": value}, ensure_ascii=False)
                lines.append(("\n  " if self._first else ",\n  ") + item)
                self._first = False
        self._out.write("".join(lines))

    def summary(self, *, rows: int, valid: int, invalid: int, empty: int) -> None:
        """Finish the report with the counts."""
        counts = {"rows": rows, "valid": valid, "invalid": invalid, "empty_skipped": empty}
        if self._fmt == "json":
            self._out.write(f'\n], "summary": {json.dumps(counts)}}}\n')
            return
        skipped = f", {empty} empty skipped" if empty else ""
        line = f"{rows} rows checked: {valid} valid, {invalid} invalid{skipped}\n"
        if self._fmt == "csv":
            click.echo(line, err=True, nl=False)
        else:
            self._out.write(line)


def _rows(
    reader: Iterator[list[str]], width: int, *, first_row: int, line_number: Callable[[], int]
) -> Iterator[tuple[int, list[list[str]]]]:
    """Yield (number of the first row, rows) chunks; fail clearly on ragged rows."""
    row_number = first_row
    while True:
        try:
            rows = list(islice(reader, CHUNK_ROWS))
        except csv.Error as exc:
            fail(f"line {line_number()}: malformed CSV ({exc})")
        if not rows:
            return
        widths = set(map(len, rows))
        if widths != {width}:
            rows = _drop_blank_rows(rows, width, row_number)
        yield row_number, rows
        row_number += len(rows)


def _drop_blank_rows(rows: list[list[str]], width: int, first_row: int) -> list[list[str]]:
    """Keep blank rows out of the check (as empty values), or fail on a ragged row."""
    for number, row in enumerate(rows, start=first_row):
        if row and len(row) != width:
            fail(f"row {number} has {len(row)} fields but the header has {width}")
    # A blank line has no fields; give it an empty value so row numbers stay right.
    return [row or [""] * width for row in rows]


@click.command(name="check-ids", cls=Command)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--column", "-c", required=True, help="Header of the column to check.")
@click.option("--kind", "-k", type=click.Choice(_KINDS), required=True, help="Identifier kind.")
@format_option("text", "json", "csv", help_text="Output format of the report.")
@click.option("--encoding", default="utf-8-sig", show_default=True, help="Encoding of FILE.")
@click.option("--delimiter", default=",", show_default=True, help="Field delimiter of FILE.")
@click.option("--skip-empty", is_flag=True, help="Do not report empty cells as invalid.")
@click.option(
    "--allow-temporary", is_flag=True, help="hetu: accept temporary individual numbers 900-999."
)
@_today_option()
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr [default: only when stderr is a terminal].",
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
) -> None:
    """Check one column of identifiers in a CSV FILE (use - for stdin).

    The file is streamed, never loaded whole. Each invalid row is reported
    with its row number (the header is row 1), the reason and the value
    masked, followed by a summary line.
    """
    if len(delimiter) != 1:
        fail("--delimiter must be a single character")
    try:
        import codecs

        codecs.lookup(encoding)
    except LookupError:
        fail(f"unknown encoding {encoding!r}")
    checker = _Checker(kind, allow_temporary=allow_temporary, today=_as_date(today))
    try:
        binary: IO[bytes] = (
            sys.stdin.buffer if file == "-" else Path(file).open("rb")  # noqa: SIM115 - closed below
        )
    except OSError as exc:
        fail(f"cannot open {file}: {exc.strerror}")
    text = io.TextIOWrapper(binary, encoding=encoding, newline="")
    try:
        code = _check_stream(
            text,
            binary,
            source=file,
            column=column,
            checker=checker,
            fmt=fmt,
            delimiter=delimiter,
            skip_empty=skip_empty,
            progress=progress,
        )
    finally:
        if file == "-":
            text.detach()  # leave stdin open
        else:
            text.close()
    sys.exit(code)


def _check_stream(
    text: io.TextIOWrapper,
    binary: IO[bytes],
    *,
    source: str,
    column: str,
    checker: _Checker,
    fmt: str,
    delimiter: str,
    skip_empty: bool,
    progress: bool | None,
) -> int:
    encoding = text.encoding
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    index, width = _find_column(
        reader, source=source, column=column, encoding=encoding, checker=checker
    )
    pick = itemgetter(index)

    out = sys.stdout
    report = _Report(out, fmt, source=source, column=column, kind=checker.kind)
    total = valid = invalid = empty = 0
    show_progress = sys.stderr.isatty() if progress is None else progress
    size = _size(binary) if show_progress else None
    bar = (
        click.progressbar(length=size, file=sys.stderr, label="checking")
        if show_progress and size
        else None
    )
    position = 0
    # The loop makes no reference cycles, but its chunks of row lists live
    # long enough to be scanned again and again by the cyclic garbage
    # collector, which cost about a fifth of the run time. Pause it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        chunks = _rows(reader, width, first_row=2, line_number=lambda: reader.line_num)
        for first_row, rows in chunks:
            values = list(map(pick, rows))
            reasons = checker.explain_many(values)
            bad = list(compress(count(), reasons))  # a Reason is a non-empty str
            if skip_empty and bad:
                blank = [i for i in bad if not values[i].strip()]
                empty += len(blank)
                bad = [i for i in bad if values[i].strip()]
            total += len(rows)
            invalid += len(bad)
            codes = _REASON_CODES
            report.invalid(
                [
                    # mask() inlined for the common 11-character case: a function
                    # call per invalid row costs more than the masking itself
                    (first_row + i, codes[reasons[i]], f"{v[:7]}****")
                    if len(v := values[i]) == 11 and v.isprintable()
                    else (first_row + i, codes[reasons[i]], mask(v))
                    for i in bad
                ]
            )
            if bar is not None:
                now = binary.tell()
                bar.update(now - position)
                position = now
    except UnicodeDecodeError:
        fail(
            f"{source}: bytes after row {total + 1} are not valid {encoding}; "
            "try --encoding cp1252 or latin-1"
        )
    finally:
        if gc_was_enabled:
            gc.enable()
        if bar is not None:
            bar.render_finish()
    valid = total - invalid - empty
    report.summary(rows=total, valid=valid, invalid=invalid, empty=empty)
    out.flush()
    return EXIT_INVALID if invalid else EXIT_OK


def _find_column(
    reader: Iterator[list[str]], *, source: str, column: str, encoding: str, checker: _Checker
) -> tuple[int, int]:
    """Read the header; return the index of *column* and the number of columns."""
    try:
        header = next(reader)
    except StopIteration:
        fail(f"{source} is empty: expected a header row")
    except UnicodeDecodeError:
        fail(f"{source}: the header is not valid {encoding}; try --encoding cp1252")
    except csv.Error as exc:
        fail(f"{source}: malformed CSV header ({exc})")
    if header.count(column) != 1:
        if column in header:
            fail(f"column {column!r} appears more than once in the header")
        if "valid" in checker.codes(header) or any(hetu.redact(cell) != cell for cell in header):
            # No header row: listing the "names" would print a row of personal data.
            fail(
                f"column {column!r} not found: the first row of {source} holds "
                f"identifiers, not column names; add a header row"
            )
        # fail() masks henkilötunnus-shaped cells; long cells are cut short.
        names = ", ".join(repr(mask(name) if len(name) > 40 else name) for name in header[:20])
        more = f" and {len(header) - 20} more" if len(header) > 20 else ""
        fail(f"column {column!r} not found; the header has: {names}{more}")
    return header.index(column), len(header)


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
