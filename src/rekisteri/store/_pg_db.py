"""The PostgreSQL schema of a store: names, tables, migrations and transactions.

Every table of a store lives in one schema of its own (``rekisteri`` unless
the application names another), beside the application's tables; the
tables mirror those of the SQLite store (``rekisteri.store._sqlite_db``),
with ``bytea`` for the keyed digests, links and payloads. :func:`migrate`
brings the schema up to :data:`SCHEMA_VERSION` under a transaction-scoped
advisory lock, so any number of processes may open (and create) the same
store at once: one creates it, the others wait and find it made.

Only :mod:`rekisteri.store.postgres` and its private modules import this
(and so psycopg).
"""

from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final, LiteralString

from psycopg import sql

from rekisteri._redact import redacted_repr
from rekisteri.errors import InvalidValueError, StoreFileError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any, TypeAlias

    import psycopg

    #: A connection with rows as tuples (psycopg's default row factory).
    Conn: TypeAlias = psycopg.Connection[tuple[Any, ...]]

#: The version of the PostgreSQL schema that this code writes.
SCHEMA_VERSION: Final = 1

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}").fullmatch

#: Every statement that makes a new store in the (existing, empty) schema ``{s}``.
TABLES: Final[tuple[LiteralString, ...]] = (
    "CREATE TABLE {s}.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE {s}.events (
        seq bigint PRIMARY KEY,
        subject text,
        purpose text,
        kind text,
        at_us bigint,
        payload bytea,
        digest bytea NOT NULL,
        prev bytea NOT NULL,
        hash bytea NOT NULL,
        status text,
        valid_until_us bigint
    )""",
    "CREATE INDEX events_subject_purpose_seq ON {s}.events (subject, purpose, seq)",
    """CREATE TABLE {s}.chain_head (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash bytea NOT NULL
    )""",
    "INSERT INTO {s}.chain_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))",
    """CREATE TABLE {s}.request_events (
        seq bigint PRIMARY KEY,
        request_id text,
        subject text,
        kind text,
        at_us bigint,
        payload bytea,
        digest bytea NOT NULL,
        prev bytea NOT NULL,
        hash bytea NOT NULL
    )""",
    "CREATE INDEX request_events_request_seq ON {s}.request_events (request_id, seq)",
    """CREATE TABLE {s}.request_chain_head (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash bytea NOT NULL
    )""",
    (
        "INSERT INTO {s}.request_chain_head (id, seq, hash)"
        " VALUES (1, 0, decode(repeat('00', 32), 'hex'))"
    ),
    """CREATE TABLE {s}.request_state (
        request_id text PRIMARY KEY,
        subject text NOT NULL,
        status text NOT NULL,
        open integer NOT NULL
    )""",
    "CREATE INDEX request_state_subject ON {s}.request_state (subject)",
    "CREATE INDEX request_state_open ON {s}.request_state (open, request_id)",
    "CREATE TABLE {s}.schema_version (version integer NOT NULL)",
)

#: The tables of a schema (``%s``: its name), as the catalog lists them.
TABLE_NAMES: Final = (
    "SELECT c.relname FROM pg_catalog.pg_class AS c"
    " JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace"
    " WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
)


def check_schema_name(schema: object) -> str:
    """Return *schema* if it is a plain identifier a store may use; raise otherwise.

    Raises:
        InvalidValueError: Not a string of 1-63 ASCII letters, digits and
            underscores starting with a letter or underscore, or a name
            starting with ``pg_`` (reserved by PostgreSQL).
    """
    if not isinstance(schema, str) or _IDENTIFIER(schema) is None:
        msg = (
            "schema: expected a plain identifier (ASCII letters, digits and underscores,"
            " at most 63, not starting with a digit)"
        )
        raise InvalidValueError(msg)
    if schema.lower().startswith("pg_"):
        msg = "schema: names starting with pg_ are reserved by PostgreSQL"
        raise InvalidValueError(msg)
    return schema


class Queries:
    """The statements of one store's schema, composed once and kept."""

    def __init__(self, schema: str) -> None:
        self.schema = schema
        self._ident = sql.Identifier(schema)
        self._cache: dict[str, sql.Composed] = {}

    def __call__(self, text: LiteralString) -> sql.Composed:
        """*text* with ``{s}`` replaced by the quoted schema name."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = sql.SQL(text).format(s=self._ident)
        return found


def lock_key(schema: str) -> int:
    """The advisory lock key under which the schema *schema* is migrated (a signed bigint)."""
    digest = hashlib.sha256(b"rekisteri store schema\0" + schema.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def migrate(
    conn: Conn,
    q: Queries,
    *,
    create: bool,
    meta: Mapping[str, str] | None = None,
) -> int:
    """Bring the store's schema up to :data:`SCHEMA_VERSION`; return the version found.

    Runs in one transaction holding ``pg_advisory_xact_lock`` on a key of the
    schema name, so concurrent openers create the tables once. When the
    store is created, *meta* goes into its ``meta`` table in the same
    transaction, so nobody ever sees a store without it.

    Raises:
        StoreFileError: The schema holds other tables (it is never changed),
            has no store and *create* is false, or was written by a newer
            version of rekisteri.
    """
    with transaction(conn):
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(q.schema),))
        tables = {str(name) for (name,) in conn.execute(TABLE_NAMES, (q.schema,))}
        if "schema_version" in tables:
            row = conn.execute(q("SELECT max(version) FROM {s}.schema_version")).fetchone()
            found = 0 if row is None or row[0] is None else int(str(row[0]))
            if found > SCHEMA_VERSION:
                msg = (
                    f"store: schema version {found} is newer than this rekisteri"
                    f" supports ({SCHEMA_VERSION})"
                )
                raise StoreFileError(msg)
            if found == SCHEMA_VERSION:
                return found
            shown = redacted_repr(q.schema)
            msg = f"store: the schema version table of schema {shown} is empty or damaged"
            raise StoreFileError(msg)
        if tables:
            msg = (
                f"store: the schema {redacted_repr(q.schema)} holds other tables; it is not"
                " a rekisteri store (name a schema of its own)"
            )
            raise StoreFileError(msg)
        if not create:
            msg = (
                f"store: no rekisteri store in the schema {redacted_repr(q.schema)} of this"
                " database; pass create=True to make one"
            )
            raise StoreFileError(msg)
        exists = conn.execute(
            "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = %s", (q.schema,)
        ).fetchone()
        if exists is None:  # a schema made for the store (by an administrator, say) is used
            conn.execute(q("CREATE SCHEMA {s}"))
        for statement in TABLES:
            conn.execute(q(statement))
        with conn.cursor() as cursor:
            cursor.executemany(
                q("INSERT INTO {s}.meta (key, value) VALUES (%s, %s)"),
                sorted((meta or {}).items()),
            )
        conn.execute(q("INSERT INTO {s}.schema_version (version) VALUES (%s)"), (SCHEMA_VERSION,))
    return 0


# --- transactions -------------------------------------------------------------------

_READ_COMMITTED: Final = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE"
_SNAPSHOT: Final = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"


@contextmanager
def transaction(conn: Conn) -> Iterator[None]:
    """A write transaction in READ COMMITTED (whatever the connection's default).

    Each statement sees every transaction committed before it started, so
    the state read after taking a chain head's row lock is the latest.
    """
    with conn.transaction():
        conn.execute(_READ_COMMITTED)
        yield


@contextmanager
def snapshot(conn: Conn) -> Iterator[None]:
    """A read-only transaction in which every query sees the same state (REPEATABLE READ)."""
    with conn.transaction():
        conn.execute(_SNAPSHOT)
        yield
