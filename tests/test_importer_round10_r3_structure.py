"""Structure (R3-4, R3-3): an outline block read once; an intro word under a field heading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisteri.importer import import_notice
from rekisteri.importer._structure import _Splitter

if TYPE_CHECKING:
    import pytest


def test_a_long_outline_block_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """300 numbered lines over indented entries, no blank line: one reading of the block."""
    calls = 0
    outline = _Splitter._outline

    def counted(self: _Splitter, block: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        nonlocal calls
        calls += 1
        return outline(self, block)

    monkeypatch.setattr(_Splitter, "_outline", counted)
    lines = ["Tietosuojaseloste", ""]
    for number in range(1, 151):
        lines += [f" {number}. Tietojen luovutus", f"  1. Tietoja luovutetaan kohteelle {number}."]
    import_notice("\n".join(lines) + "\n")
    assert 0 < calls <= 2


def test_a_general_part_under_an_empty_field_heading_is_that_field() -> None:
    """'3. Your rights' / 'General' / text: the text is on the rights, not the notice (R3-3)."""
    from rekisteri.importer import import_notice as read

    text = (
        "Privacy notice\n\n1. Controller\n\nRowing Club Oar, Lake Road 8, 15100 Lahti\n\n"
        "2. Your rights\n\nGeneral\n\nWrite to the club secretary to use the rights below; "
        "we answer within a month.\n\nRight of access\n\nYou may see the data we hold on you.\n"
    )
    result = read(text)
    general = text.index("Write to the club")
    fields = {m.field for m in result.mapped if m.start == general}
    assert fields == {"rights_exercise"}
    assert result.draft.description is None


def test_a_numbered_heading_of_no_field_ends_the_parts() -> None:
    """'2. Rekisterin tietosisältö' / parts / '3. Kuvat': the numbered one is no part (R3-21)."""
    from rekisteri.importer import import_notice as read

    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nSoutuseura Airo ry, Rantatie 8, 15100 Lahti"
        "\n\n2. Rekisterin tietosisältö\n\nJäsenet\n\nNimi ja osoite.\n\nTalkoolaiset\n\n"
        "Nimi ja puhelinnumero.\n\n3. Kilpailukuvat\n\nSeura julkaisee kilpailuista otettuja "
        "kuvia verkkosivuillaan, jos kuvattu on antanut luvan.\n"
    )
    kinds = [kind for _, _, kind in read(text).sections]
    assert kinds[-1] != "data_categories"
    assert kinds.count("data_categories") == 3


def test_a_one_word_recipient_over_its_sentence_stays_a_recipient() -> None:
    """'Verohallinto' / 'Verottaja saa …' under the disclosures is a recipient (R3-18)."""
    from rekisteri.importer import import_notice as read

    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\nSoutuseura Airo ry, Rantatie 8, 15100 Lahti\n\n"
        "Tietojen luovutus\nTietoja luovutetaan seuraaville tahoille.\nValo\n"
        "Liitto saa kilpailijoiden nimet lisenssien tarkistamista varten.\nKela\n"
        "Kela saa tiedot lain nojalla maksetuista palkkioista.\n"
    )
    result = read(text)
    assert [kind for _, _, kind in result.sections][-1] == "recipients"
    assert result.unmatched == ()
