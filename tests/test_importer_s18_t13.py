"""Session 18 (T13): recipients, processors and transfers read where H48 found them missed.

Each case is a short notice of a fictional organisation: the sentence under test
stands at the end of another section's paragraph, and the test asks which field
of the draft its text went to (``ImportResult.mapped``).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._headings import SectionKind, second_kind

_HEAD_FI = (
    "Rekisterinpitäjä\nKoekylän Seura ry, Y-tunnus 3318435-2\nKylätie 1, 00100 Helsinki\n\n"
    "Rekisterin nimi\nSeuran jäsenrekisteri\n\n"
)
_HEAD_SV = (
    "Personuppgiftsansvarig\nProvbyns Förening rf, FO-nummer 3318435-2\n"
    "Byvägen 1, 10600 Ekenäs\n\nRegistrets namn\nFöreningens medlemsregister\n\n"
)
_HEAD_EN = (
    "Controller\nKoe Apps Oy, business ID 3318435-2\nKatu 1, 00100 Helsinki\n\n"
    "Name of the register\nCustomer register\n\n"
)


def _fields_of(result: ImportResult, sentence: str) -> set[str]:
    """The fields (without index) whose mapped spans cover the sentence's first character."""
    at = result.text.index(sentence)
    return {
        span.field.split("[")[0].split(".")[0]
        for span in result.mapped
        if span.start <= at < span.end
    }


def _in_section(head: str, heading: str, opening: str, sentence: str) -> set[str]:
    text = f"{head}{heading}\n{opening} {sentence}\n"
    return _fields_of(import_notice(text), sentence)


class TestDisclosureOpenings:
    """A disclosure that does not open with the data's word still leaves another section."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "Seura luovuttaa metsästävien jäsenten nimet liitolle vakuutusta varten.",
            "Tarvittaessa tietoja luovutetaan myös poliisille aselupa-asioissa.",
            "Lisäksi tietoja voidaan luovuttaa perintätoimistolle.",
            "Rekisteristä luovutetaan tietoja Verohallinnolle.",
            "Asiakkaan nimi ja osoite luovutetaan kuljetusliikkeelle.",
        ],
    )
    def test_finnish_purposes(self, sentence: str) -> None:
        """A Finnish disclosure at the end of the purposes paragraph goes to the recipients."""
        fields = _in_section(
            _HEAD_FI,
            "Henkilötietojen käsittelyn tarkoitus",
            "Tietoja käytetään jäsenyyden hoitamiseen.",
            sentence,
        )
        assert fields == {"recipients"}

    @pytest.mark.parametrize(
        "sentence",
        [
            "Föreningen lämnar ut namn på tävlande medlemmar till förbundet för licenser.",
            "Vid behov lämnas uppgifter ut till myndigheter enligt lag.",
            "Medlemmarnas namn och adresser lämnas ut till förbundet.",
        ],
    )
    def test_swedish_purposes(self, sentence: str) -> None:
        """A Swedish disclosure at the end of the purposes paragraph goes to the recipients."""
        fields = _in_section(
            _HEAD_SV,
            "Ändamålet med behandlingen",
            "Uppgifterna används för att sköta medlemskapet.",
            sentence,
        )
        assert fields == {"recipients"}

    def test_swedish_sources(self) -> None:
        """A Swedish disclosure opening with an adverb leaves the sources paragraph."""
        fields = _in_section(
            _HEAD_SV,
            "Regelbundna uppgiftskällor",
            "Uppgifterna fås av medlemmarna själva.",
            "Vid behov lämnas uppgifter ut till myndigheter enligt lag.",
        )
        assert fields == {"recipients"}

    def test_english_data(self) -> None:
        """An English disclosure with the company for subject leaves the data paragraph."""
        fields = _in_section(
            _HEAD_EN,
            "Personal data processed",
            "Name, e-mail address and payment history.",
            "The company may also disclose invoicing data to a debt collection agency.",
        )
        assert fields == {"recipients"}

    @pytest.mark.parametrize(
        "sentence",
        [
            # handed to the data subject: the right of access, no recipient
            "Rekisteröidylle luovutetaan pyynnöstä kopio hänen tiedoistaan.",
            # kept, and only then handed over: on the retention
            "Asiakkaan tiedot säilytetään ja luovutetaan arkistoon kymmenen vuoden kuluttua.",
        ],
    )
    def test_stays(self, sentence: str) -> None:
        """A sentence handing data to the data subject, or keeping them first, is no recipient."""
        fields = _in_section(
            _HEAD_FI,
            "Henkilötietojen käsittelyn tarkoitus",
            "Tietoja käytetään jäsenyyden hoitamiseen.",
            sentence,
        )
        assert "recipients" not in fields


class TestProcessorsInSourcesAndData:
    """A party said to process the data for the controller leaves a sources or data paragraph."""

    @pytest.mark.parametrize(
        ("heading", "opening", "sentence"),
        [
            (
                "Tietolähteet",
                "Tiedot saadaan jäseneltä itseltään.",
                (
                    "Jäsenrekisteriä ylläpitää tietojärjestelmätoimittajamme Rekisterimylly Oy,"
                    " joka toimii henkilötietojen käsittelijänä."
                ),
            ),
            (
                "Rekisterin tietosisältö",
                "Nimi, osoite ja puhelinnumero.",
                "Henkilötietojen käsittelijänä toimii Pilvikaappi Oy.",
            ),
            (
                "Tietolähteet",
                "Tiedot saadaan jäseneltä itseltään.",
                "Ilmoittautumislomakkeen toimittaja käsittelee tietoja lukuumme.",
            ),
        ],
    )
    def test_finnish(self, heading: str, opening: str, sentence: str) -> None:
        """A Finnish sentence naming a processor by its role goes to the processors."""
        assert _in_section(_HEAD_FI, heading, opening, sentence) == {"processors"}

    @pytest.mark.parametrize(
        ("heading", "opening", "sentence"),
        [
            (
                "Registrets innehåll",
                "Namn, adress och telefonnummer.",
                (
                    "Disponentbyrån Förvaltning Kustvind Ab för aktieboken som vårt"
                    " personuppgiftsbiträde."
                ),
            ),
            (
                "Regelbundna uppgiftskällor",
                "Uppgifterna fås av medlemmarna själva.",
                "Anmälningstjänstens leverantör behandlar uppgifterna för vår räkning.",
            ),
        ],
    )
    def test_swedish(self, heading: str, opening: str, sentence: str) -> None:
        """A Swedish sentence naming a processor by its role goes to the processors."""
        assert _in_section(_HEAD_SV, heading, opening, sentence) == {"processors"}

    @pytest.mark.parametrize(
        ("heading", "opening", "sentence"),
        [
            # a firm's service named as a source: no processing for the controller said
            (
                "Tietolähteet",
                "Tiedot saadaan jäseneltä itseltään.",
                "Osoitetiedot päivitetään Postin Oy:n osoitepalvelusta.",
            ),
            # the processors named as data: a list of whose details are kept
            (
                "Rekisterin tietosisältö",
                "Nimi ja osoite.",
                "Alihankkijoiden yhteyshenkilöiden nimet ja puhelinnumerot.",
            ),
        ],
    )
    def test_stays(self, heading: str, opening: str, sentence: str) -> None:
        """A firm's service named as a source, or processors named as data, stays."""
        assert "processors" not in _in_section(_HEAD_FI, heading, opening, sentence)


class TestCombinedTransferHeading:
    """Under a heading on transfers and then disclosures, a disclosure goes to the recipients."""

    def test_second_kind_finnish(self) -> None:
        """'Siirto' alone names no field; the heading's own field is then the first."""
        assert second_kind("Henkilötietojen siirto ja luovuttaminen kolmansille osapuolille") is (
            SectionKind.DISCLOSURES
        )

    @pytest.mark.parametrize(
        ("head", "heading", "disclosure", "transfer"),
        [
            (
                _HEAD_FI,
                "Henkilötietojen siirto ja luovuttaminen kolmansille osapuolille",
                "Tietoja luovutetaan Verohallinnolle lain perusteella.",
                "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
            ),
            # read right before this change too: the Swedish and English forms
            (
                _HEAD_SV,
                "Överföring och utlämnande av uppgifter",
                "Uppgifter lämnas ut till Skatteförvaltningen enligt lag.",
                "Uppgifter överförs inte till länder utanför EU eller EES.",
            ),
            (
                _HEAD_EN,
                "Transfers and disclosures of personal data",
                "Personal data are disclosed to the authorities when the law requires it.",
                "Data are not transferred outside the EU or the EEA.",
            ),
        ],
    )
    def test_disclosure_leaves_transfers(
        self, head: str, heading: str, disclosure: str, transfer: str
    ) -> None:
        """The disclosure sentence goes to the recipients; the transfer denial is the transfers'."""
        result = import_notice(f"{head}{heading}\n{disclosure} {transfer}\n")
        assert _fields_of(result, disclosure) == {"recipients"}
        assert "recipients" not in _fields_of(result, transfer)


class TestDenialBeforeRecipients:
    """A denial before a section naming real recipients sets no 'none', and the draft says so."""

    @pytest.mark.parametrize(
        ("head", "purposes", "disclosures"),
        [
            (
                _HEAD_FI,
                (
                    "Käsittelyn tarkoitus\nTietoja käytetään kurssien järjestämiseen."
                    " Tietoja ei luovuteta ulkopuolisille.\n\n"
                ),
                (
                    "Tietojen luovutukset\nTietoja luovutetaan Tilastokeskukselle lakisääteisiä"
                    " tilastoja varten.\n"
                ),
            ),
            (
                _HEAD_SV,
                (
                    "Ändamålet med behandlingen\nUppgifterna används för att sköta medlemskapet."
                    " Uppgifterna lämnas inte ut till utomstående.\n\n"
                ),
                (
                    "Utlämnande av uppgifter\nUppgifter lämnas ut till Skatteförvaltningen enligt"
                    " lag.\n"
                ),
            ),
        ],
    )
    def test_recipients_kept_with_note(self, head: str, purposes: str, disclosures: str) -> None:
        """The recipients stay, with no 'recipients' in none_stated and a note on both."""
        result = import_notice(head + purposes + disclosures)
        assert len(result.draft.recipients) == 1
        assert "recipients" not in {n.value for n in result.draft.none_stated}
        assert any("both says" in note for note in result.notes["recipients"])

    def test_denial_alone(self) -> None:
        """A denial with no recipient named anywhere is the 'none', without that note."""
        result = import_notice(
            _HEAD_FI + "Tietojen luovutukset\nTietoja ei luovuteta ulkopuolisille.\n"
        )
        assert "recipients" in {n.value for n in result.draft.none_stated}
        assert not any("both says" in note for note in result.notes.get("recipients", ()))
