"""Importer round 10, structure: headings the splitter did not see (fictional notices)."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._runon import unwrapped


def _fields(text: str) -> dict[str, str]:
    """Each heading's text → the field it was read as."""
    result = import_notice(text)
    return {
        " ".join(result.text[m.start : m.end].split()): m.field.removeprefix("heading:")
        for m in result.mapped
        if m.field.startswith("heading:")
    }


_NUMBERED_PAGE = (
    "REKISTERISELOSTE Laadittu 1.2.2020 1. Rekisterin nimi Kerhon jäsenrekisteri "
    "2. Rekisterinpitäjä Lintukerho Tikka ry Kuusitie 4, 40100 Jyväskylä "
    "3. Rekisterin käyttötarkoitus Tietoja käytetään jäsenyyden hoitoon ja jäsenmaksujen "
    "perintään sekä kerhon tiedotteiden lähettämiseen jäsenille sähköpostilla tai kirjeellä. "
    "4. Rekisterin tietosisältö Jäsenen nimi, osoite, sähköpostiosoite ja liittymisvuosi. "
    "5. Säännönmukaiset tietolähteet Tiedot saadaan jäseneltä itseltään liittymisen yhteydessä. "
    "6. Tietojen luovutukset Tietoja ei luovuteta kerhon ulkopuolelle."
)

_UNNUMBERED_PAGE = (
    "Registerbeskrivning Registerhållare Båtklubben Måsen rf Hamnvägen 2, 10600 Ekenäs "
    "Registrets namn Båtklubbens medlemsregister Registrets innehåll Medlemmens namn, adress "
    "och båtplats samt uppgifter om betalda avgifter och om nycklar till klubbhuset. "
    "Regelmässiga uppgiftskällor Uppgifterna fås av medlemmen själv när hen ansöker om "
    "medlemskap och när hen meddelar ändringar till klubbens sekreterare per e-post."
)


class TestRunOnText:
    def test_numbered_headings_of_a_page_long_line_start_lines(self) -> None:
        """A PDF's page pasted as one line: each heading numbered in sequence starts a line."""
        text = unwrapped(_NUMBERED_PAGE)
        assert len(text) == len(_NUMBERED_PAGE)
        lines = text.splitlines()
        assert [line[:3] for line in lines[1:]] == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
        assert "Laadittu 1.2.2020" in lines[0]  # a date's dots are no heading's number

    def test_numbered_run_on_notice_is_read_by_its_headings(self) -> None:
        """The headings of a run-on notice name their fields, its text goes under them."""
        fields = _fields(_NUMBERED_PAGE)
        assert fields["2. Rekisterinpitäjä"] == "controller"
        assert fields["4. Rekisterin tietosisältö"] == "data_categories"
        assert fields["5. Säännönmukaiset tietolähteet"] == "sources"
        result = import_notice(_NUMBERED_PAGE)
        assert result.draft.controller.name == "Lintukerho Tikka ry"
        assert result.draft.name is not None
        assert result.draft.name.fi == "Kerhon jäsenrekisteri"

    def test_known_headings_glued_to_values_start_lines(self) -> None:
        """Unnumbered: a heading the table knows, followed by a capitalised value, starts a line."""
        text = unwrapped(_UNNUMBERED_PAGE)
        assert len(text) == len(_UNNUMBERED_PAGE)
        lines = text.splitlines()
        assert lines[0] == "Registerbeskrivning"
        assert [line for line in lines if line.startswith("Reg")] == [
            "Registerbeskrivning",
            "Registerhållare",
            "Registrets namn",
            "Registrets innehåll",
            "Regelmässiga uppgiftskällor",
        ]

    def test_a_list_numbered_inside_a_sentence_is_no_heading(self) -> None:
        """Numbers in a long paragraph whose entries name no heading leave the line alone."""
        line = (
            "Tietoja käytetään seuraaviin tarkoituksiin: 1. Laskujen lähettäminen asiakkaille "
            "2. Tilausten toimittaminen ja niiden seuranta 3. Asiakaspalvelu ja reklamaatioiden "
            "käsittely. " * 3
        )
        assert unwrapped(line) == line

    def test_ordinary_lines_are_left_alone(self) -> None:
        """A notice of short lines is not run-on, whatever its words."""
        text = "Rekisterin nimi Asiakasrekisteri\n\nRekisterinpitäjä Esimerkki Oy\n" * 3
        assert unwrapped(text) == text

    def test_a_phone_label_with_a_note_and_no_number_is_not_lost(self) -> None:
        """'Tfn (växel)' without its number is a label: it does not count as lost text."""
        from rekisteri.importer import to_toml
        from rekisteri.importer._evaluate import lost_passages

        result = import_notice(
            "Registeransvarig\nBåtklubben Måsen rf\nPB 7, 10600 EKENÄS Tfn (växel)\n\n"
            "Registrets namn\nMedlemsregister\n"
        )
        assert lost_passages(result, to_toml(result.draft, notes=result.notes)) == []


_OUTLINE = (
    "Tietosuojaseloste\n\n"
    "Kahvila Kaneli Oy, Myllykatu 3, 33100 Tampere, kahvila@kaneli.example.fi.\n\n"
    " 1. Mihin tietoja käytetään\n"
    "  1. Kanta-asiakasetujen hallintaan ja tilausten toimittamiseen.\n"
    " 2. Mitä tietoja keräämme\n"
    "  1. Nimi ja puhelinnumero.\n"
    "  2. Ostohistoria ja kerätyt leimat.\n"
    " 3. Kuinka kauan tietoja säilytetään\n"
    "  1. Tiedot poistetaan kahden vuoden kuluttua viimeisestä ostosta.\n"
)


class TestOutline:
    def test_outer_lines_of_a_two_depth_outline_are_headings(self) -> None:
        """Numbered lines over indented entries numbered from 1 again are the headings."""
        fields = _fields(_OUTLINE)
        assert fields["2. Mitä tietoja keräämme"] == "data_categories"
        assert fields["3. Kuinka kauan tietoja säilytetään"] == "retention"

    def test_numbered_list_with_sub_entries_is_no_outline_of_headings(self) -> None:
        """Entries with numbered sub-entries whose words name no field stay a list."""
        text = (
            "Rekisterin käyttötarkoitus\n\n"
            "Tietoja käytetään:\n"
            " 1. Laskutukseen\n"
            "  1. Laskun lähettäminen\n"
            " 2. Markkinointiin\n"
            "  1. Uutiskirje\n"
        )
        fields = _fields(text)
        assert list(fields.values()) == ["purposes"]


class TestHeadingWords:
    def test_data_of_a_kind_processed_names_the_data(self) -> None:
        """'Member Data Collected': one word qualifying the data still names the data."""
        from rekisteri.importer._headings import guess

        assert guess("6. Member Data Collected") == "data_categories"
        assert guess("Visitor data processed") == "data_categories"

    def test_a_summary_or_introduction_heads_the_description(self) -> None:
        """'Tiivistelmä', 'Allmänt', '1. General' head text about the notice (its description)."""
        for heading in ("Tiivistelmä", "Allmänt", "1. General", "Summary"):
            text = (
                f"{heading}\n\nKerho kerää jäsentensä tietoja jäsenrekisteriin.\n\n"
                "Rekisterin nimi\n\nJäsenrekisteri\n"
            )
            result = import_notice(text)
            fields = {m.field for m in result.mapped if m.start > len(heading) + 1}
            assert "description" in fields, heading
            assert result.draft.description is not None


class TestRunOnValues:
    def test_an_unnumbered_run_on_heading_stands_on_its_own_line(self) -> None:
        """A party's heading glued to a long value is put alone on its line, the value after."""
        lines = unwrapped(_UNNUMBERED_PAGE).splitlines()
        assert "Registerhållare" in lines
        assert "Båtklubben Måsen rf Hamnvägen 2, 10600 Ekenäs" in lines

    def test_two_names_of_one_heading_joined_by_a_bare_slash(self) -> None:
        """'X/Y' without spaces is a heading in two wordings; 'och/eller' is no such slash."""
        from rekisteri.importer._headings import recognise

        assert recognise("Registrets namn/Rekisterin nimi") == "name"
        assert recognise("Ändamålet med behandlingen/registrets användningsändamål") == "purposes"
        assert recognise("Namn och/eller adress") is None


_SUBHEADINGS = (
    "Tietosuojaseloste\n\n"
    "1. Rekisterinpitäjä\n\nSoutuseura Airo ry, Rantatie 8, 15100 Lahti\n\n"
    "2. Henkilötietojen käsittelyn tarkoitus\n\n"
    "Jäsenasiat\n\nJäsenten tietoja käsitellään jäsenmaksujen perimiseksi.\n\n"
    "Kilpailut\n\nKilpailijoiden nimet ilmoitetaan kilpailun järjestäjälle.\n\n"
    "3. Säilytysaika\n\nTiedot poistetaan vuoden kuluttua erosta.\n"
)


class TestSubheadings:
    def test_unnumbered_headings_under_an_empty_known_heading_are_its_parts(self) -> None:
        """Short headings of no field right under a heading with no text take its field."""
        fields = _fields(_SUBHEADINGS)
        assert fields["Jäsenasiat"] == "purposes"
        assert fields["Kilpailut"] == "purposes"
        assert fields["3. Säilytysaika"] == "retention"

    def test_a_heading_with_text_of_its_own_has_no_parts(self) -> None:
        """Under a heading whose section has text, an unknown heading is not one of its parts."""
        text = _SUBHEADINGS.replace(
            "tarkoitus\n\n", "tarkoitus\n\nTietoja käsitellään seuran toiminnassa.\n\n"
        )
        assert _fields(text).get("Kilpailut") != "purposes"


class TestMoreHeadingWords:
    def test_general_words_about_the_processing_head_the_notice_text(self) -> None:
        """'Yleistä henkilötietojen käsittelystä', 'Allmänt om …' are about the notice itself."""
        from rekisteri.importer._headings import recognise

        assert recognise("Yleistä henkilötietojen käsittelystä") == "title"
        assert recognise("Allmänt om behandlingen av personuppgifter") == "title"
        assert recognise("General information about this notice") == "title"

    def test_the_person_responsible_or_who_handles_the_matters_is_the_contact(self) -> None:
        """'X-asioiden vastuuhenkilö', 'Kuka hoitaa rekisteriasioita' name the contact person."""
        from rekisteri.importer._headings import guess

        assert guess("Jäsenasioiden vastuuhenkilö") == "contact_person"
        assert guess("3. Kuka hoitaa rekisteriasioita") == "contact_person"
        assert guess("Dataskyddets ansvarsperson") == "contact_person"


class TestBulletOutline:
    def test_a_party_heading_over_entries_one_bullet_deeper(self) -> None:
        """'• Rekisterinpitäjä' over '• • Tmi …' heads the party's block; the name has no bullet."""
        text = (
            "Tietosuojaseloste\n\n"
            " • Rekisterinpitäjä\n • • Tmi Pia Koivula (Y-tunnus: 1572860-0)\n\n"
            " • Rekisterin yhteyshenkilö\n • • Pia Koivula\n • • Puhelin: 040 555 0199\n\n"
            " • Rekisterin nimi\n • • Asiakasrekisteri\n"
        )
        fields = _fields(text)
        assert fields["• Rekisterinpitäjä"] == "controller"
        assert fields["• Rekisterin yhteyshenkilö"] == "contact_person"
        result = import_notice(text)
        assert result.draft.controller.name == "Tmi Pia Koivula"


class TestPartyHeadingWords:
    def test_joint_controllership_and_questions_about_the_register(self) -> None:
        """Joint controllership names the controller, questions about the register the contact."""
        from rekisteri.importer._headings import guess

        assert guess("Yhteinen rekisterinpito ja kunkin vastuut") == "controller"
        assert guess("Joint controllership") == "controller"
        assert guess("3. Questions about the register") == "contact_person"


class TestRightsSaidWithAVerb:
    def test_numbered_sentences_on_rights_are_read_as_rights(self) -> None:
        """'N. Jokainen voi pyytää nähtäväkseen …' numbered as a heading: a right, not unread."""
        text = (
            "Tietosuojaseloste\n\n"
            "1. Rekisterinpitäjä\n\nTallikoulu Vilja, Hevostie 2, 61800 Kauhajoki\n\n"
            "2. Kerättävät tiedot\n\nOppilaan nimi ja puhelinnumero.\n\n"
            "3. Jokainen oppilas voi pyytää nähtäväkseen tiedot, jotka hänestä on kirjattu, "
            "ja pyytää korjaamaan niissä olevat virheet.\n\n"
            "4. Jos oppilas katsoo, että hänen tietojaan käsitellään lainvastaisesti, hän voi "
            "tehdä valituksen tietosuojavaltuutetulle.\n"
        )
        result = import_notice(text)
        fields = {m.field for m in result.mapped if result.text[m.start : m.end].startswith("Jo")}
        assert "rights_exercise" in fields or result.draft.rights


class TestSwedishRecorded:
    def test_sparas_without_a_period_is_what_is_recorded(self) -> None:
        """'Om kunden sparas namn …' under a data heading: data, not retention."""
        text = (
            "Dataskyddsbeskrivning\n\n"
            "1. Registeransvarig\n\nBokhandeln Pärmen Ab, Strandgatan 4, 68600 Jakobstad\n\n"
            "2. Vilka uppgifter behandlas\n\n"
            "Om kunden sparas namn, adress och e-postadress. "
            "Om beställningar sparas titel, pris och leveransdag.\n\n"
            "3. Hur länge uppgifterna sparas\n\n"
            "Uppgifterna raderas två år efter den senaste beställningen.\n"
        )
        fields = _fields(text)
        assert fields["2. Vilka uppgifter behandlas"] == "data_categories"
        assert fields["3. Hur länge uppgifterna sparas"] == "retention"


class TestGrund:
    def test_basic_data_is_no_legal_basis(self) -> None:
        """'Medlemmens grunduppgifter' names data; 'Rättslig grund' still names the purposes."""
        from rekisteri.importer._headings import guess

        assert guess("Medlemmens grunduppgifter:") == "data_categories"
        assert guess("Behandlingens rättsliga grunder") == "purposes"


class TestModelFormSwedish:
    def test_registered_persons_and_their_data_with_the_forms_hint(self) -> None:
        """The old form's 'Registrerade och uppgifter om dem (…)' heads the data, hint and all."""
        from rekisteri.importer._headings import recognise

        heading = (
            "4. Registrerade och uppgifter om dem (gruppen av registrerade och de uppgifter "
            "som hör samman med dem)"
        )
        assert recognise(heading) == "data_categories"


class TestNumberAboveHeading:
    def test_a_number_alone_over_a_heading_of_words_outside_the_table(self) -> None:
        """'3.' / blank / 'Dataskyddsansvarig': the number and the line under it are one heading."""
        text = (
            "1.\n\nRegisteransvarig\n\nKörföreningen Stämman rf\nPB 12, 00101 Helsingfors\n\n"
            "2.\n\nRegistrets namn\n\nMedlemsregister\n\n"
            "3.\n\nDataskyddsansvarig\n\nStyrelsemedlem Eva Exempel\neva@stamman.example.fi\n"
        )
        result = import_notice(text)
        headings = [
            " ".join(result.text[m.start : m.end].split())
            for m in result.mapped
            if m.field == "heading:dpo"
        ]
        assert headings == ["3. Dataskyddsansvarig"]


class TestNameAndSecondField:
    def test_lines_after_the_name_are_read_by_the_headings_second_field(self) -> None:
        """'Rekisterin nimi ja käyttötarkoitus': the name, then the purposes."""
        text = (
            "Rekisterinpitäjä\n\nLeipomo Ruis Oy, Myllytie 1, 40100 Jyväskylä\n\n"
            "Rekisterin nimi ja käyttötarkoitus\n\nKanta-asiakasrekisteri\n\n"
            "Kanta-asiakasetujen hallinta ja tilausten toimittaminen.\n"
        )
        result = import_notice(text)
        assert result.draft.name is not None
        assert result.draft.name.fi == "Kanta-asiakasrekisteri"
        assert result.draft.purposes
