"""The SQLite half of :func:`rekisteri.store._copy.copy_store`: rows out and in, as stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisteri.errors import StoreFileError
from rekisteri.store._chain import Head
from rekisteri.store._copy import (
    CONSENT_COLUMNS,
    NOT_EMPTY,
    REQUEST_COLUMNS,
    STATE_COLUMNS,
    Ledgers,
)
from rekisteri.store._sqlite_db import immediate, snapshot

if TYPE_CHECKING:
    import sqlite3

    from rekisteri.store.sqlite import SQLiteStore

__all__ = ["read", "write"]


def _conn(store: SQLiteStore) -> sqlite3.Connection:
    return store._conn  # noqa: SLF001 - the copy works below the public API, by design


def _head(conn: sqlite3.Connection, table: str) -> Head:
    row = conn.execute(f"SELECT seq, hash FROM {table} WHERE id = 1").fetchone()  # noqa: S608
    if row is None:
        msg = f"store: {table} is missing; run verify"
        raise StoreFileError(msg)
    return Head(int(row[0]), bytes(row[1]))


def read(store: SQLiteStore) -> Ledgers:
    """Every row of *store*, in one read transaction."""
    conn = _conn(store)
    with store._lock, snapshot(conn):  # noqa: SLF001
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        consent = conn.execute(
            f"SELECT {', '.join(CONSENT_COLUMNS)} FROM events ORDER BY seq"  # noqa: S608
        ).fetchall()
        requests = conn.execute(
            f"SELECT {', '.join(REQUEST_COLUMNS)} FROM request_events ORDER BY seq"  # noqa: S608
        ).fetchall()
        state = [
            (request_id, subject, status, bool(is_open))
            for request_id, subject, status, is_open in conn.execute(
                f"SELECT {', '.join(STATE_COLUMNS)} FROM request_state"  # noqa: S608
                " ORDER BY request_id"
            )
        ]
        return Ledgers(
            store_id=str(meta["store_id"]),
            consent=consent,
            consent_head=_head(conn, "chain_head"),
            requests=requests,
            requests_head=_head(conn, "request_chain_head"),
            request_state=state,
        )


def write(store: SQLiteStore, ledgers: Ledgers) -> None:
    """Write *ledgers* into the empty *store* in one transaction; refuse a store with events."""
    conn = _conn(store)
    marks = ", ".join("?" * len(CONSENT_COLUMNS))
    request_marks = ", ".join("?" * len(REQUEST_COLUMNS))
    with store._lock, immediate(conn):  # noqa: SLF001
        held = conn.execute(
            "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM request_events)"
            " + (SELECT count(*) FROM request_state)"
        ).fetchone()[0]
        if held:
            raise StoreFileError(NOT_EMPTY)
        conn.executemany(
            f"INSERT INTO events ({', '.join(CONSENT_COLUMNS)}) VALUES ({marks})",  # noqa: S608
            ledgers.consent,
        )
        conn.executemany(
            f"INSERT INTO request_events ({', '.join(REQUEST_COLUMNS)})"  # noqa: S608
            f" VALUES ({request_marks})",
            ledgers.requests,
        )
        conn.executemany(
            "INSERT INTO request_state (request_id, subject, status, open) VALUES (?, ?, ?, ?)",
            [(r, s, st, int(o)) for r, s, st, o in ledgers.request_state],
        )
        for table, head in (
            ("chain_head", ledgers.consent_head),
            ("request_chain_head", ledgers.requests_head),
        ):
            conn.execute(
                f"UPDATE {table} SET seq = ?, hash = ? WHERE id = 1",  # noqa: S608
                (head.seq, head.hash),
            )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'store_id'", (ledgers.store_id,))
