"""R7-8 (session 15 review): a block under the title and a controller named in words."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_MANAGER = "Isännöintitoimisto Kivijalka Oy\n\nKauppakatu 12\n\n40100 Jyväskylä\n\n"


@pytest.mark.parametrize(
    "said",
    [
        "Rekisterinpitäjä on Asunto Oy Koivurinne, Koivukuja 3, 40200 Jyväskylä.",
        "Rekisterinpitäjänä toimii Asunto Oy Koivurinne.",
    ],
)
def test_a_property_managers_letterhead_is_not_the_controller(said: str) -> None:
    text = (
        f"TIETOSUOJASELOSTE\n\n{_MANAGER}Tämä seloste koskee taloyhtiön asukasrekisteriä. "
        f"{said} Isännöitsijä hoitaa rekisteriä taloyhtiön puolesta.\n\n"
        "Rekisterin nimi\nAsukasrekisteri\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name != "Isännöintitoimisto Kivijalka Oy"
    if "Koivukuja" in said:
        assert draft.controller.address is not None
        assert draft.controller.address.street == "Koivukuja 3"
