from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.consent import (
    TRANSITIONS,
    ConsentEvent,
    ConsentRecord,
    ConsentStatus,
    DecisionReason,
    EventKind,
    decide,
)
from rekisteri.errors import (
    ErasureNotFlushedError,
    InvalidTransitionError,
    InvalidValueError,
    RekisteriError,
    SecretTypeError,
    StoreFileError,
    WeakSecretError,
    WrongSecretError,
)
from rekisteri.model import LocalizedText, Purpose
from rekisteri.store import ConsentStore, Verification
from rekisteri.store._chain import Checkpoint, Head, Keys
from rekisteri.store.sqlite import SCHEMA_VERSION, SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
NAIVE = datetime(2026, 2, 1)  # noqa: DTZ001  # the mistake under test
PURPOSES = {"newsletter": True, "research": False}
SECRET = b"fictitious test secret, 32+ bytes!"
HETU = "010594Y9032"  # DVV's fictitious temporary henkilötunnus
HETU_SPELLINGS = (HETU, " 010594y9032 ")


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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "consent.db", purposes=PURPOSES, secret=SECRET) as s:
        yield s


def rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn, conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def state(store: SQLiteStore, path: Path) -> tuple[Verification, int, list[ConsentEvent], str]:
    return (
        store.verify(),
        rows(path),
        store.history("c-1"),
        str(store.may_process("c-1", "newsletter", at=T0 + timedelta(days=1))),
    )


def file_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file())


def bypass(event: ConsentEvent, **changes: object) -> ConsentEvent:
    """Return a copy of *event* with fields set behind its validators' back."""
    copy = ConsentEvent(subject=event.subject, purpose=event.purpose, kind=event.kind, at=event.at)
    for name, value in changes.items():
        object.__setattr__(copy, name, value)
    return copy


class TestProtocol:
    def test_sqlite_store_is_a_consent_store(self, store: SQLiteStore) -> None:
        """SQLiteStore satisfies the ConsentStore protocol that callers type against."""
        typed: ConsentStore = store
        assert typed.verify().ok

    def test_verification_is_truthy_when_ok(self) -> None:
        """bool(Verification) is its ok flag."""
        assert Verification(ok=True, events=0)
        assert not Verification(ok=False, events=1)

    def test_purposes_may_be_model_purposes(self, tmp_path: Path) -> None:
        """Model Purposes give the known keys and their direct-marketing flags."""
        purposes = [
            Purpose(key="offers", name=LocalizedText(fi="Tarjoukset"), direct_marketing=True),
            Purpose(key="service", name=LocalizedText(fi="Palvelu")),
        ]
        with SQLiteStore(tmp_path / "p.db", purposes=purposes, secret=SECRET) as s:
            s.append([ev("give", purpose="offers"), ev("prohibit_direct_marketing", minutes=1)])
            reason = s.may_process("c-1", "offers", at=T0 + timedelta(minutes=2)).reason
            assert reason is DecisionReason.DIRECT_MARKETING_PROHIBITED


class TestAppend:
    def test_given_consent_permits_processing(self, store: SQLiteStore) -> None:
        """After request and give, the record is given and processing is allowed."""
        store.append([ev("request"), ev("give", minutes=1)])
        record = store.record("c-1", "newsletter")
        assert record is not None
        assert record.status is ConsentStatus.GIVEN
        assert store.may_process("c-1", "newsletter", at=T0 + timedelta(minutes=2)).allowed

    def test_history_round_trips_every_field(self, store: SQLiteStore) -> None:
        """history() returns the appended events with all their fields, in order."""
        events = [
            ev("request", channel="web-form", actor="subject"),
            ev(
                "give",
                minutes=1,
                evidence="tietosuojaseloste 2026-01",
                valid_until=T0 + timedelta(days=365),
                by_guardian=True,
            ),
            ev("withdraw", minutes=2, channel="phone"),
        ]
        store.append(events)
        assert store.history("c-1") == events

    def test_appends_accumulate_across_batches_and_reopening(self, tmp_path: Path) -> None:
        """Events of later batches continue the record, also after the file is reopened."""
        path = tmp_path / "c.db"
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("give")])
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("withdraw", minutes=1)])
            record = s.record("c-1", "newsletter")
            assert record is not None
            assert record.status is ConsentStatus.WITHDRAWN
            assert s.verify() == Verification(ok=True, events=2)

    def test_empty_batch_writes_nothing(self, store: SQLiteStore, tmp_path: Path) -> None:
        """An empty batch is a no-op."""
        store.append([])
        assert rows(tmp_path / "consent.db") == 0

    def test_prohibition_purpose_is_stored_as_star(self, store: SQLiteStore) -> None:
        """The purpose of a prohibition event is ignored and stored as '*'."""
        store.append([ev("prohibit_direct_marketing", purpose="whatever")])
        assert [e.purpose for e in store.history("c-1")] == ["*"]

    def test_equal_times_are_allowed(self, store: SQLiteStore) -> None:
        """Events at the same moment as the subject's last one are accepted."""
        store.append([ev("request")])
        store.append([ev("give")])
        assert len(store.history("c-1")) == 2

    def test_subjects_are_ordered_independently(self, store: SQLiteStore) -> None:
        """Only the subject's own last event bounds its next one."""
        store.append([ev("give", subject="a", minutes=10)])
        store.append([ev("give", subject="b", minutes=0)])
        assert len(store.history("b")) == 1


class TestBadInput:
    """Every refused batch leaves the store exactly as it was."""

    @pytest.fixture
    def before(  # noqa: D102  # a fixture, not a test
        self, store: SQLiteStore, tmp_path: Path
    ) -> tuple[Verification, int, list[ConsentEvent], str]:
        store.append([ev("request"), ev("give", minutes=5)])
        return state(store, tmp_path / "consent.db")

    def check_unchanged(  # noqa: D102  # a helper, not a test
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        assert state(store, tmp_path / "consent.db") == before
        store.append([ev("withdraw", minutes=6)])  # the store still works
        assert store.verify() == Verification(ok=True, events=3)

    def test_unknown_purpose(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """An event for an unknown purpose is refused with a message naming the purpose."""
        batch = [ev("give", subject="d-2", minutes=6), ev("give", purpose="lottery", minutes=6)]
        with pytest.raises(InvalidValueError, match=r"events\[1\].purpose: unknown purpose") as e:
            store.append(batch)
        assert "'lottery'" in str(e.value)
        assert "c-1" not in str(e.value)
        self.check_unchanged(store, tmp_path, before)

    def test_naive_datetime(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """A naive datetime is refused by ConsentEvent and, if smuggled in, by the store."""
        with pytest.raises(InvalidValueError, match="time zone"):
            ConsentEvent(subject="c-1", purpose="newsletter", kind="withdraw", at=NAIVE)
        smuggled = bypass(ev("withdraw", minutes=6), at=NAIVE)
        with pytest.raises(InvalidValueError, match=r"events\[0\].at: expected a datetime"):
            store.append([smuggled])
        self.check_unchanged(store, tmp_path, before)

    def test_event_before_the_subjects_last(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """An event earlier than the subject's last stored event is refused."""
        with pytest.raises(InvalidValueError, match="earlier than the subject's last"):
            store.append([ev("give", subject="d-2", minutes=9), ev("withdraw", minutes=4)])
        self.check_unchanged(store, tmp_path, before)

    def test_event_before_an_earlier_one_in_the_batch(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """Time order is also checked between the events of one batch."""
        with pytest.raises(InvalidValueError, match=r"events\[1\].at"):
            store.append([ev("renew", minutes=9), ev("withdraw", minutes=8)])
        self.check_unchanged(store, tmp_path, before)

    def test_unknown_event_kind(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """An unknown kind string is refused by ConsentEvent and, if smuggled in, by the store."""
        with pytest.raises(InvalidValueError):
            ConsentEvent(subject="c-1", purpose="newsletter", kind="forget", at=T0)
        smuggled = bypass(ev("withdraw", minutes=6), kind="forget")
        with pytest.raises(InvalidValueError, match=r"events\[1\].kind: unknown event kind"):
            store.append([ev("renew", minutes=6), smuggled])
        self.check_unchanged(store, tmp_path, before)

    def test_invalid_transition(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """A consent event that is not allowed in the current status is refused."""
        with pytest.raises(InvalidTransitionError) as e:
            store.append([ev("withdraw", minutes=6), ev("withdraw", minutes=7)])
        assert e.value.state is ConsentStatus.WITHDRAWN
        assert e.value.event is EventKind.WITHDRAW
        self.check_unchanged(store, tmp_path, before)

    def test_lift_without_prohibition(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """A prohibition can only be lifted while it is in force."""
        with pytest.raises(InvalidTransitionError):
            store.append([ev("lift_prohibition", minutes=6)])
        self.check_unchanged(store, tmp_path, before)

    def test_not_an_event(
        self,
        store: SQLiteStore,
        tmp_path: Path,
        before: tuple[Verification, int, list[ConsentEvent], str],
    ) -> None:
        """Something that is not a ConsentEvent is refused."""
        with pytest.raises(InvalidValueError, match="expected a ConsentEvent"):
            store.append(["give"])  # type: ignore[list-item]  # the mistake under test
        self.check_unchanged(store, tmp_path, before)


class TestSubjects:
    def test_hetu_is_never_written(self, tmp_path: Path) -> None:
        """A henkilötunnus subject is stored only as its HMAC: no file contains it."""
        with SQLiteStore(tmp_path / "c.db", purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("give", subject=HETU), ev("prohibit_direct_marketing", subject=HETU)])
            s.export(HETU)
            s.erase(HETU)
            s.append([ev("give", subject=HETU, minutes=1)])
            data = file_bytes(tmp_path)
        assert data
        for spelling in (HETU, HETU.lower(), HETU[:6], HETU[7:]):
            assert spelling.encode() not in data

    def test_hetu_spellings_map_to_one_subject(self, store: SQLiteStore) -> None:
        """Every spelling of a henkilötunnus finds the same record."""
        store.append([ev("request", subject=HETU_SPELLINGS[0])])
        store.append([ev("give", subject=HETU_SPELLINGS[1], minutes=1)])
        record = store.record(HETU_SPELLINGS[0], "newsletter")
        assert record is not None
        assert record.status is ConsentStatus.GIVEN
        assert store.may_process(HETU_SPELLINGS[1], "newsletter", at=T0 + timedelta(hours=1))

    def test_export_names_the_hmac(self, store: SQLiteStore) -> None:
        """The export's subject is the stored reference, 'hmac-sha256:' and 64 hex digits."""
        store.append([ev("give", subject=HETU)])
        subject = orjson.loads(store.export(HETU))["subject"]
        assert subject.startswith("hmac-sha256:")
        assert len(subject) == len("hmac-sha256:") + 64
        assert HETU not in subject

    def test_every_store_needs_a_strong_bytes_secret(self, tmp_path: Path) -> None:
        """No secret, a str or fewer than 32 bytes: refused with a typed error, nothing created."""
        with pytest.raises(TypeError, match="secret"):
            SQLiteStore(tmp_path / "c.db")  # type: ignore[call-arg]  # the mistake under test
        with pytest.raises(SecretTypeError, match="expected bytes, got str"):
            SQLiteStore(tmp_path / "c.db", secret=SECRET.decode())  # type: ignore[arg-type]
        with pytest.raises(WeakSecretError, match="at least 32 bytes"):
            SQLiteStore(tmp_path / "c.db", secret=b"s" * 31)
        assert not (tmp_path / "c.db").exists()

    def test_invalid_hetu_shaped_subject_is_refused(self, store: SQLiteStore) -> None:
        """A subject shaped like a henkilötunnus but invalid is refused, not stored as is."""
        with pytest.raises(InvalidValueError, match="not a valid one") as e:
            store.append([ev("give", subject="010594Y9033")])
        assert "010594Y9033" not in str(e.value)

    def test_another_secret_is_refused(self, tmp_path: Path) -> None:
        """A store refuses a secret other than the one it was first opened with."""
        SQLiteStore(tmp_path / "c.db", secret=SECRET).close()
        with pytest.raises(WrongSecretError, match="not the secret") as e:
            SQLiteStore(tmp_path / "c.db", secret=b"another secret" * 3)
        assert "another" not in str(e.value)
        SQLiteStore(tmp_path / "c.db", secret=SECRET).close()

    @pytest.mark.parametrize("key", ["secret_check", "store_id"])
    def test_missing_check_row_is_refused(self, tmp_path: Path, key: str) -> None:
        """Without its check value (or id) a store is not opened: no new secret is accepted."""
        SQLiteStore(tmp_path / "c.db", secret=SECRET).close()
        with closing(sqlite3.connect(tmp_path / "c.db")) as conn, conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        conn.close()
        for secret in (SECRET, b"another secret" * 3):
            with pytest.raises(StoreFileError, match="secret check value is missing"):
                SQLiteStore(tmp_path / "c.db", secret=secret)

    def test_check_value_is_keyed_not_the_secret(self, tmp_path: Path) -> None:
        """The file holds a random store id and an HMAC check value, never the secret."""
        SQLiteStore(tmp_path / "c.db", secret=SECRET).close()
        with closing(sqlite3.connect(tmp_path / "c.db")) as conn, conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        conn.close()
        assert sorted(meta) == ["secret_check", "store_id"]
        assert len(meta["store_id"]) == 32
        assert meta["secret_check"] == Keys.from_secret(SECRET).check_value()
        assert SECRET not in file_bytes(tmp_path)

    def test_empty_secret_is_refused(self, tmp_path: Path) -> None:
        """An empty secret would make the HMAC guessable and is refused."""
        with pytest.raises(WeakSecretError, match="secret"):
            SQLiteStore(tmp_path / "c.db", secret=b"")

    def test_repr_shows_no_secret(self, store: SQLiteStore) -> None:
        """The store's repr names the file and purposes, never the secret."""
        store.append([ev("give", subject=HETU)])
        text = repr(store)
        assert "consent.db" in text
        assert SECRET.decode() not in text
        assert HETU not in text
        assert HETU not in repr(store.history(HETU))
        assert HETU not in repr(store.record(HETU, "newsletter"))


class TestDecisions:
    def test_prohibition_beats_consent_for_direct_marketing(self, store: SQLiteStore) -> None:
        """A prohibition refuses a direct-marketing purpose, not other purposes."""
        store.append(
            [
                ev("give"),
                ev("give", purpose="research"),
                ev("prohibit_direct_marketing", minutes=1),
            ]
        )
        later = T0 + timedelta(minutes=2)
        decision = store.may_process("c-1", "newsletter", at=later)
        assert not decision
        assert decision.reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        assert decision.status is ConsentStatus.GIVEN
        assert store.may_process("c-1", "research", at=later).allowed

    def test_prohibition_in_time(self, store: SQLiteStore) -> None:
        """prohibited() answers for the moment asked: before, during and after a prohibition."""
        store.append(
            [ev("prohibit_direct_marketing", minutes=10), ev("lift_prohibition", minutes=20)]
        )
        answers = [store.prohibited("c-1", at=T0 + timedelta(minutes=m)) for m in (5, 10, 15, 25)]
        assert answers == [False, True, True, False]
        assert not store.prohibited("nobody", at=T0)

    def test_no_consent(self, store: SQLiteStore) -> None:
        """A subject without events has no consent."""
        assert store.may_process("nobody", "research", at=T0).reason is DecisionReason.NO_CONSENT
        assert store.record("nobody", "research") is None

    def test_expiry_by_valid_until(self, store: SQLiteStore) -> None:
        """A consent stops permitting processing at its valid_until."""
        store.append([ev("give", valid_until=T0 + timedelta(days=30))])
        assert store.may_process("c-1", "newsletter", at=T0 + timedelta(days=29))
        late = store.may_process("c-1", "newsletter", at=T0 + timedelta(days=30))
        assert late.reason is DecisionReason.CONSENT_EXPIRED

    def test_unknown_purpose(self, store: SQLiteStore) -> None:
        """may_process refuses an unknown purpose."""
        with pytest.raises(InvalidValueError, match="unknown purpose 'lottery'"):
            store.may_process("c-1", "lottery", at=T0)

    def test_naive_at(self, store: SQLiteStore) -> None:
        """may_process and prohibited refuse a naive moment."""
        with pytest.raises(InvalidValueError):
            store.may_process("c-1", "newsletter", at=NAIVE)
        with pytest.raises(InvalidValueError):
            store.prohibited("c-1", at=NAIVE)

    @settings(max_examples=60)
    @given(data=st.data())
    def test_agrees_with_fold_and_decide(self, data: st.DataObject) -> None:
        """For any legal history, record() is its fold and may_process() is decide() on it."""
        consent_kinds = [k for k in EventKind if not k.is_prohibition]
        status: ConsentStatus | None = None
        prohibited = False
        events: list[ConsentEvent] = []
        for minute in range(data.draw(st.integers(1, 12))):
            legal = [k for k in consent_kinds if (status, k) in TRANSITIONS]
            legal += [EventKind.PROHIBIT_DIRECT_MARKETING]
            legal += [EventKind.LIFT_PROHIBITION] if prohibited else []
            kind = data.draw(st.sampled_from(legal))
            days = data.draw(st.none() | st.integers(0, 3))
            until = None if days is None else T0 + timedelta(days=days, minutes=minute)
            events.append(ev(kind, minutes=minute, valid_until=until))
            if kind.is_prohibition:
                prohibited = kind is EventKind.PROHIBIT_DIRECT_MARKETING
            else:
                status = TRANSITIONS[status, kind]
        with SQLiteStore(":memory:", purposes=PURPOSES, secret=SECRET) as s:
            s.append(events[: len(events) // 2])
            s.append(events[len(events) // 2 :])
            consents = [e for e in events if not e.kind.is_prohibition]
            expected = ConsentRecord.fold(consents) if consents else None
            assert s.record("c-1", "newsletter") == expected
            for days in (0, 1, 2, 5):
                at = T0 + timedelta(days=days, hours=1)
                want = decide(expected, prohibited=prohibited, direct_marketing=True, at=at)
                assert s.may_process("c-1", "newsletter", at=at) == want
            assert s.verify().ok


class TestExport:
    def test_export_document(self, store: SQLiteStore) -> None:
        """The Art 15 export has the schema version, subject, prohibition and every event."""
        store.append(
            [
                ev("give", channel="web-form", evidence="seloste 2026-01", actor="subject"),
                ev("prohibit_direct_marketing", minutes=1),
            ]
        )
        document = orjson.loads(store.export("c-1"))
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

    def test_export_of_unknown_subject(self, store: SQLiteStore) -> None:
        """A subject the store never saw exports an empty history."""
        document = orjson.loads(store.export("nobody"))
        assert (document["events"], document["prohibited"]) == ([], False)


class TestErase:
    def test_erase_keeps_chain_and_prohibition(self, store: SQLiteStore, tmp_path: Path) -> None:
        """Erasure empties the consent events, keeps the prohibition and the chain verifies."""
        store.append(
            [
                ev("request", evidence="secret-evidence-1"),
                ev("give", minutes=1, evidence="secret-evidence-2"),
                ev("prohibit_direct_marketing", minutes=2),
                ev("give", subject="other", purpose="research"),
            ]
        )
        assert store.erase("c-1") == 2
        assert store.record("c-1", "newsletter") is None
        assert [e.kind for e in store.history("c-1")] == [EventKind.PROHIBIT_DIRECT_MARKETING]
        later = T0 + timedelta(minutes=3)
        assert store.prohibited("c-1", at=later)
        reason = store.may_process("c-1", "newsletter", at=later).reason
        assert reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        assert store.verify() == Verification(ok=True, events=5)  # 4 events and the erasure
        assert len(store.history("other")) == 1
        assert b"secret-evidence" not in file_bytes(tmp_path)
        assert store.erase("c-1") == 0

    def test_erased_subject_can_start_again(self, store: SQLiteStore) -> None:
        """After erasure without a prohibition a new consent starts a new record."""
        store.append([ev("give", minutes=5)])
        store.erase("c-1")
        store.append([ev("give")])
        record = store.record("c-1", "newsletter")
        assert record is not None
        assert len(record.events) == 1
        assert store.verify().ok


class TestSchema:
    @pytest.mark.usefixtures("store")
    def test_schema_version_and_index(self, tmp_path: Path) -> None:
        """A new file has schema version 3, WAL mode and the (subject, purpose, seq) index."""
        with closing(sqlite3.connect(tmp_path / "consent.db")) as conn, conn:
            assert conn.execute("SELECT version FROM schema_version").fetchall() == [(3,)]
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            columns = [r[2] for r in conn.execute("PRAGMA index_info(events_subject_purpose_seq)")]
        assert columns == ["subject", "purpose", "seq"]
        assert SCHEMA_VERSION == 3  # 3: keyed chains, store id, erasure rows

    @pytest.mark.parametrize("version", [1, 2])
    def test_unreleased_schema_is_refused(self, tmp_path: Path, version: int) -> None:
        """A file of an unreleased development version (schema 1 or 2) is refused clearly."""
        with closing(sqlite3.connect(tmp_path / "old.db")) as conn, conn:
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
            conn.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, digest TEXT)")
        conn.close()
        with pytest.raises(StoreFileError, match="unreleased development version of rekisteri"):
            SQLiteStore(tmp_path / "old.db", secret=SECRET)

    def test_newer_schema_is_refused(self, tmp_path: Path) -> None:
        """A file written by a newer schema is not opened."""
        SQLiteStore(tmp_path / "c.db", secret=SECRET).close()
        with closing(sqlite3.connect(tmp_path / "c.db")) as conn, conn:
            conn.execute("UPDATE schema_version SET version = 99")
        with pytest.raises(RekisteriError, match="schema version 99"):
            SQLiteStore(tmp_path / "c.db", secret=SECRET)


class TestForeignFiles:
    def test_other_applications_database_is_refused_untouched(self, tmp_path: Path) -> None:
        """A database with other tables is not made a store, and its bytes stay as they were."""
        path = tmp_path / "crm.db"
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("INSERT INTO customers (name) VALUES ('Esimerkki Oy')")
        conn.close()
        before = path.read_bytes()
        with pytest.raises(InvalidValueError, match="not a rekisteri store"):
            SQLiteStore(path, purposes=PURPOSES, secret=SECRET)
        assert path.read_bytes() == before
        assert not (tmp_path / "crm.db-wal").exists()

    def test_open_only_refuses_missing_and_empty_files(self, tmp_path: Path) -> None:
        """With create=False a missing file is not created and an empty one is not made a store."""
        missing = tmp_path / "missing.db"
        with pytest.raises(InvalidValueError, match="no such database file"):
            SQLiteStore(missing, create=False, secret=SECRET)
        assert not missing.exists()
        empty = tmp_path / "empty.db"
        empty.touch()
        with pytest.raises(InvalidValueError, match="empty"):
            SQLiteStore(empty, create=False, secret=SECRET)
        assert empty.read_bytes() == b""

    def test_open_only_reads_an_existing_store(self, tmp_path: Path) -> None:
        """create=False opens a store that exists."""
        with SQLiteStore(tmp_path / "c.db", purposes=PURPOSES, secret=SECRET) as store:
            store.append([ev("give")])
        with SQLiteStore(
            tmp_path / "c.db", purposes=PURPOSES, create=False, secret=SECRET
        ) as store:
            assert store.verify().events == 1


class TestSubjectsWithIdentityCodes:
    def test_subject_with_an_embedded_hetu_is_refused(self, store: SQLiteStore) -> None:
        """A subject that carries a valid henkilötunnus inside it is refused, not stored raw."""
        with pytest.raises(InvalidValueError, match="contains a henkilötunnus") as info:
            store.append([ev("give", subject=f"HETU:{HETU}")])
        assert HETU not in str(info.value)
        assert store.verify().events == 0

    def test_hetu_shaped_but_invalid_part_is_an_ordinary_id(self, store: SQLiteStore) -> None:
        """An id with a hetu-shaped part whose check character is wrong is an ordinary id."""
        store.append([ev("give", subject="order-010594Y9033")])
        assert store.record("order-010594Y9033", "newsletter") is not None

    def test_a_dated_running_number_needs_a_prefix(self, store: SQLiteStore) -> None:
        """'241125-003' has the shape of a code without its check character: refused, with advice.

        With a prefix it is an id of one's own and is stored as it is.
        """
        with pytest.raises(InvalidValueError, match="needs a prefix") as info:
            store.append([ev("give", subject="241125-003")])
        assert "241125-003" not in str(info.value)
        assert store.verify().events == 0
        store.append([ev("give", subject="order-241125-003")])
        assert store.record("order-241125-003", "newsletter") is not None

    def test_unknown_purpose_message_masks_a_hetu(self, store: SQLiteStore) -> None:
        """An identity code passed by mistake as the purpose is not echoed in the error."""
        with pytest.raises(InvalidValueError) as info:
            store.append([ev("give", purpose=HETU)])
        assert HETU not in str(info.value)
        assert "010594Y****" in str(info.value)


class TestKeyedLedger:
    """The attacks of the "ledgers that really show tampering" issue, against the consent ledger."""

    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        """A store with a consent, a prohibition and another subject's consent (rows 1-4)."""
        path = tmp_path / "consent.db"
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append(
                [
                    ev("give"),
                    ev("give", subject="d-2", minutes=1),
                    ev("prohibit_direct_marketing", minutes=2),
                    ev("lift_prohibition", minutes=3),
                ]
            )
        return path

    def tamper(self, path: Path, *statements: str) -> None:  # noqa: D102 - a helper
        with closing(sqlite3.connect(path)) as conn, conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()

    def verify(  # noqa: D102 - a helper
        self, path: Path, checkpoint: Checkpoint | None = None
    ) -> list[tuple[str, int]]:
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            return [(p.kind, p.seq) for p in s.verify(checkpoint).problems]

    @pytest.mark.parametrize(
        ("statement", "found"),
        [
            ("UPDATE events SET kind = 'prohibit_direct_marketing' WHERE seq = 4", ("edited", 4)),
            ("UPDATE events SET subject = 'd-2' WHERE seq = 1", ("edited", 1)),
            ("UPDATE events SET purpose = 'research' WHERE seq = 2", ("edited", 2)),
            ("UPDATE events SET at_us = at_us + 1 WHERE seq = 3", ("edited", 3)),
            ("UPDATE events SET at_us = 'soon' WHERE seq = 3", ("edited", 3)),
            ("UPDATE events SET status = 'withdrawn' WHERE seq = 1", ("state", 1)),
            ("UPDATE events SET valid_until_us = 0 WHERE seq = 1", ("state", 1)),
            ("UPDATE events SET status = 'given' WHERE seq = 3", ("state", 3)),
        ],
    )
    def test_every_column_a_decision_reads_is_checked(
        self, path: Path, statement: str, found: tuple[str, int]
    ) -> None:
        """A column edited behind the store (the decision may flip) is reported at its row."""
        self.tamper(path, statement)
        assert self.verify(path) == [found]

    def test_flipped_prohibition_is_reported(self, path: Path) -> None:
        """The issue's attack: a lift made a prohibition flips may_process; verify sees it."""
        later = T0 + timedelta(minutes=5)
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            assert s.may_process("c-1", "newsletter", at=later)
        self.tamper(path, "UPDATE events SET kind = 'prohibit_direct_marketing' WHERE seq = 4")
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            assert not s.may_process("c-1", "newsletter", at=later)
            assert not s.verify()

    def test_hand_blanked_row_is_reported(self, path: Path) -> None:
        """A row emptied the way erase empties rows, but without an erasure row, is reported."""
        self.tamper(
            path,
            "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
            " at_us = NULL, status = NULL, valid_until_us = NULL WHERE seq = 2",
        )
        assert self.verify(path) == [("erased_without_record", 2)]

    def test_erasure_row_names_seqs_not_the_subject(self, path: Path) -> None:
        """erase() appends a row naming the emptied rows; erased rows keep only a keyed digest."""
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("give", subject=HETU, minutes=4)])
            with closing(sqlite3.connect(path)) as conn, conn:
                (payload, digest) = conn.execute(
                    "SELECT payload, digest FROM events WHERE seq = 5"
                ).fetchone()
            conn.close()
            assert s.erase(HETU) == 1
            assert s.verify() == Verification(ok=True, events=6)
        with closing(sqlite3.connect(path)) as conn, conn:
            row = conn.execute("SELECT * FROM events WHERE seq = 5").fetchone()
            erasure = conn.execute(
                "SELECT subject, purpose, kind, payload FROM events WHERE seq = 6"
            ).fetchone()
        conn.close()
        assert row[5] is None
        assert row[6] == digest != hashlib.sha256(payload).digest()
        assert erasure[:3] == (None, None, "erasure")
        assert orjson.loads(erasure[3])["erased"] == [5]
        assert b"hmac-sha256" not in erasure[3]

    def test_forged_append_with_unkeyed_chain(self, path: Path) -> None:
        """A row appended with a recomputed (unkeyed) chain and a moved head is reported."""
        with closing(sqlite3.connect(path)) as conn, conn:
            (payload, prev) = conn.execute(
                "SELECT payload, hash FROM events WHERE seq = 3"
            ).fetchone()
            digest = hashlib.sha256(payload).digest()
            link = hashlib.sha256(prev + (5).to_bytes(8, "big") + digest).digest()
            conn.execute(
                "INSERT INTO events SELECT 5, subject, purpose, kind, at_us + 1, ?, ?, ?, ?,"
                " status, valid_until_us FROM events WHERE seq = 3",
                (payload, digest, prev, link),
            )
            conn.execute("UPDATE chain_head SET seq = 5, hash = ?", (link,))
        conn.close()
        assert ("edited", 5) in self.verify(path)

    def test_missing_and_damaged_head_are_reported_not_raised(self, path: Path) -> None:
        """Without its head row verify reports it, and append refuses with StoreFileError."""
        self.tamper(path, "DELETE FROM chain_head")
        assert self.verify(path) == [("broken_link", 4)]
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            with pytest.raises(StoreFileError, match="chain head"):
                s.append([ev("give", subject="e-3")])
            with pytest.raises(StoreFileError, match="chain head"):
                s.checkpoint()

    def test_wrong_column_types_are_reported(self, path: Path) -> None:
        """A short BLOB or a TEXT hash, a TEXT digest: reported as problems, never a crash."""
        self.tamper(
            path,
            "UPDATE events SET hash = x'00' WHERE seq = 2",
            "UPDATE events SET digest = 'abc' WHERE seq = 3",
        )
        found = self.verify(path)
        assert ("edited", 2) in found
        assert ("edited", 3) in found

    def test_missing_table_is_a_store_file_error(self, path: Path) -> None:
        """A dropped ledger table is a typed error, not an sqlite3 traceback."""
        self.tamper(path, "DROP TABLE events")
        with (
            SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s,
            pytest.raises(StoreFileError, match="cannot be read"),
        ):
            s.verify()

    def test_checkpoint_reveals_truncation_deletion_and_rollback(
        self, path: Path, tmp_path: Path
    ) -> None:
        """What the chain alone cannot show, a checkpoint kept elsewhere does."""
        old = tmp_path / "old-copy.db"
        old.write_bytes(path.read_bytes())
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("give", subject="e-3", minutes=9)])
            kept = s.checkpoint().to_json()
            assert s.verify(Checkpoint.from_json(kept)).ok
        checkpoint = Checkpoint.from_json(kept)
        assert checkpoint.heads["consent"].seq == 5
        assert set(checkpoint.heads) == {"consent", "requests"}
        copy = tmp_path / "copy.db"
        copy.write_bytes(path.read_bytes())
        # Truncation with the head moved back: the chain alone verifies.
        self.tamper(
            path,
            "DELETE FROM events WHERE seq = 5",
            "UPDATE chain_head SET seq = 4, hash = (SELECT hash FROM events WHERE seq = 4)",
        )
        assert self.verify(path) == []
        assert self.verify(path, checkpoint) == [("checkpoint", 5)]
        # Everything deleted.
        self.tamper(
            path, "DELETE FROM events", "UPDATE chain_head SET seq = 0, hash = zeroblob(32)"
        )
        assert self.verify(path) == []
        assert self.verify(path, checkpoint) == [("checkpoint", 5)]
        # An older copy of the file put back.
        assert self.verify(old) == []
        assert self.verify(old, checkpoint) == [("checkpoint", 5)]
        # The intact copy still matches.
        assert self.verify(copy, checkpoint) == []

    def test_checkpoint_of_another_store_or_forged(self, path: Path, tmp_path: Path) -> None:
        """A checkpoint of another store, or edited after signing, is reported as such."""
        with SQLiteStore(tmp_path / "other.db", purposes=PURPOSES, secret=SECRET) as other:
            foreign = other.checkpoint()
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            own = s.checkpoint()
        edited = attrs.evolve(own, heads={**own.heads, "consent": Head(seq=1, hash=bytes(32))})
        for checkpoint, message in ((foreign, "another store"), (edited, "not signed")):
            with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
                result = s.verify(checkpoint)
            assert [p.kind for p in result.problems] == ["checkpoint"]
            assert message in result.problems[0].message

    def test_blocked_wal_checkpoint_after_erasure_is_reported(self, path: Path) -> None:
        """A reader that keeps the WAL from being emptied makes erase raise after committing."""
        reader = sqlite3.connect(path, isolation_level=None)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM events").fetchone()
            with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
                s._conn.execute("PRAGMA busy_timeout = 10")  # keeps the test fast
                with pytest.raises(ErasureNotFlushedError, match="erase again") as e:
                    s.erase("c-1")
                assert e.value.erased == 1
                assert s.record("c-1", "newsletter") is None
                reader.execute("COMMIT")
                assert s.erase("c-1") == 0
                assert s.verify().ok
        finally:
            reader.close()


class TestReadsOfAlteredRows:
    @pytest.mark.parametrize(
        "payload", [b"{{{", b'{"purpose": "newsletter"}', b"[]", None], ids=str
    )
    def test_reads_refuse_rows_changed_behind_the_store(
        self, tmp_path: Path, payload: bytes | None
    ) -> None:
        """history, export and record give a typed error, never forged data or a raw traceback."""
        path = tmp_path / "consent.db"
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            s.append([ev("give"), ev("withdraw", minutes=1)])
        with closing(sqlite3.connect(path)) as conn, conn:
            if payload is None:  # a digest that no longer fits the unchanged data
                conn.execute("UPDATE events SET digest = zeroblob(32) WHERE seq = 2")
            else:
                conn.execute("UPDATE events SET payload = ? WHERE seq = 2", (payload,))
        conn.close()
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as s:
            for read in (
                lambda: s.history("c-1"),
                lambda: s.export("c-1"),
                lambda: s.record("c-1", "newsletter"),
            ):
                with pytest.raises(StoreFileError, match=r"row 2 .*changed outside rekisteri"):
                    read()
            assert not s.verify()
