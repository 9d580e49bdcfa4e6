"""R8-7: a title's words right under a heading are that section's text, no running header.

f60e738 (Q30) read a later line that repeats the title's words as a PDF's running
header; under "Rekisterin nimi" it is the register's name (test_importer_round9_swedish's
test_a_register_name_that_repeats_the_title failed from f60e738 on).
"""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._furniture import running_titles


def test_a_name_that_repeats_the_title_is_the_name() -> None:
    result = import_notice(
        "Koivulan kahvila tietosuojaseloste\n\nRekisterinpitäjä\n\nKoivulan Kahvila Oy\n"
        "Koivulantie 2, 41800 Korpilahti\n\nRekisterin nimi\n\n"
        "Koivulan kahvila tietosuojaseloste\n\nKäyttötarkoitus\n\nLaskutus.\n"
    )
    assert result.draft.name is not None
    assert "Koivulan kahvila" in str(result.draft.name)


def test_a_header_between_paragraphs_is_still_a_header() -> None:
    text = (
        "Koivulan kahvila tietosuojaseloste\n\nRekisterinpitäjä\n\nKoivulan Kahvila Oy\n\n"
        "Käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n\n"
        "KOIVULAN KAHVILA TIETOSUOJASELOSTE\n\nTietoja käytetään myös markkinointiin.\n"
    )
    assert [text[s:e] for s, e in running_titles(text)] == ["KOIVULAN KAHVILA TIETOSUOJASELOSTE"]
