"""R7-6 (session 15 review): a PDF paste wrapped at its page's width is read by its headings."""

from __future__ import annotations

import textwrap

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._runon import unwrapped
from rekisteri.model import NoneStated

_FORM = (
    ("Rekisterinpitäjä", "Mäntylän Mehiläistarha Oy, Mäntyläntie 4, 33100 Tampere"),
    ("Rekisterin nimi", "Mehiläistarhan tilaajarekisteri"),
    ("Rekisterin käyttötarkoitus", "Tietoja käytetään tilausten toimittamiseen."),
    ("Rekisterin tietosisältö", "Rekisteriin tallennetaan nimi, osoite ja puhelinnumero."),
    ("Säännönmukaiset tietolähteet", "Tiedot saadaan tilaajalta itseltään."),
    ("Tietojen säännönmukaiset luovutukset", "Tietoja ei luovuteta kenellekään."),
    ("Rekisterin suojauksen periaatteet", "Tiedot ovat lukitussa tietokannassa."),
)
_ONE_LINE = " ".join(f"{n}. {h} {v}" for n, (h, v) in enumerate(_FORM, 1))


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90, 100])
def test_a_paste_wrapped_at_a_page_width_is_read_whole(width: int) -> None:
    # c5b8973 read the one-line paste and a paste of a few long lines; wrapped at an
    # ordinary page width (one heading start per line, mid-line) it read 2-3 of 7
    draft = import_notice("\n".join(textwrap.wrap(_ONE_LINE, width)) + "\n").draft
    assert draft.name is not None
    assert draft.name.fi == "Mehiläistarhan tilaajarekisteri"
    assert draft.controller.name == "Mäntylän Mehiläistarha Oy"
    assert [p.name.fi for p in draft.purposes] == ["Tilausten toimittaminen"]
    assert [c.name.fi for c in draft.data_categories] == ["Nimi", "Osoite", "Puhelinnumero"]
    assert [s.key for s in draft.sources] == ["data-subject"]
    assert NoneStated.RECIPIENTS in draft.none_stated
    assert len(draft.security) == 1


def test_numbered_headings_opening_their_lines_are_left_alone() -> None:
    text = "".join(f"{n}. {h}\n{v}\n" for n, (h, v) in enumerate(_FORM, 1))
    assert unwrapped(text) == text
