"""The contact block and the key facts, importer round 3 (issue 15).

Each class is one kind of miss seen on real notices during development:
the street and its house number, a visiting street in brackets after a PO
box, a postal address that gives a body's name where the street would be,
an Åland postal code, labels left empty in a fill-in form, the spellings of
an e-mail's "at", and the register's name given only in a sentence or in a
title with a preposition phrase. The notices are short fictional ones, and
the ``dev_c3_*`` development fixtures reproduce the same layouts whole.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.importer import ImportResult, import_bytes, import_notice
from rekisteri.importer._contact import email_in, looks_like_person, parse_line
from rekisteri.importer._controller import states_controller
from rekisteri.importer._evaluate import score_facts
from rekisteri.importer._register_name import (
    name_in_heading,
    split_section_name,
    stated_register_name,
    title_register_name,
    unshouted_name,
)

DEV: Final = Path(__file__).resolve().parent / "fixtures" / "legacy" / "dev"
TAIL: Final = "\n\nRekisterin käyttötarkoitus\n\nTietoja käytetään asiakassuhteen hoitoon.\n"


def parts(line: str) -> list[tuple[str, str]]:
    """(field, value) of each part of a contact line, labels and punctuation left out."""
    return [(p.field, p.value) for p in parse_line(line, 0, len(line)) if p.field != "label"]


def address(result: ImportResult) -> tuple[str | None, str | None, str | None]:
    found = result.draft.controller.address
    if found is None:
        return (None, None, None)
    return (found.street, found.postal_code, found.town)


class TestStreet:
    @pytest.mark.parametrize(
        ("line", "street"),
        [
            # a house number with a staircase and a flat, no street ending
            ("Kotkanpesä 7 C 14, 70840 Kuopio", "Kotkanpesä 7 C 14"),
            ("Harjunrinne 3 A 12, 40100 Jyväskylä", "Harjunrinne 3 A 12"),
            # a street noun that is a word of its own, after an attribute
            ("Övre Torget 2 B, 22100 Mariehamn", "Övre Torget 2 B"),
            ("Nedre Hamngatan 4, 65100 Vasa", "Nedre Hamngatan 4"),
            # a street noun in lower case after a name
            ("Hamnens strandväg 7 B, 00580 Helsingfors", "Hamnens strandväg 7 B"),
            # still: a firm's name before the street is not part of it
            ("Esimerkki Oy Testikatu 1, 00100 Helsinki", "Testikatu 1"),
            ("Exempel Ab Torget 4, 65100 Vasa", "Torget 4"),
        ],
    )
    def test_the_whole_street_before_the_postal_code(self, line: str, street: str) -> None:
        """The street is all of the words that name it, with the whole house number."""
        assert ("street", street) in parts(line)
        assert [value for field, value in parts(line) if field == "street"] == [street]

    def test_the_floor_note_is_not_the_street(self) -> None:
        """A floor in brackets after the house number is a note, not part of the street."""
        assert parts("Övre Torget 2 B (3:e våningen)") == [
            ("street", "Övre Torget 2 B"),
            ("other", "3:e våningen"),
        ]


class TestVisitingStreetInBrackets:
    LINE: Final = (
        "Kylän kunta, PL 20, (Kunnantalontie 3), 41941 Kuusilahti, puh. 014 555 0100, "
        "kirjaamo(at)kuusilahti.example.fi"
    )

    def test_the_bracketed_street_is_read(self) -> None:
        """'PL 20, (Kunnantalontie 3), 41941 …': the street in brackets is a street."""
        found = parts(self.LINE)
        assert ("po_box", "PL 20") in found
        assert ("street", "Kunnantalontie 3") in found
        assert ("postal_code", "41941") in found
        assert ("email", "kirjaamo@kuusilahti.example.fi") in found

    def test_it_is_the_address_and_the_box_is_noted(self) -> None:
        """The visiting street is the address; the PO box goes to its own field."""
        result = import_notice("Rekisterinpitäjä\n\nKylän kirjasto\n" + self.LINE + TAIL)
        assert address(result) == ("Kunnantalontie 3", "41941", "Kuusilahti")
        own = result.draft.controller.address
        assert own is not None
        assert own.po_box == "PL 20"

    def test_a_note_in_brackets_is_still_a_note(self) -> None:
        """A bracketed value without a street stays what it was: a note on the name."""
        assert ("other", "LS-37") in parts("Suunnistajat -37 ry (LS-37)")


class TestStreetOnItsLine:
    def test_a_square_without_a_number(self) -> None:
        """'Kauppatori, 00170 Helsinki': a street ending without a house number is the street."""
        assert parts("Kauppatori, 00170 Helsinki") == [
            ("street", "Kauppatori"),
            ("postal_code", "00170"),
            ("town", "Helsinki"),
        ]

    def test_a_shop_unit_gives_way_to_the_street_with_the_postal_code(self) -> None:
        """'Liike 14, Kauppakeskus …' then 'Torikatu 7, 41940 …': the second is the address."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\nLiike 14, Kauppakeskus Torikulma\n"
            "Torikatu 7, 41940 Kuusilahti\n" + TAIL
        )
        assert address(result) == ("Torikatu 7", "41940", "Kuusilahti")
        assert "the notice also gives: Liike 14" in result.notes["controller"]

    def test_a_box_then_the_visiting_street_with_its_own_postal_code(self) -> None:
        """The street after a PO box replaces it, and so do its postal code and town."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän kunta\nPL 10\n12101 Kylä\nKunnantie 1, 12100 Kylä\n" + TAIL
        )
        assert address(result) == ("Kunnantie 1", "12100", "Kylä")

    def test_a_building_is_no_person(self) -> None:
        """'Kauppakeskus Torikulma' is two capitalised words but no one's name."""
        assert not looks_like_person("Kauppakeskus Torikulma")
        assert looks_like_person("Minna Salo")


class TestUnitAfterTheBody:
    @pytest.mark.parametrize(
        "name",
        [
            "Kuusilahden kaupunki, Kulttuuri- ja vapaa-aikapalvelut",
            "Kylän kaupunki, Tekninen lautakunta",
        ],
    )
    def test_the_unit_is_part_of_the_name(self, name: str) -> None:
        """A body and its unit of several words on one line are one controller name."""
        result = import_notice(
            "Rekisterinpitäjä\n\n" + name + "\nTorikatu 7, 41940 Kuusilahti\n" + TAIL
        )
        assert result.draft.controller.name == name

    def test_a_role_before_the_contact_persons_name(self) -> None:
        """'Kirjastonhoitaja Minna Salo': the role is said in a note, the name is hers."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\n\nYhteyshenkilö\n\nKirjastonhoitaja Minna Salo\n"
            "minna.salo@example.fi\n" + TAIL
        )
        person = result.draft.contact_person
        assert person is not None
        assert person.name == "Minna Salo"


class TestVatNumberLabel:
    @pytest.mark.parametrize(
        "line",
        [
            "ALV-tunniste FI26453104",
            "ALV-numero: FI26453104",
            "Momsnummer FI26453104",
            "VAT number FI26453104",
        ],
    )
    def test_a_vat_number_gives_the_y_tunnus(self, line: str) -> None:
        """A VAT number's label is a Y-tunnus label; the draft has the standard form."""
        result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\n" + line + "\n" + TAIL)
        assert result.draft.controller.business_id == "2645310-4"


class TestPostalAddressWithTheBodysName:
    def test_the_name_is_not_the_street(self) -> None:
        """A body's name where the street would stand is not a street."""
        assert parts("Postadress: Fiskeri- och vattenverket, 00099 Helsingfors") == [
            ("text", "Fiskeri- och vattenverket"),
            ("postal_code", "00099"),
            ("town", "Helsingfors"),
        ]

    def test_the_visiting_street_is_the_address(self) -> None:
        """The visiting address's street completes the postal code and town."""
        result = import_notice(
            "Personuppgiftsansvarig\n\nFiskeri- och vattenverket\n"
            "Postadress: Fiskeri- och vattenverket, 00099 Helsingfors\n"
            "Besöksadress: Hamnens strandväg 7 B, Helsingfors\n"
            "\nÄndamålet med behandlingen\n\nUppgifterna används för att sköta kundrelationer.\n"
        )
        assert result.draft.controller.name == "Fiskeri- och vattenverket"
        assert address(result) == ("Hamnens strandväg 7 B", "00099", "Helsingfors")

    def test_a_labelled_street_without_a_number_is_still_a_street(self) -> None:
        """A word with a street ending is a street even without a number."""
        assert ("street", "Strandgatan") in parts("Adress: Strandgatan, 65100 Vasa")


class TestAlandPostalCode:
    def test_ax_prefix_town_and_region(self) -> None:
        """'AX-22101 Mariehamn, Åland': the postal code, the town, the region apart."""
        assert parts("PB 1300, AX-22101 Mariehamn, Åland.") == [
            ("po_box", "PB 1300"),
            ("postal_code", "22101"),
            ("town", "Mariehamn"),
            ("other", "Åland"),
        ]

    def test_fi_prefix_still_read(self) -> None:
        """'FI-00100' is read as before."""
        assert ("postal_code", "00100") in parts("Katu 1, FI-00100 Helsinki")


class TestEmptyLabels:
    FORM: Final = (
        "2. Rekisterinpitäjä\n\nNimi: Hanna Vuorela\n\nY-tunnus:          \n\n"
        "Osoite:        \n\nPostinumero:\n\nPostitoimipaikka: Kuusilahti\n\n"
        "Puhelinnumero:      \n\nSähköpostiosoite: hanna.vuorela(at)example.fi\n"
    )

    def test_an_empty_label_takes_nothing_from_the_next_lines(self) -> None:
        """Labels left empty take neither the next label's line nor its value."""
        result = import_notice(self.FORM + TAIL)
        controller = result.draft.controller
        assert controller.name == "Hanna Vuorela"
        assert address(result) == (None, None, "Kuusilahti")
        assert controller.business_id is None
        assert controller.contact is not None
        assert controller.contact.email == "hanna.vuorela@example.fi"
        assert controller.contact.phone is None

    def test_a_label_on_its_own_line_still_takes_the_next_line(self) -> None:
        """'Nimi:' above its value still gets it."""
        result = import_notice(
            "Rekisterinpitäjä\n\nNimi:\nKuvaamo Vuorela\nOsoite:\nKoulutie 8, 41940 Kuusilahti\n"
            + TAIL
        )
        assert result.draft.controller.name == "Kuvaamo Vuorela"
        assert address(result) == ("Koulutie 8", "41940", "Kuusilahti")


class TestEmailSpellings:
    @pytest.mark.parametrize(
        "written",
        [
            "info@example.fi",
            "info(at)example.fi",
            "info (at) example.fi",
            "info [ at ] example.fi",
            "info{at}example.fi",
            "info(a)example.fi",
            "info ( a ) example.fi",
            "info(ät)example.fi",
            "info [ät] example.fi",
            "info ät example.fi",
            "info at example dot fi",
            "info(at)example(piste)fi",
            "info (at) example . fi",
            "info ät example piste fi",
            "info (a-t) example.fi",
            "info(at-merkki)example.fi",
            "info (miukumauku) example.fi",
        ],
    )
    def test_each_spelling_is_decoded(self, written: str) -> None:
        """Every spelling of the at sign and the dots gives the address."""
        found = email_in("Sähköposti: " + written)
        assert found is not None
        assert found[0] == "info@example.fi"
        assert found[3] == (written != "info@example.fi")

    @pytest.mark.parametrize(
        "prose",
        [
            "Palvelimet sijaitsevat at hosting.example.com.",
            "The data is stored at servers.example.com in Finland.",
            "Tapaamme kello 10 at toimisto dot.",
            "Lähetä viesti osoitteeseen, katso sivu example.fi.",
        ],
    )
    def test_prose_is_no_address(self, prose: str) -> None:
        """A bare 'at' inside a sentence never makes an address."""
        assert email_in(prose) is None

    def test_a_pattern_is_no_address(self) -> None:
        """A first-name.last-name pattern describes addresses: it is not taken as one."""
        assert email_in("etunimi.sukunimi (ät) example.fi") is None

    def test_a_pattern_is_said_in_the_draft(self) -> None:
        """The pattern is a note on the contact person, not their e-mail."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\n\nYhteyshenkilö\n\nPetri Ojala\n"
            "puh. 050 555 0101, etunimi.sukunimi (ät) example.fi\n" + TAIL
        )
        person = result.draft.contact_person
        assert person is not None
        assert person.email is None
        assert (
            "the notice also gives: e-mail addresses of the form etunimi.sukunimi@example.fi"
            in result.notes["contact_person"]
        )

    def test_a_sentence_stop_is_not_part_of_the_address(self) -> None:
        """The full stop after an address ends it."""
        found = email_in("Lisätietoja: info@example.fi. Seuraava lause.")
        assert found is not None
        assert found[0] == "info@example.fi"

    @given(
        st.lists(
            st.sampled_from(
                ["tiedot", "säilytetään", "palvelin", "example.fi", "dot", "piste", "data", "fi"]
            ),
            min_size=1,
            max_size=12,
        )
    )
    def test_words_without_an_at_are_never_an_address(self, words: list[str]) -> None:
        """Text without any spelling of the at sign gives no address."""
        assert email_in(" ".join(words)) is None


class TestRegisterNameInATitle:
    @pytest.mark.parametrize(
        ("title", "name"),
        [
            (
                "Dataskyddsbeskrivning för kundregistret för fiskelicensernas webbtjänst",
                "Kundregistret för fiskelicensernas webbtjänst",
            ),
            (
                "Privacy notice for the customer register of Example Ltd",
                "Customer register of Example Ltd",
            ),
            (
                "Registerbeskrivning för medlemsregistret över föreningens funktionärer",
                "Medlemsregistret över föreningens funktionärer",
            ),
            # a document phrase, then the name after a dash or a colon
            ("Rekisteriseloste ja tietosuojaseloste – Jäsenrekisteri", "Jäsenrekisteri"),
            ("Seloste henkilötietojen käsittelystä – Kurssirekisteri", "Kurssirekisteri"),
            # a title in capitals: the owner's name keeps its capitals, the rest does not
            (
                "KUUSILAHDEN KEILAAJAT RY:N JÄSENREKISTERIN TIETOSUOJASELOSTE",
                "Kuusilahden Keilaajat ry:n jäsenrekisteri",
            ),
            # the register in the partitive after "koskien"; a Swedish genitive before
            ("Tietosuojaseloste koskien asiakasrekisteriä", "Asiakasrekisteri"),
            ("Medlemsregistrets dataskyddsbeskrivning", "Medlemsregistret"),
            # the forms read before are read as before
            (
                "Tietosuojaseloste – Esimerkki Oy:n asiakasrekisteri",
                "Esimerkki Oy:n asiakasrekisteri",
            ),
            ("Registerbeskrivning för medlemsregistret", "Medlemsregistret"),
        ],
    )
    def test_the_name_is_read(self, title: str, name: str) -> None:
        """A title's register word and its preposition phrase are the name."""
        assert title_register_name(title) == name

    @pytest.mark.parametrize(
        "title",
        ["Dataskyddsbeskrivning för Exempel Ab", "DATASKYDDSBESKRIVNING FÖR FIRMALLY", "Meny"],
    )
    def test_no_register_no_name(self, title: str) -> None:
        """A title without a register word names no register."""
        assert title_register_name(title) is None


class TestRegisterNameSection:
    def test_the_name_is_the_first_sentence(self) -> None:
        """'Kurssirekisteri. Tietoja käytetään …' under the name heading: the first sentence."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\n\n2 Rekisterin nimi ja käyttötarkoitus\n\n"
            "Kurssirekisteri. Tietoja käytetään kurssien ilmoittautumisiin.\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Kurssirekisteri"
        assert result.draft.description is not None
        assert "ilmoittautumisiin" in (result.draft.description.fi or "")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("Asiakasrekisteri. Tietoja käytetään laskutukseen.", "Asiakasrekisteri"),
            ("Esimerkki ry:n jäsenrekisteri", "Esimerkki ry:n jäsenrekisteri"),
            # a long explanation in brackets after the name is not part of it
            (
                "Jäsenrekisteri (jäsenten tiedot järjestelmässä sekä vanhat paperiset kortit)",
                "Jäsenrekisteri",
            ),
            # a short note in brackets stays
            ("Asiakasrekisteri (sähköinen)", "Asiakasrekisteri (sähköinen)"),
            # a first sentence that does not end with the register word is not cut
            ("Asiakastiedot. Rekisteri on sähköinen.", "Asiakastiedot. Rekisteri on sähköinen."),
        ],
    )
    def test_split(self, value: str, expected: str) -> None:
        """Only a first sentence that is a register's name is cut from the rest."""
        assert split_section_name(value)[0] == expected

    @pytest.mark.parametrize(
        ("shouted", "written"),
        [
            (
                "SÄHKÖKONSULTTI OJALA OY:N ASIAKASREKISTERI",
                "Sähkökonsultti Ojala Oy:n asiakasrekisteri",
            ),
            (
                "KUUSILAHDEN KEILAAJAT RY:N JÄSENREKISTERI",
                "Kuusilahden Keilaajat ry:n jäsenrekisteri",
            ),
            ("ASIAKAS- JA MARKKINOINTIREKISTERI", "Asiakas- ja markkinointirekisteri"),
        ],
    )
    def test_a_name_in_capitals(self, shouted: str, written: str) -> None:
        """A name in capitals as a person writes it: the owner's words and legal form kept."""
        assert unshouted_name(shouted) == written


class TestRegisterNameGluedToItsHeading:
    @pytest.mark.parametrize(
        "heading",
        [
            "1. Rekisterin nimi Valokuvauspalvelun asiakasrekisteri",
            "Rekisterin nimi | Valokuvauspalvelun asiakasrekisteri",
            "REKISTERIN NIMI VALOKUVAUSPALVELUN ASIAKASREKISTERI",
        ],
    )
    def test_the_rest_of_the_heading_line_is_the_name(self, heading: str) -> None:
        """A table row saved as text: the label cell and the name on one line."""
        result = import_notice(heading + "\n\nRekisterinpitäjä\n\nEsimerkki Oy\n" + TAIL)
        assert result.draft.name is not None
        assert result.draft.name.fi == "Valokuvauspalvelun asiakasrekisteri"

    def test_a_heading_alone_names_nothing(self) -> None:
        """'3. Rekisterin nimi' with nothing after it is a heading only."""
        assert name_in_heading("3. Rekisterin nimi") is None
        assert name_in_heading("Rekisterin nimi ja yhteystiedot") is None


class TestRegisterNameInASentence:
    @pytest.mark.parametrize(
        ("sentence", "name"),
        [
            (
                "Rekisterin nimi on Kuntayhtymän henkilötietorekisteri.",
                "Kuntayhtymän henkilötietorekisteri",
            ),
            ("Registrets namn är Exempel Ab:s kundregister.", "Exempel Ab:s kundregister"),
            (
                "The name of the register is Example club's member register.",
                "Example club's member register",
            ),
            # a comma after a hyphen is inside the name; quotes are not part of it
            (
                "Rekisterin nimi on ”Asiakas-, jäsen- ja tapahtumarekisteri”.",
                "Asiakas-, jäsen- ja tapahtumarekisteri",
            ),
            # a clause after the name is not part of it
            (
                "Rekisterin nimi on asiakasrekisteri, jota käytetään laskutukseen.",
                "Asiakasrekisteri",
            ),
        ],
    )
    def test_the_stated_name(self, sentence: str, name: str) -> None:
        """'Rekisterin nimi on X.' gives X."""
        assert stated_register_name(sentence) == name

    @pytest.mark.parametrize(
        "sentence",
        [
            "Rekisterin nimi on muuttunut vuonna 2019.",
            "Rekisterin nimi on vaihdettu, koska yhdistys jakautui.",
            "Rekisterin tiedot ovat luottamuksellisia.",
            "Registrets namn är det som står i rubriken och som används i alla dokument.",
        ],
    )
    def test_not_a_statement_of_the_name(self, sentence: str) -> None:
        """A sentence about the name, or with a clause instead of a name, gives none."""
        assert stated_register_name(sentence) is None

    def test_the_sentence_in_the_purposes_section_names_the_register(self) -> None:
        """The statement names the register and is no purpose."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\n\n"
            "Rekisterin pitämisen peruste ja käyttötarkoitus\n\n"
            "Rekisterin nimi on Esimerkki Oy:n asiakasrekisteri. "
            "Tietoja käytetään asiakassuhteen hoitoon.\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Esimerkki Oy:n asiakasrekisteri"
        assert all("Rekisterin nimi" not in purpose.name.fi for purpose in result.draft.purposes)


class TestHeadingThatNamesTwoParties:
    """A heading naming the controller and its contact person: the one named first."""

    BLOCK: Final = (
        "Nimi:        Kuusilahden Mehiläistarhaajat ry\n"
        "Osoite:      Hunajatie 4 B 6, 41940 Kuusilahti\n"
        "Sähköposti:  hallitus@mehilaistarhaajat.example.fi\n"
    )

    @pytest.mark.parametrize(
        "heading",
        [
            "2 Rekisterinpitäjä, rekisterivastaava ja rekisteriasioita hoitava henkilö",
            "2 Rekisterinpitäjä ja rekisteriasioita hoitava henkilö",
            "2 Rekisterinpitäjä ja yhteyshenkilö",
        ],
    )
    def test_the_controller_named_first_is_the_blocks_party(self, heading: str) -> None:
        """The block under it is the controller's: its name, address and e-mail."""
        result = import_notice(heading + "\n\n" + self.BLOCK + TAIL)
        controller = result.draft.controller
        assert controller.name == "Kuusilahden Mehiläistarhaajat ry"
        assert address(result) == ("Hunajatie 4 B 6", "41940", "Kuusilahti")
        assert controller.contact is not None
        assert controller.contact.email == "hallitus@mehilaistarhaajat.example.fi"

    def test_a_role_label_starts_the_contact_persons_lines(self) -> None:
        """'Jäsensihteeri 2017:' in the controller's block: the lines after it are hers."""
        result = import_notice(
            "2 Rekisterinpitäjä, rekisterivastaava ja rekisteriasioita hoitava henkilö\n\n"
            + self.BLOCK
            + "\nJäsensihteeri 2017:\nNimi:        Veikko Rautio\n"
            "Sähköposti:  jasenet@mehilaistarhaajat.example.fi\n" + TAIL
        )
        person = result.draft.contact_person
        assert person is not None
        assert (person.name, person.email) == (
            "Veikko Rautio",
            "jasenet@mehilaistarhaajat.example.fi",
        )
        assert result.draft.controller.name == "Kuusilahden Mehiläistarhaajat ry"
        assert "role: Jäsensihteeri" in result.notes["contact_person"]

    def test_the_contact_person_named_first_is_the_blocks_party(self) -> None:
        """'Kontaktperson för registeransvarig': the person and the mailbox are the contact's."""
        result = import_notice(
            "1. Registeransvarig\n\nBokföringsbyrå Västkusten Ab\nKyrkoesplanaden 9 B\n"
            "64100 Kristinestad\nTel. +358 6 555 0140\n\n"
            "1. Kontaktperson för registeransvarig\n\nMikaela Sundqvist\n"
            "kontor@bokstaven.example.com\n\n"
            "1. Ändamålet med behandlingen\n\nVi behandlar uppgifterna för att sköta uppdrag.\n"
        )
        draft = result.draft
        assert draft.controller.name == "Bokföringsbyrå Västkusten Ab"
        assert draft.controller.contact is not None
        assert draft.controller.contact.email is None
        assert draft.contact_person is not None
        assert (draft.contact_person.name, draft.contact_person.email) == (
            "Mikaela Sundqvist",
            "kontor@bokstaven.example.com",
        )


class TestControllerNamedInASentence:
    """A body without a legal form named as the controller in prose, with its address."""

    NOTICE: Final = (
        "Sähköisen asioinnin tietosuojaseloste\n\n"
        "Rekisterin rekisterinpitäjä on Kuusilahden kaupungin ympäristölautakunta, osoite "
        "Kirkkokatu 5 PL 30 41901 Kuusilahti. Yhteyshenkilönä toimii ympäristötarkastaja "
        "Leena Rinne, puh. 044 555 0188.\n\n"
        "Rekisterin käyttötarkoituksena on lupahakemusten käsittely.\n"
    )

    def test_the_body_and_its_address(self) -> None:
        """The name up to the comma, the street without the PO box, the postal code and town."""
        result = import_notice(self.NOTICE)
        assert result.draft.controller.name == "Kuusilahden kaupungin ympäristölautakunta"
        assert address(result) == ("Kirkkokatu 5", "41901", "Kuusilahti")
        assert (
            "read from a sentence, not from a controller section; check"
            in result.notes["controller"]
        )

    def test_the_contact_sentence_is_the_contact_persons(self) -> None:
        """The person, role and phone of "Yhteyshenkilönä toimii …" are not the controller's."""
        result = import_notice(self.NOTICE)
        person = result.draft.contact_person
        assert person is not None
        assert (person.name, person.phone) == ("Leena Rinne", "044 555 0188")
        own = result.draft.controller.contact
        assert own is None or own.phone is None
        assert "role: ympäristötarkastaja" in result.notes["contact_person"]

    def test_the_sentences_after_it_are_not_lost(self) -> None:
        """Sentences that follow the controller's and give it nothing stay in the draft."""
        from rekisteri.importer import to_toml
        from rekisteri.importer._evaluate import lost_passages

        result = import_notice(
            "Rekisterin rekisterinpitäjä on Kylän kaupungin rakennuslautakunta, osoite "
            "Torikatu 9 PL 84 13101 Kylä. The service is used for processing applications. "
            "Messages are sent to the users of the service about their case.\n"
        )
        assert result.draft.controller.name == "Kylän kaupungin rakennuslautakunta"
        assert lost_passages(result, to_toml(result.draft, notes=result.notes)) == []
        assert result.draft.description is not None
        assert "processing applications" in (result.draft.description.fi or "")

    @pytest.mark.parametrize(
        "sentence",
        [
            "Rekisterinpitäjä on velvollinen korjaamaan virheelliset tiedot.",
            "Rekisterinpitäjä on sitoutunut suojaamaan tiedot, ja palvelin sijaitsee Suomessa.",
            "Rekisterinpitäjänä toimii yhdistyksen hallitus.",  # no address: not a contact block
        ],
    )
    def test_no_address_no_controller_block(self, sentence: str) -> None:
        """Without a postal code after it, such a sentence is not read as the contact block."""
        assert not states_controller(sentence.casefold())


class TestBlockWithoutBlankLines:
    """A page copied without blank lines: title, introduction and block in one paragraph."""

    NOTICE: Final = (
        "Privacy Policy and Register Description\n"
        "This is the privacy policy of Lumikko Design Oy.\n"
        "Data Controller\n"
        "Lumikko Design Oy\n"
        "Mailing address: c/o Workspace Kaski, Kaskenkatu 4 lh. 12\n"
        "20700 TURKU\n"
        "Business ID: 3187655-8\n"
        "Contact Person Responsible for the Register\n"
        "Aleksi Honka\n"
        "aleksi.honka(at)lumikko.example.com\n"
        "Name of the Register\n"
        "Lumikko Design Oy Customer Register\n"
        "Purpose of Processing Personal Data\n"
        "Personal data is processed for invoicing.\n"
    )

    def test_the_lines_before_the_heading_are_not_the_block(self) -> None:
        """The title is not the controller's name; the block starts after 'Data Controller'."""
        result = import_notice(self.NOTICE)
        assert result.draft.controller.name == "Lumikko Design Oy"
        assert result.draft.controller.business_id == "3187655-8"
        assert address(result) == ("Kaskenkatu 4 lh. 12", "20700", "Turku")

    def test_the_register_name_heading_inside_the_contact_lines(self) -> None:
        """'Name of the Register' among the contact person's lines: the next line is the name."""
        result = import_notice(self.NOTICE)
        assert result.draft.name is not None
        assert result.draft.name.en == "Lumikko Design Oy Customer Register" or (
            result.draft.name.fi == "Lumikko Design Oy Customer Register"
        )
        person = result.draft.contact_person
        assert person is not None
        assert person.name == "Aleksi Honka"

    @pytest.mark.parametrize(
        ("lines", "name"),
        [
            ("Yhteyshenkilö\n\nRekisterinhoitaja Liisa Ek\nliisa.ek@example.fi", "Liisa Ek"),
            ("Kontaktperson\n\nAnsvarig Anna Berg\nanna.berg@example.fi", "Anna Berg"),
        ],
    )
    def test_a_role_with_a_register_word_keeps_the_name(self, lines: str, name: str) -> None:
        """A role such as 'Rekisterinhoitaja' before a name is no heading's rest."""
        result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\n\n" + lines + "\n" + TAIL)
        person = result.draft.contact_person
        assert person is not None
        assert person.name == name

    def test_a_care_of_line_before_the_street(self) -> None:
        """'c/o …, street' without a postal code on the line: the street is the last piece."""
        assert parts("Mailing address: c/o Workspace Kaski, Kaskenkatu 4 lh. 12") == [
            ("other", "c/o Workspace Kaski"),
            ("street", "Kaskenkatu 4 lh. 12"),
        ]


class TestBlockTakenForAHeading:
    NOTICE: Final = (
        " 1. Rekisterinpitäjä\n\nKuusilahden kaupunginkirjasto\n\nKirjastokatu 4\n\n"
        "41940  KUUSILAHTI\n\n 1. Henkilötietojen käsittelyn tarkoitus\n\n"
        "Kirjasto käyttää rekisteriä lainojen hoitamiseen.\n"
    )

    def test_the_name_and_its_lines_are_the_controllers(self) -> None:
        """An empty controller section, then its name read as a heading: put back together."""
        result = import_notice(self.NOTICE)
        assert result.draft.controller.name == "Kuusilahden kaupunginkirjasto"
        assert address(result) == ("Kirjastokatu 4", "41940", "Kuusilahti")

    def test_a_real_heading_after_an_empty_section_stays_one(self) -> None:
        """Without contact data under it, an unknown heading is not taken into the block."""
        result = import_notice(
            "Rekisterinpitäjä\n\nMuut tiedot\n\nRekisteri on sähköinen ja sitä säilytetään "
            "palvelimella.\n" + TAIL
        )
        assert result.draft.controller.name != "Muut tiedot"


def _c3_stems() -> list[str]:
    return sorted(p.name.removesuffix(".expected.toml") for p in DEV.glob("dev_c3_*.expected.toml"))


@pytest.mark.parametrize("stem", _c3_stems())
def test_round3_fixture_key_facts(stem: str) -> None:
    """Every key fact of the round-3 contact fixtures is right."""
    notice = next(p for p in DEV.glob(f"{stem}.*") if p.suffix in {".txt", ".html"})
    expected = tomllib.loads((DEV / f"{stem}.expected.toml").read_text(encoding="utf-8"))
    result = import_bytes(notice.read_bytes(), source_name=notice.name)
    facts = score_facts(expected, result.draft)
    assert facts
    assert {key for key, ok in facts.items() if not ok} == set()
    expected_address = expected["controller"].get("address", {})
    # the contact person's e-mail is theirs, not the controller's own
    own = result.draft.controller.contact
    assert (own.email if own else None) == expected["controller"].get("contact", {}).get("email")
    assert address(result) == (
        expected_address.get("street"),
        expected_address.get("postal_code"),
        expected_address.get("town"),
    )


def test_round3_fixtures_exist() -> None:
    """The round-3 contact fixtures are all there (a lost file would skip its test)."""
    assert len(_c3_stems()) >= 13
