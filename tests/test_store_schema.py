"""``verify`` reports a schema that is not the store's own (``"schema"`` problems).

The keyed chain proves each row; these tests change what the database does on
a read without changing a row (A10's L1 and L2, session 12): an index planted
or rebuilt without a row, a trigger, a view, row-level security. A store that
nobody touched, and one after ``ANALYZE``, still verifies.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Final

import pytest

from rekisteri.consent import ConsentEvent
from rekisteri.requests import RequestEvent
from rekisteri.store.sqlite import SQLiteStore
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from rekisteri.store import Verification

SECRET: Final = b"schema tests' secret, forty bytes long.."
PURPOSES: Final = {"newsletter": True, "research": False}
T0: Final = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HETU: Final = make_hetu(date(1990, 5, 17), 912)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ledgers.db"
    with closing(SQLiteStore(path, secret=SECRET, purposes=PURPOSES)) as store:
        store.append(
            [
                ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=T0),
                ConsentEvent(
                    subject="c-1",
                    purpose="newsletter",
                    kind="prohibit_direct_marketing",
                    at=T0 + timedelta(days=1),
                ),
                ConsentEvent(subject="c-2", purpose="research", kind="give", at=T0),
            ]
        )
        store.append_requests(
            [RequestEvent(request_id="r-1", subject="c-1", kind="receive", right="access", at=T0)]
        )
    return path


def _verify(path: Path) -> tuple[Verification, Verification]:
    with closing(SQLiteStore(path, secret=SECRET, purposes=PURPOSES)) as store:
        return store.verify(), store.verify_requests()


def _sql(path: Path, script: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(script)


def _schema_messages(result: Verification) -> list[str]:
    return [p.message for p in result.problems if p.kind == "schema"]


def test_an_untouched_store_and_one_after_analyze_verify(db: Path) -> None:
    assert all(_verify(db))
    _sql(db, "ANALYZE;")
    consent, requests = _verify(db)
    assert consent, consent.problems
    assert requests, requests.problems


@pytest.mark.parametrize(
    "script",
    [
        "CREATE INDEX mine ON events (kind);",
        "CREATE TRIGGER t AFTER INSERT ON events BEGIN SELECT 1; END;",
        "CREATE VIEW v AS SELECT seq FROM events;",
        "DROP INDEX request_state_open;",
        (
            "DROP INDEX events_subject_purpose_seq;"
            " CREATE INDEX events_subject_purpose_seq ON events (subject, seq);"
        ),
    ],
    ids=["added-index", "trigger", "view", "dropped-index", "changed-index"],
)
def test_a_changed_schema_is_a_schema_problem_of_both_ledgers(db: Path, script: str) -> None:
    _sql(db, script)
    for result in _verify(db):
        assert not result
        assert _schema_messages(result), result.problems
        assert all(p.seq == 0 for p in result.problems if p.kind == "schema")


def test_an_index_that_misses_a_row_fails_the_integrity_check(db: Path) -> None:
    """The index's SQL is put back as it was; only its entries lack the prohibition's row."""
    _sql(
        db,
        "DROP INDEX events_subject_purpose_seq;"
        " CREATE INDEX events_subject_purpose_seq ON events (subject, purpose, seq)"
        " WHERE kind <> 'prohibit_direct_marketing';"
        " PRAGMA writable_schema = ON;"
        " UPDATE sqlite_master SET sql ="
        " 'CREATE INDEX events_subject_purpose_seq ON events (subject, purpose, seq)'"
        " WHERE name = 'events_subject_purpose_seq';",
    )
    consent, _requests = _verify(db)
    assert not consent
    assert any("integrity check" in m for m in _schema_messages(consent)), consent.problems


def test_a_tamperers_names_are_not_repeated(db: Path) -> None:
    """A name chosen by whoever changed the schema (here an identity code) is not shown."""
    _sql(db, f'CREATE INDEX "{HETU}" ON events (kind);')
    consent, _requests = _verify(db)
    assert _schema_messages(consent)
    assert all(HETU not in p.message for p in consent.problems)


@pytest.fixture
def pg_store(postgres_dsn: str) -> Iterator[tuple[object, str, str]]:
    psycopg = pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
    from rekisteri.store.postgres import PostgresStore

    schema = f"schema_test_{uuid.uuid4().hex[:10]}"
    store = PostgresStore(
        postgres_dsn, secret=SECRET, purposes=PURPOSES, schema=schema, create=True
    )
    try:
        store.append([ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=T0)])
        yield store, postgres_dsn, schema
    finally:
        store.close()
        with psycopg.connect(postgres_dsn, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.mark.parametrize(
    "statement",
    [
        'ALTER TABLE "{s}".events ENABLE ROW LEVEL SECURITY',
        'CREATE POLICY p ON "{s}".events USING (true)',
        'CREATE RULE r AS ON UPDATE TO "{s}".meta DO INSTEAD NOTHING',
        'CREATE VIEW "{s}".v AS SELECT 1 AS one',
        (
            'CREATE FUNCTION "{s}".f() RETURNS trigger LANGUAGE plpgsql'
            " AS $$BEGIN RETURN NEW; END$$;"
            ' CREATE TRIGGER t BEFORE INSERT ON "{s}".events'
            ' FOR EACH ROW EXECUTE FUNCTION "{s}".f()'
        ),
    ],
    ids=["row-security", "policy", "rule", "view", "trigger"],
)
def test_postgres_schema_objects_that_change_reads_are_reported(
    pg_store: tuple[object, str, str], statement: str
) -> None:
    import psycopg

    from rekisteri.store.postgres import PostgresStore

    store, dsn, schema = pg_store
    assert isinstance(store, PostgresStore)
    assert store.verify()
    assert store.verify_requests()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(statement.replace("{s}", schema))
    for result in (store.verify(), store.verify_requests()):
        assert not result
        assert _schema_messages(result), result.problems


@pytest.mark.parametrize(
    "statement",
    [
        'ALTER TABLE "{s}".events ALTER COLUMN seq TYPE text USING seq::text',
        'ALTER TABLE "{s}".events ALTER COLUMN at_us TYPE numeric',
        'ALTER TABLE "{s}".request_state ALTER COLUMN subject DROP NOT NULL',
        "ALTER TABLE \"{s}\".events ALTER COLUMN kind SET DEFAULT 'give'",
        'ALTER TABLE "{s}".events ADD COLUMN note text',
        'ALTER TABLE "{s}".request_events ALTER COLUMN seq TYPE integer',
    ],
    ids=["seq-text", "at-numeric", "drop-not-null", "default", "added", "seq-integer"],
)
def test_postgres_columns_changed_behind_the_store_are_reported(
    pg_store: tuple[object, str, str], statement: str
) -> None:
    """A11's M12: a column's type, nullability or default is compared, not only collations."""
    import psycopg

    from rekisteri.store.postgres import PostgresStore

    store, dsn, schema = pg_store
    assert isinstance(store, PostgresStore)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(statement.replace("{s}", schema))
    for result in (store.verify(), store.verify_requests()):
        assert not result
        assert any(
            "a column of the store is not as rekisteri makes it" in p.message
            for p in result.problems
        )


def test_postgres_expected_columns_are_what_migrate_makes(
    pg_store: tuple[object, str, str],
) -> None:
    """The column list read from the CREATE statements matches a fresh store's catalogue."""
    import psycopg

    from rekisteri.store._schema import _PG_COLUMNS, expected_pg_columns

    _store, dsn, schema = pg_store
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute(_PG_COLUMNS, (schema,)).fetchall()
    assert {(t, c, k, bool(n), bool(d)) for t, c, k, n, d in rows} == expected_pg_columns()


def test_postgres_expected_constraints_are_what_migrate_makes(
    pg_store: tuple[object, str, str],
) -> None:
    """The constraint and index list kept in the code matches a fresh store's catalogue."""
    import psycopg

    from rekisteri.store._schema import _PG_CONSTRAINTS, EXPECTED_PG_CONSTRAINTS

    _store, dsn, schema = pg_store
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute(_PG_CONSTRAINTS, (schema, schema)).fetchall()
    found = {(t, k, str(d).replace(f"{schema}.", "{s}.")) for t, k, d in rows}
    assert found == EXPECTED_PG_CONSTRAINTS


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE \"{s}\".events ADD CONSTRAINT c CHECK (kind <> 'x') NOT VALID",
        "CREATE UNIQUE INDEX u ON \"{s}\".events (subject) WHERE purpose = '*'",
        'ALTER TABLE "{s}".meta DROP CONSTRAINT meta_pkey',
        'DROP INDEX "{s}".request_state_subject',
    ],
    ids=["check-added", "unique-index", "pkey-dropped", "index-dropped"],
)
def test_postgres_constraints_and_indexes_changed_are_reported(
    pg_store: tuple[object, str, str], statement: str
) -> None:
    """A11's M20: constraints and indexes are compared with what migrate makes."""
    import psycopg

    from rekisteri.store.postgres import PostgresStore

    store, dsn, schema = pg_store
    assert isinstance(store, PostgresStore)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(statement.replace("{s}", schema))
    result = store.verify()
    assert not result
    assert any("constraint or index of the store" in p.message for p in result.problems)
