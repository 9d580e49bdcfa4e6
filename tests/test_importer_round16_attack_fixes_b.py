"""Session 16, second fixer (F9): mechanisms behind A14's and R7's open findings.

Every notice here is invented for these tests.
"""

from __future__ import annotations

import os
import time

import pytest

from rekisteri.importer import import_notice

OWNER = "Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajulantie 4, 33100 Tampere\n\n"


def _categories(text: str) -> list[str]:
    draft = import_notice(OWNER + text).draft
    return [category.name.fi or category.name.sv or "" for category in draft.data_categories]


# --- a list's lead-in that lost its colon (A14's Q45) --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # no blank line anywhere (a Word text save)
        (
            "Rekisterin tietosisältö\nKeräämme asiakkaista seuraavat tiedot\nEtunimi\n"
            "Sukunimi\nPostiosoite\n"
        ),
        # a blank line after the heading
        (
            "Rekisterin tietosisältö\n\nKeräämme asiakkaista seuraavat tiedot\nEtunimi\n"
            "Sukunimi\nPostiosoite\n"
        ),
        # no verb: "the following data" alone over the entries
        "Rekisterin tietosisältö\nSeuraavat tiedot\nEtunimi\nSukunimi\nPostiosoite\n",
    ],
)
def test_a_lead_in_without_its_colon_is_no_entry(text: str) -> None:
    assert _categories(text) == ["Etunimi", "Sukunimi", "Postiosoite"]


def test_a_swedish_lead_in_without_its_colon_is_no_entry() -> None:
    text = "Registrets datainnehåll\nVi samlar in följande uppgifter\nNamn\nAdress\nE-post\n"
    assert _categories(text) == ["Namn", "Adress", "E-post"]


def test_a_colonless_lead_in_is_no_heading_and_stays_its_sections_text() -> None:
    text = "Rekisterin tietosisältö\nRekisteriin kirjataan seuraavat tiedot\nEtunimi\nSukunimi\n"
    result = import_notice(OWNER + text)
    lead = (OWNER + text).index("Rekisteriin")
    assert [section[2] for section in result.sections] == ["controller", "data_categories"]
    # read as the same lead-in with its colon is: its section's text or listed, never lost
    assert any(m.start == lead and m.field == "data_categories" for m in result.mapped) or any(
        passage.start == lead for passage in result.unmatched
    )
    assert [category.name.fi for category in result.draft.data_categories] == [
        "Etunimi",
        "Sukunimi",
    ]


def test_a_colonless_lead_in_over_purposes_gives_the_purposes() -> None:
    draft = import_notice(
        OWNER + "Henkilötietojen käsittelyn tarkoitus\nKäytämme tietoja seuraaviin tarkoituksiin\n"
        "Tilausten toimittaminen\nLaskutus\nAsiakasviestintä\n"
    ).draft
    assert [purpose.name.fi for purpose in draft.purposes] == [
        "Tilausten toimittaminen",
        "Laskutus",
        "Asiakasviestintä",
    ]


def test_a_line_without_the_following_word_over_short_lines_is_unchanged() -> None:
    # a short capitalised line with no "the following" is read as before: an entry
    names = _categories("Rekisterin tietosisältö\n\nAsiakkaan perustiedot\nEtunimi\nSukunimi\n")
    assert names[-2:] == ["Etunimi", "Sukunimi"]
    assert "Asiakkaan perustiedot" in names


def test_a_sentence_naming_the_following_is_no_colonless_lead_in() -> None:
    # a sentence (it ends with a stop) is the section's text, not a lead-in over entries
    names = _categories(
        "Rekisterin tietosisältö\n\nSeuraavat tiedot ovat pakollisia.\nEtunimi\nSukunimi\n"
    )
    assert "Etunimi" in " ".join(names)


# --- a PDF's running header or page number inside a section (A14's Q30) --------------------------

PAGED_TOP = (
    "Pajulan Puutarha Oy | Rekisteriseloste\n\n1. Rekisterinpitäjä\nPajulan Puutarha Oy\n"
    "Pajulantie 4, 33100 Tampere\n\n2. Rekisterin tietosisältö\n- etunimi\n- sukunimi\n\n"
)
PAGED_BOTTOM = "- postiosoite\n- puhelinnumero\n\n3. Tietojen säilytysaika\nKaksi vuotta.\n"


@pytest.mark.parametrize(
    "header",
    [
        "Pajulan Puutarha Oy | Rekisteriseloste\n\n",  # the title line again
        "REKISTERISELOSTE\n\n",  # the title's own word, in capitals
        "Rekisteriseloste 2.3.2025\n\n",  # with the date
        "Sivu 2 / 3\n\nRekisteriseloste\n\n",  # after the footer
        "2 (3)\n\n",  # a page number and the pages, alone
        "\fRekisteriseloste\n\n",  # after a page break
    ],
)
def test_a_running_header_inside_a_section_keeps_its_list_whole(header: str) -> None:
    text = PAGED_TOP + header + PAGED_BOTTOM
    result = import_notice(text)
    assert [category.name.fi for category in result.draft.data_categories] == [
        "Etunimi",
        "Sukunimi",
        "Postiosoite",
        "Puhelinnumero",
    ]
    assert result.draft.description is None
    assert not result.unmatched


def test_a_title_in_other_words_is_no_running_header() -> None:
    # a second title that is not the first one's words: not furniture (read as before)
    from rekisteri.importer._furniture import furniture

    text = "Tietosuojaseloste\n\nnimi\n\nDataskyddsbeskrivning\n\nnamn\n"
    assert furniture(text) == []
    text = "Tietosuojaseloste\n\nnimi\n\nTietosuojaseloste – jäsenrekisteri\n\nnimi\n"
    assert furniture(text) == []


def test_a_title_inside_a_paragraph_or_on_a_page_is_no_running_header() -> None:
    from rekisteri.importer._furniture import furniture

    # a line of a paragraph (no blank line around it) is no header
    assert furniture("Tietosuojaseloste\n\nTämä on\nTietosuojaseloste\njonka luet.\n") == []
    # a web page's heading says what it says
    text = "Tietosuojaseloste\n\nRekisterin tietosisältö\n\nnimi\n\nTietosuojaseloste\n\nosoite\n"
    assert furniture(text, html=True) == []
    assert len(furniture(text)) == 1
    # the title again before any section's heading: a page's name over its title, no header
    assert furniture("TIETOSUOJASELOSTE\n\nTietosuojaseloste\n\nRekisterinpitäjä\n") == []


def test_a_page_pair_out_of_order_is_no_page_number() -> None:
    from rekisteri.importer._furniture import is_furniture

    assert is_furniture("2 (3)")
    assert is_furniture("3/3")
    assert not is_furniture("4 (3)")
    assert not is_furniture("0/2")


# --- a bullet after a list's lead-in is no part of the entry (A14's Q10) -------------------------


@pytest.mark.parametrize("bullet", ["o\t", "o ", "a) ", "•\t"])
def test_a_bullet_after_a_lead_in_is_no_part_of_the_entry(bullet: str) -> None:
    items = "".join(bullet + item + "\n" for item in ["Etunimi", "Sukunimi", "Postiosoite"])
    if bullet == "a) ":
        items = "a) Etunimi\nb) Sukunimi\nc) Postiosoite\n"
    names = _categories("Rekisterin tietosisältö\n\nAsiakkaasta kirjataan:\n" + items)
    assert names == ["Etunimi", "Sukunimi", "Postiosoite"]


def test_a_word_after_a_lead_in_keeps_its_first_letter() -> None:
    # "Osoite" opens with an "O": only "o" and a blank before the text is a bullet
    names = _categories(
        "Rekisterin tietosisältö\n\nAsiakkaasta kirjataan:\nOsoite\nOmat muistiinpanot\n"
    )
    assert names == ["Osoite", "Omat muistiinpanot"]


# --- two genitives that share one head noun (A14's Q22) -----------------------------------------


def _purposes(sentence: str) -> list[str]:
    draft = import_notice(
        OWNER + "Henkilötietojen käsittelyn tarkoitus\n\n" + sentence + "\n"
    ).draft
    return [purpose.name.fi or "" for purpose in draft.purposes]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # singular genitives, illative list
        (
            "Tietoja käytetään kiinteistön ja pihan kunnossapitoon.",
            "Kiinteistön ja pihan kunnossapito",
        ),
        # plural genitives, nominative list
        (
            "Rekisterin tarkoituksena on vuokralaisten ja omistajien tiedottaminen.",
            "Vuokralaisten ja omistajien tiedottaminen",
        ),
        # singular genitives, nominative list
        (
            "Rekisterin tarkoituksena on kiinteistön ja pihan kunnossapito.",
            "Kiinteistön ja pihan kunnossapito",
        ),
    ],
)
def test_two_genitives_sharing_a_head_are_one_purpose(sentence: str, name: str) -> None:
    assert _purposes(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # an illative is no genitive: two purposes
        (
            "Tietoja käytetään laskutukseen ja asiakassuhteen hoitamiseen.",
            ["Laskutus", "Asiakassuhteen hoitaminen"],
        ),
        ("Rekisterin tarkoituksena on laskutus ja perintä.", ["Laskutus", "Perintä"]),
    ],
)
def test_an_illative_or_a_nominative_before_ja_is_still_its_own_purpose(
    sentence: str, names: list[str]
) -> None:
    assert _purposes(sentence) == names


# --- a table copied as text: one entry a row (A15's V1, also V2 and the round-12 K11) ----------


@pytest.mark.parametrize(
    ("heading", "table", "names"),
    [
        (
            "Henkilötietojen käsittelyn tarkoitus",
            "Käyttötarkoitus\tPeruste\nTilausten toimitus\tSopimus\nUutiskirje\tSuostumus\n",
            ["Tilausten toimitus (Sopimus)", "Uutiskirje (Suostumus)"],
        ),
        (
            "Henkilötietojen käsittelyn tarkoitus",
            (
                "| Tarkoitus | Peruste |\n|---|---|\n| Tilausten toimitus | Sopimus |\n"
                "| Uutiskirje | Suostumus |\n"
            ),
            ["Tilausten toimitus (Sopimus)", "Uutiskirje (Suostumus)"],
        ),
        (
            # no header row: every row an entry
            "Henkilötietojen käsittelyn tarkoitus",
            "Tilausten toimitus\tSopimus\nUutiskirje\tSuostumus\n",
            ["Tilausten toimitus (Sopimus)", "Uutiskirje (Suostumus)"],
        ),
    ],
)
def test_a_purposes_table_copied_as_text_gives_one_entry_a_row(
    heading: str, table: str, names: list[str]
) -> None:
    draft = import_notice(OWNER + heading + "\n\n" + table).draft
    assert [purpose.name.fi for purpose in draft.purposes] == names


def test_a_data_table_without_a_header_keeps_its_first_row() -> None:
    names = _categories(
        "Rekisterin tietosisältö\n\netunimi\tpakollinen\nsähköposti\tvapaaehtoinen\n"
    )
    assert names == ["Etunimi", "Sähköposti"]


def test_a_table_row_of_one_cell_and_a_sentence_with_a_tab_are_read_as_before() -> None:
    # a tab inside a paragraph of prose under the purposes: no table (no two rows of cells)
    draft = import_notice(
        OWNER + "Henkilötietojen käsittelyn tarkoitus\n\nTietoja käytetään\tlaskutukseen.\n"
    ).draft
    assert [purpose.name.fi for purpose in draft.purposes] == ["Laskutus"]


# --- a bulleted list of illatives under the purposes (A14's Q8) ----------------------------------


@pytest.mark.parametrize(
    ("items", "names"),
    [
        ("- tilausten toimittamiseen ja laskutukseen\n", ["Tilausten toimittaminen", "Laskutus"]),
        ("- kiinteistön ja pihan kunnossapitoon\n", ["Kiinteistön ja pihan kunnossapito"]),
        (
            "- uutiskirjeisiin, asiakaskyselyihin ja kilpailuihin\n",
            ["Uutiskirjeet", "Asiakaskyselyt", "Kilpailut"],
        ),
    ],
)
def test_a_bulleted_list_of_illatives_gives_each_purpose(items: str, names: list[str]) -> None:
    assert _purposes(items + "- asiakaspalveluun") == [*names, "Asiakaspalvelu"]


@pytest.mark.parametrize(
    "item",
    [
        "- tilausten toimitus ja laskutus",  # nominatives: one purpose whole, as before
        "- koulutuksiin ilmoittautuminen ja osallistujalistat",  # no illative at its end
    ],
)
def test_a_bulleted_item_not_all_in_the_illative_is_one_purpose(item: str) -> None:
    assert len(_purposes(item)) == 1


# --- another body's web site after the controller's block (A14's Q40) ---------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Kuluttajariitalautakunta: www.kuluttajariita.example",
        "Lisää tietosuojasta: https://tietosuojaopas.example/ohjeet",
        "www.kuluttajariita.example",
    ],
)
def test_a_web_site_of_another_body_is_not_the_controllers(line: str) -> None:
    draft = import_notice(OWNER + "Lisätiedot\n\n" + line + "\n").draft
    contact = draft.controller.contact
    assert contact is None or contact.url is None


@pytest.mark.parametrize(
    "line",
    [
        "Verkkosivut: www.kuluttajariita.example",  # a channel's label: the party's own
        "www.pajulanpuutarha.example",  # the domain opens with the name's first word
        "Verkkokauppa: https://kauppa.pajula.example",
    ],
)
def test_the_controllers_own_site_after_its_block_is_read(line: str) -> None:
    draft = import_notice(OWNER + "Lisätiedot\n\n" + line + "\n").draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.url is not None


def test_a_site_of_the_controllers_e_mail_domain_is_its_own() -> None:
    owner = (
        "Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajulantie 4, 33100 Tampere\ninfo@ppt.example\n\n"
    )
    draft = import_notice(owner + "Lisätiedot\n\nwww.ppt.example\n").draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.url == "www.ppt.example"


# --- a running header with the controller's name or a page, a running footer (A15's V21) --------


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("Rekisteriseloste", "Pajulan Puutarha Oy | Rekisteriseloste | 1.4.2025"),
        (
            "Pajulan Puutarha Oy – Rekisteriseloste",
            "Pajulan Puutarha Oy – Rekisteriseloste – sivu 2",
        ),
        ("Rekisteriseloste", "Pajulan Puutarha Oy, Pajulantie 4, 33100 Tampere"),
    ],
)
def test_a_running_header_or_footer_in_a_list_is_no_entry(title: str, line: str) -> None:
    text = (
        title
        + "\n\n"
        + OWNER
        + "Rekisterin tietosisältö\n\n- etunimi\n- sukunimi\n\n"
        + line
        + "\n\n- postiosoite\n- puhelinnumero\n"
    )
    assert [c.name.fi for c in import_notice(text).draft.data_categories] == [
        "Etunimi",
        "Sukunimi",
        "Postiosoite",
        "Puhelinnumero",
    ]


def test_a_header_with_a_name_the_notice_never_gave_is_read_as_before() -> None:
    from rekisteri.importer._furniture import running_titles

    text = "Rekisteriseloste\n\nRekisterin tietosisältö\n\n- nimi\n\n"
    text += "Kuusen Kauppa Oy | Rekisteriseloste\n\n- osoite\n"
    assert running_titles(text) == []


def test_an_address_line_outside_a_list_is_no_footer() -> None:
    from rekisteri.importer._furniture import running_footers

    # the controller's block again under a contacts heading: no list around it
    text = (
        "Oy Esim Ab\nKatu 1, 00100 Helsinki\n\nYhteydenotot\n\nOy Esim Ab, Katu 1, 00100 Helsinki\n"
    )
    assert running_footers(text) == []


@pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)
def test_page_furniture_is_found_in_linear_time_on_one_long_line() -> None:
    # one line of many commas and no postal code: a pattern that looked for a code after
    # any comma of the line backtracked over every comma (quadratic on one long line)
    from rekisteri.importer._furniture import furniture

    def cost(count: int) -> float:
        text = "Rekisteriseloste\n\nRekisterin tietosisältö\n\n" + "sana, " * count + "\n"
        start = time.process_time()
        furniture(text)
        return time.process_time() - start

    small = min(cost(20_000) for _ in range(2))
    assert cost(80_000) < 8 * small + 0.05
