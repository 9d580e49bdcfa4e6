"""Tests of the consent state machine, records and decisions (``rekisteri.consent``)."""

from __future__ import annotations

import itertools
import pickle
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from rekisteri.consent import (
    TRANSITIONS,
    ConsentEvent,
    ConsentRecord,
    ConsentStatus,
    Decision,
    DecisionReason,
    EventKind,
    decide,
    next_status,
)
from rekisteri.errors import InvalidTransitionError, InvalidValueError, RekisteriError

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
LATER = T0 + timedelta(hours=1)  # after every event that fold() below makes
HETU = "131052-308T"  # DOMAIN.md's published example, never a real person's


def event(
    kind: EventKind | str,
    *,
    at: datetime = T0,
    subject: str = "c-1",
    purpose: str = "newsletter",
    valid_until: datetime | None = None,
) -> ConsentEvent:
    return ConsentEvent(subject=subject, purpose=purpose, kind=kind, at=at, valid_until=valid_until)


def fold(*kinds: EventKind, valid_until: datetime | None = None) -> ConsentRecord:
    """Fold events of *kinds*, one minute apart; give/renew get *valid_until*."""
    return ConsentRecord.fold(
        event(
            kind,
            at=T0 + timedelta(minutes=i),
            valid_until=valid_until if kind in (EventKind.GIVE, EventKind.RENEW) else None,
        )
        for i, kind in enumerate(kinds)
    )


E = EventKind
S = ConsentStatus
CONSENT_KINDS = [kind for kind in EventKind if not kind.is_prohibition]

# Written out by hand from DOMAIN.md 6 and the module docstring, independently
# of TRANSITIONS: (status before, event) -> status after. Everything else is illegal.
ENDED = ("refused", "withdrawn", "revoked", "expired", "invalidated", "unknown")
EXPECTED: dict[tuple[str | None, str], str] = {
    (None, "request"): "requested",
    (None, "give"): "given",
    (None, "import_unknown"): "unknown",
    ("requested", "give"): "given",
    ("requested", "refuse"): "refused",
    ("requested", "defer"): "deferred",
    ("deferred", "request"): "requested",
    ("deferred", "give"): "given",
    ("deferred", "refuse"): "refused",
    ("given", "withdraw"): "withdrawn",
    ("given", "revoke"): "revoked",
    ("given", "expire"): "expired",
    ("given", "invalidate"): "invalidated",
    ("given", "renew"): "renewed",
    ("renewed", "withdraw"): "withdrawn",
    ("renewed", "revoke"): "revoked",
    ("renewed", "expire"): "expired",
    ("renewed", "invalidate"): "invalidated",
    ("renewed", "renew"): "renewed",
    ("expired", "renew"): "renewed",
    **{(ended, "request"): "requested" for ended in ENDED},
    **{(ended, "give"): "given" for ended in ENDED},
}

ALL_PAIRS = list(itertools.product([None, *ConsentStatus], list(EventKind)))
ALLOWED_PAIRS = [pair for pair in ALL_PAIRS if (pair[0], pair[1].value) in EXPECTED]
ILLEGAL_PAIRS = [pair for pair in ALL_PAIRS if (pair[0], pair[1].value) not in EXPECTED]


def _pair_id(pair: tuple[ConsentStatus | None, EventKind]) -> str:
    status, kind = pair
    return f"{status or 'none'}-{kind}"


class TestConsentStatus:
    def test_only_given_and_renewed_are_valid(self) -> None:
        """Only the given and renewed statuses permit processing."""
        valid = {status for status in ConsentStatus if status.is_valid_for_processing}
        assert valid == {ConsentStatus.GIVEN, ConsentStatus.RENEWED}

    @pytest.mark.parametrize(
        ("status", "name"),
        [
            (S.REQUESTED, "ConsentRequested"),
            (S.DEFERRED, "ConsentRequestDeferred"),
            (S.REFUSED, "ConsentRefused"),
            (S.GIVEN, "ConsentGiven"),
            (S.RENEWED, "RenewedConsentGiven"),
            (S.WITHDRAWN, "ConsentWithdrawn"),
            (S.REVOKED, "ConsentRevoked"),
            (S.EXPIRED, "ConsentExpired"),
            (S.INVALIDATED, "ConsentInvalidated"),
            (S.UNKNOWN, "ConsentUnknown"),
        ],
    )
    def test_dpv_iri(self, status: ConsentStatus, name: str) -> None:
        """Each status maps to its DPV 2.x consent-status concept IRI."""
        assert status.dpv == f"https://w3id.org/dpv#{name}"

    def test_wire_values_are_stable(self) -> None:
        """The wire values are the lower-case status names."""
        assert [status.value for status in ConsentStatus] == [
            "requested", "deferred", "refused", "given", "renewed",
            "withdrawn", "revoked", "expired", "invalidated", "unknown",
        ]  # fmt: skip


class TestEventKind:
    def test_prohibition_kinds(self) -> None:
        """Only the two direct-marketing events are prohibition events."""
        prohibition = {kind for kind in EventKind if kind.is_prohibition}
        assert prohibition == {E.PROHIBIT_DIRECT_MARKETING, E.LIFT_PROHIBITION}


class TestNextStatus:
    def test_table_matches_hand_written_model(self) -> None:
        """TRANSITIONS holds exactly the transitions written out by hand in this test."""
        table = {
            (status, kind.value): target.value for (status, kind), target in TRANSITIONS.items()
        }
        assert table == EXPECTED

    @pytest.mark.parametrize("pair", ALLOWED_PAIRS, ids=_pair_id)
    def test_allowed(self, pair: tuple[ConsentStatus | None, EventKind]) -> None:
        """An allowed event moves the consent to the status in the table."""
        status, kind = pair
        assert next_status(status, kind) == EXPECTED[status, kind.value]
        assert next_status(status, kind) is TRANSITIONS[status, kind]

    @pytest.mark.parametrize("pair", ILLEGAL_PAIRS, ids=_pair_id)
    def test_illegal(self, pair: tuple[ConsentStatus | None, EventKind]) -> None:
        """Every other (status, event) pair raises an error naming both."""
        status, kind = pair
        with pytest.raises(InvalidTransitionError) as info:
            next_status(status, kind)
        error = info.value
        assert (error.state, error.event) == (status, kind)
        assert isinstance(error, RekisteriError)
        assert isinstance(error, ValueError)
        assert f"event {kind}" in str(error)
        assert ("no record yet" if status is None else f"status {status}") in str(error)

    def test_every_pair_is_covered(self) -> None:
        """The allowed and illegal cases together are every (status, event) pair."""
        assert len(ALLOWED_PAIRS) + len(ILLEGAL_PAIRS) == 11 * len(EventKind)
        assert len(ALLOWED_PAIRS) == len(TRANSITIONS)

    def test_prohibitions_are_never_consent_transitions(self) -> None:
        """No status accepts a prohibition event."""
        for status in [None, *ConsentStatus]:
            for kind in (E.PROHIBIT_DIRECT_MARKETING, E.LIFT_PROHIBITION):
                with pytest.raises(InvalidTransitionError):
                    next_status(status, kind)

    @pytest.mark.parametrize("state", [None, S.WITHDRAWN])
    def test_error_pickles(self, state: ConsentStatus | None) -> None:
        """The error survives a pickle round trip with its attributes and message."""
        error = InvalidTransitionError(state=state, event=E.WITHDRAW)
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert type(copy) is InvalidTransitionError
        assert (copy.state, copy.event, str(copy)) == (state, E.WITHDRAW, str(error))


class TestConsentEvent:
    def test_kind_from_string(self) -> None:
        """A kind given as its wire value becomes the EventKind member."""
        assert event("give").kind is E.GIVE

    def test_unknown_kind(self) -> None:
        """An unknown kind is an InvalidValueError that does not quote the value."""
        with pytest.raises(InvalidValueError) as info:
            event("bogus-kind")
        assert isinstance(info.value, ValueError)
        assert "bogus-kind" not in str(info.value)
        assert str(info.value).startswith("kind: expected one of request, defer")

    @pytest.mark.parametrize("field", ["at", "valid_until"])
    def test_naive_datetime(self, field: str) -> None:
        """A datetime without a time zone is refused, naming the field."""
        naive = datetime(2026, 1, 5, 12, 0)  # noqa: DTZ001 - the point of the test
        arguments: dict[str, object] = {"at": T0, field: naive}
        with pytest.raises(InvalidValueError, match=f"^{field}: expected a datetime"):
            ConsentEvent(subject="c-1", purpose="p", kind=E.GIVE, **arguments)  # type: ignore[arg-type] # the point of the test

    def test_at_not_a_datetime(self) -> None:
        """A date string is not a datetime."""
        with pytest.raises(InvalidValueError, match=r"^at: "):
            ConsentEvent(subject="c-1", purpose="p", kind=E.GIVE, at="2026-01-05")  # type: ignore[arg-type] # the point of the test

    @pytest.mark.parametrize("field", ["subject", "purpose", "channel", "evidence", "actor"])
    @pytest.mark.parametrize("blank", ["", "   "])
    def test_blank_text(self, field: str, blank: str) -> None:
        """Blank subjects, purposes and optional texts are refused."""
        arguments: dict[str, object] = {"subject": "c-1", "purpose": "p", field: blank}
        with pytest.raises(InvalidValueError):
            ConsentEvent(kind=E.GIVE, at=T0, **arguments)  # type: ignore[arg-type] # from a dict

    def test_repr_hides_subject(self) -> None:
        """The repr of an event or a record never shows the subject."""
        given = event(E.GIVE, subject=HETU)
        record = ConsentRecord.fold([given])
        for text in (repr(given), str(given), repr(record), str(record), repr([given])):
            assert HETU not in text
            assert "131052" not in text
        assert "newsletter" in repr(given)

    def test_frozen(self) -> None:
        """Events are never edited."""
        given = event(E.GIVE)
        with pytest.raises(AttributeError):
            given.kind = E.WITHDRAW  # type: ignore[misc] # the point of the test


class TestFold:
    def test_request_then_give(self) -> None:
        """A request then a consent gives a record in status given, since the last event."""
        record = fold(E.REQUEST, E.GIVE)
        assert record.status is S.GIVEN
        assert record.since == T0 + timedelta(minutes=1)
        assert (record.subject, record.purpose) == ("c-1", "newsletter")
        assert [e.kind for e in record.events] == [E.REQUEST, E.GIVE]

    def test_new_consent_after_withdrawal(self) -> None:
        """An ended consent can be given again, as a new consent."""
        assert fold(E.GIVE, E.WITHDRAW, E.GIVE).status is S.GIVEN

    def test_illegal_transition(self) -> None:
        """An illegal event anywhere in the history raises the transition error."""
        with pytest.raises(InvalidTransitionError) as info:
            fold(E.GIVE, E.WITHDRAW, E.RENEW)
        assert (info.value.state, info.value.event) == (S.WITHDRAWN, E.RENEW)

    def test_empty(self) -> None:
        """A record needs at least one event."""
        with pytest.raises(InvalidValueError, match="at least one event"):
            ConsentRecord.fold([])

    @pytest.mark.parametrize(
        ("subject", "purpose"),
        [("c-2", "newsletter"), ("c-1", "billing")],
        ids=["subject", "purpose"],
    )
    def test_mixed_records(self, subject: str, purpose: str) -> None:
        """Events of another subject or purpose are refused."""
        second = event(E.WITHDRAW, at=T0 + timedelta(minutes=1), subject=subject, purpose=purpose)
        with pytest.raises(InvalidValueError, match="one subject and one purpose"):
            ConsentRecord.fold([event(E.GIVE), second])

    @pytest.mark.parametrize("kind", [E.PROHIBIT_DIRECT_MARKETING, E.LIFT_PROHIBITION])
    def test_prohibition_events(self, kind: EventKind) -> None:
        """Prohibition events are not part of a consent record."""
        with pytest.raises(InvalidValueError, match="prohibitions are not consent events"):
            ConsentRecord.fold([event(E.GIVE), event(kind, at=T0 + timedelta(minutes=1))])

    def test_time_order(self) -> None:
        """An event earlier than the one before it is refused."""
        with pytest.raises(InvalidValueError, match="earlier than the one before"):
            ConsentRecord.fold([event(E.GIVE), event(E.WITHDRAW, at=T0 - timedelta(seconds=1))])

    def test_same_time_is_in_order(self) -> None:
        """Events at the same moment keep the order in which they are given."""
        assert ConsentRecord.fold([event(E.REQUEST), event(E.GIVE)]).status is S.GIVEN

    def test_time_zones_are_compared_as_instants(self) -> None:
        """An event in another time zone is ordered by the instant, not the wall clock."""
        helsinki = T0.astimezone(timezone(timedelta(hours=2)))
        later = event(E.WITHDRAW, at=helsinki + timedelta(seconds=1))
        assert ConsentRecord.fold([event(E.GIVE), later]).status is S.WITHDRAWN


class TestValidUntil:
    UNTIL = T0 + timedelta(days=365)

    def test_give_sets_it(self) -> None:
        """A consent given with valid_until keeps that date."""
        assert fold(E.GIVE, valid_until=self.UNTIL).valid_until == self.UNTIL

    def test_without_it(self) -> None:
        """A consent without valid_until never expires by itself."""
        record = fold(E.GIVE)
        assert record.valid_until is None
        assert record.status_at(T0 + timedelta(days=10_000)) is S.GIVEN

    def test_renew_replaces_it(self) -> None:
        """A renewal replaces the date of the consent it renews."""
        later = self.UNTIL + timedelta(days=365)
        events = [
            event(E.GIVE, valid_until=self.UNTIL),
            event(E.RENEW, at=T0 + timedelta(days=300), valid_until=later),
        ]
        record = ConsentRecord.fold(events)
        assert (record.status, record.valid_until) == (S.RENEWED, later)

    def test_renew_without_date_clears_it(self) -> None:
        """A renewal without valid_until makes the consent open-ended."""
        events = [event(E.GIVE, valid_until=self.UNTIL), event(E.RENEW, at=T0)]
        assert ConsentRecord.fold(events).valid_until is None

    def test_ending_clears_it(self) -> None:
        """A withdrawn consent has no valid_until."""
        assert fold(E.GIVE, E.WITHDRAW, valid_until=self.UNTIL).valid_until is None

    def test_status_at_applies_expiry(self) -> None:
        """status_at is expired from the valid_until moment on, and given before it."""
        record = fold(E.GIVE, valid_until=self.UNTIL)
        assert record.status is S.GIVEN
        assert record.status_at(self.UNTIL - timedelta(microseconds=1)) is S.GIVEN
        assert record.status_at(self.UNTIL) is S.EXPIRED
        assert record.status_at(self.UNTIL + timedelta(days=1)) is S.EXPIRED

    def test_status_at_leaves_invalid_statuses(self) -> None:
        """status_at does not change a status that is already not valid."""
        record = fold(E.REQUEST, E.REFUSE)
        assert record.status_at(T0 + timedelta(days=1)) is S.REFUSED

    def test_recorded_expiry_keeps_date(self) -> None:
        """A recorded expiry keeps the date it had, and the status is expired."""
        record = fold(E.GIVE, E.EXPIRE, valid_until=self.UNTIL)
        assert (record.status, record.valid_until) == (S.EXPIRED, self.UNTIL)
        assert record.status_at(LATER) is S.EXPIRED
        # At T0 the expiry (a minute later) has not happened yet: the consent was given then.
        assert record.status_at(T0) is S.GIVEN


class TestDecide:
    UNTIL = T0 + timedelta(days=30)

    def test_valid_consent(self) -> None:
        """A valid consent allows processing, and the decision is truthy."""
        decision = decide(fold(E.GIVE), prohibited=False, direct_marketing=True, at=T0)
        assert decision == Decision(
            allowed=True, reason=DecisionReason.CONSENT_VALID, status=S.GIVEN
        )
        assert decision

    def test_no_consent(self) -> None:
        """Without a record nothing is allowed."""
        decision = decide(None, prohibited=False, direct_marketing=False, at=T0)
        assert not decision
        assert (decision.reason, decision.status) == (DecisionReason.NO_CONSENT, None)

    def test_prohibition_wins_for_direct_marketing(self) -> None:
        """A prohibition wins over a valid consent when the purpose is direct marketing."""
        decision = decide(fold(E.GIVE), prohibited=True, direct_marketing=True, at=T0)
        assert not decision
        assert decision.reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        assert decision.status is S.GIVEN

    def test_prohibition_without_record(self) -> None:
        """A prohibition is named as the reason even when there is no consent."""
        decision = decide(None, prohibited=True, direct_marketing=True, at=T0)
        assert (decision.allowed, decision.reason, decision.status) == (
            False,
            DecisionReason.DIRECT_MARKETING_PROHIBITED,
            None,
        )

    def test_prohibition_ignored_for_other_purposes(self) -> None:
        """A prohibition does not touch a purpose that is not direct marketing."""
        decision = decide(fold(E.GIVE), prohibited=True, direct_marketing=False, at=T0)
        assert decision.allowed
        assert decision.reason is DecisionReason.CONSENT_VALID

    def test_expired_by_date(self) -> None:
        """A consent past its valid_until is refused as expired."""
        record = fold(E.GIVE, valid_until=self.UNTIL)
        decision = decide(record, prohibited=False, direct_marketing=False, at=self.UNTIL)
        assert (decision.allowed, decision.reason, decision.status) == (
            False,
            DecisionReason.CONSENT_EXPIRED,
            S.EXPIRED,
        )
        before = decide(record, prohibited=False, direct_marketing=False, at=T0)
        assert before.allowed

    def test_recorded_expiry_is_not_valid(self) -> None:
        """A recorded expiry event gives the reason consent_not_valid."""
        record = fold(E.GIVE, E.EXPIRE)
        decision = decide(record, prohibited=False, direct_marketing=False, at=LATER)
        assert (decision.allowed, decision.reason) == (False, DecisionReason.CONSENT_NOT_VALID)
        # Before the expiry event the consent given at T0 holds.
        assert decide(record, prohibited=False, direct_marketing=False, at=T0).allowed

    @pytest.mark.parametrize(
        ("kinds", "status"),
        [
            ((E.REQUEST,), S.REQUESTED),
            ((E.REQUEST, E.DEFER), S.DEFERRED),
            ((E.REQUEST, E.REFUSE), S.REFUSED),
            ((E.GIVE, E.WITHDRAW), S.WITHDRAWN),
            ((E.GIVE, E.REVOKE), S.REVOKED),
            ((E.GIVE, E.INVALIDATE), S.INVALIDATED),
            ((E.IMPORT_UNKNOWN,), S.UNKNOWN),
        ],
    )
    def test_not_valid(self, kinds: tuple[EventKind, ...], status: ConsentStatus) -> None:
        """Every status but given and renewed refuses processing, with that status.

        The decision is for a moment after the last event (the events are a
        minute apart from T0): at T0 the record's first event alone counts.
        """
        decision = decide(fold(*kinds), prohibited=False, direct_marketing=False, at=LATER)
        assert (decision.allowed, decision.reason, decision.status) == (
            False,
            DecisionReason.CONSENT_NOT_VALID,
            status,
        )

    def test_renewed(self) -> None:
        """A renewed consent allows processing."""
        record = fold(E.GIVE, E.RENEW)
        decision = decide(record, prohibited=False, direct_marketing=False, at=LATER)
        assert (decision.allowed, decision.status) == (True, S.RENEWED)
        # At T0, before the renewal a minute later, the consent is the one given.
        at_t0 = decide(record, prohibited=False, direct_marketing=False, at=T0)
        assert (at_t0.allowed, at_t0.status) == (True, S.GIVEN)


class TestAtAMoment:
    """status_at and decide answer for the moment asked, replaying the events up to it (M23)."""

    DAY = timedelta(days=1)

    def record(self, *, valid_until: datetime | None = None) -> ConsentRecord:
        """Given on day 0 (with *valid_until*), withdrawn on day 10."""
        return ConsentRecord.fold(
            [
                event(E.GIVE, valid_until=valid_until),
                event(E.WITHDRAW, at=T0 + 10 * self.DAY),
            ]
        )

    def test_before_a_later_withdrawal_the_consent_holds(self) -> None:
        """On day 5 the consent given on day 0 is valid; from day 10 it is withdrawn."""
        record = self.record()
        assert record.status_at(T0 + 5 * self.DAY) is S.GIVEN
        assert record.status_at(T0 + 10 * self.DAY) is S.WITHDRAWN
        decision = decide(record, prohibited=False, direct_marketing=False, at=T0 + 5 * self.DAY)
        assert (decision.allowed, decision.reason, decision.status) == (
            True,
            DecisionReason.CONSENT_VALID,
            S.GIVEN,
        )

    def test_before_the_first_event_there_is_no_consent(self) -> None:
        """A moment before the first event has no status and the decision is no_consent."""
        record = self.record()
        before = T0 - timedelta(microseconds=1)
        assert record.status_at(before) is None
        decision = decide(record, prohibited=False, direct_marketing=False, at=before)
        assert (decision.allowed, decision.reason, decision.status) == (
            False,
            DecisionReason.NO_CONSENT,
            None,
        )
        banned = decide(record, prohibited=True, direct_marketing=True, at=before)
        assert (banned.reason, banned.status) == (DecisionReason.DIRECT_MARKETING_PROHIBITED, None)

    def test_expiry_by_date_at_a_past_moment(self) -> None:
        """A consent whose date passed before the withdrawal is expired in between."""
        record = self.record(valid_until=T0 + 3 * self.DAY)
        assert record.status_at(T0 + 2 * self.DAY) is S.GIVEN
        assert record.status_at(T0 + 5 * self.DAY) is S.EXPIRED
        decision = decide(record, prohibited=False, direct_marketing=False, at=T0 + 5 * self.DAY)
        assert decision.reason is DecisionReason.CONSENT_EXPIRED

    def test_events_at_the_moment_count(self) -> None:
        """Events at exactly the moment asked have happened by then, in their order."""
        record = ConsentRecord.fold([event(E.REQUEST), event(E.GIVE), event(E.WITHDRAW, at=LATER)])
        assert record.status_at(T0) is S.GIVEN

    def test_a_record_without_its_events_answers_with_its_status(self) -> None:
        """A record made from a status alone (as a store's decision makes one) keeps it."""
        record = ConsentRecord(subject="c-1", purpose="newsletter", status=S.GIVEN, since=LATER)
        assert record.status_at(T0) is S.GIVEN

    @given(
        steps=st.lists(st.sampled_from([E.GIVE, E.WITHDRAW, E.RENEW]), min_size=1, max_size=8),
        minute=st.integers(min_value=-2, max_value=12),
    )
    def test_status_at_is_the_fold_of_the_events_until_then(
        self, steps: list[EventKind], minute: int
    ) -> None:
        """status_at(at) is the status of the events at or before at, folded (expiry aside)."""
        events = []
        status: ConsentStatus | None = None
        for i, kind in enumerate(steps):
            if (status, kind) in TRANSITIONS:
                status = TRANSITIONS[status, kind]
                events.append(event(kind, at=T0 + timedelta(minutes=i)))
        assume(events)
        record = ConsentRecord.fold(events)
        at = T0 + timedelta(minutes=minute)
        until = [e for e in events if e.at <= at]
        expected = ConsentRecord.fold(until).status if until else None
        assert record.status_at(at) is expected


# --- Stateful: random histories against a hand-written model -------------------------


class ConsentMachine(RuleBasedStateMachine):
    """Drives random events at one consent and one subject's prohibition.

    The model is ``EXPECTED`` (written out above) plus a flag for the
    prohibition; the system under test is ``next_status``, ``ConsentRecord.fold``
    and ``decide``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.events: list[ConsentEvent] = []
        self.status: str | None = None  # the model's status
        self.valid_until: datetime | None = None
        self.prohibited = False
        self.direct_marketing = False

    @initialize(direct_marketing=st.booleans())
    def purpose(self, direct_marketing: bool) -> None:  # noqa: FBT001 - Hypothesis passes it by name
        """Choose whether the purpose is direct marketing."""
        self.direct_marketing = direct_marketing

    @rule(
        kind=st.sampled_from(CONSENT_KINDS),
        step=st.integers(min_value=0, max_value=90 * 24),
        lifetime=st.none() | st.integers(min_value=1, max_value=60 * 24),
    )
    def consent_event(self, kind: EventKind, step: int, lifetime: int | None) -> None:
        """Append one consent event, or check that it is refused."""
        at = self.now + timedelta(hours=step)
        until = at + timedelta(hours=lifetime) if lifetime is not None else None
        new = event(kind, at=at, valid_until=until)
        expected = EXPECTED.get((self.status, kind.value))
        if expected is None:
            with pytest.raises(InvalidTransitionError):
                ConsentRecord.fold([*self.events, new])
            return
        record = ConsentRecord.fold([*self.events, new])
        assert record.status == expected
        self.events.append(new)
        self.now, self.status = at, expected
        if kind.value in ("give", "renew"):
            self.valid_until = until
        elif expected not in ("given", "renewed", "expired"):
            self.valid_until = None

    @rule(step=st.integers(min_value=0, max_value=90 * 24))
    def time_passes(self, step: int) -> None:
        """Move the clock on without any event."""
        self.now += timedelta(hours=step)

    @rule()
    def prohibit(self) -> None:
        """The subject objects to direct marketing."""
        self.prohibited = True

    @rule()
    def lift(self) -> None:
        """The subject lifts the objection."""
        self.prohibited = False

    @rule(kind=st.sampled_from([E.PROHIBIT_DIRECT_MARKETING, E.LIFT_PROHIBITION]))
    @precondition(lambda self: bool(self.events))
    def prohibition_in_record(self, kind: EventKind) -> None:
        """A prohibition event never enters a consent record."""
        with pytest.raises(InvalidValueError):
            ConsentRecord.fold([*self.events, event(kind, at=self.now)])

    def _record(self) -> ConsentRecord | None:
        return ConsentRecord.fold(self.events) if self.events else None

    @invariant()
    def status_matches_model(self) -> None:
        """The folded status and valid_until are the model's."""
        record = self._record()
        if record is None:
            assert self.status is None
            return
        assert (record.status.value, record.valid_until) == (self.status, self.valid_until)

    @invariant()
    def processing_allowed_iff_valid(self) -> None:
        """Processing is allowed exactly when the model says the consent is valid now."""
        record = self._record()
        decision = decide(
            record, prohibited=self.prohibited, direct_marketing=self.direct_marketing, at=self.now
        )
        not_expired = self.valid_until is None or self.now < self.valid_until
        expected = (
            self.status in ("given", "renewed")
            and not_expired
            and not (self.prohibited and self.direct_marketing)
        )
        assert decision.allowed is expected
        if self.prohibited and self.direct_marketing:
            assert decision.reason is DecisionReason.DIRECT_MARKETING_PROHIBITED
        elif self.status is None:
            assert decision.reason is DecisionReason.NO_CONSENT
        elif expected:
            assert decision.reason is DecisionReason.CONSENT_VALID
        elif self.status in ("given", "renewed"):
            assert decision.reason is DecisionReason.CONSENT_EXPIRED
        else:
            assert decision.reason is DecisionReason.CONSENT_NOT_VALID


TestConsentMachine = ConsentMachine.TestCase


def test_event_repr_masks_identity_codes_in_free_text() -> None:
    """channel, evidence and actor are free text: a henkilötunnus in them is masked in repr."""
    event = ConsentEvent(
        subject="c-1",
        purpose="newsletter",
        kind=EventKind.GIVE,
        at=datetime(2026, 1, 5, 12, 0, tzinfo=UTC),
        channel="puhelin 010594Y9032",
        evidence="lomake, hetu 131052-308T",
        actor="010594Y9032",
    )
    text = repr(event)
    assert "010594Y9032" not in text
    assert "131052-308T" not in text
    assert "lomake, hetu 131052-****" in text
    # The value itself is redacted when the event is made (see test_store_privacy.py).
    assert event.evidence == "lomake, hetu 131052-****"
