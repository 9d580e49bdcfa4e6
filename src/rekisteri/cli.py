"""The ``rekisteri`` command-line tool (a thin shell over the library).

Exit codes are the same for every command: 0 when everything checked is
valid, 1 when something is invalid, 2 for a usage or file error. Identifiers
are always shown masked (``131052-****``): the tool never prints a full
henkilötunnus, not even a valid one.
"""

from __future__ import annotations

import csv
import errno
import gc
import io
import json
import os
import sys
from contextlib import contextmanager
from functools import partial
from itertools import compress, count, islice
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, NoReturn

import click

from rekisteri.consent import EventKind
from rekisteri.errors import InvalidValueError, Reason, RekisteriError
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.identifiers._common import mask

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from datetime import date, datetime

    from rekisteri.model import Purpose, Register
    from rekisteri.store import ConsentStore

__all__ = ["cli", "main"]

#: Rows validated together; large enough to amortise the per-chunk work,
#: small enough to keep memory flat on files of any size.
CHUNK_ROWS: Final = 16_384

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_ERROR: Final = 2

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


def _mask_hetus(text: str) -> str:
    """Return *text* with every henkilötunnus-shaped run masked (``131052-****``)."""
    return hetu.redact(text)


def _fail(message: str) -> NoReturn:
    """Print a clear error (never a traceback) and exit with code 2.

    Anything shaped like a henkilötunnus is masked: a message may quote a
    value from a file or a library error (an unknown key, a header cell).
    """
    click.echo(f"rekisteri: error: {_mask_hetus(message)}", err=True)
    sys.exit(EXIT_ERROR)


def _load_register(path: Path) -> Register:
    """Load a register as ``rekisteri validate`` does, or list why not and exit 2."""
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import load_register

    try:
        return load_register(path)
    except InvalidDocumentError as exc:
        # Masked as _fail masks: the problems quote no values, but the path may.
        lines = [f"rekisteri: error: {path}: {len(exc.problems)} problem(s)"]
        lines += [f"  {problem}" for problem in exc.problems]
        click.echo(_mask_hetus("\n".join(lines)), err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")


def _today_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Treat this date (YYYY-MM-DD) as today when rejecting future birth dates.",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rekisteri")
def cli() -> None:
    """Work with Finnish personal-data registers.

    Identifiers are always printed masked. Exit codes: 0 all valid,
    1 something invalid, 2 usage or file error.
    """


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


@cli.group(name="hetu")
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


@cli.group(name="ytunnus")
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
            _fail(f"line {line_number()}: malformed CSV ({exc})")
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
            _fail(f"row {number} has {len(row)} fields but the header has {width}")
    # A blank line has no fields; give it an empty value so row numbers stay right.
    return [row or [""] * width for row in rows]


@cli.command(name="check-ids")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--column", "-c", required=True, help="Header of the column to check.")
@click.option("--kind", "-k", type=click.Choice(_KINDS), required=True, help="Identifier kind.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format of the report.",
)
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
        _fail("--delimiter must be a single character")
    try:
        import codecs

        codecs.lookup(encoding)
    except LookupError:
        _fail(f"unknown encoding {encoding!r}")
    checker = _Checker(kind, allow_temporary=allow_temporary, today=_as_date(today))
    try:
        binary: IO[bytes] = (
            sys.stdin.buffer if file == "-" else Path(file).open("rb")  # noqa: SIM115 - closed below
        )
    except OSError as exc:
        _fail(f"cannot open {file}: {exc.strerror}")
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
        _fail(
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
        _fail(f"{source} is empty: expected a header row")
    except UnicodeDecodeError:
        _fail(f"{source}: the header is not valid {encoding}; try --encoding cp1252")
    except csv.Error as exc:
        _fail(f"{source}: malformed CSV header ({exc})")
    if header.count(column) != 1:
        if column in header:
            _fail(f"column {column!r} appears more than once in the header")
        if "valid" in checker.codes(header) or any(hetu.redact(cell) != cell for cell in header):
            # No header row: listing the "names" would print a row of personal data.
            _fail(
                f"column {column!r} not found: the first row of {source} holds "
                f"identifiers, not column names; add a header row"
            )
        # _fail masks henkilötunnus-shaped cells; long cells are cut short.
        names = ", ".join(repr(mask(name) if len(name) > 40 else name) for name in header[:20])
        more = f" and {len(header) - 20} more" if len(header) > 20 else ""
        _fail(f"column {column!r} not found; the header has: {names}{more}")
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


@cli.command(name="schema")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema (2020-12) of register documents."""
    from rekisteri.serialize import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")


@cli.command(name="validate")
@click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def validate_register(register: Path, fmt: str) -> None:
    """Check that REGISTER (.toml or .json) is a valid register document.

    Prints every problem with its path and exits 1 if there are any.
    """
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import load_register

    try:
        loaded = load_register(register)
    except InvalidDocumentError as exc:
        if fmt == "json":
            click.echo(
                json.dumps({"valid": False, "problems": list(exc.problems)}, ensure_ascii=False)
            )
        else:
            lines = [f"{register}: {len(exc.problems)} problem(s)"]
            lines += [f"  {problem}" for problem in exc.problems]
            click.echo(_mask_hetus("\n".join(lines)))
        sys.exit(EXIT_INVALID)
    except OSError as exc:
        _fail(f"cannot read {register}: {exc.strerror}")
    if fmt == "json":
        click.echo(json.dumps({"valid": True, "problems": []}))
    else:
        name = loaded.name.fi if loaded.name is not None else loaded.controller.name
        summary = f"{register}: valid register ({name}; {len(loaded.purposes)} purposes)"
        click.echo(_mask_hetus(summary))
    sys.exit(EXIT_OK)


# --- rekisteri consent ------------------------------------------------------------

#: The environment variable that holds the store's secret for henkilötunnus
#: subjects. Never a command-line option: it would land in the shell history.
SECRET_VARIABLE: Final = "REKISTERI_SECRET"  # noqa: S105 - a name, not a secret


def _one_line(message: str) -> str:
    """Fold a (possibly multi-line) error message onto one line."""
    return " ".join(message.split())


def _shown(subject: str) -> str:
    """The subject for display, masked if it may be a henkilötunnus (six digits in a row)."""
    if any(len(run) >= 6 for run in "".join(c if c.isdigit() else " " for c in subject).split()):
        return mask(subject)
    return subject if subject.isprintable() else mask(subject)


def _consent_fail(exc: BaseException, subject: str | None = None) -> NoReturn:
    """Report a typed error on one line, with any subject masked, and exit 2."""
    message = _one_line(str(exc))
    if subject:
        message = message.replace(subject, _shown(subject))
    if message.startswith("subject: a henkilötunnus needs"):
        message = f"subject: a henkilötunnus needs a secret: set {SECRET_VARIABLE}"
    _fail(message)


def _aware_datetime(value: str | None, option: str) -> datetime:
    """Parse an ISO 8601 date-time with a time zone; ``None`` means now."""
    from datetime import UTC, datetime

    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        _fail(f"{option}: expected an ISO 8601 date-time, e.g. 2026-01-05T12:00+02:00")
    if parsed.utcoffset() is None:
        _fail(f"{option}: give a time zone, e.g. 2026-01-05T12:00+02:00 or 2026-01-05T10:00Z")
    return parsed


@contextmanager
def _open_store(
    db: Path, *, purposes: Path | None = None, must_exist: bool = True
) -> Iterator[ConsentStore]:
    """Open the SQLite consent store at *db*, failing cleanly (exit 2)."""
    import sqlite3

    from rekisteri.store.sqlite import SQLiteStore

    if must_exist and not db.is_file():
        _fail(f"{db}: no such consent database")
    known: tuple[Purpose, ...] = ()
    if purposes is not None:
        from rekisteri.serialize import load_register

        try:
            known = load_register(purposes).purposes
        except OSError as exc:
            _fail(f"cannot read {purposes}: {exc.strerror}")
        except RekisteriError as exc:
            _fail(f"{purposes}: {_one_line(str(exc))}")
    secret = os.environ.get(SECRET_VARIABLE)
    try:
        store = SQLiteStore(
            db,
            purposes=known,
            secret=secret.encode("utf-8") if secret else None,
            # Reading commands never turn another file into a store.
            create=not must_exist,
        )
    except InvalidValueError as exc:
        if str(exc).startswith("store:"):
            _fail(f"{db}: {str(exc).removeprefix('store: ')}")
        _consent_fail(exc)
    except RekisteriError as exc:
        _consent_fail(exc)
    except (OSError, sqlite3.Error) as exc:
        _fail(f"cannot open {db}: {_one_line(str(exc))}")
    try:
        yield store
    except sqlite3.Error as exc:
        _fail(f"{db}: {_one_line(str(exc))}")
    finally:
        store.close()


def _db_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--db",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="The SQLite consent database.",
    )


def _subject_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--subject",
        required=True,
        help="The data subject: your own id, or a henkilötunnus (needs REKISTERI_SECRET).",
    )


def _purposes_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--purposes",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        envvar="REKISTERI_PURPOSES",
        show_envvar=True,
        help="A register file (.toml/.json): the purposes the store knows.",
    )


def _at_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option("--at", "at", default=None, metavar="ISO-DATETIME", help=help_text)


@cli.group(name="consent")
def consent_group() -> None:
    """Record and check consent and direct-marketing prohibitions.

    Events go into an append-only SQLite ledger (--db). Subjects that are a
    henkilötunnus are stored only as a keyed hash; set the key in the
    REKISTERI_SECRET environment variable.
    """


@consent_group.command(name="record")
@_db_option()
@_subject_option()
@click.option("--purpose", default=None, help="The purpose key (not needed for prohibitions).")
@click.option(
    "--event",
    "kind",
    required=True,
    type=click.Choice([kind.value for kind in EventKind]),
    help="What happened.",
)
@_at_option("When it happened, with a time zone [default: now].")
@click.option("--channel", default=None, help="How it arrived, e.g. web-form.")
@click.option("--evidence", default=None, help="What was shown or signed.")
@click.option("--actor", default=None, help="Who acted, e.g. subject or guardian.")
@click.option("--by-guardian", is_flag=True, help="Given by the holder of parental responsibility.")
@click.option(
    "--valid-until",
    default=None,
    metavar="ISO-DATETIME",
    help="For give and renew: when the consent expires.",
)
@_purposes_option()
def consent_record(
    *,
    db: Path,
    subject: str,
    purpose: str | None,
    kind: str,
    at: str | None,
    channel: str | None,
    evidence: str | None,
    actor: str | None,
    by_guardian: bool,
    valid_until: str | None,
    purposes: Path | None,
) -> None:
    """Record one consent or prohibition event.

    Consent events need --purpose and a --purposes register that has it;
    the prohibition events (prohibit_direct_marketing, lift_prohibition) are
    about the person and need neither.
    """
    from rekisteri.consent import ConsentEvent

    if purpose is None:
        if not EventKind(kind).is_prohibition:
            _fail(f"--purpose is required for a {kind} event")
        purpose = "*"
    moment = _aware_datetime(at, "--at")
    until = _aware_datetime(valid_until, "--valid-until") if valid_until is not None else None
    try:
        event = ConsentEvent(
            subject=subject,
            purpose=purpose,
            kind=kind,
            at=moment,
            channel=channel,
            evidence=evidence,
            actor=actor,
            valid_until=until,
            by_guardian=by_guardian,
        )
    except RekisteriError as exc:
        _consent_fail(exc, subject)
    with _open_store(db, purposes=purposes, must_exist=False) as store:
        try:
            store.append([event])
        except RekisteriError as exc:
            _consent_fail(exc, subject)
    click.echo(f"recorded {kind} of {purpose} for {_shown(subject)} at {moment.isoformat()}")


@consent_group.command(name="status")
@_db_option()
@_subject_option()
@click.option("--purpose", required=True, help="The purpose key.")
@_at_option("The moment to decide for, with a time zone [default: now].")
@_purposes_option()
def consent_status(
    *, db: Path, subject: str, purpose: str, at: str | None, purposes: Path | None
) -> None:
    """Say whether the purpose may be processed for the subject now, and why.

    The purpose must be in the --purposes register, which says whether it is
    direct marketing. Exit 0 if processing is allowed, 1 if it is not.
    """
    moment = _aware_datetime(at, "--at")
    with _open_store(db, purposes=purposes) as store:
        try:
            decision = store.may_process(subject, purpose, at=moment)
        except RekisteriError as exc:
            _consent_fail(exc, subject)
    verdict = "allowed" if decision.allowed else "not allowed"
    status = decision.status.value if decision.status is not None else "none"
    click.echo(
        f"{_shown(subject)}\t{purpose}\t{verdict}: {decision.reason.value} (status: {status})"
    )
    sys.exit(EXIT_OK if decision.allowed else EXIT_INVALID)


@consent_group.command(name="history")
@_db_option()
@_subject_option()
def consent_history(*, db: Path, subject: str) -> None:
    """List every event of SUBJECT, oldest first."""
    with _open_store(db) as store:
        try:
            events = store.history(subject)
        except RekisteriError as exc:
            _consent_fail(exc, subject)
    for event in events:
        extras = [
            f"{name}={value}"
            for name, value in (
                ("channel", event.channel),
                ("evidence", event.evidence),
                ("actor", event.actor),
                ("valid_until", event.valid_until.isoformat() if event.valid_until else None),
                ("by_guardian", "yes" if event.by_guardian else None),
            )
            if value is not None
        ]
        fields = [event.at.isoformat(), event.purpose, event.kind.value, *extras]
        click.echo("\t".join(fields))
    click.echo(f"{len(events)} event(s) for {_shown(subject)}", err=True)


@consent_group.command(name="verify")
@_db_option()
def consent_verify(*, db: Path) -> None:
    """Check the hash chain of the whole ledger.

    Exit 0 if it is intact, 1 if any row was edited, removed or moved.
    """
    with _open_store(db) as store:
        try:
            result = store.verify()
        except RekisteriError as exc:
            _consent_fail(exc)
    if result.ok:
        click.echo(f"{db}: ok ({result.events} events)")
        sys.exit(EXIT_OK)
    click.echo(f"{db}: {len(result.problems)} problem(s) in {result.events} events")
    for problem in result.problems:
        click.echo(f"  seq {problem.seq}: {problem.kind}: {_one_line(problem.message)}")
    sys.exit(EXIT_INVALID)


@consent_group.command(name="export")
@_db_option()
@_subject_option()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
def consent_export(*, db: Path, subject: str, output: Path | None) -> None:
    """Print SUBJECT's history as a JSON document (right of access, Art 15)."""
    with _open_store(db) as store:
        try:
            document = store.export(subject)
        except RekisteriError as exc:
            _consent_fail(exc, subject)
    if output is None:
        click.echo(document.decode("utf-8").rstrip("\n"))
        return
    try:
        output.write_bytes(document)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")


# --- Command groups that live in their own modules -------------------------
# Each feature registers its commands here, one block per module, so that the
# modules stay independent. Keep the imports below the definition of `cli`.
from rekisteri._cli_requests import requests_group, retention_group  # noqa: E402

cli.add_command(requests_group)
cli.add_command(retention_group)

from rekisteri._cli_render import record, render  # noqa: E402

cli.add_command(render)
cli.add_command(record)

from rekisteri._cli_lint import jsonld_command, lint_command  # noqa: E402

cli.add_command(lint_command)
cli.add_command(jsonld_command)

from rekisteri._cli_import import import_command  # noqa: E402

cli.add_command(import_command)
# --- end of command groups ---------------------------------------------------


class _ClosedStream(io.RawIOBase):
    """Stands in for a standard stream that the shell closed (``<&-``, ``>&-``).

    Python sets ``sys.stdin``/``sys.stdout`` to ``None`` then; click would
    drop all output silently (exit 0) and reading would crash. Every read or
    write here raises a clear ``OSError`` instead, which :func:`main` reports.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self.discard = False  # set once the error has been reported

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: object) -> int:  # noqa: ARG002 - nothing is read
        raise OSError(errno.EBADF, f"standard {self._name} is closed")

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override] # any buffer
        if self.discard:
            return memoryview(data).nbytes
        raise OSError(errno.EBADF, f"standard {self._name} is closed")


def _replace_closed_streams() -> None:
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_ClosedStream("input")))
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedStream("output")))


def _discard_stdout() -> None:
    """Drop what could not be written, so that the flush at exit does not fail again."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, _ClosedStream):
        raw.discard = True
        return
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return
    with open(os.devnull, "wb") as sink:  # noqa: PTH123 - only its file descriptor is used
        os.dup2(sink.fileno(), fd)


def main() -> None:
    """Run the command-line tool (the ``rekisteri`` entry point)."""
    _replace_closed_streams()
    try:
        cli(prog_name="rekisteri")
    except RekisteriError as exc:  # a library error that a command did not expect
        _fail(str(exc))
    except OSError as exc:  # standard output on a full disk, a closed stream
        _discard_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}")
