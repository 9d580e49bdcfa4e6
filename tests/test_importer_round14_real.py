"""Round 14: mechanisms for what real notices do that the development set did not show.

Every notice here is fictional, written for these tests (no text of a real page
nor of a fixture).
"""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._runon import dash_glued

#: A web page whose list of headings was flattened: each heading ends the line before it.
DASHED = (
    "Tietosuojaseloste\n"
    "- Rekisterinpitäjä\n"
    "Rantakylän Ratsastajat ry\n"
    "Hevoskuja 3, 40100 Jyväskylä - Rekisterin nimi\n"
    "Rantakylän Ratsastajat ry:n jäsenrekisteri - Henkilötietojen käsittelyn tarkoitus\n"
    "Tietoja käytetään jäsenyyden hoitamiseen ja jäsenmaksujen laskuttamiseen."
    " - Rekisterin tietosisältö\n"
    "• nimi\n"
    "• puhelinnumero\n"
    "• sähköpostiosoite - Säännönmukaiset tietolähteet\n"
    "Tiedot saadaan jäseneltä itseltään liittymislomakkeella.\n"
)


def test_dash_glued_headings_go_on_lines_of_their_own() -> None:
    text = dash_glued(DASHED)
    assert len(text) == len(DASHED)
    lines = text.splitlines()
    for heading in (
        "Rekisterin nimi",
        "Henkilötietojen käsittelyn tarkoitus",
        "Rekisterin tietosisältö",
        "Säännönmukaiset tietolähteet",
    ):
        assert heading in lines
    assert "Hevoskuja 3, 40100 Jyväskylä" in lines


def test_dash_glued_headings_fill_their_fields() -> None:
    draft = import_notice(DASHED).draft
    assert [p.name.fi for p in draft.purposes if p.name is not None]
    assert {c.name.fi for c in draft.data_categories if c.name is not None} >= {
        "Nimi",
        "Puhelinnumero",
        "Sähköpostiosoite",
    }
    assert draft.sources
    assert all(
        "tietolähteet" not in (c.name.fi or "").casefold()
        for c in draft.data_categories
        if c.name is not None
    )


def test_one_dash_is_no_flattened_page() -> None:
    """A title "X – tietosuojaseloste" or one entry "nimi - Osoite" is left as it is."""
    one = "Kahvila Kulma Oy - tietosuojaseloste\nRekisterinpitäjä\nKahvila Kulma Oy - Osoite\n"
    assert dash_glued(one) == one
    single = "Rekisterinpitäjä\nKahvila Kulma Oy, Torikatu 1 - Rekisterin nimi\nAsiakasrekisteri\n"
    assert dash_glued(single) == single


def test_a_heading_in_two_languages_is_not_split() -> None:
    bilingual = (
        "Rekisterin nimi – Registrets namn\nJäsenrekisteri\n"
        "Rekisterinpitäjä – Registeransvarig\nKyläyhdistys ry\n"
        "Tietojen luovuttaminen – Utlämnande av uppgifter\nEi luovuteta.\n"
    )
    assert dash_glued(bilingual) == bilingual
