"""Reprs of public objects never show a henkilötunnus from a free-text field."""

from __future__ import annotations

from datetime import UTC, datetime

from rekisteri._redact import redacted_repr
from rekisteri.identifiers import hetu
from rekisteri.importer import import_notice
from rekisteri.lint import Finding, Severity
from rekisteri.requests import RequestEvent

HETU = "010594Y9032"  # DVV's fictitious temporary henkilötunnus
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_redact_masks_every_shape() -> None:
    """Valid or not, glued to a word, lower case or with a Unicode dash: masked."""
    text = f"a{HETU} 131052–308t 131052-308U"
    assert hetu.redact(text) == "a010594Y**** 131052–**** 131052-****"
    assert redacted_repr(("x", HETU)) == "('x', '010594Y****')"


def test_finding_repr() -> None:
    """A finding's message may quote register text; its repr masks identity codes."""
    finding = Finding(code="I001", severity=Severity.INFO, path="text", message=f"'{HETU}'")
    assert HETU not in repr(finding)
    assert finding.message == f"'{HETU}'"


def test_request_event_repr() -> None:
    """Request ids, reasons, notes and actors are free text: masked in the repr."""
    event = RequestEvent(
        request_id=f"req-{HETU}",
        subject="c-1",
        kind="receive",
        at=AT,
        right="access",
        notes=f"soitti, hetu {HETU}",
        actor=HETU,
    )
    assert HETU not in repr(event)
    # Free text is redacted when the event is made (see test_store_privacy.py);
    # the request id is the application's own key and kept as given.
    assert event.notes == "soitti, hetu 010594Y****"
    assert event.actor == "010594Y****"
    assert event.request_id == f"req-{HETU}"


def test_import_result_and_passage_reprs() -> None:
    """An unmatched passage with an identity code: masked in its text and in every repr."""
    result = import_notice(
        f"Rekisterinpitäjä\n\nNimi: Esimerkki Oy\nYhteyshenkilö, hetu {HETU}, x\n"
    )
    # The importer masks identity codes in its text, so the passage holds the masked form.
    assert any(hetu.mask(HETU) in passage.text for passage in result.unmatched)
    assert all(HETU not in passage.text for passage in result.unmatched)
    assert HETU not in repr(result.unmatched)
    assert HETU not in repr(result.findings)
    assert HETU not in repr(result)
    assert "Rekisterinpitäjä\\n" not in repr(result)  # the whole text is not in the repr
