"""Review tests for rekisteri.retention: long first financial years, February year ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rekisteri.model import Duration, RetentionRule, RetentionTrigger
from rekisteri.retention import ActionKind, Basis, Record, financial_year_end, kirjanpitolaki_2_10
from rekisteri.retention import plan as retention_plan

T = RetentionTrigger
BOOKS, VOUCHERS = kirjanpitolaki_2_10(books=("ledger",), vouchers=("receipts",))


def _last_kept(record: Record, rules: list[RetentionRule]) -> date:
    """The last day *plan* keeps *record*, found by asking it day by day around the end."""
    (action,) = retention_plan([record], rules, today=date(2000, 1, 1))
    assert action.until is not None
    until = action.until
    (kept,) = retention_plan([record], rules, today=until)
    (gone,) = retention_plan([record], rules, today=until + timedelta(days=1))
    assert kept.kind is ActionKind.KEEP
    assert gone.kind is ActionKind.DELETE
    return until


@pytest.mark.parametrize(
    ("fy_end", "books", "vouchers"),
    [
        # A long first financial year 1.3.2024-30.6.2025 (16 months): counted from its end.
        (date(2025, 6, 30), date(2035, 6, 30), date(2031, 12, 31)),
        # The longest first year, 18 months: 1.7.2024-31.12.2025.
        (date(2025, 12, 31), date(2035, 12, 31), date(2031, 12, 31)),
        # A year ending 31.12 of a leap year.
        (date(2024, 12, 31), date(2034, 12, 31), date(2030, 12, 31)),
        # A year ending 28.2.2022: books to 28.2.2032 (1182/71 same-date reading).
        (date(2022, 2, 28), date(2032, 2, 28), date(2028, 12, 31)),
    ],
)
def test_kirjanpitolaki_periods(fy_end: date, books: date, vouchers: date) -> None:
    """Books 10 years from the FY end; vouchers 6 years from the end of that calendar year."""
    fy = {T.END_OF_FINANCIAL_YEAR: fy_end}
    assert _last_kept(Record(id="b", category="ledger", dates=fy), [BOOKS]) == books
    assert _last_kept(Record(id="v", category="receipts", dates=fy), [VOUCHERS]) == vouchers


@pytest.mark.parametrize(
    ("day", "last_day", "expected"),
    [
        (date(2024, 2, 29), 28, date(2024, 2, 29)),  # leap day belongs to the year ending then
        (date(2024, 2, 29), 29, date(2024, 2, 29)),
        (date(2023, 3, 1), 28, date(2024, 2, 29)),
        (date(2024, 3, 1), 29, date(2025, 2, 28)),
        (date(2025, 2, 28), 29, date(2025, 2, 28)),
    ],
)
def test_financial_year_ending_in_february(day: date, last_day: int, expected: date) -> None:
    """A year that ends at the end of February ends on 29.2 in leap years."""
    assert financial_year_end(day, last_month=2, last_day=last_day) == expected


def test_every_day_belongs_to_one_february_year() -> None:
    """Consecutive days never skip a year end: 1.3 starts the year after the one ending 28/29.2."""
    day = date(2023, 1, 1)
    while day < date(2026, 1, 1):
        end = financial_year_end(day, last_month=2, last_day=28)
        assert day <= end
        assert (end + timedelta(days=1)).month == 3
        day += timedelta(days=1)


def test_legal_hold_beats_marketing_prohibition_and_ended_rules() -> None:
    """A legal hold wins over everything, including a prohibition and an ended period."""
    rule = RetentionRule(
        data_categories=("contact",),
        period=Duration(years=1),
        trigger=T.END_OF_CUSTOMER_RELATIONSHIP,
    )
    ended = {T.END_OF_CUSTOMER_RELATIONSHIP: date(2020, 1, 1)}
    held = Record(
        id="a", category="contact", dates=ended, legal_hold="riita", marketing_prohibition=True
    )
    banned = Record(id="b", category="contact", dates=ended, marketing_prohibition=True)
    plain = Record(id="c", category="contact", dates=ended)
    actions = retention_plan([held, banned, plain], [rule], today=date(2026, 1, 1))
    assert [(a.kind, a.basis) for a in actions] == [
        (ActionKind.LEGAL_HOLD, Basis.LEGAL_HOLD),
        (ActionKind.KEEP, Basis.MARKETING_PROHIBITION),
        (ActionKind.DELETE, Basis.RETENTION_ENDED),
    ]


def test_marketing_prohibition_is_not_passivated() -> None:
    """A prohibition in force stays in active use when a passivating rule has started."""
    rule = RetentionRule(
        data_categories=("contact",),
        period=Duration(years=1),
        trigger=RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
        passivate=True,
    )
    started = {RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP: date(2026, 1, 31)}
    prohibition = Record(id="p", category="contact", dates=started, marketing_prohibition=True)
    ordinary = Record(id="o", category="contact", dates=started)
    kept, passivated = retention_plan([prohibition, ordinary], [rule], today=date(2026, 6, 1))
    assert kept.kind is ActionKind.KEEP
    assert kept.basis is Basis.MARKETING_PROHIBITION
    assert passivated.kind is ActionKind.PASSIVATE
