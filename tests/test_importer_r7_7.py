"""R7-7 (session 15 review): 'X:ltä itseltään' names the data subject as a source."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_HEAD = "Rekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiedot saadaan hakijalta itseltään, lisäksi lapsen tiedot huoltajalta.",
        "Tiedot saadaan asiakkaalta itseltään ja lasten tiedot huoltajilta.",
        "Tiedot saadaan asiakkaalta itseltään tai alaikäisen asiakkaan osalta huoltajalta.",
    ],
)
def test_the_person_itself_is_the_data_subject_beside_a_second_source(sentence: str) -> None:
    draft = import_notice(f"{_HEAD}Säännönmukaiset tietolähteet\n{sentence}\n").draft
    assert "data-subject" in [s.key for s in draft.sources]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiedot saadaan asiakkaan huoltajalta itseltään.",
        "Työntekijät itse kirjaavat tiedot asiakkaan käynnistä.",
    ],
)
def test_one_who_speaks_for_another_is_no_data_subject(sentence: str) -> None:
    draft = import_notice(f"{_HEAD}Säännönmukaiset tietolähteet\n{sentence}\n").draft
    assert "data-subject" not in [s.key for s in draft.sources]
