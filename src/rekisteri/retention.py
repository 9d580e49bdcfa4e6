"""Retention: when each record may be passivated or deleted, and what keeps it.

The rules are the register's own :class:`~rekisteri.model.RetentionRule` s: a
:class:`~rekisteri.model.Duration` counted from a
:class:`~rekisteri.model.RetentionTrigger` (the end of the customer
relationship, the end of the financial year, …), optionally passivating the
data when the trigger happens. :data:`PRESETS` holds the statutory periods,
each with its source, starting with kirjanpitolaki 2:10.

:func:`plan` looks at each :class:`Record` and says what to do today:

* ``legal_hold``: a legal hold is on the record; nothing is deleted, whatever
  the rules say, and the action says why;
* ``keep``: a rule still runs (the one that runs longest is named), a rule
  cannot be computed yet (its trigger has not happened), no rule covers the
  record's category, or the record is a direct-marketing prohibition in
  force, which is never deleted while it stands;
* ``passivate``: a rule with ``passivate`` has been triggered: take the record
  out of active use, and keep it until the last rule ends;
* ``delete``: every rule that applies has ended.

A record under several rules is kept until the latest of them ends.

Examples:
    >>> from datetime import date
    >>> from rekisteri.model import RetentionTrigger as T
    >>> rules = kirjanpitolaki_2_10(books=("ledger",), vouchers=("receipts",))
    >>> receipt = Record(
    ...     id="voucher-1", category="receipts",
    ...     dates={T.END_OF_FINANCIAL_YEAR: date(2025, 6, 30)},
    ... )
    >>> action = plan([receipt], rules, today=date(2031, 12, 31))[0]
    >>> action.kind, action.until
    (<ActionKind.KEEP: 'keep'>, datetime.date(2031, 12, 31))
    >>> plan([receipt], rules, today=date(2032, 1, 1))[0].kind
    <ActionKind.DELETE: 'delete'>
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri._validate import key, non_blank
from rekisteri.calendar import CalendarRangeError, add_months, check_day, expect, expect_iterable
from rekisteri.errors import InvalidValueError
from rekisteri.model import Duration, LocalizedText, Register, RetentionRule, RetentionTrigger

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "KIRJANPITOLAKI_BOOKS",
    "KIRJANPITOLAKI_VOUCHERS",
    "PRESETS",
    "Action",
    "ActionKind",
    "Basis",
    "Record",
    "StatutoryPreset",
    "financial_year_end",
    "iter_plan",
    "kirjanpitolaki_2_10",
    "plan",
    "retained_until",
    "trigger_date",
]

_T = RetentionTrigger
_ONE_DAY: Final = timedelta(days=1)


# --- statutory presets ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StatutoryPreset:
    """A retention period laid down by law, with its source.

    Attributes:
        key: A short, stable name, e.g. ``"kirjanpitolaki-2-10-books"``.
        period: How long the material must be kept (at least).
        trigger: The event the period is counted from.
        statute: The provision, as cited in a notice.
        source: Where the provision can be read.
        description: What material the provision covers, in fi/sv/en.
    """

    key: str = attrs.field(validator=key)
    period: Duration
    trigger: RetentionTrigger
    statute: str = attrs.field(validator=non_blank)
    source: str = attrs.field(validator=non_blank)
    description: LocalizedText

    def rule(self, categories: Iterable[str], *, passivate: bool = False) -> RetentionRule:
        """Return a :class:`~rekisteri.model.RetentionRule` of this preset for *categories*.

        Raises:
            InvalidValueError: No categories (a statutory rule covers named
                material, never "everything"), or a malformed key.
        """
        keys = tuple(categories)
        if not keys or isinstance(categories, str):
            msg = f"{self.key}: name the data categories the statutory rule covers"
            raise InvalidValueError(msg)
        return RetentionRule(
            data_categories=keys,
            period=self.period,
            trigger=self.trigger,
            statute=self.statute,
            description=self.description,
            passivate=passivate,
        )


_FINLEX_KPL: Final = "https://www.finlex.fi/fi/laki/ajantasa/1997/19971336"

#: Kirjanpitolaki 2:10, books: 10 years from the end of the financial year.
KIRJANPITOLAKI_BOOKS: Final = StatutoryPreset(
    key="kirjanpitolaki-2-10-books",
    period=Duration(years=10),
    trigger=_T.END_OF_FINANCIAL_YEAR,
    statute="kirjanpitolaki 1336/1997 2 luku 10 §",
    source=_FINLEX_KPL,
    description=LocalizedText(
        fi="Tilinpäätös, toimintakertomus, kirjanpidot, tililuettelo sekä luettelo"
        " kirjanpidoista ja aineistoista: vähintään 10 vuotta tilikauden päättymisestä.",
        sv="Bokslut, verksamhetsberättelse, bokföringar, kontoplan och förteckning över"
        " bokföringar och material: minst 10 år från räkenskapsperiodens utgång.",
        en="Financial statements, annual report, books, chart of accounts and the list of"
        " books and material: at least 10 years from the end of the financial year.",
    ),
)

#: Kirjanpitolaki 2:10, vouchers and correspondence: 6 years from the end of
#: the calendar year in which the financial year ended.
KIRJANPITOLAKI_VOUCHERS: Final = StatutoryPreset(
    key="kirjanpitolaki-2-10-vouchers",
    period=Duration(years=6),
    trigger=_T.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END,
    statute="kirjanpitolaki 1336/1997 2 luku 10 §",
    source=_FINLEX_KPL,
    description=LocalizedText(
        fi="Tositteet, kirjanpitoon liittyvä kirjeenvaihto ja muu kirjanpitoaineisto:"
        " vähintään 6 vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt.",
        sv="Verifikationer, korrespondens som gäller bokföringen och annat"
        " bokföringsmaterial: minst 6 år från utgången av det år under vilket"
        " räkenskapsperioden har upphört.",
        en="Vouchers, correspondence on the accounts and other accounting material: at"
        " least 6 years from the end of the calendar year in which the financial year ended.",
    ),
)

#: Every statutory preset by key. New presets are added here, with their source.
PRESETS: Final[Mapping[str, StatutoryPreset]] = MappingProxyType(
    {p.key: p for p in (KIRJANPITOLAKI_BOOKS, KIRJANPITOLAKI_VOUCHERS)}
)


def kirjanpitolaki_2_10(
    *, books: Iterable[str], vouchers: Iterable[str]
) -> tuple[RetentionRule, RetentionRule]:
    """Return the two rules of kirjanpitolaki 2:10 for your category keys.

    Examples:
        >>> books, vouchers = kirjanpitolaki_2_10(books=("ledger",), vouchers=("receipts",))
        >>> books.period, vouchers.trigger.value
        (Duration(years=10, months=0, days=0), 'end_of_calendar_year_of_financial_year_end')
    """
    expect_iterable(books, "books", "category keys (a list of strings)")
    expect_iterable(vouchers, "vouchers", "category keys (a list of strings)")
    return KIRJANPITOLAKI_BOOKS.rule(books), KIRJANPITOLAKI_VOUCHERS.rule(vouchers)


def financial_year_end(day: date, *, last_month: int = 12, last_day: int = 31) -> date:
    """Return the last day of the (twelve-month) financial year that contains *day*.

    The financial year ends each year on *last_day*.*last_month*, e.g.
    ``last_month=6, last_day=30`` for a year from July to June. A year that
    ends at the end of February (``last_day`` 28 or 29) ends on 29 February
    in leap years and on 28 February in other years, so that every day
    belongs to a financial year.

    This is for regular years only: a first (or last) financial year that is
    longer or shorter (kirjanpitolaki allows up to 18 months) ends on the day
    the company decided; give that day as ``end_of_financial_year`` instead.

    Raises:
        InvalidValueError: *last_day*.*last_month* is not a day of the year.

    Examples:
        >>> financial_year_end(date(2024, 9, 1), last_month=6, last_day=30)
        datetime.date(2025, 6, 30)
        >>> financial_year_end(date(2025, 6, 30), last_month=6, last_day=30)
        datetime.date(2025, 6, 30)
        >>> financial_year_end(date(2024, 2, 29), last_month=2, last_day=28)
        datetime.date(2024, 2, 29)
    """
    expect(day, date, "day", "a date")
    try:
        date(2024, last_month, last_day)  # a leap year: 29 February is a day of the year
    except (TypeError, ValueError):
        msg = "last_month, last_day: expected a day of the year, e.g. 6 and 30"
        raise InvalidValueError(msg) from None
    end = _year_end(day.year, last_month, last_day)
    return end if day <= end else _year_end(day.year + 1, last_month, last_day)


def _year_end(year: int, month: int, day: int) -> date:
    if month == 2 and day >= 28:  # the end of February
        return date(year, 3, 1) - _ONE_DAY
    return date(year, month, day)


# --- records and actions -------------------------------------------------------------------


def _dates(value: object) -> Mapping[RetentionTrigger, date]:
    if not isinstance(value, Mapping):
        msg = "dates: expected a mapping of retention trigger to date"
        raise InvalidValueError(msg)
    checked: dict[RetentionTrigger, date] = {}
    for trigger, day in value.items():
        try:
            which = RetentionTrigger(trigger)
        except ValueError:
            msg = "dates: keys are retention triggers, e.g. 'end_of_customer_relationship'"
            raise InvalidValueError(msg) from None
        if type(day) is not date:
            msg = f"dates[{which}]: expected a date (not a datetime)"
            raise InvalidValueError(msg)
        checked[which] = check_day(day, f"dates[{which.value}]")
    return MappingProxyType(checked)


_optional_reason = attrs.validators.optional(non_blank)


@attrs.frozen(kw_only=True)
class Record:
    """A record (or a group of data) that retention decides about.

    Attributes:
        id: Your id of the record.
        category: The key of its :class:`~rekisteri.model.DataCategory`.
        dates: When each trigger happened for this record, e.g. the day the
            customer relationship ended; a trigger that has not happened is
            left out. The end of the calendar year of the financial year's end
            is worked out from ``end_of_financial_year`` if not given. Each
            date lies in :mod:`rekisteri.calendar`'s range (0002-01-01 to
            9998-12-31), else :class:`~rekisteri.calendar.CalendarRangeError`.
        legal_hold: Why the record is under a legal hold (litigation, an
            authority's order, …); ``None`` if it is not.
        marketing_prohibition: The record is a direct-marketing prohibition
            (Art 21(2)) that is in force; it must be kept to be honoured.
        passive: The record has already been passivated.
    """

    id: str = attrs.field(validator=non_blank)
    category: str = attrs.field(validator=key)
    dates: Mapping[RetentionTrigger, date] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_dates
    )
    legal_hold: str | None = attrs.field(default=None, validator=_optional_reason)
    marketing_prohibition: bool = False
    passive: bool = False


class ActionKind(StrEnum):
    """What :func:`plan` says to do with a record today."""

    DELETE = "delete"
    PASSIVATE = "passivate"
    KEEP = "keep"
    LEGAL_HOLD = "legal_hold"


class Basis(StrEnum):
    """Why :func:`plan` chose an action."""

    RETENTION_ENDED = "retention_ended"
    """Every rule that applies has ended (``delete``)."""
    RETENTION_RUNNING = "retention_running"
    """A rule still runs; ``rule`` is the one that ends last."""
    PASSIVATION = "passivation"
    """A rule passivates the data once its trigger has happened."""
    TRIGGER_PENDING = "trigger_pending"
    """A rule's trigger has not happened yet (no date for it), so its end is unknown."""
    NOT_COMPUTABLE = "not_computable"
    """A rule that applies has no period and trigger (a statute or text only)."""
    NO_RULE = "no_rule"
    """No retention rule covers the record's category: keep it and fix the register."""
    MARKETING_PROHIBITION = "marketing_prohibition"
    """A direct-marketing prohibition in force is never deleted or passivated."""
    LEGAL_HOLD = "legal_hold"
    """A legal hold blocks deletion."""


_SENTENCES: Final = {
    Basis.RETENTION_ENDED: "every retention rule that applies ended on {until}",
    Basis.RETENTION_RUNNING: "kept until {until} by {rule}",
    Basis.PASSIVATION: "passivate now; kept until {until} by {kept_by}",
    Basis.TRIGGER_PENDING: "the trigger of {rule} has not happened yet",
    Basis.NOT_COMPUTABLE: "{rule} cannot be computed; decide by hand",
    Basis.NO_RULE: "no retention rule covers category {category!r}",
    Basis.MARKETING_PROHIBITION: "a direct-marketing prohibition in force is kept",
    Basis.LEGAL_HOLD: "legal hold: {hold}",
}


def _rule_name(rule: RetentionRule | None) -> str:
    if rule is None:
        return "no rule"
    if rule.statute is not None:
        return rule.statute
    if rule.period is not None and rule.trigger is not None:
        p = rule.period
        parts = [f"{n} {unit}" for n, unit in ((p.years, "y"), (p.months, "m"), (p.days, "d")) if n]
        return f"{' '.join(parts)} from {rule.trigger}"
    return "a rule without a period"


@attrs.frozen(kw_only=True)
class Action:
    """What to do with one record, and why.

    Attributes:
        record: The record.
        kind: What to do.
        basis: Why.
        rule: The rule that caused the action: for ``delete`` the one that
            ended last, for ``keep`` the one that keeps the record longest (or
            cannot be computed), for ``passivate`` the passivating rule.
        until: The last day the record must be kept, when known.
        kept_by: For ``passivate``, the rule that keeps the record until
            *until* (the passivating rule itself, or a longer one still running).
    """

    record: Record
    kind: ActionKind
    basis: Basis
    rule: RetentionRule | None = None
    until: date | None = None
    kept_by: RetentionRule | None = None

    @property
    def reason(self) -> str:
        """One sentence that says why, for people and logs (no personal data)."""
        if self.basis is Basis.PASSIVATION and self.until is None:
            return f"passivate now by {_rule_name(self.rule)}; how long it is kept is not known yet"
        return _SENTENCES[self.basis].format(
            until=self.until.isoformat() if self.until is not None else "?",
            rule=_rule_name(self.rule),
            kept_by=_rule_name(self.kept_by or self.rule),
            category=self.record.category,
            hold=self.record.legal_hold,
        )


# --- computing ---------------------------------------------------------------------------


def retained_until(start: date, period: Duration) -> date:
    """Return the last day of a retention *period* counted from *start*.

    Years and months are calendar months (a missing day becomes the month's
    last day, as for response deadlines), then days are added. The data may
    be deleted from the day after.

    Raises:
        CalendarRangeError: The period ends after the year 9999 (an
            :class:`~rekisteri.errors.InvalidValueError`).

    Examples:
        >>> retained_until(date(2025, 6, 30), Duration(years=10))
        datetime.date(2035, 6, 30)
        >>> retained_until(date(2024, 2, 29), Duration(years=1))
        datetime.date(2025, 2, 28)
    """
    expect(start, date, "start", "a date")
    expect(period, Duration, "period", "a Duration")
    end = add_months(start, period.years * 12 + period.months)
    try:
        return end + timedelta(days=period.days)
    except OverflowError:
        msg = "period: the retention period runs past the year 9999"
        raise CalendarRangeError(msg) from None


def trigger_date(rule: RetentionRule, record: Record) -> date | None:
    """Return the day *rule* counts from for *record*, or ``None`` if it has not happened."""
    expect(rule, RetentionRule, "rule", "a RetentionRule")
    expect(record, Record, "record", "a Record")
    trigger = rule.trigger
    if trigger is _T.FIXED_DATE and rule.fixed_date is not None:
        return rule.fixed_date
    day = record.dates.get(trigger) if trigger is not None else None
    if day is None and trigger is _T.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END:
        fy_end = record.dates.get(_T.END_OF_FINANCIAL_YEAR)
        if fy_end is not None:
            return date(fy_end.year, 12, 31)
    return day


class _Compiled:
    """One rule, prepared for the loop in :func:`plan`: its fields and a cache of ends."""

    __slots__ = ("computable", "derive", "ends", "fixed", "passivate", "rule", "trigger")

    def __init__(self, rule: RetentionRule) -> None:
        self.rule = rule
        self.computable = rule.computable
        self.trigger = rule.trigger
        self.fixed = rule.fixed_date if rule.trigger is _T.FIXED_DATE else None
        self.derive = rule.trigger is _T.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END
        self.passivate = rule.passivate
        self.ends: dict[date, date] = {}

    def end(self, start: date) -> date:
        """The last retained day from *start*, computed once per distinct start."""
        assert self.rule.period is not None
        try:
            found = retained_until(start, self.rule.period)
        except CalendarRangeError:  # retained past the end of the calendar: kept
            found = date.max
        self.ends[start] = found
        return found


def _compile(rules: Iterable[RetentionRule]) -> tuple[list[_Compiled], dict[str, list[_Compiled]]]:
    """Split the rules into those for every category and those per category key."""
    general: list[_Compiled] = []
    by_category: dict[str, list[_Compiled]] = {}
    for index, item in enumerate(rules):
        rule: object = item
        if not isinstance(rule, RetentionRule):
            msg = f"rules[{index}]: expected a RetentionRule"
            raise InvalidValueError(msg)
        compiled = _Compiled(rule)
        if not rule.data_categories:
            general.append(compiled)
        for category in rule.data_categories:
            by_category.setdefault(category, []).append(compiled)
    return general, by_category


def plan(
    records: Iterable[Record],
    rules: Register | Iterable[RetentionRule],
    *,
    today: date,
) -> list[Action]:
    """Return one :class:`Action` per record: what to do with it on *today*.

    *rules* are retention rules, or a :class:`~rekisteri.model.Register`
    whose rules are used. A rule applies to a record if it names the record's
    category, or names no categories at all. Precedence, in this order: a
    legal hold; then the rules (deletion only when every rule that applies
    has ended, that is *today* is after the last day of the latest one; an
    unknown end keeps the record); a direct-marketing prohibition in force
    turns a deletion or a passivation into ``keep`` (suppression lists must
    keep reading it); a triggered passivating rule passivates a record that
    is not passive yet.

    Runs in time linear in the number of records; the end of each rule is
    computed once per distinct trigger date. :func:`iter_plan` gives the
    same actions one at a time, for more records than fit in memory.

    Raises:
        InvalidValueError: *today* is not a date (a datetime is refused too),
            a rule is not a RetentionRule or a record is not a Record.
    """
    return list(iter_plan(records, rules, today=today))


def iter_plan(
    records: Iterable[Record],
    rules: Register | Iterable[RetentionRule],
    *,
    today: date,
) -> Iterator[Action]:
    """The actions of :func:`plan`, one per record as *records* are read: a stream.

    *today* and *rules* are checked when it is called; a record that is not a
    :class:`Record` raises when it is reached, after the actions before it.

    Raises:
        InvalidValueError: As :func:`plan`.

    Examples:
        >>> from datetime import date
        >>> records = iter([Record(id="c-1", category="contact")])
        >>> next(iter_plan(records, [], today=date(2026, 1, 5))).kind
        <ActionKind.KEEP: 'keep'>
    """
    if type(today) is not date:
        msg = "today: expected a date" + (
            " (not a datetime)" if isinstance(today, datetime) else ""
        )
        raise InvalidValueError(msg)
    expect_iterable(records, "records", "an iterable of Records")
    if not isinstance(rules, Register):
        expect_iterable(rules, "rules", "a Register or an iterable of RetentionRules")
    general, by_category = _compile(rules.retention if isinstance(rules, Register) else rules)
    return _actions(records, general, by_category, today)


def _actions(
    records: Iterable[Record],
    general: list[_Compiled],
    by_category: dict[str, list[_Compiled]],
    today: date,
) -> Iterator[Action]:
    applicable: dict[str, list[_Compiled]] = {}
    for index, item in enumerate(records):
        record: object = item
        if type(record) is not Record and not isinstance(record, Record):
            msg = f"records[{index}]: expected a Record"
            raise InvalidValueError(msg)
        if record.legal_hold is not None:
            yield Action(record=record, kind=ActionKind.LEGAL_HOLD, basis=Basis.LEGAL_HOLD)
            continue
        category = record.category
        entries = applicable.get(category)
        if entries is None:
            entries = applicable[category] = general + by_category.get(category, [])
        yield _decide(record, entries, today)


def _decide(record: Record, entries: list[_Compiled], today: date) -> Action:
    """The action for one record that is not on legal hold."""
    if not entries:
        return Action(record=record, kind=ActionKind.KEEP, basis=Basis.NO_RULE)
    latest: date | None = None
    latest_rule: RetentionRule | None = None
    blocked: Basis | None = None
    blocking: RetentionRule | None = None
    passivating: RetentionRule | None = None
    dates = record.dates
    for entry in entries:
        if not entry.computable:
            if blocked is None:
                blocked, blocking = Basis.NOT_COMPUTABLE, entry.rule
            continue
        # trigger_date(), inlined: this loop runs for every record and rule.
        start = entry.fixed
        if start is None:
            start = dates.get(entry.trigger)  # type: ignore[arg-type] # computable: has a trigger
            if start is None and entry.derive:
                fy_end = dates.get(_T.END_OF_FINANCIAL_YEAR)
                if fy_end is not None:
                    start = date(fy_end.year, 12, 31)
            if start is None:
                if blocked is None:
                    blocked, blocking = Basis.TRIGGER_PENDING, entry.rule
                continue
        end = entry.ends.get(start)
        if end is None:
            end = entry.end(start)
        if latest is None or end > latest:
            latest, latest_rule = end, entry.rule
        if entry.passivate and passivating is None and start <= today:
            passivating = entry.rule
    if blocked is None and latest is not None and today > latest:
        if record.marketing_prohibition:
            kind, basis = ActionKind.KEEP, Basis.MARKETING_PROHIBITION
        else:
            kind, basis = ActionKind.DELETE, Basis.RETENTION_ENDED
        return Action(record=record, kind=kind, basis=basis, rule=latest_rule, until=latest)
    if passivating is not None and not record.passive:
        until = None if blocked is not None else latest
        if record.marketing_prohibition:
            # A prohibition must stay in active use: suppression lists read it.
            return Action(
                record=record,
                kind=ActionKind.KEEP,
                basis=Basis.MARKETING_PROHIBITION,
                rule=passivating,
                until=until,
            )
        return Action(
            record=record,
            kind=ActionKind.PASSIVATE,
            basis=Basis.PASSIVATION,
            rule=passivating,
            until=until,
            kept_by=None if until is None else latest_rule,
        )
    if blocked is not None:
        return Action(record=record, kind=ActionKind.KEEP, basis=blocked, rule=blocking)
    return Action(
        record=record,
        kind=ActionKind.KEEP,
        basis=Basis.RETENTION_RUNNING,
        rule=latest_rule,
        until=latest,
    )
