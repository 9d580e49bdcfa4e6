"""Unit tests of the importer's contact-block parser, inline lists and negative statements.

The texts are invented for these tests. The first class pins each typical
miss that issue 15 lists from real notices, written anew.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._contact import parse_line
from rekisteri.importer._lists import split_items
from rekisteri.model import NoneStated


def parts(line: str) -> list[tuple[str, str]]:
    return [(p.field, p.value) for p in parse_line(line, 0, len(line)) if p.field != "label"]


def address(result: ImportResult) -> tuple[str | None, str | None, str | None]:
    found = result.draft.controller.address
    assert found is not None
    return found.street, found.postal_code, found.town


class TestIssueMisses:
    def test_heading_word_not_glued_to_the_name(self) -> None:
        """On the line "Rekisterinpitäjä X Oy" the heading word is not part of the name."""
        result = import_notice("Rekisterinpitäjä Kivijalka Oy, Pajakatu 3, 40100 Jyväskylä\n")
        assert result.draft.controller.name == "Kivijalka Oy"
        assert address(result) == ("Pajakatu 3", "40100", "Jyväskylä")

    def test_swedish_heading_word_not_glued_to_the_name(self) -> None:
        """Likewise on the line "REGISTERANSVARIG X Ab"."""
        result = import_notice("REGISTERANSVARIG Kvarnen Ab, Skolgatan 2, 68600 Jakobstad\n")
        assert result.draft.controller.name == "Kvarnen Ab"

    def test_name_business_id_and_address_in_one_string(self) -> None:
        """Name, "(Y-tunnus …)" and "Osoite: …" on one line go to three fields."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKivijalka Oy (Y-tunnus 2077474-0), Osoite: Pajakatu 3, 40100 "
            "Jyväskylä\n"
        )
        controller = result.draft.controller
        assert (controller.name, controller.business_id) == ("Kivijalka Oy", "2077474-0")
        assert address(result) == ("Pajakatu 3", "40100", "Jyväskylä")

    @pytest.mark.parametrize("line", ["Pajakatu 3, 40100 Jyväskylä", "Pajakatu 3,40100 Jyväskylä"])
    def test_street_and_postal_code_joined_by_a_comma(self, line: str) -> None:
        """A street and a postal code joined by a comma (with or without a space) are split."""
        result = import_notice(f"Rekisterinpitäjä\n\nKivijalka Oy\n{line}\n")
        assert address(result) == ("Pajakatu 3", "40100", "Jyväskylä")

    @pytest.mark.parametrize("label", ["Telefax", "Faksi:", "Fax", "Telekopio"])
    def test_telefax_is_never_the_street(self, label: str) -> None:
        """A telefax number is neither the street nor the phone."""
        result = import_notice(
            f"Rekisterinpitäjä\n\nKivijalka Oy\nPuhelin 014 555 0100\n{label} 014 555 0101\n"
            "Pajakatu 3\n40100 Jyväskylä\n"
        )
        assert address(result)[0] == "Pajakatu 3"
        assert result.draft.controller.contact is not None
        assert result.draft.controller.contact.phone == "014 555 0100"
        assert result.coverage == 1.0  # the telefax line is part of the block, not lost

    def test_swedish_heading_is_not_the_name(self) -> None:
        """A Swedish heading under the Finnish one is a heading, not the controller's name."""
        result = import_notice(
            "Rekisterinpitäjä\nRegisteransvarig\n\nKivijalka Oy\nPajakatu 3\n40100 Jyväskylä\n"
        )
        assert result.draft.controller.name == "Kivijalka Oy"

    def test_controller_run_together_on_one_line(self) -> None:
        """Name, street, postal code, phone and e-mail on one line without separators."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKivijalka Oy Pajakatu 3 40100 Jyväskylä puh. 014 555 0100 "
            "info@example.com\n"
        )
        controller = result.draft.controller
        assert controller.name == "Kivijalka Oy"
        assert address(result) == ("Pajakatu 3", "40100", "Jyväskylä")
        assert controller.contact is not None
        assert (controller.contact.phone, controller.contact.email) == (
            "014 555 0100",
            "info@example.com",
        )

    def test_rights_section_is_not_security(self) -> None:
        """A rights section goes to rights, never to security."""
        result = import_notice(
            "Rekisterin suojaus\n\nTiedot ovat palomuurin takana.\n\n"
            "Rekisteröidyn oikeudet\n\nRekisteröidyllä on oikeus tarkastaa tietonsa.\n"
        )
        assert len(result.draft.security) == 1
        assert result.draft.rights_exercise is not None

    def test_security_text_is_not_recipients(self) -> None:
        """Firewall, password and confidentiality text under a security heading is security."""
        result = import_notice(
            "Rekisterin suojauksen periaatteet\n\nTiedot on suojattu palomuurilla ja salasanoilla. "
            "Henkilökunta on sitoutunut salassapitoon, eikä tietoja luovuteta ulkopuolisille.\n"
        )
        assert result.draft.recipients == ()
        assert len(result.draft.security) >= 1

    def test_negative_statement_is_not_a_recipient(self) -> None:
        """A statement that nobody receives the data sets none_stated, it is no recipient."""
        result = import_notice("Tietojen luovutukset\n\nTietoja ei luovuteta kenellekään.\n")
        assert result.draft.recipients == ()
        assert NoneStated.RECIPIENTS in result.draft.none_stated

    def test_lead_in_is_never_an_entry_and_names_are_whole(self) -> None:
        """A lead-in line is no category; a long item keeps its whole text."""
        long_item = (
            "asiakkaan tilaamat tuotteet ja palvelut sekä niiden toimitusosoitteet, "
            "toimitusajat ja toimitustapaa koskevat erityiset toiveet"
        )
        result = import_notice(
            f"Rekisterin tietosisältö\n\nRekisteriin tallennetaan:\n- nimi\n- {long_item}\n"
        )
        names = [c.name.fi for c in result.draft.data_categories]
        assert names[0] == "Nimi"
        assert len(names) == 2
        assert "…" not in names[1]
        assert names[1].endswith("toiveet")

    def test_numbered_purposes_are_each_a_purpose(self) -> None:
        """A numbered list of purposes gives one purpose an item."""
        result = import_notice(
            "Henkilötietojen käsittelyn tarkoitus\n\n1) laskutus\n2) asiakasviestintä\n"
            "3) tilausten toimittaminen\n"
        )
        assert [p.name.fi for p in result.draft.purposes] == [
            "Laskutus",
            "Asiakasviestintä",
            "Tilausten toimittaminen",
        ]

    def test_contact_person_name_phone_and_date_are_not_lost(self) -> None:
        """The contact person's name and phone, the date and the register's name are kept."""
        result = import_notice(
            "Rekisteriseloste\nPäivitetty 3.2.2020\n\nRekisterin nimi\n\nJäsenrekisteri\n\n"
            "Yhteyshenkilö\n\nLiisa Esimerkki, puh. 040 555 0199\n"
        )
        draft = result.draft
        assert draft.name is not None
        assert draft.name.fi == "Jäsenrekisteri"
        assert draft.contact_person is not None
        assert (draft.contact_person.name, draft.contact_person.phone) == (
            "Liisa Esimerkki",
            "040 555 0199",
        )
        assert str(draft.updated) == "2020-02-03"
        assert result.unmatched == ()


class TestContactLine:
    @pytest.mark.parametrize(
        ("line", "email"),
        [
            ("info(a)example.com", "info@example.com"),
            ("info(at)example.com", "info@example.com"),
            ("info [at] example.com", "info@example.com"),
            ("info at example dot com", "info@example.com"),
            ("info @ example.com", "info@example.com"),
            ("info[ at ]example(dot)com", "info@example.com"),
        ],
    )
    def test_obfuscated_email(self, line: str, email: str) -> None:
        """An e-mail written against spam robots is written out."""
        assert parts(line) == [("email", email)]

    @pytest.mark.parametrize("box", ["PL 123", "PB 123", "P.O. Box 123"])
    def test_po_box(self, box: str) -> None:
        """PL, PB and P.O. Box are PO boxes, with the postal code and town after them."""
        assert parts(f"{box}, 00101 Helsinki") == [
            ("po_box", box),
            ("postal_code", "00101"),
            ("town", "Helsinki"),
        ]

    def test_table_cells_of_one_row(self) -> None:
        """Tab-separated cells of a table row saved as text."""
        assert parts("Kivijalka Oy\tPajakatu 3\t40100 Jyväskylä\t014 555 0100") == [
            ("text", "Kivijalka Oy"),
            ("street", "Pajakatu 3"),
            ("postal_code", "40100"),
            ("town", "Jyväskylä"),
            ("phone", "014 555 0100"),
        ]

    def test_contact_person_with_role(self) -> None:
        """A labelled contact person with a role after a comma."""
        assert parts("Yhteyshenkilö: Liisa Esimerkki, toimitusjohtaja, liisa@example.com") == [
            ("person", "Liisa Esimerkki"),
            ("role", "toimitusjohtaja"),
            ("email", "liisa@example.com"),
        ]

    def test_website(self) -> None:
        """A labelled web address is the website."""
        assert parts("Kotisivut: www.example.fi") == [("url", "www.example.fi")]

    def test_long_line_is_not_parsed(self) -> None:
        """A line longer than a contact line is one text part (linear time)."""
        line = "Katu 1, 00100 Helsinki, " * 40
        assert [field for field, _ in parts(line)] == ["text"]

    def test_controller_and_contact_person_kept_apart(self) -> None:
        """A person's phone and e-mail below the controller go to the contact point."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKivijalka Oy\nPajakatu 3, 40100 Jyväskylä\ninfo@example.com\n"
            "Yhteyshenkilö: Liisa Esimerkki\npuh. 040 555 0199\nliisa@example.com\n"
        )
        draft = result.draft
        assert draft.controller.contact is not None
        assert draft.controller.contact.email == "info@example.com"
        assert draft.controller.contact.phone is None
        assert draft.contact_person is not None
        assert (draft.contact_person.phone, draft.contact_person.email) == (
            "040 555 0199",
            "liisa@example.com",
        )


class TestInlineLists:
    def test_comma_list(self) -> None:
        """A verbless comma list gives one item each."""
        assert split_items("Nimi, osoite ja puhelinnumero.") == (
            None,
            ["Nimi", "Osoite", "Puhelinnumero"],
        )

    def test_lead_in_is_not_an_item(self) -> None:
        """A lead-in ending in a colon is returned apart, never as an item."""
        lead, items = split_items("Rekisteriin tallennetaan: nimi, osoite sekä syntymäaika") or (
            None,
            [],
        )
        assert lead == "Rekisteriin tallennetaan:"
        assert items == ["Nimi", "Osoite", "Syntymäaika"]

    def test_dash_run(self) -> None:
        """A run of dash items on one line; a hyphenated compound stays whole."""
        assert split_items("- nimi- osoite- asiakas- ja tilaushistoria") == (
            None,
            ["Nimi", "Osoite", "Asiakas- ja tilaushistoria"],
        )

    @pytest.mark.parametrize(
        "sentence",
        ["Tiedot saadaan asiakkaalta itseltään.", "Tietoja säilytetään viisi vuotta."],
    )
    def test_sentence_is_not_a_list(self, sentence: str) -> None:
        """A sentence with a verb is not a list."""
        assert split_items(sentence) is None

    def test_inline_list_in_the_data_section(self) -> None:
        """An inline list under the data heading is one category an item."""
        result = import_notice("Rekisterin tietosisältö\n\nNimi, osoite ja puhelinnumero.\n")
        assert [c.name.fi for c in result.draft.data_categories] == [
            "Nimi",
            "Osoite",
            "Puhelinnumero",
        ]


class TestNegatives:
    @pytest.mark.parametrize(
        ("heading", "sentence", "none"),
        [
            ("Tietojen luovutukset", "Tietoja ei luovuteta.", NoneStated.RECIPIENTS),
            ("Regelbundet utlämnande", "Uppgifter lämnas inte ut.", NoneStated.RECIPIENTS),
            ("Recipients", "We do not disclose personal data.", NoneStated.RECIPIENTS),
            (
                "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
                "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
                NoneStated.TRANSFERS,
            ),
        ],
    )
    def test_negative_sets_none_stated(self, heading: str, sentence: str, none: NoneStated) -> None:
        """A negative statement in fi, sv or en sets none_stated, no entry."""
        result = import_notice(f"{heading}\n\n{sentence}\n")
        assert none in result.draft.none_stated
        assert result.draft.recipients == ()
        assert result.draft.transfers == ()

    def test_negative_with_an_exception_is_not_none(self) -> None:
        """A denial with an exception ("paitsi …") names recipients: not none_stated."""
        result = import_notice(
            "Tietojen luovutukset\n\nTietoja ei luovuteta, paitsi perintätoimistolle.\n"
        )
        assert NoneStated.RECIPIENTS not in result.draft.none_stated

    def test_both_denied_in_one_sentence(self) -> None:
        """Denying disclosures and transfers in one sentence sets both."""
        result = import_notice(
            "Tietojen luovutus ja siirto\n\n"
            "Tietoja ei luovuteta ulkopuolisille eikä siirretä EU:n tai ETA:n ulkopuolelle.\n"
        )
        assert set(result.draft.none_stated) >= {NoneStated.RECIPIENTS, NoneStated.TRANSFERS}


class TestLanguageAndReport:
    def test_swedish_texts_in_sv(self) -> None:
        """A Swedish notice gives sv texts and I012."""
        result = import_notice(
            "Registerbeskrivning\n\nRegistrets namn\n\nKundregister\n\n"
            "Ändamålet med behandlingen av personuppgifter\n\n"
            "Uppgifterna används för att sköta kundrelationen och för fakturering av kunderna.\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.sv == "Kundregister"
        assert "I012" in {f.code for f in result.findings}

    def test_bilingual_name(self) -> None:
        """A name written "Finnish / English" gives both languages."""
        result = import_notice(
            "Rekisterin nimi / Name of the register\n\nAsiakasrekisteri / Customer register\n"
        )
        assert result.draft.name is not None
        assert (result.draft.name.fi, result.draft.name.en) == (
            "Asiakasrekisteri",
            "Customer register",
        )

    def test_shares_and_summary(self) -> None:
        """The shares add up to 1 and the summary line counts the passages."""
        result = import_notice(
            "Rekisterin nimi\n\nAsiakasrekisteri\n\nAsiakaspalaute\n\nPalaute luetaan.\n",
            source_name="n.txt",
        )
        shares = result.shares
        assert shares["in_field"] > 0
        assert shares["unmapped"] > 0
        assert abs(sum(shares.values()) - 1) < 1e-9
        line = result.summary_line()
        assert line.startswith("n.txt: ")
        assert "not mapped (2 passage(s))" in line

    def test_moved_sentence_is_noted(self) -> None:
        """A sentence moved out of its section on strong evidence says so in the notes."""
        result = import_notice(
            "Rekisterin käyttötarkoitus\n\nAsiakassuhteen hoitaminen. "
            "Tietoja säilytetään kuusi vuotta asiakassuhteen päättymisestä.\n"
        )
        assert len(result.draft.retention) == 1
        assert any("Rekisterin käyttötarkoitus" in note for note in result.notes["retention"])
