"""Round 10, key facts: the register's name and the controller's name (tuner T2).

Fictional notices written for these tests; each checks one mechanism.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._register_name import lone_register_name, split_section_name


def _notice(name_block: str, controller: str = "Esimerkkipaja Oy") -> str:
    return (
        "Tietosuojaseloste\n\n"
        f"1. Rekisterinpitäjä\n{controller}\nPajakuja 3, 33100 Tampere\n"
        "info@esimerkkipaja.example.fi\n\n"
        f"2. Rekisterin nimi\n{name_block}\n\n"
        "3. Henkilötietojen käsittelyn tarkoitus\nTietoja käytetään laskutukseen.\n"
    )


def test_legal_form_with_a_stop_keeps_it_in_the_controller_and_register_name() -> None:
    text = (
        "Privacy notice\n\nData controller\nHarbour Tools Ltd.\nBusiness ID: 1234567-1\n"
        "Satamakatu 4, 20100 Turku\nEmail: office@harbourtools.example.fi\n\n"
        "Name of the register\nCustomer register of Harbour Tools Ltd.\n\n"
        "Purpose of processing\nWe use the data to deliver orders.\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Harbour Tools Ltd."
    assert draft.name is not None
    assert draft.name.fi == "Customer register of Harbour Tools Ltd."


def test_a_name_ending_in_a_sentence_still_loses_its_full_stop() -> None:
    draft = import_notice(_notice("Esimerkkipajan asiakasrekisteri.")).draft
    assert draft.name is not None
    assert draft.name.fi == "Esimerkkipajan asiakasrekisteri"


def test_upper_case_name_line_over_a_sentence_about_it() -> None:
    block = "PAJAN REKISTERIT\nSISÄLTÄÄ MM. asiakasluettelon ja kurssien osallistujalistat"
    result = import_notice(_notice(block))
    assert result.draft.name is not None
    assert result.draft.name.fi == "Pajan rekisterit"
    assert result.draft.description is not None
    assert "asiakasluettelon" in result.draft.description.fi


def test_a_name_broken_over_two_lines_is_not_split() -> None:
    block = "Esimerkkipajan asiakas- ja\nmarkkinointirekisteri"
    draft = import_notice(_notice(block)).draft
    assert draft.name is not None
    assert draft.name.fi == "Esimerkkipajan asiakas- ja markkinointirekisteri"


def test_the_system_in_the_inessive_after_the_name_and_a_sentence() -> None:
    block = (
        "Esimerkkipajan kurssirekisteri Kurssikalenteri-varausjärjestelmässä.\n"
        "Tietoja käsitellään, koska osallistuja on pajan asiakas."
    )
    result = import_notice(_notice(block))
    assert result.draft.name is not None
    assert result.draft.name.fi == "Esimerkkipajan kurssirekisteri"
    assert any("Kurssikalenteri" in note for note in result.notes.get("name", ()))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Esimerkkipaja Oy:n asiakasrekisteri, asiakashallintajärjestelmä Pajanet",
            ("Esimerkkipaja Oy:n asiakasrekisteri", "asiakashallintajärjestelmä Pajanet"),
        ),
        (
            "Pajan kurssirekisteri Varaaja-sovelluksessa",
            ("Pajan kurssirekisteri", "Varaaja-sovelluksessa"),
        ),
        ("Kundregister, CRM-systemet Exempel", ("Kundregister", "CRM-systemet Exempel")),
        # no system word: the name is whole
        ("Pajan asiakasrekisteri, Tampere", ("Pajan asiakasrekisteri, Tampere", None)),
        # the system's name as the register's own name stays whole
        ("Kulunvalvontajärjestelmä", ("Kulunvalvontajärjestelmä", None)),
    ],
)
def test_split_section_name_system_tail(value: str, expected: tuple[str, str | None]) -> None:
    assert split_section_name(value) == expected


_ENGLISH = (
    "Privacy notice\n\nData controller\nHarbour Tools Ltd.\nSatamakatu 4, 20100 Turku\n\n"
    "Name of the register\nWorkshop customer register\n\n"
    "Purpose of processing\nThe data are used to deliver orders and to send invoices to the "
    "customers who have ordered tools from us.\n\n"
    "Disclosures\nThe data are not disclosed to anyone outside the company.\n"
)


def test_an_english_notice_has_its_texts_in_the_en_fields_too() -> None:
    result = import_notice(_ENGLISH)
    name = result.draft.name
    assert name is not None
    assert (name.fi, name.en, name.sv) == (
        "Workshop customer register",
        "Workshop customer register",
        None,
    )
    assert all(p.name.en == p.name.fi for p in result.draft.purposes)
    assert "I016" in {finding.code for finding in result.findings}
    assert "I012" not in {finding.code for finding in result.findings}
    assert any("in English" in note for note in result.notes.get("", ()))


def test_a_finnish_and_english_notice_side_by_side_is_no_english_one() -> None:
    text = (
        "Rekisterin nimi / Name of the register\n"
        "Pajan asiakasrekisteri / Workshop customer register\n\n"
        "Käyttötarkoitus / Purpose\n"
        "Tietoja käytetään tilausten toimittamiseen ja laskutukseen, ja ne ovat vain "
        "pajan käytössä. / The data are used to deliver orders and for invoicing, and "
        "they are for the workshop's own use.\n"
        "Tietoja ei luovuteta ulkopuolisille. / The data are not disclosed to anyone.\n"
    )
    result = import_notice(text)
    assert "I016" not in {finding.code for finding in result.findings}
    assert result.draft.name is not None
    assert result.draft.name.fi.startswith("Pajan asiakasrekisteri")


def test_a_finnish_notice_quoting_english_names_stays_finnish() -> None:
    text = _notice("Esimerkkipajan asiakasrekisteri") + (
        "Käytämme palvelua The Shop of Tools and Things for Makers, jonka palvelimet ovat "
        "Suomessa, ja tiedot ovat vain meidän käytössämme.\n"
    )
    result = import_notice(text)
    assert result.draft.name is not None
    assert result.draft.name.en is None
    assert "I016" not in {finding.code for finding in result.findings}


def test_a_line_read_as_a_heading_is_no_lone_register_name() -> None:
    # a heading the table does not know (the splitter reads it; "Content of the register"
    # was one until the table learnt the model form's English wordings, R3-16)
    text = "Kylän Seura ry\nData held in the register\nName and e-mail.\n"
    assert lone_register_name(text) == ("Data held in the register", 15, 40)
    assert lone_register_name(text, ((15, 40),)) is None


def test_a_data_heading_ending_in_register_does_not_name_the_register() -> None:
    text = (
        "Privacy policy\n\nHARBOUR ROWERS R.F\n\n"
        "Purpose of the membership register\n"
        "The association keeps the register to run its activities and to collect fees.\n\n"
        "Content of the register\n"
        "Full name, home town, e-mail address and the fees paid.\n\n"
        "Storage period\n"
        "The data are kept while the membership lasts and are deleted after it ends.\n"
    )
    result = import_notice(text)
    assert result.draft.name is None or "Content" not in result.draft.name.fi


def test_a_town_after_a_label_word_in_a_sentence() -> None:
    text = (
        "Tietosuojaseloste\n\nKeitä olemme\n"
        "Lankapaja Oy (Y-tunnus 1234567-1), jonka kotipaikka on Kerava ja osoite "
        "Lankakuja 2, 04200 Kerava, myy lankoja verkossa.\n\n"
        "Mihin tietoja käytetään\nTietoja käytetään tilausten toimittamiseen.\n"
    )
    controller = import_notice(text).draft.controller
    assert controller.address is not None
    assert controller.address.town == "Kerava"


def test_linking_words_between_a_label_and_its_value_are_no_name() -> None:
    text = (
        "Policy för personuppgifter\n\n"
        "Register över medlemmar som upprätthålls av Kustens förbund rf\n\n"
        "Registeransvarig\n"
        "Frågor om registret kan skickas per e-post på info@kustensforbund.example.fi "
        "eller per telefon 040 000 1234.\n\n"
        "Principer för skyddet av registret\nUppgifterna förvaras i ett låst skåp.\n"
    )
    assert import_notice(text).draft.controller.name == "Kustens förbund rf"


def test_firma_without_a_colon_is_part_of_a_sole_traders_name() -> None:
    text = (
        "Dataskyddsbeskrivning\n\nRegisteransvarig\n\nFirma Eva Exempel\nStrandvägen 3\n"
        "10600 Ekenäs\nFO-nummer 1234567-1\neva@example.fi\n\n"
        "Ändamålet med behandlingen\n\nUppgifterna används för att sköta bokningarna.\n"
    )
    assert import_notice(text).draft.controller.name == "Firma Eva Exempel"
    labelled = text.replace("Firma Eva Exempel", "Firma: Eva Exempel Ab")
    assert import_notice(labelled).draft.controller.name == "Eva Exempel Ab"


def _controller_block(name_line: str, town_line: str = "00100 Helsinki") -> str:
    return (
        f"1. Rekisterinpitäjä / Registeransvarig\n\n{name_line}\nKatu 1\n{town_line}\n"
        "info@example.fi\n\n"
        "2. Rekisterin käyttötarkoitus\n\nTietoja käytetään lainauksiin.\n"
    )


@pytest.mark.parametrize(
    "name",
    [
        "Kylän kaupunginkirjasto / Byns stadsbibliotek",
        "Esimerkin kaupunki / Exempelby stad",
        "Järvikylän museo / Sjöbyns museum",
    ],
)
def test_one_public_body_named_in_two_languages_keeps_both(name: str) -> None:
    assert import_notice(_controller_block(name)).draft.controller.name == name


def test_a_trade_name_beside_a_firm_still_gives_the_firm() -> None:
    draft = import_notice(_controller_block("Kahvila Kuppi / Kuppila Oy")).draft
    assert draft.controller.name == "Kuppila Oy"


def test_a_town_in_capitals_run_together_with_the_next_words() -> None:
    text = _controller_block("Esimerkin kaupunki", "00100 HELSINKI Rekisteriasioista vastaa")
    address = import_notice(text).draft.controller.address
    assert address is not None
    assert address.town == "Helsinki"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Nimi: Latuseura Esimerkki r.y. käytössä lyhenne LaE ry", "Latuseura Esimerkki r.y."),
        ("Nimi: Kylän Kuoro ry (lyh. KK)", "Kylän Kuoro ry"),
        ("Nimi: Kustens Idrottsförening rf, förkortat KIF", "Kustens Idrottsförening rf"),
    ],
)
def test_a_short_name_the_body_uses_is_no_part_of_its_name(line: str, name: str) -> None:
    text = (
        f"Rekisteriseloste\n\n1. Rekisterinpitäjä\n{line}\n"
        "Yhteystiedot: Latukuja 5, 70100 Kuopio, puh. 040 000 0000\n\n"
        "2. Rekisterin käyttötarkoitus\nTietoja käytetään jäsenmaksujen perintään.\n"
    )
    result = import_notice(text)
    assert result.draft.controller.name == name
    assert any("short name" in note for note in result.notes.get("controller", ()))


@pytest.mark.parametrize(
    "line",
    [
        "Tmi Aino Esimerkki / Lankapuoti",
        "Hierontapiste Esimerkki / Tmi Aino Esimerkki",
    ],
)
def test_a_sole_trader_and_its_trade_name_are_kept_whole(line: str) -> None:
    assert import_notice(_controller_block(line)).draft.controller.name == line


def test_a_firm_beside_a_person_still_gives_the_firm() -> None:
    draft = import_notice(_controller_block("Hoitola Esimerkki ky / Aino Esimerkki")).draft
    assert draft.controller.name == "Hoitola Esimerkki ky"
