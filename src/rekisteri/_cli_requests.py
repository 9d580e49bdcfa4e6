"""The ``rekisteri requests`` and ``rekisteri retention`` command groups.

Registered in :mod:`rekisteri.cli`; a thin shell over :mod:`rekisteri.requests`,
:mod:`rekisteri.store` and :mod:`rekisteri.retention`.
"""

from __future__ import annotations

import csv
import os
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

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rekisteri.requests import DataSubjectRequest
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


def _subject_shown(subject: str) -> str:
    """A stored subject reference for display: the HMAC shortened, an id masked if need be."""
    if subject.startswith("hmac-sha256:"):
        return subject[:_HMAC_SHOWN] + "…"
    return _shown(subject)


def _request_fail(exc: BaseException, subject: str | None = None) -> NoReturn:
    _consent_fail(exc, subject)


@contextmanager
def _open_store(db: Path, *, must_exist: bool = True) -> Iterator[SQLiteStore]:
    """Open the SQLite store at *db* for requests, failing cleanly (exit 2)."""
    import sqlite3

    from rekisteri.store.sqlite import SQLiteStore

    if must_exist and not db.is_file():
        _fail(f"{db}: no such database")
    secret = os.environ.get(SECRET_VARIABLE)
    try:
        store = SQLiteStore(db, secret=secret.encode("utf-8") if secret else None)
    except RekisteriError as exc:
        _request_fail(exc)
    except (OSError, sqlite3.Error) as exc:
        _fail(f"cannot open {db}: {_one_line(str(exc))}")
    try:
        yield store
    except sqlite3.Error as exc:
        _fail(f"{db}: {_one_line(str(exc))}")
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


@requests_group.command(name="record")
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
        _request_fail(exc, subject)
    with _open_store(db, must_exist=kind != "receive") as store:
        try:
            store.append_requests([event])
            request = store.request(request_id)
        except RekisteriError as exc:
            _request_fail(exc, subject)
    assert request is not None
    click.echo(
        f"{request_id}\t{request.status.value}\tdue {request.deadline.due.isoformat()}"
        f"\t({_shown(subject)})"
    )


def _line(request: DataSubjectRequest, at: datetime) -> str:
    if not request.is_open:
        state = "closed"
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


@requests_group.command(name="list")
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
            _request_fail(exc)
    for request in found:
        click.echo(_line(request, moment))
    late = any(r.is_overdue(moment) for r in found)
    sys.exit(EXIT_INVALID if late else EXIT_OK)


@requests_group.command(name="show")
@_db
@click.argument("request_id")
def requests_show(*, db: Path, request_id: str) -> None:
    """Show one request and its events."""
    with _open_store(db) as store:
        request = store.request(request_id)
    if request is None:
        _fail(f"no request {request_id!r}")
    deadline = request.deadline
    click.echo(f"request:   {request.request_id}")
    click.echo(f"subject:   {_subject_shown(request.subject)}")
    click.echo(f"right:     {request.right.value} (Art {request.right.article})")
    click.echo(f"received:  {request.received_at.isoformat()}")
    click.echo(f"status:    {request.status.value} ({request.status.dpv})")
    click.echo(f"identity:  {request.identity.value}")
    click.echo(f"due:       {deadline.due.isoformat()} ({deadline.months} month(s))")
    if request.extension_reason is not None:
        click.echo(f"extended:  {request.extension_reason}")
    if request.refusal_ground is not None:
        click.echo(f"refused:   {request.refusal_ground.value}: {request.refusal_reason}")
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
        click.echo("\t".join([event.at.isoformat(), event.kind.value, *extras]))


@requests_group.command(name="deadline")
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
        _fail("RECEIVED: expected a date such as 2026-01-31 or an ISO date-time with a zone")
    rule = ExtensionRule.CHAINED if chained else ExtensionRule.FROM_RECEIPT
    try:
        deadline = response_deadline(
            when, extension_months=extension, holidays=FinnishHolidays(eves=eves), rule=rule
        )
    except RekisteriError as exc:
        _fail(_one_line(str(exc)))
    moved = "" if deadline.unrolled == deadline.due else f" (moved from {deadline.unrolled})"
    click.echo(f"{deadline.due.isoformat()}{moved}")


@requests_group.command(name="verify")
@_db
def requests_verify(*, db: Path) -> None:
    """Check the request ledger's hash chain. Exit 1 if anything was tampered with."""
    with _open_store(db) as store:
        result = store.verify_requests()
    for problem in result.problems:
        click.echo(f"{problem.seq}\t{problem.kind}\t{problem.message}")
    click.echo(f"{result.events} request events checked: {'ok' if result.ok else 'NOT OK'}")
    sys.exit(EXIT_OK if result.ok else EXIT_INVALID)


# --- rekisteri retention ------------------------------------------------------------


retention_group: click.Group = click.Group(
    name="retention", help="Plan passivation and deletion from a register's retention rules."
)


_FLAGS: Final = {"1", "true", "yes", "x"}


@retention_group.command(name="plan")
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
    holding a date, and optionally legal_hold (the reason),
    marketing_prohibition and passive (1/true/yes). Output: one tab-separated
    line per record: id, action, basis, keep-until, reason.
    """
    from rekisteri.model import RetentionTrigger
    from rekisteri.retention import Record, plan
    from rekisteri.serialize import load_register

    try:
        loaded = load_register(register)
    except OSError as exc:
        _fail(f"cannot read {register}: {exc.strerror}")
    except RekisteriError as exc:
        _fail(f"{register}: {_one_line(str(exc))}")
    triggers = {t.value: t for t in RetentionTrigger}
    rows: list[Record] = []
    try:
        with records.open(encoding="utf-8-sig", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    rows.append(
                        Record(
                            id=row.get("id") or "",
                            category=row.get("category") or "",
                            dates={
                                triggers[k]: date.fromisoformat(v.strip())
                                for k, v in row.items()
                                if k in triggers and v and v.strip()
                            },
                            legal_hold=(row.get("legal_hold") or "").strip() or None,
                            marketing_prohibition=(row.get("marketing_prohibition") or "")
                            .strip()
                            .lower()
                            in _FLAGS,
                            passive=(row.get("passive") or "").strip().lower() in _FLAGS,
                        )
                    )
                except RekisteriError as exc:
                    _fail(f"{records}: line {number}: {_one_line(str(exc))}")
                except ValueError:
                    _fail(f"{records}: line {number}: expected dates as YYYY-MM-DD")
    except OSError as exc:
        _fail(f"cannot read {records}: {exc.strerror}")
    for action in plan(rows, loaded, today=today.date()):
        until = action.until.isoformat() if action.until is not None else "-"
        fields = (action.record.id, action.kind.value, action.basis.value, until, action.reason)
        click.echo("\t".join(fields))
