"""An event's time must have a UTC offset of whole minutes (A10's L13, session 12).

RFC 3339, in which an event's time is kept, has no seconds in offsets: an
offset such as +02:00:30 was written +02:01, so the store reported its own
honest row as edited, and +23:59:59.999999 made rows unreadable.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from rekisteri.consent import ConsentEvent
from rekisteri.errors import InvalidValueError, RekisteriError
from rekisteri.requests import RequestEvent


@pytest.mark.parametrize(
    "offset",
    [
        timedelta(hours=2, seconds=30),
        timedelta(hours=-3, seconds=-1),
        timedelta(hours=23, minutes=59, seconds=59, microseconds=999_999),
        timedelta(microseconds=1),
    ],
)
def test_an_offset_that_is_not_whole_minutes_is_refused(offset: timedelta) -> None:
    at = datetime(2026, 1, 6, 12, tzinfo=timezone(offset))
    with pytest.raises(InvalidValueError, match="whole minutes") as caught:
        ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=at)
    assert isinstance(caught.value, RekisteriError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InvalidValueError, match="whole minutes"):
        RequestEvent(request_id="r-1", subject="c-1", kind="receive", right="access", at=at)


def test_helsinki_local_mean_time_is_refused_and_utc_accepted() -> None:
    old = datetime(1910, 5, 1, 12, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert old.utcoffset() == timedelta(hours=1, minutes=39, seconds=49)
    with pytest.raises(InvalidValueError):
        ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=old)
    event = ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=old.astimezone(UTC))
    assert event.at == old


@pytest.mark.parametrize(
    "offset",
    [
        timedelta(0),
        timedelta(hours=2),
        timedelta(hours=-3, minutes=-30),
        timedelta(hours=5, minutes=45),
    ],
)
def test_whole_minute_offsets_are_accepted(offset: timedelta) -> None:
    at = datetime(2026, 1, 6, 12, tzinfo=timezone(offset))
    assert ConsentEvent(subject="c-1", purpose="newsletter", kind="give", at=at).at == at
