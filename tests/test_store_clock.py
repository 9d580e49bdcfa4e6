"""An event dated ahead of the store's clock (A11's M11), SQLite and PostgreSQL alike.

A date typed decades ahead (2062 for 2026) used to be stored, and then the
person's withdrawal (Art 7(3)) or objection (Art 21) made now was refused as
"earlier than the subject's last stored event". The stores now refuse an
event more than ``max_clock_skew`` ahead of their clock
(:class:`~rekisteri.errors.FutureEventError`), requests alike, and a
withdrawal or objection made now that is earlier than an event dated ahead
within the skew is recorded at that event's moment.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent
from rekisteri.errors import FutureEventError, InvalidValueError, ModelTypeError
from rekisteri.requests import RequestEvent
from rekisteri.store.sqlite import SQLiteStore
from tests.test_cli_consent import REGISTER

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import CliRunner

SECRET = b"c" * 32
PURPOSES = {"newsletter": True, "billing": False}
DECADES = timedelta(days=36 * 365)  # 2062 for 2026
ENV: dict[str, str | None] = {
    "REKISTERI_SECRET": "clock-test-secret-at-least-32-bytes",
    "REKISTERI_PURPOSES": None,
}


def consent(kind: str, at: datetime, purpose: str = "newsletter") -> ConsentEvent:
    if kind in ("prohibit_direct_marketing", "lift_prohibition"):
        purpose = "*"
    return ConsentEvent(subject="c-1", purpose=purpose, kind=kind, at=at)


def receive(at: datetime, request_id: str = "r-1") -> RequestEvent:
    return RequestEvent(request_id=request_id, subject="c-1", kind="receive", at=at, right="access")


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """Open a fresh store of the kind (keyword arguments go to the store)."""
    opened: list[Any] = []
    if request.param == "sqlite":

        def sqlite(**kwargs: Any) -> Any:
            made = SQLiteStore(":memory:", secret=SECRET, purposes=PURPOSES, **kwargs)
            opened.append(made)
            return made

        yield sqlite
    else:
        dsn = request.getfixturevalue("postgres_dsn")
        psycopg = pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
        from rekisteri.store.postgres import PostgresStore

        schemas: list[str] = []

        def postgres(**kwargs: Any) -> Any:
            schema = f"clock_{uuid.uuid4().hex[:10]}"
            schemas.append(schema)
            made = PostgresStore(
                dsn, secret=SECRET, purposes=PURPOSES, schema=schema, create=True, **kwargs
            )
            opened.append(made)
            return made

        yield postgres
        for made in opened:
            made.close()
        with psycopg.connect(dsn, autocommit=True) as conn:
            for schema in schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'.encode())
        return
    for made in opened:
        made.close()


@pytest.mark.parametrize("then", ["withdraw", "prohibit_direct_marketing"])
def test_an_event_decades_ahead_is_refused(open_store: Callable[..., Any], then: str) -> None:
    """The typo is refused (nothing stored); the person's act made now is then recorded."""
    store = open_store()
    now = datetime.now(UTC)
    store.append([consent("give", now - timedelta(days=1))])
    with pytest.raises(
        FutureEventError, match=r"^events\[1\]\.at: more than 0:05:00 ahead"
    ) as info:
        store.append([consent("give", now, "billing"), consent("renew", now + DECADES)])
    assert "c-1" not in str(info.value)
    assert isinstance(info.value, InvalidValueError)
    assert store.record("c-1", "billing") is None  # the whole batch was refused
    store.append([consent(then, now)])
    assert not store.may_process("c-1", "newsletter", at=now + timedelta(seconds=1))
    assert store.verify().ok


def test_a_request_received_decades_ahead_is_refused(open_store: Callable[..., Any]) -> None:
    """A receipt dated 2062 would never be overdue: it is refused, the store is unchanged."""
    store = open_store()
    now = datetime.now(UTC)
    with pytest.raises(FutureEventError, match=r"^events\[0\]\.at: more than"):
        store.append_requests([receive(now + DECADES)])
    assert store.request("r-1") is None
    store.append_requests([receive(now)])
    assert store.request("r-1") is not None


def test_an_event_within_the_skew_is_stored(open_store: Callable[..., Any]) -> None:
    """A clock a minute ahead (another host's) is within the default five minutes."""
    store = open_store()
    ahead = datetime.now(UTC) + timedelta(minutes=1)
    store.append([consent("give", ahead)])
    store.append_requests([receive(ahead)])
    assert store.record("c-1", "newsletter") is not None


def test_the_skew_is_configurable(open_store: Callable[..., Any]) -> None:
    """max_clock_skew=0 refuses a second ahead; an hour takes half an hour ahead."""
    strict = open_store(max_clock_skew=timedelta(0))
    ahead = datetime.now(UTC) + timedelta(seconds=5)
    with pytest.raises(FutureEventError, match=r"more than 0:00:00 ahead"):
        strict.append([consent("give", ahead)])
    with pytest.raises(FutureEventError):
        strict.append_requests([receive(ahead)])
    loose = open_store(max_clock_skew=timedelta(hours=1))
    loose.append([consent("give", datetime.now(UTC) + timedelta(minutes=30))])


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (timedelta(seconds=-1), InvalidValueError),
        (timedelta(hours=1, microseconds=1), InvalidValueError),
        (300, ModelTypeError),
        (None, ModelTypeError),
    ],
)
def test_a_wrong_skew_is_refused(value: object, error: type[Exception]) -> None:
    """A negative skew, one over an hour, or not a timedelta is a typed error at open."""
    with pytest.raises(error, match=r"^max_clock_skew: "):
        SQLiteStore(":memory:", secret=SECRET, purposes=PURPOSES, max_clock_skew=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("then", ["withdraw", "prohibit_direct_marketing"])
def test_the_persons_act_now_is_recorded_after_an_event_a_little_ahead(
    open_store: Callable[..., Any], then: str
) -> None:
    """A withdrawal or objection made now, before an event dated 3 minutes ahead, is stored.

    It is recorded at that event's moment (the earliest the ledger's time order
    allows); from then on it is in force, and the ledger still verifies.
    """
    store = open_store()
    now = datetime.now(UTC)
    ahead = now + timedelta(minutes=3)
    store.append([consent("give", now - timedelta(days=1)), consent("give", ahead, "billing")])
    store.append([consent(then, now)])
    history = store.history("c-1")
    assert [e.kind.value for e in history][-1] == then
    assert history[-1].at == ahead
    assert not store.may_process("c-1", "newsletter", at=ahead)
    assert store.verify().ok


def test_an_old_withdrawal_is_still_refused_when_earlier(open_store: Callable[..., Any]) -> None:
    """Only an act made now moves: a withdrawal dated a week back stays refused as earlier."""
    store = open_store()
    now = datetime.now(UTC)
    store.append([consent("give", now - timedelta(days=10)), consent("give", now, "billing")])
    with pytest.raises(InvalidValueError, match="earlier than the subject's last stored event"):
        store.append([consent("withdraw", now - timedelta(days=7))])


def test_other_kinds_are_not_moved(open_store: Callable[..., Any]) -> None:
    """A give made now before an event a little ahead is refused as before.

    Only the person's withdrawal and objection are moved.
    """
    store = open_store()
    now = datetime.now(UTC)
    store.append([consent("give", now + timedelta(minutes=3), "billing")])
    with pytest.raises(InvalidValueError, match="earlier than the subject's last stored event"):
        store.append([consent("give", now)])


def test_open_store_passes_the_skew_on(tmp_path: Path) -> None:
    """open_store(max_clock_skew=...) reaches the store it opens."""
    from rekisteri.store import open_store

    store = open_store(
        tmp_path / "s.db", secret=SECRET, purposes=PURPOSES, create=True,
        max_clock_skew=timedelta(0),
    )  # fmt: skip
    with store, pytest.raises(FutureEventError):
        store.append([consent("give", datetime.now(UTC) + timedelta(seconds=5))])


# --- the command line ---------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "s.db"


def test_cli_consent_record_refuses_a_date_decades_ahead(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    """`consent record --at 2062-…` exits 2 with the typed error's message; nothing stored."""
    purposes = tmp_path / "register.toml"
    purposes.write_text(REGISTER, encoding="utf-8")
    ahead = (datetime.now(UTC) + DECADES).strftime("%Y-%m-%dT%H:%MZ")
    common = ["--db", str(db), "--subject", "c-1", "--purposes", str(purposes)]
    give = ["--purpose", "newsletter", "--event", "give"]
    result = runner.invoke(cli, ["consent", "record", *common, *give, "--at", ahead], env=ENV)
    assert result.exit_code == 2, result.output
    assert "ahead of the store's clock" in result.output
    result = runner.invoke(
        cli, ["consent", "record", *common, "--event", "prohibit_direct_marketing"], env=ENV
    )
    assert result.exit_code == 0, result.output


def test_cli_requests_record_refuses_a_date_decades_ahead(runner: CliRunner, db: Path) -> None:
    """`requests record --event receive --at 2062-…` exits 2 with the typed error's message."""
    ahead = (datetime.now(UTC) + DECADES).strftime("%Y-%m-%dT%H:%MZ")
    result = runner.invoke(
        cli,
        [
            "requests", "record", "--db", str(db), "--request", "r-1", "--subject", "c-1",
            "--event", "receive", "--right", "access", "--at", ahead,
        ],
        env=ENV,
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "ahead of the store's clock" in result.output
