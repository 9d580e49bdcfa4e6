"""The SQLite file of a store: connection, schema, migrations and shared helpers.

:func:`connect` opens a file the way every :class:`~rekisteri.store.sqlite.SQLiteStore`
does (WAL, ``synchronous=FULL``, ``secure_delete``, a busy timeout) and
:func:`migrate` brings its schema up to :data:`SCHEMA_VERSION`, refusing
another application's database. The SQL of each ledger is in
:mod:`rekisteri.store._consent_sql` and :mod:`rekisteri.store._requests_sql`;
both use the transaction and time helpers here.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rekisteri.errors import StoreFileError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = 3

BUSY_TIMEOUT_MS: Final = 30_000
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND: Final = timedelta(microseconds=1)

#: The consent ledger, its chain head and the store's ``meta`` table (``store_id``,
#: ``secret_check``). Every column that a decision reads is recomputed from the
#: keyed payload by ``_consent_sql.verify``; an erased row keeps only its keyed
#: digest and links, and an ``erasure`` row later in the chain names it.
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

#: The request ledger (keyed chain, 32-byte BLOB hashes), its chain head and the
#: request state; ``_requests_sql.verify`` recomputes the state and the plain
#: columns from the keyed payloads.
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

#: Every statement that makes a new store (schema version 0 → :data:`SCHEMA_VERSION`).
#: Versions 1 and 2 were never released; their files are refused, not migrated.
TABLES: Final[tuple[str, ...]] = CONSENT_TABLES + REQUEST_TABLES


def connect(
    path: str, *, create: bool, meta: Mapping[str, str] | None = None
) -> sqlite3.Connection:
    """Open *path* as a store (see :func:`migrate` for *create* and *meta*); the caller closes it.

    Raises:
        StoreFileError: The file is not a rekisteri store, has a newer schema,
            or is empty with ``create=False``. The connection is closed then.
    """
    if create:
        create_private(path)
    # One connection serves every thread of a store, which serialises its use
    # with a lock (see SQLiteStore); sqlite3's same-thread check is off for that.
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:  # a directory, a path too long, a folder that is missing
        msg = f"store: cannot open the database ({exc})"
        raise StoreFileError(msg) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_is_store(conn, create=create)  # before WAL changes the file
        conn.execute("PRAGMA journal_mode = WAL")
        tighten_sidecars(path)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")  # erased data is overwritten
        migrate(conn, create=create, meta=meta)
    except sqlite3.OperationalError as exc:  # locked by another process past the timeout
        conn.close()
        msg = f"store: cannot open the database ({exc})"
        raise StoreFileError(msg) from None
    except BaseException:
        conn.close()
        raise
    return conn


#: The mode of every file a store creates: readable and writable by its owner only.
PRIVATE_MODE: Final = 0o600
#: The files SQLite keeps beside a database; it creates them with the database's mode.
SIDECARS: Final = ("-wal", "-shm", "-journal")


def create_private(path: str) -> None:
    """Create the database file *path* with mode 0600, whatever the umask, if it is missing.

    SQLite creates a new database with mode 0644 under the usual umask, and
    its ``-wal``, ``-shm`` and ``-journal`` files with the mode of the
    database: creating the file first, empty and private, makes all of them
    private. An existing file is left as it is; ``":memory:"`` has no file.
    """
    if path in ("", ":memory:"):
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except OSError:  # it exists, or SQLite will say what is wrong with the path
        return
    try:
        os.fchmod(fd, PRIVATE_MODE)  # the umask may have taken bits away
    finally:
        os.close(fd)


def tighten_sidecars(path: str) -> None:
    """Take from the ``-wal``, ``-shm`` and ``-journal`` files any permission the database lacks.

    SQLite gives a new one the database's mode; one left over from an earlier
    run (by an older rekisteri, say) may be more open. Best effort: a file
    that belongs to someone else is left alone.
    """
    if path in ("", ":memory:"):
        return
    try:
        allowed = stat.S_IMODE(Path(path).stat().st_mode)
    except OSError:
        return
    for suffix in SIDECARS:
        sidecar = Path(path + suffix)
        try:
            mode = stat.S_IMODE(sidecar.stat().st_mode)
            if mode & ~allowed:
                sidecar.chmod(mode & allowed)
        except OSError:
            continue


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


def migrate(
    conn: sqlite3.Connection, *, create: bool = True, meta: Mapping[str, str] | None = None
) -> int:
    """Bring the schema of *conn* up to :data:`SCHEMA_VERSION`; return the version found.

    Runs in one ``BEGIN IMMEDIATE`` transaction, so concurrent openers of a
    new file create the schema once.

    With ``create=False`` an empty database is refused instead of being
    made a store. A database that holds other tables is always refused.
    When the store is created, *meta* (key → value) goes into its ``meta``
    table in the same transaction, so no opener ever sees a store without it.

    Raises:
        StoreFileError: The file was written by a newer schema version, or
            by an unreleased development version (schema 1 or 2), or it is
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
        if 0 < found < SCHEMA_VERSION:
            # Versions 1 and 2 had unkeyed chains; they cannot be converted.
            msg = (
                f"store: schema version {found} was created by an unreleased development"
                " version of rekisteri; create a new store"
            )
            raise StoreFileError(msg)
        if found == 0:
            for statement in TABLES:
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)", sorted((meta or {}).items())
            )
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
