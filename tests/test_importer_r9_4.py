"""R9-4: a denial of the identity code that goes on to an exception keeps the code held.

"Henkilötunnus: ei kerätä, paitsi laskutusasiakkailta" says it is collected from some
(fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._builder import names_identity_code

HELD = [
    "Henkilötunnus: ei kerätä, paitsi laskutusasiakkailta",
    "Henkilötunnus: ei kerätä muilta kuin laskutusasiakkailta",
    "Henkilötunnus – ei kerätä; laskutusasiakkailta kyllä",
    "Henkilötunnus: ei kerätä verkkokaupan asiakkailta, vain laskutusasiakkailta",
    "Personbeteckning: samlas inte in, utom av fakturakunder",
    "Henkilötunnus (ei kerätä, paitsi laskutusasiakkailta)",
]
DENIED = [
    "Henkilötunnus: ei kerätä",
    "Henkilötunnus: ei kerätä.",
    "- henkilötunnus – ei tallenneta",
    "Henkilötunnus (ei kerätä eikä tallenneta)",
    "Personbeteckning: samlas inte in",
]


@pytest.mark.parametrize("item", HELD)
def test_an_exception_after_the_denial_keeps_the_code(item: str) -> None:
    assert names_identity_code(item)


@pytest.mark.parametrize("item", DENIED)
def test_a_plain_denial_still_clears_it(item: str) -> None:
    assert not names_identity_code(item)


def test_the_flag_of_a_listed_item_with_an_exception() -> None:
    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
        "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
        "2. Rekisterin tietosisältö\n\n- nimi\n- osoite\n"
        "- henkilötunnus: ei kerätä, paitsi laskutusasiakkailta\n"
    )
    categories = import_notice(text).draft.data_categories
    assert any(category.personal_identity_code for category in categories)
