"""R9-9: handing over the register extract to the data subject is no disclosure (fictional text)."""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess


def test_the_register_extract_handed_over_is_no_disclosure() -> None:
    assert guess("Överlämnande av registerutdrag") is not SectionKind.DISCLOSURES
    text = (
        "Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\n"
        "Björkby Bageri Ab, Hamnvägen 4, 10600 Ekenäs\n\n"
        "2. Överlämnande av registerutdrag\n"
        "Registerutdraget lämnas till den registrerade skriftligen inom en månad.\n"
    )
    assert not import_notice(text).draft.recipients


@pytest.mark.parametrize(
    "heading",
    [
        "Överlämnande av uppgifter till myndigheter",
        "Överlämning av information",
        "6. Överlämning av kunduppgifter till andra parter",
    ],
)
def test_handing_over_data_is_still_a_disclosure(heading: str) -> None:
    assert guess(heading) is SectionKind.DISCLOSURES
