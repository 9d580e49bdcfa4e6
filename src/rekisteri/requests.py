"""Data-subject requests: statuses, events, and the Art 12(3) response deadline.

A request to exercise a right (access, rectification, erasure, restriction,
portability, objection, …) is a sequence of :class:`RequestEvent` s that are
recorded and never edited. Its state, a :class:`DataSubjectRequest`, is a
fold over those events through one transition table (:data:`TRANSITIONS`),
whose statuses are the W3C DPV request statuses.

The controller must answer within one month of receipt, a period that can be
extended by two further months if the data subject is told why within the
first month (GDPR Art 12(3)). :func:`response_deadline` computes the day
with the rules of Regulation 1182/71 on periods, dates and time limits;
:func:`overdue` and :func:`due_within` pick the requests that need attention,
e.g. from the open requests of a :class:`~rekisteri.store.RequestStore`
(``overdue(store.requests(only_open=True), at=now)``).

The calendar arithmetic (:func:`add_months`, :class:`FinnishHolidays`,
:class:`HolidayCalendar`, :class:`NoHolidays`) lives in
:mod:`rekisteri.calendar`; it is importable from here as well.

Examples:
    >>> from datetime import date
    >>> response_deadline(date(2025, 1, 31)).due
    datetime.date(2025, 2, 28)
    >>> response_deadline(date(2025, 3, 18)).due  # 18.4.2025 is Good Friday
    datetime.date(2025, 4, 22)
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from rekisteri._redact import redacted_repr, redacted_text
from rekisteri._validate import aware, aware_field, non_blank, parse_lang
from rekisteri.calendar import (
    ArgumentTypeError,
    FinnishHolidays,
    HolidayCalendar,
    NoHolidays,
    add_months,
    check_day,
    check_moment,
    expect,
    expect_iterable,
    next_working_day,
)
from rekisteri.errors import InvalidTransitionError, InvalidValueError
from rekisteri.model._enums import Right

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from rekisteri.model import Lang

__all__ = [
    "REQUESTABLE_RIGHTS",
    "TRANSITIONS",
    "DataSubjectRequest",
    "Deadline",
    "ExtensionRule",
    "FinnishHolidays",
    "HolidayCalendar",
    "IdentityStatus",
    "NoHolidays",
    "RefusalGround",
    "RequestEvent",
    "RequestEventKind",
    "RequestStatus",
    "add_months",
    "due_within",
    "next_request_status",
    "overdue",
    "refusal_reply",
    "response_deadline",
]

_DPV: Final = "https://w3id.org/dpv#"
#: The most that Art 12(3) allows the one month to be extended by.
MAX_EXTENSION_MONTHS: Final = 2


@functools.cache
def _helsinki() -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Helsinki")


class ExtensionRule(StrEnum):
    """How an extended deadline is counted; see :func:`response_deadline`."""

    FROM_RECEIPT = "from_receipt"
    """One plus the extension months counted from receipt (tietosuoja.fi's reading)."""
    CHAINED = "chained"
    """The extension months counted from the end of the first month: earlier at month ends."""


@attrs.frozen(kw_only=True)
class Deadline:
    """A response deadline computed by :func:`response_deadline`.

    Attributes:
        received: The day of receipt, in the deadline's time zone.
        months: The length of the period in months (1 to 3).
        unrolled: The last day of the period before Art 3(4) moves it off a
            weekend or holiday.
        due: The last day on which to respond.
        ends_at: The first moment after the deadline (midnight at the start
            of the day after *due*, in the deadline's time zone), in UTC.
    """

    received: date
    months: int
    unrolled: date
    due: date
    ends_at: datetime

    def is_overdue(self, at: datetime) -> bool:
        """Return whether the deadline has passed at *at* (an aware datetime).

        Raises:
            InvalidValueError: *at* is naive.
        """
        return aware(at, "at") >= self.ends_at


def _receipt_day(received: object, tz: tzinfo) -> date:
    if isinstance(received, datetime):
        moment = check_moment(aware(received, "received"), "received")
        try:
            return check_day(moment.astimezone(tz).date(), "received")
        except OverflowError:  # a zone far from UTC at the ends of the calendar
            return check_day(date.max, "received")  # raises CalendarRangeError
    if isinstance(received, date):
        return check_day(received, "received")
    msg = "received: expected a date or a datetime with a time zone"
    raise InvalidValueError(msg)


def _extension(value: object) -> int:
    if type(value) is not int:
        msg = "extension_months: expected a whole number of months"
        raise InvalidValueError(msg)
    if value < 0:
        msg = "extension_months: must not be negative"
        raise InvalidValueError(msg)
    if value > MAX_EXTENSION_MONTHS:
        msg = "extension_months: Art 12(3) allows at most two further months"
        raise InvalidValueError(msg)
    return value


def response_deadline(
    received: datetime | date,
    *,
    extension_months: int = 0,
    tz: tzinfo | None = None,
    holidays: HolidayCalendar | None = None,
    rule: ExtensionRule | str = ExtensionRule.FROM_RECEIPT,
) -> Deadline:
    """Return the day by which a request received at *received* must be answered.

    One month from receipt (GDPR Art 12(3)), counted as Regulation 1182/71
    Art 3 counts periods: the day of receipt is not counted, the period ends
    at the end of the same date in the last month or of that month's last day
    if there is no such date, and a period that would end on a Saturday,
    Sunday or public holiday ends at the end of the next working day.

    With an extension of one or two months, *rule* says how to count:
    :attr:`ExtensionRule.FROM_RECEIPT` (the default) counts 1 + *extension*
    months from receipt, as the Finnish Data Protection Ombudsman does
    ("three months from the request"); :attr:`ExtensionRule.CHAINED` counts
    the extension from the end of the first month, which is earlier when the
    first month ends on a shortened month end (31 January: 28 April instead
    of 30 April) and makes a safe internal target.

    Args:
        received: When the request arrived: an aware datetime (its day in
            *tz* counts) or a date.
        extension_months: 0, 1 or 2.
        tz: The time zone of the controller; Europe/Helsinki by default.
        holidays: Public holidays; :class:`FinnishHolidays` by default.
        rule: How to count an extension.

    Raises:
        InvalidValueError: A naive datetime, something that is not a date,
            or an extension that is negative or longer than two months.
        CalendarRangeError: *received* is outside the calendar that
            rekisteri computes with (years 2 to 9998; an InvalidValueError).

    Examples:
        >>> from datetime import date
        >>> d = response_deadline(date(2025, 8, 13))
        >>> d.unrolled, d.due  # 13.9.2025 is a Saturday
        (datetime.date(2025, 9, 13), datetime.date(2025, 9, 15))
        >>> response_deadline(date(2025, 1, 31), extension_months=2).due
        datetime.date(2025, 4, 30)
        >>> response_deadline(date(2025, 1, 31), extension_months=2, rule="chained").due
        datetime.date(2025, 4, 28)
    """
    extra = _extension(extension_months)
    if tz is not None:
        expect(tz, tzinfo, "tz", "a tzinfo (zoneinfo.ZoneInfo('Europe/Helsinki'), say)")
    if holidays is not None and not callable(getattr(holidays, "is_holiday", None)):
        got = type(holidays).__name__
        msg = f"holidays: expected a HolidayCalendar (with is_holiday), not {got}"
        raise ArgumentTypeError(msg)
    zone = _helsinki() if tz is None else tz
    calendar: HolidayCalendar = FinnishHolidays() if holidays is None else holidays
    day = _receipt_day(received, zone)
    try:
        how = ExtensionRule(rule)
    except ValueError:
        msg = "rule: expected one of " + ", ".join(ExtensionRule)
        raise InvalidValueError(msg) from None
    if how is ExtensionRule.CHAINED:
        unrolled = add_months(add_months(day, 1), extra)
    else:
        unrolled = add_months(day, 1 + extra)
    due = next_working_day(unrolled, calendar)
    ends_at = datetime.combine(due + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return Deadline(received=day, months=1 + extra, unrolled=unrolled, due=due, ends_at=ends_at)


# --- statuses, events and the transition table ------------------------------------


class RequestStatus(StrEnum):
    """The status of a request, with DPV's request statuses as wire values."""

    INITIATED = "initiated"
    """Received, nothing done yet (``dpv:RequestInitiated``)."""
    ACKNOWLEDGED = "acknowledged"
    """The controller has confirmed receipt."""
    REQUIRES_ACTION = "requires_action"
    """Waiting for the data subject, e.g. to prove their identity (Art 12(6))."""
    REQUIRED_ACTION_PERFORMED = "required_action_performed"
    """The data subject did what was asked."""
    ACCEPTED = "accepted"
    """The controller will act on the request."""
    ACTION_DELAYED = "action_delayed"
    """The deadline was extended (Art 12(3)); the subject was told why."""
    REJECTED = "rejected"
    """Refused, with reasons (Art 12(4), 12(5)); final."""
    FULFILLED = "fulfilled"
    """Answered in full; final."""
    UNFULFILLED = "unfulfilled"
    """Closed without being fulfilled; final."""

    @property
    def dpv(self) -> str:
        """The DPV concept IRI, e.g. ``https://w3id.org/dpv#RequestFulfilled``."""
        return _DPV + _DPV_NAMES[self]

    @property
    def is_final(self) -> bool:
        """Whether the request is closed: rejected, fulfilled or unfulfilled."""
        return self in _FINAL


_DPV_NAMES: Final = {
    RequestStatus.INITIATED: "RequestInitiated",
    RequestStatus.ACKNOWLEDGED: "RequestAcknowledged",
    RequestStatus.REQUIRES_ACTION: "RequestRequiresAction",
    RequestStatus.REQUIRED_ACTION_PERFORMED: "RequestRequiredActionPerformed",
    RequestStatus.ACCEPTED: "RequestAccepted",
    RequestStatus.ACTION_DELAYED: "RequestActionDelayed",
    RequestStatus.REJECTED: "RequestRejected",
    RequestStatus.FULFILLED: "RequestFulfilled",
    RequestStatus.UNFULFILLED: "RequestUnfulfilled",
}
_FINAL: Final = frozenset(
    {RequestStatus.REJECTED, RequestStatus.FULFILLED, RequestStatus.UNFULFILLED}
)


class RequestEventKind(StrEnum):
    """What happened to a request."""

    RECEIVE = "receive"
    ACKNOWLEDGE = "acknowledge"
    REQUIRE_ACTION = "require_action"
    """Ask the data subject for something, e.g. proof of identity."""
    PERFORM_ACTION = "perform_action"
    """The data subject supplied what was asked."""
    ACCEPT = "accept"
    EXTEND = "extend"
    """Extend the deadline (Art 12(3)); needs a reason and ``extension_months``."""
    REJECT = "reject"
    """Refuse; needs a :class:`RefusalGround` and a reason."""
    FULFIL = "fulfil"
    CLOSE_UNFULFILLED = "close_unfulfilled"
    """End without acting; needs the reasons, which the data subject is told
    with the right to complain (Art 12(4))."""


class IdentityStatus(StrEnum):
    """Where the verification of the requester's identity stands (Art 12(6))."""

    NOT_VERIFIED = "not_verified"
    """Not checked yet."""
    NOT_NEEDED = "not_needed"
    """No reasonable doubt, e.g. the request came from a logged-in account."""
    REQUESTED = "requested"
    """More information was asked for."""
    VERIFIED = "verified"
    FAILED = "failed"
    """The requester could not be identified."""


class RefusalGround(StrEnum):
    """Why a request is refused."""

    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    """Art 12(5)(b): the request is manifestly unfounded."""
    EXCESSIVE = "excessive"
    """Art 12(5)(b): the request is excessive, in particular because of its repetitive character."""
    IDENTITY_NOT_ESTABLISHED = "identity_not_established"
    """Art 12(2), 11(2): the controller cannot identify the data subject."""
    EXEMPTION = "exemption"
    """Another ground in law, e.g. Art 17(3) or an exception in tietosuojalaki."""


_S = RequestStatus
_K = RequestEventKind
_OPEN_BEFORE_DECISION: Final = (_S.ACKNOWLEDGED, _S.REQUIRES_ACTION, _S.REQUIRED_ACTION_PERFORMED)

#: The state machine: (status before, or ``None`` for a new request; event) → status.
#: Nothing can be skipped: a request is acknowledged before it is accepted or
#: rejected, and accepted before it is fulfilled; only an accepted request
#: can be extended, and only once. Closed requests stay closed.
TRANSITIONS: Final[Mapping[tuple[RequestStatus | None, RequestEventKind], RequestStatus]] = (
    MappingProxyType(
        {
            (None, _K.RECEIVE): _S.INITIATED,
            (_S.INITIATED, _K.ACKNOWLEDGE): _S.ACKNOWLEDGED,
            (_S.ACKNOWLEDGED, _K.REQUIRE_ACTION): _S.REQUIRES_ACTION,
            (_S.REQUIRED_ACTION_PERFORMED, _K.REQUIRE_ACTION): _S.REQUIRES_ACTION,
            (_S.REQUIRES_ACTION, _K.PERFORM_ACTION): _S.REQUIRED_ACTION_PERFORMED,
            (_S.ACKNOWLEDGED, _K.ACCEPT): _S.ACCEPTED,
            (_S.REQUIRED_ACTION_PERFORMED, _K.ACCEPT): _S.ACCEPTED,
            **{(status, _K.REJECT): _S.REJECTED for status in _OPEN_BEFORE_DECISION},
            (_S.ACCEPTED, _K.EXTEND): _S.ACTION_DELAYED,
            (_S.ACCEPTED, _K.FULFIL): _S.FULFILLED,
            (_S.ACTION_DELAYED, _K.FULFIL): _S.FULFILLED,
            (_S.ACCEPTED, _K.CLOSE_UNFULFILLED): _S.UNFULFILLED,
            (_S.ACTION_DELAYED, _K.CLOSE_UNFULFILLED): _S.UNFULFILLED,
        }
    )
)


def next_request_status(status: RequestStatus | None, kind: RequestEventKind) -> RequestStatus:
    """Return the status after *kind* happens to a request in *status*.

    Raises:
        InvalidTransitionError: The event is not allowed in that status.

    Examples:
        >>> next_request_status(RequestStatus.ACCEPTED, RequestEventKind.FULFIL)
        <RequestStatus.FULFILLED: 'fulfilled'>
    """
    try:
        return TRANSITIONS[status, kind]
    except KeyError:
        raise InvalidTransitionError(state=status, event=kind) from None


#: The rights that a data subject exercises by a request to the controller (Art 15–22).
REQUESTABLE_RIGHTS: Final = frozenset(
    {
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
        Right.NOTIFICATION,
        Right.PORTABILITY,
        Right.OBJECT,
        Right.AUTOMATED_DECISIONS,
    }
)


_E = TypeVar("_E", bound=StrEnum)


def _to_enum(cls: type[_E], field: str, value: object) -> _E:
    if isinstance(value, cls):
        return value
    msg = f"{field}: expected one of {', '.join(cls)}"
    if not isinstance(value, str):
        raise InvalidValueError(msg)
    try:
        return cls(value)
    except ValueError:
        raise InvalidValueError(msg) from None


def _optional_enum(cls: type[_E], field: str, value: object) -> _E | None:
    return None if value is None else _to_enum(cls, field, value)


def _event_kind(value: object) -> RequestEventKind:
    return _to_enum(RequestEventKind, "kind", value)


def _identity(value: object) -> IdentityStatus | None:
    return _optional_enum(IdentityStatus, "identity", value)


def _ground(value: object) -> RefusalGround | None:
    return _optional_enum(RefusalGround, "ground", value)


def _right(value: object) -> Right | None:
    if value is None:
        return None
    right = _to_enum(Right, "right", value)
    if right not in REQUESTABLE_RIGHTS:
        msg = f"right: {right} is not exercised by a request to the controller (Art 15-22)"
        raise InvalidValueError(msg)
    return right


_optional_text = attrs.validators.optional(non_blank)


def _in_calendar(_instance: object, attribute: attrs.Attribute[Any], value: datetime) -> None:
    """Attrs validator: a moment whose deadline can be computed (years 2 to 9998)."""
    check_moment(value, attribute.name)


@attrs.frozen(kw_only=True)
class RequestEvent:
    """One event in the life of a data-subject request; never edited.

    ``request_id`` is the application's own id of the request, ``subject``
    its own opaque id of the data subject (a store that is given a
    henkilötunnus keeps only a keyed hash of it). A ``receive`` event names
    the ``right``; ``extend`` needs ``extension_months`` and a ``reason``;
    ``reject`` needs a ``ground`` and a ``reason``; ``close_unfulfilled`` a
    ``reason``. ``identity`` records a
    change in the verification of the requester's identity and may come with
    any event.

    The free-text fields ``channel``, ``reason``, ``notes`` and ``actor``
    never hold an identity code: any henkilötunnus in them, in any spelling,
    is masked when the event is made, as
    :func:`rekisteri.identifiers.hetu.redact` does. A store never writes
    one, and ``requests show``/``list`` never print one.

    Raises:
        InvalidValueError: A missing or unknown right, a naive datetime, a
            moment outside years 2 to 9998 (:class:`~rekisteri.calendar.CalendarRangeError`),
            an extension that is not 1 or 2 months, a missing reason.
    """

    request_id: str = attrs.field(validator=non_blank, repr=redacted_repr)
    subject: str = attrs.field(validator=non_blank, repr=False)
    kind: RequestEventKind = attrs.field(converter=_event_kind)
    at: datetime = attrs.field(validator=[aware_field, _in_calendar])
    right: Right | None = attrs.field(default=None, converter=_right)
    channel: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text
    )
    """How the request arrived, e.g. ``"email"``, ``"web-form"``, ``"letter"``."""
    identity: IdentityStatus | None = attrs.field(default=None, converter=_identity)
    extension_months: int | None = None
    ground: RefusalGround | None = attrs.field(default=None, converter=_ground)
    reason: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )
    """Why: required for ``extend`` and ``reject`` (it goes into the reply)."""
    notes: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )
    actor: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )

    def __attrs_post_init__(self) -> None:
        kind = self.kind
        if (kind is _K.RECEIVE) != (self.right is not None):
            msg = "right: a receive event names the right, and only a receive event does"
            raise InvalidValueError(msg)
        if kind is _K.EXTEND:
            months = self.extension_months
            if type(months) is not int or not 1 <= months <= MAX_EXTENSION_MONTHS:
                _extension(months)  # the precise message for negative or too long
                msg = "extension_months: an extension is 1 or 2 months"
                raise InvalidValueError(msg)
            if self.reason is None:
                msg = "reason: an extension must tell the data subject why (Art 12(3))"
                raise InvalidValueError(msg)
        elif self.extension_months is not None:
            msg = "extension_months: only for an extend event"
            raise InvalidValueError(msg)
        if kind is _K.REJECT:
            if self.ground is None or self.reason is None:
                msg = "reason: a refusal needs a ground and the reasons (Art 12(4))"
                raise InvalidValueError(msg)
        elif self.ground is not None:
            msg = "ground: only for a reject event"
            raise InvalidValueError(msg)
        if kind is _K.CLOSE_UNFULFILLED and self.reason is None:
            msg = "reason: closing a request without action needs the reasons (Art 12(4))"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class DataSubjectRequest:
    """The state of one request, derived from its events by :meth:`fold`.

    Attributes:
        request_id: The application's id of the request.
        subject: The data subject as the events name it (in a store, the
            stored reference: an opaque id, or the HMAC of a henkilötunnus).
        right: The right invoked.
        received_at: When the request arrived.
        channel: How it arrived, if recorded.
        identity: Where the verification of identity stands.
        status: The current status.
        since: When the last event happened.
        extension_months: 0, or the months of the extension.
        extension_reason: Why the deadline was extended.
        refusal_ground: Why the request was refused, if it was.
        refusal_reason: The reasons given for the refusal.
        refused_late: The refusal was recorded after the first month had
            ended: Art 12(4) wants the reasons given within one month of
            receipt. The refusal is kept as it happened, and this flag shows
            that the time limit was missed.
        notes: The notes of every event, oldest first.
        deadline: The response deadline (with any extension), computed with
            the default time zone and holidays of :func:`response_deadline`.
        events: The events, oldest first.
    """

    request_id: str
    subject: str = attrs.field(repr=False)
    right: Right
    received_at: datetime
    channel: str | None
    identity: IdentityStatus
    status: RequestStatus
    since: datetime
    extension_months: int = 0
    extension_reason: str | None = None
    refusal_ground: RefusalGround | None = None
    refusal_reason: str | None = None
    refused_late: bool = False
    notes: tuple[str, ...] = ()
    deadline: Deadline
    events: tuple[RequestEvent, ...] = attrs.field(default=(), repr=False)

    @property
    def is_open(self) -> bool:
        """Whether the request still awaits its answer."""
        return not self.status.is_final

    def is_overdue(self, at: datetime) -> bool:
        """Whether the request is open and its deadline has passed at *at*."""
        return self.is_open and self.deadline.is_overdue(at)

    @classmethod
    def fold(
        cls,
        events: Iterable[RequestEvent],
        *,
        tz: tzinfo | None = None,
        holidays: HolidayCalendar | None = None,
    ) -> DataSubjectRequest:
        """Derive the request from its events, in order, checking every rule.

        *tz* and *holidays* are passed on to :func:`response_deadline`.

        A refusal recorded after the first month is accepted (it is what
        happened, and the record must not lose it) but marked
        ``refused_late``; an extension after the first month is refused,
        because a late extension does not extend anything.

        Raises:
            InvalidTransitionError: An event is not allowed where it stands.
            InvalidValueError: No events, events of several requests or
                subjects, events out of time order, or an extension told to
                the data subject after the first month had ended.
        """
        expect_iterable(events, "events", "an iterable of RequestEvent")
        history = tuple(events)
        if not history:
            msg = "events: a request needs at least one event"
            raise InvalidValueError(msg)
        for event in history:
            expect(event, RequestEvent, "events", "RequestEvent items")
        first = history[0]
        status: RequestStatus | None = None
        previous = first.at
        identity = IdentityStatus.NOT_VERIFIED
        extension, extension_reason = 0, None
        ground, refusal = None, None
        refused_late = False
        notes: list[str] = []
        first_month: Deadline | None = None
        for index, event in enumerate(history):
            if (event.request_id, event.subject) != (first.request_id, first.subject):
                msg = f"events[{index}]: all events of a request are of one request and subject"
                raise InvalidValueError(msg)
            if event.at < previous:
                msg = f"events[{index}].at: earlier than the event before it"
                raise InvalidValueError(msg)
            previous = event.at
            status = next_request_status(status, event.kind)
            if first_month is None:
                first_month = response_deadline(event.at, tz=tz, holidays=holidays)
            if event.kind is _K.EXTEND:
                if first_month.is_overdue(event.at):
                    msg = (
                        f"events[{index}].at: an extension must be told to the data subject"
                        f" within the first month (by {first_month.due.isoformat()})"
                    )
                    raise InvalidValueError(msg)
                extension, extension_reason = event.extension_months or 0, event.reason
            if event.kind is _K.REJECT:
                ground, refusal = event.ground, event.reason
                refused_late = first_month.is_overdue(event.at)
            if event.identity is not None:
                identity = event.identity
            if event.notes is not None:
                notes.append(event.notes)
        assert status is not None
        assert first.right is not None  # the first event is a receive (TRANSITIONS)
        deadline = (
            response_deadline(first.at, extension_months=extension, tz=tz, holidays=holidays)
            if extension
            else first_month
        )
        assert deadline is not None
        return cls(
            request_id=first.request_id,
            subject=first.subject,
            right=first.right,
            received_at=first.at,
            channel=first.channel,
            identity=identity,
            status=status,
            since=history[-1].at,
            extension_months=extension,
            extension_reason=extension_reason,
            refusal_ground=ground,
            refusal_reason=refusal,
            refused_late=refused_late,
            notes=tuple(notes),
            deadline=deadline,
            events=history,
        )


# --- queries over requests ----------------------------------------------------------


def overdue(requests: Iterable[DataSubjectRequest], *, at: datetime) -> list[DataSubjectRequest]:
    """Return the open *requests* whose deadline has passed at *at*, earliest first.

    *requests* is any iterable of requests, typically the open ones of a
    store: ``overdue(store.requests(only_open=True), at=at)``. Closed
    requests in it are skipped.

    Raises:
        InvalidValueError: *at* is naive.
    """
    moment = aware(at, "at")
    expect_iterable(requests, "requests", "an iterable of requests")
    requests = list(requests)
    for request in requests:
        expect(request, DataSubjectRequest, "requests", "DataSubjectRequest items")
    found = [r for r in requests if r.is_open and r.deadline.is_overdue(moment)]
    return sorted(found, key=lambda r: (r.deadline.ends_at, r.request_id))


def due_within(
    requests: Iterable[DataSubjectRequest], days: int, *, at: datetime
) -> list[DataSubjectRequest]:
    """Return the open, not yet overdue *requests* due within *days* days of *at*, earliest first.

    *requests* is any iterable of requests, typically the open ones of a
    store: ``due_within(store.requests(only_open=True), 7, at=at)``. Closed
    requests in it are skipped.

    A request is due within *days* if its last day is at most *days* calendar
    days after the day of *at* (in the deadline's time zone): ``days=0``
    lists the requests due today.

    Raises:
        InvalidValueError: *at* is naive or *days* is negative.
    """
    moment = aware(at, "at")
    expect_iterable(requests, "requests", "an iterable of requests")
    if type(days) is not int or days < 0:
        msg = "days: expected a whole number, 0 or more"
        raise InvalidValueError(msg)
    today = moment.astimezone(_helsinki()).date()
    try:
        limit = today + timedelta(days=days)
    except OverflowError:  # past the year 9999: every deadline is before it
        limit = date.max
    found = [
        r
        for r in requests
        if r.is_open and not r.deadline.is_overdue(moment) and r.deadline.due <= limit
    ]
    return sorted(found, key=lambda r: (r.deadline.ends_at, r.request_id))


# --- the reply to a refusal ---------------------------------------------------------

_GROUND_TEXT: Final = {
    RefusalGround.MANIFESTLY_UNFOUNDED: {
        "fi": "Pyyntö on ilmeisen perusteeton (EU:n yleisen tietosuoja-asetuksen 12 artiklan"
        " 5 kohta).",
        "sv": "Begäran är uppenbart ogrundad (artikel 12.5 i EU:s allmänna dataskyddsförordning).",
        "en": "The request is manifestly unfounded (Article 12(5) of the GDPR).",
    },
    RefusalGround.EXCESSIVE: {
        "fi": "Pyyntö on kohtuuton erityisesti toistuvan luonteensa vuoksi (EU:n yleisen"
        " tietosuoja-asetuksen 12 artiklan 5 kohta).",
        "sv": "Begäran är orimlig, särskilt på grund av dess repetitiva karaktär (artikel 12.5"
        " i EU:s allmänna dataskyddsförordning).",
        "en": "The request is excessive, in particular because of its repetitive character"
        " (Article 12(5) of the GDPR).",
    },
    RefusalGround.IDENTITY_NOT_ESTABLISHED: {
        "fi": "Emme pysty tunnistamaan pyynnön esittäjää rekisteröidyksi (EU:n yleisen"
        " tietosuoja-asetuksen 12 artiklan 2 kohta).",
        "sv": "Vi kan inte identifiera den som framställt begäran som den registrerade"
        " (artikel 12.2 i EU:s allmänna dataskyddsförordning).",
        "en": "We cannot identify the requester as the data subject (Article 12(2) of the GDPR).",
    },
    RefusalGround.EXEMPTION: {
        "fi": "Lainsäädännössä säädetty poikkeus estää pyynnön toteuttamisen.",
        "sv": "Ett undantag som föreskrivs i lag hindrar att begäran verkställs.",
        "en": "An exemption laid down by law prevents us from acting on the request.",
    },
}

_REPLY: Final = {
    "fi": (
        "Emme toteuta pyyntöänne ({right}).\n\n{ground}\n\nPerustelut: {reason}\n\n"
        "Teillä on oikeus tehdä valitus valvontaviranomaiselle, joka Suomessa on"
        " tietosuojavaltuutetun toimisto (www.tietosuoja.fi), sekä oikeus saattaa asia"
        " tuomioistuimen käsiteltäväksi."
    ),
    "sv": (
        "Vi vidtar inte åtgärder med anledning av er begäran ({right}).\n\n{ground}\n\n"
        "Skäl: {reason}\n\nNi har rätt att lämna in klagomål till tillsynsmyndigheten, som i"
        " Finland är dataombudsmannens byrå (www.tietosuoja.fi), och rätt att begära"
        " rättslig prövning."
    ),
    "en": (
        "We will not act on your request ({right}).\n\n{ground}\n\nReasons: {reason}\n\n"
        "You have the right to lodge a complaint with the supervisory authority, in Finland"
        " the Office of the Data Protection Ombudsman (www.tietosuoja.fi), and the right to"
        " seek a judicial remedy."
    ),
}


def refusal_reply(request: DataSubjectRequest, *, locale: Lang | str) -> str:
    """Return the text that tells the data subject their request is refused.

    Art 12(4): the reasons, and the possibility of lodging a complaint with a
    supervisory authority (in Finland the Tietosuojavaltuutettu) and of
    seeking a judicial remedy.

    Raises:
        InvalidValueError: The request was not refused.
        UnknownLocaleError: An unknown locale (an ``InvalidValueError`` too).

    Examples:
        >>> from datetime import UTC, datetime
        >>> t = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        >>> events = [
        ...     RequestEvent(request_id="r1", subject="c-1", kind="receive", at=t, right="access"),
        ...     RequestEvent(request_id="r1", subject="c-1", kind="acknowledge", at=t),
        ...     RequestEvent(
        ...         request_id="r1", subject="c-1", kind="reject", at=t,
        ...         ground="excessive", reason="The fifth identical request this month.",
        ...     ),
        ... ]
        >>> reply = refusal_reply(DataSubjectRequest.fold(events), locale="en")
        >>> "Data Protection Ombudsman" in reply
        True
    """
    expect(request, DataSubjectRequest, "request", "a DataSubjectRequest")
    if request.status is not RequestStatus.REJECTED or request.refusal_ground is None:
        msg = "request: only a rejected request has a refusal reply"
        raise InvalidValueError(msg)
    lang = parse_lang(locale).value
    return _REPLY[lang].format(
        right=getattr(request.right.label, lang),
        ground=_GROUND_TEXT[request.refusal_ground][lang],
        reason=request.refusal_reason,
    )
