"""Tests for rekisteri.requests: deadlines, holidays, the request state machine, late refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.errors import InvalidTransitionError, InvalidValueError, RekisteriError
from rekisteri.model import Right
from rekisteri.requests import (
    REQUESTABLE_RIGHTS,
    TRANSITIONS,
    DataSubjectRequest,
    ExtensionRule,
    FinnishHolidays,
    IdentityStatus,
    NoHolidays,
    RefusalGround,
    RequestEvent,
    RequestEventKind,
    RequestStatus,
    add_months,
    next_request_status,
    refusal_reply,
    response_deadline,
)
from rekisteri.store.sqlite import SQLiteStore

HELSINKI: Final = ZoneInfo("Europe/Helsinki")

# --- an independent oracle ------------------------------------------------------------
# Written differently from the library on purpose: months are stepped one at a
# time, a missing day is found by trying the date and stepping back, and the
# Finnish holidays are typed in by hand from the calendar (not computed).


def _oracle_add(day: date, months: int) -> date:
    year, month = day.year, day.month
    for _ in range(months):
        month += 1
        if month == 13:
            year, month = year + 1, 1
    for candidate in range(day.day, 27, -1):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    return date(year, month, day.day)


_HOLIDAYS_TYPED_IN: Final = """
2024-01-01 2024-01-06 2024-03-29 2024-03-31 2024-04-01 2024-05-01 2024-05-09 2024-05-19
2024-06-22 2024-11-02 2024-12-06 2024-12-25 2024-12-26
2025-01-01 2025-01-06 2025-04-18 2025-04-20 2025-04-21 2025-05-01 2025-05-29 2025-06-08
2025-06-21 2025-11-01 2025-12-06 2025-12-25 2025-12-26
2026-01-01 2026-01-06 2026-04-03 2026-04-05 2026-04-06 2026-05-01 2026-05-14 2026-05-24
2026-06-20 2026-10-31 2026-12-06 2026-12-25 2026-12-26
"""
_EVES_TYPED_IN: Final = "2024-06-21 2024-12-24 2025-06-20 2025-12-24 2026-06-19 2026-12-24"
HOLIDAYS: Final = frozenset(date.fromisoformat(d) for d in _HOLIDAYS_TYPED_IN.split())
EVES: Final = frozenset(date.fromisoformat(d) for d in _EVES_TYPED_IN.split())


def _oracle_roll(day: date, holidays: frozenset[date]) -> date:
    while day.isoweekday() in (6, 7) or day in holidays:
        day = day + timedelta(days=1)
    return day


def _oracle_due(received: date, extension: int, *, chained: bool, eves: bool) -> date:
    holidays = HOLIDAYS | EVES if eves else HOLIDAYS
    if chained:
        end = _oracle_add(_oracle_add(received, 1), extension)
    else:
        end = _oracle_add(received, 1 + extension)
    return _oracle_roll(end, holidays)


def _every_day(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


class TestDeadlineTables:
    @pytest.mark.parametrize("year", [2024, 2025])  # a leap and a non-leap year
    @pytest.mark.parametrize("extension", [0, 1, 2])
    @pytest.mark.parametrize("rule", list(ExtensionRule))
    @pytest.mark.parametrize("eves", [False, True])
    def test_every_day_of_the_year_agrees_with_the_oracle(
        self, year: int, extension: int, rule: ExtensionRule, *, eves: bool
    ) -> None:
        """For every day of receipt the due date equals the oracle's."""
        holidays = FinnishHolidays(eves=eves)
        chained = rule is ExtensionRule.CHAINED
        wrong = [
            day
            for day in _every_day(year)
            if response_deadline(day, extension_months=extension, holidays=holidays, rule=rule).due
            != _oracle_due(day, extension, chained=chained, eves=eves)
        ]
        assert wrong == []

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_holiday_calendar_matches_the_typed_in_dates(self, year: int) -> None:
        """The computed Finnish holidays are the ones typed in from the calendar."""
        computed = set(FinnishHolidays().dates(year))
        assert computed == {d for d in HOLIDAYS if d.year == year}
        with_eves = set(FinnishHolidays(eves=True).dates(year))
        assert with_eves - computed == {d for d in EVES if d.year == year}

    @pytest.mark.parametrize(
        ("received", "one", "three", "chained"),
        [  # DOMAIN.md §4.5 worked examples
            ("2025-01-31", "2025-02-28", "2025-04-30", "2025-04-28"),
            ("2024-01-31", "2024-02-29", "2024-04-30", "2024-04-29"),
            ("2025-02-28", "2025-03-28", "2025-05-28", "2025-05-28"),
            ("2025-08-13", "2025-09-15", "2025-11-13", "2025-11-13"),
            ("2025-11-06", "2025-12-08", "2026-02-06", "2026-02-06"),
            ("2025-03-18", "2025-04-22", "2025-06-18", "2025-06-18"),
            ("2025-12-31", "2026-02-02", "2026-03-31", "2026-03-31"),
        ],
    )
    def test_domain_worked_examples(
        self, received: str, one: str, three: str, chained: str
    ) -> None:
        """The worked examples of DOMAIN.md §4.5 come out as documented."""
        day = date.fromisoformat(received)
        assert response_deadline(day).due.isoformat() == one
        assert response_deadline(day, extension_months=2).due.isoformat() == three
        got = response_deadline(day, extension_months=2, rule=ExtensionRule.CHAINED)
        assert got.due.isoformat() == chained

    def test_christmas_eve_depends_on_the_reading(self) -> None:
        """24.11.2025 is due 24.12 by default, 29.12 when the eves count as holidays."""
        day = date(2025, 11, 24)
        assert response_deadline(day).due == date(2025, 12, 24)
        assert response_deadline(day, holidays=FinnishHolidays(eves=True)).due == date(2025, 12, 29)
        assert response_deadline(day, extension_months=3 - 1).due == date(2026, 2, 24)

    def test_no_holidays_only_weekends_move(self) -> None:
        """With NoHolidays Good Friday is a working day."""
        assert response_deadline(date(2025, 3, 18), holidays=NoHolidays()).due == date(2025, 4, 18)


class TestTimeZones:
    def test_receipt_day_is_the_helsinki_day(self) -> None:
        """22:30 UTC on 31 January is already 1 February in Helsinki."""
        received = datetime(2025, 1, 31, 22, 30, tzinfo=UTC)
        deadline = response_deadline(received)
        assert deadline.received == date(2025, 2, 1)
        assert deadline.due == date(2025, 3, 3)  # 1.3.2025 is a Saturday
        assert response_deadline(received, tz=UTC).due == date(2025, 2, 28)

    @pytest.mark.parametrize(
        ("received", "ends_at_utc"),
        [
            (date(2025, 2, 27), datetime(2025, 3, 27, 22, 0, tzinfo=UTC)),  # winter time
            (date(2025, 3, 3), datetime(2025, 4, 3, 21, 0, tzinfo=UTC)),  # summer time
            # due Fri 28.3.2025, two days before the clocks go forward
            (date(2025, 2, 28), datetime(2025, 3, 28, 22, 0, tzinfo=UTC)),
            # 29.3.2024 is Good Friday, then Easter: due Tue 2.4.2024, summer time
            (date(2024, 2, 29), datetime(2024, 4, 2, 21, 0, tzinfo=UTC)),
            # due Sat 25.10 → Mon 27.10.2025, after the clocks went back on 26.10
            (date(2025, 9, 25), datetime(2025, 10, 27, 22, 0, tzinfo=UTC)),
        ],
    )
    def test_deadline_ends_at_helsinki_midnight(
        self, received: date, ends_at_utc: datetime
    ) -> None:
        """The deadline ends at midnight Helsinki time, with the offset of that day."""
        deadline = response_deadline(received)
        assert deadline.ends_at == ends_at_utc
        local = deadline.ends_at.astimezone(HELSINKI)
        assert (local.hour, local.minute) == (0, 0)
        assert local.date() == deadline.due + timedelta(days=1)
        assert not deadline.is_overdue(ends_at_utc - timedelta(microseconds=1))
        assert deadline.is_overdue(ends_at_utc)

    def test_due_on_the_day_clocks_go_forward(self) -> None:
        """30.1.2025 + 2 months is Sun 30.3.2025 (DST starts): due Mon 31.3, ends 21:00 UTC."""
        deadline = response_deadline(date(2025, 1, 30), extension_months=1)
        assert deadline.unrolled == date(2025, 3, 30)
        assert deadline.due == date(2025, 3, 31)
        assert deadline.ends_at == datetime(2025, 3, 31, 21, 0, tzinfo=UTC)

    def test_receipt_in_the_repeated_hour(self) -> None:
        """A request received in the hour that repeats when DST ends counts on that day."""
        first = datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # 03:30 EEST
        second = datetime(2025, 10, 26, 1, 30, tzinfo=UTC)  # 03:30 EET
        assert response_deadline(first).received == response_deadline(second).received
        assert response_deadline(first).due == date(2025, 11, 26)

    def test_other_offsets_are_converted(self) -> None:
        """A datetime in another zone is converted to Helsinki before taking its day."""
        new_york = timezone(timedelta(hours=-5))
        received = datetime(2025, 1, 31, 18, 0, tzinfo=new_york)  # 1.2 01:00 in Helsinki
        assert response_deadline(received).received == date(2025, 2, 1)

    @given(
        st.datetimes(
            min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
            max_value=datetime(2090, 12, 31),  # noqa: DTZ001
            timezones=st.just(HELSINKI),
        ),
        st.integers(0, 2),
    )
    def test_properties(self, received: datetime, extension: int) -> None:
        """The due day is a working day on or after the period's end, and chained is never later."""
        deadline = response_deadline(received, extension_months=extension)
        assert deadline.due >= deadline.unrolled
        assert deadline.due.isoweekday() < 6
        assert not FinnishHolidays().is_holiday(deadline.due)
        assert (deadline.due - deadline.unrolled).days <= 4
        assert deadline.unrolled == add_months(received.date(), 1 + extension)
        chained = response_deadline(received, extension_months=extension, rule="chained")
        assert chained.due <= deadline.due
        assert not deadline.is_overdue(received)


class TestBadInput:
    def test_naive_datetime(self) -> None:
        """A naive datetime is refused with a typed error."""
        with pytest.raises(InvalidValueError, match="time zone"):
            response_deadline(datetime(2025, 1, 31, 12, 0))  # noqa: DTZ001 - on purpose

    @pytest.mark.parametrize("extension", [-1, 3, 12, True, 1.0, "1"])
    def test_bad_extension(self, extension: object) -> None:
        """Negative, too long or non-integer extensions are refused."""
        with pytest.raises(InvalidValueError, match="extension_months"):
            response_deadline(date(2025, 1, 31), extension_months=extension)  # type: ignore[arg-type]

    @pytest.mark.parametrize("received", ["2025-01-31", 20250131, None])
    def test_not_a_date(self, received: object) -> None:
        """Something that is not a date is refused."""
        with pytest.raises(InvalidValueError, match="received"):
            response_deadline(received)  # type: ignore[arg-type]

    def test_unknown_rule(self) -> None:
        """An unknown extension rule is refused."""
        with pytest.raises(InvalidValueError, match="rule"):
            response_deadline(date(2025, 1, 31), rule="whenever")

    @pytest.mark.parametrize("months", [-1, True])
    def test_add_months_negative(self, months: int) -> None:
        """add_months refuses a negative or boolean number of months."""
        with pytest.raises(InvalidValueError):
            add_months(date(2025, 1, 31), months)

    def test_naive_overdue_check(self) -> None:
        """Deadline.is_overdue refuses a naive datetime."""
        with pytest.raises(InvalidValueError):
            response_deadline(date(2025, 1, 31)).is_overdue(datetime(2025, 3, 1))  # noqa: DTZ001


# --- events and the state machine ------------------------------------------------

T0: Final = datetime(2025, 1, 31, 10, 0, tzinfo=UTC)


def ev(kind: str, *, days: float = 0, **kw: object) -> RequestEvent:
    """An event of request r1 of subject c-1, *days* after T0."""
    if kind == "receive":
        kw.setdefault("right", "erasure")
    return RequestEvent(
        request_id="r1",
        subject="c-1",
        kind=kind,
        at=T0 + timedelta(days=days),
        **kw,  # type: ignore[arg-type] # test helper passes optional fields through
    )


class TestRequestEvent:
    @pytest.mark.parametrize("right", ["teleportation", "", 15, None])
    def test_unknown_right(self, right: object) -> None:
        """An unknown or missing right on a receive event is a typed error."""
        with pytest.raises(InvalidValueError, match="right"):
            ev("receive", right=right)

    @pytest.mark.parametrize("right", [Right.COMPLAINT, Right.WITHDRAW_CONSENT])
    def test_rights_not_requested_from_the_controller(self, right: Right) -> None:
        """A complaint or a consent withdrawal is not a request to the controller."""
        assert right not in REQUESTABLE_RIGHTS
        with pytest.raises(InvalidValueError, match="not exercised by a request"):
            ev("receive", right=right)

    def test_right_only_on_receive(self) -> None:
        """Only the receive event names the right."""
        with pytest.raises(InvalidValueError, match="right"):
            ev("acknowledge", right="access")

    @pytest.mark.parametrize("months", [None, 0, 3, -1, True])
    def test_extend_needs_one_or_two_months(self, months: object) -> None:
        """An extension is 1 or 2 months."""
        with pytest.raises(InvalidValueError, match="extension_months"):
            ev("extend", extension_months=months, reason="complex")

    def test_extend_needs_a_reason(self) -> None:
        """An extension without a reason is refused (the subject must be told why)."""
        with pytest.raises(InvalidValueError, match="why"):
            ev("extend", extension_months=2)

    def test_reject_needs_ground_and_reason(self) -> None:
        """A refusal needs both a ground and reasons."""
        with pytest.raises(InvalidValueError, match="ground"):
            ev("reject", reason="no")
        with pytest.raises(InvalidValueError, match="ground"):
            ev("reject", ground="excessive")
        with pytest.raises(InvalidValueError, match="ground"):
            ev("accept", ground="excessive")

    def test_unknown_kind_and_naive_time(self) -> None:
        """Unknown kinds and naive times are typed errors."""
        with pytest.raises(InvalidValueError, match="kind"):
            ev("teleport")
        with pytest.raises(InvalidValueError, match="time zone"):
            RequestEvent(
                request_id="r1",
                subject="c-1",
                kind="receive",
                at=datetime(2025, 1, 1),  # noqa: DTZ001 - on purpose
                right="access",
            )

    def test_subject_not_in_repr(self) -> None:
        """The subject is left out of the repr."""
        event = RequestEvent(
            request_id="r1", subject="131052-308T", kind="receive", at=T0, right="access"
        )
        assert "131052" not in repr(event)


class TestTransitions:
    def test_every_pair_outside_the_table_is_refused(self) -> None:
        """Each (status, event) pair not in the table raises InvalidTransitionError."""
        refused = 0
        for status in [None, *RequestStatus]:
            for kind in RequestEventKind:
                if (status, kind) in TRANSITIONS:
                    assert next_request_status(status, kind) is TRANSITIONS[status, kind]
                    continue
                with pytest.raises(InvalidTransitionError) as info:
                    next_request_status(status, kind)
                assert (info.value.state, info.value.event) == (status, kind)
                refused += 1
        assert refused > 60

    @pytest.mark.parametrize(
        "kinds",
        [
            ["receive", "fulfil"],
            ["receive", "accept"],
            ["receive", "acknowledge", "fulfil"],
            ["receive", "acknowledge", "perform_action"],
            ["acknowledge"],
        ],
    )
    def test_skipping_steps(self, kinds: list[str]) -> None:
        """Skipping a step of the lifecycle is an illegal transition."""
        with pytest.raises(InvalidTransitionError):
            DataSubjectRequest.fold([ev(k) for k in kinds])

    def test_final_statuses_stay_closed(self) -> None:
        """Nothing happens to a fulfilled, rejected or unfulfilled request."""
        final = [s for s in RequestStatus if s.is_final]
        assert {s.value for s in final} == {"rejected", "fulfilled", "unfulfilled"}
        assert not any(status in final for status, _ in TRANSITIONS)

    def test_dpv_iris(self) -> None:
        """Every status has its DPV request-status IRI."""
        assert RequestStatus.REQUIRED_ACTION_PERFORMED.dpv == (
            "https://w3id.org/dpv#RequestRequiredActionPerformed"
        )
        assert all(s.dpv.startswith("https://w3id.org/dpv#Request") for s in RequestStatus)


class TestFold:
    def test_full_lifecycle(self) -> None:
        """Identity check, acceptance, extension and fulfilment fold to the right state."""
        request = DataSubjectRequest.fold(
            [
                ev("receive", channel="letter", identity="not_verified"),
                ev("acknowledge", days=1),
                ev("require_action", days=1, identity="requested", notes="asked for ID"),
                ev("perform_action", days=5, identity="verified"),
                ev("accept", days=5),
                ev("extend", days=20, extension_months=2, reason="many systems"),
                ev("fulfil", days=60),
            ]
        )
        assert request.status is RequestStatus.FULFILLED
        assert request.identity is IdentityStatus.VERIFIED
        assert request.right is Right.ERASURE
        assert request.channel == "letter"
        assert request.notes == ("asked for ID",)
        assert request.deadline.due == date(2025, 4, 30)
        assert request.extension_reason == "many systems"
        assert not request.is_open
        assert not request.is_overdue(T0 + timedelta(days=365))

    def test_extension_at_the_last_moment_of_the_first_month(self) -> None:
        """An extension told before the first month ends is accepted; a microsecond later is not."""
        end = response_deadline(T0).ends_at
        start = [ev("receive"), ev("acknowledge"), ev("accept")]

        def extend(at: datetime) -> RequestEvent:
            return RequestEvent(
                request_id="r1",
                subject="c-1",
                kind="extend",
                at=at,
                extension_months=1,
                reason="x",
            )

        ok = DataSubjectRequest.fold([*start, extend(end - timedelta(microseconds=1))])
        assert ok.deadline.due == date(2025, 3, 31)
        with pytest.raises(InvalidValueError, match="first month"):
            DataSubjectRequest.fold([*start, extend(end)])

    def test_out_of_order_and_mixed_events(self) -> None:
        """Events out of time order or of another request are refused."""
        with pytest.raises(InvalidValueError, match="earlier"):
            DataSubjectRequest.fold([ev("receive", days=1), ev("acknowledge")])
        other = RequestEvent(request_id="r2", subject="c-1", kind="acknowledge", at=T0)
        with pytest.raises(InvalidValueError, match="one request"):
            DataSubjectRequest.fold([ev("receive"), other])
        with pytest.raises(InvalidValueError, match="at least one"):
            DataSubjectRequest.fold([])

    def test_overdue_open_request(self) -> None:
        """An open request is overdue from the end of its due day."""
        request = DataSubjectRequest.fold([ev("receive"), ev("acknowledge")])
        assert request.is_open
        assert not request.is_overdue(datetime(2025, 2, 28, 21, 59, tzinfo=UTC))
        assert request.is_overdue(datetime(2025, 2, 28, 22, 0, tzinfo=UTC))


class TestRefusal:
    @pytest.mark.parametrize(
        ("locale", "authority"),
        [
            ("fi", "tietosuojavaltuutetun toimisto"),
            ("sv", "dataombudsmannens byrå"),
            ("en", "Office of the Data Protection Ombudsman"),
        ],
    )
    @pytest.mark.parametrize("ground", list(RefusalGround))
    def test_reply_names_the_ground_reason_and_complaint_right(
        self, locale: str, authority: str, ground: RefusalGround
    ) -> None:
        """The refusal reply has the reasons and the right to complain to the Ombudsman."""
        request = DataSubjectRequest.fold(
            [ev("receive"), ev("acknowledge"), ev("reject", ground=ground, reason="Syy X.")]
        )
        assert request.refusal_ground is ground
        reply = refusal_reply(request, locale=locale)
        assert authority in reply
        assert "Syy X." in reply
        assert str(getattr(Right.ERASURE.label, locale)) in reply

    def test_reply_only_for_rejected(self) -> None:
        """A request that was not refused has no refusal reply."""
        request = DataSubjectRequest.fold([ev("receive")])
        with pytest.raises(InvalidValueError):
            refusal_reply(request, locale="fi")

    def test_unknown_locale(self) -> None:
        """An unknown locale is refused."""
        request = DataSubjectRequest.fold(
            [ev("receive"), ev("acknowledge"), ev("reject", ground="excessive", reason="r")]
        )
        with pytest.raises(RekisteriError):
            refusal_reply(request, locale="de")


# --- review: DOMAIN §4.5 worked examples, movable holidays, Helsinki days, late refusals ---

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


#: Received 31.1.2025; the first month ends at the end of 28.2.2025.
RECEIVED_AT: Final = datetime(2025, 1, 31, 9, 0, tzinfo=UTC)
FIRST_MONTH_ENDS: Final = datetime(2025, 2, 28, 22, 0, tzinfo=UTC)


def _refused(at: datetime, subject: str = "c-1") -> list[RequestEvent]:
    def event(kind: str, when: datetime, **kw: object) -> RequestEvent:
        return RequestEvent(request_id="r-1", subject=subject, kind=kind, at=when, **kw)  # type: ignore[arg-type]

    return [
        event("receive", RECEIVED_AT, right="access"),
        event("acknowledge", RECEIVED_AT + timedelta(days=1)),
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
        with SQLiteStore(":memory:", secret=b"test-secret".ljust(32, b".")) as store:
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
