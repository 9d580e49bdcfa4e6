"""The SQL of data-subject requests in a SQLite store; functions over a connection.

Request events have a keyed hash chain of their own, beside the consent
ledger, with the design of :mod:`rekisteri.store._chain`: ``request_events``
holds the canonical JSON of each event, its ``digest`` (``keys.digest`` of
the JSON), the ``hash`` of the row before it (``prev``) and its own
``hash = keys.link(prev, seq, digest)``, all 32-byte BLOBs;
``request_chain_head`` holds the last row's seq and hash. Without the
store's secret nobody can write a row, or recompute the chain after an edit,
that :func:`verify` accepts.

A separate chain keeps request writes off the consent write path (neither
waits for the other's chain head) and lets each ledger be verified on its
own. ``request_state`` is derived in the same transactions: one row per
request with its subject, status and open flag, so that open requests are
found without folding every event. It is not covered by the chain, so
:func:`verify` folds every request from its hashed events and reports a
state row that differs (kind ``"state"``), as it reports plain columns of
``request_events`` (``request_id``, ``subject``, ``kind``, ``at_us``) that
differ from the event data (kind ``"edited"``). Every event read back is
checked against its keyed digest first, so a read never returns forged
event data.

The tables are created by :data:`rekisteri.store._sqlite_db.REQUEST_TABLES`.

:class:`~rekisteri.store.sqlite.SQLiteStore` calls these functions from thin
methods; a PostgreSQL store would implement the same
:class:`~rekisteri.store.RequestStore` protocol with its own SQL.
"""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs
import orjson

from rekisteri._validate import aware
from rekisteri.errors import InvalidValueError, RekisteriError, StoreFileError
from rekisteri.requests import (
    DataSubjectRequest,
    RequestEvent,
    RequestEventKind,
    RequestStatus,
    next_request_status,
)
from rekisteri.store import ChainProblem, Verification
from rekisteri.store._chain import GENESIS, Head
from rekisteri.store._clock import DEFAULT_MAX_CLOCK_SKEW, Window
from rekisteri.store._sqlite_db import as_bytes, immediate, micros, snapshot

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rekisteri.store._chain import Checkpoint, Keys

#: The name of the request ledger in a checkpoint's heads.
LEDGER: Final = "requests"

_INSERT: Final = (
    "INSERT INTO request_events (seq, request_id, subject, kind, at_us, payload, digest, prev,"
    " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_STATE: Final = (
    "INSERT INTO request_state (request_id, subject, status, open) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, open = excluded.open"
)
_HASH_BYTES: Final = 32
_DAMAGED: Final = (
    "store: the request ledger was changed behind the store (row {seq});"
    " run `rekisteri requests verify`"
)


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
    conn: sqlite3.Connection,
    events: Iterable[RequestEvent],
    ref: Callable[[str], str],
    keys: Keys,
    skew: timedelta = DEFAULT_MAX_CLOCK_SKEW,
) -> None:
    """Validate a batch of request events against the stored requests and write all or none.

    *ref* turns a subject into its stored reference (a henkilötunnus into its
    HMAC); *keys* are the store's keys. Every touched request is folded from
    its stored events plus the new ones, inside the write transaction, so the
    transition table and the extension rule are checked against the state
    that is really there.

    Raises:
        StoreFileError: A stored event of a touched request does not match its
            digest (the file was changed behind the store).
    """
    batch = prepare_batch(events, ref, Window.now(skew))
    if not batch:
        return
    with immediate(conn):
        _write(conn, batch, keys)


def prepare_batch(
    events: Iterable[RequestEvent], ref: Callable[[str], str], window: Window
) -> list[RequestEvent]:
    """Check each event on its own; return the batch with subjects as stored references.

    Raises:
        FutureEventError: An event dated after ``window.latest_us`` (a receipt
            dated decades ahead would never be overdue).
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
        if micros(event.at) > window.latest_us:
            raise window.refuse(index)
        batch.append(event if subject == event.subject else attrs.evolve(event, subject=subject))
    return batch


def _write(conn: sqlite3.Connection, batch: list[RequestEvent], keys: Keys) -> None:
    ids = sorted({e.request_id for e in batch})
    rows = conn.execute(
        "SELECT seq, request_id, payload, digest FROM request_events WHERE request_id IN"
        " (SELECT value FROM json_each(?)) ORDER BY seq",
        (orjson.dumps(ids),),
    )
    folded = fold_batch(rows, batch, keys)
    inserts, last = chain_rows(batch, head(conn), keys)
    conn.executemany(_INSERT, inserts)
    conn.executemany(_UPSERT_STATE, state_rows(folded))
    conn.execute(
        "UPDATE request_chain_head SET seq = ?, hash = ? WHERE id = 1", (last.seq, last.hash)
    )


def fold_batch(
    rows: Iterable[tuple[object, object, object, object]], batch: list[RequestEvent], keys: Keys
) -> list[DataSubjectRequest]:
    """Fold each request of *batch* from its stored *rows* and the new events, by request id.

    Raises:
        InvalidTransitionError, InvalidValueError: The batch breaks a rule of
            :meth:`~rekisteri.requests.DataSubjectRequest.fold`.
        StoreFileError: A stored row does not match its keyed digest.
    """
    ids = sorted({e.request_id for e in batch})
    histories: dict[str, list[RequestEvent]] = {i: [] for i in ids}
    for event in _checked_events(rows, keys):
        histories.setdefault(event.request_id, []).append(event)
    for event in batch:
        histories[event.request_id].append(event)
    return [DataSubjectRequest.fold(histories[i]) for i in ids]


def state_rows(folded: list[DataSubjectRequest]) -> list[tuple[str, str, str, int]]:
    """The ``request_state`` rows ``(request_id, subject, status, open)`` of *folded*."""
    return [(r.request_id, r.subject, r.status.value, int(r.is_open)) for r in folded]


def chain_rows(
    batch: list[RequestEvent], last: Head, keys: Keys
) -> tuple[list[tuple[int, str, str, str, int, bytes, bytes, bytes, bytes]], Head]:
    """The ``request_events`` rows of *batch* chained after *last*, and the new head."""
    seq, prev = last.seq, last.hash
    inserts = []
    for event in batch:
        seq += 1
        payload = _payload(event, event.subject)
        digest = keys.digest(payload)
        link = keys.link(prev, seq, digest)
        inserts.append(
            (
                seq,
                event.request_id,
                event.subject,
                event.kind.value,
                micros(event.at),
                payload,
                digest,
                prev,
                link,
            )
        )
        prev = link
    return inserts, Head(seq=seq, hash=prev)


def _checked_events(
    rows: Iterable[tuple[object, object, object, object]], keys: Keys
) -> Iterator[RequestEvent]:
    """The events of *rows* ``(seq, request_id, payload, digest)``, each checked first.

    Raises:
        StoreFileError: A row's event data does not match its keyed digest, is
            missing or unreadable, or is of another request than its
            ``request_id`` column says.
    """
    for seq, request_id, payload, digest in rows:
        content = as_bytes(payload)
        if content is None or not isinstance(digest, bytes):
            raise StoreFileError(_DAMAGED.format(seq=seq))
        if not hmac.compare_digest(keys.digest(content), digest):
            raise StoreFileError(_DAMAGED.format(seq=seq))
        try:
            event = _event(content)
        except (RekisteriError, ValueError, TypeError, KeyError):
            raise StoreFileError(_DAMAGED.format(seq=seq)) from None
        if event.request_id != request_id:
            raise StoreFileError(_DAMAGED.format(seq=seq))
        yield event


def fold_rows(
    rows: Iterable[tuple[object, object, object, object]], keys: Keys
) -> list[DataSubjectRequest]:
    """Fold rows ``(seq, request_id, payload, digest)`` by request, in request id order."""
    histories: dict[str, list[RequestEvent]] = {}
    for event in _checked_events(rows, keys):
        histories.setdefault(event.request_id, []).append(event)
    return [DataSubjectRequest.fold(histories[i]) for i in sorted(histories)]


def request(conn: sqlite3.Connection, request_id: str, keys: Keys) -> DataSubjectRequest | None:
    """Return the request *request_id*, folded from its (checked) events, or ``None``."""
    with snapshot(conn):
        rows = conn.execute(
            "SELECT seq, request_id, payload, digest FROM request_events WHERE request_id = ?"
            " ORDER BY seq",
            (request_id,),
        ).fetchall()
        found = fold_rows(rows, keys)
    return found[0] if found else None


def requests(
    conn: sqlite3.Connection, keys: Keys, *, subject: str | None, only_open: bool
) -> list[DataSubjectRequest]:
    """Return the requests (of one stored *subject* reference, or all), by request id.

    Which requests are open, and whose they are, is read from
    ``request_state``; :func:`verify` reports a state row that its events do
    not lead to.
    """
    with snapshot(conn):
        rows = conn.execute(
            "SELECT e.seq, e.request_id, e.payload, e.digest FROM request_state AS s"
            " JOIN request_events AS e ON e.request_id = s.request_id"
            " WHERE (:subject IS NULL OR s.subject = :subject) AND (:only_open = 0 OR s.open = 1)"
            " ORDER BY e.request_id, e.seq",
            {"subject": subject, "only_open": int(only_open)},
        ).fetchall()
        return fold_rows(rows, keys)


def head(conn: sqlite3.Connection) -> Head:
    """The request ledger's head (seq and hash of its last row), for a checkpoint.

    Read from the ``request_chain_head`` row, in the caller's transaction.

    Raises:
        StoreFileError: The row is missing or damaged.
    """
    try:
        rows = conn.execute("SELECT seq, hash FROM request_chain_head WHERE id = 1").fetchall()
    except sqlite3.DatabaseError:
        rows = []
    return head_from_rows(rows)


def head_from_rows(rows: list[tuple[Any, ...]]) -> Head:
    """The head of the ``request_chain_head`` rows ``(seq, hash)``; refuse a missing or damaged one.

    Raises:
        StoreFileError: Not exactly one row, or a damaged one.
    """
    if len(rows) != 1:
        msg = "store: the request ledger's chain head is missing; run `rekisteri requests verify`"
        raise StoreFileError(msg)
    seq, link = rows[0]
    if type(seq) is not int or seq < 0 or not _is_hash(link):
        msg = "store: the request ledger's chain head is damaged; run `rekisteri requests verify`"
        raise StoreFileError(msg)
    return Head(seq=seq, hash=link)


def _is_hash(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == _HASH_BYTES


# --- verification --------------------------------------------------------------------

_TABLES: Final = ("request_events", "request_chain_head", "request_state")


@attrs.define
class _Replay:
    """A request as its intact events leave it: subject and status (``None``: does not replay)."""

    subject: str
    status: RequestStatus | None
    seq: int


@attrs.define
class _Walk:
    """What walking the chain found, besides the problems."""

    count: int = 0
    last_seq: int = 0
    last_hash: bytes = GENESIS
    last_damaged: bool = False
    at_checkpoint: bytes | None = None
    requests: dict[str, _Replay] = attrs.Factory(dict)


def verify(
    conn: sqlite3.Connection, keys: Keys, checkpoint: Checkpoint | None = None
) -> Verification:
    """Walk the request chain in ``seq`` order and report every problem found.

    Checks each row's keyed digest and link, the continuity of ``seq`` and of
    the links, the plain columns against the event data, the chain head row
    against the last row, every ``request_state`` row against its request's
    events replayed with :func:`~rekisteri.requests.next_request_status`, and,
    given a *checkpoint*, that it is this store's and that the ledger still
    holds the row and hash it names.

    Raises:
        StoreFileError: The file cannot be read as SQLite at all.
    """
    try:
        with snapshot(conn):
            tables = {
                str(name)
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
            return check_ledger(
                Ledger(
                    tables=tables,
                    store_id=None if row is None else row[0],
                    events=lambda: conn.execute(VERIFY_EVENTS),
                    head=lambda: conn.execute(VERIFY_HEAD).fetchall(),
                    state=lambda: conn.execute(VERIFY_STATE),
                ),
                keys,
                checkpoint,
            )
    except sqlite3.DatabaseError as exc:
        msg = f"store: the request ledger cannot be read ({exc})"
        raise StoreFileError(msg) from None


#: The queries whose rows :class:`Ledger` gives :func:`check_ledger`.
VERIFY_EVENTS: Final = (
    "SELECT seq, request_id, subject, kind, at_us, payload, digest, prev, hash"
    " FROM request_events ORDER BY seq"
)
VERIFY_HEAD: Final = "SELECT id, seq, hash FROM request_chain_head"
VERIFY_STATE: Final = "SELECT request_id, subject, status, open FROM request_state"


@attrs.frozen
class Ledger:
    """The request ledger as a database shows it, for :func:`check_ledger`.

    *tables* are the tables present; each callable runs its query
    (:data:`VERIFY_EVENTS`, :data:`VERIFY_HEAD`, :data:`VERIFY_STATE`) only
    when its table is present; *store_id* is the ``meta`` row's value.
    """

    tables: set[str]
    store_id: object
    events: Callable[[], Iterable[tuple[Any, ...]]]
    head: Callable[[], list[tuple[Any, ...]]]
    state: Callable[[], Iterable[tuple[Any, ...]]]


def check_ledger(ledger: Ledger, keys: Keys, checkpoint: Checkpoint | None) -> Verification:
    """Check the request ledger as *ledger* shows it (see :func:`verify`)."""
    problems: list[ChainProblem] = []
    walk = _Walk()
    problems.extend(
        _problem(0, "missing", f"the table {table} is missing")
        for table in _TABLES
        if table not in ledger.tables
    )
    target = None
    if checkpoint is not None:
        target = _checkpoint_seq(ledger.store_id, keys, checkpoint, problems)
    if "request_events" in ledger.tables:
        _walk(ledger.events(), keys, walk, target, problems)
    if "request_chain_head" in ledger.tables:
        _check_head(ledger.head(), walk, problems)
    if "request_state" in ledger.tables:
        _check_state(ledger.state(), walk, problems)
    if target is not None:
        _check_checkpoint(checkpoint, walk, problems)
    problems.sort(key=lambda p: p.seq)
    return Verification(ok=not problems, events=walk.count, problems=tuple(problems))


def _walk(
    rows: Iterable[tuple[Any, ...]],
    keys: Keys,
    walk: _Walk,
    target: int | None,
    problems: list[ChainProblem],
) -> None:
    for seq, request_id, subject, kind, at_us, payload, digest, prev, link in rows:
        walk.count += 1
        if seq != walk.last_seq + 1:
            problems.append(_missing(walk.last_seq + 1, seq - 1))
        elif prev != walk.last_hash and not walk.last_damaged:
            problems.append(
                _problem(seq, "broken_link", f"row {seq} does not follow from row {walk.last_seq}")
            )
        if seq == target:
            walk.at_checkpoint = link if isinstance(link, bytes) else b""
        event, damage = _authentic(keys, seq, payload, (digest, prev, link))
        walk.last_damaged = damage is not None
        if damage is not None:
            problems.append(_problem(seq, "edited", f"row {seq} was edited ({damage})"))
        walk.last_seq = seq
        walk.last_hash = link if isinstance(link, bytes) else b""
        if event is None:
            continue
        if (request_id, subject, kind, at_us) != (
            event.request_id,
            event.subject,
            event.kind.value,
            event.at_us,
        ) or type(at_us) is not int:
            problems.append(
                _problem(seq, "edited", f"row {seq} was edited (its columns differ from its event)")
            )
        _replay(walk, seq, event)


class _Fact(NamedTuple):
    """What verification needs of an intact row's event (cheaper than a RequestEvent)."""

    request_id: str
    subject: str
    kind: RequestEventKind
    at_us: int


_KINDS: Final = {kind.value: kind for kind in RequestEventKind}


def _fact(content: bytes) -> _Fact:
    data = orjson.loads(content)
    request_id, subject = data["request_id"], data["subject"]
    if not isinstance(request_id, str) or not isinstance(subject, str):
        raise TypeError
    at = datetime.fromisoformat(data["at"])
    if at.tzinfo is None:
        raise ValueError
    return _Fact(request_id, subject, _KINDS[data["kind"]], micros(at))


def _authentic(
    keys: Keys, seq: int, payload: object, hashes: tuple[object, object, object]
) -> tuple[_Fact | None, str | None]:
    """The row's event if the row is intact, else ``None`` and what is wrong with it."""
    digest, prev, link = hashes
    if not (_is_hash(digest) and _is_hash(prev) and _is_hash(link)):
        return None, "its hashes are not 32-byte values"
    assert isinstance(digest, bytes)
    assert isinstance(prev, bytes)
    assert isinstance(link, bytes)
    content = as_bytes(payload)
    if content is None:
        return None, "its event data is gone"
    if not hmac.compare_digest(keys.digest(content), digest):
        return None, "event data does not match its digest"
    if not hmac.compare_digest(keys.link(prev, seq, digest), link):
        return None, "hash does not match"
    try:
        return _fact(content), None
    except (ValueError, TypeError, KeyError):
        return None, "its event data cannot be read"


def _replay(walk: _Walk, seq: int, event: _Fact) -> None:
    replay = walk.requests.get(event.request_id)
    if replay is None:
        replay = walk.requests[event.request_id] = _Replay(event.subject, None, seq)
    elif replay.seq == 0 or replay.subject != event.subject:
        replay.seq = 0  # does not replay: reported by _check_state
        return
    try:
        replay.status = next_request_status(replay.status, event.kind)
    except RekisteriError:
        replay.seq = 0
        return
    replay.seq = seq


def _check_head(rows: list[tuple[Any, ...]], walk: _Walk, problems: list[ChainProblem]) -> None:
    if len(rows) != 1 or rows[0][0] != 1:
        problems.append(
            _problem(walk.last_seq, "broken_link", "the chain head row is missing or doubled")
        )
        return
    _, head_seq, head_hash = rows[0]
    if type(head_seq) is not int or not _is_hash(head_hash):
        problems.append(_problem(walk.last_seq, "broken_link", "the chain head row was edited"))
    elif head_seq > walk.last_seq:
        problems.append(_missing(walk.last_seq + 1, head_seq))
    elif head_seq < walk.last_seq:
        problems.append(
            _problem(
                head_seq + 1,
                "broken_link",
                f"rows after {head_seq} were not written through the store",
            )
        )
    elif head_hash != walk.last_hash:
        problems.append(
            _problem(
                walk.last_seq, "broken_link", f"row {walk.last_seq} does not match the chain head"
            )
        )


def _check_state(
    rows: Iterable[tuple[Any, ...]], walk: _Walk, problems: list[ChainProblem]
) -> None:
    stored: dict[object, tuple[object, object, object]] = {}
    for request_id, subject, status, is_open in rows:
        stored[request_id] = (subject, status, is_open)
    for request_id, replay in sorted(walk.requests.items()):
        row = stored.pop(request_id, None)
        if replay.seq == 0 or replay.status is None:
            problems.append(
                _problem(
                    0,
                    "state",
                    "the events of a request do not follow one another (rows are missing)",
                )
            )
            continue
        expected = (replay.subject, replay.status.value, int(not replay.status.is_final))
        if row is None:
            problems.append(
                _problem(
                    replay.seq, "state", f"row {replay.seq}: the request's state row is missing"
                )
            )
        elif row != expected or type(row[2]) is not int:
            problems.append(
                _problem(
                    replay.seq,
                    "state",
                    f"row {replay.seq}: the stored request state does not follow from the events",
                )
            )
    if stored:
        problems.append(
            _problem(0, "state", f"{len(stored)} stored request state(s) have no intact events")
        )


def _checkpoint_seq(
    store_id: object, keys: Keys, checkpoint: Checkpoint, problems: list[ChainProblem]
) -> int | None:
    """The seq the checkpoint names for this ledger, if it is this store's; else report why not."""
    if not keys.is_signed(checkpoint):
        problems.append(
            _problem(0, "checkpoint", "the checkpoint is not signed with this store's secret")
        )
        return None
    if store_id != checkpoint.store_id:
        problems.append(_problem(0, "checkpoint", "the checkpoint was made for another store"))
        return None
    mark = checkpoint.heads.get(LEDGER)
    if mark is None:
        problems.append(
            _problem(0, "checkpoint", "the checkpoint has no head of the request ledger")
        )
        return None
    return mark.seq


def _check_checkpoint(
    checkpoint: Checkpoint | None, walk: _Walk, problems: list[ChainProblem]
) -> None:
    assert checkpoint is not None
    mark = checkpoint.heads[LEDGER]
    if mark.seq == 0:
        return
    if walk.last_seq < mark.seq:
        problems.append(
            _problem(
                walk.last_seq + 1,
                "missing",
                f"the ledger ends at row {walk.last_seq}; the checkpoint saw {mark.seq} rows",
            )
        )
    elif walk.at_checkpoint is None:
        problems.append(_missing(mark.seq, mark.seq))
    elif not hmac.compare_digest(walk.at_checkpoint, mark.hash):
        problems.append(
            _problem(
                mark.seq,
                "checkpoint",
                f"row {mark.seq} differs from the checkpoint: the ledger up to it was rewritten",
            )
        )


def _missing(first: int, last: int) -> ChainProblem:
    message = f"row {first} is missing" if first == last else f"rows {first}-{last} are missing"
    return ChainProblem(seq=first, kind="missing", message=message)


def _problem(seq: int, kind: str, message: str) -> ChainProblem:
    return ChainProblem(seq=seq, kind=kind, message=message)
