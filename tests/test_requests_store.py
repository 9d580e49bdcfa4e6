"""Tests for data-subject requests in the SQLite store (rekisteri.store._requests_sql)."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import attrs
import pytest

from rekisteri.errors import (
    InvalidTransitionError,
    InvalidValueError,
    RekisteriError,
    StoreFileError,
    WeakSecretError,
)
from rekisteri.requests import RequestEvent, RequestStatus, due_within, overdue
from rekisteri.store._chain import Checkpoint, Head, Keys
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from rekisteri.store import RequestStore

HETU = "010594Y9032"  # DVV's fictitious temporary test identity
SECRET = b"requests-store-test-secret-32-by"  # 32 bytes, the fewest a store takes
T0 = datetime(2025, 1, 31, 10, 0, tzinfo=UTC)


def ev(kind: str, request_id: str = "r1", subject: str = "c-1", **kw: object) -> RequestEvent:
    """A request event at T0 plus ``hours`` (default 0)."""
    hours = int(kw.pop("hours", 0))  # type: ignore[call-overload] # test helper
    if kind == "receive":
        kw.setdefault("right", "access")
    return RequestEvent(
        request_id=request_id,
        subject=subject,
        kind=kind,
        at=T0 + timedelta(hours=hours),
        **kw,  # type: ignore[arg-type] # test helper passes optional fields through
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "store.db", secret=SECRET) as opened:
        yield opened


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn, conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


class TestAppend:
    def test_implements_the_protocol(self, store: SQLiteStore) -> None:
        """SQLiteStore is a RequestStore (checked by mypy) and starts empty."""
        protocol: RequestStore = store
        assert protocol.requests() == []

    def test_round_trip(self, store: SQLiteStore) -> None:
        """A stored request folds back to the same status, right and deadline."""
        store.append_requests([ev("receive", channel="email"), ev("acknowledge", hours=1)])
        request = store.request("r1")
        assert request is not None
        assert request.status is RequestStatus.ACKNOWLEDGED
        assert request.channel == "email"
        assert request.deadline.due.isoformat() == "2025-02-28"
        assert len(request.events) == 2
        assert store.request("nope") is None

    def test_illegal_transition_stores_nothing(self, store: SQLiteStore, tmp_path: Path) -> None:
        """A batch with a skipped step is refused as a whole."""
        with pytest.raises(InvalidTransitionError):
            store.append_requests([ev("receive"), ev("fulfil", hours=1)])
        assert _count(tmp_path / "store.db", "request_events") == 0
        assert store.request("r1") is None

    def test_transition_is_checked_against_stored_state(self, store: SQLiteStore) -> None:
        """A later batch is checked against the events already stored."""
        store.append_requests([ev("receive")])
        with pytest.raises(InvalidTransitionError):
            store.append_requests([ev("accept", hours=1)])
        with pytest.raises(InvalidTransitionError):
            store.append_requests([ev("receive", hours=1)])
        request = store.request("r1")
        assert request is not None
        assert request.status is RequestStatus.INITIATED

    def test_late_extension_is_refused(self, store: SQLiteStore) -> None:
        """An extension told after the first month is refused and not stored."""
        store.append_requests([ev("receive"), ev("acknowledge"), ev("accept")])
        late = ev("extend", hours=24 * 40, extension_months=2, reason="many records")
        with pytest.raises(InvalidValueError, match="within the first month"):
            store.append_requests([late])
        request = store.request("r1")
        assert request is not None
        assert request.status is RequestStatus.ACCEPTED
        assert request.deadline.months == 1

    def test_extension_moves_the_deadline(self, store: SQLiteStore) -> None:
        """A timely extension gives three months from receipt."""
        store.append_requests([ev("receive"), ev("acknowledge"), ev("accept")])
        store.append_requests([ev("extend", hours=24, extension_months=2, reason="complex")])
        request = store.request("r1")
        assert request is not None
        assert request.deadline.due.isoformat() == "2025-04-30"

    def test_not_an_event_is_refused(self, store: SQLiteStore) -> None:
        """Anything but a RequestEvent is a typed error, before anything is written."""
        with pytest.raises(InvalidValueError, match=r"events\[1\]"):
            store.append_requests([ev("receive"), "receive"])  # type: ignore[list-item]
        assert store.requests() == []


class TestSubjects:
    def test_hetu_is_stored_only_as_hmac(self, store: SQLiteStore, tmp_path: Path) -> None:
        """A henkilötunnus subject never reaches the file; the request carries the HMAC."""
        store.append_requests([ev("receive", subject=HETU)])
        store.close()
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
        assert HETU.encode() not in raw
        with SQLiteStore(tmp_path / "store.db", secret=SECRET) as again:
            (request,) = again.requests(subject=HETU)
            assert request.subject.startswith("hmac-sha256:")
            assert HETU not in repr(request)

    def test_a_short_secret_is_refused(self, tmp_path: Path) -> None:
        """A store takes no secret shorter than 32 bytes, and creates no file then."""
        with pytest.raises(WeakSecretError):
            SQLiteStore(tmp_path / "weak.db", secret=b"test-secret")
        assert not (tmp_path / "weak.db").exists()

    def test_filters(self, store: SQLiteStore) -> None:
        """requests() filters by subject and by open status."""
        store.append_requests(
            [
                ev("receive", "r1", "a"),
                ev("receive", "r2", "b"),
                ev("acknowledge", "r2", "b"),
                ev("accept", "r2", "b"),
                ev("fulfil", "r2", "b", hours=1),
            ]
        )
        assert [r.request_id for r in store.requests()] == ["r1", "r2"]
        assert [r.request_id for r in store.requests(only_open=True)] == ["r1"]
        assert [r.request_id for r in store.requests(subject="b")] == ["r2"]
        assert store.requests(subject="b", only_open=True) == []

    def test_one_request_one_subject(self, store: SQLiteStore) -> None:
        """Events of one request id for another subject are refused."""
        store.append_requests([ev("receive", subject="a")])
        with pytest.raises(InvalidValueError, match="one request and subject"):
            store.append_requests([ev("acknowledge", subject="b")])


class TestQueries:
    def test_overdue_and_due_within(self, store: SQLiteStore) -> None:
        """overdue() and due_within() read open requests and their deadlines."""
        store.append_requests(
            [
                ev("receive", "early"),  # due 28.2.2025
                ev("receive", "late", hours=24 * 20),  # received 20.2 → due 20.3.2025
                ev("receive", "done"),
                ev("acknowledge", "done"),
                ev("reject", "done", ground="excessive", reason="repeated"),
            ]
        )
        at = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        found = store.requests(only_open=True)
        assert [r.request_id for r in overdue(found, at=at)] == ["early"]
        assert [r.request_id for r in due_within(found, 19, at=at)] == ["late"]
        assert due_within(found, 18, at=at) == []
        before = datetime(2025, 2, 28, 21, 59, tzinfo=UTC)  # 23:59 in Helsinki
        assert overdue(found, at=before) == []
        assert [r.request_id for r in due_within(found, 0, at=before)] == ["early"]

    def test_closed_requests_are_skipped(self, store: SQLiteStore) -> None:
        """Given every request, overdue() and due_within() still list only the open ones."""
        store.append_requests(
            [
                ev("receive", "open"),  # due 28.2.2025
                ev("receive", "done"),
                ev("acknowledge", "done"),
                ev("reject", "done", ground="excessive", reason="repeated"),
            ]
        )
        everything = store.requests()
        assert len(everything) == 2
        at = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        assert [r.request_id for r in overdue(everything, at=at)] == ["open"]
        assert [r.request_id for r in overdue(iter(everything), at=at)] == ["open"]
        assert [r.request_id for r in due_within(everything, 30, at=T0)] == ["open"]

    def test_naive_at_is_refused(self, store: SQLiteStore) -> None:
        """A naive datetime is a typed error."""
        found = store.requests(only_open=True)
        with pytest.raises(InvalidValueError):
            overdue(found, at=datetime(2025, 3, 1))  # noqa: DTZ001 - the point of the test
        with pytest.raises(InvalidValueError):
            due_within(found, -1, at=T0)


class TestIntegrity:
    def test_verify_passes_and_consent_chain_is_separate(self, store: SQLiteStore) -> None:
        """Both ledgers verify, each with its own count."""
        store.append_requests([ev("receive"), ev("acknowledge")])
        assert store.verify_requests().ok
        assert store.verify_requests().events == 2
        assert store.verify().ok
        assert store.verify().events == 0

    @pytest.mark.parametrize(
        ("sql", "kind"),
        [
            (
                (
                    "UPDATE request_events SET payload = replace(payload, 'access', 'erasure')"
                    " WHERE seq = 1"
                ),
                "edited",
            ),
            ("UPDATE request_events SET hash = randomblob(32) WHERE seq = 2", "edited"),
            ("UPDATE request_events SET digest = randomblob(32) WHERE seq = 2", "edited"),
            ("UPDATE request_events SET hash = 'not a hash' WHERE seq = 2", "edited"),
            ("UPDATE request_events SET payload = NULL WHERE seq = 2", "edited"),
            ("DELETE FROM request_events WHERE seq = 2", "missing"),
            ("DELETE FROM request_events WHERE seq = 3", "missing"),
            # the plain columns that queries read
            ("UPDATE request_events SET request_id = 'r9' WHERE seq = 2", "edited"),
            ("UPDATE request_events SET subject = 'c-2' WHERE seq = 2", "edited"),
            ("UPDATE request_events SET kind = 'fulfil' WHERE seq = 3", "edited"),
            ("UPDATE request_events SET at_us = at_us + 1 WHERE seq = 2", "edited"),
            ("UPDATE request_events SET at_us = NULL WHERE seq = 2", "edited"),
            # the derived request state that requests() reads
            ("UPDATE request_state SET status = 'fulfilled', open = 0", "state"),
            ("UPDATE request_state SET open = 0", "state"),
            ("UPDATE request_state SET status = 'initiated'", "state"),
            ("UPDATE request_state SET subject = 'c-2'", "state"),
            ("UPDATE request_state SET open = 'yes'", "state"),
            ("DELETE FROM request_state", "state"),
            ("INSERT INTO request_state VALUES ('r9', 'c-9', 'initiated', 1)", "state"),
            # the chain head
            ("UPDATE request_chain_head SET seq = 2", "broken_link"),
            ("UPDATE request_chain_head SET seq = 'x'", "broken_link"),
            ("UPDATE request_chain_head SET hash = randomblob(32)", "broken_link"),
            ("DELETE FROM request_chain_head", "broken_link"),
            ("DROP TABLE request_state", "missing"),
            ("DROP TABLE request_chain_head", "missing"),
            ("DROP TABLE request_events", "missing"),
        ],
    )
    def test_tampering_is_found(
        self, store: SQLiteStore, tmp_path: Path, sql: str, kind: str
    ) -> None:
        """Edited or removed rows, columns, states and heads are reported, never raised."""
        store.append_requests([ev("receive"), ev("acknowledge"), ev("accept")])
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute(sql)
        result = store.verify_requests()
        assert not result.ok
        assert kind in {p.kind for p in result.problems}, result.problems

    def test_edited_state_hiding_an_overdue_request_is_reported(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        """The attack of the issue: request_state marks an overdue request closed."""
        store.append_requests([ev("receive"), ev("receive", "r2", "c-2")])
        at = datetime(2025, 3, 10, tzinfo=UTC)
        assert len(overdue(store.requests(only_open=True), at=at)) == 2
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute(
                "UPDATE request_state SET status = 'fulfilled', open = 0 WHERE request_id = 'r1'"
            )
        result = store.verify_requests()
        assert not result.ok
        assert [(p.seq, p.kind) for p in result.problems] == [(1, "state")]

    def test_reads_refuse_forged_event_data(self, store: SQLiteStore, tmp_path: Path) -> None:
        """A read never returns event data that does not match its keyed digest."""
        store.append_requests([ev("receive"), ev("acknowledge")])
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute(
                "UPDATE request_events SET payload = replace(payload, 'access', 'erasure')"
                " WHERE seq = 1"
            )
        with pytest.raises(StoreFileError, match="requests verify"):
            store.request("r1")
        with pytest.raises(StoreFileError):
            store.requests()
        with pytest.raises(StoreFileError):
            store.append_requests([ev("accept", hours=1)])

    @pytest.mark.parametrize("forger", ["sha256", "other_secret"])
    def test_forged_append_with_a_recomputed_chain_is_found(
        self, store: SQLiteStore, tmp_path: Path, forger: str
    ) -> None:
        """Rows appended and linked without the store's secret do not verify."""
        store.append_requests([ev("receive"), ev("acknowledge")])
        _forge_fulfilment(tmp_path / "store.db", forger)
        with pytest.raises(StoreFileError):
            store.request("r1")
        result = store.verify_requests()
        assert [(p.seq, p.kind) for p in result.problems] == [
            (2, "state"),  # the forged state: the intact events leave r1 acknowledged
            (3, "edited"),
            (4, "edited"),
        ]

    def test_forged_rewrite_of_all_history_is_found(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        """Every row recomputed with an unkeyed chain: every row is reported."""
        store.append_requests([ev("receive"), ev("acknowledge")])
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            rows = conn.execute("SELECT seq, payload FROM request_events ORDER BY seq").fetchall()
            prev = bytes(32)
            for seq, payload in rows:
                forged = payload.replace(b"access", b"erasure")
                digest = hashlib.sha256(forged).digest()
                link = hashlib.sha256(prev + seq.to_bytes(8, "big") + digest).digest()
                conn.execute(
                    "UPDATE request_events SET payload = ?, digest = ?, prev = ?, hash = ?"
                    " WHERE seq = ?",
                    (forged, digest, prev, link, seq),
                )
                prev = link
            conn.execute("UPDATE request_chain_head SET hash = ?", (prev,))
        result = store.verify_requests()
        edited = [p.seq for p in result.problems if p.kind == "edited"]
        assert edited == [1, 2]


def _forge_fulfilment(path: Path, forger: str) -> None:
    """Append accept and fulfil events to r1 behind the store, with a consistent chain."""
    keys = Keys.from_secret(b"an attacker's guess, 32 bytes!!!")
    with closing(sqlite3.connect(path)) as conn, conn:
        head_seq, prev = conn.execute("SELECT seq, hash FROM request_chain_head").fetchone()
        (template,) = conn.execute("SELECT payload FROM request_events WHERE seq = 2").fetchone()
        for kind in ("accept", "fulfil"):
            head_seq += 1
            payload = template.replace(b'"acknowledge"', f'"{kind}"'.encode())
            if forger == "sha256":
                digest = hashlib.sha256(payload).digest()
                link = hashlib.sha256(prev + head_seq.to_bytes(8, "big") + digest).digest()
            else:
                digest = keys.digest(payload)
                link = keys.link(prev, head_seq, digest)
            conn.execute(
                "INSERT INTO request_events SELECT ?, request_id, subject, ?, at_us, ?, ?, ?, ?"
                " FROM request_events WHERE seq = 2",
                (head_seq, kind, payload, digest, prev, link),
            )
            prev = link
        conn.execute("UPDATE request_chain_head SET seq = ?, hash = ?", (head_seq, prev))
        conn.execute("UPDATE request_state SET status = 'fulfilled', open = 0")


class TestCheckpoint:
    def test_truncation_is_found_with_a_checkpoint(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        """Rows cut off the end together with the chain head: only a checkpoint shows it."""
        store.append_requests([ev("receive"), ev("acknowledge"), ev("accept")])
        checkpoint = Checkpoint.from_json(store.checkpoint().to_json())
        assert checkpoint.heads["requests"].seq == 3
        assert store.verify_requests(checkpoint).ok
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute("DELETE FROM request_events WHERE seq = 3")
            conn.execute(
                "UPDATE request_chain_head SET seq = 2,"
                " hash = (SELECT hash FROM request_events WHERE seq = 2)"
            )
            conn.execute("UPDATE request_state SET status = 'acknowledged'")
        assert store.verify_requests().ok  # the chain alone cannot tell
        result = store.verify_requests(checkpoint)
        assert not result.ok
        assert [(p.seq, p.kind) for p in result.problems] == [(3, "missing")]

    def test_everything_deleted_is_found_with_a_checkpoint(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        """A ledger emptied and its head reset to genesis."""
        store.append_requests([ev("receive")])
        checkpoint = store.checkpoint()
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute("DELETE FROM request_events")
            conn.execute("DELETE FROM request_state")
            conn.execute("UPDATE request_chain_head SET seq = 0, hash = zeroblob(32)")
        assert store.verify_requests().ok
        assert not store.verify_requests(checkpoint).ok

    def test_later_appends_still_verify(self, store: SQLiteStore) -> None:
        """A checkpoint stays valid while the ledger grows."""
        store.append_requests([ev("receive")])
        checkpoint = store.checkpoint()
        store.append_requests([ev("acknowledge", hours=1)])
        assert store.verify_requests(checkpoint).ok

    def test_a_hash_that_differs_at_the_checkpoint_is_found(self, store: SQLiteStore) -> None:
        """A signed checkpoint whose hash is not the ledger's at its seq."""
        store.append_requests([ev("receive"), ev("acknowledge")])
        real = store.checkpoint()
        forged = Keys.from_secret(SECRET).sign(
            real.store_id, real.at, {**real.heads, "requests": Head(2, bytes(32))}
        )
        result = store.verify_requests(forged)
        assert [(p.seq, p.kind) for p in result.problems] == [(2, "checkpoint")]

    def test_another_stores_or_unsigned_checkpoint_is_reported(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        """A checkpoint of another store, or signed with another secret, is a problem."""
        store.append_requests([ev("receive")])
        with SQLiteStore(tmp_path / "other.db", secret=SECRET) as other:
            foreign = other.checkpoint()
        unsigned = attrs.evolve(store.checkpoint(), mac=bytes(32))
        for checkpoint in (foreign, unsigned):
            result = store.verify_requests(checkpoint)
            assert not result.ok
            assert [p.kind for p in result.problems] == ["checkpoint"]

    def test_missing_head_row_does_not_crash(self, store: SQLiteStore, tmp_path: Path) -> None:
        """Without its chain head row, verify reports it and a checkpoint is refused."""
        store.append_requests([ev("receive")])
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            conn.execute("DELETE FROM request_chain_head")
        result = store.verify_requests()
        assert [p.kind for p in result.problems] == ["broken_link"]
        with pytest.raises(StoreFileError):
            store.checkpoint()


class TestSchema:
    def test_a_version_2_file_is_refused(self, tmp_path: Path) -> None:
        """A file of the unreleased schema version 2 (unkeyed hex chains) is not opened."""
        path = tmp_path / "old.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version (version) VALUES (2)")
        conn.close()
        with pytest.raises(StoreFileError, match="schema version 2"):
            SQLiteStore(path, secret=SECRET)

    def test_hashes_are_32_byte_blobs(self, store: SQLiteStore, tmp_path: Path) -> None:
        """The request chain stores digests and links as 32-byte BLOBs."""
        store.append_requests([ev("receive")])
        with closing(sqlite3.connect(tmp_path / "store.db")) as conn, conn:
            row = conn.execute(
                "SELECT typeof(digest), length(digest), typeof(prev), typeof(hash),"
                " length(hash) FROM request_events"
            ).fetchone()
            head = conn.execute(
                "SELECT typeof(hash), length(hash) FROM request_chain_head"
            ).fetchone()
        assert row == ("blob", 32, "blob", "blob", 32)
        assert head == ("blob", 32)

    def test_errors_are_rekisteri_errors(self, store: SQLiteStore) -> None:
        """Every refusal is a RekisteriError."""
        with pytest.raises(RekisteriError):
            store.append_requests([ev("acknowledge")])
