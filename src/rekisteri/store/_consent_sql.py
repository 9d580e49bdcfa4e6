"""The SQL of consent events in a SQLite store; functions over a connection.

The ``events`` table is an append-only, hash-chained ledger; ``chain_head``
holds the hash of its last row. Each consent row also carries the status and
expiry that its event leaves (derived when the row is written, and checked by
:func:`verify`), so that :func:`may_process` reads one row per question through
the ``(subject, purpose, seq)`` index, however long the history is. The
direct-marketing prohibitions are rows of the purpose ``"*"``.

:class:`~rekisteri.store.sqlite.SQLiteStore` calls these functions from thin
methods, with subjects already turned into their stored references (a
henkilötunnus into its HMAC); :mod:`rekisteri.store._requests_sql` is the
request ledger's counterpart.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import TYPE_CHECKING, Final, NamedTuple

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
from rekisteri.errors import InvalidTransitionError, InvalidValueError, RekisteriError
from rekisteri.identifiers import hetu
from rekisteri.store import ChainProblem, Verification
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
    import sqlite3
    from collections.abc import Callable, Iterable, Mapping

#: The version of the :meth:`~rekisteri.store.sqlite.SQLiteStore.export` document.
EXPORT_SCHEMA_VERSION: Final = 1
#: The purpose of the direct-marketing prohibition rows.
ANY_PURPOSE: Final = "*"

_GENESIS: Final = bytes(32)
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
_PROHIBIT: Final = EventKind.PROHIBIT_DIRECT_MARKETING
_PROHIBIT_VALUE: Final = _PROHIBIT.value
_LIFT: Final = EventKind.LIFT_PROHIBITION
_LIFT_VALUE: Final = _LIFT.value


def _link(prev: bytes, seq: int, digest: bytes) -> bytes:
    """The hash of a row: SHA-256 over the previous hash, the row's seq and its digest."""
    return hashlib.sha256(prev + seq.to_bytes(8, "big") + digest).digest()


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
    # tuple.__new__ skips the NamedTuple's Python-level constructor: this runs per event.
    return tuple.__new__(
        _Prepared,
        (
            event,
            subject,
            purpose,
            kind,
            (at - EPOCH) // MICROSECOND,
            payload,
            hashlib.sha256(payload).digest(),
        ),
    )


def append(
    conn: sqlite3.Connection,
    events: Iterable[ConsentEvent],
    *,
    ref: Callable[[str], str],
    purposes: Mapping[str, bool],
) -> None:
    """Validate a batch of events against the stored state, then write all of it.

    *ref* turns a subject into its stored reference; *purposes* maps each
    known purpose to whether it is direct marketing. Each event is checked
    on its own first, then the batch against the state read inside the write
    transaction (see :meth:`~rekisteri.store.sqlite.SQLiteStore.append`).
    """
    refs: dict[str, str] = {}
    batch = [_prepare(i, event, refs, ref, purposes) for i, event in enumerate(events)]
    if not batch:
        return
    sha256 = hashlib.sha256
    with immediate(conn):
        head_seq, head_hash = conn.execute("SELECT seq, hash FROM chain_head").fetchone()
        subjects, consents = _load_state(conn, {p.subject for p in batch})
        rows = []
        prev: bytes = head_hash
        seq: int = head_seq
        for index, item in enumerate(batch):
            status, valid_until_us = _apply(index, item, subjects, consents)
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
    conn: sqlite3.Connection, subjects: set[str]
) -> tuple[dict[str, _SubjectState], dict[tuple[str, str], tuple[ConsentStatus, datetime | None]]]:
    """Read, from the latest rows, what the batch is checked against."""
    states: dict[str, _SubjectState] = {}
    consents: dict[tuple[str, str], tuple[ConsentStatus, datetime | None]] = {}
    rows = conn.execute(_LATEST_ROWS, (orjson.dumps(sorted(subjects)),))
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


def _events(subject: str, rows: Iterable[tuple[bytes]]) -> list[ConsentEvent]:
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
                valid_until=from_iso(data["valid_until"]),
                by_guardian=data["by_guardian"],
            )
        )
    return events


def record(conn: sqlite3.Connection, ref: str, subject: str, purpose: str) -> ConsentRecord | None:
    """Fold the consent record of the stored *ref* for *purpose*; events carry *subject*."""
    rows = conn.execute(
        "SELECT payload FROM events WHERE subject = ? AND purpose = ?"
        " AND payload IS NOT NULL ORDER BY seq",
        (ref, purpose),
    ).fetchall()
    if not rows:
        return None
    return ConsentRecord.fold(_events(subject, rows))


def prohibited(conn: sqlite3.Connection, ref: str, at: datetime) -> bool:
    """Return whether the stored *ref* has a direct-marketing prohibition in force at *at*."""
    row = conn.execute(_LATEST_ROW, (ref, ANY_PURPOSE)).fetchone()
    if row is None:
        return False
    at_us = micros(at)
    if at_us >= row[1]:
        return bool(row[0] == _PROHIBIT_VALUE)
    last = conn.execute(
        "SELECT kind FROM events WHERE subject = ? AND purpose = ? AND at_us <= ?"
        " ORDER BY seq DESC LIMIT 1",
        (ref, ANY_PURPOSE, at_us),
    ).fetchone()
    return last is not None and last[0] == _PROHIBIT_VALUE


def may_process(
    conn: sqlite3.Connection,
    ref: str,
    subject: str,
    purpose: str,
    *,
    at: datetime,
    direct_marketing: bool,
) -> Decision:
    """Decide from the latest row of (*ref*, *purpose*) and the prohibition in force at *at*."""
    row = conn.execute(_LATEST_ROW, (ref, purpose)).fetchone()
    found = None
    if row is not None:
        found = ConsentRecord(
            subject=subject,
            purpose=purpose,
            status=ConsentStatus(row[2]),
            since=EPOCH + row[1] * MICROSECOND,
            valid_until=from_micros(row[3]),
        )
    banned = direct_marketing and prohibited(conn, ref, at)
    return decide(found, prohibited=banned, direct_marketing=direct_marketing, at=at)


def history(conn: sqlite3.Connection, ref: str, subject: str) -> list[ConsentEvent]:
    """Return the stored events of *ref* that still have their data, as *subject*'s."""
    rows = conn.execute(
        "SELECT payload FROM events WHERE subject = ? AND payload IS NOT NULL ORDER BY seq",
        (ref,),
    ).fetchall()
    return _events(subject, rows)


def export(conn: sqlite3.Connection, ref: str) -> bytes:
    """Return the Art 15 JSON document of the stored *ref*."""
    with snapshot(conn):
        rows = conn.execute(
            "SELECT seq, payload FROM events WHERE subject = ? AND payload IS NOT NULL"
            " ORDER BY seq",
            (ref,),
        ).fetchall()
        state = conn.execute(_LATEST_ROW, (ref, ANY_PURPOSE)).fetchone()
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


# --- erasure ---------------------------------------------------------------------------


def erase(conn: sqlite3.Connection, ref: str) -> int:
    """Empty the consent rows of the stored *ref*, keeping their hashes; return how many."""
    with immediate(conn):
        erased = conn.execute(
            "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
            " at_us = NULL, status = NULL, valid_until_us = NULL"
            " WHERE subject = ? AND purpose <> ?",
            (ref, ANY_PURPOSE),
        ).rowcount
    # Best effort: move the pages out of the WAL, so the old versions go too.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(erased)


# --- integrity --------------------------------------------------------------------------


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


def verify(conn: sqlite3.Connection) -> Verification:
    """Walk the whole consent ledger in ``seq`` order and report every problem found."""
    problems: list[ChainProblem] = []
    damaged: list[_Row] = []
    count = 0
    last_seq, last_hash, last_damaged = 0, _GENESIS, False
    states = _StateCheck()
    with snapshot(conn):
        head_seq, head_hash = conn.execute("SELECT seq, hash FROM chain_head").fetchone()
        cursor = conn.execute(
            "SELECT seq, payload, digest, prev, hash, status, valid_until_us"
            " FROM events ORDER BY seq"
        )
        for seq, payload, digest, prev, link, status, valid_until_us in cursor:
            count += 1
            row = _Row(
                seq,
                as_bytes(payload),
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
                valid_until=from_iso(data["valid_until"]),
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
            None if valid_until is None else micros(valid_until)
        ):
            return ChainProblem(
                seq=seq,
                kind="state",
                message=f"row {seq}: the stored consent status does not follow from the events",
            )
        return None


def _hash_bytes(value: object) -> bytes:
    """A hash column as bytes, whatever a tamperer stored in it."""
    return as_bytes(value) or b""


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
