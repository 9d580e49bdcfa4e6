"""The SQLite file of a store: connection, schema, migrations and shared helpers.

:func:`connect` opens a file the way every :class:`~rekisteri.store.sqlite.SQLiteStore`
does (WAL, ``synchronous=FULL``, ``secure_delete``, a busy timeout) and
:func:`migrate` brings its schema up to :data:`SCHEMA_VERSION`, refusing
another application's database. The SQL of each ledger is in
:mod:`rekisteri.store._consent_sql` and :mod:`rekisteri.store._requests_sql`;
both use the transaction and time helpers here.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Final

from rekisteri.errors import StoreFileError

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = 2

BUSY_TIMEOUT_MS: Final = 30_000
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND: Final = timedelta(microseconds=1)

#: Schema version 0 → 1: the consent ledger and the store's ``meta`` table.
CONSENT_TABLES: Final = (
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        subject TEXT,
        purpose TEXT,
        kind TEXT,
        at_us INTEGER,
        payload BLOB,
        digest BLOB NOT NULL,
        prev BLOB NOT NULL,
        hash BLOB NOT NULL,
        status TEXT,
        valid_until_us INTEGER
    )""",
    "CREATE INDEX events_subject_purpose_seq ON events (subject, purpose, seq)",
    """CREATE TABLE chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash BLOB NOT NULL
    )""",
    "INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, zeroblob(32))",  # the genesis hash
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)

#: Schema version 1 → 2: the request ledger, its chain head and the request state.
REQUEST_TABLES: Final = (
    """CREATE TABLE request_events (
        seq INTEGER PRIMARY KEY,
        request_id TEXT,
        subject TEXT,
        kind TEXT,
        at_us INTEGER,
        payload BLOB,
        digest BLOB NOT NULL,
        prev BLOB NOT NULL,
        hash BLOB NOT NULL
    )""",
    "CREATE INDEX request_events_request_seq ON request_events (request_id, seq)",
    """CREATE TABLE request_chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash BLOB NOT NULL
    )""",
    "INSERT INTO request_chain_head (id, seq, hash) VALUES (1, 0, zeroblob(32))",  # genesis
    """CREATE TABLE request_state (
        request_id TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        open INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX request_state_subject ON request_state (subject)",
    "CREATE INDEX request_state_open ON request_state (open, request_id)",
)

#: ``MIGRATIONS[n]`` takes a database from schema version n to n + 1.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (CONSENT_TABLES, REQUEST_TABLES)


def connect(path: str, *, create: bool) -> sqlite3.Connection:
    """Open *path* as a store (see :func:`migrate` for *create*); the caller closes it.

    Raises:
        StoreFileError: The file is not a rekisteri store, has a newer schema,
            or is empty with ``create=False``. The connection is closed then.
    """
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_is_store(conn, create=create)  # before WAL changes the file
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")  # erased data is overwritten
        migrate(conn, create=create)
    except BaseException:
        conn.close()
        raise
    return conn


def check_is_store(conn: sqlite3.Connection, *, create: bool) -> None:
    """Refuse another application's database (and, unless *create*, an empty one)."""
    try:
        tables = {
            str(name)
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    except sqlite3.DatabaseError:
        msg = "store: not a database (the file is not SQLite)"
        raise StoreFileError(msg) from None
    if "schema_version" in tables:
        return
    if tables:
        msg = "store: the database holds other tables; it is not a rekisteri store"
        raise StoreFileError(msg)
    if not create:
        msg = "store: the database is empty, not a rekisteri store"
        raise StoreFileError(msg)


def migrate(conn: sqlite3.Connection, *, create: bool = True) -> int:
    """Bring the schema of *conn* up to :data:`SCHEMA_VERSION`; return the version found.

    Runs in one ``BEGIN IMMEDIATE`` transaction, so concurrent openers of a
    new file create the schema once.

    With ``create=False`` an empty database is refused instead of being
    made a store. A database that holds other tables is always refused.

    Raises:
        StoreFileError: The file was written by a newer schema version, or
            by a development snapshot with an older ledger layout, or it is
            not a rekisteri store.
    """
    with immediate(conn):
        check_is_store(conn, create=create)  # again, inside the transaction
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        found = int(row[0]) if row[0] is not None else 0
        if found > SCHEMA_VERSION:
            msg = (
                f"store: schema version {found} is newer than this rekisteri"
                f" supports ({SCHEMA_VERSION})"
            )
            raise StoreFileError(msg)
        if found and "status" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}:
            # Development snapshots before 0.1.0 wrote schema version 1 with hex
            # hashes and separate state tables; their chains cannot be converted.
            msg = (
                "store: the file has the ledger layout of a rekisteri development snapshot"
                " (before 0.1.0); export its histories and create a new store"
            )
            raise StoreFileError(msg)
        for statements in MIGRATIONS[found:]:
            for statement in statements:
                conn.execute(statement)
        if found < SCHEMA_VERSION:
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
    return found


# --- transactions -------------------------------------------------------------------


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """A write transaction: ``BEGIN IMMEDIATE``, committed, or rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """A read transaction: every query inside it sees the same state of the file."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


# --- column values -------------------------------------------------------------------


def micros(moment: datetime) -> int:
    """An aware datetime as microseconds since the epoch (the ``*_us`` columns)."""
    return (moment - EPOCH) // MICROSECOND


def from_micros(value: int | None) -> datetime | None:
    """A ``*_us`` column as an aware UTC datetime; ``None`` stays ``None``."""
    return None if value is None else EPOCH + value * MICROSECOND


def from_iso(text: str | None) -> datetime | None:
    """An ISO 8601 datetime from an event's JSON; ``None`` stays ``None``."""
    return None if text is None else datetime.fromisoformat(text)


def as_bytes(value: object) -> bytes | None:
    """A payload column as bytes, whatever a tamperer stored in it."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return repr(value).encode("utf-8")
