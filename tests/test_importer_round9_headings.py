"""Round 9 (issue 15): headings read by their head word's stem, and by layout.

The headings here are invented for these tests (fi/sv/en, numbered and not);
none is copied from a notice. A heading's field is read from the stem of its
head word, so inflected and compound forms the table does not list are read
("Rekisterin ylläpitäjät", "Henkilötietojen keräys", "Registrets benämning"),
and a key word inside a genitive that only qualifies the head does not decide
("Eri tietoryhmien säilytyksen määräajat" is about retention, not data).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess

K = SectionKind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # inflected or compound head words the table does not list
        ("Rekisterin ylläpitäjät", K.CONTROLLER),
        ("3. Jäsentietojen keräys", K.SOURCES),
        ("Asiakastietojen keruu", K.SOURCES),
        ("6. Käsittelijä:", K.PROCESSORS),
        ("Kampanjatietojen hävittämisen määräajat", K.RETENTION),
        ("Yhdistysasioista vastaavien yhteystiedot", K.CONTACT),
        ("2. Registrator", K.CONTROLLER),
        ("Namnet på registret", K.NAME),
        ("4. Registrets benämning", K.NAME),
        ("Regelbundna avslöjanden", K.DISCLOSURES),
        ("Föreningen som ansvarar för dina uppgifter", K.CONTROLLER),
        ("Person som svarar för medlemsregistret", K.CONTACT),
        # a key word in a genitive that qualifies the head does not decide
        ("5. Rekisteröityjen perus- ja muut tiedot", K.CONTENT),
        ("Eri tietoryhmien säilyttämisen enimmäisajat", K.RETENTION),
        ("Eri tietoryhmien poiston määräajat", K.RETENTION),
        # ... and what the head word reads stays as it was
        ("Rekisterinpitäjän yhteystiedot", K.CONTROLLER),
        ("Tietosuojavastaavan yhteystiedot", K.DPO),
        ("Kontaktperson för registeransvarig", K.CONTACT),
        ("Rekisterin nimi ja käyttötarkoitus", K.NAME),
        ("Evästeiden käyttö", K.COOKIES),
        ("Varifrån får vi uppgifterna", K.SOURCES),
        ("Rekisteröityjen oikeudet", K.OTHER_RIGHTS),
    ],
)
def test_head_word_names_the_field(heading: str, kind: SectionKind) -> None:
    assert guess(heading) is kind


@pytest.mark.parametrize(
    "heading",
    [
        "Nimi",  # a contact field's label
        "Henkilön nimi",  # a person's name, no register's
        "Storage media and locations",
        "Asiakaspalaute",
    ],
)
def test_head_word_without_a_field(heading: str) -> None:
    assert guess(heading) not in {K.NAME, K.RETENTION, K.CONTENT}


def test_guessed_name_heading_over_a_sentence_gives_no_name() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kuoro ry\nKatu 2, 00100 Helsinki\n\n"
        "Registrets benämning\n\nUppgifterna lämnas av sångarna själva vid inskrivningen.\n"
    )
    assert result.draft.name is None


def test_guessed_name_heading_over_a_name() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kuoro ry\nKatu 2, 00100 Helsinki\n\n"
        "Registrets benämning\n\nKörens medlemsregister\n"
    )
    assert result.draft.name is not None
    assert "medlemsregister" in str(result.draft.name.fi or result.draft.name.sv)
