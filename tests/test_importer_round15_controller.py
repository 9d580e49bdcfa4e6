"""The controller's block on real pages (session 15, helper T7).

Each test checks one mechanism with a small notice written for it: every body,
person, street and address below is invented.
"""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line


def _parts(line: str) -> list[tuple[str, str]]:
    return [(part.field, part.value) for part in parse_line(line, 0, len(line))]


# --- a heading's words where the name would stand are never the name ---------------------


def test_a_heading_word_in_another_inflection_is_not_the_name() -> None:
    # "Registeransvarige" (with -e) alone on its line under a line the importer took for
    # the block's heading: the heading's word, and the trade name in lower case below it
    # is the controller
    result = import_notice(
        "Integritetspolicy\n\nUPPGIFTER\nRegisteransvarige\nlilla bokboden, FO: 2077474-0\n"
        "Strandgatan 5, 65100 Vasa\ne-post: info@example.fi\n\nRegisternamn\nKundregister\n"
    )
    controller = result.draft.controller
    assert controller.name == "lilla bokboden"
    assert controller.business_id == "2077474-0"


def test_an_english_of_the_register_heading_is_not_the_name_nor_city_of_a_town() -> None:
    result = import_notice(
        "Description of data register\n\nOwner of the register\nTown of Exampleby\n"
        "Main Street 4\n12345 Exampleby, Finland\nBusiness ID 2077474-0\n\n"
        "Name of the register\nCustomer register of the web shop\n"
    )
    controller = result.draft.controller
    assert controller.name == "Town of Exampleby"
    assert controller.address is not None
    assert controller.address.town == "Exampleby"
    assert controller.address.street == "Main Street 4"


def test_city_of_is_a_name_but_a_town_label_stays_a_label() -> None:
    assert _parts("City of Exampleby") == [("text", "City of Exampleby")]
    assert _parts("Town of Exampleby") == [("text", "Town of Exampleby")]
    assert ("town", "Exampleby") in _parts("City: Exampleby")
    assert ("town", "Vasa") in _parts("Postort Vasa")


def test_a_sentence_starting_with_the_controller_word_is_not_taken_for_a_heading() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nTmi Aino Esimerkki (Y-tunnus: 2077474-0)\n"
        "Rekisterin ylläpitäjä vastaa asiakasrekisteristä itse.\n\nRekisterin nimi\n\n"
        "Asiakasrekisteri\n"
    )
    assert result.draft.controller.name == "Tmi Aino Esimerkki"
    headings = [result.text[m.start : m.end] for m in result.mapped if "heading" in m.field]
    assert not any("ylläpitäjä vastaa" in heading for heading in headings)


# --- a street named with a genitive in lower case keeps its first word -------------------


def test_a_street_with_a_lower_case_genitive_keeps_its_first_word() -> None:
    assert _parts("Gamla skolans väg 3") == [("street", "Gamla skolans väg 3")]
    assert _parts("Kylän kirkon tie 12") == [("street", "Kylän kirkon tie 12")]
    # a firm's name before the street stays apart from it
    assert _parts("Esimerkki Oy kirkon tie 2")[-1] == ("street", "tie 2")
    result = import_notice(
        "Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\n\nStiftelsen Exempelgården\n"
        "Gamla skolans väg 3\n65100 Vasa\n\n2. Registrets namn\n\nKundregister\n"
    )
    address = result.draft.controller.address
    assert address is not None
    assert address.street == "Gamla skolans väg 3"


# --- people listed under a bare "Yhteystiedot" before the controller's own section -------

_PEOPLE_FIRST = (
    "Tietosuoja Esimerkkirahastossa\n\nYhteystiedot\n\n"
    "Pääsihteeri Aino Esimerkki, aino.esimerkki(at)example.fi\n\n"
    "Suunnittelija Olli Esimerkki, olli.esimerkki(at)example.fi\n\n"
    "Tietosuojavastaava Kaisa Esimerkki, tietosuoja(at)example.fi\n\n"
    "Rekisterinpitäjä\n\nEsimerkkirahasto, PL 12, 00023 Valtioneuvosto\n"
    "rahasto(at)example.fi ja p. 0295 000 111\n"
)


def test_people_before_the_controller_section_are_contacts_not_the_controller() -> None:
    draft = import_notice(_PEOPLE_FIRST).draft
    assert draft.controller.name == "Esimerkkirahasto"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "rahasto@example.fi"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Aino Esimerkki"
    assert draft.contact_person.email == "aino.esimerkki@example.fi"


def test_a_dpo_line_guessed_as_a_heading_is_the_dpo() -> None:
    # "Tietosuojavastaava Name, e-mail" alone between sections: a contact line (it gives an
    # e-mail), never a heading with nothing under it
    dpo = import_notice(_PEOPLE_FIRST).draft.controller.dpo
    assert dpo is not None
    assert dpo.name == "Kaisa Esimerkki"
    assert dpo.email == "tietosuoja@example.fi"


def test_a_person_under_yhteystiedot_is_the_controller_when_no_controller_section_follows() -> None:
    # a sole trader's notice: the only contact block names the trader, who is the controller
    draft = import_notice(
        "Tietosuojaseloste\n\nYhteystiedot\n\nAino Esimerkki\nKoivukuja 3, 33100 Tampere\n"
        "aino(at)example.fi\n\nRekisterin nimi\n\nAsiakasrekisteri\n"
    ).draft
    assert draft.controller.name == "Aino Esimerkki"


# --- an unheaded controller block under the title ----------------------------------------

_UNHEADED = (
    "GDPR\n\nRegisterbeskrivning\n\nExempelskyttarna r.f.\n\nStrandvägen 4\n\n22100 MARIEHAMN\n\n"
    "FO-nummer: 2077474-0\n\n"
    "Informationsregister enligt dataskyddsförordningen GDPR (05/2018).\n\n"
    "1. Dataskyddsombud\n\n"
    "Som vårt dataskyddsombud fungerar Anna Exempel, +358 40 000 1111, anna(at)example.ax.\n\n"
    "2. Personer som ansvarar för registret\n\n"
    "Anna Exempel, kassör och dataskyddsombud, anna(at)example.ax\n\n"
    "Bo Exempel, ordförande, bo@example.ax\n\n"
    "3. Registrets namn\n\nMedlemsregister\n"
)


def test_an_unheaded_block_under_the_title_is_the_controller() -> None:
    controller = import_notice(_UNHEADED).draft.controller
    assert controller.name == "Exempelskyttarna r.f."
    assert controller.business_id == "2077474-0"
    assert controller.address is not None
    assert controller.address.street == "Strandvägen 4"
    assert controller.address.postal_code == "22100"
    # "GDPR (05/2018)" in the sentence below the block gives no phone
    assert controller.contact is None or controller.contact.phone is None


def test_a_dpo_said_with_fungerar_is_only_the_name() -> None:
    dpo = import_notice(_UNHEADED).draft.controller.dpo
    assert dpo is not None
    assert dpo.name == "Anna Exempel"
    assert dpo.email == "anna@example.ax"


def test_a_role_after_a_name_and_a_comma_is_a_role() -> None:
    # "Name, role, e-mail" lines under a contact heading: the first person is the contact,
    # the role in lower case after the comma is said in a note, never part of the name
    result = import_notice(_UNHEADED)
    contact = result.draft.contact_person
    assert contact is not None
    assert contact.name == "Anna Exempel"
    assert contact.email == "anna@example.ax"
    assert "role: kassör och dataskyddsombud" in result.notes["contact_person"]


def test_what_a_role_covers_after_a_second_comma_stays_with_the_role() -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nKylän kunta\nKuntatie 1, 00100 Helsinki\n\n"
        "Rekisteriasioista vastaavat henkilöt\n\n"
        "Aino Esimerkki, lupapäällikkö, lupa- ja valvonta-asiat\n"
        "puh. 040 000 1234, aino.esimerkki@example.fi\n"
    )
    contact = result.draft.contact_person
    assert contact is not None
    assert contact.name == "Aino Esimerkki"
    assert "role: lupapäällikkö, lupa- ja valvonta-asiat" in result.notes["contact_person"]
    mapped = {result.text[m.start : m.end] for m in result.mapped}
    assert "lupapäällikkö, lupa- ja valvonta-asiat" in mapped


# --- roles of several words before a name; the DPO's and a person's lines in the block -------


def test_a_role_of_several_words_before_the_name_is_a_role() -> None:
    result = import_notice(
        "1. Personuppgiftsansvarig\n\nStiftelsen Exempelgården\nSkolgatan 3\n65100 Vasa\n\n"
        "2. Kontaktperson\n\nTillförordnad VD Bo Exempel\ntelefon 040 000 2222\n"
        "bo.exempel@example.fi\n"
    )
    contact = result.draft.contact_person
    assert contact is not None
    assert contact.name == "Bo Exempel"
    assert "role: Tillförordnad VD" in result.notes["contact_person"]
    english = import_notice(
        "1. Controller\n\nExample Club ry\nMain Street 4, 00100 Helsinki\n\n"
        "2. Contact person\n\nData Protection Officer Ann Example, ann.example@example.fi\n"
    ).draft.contact_person
    assert english is not None
    assert english.name == "Ann Example"


def test_a_tietosuojahenkilo_line_in_the_block_is_the_dpo_not_the_controller() -> None:
    draft = import_notice(
        "Rekisterinpitäjä\n\nKylän Armo ry\nKirkkokatu 2, 20100 Turku\npuh. 040 000 3333\n"
        "tietosuojahenkilö: Liisa Esimerkki, liisa.esimerkki(at)example.fi\n\n"
        "Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        "Aino Esimerkki, aino.esimerkki@example.fi\n"
    ).draft
    assert draft.controller.dpo is not None
    assert draft.controller.dpo.name == "Liisa Esimerkki"
    assert draft.controller.dpo.email == "liisa.esimerkki@example.fi"
    assert draft.controller.contact is None or draft.controller.contact.email is None


def test_a_persons_own_mailbox_in_the_block_is_hers_and_the_office_line_is_the_bodys() -> None:
    result = import_notice(
        "Rekisterin pitäjä:\n\nKylän musiikkiopiston tukiyhdistys ry\nKoulutie 1, 00440 Helsinki\n"
        "Aino Esimerkki, rehtori: 040 000 4444, aino.esimerkki@example.fi\n"
        "Kanslia: 040 000 5555, toimisto@example.fi\n\n"
        "Yhteyshenkilö rekisteriä koskevissa asioissa:\n\nAino Esimerkki, rehtori\n"
        "040 000 4444\naino.esimerkki@example.fi\n"
    )
    contact = result.draft.controller.contact
    assert contact is not None
    assert contact.email == "toimisto@example.fi"
    assert contact.phone == "040 000 5555"
    assert "Aino Esimerkki's email: aino.esimerkki@example.fi" in result.notes["controller"]


# --- two bodies under one heading are never joined into one name -------------------------


def test_two_bodies_over_two_lines_are_not_joined() -> None:
    result = import_notice(
        "1. Den personuppgiftsansvarige\n\nStiftelsen Exempelholmen och\nExempelholmen Travel Ltd\n"
        "Skolgatan 3\n65100 Vasa\nFöretags-ID: 2077474-0\n\n2. Registrets namn\n\nKundregister\n"
    )
    controller = result.draft.controller
    assert controller.name == "Stiftelsen Exempelholmen"
    assert controller.business_id == "2077474-0"
    notes = result.notes["controller"]
    assert "a second body named with the controller (joint?): Exempelholmen Travel Ltd" in notes
    assert not any("Företags-ID" in note for note in notes)


def test_one_name_broken_over_two_lines_is_still_joined() -> None:
    draft = import_notice(
        "Rekisterinpitäjä\n\nKylän Kotiseutu- ja\nMuseoyhdistys ry\nKylätie 3, 41940 Kylä\n"
    ).draft
    assert draft.controller.name == "Kylän Kotiseutu- ja Museoyhdistys ry"


def test_the_party_headings_of_old_forms_are_known() -> None:
    from rekisteri.importer._headings import SectionKind, recognise

    assert recognise("Registeransvarige") is SectionKind.CONTROLLER
    assert recognise("Owner of the register") is SectionKind.CONTROLLER
    assert recognise("Person in charge of the register") is SectionKind.CONTACT
    draft = import_notice(
        "Description of data register\n\nOwner of the register\nTown of Exampleby\n"
        "Main Street 4\n12345 Exampleby\n\nPerson in charge of the register\n"
        "Project Manager Ann Example\nphone: 040 000 6666\n"
    ).draft
    assert draft.controller.name == "Town of Exampleby"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Ann Example"


def test_a_town_in_capitals_is_written_alike_for_the_controller_and_the_contact() -> None:
    draft = import_notice(
        "Rekisterinpitäjä\n\nKylän Kissaseura ry\nKoivukuja 6, 08700 LOHJA\n\n"
        "Yhteyshenkilö\n\nAino Esimerkki\nc/o Esimerkki\nKoulukatu 4 A 10, 53950 LAPPEENRANTA\n"
        "aino(at)example.fi\n"
    ).draft
    assert draft.controller.address is not None
    assert draft.controller.address.town == "Lohja"
    contact = draft.contact_person
    assert contact is not None
    assert contact.address is not None
    assert contact.address.town == "Lappeenranta"
