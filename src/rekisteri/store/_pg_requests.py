"""The SQL of data-subject requests in a PostgreSQL store; functions over a connection.

The counterpart of :mod:`rekisteri.store._requests_sql`, whose
database-independent steps it calls (batch checks, folding, chaining, the
whole-ledger check). Writers serialise on the request ledger's own chain
head row, so request writes never wait for consent writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rekisteri.store import _requests_sql
from rekisteri.store._clock import Window
from rekisteri.store._pg_db import TABLE_NAMES, snapshot, transaction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import timedelta

    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store import Verification
    from rekisteri.store._chain import Checkpoint, Head, Keys
    from rekisteri.store._pg_db import Conn, Queries

_INSERT: Final = (
    "INSERT INTO {s}.request_events (seq, request_id, subject, kind, at_us, payload, digest,"
    " prev, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_UPSERT_STATE: Final = (
    "INSERT INTO {s}.request_state (request_id, subject, status, open)"
    " VALUES (%s, %s, %s, %s)"
    " ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, open = excluded.open"
)
_HEAD: Final = "SELECT seq, hash FROM {s}.request_chain_head WHERE id = 1"


def append(
    conn: Conn,
    q: Queries,
    events: Iterable[RequestEvent],
    ref: Callable[[str], str],
    keys: Keys,
    *,
    skew: timedelta,
) -> None:
    """Validate a batch against the stored requests under the head lock; write all or none."""
    batch = _requests_sql.prepare_batch(events, ref, Window.now(skew))
    if not batch:
        return
    with transaction(conn):
        last = _requests_sql.head_from_rows(conn.execute(q(_HEAD + " FOR UPDATE")).fetchall())
        ids = sorted({e.request_id for e in batch})
        rows = conn.execute(
            q(
                "SELECT seq, request_id, payload, digest FROM {s}.request_events"
                " WHERE request_id = ANY(%s) ORDER BY seq"
            ),
            (ids,),
        ).fetchall()
        folded = _requests_sql.fold_batch(rows, batch, keys)
        inserts, new_head = _requests_sql.chain_rows(batch, last, keys)
        with conn.cursor() as cursor:
            cursor.executemany(q(_INSERT), inserts)
            cursor.executemany(q(_UPSERT_STATE), _requests_sql.state_rows(folded))
        conn.execute(
            q("UPDATE {s}.request_chain_head SET seq = %s, hash = %s WHERE id = 1"),
            (new_head.seq, new_head.hash),
        )


def request(conn: Conn, q: Queries, request_id: str, keys: Keys) -> DataSubjectRequest | None:
    """Return the request *request_id*, folded from its (checked) events, or ``None``."""
    rows = conn.execute(
        q(
            "SELECT seq, request_id, payload, digest FROM {s}.request_events"
            " WHERE request_id = %s ORDER BY seq"
        ),
        (request_id,),
    ).fetchall()
    found = _requests_sql.fold_rows(rows, keys)
    return found[0] if found else None


def requests(
    conn: Conn, q: Queries, keys: Keys, *, subject: str | None, only_open: bool
) -> list[DataSubjectRequest]:
    """Return the requests (of one stored *subject* reference, or all), by request id."""
    rows = conn.execute(
        q(
            "SELECT e.seq, e.request_id, e.payload, e.digest FROM {s}.request_state AS s"
            " JOIN {s}.request_events AS e ON e.request_id = s.request_id"
            " WHERE (%(subject)s::text IS NULL OR s.subject = %(subject)s::text)"
            " AND (NOT %(only_open)s OR s.open = 1)"
            " ORDER BY e.request_id, e.seq"
        ),
        {"subject": subject, "only_open": only_open},
    ).fetchall()
    return _requests_sql.fold_rows(rows, keys)


def head(conn: Conn, q: Queries) -> Head:
    """The request ledger's head (seq and hash of its last row), for a checkpoint."""
    return _requests_sql.head_from_rows(conn.execute(q(_HEAD)).fetchall())


def verify(conn: Conn, q: Queries, keys: Keys, checkpoint: Checkpoint | None) -> Verification:
    """Walk the request ledger in one snapshot (see ``_requests_sql.check_ledger``)."""
    with snapshot(conn):
        tables = {str(name) for (name,) in conn.execute(TABLE_NAMES, (q.schema,))}
        row = None
        if "meta" in tables:
            row = conn.execute(q("SELECT value FROM {s}.meta WHERE key = 'store_id'")).fetchone()
        return _requests_sql.check_ledger(
            _requests_sql.Ledger(
                tables=tables,
                store_id=None if row is None else row[0],
                events=lambda: conn.execute(
                    q(
                        "SELECT seq, request_id, subject, kind, at_us, payload, digest, prev,"
                        " hash FROM {s}.request_events ORDER BY seq"
                    )
                ),
                head=lambda: conn.execute(
                    q("SELECT id, seq, hash FROM {s}.request_chain_head")
                ).fetchall(),
                state=lambda: conn.execute(
                    q("SELECT request_id, subject, status, open FROM {s}.request_state")
                ),
            ),
            keys,
            checkpoint,
        )
