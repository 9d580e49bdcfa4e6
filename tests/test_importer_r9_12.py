"""R9-12: the controller's own people named beside another party state no "none" (fictional text).

"Tietoja käsittelevät vain hallituksen jäsenet sekä Verohallinto ja Kela" discloses data to
two authorities: the notice must not say that no one receives them.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.model import NoneStated

_FI = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKylän Kuoro ry, Koulutie 2, 41800 Korpilahti\n\n"
    "2. Tietojen luovutukset\n"
)
_EN = (
    "Privacy notice\n\n1. Controller\nBirch Choir, Harbour Road 4, 00100 Helsinki\n\n"
    "2. Recipients\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _FI + "Tietoja käyttävät vain kuoron hallitus ja yhdistyksen tilintarkastaja.\n",
        _FI + "Tietoja käsittelevät vain hallituksen jäsenet sekä Verohallinto ja Kela.\n",
        _FI + "Jäsenluettelo on hallituksen ja Suomen Kuoroliiton käytössä.\n",
        _EN + "Only our board and the Finnish Tax Administration can access the data.\n",
        _FI + "Tiedot ovat vain yhdistyksen ja Verohallinnon käytössä.\n",
    ],
)
def test_another_party_beside_the_board_is_no_none(text: str) -> None:
    assert NoneStated.RECIPIENTS not in import_notice(text).draft.none_stated


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja käsittelevät vain yhdistyksen hallituksen jäsenet.",
        "Tiedot ovat ainoastaan Kylän Kuoro ry:n käytössä.",
    ],
)
def test_the_controllers_own_use_still_states_none(sentence: str) -> None:
    text = _FI + sentence + "\n"
    assert NoneStated.RECIPIENTS in import_notice(text).draft.none_stated
