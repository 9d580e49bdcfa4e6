"""R7-13 (session 15 review): a sole trader's own channels in its block are the controller's."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice


@pytest.mark.parametrize(
    "line",
    [
        "Anna Berg, puh. 040 111 2233, anna.berg@hieronta.example",
        "Yrittäjä Anna Berg, puh. 040 111 2233, anna.berg@hieronta.example",
    ],
)
def test_a_sole_traders_channels_are_the_controllers(line: str) -> None:
    text = (
        f"Rekisterinpitäjä\nHieronta Berg\nKoivutie 1, 41800 Korpilahti\n{line}\n\n"
        "Yhteyshenkilö\nAnna Berg\n\nRekisterin nimi\nAsiakasrekisteri\n"
    )
    contact = import_notice(text).draft.controller.contact
    assert contact is not None
    assert contact.phone == "040 111 2233"
    assert contact.email == "anna.berg@hieronta.example"
