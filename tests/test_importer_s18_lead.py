"""Session 18 (lead): a notice's last line guessed to be a heading with nothing under it."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice, to_toml
from rekisteri.testing import make_ytunnus

HEAD = (
    "Rekisterinpitäjä\n\nKoe Yhdistys ry\nKoetie 1, 00100 Helsinki\n\n"
    "4. Käsiteltävät henkilötiedot\n\nNäitä tietoja ovat:\n\n"
    "  • Rekisteröidyn etu- ja sukunimi,\n  • Rekisteröidyn puhelinnumero;\n\n"
)


def test_a_cut_last_line_after_a_list_reaches_the_draft_as_a_note() -> None:
    # H49's page 06: the page's last line was cut off in the middle of a word
    result = import_notice(HEAD + "Rekisteröidyn kotikunta (hallitus, toimikunnat, vapa\n")
    toml = to_toml(result.draft, notes=result.notes)
    notes = result.notes["data_categories"]
    assert any("Rekisteröidyn kotikunta (hallitus, toimikunnat, vapa" in note for note in notes)
    assert "kotikunta" in toml
    assert result.unreached == ()


def test_a_known_heading_at_the_end_gets_no_such_note() -> None:
    # a heading of the form's table with no text is no stray line: its finding says so
    result = import_notice(HEAD + "Tietojen luovutukset\n")
    assert not any("last line" in note for notes in result.notes.values() for note in notes)
    assert any(finding.code == "I005" for finding in result.findings)


def test_a_lone_line_before_more_sections_is_not_the_last_line() -> None:
    result = import_notice(
        HEAD + "Rekisteröidyn syntymäaika\n\nTietojen luovutukset\n\nTietoja ei luovuteta.\n"
    )
    assert not any("last line" in note for notes in result.notes.values() for note in notes)


# --- H49's page 11: the body before "är personuppgiftsansvarig" is the controller -------------


@pytest.mark.parametrize(
    ("block", "name"),
    [
        (
            "Personuppgiftsansvarig\nKoeministeriet är personuppgiftsansvarig (FO-nummer {id}).\n",
            "Koeministeriet",
        ),
        (
            "Personuppgiftsansvarig\nKoeministeriet är personuppgiftsansvarig (FO-nummer {id})\n",
            "Koeministeriet",
        ),
        ("Rekisterinpitäjä\nKoeministeriö on rekisterinpitäjä (Y-tunnus {id}).\n", "Koeministeriö"),
        ("Controller\nKoe Widgets Ltd is the controller (business ID {id}).\n", "Koe Widgets Ltd"),
        # the role word first, the name after it, as before
        (
            "Personuppgiftsansvarig\nPersonuppgiftsansvarig är Koeministeriet (FO-nummer {id}).\n",
            "Koeministeriet",
        ),
        ("Rekisterinpitäjä\nRekisterinpitäjä on Koe Oy (Y-tunnus {id}).\n", "Koe Oy"),
    ],
)
def test_the_body_before_the_role_word_is_the_controller(block: str, name: str) -> None:
    business_id = make_ytunnus(2077474)
    assert business_id is not None
    text = "Seloste\n\n" + block.format(id=business_id) + "\nKäsittelyn tarkoitus\nLaskutus.\n"
    controller = import_notice(text).draft.controller
    assert controller.name == name
    assert controller.business_id == business_id
