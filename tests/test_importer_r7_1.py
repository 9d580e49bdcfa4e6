"""R7-1 (session 15 review): own small fictional notices."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_HEAD = "Rekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"


# --- R7-1 (99a89ce): two adverbs after a passive verb are no two data categories ---------


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("Rekisterin tietosisältö", "Tiedot tallennetaan sähköisesti ja manuaalisesti."),
        ("Rekisterin tietosisältö", "Tietoja kerätään suullisesti ja kirjallisesti."),
        ("Rekisterin tietosisältö", "Rekisteriin tallennetaan sähköisesti ja manuaalisesti."),
        ("Registrets datainnehåll", "Uppgifterna lagras elektroniskt och manuellt."),
        ("Registrets datainnehåll", "Uppgifterna samlas in muntligt och skriftligt."),
    ],
)
def test_two_adverbs_after_a_passive_verb_are_no_two_data_categories(
    heading: str, sentence: str
) -> None:
    draft = import_notice(f"{_HEAD}{heading}\n{sentence}\n").draft
    names = [c.name.fi for c in draft.data_categories]
    assert len(names) <= 1, names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rekisteriin tallennetaan nimi ja sähköposti.", ["Nimi", "Sähköposti"]),
        ("Rekisteriin tallennetaan nimi ja puhelinnumero.", ["Nimi", "Puhelinnumero"]),
    ],
)
def test_two_nouns_after_a_passive_verb_are_still_two_entries(
    sentence: str, expected: list[str]
) -> None:
    draft = import_notice(f"{_HEAD}Rekisterin tietosisältö\n{sentence}\n").draft
    assert [c.name.fi for c in draft.data_categories] == expected
