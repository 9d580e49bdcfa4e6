"""Headings of real notices that the importer did not see or read as no field (T10, session 16).

Each test writes its own small fictional text (no text of the legacy fixtures or of the
real pages the figures were measured on).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess, recognise

# --- unknown wordings of known fields, read by the table or by the head word ---------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # the English words for "rekisterin tiedot"
        ("Register information", SectionKind.CONTENT),
        ("5. Information of the register", SectionKind.CONTENT),
        ("Information kept in the registry", SectionKind.CONTENT),
        # the person answering for the register
        ("3. Ansvarig person för registret", SectionKind.CONTACT),
        ("Person responsible for the registry", SectionKind.CONTACT),
        # the holder of a "registry"
        ("1. The Registry Owner", SectionKind.CONTROLLER),
        ("Keeper of the registry", SectionKind.CONTROLLER),
    ],
)
def test_table_reads_more_wordings(heading: str, kind: SectionKind) -> None:
    assert recognise(heading) is kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # a Swedish right named by a compound ending in "-rätt"
        ("Rättelserätt", SectionKind.OTHER_RIGHTS),
        ("Den registrerades insynsrätt", SectionKind.OTHER_RIGHTS),
        # English "releasing" / "release" is a disclosure
        ("6. Releasing data to partners", SectionKind.DISCLOSURES),
        ("Release of customer data", SectionKind.DISCLOSURES),
        # "grounds" is the basis of the processing, unless another field is named
        ("Grounds for keeping the customer file", SectionKind.PURPOSES),
        ("Grounds for disclosing data", SectionKind.DISCLOSURES),
        # the use of the data collected: its purposes; of cookies: the cookies
        ("4. Tallennettujen tietojen hyödyntäminen", SectionKind.PURPOSES),
        ("Evästeiden hyödyntäminen", SectionKind.COOKIES),
        # a register's name with an article first
        ("2. The name of the registry", SectionKind.NAME),
    ],
)
def test_guess_reads_more_wordings(heading: str, kind: SectionKind) -> None:
    assert guess(heading) is kind


@pytest.mark.parametrize(
    "heading",
    [
        "Rättslig grund för behandlingen",  # "rätts-" opens the word: the legal basis
        "The name of the person",  # a person's name, no register's
        "Contact information",
    ],
)
def test_new_wordings_leave_others_alone(heading: str) -> None:
    assert guess(heading) not in {SectionKind.OTHER_RIGHTS, SectionKind.NAME, SectionKind.CONTENT}


def test_english_register_information_heading_holds_the_data() -> None:
    text = (
        "Privacy statement of Pinewood Kennel Ltd\n\n"
        "Controller\n\nPinewood Kennel Ltd, Kuusitie 3, 40100 Jyväskylä\n\n"
        "Register information\n\n"
        "The register holds the customer's name, address, e-mail address and the dog's name.\n\n"
        "Grounds for maintaining the register\n\n"
        "The data are used to book boarding places and to send invoices.\n"
    )
    result = import_notice(text)
    fields = {m.field for m in result.mapped if m.field.startswith("heading:")}
    assert {"heading:data_categories", "heading:purposes"} <= fields
    assert result.draft.data_categories
