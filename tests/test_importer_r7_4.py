"""R7-4 (session 15 review): a sentence saying whose data are held names data subjects."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_HEAD = "Rekisterinpitäjä\nKoivulan Leiri ry, Koivulantie 2, 41800 Korpilahti\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rekisterissä on tietoja leiriläisistä ja heidän huoltajistaan.",
        "Rekisterissä on tietoja kurssilaisista.",
        "Rekisteriin tallennetaan tietoja leiriläisistä.",
    ],
)
def test_whose_data_under_a_subjects_heading_is_no_note_only(sentence: str) -> None:
    # 889df2a kept these whole in a note and read no data subject: R120 then says the
    # notice names no group of data subjects
    draft = import_notice(f"{_HEAD}Rekisteröidyt\n{sentence}\n").draft
    assert draft.data_subjects
