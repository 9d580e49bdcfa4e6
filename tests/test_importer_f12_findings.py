"""The importer's fixes of outside attackers' findings, session 18 (helper F12).

Each test names the finding (A15's ``V<n>``, A14's ``Q<n>``) whose fix it checks beside
the attacker's own test, with the cases next to it that must stay as they were.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice, to_toml

CTRL = "Rekisterinpitäjä\n\nKoivikon Kukka Oy\nKoivikontie 1, 00100 Helsinki\n\n"


def _stated(text: str) -> list[str]:
    return [none.value for none in import_notice(CTRL + text).draft.none_stated]


# --- V18: a denial whose only exception is the controller itself -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja ei luovuteta muille kuin rekisterinpitäjälle.",
        "Tietoja ei luovuteta muille kuin rekisterinpitäjälle itselleen.",
        "Data are not disclosed to anyone other than the controller.",
        "Uppgifterna lämnas inte ut till andra än den personuppgiftsansvarige.",
    ],
)
def test_an_exception_naming_only_the_controller_keeps_the_denial(sentence: str) -> None:
    result = import_notice(CTRL + "Tietojen luovutukset\n\n" + sentence + "\n")
    assert result.draft.recipients == ()
    assert "recipients" in [none.value for none in result.draft.none_stated]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja ei luovuteta muille kuin rekisterinpitäjälle ja Verohallinnolle.",
        "Tietoja ei luovuteta muille kuin viranomaisille.",
    ],
)
def test_an_exception_naming_another_party_is_no_denial(sentence: str) -> None:
    assert "recipients" not in _stated("Tietojen luovutukset\n\n" + sentence + "\n")


@pytest.mark.parametrize(
    ("heading", "sentence", "field"),
    [
        ("Evästeet", "Sivustolla ei käytetä minkäänlaisia evästeitä.", "cookies"),
        ("Evästeet", "Emme käytä minkäänlaisia evästeitä.", "cookies"),
        (
            "Automatiserat beslutsfattande",
            "Inget automatiserat beslutsfattande sker.",
            "automated_decisions",
        ),
    ],
)
def test_denials_of_any_kind_set_none_stated(heading: str, sentence: str, field: str) -> None:
    assert field in _stated(heading + "\n\n" + sentence + "\n")


def test_cookies_of_some_kind_only_are_no_denial() -> None:
    assert "cookies" not in _stated(
        "Evästeet\n\nEmme käytä minkäänlaisia evästeitä markkinointiin.\n"
    )


# --- Q5: a page's footer or an e-mail's signature after the notice's last text ---------------

_RETENTION = "Tietojen säilytysaika\n\nTietoja säilytetään kuusi vuotta tilauksen jälkeen.\n\n"


@pytest.mark.parametrize(
    "tail",
    [
        "Copyright 2024 Koivikon Kukka Oy\nSeuraa meitä Instagramissa\n",
        "\nMed vänlig hälsning\nAino Esimerkki\n",
        "\nSent from my iPhone\n",
    ],
)
def test_a_trailing_footer_or_signature_is_listed_not_read(tail: str) -> None:
    result = import_notice(CTRL + _RETENTION + tail)
    rules = [rule.description.fi for rule in result.draft.retention if rule.description]
    assert rules == ["Tietoja säilytetään kuusi vuotta tilauksen jälkeen."]
    listed = " ".join(passage.text for passage in result.unmatched)
    assert tail.split(maxsplit=1)[0] in listed  # nothing lost silently: the report lists it


def test_the_same_words_amid_the_notice_stay_its_own() -> None:
    text = (
        CTRL
        + "Tietojen luovutukset\n\nSeuraa meitä: tietoja luovutetaan Verohallinnolle.\n\n"
        + _RETENTION
    )
    assert import_notice(text).draft.recipients != ()


def test_a_footer_line_with_the_controllers_address_is_kept() -> None:
    text = (
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n\n"
        "Koivikon Kukka Oy | Koivikontie 1 | 00100 Helsinki\n"
    )
    address = import_notice(text).draft.controller.address
    assert address is not None
    assert address.postal_code == "00100"


def test_a_trailing_copyright_line_still_names_a_controller_named_nowhere_else() -> None:
    text = (
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n\n"
        "© 2024 Koivikon Kukka Oy | Seuraa meitä\n"
    )
    assert import_notice(text).draft.controller.name == "Koivikon Kukka Oy"


# --- V30: items of data in lower case, one a line, with no bullets -----------------------------


def _categories(text: str) -> list[str | None]:
    return [category.name.fi for category in import_notice(CTRL + text).draft.data_categories]


def test_lower_case_items_one_a_line_are_entries_and_end_at_the_next_heading() -> None:
    text = "Rekisterin tietosisältö\n\nnimi\nosoite\nsyntymäaika\n\nTietojen säilytysaika\n\n"
    text += "Tietoja säilytetään kuusi vuotta.\n"
    assert _categories(text) == ["Nimi", "Osoite", "Syntymäaika"]


def test_a_sentence_wrapped_in_lower_case_lines_stays_one_sentence() -> None:
    text = "Rekisterin tietosisältö\n\nRekisteriin tallennetaan asiakkaan\nnimi\nosoite ja\n"
    text += "puhelinnumero.\n"
    assert len(_categories(text)) == 1


def test_lower_case_lines_that_name_no_data_are_not_split() -> None:
    text = "Rekisterin tietosisältö\n\nrekisteriin tallennetaan\nvain välttämättömät\n"
    text += "tiedot asiakkaasta\n"
    assert len(_categories(text)) == 1


# --- V46: running headers and footers in other shapes ------------------------------------------


def _around(furniture: str, title: str = "Tietosuojaseloste") -> list[str | None]:
    text = title + "\n\n" + CTRL + "Rekisterin tietosisältö\n\n- nimi\n- osoite\n\n"
    text += furniture + "\n\n- puhelinnumero\n"
    return [category.name.fi for category in import_notice(text).draft.data_categories]


@pytest.mark.parametrize(
    "furniture",
    [
        "Koivikon Kukka Oy – sivu 2 (3)",
        "Tietosuojaseloste | Sivu 2/3",
        "Koivikon Kukka Oy | 09 123 4567 | info@koivikko.example",
        "Tietosuojaseloste – versio 2.1",
    ],
)
def test_page_furniture_in_more_shapes_is_no_data(furniture: str) -> None:
    assert _around(furniture) == ["Nimi", "Osoite", "Puhelinnumero"]


@pytest.mark.parametrize(
    "line",
    [
        "Sivu 2/3 – Muu Yritys Oy",  # a body the notice never named
        "Muu Yritys Oy | 09 123 4567 | www.muu.example",
        "Koivikon Kukka Oy | asiakaspalvelu | kaikki päivät",  # no contact details
    ],
)
def test_lines_that_are_no_furniture_stay_text(line: str) -> None:
    text = "Tietosuojaseloste\n\n" + CTRL + "Rekisterin tietosisältö\n\n- nimi\n- osoite\n\n"
    result = import_notice(text + line + "\n\n- puhelinnumero\n")
    read = to_toml(result.draft, notes=result.notes) + " ".join(p.text for p in result.unmatched)
    last = line.rsplit(" | ", maxsplit=1)[-1].rsplit(" – ", maxsplit=1)[-1]
    assert last.casefold() in read.casefold()  # read as text, not blanked as furniture


# --- Q28: "such as" and "for example" before a list's items -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Yhteystiedot, esimerkiksi puhelinnumero ja sähköposti.",
            ["Yhteystiedot", "Puhelinnumero", "Sähköposti"],
        ),
        ("Rekisteriin tallennetaan esimerkiksi nimi ja osoite.", ["Nimi", "Osoite"]),
        ("Kontaktuppgifter, såsom namn och adress.", ["Kontaktuppgifter", "Namn", "Adress"]),
    ],
)
def test_such_as_and_for_example_name_no_item(sentence: str, names: list[str]) -> None:
    result = import_notice(CTRL + "Rekisterin tietosisältö\n\n" + sentence + "\n")
    assert [category.name.fi for category in result.draft.data_categories] == names
    assert [passage.text for passage in result.unmatched] == []
