"""The controller block on real notices (T9, session 16): general mechanisms.

Each test writes its own small fictional notice (no text of the legacy fixtures or of
real pages).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line


def _parts(line: str) -> list[tuple[str, str]]:
    return [(p.field, p.value) for p in parse_line(line, 0, len(line))]


# --- a channel's label glued to its value by a lost space or tag ------------------------


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        pytest.param(
            "Sähköpostipihla.kuusi@example.fi", "email", "pihla.kuusi@example.fi", id="fi-email"
        ),
        pytest.param("E-postkansliet@example.ax", "email", "kansliet@example.ax", id="sv-email"),
        pytest.param("Puh.040 765 4321", "phone", "040 765 4321", id="phone-dot"),
        pytest.param("Puhelin+358 40 765 4321", "phone", "+358 40 765 4321", id="phone-plus"),
        pytest.param("Verkkosivutwww.kuusikko.example", "url", "www.kuusikko.example", id="url"),
    ],
)
def test_a_glued_label_is_cut_off_whole(line: str, field: str, value: str) -> None:
    parts = _parts(line)
    assert parts[0][0] == "label"
    assert (field, value) in parts


@pytest.mark.parametrize(
    "line",
    [
        # an address that merely starts with a label's letters stays whole
        pytest.param("tellervo.kuusi@example.fi", id="tel-in-a-name"),
        pytest.param("pekka.kuusi@example.fi", id="p-in-a-name"),
        pytest.param("mobiili@example.fi", id="mob-in-a-name"),
        pytest.param("posti@example.fi", id="posti"),
    ],
)
def test_an_address_is_never_cut_at_a_label_word(line: str) -> None:
    assert _parts(line) == [("email", line)]


def test_glued_labels_in_a_controller_block() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä\n\n"
        "Nimi: Kuusikon Kanteleseura ry\n"
        "Verkkosivutwww.kuusikko.example\n"
        "Osoite: Kuusitie 8, 40100 Jyväskylä\n"
        "Puh.040 765 4321\n"
        "Sähköpostiseura@kuusikko.example\n\n"
        "2. Rekisteriasioista vastaava henkilö\n\n"
        "Nimi: Pihla Kuusi\n"
        "Sähköpostipihla.kuusi@example.fi\n\n"
        "3. Rekisterin nimi\n\nJäsenrekisteri\n"
    )
    draft = import_notice(text).draft
    contact = draft.controller.contact
    assert contact is not None
    assert contact.email == "seura@kuusikko.example"
    assert contact.phone == "040 765 4321"
    assert contact.url is not None
    assert contact.url.endswith("kuusikko.example")
    assert draft.contact_person is not None
    assert draft.contact_person.email == "pihla.kuusi@example.fi"
