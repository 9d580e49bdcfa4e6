"""Importer, round 5 (structure): headings, sections, negatives, losses and speed.

Each test names the failure class it guards; the fixtures ``dev_r5s_*`` under
``tests/fixtures/legacy/dev/`` are fictional notices with the layout features.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri.importer import _headings, import_notice, to_toml
from rekisteri.importer._evaluate import lost_passages
from rekisteri.importer._first import Dispatch, branches

# --------------------------------------------------------------------------
# Speed: the heading table tried only where a line's first character fits
# --------------------------------------------------------------------------

_BRANCHES = [
    (kind, text, first)
    for kind, pattern in _headings._PATTERNS
    for text, first in branches(pattern)
]
_WHOLE = re.compile(
    "|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _headings._PATTERNS)
)


def test_the_table_splits_into_its_branches() -> None:
    for kind, pattern in _headings._PATTERNS:
        texts = [text for text, _ in branches(pattern)]
        assert "|".join(texts) == pattern, kind
        assert len(texts) > 1 or "|" not in pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(rekisterin |tietojen )?nimi", {"r", "t", "n"}),
        (r"\w*rekisterin nimi", None),
        (r"(?:a|b)c", {"a", "b"}),
        (r"[a-c]x", {"a", "b", "c"}),
        (r"[^a]x", None),
        (r"(?!ei )kyllä", {"k"}),
        (r"x{0,3}y", {"x", "y"}),
        (r"x{2}y", {"x"}),
        (r"a?", None),  # matches the empty text: any character
    ],
)
def test_first_characters_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    [(text, first)] = branches(pattern)
    assert text == pattern
    assert first == (None if expected is None else frozenset(expected))


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_every_text_a_branch_matches_starts_with_one_of_its_first_characters(
    data: st.DataObject,
) -> None:
    kind, text, first = data.draw(st.sampled_from(_BRANCHES))
    sample = data.draw(st.from_regex(re.compile(text), fullmatch=True))
    if first is not None:
        assert sample[:1] in first, (kind, text, sample)


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_the_dispatch_finds_what_the_whole_alternation_finds(data: st.DataObject) -> None:
    _, text, _ = data.draw(st.sampled_from(_BRANCHES))
    key = data.draw(
        st.one_of(
            st.from_regex(re.compile(text), fullmatch=True),
            st.text(alphabet="aäeiklmnoprstuvy -:/()", max_size=30),
        )
    )
    whole = _WHOLE.fullmatch(key)
    split = _headings._ANY.fullmatch(key)
    assert (whole and whole.lastgroup) == (split and split.lastgroup), key


def test_a_dispatch_with_no_fitting_branch_matches_nothing() -> None:
    dispatch = Dispatch((("A", "abc"), ("B", "b+")))
    assert dispatch.fullmatch("xyz") is None
    assert dispatch.fullmatch("") is None
    found = dispatch.fullmatch("bbb")
    assert found is not None
    assert found.lastgroup == "B"


def test_lines_of_bullets_are_not_joined_into_a_heading() -> None:
    """A heading run over lines goes on with words: '- nimi' is no heading's second line."""
    result = import_notice(
        "1. Rekisterinpitäjä\nEsimerkki Oy\n\n2. Rekisterin tietosisältö\n\n"
        "Asiakkaat\n- nimi\n- osoite\n- puhelinnumero\n"
    )
    names = [category.name.fi for category in result.draft.data_categories]
    assert names[-3:] == ["Nimi", "Osoite", "Puhelinnumero"]
    assert [section for *_, section in result.sections][-1] == "data_categories"


# --------------------------------------------------------------------------
# Negatives: a denial in the first person or with a loanword is a negative
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "sentence", "stated"),
    [
        ("Tietojen siirrot", "Emme siirrä henkilötietoja EU:n ulkopuolelle.", "transfers"),
        ("Tietojen luovutus", "Emme luovuta asiakkaidemme tietoja.", "recipients"),
        ("Utlämnande av uppgifter", "Vi lämnar aldrig ut uppgifter.", "recipients"),
        (
            "Regelmässiga utlämnanden",
            "Föreningen lämnar inte ut medlemmarnas uppgifter.",
            "recipients",
        ),
        ("Evästeet", "Emme käytä cookieita verkkosivuillamme.", "cookies"),
        ("Kakor", "Vi använder inga cookies.", "cookies"),
    ],
)
def test_a_first_person_denial_states_none(heading: str, sentence: str, stated: str) -> None:
    draft = import_notice(f"{heading}\n\n{sentence}\n").draft
    assert stated in {item.value for item in draft.none_stated}
    assert (draft.transfers, draft.recipients, draft.cookies) == ((), (), ())


def test_a_denial_with_an_exception_still_names_the_recipient() -> None:
    draft = import_notice(
        "Tietojen luovutukset\n\nEmme luovuta tietoja, paitsi viranomaisille lain vaatiessa.\n"
    ).draft
    assert "recipients" not in {item.value for item in draft.none_stated}
    assert len(draft.recipients) == 1


# --------------------------------------------------------------------------
# Cookie tables with a column the importer does not know
# --------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [["Huomautus"], ["Lisätieto", "Muuta"]])
def test_a_cookie_table_with_unknown_columns_gives_its_cookies(extra: list[str]) -> None:
    header = ["Eväste", "Tarkoitus", "Kesto", *extra]
    rows = [
        ["_pk_id", "kävijämäärät", "13 kuukautta", *(["oma palvelin"] * len(extra))],
        ["sessio_1", "kirjautuminen", "istunto", *(["-"] * len(extra))],
    ]
    cells = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = f"<h2>Evästeet</h2><table><tr>{cells}</tr>{body}</table><h2>Tietojen säilytys</h2>"
    page += "<p>Tietoja säilytetään kaksi vuotta.</p>"
    result = import_notice(page, html=True)
    cookies = result.draft.cookies
    assert [(c.name, c.duration) for c in cookies] == [
        ("_pk_id", "13 kuukautta"),
        ("sessio_1", "istunto"),
    ]
    # the unknown column's cell is kept with the purpose, not lost
    assert cookies[0].purpose is not None
    assert "oma palvelin" in (cookies[0].purpose.fi or "")
    assert result.draft.retention


# --------------------------------------------------------------------------
# An unknown heading numbered as the next section ends the one before
# --------------------------------------------------------------------------

_NUMBERED_NOTICE = (
    "1. Rekisterinpitäjä\nKylän Kuntosali Oy\nKuntokatu 3, 33100 Tampere\n\n"
    "2. Rekisterin tietosisältö\nAsiakkaan nimi ja puhelinnumero.\n\n"
    "3. Jäsenkortit{gap}Kortin numero luetaan ovella sisään tultaessa.\n\n"
    "4. Tietojen säilytys\nTietoja säilytetään jäsenyyden ajan.\n"
)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_next_numbered_unknown_heading_is_not_read_into_the_section_before(gap: str) -> None:
    result = import_notice(_NUMBERED_NOTICE.format(gap=gap))
    names = [category.name.fi for category in result.draft.data_categories]
    assert not any("Jäsenkortit" in (name or "") or "Kortin" in (name or "") for name in names)
    assert "I001" in {finding.code for finding in result.findings}
    assert result.draft.retention  # the numbering goes on after it


def test_a_numbered_list_after_a_colon_stays_a_list() -> None:
    result = import_notice(
        "1. Rekisterinpitäjä\nKylän Kuntosali Oy\n\n2. Rekisterin tietosisältö\n"
        "Rekisteri sisältää:\n3. Nimi\n4. Puhelinnumero\n"
    )
    names = [category.name.fi for category in result.draft.data_categories]
    assert "Nimi" in names
    assert "I001" not in {finding.code for finding in result.findings}


# --------------------------------------------------------------------------
# A notice of headings and lists only: its words tell its language
# --------------------------------------------------------------------------


def test_a_swedish_notice_of_lists_only_is_swedish() -> None:
    result = import_notice(
        "Registeransvarig\n\nSkogsbyns Ridklubb rf\nStallvägen 2, 68600 Jakobstad\n\n"
        "Registrets namn\n\nMedlemsregister\n\nRegistrets datainnehåll\n\n"
        "- namn\n- e-postadress\n- medlemsnummer\n"
    )
    assert "I012" in {finding.code for finding in result.findings}
    names = [category.name for category in result.draft.data_categories]
    assert [name.sv for name in names] == ["Namn", "E-postadress", "Medlemsnummer"]


def test_a_finnish_notice_of_lists_only_stays_finnish() -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nMetsäkylän Ratsastusseura ry\nTallitie 2, 68600 Pietarsaari\n\n"
        "Rekisterin nimi\n\nJäsenrekisteri\n\nRekisterin tietosisältö\n\n"
        "- nimi\n- sähköpostiosoite\n- jäsennumero\n"
    )
    assert "I012" not in {finding.code for finding in result.findings}
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Nimi",
        "Sähköpostiosoite",
        "Jäsennumero",
    ]


# --------------------------------------------------------------------------
# A heading repeated in Swedish on the line under it is one heading
# --------------------------------------------------------------------------


def test_a_heading_with_its_translation_under_it_is_one_heading() -> None:
    text = (
        "Rekisterin nimi\nRegistrets namn\n\nAsiakasrekisteri\nKundregister\n\n"
        "Tietojen säilytys\nLagring av personuppgifter\nTietoja säilytetään kolme vuotta.\n"
    )
    result = import_notice(text)
    assert result.draft.name is not None
    assert "Registrets namn" not in {result.draft.name.fi, result.draft.name.sv}
    [rule] = result.draft.retention
    assert rule.description is not None
    assert rule.description.fi == "Tietoja säilytetään kolme vuotta."


# --------------------------------------------------------------------------
# Text before the first heading: the description unless strong evidence says more
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tämä tietosuojaseloste koskee henkilötietoja, joita keräämme kurssien osallistujista.",
        "Tässä selosteessa kerromme, mitä tietoja keräämme ja miten niitä käytetään.",
        "I denna dataskyddsbeskrivning berättar vi vilka uppgifter vi samlar in och lagrar.",
    ],
)
def test_a_sentence_about_the_notice_itself_goes_to_the_description(sentence: str) -> None:
    result = import_notice(
        f"{sentence}\n\nRekisterinpitäjä\n\nKurssikeskus Esimerkki Oy\nOpintie 1, 40100 Jyväskylä\n"
    )
    fields = {span.field for span in result.mapped if span.start == 0}
    assert fields == {"description"}
    assert result.draft.data_categories == ()
    assert result.draft.retention == ()
    assert result.draft.purposes == ()


def test_an_introduction_mentioning_retention_in_passing_makes_no_rule() -> None:
    result = import_notice(
        "Asunto Oy Esimerkkipiha – tietosuojaseloste\n"
        "Päivitetty 3.2.2023 (lisätty vuokralaisluettelon säilytysaika).\n\n"
        "Säilytysaika\n\nTietoja säilytetään kaksi vuotta.\n"
    )
    assert len(result.draft.retention) == 1


def test_two_retention_sentences_each_naming_their_data_are_two_rules() -> None:
    result = import_notice(
        "Säilytysaika\n\nAsukasluettelon tiedot poistetaan, kun asukas on muuttanut pois. "
        "Osakasluettelon tiedot säilytetään yhtiön toiminnan ajan.\n"
    )
    assert [rule.description.fi for rule in result.draft.retention if rule.description] == [
        "Asukasluettelon tiedot poistetaan, kun asukas on muuttanut pois.",
        "Osakasluettelon tiedot säilytetään yhtiön toiminnan ajan.",
    ]


# --------------------------------------------------------------------------
# Swedish headings the table did not know; short label headings
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Överlåtelse av information och överföring av uppgifter utanför EU", "recipients"),
        ("7. Regelbundet utlämnande av personuppgifter", "recipients"),
        ("Utlämning av uppgifter", "recipients"),
    ],
)
def test_swedish_disclosure_headings(heading: str, kind: str) -> None:
    found = _headings.recognise(heading)
    assert found is not None
    assert found.value == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Registerinnehavare", "controller"),
        ("Registernamn", "name"),
        ("Användning av registret", "purposes"),
        ("Rätten att förbjuda direktreklam", "other_rights"),
    ],
)
def test_swedish_heading_words(heading: str, kind: str) -> None:
    found = _headings.guess(heading)
    assert found is not None
    assert found.value == kind


def test_a_short_label_line_is_a_heading_of_the_kind_its_words_name() -> None:
    text = (
        "Registeransvarig:\nSkärgårdens Foto Ab\nHamngatan 4, 68600 Jakobstad\n\n"
        "Registrets datainnehåll:\n- namn\n- adress\n\n"
        "Informationskällor:\nUppgifterna fås av kunden själv vid beställningen.\n\n"
        "Till registret sparas även följande uppgifter om beställningen:\n- datum\n"
    )
    result = import_notice(text)
    fields = [field for _, _, field in result.sections]
    assert fields[:3] == ["controller", "data_categories", "sources"]
    assert result.draft.sources
    # a longer line ending in a colon leads in to a list: no heading
    assert len(fields) == 3


def test_an_introduction_that_names_no_data_makes_no_category() -> None:
    result = import_notice(
        "Olemme rekisterinpitäjä tiedoille, joita keräämme kerhon jäsenistä.\n\n"
        "Rekisterin tietosisältö\n\n- nimi\n- puhelinnumero\n"
    )
    assert [c.name.fi for c in result.draft.data_categories] == ["Nimi", "Puhelinnumero"]


# --------------------------------------------------------------------------
# Nothing lost silently: the loss check sees sentences cut up and codes gone
# --------------------------------------------------------------------------

_LEGAL_BASIS = (
    "Tietoja käsitellään jäsenen suostumuksen tai seuran ja jäsenen välisen jäsensuhteen "
    "perusteella, jolloin niitä käytetään seuraaviin tarkoituksiin:"
)
_CUT_NOTICE = (
    "Rekisterinpitäjä\n\nSaaren Soutuseura ry\nRantatie 2, 21100 Naantali\n"
    "Kaupparekisterinumero 4455667\n\n"
    f"Rekisterin käyttötarkoitus\n\n{_LEGAL_BASIS}\n- jäsenyyden hoitaminen\n- tiedottaminen\n"
)


def test_the_draft_keeps_a_long_lead_in_and_the_loss_check_agrees() -> None:
    result = import_notice(_CUT_NOTICE)
    draft = to_toml(result.draft, notes=result.notes)
    assert _LEGAL_BASIS in " ".join(line.lstrip("# ") for line in draft.splitlines())
    assert lost_passages(result, draft) == []


def test_the_loss_check_sees_a_long_sentence_left_only_in_fragments() -> None:
    result = import_notice(_CUT_NOTICE)
    draft = to_toml(result.draft, notes=result.notes)
    # the same draft without the sentence whole: its words are still scattered in it
    fragments = draft.replace(_LEGAL_BASIS, "suostumus; jäsensuhde; seura; jolloin tarkoitukset")
    lost = [field for _, _, field in lost_passages(result, fragments)]
    assert "purposes" in lost


def test_the_loss_check_sees_a_code_that_is_nowhere_in_the_draft() -> None:
    result = import_notice(_CUT_NOTICE)
    draft = to_toml(result.draft, notes=result.notes)
    assert "4455667" in draft  # kept (in a comment at least)
    assert lost_passages(result, draft.replace("4455667", "")) != []


def test_purposes_named_from_a_sentence_that_says_more_keep_the_sentence() -> None:
    sentence = (
        "Käsittelemme asiakkaiden tietoja sopimusten hoitamiseksi ja laskutusta varten sekä "
        "oikeutetun etumme perusteella uusista palveluista tiedottamiseen."
    )
    result = import_notice(f"Rekisterin käyttötarkoitus\n\n{sentence}\n")
    draft = to_toml(result.draft, notes=result.notes)
    assert len(result.draft.purposes) >= 2
    assert "oikeutetun etumme perusteella" in draft
    assert lost_passages(result, draft) == []


# --------------------------------------------------------------------------
# Blind pages of round 5: headings about the notice, 'Tietoja X:stä', lead-ins
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("5.Rekisterin tietosisältö", "data_categories"),  # the number glued to the word
        ("12.Tietojen säilytys", "retention"),
    ],
)
def test_a_number_glued_to_the_heading(heading: str, kind: str) -> None:
    found = _headings.recognise(heading)
    assert found is not None
    assert found.value == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("1 Tietosuojaselosteen tarkoitus", "title"),  # the notice's purpose, not processing's
        ("Yhteystiedot tietosuoja-asioissa", "contact_person"),  # 'tietosuoja' is no security
        ("Tietoja verkkosivuistamme", None),  # information about the site: not data
        ("Tietoja rekisteröidyistä", "data_categories"),
    ],
)
def test_guessed_headings_of_the_blind_pages(heading: str, kind: str | None) -> None:
    found = _headings.guess(heading)
    assert (found.value if found is not None else None) == kind


def test_a_lead_in_names_the_list_under_a_combined_heading() -> None:
    result = import_notice(
        "Henkilötiedot ja niiden käyttötarkoitus\n\n"
        "Henkilötietoja saadaan seuraavista lähteistä:\n- asiakkaalta itseltään\n\n"
        "Rekisterissä käsitellään seuraavia henkilötietoja:\n- nimi\n- puhelinnumero\n"
    )
    assert [c.name.fi for c in result.draft.data_categories] == ["Nimi", "Puhelinnumero"]
    assert [source.key for source in result.draft.sources] == ["data-subject"]
    assert result.draft.purposes == ()


def test_a_notice_without_headings_reads_its_lists_by_their_lead_ins() -> None:
    result = import_notice(
        "Kylän Kuoro ry:n jäsenrekisterin tietosuojaseloste\n\n"
        "Käytämme jäsenten tietoja seuraaviin tarkoituksiin:\n- jäsenluettelon ylläpito\n"
        "- harjoituksista tiedottaminen\n\n"
        "Rekisteri sisältää seuraavia henkilötietoja jäsenistä:\n- nimi\n- sähköpostiosoite\n"
    )
    draft = to_toml(result.draft, notes=result.notes)
    assert [c.name.fi for c in result.draft.data_categories] == ["Nimi", "Sähköpostiosoite"]
    assert len(result.draft.purposes) == 2
    assert draft.count("a list outside any known section, read by its lead-in") == 2
