"""R8-10: "in force from D" dates the notice only when the notice is what is in force (540500e).

A law's date ("The regulation has been in force from 25 May 2018") or a later
rule's ("Effective from 1 January 2026, order data is kept …") is no update date
of the notice, and never outranks the notice's own "Last updated" line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rekisteri.importer import import_notice

_FI = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\nKoivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti"
    "\n\nYleistä\n{sentence}\n\nRekisterin nimi\nAsiakasrekisteri\n{updated}"
)
_EN = (
    "Privacy notice\n\nController\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"
    "General\n{sentence}\n\nName of the register\nCustomer register\n{updated}"
)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (_FI, "EU:n yleinen tietosuoja-asetus on ollut voimassa 25.5.2018 alkaen."),
        (_EN, "The General Data Protection Regulation has been in force from 25 May 2018."),
        (_EN, "Effective from 1 January 2026, order data is kept for five years."),
    ],
)
@pytest.mark.parametrize("updated", ["", "\nPäivitetty 1.3.2024\n"])
def test_a_date_in_force_of_something_else_is_no_update(
    text: str, sentence: str, updated: str
) -> None:
    draft = import_notice(text.format(sentence=sentence, updated=updated)).draft
    assert draft.updated == (dt.date(2024, 3, 1) if updated else None)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Tämä seloste on voimassa 1.6.2024 alkaen.", dt.date(2024, 6, 1)),
        ("Voimassa 1.6.2024 alkaen", dt.date(2024, 6, 1)),
        ("This notice is effective from 1 June 2024.", dt.date(2024, 6, 1)),
        ("This version is in force from 2.5.2024.", dt.date(2024, 5, 2)),
    ],
)
def test_the_notice_in_force_from_a_date_is_its_date(line: str, day: dt.date) -> None:
    draft = import_notice(_FI.format(sentence="Tämä on seloste.", updated="\n" + line + "\n")).draft
    assert draft.updated == day
