"""Fixes of outside-attack findings (R8's, A15's V…, A14's Q…), helper F11, session 17.

Each test is a mechanism the fix added, on small fictional notices written for
this file (never text of the held-out fixtures, nor copied from the dev ones).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._structure import _heading_over_table, lines_of

_BODY = "Rekisterinpitäjä\n\nSalmelan Sahti Oy\nMallaskuja 7, 15100 Lahti\n\n"


def _names(entries: tuple[object, ...]) -> list[str]:
    return [str(entry.name.fi) for entry in entries]  # type: ignore[attr-defined]


# --- R8-12: a table copied as text right under its heading (no blank line) --------------------


@pytest.mark.parametrize("gap", ["", "\n"])
@pytest.mark.parametrize(
    "table",
    [
        "Käyttötarkoitus\tOikeusperuste\nTilausten käsittely\tSopimus\nUutiskirje\tSuostumus\n",
        "Tilausten käsittely\t\tSopimus\nUutiskirje\t\tSuostumus\n",
        (
            "| Tarkoitus | Peruste |\n|---|---|\n| Tilausten käsittely | Sopimus |\n"
            "| Uutiskirje | Suostumus |\n"
        ),
    ],
)
@pytest.mark.parametrize("heading", ["Henkilötietojen käsittelyn tarkoitus", "2. Käyttötarkoitus"])
def test_a_table_right_under_its_heading_is_read_row_by_row(
    heading: str, table: str, gap: str
) -> None:
    draft = import_notice(_BODY + heading + "\n" + gap + table).draft
    names = _names(draft.purposes)
    assert len(names) == 2, names
    assert names[0].startswith("Tilausten käsittely")
    assert names[1].startswith("Uutiskirje")


def test_a_data_table_under_its_heading_gives_one_category_a_row() -> None:
    draft = import_notice(
        _BODY + "Rekisteriin tallennettavat tiedot\nTieto\tPakollinen\n"
        "Etunimi\tkyllä\nPuhelinnumero\tei\nSyntymävuosi\tei\n"
    ).draft
    assert _names(draft.data_categories) == ["Etunimi", "Puhelinnumero", "Syntymävuosi"]


def test_an_english_lead_in_over_a_table_is_no_row() -> None:
    draft = import_notice(
        _BODY + "Purposes of processing\n\nWe use the data for:\n"
        "Order handling\tContract\nNewsletter\tConsent\n"
    ).draft
    names = _names(draft.purposes)
    assert len(names) == 2, names
    assert not any("use the data" in name for name in names)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("Käsittelyn tarkoitus\nTilaus\tSopimus\nUutiskirje\tSuostumus", True),
        ("Käytämme tietoja näihin:\nTilaus\tSopimus\nUutiskirje\tSuostumus", True),
        # a sentence, a heading of no list's kind, one-cell lines, a row on the first line
        ("Tietoja käytetään näin.\nTilaus\tSopimus\nUutiskirje\tSuostumus", False),
        ("Yhteystiedot\nPuhelin\t09 123 4567\nSähköposti\tinfo@sahti.example", False),
        ("Käsittelyn tarkoitus\nTilaus\nUutiskirje", False),
        ("Tarkoitus\tPeruste\nTilaus\tSopimus\nUutiskirje\tSuostumus", False),
        ("Käsittelyn tarkoitus\nTilaus\tSopimus", False),
    ],
)
def test_what_heads_a_table_under_it(block: str, *, expected: bool) -> None:
    lines = lines_of(block)
    assert _heading_over_table(block, lines) is expected


# --- V43: every reader of denials knows the same words of an exception ---------------------------


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "Tietojen luovutukset",
            (
                "Tietoja ei luovuteta eteenpäin, poikkeuksen muodostavat lakisääteiset "
                "ilmoitukset Verohallinnolle."
            ),
        ),
        ("Utlämnande av uppgifter", "Vi lämnar inte ut uppgifter, bortsett från Skatteverket."),
        ("Disclosure of data", "We never share your data, aside from our payment provider."),
        (
            "Disclosure of data",
            "Personal data is not disclosed to anyone, excluding disclosures required by law.",
        ),
    ],
)
def test_a_disclosure_denial_with_an_exception_keeps_the_recipient(
    heading: str, sentence: str
) -> None:
    draft = import_notice(_BODY + heading + "\n\n" + sentence + "\n").draft
    assert [none.value for none in draft.none_stated] == []
    assert len(draft.recipients) == 1


def test_a_transfer_denial_with_an_exception_states_no_none() -> None:
    draft = import_notice(
        _BODY + "Tietojen siirto EU:n ulkopuolelle\n\nTietoja ei siirretä EU:n ulkopuolelle, "
        "poikkeuksena sähköpostipalvelumme, jonka palvelimet sijaitsevat Yhdysvalloissa.\n"
    ).draft
    assert [none.value for none in draft.none_stated] == []
    assert len(draft.transfers) == 1


@pytest.mark.parametrize(
    "sentence",
    ["Tietoja ei luovuteta ulkopuolisille.", "We do not disclose data to third parties."],
)
def test_a_denial_without_an_exception_still_states_none(sentence: str) -> None:
    draft = import_notice(_BODY + "Tietojen luovutukset\n\n" + sentence + "\n").draft
    assert [none.value for none in draft.none_stated] == ["recipients"]


# --- V33: a question on whether the data must be given heads the provision requirement ----------


@pytest.mark.parametrize(
    ("heading", "answer"),
    [
        ("Onko minun pakko antaa tietoni?", "Ei ole, mutta ilman osoitetta emme voi toimittaa."),
        ("Täytyykö minun antaa henkilötietoni?", "Nimi ja osoite tarvitaan toimitukseen."),
        ("Vad händer om jag inte lämnar mina uppgifter?", "Då kan vi inte leverera varan."),
        ("Do I have to give you my personal data?", "No, but without it we cannot deliver."),
    ],
)
def test_a_question_on_giving_the_data_heads_the_provision_requirement(
    heading: str, answer: str
) -> None:
    result = import_notice(_BODY + heading + "\n\n" + answer + "\n")
    assert result.draft.provision_requirement is not None
    assert answer[:20] in str(result.draft.provision_requirement)
    assert result.draft.data_categories == ()
    assert "R122" not in [finding.code for finding in result.findings]


def test_a_question_on_the_data_kept_still_heads_the_data() -> None:
    draft = import_notice(_BODY + "Mitä tietoja tallennamme?\n\nNimi, osoite ja puhelin.\n").draft
    assert draft.provision_requirement is None
    assert _names(draft.data_categories) == ["Nimi", "Osoite", "Puhelin"]


# --- V42: no text makes the importer raise ------------------------------------------------------


@pytest.mark.parametrize("quotes", ['"  "', "‘ ’", "« »", "'' ''"])
def test_a_name_of_quotes_alone_is_left_out_not_raised(quotes: str) -> None:
    result = import_notice("Rekisterinpitäjä\n\n" + quotes + "\n\nRekisterin nimi\n\nAsiakkaat\n")
    assert result.draft.controller is not None
    assert not result.draft.controller.name


_SMALL = (
    "Rekisterinpitäjä\n\nSalmelan Sahti Oy\nY-tunnus 1234567-1\nMallaskuja 7, 15100 Lahti\n\n"
    "Rekisterin tietosisältö\n\netunimi¹\n¹ vapaaehtoinen\nosoite, puhelin\n\n"
    "Tietojen luovutukset\n\nTietoja ei luovuteta.\n"
)


@pytest.mark.parametrize("line_end", ["\r", "\u2028", "\u2029"])
def test_a_lone_line_end_anywhere_never_raises(line_end: str) -> None:
    for at in range(1, len(_SMALL)):
        result = import_notice(_SMALL[:at] + line_end + _SMALL[at:])
        assert result.draft is not None


@pytest.mark.parametrize("line_end", ["\r", "\u2028", "\u2029"])
def test_a_lone_line_end_ends_a_line(line_end: str) -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nSalmelan Sahti Oy" + line_end + "Mallaskuja 7, 15100 Lahti\n\n"
        "Rekisterin tietosisältö\n\n- nimi" + line_end + "- puhelinnumero\n"
    )
    controller = result.draft.controller
    assert controller is not None
    assert controller.name == "Salmelan Sahti Oy"
    assert controller.address is not None
    assert controller.address.town == "Lahti"
    assert _names(result.draft.data_categories) == ["Nimi", "Puhelinnumero"]


# --- V28: an old law named as the past draws no outdated-reference finding ----------------------

_OUTDATED = ("R301", "R302", "R308", "R311")


@pytest.mark.parametrize(
    "sentence",
    [
        "Aikaisemmin rekisteriin sovellettiin henkilötietolakia, nyt tietosuoja-asetusta.",
        "Tidigare gällde personuppgiftslagen, i dag gäller dataskyddsförordningen.",
        "This notice replaces the register description under the Personal Data Act (523/1999).",
        "Viestintävirasto on nyttemmin Liikenne- ja viestintävirasto Traficom.",
    ],
)
def test_an_old_law_named_as_the_past_is_no_finding(sentence: str) -> None:
    result = import_notice(_BODY + "Yleistä\n\n" + sentence + "\n")
    assert [f.code for f in result.findings if f.code in _OUTDATED] == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Tietoja käsitellään henkilötietolain (523/1999) mukaisesti.", "R301"),
        ("Tämä seloste on laadittu henkilötietolain (523/1999) mukaisesti.", "R301"),
        ("Henkilötietolaki on kumottu.", "R301"),
        ("Henkilötietolakia sovelletaan nykyään.", "R301"),
        ("Valvova viranomainen on Viestintävirasto.", "R311"),
    ],
)
def test_an_old_law_cited_as_in_force_is_still_a_finding(sentence: str, code: str) -> None:
    result = import_notice(_BODY + "Yleistä\n\n" + sentence + "\n")
    assert code in [f.code for f in result.findings]


# --- V32: a numbered list one entry a paragraph after a lead-in stays a list --------------------

_NUMBERED_BODY = "1. Rekisterinpitäjä\n\nSalmelan Sahti Oy\nMallaskuja 7, 15100 Lahti\n\n"


@pytest.mark.parametrize(
    "entries",
    [
        ["Tilausten toimittaminen", "Tietojen säilyttäminen lain vaatiman ajan", "Asiakaspalvelu"],
        [
            "Verkkokaupan tilausten käsittelyyn",
            "Tietojen luovuttamiseen Verohallinnolle ja muille viranomaisille lain nojalla",
            "Asiakasviestintään",
        ],
    ],
)
def test_numbered_entries_one_a_paragraph_after_a_lead_in_are_a_list(entries: list[str]) -> None:
    body = "".join(f"{number}. {entry}\n\n" for number, entry in enumerate(entries, 1))
    draft = import_notice(
        _NUMBERED_BODY
        + "2. Rekisterin käyttötarkoitus\n\nKäsittelemme tietoja näihin:\n\n"
        + body
        + "3. Rekisterin tietosisältö\n\n- nimi\n"
    ).draft
    assert len(draft.purposes) == 3, _names(draft.purposes)
    assert draft.retention == ()
    assert draft.recipients == ()


def test_a_known_heading_numbered_next_ends_the_list_after_a_lead_in() -> None:
    draft = import_notice(
        _NUMBERED_BODY + "2. Rekisterin käyttötarkoitus\n\nKäsittelemme tietoja näihin:\n\n"
        "1. Tilausten toimittaminen\n\n2. Asiakaspalvelu\n\n3. Rekisterin tietosisältö\n\n- nimi\n"
    ).draft
    assert _names(draft.purposes) == ["Tilausten toimittaminen", "Asiakaspalvelu"]
    assert _names(draft.data_categories) == ["Nimi"]


# --- V19: a list whose items are each in two languages is parted at its commas -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "etunimi / förnamn, sukunimi / efternamn, sähköposti / e-post ja puhelin / telefon",
            [
                "Etunimi / förnamn",
                "Sukunimi / efternamn",
                "Sähköposti / e-post",
                "Puhelin / telefon",
            ],
        ),
        ("nimi, osoite / postiosoite, puhelin", ["Nimi", "Osoite / postiosoite", "Puhelin"]),
        ("nimi / osoite / puhelin", ["Nimi", "Osoite", "Puhelin"]),
    ],
)
def test_commas_part_a_list_before_slashes(text: str, expected: list[str]) -> None:
    draft = import_notice(_BODY + "Rekisterin tietosisältö\n\n" + text + "\n").draft
    assert _names(draft.data_categories) == expected


# --- V31: a legal form's full stop before a suffix or a bracket ends no sentence ----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja luovutetaan Mallas GmbH. -nimiselle yhtiölle ja Postille laskutusta varten.",
        "Tietoja luovutetaan Lahden Laulu r.y. -yhdistykselle jäsenyyttä varten.",
        "We share order data with Parcelwise Ltd. (United Kingdom) for deliveries.",
    ],
)
def test_a_legal_forms_stop_before_a_suffix_or_bracket_keeps_the_sentence(sentence: str) -> None:
    draft = import_notice(_BODY + "Tietojen luovutukset\n\n" + sentence + "\n").draft
    assert len(draft.recipients) == 1, draft.recipients


def test_a_legal_forms_stop_before_a_capital_still_ends_the_sentence() -> None:
    from rekisteri.importer._finnish import sentences

    text = "Tietoja käsittelee Pilvi Ltd. Tiedot säilytetään Suomessa."
    assert len(sentences(text, 0, len(text))) == 2


# --- Q32: a plus or an ampersand joins two parts of one length ----------------------------------


@pytest.mark.parametrize(
    "length", ["6 vuotta + 6 kuukautta", "2 years plus 6 months", "2 år + 6 mån", "3 kk & 15 pv"]
)
def test_a_length_in_two_units_joined_by_a_sign_gives_no_period(length: str) -> None:
    draft = import_notice(
        _BODY + "Säilytysaika\n\nTietoja säilytetään " + length + " asiakassuhteen päättymisestä.\n"
    ).draft
    assert [rule.period for rule in draft.retention] == [None]


def test_a_length_in_one_unit_is_still_read() -> None:
    draft = import_notice(
        _BODY + "Säilytysaika\n\nTietoja säilytetään 6 vuotta asiakassuhteen päättymisestä.\n"
    ).draft
    assert [rule.period.years if rule.period else None for rule in draft.retention] == [6]


# --- V41: who inside the controller uses the data is no recipient -------------------------------


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        (
            "Tietojen luovutukset",
            (
                "Tietoja ei luovuteta kolmansille osapuolille. Tietoihin pääsevät käsiksi "
                "ainoastaan seuran toimihenkilöt."
            ),
        ),
        (
            "Utlämnande av uppgifter",
            "Uppgifter lämnas inte ut. Uppgifterna behandlas endast av föreningens styrelse.",
        ),
        ("Disclosure of data", "We do not disclose your data. Only our staff can access it."),
        (
            "Disclosure of data",
            "Access to the data is limited to our customer service employees.",
        ),
    ],
)
def test_the_controllers_own_people_are_no_recipient(heading: str, text: str) -> None:
    draft = import_notice(_BODY + heading + "\n\n" + text + "\n").draft
    assert draft.recipients == (), draft.recipients
    assert [none.value for none in draft.none_stated] == ["recipients"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Tietoja ei luovuteta ulkopuolisille. Tietoja voivat käsitellä vain "
            "palveluntarjoajamme työntekijät."
        ),
        "Tietoja käsittelee Tilipalvelu Oy:n henkilökunta.",
        "Tietoja luovutetaan Verohallinnolle. Tietoja käsittelevät vain hallituksen jäsenet.",
    ],
)
def test_a_party_outside_or_a_disclosure_keeps_a_recipient(text: str) -> None:
    draft = import_notice(_BODY + "Tietojen luovutukset\n\n" + text + "\n").draft
    assert len(draft.recipients) == 1, draft.recipients
    assert draft.none_stated == ()


@pytest.mark.parametrize(
    "text",
    [
        "Tiedot ovat ainoastaan yhdistyksen omassa käytössä.",
        "Uppgifterna är endast för föreningens eget bruk.",
    ],
)
def test_the_controllers_own_use_alone_states_no_recipients(text: str) -> None:
    draft = import_notice(_BODY + "Tietojen luovutukset\n\n" + text + "\n").draft
    assert draft.recipients == ()
    assert [none.value for none in draft.none_stated] == ["recipients"]


# --- Q46: a date closing the title line is the notice's date ------------------------------------


@pytest.mark.parametrize(
    ("title", "updated"),
    [
        ("Privacy notice 3.4.2025", "2025-04-03"),
        ("REKISTERISELOSTE 3.4.2025", "2025-04-03"),
        ("Dataskyddsbeskrivning 2024-05-01", "2024-05-01"),
    ],
)
def test_a_date_on_the_title_line_dates_the_notice(title: str, updated: str) -> None:
    draft = import_notice(title + "\n\n" + _BODY).draft
    assert str(draft.updated) == updated
