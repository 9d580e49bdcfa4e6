"""``rekisteri store …``: work on a store as a whole (``store copy``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Final

import click

from rekisteri.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    SCHEMA_VARIABLE,
    DbTarget,
    Group,
    display_db,
    driver_errors,
    echo,
    fail,
    one_line,
    pg_schema,
    refuse_sidecars,
    store_secret,
)
from rekisteri.errors import RekisteriError, StoreFileError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["COMMANDS", "store_group"]


@click.group(name="store", cls=Group)
def store_group() -> None:
    """Work on a store as a whole: copy it between SQLite and PostgreSQL.

    A store is a SQLite file or a postgresql:// URL (schema from
    REKISTERI_PG_SCHEMA, default rekisteri; the password from PGPASSWORD or
    ~/.pgpass, never shown). The secret comes from REKISTERI_SECRET.
    """


@store_group.command(name="copy")
@click.argument("source", type=DbTarget())
@click.argument("destination", type=DbTarget())
@click.option(
    "--source-schema",
    default=None,
    help=f"The PostgreSQL schema of SOURCE (default: {SCHEMA_VARIABLE}, else rekisteri).",
)
@click.option(
    "--destination-schema",
    default=None,
    help=f"The PostgreSQL schema of DESTINATION (default: {SCHEMA_VARIABLE}, else rekisteri).",
)
def store_copy(
    *,
    source: Path | str,
    destination: Path | str,
    source_schema: str | None,
    destination_schema: str | None,
) -> None:
    """Copy both ledgers of SOURCE into the new, empty store DESTINATION, then verify the copy.

    Rows are copied exactly (seq, keyed digests, links, chain heads, the
    store id), so the copy verifies with the same secret and checkpoints of
    the source stay valid for it. Both ledgers of the copy are verified
    against a checkpoint of the source taken before the copy. Exit 0 when
    the copy verifies, 1 when it does not, 2 when it could not be made.
    """
    from rekisteri.store import copy_store
    from rekisteri.store._target import is_postgres_url, scrub

    if not is_postgres_url(source) and not _is_file(source):
        fail(f"{display_db(source)}: no such store")
    if not is_postgres_url(destination) and not is_postgres_url(source):
        # SQLite would take the copy for the source's own log, index or journal and drop it
        from pathlib import Path

        refuse_sidecars(Path(destination), [source])
    secret = store_secret()
    try:
        report = copy_store(
            source,
            destination,
            secret=secret,
            source_schema=source_schema or pg_schema(),
            destination_schema=destination_schema or pg_schema(),
        )
    except ImportError as exc:
        fail(one_line(str(exc)))
    except StoreFileError as exc:
        message = scrub(scrub(one_line(str(exc)), source), destination)
        fail(message.removeprefix("store: "))
    except RekisteriError as exc:
        fail(scrub(scrub(one_line(str(exc)), source), destination))
    except OSError as exc:
        fail(scrub(scrub(one_line(str(exc)), source), destination))
    except driver_errors() as exc:
        fail(scrub(scrub(one_line(str(exc)), source), destination))
    shown_source, shown_destination = display_db(source), display_db(destination)
    echo(
        f"{shown_source} -> {shown_destination}: copied {report.consent_events} consent"
        f" and {report.request_events} request events"
    )
    for name, result in (("consent", report.consent), ("requests", report.requests)):
        if result.ok:
            echo(f"  {name}: ok ({result.events} events, source checkpoint holds)")
            continue
        echo(f"  {name}: {len(result.problems)} problem(s) in {result.events} events")
        for problem in result.problems:
            echo(f"    seq {problem.seq}: {problem.kind}: {one_line(problem.message)}")
    sys.exit(EXIT_OK if report.ok else EXIT_INVALID)


def _is_file(path: Path | str) -> bool:
    from pathlib import Path

    return Path(path).is_file()


COMMANDS: Final[tuple[click.Command, ...]] = (store_group,)
