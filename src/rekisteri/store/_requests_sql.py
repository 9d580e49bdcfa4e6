"""The SQL of data-subject requests in a SQLite store; functions over a connection.

Request events have a hash chain of their own, beside the consent ledger:
``request_events`` holds the canonical JSON of each event, its ``digest``
(SHA-256 of the JSON), the ``hash`` of the row before it (``prev``) and its
own ``hash = sha256(prev:seq:digest)``; ``request_chain_head`` holds the last
row's hash. A separate chain keeps request writes off the consent write path
(neither waits for the other's chain head) and lets each ledger be verified
on its own. ``request_state`` is derived in the same transactions: one row per
request with its status, so that open requests are found without reading
every event.

The tables are created by schema version 2
(:data:`rekisteri.store._sqlite_db.REQUEST_TABLES`).

:class:`~rekisteri.store.sqlite.SQLiteStore` calls these functions from thin
methods; a PostgreSQL store would implement the same
:class:`~rekisteri.store.RequestStore` protocol with its own SQL.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import TYPE_CHECKING, Final

import orjson

from rekisteri._validate import aware
from rekisteri.errors import InvalidValueError
from rekisteri.requests import DataSubjectRequest, RequestEvent
from rekisteri.store import ChainProblem, Verification
from rekisteri.store._sqlite_db import EPOCH, MICROSECOND, as_bytes, immediate, snapshot

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable

_GENESIS: Final = "0" * 64
_INSERT: Final = (
    "INSERT INTO request_events (seq, request_id, subject, kind, at_us, payload, digest, prev,"
    " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_STATE: Final = (
    "INSERT INTO request_state (request_id, subject, status, open) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, open = excluded.open"
)


def _link(prev: str, seq: int, digest: str) -> str:
    return hashlib.sha256(f"{prev}:{seq}:{digest}".encode()).hexdigest()


def _payload(event: RequestEvent, subject: str) -> bytes:
    return orjson.dumps(
        {
            "actor": event.actor,
            "at": event.at,
            "channel": event.channel,
            "extension_months": event.extension_months,
            "ground": event.ground,
            "identity": event.identity,
            "kind": event.kind,
            "notes": event.notes,
            "reason": event.reason,
            "request_id": event.request_id,
            "right": event.right,
            "subject": subject,
        },
        option=orjson.OPT_SORT_KEYS,
    )


def _event(payload: bytes) -> RequestEvent:
    data = orjson.loads(payload)
    return RequestEvent(
        request_id=data["request_id"],
        subject=data["subject"],
        kind=data["kind"],
        at=datetime.fromisoformat(data["at"]),
        right=data["right"],
        channel=data["channel"],
        identity=data["identity"],
        extension_months=data["extension_months"],
        ground=data["ground"],
        reason=data["reason"],
        notes=data["notes"],
        actor=data["actor"],
    )


def append(
    conn: sqlite3.Connection, events: Iterable[RequestEvent], ref: Callable[[str], str]
) -> None:
    """Validate a batch of request events against the stored requests and write all or none.

    *ref* turns a subject into its stored reference (a henkilötunnus into its
    HMAC). Every touched request is folded from its stored events plus the
    new ones, inside the write transaction, so the transition table and the
    extension rule are checked against the state that is really there.
    """
    batch: list[RequestEvent] = []
    refs: dict[str, str] = {}
    for index, item in enumerate(events):
        event: object = item
        if not isinstance(event, RequestEvent):
            msg = f"events[{index}]: expected a RequestEvent"
            raise InvalidValueError(msg)
        subject = refs.get(event.subject)
        if subject is None:
            subject = refs[event.subject] = ref(event.subject)
        aware(event.at, f"events[{index}].at")  # checked again: validators can be bypassed
        batch.append(event if subject == event.subject else _with_subject(event, subject))
    if not batch:
        return
    with immediate(conn):
        _write(conn, batch)


def _with_subject(event: RequestEvent, subject: str) -> RequestEvent:
    import attrs

    return attrs.evolve(event, subject=subject)


def _write(conn: sqlite3.Connection, batch: list[RequestEvent]) -> None:
    ids = sorted({e.request_id for e in batch})
    histories: dict[str, list[RequestEvent]] = {i: [] for i in ids}
    for request_id, payload in conn.execute(
        "SELECT request_id, payload FROM request_events WHERE request_id IN"
        " (SELECT value FROM json_each(?)) AND payload IS NOT NULL ORDER BY seq",
        (orjson.dumps(ids),),
    ):
        histories[request_id].append(_event(payload))
    for event in batch:
        histories[event.request_id].append(event)
    folded = {i: DataSubjectRequest.fold(h) for i, h in histories.items()}
    head_seq, prev = conn.execute("SELECT seq, hash FROM request_chain_head").fetchone()
    seq = int(head_seq)
    rows = []
    for event in batch:
        seq += 1
        payload = _payload(event, event.subject)
        digest = hashlib.sha256(payload).hexdigest()
        link = _link(prev, seq, digest)
        at_us = (event.at - EPOCH) // MICROSECOND
        kind = event.kind.value
        rows.append(
            (seq, event.request_id, event.subject, kind, at_us, payload, digest, prev, link)
        )
        prev = link
    conn.executemany(_INSERT, rows)
    conn.executemany(
        _UPSERT_STATE,
        [(r.request_id, r.subject, r.status.value, int(r.is_open)) for r in folded.values()],
    )
    conn.execute("UPDATE request_chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))


def _fold_rows(rows: Iterable[tuple[str, bytes]]) -> list[DataSubjectRequest]:
    histories: dict[str, list[RequestEvent]] = {}
    for request_id, payload in rows:
        histories.setdefault(request_id, []).append(_event(payload))
    return [DataSubjectRequest.fold(h) for h in histories.values()]


def request(conn: sqlite3.Connection, request_id: str) -> DataSubjectRequest | None:
    """Return the request *request_id*, folded from its events, or ``None``."""
    rows = conn.execute(
        "SELECT request_id, payload FROM request_events WHERE request_id = ?"
        " AND payload IS NOT NULL ORDER BY seq",
        (request_id,),
    ).fetchall()
    found = _fold_rows(rows)
    return found[0] if found else None


def requests(
    conn: sqlite3.Connection, *, subject: str | None, only_open: bool
) -> list[DataSubjectRequest]:
    """Return the requests (of one stored *subject* reference, or all), by request id."""
    with snapshot(conn):
        rows = conn.execute(
            "SELECT e.request_id, e.payload FROM request_state AS s"
            " JOIN request_events AS e ON e.request_id = s.request_id"
            " WHERE (?1 IS NULL OR s.subject = ?1) AND (?2 = 0 OR s.open = 1)"
            " AND e.payload IS NOT NULL ORDER BY e.request_id, e.seq",
            (subject, int(only_open)),
        ).fetchall()
    return _fold_rows(rows)


def verify(conn: sqlite3.Connection) -> Verification:
    """Walk the request chain in ``seq`` order and report every problem found."""
    problems: list[ChainProblem] = []
    count = 0
    last_seq, last_hash = 0, _GENESIS
    with snapshot(conn):
        head_seq, head_hash = conn.execute("SELECT seq, hash FROM request_chain_head").fetchone()
        cursor = conn.execute(
            "SELECT seq, payload, digest, prev, hash FROM request_events ORDER BY seq"
        )
        for seq, payload, digest, prev, link in cursor:
            count += 1
            if seq != last_seq + 1:
                problems.append(_problem(last_seq + 1, "missing", f"rows before {seq} are missing"))
            elif prev != last_hash:
                problems.append(
                    _problem(seq, "broken_link", f"row {seq} does not follow from row {last_seq}")
                )
            content = as_bytes(payload)
            if content is not None and hashlib.sha256(content).hexdigest() != digest:
                problems.append(
                    _problem(seq, "edited", f"row {seq} was edited (event data does not match)")
                )
            elif _link(str(prev), seq, str(digest)) != link:
                problems.append(_problem(seq, "edited", f"row {seq} was edited (hash)"))
            last_seq, last_hash = seq, link
    if head_seq > last_seq:
        problems.append(_problem(last_seq + 1, "missing", f"rows after {last_seq} are missing"))
    elif head_seq < last_seq or head_hash != last_hash:
        problems.append(
            _problem(last_seq, "broken_link", f"row {last_seq} does not match the chain head")
        )
    return Verification(ok=not problems, events=count, problems=tuple(problems))


def _problem(seq: int, kind: str, message: str) -> ChainProblem:
    return ChainProblem(seq=seq, kind=kind, message=message)
