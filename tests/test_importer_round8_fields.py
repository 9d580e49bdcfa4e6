"""Importer, round 8 (issue 15): fields inside sections.

Processors named under a recipients heading, data subjects told from data
categories, a line over a purposes list, a transfer to a named country, and a
heading that joins two fields. Each case is a short fictional notice.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice, to_toml
from rekisteri.importer._people import people_kind, processor_evidence, whose_data
from rekisteri.model import NoneStated

CONTROLLER = "Rekisterinpitäjä\n\nRinnekylän Kahvila Oy\nKylätie 3, 96100 Rovaniemi\n\n"
CONTROLLER_SV = "Personuppgiftsansvarig\n\nByns Kafé Ab\nBygatan 3, 65100 Vasa\n\n"
CONTROLLER_EN = "Controller\n\nVillage Café Ltd\nKylätie 3, 96100 Rovaniemi\n\n"


def _names(entries: tuple[object, ...]) -> list[str]:
    out = []
    for entry in entries:
        name = entry.name  # type: ignore[attr-defined]
        out.append(name if isinstance(name, str) else str(name.sv or name.fi))
    return out


# -- 1. processors under a recipients heading ------------------------------------------


@pytest.mark.parametrize(
    ("notice", "processors", "recipients"),
    [
        pytest.param(
            CONTROLLER + "Tietojen luovutukset\n\n"
            "Tietoja käsittelee puolestamme Pilvipalvelu Oy.\n\n"
            "Tietoja luovutetaan Verohallinnolle lain nojalla.\n",
            ["Pilvipalvelu Oy"],
            1,
            id="fi-on-our-behalf-beside-authority",
        ),
        pytest.param(
            CONTROLLER + "Vastaanottajat\n\nKäytämme seuraavia palveluntarjoajia:\n"
            "- Laskuri Oy (laskutus)\n- Postittaja Oy (uutiskirje)\n",
            ["Laskuri Oy", "Postittaja Oy"],
            0,
            id="fi-lead-in-list",
        ),
        pytest.param(
            CONTROLLER + "Tietojen vastaanottajat\n\n"
            "Tilitoimisto Luku Oy hoitaa kirjanpitomme toimeksiannostamme.\n",
            ["Tilitoimisto Luku Oy"],
            0,
            id="fi-commission",
        ),
        pytest.param(
            CONTROLLER_SV + "Mottagare\n\nMedlemsregistret sköts av Molntjänst Ab, som är vårt "
            "personuppgiftsbiträde.\n",
            ["Molntjänst Ab"],
            0,
            id="sv-bitrade",
        ),
        pytest.param(
            CONTROLLER_EN + "Recipients\n\nCloudhost Ltd processes the data on our behalf.\n\n"
            "Data are disclosed to the tax authority as required by law.\n",
            ["Cloudhost Ltd"],
            1,
            id="en-on-our-behalf",
        ),
    ],
)
def test_a_party_acting_for_the_controller_is_a_processor(
    notice: str, processors: list[str], recipients: int
) -> None:
    result = import_notice(notice)
    assert _names(result.draft.processors) == processors
    assert len(result.draft.recipients) == recipients
    # the move is said in the draft
    assert "# importer unsure" in to_toml(result.draft, notes=result.notes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja luovutetaan Verohallinnolle lain nojalla.",
        "Tietoja luovutetaan tilitoimistolle.",
        "Uppgifter lämnas ut till Skatteförvaltningen enligt lag.",
        "Data are disclosed to our bank.",
    ],
)
def test_a_recipient_of_its_own_stays_a_recipient(sentence: str) -> None:
    result = import_notice(CONTROLLER + f"Tietojen luovutukset\n\n{sentence}\n")
    assert result.draft.processors == ()
    assert len(result.draft.recipients) == 1


def test_a_denial_of_processors_sets_none_stated() -> None:
    result = import_notice(CONTROLLER + "Tietojen luovutukset\n\nEmme käytä alihankkijoita.\n")
    assert result.draft.processors == ()
    assert NoneStated.PROCESSORS in result.draft.none_stated


def test_a_denial_limited_to_marketing_is_no_none() -> None:
    result = import_notice(
        CONTROLLER + "Tietojen luovutukset\n\nTietoja ei luovuteta markkinointitarkoituksiin.\n"
    )
    assert NoneStated.RECIPIENTS not in result.draft.none_stated
    assert "markkinointitarkoituksiin" in to_toml(result.draft, notes=result.notes)


@pytest.mark.parametrize(
    ("low", "evidence"),
    [
        ("tietoja käsittelee puolestamme x oy.", "strong"),
        ("x ab är vårt personuppgiftsbiträde.", "strong"),
        ("x ltd processes the data on our behalf.", "strong"),
        ("palvelintilan tarjoaa x oy.", "word"),
        ("tietoja luovutetaan poliisille lain nojalla.", None),
        ("tietoja luovutetaan tilitoimistolle.", None),
    ],
)
def test_processor_evidence(low: str, evidence: str | None) -> None:
    assert processor_evidence(low) == evidence


# -- 2. data subjects vs data categories -------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "subjects", "categories"),
    [
        pytest.param(
            CONTROLLER + "Rekisterin tietosisältö\n\nRekisteriin tallennetaan asiakkaiden tiedot:\n"
            "- nimi\n- osoite\n",
            ["Asiakkaat"],
            ["Nimi", "Osoite"],
            id="fi-lead-in-names-whose",
        ),
        pytest.param(
            CONTROLLER + "Rekisterin tietosisältö\n\n"
            "Rekisterissä on tietoja yhdistyksen jäsenistä ja lahjoittajista.\n",
            ["Yhdistyksen jäsenet", "Lahjoittajat"],
            [],
            id="fi-elative",
        ),
        pytest.param(
            CONTROLLER + "Rekisteröidyt ryhmät ja tietosisältö\n\n"
            "Rekisteröidyt ryhmät ovat yritys- ja yksityisasiakkaat.\n",
            ["Yritys- ja yksityisasiakkaat"],
            [],
            id="fi-combined-heading-sentence",
        ),
        pytest.param(
            CONTROLLER + "Rekisteröidyt\n\nJäsenrekisterissä ovat Kylän Latu ry:n jäsenet, "
            "kannatusjäsenet sekä kunniajäsenet.\n",
            ["Kylän Latu ry:n jäsenet", "Kannatusjäsenet", "Kunniajäsenet"],
            [],
            id="fi-colon-inside-word",
        ),
        pytest.param(
            CONTROLLER + "Keiden tietoja käsittelemme?\n\nAsiakkaiden ja työnhakijoiden.\n",
            ["Asiakkaat", "Työnhakijat"],
            [],
            id="fi-genitive-answer",
        ),
        pytest.param(
            CONTROLLER + "Rekisterin tietosisältö\n\n- Asiakkaat\n- Nimi\n- Osoite\n",
            ["Asiakkaat"],
            ["Nimi", "Osoite"],
            id="fi-mixed-items",
        ),
        pytest.param(
            CONTROLLER_SV + "Vilka uppgifter behandlar vi?\n\n- Kunder\n- Medlemmar\n- Namn\n",
            ["Kunder", "Medlemmar"],
            ["Namn"],
            id="sv-mixed-items",
        ),
        pytest.param(
            CONTROLLER_SV + "Registrerade\n\nVi behandlar uppgifter om kunder och deltagare i "
            "lägren: namn och adress.\n",
            ["Kunder", "Deltagare i lägren"],
            ["Namn", "Adress"],
            id="sv-people-colon-data",
        ),
        pytest.param(
            CONTROLLER_EN + "Data subjects\n\nOur customers, newsletter subscribers and job "
            "applicants.\n",
            ["Our customers", "Newsletter subscribers", "Job applicants"],
            [],
            id="en-list",
        ),
    ],
)
def test_people_are_subjects_and_data_are_categories(
    notice: str, subjects: list[str], categories: list[str]
) -> None:
    result = import_notice(notice)
    assert _names(result.draft.data_subjects) == subjects
    assert _names(result.draft.data_categories) == categories


@pytest.mark.parametrize(
    ("item", "people"),
    [
        ("Asiakkaat", True),
        ("Yhdistyksen jäsenet ja kannatusjäsenet", True),
        ("Heidän yhteyshenkilönsä", True),
        ("Medlemmar", True),
        ("Job applicants", True),
        ("Asiakkaan nimi", False),
        ("Jäsenten yhteystiedot", False),
        ("Kundens adress", False),
        ("Customer name", False),
    ],
)
def test_people_kind(item: str, people: object) -> None:
    assert people_kind(item) is people


@pytest.mark.parametrize(
    ("sentence", "whose"),
    [
        (
            "Käsittelemme asiakkaidemme ja verkkokaupan käyttäjien tietoja.",
            ["Asiakkaat", "Verkkokaupan käyttäjät"],
        ),
        ("Rekisteriin kerätään tietoja työnhakijoista.", ["Työnhakijat"]),
        ("Rekisterissä on tietoja seuraavista henkilöistä:", []),
        ("We process data on customers and members.", ["Customers", "Members"]),
        ("Asiakkaan nimi ja osoite.", None),
    ],
)
def test_whose_data(sentence: str, whose: list[str] | None) -> None:
    assert whose_data(sentence) == whose


# -- 3. a purposes line over a list, a named third country, two-field headings -----------


@pytest.mark.parametrize(
    ("body", "purposes"),
    [
        ("Asiakassuhteen hoitaminen\n- Laskutus\n", ["Asiakassuhteen hoitaminen", "Laskutus"]),
        ("Tietoja käytetään seuraaviin tarkoituksiin\n- Laskutus\n", ["Laskutus"]),
        ("Personuppgifterna används för\n- fakturering\n", ["Fakturering"]),
    ],
)
def test_a_line_over_a_purposes_list(body: str, purposes: list[str]) -> None:
    result = import_notice(CONTROLLER + f"Rekisterin käyttötarkoitus\n\n{body}")
    assert [p.name.fi for p in result.draft.purposes] == purposes


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja siirretään Yhdysvaltoihin vakiosopimuslausekkein.",
        "Uppgifterna överförs till USA med standardavtalsklausuler.",
        "The data are transferred to the United States under standard contractual clauses.",
    ],
)
def test_a_transfer_to_a_named_country(sentence: str) -> None:
    result = import_notice(CONTROLLER + f"Tietojen luovutukset\n\n{sentence}\n")
    assert len(result.draft.transfers) == 1
    assert result.draft.recipients == ()


def test_data_items_under_a_data_and_sources_heading() -> None:
    result = import_notice(
        CONTROLLER + "Henkilötiedot ja niiden lähteet\n\nAsiakkaan nimi ja puhelinnumero.\n\n"
        "Tiedot saadaan asiakkaalta itseltään.\n"
    )
    assert _names(result.draft.data_categories) == ["Asiakkaan nimi", "Puhelinnumero"]
    assert [source.key for source in result.draft.sources] == ["data-subject"]


# -- 4. a word alone, lists under unknown headings --------------------------------------


def test_an_unnamed_service_provider_stays_a_recipient() -> None:
    """A processor needs a name: 'ulkoista palveluntarjoajaa' alone is a recipient category."""
    result = import_notice(
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\nTiedot ovat vain yrityksen "
        "käytössä, paitsi käytettäessä ulkoista palveluntarjoajaa laskutukseen.\n"
    )
    assert result.draft.processors == ()
    assert len(result.draft.recipients) == 1


@pytest.mark.parametrize(
    ("body", "subjects", "categories"),
    [
        pytest.param(
            "- Asiakkaat\n- Jäsenet\n- Yhteistyökumppanit (esim. toimittajat)\n",
            ["Asiakkaat", "Jäsenet", "Yhteistyökumppanit (esim. toimittajat)"],
            [],
            id="people",
        ),
        pytest.param(
            "- Yhteystiedot (esim. sähköposti)\n- Maksutiedot\n",
            [],
            ["Yhteystiedot", "Maksutiedot"],
            id="data",
        ),
        pytest.param("- Asiakkaat\n- Laskutus\n- Tietoturva\n", [], [], id="mixed"),
    ],
)
def test_a_list_under_an_unknown_heading_is_read_by_its_entries(
    body: str, subjects: list[str], categories: list[str]
) -> None:
    result = import_notice(CONTROLLER + f"Kenestä ja mitä\n\n{body}")
    assert _names(result.draft.data_subjects) == subjects
    assert _names(result.draft.data_categories) == categories
    if subjects or categories:
        assert "read by its entries" in to_toml(result.draft, notes=result.notes)


@pytest.mark.parametrize(
    ("body", "subjects", "categories"),
    [
        pytest.param(
            "- Asiakas\n- Nimi\n- Osoite\n", ["Asiakas"], ["Nimi", "Osoite"], id="singular"
        ),
        pytest.param(
            "Jäsenistä tallennetaan seuraavat tiedot: nimi ja osoite.\n",
            ["Jäsenet"],
            ["Nimi", "Osoite"],
            id="elative-first",
        ),
    ],
)
def test_more_shapes_of_people_under_the_data_heading(
    body: str, subjects: list[str], categories: list[str]
) -> None:
    result = import_notice(CONTROLLER + f"Rekisterin tietosisältö\n\n{body}")
    assert _names(result.draft.data_subjects) == subjects
    assert _names(result.draft.data_categories) == categories


def test_a_purpose_sentence_under_the_data_heading_is_a_purpose() -> None:
    result = import_notice(
        CONTROLLER
        + "Rekisterin tietosisältö\n\nNimi ja osoite.\n\nTietoja käytetään laskutukseen.\n"
    )
    assert [p.name.fi for p in result.draft.purposes] == ["Laskutus"]
    assert _names(result.draft.data_categories) == ["Nimi", "Osoite"]


def test_purposes_set_in_capitals_are_named_in_lower_case() -> None:
    result = import_notice(
        CONTROLLER + "REKISTERIN KÄYTTÖTARKOITUS\n\n"
        "TIETOJA KÄYTETÄÄN LASKUTUKSEEN JA ASIAKASSUHTEEN HOITAMISEEN.\n\n- MARKKINOINTI\n"
    )
    assert [p.name.fi for p in result.draft.purposes] == [
        "Laskutus",
        "Asiakassuhteen hoitaminen",
        "Markkinointi",
    ]
