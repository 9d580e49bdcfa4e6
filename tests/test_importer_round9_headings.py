"""Round 9 (issue 15): headings read by their head word's stem, and by layout.

The headings here are invented for these tests (fi/sv/en, numbered and not);
none is copied from a notice. A heading's field is read from the stem of its
head word, so inflected and compound forms the table does not list are read
("Rekisterin ylläpitäjät", "Henkilötietojen keräys", "Registrets benämning"),
and a key word inside a genitive that only qualifies the head does not decide
("Eri tietoryhmien säilytyksen määräajat" is about retention, not data).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess

K = SectionKind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # inflected or compound head words the table does not list
        ("Rekisterin ylläpitäjät", K.CONTROLLER),
        ("3. Jäsentietojen keräys", K.SOURCES),
        ("Asiakastietojen keruu", K.SOURCES),
        ("6. Käsittelijä:", K.PROCESSORS),
        ("Kampanjatietojen hävittämisen määräajat", K.RETENTION),
        ("Yhdistysasioista vastaavien yhteystiedot", K.CONTACT),
        ("2. Registrator", K.CONTROLLER),
        ("Namnet på registret", K.NAME),
        ("4. Registrets benämning", K.NAME),
        ("Regelbundna avslöjanden", K.DISCLOSURES),
        ("Föreningen som ansvarar för dina uppgifter", K.CONTROLLER),
        ("Person som svarar för medlemsregistret", K.CONTACT),
        # questions: who answers for the data, who may see them, do they leave the EU
        ("Vem ansvarar för medlemsuppgifterna?", K.CONTROLLER),
        ("Kuka vastaa jäsentiedoista", K.CONTROLLER),
        ("Vem får ta del av elevernas uppgifter?", K.DISCLOSURES),
        ("Sänds uppgifterna utanför EU?", K.TRANSFERS),
        ("Päätyvätkö tiedot EU:n ulkopuolelle?", K.TRANSFERS),
        # how or where from the data are collected; what the register is used for
        ("6. MITEN JÄSENTIEDOT KERÄTÄÄN", K.SOURCES),
        ("Var kunduppgifterna kommer ifrån", K.SOURCES),
        ("Vad kundregistret används till", K.PURPOSES),
        # a ban, a consent withdrawn: the data subject's rights
        ("Förbud mot direktmarknadsföring", K.OTHER_RIGHTS),
        ("Återkallande av samtycke", K.OTHER_RIGHTS),
        ("Keitä tarkoitamme jäsenillä?", K.SUBJECTS),
        ("Jäsenrekistereistä huolehtii", K.CONTACT),
        # a heading in two languages, each half read on its own
        ("Jäsenasioista vastaa / Person in charge of members", K.CONTACT),
        ("Mistä tiedot tulevat / Where the data come from", K.SOURCES),
        # how long, in words other than "säilyt-"; the data kept; processing on our behalf
        ("Kauanko säilömme jäsenten tiedot", K.RETENTION),
        ("Kuinka pitkään tietoja pidetään", K.RETENTION),
        ("Tallennettavat jäsentiedot", K.CONTENT),
        ("Säilytettävät asiakastiedot", K.CONTENT),
        ("Kuka käsittelee jäsentietoja puolestamme?", K.PROCESSORS),
        ("Kuka käsittelee jäsentietoja?", K.CONTROLLER),
        ("Mitä meillä on sinusta", K.CONTENT),
        # a key word in a genitive that qualifies the head does not decide
        ("5. Rekisteröityjen perus- ja muut tiedot", K.CONTENT),
        ("Eri tietoryhmien säilyttämisen enimmäisajat", K.RETENTION),
        ("Eri tietoryhmien poiston määräajat", K.RETENTION),
        # ... and what the head word reads stays as it was
        ("Rekisterinpitäjän yhteystiedot", K.CONTROLLER),
        ("Tietosuojavastaavan yhteystiedot", K.DPO),
        ("Kontaktperson för registeransvarig", K.CONTACT),
        ("Rekisterin nimi ja käyttötarkoitus", K.NAME),
        ("Evästeiden käyttö", K.COOKIES),
        ("Varifrån får vi uppgifterna", K.SOURCES),
        ("Rekisteröityjen oikeudet", K.OTHER_RIGHTS),
    ],
)
def test_head_word_names_the_field(heading: str, kind: SectionKind) -> None:
    assert guess(heading) is kind


@pytest.mark.parametrize(
    "heading",
    [
        "Nimi",  # a contact field's label
        "Henkilön nimi",  # a person's name, no register's
        "Storage media and locations",
        "Asiakaspalaute",
        # a compound whose head is another word, a deadline, a data item (R2-6, R2-11)
        "Perusturvalautakunta",
        "Määräajat",
        "Keräyspäivä",
        "Siirtolomake",
        "Collection",
        "Suoramarkkinointikielto",
        "Suostumuksen peruuttaminen",
    ],
)
def test_head_word_without_a_field(heading: str) -> None:
    # "Henkilön nimi" is a contact person's label (an older rule), never a register's name
    assert guess(heading) in {None, K.CONTACT}


def test_guessed_name_heading_over_a_sentence_gives_no_name() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kuoro ry\nKatu 2, 00100 Helsinki\n\n"
        "Registrets benämning\n\nUppgifterna lämnas av sångarna själva vid inskrivningen.\n"
    )
    assert result.draft.name is None


def test_guessed_name_heading_over_a_name() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kuoro ry\nKatu 2, 00100 Helsinki\n\n"
        "Registrets benämning\n\nKörens medlemsregister\n"
    )
    assert result.draft.name is not None
    assert "medlemsregister" in str(result.draft.name.fi or result.draft.name.sv)


def _kinds(text: str) -> list[SectionKind | None]:
    from rekisteri.importer._structure import split

    return [section.kind for section in split(text) if section.heading is not None]


_BODY = "Tätä osaa koskeva teksti on kirjoitettu tähän kokonaisena virkkeenä.\n\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("3. Käsittelijä:", K.PROCESSORS),  # one word and a colon
        ("3. Mottagare", K.DISCLOSURES),
        ("3. Kerhon kirjaamat muistiinpanot", None),  # seen, though its words name no field
        ("4. Tietojen keräys:", K.SOURCES),
    ],
)
def test_numbered_line_alone_in_sequence_is_a_heading(line: str, kind: SectionKind | None) -> None:
    text = (
        f"1. Rekisterinpitäjä\n\nKerho ry\n\n2. Rekisterin nimi\n\nJäsenrekisteri\n\n{line}\n\n"
        + _BODY
    )
    kinds = _kinds(text)
    assert kinds[:2] == [K.CONTROLLER, K.NAME]
    assert len(kinds) == 3
    assert kinds[2] is kind


def test_every_heading_numbered_one() -> None:
    text = (
        "1. Registeransvarig\n\nKören rf\n\n1. Registrets namn\n\nMedlemsregister\n\n"
        "1. Styrelsens ansvarsområden\n\nStyrelsen sköter registret enligt stadgarna.\n"
    )
    assert _kinds(text) == [K.CONTROLLER, K.NAME, None]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered list after a lead-in, its entries between blank lines
        "Rekisterin tietosisältö\n\nRekisteriin tallennetaan:\n\n1. Nimi\n\n2. Osoite\n",
        # no numbered heading before it, and its words name no field
        "Tietosuojaseloste\n\n1. Kerhon kirjaamat muistiinpanot\n\n" + _BODY,
    ],
)
def test_numbered_line_alone_that_is_no_heading(text: str) -> None:
    assert None not in _kinds(text)


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Mihin jäsentietoja käytetään", K.PURPOSES),
        ("Kenelle tietoja annetaan", K.DISCLOSURES),
        ("Kuinka kauan tietoja pidetään", K.RETENTION),
        ("Näin tiedot suojataan", K.SECURITY),
        ("Hur länge sparas uppgifterna", K.RETENTION),
    ],
)
def test_question_label_before_its_value(label: str, kind: SectionKind) -> None:
    text = (
        "Rekisterin nimi: Kerhon jäsenrekisteri\n\n"
        f"{label}: Tätä kohtaa koskeva teksti on kirjoitettu tähän virkkeenä.\n"
    )
    assert _kinds(text)[-1] is kind


def test_lead_in_label_stays_a_lead_in() -> None:
    text = "Rekisterin tietosisältö\n\nRekisteriin tallennetaan: nimi, osoite ja puhelinnumero.\n"
    assert _kinds(text) == [K.CONTENT]


def test_bullet_headings_over_deeper_entries_and_sentences() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        " • Mihin tietoja käytetään\n"
        " • • kurssien ilmoittautumisiin\n"
        " • • laskutukseen\n\n"
        " • Kuinka kauan tietoja pidetään\n"
        " • Tiedot poistetaan kahden vuoden kuluttua viimeisestä kurssista ilman pyyntöä.\n"
    )
    assert _kinds(text)[-2:] == [K.PURPOSES, K.RETENTION]


def test_short_bulleted_entries_stay_entries() -> None:
    text = "Rekisterin tietosisältö\n\n • Yhteystiedot\n • Laskutustiedot\n • Kurssihistoria\n"
    assert _kinds(text) == [K.CONTENT]


def test_numbered_heading_glued_to_a_sentence_in_sequence() -> None:
    text = (
        "5. Rekisterin tietosisältö\n\n- nimi\n- puhelinnumero\n\n"
        "6. Säännönmukaiset tietolähteet Tiedot saadaan jäseneltä itseltään liittyessä.\n"
    )
    assert _kinds(text) == [K.CONTENT, K.SOURCES]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("8. Överförs uppgifter utanför EU eller EESNej.", K.TRANSFERS),
        ("9. Hur registret är skyddatA. Manuellt material förvaras i ett låst skåp.", K.SECURITY),
    ],
)
def test_heading_glued_to_its_value_at_a_capital(line: str, kind: SectionKind) -> None:
    text = f"7. Regelbundna utlämnanden\n\nUppgifter lämnas inte ut.\n\n{line}\n"
    assert _kinds(text) == [K.DISCLOSURES, kind]


def _sections(text: str) -> list[tuple[SectionKind | None, bool]]:
    from rekisteri.importer._structure import split

    return [
        (section.kind, section.heading.unnamed)
        for section in split(text)
        if section.heading is not None
    ]


def test_heading_naming_no_field_read_by_its_text() -> None:
    text = (
        "Rekisterin nimi\n\nKerhon jäsenrekisteri\n\n"
        "Kerhon arki\n\n"
        "Tietoja säilytetään viisi vuotta jäsenyyden päättymisen jälkeen. "
        "Laskutustiedot säilytetään kirjanpitolain edellyttämän ajan.\n"
    )
    assert _sections(text)[-1] == (K.RETENTION, True)
    result = import_notice(text)
    remarks = [remark for field in result.notes.values() for remark in field]
    assert any("'Kerhon arki' names no field; read as retention" in r for r in remarks)


def test_heading_naming_no_field_over_mixed_text_stays_unread() -> None:
    text = (
        "Rekisterin nimi\n\nKerhon jäsenrekisteri\n\n"
        "Kerhon arki\n\nKerho kokoontuu torstaisin. Tervetuloa mukaan!\n"
    )
    assert _sections(text)[-1] == (None, False)


def test_numbered_statements_are_sections_of_their_own() -> None:
    text = (
        "1. Rekisterinpitäjä\n\nKerho ry\n\n2. Tietojen luovutus\n\n"
        "Kerho ei luovuta jäsenten tietoja ulkopuolisille.\n\n"
        "3. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle missään tilanteessa.\n\n"
        "4. Jäsen voi milloin tahansa tarkistaa omat tietonsa ottamalla yhteyttä sihteeriin.\n"
    )
    sections = _sections(text)
    assert len(sections) == 4  # '3.' and '4.' are sections of their own, not the recipients'
    assert sections[2] == (None, False)  # one sentence is too little to file a heading by
    result = import_notice(text)
    assert "transfers" in {str(item.value) for item in result.draft.none_stated}  # still read


def test_numbered_question_label_over_its_lead_in() -> None:
    text = (
        "4. Rekisterin nimi\n\nJäsenrekisteri\n\n"
        "5. Mitä rekisteriin kirjataan:\nKirjaamme seuraavat tiedot:\n- nimi\n- osoite\n"
    )
    assert _kinds(text) == [K.NAME, K.CONTENT]


def test_group_headings_under_a_lead_in_take_the_list_kind() -> None:
    text = (
        "Rekisterin tietosisältö\n\nRekisteriin tallennetaan lisäksi:\n\n"
        "Jäsenyys\n\n • Jäsenmaksut\n • Liittymispäivä\n\n"
        "Tapahtumat\n\n • Ilmoittautumiset\n • Erityisruokavaliot\n"
    )
    assert _kinds(text) == [K.CONTENT, K.CONTENT, K.CONTENT]


def test_heading_of_no_field_after_a_list_without_lead_in_stays_unread() -> None:
    text = (
        "Rekisterin tietosisältö\n\n • Nimi\n • Osoite\n\n"
        "Kerhon arki\n\n • Kokoontumiset\n • Retket\n"
    )
    assert _kinds(text)[-1] is None


def test_bilingual_heading_alone_in_its_block() -> None:
    text = (
        "Rekisterinpitäjä / Controller\n\nKerho ry\nKatu 1, 00100 Helsinki\n\n"
        "Rekisteriasioista vastaa / Person in charge of the register\n\nMaija Esimerkki\n"
    )
    assert _kinds(text) == [K.CONTROLLER, K.CONTACT]


_PARTY = "1. Rekisterinpitäjä\n\nKylän Kauppa Oy\nKauppatie 1, 00100 Helsinki\n\n"


def test_numbered_entries_with_blank_lines_stay_entries() -> None:
    text = _PARTY + (
        "2. Tietojen säilytys\n\n1. Asiakastiedot säilytetään asiakkuuden ajan.\n\n"
        "2. Laskut säilytetään kuusi vuotta kirjanpitolain vuoksi.\n\n"
        "3. Lokitiedot säilytetään yhden vuoden ajan.\n\n"
        "4. Markkinointiluvat säilytetään kunnes ne perutaan.\n\n"
        "3. Tietolähteet\n\nTiedot saadaan asiakkaalta.\n"
    )
    assert _kinds(text) == [K.CONTROLLER, K.RETENTION, K.SOURCES]


def test_bullet_after_a_lead_in_on_a_numbered_page_is_an_entry() -> None:
    text = _PARTY + (
        "2. Rekisterin käyttötarkoitus\n\nTietoja käytetään seuraaviin tarkoituksiin:\n\n"
        " • Jäsenten rekisteröinti ja jäsenrekisterin ylläpito\n"
        " • Kilpailuihin liittyvä käsittely kuten ilmoittautumiset, tulokset ja leirit.\n"
        " • Jäsenmaksujen laskutus\n"
    )
    result = import_notice(text)
    assert len(result.draft.purposes) == 3
    assert not result.draft.data_categories
