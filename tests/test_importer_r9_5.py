"""R9-5: a question of the controller's disclosures or of consent is no provision requirement.

"Do you give my data to third parties?" asks what the controller discloses; "Jos et anna
suostumusta" speaks of consent (fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess


@pytest.mark.parametrize(
    "heading",
    [
        "Do you give my data to third parties?",
        "Do I have to give my consent to marketing?",
        "Jos et anna suostumusta",
        "Behöver jag ge samtycke?",
    ],
)
def test_not_the_provision_requirement(heading: str) -> None:
    assert guess(heading) is not SectionKind.PROVISION


@pytest.mark.parametrize(
    "heading",
    [
        "Do I have to provide my data?",
        "Must I give my personal data?",
        "Täytyykö minun antaa tietoni?",
        "Måste jag lämna mina uppgifter?",
        "What happens if I do not provide my data?",
    ],
)
def test_still_the_provision_requirement(heading: str) -> None:
    assert guess(heading) is SectionKind.PROVISION


def test_a_disclosure_question_keeps_its_recipients() -> None:
    text = (
        "Privacy notice\n\n1. Controller\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"
        "Do you give my data to third parties?\nWe give your name and address to our courier "
        "for deliveries.\n"
    )
    draft = import_notice(text).draft
    assert draft.provision_requirement is None
