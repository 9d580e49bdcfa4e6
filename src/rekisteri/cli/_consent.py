"""``rekisteri consent``: record and check consent and direct-marketing prohibitions.

A thin shell over :mod:`rekisteri.consent` and the SQLite store. Subjects are
always shown masked where they may be a henkilötunnus.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import click

from rekisteri.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Decorator,
    Group,
    at_option,
    aware_datetime,
    db_option,
    display_db,
    dump_json,
    echo,
    fail,
    fail_error,
    fail_line,
    format_option,
    load_register,
    one_line,
    open_store,
    output_option,
    read_checkpoint_file,
    safe_json,
    shown,
    summary,
    verification_json,
    write_output,
    write_private,
)
from rekisteri.consent import EventKind

if TYPE_CHECKING:
    from rekisteri.consent import ConsentEvent
from rekisteri.errors import RekisteriError

__all__ = ["COMMANDS", "consent_group"]

_DB_HELP: Final = "The SQLite consent database."
_format = format_option("text", "json", help_text="text: for people; json: one document.")


def _subject_option() -> Decorator:
    return click.option(
        "--subject",
        required=True,
        help="The data subject: your own id, or a henkilötunnus (stored as a keyed hash).",
    )


def _purposes_option() -> Decorator:
    return click.option(
        "--purposes",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        envvar="REKISTERI_PURPOSES",
        show_envvar=True,
        help="A register file (.toml/.json): the purposes the store knows.",
    )


@click.group(name="consent", cls=Group)
def consent_group() -> None:
    """Record and check consent and direct-marketing prohibitions.

    Events go into an append-only SQLite ledger (--db), chained with keys
    derived from the store's secret, which the REKISTERI_SECRET environment
    variable holds (at least 32 bytes; make one with
    python -c "import secrets; print(secrets.token_hex(32))"). Subjects that
    are a henkilötunnus are stored only as a keyed hash.
    """


@consent_group.command(name="record")
@db_option(_DB_HELP)
@_subject_option()
@click.option("--purpose", default=None, help="The purpose key (not needed for prohibitions).")
@click.option(
    "--event",
    "kind",
    required=True,
    type=click.Choice([kind.value for kind in EventKind]),
    help="What happened.",
)
@at_option("When it happened, with a time zone [default: now].")
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
@_format
def consent_record(
    *,
    fmt: str,
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
            fail(f"--purpose is required for a {kind} event")
        purpose = "*"
    moment = aware_datetime(at, "--at")
    until = aware_datetime(valid_until, "--valid-until") if valid_until is not None else None
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
        fail_error(exc, subject)
    from rekisteri.errors import InvalidTransitionError

    with open_store(db, purposes=purposes, must_exist=False, create=True) as store:
        try:
            store.append([event])
        except InvalidTransitionError as exc:
            fail(f"{exc}; {_allowed_events(exc.state)}")
        except RekisteriError as exc:
            _fail_store_error(exc, subject, purposes)
    if fmt == "json":
        document = {
            "recorded": kind,
            "purpose": purpose,
            "subject": shown(subject),
            "at": moment.isoformat(),
        }
        echo(dump_json(document))
        return
    echo(f"recorded {kind} of {purpose} for {shown(subject)} at {moment.isoformat()}")


@consent_group.command(name="status")
@db_option(_DB_HELP)
@_subject_option()
@click.option("--purpose", required=True, help="The purpose key.")
@at_option("The moment to decide for, with a time zone [default: now].")
@_purposes_option()
@_format
def consent_status(
    *, db: Path, subject: str, purpose: str, at: str | None, purposes: Path | None, fmt: str
) -> None:
    """Say whether the purpose may be processed for the subject now, and why.

    The purpose must be in the --purposes register, which says its legal
    basis and whether it is direct marketing. A purpose not based on consent
    (a contract, a legal obligation…) is allowed without one, as "not based
    on consent: contract", unless it is direct marketing that the subject has
    prohibited. Exit 0 if processing is allowed, 1 if it is not.
    """
    moment = aware_datetime(at, "--at")
    with open_store(db, purposes=purposes) as store:
        try:
            decision = store.may_process(subject, purpose, at=moment)
        except RekisteriError as exc:
            _fail_store_error(exc, subject, purposes)
    allowed = decision.allowed
    reason = decision.reason.value
    basis = _legal_basis(purposes, purpose)
    prohibited = decision.reason.value == "direct_marketing_prohibited"
    if basis is not None and basis != "consent" and not prohibited:
        allowed = True
        reason = f"not based on consent: {basis}"
    status = decision.status.value if decision.status is not None else "none"
    if fmt == "json":
        document = {
            "subject": shown(subject),
            "purpose": purpose,
            "allowed": allowed,
            "reason": reason,
            "legal_basis": basis,
            "status": decision.status.value if decision.status is not None else None,
            "at": moment.isoformat(),
        }
        echo(dump_json(document))
    else:
        verdict = "allowed" if allowed else "not allowed"
        echo(f"{shown(subject)}\t{purpose}\t{verdict}: {reason} (status: {status})")
    sys.exit(EXIT_OK if allowed else EXIT_INVALID)


def _legal_basis(purposes: Path | None, key: str) -> str | None:
    """The legal basis of purpose *key* in the register *purposes*, if it states one."""
    if purposes is None:
        return None
    register = load_register(purposes, brief=True)
    for purpose in register.purposes:
        if purpose.key == key and purpose.legal_basis is not None:
            return str(purpose.legal_basis.value)
    return None


def _event_json(event: ConsentEvent) -> dict[str, object]:
    """One consent event as a JSON object (its subject left out: the caller names it)."""
    document: dict[str, object] = {
        "at": event.at.isoformat(),
        "purpose": event.purpose,
        "event": event.kind.value,
    }
    extras = (
        ("channel", event.channel),
        ("evidence", event.evidence),
        ("actor", event.actor),
        ("valid_until", event.valid_until.isoformat() if event.valid_until else None),
    )
    document.update({name: value for name, value in extras if value is not None})
    if event.by_guardian:
        document["by_guardian"] = True
    return document


def _allowed_events(state: object) -> str:
    """The consent events allowed in *state*, for a refused one."""
    from rekisteri.consent import TRANSITIONS

    allowed = sorted({kind.value for (before, kind) in TRANSITIONS if before == state})
    if not allowed:
        return "no consent event is allowed now"
    return f"allowed now: {', '.join(allowed)}"


def _fail_store_error(exc: RekisteriError, subject: str, purposes: Path | None) -> NoReturn:
    """Report *exc*; an unknown purpose without --purposes gets a hint how to declare one."""
    if purposes is None and "unknown purpose" in str(exc):
        fail(
            f"{one_line(str(exc)).replace(subject, shown(subject))}: the store knows only the"
            " purposes of a register; give it with --purposes REGISTER.toml (or set"
            " REKISTERI_PURPOSES), where each [[purposes]] entry has a key"
        )
    fail_error(exc, subject)


@consent_group.command(name="history")
@db_option(_DB_HELP)
@_subject_option()
@_format
def consent_history(*, db: Path, subject: str, fmt: str) -> None:
    """List every event of SUBJECT, oldest first."""
    with open_store(db) as store:
        try:
            events = store.history(subject)
        except RekisteriError as exc:
            fail_error(exc, subject)
    if fmt == "json":
        rows = [_event_json(e) for e in events]
        echo(dump_json({"subject": shown(subject), "events": rows}))
        return
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
        fields = [event.at.isoformat(), event.purpose, event.kind.value, *map(one_line, extras)]
        echo("\t".join(fields))
    echo(f"{len(events)} event(s) for {shown(subject)}", err=True)


@consent_group.command(name="verify")
@db_option(_DB_HELP)
@click.option(
    "--checkpoint",
    "checkpoint_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A checkpoint from 'rekisteri consent checkpoint', kept outside the store.",
)
@_format
def consent_verify(*, db: Path, checkpoint_file: Path | None, fmt: str) -> None:
    """Check the keyed chain of the whole consent ledger.

    Exit 0 if it is intact, 1 if any row was edited, removed, moved or
    emptied by hand. With --checkpoint, also exit 1 if the ledger is shorter
    than it was at the checkpoint or its rows up to there were rewritten.
    """
    from rekisteri.store import Checkpoint

    checkpoint = None
    if checkpoint_file is not None:
        try:
            checkpoint = Checkpoint.from_json(read_checkpoint_file(checkpoint_file))
        except OSError as exc:
            fail(f"cannot read {checkpoint_file}: {exc.strerror or exc}")
        except RekisteriError as exc:
            fail(f"{checkpoint_file}: {one_line(str(exc))}")
    with open_store(db) as store:
        try:
            result = store.verify(checkpoint)
        except RekisteriError as exc:
            fail_error(exc)
    if fmt == "json":
        echo(verification_json(db, result))
        sys.exit(EXIT_OK if result.ok else EXIT_INVALID)
    if result.ok:
        echo(f"{display_db(db)}: ok ({result.events} events)")
        sys.exit(EXIT_OK)
    echo(f"{display_db(db)}: {len(result.problems)} problem(s) in {result.events} events")
    for problem in result.problems:
        echo(f"  seq {problem.seq}: {problem.kind}: {one_line(problem.message)}")
    sys.exit(EXIT_INVALID)


@consent_group.command(name="export")
@db_option(_DB_HELP)
@_subject_option()
@output_option()
def consent_export(*, db: Path, subject: str, output: Path | None, force: bool) -> None:
    """Print SUBJECT's history as a JSON document (right of access, Art 15)."""
    with open_store(db) as store:
        try:
            document = store.export(subject)
        except RekisteriError as exc:
            fail_error(exc, subject)
    if output is None or str(output) == "-":
        click.echo(safe_json(document.decode("utf-8").rstrip("\n")))
        return
    write_private(output, document, force=force, inputs=[db])  # personal data: mode 0600
    summary(f"wrote the events of {shown(subject)} to {output}")


@consent_group.command(name="erase")
@db_option(_DB_HELP)
@_subject_option()
@_format
def consent_erase(*, db: Path, subject: str, fmt: str) -> None:
    """Erase SUBJECT's consent events (right to erasure, Art 17).

    The events' data is emptied and the erasure is recorded in the chain;
    direct-marketing prohibitions stay. Prints how many events were erased.
    """
    from rekisteri.errors import ErasureNotFlushedError

    with open_store(db) as store:
        try:
            erased = store.erase(subject)
        except ErasureNotFlushedError as exc:
            fail_line(
                f"{exc.erased} event(s) erased, but another process kept the database busy:"
                " old copies of the rows stay in the -wal file; run erase again later"
            )
        except RekisteriError as exc:
            fail_error(exc, subject)
    if fmt == "json":
        echo(dump_json({"subject": shown(subject), "erased": erased}))
        return
    echo(f"erased {erased} event(s) of {shown(subject)}")


@consent_group.command(name="checkpoint")
@db_option(_DB_HELP)
@output_option()
def consent_checkpoint(*, db: Path, output: Path | None, force: bool) -> None:
    """Print (or write) a signed checkpoint of the store's ledgers.

    Keep it outside the store: 'rekisteri consent verify --checkpoint FILE'
    then reveals rows cut off the end of a ledger, a ledger deleted, or the
    file replaced by an older copy.
    """
    with open_store(db) as store:
        try:
            checkpoint = store.checkpoint()
        except RekisteriError as exc:
            fail_error(exc)
    document = checkpoint.to_json()
    if output is None or str(output) == "-":
        click.echo(document.decode("ascii").rstrip("\n"))
        return
    write_output(output, document, force=force, inputs=[db])
    summary(f"wrote a checkpoint of {display_db(db)} to {output}")


COMMANDS: Final[tuple[click.Command, ...]] = (consent_group,)
"""The commands of this module, for the ``rekisteri`` group."""
