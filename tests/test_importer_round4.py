"""Importer round 4 (issue 15): purpose names, lead-ins, contact-only Y-tunnus, unseen layouts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisteri.importer import import_bytes
from rekisteri.importer._finnish import based_purpose, listed_purposes, processed_for, purposes_in

if TYPE_CHECKING:
    from rekisteri.model import Register


def _purpose_names(text: str) -> list[str]:
    result = import_bytes(text.encode("utf-8"), source_name="round4.txt")
    return [str(purpose.name.fi) for purpose in result.draft.purposes]


_HEAD = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nHaapalan Leipomo Oy\nMyllytie 3, 40100 Jyväskylä\n"
    "leipomo@example.fi\n\n2. Rekisterin nimi\nAsiakasrekisteri\n\n"
    "3. Henkilötietojen käsittelyn tarkoitus\n"
)


class TestPurposeNames:
    def test_a_coordinated_phrase_sharing_its_modifier_is_one_purpose(self) -> None:
        """A coordinated phrase sharing its modifier is one purpose."""
        assert listed_purposes("Asiakassuhteen ylläpito, hoitaminen ja kehittäminen.") == [
            "Asiakassuhteen ylläpito, hoitaminen ja kehittäminen"
        ]
        assert purposes_in(
            "Tietoja käytetään asiakassuhteen ylläpitoon, hoitamiseen ja kehittämiseen."
        ) == ["Asiakassuhteen ylläpito, hoitaminen ja kehittäminen"]

    def test_separate_purposes_stay_apart(self) -> None:
        """Separate purposes stay apart."""
        assert purposes_in(
            "Tietoja käytetään jäsenrekisterin ylläpitoon, tiedottamiseen ja laskutukseen."
        ) == ["Jäsenrekisterin ylläpito", "Tiedottaminen", "Laskutus"]

    def test_an_illative_list_without_a_verb_is_put_in_the_nominative(self) -> None:
        """An illative list without a verb is put in the nominative."""
        assert listed_purposes("Asiakassuhteen hoitamiseen ja kehittämiseen.") == [
            "Asiakassuhteen hoitaminen",
            "Asiakassuhteen kehittäminen",
        ]
        assert listed_purposes("Palvelun kehittämiseen") == ["Palvelun kehittäminen"]

    def test_colon_case_endings_are_dropped(self) -> None:
        """Colon case endings are dropped."""
        assert purposes_in("Tietoja käytetään CRM:ään, ERP:hen ja BI:hin.") == [
            "CRM",
            "ERP",
            "BI",
        ]
        # a genitive after a colon is no illative: the head stays where it was
        assert purposes_in("Tietoja voidaan käyttää markkinointiin vain Esimerkki Oy:n toimesta.")
        assert "Oy" not in (
            purposes_in("Tietoja voidaan käyttää markkinointiin vain Esimerkki Oy:n toimesta.")
            or []
        )

    def test_plural_and_uus_illatives(self) -> None:
        """Plural and uus illatives."""
        assert purposes_in("Tietoja käytetään uutiskirjeisiin ja kyselyihin.") == [
            "Uutiskirjeet",
            "Kyselyt",
        ]
        assert listed_purposes("Käsittely perustuu jäsenyyteen.") is None

    def test_processed_for_reads_the_purposes_sections_verb(self) -> None:
        """Processed for reads the purposes sections verb."""
        assert processed_for("Tietoja käsitellään tilausten toimittamiseen ja laskutukseen.") == [
            "Tilausten toimittaminen",
            "Laskutus",
        ]
        assert processed_for("Tietoja käsitellään luottamuksellisesti.") is None
        assert processed_for("Käsittelemme tietoja sopimuksen täyttämiseksi: laskutukseen.") is None

    def test_a_purpose_given_a_legal_basis(self) -> None:
        """A purpose given a legal basis."""
        assert based_purpose("Uutiskirjeen lähettäminen perustuu suostumukseen.") == (
            "Uutiskirjeen lähettäminen"
        )
        assert based_purpose("Tietojen käsittely perustuu sopimukseen.") is None
        assert based_purpose("Se perustuu lakiin.") is None

    def test_in_a_notice(self) -> None:
        """In a notice."""
        names = _purpose_names(
            _HEAD + "Henkilötietoja käytetään seuraaviin tarkoituksiin:\n"
            "1) asiakassuhteen ylläpito, hoitaminen ja kehittäminen\n"
            "2) laskutus\n\n"
            "Käsittely perustuu asiakassuhteeseen.\n"
        )
        assert names == ["Asiakassuhteen ylläpito, hoitaminen ja kehittäminen", "Laskutus"]

    def test_processed_sentence_in_a_notice(self) -> None:
        """Processed sentence in a notice."""
        names = _purpose_names(
            _HEAD + "Henkilötietoja käsitellään tilausten toimittamiseen, laskutukseen ja "
            "asiakkuuden hoitoon. Käsittely perustuu sopimukseen.\n"
        )
        assert names == ["Tilausten toimittaminen", "Laskutus", "Asiakkuuden hoito"]


def _draft(text: str) -> Register:
    return import_bytes(text.encode("utf-8"), source_name="round4.txt").draft


class TestUnseenLayouts:
    """Classes found on real pages read blind in round 4 (fictional notices here)."""

    def test_a_slash_in_the_controllers_line_keeps_the_half_with_a_legal_form(self) -> None:
        """'Hoitola ky/ Person': the firm is the controller, the person is noted."""
        draft = _draft(
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nHierontahoitola Kaarna ky/ Aila Kaarna\n"
            "Pajatie 2 61800 Kauhajoki\nkaarna@example.fi\n\n2. Rekisterin nimi\n"
            "Asiakasrekisteri\n"
        )
        assert draft.controller.name == "Hierontahoitola Kaarna ky"

    def test_a_slash_without_a_legal_form_keeps_the_first_half(self) -> None:
        """'Person/ Trade name Person': the first half."""
        draft = _draft(
            "Tietosuojaseloste\n\nRekisterin pitäjä\n\nOuti Rinne/ Hieroja Outi Rinne\n\n"
            "outi@example.fi\n\nRekisterin nimi\n\nAsiakasrekisteri\n"
        )
        assert draft.controller.name == "Outi Rinne"

    def test_two_names_in_two_languages_stay_whole(self) -> None:
        """Both halves with a legal form: a bilingual name, left as it is."""
        draft = _draft(
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKylän Kuoro ry / Byns Kör rf\n"
            "Kirkkotie 1, 10600 Tammisaari\n\n2. Rekisterin nimi\nJäsenrekisteri\n"
        )
        assert draft.controller.name == "Kylän Kuoro ry / Byns Kör rf"

    def test_a_lower_case_y_prefix_marks_a_business_id(self) -> None:
        """'y-1234567-1' glued to its number."""
        from rekisteri.testing import make_ytunnus

        code = make_ytunnus(7)
        assert code is not None
        draft = _draft(
            "Tietosuojaseloste\n\nRekisterinpitäjä\nTerapia Virta Oy\nKoulukuja 3 32200 Loimaa\n"
            f"y-{code}\nvirta@example.fi\n"
        )
        assert draft.controller.business_id == code

    def test_namn_pa_registret_is_the_name_heading(self) -> None:
        """The Swedish heading 'Namn på registret'."""
        draft = _draft(
            "Registerbeskrivning\n\nDen registeransvarige\nExempel Ab\n\nNamn på registret\n"
            "Webbutikens kundregister\n\nSyftet med behandlingen av personuppgifter\n"
            "Registret används för att sköta kundrelationen.\n"
        )
        assert draft.name is not None
        assert draft.name.sv == "Webbutikens kundregister"

    def test_what_the_register_is_for_is_no_part_of_its_name(self) -> None:
        """A '… varten' tail after the register word goes to the description."""
        draft = _draft(
            "Rekisteriseloste\n\n1. Rekisterinpitäjä\nKotikauppa Lumi Oy\n"
            "Asematie 4, 13100 Hämeenlinna\n\n3. Rekisterin nimi\n\n"
            "Lumi.fi verkkokaupan asiakasrekisteri tilausten toimitusta varten.\n"
        )
        assert draft.name is not None
        assert draft.name.fi == "Lumi.fi verkkokaupan asiakasrekisteri"

    def test_a_body_named_hereinafter_in_the_introduction_is_the_controller(self) -> None:
        """'X säätiö sr, eli …, jäljempänä ”Säätiö”' with no controller section."""
        draft = _draft(
            "Tietosuojaseloste\n\nPäivitetty 3.2.2024\n\n"
            "Kuusirannan säätiö sr, eli Kuusiranta Foundation, jäljempänä ”Säätiö”\n\n"
            "1. Kerätyt tiedot\n\nSäätiö kerää sidosryhmiensä yhteystietoja.\n"
        )
        assert draft.controller.name == "Kuusirannan säätiö sr"

    def test_a_hereinafter_clause_without_a_body_names_no_controller(self) -> None:
        """A person or a service named 'jäljempänä' is no controller."""
        draft = _draft(
            "Tietosuojaseloste\n\nVerkkopalvelu Kuusi, jäljempänä ”Palvelu”\n\n"
            "1. Kerätyt tiedot\n\nPalvelu kerää käyttäjien sähköpostiosoitteita.\n"
        )
        assert draft.controller.name is None


class TestContactBusinessId:
    """A Y-tunnus given only under the contact heading (round 3's leftover)."""

    _NOTICE = (
        "REKISTERISELOSTE\n\nREKISTERINPITÄJÄ\nHieroja Olli Saari\n\nYHTEYSTIEDOT\n"
        "Hierontapiste Saari\nY: {code}\nMyllykatu 5, 33200 Tampere\nolli@example.fi\n\n"
        "REKISTERIN NIMI\nAsiakasrekisteri\n"
    )

    def test_it_is_the_controllers_when_the_controller_has_none(self) -> None:
        """The controller gets it, with a note."""
        from rekisteri.testing import make_ytunnus

        code = make_ytunnus(2345678)
        assert code is not None
        result = import_bytes(self._NOTICE.format(code=code).encode(), source_name="y.txt")
        assert result.draft.controller.business_id == code
        assert not result.unmatched

    def test_it_stays_a_note_when_the_controller_has_its_own(self) -> None:
        """The controller's own Y-tunnus wins."""
        from rekisteri.testing import make_ytunnus

        own, other = make_ytunnus(2345678), make_ytunnus(3456781)
        assert own is not None
        assert other is not None
        notice = self._NOTICE.format(code=other).replace(
            "Hieroja Olli Saari\n", f"Hieroja Olli Saari\nY-tunnus {own}\n"
        )
        draft = import_bytes(notice.encode(), source_name="y.txt").draft
        assert draft.controller.business_id == own


def test_a_title_with_degrees_before_the_controllers_name() -> None:
    """'Fysioterapeutti AMK, TtM Aino Esimerkki': the person is the controller."""
    draft = _draft(
        "HENKILÖREKISTERISELOSTE\n\nRekisterinpitäjä ja tietosuojavastaava      "
        "Fysioterapeutti AMK, TtM Aino Kallio\n          Rantakuja 4 32200 Loimaa\n"
        "          aino.kallio@example.fi\n"
    )
    assert draft.controller.name == "Aino Kallio"


def test_a_name_section_that_opens_with_a_sentence_about_the_register() -> None:
    """'X:n asiakasrekisteriä käytetään …' under a combined heading: name and purposes."""
    result = import_bytes(
        (
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKuntoutus Lehto Oy\n"
            "Koulukuja 3, 32200 Loimaa\n\n2. Rekisterin nimi ja käyttötarkoitus\n\n"
            "Kuntoutuksen asiakasrekisteriä käytetään asiakkaiden hoidon kirjaamiseen ja "
            "laskutukseen.\n\n3. Rekisterin tietosisältö\n\nNimi ja yhteystiedot.\n"
        ).encode(),
        source_name="a.txt",
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Kuntoutuksen asiakasrekisteri"
    assert [str(p.name.fi) for p in result.draft.purposes] == [
        "Asiakkaiden hoidon kirjaaminen",
        "Laskutus",
    ]
    assert not result.unmatched


def test_a_bodys_name_alone_under_an_empty_controller_heading() -> None:
    """'1. REKISTERINPITÄJÄ' / 'Hoitola ky' / '2. YHTEYSTIEDOT': the name is the block's."""
    draft = _draft(
        "TIETOSUOJASELOSTE\n\n1. REKISTERINPITÄJÄ\n\nHieroja Saarinen ky\n\n2. YHTEYSTIEDOT\n\n"
        "Hierontapiste Saarinen\nKoskikatu 3, 33100 Tampere\n"
    )
    assert draft.controller.name == "Hieroja Saarinen ky"


class TestNothingLost:
    """Round 3's lost passages: a form's label line under a contact or controller heading."""

    def _lost(self, text: str) -> list[tuple[int, int, str]]:
        from rekisteri.importer import to_toml
        from rekisteri.importer._evaluate import lost_passages

        result = import_bytes(text.encode(), source_name="lost.txt")
        return lost_passages(result, to_toml(result.draft, notes=result.notes))

    def test_a_label_line_under_the_contact_heading(self) -> None:
        """'nimi, osoite ja sähköposti' above the contact person's lines."""
        assert not self._lost(
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKoivulan Kahvila Oy\n"
            "Rantatie 4, 33100 Tampere\n\n2. Yhteyshenkilö\nnimi, osoite ja sähköposti\n"
            "Liisa Koivu, liisa@example.fi\n\n3. Rekisterin nimi\nAsiakasrekisteri\n"
        )

    def test_a_label_line_in_the_controllers_block(self) -> None:
        """The same line among the controller's lines."""
        assert not self._lost(
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKoivulan Kahvila Oy\n"
            "nimi, osoite ja sähköposti\nRantatie 4, 33100 Tampere\n\n2. Rekisterin nimi\n"
            "Asiakasrekisteri\n\nSeloste on päivitetty viimeksi 3.4.2024 ja se korvaa aiemman.\n"
        )


class TestControllerElsewhere:
    """A controller named only in the introduction, and postal codes with a country prefix."""

    def test_a_body_stated_in_a_sentence_without_its_address(self) -> None:
        """'Rekisterinpitäjänä toimii Kylän kaupunki, jonka …'."""
        draft = _draft(
            "Tietosuojaseloste\n\nRekisterinpitäjänä toimii Kuusikon kaupunki, jonka "
            "yhteystiedot ovat alla.\n\n1. Käsittelyn tarkoitus\n\n"
            "Tietoja käytetään laskutukseen.\n"
        )
        assert draft.controller.name == "Kuusikon kaupunki"

    def test_a_firm_in_capitals_as_the_first_line(self) -> None:
        """'KUUSIKON KAHVILA OY' above the title."""
        draft = _draft(
            "KUUSIKON KAHVILA OY\n\nTIETOSUOJASELOSTE\n\n1. REKISTERIN NIMI\n\nAsiakasrekisteri\n"
        )
        assert draft.controller.name == "Kuusikon Kahvila Oy"

    def test_a_person_stated_is_no_body(self) -> None:
        """A sentence naming no body gives no controller from this rule."""
        draft = _draft(
            "Tietosuojaseloste\n\nRekisterinpitäjä on Hanna Virta, joka vastaa tiedoista.\n\n"
            "1. Käsittelyn tarkoitus\n\nTietoja käytetään laskutukseen.\n"
        )
        assert draft.controller.name != "Hanna Virta, joka vastaa tiedoista"

    def test_old_country_prefixes_before_the_postal_code(self) -> None:
        """'FIN-33100 Tampere', 'SF-33100 Tampere'."""
        for prefix in ("FIN-", "SF-", "FI-"):
            draft = _draft(
                "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nKuusi Oy\nRantatie 4\n"
                f"{prefix}33100 Tampere\n\n2. Rekisterin nimi\n\nAsiakasrekisteri\n"
            )
            assert draft.controller.address is not None
            assert (draft.controller.address.postal_code, draft.controller.address.town) == (
                "33100",
                "Tampere",
            )


def test_a_processing_of_something_given_a_legal_basis() -> None:
    """'Apurahojen käsittely perustuu …' names a purpose; 'Tietojen käsittely …' does not."""
    assert based_purpose("Apurahojen käsittely perustuu säätiön oikeutettuun etuun.") == (
        "Apurahojen käsittely"
    )
    assert based_purpose("Asiakkaiden tietojen käsittely perustuu sopimukseen.") is None
    assert based_purpose("Laskutus perustuu sopimukseen.") == "Laskutus"


def test_purposes_listed_before_varten() -> None:
    """'… X:n hoitamista, Y:tä ja Z:aa varten': one purpose each, in the nominative."""
    from rekisteri.importer._finnish import varten_purposes

    assert varten_purposes(
        "Yhteystietoja kerätään jäsenasioiden hoitamista, tiedotusta ja laskutusta varten."
    ) == ["Jäsenasioiden hoitaminen", "Tiedotus", "Laskutus"]
    assert varten_purposes("Tietoja käytetään markkinointia ja asiakasviestintää varten.") == [
        "Markkinointi",
        "Asiakasviestintä",
    ]
    assert varten_purposes("Tätä varten tarvitaan tietoja.") is None
    names = _purpose_names(
        _HEAD + "Tietoja kerätään ajanvarausten hoitamista ja laskutusta varten.\n"
    )
    assert names == ["Ajanvarausten hoitaminen", "Laskutus"]


def test_an_infinitive_after_the_purpose_marker_is_no_list() -> None:
    """'Rekisterin tarkoituksena on kerätä X ja Y': no purpose 'Y' split off."""
    assert (
        purposes_in("Rekisterin tarkoituksena on kerätä jäsenistä lain vaatimat tiedot ja muut.")
        is None
    )
    assert purposes_in("Rekisterin käyttötarkoitus on asiakassuhteen hoitaminen.") == [
        "Asiakassuhteen hoitaminen"
    ]


class TestControllerLines:
    """More controller lines: a 'Yritys:' label, a dotted legal form, a trade name first."""

    def _controller(self, block: str) -> str | None:
        text = f"Tietosuojaseloste\n\n{block}\n\nRekisterin nimi\n\nAsiakasrekisteri\n"
        return _draft(text).controller.name

    def test_a_company_label(self) -> None:
        """'Yritys: X Oy' gives the name without its label."""
        assert self._controller("Rekisterinpitäjä\nYritys: Kuusikon Kahvila Oy") == (
            "Kuusikon Kahvila Oy"
        )

    def test_a_legal_form_with_stops_keeps_its_last_stop(self) -> None:
        """'Kuusikon Kuoro r.y.' is not cut to 'r.y'."""
        name = self._controller("Rekisterinpitäjä\nKuusikon Kuoro r.y.\nRantatie 4, 33100 Tampere")
        assert name == "Kuusikon Kuoro r.y."

    def test_a_trade_name_then_the_firm_after_a_slash(self) -> None:
        """'Kahvila X / X Oy': the firm with its legal form is the controller."""
        name = self._controller(
            "Rekisterinpitäjä\nKuusikon Kahvila / Kuusi Oy\nRantatie 4, 33100 Tampere"
        )
        assert name == "Kuusi Oy"


class TestSwedishControllerLines:
    """'Den personuppgiftsansvarige' as a heading; 'FO' alone as a Y-tunnus label."""

    def test_den_personuppgiftsansvarige_heading(self) -> None:
        """The definite form of the heading."""
        draft = _draft(
            "Dataskyddsbeskrivning\n\nDen personuppgiftsansvarige\nGranby kommun, "
            "bildningsnämnden\nPB 20, 10601 Ekenäs\n\nRegistrets namn\n\nElevregister\n"
        )
        assert draft.controller.name == "Granby kommun, bildningsnämnden"

    def test_fo_alone_labels_the_business_id(self) -> None:
        """'Exempel Ab (FO 1234567-1)': the label is no part of the name."""
        from rekisteri.testing import make_ytunnus

        code = make_ytunnus(2345678)
        assert code is not None
        draft = _draft(
            f"Dataskyddsbeskrivning\n\nRegisterhållare\nGranby Kafé Ab (FO {code})\n"
            "Strandvägen 4, 10600 Ekenäs\n"
        )
        assert (draft.controller.name, draft.controller.business_id) == ("Granby Kafé Ab", code)
