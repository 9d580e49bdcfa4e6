"""Controller, contact people and register name (issue 15, session 18, T14).

H48's notes on real pages, reproduced on fictional notices: a comma before
"c/o" in the controller's name, the controller named only by the title line,
a contact line "Firm Oy / Title Person", another body's block in the contact
section, a bare date line under the title.
"""

from __future__ import annotations

from rekisteri.importer import import_notice

TAIL = (
    "\n\nRekisterin nimi\n\nJäsenrekisteri\n\nKäsittelyn tarkoitus\n\n"
    "Tietoja käytetään jäsenyyden hoitamiseen.\n"
)
TAIL_SV = (
    "\n\nRegistrets namn\n\nMedlemsregister\n\nÄndamål\n\n"
    "Uppgifterna används för att sköta medlemskapet.\n"
)


class TestCareOfComma:
    def test_comma_before_care_of_is_not_part_of_the_name(self) -> None:
        """'X ry, c/o Person': the name is 'X ry', without the comma."""
        result = import_notice(
            "Rekisterinpitäjä\n\nLehmikon Kyläyhdistys ry, c/o Aino Esimerkki\n"
            "Kylätie 3\n41900 Petäjävesi" + TAIL
        )
        assert result.draft.controller.name == "Lehmikon Kyläyhdistys ry"
        assert result.draft.controller.address is not None
        assert result.draft.controller.address.postal_code == "41900"

    def test_swedish_comma_before_care_of(self) -> None:
        """'X rf, c/o Person' in a Swedish notice: the same."""
        result = import_notice(
            "Personuppgiftsansvarig\n\nStrandbygdens Hembygdsförening rf, c/o Anna Exempel\n"
            "Byvägen 2\n10600 Ekenäs" + TAIL_SV
        )
        assert result.draft.controller.name == "Strandbygdens Hembygdsförening rf"

    def test_care_of_without_comma_unchanged(self) -> None:
        """'Service c/o Body Oy' without a comma: the body with a legal form, as before."""
        result = import_notice(
            "1. Rekisterinpitäjä\n\nPalvelu.fi c/o Esimerkki Information Systems Oy\n"
            "Osoite: Luutnantintie 13, 01700 Vantaa" + TAIL
        )
        assert result.draft.controller.name == "Esimerkki Information Systems Oy"


class TestBoardAsController:
    def test_the_board_acts_for_the_body_the_title_names(self) -> None:
        """'Seuran hallitus' under the controller's heading: the body of the title line."""
        result = import_notice(
            "Tietosuojaseloste – Koivikon Hiihtoseura ry\n\nRekisterinpitäjä\n\n"
            "Seuran hallitus\nLatutie 4, 36200 Kangasala\nY-tunnus 3398025-2" + TAIL
        )
        assert result.draft.controller.name == "Koivikon Hiihtoseura ry"
        assert result.draft.controller.business_id == "3398025-2"
        assert any("Seuran hallitus" in note for note in result.notes["controller"])

    def test_swedish_board_and_title(self) -> None:
        """'Föreningens styrelse' and 'Dataskyddsbeskrivning – X rf'."""
        result = import_notice(
            "Dataskyddsbeskrivning – Byns Hembygdsförening rf\n\nPersonuppgiftsansvarig\n\n"
            "Föreningens styrelse\nByvägen 2, 10600 Ekenäs" + TAIL_SV
        )
        assert result.draft.controller.name == "Byns Hembygdsförening rf"

    def test_the_board_of_a_body_in_the_genitive(self) -> None:
        """'X ry:n hallitus': the body named before its board."""
        result = import_notice(
            "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry:n hallitus\n"
            "Kylätie 3, 41900 Petäjävesi" + TAIL
        )
        assert result.draft.controller.name == "Kylän Seura ry"

    def test_a_board_without_a_named_body_stays(self) -> None:
        """Nothing names the body: the board is kept as printed, nothing invented."""
        result = import_notice(
            "Tietosuojaseloste\n\nRekisterinpitäjä\n\nSeuran hallitus\n"
            "Kylätie 3, 41900 Petäjävesi" + TAIL
        )
        assert result.draft.controller.name == "Seuran hallitus"


CONTROLLER = "1. Rekisterinpitäjä\n\nKoivikon Puusepät Oy\nVerstastie 2, 38200 Sastamala\n\n"


class TestBodySlashPerson:
    def test_body_slash_title_and_person(self) -> None:
        """'Firm Oy / Myyntipäällikkö Person': the person is the contact, the title a role."""
        result = import_notice(
            CONTROLLER
            + "2. Yhteyshenkilö\n\nKoivikon Puusepät Oy / Myyntipäällikkö Aino Esimerkki\n"
            "puh. 050 123 4567, aino.esimerkki@example.com" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Aino Esimerkki"
        assert contact.email == "aino.esimerkki@example.com"
        assert "role: Myyntipäällikkö" in result.notes["contact_person"]
        assert result.draft.controller.name == "Koivikon Puusepät Oy"

    def test_another_body_glued_slash_lower_case_role(self) -> None:
        """'Tilitoimisto X Oy/kirjanpitäjä Person': the same with a glued slash."""
        result = import_notice(
            CONTROLLER + "2. Yhteyshenkilö\n\nTilitoimisto Numero Oy/kirjanpitäjä Aino Esimerkki\n"
            "aino.esimerkki@example.com" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Aino Esimerkki"
        assert any("Tilitoimisto Numero Oy" in note for note in result.notes["contact_person"])

    def test_swedish_body_slash_person(self) -> None:
        """'Bokföringsbyrå X Ab / Person' under 'Kontaktperson'."""
        result = import_notice(
            "Personuppgiftsansvarig\n\nSkärets Båtvarv Ab\nVarvsvägen 3, 22100 Mariehamn\n\n"
            "Kontaktperson\n\nBokföringsbyrå Kotte Ab / Anna Exempel\nanna.exempel@example.com"
            + TAIL_SV
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Anna Exempel"
        assert result.draft.controller.name == "Skärets Båtvarv Ab"


class TestPersonBelowBody:
    def test_swedish_firm_then_person_in_the_contact_section(self) -> None:
        """Another body's block under 'Kontaktperson': the person is the contact's name."""
        result = import_notice(
            "Personuppgiftsansvarig\n\nSkärets Båtvarv Ab\nVarvsvägen 3\n22100 Mariehamn\n"
            "info@batvarv.example.com\n\nKontaktperson i registerärenden\n\n"
            "Bokföringsbyrå Kotte Ab\nAnna Exempel\nKvarngatan 4\n68600 Jakobstad\n"
            "anna.exempel@example.com" + TAIL_SV
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Anna Exempel"
        assert contact.email == "anna.exempel@example.com"
        assert any("Bokföringsbyrå Kotte Ab" in note for note in result.notes["contact_person"])
        controller = result.draft.controller
        assert controller.name == "Skärets Båtvarv Ab"
        assert controller.address is not None
        assert controller.address.town == "Mariehamn"

    def test_finnish_firm_then_person(self) -> None:
        """The same in Finnish: 'Tilitoimisto X Oy' over the person's name."""
        result = import_notice(
            CONTROLLER + "2. Yhteyshenkilö\n\nTilitoimisto Numero Oy\nAino Esimerkki\n"
            "aino.esimerkki@example.com" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Aino Esimerkki"

    def test_a_body_alone_stays_the_contact(self) -> None:
        """No person below the body: the body is the contact point's name, as before."""
        result = import_notice(
            CONTROLLER + "2. Yhteyshenkilö\n\nTilitoimisto Numero Oy\nKatu 8, 20100 Turku\n"
            "toimisto@example.com" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Tilitoimisto Numero Oy"


SHORT = (
    'TIETOSUOJASELOSTE\n\n1. Rekisterinpitäjä\nPohjolan Lämpö Oy (jäljempänä "Lämpö")\n'
    "Y-tunnus: 6120987-9\nTeollisuustie 7, 90620 Oulu\n\n"
)


class TestShortNameInTheContactBlock:
    def test_short_name_then_dpo_under_a_joint_heading(self) -> None:
        """'Lämpö' / 'Tietosuojavastaava Person' / e-mail: the person, not the short name."""
        result = import_notice(
            SHORT + "2. Yhteyshenkilö ja tietosuojavastaava\nLämpö\n"
            "Tietosuojavastaava Marko Esimerkki\ntietosuoja@lampo.example.com\n"
            "puh. 040 718 2290" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Marko Esimerkki"
        assert "role: Tietosuojavastaava" in result.notes["contact_person"]
        assert result.draft.controller.name == "Pohjolan Lämpö Oy"

    def test_short_name_slash_person(self) -> None:
        """'Lämpö / Person': the short name is the controller's, the person the contact."""
        result = import_notice(
            SHORT + "2. Yhteyshenkilö\nLämpö / Marko Esimerkki\ntietosuoja@lampo.example.com" + TAIL
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Marko Esimerkki"

    def test_swedish_short_name(self) -> None:
        """'X Ab (nedan "Y")' then 'Y' / a person under 'Kontaktperson'."""
        result = import_notice(
            'Personuppgiftsansvarig\n\nNorra Värme Ab (nedan "NoVä")\nIndustrivägen 7, '
            "65100 Vasa\n\nKontaktperson\n\nNoVä\nAnna Exempel\nanna.exempel@example.com" + TAIL_SV
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Anna Exempel"


class TestBareDateLineInARunOnTitle:
    def test_date_line_under_the_title_without_blank_lines(self) -> None:
        """Title, law line and '12.3.2019' in one paragraph: the notice's date, not description."""
        result = import_notice(
            "REKISTERISELOSTE\nHenkilötietolain (523/1999) 10 §:n mukainen rekisteriseloste\n"
            "12.3.2019\n1. Rekisterinpitäjä\nKylän Hammaspaja Oy, Kauppakatu 4, 40100 Jyväskylä\n"
            "2. Rekisterin nimi\nAsiakasrekisteri\n"
        )
        assert str(result.draft.updated) == "2019-03-12"
        description = result.draft.description
        assert description is None or "12.3.2019" not in (description.fi or "")
        assert any("date alone" in note for note in result.notes["updated"])

    def test_swedish_date_line(self) -> None:
        """The same in a Swedish notice."""
        result = import_notice(
            "REGISTERBESKRIVNING\nEnligt personuppgiftslagen 10 §\n5.6.2018\n"
            "1. Registeransvarig\nByns Tandvård Ab, Storgatan 4, 10600 Ekenäs\n"
            "2. Registrets namn\nKundregister\n"
        )
        assert str(result.draft.updated) == "2018-06-05"

    def test_an_update_date_elsewhere_wins(self) -> None:
        """A stated update date elsewhere: the bare date is not read as the notice's."""
        result = import_notice(
            "REKISTERISELOSTE\nHenkilötietolain mukainen rekisteriseloste\n12.3.2019\n"
            "1. Rekisterinpitäjä\nKylän Hammaspaja Oy, Kauppakatu 4, 40100 Jyväskylä\n"
            "2. Rekisterin nimi\nAsiakasrekisteri\n\nSeloste päivitetty 1.2.2024.\n"
        )
        assert str(result.draft.updated) == "2024-02-01"


class TestSeveralRegistersOnOneLine:
    def test_finnish_comma_list_of_registers(self) -> None:
        """'A, b ja c' under the name heading: the first register, the others kept apart."""
        result = import_notice(
            CONTROLLER + "2. Rekisterin nimi\n\n"
            "Asiakasrekisteri, markkinointirekisteri ja rekrytointirekisteri\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Asiakasrekisteri"
        assert result.draft.description is not None
        assert "rekrytointirekisteri" in (result.draft.description.fi or "")

    def test_swedish_semicolon_list(self) -> None:
        """'Kundregister; Marknadsföringsregister': the first."""
        result = import_notice(
            "Personuppgiftsansvarig\n\nSkärets Båtvarv Ab\nVarvsvägen 3, 22100 Mariehamn\n\n"
            "Registrets namn\n\nKundregister; Marknadsföringsregister\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.sv == "Kundregister"

    def test_one_register_with_two_words_stays_whole(self) -> None:
        """'Asiakas- ja markkinointirekisteri' is one register's name."""
        result = import_notice(
            CONTROLLER + "2. Rekisterin nimi\n\nAsiakas- ja markkinointirekisteri\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Asiakas- ja markkinointirekisteri"
