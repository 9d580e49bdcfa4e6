"""Tests for rekisteri.retention: rules, statutory presets, financial years, the plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.errors import InvalidValueError
from rekisteri.model import (
    Duration,
    LocalizedText,
    RetentionRule,
    RetentionTrigger,
)
from rekisteri.retention import (
    KIRJANPITOLAKI_BOOKS,
    KIRJANPITOLAKI_VOUCHERS,
    PRESETS,
    Action,
    ActionKind,
    Basis,
    Record,
    financial_year_end,
    iter_plan,
    kirjanpitolaki_2_10,
    plan,
    retained_until,
    trigger_date,
)
from rekisteri.serialize import dumps, loads
from rekisteri.testing import a_register

T = RetentionTrigger
BOOKS, VOUCHERS = kirjanpitolaki_2_10(books=("ledger",), vouchers=("receipts",))


def _fy(end: date, category: str = "receipts", hold: str | None = None) -> Record:
    return Record(id="x", category=category, dates={T.END_OF_FINANCIAL_YEAR: end}, legal_hold=hold)


def _one(record: Record, rules: list[RetentionRule], today: date) -> Action:
    (action,) = plan([record], rules, today=today)
    return action


class TestKirjanpitolaki:
    @pytest.mark.parametrize(
        ("fy_end", "books_until", "vouchers_until"),
        [  # DOMAIN.md §3.5
            (date(2025, 6, 30), date(2035, 6, 30), date(2031, 12, 31)),  # FY 1.7.2024-30.6.2025
            (date(2025, 12, 31), date(2035, 12, 31), date(2031, 12, 31)),  # calendar FY 2025
            (date(2017, 4, 30), date(2027, 4, 30), date(2023, 12, 31)),  # published check
            (date(2024, 2, 29), date(2034, 2, 28), date(2030, 12, 31)),  # leap-day FY end
        ],
    )
    def test_worked_examples(self, fy_end: date, books_until: date, vouchers_until: date) -> None:
        """Books are kept 10 years from the FY end, vouchers 6 years from that year's end."""
        rules = [BOOKS, VOUCHERS]
        for category, until in (("ledger", books_until), ("receipts", vouchers_until)):
            record = _fy(fy_end, category)
            kept = _one(record, rules, until)
            assert (kept.kind, kept.basis, kept.until) == (
                ActionKind.KEEP,
                Basis.RETENTION_RUNNING,
                until,
            )
            deleted = _one(record, rules, date.fromordinal(until.toordinal() + 1))
            assert (deleted.kind, deleted.until) == (ActionKind.DELETE, until)
            assert deleted.rule is (BOOKS if category == "ledger" else VOUCHERS)

    def test_calendar_year_is_derived_from_the_financial_year(self) -> None:
        """The voucher trigger is 31.12 of the year the financial year ended in."""
        assert trigger_date(VOUCHERS, _fy(date(2025, 6, 30))) == date(2025, 12, 31)
        explicit = Record(
            id="x",
            category="receipts",
            dates={T.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END: date(2026, 12, 31)},
        )
        assert trigger_date(VOUCHERS, explicit) == date(2026, 12, 31)

    def test_presets_carry_their_source(self) -> None:
        """Each preset cites the statute and links to its text."""
        assert set(PRESETS) == {KIRJANPITOLAKI_BOOKS.key, KIRJANPITOLAKI_VOUCHERS.key}
        for preset in PRESETS.values():
            assert "1336/1997" in preset.statute
            assert "2 luku 10 §" in preset.statute
            assert preset.source.startswith("https://www.finlex.fi/")
            assert preset.description.sv
            assert preset.description.en
        assert BOOKS.statute == KIRJANPITOLAKI_BOOKS.statute
        assert BOOKS.period == Duration(years=10)
        assert VOUCHERS.period == Duration(years=6)

    def test_preset_needs_categories(self) -> None:
        """A statutory rule must name the categories it covers."""
        with pytest.raises(InvalidValueError):
            KIRJANPITOLAKI_BOOKS.rule(())
        with pytest.raises(InvalidValueError):
            KIRJANPITOLAKI_BOOKS.rule("ledger")

    @pytest.mark.parametrize(
        ("day", "last", "expected"),
        [
            (date(2024, 7, 1), (6, 30), date(2025, 6, 30)),
            (date(2025, 6, 30), (6, 30), date(2025, 6, 30)),
            (date(2025, 7, 1), (6, 30), date(2026, 6, 30)),
            (date(2025, 3, 5), (12, 31), date(2025, 12, 31)),
            (date(2017, 4, 30), (4, 30), date(2017, 4, 30)),
        ],
    )
    def test_financial_year_end(self, day: date, last: tuple[int, int], expected: date) -> None:
        """The financial year that contains a day ends on the next year-end date."""
        assert financial_year_end(day, last_month=last[0], last_day=last[1]) == expected

    @pytest.mark.parametrize("last", [(2, 30), (13, 1), (4, 31), (0, 1)])
    def test_financial_year_end_bad_input(self, last: tuple[int, int]) -> None:
        """A year end that is not a day of the year is refused."""
        with pytest.raises(InvalidValueError):
            financial_year_end(date(2025, 1, 1), last_month=last[0], last_day=last[1])


CUSTOMER: Final = RetentionRule(
    data_categories=("contact",),
    period=Duration(years=1),
    trigger=T.END_OF_CUSTOMER_RELATIONSHIP,
    passivate=True,
)
CONTACT_BOOKS: Final = KIRJANPITOLAKI_VOUCHERS.rule(["contact"])


class TestPlan:
    def test_passivate_then_delete(self) -> None:
        """As the old notices say: passivate when the relationship ends, delete a year later."""
        record = Record(
            id="c1", category="contact", dates={T.END_OF_CUSTOMER_RELATIONSHIP: date(2025, 3, 1)}
        )
        assert _one(record, [CUSTOMER], date(2025, 2, 28)).kind is ActionKind.KEEP
        passivate = _one(record, [CUSTOMER], date(2025, 3, 1))
        assert (passivate.kind, passivate.until, passivate.rule) == (
            ActionKind.PASSIVATE,
            date(2026, 3, 1),
            CUSTOMER,
        )
        passive = Record(
            id="c1",
            category="contact",
            dates={T.END_OF_CUSTOMER_RELATIONSHIP: date(2025, 3, 1)},
            passive=True,
        )
        assert _one(passive, [CUSTOMER], date(2025, 6, 1)).basis is Basis.RETENTION_RUNNING
        assert _one(passive, [CUSTOMER], date(2026, 3, 2)).kind is ActionKind.DELETE

    def test_later_rule_wins(self) -> None:
        """A category under two rules is kept until the later one ends."""
        record = Record(
            id="c1",
            category="contact",
            dates={
                T.END_OF_CUSTOMER_RELATIONSHIP: date(2025, 3, 1),
                T.END_OF_FINANCIAL_YEAR: date(2025, 12, 31),
            },
            passive=True,
        )
        action = _one(record, [CUSTOMER, CONTACT_BOOKS], date(2027, 1, 1))
        assert (action.kind, action.rule, action.until) == (
            ActionKind.KEEP,
            CONTACT_BOOKS,
            date(2031, 12, 31),
        )
        assert "kirjanpitolaki" in action.reason
        assert _one(record, [CUSTOMER, CONTACT_BOOKS], date(2032, 1, 1)).kind is ActionKind.DELETE

    def test_pending_trigger_keeps(self) -> None:
        """A rule whose trigger has not happened keeps the record, naming the rule."""
        record = Record(id="c1", category="contact")
        action = _one(record, [CUSTOMER], date(2040, 1, 1))
        assert (action.kind, action.basis, action.rule) == (
            ActionKind.KEEP,
            Basis.TRIGGER_PENDING,
            CUSTOMER,
        )

    def test_not_computable_rule_keeps(self) -> None:
        """A rule with only a description keeps the record for a human to decide."""
        vague = RetentionRule(description=LocalizedText(fi="Toistaiseksi."))
        record = Record(id="c1", category="contact", dates={T.LAST_CONTACT: date(2000, 1, 1)})
        rule = RetentionRule(period=Duration(days=1), trigger=T.LAST_CONTACT)
        action = _one(record, [rule, vague], date(2040, 1, 1))
        assert (action.kind, action.basis, action.rule) == (
            ActionKind.KEEP,
            Basis.NOT_COMPUTABLE,
            vague,
        )

    def test_no_rule_keeps(self) -> None:
        """A category no rule covers is kept, and the reason says so."""
        action = _one(Record(id="c1", category="other"), [CUSTOMER], date(2040, 1, 1))
        assert (action.kind, action.basis) == (ActionKind.KEEP, Basis.NO_RULE)
        assert "other" in action.reason

    def test_legal_hold_wins(self) -> None:
        """A legal hold blocks deletion and says why."""
        record = _fy(date(2000, 12, 31), hold="pending court case")
        action = _one(record, [VOUCHERS], date(2040, 1, 1))
        assert (action.kind, action.basis) == (ActionKind.LEGAL_HOLD, Basis.LEGAL_HOLD)
        assert "pending court case" in action.reason

    def test_marketing_prohibition_is_never_deleted(self) -> None:
        """A direct-marketing prohibition in force is kept after its rules end."""
        rule = RetentionRule(period=Duration(years=3), trigger=T.LAST_CONTACT)
        record = Record(
            id="p1",
            category="prohibitions",
            dates={T.LAST_CONTACT: date(2000, 1, 1)},
            marketing_prohibition=True,
        )
        action = _one(record, [rule], date(2040, 1, 1))
        assert (action.kind, action.basis) == (ActionKind.KEEP, Basis.MARKETING_PROHIBITION)
        lifted = Record(id="p1", category="prohibitions", dates={T.LAST_CONTACT: date(2000, 1, 1)})
        assert _one(lifted, [rule], date(2040, 1, 1)).kind is ActionKind.DELETE

    def test_fixed_date_and_consent_withdrawal(self) -> None:
        """A fixed date on the rule and a per-record withdrawal date both count."""
        fixed = RetentionRule(
            period=Duration(days=30), trigger=T.FIXED_DATE, fixed_date=date(2026, 1, 1)
        )
        withdrawn = RetentionRule(period=Duration(months=1), trigger=T.CONSENT_WITHDRAWAL)
        record = Record(id="n1", category="x", dates={T.CONSENT_WITHDRAWAL: date(2026, 1, 31)})
        assert _one(record, [fixed], date(2026, 1, 31)).until == date(2026, 1, 31)
        assert _one(record, [fixed, withdrawn], date(2026, 3, 1)).until == date(2026, 2, 28)
        assert _one(record, [fixed, withdrawn], date(2026, 3, 1)).kind is ActionKind.DELETE

    def test_register_as_rules(self) -> None:
        """A Register's own retention rules are used."""
        register = a_register(retention=(CUSTOMER,))
        record = Record(
            id="c1", category="contact", dates={T.END_OF_CUSTOMER_RELATIONSHIP: date(2020, 1, 1)}
        )
        assert plan([record], register, today=date(2025, 1, 1))[0].kind is ActionKind.DELETE

    def test_rule_round_trips_through_json(self) -> None:
        """The new rule fields survive serialisation."""
        rule = RetentionRule(
            period=Duration(days=30),
            trigger=T.FIXED_DATE,
            fixed_date=date(2026, 1, 1),
            passivate=True,
        )
        assert loads(dumps(rule), RetentionRule) == rule


class TestBadInput:
    def test_negative_duration(self) -> None:
        """A negative duration is a typed error."""
        with pytest.raises(InvalidValueError):
            Duration(years=-1)

    def test_datetime_today(self) -> None:
        """The today argument must be a date, not a datetime."""
        with pytest.raises(InvalidValueError, match="today"):
            plan([], [CUSTOMER], today=datetime(2025, 1, 1, tzinfo=UTC))

    def test_datetime_in_record_dates(self) -> None:
        """Record dates are dates; a datetime or an unknown trigger is refused."""
        with pytest.raises(InvalidValueError, match="not a datetime"):
            Record(
                id="x",
                category="c",
                dates={T.LAST_CONTACT: datetime(2025, 1, 1, tzinfo=UTC)},
            )
        with pytest.raises(InvalidValueError, match="retention triggers"):
            Record(id="x", category="c", dates={"sometime": date(2025, 1, 1)})

    def test_not_records_or_rules(self) -> None:
        """Anything but Records and RetentionRules is refused by position."""
        with pytest.raises(InvalidValueError, match=r"records\[0\]"):
            plan(["x"], [CUSTOMER], today=date(2025, 1, 1))  # type: ignore[list-item]
        with pytest.raises(InvalidValueError, match=r"rules\[0\]"):
            plan([], ["x"], today=date(2025, 1, 1))  # type: ignore[list-item]

    def test_rule_field_rules(self) -> None:
        """fixed_date only with the fixed_date trigger; passivation needs a trigger."""
        with pytest.raises(InvalidValueError, match="fixed_date"):
            RetentionRule(
                period=Duration(days=1), trigger=T.LAST_CONTACT, fixed_date=date(2025, 1, 1)
            )
        with pytest.raises(InvalidValueError, match="passivation"):
            RetentionRule(statute="laki", passivate=True)


# --- properties -------------------------------------------------------------------------

_COMPUTABLE_TRIGGERS: Final = [t for t in T if t is not T.FIXED_DATE]
_CATEGORIES: Final = ("a", "b", "c")


def _oracle_end(start: date, period: Duration) -> date:
    """The last retained day, computed with plain year/month stepping and a try-back loop."""
    months = start.month - 1 + period.months + 12 * period.years
    year, month = start.year + months // 12, months % 12 + 1
    day = start.day
    while True:
        try:
            end = date(year, month, day)
            break
        except ValueError:
            day -= 1
    return date.fromordinal(end.toordinal() + period.days)


rules_st = st.lists(
    st.builds(
        RetentionRule,
        data_categories=st.lists(st.sampled_from(_CATEGORIES), max_size=2, unique=True).map(tuple),
        period=st.tuples(st.integers(0, 12), st.integers(0, 13), st.integers(0, 40))
        .filter(any)
        .map(lambda t: Duration(years=t[0], months=t[1], days=t[2])),
        trigger=st.sampled_from(_COMPUTABLE_TRIGGERS),
        passivate=st.booleans(),
    ),
    min_size=1,
    max_size=5,
)
_dates_st = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
records_st = st.lists(
    st.builds(
        Record,
        id=st.just("r"),
        category=st.sampled_from(_CATEGORIES),
        dates=st.dictionaries(st.sampled_from(_COMPUTABLE_TRIGGERS), _dates_st, max_size=6),
        legal_hold=st.none() | st.just("hold"),
        marketing_prohibition=st.booleans(),
        passive=st.booleans(),
    ),
    max_size=10,
)


def _duration_ok(years: int, months: int, days: int) -> bool:
    return bool(years or months or days)


class TestProperties:
    @given(records_st, rules_st, _dates_st)
    def test_never_deletes_before_every_applying_rule_has_ended(
        self, records: list[Record], rules: list[RetentionRule], today: date
    ) -> None:
        """A delete means every rule that applies has a known end before today."""
        for action in plan(records, rules, today=today):
            record = action.record
            applying = [
                r for r in rules if not r.data_categories or record.category in r.data_categories
            ]
            if action.kind is not ActionKind.DELETE:
                continue
            assert applying
            assert record.legal_hold is None
            assert not record.marketing_prohibition
            ends = []
            for rule in applying:
                start = trigger_date(rule, record)
                assert start is not None
                assert rule.period is not None
                ends.append(_oracle_end(start, rule.period))
            assert max(ends) < today
            assert action.until == max(ends)

    @given(records_st, rules_st, _dates_st)
    def test_legal_hold_always_wins(
        self, records: list[Record], rules: list[RetentionRule], today: date
    ) -> None:
        """Every record on legal hold gets a legal_hold action, whatever the rules."""
        for action in plan(records, rules, today=today):
            on_hold = action.record.legal_hold is not None
            assert (action.kind is ActionKind.LEGAL_HOLD) == on_hold

    @given(_dates_st, st.integers(0, 12), st.integers(0, 13), st.integers(0, 40))
    def test_retained_until_agrees_with_oracle(
        self, start: date, years: int, months: int, days: int
    ) -> None:
        """retained_until matches an independent month-stepping oracle."""
        if not _duration_ok(years, months, days):
            return
        period = Duration(years=years, months=months, days=days)
        assert retained_until(start, period) == _oracle_end(start, period)


# --- review: long first financial years, February year ends, holds and prohibitions ---


def _last_kept(record: Record, rules: list[RetentionRule]) -> date:
    """The last day *plan* keeps *record*, found by asking it day by day around the end."""
    (action,) = plan([record], rules, today=date(2000, 1, 1))
    assert action.until is not None
    until = action.until
    (kept,) = plan([record], rules, today=until)
    (gone,) = plan([record], rules, today=until + timedelta(days=1))
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


def test_iter_plan_streams() -> None:
    """iter_plan reads records as actions are taken: an endless source gives actions at once."""
    from itertools import count, islice

    endless = (Record(id=f"c-{n}", category="contact") for n in count())
    actions = list(islice(iter_plan(endless, [], today=date(2026, 1, 5)), 3))
    assert [a.record.id for a in actions] == ["c-0", "c-1", "c-2"]
    with pytest.raises(InvalidValueError, match="today"):
        iter_plan([], [], today=datetime(2026, 1, 5, tzinfo=UTC))
    junk: list[object] = [Record(id="c-1", category="x"), "junk"]
    broken = iter_plan(junk, [], today=date(2026, 1, 5))  # type: ignore[arg-type]
    assert next(broken).record.id == "c-1"
    with pytest.raises(InvalidValueError, match=r"records\[1\]: expected a Record"):
        next(broken)


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
    actions = plan([held, banned, plain], [rule], today=date(2026, 1, 1))
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
    kept, passivated = plan([prohibition, ordinary], [rule], today=date(2026, 6, 1))
    assert kept.kind is ActionKind.KEEP
    assert kept.basis is Basis.MARKETING_PROHIBITION
    assert passivated.kind is ActionKind.PASSIVATE
