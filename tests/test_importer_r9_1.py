"""R9-1: a question under a known heading with no text is a sub-heading of its own.

Also a line naming the field that the heading names second. Neither is the heading's
lead-in (fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_TOP = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "2. Rekisterin nimi\nAsiakasrekisteri\n\n"
    "3. Käsittelyn tarkoitus\nTietoja käytetään asiakassuhteen hoitoon.\n\n"
)


def _fields(result: ImportResult, needle: str) -> set[str]:
    at = result.text.index(needle)
    return {m.field.split(":")[-1] for m in result.mapped if m.start <= at < m.end}


@pytest.mark.parametrize(
    "heading", ["4. Tietojen luovutukset ja siirrot", "4. Tietojen luovutukset"]
)
def test_a_question_under_an_empty_heading_heads_its_own_text(heading: str) -> None:
    text = (
        _TOP + f"{heading}\n\nSiirrämmekö tietoja ulkomaille?\n"
        "Sähköpostipalvelumme palvelimet sijaitsevat Yhdysvalloissa. Siirto perustuu "
        "komission vakiosopimuslausekkeisiin.\n\n"
        "Kenelle annamme tietojasi?\nVerohallinnolle lain nojalla.\n"
    )
    result = import_notice(text)
    assert result.draft.transfers
    assert "recipients" not in _fields(result, "Sähköpostipalvelumme")


def test_a_lead_in_under_an_empty_heading_is_still_its_lead_in() -> None:
    # T12's shape (e8fed7a) still holds: no question, the heading names one field
    text = (
        _TOP + "4. Tietojen luovutukset\n\nJäsenten tiedot annetaan vain\n\n"
        "- jäsenen omalla luvalla\n\n- viranomaiselle lain nojalla\n"
    )
    result = import_notice(text)
    assert _fields(result, "jäsenen omalla luvalla") <= {"recipients"}
