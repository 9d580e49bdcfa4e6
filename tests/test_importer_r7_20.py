"""R7-20 (session 15 review): a list item that says how an entry is held is no denial."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_CTRL = "Rekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"


@pytest.mark.parametrize(
    "item",
    ["valokuva ei ole pakollinen", "asiakkaan henkilötunnus ei ole näkyvissä asiakaspalvelulle"],
)
def test_a_data_item_said_optional_or_hidden_is_an_entry(item: str) -> None:
    # 33e3bba read these as denials: the entry left the draft ('not done' note)
    draft = import_notice(_CTRL + "Rekisterin tietosisältö\n- nimi\n- " + item + "\n").draft
    assert len(draft.data_categories) == 2


def test_a_purpose_limited_to_some_people_is_a_purpose() -> None:
    text = (
        _CTRL
        + "Henkilötietojen käsittelyn tarkoitus\n- laskutus\n- markkinointi ei koske alaikäisiä\n"
    )
    assert len(import_notice(text).draft.purposes) == 2


@pytest.mark.parametrize(
    "item", ["henkilötunnusta ei tallenneta", "ei henkilötunnusta", "tietoja ei käytetä tähän"]
)
def test_a_denying_item_is_still_no_entry(item: str) -> None:
    draft = import_notice(_CTRL + "Rekisterin tietosisältö\n- nimi\n- " + item + "\n").draft
    assert [c.name.fi for c in draft.data_categories] == ["Nimi"]
