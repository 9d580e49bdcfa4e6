"""Mechanisms that fix the outside attackers' importer findings (F6, session 15).

Each test writes its own small fictional notice (no text of the legacy fixtures).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._runon import unwrapped
from rekisteri.model import NoneStated

# --- a PDF pasted in a few lines that break anywhere (A12's P2) -----------------------

_FORM = (
    ("Rekisterinpitäjä", "Mäntylän Mehiläistarha Oy, Mäntyläntie 4, 33100 Tampere"),
    ("Rekisterin nimi", "Mehiläistarhan tilaajarekisteri"),
    ("Rekisterin käyttötarkoitus", "Tietoja käytetään tilausten toimittamiseen."),
    ("Rekisterin tietosisältö", "Rekisteriin tallennetaan nimi, osoite ja puhelinnumero."),
    ("Säännönmukaiset tietolähteet", "Tiedot saadaan tilaajalta itseltään."),
    ("Tietojen säännönmukaiset luovutukset", "Tietoja ei luovuteta kenellekään."),
    ("Rekisterin suojauksen periaatteet", "Tiedot ovat lukitussa tietokannassa."),
)


def _one_line() -> str:
    return " ".join(f"{n}. {h} {v}" for n, (h, v) in enumerate(_FORM, 1)) + "\n"


def _broken_at(*words: str) -> str:
    """The one-line paste with the space before each of *words* made a line break."""
    text = _one_line()
    for word in words:
        at = text.index(" " + word)
        text = text[:at] + "\n" + text[at + 1 :]
    return text


def _whole(text: str) -> None:
    draft = import_notice(text).draft
    assert draft.name is not None
    assert draft.name.fi == "Mehiläistarhan tilaajarekisteri"
    assert [p.name.fi for p in draft.purposes] == ["Tilausten toimittaminen"]
    assert [c.name.fi for c in draft.data_categories] == ["Nimi", "Osoite", "Puhelinnumero"]
    assert [s.key for s in draft.sources] == ["data-subject"]
    assert NoneStated.RECIPIENTS in draft.none_stated
    assert len(draft.security) == 1


def test_the_one_line_paste_is_read_whole() -> None:
    _whole(_one_line())


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(("5. Säännönmukaiset",), id="before-a-heading"),
        pytest.param(("Säännönmukaiset tietolähteet",), id="after-the-number"),
        pytest.param(("nimi Mehiläistarhan",), id="inside-a-heading"),
        pytest.param(("kenellekään",), id="inside-a-sentence"),
        pytest.param(("Tiedot ovat",), id="before-the-last-value"),
        pytest.param(("3. Rekisterin", "ja puhelinnumero"), id="three-lines"),
    ],
)
def test_a_paste_in_a_few_short_lines_is_read_by_its_numbered_headings(
    words: tuple[str, ...],
) -> None:
    _whole(_broken_at(*words))


def test_the_rejoined_paste_keeps_its_length_and_puts_each_section_on_a_line() -> None:
    text = _broken_at("Säännönmukaiset tietolähteet", "kenellekään")
    read = unwrapped(text)
    assert len(read) == len(text)
    assert [line.split(" ", 1)[0] for line in read.splitlines()] == [
        f"{n}." for n in range(1, len(_FORM) + 1)
    ]


def test_a_numbered_list_in_a_sentence_of_a_headed_notice_is_left_alone() -> None:
    text = (
        "Rekisterin käyttötarkoitus\n\nTietoja käytetään kolmeen tarkoitukseen: 1. Tilaukset "
        "2. Laskutus 3. Asiakaspalvelu.\n\nRekisterin tietosisältö\n\nNimi ja osoite.\n"
    )
    assert unwrapped(text) == text


def test_headings_on_lines_of_their_own_are_left_alone() -> None:
    text = "".join(f"{n}. {h}\n{v} 9. Huom\n\n" for n, (h, v) in enumerate(_FORM, 1))
    assert unwrapped(text) == text


# --- footnote marks in brackets (A12's P7 residue) --------------------------------------------

_DATA = (
    "Rekisterinpitäjä\n\nSavulan Saippua Oy\nSaippuakuja 2, 40100 Jyväskylä\n\nHenkilötiedot\n\n"
)


@pytest.mark.parametrize(
    ("mark", "legend"),
    [("(*)", "(*)"), ("[*]", "[*]"), ("[2]", "[2]"), ("(**)", "(**)")],
)
def test_a_bracketed_mark_is_no_part_of_the_entry_and_its_legend_describes_it(
    mark: str, legend: str
) -> None:
    draft = import_notice(
        _DATA + f"- sähköposti {mark}\n- kotikunta\n\n{legend} vain uutiskirjeen tilaajilta\n"
    ).draft
    assert [(c.name.fi, c.description and c.description.fi) for c in draft.data_categories] == [
        ("Sähköposti", "Vain uutiskirjeen tilaajilta"),
        ("Kotikunta", None),
    ]


def test_a_number_in_round_brackets_is_no_mark() -> None:
    draft = import_notice(
        _DATA.replace("Henkilötiedot", "Tietojen säilytysaika")
        + "Tietoja säilytetään kuusi (6) vuotta.\n"
    ).draft
    assert len(draft.retention) == 1


# --- two one-word items after a passive lead-in (A9's K3) -------------------------------------

_CATS = (
    "Rekisterinpitäjä\n\nHaapalan Hiihtokoulu\nLatukuja 5, 87100 Kajaani\n\n"
    "Rekisterin tietosisältö\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Rekisteriin merkitään syntymävuosi ja hiihtotaso.", ["Syntymävuosi", "Hiihtotaso"]),
        ("Rekisteriin tallennetaan kotikunta sekä sähköposti.", ["Kotikunta", "Sähköposti"]),
        ("Oppilaan sukset ja monot.", ["Oppilaan sukset", "Monot"]),
    ],
)
def test_two_one_word_items_after_a_passive_lead_in_are_two_entries(
    sentence: str, names: list[str]
) -> None:
    draft = import_notice(_CATS + sentence + "\n").draft
    assert [c.name.fi for c in draft.data_categories] == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Rekisteriin tallennetaan oppilaan syntymävuosi ja hiihtotaso.",  # a shared genitive
        "Oppilaan vanhemmasta tallennetaan nimi ja puhelinnumero.",  # whose data: one entry
    ],
)
def test_two_items_sharing_a_modifier_stay_one_entry(sentence: str) -> None:
    draft = import_notice(_CATS + sentence + "\n").draft
    assert len(draft.data_categories) == 1


# --- a fill-in form's check boxes (A14's Q2) ---------------------------------------------------


def test_only_the_ticked_boxes_of_a_form_are_entries_and_the_empty_ones_are_listed() -> None:
    result = import_notice(_CATS + "☐ syntymäaika\n☑ hiihtotaso\n[ ] kuva\n[X] kotikunta\n")
    assert [c.name.fi for c in result.draft.data_categories] == ["Hiihtotaso", "Kotikunta"]
    assert [p.text for p in result.unmatched] == ["☐ syntymäaika", "[ ] kuva"]


def test_an_empty_box_before_an_identity_code_says_no_code_is_kept() -> None:
    draft = import_notice(_CATS + "[x] nimi\n[ ] henkilötunnus\n").draft
    assert [c.name.fi for c in draft.data_categories] == ["Nimi"]
    assert not any(c.personal_identity_code for c in draft.data_categories)


def test_brackets_inside_a_line_are_no_boxes() -> None:
    draft = import_notice(_CATS + "- nimi [x]\n- kotikunta\n").draft
    assert len(draft.data_categories) == 2


# --- one span mapped once per entry is cut up once (A14's Q1) ----------------------------------


def test_a_span_mapped_for_many_entries_is_cut_up_once() -> None:
    from rekisteri.importer._account import account
    from rekisteri.importer._builder import Mapping

    text = "Kissanruokinta koiranulkoilutus lintujenruokinta kalojenhoito."
    span = Mapping(0, len(text), "purposes")
    reached = ["Kissanruokinta", "Lintujenruokinta"]
    once = account(text, [span], reached)
    assert len(once[0]) > 1  # cut around the lost words
    assert account(text, [span] * 500, reached) == once  # not 500 copies of each piece


def test_a_span_kept_whole_is_kept_for_each_entry() -> None:
    from rekisteri.importer._account import account
    from rekisteri.importer._builder import Mapping

    text = "Kissanruokinta ja lintujenruokinta."
    span = Mapping(0, len(text), "purposes")
    kept, lost = account(text, [span] * 3, ["Kissanruokinta", "Lintujenruokinta"])
    assert (kept, lost) == ([span] * 3, [])


# --- check boxes in other spellings (A14's Q15) -----------------------------------------------


@pytest.mark.parametrize(
    "items",
    [
        "- [x] hiihtotaso\n- [ ] kuva\n",
        "1. [X] hiihtotaso\n2. [ ] kuva\n",
        "[ x ] hiihtotaso\n[  ] kuva\n",
        "(x) hiihtotaso\n( ) kuva\n",
        "■ hiihtotaso\n□ kuva\n",
        "✔ hiihtotaso\n✘ kuva\n",
        "[x]hiihtotaso\n[ ]kuva\n",
        "hiihtotaso [x]\nkuva [ ]\n",
        "Hiihtotaso: Kyllä [x] Ei [ ]\nKuva: Kyllä [ ] Ei [x]\n",
    ],
)
def test_a_form_in_other_box_spellings_gives_the_ticked_entries(items: str) -> None:
    result = import_notice(_CATS + items)
    assert [c.name.fi for c in result.draft.data_categories] == ["Hiihtotaso"]
    assert "kuva" in " ".join(p.text for p in result.unmatched).casefold()


def test_square_bullets_of_a_list_are_no_boxes() -> None:
    draft = import_notice(_CATS + "□ hiihtotaso\n□ kotikunta\n\n■ kuva\n").draft
    assert [c.name.fi for c in draft.data_categories] == ["Hiihtotaso", "Kotikunta", "Kuva"]


def test_an_html_forms_unchecked_box_is_no_entry() -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Haapalan Hiihtokoulu</p><h2>Rekisterin tietosisältö</h2>"
        "<p><input type=checkbox checked> hiihtotaso<br><input type=checkbox> kuva</p>"
    )
    draft = import_notice(page, html=True).draft
    assert [c.name.fi for c in draft.data_categories] == ["Hiihtotaso"]


# --- a notice quoted in an e-mail (A14's Q3) ---------------------------------------------------

_NOTICE = (
    "Rekisterinpitäjä\n\nHaapalan Hiihtokoulu\nLatukuja 5, 87100 Kajaani\n\n"
    "Rekisterin käyttötarkoitus\n\nTietoja käytetään kurssien järjestämiseen.\n\n"
    "Tietojen säännönmukaiset luovutukset\n\nTietoja ei luovuteta.\n"
)


@pytest.mark.parametrize("mark", ["> ", ">", ">> ", "> > "])
def test_a_quoted_notice_reads_as_the_notice(mark: str) -> None:
    quoted = "".join(
        mark.rstrip() + (" " + line if line else "") + "\n" for line in _NOTICE.splitlines()
    )
    plain, read = import_notice(_NOTICE), import_notice(quoted)
    assert read.draft.purposes == plain.draft.purposes
    assert read.draft.none_stated == plain.draft.none_stated
    assert read.draft.controller.name == plain.draft.controller.name
    assert read.unmatched == ()


def test_a_quoted_line_or_two_in_a_notice_are_its_text() -> None:
    from rekisteri.importer._quoted import quote_marks

    assert quote_marks(_NOTICE + "\n> Lainaus asiakkaan viestistä.\n> Toinen rivi.\n") == []


# --- the identity code's flag: held, not left out; other names (A14's Q33, Q35) -----------------


@pytest.mark.parametrize(
    ("item", "flag"),
    [
        ("oppilaan henkilötunnus", True),
        ("henkilötunnus (vain laskutukseen)", True),
        ("sotu", True),
        ("personal identification number", True),
        ("syntymävuosi (henkilötunnusta ei kysytä)", False),
        ("syntymävuosi; henkilötunnusta emme tallenna", False),
        ("hetua ei pyydetä", False),
    ],
)
def test_the_identity_code_flag_follows_what_the_item_says(item: str, *, flag: bool) -> None:
    draft = import_notice(_CATS + "- kotikunta\n- " + item + "\n").draft
    assert any(c.personal_identity_code for c in draft.data_categories) is flag


# --- a denial whose 'but' clause names a party or a place outside (A14's Q37) ------------------

_SHOP = "Rekisterinpitäjä\n\nSavulan Saippua Oy\nSaippuakuja 2, 40100 Jyväskylä\n\n"


@pytest.mark.parametrize(
    ("heading", "sentence", "field"),
    [
        (
            "Tietojen luovutukset",
            "Emme luovuta tietoja, mutta kuljetusliikkeen toimittaja saa osoitteen.",
            "recipients",
        ),
        (
            "Tietojen siirrot",
            (
                "Emme siirrä tietoja EU:n ulkopuolelle, mutta varmuuskopioiden toimittaja on "
                "kanadalainen."
            ),
            "transfers",
        ),
    ],
)
def test_a_but_clause_naming_a_party_or_a_place_lifts_the_denial(
    heading: str, sentence: str, field: str
) -> None:
    draft = import_notice(_SHOP + heading + "\n\n" + sentence + "\n").draft
    assert field not in [none.value for none in draft.none_stated]


def test_a_but_clause_naming_nobody_keeps_the_denial() -> None:
    draft = import_notice(
        _SHOP + "Tietojen luovutukset\n\nEmme luovuta tietoja, mutta säilytämme ne huolella.\n"
    ).draft
    assert [none.value for none in draft.none_stated] == ["recipients"]


# --- a denial with a condition is no flat denial (A14's Q31) -----------------------------------


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("Tietojen siirrot", "Emme siirrä tietoja EU:n ulkopuolelle ilman mallilausekkeita."),
        (
            "Tietojen siirrot",
            "Emme siirrä tietoja ETA:n ulkopuolelle ilman riittävää suojan tasoa.",
        ),
        ("Tietojen luovutukset", "Emme luovuta tietoja, jollemme ole siihen velvollisia."),
        ("Henkilötietojen käsittelijät", "Emme käytä alihankkijoita ilman kirjallista sopimusta."),
    ],
)
def test_a_conditional_denial_states_no_none(heading: str, sentence: str) -> None:
    draft = import_notice(_SHOP + heading + "\n\n" + sentence + "\n").draft
    assert draft.none_stated == ()


# --- Markdown emphasis around a whole item or line (A14's Q38) ---------------------------------


def test_emphasised_items_are_named_without_their_marks_and_the_marks_are_structure() -> None:
    result = import_notice(_CATS + "- **hiihtotaso**\n* _kotikunta_\n- `kuva`\n")
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Hiihtotaso",
        "Kotikunta",
        "Kuva",
    ]
    assert result.unmatched == ()


def test_a_bold_line_and_a_footnote_star_keep_their_marks() -> None:
    from rekisteri.importer._markdown import emphasis_marks

    assert emphasis_marks("**Rekisterin tietosisältö**\n- nimi*\n- osoite\n") == []


# --- a contact-details group inside the data section stays data (A14's Q19) --------------------


def test_a_contact_details_group_under_the_data_heading_is_data() -> None:
    result = import_notice(
        _CATS + "Yhteystiedot\n- kotiosoite\n- puhelinnumero\n\nTaitotiedot\n- hiihtotaso\n"
    )
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Kotiosoite",
        "Puhelinnumero",
        "Hiihtotaso",
    ]
    assert result.draft.controller.name == "Haapalan Hiihtokoulu"


def test_a_contact_heading_with_values_under_the_data_heading_is_no_data_group() -> None:
    from rekisteri.importer._structure import _labels_only, split

    text = _CATS + "Yhteystiedot\n- info@hiihtokoulu.example\n- 040 123 4567\n"
    sections = split(text)
    last = sections[-1]
    assert not _labels_only(text, last.pieces)
