"""The SQL of consent events in a PostgreSQL store; functions over a connection.

The counterpart of :mod:`rekisteri.store._consent_sql`, whose
database-independent steps it calls: preparing a batch, validating and
chaining it against the stored state, decisions, the export document, the
erasure row and the whole-ledger check. Only the statements differ.

Writers of the ledger serialise on its chain head row (``SELECT … FOR
UPDATE`` in a READ COMMITTED transaction; see :mod:`rekisteri.store.postgres`):
the state a batch is validated against is read after the lock is taken, so
it includes every batch committed before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rekisteri.consent import ConsentRecord
from rekisteri.store import _consent_sql
from rekisteri.store._chain import Head
from rekisteri.store._clock import Window
from rekisteri.store._consent_sql import ANY_PURPOSE
from rekisteri.store._pg_db import snapshot, transaction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from datetime import datetime, timedelta

    from rekisteri.consent import ConsentEvent
    from rekisteri.store import Verification
    from rekisteri.store._chain import Keys
    from rekisteri.store._pg_db import Conn, Queries

_INSERT_EVENT: Final = (
    "INSERT INTO {s}.events (seq, subject, purpose, kind, at_us, payload, digest, prev, hash,"
    " status, valid_until_us) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_LOCK_HEAD: Final = "SELECT seq, hash FROM {s}.chain_head WHERE id = 1 FOR UPDATE"
_UPDATE_HEAD: Final = "UPDATE {s}.chain_head SET seq = %s, hash = %s WHERE id = 1"
_LATEST_ROWS: Final = (
    "SELECT subject, purpose, kind, at_us, status, valid_until_us FROM {s}.events"
    " WHERE seq IN (SELECT max(seq) FROM {s}.events"
    " WHERE subject = ANY(%s) GROUP BY subject, purpose)"
)
_LATEST_ROW: Final = (
    "SELECT kind, at_us, status, valid_until_us FROM {s}.events"
    " WHERE subject = %s AND purpose = %s ORDER BY seq DESC LIMIT 1"
)
_SUBJECT_ROWS: Final = (
    "SELECT seq, payload, digest FROM {s}.events WHERE subject = %s AND payload IS NOT NULL"
    " ORDER BY seq"
)


def append(
    conn: Conn,
    q: Queries,
    events: Iterable[ConsentEvent],
    *,
    ref: Callable[[str], str],
    purposes: Mapping[str, bool],
    keys: Keys,
    skew: timedelta,
) -> None:
    """Validate a batch against the state read under the head lock, then write all of it."""
    window = Window.now(skew)
    batch = _consent_sql.prepare_batch(events, ref=ref, purposes=purposes, keys=keys, window=window)
    if not batch:
        return
    with transaction(conn):
        head = _consent_sql.head_of(conn.execute(q(_LOCK_HEAD)).fetchone())
        subjects = sorted({p.subject for p in batch})
        state = _consent_sql.state_from_rows(conn.execute(q(_LATEST_ROWS), (subjects,)))
        rows, seq, link = _consent_sql.chain_rows(batch, *head, state, keys, window)
        with conn.cursor() as cursor:
            cursor.executemany(q(_INSERT_EVENT), rows)
        conn.execute(q(_UPDATE_HEAD), (seq, link))


def record(
    conn: Conn, q: Queries, ref: str, subject: str, *, purpose: str, keys: Keys
) -> ConsentRecord | None:
    """Fold the consent record of the stored *ref* for *purpose*; events carry *subject*."""
    rows = conn.execute(
        q(
            "SELECT seq, payload, digest FROM {s}.events WHERE subject = %s AND purpose = %s"
            " AND payload IS NOT NULL ORDER BY seq"
        ),
        (ref, purpose),
    ).fetchall()
    if not rows:
        return None
    return ConsentRecord.fold(_consent_sql.events_from_rows(subject, rows, keys))


def prohibited(conn: Conn, q: Queries, ref: str, at: datetime) -> bool:
    """Return whether the stored *ref* has a direct-marketing prohibition in force at *at*."""
    return _consent_sql.is_prohibition(row_at(conn, q, ref, ANY_PURPOSE, at))


def latest(conn: Conn, q: Queries, ref: str, purpose: str) -> tuple[object, ...] | None:
    """The latest row ``(kind, at_us, status, valid_until_us)`` of (*ref*, *purpose*)."""
    return conn.execute(q(_LATEST_ROW), (ref, purpose)).fetchone()


def row_at(
    conn: Conn, q: Queries, ref: str, purpose: str, at: datetime
) -> tuple[object, ...] | None:
    """The row ``(kind, at_us, status, valid_until_us)`` of (*ref*, *purpose*) in force at *at*."""
    return _consent_sql.row_at(
        latest(conn, q, ref, purpose),
        at,
        lambda at_us: conn.execute(
            q(
                "SELECT kind, at_us, status, valid_until_us FROM {s}.events"
                " WHERE subject = %s AND purpose = %s AND at_us <= %s ORDER BY seq DESC LIMIT 1"
            ),
            (ref, purpose, at_us),
        ).fetchone(),
    )


def history(conn: Conn, q: Queries, ref: str, subject: str, keys: Keys) -> list[ConsentEvent]:
    """Return the stored events of *ref* that still have their data, as *subject*'s."""
    rows = conn.execute(q(_SUBJECT_ROWS), (ref,)).fetchall()
    return _consent_sql.events_from_rows(subject, rows, keys)


def export(conn: Conn, q: Queries, ref: str, keys: Keys) -> bytes:
    """Return the Art 15 JSON document of the stored *ref*."""
    with snapshot(conn):
        rows = conn.execute(q(_SUBJECT_ROWS), (ref,)).fetchall()
        state = conn.execute(q(_LATEST_ROW), (ref, ANY_PURPOSE)).fetchone()
    return _consent_sql.export_document(ref, rows, state, keys)


def erase(conn: Conn, q: Queries, ref: str, keys: Keys, at: datetime) -> int:
    """Empty the consent rows of *ref* and record the erasure in the chain; return how many.

    Takes the chain head's lock first, like :func:`append`, so no batch of
    the subject can be validated against the rows while they are emptied.
    """
    with transaction(conn):
        head = _consent_sql.head_of(conn.execute(q(_LOCK_HEAD)).fetchone())
        seqs = [
            int(seq)
            for (seq,) in conn.execute(
                q("SELECT seq FROM {s}.events WHERE subject = %s AND purpose <> %s ORDER BY seq"),
                (ref, ANY_PURPOSE),
            )
        ]
        if seqs:
            conn.execute(
                q(
                    "UPDATE {s}.events SET payload = NULL, subject = NULL, purpose = NULL,"
                    " kind = NULL, at_us = NULL, status = NULL, valid_until_us = NULL"
                    " WHERE seq = ANY(%s)"
                ),
                (seqs,),
            )
            row = _consent_sql.erasure_row(seqs, at, head, keys)
            conn.execute(q(_INSERT_EVENT), row)
            conn.execute(q(_UPDATE_HEAD), (row[0], row[8]))
    return len(seqs)


def head(conn: Conn, q: Queries) -> Head:
    """The consent ledger's head as its chain head row says (for checkpoints)."""
    seq, link = _consent_sql.head_of(
        conn.execute(q("SELECT seq, hash FROM {s}.chain_head WHERE id = 1")).fetchone()
    )
    return Head(seq=seq, hash=link)


def verify(conn: Conn, q: Queries, keys: Keys, *, checkpoint: Head | None) -> Verification:
    """Walk the whole consent ledger in one snapshot (see ``_consent_sql.check_ledger``)."""
    with snapshot(conn):
        head_row = conn.execute(q("SELECT seq, hash FROM {s}.chain_head WHERE id = 1")).fetchone()
        with conn.cursor(name="rekisteri_verify_consent") as cursor:
            cursor.itersize = 2_000
            cursor.execute(
                q(
                    "SELECT seq, subject, purpose, kind, at_us, payload, digest, prev, hash,"
                    " status, valid_until_us FROM {s}.events ORDER BY seq"
                )
            )
            return _consent_sql.check_ledger(head_row, cursor, keys, checkpoint)
