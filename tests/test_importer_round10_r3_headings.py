"""'Yleistä …' headings (R3-9): about one field they head that field, not the notice."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import guess, recognise


@pytest.mark.parametrize(
    "heading",
    [
        "Yleistä henkilötietojen käsittelystä",
        "Allmänt om behandlingen av personuppgifter",
        "General information about the processing of personal data",
        "General information",
    ],
)
def test_about_the_processing_in_general_heads_the_notice_text(heading: str) -> None:
    assert recognise(heading) == "title"


@pytest.mark.parametrize(
    "heading",
    ["Yleistä tietoturvasta", "Allmänt om kakor", "General information about cookies"],
)
def test_about_one_field_is_no_title(heading: str) -> None:
    assert recognise(heading) != "title"


def test_a_section_about_security_in_general_keeps_its_text() -> None:
    """Unnumbered 'Yleistä tietoturvasta' over security text: a section of its own."""
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\nKuoro Kaiku ry, Torikatu 2, 80100 Joensuu\n\n"
        "Henkilötietojen käsittelyn tarkoitus\nTietoja käytetään jäsenmaksujen perintään.\n\n"
        "Yleistä tietoturvasta\nJäsenluettelo on salasanalla suojattu, ja vain rahastonhoitaja "
        "pääsee siihen. Paperiset lomakkeet ovat lukitussa kaapissa.\n"
    )
    kinds = [kind for _, _, kind in import_notice(text).sections]
    assert kinds[-1] == "security"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Yhteinen rekisterinpito ja kunkin vastuut", "controller"),
        ("Gemensamt personuppgiftsansvar", "controller"),
        ("Rekisterinpito ja tietoturva", "security"),
        ("Rekisterinpito ja säilytys", "retention"),
    ],
)
def test_only_joint_controllership_names_the_controller(heading: str, kind: str) -> None:
    """'Rekisterinpito' with another topic is about that topic (R3-15)."""
    assert guess(heading) == kind
