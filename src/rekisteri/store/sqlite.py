"""A consent store in one SQLite file, safe for several processes at once.

The file holds an append-only, hash-chained ledger of events (``events``),
the hash of its last row (``chain_head``), and two small tables derived from
the ledger in the same transactions (``consent_state`` and
``subject_state``), so that :meth:`SQLiteStore.may_process` is two primary-key
look-ups however long the history is.

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
from rekisteri.errors import InvalidTransitionError, InvalidValueError
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

_GENESIS: Final = "0" * 64
_ANY_PURPOSE: Final = "*"
_HMAC_PREFIX: Final = "hmac-sha256:"
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)
_BUSY_TIMEOUT_MS: Final = 30_000
#: Pairwise matching of damaged rows (to tell moved rows from edited ones) stops here.
_MAX_PAIRING: Final = 2_000
# The shape of a henkilötunnus, valid or not: such a subject is never stored as given.
_HETU_SHAPE: Final = re.compile(r"\s*[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]\s*", re.ASCII)
_PROHIBITION_KINDS: Final = (EventKind.PROHIBIT_DIRECT_MARKETING, EventKind.LIFT_PROHIBITION)

_V1: Final = (
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        subject TEXT,
        purpose TEXT,
        kind TEXT,
        at_us INTEGER,
        payload BLOB,
        digest TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX events_subject_purpose_seq ON events (subject, purpose, seq)",
    """CREATE TABLE chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
    )""",
    "INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, printf('%064d', 0))",  # _GENESIS
    """CREATE TABLE consent_state (
        subject TEXT NOT NULL,
        purpose TEXT NOT NULL,
        status TEXT NOT NULL,
        since TEXT NOT NULL,
        valid_until TEXT,
        PRIMARY KEY (subject, purpose)
    ) WITHOUT ROWID""",
    """CREATE TABLE subject_state (
        subject TEXT PRIMARY KEY,
        last_at_us INTEGER NOT NULL,
        prohibited INTEGER NOT NULL,
        prohibited_since_us INTEGER
    ) WITHOUT ROWID""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)

#: ``_MIGRATIONS[n]`` takes a database from schema version n to n + 1.
_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1, _requests_sql.MIGRATION)

_INSERT_EVENT: Final = (
    "INSERT INTO events (seq, subject, purpose, kind, at_us, payload, digest, prev, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_CONSENT: Final = (
    "INSERT INTO consent_state (subject, purpose, status, since, valid_until)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject, purpose) DO UPDATE SET"
    " status = excluded.status, since = excluded.since, valid_until = excluded.valid_until"
)
_UPSERT_SUBJECT: Final = (
    "INSERT INTO subject_state (subject, last_at_us, prohibited, prohibited_since_us)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET"
    " last_at_us = excluded.last_at_us, prohibited = excluded.prohibited,"
    " prohibited_since_us = excluded.prohibited_since_us"
)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema of *conn* up to :data:`SCHEMA_VERSION`; return the version found.

    Runs in one ``BEGIN IMMEDIATE`` transaction, so concurrent openers of a
    new file create the schema once.

    Raises:
        InvalidValueError: The file was written by a newer schema version.
    """
    with _immediate(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        found = int(row[0]) if row[0] is not None else 0
        if found > SCHEMA_VERSION:
            msg = (
                f"store: schema version {found} is newer than this rekisteri"
                f" supports ({SCHEMA_VERSION})"
            )
            raise InvalidValueError(msg)
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


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _link(prev: str, seq: int, digest: str) -> str:
    return hashlib.sha256(f"{prev}:{seq}:{digest}".encode("utf-8", "surrogatepass")).hexdigest()


class _Prepared(NamedTuple):
    """An event checked on its own, with its row fields computed outside the lock."""

    event: ConsentEvent
    subject: str
    purpose: str
    at_us: int
    payload: bytes
    digest: str


@attrs.define
class _SubjectState:
    last_at_us: int
    prohibited: bool
    prohibited_since_us: int | None


@attrs.define
class _ConsentState:
    status: ConsentStatus
    since: datetime
    valid_until: datetime | None


@attrs.frozen
class _Row:
    seq: int
    payload: bytes | None
    digest: str
    prev: str
    hash: str

    @property
    def payload_ok(self) -> bool:
        return self.payload is None or hashlib.sha256(self.payload).hexdigest() == self.digest

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

    Raises:
        InvalidValueError: The secret is empty or not the store's, or the file
            has a newer schema.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        secret: bytes | None = None,
    ) -> None:
        if secret is not None and not secret:
            msg = "secret: must not be empty"
            raise InvalidValueError(msg)
        self._path = os.fspath(path)
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
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA secure_delete = ON")  # erased data is overwritten
            migrate(self._conn)
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
            return subject
        if not hetu.is_valid(subject, allow_temporary=True):
            msg = "subject: looks like a henkilötunnus but is not a valid one"
            raise InvalidValueError(msg)
        if self._secret is None:
            msg = "subject: a henkilötunnus needs a store with a secret (SQLiteStore(secret=...))"
            raise InvalidValueError(msg)
        canonical = hetu.validate(subject, allow_temporary=True).encode("ascii")
        return _HMAC_PREFIX + hmac.new(self._secret, canonical, hashlib.sha256).hexdigest()

    def _direct_marketing(self, purpose: str, *, where: str) -> bool:
        try:
            return self._purposes[purpose]
        except KeyError:
            msg = f"{where}: unknown purpose {purpose!r}"
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
        if kind in _PROHIBITION_KINDS:
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
                "kind": kind.value,
                "purpose": purpose,
                "subject": subject,
                "valid_until": valid_until,
            },
            option=orjson.OPT_SORT_KEYS,
        )
        return _Prepared(
            event,
            subject,
            purpose,
            (at - _EPOCH) // _MICROSECOND,
            payload,
            hashlib.sha256(payload).hexdigest(),
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
        with _immediate(conn):
            head_seq, head_hash = conn.execute("SELECT seq, hash FROM chain_head").fetchone()
            subjects, consents = self._load_state({p.subject for p in batch})
            touched_subjects: set[str] = set()
            touched_consents: set[tuple[str, str]] = set()
            rows = []
            prev: str = head_hash
            seq: int = head_seq
            for index, item in enumerate(batch):
                self._apply(index, item, subjects, consents)
                touched_subjects.add(item.subject)
                if item.purpose != _ANY_PURPOSE:
                    touched_consents.add((item.subject, item.purpose))
                seq += 1
                digest = item.digest
                link = _link(prev, seq, digest)
                rows.append(
                    (
                        seq,
                        item.subject,
                        item.purpose,
                        item.event.kind.value,
                        item.at_us,
                        item.payload,
                        digest,
                        prev,
                        link,
                    )
                )
                prev = link
            conn.executemany(_INSERT_EVENT, rows)
            conn.executemany(
                _UPSERT_SUBJECT,
                [
                    (s, st.last_at_us, int(st.prohibited), st.prohibited_since_us)
                    for s in touched_subjects
                    for st in (subjects[s],)
                ],
            )
            conn.executemany(
                _UPSERT_CONSENT,
                [
                    (s, p, c.status.value, c.since.isoformat(), _iso(c.valid_until))
                    for s, p in touched_consents
                    for c in (consents[s, p],)
                ],
            )
            conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))

    def _load_state(
        self, subjects: set[str]
    ) -> tuple[dict[str, _SubjectState], dict[tuple[str, str], _ConsentState]]:
        keys = orjson.dumps(sorted(subjects))
        subject_rows = self._conn.execute(
            "SELECT subject, last_at_us, prohibited, prohibited_since_us FROM subject_state"
            " WHERE subject IN (SELECT value FROM json_each(?))",
            (keys,),
        )
        states = {
            s: _SubjectState(last_at_us=at, prohibited=bool(p), prohibited_since_us=since)
            for s, at, p, since in subject_rows
        }
        consent_rows = self._conn.execute(
            "SELECT subject, purpose, status, since, valid_until FROM consent_state"
            " WHERE subject IN (SELECT value FROM json_each(?))",
            (keys,),
        )
        consents = {
            (s, p): _ConsentState(
                status=ConsentStatus(status),
                since=datetime.fromisoformat(since),
                valid_until=_from_iso(valid_until),
            )
            for s, p, status, since, valid_until in consent_rows
        }
        return states, consents

    @staticmethod
    def _apply(
        index: int,
        item: _Prepared,
        subjects: dict[str, _SubjectState],
        consents: dict[tuple[str, str], _ConsentState],
    ) -> None:
        """Check one event against the state so far and update the state."""
        event = item.event
        state = subjects.get(item.subject)
        if state is None:
            state = subjects[item.subject] = _SubjectState(
                last_at_us=item.at_us, prohibited=False, prohibited_since_us=None
            )
        elif item.at_us < state.last_at_us:
            msg = f"events[{index}].at: earlier than the subject's last stored event"
            raise InvalidValueError(msg)
        state.last_at_us = item.at_us
        if event.kind is EventKind.PROHIBIT_DIRECT_MARKETING:
            state.prohibited, state.prohibited_since_us = True, item.at_us
            return
        if event.kind is EventKind.LIFT_PROHIBITION:
            if not state.prohibited:
                raise InvalidTransitionError(state="not prohibited", event=event.kind)
            state.prohibited, state.prohibited_since_us = False, item.at_us
            return
        consent = consents.get((item.subject, item.purpose))
        if consent is None:
            status, valid_until = advance(None, None, event)
            consents[item.subject, item.purpose] = _ConsentState(
                status=status, since=event.at, valid_until=valid_until
            )
        else:
            consent.status, consent.valid_until = advance(
                consent.status, consent.valid_until, event
            )
            consent.since = event.at

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
        row = self._conn.execute(
            "SELECT prohibited, prohibited_since_us FROM subject_state WHERE subject = ?", (ref,)
        ).fetchone()
        if row is None or row[1] is None:
            return False
        at_us = _micros(at)
        if at_us >= row[1]:
            return bool(row[0])
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
        flag. Two primary-key look-ups, whatever the length of the history.

        Raises:
            InvalidValueError: An unknown purpose or a naive *at*.
        """
        direct_marketing = self._direct_marketing(purpose, where="purpose")
        if at.utcoffset() is None:
            msg = "at: expected a datetime with a time zone"
            raise InvalidValueError(msg)
        ref = self._ref(subject)
        row = self._conn.execute(
            "SELECT status, since, valid_until FROM consent_state"
            " WHERE subject = ? AND purpose = ?",
            (ref, purpose),
        ).fetchone()
        record = None
        if row is not None:
            record = ConsentRecord(
                subject=subject,
                purpose=purpose,
                status=ConsentStatus(row[0]),
                since=datetime.fromisoformat(row[1]),
                valid_until=_from_iso(row[2]),
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
            state = self._conn.execute(
                "SELECT prohibited FROM subject_state WHERE subject = ?", (ref,)
            ).fetchone()
        events = []
        for seq, payload in rows:
            data = orjson.loads(payload)
            del data["subject"]
            data["seq"] = seq
            events.append(data)
        document = {
            "schema_version": EXPORT_SCHEMA_VERSION,
            "subject": ref,
            "prohibited": state is not None and bool(state[0]),
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
                "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL,"
                " kind = NULL, at_us = NULL WHERE subject = ? AND purpose <> ?",
                (ref, _ANY_PURPOSE),
            ).rowcount
            self._conn.execute("DELETE FROM consent_state WHERE subject = ?", (ref,))
            self._conn.execute(
                "DELETE FROM subject_state WHERE subject = ? AND prohibited_since_us IS NULL",
                (ref,),
            )
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
        with self._snapshot():
            head_seq, head_hash = self._conn.execute("SELECT seq, hash FROM chain_head").fetchone()
            cursor = self._conn.execute(
                "SELECT seq, payload, digest, prev, hash FROM events ORDER BY seq"
            )
            for seq, payload, digest, prev, link in cursor:
                count += 1
                row = _Row(seq, _as_bytes(payload), str(digest), str(prev), str(link))
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
                last_damaged = not (row.payload_ok and row.hash_ok)
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
                content = hashlib.sha256(row.payload).hexdigest()

                def belongs(other: _Row, content: str = content) -> bool:
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
