"""Tests of rekisteri.store.postgres against a PostgreSQL server.

The server is the tests' own throw-away cluster (``postgres_dsn`` in
tests/conftest.py), or the one that ``REKISTERI_TEST_POSTGRES`` names (for
example ``postgresql://postgres@/dev?host=/tmp/pgdev&port=5433``). Without
PostgreSQL's server binaries the tests are skipped, except under ``CI=true``,
where that is a failure. Each test gets a schema of its own, dropped
afterwards.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Final

import orjson
import pytest

from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.errors import (
    InvalidTransitionError,
    InvalidValueError,
    StoreFileError,
    WrongSecretError,
)
from rekisteri.requests import RequestEvent, RequestStatus
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from rekisteri.store import ConsentStore, RequestStore

psycopg = pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
psycopg_pool = pytest.importorskip("psycopg_pool", reason="needs rekisteri-fi[postgres]")

from rekisteri.store.postgres import PostgresStore  # noqa: E402 - after the skip

#: The server's connection string, set by the autouse fixture below (and
#: passed to worker processes, which import this module afresh).
DSN = os.environ.get("REKISTERI_TEST_POSTGRES", "")


@pytest.fixture(autouse=True)
def _server(postgres_dsn: str) -> None:
    global DSN  # noqa: PLW0603 - the module's tests and workers read it
    DSN = postgres_dsn


SECRET = b"postgres-store-test-secret-32-by"
OTHER = b"another-secret-of-thirty-two-byt"
HETU = "131052-308T"
PURPOSES = {"newsletter": True, "research": False}
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def give(subject: str, purpose: str = "newsletter", hours: float = 0) -> ConsentEvent:
    return ConsentEvent(subject=subject, purpose=purpose, kind=EventKind.GIVE, at=at(hours))


def req(kind: str, request_id: str = "r1", subject: str = "c-1", hours: float = 0) -> RequestEvent:
    extra = {"right": "access"} if kind == "receive" else {}
    return RequestEvent(
        request_id=request_id,
        subject=subject,
        kind=kind,
        at=at(hours),
        **extra,  # type: ignore[arg-type] # test helper
    )


_LETTERS: Final = str.maketrans("0123456789", "ghijklmnop")


@pytest.fixture
def schema() -> Iterator[str]:
    # letters only: a run of digits could look like an identity code, which a repr masks
    name = f"p1test_{uuid.uuid4().hex[:12].translate(_LETTERS)}"
    yield name
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture
def store(schema: str) -> Iterator[PostgresStore]:
    with PostgresStore(DSN, secret=SECRET, purposes=PURPOSES, schema=schema, create=True) as s:
        yield s


def sql(schema: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Run *statement* (``{s}``: the schema) behind the store's back."""
    with psycopg.connect(DSN, autocommit=True) as conn:
        cursor = conn.execute(statement.replace("{s}", f'"{schema}"'), params)
        return cursor.fetchall() if cursor.description else []


class TestOpening:
    def test_protocols(self, store: PostgresStore) -> None:
        """PostgresStore is a ConsentStore and a RequestStore (checked by mypy), empty at first."""
        consent: ConsentStore = store
        requests: RequestStore = store
        assert consent.verify().ok
        assert requests.requests() == []

    def test_refuses_a_database_without_the_store(self, schema: str) -> None:
        """Without create, a database without the store is refused and left unchanged."""
        with pytest.raises(StoreFileError, match="create=True"):
            PostgresStore(DSN, secret=SECRET, schema=schema)
        assert sql(schema, "SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)) == []

    def test_refuses_a_schema_with_other_tables(self, schema: str) -> None:
        """A schema holding the application's tables is never made a store."""
        sql(schema, "CREATE SCHEMA {s}")
        sql(schema, "CREATE TABLE {s}.customers (id int)")
        with pytest.raises(StoreFileError, match="other tables"):
            PostgresStore(DSN, secret=SECRET, schema=schema, create=True)

    @pytest.mark.parametrize("name", ["", "a-b", 'x"; DROP', "1abc", "pg_x", "a" * 64, 5])
    def test_schema_must_be_an_identifier(self, name: object) -> None:
        """The schema name is a plain identifier, checked before any SQL."""
        with pytest.raises(InvalidValueError, match="schema"):
            PostgresStore(DSN, secret=SECRET, schema=name, create=True)  # type: ignore[arg-type]

    def test_reopens_and_checks_the_secret(self, store: PostgresStore, schema: str) -> None:
        """A store opens again with its secret and refuses another one."""
        store.append([give("c-1")])
        with PostgresStore(DSN, secret=SECRET, purposes=PURPOSES, schema=schema) as again:
            assert again.history("c-1") == store.history("c-1")
        with pytest.raises(WrongSecretError):
            PostgresStore(DSN, secret=OTHER, schema=schema)

    @pytest.mark.usefixtures("store")
    def test_missing_check_value_refuses_to_open(self, schema: str) -> None:
        """Without its check value a store is not opened (no new secret is accepted)."""
        sql(schema, "DELETE FROM {s}.meta WHERE key = 'secret_check'")
        with pytest.raises(StoreFileError, match="check value is missing"):
            PostgresStore(DSN, secret=SECRET, schema=schema)

    @pytest.mark.usefixtures("store")
    def test_newer_schema_version_refused(self, schema: str) -> None:
        """A schema written by a newer rekisteri is refused."""
        sql(schema, "UPDATE {s}.schema_version SET version = 99")
        with pytest.raises(StoreFileError, match="newer"):
            PostgresStore(DSN, secret=SECRET, schema=schema)

    def test_never_shows_the_password(self, schema: str) -> None:
        """Neither the repr nor a connection error shows the password."""
        with_password = psycopg.conninfo.make_conninfo(DSN, password="hunter2-secret")  # noqa: S106 - a fake
        try:  # trust authentication ignores the password; another server refuses it
            with PostgresStore(with_password, secret=SECRET, schema=schema, create=True) as s:
                assert "hunter2" not in repr(s)
                assert schema in repr(s)
        except StoreFileError as exc:
            assert "hunter2" not in str(exc)  # noqa: PT017 - the message is the point
        bad = "postgresql://nobody:hunter2-secret@127.0.0.1:1/nowhere?connect_timeout=2"
        with pytest.raises(StoreFileError) as info:
            PostgresStore(bad, secret=SECRET, schema=schema)
        assert "hunter2" not in str(info.value)
        assert "hunter2" not in repr(info.value)
        malformed = "host=/nowhere password=hunter2-secret port"
        with pytest.raises(StoreFileError) as info:
            PostgresStore(malformed, secret=SECRET, schema=schema)
        assert "hunter2" not in str(info.value)

    def test_nul_characters_refused(self, store: PostgresStore) -> None:
        """A NUL in a subject or request id is an InvalidValueError (PostgreSQL text has none)."""
        with pytest.raises(InvalidValueError, match="NUL"):
            store.append([give("c\x00-1")])
        with pytest.raises(InvalidValueError, match="NUL"):
            store.history("c\x00-1")
        with pytest.raises(InvalidValueError, match="NUL"):
            store.append_requests([req("receive", request_id="r\x001")])
        assert store.verify().events == 0

    def test_closed_store_refuses_calls(self, store: PostgresStore) -> None:
        """Closing twice is harmless; a closed store refuses calls."""
        store.close()
        store.close()
        with pytest.raises(StoreFileError, match="closed"):
            store.history("c-1")

    def test_a_pool_of_the_application(self, schema: str) -> None:
        """A pool passed in is used and left open on close."""
        with psycopg_pool.ConnectionPool(DSN, min_size=1, max_size=2, open=True) as pool:
            with PostgresStore(
                pool, secret=SECRET, purposes=PURPOSES, schema=schema, create=True
            ) as s:
                s.append([give("c-1")])
                assert s.may_process("c-1", "newsletter", at=at(1)).allowed
            assert not pool.closed
            with pool.connection() as conn:
                count = conn.execute(
                    psycopg.sql.SQL("SELECT count(*) FROM {}.events").format(
                        psycopg.sql.Identifier(schema)
                    )
                ).fetchone()
            assert count == (1,)

    def test_import_rekisteri_does_not_import_psycopg(self) -> None:
        """Only rekisteri.store.postgres imports psycopg."""
        code = "import sys, rekisteri, rekisteri.store; print('psycopg' in sys.modules)"
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"


class TestConsent:
    def test_round_trip_and_decisions(self, store: PostgresStore) -> None:
        """Events go in and decisions, records and histories come out, every hetu spelling alike."""
        store.append([give("c-1"), give(HETU, "research")])
        assert store.may_process("c-1", "newsletter", at=at(1)).reason == "consent_valid"
        record = store.record("c-1", "newsletter")
        assert record is not None
        assert record.since == T0
        assert [e.purpose for e in store.history("131052‐308t")] == ["research"]

    def test_henkilotunnus_never_stored(self, store: PostgresStore, schema: str) -> None:
        """A henkilötunnus subject is kept only as its keyed hash."""
        store.append([give(HETU)])
        dump = repr(sql(schema, "SELECT * FROM {s}.events"))
        assert "131052" not in dump

    def test_batch_is_all_or_nothing(self, store: PostgresStore, schema: str) -> None:
        """A batch that breaks a rule writes nothing; time order is checked against stored rows."""
        withdraw = ConsentEvent(
            subject="c-2", purpose="newsletter", kind=EventKind.WITHDRAW, at=at(1)
        )
        with pytest.raises(InvalidTransitionError):
            store.append([give("c-1"), withdraw])
        assert sql(schema, "SELECT count(*) FROM {s}.events") == [(0,)]
        store.append([give("c-1", hours=5)])
        with pytest.raises(InvalidValueError, match="earlier"):
            store.append([give("c-1", "research", hours=1)])

    def test_prohibition_survives_erasure(self, store: PostgresStore) -> None:
        """Erasure empties consent rows, records itself in the chain and keeps the prohibition."""
        prohibit = ConsentEvent(
            subject=HETU, purpose="newsletter", kind=EventKind.PROHIBIT_DIRECT_MARKETING, at=at(2)
        )
        store.append([give(HETU), give(HETU, "research", hours=1), prohibit])
        assert store.prohibited(HETU, at=at(3))
        assert not store.prohibited(HETU, at=at(1))
        assert store.erase(HETU) == 2
        assert store.record(HETU, "newsletter") is None
        assert store.prohibited(HETU, at=at(3))
        assert [e.kind for e in store.history(HETU)] == [EventKind.PROHIBIT_DIRECT_MARKETING]
        result = store.verify()
        assert result.ok, result.problems
        assert result.events == 4
        assert not store.may_process(HETU, "newsletter", at=at(3)).allowed

    def test_same_results_as_sqlite(self, store: PostgresStore, tmp_path: Path) -> None:
        """The same events give the same exports, histories, decisions and chain as SQLite."""
        lite = SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes=PURPOSES)
        withdraw = ConsentEvent(
            subject="c-1", purpose="newsletter", kind=EventKind.WITHDRAW, at=at(3)
        )
        batches = [
            [give("c-1"), give(HETU, "research", hours=1)],
            [withdraw, give("c-2", hours=4)],
        ]
        for batch in batches:
            store.append(batch)
            lite.append(batch)
        for subject in ("c-1", "c-2", HETU):
            assert store.export(subject) == lite.export(subject)
            assert store.history(subject) == lite.history(subject)
            for purpose in PURPOSES:
                assert store.may_process(subject, purpose, at=at(5)) == lite.may_process(
                    subject, purpose, at=at(5)
                )
        assert store.checkpoint().heads["consent"].hash == lite.checkpoint().heads["consent"].hash
        lite.close()


class TestIntegrity:
    def test_tampered_payload(self, store: PostgresStore, schema: str) -> None:
        """A payload changed behind the store is refused on read and reported by verify."""
        store.append([give("c-1"), give("c-1", "research")])
        payload = orjson.dumps({"forged": True})
        sql(schema, "UPDATE {s}.events SET payload = %s WHERE seq = 1", (payload,))
        with pytest.raises(StoreFileError, match="row 1"):
            store.history("c-1")
        result = store.verify()
        assert not result.ok
        assert [(p.seq, p.kind) for p in result.problems] == [(1, "edited")]

    def test_tampered_status_and_deleted_row(self, store: PostgresStore, schema: str) -> None:
        """An edited status column and a deleted row are reported."""
        store.append([give("c-1"), give("c-2"), give("c-3")])
        sql(schema, "UPDATE {s}.events SET status = 'withdrawn' WHERE seq = 1")
        sql(schema, "DELETE FROM {s}.events WHERE seq = 2")
        kinds = {(p.seq, p.kind) for p in store.verify().problems}
        assert (1, "state") in kinds
        assert (2, "missing") in kinds

    def test_emptied_without_erasure(self, store: PostgresStore, schema: str) -> None:
        """A row emptied by hand, with no erasure row naming it, is reported."""
        store.append([give("c-1")])
        sql(
            schema,
            "UPDATE {s}.events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
            " at_us = NULL, status = NULL WHERE seq = 1",
        )
        assert [p.kind for p in store.verify().problems] == ["erased_without_record"]

    def test_checkpoint_finds_a_cut_ledger(self, store: PostgresStore, schema: str) -> None:
        """A ledger cut short with its head passes the chain check but not the checkpoint."""
        store.append([give("c-1"), give("c-2")])
        mark = store.checkpoint()
        assert store.verify(mark).ok
        assert store.verify_requests(mark).ok
        sql(schema, "DELETE FROM {s}.events WHERE seq = 2")
        sql(schema, "UPDATE {s}.chain_head SET seq = 1, hash = (SELECT hash FROM {s}.events)")
        assert store.verify().ok  # the chain alone cannot tell
        assert [p.kind for p in store.verify(mark).problems] == ["checkpoint"]

    def test_verify_without_tables_is_a_store_error(
        self, store: PostgresStore, schema: str
    ) -> None:
        """A missing events table is a StoreFileError, not a psycopg error."""
        sql(schema, "DROP TABLE {s}.events")
        with pytest.raises(StoreFileError):
            store.verify()
        assert store.verify_requests().ok  # the request ledger is intact


class TestRequests:
    def test_round_trip(self, store: PostgresStore) -> None:
        """Request events fold back into requests, filtered by subject and openness."""
        store.append_requests([req("receive"), req("acknowledge", hours=1)])
        store.append_requests([req("receive", "r2", HETU)])
        found = store.request("r1")
        assert found is not None
        assert found.status is RequestStatus.ACKNOWLEDGED
        assert [r.request_id for r in store.requests()] == ["r1", "r2"]
        assert [r.request_id for r in store.requests(subject=HETU)] == ["r2"]
        assert [r.request_id for r in store.requests(only_open=True)] == ["r1", "r2"]
        assert store.request("nope") is None
        assert store.verify_requests().ok

    def test_refusals(self, store: PostgresStore, schema: str) -> None:
        """Illegal transitions and request ids holding a henkilötunnus write nothing."""
        with pytest.raises(InvalidTransitionError):
            store.append_requests([req("receive"), req("fulfil", hours=1)])
        with pytest.raises(InvalidValueError, match="request_id"):
            store.append_requests([req("receive", request_id=f"x-{HETU}")])
        assert sql(schema, "SELECT count(*) FROM {s}.request_events") == [(0,)]

    def test_missing_table_is_reported(self, store: PostgresStore, schema: str) -> None:
        """A dropped request_state table is a problem verify_requests reports, not a crash."""
        store.append_requests([req("receive")])
        sql(schema, "DROP TABLE {s}.request_state")
        assert [p.kind for p in store.verify_requests().problems] == ["missing"]

    def test_tampered_state(self, store: PostgresStore, schema: str) -> None:
        """A request_state row edited behind the store is reported."""
        store.append_requests([req("receive")])
        sql(schema, "UPDATE {s}.request_state SET status = 'fulfilled', open = 0")
        assert [p.kind for p in store.verify_requests().problems] == ["state"]


def _append_many(dsn: str, schema: str, worker: int, count: int) -> None:
    with PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema) as s:
        for i in range(count):
            s.append([give(f"w{worker}-{i}"), give(f"w{worker}-{i}", "research")])
            s.append_requests([req("receive", f"w{worker}-{i}")])


class TestConcurrency:
    def test_threads_keep_one_chain(self, store: PostgresStore) -> None:
        """Threads sharing one store append to one gap-free chain per ledger."""

        def work(worker: int) -> None:
            for i in range(10):
                store.append([give(f"t{worker}-{i}")])
                store.append_requests([req("receive", f"t{worker}-{i}")])

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        result = store.verify()
        assert result.ok, result.problems
        assert result.events == 80
        assert store.verify_requests().events == 80

    def test_processes_create_and_append_to_one_chain(self, schema: str) -> None:
        """Processes appending at once keep one gap-free chain."""
        context = multiprocessing.get_context("spawn")
        with PostgresStore(DSN, secret=SECRET, purposes=PURPOSES, schema=schema, create=True):
            pass
        processes = [
            context.Process(target=_append_many, args=(DSN, schema, n, 10)) for n in range(4)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=120)
            assert process.exitcode == 0
        with PostgresStore(DSN, secret=SECRET, purposes=PURPOSES, schema=schema) as s:
            result = s.verify()
            assert result.ok, result.problems
            assert result.events == 80
            assert s.verify_requests().events == 40
        seqs = [seq for (seq,) in sql(schema, "SELECT seq FROM {s}.events ORDER BY seq")]
        assert seqs == list(range(1, 81))

    def test_concurrent_creation(self, schema: str) -> None:
        """Opening a new store from many connections at once creates it once."""
        errors: list[BaseException] = []
        ids: list[str] = []

        def open_it() -> None:
            try:
                with PostgresStore(DSN, secret=SECRET, schema=schema, create=True) as s:
                    ids.append(s.checkpoint().store_id)
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(set(ids)) == 1
