"""Tests of the importer's general mechanisms found by reading real notices it had not seen.

Each class pins one failure class seen on real public notices (their text is
not in this repository; the layouts are listed in
``tests/fixtures/legacy/LAYOUTS.md``, pages 65–91). The notices below are
short fictional ones written for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._contact import looks_like_person
from rekisteri.importer._cues import owned_register_name
from rekisteri.importer._finnish import listed_purposes
from rekisteri.importer._headings import SectionKind, recognise
from rekisteri.importer._lists import split_items
from rekisteri.model import NoneStated


def address(result: ImportResult) -> tuple[str | None, str | None, str | None] | None:
    found = result.draft.controller.address
    return None if found is None else (found.street, found.postal_code, found.town)


class TestControllerAddressFromContactDetails:
    def test_person_named_inside_the_controller_block(self) -> None:
        """The address after "Yhteyshenkilö: Name" in the controller's section is the body's."""
        result = import_notice(
            "1. Rekisterinpitäjä ja yhteyshenkilö\n\n"
            "Pihlajakosken kyläyhdistys ry\n"
            "Y-tunnus: 7123450-9\n"
            "Yhteyshenkilö: Aino Esimerkki\n"
            "Osoite: Kylätie 3, 41940 Pihlajakoski\n"
            "Sähköposti: kyla@example.fi\n"
        )
        assert result.draft.controller.name == "Pihlajakosken kyläyhdistys ry"
        assert address(result) == ("Kylätie 3", "41940", "Pihlajakoski")
        assert result.draft.contact_person is not None
        assert result.draft.contact_person.name == "Aino Esimerkki"
        assert "address read from the contact details" in " ".join(result.notes["controller"])

    def test_person_below_the_name_without_a_label(self) -> None:
        """A person's name below the firm's, then the firm's address without a postal code."""
        result = import_notice(
            "Rekisterinpitäjä\n\nPaita Esimerkki Oy\nY-tunnus: 7234561-4\n\nAino Esimerkki\n"
            "Osoite: Kujatie 12 A 11, Helsinki, Suomi\nPuhelin: 040 555 0101\n"
        )
        assert address(result) == ("Kujatie 12 A 11", None, "Helsinki")

    def test_contact_section_that_names_the_controller(self) -> None:
        """A contact section that names the controller itself gives the controller's address."""
        result = import_notice(
            "Rekisterinpitäjä\n\nKampaamo Esimerkki\n\n"
            "Rekisteriasioista vastaava henkilö\n\nKampaamo Esimerkki\nKatukatu 26,\n"
            "53100 Lappeenranta\nkampaamo@example.fi\n"
        )
        assert address(result) == ("Katukatu 26", "53100", "Lappeenranta")

    def test_same_street_completes_the_postal_code_and_town(self) -> None:
        """The contact person's same street completes the controller's postal code and town."""
        result = import_notice(
            "Rekisterinpitäjä\n\nYrityksen nimi: Parturi Esimerkki\nOsoite: Meijerikuja 4\n\n"
            "Rekisteriasioita hoitava henkilö\n\nNimi: Aino Esimerkki\n"
            "Osoite: Meijerikuja 4, 91900 LIMINKA\n"
        )
        assert address(result) == ("Meijerikuja 4", "91900", "Liminka")

    def test_a_persons_own_address_in_a_contact_section_stays_theirs(self) -> None:
        """A named person's address under a contact heading is not given to the controller."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkkiyhdistys ry\n\n"
            "Yhteyshenkilö rekisteriä koskevissa asioissa\n\nAino Esimerkki\n"
            "Kotikuja 8 A, 02260 Espoo\naino@example.fi\n"
        )
        assert address(result) is None
        assert result.draft.contact_person is not None
        assert result.draft.contact_person.address is not None

    @given(street=st.sampled_from(["Rantatie 1", "Kauppakatu 2 B", "Myllypolku 14"]))
    def test_the_controllers_own_address_is_never_replaced(self, street: str) -> None:
        """An address the controller's block gives is kept, whatever the contact lines say."""
        result = import_notice(
            f"Rekisterinpitäjä\n\nEsimerkki Oy\n{street}, 00100 Helsinki\n"
            "Yhteyshenkilö: Aino Esimerkki\nOsoite: Toinenkatu 5, 33100 Tampere\n"
        )
        assert address(result) == (street, "00100", "Helsinki")


class TestStreetWithANoteInBrackets:
    def test_building_name_after_the_floor(self) -> None:
        """A note in brackets after the street ("(Opus 3)") neither hides the street nor is one."""
        result = import_notice(
            "1. REKISTERINPITÄJÄ\n\nEsimerkki Oy\nHitsaajankuja 20, 5. krs (Talo 3)\n"
            "00810 HELSINKI\n"
        )
        assert address(result) == ("Hitsaajankuja 20, 5. krs", "00810", "Helsinki")
        assert "the notice also gives: Talo 3" in result.notes["controller"]


class TestControllerName:
    @pytest.mark.parametrize(
        ("line", "name"),
        [
            ("Lahden Suunnistajat -37 ry (LES-37)", "Lahden Suunnistajat -37 ry"),
            (
                "Esimerkkisäätiö sr (rekisterinumero), Kujatie 3, 42330 Haavisto",
                "Esimerkkisäätiö sr",
            ),
            ('Esimerkin Ystävät ry ["Yhdistys"]', "Esimerkin Ystävät ry"),
            (
                "Esimerkin yleinen sivistysrahasto sr (säätiö), jäljempänä Esimerkin säätiö",
                "Esimerkin yleinen sivistysrahasto sr",
            ),
            ("Studio Esimerkki 2", "Studio Esimerkki 2"),
        ],
    )
    def test_the_name_without_what_the_notice_adds(self, line: str, name: str) -> None:
        """An alias, abbreviation or note in brackets is not part of the name; no street."""
        result = import_notice(f"1. Rekisterinpitäjä\n\n{line}\nPuh. 040 555 0101\n")
        assert result.draft.controller.name == name
        assert result.draft.controller.address is None or (
            result.draft.controller.address.street != "Esimerkki 2"
        )

    @pytest.mark.parametrize(
        "value", ["Tmi Aino Esimerkki", "Oy Kampaamo Esimerkki", "Pihlajakosken kunta"]
    )
    def test_a_body_is_not_a_persons_name(self, value: str) -> None:
        """A legal form before the name, or a public body's word, is not a person."""
        assert not looks_like_person(value)

    def test_a_person_is_still_one(self) -> None:
        """Two capitalised words without a legal form are a person's name."""
        assert looks_like_person("Aino Esimerkki")


class TestHeadings:
    @pytest.mark.parametrize(
        ("heading", "kind"),
        [
            ("Ändamålen med behandlingen och den rättsliga grunden", SectionKind.PURPOSES),
            ("Kategorier av personuppgifter", SectionKind.CONTENT),
            ("Varifrån personuppgifterna kommer", SectionKind.SOURCES),
            ("Överföring till tredjeland", SectionKind.TRANSFERS),
            ("Lagring av personuppgifter", SectionKind.RETENTION),
            ("Rätt att lämna in klagomål till en tillsynsmyndighet", SectionKind.OTHER_RIGHTS),
            ("Den personuppgiftsansvariges representant (kontaktperson)", SectionKind.CONTACT),
            ("Oikeutetut edut (kun käsittely perustuu oikeutettuun etuun)", SectionKind.PURPOSES),
            ("4. Oikeusperuste", SectionKind.PURPOSES),
            ("3. Rekisterit", SectionKind.NAME),
            ("Rekisterin sisältö", SectionKind.CONTENT),
            ("3 Käsiteltävien henkilötietojen kategoriat", SectionKind.CONTENT),
            ("3. Rekisterin vastuuhenkilö", SectionKind.CONTACT),
            ("Yhteydet rekisteriasioissa:", SectionKind.CONTACT),
            (
                "10. Tietojen siirto EU:n tai Euroopan talousalueen (ETA) ulkopuolelle",
                SectionKind.TRANSFERS,
            ),
            ("Yleistä tietosuojaselosteesta", SectionKind.TITLE),
            ("Right to data portability", SectionKind.OTHER_RIGHTS),
            ("Oikeus tietojen poistamiseen", SectionKind.OTHER_RIGHTS),
        ],
    )
    def test_form_headings_are_known(self, heading: str, kind: SectionKind) -> None:
        """Headings of the GDPR form and of real notices, fi/sv/en, are known."""
        assert recognise(heading) is kind

    def test_skip_link_is_no_heading(self) -> None:
        """A web page's skip link is not a data-content heading."""
        assert recognise("Hyppää sisältöön") is None

    def test_a_line_with_a_verb_is_no_heading(self) -> None:
        """A line "Säätiössä on rekisterit liittyen" before a list is text, not a heading."""
        result = import_notice(
            "3 Käsiteltävien henkilötietojen kategoriat\n\n"
            "Esimerkkisäätiössä on henkilörekisterit liittyen\n\n"
            "1. apurahojen hakemiseen\n2. lahjoituksiin\n"
        )
        assert not any(p.text.startswith("Esimerkkisäätiössä") for p in result.unmatched)

    def test_numbered_subsections_of_the_purposes_name_purposes(self) -> None:
        """A subsection "4.1 X" under the purposes heading names a purpose; nothing is unmapped."""
        html = (
            "<h2>4. Henkilötietojen käsittelyn tarkoitukset</h2>"
            "<h3>4.1 Jäsenyyden hoitaminen</h3><p>Hoidamme jäsenyyksiä sopimuksen perusteella.</p>"
            "<h3>4.2 Uutiskirje</h3><p>Lähetämme uutiskirjeen sen tilanneille.</p>"
        )
        result = import_notice(html)
        assert [p.name.fi for p in result.draft.purposes] == ["Jäsenyyden hoitaminen", "Uutiskirje"]
        assert not result.unmatched


class TestContactSections:
    def test_role_lines_and_matter_lines_are_not_names(self) -> None:
        """A role alone, the matters a person answers for and a second person are notes."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkkisäätiö sr\n\n"
            "Rekisterin vastuuhenkilö\n\nAsiamies\npuh. 044 555 0245\n\n"
            "Yhteyshenkilöt rekisteriasioissa\n\nApurahoja koskevissa rekisteriasioissa\n\n"
            "Aino Esimerkki\napurahat@example.fi\n\nLahjoituksia koskevissa rekisteriasioissa\n\n"
            "Eino Esimerkki\nlahjoitukset@example.fi\n"
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert contact.name == "Aino Esimerkki"
        assert contact.email == "apurahat@example.fi"
        notes = " ".join(result.notes["contact_person"])
        assert "role: Asiamies" in notes
        assert "Eino Esimerkki" in notes
        assert not result.unmatched


class TestSections:
    def test_introduction_before_the_first_heading_is_the_description(self) -> None:
        """Text before the first heading, without a title, goes to the description."""
        result = import_notice(
            "Tässä selosteessa kerrotaan, miten yhdistys käsittelee jäsentensä tietoja.\n\n"
            "Rekisterinpitäjä\n\nEsimerkkiyhdistys ry\n"
        )
        assert result.draft.description is not None
        assert "miten yhdistys käsittelee" in (result.draft.description.fi or "")
        assert not result.unmatched

    def test_what_the_customer_did_is_data_not_a_source(self) -> None:
        """Data "asiakkaan tekemien tilausten tiedot" under the content heading stay data."""
        result = import_notice(
            "Rekisterin tietosisältö\n\nAsiakkaan nimi, osoite ja puhelinnumero. "
            "Lisäksi tallennetaan asiakkaan tekemien tilausten tiedot.\n"
        )
        assert not result.draft.sources
        assert len(result.draft.data_categories) >= 3

    def test_where_the_data_come_from_still_moves(self) -> None:
        """A statement of where the data come from moves to the sources."""
        result = import_notice(
            "Rekisterin tietosisältö\n\nAsiakkaan nimi ja osoite. "
            "Tiedot saadaan asiakkaalta itseltään.\n"
        )
        assert result.draft.sources

    @pytest.mark.parametrize(
        "sentence",
        [
            "Palvelussa ei käytetä evästeitä.",
            "Sivustollamme ei käytetä evästeitä.",
            "Webbplatsen använder inte kakor.",
            "The site does not use cookies.",
        ],
    )
    def test_no_cookies(self, sentence: str) -> None:
        """A statement that no cookies are used sets none_stated cookies."""
        result = import_notice(f"Evästeet\n\n{sentence}\n")
        assert NoneStated.COOKIES in result.draft.none_stated

    def test_cookies_used_are_no_negative(self) -> None:
        """A statement that cookies are used is no negative."""
        result = import_notice("Evästeet\n\nSivustolla käytetään evästeitä kävijätilastoihin.\n")
        assert NoneStated.COOKIES not in result.draft.none_stated


class TestRegisterName:
    def test_first_sentence_of_a_name_section(self) -> None:
        """The first sentence of a name section with a verb after it is the name."""
        result = import_notice(
            "1 Rekisterin nimi\n\nEsimerkkiseuran jäsentietorekisteri. "
            "Rekisterikokonaisuus muodostuu seuraavista rekistereistä\n\n"
            "• jäsenrekisteri\n• kilpailurekisteri\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Esimerkkiseuran jäsentietorekisteri"

    def test_a_lead_in_is_no_name(self) -> None:
        """A lead-in sentence with a verb before a list of registers is no name."""
        result = import_notice(
            "3. Rekisterit\n\nSäätiössä on henkilörekisterit, jotka liittyvät\n\n"
            "• apurahoihin\n• lahjoituksiin\n"
        )
        assert result.draft.name is None

    def test_a_bodys_register_named_in_a_sentence(self) -> None:
        """A sentence "X Oy:n asiakasrekisteriä käytetään" names the register."""
        found = owned_register_name(
            "Rekisterin käyttötarkoitus\n\nEsimerkki Oy:n asiakasrekisteriä käytetään laskutukseen."
        )
        assert found is not None
        assert found[0] == "Esimerkki Oy:n asiakasrekisteri"

    def test_the_controllers_name_without_a_legal_form(self) -> None:
        """The controller's name finds the register though its words are in lower case."""
        text = "Pihlajakosken kyläyhdistys ry:n jäsenrekisteriin tallennetaan nimi."
        found = owned_register_name(text, "Pihlajakosken kyläyhdistys ry")
        assert found is not None
        assert found[0] == "Pihlajakosken kyläyhdistys ry:n jäsenrekisteri"


_NOUNS = ["nimi", "osoite", "tutkinto", "summa", "ikä", "kotikunta", "sähköposti"]


class TestLists:
    @given(
        groups=st.lists(
            st.lists(st.sampled_from(_NOUNS), min_size=2, max_size=3, unique=True),
            min_size=2,
            max_size=3,
        )
    )
    def test_groups_split_by_semicolons(self, groups: list[list[str]]) -> None:
        """Each ";" group with its own "ja": every item of every group is an entry."""
        sentence = "; ".join(", ".join(g[:-1]) + " ja " + g[-1] for g in groups) + "."
        found = split_items(sentence)
        assert found is not None
        assert [item.casefold() for item in found[1]] == [word for g in groups for word in g]

    @pytest.mark.parametrize(
        "sentence",
        ["Grunden är en rättslig förpliktelse.", "The basis is the contract."],
    )
    def test_a_swedish_or_english_sentence_with_a_verb_is_no_list(self, sentence: str) -> None:
        """A sentence with a Swedish or English verb is not a verbless list of purposes."""
        assert listed_purposes(sentence) is None


class TestControllerStatedInText:
    def test_regulation_line_and_name_in_a_broken_sentence(self) -> None:
        """A regulation's line is no name; "… rekisterinpitäjä on X Oy. X Oy vastaa" gives X Oy."""
        result = import_notice(
            "1. Rekisterinpitäjä\n\nEU:n yleinen tietosuoja-asetus (2016/679)\n\n"
            "Sovellettavan lain mukainen rekisterinpitäjä on Esimerkki Oy. Esimerkki Oy\n"
            "vastaa siitä, että tietoja käsitellään oikein.\n\nY-tunnus: 7123450-9\n"
        )
        assert result.draft.controller.name == "Esimerkki Oy"
        assert result.draft.controller.business_id == "7123450-9"

    def test_one_register_a_line(self) -> None:
        """Several register names, one a line: the first is the name, the others are noted."""
        result = import_notice(
            "Rekisterin nimi\n\nEsimerkki Oy:n asiakasrekisteri\n"
            "Esimerkki Oy:n markkinointirekisteri\n"
        )
        assert result.draft.name is not None
        assert result.draft.name.fi == "Esimerkki Oy:n asiakasrekisteri"
        assert "markkinointirekisteri" in " ".join(result.notes["name"])


def test_a_genitive_before_ja_shares_the_head_noun() -> None:
    """An item "Asiakkaan ja hänen edustajansa nimi" is one; "puhelin ja osoite" are two."""
    found = split_items("Asiakkaan ja hänen edustajansa nimi, yhteystiedot ja puhelin.")
    assert found == (None, ["Asiakkaan ja hänen edustajansa nimi", "Yhteystiedot", "Puhelin"])
    assert split_items("Nimi, puhelin ja osoite.") == (None, ["Nimi", "Puhelin", "Osoite"])


def test_title_about_a_register_in_the_elative() -> None:
    """A title "Tietosuojaseloste asiakas- ja markkinointirekisteristä" names the register."""
    result = import_notice(
        "TIETOSUOJASELOSTE ASIAKAS- JA MARKKINOINTIREKISTERISTÄ\n\n"
        "1. Rekisterinpitäjä\n\nEsimerkki Oy\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Asiakas- ja markkinointirekisteri"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Rekisteriasioita hoitavat henkilöt", SectionKind.CONTACT),
        ("2. Yhteyshenkilö ja tietosuojavastaava", SectionKind.CONTACT),
        ("2. Person som sköter registerärenden", SectionKind.CONTACT),
        ("8. Vastaanottajat", SectionKind.DISCLOSURES),
        (
            "7. Regelmässigt utlämnande och överförande av uppgifter till länder utanför EU",
            SectionKind.DISCLOSURES,
        ),
        ("9. Siirrot EU:n ja ETA:n ulkopuolelle", SectionKind.TRANSFERS),
    ],
)
def test_short_and_combined_headings(heading: str, kind: SectionKind) -> None:
    """Short numbered headings and combined ones of real notices are known."""
    assert recognise(heading) is kind


class TestNothingLostInContactBlocks:
    def test_notes_in_brackets_after_numbers_and_labels(self) -> None:
        """A label "Puhelin (vaihde):" and a note "(vastaanotto)" after a number are read."""
        result = import_notice(
            "Rekisterinpitäjä\n\nEsimerkki Oy\nPuhelin (vaihde): 029 555 0400\n"
            "puh. 09 555 0600 (vastaanotto), info@example.fi\n"
        )
        assert result.draft.controller.contact is not None
        assert result.draft.controller.contact.phone == "029 555 0400"
        assert not result.unmatched

    def test_channels_in_a_sentence_go_to_the_contact_person(self) -> None:
        """A sentence telling whom to contact gives the contact person's e-mail and phone."""
        result = import_notice(
            "Rekisterinpitäjä ja yhteystiedot\n"
            "Esimerkki Oy, Y-tunnus 7123450-9, Rantakatu 3, 40100 Jyväskylä, info@example.fi\n"
            "Tietosuoja-asioissa voit olla yhteydessä yrittäjä Aino Esimerkkiin, "
            "aino@example.fi, 050 555 0331.\n"
        )
        contact = result.draft.contact_person
        assert contact is not None
        assert (contact.email, contact.phone) == ("aino@example.fi", "050 555 0331")
        assert result.draft.controller.contact is not None
        assert result.draft.controller.contact.email == "info@example.fi"
        assert not result.unmatched


def test_a_question_heading_with_a_verb_is_still_a_heading() -> None:
    """A line "Kuka on rekisterinpitäjä" names a section, though it has a verb."""
    result = import_notice("Kuka on rekisterinpitäjä\n\nEsimerkki Oy\nKatu 1, 00100 Helsinki\n")
    assert result.sections[0][2] == "controller"
    assert result.draft.controller.name == "Esimerkki Oy"


@pytest.mark.parametrize(
    ("line", "phone"),
    [("(040) 503 2278", "(040) 503 2278"), ("Puh. (09) 555 1234", "(09) 555 1234")],
)
def test_area_code_in_brackets(line: str, phone: str) -> None:
    """A phone number with its area code in brackets keeps both brackets."""
    result = import_notice(f"Rekisterinpitäjä\n\nEsimerkki Oy\n{line}\n")
    assert result.draft.controller.contact is not None
    assert result.draft.controller.contact.phone == phone


def test_business_id_in_brackets_on_its_own_line() -> None:
    """A line "(Y tunnus: …)" gives the Y-tunnus, not a note."""
    result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\n(Y tunnus: 7123450-9)\n")
    assert result.draft.controller.business_id == "7123450-9"


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2013"])
def test_unlabelled_business_id_with_any_dash(dash: str) -> None:
    """'Esimerkki Oy (2077474–0)': an en dash is still a Y-tunnus, never the start of a phone."""
    notice = (
        "Rekisterinpitäjä\n\n"
        f"Esimerkki Oy (2077474{dash}0)\nKatu 1, 00100 Helsinki\nPuh. 09 123 4567\n"
    )
    draft = import_notice(notice).draft
    assert draft.controller.business_id == "2077474-0"
    assert draft.controller.contact is not None
    assert draft.controller.contact.phone == "09 123 4567"
