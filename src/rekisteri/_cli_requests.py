"""The ``rekisteri requests`` and ``rekisteri retention`` command groups.

Registered in :mod:`rekisteri.cli`; a thin shell over :mod:`rekisteri.requests`,
:mod:`rekisteri.store` and :mod:`rekisteri.retention`.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import click

from rekisteri.cli import (
    EXIT_INVALID,
    EXIT_OK,
    SECRET_VARIABLE,
    _aware_datetime,
    _consent_fail,
    _fail,
    _one_line,
    _shown,
)
from rekisteri.errors import RekisteriError
from rekisteri.identifiers import hetu

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rekisteri.requests import DataSubjectRequest
    from rekisteri.retention import Record
    from rekisteri.store.sqlite import SQLiteStore

__all__ = ["requests_group", "retention_group"]

_EVENT_KINDS: Final = (
    "receive",
    "acknowledge",
    "require_action",
    "perform_action",
    "accept",
    "extend",
    "reject",
    "fulfil",
    "close_unfulfilled",
)
_HMAC_SHOWN: Final = 20  # "hmac-sha256:" and 8 hex digits


def _masked(text: str) -> str:
    """*text* with every henkilötunnus-shaped part masked: output never shows one."""
    return hetu.redact(text)


def _echo(line: str, *, err: bool = False) -> None:
    shown = "".join(c if c.isprintable() or c == "\t" else "?" for c in line)
    click.echo(_masked(shown), err=err)


def _error(message: str) -> NoReturn:
    """Like ``rekisteri.cli._fail`` (one line, exit 2), with henkilötunnus masked."""
    _fail(_masked(_one_line(message)))


def _subject_shown(subject: str) -> str:
    """A stored subject reference for display: the HMAC shortened, an id masked if need be."""
    if subject.startswith("hmac-sha256:"):
        return subject[:_HMAC_SHOWN] + "…"
    return _shown(subject)


class _OneLineCommand(click.Command):
    """A command whose usage errors are one line and exit 2, like every other error.

    Bad option values, a directory given as a file, a missing option.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            _error(exc.format_message())


@contextmanager
def _open_store(db: Path, *, must_exist: bool = True) -> Iterator[SQLiteStore]:
    """Open the SQLite store at *db* for requests, failing cleanly (exit 2)."""
    import sqlite3

    from rekisteri.store.sqlite import SQLiteStore

    if db.is_dir():
        _error(f"{db}: is a directory, not a database")
    if must_exist and not db.is_file():
        _error(f"{db}: no such database")
    secret = os.environ.get(SECRET_VARIABLE)
    try:
        store = SQLiteStore(db, secret=secret.encode("utf-8") if secret else None)
    except RekisteriError as exc:
        _consent_fail(exc)
    except (OSError, sqlite3.Error) as exc:
        _error(f"cannot open {db}: {exc}")
    try:
        yield store
    except sqlite3.Error as exc:
        _error(f"{db}: {exc}")
    finally:
        store.close()


_db = click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The SQLite database (the same file as the consent store).",
)
_at = click.option(
    "--at", "at", default=None, metavar="ISO-DATETIME", help="The moment [default: now]."
)


requests_group: click.Group = click.Group(
    name="requests",
    help="""Record data-subject requests and watch their deadlines (GDPR Art 12(3)).

    Events go into an append-only, hash-chained ledger in the SQLite file
    (--db). Subjects that are a henkilötunnus are stored only as a keyed hash;
    set the key in the REKISTERI_SECRET environment variable.
    """,
)


@requests_group.command(name="record", cls=_OneLineCommand)
@_db
@click.option("--request", "request_id", required=True, help="Your id of the request.")
@click.option("--subject", required=True, help="The data subject: your id or a henkilötunnus.")
@click.option(
    "--event", "kind", required=True, type=click.Choice(_EVENT_KINDS), help="What happened."
)
@_at
@click.option("--right", default=None, help="For receive: access, erasure, object, …")
@click.option("--channel", default=None, help="For receive: how it arrived, e.g. email.")
@click.option(
    "--identity",
    default=None,
    type=click.Choice(["not_verified", "not_needed", "requested", "verified", "failed"]),
    help="Where the verification of identity stands now.",
)
@click.option("--extension-months", type=int, default=None, help="For extend: 1 or 2.")
@click.option(
    "--ground",
    default=None,
    type=click.Choice(
        ["manifestly_unfounded", "excessive", "identity_not_established", "exemption"]
    ),
    help="For reject: the ground of the refusal.",
)
@click.option("--reason", default=None, help="For extend and reject: why (told to the subject).")
@click.option("--notes", default=None, help="A note for the file.")
@click.option("--actor", default=None, help="Who acted.")
def requests_record(
    *,
    db: Path,
    request_id: str,
    subject: str,
    kind: str,
    at: str | None,
    right: str | None,
    channel: str | None,
    identity: str | None,
    extension_months: int | None,
    ground: str | None,
    reason: str | None,
    notes: str | None,
    actor: str | None,
) -> None:
    """Record one event of a request; illegal steps are refused and nothing is stored."""
    from rekisteri.requests import RequestEvent

    moment = _aware_datetime(at, "--at")
    try:
        event = RequestEvent(
            request_id=request_id,
            subject=subject,
            kind=kind,
            at=moment,
            right=right,
            channel=channel,
            identity=identity,
            extension_months=extension_months,
            ground=ground,
            reason=reason,
            notes=notes,
            actor=actor,
        )
    except RekisteriError as exc:
        _consent_fail(exc, subject)
    with _open_store(db, must_exist=kind != "receive") as store:
        if kind != "receive" and store.request(request_id) is None:
            _error(f"no request {request_id!r}: record its receive event first")
        try:
            store.append_requests([event])
            request = store.request(request_id)
        except RekisteriError as exc:
            _consent_fail(exc, subject)
    assert request is not None
    _echo(
        f"{request_id}\t{request.status.value}\tdue {request.deadline.due.isoformat()}"
        f"\t({_shown(subject)})"
    )
    if kind == "reject" and request.refused_late:
        _echo(f"rekisteri: warning: {_late_refusal(request)}", err=True)


def _first_month_due(request: DataSubjectRequest) -> date:
    from rekisteri.requests import response_deadline

    return response_deadline(request.received_at).due


def _late_refusal(request: DataSubjectRequest) -> str:
    return (
        f"{request.request_id}: refused after the first month, which ended on"
        f" {_first_month_due(request).isoformat()}; Art 12(4) requires the reasons within"
        " one month of receipt"
    )


def _line(request: DataSubjectRequest, at: datetime) -> str:
    if not request.is_open:
        state = "closed, refused late" if request.refused_late else "closed"
    elif request.deadline.is_overdue(at):
        state = "OVERDUE"
    else:
        from zoneinfo import ZoneInfo

        today = at.astimezone(ZoneInfo("Europe/Helsinki")).date()  # the zone of the deadlines
        left = (request.deadline.due - today).days
        state = f"{left} days left"
    return "\t".join(
        (
            request.request_id,
            request.right.value,
            request.status.value,
            request.deadline.due.isoformat(),
            state,
            _subject_shown(request.subject),
        )
    )


@requests_group.command(name="list", cls=_OneLineCommand)
@_db
@click.option(
    "--due", "due", type=click.IntRange(min=0), default=None, help="Only those due within DAYS."
)
@click.option("--overdue", is_flag=True, help="Only overdue requests.")
@click.option("--all", "show_all", is_flag=True, help="Closed requests too.")
@_at
def requests_list(
    *, db: Path, due: int | None, overdue: bool, show_all: bool, at: str | None
) -> None:
    """List requests with their due dates: open ones by default.

    With --due and --overdue both, the overdue requests and those due within
    DAYS are listed. Exit 1 if any request listed is overdue.
    """
    from rekisteri.requests import due_within
    from rekisteri.requests import overdue as overdue_requests

    moment = _aware_datetime(at, "--at")
    with _open_store(db) as store:
        try:
            if due is None and not overdue:
                found = store.requests(only_open=not show_all)
            else:
                found = overdue_requests(store, at=moment) if overdue else []
                if due is not None:
                    found += due_within(store, due, at=moment)
        except RekisteriError as exc:
            _consent_fail(exc)
    for request in found:
        _echo(_line(request, moment))
    late = any(r.is_overdue(moment) for r in found)
    sys.exit(EXIT_INVALID if late else EXIT_OK)


@requests_group.command(name="show", cls=_OneLineCommand)
@_db
@click.argument("request_id")
def requests_show(*, db: Path, request_id: str) -> None:
    """Show one request and its events."""
    with _open_store(db) as store:
        request = store.request(request_id)
    if request is None:
        _error(f"no request {request_id!r}")
    deadline = request.deadline
    _echo(f"request:   {request.request_id}")
    _echo(f"subject:   {_subject_shown(request.subject)}")
    _echo(f"right:     {request.right.value} (Art {request.right.article})")
    _echo(f"received:  {request.received_at.isoformat()}")
    _echo(f"status:    {request.status.value} ({request.status.dpv})")
    _echo(f"identity:  {request.identity.value}")
    _echo(f"due:       {deadline.due.isoformat()} ({deadline.months} month(s))")
    if request.extension_reason is not None:
        _echo(f"extended:  {_one_line(request.extension_reason)}")
    if request.refusal_ground is not None:
        _echo(
            f"refused:   {request.refusal_ground.value}: {_one_line(request.refusal_reason or '')}"
        )
    if request.refused_late:
        _echo(f"LATE:      {_late_refusal(request)}")
    for event in request.events:
        extras = [
            f"{name}={value}"
            for name, value in (
                ("channel", event.channel),
                ("identity", event.identity),
                ("months", event.extension_months),
                ("reason", event.reason),
                ("notes", event.notes),
                ("actor", event.actor),
            )
            if value is not None
        ]
        _echo("\t".join([event.at.isoformat(), event.kind.value, *map(_one_line, extras)]))


@requests_group.command(name="deadline", cls=_OneLineCommand)
@click.argument("received")
@click.option("--extension", type=int, default=0, show_default=True, help="0, 1 or 2 months.")
@click.option("--chained", is_flag=True, help="Count the extension from the end of month one.")
@click.option(
    "--eves", is_flag=True, help="Count juhannusaatto and jouluaatto as holidays (law 150/1930)."
)
def requests_deadline(*, received: str, extension: int, chained: bool, eves: bool) -> None:
    """Print the response deadline of a request received on RECEIVED.

    RECEIVED is a date (2026-01-31) or an ISO date-time with a time zone;
    the deadline is counted in Europe/Helsinki with Finnish holidays.
    """
    from rekisteri.requests import ExtensionRule, FinnishHolidays, response_deadline

    when: date | datetime
    try:
        when = (
            date.fromisoformat(received)
            if len(received) == 10
            else datetime.fromisoformat(received)
        )
    except ValueError:
        _error("RECEIVED: expected a date such as 2026-01-31 or an ISO date-time with a zone")
    rule = ExtensionRule.CHAINED if chained else ExtensionRule.FROM_RECEIPT
    try:
        deadline = response_deadline(
            when, extension_months=extension, holidays=FinnishHolidays(eves=eves), rule=rule
        )
    except RekisteriError as exc:
        _error(str(exc))
    moved = "" if deadline.unrolled == deadline.due else f" (moved from {deadline.unrolled})"
    click.echo(f"{deadline.due.isoformat()}{moved}")


@requests_group.command(name="verify", cls=_OneLineCommand)
@_db
def requests_verify(*, db: Path) -> None:
    """Check the request ledger's hash chain. Exit 1 if anything was tampered with."""
    with _open_store(db) as store:
        result = store.verify_requests()
    for problem in result.problems:
        _echo(f"{problem.seq}\t{problem.kind}\t{problem.message}")
    click.echo(f"{result.events} request events checked: {'ok' if result.ok else 'NOT OK'}")
    sys.exit(EXIT_OK if result.ok else EXIT_INVALID)


# --- rekisteri retention ------------------------------------------------------------


retention_group: click.Group = click.Group(
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
    msg = f"{column}: expected 1, true, yes or x (or 0, false, no or empty), not {text!r}"
    raise ValueError(msg)


def _day(value: str, column: str) -> date:
    text = value.strip()
    try:
        if _ISO_DAY.fullmatch(text) is None:
            raise ValueError  # noqa: TRY301 - one message for both
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{column}: expected a date as YYYY-MM-DD, not {text!r}"
        raise ValueError(msg) from None


def _check_columns(path: Path, header: Sequence[str] | None, triggers: Sequence[str]) -> None:
    known = (*_PLAIN_COLUMNS, *triggers)
    if not header:
        _error(f"{path}: no header line; expected the columns id, category and triggers")
    unknown = [c for c in header if c not in known]
    if unknown:
        _error(
            f"{path}: unknown column(s) {', '.join(map(repr, unknown))}; expected"
            f" {', '.join(known)}"
        )
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        _error(f"{path}: column(s) given twice: {', '.join(repeated)}")
    missing = [c for c in ("id", "category") if c not in header]
    if missing:
        _error(f"{path}: missing column(s) {', '.join(missing)}")


def _read_records(path: Path) -> list[Record]:
    """Read the records CSV of ``retention plan``; every problem exits 2 on one line."""
    from rekisteri.model import RetentionTrigger
    from rekisteri.retention import Record

    triggers = {t.value: t for t in RetentionTrigger}
    rows: list[Record] = []
    reader = None
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            _check_columns(path, reader.fieldnames, tuple(triggers))
            for row in reader:
                where = f"{path}: line {reader.line_num}"
                if None in row:
                    _error(f"{where}: more fields than the header has columns")
                try:
                    rows.append(
                        Record(
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
                    )
                except (RekisteriError, ValueError) as exc:
                    _error(f"{where}: {exc}")
    except OSError as exc:
        _error(f"cannot read {path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        _error(f"{path}: not UTF-8 text")
    except csv.Error as exc:
        line = f": line {reader.line_num}" if reader is not None else ""
        _error(f"{path}{line}: not a readable CSV file ({exc})")
    return rows


@retention_group.command(name="plan", cls=_OneLineCommand)
@click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("records", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    required=True,
    help="The day to plan for (YYYY-MM-DD).",
)
def retention_plan(*, register: Path, records: Path, today: datetime) -> None:
    """Print what to do with each record of RECORDS (a CSV) under REGISTER's rules.

    RECORDS has the columns id and category, a column per retention trigger
    that applies (e.g. end_of_customer_relationship, end_of_financial_year)
    holding a date (YYYY-MM-DD), and optionally legal_hold (the reason),
    marketing_prohibition and passive (1/true/yes/x, or 0/false/no/empty).
    Any other column is an error. Output: one tab-separated line per record:
    id, action, basis, keep-until, reason.
    """
    from rekisteri.retention import plan
    from rekisteri.serialize import load_register

    try:
        loaded = load_register(register)
    except OSError as exc:
        _error(f"cannot read {register}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        _error(f"{register}: not UTF-8 text")
    except RekisteriError as exc:
        _error(f"{register}: {exc}")
    rows = _read_records(records)
    for action in plan(rows, loaded, today=today.date()):
        until = action.until.isoformat() if action.until is not None else "-"
        fields = (action.record.id, action.kind.value, action.basis.value, until, action.reason)
        _echo("\t".join(map(_one_line, fields)))
