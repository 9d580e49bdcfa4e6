"""R9-3: a heading line with a dash parted from its value keeps heading what follows it.

A translation or a subtitle after the dash ("Tietoturva – Dataskydd", "Evästeet – yleistä")
is no value of the section (fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_TOP = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "2. Rekisterin nimi\nAsiakasrekisteri\n\n"
    "3. Käsittelyn tarkoitus\n\nTietoja käytetään laskutukseen.\n\n"
)


def _fields(result: ImportResult, needle: str) -> set[str]:
    at = result.text.index(needle)
    return {m.field.split(":")[-1] for m in result.mapped if m.start <= at < m.end}


def test_the_text_under_a_parted_heading_stays_in_its_section() -> None:
    text = (
        _TOP + "4. Rekisterin tietosisältö – nimi, osoite ja puhelinnumero\n\n"
        "Lisäksi tallennetaan tilaushistoria ja maksutiedot.\n\n"
        "5. Tietojen säilytys\n\nTietoja säilytetään kaksi vuotta.\n"
    )
    result = import_notice(text)
    assert "purposes" not in _fields(result, "Lisäksi tallennetaan")
    assert not any(
        p.description is not None and "Lisäksi" in (p.description.fi or "")
        for p in result.draft.purposes
    )


@pytest.mark.parametrize(
    ("heading", "body", "field"),
    [
        ("4. Tietoturva – Dataskydd", "Tiedot ovat lukitussa tilassa.", "security"),
        ("4. Tietojen säilytys – Yleistä", "Tietoja säilytetään kaksi vuotta.", "retention"),
        ("4. Tietojen säilytys – lyhyesti", "Tietoja säilytetään kaksi vuotta.", "retention"),
        (
            "4. Evästeet – yleistä",
            "Sivustolla käytetään välttämättömiä evästeitä.",
            "cookie_policy",
        ),
    ],
)
def test_a_translation_or_subtitle_stays_in_the_heading(
    heading: str, body: str, field: str
) -> None:
    text = _TOP + f"{heading}\n\n{body}\n\n5. Rekisterin tietosisältö\n\nNimi ja osoite.\n"
    result = import_notice(text)
    assert field in _fields(result, body)
    subtitle = heading.split("– ")[1]
    assert not any(
        m.field.split(":")[-1] == field
        for m in result.mapped
        if result.text[m.start : m.end].strip() == subtitle
    )
