"""Review R4 (session 12): fictional notices where this session's importer rules misfire."""

from __future__ import annotations

from rekisteri.importer import import_notice


def _fields_of(text: str, words: str) -> set[str]:
    """The fields the span(s) holding *words* went to."""
    result = import_notice(text)
    at = result.text.index(words)
    return {m.field.split("[")[0] for m in result.mapped if m.start <= at < m.end}


_PURPOSE_TOPICS = (
    "Rekisterinpitäjä\n\nKahvila Kaneli Oy\nKahvikuja 3, 00100 Helsinki\n\n"
    "Henkilötietojen käsittelyn tarkoitus\n\n"
    "Käsittelemme asiakkaidemme tietoja useaan tarkoitukseen.\n\n"
    "- Asiakassuhteen hoitaminen\n"
    "Hoidamme asiakassuhdetta ja vastaamme asiakkaiden yhteydenottoihin.\n\n"
    "- Kanta-asiakasohjelma\n"
    "Kanta-asiakkaat saavat etuja ostoksistaan, ja pidämme kirjaa ostoista.\n\n"
    "- Tietojen luovuttaminen yhteistyökumppaneille\n"
    "Tietoja luovutetaan yhteistyökumppaneille markkinointia varten, jos asiakas on "
    "antanut siihen luvan.\n\n"
    "Rekisterin tietosisältö\n\nNimi, puhelinnumero ja sähköpostiosoite.\n"
)


class TestLoneEntriesUnderARealHeading:
    def test_sibling_entries_of_a_purposes_section_stay_its_parts(self) -> None:
        """R4-1: one entry over a disclosure text does not make its siblings headings of none."""
        assert _fields_of(_PURPOSE_TOPICS, "Hoidamme asiakassuhdetta") == {"purposes"}
        assert _fields_of(_PURPOSE_TOPICS, "Kanta-asiakkaat saavat") == {"purposes"}
        assert import_notice(_PURPOSE_TOPICS).unmatched == ()

    def test_the_entry_naming_another_field_still_heads_its_text(self) -> None:
        """The entry whose words and text agree on another field still heads its text."""
        assert _fields_of(_PURPOSE_TOPICS, "Tietoja luovutetaan") == {"recipients"}


_DATA_PARTS = (
    "Privacy notice of Harbour Kayaks Ltd\n\nController\n\nHarbour Kayaks Ltd\n"
    "info@kayaks.example\n\nWhat personal data we collect\n\n"
    "Account details\n\nYour name, e-mail address and phone number.\n\n"
    "Purchases\n\nWhat you have bought from us and when.\n\n"
    "Survey answers\n\nYour answers to our customer surveys.\n\n"
    "Messages\n\nMessages you send to customer service.\n\n"
    "Why we use your data\n\nWe use your data to deliver orders.\n"
)


class TestDataPartsWithoutAnItemWord:
    def test_short_phrases_of_what_is_kept_stay_data_categories(self) -> None:
        """R4-6: 'Purchases', 'Survey answers', 'Messages' are data, not the end of the parts."""
        result = import_notice(_DATA_PARTS)
        assert result.unmatched == ()
        for phrase in ("What you have bought", "Your answers", "Messages you send"):
            assert any(f.startswith("data_categories") for f in _fields_of(_DATA_PARTS, phrase))


_DATA_TOPICS_EN = (
    "Controller\n\nHarbour Kayaks Ltd, 1 Quay Street, 00100 Helsinki\n\n"
    "What data we collect\n\nWe collect the following kinds of data.\n\n"
    "- Booking details\nThe trips you have booked and the dates of your trips.\n\n"
    "- Health information\nAny allergies or conditions you tell us about before a trip.\n\n"
    "- How long we keep it\n"
    "Booking data are kept for six years because the accounting act requires it.\n"
)


class TestLoneEntriesUnderADataHeading:
    def test_data_bullets_stay_data_when_a_later_bullet_is_retention(self) -> None:
        """R4-1 in English: the retention bullet heads its text, the data bullets stay data."""
        assert _fields_of(_DATA_TOPICS_EN, "The trips you have booked") == {"data_categories"}
        assert _fields_of(_DATA_TOPICS_EN, "Any allergies") == {"data_categories"}
        assert _fields_of(_DATA_TOPICS_EN, "Booking data are kept") == {"retention"}


_QUESTION_INSIDE_PURPOSES = (
    "Rekisterinpitäjä\n\nKahvila Kaneli Oy, Kahvikuja 3, 00100 Helsinki\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen ja laskutukseen.\n\n"
    "Kuinka kauan tietoja säilytetään? Tietoja säilytetään kaksi vuotta asiakkuuden "
    "päättymisestä.\n\n"
    "Lähetämme uutiskirjeen vain asiakkaille, jotka ovat antaneet siihen suostumuksen.\n\n"
    "Tietoja käytetään myös asiakaspalautteen keräämiseen.\n"
)


class TestGluedHeadingInsideASection:
    def test_the_glued_heading_heads_its_paragraph_only(self) -> None:
        """R4-15: the purposes section resumes after the glued question's answer."""
        text = _QUESTION_INSIDE_PURPOSES
        assert _fields_of(text, "Tietoja säilytetään kaksi") == {"retention"}
        assert _fields_of(text, "Lähetämme uutiskirjeen") == {"purposes"}
        assert _fields_of(text, "asiakaspalautteen") == {"purposes"}


_CONTACT_WITH_PROSE = (
    "Rekisterinpitäjä\n\nKahvila Kaneli Oy\n\n"
    "Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
    "Maija Mäki, toimistopäällikkö\n\n"
    "Tarkastusoikeuden käyttämistä koskevat pyynnöt on tehtävä kirjallisesti ja "
    "allekirjoitettuina alla olevaan osoitteeseen.\n\n"
    "Kahvikuja 3\n00100 Helsinki\npuh. 040 123 4567\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
)


class TestPartyBlockAfterProse:
    def test_the_contact_keeps_the_address_under_its_prose(self) -> None:
        """R4-2: prose inside a party's section does not take the party's later lines away."""
        result = import_notice(_CONTACT_WITH_PROSE)
        assert "description" not in _fields_of(_CONTACT_WITH_PROSE, "Kahvikuja 3")
        person = result.draft.contact_person
        assert person is not None
        assert person.phone is not None


_RETENTION_INSIDE_PURPOSES = (
    "Rekisterinpitäjä\n\nKahvila Kaneli Oy, Kahvikuja 3, 00100 Helsinki\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen ja laskutukseen.\n\n"
    "Tilaustietoja säilytetään kuusi vuotta kirjanpitolain vuoksi. "
    "Muut tiedot poistetaan kahden vuoden kuluttua.\n\n"
    "Lisäksi lähetämme kanta-asiakkaille uutiskirjeen ja tarjouksia.\n\n"
    "Kanta-asiakasohjelman edut lasketaan ostojen perusteella.\n"
)


class TestSectionResumesAfterOtherFieldsProse:
    def test_purposes_after_a_retention_paragraph_stay_purposes(self) -> None:
        """R4-16: the paragraphs after the retention one are the purposes' again."""
        text = _RETENTION_INSIDE_PURPOSES
        assert _fields_of(text, "Tilaustietoja säilytetään") == {"retention"}
        assert "description" not in _fields_of(text, "Lisäksi lähetämme")
        assert "description" not in _fields_of(text, "Kanta-asiakasohjelman edut")


_MANAGER_BLOCK = (
    "Kahvila Kaneli Oy:n asiakasrekisterin tietosuojaseloste\n\n"
    "Yhteyshenkilö rekisteriä koskevissa asioissa\n\n"
    "Isännöintitoimisto Avain Oy\nKauppakatu 5, 40100 Jyväskylä\nisannointi@avain.example\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään asukkaiden tiedottamiseen.\n"
)


_SENTENCE_BLOCK = (
    "Tietosuojaseloste\n\nRekisterin nimi\n\nAsukasrekisteri\n\nYhteydenotot\n\n"
    "Tilitoimisto Numero Oy hoitaa rekisteriä taloyhtiön puolesta.\n"
    "Tilitoimisto Numero Oy\nKauppakatu 5, 40100 Jyväskylä\ninfo@numero.example\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään asukkaiden tiedottamiseen.\n"
)


class TestBodyBlockUnderContactHeading:
    def test_the_title_names_the_controller_before_a_contact_block_does(self) -> None:
        """R4-4: the firm the title names stays the controller; the manager's block does not."""
        assert import_notice(_MANAGER_BLOCK).draft.controller.name == "Kahvila Kaneli Oy"

    def test_a_sentence_is_no_body_name(self) -> None:
        """R4-4: 'X Oy hoitaa rekisteriä …' is never the controller's name."""
        name = import_notice(_SENTENCE_BLOCK).draft.controller.name
        assert name is None or "hoitaa" not in name


_INTRODUCTION = (
    "Privacy notice\n\nThis notice describes how Harbour Kayaks Ltd handles personal data. "
    "The booking service is provided by Harbour Kayaks Ltd. Your privacy is protected by law. "
    "Priority is given to safety in everything we do. "
    "You can ask us for more information at any time.\n\n"
    "Controller\n\nHarbour Kayaks Ltd\n1 Quay Street, 00100 Helsinki\ninfo@kayaks.example\n\n"
    "Purpose of processing\n\nWe use the data to handle bookings.\n"
)


class TestActiveVoiceOutsideSections:
    def test_an_introduction_that_names_no_data_stays_the_description(self) -> None:
        """R4-7: 'provided by', 'protected by law', 'is given to', 'you can ask' file nothing."""
        for phrase in ("is provided by", "protected by law", "Priority is given", "You can ask"):
            assert _fields_of(_INTRODUCTION, phrase) == {"description"}, phrase

    def test_a_sentence_on_the_data_is_still_read(self) -> None:
        """The commit's own shape: a retention sentence in the first person names its data."""
        from rekisteri.importer._content import data_fields_said

        assert {k.value for k in data_fields_said("we keep booking data for six years.")} == {
            "retention"
        }


_PURPOSE_SENTENCES = (
    "Privacy notice of Harbour Kayaks Ltd\n\nController\n\nHarbour Kayaks Ltd\n"
    "info@kayaks.example\n\nPurpose of processing\n\nWe use your data to handle bookings. "
    "We give members a loyalty card to collect points. "
    "We keep you informed about new routes until you unsubscribe.\n"
)


class TestActiveVoiceInsideSections:
    def test_a_purpose_that_names_no_data_stays_in_its_section(self) -> None:
        """R4-9: 'We give … to', 'We keep you informed … until' are no disclosure or retention."""
        for phrase in ("We give members", "We keep you informed"):
            fields = {f.split("[")[0] for f in _fields_of(_PURPOSE_SENTENCES, phrase)}
            assert fields == {"purposes"}, phrase


_GUESSED_PURPOSES = (
    "Privacy notice of Harbour Kayaks Ltd\n\nController\n\nHarbour Kayaks Ltd\n"
    "info@kayaks.example\n\nWhy we ask for your details\n\n"
    "We give members a loyalty card to collect points. Members are given a discount to our "
    "summer events. We keep you informed about new routes until you unsubscribe.\n\n"
    "Your rights\n\nYou have the right to see your data.\n"
)


class TestActiveVoiceSectionVotes:
    def test_a_guessed_purposes_section_is_not_moved_by_give_to(self) -> None:
        """R4-13: 'We give … to', 'are given … to' vote no purposes section into recipients."""
        result = import_notice(_GUESSED_PURPOSES)
        assert "recipients" not in {kind for _, _, kind in result.sections}


class TestJoinedNumbersNoStreet:
    def test_a_page_or_hours_number_is_no_street(self) -> None:
        """R4-8: 'Asiakaspalvelu 24/7' and a PDF's 'Sivu 2/3' are not the controller's street."""
        for line in ("Asiakaspalvelu 24/7, puh. 040 123 4567", "Sivu 2/3"):
            text = (
                f"Rekisterinpitäjä\n\nKahvila Kaneli Oy\n{line}\nPL 12, 00101 Helsinki\n\n"
                "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen.\n"
            )
            address = import_notice(text).draft.controller.address
            assert address is not None
            assert address.street is None, line

    def test_a_street_with_two_numbers_is_still_read(self) -> None:
        """The commit's shapes after a street's word: 'Mäkitie 3/5', 'Kauppakatu 17+18A'."""
        from rekisteri.importer._contact import parse_line

        for line in ("Esimerkki ry, Mäkitie 3/5, 00100 Helsinki", "Kauppakatu 17 & 19"):
            assert "street" in {part.field for part in parse_line(line, 0, len(line))}, line


_RECIPIENT_ADDRESS = (
    "Tietosuojaseloste\n\nRekisterin käyttötarkoitus\n\n"
    "Tietoja käytetään jäsenyyden hoitamiseen ja jäsenmaksujen laskuttamiseen.\n\n"
    "Tietojen luovutus\n\nTietoja luovutetaan laskutusta varten.\n"
    "Perintätoimisto Saatava Oy, Konesalikatu 1, 02100 Espoo\n"
)


class TestThirdPartyAddress:
    def test_a_recipients_line_names_no_controller(self) -> None:
        """R4-5: a recipient's name and address are not the controller's.

        (The supervisory authority's address under a complaint text still is, as before
        0602bc8: the rights' text is left to the fallback, see the commit.)
        """
        controller = import_notice(_RECIPIENT_ADDRESS).draft.controller
        assert controller.name is None
        assert controller.address is None


class TestTitleAfterDocumentWord:
    def test_a_part_or_version_of_the_document_is_no_register_name(self) -> None:
        """R4-3: what names the document, its part, or speaks to the reader is no name."""
        from rekisteri.importer._register_name import title_register_name

        for title in (
            "Tietosuojaseloste – yleinen osa",
            "Tietosuojaseloste – tietosuoja-asetuksen mukainen seloste",
            "Dataskyddsbeskrivning – allmän del",
            "Privacy notice – how we use your data",
            "Privacy notice - summary for customers",
            "Tietosuojaseloste: päivitetty viimeksi toukokuussa",
            "Dataskyddsbeskrivning: senast uppdaterad i maj",
        ):
            assert title_register_name(title) is None, title

    def test_a_processing_after_the_document_word_is_still_named(self) -> None:
        """The commit's own shape still gives the processing's name."""
        from rekisteri.importer._register_name import title_register_name

        assert title_register_name("Tietosuojaseloste – kylän kirjaston lainaajat") == (
            "Kylän kirjaston lainaajat"
        )
