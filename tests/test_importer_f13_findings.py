"""F13's fixes of A16's findings (session 18): own tests beside the attacker's."""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri._spellings import holds_code, mask_codes, mask_spellings, spellings
from rekisteri.importer import import_notice
from rekisteri.testing import make_hetu

# --- W1: a code without its sign, its check character a letter, above a postal code ------------


def _signless_letter_codes() -> list[str]:
    """Codes written without their sign whose check character is a letter (made at run time)."""
    found = []
    for number in range(902, 999):
        code = make_hetu(date(1985, 1, 22), number, sign="U")
        if code[-1].isalpha():
            found.append(code[:6] + code[7:])
        if len(found) == 6:
            break
    return found


@pytest.mark.parametrize("written", _signless_letter_codes())
def test_a_signless_code_with_a_letter_check_is_masked_not_the_postal_code(written: str) -> None:
    text = f"Varastotie 7 {written}\n33800 Tampere"
    assert mask_spellings(text) == f"Varastotie 7 {written[:6]}****\n33800 Tampere"
    assert mask_codes(text) == f"Varastotie 7 {written[:6]}****\n33800 Tampere"
    assert [s.canonical for s in spellings(text)] == [None]
    assert holds_code(text)


@pytest.mark.parametrize("written", _signless_letter_codes()[:2])
@pytest.mark.parametrize("between", ["\n", "\r\n", " ", "\n\n"])
def test_the_importer_reads_the_address_below_such_a_code(written: str, between: str) -> None:
    result = import_notice(
        f"Rekisterinpitäjä\n\nVarastoesimerkki Oy\nVarastotie 7 {written}{between}33800 Tampere\n"
    )
    assert written[6:] not in result.text
    assert all(written[6:] not in passage.text for passage in result.unmatched)
    address = result.draft.controller.address
    assert address is not None
    assert (address.postal_code, address.town) == ("33800", "Tampere")


def test_a_signful_code_after_a_signless_one_is_still_masked() -> None:
    """Only a spelling that borrows the code's check letter for its sign is dropped."""
    signless = _signless_letter_codes()[0]
    other = make_hetu(date(1952, 10, 13), 308)
    text = f"{signless} {other}"
    assert mask_spellings(text) == f"{signless[:6]}**** {other[:7]}****"


# --- W2, W3: a code split over two table cells; a hyphen and a source line break in HTML -------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("henkilötunnus (131052, -308T)", "henkilötunnus (131052, -****)"),
        ("| henkilötunnus | 131052 | -308T |", "| henkilötunnus | 131052 | -**** |"),
        ("| 131052- | 308T |", "| 131052- | **** |"),
        ("Asiakasrekisteri 131- 052-308T", "Asiakasrekisteri 131- 052-****"),
        ("Laskutus 131052-30- 8T", "Laskutus 131052-******"),
    ],
)
def test_a_code_split_by_a_cell_or_an_html_wrap_is_masked(text: str, masked: str) -> None:
    assert mask_spellings(text) == masked
    assert mask_codes(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "vuodet 2019- 2020, 1- 3 päivää",
        "puh. 040- 123 4567, 09- 123 4567",
        "tilaukset 123456, -7890 ja 241125, -003",
        "numerot 131052, -308A",  # the check does not fit
        "131052   , -308T",  # three spaces: no cell separator as the importer writes one
    ],
)
def test_ranges_telephones_and_lists_stay_as_written(text: str) -> None:
    assert mask_spellings(text) == text


@pytest.mark.parametrize(
    "page",
    [
        (
            "<h2>Rekisterin tietosisältö</h2><table><tr><td>henkilötunnus</td><td>131052</td>"
            "<td>-308T</td></tr></table>"
        ),
        "<h2>Rekisterin nimi</h2><p>Asiakasrekisteri 131-\n052-308T</p>",
        "<h2>Rekisterin käyttötarkoitus</h2><p>Laskutus 131052-30-\n8T</p>",
    ],
    ids=["cells", "name", "purpose"],
)
def test_the_importer_masks_such_codes_in_a_page(page: str) -> None:
    result = import_notice(page, html=True)
    assert "308T" not in result.text
    assert "308T" not in repr(result)
    assert all("308T" not in value for value in dict(result.notes).values())
    assert "308T" not in str(result.draft)
