"""PostgresStore under concurrent writers, killed clients and a crashing server.

Uses conftest.py's ``pg_cluster`` (a throw-away cluster of the tests' own,
which can be restarted) and ``postgres_dsn``. Each test works in a schema of
its own. The concurrency test writes 8 processes x 5,000 events (about 20 s
here); the others take a few seconds each.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

psycopg = pytest.importorskip("psycopg")
pytest.importorskip("psycopg.sql")

from rekisteri.consent import ConsentEvent, EventKind  # noqa: E402
from rekisteri.errors import StoreFileError  # noqa: E402
from rekisteri.store.postgres import PostgresStore  # noqa: E402

if TYPE_CHECKING:
    from tests.conftest import PgCluster

SECRET = b"reliability secret, 32 bytes or more"
PURPOSES = {"newsletter": True}
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
WRITERS = 8
PER_WRITER = 5_000
BATCH = 50
RETRIES = 20


def _events(worker: int, first: int, count: int) -> list[ConsentEvent]:
    return [
        ConsentEvent(
            subject=f"w{worker}-{i}",
            purpose="newsletter",
            kind=EventKind.GIVE,
            at=T0 + timedelta(seconds=i),
        )
        for i in range(first, first + count)
    ]


def _fresh(dsn: str, schema: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            psycopg.sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                psycopg.sql.Identifier(schema)
            )
        )
    PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema, create=True).close()


def _writer(dsn: str, schema: str, worker: int) -> None:
    with PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as store:
        for first in range(0, PER_WRITER, BATCH):
            store.append(_events(worker, first, BATCH))


def _count(dsn: str, schema: str) -> int:
    with psycopg.connect(dsn) as conn:
        query = psycopg.sql.SQL("SELECT count(*) FROM {}.events")
        row = conn.execute(query.format(psycopg.sql.Identifier(schema))).fetchone()
        assert row is not None
        return int(row[0])


def test_eight_writer_processes(postgres_dsn: str) -> None:
    schema = "rel_writers"
    _fresh(postgres_dsn, schema)
    context = multiprocessing.get_context("spawn")
    procs = [
        context.Process(target=_writer, args=(postgres_dsn, schema, w)) for w in range(WRITERS)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(300)
    assert [proc.exitcode for proc in procs] == [0] * WRITERS
    with PostgresStore(postgres_dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as store:
        result = store.verify()
        assert result.ok, result.problems[:5]
        assert result.events == WRITERS * PER_WRITER
        for worker in range(WRITERS):
            for i in (0, PER_WRITER // 2, PER_WRITER - 1):
                assert len(store.history(f"w{worker}-{i}")) == 1


def _big_batches(dsn: str, schema: str) -> None:
    with PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as store:
        for first in range(0, 10**6, 20_000):
            store.append(_events(0, first, 20_000))


def _writing(dsn: str) -> bool:
    """Whether another session of this database holds a transaction that has written."""
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        ).fetchone()
        assert row is not None
        return bool(row[0])


def test_a_client_killed_mid_batch_leaves_nothing_partial(postgres_dsn: str) -> None:
    schema = "rel_kill"
    _fresh(postgres_dsn, schema)
    proc = multiprocessing.get_context("spawn").Process(
        target=_big_batches, args=(postgres_dsn, schema)
    )
    proc.start()
    deadline = time.monotonic() + 180
    while _count(postgres_dsn, schema) < 20_000 and time.monotonic() < deadline:
        time.sleep(0.05)
    # Kill only while the client has a write transaction open (a batch under way). A
    # deadline of its own: on a loaded machine the first batch may take most of the first.
    deadline = time.monotonic() + 120
    while not _writing(postgres_dsn) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _writing(postgres_dsn), "the writer never had a transaction open"
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    assert proc.exitcode == -signal.SIGKILL
    time.sleep(1)  # the server notices the dead client and rolls its transaction back
    count = _count(postgres_dsn, schema)
    assert count >= 20_000
    assert count % 20_000 == 0  # whole batches only
    with PostgresStore(postgres_dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as store:
        result = store.verify()
        assert result.ok
        assert result.events == count


def _append_retrying(store: PostgresStore, events: list[ConsentEvent]) -> int:
    """Append, retrying after a typed error; return how many calls failed first."""
    for failed in range(RETRIES):
        try:
            store.append(events)
        except StoreFileError:  # typed: "store: PostgreSQL error (...)", never a bare psycopg one
            time.sleep(0.1)
            continue
        return failed
    pytest.fail(f"append still failing after {RETRIES} calls")


def test_server_restart_mid_run(postgres_dsn: str, pg_cluster: PgCluster) -> None:
    """``pg_ctl restart -m immediate`` (a crash and WAL recovery) between two batches.

    The calls after it raise StoreFileError (typed) while the pool hands out
    connections that the crash closed, each of which it then discards; then
    they succeed on new connections. Everything committed before the crash
    is there, and the chain verifies.
    """
    if os.environ.get("REKISTERI_TEST_POSTGRES"):
        pytest.skip("restarts only the tests' own cluster, not the server named outside")
    schema = "rel_restart"
    _fresh(postgres_dsn, schema)
    failures = 0
    with PostgresStore(postgres_dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as store:
        for round_ in range(10):
            if round_ == 5:
                assert _count(postgres_dsn, schema) == 500
                pg_cluster.restart("immediate")
            failures += _append_retrying(store, _events(0, round_ * 100, 100))
        result = store.verify()
    assert result.ok, result.problems[:5]
    assert result.events == 1_000  # nothing committed lost, nothing written twice
    assert failures < RETRIES
