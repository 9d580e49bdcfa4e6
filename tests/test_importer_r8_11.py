"""R8-11: a remark denying the identity code after its name clears the flag (8db627d, V45).

8db627d reads a table copied as text one row an entry, "Henkilötunnus<TAB>ei kerätä"
as "Henkilötunnus (ei kerätä)": the bracketed remark was read as a remark of a held
code, and the draft said that the register holds identity codes.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._builder import names_identity_code

_CTRL = "Rekisterinpitäjä\n\nKoivulan Kahvila Oy\nKoivulantie 2, 41800 Korpilahti\n\n"


@pytest.mark.parametrize(
    "rows",
    [
        "Nimi\tpakollinen\nOsoite\tpakollinen\nHenkilötunnus\tei kerätä\n",
        "- nimi\n- osoite\n- henkilötunnus (ei kerätä)\n",
        "- nimi\n- osoite\n- henkilötunnus (ei tallenneta)\n",
    ],
)
def test_a_code_denied_in_its_remark_is_not_held(rows: str) -> None:
    draft = import_notice(_CTRL + "Rekisterin tietosisältö\n\n" + rows).draft
    assert not any(category.personal_identity_code for category in draft.data_categories)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Henkilötunnus (ei kerätä)", False),
        ("Personbeteckning (samlas inte in)", False),
        ("Personal identity code (not collected)", False),
        ("Henkilötunnus (ei pakollinen)", True),
        ("Henkilötunnus (ei näy laskulla)", True),
        ("Personbeteckning (lämnas inte ut)", True),
        ("Henkilötunnus (ei tallenneta kokonaisena)", True),
    ],
)
def test_only_a_remark_of_not_holding_denies(text: str, *, held: bool) -> None:
    assert names_identity_code(text) is held
