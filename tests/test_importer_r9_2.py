"""R9-2: a sentence naming subcontractors or processors is not always about outsourcing.

The controller's own staff who process the data, a purpose that names subcontractors
as people, and the Swedish verb "biträda" (to assist) stay where they stand
(fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_FI = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
)
_SV = (
    "Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\n"
    "Björkby Bageri Ab, Hamnvägen 4, 10600 Ekenäs\n\n"
)
_EN = "Privacy notice\n\n1. Controller\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"


def _fields(result: ImportResult, needle: str) -> set[str]:
    at = result.text.index(needle)
    return {m.field.split(":")[-1] for m in result.mapped if m.start <= at < m.end}


@pytest.mark.parametrize(
    ("text", "needle", "field"),
    [
        (
            _FI + "2. Rekisterin suojaus\nTietokanta on suojattu salasanoin. "
            "Henkilötietojen käsittelijät ovat vaitiolovelvollisia.\n",
            "Henkilötietojen käsittelijät",
            "security",
        ),
        (
            _FI + "2. Rekisterin suojaus\nTietokanta on suojattu salasanoin. "
            "Rekisterin käsittelijöitä koulutetaan vuosittain.\n",
            "Rekisterin käsittelijöitä",
            "security",
        ),
        (
            _EN + "2. Security\nOnly staff who need the data can see it. Our staff act as "
            "data processors only under written instructions.\n",
            "Our staff act",
            "security",
        ),
        (
            _SV + "2. Skydd av registret\n"
            "Personalen som biträder vid behandlingen har tystnadsplikt.\n",
            "Personalen som",
            "security",
        ),
        (
            _FI + "2. Käsittelyn tarkoitus\nTietoja käytetään asiakassuhteen hoitoon sekä "
            "alihankkijoiden ja toimittajien yhteystietojen ylläpitoon.\n",
            "Tietoja käytetään",
            "purposes",
        ),
        (
            _SV + "2. Ändamål med behandlingen\nUppgifterna används för att biträda kunden "
            "vid beställningar.\n",
            "Uppgifterna används",
            "purposes",
        ),
    ],
)
def test_not_outsourcing_stays(text: str, needle: str, field: str) -> None:
    result = import_notice(text)
    assert "processors" not in _fields(result, needle)
    assert field in _fields(result, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            _FI + "2. Käsittelyn tarkoitus\nTietoja käytetään asiakassuhteen hoitoon. "
            "Käsittelytehtäviä voidaan ulkoistaa palveluntarjoajille.\n",
            "Käsittelytehtäviä",
        ),
        (
            _FI + "2. Käsittelyn tarkoitus\nTietoja käytetään asiakassuhteen hoitoon. "
            "Tietoja käsitellään myös alihankkijoiden toimesta.\n",
            "Tietoja käsitellään myös",
        ),
        (
            _EN + "2. Security\nWe use data processors that act on our behalf.\n",
            "We use data",
        ),
        (
            _SV + "2. Skydd\nDen tekniska driften är utlagd på en underleverantör.\n",
            "Den tekniska",
        ),
    ],
)
def test_outsourcing_still_goes_to_the_processors(text: str, needle: str) -> None:
    assert "processors" in _fields(import_notice(text), needle)
