"""F10's fixes of A15's open findings (session 17), each with wordings of its own.

Every notice, firm and person here is invented; the identity codes are
temporary numbers (900-999) made by :func:`rekisteri.testing.make_hetu`,
nobody's.
"""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri._spellings import holds_code, mask_spellings, spellings
from rekisteri.importer import import_notice
from rekisteri.importer._toml import to_toml
from rekisteri.testing import make_hetu

# --- V29: a sign doubled by a dash and a letter; a birth date parted as a date ---------------

#: 240387-951?: a temporary number, nobody's, whose check character is a digit.
_OLD = make_hetu(date(1987, 3, 24), 951)
#: The same kind born in 2003, whose sign is "A".
_NEW = make_hetu(date(2003, 11, 2), 952)


@pytest.mark.parametrize(
    "spelled",
    [
        f"{_NEW[:6]}-{_NEW[6:]}",  # a dash before the sign letter
        f"{_NEW[:7]}-{_NEW[7:]}",  # a dash after it
        f"{_NEW[:6]} \u2013 {_NEW[6].lower()}{_NEW[7:]}",  # an en dash, spaces, lower case
        f"{_OLD[:4]} {_OLD[4:]}",  # the year apart, as a date is parted
        f"{_OLD[:4]}\n{_OLD[4:]}",  # ... over a line break
    ],
)
def test_a_doubled_sign_or_a_date_parted_birth_date_is_masked(spelled: str) -> None:
    text = f"Asiakas {spelled} soitti."
    digits = "".join(c for c in spelled if c.isdigit())
    assert digits[:9] not in "".join(c for c in mask_spellings(text) if c.isdigit())
    assert holds_code(text)
    assert len(spellings(text)) == 1


def test_a_doubled_sign_reads_its_letter_as_the_century() -> None:
    (found,) = spellings(f"tunnus {_NEW[:6]}-{_NEW[6:]}")
    assert found.canonical == _NEW


@pytest.mark.parametrize(
    "text",
    [
        "puh. 040 123-4567",  # a telephone number: three, three and a dash
        "puh. 0401 234 567",
        "tilaus 2024 12-15",  # no code fits
        f"{_OLD[:3]} {_OLD[3:]}",  # three and three: the telephone shape (trade-off kept)
        f"{_OLD[:9]} {_OLD[9:]}",  # a gap before a digit check after a dash (kept too)
    ],
)
def test_telephone_shapes_stay_no_spelling(text: str) -> None:
    assert _OLD[-1].isdigit()  # the kept shapes are about a digit for the check
    assert spellings(text) == [], text


def test_an_imported_notice_masks_a_parted_birth_date() -> None:
    notice = (
        "Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajukuja 3, 33100 Tampere\n\n"
        f"Rekisterin tietosisältö\n\n- esimerkkiasiakas {_OLD[:4]} {_OLD[4:]}\n"
    )
    result = import_notice(notice)
    toml = to_toml(result.draft, notes=result.notes)
    assert _OLD[7:10] not in toml
    assert "I014" in [finding.code for finding in result.findings]


# --- V40: a heading of the table, a dash and its value in lower case on one line --------------

_PARTY = "Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajukuja 3, 33100 Tampere\n\n"
_AFTER = "\n\nRekisterin nimi\n\nAsiakasrekisteri\n"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Registrets datainnehåll – namn, adress och telefonnummer",
            ["Namn", "Adress", "Telefonnummer"],
        ),
        ("Content of the register - name, e-mail address and phone number", None),
        ("3. Rekisterin tietosisältö – etunimi, sukunimi sekä henkilötunnus", None),
    ],
)
def test_a_table_heading_dash_lower_case_list_gives_its_items(
    line: str, names: list[str] | None
) -> None:
    draft = import_notice(_PARTY + line + _AFTER).draft
    got = [c.name.fi or c.name.sv or c.name.en for c in draft.data_categories]
    assert len(got) == 3, got
    if names is not None:
        assert got == names
    assert draft.name is not None


def test_the_identity_code_in_a_dash_value_is_flagged() -> None:
    line = "Rekisterin tietosisältö – asiakasnumero ja henkilötunnus"
    draft = import_notice(_PARTY + line + _AFTER).draft
    assert any(c.personal_identity_code for c in draft.data_categories)


@pytest.mark.parametrize(
    ("line", "word", "field"),
    [
        ("Rekisteröidyt – jäsenet ja lahjoittajat", "Lahjoittajat", "data_subjects"),
        ("Evästeet – _pk_id ja _pk_ses", "_pk_ses", "cookie_policy"),
    ],
)
def test_a_dash_value_after_a_table_heading_is_read_into_its_field(
    line: str, word: str, field: str
) -> None:
    draft = import_notice(_PARTY + line + _AFTER).draft
    assert word in str(getattr(draft, field))


@pytest.mark.parametrize(
    "line",
    [
        "Rekisterin tietosisältö – henkilötiedot",  # a subtitle of the same kind: no list
        "Yhteyshenkilö – myyntipäällikkö",  # a party's label: its value needs a capital
        "Tietosuojaseloste – asiakasrekisteri",  # the title
    ],
)
def test_a_heading_with_a_subtitle_after_a_dash_stays_whole(line: str) -> None:
    from rekisteri.importer._structure import split

    text = _PARTY + line + _AFTER
    headings = [text[s.heading.start : s.heading.end] for s in split(text) if s.heading]
    assert not any(h.rstrip(" –") != line and line.startswith(h.rstrip(" –")) for h in headings)


# --- V45: the identity code denied after a colon or a dash in its own item ----------------------


@pytest.mark.parametrize(
    ("item", "held"),
    [
        ("Asiakkaan henkilötunnus: ei tallenneta rekisteriin", False),
        ("Personnummer – sparas inte", False),
        ("Personal identity code: not collected", False),
        ("Henkilötunnus: ei pakollinen", True),  # optional, but held
        ("Henkilötunnus – vain laskutukseen", True),
        ("Henkilötunnus: ei tallenneta kokonaisena", True),  # held in part
        ("Henkilötunnus (Tallennetaanko: ei)", False),  # a table's column, answered no
        ("Henkilötunnus (Pakollinen: ei)", True),
    ],
)
def test_a_remark_after_a_colon_or_dash_may_deny_the_code(item: str, held: object) -> None:
    from rekisteri.importer._builder import names_identity_code

    assert names_identity_code(item) is held


def test_an_item_denying_the_code_after_a_dash_sets_no_flag() -> None:
    notice = _PARTY + "Rekisterin tietosisältö\n\n- sukunimi\n- hetu – ei kerätä\n"
    draft = import_notice(notice).draft
    assert [c.personal_identity_code for c in draft.data_categories] == [False, False]


# --- V17: a colon before a case ending ("EU:n") is no label's colon ------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Siirrot EU:n ulkopuolelle ovat mahdollisia vakiolausekkein.",
        "Tietojen siirto ETA:n ulkopuolelle: ei tapahdu.",
        "Palvelimet EU:ssa ja Norjassa.",
    ],
)
def test_a_case_ending_colon_makes_no_heading(line: str) -> None:
    result = import_notice(_PARTY + "Siirrot kolmansiin maihin\n\n" + line + "\n")
    for _start, _end, heading, _field in result.guessed:
        assert not heading.endswith((" EU", " ETA")), heading
    texts = [t.description.fi for t in result.draft.transfers if t.description]
    assert not any(text[:2] in {"n ", "ss"} for text in texts), texts
    if "ei tapahdu" in line:
        assert "transfers" in [str(n.value) for n in result.draft.none_stated]


def test_a_label_whose_own_words_hold_a_case_ending_keeps_its_colon() -> None:
    from rekisteri.importer._structure import _INLINE_HEADING

    found = _INLINE_HEADING.match("Siirrot EU:n ulkopuolelle: ei siirretä.")
    assert found is not None
    assert found.group(1) == "Siirrot EU:n ulkopuolelle"
    glued = _INLINE_HEADING.match("Sähköposti:info@pajula.example")
    assert glued is not None
    assert glued.group(1) == "Sähköposti"


# --- V24: a fax's or another word's label glued to a number ------------------------------------


@pytest.mark.parametrize(
    ("line", "phone", "fax_noted"),
    [
        ("Telekopio02 765 4321", None, True),  # a fax, never the phone
        ("Faksi+358 2 765 4321", None, True),
        ("Puhelinnro050 765 4321", "050 765 4321", False),
        ("Vaihde 02 765 4320\nFax02 765 4321", "02 765 4320", True),
        ("Toimisto02 765 4320", "02 765 4320", False),  # an unknown word glued: the whole number
        ("Myyntipalvelu+358 50 765 4321", "+358 50 765 4321", False),
    ],
)
def test_a_glued_label_gives_the_whole_number_to_its_own_field(
    line: str, phone: str | None, fax_noted: object
) -> None:
    result = import_notice(_PARTY.rstrip("\n") + "\n" + line + "\n")
    controller = result.draft.controller
    assert controller is not None
    got = controller.contact.phone if controller.contact else None
    assert got == phone
    notes = " ".join(result.notes.get("controller", ()))
    assert ("telefax" in notes) is fax_noted, notes


def test_a_vat_number_is_no_glued_phone() -> None:
    result = import_notice(_PARTY.rstrip("\n") + "\nALV-tunnus FI02077474\n")
    controller = result.draft.controller
    assert controller is not None
    assert controller.contact is None or controller.contact.phone is None


# --- V37: a sentence under the controller's heading is never its name ---------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Asiakastietoja käsittelee Pajulan Puutarha Oy.", "Pajulan Puutarha Oy"),
        ("Henkilötietoja kerää rekisterinpitäjänä Pajulan Puutarha Oy.", "Pajulan Puutarha Oy"),
        (
            "Jäsentietoja käsitellään Pajulan Puutarhaseura ry:n toimesta.",
            "Pajulan Puutarhaseura ry",
        ),
        ("Uppgifterna behandlas av Pilvikylän Trädgård Ab.", "Pilvikylän Trädgård Ab"),
        ("Tiedot kerätään asiakkailta itseltään.", None),
        ("Tietoja säilytetään kuusi vuotta.", None),
        ("Rekisterin pitäjänä on Pajulan opisto.", "Pajulan opisto"),  # a stated name stays
    ],
)
def test_the_controller_named_in_a_sentence(sentence: str, name: str | None) -> None:
    controller = import_notice("Rekisterinpitäjä\n\n" + sentence + "\n").draft.controller
    assert controller.name == name


# --- V45: a table's yes/no column on holding the code -------------------------------------------


@pytest.mark.parametrize(
    ("table", "flagged"),
    [
        ("Tieto\tTallennetaanko\nsukunimi\tkyllä\nhenkilötunnus\tei\n", False),
        ("Uppgift\tSamlas in\nefternamn\tja\npersonbeteckning\tnej\n", False),
        ("Data\tCollected\nsurname\tyes\npersonal identity code\tno\n", False),
        ("Tieto\tPakollinen\nsukunimi\tkyllä\nhenkilötunnus\tei\n", True),  # optional, held
        ("| Tieto | Kerätäänkö |\n|---|---|\n| sukunimi | kyllä |\n| hetu | ei |\n", False),
    ],
)
def test_a_tables_no_under_a_holding_column_clears_the_flag(table: str, flagged: object) -> None:
    draft = import_notice(_PARTY + "Rekisterin tietosisältö\n\n" + table).draft
    assert any(c.personal_identity_code for c in draft.data_categories) is flagged
    assert len(draft.data_categories) == 2


def test_a_yes_or_no_cell_is_shown_with_its_column() -> None:
    table = "Tieto\tPakollinen\nsukunimi\tkyllä\nsähköposti\tei\n"
    draft = import_notice(_PARTY + "Rekisterin tietosisältö\n\n" + table).draft
    descriptions = [c.description.fi if c.description else None for c in draft.data_categories]
    assert descriptions == ["Pakollinen: kyllä.", "Pakollinen: ei."]


# --- V6: a second source named beside the data subject ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "others"),
    [
        (
            "Tiedot saadaan jäseneltä itseltään ja piirin liitolta.",
            ["Piirin liitolta"],
        ),
        (
            "Tiedot saadaan asiakkaalta itseltään, kunnan ympäristötoimesta sekä naapureilta.",
            ["Kunnan ympäristötoimesta", "Naapureilta"],
        ),
        (
            "Tiedot saadaan potilaalta itseltään ja lähettävältä lääkäriltä (lähete, hoitoohje).",
            ["Lähettävältä lääkäriltä"],
        ),
        # an example of a source is no source of its own
        ("Tiedot saadaan asiakkaalta itseltään ja julkisista lähteistä, kuten lehdistä.", None),
        # "itse" said of both
        ("Tiedot saadaan osakkailta ja asukkailta itseltään.", []),
    ],
)
def test_a_source_beside_the_data_subject_is_read(sentence: str, others: list[str] | None) -> None:
    notice = _PARTY + "Säännönmukaiset tietolähteet\n\n" + sentence + "\n"
    sources = import_notice(notice).draft.sources
    assert sources[0].key == "data-subject"
    names = [s.name.fi for s in sources[1:]]
    if others is None:
        assert names == ["Julkisista lähteistä"]
    else:
        assert names == others


def test_the_customer_without_itse_beside_a_catalogued_source_is_the_data_subject() -> None:
    sentence = "Tiedot saadaan jäseneltä sekä Postin osoitepalvelusta."
    sources = import_notice(_PARTY + "Tietolähteet\n\n" + sentence + "\n").draft.sources
    assert [s.key for s in sources] == ["data-subject", "posti-osoitepalvelu"]


# --- V3: a forwarded e-mail's header before the notice -------------------------------------------

_FORWARDED_NOTICE = (
    _PARTY + "Rekisterin nimi\n\nAsiakasrekisteri\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"
)


@pytest.mark.parametrize(
    "header",
    [
        (
            "---------- Forwarded message ---------\nFrom: Eero Malli <eero@pajula.example>\n"
            "Date: Tue, 2 Dec 2025 at 10:05\nSubject: Seloste\nTo: <toimisto@pajula.example>\n\n"
        ),
        (
            "-------- Ursprungligt meddelande --------\nFrån: Eero Malli <eero@pajula.example>\n"
            "Skickat: 2 december 2025\nTill: toimisto@pajula.example\nÄmne: Beskrivning\n\n"
        ),
        # Outlook's header at the text's start, with no opening line
        (
            "Lähettäjä: Eero Malli <eero@pajula.example>\nLähetetty: 2. joulukuuta 2025 10.05\n"
            "Vastaanottaja: toimisto@pajula.example\nAihe: Seloste\n\n"
        ),
    ],
)
def test_a_forwarded_header_is_neither_published_nor_lost(header: str) -> None:
    from rekisteri.render import render_notice

    result = import_notice(header + _FORWARDED_NOTICE)
    rendered = render_notice(result.draft, locale="fi", format="md")
    assert "eero@pajula.example" not in rendered
    assert "toimisto@pajula.example" not in rendered
    assert result.draft.name is not None
    assert not result.unmatched
    assert result.shares["description"] == 0


def test_a_labelled_line_of_the_notice_is_no_header() -> None:
    notice = "Aihe: asiakasrekisteri\nPäivämäärä: 1.3.2025\n\n" + _FORWARDED_NOTICE
    from rekisteri.importer._quoted import forwarded_header

    assert forwarded_header(notice) == []


# --- V15: a page's chrome outside its <main> --------------------------------------------------

_PAGE_MAIN = (
    "<main><h1>Tietosuojaseloste</h1><h2>Rekisterinpitäjä</h2>"
    "<p>Pajulan Puutarha Oy<br>Pajukuja 3, 33100 Tampere</p>"
    "<h2>Rekisterin nimi</h2><p>Asiakasrekisteri</p></main>"
)


@pytest.mark.parametrize(
    ("chrome", "word"),
    [
        ('<nav><a href="/">Alkuun</a> <a href="/tuotteet">Taimimyymälä</a></nav>', "Taimimyymälä"),
        ("<header><p>Pajulan Puutarha – kukkia vuodesta 1990</p></header>", "vuodesta 1990"),
        ('<div id="consent-box"><p>Sivusto käyttää evästeitä.</p><button>OK</button></div>', "OK"),
    ],
)
def test_page_chrome_outside_main_is_not_published(chrome: str, word: str) -> None:
    from rekisteri.render import render_notice

    draft = import_notice("<html><body>" + chrome + _PAGE_MAIN + "</body></html>").draft
    assert word not in render_notice(draft, locale="fi", format="md")
    assert draft.name is not None
    assert draft.cookie_policy is None


def test_a_header_of_a_page_without_main_is_read_as_before() -> None:
    page = "<html><body><header><h1>Tietosuojaseloste</h1></header>" + _PAGE_MAIN[6:-7]
    draft = import_notice(page + "</body></html>").draft
    assert draft.name is not None
    assert draft.controller.name == "Pajulan Puutarha Oy"
