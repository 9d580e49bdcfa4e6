"""R10-3: a data item or a source naming a party that acts for us stays in its section.

Session 18 (T13) sent a data or sources sentence saying that a party processes the
data for the controller ("… hoitaa … puolestamme", "… för vår räkning", "acting on
our behalf") to the processors. A data item about such a party's people ("Contact
details of the service providers acting on our behalf") and a statement of where
the data come from ("Tietoja saamme liitolta, joka hoitaa rekisteriä lukuumme") went
there too, out of the data categories and the sources.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_HEAD = {
    "fi": (
        "Rekisterinpitäjä\nKoekylän Seura ry, Y-tunnus 3318435-2\nKylätie 1, 00100 Helsinki\n\n"
        "Rekisterin nimi\nSeuran jäsenrekisteri\n\n"
    ),
    "sv": (
        "Personuppgiftsansvarig\nProvbyns Förening rf, FO-nummer 3318435-2\n"
        "Byvägen 1, 10600 Ekenäs\n\nRegistrets namn\nFöreningens medlemsregister\n\n"
    ),
    "en": (
        "Controller\nKoe Apps Oy, business ID 3318435-2\nKatu 1, 00100 Helsinki\n\n"
        "Name of the register\nCustomer register\n\n"
    ),
}
_DATA = {
    "fi": ("Rekisterin tietosisältö", "Rekisteriin tallennetaan asiakkaan nimi ja osoite."),
    "sv": ("Registrets datainnehåll", "Namn och adress."),
    "en": ("Data content of the register", "Name and address of the customer."),
}
_SOURCES = {
    "fi": ("Rekisterin tietolähteet", "Tiedot saadaan jäseneltä itseltään."),
    "sv": ("Regelmässiga uppgiftskällor", "Uppgifterna fås från medlemmen."),
    "en": ("Sources of data", "Data are obtained from the customer."),
}


def _fields(lang: str, section: dict[str, tuple[str, str]], sentence: str) -> set[str]:
    heading, opening = section[lang]
    result: ImportResult = import_notice(f"{_HEAD[lang]}{heading}\n{opening} {sentence}\n")
    at = result.text.index(sentence)
    return {
        span.field.split("[")[0].split(".")[0]
        for span in result.mapped
        if span.start <= at < span.end
    }


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fi", "Valtakirjalla asioivan henkilön nimi, kun hän hoitaa asiointia puolestamme."),
        ("sv", "Kontaktuppgifter till de underleverantörer som sköter städningen för vår räkning."),
        ("en", "Contact details of the service providers acting on our behalf."),
        (
            "en",
            "Names and phone numbers of the drivers who run deliveries on our behalf.",
        ),
    ],
)
def test_a_data_item_about_the_party_stays_in_the_data(lang: str, sentence: str) -> None:
    assert _fields(lang, _DATA, sentence) == {"data_categories"}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fi", "Lisäksi tietoja saamme liitolta, joka hoitaa jäsenrekisteriä lukuumme."),
        (
            "fi",
            "Osa tiedoista tulee varausjärjestelmästä, jota Koe Systems Oy ylläpitää puolestamme.",
        ),
        (
            "sv",
            "Uppgifter om nya medlemmar får vi från förbundet som sköter det för vår räkning.",
        ),
        (
            "en",
            "We also receive data from Koe Leads Ltd, which acts as our processor for marketing.",
        ),
    ],
)
def test_data_received_from_the_party_stay_in_the_sources(lang: str, sentence: str) -> None:
    assert _fields(lang, _SOURCES, sentence) == {"sources"}


@pytest.mark.parametrize(
    ("lang", "section", "sentence"),
    [
        ("fi", _DATA, "Henkilötietojen käsittelijänä toimii Pilvikaappi Oy."),
        (
            "fi",
            _SOURCES,
            "Palkanlaskentaa hoitaa puolestamme Koe Palkka Oy, joka saa tiedot meiltä.",
        ),
        ("fi", _SOURCES, "Ilmoittautumislomakkeen toimittaja käsittelee tietoja lukuumme."),
        ("sv", _SOURCES, "Anmälningstjänstens leverantör behandlar uppgifterna för vår räkning."),
    ],
)
def test_a_processor_still_leaves(
    lang: str, section: dict[str, tuple[str, str]], sentence: str
) -> None:
    assert _fields(lang, section, sentence) == {"processors"}
