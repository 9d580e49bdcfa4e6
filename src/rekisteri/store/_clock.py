"""How far ahead of the store's clock an event may be dated (A11's M11).

An event dated decades ahead (a typo in ``--at``: 2062 for 2026) would
otherwise be stored, and every later event of the subject, made now, would
be refused as earlier than it: a withdrawal (GDPR Art 7(3)) or an objection
(Art 21) could not be recorded. So the stores refuse an event dated more
than a small skew ahead of their clock (:class:`~rekisteri.errors.FutureEventError`),
and a withdrawal or objection made now that is earlier than an event still
within that skew ahead is recorded at that event's moment instead (see
:func:`rekisteri.store._consent_sql.chain_rows`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

import attrs

from rekisteri.errors import FutureEventError, InvalidValueError, ModelTypeError

#: The default of the stores' ``max_clock_skew``.
DEFAULT_MAX_CLOCK_SKEW: Final = timedelta(minutes=5)
#: The largest skew a store takes: more would let a typo of a day through.
_LARGEST: Final = timedelta(hours=1)
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)


def check_skew(value: object) -> timedelta:
    """Return *value* as the skew of a store, checked.

    Raises:
        ModelTypeError: Not a :class:`~datetime.timedelta`.
        InvalidValueError: Negative, or more than an hour.
    """
    if not isinstance(value, timedelta):
        msg = f"max_clock_skew: expected a timedelta, got {type(value).__name__}"
        raise ModelTypeError(msg)
    if value < timedelta(0) or value > _LARGEST:
        msg = f"max_clock_skew: expected from 0 to {_LARGEST}"
        raise InvalidValueError(msg)
    return value


@attrs.frozen
class Window:
    """The store's clock when a batch is checked, in microseconds since 1970, and its skew."""

    now_us: int
    skew_us: int
    skew: timedelta

    @classmethod
    def now(cls, skew: timedelta) -> Window:
        """The window of this moment."""
        return cls((datetime.now(UTC) - _EPOCH) // _MICROSECOND, skew // _MICROSECOND, skew)

    @property
    def latest_us(self) -> int:
        """The latest moment an event may be dated."""
        return self.now_us + self.skew_us

    def refuse(self, index: int) -> FutureEventError:
        """The error for the event at *index* of a batch, dated after :attr:`latest_us`."""
        msg = (
            f"events[{index}].at: more than {self.skew} ahead of the store's clock"
            " (a mistyped date? an event is recorded when it happens; max_clock_skew)"
        )
        return FutureEventError(msg)
