"""Round 14: mechanisms for what real notices do that the development set did not show.

Every notice here is fictional, written for these tests (no text of a real page
nor of a fixture).
"""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line
from rekisteri.importer._headings import SectionKind
from rekisteri.importer._runon import dash_glued
from rekisteri.importer._structure import split

#: A web page whose list of headings was flattened: each heading ends the line before it.
DASHED = (
    "Tietosuojaseloste\n"
    "- Rekisterinpitäjä\n"
    "Rantakylän Ratsastajat ry\n"
    "Hevoskuja 3, 40100 Jyväskylä - Rekisterin nimi\n"
    "Rantakylän Ratsastajat ry:n jäsenrekisteri - Henkilötietojen käsittelyn tarkoitus\n"
    "Tietoja käytetään jäsenyyden hoitamiseen ja jäsenmaksujen laskuttamiseen."
    " - Rekisterin tietosisältö\n"
    "• nimi\n"
    "• puhelinnumero\n"
    "• sähköpostiosoite - Säännönmukaiset tietolähteet\n"
    "Tiedot saadaan jäseneltä itseltään liittymislomakkeella.\n"
)


def test_dash_glued_headings_go_on_lines_of_their_own() -> None:
    text = dash_glued(DASHED)
    assert len(text) == len(DASHED)
    lines = text.splitlines()
    for heading in (
        "Rekisterin nimi",
        "Henkilötietojen käsittelyn tarkoitus",
        "Rekisterin tietosisältö",
        "Säännönmukaiset tietolähteet",
    ):
        assert heading in lines
    assert "Hevoskuja 3, 40100 Jyväskylä" in lines


def test_dash_glued_headings_fill_their_fields() -> None:
    draft = import_notice(DASHED).draft
    assert [p.name.fi for p in draft.purposes]
    assert {c.name.fi for c in draft.data_categories} >= {
        "Nimi",
        "Puhelinnumero",
        "Sähköpostiosoite",
    }
    assert draft.sources
    assert all("tietolähteet" not in (c.name.fi or "").casefold() for c in draft.data_categories)


def test_one_dash_is_no_flattened_page() -> None:
    """A title "X – tietosuojaseloste" or one entry "nimi - Osoite" is left as it is."""
    one = "Kahvila Kulma Oy - tietosuojaseloste\nRekisterinpitäjä\nKahvila Kulma Oy - Osoite\n"
    assert dash_glued(one) == one
    single = "Rekisterinpitäjä\nKahvila Kulma Oy, Torikatu 1 - Rekisterin nimi\nAsiakasrekisteri\n"
    assert dash_glued(single) == single


def test_a_heading_in_two_languages_is_not_split() -> None:
    bilingual = (
        "Rekisterin nimi – Registrets namn\nJäsenrekisteri\n"
        "Rekisterinpitäjä – Registeransvarig\nKyläyhdistys ry\n"
        "Tietojen luovuttaminen – Utlämnande av uppgifter\nEi luovuteta.\n"
    )
    assert dash_glued(bilingual) == bilingual


#: Numbered headings closed with a period, as some Swedish notices write them.
PERIODS = (
    "Registerbeskrivning\n\n"
    "1. Personuppgiftsansvarig.\n"
    "Skärgårdens Roddare rf\nHamnvägen 2\n21600 Pargas\nstyrelsen@example.org\n\n"
    "2. Kontaktperson i frågor om registret.\n"
    "Elin Strand\nelin.strand@example.org\n\n"
    "3. Registrets namn.\n"
    "Medlemsregister för Skärgårdens Roddare rf\n\n"
    "4. Motivering till och ändamål med behandlingen av uppgifterna.\n"
    "Uppgifterna används för att sköta medlemskapet och för att skicka medlemsbrev.\n\n"
    "5. Registrets datainnehåll.\n"
    "Namn, adress, telefonnummer och e-postadress.\n\n"
    "6. Uppgifternas bevaringstid.\n"
    "Uppgifterna bevaras så länge medlemskapet varar och raderas ett år efter det.\n"
)


def test_numbered_headings_closed_with_a_period_are_headings() -> None:
    headings = {
        PERIODS[section.heading.start : section.heading.end]: section.kind
        for section in split(PERIODS)
        if section.heading is not None
    }
    assert headings["2. Kontaktperson i frågor om registret."] is SectionKind.CONTACT
    assert headings["4. Motivering till och ändamål med behandlingen av uppgifterna."] is (
        SectionKind.PURPOSES
    )
    assert headings["6. Uppgifternas bevaringstid."] is SectionKind.RETENTION
    draft = import_notice(PERIODS).draft
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Elin Strand"
    assert [p.name.sv for p in draft.purposes]


def test_a_numbered_sentence_after_a_period_heading_stays_a_sentence() -> None:
    """Numbered next, but a sentence (a verb in it): not read as a heading."""
    text = PERIODS + "\n7. Uppgifterna lämnas inte ut till någon.\n"
    last = split(text)[-1]
    assert last.heading is not None
    assert text[last.heading.start : last.heading.end] == "7."  # the number heads it alone
    assert [text[piece.start : piece.end] for piece in last.pieces] == [
        "Uppgifterna lämnas inte ut till någon."
    ]


#: A notice's date alone on the line under its two title lines.
DATED_TITLE = (
    "Tietosuojaseloste\n"
    "Yhdistyksen informointiasiakirja\n"
    "3.11.2021\n\n"
    "1. Rekisterinpitäjä\n\n"
    "Mäntylän Kuoro ry\nKoulutie 5, 35800 Mänttä\nkuoro@example.org\n\n"
    "2. Rekisterin nimi\n\n"
    "Mäntylän Kuoron jäsenrekisteri\n"
)


def test_a_date_under_the_title_is_the_notice_date() -> None:
    result = import_notice(DATED_TITLE)
    assert str(result.draft.updated) == "2021-11-03"
    at = DATED_TITLE.index("3.11.2021")
    assert any(m.field == "updated" and m.start <= at < m.end for m in result.mapped)
    headings = [
        DATED_TITLE[s.heading.start : s.heading.end] for s in split(DATED_TITLE) if s.heading
    ]
    assert "3.11.2021" not in " ".join(headings)  # the date is no word of the title


def test_a_date_under_the_title_is_not_read_when_an_update_is_stated() -> None:
    text = DATED_TITLE + "\nPäivitetty 1.2.2023\n"
    assert str(import_notice(text).draft.updated) == "2023-02-01"
    earlier = DATED_TITLE.replace("3.11.2021", "3.11.2024") + "\nPäivitetty 1.2.2023\n"
    assert str(import_notice(earlier).draft.updated) == "2023-02-01"


#: A long numbered heading in the page's sequence, alone between blank lines.
LONG_HEADING = (
    "Privacy Statement\n\n"
    "1. Data Controller\n\n"
    "Lakeside Rowing Club ry, Rantapolku 1, 33100 Tampere, board@example.org\n\n"
    "2. Name of the Register\n\n"
    "Member register of Lakeside Rowing Club\n\n"
    "3. Regular Disclosure of Personal Data and Transfer of Personal Data to Countries"
    " Outside the EU\n\n"
    "Member data is not disclosed to anyone outside the club. Member data is not "
    "transferred outside the European Union.\n\n"
    "4. Data Security\n\n"
    "The register is kept in a locked cabinet.\n"
)


def test_a_long_numbered_heading_in_sequence_is_read_by_its_words() -> None:
    kinds = [section.kind for section in split(LONG_HEADING)]
    assert SectionKind.DISCLOSURES in kinds
    draft = import_notice(LONG_HEADING).draft
    assert not draft.sources
    assert not draft.recipients
    assert {"recipients", "transfers"} <= set(draft.none_stated)


def test_a_long_numbered_sentence_in_sequence_stays_a_sentence() -> None:
    text = LONG_HEADING + (
        "\n5. Jos jäsen katsoo, että hänen tietojaan käsitellään väärin, hän voi valittaa.\n"
        "\n6. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.\n"
    )
    headings = [text[s.heading.start : s.heading.end] for s in split(text) if s.heading]
    assert "5." in headings
    assert "6." in headings


def test_a_comma_inside_an_association_name_does_not_cut_it() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nSulkapallo, Lieksa ry\n"
        "Koulukatu 2, 81700 Lieksa\nseura@example.org\n"
    )
    assert import_notice(text).draft.controller.name == "Sulkapallo, Lieksa ry"


def test_a_person_and_an_association_stay_apart() -> None:
    parts = parse_line("Aino Laine, Seura ry", 0, len("Aino Laine, Seura ry"))
    assert [part.value for part in parts] == ["Aino Laine", "Seura ry"]
    line = "Seura ry, Lieksa"
    assert [part.value for part in parse_line(line, 0, len(line))] == ["Seura ry", "Lieksa"]


def test_an_aside_in_brackets_after_a_name_does_not_cut_it() -> None:
    text = (
        "Registerbeskrivning\n\nRegisteransvarig\n\n"
        "Sjöscouterna i Lovisa r.f. (SiL, nedan föreningen) PB 12, 07901 Lovisa\n"
        "info@example.org\n"
    )
    controller = import_notice(text).draft.controller
    assert controller.name == "Sjöscouterna i Lovisa r.f."
    assert controller.address is not None
    assert controller.address.postal_code == "07901"


def test_a_register_name_opening_with_a_web_domain_keeps_its_case() -> None:
    text = (
        "Registerbeskrivning\n\nRegisteransvarig\n\nKajakbutiken Ab\n"
        "Strandvägen 3, 65100 Vasa\ninfo@example.org\n\n"
        "Registrets namn\n\nkajakbutiken.fi kundregister\n"
    )
    name = import_notice(text).draft.name
    assert name is not None
    assert "kajakbutiken.fi kundregister" in {name.fi, name.sv}


def test_a_second_persons_own_mailbox_is_not_the_controllers() -> None:
    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\n"
        "Koivulan sukuseura ry, Kotitie 2, 15100 Lahti\n\n"
        "2. Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        "Sihteeri Liisa Koivula (liisa.koivula@example.org)\n\n"
        "Tiedottaja, kuvaaja Pekka Rinne (pekka.rinne@example.net)\n"
    )
    draft = import_notice(text).draft
    assert draft.contact_person is not None
    assert draft.contact_person.email == "liisa.koivula@example.org"
    assert draft.controller.contact is None or draft.controller.contact.email is None


def test_an_office_mailbox_after_the_person_is_still_the_controllers() -> None:
    text = (
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\n"
        "Koivulan sukuseura ry, Kotitie 2, 15100 Lahti\n\n"
        "2. Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
        "Liisa Koivula, liisa.koivula@example.org tai toimisto@example.org\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "toimisto@example.org"


#: A firm's block with its English name in capitals and the date it is in force from.
PARALLEL = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\n\n"
    "Kivikko Oy\nKIVIKKO LTD\nY-tunnus 1234567-1\n"
    "Osoite: Louhostie 4, 33800 Tampere\nSähköposti: info@example.com\n"
    "Voimassa 1.3.2024 alkaen\n"
)


def test_a_name_in_capitals_with_a_legal_form_is_no_person() -> None:
    result = import_notice(PARALLEL)
    draft = result.draft
    assert draft.contact_person is None or draft.contact_person.name != "KIVIKKO LTD"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "info@example.com"


def test_an_in_force_date_is_no_name() -> None:
    result = import_notice(PARALLEL)
    notes = " ".join(result.notes.get("controller", ()))
    assert "another name too: Voimassa" not in notes
    assert "Voimassa" not in (result.draft.controller.name or "")


RIGHTS_HEAD = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKahvila Kulma Oy, Torikatu 1, 00100 Helsinki\n\n"
)


def _rights(heading: str, sentence: str) -> list[str]:
    draft = import_notice(f"{RIGHTS_HEAD}{heading}\n\n{sentence}\n").draft
    return [str(right) for right in draft.rights]


def test_a_copy_or_a_deletion_of_something_else_names_no_right() -> None:
    assert _rights("Rekisteröidyn oikeudet", "Pyyntöön liitetään jäljennös passista.") == []
    assert _rights("Your rights", "Please add a copy of your passport to the letter.") == []
    assert _rights("Your rights", "Sign in to access your booking page.") == []
    assert _rights("Dina rättigheter", "Vi kan radera ett meddelande utan namn.") == []
    assert _rights("Your rights", "Letters without a name will be deleted.") == []


def test_a_copy_or_a_deletion_of_the_data_names_its_right() -> None:
    assert "access" in " ".join(_rights("Your rights", "You may get a copy of your data."))
    assert "erasure" in " ".join(_rights("Your rights", "You may have your data deleted."))
    assert "erasure" in " ".join(_rights("Dina rättigheter", "Du kan få uppgifterna raderade."))
    assert "access" in " ".join(
        _rights("Rekisteröidyn oikeudet", "Voit saada jäljennöksen tiedoistasi.")
    )


def test_a_question_over_its_answer_ends_a_blank_line_list() -> None:
    """R5-6: "Who sees it" / "Only our staff." is no entry of the list above it."""
    text = (
        "Privacy notice\n\nController\n\nHarbour Bakery Ltd, Satamakatu 2, 20100 Turku\n\n"
        "Data we keep\n\nWe keep the following:\n\nName\n\nPhone number\n\n"
        "Who can read it\n\nOnly the bakery's two owners.\n"
    )
    sections = split(text)
    entries = [
        text[piece.start : piece.end]
        for section in sections
        for piece in section.pieces
        if piece.kind == "item"
    ]
    assert entries == ["Name", "Phone number"]
    names = [c.name.en for c in import_notice(text).draft.data_categories]
    assert "Who can read it" not in names
    assert not any("owners" in (name or "") for name in names)


def test_other_contact_details_on_the_controllers_line_stay_the_controllers() -> None:
    text = (
        "Privacy policy\n\n1. Controller\n\n"
        "Name: Lakeside Museum Address: Rantatie 5, 40100 Jyväskylä "
        "Other contact details: tel. 014 555 0100, office@example.org\n\n"
        "2. Contact person\n\nName: Maija Rantala\n"
        "Other contact details: 014 555 0123, maija.rantala@example.org\n"
    )
    draft = import_notice(text).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "office@example.org"
    assert draft.contact_person is not None
    assert draft.contact_person.email == "maija.rantala@example.org"


def test_a_job_title_with_the_register_word_is_no_heading() -> None:
    """A person's name and role ("…, rekisterinhoitaja") are kept, not mapped as a heading."""
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry, Kylätie 1, 40100 Jyväskylä\n\n"
        "Yhteyshenkilö\n\nAino Laine, rekisterinhoitaja\n"
        "puh. 040 555 0101, aino.laine@example.org\n"
    )
    result = import_notice(text)
    assert result.draft.contact_person is not None
    assert "Aino Laine" in (result.draft.contact_person.name or "")
    line = text.index("Aino Laine,")
    assert not any(
        m.field.startswith("heading:") and m.start <= line < m.end for m in result.mapped
    )


def test_a_role_in_words_before_a_name_is_no_heading_in_a_contact_section() -> None:
    text = (
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nMetsätähti Oy, Polkutie 3, 40100 Jyväskylä\n\n"
        "Yhteyshenkilö\n\nKoulun johtaja Aino Laine\n\nPuhelin: 040 555 0101\n\n"
        "Sähköposti: aino.laine@example.org\n"
    )
    headings = [text[s.heading.start : s.heading.end] for s in split(text) if s.heading]
    assert "Koulun johtaja Aino Laine" not in headings
    person = import_notice(text).draft.contact_person
    assert person is not None
    assert "Aino Laine" in (person.name or "")
