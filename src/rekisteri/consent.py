"""Consent and direct-marketing prohibitions: statuses, events and decisions.

The state of a consent is never stored on its own: it is a fold over the
events that were recorded for one data subject and one purpose, through one
explicit transition table (:data:`TRANSITIONS`). An illegal transition raises
:class:`~rekisteri.errors.InvalidTransitionError` and changes nothing.

A direct-marketing prohibition (*suoramarkkinointikielto*, an objection under
GDPR Art 21(2)–(3)) is recorded per data subject and wins over any consent
for a purpose that is direct marketing: :func:`decide` says so, with the
reason.

Statuses use the W3C Data Privacy Vocabulary (DPV) consent statuses; only
``given`` and ``renewed`` permit processing.

Examples:
    >>> from datetime import UTC, datetime
    >>> t = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    >>> events = [
    ...     ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.REQUEST, at=t),
    ...     ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=t),
    ... ]
    >>> record = ConsentRecord.fold(events)
    >>> record.status, record.status.is_valid_for_processing
    (<ConsentStatus.GIVEN: 'given'>, True)
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from rekisteri._redact import redacted_repr, redacted_text
from rekisteri._validate import aware, aware_field, non_blank, optional_aware_field
from rekisteri.calendar import expect, expect_iterable
from rekisteri.errors import InvalidTransitionError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "TRANSITIONS",
    "ConsentEvent",
    "ConsentRecord",
    "ConsentStatus",
    "Decision",
    "DecisionReason",
    "EventKind",
    "advance",
    "decide",
    "next_status",
]

_DPV: Final = "https://w3id.org/dpv#"


class ConsentStatus(StrEnum):
    """The status of a consent, with DPV's consent statuses as wire values."""

    REQUESTED = "requested"
    DEFERRED = "deferred"
    """The request was dismissed without a decision."""
    REFUSED = "refused"
    GIVEN = "given"
    RENEWED = "renewed"
    WITHDRAWN = "withdrawn"
    """Withdrawn by the data subject (Art 7(3))."""
    REVOKED = "revoked"
    """Revoked by someone else, e.g. the controller."""
    EXPIRED = "expired"
    INVALIDATED = "invalidated"
    """Made invalid, e.g. by an authority's decision."""
    UNKNOWN = "unknown"
    """Imported from legacy data whose consent cannot be shown."""

    @property
    def is_valid_for_processing(self) -> bool:
        """Whether this status permits processing (only given and renewed do)."""
        return self in _VALID_STATUSES

    @property
    def dpv(self) -> str:
        """The DPV concept IRI, e.g. ``https://w3id.org/dpv#ConsentGiven``."""
        return _DPV + _DPV_NAMES[self]


_DPV_NAMES: Final = {
    ConsentStatus.REQUESTED: "ConsentRequested",
    ConsentStatus.DEFERRED: "ConsentRequestDeferred",
    ConsentStatus.REFUSED: "ConsentRefused",
    ConsentStatus.GIVEN: "ConsentGiven",
    ConsentStatus.RENEWED: "RenewedConsentGiven",
    ConsentStatus.WITHDRAWN: "ConsentWithdrawn",
    ConsentStatus.REVOKED: "ConsentRevoked",
    ConsentStatus.EXPIRED: "ConsentExpired",
    ConsentStatus.INVALIDATED: "ConsentInvalidated",
    ConsentStatus.UNKNOWN: "ConsentUnknown",
}


_VALID_STATUSES: Final = frozenset({ConsentStatus.GIVEN, ConsentStatus.RENEWED})


class EventKind(StrEnum):
    """What happened to a consent, or to a direct-marketing prohibition."""

    REQUEST = "request"
    DEFER = "defer"
    REFUSE = "refuse"
    GIVE = "give"
    RENEW = "renew"
    WITHDRAW = "withdraw"
    REVOKE = "revoke"
    EXPIRE = "expire"
    """Recorded expiry; expiry by the ``valid_until`` date needs no event."""
    INVALIDATE = "invalidate"
    IMPORT_UNKNOWN = "import_unknown"
    """A legacy record imported without evidence of consent."""
    PROHIBIT_DIRECT_MARKETING = "prohibit_direct_marketing"
    """The data subject objects to direct marketing (Art 21(2)); per subject."""
    LIFT_PROHIBITION = "lift_prohibition"
    """The data subject withdraws their objection to direct marketing."""

    @property
    def is_prohibition(self) -> bool:
        """Whether this event is about the direct-marketing prohibition."""
        return self in (EventKind.PROHIBIT_DIRECT_MARKETING, EventKind.LIFT_PROHIBITION)


_S = ConsentStatus
_E = EventKind
_ENDED: Final = (_S.REFUSED, _S.WITHDRAWN, _S.REVOKED, _S.EXPIRED, _S.INVALIDATED, _S.UNKNOWN)

#: The state machine: (status before, or ``None`` for no record yet; event) → status.
#: A consent that has ended (refused, withdrawn, …) is not reopened: a new
#: request or a new consent starts again, as Art 7(1) evidence of its own.
TRANSITIONS: Final[Mapping[tuple[ConsentStatus | None, EventKind], ConsentStatus]] = (
    MappingProxyType(
        {
            (None, _E.REQUEST): _S.REQUESTED,
            (None, _E.GIVE): _S.GIVEN,
            (None, _E.IMPORT_UNKNOWN): _S.UNKNOWN,
            (_S.REQUESTED, _E.GIVE): _S.GIVEN,
            (_S.REQUESTED, _E.REFUSE): _S.REFUSED,
            (_S.REQUESTED, _E.DEFER): _S.DEFERRED,
            (_S.DEFERRED, _E.REQUEST): _S.REQUESTED,
            (_S.DEFERRED, _E.GIVE): _S.GIVEN,
            (_S.DEFERRED, _E.REFUSE): _S.REFUSED,
            **{
                (status, kind): target
                for status in (_S.GIVEN, _S.RENEWED)
                for kind, target in (
                    (_E.WITHDRAW, _S.WITHDRAWN),
                    (_E.REVOKE, _S.REVOKED),
                    (_E.EXPIRE, _S.EXPIRED),
                    (_E.INVALIDATE, _S.INVALIDATED),
                    (_E.RENEW, _S.RENEWED),
                )
            },
            (_S.EXPIRED, _E.RENEW): _S.RENEWED,
            **{(status, _E.REQUEST): _S.REQUESTED for status in _ENDED},
            **{(status, _E.GIVE): _S.GIVEN for status in _ENDED},
        }
    )
)


def next_status(status: ConsentStatus | None, kind: EventKind) -> ConsentStatus:
    """Return the status after *kind* happens to a consent in *status*.

    Raises:
        InvalidTransitionError: The event is not allowed in that status.

    Examples:
        >>> next_status(ConsentStatus.GIVEN, EventKind.WITHDRAW)
        <ConsentStatus.WITHDRAWN: 'withdrawn'>
    """
    try:
        return TRANSITIONS[status, kind]
    except KeyError:
        raise InvalidTransitionError(state=status, event=kind) from None


_optional_text = attrs.validators.optional(non_blank)


def _event_kind(value: str) -> EventKind:
    # EventKind(value) alone raises a plain ValueError that quotes the value.
    try:
        return EventKind(value)
    except ValueError:
        kinds = ", ".join(EventKind)
        raise InvalidValueError(f"kind: expected one of {kinds}") from None


def _in_calendar(_instance: object, attribute: attrs.Attribute[Any], value: datetime) -> None:
    """Attrs validator: a moment within years 2 to 9998 (see :mod:`rekisteri.calendar`)."""
    from rekisteri.calendar import check_moment

    check_moment(value, attribute.name)


@attrs.frozen(kw_only=True)
class ConsentEvent:
    """One event in the life of a consent or a prohibition; never edited.

    ``subject`` is the application's own opaque id of the data subject (a
    store that is given a henkilötunnus keeps only a keyed hash of it).
    ``purpose`` is the key of the purpose; for the prohibition events it is
    ignored and may be ``"*"``.

    The free-text fields ``channel``, ``evidence`` and ``actor`` never hold
    an identity code: any henkilötunnus in them, in any spelling (lower case,
    a Unicode dash, spaces, fullwidth digits, no century sign), is masked
    when the event is made, as :func:`rekisteri.identifiers.hetu.redact`
    does (``131052-308T`` becomes ``131052-****``). A store never writes
    one, and histories and exports never show one. Name a person by the
    subject, which a store keeps only as a keyed reference.
    """

    subject: str = attrs.field(validator=non_blank, repr=False)
    purpose: str = attrs.field(validator=non_blank)
    kind: EventKind = attrs.field(converter=_event_kind)
    at: datetime = attrs.field(validator=[aware_field, _in_calendar])
    channel: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )
    """How the event arrived, e.g. ``"web-form"`` or ``"phone"``."""
    evidence: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )
    """What was shown or signed, e.g. the notice version ``"tietosuojaseloste 2026-01"``."""
    actor: str | None = attrs.field(
        default=None, converter=redacted_text, validator=_optional_text, repr=redacted_repr
    )
    """Who acted: ``"subject"``, ``"guardian"``, ``"controller"``, a user id."""
    valid_until: datetime | None = attrs.field(
        default=None, validator=[optional_aware_field, attrs.validators.optional(_in_calendar)]
    )
    """For give and renew: when the consent expires without a new event."""
    by_guardian: bool = False
    """Given by the holder of parental responsibility (a child under 13,
    tietosuojalaki: information-society services offered to a child)."""


def advance(
    status: ConsentStatus | None, valid_until: datetime | None, event: ConsentEvent
) -> tuple[ConsentStatus, datetime | None]:
    """Return the status and expiry of a consent after one more *event*.

    One step of :meth:`ConsentRecord.fold`: give and renew set the expiry
    from the event, an explicit expire keeps it, and any other event clears it
    unless the consent stays valid.

    Raises:
        InvalidTransitionError: The event is not allowed in *status*.
        ArgumentTypeError: *event* is not a ConsentEvent (``None``, say), or
            *valid_until* not a datetime.
    """
    expect(event, ConsentEvent, "event", "a ConsentEvent")
    if valid_until is not None:
        expect(valid_until, datetime, "valid_until", "a datetime or None")
    kind = event.kind
    after = next_status(status, kind)
    if kind in _SETS_EXPIRY:
        return after, event.valid_until
    if kind in _KEEPS_EXPIRY:
        return after, valid_until
    return after, valid_until if after.is_valid_for_processing else None


# Built once: enum members are class-level descriptors, and advance() runs per event.
_SETS_EXPIRY: Final = frozenset({EventKind.GIVE, EventKind.RENEW})
_KEEPS_EXPIRY: Final = frozenset({EventKind.EXPIRE})


@attrs.frozen(kw_only=True)
class ConsentRecord:
    """The state of one consent (one subject, one purpose), derived from its events."""

    subject: str = attrs.field(repr=False)
    purpose: str
    status: ConsentStatus
    since: datetime
    """When the last event happened."""
    valid_until: datetime | None = None
    events: tuple[ConsentEvent, ...] = attrs.field(default=(), repr=False)

    @classmethod
    def fold(cls, events: Iterable[ConsentEvent]) -> ConsentRecord:
        """Derive the record from its events, in order.

        Raises:
            InvalidTransitionError: An event is not allowed where it stands.
            InvalidValueError: No events, events of several subjects or
                purposes, a prohibition event, or events out of time order.
        """
        expect_iterable(events, "events", "an iterable of ConsentEvent")
        history = tuple(events)
        if not history:
            msg = "events: a consent record needs at least one event"
            raise InvalidValueError(msg)
        for event in history:
            expect(event, ConsentEvent, "events", "ConsentEvent items")
        first = history[0]
        status: ConsentStatus | None = None
        valid_until: datetime | None = None
        previous = first.at
        for event in history:
            if (event.subject, event.purpose) != (first.subject, first.purpose):
                msg = "events: all events of a record are of one subject and one purpose"
                raise InvalidValueError(msg)
            if event.kind.is_prohibition:
                msg = "events: prohibitions are not consent events"
                raise InvalidValueError(msg)
            if event.at < previous:
                msg = "events: an event is earlier than the one before it"
                raise InvalidValueError(msg)
            previous = event.at
            status, valid_until = advance(status, valid_until, event)
        assert status is not None
        return cls(
            subject=first.subject,
            purpose=first.purpose,
            status=status,
            since=history[-1].at,
            valid_until=valid_until,
            events=history,
        )

    def status_at(self, at: datetime) -> ConsentStatus | None:
        """The status at the moment *at*, with expiry by ``valid_until`` applied.

        The record's events up to *at* (those at *at* included) are replayed,
        so a moment before a later withdrawal has the status then; before
        the first event there is no consent and the answer is ``None``. A
        record made without its events (``events=()``, as a store makes one
        for a decision from the row in force) answers with its own status.

        Raises:
            InvalidValueError: *at* is naive (``ArgumentTypeError``: not a datetime).
        """
        expect(at, datetime, "at", "an aware datetime")
        aware(at, "at")
        status, valid_until = _state_at(self, at)
        if status is None:
            return None
        return _expired_by(status, valid_until, at)


def _state_at(record: ConsentRecord, at: datetime) -> tuple[ConsentStatus | None, datetime | None]:
    """The recorded status and expiry of *record* at *at* (aware), before expiry by date."""
    if not record.events or at >= record.since:
        return record.status, record.valid_until
    status: ConsentStatus | None = None
    valid_until: datetime | None = None
    for event in record.events:
        if event.at > at:
            break
        status, valid_until = advance(status, valid_until, event)
    return status, valid_until


def _expired_by(status: ConsentStatus, valid_until: datetime | None, at: datetime) -> ConsentStatus:
    """*status*, or expired if it is valid and *valid_until* has come by *at*."""
    if status.is_valid_for_processing and valid_until is not None and at >= valid_until:
        return ConsentStatus.EXPIRED
    return status


class DecisionReason(StrEnum):
    """Why :func:`decide` allowed or refused processing."""

    CONSENT_VALID = "consent_valid"
    NO_CONSENT = "no_consent"
    """No consent was ever recorded for this subject and purpose."""
    CONSENT_NOT_VALID = "consent_not_valid"
    """A consent exists, but its status does not permit processing."""
    CONSENT_EXPIRED = "consent_expired"
    DIRECT_MARKETING_PROHIBITED = "direct_marketing_prohibited"
    """The subject has objected to direct marketing; this wins over consent."""


@attrs.frozen(kw_only=True)
class Decision:
    """The answer of :func:`decide`: allowed or not, and why.

    ``bool(decision)`` is ``decision.allowed``.
    """

    allowed: bool
    reason: DecisionReason
    status: ConsentStatus | None = None
    """The consent status the decision was based on, if there is a consent."""

    def __bool__(self) -> bool:
        return self.allowed


def decide(
    record: ConsentRecord | None,
    *,
    prohibited: bool,
    direct_marketing: bool,
    at: datetime,
) -> Decision:
    """Decide whether a purpose that relies on consent may be processed at *at*.

    The precedence is fixed here and nowhere else: a direct-marketing
    prohibition wins over any consent for a direct-marketing purpose
    (Art 21(3)); otherwise a consent must exist and be valid at *at*. The
    consent is the record's status at that moment
    (:meth:`ConsentRecord.status_at`): a moment before the record's first
    event has no consent, and one before a later withdrawal the consent
    given then. *prohibited* is the caller's answer for the same moment.

    Args:
        record: The consent record, or ``None`` if there is none.
        prohibited: Whether the subject has an active direct-marketing prohibition.
        direct_marketing: Whether the purpose is direct marketing.
        at: The moment of the decision (aware).

    Examples:
        >>> from datetime import UTC, datetime
        >>> decide(None, prohibited=False, direct_marketing=False, at=datetime.now(UTC))
        Decision(allowed=False, reason=<DecisionReason.NO_CONSENT: 'no_consent'>, status=None)
    """
    if record is not None:
        expect(record, ConsentRecord, "record", "a ConsentRecord or None")
    expect(at, datetime, "at", "an aware datetime")
    aware(at, "at")
    recorded, valid_until = _state_at(record, at) if record is not None else (None, None)
    status = _expired_by(recorded, valid_until, at) if recorded is not None else None
    if prohibited and direct_marketing:
        return Decision(
            allowed=False, reason=DecisionReason.DIRECT_MARKETING_PROHIBITED, status=status
        )
    if status is None:
        return Decision(allowed=False, reason=DecisionReason.NO_CONSENT)
    if status.is_valid_for_processing:
        return Decision(allowed=True, reason=DecisionReason.CONSENT_VALID, status=status)
    if status is ConsentStatus.EXPIRED and recorded is not ConsentStatus.EXPIRED:
        return Decision(allowed=False, reason=DecisionReason.CONSENT_EXPIRED, status=status)
    return Decision(allowed=False, reason=DecisionReason.CONSENT_NOT_VALID, status=status)
