"""A consent store in one SQLite file, safe for several processes at once.

The file holds an append-only, hash-chained ledger of events (``events``)
and the hash of its last row (``chain_head``). Each consent row also carries
the status and expiry that its event leaves (derived when the row is written,
and checked by :meth:`SQLiteStore.verify`), so that
:meth:`SQLiteStore.may_process` reads one row per question through the
``(subject, purpose, seq)`` index, however long the history is.

Writers serialise on ``BEGIN IMMEDIATE``; every batch is validated against the
state read inside its own transaction, so concurrent writers can never both
pass validation against the same state. The file is in WAL mode with
``synchronous=FULL``: a committed batch survives a crash of the process or
the machine, and a batch that was not committed leaves no trace.

A henkilötunnus given as a subject is never written: the store keeps
``"hmac-sha256:" + HMAC-SHA256(secret, canonical hetu)`` instead.

Examples:
    >>> from datetime import UTC, datetime
    >>> from rekisteri.consent import ConsentEvent, EventKind
    >>> t = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    >>> with SQLiteStore(":memory:", purposes={"newsletter": True}) as store:
    ...     store.append([
    ...         ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=t),
    ...     ])
    ...     print(store.may_process("c-1", "newsletter", at=t).reason)
    ...     print(bool(store.verify()))
    consent_valid
    True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple, Self

import attrs
import orjson

from rekisteri.consent import (
    ConsentEvent,
    ConsentRecord,
    ConsentStatus,
    Decision,
    EventKind,
    advance,
    decide,
)
from rekisteri.errors import (
    InvalidTransitionError,
    InvalidValueError,
    RekisteriError,
    SecretRequiredError,
    StoreFileError,
)
from rekisteri.identifiers import hetu
from rekisteri.store import ChainProblem, Verification, _requests_sql

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from types import TracebackType

    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = 2
#: The version of the :meth:`SQLiteStore.export` document.
EXPORT_SCHEMA_VERSION: Final = 1

_GENESIS: Final = bytes(32)
_ANY_PURPOSE: Final = "*"
_HMAC_PREFIX: Final = "hmac-sha256:"
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)
_BUSY_TIMEOUT_MS: Final = 30_000
#: Pairwise matching of damaged rows (to tell moved rows from edited ones) stops here.
_MAX_PAIRING: Final = 2_000
# The shape of a henkilötunnus, valid or not: such a subject is never stored as given.
_EMBEDDED_HETU: Final = re.compile(
    r"(?<![0-9A-Za-z])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z](?![0-9A-Za-z])", re.ASCII
)
_HETU_SHAPE: Final = re.compile(r"\s*[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]\s*", re.ASCII)

_V1: Final = (
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
    "INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, zeroblob(32))",  # _GENESIS
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)

#: ``_MIGRATIONS[n]`` takes a database from schema version n to n + 1.
_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1, _requests_sql.MIGRATION)

_INSERT_EVENT: Final = (
    "INSERT INTO events (seq, subject, purpose, kind, at_us, payload, digest, prev, hash,"
    " status, valid_until_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# The latest row of every (subject, purpose) of a batch's subjects, prohibitions included.
_LATEST_ROWS: Final = (
    "SELECT subject, purpose, kind, at_us, status, valid_until_us FROM events"
    " WHERE seq IN (SELECT max(seq) FROM events"
    " WHERE subject IN (SELECT value FROM json_each(?)) GROUP BY subject, purpose)"
)
_LATEST_ROW: Final = (
    "SELECT kind, at_us, status, valid_until_us FROM events"
    " WHERE subject = ? AND purpose = ? ORDER BY seq DESC LIMIT 1"
)
_PROHIBIT: Final = EventKind.PROHIBIT_DIRECT_MARKETING
_PROHIBIT_VALUE: Final = _PROHIBIT.value
_LIFT: Final = EventKind.LIFT_PROHIBITION
_LIFT_VALUE: Final = _LIFT.value


def _check_is_store(conn: sqlite3.Connection, *, create: bool) -> None:
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
        InvalidValueError: The file was written by a newer schema version, or
            by a development snapshot with an older ledger layout, or it is
            not a rekisteri store.
    """
    with _immediate(conn):
        _check_is_store(conn, create=create)  # again, inside the transaction
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
        for statements in _MIGRATIONS[found:]:
            for statement in statements:
                conn.execute(statement)
        if found < SCHEMA_VERSION:
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
    return found


@contextmanager
def _immediate(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _from_micros(micros: int | None) -> datetime | None:
    return None if micros is None else _EPOCH + micros * _MICROSECOND


def _link(prev: bytes, seq: int, digest: bytes) -> bytes:
    """The hash of a row: SHA-256 over the previous hash, the row's seq and its digest."""
    return hashlib.sha256(prev + seq.to_bytes(8, "big") + digest).digest()


class _Prepared(NamedTuple):
    """An event checked on its own, with its row fields computed outside the lock."""

    event: ConsentEvent
    subject: str
    purpose: str
    kind: EventKind
    at_us: int
    payload: bytes
    digest: bytes


@attrs.define
class _SubjectState:
    last_at_us: int
    prohibited: bool


@attrs.frozen
class _Row:
    seq: int
    payload: bytes | None
    digest: bytes
    prev: bytes
    hash: bytes

    @property
    def payload_ok(self) -> bool:
        return self.payload is None or hashlib.sha256(self.payload).digest() == self.digest

    @property
    def hash_ok(self) -> bool:
        return _link(self.prev, self.seq, self.digest) == self.hash


class SQLiteStore:
    """A :class:`~rekisteri.store.ConsentStore` in one SQLite file; a context manager.

    Args:
        path: The database file (created if missing), or ``":memory:"``.
        purposes: The known purpose keys: a mapping of key to "is direct
            marketing", or :class:`~rekisteri.model.Purpose` objects. Consent
            events for any other purpose are refused.
        secret: The key for the HMAC of henkilötunnus subjects. Without it a
            henkilötunnus subject is refused. Use the same secret every time:
            a store remembers a check value of the first secret it was given
            and refuses another one.
        create: Make a new store when the file is missing or empty. Pass
            ``False`` to only open an existing store (for reading, say): a
            missing or empty file is then refused and left untouched.

    Raises:
        InvalidValueError: The secret is empty or not the store's, the file
            has a newer schema, or the file is another application's database
            (it is never changed), or missing or empty with ``create=False``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        secret: bytes | None = None,
        create: bool = True,
    ) -> None:
        if secret is not None and not secret:
            msg = "secret: must not be empty"
            raise InvalidValueError(msg)
        self._path = os.fspath(path)
        if not create and self._path != ":memory:" and not Path(self._path).is_file():
            msg = "store: no such database file"
            raise StoreFileError(msg)
        self._secret = secret
        if isinstance(purposes, Mapping):
            self._purposes: dict[str, bool] = {str(k): bool(v) for k, v in purposes.items()}
        else:
            self._purposes = {p.key: p.direct_marketing for p in purposes}
        self._conn = sqlite3.connect(
            self._path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            _check_is_store(self._conn, create=create)  # before WAL changes the file
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA secure_delete = ON")  # erased data is overwritten
            migrate(self._conn, create=create)
            if secret is not None:
                self._check_secret(secret)
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self._path!r}, purposes={sorted(self._purposes)!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection; the store cannot be used afterwards."""
        self._conn.close()

    # -- subjects and purposes -------------------------------------------------

    def _check_secret(self, secret: bytes) -> None:
        check = hmac.new(secret, b"rekisteri store secret check", hashlib.sha256).hexdigest()
        with _immediate(self._conn):
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'secret_check'").fetchone()
            if row is None:
                self._conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('secret_check', ?)", (check,)
                )
            elif not hmac.compare_digest(str(row[0]), check):
                msg = "secret: not the secret this store was created with"
                raise InvalidValueError(msg)

    def _ref(self, subject: object) -> str:
        """The subject reference as stored: an opaque id as is, a hetu as its HMAC."""
        if not isinstance(subject, str) or not subject.strip():
            msg = "subject: expected a non-blank string"
            raise InvalidValueError(msg)
        if _HETU_SHAPE.fullmatch(subject) is None:
            if any(
                hetu.is_valid(match.group(0), allow_temporary=True)
                for match in _EMBEDDED_HETU.finditer(subject)
            ):
                msg = (
                    "subject: contains a henkilötunnus; pass the henkilötunnus alone (it is"
                    " stored as a keyed hash) or an id of your own"
                )
                raise InvalidValueError(msg)
            return subject
        if not hetu.is_valid(subject, allow_temporary=True):
            msg = "subject: looks like a henkilötunnus but is not a valid one"
            raise InvalidValueError(msg)
        if self._secret is None:
            msg = "subject: a henkilötunnus needs a store with a secret (SQLiteStore(secret=...))"
            raise SecretRequiredError(msg)
        canonical = hetu.validate(subject, allow_temporary=True).encode("ascii")
        return _HMAC_PREFIX + hmac.new(self._secret, canonical, hashlib.sha256).hexdigest()

    def _direct_marketing(self, purpose: str, *, where: str) -> bool:
        try:
            return self._purposes[purpose]
        except KeyError:
            msg = f"{where}: unknown purpose {hetu.redact(repr(purpose))}"
            raise InvalidValueError(msg) from None

    # -- writing ---------------------------------------------------------------

    def _prepare(self, index: int, event: object, refs: dict[str, str]) -> _Prepared:
        if type(event) is not ConsentEvent and not isinstance(event, ConsentEvent):
            msg = f"events[{index}]: expected a ConsentEvent"
            raise InvalidValueError(msg)
        kind = event.kind
        if type(kind) is not EventKind:
            try:
                kind = EventKind(kind)
            except ValueError:
                msg = f"events[{index}].kind: unknown event kind"
                raise InvalidValueError(msg) from None
        at: object = event.at  # checked again: validators can be bypassed
        valid_until: object = event.valid_until
        if not isinstance(at, datetime) or at.utcoffset() is None:
            msg = f"events[{index}].at: expected a datetime with a time zone"
            raise InvalidValueError(msg)
        if valid_until is not None and (
            not isinstance(valid_until, datetime) or valid_until.utcoffset() is None
        ):
            msg = f"events[{index}].valid_until: expected a datetime with a time zone"
            raise InvalidValueError(msg)
        if kind is _PROHIBIT or kind is _LIFT:
            purpose = _ANY_PURPOSE
        else:
            purpose = event.purpose
            if purpose not in self._purposes:
                self._direct_marketing(purpose, where=f"events[{index}].purpose")
        subject = refs.get(event.subject)
        if subject is None:
            subject = refs[event.subject] = self._ref(event.subject)
        # orjson writes aware datetimes in ISO 8601, as datetime.fromisoformat reads them.
        payload = orjson.dumps(
            {
                "actor": event.actor,
                "at": at,
                "by_guardian": event.by_guardian,
                "channel": event.channel,
                "evidence": event.evidence,
                "kind": kind,  # a StrEnum: written as its value
                "purpose": purpose,
                "subject": subject,
                "valid_until": valid_until,
            },  # keys in sorted order: the payload is canonical JSON
        )
        # tuple.__new__ skips the NamedTuple's Python-level constructor: this runs per event.
        return tuple.__new__(
            _Prepared,
            (
                event,
                subject,
                purpose,
                kind,
                (at - _EPOCH) // _MICROSECOND,
                payload,
                hashlib.sha256(payload).digest(),
            ),
        )

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
                earlier than the subject's last one, a henkilötunnus without a
                secret. The message names the position in the batch and the
                purpose, never the subject.
            InvalidTransitionError: A consent event not allowed in its status.
        """
        refs: dict[str, str] = {}
        batch = [self._prepare(i, event, refs) for i, event in enumerate(events)]
        if not batch:
            return
        conn = self._conn
        sha256 = hashlib.sha256
        apply = self._apply
        with _immediate(conn):
            head_seq, head_hash = conn.execute("SELECT seq, hash FROM chain_head").fetchone()
            subjects, consents = self._load_state({p.subject for p in batch})
            rows = []
            prev: bytes = head_hash
            seq: int = head_seq
            for index, item in enumerate(batch):
                status, valid_until_us = apply(index, item, subjects, consents)
                seq += 1
                digest = item.digest
                link = sha256(prev + seq.to_bytes(8, "big") + digest).digest()
                rows.append(
                    (
                        seq,
                        item.subject,
                        item.purpose,
                        # Plain str, not the StrEnum: sqlite3 binds an exact str
                        # directly but looks for adapters for a subclass.
                        item.kind._value_,
                        item.at_us,
                        item.payload,
                        digest,
                        prev,
                        link,
                        None if status is None else status._value_,
                        valid_until_us,
                    )
                )
                prev = link
            conn.executemany(_INSERT_EVENT, rows)
            conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))

    def _load_state(
        self, subjects: set[str]
    ) -> tuple[
        dict[str, _SubjectState], dict[tuple[str, str], tuple[ConsentStatus, datetime | None]]
    ]:
        """Read, from the latest rows, what the batch is checked against."""
        states: dict[str, _SubjectState] = {}
        consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]] = {}
        rows = self._conn.execute(_LATEST_ROWS, (orjson.dumps(sorted(subjects)),))
        for subject, purpose, kind, at_us, status, valid_until_us in rows:
            state = states.get(subject)
            if state is None:
                state = states[subject] = _SubjectState(last_at_us=at_us, prohibited=False)
            elif at_us > state.last_at_us:
                state.last_at_us = at_us
            if purpose == _ANY_PURPOSE:
                state.prohibited = kind == _PROHIBIT_VALUE
            else:
                consents[subject, purpose] = (ConsentStatus(status), _from_micros(valid_until_us))
        return states, consents

    @staticmethod
    def _apply(
        index: int,
        item: _Prepared,
        subjects: dict[str, _SubjectState],
        consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]],
    ) -> tuple[ConsentStatus | None, int | None]:
        """Check one event against the state so far, update the state, return the row's."""
        event, subject, purpose, kind, at_us = item[:5]
        state = subjects.get(subject)
        if state is None:
            state = subjects[subject] = _SubjectState(at_us, False)
        elif at_us < state.last_at_us:
            msg = f"events[{index}].at: earlier than the subject's last stored event"
            raise InvalidValueError(msg)
        else:
            state.last_at_us = at_us
        if kind is _PROHIBIT:
            state.prohibited = True
            return None, None
        if kind is _LIFT:
            if not state.prohibited:
                raise InvalidTransitionError(state="not prohibited", event=_LIFT)
            state.prohibited = False
            return None, None
        key = (subject, purpose)
        before = consents.get(key)
        if before is None:
            status, valid_until = advance(None, None, event)
        else:
            status, valid_until = advance(before[0], before[1], event)
        consents[key] = (status, valid_until)
        return status, None if valid_until is None else (valid_until - _EPOCH) // _MICROSECOND

    # -- reading ---------------------------------------------------------------

    def _events(self, subject: str, rows: Iterable[tuple[bytes]]) -> list[ConsentEvent]:
        events = []
        for (payload,) in rows:
            data = orjson.loads(payload)
            events.append(
                ConsentEvent(
                    subject=subject,
                    purpose=data["purpose"],
                    kind=data["kind"],
                    at=datetime.fromisoformat(data["at"]),
                    channel=data["channel"],
                    evidence=data["evidence"],
                    actor=data["actor"],
                    valid_until=_from_iso(data["valid_until"]),
                    by_guardian=data["by_guardian"],
                )
            )
        return events

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        """Return the consent record of *subject* for *purpose*, or ``None`` if there is none.

        The record is folded from the stored events, which carry *subject* as
        you passed it. After :meth:`erase` there is none.
        """
        if purpose == _ANY_PURPOSE:
            return None
        rows = self._conn.execute(
            "SELECT payload FROM events WHERE subject = ? AND purpose = ?"
            " AND payload IS NOT NULL ORDER BY seq",
            (self._ref(subject), purpose),
        ).fetchall()
        if not rows:
            return None
        return ConsentRecord.fold(self._events(subject, rows))

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        """Return whether *subject* has a direct-marketing prohibition in force at *at*.

        A prohibition is in force from the time of its event until a later
        lift. It survives :meth:`erase`.
        """
        if at.utcoffset() is None:
            msg = "at: expected a datetime with a time zone"
            raise InvalidValueError(msg)
        ref = self._ref(subject)
        row = self._conn.execute(_LATEST_ROW, (ref, _ANY_PURPOSE)).fetchone()
        if row is None:
            return False
        at_us = _micros(at)
        if at_us >= row[1]:
            return bool(row[0] == _PROHIBIT_VALUE)
        last = self._conn.execute(
            "SELECT kind FROM events WHERE subject = ? AND purpose = ? AND at_us <= ?"
            " ORDER BY seq DESC LIMIT 1",
            (ref, _ANY_PURPOSE, at_us),
        ).fetchone()
        return last is not None and last[0] == EventKind.PROHIBIT_DIRECT_MARKETING.value

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        """Decide whether *purpose* may be processed for *subject* at *at*.

        Uses :func:`~rekisteri.consent.decide` with the current consent record,
        the prohibition in force at *at* and the purpose's direct-marketing
        flag. One indexed look-up (two for a direct-marketing purpose), whatever
        the length of the history.

        Raises:
            InvalidValueError: An unknown purpose or a naive *at*.
        """
        direct_marketing = self._direct_marketing(purpose, where="purpose")
        if at.utcoffset() is None:
            msg = "at: expected a datetime with a time zone"
            raise InvalidValueError(msg)
        ref = self._ref(subject)
        row = self._conn.execute(_LATEST_ROW, (ref, purpose)).fetchone()
        record = None
        if row is not None:
            record = ConsentRecord(
                subject=subject,
                purpose=purpose,
                status=ConsentStatus(row[2]),
                since=_EPOCH + row[1] * _MICROSECOND,
                valid_until=_from_micros(row[3]),
            )
        prohibited = direct_marketing and self.prohibited(subject, at=at)
        return decide(record, prohibited=prohibited, direct_marketing=direct_marketing, at=at)

    def history(self, subject: str) -> list[ConsentEvent]:
        """Return every stored event of *subject*, in the order they were appended.

        The events carry *subject* as you passed it. After :meth:`erase` only
        the prohibition events remain.
        """
        rows = self._conn.execute(
            "SELECT payload FROM events WHERE subject = ? AND payload IS NOT NULL ORDER BY seq",
            (self._ref(subject),),
        ).fetchall()
        return self._events(subject, rows)

    def export(self, subject: str) -> bytes:
        """Return a JSON document with everything stored about *subject* (Art 15).

        The document has ``schema_version``, ``subject`` (the reference as
        stored: an opaque id, or the HMAC of a henkilötunnus), ``prohibited``
        (the prohibition currently in force) and ``events``, oldest first, each
        with ``seq``, ``kind``, ``purpose``, ``at``, ``channel``, ``evidence``,
        ``actor``, ``valid_until`` and ``by_guardian``.
        """
        ref = self._ref(subject)
        with self._snapshot():
            rows = self._conn.execute(
                "SELECT seq, payload FROM events WHERE subject = ? AND payload IS NOT NULL"
                " ORDER BY seq",
                (ref,),
            ).fetchall()
            state = self._conn.execute(_LATEST_ROW, (ref, _ANY_PURPOSE)).fetchone()
        events = []
        for seq, payload in rows:
            data = orjson.loads(payload)
            del data["subject"]
            data["seq"] = seq
            events.append(data)
        document = {
            "schema_version": EXPORT_SCHEMA_VERSION,
            "subject": ref,
            "prohibited": state is not None and state[0] == _PROHIBIT_VALUE,
            "events": events,
        }
        return orjson.dumps(document, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    # -- erasure ---------------------------------------------------------------

    def erase(self, subject: str) -> int:
        """Erase the consent events of *subject* (Art 17); return how many rows were erased.

        Each row keeps its ``seq``, digest and hashes, so the chain still
        verifies; its event data and subject reference are emptied. The
        prohibition events and the prohibition itself stay (Art 21: the person
        must stay un-marketed). Afterwards :meth:`record` returns ``None``.
        """
        ref = self._ref(subject)
        with _immediate(self._conn):
            erased = self._conn.execute(
                "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
                " at_us = NULL, status = NULL, valid_until_us = NULL"
                " WHERE subject = ? AND purpose <> ?",
                (ref, _ANY_PURPOSE),
            ).rowcount
        # Best effort: move the pages out of the WAL, so the old versions go too.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(erased)

    # -- integrity ---------------------------------------------------------------

    def verify(self) -> Verification:
        """Walk the whole ledger in ``seq`` order and report every problem found.

        Finds rows whose event data no longer matches their digest, rows
        whose digest or links were changed (``"edited"``), rows whose content
        belongs at another position (``"reordered"``), gaps in ``seq``
        including a deleted last row (``"missing"``, found through the
        ``chain_head`` table) and rows that do not follow the row before them
        (``"broken_link"``). Erased rows have no event data and are checked
        through their digest only.
        """
        problems: list[ChainProblem] = []
        damaged: list[_Row] = []
        count = 0
        last_seq, last_hash, last_damaged = 0, _GENESIS, False
        states = _StateCheck()
        with self._snapshot():
            head_seq, head_hash = self._conn.execute("SELECT seq, hash FROM chain_head").fetchone()
            cursor = self._conn.execute(
                "SELECT seq, payload, digest, prev, hash, status, valid_until_us"
                " FROM events ORDER BY seq"
            )
            for seq, payload, digest, prev, link, status, valid_until_us in cursor:
                count += 1
                row = _Row(
                    seq,
                    _as_bytes(payload),
                    _hash_bytes(digest),
                    _hash_bytes(prev),
                    _hash_bytes(link),
                )
                intact = row.payload_ok and row.hash_ok
                if intact and row.payload is not None:
                    # Damaged rows are reported below; their events are not replayed.
                    problem = states.check(seq, row.payload, status, valid_until_us)
                    if problem is not None:
                        problems.append(problem)
                if seq != last_seq + 1:
                    problems.append(_missing(last_seq + 1, seq - 1))
                elif prev != last_hash and not last_damaged:
                    problems.append(
                        ChainProblem(
                            seq=seq,
                            kind="broken_link",
                            message=f"row {seq} does not follow from row {last_seq}",
                        )
                    )
                last_damaged = not intact
                if last_damaged:
                    damaged.append(row)
                last_seq, last_hash = seq, link
        problems.extend(_classify(damaged))
        if head_seq > last_seq:
            problems.append(_missing(last_seq + 1, head_seq))
        elif head_seq < last_seq:
            problems.append(
                ChainProblem(
                    seq=head_seq + 1,
                    kind="broken_link",
                    message=f"rows after {head_seq} were not written through the store",
                )
            )
        elif head_hash != last_hash:
            problems.append(
                ChainProblem(
                    seq=last_seq,
                    kind="broken_link",
                    message=f"row {last_seq} does not match the chain head",
                )
            )
        problems.sort(key=lambda p: p.seq)
        return Verification(ok=not problems, events=count, problems=tuple(problems))

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
            InvalidTransitionError: An event not allowed in its request's status.
        """
        _requests_sql.append(self._conn, events, self._ref)

    def request(self, request_id: str) -> DataSubjectRequest | None:
        """Return the request with *request_id*, or ``None``.

        Its ``subject`` is the stored reference (the HMAC of a henkilötunnus).
        """
        return _requests_sql.request(self._conn, request_id)

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        """Return the requests of *subject* (or of everyone), ordered by request id.

        With ``only_open=True``, only those not yet rejected, fulfilled or
        closed unfulfilled.
        """
        ref = None if subject is None else self._ref(subject)
        return _requests_sql.requests(self._conn, subject=ref, only_open=only_open)

    def verify_requests(self) -> Verification:
        """Walk the request ledger (a chain of its own) and report every problem found.

        :meth:`verify` checks the consent ledger; this checks the request one.
        """
        return _requests_sql.verify(self._conn)


class _StateCheck:
    """Replays the consent events in order and checks the status stored with each row."""

    def __init__(self) -> None:
        self._consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]] = {}

    def check(
        self, seq: int, payload: bytes, status: object, valid_until_us: object
    ) -> ChainProblem | None:
        try:
            data = orjson.loads(payload)
            if data["kind"] in (_PROHIBIT_VALUE, _LIFT_VALUE):
                return None
            event = ConsentEvent(
                subject=data["subject"],
                purpose=data["purpose"],
                kind=data["kind"],
                at=datetime.fromisoformat(data["at"]),
                valid_until=_from_iso(data["valid_until"]),
            )
            key = (event.subject, event.purpose)
            before = self._consents.get(key)
            if before is None:
                expected, valid_until = advance(None, None, event)
            else:
                expected, valid_until = advance(before[0], before[1], event)
        except (RekisteriError, ValueError, TypeError, KeyError):
            # A payload that matches its digest but does not replay was written
            # by something other than this store.
            return ChainProblem(
                seq=seq,
                kind="state",
                message=f"row {seq} does not follow from the events before it",
            )
        self._consents[key] = (expected, valid_until)
        if status != expected.value or valid_until_us != (
            None if valid_until is None else _micros(valid_until)
        ):
            return ChainProblem(
                seq=seq,
                kind="state",
                message=f"row {seq}: the stored consent status does not follow from the events",
            )
        return None


def _hash_bytes(value: object) -> bytes:
    """A hash column as bytes, whatever a tamperer stored in it."""
    return _as_bytes(value) or b""


def _as_bytes(value: object) -> bytes | None:
    """The payload column as bytes, whatever a tamperer stored in it."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return repr(value).encode("utf-8")


def _missing(first: int, last: int) -> ChainProblem:
    message = f"row {first} is missing" if first == last else f"rows {first}-{last} are missing"
    return ChainProblem(seq=first, kind="missing", message=message)


def _classify(damaged: list[_Row]) -> list[ChainProblem]:
    """Tell rows whose content was moved from rows that were edited."""
    pairing = len(damaged) <= _MAX_PAIRING
    problems = []
    for row in damaged:
        moved_to: int | None = None
        if pairing:
            belongs: Callable[[_Row], bool]
            if not row.payload_ok:
                assert row.payload is not None
                content = hashlib.sha256(row.payload).digest()

                def belongs(other: _Row, content: bytes = content) -> bool:
                    return other.digest == content
            else:

                def belongs(other: _Row, row: _Row = row) -> bool:
                    return (
                        _link(other.prev, other.seq, row.digest) == other.hash
                        or _link(row.prev, other.seq, row.digest) == row.hash
                    )

            moved_to = next((o.seq for o in damaged if o is not row and belongs(o)), None)
        if moved_to is not None:
            problems.append(
                ChainProblem(
                    seq=row.seq,
                    kind="reordered",
                    message=f"row {row.seq} holds the content of row {moved_to}",
                )
            )
        else:
            what = "event data does not match its digest" if not row.payload_ok else "hash"
            problems.append(
                ChainProblem(
                    seq=row.seq,
                    kind="edited",
                    message=f"row {row.seq} was edited ({what} does not match)",
                )
            )
    return problems
