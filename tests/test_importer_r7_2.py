"""R7-2 (session 15 review): own small fictional notices."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_HEAD = "Rekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"


# --- R7-2 (8918752): an empty box's line ends where the extractor's line ends -----------------


@pytest.mark.parametrize("brk", ["\r", "\r\n", "\u2028"], ids=repr)
def test_an_empty_box_is_no_identity_code_whatever_ends_its_line(brk: str) -> None:
    text = (
        f"Rekisterinpitäjä{brk}Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti{brk}{brk}"
        f"Rekisterin tietosisältö{brk}[x] nimi{brk}[ ] henkilötunnus{brk}[x] sähköpostiosoite{brk}"
    )
    result = import_notice(text)
    names = [c.name.fi for c in result.draft.data_categories]
    assert not any(c.personal_identity_code for c in result.draft.data_categories), names
    assert names == ["Nimi", "Sähköpostiosoite"]
    assert [result.text[p.start : p.end].strip() for p in result.unmatched] == ["[ ] henkilötunnus"]


def test_an_empty_box_on_the_first_line_of_a_cr_text_blanks_only_its_line() -> None:
    text = (
        "[ ] Luonnos\rRekisterinpitäjä\rKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\r\r"
        "Rekisterin nimi\rKahvilan asiakasrekisteri\r"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Koivulan Kahvila Oy"
    assert draft.name is not None
    assert draft.name.fi == "Kahvilan asiakasrekisteri"
