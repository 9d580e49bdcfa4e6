"""R9-11: a denial beside the data subject in a sources sentence is no source (fictional text).

"Tiedot saadaan asiakkaalta itseltään, ei muista lähteistä" names one source only.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_TOP = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "2. Säännönmukaiset tietolähteet\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiedot saadaan asiakkaalta itseltään, ei muista lähteistä.",
        "Tiedot saadaan asiakkaalta itseltään, ei muualta.",
        "Tiedot saadaan asiakkaalta itseltään tilauksen yhteydessä, eikä niitä kerätä muualta.",
    ],
)
def test_a_denied_source_is_no_source(sentence: str) -> None:
    sources = import_notice(_TOP + sentence + "\n").draft.sources
    assert len(sources) == 1


def test_a_second_source_is_still_read() -> None:
    text = _TOP + "Tiedot saadaan asiakkaalta itseltään ja eläinlääkäriltä.\n"
    assert len(import_notice(text).draft.sources) == 2
