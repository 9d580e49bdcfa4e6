"""Round 10: a heading that names the data subjects first is the data subjects' (tuner T2).

Fictional headings written for these tests.
"""

from __future__ import annotations

import pytest

from rekisteri.importer._headings import SectionKind, guess


@pytest.mark.parametrize(
    "heading",
    [
        "Rekisteröidyt henkilöt",
        "Rekisteröidyt ja heihin sovellettava lainsäädäntö",
        "De grupper av registrerade som registret gäller",
        "Grupper av registrerade",
    ],
)
def test_the_people_named_first_head_the_data_subjects(heading: str) -> None:
    assert guess(heading) is SectionKind.SUBJECTS


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # the data named too: the data's heading
        ("Rekisteröidyt ja tietoryhmät", SectionKind.CONTENT),
        ("Grupper av registrerade och deras uppgifter", SectionKind.CONTENT),
        # a genitive: what belongs to the data subject
        ("Rekisteröidyn oikeudet", SectionKind.OTHER_RIGHTS),
    ],
)
def test_the_data_or_a_genitive_keep_their_heading(heading: str, kind: SectionKind) -> None:
    assert guess(heading) is kind
