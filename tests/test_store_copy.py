"""``rekisteri.store.copy_store`` and ``rekisteri store copy``: SQLite and PostgreSQL, both ways.

The PostgreSQL directions use the ``postgres_dsn`` fixture of conftest.py
(a throw-away cluster, or REKISTERI_TEST_POSTGRES); each test uses schemas
of its own, so tests do not see each other's rows.
"""

from __future__ import annotations

import secrets
import sys
import uuid
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pytest

from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.errors import StoreFileError, WrongSecretError
from rekisteri.requests import RequestEvent, RequestEventKind
from rekisteri.store import copy_store, open_store
from rekisteri.store._target import display_target, is_postgres_url, scrub, url_password

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

    from rekisteri.store._chain import Checkpoint

SECRET = b"copy test secret, 32 bytes or more!"
PURPOSES = {"newsletter": True, "research": False}
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _fill(target: str, schema: str = "rekisteri") -> Checkpoint:
    """A store with consent (one subject erased, one henkilötunnus) and requests; a checkpoint."""
    with open_store(target, secret=SECRET, purposes=PURPOSES, create=True, schema=schema) as store:
        store.append(
            [
                ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=T0),
                ConsentEvent(subject="131052-308T", purpose="research", kind=EventKind.GIVE, at=T0),
                ConsentEvent(
                    subject="c-2", purpose="*", kind=EventKind.PROHIBIT_DIRECT_MARKETING, at=T0
                ),
                ConsentEvent(subject="c-2", purpose="newsletter", kind=EventKind.GIVE, at=T0),
            ]
        )
        store.append(
            [
                ConsentEvent(
                    subject="c-1",
                    purpose="newsletter",
                    kind=EventKind.WITHDRAW,
                    at=T0 + timedelta(days=1),
                )
            ]
        )
        store.erase("c-2")
        store.append_requests(
            [
                RequestEvent(
                    request_id="r-1",
                    subject="131052-308T",
                    kind=RequestEventKind.RECEIVE,
                    at=T0,
                    right="access",
                ),
            ]
        )
        return store.checkpoint()


def _same_content(a: str, b: str, a_schema: str = "rekisteri", b_schema: str = "rekisteri") -> None:
    with (
        open_store(a, secret=SECRET, purposes=PURPOSES, schema=a_schema) as left,
        open_store(b, secret=SECRET, purposes=PURPOSES, schema=b_schema) as right,
    ):
        for subject in ("c-1", "c-2", "131052-308T"):
            assert left.history(subject) == right.history(subject)
            assert left.export(subject) == right.export(subject)
        assert left.requests() == right.requests()
        assert left.checkpoint().heads == right.checkpoint().heads
        at = T0 + timedelta(days=2)
        assert right.may_process("131052-308T", "research", at=at)
        assert not right.may_process("c-1", "newsletter", at=at)
        assert right.prohibited("c-2", at=at)


# --- URLs and their display ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://app:pw@h/db", "postgresql://app:***@h/db"),
        ("postgres://app@h:5432/db", "postgres://app@h:5432/db"),
        ("POSTGRESQL://app:p%40ss@h/db?sslmode=require", "POSTGRESQL://app:***@h/db?sslmode=require"),
        ("postgresql:///db?host=/run/pg&password=pw&user=a", "postgresql:///db?host=/run/pg&password=***&user=a"),
        ("postgresql://a:bee5@h1:1,h2:2/db", "postgresql://a:***@h1:1,h2:2/db"),
        ("ledger.db", "ledger.db"),
    ],
)  # fmt: skip
def test_display_target_never_shows_a_password(url: str, shown: str) -> None:
    assert display_target(url) == shown
    password = url_password(url)
    if password:
        assert password not in shown
        assert password not in scrub(f"failed: {url} and {password}", url)


def test_is_postgres_url() -> None:
    assert is_postgres_url("postgresql://x")
    assert is_postgres_url("Postgres://x")
    assert not is_postgres_url("postgresql.db")
    assert not is_postgres_url(None)


# --- SQLite to SQLite ----------------------------------------------------------------


def test_copy_sqlite_to_sqlite_keeps_rows_and_checkpoints(tmp_path: Path) -> None:
    source, destination = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    before = _fill(source)
    report = copy_store(source, destination, secret=SECRET, purposes=PURPOSES)
    assert report.ok, report
    assert (report.consent_events, report.request_events) == (6, 1)
    _same_content(source, destination)
    with open_store(destination, secret=SECRET, purposes=PURPOSES) as copy:
        assert copy.verify(before).ok  # an older checkpoint of the source holds too
        assert copy.verify_requests(before).ok


def test_copy_refuses_a_destination_with_events(tmp_path: Path) -> None:
    source, destination = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    _fill(source)
    _fill(destination)
    with pytest.raises(StoreFileError, match="already holds events"):
        copy_store(source, destination, secret=SECRET, purposes=PURPOSES)


def test_copy_refuses_another_secret_and_the_same_store(tmp_path: Path) -> None:
    source = str(tmp_path / "a.db")
    _fill(source)
    with pytest.raises(WrongSecretError):
        copy_store(source, str(tmp_path / "b.db"), secret=secrets.token_bytes(32))
    with pytest.raises(StoreFileError, match="same store"):
        copy_store(source, source, secret=SECRET)


def test_copy_reports_a_damaged_source(tmp_path: Path) -> None:
    import sqlite3

    source, destination = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    _fill(source)
    with closing(sqlite3.connect(source)) as conn, conn:
        conn.execute("UPDATE events SET status = 'given' WHERE seq = 5")
    report = copy_store(source, destination, secret=SECRET, purposes=PURPOSES)
    assert not report.ok
    assert report.requests.ok


# --- the command ---------------------------------------------------------------------


def test_cli_store_copy(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKISTERI_SECRET", SECRET.decode())
    source, destination = tmp_path / "a.db", tmp_path / "b.db"
    _fill(str(source))
    result = runner.invoke(cli, ["store", "copy", str(source), str(destination)])
    assert result.exit_code == 0, result.output
    assert "copied 6 consent and 1 request events" in result.output
    assert "consent: ok (6 events" in result.output
    again = runner.invoke(cli, ["store", "copy", str(source), str(destination)])
    assert again.exit_code == 2
    assert "already holds events" in again.output
    missing = runner.invoke(cli, ["store", "copy", str(tmp_path / "none.db"), str(tmp_path / "c")])
    assert missing.exit_code == 2
    assert "no such store" in missing.output
    usage = runner.invoke(cli, ["store", "copy", str(source)])
    assert usage.exit_code == 2
    assert usage.output.count("\n") == 1


def test_cli_store_copy_exit_1_when_the_copy_does_not_verify(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setenv("REKISTERI_SECRET", SECRET.decode())
    source = tmp_path / "a.db"
    _fill(str(source))
    with closing(sqlite3.connect(source)) as conn, conn:
        conn.execute("UPDATE events SET status = 'given' WHERE seq = 5")
    result = runner.invoke(cli, ["store", "copy", str(source), str(tmp_path / "b.db")])
    assert result.exit_code == 1, result.output
    assert "consent: 1 problem(s)" in result.output


def test_cli_db_refuses_a_directory(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["consent", "history", "--db", str(tmp_path), "--subject", "x"])
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_cli_without_psycopg_says_what_to_install(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKISTERI_SECRET", SECRET.decode())
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    # As on a machine without psycopg: the PostgreSQL store was never imported.
    monkeypatch.delitem(sys.modules, "rekisteri.store.postgres", raising=False)
    url = "postgresql://app:hunter2@db.invalid/registers"
    for args in (
        ["consent", "history", "--db", url, "--subject", "x"],
        ["requests", "list", "--db", url],
        ["store", "copy", url, "b.db"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert "install rekisteri-fi[postgres]" in result.output
        assert "hunter2" not in result.output
        assert result.output.count("\n") == 1


# --- PostgreSQL (the postgres_dsn fixture of conftest.py) ------------------------------


@pytest.fixture
def pg_url(postgres_dsn: str) -> str:
    """A ``postgresql://`` URL of the test database, with a password the server ignores (trust)."""
    psycopg = pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
    params = psycopg.conninfo.conninfo_to_dict(postgres_dsn)
    query = urlencode({k: v for k, v in params.items() if k in {"host", "port"}})
    user = params.get("user", "postgres")
    url = f"postgresql://{user}:{PASSWORD}@/{params.get('dbname', 'postgres')}?{query}"
    if not params.get("host", "/").startswith("/"):  # a TCP server: host in the authority
        url = postgres_dsn if is_postgres_url(postgres_dsn) else url
    return url


PASSWORD = "not-shown-7f3a"  # noqa: S105 - a test value; trust authentication ignores it


def _schema() -> str:
    return f"copy_{uuid.uuid4().hex[:12]}"


def _drop(url: str, *schemas: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_copy_sqlite_to_postgres_and_back(tmp_path: Path, pg_url: str) -> None:
    source, back = str(tmp_path / "a.db"), str(tmp_path / "back.db")
    schema = _schema()
    try:
        before = _fill(source)
        report = copy_store(
            source, pg_url, secret=SECRET, purposes=PURPOSES, destination_schema=schema
        )
        assert report.ok, report
        assert (report.consent_events, report.request_events) == (6, 1)
        _same_content(source, pg_url, b_schema=schema)
        with open_store(pg_url, secret=SECRET, purposes=PURPOSES, schema=schema) as copy:
            assert copy.verify(before).ok
            assert copy.verify_requests(before).ok
        again = copy_store(pg_url, back, secret=SECRET, purposes=PURPOSES, source_schema=schema)
        assert again.ok, again
        _same_content(source, back)
        with open_store(back, secret=SECRET, purposes=PURPOSES) as copy:
            assert copy.verify(before).ok  # the first source's checkpoint, two copies on
        with pytest.raises(StoreFileError, match="already holds events"):
            copy_store(source, pg_url, secret=SECRET, destination_schema=schema)
    finally:
        _drop(pg_url, schema)


def test_copy_postgres_to_postgres(pg_url: str) -> None:
    first, second = _schema(), _schema()
    try:
        _fill(pg_url, schema=first)
        report = copy_store(
            pg_url,
            pg_url,
            secret=SECRET,
            purposes=PURPOSES,
            source_schema=first,
            destination_schema=second,
        )
        assert report.ok, report
        _same_content(pg_url, pg_url, a_schema=first, b_schema=second)
    finally:
        _drop(pg_url, first, second)


def test_cli_store_copy_postgres_never_shows_the_password(
    tmp_path: Path, pg_url: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKISTERI_SECRET", SECRET.decode())
    schema = _schema()
    monkeypatch.setenv("REKISTERI_PG_SCHEMA", schema)
    source = tmp_path / "a.db"
    try:
        _fill(str(source))
        result = runner.invoke(cli, ["store", "copy", str(source), pg_url])
        assert result.exit_code == 0, result.output
        assert "consent: ok (6 events" in result.output
        assert PASSWORD not in result.output
        assert ":***@" in result.output
        verified = runner.invoke(cli, ["consent", "verify", "--db", pg_url])
        assert verified.exit_code == 0, verified.output
        assert PASSWORD not in verified.output
        listed = runner.invoke(cli, ["requests", "list", "--db", pg_url, "--all"])
        assert listed.exit_code == 1, listed.output  # exit 1: the request is overdue
        assert "r-1" in listed.output
    finally:
        _drop(pg_url, schema)


def test_cli_connection_error_is_one_line_without_the_password(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
    monkeypatch.setenv("REKISTERI_SECRET", SECRET.decode())
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    url = f"postgresql://app:{PASSWORD}@/registers?host={tmp_path}&port=1"
    for args in (
        ["consent", "history", "--db", url, "--subject", "x"],
        ["store", "copy", url, str(tmp_path / "b.db")],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith("rekisteri: error:")
        assert result.output.count("\n") == 1
        assert PASSWORD not in result.output
