"""Round 12, key facts that carry over to real notices (tuner T4).

Fictional notices written for these tests; each checks one mechanism.
"""

from __future__ import annotations

from rekisteri.importer import import_notice


def test_a_y_tunnus_with_a_stray_space_at_its_dash_is_the_business_id() -> None:
    text = (
        "Registerbeskrivning\n\n"
        "Registeransvarig:\n"
        "Exempel Verktyg Oy (2077474- 0), Hamngatan 4, 65100 Vasa\n\n"
        "Registrets namn:\nKundregister\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.business_id == "2077474-0"
    assert draft.controller.contact is None or draft.controller.contact.phone is None
