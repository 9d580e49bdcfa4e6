"""Review tests for rekisteri.requests: DOMAIN §4.5 examples, holidays, zones, late refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import pytest

from rekisteri.errors import InvalidValueError
from rekisteri.requests import (
    DataSubjectRequest,
    FinnishHolidays,
    RequestEvent,
    response_deadline,
)
from rekisteri.store.sqlite import SQLiteStore

HELSINKI: Final = ZoneInfo("Europe/Helsinki")

#: Easter Sunday, from published calendars (not computed).
EASTER: Final = {
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
}


@pytest.mark.parametrize("year", sorted(EASTER))
def test_movable_holidays_2024_2030(year: int) -> None:
    """Easter-based holidays, Midsummer Day and All Saints' Day fall where the calendar has them."""
    easter = EASTER[year]
    days = FinnishHolidays().dates(year)
    by_name = {name: day for day, name in days.items()}
    assert by_name["pääsiäispäivä"] == easter
    assert by_name["pitkäperjantai"] == easter - timedelta(days=2)
    assert by_name["2. pääsiäispäivä"] == easter + timedelta(days=1)
    assert by_name["helatorstai"] == easter + timedelta(days=39)
    assert by_name["helatorstai"].weekday() == 3  # a Thursday
    midsummer = by_name["juhannuspäivä"]
    assert midsummer.weekday() == 5
    assert date(year, 6, 20) <= midsummer <= date(year, 6, 26)
    all_saints = by_name["pyhäinpäivä"]
    assert all_saints.weekday() == 5
    assert date(year, 10, 31) <= all_saints <= date(year, 11, 6)
    assert len(days) == 13
    eves = FinnishHolidays(eves=True).dates(year)
    assert eves[midsummer - timedelta(days=1)] == "juhannusaatto"
    assert eves[date(year, 12, 24)] == "jouluaatto"


# DOMAIN.md §4.5: received, 1 month due, 3 months from receipt, chained 1 m + 2 m.
DOMAIN_TABLE: Final = [
    (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 30), date(2025, 4, 28)),
    (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30), date(2024, 4, 29)),
    (date(2025, 2, 28), date(2025, 3, 28), date(2025, 5, 28), date(2025, 5, 28)),
    (date(2025, 8, 13), date(2025, 9, 15), date(2025, 11, 13), date(2025, 11, 13)),
    (date(2025, 11, 6), date(2025, 12, 8), date(2026, 2, 6), date(2026, 2, 6)),
    (date(2025, 11, 24), date(2025, 12, 24), date(2026, 2, 24), date(2026, 2, 24)),
    (date(2025, 3, 18), date(2025, 4, 22), date(2025, 6, 18), date(2025, 6, 18)),
    (date(2025, 12, 31), date(2026, 2, 2), date(2026, 3, 31), date(2026, 3, 31)),
]


@pytest.mark.parametrize(("received", "one", "three", "chained"), DOMAIN_TABLE)
def test_domain_worked_examples(received: date, one: date, three: date, chained: date) -> None:
    """Every row of DOMAIN.md's table, in all three columns."""
    assert response_deadline(received).due == one
    assert response_deadline(received, extension_months=2).due == three
    assert response_deadline(received, extension_months=2, rule="chained").due == chained


def test_christmas_eve_reading() -> None:
    """24.12.2025 is a working day by default and a holiday with eves=True (DOMAIN: 29.12)."""
    assert response_deadline(date(2025, 11, 24)).due == date(2025, 12, 24)
    eves = FinnishHolidays(eves=True)
    assert response_deadline(date(2025, 11, 24), holidays=eves).due == date(2025, 12, 29)


@pytest.mark.parametrize(
    ("received", "day", "due", "ends_at"),
    [
        # 23:30 local on the last day of a month, in summer time: still 31 March.
        (
            datetime(2025, 3, 31, 23, 30, tzinfo=HELSINKI),
            date(2025, 3, 31),
            date(2025, 4, 30),
            datetime(2025, 4, 30, 21, 0, tzinfo=UTC),
        ),
        # 23:30 local on 31 January (winter time): due on the last day of February.
        (
            datetime(2025, 1, 31, 23, 30, tzinfo=HELSINKI),
            date(2025, 1, 31),
            date(2025, 2, 28),
            datetime(2025, 2, 28, 22, 0, tzinfo=UTC),
        ),
        # Just after midnight in Helsinki, still 31 October in UTC.
        (
            datetime(2025, 10, 31, 22, 5, tzinfo=UTC),
            date(2025, 11, 1),
            date(2025, 12, 1),
            datetime(2025, 12, 1, 22, 0, tzinfo=UTC),
        ),
        # Just after midnight in Helsinki in summer (UTC+3), still 30 June in UTC.
        (
            datetime(2025, 6, 30, 21, 5, tzinfo=UTC),
            date(2025, 7, 1),
            date(2025, 8, 1),
            datetime(2025, 8, 1, 21, 0, tzinfo=UTC),
        ),
        # Received on the night the clocks go forward (30.3.2025 03:00 → 04:00).
        (
            datetime(2025, 3, 30, 1, 30, tzinfo=UTC),
            date(2025, 3, 30),
            date(2025, 4, 30),
            datetime(2025, 4, 30, 21, 0, tzinfo=UTC),
        ),
    ],
)
def test_receipt_day_and_end_in_helsinki(
    received: datetime, day: date, due: date, ends_at: datetime
) -> None:
    """The day of receipt is the Helsinki day; the deadline ends at Helsinki midnight."""
    deadline = response_deadline(received)
    assert deadline.received == day
    assert deadline.due == due
    assert deadline.ends_at == ends_at
    assert not deadline.is_overdue(ends_at - timedelta(microseconds=1))
    assert deadline.is_overdue(ends_at)


T0: Final = datetime(2025, 1, 31, 9, 0, tzinfo=UTC)  # first month ends at the end of 28.2.2025
FIRST_MONTH_ENDS: Final = datetime(2025, 2, 28, 22, 0, tzinfo=UTC)


def _refused(at: datetime, subject: str = "c-1") -> list[RequestEvent]:
    def event(kind: str, when: datetime, **kw: object) -> RequestEvent:
        return RequestEvent(request_id="r-1", subject=subject, kind=kind, at=when, **kw)  # type: ignore[arg-type]

    return [
        event("receive", T0, right="access"),
        event("acknowledge", T0 + timedelta(days=1)),
        event("reject", at, ground="manifestly_unfounded", reason="Ei perusteita."),
    ]


class TestLateRefusal:
    def test_refusal_within_the_first_month_is_not_late(self) -> None:
        """A refusal before the end of the first month's last day is on time."""
        request = DataSubjectRequest.fold(_refused(FIRST_MONTH_ENDS - timedelta(microseconds=1)))
        assert request.status.value == "rejected"
        assert request.refused_late is False

    def test_refusal_after_the_first_month_is_kept_and_flagged(self) -> None:
        """Art 12(4): a refusal after the first month is recorded, and marked late."""
        request = DataSubjectRequest.fold(_refused(FIRST_MONTH_ENDS))
        assert request.status.value == "rejected"
        assert request.refused_late is True
        assert request.refusal_reason == "Ei perusteita."

    def test_fulfilled_request_is_not_refused_late(self) -> None:
        """Only a refusal sets the flag."""
        late = FIRST_MONTH_ENDS + timedelta(days=3)
        events = [
            *_refused(late)[:2],
            RequestEvent(request_id="r-1", subject="c-1", kind="accept", at=late),
            RequestEvent(request_id="r-1", subject="c-1", kind="fulfil", at=late),
        ]
        assert DataSubjectRequest.fold(events).refused_late is False

    def test_the_flag_survives_the_store(self) -> None:
        """The store keeps the late refusal and derives the flag again when reading."""
        with SQLiteStore(":memory:", secret=b"test-secret") as store:
            store.append_requests(_refused(FIRST_MONTH_ENDS + timedelta(days=10), "131052-308T"))
            stored = store.request("r-1")
            assert stored is not None
            assert stored.refused_late is True
            assert [r.request_id for r in store.requests(only_open=False)] == ["r-1"]


def test_closing_without_action_needs_the_reasons() -> None:
    """close_unfulfilled without reasons is refused (Art 12(4)); with them it is an event."""
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with pytest.raises(InvalidValueError, match=r"Art 12\(4\)"):
        RequestEvent(request_id="r-1", subject="c-1", kind="close_unfulfilled", at=at)
    event = RequestEvent(
        request_id="r-1",
        subject="c-1",
        kind="close_unfulfilled",
        at=at,
        reason="Pyydettyjä tietoja ei ole rekisterissä.",
    )
    assert event.reason == "Pyydettyjä tietoja ei ole rekisterissä."
