"""The key facts, importer round 5 (issue 15): controller, contact person and DPO kept apart.

Each class is one kind of miss seen on real notices nobody had developed on
(an independent measurement's pages and new blind pages): a controller that
only the notice's other lines imply (no heading, bullet headings, a combined
name heading, a fill-in form's labels taken for headings), a name glued to
"(abbreviation", a business ID that is no valid Y-tunnus, a person's or the
data protection officer's e-mail filed as the controller's, a PO box taken for
the street. The notices are short fictional ones; the ``dev_r5k_*``
development fixtures reproduce the same layouts whole.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.importer import ImportResult, import_bytes, import_notice
from rekisteri.importer._contact import emails_in, parse_line
from rekisteri.importer._evaluate import score_facts
from rekisteri.importer._fallback import email_owner
from rekisteri.importer._register_name import split_section_name
from rekisteri.testing import make_ytunnus

DEV: Final = Path(__file__).resolve().parent / "fixtures" / "legacy" / "dev"
TAIL: Final = "\n\nRekisterin käyttötarkoitus\n\nTietoja käytetään jäsenyyden hoitamiseen.\n"
R5K: Final = sorted(p.name.removesuffix(".expected.toml") for p in DEV.glob("dev_r5k_*.toml"))


def address(result: ImportResult) -> tuple[str | None, str | None, str | None]:
    found = result.draft.controller.address
    if found is None:
        return (None, None, None)
    return (found.street, found.postal_code, found.town)


def controller_email(result: ImportResult) -> str | None:
    contact = result.draft.controller.contact
    return contact.email if contact is not None else None


def contact_email(result: ImportResult) -> str | None:
    person = result.draft.contact_person
    return person.email if person is not None else None


def notes(result: ImportResult, path: str) -> list[str]:
    return list(result.notes.get(path, ()))


class TestFixtures:
    @pytest.mark.parametrize("stem", R5K)
    def test_key_facts(self, stem: str) -> None:
        """Every key fact of each round-5 fixture is right."""
        notice = DEV / f"{stem}.txt"
        expected = tomllib.loads((DEV / f"{stem}.expected.toml").read_text(encoding="utf-8"))
        result = import_bytes(notice.read_bytes(), source_name=notice.name)
        facts = score_facts(expected, result.draft)
        assert len(facts) >= 5
        assert [key for key, ok in facts.items() if not ok] == []

    def test_there_are_six(self) -> None:
        """The six round-5 fixtures are all there (a renamed one is not skipped silently)."""
        assert len(R5K) == 6


class TestFormLabels:
    NOTICE: Final = (
        "1. Rekisterinpitäjä\n\nNimi\n\nKylän maakuntaliitto\nKylän pelastuslaitos\n\n"
        "Osoite\n\nKylän maakuntaliitto, Torikatu 1, PL 6, 40101 Kylä\n"
        "Kylän pelastuslaitos, PL 25, 40201 Kylä\n\n"
        "2. Rekisterin nimi\n\nYhteistyörekisteri" + TAIL
    )

    def test_labels_taken_for_headings_give_the_block(self) -> None:
        """'Nimi' and 'Osoite' alone on their lines: the lines under them are the controller's."""
        result = import_notice(self.NOTICE)
        assert result.draft.controller.name == "Kylän maakuntaliitto"
        assert address(result) == ("Torikatu 1", "40101", "Kylä")

    def test_the_other_joint_controller_is_noted(self) -> None:
        """The second joint controller is said in a note, not lost."""
        result = import_notice(self.NOTICE)
        said = notes(result, "controller")
        assert any("Kylän pelastuslaitos" in note for note in said)
        assert not any(p.text.strip() == "Kylän pelastuslaitos" for p in result.unmatched)

    def test_a_lone_contact_line_is_the_contact_persons(self) -> None:
        """A person's line taken for a heading under an empty contact heading."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän seura ry, Katu 1, 00100 Kylä\n\n"
            "Rekisteristä vastaava henkilö\n\nAino Esimerkki, aino.esimerkki(at)example.fi\n\n"
            "Rekisterin nimi\n\nJäsenrekisteri" + TAIL
        )
        assert contact_email(result) == "aino.esimerkki@example.fi"
        assert controller_email(result) is None


class TestImpliedController:
    def test_name_on_the_ytunnus_line(self) -> None:
        """'• • Tmi X (Y-tunnus: …)' under a heading the reader does not know."""
        code = make_ytunnus(3115838)
        result = import_notice(
            "Tietosuojaseloste\n\n • Rekisterin ylläpitäjät\n"
            f" • • Tmi Aino Esimerkki (Y-tunnus: {code})\n\n"
            " • Rekisterin nimi\n • • Asiakasrekisteri" + TAIL
        )
        assert result.draft.controller.name == "Tmi Aino Esimerkki"
        assert result.draft.controller.business_id == code
        assert result.draft.name is not None
        assert result.draft.name.fi == "Asiakasrekisteri"  # the inner bullet dropped

    def test_owner_of_the_register_name(self) -> None:
        """A combined name heading: the club is named only inside the register's name."""
        result = import_notice(
            "Rekisterin nimi ja rekisterinpitäjä\n\n"
            "Rekisterin nimi Kylän Soutajat Ry jäsenrekisteri"
            "\n\nSeuran osoite Rantapolku 2, 21900 Yläne" + TAIL
        )
        assert result.draft.controller.name == "Kylän Soutajat Ry"
        assert address(result) == ("Rantapolku 2", "21900", "Yläne")
        assert any("outside a controller block" in n for n in notes(result, "controller"))

    def test_no_headings_no_blank_lines(self) -> None:
        """Title, date, run-on controller line, person's line: each to its own party."""
        code = make_ytunnus(3107919)
        result = import_notice(
            "Kylän Pallo ry:n jäsenrekisterin tietosuojaseloste\nLaadittu: 1.2.2024\n"
            f"Kylän Pallo ry, Kenttäkuja 7, 41120 KYLÄ, y-tunnus {code}\n"
            "Tuula Esimerkki, toimisto@pallo.example.fi, p. 040 555 0147\n"
            "Tietoja käsitellään jäsenyyden perusteella ja seuran tiedottamiseen.\n"
        )
        assert result.draft.controller.name == "Kylän Pallo ry"
        assert result.draft.controller.business_id == code
        assert address(result) == ("Kenttäkuja 7", "41120", "Kylä")
        assert controller_email(result) is None
        assert contact_email(result) == "toimisto@pallo.example.fi"
        assert result.draft.name is not None
        assert result.draft.name.fi == "Kylän Pallo ry:n jäsenrekisteri"

    def test_stated_in_the_controller_section(self) -> None:
        """'Rekisterinpitäjä on X.' as the first sentence of the section's paragraph."""
        result = import_notice(
            "Rekisterinpitäjä\n\nRekisterinpitäjä on Kylän vesiosuuskunta. Osuuskunnan edustajina "
            "toimivat hallituksen puheenjohtaja ja sihteeri, joiden yhteystiedot ovat verkossa."
            + TAIL
        )
        assert result.draft.controller.name == "Kylän vesiosuuskunta"

    def test_section_name_replaces_a_prose_name(self) -> None:
        """A person's name run into a firm's over a line break gives way to the section's name."""
        result = import_notice(
            "Tietosuojavastaava:\nAino Esimerkki\n\n"
            "Esimerkin Hammas Oy:n asiakkaiden tietosuojaseloste "
            "kertoo, miten tietoja käsitellään.\n\n1. REKISTERINPITÄJÄ\nEsimerkin Hammas Oy\n"
            "Kirkkokatu 2, 75500 Nurmes" + TAIL
        )
        assert result.draft.controller.name == "Esimerkin Hammas Oy"

    def test_a_date_line_is_no_name(self) -> None:
        """'Laadittu: 14.3.2024' above the block is a date, never the controller's name."""
        result = import_notice(
            "Laadittu: 14.3.2024\nKylän Kuoro ry, Laulutie 1, 41120 Kylä\n\nRekisterin nimi\n\n"
            "Jäsenrekisteri" + TAIL
        )
        assert result.draft.controller.name == "Kylän Kuoro ry"


class TestNameAndId:
    def test_abbreviation_in_an_open_bracket(self) -> None:
        """'X (ABC, 1234567-8)': the Y-tunnus cut the bracket; the abbreviation is noted."""
        code = make_ytunnus(3139595)
        result = import_notice(
            f"1. Rekisterinpitäjä\nNimi:\nJärvialueen kuntayhtymä (JKY, {code})\n\n"
            "Osoite:\nKatu 20, 13530 Kylä" + TAIL
        )
        assert result.draft.controller.name == "Järvialueen kuntayhtymä"
        assert result.draft.controller.business_id == code
        assert any("JKY" in note for note in notes(result, "controller"))

    def test_value_before_a_comma_is_no_label(self) -> None:
        """'Kylän vesiosuuskunta, Y-tunnus: …': the name is no part of the label."""
        code = make_ytunnus(2117938)
        result = import_notice(
            f"Rekisterinpitäjä\n\nKylän vesiosuuskunta, Y-tunnus: {code}\nMurtoranta 45\n81810 Kylä"
            + TAIL
        )
        assert result.draft.controller.name == "Kylän vesiosuuskunta"

    @pytest.mark.parametrize("label", ["VAT-nummer", "VAT-nr", "ALV-tunnus", "VAT number"])
    def test_vat_number_labels(self, label: str) -> None:
        """An FI VAT number under its spellings gives the Y-tunnus."""
        code = make_ytunnus(3100000)
        assert code is not None
        vat = "FI" + code.replace("-", "")
        result = import_notice(
            f"Registerförare\n\nExempel Oy ({label} {vat})\nGatan 21 B\n33100 Tammerfors" + TAIL
        )
        assert result.draft.controller.business_id == code

    def test_foreign_registry_code_is_noted_never_the_ytunnus(self) -> None:
        """Another country's code is no Y-tunnus: noted with its country."""
        result = import_notice(
            "1. Rekisterinpitäjä\nYrityksen nimi: Esimerkki OÜ\n"
            "Y-tunnus: 14646378 (Viron tasavalta)\n"
            "Sähköposti: info@example.com" + TAIL
        )
        assert result.draft.controller.business_id is None
        said = notes(result, "controller")
        assert any("14646378" in n and "Viron tasavalta" in n for n in said)

    def test_labelled_ytunnus_outside_a_block(self) -> None:
        """A labelled Y-tunnus in a block the reader missed; the person's e-mail apart."""
        code = make_ytunnus(3449141)
        result = import_notice(
            "Rekisteriseloste koskien palvelua\nRekisterinpitäjä\nEsimerkki Oy\n"
            f"Y-tunnus {code}\nKatu 129, 51600 Kylä\nRekisterinpitäjän edustaja\n"
            "Rekisterinpitäjään voi ottaa yhteyttä asioissa aino.esimerkki@example.fi "
            "tai puhelimitse.\n"
            "Henkilötietoja käsitellään palvelun toteuttamiseksi ja asiakkuuden hoitamiseksi.\n"
        )
        assert result.draft.controller.business_id == code
        assert controller_email(result) is None
        assert contact_email(result) == "aino.esimerkki@example.fi"


class TestEmailOwner:
    def test_person_in_the_introduction(self) -> None:
        """'… antaa yhteyshenkilömme Aino Esimerkki (aino@…)': never the controller's."""
        result = import_notice(
            "Esimerkkisäätiö sr (jäljempänä ”Säätiö”) huolehtii tietosuojasta. Lisätietoja antaa "
            "yhteyshenkilömme Aino Esimerkki (aino.esimerkki@example.fi).\n\n"
            "Rekisterinpitäjä\n\nEsimerkkisäätiö sr\nSalomonkatu 17 A\n00100 Helsinki" + TAIL
        )
        assert controller_email(result) is None
        assert contact_email(result) == "aino.esimerkki@example.fi"

    def test_dpo_address_is_the_officers(self) -> None:
        """The officer's e-mail under the contact heading is the DPO's only."""
        result = import_notice(
            "1. Rekisterinpitäjä\nNimi:\nKylän kuntayhtymä\n\n2. Yhteyshenkilö\n"
            "Yhteyshenkilö rekisteriä koskevissa asioissa: viestintäsihteeri\n\n"
            "Tietosuojavastaava: Aino Esimerkki\nsähköposti: tietosuojavastaava@example.fi" + TAIL
        )
        assert controller_email(result) is None
        dpo = result.draft.controller.dpo
        assert dpo is not None
        assert dpo.email == "tietosuojavastaava@example.fi"

    def test_body_address_in_rights_text_stays_the_controllers(self) -> None:
        """A body's mailbox in the rights text is the controller's."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän kaupunki\nTorikatu 1, 40100 Kylä\n\n"
            "Rekisteröidyn oikeudet\n\n"
            "Pyynnöt lähetetään osoitteeseen kirjaamo@kyla.example.fi." + TAIL
        )
        assert controller_email(result) == "kirjaamo@kyla.example.fi"

    @pytest.mark.parametrize(
        ("text", "owner"),
        [
            ("Aino Esimerkki, toimisto@example.fi", "contact_person"),
            ("Yhteyshenkilö: sihteeri, seura@example.fi", "contact_person"),
            ("Tietosuojavastaava\ntietosuoja@example.fi", "controller.dpo"),
            ("Seura ry, Katu 1, 00100 Kylä, seura@example.fi", "controller"),
            ("Kirjaamo: kirjaamo@example.fi", "controller"),
        ],
    )
    def test_owner_by_context(self, text: str, owner: str) -> None:
        """Whose an address is, by what stands before it."""
        found = emails_in(text)
        assert len(found) == 1
        assert email_owner(text, found[0][1]) == owner

    @given(st.text(alphabet="abc .,\n@", max_size=200))
    def test_emails_in_total(self, text: str) -> None:
        """Every address found is in the text's span it names and is a whole address."""
        for address, start, end in emails_in(text):
            assert "@" in address
            assert 0 <= start < end <= len(text)


class TestAddress:
    def test_po_box_alone_is_no_street(self) -> None:
        """A PO box without a street goes to its own field; the street stays empty."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän ry (Y-tunnus 0117177-6)\n\n"
            "Postiosoite: PL 1405, 00101 Helsinki" + TAIL
        )
        assert address(result) == (None, "00101", "Helsinki")
        own = result.draft.controller.address
        assert own is not None
        assert own.po_box == "PL 1405"

    def test_street_after_a_po_box_is_the_street(self) -> None:
        """A street after a PO box is the address (unchanged behaviour)."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän kunta\nPL 10\n12101 Kylä\nKunnantie 1, 12100 Kylä" + TAIL
        )
        assert address(result) == ("Kunnantie 1", "12100", "Kylä")

    @pytest.mark.parametrize(
        ("line", "street"),
        [
            ("Eliel Saarisen tie 2, 58900 Rantasalmi", "Eliel Saarisen tie 2"),
            ("Aleksis Kiven tie 12, 43700 Kyyjärvi", "Aleksis Kiven tie 12"),
            ("Kylän Oy Saarisen tie 2, 58900 Kylä", "Saarisen tie 2"),
        ],
    )
    def test_street_named_after_a_person(self, line: str, street: str) -> None:
        """A first name before a genitive and a separate street noun is the street's."""
        found = [(p.field, p.value) for p in parse_line(line, 0, len(line))]
        assert ("street", street) in found

    def test_own_contact_block(self) -> None:
        """A contact block named after the controller gives its own e-mail and phone."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän Vesi Oy\nYhteystiedot rekisteriä koskevissa asioissa:\n\n"
            "Kylän Vesi Oy\nMeijerikatu 4\n91800 Kylä\n0400 555 217\ntoimisto@vesi.example.fi"
            + TAIL
        )
        assert controller_email(result) == "toimisto@vesi.example.fi"
        assert result.draft.contact_person is None


class TestRegisterName:
    @pytest.mark.parametrize(
        "value", ["• Asiakasrekisteri", "• • Asiakasrekisteri", "▪ Asiakasrekisteri"]
    )
    def test_bullets_dropped(self, value: str) -> None:
        """An inner list's bullets are no part of the register's name."""
        assert split_section_name(value) == ("Asiakasrekisteri", None)


class TestSecondBlindSet:
    """Misses found on a second set of blind pages, after its one blind measurement."""

    def test_postal_code_with_a_comma(self) -> None:
        """'90550, Oulu': a comma between the postal code and the town."""
        line = "Mielikintie 1, 90550, Oulu"
        found = [(p.field, p.value) for p in parse_line(line, 0, len(line))]
        assert ("postal_code", "90550") in found
        assert ("town", "Oulu") in found

    def test_visiting_street_in_brackets_after_a_box(self) -> None:
        """'PL 57 (Koetilantie 4) 00014 Helsinki': the street in brackets is the street."""
        line = "PL 57 (Koetilantie 4) 00014 Helsinki"
        found = [(p.field, p.value) for p in parse_line(line, 0, len(line))]
        assert ("po_box", "PL 57") in found
        assert ("street", "Koetilantie 4") in found

    def test_stated_name_in_two_languages(self) -> None:
        """The whole stated name, not its last words before the legal form."""
        result = import_notice(
            "Rekisterinpitäjä\n\nRekisterinpitäjä on Suomen Esimerkit - Finlands Exempel ry, "
            "Esimerkkikatu 55, Helsinki." + TAIL
        )
        assert result.draft.controller.name == "Suomen Esimerkit - Finlands Exempel ry"

    def test_register_name_run_into_the_next_sentence(self) -> None:
        """No blank line after the name: the sentences after it are the description."""
        result = import_notice(
            "Rekisterin nimi:\nEsimerkki Oy / Lemmikki asiakas- & markkinointirekisteri\n"
            "Noudatamme tietosuoja-asetusta, kun käsittelemme ja tallennamme tietoja.\n\n"
            "Rekisterinpitäjä:\nEsimerkki Oy\nOsoite: PL 122, 02101 Espoo" + TAIL
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Esimerkki Oy / Lemmikki asiakas- & markkinointirekisteri"
        assert address(result) == (None, "02101", "Espoo")


class TestThirdBlindSet:
    """Misses found on a third set of blind pages, after its one blind measurement."""

    def test_person_in_a_block_named_after_the_body_keeps_the_contact(self) -> None:
        """'Esimerkki Oy / Aino Esimerkki' with her e-mail: the contact person's, not own."""
        result = import_notice(
            "1. Rekisterinpitäjä\n\nTilitoimisto Esimerkki Oy\n\n"
            "Yhteystiedot:\nKatu 8\n20100 Turku\n"
            "\nYhteystiedot rekisteriä koskevissa asioissa\n\nTilitoimisto Esimerkki Oy / Aino "
            "Esimerkki\nKatu 8\n20100 Turku\naino.esimerkki@example.fi" + TAIL
        )
        assert controller_email(result) is None
        assert contact_email(result) == "aino.esimerkki@example.fi"

    def test_care_of_name(self) -> None:
        """'Palvelu.fi c/o Esimerkki Oy': the body with a legal form, the service noted."""
        result = import_notice(
            "1. Rekisterinpitäjä\n\nPalvelu.fi c/o Esimerkki Information Systems Oy\n"
            "Osoite: Luutnantintie 13, 01700 Vantaa" + TAIL
        )
        assert result.draft.controller.name == "Esimerkki Information Systems Oy"
        assert any("Palvelu.fi" in note for note in notes(result, "controller"))

    def test_heading_glued_before_a_prose_name(self) -> None:
        """'1.Rekisterinpitäjä' (no space) run into the name line: no heading word in it."""
        result = import_notice(
            "Esimerkin Kylät ry:n tietosuojaseloste\n\n1.Rekisterinpitäjä\n"
            "Esimerkin Kylät ry, Y-tunnus 1581389-9, rek.nro 176.939\n"
            "Pannujärventie 7, 14820 TUULOS, kylat@example.fi" + TAIL
        )
        assert result.draft.controller.name == "Esimerkin Kylät ry"
        assert address(result) == ("Pannujärventie 7", "14820", "Tuulos")

    def test_labelled_name_without_a_controller_heading(self) -> None:
        """'Nimi: X Oy' under the title, no controller heading: the body is the controller."""
        result = import_notice(
            "Tietosuoja-seloste\n\nNimi: Tanssistudio Esimerkki Oy\n\n"
            "Osoite: Hämeenkatu 30 A 6, 11100 Riihimäki\n\nRekisterin nimi\n\n"
            "Tanssistudion oppilasrekisteri" + TAIL
        )
        assert result.draft.controller.name == "Tanssistudio Esimerkki Oy"
        assert address(result) == ("Hämeenkatu 30 A 6", "11100", "Riihimäki")

    def test_body_then_a_clause(self) -> None:
        """The body first, then what it keeps; the clause goes to the description."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKylän Tanssiopiston kannatusyhdistys ry ylläpitää Kylän "
            "Tanssiopisto nimistä oppilaitosta osoite Saksalankatu 4, 15100 Lahti" + TAIL
        )
        assert result.draft.controller.name == "Kylän Tanssiopiston kannatusyhdistys ry"
        assert result.draft.description is not None
        assert "ylläpitää" in (result.draft.description.fi or "")

    def test_keeper_genitive(self) -> None:
        """'X ry:n ylläpitämä' / school: the keeper with its legal form is the name."""
        result = import_notice(
            "Rekisterinpitäjä:\n\nKylän Tanssiopiston kannatusyhdistys ry:n ylläpitämä\n"
            "Kylän Tanssiopisto (KTO)\nPaukkulantie 22, 50170 Mikkeli" + TAIL
        )
        assert result.draft.controller.name == "Kylän Tanssiopiston kannatusyhdistys ry"


def test_special_postal_code_of_a_university() -> None:
    """'00014 Helsingin yliopisto': a university's postal code has a two-word town."""
    line = "PL 57 (Koetilantie 4) 00014 Helsingin yliopisto"
    found = [(p.field, p.value) for p in parse_line(line, 0, len(line))]
    assert ("town", "Helsingin yliopisto") in found
    assert ("street", "Koetilantie 4") in found


class TestFourthBlindSet:
    """Misses found on a fourth set of blind pages, after its one blind measurement."""

    def test_person_first_on_the_line_owns_the_address(self) -> None:
        """'Name, puh. …, name@…' under a heading the reader does not know: the person's."""
        text = "Tiina Esimerkki, puh. 040 555 5445, tiina.esimerkki@example.fi"
        found = emails_in(text)
        assert email_owner(text, found[0][1]) == "contact_person"

    def test_stated_name_without_its_tail(self) -> None:
        """'Rekisterinpitäjänä toimii X ry tämän selosteen mukaisesti.': the name is X ry."""
        result = import_notice(
            "2 Rekisterinpitäjä\n\nRekisterinpitäjänä toimii Suomen Esimerkkiliitto ry tämän "
            "selosteen mukaisesti.\n\nRekisterin nimi\n\nJäsenrekisteri" + TAIL
        )
        assert result.draft.controller.name == "Suomen Esimerkkiliitto ry"

    def test_two_bodies_of_the_same_form_are_joint(self) -> None:
        """'Tmi A / Tmi B': the first is the controller, the second noted."""
        result = import_notice(
            "1. Rekisterinpitäjä\nRekisterinpitäjä:\nTmi Aino Esimerkki / Tmi Liisa Esimerkki\n"
            "Kellotie 1, 91500 Muhos" + TAIL
        )
        assert result.draft.controller.name == "Tmi Aino Esimerkki"
        assert any("Tmi Liisa Esimerkki" in n for n in notes(result, "controller"))

    def test_one_name_in_two_languages_stays_whole(self) -> None:
        """'X ry / Y rf' (Finnish and Swedish forms): one name, kept whole."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkkiseura ry / Exempelföreningen rf\nKatu 1, 00100 Helsinki"
            + TAIL
        )
        assert result.draft.controller.name == "Esimerkkiseura ry / Exempelföreningen rf"

    def test_register_name_with_a_bracket_then_another_language(self) -> None:
        """A name ending in a bracket, then the heading in English: the name ends at the dot."""
        assert split_section_name("Asiakasrekisteri (laskutus). Name of the Register") == (
            "Asiakasrekisteri (laskutus)",
            "Name of the Register",
        )

    def test_ytunnus_after_the_controllers_name(self) -> None:
        """Two firms with Y-tunnus in the introduction: the controller's own is taken."""
        code_a, code_b = make_ytunnus(2329583), make_ytunnus(2320471)
        result = import_notice(
            "Tässä kuvataan, miten konserni, johon kuuluu Esimerkki Group Oy:n "
            f"(Y-tunnus: {code_a}) ohella Esimerkki Putki Oy (Y-tunnus: {code_b}), "
            "käsittelee henkilötietoja.\n\n"
            "2. Rekisterinpitäjä\n\nRekisterinpitäjä:\nKonserni / Esimerkki Putki Oy\n\n"
            "Yhteystiedot:\nPikkukiventie 12,\n90620 OULU" + TAIL
        )
        assert result.draft.controller.name == "Esimerkki Putki Oy"
        assert result.draft.controller.business_id == code_b

    def test_at_sign_between_underscores(self) -> None:
        """'name_@_example.fi', an address spelled against harvesters."""
        assert emails_in("Aino Esimerkki, aino.esimerkki_@_example.fi") == [
            ("aino.esimerkki@example.fi", 16, 43)
        ]
