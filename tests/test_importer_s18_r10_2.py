"""R10-2: only a disclosure of data leaves another section for the recipients.

``_extract._DISCLOSURE_OPENING`` (session 18, T13) sent any sentence with a few words
before "luovutetaan" / "lämnas ut" to the recipients, but those verbs hand over things
as well: a prize to the winner, a member card to the member, keys to a tenant, and a
sources sentence handing data *to us* is a source. The opening now needs the data
named (a word for data, an item, the register) and no "meille" / "till oss" / "to us".
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_HEAD_FI = (
    "Rekisterinpitäjä\nKoekylän Seura ry, Y-tunnus 3318435-2\nKylätie 1, 00100 Helsinki\n\n"
    "Rekisterin nimi\nSeuran jäsenrekisteri\n\n"
)
_HEAD_SV = (
    "Personuppgiftsansvarig\nProvbyns Förening rf, FO-nummer 3318435-2\n"
    "Byvägen 1, 10600 Ekenäs\n\nRegistrets namn\nFöreningens medlemsregister\n\n"
)
_HEAD_EN = (
    "Controller\nKoe Apps Oy, business ID 3318435-2\nKatu 1, 00100 Helsinki\n\n"
    "Name of the register\nCustomer register\n\n"
)
_PURPOSES = {
    "fi": (
        _HEAD_FI,
        "Henkilötietojen käsittelyn tarkoitus",
        "Tietoja käytetään jäsenyyden hoitamiseen.",
    ),
    "sv": (
        _HEAD_SV,
        "Ändamålet med behandlingen",
        "Uppgifterna används för att sköta medlemskapet.",
    ),
    "en": (_HEAD_EN, "Purpose of processing", "Data are used to manage customer accounts."),
}


def _fields_of(result: ImportResult, sentence: str) -> set[str]:
    at = result.text.index(sentence)
    return {
        span.field.split("[")[0].split(".")[0]
        for span in result.mapped
        if span.start <= at < span.end
    }


def _in_section(head: str, heading: str, opening: str, sentence: str) -> set[str]:
    return _fields_of(import_notice(f"{head}{heading}\n{opening} {sentence}\n"), sentence)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fi", "Arvonnan palkinto luovutetaan voittajalle kilpailun päätyttyä."),
        ("fi", "Jäsenkortti luovutetaan jäsenelle vuosittain."),
        ("fi", "Tilatut tuotteet luovutetaan asiakkaalle myymälässä."),
        ("fi", "Myös palkinnot luovutetaan voittajille juhlassa."),
        ("fi", "Lisäksi seura luovuttaa vuosittain stipendin parhaalle juniorille."),
        ("sv", "Priset lämnas ut till vinnaren efter tävlingen."),
        ("sv", "Nycklarna lämnas ut till hyresgästen vid inflyttningen."),
        ("en", "The controller shares responsibility with Koe Partner Oy as a joint controller."),
        ("en", "The company shares office premises with its parent company."),
    ],
)
def test_a_thing_handed_over_stays_in_the_purposes(lang: str, sentence: str) -> None:
    head, heading, opening = _PURPOSES[lang]
    assert _in_section(head, heading, opening, sentence) == {"purposes"}


def test_data_handed_to_us_stay_in_the_sources() -> None:
    sentence = "Liiton jäsenrekisteristä luovutetaan meille vuosittain päivitetyt osoitetiedot."
    fields = _in_section(
        _HEAD_FI, "Rekisterin tietolähteet", "Tiedot saadaan jäseneltä itseltään.", sentence
    )
    assert fields == {"sources"}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fi", "Seura luovuttaa metsästävien jäsenten nimet liitolle vakuutusta varten."),
        ("fi", "Tarvittaessa tietoja luovutetaan myös poliisille aselupa-asioissa."),
        ("fi", "Rekisteristä luovutetaan tietoja Verohallinnolle."),
        ("fi", "Asiakkaan nimi ja osoite luovutetaan kuljetusliikkeelle."),
        ("fi", "Kilpailijoiden nimet luovutetaan lajiliitolle tulosluetteloa varten."),
        ("sv", "Medlemmarnas namn och adresser lämnas ut till förbundet."),
        ("sv", "Vid behov lämnas uppgifter ut till myndigheter enligt lag."),
        ("en", "The company may also disclose invoicing data to a debt collection agency."),
    ],
)
def test_a_disclosure_of_data_still_leaves(lang: str, sentence: str) -> None:
    head, heading, opening = _PURPOSES[lang]
    assert _in_section(head, heading, opening, sentence) == {"recipients"}
