"""Round 10: a firm said to run the service the data are kept in is a processor (tuner T2).

Fictional notices written for these tests.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice


def _notice(heading: str, sentence: str, controller: str = "Lankapaja Oy") -> str:
    return (
        f"Tietosuojaseloste\n\n1. Rekisterinpitäjä\n{controller}\nLankakuja 2, 04200 Kerava\n"
        "info@lankapaja.example.fi\n\n"
        f"2. {heading}\nTietoja käytetään tilausten toimittamiseen. {sentence}\n"
    )


@pytest.mark.parametrize(
    ("heading", "sentence", "firm"),
    [
        (
            "Tietojen luovutukset",
            "Verkkokaupan alustan tarjoaa Kauppa-alusta Oy.",
            "Kauppa-alusta Oy",
        ),
        (
            "Tietojen luovutukset",
            "Asiakasrekisteri on Jäsenpalvelu Oy:n ylläpitämässä verkkopalvelussa.",
            "Jäsenpalvelu Oy",
        ),
        (
            "Henkilötietojen käsittelyn tarkoitus",
            "Ajanvaraukseen käytetään Varausnetti Oy:n tuottamaa palvelua.",
            "Varausnetti Oy",
        ),
        (
            "Rekisterin suojauksen periaatteet",
            "Tiedot tallennetaan kassajärjestelmään, jonka ylläpitäjä on Kassadata Oy.",
            "Kassadata Oy",
        ),
        (
            "Tietojen vastaanottajat",
            "Tilaukset käsitellään kauppajärjestelmässä, jonka toimittaa Kauppakone Oy.",
            "Kauppakone Oy",
        ),
        (
            "Tietojen vastaanottajat",
            "Uutiskirjeet lähetetään Viestikone Oy:n palvelulla.",
            "Viestikone Oy",
        ),
    ],
)
def test_a_firm_running_the_service_is_a_processor(heading: str, sentence: str, firm: str) -> None:
    draft = import_notice(_notice(heading, sentence)).draft
    assert [p.name for p in draft.processors] == [firm]
    assert all(firm not in (r.name or "") for r in draft.recipients)


def test_swedish_service_provided_by_a_firm_under_disclosures() -> None:
    text = (
        "Dataskyddsbeskrivning\n\nRegisteransvarig\nExempelstiftelsen sr\nStrandvägen 3\n"
        "10600 Ekenäs\n\nRegelmässigt utlämnande av uppgifter\n"
        "Uppgifter lämnas till Skatteförvaltningen enligt lag. "
        "Ansökningsportalen tillhandahålls av Portaltjänst Ab.\n"
    )
    draft = import_notice(text).draft
    assert [p.name for p in draft.processors] == ["Portaltjänst Ab"]
    assert draft.recipients  # the tax authority stays a recipient


def test_the_controller_maintaining_its_register_is_no_processor() -> None:
    sentence = "Lankapaja Oy ylläpitää asiakasrekisteriä tilausten hoitamiseksi."
    draft = import_notice(_notice("Henkilötietojen käsittelyn tarkoitus", sentence)).draft
    assert draft.processors == ()


def test_an_authority_by_law_stays_a_recipient() -> None:
    sentence = "Tietoja luovutetaan Verohallinnolle lain perusteella."
    draft = import_notice(_notice("Tietojen luovutukset", sentence)).draft
    assert draft.processors == ()
    assert draft.recipients


def test_on_our_account_with_a_possessive_suffix_says_processor() -> None:
    sentence = (
        "Käytämme kuljetuksissa freelance-lähettejä, jotka käsittelevät tietoja vain "
        "meidän lukuumme."
    )
    result = import_notice(_notice("Tietojen vastaanottajat", sentence))
    assert not any("lähettejä" in (r.description.fi or "") for r in result.draft.recipients)
    assert any("name each processor" in note for note in result.notes.get("processors", ()))
