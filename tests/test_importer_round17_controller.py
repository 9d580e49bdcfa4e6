"""Key facts on fresh pages (helper T11, session 17): the controller, its people, the register.

Each test is a mechanism, on small fictional notices written for this file (never
text of the held-out fixtures or of the measurers' real pages, nor copied from the
dev fixtures).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line
from rekisteri.importer._fallback import stated_keeper
from rekisteri.importer._headings import SectionKind, recognise

# --- a value in brackets after a few words: the words are its label ----------------------------


@pytest.mark.parametrize(
    "aside",
    [
        "(company registration code: 2077474-0)",
        "(business identity code 2077474-0)",
        "(org. reg. number: 2077474-0)",
    ],
)
def test_a_business_id_in_brackets_after_its_own_words_ends_the_name(aside: str) -> None:
    notice = (
        "1. Data controller\n"
        f"Lumipallo Games Oy {aside}\n"
        "Sataman kuja 5\n"
        "33100 Tampere\n\n"
        "2. Purpose of processing\n"
        "We use the data to send the newsletter.\n"
    )
    draft = import_notice(notice).draft
    assert draft.controller.name == "Lumipallo Games Oy"
    assert draft.controller.business_id == "2077474-0"


def test_a_law_number_in_brackets_is_no_label_of_a_phone() -> None:
    # a statute's number has a phone number's form: the words before it are no phone label
    line = "Toiminta perustuu lakiin (laki kuntien kirjastoista 1234/2016)."
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "label" for p in parts)


@pytest.mark.parametrize(
    "line",
    [
        # words with a digit are no label: the bracket stays as it was read
        "Lumipallo Games Oy (ent. 2 Pallo Oy 2077474-0)",
        # the bracket does not close after the value
        "Lumipallo Games Oy (2077474-0 rekisteröity 2019)",
        # a role or another body before a comma: no label (R9's review of 8b0ccae)
        "Ilmari Routio (toimitusjohtaja, ilmari.routio@lumipallo.example)",
        "Lumipallo Games Oy (emoyhtiö Pallo Group Oyj, 2077474-0)",
    ],
)
def test_a_bracket_that_is_no_label_of_its_value_is_left_alone(line: str) -> None:
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "label" for p in parts)


# --- a phone's label with a spaced dot, and a plus spaced from the country code ---------------


def test_a_spaced_dot_and_a_spaced_plus_keep_the_phone_whole() -> None:
    line = "Puh .: + 358 40 765 1234"
    parts = parse_line(line, 0, len(line))
    assert [(p.field, p.value) for p in parts] == [
        ("label", "phone"),
        ("phone", "+358 40 765 1234"),
    ]


# --- "#" written for "@" in an otherwise whole address -----------------------------------------


def test_a_hash_for_the_at_sign_is_read_back_as_an_address() -> None:
    notice = (
        "Rekisterinpitäjä\n"
        "Kalliolan Kuntosaliseura ry\n"
        "Sammalpolku 4, 15100 Lahti\n"
        "Sähköposti: hallitus.kalliola#postimerkki.fi\n\n"
        "Rekisterin käyttötarkoitus\n"
        "Jäsenten yhteystietojen hoito.\n"
    )
    draft = import_notice(notice).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "hallitus.kalliola@postimerkki.fi"


@pytest.mark.parametrize(
    "line",
    [
        "Lisää tietoa: https://kalliola.example/jasenet#tietosuoja.html",
        "Aihetunniste #kalliola.fi",
        "Tunnus kalliola#jasenet",
    ],
)
def test_a_hash_in_a_link_or_a_tag_is_no_address(line: str) -> None:
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "email" for p in parts)


# --- a controller named only outside its block: the introduction, the title --------------------

_NAMELESS_BLOCK = (
    "Rekisterinpitäjän yhteystiedot\n\n"
    "Osoite: Myllytie 9, 70100 Kuopio\n"
    "Sähköposti: toimisto@myllyliitto.example\n\n"
    "Käsittelyn tarkoitus\n\n"
    "Jäsenten tiedottaminen ja laskutus.\n"
)


def test_a_body_named_before_its_short_name_in_the_introduction_is_the_controller() -> None:
    notice = (
        "Tietosuojaseloste\n\n"
        "Tämä seloste kertoo, miten Savon Myllyjen liitto (jäljempänä ”liitto”) käsittelee "
        "jäsentensä henkilötietoja.\n\n" + _NAMELESS_BLOCK
    )
    result = import_notice(notice)
    assert result.draft.controller.name == "Savon Myllyjen liitto"
    assert any("outside a controller block" in note for note in result.notes["controller"])


def test_a_trade_name_in_the_title_is_the_controller() -> None:
    notice = "Pajaleipomo Ruislintu -toiminimen tietosuojaseloste\n\n" + _NAMELESS_BLOCK
    result = import_notice(notice)
    assert result.draft.controller.name == "Pajaleipomo Ruislintu"
    assert any("outside a controller block" in note for note in result.notes["controller"])


def test_the_blocks_own_name_stays_over_the_introductions() -> None:
    notice = (
        "Pajaleipomo Ruislintu -toiminimen tietosuojaseloste\n\n"
        "Tämä seloste kertoo, miten Savon Myllyjen liitto (jäljempänä ”liitto”) käsittelee "
        "tietoja.\n\n"
        "Rekisterinpitäjä\n\nRuislinnun Leipä Oy\nMyllytie 9, 70100 Kuopio\n\n"
        "Käsittelyn tarkoitus\n\nAsiakkaiden tilausten hoito.\n"
    )
    assert import_notice(notice).draft.controller.name == "Ruislinnun Leipä Oy"


@pytest.mark.parametrize(
    "intro",
    [
        # a lower-case word that names no body: no name
        "Tämä seloste koskee Ruislinnun Leipä Oy:n asiakkaita (jäljempänä asiakas).",
        # a person, not a body
        "Tietoja käsittelee Aino Ruislintu (jäljempänä yrittäjä).",
    ],
)
def test_words_before_a_short_name_that_name_no_body_give_no_controller(intro: str) -> None:
    assert stated_keeper(intro) is None


# --- an old form's sub-labels under the contact person's heading ----------------------------------


def test_a_forms_labels_under_the_contact_heading_stay_the_contacts() -> None:
    notice = (
        "1. Rekisterinpitäjä\n\n"
        "Nimi\n\nLaakson Soutuseura ry\n\n"
        "Osoite\n\nRantakatu 2, 20100 Turku\n\n"
        "2. Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        "Nimi\n\nVilja Rantanen\n\n"
        "Osoite\n\nLaakson Soutuseura ry, Rantakatu 2, 20100 Turku\n\n"
        "Muut yhteystiedot (esim. puhelin, sähköposti)\n\n"
        "jasenet@soutuseura.example\n\n"
        "3. Rekisterin nimi\n\nSoutuseuran jäsenrekisteri\n"
    )
    result = import_notice(notice)
    contact = result.draft.contact_person
    assert contact is not None
    assert contact.name == "Vilja Rantanen"
    assert contact.email == "jasenet@soutuseura.example"
    assert result.draft.controller.name == "Laakson Soutuseura ry"
    assert not any("without a phone" in note for note in result.notes.get("contact_person", ()))


# --- a register's name after its label inside a run-on line -------------------------------------


def test_a_name_label_run_on_inside_a_line_gives_the_name_to_the_lines_end() -> None:
    notice = (
        "Tietosuojaseloste\n\n"
        "rekisterinpitäjä Kuusiston Kirjapaino Oy Painajantie 3 20100 Turku puh. 040 123 4567 "
        "rekisterin nimi Kirjapainon asiakasrekisteri\n"
        "Käsittelyn tarkoitus Tilausten hoito ja laskutus.\n"
    )
    result = import_notice(notice)
    assert result.draft.name is not None
    assert "Kirjapainon asiakasrekisteri" in str(result.draft.name)
    assert any("run-on line" in note for note in result.notes["name"])


def test_a_sentence_after_a_run_on_name_label_is_no_name() -> None:
    notice = (
        "Tietosuojaseloste\n\n"
        "Kuusiston Kirjapaino Oy, Painajantie 3, 20100 Turku. Tässä kerromme rekisterin nimi "
        "ja muut tiedot, joita lain mukaan on annettava jokaisesta käsittelystä erikseen "
        "asiakkaillemme\n"
    )
    result = import_notice(notice)
    assert not any("run-on line" in note for note in result.notes.get("name", ()))


# --- "on" in an English register name is a preposition, not the Finnish "is" -------------------


def test_an_english_name_with_on_under_the_name_heading_is_the_name() -> None:
    notice = (
        "1. Controller\nHarbour Tools Oy\nSatamakatu 5\n48100 Kotka\n\n"
        "3. Name of the register\n"
        "Records on customers and partners of Harbour Tools\n\n"
        "4. Purpose of processing\nCustomer service and invoicing.\n"
    )
    name = import_notice(notice).draft.name
    assert name is not None
    assert (name.en or name.fi) == "Records on customers and partners of Harbour Tools"


# --- English headings for the controller: registrar, administrator of the register ---------------


@pytest.mark.parametrize(
    "heading",
    [
        "Administrator and Contact Person",
        "Registrar and contact person",
        "Register administrator",
        "Controller of the register",
    ],
)
def test_english_words_for_the_controller_head_its_block(heading: str) -> None:
    notice = (
        f"{heading}\n\n"
        "Finnish Rowing Clubs Association\n"
        "Rantakatu 2, 20100 Turku\n"
        "E-mail: office@rowing.example\n\n"
        "Purpose of processing personal data\n\n"
        "Membership administration.\n"
    )
    assert recognise(heading) is SectionKind.CONTROLLER
    result = import_notice(notice)
    assert result.draft.controller.name == "Finnish Rowing Clubs Association"


@pytest.mark.parametrize("heading", ["Administrator", "System administrator"])
def test_an_administrator_alone_heads_no_controller_block(heading: str) -> None:
    assert recognise(heading) is None
