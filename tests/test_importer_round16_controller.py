"""The controller block on real notices (T9, session 16): general mechanisms.

Each test writes its own small fictional notice (no text of the legacy fixtures or of
real pages).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line


def _parts(line: str) -> list[tuple[str, str]]:
    return [(p.field, p.value) for p in parse_line(line, 0, len(line))]


# --- a channel's label glued to its value by a lost space or tag ------------------------


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        pytest.param(
            "Sähköpostipihla.kuusi@example.fi", "email", "pihla.kuusi@example.fi", id="fi-email"
        ),
        pytest.param("E-postkansliet@example.ax", "email", "kansliet@example.ax", id="sv-email"),
        pytest.param("Puh.040 765 4321", "phone", "040 765 4321", id="phone-dot"),
        pytest.param("Puhelin+358 40 765 4321", "phone", "+358 40 765 4321", id="phone-plus"),
        pytest.param("Verkkosivutwww.kuusikko.example", "url", "www.kuusikko.example", id="url"),
    ],
)
def test_a_glued_label_is_cut_off_whole(line: str, field: str, value: str) -> None:
    parts = _parts(line)
    assert parts[0][0] == "label"
    assert (field, value) in parts


@pytest.mark.parametrize(
    "line",
    [
        # an address that merely starts with a label's letters stays whole
        pytest.param("tellervo.kuusi@example.fi", id="tel-in-a-name"),
        pytest.param("pekka.kuusi@example.fi", id="p-in-a-name"),
        pytest.param("mobiili@example.fi", id="mob-in-a-name"),
        pytest.param("posti@example.fi", id="posti"),
    ],
)
def test_an_address_is_never_cut_at_a_label_word(line: str) -> None:
    assert _parts(line) == [("email", line)]


def test_glued_labels_in_a_controller_block() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä\n\n"
        "Nimi: Kuusikon Kanteleseura ry\n"
        "Verkkosivutwww.kuusikko.example\n"
        "Osoite: Kuusitie 8, 40100 Jyväskylä\n"
        "Puh.040 765 4321\n"
        "Sähköpostiseura@kuusikko.example\n\n"
        "2. Rekisteriasioista vastaava henkilö\n\n"
        "Nimi: Pihla Kuusi\n"
        "Sähköpostipihla.kuusi@example.fi\n\n"
        "3. Rekisterin nimi\n\nJäsenrekisteri\n"
    )
    draft = import_notice(text).draft
    contact = draft.controller.contact
    assert contact is not None
    assert contact.email == "seura@kuusikko.example"
    assert contact.phone == "040 765 4321"
    assert contact.url is not None
    assert contact.url.endswith("kuusikko.example")
    assert draft.contact_person is not None
    assert draft.contact_person.email == "pihla.kuusi@example.fi"


# --- a street ending with a floor ---------------------------------------------------------


@pytest.mark.parametrize(
    "street",
    [
        pytest.param("Haapatie 7 B 4. krs", id="krs-no-comma"),
        pytest.param("Haapatie 7 B, 4. kerros", id="kerros-comma"),
        pytest.param("Björkgatan 3 vån. 2", id="vån-before"),
        pytest.param("Björkgatan 3, vån 2", id="vån-comma"),
        pytest.param("Birch Road 4, 2nd floor", id="floor-en"),
    ],
)
def test_a_street_keeps_its_floor(street: str) -> None:
    assert _parts(street) == [("street", street)]
    line = f"{street}, 00100 Helsinki"
    assert _parts(line)[0] == ("street", street)


def test_a_street_line_with_a_floor_is_the_controllers_street() -> None:
    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\n"
        "Haapalan Kotisäätiö sr\n\nHaapatie 7 B 4. krs\n00100 Helsinki\n\n"
        "2. Rekisterin nimi\n\nAsukasrekisteri\n"
    )
    address = import_notice(text).draft.controller.address
    assert address is not None
    assert address.street == "Haapatie 7 B 4. krs"
    assert address.postal_code == "00100"


# --- a postal code short of a digit (a misprint) -------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Osoite: Rantakatu 9, 4510 Kouvola", id="labelled"),
        pytest.param("Rantakatu 9, 4510 Kouvola", id="unlabelled"),
        pytest.param("Rantalan Uimahalli Oy, Rantakatu 9, 4510 Kouvola", id="after-the-name"),
    ],
)
def test_a_four_digit_code_is_kept_out_and_the_town_read(line: str) -> None:
    parts = _parts(line)
    assert ("street", "Rantakatu 9") in parts
    assert ("town", "Kouvola") in parts
    assert not [p for p in parts if p[0] == "postal_code"]
    assert any(field == "other" and value.startswith("4510 ") for field, value in parts)


def test_a_four_digit_code_is_said_in_a_note_not_entered() -> None:
    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\n"
        "Nimi: Rantalan Uimahalli Oy\nOsoite: Rantakatu 9, 4510 Kouvola\n\n"
        "2. Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    result = import_notice(text)
    address = result.draft.controller.address
    assert address is not None
    assert (address.street, address.postal_code, address.town) == ("Rantakatu 9", None, "Kouvola")
    assert any("4510" in note for note in result.notes["controller"])


def test_a_four_digit_number_without_a_street_is_no_town() -> None:
    assert ("town", "Kouvola") not in _parts("Rantalan Uimahalli Oy, 4510 Kouvola")


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        # the number after a glued label is read alone, never from its second group
        pytest.param("Puhelinnumero050 987 6543", "phone", "050 987 6543", id="puhelinnumero"),
        pytest.param("GSM050 987 6543", "phone", "050 987 6543", id="gsm"),
        pytest.param("Webwww.haapala.example", "url", "www.haapala.example", id="web"),
        # a longer label word is cut off whole, not at a shorter one inside it
        pytest.param("E-postadressinfo@haapala.example", "email", "info@haapala.example", id="sv"),
        pytest.param("E-mailaddressinfo@haapala.example", "email", "info@haapala.example", id="en"),
    ],
)
def test_glued_labels_give_their_whole_value(line: str, field: str, value: str) -> None:
    assert _parts(line) == [("label", field), (field, value)]


def test_web_is_a_label_only_before_an_address_or_a_colon() -> None:
    assert _parts("Web Design Haapala Oy")[0][0] != "label"
    assert _parts("Web: www.haapala.example") == [("label", "url"), ("url", "www.haapala.example")]


# --- a contact's label with only a phone after it; a firm's name ending in a street word --


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Person responsible for register issues +358 40 765 4321", id="en"),
        pytest.param("Yhteyshenkilö +358 40 765 4321", id="fi"),
    ],
)
def test_a_contact_label_before_a_phone_gives_the_contacts_phone(line: str) -> None:
    assert _parts(line) == [("label", "person"), ("phone", "+358 40 765 4321")]


def test_the_contact_line_in_the_controller_block_is_the_contact_persons() -> None:
    text = (
        "Privacy notice\n\nData controller and service provider\n"
        "Koivula Oy Ab Ruusutie 12 33100 Tampere\n"
        "Person responsible for register issues +358 40 765 4321\n\n"
        "Name of the register\nKoivula customer register\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Koivula Oy Ab"
    assert draft.controller.contact is None or draft.controller.contact.phone is None
    assert draft.contact_person is not None
    assert draft.contact_person.phone == "+358 40 765 4321"
    assert draft.processors == ()


@pytest.mark.parametrize(
    ("line", "street"),
    [
        pytest.param(
            "Karjatie Oy Ab Kokkotie 85 25230 Ylöjärvi", "Kokkotie 85", id="firm-then-street"
        ),
        pytest.param(
            "Kuusikko / Karjatie Oy Kokkotie 85, 25230 Ylöjärvi", "Kokkotie 85", id="slash"
        ),
        pytest.param("Karjatie Oy, Karjatie 5, 00100 Helsinki", "Karjatie 5", id="same-word"),
    ],
)
def test_a_firms_name_ending_in_a_street_word_is_no_street(line: str, street: str) -> None:
    assert ("street", street) in _parts(line)


# --- the DPO inside the controller's block ------------------------------------------------


def test_a_dpo_labelled_with_the_bodys_genitive_is_the_dpo() -> None:
    text = (
        "Tietosuojaseloste\n\n1 Yleistä\n\nKerromme, miten käsittelemme tietoja.\n\n"
        "2 Rekisterinpitäjä ja tietosuojavastaava\n\n"
        "Nimi: Koivun Vesi Oy\nOsoite: Satamatie 5, 15140 Lahti\nPuhelin: 03851234\n\n"
        "Koivun Vesi Oy:n tietosuojavastaava:\nPekka Koivisto\n"
        "pekka.koivisto@koivunvesi.example\n+358 50 123 4567\n\n"
        "3 Mihin tietoja käytetään?\n\nTietoja käytetään laskutukseen.\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.dpo is not None
    assert draft.controller.dpo.name == "Pekka Koivisto"
    assert draft.controller.dpo.email == "pekka.koivisto@koivunvesi.example"
    assert draft.contact_person is None


def test_the_dpos_own_mailbox_below_the_dpo_line_is_the_dpos() -> None:
    text = (
        "Dataskyddsbeskrivning\n\n1. Allmänt\n\nVi beskriver hur vi behandlar uppgifter.\n\n"
        "2. Personuppgiftsansvarig och dataskyddsombud\n\n"
        "Namn: Björkby Tand Ab\nAdress: Björkgatan 10 B 2\n20700 Åbo\n\n"
        "Telefon: +358401234567\nDataskyddsombud: Mats Björk\n\n"
        "E-post: mats.bjork@bjorkby.example\n\n"
        "3. Ändamål\n\nUppgifterna används för att boka tider.\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.dpo is not None
    assert draft.controller.dpo.email == "mats.bjork@bjorkby.example"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email is None


# --- "Register manager": the English rendering of "rekisterinpitäjä" --------------------------


def test_a_register_manager_heading_names_the_controller_not_a_processor() -> None:
    text = (
        "Register description\n\nThe customer register of the shop.\n\n"
        "Register manager and service provider\n"
        "Koivula Oy Ab Ruusutie 12 33100 Tampere\n"
        "Person responsible for register issues +358 40 765 4321\n\n"
        "Register name\nKoivula customer register\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Koivula Oy Ab"
    assert draft.controller.address is not None
    assert draft.controller.address.street == "Ruusutie 12"
    assert draft.processors == ()
    assert draft.contact_person is not None
    assert draft.contact_person.phone == "+358 40 765 4321"


# --- a party's "Label: value" line under a general heading read as data ---------------------


@pytest.mark.parametrize(
    "heading",
    [
        pytest.param("Rekisteritiedot", id="fi"),
        pytest.param("Yleistä", id="fi-unknown"),
    ],
)
def test_a_party_label_line_heads_its_own_section(heading: str) -> None:
    text = (
        "Tietosuojaseloste\n\nTämä seloste kertoo, miten käsittelemme asiakkaiden tietoja.\n\n"
        f"{heading}\n\n"
        "Rekisterin nimi: Hierontapiste Kaisa Koivu, asiakasrekisteri\n"
        "Rekisterinpitäjä: Hierontapiste Kaisa Koivu, Koivukuja 3, 04200 Kerava\n"
        "Yhteyshenkilö rekisteriasioissa: Kaisa Koivu, kaisa.koivu@example.fi\n\n"
        "Henkilötietojen käsittelyn tarkoitus\n\nTietoja käytetään ajanvarausten hoitamiseen.\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Hierontapiste Kaisa Koivu"
    assert draft.controller.address is not None
    assert draft.controller.address.street == "Koivukuja 3"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Kaisa Koivu"
    assert draft.description is None or "Koivukuja" not in (draft.description.fi or "")


def test_an_english_party_label_under_register_information() -> None:
    text = (
        "Privacy notice\n\n1. Register information\n"
        "Name of the register: Customer register of Alder Bakery\n"
        "Controller: Alder Bakery Ltd, Harbour Road 4, 00100 Helsinki\n"
        "Contact person: Mia Alder, mia.alder@alder.example\n\n"
        "2. Purpose of processing\nWe use the data for invoicing.\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Alder Bakery Ltd"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Mia Alder"
    assert draft.description is None


def test_a_party_label_with_data_words_stays_an_item_of_data() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKoivun Kauppa Oy, Koivukuja 3, 04200 Kerava\n\n"
        "Rekisterin tietosisältö\n\n"
        "Yhteystiedot: nimi, osoite, puhelinnumero\n"
        "Ostotiedot: tilaukset ja maksut\n"
    )
    draft = import_notice(text).draft
    assert draft.contact_person is None
    assert len(draft.data_categories) >= 2


# --- a two-word role before the contact's name; a labelled contact below the responsible one --


def test_a_two_word_role_before_the_name_is_split_off() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKoivikon kuvataidekoulu, Koivutie 2, "
        "03600 Karkkila\n\nYhteyshenkilö\n\nVastaava opettaja Sanna Koivu\n"
        "sanna.koivu@example.fi\n\nRekisterin nimi\n\nOppilasrekisteri\n"
    )
    result = import_notice(text)
    assert result.draft.contact_person is not None
    assert result.draft.contact_person.name == "Sanna Koivu"
    assert "role: Vastaava opettaja" in result.notes["contact_person"]


def test_a_labelled_contact_below_a_person_without_channels_is_the_contact() -> None:
    text = (
        "Registerbeskrivning\n\n1. Personuppgiftsansvarig\n\n"
        "Björkby Förening rf, Björkgatan 3, 65100 Vasa\n\n"
        "2. Ansvarig för och kontaktperson för registret\n\n"
        "Björkby Förening rf, verksamhetsledare Lena Björk\n\n"
        "Kontaktperson:\nMaria Ek, rådgivare, 044-123 4567, maria.ek@bjorkby.example\n\n"
        "3. Registrets namn\n\nMedlemsregister\n"
    )
    result = import_notice(text)
    contact = result.draft.contact_person
    assert contact is not None
    assert (contact.name, contact.phone) == ("Maria Ek", "044-123 4567")
    assert any("Lena Björk" in note for note in result.notes["contact_person"])


# --- a body's two names joined by " / ", neither with a legal form -------------------------


def test_a_trade_name_and_a_formal_name_are_kept_whole() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\n"
        "Kylän Vesi / Kylän kaupungin vesiliikelaitos\nPL 41 (Vesitie 8)\n04401 Kylä\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.name == "Kylän Vesi / Kylän kaupungin vesiliikelaitos"


def test_a_person_after_the_slash_is_no_part_of_the_name() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\n"
        "Kylän Vesi / Aino Esimerkki\nPL 41 (Vesitie 8)\n04401 Kylä\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    assert import_notice(text).draft.controller.name == "Kylän Vesi"
