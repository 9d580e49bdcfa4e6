"""``rekisteri retention``: plan passivation and deletion from a register's retention rules.

A thin shell over :mod:`rekisteri.retention`: every problem with the register
or the records CSV is one line on stderr and exit 2.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

import click

from rekisteri.cli._common import (
    Group,
    dump_json,
    fail_line,
    format_option,
    load_register,
    one_line,
    quoted,
    safe_text,
    today_option,
)
from rekisteri.errors import RekisteriError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rekisteri.retention import Action, Record

__all__ = ["COMMANDS", "retention_group"]


retention_group = Group(
    name="retention", help="Plan passivation and deletion from a register's retention rules."
)


_FLAGS: Final = {"1", "true", "yes", "x"}
_NOT_FLAGS: Final = {"", "0", "false", "no"}
_PLAIN_COLUMNS: Final = ("id", "category", "legal_hold", "marketing_prohibition", "passive")
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _flag(value: str | None, column: str) -> bool:
    text = (value or "").strip().lower()
    if text in _FLAGS:
        return True
    if text in _NOT_FLAGS:
        return False
    msg = f"{column}: expected 1, true, yes or x (or 0, false, no or empty), not {quoted(text)}"
    raise ValueError(msg)


def _day(value: str, column: str) -> date:
    text = value.strip()
    try:
        if _ISO_DAY.fullmatch(text) is None:
            raise ValueError  # noqa: TRY301 - one message for both
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{column}: expected a date as YYYY-MM-DD, not {quoted(text)}"
        raise ValueError(msg) from None


def _check_columns(path: Path, header: Sequence[str] | None, triggers: Sequence[str]) -> None:
    known = (*_PLAIN_COLUMNS, *triggers)
    if not header:
        fail_line(f"{path}: no header line; expected the columns id, category and triggers")
    unknown = [c for c in header if c not in known]
    if unknown:
        fail_line(
            f"{path}: unknown column(s) {', '.join(map(repr, unknown))}; expected"
            f" {', '.join(known)}"
        )
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        fail_line(f"{path}: column(s) given twice: {', '.join(repeated)}")
    missing = [c for c in ("id", "category") if c not in header]
    if missing:
        fail_line(f"{path}: missing column(s) {', '.join(missing)}")


def _open_text(path: Path) -> TextIO:
    """*path* as UTF-8 text (BOM or not) for the csv module; ``-`` is standard input."""
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


#: The longest line of a records CSV read (a file without line ends cannot fill the memory).
RECORDS_LINE_LIMIT: Final = 1 << 20


def _bounded_lines(handle: TextIO, path: Path) -> Iterator[str]:
    """The lines of *handle*, refusing one longer than :data:`RECORDS_LINE_LIMIT`."""
    while line := handle.readline(RECORDS_LINE_LIMIT + 1):
        if len(line) > RECORDS_LINE_LIMIT:
            fail_line(f"{path}: a line over {RECORDS_LINE_LIMIT:,} characters (not a CSV file?)")
        yield line


def _read_records(path: Path) -> Iterator[Record]:
    """The records of the CSV of ``retention plan``, one at a time, as the file is read.

    Every problem exits 2 on one line, when its line is reached.
    """
    from rekisteri.model import RetentionTrigger
    from rekisteri.retention import Record

    triggers = {t.value: t for t in RetentionTrigger}
    reader = None
    try:
        with _open_text(path) as handle:
            reader = csv.DictReader(_bounded_lines(handle, path))
            _check_columns(path, reader.fieldnames, tuple(triggers))
            for row in reader:
                where = f"{path}: line {reader.line_num}"
                if None in row:
                    fail_line(f"{where}: more fields than the header has columns")
                try:
                    record = Record(
                        id=row.get("id") or "",
                        category=(row.get("category") or "").strip(),
                        dates={
                            triggers[k]: _day(v, k)
                            for k, v in row.items()
                            if k in triggers and v and v.strip()
                        },
                        legal_hold=(row.get("legal_hold") or "").strip() or None,
                        marketing_prohibition=_flag(
                            row.get("marketing_prohibition"), "marketing_prohibition"
                        ),
                        passive=_flag(row.get("passive"), "passive"),
                    )
                except (RekisteriError, ValueError) as exc:
                    fail_line(f"{where}: {exc}")
                yield record
    except OSError as exc:
        fail_line(f"cannot read {path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        fail_line(f"{path}: not UTF-8 text")
    except csv.Error as exc:
        # DictReader's own line_num is set after a row is read whole; the csv
        # reader under it has counted the line it failed on
        line = f": line {reader.reader.line_num}" if reader is not None else ""
        fail_line(f"{path}{line}: not a readable CSV file ({exc})")


#: Output held in memory before it goes to a temporary file (it is printed once the
#: whole CSV has been read: an error in its last line leaves standard output empty).
_HELD_OUTPUT_BYTES: Final = 8 << 20


def _action_line(action: Action) -> str:
    until = action.until.isoformat() if action.until is not None else "-"
    fields = (action.record.id, action.kind.value, action.basis.value, until, action.reason)
    return "\t".join(map(one_line, fields))


def _action_json(action: Action) -> str:
    """One action as the JSON object of the ``actions`` list (masked as dump_json masks)."""
    return dump_json(
        {
            "id": action.record.id,
            "action": action.kind.value,
            "basis": action.basis.value,
            "until": action.until.isoformat() if action.until is not None else None,
            "reason": action.reason,
        }
    )


@retention_group.command(name="plan")
@click.argument("register", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.argument("records", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@today_option("The day to plan for (YYYY-MM-DD).", required=True)
@format_option("text", "json", help_text="text: tab-separated lines; json: one document.")
def retention_plan(*, register: Path, records: Path, today: datetime, fmt: str) -> None:
    """Print what to do with each record of RECORDS (a CSV) under REGISTER's rules.

    RECORDS has the columns id and category, a column per retention trigger
    that applies (e.g. end_of_customer_relationship, end_of_financial_year)
    holding a date (YYYY-MM-DD), and optionally legal_hold (the reason),
    marketing_prohibition and passive (1/true/yes/x, or 0/false/no/empty).
    Any other column is an error. Output: one tab-separated line per record:
    id, action, basis, keep-until, reason. Either file may be - (standard
    input), not both.
    """
    from rekisteri.calendar import CalendarRangeError, check_day
    from rekisteri.retention import iter_plan

    if str(register) == "-" and str(records) == "-":
        fail_line("REGISTER and RECORDS cannot both be - (standard input)")
    try:
        day = check_day(today.date(), "--today")
    except CalendarRangeError as exc:
        fail_line(str(exc))
    loaded = load_register(register, brief=True)
    # The records stream through the plan, one at a time; the output is held (in a
    # temporary file past _HELD_OUTPUT_BYTES) until the last line of the CSV is read.
    with tempfile.SpooledTemporaryFile(_HELD_OUTPUT_BYTES, mode="w+", encoding="utf-8") as held:
        try:
            actions = iter_plan(_read_records(records), loaded, today=day)
            if fmt == "json":
                held.write(dump_json({"today": day.isoformat(), "actions": []})[:-2])
                for index, action in enumerate(actions):
                    held.write(", " if index else "")
                    held.write(_action_json(action))
                held.write("]}")
            else:
                for action in actions:
                    held.write(safe_text(_action_line(action)))
                    held.write("\n")
        except RekisteriError as exc:
            fail_line(str(exc))
        held.seek(0)
        while chunk := held.read(_HELD_OUTPUT_BYTES):  # masked and escaped already
            click.echo(chunk, nl=False)
        if fmt == "json":
            click.echo("")


COMMANDS: Final[tuple[click.Command, ...]] = (retention_group,)
"""The commands of this module, for the ``rekisteri`` group."""
