"""Sections on fresh pages: headings not seen, sections misfiled wholesale (T12, session 17).

Each test writes its own small fictional text (no text of the legacy fixtures or of the
real pages the figures were measured on).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._headings import SectionKind, guess

_TOP = (
    "Tietosuojaseloste\n\n"
    "1. Rekisterinpitäjä\n\nKallion Kuntosali Oy\nSorvikuja 4, 33100 Tampere\n\n"
    "2. Rekisterin tietosisältö\n\n- nimi\n- puhelinnumero\n\n"
)
_TOP_SV = (
    "Dataskyddsbeskrivning\n\n"
    "1. Registeransvarig\n\nStrandens Simhall Ab\nBryggvägen 2, 65100 Vasa\n\n"
    "2. Registrets innehåll\n\n- namn\n- telefonnummer\n\n"
)


def _field_of(result: ImportResult, needle: str) -> set[str]:
    """The fields the mapped spans covering *needle*'s first character went to."""
    at = result.text.index(needle)
    return {m.field for m in result.mapped if m.start <= at < m.end}


# --- a content line under a heading with no text yet is its lead-in, not a heading -----


@pytest.mark.parametrize(
    ("text", "lead_in", "entry"),
    [
        (
            _TOP_SV + "3. Utlämnande av uppgifter\n\nKundernas uppgifter lämnas endast\n\n"
            "- med kundens samtycke\n\n- till myndigheter enligt lag\n\n"
            "4. Registrets skydd\n\nPappren förvaras i ett låst skåp.\n",
            "Kundernas uppgifter lämnas endast",
            "med kundens samtycke",
        ),
        (
            _TOP + "3. Tietojen luovutukset\n\nJäsenten tiedot annetaan vain\n\n"
            "- jäsenen omalla luvalla\n\n- viranomaiselle lain nojalla\n\n"
            "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n",
            "Jäsenten tiedot annetaan vain",
            "jäsenen omalla luvalla",
        ),
    ],
)
def test_line_under_empty_heading_is_its_lead_in(text: str, lead_in: str, entry: str) -> None:
    result = import_notice(text)
    assert _field_of(result, entry) <= {"recipients", "heading:recipients"}
    assert "data_categories" not in {f.split(":")[-1] for f in _field_of(result, lead_in)}
    assert not any(f.code == "I005" for f in result.findings)


def test_numbered_line_under_empty_heading_stays_a_heading() -> None:
    # a numbered line is a heading of its own even right under a heading with no text
    text = (
        _TOP + "3. Tietosuojavastaava\n\n"
        "4. Mihin tietoja käytetään?\n\nTietoja käytetään jäsenyyden hoitamiseen.\n"
    )
    result = import_notice(text)
    assert any(p.name.fi == "Jäsenyyden hoitaminen" for p in result.draft.purposes) or any(
        m.field.startswith("purposes") for m in result.mapped
    )


# --- an unknown wording of a known field: Swedish "överlämning" is a disclosure ---------


@pytest.mark.parametrize(
    "heading",
    ["Överlämnande av uppgifter", "6. Överlämning av kunduppgifter till andra parter"],
)
def test_handing_over_is_a_disclosure(heading: str) -> None:
    assert guess(heading) is SectionKind.DISCLOSURES


def test_two_field_heading_follows_its_text() -> None:
    # handing over and transfer outside the EU named together; the text is on disclosure
    text = (
        _TOP_SV + "3. Överlämning av uppgifter och överföring av uppgifter utanför EU eller EES\n\n"
        "Informationen lämnas inte ut till andra, utom på begäran av myndigheter. "
        "Informationen kan visas på webbplatsen om kunden så önskar.\n\n"
        "4. Registrets skydd\n\nPappren förvaras i ett låst skåp.\n"
    )
    result = import_notice(text)
    fields = _field_of(result, "Informationen lämnas inte ut")
    assert "transfers" not in fields
    assert fields & {"recipients", "none_stated:recipients"} or not result.draft.transfers


# --- the people and the data named together head the data content -----------------------


@pytest.mark.parametrize(
    "heading",
    ["Asiakkaiden henkilöryhmät ja tietosisältö", "4. Henkilöryhmät ja käsiteltävät tiedot"],
)
def test_groups_and_data_together_head_the_data(heading: str) -> None:
    assert guess(heading) is SectionKind.CONTENT


def test_groups_and_data_section_is_the_data_content() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä\n\nKallion Kuntosali Oy\nSorvikuja 4, 33100 Tampere\n\n"
        "Asiakkaiden henkilöryhmät ja tietosisältö\n\n"
        "Rekisteriin tallennetaan kuntosalin asiakkaiden nimi, puhelinnumero ja "
        "sähköpostiosoite sekä jäsenyyden alkamispäivä.\n\n"
        "Tiedot eivät ole arkaluonteisia. Terveydentilaa koskevia tietoja ei kysytä.\n"
    )
    result = import_notice(text)
    assert "data_subjects" not in _field_of(result, "Rekisteriin tallennetaan")
    assert result.draft.data_categories


# --- a sentence saying the processing is outsourced is on the processors -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietojen käsittelyä voidaan ulkoistaa ulkopuolisille palveluntarjoajille.",
        "Kuntosali voi käyttää tietojen käsittelyssä alihankkijoita, kuten kassan toimittajaa.",
    ],
)
def test_outsourcing_sentence_under_purposes_is_processors(sentence: str) -> None:
    text = (
        _TOP + "3. Henkilötietojen käsittelyn tarkoitus\n\n"
        "Tietoja käytetään jäsenyyden hoitamiseen ja laskutukseen. " + sentence + "\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    result = import_notice(text)
    assert "processors" in _field_of(result, sentence[:20])
    assert "purposes" in _field_of(result, "Tietoja käytetään jäsenyyden")


def test_denied_outsourcing_stays() -> None:
    sentence = "Tietojen käsittelyä ei ulkoisteta."
    text = (
        _TOP + "3. Henkilötietojen käsittelyn tarkoitus\n\n"
        "Tietoja käytetään jäsenyyden hoitamiseen. " + sentence + "\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    assert "processors" not in _field_of(import_notice(text), sentence[:20])


# --- a paragraph on the site's cookies is the cookie policy wherever it stands -----------


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "3. Henkilötietojen käsittelyn tarkoitus",
            "Kotisivumme tallentaa kävijän laitteelle evästeitä eli pieniä tekstitiedostoja.",
        ),
        (
            "3. Registrets skydd",
            "Webbplatsen använder kakor som sparas i besökarens webbläsare.",
        ),
    ],
)
def test_cookie_sentence_under_another_heading_is_cookie_policy(
    heading: str, sentence: str
) -> None:
    text = (
        _TOP + heading + "\n\nTietoja käytetään jäsenyyden hoitamiseen.\n\n" + sentence + "\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    result = import_notice(text)
    assert "cookie_policy" in _field_of(result, sentence[:15])


def test_cookie_word_in_a_data_entry_stays_data() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "1. Rekisterinpitäjä\n\nKallion Kuntosali Oy\nSorvikuja 4, 33100 Tampere\n\n"
        "2. Rekisterin tietosisältö\n\n- nimi\n- IP-osoite ja evästetiedot\n\n"
    )
    assert "cookie_policy" not in _field_of(import_notice(text), "IP-osoite ja")


def test_outsourcing_sentence_naming_no_firm_is_a_note_not_a_processor() -> None:
    # R9-2's residue: the sentence is no processor's name
    text = (
        _TOP + "3. Henkilötietojen käsittelyn tarkoitus\n\n"
        "Tietoja käytetään jäsenyyden hoitamiseen. "
        "Käsittelytehtäviä voidaan ulkoistaa palveluntarjoajille.\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    result = import_notice(text)
    assert result.draft.processors == ()
    assert "Käsittelytehtäviä" in " ".join(result.notes.get("processors", ()))


# --- a disclosure said of compound or qualified data words leaves the purposes -----------


@pytest.mark.parametrize(
    "sentence",
    [
        "Potilastietoja ei luovuteta ulkopuolisille ilman asiakkaan lupaa.",
        "Asiakastietoja voidaan luovuttaa perintätoimistolle.",
        "Kerhon ja seuran tietoja luovutetaan vain liitolle.",
    ],
)
def test_disclosure_sentence_under_purposes_is_recipients(sentence: str) -> None:
    text = (
        _TOP + "3. Henkilötietojen käsittelyn tarkoitus\n\n"
        "Tietoja käytetään jäsenyyden hoitamiseen. " + sentence + "\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    fields = {f.split(":")[-1] for f in _field_of(import_notice(text), sentence[:12])}
    assert fields & {"recipients", "none_stated.recipients"}
    assert "purposes" not in fields


def test_keeping_sentence_denying_disclosure_in_passing_stays() -> None:
    # R9-10: the first verb keeps the data; the denial is said in passing
    sentence = "Asiakkaan tiedot säilytetään eikä niitä luovuteta kolmansille osapuolille."
    text = (
        _TOP + "3. Tietojen säilytysaika\n\n" + sentence + "\n\n"
        "4. Rekisterin suojaus\n\nPaperit säilytetään lukitussa kaapissa.\n"
    )
    result = import_notice(text)
    assert "retention" in {f.split(":")[-1] for f in _field_of(result, sentence[:12])}
    assert result.draft.retention
