"""The store contract: the semantics every store has, run on SQLite and on PostgreSQL.

Each test runs once per store (``any_store``: a fresh ``SQLiteStore`` file,
or a ``PostgresStore`` in a fresh schema of the test cluster, dropped after
the test). The tamper tests change the tables behind the store with plain
SQL (sqlite3 on the file; psycopg as the superuser on PostgreSQL), with the
table names found in the catalog (``sqlite_master``, ``information_schema``),
and each change must be reported by ``verify``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol, Self

import orjson
import pytest

from rekisteri.consent import ConsentEvent, ConsentStatus, DecisionReason, EventKind
from rekisteri.errors import InvalidTransitionError, StoreFileError, WrongSecretError
from rekisteri.requests import RequestEvent, RequestStatus, overdue
from rekisteri.store import ConsentStore, RequestStore, Verification
from rekisteri.store._chain import Checkpoint
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from types import TracebackType

    import psycopg

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
PURPOSES = {"newsletter": True, "research": False}
SECRET = b"store contract test secret, 32+ bytes"
OTHER_SECRET = b"another store contract secret, 32+ b"
HETU = "010594Y9032"  # DVV's fictitious temporary henkilötunnus
HETU_SPELLINGS = (HETU, HETU.lower(), HETU[:6], HETU[7:], " 010594y9032 ".strip())


class ContractStore(ConsentStore, RequestStore, Protocol):
    """What the contract needs of a store: both ledgers and a context manager."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> None: ...


def ev(
    kind: EventKind | str,
    *,
    subject: str = "c-1",
    purpose: str = "newsletter",
    minutes: int = 0,
    **extra: object,
) -> ConsentEvent:
    return ConsentEvent(
        subject=subject,
        purpose=purpose,
        kind=EventKind(kind),
        at=T0 + timedelta(minutes=minutes),
        **extra,  # type: ignore[arg-type]  # only optional ConsentEvent fields
    )


def req(kind: str, request_id: str = "r1", subject: str = "c-1", hours: int = 0) -> RequestEvent:
    extra: dict[str, object] = {"right": "access"} if kind == "receive" else {}
    return RequestEvent(
        request_id=request_id,
        subject=subject,
        kind=kind,
        at=T0 + timedelta(hours=hours),
        **extra,  # type: ignore[arg-type]  # only optional RequestEvent fields
    )


# -- the two stores, and SQL behind their backs -----------------------------------

#: The tables the tamper tests address, by role, and the columns that identify each.
ROLES: dict[str, frozenset[str]] = {
    "events": frozenset({"seq", "subject", "purpose", "kind", "status", "digest", "hash"}),
    "head": frozenset({"seq", "hash"}),
    "request_events": frozenset({"seq", "request_id", "kind", "digest", "hash"}),
    "request_state": frozenset({"request_id", "status", "open"}),
    "request_head": frozenset({"seq", "hash"}),
    "meta": frozenset({"key", "value"}),
}


class Backend:
    """A store's storage: opens stores on it and runs SQL behind their backs."""

    name = ""

    def open(self, *, secret: bytes = SECRET) -> ContractStore:
        """Open (or create) the store on this storage."""
        raise NotImplementedError

    def columns(self) -> dict[str, set[str]]:
        """Every table of the store and its columns, from the catalog."""
        raise NotImplementedError

    def execute(self, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Run one statement (``?`` placeholders) behind the store; return its rows."""
        raise NotImplementedError

    def stored_bytes(self) -> bytes:
        """Everything the storage holds that could carry personal data, as bytes."""
        raise NotImplementedError

    def cleanup(self) -> None:
        """Remove the storage."""

    def table(self, role: str) -> str:
        """The quoted name of the table that plays *role* (see ROLES), found in the catalog."""
        found = sorted(
            name
            for name, cols in self.columns().items()
            if ROLES[role] <= cols
            and ("digest" not in cols or role.endswith("events"))
            and (("request" in name) == role.startswith("request"))
        )
        assert len(found) == 1, (role, found)
        return self.quote(found[0])

    def quote(self, name: str) -> str:  # noqa: D102 - overridden
        return f'"{name}"'

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Run *statement* with ``{role}`` replaced by that table's name."""
        names = {role: self.table(role) for role in ROLES if "{" + role + "}" in statement}
        return self.execute(statement.format(**names), params)


class SQLiteBackend(Backend):
    name = "sqlite"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "store.db"

    def open(self, *, secret: bytes = SECRET) -> ContractStore:  # noqa: D102
        return SQLiteStore(self.path, purposes=PURPOSES, secret=secret)

    def execute(  # noqa: D102
        self, statement: str, params: tuple[object, ...] = ()
    ) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(self.path)
        try:
            with conn:
                return [tuple(row) for row in conn.execute(statement, params).fetchall()]
        finally:
            conn.close()

    def columns(self) -> dict[str, set[str]]:  # noqa: D102
        tables = self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {
            str(name): {str(c[1]) for c in self.execute(f'PRAGMA table_info("{name}")')}
            for (name,) in tables
        }

    def stored_bytes(self) -> bytes:  # noqa: D102
        files = sorted(p for p in self.directory.iterdir() if p.is_file())
        return b"".join(p.read_bytes() for p in files)  # the database, its WAL and journal


class PostgresBackend(Backend):
    name = "postgres"

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.dsn = dsn
        self.schema = f"t_{uuid.uuid4().hex[:16]}"
        self.conn: psycopg.Connection[tuple[object, ...]] = psycopg.connect(dsn, autocommit=True)

    def open(self, *, secret: bytes = SECRET) -> ContractStore:  # noqa: D102
        from rekisteri.store.postgres import PostgresStore

        return PostgresStore(
            self.dsn, purposes=PURPOSES, secret=secret, schema=self.schema, create=True
        )

    def quote(self, name: str) -> str:  # noqa: D102
        return f'"{self.schema}"."{name}"'

    def execute(  # noqa: D102
        self, statement: str, params: tuple[object, ...] = ()
    ) -> list[tuple[object, ...]]:
        cursor = self.conn.execute(statement.replace("?", "%s"), params)
        rows = cursor.fetchall() if cursor.description else []
        return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]

    def catalog(self) -> list[tuple[str, str, str]]:
        """(table, column, data type) of every column in the store's schema."""
        rows = self.conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = %s ORDER BY table_name, ordinal_position",
            (self.schema,),
        ).fetchall()
        return [(str(t), str(c), str(d)) for t, c, d in rows]

    def columns(self) -> dict[str, set[str]]:  # noqa: D102
        found: dict[str, set[str]] = {}
        for table, column, _ in self.catalog():
            found.setdefault(table, set()).add(column)
        return found

    def stored_bytes(self) -> bytes:  # noqa: D102
        textual = {"text", "bytea", "character varying", "character", "json", "jsonb"}
        parts: list[bytes] = []
        catalog = [(t, c) for t, c, kind in self.catalog() if kind in textual]
        assert catalog  # the store's tables were found
        for table, column in catalog:
            query = f'SELECT "{column}" FROM {self.quote(table)}'  # noqa: S608 - catalog names
            for (value,) in self.execute(query):
                if isinstance(value, bytes):
                    parts.append(value)
                elif value is not None:
                    parts.append(str(value).encode())
        return b"\n".join(parts)

    def cleanup(self) -> None:  # noqa: D102
        try:
            self.conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
        finally:
            self.conn.close()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The storage of one store: an SQLite file, or a fresh schema on PostgreSQL."""
    if request.param == "sqlite":
        chosen: Backend = SQLiteBackend(tmp_path)
    else:
        chosen = PostgresBackend(request.getfixturevalue("postgres_dsn"))
    try:
        yield chosen
    finally:
        chosen.cleanup()


@pytest.fixture
def any_store(backend: Backend) -> Iterator[ContractStore]:
    """A fresh store on each backend, with the same secret and purposes."""
    with backend.open() as store:
        yield store


def problems(store: ContractStore, checkpoint: Checkpoint | None = None) -> list[tuple[str, int]]:
    return [(p.kind, p.seq) for p in store.verify(checkpoint).problems]


def request_problems(
    store: ContractStore, checkpoint: Checkpoint | None = None
) -> list[tuple[str, int]]:
    return [(p.kind, p.seq) for p in store.verify_requests(checkpoint).problems]


# -- semantics ----------------------------------------------------------------------


class TestStateMachine:
    def test_states_follow_the_events(self, any_store: ContractStore) -> None:
        """record() folds the stored events; may_process() follows the status."""
        any_store.append([ev("request"), ev("give", minutes=1)])
        record = any_store.record("c-1", "newsletter")
        assert record is not None
        assert record.status is ConsentStatus.GIVEN
        assert any_store.may_process("c-1", "newsletter", at=T0 + timedelta(minutes=2))
        any_store.append([ev("withdraw", minutes=3)])
        record = any_store.record("c-1", "newsletter")
        assert record is not None
        assert record.status is ConsentStatus.WITHDRAWN
        decision = any_store.may_process("c-1", "newsletter", at=T0 + timedelta(minutes=4))
        assert not decision
        assert decision.reason is DecisionReason.CONSENT_NOT_VALID
        assert [e.kind for e in any_store.history("c-1")] == [
            EventKind.REQUEST,
            EventKind.GIVE,
            EventKind.WITHDRAW,
        ]

    def test_an_illegal_batch_stores_nothing(self, any_store: ContractStore) -> None:
        """A batch with an illegal transition is refused as a whole, against the stored state."""
        any_store.append([ev("give")])
        with pytest.raises(InvalidTransitionError):
            any_store.append([ev("give", subject="d-2"), ev("give", minutes=1)])
        assert any_store.history("d-2") == []
        assert any_store.verify() == Verification(ok=True, events=1)


class TestDecisions:
    def test_reasons(self, any_store: ContractStore) -> None:
        """No consent, a valid consent and an expired one, each with its reason."""
        assert any_store.may_process("c-1", "research", at=T0).reason is DecisionReason.NO_CONSENT
        assert any_store.record("c-1", "research") is None
        any_store.append([ev("give", purpose="research", valid_until=T0 + timedelta(days=30))])
        valid = any_store.may_process("c-1", "research", at=T0 + timedelta(days=29))
        assert valid.allowed
        assert valid.reason is DecisionReason.CONSENT_VALID
        late = any_store.may_process("c-1", "research", at=T0 + timedelta(days=30))
        assert late.reason is DecisionReason.CONSENT_EXPIRED

    def test_prohibition_beats_consent_for_direct_marketing(self, any_store: ContractStore) -> None:
        """A prohibition refuses a direct-marketing purpose, not other purposes."""
        any_store.append(
            [ev("give"), ev("give", purpose="research"), ev("prohibit_direct_marketing", minutes=1)]
        )
        later = T0 + timedelta(minutes=2)
        decision = any_store.may_process("c-1", "newsletter", at=later)
        assert not decision
        assert decision.reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        assert decision.status is ConsentStatus.GIVEN
        assert any_store.may_process("c-1", "research", at=later).allowed

    def test_prohibition_in_time(self, any_store: ContractStore) -> None:
        """prohibited() answers for the moment asked: before, during and after."""
        any_store.append(
            [ev("prohibit_direct_marketing", minutes=10), ev("lift_prohibition", minutes=20)]
        )
        at = [T0 + timedelta(minutes=m) for m in (5, 10, 15, 25)]
        assert [any_store.prohibited("c-1", at=moment) for moment in at] == [
            False,
            True,
            True,
            False,
        ]
        assert not any_store.prohibited("nobody", at=T0)

    def test_prohibition_survives_erasure(self, any_store: ContractStore) -> None:
        """Erasing a subject's consents keeps their prohibition and its effect."""
        any_store.append([ev("give"), ev("prohibit_direct_marketing", minutes=1)])
        assert any_store.erase("c-1") == 1
        later = T0 + timedelta(minutes=2)
        assert any_store.prohibited("c-1", at=later)
        reason = any_store.may_process("c-1", "newsletter", at=later).reason
        assert reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        assert [e.kind for e in any_store.history("c-1")] == [EventKind.PROHIBIT_DIRECT_MARKETING]


class TestKeyedChain:
    def test_verify_is_ok_on_an_intact_store(self, any_store: ContractStore) -> None:
        """Both ledgers of an untouched store verify, each with its own count."""
        assert any_store.verify() == Verification(ok=True, events=0)
        any_store.append([ev("give"), ev("give", subject="d-2", minutes=1)])
        any_store.append_requests([req("receive"), req("acknowledge", hours=1)])
        assert any_store.verify() == Verification(ok=True, events=2)
        assert any_store.verify_requests() == Verification(ok=True, events=2)

    def test_another_secret_is_refused(self, backend: Backend, any_store: ContractStore) -> None:
        """A store refuses a secret other than the one it was created with."""
        any_store.append([ev("give")])
        with pytest.raises(WrongSecretError, match="not the secret") as e:
            backend.open(secret=OTHER_SECRET)
        assert "another" not in str(e.value)
        with backend.open() as again:
            assert again.verify().ok

    def test_checkpoints(self, any_store: ContractStore) -> None:
        """A checkpoint names both ledgers' heads and stays valid while they grow."""
        any_store.append([ev("give")])
        any_store.append_requests([req("receive")])
        kept = Checkpoint.from_json(any_store.checkpoint().to_json())
        assert set(kept.heads) == {"consent", "requests"}
        assert (kept.heads["consent"].seq, kept.heads["requests"].seq) == (1, 1)
        any_store.append([ev("withdraw", minutes=1)])
        any_store.append_requests([req("acknowledge", hours=1)])
        assert any_store.verify(kept).ok
        assert any_store.verify_requests(kept).ok


class TestExportAndErasure:
    def test_export_document(self, any_store: ContractStore) -> None:
        """The Art 15 export has the schema version, subject, prohibition and every event."""
        any_store.append(
            [
                ev("give", channel="web-form", evidence="seloste 2026-01", actor="subject"),
                ev("prohibit_direct_marketing", minutes=1),
            ]
        )
        document = orjson.loads(any_store.export("c-1"))
        assert document["schema_version"] == 1
        assert document["subject"] == "c-1"
        assert document["prohibited"] is True
        assert document["events"][0] == {
            "seq": 1,
            "kind": "give",
            "purpose": "newsletter",
            "at": "2026-01-05T12:00:00+00:00",
            "channel": "web-form",
            "evidence": "seloste 2026-01",
            "actor": "subject",
            "valid_until": None,
            "by_guardian": False,
        }
        assert [e["kind"] for e in document["events"]] == ["give", "prohibit_direct_marketing"]
        nobody = orjson.loads(any_store.export("nobody"))
        assert (nobody["events"], nobody["prohibited"]) == ([], False)

    def test_erasure(self, backend: Backend, any_store: ContractStore) -> None:
        """Erasure blanks the rows, appends an erasure event naming them; the chain verifies."""
        any_store.append(
            [
                ev("request", evidence="secret-evidence-1"),
                ev("give", minutes=1, evidence="secret-evidence-2"),
                ev("prohibit_direct_marketing", minutes=2),
                ev("give", subject="other", purpose="research"),
            ]
        )
        assert any_store.erase("c-1") == 2
        assert any_store.record("c-1", "newsletter") is None
        assert any_store.verify() == Verification(ok=True, events=5)  # 4 events, 1 erasure
        assert len(any_store.history("other")) == 1
        blanked = backend.sql("SELECT payload, subject, kind FROM {events} WHERE seq IN (1, 2)")
        assert blanked == [(None, None, None)] * 2
        (erasure,) = backend.sql("SELECT subject, kind, payload FROM {events} WHERE seq = 5")
        assert erasure[:2] == (None, "erasure")
        assert isinstance(erasure[2], bytes)
        assert orjson.loads(erasure[2])["erased"] == [1, 2]
        assert any_store.erase("c-1") == 0
        # SQLite: the file and its WAL; PostgreSQL: every live row (the old row
        # versions stay until VACUUM, as the PostgresStore docs say).
        assert b"secret-evidence" not in backend.stored_bytes()


class TestSubjects:
    def test_henkilotunnus_is_never_stored_in_clear(
        self, backend: Backend, any_store: ContractStore
    ) -> None:
        """A henkilötunnus subject is kept only as its keyed hash, in every table and column."""
        any_store.append([ev("give", subject=HETU), ev("prohibit_direct_marketing", subject=HETU)])
        any_store.export(HETU)
        any_store.erase(HETU)
        any_store.append([ev("give", subject=HETU.lower(), minutes=1)])
        any_store.append_requests([req("receive", subject=HETU)])
        record = any_store.record(" " + HETU.lower(), "newsletter")
        assert record is not None
        assert (record.status, len(any_store.requests(subject=HETU))) == (ConsentStatus.GIVEN, 1)
        data = backend.stored_bytes()
        assert b"hmac-sha256:" in data  # the reference is there, the code is not
        for spelling in HETU_SPELLINGS:
            assert spelling.encode() not in data, spelling

    def test_spellings_of_a_henkilotunnus_are_one_subject(self, any_store: ContractStore) -> None:
        """Every spelling finds the same record; the export names the keyed hash."""
        any_store.append([ev("request", subject=HETU)])
        any_store.append([ev("give", subject=" " + HETU.lower() + " ", minutes=1)])
        record = any_store.record(HETU.lower(), "newsletter")
        assert record is not None
        assert record.status is ConsentStatus.GIVEN
        subject = orjson.loads(any_store.export(HETU))["subject"]
        assert subject.startswith("hmac-sha256:")
        assert len(subject) == len("hmac-sha256:") + 64


class TestRequestLedger:
    def test_requests_round_trip_and_overdue(self, any_store: ContractStore) -> None:
        """append_requests, request(s) with filters, overdue() and verify_requests."""
        any_store.append_requests(
            [
                req("receive", "early"),  # received 5.1.2026, due 5.2.2026
                req("receive", "late", "c-2", hours=24 * 20),
                req("receive", "done"),
                req("acknowledge", "done"),
            ]
        )
        any_store.append_requests([req("accept", "done", hours=1), req("fulfil", "done", hours=1)])
        done = any_store.request("done")
        assert done is not None
        assert done.status is RequestStatus.FULFILLED
        assert any_store.request("nope") is None
        assert [r.request_id for r in any_store.requests()] == ["done", "early", "late"]
        found = any_store.requests(only_open=True)
        assert [r.request_id for r in found] == ["early", "late"]
        assert [r.request_id for r in any_store.requests(subject="c-2")] == ["late"]
        at = datetime(2026, 2, 10, 12, 0, tzinfo=UTC)
        assert [r.request_id for r in overdue(found, at=at)] == ["early"]
        assert any_store.verify_requests() == Verification(ok=True, events=6)
        with pytest.raises(InvalidTransitionError):
            any_store.append_requests([req("receive", "new"), req("fulfil", "early", hours=2)])
        assert any_store.request("new") is None


# -- tampering behind the store -----------------------------------------------------


@pytest.fixture
def ledger(any_store: ContractStore) -> ContractStore:
    """A consent, another subject's consent, a prohibition and its lift (rows 1-4)."""
    any_store.append(
        [
            ev("give"),
            ev("give", subject="d-2", minutes=1),
            ev("prohibit_direct_marketing", minutes=2),
            ev("lift_prohibition", minutes=3),
        ]
    )
    return any_store


class TestTampering:
    @pytest.mark.parametrize(
        ("statement", "found"),
        [
            ("UPDATE {events} SET kind = 'prohibit_direct_marketing' WHERE seq = 4", ("edited", 4)),
            ("UPDATE {events} SET subject = 'd-2' WHERE seq = 1", ("edited", 1)),
            ("UPDATE {events} SET purpose = 'research' WHERE seq = 2", ("edited", 2)),
            ("UPDATE {events} SET at_us = at_us + 1 WHERE seq = 3", ("edited", 3)),
            ("UPDATE {events} SET status = 'withdrawn' WHERE seq = 1", ("state", 1)),
            ("UPDATE {events} SET valid_until_us = 0 WHERE seq = 1", ("state", 1)),
            ("UPDATE {events} SET status = 'given' WHERE seq = 3", ("state", 3)),
        ],
    )
    def test_edited_columns(
        self, backend: Backend, ledger: ContractStore, statement: str, found: tuple[str, int]
    ) -> None:
        """A column a decision reads, edited behind the store, is reported at its row."""
        backend.sql(statement)
        assert problems(ledger) == [found]

    def test_flipped_prohibition_is_reported(self, backend: Backend, ledger: ContractStore) -> None:
        """A lift turned into a prohibition flips may_process; verify reports it."""
        later = T0 + timedelta(minutes=5)
        assert ledger.may_process("c-1", "newsletter", at=later)
        backend.sql("UPDATE {events} SET kind = 'prohibit_direct_marketing' WHERE seq = 4")
        assert not ledger.may_process("c-1", "newsletter", at=later)
        assert not ledger.verify()

    def test_row_blanked_like_erase(self, backend: Backend, ledger: ContractStore) -> None:
        """A row emptied the way erase empties rows, but without an erasure row, is reported."""
        keep = {"seq", "digest", "prev", "hash"}
        table = next(t for t, c in backend.columns().items() if ROLES["events"] <= c)
        blank = sorted(backend.columns()[table] - keep)
        backend.sql(
            "UPDATE {events} SET "  # noqa: S608 - column names from the catalog
            + ", ".join(f"{c} = NULL" for c in blank)
            + " WHERE seq = 2"
        )
        assert problems(ledger) == [("erased_without_record", 2)]

    def test_truncation_with_the_head_moved_back(
        self, backend: Backend, ledger: ContractStore
    ) -> None:
        """Last rows deleted and the head moved back: only a checkpoint shows it."""
        ledger.append(
            [ev("give", subject="e-3", minutes=9), ev("withdraw", subject="e-3", minutes=10)]
        )
        checkpoint = ledger.checkpoint()
        assert checkpoint.heads["consent"].seq == 6
        backend.sql("DELETE FROM {events} WHERE seq > 4")
        backend.sql("UPDATE {head} SET seq = 4, hash = (SELECT hash FROM {events} WHERE seq = 4)")
        assert problems(ledger) == []
        assert problems(ledger, checkpoint) == [("checkpoint", 6)]

    def test_forged_append_with_an_unkeyed_chain(
        self, backend: Backend, ledger: ContractStore
    ) -> None:
        """A row appended with a plain SHA-256 chain and a moved head is reported."""
        ((payload, prev),) = backend.sql("SELECT payload, hash FROM {events} WHERE seq = 4")
        assert isinstance(payload, bytes)
        assert isinstance(prev, bytes)
        digest = hashlib.sha256(payload).digest()
        link = hashlib.sha256(prev + (5).to_bytes(8, "big") + digest).digest()
        backend.sql(
            "INSERT INTO {events} (seq, subject, purpose, kind, at_us, payload, digest, prev,"
            " hash, status, valid_until_us) SELECT 5, subject, purpose, kind, at_us + 1, ?, ?,"
            " ?, ?, status, valid_until_us FROM {events} WHERE seq = 4",
            (payload, digest, prev, link),
        )
        backend.sql("UPDATE {head} SET seq = 5, hash = ?", (link,))
        assert ("edited", 5) in problems(ledger)

    def test_deleted_head_row_does_not_crash(self, backend: Backend, ledger: ContractStore) -> None:
        """Without its head row verify reports a broken link instead of raising."""
        backend.sql("DELETE FROM {head}")
        assert problems(ledger) == [("broken_link", 4)]

    @pytest.mark.parametrize(
        "statement",
        [
            "UPDATE {events} SET payload = ? WHERE seq = 1",
            "UPDATE {events} SET digest = ? WHERE seq = 1",
        ],
    )
    def test_reads_refuse_rows_changed_behind_the_store(
        self, backend: Backend, ledger: ContractStore, statement: str
    ) -> None:
        """history, export and record give a typed error, never forged data."""
        backend.sql(
            statement, (b'{"purpose": "newsletter"}' if "payload" in statement else bytes(32),)
        )
        for read in (
            lambda: ledger.history("c-1"),
            lambda: ledger.export("c-1"),
            lambda: ledger.record("c-1", "newsletter"),
        ):
            with pytest.raises(StoreFileError, match=r"row 1 .*changed outside rekisteri"):
                read()
        assert problems(ledger) == [("edited", 1)]

    @pytest.mark.parametrize("key", ["secret_check", "store_id"])
    def test_missing_check_value_is_refused(
        self, backend: Backend, any_store: ContractStore, key: str
    ) -> None:
        """Without its check value (or id) a store is not opened: no new secret is accepted."""
        any_store.append([ev("give")])
        backend.sql("DELETE FROM {meta} WHERE key = ?", (key,))
        for secret in (SECRET, OTHER_SECRET):
            with pytest.raises(StoreFileError, match="secret check value is missing"):
                backend.open(secret=secret)

    @pytest.mark.parametrize(
        ("statement", "kind"),
        [
            ("UPDATE {request_events} SET kind = 'fulfil' WHERE seq = 3", "edited"),
            ("UPDATE {request_events} SET subject = 'c-2' WHERE seq = 2", "edited"),
            ("DELETE FROM {request_events} WHERE seq = 2", "missing"),
            ("UPDATE {request_state} SET status = 'fulfilled', open = 0", "state"),
            ("DELETE FROM {request_state}", "state"),
            ("UPDATE {request_head} SET seq = 2", "broken_link"),
            ("DELETE FROM {request_head}", "broken_link"),
        ],
    )
    def test_request_ledger(
        self, backend: Backend, any_store: ContractStore, statement: str, kind: str
    ) -> None:
        """Edited or removed request rows, states and heads are reported, never raised."""
        any_store.append_requests([req("receive"), req("acknowledge"), req("accept")])
        backend.sql(statement)
        result = any_store.verify_requests()
        assert not result.ok
        assert kind in {p.kind for p in result.problems}, result.problems

    def test_request_reads_refuse_forged_event_data(
        self, backend: Backend, any_store: ContractStore
    ) -> None:
        """A request read never returns event data that does not match its keyed digest."""
        any_store.append_requests([req("receive"), req("acknowledge")])
        ((payload,),) = backend.sql("SELECT payload FROM {request_events} WHERE seq = 1")
        assert isinstance(payload, bytes)
        forged = payload.replace(b"access", b"erasure")
        assert forged != payload
        backend.sql("UPDATE {request_events} SET payload = ? WHERE seq = 1", (forged,))
        with pytest.raises(StoreFileError):
            any_store.request("r1")
        with pytest.raises(StoreFileError):
            any_store.requests()
        assert ("edited", 1) in request_problems(any_store)

    def test_request_truncation_with_a_checkpoint(
        self, backend: Backend, any_store: ContractStore
    ) -> None:
        """Request rows cut off the end with the head: only a checkpoint shows it."""
        any_store.append_requests([req("receive"), req("acknowledge"), req("accept")])
        checkpoint = any_store.checkpoint()
        backend.sql("DELETE FROM {request_events} WHERE seq = 3")
        backend.sql(
            "UPDATE {request_head} SET seq = 2,"
            " hash = (SELECT hash FROM {request_events} WHERE seq = 2)"
        )
        backend.sql("UPDATE {request_state} SET status = 'acknowledged'")
        assert request_problems(any_store) == []
        assert request_problems(any_store, checkpoint) == [("missing", 3)]
