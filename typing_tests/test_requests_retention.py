"""Requests and retention as the type checkers see them: checked by mypy --strict, never run."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, assert_type

from rekisteri.requests import (
    DataSubjectRequest,
    Deadline,
    RequestEvent,
    RequestStatus,
    due_within,
    overdue,
    response_deadline,
)
from rekisteri.retention import Action, ActionKind, Record, plan

if TYPE_CHECKING:
    from rekisteri.model import RetentionRule
    from rekisteri.store import RequestStore
    from rekisteri.store.sqlite import SQLiteStore


def deadlines() -> None:
    """A deadline's parts are dates and aware datetimes."""
    deadline = response_deadline(date(2025, 1, 31), extension_months=2)
    assert_type(deadline, Deadline)
    assert_type(deadline.due, date)
    assert_type(deadline.ends_at, datetime)
    assert_type(deadline.is_overdue(datetime.now(UTC)), bool)


def requests(store: SQLiteStore, events: list[RequestEvent]) -> None:
    """SQLiteStore is a RequestStore; the queries return folded requests."""
    protocol: RequestStore = store
    protocol.append_requests(events)
    found = protocol.request("r1")
    assert_type(found, DataSubjectRequest | None)
    assert_type(DataSubjectRequest.fold(events).status, RequestStatus)
    open_requests = protocol.requests(only_open=True)
    assert_type(overdue(open_requests, at=datetime.now(UTC)), list[DataSubjectRequest])
    assert_type(due_within(open_requests, 7, at=datetime.now(UTC)), list[DataSubjectRequest])


def retention(records: list[Record], rules: list[RetentionRule]) -> None:
    """plan() returns one typed Action per record."""
    actions = plan(records, rules, today=date(2026, 1, 1))
    assert_type(actions, list[Action])
    assert_type(actions[0].kind, ActionKind)
    assert_type(actions[0].until, date | None)
