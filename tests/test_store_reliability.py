"""Concurrency, crashes and tampering: the SQLite store under stress."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from pathlib import Path

    from rekisteri.store import Verification

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
PURPOSES = {"newsletter": True}
SECRET = b"reliability test secret, 32 bytes"
WORKERS = 4
PER_WORKER = 5_000
BATCH = 100
COMMITTED = 300
PARTIAL = 200_000

spawn = multiprocessing.get_context("spawn")


def events(prefix: str, count: int, *, start: int = 0) -> list[ConsentEvent]:
    """*count* events: each subject gets a request and then a give, unique evidence each."""
    return [
        ConsentEvent(
            subject=f"{prefix}-s{i // 2}",
            purpose="newsletter",
            kind=EventKind.REQUEST if i % 2 == 0 else EventKind.GIVE,
            at=T0 + timedelta(seconds=i),
            evidence=f"{prefix}-e{i}",
        )
        for i in range(start, start + count)
    ]


def _append_worker(path: str, worker: int) -> None:
    with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
        batch = events(f"w{worker}", PER_WORKER)
        for i in range(0, PER_WORKER, BATCH):
            store.append(batch[i : i + BATCH])


class _Signalling:
    """Wraps the store's connection and reports when the event rows start to be written."""

    def __init__(self, conn: sqlite3.Connection, pipe: Connection, *, hold: bool) -> None:
        self._conn, self._pipe, self._hold = conn, pipe, hold

    def execute(self, sql: str, params: object = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)  # type: ignore[arg-type]  # a plain pass-through

    def executemany(self, sql: str, rows: list[tuple[object, ...]]) -> sqlite3.Cursor:
        if not sql.startswith("INSERT INTO events"):
            return self._conn.executemany(sql, rows)
        self._pipe.send("inside")
        cursor = self._conn.executemany(sql, rows)
        if self._hold:  # written but not committed: wait here for the kill
            self._pipe.send("written")
            time.sleep(600)
        return cursor

    def close(self) -> None:
        self._conn.close()


def _crash_worker(path: str, pipe: Connection, partial: int, hold: bool) -> None:  # noqa: FBT001
    with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
        committed = events("ok", COMMITTED)
        for i in range(0, COMMITTED, BATCH):
            store.append(committed[i : i + BATCH])
        big = events("partial", partial)
        pipe.send("committed")
        store._conn = _Signalling(store._conn, pipe, hold=hold)  # type: ignore[assignment]  # test hook
        store.append(big)
        pipe.send("finished")  # never reached when the kill lands in time


def problems(result: Verification) -> list[tuple[str, int]]:
    return [(p.kind, p.seq) for p in result.problems]


class TestConcurrentWriters:
    def test_four_processes_append_every_event_once(self, tmp_path: Path) -> None:
        """Four processes appending at once: every event is stored exactly once, chain intact."""
        path = str(tmp_path / "shared.db")
        SQLiteStore(path, purposes=PURPOSES, secret=SECRET).close()
        procs = [spawn.Process(target=_append_worker, args=(path, w)) for w in range(WORKERS)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(timeout=300)
        assert [proc.exitcode for proc in procs] == [0] * WORKERS
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            result = store.verify()
            assert result.ok, result.problems
            assert result.events == WORKERS * PER_WORKER
            evidence = sorted(e.evidence or "" for w in range(WORKERS) for e in _all(store, w))
        expected = sorted(f"w{w}-e{i}" for w in range(WORKERS) for i in range(PER_WORKER))
        assert evidence == expected

    def test_interleaved_batches_keep_the_order_of_each_writer(self, tmp_path: Path) -> None:
        """Two open stores on one file see each other's writes and keep one chain."""
        path = tmp_path / "two.db"
        with (
            SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as a,
            SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as b,
        ):
            a.append(events("a", 4))
            b.append(events("a", 2, start=4))
            a.append(events("a", 2, start=6))
            assert [e.evidence for e in b.history("a-s3")] == ["a-e6", "a-e7"]
            assert b.verify().ok
            assert a.verify().events == 8


def _all(store: SQLiteStore, worker: int) -> list[ConsentEvent]:
    found: list[ConsentEvent] = []
    for s in range(PER_WORKER // 2):
        found += store.history(f"w{worker}-s{s}")
    return found


class TestCrash:
    @pytest.mark.parametrize(
        ("partial", "hold"),
        [(PARTIAL, False), (20_000, True)],
        ids=["killed-while-writing", "killed-before-commit"],
    )
    def test_sigkill_mid_batch_loses_only_the_batch(
        self,
        tmp_path: Path,
        partial: int,
        hold: bool,  # noqa: FBT001
    ) -> None:
        """A writer killed inside a batch leaves every committed event and none of the batch."""
        path = str(tmp_path / "crash.db")
        parent, child = spawn.Pipe()
        proc = spawn.Process(target=_crash_worker, args=(path, child, partial, hold))
        proc.start()
        try:
            assert parent.poll(120)
            assert parent.recv() == "committed"
            assert parent.poll(120)
            assert parent.recv() == "inside"
            if hold:
                assert parent.poll(60)
                assert parent.recv() == "written"
            else:
                time.sleep(0.2)
            assert proc.pid is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.join(timeout=60)
        finally:
            if proc.is_alive():
                proc.kill()
        assert proc.exitcode == -signal.SIGKILL
        assert not parent.poll(0.1)  # the batch never finished
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            result = store.verify()
            assert result.ok, result.problems
            assert result.events == COMMITTED
            assert store.history("partial-s0") == []
            assert len(store.history("ok-s0")) == 2
            store.append(events("after", 2))
            assert store.verify().events == COMMITTED + 2


class TestTampering:
    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        """A ledger of ten events, intact."""
        path = tmp_path / "ledger.db"
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            store.append(events("t", 10))
            assert store.verify().ok
        return path

    def swap(self, path: Path, columns: str, a: int, b: int) -> None:
        """Swap *columns* of rows *a* and *b* behind the store's back."""
        with closing(sqlite3.connect(path)) as conn, conn:
            select = f"SELECT {columns} FROM events WHERE seq = ?"  # noqa: S608  # test-only
            row_a = conn.execute(select, (a,)).fetchone()
            row_b = conn.execute(select, (b,)).fetchone()
            update = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
            conn.execute(f"UPDATE events SET {update} WHERE seq = ?", (*row_b, a))  # noqa: S608
            conn.execute(f"UPDATE events SET {update} WHERE seq = ?", (*row_a, b))  # noqa: S608

    def verify(self, path: Path, *statements: str) -> Verification:
        """Run *statements* directly in SQLite, then verify through the store."""
        with closing(sqlite3.connect(path)) as conn, conn:
            for statement in statements:
                conn.execute(statement)
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            return store.verify()

    def test_edited_payload(self, path: Path) -> None:
        """A payload changed in place is reported as edited at its seq."""
        result = self.verify(
            path, "UPDATE events SET payload = replace(payload, 'request', 'give') WHERE seq = 3"
        )
        assert not result
        assert problems(result) == [("edited", 3)]
        assert result.events == 10

    def test_edited_payload_exact_row(self, path: Path) -> None:
        """A payload with one changed character is reported as edited at exactly that seq."""
        result = self.verify(
            path, "UPDATE events SET payload = replace(payload, 't-e4', 't-e9') WHERE seq = 5"
        )
        assert problems(result) == [("edited", 5)]

    def test_edited_payload_with_recomputed_digest(self, path: Path) -> None:
        """A payload edited together with a fresh digest breaks the row's hash: edited."""
        with closing(sqlite3.connect(path)) as conn, conn:
            (payload,) = conn.execute("SELECT payload FROM events WHERE seq = 6").fetchone()
            forged = bytes(payload).replace(b"t-e5", b"t-e0")
            digest = hashlib.sha256(forged).digest()
            conn.execute(
                "UPDATE events SET payload = ?, digest = ? WHERE seq = 6", (forged, digest)
            )
        assert problems(self.verify(path)) == [("edited", 6)]

    def test_deleted_middle_row(self, path: Path) -> None:
        """A deleted row in the middle is reported as missing at its seq."""
        result = self.verify(path, "DELETE FROM events WHERE seq = 5")
        assert problems(result) == [("missing", 5)]
        assert result.events == 9

    def test_deleted_first_rows(self, path: Path) -> None:
        """Deleted rows at the start are reported as missing from seq 1."""
        result = self.verify(path, "DELETE FROM events WHERE seq <= 2")
        assert problems(result) == [("missing", 1)]
        assert "rows 1-2" in result.problems[0].message

    def test_deleted_last_row(self, path: Path) -> None:
        """A deleted last row is found through the chain head."""
        result = self.verify(path, "DELETE FROM events WHERE seq = 10")
        assert problems(result) == [("missing", 10)]

    def test_swapped_payloads_and_digests(self, path: Path) -> None:
        """Two rows whose payloads and digests were swapped are reported as reordered."""
        self.swap(path, "payload, digest", 3, 7)
        result = self.verify(path)
        assert problems(result) == [("reordered", 3), ("reordered", 7)]

    def test_swapped_payloads_only(self, path: Path) -> None:
        """Two rows whose payloads alone were swapped are reported as reordered."""
        self.swap(path, "payload", 3, 7)
        result = self.verify(path)
        assert problems(result) == [("reordered", 3), ("reordered", 7)]

    def test_swapped_whole_rows(self, path: Path) -> None:
        """Two rows that changed places are reported as reordered, naming both seqs."""
        result = self.verify(
            path,
            "UPDATE events SET seq = -seq WHERE seq IN (3, 7)",
            "UPDATE events SET seq = 10 + seq WHERE seq IN (-3, -7)",
        )
        found = problems(result)
        assert ("reordered", 3) in found
        assert ("reordered", 7) in found
        assert {kind for kind, _ in found} <= {"reordered", "broken_link"}

    def test_edited_status(self, path: Path) -> None:
        """A consent status changed behind the store is reported at its seq."""
        result = self.verify(path, "UPDATE events SET status = 'withdrawn' WHERE seq = 4")
        assert problems(result) == [("state", 4)]

    def test_edited_expiry(self, path: Path) -> None:
        """An expiry added behind the store is reported at its seq."""
        result = self.verify(path, "UPDATE events SET valid_until_us = 0 WHERE seq = 6")
        assert problems(result) == [("state", 6)]

    def test_edited_status_changes_no_decision_unnoticed(self, path: Path) -> None:
        """The status column is what may_process reads, so its tampering must show in verify."""
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute("UPDATE events SET status = 'refused' WHERE seq = 2")
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            at = T0 + timedelta(days=1)
            assert not store.may_process("t-s0", "newsletter", at=at)
            assert problems(store.verify()) == [("state", 2)]

    def test_rewritten_chain_head(self, path: Path) -> None:
        """A chain head that does not match the last row is a broken link."""
        result = self.verify(path, "UPDATE chain_head SET hash = printf('%064d', 1)")
        assert problems(result) == [("broken_link", 10)]

    def test_row_added_behind_the_store(self, path: Path) -> None:
        """A row appended without the store is not covered by the chain head."""
        result = self.verify(
            path,
            "INSERT INTO events (seq, digest, prev, hash)"
            " SELECT 11, digest, hash, hash FROM events WHERE seq = 10",
        )
        assert ("broken_link", 11) in problems(result)
