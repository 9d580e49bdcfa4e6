"""A consent store in one SQLite file, safe for several processes at once.

The file holds an append-only ledger of events (``events``) chained with
keys derived from the store's secret (see ``rekisteri.store._chain``), and the
seq and hash of its last row (``chain_head``). Each consent row also carries
the status and expiry that its event leaves, so that
:meth:`SQLiteStore.may_process` reads one row per question through the
``(subject, purpose, seq)`` index, however long the history is;
:meth:`SQLiteStore.verify` recomputes every such column from the keyed event
data and reports any difference.

Writers serialise on ``BEGIN IMMEDIATE``; every batch is validated against the
state read inside its own transaction, so concurrent writers can never both
pass validation against the same state. The file is in WAL mode with
``synchronous=FULL``: a committed batch survives a crash of the process or
the machine, and a batch that was not committed leaves no trace.

A henkilötunnus given as a subject is never written: the store keeps
``"hmac-sha256:" + HMAC-SHA256(subject key, canonical hetu)`` instead, with
a key derived from the secret.

This module holds the public class; the SQL is in private modules beside it:
the connection and migrations in ``_sqlite_db``, the consent ledger in
``_consent_sql`` and the request ledger in ``_requests_sql``.

Examples:
    >>> from datetime import UTC, datetime
    >>> from rekisteri.consent import ConsentEvent, EventKind
    >>> t = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    >>> secret = b"0123456789abcdef0123456789abcdef"  # use secrets.token_bytes(32)
    >>> with SQLiteStore(":memory:", secret=secret, purposes={"newsletter": True}) as store:
    ...     store.append([
    ...         ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=t),
    ...     ])
    ...     print(store.may_process("c-1", "newsletter", at=t).reason)
    ...     print(bool(store.verify()))
    consent_valid
    True
"""

from __future__ import annotations

import functools
import inspect
import os
import secrets
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, Final, ParamSpec, TypeVar

from rekisteri._validate import aware
from rekisteri.errors import StoreFileError
from rekisteri.store import _consent_sql, _requests_sql, _schema, _sqlite_db, _subjects
from rekisteri.store._chain import Checkpoint, Keys
from rekisteri.store._clock import DEFAULT_MAX_CLOCK_SKEW, check_skew
from rekisteri.store._consent_sql import ANY_PURPOSE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from rekisteri.consent import ConsentEvent, ConsentRecord, Decision
    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store import Verification

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = _sqlite_db.SCHEMA_VERSION
#: The version of the :meth:`SQLiteStore.export` document.
EXPORT_SCHEMA_VERSION: Final = _consent_sql.EXPORT_SCHEMA_VERSION
#: Bring a connection's schema up to :data:`SCHEMA_VERSION` (see ``_sqlite_db.migrate``).
migrate = _sqlite_db.migrate

# The recogniser of henkilötunnus subjects, shared with the PostgreSQL store.
_hetu_subject = _subjects.hetu_subject

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _locked(
    method: Callable[Concatenate[SQLiteStore, _P], _R],
) -> Callable[Concatenate[SQLiteStore, _P], _R]:
    """Run *method* holding the store's lock; refuse a closed store with a clear error."""

    @functools.wraps(method)
    def locked(self: SQLiteStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            if self._closed and method.__name__ != "close":
                msg = "store: closed; open a new SQLiteStore"
                raise StoreFileError(msg)
            return method(self, *args, **kwargs)

    return locked


def _serialised(cls: type[SQLiteStore]) -> type[SQLiteStore]:
    """Make every public method of *cls* hold the instance's lock (see SQLiteStore).

    Applied to the class rather than written into each method, so that a
    method added later is serialised too. ``__init__`` gets the lock first.
    """
    init = cls.__init__

    @functools.wraps(init)
    def __init__(self: SQLiteStore, /, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401, N807
        self._lock = threading.RLock()
        self._closed = False
        init(self, *args, **kwargs)

    cls.__init__ = __init__  # type: ignore[assignment,method-assign]
    for name, value in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(value):
            setattr(cls, name, _locked(value))
    return cls


@_serialised
class SQLiteStore(_subjects.Closing):
    """A :class:`~rekisteri.store.ConsentStore` in one SQLite file; a context manager.

    Args:
        path: The database file (created if missing), or ``":memory:"``.
        purposes: The known purpose keys: a mapping of key to "is direct
            marketing", or :class:`~rekisteri.model.Purpose` objects. Consent
            events for any other purpose are refused.
        secret: At least 32 random bytes (``secrets.token_bytes(32)``), kept
            outside the database. Every key of the store is derived from it:
            the keyed chain, the digests of event data, the HMAC of
            henkilötunnus subjects and the checkpoint signatures. A new store
            keeps a check value of it and refuses any other secret afterwards.
        create: Make a new store when the file is missing or empty. Pass
            ``False`` to only open an existing store (for reading, say): a
            missing or empty file is then refused and left untouched.
        max_clock_skew: How far ahead of this machine's clock an event may
            be dated (default five minutes, at most an hour). An event dated
            later is refused with :class:`~rekisteri.errors.FutureEventError`:
            a date typed decades ahead would otherwise block every later
            event of the person, a withdrawal or objection included (an
            event is recorded when it happens). A withdrawal or objection
            made now that is earlier than the person's last event, dated
            ahead within this skew, is recorded at that event's moment.

    Threads: one store may be shared by the threads of a process (a web
    framework's thread pool, say). It has one connection and a lock
    (``threading.RLock``); every public method holds the lock for its whole
    run, so calls from several threads run one after another and each sees
    a consistent state. Processes are kept apart by SQLite's own locking
    (``BEGIN IMMEDIATE``). For reads in parallel, give each thread a store
    of its own. :meth:`close` closes the connection; any later call raises
    :class:`~rekisteri.errors.StoreFileError`.

    Files: a new database file is created with mode 0600 (owner only),
    whatever the umask, and SQLite gives its ``-wal`` and ``-shm`` files the
    same mode. An existing file keeps its mode.

    Raises:
        SecretTypeError: *secret* is not ``bytes`` (a ``str`` included).
        WeakSecretError: *secret* is shorter than 32 bytes.
        WrongSecretError: *secret* is not the one the store was created with.
        StoreFileError: The file has a newer schema or one of an unreleased
            development version, is another application's database (it is
            never changed), is missing or empty with ``create=False``, or
            its store id or secret check value is missing.
    """

    _lock: threading.RLock  # set before __init__ runs (see _serialised)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        secret: bytes,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        create: bool = True,
        max_clock_skew: timedelta = DEFAULT_MAX_CLOCK_SKEW,
    ) -> None:
        self._skew = check_skew(max_clock_skew)
        self._keys = Keys.from_secret(secret)  # raises SecretTypeError, WeakSecretError
        self._path = os.fspath(path)
        if not create and self._path != ":memory:" and not Path(self._path).is_file():
            msg = "store: no such database file"
            raise StoreFileError(msg)
        self._purposes = _subjects.known_purposes(purposes)
        self._conn = _sqlite_db.connect(
            self._path,
            create=create,
            meta={"store_id": secrets.token_hex(16), "secret_check": self._keys.check_value()},
        )
        try:
            self._store_id = self._check_secret()
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        from rekisteri._redact import redacted_repr  # a file named after a person is masked

        return f"SQLiteStore({redacted_repr(self._path)}, purposes={sorted(self._purposes)!r})"

    def close(self) -> None:
        """Close the database connection; the store cannot be used afterwards.

        Waits for a call running in another thread to finish. Closing twice
        is harmless; any other method of a closed store raises
        :class:`~rekisteri.errors.StoreFileError`.
        """
        self._closed = True
        self._conn.close()

    # -- subjects and purposes -------------------------------------------------

    def _check_secret(self) -> str:
        """Refuse a store without its id or check value, or another secret; return the id."""
        try:
            meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            meta = {}
        return _subjects.check_meta(self._keys, meta)

    def _ref(self, subject: object) -> str:
        """The subject reference as stored: an opaque id as is, a hetu as its HMAC."""
        return _subjects.subject_ref(self._keys, subject)

    # -- writing (SQL in rekisteri.store._consent_sql) ---------------------------

    def append(self, events: Iterable[ConsentEvent]) -> None:
        """Validate a batch of events against the stored state, then write all of it.

        The batch is checked as a whole, inside the write transaction, before
        anything is written: per subject, no event may be earlier than the
        subject's last event; each consent event must be allowed by
        :data:`~rekisteri.consent.TRANSITIONS` in the status that the events
        before it leave; a prohibition can be lifted only when it is in force.
        If anything is wrong, nothing is written.

        Raises:
            InvalidValueError: An unknown purpose, a naive datetime, an event
                earlier than the subject's last one. The message names the
                position in the batch and the purpose, never the subject.
            FutureEventError: An event dated more than ``max_clock_skew``
                ahead of the clock (an InvalidValueError).
            InvalidTransitionError: A consent event not allowed in its status.
        """
        _subjects.require_batch(events, "ConsentEvent")
        _consent_sql.append(
            self._conn,
            events,
            ref=self._ref,
            purposes=self._purposes,
            keys=self._keys,
            skew=self._skew,
        )

    # -- reading ---------------------------------------------------------------

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        """Return the consent record of *subject* for *purpose*, or ``None`` if there is none.

        The record is folded from the stored events, which carry *subject* as
        you passed it. After :meth:`erase` there is none.
        """
        if purpose == ANY_PURPOSE:
            return None
        return _consent_sql.record(self._conn, self._ref(subject), subject, purpose, self._keys)

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        """Return whether *subject* has a direct-marketing prohibition in force at *at*.

        A prohibition is in force from the time of its event until a later
        lift. It survives :meth:`erase`.
        """
        moment = aware(at, "at")
        return _consent_sql.prohibited(self._conn, self._ref(subject), moment)

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        """Decide whether *purpose* may be processed for *subject* at *at*.

        Uses :func:`~rekisteri.consent.decide` with the consent status and the
        prohibition in force at *at* (for a moment in the past, the status
        then, not today's) and the purpose's direct-marketing flag. One indexed
        look-up (two for a direct-marketing purpose; one more each when *at* is
        before the latest event), whatever the length of the history.

        Raises:
            InvalidValueError: An unknown purpose or a naive *at*.
        """
        direct_marketing = _consent_sql.direct_marketing(self._purposes, purpose, where="purpose")
        moment = aware(at, "at")
        ref = self._ref(subject)
        return _consent_sql.may_process(
            self._conn, ref, subject, purpose, at=moment, direct_marketing=direct_marketing
        )

    def history(self, subject: str) -> list[ConsentEvent]:
        """Return every stored event of *subject*, in the order they were appended.

        The events carry *subject* as you passed it. After :meth:`erase` only
        the prohibition events remain.
        """
        return _consent_sql.history(self._conn, self._ref(subject), subject, self._keys)

    def export(self, subject: str) -> bytes:
        """Return a JSON document with everything stored about *subject* (Art 15).

        The document has ``schema_version``, ``subject`` (the reference as
        stored: an opaque id, or the HMAC of a henkilötunnus), ``prohibited``
        (the prohibition currently in force) and ``events``, oldest first, each
        with ``seq``, ``kind``, ``purpose``, ``at``, ``channel``, ``evidence``,
        ``actor``, ``valid_until`` and ``by_guardian``.
        """
        return _consent_sql.export(self._conn, self._ref(subject), self._keys)

    # -- erasure ---------------------------------------------------------------

    def erase(self, subject: str) -> int:
        """Erase the consent events of *subject* (Art 17); return how many rows were erased.

        Each row keeps its ``seq``, keyed digest and links, so the chain still
        verifies; its event data and subject reference are emptied. An
        erasure row appended to the chain names the emptied rows (by seq, not
        the subject), so :meth:`verify` tells them from rows emptied by hand.
        The prohibition events and the prohibition itself stay (Art 21: the
        person must stay un-marketed). Afterwards :meth:`record` returns ``None``.

        Then the WAL is checkpointed (``PRAGMA wal_checkpoint(TRUNCATE)``), so
        old versions of the rows do not linger in the ``-wal`` file.

        Raises:
            ErasureNotFlushedError: The erasure is committed (its ``erased``
                says how many rows), but another connection kept the WAL
                checkpoint from completing. Call :meth:`erase` again later: it
                finds nothing more to erase and retries the checkpoint.
        """
        ref = self._ref(subject)
        return _consent_sql.erase(self._conn, ref, self._keys, datetime.now(UTC))

    # -- integrity ---------------------------------------------------------------

    def verify(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Walk the whole consent ledger in ``seq`` order and report every problem found.

        Finds rows whose event data no longer matches its keyed digest, or
        whose digest, links or any column a decision reads (subject,
        purpose, kind, time, status, expiry) were changed (``"edited"``),
        rows whose content belongs at another position (``"reordered"``),
        gaps in ``seq`` (``"missing"``), rows that do not follow the row
        before them or a chain head that does not match the last row
        (``"broken_link"``), rows whose stored status does not follow from
        the events (``"state"``) and rows emptied without an erasure row
        naming them (``"erased_without_record"``), and an index, trigger or
        view added, changed or dropped behind the store or an index whose
        entries do not match its table (``"schema"``, at ``seq`` 0; it runs
        ``PRAGMA integrity_check``). Erased rows are checked
        through their keyed digest only.

        With a *checkpoint* (from :meth:`checkpoint`, kept elsewhere) it also
        reports (``"checkpoint"``) a checkpoint not signed with this store's
        secret or made for another store, a ledger shorter than it was then,
        and a row at the checkpoint's position whose hash changed since.
        Without one, cutting rows off the end of the ledger together with
        its chain head, or replacing the file by an older copy, is not found.

        Raises:
            StoreFileError: The ledger's tables are missing or unreadable.
        """
        problems, head = _subjects.checkpoint_problems(self._keys, self._store_id, checkpoint)
        result = _consent_sql.verify(self._conn, self._keys, checkpoint=head)
        return _subjects.with_problems(result, [*problems, *_schema.sqlite_problems(self._conn)])

    def checkpoint(self) -> Checkpoint:
        """Return a signed checkpoint of both ledgers' heads (``"consent"``, ``"requests"``).

        Keep it outside the store (a log, an e-mail, another system) and pass
        it to :meth:`verify` later: it reveals rows cut off the end of a
        ledger, a ledger deleted and started again, or the file replaced by a
        copy older than the checkpoint, which the chain alone cannot show.

        Raises:
            StoreFileError: A chain head is missing or damaged.
        """
        with _sqlite_db.snapshot(self._conn):
            heads = {
                "consent": _consent_sql.head(self._conn),
                "requests": _requests_sql.head(self._conn),
            }
        return self._keys.sign(self._store_id, datetime.now(UTC), heads)

    # -- data-subject requests (SQL in rekisteri.store._requests_sql) ------------

    def append_requests(self, events: Iterable[RequestEvent]) -> None:
        """Validate a batch of request events against the stored requests, then write all of it.

        Each request touched is folded from its stored events and the new
        ones inside the write transaction, so every rule of
        :meth:`~rekisteri.requests.DataSubjectRequest.fold` is checked. If
        anything is wrong, nothing is written.

        Raises:
            InvalidValueError: Not a request event, a naive datetime, events
                out of order, an extension after the first month, a
                henkilötunnus subject without a secret.
            FutureEventError: An event dated more than ``max_clock_skew``
                ahead of the clock.
            InvalidTransitionError: An event not allowed in its request's status.

        A ``request_id`` that holds a henkilötunnus, in any spelling, is
        refused too: a request id is stored and indexed as given.
        """
        _subjects.require_batch(events, "RequestEvent")
        events = _subjects.without_codes_in_request_ids(events)
        _requests_sql.append(self._conn, events, self._ref, self._keys, self._skew)

    def request(self, request_id: str) -> DataSubjectRequest | None:
        """Return the request with *request_id*, or ``None``.

        Its ``subject`` is the stored reference (the HMAC of a henkilötunnus).
        """
        return _requests_sql.request(self._conn, _subjects.request_id(request_id), self._keys)

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        """Return the requests of *subject* (or of everyone), ordered by request id.

        With ``only_open=True``, only those not yet rejected, fulfilled or
        closed unfulfilled.
        """
        ref = None if subject is None else self._ref(subject)
        flag = _subjects.only_open_flag(only_open)
        return _requests_sql.requests(self._conn, self._keys, subject=ref, only_open=flag)

    def verify_requests(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Walk the request ledger (a keyed chain of its own) and report every problem found.

        :meth:`verify` checks the consent ledger; this checks the request one:
        each row's keyed digest and link (``"edited"``), gaps in ``seq`` and
        a chain head that is not the last row (``"missing"``,
        ``"broken_link"``), plain columns that differ from the event data
        (``"edited"``), every ``request_state`` row, which
        :meth:`requests` reads, against its request's events (``"state"``),
        and the database's schema and indexes as :meth:`verify` does
        (``"schema"``).

        Given a *checkpoint* (from :meth:`checkpoint`, kept elsewhere), also
        reports one not signed with this store's secret or of another store
        (``"checkpoint"``), a ledger shorter than it was then (``"missing"``)
        and a row at the checkpoint's head whose hash differs (``"checkpoint"``).
        """
        _subjects.require_checkpoint(checkpoint)
        result = _requests_sql.verify(self._conn, self._keys, checkpoint)
        return _subjects.with_problems(result, _schema.sqlite_problems(self._conn))
