"""R8-9: a second person introduced by a label keeps his own channels (b2809fb, Q25's residue).

"Varahenkilö: Olli Virta, puh. …" under the contact person's lines: Olli's
phone is never published as the contact person's.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_TEXT = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "Yhteyshenkilö\nAnna Berg, anna.berg@koivula.example\n{second}\n\n"
    "Rekisterin nimi\nAsiakasrekisteri\n"
)


@pytest.mark.parametrize(
    "second",
    [
        "Sijainen: Olli Virta, puh. 040 123 4567",
        "Varahenkilö: Olli Virta, puh. 040 123 4567",
        "Toinen yhteyshenkilö: Olli Virta, puh. 040 123 4567",
        "Yhteyshenkilö: Olli Virta, puh. 040 123 4567",
        "Deputy: Olli Virta, phone 040 123 4567",
    ],
)
def test_a_labelled_second_persons_phone_is_not_the_contacts(second: str) -> None:
    result = import_notice(_TEXT.format(second=second))
    contact = result.draft.contact_person
    assert contact is not None
    assert contact.name == "Anna Berg"
    assert contact.phone is None
    assert any("040 123 4567" in note for note in result.notes.get("contact_person", ()))


@pytest.mark.parametrize(
    "second",
    ["Anna Berg, puh. 040 123 4567", "Berg Anna, puh. 040 123 4567", "puh. 040 123 4567"],
)
def test_the_contacts_own_phone_stays_hers(second: str) -> None:
    contact = import_notice(_TEXT.format(second=second)).draft.contact_person
    assert contact is not None
    assert contact.phone == "040 123 4567"
