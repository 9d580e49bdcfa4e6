"""The PostgreSQL half of :func:`rekisteri.store._copy.copy_store`: rows out and in, as stored.

It works on a connection of its own to the store's database, on the tables
of :mod:`rekisteri.store.postgres` in the store's schema: read in one
``REPEATABLE READ`` transaction, written in one transaction that first locks
both chain heads (so no writer of the new store runs meanwhile).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql

from rekisteri.errors import StoreFileError
from rekisteri.store._chain import Head
from rekisteri.store._copy import (
    CONSENT_COLUMNS,
    NOT_EMPTY,
    REQUEST_COLUMNS,
    STATE_COLUMNS,
    Ledgers,
)

if TYPE_CHECKING:
    from rekisteri.store._copy import Row

__all__ = ["read", "write"]


def _select(table: str, columns: tuple[str, ...], order: str) -> sql.Composed:
    return sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.Identifier(table),
        sql.Identifier(order),
    )


def _head(cur: psycopg.Cursor[Any], table: str) -> Head:
    cur.execute(sql.SQL("SELECT seq, hash FROM {} WHERE id = 1").format(sql.Identifier(table)))
    row = cur.fetchone()
    if row is None:
        msg = f"store: {table} is missing; run verify"
        raise StoreFileError(msg)
    return Head(int(row[0]), bytes(row[1]))


def _bytes(row: Row, positions: tuple[int, ...]) -> Row:
    """*row* with the bytea columns at *positions* as ``bytes`` (psycopg may give memoryview)."""
    return tuple(
        bytes(value) if index in positions and value is not None else value
        for index, value in enumerate(row)
    )


_CONSENT_BYTES = tuple(CONSENT_COLUMNS.index(c) for c in ("payload", "digest", "prev", "hash"))
_REQUEST_BYTES = tuple(REQUEST_COLUMNS.index(c) for c in ("payload", "digest", "prev", "hash"))


def read(conninfo: str, schema: str) -> Ledgers:
    """Every row of the store in *schema*, in one snapshot."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cur.execute("SELECT key, value FROM meta")
            meta: dict[str, str] = dict(cur.fetchall())
            cur.execute(_select("events", CONSENT_COLUMNS, "seq"))
            consent = [_bytes(tuple(row), _CONSENT_BYTES) for row in cur.fetchall()]
            cur.execute(_select("request_events", REQUEST_COLUMNS, "seq"))
            requests = [_bytes(tuple(row), _REQUEST_BYTES) for row in cur.fetchall()]
            cur.execute(_select("request_state", STATE_COLUMNS, "request_id"))
            state = [(r, s, st, bool(o)) for r, s, st, o in cur.fetchall()]
            return Ledgers(
                store_id=str(meta["store_id"]),
                consent=consent,
                consent_head=_head(cur, "chain_head"),
                requests=requests,
                requests_head=_head(cur, "request_chain_head"),
                request_state=state,
            )


def _insert(table: str, columns: tuple[str, ...]) -> sql.Composed:
    return sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(columns)),
    )


def write(conninfo: str, schema: str, ledgers: Ledgers) -> None:
    """Write *ledgers* into the empty store in *schema*, in one transaction."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT 1 FROM chain_head WHERE id = 1 FOR UPDATE")
            cur.execute("SELECT 1 FROM request_chain_head WHERE id = 1 FOR UPDATE")
            cur.execute(
                "SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM request_events)"
                " OR EXISTS (SELECT 1 FROM request_state)"
            )
            held = cur.fetchone()
            if held is None or held[0]:
                raise StoreFileError(NOT_EMPTY)
            cur.executemany(_insert("events", CONSENT_COLUMNS), ledgers.consent)
            cur.executemany(_insert("request_events", REQUEST_COLUMNS), ledgers.requests)
            cur.executemany(
                _insert("request_state", STATE_COLUMNS),
                [(r, s, st, int(o)) for r, s, st, o in ledgers.request_state],  # open: integer
            )
            for table, head in (
                ("chain_head", ledgers.consent_head),
                ("request_chain_head", ledgers.requests_head),
            ):
                cur.execute(
                    sql.SQL("UPDATE {} SET seq = %s, hash = %s WHERE id = 1").format(
                        sql.Identifier(table)
                    ),
                    (head.seq, head.hash),
                )
            cur.execute("UPDATE meta SET value = %s WHERE key = 'store_id'", (ledgers.store_id,))
