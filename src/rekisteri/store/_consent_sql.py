"""The SQL of consent events in a SQLite store; functions over a connection.

The ``events`` table is an append-only ledger chained with the store's keys
(:mod:`rekisteri.store._chain`); ``chain_head`` holds the seq and hash of its
last row. Each consent row also carries its subject reference, purpose, kind,
time and the status and expiry that its event leaves, so that
:func:`may_process` reads one row per question through the
``(subject, purpose, seq)`` index, however long the history is. None of these
columns is trusted by :func:`verify`: it recomputes every one of them from the
keyed payload (and a replay of the events) and reports any difference. The
direct-marketing prohibitions are rows of the purpose ``"*"``; an erasure is a
row of the kind ``"erasure"`` that names the rows it emptied.

:class:`~rekisteri.store.sqlite.SQLiteStore` calls these functions from thin
methods, with subjects already turned into their stored references (a
henkilötunnus into its HMAC); :mod:`rekisteri.store._requests_sql` is the
request ledger's counterpart.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import sqlite3
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs
import orjson

from rekisteri._validate import aware
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
    ErasureNotFlushedError,
    InvalidTransitionError,
    InvalidValueError,
    RekisteriError,
    StoreFileError,
)
from rekisteri.identifiers import hetu
from rekisteri.store import ChainProblem, Verification
from rekisteri.store._chain import GENESIS, Head, Keys
from rekisteri.store._clock import DEFAULT_MAX_CLOCK_SKEW, Window
from rekisteri.store._sqlite_db import (
    EPOCH,
    MICROSECOND,
    as_bytes,
    from_iso,
    from_micros,
    immediate,
    micros,
    snapshot,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

#: The version of the :meth:`~rekisteri.store.sqlite.SQLiteStore.export` document.
EXPORT_SCHEMA_VERSION: Final = 1
#: The purpose of the direct-marketing prohibition rows.
ANY_PURPOSE: Final = "*"

#: The kind of the row that records an erasure (not an :class:`EventKind`).
ERASURE: Final = "erasure"
#: Pairwise matching of damaged rows (to tell moved rows from edited ones) stops here.
_MAX_PAIRING: Final = 2_000

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
#: The last row of a subject and purpose at or before a moment (a subject's events are
#: stored in time order, so the last by seq is the one in force then).
_ROW_AT: Final = (
    "SELECT kind, at_us, status, valid_until_us FROM events"
    " WHERE subject = ? AND purpose = ? AND at_us <= ? ORDER BY seq DESC LIMIT 1"
)
_PROHIBIT: Final = EventKind.PROHIBIT_DIRECT_MARKETING
_PROHIBIT_VALUE: Final = _PROHIBIT.value
_LIFT: Final = EventKind.LIFT_PROHIBITION
_LIFT_VALUE: Final = _LIFT.value


def direct_marketing(purposes: Mapping[str, bool], purpose: str, *, where: str) -> bool:
    """Return whether *purpose* is direct marketing.

    Raises:
        InvalidValueError: An unknown purpose; the message masks a
            henkilötunnus passed as one by mistake.
    """
    try:
        return purposes[purpose]
    except KeyError:
        msg = f"{where}: unknown purpose {hetu.redact(repr(purpose))}"
        raise InvalidValueError(msg) from None


# --- writing --------------------------------------------------------------------------


def fast_hmac(key: bytes) -> Callable[[bytes], bytes]:
    """HMAC-SHA256 with *key* as a function, the padded key's two states hashed once.

    The same values as ``hmac.digest(key, message, "sha256")`` (RFC 2104, for
    keys of at most one 64-byte block, as every derived key is), about twice
    as fast for short messages: two hash copies instead of a new HMAC
    context per call, which matters twice per appended event. Made once
    per batch, not cached: the keys stay only where the store keeps them.

    Examples:
        >>> key, message = b"k" * 32, b'{"kind":"give"}'
        >>> fast_hmac(key)(message) == hmac.digest(key, message, "sha256")
        True
    """
    if len(key) > 64:  # longer than SHA-256's block: HMAC would hash the key first
        return functools.partial(hmac.digest, key, digest="sha256")
    block = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    def mac(message: bytes) -> bytes:
        first = inner.copy()
        first.update(message)
        second = outer.copy()
        second.update(first.digest())
        return second.digest()

    return mac


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


def _prepare(
    index: int,
    event: object,
    refs: dict[str, str],
    ref: Callable[[str], str],
    purposes: Mapping[str, bool],
    *,
    payload_mac: Callable[[bytes], bytes],
    window: Window,
) -> _Prepared:
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
    # The test is inlined (this runs per event); aware() raises with the message.
    if not isinstance(at, datetime) or at.utcoffset() is None:
        at = aware(at, f"events[{index}].at")  # raises
    if valid_until is not None and (
        not isinstance(valid_until, datetime) or valid_until.utcoffset() is None
    ):
        aware(valid_until, f"events[{index}].valid_until")
    if kind is _PROHIBIT or kind is _LIFT:
        purpose = ANY_PURPOSE
    else:
        purpose = event.purpose
        if purpose not in purposes:
            direct_marketing(purposes, purpose, where=f"events[{index}].purpose")
    subject = refs.get(event.subject)
    if subject is None:
        subject = refs[event.subject] = ref(event.subject)
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
    at_us = (at - EPOCH) // MICROSECOND
    if at_us > window.latest_us:
        raise window.refuse(index)
    # tuple.__new__ skips the NamedTuple's Python-level constructor: this runs per event.
    return tuple.__new__(
        _Prepared,
        (event, subject, purpose, kind, at_us, payload, payload_mac(payload)),  # Keys.digest
    )


def append(
    conn: sqlite3.Connection,
    events: Iterable[ConsentEvent],
    *,
    ref: Callable[[str], str],
    purposes: Mapping[str, bool],
    keys: Keys,
    skew: timedelta = DEFAULT_MAX_CLOCK_SKEW,
) -> None:
    """Validate a batch of events against the stored state, then write all of it.

    *ref* turns a subject into its stored reference; *purposes* maps each
    known purpose to whether it is direct marketing; *skew* is how far ahead
    of the clock an event may be dated. Each event is checked on its own
    first, then the batch against the state read inside the write
    transaction (see :meth:`~rekisteri.store.sqlite.SQLiteStore.append`).
    """
    window = Window.now(skew)
    batch = prepare_batch(events, ref=ref, purposes=purposes, keys=keys, window=window)
    if not batch:
        return
    with immediate(conn):
        head_seq, head_hash = _head(conn)
        state = _load_state(conn, {p.subject for p in batch})
        rows, seq, link = chain_rows(batch, head_seq, head_hash, state, keys, window)
        conn.executemany(_INSERT_EVENT, rows)
        conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, link))


def prepare_batch(
    events: Iterable[ConsentEvent],
    *,
    ref: Callable[[str], str],
    purposes: Mapping[str, bool],
    keys: Keys,
    window: Window,
) -> list[_Prepared]:
    """Check each event of a batch on its own and compute its row fields (outside any lock).

    Raises:
        FutureEventError: An event dated after ``window.latest_us``.
    """
    refs: dict[str, str] = {}
    payload_mac = fast_hmac(keys.payload)
    return [
        _prepare(i, event, refs, ref, purposes, payload_mac=payload_mac, window=window)
        for i, event in enumerate(events)
    ]


#: What a batch is checked against: each subject's state, each (subject, purpose)'s consent.
State = tuple[
    dict[str, "_SubjectState"], dict[tuple[str, str], tuple[ConsentStatus, datetime | None]]
]
#: One row of ``events`` as inserted (the columns of the INSERT, in order).
EventRow = tuple[int, str, str, str, int, bytes, bytes, bytes, bytes, str | None, int | None]


def chain_rows(  # noqa: PLR0917 - the state under the lock, passed through
    batch: list[_Prepared],
    head_seq: int,
    head_hash: bytes,
    state: State,
    keys: Keys,
    window: Window,
) -> tuple[list[EventRow], int, bytes]:
    """Validate *batch* against *state* (read under the write lock) and chain its rows.

    Returns the rows to insert, and the new head's seq and hash.

    A withdrawal or an objection made now (dated within the skew of the
    clock) that is earlier than its subject's last event, which is itself
    ahead of the clock by no more than the skew, is recorded at that
    event's moment: the person's act is never refused because another
    event was dated a little ahead (A11's M11).

    Raises:
        InvalidValueError: An event earlier than its subject's last one.
        InvalidTransitionError: An event not allowed in its status.
    """
    subjects, consents = state
    chain_mac = fast_hmac(keys.chain)
    rows: list[EventRow] = []
    prev: bytes = head_hash
    seq: int = head_seq
    for index, prepared in enumerate(batch):
        item = _at_the_latest(prepared, subjects, window, keys)
        status, valid_until_us = _apply(index, item, subjects, consents)
        seq += 1
        digest = item.digest
        link = chain_mac(prev + seq.to_bytes(8, "big") + digest)  # Keys.link
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
    return rows, seq, prev


#: The person's own acts that are never refused for an event dated a little ahead.
_PERSONS_ACTS: Final = frozenset({EventKind.WITHDRAW, _PROHIBIT})


def _at_the_latest(
    item: _Prepared, subjects: dict[str, _SubjectState], window: Window, keys: Keys
) -> _Prepared:
    """*item*, or a withdrawal/objection made now moved to its subject's last event ahead."""
    state = subjects.get(item.subject)
    if (
        state is None
        or item.at_us >= state.last_at_us
        or item.kind not in _PERSONS_ACTS
        or item.at_us < window.now_us - window.skew_us
        or state.last_at_us > window.latest_us
    ):
        return item
    at = EPOCH + state.last_at_us * MICROSECOND
    event = attrs.evolve(item.event, at=at.astimezone(item.event.at.tzinfo))
    refs = {event.subject: item.subject}
    return _prepare(
        0,
        event,
        refs,
        refs.__getitem__,
        {item.purpose: False},
        payload_mac=fast_hmac(keys.payload),
        window=Window(state.last_at_us, 0, window.skew),
    )


def _load_state(conn: sqlite3.Connection, subjects: set[str]) -> State:
    """Read, from the latest rows, what the batch is checked against."""
    return state_from_rows(conn.execute(_LATEST_ROWS, (orjson.dumps(sorted(subjects)),)))


def state_from_rows(rows: Iterable[tuple[Any, ...]]) -> State:
    """The state of the latest rows ``(subject, purpose, kind, at_us, status, valid_until_us)``."""
    states: dict[str, _SubjectState] = {}
    consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]] = {}
    for subject, purpose, kind, at_us, status, valid_until_us in rows:
        state = states.get(subject)
        if state is None:
            state = states[subject] = _SubjectState(last_at_us=at_us, prohibited=False)
        elif at_us > state.last_at_us:
            state.last_at_us = at_us
        if purpose == ANY_PURPOSE:
            state.prohibited = kind == _PROHIBIT_VALUE
        else:
            consents[subject, purpose] = (ConsentStatus(status), from_micros(valid_until_us))
    return states, consents


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
    return status, None if valid_until is None else (valid_until - EPOCH) // MICROSECOND


# --- reading ---------------------------------------------------------------------------


def _checked(keys: Keys, seq: object, payload: object, digest: object) -> dict[str, Any]:
    """The event data of one row, read only if it still matches its keyed digest.

    Raises:
        StoreFileError: The row was changed outside rekisteri (its data no
            longer matches the chain): the caller gets no forged data.
    """
    if (
        isinstance(payload, bytes)
        and isinstance(digest, bytes)
        and hmac.compare_digest(keys.digest(payload), digest)
    ):
        try:
            data = orjson.loads(payload)
        except orjson.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            return data
    msg = (
        f"store: row {seq} of the consent ledger was changed outside rekisteri;"
        " run `rekisteri consent verify` (the store's verify)"
    )
    raise StoreFileError(msg)


def events_from_rows(
    subject: str, rows: Iterable[tuple[object, object, object]], keys: Keys
) -> list[ConsentEvent]:
    events = []
    for seq, payload, digest in rows:
        data = _checked(keys, seq, payload, digest)
        try:
            event = ConsentEvent(
                subject=subject,
                purpose=data["purpose"],
                kind=data["kind"],
                at=datetime.fromisoformat(data["at"]),
                channel=data["channel"],
                evidence=data["evidence"],
                actor=data["actor"],
                valid_until=from_iso(data["valid_until"]),
                by_guardian=data["by_guardian"],
            )
        except (KeyError, TypeError, ValueError):
            msg = f"store: row {seq} of the consent ledger cannot be read; run verify"
            raise StoreFileError(msg) from None
        events.append(event)
    return events


def record(
    conn: sqlite3.Connection, ref: str, subject: str, purpose: str, keys: Keys
) -> ConsentRecord | None:
    """Fold the consent record of the stored *ref* for *purpose*; events carry *subject*."""
    rows = conn.execute(
        "SELECT seq, payload, digest FROM events WHERE subject = ? AND purpose = ?"
        " AND payload IS NOT NULL ORDER BY seq",
        (ref, purpose),
    ).fetchall()
    if not rows:
        return None
    return ConsentRecord.fold(events_from_rows(subject, rows, keys))


def prohibited(conn: sqlite3.Connection, ref: str, at: datetime) -> bool:
    """Return whether the stored *ref* has a direct-marketing prohibition in force at *at*."""
    return is_prohibition(_row_in_force(conn, ref, ANY_PURPOSE, at))


def _row_in_force(
    conn: sqlite3.Connection, ref: str, purpose: str, at: datetime
) -> tuple[Any, ...] | None:
    """The row ``(kind, at_us, status, valid_until_us)`` of (*ref*, *purpose*) in force at *at*."""
    return row_at(
        conn.execute(_LATEST_ROW, (ref, purpose)).fetchone(),
        at,
        lambda at_us: conn.execute(_ROW_AT, (ref, purpose, at_us)).fetchone(),
    )


def is_prohibition(row: tuple[Any, ...] | None) -> bool:
    """Whether the ``"*"`` row in force ``(kind, …)`` is a prohibition (``None``: none)."""
    return row is not None and row[0] == _PROHIBIT_VALUE


def row_at(
    latest: tuple[Any, ...] | None,
    at: datetime,
    last_until: Callable[[int], tuple[Any, ...] | None],
) -> tuple[Any, ...] | None:
    """The row ``(kind, at_us, …)`` in force at *at*, given the latest one.

    *last_until* reads the last row at or before a time in microseconds; it
    is called only when *at* is before the latest row (a decision about the
    past: the status then, not today's).
    """
    if latest is None or micros(at) >= latest[1]:
        return latest
    return last_until(micros(at))


def may_process(
    conn: sqlite3.Connection,
    ref: str,
    subject: str,
    purpose: str,
    *,
    at: datetime,
    direct_marketing: bool,
) -> Decision:
    """Decide from the row of (*ref*, *purpose*) and the prohibition in force at *at*."""
    row = _row_in_force(conn, ref, purpose, at)
    banned = direct_marketing and prohibited(conn, ref, at)
    return decision(row, subject, purpose, at=at, banned=banned, direct_marketing=direct_marketing)


def decision(
    row: tuple[Any, ...] | None,
    subject: str,
    purpose: str,
    *,
    at: datetime,
    banned: bool,
    direct_marketing: bool,
) -> Decision:
    """The decision from the latest row ``(kind, at_us, status, valid_until_us)`` of a purpose."""
    found = None
    if row is not None:
        found = ConsentRecord(
            subject=subject,
            purpose=purpose,
            status=ConsentStatus(row[2]),
            since=EPOCH + row[1] * MICROSECOND,
            valid_until=from_micros(row[3]),
        )
    return decide(found, prohibited=banned, direct_marketing=direct_marketing, at=at)


def history(conn: sqlite3.Connection, ref: str, subject: str, keys: Keys) -> list[ConsentEvent]:
    """Return the stored events of *ref* that still have their data, as *subject*'s."""
    rows = conn.execute(
        "SELECT seq, payload, digest FROM events WHERE subject = ? AND payload IS NOT NULL"
        " ORDER BY seq",
        (ref,),
    ).fetchall()
    return events_from_rows(subject, rows, keys)


def export(conn: sqlite3.Connection, ref: str, keys: Keys) -> bytes:
    """Return the Art 15 JSON document of the stored *ref*."""
    with snapshot(conn):
        rows = conn.execute(
            "SELECT seq, payload, digest FROM events WHERE subject = ? AND payload IS NOT NULL"
            " ORDER BY seq",
            (ref,),
        ).fetchall()
        state = conn.execute(_LATEST_ROW, (ref, ANY_PURPOSE)).fetchone()
    return export_document(ref, rows, state, keys)


def export_document(
    ref: str, rows: Iterable[tuple[Any, ...]], state: tuple[Any, ...] | None, keys: Keys
) -> bytes:
    """The Art 15 document of *ref* from its rows ``(seq, payload, digest)``, checked.

    *state* is the subject's latest prohibition row (``kind`` first), or ``None``.
    """
    events = []
    for seq, payload, digest in rows:
        data = _checked(keys, seq, payload, digest)
        data.pop("subject", None)
        data["seq"] = seq
        events.append(data)
    document = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "subject": ref,
        "prohibited": state is not None and state[0] == _PROHIBIT_VALUE,
        "events": events,
    }
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)


# --- erasure ---------------------------------------------------------------------------


def erase(conn: sqlite3.Connection, ref: str, keys: Keys, at: datetime) -> int:
    """Empty the consent rows of the stored *ref* and record it in the chain; return how many.

    The emptied rows keep their seq, keyed digest and links. A row of the
    kind ``"erasure"``, appended in the same transaction, names their seqs
    (not the subject), so :func:`verify` can tell them from rows emptied by
    hand. Then the WAL is checkpointed, so the old page versions go too.

    Raises:
        ErasureNotFlushedError: The rows were erased (and that is committed),
            but another connection kept the WAL checkpoint from completing;
            the old versions of the pages stay in the ``-wal`` file until a
            later checkpoint. Erasing again (it finds nothing to erase)
            retries the checkpoint.
    """
    with immediate(conn):
        seqs = [
            int(seq)
            for (seq,) in conn.execute(
                "SELECT seq FROM events WHERE subject = ? AND purpose <> ? ORDER BY seq",
                (ref, ANY_PURPOSE),
            )
        ]
        if seqs:
            conn.execute(
                "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
                " at_us = NULL, status = NULL, valid_until_us = NULL"
                " WHERE seq IN (SELECT value FROM json_each(?))",
                (orjson.dumps(seqs),),
            )
            row = erasure_row(seqs, at, _head(conn), keys)
            conn.execute(_INSERT_EVENT, row)
            conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (row[0], row[8]))
    # Move the pages out of the WAL, so the old versions of the rows go too.
    result = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if result is not None and result[0]:
        msg = (
            f"erase: {len(seqs)} row(s) erased, but the WAL checkpoint was blocked by another"
            " connection; the old row versions stay in the -wal file until a checkpoint"
            " succeeds (erase again to retry)"
        )
        raise ErasureNotFlushedError(msg, erased=len(seqs))
    return len(seqs)


def erasure_row(
    seqs: list[int], at: datetime, head: tuple[int, bytes], keys: Keys
) -> tuple[int, None, None, str, int, bytes, bytes, bytes, bytes, None, None]:
    """The ``events`` row that records the erasure of rows *seqs* at *at*, after *head*."""
    payload = orjson.dumps({"at": at, "erased": seqs, "kind": ERASURE})
    digest = keys.digest(payload)
    head_seq, head_hash = head
    seq = head_seq + 1
    link = keys.link(head_hash, seq, digest)
    return (seq, None, None, ERASURE, micros(at), payload, digest, head_hash, link, None, None)


def _head(conn: sqlite3.Connection) -> tuple[int, bytes]:
    """The chain head row, for writing; a missing or damaged one is a :class:`StoreFileError`."""
    return head_of(conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone())


def head_of(row: tuple[Any, ...] | None) -> tuple[int, bytes]:
    """The chain head row ``(seq, hash)``, checked: a missing or damaged one is a StoreFileError."""
    if row is None or type(row[0]) is not int or not isinstance(row[1], bytes):
        msg = "store: the consent ledger's chain head is missing or damaged; run verify"
        raise StoreFileError(msg)
    return row[0], row[1]


def head(conn: sqlite3.Connection) -> Head:
    """The consent ledger's head as its chain head row says (for checkpoints)."""
    seq, link = _head(conn)
    return Head(seq=seq, hash=link)


# --- integrity --------------------------------------------------------------------------


@attrs.frozen
class _Row:
    seq: int
    payload: bytes | None
    digest: bytes
    prev: bytes
    hash: bytes


def verify(conn: sqlite3.Connection, keys: Keys, *, checkpoint: Head | None = None) -> Verification:
    """Walk the whole consent ledger in ``seq`` order and report every problem found.

    With *checkpoint* (the consent head of a checkpoint already found to be
    this store's), also report a ledger shorter than it or whose row at its
    seq has another hash.

    Raises:
        StoreFileError: The ledger's tables are missing or unreadable.
    """
    try:
        return _verify(conn, keys, checkpoint)
    except sqlite3.DatabaseError as exc:
        msg = f"store: the consent ledger cannot be read ({exc})"
        raise StoreFileError(msg) from None


def _verify(conn: sqlite3.Connection, keys: Keys, checkpoint: Head | None) -> Verification:
    with snapshot(conn):
        head_row = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
        cursor = conn.execute(_VERIFY_ROWS)
        return check_ledger(head_row, cursor, keys, checkpoint)


#: Every row of the ledger, with the columns :func:`check_ledger` reads, in order.
_VERIFY_ROWS: Final = (
    "SELECT seq, subject, purpose, kind, at_us, payload, digest, prev, hash, status,"
    " valid_until_us FROM events ORDER BY seq"
)


def check_ledger(
    head_row: object, rows: Iterable[tuple[Any, ...]], keys: Keys, checkpoint: Head | None
) -> Verification:
    """Check the ledger *rows* (as :data:`_VERIFY_ROWS` selects them) and its *head_row*."""
    problems: list[ChainProblem] = []
    damaged: list[_Row] = []
    count = 0
    last_seq, last_hash, last_damaged = 0, GENESIS, False
    replay = _Replay(keys)
    blank: set[int] = set()
    checkpoint_hash = GENESIS if checkpoint is not None and checkpoint.seq == 0 else None
    for seq, *columns, payload, digest, prev, link, status, valid_until_us in rows:
        count += 1
        row = _Row(
            seq, as_bytes(payload), _hash_bytes(digest), _hash_bytes(prev), _hash_bytes(link)
        )
        payload_ok = row.payload is None or keys.digest(row.payload) == row.digest
        intact = payload_ok and keys.link(row.prev, seq, row.digest) == row.hash
        if row.payload is None:
            blank.add(seq)
            if any(v is not None for v in (*columns, status, valid_until_us)):
                problems.append(_edited(seq, "its event data is erased but columns hold data"))
        elif intact:
            # Damaged rows are reported below; their events are not replayed.
            problems.extend(replay.check(seq, row.payload, (*columns, status, valid_until_us)))
        if seq != last_seq + 1:
            problems.append(_missing(last_seq + 1, seq - 1))
        elif row.prev != last_hash and not last_damaged:
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
        if checkpoint is not None and seq == checkpoint.seq:
            checkpoint_hash = row.hash
        last_seq, last_hash = seq, row.hash
    problems.extend(_classify(damaged, keys))
    problems.extend(replay.erasures(blank))
    problems.extend(_head_problems(head_row, last_seq, last_hash))
    if checkpoint is not None:
        problems.extend(_checkpoint_problems(checkpoint, last_seq, checkpoint_hash))
    problems.sort(key=lambda p: p.seq)
    return Verification(ok=not problems, events=count, problems=tuple(problems))


def _head_problems(head_row: object, last_seq: int, last_hash: bytes) -> list[ChainProblem]:
    if not isinstance(head_row, tuple) or type(head_row[0]) is not int:
        return [
            ChainProblem(
                seq=last_seq,
                kind="broken_link",
                message="the chain head row is missing or damaged",
            )
        ]
    head_seq: int = head_row[0]
    if head_seq > last_seq:
        return [_missing(last_seq + 1, head_seq)]
    if head_seq < last_seq:
        return [
            ChainProblem(
                seq=head_seq + 1,
                kind="broken_link",
                message=f"rows after {head_seq} were not written through the store",
            )
        ]
    if _hash_bytes(head_row[1]) != last_hash:
        return [
            ChainProblem(
                seq=last_seq,
                kind="broken_link",
                message=f"row {last_seq} does not match the chain head",
            )
        ]
    return []


def _checkpoint_problems(
    checkpoint: Head, last_seq: int, found: bytes | None
) -> list[ChainProblem]:
    if checkpoint.seq > last_seq:
        message = (
            f"the ledger ends at row {last_seq}, before the checkpoint's row {checkpoint.seq}:"
            " rows were removed"
        )
    elif found is None or not hmac.compare_digest(found, checkpoint.hash):
        message = f"row {checkpoint.seq} differs from the checkpoint: history was rewritten"
    else:
        return []
    return [ChainProblem(seq=checkpoint.seq, kind="checkpoint", message=message)]


class _Replay:
    """Replays the events in order, checking every column against the keyed payload."""

    def __init__(self, keys: Keys) -> None:
        self._keys = keys
        self._subjects: dict[str, _SubjectState] = {}
        self._consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]] = {}
        self._erased: dict[int, int] = {}  # erased seq -> the seq of its erasure row

    def check(self, seq: int, payload: bytes, columns: tuple[object, ...]) -> list[ChainProblem]:
        """Problems of the intact row *seq* whose columns are *columns* (see the SELECT)."""
        try:
            data = orjson.loads(payload)
            at_us = micros(datetime.fromisoformat(data["at"]))
            if data["kind"] == ERASURE:
                for erased in data["erased"]:
                    self._erased[int(erased)] = seq
                expected: tuple[object, ...] = (None, None, ERASURE, at_us, None, None)
            else:
                event = ConsentEvent(
                    subject=data["subject"],
                    purpose=data["purpose"],
                    kind=data["kind"],
                    at=datetime.fromisoformat(data["at"]),
                    valid_until=from_iso(data["valid_until"]),
                )
                item = tuple.__new__(
                    _Prepared,
                    (event, data["subject"], data["purpose"], event.kind, at_us, payload, b""),
                )
                status, valid_until_us = _apply(0, item, self._subjects, self._consents)
                expected = (
                    data["subject"],
                    data["purpose"],
                    event.kind.value,
                    at_us,
                    None if status is None else status.value,
                    valid_until_us,
                )
        except (RekisteriError, ValueError, TypeError, KeyError, AttributeError):
            # A payload that matches its keyed digest but does not replay was
            # written by something other than this store.
            return [
                ChainProblem(
                    seq=seq,
                    kind="state",
                    message=f"row {seq} does not follow from the events before it",
                )
            ]
        same = [type(a) is type(b) and a == b for a, b in zip(columns, expected, strict=True)]
        if not all(same[:4]):
            return [_edited(seq, "a column does not match its event data")]
        if not all(same[4:]):
            return [
                ChainProblem(
                    seq=seq,
                    kind="state",
                    message=f"row {seq}: the stored consent status does not follow from the events",
                )
            ]
        return []

    def erasures(self, blank: set[int]) -> list[ChainProblem]:
        """Problems of the emptied rows *blank*: each must be named by a later erasure row."""
        problems = [
            ChainProblem(
                seq=seq,
                kind="erased_without_record",
                message=f"row {seq} was emptied without an erasure recorded in the chain",
            )
            for seq in sorted(blank)
            if self._erased.get(seq, 0) <= seq
        ]
        problems.extend(
            ChainProblem(
                seq=seq,
                kind="state",
                message=f"row {seq} is recorded as erased by row {by} but is not empty",
            )
            for seq, by in sorted(self._erased.items())
            if seq not in blank and seq < by
        )
        return problems


def _edited(seq: int, what: str) -> ChainProblem:
    return ChainProblem(seq=seq, kind="edited", message=f"row {seq} was edited ({what})")


def _hash_bytes(value: object) -> bytes:
    """A hash column as bytes, whatever a tamperer stored in it."""
    return as_bytes(value) or b""


def _missing(first: int, last: int) -> ChainProblem:
    message = f"row {first} is missing" if first == last else f"rows {first}-{last} are missing"
    return ChainProblem(seq=first, kind="missing", message=message)


def _classify(damaged: list[_Row], keys: Keys) -> list[ChainProblem]:
    """Tell rows whose content was moved from rows that were edited."""
    pairing = len(damaged) <= _MAX_PAIRING
    problems = []
    for row in damaged:
        payload_ok = row.payload is None or keys.digest(row.payload) == row.digest
        moved_to: int | None = None
        if pairing:
            belongs: Callable[[_Row], bool]
            if not payload_ok:
                assert row.payload is not None
                content = keys.digest(row.payload)

                def belongs(other: _Row, content: bytes = content) -> bool:
                    return other.digest == content
            else:

                def belongs(other: _Row, row: _Row = row) -> bool:
                    return (
                        keys.link(other.prev, other.seq, row.digest) == other.hash
                        or keys.link(row.prev, other.seq, row.digest) == row.hash
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
            what = "its event data" if not payload_ok else "its hash"
            problems.append(_edited(row.seq, f"{what} does not match the chain"))
    return problems
