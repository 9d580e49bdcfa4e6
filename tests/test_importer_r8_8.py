"""R8-8: a sentence about the officer is no denial of one (b2809fb, Q26).

"Tietosuojavastaava ei ole tavoitettavissa puhelimitse" says how to reach the
officer; only a verb of appointing, or of having before the officer's word (or
the officer in the partitive), denies that there is one.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._negation import denies_officer

_FI = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n"
    "info@koivula.example\n\nTietosuojavastaava\nTietosuojavastaavamme on Anna Berg, "
    "tietosuoja@koivula.example. {second}\n"
)
_EN = (
    "Privacy notice\n\nController\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n"
    "info@birch.example\n\nData protection officer\nOur data protection officer is Anna Berg, "
    "tietosuoja@koivula.example. {second}\n"
)


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (_FI, "Tietosuojavastaava ei ole tavoitettavissa puhelimitse."),
        (_FI, "Tietosuojavastaava ei hallinnoi asiakkaiden tietoja."),
        (_EN, "The data protection officer is not available by phone."),
        (_EN, "The data protection officer does not have access to customer data."),
    ],
)
def test_a_named_officer_stays_the_officer(text: str, second: str) -> None:
    dpo = import_notice(text.format(second=second)).draft.controller.dpo
    assert dpo is not None
    assert dpo.email == "tietosuoja@koivula.example"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietosuojavastaavaa ei ole nimetty.",
        "Yrityksellä ei ole tietosuojavastaavaa.",
        "Emme ole nimittäneet tietosuojavastaavaa.",
        "We have not appointed a data protection officer.",
        "We do not have a data protection officer.",
        "There is no data protection officer.",
        "Vi har inte utsett något dataskyddsombud.",
        "Det finns inget dataskyddsombud.",
    ],
)
def test_a_denied_officer_is_still_denied(sentence: str) -> None:
    assert denies_officer(sentence)
