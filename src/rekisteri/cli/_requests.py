"""``rekisteri requests``: record data-subject requests and watch their deadlines.

A thin shell over :mod:`rekisteri.requests` and the SQLite store (the same
file as the consent store). Subjects and request texts are always shown with
any henkilötunnus masked.
"""

from __future__ import annotations

import pathlib
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Final

import click

from rekisteri.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Group,
    at_option,
    aware_datetime,
    db_option,
    display_db,
    dump_json,
    echo,
    emit,
    fail_error,
    fail_line,
    format_option,
    one_line,
    open_store,
    output_option,
    quoted,
    read_checkpoint_file,
    shown,
    verification_json,
)
from rekisteri.errors import RekisteriError

if TYPE_CHECKING:
    from pathlib import Path

    from rekisteri.requests import DataSubjectRequest
    from rekisteri.store._chain import Checkpoint

__all__ = ["COMMANDS", "requests_group"]

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
_MISSING: Final = "no such database"

_db = db_option("The SQLite database (the same file as the consent store).")
_at = at_option("The moment [default: now].")
_format = format_option("text", "json", help_text="text: for people; json: one document.")
#: The longest look-ahead of --due: 100 years (a date past 9999 cannot be computed).
_MAX_DAYS: Final = 36_525


def _subject_shown(subject: str) -> str:
    """A stored subject reference for display: the HMAC shortened, an id masked if need be."""
    if subject.startswith("hmac-sha256:"):
        return subject[:_HMAC_SHOWN] + "…"
    return shown(subject)


requests_group = Group(
    name="requests",
    help="""Record data-subject requests and watch their deadlines (GDPR Art 12(3)).

    Events go into an append-only ledger with a keyed hash chain in the SQLite
    file (--db). Subjects that are a henkilötunnus are stored only as a keyed
    hash. Set the store's secret (at least 32 bytes, the same every time) in
    the REKISTERI_SECRET environment variable.
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
@_format
def requests_record(
    *,
    fmt: str,
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

    moment = aware_datetime(at, "--at")
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
        hinted = _with_flag_hint(exc)
        if hinted is not None:
            fail_line(hinted.replace(subject, shown(subject)))
        fail_error(exc, subject)
    from rekisteri.errors import InvalidTransitionError

    with open_store(db, must_exist=kind != "receive", create=True, missing=_MISSING) as store:
        if kind != "receive" and store.request(request_id) is None:
            fail_line(
                f"no request {quoted(request_id)}: record its receive event first"
                " (--event receive --right RIGHT)"
            )
        try:
            store.append_requests([event])
            request = store.request(request_id)
        except InvalidTransitionError as exc:
            fail_line(f"{exc}; {_allowed_steps(exc.state)}")
        except RekisteriError as exc:
            fail_error(exc, subject)
    assert request is not None
    if fmt == "json":
        echo(dump_json(_request_json(request)))
    else:
        echo(
            f"{request_id}\t{request.status.value}\tdue {request.deadline.due.isoformat()}"
            f"\t({shown(subject)})"
        )
    if kind == "reject" and request.refused_late:
        echo(f"rekisteri: warning: {_late_refusal(request)}", err=True)


#: The option that gives each field of a request event, for a hint in an error.
_FLAGS: Final = {
    "right": "--right (access, erasure, object, …)",
    "extension_months": "--extension-months 1 or 2",
    "reason": "--reason TEXT",
    "ground": "--ground",
    "channel": "--channel",
    "notes": "--notes",
    "actor": "--actor",
}


def _with_flag_hint(exc: RekisteriError) -> str | None:
    """*exc*'s message with the option that fixes it, when it names an event field."""
    message = one_line(str(exc))
    field = message.split(":", 1)[0]
    if field in _FLAGS:
        return f"{message} (the option: {_FLAGS[field]})"
    return None


def _allowed_steps(state: object) -> str:
    """The events allowed in *state* (a request's status), for a refused step."""
    from rekisteri.requests import TRANSITIONS

    allowed = [kind.value for (before, kind) in TRANSITIONS if before == state]
    if not allowed:
        return "the request is closed: no further event is allowed"
    return f"allowed now: {', '.join(allowed)}"


def _request_json(request: DataSubjectRequest, at: datetime | None = None) -> dict[str, object]:
    """One request as a JSON object (the subject masked or shortened, never raw)."""
    document: dict[str, object] = {
        "request": request.request_id,
        "subject": _subject_shown(request.subject),
        "right": request.right.value,
        "status": request.status.value,
        "open": request.is_open,
        "received_at": request.received_at.isoformat(),
        "due": request.deadline.due.isoformat(),
        "months": request.deadline.months,
        "refused_late": request.refused_late,
    }
    if at is not None:
        document["overdue"] = request.is_open and request.deadline.is_overdue(at)
    return document


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


def _as_of(request: DataSubjectRequest, moment: datetime) -> DataSubjectRequest | None:
    """*request* as it stood at *moment*: folded from its events until then; ``None`` before."""
    if moment >= request.since:
        return request
    from rekisteri.requests import DataSubjectRequest

    events = [event for event in request.events if event.at <= moment]
    return DataSubjectRequest.fold(events) if events else None


@requests_group.command(name="list")
@_db
@click.option(
    "--due",
    "due",
    type=click.IntRange(min=0, max=_MAX_DAYS),
    default=None,
    metavar="DAYS",
    help="Those due within DAYS days, and every overdue one (marked OVERDUE).",
)
@click.option("--overdue", is_flag=True, help="Only overdue requests.")
@click.option("--all", "show_all", is_flag=True, help="Closed requests too.")
@_at
@_format
def requests_list(
    *, db: Path, due: int | None, overdue: bool, show_all: bool, at: str | None, fmt: str
) -> None:
    """List requests with their due dates: open ones by default.

    With --at, the requests as they stood at that moment: those received by
    then, in their status then (one closed since is listed if it was open).

    --due DAYS lists the requests due within DAYS days and, first, every
    overdue one (a request past its deadline is the most due of all).
    --overdue lists only the overdue ones. Exit 1 if any request listed is
    overdue, so that a daily job can alert on it.
    """
    from rekisteri.requests import due_within
    from rekisteri.requests import overdue as overdue_requests

    moment = aware_datetime(at, "--at")
    listing = due is None and not overdue
    with open_store(db, create=True, missing=_MISSING) as store:
        try:
            # A past moment: every request, as it stood then (one closed since was open).
            stored = store.requests(only_open=at is None and not (listing and show_all))
            if at is not None:
                stored = [then for r in stored if (then := _as_of(r, moment)) is not None]
            if listing:
                found = stored if show_all else [r for r in stored if r.is_open]
            else:
                found = overdue_requests(stored, at=moment)
                if due is not None:
                    found += due_within(stored, due, at=moment)
        except RekisteriError as exc:
            fail_error(exc)
    late = [r for r in found if r.is_overdue(moment)]
    if fmt == "json":
        echo(
            dump_json({"requests": [_request_json(r, moment) for r in found], "overdue": len(late)})
        )
    else:
        for request in found:
            echo(_line(request, moment))
        if late:
            echo(f"{len(late)} overdue request(s) of {len(found)} listed", err=True)
    sys.exit(EXIT_INVALID if late else EXIT_OK)


@requests_group.command(name="show")
@_db
@click.argument("request_id")
@_format
def requests_show(*, db: Path, request_id: str, fmt: str) -> None:
    """Show one request and its events."""
    with open_store(db, create=True, missing=_MISSING) as store:
        request = store.request(request_id)
    if request is None:
        fail_line(f"no request {quoted(request_id)}")
    if fmt == "json":
        document = _request_json(request)
        document["events"] = [
            {"at": e.at.isoformat(), "event": e.kind.value}
            | {
                name: str(value)
                for name, value in (
                    ("channel", e.channel),
                    ("identity", e.identity),
                    ("months", e.extension_months),
                    ("ground", e.ground),
                    ("reason", e.reason),
                    ("notes", e.notes),
                    ("actor", e.actor),
                )
                if value is not None
            }
            for e in request.events
        ]
        echo(dump_json(document))
        return
    deadline = request.deadline
    echo(f"request:   {request.request_id}")
    echo(f"subject:   {_subject_shown(request.subject)}")
    echo(f"right:     {request.right.value} (Art {request.right.article})")
    echo(f"received:  {request.received_at.isoformat()}")
    echo(f"status:    {request.status.value} ({request.status.dpv})")
    echo(f"identity:  {request.identity.value}")
    echo(f"due:       {deadline.due.isoformat()} ({deadline.months} month(s))")
    if request.extension_reason is not None:
        echo(f"extended:  {one_line(request.extension_reason)}")
    if request.refusal_ground is not None:
        echo(f"refused:   {request.refusal_ground.value}: {one_line(request.refusal_reason or '')}")
    if request.refused_late:
        echo(f"LATE:      {_late_refusal(request)}")
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
        echo("\t".join([event.at.isoformat(), event.kind.value, *map(one_line, extras)]))


@requests_group.command(name="deadline")
@click.argument("received")
@click.option("--extension", type=int, default=0, show_default=True, help="0, 1 or 2 months.")
@click.option("--chained", is_flag=True, help="Count the extension from the end of month one.")
@click.option(
    "--eves", is_flag=True, help="Count juhannusaatto and jouluaatto as holidays (law 150/1930)."
)
@_format
def requests_deadline(
    *, received: str, extension: int, chained: bool, eves: bool, fmt: str
) -> None:
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
        fail_line("RECEIVED: expected a date such as 2026-01-31 or an ISO date-time with a zone")
    rule = ExtensionRule.CHAINED if chained else ExtensionRule.FROM_RECEIPT
    try:
        deadline = response_deadline(
            when, extension_months=extension, holidays=FinnishHolidays(eves=eves), rule=rule
        )
    except RekisteriError as exc:
        fail_error(exc)
    if fmt == "json":
        document = {
            "received": deadline.received.isoformat(),
            "months": deadline.months,
            "unrolled": deadline.unrolled.isoformat(),
            "due": deadline.due.isoformat(),
            "ends_at": deadline.ends_at.isoformat(),
        }
        echo(dump_json(document))
        return
    moved = "" if deadline.unrolled == deadline.due else f" (moved from {deadline.unrolled})"
    click.echo(f"{deadline.due.isoformat()}{moved}")


@requests_group.command(name="checkpoint")
@_db
@output_option()
def requests_checkpoint(*, db: Path, output: Path | None, force: bool) -> None:
    """Print a signed checkpoint of the store's ledgers (the same as `consent checkpoint`).

    One small JSON document with the length and head hash of the consent and
    the request ledger, signed with REKISTERI_SECRET. Keep it outside the
    store (a log, an e-mail, another machine) and give it back to
    `requests verify --checkpoint`: it shows a ledger cut short or rewritten
    since, which the chain alone cannot.
    """
    with open_store(db, missing=_MISSING) as store:
        try:
            checkpoint = store.checkpoint()
        except RekisteriError as exc:
            fail_error(exc)
    text = checkpoint.to_json().decode("utf-8")
    done = f"wrote a checkpoint of {display_db(db)} to {output}"
    emit(text, output, force=force, inputs=[db], done=done, json=True)


def _read_checkpoint(path: Path | None) -> Checkpoint | None:
    from rekisteri.store._chain import Checkpoint

    if path is None:
        return None
    try:
        data = read_checkpoint_file(path)
    except OSError as exc:
        fail_line(f"cannot read {path}: {exc.strerror}")
    except RekisteriError as exc:
        fail_line(f"{path}: {exc}")
    try:
        return Checkpoint.from_json(data)
    except RekisteriError as exc:
        fail_line(f"{path}: {exc}")


@requests_group.command(name="verify")
@_db
@click.option(
    "--checkpoint",
    "checkpoint_file",
    type=click.Path(dir_okay=False, path_type=pathlib.Path),
    default=None,
    help="A checkpoint from `requests checkpoint`: also check the ledger against it.",
)
@_format
def requests_verify(*, db: Path, checkpoint_file: Path | None, fmt: str) -> None:
    """Check the request ledger's keyed hash chain and the request states read from it.

    With --checkpoint, also check that the ledger still holds everything the
    checkpoint saw. Exit 1 if anything was tampered with.
    """
    checkpoint = _read_checkpoint(checkpoint_file)
    with open_store(db, missing=_MISSING) as store:  # never makes an empty file a store
        try:
            result = store.verify_requests(checkpoint)
        except RekisteriError as exc:
            fail_error(exc)
    if fmt == "json":
        echo(verification_json(db, result))
        sys.exit(EXIT_OK if result.ok else EXIT_INVALID)
    for problem in result.problems:
        echo(f"{problem.seq}\t{problem.kind}\t{one_line(problem.message)}")
    echo(f"{result.events} request events checked: {'ok' if result.ok else 'NOT OK'}")
    sys.exit(EXIT_OK if result.ok else EXIT_INVALID)


COMMANDS: Final[tuple[click.Command, ...]] = (requests_group,)
"""The commands of this module, for the ``rekisteri`` group."""
