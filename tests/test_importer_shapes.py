"""Shapes found in the real pages behind dev fixtures 26-31 (LAYOUTS.md 53-64), one test each."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._lists import split_items


def controller_of(block: str) -> tuple[object, ...]:
    draft = import_notice(f"Rekisterinpitäjä\n\n{block}\n").draft
    address = draft.controller.address
    return (
        draft.controller.name,
        address.street if address else None,
        address.postal_code if address else None,
        address.town if address else None,
    )


def test_controller_named_first_in_a_sentence() -> None:
    result = import_notice(
        "1. Rekisterinpitäjä\n\nLehmus Coaching Oy toimii asiakkaidensa henkilötietojen "
        "rekisterinpitäjänä.\n\nY-tunnus: 5234567-6\n"
    )
    assert result.draft.controller.name == "Lehmus Coaching Oy"
    assert result.draft.controller.business_id == "5234567-6"


def test_co_person_before_the_street_is_not_the_street() -> None:
    block = "Nimi: Lehmus ry\nOsoite: Lehmus ry, c/o Arja Mäki, Turvetie 13, 01730 Vantaa"
    assert controller_of(block) == ("Lehmus ry", "Turvetie 13", "01730", "Vantaa")


def test_house_with_building_letter_and_staircase() -> None:
    block = "Lehmus Oy\nKauppiaskatu 9 b A, 20100 Turku, Finland. Puh. 010 555 0000"
    assert controller_of(block) == ("Lehmus Oy", "Kauppiaskatu 9 b A", "20100", "Turku")


def test_fi_prefix_and_upper_case_town() -> None:
    assert controller_of("Lehmus Oy\nPuistotie 3, FI-40520 JYVÄSKYLÄ")[1:] == (
        "Puistotie 3",
        "40520",
        "Jyväskylä",
    )


def test_register_name_label_inside_the_controller_block() -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nNimi: Lehmus ry\n"
        "Rekisterin nimi: Lehmus ry:n jäsenrekisteri\nY-tunnus: 6456789-0\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Lehmus ry:n jäsenrekisteri"
    assert result.draft.controller.name == "Lehmus ry"
    assert result.unmatched == ()


def test_register_name_words_in_a_list_are_not_a_label() -> None:
    result = import_notice("Selosteen kohdat:\n\n 3. Rekisterin nimi ja tarkoitus\n")
    assert result.draft.name is None or "tarkoitus" not in (result.draft.name.fi or "")


def test_label_with_a_qualifier_and_a_role_in_parentheses() -> None:
    result = import_notice(
        "Yhteystiedot\n\n"
        "  • Rekisterinpitäjä: Lehmus Oy, Y-tunnus 6456789-0\n"
        "  • Yhteyshenkilö rekisteriä koskevissa asioissa: Niina Lehmus (yrittäjä), "
        "puh. 044 555 0412\n"
    )
    person = result.draft.contact_person
    assert person is not None
    assert (person.name, person.phone) == ("Niina Lehmus", "044 555 0412")
    assert "role: yrittäjä" in " ".join(result.notes.get("contact_person", ()))


def test_upper_case_contact_heading_and_privacy_clause_title() -> None:
    result = import_notice(
        "Tietosuojalauseke\n\nREKISTERINPITÄJÄ\nLehmus Oy\n\n"
        "REKISTERIASIOITA HOITAVA HENKILÖ\nTuomas Lehmus\nPuhelin: 040 555 0733\n"
    )
    assert result.draft.contact_person is not None
    assert result.draft.contact_person.name == "Tuomas Lehmus"
    assert result.draft.security == ()  # the title is not a security section


def test_lists_split_as_a_person_splits_them() -> None:
    assert split_items("Etu- ja sukunimi, postiosoite ja puhelinnumero.") == (
        None,
        ["Etu- ja sukunimi", "Postiosoite", "Puhelinnumero"],
    )
    assert split_items("Nimi, sukuhaara, johon jäsen kuuluu, ja osoite.") == (
        None,
        ["Nimi", "Sukuhaara, johon jäsen kuuluu", "Osoite"],
    )
    lead, items = split_items(
        "Rekisteriin voidaan tallentaa asiakkaan nimi, syntymäaika ja ostetut tuotteet."
    ) or (None, [])
    assert lead == "Rekisteriin voidaan tallentaa asiakkaan"
    assert items == ["Nimi", "Syntymäaika", "Ostetut tuotteet"]
    # without a comma list the sentence is one entry
    assert split_items("Lisäksi tallennetaan huoltajan nimi ja yhteystiedot.") is None


def test_disclosure_with_consent_is_not_a_negative_statement() -> None:
    consent = import_notice(
        "Tietojen luovutukset\n\n"
        "Tietoja ei luovuteta hallituksen ulkopuolelle ilman jäsenen lupaa.\n"
    )
    assert "recipients" not in {n.value for n in consent.draft.none_stated}
    plain = import_notice("Tietojen luovutukset\n\nTietoja ei luovuteta ulkopuolisille.\n")
    assert "recipients" in {n.value for n in plain.draft.none_stated}
