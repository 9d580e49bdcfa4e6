"""Round 13 (T5): mechanisms for misses seen on real notices, tested on fictional text."""

from __future__ import annotations

from datetime import date

from rekisteri.importer import import_notice
from rekisteri.importer._builder import _name_text
from rekisteri.importer._contact import parse_line
from rekisteri.importer._headings import SectionKind, guess, recognise


def _fields_of(text: str, words: str) -> set[str]:
    """The fields the span(s) holding *words* went to."""
    result = import_notice(text)
    at = result.text.index(words)
    return {m.field.split("[")[0] for m in result.mapped if m.start <= at < m.end}


class TestHeadWordOverTheGeneralDataWords:
    def test_a_retention_head_word_is_not_read_as_data(self) -> None:
        """'Bevaringstid av personuppgifter': the general word for data names no field here."""
        assert guess("BEVARINGSTID AV PERSONUPPGIFTER") is SectionKind.RETENTION
        assert guess("Bevarande av kunduppgifter") is SectionKind.RETENTION

    def test_a_basis_for_processing_is_the_purposes(self) -> None:
        """'Basis for personal data processing' names the legal basis, not the data."""
        assert guess("Basis for personal data processing") is SectionKind.PURPOSES

    def test_a_heading_of_the_data_stays_data(self) -> None:
        """The data's own headings keep their reading; an article is no head word."""
        assert guess("De uppgifter om de registrerade som behandlas") is SectionKind.CONTENT
        assert guess("Asiakkaan henkilötiedot") is SectionKind.CONTENT

    def test_a_swedish_retention_section_goes_to_retention(self) -> None:
        """The section under such a heading is retention's, wholly."""
        text = (
            "REGISTERANSVARIG\nBåtvarvet Ab, Strandvägen 2, 10600 Ekenäs\n\n"
            "REGISTRETS DATAINNEHÅLL\nNamn, adress och telefonnummer.\n\n"
            "BEVARINGSTID AV PERSONUPPGIFTER\n"
            "Uppgifterna sparas så länge kundförhållandet pågår och raderas sedan.\n"
        )
        assert _fields_of(text, "Uppgifterna sparas") == {"retention"}


class TestTheRegistersContactDetails:
    def test_the_register_contact_heading_is_the_controllers(self) -> None:
        """'Contact of the register', 'Rekisterin yhteystiedot': the controller's details."""
        assert recognise("Contact of the register") is SectionKind.CONTROLLER
        assert recognise("Rekisterin yhteystiedot") is SectionKind.CONTROLLER
        assert recognise("Registrets kontaktuppgifter") is SectionKind.CONTROLLER
        assert guess("Contact person of the register") is SectionKind.CONTACT


_QUOTED_NAME = (
    "REGISTERANSVARIG\nBåtvarvet Ab, Strandvägen 2, 10600 Ekenäs\nFO-nummer: 1234567-8\n\n"
    "KONTAKTPERSON\nAnna Berg\nE-post: anna@batvarvet.example\n\n"
    "NAMN PÅ REGISTER\n"
    "“Verkkokaupan www.batvarvet.example ja www.batvarvet.fi asiakasrekisteri.”\n\n"
    "ÄNDAMÅLET MED BEHANDLINGEN\nUppgifterna används för att sköta kundförhållandet.\n"
)


class TestAQuotedNameWithWebAddresses:
    def test_the_name_heading_over_a_quoted_name_is_a_heading(self) -> None:
        """An opening quotation mark does not hide the capital of the line under a heading."""
        result = import_notice(_QUOTED_NAME)
        assert [field for _, _, field in result.sections] == [
            "controller",
            "contact_person",
            "name",
            "purposes",
        ]

    def test_web_addresses_in_a_name_are_no_party_channels(self) -> None:
        """The web shop's addresses are part of the register's name, not the contact's."""
        result = import_notice(_QUOTED_NAME)
        assert result.draft.name is not None
        assert "asiakasrekisteri" in str(result.draft.name)
        assert "NAMN" not in str(result.draft.name)
        assert _fields_of(_QUOTED_NAME, "www.batvarvet.fi") == {"name"}


_DATED_BLOCK = (
    "Rekisteri- ja tietosuojaseloste\n\n"
    "Rekisteri- ja tietosuojaseloste henkilötietojen käytöstä\n\n"
    "Päivitetty 03.2024\n\n"
    "Kylän Vapaaseurakunta Y-tunnus 1234567-1\nKoulukatu 3, 33100 Tampere\n"
    "toimisto@kylanvapaa.example\n\n \n\n"
    "Anni Laine\nKoulukatu 3, 33100 Tampere\ntoimisto@kylanvapaa.example\n\n \n\n"
    "Kylän Vapaaseurakunnan henkilörekisteri\n\n \n\n"
    "Henkilötietoja käytetään seurakunnan toiminnan järjestämiseksi.\n"
)


class TestDateLines:
    def test_a_month_and_year_line_is_never_the_controllers_name(self) -> None:
        """'Päivitetty 03.2024' above the controller's block is a date, not a name."""
        result = import_notice(_DATED_BLOCK)
        assert result.draft.controller is not None
        assert result.draft.controller.name == "Kylän Vapaaseurakunta"

    def test_a_creation_date_is_the_notices_date_when_no_update_is_stated(self) -> None:
        """'Laadittu', 'Utarbetad': the notice's date when it states no update."""
        for line, when in (
            ("Laadittu 14.2.2022.", date(2022, 2, 14)),
            ("Utarbetad 3. mars 2021.", date(2021, 3, 3)),
        ):
            text = (
                f"Tietosuojaseloste\n\n{line}\n\nRekisterinpitäjä\n\n"
                "Puutarha Oy, Kukkatie 1, 20100 Turku\n\n"
                "Rekisterin käyttötarkoitus\n\nAsiakassuhteen hoitaminen.\n"
            )
            result = import_notice(text)
            assert result.draft.updated == when
            assert _fields_of(text, line[:6]) == {"updated"}

    def test_an_update_date_wins_over_a_creation_date(self) -> None:
        """A notice drawn up once and updated later is dated by its update."""
        text = (
            "Tietosuojaseloste\n\nLaadittu 14.2.2019.\n\nRekisterinpitäjä\n\n"
            "Puutarha Oy, Kukkatie 1, 20100 Turku\n\n"
            "Rekisterin käyttötarkoitus\n\nAsiakassuhteen hoitaminen.\n\n"
            "Päivitetty 2.5.2023.\n"
        )
        assert import_notice(text).draft.updated == date(2023, 5, 2)


class TestASlashInAOneLanguageName:
    def test_a_firm_then_its_register_is_one_name(self) -> None:
        """'Puutarha Oy / Puutarha Garden Club Register' is no Finnish and English pair."""
        name = _name_text("Puutarha Oy / Puutarha Garden Club Register")
        assert name is not None
        assert name.fi == "Puutarha Oy / Puutarha Garden Club Register"
        assert name.en is None

    def test_a_name_and_its_translation_are_still_two(self) -> None:
        """'Asiakasrekisteri / Customer register' stays a Finnish and an English name."""
        name = _name_text("Asiakasrekisteri / Customer register")
        assert name is not None
        assert (name.fi, name.en) == ("Asiakasrekisteri", "Customer register")


class TestAStreetsCapitalisedFirstWord:
    def test_a_street_noun_in_lower_case_keeps_the_name_before_it(self) -> None:
        """'Västra hamnen 3', 'Södra kajen 8': the capitalised first word is the street's."""
        for line, street in (
            ("Västra hamnen 3, 65100 Vasa", "Västra hamnen 3"),
            ("Norra kajen 12, PB 5, 00170 Helsingfors", "Norra kajen 12"),
        ):
            parts = parse_line(line, 0, len(line))
            assert [p.value for p in parts if p.field == "street"] == [street]


class TestAContactHeadingWithItsDetails:
    def test_the_contact_persons_heading_with_their_details_is_the_contacts(self) -> None:
        """'Rekisterin yhteyshenkilöt ja tämän yhteystiedot' names the contact person."""
        for heading in (
            "Rekisterin yhteyshenkilöt ja tämän yhteystiedot",
            "Yhteyshenkilö ja hänen yhteystietonsa",
            "Kontaktperson och kontaktuppgifter",
        ):
            assert recognise(heading) is SectionKind.CONTACT

    def test_a_title_and_a_switchboard_under_it_are_no_controllers(self) -> None:
        """A job title, a template e-mail and the switchboard: the contact point's lines."""
        text = (
            "Rekisterinpitäjä\nKylän kunta, y-tunnus 1234567-1\nKirjaamo, PL 7, 99100 Kylä\n"
            "Rekisterin yhteyshenkilöt ja tämän yhteystiedot\nvapaa-aikasihteeri\n"
            "sähköposti: etunimi.sukunimi@kyla.example\npuh. 016 123 4567 (vaihde)\n"
            "Henkilötietojen käsittelyn tarkoitus\nNuorisotyön järjestäminen.\n"
        )
        assert _fields_of(text, "vapaa-aikasihteeri") == {"contact_person"}
        assert _fields_of(text, "016 123") == {"contact_person"}


class TestSwedishDateAndDeletionWords:
    def test_a_neuter_creation_word_dates_the_notice(self) -> None:
        """'Dokumentet uppgjort 2.4.2020.': the document's date, when no update is stated."""
        text = (
            "Dataskyddsbeskrivning\n\nDokumentet uppgjort 2.4.2020.\n\n"
            "Personuppgiftsansvarig\n\nSegelklubben rf, Hamngatan 1, 10600 Ekenäs\n"
        )
        assert import_notice(text).draft.updated == date(2020, 4, 2)

    def test_data_removed_after_an_event_is_retention(self) -> None:
        """'Uppgifterna i registret avlägsnas …' under the data heading: a retention rule."""
        text = (
            "Personuppgiftsansvarig\n\nSegelklubben rf, Hamngatan 1, 10600 Ekenäs\n\n"
            "Registrets datainnehåll\n\nDeltagarens namn och e-postadress.\n"
            "Uppgifterna i registret avlägsnas inom en månad efter regattan.\n"
        )
        assert _fields_of(text, "Uppgifterna i registret") == {"retention"}


_LONE_DASHES = (
    "1. Rekisterinpitäjä\nPyöräpaja Oy, Y-tunnus 1234567-1\nVannekatu 2, 40100 Jyväskylä\n"
    "info@pyorapaja.example\n"
    "2. Mitä tietoja keräämme?\n"
    "Keräämme seuraavia tietoja, kun asioit verkkokaupassamme:\n"
    "Asiakkaan antamat tiedot\n"
    "-\nNimi\n-\nOsoite\n-\nPuhelinnumero\n-\nTilaushistoria ja maksutapa\n"
    "3. Mihin tietoja käytetään?\nKäytämme tietoja tilausten toimittamiseen.\n"
)


class TestBulletsAloneOnTheirLines:
    def test_each_entry_after_a_lone_dash_is_a_data_category(self) -> None:
        """'-' / 'Nimi' / '-' / 'Osoite': one data category a line, not one source."""
        result = import_notice(_LONE_DASHES)
        names = [category.name.fi for category in result.draft.data_categories]
        assert names == ["Nimi", "Osoite", "Puhelinnumero", "Tilaushistoria ja maksutapa"]
        for entry in ("Nimi", "Tilaushistoria"):
            assert _fields_of(_LONE_DASHES, f"-\n{entry}") == {"data_categories"}

    def test_a_dash_for_a_value_not_given_stays_in_the_party_block(self) -> None:
        """In the controller's block a lone dash is an empty value, no list's bullet."""
        text = (
            "Rekisterinpitäjä\nPyöräpaja Oy\nVannekatu 2, 40100 Jyväskylä\n"
            "Puhelin\n-\nSähköposti\ninfo@pyorapaja.example\n\n"
            "Rekisterin käyttötarkoitus\nTilausten toimittaminen.\n"
        )
        result = import_notice(text)
        assert result.draft.controller is not None
        assert result.draft.controller.contact is not None
        assert result.draft.controller.contact.email == "info@pyorapaja.example"
        assert result.draft.data_categories == ()


_LABELLED_PARAGRAPH = (
    "Rekisterinpitäjä\n\nKylän Hiihtoseura ry\nLatukuja 1, 90100 Oulu\n\n"
    "1. Rekisterin tietosisältö.\n\n"
    "Jäsenrekisteriin tallennettavia tietoja: Henkilön nimi, kotikunta ja sähköpostiosoite "
    "sekä jäsenyyden alkamispäivä. Kun jäsen eroaa seurasta, tiedot poistetaan rekisteristä.\n"
)


class TestALabelOverSentences:
    def test_a_labelled_paragraph_of_sentences_is_read_sentence_by_sentence(self) -> None:
        """'Tallennettavia tietoja: …. Kun jäsen eroaa, tiedot poistetaan.': not one entry."""
        assert _fields_of(_LABELLED_PARAGRAPH, "Jäsenrekisteriin") == {"data_categories"}
        assert _fields_of(_LABELLED_PARAGRAPH, "Kun jäsen eroaa") == {"retention"}

    def test_a_labelled_entry_of_one_sentence_is_still_an_entry(self) -> None:
        """'Ostohistoria: tilaukset ja maksut' under the data heading stays one entry."""
        text = (
            "Rekisterinpitäjä\n\nKylän Hiihtoseura ry\nLatukuja 1, 90100 Oulu\n\n"
            "Rekisterin tietosisältö\n\nYhteystiedot: nimi, osoite ja puhelinnumero\n"
            "Jäsenyystiedot: liittymispäivä ja jäsenlaji\n"
        )
        names = [c.name.fi for c in import_notice(text).draft.data_categories]
        assert [name.split(":")[0] for name in names] == ["Yhteystiedot", "Jäsenyystiedot"]


class TestKeptForAsLongAs:
    def test_kept_as_long_as_something_lasts_is_retention_in_another_section(self) -> None:
        """'Säilytetään tietoja niin kauan, kun …' under the data heading: retention, noted."""
        text = (
            "Rekisterinpitäjä\n\nKylän Hiihtoseura ry\nLatukuja 1, 90100 Oulu\n\n"
            "Rekisterin tietosisältö\n\nNimi, kotikunta ja sähköpostiosoite. "
            "Jäsenrekisterissä säilytetään tietoja niin kauan, kun henkilö on seuran jäsen.\n"
        )
        result = import_notice(text)
        assert _fields_of(text, "Jäsenrekisterissä säilytetään") == {"retention"}
        assert "retention" in result.notes

    def test_kept_in_a_place_is_no_retention(self) -> None:
        """'Tietoja säilytetään lukitussa kaapissa' says where, not how long."""
        text = (
            "Rekisterinpitäjä\n\nKylän Hiihtoseura ry\nLatukuja 1, 90100 Oulu\n\n"
            "Rekisterin suojaus\n\nPaperilomakkeita säilytetään lukitussa kaapissa.\n"
        )
        assert _fields_of(text, "Paperilomakkeita") != {"retention"}


class TestRetentionEntriesInAList:
    def test_a_bulleted_retention_sentence_in_the_data_list_is_retention(self) -> None:
        """'• Tietoja säilytetään asukassuhteen ajan …' among the data items: retention."""
        text = (
            "Rekisterinpitäjä\n\nKiinteistöhuolto Oy, Y-tunnus 1234567-1\n"
            "Huoltotie 1, 45100 Kouvola\n\nRekisterin tietosisältö\n\n"
            "  • Asukkaan nimi, huoneistonumero ja puhelinnumero.\n"
            "  • Tietoja säilytetään asukassuhteen keston ajan, minkä jälkeen ne poistetaan.\n\n"
            "Rekisterin käyttötarkoitus\n\nAsukassuhteen hoitaminen.\n"
        )
        assert _fields_of(text, "Tietoja säilytetään") == {"retention"}
        assert _fields_of(text, "Asukkaan nimi") == {"data_categories"}

    def test_an_entry_is_read_by_its_first_sentence(self) -> None:
        """A purpose's entry whose second sentence keeps data stays a purpose."""
        text = (
            "Rekisterinpitäjä\n\nKylän Seura ry\nSeurakuja 2, 45100 Kouvola\n\n"
            "Henkilötietojen käsittelyn tarkoitus\n\n"
            "  • Tukijäsenyyden hoitaminen perustuu jäsenen antamiin tietoihin. "
            "Tietoja säilytetään kohtuullinen aika tukijäsenyyden päätyttyä.\n"
            "  • Jäsenrekisterin ylläpito.\n"
        )
        assert _fields_of(text, "Tukijäsenyyden hoitaminen") == {"purposes"}


class TestDestroyedWhenNoLongerNeeded:
    def test_data_destroyed_once_no_longer_needed_is_retention(self) -> None:
        """'Kun tiedot eivät enää ole tarpeellisia, ne tuhotaan' under the purposes: retention."""
        text = (
            "Rekisterinpitäjä\n\nKylän Koulu\nKoulutie 3, 45100 Kouvola\n\n"
            "Rekisterin käyttötarkoitus\n\nTietoja käytetään opetuksen järjestämiseen. "
            "Kun tiedot eivät enää ole käyttötarkoituksensa vuoksi tarpeellisia, ne tuhotaan.\n"
        )
        assert _fields_of(text, "Kun tiedot eivät") == {"retention"}
        assert _fields_of(text, "Tietoja käytetään") == {"purposes"}


class TestAProvisionRequirementInTheIntroduction:
    def test_data_that_must_be_given_is_the_provision_requirement(self) -> None:
        """'Kontaktuppgifterna måste lämnas vid köp' before the first heading."""
        text = (
            "Dataskyddsbeskrivning\n\n"
            "Kontakt- och betaluppgifterna måste lämnas vid köp i vår webbutik.\n\n"
            "Personuppgiftsansvarig\n\nFiskboden Ab, Hamngatan 1, 65100 Vasa\n"
        )
        assert _fields_of(text, "Kontakt- och betal") == {"provision_requirement"}
