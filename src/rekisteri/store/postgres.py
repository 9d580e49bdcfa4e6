"""A consent and request store in PostgreSQL, for applications on more than one host.

:class:`PostgresStore` has the semantics of
:class:`~rekisteri.store.sqlite.SQLiteStore`, method for method: the same
keyed hash chains (``rekisteri.store._chain``), the same validation of every
batch against the stored state, the same erasure rows, checks on read,
verification and checkpoints. Its tables live in one schema of their own
(``rekisteri`` by default), beside the application's tables, with a
``schema_version`` table for migrations; opening the same store from many
processes at once, even a store that does not exist yet, is safe (the
migration holds an advisory lock).

One chain, many writers: each ledger (consent, requests) keeps one gap-free
linear chain, whichever connection, process or host appends to it. A write
transaction (READ COMMITTED) first locks the ledger's chain head row with
``SELECT … FOR UPDATE``, then reads the state the batch is validated
against, validates, inserts the chained rows and moves the head, and
commits; a concurrent writer waits on the row lock and, once it has it,
reads the head and the state committed by the one before it (in READ
COMMITTED each statement sees every transaction committed before it began).
Why this and not the alternatives:

- ``pg_advisory_xact_lock`` would serialise just as well, but its key space
  is shared by the whole database (the application's own advisory locks
  included), and a writer that forgot it could still move the head; the row
  lock is on the very row every writer must update, held by PostgreSQL
  until commit or rollback, whatever happens to the client.
- SERIALIZABLE with retries makes every concurrent writer of the same head
  fail and start over (they all update one row): under contention that is
  wasted work and unbounded retries, and a batch's validation would be
  repeated on each attempt. Writers of one chain serialise anyway; the
  lock makes them queue instead of collide.

Measured on a local PostgreSQL 15 (one-event batches, a pool of 8): one
thread appends about 840 batches a second, eight threads together about
660, and the chain stays whole; with batches of 100 events eight threads
write about 13,600 events a second. The lock is held only for the
validation and the inserts, so batching is what raises throughput.

The two ledgers have separate head rows, so consent and request writes do
not wait for each other. Reads that need one consistent view of several
queries (export, verify, checkpoints) run in a REPEATABLE READ, read-only
transaction; single-query reads run as they are.

Threads: a store may be shared by the threads of a process. Every call
takes a connection from a pool (``psycopg_pool.ConnectionPool``) for its
own duration, so calls from several threads run in parallel. A store
given a connection string makes a pool of 1 to 8 connections (in
autocommit; the store opens its own transactions); pass a pool of your
own to size it otherwise.

Every call runs with ``search_path`` set to ``pg_catalog, pg_temp``: the
store's tables are named with their schema, and its operators and
functions are PostgreSQL's own, so an ``=`` or a function that a role
makes in its own schema (and puts first in its ``search_path``) cannot
change what a query matches. The store's own pool sets it once per
connection; on a connection of a pool passed in it is set for the call and
the connection's own value put back afterwards.

Erasure empties the rows with an UPDATE; PostgreSQL keeps the old row
versions until (auto)vacuum reclaims them, and in its write-ahead log and
backups. Run ``VACUUM`` on the store's ``events`` table after erasures
if the old versions must go at once.

psycopg is imported only by this module (``pip install rekisteri-fi[postgres]``);
``import rekisteri.store`` does not need it.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Final

from rekisteri._redact import redacted_repr
from rekisteri._validate import aware
from rekisteri.errors import MissingDependencyError, StoreFileError
from rekisteri.store import Verification, _consent_sql, _subjects
from rekisteri.store._chain import Checkpoint, Keys
from rekisteri.store._clock import DEFAULT_MAX_CLOCK_SKEW, check_skew
from rekisteri.store._consent_sql import ANY_PURPOSE

try:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as exc:  # pragma: no cover - exercised without the extra
    _MISSING = (
        "rekisteri.store.postgres needs psycopg 3 and psycopg-pool: install rekisteri-fi[postgres]"
    )
    raise MissingDependencyError(_MISSING) from exc

from rekisteri.store import _pg_consent, _pg_db, _pg_requests, _schema

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from rekisteri.consent import ConsentEvent, ConsentRecord, Decision
    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store import ChainProblem
    from rekisteri.store._pg_db import Conn

__all__ = ["SCHEMA_VERSION", "PostgresStore"]

#: The version of the PostgreSQL schema that this code writes.
SCHEMA_VERSION: Final = _pg_db.SCHEMA_VERSION
#: Seconds to wait for a connection from the pool before giving up.
POOL_TIMEOUT: Final = 30.0


def _where(conninfo: str) -> str:
    """``host=…, dbname=…`` of *conninfo* for reprs and messages; never the password."""
    try:
        params = conninfo_to_dict(conninfo)
    except psycopg.Error:
        return "host=?, dbname=?"
    from rekisteri._redact import redacted_repr  # a database named after a person is masked

    host = params.get("host") or params.get("hostaddr") or "(default)"
    dbname = params.get("dbname") or "(default)"
    return f"host={redacted_repr(str(host))}, dbname={redacted_repr(str(dbname))}"


def _database_error(exc: psycopg.Error) -> StoreFileError:
    """A StoreFileError for *exc*: its class and primary message (no detail: it may hold data)."""
    from rekisteri.identifiers.hetu import redact  # the server's text may name a person's code

    primary = redact(exc.diag.message_primary or type(exc).__name__)
    return StoreFileError(f"store: PostgreSQL error ({type(exc).__name__}: {primary})")


class PostgresStore(_subjects.Closing):
    """A consent and request store in PostgreSQL; a context manager.

    Implements :class:`~rekisteri.store.ConsentStore` and
    :class:`~rekisteri.store.RequestStore` with the semantics of
    :class:`~rekisteri.store.sqlite.SQLiteStore` (see the module for how
    writers on many hosts keep one chain).

    Args:
        conninfo: A libpq connection string or URL
            (``postgresql://user@host/db``), from which the store makes and
            owns a connection pool, or a ``psycopg_pool.ConnectionPool`` of the
            application's, which the store uses and leaves open on :meth:`close`.
        secret: At least 32 random bytes (``secrets.token_bytes(32)``), kept
            outside the database; every key of the store is derived from it.
        purposes: The known purpose keys: a mapping of key to "is direct
            marketing", or :class:`~rekisteri.model.Purpose` objects.
        schema: The PostgreSQL schema that holds the store's tables (a plain
            identifier; quoted as given). A schema that holds other tables is
            refused, never changed.
        create: Make the store (the schema and its tables) if the schema has
            none. Without it, a database without the store is refused.
        max_clock_skew: How far ahead of this machine's clock an event may
            be dated (default five minutes, at most an hour). An event dated
            later is refused with :class:`~rekisteri.errors.FutureEventError`:
            a date typed decades ahead would otherwise block every later
            event of the person, a withdrawal or objection included (an
            event is recorded when it happens). A withdrawal or objection
            made now that is earlier than the person's last event, dated
            ahead within this skew, is recorded at that event's moment.

    Raises:
        SecretTypeError: *secret* is not ``bytes``.
        WeakSecretError: *secret* is shorter than 32 bytes.
        WrongSecretError: *secret* is not the one the store was created with.
        InvalidValueError: *schema* is not a plain identifier.
        StoreFileError: The database cannot be reached, has no store in
            *schema* (and *create* is false), holds other tables there, has
            a newer schema version, or the store id or secret check value
            is missing. Messages never contain the password.
    """

    def __init__(
        self,
        conninfo: str | ConnectionPool,
        *,
        secret: bytes,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        schema: str = "rekisteri",
        create: bool = False,
        max_clock_skew: timedelta = DEFAULT_MAX_CLOCK_SKEW,
    ) -> None:
        self._closed = True  # until the store is open; close() is then harmless
        self._skew = check_skew(max_clock_skew)
        self._keys = Keys.from_secret(secret)  # raises SecretTypeError, WeakSecretError
        self._q = _pg_db.Queries(_pg_db.check_schema_name(schema))
        self._purposes = _subjects.known_purposes(purposes)
        self._lock = threading.Lock()
        meta = {"store_id": secrets.token_hex(16), "secret_check": self._keys.check_value()}
        if isinstance(conninfo, str):
            self._where = _where(conninfo)
            self._store_id = self._open(conninfo, create=create, meta=meta)
            self._pool = ConnectionPool(
                conninfo,
                min_size=1,
                max_size=8,
                kwargs={"autocommit": True},
                configure=_pin_search_path,
                open=True,
                name="rekisteri",
            )
            self._owns_pool = True
        else:
            pool_info = conninfo.conninfo
            self._where = _where(pool_info if isinstance(pool_info, str) else "")
            self._pool, self._owns_pool = conninfo, False
            self._store_id = self._open(None, create=create, meta=meta)
        self._closed = False

    def _open(self, conninfo: str | None, *, create: bool, meta: dict[str, str]) -> str:
        """Migrate the schema and check the secret, on one connection; return the store id."""
        try:
            if conninfo is None:
                with self._pool.connection(timeout=POOL_TIMEOUT) as conn, _pinned(conn):
                    return self._migrate(conn, create=create, meta=meta)
            with psycopg.connect(conninfo, autocommit=True) as conn:
                _pin_search_path(conn)
                return self._migrate(conn, create=create, meta=meta)
        except PoolTimeout:  # an OperationalError: caught first
            msg = f"store: no connection from the pool within {POOL_TIMEOUT:g} s ({self._where})"
            raise StoreFileError(msg) from None
        except psycopg.OperationalError as exc:
            reason = _reason(exc, conninfo or "")
            msg = f"store: cannot connect to PostgreSQL ({self._where}): {reason}"
            raise StoreFileError(msg) from None
        except psycopg.Error as exc:
            if exc.sqlstate is None:  # raised by libpq or psycopg, not the server
                reason = _reason(exc, conninfo or "")
                msg = f"store: cannot use the connection string ({self._where}): {reason}"
                raise StoreFileError(msg) from None
            raise _database_error(exc) from None

    def _migrate(self, conn: Conn, *, create: bool, meta: dict[str, str]) -> str:
        _pg_db.migrate(conn, self._q, create=create, meta=meta)
        rows = conn.execute(self._q("SELECT key, value FROM {s}.meta")).fetchall()
        return _subjects.check_meta(self._keys, dict(rows))

    def __repr__(self) -> str:
        return (
            f"PostgresStore({self._where}, schema={redacted_repr(self._q.schema)},"
            f" purposes={sorted(self._purposes)!r})"
        )

    def close(self) -> None:
        """Close the store's own connection pool (a pool passed in stays open).

        Closing twice is harmless; any other method of a closed store raises
        :class:`~rekisteri.errors.StoreFileError`.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._owns_pool:
            self._pool.close()

    @contextmanager
    def _conn(self) -> Iterator[Conn]:
        """A connection from the pool for one call; database errors become StoreFileError."""
        if self._closed:
            msg = "store: closed; open a new PostgresStore"
            raise StoreFileError(msg)
        try:
            with self._pool.connection(timeout=POOL_TIMEOUT) as conn:
                if self._owns_pool:  # set when the pool made the connection
                    yield conn
                else:
                    with _pinned(conn):
                        yield conn
        except PoolTimeout:  # a psycopg.Error: caught first
            msg = f"store: no connection from the pool within {POOL_TIMEOUT:g} s ({self._where})"
            raise StoreFileError(msg) from None
        except psycopg.Error as exc:
            raise _database_error(exc) from None
        except _RETYPED as exc:
            raise StoreFileError(_RETYPED_MESSAGE) from exc

    def _ref(self, subject: object) -> str:
        """The subject reference as stored: an opaque id as is, a hetu as its HMAC.

        Raises:
            InvalidValueError: As in SQLite (a NUL character included, which
                PostgreSQL text cannot hold).
        """
        return _subjects.subject_ref(self._keys, subject)

    # -- consent ------------------------------------------------------------------

    def append(self, events: Iterable[ConsentEvent]) -> None:
        """Validate a batch of events against the stored state, then write all of it.

        As :meth:`SQLiteStore.append <rekisteri.store.sqlite.SQLiteStore.append>`:
        per subject no event earlier than its last one, each consent event
        allowed by :data:`~rekisteri.consent.TRANSITIONS`, a prohibition
        lifted only when in force; checked inside the write transaction,
        after the chain head is locked. If anything is wrong, nothing is written.

        Raises:
            InvalidValueError: An unknown purpose, a naive datetime, an event
                earlier than the subject's last one.
            FutureEventError: An event dated more than ``max_clock_skew``
                ahead of the clock (an InvalidValueError).
            InvalidTransitionError: A consent event not allowed in its status.
        """
        _subjects.require_batch(events, "ConsentEvent")
        with self._conn() as conn:
            _pg_consent.append(
                conn,
                self._q,
                events,
                ref=self._ref,
                purposes=self._purposes,
                keys=self._keys,
                skew=self._skew,
            )

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        """Return the consent record of *subject* for *purpose*, or ``None`` if there is none."""
        if purpose == ANY_PURPOSE:
            return None
        ref = self._ref(subject)
        with self._conn() as conn:
            return _pg_consent.record(conn, self._q, ref, subject, purpose=purpose, keys=self._keys)

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        """Return whether *subject* has a direct-marketing prohibition in force at *at*."""
        moment = aware(at, "at")
        ref = self._ref(subject)
        with self._conn() as conn:
            return _pg_consent.prohibited(conn, self._q, ref, moment)

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        """Decide whether *purpose* may be processed for *subject* at *at*.

        Raises:
            InvalidValueError: An unknown purpose or a naive *at*.
        """
        direct_marketing = _consent_sql.direct_marketing(self._purposes, purpose, where="purpose")
        moment = aware(at, "at")
        ref = self._ref(subject)
        with self._conn() as conn:
            row = _pg_consent.row_at(conn, self._q, ref, purpose, moment)
            banned = direct_marketing and _pg_consent.prohibited(conn, self._q, ref, moment)
        return _consent_sql.decision(
            row, subject, purpose, at=moment, banned=banned, direct_marketing=direct_marketing
        )

    def history(self, subject: str) -> list[ConsentEvent]:
        """Return every stored event of *subject*, in the order they were appended."""
        ref = self._ref(subject)
        with self._conn() as conn:
            return _pg_consent.history(conn, self._q, ref, subject, self._keys)

    def export(self, subject: str) -> bytes:
        """Return a JSON document with everything stored about *subject* (Art 15).

        The document of :meth:`SQLiteStore.export <rekisteri.store.sqlite.SQLiteStore.export>`.
        """
        ref = self._ref(subject)
        with self._conn() as conn:
            return _pg_consent.export(conn, self._q, ref, self._keys)

    def erase(self, subject: str) -> int:
        """Erase the consent events of *subject* (Art 17); return how many rows were erased.

        As in the SQLite store, each row keeps its seq, keyed digest and
        links; an erasure row in the chain names the emptied rows; the
        prohibitions stay. PostgreSQL keeps the old row versions until
        vacuum (see the module).
        """
        ref = self._ref(subject)
        with self._conn() as conn:
            return _pg_consent.erase(conn, self._q, ref, self._keys, datetime.now(UTC))

    def verify(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Walk the whole consent ledger in ``seq`` order and report every problem found.

        The checks of :meth:`SQLiteStore.verify <rekisteri.store.sqlite.SQLiteStore.verify>`,
        in one snapshot of the database; its ``"schema"`` problems here are
        row-level security, a policy, a rule, a trigger or a view in the
        store's schema, each of which can change what a read returns.

        Raises:
            StoreFileError: The ledger's tables are missing or unreadable.
        """
        problems, head = _subjects.checkpoint_problems(self._keys, self._store_id, checkpoint)
        with self._conn() as conn:
            result, schema = _walked(
                lambda: _pg_consent.verify(conn, self._q, self._keys, checkpoint=head),
                lambda: self._schema_problems(conn),
            )
        return _subjects.with_problems(result, [*problems, *schema])

    def checkpoint(self) -> Checkpoint:
        """Return a signed checkpoint of both ledgers' heads (``"consent"``, ``"requests"``).

        Raises:
            StoreFileError: A chain head is missing or damaged.
        """
        with self._conn() as conn, _pg_db.snapshot(conn):
            heads = {
                "consent": _pg_consent.head(conn, self._q),
                "requests": _pg_requests.head(conn, self._q),
            }
        return self._keys.sign(self._store_id, datetime.now(UTC), heads)

    # -- data-subject requests ------------------------------------------------------

    def append_requests(self, events: Iterable[RequestEvent]) -> None:
        """Validate a batch of request events against the stored requests, then write all of it.

        Raises:
            InvalidValueError: Not a request event, a naive datetime, events
                out of order, an extension after the first month, a request
                id that holds a henkilötunnus.
            FutureEventError: An event dated more than ``max_clock_skew``
                ahead of the clock.
            InvalidTransitionError: An event not allowed in its request's status.
        """
        _subjects.require_batch(events, "RequestEvent")
        batch = _subjects.without_codes_in_request_ids(events)
        with self._conn() as conn:
            _pg_requests.append(conn, self._q, batch, self._ref, self._keys, skew=self._skew)

    def request(self, request_id: str) -> DataSubjectRequest | None:
        """Return the request with *request_id*, or ``None`` (its subject as stored)."""
        _subjects.request_id(request_id)
        with self._conn() as conn:
            return _pg_requests.request(conn, self._q, request_id, self._keys)

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        """Return the requests of *subject* (or of everyone), ordered by request id."""
        ref = None if subject is None else self._ref(subject)
        flag = _subjects.only_open_flag(only_open)
        with self._conn() as conn:
            return _pg_requests.requests(conn, self._q, self._keys, subject=ref, only_open=flag)

    def verify_requests(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Walk the request ledger and report every problem found (as the SQLite store's)."""
        _subjects.require_checkpoint(checkpoint)
        with self._conn() as conn:
            result, schema = _walked(
                lambda: _pg_requests.verify(conn, self._q, self._keys, checkpoint),
                lambda: self._schema_problems(conn),
            )
            return _subjects.with_problems(result, schema)

    def _schema_problems(self, conn: Conn) -> list[ChainProblem]:
        """Row security, policies, rules, triggers or views that can change what a read sees."""
        return _schema.pg_problems(
            lambda query, params: conn.execute(query, params).fetchall(), self._q.schema
        )


#: What reading a value of another type than rekisteri wrote raises (a text ``seq``
#: has no ``to_bytes``, a text ``at_us`` does not compare with a number).
_RETYPED: Final = (TypeError, AttributeError, ArithmeticError)
_RETYPED_MESSAGE: Final = (
    "store: a stored value is not of the type rekisteri writes (was a column of the store's"
    " tables changed?); run verify"
)


def _walked(
    walk: Callable[[], Verification], schema: Callable[[], list[ChainProblem]]
) -> tuple[Verification, list[ChainProblem]]:
    """The result of *walk* and the schema's problems, read after it (its snapshot first).

    A column changed to another type (the schema check reports it) makes the
    rows unreadable as rekisteri wrote them: then no events were checked.
    Without such a report the error goes on (``_conn`` makes it a
    :class:`StoreFileError`).
    """
    try:
        result = walk()
    except _RETYPED:
        problems = schema()
        if not problems:
            raise
        return Verification(ok=False, events=0), problems
    return result, schema()


#: The ``search_path`` of every call: PostgreSQL's own operators and functions only.
_SAFE_SEARCH_PATH: Final = "pg_catalog, pg_temp"


def _pin_search_path(conn: Conn) -> None:
    """Set the session's ``search_path`` to :data:`_SAFE_SEARCH_PATH` (see the module)."""
    conn.execute("SELECT set_config('search_path', %s, false)", (_SAFE_SEARCH_PATH,))


@contextmanager
def _pinned(conn: Conn) -> Iterator[None]:
    """:data:`_SAFE_SEARCH_PATH` for one call on a connection of a pool passed in, then its own."""
    row = conn.execute(
        "SELECT current_setting('search_path'), set_config('search_path', %s, false)",
        (_SAFE_SEARCH_PATH,),
    ).fetchone()
    if not conn.autocommit:  # the SELECT opened a transaction: the store opens its own
        conn.commit()
    try:
        yield
    finally:
        if row is not None and not conn.closed:
            with suppress(psycopg.Error):  # a broken connection is the pool's to discard
                conn.execute("SELECT set_config('search_path', %s, false)", (row[0],))
                if not conn.autocommit:
                    conn.commit()


def _reason(exc: BaseException, conninfo: str) -> str:
    """The first line of libpq's message, unless it could hold the password (or is empty)."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    try:
        hidden = str(conninfo_to_dict(conninfo).get("password") or "")
    except psycopg.Error:
        return type(exc).__name__  # the string cannot be read: trust no message
    if not line or (hidden and hidden in line):
        return type(exc).__name__
    from rekisteri.identifiers.hetu import redact  # a role or database named after a person

    return redact(line)
