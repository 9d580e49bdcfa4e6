"""Headings of real notices that the importer did not see or read as no field (T10, session 16).

Each test writes its own small fictional text (no text of the legacy fixtures or of the
real pages the figures were measured on).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess, recognise

# --- unknown wordings of known fields, read by the table or by the head word ---------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # the English words for "rekisterin tiedot"
        ("Register information", SectionKind.CONTENT),
        ("5. Information of the register", SectionKind.CONTENT),
        ("Information kept in the registry", SectionKind.CONTENT),
        # the person answering for the register
        ("3. Ansvarig person för registret", SectionKind.CONTACT),
        ("Person responsible for the registry", SectionKind.CONTACT),
        # the holder of a "registry"
        ("1. The Registry Owner", SectionKind.CONTROLLER),
        ("Keeper of the registry", SectionKind.CONTROLLER),
    ],
)
def test_table_reads_more_wordings(heading: str, kind: SectionKind) -> None:
    assert recognise(heading) is kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # a Swedish right named by a compound ending in "-rätt"
        ("Rättelserätt", SectionKind.OTHER_RIGHTS),
        ("Den registrerades insynsrätt", SectionKind.OTHER_RIGHTS),
        # English "releasing" / "release" is a disclosure
        ("6. Releasing data to partners", SectionKind.DISCLOSURES),
        ("Release of customer data", SectionKind.DISCLOSURES),
        # "grounds" is the basis of the processing, unless another field is named
        ("Grounds for keeping the customer file", SectionKind.PURPOSES),
        ("Grounds for disclosing data", SectionKind.DISCLOSURES),
        # the use of the data collected: its purposes; of cookies: the cookies
        ("4. Tallennettujen tietojen hyödyntäminen", SectionKind.PURPOSES),
        ("Evästeiden hyödyntäminen", SectionKind.COOKIES),
        # a register's name with an article first
        ("2. The name of the registry", SectionKind.NAME),
    ],
)
def test_guess_reads_more_wordings(heading: str, kind: SectionKind) -> None:
    assert guess(heading) is kind


@pytest.mark.parametrize(
    "heading",
    [
        "The name of the person",  # a person's name, no register's
        "Contact information",
        # others' rights and releases, and plain grounds (A15's V13 on c4bff75)
        "Upphovsrätt",
        "Returrätt",
        "Release notes",
        "Grounds",
    ],
)
def test_new_wordings_leave_others_alone(heading: str) -> None:
    assert guess(heading) not in {
        SectionKind.OTHER_RIGHTS,
        SectionKind.NAME,
        SectionKind.CONTENT,
        SectionKind.DISCLOSURES,
        SectionKind.PURPOSES,
    }


def test_legal_basis_is_no_right() -> None:
    # "rätts-" opens the word: the legal basis, the purposes' section
    assert guess("Rättslig grund för behandlingen") is SectionKind.PURPOSES


def test_releasing_outside_the_eu_stays_a_transfer() -> None:
    assert guess("8. Releasing data outside the EU") is SectionKind.TRANSFERS


def test_a_release_denied_is_no_disclosure() -> None:
    text = (
        "Privacy notice\n\nController\n\nAlder Bakery Ltd, Leppätie 9, 20100 Turku\n\n"
        "Releasing of customer data\n\nCustomer data are not released to anyone.\n"
    )
    draft = import_notice(text).draft
    assert draft.recipients == ()
    assert "recipients" in [none.value for none in draft.none_stated]


def test_english_register_information_heading_holds_the_data() -> None:
    text = (
        "Privacy statement of Pinewood Kennel Ltd\n\n"
        "Controller\n\nPinewood Kennel Ltd, Kuusitie 3, 40100 Jyväskylä\n\n"
        "Register information\n\n"
        "The register holds the customer's name, address, e-mail address and the dog's name.\n\n"
        "Grounds for maintaining the register\n\n"
        "The data are used to book boarding places and to send invoices.\n"
    )
    result = import_notice(text)
    fields = {m.field for m in result.mapped if m.field.startswith("heading:")}
    assert {"heading:data_categories", "heading:purposes"} <= fields
    assert result.draft.data_categories


# --- the notice's date in more wordings, and a sentence that only dates the notice -----


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Tämä versio on käytössä 3.4.2021.", "2021-04-03"),
        ("Voimassa 1.2.2023 alkaen", "2023-02-01"),
        ("Seloste on voimassa 9.9.2019 alkaen.", "2019-09-09"),
        ("Integritetspolicyn har senast uppdaterats 12.6.2022.", "2022-06-12"),
        ("Date of settlement 7.3.2016", "2016-03-07"),
        ("This version is in force from 2.5.2024.", "2024-05-02"),
    ],
)
def test_notice_date_wordings(line: str, when: str) -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterinpitäjä\n\nKivikon Kukka Oy, Kukkatie 2, 15100 Lahti\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen.\n\n"
        f"{line}\n"
    )
    result = import_notice(text)
    assert str(result.draft.updated) == when
    at = text.index(line.rstrip("."))
    # the whole line is the date: nothing of it is kept in the description
    assert not any(
        m.field == "description" and m.start < at + len(line) and m.end > at for m in result.mapped
    )


def test_valid_until_is_no_notice_date() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterin käyttötarkoitus\n\n"
        "Kausikortti on voimassa 31.12.2025 asti, ja tietoja käytetään sen hallintaan.\n"
    )
    assert import_notice(text).draft.updated is None


def test_sentence_with_more_than_the_date_keeps_its_text() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään tilausten toimittamiseen.\n\n"
        "Seloste on päivitetty 4.4.2024, kun uusi verkkokauppa otettiin käyttöön.\n"
    )
    result = import_notice(text)
    assert str(result.draft.updated) == "2024-04-04"
    at = text.index("Seloste on päivitetty")
    assert any(m.field != "updated" and m.start <= at < m.end for m in result.mapped)


# --- another body's register that the data come from is no name of the notice's -------


def test_a_source_register_is_not_the_register_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Kuusiston Vuokrakodit Oy kerää tietoja asukkailta itseltään ja tarvittaessa "
        "Luottokeskus Oy:n maksuhäiriörekisteristä.\n\n"
        "Rekisterinpitäjä\n\nKuusiston Vuokrakodit Oy, Kuusitie 5, 70100 Kuopio\n"
    )
    draft = import_notice(text).draft
    assert draft.name is None or "maksuhäiriö" not in (draft.name.fi or "")


def test_a_body_register_named_otherwise_is_still_the_name() -> None:
    text = (
        "Tietosuojaseloste\n\n"
        "Tässä selosteessa kerrotaan, miten Kuusiston Vuokrakodit Oy:n asukasrekisterin "
        "tietoja käsitellään.\n\n"
        "Rekisterinpitäjä\n\nKuusiston Vuokrakodit Oy, Kuusitie 5, 70100 Kuopio\n"
    )
    draft = import_notice(text).draft
    assert draft.name is not None
    assert draft.name.fi == "Kuusiston Vuokrakodit Oy:n asukasrekisteri"


# --- a long heading alone between blank lines, over prose --------------------------------

_LONG_SV = (
    "Ändamålet med behandlingen för vilken uppgifterna om medlemmarna är avsedda samt den "
    "rättsliga grunden för behandlingen och det berättigade intresset"
)


def _sv_notice(heading: str) -> str:
    return (
        "Dataskyddsbeskrivning\n\n"
        "Registeransvarig\n\nKorpholmens Segelsällskap rf, Strandvägen 3, 10600 Ekenäs\n\n"
        f"{heading}\n\n"
        "Sällskapet behandlar uppgifter om sina medlemmar för att sköta medlemskapet och "
        "ordna seglingar. Uppgifterna används också för att skicka medlemsbrev.\n\n"
        "Uppgifter som ingår i registret:\n\n"
        "Namn, adress, e-postadress och telefonnummer samt båtens namn.\n"
    )


def test_long_heading_alone_over_prose_is_read() -> None:
    assert 120 < len(_LONG_SV) <= 160  # longer than a short heading, no paragraph
    result = import_notice(_sv_notice(_LONG_SV))
    heads = {m.field for m in result.mapped if m.field.startswith("heading:")}
    assert "heading:purposes" in heads
    assert result.draft.purposes


@pytest.mark.parametrize(
    "line",
    [
        # a sentence without its full stop: a verb before any relative clause
        (
            "Ändamålet med behandlingen är att sköta medlemskapet och ordna seglingar för alla "
            "medlemmar som deltar i sällskapets verksamhet under året"
        ),
        # ends with a full stop
        _LONG_SV + ".",
    ],
)
def test_long_sentence_is_no_heading(line: str) -> None:
    result = import_notice(_sv_notice(line))
    at = result.text.index(line[:40])
    assert not any(m.field.startswith("heading:") and m.start <= at < m.end for m in result.mapped)


def test_long_label_with_a_verb_leads_in() -> None:
    text = (
        "Privacy notice\n\nController\n\nAlder Bakery Ltd, Leppätie 9, 20100 Turku\n\n"
        "Purpose of processing\n\nWe keep a customer register.\n\n"
        "Your data are used for:\n\n"
        "- invoicing\n- customer service\n"
    )
    result = import_notice(text)
    at = text.index("Your data are used for")
    assert not any(m.field.startswith("heading:") and m.start <= at < m.end for m in result.mapped)
