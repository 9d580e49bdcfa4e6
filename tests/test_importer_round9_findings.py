"""Round 9: the open findings of the last round's review (R1) and attack (A5).

Each case names its finding (/work/coord/R1-FINDINGS.md, A5-FINDINGS.md). All
notices, firms and people are invented.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_CONTROLLER = "Rekisterinpitäjä\nKylän Kauppa Oy\nKauppatie 1, 00100 Helsinki\n\n"


def _names(entries: object) -> list[str]:
    return [entry.name.fi for entry in entries]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "field", "names"),
    [
        pytest.param(
            "Rekisterin tietosisältö\n\n1. Säilytysaika\n\n2. Nimi\n\n3. Osoite\n",
            "data_categories",
            ["Säilytysaika", "Nimi", "Osoite"],
            id="numbered-under-heading",
        ),
        pytest.param(
            "Käyttötarkoitus\n\nSeura käsittelee tietoja näihin tarkoituksiin:\n\n"
            "Jäsenyyden hoito\n\nLaskutus\n",
            "purposes",
            ["Jäsenyyden hoito", "Laskutus"],
            id="after-lead-in",
        ),
        pytest.param(
            "Käyttötarkoitus\n\nSeura käsittelee tietoja näihin tarkoituksiin:\n\n"
            "Jäsenyyden hoito\nLaskutus\n",
            "purposes",
            ["Jäsenyyden hoito", "Laskutus"],
            id="after-lead-in-one-a-line",
        ),
    ],
)
def test_list_entries_between_blank_lines_are_entries(
    body: str, field: str, names: list[str]
) -> None:
    """R1-7: a blank line between a list's entries makes none of them a heading."""
    result = import_notice(_CONTROLLER + body)
    assert _names(getattr(result.draft, field)) == names
    assert result.unmatched == ()


def test_numbered_headings_after_a_text_stay_headings() -> None:
    """R1-7's rule needs a list heading right above "1.": numbered headings keep their sections."""
    result = import_notice(
        "Tietosuojaseloste\n\n1. Rekisterin nimi\n\nAsiakasrekisteri\n\n2. Rekisterinpitäjä\n\n"
        "Kylän Kauppa Oy\nKauppatie 1, 00100 Helsinki\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Asiakasrekisteri"
    assert result.draft.controller.name == "Kylän Kauppa Oy"


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param(
            _CONTROLLER + "Rekisterin suojauksen periaatteet\n\n"
            "Tarkastusoikeus: vain pääkäyttäjällä.\n\nPoisto-oikeus: vain ylläpitäjällä.\n",
            id="fi-table-heading",
        ),
        pytest.param(
            "Controller\nExample Shop Ltd\nShop Street 1, 00100 Helsinki\n\nData security\n\n"
            "Access rights: only named staff can open the customer data.\n\n"
            "Paper records: kept in a locked cabinet.\n",
            id="en-guessed-heading",
        ),
    ],
)
def test_permission_label_under_security_is_no_right(notice: str) -> None:
    """R1-10: a user's permission ("Poisto-oikeus: vain ylläpitäjällä") is security text."""
    result = import_notice(notice)
    assert result.draft.rights == ()
    assert result.draft.rights_exercise is None
    assert len(result.draft.security) >= 1
    assert result.unmatched == ()


def test_right_label_under_security_with_a_right_still_heads() -> None:
    """A label naming a right whose value speaks of the person's right opens the rights."""
    result = import_notice(
        _CONTROLLER + "Rekisterin suojauksen periaatteet\n\nPalvelin on lukitussa tilassa.\n\n"
        "Tarkastusoikeus: Rekisteröidyllä on oikeus tarkastaa omat tietonsa.\n"
    )
    assert result.draft.rights
    assert len(result.draft.security) == 1


def test_glued_heading_of_a_long_line_reads_its_start() -> None:
    """R1-6: a long line is read (and remembered) by its first MAX_HEADING characters only."""
    from rekisteri.importer._headings import MAX_HEADING, SectionKind
    from rekisteri.importer._structure import _camel_glued, _camel_glued_start

    line = "1. Registrets namnNätbutikens kundregister" + " och mer" * 10_000
    _camel_glued_start.cache_clear()
    assert _camel_glued(line) == (SectionKind.NAME, len("1. Registrets namn"))
    assert _camel_glued_start.cache_info().currsize == 1
    assert _camel_glued_start(line[:MAX_HEADING]) == _camel_glued(line)
