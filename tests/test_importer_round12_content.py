"""Importer round 12 (T3): text filed by what it says when its heading's layout does not tell.

Fictional notices written for these tests (no fixture's words).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._content import fields_said


def _headings(text: str) -> dict[str, str]:
    """Each heading's text → the field it was read as."""
    result = import_notice(text)
    return {
        " ".join(result.text[m.start : m.end].split()): m.field.removeprefix("heading:")
        for m in result.mapped
        if m.field.startswith("heading:")
    }


def _fields_of(text: str, words: str) -> set[str]:
    """The fields the span(s) holding *words* went to."""
    result = import_notice(text)
    at = result.text.index(words)
    return {m.field for m in result.mapped if m.start <= at < m.end}


_BULLETED = (
    "Tietosuojaseloste – Kahvila Pikkuleipä Oy\n\n"
    "• Rekisterinpitäjä\n"
    "Kahvila Pikkuleipä Oy, Kauppakatu 1, 00100 Helsinki, info@example.fi\n\n"
    "• Mihin tietoja käytetään\n"
    "Asiakkaan tietoja käytetään kanta-asiakassuhteen hoitoon ja laskutukseen.\n\n"
    "• Tietojen säilyttäminen\n"
    "Tietoja säilytetään kaksi vuotta asiakkuuden päättymisestä.\n"
)

_ENGLISH = (
    "Privacy notice of Harbour Kayaks Ltd\n\n"
    "- Why we use your data\n"
    "We use your data to handle bookings and to send invoices.\n\n"
    "- Keeping your data\n"
    "We keep booking data for six years because the accounting act requires it.\n\n"
    "- Keeping data safe\n"
    "Our booking system is protected by a firewall and every user has a password.\n"
)


class TestLoneEntryOverParagraph:
    def test_bullet_naming_a_field_over_text_on_it_is_a_heading(self) -> None:
        """A bullet alone whose words and paragraph agree heads that paragraph."""
        headings = _headings(_BULLETED)
        assert headings["• Mihin tietoja käytetään"] == "purposes"
        assert headings["• Tietojen säilyttäminen"] == "retention"
        assert _fields_of(_BULLETED, "Asiakkaan tietoja käytetään") == {"purposes"}

    def test_other_lone_bullets_of_that_mark_head_their_text_too(self) -> None:
        """Once a mark heads a paragraph, its other lone entries do: no text under the wrong field.

        "Keeping your data" names no field and its sentence has no cue: it is not
        left under the purposes heading above it.
        """
        headings = _headings(_ENGLISH)
        assert headings["- Why we use your data"] == "purposes"
        assert "purposes" not in "".join(_fields_of(_ENGLISH, "We keep booking data"))
        assert _fields_of(_ENGLISH, "Our booking system") == {"security"}

    def test_words_without_agreeing_text_leave_the_entry_in_its_list(self) -> None:
        """Words naming a field over a paragraph that does not speak of it: still an entry."""
        text = (
            "Rekisterin käyttötarkoitus\n\n"
            "Tietoja käytetään jäsenyyden hoitoon.\n\n"
            "- Kuinka kauan tietoja pidetään\n"
            "Jäsenmaksut laskutetaan kerran vuodessa.\n"
        )
        assert "- Kuinka kauan tietoja pidetään" not in _headings(text)

    def test_entries_of_a_list_after_a_lead_in_stay_entries(self) -> None:
        """A lead-in's entry, or an entry after another, is never a heading."""
        text = (
            "Rekisterin käyttötarkoitus\n\n"
            "Tietoja käytetään seuraaviin tarkoituksiin:\n"
            "- Tietojen säilytys arkistossa\n"
            "Tietoja säilytetään viisi vuotta.\n"
        )
        assert "- Tietojen säilytys arkistossa" not in _headings(text)

    def test_a_part_of_the_same_field_changes_nothing(self) -> None:
        """A lone entry naming the section's own field stays an entry of it."""
        text = (
            "Tietoturva\n\n"
            "Rekisteriä käsittelevät vain nimetyt työntekijät.\n\n"
            "• Tietoturva palvelimella\n"
            "Palvelin on suojattu palomuurilla ja salasanoin.\n"
        )
        assert "• Tietoturva palvelimella" not in _headings(text)
        assert _fields_of(text, "Palvelin on suojattu") == {"security"}


_PARTY_THEN_PROSE = (
    "Tietosuojaseloste\n\n"
    "Rekisterinpitäjä\n"
    "Pyöräkorjaamo Vanne Oy\n"
    "Pajakatu 3, 33100 Tampere\n"
    "vanne@example.fi\n\n"
    "Asiakasrekisteri on palvelimella, joka on suojattu palomuurilla ja salasanoin. "
    "Vain kaksi nimettyä työntekijää pääsee tarkastelemaan näitä tietoja.\n"
)


class TestPartySectionEndsBeforeProse:
    def test_prose_on_another_field_leaves_the_party_and_is_read_as_one_text(self) -> None:
        """A paragraph on security under the controller's block: its sentences go on together.

        The second sentence has no cue word of its own; read as the paragraph's
        continuation it goes with the first, not to the description.
        """
        assert _fields_of(_PARTY_THEN_PROSE, "Asiakasrekisteri on palvelimella") == {"security"}
        assert _fields_of(_PARTY_THEN_PROSE, "Vain kaksi nimettyä") == {"security"}

    def test_the_party_keeps_its_own_lines(self) -> None:
        """The controller's name, address and e-mail stay the controller's."""
        result = import_notice(_PARTY_THEN_PROSE)
        controller = result.draft.controller
        assert controller.name == "Pyöräkorjaamo Vanne Oy"
        assert controller.address is not None
        assert controller.address.postal_code == "33100"

    def test_a_paragraph_with_the_party_details_stays_in_the_party(self) -> None:
        """Prose that gives a channel is the party's ("… reach us at x@example.fi …")."""
        from rekisteri.importer._agree import _other_field_prose
        from rekisteri.importer._structure import Piece

        text = "Tietoturvaan liittyvissä asioissa meidät tavoittaa osoitteesta apu@example.fi."
        assert not _other_field_prose(text, Piece("para", 0, len(text), [(0, len(text))]))
        prose = "Rekisteri on suojattu palomuurilla ja salasanoin kaikissa tilanteissa."
        assert _other_field_prose(prose, Piece("para", 0, len(prose), [(0, len(prose))]))


_QUESTIONS_ON_ONE_LINE = (
    "Privacy notice, Harbour Kayaks Ltd\n\n"
    "What do we use the data for? We use your data to handle bookings and to send invoices.\n\n"
    "How long do we keep it? We keep booking data for six years because the law requires it.\n\n"
    "How is it protected? Our booking system is protected by a firewall and passwords.\n"
)

_DASH_LABELS = (
    "Tietosuojaseloste, Kahvila Pikkuleipä Oy\n\n"
    "Käyttötarkoitus – Asiakkaan tietoja käytetään tilausten toimittamiseen ja laskutukseen.\n\n"
    "Luovutukset – Tietoja ei luovuteta ulkopuolisille, paitsi viranomaisille lain vaatiessa.\n\n"
    "Suojaus – Tiedot ovat palvelimella, joka on suojattu palomuurilla ja salasanoin.\n"
)


class TestHeadingGluedToItsText:
    def test_a_question_naming_a_field_heads_its_answer_on_the_same_line(self) -> None:
        """A question and its answer on one line: the question is the heading, the rest its text."""
        headings = _headings(_QUESTIONS_ON_ONE_LINE)
        assert headings["What do we use the data for?"] == "purposes"
        assert headings["How long do we keep it?"] == "retention"
        assert headings["How is it protected?"] == "security"
        assert _fields_of(_QUESTIONS_ON_ONE_LINE, "We keep booking data") == {"retention"}

    def test_a_question_naming_no_field_stays_in_its_paragraph(self) -> None:
        """A question whose words name no field is the paragraph's first sentence."""
        text = "Rekisterin käyttötarkoitus\n\nEntä sitten? Tietoja käytetään laskutukseen.\n"
        assert "Entä sitten?" not in _headings(text)

    def test_a_label_before_a_dash_heads_its_text(self) -> None:
        """A heading of the table glued to its text by a dash ("Luovutukset – Tietoja …")."""
        headings = _headings(_DASH_LABELS)
        assert headings["Luovutukset –"] == "recipients"
        assert headings["Suojaus –"] == "security"
        assert _fields_of(_DASH_LABELS, "Tietoja ei luovuteta") == {"recipients"}

    def test_a_name_before_a_dash_is_no_heading(self) -> None:
        """A firm's name before a dash names no field: the line stays whole."""
        text = "Rekisterinpitäjä\n\nKahvila Pikkuleipä Oy – Kauppakatu 1, 00100 Helsinki\n"
        assert all("Pikkuleipä" not in heading for heading in _headings(text))


class TestActiveVoiceContentSignal:
    @pytest.mark.parametrize(
        ("sentence", "field"),
        [
            ("Säilytämme kirjanpitoaineiston kymmenen vuotta.", "retention"),
            ("We keep booking data for six years.", "retention"),
            ("Vi sparar uppgifterna i tre år.", "retention"),
            ("Luovutamme tietoja Verohallinnolle lain vaatiessa.", "recipients"),
            ("We share your data with our accountant.", "recipients"),
            ("Saamme tiedot asiakkaalta itseltään.", "sources"),
            ("We get the data from you when you book.", "sources"),
            ("Vi får uppgifterna av medlemmen.", "sources"),
            ("We collect your name and e-mail address.", "data_categories"),
            ("Vi samlar in namn och adress.", "data_categories"),
            ("Käsittely perustuu asiakassopimukseen.", "purposes"),
            ("Personal data is processed to manage the club membership.", "purposes"),
            ("Tietoja käsitellään jäsenyyden hoitamiseksi.", "purposes"),
            ("Our booking system is protected by a firewall.", "security"),
            ("You have the right to see your data.", "other_rights"),
        ],
    )
    def test_a_sentence_in_the_active_voice_names_its_field(
        self, sentence: str, field: str
    ) -> None:
        """The first person, Swedish and English say a field in the active voice."""
        assert {kind.value for kind in fields_said(sentence.casefold())} == {field}

    @pytest.mark.parametrize(
        "sentence",
        [
            "We keep you informed about our courses.",
            "Vi sparar energi i klubbhuset.",
            "We share a love of kayaking.",
            "Käsittelemme asiat kokouksessa.",
            "Data are processed to the extent needed.",
            "Tiedot käsitellään luottamuksellisesti.",
        ],
    )
    def test_a_verb_alone_names_no_field(self, sentence: str) -> None:
        """A verb with nothing tying it to a field (a period, a recipient, data) decides nothing."""
        assert fields_said(sentence.casefold()) == set()

    def test_a_data_list_keeps_a_two_part_heading_on_the_data(self) -> None:
        """A list of data under "What data … and where from?" holds the heading on the data.

        A sentence on the source alone does not move the whole section, list and
        all, to the sources.
        """
        text = (
            "Privacy notice of Harbour Kayaks Ltd\n\n"
            "What data do we process and where do we get them?\n\n"
            "We get the data from you when you book a tour.\n\n"
            "- Contact details: name, e-mail address and phone number\n"
            "- Booking details: tour, date and number of people\n"
        )
        assert _headings(text)["What data do we process and where do we get them?"] == (
            "data_categories"
        )

    def test_outside_any_known_section_an_active_sentence_is_read_by_its_words(self) -> None:
        """A notice without headings: "Luovutamme …" goes to the recipients, not the description."""
        text = (
            "Tietosuojaseloste – Tilitoimisto Saldo Oy\n\n"
            "Luovutamme tietoja Verohallinnolle lain edellyttämällä tavalla.\n\n"
            "We keep booking data for six years because the law requires it.\n"
        )
        assert _fields_of(text, "Luovutamme tietoja") == {"recipients"}
        assert _fields_of(text, "We keep booking data") == {"retention"}

    def test_an_active_statement_leaves_its_section_as_a_passive_one_does(self) -> None:
        """Under the purposes, "We keep … for six years" is retention, as "Data are kept …" is."""
        text = (
            "Purposes of processing\n\n"
            "We use your data to handle bookings. "
            "We keep booking data for six years because the law requires it. "
            "We share your data with our accountant only.\n"
        )
        assert _fields_of(text, "We keep booking data") == {"retention"}
        assert _fields_of(text, "We share your data") == {"recipients"}


class TestNumberedLabelLines:
    def test_a_label_numbered_next_heads_its_value_whatever_the_table_knows(self) -> None:
        """A label numbered next ("4. Luovutus: …") is read by its words after the number."""
        text = (
            "TIETOSUOJASELOSTE\n"
            "1. Rekisterinpitäjä: Tilitoimisto Saldo Oy, Asemakatu 4, 40100 Jyväskylä\n"
            "2. Tietojen käyttö: Tietoja käytetään kirjanpitopalvelujen tuottamiseen.\n"
            "3. Lähteet: Tiedot saadaan asiakkaalta itseltään.\n"
            "4. Luovutus: Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.\n"
            "5. Suojaus: Tiedot on tallennettu järjestelmään, joka on suojattu salasanoin.\n"
        )
        headings = _headings(text)
        assert headings["2. Tietojen käyttö:"] == "purposes"
        assert headings["4. Luovutus:"] == "recipients"
        assert headings["5. Suojaus:"] == "security"
        assert _fields_of(text, "Tietoja luovutetaan Verohallinnolle") == {"recipients"}

    def test_a_numbered_list_entry_with_a_label_stays_an_entry(self) -> None:
        """A list's "1. Nimi: …" under the data heading is no heading: not numbered next."""
        text = (
            "5. Rekisterin tietosisältö\n\n"
            "Rekisteriin tallennetaan seuraavat tiedot:\n"
            "1. Yhteystiedot: nimi, osoite ja puhelinnumero\n"
            "2. Laskutus: tilinumero\n"
        )
        assert "2. Laskutus:" not in _headings(text)


class TestActivePurposes:
    def test_a_purpose_said_in_the_first_person_outside_a_heading_is_a_purpose(self) -> None:
        """A first-person purpose with no heading over it is a purpose, named from its -ksi form."""
        result = import_notice(
            "Tietosuojaseloste – Tilitoimisto Saldo Oy\n\n"
            "Käsittelemme asiakkaiden henkilötietoja kirjanpitopalvelujen tuottamiseksi.\n"
        )
        assert [purpose.name.fi for purpose in result.draft.purposes] == [
            "Kirjanpitopalvelujen tuottaminen"
        ]


class TestCookiesSaid:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Käytämme evästeitä kävijämäärien seurantaan.",
            "Vi använder kakor för statistik.",
            "We use cookies to count visits.",
        ],
    )
    def test_outside_any_section_a_cookie_sentence_is_the_cookie_policy(
        self, sentence: str
    ) -> None:
        """A sentence on the cookies used, with no heading over it, is no longer unmapped."""
        assert _fields_of(f"Notice\n\n{sentence}\n", sentence[:12]) == {"cookie_policy"}


class TestGluedHeadingOverASentence:
    def test_a_glued_heading_whose_sentence_speaks_of_its_field_is_taken(self) -> None:
        """A glued heading alone in its block over a sentence on its field is a heading."""
        text = (
            "Rekisterin käyttötarkoitus\n\n"
            "Tietoja käytetään kanta-asiakassuhteen hoitoon ja laskutukseen.\n\n"
            "Säilytysaika Tietoja säilytetään kaksi vuotta asiakkuuden päättymisestä.\n"
        )
        assert _headings(text)["Säilytysaika"] == "retention"

    def test_a_glued_heading_over_a_bare_value_stays_its_sections_text(self) -> None:
        """A glued heading over a bare value ("Säilytysaika 5 vuotta.") stays the section's text."""
        text = (
            "Rekisterin käyttötarkoitus\n\n"
            "Tietoja käytetään kanta-asiakassuhteen hoitoon ja laskutukseen.\n\n"
            "Säilytysaika 5 vuotta.\n"
        )
        assert "Säilytysaika" not in _headings(text)


class TestSectionEndsBeforeDisagreeingProse:
    def test_two_sentences_on_another_field_leave_the_section(self) -> None:
        """Under the retention, a paragraph of two security sentences is read as security."""
        text = (
            "Säilytysaika\n\n"
            "Tietoja säilytetään kaksi vuotta asiakkuuden päättymisestä.\n\n"
            "Palvelin on suojattu palomuurilla. Käyttö edellyttää henkilökohtaista salasanaa.\n"
        )
        assert _fields_of(text, "Palvelin on suojattu") == {"security"}
        assert _fields_of(text, "Käyttö edellyttää") == {"security"}

    def test_a_paragraph_that_also_speaks_of_the_section_stays(self) -> None:
        """A paragraph with one sentence on the section's own field stays in the section."""
        text = (
            "Tietoturva\n\n"
            "Rekisteriä käsittelevät vain nimetyt työntekijät.\n\n"
            "Paperit säilytetään lukitussa kaapissa. Tiedot poistetaan kahden vuoden kuluttua.\n"
        )
        assert _fields_of(text, "Paperit säilytetään") == {"security"}


class TestHeadingWordsFromTheLaw:
    @pytest.mark.parametrize(
        ("heading", "field"),
        [
            ("Tietojen siirrettävyys", "other_rights"),
            ("Restriction of processing", "other_rights"),
            ("Begränsning av behandling", "other_rights"),
            ("Tekniset ja organisatoriset toimenpiteet", "security"),
            ("Technical and organisational measures", "security"),
            ("Keeping data safe", "security"),
            ("Keeping your data", "retention"),
            ("Arkistointi ja hävittäminen", "retention"),
            ("Where we get your data", "sources"),
            ("Ota yhteyttä", "contact_person"),
        ],
    )
    def test_a_heading_in_the_regulations_words_names_its_field(
        self, heading: str, field: str
    ) -> None:
        """GDPR terms (arts. 18, 20, 32) and plain phrasings name their field."""
        from rekisteri.importer._headings import guess

        kind = guess(heading)
        assert kind is not None
        assert kind.value == field

    @pytest.mark.parametrize(
        "line", ["Ratsastuksen turvallisuus", "We keep these kinds of data, as the work needs:"]
    )
    def test_safety_and_a_lead_in_name_no_field_by_these_words(self, line: str) -> None:
        """Physical safety is no data security; "we keep these data:" leads in to data."""
        from rekisteri.importer._headings import SectionKind, guess

        assert guess(line) not in {SectionKind.SECURITY, SectionKind.RETENTION}
