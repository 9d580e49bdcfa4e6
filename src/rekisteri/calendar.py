"""Calendar arithmetic: months, Easter and the Finnish public holidays.

The building blocks of time limits counted under Regulation 1182/71 on
periods, dates and time limits: :func:`add_months` ends a period of months
(Art 3(2)(c)), :func:`next_working_day` moves a last day off a weekend or a
public holiday (Art 3(4)), and :class:`FinnishHolidays` says which days are
Finnish public holidays. Any object with an ``is_holiday`` method is a
:class:`HolidayCalendar`.

:mod:`rekisteri.requests` counts the Art 12(3) response deadline with them,
:mod:`rekisteri.retention` the end of retention periods.

Examples:
    >>> from datetime import date
    >>> add_months(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    >>> easter(2025)
    datetime.date(2025, 4, 20)
    >>> next_working_day(date(2025, 4, 18))  # Good Friday, then Easter
    datetime.date(2025, 4, 22)
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Final, Protocol

import attrs

from rekisteri.errors import InvalidValueError, RekisteriError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "ArgumentTypeError",
    "CalendarRangeError",
    "FinnishHolidays",
    "HolidayCalendar",
    "NoHolidays",
    "add_months",
    "check_day",
    "check_moment",
    "easter",
    "next_working_day",
]

#: The first day that a date given to rekisteri may fall on: a year away
#: from the start of Python's calendar (year 1), so that a moment in any time
#: zone, its deadline and its retention periods can be computed.
FIRST_DAY: Final = date(2, 1, 1)
#: The last day that a date given to rekisteri may fall on: a year before the
#: end of Python's calendar (9999-12-31), for the same reason.
LAST_DAY: Final = date(9998, 12, 31)


class ArgumentTypeError(RekisteriError, TypeError):
    """A function was given an argument of the wrong type: ``None`` where a date is expected.

    Raised by the functions of :mod:`rekisteri.calendar`,
    :mod:`rekisteri.requests`, :mod:`rekisteri.consent` and
    :mod:`rekisteri.retention`. The message names the argument and what it
    should be, never the value. A :class:`~rekisteri.errors.RekisteriError`
    and a :class:`TypeError`.
    """


def expect(value: object, kind: type | tuple[type, ...], name: str, what: str) -> None:
    """Raise :class:`ArgumentTypeError` unless *value* is a *kind* (a bool is no int)."""
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        msg = f"{name}: expected {what}, not {type(value).__name__}"
        raise ArgumentTypeError(msg)


def expect_iterable(value: object, name: str, what: str) -> None:
    """Raise :class:`ArgumentTypeError` unless *value* can be iterated (a str cannot here)."""
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        msg = f"{name}: expected {what}, not {type(value).__name__}"
        raise ArgumentTypeError(msg)


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


class CalendarRangeError(InvalidValueError):
    """A date or a computed date falls outside :data:`FIRST_DAY` … :data:`LAST_DAY`.

    Raised for ``requests deadline 9999-12-31``, a request received on
    0001-01-01T00:00+02:00 (before year 1 in UTC), or a period that runs past
    the year 9999. An :class:`~rekisteri.errors.InvalidValueError`, so a
    :class:`ValueError` too.
    """


def _out_of_range(field: str) -> CalendarRangeError:
    return CalendarRangeError(
        f"{field}: outside the calendar rekisteri computes with"
        f" ({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
    )


def check_day(day: date, field: str) -> date:
    """Return *day* if it is between :data:`FIRST_DAY` and :data:`LAST_DAY`.

    Raises:
        CalendarRangeError: It is not; the message names *field*.

    Examples:
        >>> check_day(date(2026, 1, 5), "received")
        datetime.date(2026, 1, 5)
        >>> try:
        ...     check_day(date(9999, 12, 31), "received")
        ... except CalendarRangeError as exc:
        ...     print(exc)
        received: outside the calendar rekisteri computes with (0002-01-01 to 9998-12-31)
    """
    expect(day, date, field, "a date")
    if type(day) is not date:  # a datetime is a date too, but compares with none
        day = date(day.year, day.month, day.day)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _out_of_range(field)
    return day


def check_moment(at: datetime, field: str) -> datetime:
    """Return the aware *at* if its day, in UTC and in every time zone, is within range.

    Raises:
        CalendarRangeError: Its UTC day is not between :data:`FIRST_DAY` and
            :data:`LAST_DAY` (or it cannot even be converted to UTC).
    """
    expect(at, datetime, field, "a datetime with a time zone")
    if at.utcoffset() is None:
        msg = f"{field}: expected a datetime with a time zone"
        raise InvalidValueError(msg)
    try:
        check_day(at.astimezone(UTC).date(), field)
    except OverflowError:
        raise _out_of_range(field) from None
    return at


def add_months(day: date, months: int) -> date:
    """Return the same date *months* calendar months later, or that month's last day.

    This is the month rule of Regulation 1182/71 Art 3(2)(c): a period of
    months ends on the same date in the last month, or on that month's last
    day if the date does not exist there (31 January + 1 month is the last day
    of February).

    Raises:
        InvalidValueError: *months* is negative or not a whole number.
        CalendarRangeError: The result would be after the year 9999.

    Examples:
        >>> add_months(date(2024, 1, 31), 1)
        datetime.date(2024, 2, 29)
        >>> add_months(date(2025, 11, 30), 3)
        datetime.date(2026, 2, 28)
    """
    expect(day, date, "day", "a date")
    if type(months) is not int or months < 0:
        msg = "months: expected a whole number, 0 or more"
        raise InvalidValueError(msg)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if year > date.max.year:
        raise _out_of_range("months")
    last = _days_in_month(year, month)
    return date(year, month, min(day.day, last))


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def easter(year: int) -> date:
    """Return Western (Gregorian) Easter Sunday of *year*, by the anonymous Gregorian algorithm.

    Examples:
        >>> easter(2024), easter(2026)
        (datetime.date(2024, 3, 31), datetime.date(2026, 4, 5))
    """
    expect(year, int, "year", "a whole number")
    if not 1 <= year <= date.max.year:
        raise _out_of_range("year")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lx) // 433
    month = (h + lx - 7 * m + 90) // 25
    day = (h + lx - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _saturday_between(year: int, month: int, first: int) -> date:
    """The Saturday in the seven days starting *first*.*month*."""
    start = date(year, month, first)
    return start + timedelta(days=(5 - start.weekday()) % 7)


class HolidayCalendar(Protocol):
    """Says which days are public holidays (besides Saturdays and Sundays).

    Any object with this method will do, e.g. one that reads your own list.
    """

    def is_holiday(self, day: date, /) -> bool:
        """Return whether *day* is a public holiday."""
        ...


@attrs.frozen
class NoHolidays:
    """A calendar without public holidays: only weekends move a deadline."""

    def is_holiday(self, day: date, /) -> bool:  # noqa: ARG002 - the protocol's signature
        """Return ``False``: no day is a holiday."""
        return False


@attrs.frozen(kw_only=True)
class FinnishHolidays:
    """The Finnish public holidays (pyhäpäivät and the two national days off).

    New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, May Day,
    Ascension Day, Whit Sunday, Midsummer Day, All Saints' Day, Independence
    Day, Christmas Day and St Stephen's Day.

    ``eves=True`` also counts Midsummer Eve (juhannusaatto) and Christmas Eve
    (jouluaatto) as holidays, as the Finnish law on calculating time limits
    (150/1930) does. Whether they count under Regulation 1182/71 is not
    settled, so they are left out by default: a deadline is then never later
    than under either reading.

    Examples:
        >>> FinnishHolidays().is_holiday(date(2025, 4, 18))  # pitkäperjantai
        True
        >>> FinnishHolidays().is_holiday(date(2025, 12, 24))
        False
        >>> FinnishHolidays(eves=True).is_holiday(date(2025, 12, 24))
        True
    """

    eves: bool = False

    def is_holiday(self, day: date, /) -> bool:
        """Return whether *day* is a Finnish public holiday."""
        return day in _finnish_holidays(day.year, eves=self.eves)

    def dates(self, year: int) -> dict[date, str]:
        """Return the holidays of *year*, each with its Finnish name, in date order."""
        return dict(sorted(_finnish_holiday_names(year, eves=self.eves).items()))


def _finnish_holiday_names(year: int, *, eves: bool) -> dict[date, str]:
    sunday = easter(year)
    names = {
        date(year, 1, 1): "uudenvuodenpäivä",
        date(year, 1, 6): "loppiainen",
        sunday - timedelta(days=2): "pitkäperjantai",
        sunday: "pääsiäispäivä",
        sunday + timedelta(days=1): "2. pääsiäispäivä",
        date(year, 5, 1): "vappu",
        sunday + timedelta(days=39): "helatorstai",
        sunday + timedelta(days=49): "helluntaipäivä",
        _saturday_between(year, 6, 20): "juhannuspäivä",
        _saturday_between(year, 10, 31): "pyhäinpäivä",
        date(year, 12, 6): "itsenäisyyspäivä",
        date(year, 12, 25): "joulupäivä",
        date(year, 12, 26): "tapaninpäivä",
    }
    if eves:
        names[_saturday_between(year, 6, 20) - timedelta(days=1)] = "juhannusaatto"
        names[date(year, 12, 24)] = "jouluaatto"
    return names


@functools.lru_cache(maxsize=256)
def _finnish_holidays(year: int, *, eves: bool) -> frozenset[date]:
    return frozenset(_finnish_holiday_names(year, eves=eves))


def next_working_day(day: date, holidays: HolidayCalendar | None = None) -> date:
    """Return *day* if it is a working day, else the next working day.

    A working day is neither a Saturday, a Sunday nor a holiday of
    *holidays* (:class:`FinnishHolidays` by default): Regulation 1182/71
    Art 3(4) moves the last day of a period that falls on one of them to the
    end of the next working day.

    Examples:
        >>> next_working_day(date(2025, 9, 13))  # a Saturday
        datetime.date(2025, 9, 15)
        >>> next_working_day(date(2025, 4, 18), NoHolidays())  # Good Friday counts as a Friday
        datetime.date(2025, 4, 18)
    """
    expect(day, date, "day", "a date")
    calendar: HolidayCalendar = FinnishHolidays() if holidays is None else holidays
    while day.weekday() >= 5 or calendar.is_holiday(day):
        if day >= date.max - timedelta(days=1):
            raise _out_of_range("day")
        day += timedelta(days=1)
    return day
