"""A decision about a past moment uses the consent status of that moment (A11's M10).

Art 7(1): the controller must be able to show that consent was valid when the
data were processed. ``may_process(at=...)`` before the latest event reads the
status then, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from rekisteri.consent import ConsentEvent
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator

SECRET = b"d" * 32
PURPOSES = {"newsletter": True, "billing": False}
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def event(subject: str, kind: str, days: float, purpose: str = "newsletter") -> ConsentEvent:
    return ConsentEvent(subject=subject, purpose=purpose, kind=kind, at=at(days))


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Iterator[Any]:
    if request.param == "sqlite":
        with SQLiteStore(":memory:", secret=SECRET, purposes=PURPOSES) as made:
            yield made
        return
    dsn = request.getfixturevalue("postgres_dsn")
    pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
    from rekisteri.store.postgres import PostgresStore

    schema = "decision_at_" + uuid.uuid4().hex[:8].translate(
        str.maketrans("0123456789", "ghijklmnop")
    )
    with PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema, create=True) as made:
        yield made


def test_a_withdrawn_consent_was_valid_before_the_withdrawal(store: Any) -> None:
    store.append([event("c-1", "give", 0), event("c-1", "withdraw", 10)])
    assert store.may_process("c-1", "newsletter", at=at(5)).reason.value == "consent_valid"
    assert store.may_process("c-1", "newsletter", at=at(10)).reason.value == "consent_not_valid"
    assert store.may_process("c-1", "newsletter", at=at(-1)).reason.value == "no_consent"


def test_a_later_consent_did_not_exist_before_it_was_given(store: Any) -> None:
    store.append([event("c-4", "give", 10)])
    assert store.may_process("c-4", "newsletter", at=at(5)).reason.value == "no_consent"
    assert store.may_process("c-4", "newsletter", at=at(11)).allowed


def test_the_prohibition_and_the_status_are_read_at_the_same_moment(store: Any) -> None:
    store.append(
        [
            event("c-2", "give", 0),
            ConsentEvent(subject="c-2", purpose="*", kind="prohibit_direct_marketing", at=at(3)),
            event("c-2", "withdraw", 6),
        ]
    )
    assert store.may_process("c-2", "newsletter", at=at(1)).allowed
    assert store.may_process("c-2", "newsletter", at=at(4)).reason.value == (
        "direct_marketing_prohibited"
    )
