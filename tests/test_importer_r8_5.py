"""R8-5: a lead-in that lost its colon and names data leads its list into the data (f60e738).

Under the purposes' heading, "Keräämme asiakkaista seuraavat tiedot" (no colon)
over one entry a line: the entries are data categories, never purposes.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_FI = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "Rekisterin käyttötarkoitus\nTietoja käytetään asiakassuhteen hoitoon ja laskutukseen.\n\n"
    "Keräämme asiakkaista seuraavat tiedot{colon}\nNimi\nOsoite\nPuhelinnumero\n"
)
_EN = (
    "Privacy notice\n\nController\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"
    "Purpose of processing\nWe use the data to manage customer relationships.\n\n"
    "We collect the following data about customers{colon}\nName\nAddress\nPhone number\n"
)
_SV = (
    "Dataskyddsbeskrivning\n\nPersonuppgiftsansvarig\n"
    "Björkby Bageri Ab, Strandvägen 4, 10600 Ekenäs\n\n"
    "Ändamål\nUppgifterna används för kundrelationer.\n\n"
    "Vi samlar in följande uppgifter om kunderna{colon}\nNamn\nAdress\nTelefonnummer\n"
)


@pytest.mark.parametrize("colon", ["", ":"])
@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (_FI, ["Nimi", "Osoite", "Puhelinnumero"]),
        (_EN, ["Name", "Address", "Phone number"]),
        (_SV, ["Namn", "Adress", "Telefonnummer"]),
    ],
)
def test_a_lead_in_naming_data_leads_its_list_into_the_data(
    text: str, entries: list[str], colon: str
) -> None:
    draft = import_notice(text.format(colon=colon)).draft
    names = [str(category.name) for category in draft.data_categories]
    purposes = [str(purpose.name) for purpose in draft.purposes]
    assert all(any(entry in name for name in names) for entry in entries), names
    assert not any(entry in name for entry in entries for name in purposes), purposes
