"""NUL characters are refused in every text a ledger keeps (A10's L8).

PostgreSQL's text types cannot hold U+0000, so a value SQLite kept made
``store copy`` to PostgreSQL fail. The events now refuse it when made, with a
typed error that names the field and the position, never the value.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.consent import ConsentEvent
from rekisteri.errors import InvalidValueError, RekisteriError
from rekisteri.requests import RequestEvent

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
CONSENT: dict[str, Any] = {"subject": "c-1", "purpose": "newsletter", "kind": "give", "at": AT}
REQUEST: dict[str, Any] = {
    "request_id": "r-1",
    "subject": "c-1",
    "kind": "receive",
    "at": AT,
    "right": "access",
}


@pytest.mark.parametrize("field", ["subject", "purpose", "channel", "evidence", "actor"])
def test_a_consent_event_refuses_nul(field: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        ConsentEvent(**{**CONSENT, field: "secret-part\x00tail"})
    message = str(caught.value)
    assert message.startswith(f"{field}: contains a NUL character (at index 11)")
    assert "secret-part" not in message
    assert isinstance(caught.value, RekisteriError)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("field", ["request_id", "subject", "channel", "reason", "notes", "actor"])
def test_a_request_event_refuses_nul(field: str) -> None:
    with pytest.raises(InvalidValueError, match=rf"^{field}: contains a NUL character"):
        RequestEvent(**{**REQUEST, field: "r\x00"})


def test_a_surrogate_still_gets_its_own_message() -> None:
    with pytest.raises(InvalidValueError, match="lone surrogate"):
        ConsentEvent(**{**CONSENT, "subject": "c-\udcff"})


@given(st.text(min_size=1).filter(lambda text: text.strip() != ""))
def test_a_subject_is_kept_exactly_when_it_has_no_nul_or_surrogate(subject: str) -> None:
    storable = "\x00" not in subject and not any(0xD800 <= ord(c) <= 0xDFFF for c in subject)
    if storable:
        assert ConsentEvent(**{**CONSENT, "subject": subject}).subject == subject
    else:
        with pytest.raises(InvalidValueError):
            ConsentEvent(**{**CONSENT, "subject": subject})
