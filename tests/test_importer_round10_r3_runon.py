"""Run-on text (R3-1, R3-2): sentences about a party and lists inside a section (fictional)."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._runon import unwrapped

_FILLER = (
    "Tietoja käsitellään luottamuksellisesti ja vain siinä laajuudessa kuin tehtävän "
    "hoitaminen edellyttää, eikä niitä käytetä muihin tarkoituksiin ilman suostumusta. "
)


def _kinds(text: str) -> list[str]:
    return [kind for _, _, kind in import_notice(text).sections]


class TestPartySentences:
    def test_a_sentence_naming_the_controller_opens_no_section(self) -> None:
        """A later 'Rekisterinpitäjä Esimerkki Oy voi …' in run-on text is a sentence."""
        text = (
            "Tietosuojaseloste Rekisterinpitäjä Kahvila Kaneli Oy, Myllykatu 3, 33100 Tampere "
            "Rekisterin nimi Kanta-asiakasrekisteri Henkilötietojen käsittelyn tarkoitus "
            "Tietoja käsitellään kanta-asiakasetujen hallintaan. Rekisterinpitäjä Kahvila "
            "Kaneli Oy voi lähettää tarjouksia, jos asiakas on antanut luvan. "
            + _FILLER
            + "Rekisterin tietosisältö Nimi, puhelinnumero ja ostohistoria. "
            + _FILLER
        )
        assert _kinds(text).count("controller") == 1
        assert "Rekisterinpitäjä\nKahvila Kaneli Oy, Myllykatu" in unwrapped(text)

    def test_a_swedish_sentence_naming_the_controller_opens_no_section(self) -> None:
        """'Registeransvarig Seglarföreningen Vind rf kan också …' is a sentence too."""
        text = (
            "Dataskyddsbeskrivning Registeransvarig Seglarföreningen Vind rf, Strandvägen 9, "
            "68600 Jakobstad Registrets namn Medlemsregister Ändamålet med behandlingen av "
            "personuppgifter Uppgifterna används för att sköta medlemskapet. Registeransvarig "
            "Seglarföreningen Vind rf kan också skicka medlemsbrev per e-post till medlemmarna "
            "om de inte har förbjudit det. Uppgifterna behandlas endast i Finland. "
            "Registrets innehåll Medlemmens namn, adress och "
            "båtplats. Regelmässiga uppgiftskällor Uppgifterna fås av medlemmen själv.\n"
        )
        assert _kinds(text).count("controller") == 1
        assert _kinds(text)[-2:] == ["data_categories", "sources"]

    def test_long_paragraphs_under_headings_of_their_own_are_not_run_on(self) -> None:
        """Headings on lines of their own: long paragraphs are left as they are."""
        paragraph = (
            _FILLER + "Rekisterinpitäjä Kahvila Kaneli Oy ei luovuta tietoja. " + _FILLER * 2
        )
        text = (
            "Rekisterinpitäjä\n\nKahvila Kaneli Oy, Myllykatu 3, 33100 Tampere\n\n"
            f"Henkilötietojen käsittelyn tarkoitus\n\n{paragraph}\n\n"
            f"Tietojen luovutukset\n\n{paragraph}\n\nTietojen säilytysaika\n\n{paragraph}\n"
        )
        assert unwrapped(text) == text
        assert _kinds(text).count("controller") == 1


class TestNumberedChain:
    def test_a_list_numbered_inside_a_section_does_not_take_the_headings_numbers(self) -> None:
        """'2. … tarkoituksiin: 1. … 2. … 3. …' then '3. Rekisterin tietosisältö': 1–6 head."""
        text = (
            "TIETOSUOJASELOSTE 1. Rekisterinpitäjä Kahvila Kaneli Oy, Myllykatu 3, 33100 Tampere "
            "2. Rekisterin käyttötarkoitus Tietoja käytetään: 1. Kanta-asiakasedut "
            "2. Tarjousten lähettäminen 3. Asiakaspalvelu. 3. Rekisterin tietosisältö Nimi, "
            "puhelinnumero ja ostohistoria. 4. Säännönmukaiset tietolähteet Tiedot saadaan "
            "asiakkaalta. 5. Tietojen luovutukset Tietoja ei luovuteta. 6. Tietojen säilytysaika "
            "Tiedot poistetaan kahden vuoden kuluttua viimeisestä ostosta. " + _FILLER
        )
        lines = unwrapped(text).splitlines()
        assert [line[:3] for line in lines[1:]] == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
        assert lines[3].startswith("3. Rekisterin tietosisältö")
        assert _kinds(text)[1:4] == ["controller", "purposes", "data_categories"]

    def test_a_table_of_contents_does_not_take_the_headings_numbers(self) -> None:
        """'Sisällys: 1. … 4. …' then the headings '1. … 4. …' with their text: the latter head."""
        text = (
            "TIETOSUOJASELOSTE Sisällys: 1. Rekisterinpitäjä 2. Rekisterin nimi "
            "3. Rekisterin käyttötarkoitus 4. Rekisterin tietosisältö 1. Rekisterinpitäjä "
            "Kahvila Kaneli Oy, Myllykatu 3, 33100 Tampere 2. Rekisterin nimi "
            "Kanta-asiakasrekisteri 3. Rekisterin käyttötarkoitus Tietoja käytetään "
            "kanta-asiakasetujen hallintaan ja tarjousten lähettämiseen asiakkaille. "
            "4. Rekisterin tietosisältö Nimi, puhelinnumero, sähköpostiosoite ja ostohistoria "
            "sekä kerätyt leimat ja edut.\n"
        )
        assert _kinds(text) == ["none", "controller", "name", "purposes", "data_categories"]

    def test_a_long_line_that_starts_with_the_first_heading(self) -> None:
        """A page-long line opening with '1. Rekisterinpitäjä …': its '1.' starts the chain."""
        body = (
            "1. Rekisterinpitäjä Kahvila Kaneli Oy, Myllykatu 3, 33100 Tampere 2. Rekisterin "
            "nimi Kanta-asiakasrekisteri 3. Rekisterin käyttötarkoitus Tietoja käytetään "
            "kanta-asiakasetujen hallintaan ja tarjousten lähettämiseen asiakkaille. "
            "4. Rekisterin tietosisältö Nimi, puhelinnumero, sähköpostiosoite ja ostohistoria "
            "sekä kerätyt leimat ja edut, joita asiakas on saanut kanta-asiakkaana. Tiedot "
            "poistetaan kahden vuoden kuluttua viimeisestä ostosta.\n"
        )
        text = "Tietosuojaseloste\n" + body
        lines = unwrapped(text).splitlines()
        assert [line[:3] for line in lines[1:]] == ["1. ", "2. ", "3. ", "4. "]
        assert unwrapped(body).startswith("1. Rekisterinpitäjä")  # no break before the text


class TestInvisible:
    def test_an_invisible_character_hides_no_run_on_heading(self) -> None:
        """A zero-width space or soft hyphen at a heading changes nothing (R3-22)."""
        text = (
            "Dataskyddsbeskrivning Registeransvarig Seglarföreningen Vind rf, Strandvägen 9, "
            "68600 Jakobstad Registrets namn Medlemsregister Ändamålet med behandlingen av "
            "personuppgifter Uppgifterna används för att sköta medlemskapet och för att skicka "
            "medlemsbrev. Registrets innehåll Medlemmens namn, adress och båtplats samt "
            "betalda avgifter. Regelmässiga uppgiftskällor Uppgifterna fås av medlemmen själv "
            "när hen ansöker om medlemskap och när hen meddelar ändringar.\n"
        )
        clean = import_notice(text).draft
        for damaged in (
            text.replace(" Registrets namn", " \u200bRegistrets namn"),
            text.replace("Registrets namn", "Regis\u00adtrets namn"),
        ):
            assert import_notice(damaged).draft == clean
