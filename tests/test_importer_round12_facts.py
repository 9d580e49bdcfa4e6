"""Round 12, key facts that carry over to real notices (tuner T4).

Fictional notices written for these tests; each checks one mechanism.
"""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, recognise
from rekisteri.importer._register_name import name_in_heading, title_register_name


def test_a_y_tunnus_with_a_stray_space_at_its_dash_is_the_business_id() -> None:
    text = (
        "Registerbeskrivning\n\n"
        "Registeransvarig:\n"
        "Exempel Verktyg Oy (2077474- 0), Hamngatan 4, 65100 Vasa\n\n"
        "Registrets namn:\nKundregister\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.business_id == "2077474-0"
    assert draft.controller.contact is None or draft.controller.contact.phone is None


def test_the_keeper_named_after_a_unit_in_the_genitive_is_the_controller() -> None:
    text = (
        "Rekisteriseloste\n\n"
        "1. Rekisterinpitäjä\n\n"
        "Kylän Kuntosalin rekisteriä ylläpitää Liikuntapiste Oy, Kauppakatu 2, 40100 Jyväskylä. "
        "Y-tunnus 2077474-0\n\n"
        "2. Rekisterin nimi\n\nKylän Kuntosalin asiakasrekisteri\n"
    )
    result = import_notice(text)
    assert result.draft.controller.name == "Liikuntapiste Oy"
    assert any("Kylän Kuntosalin" in note for note in result.notes.get("controller", ()))


def test_a_role_word_after_the_legal_form_is_no_part_of_the_controller_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä ja yhteyshenkilö\n\n"
        "Järvikylien Seura ry toiminnanjohtaja, Rantatie 5, 82900 Ilomantsi "
        "seura@jarvikylat.example.fi\n\n"
        "2. Rekisterin nimi\n\nJäsenrekisteri\n"
    )
    result = import_notice(text)
    assert result.draft.controller.name == "Järvikylien Seura ry"
    assert any("toiminnanjohtaja" in note for note in result.notes.get("controller", ()))


def test_a_numbered_heading_about_the_register_is_no_register_name() -> None:
    text = (
        "Dataskyddsbeskrivning\n\n"
        "1. Personuppgiftsansvarig\n\nExempelby stad\n\n"
        "2. Kontaktperson för registret\n\nAnna Exempel, anna.exempel@exempelby.example.fi\n\n"
        "3. Ändamålet med behandlingen\n\nUppgifterna används för att skicka nyhetsbrev.\n"
    )
    assert title_register_name("2. Ansvarig person för registret") is None
    assert title_register_name("Contact person for the register") is None
    name = import_notice(text).draft.name
    assert name is None or "för registret" not in (name.sv or name.fi or "")


def test_a_title_naming_the_processing_after_its_document_word() -> None:
    assert title_register_name("Dataskyddsbeskrivning: Stadens nyhetsbrev") == "Stadens nyhetsbrev"
    assert title_register_name("Tietosuojaseloste – Kylän kirjaston lainaajat") == (
        "Kylän kirjaston lainaajat"
    )
    assert title_register_name("Tietosuojaseloste – Esimerkki ry") is None
    assert title_register_name("Tietosuojaseloste | Kylän kunta") is None
    assert title_register_name("Privacy policy – Example Company") is None
    assert title_register_name("Tietosuojaseloste: Uutiskirje") is None  # one word: a guess too far


def test_a_public_bodys_information_resource_on_a_line_of_its_own_is_the_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Kirjastopalveluiden asiakastietovaranto\n\n"
        "1. Rekisterinpitäjä\n\nKylän kunta\nTorikatu 1, 45100 Kouvola\n\n"
        "2. Henkilötietojen käsittelyn tarkoitus\n\nTietoja käytetään lainaamiseen.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert name.fi == "Kirjastopalveluiden asiakastietovaranto"


def test_a_title_said_in_a_sentence_gives_the_register_without_the_sentence_words() -> None:
    finnish = "Tämä on Pajulan Tila Oy:n asiakasrekisterin tietosuojaseloste."
    assert title_register_name(finnish) == "Pajulan Tila Oy:n asiakasrekisteri"
    swedish = "Detta är Exempel Ab:s dataskyddsbeskrivning för kundregistret"
    assert title_register_name(swedish) == "Kundregistret"
    text = (
        "Tämä on Pajulan Tila Oy:n asiakasrekisterin tietosuojaseloste.\n\n"
        "Rekisterinpitäjä\n\nPajulan Tila Oy\nPeltotie 2, 61800 Kauhajoki\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert name.fi == "Pajulan Tila Oy:n asiakasrekisteri"


def test_the_name_this_register_has_stated_in_a_sentence() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterinpitäjä\n\nPajulan Tila Oy\nPeltotie 2, 61800 Kauhajoki\n\n"
        "Tämän rekisterin nimi on Pajulan kanta-asiakasrekisteri.\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert name.fi == "Pajulan kanta-asiakasrekisteri"


def test_a_bodys_block_under_a_contact_heading_is_the_controller_when_none_is_named() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Yhteydenotot\n\n"
        "Pajulan Tila Oy\nY-tunnus 2077474-0\nPeltotie 2\n61800 Kauhajoki\n"
        "tila@pajula.example.fi\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    result = import_notice(text)
    controller = result.draft.controller
    assert controller.name == "Pajulan Tila Oy"
    assert controller.contact is not None
    assert controller.contact.email == "tila@pajula.example.fi"
    assert result.draft.contact_person is None or result.draft.contact_person.name is None


def test_a_persons_block_under_a_contact_heading_stays_the_contact_person() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Yhteydenotot\n\n"
        "Aino Pajula\nPeltotie 2\n61800 Kauhajoki\naino.pajula@pajula.example.fi\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name != "Aino Pajula"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Aino Pajula"


def test_a_bodys_name_before_its_street_on_an_address_line_outside_any_block() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen.\n\n"
        "Pajulan Tila Oy | Peltotie 2, 61800 Kauhajoki | tila@pajula.example.fi\n"
    )
    controller = import_notice(text).draft.controller
    assert controller.name == "Pajulan Tila Oy"
    assert controller.address is not None
    assert controller.address.street == "Peltotie 2"


def test_a_persons_name_before_the_street_is_no_controller_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen.\n\n"
        "Aino Pajula, Peltotie 2, 61800 Kauhajoki\n"
    )
    assert import_notice(text).draft.controller.name != "Aino Pajula"


def test_a_body_named_in_a_place_case_is_put_in_the_nominative() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Me Pajulan Tila Oy:ssä (Peltotie 2, 61800 Kauhajoki) käsittelemme asiakkaidemme "
        "tietoja huolellisesti. Yhteydenotot: tila@pajula.example.fi\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
    )
    assert import_notice(text).draft.controller.name == "Pajulan Tila Oy"


def test_a_house_number_joined_to_a_second_one_is_part_of_the_street() -> None:
    for street in ("Rantakatu 17+19B", "Rantakatu 17 & 19", "Rantakatu 17/19"):
        text = (
            "Tietosuojaseloste\n\nRekisterinpitäjä\n\n"
            f"Järvikylien Seura ry, {street}, 80100 Joensuu\n\n"
            "Rekisterin nimi\n\nJäsenrekisteri\n"
        )
        address = import_notice(text).draft.controller.address
        assert address is not None
        assert address.street == street


def test_a_controller_heading_misspelt_without_its_n_is_read() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisteripitäjä ja yhteyshenkilö\n\n"
        "Järvikylien Seura ry\nRantakatu 4, 80100 Joensuu\nseura@jarvikylat.example.fi\n\n"
        "Jäsenasiat Aino Pajula\naino.pajula@jarvikylat.example.fi\n\n"
        "Rekisterin nimi\n\nJäsenrekisteri\n"
    )
    assert recognise("Rekisteripitäjä") is SectionKind.CONTROLLER
    draft = import_notice(text).draft
    assert draft.controller.name == "Järvikylien Seura ry"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "seura@jarvikylat.example.fi"


_CONTROLLER_BLOCK = "Rekisterinpitäjä\n\nPajulan Tila Oy\nPeltotie 2, 61800 Kauhajoki\n"


def test_another_contacts_own_mailbox_is_not_the_controllers() -> None:
    text = (
        "Tietosuojaseloste\n\n" + _CONTROLLER_BLOCK + "\n"
        "Rekisteriasioista vastaava henkilö\n\n"
        "Toimitusjohtaja Aino Pajula, aino.pajula@pajula.example.fi\n\n"
        "Yhteyshenkilö\n\nMatti Virta, matti.virta@pajula.example.fi\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    draft = import_notice(text).draft
    controller_email = draft.controller.contact.email if draft.controller.contact else None
    assert controller_email != "matti.virta@pajula.example.fi"


def test_a_role_with_a_colon_before_a_person_in_the_controllers_block() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        + _CONTROLLER_BLOCK
        + "Toimitusjohtaja: Aino Pajula, aino.pajula@pajula.example.fi\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.contact is None or draft.controller.contact.email is None
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Aino Pajula"


def test_the_data_protection_officers_line_in_the_controllers_block_is_the_officers() -> None:
    for label in ("Tietosuojavastaava:", "Data protection officer:", "Dataskyddsombud:"):
        text = (
            "Tietosuojaseloste\n\n"
            + _CONTROLLER_BLOCK
            + f"{label} Liisa Laine, tietosuoja@pajula.example.fi\n\n"
            "Rekisterin nimi\n\nAsiakasrekisteri\n"
        )
        controller = import_notice(text).draft.controller
        assert controller.contact is None or controller.contact.email is None
        assert controller.dpo is not None
        assert (controller.dpo.name, controller.dpo.email) == (
            "Liisa Laine",
            "tietosuoja@pajula.example.fi",
        )


def test_a_body_with_its_legal_form_replaces_a_school_named_above_it() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterinpitäjä\n\n"
        "Rekisterinpitäjänä on Järvikylän opisto.\n\n"
        "Järvikylän Opiston Tukiyhdistys ry (2077474-0) Opistotie 5 82900 ILOMANTSI\n\n"
        "Rekisterin nimi\n\nOpiskelijarekisteri\n"
    )
    result = import_notice(text)
    assert result.draft.controller.name == "Järvikylän Opiston Tukiyhdistys ry"
    assert any("Järvikylän opisto" in note for note in result.notes.get("controller", ()))


def test_a_salon_of_two_sole_traders_keeps_its_trade_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterinpitäjä\n\n"
        "Hiusstudio Kaisla\nTmi Aino Pajula (Y-tunnus 2077474-0)\nTmi Liisa Laine\n"
        "Rantakatu 4, 80100 Joensuu\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    assert import_notice(text).draft.controller.name == "Hiusstudio Kaisla"


def test_a_list_letter_before_the_register_name_is_not_part_of_it() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä\n  Pajulan Tila Oy\n  Peltotie 2, 61800 Kauhajoki\n"
        "2. Rekisterin nimi\n  • a) Asiakasrekisteri\n  • b) Markkinointirekisteri\n"
        "3. Henkilötietojen käsittelyn tarkoitus\n  Tietoja käytetään laskutukseen.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert name.fi == "Asiakasrekisteri"


def test_a_title_that_runs_on_after_its_colon_names_the_register() -> None:
    text = (
        "Dataskyddsbeskrivning: Stadens nyhetsbrev\n\n"
        "1. Personuppgiftsansvarig\n\nExempelby stad\n\n"
        "2. Ändamålet med behandlingen\n\nVia registret skickas nyhetsbrev till beställarna.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert "Stadens nyhetsbrev" in (name.sv, name.fi)


def test_the_verb_of_a_name_heading_glued_to_its_name_is_no_part_of_it() -> None:
    text = (
        "Rekisterinpitäjä\n\nPajulan Tila Oy\nPeltotie 2, 61800 Kauhajoki\n\n"
        "Rekisterin nimi on Pajulan asiakasrekisteri\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert name.fi == "Pajulan asiakasrekisteri"


def test_a_clause_in_brackets_after_the_name_goes_to_the_description() -> None:
    text = (
        "Rekisterinpitäjä\n\nPajulan Tila Oy\nPeltotie 2, 61800 Kauhajoki\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri (sisältää myös verkkokaupan asiakkaat)\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
    )
    draft = import_notice(text).draft
    assert draft.name is not None
    assert draft.name.fi == "Asiakasrekisteri"
    assert draft.description is not None
    assert "verkkokaupan asiakkaat" in (draft.description.fi or "")


def test_a_we_are_or_controller_is_lead_is_no_part_of_the_controller_name() -> None:
    finnish = (
        "Tietosuojaseloste\n\nKeitä olemme\n\n"
        "Olemme Pajulan Tila Oy (Y-tunnus 2077474-0), Peltotie 2, 61800 Kauhajoki. "
        "Tavoitat meidät osoitteesta tila@pajula.example.fi.\n\n"
        "Mitä tietoja keräämme\n\nNimi ja sähköposti.\n"
    )
    english = (
        "Privacy policy\n\n"
        "The controller of your personal data is Pajula Farm Ltd, Peltotie 2, 61800 "
        "Kauhajoki, Finland (farm@pajula.example.fi).\n\n"
        "What data we collect\n\nName and e-mail.\n"
    )
    assert import_notice(finnish).draft.controller.name == "Pajulan Tila Oy"
    assert import_notice(english).draft.controller.name == "Pajula Farm Ltd"


def test_a_body_that_names_itself_under_a_who_we_are_heading_is_the_controller() -> None:
    text = (
        "Privacy policy\n\nWho we are\n\n"
        "We are Pajula Farm Ltd, Peltotie 2, 61800 Kauhajoki, Finland. "
        "You can reach us at farm@pajula.example.fi.\n\n"
        "What data we collect\n\nName and e-mail.\n"
    )
    controller = import_notice(text).draft.controller
    assert controller.name == "Pajula Farm Ltd"
    assert controller.address is not None
    assert controller.address.postal_code == "61800"
    assert controller.contact is not None
    assert controller.contact.email == "farm@pajula.example.fi"


def test_a_name_glued_to_its_heading_may_say_what_the_register_is_for() -> None:
    assert name_in_heading("Registrets namn är Kundregistret för webbutiken.") == (
        "Kundregistret för webbutiken"
    )
    assert name_in_heading("2. Rekisterin nimi Kylän Seura") is None  # no register's word


def test_a_pages_copyright_line_names_the_controller_when_nothing_else_does() -> None:
    body = (
        "Tietosuojaseloste\n\nMitä tietoja keräämme\n\nNimi ja sähköposti.\n\n"
        "Mihin tietoja käytetään\n\nTietoja käytetään tilausten toimittamiseen.\n\n"
    )
    firm = import_notice(body + "© 2024 Pajulan Tila Oy\n")
    assert firm.draft.controller.name == "Pajulan Tila Oy"
    assert any("outside a controller block" in n for n in firm.notes.get("controller", ()))
    assert import_notice(body + "© 2024 Aino Pajula\n").draft.controller.name is None


def test_a_contact_persons_own_section_names_the_contact_over_the_responsible_one() -> None:
    text = (
        "Tietosuojaseloste\n\n" + _CONTROLLER_BLOCK + "\n"
        "Rekisteriasioista vastaava henkilö\n\n"
        "Toimitusjohtaja Aino Pajula, aino.pajula@pajula.example.fi\n\n"
        "Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        "Matti Virta, matti.virta@pajula.example.fi\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    result = import_notice(text)
    contact = result.draft.contact_person
    assert contact is not None
    assert (contact.name, contact.email) == ("Matti Virta", "matti.virta@pajula.example.fi")
    assert any("Aino Pajula" in note for note in result.notes.get("contact_person", ()))
