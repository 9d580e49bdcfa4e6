"""Tests for data-subject requests in the SQLite store (rekisteri.store._requests_sql)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.errors import InvalidTransitionError, InvalidValueError, RekisteriError
from rekisteri.requests import RequestEvent, RequestStatus, due_within, overdue
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from rekisteri.store import RequestStore

HETU = "010594Y9032"  # DVV's fictitious temporary test identity
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
    with SQLiteStore(tmp_path / "store.db", secret=b"test-secret") as opened:
        yield opened


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
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
        with SQLiteStore(tmp_path / "store.db", secret=b"test-secret") as again:
            (request,) = again.requests(subject=HETU)
            assert request.subject.startswith("hmac-sha256:")
            assert HETU not in repr(request)

    def test_hetu_without_secret_is_refused(self, tmp_path: Path) -> None:
        """Without a secret a henkilötunnus subject is refused, and nothing is stored."""
        with SQLiteStore(tmp_path / "plain.db") as plain:
            with pytest.raises(InvalidValueError) as info:
                plain.append_requests([ev("receive", subject=HETU)])
            assert HETU not in str(info.value)
            assert plain.requests() == []

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
            ("UPDATE request_events SET hash = printf('%064d', 1) WHERE seq = 2", "edited"),
            ("DELETE FROM request_events WHERE seq = 2", "missing"),
            ("DELETE FROM request_events WHERE seq = 3", "missing"),
        ],
    )
    def test_tampering_is_found(
        self, store: SQLiteStore, tmp_path: Path, sql: str, kind: str
    ) -> None:
        """Edited, removed or truncated request rows are reported."""
        store.append_requests([ev("receive"), ev("acknowledge"), ev("accept")])
        with sqlite3.connect(tmp_path / "store.db") as conn:
            conn.execute(sql)
        result = store.verify_requests()
        assert not result.ok
        assert kind in {p.kind for p in result.problems}


class TestMigration:
    def test_version_1_file_gains_request_tables(self, tmp_path: Path) -> None:
        """A file written at schema version 1 is migrated and keeps its consent events."""
        from rekisteri.store import _sqlite_db

        path = tmp_path / "old.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in _sqlite_db.MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version) VALUES (1)")
        conn.close()
        with SQLiteStore(path, purposes={"newsletter": False}) as old:
            old.append(
                [ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=T0)]
            )
            old.append_requests([ev("receive")])
            assert old.verify().ok
            assert old.verify_requests().ok
        with sqlite3.connect(path) as check:
            assert check.execute("SELECT version FROM schema_version").fetchall() == [(2,)]

    def test_errors_are_rekisteri_errors(self, store: SQLiteStore) -> None:
        """Every refusal is a RekisteriError."""
        with pytest.raises(RekisteriError):
            store.append_requests([ev("acknowledge")])
